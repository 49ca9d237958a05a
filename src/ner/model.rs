//! The labeller's weights and its decoder: feature keys of a sentence come in, the
//! best BIOES label sequence (first-order Viterbi over hashed, quantised weights) goes
//! out. Also the compact file format the weights are stored in (`data/model/ner.bin`).

use super::features::{unigram_key, Feats, FEATURE_VERSION, UNIGRAMS};
use super::lexmatch::prefetch;
use crate::error::{Error, Result};
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
/// Quantised weights, ready to decode with.
#[derive(Debug, Clone)]
pub struct Model {
    /// Open-addressing table of feature keys (0: empty). Kept apart from the
    /// weights so that probing, mostly for keys the model never saw, touches a
    /// small array.
    keys: Vec<u32>,
    /// The weights per label of the key in the same slot.
    weights: Vec<[i16; NL]>,
    /// The unigram weights again, by character (see [`Unigrams`]).
    unigrams: Unigrams,
    mask: usize,
    features: usize,
    /// Transition weights `[prev][cur]`.
    pub trans: [[i32; NL]; NL],
    /// Weights of the first label.
    pub start: [i32; NL],
}

const MAGIC: &[u8; 8] = b"ZHKGNER\x01";

impl Model {
    /// A model from quantised per-feature weights and transitions.
    pub fn from_parts(
        mut feats: Vec<(u32, [i16; NL])>,
        trans: [[i32; NL]; NL],
        start: [i32; NL],
    ) -> Model {
        feats.retain(|(_, w)| w.iter().any(|&x| x != 0));
        feats.sort_by_key(|f| f.0);
        feats.dedup_by_key(|f| f.0);
        let cap = (feats.len() * 2).next_power_of_two().max(16);
        let mut keys = vec![0u32; cap];
        let mut weights = vec![[0i16; NL]; cap];
        let mask = cap - 1;
        for (k, w) in &feats {
            let mut i = slot_of(*k, mask);
            while keys[i] != 0 {
                i = (i + 1) & mask;
            }
            keys[i] = *k;
            weights[i] = *w;
        }
        let unigrams = Unigrams::gather(&keys, &weights, mask);
        Model {
            keys,
            weights,
            unigrams,
            mask,
            features: feats.len(),
            trans,
            start,
        }
    }

    /// Number of features with weights.
    pub fn features(&self) -> usize {
        self.features
    }

    #[cfg(test)]
    fn lookup(&self, key: u32) -> Option<&[i16; NL]> {
        self.slot(key).map(|i| &self.weights[i])
    }

    /// The slot of `key`, if the model has it.
    #[inline]
    fn slot(&self, key: u32) -> Option<usize> {
        find_slot(&self.keys, self.mask, key)
    }

    /// Emission scores of every position, `NL` per position.
    pub fn emissions(&self, feats: &Feats, out: &mut Vec<i32>) {
        // Both tables are larger than the caches, so nearly every probe and every
        // weight row misses. The work runs as a pipeline so the misses overlap:
        // the key slots of a position are prefetched KEYS_AHEAD positions before
        // its keys are looked up, and the weight rows found are prefetched
        // ROWS_AHEAD positions before they are added up.
        const KEYS_AHEAD: usize = 2;
        const ROWS_AHEAD: usize = 2;
        out.clear();
        let n = feats.len();
        out.reserve(n * NL);
        // With the unigrams apart, each character's block (see `Unigrams`).
        let by_char = feats.unigrams.len() == n + UNIGRAMS - 1;
        SLOTS.with(|cell| {
            // Taken out of the cell rather than borrowed, so that a nested call
            // could never find it borrowed.
            let mut hits = cell.take();
            hits.clear();
            hits.reserve(feats.keys.len() + n + 1);
            let mut blocks = BLOCKS.take();
            blocks.clear();
            if by_char {
                blocks.extend(feats.unigrams.iter().map(|&c| self.unigrams.block(c)));
                // The window of the first position holds the first four blocks.
                for &b in &blocks[..(UNIGRAMS - 1).min(blocks.len())] {
                    self.prefetch_block(b);
                }
            }
            for p in 0..KEYS_AHEAD.min(n) {
                self.prefetch_keys(feats.at(p));
            }
            // Where the slots of the positions still to be added up start in `hits`.
            let mut starts = [0usize; ROWS_AHEAD + 1];
            for j in 0..n + ROWS_AHEAD {
                if j < n {
                    if j + KEYS_AHEAD < n {
                        self.prefetch_keys(feats.at(j + KEYS_AHEAD));
                    }
                    if by_char {
                        // The character entering the window of position j.
                        self.prefetch_block(blocks[j + UNIGRAMS - 1]);
                    }
                    starts[j % (ROWS_AHEAD + 1)] = hits.len();
                    for &k in feats.at(j) {
                        if let Some(i) = self.slot(k) {
                            self.prefetch_row(i);
                            hits.push(i as u32);
                        }
                    }
                }
                if j >= ROWS_AHEAD {
                    let p = j - ROWS_AHEAD;
                    let a = starts[p % (ROWS_AHEAD + 1)];
                    let b = if p + 1 < n {
                        starts[(p + 1) % (ROWS_AHEAD + 1)]
                    } else {
                        hits.len()
                    };
                    let mut acc = [0i32; NL];
                    for &i in &hits[a..b] {
                        add_row(&mut acc, &self.weights[i as usize]);
                    }
                    if by_char {
                        for place in 0..UNIGRAMS {
                            match blocks[p + place] {
                                0 => {}
                                UNINDEXED => {
                                    let key = unigram_key(place, feats.unigrams[p + place]);
                                    if let Some(i) = self.slot(key) {
                                        add_row(&mut acc, &self.weights[i]);
                                    }
                                }
                                block => {
                                    add_row(&mut acc, &self.unigrams.rows[block as usize].0[place])
                                }
                            }
                        }
                    }
                    out.extend_from_slice(&acc);
                }
            }
            cell.set(hits);
            BLOCKS.set(blocks);
        });
    }

