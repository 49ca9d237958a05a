//! Person names: a sentence's categorised tokens and chunks come in; the token indices
//! that are person names go out. A candidate is a surname followed by a one- or
//! two-character given name that no other chunk claims; it is accepted only on
//! evidence from its context (a post before it, a cue word such as 同志, 说, 出席 or
//! 等 after it, an enumeration with an accepted name, or the same name accepted
//! elsewhere in the article, or the sequence labeller of [`crate::ner`] finding the
//! same span), so that words like 惠济 or 苗木 never become people.

use super::token::{Category, Word};
use crate::lexicon::Lexicon;
use crate::normalize::is_cjk;
use rustc_hash::FxHashSet as HashSet;

/// Whether a token could be a person's name on its own form.
pub fn is_candidate(lex: &Lexicon, t: &Word) -> bool {
    // This runs on every token: the cheapest tests first (all are pure, so the order
    // changes nothing else).
    if matches!(
        t.category,
        Category::Place
            | Category::Title
            | Category::Organ
            | Category::Event
            | Category::JurisdictionWord
    ) || !(6..=16).contains(&t.word.len())
    {
        return false;
    }
    // jieba knows names (nr) and leaves unknown ones as nouns or single characters;
    // a dictionary verb, adverb or numeral is not a name.
    // A place jieba guessed but no gazetteer holds (于洋/ns) may be a name too.
    if !(t.tag.starts_with("nr")
        || matches!(t.tag.as_str(), "n" | "nz" | "x" | "ng" | "j" | "g")
        || t.tag == "ns" && t.category == Category::Nominal)
    {
        return false;
    }
    let n = t.word.chars().count();
    if !(2..=4).contains(&n) || !t.word.chars().all(is_cjk) {
        return false;
    }
    let Some(s) = lex.surname_len(&t.word) else {
        return false;
    };
    let given = n - s;
    (1..=2).contains(&given) && !is_other_word(lex, &t.word)
}

/// Whether a word that looks like a name is another word: listed in not_names.txt,
/// an arrival (来津), or the name of a thing or body (陶器, 陈列室).
fn is_other_word(lex: &Lexicon, w: &str) -> bool {
    lex.not_names().contains(w) || arrival(w) || w.ends_with(NEVER_LAST_IN_NAMES)
}

/// Characters that end names of things, bodies and districts (陶器, 石棺, 陈列室, 督导组,
/// 高新区, which jieba tags a name) and no given name.
const NEVER_LAST_IN_NAMES: &[char] = &[
    '器', '棺', '室', '组', '队', '局', '厅', '馆', '处', '站', '区',
];

/// 来津, 赴京, 到沪: coming to a province called by its one-character short form,
/// which reads like a surname and a given name.
fn arrival(w: &str) -> bool {
    let mut cs = w.chars();
    matches!(
        (cs.next(), cs.next(), cs.next()),
        (Some('来' | '赴' | '到' | '在' | '去' | '离' | '返' | '抵'), Some(p), None)
            if "京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川蜀贵黔云滇陕秦甘陇青蒙桂藏宁新港澳台"
                .contains(p)
    )
}

/// The token indices of accepted names in one sentence. `known` holds names already
/// accepted elsewhere in the article.
pub fn find_people(
    lex: &Lexicon,
    toks: &[Word],
    covered: &[bool],
    known: &HashSet<String>,
) -> Vec<usize> {
    let cand = candidates(lex, toks, covered, &[]);
    accept_people(lex, toks, &cand, known, &[])
}

