//! Names jieba cut into pieces, joined back where the place in the sentence says a
//! person stands there: after a post, in a list of names.

use super::token::{join_runs, Category, Word};
use crate::lexicon::Lexicon;

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
        // 汇报); jieba may tag a lone surname as a morpheme (zg).
        // A preposition opens what the person does (柏 + 青山 + 在发言中说).
        let ends_name = |t: &Word| {
            matches!(
                t.word.as_str(),
                "、" | "," | "，" | "。" | "和" | "及" | "作" | "作了" | "代表"
            ) || lex.role_verbs().contains_key(&t.word)
                || t.tag == "p"
                || t.word.starts_with('在') && t.word.chars().count() > 1
        };
        // 县长揭阳，, 区长秦晋主持: a whole name that is also a place's or another word
        // (秦晋/t), with a surname, between a post and a list break or role verb.
        if (surname.category == Category::Place
            || surname.category == Category::Other && surname.tag == "t")
            && (2..=3).contains(&surname.word.chars().count())
            && lex.surname_len(&surname.word).is_some()
            && ends_name(given)
        {
            joins.push((i, 1));
            continue;
        }
        let ends = ends_name(next);
        // (jieba may also take the surname for a measure word: 副局长曲 + 长安.)
        if double_surname
            && (1..=2).contains(&given.word.chars().count())
            && matches!(given.category, Category::Nominal | Category::Other)
            && !given.tag.starts_with(['p', 'u', 'c', 'm'])
        {
            joins.push((i, 2));
            continue;
        }
        if ends
            && (surname.tag.starts_with("nr") || matches!(surname.tag.as_str(), "zg" | "q"))
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
    let piece = |t: &Word| {
        matches!(
            t.category,
            Category::Nominal | Category::Place | Category::Other
        ) && t.word.chars().all(crate::normalize::is_cjk)
            && (!t.tag.starts_with(['v', 'p', 'u', 'c', 'd', 'r', 'm'])
                // 杨坤 + 生/vn: one character jieba read as a verbal noun.
                || t.tag == "vn" && t.word.chars().count() == 1)
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
            before.is_some_and(|t| t.word == "、") && i >= 2 && is_name(&toks[i - 2]);
        let listed_after =
            after.is_some_and(|t| t.word == "、") && toks.get(i + 3).is_some_and(is_name);
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
        if !place_end
            && (2..=3).contains(&chars)
            && piece(a)
            && piece(b)
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
