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
    pub const ORGANIZATION_ABBREVIATION: u16 = 1 << 2;
    /// A post, with or without rank prefix (副市长).
    pub const TITLE: u16 = 1 << 3;
    /// An organ suffix (委员会, 分局).
    pub const ORGAN_SUFFIX: u16 = 1 << 4;
    /// A word jieba tags as a person name (nr).
    pub const JIEBA_PERSON: u16 = 1 << 5;
    /// A word jieba tags as a transliterated name (nrt).
    pub const JIEBA_TRANSLITERATED: u16 = 1 << 6;
    /// A word jieba tags as a place (ns).
    pub const JIEBA_PLACE: u16 = 1 << 7;
    /// A word jieba tags as an organisation (nt).
    pub const JIEBA_ORGANIZATION: u16 = 1 << 8;
    /// A word after a name that marks it as a person (同志, 说).
    pub const CUE: u16 = 1 << 9;
    /// A role verb (主持, 出席).
    pub const ROLE: u16 = 1 << 10;
    /// A double surname (欧阳).
    pub const DOUBLE_SURNAME: u16 = 1 << 11;
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
pub const MAX_WORD_CHARS: usize = 12;

/// A character trie: (node, char) → child in one open-addressing table.
///
/// Built with a table of (key, child, classes) slots; then frozen into the table
/// matching reads, of one `u64` a slot: the key (parent node and character) and
/// the classes of the word ending at the child, whose node id is the slot's
/// index. Matching mostly misses the caches, and the smaller the table, the
/// fewer misses.
#[derive(Debug, Clone)]
pub struct Trie {
    /// The building table (emptied by `freeze`).
    slots: Vec<Slot>,
    /// The building table's capacity (a power of two) less one.
    slots_mask: usize,
    /// Nodes so far, the root included.
    nodes: u32,
    /// Edges in the building table.
    edges: usize,
    /// The frozen table: `char | parent << 21 | classes << CLASS_SHIFT`.
    table: Vec<u64>,
    /// The frozen table's capacity (a power of two) less one.
    table_mask: usize,
    /// The frozen children of the root by character, for characters below
    /// `ROOT_DIRECT`, as `child | classes << 32` (`EMPTY`: none): every match
    /// takes this step first, and this table mostly stays in cache.
    root: Vec<u64>,
}

/// The node id of the root in the frozen table (one past its last slot).
const fn root_id(table_mask: usize) -> u32 {
    table_mask as u32 + 1
}

/// Where the classes start in a frozen slot; below are the character (21 bits)
/// and the parent (up to 24 bits).
const CLASS_SHIFT: u32 = 45;
const KEY_BITS: u64 = (1 << CLASS_SHIFT) - 1;

#[derive(Debug, Clone, Copy)]
struct Slot {
    key: u64,
    child: u32,
    /// Class mask of the word ending at `child` (0: none).
    class: u16,
}

const EMPTY: u64 = u64::MAX;
const FREE: Slot = Slot {
    key: EMPTY,
    child: 0,
    class: 0,
};

/// Characters below this have their root step in a table of their own (all of the
/// common CJK block).
const ROOT_DIRECT: usize = 0xA000;

#[inline]
fn slot_hash(k: u64) -> u64 {
    let h = k.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h ^ (h >> 29)
}

impl Trie {
    fn new() -> Trie {
        let cap = 1 << 10;
        Trie {
            slots: vec![FREE; cap],
            slots_mask: cap - 1,
            nodes: 1,
            edges: 0,
            table: Vec::new(),
            table_mask: 0,
            root: Vec::new(),
        }
    }

    /// Moves the building table into the frozen one, node ids becoming slot
    /// indices: nodes are placed in the order they were made, so a parent's slot
    /// is known before its children's keys are hashed.
    fn freeze(&mut self) {
        let mut edges: Vec<Slot> = std::mem::take(&mut self.slots)
            .into_iter()
            .filter(|s| s.key != EMPTY)
            .collect();
        edges.sort_unstable_by_key(|s| s.child);
        // Up to about three fifths full: probes stay short and mostly in one line.
        let cap = (edges.len() * 5 / 3 + 1).next_power_of_two().max(16);
        assert!(cap < 1 << 24, "lexicon trie too large");
        self.table_mask = cap - 1;
        let root = root_id(self.table_mask);
        self.table = vec![EMPTY; cap];
        self.root = vec![EMPTY; ROOT_DIRECT];
        let mut id = vec![0u32; self.nodes as usize];
        id[0] = root;
        for e in edges {
            let parent = id[(e.key >> 21) as usize];
            let c = e.key & 0x1F_FFFF;
            let k = u64::from(parent) << 21 | c;
            let mut i = slot_hash(k) as usize & self.table_mask;
            while self.table[i] != EMPTY {
                i = (i + 1) & self.table_mask;
            }
            self.table[i] = k | u64::from(e.class) << CLASS_SHIFT;
            id[e.child as usize] = i as u32;
            if parent == root && (c as usize) < ROOT_DIRECT {
                self.root[c as usize] = i as u64 | u64::from(e.class) << 32;
            }
        }
    }

