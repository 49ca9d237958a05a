//! The decoder: emission scores of a sentence come in, the best BIOES label
//! sequence under the transition weights goes out (first-order Viterbi), optionally
//! restricted to some labels at each position.

use super::label::{Label, LabelSet, Part, LABEL_COUNT};

/// Transition weights, `[previous label][label]`.
pub type Transitions = [[i32; LABEL_COUNT]; LABEL_COUNT];

/// A score per label, indexed by `label as usize`.
pub type LabelScores = [i32; LABEL_COUNT];

/// Per label, the labels that may precede it.
const MAY_PRECEDE: [LabelSet; LABEL_COUNT] = {
    let mut table = [0; LABEL_COUNT];
    let mut cur = 0;
    while cur < LABEL_COUNT {
        let mut prev = 0;
        while prev < LABEL_COUNT {
            if Label::ALL[cur].may_follow(Some(Label::ALL[prev])) {
                table[cur] |= Label::ALL[prev].bit();
            }
            prev += 1;
        }
        cur += 1;
    }
    table
};

/// The score of a label no path reaches: low enough that adding weights to it never
/// makes it win, high enough that it never overflows.
const UNREACHABLE: i32 = i32::MIN / 4;

/// First-order Viterbi over `emissions` (`LABEL_COUNT` scores per position).
/// `allowed`, when given, restricts each position to its labels. Writes the best
/// sequence into `out`.
pub fn viterbi(
    emissions: &[i32],
    transitions: &Transitions,
    start: &LabelScores,
    allowed: Option<&[LabelSet]>,
    out: &mut Vec<Label>,
) {
    let n = emissions.len() / LABEL_COUNT;
    out.clear();
    if n == 0 {
        return;
    }
    let may_take = |i: usize, l: usize| allowed.is_none_or(|a| a[i] & (1 << l) != 0);
    let mut score = [UNREACHABLE; LABEL_COUNT];
    for (l, label) in Label::ALL.iter().enumerate() {
        if label.may_follow(None) && may_take(0, l) {
            score[l] = start[l] + emissions[l];
        }
    }
    // The best predecessor of each label at each position, when some labels are
    // masked; the unmasked pass keeps the scores in `history` instead.
    let mut backpointers: Vec<u8> = Vec::new();
    // Per-thread scratch, taken out of its cell so a nested call could never
    // find it borrowed.
    let mut history = HISTORY.take();
    history.clear();
    if allowed.is_none() {
        forward_unmasked(emissions, transitions, &mut score, &mut history);
    } else {
        backpointers = vec![0; n * LABEL_COUNT];
        for i in 1..n {
            let mut next = [UNREACHABLE; LABEL_COUNT];
            for cur in 0..LABEL_COUNT {
                if !may_take(i, cur) {
                    continue;
                }
                let mut best = UNREACHABLE;
                let mut best_from = 0u8;
                let mut prevs = MAY_PRECEDE[cur];
                while prevs != 0 {
                    let prev = prevs.trailing_zeros() as usize;
                    prevs &= prevs - 1;
                    if score[prev] <= UNREACHABLE {
                        continue;
                    }
                    let s = score[prev] + transitions[prev][cur];
                    if s > best {
                        best = s;
                        best_from = prev as u8;
                    }
                }
                if best > UNREACHABLE {
                    next[cur] = best + emissions[i * LABEL_COUNT + cur];
                    backpointers[i * LABEL_COUNT + cur] = best_from;
                }
            }
            score = next;
        }
    }
    // A span may not stay open at the end of the sentence.
    let mut last = 0usize;
    let mut best = UNREACHABLE;
    for (&label, &s) in Label::ALL.iter().zip(&score) {
        if !label.is_open() && s > best {
            best = s;
            last = label as usize;
        }
    }
    out.resize(n, Label::Outside);
    out[n - 1] = Label::from_index(last);
    for i in (1..n).rev() {
        last = if history.is_empty() {
            backpointers[i * LABEL_COUNT + last] as usize
        } else {
            best_prev(&history[i - 1], transitions, last)
        };
        out[i - 1] = Label::from_index(last);
    }
    HISTORY.set(history);
}

thread_local! {
    /// Scratch of [`viterbi`]: the scores of every position.
    static HISTORY: std::cell::Cell<Vec<LabelScores>> = const { std::cell::Cell::new(Vec::new()) };
}

