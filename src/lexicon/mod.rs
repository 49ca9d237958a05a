//! Domain lexicons: plain-text files under `data/lexicon/` come in (embedded in the
//! binary, or read from a folder given with `--lexicon` that overrides them file by
//! file), and typed look-up tables for the recognisers go out. Lexicons are data, not
//! code, so that a user can teach zhkg a new post or organ without a rebuild.

use crate::error::{Error, Result};
// FxHash: the grammar looks words up in these for every token, and SipHash was a
// twentieth of a corpus build; the keys come from our own lexicon files.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::{Path, PathBuf};

/// The embedded lexicon files, by file name.
const EMBEDDED: &[(&str, &str)] = &[
    ("titles.txt", include_str!("../../data/lexicon/titles.txt")),
    (
        "title_prefixes.txt",
        include_str!("../../data/lexicon/title_prefixes.txt"),
    ),
    (
        "org_suffixes.txt",
        include_str!("../../data/lexicon/org_suffixes.txt"),
    ),
    (
        "org_abbrev.txt",
        include_str!("../../data/lexicon/org_abbrev.txt"),
    ),
    ("events.txt", include_str!("../../data/lexicon/events.txt")),
    (
        "event_synonyms.txt",
        include_str!("../../data/lexicon/event_synonyms.txt"),
    ),
    (
        "role_verbs.txt",
        include_str!("../../data/lexicon/role_verbs.txt"),
    ),
    (
        "person_cues.txt",
        include_str!("../../data/lexicon/person_cues.txt"),
    ),
    (
        "address_terms.txt",
        include_str!("../../data/lexicon/address_terms.txt"),
    ),
    (
        "markets.txt",
        include_str!("../../data/lexicon/markets.txt"),
    ),
    (
        "not_names.txt",
        include_str!("../../data/lexicon/not_names.txt"),
    ),
    (
        "not_organs.txt",
        include_str!("../../data/lexicon/not_organs.txt"),
    ),
    (
        "not_places.txt",
        include_str!("../../data/lexicon/not_places.txt"),
    ),
    (
        "surnames.txt",
        include_str!("../../data/lexicon/surnames.txt"),
    ),
    (
        "translit_chars.txt",
        include_str!("../../data/lexicon/translit_chars.txt"),
    ),
    ("places.txt", include_str!("../../data/lexicon/places.txt")),
    (
        "places_world.txt",
        include_str!("../../data/lexicon/places_world.txt"),
    ),
];

/// The level of an administrative division.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceLevel {
    /// 省, 自治区, 直辖市.
    Province,
    /// 地级市, 州, 盟.
    Prefecture,
    /// 区, 县, 县级市, 旗.
    County,
    /// 镇, 乡, 街道.
    Town,
    /// Countries, rivers, mountains, regions: no place in the hierarchy.
    Other,
}

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Full name (惠济区).
    pub name: String,
    /// Level.
    pub level: PlaceLevel,
    /// Parent's full name, when known.
    pub parent: Option<String>,
}

/// What a role verb says about the people before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RoleVerb {
    /// 主持.
    Chaired,
    /// 出席, 参加.
    Attended,
    /// 讲话, 强调.
    SpokeAt,
    /// 召开, 举行 (an organisation holds an event).
    Held,
    /// 会见, 会晤: hosts before the verb, guests after it, the verb is the event.
    Meets,
}

/// All look-up tables used by the extractor.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Post heads; the value is true for heads of a people's government (区长).
    titles: HashMap<String, bool>,
    /// Posts that name their own organ (国务委员): they take no organ from the list
    /// before them.
    national_titles: HashSet<String>,
    /// Rank prefixes (副, 常务副…), longest first.
    title_prefixes: Vec<String>,
    /// Organ suffixes with their class, longest first.
    org_suffixes: Vec<(String, Option<String>)>,
    /// One-word organisations, with the full organ name when the word is an abbreviation.
    org_abbrev: HashMap<String, Option<String>>,
    /// Event heads and their event type, longest first.
    events: Vec<(String, String)>,
    /// Groups of interchangeable event modifiers.
    event_synonyms: Vec<Vec<String>>,
    /// Role verbs.
    role_verbs: HashMap<String, RoleVerb>,
    /// Words after a name that mark it as a person.
    person_cues: HashSet<String>,
    /// Forms of address that follow a bare surname (吴小姐, 张奶奶, 马老师).
    address_terms: Vec<String>,
    /// Market heads, longest first.
    markets: Vec<String>,
    /// Words that are never names.
    not_names: HashSet<String>,
    /// Word endings that are never organs (布局, 干部).
    not_organs: Vec<String>,
    /// Gazetteer names that are common words in running text (城区, 辖区).
    not_places: HashSet<String>,
    /// Single-character surnames.
    surnames: HashSet<char>,
    /// Two-character surnames.
    double_surnames: HashSet<String>,
    /// Characters of transliterated foreign names.
    translit_chars: HashSet<char>,
    /// Hash indexes over the suffix and prefix lists, built by `finish`.
    index: Index,
    /// Gazetteer by full name.
    places: HashMap<String, Place>,
    /// Short forms (郑州 → 郑州市) that map to exactly one full name.
    place_short: HashMap<String, String>,
}

