//! The hash indexes every look-up of a [`super::Lexicon`] goes through: the strings of
//! a list by value for prefix and suffix probes, and one map saying which tables hold a
//! word.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Strings of one list by value, for look-ups of a word's prefixes or suffixes: one
/// hash probe per length present in the list instead of a scan of the list.
#[derive(Debug, Clone, Default)]
pub(super) struct AffixIndex {
    /// Position in the list of each string (the first, should one repeat).
    pub(super) pos: HashMap<String, usize>,
    /// The lengths in characters present, longest first.
    pub(super) lens: Vec<usize>,
    /// The last characters of the strings, each with the lengths (longest first, and
    /// 0 when the empty string is listed) of the strings that end in it: most words
    /// end in none of them, and then only the empty string can be a suffix (the
    /// probes cost 3 % of extraction); the others need only probe those lengths.
    pub(super) last: HashMap<char, Vec<usize>>,
    /// How many of `lens` are not 0 (lengths are sorted longest first: a 0 is last),
    /// counted once instead of at every probe of a word ending in none of `last`.
    pub(super) nonzero: usize,
}

impl AffixIndex {
    pub(super) fn new<'a>(items: impl Iterator<Item = &'a str>) -> AffixIndex {
        let mut ix = AffixIndex::default();
        for (i, s) in items.enumerate() {
            ix.pos.entry(s.to_string()).or_insert(i);
            ix.lens.push(s.chars().count());
            if let Some(c) = s.chars().next_back() {
                ix.last.entry(c).or_default().push(s.chars().count());
            }
        }
        let longest_first = |lens: &mut Vec<usize>| {
            lens.sort_unstable_by(|a, b| b.cmp(a));
            lens.dedup();
        };
        longest_first(&mut ix.lens);
        ix.nonzero = ix.lens.iter().take_while(|&&l| l > 0).count();
        for lens in ix.last.values_mut() {
            longest_first(lens);
            lens.extend_from_slice(&ix.lens[ix.nonzero..]);
        }
        ix
    }

    /// Positions in the list of the strings `s` ends with, longest first.
    pub(super) fn suffixes<'s>(&'s self, s: &'s str) -> impl Iterator<Item = usize> + 's {
        let lens = match s.chars().next_back().and_then(|c| self.last.get(&c)) {
            Some(lens) => &lens[..],
            None => &self.lens[self.nonzero..],
        };
        // Only a length above 0 needs the count (most words take the fast path).
        let n = if lens.first().is_some_and(|&l| l > 0) {
            s.chars().count()
        } else {
            0
        };
        // Longest first, the suffixes start further and further right: one walk
        // forward finds all their starts, where seeking each from the end again
        // walked the string once per length.
        let mut at = 0;
        let mut rest = s;
        lens.iter().filter_map(move |&l| {
            if l > n {
                return None;
            }
            if l == 0 {
                rest = "";
                at = n;
            }
            while at < n - l {
                let c = rest.chars().next().expect("fewer characters than counted");
                rest = &rest[c.len_utf8()..];
                at += 1;
            }
            self.pos.get(rest).copied()
        })
    }

    /// (position in the list, byte length) of the strings `s` starts with, longest first.
    pub(super) fn prefixes<'s>(&'s self, s: &'s str) -> impl Iterator<Item = (usize, usize)> + 's {
        let n = s.chars().count();
        // Longest first, the prefixes end further and further left: one walk back
        // from the end finds all their ends.
        let mut at = n;
        let mut head = s;
        self.lens.iter().filter_map(move |&l| {
            if l > n {
                return None;
            }
            while at > l {
                let c = head
                    .chars()
                    .next_back()
                    .expect("fewer characters than counted");
                head = &head[..head.len() - c.len_utf8()];
                at -= 1;
            }
            self.pos.get(head).map(|&i| (i, head.len()))
        })
    }
}

/// The indexes every look-up goes through, built when the lexicon is loaded.
#[derive(Debug, Clone, Default)]
pub(super) struct Index {
    pub(super) title_prefixes: AffixIndex,
    pub(super) org_suffixes: AffixIndex,
    pub(super) not_organs: AffixIndex,
    pub(super) events: AffixIndex,
    pub(super) markets: AffixIndex,
    /// The last characters of the posts: a word that ends otherwise is no post, which
    /// spares building the candidate strings of most tokens.
    pub(super) title_ends: HashSet<char>,
    /// Which of the word maps (`places`, `place_short`, `org_abbrev`) hold a word,
    /// and whether it is a post or an event head: the grammar asks all of these of
    /// nearly every token, and most are none of them, so one probe here replaces five.
    pub(super) words: HashMap<String, u8>,
    /// The shortest of `words`, in bytes: a shorter token needs no probe at all.
    pub(super) words_min_len: usize,
}

/// Bits of `Lexicon::word_maps`.
pub mod word_map {
    /// A full place name (`places`).
    pub const PLACE: u8 = 1;
    /// A short place name (`place_short`).
    pub const PLACE_SHORT: u8 = 2;
    /// An organisation's abbreviation (`org_abbrev`).
    pub const ORG_ABBREV: u8 = 4;
    /// A post (`parse_title` finds one).
    pub const TITLE: u8 = 8;
    /// An event head itself (`is_event_head`).
    pub const EVENT_HEAD: u8 = 16;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affix_index_finds_what_a_scan_finds() {
        let items = ["", "局", "分局", "公安分局", "会议", "大会", "a局"];
        let ix = AffixIndex::new(items.iter().copied());
        for s in [
            "",
            "局",
            "分局",
            "惠济公安分局",
            "党政联席会议",
            "a局",
            "书法",
            "会",
        ] {
            let mut want: Vec<usize> = (0..items.len())
                .filter(|&i| s.ends_with(items[i]) && ix.pos[items[i]] == i)
                .collect();
            want.sort_by_key(|&i| std::cmp::Reverse(items[i].chars().count()));
            assert_eq!(ix.suffixes(s).collect::<Vec<_>>(), want, "suffixes of {s}");
            let mut want: Vec<(usize, usize)> = (0..items.len())
                .filter(|&i| s.starts_with(items[i]) && ix.pos[items[i]] == i)
                .map(|i| (i, items[i].len()))
                .collect();
            want.sort_by_key(|&(i, _)| std::cmp::Reverse(items[i].chars().count()));
            assert_eq!(ix.prefixes(s).collect::<Vec<_>>(), want, "prefixes of {s}");
        }
    }
}
