//! Words for the grammar: a sentence's jieba tokens come in, re-split where jieba
//! fused an organ with a post (区委书记 → 区委 + 书记) or a name with a particle, joined
//! where it cut a post or a name into pieces, each with the grammar category
//! ([`Category`]) that [`super::grammar`] works on.

pub(super) use super::category::categorize;
pub use super::category::Category;
use super::resplit::resplit;
use crate::lexicon::{word_map, Lexicon, PlaceLevel};
use crate::normalize::is_cjk;
use crate::segment::{Segmenter, Tag};

/// A token with the category the grammar works on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The word.
    pub word: String,
    /// jieba's tag (or ours).
    pub tag: Tag,
    /// First character in the sentence.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// Grammar category.
    pub category: Category,
}

/// Bodies that sit for a place and stand before its name (政协沁县…, 中共郑州市委),
/// longest first.
pub const SITTING_BODIES: &[&str] = &[
    "中国人民政治协商会议",
    "中国共产主义青年团",
    "中国共产党",
    "中共",
    "共青团",
    "政协",
    "人大",
];

pub use crate::lexicon::JURISDICTION_CHARS;

/// Tokens of a sentence, re-split where jieba fused an organ with a post (区委书记 →
/// 区委 + 书记) or a name with 等 (许振等 → 许振 + 等), then categorised.
pub fn tokenize(seg: &Segmenter, lex: &Lexicon, text: &str) -> Vec<Word> {
    let tokens = seg.tokens(text);
    // A few tokens are cut in two: room for them up front instead of regrowing.
    let mut out: Vec<Word> = Vec::with_capacity(tokens.len() + tokens.len() / 8 + 1);
    for t in tokens {
        let (first, second) = resplit(lex, t);
        for piece in std::iter::once(first).chain(second) {
            let cat = categorize(lex, &piece);
            out.push(Word {
                word: piece.word.to_string(),
                tag: piece.tag,
                start: piece.start,
                end: piece.end,
                category: cat,
            });
        }
    }
    places_in_lists(lex, &mut out);
    places_before_their_level(lex, &mut out);
    units_of_a_level(&mut out);
    post_fused_with_a_surname(lex, &mut out);
    given_name_fused_with_a_conjunction(lex, &mut out);
    let mut out = speech_verb_cut_off_names(lex, out);
    names_cut_before_a_preposition(&mut out);
    list_closed_before_attending(&mut out);
    committee_before_will(&mut out);
    bureau_before_its_head(lex, &mut out);
    let out = veteran_cadres(out);
    let mut out = names_ending_in_a_conjunction(lex, out);
    office_of_a_body(&mut out);
    congress_in_session(&mut out);
    let out = join_titles(lex, out);
    let out = conjunction_before_a_county_organ(out);
    party_committee_before_posts(lex, out)
}

/// 县政府 + 和县 + 人大, 《…的请示》+ 和县 + 妇联, 负责同志 + 和县 + 人大常委会, 会议 +
/// 和县 + 十六届: between an organ, a named document, a post, an occasion or a common
/// noun and an organ or its term, 和县 (a county of Anhui) is 和 and the 县 of what
/// follows; so for 与, 及 and 同. (The county follows its city or province: 马鞍山市和县.)
fn conjunction_before_a_county_organ(words: Vec<Word>) -> Vec<Word> {
    let cut = |i: usize| {
        let w = &words[i];
        w.category == Category::Place
            && w.word.chars().count() == 2
            && w.word
                .chars()
                .next()
                .is_some_and(|c| "和与及同".contains(c))
            && w.word
                .chars()
                .nth(1)
                .is_some_and(|c| "县市区镇乡省".contains(c))
            && i > 0
            && (matches!(
                words[i - 1].category,
                Category::Organ | Category::Nominal | Category::Title | Category::Event
            ) || matches!(words[i - 1].word.as_str(), "》" | "”"))
            && words.get(i + 1).is_some_and(|n| {
                n.category == Category::Organ
                    // 会议 + 和县 + 十六届…政府常务会议: the county's next meeting.
                    || n.tag == "m" && n.word.ends_with('届')
                    // 严敏 + 和县 + 四大班子领导: the county's leaders as a group.
                    || ["领导", "四大", "四套", "班子", "直"]
                        .iter()
                        .any(|g| n.word.starts_with(g))
            })
    };
    let cuts: Vec<usize> = (0..words.len()).filter(|&i| cut(i)).collect();
    split_in_two(words, &cuts, |w| {
        let split = w.word.chars().next().map_or(0, char::len_utf8);
        [
            Word {
                word: w.word[..split].to_string(),
                tag: Tag::new("c"),
                start: w.start,
                end: w.start + 1,
                category: Category::Other,
            },
            Word {
                word: w.word[split..].to_string(),
                tag: Tag::new("zg"),
                start: w.start + 1,
                end: w.end,
                category: Category::JurisdictionWord,
            },
        ]
    })
}

