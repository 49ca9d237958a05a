//! The reader of CLUENER2020 JSON lines: spans with inclusive ends become zhkg's
//! exclusive ones, and each span is checked against the text it claims to cover.

use super::{build_sentence, parse_error, GoldFormat, GoldSentence};
use crate::error::Result;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Deserialize)]
struct CluenerLine {
    text: String,
    /// label → surface → inclusive `[start, end]` spans. Absent in the
    /// unlabelled test split, which then reads as sentences with no entities.
    #[serde(default)]
    label: BTreeMap<String, BTreeMap<String, Vec<[usize; 2]>>>,
}

pub(super) fn parse_cluener(content: &str, path: &Path) -> Result<Vec<GoldSentence>> {
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
    use crate::eval::gold::test_support::{parse, spans};
    use crate::eval::gold::{parse_gold, GoldFormat, SkippedSpan};
    use crate::mention::MentionKind;
    use std::collections::BTreeMap;
    use std::path::Path;

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
}
