//! The decoder: emission scores of a sentence come in, the best BIOES label
//! sequence under the transition weights goes out (first-order Viterbi), optionally
//! restricted to some labels at each position.

use super::label::{Label, LabelSet, Part, LABEL_COUNT};

/// Per label, the labels that may precede it.
const MAY_PRECEDE: [LabelSet; LABEL_COUNT] = {
    let mut t = [0; LABEL_COUNT];
    let mut c = 0;
    while c < LABEL_COUNT {
        let mut p = 0;
        while p < LABEL_COUNT {
            if Label::ALL[c].may_follow(Some(Label::ALL[p])) {
                t[c] |= Label::ALL[p].bit();
            }
            p += 1;
        }
        c += 1;
    }
    t
};

/// First-order Viterbi over `em` (`LABEL_COUNT` scores per position). `allowed_mask`, when
/// given, restricts each position to the labels whose bits are set. Writes the best
/// sequence into `out`.
pub fn viterbi(
    em: &[i32],
    trans: &[[i32; LABEL_COUNT]; LABEL_COUNT],
    start: &[i32; LABEL_COUNT],
    allowed_mask: Option<&[LabelSet]>,
    out: &mut Vec<Label>,
) {
    let n = em.len() / LABEL_COUNT;
    out.clear();
    if n == 0 {
        return;
    }
    const NEG: i32 = i32::MIN / 4;
    let ok = |i: usize, l: usize| allowed_mask.is_none_or(|m| m[i] & (1 << l) != 0);
    let mut score = [NEG; LABEL_COUNT];
    for (l, label) in Label::ALL.iter().enumerate() {
        if label.may_follow(None) && ok(0, l) {
            score[l] = start[l] + em[l];
        }
    }
    let mut back: Vec<u8> = Vec::new();
    // Per-thread scratch, taken out of its cell so a nested call could never
    // find it borrowed.
    let mut hist = HIST.take();
    hist.clear();
    if allowed_mask.is_none() {
        forward_unmasked(em, trans, &mut score, &mut hist);
    } else {
        back = vec![0; n * LABEL_COUNT];
        for i in 1..n {
            let mut next = [NEG; LABEL_COUNT];
            for cur in 0..LABEL_COUNT {
                if !ok(i, cur) {
                    continue;
                }
                let mut best = NEG;
                let mut arg = 0u8;
                let mut prevs = MAY_PRECEDE[cur];
                while prevs != 0 {
                    let prev = prevs.trailing_zeros() as usize;
                    prevs &= prevs - 1;
                    if score[prev] <= NEG {
                        continue;
                    }
                    let s = score[prev] + trans[prev][cur];
                    if s > best {
                        best = s;
                        arg = prev as u8;
                    }
                }
                if best > NEG {
                    next[cur] = best + em[i * LABEL_COUNT + cur];
                    back[i * LABEL_COUNT + cur] = arg;
                }
            }
            score = next;
        }
    }
    // A span may not stay open at the end of the sentence.
    let mut last = 0usize;
    let mut best = NEG;
    for (&label, &sc) in Label::ALL.iter().zip(&score) {
        if !label.is_open() && sc > best {
            best = sc;
            last = label as usize;
        }
    }
    out.resize(n, Label::Outside);
    out[n - 1] = Label::from_index(last);
    for i in (1..n).rev() {
        last = if hist.is_empty() {
            back[i * LABEL_COUNT + last] as usize
        } else {
            best_prev(&hist[i - 1], trans, last)
        };
        out[i - 1] = Label::from_index(last);
    }
    HIST.set(hist);
}

thread_local! {
    /// Scratch of [`viterbi`]: the scores of every position.
    static HIST: std::cell::Cell<Vec<[i32; LABEL_COUNT]>> = const { std::cell::Cell::new(Vec::new()) };
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
/// two fixed shapes of BIOES transitions: every label but the I and E of position 0
/// is reachable, and O always is, so an unreachable (`NEG`-scored) predecessor never
/// wins and need not be skipped. Keeps only the best scores (plain maxima the
/// compiler vectorises) and leaves every position's scores in `hist`, from which
/// [`best_prev`] finds the predecessors of the one best path afterwards, choosing
/// as the general loop does.
fn forward_unmasked(
    em: &[i32],
    trans: &[[i32; LABEL_COUNT]; LABEL_COUNT],
    score: &mut [i32; LABEL_COUNT],
    hist: &mut Vec<[i32; LABEL_COUNT]>,
) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2, checked just above.
        unsafe { forward_avx2(em, trans, score, hist) };
        return;
    }
    forward(em, trans, score, hist);
}

