//! Gold-standard readers: a NER data set written by people outside the project
//! (MSRA or People's Daily BIO, Resume BMES, CLUENER2020 JSON lines) comes in;
//! a [`GoldSet`] goes out, one [`GoldSentence`] per sentence with its entities
//! as [`Mention`]s in zhkg's kinds (character offsets, end exclusive). Source
//! labels that zhkg does not score are kept aside with their spans, so that a
//! report can name them and the scorer can leave predictions on them alone.

use crate::error::{Error, Result};
use crate::mention::{Mention, MentionKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

mod cluener;
mod tagged;

/// How a gold file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoldFormat {
    /// One `char<TAB or SPACE>tag` a line, BIO tags (MSRA, People's Daily):
    /// PER, LOC and ORG.
    Bio,
    /// One `char<SPACE>tag` a line, BMES tags (Resume): NAME, TITLE, ORG and
    /// LOC are scored; EDU, PRO, CONT and RACE are skipped.
    Bmes,
    /// CLUENER2020 JSON lines, spans with inclusive ends: name, position,
    /// government and address are scored, every other label is skipped.
    Cluener,
}

impl GoldFormat {
    /// Every format.
    pub const ALL: [GoldFormat; 3] = [GoldFormat::Bio, GoldFormat::Bmes, GoldFormat::Cluener];

    /// The name used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            GoldFormat::Bio => "bio",
            GoldFormat::Bmes => "bmes",
            GoldFormat::Cluener => "cluener",
        }
    }

    /// Parses a command-line name (`bio`, `bmes`, `cluener`).
    pub fn parse(s: &str) -> Option<GoldFormat> {
        let s = s.trim().to_ascii_lowercase();
        GoldFormat::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// Guesses the format from a file name's extension (`.bio`, `.bmes`,
    /// `.jsonl`/`.json`), for when the user did not say.
    pub fn guess(path: &Path) -> Option<GoldFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "bio" => Some(GoldFormat::Bio),
            "bmes" => Some(GoldFormat::Bmes),
            "jsonl" | "json" => Some(GoldFormat::Cluener),
            _ => None,
        }
    }

    /// The kinds this format annotates, in [`MentionKind::ALL`] order. Only
    /// these are scored: a prediction of any other kind cannot be judged
    /// against this gold set.
    pub fn kinds(self) -> Vec<MentionKind> {
        let mut kinds: Vec<MentionKind> = self.labels().iter().map(|&(_, k)| k).collect();
        kinds.sort();
        kinds.dedup();
        kinds
    }

    /// The kind a source label maps to, or `None` when the label is skipped.
    pub fn kind_of(self, label: &str) -> Option<MentionKind> {
        self.labels()
            .iter()
            .find(|&&(l, _)| l == label)
            .map(|&(_, k)| k)
    }

    fn labels(self) -> &'static [(&'static str, MentionKind)] {
        match self {
            // MSRA and People's Daily put government bodies under ORG, and
            // annotate no job titles.
            GoldFormat::Bio => &[
                ("PER", MentionKind::Person),
                ("LOC", MentionKind::Place),
                ("ORG", MentionKind::Organization),
            ],
            GoldFormat::Bmes => &[
                ("NAME", MentionKind::Person),
                ("TITLE", MentionKind::Title),
                ("ORG", MentionKind::Organization),
                ("LOC", MentionKind::Place),
            ],
            // organization and company are left out on purpose: the issue asks
            // to score government bodies as organizations, and CLUENER's
            // organization/company labels cover clubs, firms and bands that
            // zhkg's news extractor is not aimed at.
            GoldFormat::Cluener => &[
                ("name", MentionKind::Person),
                ("position", MentionKind::Title),
                ("government", MentionKind::Organization),
                ("address", MentionKind::Place),
            ],
        }
    }
}

impl fmt::Display for GoldFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A gold entity whose label zhkg does not score (CLUENER `book`, Resume
/// `EDU`…). Character offsets, end exclusive.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct SkippedSpan {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The source label, as written in the file.
    pub label: String,
}

