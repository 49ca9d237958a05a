//! The decoder: emission scores of a sentence come in, the best BIOES label
//! sequence under the transition weights goes out (first-order Viterbi), optionally
//! restricted to some labels at each position.

use super::label::{allowed, is_inside, is_open, part, NL};

/// Per label, the bits of the labels that may precede it.
const PREV_OK: [u32; NL] = {
    let mut t = [0u32; NL];
    let mut c = 0;
    while c < NL {
        let mut p = 0;
        while p < NL {
            if allowed(Some(p), c) {
                t[c] |= 1 << p;
            }
            p += 1;
        }
        c += 1;
    }
    t
};

/// First-order Viterbi over `em` (`NL` scores per position). `allowed_mask`, when
/// given, restricts each position to the labels whose bits are set. Writes the best
/// sequence into `out`.
pub fn viterbi(
    em: &[i32],
    trans: &[[i32; NL]; NL],
    start: &[i32; NL],
    allowed_mask: Option<&[u32]>,
    out: &mut Vec<u8>,
) {
    let n = em.len() / NL;
    out.clear();
    if n == 0 {
        return;
    }
    const NEG: i32 = i32::MIN / 4;
    let ok = |i: usize, l: usize| allowed_mask.is_none_or(|m| m[i] & (1 << l) != 0);
    let mut score = [NEG; NL];
    for l in 0..NL {
        if allowed(None, l) && ok(0, l) {
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
        back = vec![0; n * NL];
        for i in 1..n {
            let mut next = [NEG; NL];
            for cur in 0..NL {
                if !ok(i, cur) {
                    continue;
                }
                let mut best = NEG;
                let mut arg = 0u8;
                let mut prevs = PREV_OK[cur];
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
                    next[cur] = best + em[i * NL + cur];
                    back[i * NL + cur] = arg;
                }
            }
            score = next;
        }
    }
    // A span may not stay open at the end of the sentence.
    let mut last = 0usize;
    let mut best = NEG;
    for (l, &sc) in score.iter().enumerate() {
        if !is_open(l) && sc > best {
            best = sc;
            last = l;
        }
    }
    out.resize(n, 0);
    out[n - 1] = last as u8;
    for i in (1..n).rev() {
        last = if hist.is_empty() {
            back[i * NL + last] as usize
        } else {
            best_prev(&hist[i - 1], trans, last)
        };
        out[i - 1] = last as u8;
    }
    HIST.set(hist);
}

thread_local! {
    /// Scratch of [`viterbi`]: the scores of every position.
    static HIST: std::cell::Cell<Vec<[i32; NL]>> = const { std::cell::Cell::new(Vec::new()) };
}

/// The labels a span may not continue from (O, E, S): any of them may precede O, B
/// or S, and only they may.
const CLOSED: [usize; 9] = [0, 3, 4, 7, 8, 11, 12, 15, 16];
/// The labels that may follow a closed one (O, B, S).
const STARTERS: [usize; 9] = [0, 1, 4, 5, 8, 9, 12, 13, 16];

/// The Viterbi forward pass from position 1 on when no label is masked, over the
/// two fixed shapes of BIOES transitions: every label but the I and E of position 0
/// is reachable, and O always is, so an unreachable (`NEG`-scored) predecessor never
/// wins and need not be skipped. Keeps only the best scores (plain maxima the
/// compiler vectorises) and leaves every position's scores in `hist`, from which
/// [`best_prev`] finds the predecessors of the one best path afterwards, choosing
/// as the general loop does.
fn forward_unmasked(
    em: &[i32],
    trans: &[[i32; NL]; NL],
    score: &mut [i32; NL],
    hist: &mut Vec<[i32; NL]>,
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
    trans: &[[i32; NL]; NL],
    score: &mut [i32; NL],
    hist: &mut Vec<[i32; NL]>,
) {
    forward(em, trans, score, hist);
}

#[inline(always)]
fn forward(em: &[i32], trans: &[[i32; NL]; NL], score: &mut [i32; NL], hist: &mut Vec<[i32; NL]>) {
    let n = em.len() / NL;
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
        let mut next = [0i32; NL];
        let row = &em[i * NL..(i + 1) * NL];
        for (ci, &c) in STARTERS.iter().enumerate() {
            next[c] = best[ci] + row[c];
        }
        // I and E of a kind follow its B or I.
        for b in [1usize, 5, 9, 13] {
            for c in [b + 1, b + 2] {
                let from_b = score[b] + trans[b][c];
                let from_i = score[b + 1] + trans[b + 1][c];
                next[c] = from_b.max(from_i) + row[c];
            }
        }
        *score = next;
        hist.push(next);
    }
}

/// The best predecessor of `cur` given the previous position's scores: the first
/// best in ascending label order, as in the general loop.
fn best_prev(prev: &[i32; NL], trans: &[[i32; NL]; NL], cur: usize) -> usize {
    if is_inside(cur) {
        let b = cur - part(cur).unwrap_or(0) as usize;
        return if prev[b + 1] + trans[b + 1][cur] > prev[b] + trans[b][cur] {
            b + 1
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
        let mut em = vec![0i32; 2 * NL];
        em[2] = 10;
        em[NL + 2] = 10;
        em[1] = 5;
        em[NL + 3] = 5;
        let trans = [[0; NL]; NL];
        let mut out = Vec::new();
        viterbi(&em, &trans, &[0; NL], None, &mut out);
        assert_eq!(out, [1, 3]);
        // A mask that allows only O.
        viterbi(&em, &trans, &[0; NL], Some(&[1, 1]), &mut out);
        assert_eq!(out, [0, 0]);
    }

    proptest::proptest! {
        /// The unmasked fast path picks what the general loop picks, ties included
        /// (small weights make many).
        #[test]
        fn unmasked_viterbi_matches_the_general_loop(
            em in proptest::collection::vec(-3i32..4, 0..40 * NL),
            t in proptest::collection::vec(-3i32..4, NL * NL),
            st in proptest::collection::vec(-3i32..4, NL),
        ) {
            let em = &em[..em.len() / NL * NL];
            let mut trans = [[0; NL]; NL];
            for (i, x) in t.iter().enumerate() {
                trans[i / NL][i % NL] = *x;
            }
            let start: [i32; NL] = st.try_into().unwrap();
            let all = vec![(1u32 << NL) - 1; em.len() / NL];
            let (mut fast, mut general) = (Vec::new(), Vec::new());
            viterbi(em, &trans, &start, None, &mut fast);
            viterbi(em, &trans, &start, Some(&all), &mut general);
            proptest::prop_assert_eq!(fast, general);
        }
    }
}