/// `words` with each word at an index of `cuts` (ascending) replaced by the two pieces
/// `pieces` makes of it. Most sentences have none to cut, and are given back as they
/// are.
fn split_in_two(
    words: Vec<Word>,
    cuts: &[usize],
    pieces: impl Fn(&Word) -> [Word; 2],
) -> Vec<Word> {
    if cuts.is_empty() {
        return words;
    }
    let mut out = Vec::with_capacity(words.len() + cuts.len());
    let mut next = cuts.iter().peekable();
    for (i, w) in words.into_iter().enumerate() {
        if next.next_if(|&&k| k == i).is_some() {
            out.extend(pieces(&w));
        } else {
            out.push(w);
        }
    }
    out
}

/// 镇 + 党委书记, 自治区 + 党委副书记: a party committee fused with the post after a
/// jurisdiction is that jurisdiction's committee (镇党委) and the post (书记).
fn party_committee_before_posts(lex: &Lexicon, words: Vec<Word>) -> Vec<Word> {
    let cut = |i: usize, w: &Word| -> Option<usize> {
        if w.category != Category::Title || i == 0 {
            return None;
        }
        // 航空港 + 区 + 党工委书记: a jurisdiction word that ends a name is no
        // jurisdiction of its own.
        let jurisdiction = match words[i - 1].category {
            Category::Place => true,
            Category::JurisdictionWord => {
                i < 2 || !matches!(words[i - 2].category, Category::Nominal | Category::Place)
            }
            // 街道 + 党工委书记: a street's committee, written without the street's name.
            // 江北 + 产业 + 集中区 + 党工委书记, 社区 + 党委书记: a zone or a community.
            Category::Nominal => {
                words[i - 1].word == "街道"
                    || words[i - 1].word.ends_with('区') && words[i - 1].word.chars().count() >= 2
            }
            _ => false,
        };
        if !jurisdiction {
            return None;
        }
        ["党委", "党工委"]
            .iter()
            .find(|c| {
                w.word
                    .strip_prefix(*c)
                    .is_some_and(|rest| lex.parse_title(rest).is_some())
            })
            .map(|c| c.len())
    };
    if !words.iter().enumerate().any(|(i, w)| cut(i, w).is_some()) {
        return words;
    }
    let cuts: Vec<Option<usize>> = words.iter().enumerate().map(|(i, w)| cut(i, w)).collect();
    let mut out = Vec::with_capacity(words.len() + 1);
    for (w, at) in words.into_iter().zip(cuts) {
        match at {
            Some(at) => {
                let organ_chars = w.word[..at].chars().count();
                out.push(Word {
                    word: w.word[..at].to_string(),
                    tag: Tag::new("nt"),
                    start: w.start,
                    end: w.start + organ_chars,
                    category: Category::Organ,
                });
                out.push(Word {
                    word: w.word[at..].to_string(),
                    tag: Tag::new("nnt"),
                    start: w.start + organ_chars,
                    end: w.end,
                    category: Category::Title,
                });
            }
            None => out.push(w),
        }
    }
    out
}

/// 县委 + 办 + 主任, 县政府 + 办 + 主任: the office (办) of a committee, a government, a
/// people's congress or a CPPCC, which jieba reads as a verb, is an organ where a post
/// follows it.
fn office_of_a_body(words: &mut [Word]) {
    for i in 1..words.len().saturating_sub(1) {
        if words[i].word == "办"
            && words[i - 1].category == Category::Organ
            && ["委", "政府", "人大", "政协", "常委会"]
                .iter()
                .any(|e| words[i - 1].word.ends_with(e))
            && words[i + 1].category == Category::Title
        {
            words[i].category = Category::Organ;
        }
    }
}

