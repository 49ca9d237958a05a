//! The rules that mend the labeller's person spans after decoding: names run
//! together are cut, name lists are decoded again as names only, foreign names cut
//! in two are joined and take in the characters they left out, and a surname or a
//! third character left out is taken in.

use super::label::{labels_of, spans, Label, LabelSet, LABEL_COUNT};
use super::model::Model;
use super::viterbi::viterbi;
use super::Tagger;
use crate::mention::MentionKind;

/// Where a span really ends: a person of three or more characters does not end
/// in the enumeration particle 等 (许振等出席 → 许振) or the conjunction 及 (董浩及秘书长
/// 傅亚文 → 董浩), nor in the 摄 or 绘 of a
/// photo or drawing credit (记者任珑摄 → 任珑), which a name almost never ends with.
pub(super) fn trim_end(chars: &[char], s: usize, e: usize, kind: MentionKind) -> usize {
    if kind == MentionKind::Person
        && e - s >= 3
        && matches!(chars[e - 1], '等' | '及' | '摄' | '绘')
    {
        e - 1
    } else {
        e
    }
}

/// Where a person span that is really several names runs together splits.
///
/// Lists such as 治丧委员会名单 are printed as names one after the other, and with
/// their separating spaces gone (as in many digitised corpora) the labeller reads
/// a run of five or more Han characters as one person. No Chinese name without a
/// `·` is that long, so such a span is cut into names that each start with a
/// surname (one or two characters) followed by a one- or two-character given name,
/// preferring cuts whose given names hold no surname character (where a cut could
/// hide) and three-character names over two-character ones. A span with no such
/// cut is left whole, and so is a span written mostly in the characters of
/// transliterated names (梅德韦杰夫 is one name, not 梅德 and 韦杰夫). Returns the
/// lengths of the names, in order.
pub(super) fn split_names(chars: &[char], tagger: &Tagger, min_len: usize) -> Option<Vec<usize>> {
    let single = |c: &char| tagger.featurizer.is_surname(*c);
    let double = &tagger.double_surnames;
    let n = chars.len();
    if n < min_len || chars.iter().any(|&c| !is_han(c)) {
        return None;
    }
    if crate::lexicon::mostly_in(chars.iter().copied(), &tagger.transliteration_chars) {
        return None;
    }
    // best[i]: the best (score, previous cut) of a split of chars[..i].
    let mut best: Vec<Option<(i32, usize)>> = vec![None; n + 1];
    best[0] = Some((0, 0));
    for i in 0..n {
        let Some((score, _)) = best[i] else { continue };
        let mut surnames = Vec::with_capacity(2);
        if single(&chars[i]) {
            surnames.push(1);
        }
        if i + 2 <= n && double.contains(&chars[i..i + 2].iter().collect::<String>()) {
            surnames.push(2);
        }
        for surname in surnames {
            for given in 1..=2 {
                let j = i + surname + given;
                if j > n {
                    continue;
                }
                let hidden = chars[i + surname..j].iter().filter(|c| single(c)).count() as i32;
                let short = i32::from(surname + given == 2);
                let candidate = score - 10 * hidden - 3 * short;
                if best[j].is_none_or(|(b, _)| candidate > b) {
                    best[j] = Some((candidate, i));
                }
            }
        }
    }
    best[n]?;
    let mut lengths = Vec::new();
    let mut j = n;
    while j > 0 {
        let (_, i) = best[j]?;
        lengths.push(j - i);
        j = i;
    }
    lengths.reverse();
    (lengths.len() > 1).then_some(lengths)
}

