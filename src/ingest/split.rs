//! Text to articles: markdown or plain text split at `#`/`##` headings (front matter
//! for all), JSONL one article a line, and articles too long for one cut into parts.

use super::{article_id, make_article, Article};
use crate::byline::strip_bylines;
use crate::error::{Error, Result};
use crate::lexicon::Lexicon;
use std::collections::BTreeMap;
use std::path::Path;

/// The longest headline, in characters: a "heading" longer than this is text, and
/// goes into the body as its first paragraph.
pub const MAX_HEADLINE_CHARS: usize = 200;

/// `headline` when it is one; otherwise `None`, with its text put at the start of `body`.
fn cap_headline(headline: Option<String>, body: &mut String) -> Option<String> {
    match headline {
        Some(h) if h.chars().nth(MAX_HEADLINE_CHARS).is_some() => {
            body.insert(0, '\n');
            body.insert_str(0, &h);
            None
        }
        other => other,
    }
}

/// Splits markdown or plain text into articles at `#` and `##` headings.
pub fn split_text(text: &str, source: &str, lex: &Lexicon) -> Vec<Article> {
    let mut parts: Vec<(Option<String>, Vec<&str>)> = Vec::new();
    let mut front: BTreeMap<String, String> = BTreeMap::new();
    let mut lines = text.lines().peekable();
    // YAML-style front matter at the top of the file applies to every article in it.
    if lines.peek().map(|l| l.trim()) == Some("---") {
        let mut fm = Vec::new();
        lines.next();
        for l in lines.by_ref() {
            if l.trim() == "---" {
                break;
            }
            fm.push(l);
        }
        for l in fm {
            if let Some((k, v)) = l.split_once(':') {
                front.insert(k.trim().to_string(), v.trim().trim_matches('"').to_string());
            }
        }
    }
    for line in lines {
        let t = line.trim_start();
        let level = t.chars().take_while(|&c| c == '#').count();
        if (level == 1 || level == 2) && t[level..].starts_with([' ', '\t']) {
            parts.push((Some(t[level..].trim().to_string()), Vec::new()));
        } else {
            if parts.is_empty() {
                parts.push((None, Vec::new()));
            }
            parts.last_mut().expect("pushed").1.push(line);
        }
    }
    // Plain text with no heading at all: a short first line standing alone is the
    // headline, as news files are commonly written (标题, a blank line, the story).
    if let [(None, lines)] = parts.as_mut_slice() {
        if let Some(h) = first_line_headline(lines) {
            let mut headline = lines[h].trim().to_string();
            lines.drain(..=h);
            // Deck lines under the headline are its own phrases, not the lead's.
            while let Some(d) = deck_line(lines, lex) {
                headline.push(' ');
                headline.push_str(lines[d].trim());
                lines.drain(..=d);
            }
            parts[0].0 = Some(headline);
        }
    }
    let many = parts.iter().filter(|p| has_text(&p.1)).count() > 1;
    let mut out = Vec::new();
    for (headline, body_lines) in parts {
        if headline.is_none() && !has_text(&body_lines) {
            continue;
        }
        let (mut body, bylines) = strip_bylines(&body_lines, lex);
        let headline = cap_headline(headline, &mut body);
        let n = out.len() + 1;
        let mut art = make_article(
            headline,
            body,
            bylines,
            if many {
                format!("{source}#{n}")
            } else {
                source.to_string()
            },
        );
        apply_metadata(&mut art, &front);
        out.push(art);
    }
    out
}

/// The longest first line read as a headline, in characters.
const MAX_PLAIN_HEADLINE_CHARS: usize = 60;

/// The index of a plain-text headline among `lines`: the first non-empty line, short,
/// not ending a sentence, followed by a blank line and more text.
fn first_line_headline(lines: &[&str]) -> Option<usize> {
    let h = lines.iter().position(|l| !l.trim().is_empty())?;
    let line = lines[h].trim();
    let short = line.chars().count() <= MAX_PLAIN_HEADLINE_CHARS;
    let open = !line.ends_with([
        '。', '！', '？', '；', '.', '!', '?', ';', '：', ':', '，', ',',
    ]);
    let blank_after = lines.get(h + 1).is_some_and(|l| l.trim().is_empty());
    let more = has_text(&lines[h + 1..]);
    (short && open && blank_after && more).then_some(h)
}

