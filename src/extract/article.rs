//! The passes of one article's analysis, in the order [`super::Extractor::analyze_owned`]
//! runs them: its sentences, the mentions of every sentence, the relations inside each
//! sentence, the roles at events, organisations located in their jurisdiction, the
//! bylines, and the article's mentions of every entity.

use super::builder::{ArticleBuilder, PostAt};
use super::date::{self, Date};
use super::events;
use super::facts::{End, Fact, Jurisdiction};
use super::grammar::ChunkDetails;
use super::relations::{self, Party};
use super::token::{is_clause_break, Category, Word};
use super::SentenceParse;
use crate::graph::Relation;
use crate::ingest::{Article, Byline};
use crate::lexicon::RoleVerb;
use crate::mention::{Mention, MentionKind};
use crate::normalize::normalize_text;
use crate::segment::split_sentences;
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;

/// The normalised sentences of an article: the headline first, when there is one.
pub(super) fn sentences(article: &Article) -> Vec<String> {
    let mut sentences: Vec<String> = Vec::new();
    if let Some(h) = &article.headline {
        // Spaces in a headline separate its phrases: keep one, as a comma would.
        let h = h
            .split_whitespace()
            .map(normalize_text)
            .collect::<Vec<_>>()
            .join(" ");
        if !h.trim().is_empty() {
            sentences.push(h);
        }
    }
    let body = normalize_text(&article.body);
    for s in split_sentences(&body) {
        sentences.push(s.text);
    }
    sentences
}

/// Marks that open the items of an article of several (要闻简报: ◆9月23日,…).
const SECTION_MARKS: &[char] = &['◆', '●', '■', '▲', '★', '◇', '□', '☆'];

/// Where each sentence's chunks and names went among the article's mentions.
pub(super) struct MentionsAt {
    /// Per sentence, per chunk: its mention.
    pub chunks: Vec<Vec<Option<usize>>>,
    /// Per sentence: word index of an accepted name → its mention.
    pub persons: Vec<HashMap<usize, usize>>,
}