/// Relabels the name lists of a sentence as names only.
///
/// In a list of names printed one after the other (治丧委员会名单, 主席团名单),
/// the labeller finds most names but slips where a name could end in two places
/// (丁衡高于珍: 丁衡 + 高于珍 or 丁衡高 + 于珍), leaving a fragment unlabelled or two
/// names joined. Where five or more persons follow each other with at most two
/// names' worth of Han characters between them, and persons cover four fifths of
/// the stretch, the stretch is a list: it is decoded again with only the person
/// labels allowed, so the same scores choose where each name ends and nothing in
/// between is lost. Lists printed with spaces between the names (and notes such
/// as （女） after some) are lists too: there the spaces and the bracketed notes
/// stay outside, so each name ends at its space. Returns the lists' character
/// ranges.
pub(super) fn relabel_name_lists(
    chars: &[char],
    emissions: &[i32],
    model: &Model,
    labels: &mut [Label],
) -> Vec<(usize, usize)> {
    const MIN_NAMES: usize = 5;
    const MAX_GAP: usize = 6;
    let persons = person_spans(labels);
    if persons.len() < MIN_NAMES {
        return Vec::new();
    }
    // Begin, inside and end of persons: a name in a list has two characters or more.
    let names_only = labels_of(MentionKind::Person) & !Label::PersonSingle.bit();
    let mut out = Vec::new();
    let mut lists = Vec::new();
    let no_person = ((1 << LABEL_COUNT) - 1) & !labels_of(MentionKind::Person);
    let separator = separators(chars);
    for (g, h) in runs(persons.len(), |j| {
        let (end, next) = (persons[j].1, persons[j + 1].0);
        // Notes join names only in lists printed with spaces: in one printed
        // without (MSRA's 1998 lists), a note is where the labeller's own reading
        // is kept.
        let gap = end..next;
        next - end <= MAX_GAP
            && (gap.clone().all(|i| is_han(chars[i]))
                || gap.clone().any(|i| separator[i] == Separator::Space)
                    && gap
                        .clone()
                        .all(|i| is_han(chars[i]) || separator[i] != Separator::Name))
    }) {
        let (a, b) = (persons[g].0, persons[h].1);
        let covered: usize = persons[g..=h]
            .iter()
            .map(|&(s, e)| (s..e).filter(|&i| separator[i] == Separator::Name).count())
            .sum();
        let named = (a..b).filter(|&i| separator[i] == Separator::Name).count();
        if h + 1 - g >= MIN_NAMES && covered * 5 >= named * 4 {
            let allowed: Vec<LabelSet> = (a..b)
                .map(|i| match separator[i] {
                    Separator::Name => names_only,
                    Separator::Space => Label::Outside.bit(),
                    // A note may name a place (蒙古 of （蒙古族）), never a person.
                    Separator::Note => no_person,
                })
                .collect();
            viterbi(
                &emissions[a * LABEL_COUNT..b * LABEL_COUNT],
                &model.transitions,
                &model.start,
                Some(&allowed),
                &mut out,
            );
            labels[a..b].copy_from_slice(&out);
            lists.push((a, b));
        }
    }
    lists
}

/// What a character of a name list is: part of a name, or a separator between
/// names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Separator {
    /// Part of a name (or of text between names, as the labeller reads it).
    Name,
    /// A space.
    Space,
    /// A bracketed note after a name, brackets included (王丹凤（女）).
    Note,
}

/// What each character of `chars` is in a name list.
fn separators(chars: &[char]) -> Vec<Separator> {
    let mut out = vec![Separator::Name; chars.len()];
    let mut open = None;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '(' => open = Some(i),
            ')' => {
                // A note is short; a longer bracket is text, not a note.
                if let Some(o) = open.take().filter(|&o| i - o <= 5) {
                    out[o..=i].fill(Separator::Note);
                }
            }
            c if c.is_whitespace() => out[i] = Separator::Space,
            _ => {}
        }
    }
    out
}

/// Whether `chars[s..e]` reads as a foreign name: two characters or more, written
/// mostly in the characters of transliterated names, and not starting with a
/// surname unless it has a `·` (卢嘉锡 is a Chinese name; 阿沛·阿旺晋美 is not).
fn is_foreign(chars: &[char], (s, e): (usize, usize), tagger: &Tagger) -> bool {
    e - s >= 2
        && crate::lexicon::mostly_in(chars[s..e].iter().copied(), &tagger.transliteration_chars)
        && (!tagger.featurizer.is_surname(chars[s]) || chars[s..e].contains(&'·'))
}

/// Joins two persons that touch into one foreign name the labeller cut in two
/// (维诺格 + 拉多夫, 杰瑞 + 布凯默), since two names always have something between
/// them (、, 和, ·). Both pieces are foreign, or one is and the two together are
/// written mostly in transliteration characters, with neither piece a
/// three-character Chinese name (卢嘉锡 + 布赫 stay two) nor holding a conjunction
/// (丁和 + 维吉尔: 但丁 and Virgil).
pub(super) fn join_foreign_names(chars: &[char], labels: &mut [Label], tagger: &Tagger) {
    let persons = person_spans(labels);
    let chinese_of_three =
        |(s, e): (usize, usize)| e - s >= 3 && tagger.featurizer.is_surname(chars[s]);
    let joins = |a: (usize, usize), b: (usize, usize)| {
        let (a_foreign, b_foreign) = (is_foreign(chars, a, tagger), is_foreign(chars, b, tagger));
        a.1 == b.0
            && (a_foreign && b_foreign
                || (a_foreign || b_foreign)
                    && !chinese_of_three(a)
                    && !chinese_of_three(b)
                    && !chars[a.0..b.1]
                        .iter()
                        .any(|c| matches!(c, '和' | '与' | '及' | '同'))
                    && crate::lexicon::mostly_in(
                        chars[a.0..b.1].iter().copied(),
                        &tagger.transliteration_chars,
                    ))
    };
    for (i, j) in runs(persons.len(), |j| joins(persons[j], persons[j + 1])) {
        if j > i {
            mark_person(labels, persons[i].0, persons[j].1);
        }
    }
}

