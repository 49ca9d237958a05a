//! The reader of character-per-line tagged files (BIO for MSRA and People's Daily,
//! BMES for Resume): tags are folded into entity spans as conlleval reads them,
//! tolerating the mixed BIOES tags some corpora use.

use super::{build_sentence, parse_error, GoldFormat, GoldSentence};
use crate::error::Result;
use std::path::Path;

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

pub(super) fn parse_tagged(
    content: &str,
    path: &Path,
    format: GoldFormat,
) -> Result<Vec<GoldSentence>> {
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

#[cfg(test)]
mod tests {
    use crate::eval::gold::test_support::{parse, spans};
    use crate::eval::gold::{parse_gold, GoldFormat, SkippedSpan};
    use crate::mention::MentionKind;
    use std::collections::BTreeMap;
    use std::path::Path;

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
}