mod index;
pub use index::word_map;
use index::{AffixIndex, Index};

/// Iterates over the data lines of a lexicon file: trimmed, without blanks and `#` comments,
/// with their 1-based line numbers.
fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

fn columns(line: &str) -> Vec<&str> {
    line.split('\t').map(str::trim).collect()
}

fn sort_longest_first<T>(v: &mut [(String, T)]) {
    v.sort_by(|a, b| {
        b.0.chars()
            .count()
            .cmp(&a.0.chars().count())
            .then(a.0.cmp(&b.0))
    });
}

/// Administrative suffixes stripped to make short place names, longest first.
const PLACE_SUFFIXES: &[&str] = &[
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "自治州",
    "自治县",
    "省",
    "市",
    "区",
    "县",
    "镇",
    "乡",
    "街道",
    "地区",
    "盟",
    "旗",
];

/// Whether `name` is written as an administrative division (惠济区, 郑州市, 宝应县):
/// something before one of the suffixes divisions end in.
pub fn is_division_name(name: &str) -> bool {
    PLACE_SUFFIXES
        .iter()
        .any(|s| name.len() > s.len() && name.ends_with(s))
}

impl Lexicon {
    /// The `titles` table (see the field's documentation).
    pub fn titles(&self) -> &HashMap<String, bool> {
        &self.titles
    }

    /// The `org_suffixes` table (see the field's documentation).
    pub fn org_suffixes(&self) -> &[(String, Option<String>)] {
        &self.org_suffixes
    }

    /// The `org_abbrev` table (see the field's documentation).
    pub fn org_abbrev(&self) -> &HashMap<String, Option<String>> {
        &self.org_abbrev
    }

    /// The `events` table (see the field's documentation).
    pub fn events(&self) -> &[(String, String)] {
        &self.events
    }

    /// The `role_verbs` table (see the field's documentation).
    pub fn role_verbs(&self) -> &HashMap<String, RoleVerb> {
        &self.role_verbs
    }

    /// The `places` table (see the field's documentation).
    pub fn places(&self) -> &HashMap<String, Place> {
        &self.places
    }

    /// The `place_short` table (see the field's documentation).
    pub fn place_short(&self) -> &HashMap<String, String> {
        &self.place_short
    }

    /// The `national_titles` table (see the field's documentation).
    pub fn national_titles(&self) -> &HashSet<String> {
        &self.national_titles
    }

    /// The `title_prefixes` table (see the field's documentation).
    pub fn title_prefixes(&self) -> &[String] {
        &self.title_prefixes
    }

    /// The `event_synonyms` table (see the field's documentation).
    pub fn event_synonyms(&self) -> &[Vec<String>] {
        &self.event_synonyms
    }

    /// The `person_cues` table (see the field's documentation).
    pub fn person_cues(&self) -> &HashSet<String> {
        &self.person_cues
    }

    /// The `address_terms` table (see the field's documentation).
    pub fn address_terms(&self) -> &[String] {
        &self.address_terms
    }

    /// The `markets` table (see the field's documentation).
    pub fn markets(&self) -> &[String] {
        &self.markets
    }

    /// The `not_names` table (see the field's documentation).
    pub fn not_names(&self) -> &HashSet<String> {
        &self.not_names
    }

    /// The `not_organs` table (see the field's documentation).
    pub fn not_organs(&self) -> &[String] {
        &self.not_organs
    }