/// 第四次 + 代表大会: a congress with the number of its sitting is that sitting, an
/// occasion, where the congress alone (县人民代表大会) is the body that sits.
fn congress_in_session(words: &mut [Word]) {
    for i in 1..words.len() {
        if words[i].category == Category::Organ
            && words[i].word.ends_with("代表大会")
            && words[i - 1].tag.starts_with('m')
            && words[i - 1].word.ends_with('次')
        {
            words[i].category = Category::Event;
        }
    }
}

/// A short place form jieba reads as a word is a place in a list of places (开封、滑县、
/// 长垣、封丘等).
fn places_in_lists(lex: &Lexicon, words: &mut [Word]) {
    for i in 0..words.len() {
        let place_at = |k: Option<usize>| {
            k.and_then(|k| words.get(k))
                .is_some_and(|w| w.category == Category::Place)
        };
        // The neighbours first: most words are in no list, and need no look-up.
        let before = i >= 2 && words[i - 1].word == "、" && place_at(Some(i - 2));
        let after = words.get(i + 1).is_some_and(|w| w.word == "、") && place_at(Some(i + 2));
        if (before || after)
            && words[i].category != Category::Place
            && lex.word_maps(&words[i].word) & word_map::PLACE_SHORT != 0
        {
            words[i].category = Category::Place;
        }
    }
}

/// 严冬 + 梅在 of 严冬梅在分会场, 白雪 + 梅作 of 白雪梅作讲话, 孟凡 + 星等: jieba took a
/// surname and a word for a name and ran the last character of the real name into the
/// word after it, a preposition 在, the 作 of a speech or the 等 closing a list.
fn names_cut_before_a_preposition(words: &mut [Word]) {
    for i in 0..words.len().saturating_sub(1) {
        // Most tokens are no two-character name: that test first, on every token.
        if !(words[i].tag.starts_with("nr") && words[i].word.chars().count() == 2) {
            continue;
        }
        // 作讲话, 作表态发言: a speech within two words.
        let speech_after = || {
            words
                .iter()
                .skip(i + 2)
                .take(2)
                .any(|w| SPEECH_NOUNS.iter().any(|s| w.word.ends_with(s)))
        };
        let next = &words[i + 1];
        let run_in = next.word.chars().count() == 2
            && next.word.chars().next().is_some_and(is_cjk)
            && (next.tag == "p" && next.word.ends_with('在')
                || next.tag == "n" && next.word.ends_with('作') && speech_after()
                // 孟凡 + 星等 of 孟凡星等在…发言: the list's 等.
                || next.word.ends_with('等') && !next.tag.starts_with('v'));
        if run_in {
            let (left, right) = words.split_at_mut(i + 1);
            let (name, next) = (&mut left[i], &mut right[0]);
            let first = next.word.chars().next().map_or(0, char::len_utf8);
            name.word.push_str(&next.word[..first]);
            name.end += 1;
            next.word.drain(..first);
            next.start += 1;
        }
    }
}

/// 刘燕飞 + 等到 + 会 of 刘燕飞等到会祝贺: after a name, 等到 (to wait until) is the
/// list's 等 and 到会 (came to the meeting).
fn list_closed_before_attending(words: &mut [Word]) {
    for i in 1..words.len().saturating_sub(1) {
        if words[i].word == "等到"
            && words[i - 1].tag.starts_with("nr")
            && words[i + 1].word == "会"
        {
            let (left, right) = words.split_at_mut(i + 1);
            let (closing, verb) = (&mut left[i], &mut right[0]);
            closing.word = "等".to_string();
            closing.tag = Tag::new("u");
            closing.end -= 1;
            verb.word = "到会".to_string();
            verb.tag = Tag::new("v");
            verb.start -= 1;
            verb.category = Category::Other;
        }
    }
}

