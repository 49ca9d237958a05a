//! The mentions and facts of one article as they are gathered: mentions added per
//! sentence, names resolved against the article's jurisdiction, posts joined to their
//! holders, pronouns and bare titles to the person they stand for.

use super::facts::{End, EntityMention, Fact, Jurisdiction};
use super::grammar::ChunkDetails;
use super::organ_names::{canonical_org, leading_places, level_char_matches};
use crate::graph::Relation;
use crate::lexicon::{Lexicon, PlaceLevel};
use crate::mention::{Mention, MentionKind};

pub(super) struct ArticleBuilder<'a> {
    pub(super) lex: &'a Lexicon,
    pub(super) ents: Vec<EntityMention>,
    pub(super) facts: Vec<Fact>,
    /// The last post added: its sentence, holder and organisation, for the posts that
    /// follow in the same list.
    pub(super) last_post: Option<(usize, usize, usize)>,
    /// The organ of the last post of each head (主席 → 区政协), with its sentence: a
    /// post written without an organ shortly after is of the same organ.
    pub(super) organs_of_heads: Vec<(String, usize, usize)>,
    /// Events dated by the first day of a range (9月25日至27日): what happened during
    /// them happened on a day the text does not give.
    pub(super) multi_day: Vec<usize>,
    /// Events told to be held on a day after the one the text last named (会议决定…
    /// 第四次会议于1月24日召开): not yet happened, so no bare 会议 after is about them.
    pub(super) scheduled: Vec<usize>,
}

/// A post as a sentence writes it, its mentions found.
pub(super) struct PostAt {
    /// The title's mention.
    pub(super) title: usize,
    /// The organisation or place written before it, or carried over.
    pub(super) org: Option<usize>,
    /// The organisation is carried over from the previous post in the list.
    pub(super) inherited: bool,
    /// A division's word is written right before the title after a name the
    /// gazetteer does not know (下莱茵省省长): the post is of that place.
    pub(super) after_unknown_place: bool,
}

/// Bodies of a development zone, written without the zone after a post on its party
/// working committee (开发区党工委委员、管委会副主任).
const ZONE_BODIES: &[&str] = &["管委会", "管理委员会", "党群工作部", "纪工委"];

/// Departments of a party committee, written without it after a post on the committee
/// (市委常委、统战部部长: the 统战部 of that 市委).
const PARTY_DEPARTMENTS: &[&str] = &[
    "组织部",
    "宣传部",
    "统战部",
    "政法委",
    "办公室",
    "政策研究室",
    "编办",
    "网信办",
    "巡察办",
    "农办",
    "党校",
];

