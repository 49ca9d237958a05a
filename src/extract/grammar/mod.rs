//! Mention chunking: a sentence's words come in; typed mention spans go out
//! (person, title, organization, place, market, event, date, document, project),
//! each with what the later stages need (an organisation's jurisdiction and parent,
//! an event's type, a post's head). Chunks are built by grammar over word
//! categories (jurisdiction + modifiers + organ suffix, prefix + post head, …),
//! never by looking up whole names, so they work on text the lexicons never saw.
//!
//! The driver ([`chunk_sentence`]) lives here with the chunk types; each headed chunk
//! kind has its own file (`organizations`, `events`, `markets`), and `names` holds the
//! leftward walk over a name's words that organisations and events share.

mod events;
mod markets;
mod names;
mod organizations;

use super::date::{find_dates, is_range_mark};
use super::token::*;
use crate::lexicon::Lexicon;
use crate::mention::{Mention, MentionKind};
use events::{event_chunk, is_referred_to};
use markets::market_or_project;
use organizations::{org_chunk, org_chunk_at_start, org_prefix};

pub use events::convened_committees;
pub use organizations::add_model_organizations;

/// Extra facts about a chunk.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ChunkDetails {
    /// Organisation: the jurisdiction as written (惠济, 市, 郑州市).
    pub juris: Option<String>,
    /// Organisation: the organ suffix's class (`party`, `government`).
    pub organ_class: Option<String>,
    /// Organisation: the parent organisation's full text (郑州市自然资源和规划局).
    pub parent: Option<String>,
    /// Event: type (会议, 仪式…).
    pub event_type: Option<String>,
    /// Title: the head without rank prefix (书记 for 副书记).
    pub head: Option<String>,
    /// Title: the head is the head of a people's government (区长).
    pub government: bool,
    /// Document: the issuing organisation named at the start of its title.
    pub issuer: Option<String>,
}

/// A mention with its extra facts and the token range it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    /// The span.
    pub mention: Mention,
    /// Extra facts.
    pub details: ChunkDetails,
    /// First token index.
    pub tok_start: usize,
    /// One past the last token index.
    pub tok_end: usize,
}

