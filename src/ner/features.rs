//! Features of the sequence labeller: a sentence's characters come in; for every
//! character a short list of 32-bit feature keys goes out (hashes of a template id
//! and its values): character n-grams in a ±2 window, character types, surname
//! flags and lexicon matches (a gazetteer entry starts/ends/continues here, a post
//! ends just before, an organ suffix ends here…). The keys of a whole sentence live
//! in one flat vector: no allocation per character.

use super::lexmatch::{class, fold, Trie};
use crate::lexicon::Lexicon;

/// Bump when the templates change: a model trained on other templates is refused.
pub const FEATURE_VERSION: u32 = 2;

/// The feature keys of one sentence: those of character `i` are
/// `keys[offs[i]..offs[i + 1]]`.
#[derive(Debug, Clone, Default)]
pub struct Feats {
    /// Keys, position by position.
    pub keys: Vec<u32>,
    /// Offsets into `keys`, one more than there are characters.
    pub offs: Vec<u32>,
    /// Empty, or (from [`Featurizer::features_for_decoding`]) the characters as the
    /// unigram templates see them, with two places of padding at either end: their
    /// keys are then left out of `keys`, and the model adds their weights from a table
    /// by character (see `Model::emissions`).
    pub unigrams: Vec<u32>,
}

impl Feats {
    /// Number of positions.
    pub fn len(&self) -> usize {
        self.offs.len().saturating_sub(1)
    }

    /// Whether there are no positions.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The keys of position `i`.
    #[inline]
    pub fn at(&self, i: usize) -> &[u32] {
        &self.keys[self.offs[i] as usize..self.offs[i + 1] as usize]
    }
}

/// Template ids.
mod t {
    pub const BIAS: u32 = 1;
    pub const U: u32 = 2; // + offset 0..5
    pub const BI: u32 = 10; // + offset 0..4
    pub const SKIP: u32 = 15;
    pub const TYPES: u32 = 16;
    pub const SUR: u32 = 17;
    pub const LEX_B: u32 = 20;
    pub const LEX_E: u32 = 21;
    pub const LEX_M: u32 = 22;
    pub const LEX_PREV_END: u32 = 23;
    pub const LEX_NEXT_START: u32 = 24;
    pub const LEX_S: u32 = 25;
    pub const TRI: u32 = 26;
}

#[inline]
fn fmix(mut h: u64) -> u32 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    let k = h as u32;
    // 0 marks an empty slot in the model's table.
    if k == 0 {
        1
    } else {
        k
    }
}

#[inline]
fn key1(t: u32, a: u32) -> u32 {
    fmix((u64::from(t) << 32) | u64::from(a))
}

#[inline]
fn mix(h: u64, x: u32) -> u64 {
    (h ^ u64::from(x))
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .rotate_left(31)
}

#[inline]
fn key2(t: u32, a: u32, b: u32) -> u32 {
    fmix(mix((u64::from(t) << 32) | u64::from(a), b))
}

#[inline]
fn key3(t: u32, a: u32, b: u32, c: u32) -> u32 {
    fmix(mix(mix((u64::from(t) << 32) | u64::from(a), b), c))
}

/// Number of unigram templates: one per place of the ±2 window.
pub(super) const UNIGRAMS: usize = 5;

/// The key of the unigram template at window place `place` (0..5) for character `c`.
#[inline]
pub(super) fn unigram_key(place: usize, c: u32) -> u32 {
    key1(t::U + place as u32, c)
}

/// Padding characters outside the sentence.
const BOS: char = '\u{2}';
const EOS: char = '\u{3}';

/// Character classes for the type feature.
#[inline]
pub fn char_type(c: char) -> u32 {
    match c {
        BOS => 7,
        EOS => 8,
        '0'..='9' => 1,
        'a'..='z' | 'A'..='Z' => 2,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千'
        | '万' | '亿' | '零' | '〇' | '两' => 3,
        '·' | '•' | '・' => 6,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => 0,
        c if c.is_whitespace() || c.is_ascii_punctuation() => 4,
        c if ('\u{3000}'..='\u{303F}').contains(&c) || ('\u{FF00}'..='\u{FFEF}').contains(&c) => 4,
        '“' | '”' | '‘' | '’' | '—' | '…' => 4,
        _ => 5,
    }
}

/// Characters as the n-gram templates see them: digits as 0, Latin letters as A.
#[inline]
fn norm(c: char) -> char {
    match c {
        '0'..='9' => '0',
        'a'..='z' | 'A'..='Z' => 'A',
        _ => c,
    }
}

/// Turns sentences into feature keys. Build once per lexicon; share across threads.
#[derive(Debug, Clone)]
pub struct Featurizer {
    trie: Trie,
    /// Single-character surnames as a bitset over the CJK block.
    surnames: Vec<u64>,
}

const CJK_BASE: u32 = 0x3400;
const CJK_END: u32 = 0xA000;

