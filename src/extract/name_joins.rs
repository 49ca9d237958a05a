//! Names jieba cut into pieces, joined back where the labeller's spans or the place in
//! the sentence say a person stands there: the labeller's names, after a post, in a list
//! of names.

use super::token::{categorize, join_runs, Category, Word};
use crate::lexicon::Lexicon;
use crate::segment::{Tag, Token};

/// Joins a surname and the word after it into a name where a post stands before them
/// and a list break or a role verb after (市委副书记柴 + 向前、, 主任窦 + 成功 + 汇报):
/// jieba cut a given name that is also a word, and nothing else fits there.
pub(super) fn join_names_after_posts(lex: &Lexicon, toks: Vec<Word>) -> Vec<Word> {
    let mut joins = Vec::new();
    for i in 1..toks.len().saturating_sub(2) {
        // Most tokens follow no post: that test first, on every token of a corpus.
        if toks[i - 1].category != Category::Title {
            continue;
        }
        let (surname, given, next) = (&toks[i], &toks[i + 1], &toks[i + 2]);
        let one_surname = || {
            let mut cs = surname.word.chars();
            matches!((cs.next(), cs.next()), (Some(c), None) if lex.surnames().contains(&c))
        };
        // 司徒 + 立新/d: a double surname after a post says a name follows, whatever
        // jieba made of it and whatever comes after.
        let double_surname = lex.double_surnames().contains(&surname.word);
        // A role verb after them ends the name as a list break does (主任窦 + 成功 +
        // 汇报), and a preposition opens what the person does (柏 + 青山 + 在发言中说).
        let ends_name = |t: &Word| {
            matches!(
                t.word.as_str(),
                "、" | "," | "，" | "。" | "和" | "及" | "以及" | "等" | "作" | "作了" | "代表"
            ) || lex.role_verbs().contains_key(&t.word)
                || t.tag == "p"
                || t.word.starts_with('在') && t.word.chars().count() > 1
        };
        // 县长揭阳，, 区长秦晋主持: a whole name that is also a place's or another word
        // (秦晋/t, 张奕/i), with a surname, between a post and a list break or role verb.
        if (surname.category == Category::Place
            || surname.category == Category::Other && matches!(surname.tag.as_str(), "t" | "i"))
            && (2..=3).contains(&surname.word.chars().count())
            && lex.surname_len(&surname.word).is_some()
            && ends_name(given)
        {
            joins.push((i, 1));
            continue;
        }
        if double_surname
            && (1..=2).contains(&given.word.chars().count())
            && matches!(given.category, Category::Nominal | Category::Other)
            && !given.tag.starts_with(['p', 'u', 'c', 'm'])
        {
            joins.push((i, 2));
            continue;
        }
        // 副主席蓝天 + 立，: a three-character name whose last character jieba read as a
        // verb, between a post and a comma or the 作 of a speech (尹芳 + 刚 + 作). Not a
        // word that follows a name there (说, 等, 摄 of a photo credit).
        if surname.tag.starts_with("nr")
            && surname.word.chars().count() == 2
            && lex.surname_len(&surname.word) == Some(1)
            && given.word.chars().count() == 1
            && matches!(next.word.as_str(), "、" | "," | "，" | "作")
            && !given
                .tag
                .starts_with(['p', 'u', 'c', 'r', 'd', 'm', 'q', 'x'])
            && !AFTER_A_NAME.contains(&given.word.as_str())
            && !lex.role_verbs().contains_key(&given.word)
        {
            joins.push((i, 2));
            continue;
        }
        // jieba may tag a lone surname as a morpheme (zg), or take it for a measure word
        // (副局长曲 + 长安), an adverb (政委常 + 社教) or an adjective (县长高 + 成文).
        if ends_name(next)
            && (surname.tag.starts_with("nr")
                || matches!(surname.tag.as_str(), "zg" | "q" | "d" | "a"))
            && one_surname()
            && (1..=2).contains(&given.word.chars().count())
            && matches!(
                given.category,
                Category::Nominal | Category::Other | Category::Place
            )
            && !matches!(
                given.tag.chars().next(),
                Some('v' | 'p' | 'u' | 'c' | 'd' | 'r')
            )
            && !lex.role_verbs().contains_key(&given.word)
        {
            joins.push((i, 2));
        }
    }
    join_runs(toks, joins, "nr", Category::Nominal)
}