/// 财政/n + 局长: a bureau written by its stem before its head's title is the organ.
fn bureau_before_its_head(lex: &Lexicon, words: &mut [Word]) {
    for i in 0..words.len().saturating_sub(1) {
        if words[i].category == Category::Nominal
            && matches!(words[i + 1].word.as_str(), "局长" | "副局长")
            && lex.is_bureau_stem(&words[i].word)
        {
            words[i].tag = Tag::new("nt");
            words[i].category = Category::Organ;
        }
    }
}

/// 省委 + 会/v of 省委会领导出席…: 会 after a party committee is the 会 of a
/// democratic party's committee (民进省委会) or the verb (will), not a meeting.
fn committee_before_will(words: &mut [Word]) {
    for i in 1..words.len() {
        if words[i].word == "会"
            && words[i].tag == "v"
            && words[i - 1].category == Category::Organ
            && words[i - 1].word.ends_with('委')
        {
            words[i].category = Category::Other;
        }
    }
}

/// 老/nr + 同志: jieba reads 老 of 老同志 (veteran cadres, a group in lists of those
/// present) as a name's.
fn veteran_cadres(words: Vec<Word>) -> Vec<Word> {
    let joins: Vec<(usize, usize)> = (0..words.len().saturating_sub(1))
        .filter(|&i| words[i].word == "老" && words[i + 1].word == "同志")
        .map(|i| (i, 2))
        .collect();
    join_runs(words, joins, "n", Category::Nominal)
}

/// 主任元春 + 和 + 、 of 主任元春和、局长…, 孔令 + 和 + 汇报 of 主任孔令和汇报: a
/// conjunction cut off a name (see `resplit`) joins nothing right before a list's comma
/// or a verb; after a post it is the last character of the name it follows.
fn names_ending_in_a_conjunction(lex: &Lexicon, words: Vec<Word>) -> Vec<Word> {
    let joins: Vec<(usize, usize)> = (1..words.len().saturating_sub(2))
        .filter(|&i| {
            let after = &words[i + 2];
            // (周珉 + 及 + 有关方面负责人: a group joined to the name, not a verb.)
            let group_after = matches!(after.word.as_str(), "有关" | "相关" | "其他" | "其它");
            let joins_nothing = !group_after
                && match words[i + 1].word.as_str() {
                    "和" | "与" => {
                        matches!(after.word.as_str(), "、" | "，" | ",") || is_verb(lex, after)
                    }
                    "及" => is_verb(lex, after),
                    _ => false,
                };
            joins_nothing
                && words[i - 1].category == Category::Title
                && words[i].word.chars().count() == 2
                && words[i].word.chars().all(is_cjk)
                && lex.surname_len(&words[i].word) == Some(1)
        })
        .map(|i| (i, 2))
        .collect();
    join_runs(words, joins, "nr", Category::Nominal)
}

/// A verb, or a role verb jieba tags otherwise (汇报/nz).
fn is_verb(lex: &Lexicon, w: &Word) -> bool {
    w.tag.starts_with('v') || lex.role_verbs().contains_key(w.word.as_str())
}

/// 县直, 市直 (the bodies directly under a county or city: 县直有关部门负责人) and the
/// 直 of 郎溪县 + 直 are nouns of a group, though jieba reads an adverb or a verb.
fn units_of_a_level(words: &mut [Word]) {
    for i in 0..words.len() {
        let w = words[i].word.as_str();
        if !w.ends_with('直') {
            continue;
        }
        let fused = w.chars().count() == 2 && w.starts_with(['省', '市', '州', '区', '县', '旗']);
        let after_place = w == "直"
            && i > 0
            && words[i - 1].category == Category::Place
            && words[i - 1].word.ends_with(['市', '州', '区', '县', '旗']);
        if (fused || after_place) && words[i].category == Category::Other {
            words[i].category = Category::Nominal;
        }
    }
}

