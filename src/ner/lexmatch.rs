//! Lexicon matching for the sequence labeller: the project's lexicons (gazetteer,
//! posts, organ suffixes, abbreviations, surnames, cue words) and jieba's tagged
//! dictionary words come in as one character trie; for a sentence, every lexicon
//! word found in it goes out as (start, end, classes), found in one left-to-right
//! pass with no allocation per character.

use crate::lexicon::Lexicon;

/// Lexicon classes, one bit each in a match's class mask.
pub mod class {
    /// A gazetteer division, full or short name (惠济区, 惠济).
    pub const PLACE: u16 = 1 << 0;
    /// Countries, world cities, regions, rivers, mountains.
    pub const WORLD: u16 = 1 << 1;
    /// A one-word organisation or abbreviation (国台办).
    pub const ORG_ABBREV: u16 = 1 << 2;
    /// A post, with or without rank prefix (副市长).
    pub const TITLE: u16 = 1 << 3;
    /// An organ suffix (委员会, 分局).
    pub const ORG_SUFFIX: u16 = 1 << 4;
    /// jieba: person name (nr).
    pub const J_NR: u16 = 1 << 5;
    /// jieba: transliterated name (nrt).
    pub const J_NRT: u16 = 1 << 6;
    /// jieba: place (ns).
    pub const J_NS: u16 = 1 << 7;
    /// jieba: organisation (nt).
    pub const J_NT: u16 = 1 << 8;
    /// A word after a name that marks it as a person (同志, 说).
    pub const CUE: u16 = 1 << 9;
    /// A role verb (主持, 出席).
    pub const ROLE: u16 = 1 << 10;
    /// A double surname (欧阳).
    pub const SURNAME2: u16 = 1 << 11;
    /// An event head (会议, 仪式).
    pub const EVENT: u16 = 1 << 12;
    /// A word that is never a name (not_names.txt).
    pub const NOT_NAME: u16 = 1 << 13;
    /// How many classes there are.
    pub const COUNT: usize = 14;
}

/// jieba-rs's dictionary words tagged nr, nrt, ns or nt (see `scripts/gen_jieba_ner.sh`).
pub const JIEBA_NER: &str = include_str!("../../data/model/jieba_ner.txt");

/// Longest lexicon word considered, in characters.
pub const MAX_LEN: usize = 12;

/// A character trie: (node, char) → child in one open-addressing table.
#[derive(Debug, Clone)]
pub struct Trie {
    keys: Vec<u64>,
    vals: Vec<u32>,
    mask: usize,
    /// Class mask of the word ending at each node (0: none).
    classes: Vec<u16>,
    len: usize,
}

const EMPTY: u64 = u64::MAX;

#[inline]
fn slot_hash(k: u64) -> u64 {
    let h = k.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h ^ (h >> 29)
}

impl Trie {
    fn new() -> Trie {
        let cap = 1 << 10;
        Trie {
            keys: vec![EMPTY; cap],
            vals: vec![0; cap],
            mask: cap - 1,
            classes: vec![0],
            len: 0,
        }
    }

    #[inline]
    fn key(node: u32, c: char) -> u64 {
        (u64::from(node) << 21) | u64::from(c as u32)
    }

