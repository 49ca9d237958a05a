//! Organisation chunks: jurisdiction + modifiers + organ suffix (郑州市自然资源和规划局,
//! 区委), the issuer at the start of a document's or event's name, and the labeller's
//! organisations added where the grammar found none. Kept apart from the driver
//! because the organ rules (fused jurisdictions, parties before places, parents) are
//! the largest single chunk kind.

use super::names::{continues_compound, extend_left};
use super::{Chunk, ChunkDetails};
use crate::extract::token::{text_of, Category, Word};
use crate::lexicon::{Lexicon, OTHER_PARTIES};
use crate::mention::{Mention, MentionKind};

/// Adds the organisations the sequence labeller found where the grammar found
/// nothing (国家杜马, 中博传媒: no organ suffix of ours ends them). A span counts
/// only when it starts and ends on token boundaries, overlaps no chunk and holds no
/// name token, so the grammar's organisations, posts and events always win.
pub fn add_model_organizations(toks: &[Word], chunks: &mut Vec<Chunk>, spans: &[(usize, usize)]) {
    // Most sentences have no span: no taken-token map for them.
    if spans.is_empty() {
        return;
    }
    let mut added = false;
    // Tokens inside a chunk other than the one a span may lengthen.
    let mut taken = vec![false; toks.len()];
    // A place may start a company's name (青岛 of 青岛中加特电气股份有限公司).
    for c in chunks
        .iter()
        .filter(|c| c.mention.kind != MentionKind::Place)
    {
        for t in &mut taken[c.tok_start..c.tok_end] {
            *t = true;
        }
    }
    let mut absorbed: Vec<(usize, usize)> = Vec::new();
    for &(s, e) in spans {
        let Some(a) = toks.iter().position(|t| t.start == s) else {
            continue;
        };
        let Some(b) = toks[a..].iter().position(|t| t.end == e).map(|k| a + k + 1) else {
            continue;
        };
        // 青岛中加特电气股份有限公司: the labeller's longer name of a company the
        // grammar cut short (at 中加特, which reads as no modifier) is the name.
        if let Some(c) = chunks.iter_mut().find(|c| {
            c.mention.kind == MentionKind::Organization
                && c.mention.end == e
                && s < c.mention.start
                && c.tok_start > a
                && is_company(&c.mention.text)
        }) {
            let gap = &toks[a..c.tok_start];
            let clean = gap.iter().all(|t| {
                !matches!(t.category, Category::Title | Category::Event)
                    && (t.category != Category::Punct
                        || matches!(t.word.as_str(), "(" | ")" | "（" | "）"))
            }) && !gap[0].tag.starts_with('v')
                && gap[0].category != Category::Other;
            let untaken = !(a..c.tok_start).any(|k| taken[k]);
            if clean && untaken {
                absorbed.push((a, c.tok_start));
                c.mention.text = toks[a..c.tok_end].iter().map(|t| t.word.as_str()).collect();
                c.mention.start = s;
                c.tok_start = a;
                c.details.parent = None;
                c.details.juris = None;
                added = true;
                continue;
            }
        }
        let overlaps = chunks
            .iter()
            .any(|c| c.mention.start < e && s < c.mention.end);
        let named = toks[a..b].iter().any(|t| {
            t.tag == "nr"
                || matches!(
                    t.category,
                    Category::Punct | Category::Title | Category::Event
                )
        });
        // 由县人大, 充分发挥政协, 工作落到实处: a span the labeller ran over a verb or
        // preposition at either end is no name.
        let clipped = [a, b - 1]
            .iter()
            .any(|&k| toks[k].category == Category::Other || toks[k].tag.starts_with('v'));
        if overlaps || named || clipped || e - s < 2 {
            continue;
        }
        chunks.push(Chunk {
            mention: Mention {
                start: s,
                end: e,
                kind: MentionKind::Organization,
                text: toks[a..b].iter().map(|t| t.word.as_str()).collect(),
            },
            details: ChunkDetails::default(),
            tok_start: a,
            tok_end: b,
        });
        added = true;
    }
    if added {
        chunks.retain(|c| {
            c.mention.kind != MentionKind::Place
                || !absorbed
                    .iter()
                    .any(|&(a, b)| a <= c.tok_start && c.tok_end <= b)
        });
        chunks.sort_by_key(|c| (c.tok_start, c.tok_end));
    }
}