/// Per-thread scratch of [`Featurizer::features_chars`], kept from sentence to
/// sentence: fresh memory for every sentence costs page faults.
#[derive(Debug, Default)]
struct Scratch {
    lx: Lex,
    /// The sentence normalised, two places of padding at either end.
    pad: Vec<char>,
    /// Character types of `pad`.
    ty: Vec<u32>,
    /// Surname flags, padded as `pad`.
    sur: Vec<u32>,
}

thread_local! {
    static SCRATCH: std::cell::Cell<Scratch> = const {
        std::cell::Cell::new(Scratch {
            lx: Lex {
                start_mask: Vec::new(),
                end_mask: Vec::new(),
                inside: Vec::new(),
                single: Vec::new(),
                start_len: Vec::new(),
                end_len: Vec::new(),
                open: Vec::new(),
            },
            pad: Vec::new(),
            ty: Vec::new(),
            sur: Vec::new(),
        })
    };
}

/// Lexicon matches of a sentence.
#[derive(Debug, Default)]
struct Lex {
    start_mask: Vec<u16>,
    end_mask: Vec<u16>,
    inside: Vec<u16>,
    single: Vec<u16>,
    /// Longest match of each class starting (`start_len`) or ending (`end_len`) at a
    /// position: `[pos * COUNT + class]`.
    start_len: Vec<u8>,
    end_len: Vec<u8>,
    /// Scratch of the trie's matcher.
    open: Vec<(u32, u32)>,
}

impl Featurizer {
    /// Builds the lexicon trie and the surname table.
    pub fn new(lex: &Lexicon) -> Featurizer {
        let mut surnames = vec![0u64; ((CJK_END - CJK_BASE) as usize).div_ceil(64)];
        for &c in lex.surnames() {
            let u = c as u32;
            if (CJK_BASE..CJK_END).contains(&u) {
                let i = (u - CJK_BASE) as usize;
                surnames[i / 64] |= 1 << (i % 64);
            }
        }
        Featurizer {
            trie: Trie::from_lexicon(lex),
            surnames,
        }
    }

    /// Whether `c` is a single-character surname of the lexicon.
    #[inline]
    pub(super) fn is_surname(&self, c: char) -> bool {
        let u = c as u32;
        if !(CJK_BASE..CJK_END).contains(&u) {
            return false;
        }
        let i = (u - CJK_BASE) as usize;
        self.surnames[i / 64] & (1 << (i % 64)) != 0
    }

    /// The features of `text`, one position per character.
    pub fn features(&self, text: &str, out: &mut Feats) {
        let chars: Vec<char> = text.chars().map(fold).collect();
        self.features_chars(&chars, out);
    }

    /// The features of already folded characters.
    pub fn features_chars(&self, chars: &[char], out: &mut Feats) {
        self.features_with(chars, out, true);
    }

    /// [`Featurizer::features_chars`] for decoding: the unigram keys are left out and
    /// the characters kept in [`Feats::unigrams`] instead. A character's five unigram
    /// weight rows are then read from one place in the model, once for the five
    /// positions whose window holds it, instead of probed for one by one at each:
    /// the labeller waits on memory, and these were a third of its look-ups.
    pub fn features_for_decoding(&self, chars: &[char], out: &mut Feats) {
        self.features_with(chars, out, false);
    }

    fn features_with(&self, chars: &[char], out: &mut Feats, unigram_keys: bool) {
        let n = chars.len();
        out.keys.clear();
        out.offs.clear();
        out.unigrams.clear();
        out.offs.push(0);
        if n == 0 {
            return;
        }
        // About twenty keys a character: reserved once rather than grown by copies.
        out.keys.reserve(n * 24);
        out.offs.reserve(n + 1);
        // Taken out of its cell rather than borrowed, so that a nested call could
        // never find it borrowed.
        let mut scratch = SCRATCH.take();
        self.keys(chars, &mut scratch, out, unigram_keys);
        SCRATCH.set(scratch);
    }