impl ArticleBuilder<'_> {
    /// Adds every sentence's chunks and accepted names as mentions.
    pub(super) fn add_mentions(&mut self, parses: &[SentenceParse]) -> MentionsAt {
        let mut at = MentionsAt {
            chunks: Vec::new(),
            persons: Vec::new(),
        };
        for (si, p) in parses.iter().enumerate() {
            let mut ids = Vec::new();
            for c in &p.chunks {
                ids.push(Some(self.push(si, &c.mention, &c.details)));
            }
            at.chunks.push(ids);
            let mut pe = HashMap::default();
            for &i in &p.people {
                let t = &p.toks[i];
                let m = Mention {
                    start: t.start,
                    end: t.end,
                    kind: MentionKind::Person,
                    text: t.word.clone(),
                };
                pe.insert(i, self.push(si, &m, &ChunkDetails::default()));
            }
            at.persons.push(pe);
        }
        at
    }

    /// What each sentence says on its own: posts (as facts), event roles (returned,
    /// to be settled with the article's events), events dated by the nearest date
    /// before them, documents and their issuers, organisations and their parents.
    pub(super) fn relate_sentences(
        &mut self,
        parses: &[SentenceParse],
        at: &MentionsAt,
        jurisdiction: &Jurisdiction,
        article_date: Option<&str>,
    ) -> (Vec<(usize, relations::Role)>, Vec<usize>) {
        let article_day = article_date.and_then(Date::parse);
        // Only a four-digit year is lent to the article's other dates: one of a garbled
        // date (12020-03-19) would date them all wrong.
        let year = article_day
            .and_then(|d| d.year)
            .filter(|y| (0..=9999).contains(y));
        let mut roles: Vec<(usize, relations::Role)> = Vec::new();
        let mut held: Vec<usize> = Vec::new();
        // The day the text last named: 当天 and 当日 are that day, not the publication's.
        let mut told_day: Option<Date> = None;
        for (si, p) in parses.iter().enumerate() {
            let rel = relations::relate(self.lex, &p.toks, &p.chunks, &p.people);
            held.extend(rel.held.iter().filter_map(|&c| at.chunks[si][c]));
            for post in rel.posts {
                let Some(person) = at.persons[si].get(&post.person).copied() else {
                    continue;
                };
                let Some(title) = at.chunks[si][post.title] else {
                    continue;
                };
                let org = post.org.and_then(|o| at.chunks[si][o]);
                let before = |back: usize| {
                    p.chunks[post.title]
                        .tok_start
                        .checked_sub(back)
                        .and_then(|i| p.toks.get(i))
                };
                let after_unknown_place = before(1)
                    .is_some_and(|t| t.category == Category::JurisdictionWord)
                    && before(2)
                        .is_some_and(|t| matches!(t.category, Category::Nominal | Category::Place));
                let post = PostAt {
                    title,
                    org,
                    inherited: post.inherited,
                    after_unknown_place,
                };
                self.add_post(si, person, post, jurisdiction);
            }
            for r in rel.roles {
                // 传达学习了习近平总书记在重庆考察时的讲话, 充分认识习近平总书记在开班式上
                // 讲话的意义: a person whose past words are studied took no part here.
                if matches!(r.subject, Party::Person(t) if studied(&p.toks, t)) {
                    continue;
                }
                roles.push((si, r));
            }
            let sentence_ents: Vec<usize> = at.chunks[si].iter().flatten().copied().collect();
            let framing: Vec<usize> = rel
                .framing
                .iter()
                .filter_map(|&c| at.chunks[si][c])
                .collect();
            // The sentence's last date, resolved once for the occasions after it.
            let mut last_date: Option<(Date, Option<String>)> = None;
            let mut range = false;
            for (c, e) in at.chunks[si].iter().enumerate() {
                let Some(e) = *e else { continue };
                match self.ents[e].kind {
                    MentionKind::Date => {
                        let text = &self.ents[e].text;
                        let day_told = date::is_day_told(text);
                        last_date =
                            date::resolve_date(text, date_base(text, told_day, article_day), year);
                        if !day_told {
                            if let Some((day, _)) = &last_date {
                                told_day = Some(*day);
                            }
                        }
                        range = p
                            .toks
                            .get(p.chunks[c].tok_end)
                            .is_some_and(|t| date::is_range_mark(&t.word));
                    }
                    MentionKind::Event if !framing.contains(&e) => {
                        // 第四次会议于2021年1月24日在兰州召开: the date told right after
                        // the name is the occasion's own, whatever the sentence told before.
                        if let Some(text) = date_after(p, c) {
                            let base = date_base(text, told_day, article_day);
                            if let Some((date, time)) = date::resolve_date(text, base, year) {
                                let day_known = told_day.or(article_day);
                                if day_known.is_some_and(|known| date.is_after(known)) {
                                    self.scheduled.push(e);
                                }
                                self.ents[e].set_date(Some(date.to_string()));
                                self.ents[e].set_time(time);
                            }
                            continue;
                        }
                        if to_be_convened(&p.toks, p.chunks[c].tok_start, p.chunks[c].tok_end) {
                            continue;
                        }
                        if let Some((date, time)) = last_date.clone() {
                            self.ents[e].set_date(Some(date.to_string()));
                            self.ents[e].set_time(time);
                            if range {
                                self.multi_day.push(e);
                            }
                        }
                    }
                    _ => {}
                }
            }
            for &e in &sentence_ents {
                let c = &p.chunks[at.chunks[si]
                    .iter()
                    .position(|x| *x == Some(e))
                    .expect("own chunk")];
                if let Some(issuer) = &c.details.issuer {
                    if let Some(o) = sentence_ents.iter().copied().find(|&o| {
                        self.ents[o].kind == MentionKind::Organization
                            && self.ents[o].text == *issuer
                            && self.ents[o].start() == self.ents[e].start()
                    }) {
                        self.fact(Relation::Issued, o, e, None, si);
                    }
                }
                if let Some(parent) = &c.details.parent {
                    let child = &self.ents[e];
                    let m = Mention {
                        start: child.start(),
                        end: child.start() + parent.chars().count(),
                        kind: MentionKind::Organization,
                        text: parent.clone(),
                    };
                    let details = ChunkDetails {
                        juris: c.details.juris.clone(),
                        ..ChunkDetails::default()
                    };
                    let pe = self.push(si, &m, &details);
                    self.resolve_one(pe, jurisdiction);
                    self.fact(Relation::PartOf, e, pe, None, si);
                }
            }
        }
        (roles, held)
    }

    /// Turns the sentences' roles into facts: each subject (a name, a pronoun, a bare
    /// title standing for its holder) at the event of its clause, or else at the
    /// occasion the body last says was convened (`held`: 督导组召开工作座谈会。X汇报了…),
    /// or else at the article's main event.
    pub(super) fn add_roles(
        &mut self,
        roles: Vec<(usize, relations::Role)>,
        parses: &[SentenceParse],
        at: &MentionsAt,
        main: Option<usize>,
        held: &[usize],
    ) {
        let section_events = self.section_events(parses);
        // (sentence, event) of the occasions convened or chaired after the lead, in
        // order. (Not those only named with another role: a visit 陪同调研 names the
        // main one again.)
        let chaired: Vec<usize> = roles
            .iter()
            .filter(|(_, r)| r.role == RoleVerb::Chaired)
            .filter_map(|(si, r)| r.event.and_then(|c| at.chunks[*si][c]))
            .collect();
        let mut convened: Vec<(usize, usize)> = held
            .iter()
            .chain(&chaired)
            .filter(|&&e| self.ents[e].sentence() > 1)
            .map(|&e| {
                (
                    self.ents[e].sentence(),
                    self.ents[e].refers_to().unwrap_or(e),
                )
            })
            .filter(|&(_, e)| {
                Some(e) != main && self.ents[e].kind == MentionKind::Event && !self.ents[e].orphan
            })
            .collect();
        // 随后召开的推进会上，…: an occasion a sentence opens by saying it was held is
        // what the next sentences' roles are at, as one convened.
        for (si, p) in parses.iter().enumerate().skip(2) {
            let Some(c) = opening_frame(p) else {
                continue;
            };
            let held_here = events::said_held_before(&p.toks, p.chunks[c].tok_start);
            if let Some(e) = at.chunks[si][c].filter(|_| held_here) {
                let e = self.ents[e].refers_to().unwrap_or(e);
                if Some(e) != main
                    && self.ents[e].kind == MentionKind::Event
                    && !self.ents[e].orphan
                {
                    convened.push((si, e));
                }
            }
        }
        convened.sort_unstable();
        // An occasion convened in the lead after the visit it reports (…来我市督导…。
        // 督导组召开工作座谈会。鲍玉民汇报): the speeches after it were made there. (Not
        // the companions of the visit: …并主持召开座谈会。…陪同.)
        let at_of = |e: usize| (self.ents[e].sentence(), self.ents[e].start());
        let main_visit = main.filter(|&m| events::is_visit_name(&self.ents[m].text));
        let convened_in_lead = main_visit.and_then(|m| {
            held.iter()
                .chain(&chaired)
                .map(|&e| self.ents[e].refers_to().unwrap_or(e))
                .filter(|&e| {
                    self.ents[e].sentence() <= 1
                        && at_of(e) > at_of(m)
                        && self.ents[e].kind == MentionKind::Event
                        && !self.ents[e].orphan
                        && e != m
                })
                .min_by_key(|&e| at_of(e))
        });
        let convened_by = |si: usize| {
            convened
                .iter()
                .rev()
                .find(|(s, _)| *s <= si)
                .map(|&(_, e)| e)
        };
        // The occasions one person of a sentence takes part in, by name: a sentence
        // naming several (X会见了…一行，并出席签约活动) lends them all to the people
        // of the next one who attend without naming one (A、B参加).
        let mut by_subject: BTreeMap<(usize, Party), Vec<usize>> = BTreeMap::new();
        for (si, r) in &roles {
            if let Some(e) = r.event.and_then(|c| at.chunks[*si][c]) {
                let e = self.ents[e].refers_to().unwrap_or(e);
                let events = by_subject.entry((*si, r.subject)).or_default();
                if self.ents[e].kind == MentionKind::Event
                    && !self.ents[e].orphan
                    && !events.contains(&e)
                {
                    events.push(e);
                }
            }
        }
        // A talk held during the visit the article reports (参加视察并出席座谈会, 参加
        // 座谈), which someone attended: the speeches told after it, naming no occasion,
        // were made there.
        let talk_in_visit = main_visit.and_then(|m| {
            roles
                .iter()
                .filter(|(_, r)| r.role == RoleVerb::Attended)
                .filter_map(|(si, r)| r.event.and_then(|c| at.chunks[*si][c]))
                .map(|e| self.ents[e].refers_to().unwrap_or(e))
                .find(|&e| {
                    let ent = &self.ents[e];
                    e != m
                        && ent.kind == MentionKind::Event
                        && !ent.orphan
                        && ent.text.contains("座谈")
                })
        });
        let mut named_at: HashMap<usize, Vec<usize>> = HashMap::default();
        for ((si, _), events) in by_subject {
            let most = named_at.entry(si).or_default();
            if events.len() > most.len() {
                *most = events;
            }
        }
        for (si, r) in roles {
            let p = &parses[si];
            let subject = match r.subject {
                Party::Chunk(c) => at.chunks[si][c],
                Party::Person(t) => at.persons[si].get(&t).copied(),
                Party::Pronoun(t) => self.antecedent(si, p.toks[t].start),
                Party::Holder(title, surname) => at.chunks[si][title]
                    .and_then(|t| self.holder(&self.ents[t].text.clone(), surname)),
            };
            let Some(s) = subject else {
                continue;
            };
            if r.event.is_some_and(|c| refers_to_all_before(p, c)) {
                for e in self.events_before(si, main) {
                    self.fact(relation_of(r.role), s, e, None, si);
                }
                continue;
            }
            // A meeting the sentence opens with (座谈会上，…), when it is reported.
            let framed = || {
                opening_frame(p)
                    .and_then(|c| at.chunks[si][c])
                    .map(|e| self.ents[e].refers_to().unwrap_or(e))
                    .filter(|&e| {
                        let ent = &self.ents[e];
                        !ent.orphan && (ent.text.ends_with('会') || ent.text.ends_with("会议"))
                    })
            };
            let told_before = (r.event.is_none() && r.role == RoleVerb::Attended && si > 0)
                .then(|| named_at.get(&(si - 1)))
                .flatten()
                .filter(|events| events.len() >= 2 && section_events.is_empty());
            if let Some(events) = told_before {
                if framed().is_none() {
                    for &e in events {
                        self.fact(relation_of(r.role), s, e, None, si);
                    }
                    continue;
                }
            }
            let event = match r.event.and_then(|e| at.chunks[si][e]).or_else(framed) {
                Some(e) => Some(self.ents[e].refers_to().unwrap_or(e)),
                None => section_events
                    .get(si)
                    .copied()
                    .flatten()
                    .or_else(|| convened_by(si))
                    .or_else(|| {
                        talk_in_visit.filter(|&t| {
                            r.role == RoleVerb::SpokeAt && self.ents[t].sentence() <= si
                        })
                    })
                    .or_else(|| {
                        convened_in_lead.filter(|&c| {
                            r.role == RoleVerb::SpokeAt && self.ents[c].sentence() < si
                        })
                    })
                    .or(main),
            };
            let Some(e) = event else {
                continue;
            };
            if self.ents[e].kind != MentionKind::Event {
                continue;
            }
            if self.ents[e].orphan {
                continue;
            }
            self.fact(relation_of(r.role), s, e, None, si);
        }
    }

    /// The occasions an article reports before sentence `si`, each once, in the order
    /// they are first named (the main one first): what 上述活动 stands for.
    fn events_before(&self, si: usize, main: Option<usize>) -> Vec<usize> {
        let mut out: Vec<usize> = main.into_iter().collect();
        for (e, ent) in self.ents.iter().enumerate() {
            if ent.kind != MentionKind::Event || ent.sentence() >= si || ent.orphan {
                continue;
            }
            let e = ent.refers_to().unwrap_or(e);
            if !self.ents[e].orphan && !out.contains(&e) {
                out.push(e);
            }
        }
        out
    }

    /// In an article of several items, each opened by a layout mark (◆, ●, ■), the
    /// first occasion of the item each sentence is in: a role told without naming its
    /// occasion (副县长X出席) is at its item's, not at the article's main one. Empty
    /// for an article of one item.
    fn section_events(&self, parses: &[SentenceParse]) -> Vec<Option<usize>> {
        let opens = |p: &SentenceParse| {
            p.toks
                .first()
                .is_some_and(|t| t.word.starts_with(SECTION_MARKS))
        };
        if parses.iter().filter(|p| opens(p)).count() < 2 {
            return Vec::new();
        }
        let mut section = vec![0; parses.len()];
        let mut n = 0;
        for (si, p) in parses.iter().enumerate() {
            if opens(p) {
                n += 1;
            }
            section[si] = n;
        }
        let mut first: Vec<Option<usize>> = vec![None; n + 1];
        for (e, ent) in self.ents.iter().enumerate() {
            if ent.kind != MentionKind::Event || ent.orphan {
                continue;
            }
            let slot = &mut first[section[ent.sentence()]];
            if slot.is_none() {
                *slot = Some(ent.refers_to().unwrap_or(e));
            }
        }
        // Before the first mark (a headline, an introduction) the main event holds.
        section
            .iter()
            .map(|&s| if s == 0 { None } else { first[s] })
            .collect()
    }

    /// A market, project or organisation named bare and with its place before it in one
    /// article (南关农贸市场, 管城回族区南关农贸市场) is one: the bare form takes the
    /// full name, when only one full name fits.
    pub(super) fn join_place_prefixed(&mut self) {
        let kinds = [
            MentionKind::Market,
            MentionKind::Project,
            MentionKind::Organization,
        ];
        for e in 0..self.ents.len() {
            let kind = self.ents[e].kind;
            if !kinds.contains(&kind) {
                continue;
            }
            let bare = self.ents[e].canonical().to_string();
            let mut fulls: Vec<&str> = self
                .ents
                .iter()
                .filter(|o| o.kind == kind)
                .map(|o| o.canonical())
                .filter(|full| {
                    full.strip_suffix(bare.as_str())
                        .is_some_and(|place| !place.is_empty() && self.lex.place(place).is_some())
                })
                .collect();
            fulls.sort_unstable();
            fulls.dedup();
            if let [full] = fulls.as_slice() {
                let full = full.to_string();
                let why = format!("{bare} is {full} named without its place in the same article");
                self.ents[e].set_reason(Some(why));
                self.ents[e].set_canonical(full);
            }
        }
    }

    /// Every organisation located in the jurisdiction its name spells out.
    pub(super) fn locate_organizations(&mut self) {
        for e in 0..self.ents.len() {
            if self.ents[e].kind == MentionKind::Organization {
                if let Some(place) = self.ents[e].place().map(str::to_string) {
                    let pe = self.synth(e, MentionKind::Place, &place, None);
                    self.fact(Relation::LocatedIn, e, pe, None, self.ents[e].sentence());
                }
            }
        }
    }

    /// The bylines as a last pseudo-sentence that quotes them (`记者 张三 通讯员 李四`),
    /// each name reporting the article.
    pub(super) fn add_bylines(&mut self, bylines: &[Byline], sentences: &mut Vec<String>) {
        if bylines.is_empty() {
            return;
        }
        let mut line = String::new();
        let si = sentences.len();
        let mut last_role = None;
        for by in bylines {
            if last_role != Some(by.role) {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(by.role.label_zh());
                last_role = Some(by.role);
            }
            line.push(' ');
            let start = line.chars().count();
            line.push_str(&by.name);
            let m = Mention {
                start,
                end: start + by.name.chars().count(),
                kind: MentionKind::Person,
                text: by.name.clone(),
            };
            let pe = self.push(si, &m, &ChunkDetails::default());
            self.facts.push(
                Fact::new(
                    Relation::Reported,
                    End::ent(pe),
                    End::Article,
                    si,
                    m.start,
                    m.end,
                )
                .with_labels(None, Some(by.role.as_str().to_string())),
            );
        }
        sentences.push(line);
    }

    /// The article mentions every entity it names (dates and titles are no nodes).
    pub(super) fn add_article_mentions(&mut self) {
        for e in 0..self.ents.len() {
            let ent = &self.ents[e];
            if ent.refers_to().is_none()
                && !ent.orphan
                && !matches!(ent.kind, MentionKind::Date | MentionKind::Title)
            {
                self.facts.push(Fact::new(
                    Relation::Mentions,
                    End::Article,
                    End::ent(e),
                    ent.sentence(),
                    ent.start(),
                    ent.end(),
                ));
            }
        }
    }
}