/// Whether an organisation's name ends like a company's (有限公司, 集团).
fn is_company(name: &str) -> bool {
    ["公司", "集团", "厂", "合作社"]
        .iter()
        .any(|s| name.ends_with(s))
}

/// The organisation chunk that starts a span (the issuer in 《郑州市城乡建设局关于…》),
/// when the span begins with one.
pub(super) fn org_chunk_at_start(
    lex: &Lexicon,
    toks: &[Word],
    a: usize,
    b: usize,
) -> Option<Chunk> {
    (a..b.saturating_sub(1))
        .rev()
        .filter(|&h| toks[h].category == Category::Organ)
        .filter_map(|h| {
            let c = org_chunk(lex, toks, h, &vec![false; toks.len()])?;
            (c.tok_start == a).then_some(c)
        })
        .next()
}

pub(super) fn org_prefix(lex: &Lexicon, toks: &[Word]) -> Option<String> {
    org_chunk_at_start(lex, toks, 0, toks.len()).map(|c| c.mention.text)
}

/// Bodies besides the other parties ([`OTHER_PARTIES`]) whose local committees are
/// named body + place + organ.
const BODIES_BEFORE_PLACE: &[&str] =
    &["政协", "中国人民政治协商会议", "中国共产党", "共青团", "团"];

pub(super) fn org_chunk(lex: &Lexicon, toks: &[Word], h: usize, covered: &[bool]) -> Option<Chunk> {
    if continues_compound(toks, h + 1) {
        return None;
    }
    let a = extend_left(toks, h, covered, true);
    // Start at the jurisdiction when there is one: "推进辖区郑州市…" keeps only 郑州市….
    let a = (a..=h)
        .find(|&i| {
            matches!(
                toks[i].category,
                Category::Place | Category::JurisdictionWord
            )
        })
        .filter(|&i| i < h)
        // A party named before its local committee is part of its name (农工党丰台区工委).
        .map(|i| {
            let party = i > a && {
                let w = toks[i - 1].word.as_str();
                BODIES_BEFORE_PLACE.contains(&w) || OTHER_PARTIES.contains(&w)
            };
            if party {
                i - 1
            } else {
                i
            }
        })
        .unwrap_or(a);
    // 区委区政府, 江门市委市政府: two bodies written together; this one is the last.
    let a = (a + 1..=h)
        .rev()
        .find(|&m| {
            toks[m - 1].category == Category::Organ
                && toks[m - 1].word.ends_with('委')
                // (纪委监委 + 驻县/ns: the body it sits in, not a second body.)
                && !toks[m].word.starts_with('驻')
                && (matches!(
                    toks[m].category,
                    Category::JurisdictionWord | Category::Place
                ) || toks[m].category == Category::Organ
                    && fused_jurisdiction(lex, &toks[m].word).is_some())
        })
        .unwrap_or(a);
    // Counted or generic plurals (8个服务指导小组, 各部门) are not one organisation.
    let demonstrative = a > 0 && toks[a - 1].word.starts_with(['该', '本']);
    if a > 0 && matches!(toks[a - 1].tag.as_str(), "m" | "q" | "r") && !demonstrative {
        return None;
    }
    let mut text = text_of(toks, a, h + 1);
    // 组织部长, 公安局长: the department or bureau is named by its stem before its
    // head's title.
    let head_title = |suffix: &str| {
        toks.get(h + 1)
            .is_some_and(|t| t.category == Category::Title && t.word.ends_with(suffix))
    };
    let organ_char = if lex.is_department_stem(&toks[h].word) && head_title("部长") {
        Some('部')
    } else if lex.is_bureau_stem(&toks[h].word) && head_title("局长") {
        Some('局')
    } else {
        None
    };
    let department = organ_char.is_some();
    if let Some(c) = organ_char {
        text.push(c);
    }
    let lone = a == h && !department;
    let fused_juris = fused_jurisdiction(lex, &text);
    if lone
        && fused_juris.is_none()
        && !(lex.org_abbrev().contains_key(&toks[h].word) || toks[h].word.chars().count() >= 3)
    {
        return None;
    }
    // 代表团, 有限公司, 办公室 alone: a kind of body, not one (but the organ of a post
    // after it, 管委会副主任 X, still holds the list together). So is a group written
    // without the body that sends it (派驻纪检监察组要发挥…作用).
    if lone
        && fused_juris.is_none()
        && toks
            .get(h + 1)
            .is_none_or(|t| t.category != Category::Title)
        && (!lex.org_abbrev().contains_key(&toks[h].word)
            && lex.org_suffix(&text).is_some_and(|(suf, _)| *suf == text)
            || text.ends_with('组'))
    {
        return None;
    }
    // A bare suffix after a place is still an organ (惠济 + 区委).
    let juris = match toks[a].category {
        Category::Place | Category::JurisdictionWord if a < h => Some(toks[a].word.clone()),
        // 省委组织部, 县委办公室: the first organ starts with its jurisdiction.
        Category::Organ if a < h => fused_juris.or_else(|| fused_jurisdiction(lex, &toks[a].word)),
        _ => fused_juris.or_else(|| level_written_in(&toks[a].word)),
    };
    // Parent: the organisation text up to an inner organ word (…规划局 in …规划局惠济分局);
    // of a group sent to sit in another body, the commission that sends it.
    let sent_by = (a..h).find(|&i| matches!(toks[i].word.as_str(), "驻" | "派驻"));
    let parent = (a..sent_by.unwrap_or(h))
        .rev()
        .find(|&i| toks[i].category == Category::Organ && (i > a || sent_by.is_some()))
        .map(|i| text_of(toks, a, i + 1));
    let class = lex.org_suffix(&text).and_then(|(_, c)| c.clone());
    let mut m = Mention {
        start: toks[a].start,
        end: toks[h].end,
        kind: MentionKind::Organization,
        text,
    };
    if m.text.chars().count() < 2 {
        return None;
    }
    m.kind = MentionKind::Organization;
    Some(Chunk {
        mention: m,
        details: ChunkDetails {
            juris,
            organ_class: class,
            parent,
            ..ChunkDetails::default()
        },
        tok_start: a,
        tok_end: h + 1,
    })
}