/// A short place form jieba reads as another word (正定/d) is the place right before
/// an organ of its own level (正定 + 县委: 正定县 is a county), or before a school, a
/// hospital or a paper, which are named after their city (大同/d + 大学).
fn places_before_their_level(lex: &Lexicon, words: &mut [Word]) {
    const NAMED_AFTER_A_CITY: [&str; 7] =
        ["大学", "学院", "医院", "中学", "日报", "晚报", "电视台"];
    for i in 0..words.len().saturating_sub(1) {
        let next = &words[i + 1];
        let Some(level) = next.word.chars().next() else {
            continue;
        };
        // The neighbour first: most words stand before neither, and need no look-up.
        let before_level = matches!(next.category, Category::Organ | Category::JurisdictionWord)
            && crate::lexicon::JURISDICTION_CHARS.contains(&level);
        let before_named = NAMED_AFTER_A_CITY.contains(&next.word.as_str());
        if !(before_level || before_named)
            || words[i].category == Category::Place
            || lex.word_maps(&words[i].word) & word_map::PLACE_SHORT == 0
        {
            continue;
        }
        let of_level = before_level && lex.place(&format!("{}{level}", words[i].word)).is_some();
        let named_after = before_named
            && words[i].word.chars().count() >= 2
            && lex
                .place(&words[i].word)
                .is_some_and(|p| matches!(p.level, PlaceLevel::Prefecture | PlaceLevel::County));
        if of_level || named_after {
            words[i].category = Category::Place;
        }
    }
}

/// 主 + 任何 + 文育 of 主任何文育, 副县 + 长江 + 涛 of 副县长江涛: jieba took a post's last
/// character and the surname after it for a word (任何, 长江). The character goes back
/// to the post and the surname starts the name, whose given name follows.
fn post_fused_with_a_surname(lex: &Lexicon, words: &mut [Word]) {
    let mut title = String::new();
    for i in 0..words.len().saturating_sub(2) {
        let mut pair = words[i + 1].word.chars();
        let (Some(last), Some(surname), None) = (pair.next(), pair.next(), pair.next()) else {
            continue;
        };
        // The cheap questions first: this runs on every token.
        if lex.surname_len(surname.encode_utf8(&mut [0; 4])) != Some(1)
            || !lex.may_end_title(last.encode_utf8(&mut [0; 4]))
        {
            continue;
        }
        let given = &words[i + 2];
        let given_name = given.category == Category::Nominal
            && given.word.chars().count() <= 2
            && given.word.chars().all(is_cjk);
        if !given_name
            || words[i].category == Category::Punct
            || words[i + 1].category == Category::Title
            || lex.parse_title(&words[i].word).is_some()
        {
            continue;
        }
        title.clear();
        title.push_str(&words[i].word);
        title.push(last);
        if lex.parse_title(&title).is_none() {
            continue;
        }
        words[i].word.clone_from(&title);
        words[i].tag = Tag::new("nnt");
        words[i].category = Category::Title;
        words[i].end += 1;
        words[i + 1].word = surname.to_string();
        words[i + 1].tag = Tag::new("nr");
        words[i + 1].category = Category::Nominal;
        words[i + 1].start += 1;
    }
}

/// 指挥长 + 张跃 + 新及 of 指挥长张跃新及…: jieba took a three-character name's last
/// character and the conjunction after it for a word. After a post or a list's 、, a
/// surname and one character, the character goes back to the name (…、郭天 + 康及/c).
fn given_name_fused_with_a_conjunction(lex: &Lexicon, words: &mut [Word]) {
    for i in 2..words.len() {
        let mut pair = words[i].word.chars();
        let (Some(given), Some(conjunction), None) = (pair.next(), pair.next(), pair.next()) else {
            continue;
        };
        let name = &words[i - 1];
        // (以及, 等等: a word of its own.)
        if !is_cjk(given)
            || "以等和与并及".contains(given)
            || !matches!(conjunction, '及' | '等' | '和' | '与')
            || !(words[i - 2].category == Category::Title
                || words[i - 2].word == "、" && words[i].tag.starts_with('c'))
            || !name.tag.starts_with("nr")
            || name.word.chars().count() != 2
            || lex.surname_len(&name.word) != Some(1)
        {
            continue;
        }
        words[i - 1].word.push(given);
        words[i - 1].end += 1;
        words[i].word = conjunction.to_string();
        words[i].tag = Tag::new(if conjunction == '等' { "u" } else { "c" });
        words[i].category = Category::Other;
        words[i].start += 1;
    }
}

