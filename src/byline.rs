//! Bylines: the people an article credits (记者 张三 通讯员 李四, （记者 王五）), found and
//! taken out of its text.

use crate::lexicon::Lexicon;

/// How a person is credited in a byline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BylineRole {
    /// 记者.
    Reporter,
    /// 通讯员.
    Correspondent,
}

impl BylineRole {
    /// `reporter` or `correspondent`.
    pub fn as_str(self) -> &'static str {
        match self {
            BylineRole::Reporter => "reporter",
            BylineRole::Correspondent => "correspondent",
        }
    }
}

/// One credited name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Byline {
    /// The person's name.
    pub name: String,
    /// Reporter or correspondent.
    pub role: BylineRole,
}

const BYLINE_ROLES: &[(&str, BylineRole)] = &[
    ("特约记者", BylineRole::Reporter),
    ("实习记者", BylineRole::Reporter),
    ("首席记者", BylineRole::Reporter),
    ("记者", BylineRole::Reporter),
    ("通讯员", BylineRole::Correspondent),
    ("实习生", BylineRole::Correspondent),
];

/// Removes bylines from body lines; returns the body and the credited names in order.
pub(crate) fn strip_bylines(lines: &[&str], lex: &Lexicon) -> (String, Vec<Byline>) {
    let mut body = String::new();
    let mut bylines = Vec::new();
    for line in lines {
        let mut line = line.to_string();
        // A parenthesised byline anywhere on the line: （记者 张三 通讯员 李四）.
        let mut from = 0;
        while let Some((open, close, found)) = find_paren_byline(&line, from, lex) {
            bylines.extend(found);
            line.replace_range(open..close, "");
            from = open;
        }
        // A whole line, or the tail after the last sentence end.
        let cut = line
            .char_indices()
            .filter(|(_, c)| matches!(c, '。' | '！' | '？' | '”'))
            .map(|(i, c)| i + c.len_utf8())
            .next_back()
            .unwrap_or(0);
        if let Some(found) = parse_byline(&line[cut..], lex) {
            bylines.extend(found);
            line.truncate(cut);
        }
        body.push_str(&line);
        body.push('\n');
    }
    bylines.dedup();
    (body, bylines)
}

/// The longest text in brackets read as a byline: a byline credits a few people.
const MAX_PAREN_BYLINE: usize = 60;

/// The first bracketed byline of `line` at or after byte `from`: (open, close end,
/// bylines). Only a short stretch after each opening bracket is searched for its
/// close, so that a line of many unmatched brackets is read in linear time.
fn find_paren_byline(
    line: &str,
    from: usize,
    lex: &Lexicon,
) -> Option<(usize, usize, Vec<Byline>)> {
    for (i, c) in line[from..].char_indices() {
        if c != '（' && c != '(' {
            continue;
        }
        let open = from + i;
        let inner_start = open + c.len_utf8();
        let window_end = line[inner_start..]
            .char_indices()
            .nth(MAX_PAREN_BYLINE)
            .map_or(line.len(), |(j, _)| inner_start + j);
        let Some(close_rel) = line[inner_start..window_end].find(['）', ')']) else {
            continue;
        };
        let inner = &line[inner_start..inner_start + close_rel];
        if let Some(found) = parse_byline(inner, lex) {
            let close_char_len = line[inner_start + close_rel..].chars().next()?.len_utf8();
            return Some((open, inner_start + close_rel + close_char_len, found));
        }
    }
    None
}

/// Parses text made only of byline groups: `记者 蔺洋 通讯员 张超`, `记者张三、李四`.
pub fn parse_byline(s: &str, lex: &Lexicon) -> Option<Vec<Byline>> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    let mut rest = s
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）']);
    let mut role: Option<BylineRole> = None;
    loop {
        rest = rest.trim_start_matches([' ', '\u{3000}', '\t', ':', '：', '、', ',', '，', '/']);
        if rest.is_empty() {
            break;
        }
        if let Some((kw, r)) = BYLINE_ROLES.iter().find(|(kw, _)| rest.starts_with(kw)) {
            role = Some(*r);
            rest = &rest[kw.len()..];
            continue;
        }
        let role = role?;
        // A run of CJK characters up to the next separator or role word.
        let mut end = rest.len();
        for (i, c) in rest.char_indices() {
            if !crate::normalize::is_cjk(c) && c != '·' {
                end = i;
                break;
            }
            if i > 0 && BYLINE_ROLES.iter().any(|(kw, _)| rest[i..].starts_with(kw)) {
                end = i;
                break;
            }
        }
        if end == 0 {
            return None;
        }
        let run = &rest[..end];
        for name in split_name_run(run)? {
            // A byline credits people: every name starts with a surname.
            lex.surname_len(&name)?;
            out.push(Byline { name, role });
        }
        rest = &rest[end..];
    }
    (!out.is_empty()).then_some(out)
}

/// Splits a run of names written without separators (张三李四) into names of 2–3 characters.
fn split_name_run(run: &str) -> Option<Vec<String>> {
    let chars: Vec<char> = run.chars().collect();
    match chars.len() {
        2..=4 => Some(vec![run.to_string()]),
        5 | 6 => {
            let cut = if chars.len() == 5 { 2 } else { 3 };
            Some(vec![
                chars[..cut].iter().collect(),
                chars[cut..].iter().collect(),
            ])
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::embedded()
    }

    #[test]
    fn bylines_in_every_shape() {
        let b = parse_byline("记者 蔺洋 通讯员 张超", &lex()).unwrap();
        assert_eq!(
            b,
            vec![
                Byline {
                    name: "蔺洋".into(),
                    role: BylineRole::Reporter
                },
                Byline {
                    name: "张超".into(),
                    role: BylineRole::Correspondent
                },
            ]
        );
        let b = parse_byline("（通讯员 王五 记者张三、李四）", &lex()).unwrap();
        assert_eq!(b.len(), 3);
        assert_eq!(b[0].role, BylineRole::Correspondent);
        assert!(parse_byline("记者节到了,大家好", &lex()).is_none());
        assert!(parse_byline("通讯员", &lex()).is_none());
    }

    #[test]
    fn byline_at_line_end_and_in_parens_is_removed() {
        let (body, b) = strip_bylines(
            &[
                "引导企业振奋信心。记者 蔺洋",
                "本报讯（记者 张三）今天上午,会议召开。",
            ],
            &lex(),
        );
        assert_eq!(body, "引导企业振奋信心。\n本报讯今天上午,会议召开。\n");
        assert_eq!(b.len(), 2);
    }
}
