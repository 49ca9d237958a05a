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
        GoldFormat::Bio | GoldFormat::Bmes => parse_tagged(content, path, format)?,
        GoldFormat::Cluener => parse_cluener(content, path)?,
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

/// Where a tag puts its character relative to an entity. BIO and BMES (and
/// the BIOES/IOBES mixes some corpora use) all reduce to these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Position {
    Begin,
    Inside,
    End,
    Single,
}

fn split_tag(tag: &str) -> Option<(Position, &str)> {
    let (pos, label) = tag.split_once('-')?;
    let pos = match pos {
        "B" => Position::Begin,
        "I" | "M" => Position::Inside,
        "E" => Position::End,
        "S" => Position::Single,
        _ => return None,
    };
    (!label.is_empty()).then_some((pos, label))
}

/// Accumulates one sentence of a tagged file.
#[derive(Default)]
struct TaggedSentence {
    text: String,
    chars: usize,
    /// The entity being read: start and label.
    open: Option<(usize, String)>,
    spans: Vec<(usize, usize, String)>,
}

impl TaggedSentence {
    fn close(&mut self) {
        if let Some((start, label)) = self.open.take() {
            self.spans.push((start, self.chars, label));
        }
    }

    fn push(&mut self, token: &str, tag: Option<(Position, &str)>) {
        let start = self.chars;
        let continues = |open: &Option<(usize, String)>, label: &str| {
            open.as_ref().is_some_and(|(_, l)| l == label)
        };
        match tag {
            None => self.close(),
            Some((Position::Begin, label)) => {
                self.close();
                self.open = Some((start, label.to_string()));
            }
            // An I- without a B- (or after another label) starts an entity, as
            // conlleval reads it: the annotator's intent is plainly "entity".
            Some((Position::Inside | Position::End, label)) if !continues(&self.open, label) => {
                self.close();
                self.open = Some((start, label.to_string()));
            }
            Some((Position::Inside | Position::End, _)) => {}
            Some((Position::Single, label)) => {
                self.close();
                self.open = Some((start, label.to_string()));
            }
        }
        self.text.push_str(token);
        self.chars += token.chars().count();
        if matches!(tag, Some((Position::End | Position::Single, _))) {
            self.close();
        }
    }

    fn finish(mut self, format: GoldFormat) -> GoldSentence {
        self.close();
        let chars: Vec<char> = self.text.chars().collect();
        let spans = self.spans.into_iter().map(|(start, end, label)| {
            let text: String = chars[start..end].iter().collect();
            (start, end, label, text)
        });
        build_sentence(self.text, spans, format)
    }
}

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

fn parse_tagged(content: &str, path: &Path, format: GoldFormat) -> Result<Vec<GoldSentence>> {
    let mut sentences = Vec::new();
    let mut current = TaggedSentence::default();
    for (index, line) in content.lines().enumerate() {
        let number = index + 1;
        let line = line.trim_end();
        if line.trim().is_empty() {
            if !current.text.is_empty() {
                sentences.push(std::mem::take(&mut current).finish(format));
            }
            continue;
        }
        // Split at the last separator so that a space character written as a
        // token (" \tO") is still read as that character.
        let Some(at) = line.rfind(['\t', ' ']) else {
            return Err(parse_error(
                path,
                number,
                format!("expected `character<TAB or SPACE>tag`, found {line:?}"),
            ));
        };
        let (head, tag) = (&line[..at], line[at + 1..].trim());
        let token = match head.trim_end_matches(['\t', ' ']) {
            "" if head.is_empty() => {
                return Err(parse_error(
                    path,
                    number,
                    "missing character before the tag",
                ))
            }
            "" => " ",
            token => token,
        };
        let tag = match tag {
            "O" => None,
            tag => Some(split_tag(tag).ok_or_else(|| {
                parse_error(
                    path,
                    number,
                    format!(
                        "unknown tag {tag:?}: expected O, or B-, I-, M-, E- or S- followed by a label"
                    ),
                )
            })?),
        };
        current.push(token, tag);
    }
    if !current.text.is_empty() {
        sentences.push(current.finish(format));
    }
    Ok(sentences)
}

