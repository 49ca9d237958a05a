//! The labels of the sequence labeller (BIOES: begin, inside, end and single for
//! each kind it finds, and outside) and what they mean: the kind of a label and its
//! part of a span, which label may follow which, and the spans a label sequence marks.

use crate::mention::MentionKind;

/// How many labels there are: [`Label::Outside`], then four for each kind.
pub const LABEL_COUNT: usize = 17;

/// A set of labels, bit `l` for the label of index `l`: the labels an annotation
/// allows at a character, or those a decoding may choose from there.
pub type LabelSet = u32;

/// The part of a span a character is (BIOES).
#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The first character of a span of two or more.
    Begin = 0,
    /// A character between the first and the last.
    Inside = 1,
    /// The last character of a span of two or more.
    End = 2,
    /// A span of one character.
    Single = 3,
}

/// The label of one character.
///
/// `label as usize` indexes the model's weight rows and transition table, and the
/// model file stores the weights in this order: the discriminants are part of the
/// file format. Each kind has four labels in a row, in the order of [`Part`].
#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Label {
    /// Not in any span.
    #[default]
    Outside = 0,
    PersonBegin = 1,
    PersonInside = 2,
    PersonEnd = 3,
    PersonSingle = 4,
    PlaceBegin = 5,
    PlaceInside = 6,
    PlaceEnd = 7,
    PlaceSingle = 8,
    OrganizationBegin = 9,
    OrganizationInside = 10,
    OrganizationEnd = 11,
    OrganizationSingle = 12,
    TitleBegin = 13,
    TitleInside = 14,
    TitleEnd = 15,
    TitleSingle = 16,
}

/// The kinds that have labels, in label order.
const KINDS: [MentionKind; 4] = [
    MentionKind::Person,
    MentionKind::Place,
    MentionKind::Organization,
    MentionKind::Title,
];

impl Label {
    /// Every label, by index.
    pub const ALL: [Label; LABEL_COUNT] = [
        Label::Outside,
        Label::PersonBegin,
        Label::PersonInside,
        Label::PersonEnd,
        Label::PersonSingle,
        Label::PlaceBegin,
        Label::PlaceInside,
        Label::PlaceEnd,
        Label::PlaceSingle,
        Label::OrganizationBegin,
        Label::OrganizationInside,
        Label::OrganizationEnd,
        Label::OrganizationSingle,
        Label::TitleBegin,
        Label::TitleInside,
        Label::TitleEnd,
        Label::TitleSingle,
    ];

    /// The label of index `i` (panics past the last).
    #[inline]
    pub const fn from_index(i: usize) -> Label {
        Label::ALL[i]
    }

    /// The label of `part` of a span of `kind`; `None` for kinds the labeller does
    /// not find.
    pub const fn new(kind: MentionKind, part: Part) -> Option<Label> {
        let first = match kind {
            MentionKind::Person => Label::PersonBegin,
            MentionKind::Place => Label::PlaceBegin,
            MentionKind::Organization => Label::OrganizationBegin,
            MentionKind::Title => Label::TitleBegin,
            _ => return None,
        };
        Some(Label::ALL[first as usize + part as usize])
    }

    /// The set holding this label alone.
    #[inline]
    pub const fn bit(self) -> LabelSet {
        1 << self as u32
    }

    /// The kind of span the label is part of; `None` for [`Label::Outside`].
    pub const fn kind(self) -> Option<MentionKind> {
        match self {
            Label::Outside => None,
            l => Some(KINDS[(l as usize - 1) / 4]),
        }
    }

    /// The part of a span the label is; `None` for [`Label::Outside`].
    #[inline]
    pub const fn part(self) -> Option<Part> {
        match self as usize {
            0 => None,
            l => Some(match (l - 1) % 4 {
                0 => Part::Begin,
                1 => Part::Inside,
                2 => Part::End,
                _ => Part::Single,
            }),
        }
    }

    /// Whether the label continues a span (inside or end): only the begin or inside
    /// of its kind may come before it.
    #[inline]
    pub const fn continues(self) -> bool {
        matches!(self.part(), Some(Part::Inside | Part::End))
    }

    /// Whether a span is still open after the label (begin or inside): the next
    /// label must continue it, and the sentence may not end here.
    #[inline]
    pub const fn is_open(self) -> bool {
        matches!(self.part(), Some(Part::Begin | Part::Inside))
    }

    /// Whether the label may follow `prev` (`None`: at the start of a sentence).
    pub const fn may_follow(self, prev: Option<Label>) -> bool {
        match prev {
            Some(p) if p.is_open() => {
                self.continues() && (p as usize - 1) / 4 == (self as usize - 1) / 4
            }
            _ => !self.continues(),
        }
    }

