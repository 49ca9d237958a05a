//! Events of an article: the main occasion it reports, bare mentions (会议) and
//! synonyms (揭牌仪式 / 挂牌仪式) pointed at the event they name.

use super::builder::ArticleBuilder;
use super::facts::EntityMention;
use super::grammar::Chunk;
use super::held;
use super::relations;
use super::sessions;
use super::token::{is_clause_break, Word};
use crate::lexicon::Lexicon;
use crate::lexicon::RoleVerb;
use crate::mention::MentionKind;
use std::collections::BTreeSet;

impl ArticleBuilder<'_> {
    /// Picks the main event, points bare mentions (会议) and synonyms at their event.
    pub(super) fn settle_events(
        &mut self,
        roles: &[(usize, relations::Role)],
        held: &[usize],
        chunk_ent: &[Vec<Option<usize>>],
        article_date: Option<&str>,
        told: &[usize],
    ) -> Option<usize> {
        let events: Vec<usize> = (0..self.ents.len())
            .filter(|&i| self.ents[i].kind == MentionKind::Event)
            .collect();
        let lex = self.lex;
        let is_bare = |e: &EntityMention| lex.is_event_head(&e.text) && e.text.chars().count() <= 2;
        let roles_without_event = roles.iter().any(|(_, r)| r.event.is_none());
        let role_events: Vec<(RoleVerb, usize)> = roles
            .iter()
            .filter_map(|(si, r)| r.event.and_then(|c| chunk_ent[*si][c]).map(|e| (r.role, e)))
            .collect();
        let at = |e: usize| (self.ents[e].sentence(), self.ents[e].start());
        // (A headline may name two occasions held, 常委会会议举行 主席会议举行: the one the
        // lead dates is the report's.)
        let headline_names: BTreeSet<&str> = events
            .iter()
            .filter(|&&e| self.ents[e].sentence() == 0 && !is_bare(&self.ents[e]))
            .map(|&e| self.ents[e].text.as_str())
            .collect();
        let two_in_headline = headline_names.len() > 1;
        let held_in_lead = held
            .iter()
            .copied()
            .filter(|&e| {
                self.ents[e].sentence() <= 1
                    && !is_bare(&self.ents[e])
                    && !self.scheduled.contains(&e)
            })
            .min_by_key(|&e| {
                let ent = &self.ents[e];
                let dated_by_lead = two_in_headline
                    && ent.date().is_some()
                    && (ent.sentence() == 1
                        || held.iter().any(|&o| {
                            self.ents[o].sentence() == 1 && self.ents[o].text == ent.text
                        }));
                (!dated_by_lead, at(e))
            });
        // X一行到Y调研，Z陪同: a visit the lead reports someone made, though a
        // 座谈会 chaired or held during it comes later (到…调研，并主持召开座谈会,
        // 到…督导，并召开推进会); not when the lead tells an occasion chaired or held
        // before the visit (主持召开座谈会，会前到…调研).
        let visit_in_lead = || {
            let chaired_before = |visit: usize| {
                role_events.iter().any(|(r, e)| {
                    matches!(r, RoleVerb::Chaired | RoleVerb::Held)
                        && self.ents[*e].sentence() <= 1
                        && !is_bare(&self.ents[*e])
                        && at(*e) < at(visit)
                })
            };
            role_events.iter().map(|&(_, e)| e).find(|&e| {
                self.ents[e].sentence() <= 1
                    && is_visit_name(&self.ents[e].text)
                    && !chaired_before(e)
            })
        };
        // Main event: an event the headline or lead says is held (X举行第二次全体会议)
        // unless a visit of the lead comes before it, else such a visit, else the first
        // named event someone chairs or holds, else the first named one of the headline
        // or lead, else a bare 会议 that someone chaired or attended.
        let main = match (held_in_lead, visit_in_lead()) {
            (Some(h), Some(v)) if at(v) < at(h) => Some(v),
            (Some(h), _) => Some(h),
            (None, v) => v,
        };
        let main = main
            .or_else(|| {
                role_events
                    .iter()
                    .filter(|(r, e)| {
                        // 会见 and 会谈 are named by their bare word.
                        let meeting = matches!(
                            lex.role_verbs().get(&self.ents[*e].text),
                            Some(RoleVerb::Meets | RoleVerb::CallsOn)
                        );
                        matches!(r, RoleVerb::Chaired | RoleVerb::Held)
                            && (!is_bare(&self.ents[*e]) || meeting)
                    })
                    .map(|(_, e)| *e)
                    .next()
            })
            .or_else(|| {
                events
                    .iter()
                    .copied()
                    .find(|&e| !is_bare(&self.ents[e]) && self.ents[e].sentence() <= 1)
            })
            .or_else(|| role_events.first().map(|(_, e)| *e))
            // Roles told without naming the event (分别讲话, X出席) are at the one the
            // article names first, wherever it does (签字仪式 in its last paragraph).
            .or_else(|| {
                events
                    .iter()
                    .copied()
                    .find(|&e| roles_without_event && !is_bare(&self.ents[e]))
            })
            // …活动在石家庄市举办。副市长白龙参加: the lead's occasion, named by its
            // kind alone.
            .or_else(|| {
                events.iter().copied().find(|&e| {
                    roles_without_event
                        && self.ents[e].sentence() <= 1
                        && self.ents[e].date().is_some()
                })
            });
        // 到伊川县调研。…实地察看…: a stop on the spot is part of the visit the lead
        // names, even by its bare word.
        let is_stop = |t: &str| t.starts_with("实地") || t.starts_with("现场");
        let main = main.map(|m| {
            if !is_stop(&self.ents[m].text) {
                return m;
            }
            events
                .iter()
                .copied()
                .find(|&o| {
                    let t = &self.ents[o].text;
                    self.ents[o].sentence() <= 1 && is_visit_name(t) && !is_stop(t)
                })
                .unwrap_or(m)
        });
        // A headline names the event undated; the body dates it (昨天上午…会议召开): the
        // dated mention of the same name stands for the event.
        let main = main.map(|m| {
            events
                .iter()
                .copied()
                .find(|&o| {
                    o != m
                        && self.ents[m].date().is_none()
                        && self.ents[o].date().is_some()
                        && self.ents[o].subtype() == self.ents[m].subtype()
                        && same_event_name(lex, &self.ents[o].text, &self.ents[m].text)
                })
                .unwrap_or(m)
        });
        // Named mentions first, dated before undated, so that a headline's undated
        // mention joins the dated one of the body.
        let mut order: Vec<usize> = events
            .iter()
            .copied()
            .filter(|&e| Some(e) != main)
            .collect();
        order.sort_by_key(|&e| (is_bare(&self.ents[e]), self.ents[e].date().is_none(), e));
        for e in order {
            let ent = &self.ents[e];
            if is_bare(ent) {
                // 会见 … 陪同会见: the same bare word again is the same occasion.
                let twin = events.iter().copied().find(|&o| {
                    let a = &self.ents[o];
                    o != e
                        && a.refers_to().is_none()
                        && !a.orphan
                        && a.text == ent.text
                        && (a.date() == ent.date() || ent.date().is_none())
                        && (o < e || a.date().is_some() && ent.date().is_none())
                        && role_events.iter().any(|(_, x)| *x == o)
                });
                if let Some(t) = twin {
                    let why = format!("the same {} named again in one article", self.ents[t].text);
                    self.point_at(e, t, why);
                    continue;
                }
                // 我市紧接着召开…调度会。会议由程立伟主持: a bare word right after an
                // occasion told as happening, later than the main one, is that occasion.
                let meeting = |t: &str| t.ends_with('会') || t.ends_with("会议");
                let just_told = events.iter().copied().rev().find(|&o| {
                    let a = &self.ents[o];
                    o < e
                        && Some(o) != main
                        && !is_bare(a)
                        && a.refers_to().is_none()
                        && !self.scheduled.contains(&o)
                        && (told.contains(&o) || held.contains(&o))
                        && a.sentence() + 1 >= ent.sentence()
                        && main.is_none_or(|m| self.ents[m].sentence() < a.sentence())
                });
                if let Some(o) = just_told.filter(|&o| {
                    let name = &self.ents[o].text;
                    self.ents[o].subtype() == ent.subtype()
                        || ent.text == "会议" && meeting(name)
                        // A bare 活动 is the whole occasion, not a meeting held during
                        // it (…督导…，并召开推进会。…县领导分别参加活动).
                        || ent.text == "活动" && (main.is_none() || !meeting(name))
                }) {
                    let why = format!("{} is the occasion told just before", self.ents[o].text);
                    self.point_at(e, o, why);
                    continue;
                }
                if let Some(m) = main {
                    // A bare 会议 is any kind of meeting (推进会, 座谈会, 表彰大会).
                    // A bare 活动 is any occasion; a bare word the main one's name holds
                    // (视察 of 代表委员视察活动) names it.
                    // Only where no other occasion of the article is of its kind
                    // (座谈 of a visit that also held a 专题座谈会).
                    let main_name = &self.ents[m].text;
                    let kind_named_apart = events.iter().any(|&o| {
                        o != m
                            && o != e
                            && !is_bare(&self.ents[o])
                            && self.ents[o].subtype() == ent.subtype()
                    });
                    let compatible = self.ents[m].subtype() == ent.subtype()
                        || ent.text == "会议" && meeting(main_name)
                        || !kind_named_apart
                            && (ent.text == "活动" || main_name.contains(ent.text.as_str()));
                    if compatible {
                        self.ents[e].set_refers_to(Some(m));
                        continue;
                    }
                }
                // A bare 活动 or 会议 with nothing to point at is not an event of its own,
                // unless someone took part in it.
                if !role_events.iter().any(|(_, x)| *x == e) {
                    self.ents[e].orphan = true;
                }
                continue;
            }
            // 宣布运动会开幕 in a report of 第十届运动会开幕式: what is opened is told at
            // its opening.
            if let Some(m) = main.filter(|&m| opened_at(&self.ents[m].text, &ent.text)) {
                let why = format!("{} opens at {}", ent.text, self.ents[m].text);
                self.point_at(e, m, why);
                continue;
            }
            // 出席开幕式, 大会开幕式 in a report of 第四次代表大会: the opening of the
            // main occasion is that occasion (not of a 会见 named by its bare word).
            if let Some(m) = main
                .filter(|&m| !is_bare(&self.ents[m]) && opening_of(&ent.text, &self.ents[m].text))
            {
                let why = format!("{} is the opening of {}", ent.text, self.ents[m].text);
                self.point_at(e, m, why);
                continue;
            }
            // 专题调研…并到银隆公司实地考察: a visit's stop on the spot is the visit.
            if let Some(m) = main.filter(|&m| {
                let (a, b) = (&self.ents[m], &self.ents[e]);
                // (A headline's visit is undated; the body dates its stop.)
                is_visit_name(&a.text)
                    && is_visit_name(&b.text)
                    && is_stop(&b.text)
                    && (a.date() == b.date() || a.date().is_none() || b.date().is_none())
            }) {
                let why = format!("{} is a stop of {}", ent.text, self.ents[m].text);
                self.point_at(e, m, why);
                continue;
            }
            // The same occasion named twice (headline and body; 挂牌仪式 and 揭牌仪式 of one
            // morning): same kind, same or interchangeable name, no conflicting date.
            let candidates: Vec<usize> = main
                .into_iter()
                .chain(events.iter().copied())
                .filter(|&o| o != e && self.ents[o].refers_to().is_none() && !self.ents[o].orphan)
                .collect();
            // 民营企业座谈会 … 在随后召开的座谈会上: the kind alone names the one occasion
            // of that kind named before.
            // (Or a kind with a word in front, 记者见面会.)
            let kind_alone = (self.lex.is_event_head(&ent.text) || ent.text.chars().count() <= 5)
                && {
                    let mut named: Vec<&str> = candidates
                        .iter()
                        .filter(|&&o| o < e && part_ends_with(&self.ents[o].text, &ent.text))
                        .map(|&o| self.ents[o].text.as_str())
                        .collect();
                    named.sort_unstable();
                    named.dedup();
                    named.len() == 1
                };
            let target = candidates.into_iter().find(|&o| {
                let (a, b) = (&self.ents[o], &self.ents[e]);
                let dates_agree = a.date() == b.date() || a.date().is_none() || b.date().is_none();
                let earlier = o < e || b.date().is_none() && a.date().is_some() || Some(o) == main;
                let of_its_kind = kind_alone && o < e && part_ends_with(&a.text, &b.text);
                // (An occasion joined with 暨 is of the kind of its last part.)
                let joined_part = of_its_kind && a.text.contains('暨');
                (a.subtype() == b.subtype() || joined_part)
                    && dates_agree
                    && earlier
                    && !is_bare(a)
                    && (same_event_name(self.lex, &a.text, &b.text) || of_its_kind)
            });
            if let Some(t) = target {
                let why = if self.ents[t].text == self.ents[e].text {
                    format!("the same {} named again in one article", self.ents[t].text)
                } else {
                    format!(
                        "same occasion as {} ({} and {} name the same kind of event)",
                        self.ents[t].text, self.ents[t].text, self.ents[e].text
                    )
                };
                if self.ents[t].date().is_none() {
                    let date = self.ents[e].date().map(str::to_string);
                    let time = self.ents[e].time().map(str::to_string);
                    self.ents[t].set_date(date);
                    self.ents[t].set_time(time);
                }
                self.point_at(e, t, why);
            }
        }
        // An occasion named in the body that nobody chairs, attends or holds and that
        // has no date of its own is only talked about (区政府常务会等会议的规范性, 筹备
        // 召开表彰大会, 提请常委会第二十次会议审议), not reported.
        for &e in &events {
            let ent = &self.ents[e];
            let pointed_at = events.iter().any(|&o| self.ents[o].refers_to() == Some(e));
            if Some(e) != main
                && !is_bare(ent)
                && ent.refers_to().is_none()
                && !ent.orphan
                && !pointed_at
                && ent.sentence() > 1
                && ent.date().is_none()
                && !held.contains(&e)
                && !told.contains(&e)
                && !role_events.iter().any(|(_, x)| *x == e)
            {
                self.ents[e].orphan = true;
            }
        }
        if let Some(m) = main {
            if self.ents[m].date().is_none() {
                self.ents[m].set_date(article_date.map(str::to_string));
            }
            // What the article reports happened on its day: an event named without a date
            // of its own (the 座谈会 of a visit) is dated as the main one. Sessions and
            // plenums named by their number are often only referred to, and stay undated.
            let date = self.ents[m]
                .date()
                .filter(|_| !self.multi_day.contains(&m))
                .map(str::to_string);
            for &e in &events {
                let ent = &self.ents[e];
                let numbered = ent.text.contains(['届', '次']);
                if e != m
                    && ent.date().is_none()
                    && ent.refers_to().is_none()
                    && !ent.orphan
                    && !numbered
                {
                    self.ents[e].set_date(date.clone());
                }
            }
        }
        main
    }
}