    fn keys(&self, chars: &[char], scratch: &mut Scratch, out: &mut Feats, unigram_keys: bool) {
        let n = chars.len();
        let Scratch { lx, pad, ty, sur } = scratch;
        self.lex_matches(chars, lx);
        // Every window reads the same characters: normalise, type and test each for a
        // surname once, two places of padding at either end.
        pad.clear();
        pad.extend([BOS, BOS]);
        pad.extend(chars.iter().map(|&c| norm(c)));
        pad.extend([EOS, EOS]);
        ty.clear();
        ty.extend(pad.iter().map(|&c| char_type(c)));
        sur.clear();
        sur.extend([0, 0]);
        sur.extend(chars.iter().map(|&c| u32::from(self.is_surname(c))));
        sur.extend([0, 0]);
        if !unigram_keys {
            out.unigrams.extend(pad.iter().map(|&c| c as u32));
        }
        for i in 0..n {
            let w = &pad[i..i + 5];
            let k = &mut out.keys;
            k.push(key1(t::BIAS, 0));
            if unigram_keys {
                for (o, c) in w.iter().enumerate() {
                    k.push(unigram_key(o, *c as u32));
                }
            }
            for o in 0..4 {
                k.push(key2(t::BI + o as u32, w[o] as u32, w[o + 1] as u32));
            }
            k.push(key2(t::SKIP, w[1] as u32, w[3] as u32));
            k.push(key3(t::TRI, w[1] as u32, w[2] as u32, w[3] as u32));
            k.push(key1(t::TYPES, ty[i + 1] * 100 + ty[i + 2] * 10 + ty[i + 3]));
            let bits = sur[i] << 3 | sur[i + 1] << 2 | sur[i + 2] << 1 | sur[i + 3];
            k.push(key2(t::SUR, bits, ty[i + 2]));
            // Lexicon.
            let cnt = class::COUNT;
            let sm = lx.start_mask[i];
            for c in Bits(sm) {
                let len = u32::from(lx.start_len[i * cnt + c]).min(6);
                k.push(key2(t::LEX_B, c as u32, len));
            }
            for c in Bits(lx.end_mask[i]) {
                let len = u32::from(lx.end_len[i * cnt + c]).min(6);
                k.push(key2(t::LEX_E, c as u32, len));
            }
            for c in Bits(lx.inside[i]) {
                k.push(key1(t::LEX_M, c as u32));
            }
            for c in Bits(lx.single[i]) {
                k.push(key1(t::LEX_S, c as u32));
            }
            if i > 0 {
                for c in Bits(lx.end_mask[i - 1]) {
                    k.push(key1(t::LEX_PREV_END, c as u32));
                }
            }
            if i + 1 < n {
                for c in Bits(lx.start_mask[i + 1]) {
                    k.push(key1(t::LEX_NEXT_START, c as u32));
                }
            }
            out.offs.push(k.len() as u32);
        }
    }

    fn lex_matches(&self, chars: &[char], lx: &mut Lex) {
        let n = chars.len();
        let cnt = class::COUNT;
        for v in [
            &mut lx.start_mask,
            &mut lx.end_mask,
            &mut lx.inside,
            &mut lx.single,
        ] {
            v.clear();
            v.resize(n, 0);
        }
        for v in [&mut lx.start_len, &mut lx.end_len] {
            v.clear();
            v.resize(n * cnt, 0);
        }
        // Only `|=` and `max` below: the order matches come in does not matter.
        let Lex {
            start_mask,
            end_mask,
            inside,
            single,
            start_len,
            end_len,
            open,
        } = lx;
        self.trie.for_each_match_by_length(chars, open, |s, e, cl| {
            let len = (e - s) as u8;
            if len == 1 {
                single[s] |= cl;
                return;
            }
            start_mask[s] |= cl;
            end_mask[e - 1] |= cl;
            for c in Bits(cl) {
                let a = &mut start_len[s * cnt + c];
                *a = (*a).max(len);
                let b = &mut end_len[(e - 1) * cnt + c];
                *b = (*b).max(len);
            }
            for x in &mut inside[s + 1..e - 1] {
                *x |= cl;
            }
        });
    }
}

/// The set bits of a class mask, lowest first.
struct Bits(u16);

impl Iterator for Bits {
    type Item = usize;
    #[inline]
    fn next(&mut self) -> Option<usize> {
        if self.0 == 0 {
            return None;
        }
        let b = self.0.trailing_zeros() as usize;
        self.0 &= self.0 - 1;
        Some(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_position_per_character_and_deterministic_keys() {
        let f = Featurizer::new(&Lexicon::embedded());
        let mut a = Feats::default();
        f.features("惠济区委书记马军主持会议", &mut a);
        assert_eq!(a.len(), 12);
        let mut b = Feats::default();
        f.features("惠济区委书记马军主持会议", &mut b);
        assert_eq!(a.keys, b.keys);
        assert!(a.keys.iter().all(|&k| k != 0));
        // The same character in the same window has the same n-gram keys.
        let mut c = Feats::default();
        f.features("马军", &mut c);
        assert_eq!(c.len(), 2);
        assert!(Feats::default().is_empty());
    }

    #[test]
    fn lexicon_features_fire() {
        let f = Featurizer::new(&Lexicon::embedded());
        let mut with = Feats::default();
        f.features("郑州市", &mut with);
        // A place starts at 0: its key differs from the same text's unigram keys.
        let place_b = key2(t::LEX_B, class::PLACE.trailing_zeros(), 3);
        assert!(with.at(0).contains(&place_b));
    }

    #[test]
    fn char_types() {
        assert_eq!(char_type('中'), 0);
        assert_eq!(char_type('7'), 1);
        assert_eq!(char_type('·'), 6);
        assert_eq!(char_type('，'), 4);
    }
}