/// Finds every mention chunk in a sentence.
pub fn chunk_sentence(lex: &Lexicon, toks: &[Word]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let chars_of = |a: usize, b: usize| -> Mention {
        let text = text_of(toks, a, b);
        Mention {
            start: toks[a].start,
            end: toks[b - 1].end,
            kind: MentionKind::Place,
            text,
        }
    };
    let mut covered = vec![false; toks.len()];

    // Documents first: 《…》 is unambiguous and may contain anything.
    let mut i = 0;
    while i < toks.len() {
        if toks[i].word == "《" {
            if let Some(j) = (i + 1..toks.len()).find(|&j| toks[j].word == "》") {
                if j > i + 1 {
                    let mut m = chars_of(i + 1, j);
                    m.kind = MentionKind::Document;
                    let issuer = org_prefix(lex, &toks[i + 1..j]);
                    for c in &mut covered[i..=j] {
                        *c = true;
                    }
                    out.push(Chunk {
                        mention: m,
                        details: ChunkDetails {
                            issuer,
                            ..ChunkDetails::default()
                        },
                        tok_start: i + 1,
                        tok_end: j,
                    });
                    // The issuer is an organisation mention too.
                    if let Some(org) = org_chunk_at_start(lex, toks, i + 1, j) {
                        out.push(org);
                    }
                }
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }

    // Dates. The end of a range (25日至26日) dates nothing: the range starts on its
    // first day.
    let mut last_date_end = None;
    for (a, b, _) in find_dates(toks) {
        let range_end = a >= 1 && is_range_mark(&toks[a - 1].word) && last_date_end == Some(a - 1);
        last_date_end = Some(b);
        if range_end || covered[a..b].iter().any(|&c| c) {
            continue;
        }
        let mut m = chars_of(a, b);
        m.kind = MentionKind::Date;
        out.push(Chunk {
            mention: m,
            details: ChunkDetails::default(),
            tok_start: a,
            tok_end: b,
        });
        for c in &mut covered[a..b] {
            *c = true;
        }
    }

    // Headed chunks, right to left so that an event's organiser is found inside it.
    let mut end = toks.len();
    while end > 0 {
        let h = end - 1;
        if covered[h] {
            end -= 1;
            continue;
        }
        if let Some(c) = headed_chunk(lex, toks, h, &covered) {
            for x in &mut covered[c.tok_start..c.tok_end] {
                *x = true;
            }
            // An event or market may start with its organiser (郑州市疫情防控领导小组工作会议).
            if matches!(c.mention.kind, MentionKind::Event | MentionKind::Project) {
                if let Some(org) = org_chunk_at_start(lex, toks, c.tok_start, c.tok_end) {
                    out.push(org);
                }
            }
            end = c.tok_start;
            out.push(c);
            continue;
        }
        end -= 1;
    }

    // Posts and places that are not part of a larger chunk.
    for (i, t) in toks.iter().enumerate() {
        if covered[i] {
            continue;
        }
        match t.category {
            Category::Title => {
                let (_, head) = lex.parse_title(&t.word).expect("categorised as title");
                // 名誉 + 副主席, 执行 + 主任: a rank word the segmenter left apart is
                // part of the post.
                let ranked = i > 0
                    && !covered[i - 1]
                    && toks[i - 1].category != Category::Title
                    && lex
                        .parse_title(&format!("{}{head}", toks[i - 1].word))
                        .is_some_and(|(p, _)| p == toks[i - 1].word);
                let a = if ranked { i - 1 } else { i };
                let mut m = chars_of(a, i + 1);
                m.kind = MentionKind::Title;
                out.push(Chunk {
                    mention: m,
                    details: ChunkDetails {
                        head: Some(head.to_string()),
                        government: lex.titles().get(head).copied().unwrap_or(false),
                        ..ChunkDetails::default()
                    },
                    tok_start: a,
                    tok_end: i + 1,
                });
            }
            Category::Place => {
                // 南岔村, 洪山村: a village named like a county (南岔县), written with
                // the word for village apart, is the village.
                let village = toks.get(i + 1).is_some_and(|n| {
                    !covered[i + 1] && matches!(n.word.as_str(), "村" | "社区" | "嘎查")
                });
                let end = if village { i + 2 } else { i + 1 };
                let mut m = chars_of(i, end);
                m.kind = MentionKind::Place;
                out.push(Chunk {
                    mention: m,
                    details: ChunkDetails::default(),
                    tok_start: i,
                    tok_end: end,
                });
            }
            _ => {}
        }
    }
    // 传达学习省委常委会会议精神: an occasion referred to for what it decided is not
    // one the article reports.
    out.retain(|c| {
        c.mention.kind != MentionKind::Event
            || !is_referred_to(toks, c.tok_end) && !studied_in_clause(toks, c.tok_start, c.tok_end)
    });
    out.sort_by_key(|c| (c.mention.start, c.mention.end));
    out
}

/// Whether the occasion at tokens `start..end` is one whose decisions its clause
/// studies (传达学习省委全体会议、…重要讲话精神; 全面贯彻国务院全体会议、…精神): a
/// word of studying before it and 精神 after it, in one clause however long the
/// list between.
fn studied_in_clause(toks: &[Word], start: usize, end: usize) -> bool {
    const STUDY: &[&str] = &["传达", "学习", "贯彻", "落实", "领会", "宣讲", "紧扣"];
    let before = toks[..start]
        .iter()
        .rev()
        .take_while(|t| !is_clause_break(t))
        .any(|t| STUDY.iter().any(|w| t.word.ends_with(w)));
    // (全面贯彻 + 国务院…会议: the word may have been run into the occasion's name.)
    let inside = toks[start..end]
        .iter()
        .any(|t| matches!(t.word.as_str(), "贯彻" | "传达" | "学习贯彻"));
    (before || inside)
        && toks[end..]
            .iter()
            .take_while(|t| !is_clause_break(t))
            .any(|t| t.word.ends_with("精神"))
}

/// Tries every headed chunk kind with its head at token `h`.
fn headed_chunk(lex: &Lexicon, toks: &[Word], h: usize, covered: &[bool]) -> Option<Chunk> {
    let w = toks[h].word.as_str();
    // Markets and projects before organisations: 农产品中心 ends in 中心.
    if let Some(c) = market_or_project(lex, toks, h, covered) {
        return Some(c);
    }
    if toks[h].category == Category::Event
        || (w == "活动" && toks[h].tag == "vn" && lex.event_head(w).is_some())
    {
        return event_chunk(lex, toks, h, covered);
    }
    // 致公党中央, 民建中央: 中央 after a party's name is its central committee.
    let party_centre = toks[h].word == "中央"
        && h > 0
        && matches!(toks[h - 1].category, Category::Nominal | Category::Organ)
        && !toks[h - 1].tag.starts_with("nr");
    if toks[h].category == Category::Organ || party_centre {
        return org_chunk(lex, toks, h, covered);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::Segmenter;

    fn chunks(text: &str) -> Vec<(MentionKind, String)> {
        let lex = Lexicon::embedded();
        let seg = Segmenter::new(&lex);
        let toks = tokenize(&seg, &lex, text);
        chunk_sentence(&lex, &toks)
            .into_iter()
            .map(|c| (c.mention.kind, c.mention.text))
            .collect()
    }

    #[test]
    fn a_conjunction_joins_no_organ_of_a_jurisdiction_into_a_name() {
        let c = chunks("30余名离退休老干部与市政协主席、副主席齐聚一堂");
        assert!(
            c.contains(&(MentionKind::Organization, "市政协".into())),
            "{c:?}"
        );
        assert!(!c.iter().any(|(_, t)| t.contains("老干部与")), "{c:?}");
        let c = chunks("中央巡视组和省委对此高度重视");
        assert!(!c.iter().any(|(_, t)| t.contains("巡视组和")), "{c:?}");
        let c = chunks("郑州市自然资源和规划局举行挂牌仪式");
        assert!(
            c.contains(&(MentionKind::Organization, "郑州市自然资源和规划局".into())),
            "{c:?}"
        );
    }

    #[test]
    fn organ_names_by_grammar() {
        let c = chunks("郑州市自然资源和规划局惠济分局、惠济区规划服务中心举行挂牌仪式");
        assert!(
            c.contains(&(
                MentionKind::Organization,
                "郑州市自然资源和规划局惠济分局".into()
            )),
            "{c:?}"
        );
        assert!(
            c.contains(&(MentionKind::Organization, "惠济区规划服务中心".into())),
            "{c:?}"
        );
        assert!(
            c.contains(&(MentionKind::Event, "挂牌仪式".into())),
            "{c:?}"
        );
    }

    #[test]
    fn generic_words_are_not_organs() {
        let c = chunks("全力在惠济发展大局中实现更多建树");
        assert!(
            !c.iter().any(|(k, _)| *k == MentionKind::Organization),
            "{c:?}"
        );
    }
}