impl ArticleBuilder<'_> {
    /// Makes the event mention `e` stand for the event `to`, saying why.
    fn point_at(&mut self, e: usize, to: usize, why: String) {
        self.ents[e].set_refers_to(Some(to));
        self.ents[e].set_reason(Some(why));
    }
}

/// Whether the words right before `start` say the occasion was held (召开的, 举行的),
/// not that it will be (将要召开的).
pub(super) fn said_held_before(toks: &[Word], start: usize) -> bool {
    let word = |i: usize| toks.get(i).map(|t| t.word.as_str());
    let verb = match (
        start.checked_sub(1).and_then(word),
        start.checked_sub(2).and_then(word),
    ) {
        (Some("召开的" | "举行的" | "举办的"), _) => start - 1,
        (Some("的"), Some("召开" | "举行" | "举办")) => start - 2,
        _ => return false,
    };
    !held::planned_before(toks, verb)
}

/// Whether the event chunk is told as happening by the words around it: a frame of
/// what is done at it (在活动开幕式暨签约仪式上，…签订) or a visit done (看望慰问了).
pub(super) fn told_as_happening(toks: &[Word], chunk: &Chunk) -> bool {
    let after = toks.get(chunk.tok_end).map(|t| t.word.as_str());
    let framed = matches!(after, Some("上" | "中" | "期间" | "时" | "之际"))
        // 在…大会上的讲话, 在…开班式上讲话的重要意义: the speech is what is talked
        // about.
        && !toks[chunk.tok_end..]
            .iter()
            .take_while(|t| !is_clause_break(t))
            .any(|t| t.word == "的")
        && (toks[..chunk.tok_start]
            .iter()
            .rev()
            .take_while(|t| !is_clause_break(t))
            .any(|t| t.word == "在")
            // 随后召开的调度会上，…: said to be held, without 在.
            || said_held_before(toks, chunk.tok_start));
    // (与会人员实地观摩了…: what those at an occasion went to see there, a stop of it.)
    let visit_done = chunk.details.event_type.as_deref() == Some("调研")
        && after == Some("了")
        && !chunk.mention.text.ends_with("观摩");
    // 会上还举行了签约仪式, 我市紧接着召开…调度会: held, and done; not one being
    // prepared or proposed (筹备召开表彰大会, 提请…召开).
    let s = chunk.tok_start;
    let verb = if s >= 2 && toks[s - 1].word == "了" {
        Some(s - 2)
    } else {
        s.checked_sub(1)
    };
    let held_done = verb.is_some_and(|v| {
        matches!(
            toks[v].word.as_str(),
            "举行" | "举办" | "召开" | "隆重举行" | "隆重召开" | "主持召开"
        ) && !toks[v.saturating_sub(3)..v].iter().any(|t| {
            matches!(
                t.word.as_str(),
                "筹备"
                    | "准备"
                    | "拟"
                    | "将"
                    | "计划"
                    | "即将"
                    | "提请"
                    | "决定"
                    | "研究"
                    | "要"
                    | "关于"
            )
        }) && !held::planned_before(toks, v)
    });
    framed || visit_done || held_done
}