/// The labels after which no span is open (outside, end, single): any of them may
/// precede outside, begin or single, and only they may.
const CLOSED: [usize; 9] = indices([
    Label::Outside,
    Label::PersonEnd,
    Label::PersonSingle,
    Label::PlaceEnd,
    Label::PlaceSingle,
    Label::OrganizationEnd,
    Label::OrganizationSingle,
    Label::TitleEnd,
    Label::TitleSingle,
]);
/// The labels that may follow a closed one (outside, begin, single).
const STARTERS: [usize; 9] = indices([
    Label::Outside,
    Label::PersonBegin,
    Label::PersonSingle,
    Label::PlaceBegin,
    Label::PlaceSingle,
    Label::OrganizationBegin,
    Label::OrganizationSingle,
    Label::TitleBegin,
    Label::TitleSingle,
]);
/// The begin label of each kind.
const BEGINS: [usize; 4] = indices([
    Label::PersonBegin,
    Label::PlaceBegin,
    Label::OrganizationBegin,
    Label::TitleBegin,
]);

const fn indices<const N: usize>(labels: [Label; N]) -> [usize; N] {
    let mut out = [0; N];
    let mut i = 0;
    while i < N {
        out[i] = labels[i] as usize;
        i += 1;
    }
    out
}

/// The Viterbi forward pass from position 1 on when no label is masked, over the
/// two fixed shapes of BIOES transitions: every label but the inside and end ones of
/// position 0 is reachable, and outside always is, so an unreachable predecessor
/// never wins and need not be skipped. Keeps only the best scores (plain maxima the
/// compiler vectorises) and leaves every position's scores in `history`, from which
/// [`best_prev`] finds the predecessors of the one best path afterwards, choosing
/// as the general loop does.
fn forward_unmasked(
    emissions: &[i32],
    transitions: &Transitions,
    score: &mut LabelScores,
    history: &mut Vec<LabelScores>,
) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2, checked just above.
        unsafe { forward_avx2(emissions, transitions, score, history) };
        return;
    }
    forward(emissions, transitions, score, history);
}

/// [`forward`] compiled for AVX2, where the maxima are one instruction a vector
/// (SSE2 has no signed 32-bit maximum) and vectors twice as wide.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn forward_avx2(
    emissions: &[i32],
    transitions: &Transitions,
    score: &mut LabelScores,
    history: &mut Vec<LabelScores>,
) {
    forward(emissions, transitions, score, history);
}

#[inline(always)]
fn forward(
    emissions: &[i32],
    transitions: &Transitions,
    score: &mut LabelScores,
    history: &mut Vec<LabelScores>,
) {
    let n = emissions.len() / LABEL_COUNT;
    // Rows padded to whole SSE2 vectors.
    const WIDTH: usize = 12;
    // The transitions from each closed label to each starter.
    let mut closed_to_starter = [[0i32; WIDTH]; 9];
    for (pi, &p) in CLOSED.iter().enumerate() {
        for (ci, &c) in STARTERS.iter().enumerate() {
            closed_to_starter[pi][ci] = transitions[p][c];
        }
    }
    history.reserve(n);
    history.push(*score);
    for i in 1..n {
        let mut best = [i32::MIN; WIDTH];
        for (pi, &p) in CLOSED.iter().enumerate() {
            let from = score[p];
            for ci in 0..WIDTH {
                best[ci] = best[ci].max(from + closed_to_starter[pi][ci]);
            }
        }
        let mut next = [0i32; LABEL_COUNT];
        let row = &emissions[i * LABEL_COUNT..(i + 1) * LABEL_COUNT];
        for (ci, &c) in STARTERS.iter().enumerate() {
            next[c] = best[ci] + row[c];
        }
        // The inside and end of a kind follow its begin or inside.
        for begin in BEGINS {
            let inside = begin + Part::Inside as usize;
            for c in [inside, begin + Part::End as usize] {
                let from_begin = score[begin] + transitions[begin][c];
                let from_inside = score[inside] + transitions[inside][c];
                next[c] = from_begin.max(from_inside) + row[c];
            }
        }
        *score = next;
        history.push(next);
    }
}

