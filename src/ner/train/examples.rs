//! Training examples from annotated sentences: per character, the set of labels
//! the annotation allows. A kind a corpus does not annotate is left open there.

use crate::eval::{GoldFormat, GoldSentence, GoldSet};
use crate::mention::MentionKind;
use crate::ner::label::{labels_of, Label, LabelSet, Part, LABEL_COUNT};

/// One training sentence: its characters and, per character, the labels the
/// annotation allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// The sentence.
    pub text: String,
    /// Allowed labels per character.
    pub allowed: Vec<LabelSet>,
}

/// Every label but a one-character post. Where an annotation leaves posts open,
/// the perceptron's target is its own best guess, and a lone character taken for
/// a post (the 南 of 南方) would be learnt back; posts of one character are rare
/// enough to close.
pub(super) const ANY: LabelSet = ((1 << LABEL_COUNT) - 1) & !Label::TitleSingle.bit();

fn title_or_outside() -> LabelSet {
    (Label::Outside.bit() | labels_of(MentionKind::Title)) & ANY
}

fn place_or_outside() -> LabelSet {
    Label::Outside.bit() | labels_of(MentionKind::Place)
}

/// Allows only the labels of one span of `kind` over `allowed[start..end]`.
pub(super) fn set_span(allowed: &mut [LabelSet], start: usize, end: usize, kind: MentionKind) {
    if labels_of(kind) == 0 || start >= end || end > allowed.len() {
        return;
    }
    let only = |part| Label::new(kind, part).map_or(0, Label::bit);
    if end - start == 1 {
        allowed[start] = only(Part::Single);
        return;
    }
    allowed[start] = only(Part::Begin);
    for x in &mut allowed[start + 1..end - 1] {
        *x = only(Part::Inside);
    }
    allowed[end - 1] = only(Part::End);
}

/// What an unscored source label means for training: unknown (any label), or not
/// an entity of ours (O).
enum Skipped {
    Unknown,
    Outside,
}

fn skipped_label(format: GoldFormat, label: &str) -> Skipped {
    match (format, label) {
        // CLUENER's companies and clubs follow other boundaries than news
        // organisations; scenic spots are sometimes places, sometimes not; Resume's
        // CONT spans (中国国籍) hold a country inside a longer span: all left open.
        (GoldFormat::Cluener, "company" | "organization" | "scene")
        | (GoldFormat::Bmes, "CONT") => Skipped::Unknown,
        _ => Skipped::Outside,
    }
}

/// Training examples from a gold set, with its annotation conventions.
pub fn examples(set: &GoldSet) -> Vec<Example> {
    set.sentences
        .iter()
        .map(|s| example(set.format, s))
        .collect()
}

/// One training example from a gold sentence.
pub fn example(format: GoldFormat, s: &GoldSentence) -> Example {
    let n = s.chars();
    // People's Daily and MSRA do not annotate posts: leave them open.
    // Resume annotates hardly any places (they sit inside organisations, schools
    // and nationalities): leave places open there.
    let default = match format {
        GoldFormat::Bio => title_or_outside(),
        GoldFormat::Bmes => place_or_outside(),
        // CLUENER's addresses join divisions into one span (青海省曲麻莱县) and skip
        // many country names: places are learnt from People's Daily alone.
        GoldFormat::Cluener => place_or_outside(),
    };
    let mut allowed = vec![default; n];
    for sp in &s.skipped {
        let fill = match skipped_label(format, &sp.label) {
            Skipped::Unknown => ANY,
            Skipped::Outside => Label::Outside.bit(),
        };
        allowed[sp.start.min(n)..sp.end.min(n)].fill(fill);
    }
    for m in &s.entities {
        if format == GoldFormat::Cluener && m.kind == MentionKind::Place {
            continue;
        }
        set_span(&mut allowed, m.start, m.end, m.kind);
    }
    Example {
        text: s.text.clone(),
        allowed,
    }
}

