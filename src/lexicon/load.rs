//! Loading the lexicons: the files embedded in the binary, or a folder's files that
//! replace them one by one, parsed line by line into the tables of a [`Lexicon`], then
//! sorted and indexed once so that every later look-up is a hash probe.

use super::index::{word_map, AffixIndex, Index};
use super::places::place_stem;
use super::{Lexicon, Place, PlaceLevel, RoleVerb};
use crate::error::{Error, Result};
use rustc_hash::FxHashMap as HashMap;
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
        "not_words.txt",
        include_str!("../../data/lexicon/not_words.txt"),
    ),
    (
        "surnames.txt",
        include_str!("../../data/lexicon/surnames.txt"),
    ),
    (
        "translit_chars.txt",
        include_str!("../../data/lexicon/translit_chars.txt"),
    ),
    (
        "minority_name_chars.txt",
        include_str!("../../data/lexicon/minority_name_chars.txt"),
    ),
    ("places.txt", include_str!("../../data/lexicon/places.txt")),
    (
        "places_world.txt",
        include_str!("../../data/lexicon/places_world.txt"),
    ),
    (
        "national_posts.txt",
        include_str!("../../data/lexicon/national_posts.txt"),
    ),
    (
        "province_abbrevs.txt",
        include_str!("../../data/lexicon/province_abbrevs.txt"),
    ),
];

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

impl Lexicon {
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
            return Err(Error::MissingFile(format!(
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
                            Some("calls_on") => RoleVerb::CallsOn,
                            _ => return Err(bad(
                                n,
                                "second column must be chaired, attended, spoke_at, held, meets or calls_on",
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
                "not_words.txt" => self.not_words.push(first),
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
                "minority_name_chars.txt" => {
                    self.minority_name_chars
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
                "province_abbrevs.txt" => {
                    let (Some(short), Some(province)) = (first.chars().next(), second) else {
                        return Err(bad(n, "expected a character and its province"));
                    };
                    if first.chars().count() != 1 {
                        return Err(bad(n, "a province's short form is one character"));
                    }
                    self.province_abbrevs.insert(short, province);
                }
                "national_posts.txt" => {
                    if let Some(short) = second {
                        self.national_short_posts.push(short);
                    }
                    self.national_posts.insert(first);
                }
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
                    // Towns of one name keep every county they are in: a list of
                    // townships together may still say which (国华、盐河等乡镇).
                    if level == PlaceLevel::Town {
                        let parents = self.shared_town_names.entry(name.clone()).or_default();
                        parents.extend(old.parent.take());
                        parents.extend(parent);
                    }
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
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