    #[inline]
    fn key(node: u32, c: char) -> u64 {
        (u64::from(node) << 21) | u64::from(c as u32)
    }

    /// The slot of the child of `node` along `c`.
    #[inline]
    fn find(&self, node: u32, c: char) -> Option<usize> {
        let k = Self::key(node, c);
        let mut i = slot_hash(k) as usize & self.slots_mask;
        loop {
            let s = self.slots[i].key;
            if s == k {
                return Some(i);
            }
            if s == EMPTY {
                return None;
            }
            i = (i + 1) & self.slots_mask;
        }
    }

    /// The child of `node` along `c` (building).
    #[inline]
    fn child(&self, node: u32, c: char) -> Option<u32> {
        self.find(node, c).map(|i| self.slots[i].child)
    }

    /// The child of `node` along `c` with its classes (frozen).
    #[inline]
    fn step(&self, node: u32, c: char) -> Option<(u32, u16)> {
        if node == root_id(self.table_mask) && (c as usize) < ROOT_DIRECT {
            let s = self.root[c as usize];
            return (s != EMPTY).then_some((s as u32, (s >> 32) as u16));
        }
        let k = Self::key(node, c);
        let mut i = slot_hash(k) as usize & self.table_mask;
        loop {
            let s = self.table[i];
            if s & KEY_BITS == k {
                return Some((i as u32, (s >> CLASS_SHIFT) as u16));
            }
            if s == EMPTY {
                return None;
            }
            i = (i + 1) & self.table_mask;
        }
    }

    /// The frozen slot a step from `node` along `c` probes first.
    #[inline]
    fn first_slot(&self, node: u32, c: char) -> &u64 {
        &self.table[slot_hash(Self::key(node, c)) as usize & self.table_mask]
    }

    fn grow(&mut self) {
        let cap = self.slots.len() * 2;
        let old = std::mem::replace(&mut self.slots, vec![FREE; cap]);
        self.slots_mask = cap - 1;
        for s in old {
            if s.key != EMPTY {
                self.put(s);
            }
        }
    }

    fn put(&mut self, s: Slot) {
        let mut i = slot_hash(s.key) as usize & self.slots_mask;
        while self.slots[i].key != EMPTY {
            i = (i + 1) & self.slots_mask;
        }
        self.slots[i] = s;
    }

    /// Adds a word with its classes.
    fn insert(&mut self, word: &str, classes: u16) {
        let n = word.chars().count();
        if n == 0 || n > MAX_WORD_CHARS {
            return;
        }
        let (mut parent, mut node, mut last) = (0u32, 0u32, '\0');
        for c in word.chars().map(fold) {
            parent = node;
            last = c;
            node = match self.child(node, c) {
                Some(x) => x,
                None => {
                    if (self.edges + 1) * 2 > self.slots.len() {
                        self.grow();
                    }
                    let id = self.nodes;
                    self.nodes += 1;
                    self.put(Slot {
                        key: Self::key(node, c),
                        child: id,
                        class: 0,
                    });
                    self.edges += 1;
                    id
                }
            };
        }
        if let Some(i) = self.find(parent, last) {
            self.slots[i].class |= classes;
        }
    }

