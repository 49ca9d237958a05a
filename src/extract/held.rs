//! Occasions a sentence says are held (X举行第二次全体会议, the object of 召开) and
//! those that only frame another (the session that holds a sitting, the occasions a
//! meeting prepares), and whether a convening verb is planned rather than done.

use super::grammar::Chunk;
use super::participants::is_clause_break;
use super::parties::{chunk_starting_at, object_start};
use super::token::{Category, Word};
use crate::lexicon::{Lexicon, RoleVerb};
use crate::mention::MentionKind;

/// Words before 召开 or 举行 that say the occasion is yet to be held.
const NOT_YET: &[&str] = &[
    "筹备", "准备", "即将", "将", "拟", "计划", "将要", "定于", "筹划", "关于",
];

/// Whether the verb at `v` is planned, not done: a word of planning right before it
/// (筹备召开, 即将举行), or one for days named between (拟于7月25日至27日举行).
pub(super) fn planned_before(toks: &[Word], v: usize) -> bool {
    v > 0 && NOT_YET.contains(&toks[v - 1].word.as_str())
        || toks[v.saturating_sub(10)..v]
            .iter()
            .rev()
            .take_while(|t| !is_clause_break(t))
            .any(|t| {
                matches!(
                    t.word.as_str(),
                    "拟于" | "将于" | "定于" | "计划于" | "拟定于"
                )
            })
}

/// The events right after 举行, 召开 or 举办 (chunk indices).
pub(super) fn held_events(lex: &Lexicon, toks: &[Word], chunks: &[Chunk]) -> Vec<usize> {
    // Only a sentence with an event has one held; most have none.
    if !chunks.iter().any(|c| c.mention.kind == MentionKind::Event) {
        return Vec::new();
    }
    let held_verb = |t: &Word| lex.role_verbs().get(&t.word) == Some(&RoleVerb::Held);
    let mut held: Vec<usize> = toks
        .iter()
        .enumerate()
        .filter(|(_, t)| held_verb(t))
        // 筹备召开, 即将举行: to be held, not held.
        .filter(|(v, _)| !planned_before(toks, *v))
        .filter_map(|(v, _)| chunk_starting_at(chunks, object_start(toks, v), MentionKind::Event))
        .collect();
    // 全市重点项目观摩会举行, …会议隆重召开: the occasion before the verb is held too,
    // as is one told closing or ending (…第三十一次会议25日结束). (One told opening,
    // 运动会开幕, is reported by its 开幕式.)
    for (ci, c) in chunks.iter().enumerate() {
        if c.mention.kind != MentionKind::Event || held.contains(&ci) {
            continue;
        }
        let mut k = c.tok_end;
        // The day it was held, between the occasion and the verb.
        if let Some(date) = chunk_starting_at(chunks, k, MentionKind::Date) {
            k = chunks[date].tok_end;
        }
        // …开工仪式在腾飞经济开发区主会场举行: where, between the occasion and the verb.
        if toks
            .get(k)
            .is_some_and(|t| matches!(t.word.as_str(), "在" | "于"))
        {
            if let Some(v) = toks[k + 1..]
                .iter()
                .take(10)
                .take_while(|t| !is_clause_break(t) && t.category != Category::Event)
                .position(held_verb)
            {
                k += 1 + v;
            }
        }
        if toks
            .get(k)
            .is_some_and(|t| matches!(t.word.as_str(), "隆重" | "正式" | "顺利"))
        {
            k += 1;
        }
        let held_or_ended = |t: &Word| {
            held_verb(t) && t.word != "主办" && t.word != "承办"
                || matches!(t.word.as_str(), "闭幕" | "结束" | "落幕")
        };
        if toks.get(k).is_some_and(held_or_ended) && toks.get(k + 1).is_none_or(is_clause_break) {
            held.push(ci);
        }
    }
    held.sort_unstable();
    held
}

/// The event chunks of a sentence that frame another one (see
/// [`super::relations::SentenceRelations::framing`]).
pub(super) fn framing_events(lex: &Lexicon, toks: &[Word], chunks: &[Chunk]) -> Vec<usize> {
    let events: Vec<usize> = (0..chunks.len())
        .filter(|&c| chunks[c].mention.kind == MentionKind::Event)
        .collect();
    if events.len() < 2 {
        return Vec::new();
    }
    let next_event = |from: usize| chunk_starting_at(chunks, from, MentionKind::Event);
    let mut framing = vec![false; chunks.len()];
    // Right to left, so that a list's items see whether the item after them frames.
    for &c in events.iter().rev() {
        let end = chunks[c].tok_end;
        let frames = match toks.get(end).map(|t| t.word.as_str()) {
            // Touching the next occasion's name: it names what that one is about.
            Some(_) if next_event(end).is_some() => true,
            // An item of a list whose last item frames.
            Some("、" | "和" | "及") => next_event(end + 1).is_some_and(|n| framing[n]),
            None => false,
            Some(_) => {
                // X举行(了)Y, X在某会场举行Y, X主席团举行Y: the session holding the
                // sitting.
                let mut v = end;
                if matches!(toks[v].word.as_str(), "主席团" | "大会主席团") && v + 1 < toks.len()
                {
                    v += 1;
                }
                if matches!(toks[v].word.as_str(), "在" | "于") {
                    v = (v + 1..toks.len().min(v + 10))
                        .find(|&k| {
                            is_clause_break(&toks[k])
                                || lex.role_verbs().get(&toks[k].word) == Some(&RoleVerb::Held)
                        })
                        .unwrap_or(v);
                }
                let held = lex.role_verbs().get(&toks[v].word) == Some(&RoleVerb::Held);
                held && next_event(object_start(toks, v)).is_some()
            }
        };
        framing[c] = frames;
    }
    events.into_iter().filter(|&c| framing[c]).collect()
}