    /// The child of `node` along `c`.
    #[inline]
    pub fn child(&self, node: u32, c: char) -> Option<u32> {
        let k = Self::key(node, c);
        let mut i = slot_hash(k) as usize & self.mask;
        loop {
            let s = self.keys[i];
            if s == k {
                return Some(self.vals[i]);
            }
            if s == EMPTY {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    fn grow(&mut self) {
        let cap = self.keys.len() * 2;
        let old_keys = std::mem::replace(&mut self.keys, vec![EMPTY; cap]);
        let old_vals = std::mem::replace(&mut self.vals, vec![0; cap]);
        self.mask = cap - 1;
        for (k, v) in old_keys.into_iter().zip(old_vals) {
            if k != EMPTY {
                self.put(k, v);
            }
        }
    }

    fn put(&mut self, k: u64, v: u32) {
        let mut i = slot_hash(k) as usize & self.mask;
        while self.keys[i] != EMPTY {
            i = (i + 1) & self.mask;
        }
        self.keys[i] = k;
        self.vals[i] = v;
    }

    /// Adds a word with its classes.
    pub fn insert(&mut self, word: &str, classes: u16) {
        let n = word.chars().count();
        if n == 0 || n > MAX_LEN {
            return;
        }
        let mut node = 0u32;
        for c in word.chars().map(fold) {
            node = match self.child(node, c) {
                Some(x) => x,
                None => {
                    if (self.len + 1) * 2 > self.keys.len() {
                        self.grow();
                    }
                    let id = self.classes.len() as u32;
                    self.classes.push(0);
                    self.put(Self::key(node, c), id);
                    self.len += 1;
                    id
                }
            };
        }
        self.classes[node as usize] |= classes;
    }

    /// Builds the trie from the lexicons and jieba's tagged words.
    pub fn from_lexicon(lex: &Lexicon) -> Trie {
        let mut t = Trie::new();
        for (name, place) in &lex.places {
            let class = match place.level {
                crate::lexicon::PlaceLevel::Other => class::WORLD,
                _ => class::PLACE,
            };
            t.insert(name, class);
        }
        for short in lex.place_short.keys() {
            t.insert(short, class::PLACE);
        }
        for w in lex.org_abbrev.keys() {
            t.insert(w, class::ORG_ABBREV);
        }
        for head in lex.titles.keys() {
            t.insert(head, class::TITLE);
            for p in &lex.title_prefixes {
                t.insert(&format!("{p}{head}"), class::TITLE);
            }
        }
        for (s, _) in &lex.org_suffixes {
            t.insert(s, class::ORG_SUFFIX);
        }
        for w in &lex.person_cues {
            t.insert(w, class::CUE);
        }
        for w in lex.role_verbs.keys() {
            t.insert(w, class::ROLE);
        }
        for w in &lex.double_surnames {
            t.insert(w, class::SURNAME2);
        }
        for (h, _) in &lex.events {
            t.insert(h, class::EVENT);
        }
        for w in &lex.not_names {
            t.insert(w, class::NOT_NAME);
        }
        for line in JIEBA_NER.lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut it = line.split('\t');
            let (Some(w), Some(tag)) = (it.next(), it.next()) else {
                continue;
            };
            let c = match tag {
                "nr" => class::J_NR,
                "nrt" => class::J_NRT,
                "ns" => class::J_NS,
                "nt" => class::J_NT,
                _ => continue,
            };
            t.insert(w, c);
        }
        t
    }

    /// Calls `f(start, end, classes)` for every lexicon word in `chars` (already folded).
    pub fn for_each_match(&self, chars: &[char], mut f: impl FnMut(usize, usize, u16)) {
        for s in 0..chars.len() {
            let mut node = 0u32;
            for (e, &c) in chars.iter().enumerate().skip(s).take(MAX_LEN) {
                match self.child(node, c) {
                    Some(x) => node = x,
                    None => break,
                }
                let cl = self.classes[node as usize];
                if cl != 0 {
                    f(s, e + 1, cl);
                }
            }
        }
    }
}

/// Folds a character for matching and features: full-width ASCII to half-width,
/// ideographic space to space.
#[inline]
pub fn fold(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_lexicon_words_with_classes() {
        let lex = Lexicon::embedded();
        let t = Trie::from_lexicon(&lex);
        let chars: Vec<char> = "惠济区委书记马军".chars().collect();
        let mut found = Vec::new();
        t.for_each_match(&chars, |s, e, c| found.push((s, e, c)));
        assert!(found
            .iter()
            .any(|&(s, e, c)| (s, e) == (0, 3) && c & class::PLACE != 0));
        assert!(found
            .iter()
            .any(|&(s, e, c)| (s, e) == (4, 6) && c & class::TITLE != 0));
    }

    #[test]
    fn fold_maps_full_width() {
        assert_eq!(fold('Ａ'), 'A');
        assert_eq!(fold('１'), '1');
        assert_eq!(fold('中'), '中');
    }
}