impl ArticleBuilder<'_> {
    pub(super) fn push(&mut self, sentence: usize, m: &Mention, info: &ChunkDetails) -> usize {
        let mut e = EntityMention::new(m.kind, m.text.clone(), sentence, m.start, m.end);
        e.set_subtype(info.event_type.clone().or_else(|| info.head.clone()));
        e.set_place(info.juris.clone());
        self.ents.push(e);
        self.ents.len() - 1
    }

    /// The person 他/她 at (sentence, start) refers to: the only person named in the
    /// nearest sentence before it that names anyone (earlier in its own sentence counts).
    pub(super) fn antecedent(&self, sentence: usize, start: usize) -> Option<usize> {
        let before = |e: &EntityMention| {
            e.sentence() < sentence || e.sentence() == sentence && e.end() <= start
        };
        let nearest = self
            .ents
            .iter()
            .filter(|e| e.kind == MentionKind::Person && before(e))
            .map(|e| e.sentence())
            .max()?;
        let names: std::collections::BTreeSet<&str> = self
            .ents
            .iter()
            .filter(|e| e.kind == MentionKind::Person && e.sentence() == nearest && before(e))
            .map(|e| e.text.as_str())
            .collect();
        let [name] = names.into_iter().collect::<Vec<_>>()[..] else {
            return None;
        };
        self.ents
            .iter()
            .position(|e| e.kind == MentionKind::Person && e.text == name && before(e))
    }

    /// The one person of the article who holds `title` (and whose surname is `surname`).
    pub(super) fn holder(&self, title: &str, surname: Option<char>) -> Option<usize> {
        let mut found: Vec<usize> = self
            .facts
            .iter()
            .filter(|f| f.relation == Relation::HoldsPosition && f.title() == Some(title))
            .filter_map(|f| f.source.index())
            .filter(|&p| surname.is_none_or(|c| self.ents[p].text.starts_with(c)))
            .collect();
        found.sort_by_key(|&p| self.ents[p].text.clone());
        found.dedup_by_key(|p| self.ents[*p].text.clone());
        match found.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// An entity the text implies at another mention's span (区长 → 惠济区人民政府).
    pub(super) fn synth(
        &mut self,
        at: usize,
        kind: MentionKind,
        name: &str,
        reason: Option<String>,
    ) -> usize {
        let a = &self.ents[at];
        let (sentence, start, end) = (a.sentence(), a.start(), a.end());
        if let Some(i) = self.ents.iter().position(|e| {
            e.kind == kind
                && e.canonical() == name
                && e.sentence() == sentence
                && e.start() == start
        }) {
            return i;
        }
        let mut e = EntityMention::new(kind, name.to_string(), sentence, start, end);
        e.set_reason(reason);
        self.ents.push(e);
        self.ents.len() - 1
    }

    pub(super) fn fact(
        &mut self,
        relation: Relation,
        s: usize,
        t: usize,
        title: Option<String>,
        sentence: usize,
    ) {
        let (a, b) = (&self.ents[s], &self.ents[t]);
        // The evidence quotes the sentence that states the fact, with the span of what
        // it names there; when it names neither end (他强调…, the headline's meeting),
        // it quotes the sentence of the subject, so offsets always fit their quote.
        let (sentence, start, end) = if a.sentence() == sentence && b.sentence() == sentence {
            (sentence, a.start().min(b.start()), a.end().max(b.end()))
        } else if a.sentence() == sentence {
            (sentence, a.start(), a.end())
        } else if b.sentence() == sentence {
            (sentence, b.start(), b.end())
        } else {
            (a.sentence(), a.start(), a.end())
        };
        self.facts.push(
            Fact::new(relation, End::ent(s), End::ent(t), sentence, start, end)
                .with_labels(title, None),
        );
    }

    /// Canonical names for places and organisations.
    pub(super) fn resolve_names(&mut self, j: &Jurisdiction) {
        for i in 0..self.ents.len() {
            self.resolve_one(i, j);
        }
    }

    pub(super) fn resolve_one(&mut self, i: usize, j: &Jurisdiction) {
        let lex = self.lex;
        match self.ents[i].kind {
            MentionKind::Place => {
                let e = &mut self.ents[i];
                if let Some(p) = lex.place(&e.text) {
                    if p.name != e.text {
                        e.set_reason(Some(format!("short form of {} in the gazetteer", p.name)));
                        e.set_canonical(p.name.clone());
                    }
                }
            }
            MentionKind::Organization => {
                let nearer = self.place_written_before(i).map(|(c, place)| {
                    let mut j = j.clone();
                    j.set_for_char(c, place);
                    j
                });
                let j = nearer.as_ref().unwrap_or(j);
                let e = &mut self.ents[i];
                let (canon, place, reason) = canonical_org(lex, &e.text, e.place(), j);
                if canon != e.text {
                    e.set_reason(reason);
                }
                e.set_canonical(canon);
                e.set_place(place);
            }
            _ => {}
        }
    }

    /// For an organ written with its level character alone (市委), the place of that
    /// level written out in the nearest organ before it in the sentence (三亚市委书记
    /// 王祺扬，市委副书记、市长陈希会见了文昌市委书记龙卫东，市委副书记、市长曹树育),
    /// which the text means before the article's own.
    fn place_written_before(&self, i: usize) -> Option<(char, String)> {
        let e = &self.ents[i];
        let w = e.place()?;
        let mut cs = w.chars();
        let (Some(c), None) = (cs.next(), cs.next()) else {
            return None;
        };
        self.ents[..i]
            .iter()
            .rev()
            .filter(|o| {
                o.kind == MentionKind::Organization
                    && o.sentence() == e.sentence()
                    && o.start() < e.start()
            })
            // Only the nearest organ written with its place: past another place's
            // (泊头市委…，南皮县委…，市发展改革委), 市 is the article's city again.
            .find_map(|o| {
                let place = self.lex.place(o.place()?)?;
                let level = place.name.chars().next_back()?;
                let stem = place.name.strip_suffix(level)?;
                // The place's own organ (衡阳市委, 湖南衡阳市委), not a body named
                // after the city (西安铁路局 in an article about 宝鸡).
                let own = o.text.split_once(stem).is_some_and(|(before, rest)| {
                    rest.starts_with(level)
                        && (before.is_empty() || self.lex.place(before).is_some())
                });
                (stem.chars().count() >= 2 && own).then_some(place)
            })
            .filter(|place| place.name.ends_with(c) && level_char_matches(place, c))
            .map(|place| (c, place.name.clone()))
    }

    /// The organ of a post: the one written, else that of the same head in this
    /// sentence or the two before (区政协主席张禾波主持。副主席丁宏斌…参加: 区政协's;
    /// a session's 秘书长 is of the 政协 or 人大常委会 named so). Records the organ of
    /// each head as it goes.
    fn organ_of_head(&mut self, si: usize, title: &str, org: Option<usize>) -> Option<usize> {
        let Some((_, head)) = self.lex.parse_title(title) else {
            return org;
        };
        let head = head.to_string();
        if let Some(o) = org {
            self.organs_of_heads.retain(|(h, _, _)| *h != head);
            self.organs_of_heads.push((head, o, si));
            return org;
        }
        let recent = |&&(_, _, s): &&(String, usize, usize)| s <= si && si - s <= 2;
        let same_head = self
            .organs_of_heads
            .iter()
            .filter(recent)
            .find(|(h, _, _)| *h == head)
            .map(|&(_, o, _)| o);
        let body_of_sessions = || {
            self.organs_of_heads
                .iter()
                .filter(recent)
                .map(|&(_, o, _)| o)
                .rfind(|&o| {
                    let c = self.ents[o].canonical();
                    c.ends_with("政协") || c.ends_with("常委会")
                })
        };
        match head.as_str() {
            "秘书长" => same_head.or_else(body_of_sessions),
            // Members (委员, 成员) belong to too many bodies to guess one.
            "委员" | "成员" | "党组成员" => None,
            _ => same_head,
        }
    }

    /// Drops the places named by a county's short form that is also a word (友谊 of
    /// 两地之间的友谊, 惠民 of 兴业惠民, 金山 of 金山银山) where nothing else in the article
    /// is in that county's city: read as a word, not as 友谊县.
    pub(super) fn drop_unplaced_county_short_forms(&mut self, j: &Jurisdiction) {
        let around: Vec<&str> = [
            j.county.as_deref(),
            j.city.as_deref(),
            j.prefecture.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect();
        let mut dropped = Vec::new();
        for (i, e) in self.ents.iter().enumerate() {
            if e.kind != MentionKind::Place || crate::lexicon::is_division_name(&e.text) {
                continue;
            }
            let chain = self.lex.place_chain(&e.text);
            let county = chain.first().is_some_and(|p| p.level == PlaceLevel::County);
            if !county || chain.iter().any(|p| around.contains(&p.name.as_str())) {
                continue;
            }
            // 高阳 of 国华、高阳、盐河等乡镇: a town of the article's county.
            let town_here = ["镇", "乡", "街道"].iter().any(|s| {
                self.lex
                    .counties_of_town(&format!("{}{s}", e.text))
                    .iter()
                    .any(|c| Some(*c) == j.county.as_deref())
            });
            // 开封、滑县、长垣、封丘等…基地: a short form listed among places is one.
            let listed = self.ents.iter().any(|o| {
                o.kind == MentionKind::Place
                    && o.sentence() == e.sentence()
                    && (o.end() + 1 == e.start() || e.end() + 1 == o.start())
            });
            if !town_here && !listed {
                dropped.push(i);
            }
        }
        for i in dropped {
            self.ents[i].orphan = true;
        }
    }

    /// Drops the organisations named only by their kind (代表团, 主席团, 办事处, 各委,
    /// 辖区街道办): no body of its own, unless a post is held in it (代表团团长 X).
    pub(super) fn drop_bodies_without_a_name(&mut self) {
        const KINDS: &[&str] = &[
            "代表团",
            "主席团",
            "代表队",
            "人大",
            "政协",
            "委员会",
            "常务委员会",
            "办事处",
            "街道办",
            "党支部",
            "村支部",
            "党委人民政府",
            "乡镇人民政府",
            "服务中心",
            "工会组织",
            "委办局",
            "中心",
        ];
        let mut in_posts = vec![false; self.ents.len()];
        for f in &self.facts {
            if f.relation == Relation::HoldsPosition {
                if let Some(o) = f.target.index() {
                    in_posts[o] = true;
                }
            }
        }
        for (e, held) in self.ents.iter_mut().zip(in_posts) {
            let name = e.canonical();
            let kind_only = KINDS.contains(&name)
                || ["各", "辖区"]
                    .iter()
                    .any(|p| name.starts_with(p) && name.chars().count() <= 8);
            if e.kind == MentionKind::Organization && kind_only && !held {
                e.orphan = true;
            }
        }
    }

    pub(super) fn add_post(&mut self, si: usize, person: usize, post: PostAt, j: &Jurisdiction) {
        let PostAt {
            title,
            org,
            inherited,
            after_unknown_place,
        } = post;
        let mut title_text = self.ents[title].text.clone();
        // A post of a session (主席团常务主席) is no post of an organisation.
        if org.is_some_and(|o| self.ents[o].canonical().ends_with("主席团")) {
            return;
        }
        // 天津大学党委书记: the 书记 of the body's party committee (天津大学党委), as
        // 党组书记 stays a post of the body itself.
        let mut org = org;
        if let Some(o) = org {
            let committee = ["党委", "党工委"]
                .iter()
                .find(|c| title_text.starts_with(*c))
                .filter(|c| self.lex.parse_title(&title_text[c.len()..]).is_some());
            let body = self.ents[o].canonical().to_string();
            if let Some(c) = committee.filter(|_| !body.ends_with('委') && !inherited) {
                let name = format!("{body}{c}");
                let why = format!("{title_text} is a post of the {c} of {body}");
                let g = self.synth(title, MentionKind::Organization, &name, Some(why));
                let place = self.ents[o].place().map(str::to_string);
                self.ents[g].set_place(place);
                title_text = title_text[c.len()..].to_string();
                org = Some(g);
            }
        }
        if let (Some(o), Some((ls, lp, lo))) = (org, self.last_post) {
            let bare = PARTY_DEPARTMENTS.contains(&self.ents[o].canonical());
            // 县委常委、组织部部长、统战部部长: the committee of a department before it.
            let committee = self.ents[lo].canonical();
            let committee = PARTY_DEPARTMENTS
                .iter()
                .find_map(|d| committee.strip_suffix(d))
                .filter(|c| c.ends_with('委'))
                .unwrap_or(committee)
                .to_string();
            // An organ written bare right after another post of the same person takes
            // its place from that post's organ; a bureau does after the post of the
            // person before too (船营区副区长段继光、经合局局长于振东).
            let text = self.ents[o].text.clone();
            let bare_bureau = (text.ends_with('局') || text == "人武部")
                && text == self.ents[o].canonical()
                && (leading_places(self.lex, &text).is_empty()
                    || self.lex.org_abbrev().contains_key(&text))
                && !text.starts_with(crate::lexicon::JURISDICTION_CHARS);
            if ls == si && (lp == person || bare_bureau) && o != lo {
                let before = self.ents[lo].canonical();
                let renamed = if bare_bureau {
                    // 县人大常委会副主任、教育局长, 县委常委、人武部部长: a bureau written
                    // without its place is of the place of the organ before it, or of
                    // its level where that place is not named (县政府副县长、公安局局长).
                    let level = before
                        .chars()
                        .next()
                        .filter(|c| matches!(c, '市' | '区' | '县' | '旗'))
                        .map(String::from);
                    leading_places(self.lex, before)
                        .first()
                        .and_then(|p| self.lex.place(p))
                        .map(|p| p.name.clone())
                        .filter(|p| before.starts_with(p.as_str()))
                        .or(level)
                        .map(|p| {
                            let why = format!("{text} of {p}, the place of the post before it");
                            (format!("{p}{text}"), why)
                        })
                } else if lp != person {
                    // Only a bureau takes its place from another person's post.
                    None
                } else if text == "监委" {
                    // 市纪委常委、监委委员: the supervisory commission of the discipline
                    // commission's jurisdiction.
                    before.strip_suffix("纪委").map(|j| {
                        let why = format!("监委 of {j}, whose 纪委 the post before it is of");
                        (format!("{j}监委"), why)
                    })
                } else if matches!(text.as_str(), "纪委" | "纪委监委") {
                    // 区委常委、纪委书记: the discipline commission of the jurisdiction
                    // whose party committee the post before it is of.
                    before
                        .strip_suffix("党委")
                        .or_else(|| before.strip_suffix('委'))
                        .filter(|j| j.ends_with(['省', '市', '州', '区', '县', '旗', '镇', '乡']))
                        .map(|j| {
                            let why = format!("{text} of {j}, whose 委 the post before it is of");
                            (format!("{j}{text}"), why)
                        })
                } else if ZONE_BODIES.contains(&self.ents[o].canonical()) {
                    // 开发区党工委委员、管委会副主任: the zone's administration, after its
                    // party working committee.
                    before
                        .strip_suffix("党工委")
                        .filter(|z| !z.is_empty())
                        .map(|zone| {
                            let why =
                                format!("{text} of {zone}, whose 党工委 the post before it is of");
                            (format!("{zone}{text}"), why)
                        })
                } else if bare && committee.ends_with('委') {
                    let why = format!("{text} of {committee}, the organ of the post before it");
                    Some((format!("{committee}{text}"), why))
                } else {
                    None
                };
                if let Some((name, why)) = renamed {
                    self.ents[o].set_canonical(name);
                    self.ents[o].set_reason(Some(why));
                }
            }
        }
        if let Some(o) = org {
            self.last_post = Some((si, person, o));
        }
        // 集团党委副书记、总经理: a post that is no party post, carried over from the
        // party committee of a body, is a post of the body itself.
        let org = match org {
            Some(o) if inherited => {
                let name = self.ents[o].canonical().to_string();
                let party_head = self.lex.parse_title(&title_text).is_some_and(|(_, h)| {
                    matches!(h, "书记" | "委员" | "常委" | "成员" | "党组成员")
                });
                let body = ["党委", "党组", "党工委"]
                    .iter()
                    .find_map(|s| name.strip_suffix(s))
                    .filter(|b| b.chars().count() >= 2)
                    // A division's party committee (戴庙镇党委): its other posts are the
                    // government's, settled below.
                    .filter(|b| !crate::lexicon::is_division_name(b));
                match body {
                    Some(b) if !party_head => {
                        let why = format!("{title_text} is a post of {b}, not of its {name}");
                        let b = b.to_string();
                        Some(self.synth(title, MentionKind::Organization, &b, Some(why)))
                    }
                    _ => Some(o),
                }
            }
            other => other,
        };
        let government = self
            .lex
            .parse_title(&title_text)
            .is_some_and(|(_, head)| self.lex.titles().get(head).copied().unwrap_or(false));
        let org = if government {
            org
        } else {
            self.organ_of_head(si, &title_text, org)
        };
        // A government head (区长) serves the people's government of a jurisdiction: the
        // one of the organ before it in the list (惠济区委 → 惠济区), else the article's.
        // 丰台区常务副区长: a place written before the post is whose government it is.
        let org_is_place = org.is_some_and(|o| self.ents[o].kind == MentionKind::Place);
        let target = if government && (org.is_none() || inherited || org_is_place) {
            let level = self
                .lex
                .parse_title(&title_text)
                .map(|(_, h)| h.chars().next().unwrap_or('市'))
                .unwrap_or('市');
            // The place written before the post is the one; an organ before it in the
            // list gives its place if of the post's level.
            let written = org.filter(|_| org_is_place).and_then(|o| {
                self.lex
                    .place(self.ents[o].canonical())
                    .map(|p| p.name.clone())
            });
            let from_list = written.or_else(|| {
                org.filter(|_| !org_is_place)
                    .and_then(|o| self.ents[o].place().map(str::to_string))
                    .filter(|p| {
                        self.lex
                            .place(p)
                            .is_some_and(|pl| level_char_matches(pl, level))
                    })
            });
            let named = j.name_for_char(level).filter(|_| from_list.is_none());
            let place = from_list.or_else(|| j.for_char(level).map(str::to_string));
            match place {
                Some(p) => {
                    let name = format!("{}人民政府", named.as_deref().unwrap_or(&p));
                    let why = format!("{title_text} heads the people's government of {p}");
                    let g = self.synth(title, MentionKind::Organization, &name, Some(why));
                    self.ents[g].set_place(Some(p));
                    Some(g)
                }
                // A place the gazetteer does not know (斯特拉斯堡市市长) is whose the
                // post is, as written.
                None if org_is_place => org,
                // The article names no place of the post's level: the post is still
                // in a people's government, left unplaced as a bare 市委 is. Not after
                // a place the gazetteer does not know (下莱茵省省长): that is another's.
                None if "省市州县区乡镇".contains(level) && !after_unknown_place => {
                    let name = format!("{level}人民政府");
                    let why = format!("{title_text} heads a {level} people's government");
                    Some(self.synth(title, MentionKind::Organization, &name, Some(why)))
                }
                None => None,
            }
        } else {
            org
        };
        if let Some(t) = target {
            self.fact(
                Relation::HoldsPosition,
                person,
                t,
                Some(title_text.clone()),
                si,
            );
        } else {
            // No organ known: the post is still worth keeping on the person.
            self.facts.push(
                Fact::new(
                    Relation::HoldsPosition,
                    End::ent(person),
                    End::ent(title),
                    si,
                    self.ents[title].start(),
                    self.ents[person].end(),
                )
                .with_labels(Some(title_text), None),
            );
        }
    }
}