    /// Prefetches the three cache lines of a unigram block (its first, middle and last
    /// rows start on each).
    #[inline]
    fn prefetch_block(&self, block: u32) {
        if let Some(UnigramRows(rows)) = self.unigrams.rows.get(block as usize) {
            prefetch(&rows[0]);
            prefetch(&rows[UNIGRAMS / 2]);
            prefetch(&rows[UNIGRAMS - 1]);
        }
    }

    #[inline]
    fn prefetch_keys(&self, keys: &[u32]) {
        for &k in keys {
            prefetch(&self.keys[slot_of(k, self.mask)]);
        }
    }

    /// Prefetches both cache lines a weight row may straddle.
    #[inline]
    fn prefetch_row(&self, i: usize) {
        let row = &self.weights[i];
        prefetch(row);
        prefetch(&row[NL - 1]);
    }

    /// The score of a label sequence under emission scores `em` (`NL` a position).
    pub fn path_score(&self, em: &[i32], labels: &[u8]) -> i64 {
        let mut prev: Option<usize> = None;
        let mut sc = 0i64;
        for (i, &l) in labels.iter().enumerate() {
            let l = usize::from(l);
            let t = match prev {
                None => self.start[l],
                Some(p) => self.trans[p][l],
            };
            sc += i64::from(em[i * NL + l]) + i64::from(t);
            prev = Some(l);
        }
        sc
    }

    /// The best label sequence.
    pub fn decode(&self, feats: &Feats) -> Vec<u8> {
        self.decode_with(feats, &mut Vec::new())
    }

    /// The best label sequence, leaving the emission scores in `em` (`NL` a position).
    pub fn decode_with(&self, feats: &Feats, em: &mut Vec<i32>) -> Vec<u8> {
        em.reserve(feats.len() * NL);
        self.emissions(feats, em);
        let mut out = Vec::new();
        viterbi(em, &self.trans, &self.start, None, &mut out);
        out
    }

