//! The categories the grammar reads tokens by (a post, a place, an organ, an event
//! head, a word that may sit inside a name, or one that ends it), and how a token gets
//! its category from the lexicons and jieba's tag.

use crate::lexicon::{word_map, Lexicon};
use crate::normalize::is_cjk;
use crate::segment::Token;

/// Grammar categories of tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// Punctuation or white space.
    Punct,
    /// A post (副书记).
    Title,
    /// A gazetteer place, full or short (惠济, 郑州市).
    Place,
    /// A one-character jurisdiction (省 市 区 县 镇 乡) or 中共/中央/国家.
    JurisdictionWord,
    /// A word ending in an organ suffix (规划局, 分局, 区委).
    Organ,
    /// An event head (会议, 揭牌仪式).
    Event,
    /// Anything that may sit inside a name (nouns, verbal nouns, abbreviations).
    Nominal,
    /// Verbs, function words, numbers: they end a name.
    Other,
}

fn is_punct(word: &str) -> bool {
    word.chars()
        .all(|c| !is_cjk(c) && !c.is_alphanumeric() || c.is_whitespace())
}

/// The category of a token, from the lexicons first and jieba's tag after.
pub(super) fn categorize(lex: &Lexicon, t: &Token) -> Category {
    let w = t.word;
    if is_punct(w) {
        return Category::Punct;
    }
    let maps = lex.word_maps(w);
    if maps & word_map::TITLE != 0 {
        return Category::Title;
    }
    if matches!(
        w,
        "省" | "市"
            | "州"
            | "区"
            | "县"
            | "旗"
            | "镇"
            | "乡"
            | "中共"
            | "中央"
            | "国家"
            | "全国"
            | "自治区"
    ) {
        return Category::JurisdictionWord;
    }
    // A short form counts where jieba reads a place or a name: 合作 (合作市), 资源
    // (资源县), 振兴 (振兴区) are words before they are places; 封丘, which jieba reads
    // as a name, is the county.
    let short_place = maps & word_map::PLACE_SHORT != 0
        && w.chars().count() >= 2
        && (t.tag.starts_with("ns") || t.tag.starts_with("nr"));
    if maps & word_map::PLACE != 0 || short_place {
        return Category::Place;
    }
    // Event heads first: 攻坚会 ends in 会 like 协会, but is a meeting.
    if t.tag == "nev" || maps & word_map::EVENT_HEAD != 0 || is_occasion_compound(lex, w) {
        return Category::Event;
    }
    // A bare organ suffix used as a verb (有序组织商户, 办) is the verb, and a foreign
    // name is no organ for ending like one (基里延科 and the section 科).
    let organ = || {
        // 落到实处 ends in 处 but is a set phrase.
        t.tag != "l"
            && is_organ_word(lex, w)
            && !(t.tag.starts_with('v') && lex.org_suffixes().iter().any(|(suf, _)| suf == w))
            && !(t.tag.starts_with("nr") && lex.looks_transliterated(w))
            // 薛伟科, 王建局: a name jieba knows, a surname and a given name ending like
            // an office (科, 局).
            && !(t.tag == "nr"
                && w.chars().count() == 3
                && lex.surname_len(w) == Some(1)
                && lex.org_suffix(w).is_some_and(|(suf, _)| suf.chars().count() == 1))
    };
    if maps & word_map::ORG_ABBREV != 0
        || organ()
        || t.tag == "nt" && (lex.is_department_stem(w) || lex.is_bureau_stem(w))
    {
        return Category::Organ;
    }
    let tag = t.tag.as_str();
    if tag == "ns" && place_like(w) && !generic_place(lex, w) {
        return Category::Place;
    }
    // 民建 and 民进 are adjectives to jieba; the party's name is a noun like 民革's.
    if matches!(
        tag,
        "n" | "nz" | "nt" | "ns" | "vn" | "j" | "an" | "nrt" | "nr" | "nrfg" | "l" | "b" | "ng"
    ) || crate::lexicon::OTHER_PARTIES.contains(&w)
        // 春节走访慰问活动, 中秋慰问: a festival names the occasion held for it, though
        // jieba tags it a time.
        || tag == "t" && FESTIVALS.contains(&w)
    {
        return Category::Nominal;
    }
    Category::Other
}

/// Festivals, which name the occasions held for them (春节团拜会, 中秋慰问).
const FESTIVALS: &[&str] = &[
    "春节", "新春", "元旦", "元宵", "清明", "端午", "中秋", "重阳", "国庆",
];

/// Whether a word not in the gazetteer still reads as a place (jieba says ns and it ends
/// like one). jieba's dictionary tags some phrases ns (加大力度), hence the check.
/// A word that ends like a place but names none (新区, 山区, 各乡镇, 三区, 镇村): listed
/// in not_places.txt, 各/全/本 before a level, or a number or direction and a level
/// alone (三区, 北区; 三里河 and 中关村 are places).
fn generic_place(lex: &Lexicon, w: &str) -> bool {
    let mut cs = w.chars();
    let first = cs.next().unwrap_or(' ');
    lex.not_places().contains(w)
        || "各全本该我".contains(first) && w.chars().count() <= 3
        || "两三四五六七八九十多东西南北中新".contains(first) && w.chars().count() == 2
        || matches!(
            w,
            "镇村" | "山村" | "城镇" | "乡村" | "村镇" | "县区" | "县市" | "市县"
        )
}

fn place_like(w: &str) -> bool {
    let n = w.chars().count();
    n >= 2
        && w != "城市"
        && w.ends_with([
            '省', '市', '县', '区', '镇', '乡', '村', '州', '岛', '湾', '港', '江', '河', '湖',
            '海', '山', '洲', '国',
        ])
}

/// A word jieba keeps whole that ends in an occasion's head of two characters or more
/// (表彰大会, 动员大会, 誓师大会): the occasion, though its last character also ends
/// organs (协会). A congress (代表大会) is the body that sits, not a sitting; a word
/// ending in a visit's or an activity's head names work done (执法检查), not an occasion.
fn is_occasion_compound(lex: &Lexicon, w: &str) -> bool {
    w.chars().count() >= 3
        && !w.ends_with("代表大会")
        && lex.event_head(w).is_some_and(|(head, ty)| {
            head.chars().count() >= 2 && head != w && !matches!(ty.as_str(), "调研" | "活动")
        })
}

/// A word that names an organ: an organ suffix on its own (分局, 中心) or a word ending in
/// one whose stem is long enough to be a modifier (规划局, not 大局 or 格局).
fn is_organ_word(lex: &Lexicon, w: &str) -> bool {
    let Some((suf, _)) = lex.org_suffix(w) else {
        return false;
    };
    let n = w.chars().count();
    let s = suf.chars().count();
    if n == s {
        return s >= 2 || matches!(w, "局" | "委" | "办" | "厅" | "部" | "署");
    }
    n - s >= if s == 1 { 2 } else { 1 }
}