/// One-character words written right after a name and before a comma: what the person
/// says or does, a credit's word, a plural.
const AFTER_A_NAME: &[&str] = &[
    "说", "讲", "称", "问", "答", "笑", "等", "们", "也", "都", "均", "又", "还", "则", "是", "摄",
    "文", "图", "到", "去", "来", "在", "和", "与", "及", "同", "跟", "并", "讯", "电", "报", "写",
    "编", "译", "审", "校", "著", "绘",
];

/// Joins the two pieces of a name that jieba cut (秦岭 + 峰, 张 + 海东, 白能 + 礼)
/// where it stands in a list of names between 、: a list of people is a list of
/// people, and a surname with one or two characters after it fits nothing else there.
pub(super) fn join_listed_names(
    lex: &Lexicon,
    toks: Vec<Word>,
    spans: &[(usize, usize)],
) -> Vec<Word> {
    let is_name = |t: &Word| {
        (t.tag.starts_with("nr") || spans.contains(&(t.start, t.end)))
            && matches!(t.category, Category::Nominal)
            && (2..=4).contains(&t.word.chars().count())
    };
    // The labeller's name whose pieces are not joined yet (程志 + 华) ends or starts
    // at this token.
    let ends_a_name = |t: &Word| {
        is_name(t)
            || spans
                .iter()
                .any(|&(s, e)| e == t.end && s < t.start && e - s <= 4)
    };
    let starts_a_name = |t: &Word| {
        is_name(t)
            || spans
                .iter()
                .any(|&(s, e)| s == t.start && e > t.end && e - s <= 4)
    };
    let piece = |t: &Word| {
        matches!(
            t.category,
            Category::Nominal | Category::Place | Category::Other
        ) && t.word.chars().all(crate::normalize::is_cjk)
            && (!t.tag.starts_with(['v', 'p', 'u', 'c', 'd', 'r', 'm'])
                // 杨坤 + 生/vn: one character jieba read as a verbal noun.
                || t.tag == "vn" && t.word.chars().count() == 1)
    };
    // 付 + 和平, 管 + 晓东, 于 + 红旗: a one-character surname that is also a verb or
    // a preposition.
    let surname_read_as_verb = |t: &Word| {
        t.tag.starts_with(['v', 'p'])
            && t.word.chars().count() == 1
            && lex.surname_len(&t.word) == Some(1)
    };
    let bounded = |t: Option<&Word>| {
        t.is_none_or(|t| matches!(t.category, Category::Punct | Category::Other))
    };
    let mut joins = Vec::new();
    let mut i = 0;
    while i + 1 < toks.len() {
        let (a, b) = (&toks[i], &toks[i + 1]);
        let before = i.checked_sub(1).map(|k| &toks[k]);
        let after = toks.get(i + 2);
        // Most tokens stand in no list of names: the 、 around them are tested first.
        let listed_before =
            before.is_some_and(|t| t.word == "、") && i >= 2 && ends_a_name(&toks[i - 2]);
        let listed_after =
            after.is_some_and(|t| t.word == "、") && toks.get(i + 3).is_some_and(starts_a_name);
        let in_list = (listed_before && bounded(after)) || (listed_after && bounded(before));
        if !in_list {
            i += 1;
            continue;
        }
        let chars = a.word.chars().count() + b.word.chars().count();
        // 周庄村、马北村: places listed, not people.
        let place_end = b.word.ends_with([
            '村', '镇', '乡', '区', '县', '市', '省', '路', '街', '巷', '组', '社', '州',
        ]);
        // 苏建 + 旗: a given name ending in 旗, which jieba reads as a banner's word,
        // after what is no known place.
        let banner_read = |b: &Word| {
            b.category == Category::JurisdictionWord
                && b.word == "旗"
                && lex.place(&a.word).is_none()
        };
        if !place_end
            && (2..=3).contains(&chars)
            && (piece(a) || surname_read_as_verb(a))
            && (piece(b) || banner_read(b))
            && lex
                .surname_len(&a.word)
                .is_some_and(|s| s <= a.word.chars().count() && chars - s >= 1)
        {
            joins.push((i, 2));
            i += 2;
            continue;
        }
        i += 1;
    }
    join_runs(toks, joins, "nr", Category::Nominal)
}