    /// Builds the trie from the lexicons and jieba's tagged words.
    pub fn from_lexicon(lex: &Lexicon) -> Trie {
        let mut t = Trie::new();
        for (name, place) in lex.places() {
            let class = match place.level {
                crate::lexicon::PlaceLevel::Other => class::WORLD,
                _ => class::PLACE,
            };
            t.insert(name, class);
        }
        for short in lex.place_short().keys() {
            t.insert(short, class::PLACE);
        }
        for w in lex.org_abbrev().keys() {
            t.insert(w, class::ORGANIZATION_ABBREVIATION);
        }
        for head in lex.titles().keys() {
            t.insert(head, class::TITLE);
            for p in lex.title_prefixes() {
                t.insert(&format!("{p}{head}"), class::TITLE);
            }
        }
        for (s, _) in lex.org_suffixes() {
            t.insert(s, class::ORGAN_SUFFIX);
        }
        for w in lex.person_cues() {
            t.insert(w, class::CUE);
        }
        for w in lex.role_verbs().keys() {
            t.insert(w, class::ROLE);
        }
        for w in lex.double_surnames() {
            t.insert(w, class::DOUBLE_SURNAME);
        }
        for (h, _) in lex.events() {
            t.insert(h, class::EVENT);
        }
        for w in lex.not_names() {
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
                "nr" => class::JIEBA_PERSON,
                "nrt" => class::JIEBA_TRANSLITERATED,
                "ns" => class::JIEBA_PLACE,
                "nt" => class::JIEBA_ORGANIZATION,
                _ => continue,
            };
            t.insert(w, c);
        }
        t.freeze();
        t
    }

    /// Calls `f(start, end, classes)` for every lexicon word in `chars` (already
    /// folded), by start and then end. The features take them from
    /// `for_each_match_by_length`, which finds the same words faster.
    pub fn for_each_match(&self, chars: &[char], mut f: impl FnMut(usize, usize, u16)) {
        let root = root_id(self.table_mask);
        for s in 0..chars.len() {
            let mut node = root;
            for (e, &c) in chars.iter().enumerate().skip(s).take(MAX_WORD_CHARS) {
                match self.step(node, c) {
                    Some((x, classes)) => {
                        node = x;
                        if classes != 0 {
                            f(s, e + 1, classes);
                        }
                    }
                    None => break,
                }
            }
        }
    }

    /// Calls `f(start, end, classes)` for every lexicon word in `chars` (already
    /// folded), as [`Trie::for_each_match`] but shortest words first: one step of
    /// every match still open is taken before the next, so the table line of a
    /// step can be asked for a few matches ahead (`open` is scratch space).
    pub(crate) fn for_each_match_by_length(
        &self,
        chars: &[char],
        open: &mut Vec<(u32, u32)>,
        mut f: impl FnMut(usize, usize, u16),
    ) {
        const AHEAD: usize = 8;
        open.clear();
        for (s, &c) in chars.iter().enumerate() {
            if let Some((x, classes)) = self.step(root_id(self.table_mask), c) {
                if classes != 0 {
                    f(s, s + 1, classes);
                }
                open.push((s as u32, x));
            }
        }
        for d in 1..MAX_WORD_CHARS {
            let mut kept = 0;
            for j in 0..open.len() {
                if let Some(&(s, x)) = open.get(j + AHEAD) {
                    if let Some(&c) = chars.get(s as usize + d) {
                        prefetch(self.first_slot(x, c));
                    }
                }
                let (s, x) = open[j];
                let Some(&c) = chars.get(s as usize + d) else {
                    continue;
                };
                if let Some((child, class)) = self.step(x, c) {
                    if class != 0 {
                        f(s as usize, s as usize + d + 1, class);
                    }
                    open[kept] = (s, child);
                    kept += 1;
                }
            }
            open.truncate(kept);
            if open.is_empty() {
                break;
            }
        }
    }
}

/// Asks for the cache line of `x` ahead of its use (the labeller's tables are larger
/// than the caches: see `Trie::for_each_match_by_length` and `Model::emissions`).
#[inline]
pub(super) fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is a hint that reads nothing and cannot fault; the
    // pointer comes from a live reference.
    unsafe {
        std::arch::x86_64::_mm_prefetch(
            (x as *const T).cast::<i8>(),
            std::arch::x86_64::_MM_HINT_T0,
        );
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

/// Folds a character for matching and features: full-width ASCII to half-width,
/// ideographic space to space.
#[inline]
pub fn fold(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        // The geta mark stands in for a space in GB-encoded news (新华社北京８月４日电〓…).
        '\u{3000}' | '\u{3013}' => ' ',
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
    fn matching_by_length_finds_the_same_words() {
        let t = Trie::from_lexicon(&Lexicon::embedded());
        let mut open = Vec::new();
        for text in [
            "惠济区委书记马军主持召开党政联席会议",
            "郑州市人民政府办公厅印发通知，金水区副区长丁文霞出席",
            "",
            "ＡＢＣ１２３中华人民共和国国务院总理",
        ] {
            let chars: Vec<char> = text.chars().map(fold).collect();
            let mut plain = Vec::new();
            t.for_each_match(&chars, |s, e, c| plain.push((s, e, c)));
            let mut by_length = Vec::new();
            t.for_each_match_by_length(&chars, &mut open, |s, e, c| by_length.push((s, e, c)));
            by_length.sort();
            assert_eq!(by_length, plain, "{text}");
        }
    }

    #[test]
    fn fold_maps_full_width() {
        assert_eq!(fold('Ａ'), 'A');
        assert_eq!(fold('１'), '1');
        assert_eq!(fold('中'), '中');
        assert_eq!(fold('〓'), ' ');
    }

    #[test]
    fn a_word_gets_every_class_it_was_added_with() {
        let mut t = Trie::new();
        t.insert("郑州", class::PLACE);
        t.insert("郑州", class::JIEBA_PLACE);
        t.insert("郑州市", class::WORLD);
        // Longer than any word considered: never matched.
        t.insert(&"长".repeat(MAX_WORD_CHARS + 1), class::TITLE);
        t.freeze();
        let mut found = Vec::new();
        t.for_each_match(&"郑州市".chars().collect::<Vec<_>>(), |s, e, c| {
            found.push((s, e, c))
        });
        assert_eq!(
            found,
            [
                (0, 2, class::PLACE | class::JIEBA_PLACE),
                (0, 3, class::WORLD)
            ]
        );
        let long: Vec<char> = "长".repeat(MAX_WORD_CHARS + 1).chars().collect();
        let mut any = false;
        t.for_each_match(&long, |_, _, _| any = true);
        assert!(!any);
        assert_eq!(fold('\u{3000}'), ' ');
        assert_eq!(fold('，'), ',');
    }
}