    /// Serialises to the compact file format.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut feats: Vec<(u32, [i16; NL])> = self
            .keys
            .iter()
            .zip(&self.weights)
            .filter(|(&k, _)| k != 0)
            .map(|(&k, w)| (k, *w))
            .collect();
        feats.sort_by_key(|f| f.0);
        let mut b = Vec::new();
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        b.extend_from_slice(&(NL as u32).to_le_bytes());
        for row in &self.trans {
            for &x in row {
                b.extend_from_slice(&x.to_le_bytes());
            }
        }
        for &x in &self.start {
            b.extend_from_slice(&x.to_le_bytes());
        }
        b.extend_from_slice(&(feats.len() as u32).to_le_bytes());
        let mut prev = 0u32;
        for (k, w) in &feats {
            put_varint(&mut b, u64::from(k - prev));
            prev = *k;
            let mut mask = 0u64;
            for (l, &x) in w.iter().enumerate() {
                if x != 0 {
                    mask |= 1 << l;
                }
            }
            put_varint(&mut b, mask);
            for &x in w.iter().filter(|&&x| x != 0) {
                put_varint(&mut b, zigzag(i64::from(x)));
            }
        }
        b
    }

    /// Reads the compact file format.
    pub fn from_bytes(b: &[u8]) -> Result<Model> {
        let bad = |m: &str| Error::BadModel(m.to_string());
        let mut r = Reader { b, pos: 0 };
        if r.take(8).ok_or_else(|| bad("truncated"))? != MAGIC {
            return Err(bad("not a zhkg NER model (bad magic)"));
        }
        let version = r.u32().ok_or_else(|| bad("truncated"))?;
        if version != FEATURE_VERSION {
            return Err(bad(&format!(
                "trained for feature version {version}, this build has {FEATURE_VERSION}: retrain with `zhkg train`"
            )));
        }
        if r.u32() != Some(NL as u32) {
            return Err(bad("label count differs from this build"));
        }
        let mut trans = [[0i32; NL]; NL];
        for row in &mut trans {
            for x in row.iter_mut() {
                *x = r.u32().ok_or_else(|| bad("truncated"))? as i32;
            }
        }
        let mut start = [0i32; NL];
        for x in &mut start {
            *x = r.u32().ok_or_else(|| bad("truncated"))? as i32;
        }
        let n = r.u32().ok_or_else(|| bad("truncated"))? as usize;
        // The count is the file's claim: each feature takes at least two bytes, so
        // the rest of the file bounds what it can really hold.
        let mut feats = Vec::with_capacity(n.min(b.len() / 2));
        let mut prev = 0u32;
        for _ in 0..n {
            let d = r.varint().ok_or_else(|| bad("truncated"))?;
            let k = prev
                .checked_add(u32::try_from(d).map_err(|_| bad("bad key"))?)
                .ok_or_else(|| bad("bad key"))?;
            prev = k;
            let mask = r.varint().ok_or_else(|| bad("truncated"))?;
            let mut w = [0i16; NL];
            for (l, x) in w.iter_mut().enumerate() {
                if mask & (1 << l) != 0 {
                    let v = unzigzag(r.varint().ok_or_else(|| bad("truncated"))?);
                    *x = i16::try_from(v).map_err(|_| bad("weight out of range"))?;
                }
            }
            feats.push((k, w));
        }
        Ok(Model::from_parts(feats, trans, start))
    }
}

thread_local! {
    /// Per-thread scratch of [`Model::emissions`]: the slots of a sentence's keys.
    static SLOTS: std::cell::Cell<Vec<u32>> = const { std::cell::Cell::new(Vec::new()) };
    /// Per-thread scratch of [`Model::emissions`]: the unigram block of each character.
    static BLOCKS: std::cell::Cell<Vec<u32>> = const { std::cell::Cell::new(Vec::new()) };
}

/// Adds a weight row to a position's scores.
#[inline]
fn add_row(acc: &mut [i32; NL], w: &[i16; NL]) {
    for l in 0..NL {
        acc[l] += i32::from(w[l]);
    }
}

/// The slot of `key` in an open-addressing table of keys, if it is there.
#[inline]
fn find_slot(keys: &[u32], mask: usize, key: u32) -> Option<usize> {
    let mut i = slot_of(key, mask);
    loop {
        let k = keys[i];
        if k == key {
            return Some(i);
        }
        if k == 0 {
            return None;
        }
        i = (i + 1) & mask;
    }
}

/// The five unigram weight rows of a character (one per place of the window), on
/// cache lines of their own.
#[derive(Debug, Clone, Copy)]
#[repr(align(64))]
struct UnigramRows([[i16; NL]; UNIGRAMS]);

/// The unigram templates' weights gathered by character, for decoding from
/// [`Feats::unigrams`]: one look-up in a small index and three adjacent cache lines
/// serve a character's five positions, where the hashed keys took five probes and
/// five scattered rows at each. The rows are copies of the table's, so the scores are
/// the same to the last unit.
#[derive(Debug, Clone, Default)]
struct Unigrams {
    /// Row block of each character of the Basic Multilingual Plane; 0: none (the
    /// model has no unigram weight for it).
    index: Vec<u32>,
    /// Blocks; the first is unused, so that 0 can mean none.
    rows: Vec<UnigramRows>,
}

/// Marks a character outside the index: its keys are probed as before.
const UNINDEXED: u32 = u32::MAX;

impl Unigrams {
    const INDEXED: u32 = 0x1_0000;

    fn gather(keys: &[u32], weights: &[[i16; NL]], mask: usize) -> Unigrams {
        let mut index = vec![0u32; Self::INDEXED as usize];
        let mut rows = vec![UnigramRows([[0; NL]; UNIGRAMS])];
        for (c, slot) in index.iter_mut().enumerate() {
            let mut block = [[0i16; NL]; UNIGRAMS];
            let mut any = false;
            for (place, row) in block.iter_mut().enumerate() {
                if let Some(i) = find_slot(keys, mask, unigram_key(place, c as u32)) {
                    *row = weights[i];
                    any = true;
                }
            }
            if any {
                *slot = rows.len() as u32;
                rows.push(UnigramRows(block));
            }
        }
        Unigrams { index, rows }
    }