fn relation_of(role: RoleVerb) -> Relation {
    match role {
        RoleVerb::Chaired => Relation::Chaired,
        RoleVerb::Attended => Relation::Attended,
        RoleVerb::SpokeAt => Relation::SpokeAt,
        RoleVerb::Held => Relation::Held,
        // Meetings are split into chaired and attended when found.
        RoleVerb::Meets => Relation::Chaired,
        RoleVerb::CallsOn => Relation::Attended,
    }
}

/// Whether the event chunk `c` stands for every occasion told before it (参加了上述活动,
/// 陪同参加以上活动): a bare occasion word after 上述 or 以上.
fn refers_to_all_before(p: &SentenceParse, c: usize) -> bool {
    let chunk = &p.chunks[c];
    let bare = matches!(
        chunk.mention.text.as_str(),
        "活动" | "会议" | "调研" | "考察"
    );
    chunk.mention.text.starts_with("上述")
        || chunk.mention.text.starts_with("以上")
        || bare
            && chunk.tok_start > 0
            && matches!(
                p.toks[chunk.tok_start - 1].word.as_str(),
                "上述" | "以上" | "前述"
            )
}

/// Words of studying and carrying out what someone said (学习, 贯彻, 传达, 认识).
const STUDY_VERBS: &[&str] = &[
    "学习",
    "贯彻",
    "传达",
    "落实",
    "领会",
    "认识",
    "践行",
    "贯彻落实",
    "传达学习",
    "学习贯彻",
    "坚决贯彻",
    "深入学习",
    "学习领会",
    "充分认识",
    "深刻认识",
    "深刻领会",
];