/// Where a foreign name really starts: the labeller often leaves off the first
/// one or two characters of a transliteration (维诺|格拉多夫, 诺|塞里诺), which then
/// stand unlabelled right before it; a name joined by a hyphen (索尔-坎贝尔) is
/// taken whole the same way.
pub(super) fn extend_foreign_names(chars: &[char], labels: &mut [Label], tagger: &Tagger) {
    const MAX_LEFT: usize = 2;
    let free_transliteration =
        |i: usize| labels[i] == Label::Outside && tagger.transliteration_chars.contains(&chars[i]);
    let mut starts = Vec::new();
    for (s, e) in person_spans(labels) {
        if !is_foreign(chars, (s, e), tagger) {
            continue;
        }
        let mut k = s;
        while k > 0 && s - k < MAX_LEFT && free_transliteration(k - 1) {
            k -= 1;
        }
        if k == s && k >= 2 && matches!(chars[k - 1], '-' | '－') && labels[k - 1] == Label::Outside
        {
            let mut j = k - 1;
            while j > 0 && k - 1 - j < MAX_LEFT + 1 && free_transliteration(j - 1) {
                j -= 1;
            }
            if j < k - 1 {
                k = j;
            }
        }
        if k < s {
            starts.push((k, e));
        }
    }
    for (k, e) in starts {
        mark_person(labels, k, e);
    }
}

/// Where a two-character Chinese name really ends: a third character the
/// labeller nearly took (陆俨|少, 翁领|国回答, 蔡康|永去年) is taken in when the best
/// labelling that makes it part of the name scores within [`THIRD_CHAR_MARGIN`]
/// of the best one, and the dictionary does not say it belongs to a word instead:
/// with the character after it (樊禹|来说) or with the name's last one (王刚|才).
pub(super) fn take_third_char(
    chars: &[char],
    emissions: &[i32],
    model: &Model,
    best: i64,
    labels: &mut [Label],
    tagger: &Tagger,
    is_word: &dyn Fn(&str) -> bool,
) {
    let n = chars.len();
    let word = |i: usize| is_word(&chars[i..i + 2].iter().collect::<String>());
    let mut out = Vec::new();
    let mut take = Vec::new();
    for (s, e) in person_spans(labels) {
        if e - s != 2
            || e >= n
            || !tagger.featurizer.is_surname(chars[s])
            || !is_han(chars[e])
            || labels[e] != Label::Outside
            || word(s + 1)
            || e + 1 < n && word(e)
        {
            continue;
        }
        let mut allowed = vec![u32::MAX; n];
        allowed[s] = Label::PersonBegin.bit();
        allowed[s + 1] = Label::PersonInside.bit();
        allowed[e] = Label::PersonEnd.bit();
        viterbi(
            emissions,
            &model.transitions,
            &model.start,
            Some(&allowed),
            &mut out,
        );
        if best - model.path_score(emissions, &out) < THIRD_CHAR_MARGIN {
            take.push((s, e + 1));
        }
    }
    for (s, e) in take {
        mark_person(labels, s, e);
    }
}

/// How much lower (in the model's units) a labelling that takes a third character
/// into a name may score than the best one. Any value from 1,500 to 6,000 gives the
/// same figures within one name on every evaluation set (see the model README).
const THIRD_CHAR_MARGIN: i64 = 3000;

/// The person spans of a label sequence.
fn person_spans(labels: &[Label]) -> Vec<(usize, usize)> {
    spans(labels)
        .into_iter()
        .filter(|s| s.2 == MentionKind::Person)
        .map(|(s, e, _)| (s, e))
        .collect()
}

/// Labels `labels[s..e]` (two characters or more) as one person: B, I…, E.
fn mark_person(labels: &mut [Label], s: usize, e: usize) {
    labels[s] = Label::PersonBegin;
    labels[s + 1..e - 1].fill(Label::PersonInside);
    labels[e - 1] = Label::PersonEnd;
}

