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
/// `keys[offsets[i]..offsets[i + 1]]`.
#[derive(Debug, Clone, Default)]
pub struct SentenceFeatures {
    /// Keys, position by position.
    pub keys: Vec<u32>,
    /// Offsets into `keys`, one more than there are characters.
    pub offsets: Vec<u32>,
    /// Empty, or (from [`Featurizer::features_for_decoding`]) the characters as the
    /// unigram templates see them, with two places of padding at either end: their
    /// keys are then left out of `keys`, and the model adds their weights from a table
    /// by character (see `Model::emissions`).
    pub unigrams: Vec<u32>,
}

impl SentenceFeatures {
    /// Number of positions.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Whether there are no positions.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The keys of position `i`.
    #[inline]
    pub fn at(&self, i: usize) -> &[u32] {
        &self.keys[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }
}

/// Template ids, hashed into every key: the values are part of the model file (a
/// change needs a new [`FEATURE_VERSION`]).
mod template {
    /// Fires at every position.
    pub const BIAS: u32 = 1;
    /// The character at window place 0..5 (this id plus the place).
    pub const UNIGRAM: u32 = 2;
    /// The characters at window places p and p + 1, p in 0..4 (this id plus p).
    pub const BIGRAM: u32 = 10;
    /// The characters just before and just after.
    pub const SKIP_BIGRAM: u32 = 15;
    /// The types of the character and of its neighbours.
    pub const CHAR_TYPES: u32 = 16;
    /// Which characters from two before to one after are surnames, with the
    /// character's type.
    pub const SURNAMES: u32 = 17;
    /// A lexicon word of a class, and of a length, starts here.
    pub const LEXICON_START: u32 = 20;
    /// A lexicon word of a class, and of a length, ends here.
    pub const LEXICON_END: u32 = 21;
    /// The character is inside a lexicon word of a class.
    pub const LEXICON_INSIDE: u32 = 22;
    /// A lexicon word of a class ends just before.
    pub const LEXICON_END_BEFORE: u32 = 23;
    /// A lexicon word of a class starts just after.
    pub const LEXICON_START_AFTER: u32 = 24;
    /// The character alone is a lexicon word of a class.
    pub const LEXICON_SINGLE: u32 = 25;
    /// The character with its two neighbours.
    pub const TRIGRAM: u32 = 26;
}

/// MurmurHash3's 64-bit finaliser, cut to 32 bits.
#[inline]
fn finalize(mut h: u64) -> u32 {
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

/// The key of template `t` with one value.
#[inline]
fn key1(t: u32, a: u32) -> u32 {
    finalize((u64::from(t) << 32) | u64::from(a))
}

#[inline]
fn mix(h: u64, x: u32) -> u64 {
    (h ^ u64::from(x))
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .rotate_left(31)
}

/// The key of template `t` with two values.
#[inline]
fn key2(t: u32, a: u32, b: u32) -> u32 {
    finalize(mix((u64::from(t) << 32) | u64::from(a), b))
}

/// The key of template `t` with three values.
#[inline]
fn key3(t: u32, a: u32, b: u32, c: u32) -> u32 {
    finalize(mix(mix((u64::from(t) << 32) | u64::from(a), b), c))
}

/// Number of unigram templates: one per place of the ±2 window.
pub(super) const UNIGRAMS: usize = 5;

/// The key of the unigram template at window place `place` (0..5) for character `c`.
#[inline]
pub(super) fn unigram_key(place: usize, c: u32) -> u32 {
    key1(template::UNIGRAM + place as u32, c)
}

/// The padding before the first character of a sentence.
const BEFORE_SENTENCE: char = '\u{2}';
/// The padding after the last character of a sentence.
const AFTER_SENTENCE: char = '\u{3}';

/// Character classes for the type feature.
#[inline]
pub fn char_type(c: char) -> u32 {
    match c {
        BEFORE_SENTENCE => 7,
        AFTER_SENTENCE => 8,
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
fn ngram_char(c: char) -> char {
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
    matches: LexiconMatches,
    /// The sentence as the n-gram templates see it, two places of padding at
    /// either end.
    padded: Vec<char>,
    /// Character types of `padded`.
    types: Vec<u32>,
    /// 1 for a surname, 0 otherwise, padded as `padded`.
    surname_flags: Vec<u32>,
}

thread_local! {
    static SCRATCH: std::cell::Cell<Scratch> = const {
        std::cell::Cell::new(Scratch {
            matches: LexiconMatches {
                start_mask: Vec::new(),
                end_mask: Vec::new(),
                inside: Vec::new(),
                single: Vec::new(),
                start_len: Vec::new(),
                end_len: Vec::new(),
                open: Vec::new(),
            },
            padded: Vec::new(),
            types: Vec::new(),
            surname_flags: Vec::new(),
        })
    };
}

/// The lexicon matches of a sentence, as class masks per position.
#[derive(Debug, Default)]
struct LexiconMatches {
    /// Classes of the words of two characters or more that start at a position.
    start_mask: Vec<u16>,
    /// Classes of the words of two characters or more that end at a position.
    end_mask: Vec<u16>,
    /// Classes of the words a position is strictly inside of.
    inside: Vec<u16>,
    /// Classes of the one-character words at a position.
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
    pub fn features(&self, text: &str, out: &mut SentenceFeatures) {
        let chars: Vec<char> = text.chars().map(fold).collect();
        self.features_chars(&chars, out);
    }

    /// The features of already folded characters.
    pub fn features_chars(&self, chars: &[char], out: &mut SentenceFeatures) {
        self.features_with(chars, out, true);
    }

    /// [`Featurizer::features_chars`] for decoding: the unigram keys are left out
    /// and the characters kept in [`SentenceFeatures::unigrams`] instead. A
    /// character's five unigram weight rows are then read from one place in the
    /// model, once for the five positions whose window holds it, rather than probed
    /// for one by one at each: the labeller waits on memory, and the unigram keys
    /// would be a third of its look-ups.
    pub fn features_for_decoding(&self, chars: &[char], out: &mut SentenceFeatures) {
        self.features_with(chars, out, false);
    }

    fn features_with(&self, chars: &[char], out: &mut SentenceFeatures, unigram_keys: bool) {
        let n = chars.len();
        out.keys.clear();
        out.offsets.clear();
        out.unigrams.clear();
        out.offsets.push(0);
        if n == 0 {
            return;
        }
        // About twenty keys a character: reserved once rather than grown by copies.
        out.keys.reserve(n * 24);
        out.offsets.reserve(n + 1);
        // Taken out of its cell rather than borrowed, so that a nested call could
        // never find it borrowed.
        let mut scratch = SCRATCH.take();
        self.keys(chars, &mut scratch, out, unigram_keys);
        SCRATCH.set(scratch);
    }

    fn keys(
        &self,
        chars: &[char],
        scratch: &mut Scratch,
        out: &mut SentenceFeatures,
        unigram_keys: bool,
    ) {
        let n = chars.len();
        let Scratch {
            matches,
            padded,
            types,
            surname_flags,
        } = scratch;
        self.lexicon_matches(chars, matches);
        // Every window reads the same characters: normalise, type and test each for a
        // surname once, two places of padding at either end.
        padded.clear();
        padded.extend([BEFORE_SENTENCE, BEFORE_SENTENCE]);
        padded.extend(chars.iter().map(|&c| ngram_char(c)));
        padded.extend([AFTER_SENTENCE, AFTER_SENTENCE]);
        types.clear();
        types.extend(padded.iter().map(|&c| char_type(c)));
        surname_flags.clear();
        surname_flags.extend([0, 0]);
        surname_flags.extend(chars.iter().map(|&c| u32::from(self.is_surname(c))));
        surname_flags.extend([0, 0]);
        if !unigram_keys {
            out.unigrams.extend(padded.iter().map(|&c| c as u32));
        }
        let classes = class::COUNT;
        for i in 0..n {
            // Characters i - 2 to i + 2.
            let window = &padded[i..i + 5];
            let (ty, sur) = (&types[i..i + 5], &surname_flags[i..i + 5]);
            let keys = &mut out.keys;
            keys.push(key1(template::BIAS, 0));
            if unigram_keys {
                for (place, c) in window.iter().enumerate() {
                    keys.push(unigram_key(place, *c as u32));
                }
            }
            for p in 0..4 {
                let (a, b) = (window[p] as u32, window[p + 1] as u32);
                keys.push(key2(template::BIGRAM + p as u32, a, b));
            }
            let (before, c, after) = (window[1] as u32, window[2] as u32, window[3] as u32);
            keys.push(key2(template::SKIP_BIGRAM, before, after));
            keys.push(key3(template::TRIGRAM, before, c, after));
            keys.push(key1(template::CHAR_TYPES, ty[1] * 100 + ty[2] * 10 + ty[3]));
            let surnames = sur[0] << 3 | sur[1] << 2 | sur[2] << 1 | sur[3];
            keys.push(key2(template::SURNAMES, surnames, ty[2]));
            for c in SetBits(matches.start_mask[i]) {
                let len = u32::from(matches.start_len[i * classes + c]).min(6);
                keys.push(key2(template::LEXICON_START, c as u32, len));
            }
            for c in SetBits(matches.end_mask[i]) {
                let len = u32::from(matches.end_len[i * classes + c]).min(6);
                keys.push(key2(template::LEXICON_END, c as u32, len));
            }
            for c in SetBits(matches.inside[i]) {
                keys.push(key1(template::LEXICON_INSIDE, c as u32));
            }
            for c in SetBits(matches.single[i]) {
                keys.push(key1(template::LEXICON_SINGLE, c as u32));
            }
            if i > 0 {
                for c in SetBits(matches.end_mask[i - 1]) {
                    keys.push(key1(template::LEXICON_END_BEFORE, c as u32));
                }
            }
            if i + 1 < n {
                for c in SetBits(matches.start_mask[i + 1]) {
                    keys.push(key1(template::LEXICON_START_AFTER, c as u32));
                }
            }
            out.offsets.push(keys.len() as u32);
        }
    }

    fn lexicon_matches(&self, chars: &[char], matches: &mut LexiconMatches) {
        let n = chars.len();
        let classes = class::COUNT;
        for v in [
            &mut matches.start_mask,
            &mut matches.end_mask,
            &mut matches.inside,
            &mut matches.single,
        ] {
            v.clear();
            v.resize(n, 0);
        }
        for v in [&mut matches.start_len, &mut matches.end_len] {
            v.clear();
            v.resize(n * classes, 0);
        }
        // Only `|=` and `max` below: the order matches come in does not matter.
        let LexiconMatches {
            start_mask,
            end_mask,
            inside,
            single,
            start_len,
            end_len,
            open,
        } = matches;
        self.trie
            .for_each_match_by_length(chars, open, |s, e, word_classes| {
                let len = (e - s) as u8;
                if len == 1 {
                    single[s] |= word_classes;
                    return;
                }
                start_mask[s] |= word_classes;
                end_mask[e - 1] |= word_classes;
                for c in SetBits(word_classes) {
                    let a = &mut start_len[s * classes + c];
                    *a = (*a).max(len);
                    let b = &mut end_len[(e - 1) * classes + c];
                    *b = (*b).max(len);
                }
                for x in &mut inside[s + 1..e - 1] {
                    *x |= word_classes;
                }
            });
    }
}

/// The set bits of a class mask, lowest first.
struct SetBits(u16);

impl Iterator for SetBits {
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
        let mut a = SentenceFeatures::default();
        f.features("惠济区委书记马军主持会议", &mut a);
        assert_eq!(a.len(), 12);
        let mut b = SentenceFeatures::default();
        f.features("惠济区委书记马军主持会议", &mut b);
        assert_eq!(a.keys, b.keys);
        assert!(a.keys.iter().all(|&k| k != 0));
        // The same character in the same window has the same n-gram keys.
        let mut c = SentenceFeatures::default();
        f.features("马军", &mut c);
        assert_eq!(c.len(), 2);
        assert!(SentenceFeatures::default().is_empty());
    }

    #[test]
    fn lexicon_features_fire() {
        let f = Featurizer::new(&Lexicon::embedded());
        let mut with = SentenceFeatures::default();
        f.features("郑州市", &mut with);
        // A place starts at 0: its key differs from the same text's unigram keys.
        let place_b = key2(template::LEXICON_START, class::PLACE.trailing_zeros(), 3);
        assert!(with.at(0).contains(&place_b));
    }

    #[test]
    fn char_types() {
        assert_eq!(char_type('中'), 0);
        assert_eq!(char_type('7'), 1);
        assert_eq!(char_type('·'), 6);
        assert_eq!(char_type('，'), 4);
    }

    #[test]
    fn decoding_features_are_the_keys_but_the_unigrams() {
        let f = Featurizer::new(&Lexicon::embedded());
        let chars: Vec<char> = "郑州市人民政府A1".chars().collect();
        let (mut keyed, mut decoding) = (SentenceFeatures::default(), SentenceFeatures::default());
        f.features_chars(&chars, &mut keyed);
        f.features_for_decoding(&chars, &mut decoding);
        assert_eq!(decoding.unigrams.len(), chars.len() + UNIGRAMS - 1);
        for i in 0..chars.len() {
            let (all, rest) = (keyed.at(i), decoding.at(i));
            // The bias first, then the unigrams of the window's five places.
            assert_eq!(all[0], rest[0]);
            let unigrams: Vec<u32> = (0..UNIGRAMS)
                .map(|place| unigram_key(place, decoding.unigrams[i + place]))
                .collect();
            assert_eq!(all[1..1 + UNIGRAMS], unigrams[..]);
            assert_eq!(all[1 + UNIGRAMS..], rest[1..]);
        }
    }

    #[test]
    fn template_ids_are_distinct() {
        use template::*;
        let mut ids = vec![
            BIAS,
            SKIP_BIGRAM,
            CHAR_TYPES,
            SURNAMES,
            LEXICON_START,
            LEXICON_END,
            LEXICON_INSIDE,
            LEXICON_END_BEFORE,
            LEXICON_START_AFTER,
            LEXICON_SINGLE,
            TRIGRAM,
        ];
        ids.extend((0..UNIGRAMS as u32).map(|place| UNIGRAM + place));
        ids.extend((0..4).map(|p| BIGRAM + p));
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }

    #[test]
    fn ngrams_see_digits_and_latin_letters_as_one_each() {
        assert_eq!(ngram_char('7'), '0');
        assert_eq!(ngram_char('q'), 'A');
        assert_eq!(ngram_char('Z'), 'A');
        assert_eq!(ngram_char('郑'), '郑');
        assert_eq!(ngram_char('，'), '，');
        assert_eq!(char_type(BEFORE_SENTENCE), 7);
        assert_eq!(char_type(AFTER_SENTENCE), 8);
        assert_eq!(char_type('万'), 3);
    }

    #[test]
    fn surnames_and_set_bits() {
        let f = Featurizer::new(&Lexicon::embedded());
        assert!(f.is_surname('王'));
        assert!(f.is_surname('李'));
        assert!(!f.is_surname('的'));
        assert!(!f.is_surname('A'));
        assert!(!f.is_surname('\u{20000}'));
        assert_eq!(SetBits(0b1010_0001).collect::<Vec<_>>(), [0, 5, 7]);
        assert_eq!(SetBits(0).count(), 0);
        assert_eq!(SetBits(1 << 15).collect::<Vec<_>>(), [15]);
    }
}