    /// The conventional short name (`O`, `B-PER`, `E-TTL`…).
    pub const fn name(self) -> &'static str {
        const NAMES: [&str; LABEL_COUNT] = [
            "O", "B-PER", "I-PER", "E-PER", "S-PER", "B-LOC", "I-LOC", "E-LOC", "S-LOC", "B-ORG",
            "I-ORG", "E-ORG", "S-ORG", "B-TTL", "I-TTL", "E-TTL", "S-TTL",
        ];
        NAMES[self as usize]
    }
}

/// The four labels of a kind (none for kinds the labeller does not find).
pub const fn labels_of(kind: MentionKind) -> LabelSet {
    match Label::new(kind, Part::Begin) {
        Some(first) => 0xF << first as u32,
        None => 0,
    }
}

/// The spans `(start, end, kind)` a label sequence marks. A span runs from a label
/// of its kind over the inside labels of that kind to an end label, where the
/// sequence has them; a begin with no end still makes a span.
pub fn spans(labels: &[Label]) -> Vec<(usize, usize, MentionKind)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < labels.len() {
        let Some(kind) = labels[i].kind() else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        if labels[i].is_open() {
            let inside = Label::new(kind, Part::Inside);
            while j < labels.len() && Some(labels[j]) == inside {
                j += 1;
            }
            if j < labels.len() && Some(labels[j]) == Label::new(kind, Part::End) {
                j += 1;
            }
        }
        out.push((i, j, kind));
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Label::*;

    #[test]
    fn spans_from_bioes() {
        // 马 军 在 郑 州
        assert_eq!(
            spans(&[PersonBegin, PersonEnd, Outside, PlaceBegin, PlaceEnd]),
            [(0, 2, MentionKind::Person), (3, 5, MentionKind::Place)]
        );
        // Adjacent entities of one kind stay apart; S is a one-character span.
        assert_eq!(
            spans(&[
                PersonSingle,
                PersonBegin,
                PersonInside,
                PersonEnd,
                PlaceSingle
            ]),
            [
                (0, 1, MentionKind::Person),
                (1, 4, MentionKind::Person),
                (4, 5, MentionKind::Place)
            ]
        );
        // A begin whose span another kind cuts off ends there.
        assert_eq!(
            spans(&[PersonBegin, PlaceInside, PlaceEnd]),
            [(0, 1, MentionKind::Person), (1, 3, MentionKind::Place)]
        );
    }

    #[test]
    fn indices_kinds_and_parts_agree() {
        for (i, &label) in Label::ALL.iter().enumerate() {
            assert_eq!(label as usize, i);
            assert_eq!(Label::from_index(i), label);
            assert_eq!(label.bit(), 1 << i);
            match (label.kind(), label.part()) {
                (Some(kind), Some(part)) => {
                    assert_eq!(Label::new(kind, part), Some(label));
                    assert_ne!(labels_of(kind) & label.bit(), 0);
                }
                (None, None) => assert_eq!(label, Outside),
                other => panic!("{label:?}: {other:?}"),
            }
        }
        assert_eq!(Label::new(MentionKind::Title, Part::End), Some(TitleEnd));
        assert_eq!(Label::new(MentionKind::Date, Part::Begin), None);
        assert_eq!(labels_of(MentionKind::Date), 0);
        assert_eq!(labels_of(MentionKind::Place).count_ones(), 4);
        assert_eq!(TitleSingle.name(), "S-TTL");
        assert_eq!(OrganizationInside.name(), "I-ORG");
    }

    #[test]
    fn bioes_transitions() {
        assert!(PersonBegin.may_follow(None));
        assert!(!PersonInside.may_follow(None));
        assert!(!PersonEnd.may_follow(None));
        // An open span must go on in its own kind.
        assert!(PersonEnd.may_follow(Some(PersonBegin)));
        assert!(PersonInside.may_follow(Some(PersonInside)));
        assert!(!PlaceEnd.may_follow(Some(PersonBegin)));
        assert!(!Outside.may_follow(Some(PersonInside)));
        assert!(!PersonBegin.may_follow(Some(PersonBegin)));
        // A closed one may be followed by anything that starts.
        assert!(PlaceBegin.may_follow(Some(PersonEnd)));
        assert!(TitleSingle.may_follow(Some(Outside)));
        assert!(!TitleInside.may_follow(Some(PersonSingle)));
        assert!(!Outside.is_open() && !Outside.continues());
    }
}