/// Whether the person at token `t` is the one whose words the clause studies: a verb of
/// studying stands right before the name, or before it with 了.
fn studied(toks: &[Word], t: usize) -> bool {
    let before = |k: usize| t.checked_sub(k).and_then(|i| toks.get(i));
    let verb = |w: Option<&Word>| w.is_some_and(|w| STUDY_VERBS.contains(&w.word.as_str()));
    verb(before(1)) || before(1).is_some_and(|w| w.word == "了") && verb(before(2))
}

/// The occasion a sentence opens with as its frame (座谈会上，…; 在随后召开的座谈会上，…):
/// what its roles told without an occasion of their own are at.
fn opening_frame(p: &SentenceParse) -> Option<usize> {
    let toks = &p.toks;
    let comma = toks
        .iter()
        .take(16)
        .position(|t| matches!(t.word.as_str(), "，" | ","))?;
    let (ci, c) = p.chunks.iter().enumerate().find(|(_, c)| {
        c.mention.kind == MentionKind::Event
            && c.tok_end < comma
            && toks
                .get(c.tok_end)
                .is_some_and(|t| matches!(t.word.as_str(), "上" | "中"))
            && c.tok_end + 1 == comma
    })?;
    // Nothing before the occasion but 在 and what says which one it is (随后召开的).
    toks[..c.tok_start]
        .iter()
        .all(|t| t.category != Category::Punct && !t.tag.starts_with("nr"))
        .then_some(ci)
}