/// Joins the pieces of a Tibetan, Mongolian, Yi or Dai name (四郎 + 尼玛, 降央 + 拉姆,
/// 格勒 + 多吉) after a post or a list comma and before a list break or a role verb:
/// such names have no Han surname, jieba cuts them into words, places (尼玛) and
/// numbers, and the labeller rarely reads them whole.
pub(super) fn join_minority_names(lex: &Lexicon, toks: Vec<Word>) -> Vec<Word> {
    let mut joins = Vec::new();
    let mut i = 1;
    while i < toks.len() {
        // Most tokens follow no post: that test first.
        let before = &toks[i - 1];
        if !(before.category == Category::Title || before.word == "、") {
            i += 1;
            continue;
        }
        let piece = |t: &Word| {
            matches!(
                t.category,
                Category::Nominal | Category::Other | Category::Place
            ) && t.word.chars().all(|c| lex.in_minority_name(c))
        };
        let run = toks[i..].iter().take(4).take_while(|t| piece(t)).count();
        let chars: usize = toks[i..i + run]
            .iter()
            .map(|t| t.word.chars().count())
            .sum();
        let ends = toks.get(i + run).is_none_or(|t| {
            matches!(
                t.word.as_str(),
                "、" | "," | "，" | "。" | "和" | "及" | "等"
            ) || lex.role_verbs().contains_key(&t.word)
        });
        if run >= 2 && (3..=6).contains(&chars) && ends && toks[i].category != Category::Place {
            joins.push((i, run));
            i += run;
        } else {
            i += 1;
        }
    }
    join_runs(toks, joins, "nr", Category::Nominal)
}

/// Particles and light verbs that jieba runs a name into (王明 + 远到, 罗朗 · 雷斯及,
/// 任命张 + 勇为).
const NAME_RUNS_INTO: &str = "及和与等说在的是向对将也都称同跟兼率到赴来作讲为";

/// Cuts a token that runs one particle over the edge of a name the labeller found
/// across several tokens (罗朗·雷斯 + 及, which jieba read as 罗朗 · 雷斯及): the
/// particle is categorised on its own, the piece inside waits for [`merge_spans`]. The
/// first character of a verb cut off so (石振 + 民主 + 持) is joined to the rest of it.
fn split_at_spans(lex: &Lexicon, toks: Vec<Word>, spans: &[(usize, usize)]) -> Vec<Word> {
    // Only where the piece left outside is one particle or light verb that names run
    // into (及, 和, 等, 说, 率, 王明 + 远到…), or the first character of a verb the next
    // token ends (石振 + 民主 + 持: 主持), and the name also covers other tokens;
    // elsewhere (章凌 + 负责, 农业 in 农业局) the slip is more often the labeller's than
    // jieba's.
    let verb_with = |c: char, next: Option<&Word>| {
        next.is_some_and(|n| {
            let mut verb = String::with_capacity(c.len_utf8() + n.word.len());
            verb.push(c);
            verb.push_str(&n.word);
            lex.role_verbs().contains_key(&verb)
        })
    };
    // Where a token crosses a name's edge: the character offset to cut it at, whether
    // the piece after the cut begins the verb the next token ends, and whether that
    // piece is a particle with more after it, cut off too (张在 + 明等区: 明 + 等 + 区).
    let crosses = |t: &Word, next: Option<&Word>| -> Option<(usize, bool, bool)> {
        let particle = |k: usize| {
            t.word
                .chars()
                .nth(k)
                .is_some_and(|c| NAME_RUNS_INTO.contains(c))
        };
        spans
            .iter()
            .filter(|&&(s, e)| !(t.start <= s && e <= t.end))
            .find_map(|&(s, e)| {
                if t.start < e && e + 1 == t.end {
                    let last = t.end - t.start - 1;
                    if particle(last) {
                        Some((e, false, false))
                    } else {
                        let verb = t.word.chars().nth(last).is_some_and(|c| verb_with(c, next));
                        verb.then_some((e, true, false))
                    }
                } else if t.start < e && e + 1 < t.end && particle(e - t.start) {
                    Some((e, false, true))
                } else if t.start + 1 == s && s < t.end && particle(0) {
                    Some((s, false, false))
                } else {
                    None
                }
            })
            // Counted last: most tokens meet no span, and this runs on every token.
            // An adverb or conjunction is a word of its own (白龙 + 一同, not 白龙一 + 同).
            .filter(|_| {
                t.word.chars().count() == t.end - t.start
                    && !matches!(t.tag.chars().next(), Some('d' | 'c' | 'p'))
            })
    };
    if !(0..toks.len()).any(|i| crosses(&toks[i], toks.get(i + 1)).is_some()) {
        return toks;
    }
    let cuts: Vec<Option<(usize, bool, bool)>> = (0..toks.len())
        .map(|i| crosses(&toks[i], toks.get(i + 1)))
        .collect();
    let mut out: Vec<Word> = Vec::with_capacity(toks.len() + 2);
    // The first character of a verb cut off a name, waiting for the rest of the verb.
    let mut verb_start: Option<(String, usize)> = None;
    for (t, cut_at) in toks.into_iter().zip(cuts) {
        let t = match verb_start.take() {
            Some((head, start)) => Word {
                word: format!("{head}{}", t.word),
                tag: Tag::new("v"),
                start,
                end: t.end,
                category: Category::Other,
            },
            None => t,
        };
        let Some((b, verb_after, particle_apart)) = cut_at else {
            out.push(t);
            continue;
        };
        let byte_at = |k: usize| {
            t.word
                .char_indices()
                .nth(k - t.start)
                .map_or(t.word.len(), |(i, _)| i)
        };
        let cut = byte_at(b);
        let inside = |a: usize, z: usize| spans.iter().any(|&(s, e)| s <= a && z <= e);
        let mut pieces = vec![(&t.word[..cut], t.start, b)];
        if particle_apart {
            let after = byte_at(b + 1);
            pieces.push((&t.word[cut..after], b, b + 1));
            pieces.push((&t.word[after..], b + 1, t.end));
        } else {
            pieces.push((&t.word[cut..], b, t.end));
        }
        for (word, start, end) in pieces {
            if verb_after && end == t.end && !inside(start, end) {
                verb_start = Some((word.to_string(), start));
                continue;
            }
            let tag = if inside(start, end) { "nr" } else { "x" };
            let token = Token {
                word,
                tag: Tag::new(tag),
                start,
                end,
            };
            let cat = if tag == "nr" {
                Category::Nominal
            } else {
                categorize(lex, &token)
            };
            out.push(Word {
                word: token.word.to_string(),
                tag: token.tag,
                start,
                end,
                category: cat,
            });
        }
    }
    out
}