/// The index of a deck line among `lines` (the text after a headline): the first
/// non-empty line, when it is words alone, without the punctuation of a sentence or
/// the date or credit that opens a body (李思杰查看秋作物播种情况 under 李思杰调研我县
/// “三夏”麦收工作), and more text follows. A sentence of the body broken across lines
/// would run on into the next line; a deck stands alone.
fn deck_line(lines: &[&str], lex: &Lexicon) -> Option<usize> {
    let d = lines.iter().position(|l| !l.trim().is_empty())?;
    let line = lines[d].trim();
    let n = line.chars().count();
    let words_only = !line.contains([
        '。', '！', '？', '；', '，', '、', '：', '.', '!', '?', ';', ',', ':', '(', ')', '（',
        '）', '【', '】',
    ]);
    // A date (2024年5月21日, 1月20日, 2021-01-26) or a paper's name and page.
    let dated = line
        .char_indices()
        .filter(|(_, c)| matches!(c, '年' | '月' | '日' | '-' | '/'))
        .any(|(i, _)| line[..i].ends_with(|c: char| c.is_ascii_digit()));
    let opens_body = dated
        || [
            "本报",
            "日报",
            "晚报",
            "记者",
            "通讯员",
            "来源",
            "作者",
            "编辑",
            "发布",
            "星期",
        ]
        .iter()
        .any(|w| line.contains(w))
        || !strip_bylines(&[line], lex).1.is_empty();
    let more = has_text(&lines[d + 1..]);
    ((8..=MAX_PLAIN_HEADLINE_CHARS).contains(&n) && words_only && !opens_body && more).then_some(d)
}

fn has_text(lines: &[&str]) -> bool {
    lines.iter().any(|l| !l.trim().is_empty())
}

/// The longest article body handed on, in characters. News articles are a few
/// thousand characters; a file with megabytes of text under one heading (or none) is
/// a dump, and the per-article stages after ingest are not linear in article length
/// (mentions are compared with each other), so it is cut into parts at paragraph or
/// sentence ends, each an article of its own (`source#part2`, …).
pub const MAX_ARTICLE_CHARS: usize = 30_000;

