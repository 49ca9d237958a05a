//! The word look-ups the recognisers and the grammar ask of every token (posts,
//! surnames, organ, event and market heads), each answered through the hash indexes,
//! with the plain list scans they must agree with kept for the tests.

#[cfg(test)]
use super::index::word_map;
use super::Lexicon;
use rustc_hash::FxHashSet as HashSet;

impl Lexicon {
    /// Which of `places`, `place_short` and `org_abbrev` hold `w`, and whether it is
    /// a post or an event head ([`super::word_map`] bits).
    pub fn word_maps(&self, w: &str) -> u8 {
        if w.len() < self.index.words_min_len {
            return 0;
        }
        self.index.words.get(w).copied().unwrap_or(0)
    }

    /// [`Lexicon::word_maps`] by asking each list: the reference the index is checked
    /// against.
    #[cfg(test)]
    fn scan_word_maps(&self, w: &str) -> u8 {
        let mut bits = 0;
        if self.places.contains_key(w) {
            bits |= word_map::PLACE;
        }
        if self.place_short.contains_key(w) {
            bits |= word_map::PLACE_SHORT;
        }
        if self.org_abbrev.contains_key(w) {
            bits |= word_map::ORG_ABBREV;
        }
        if self.scan_parse_title(w).is_some() {
            bits |= word_map::TITLE;
        }
        if self.scan_is_event_head(w) {
            bits |= word_map::EVENT_HEAD;
        }
        bits
    }
    /// Whether `s` starts with a surname; returns the surname's length in characters.
    pub fn surname_len(&self, s: &str) -> Option<usize> {
        let mut it = s.chars();
        let a = it.next()?;
        if let Some(b) = it.next() {
            let two = &s[..a.len_utf8() + b.len_utf8()];
            if self.double_surnames.contains(two) {
                return Some(2);
            }
        }
        self.surnames.contains(&a).then_some(1)
    }

    /// Splits a post such as 常务副市长 into (prefix, head) when it is one.
    pub fn parse_title<'a>(&self, s: &'a str) -> Option<(&'a str, &'a str)> {
        if !self.may_end_title(s) {
            return None;
        }
        if self.titles.contains_key(s) {
            return Some(("", s));
        }
        // The prefixes are sorted longest first; of one length, only one can match.
        self.index
            .title_prefixes
            .prefixes(s)
            .map(|(_, at)| (&s[..at], &s[at..]))
            .find(|(_, rest)| self.titles.contains_key(*rest))
    }

    /// [`Lexicon::parse_title`] by scanning the prefixes.
    #[cfg(test)]
    fn scan_parse_title<'a>(&self, s: &'a str) -> Option<(&'a str, &'a str)> {
        if self.titles.contains_key(s) {
            return Some(("", s));
        }
        for p in &self.title_prefixes {
            if let Some(rest) = s.strip_prefix(p.as_str()) {
                if self.titles.contains_key(rest) {
                    return Some((&s[..p.len()], rest));
                }
            }
        }
        None
    }

    /// Whether `s` is written mostly in the characters of transliterated names
    /// (梅德韦杰夫, 基里延科).
    pub fn looks_transliterated(&self, s: &str) -> bool {
        mostly_in(s.chars(), &self.translit_chars)
    }

    /// Whether `s` may be a name without a Han surname (降初, 其木格, 次仁罗布): two to six
    /// characters, each of a minority's or a transliterated name.
    pub fn looks_like_minority_name(&self, s: &str) -> bool {
        (2..=6).contains(&s.chars().count()) && s.chars().all(|c| self.in_minority_name(c))
    }

    /// Whether `c` is written in Tibetan, Mongolian, Yi, Dai or transliterated names.
    pub fn in_minority_name(&self, c: char) -> bool {
        self.minority_name_chars.contains(&c) || self.translit_chars.contains(&c)
    }

    /// Whether `s` ends in a character some post ends in.
    pub fn may_end_title(&self, s: &str) -> bool {
        s.chars()
            .last()
            .is_some_and(|c| self.index.title_ends.contains(&c))
    }

    /// The longest organ suffix that `s` ends with.
    pub fn org_suffix(&self, s: &str) -> Option<&(String, Option<String>)> {
        // Most words end in no organ suffix: that is asked first, the exceptions only of
        // the few that do.
        let i = self.index.org_suffixes.suffixes(s).next()?;
        if self.index.not_organs.suffixes(s).next().is_some() {
            return None;
        }
        Some(&self.org_suffixes[i])
    }

    /// [`Lexicon::org_suffix`] by scanning the lists.
    #[cfg(test)]
    fn scan_org_suffix(&self, s: &str) -> Option<&(String, Option<String>)> {
        if self.not_organs.iter().any(|w| s.ends_with(w.as_str())) {
            return None;
        }
        self.org_suffixes
            .iter()
            .find(|(suf, _)| s.ends_with(suf.as_str()))
    }

    /// The longest event head that `s` ends with, with its type.
    pub fn event_head(&self, s: &str) -> Option<&(String, String)> {
        self.index
            .events
            .suffixes(s)
            .next()
            .map(|i| &self.events[i])
    }

    /// [`Lexicon::event_head`] by scanning the list.
    #[cfg(test)]
    fn scan_event_head(&self, s: &str) -> Option<&(String, String)> {
        self.events.iter().find(|(h, _)| s.ends_with(h.as_str()))
    }

    /// Whether `s` is itself an event head (会议, 仪式), not a longer name ending in one.
    pub fn is_event_head(&self, s: &str) -> bool {
        // The whole word is the longest suffix there is: one probe, where `event_head`
        // would go on to try every shorter one.
        self.index.events.pos.contains_key(s)
    }

    /// [`Lexicon::is_event_head`] by scanning the list.
    #[cfg(test)]
    fn scan_is_event_head(&self, s: &str) -> bool {
        self.scan_event_head(s).is_some_and(|(h, _)| h == s)
    }

    /// Whether `s` ends in a character some market head ends in (always, for a
    /// lexicon with an empty market head): a cheap test before
    /// [`Lexicon::market_head`], which finds nothing when this is false.
    pub fn may_end_market(&self, s: &str) -> bool {
        let markets = &self.index.markets;
        markets.nonzero < markets.lens.len()
            || s.chars()
                .next_back()
                .is_some_and(|c| markets.last.contains_key(&c))
    }

    /// The longest market head that `s` ends with.
    pub fn market_head(&self, s: &str) -> Option<&str> {
        self.index
            .markets
            .suffixes(s)
            .next()
            .map(|i| self.markets[i].as_str())
    }

    /// [`Lexicon::market_head`] by scanning the list.
    #[cfg(test)]
    fn scan_market_head(&self, s: &str) -> Option<&str> {
        self.markets
            .iter()
            .find(|h| s.ends_with(h.as_str()))
            .map(String::as_str)
    }

    /// Words that jieba should keep whole: posts with their prefixes, organ and event
    /// heads, abbreviations, place names and role verbs.
    pub fn user_words(&self) -> Vec<(String, &'static str)> {
        let mut out: Vec<(String, &'static str)> = Vec::new();
        for head in self.titles.keys() {
            out.push((head.clone(), "nnt"));
            for p in &self.title_prefixes {
                if p.chars().count() <= 2 && !matches!(p.as_str(), "前" | "原" | "党组") {
                    out.push((format!("{p}{head}"), "nnt"));
                }
            }
        }
        for (h, _) in &self.events {
            if h.chars().count() >= 2 {
                out.push((h.clone(), "nev"));
            }
        }
        for w in self.org_abbrev.keys() {
            out.push((w.clone(), "nt"));
        }
        for p in self.places.values() {
            if p.name.chars().count() >= 2 {
                out.push((p.name.clone(), "ns"));
            }
        }
        for w in self.role_verbs.keys() {
            out.push((w.clone(), "v"));
        }
        // 习近平 + 重要指示: a long cue after a name is one word, not a piece of it.
        // (Sorted: jieba's suggested frequency of a word depends on those added before.)
        let mut cues: Vec<&String> = self
            .person_cues
            .iter()
            .filter(|w| w.chars().count() >= 4)
            .collect();
        cues.sort();
        out.extend(cues.into_iter().map(|w| (w.clone(), "n")));
        // 县 + 经开区: a kind of zone is one common noun, not a piece of the word before.
        for w in &self.not_places {
            if w.ends_with('区') && w.chars().count() >= 3 {
                out.push((w.clone(), "n"));
            }
        }
        out.sort();
        out.dedup_by(|a, b| a.0 == b.0);
        out
    }
}