/// The level a body's first word starts with where the segmenter ran it into the
/// name (县公安局, 县融|媒体中心, 县直机关|工委): the body is that level's of the
/// article's jurisdiction. Not where the two characters are a word of their own
/// (市场, 区域, 县城, 乡村).
fn level_written_in(first_word: &str) -> Option<String> {
    const WORDS: &[&str] = &[
        "市场", "市民", "市容", "市区", "市级", "市域", "市县", "市内", "市面", "区域", "区级",
        "区内", "区县", "县域", "县级", "县城", "县内", "县乡", "省级", "省内", "省外", "省市",
        "乡村", "乡镇", "乡亲", "乡土", "镇村", "镇区",
    ];
    let first = first_word.chars().next()?;
    if !matches!(first, '省' | '市' | '区' | '县') || first_word.chars().count() < 2 {
        return None;
    }
    (!WORDS.iter().any(|w| first_word.starts_with(w))).then(|| first.to_string())
}

/// A word that starts with its jurisdiction: 市政府 (市 + 政府), 区委, 省委.
fn fused_jurisdiction(lex: &Lexicon, text: &str) -> Option<String> {
    let first = text.chars().next()?;
    let n = text.chars().count();
    if !matches!(first, '省' | '市' | '州' | '区' | '县' | '旗' | '镇' | '乡') {
        return None;
    }
    let (suf, class) = lex.org_suffix(text)?;
    let s = suf.chars().count();
    // 镇党委, 乡政府; but 乡镇 is no organ of a town.
    if matches!(first, '镇' | '乡') && s < 2 {
        return None;
    }
    (n == s + 1 || (n == s && class.as_deref() == Some("party"))).then(|| first.to_string())
}

#[cfg(test)]
mod tests {
    use super::super::chunk_sentence;
    use super::*;
    use crate::extract::token::tokenize;
    use crate::segment::Segmenter;

    #[test]
    fn model_organizations_fill_gaps_only() {
        let lex = Lexicon::embedded();
        let seg = Segmenter::new(&lex);
        let text = "国家杜马主席会见郑州市城乡建设局局长";
        let toks = tokenize(&seg, &lex, text);
        let mut cs = chunk_sentence(&lex, &toks);
        let before = cs.len();
        // 国家杜马 is new; 郑州市城乡建设局 is the grammar's already; a span off the
        // token boundaries (家杜) is ignored.
        add_model_organizations(&toks, &mut cs, &[(0, 4), (1, 3), (8, 16)]);
        assert_eq!(cs.len(), before + 1);
        assert_eq!(cs[0].mention.text, "国家杜马");
        assert_eq!(cs[0].mention.kind, MentionKind::Organization);
        assert!(cs.windows(2).all(|w| w[0].tok_start <= w[1].tok_start));
    }
}