/// Whether an occasion's name says it is a visit (专题调研, 实地考察, 调研座谈活动,
/// 督导检查).
pub(super) fn is_visit_name(name: &str) -> bool {
    ["调研", "考察", "视察", "检查", "督导", "察看"]
        .iter()
        .any(|v| name.contains(v))
}

/// Whether `opening` is the opening or closing of `occasion` (第十届运动会开幕式 and
/// 运动会).
fn opened_at(opening: &str, occasion: &str) -> bool {
    ["开幕式", "闭幕式", "开幕典礼", "开幕", "闭幕"]
        .iter()
        .filter_map(|w| opening.strip_suffix(w))
        .any(|stem| stem.ends_with(occasion))
}

/// Whether `opening` is the opening of `occasion` named by its kind alone or not at
/// all (开幕式, 大会开幕式, 洽谈会开幕式 of 2025中俄边境贸易洽谈会), `occasion` being
/// neither an opening nor a visit.
fn opening_of(opening: &str, occasion: &str) -> bool {
    const OPENINGS: [&str; 4] = ["开幕式", "开幕会", "开幕典礼", "开幕"];
    let is_opening = |name: &str| OPENINGS.iter().any(|w| name.ends_with(w));
    !is_opening(occasion)
        && !is_visit_name(occasion)
        && OPENINGS
            .iter()
            .filter_map(|w| opening.strip_suffix(w))
            .any(|stem| occasion.ends_with(stem))
}