/// Whether each token may be a name, on its own form and the labeller's spans
/// `model`, before any context: what [`accept_people`] accepts among. It does not
/// depend on the names known, so an article's second pass reuses it.
pub fn candidates(
    lex: &Lexicon,
    toks: &[Word],
    covered: &[bool],
    model: &[(usize, usize)],
) -> Vec<bool> {
    // A whole span of the labeller may be a name without a Chinese surname
    // (斯特罗耶夫, 芭芭拉·弗兰克林); it still needs the context evidence below.
    // Whether each token is exactly a span of the labeller.
    let in_model: Vec<bool> = toks
        .iter()
        .map(|t| model.contains(&(t.start, t.end)))
        .collect();
    let foreign = |i: usize, t: &Word| {
        in_model[i]
            // Two characters only where jieba also reads a transliteration (瑙曼/nrt).
            && (if t.tag == "nrt" { 2 } else { 3 }..=12).contains(&t.word.chars().count())
            && t.word
                .chars()
                .all(|c| crate::normalize::is_cjk(c) || c == '·')
            && !is_other_word(lex, &t.word)
    };
    let inside_names = inside_name_lists(lex, toks);
    toks.iter()
        .enumerate()
        .map(|(i, t)| {
            // The labeller and a surname agree on a word jieba tagged otherwise (罗干/ns).
            // After a post or in a list, also a word jieba read as an adjective or
            // adverb (市委书记曾强/a).
            let placed =
                || i > 0 && (toks[i - 1].category == Category::Title || toks[i - 1].word == "、");
            let surname_and_model = || {
                (t.category == Category::Nominal
                    || t.category == Category::Other
                        && matches!(t.tag.as_str(), "a" | "ad" | "an" | "d" | "vn")
                        && placed())
                    && in_model[i]
                    && (2..=3).contains(&t.word.chars().count())
                    && lex.surname_len(&t.word).is_some()
                    && !is_other_word(lex, &t.word)
            };
            // 张世富、奇军、王云山: a word between names in a list is a name too, even
            // of a surname too rare to know (奇, 折).
            let between_names = || {
                let name_at = |k: usize| toks.get(k).is_some_and(|n| is_candidate(lex, n));
                // Between two names, or last after two with the list's verb after it
                // (、张世富、奇军当选).
                let next_listed = toks.get(i + 1).is_some_and(|n| n.word == "、") && name_at(i + 2);
                let last_listed = i >= 4
                    && toks[i - 3].word == "、"
                    && name_at(i - 4)
                    && toks.get(i + 1).is_some_and(|n| n.tag.starts_with('v'));
                i >= 2
                    && toks[i - 1].word == "、"
                    && name_at(i - 2)
                    && (next_listed || last_listed)
                    && matches!(t.category, Category::Nominal | Category::Other)
                    && matches!(t.tag.as_str(), "n" | "nz" | "x" | "ng" | "nr" | "nrfg")
                    && (2..=3).contains(&t.word.chars().count())
                    && t.word.chars().all(is_cjk)
                    && !is_other_word(lex, &t.word)
            };
            // 副市长尕藏才让: a name without a Han surname right after a post; of two
            // characters (政府旗长希尼,) only where the item ends with it.
            // Also right before what the person does (县长扎多主持召开, where jieba read
            // 扎多 as a numeral).
            // (Asked of every token no other rule takes: the cheap tests go first.)
            let minority_after_post = || {
                if i == 0 || toks[i - 1].category != Category::Title {
                    return false;
                }
                let item_ends = toks
                    .get(i + 1)
                    .is_none_or(|n| matches!(n.word.as_str(), "," | "，" | "、" | "等"));
                let acts = || {
                    toks.get(i + 1).is_some_and(|n| {
                        n.tag.starts_with('v') && lex.role_verbs().contains_key(&n.word)
                            || matches!(n.word.as_str(), "主持召开" | "一行")
                    })
                };
                let read_as_word = || matches!(t.tag.as_str(), "m" | "n" | "nz" | "x") && acts();
                (t.tag == "nr" || t.tag == "nrt" && (item_ends || acts()) || read_as_word())
                    && (t.word.chars().count() >= 3
                        || t.word.chars().count() == 2 && (item_ends || acts()))
                    && lex.looks_like_minority_name(&t.word)
            };
            !covered[i]
                && (is_candidate(lex, t)
                    || foreign(i, t)
                    || surname_and_model()
                    || between_names()
                    || inside_names.get(i).copied().unwrap_or(false)
                    || minority_after_post())
                && !before_dateline(toks, i)
        })
        .collect()
}

/// Which tokens stand inside a list of names between 、 whose first and last items are
/// names (钭晓明、施展、应天、毛蕊): words with a surname there (施展/vn, 应天/v) are
/// names too, whatever jieba read them as.
fn inside_name_lists(lex: &Lexicon, toks: &[Word]) -> Vec<bool> {
    // Most sentences have no list: no room is taken for them.
    if !toks.iter().any(|t| t.word == "、") {
        return Vec::new();
    }
    let mut out = vec![false; toks.len()];
    let surnamed = |t: &Word| {
        matches!(t.category, Category::Nominal | Category::Other)
            && (2..=3).contains(&t.word.chars().count())
            && t.word.chars().all(is_cjk)
            && lex.surname_len(&t.word) == Some(1)
            && !is_other_word(lex, &t.word)
    };
    let mut i = 0;
    while i + 2 < toks.len() {
        if toks[i + 1].word != "、" {
            i += 1;
            continue;
        }
        // The items of the list starting at `i`: one token each, between 、.
        let mut last = i;
        while last + 2 < toks.len() && toks[last + 1].word == "、" {
            last += 2;
        }
        let items = (last - i) / 2 + 1;
        if items >= 3
            && is_candidate(lex, &toks[i])
            && is_candidate(lex, &toks[last])
            && (i..=last).step_by(2).all(|k| surnamed(&toks[k]))
        {
            for k in (i..=last).step_by(2) {
                out[k] = true;
            }
        }
        i = last + 1;
    }
    out
}

/// Whether a dateline's date follows token `i` (萧山网2月23日讯): what stands there is
/// the medium that sent the story, not a person.
fn before_dateline(toks: &[Word], i: usize) -> bool {
    let numbers = toks[i + 1..]
        .iter()
        .take(5)
        .take_while(|t| t.tag == "m")
        .count();
    numbers > 0
        && toks.get(i + 1 + numbers).is_some_and(|t| {
            ["日讯", "日电", "讯", "电"]
                .iter()
                .any(|w| t.word.starts_with(w))
        })
}