/// Cuts an overly long article into parts (see [`MAX_ARTICLE_CHARS`]); the first part
/// keeps the headline and bylines, every part keeps the metadata.
pub fn split_oversized(art: Article) -> Vec<Article> {
    // Bytes bound characters from above: most articles are decided without counting.
    if art.body.len() <= MAX_ARTICLE_CHARS || art.body.chars().count() <= MAX_ARTICLE_CHARS {
        return vec![art];
    }
    let mut parts = Vec::new();
    let mut rest = art.body.as_str();
    while !rest.is_empty() {
        let limit = rest
            .char_indices()
            .nth(MAX_ARTICLE_CHARS)
            .map_or(rest.len(), |(i, _)| i);
        let cut = if limit == rest.len() {
            limit
        } else {
            // The last paragraph end in the second half of the window, else the last
            // sentence end, else a hard cut at a character boundary.
            let window = &rest[..limit];
            let half = window.len() / 2;
            let after = |i: Option<usize>, len: usize| i.filter(|&i| i >= half).map(|i| i + len);
            after(window.rfind('\n'), 1)
                .or_else(|| after(window.rfind('。'), '。'.len_utf8()))
                .unwrap_or(limit)
        };
        parts.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    let n = parts.len();
    parts
        .into_iter()
        .enumerate()
        .map(|(i, body)| {
            let first = i == 0;
            let headline = if first { art.headline.clone() } else { None };
            // The part number is hashed too: two parts of a dump may be the same text,
            // and they are not reposts of each other.
            let key = format!(
                "{}\u{0}part{}",
                art.headline.as_deref().unwrap_or(""),
                i + 1
            );
            Article {
                id: article_id(Some(&key), body),
                source: format!("{}#part{}", art.source, i + 1),
                headline,
                body: body.to_string(),
                bylines: if first {
                    art.bylines.clone()
                } else {
                    Vec::new()
                },
                date: art.date.clone(),
                attrs: {
                    let mut a = art.attrs.clone();
                    a.insert("part".into(), format!("{}/{n}", i + 1));
                    a
                },
            }
        })
        .collect()
}

fn apply_metadata(art: &mut Article, fields: &BTreeMap<String, String>) {
    for (k, v) in fields {
        match k.as_str() {
            "date" => art.date = normalize_date(v),
            "title" if art.headline.is_none() && v.chars().nth(MAX_HEADLINE_CHARS).is_none() => {
                art.headline = Some(v.clone())
            }
            _ => {
                art.attrs.insert(k.clone(), v.clone());
            }
        }
    }
}

/// `2020-03-19`, `2020/3/19`, `2020年3月19日` → `2020-03-19`.
pub fn normalize_date(s: &str) -> Option<String> {
    let nums: Vec<u32> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .filter_map(|p| p.parse().ok())
        .collect();
    match nums.as_slice() {
        [y, m, d, ..] if *y > 1900 && (1..=12).contains(m) && (1..=31).contains(d) => {
            Some(format!("{y:04}-{m:02}-{d:02}"))
        }
        _ => None,
    }
}

/// Reads JSONL articles: `{"id", "title", "date", "text"}`, other fields kept as
/// attributes; the first bad line is an error.
#[cfg(test)]
fn split_jsonl(text: &str, path: &Path, lex: &Lexicon) -> Result<Vec<Article>> {
    let (articles, bad) = split_jsonl_lines(text, path, lex);
    match bad.into_iter().next() {
        Some(e) => Err(e),
        None => Ok(articles),
    }
}

/// Reads JSONL articles: the articles of the good lines, and an error for each bad one.
pub(super) fn split_jsonl_lines(
    text: &str,
    path: &Path,
    lex: &Lexicon,
) -> (Vec<Article>, Vec<Error>) {
    let mut out = Vec::new();
    let mut bad = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match jsonl_article(line, i, path, lex) {
            Ok(a) => out.push(a),
            Err(e) => bad.push(e),
        }
    }
    (out, bad)
}