/// The best predecessor of `cur` given the previous position's scores: the first
/// best in ascending label order, as in the general loop.
fn best_prev(prev: &LabelScores, transitions: &Transitions, cur: usize) -> usize {
    if let Some(part @ (Part::Inside | Part::End)) = Label::from_index(cur).part() {
        let begin = cur - part as usize;
        let inside = begin + Part::Inside as usize;
        return if prev[inside] + transitions[inside][cur] > prev[begin] + transitions[begin][cur] {
            inside
        } else {
            begin
        };
    }
    let mut best = i32::MIN;
    let mut arg = 0;
    for &p in &CLOSED {
        let s = prev[p] + transitions[p][cur];
        if s > best {
            best = s;
            arg = p;
        }
    }
    arg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_respects_bioes_and_masks() {
        // Emissions favour I-PER at both positions, which BIOES forbids.
        let mut emissions = vec![0i32; 2 * LABEL_COUNT];
        emissions[Label::PersonInside as usize] = 10;
        emissions[LABEL_COUNT + Label::PersonInside as usize] = 10;
        emissions[Label::PersonBegin as usize] = 5;
        emissions[LABEL_COUNT + Label::PersonEnd as usize] = 5;
        let transitions = [[0; LABEL_COUNT]; LABEL_COUNT];
        let start = [0; LABEL_COUNT];
        let mut out = Vec::new();
        viterbi(&emissions, &transitions, &start, None, &mut out);
        assert_eq!(out, [Label::PersonBegin, Label::PersonEnd]);
        let only_outside = [Label::Outside.bit(); 2];
        viterbi(
            &emissions,
            &transitions,
            &start,
            Some(&only_outside),
            &mut out,
        );
        assert_eq!(out, [Label::Outside; 2]);
        // A span may not be left open at the end: a begin alone is no sequence.
        let mut begin_only = vec![0i32; LABEL_COUNT];
        begin_only[Label::PlaceBegin as usize] = 50;
        begin_only[Label::PlaceSingle as usize] = 1;
        viterbi(&begin_only, &transitions, &start, None, &mut out);
        assert_eq!(out, [Label::PlaceSingle]);
        viterbi(&[], &transitions, &start, None, &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn the_fast_path_tables_follow_the_transition_rule() {
        let closed: Vec<usize> = (0..LABEL_COUNT)
            .filter(|&l| !Label::ALL[l].is_open())
            .collect();
        assert_eq!(CLOSED[..], closed[..]);
        let starters: Vec<usize> = (0..LABEL_COUNT)
            .filter(|&l| !Label::ALL[l].continues())
            .collect();
        assert_eq!(STARTERS[..], starters[..]);
        for (c, (cur, preceding)) in Label::ALL.iter().zip(MAY_PRECEDE).enumerate() {
            for (p, &prev) in Label::ALL.iter().enumerate() {
                let may = cur.may_follow(Some(prev));
                assert_eq!(may, preceding & prev.bit() != 0);
                // Closed labels precede exactly the starters; open ones their own kind.
                let closed_to_starter = CLOSED.contains(&p) && STARTERS.contains(&c);
                let open_to_own = BEGINS
                    .iter()
                    .any(|&b| (b..b + 2).contains(&p) && (b + 1..b + 3).contains(&c));
                assert_eq!(may, closed_to_starter || open_to_own, "{p} -> {c}");
            }
        }
    }

    proptest::proptest! {
        /// The unmasked fast path picks what the general loop picks, ties included
        /// (small weights make many).
        #[test]
        fn unmasked_viterbi_matches_the_general_loop(
            emissions in proptest::collection::vec(-3i32..4, 0..40 * LABEL_COUNT),
            t in proptest::collection::vec(-3i32..4, LABEL_COUNT * LABEL_COUNT),
            st in proptest::collection::vec(-3i32..4, LABEL_COUNT),
        ) {
            let emissions = &emissions[..emissions.len() / LABEL_COUNT * LABEL_COUNT];
            let mut transitions = [[0; LABEL_COUNT]; LABEL_COUNT];
            for (i, x) in t.iter().enumerate() {
                transitions[i / LABEL_COUNT][i % LABEL_COUNT] = *x;
            }
            let start: LabelScores = st.try_into().unwrap();
            let all = vec![(1u32 << LABEL_COUNT) - 1; emissions.len() / LABEL_COUNT];
            let (mut fast, mut general) = (Vec::new(), Vec::new());
            viterbi(emissions, &transitions, &start, None, &mut fast);
            viterbi(emissions, &transitions, &start, Some(&all), &mut general);
            proptest::prop_assert_eq!(fast, general);
        }
    }
}