/// The day a date is read against: 当天 and 当日 mean the day the text last named,
/// any other date the publication's.
fn date_base(text: &str, told_day: Option<Date>, article_day: Option<Date>) -> Option<Date> {
    if date::is_day_told(text) {
        told_day.or(article_day)
    } else {
        article_day
    }
}

/// The date told right after the occasion of chunk `c` (…会议于1月24日召开, 定于…举行,
/// …常委会议9月27日上午在兰州开幕).
fn date_after(p: &SentenceParse, c: usize) -> Option<&str> {
    let end = p.chunks[c].tok_end;
    let word = |i: usize| p.toks.get(i).map(|t| t.word.as_str());
    let marked = matches!(word(end), Some("于" | "将于" | "定于"));
    let next = p.chunks.get(c + 1)?;
    if next.mention.kind != MentionKind::Date || next.tok_start != end + usize::from(marked) {
        return None;
    }
    // Unmarked, the date is the occasion's only where the sentence goes on to hold it,
    // and not another occasion during it (…人民代表大会第一次会议4月23日下午在…举行
    // 预备会议: the day is the preparatory sitting's).
    let held_next = matches!(
        word(next.tok_end),
        Some("在" | "召开" | "举行" | "举办" | "开幕" | "闭幕" | "隆重" | "胜利")
    ) && !p.toks[next.tok_end..]
        .iter()
        .take_while(|t| !is_clause_break(t))
        .any(|t| t.category == Category::Event);
    (marked || held_next).then_some(next.mention.text.as_str())
}