/// Joins a post that jieba cut into pieces (常务 + 副 + 董事长 → 常务副董事长).
fn join_titles(lex: &Lexicon, toks: Vec<Word>) -> Vec<Word> {
    // Where the posts are is settled first, so that the other tokens are moved into
    // the result instead of cloned (most sentences have none to join).
    let mut joins: Vec<(usize, usize)> = Vec::new();
    // Whether each token may end a post (no punctuation, and its last character ends
    // some post): asked once per token, where each window of two and three asked it
    // again, and most windows end on no such token.
    let ends: Vec<bool> = toks
        .iter()
        .map(|t| t.category != Category::Punct && lex.may_end_title(&t.word))
        .collect();
    let mut word = String::new();
    let mut i = 0;
    while i < toks.len() {
        let joined = (2..=3).rev().find(|&n| {
            let Some(part) = toks.get(i..i + n) else {
                return false;
            };
            if !ends[i + n - 1] || part.iter().any(|t| t.category == Category::Punct) {
                return false;
            }
            word.clear();
            word.extend(part.iter().map(|t| t.word.as_str()));
            lex.parse_title(&word).is_some()
        });
        match joined {
            Some(n) => {
                joins.push((i, n));
                i += n;
            }
            None => i += 1,
        }
    }
    join_runs(toks, joins, "nnt", Category::Title)
}

/// Replaces each run of `joins` (`(first, length)`, in order, not overlapping) by one
/// token of the run's words, tagged `tag` in category `cat`; the other tokens are
/// moved into the result, not cloned.
pub(super) fn join_runs(
    toks: Vec<Word>,
    joins: Vec<(usize, usize)>,
    tag: &str,
    category: Category,
) -> Vec<Word> {
    if joins.is_empty() {
        return toks;
    }
    let mut out: Vec<Word> = Vec::with_capacity(toks.len());
    let mut joins = joins.into_iter().peekable();
    let mut it = toks.into_iter().enumerate();
    while let Some((i, t)) = it.next() {
        match joins.next_if(|&(at, _)| at == i) {
            Some((_, n)) => {
                let (start, mut end, mut word) = (t.start, t.end, t.word);
                for (_, u) in it.by_ref().take(n - 1) {
                    word.push_str(&u.word);
                    end = u.end;
                }
                out.push(Word {
                    word,
                    tag: Tag::new(tag),
                    start,
                    end,
                    category,
                });
            }
            None => out.push(t),
        }
    }
    out
}

/// 方国宏作 + 动员讲话, 尹芳 + 刚作 + 动员讲话: jieba runs a name into the 作 of a speech
/// after it. Right after a post or a name, a token ending in 作 with the speech's noun
/// close behind is cut before the 作; the piece before it is the name or its end, which
/// the name passes join.
fn speech_verb_cut_off_names(lex: &Lexicon, words: Vec<Word>) -> Vec<Word> {
    let cut = |i: usize| -> bool {
        let w = &words[i];
        i > 0
            && w.word.ends_with('作')
            && w.word != "工作"
            && (2..=4).contains(&w.word.chars().count())
            && w.word.chars().all(is_cjk)
            && matches!(w.category, Category::Nominal | Category::Other)
            && (words[i - 1].tag.starts_with("nr") || words[i - 1].category == Category::Title)
            && words[i + 1..]
                .iter()
                .take(3)
                .take_while(|t| t.category != Category::Punct)
                .any(|t| SPEECH_NOUNS.iter().any(|n| t.word.contains(n)))
    };
    let cuts: Vec<usize> = (0..words.len()).filter(|&i| cut(i)).collect();
    split_in_two(words, &cuts, |w| {
        let split = w.word.len() - '作'.len_utf8();
        let name = &w.word[..split];
        // A whole name with a surname (方国宏) or the last piece of one (刚).
        let tag = if name.chars().count() >= 2 && lex.surname_len(name).is_some() {
            "nr"
        } else {
            "ng"
        };
        [
            Word {
                word: name.to_string(),
                tag: Tag::new(tag),
                start: w.start,
                end: w.end - 1,
                category: Category::Nominal,
            },
            Word {
                word: "作".to_string(),
                tag: Tag::new("v"),
                start: w.end - 1,
                end: w.end,
                category: Category::Other,
            },
        ]
    })
}