/// One annotated sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoldSentence {
    /// The sentence.
    pub text: String,
    /// Its scored entities, sorted by span, duplicates removed.
    pub entities: Vec<Mention>,
    /// Its entities with labels that are not scored, sorted by span.
    pub skipped: Vec<SkippedSpan>,
}

impl GoldSentence {
    /// Length in characters.
    pub fn chars(&self) -> usize {
        self.text.chars().count()
    }
}

/// A whole gold file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoldSet {
    /// Where it was read from (for reports).
    pub source: PathBuf,
    /// How it was written.
    pub format: GoldFormat,
    /// Its sentences, in file order.
    pub sentences: Vec<GoldSentence>,
}

impl GoldSet {
    /// The kinds that are scored against this set.
    pub fn kinds(&self) -> Vec<MentionKind> {
        self.format.kinds()
    }

    /// Each skipped source label with how many entities carry it.
    pub fn skipped(&self) -> BTreeMap<String, usize> {
        let mut counts = BTreeMap::new();
        for span in self.sentences.iter().flat_map(|s| &s.skipped) {
            *counts.entry(span.label.clone()).or_insert(0) += 1;
        }
        counts
    }

    /// How many scored gold entities there are of each kind.
    pub fn entity_counts(&self) -> BTreeMap<MentionKind, usize> {
        let mut counts = BTreeMap::new();
        for m in self.sentences.iter().flat_map(|s| &s.entities) {
            *counts.entry(m.kind).or_insert(0) += 1;
        }
        counts
    }

    /// Total length of the sentences in characters.
    pub fn chars(&self) -> usize {
        self.sentences.iter().map(GoldSentence::chars).sum()
    }
}

/// Reads a gold file. Errors name the file and, for bad content, the line.
pub fn read_gold(path: impl AsRef<Path>, format: GoldFormat) -> Result<GoldSet> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let content = String::from_utf8(bytes).map_err(|e| Error::NotText {
        path: path.to_path_buf(),
        reason: format!("gold files must be UTF-8: {e}"),
    })?;
    parse_gold(&content, path, format)
}

/// Parses gold content already in memory; `path` is only used in error
/// messages and as the set's source.
pub fn parse_gold(content: &str, path: &Path, format: GoldFormat) -> Result<GoldSet> {
    let content = content.strip_prefix('\u{feff}').unwrap_or(content);
    let sentences = match format {
        GoldFormat::Bio | GoldFormat::Bmes => tagged::parse_tagged(content, path, format)?,
        GoldFormat::Cluener => cluener::parse_cluener(content, path)?,
    };
    Ok(GoldSet {
        source: path.to_path_buf(),
        format,
        sentences,
    })
}

fn parse_error(path: &Path, line: usize, message: impl Into<String>) -> Error {
    Error::Parse {
        path: path.to_path_buf(),
        line,
        message: message.into(),
    }
}

/// The sentence with its labelled spans sorted into scored entities and skipped
/// labels, the same for every reader.
fn build_sentence(
    text: String,
    spans: impl IntoIterator<Item = (usize, usize, String, String)>,
    format: GoldFormat,
) -> GoldSentence {
    let mut entities = Vec::new();
    let mut skipped = Vec::new();
    for (start, end, label, surface) in spans {
        match format.kind_of(&label) {
            Some(kind) => entities.push(Mention {
                start,
                end,
                kind,
                text: surface,
            }),
            None => skipped.push(SkippedSpan { start, end, label }),
        }
    }
    entities.sort();
    entities.dedup();
    skipped.sort();
    skipped.dedup();
    GoldSentence {
        text,
        entities,
        skipped,
    }
}

/// Parsing helpers the readers' tests share.
#[cfg(test)]
mod test_support {
    use super::*;

    pub(super) fn parse(content: &str, format: GoldFormat) -> GoldSet {
        parse_gold(content, Path::new("t"), format).unwrap()
    }