#[derive(Deserialize)]
struct CluenerLine {
    text: String,
    /// label → surface → inclusive `[start, end]` spans. Absent in the
    /// unlabelled test split, which then reads as sentences with no entities.
    #[serde(default)]
    label: BTreeMap<String, BTreeMap<String, Vec<[usize; 2]>>>,
}

fn parse_cluener(content: &str, path: &Path) -> Result<Vec<GoldSentence>> {
    let mut sentences = Vec::new();
    for (index, line) in content.lines().enumerate() {
        let number = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        let parsed: CluenerLine = serde_json::from_str(line).map_err(|e| {
            parse_error(
                path,
                number,
                format!("not a CLUENER record {{\"text\", \"label\"}}: {e}"),
            )
        })?;
        let chars: Vec<char> = parsed.text.chars().collect();
        let mut spans = Vec::new();
        for (label, surfaces) in parsed.label {
            for (surface, offsets) in surfaces {
                for [start, last] in offsets {
                    // CLUENER ends are inclusive; zhkg's are exclusive.
                    let end = last.saturating_add(1);
                    if start > last || end > chars.len() {
                        return Err(parse_error(
                            path,
                            number,
                            format!(
                                "{label} {surface:?}: span [{start}, {last}] is outside the \
                                 {}-character text",
                                chars.len()
                            ),
                        ));
                    }
                    let found: String = chars[start..end].iter().collect();
                    // A mismatch means the offsets are not what we think they
                    // are (bytes, or exclusive ends); scoring on them would
                    // silently measure nonsense.
                    if found != surface {
                        return Err(parse_error(
                            path,
                            number,
                            format!(
                                "{label} {surface:?}: span [{start}, {last}] (inclusive) covers \
                                 {found:?}"
                            ),
                        ));
                    }
                    spans.push((start, end, label.clone(), found));
                }
            }
        }
        sentences.push(build_sentence(parsed.text, spans, GoldFormat::Cluener));
    }
    Ok(sentences)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(content: &str, format: GoldFormat) -> GoldSet {
        parse_gold(content, Path::new("t"), format).unwrap()
    }

    fn spans(s: &GoldSentence) -> Vec<(usize, usize, MentionKind, &str)> {
        s.entities
            .iter()
            .map(|m| (m.start, m.end, m.kind, m.text.as_str()))
            .collect()
    }

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
    fn bio_tab_and_space_separators() {
        let tab = "张\tB-PER\n三\tI-PER\n在\tO\n郑\tB-LOC\n州\tI-LOC\n\n新\tB-ORG\n华\tI-ORG\n社\tI-ORG\n";
        let space = tab.replace('\t', " ");
        for content in [tab.to_string(), space] {
            let set = parse(&content, GoldFormat::Bio);
            assert_eq!(set.sentences.len(), 2);
            assert_eq!(set.sentences[0].text, "张三在郑州");
            assert_eq!(
                spans(&set.sentences[0]),
                vec![
                    (0, 2, MentionKind::Person, "张三"),
                    (3, 5, MentionKind::Place, "郑州")
                ]
            );
            assert_eq!(
                spans(&set.sentences[1]),
                vec![(0, 3, MentionKind::Organization, "新华社")]
            );
            assert_eq!(set.chars(), 8);
        }
    }

    #[test]
    fn bio_entity_at_sentence_end_without_trailing_blank_line() {
        let set = parse("去\tO\n北\tB-LOC\n京\tI-LOC", GoldFormat::Bio);
        assert_eq!(
            spans(&set.sentences[0]),
            vec![(1, 3, MentionKind::Place, "北京")]
        );
    }

    #[test]
    fn bio_inside_without_begin_starts_an_entity() {
        // I- after O, and I- of another label, each open a new entity.
        let set = parse(
            "在 O\n郑 I-LOC\n州 I-LOC\n市 I-ORG\n委 I-ORG\n",
            GoldFormat::Bio,
        );
        assert_eq!(
            spans(&set.sentences[0]),
            vec![
                (1, 3, MentionKind::Place, "郑州"),
                (3, 5, MentionKind::Organization, "市委")
            ]
        );
    }

    #[test]
    fn bio_adjacent_entities_and_tolerated_bioes_tags() {
        let set = parse(
            "中 B-LOC\n国 E-LOC\n美 S-LOC\n日 B-LOC\n本 M-LOC\n方 B-ORG\n",
            GoldFormat::Bio,
        );
        assert_eq!(
            spans(&set.sentences[0]),
            vec![
                (0, 2, MentionKind::Place, "中国"),
                (2, 3, MentionKind::Place, "美"),
                (3, 5, MentionKind::Place, "日本"),
                (5, 6, MentionKind::Organization, "方")
            ]
        );
    }

    #[test]
    fn blank_lines_and_crlf_do_not_make_empty_sentences() {
        let set = parse("\n\n甲 O\r\n\r\n\r\n乙 B-PER\r\n\n", GoldFormat::Bio);
        assert_eq!(set.sentences.len(), 2);
        assert_eq!(set.sentences[1].text, "乙");
        assert_eq!(set.sentences[1].entities.len(), 1);
    }

    #[test]
    fn a_space_can_be_a_token() {
        let set = parse("甲 O\n \tO\n乙 B-PER\n", GoldFormat::Bio);
        assert_eq!(set.sentences[0].text, "甲 乙");
        assert_eq!(
            spans(&set.sentences[0]),
            vec![(2, 3, MentionKind::Person, "乙")]
        );
    }

    #[test]
    fn bio_errors_name_file_and_line() {
        let err = parse_gold("甲 O\n乙 X-PER\n", Path::new("g.bio"), GoldFormat::Bio).unwrap_err();
        assert!(err.to_string().starts_with("g.bio:2: unknown tag"), "{err}");
        let err = parse_gold("甲 O\n\n乙\n", Path::new("g.bio"), GoldFormat::Bio).unwrap_err();
        assert!(err.to_string().starts_with("g.bio:3: expected"), "{err}");
        let err = parse_gold("甲 B-\n", Path::new("g.bio"), GoldFormat::Bio).unwrap_err();
        assert!(err.to_string().starts_with("g.bio:1:"), "{err}");
    }

    #[test]
    fn bio_unknown_labels_are_skipped_and_counted() {
        let set = parse("甲 B-MISC\n乙 I-MISC\n丙 B-PER\n", GoldFormat::Bio);
        let s = &set.sentences[0];
        assert_eq!(spans(s), vec![(2, 3, MentionKind::Person, "丙")]);
        assert_eq!(
            s.skipped,
            vec![SkippedSpan {
                start: 0,
                end: 2,
                label: "MISC".into()
            }]
        );
        assert_eq!(set.skipped(), BTreeMap::from([("MISC".to_string(), 1)]));
        assert_eq!(
            set.kinds(),
            vec![
                MentionKind::Person,
                MentionKind::Organization,
                MentionKind::Place
            ]
        );
    }

    #[test]
    fn bmes_resume_labels() {
        let content = "\
高 B-NAME\n勇 E-NAME\n， O\n男 O\n， O\n汉 B-RACE\n族 E-RACE\n， O\n\
现 O\n任 O\n公 B-ORG\n司 E-ORG\n董 B-TITLE\n事 M-TITLE\n长 E-TITLE\n\n\
王 S-NAME\n";
        let set = parse(content, GoldFormat::Bmes);
        assert_eq!(set.sentences.len(), 2);
        assert_eq!(
            spans(&set.sentences[0]),
            vec![
                (0, 2, MentionKind::Person, "高勇"),
                (10, 12, MentionKind::Organization, "公司"),
                (12, 15, MentionKind::Title, "董事长")
            ]
        );
        assert_eq!(set.skipped(), BTreeMap::from([("RACE".to_string(), 1)]));
        assert_eq!(
            spans(&set.sentences[1]),
            vec![(0, 1, MentionKind::Person, "王")]
        );
        assert_eq!(set.kinds().len(), 4);
    }

    #[test]
    fn bmes_begin_without_end_closes_at_next_tag() {
        let set = parse("北 B-LOC\n京 O\n上 B-LOC\n海 B-LOC\n", GoldFormat::Bmes);
        assert_eq!(
            spans(&set.sentences[0]),
            vec![
                (0, 1, MentionKind::Place, "北"),
                (2, 3, MentionKind::Place, "上"),
                (3, 4, MentionKind::Place, "海")
            ]
        );
    }

    #[test]
    fn cluener_inclusive_ends_become_exclusive() {
        let line = r#"{"text": "彭小军认为，台湾的发卡模式", "label": {"address": {"台湾": [[6, 7]]}, "name": {"彭小军": [[0, 2]]}, "company": {"发卡": [[9, 10]]}}}"#;
        let set = parse(line, GoldFormat::Cluener);
        let s = &set.sentences[0];
        assert_eq!(
            spans(s),
            vec![
                (0, 3, MentionKind::Person, "彭小军"),
                (6, 8, MentionKind::Place, "台湾")
            ]
        );
        assert_eq!(
            s.skipped,
            vec![SkippedSpan {
                start: 9,
                end: 11,
                label: "company".into()
            }]
        );
    }

    #[test]
    fn cluener_label_mapping() {
        let content = concat!(
            r#"{"text": "市政府秘书长说", "label": {"government": {"市政府": [[0, 2]]}, "position": {"秘书长": [[3, 5]]}}}"#,
            "\n\n",
            r#"{"text": "曼联赢了", "label": {"organization": {"曼联": [[0, 1]]}}}"#,
            "\n",
            r#"{"text": "没有标注"}"#,
            "\n"
        );
        let set = parse(content, GoldFormat::Cluener);
        assert_eq!(set.sentences.len(), 3);
        assert_eq!(
            spans(&set.sentences[0]),
            vec![
                (0, 3, MentionKind::Organization, "市政府"),
                (3, 6, MentionKind::Title, "秘书长")
            ]
        );
        assert!(set.sentences[1].entities.is_empty());
        assert!(set.sentences[2].entities.is_empty());
        assert_eq!(
            set.skipped(),
            BTreeMap::from([("organization".to_string(), 1)])
        );
    }

    #[test]
    fn cluener_errors_name_file_and_line() {
        let bad_span = "{\"text\": \"ab\", \"label\": {}}\n{\"text\": \"甲乙\", \"label\": {\"name\": {\"甲乙\": [[0, 2]]}}}\n";
        let err = parse_gold(bad_span, Path::new("c.jsonl"), GoldFormat::Cluener).unwrap_err();
        assert!(err.to_string().starts_with("c.jsonl:2: name"), "{err}");
        let exclusive = "{\"text\": \"甲乙丙\", \"label\": {\"name\": {\"甲乙\": [[0, 2]]}}}\n";
        let err = parse_gold(exclusive, Path::new("c.jsonl"), GoldFormat::Cluener).unwrap_err();
        assert!(err.to_string().contains("covers \"甲乙丙\""), "{err}");
        let huge = "{\"text\": \"甲乙\", \"label\": {\"name\": {\"甲乙\": [[3, 18446744073709551615]]}}}\n";
        let err = parse_gold(huge, Path::new("c.jsonl"), GoldFormat::Cluener).unwrap_err();
        assert!(err.to_string().starts_with("c.jsonl:1: name"), "{err}");
        let err =
            parse_gold("{\"txt\": 1}\n", Path::new("c.jsonl"), GoldFormat::Cluener).unwrap_err();
        assert!(
            err.to_string().starts_with("c.jsonl:1: not a CLUENER"),
            "{err}"
        );
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
