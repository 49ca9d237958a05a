//! The labels of the sequence labeller (BIOES: begin, inside, end, single, for each
//! kind, and outside) and what they mean: the kind and place in a span of a label,
//! which label may follow which, and the spans a label sequence marks.

use crate::mention::MentionKind;

/// Number of labels: O, then B, I, E and S (begin, inside, end, single) for person,
/// place, organisation and title.
pub const NL: usize = 17;

/// Label names, index = label id.
pub const LABELS: [&str; NL] = [
    "O", "B-PER", "I-PER", "E-PER", "S-PER", "B-LOC", "I-LOC", "E-LOC", "S-LOC", "B-ORG", "I-ORG",
    "E-ORG", "S-ORG", "B-TTL", "I-TTL", "E-TTL", "S-TTL",
];

/// The outside label.
pub const O: u8 = 0;

/// Offsets of the four labels of a kind from its B label.
pub const B: u8 = 0;
/// Inside.
pub const I: u8 = 1;
/// End.
pub const E: u8 = 2;
/// Single-character span.
pub const S: u8 = 3;

/// The B label of a kind; its I, E and S labels follow.
pub const fn begin(kind: MentionKind) -> Option<u8> {
    match kind {
        MentionKind::Person => Some(1),
        MentionKind::Place => Some(5),
        MentionKind::Organization => Some(9),
        MentionKind::Title => Some(13),
        _ => None,
    }
}

/// The bits of all four labels of a kind (0 for kinds the labeller does not know).
pub fn kind_mask(kind: MentionKind) -> u32 {
    begin(kind).map_or(0, |b| 0xF << b)
}

/// The kind of a label (None for O).
pub fn kind_of(label: u8) -> Option<MentionKind> {
    match label {
        1..=4 => Some(MentionKind::Person),
        5..=8 => Some(MentionKind::Place),
        9..=12 => Some(MentionKind::Organization),
        13..=16 => Some(MentionKind::Title),
        _ => None,
    }
}

/// The position of a label within its kind (B, I, E or S); O gives `None`.
#[inline]
pub const fn part(label: usize) -> Option<u8> {
    if label == 0 || label >= NL {
        None
    } else {
        Some(((label - 1) % 4) as u8)
    }
}

/// Whether `label` continues a span (I or E).
#[inline]
pub const fn is_inside(label: usize) -> bool {
    matches!(part(label), Some(I) | Some(E))
}

/// Whether a span is still open after `label` (B or I): the next label must be
/// I or E of the same kind, and the sentence may not end here.
#[inline]
pub const fn is_open(label: usize) -> bool {
    matches!(part(label), Some(B) | Some(I))
}

/// Whether `cur` may follow `prev` (`None`: sentence start) in BIOES.
#[inline]
pub const fn allowed(prev: Option<usize>, cur: usize) -> bool {
    match prev {
        None => !is_inside(cur),
        Some(p) => {
            if is_open(p) {
                is_inside(cur) && (p - 1) / 4 == (cur - 1) / 4
            } else {
                !is_inside(cur)
            }
        }
    }
}

/// Spans `(start, end, kind)` of a label sequence.
pub fn spans(labels: &[u8]) -> Vec<(usize, usize, MentionKind)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < labels.len() {
        let l = labels[i] as usize;
        let Some(kind) = kind_of(l as u8) else {
            i += 1;
            continue;
        };
        let base = l - part(l).unwrap_or(0) as usize;
        let mut j = i + 1;
        if is_open(l) {
            while j < labels.len() && labels[j] as usize == base + I as usize {
                j += 1;
            }
            if j < labels.len() && labels[j] as usize == base + E as usize {
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

    #[test]
    fn spans_from_bioes() {
        // 马 军 在 郑 州 : B-PER E-PER O B-LOC E-LOC
        assert_eq!(
            spans(&[1, 3, 0, 5, 7]),
            [(0, 2, MentionKind::Person), (3, 5, MentionKind::Place)]
        );
        // Adjacent entities of one kind stay apart; S is a one-character span.
        assert_eq!(
            spans(&[4, 1, 2, 3, 8]),
            [
                (0, 1, MentionKind::Person),
                (1, 4, MentionKind::Person),
                (4, 5, MentionKind::Place)
            ]
        );
    }
}