/// The nouns of a speech that the light verb 作 takes (作报告, 作表态发言): after a name
/// they say the 作 is the verb, not the name's last character.
const SPEECH_NOUNS: &[&str] = &[
    "报告", "讲话", "发言", "要求", "部署", "总结", "说明", "动员", "辅导", "讲解", "点评",
];

/// Person spans of the labeller with the light verb of a speech cut off their end
/// (李明作 of 李明作政府工作报告, 赵丽作 of 赵丽作交流发言): 作 right after a name,
/// with the speech's noun close behind or 的 after it (邱鹏作的关于…的报告), is the
/// verb. So are 到 and 赴 with more of the sentence after them (邹丽到 of 邹丽到伊川县
/// 调研): no given name ends with them. 来 before the place it comes to and what is done
/// there (王峻来 of 王峻来庙镇开展…, 来我县考察) is the verb too.
pub fn trim_light_verbs(text: &str, mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    // Offsets are in characters; most sentences have no such span, so the characters
    // are only collected when one might.
    let mut chars: Vec<char> = Vec::new();
    for (s, e) in &mut spans {
        if *e < *s + 3 {
            continue;
        }
        if chars.is_empty() {
            chars = text.chars().collect();
        }
        if matches!(chars.get(*e - 1), Some('到' | '赴'))
            && chars.get(*e).is_some_and(|c| c.is_alphanumeric())
        {
            *e -= 1;
            continue;
        }
        if chars.get(*e - 1) == Some(&'来') && comes_to_a_place(&chars[*e..]) {
            *e -= 1;
            continue;
        }
        if chars.get(*e - 1) != Some(&'作') {
            continue;
        }
        // 邱鹏作的关于…的报告: the report made, however long its topic.
        if chars.get(*e) == Some(&'的') {
            *e -= 1;
            continue;
        }
        let rest: String = chars[*e..]
            .iter()
            .take(8)
            .take_while(|c| !"，。；：,;:".contains(**c))
            .collect();
        if SPEECH_NOUNS.iter().any(|w| rest.contains(w)) {
            *e -= 1;
        }
    }
    spans
}

/// Whether `rest` starts with a place and what is done there (庙镇开展…, 我县考察…): a
/// division of at most four characters, or the writer's own, then a verb of a visit.
fn comes_to_a_place(rest: &[char]) -> bool {
    const DIVISION_ENDS: &str = "镇乡县区市村";
    const VISIT_VERBS: &[&str] = &[
        "开展", "调研", "考察", "检查", "视察", "督导", "慰问", "走访", "指导",
    ];
    (2..=5).any(|n| {
        rest.len() > n
            && DIVISION_ENDS.contains(rest[n - 1])
            && rest[..n].iter().all(|c| crate::normalize::is_cjk(*c))
            && VISIT_VERBS.iter().any(|v| {
                let tail: String = rest[n..].iter().take(2).collect();
                tail == *v
            })
    })
}

/// Whether an occasion's name ends as a ceremony, which may be held within a larger
/// occasion and named after it (洽谈会重大项目签约仪式).
pub(super) fn is_ceremony(w: &str) -> bool {
    ["仪式", "开幕式", "闭幕式", "典礼", "推介会"]
        .iter()
        .any(|c| w.ends_with(c))
}

/// Whether a token ends a clause (a comma, a full stop, a colon…).
pub(super) fn is_clause_break(t: &Word) -> bool {
    matches!(
        t.word.as_str(),
        "," | "，" | "。" | ";" | "；" | "!" | "！" | "?" | "？" | ":" | "："
    )
}

/// Characters of `toks[a..b]` joined.
pub(super) fn text_of(toks: &[Word], a: usize, b: usize) -> String {
    toks[a..b].iter().map(|t| t.word.as_str()).collect()
}

/// A word of time (上午, 27日, 晚): it may stand between a subject and its verb, and
/// names no body.
pub(super) fn is_time_token(t: &Word) -> bool {
    t.tag == "t" || (t.tag == "m" && t.word.ends_with('日')) || t.word == "日" || t.word == "晚"
}