/// Whether the occasion `name`, or one of those it joins with 暨 (见面会 of
/// 记者见面会暨首场新闻发布会), ends with `kind`. A ceremony of starting and finishing
/// works (开竣工仪式) is both a 开工仪式 and a 竣工仪式.
fn part_ends_with(name: &str, kind: &str) -> bool {
    name.split('暨').any(|part| {
        part.ends_with(kind)
            || part.contains("开竣工") && part.replacen("开竣工", "开工", 1).ends_with(kind)
    })
}

/// Whether two event names differ only by interchangeable words (挂牌仪式, 揭牌仪式),
/// or one is the other with its scope, holder or number written in front (全市领导干部
/// 会议 and 领导干部会议, 市政府第36次常务会议 and 第36次常务会议).
fn same_event_name<'a>(lex: &Lexicon, a: &'a str, b: &'a str) -> bool {
    if a == b || sessions::same_session(a, b) {
        return true;
    }
    let (long, short) = if a.len() > b.len() { (a, b) } else { (b, a) };
    // 南阳 + 市委经济工作会议: a place in front, then whose or which one it is.
    let without_place = |front: &'a str| -> &'a str {
        crate::lexicon::place_prefixes(front)
            .find(|p| lex.place(p).is_some())
            .map_or(front, |p| &front[p.len()..])
    };
    if short.chars().count() >= 4
        && long
            .strip_suffix(short)
            .is_some_and(|front| is_scope_holder_or_number(without_place(front)))
    {
        return true;
    }
    // 记者见面会暨首场新闻发布会 of 中共上海市委新闻发言人记者见面会暨首场新闻发布会: two
    // occasions joined by 暨 name one so closely that whose they are adds nothing.
    if short.contains('暨') && long.ends_with(short) {
        return true;
    }
    // 项目签约仪式 of 洽谈会重大项目签约仪式: a ceremony named again without the
    // occasion it was held within.
    if short.chars().count() >= 5 && super::token::is_ceremony(short) && long.ends_with(short) {
        return true;
    }
    let norm = |s: &str| -> String {
        let mut s = s.to_string();
        for group in lex.event_synonyms() {
            let mut sorted = group.clone();
            sorted.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
            for w in &sorted {
                s = s.replace(w.as_str(), &group[0]);
            }
        }
        // A ceremony is named by its act or as a ceremony (挂牌成立, 挂牌仪式).
        for generic in ["仪式", "典礼"] {
            if let Some(stem) = s.strip_suffix(generic).filter(|t| !t.is_empty()) {
                s = stem.to_string();
            }
        }
        s
    };
    norm(a) == norm(b)
}