    /// The `not_places` table (see the field's documentation).
    pub fn not_places(&self) -> &HashSet<String> {
        &self.not_places
    }

    /// The `surnames` table (see the field's documentation).
    pub fn surnames(&self) -> &HashSet<char> {
        &self.surnames
    }

    /// The `double_surnames` table (see the field's documentation).
    pub fn double_surnames(&self) -> &HashSet<String> {
        &self.double_surnames
    }

    /// The `translit_chars` table (see the field's documentation).
    pub fn translit_chars(&self) -> &HashSet<char> {
        &self.translit_chars
    }

    /// The lexicons built into the binary.
    pub fn embedded() -> Lexicon {
        let mut lex = Lexicon::default();
        for (name, text) in EMBEDDED {
            lex.load_file(name, text, Path::new(&format!("<embedded>/{name}")))
                .expect("embedded lexicons parse");
        }
        lex.finish();
        lex
    }

    /// The embedded lexicons, with every file present in `dir` replacing its embedded twin.
    pub fn with_overrides(dir: &Path) -> Result<Lexicon> {
        if !dir.is_dir() {
            return Err(Error::Usage(format!(
                "{}: lexicon folder not found",
                dir.display()
            )));
        }
        let mut lex = Lexicon::default();
        for (name, text) in EMBEDDED {
            let path: PathBuf = dir.join(name);
            if path.is_file() {
                let own = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
                lex.load_file(name, &own, &path)?;
            } else {
                lex.load_file(name, text, Path::new(&format!("<embedded>/{name}")))?;
            }
        }
        lex.finish();
        Ok(lex)
    }

    fn load_file(&mut self, name: &str, text: &str, path: &Path) -> Result<()> {
        let bad = |line: usize, message: &str| Error::Parse {
            path: path.to_path_buf(),
            line,
            message: message.to_string(),
        };
        for (n, line) in data_lines(text) {
            let cols = columns(line);
            let first = cols[0].to_string();
            let second = cols.get(1).filter(|s| !s.is_empty()).map(|s| s.to_string());
            match name {
                "titles.txt" => {
                    let gov = match second.as_deref() {
                        None => false,
                        Some("government") => true,
                        Some("national") => {
                            self.national_titles.insert(first.clone());
                            false
                        }
                        Some(other) => {
                            return Err(bad(n, &format!("unknown post class `{other}`")))
                        }
                    };
                    self.titles.insert(first, gov);
                }
                "title_prefixes.txt" => self.title_prefixes.push(first),
                "org_suffixes.txt" => self.org_suffixes.push((first, second)),
                "org_abbrev.txt" => {
                    self.org_abbrev.insert(first, second);
                }
                "events.txt" => {
                    let ty = second.ok_or_else(|| bad(n, "missing event type column"))?;
                    self.events.push((first, ty));
                }
                "event_synonyms.txt" => self
                    .event_synonyms
                    .push(cols.iter().map(|s| s.to_string()).collect()),
                "role_verbs.txt" => {
                    let role =
                        match second.as_deref() {
                            Some("chaired") => RoleVerb::Chaired,
                            Some("attended") => RoleVerb::Attended,
                            Some("spoke_at") => RoleVerb::SpokeAt,
                            Some("held") => RoleVerb::Held,
                            Some("meets") => RoleVerb::Meets,
                            _ => return Err(bad(
                                n,
                                "second column must be chaired, attended, spoke_at, held or meets",
                            )),
                        };
                    self.role_verbs.insert(first, role);
                }
                "person_cues.txt" => {
                    self.person_cues.insert(first);
                }
                "address_terms.txt" => self.address_terms.push(first),
                "markets.txt" => self.markets.push(first),
                "not_names.txt" => {
                    self.not_names.insert(first);
                }
                "not_organs.txt" => self.not_organs.push(first),
                "not_places.txt" => {
                    self.not_places.insert(first);
                }
                "surnames.txt" => {
                    for s in line.split_whitespace() {
                        match s.chars().count() {
                            1 => {
                                self.surnames.insert(s.chars().next().unwrap_or_default());
                            }
                            2 => {
                                self.double_surnames.insert(s.to_string());
                            }
                            _ => return Err(bad(n, &format!("`{s}` is not a surname"))),
                        }
                    }
                }
                "translit_chars.txt" => {
                    self.translit_chars
                        .extend(line.split_whitespace().flat_map(str::chars));
                }
                "places.txt" => {
                    let level = match cols.get(1).copied().unwrap_or("") {
                        "province" => PlaceLevel::Province,
                        "prefecture" => PlaceLevel::Prefecture,
                        "county" => PlaceLevel::County,
                        "town" => PlaceLevel::Town,
                        "" | "other" => PlaceLevel::Other,
                        other => return Err(bad(n, &format!("unknown place level `{other}`"))),
                    };
                    let parent = cols.get(2).filter(|s| !s.is_empty()).map(|s| s.to_string());
                    self.add_place(first, level, parent);
                }
                "places_world.txt" => self.add_place(first, PlaceLevel::Other, None),
                _ => unreachable!("every embedded file has a loader"),
            }
        }
        Ok(())
    }