/// The maximal runs `(first, last)` of `0..n` in which `linked(j)` holds between
/// every `j` and `j + 1`; a lone item is a run of its own.
fn runs(n: usize, linked: impl Fn(usize) -> bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j + 1 < n && linked(j) {
            j += 1;
        }
        out.push((i, j));
        i = j + 1;
    }
    out
}

/// Where a person span really starts: a two-character name that starts with no
/// surname and stands right after a surname the labeller left out, itself just
/// inside an opening bracket or quote (an author cited as 《…》（赵秀亭）, a title
/// 《邓小平…》), takes that surname in. After a comma or at the start of a
/// sentence the character is as often a word (和, 但) as a surname.
pub(super) fn take_surname(
    chars: &[char],
    labels: &[Label],
    s: usize,
    e: usize,
    tagger: &Tagger,
) -> usize {
    let is_surname = |c: char| tagger.featurizer.is_surname(c);
    if e - s == 2
        && s >= 2
        && !is_surname(chars[s])
        && is_surname(chars[s - 1])
        && labels[s - 1] == Label::Outside
        && matches!(
            chars[s - 2],
            '(' | '（' | '《' | '“' | '「' | '『' | '【' | '〈' | '‘' | '"'
        )
    {
        s - 1
    } else {
        s
    }
}