/// [`forward`] compiled for AVX2, where the maxima are one instruction a vector
/// (SSE2 has no signed 32-bit maximum) and vectors twice as wide.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn forward_avx2(
    em: &[i32],
    trans: &[[i32; LABEL_COUNT]; LABEL_COUNT],
    score: &mut [i32; LABEL_COUNT],
    hist: &mut Vec<[i32; LABEL_COUNT]>,
) {
    forward(em, trans, score, hist);
}

#[inline(always)]
fn forward(
    em: &[i32],
    trans: &[[i32; LABEL_COUNT]; LABEL_COUNT],
    score: &mut [i32; LABEL_COUNT],
    hist: &mut Vec<[i32; LABEL_COUNT]>,
) {
    let n = em.len() / LABEL_COUNT;
    // Rows padded to whole SSE2 vectors.
    const W: usize = 12;
    let mut tc = [[0i32; W]; 9];
    for (pi, &p) in CLOSED.iter().enumerate() {
        for (ci, &c) in STARTERS.iter().enumerate() {
            tc[pi][ci] = trans[p][c];
        }
    }
    hist.reserve(n);
    hist.push(*score);
    for i in 1..n {
        let mut best = [i32::MIN; W];
        for (pi, &p) in CLOSED.iter().enumerate() {
            let sp = score[p];
            for ci in 0..W {
                best[ci] = best[ci].max(sp + tc[pi][ci]);
            }
        }
        let mut next = [0i32; LABEL_COUNT];
        let row = &em[i * LABEL_COUNT..(i + 1) * LABEL_COUNT];
        for (ci, &c) in STARTERS.iter().enumerate() {
            next[c] = best[ci] + row[c];
        }
        // The inside and end of a kind follow its begin or inside.
        for b in BEGINS {
            let i = b + Part::Inside as usize;
            for c in [i, b + Part::End as usize] {
                let from_b = score[b] + trans[b][c];
                let from_i = score[i] + trans[i][c];
                next[c] = from_b.max(from_i) + row[c];
            }
        }
        *score = next;
        hist.push(next);
    }
}

/// The best predecessor of `cur` given the previous position's scores: the first
/// best in ascending label order, as in the general loop.
fn best_prev(
    prev: &[i32; LABEL_COUNT],
    trans: &[[i32; LABEL_COUNT]; LABEL_COUNT],
    cur: usize,
) -> usize {
    if let Some(part @ (Part::Inside | Part::End)) = Label::from_index(cur).part() {
        let b = cur - part as usize;
        let i = b + Part::Inside as usize;
        return if prev[i] + trans[i][cur] > prev[b] + trans[b][cur] {
            i
        } else {
            b
        };
    }
    let mut best = i32::MIN;
    let mut arg = 0;
    for &p in &CLOSED {
        let s = prev[p] + trans[p][cur];
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
        let mut em = vec![0i32; 2 * LABEL_COUNT];
        em[2] = 10;
        em[LABEL_COUNT + 2] = 10;
        em[1] = 5;
        em[LABEL_COUNT + 3] = 5;
        let trans = [[0; LABEL_COUNT]; LABEL_COUNT];
        let mut out = Vec::new();
        viterbi(&em, &trans, &[0; LABEL_COUNT], None, &mut out);
        assert_eq!(out, [Label::PersonBegin, Label::PersonEnd]);
        let only_outside = Label::Outside.bit();
        viterbi(
            &em,
            &trans,
            &[0; LABEL_COUNT],
            Some(&[only_outside; 2]),
            &mut out,
        );
        assert_eq!(out, [Label::Outside; 2]);
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
            em in proptest::collection::vec(-3i32..4, 0..40 * LABEL_COUNT),
            t in proptest::collection::vec(-3i32..4, LABEL_COUNT * LABEL_COUNT),
            st in proptest::collection::vec(-3i32..4, LABEL_COUNT),
        ) {
            let em = &em[..em.len() / LABEL_COUNT * LABEL_COUNT];
            let mut trans = [[0; LABEL_COUNT]; LABEL_COUNT];
            for (i, x) in t.iter().enumerate() {
                trans[i / LABEL_COUNT][i % LABEL_COUNT] = *x;
            }
            let start: [i32; LABEL_COUNT] = st.try_into().unwrap();
            let all = vec![(1u32 << LABEL_COUNT) - 1; em.len() / LABEL_COUNT];
            let (mut fast, mut general) = (Vec::new(), Vec::new());
            viterbi(em, &trans, &start, None, &mut fast);
            viterbi(em, &trans, &start, Some(&all), &mut general);
            proptest::prop_assert_eq!(fast, general);
        }
    }
}