/// Whether more than half of `chars` are in `set`.
pub fn mostly_in(chars: impl IntoIterator<Item = char>, set: &HashSet<char>) -> bool {
    let (mut n, mut t) = (0, 0);
    for c in chars {
        n += 1;
        t += usize::from(set.contains(&c));
    }
    t * 2 > n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicons_load() {
        let lex = Lexicon::embedded();
        assert_eq!(lex.parse_title("副书记"), Some(("副", "书记")));
        assert_eq!(lex.parse_title("常务副市长"), Some(("常务副", "市长")));
        assert_eq!(lex.parse_title("书记"), Some(("", "书记")));
        assert_eq!(lex.parse_title("书法"), None);
        assert_eq!(lex.surname_len("欧阳修"), Some(2));
        assert_eq!(lex.surname_len("马军"), Some(1));
        assert_eq!(lex.org_suffix("惠济分局").unwrap().0, "分局");
        assert_eq!(lex.event_head("党政联席会议").unwrap().1, "会议");
    }

    #[test]
    fn indexed_look_ups_agree_with_list_scans() {
        let lex = Lexicon::embedded();
        let mut words: Vec<String> = Vec::new();
        for (w, _) in lex.user_words() {
            words.push(w);
        }
        for (s, _) in &lex.org_suffixes {
            words.push(format!("惠济{s}"));
            words.push(s.clone());
        }
        for (h, _) in &lex.events {
            words.push(format!("专题{h}"));
        }
        for m in &lex.markets {
            words.push(format!("郑州{m}"));
        }
        for w in &lex.not_organs {
            words.push(format!("干{w}"));
        }
        words.extend(lex.places.keys().take(200).cloned());
        words.extend(lex.place_short.keys().take(200).cloned());
        words.extend(lex.org_abbrev.keys().cloned());
        words.extend(["", "局", "a", "书法", "常务副市长", "副书记"].map(String::from));
        for w in &words {
            assert_eq!(lex.parse_title(w), lex.scan_parse_title(w), "{w}");
            assert_eq!(lex.org_suffix(w), lex.scan_org_suffix(w), "{w}");
            assert_eq!(lex.event_head(w), lex.scan_event_head(w), "{w}");
            assert_eq!(lex.market_head(w), lex.scan_market_head(w), "{w}");
            assert_eq!(lex.word_maps(w), lex.scan_word_maps(w), "{w}");
            assert_eq!(lex.is_event_head(w), lex.scan_is_event_head(w), "{w}");
            let scanned = lex.places.get(w.as_str()).or_else(|| {
                lex.place_short
                    .get(w.as_str())
                    .and_then(|f| lex.places.get(f))
            });
            assert_eq!(lex.place(w), scanned, "{w}");
        }
    }
}