    fn add_place(&mut self, name: String, level: PlaceLevel, parent: Option<String>) {
        // The higher level wins: a town that shares a county's name must not demote it.
        // Divisions of one name and level under different parents (鼓楼区 of several
        // cities, 城关镇 of many counties) leave the parent unknown: the name alone does
        // not say which.
        if let Some(old) = self.places.get_mut(&name) {
            if old.level < level {
                return;
            }
            if old.level == level {
                if old.parent != parent {
                    old.parent = None;
                }
                return;
            }
        }
        self.places.insert(
            name.clone(),
            Place {
                name,
                level,
                parent,
            },
        );
    }

    fn finish(&mut self) {
        let not_places = std::mem::take(&mut self.not_places);
        self.places.retain(|name, _| !not_places.contains(name));
        self.not_places = not_places;
        self.title_prefixes
            .sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
        sort_longest_first(&mut self.org_suffixes);
        sort_longest_first(&mut self.events);
        self.markets
            .sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
        self.index = Index {
            title_prefixes: AffixIndex::new(self.title_prefixes.iter().map(String::as_str)),
            org_suffixes: AffixIndex::new(self.org_suffixes.iter().map(|(s, _)| s.as_str())),
            not_organs: AffixIndex::new(self.not_organs.iter().map(String::as_str)),
            events: AffixIndex::new(self.events.iter().map(|(s, _)| s.as_str())),
            markets: AffixIndex::new(self.markets.iter().map(String::as_str)),
            title_ends: self
                .titles
                .keys()
                .filter_map(|t| t.chars().last())
                .collect(),
            words: HashMap::default(),
            words_min_len: 0,
        };
        // Short forms: only unambiguous ones, and only for divisions above towns, since
        // two-character town stems (长垣, 双桥) are too often ordinary words.
        let mut short: HashMap<String, Vec<String>> = HashMap::default();
        for p in self.places.values() {
            if p.level > PlaceLevel::County {
                continue;
            }
            if let Some(stem) = place_stem(&p.name) {
                // An autonomous prefecture is also written stem + 州 (甘南州, 恩施州).
                if p.name.ends_with("自治州") {
                    short
                        .entry(format!("{stem}州"))
                        .or_default()
                        .push(p.name.clone());
                }
                short.entry(stem).or_default().push(p.name.clone());
            }
        }
        for (stem, mut fulls) in short {
            if self.places.contains_key(&stem) {
                continue;
            }
            fulls.sort_by_key(|f| (self.places[f].level, f.clone()));
            // Prefer the higher level when a city and its namesake district share a stem.
            let best = &fulls[0];
            let unique = fulls.len() == 1 || self.places[&fulls[1]].level > self.places[best].level;
            if unique {
                self.place_short.insert(stem, best.clone());
            }
        }
        let mut words: HashMap<String, u8> = HashMap::default();
        let maps = [
            (word_map::PLACE, self.places.keys().collect::<Vec<_>>()),
            (word_map::PLACE_SHORT, self.place_short.keys().collect()),
            (word_map::ORG_ABBREV, self.org_abbrev.keys().collect()),
        ];
        for (bit, keys) in maps {
            for k in keys {
                *words.entry(k.clone()).or_default() |= bit;
            }
        }
        // Only these strings can be posts or event heads; each is asked the full
        // question, so the bits say exactly what the look-ups would.
        let posts = self.titles.keys().cloned().chain(
            self.title_prefixes
                .iter()
                .flat_map(|p| self.titles.keys().map(move |t| format!("{p}{t}"))),
        );
        for w in posts {
            if self.parse_title(&w).is_some() {
                *words.entry(w).or_default() |= word_map::TITLE;
            }
        }
        for (h, _) in &self.events {
            if self.is_event_head(h) {
                *words.entry(h.clone()).or_default() |= word_map::EVENT_HEAD;
            }
        }
        self.index.words_min_len = words.keys().map(String::len).min().unwrap_or(0);
        self.index.words = words;
    }

