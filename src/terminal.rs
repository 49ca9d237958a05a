//! Text from articles and file names made safe for a terminal: control characters
//! (an escape sequence can retitle a window or clear the screen) and bidirectional
//! overrides (they reorder what is shown) are written as visible `\u{…}` escapes.
//! Only human output goes through it; JSON output stays exact.

use std::borrow::Cow;
use std::fmt;

/// Whether a character must not reach a terminal as it is.
fn unsafe_for_terminal(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200e}' | '\u{200f}' | '\u{061c}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{2028}' | '\u{2029}')
}

/// `s` with every control character and bidirectional mark escaped as `\u{…}` (and
/// backslashes doubled only then, so that ordinary text is shown unchanged).
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(unsafe_for_terminal) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if unsafe_for_terminal(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else if c == '\\' {
            out.push_str("\\\\");
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Displays a string through [`escape`].
pub struct Escaped<'a>(pub &'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&escape(self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_untouched_and_controls_are_visible() {
        assert_eq!(escape("马军 a\\b"), "马军 a\\b");
        assert_eq!(escape("a\u{1b}]0;x\u{7}"), "a\\u{1b}]0;x\\u{7}");
        assert_eq!(escape("\u{202e}abc\\"), "\\u{202e}abc\\\\");
        assert_eq!(escape("line\nnext"), "line\\u{a}next");
    }
}