/// Training examples from the People's Daily 1998 corpus. Its words are tagged
/// `nr` for names, but organisations and many places are split into their words
/// (中央/n 电视台/n), so only persons are taken: a run of `nr` words is one
/// person, punctuation is outside any entity, and every other character may be
/// anything but a person.
pub fn peoples_daily_1998_examples(content: &str) -> Vec<Example> {
    let not_person = ANY & !labels_of(MentionKind::Person);
    let mut out = Vec::new();
    for line in content.lines() {
        let mut text = String::new();
        let mut allowed: Vec<u32> = Vec::new();
        let mut run_start: Option<usize> = None;
        let close = |allowed: &mut Vec<u32>, run_start: &mut Option<usize>| {
            if let Some(s) = run_start.take() {
                let e = allowed.len();
                set_span(allowed, s, e, MentionKind::Person);
            }
        };
        for tok in line.split_whitespace() {
            let (word, tag) = tok.rsplit_once('/').unwrap_or((tok, ""));
            if word.is_empty() {
                continue;
            }
            if tag == "nr" {
                if run_start.is_none() {
                    run_start = Some(allowed.len());
                }
            } else {
                close(&mut allowed, &mut run_start);
            }
            let fill = match tag {
                "nr" => ANY,
                "w" => Label::Outside.bit(),
                _ => not_person,
            };
            text.push_str(word);
            allowed.extend(std::iter::repeat_n(fill, word.chars().count()));
        }
        close(&mut allowed, &mut run_start);
        if !allowed.is_empty() {
            out.push(Example { text, allowed });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::gold::parse_gold;
    use std::path::Path;

    #[test]
    fn partial_labels_leave_titles_open_in_bio() {
        let set = parse_gold(
            "张\tB-PER\n三\tI-PER\n说\tO\n\n",
            Path::new("x.bio"),
            GoldFormat::Bio,
        )
        .unwrap();
        let ex = examples(&set);
        assert_eq!(
            ex[0].allowed,
            [
                Label::PersonBegin.bit(),
                Label::PersonEnd.bit(),
                title_or_outside()
            ]
        );
    }

    #[test]
    fn pd1998_runs_of_nr_words_are_one_person() {
        let ex = peoples_daily_1998_examples("江/nr  泽民/nr  主席/n  ，/w  北京/ns\n\n");
        assert_eq!(ex.len(), 1);
        assert_eq!(ex[0].text, "江泽民主席，北京");
        let a = &ex[0].allowed;
        assert_eq!(
            a[..3],
            [
                Label::PersonBegin.bit(),
                Label::PersonInside.bit(),
                Label::PersonEnd.bit()
            ]
        );
        assert_eq!(a[5], Label::Outside.bit());
        assert_eq!(a[3] & labels_of(MentionKind::Person), 0);
        assert_ne!(a[6] & labels_of(MentionKind::Place), 0);
    }

    #[test]
    fn a_span_allows_only_its_own_labels() {
        let mut allowed = vec![ANY; 6];
        set_span(&mut allowed, 0, 1, MentionKind::Place);
        set_span(&mut allowed, 2, 5, MentionKind::Organization);
        assert_eq!(
            allowed,
            [
                Label::PlaceSingle.bit(),
                ANY,
                Label::OrganizationBegin.bit(),
                Label::OrganizationInside.bit(),
                Label::OrganizationEnd.bit(),
                ANY
            ]
        );
        // Kinds without labels, empty spans and spans past the end change nothing.
        let before = allowed.clone();
        set_span(&mut allowed, 0, 2, MentionKind::Date);
        set_span(&mut allowed, 3, 3, MentionKind::Person);
        set_span(&mut allowed, 4, 9, MentionKind::Person);
        assert_eq!(allowed, before);
    }

    #[test]
    fn unscored_labels_stay_open_only_where_their_spans_differ() {
        let open = |format, label| matches!(skipped_label(format, label), Skipped::Unknown);
        assert!(open(GoldFormat::Cluener, "company"));
        assert!(open(GoldFormat::Cluener, "scene"));
        assert!(open(GoldFormat::Bmes, "CONT"));
        assert!(!open(GoldFormat::Cluener, "game"));
        assert!(!open(GoldFormat::Bio, "company"));
        assert!(!open(GoldFormat::Bmes, "EDU"));
        // Open means any label but a one-character post.
        assert_eq!(ANY.count_ones() as usize, LABEL_COUNT - 1);
        assert_eq!(ANY & Label::TitleSingle.bit(), 0);
    }
}