/// Joins the tokens that exactly make up one of `spans` (character ranges the sequence
/// labeller reads as names: 刘名 + 启, 斯特罗 + 耶夫, 于 + 建勇) into one name token,
/// unless a post, organ, place or event word is among them.
pub fn merge_spans(lex: &Lexicon, toks: Vec<Word>, spans: &[(usize, usize)]) -> Vec<Word> {
    let mut toks = split_at_spans(lex, toks, spans);
    mend_title_cuts(lex, &mut toks, spans);
    let toks = join_names_after_posts(lex, toks);
    let toks = join_minority_names(lex, toks);
    let toks = join_listed_names(lex, toks, spans);
    // Where the names are is settled first, so that the other tokens are moved into
    // the result instead of cloned (most sentences have none to join).
    let mut joins: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let joined = spans.iter().find_map(|&(s, e)| {
            if toks[i].start != s {
                return None;
            }
            let j = (i..toks.len()).find(|&j| toks[j].end >= e)?;
            // A transliterated name may contain a place-like piece (科菲·安南, 哈 + 洛宁).
            let dotted = toks[i..=j].iter().any(|t| t.word == "·")
                || lex.looks_transliterated(
                    &toks[i..=j]
                        .iter()
                        .map(|t| t.word.as_str())
                        .collect::<String>(),
                );
            // A place jieba guessed (tagged ns, in no gazetteer) inside a name with a
            // surname is the given name (高 + 治国, 秦岭 + 峰).
            let surnamed = lex
                .surname_len(&toks[i].word)
                .is_some_and(|_| (2..=4).contains(&(e - s)));
            // A given name that is also a place's short form (刘 + 长安, 赵 + 红旗): a lone
            // surname before a two-character short form, which the labeller reads as one
            // name, is the name.
            let lone_surname = j == i + 1 && toks[i].word.chars().count() == 1;
            // Right after a post, two pieces the labeller reads as one name are the
            // name, the first a place's name or not (书记 + 高平 + 海, 龙海 + 超).
            let after_post = j == i + 1 && i > 0 && toks[i - 1].category == Category::Title;
            let guessed_place = |t: &Word| {
                t.category == Category::Place
                    && surnamed
                    && (lex.word_maps(&t.word) == 0
                        || after_post
                        || lone_surname
                            && t.word.chars().count() == 2
                            // not a division's full name (和县), though 红旗 ends like one
                            && !(lex.places().contains_key(&t.word)
                                && crate::lexicon::is_division_name(&t.word)))
            };
            // 赵丽 + 受(州人民政府委托): 受 cut off a name ends no name (which 为, 和
            // and 根 may).
            // 熊敏 + 列席: a verb of taking part the labeller ran in is no part of the name.
            let fits = toks[j].end == e
                && j > i
                && !(toks[j].word == "受" && toks[j].tag == "p")
                && !toks[i..=j]
                    .iter()
                    .any(|t| t.word.chars().count() >= 2 && lex.role_verbs().contains_key(&t.word))
                && toks[i..=j].iter().all(|t| {
                    (matches!(
                        t.category,
                        Category::Nominal | Category::Other | Category::Punct
                    ) || (dotted || guessed_place(t)) && t.category == Category::Place)
                        && (t.category != Category::Punct || t.word == "·")
                });
            fits.then_some(j)
        });
        match joined {
            Some(j) => {
                joins.push((i, j + 1 - i));
                i = j + 1;
            }
            None => {
                // A whole word jieba guessed a place that the labeller reads as a person
                // with a surname (安维国/ns): the person.
                let t = &toks[i];
                let whole = spans.contains(&(t.start, t.end));
                if whole
                    && t.category == Category::Place
                    && lex.word_maps(&t.word) == 0
                    && (2..=4).contains(&t.word.chars().count())
                    && lex.surname_len(&t.word).is_some()
                {
                    joins.push((i, 1));
                }
                i += 1;
            }
        }
    }
    join_runs(toks, joins, "nr", Category::Nominal)
}

