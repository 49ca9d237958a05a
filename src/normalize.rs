//! Text normalisation: an article's raw body comes in, clean text goes out together
//! with a map from every output character back to the raw character it came from
//! (so provenance can always point at the original). Lines broken inside a sentence
//! are joined, full-width digits and letters become half-width, and stray spaces
//! between CJK characters are dropped.

/// Normalised text and, for each of its characters, the index of the raw character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The clean text.
    pub text: String,
    /// `map[i]` is the raw character index of `text`'s i-th character.
    pub map: Vec<usize>,
}

/// CJK ideographs (and the extension blocks news text uses).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2EBEF | 0x30000..=0x3134F)
}

/// Punctuation that ends a sentence, so a line break after it is a real break.
pub fn ends_sentence(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '；' | '!' | '?' | ';' | '…' | '”' | '’' | '」' | '』' | '：' | ':'
    )
}

/// Full-width ASCII digits and letters to half-width; the ideographic space to a space.
/// Chinese punctuation is kept: it carries meaning (、 lists, 《》 titles).
pub fn to_half_width(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        '\u{3000}' | '\u{00A0}' => ' ',
        _ => c,
    }
}

/// Normalises `raw` (see the module docs).
pub fn normalize(raw: &str) -> Normalized {
    let mut map = Vec::with_capacity(raw.chars().count());
    let text = normalize_into(raw, Some(&mut map));
    Normalized { text, map }
}

/// The text of [`normalize`] alone, for callers that never map back to the raw text
/// (extraction): the map takes 8 bytes a character.
pub fn normalize_text(raw: &str) -> String {
    normalize_into(raw, None)
}

/// The normalised text, pushing onto `map` (when given) each character's position in `raw`.
fn normalize_into(raw: &str, mut map: Option<&mut Vec<usize>>) -> String {
    // Read as it goes (with the raw character index of each): a character vector of
    // the whole body was a large fresh allocation per article.
    let mut chars = raw.chars().map(to_half_width).enumerate().peekable();
    let mut text = String::with_capacity(raw.len());
    let mut mark = |i: usize| {
        if let Some(m) = map.as_deref_mut() {
            m.push(i);
        }
    };
    // A markdown heading line always ends at its line break.
    let mut in_heading = chars.peek().map(|&(_, c)| c) == Some('#');
    while let Some((i, c)) = chars.next() {
        if c == '\r' {
            continue;
        }
        if c == '\n' || c == ' ' || c == '\t' {
            // A run of white space (with or without line breaks).
            let start = i;
            let mut has_break = c == '\n';
            while let Some((_, d)) = chars.next_if(|&(_, d)| matches!(d, '\n' | ' ' | '\t' | '\r'))
            {
                has_break |= d == '\n';
            }
            let prev = text.chars().next_back();
            let next = chars.peek().map(|&(_, d)| d);
            let join = match (prev, next) {
                (Some(p), Some(n)) => {
                    let next_starts_text = is_cjk(n) || n.is_ascii_alphanumeric();
                    if has_break {
                        // A markdown heading or list item on the next line always starts anew.
                        let next_is_markup = matches!(n, '#' | '-' | '*' | '>');
                        !in_heading
                            && !ends_sentence(p)
                            && (is_cjk(p) || is_soft_punct(p))
                            && next_starts_text
                            && !next_is_markup
                    } else {
                        // Spaces between two CJK characters are typesetting (王  刚), not
                        // content, unless they part two long runs of words: a headline
                        // run into its body (…第十一次会议 会议审议通过), a title and its
                        // subtitle.
                        const RUN: usize = 5;
                        let run_before = text.chars().rev().take_while(|&c| is_cjk(c)).take(RUN);
                        let run_after = chars.clone().take_while(|&(_, c)| is_cjk(c)).take(RUN);
                        let parts_runs = run_before.count() == RUN && run_after.count() == RUN;
                        (is_cjk(p) || is_cjk_punct(p))
                            && (is_cjk(n) || is_cjk_punct(n))
                            && !parts_runs
                    }
                }
                _ => false,
            };
            if has_break && !join {
                in_heading = next == Some('#');
            }
            if !join {
                let out = if has_break { '\n' } else { ' ' };
                if prev.is_some() && next.is_some() {
                    text.push(out);
                    mark(start);
                }
            }
            continue;
        }
        text.push(c);
        mark(i);
    }
    text
}

/// Punctuation inside a sentence after which a line break is a typesetting break.
fn is_soft_punct(c: char) -> bool {
    matches!(
        c,
        ',' | '，' | '、' | '“' | '‘' | '（' | '(' | '《' | '-' | '—' | '+' | '>' | '<' | '='
    )
}

fn is_cjk_punct(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF | 0x2018..=0x201F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_lines_broken_inside_a_sentence() {
        let n = normalize("省委常委、市委书\n\n记徐立毅,惠\n\n济区");
        assert_eq!(n.text, "省委常委、市委书记徐立毅,惠济区");
        // The character after the break maps back past the two raw newlines.
        let ji = n.text.chars().position(|c| c == '记').unwrap();
        assert_eq!(raw_char("省委常委、市委书\n\n记徐立毅", n.map[ji]), '记');
    }

    fn raw_char(s: &str, i: usize) -> char {
        s.chars().nth(i).unwrap()
    }

    #[test]
    fn keeps_breaks_after_sentence_ends_and_before_headings() {
        assert_eq!(
            normalize("稳步增长。\n\n记者 蔺洋").text,
            "稳步增长。\n记者蔺洋"
        );
        assert_eq!(normalize("四城\n\n### 标题").text, "四城\n### 标题");
        assert_eq!(
            normalize("### 加强宣传\n\n由政策组").text,
            "### 加强宣传\n由政策组"
        );
        assert_eq!(
            normalize("复工人数17075人,\n\n复工比例").text,
            "复工人数17075人,复工比例"
        );
    }

    #[test]
    fn full_width_to_half_width_and_spaces() {
        assert_eq!(normalize("１月２６日 ＡＢ").text, "1月26日 AB");
        assert_eq!(normalize("惠济 区 召开 ABC 会").text, "惠济区召开 ABC 会");
        // Padding inside a name goes; a space parting two long runs stays.
        assert_eq!(normalize("副主席王  刚出席").text, "副主席王刚出席");
        assert_eq!(
            normalize("区政协召开常委会第十一次会议 会议审议通过了决定").text,
            "区政协召开常委会第十一次会议 会议审议通过了决定"
        );
    }
}