/// Whether `front`, written before an event's name, only says whose, where or which
/// one it is: 全市, 市政府, 区第七届人大常委会, 第36次, 十三届二十次, 2023年.
fn is_scope_holder_or_number(front: &str) -> bool {
    const HOLDERS: &[&str] = &[
        "人大常委会",
        "常委会",
        "人民政府",
        "政府",
        "政协",
        "人大",
        "党委",
        "党组",
        "委",
    ];
    let numeral = |c: char| c.is_ascii_digit() || "〇零一二三四五六七八九十百两".contains(c);
    let mut rest = front.strip_prefix('全').unwrap_or(front);
    while !rest.is_empty() {
        let before = rest.len();
        rest = rest.trim_start_matches(['省', '市', '县', '区', '镇', '乡']);
        if let Some(r) = HOLDERS.iter().find_map(|h| rest.strip_prefix(h)) {
            rest = r;
        }
        // 第七届, 十三届二十次, 2023年, 2023年度.
        let r = rest.strip_prefix('第').unwrap_or(rest);
        let digits = r.trim_start_matches(numeral);
        if digits.len() < r.len() {
            if let Some(after) = ["年度", "年", "届", "次"]
                .iter()
                .find_map(|u| digits.strip_prefix(u))
            {
                rest = after;
            }
        }
        if rest.len() == before {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::is_scope_holder_or_number;

    #[test]
    fn scope_holder_and_number_in_front_of_a_name() {
        for front in [
            "全市",
            "市政府",
            "区第七届人大常委会",
            "第36次",
            "十三届二十次",
            "2023年度",
        ] {
            assert!(is_scope_holder_or_number(front), "{front}");
        }
        // A subject in front names another kind of meeting (经济工作会议).
        for front in ["全市经济", "安全", "第36次经济"] {
            assert!(!is_scope_holder_or_number(front), "{front}");
        }
    }
}