/// Gives back the last character of a post that jieba joined to the name after it
/// (副市 + 长安 + 维国 for 副市长安维国), where the labeller's name starts one
/// character into the word and the post is whole with that character.
fn mend_title_cuts(lex: &Lexicon, toks: &mut [Word], spans: &[(usize, usize)]) {
    for i in 1..toks.len() {
        let t = &toks[i];
        if t.end - t.start < 2 || !spans.iter().any(|&(s, e)| s == t.start + 1 && e > s + 1) {
            continue;
        }
        let Some(first) = t.word.chars().next() else {
            continue;
        };
        let mut post = toks[i - 1].word.clone();
        post.push(first);
        if toks[i - 1].category == Category::Punct || lex.parse_title(&post).is_none() {
            continue;
        }
        let rest = t.word[first.len_utf8()..].to_string();
        let prev = &mut toks[i - 1];
        prev.word = post;
        prev.end += 1;
        prev.tag = Tag::new("nnt");
        prev.category = Category::Title;
        let t = &mut toks[i];
        t.word = rest;
        t.start += 1;
        t.tag = Tag::new("nr");
        t.category = Category::Nominal;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_running_over_a_name_is_cut_at_its_edge() {
        let lex = Lexicon::embedded();
        let tok = |w: &str, tag: &str, start: usize, category: Category| Word {
            word: w.into(),
            tag: Tag::new(tag),
            start,
            end: start + w.chars().count(),
            category,
        };
        let toks = vec![
            tok("罗朗", "nr", 0, Category::Nominal),
            tok("·", "x", 2, Category::Punct),
            tok("雷斯及", "nr", 3, Category::Nominal),
            tok("法国", "ns", 6, Category::Place),
        ];
        let out = merge_spans(&lex, toks, &[(0, 5)]);
        let words: Vec<(&str, usize, usize)> = out
            .iter()
            .map(|t| (t.word.as_str(), t.start, t.end))
            .collect();
        assert_eq!(words, [("罗朗·雷斯", 0, 5), ("及", 5, 6), ("法国", 6, 8)]);
        assert_eq!(out[0].tag, "nr");
        // Running a particle and a word after it over the edge (张在 + 明等区): the
        // particle and the rest are cut apart too.
        let toks = vec![
            tok("张在", "p", 0, Category::Other),
            tok("明等区", "n", 2, Category::Nominal),
            tok("领导", "n", 5, Category::Nominal),
        ];
        let out = merge_spans(&lex, toks, &[(0, 3)]);
        let words: Vec<&str> = out.iter().map(|t| t.word.as_str()).collect();
        assert_eq!(words, ["张在明", "等", "区", "领导"]);
    }
}