/// The token indices of the [`candidates`] `cand` that their context, the names
/// `known` or the labeller's spans `model` make names. A candidate with exactly one
/// of the labeller's person spans `(start, end)` is accepted unless its context
/// contradicts it (an organ, post or place word follows it directly: 马军区, 苗木市场).
pub fn accept_people(
    lex: &Lexicon,
    toks: &[Word],
    cand: &[bool],
    known: &HashSet<String>,
    model: &[(usize, usize)],
) -> Vec<usize> {
    let mut accepted = vec![false; toks.len()];
    for i in 0..toks.len() {
        if !cand[i] {
            continue;
        }
        let t = &toks[i];
        let after_title = i > 0 && toks[i - 1].category == Category::Title;
        let mut k = i + 1;
        while k < toks.len()
            && super::participants::BETWEEN.contains(&toks[k].word.as_str())
            && k < i + 3
        {
            k += 1;
        }
        let next = toks.get(i + 1).map(|t| t.word.as_str()).unwrap_or("");
        // 李翔委员、…, 蔺雪峰书记、…: a name jieba knows with its post after it.
        // 习近平总书记在…: a national leader's short post after the name, anywhere.
        let post_after = t.tag.starts_with("nr")
            && toks.get(i + 1).is_some_and(|n| {
                n.category == Category::Title
                    && (lex.national_short_post(&n.word) == Some(n.word.as_str())
                        || toks
                            .get(i + 2)
                            .is_none_or(|n| n.category == Category::Punct || n.word == "等"))
            });
        let cue_after = post_after
            || lex.person_cues().contains(next)
            || toks.get(k).is_some_and(|n| {
                // A place or body holds an occasion (安平举办…仪式) as often as a person.
                lex.role_verbs().contains_key(&n.word)
                    && !matches!(n.word.as_str(), "召开" | "举行" | "举办")
            });
        // A cue after a word jieba does not think is a name is weaker: demand a 2–3
        // character name then.
        let nameish = t.tag.starts_with("nr") || t.word.chars().count() <= 3;
        let by_model = model.contains(&(t.start, t.end))
            && !toks.get(i + 1).is_some_and(|n| {
                matches!(
                    n.category,
                    Category::Organ | Category::Place | Category::JurisdictionWord
                ) || lex.org_suffix(&n.word).is_some()
                    || lex.market_head(&n.word).is_some()
            });
        if after_title || (cue_after && nameish) || known.contains(&t.word) || by_model {
            accepted[i] = true;
        }
    }
    // Enumerations: 陈立、周红、孙悦 — spread acceptance along 、 both ways.
    let mut changed = true;
    while changed {
        changed = false;
        for i in 0..toks.len() {
            if !cand[i] || accepted[i] {
                continue;
            }
            let left = i >= 2 && toks[i - 1].word == "、" && accepted[i - 2];
            let right = i + 2 < toks.len() && toks[i + 1].word == "、" && accepted[i + 2];
            if left || right {
                accepted[i] = true;
                changed = true;
            }
        }
    }
    (0..toks.len()).filter(|&i| accepted[i]).collect()
}

#[cfg(test)]
mod tests {
    use super::super::grammar::chunk_sentence;
    use super::super::token::tokenize;
    use super::*;
    use crate::segment::Segmenter;

    fn people(text: &str) -> Vec<String> {
        let lex = Lexicon::embedded();
        let seg = Segmenter::new(&lex);
        let toks = tokenize(&seg, &lex, text);
        let chunks = chunk_sentence(&lex, &toks);
        let mut covered = vec![false; toks.len()];
        for c in chunks
            .iter()
            .filter(|c| c.mention.kind != super::super::MentionKind::Title)
        {
            for x in &mut covered[c.tok_start..c.tok_end] {
                *x = true;
            }
        }
        find_people(&lex, &toks, &covered, &HashSet::default())
            .into_iter()
            .map(|i| toks[i].word.clone())
            .collect()
    }

    #[test]
    fn names_after_posts_and_in_lists() {
        assert_eq!(people("惠济区委书记马军主持召开党政联席会议"), ["马军"]);
        assert_eq!(
            people("副市长陈立、周红、孙悦出席会议"),
            ["陈立", "周红", "孙悦"]
        );
        assert_eq!(
            people("郑州市自然资源和规划局党组成员、副局长许振等出席揭牌仪式"),
            ["许振"]
        );
    }

    #[test]
    fn common_words_are_not_names() {
        assert!(people("双桥花卉市场因疫情管控造成季节性苗木无法正常销售").is_empty());
        assert!(people("全力在惠济发展大局中实现更多建树").is_empty());
        assert!(people("双方表示,将进一步加强学习交流").is_empty());
    }
}