/// Whether `c` is a Han character (the unified ideographs and extension A).
fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn split(s: &str) -> Option<Vec<String>> {
        let tagger = Tagger::embedded(&Lexicon::embedded());
        let chars: Vec<char> = s.chars().collect();
        split_names(&chars, &tagger, 5).map(|lengths| {
            let mut a = 0;
            lengths
                .iter()
                .map(|&l| {
                    a += l;
                    chars[a - l..a].iter().collect()
                })
                .collect()
        })
    }

    #[test]
    fn names_run_together_are_cut_at_surnames() {
        assert_eq!(split("李鹏乔石李瑞环").unwrap(), ["李鹏", "乔石", "李瑞环"]);
        assert_eq!(
            split("王占王克王涛王海").unwrap(),
            ["王占", "王克", "王涛", "王海"]
        );
        assert_eq!(
            split("朱镕基刘华清胡锦涛").unwrap(),
            ["朱镕基", "刘华清", "胡锦涛"]
        );
        assert_eq!(split("欧阳修李鹏乔石").unwrap(), ["欧阳修", "李鹏", "乔石"]);
    }

    #[test]
    fn short_or_foreign_spans_stay_whole() {
        assert_eq!(split("丁文霞"), None);
        assert_eq!(split("欧阳文华"), None);
        assert_eq!(split("阿沛·阿旺晋美"), None);
        assert_eq!(split("梅德韦杰夫"), None);
        assert_eq!(split("斯特罗耶夫"), None);
    }

    #[test]
    fn a_surname_left_out_inside_a_bracket_is_taken_in() {
        let tagger = Tagger::embedded(&Lexicon::embedded());
        let start = |text: &str, s: usize| {
            let chars: Vec<char> = text.chars().collect();
            let mut labels = vec![Label::Outside; chars.len()];
            mark_person(&mut labels, s, s + 2);
            take_surname(&chars, &labels, s, s + 2, &tagger)
        };
        assert_eq!(start("（钱秀芬）", 2), 1);
        assert_eq!(start("《钱秀芬文集》", 2), 1);
        // After a comma 和 is the conjunction; 王 starts a name of its own.
        assert_eq!(start("，和秀芬", 2), 2);
        assert_eq!(start("（钱王芬）", 2), 2);
    }

    #[test]
    fn a_foreign_name_cut_in_two_is_joined() {
        let tagger = Tagger::embedded(&Lexicon::embedded());
        // Person pieces given as (start, end).
        let joined = |text: &str, pieces: &[(usize, usize)]| {
            let chars: Vec<char> = text.chars().collect();
            let mut labels = vec![Label::Outside; chars.len()];
            for &(s, e) in pieces {
                mark_person(&mut labels, s, e);
            }
            join_foreign_names(&chars, &mut labels, &tagger);
            spans(&labels)
                .into_iter()
                .map(|(s, e, _)| chars[s..e].iter().collect::<String>())
                .collect::<Vec<_>>()
        };
        assert_eq!(joined("维诺格拉多夫", &[(0, 3), (3, 6)]), ["维诺格拉多夫"]);
        // Two Chinese names, or a Chinese name beside a foreign one, stay apart.
        assert_eq!(joined("李鹏乔石", &[(0, 2), (2, 4)]), ["李鹏", "乔石"]);
        assert_eq!(joined("卢嘉锡布赫", &[(0, 3), (3, 5)]), ["卢嘉锡", "布赫"]);
    }

    #[test]
    fn a_foreign_name_missing_its_first_characters_takes_them_in() {
        let tagger = Tagger::embedded(&Lexicon::embedded());
        let extended = |text: &str, s: usize, e: usize| {
            let chars: Vec<char> = text.chars().collect();
            let mut labels = vec![Label::Outside; chars.len()];
            mark_person(&mut labels, s, e);
            extend_foreign_names(&chars, &mut labels, &tagger);
            person_spans(&labels)
                .into_iter()
                .map(|(s, e)| chars[s..e].iter().collect::<String>())
                .collect::<Vec<_>>()
        };
        assert_eq!(extended("主力维诺格拉多夫上将", 4, 8), ["维诺格拉多夫"]);
        assert_eq!(extended("缺少索尔-坎贝尔在后防", 5, 8), ["索尔-坎贝尔"]);
        // A Chinese name is not extended, nor over characters of no transliteration.
        assert_eq!(extended("会见了李鹏", 3, 5), ["李鹏"]);
        assert_eq!(extended("会见了克林顿", 3, 6), ["克林顿"]);
    }

    #[test]
    fn a_longer_person_does_not_end_in_deng() {
        let chars: Vec<char> = "许振等出席".chars().collect();
        assert_eq!(trim_end(&chars, 0, 3, MentionKind::Person), 2);
        // Two characters, another kind, or another last character: kept.
        assert_eq!(trim_end(&chars, 1, 3, MentionKind::Person), 3);
        assert_eq!(trim_end(&chars, 0, 3, MentionKind::Organization), 3);
        assert_eq!(trim_end(&chars, 0, 4, MentionKind::Person), 4);
        let credit: Vec<char> = "记者任珑摄".chars().collect();
        assert_eq!(trim_end(&credit, 2, 5, MentionKind::Person), 4);
        let and: Vec<char> = "贺平及秘书长".chars().collect();
        assert_eq!(trim_end(&and, 0, 3, MentionKind::Person), 2);
    }

    #[test]
    fn runs_join_linked_neighbours() {
        let xs = [1, 2, 3, 7, 8, 20];
        assert_eq!(
            runs(xs.len(), |j| xs[j + 1] - xs[j] == 1),
            [(0, 2), (3, 4), (5, 5)]
        );
        assert_eq!(runs(0, |_| true), []);
        assert_eq!(runs(3, |_| false), [(0, 0), (1, 1), (2, 2)]);
    }

    #[test]
    fn marked_persons_read_back_as_person_spans() {
        let mut labels = vec![Label::Outside; 8];
        mark_person(&mut labels, 1, 3);
        mark_person(&mut labels, 4, 8);
        assert_eq!(
            labels[..4],
            [
                Label::Outside,
                Label::PersonBegin,
                Label::PersonEnd,
                Label::Outside
            ]
        );
        assert_eq!(labels[5..7], [Label::PersonInside; 2]);
        labels[0] = Label::PlaceSingle;
        assert_eq!(person_spans(&labels), [(1, 3), (4, 8)]);
    }

    #[test]
    fn han_characters_are_the_unified_ideographs() {
        assert!(is_han('中'));
        assert!(is_han('\u{3400}'));
        assert!(!is_han('A'));
        assert!(!is_han('，'));
        assert!(!is_han('·'));
        assert!(!is_han('\u{20000}'));
    }

    #[test]
    fn foreign_names_are_told_from_chinese_ones() {
        let tagger = Tagger::embedded(&Lexicon::embedded());
        let foreign = |text: &str| {
            let chars: Vec<char> = text.chars().collect();
            is_foreign(&chars, (0, chars.len()), &tagger)
        };
        assert!(foreign("维诺格拉多夫"));
        assert!(foreign("布凯默"));
        // A surname first (斯, 索) reads as Chinese unless a `·` joins the name.
        assert!(!foreign("斯特罗耶夫"));
        assert!(foreign("索尔·坎贝尔"));
        assert!(!foreign("卢嘉锡"));
        assert!(!foreign("李鹏"));
        // One character is no name to judge.
        assert!(!foreign("夫"));
    }
}