/// One JSONL line (the `i`-th, 0-based) as an article.
fn jsonl_article(line: &str, i: usize, path: &Path, lex: &Lexicon) -> Result<Article> {
    let v: serde_json::Value = serde_json::from_str(line).map_err(|e| Error::Parse {
        path: path.to_path_buf(),
        line: i + 1,
        message: e.to_string(),
    })?;
    let obj = v.as_object().ok_or_else(|| Error::Parse {
        path: path.to_path_buf(),
        line: i + 1,
        message: "not a JSON object".into(),
    })?;
    let body_text = obj
        .get("text")
        .and_then(|t| t.as_str())
        .ok_or_else(|| Error::Parse {
            path: path.to_path_buf(),
            line: i + 1,
            message: "missing string field `text`".into(),
        })?;
    let lines: Vec<&str> = body_text.lines().collect();
    let (mut body, bylines) = strip_bylines(&lines, lex);
    let headline = obj
        .get("title")
        .and_then(|t| t.as_str())
        .map(str::to_string);
    let headline = cap_headline(headline, &mut body);
    let mut art = make_article(
        headline,
        body,
        bylines,
        format!("{}#{}", path.display(), i + 1),
    );
    let mut fields = BTreeMap::new();
    for (k, v) in obj {
        if k == "text" || k == "title" {
            continue;
        }
        let s = match v {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        fields.insert(k.clone(), s);
    }
    apply_metadata(&mut art, &fields);
    Ok(art)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::embedded()
    }

    #[test]
    fn headings_split_articles_and_h3_stays_inside() {
        let arts = split_text(
            "# 一\n\n正文一。\n\n## 二\n\n正文二。\n\n### 小节\n\n正文三。\n",
            "f.md",
            &lex(),
        );
        assert_eq!(arts.len(), 2);
        assert_eq!(arts[0].headline.as_deref(), Some("一"));
        assert!(arts[1].body.contains("### 小节"));
        assert_eq!(arts[1].source, "f.md#2");
        assert_ne!(arts[0].id, arts[1].id);
    }

    #[test]
    fn a_short_first_line_alone_is_the_headline_of_plain_text() {
        let arts = split_text("县长办公会召开\n\n本报讯 会议召开。\n", "a.txt", &lex());
        assert_eq!(arts[0].headline.as_deref(), Some("县长办公会召开"));
        assert_eq!(arts[0].body.trim(), "本报讯 会议召开。");
        // A first sentence, or a line running on, is text.
        for text in ["会议召开。\n\n正文。\n", "会议召开\n正文。\n"] {
            assert_eq!(
                split_text(text, "a.txt", &lex())[0].headline,
                None,
                "{text}"
            );
        }
    }

    #[test]
    fn deck_lines_under_a_headline_are_its_phrases() {
        let text = "旅游文化节在佛山开幕\n\n2015旅游文化节开幕式在佛山市隆重举行\n省长王明出席开幕式并授会旗\n10月31日下午,开幕式举行。\n";
        let arts = split_text(text, "a.txt", &lex());
        assert_eq!(
            arts[0].headline.as_deref(),
            Some("旅游文化节在佛山开幕 2015旅游文化节开幕式在佛山市隆重举行 省长王明出席开幕式并授会旗")
        );
        assert_eq!(arts[0].body.trim(), "10月31日下午,开幕式举行。");
        // A paper's name and date, a credit, a sentence: the body's.
        for line in [
            "潍坊日报 2024年5月21日 星期二 第A2版",
            "本报记者 王明 通讯员 李华",
            "会议由王明主持,李华出席",
        ] {
            let text = format!("会议召开\n\n{line}\n\n正文。\n");
            let arts = split_text(&text, "a.txt", &lex());
            assert_eq!(arts[0].headline.as_deref(), Some("会议召开"), "{line}");
        }
    }

    #[test]
    fn oversized_articles_are_cut_into_parts_at_paragraphs() {
        let para = format!("{}。\n", "字".repeat(999));
        let body = para.repeat(75);
        let art = make_article(
            Some("标题".into()),
            body.clone(),
            Vec::new(),
            "f.txt".into(),
        );
        let parts = split_oversized(art);
        assert_eq!(parts.len(), 3);
        assert!(parts
            .iter()
            .all(|p| p.body.chars().count() <= MAX_ARTICLE_CHARS && p.body.ends_with('\n')));
        assert_eq!(
            parts.iter().map(|p| p.body.as_str()).collect::<String>(),
            body
        );
        assert_eq!(parts[0].headline.as_deref(), Some("标题"));
        assert_eq!(parts[2].source, "f.txt#part3");
        assert_eq!(parts[1].attrs["part"], "2/3");
        // No break at all: hard cuts, on character boundaries.
        let art = make_article(None, "字".repeat(75_000), Vec::new(), "g.txt".into());
        let parts = split_oversized(art);
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[0].body.chars().count(), MAX_ARTICLE_CHARS);
    }

    #[test]
    fn jsonl_fields_become_metadata() {
        let arts = split_jsonl(
            "{\"id\":\"x1\",\"title\":\"标题\",\"date\":\"2020年3月19日\",\"text\":\"正文。\",\"source\":\"报\"}\n",
            Path::new("a.jsonl"),
            &lex(),
        )
        .unwrap();
        assert_eq!(arts[0].date.as_deref(), Some("2020-03-19"));
        assert_eq!(arts[0].attrs["id"], "x1");
        assert_eq!(arts[0].attrs["source"], "报");
        let err = split_jsonl("{}\nnot json\n", Path::new("a.jsonl"), &lex()).unwrap_err();
        assert!(err.to_string().starts_with("a.jsonl:1"), "{err}");
    }
}
