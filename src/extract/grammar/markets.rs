//! Market and project chunks (双桥花卉市场, 毛庄四号院项目): a head that may span two
//! words, a looser walk left than other names (numbers and odd tags are allowed), and
//! the rule that a name needs a modifier that is not generic. Tried before
//! organisations, since 农产品中心 ends in an organ word.

use super::{Chunk, ChunkDetails};
use crate::extract::token::{text_of, Category, Word};
use crate::lexicon::Lexicon;
use crate::mention::{Mention, MentionKind};

/// Words that make a market or project name generic (辖区商贸市场, 重点项目).
const GENERIC_MODIFIERS: &[&str] = &[
    "辖区",
    "商贸",
    "农贸",
    "标准化",
    "批发",
    "各",
    "该",
    "本地",
    "当地",
    "全市",
    "全区",
    "全省",
    "重点",
    "建设",
    "工程",
    "道路",
    "道路工程",
    "重大",
    "新",
    "大",
    "各类",
    "相关",
    "有关",
    "一批",
    "市场",
    "农产品",
    "花卉",
    "这些",
    "此类",
    "其他",
    "多个",
    "部分",
    "民生",
    "物资",
];

pub(super) fn market_or_project(
    lex: &Lexicon,
    toks: &[Word],
    h: usize,
    covered: &[bool],
) -> Option<Chunk> {
    let w = toks[h].word.as_str();
    // The head may span two tokens (农产品 + 中心).
    let (kind, head_start) = if w.ends_with("项目") {
        (MentionKind::Project, h)
    } else if !lex.may_end_market(w) {
        // Nor is `w` a market head then: most tokens end here, on one cheap test.
        return None;
    } else if lex.market_head(w).is_some() {
        (MentionKind::Market, h)
    } else if h > 0
        && lex
            .market_head(&format!("{}{}", toks[h - 1].word, w))
            .is_some_and(|m| m.chars().count() > w.chars().count())
    {
        (MentionKind::Market, h - 1)
    } else {
        return None;
    };
    // Names of markets and projects carry numbers (毛庄四号院项目) and odd tags (春熙路).
    let mut a = head_start;
    while a > 0 && !covered[a - 1] {
        let t = &toks[a - 1];
        let ok = matches!(
            t.category,
            Category::Nominal | Category::Place | Category::JurisdictionWord
        ) || (matches!(t.tag.as_str(), "m" | "i")
            && t.word.chars().count() >= 2
            && !t.word.chars().all(|c| c.is_ascii_digit()))
            || (t.tag == "nr" && t.word.chars().count() >= 2);
        if !ok {
            break;
        }
        a -= 1;
    }
    // A name starts with a proper word: drop leading common words (办理, 辖区, 服务),
    // but not a short place name jieba reads as a word (双桥花卉市场).
    while a < head_start
        && toks[a].category != Category::Place
        && lex.word_maps(&toks[a].word) & crate::lexicon::word_map::PLACE_SHORT == 0
        && (matches!(
            toks[a].tag.as_str(),
            "n" | "vn" | "v" | "l" | "a" | "d" | "b"
        ) || (toks[a].tag == "m" && !toks[a].word.contains(['号', '期', '区'])))
    {
        a += 1;
    }
    // A name needs a modifier that is not generic.
    let specific = (a..head_start).any(|i| {
        let t = &toks[i];
        !GENERIC_MODIFIERS.contains(&t.word.as_str()) && t.category != Category::JurisdictionWord
    });
    let head_word: String = text_of(toks, head_start, h + 1);
    let head_ok = match kind {
        MentionKind::Project => head_word.chars().count() <= 4,
        _ => true,
    };
    if !specific || !head_ok {
        return None;
    }
    let text = text_of(toks, a, h + 1);
    Some(Chunk {
        mention: Mention {
            start: toks[a].start,
            end: toks[h].end,
            kind,
            text,
        },
        details: ChunkDetails::default(),
        tok_start: a,
        tok_end: h + 1,
    })
}