    /// The block of character `c`: 0 for none, [`UNINDEXED`] outside the index.
    #[inline]
    fn block(&self, c: u32) -> u32 {
        self.index.get(c as usize).copied().unwrap_or(UNINDEXED)
    }
}

#[inline]
fn slot_of(key: u32, mask: usize) -> usize {
    (key.wrapping_mul(0x9E37_79B1) >> 7) as usize & mask
}

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

fn put_varint(b: &mut Vec<u8>, mut x: u64) {
    while x >= 0x80 {
        b.push((x as u8) | 0x80);
        x >>= 7;
    }
    b.push(x as u8);
}

fn zigzag(x: i64) -> u64 {
    ((x << 1) ^ (x >> 63)) as u64
}

fn unzigzag(x: u64) -> i64 {
    ((x >> 1) as i64) ^ -((x & 1) as i64)
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let s = self.b.get(self.pos..self.pos + n)?;
        self.pos += n;
        Some(s)
    }

    fn u32(&mut self) -> Option<u32> {
        let s = self.take(4)?;
        Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }

    fn varint(&mut self) -> Option<u64> {
        let mut x = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.b.get(self.pos)?;
            self.pos += 1;
            x |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(x);
            }
        }
        None
    }
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

    /// The embedded model and the featurizer of the embedded lexicon, built once.
    fn embedded() -> &'static (std::sync::Arc<Model>, super::super::features::Featurizer) {
        static M: std::sync::OnceLock<(std::sync::Arc<Model>, super::super::features::Featurizer)> =
            std::sync::OnceLock::new();
        M.get_or_init(|| {
            let lex = crate::lexicon::Lexicon::embedded();
            (
                super::super::embedded_model(),
                super::super::features::Featurizer::new(&lex),
            )
        })
    }

    proptest::proptest! {
        /// Decoding with the unigram weights read by character gives the scores the
        /// hashed unigram keys give, on Han text, digits, Latin letters, punctuation
        /// and characters outside the index.
        #[test]
        fn unigrams_by_character_score_as_their_keys(
            text in "[惠济区委书记马军主持召开会议郑州市人民政府0-9a-zA-Z，。·《》\u{20000}-\u{20010}\u{3400}-\u{3410}]{0,40}",
        ) {
            let (model, feat) = embedded();
            let chars: Vec<char> = text.chars().map(super::super::lexmatch::fold).collect();
            let (mut keyed, mut by_char) = (Feats::default(), Feats::default());
            feat.features_chars(&chars, &mut keyed);
            feat.features_for_decoding(&chars, &mut by_char);
            proptest::prop_assert!(keyed.unigrams.is_empty());
            let padded = if chars.is_empty() { 0 } else { chars.len() + 4 };
            proptest::prop_assert_eq!(by_char.unigrams.len(), padded);
            let (mut a, mut b) = (Vec::new(), Vec::new());
            model.emissions(&keyed, &mut a);
            model.emissions(&by_char, &mut b);
            proptest::prop_assert_eq!(a, b);
        }
    }

    #[test]
    fn bytes_round_trip() {
        let mut trans = [[0; NL]; NL];
        trans[1][2] = 7;
        trans[0][3] = -4;
        let mut w = [0i16; NL];
        w[2] = -300;
        w[16] = 12;
        let m = Model::from_parts(vec![(42, w), (7, [1; NL])], trans, [3; NL]);
        let b = m.to_bytes();
        let back = Model::from_bytes(&b).unwrap();
        assert_eq!(back.features(), 2);
        assert_eq!(back.trans, trans);
        assert_eq!(back.lookup(42), Some(&w));
        assert_eq!(back.lookup(43), None);
        assert!(Model::from_bytes(&b[..20]).is_err());
        assert!(Model::from_bytes(b"nonsense").is_err());
        let again = Model::from_bytes(&back.to_bytes()).unwrap();
        assert_eq!(again.to_bytes(), b);
    }

    /// The file `zhkg train` wrote decodes to a model that encodes to the same bytes:
    /// the format reads and writes every field, in the order it was written.
    #[test]
    fn the_embedded_model_encodes_to_its_own_bytes() {
        let model = super::super::decode_embedded_model();
        assert!(model.features() > 100_000, "{}", model.features());
        assert!(model.to_bytes() == super::super::EMBEDDED_MODEL);
    }
}