    /// Which of `places`, `place_short` and `org_abbrev` hold `w`, and whether it is
    /// a post or an event head ([`word_map`] bits).
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

    /// The full gazetteer name for a full or short place name.
    pub fn place(&self, name: &str) -> Option<&Place> {
        // Most names asked about are no place: the joint index says so in one probe,
        // where a miss cost one in each map.
        if self.word_maps(name) & (word_map::PLACE | word_map::PLACE_SHORT) == 0 {
            return None;
        }
        self.places
            .get(name)
            .or_else(|| self.place_short.get(name).and_then(|f| self.places.get(f)))
    }

    /// The chain of places from `name` up to its province (惠济区, 郑州市, 河南省).
    pub fn place_chain(&self, name: &str) -> Vec<&Place> {
        let mut out = Vec::new();
        let mut cur = self.place(name);
        while let Some(p) = cur {
            if out.iter().any(|q: &&Place| q.name == p.name) || out.len() > 6 {
                break;
            }
            out.push(p);
            cur = p.parent.as_deref().and_then(|n| self.places.get(n));
        }
        out
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
        out.sort();
        out.dedup_by(|a, b| a.0 == b.0);
        out
    }
}

/// The peoples autonomous divisions are named after, as they are written in them.
const ETHNIC_GROUPS: &[&str] = &[
    "藏族", "回族", "蒙古族", "壮族", "苗族", "彝族", "土家族", "布依族", "侗族", "瑶族",
    "白族", "哈尼族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "拉祜族", "水族", "东乡族",
    "纳西族", "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族",
    "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族", "塔吉克族", "怒族",
    "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "独龙族", "鄂伦春族", "赫哲族",
    "门巴族", "珞巴族", "基诺族", "朝鲜族", "哈萨克族", "维吾尔族", "各族",
];

/// The name without its administrative suffix (郑州市 → 郑州), if at least two
/// characters remain.
pub fn place_stem(name: &str) -> Option<String> {
    // An autonomous division is called by the name before its peoples (甘南藏族自治州
    // → 甘南, 恩施土家族苗族自治州 → 恩施).
    if let Some(rest) = ["自治州", "自治县", "自治旗"]
        .iter()
        .find_map(|s| name.strip_suffix(s))
    {
        let first_people = ETHNIC_GROUPS.iter().filter_map(|g| rest.find(g)).min();
        if let Some(stem) = first_people.map(|at| &rest[..at]) {
            if stem.chars().count() >= 2 {
                return Some(stem.to_string());
            }
        }
    }
    for suf in PLACE_SUFFIXES {
        if let Some(stem) = name.strip_suffix(suf) {
            if stem.chars().count() >= 2 {
                return Some(stem.to_string());
            }
        }
    }
    None
}

/// The prefixes of `name` of eight down to two characters, longest first: where a
/// place it starts with is looked for (郑州市…, 惠济区规划服务中心). Slices, not copies:
/// this runs for every organisation mention of an article and every name in a corpus.
pub fn place_prefixes(name: &str) -> impl Iterator<Item = &str> {
    let ends: Vec<usize> = name
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .skip(1)
        .take(7)
        .collect();
    ends.into_iter().rev().map(move |end| &name[..end])
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

    #[test]
    fn place_chain_walks_up_to_province() {
        let lex = Lexicon::embedded();
        let chain: Vec<_> = lex
            .place_chain("惠济")
            .iter()
            .map(|p| p.name.clone())
            .collect();
        assert_eq!(chain, ["惠济区", "郑州市", "河南省"]);
    }

    #[test]
    fn override_file_errors_name_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("role_verbs.txt"),
            "# c\n主持\tchaired\n出席\tmaybe\n",
        )
        .unwrap();
        let err = Lexicon::with_overrides(dir.path()).unwrap_err().to_string();
        assert!(err.contains("role_verbs.txt:3"), "{err}");
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