    pub(super) fn spans(s: &GoldSentence) -> Vec<(usize, usize, MentionKind, &str)> {
        s.entities
            .iter()
            .map(|m| (m.start, m.end, m.kind, m.text.as_str()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip() {
        for f in GoldFormat::ALL {
            assert_eq!(GoldFormat::parse(f.as_str()), Some(f));
        }
        assert_eq!(GoldFormat::parse(" BIO "), Some(GoldFormat::Bio));
        assert_eq!(GoldFormat::parse("conll"), None);
        assert_eq!(
            GoldFormat::guess(Path::new("x/test.bmes")),
            Some(GoldFormat::Bmes)
        );
        assert_eq!(
            GoldFormat::guess(Path::new("dev.jsonl")),
            Some(GoldFormat::Cluener)
        );
        assert_eq!(GoldFormat::guess(Path::new("dev.txt")), None);
    }

    #[test]
    fn read_gold_reports_missing_file_and_non_utf8() {
        let err = read_gold("/nonexistent/zhkg/gold.bio", GoldFormat::Bio).unwrap_err();
        assert!(matches!(err, Error::Io { .. }));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gbk.bio");
        std::fs::write(&path, [0xd6, 0xd0, b' ', b'O', b'\n']).unwrap();
        let err = read_gold(&path, GoldFormat::Bio).unwrap_err();
        assert!(matches!(err, Error::NotText { .. }), "{err}");
    }

    /// The shared evaluation data, when present, must read with the entity
    /// counts its README states.
    #[test]
    fn shared_eval_data_reads_with_documented_counts() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
        if !root.is_dir() {
            // CI sets ZHKG_REQUIRE_ALL=1: there the data must be present.
            assert!(
                std::env::var_os("ZHKG_REQUIRE_ALL").is_none_or(|v| v != "1"),
                "{} is absent and ZHKG_REQUIRE_ALL=1",
                root.display()
            );
            eprintln!("notice: {} is absent: test skipped", root.display());
            return;
        }
        let cases = [
            (
                "msra/test.bio",
                GoldFormat::Bio,
                3442,
                172_601,
                [1973, 0, 1331, 2886],
            ),
            (
                "peoples-daily/dev.bio",
                GoldFormat::Bio,
                2318,
                109_870,
                [884, 0, 984, 1951],
            ),
            (
                "cluener2020/dev.jsonl",
                GoldFormat::Cluener,
                1343,
                0,
                [465, 433, 247, 373],
            ),
            (
                "resume/dev.bmes",
                GoldFormat::Bmes,
                463,
                0,
                [110, 690, 523, 2],
            ),
        ];
        for (file, format, sentences, chars, [per, title, org, loc]) in cases {
            let path = root.join(file);
            if !path.is_file() {
                assert!(
                    std::env::var_os("ZHKG_REQUIRE_ALL").is_none_or(|v| v != "1"),
                    "{} is absent and ZHKG_REQUIRE_ALL=1",
                    path.display()
                );
                eprintln!("notice: {} is absent: skipped", path.display());
                continue;
            }
            let set = read_gold(&path, format).unwrap();
            assert_eq!(set.sentences.len(), sentences, "{file}");
            if chars > 0 {
                assert_eq!(set.chars(), chars, "{file}");
            }
            let counts = set.entity_counts();
            let count = |k| counts.get(&k).copied().unwrap_or(0);
            assert_eq!(count(MentionKind::Person), per, "{file}");
            assert_eq!(count(MentionKind::Title), title, "{file}");
            assert_eq!(count(MentionKind::Organization), org, "{file}");
            assert_eq!(count(MentionKind::Place), loc, "{file}");
        }
        let path = root.join("cluener2020/dev.jsonl");
        if path.is_file() {
            let skipped = read_gold(&path, GoldFormat::Cluener).unwrap().skipped();
            let names: Vec<&str> = skipped.keys().map(String::as_str).collect();
            assert_eq!(
                names,
                ["book", "company", "game", "movie", "organization", "scene"]
            );
            assert_eq!(skipped["company"], 378);
        }
    }
}