/// Whether the occasion at tokens `a..b` is one a decision or its papers are about
/// (审议通过了关于召开…第四次会议的决定, …第四次会议议程, 审议…二次会议有关文件): to be
/// convened later, so the date of its sentence is not its own; or a numbered session
/// another sitting is held during (省政协十二届四次会议期间主席会议召开), which is
/// dated by its first day only.
fn to_be_convened(toks: &[Word], a: usize, b: usize) -> bool {
    let word = |i: usize| toks.get(i).map(|t| t.word.as_str());
    let after_about = a >= 2
        && word(a - 2) == Some("关于")
        && matches!(word(a - 1), Some("召开" | "举行" | "举办"))
        || a >= 1 && word(a - 1) == Some("关于召开");
    let papers = matches!(
        word(b),
        Some("议程" | "日程" | "筹备" | "筹备工作" | "有关文件" | "文件")
    ) || word(b) == Some("有关") && matches!(word(b + 1), Some("文件" | "事项"))
        || word(b) == Some("期间")
            && toks[a..b]
                .iter()
                .any(|t| t.word.contains('届') || t.word.ends_with("全会"))
            && toks[b + 1..]
                .iter()
                .take(6)
                .any(|t| t.category == Category::Event)
        || word(b) == Some("的") && matches!(word(b + 1), Some("决定" | "通知" | "议程" | "日程"));
    after_about || papers
}
