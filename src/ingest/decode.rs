//! Bytes to text: UTF-8 (with or without BOM) or GB18030/GBK; anything else, binary data
//! or another encoding read as GB18030 gibberish, is refused with the reason.

use crate::error::{Error, Result};
use std::path::Path;

/// Decodes UTF-8 (BOM optional, borrowed) or GB18030; anything else is not text.
pub fn decode<'b>(bytes: &'b [u8], path: &Path) -> Result<std::borrow::Cow<'b, str>> {
    let not_text = |reason: &str| Error::NotText {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(not_text("binary data (NUL bytes)"));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => {
            let text = encoding_rs::GB18030
                .decode_without_bom_handling_and_without_replacement(bytes)
                .ok_or_else(|| not_text("neither UTF-8 nor GB18030"))?;
            if !looks_like_chinese_gb(&text) {
                return Err(not_text(
                    "not UTF-8, and read as GB18030 it is mostly rare characters: another encoding (Big5? Shift-JIS?); convert it to UTF-8",
                ));
            }
            text
        }
    };
    // One pass for both counts: a corpus is tens of MB of text.
    let (chars, controls) = text.chars().fold((0usize, 0usize), |(n, k), c| {
        let control = c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}');
        (n + 1, k + usize::from(control))
    });
    if controls * 100 > chars.max(1) {
        return Err(not_text("binary data (control characters)"));
    }
    Ok(text)
}

/// Whether text decoded as GB18030 reads as Chinese: Big5 or Shift-JIS bytes decode
/// as GB18030 too, but about half their characters then fall outside GB2312, the
/// 6,763 common characters that all but a few in a hundred of a Chinese news text's
/// characters are drawn from. The first 20,000 characters are enough to tell.
fn looks_like_chinese_gb(text: &str) -> bool {
    let mut encoder = encoding_rs::GB18030.new_encoder();
    let (mut cjk, mut rare) = (0usize, 0usize);
    for c in text
        .chars()
        .take(20_000)
        .filter(|c| crate::normalize::is_cjk(*c))
    {
        cjk += 1;
        let mut buf = [0u8; 8];
        let mut src = [0u8; 4];
        let (_, _, written) =
            encoder.encode_from_utf8_without_replacement(c.encode_utf8(&mut src), &mut buf, false);
        let in_gb2312 = written == 2 && (0xA1..=0xF7).contains(&buf[0]) && buf[1] >= 0xA1;
        rare += usize::from(!in_gb2312);
    }
    cjk < 10 || rare * 4 < cjk
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_gb18030_and_rejects_binary() {
        let (gbk, _, _) = encoding_rs::GB18030.encode("惠济区召开会议");
        assert_eq!(decode(&gbk, Path::new("x")).unwrap(), "惠济区召开会议");
        assert!(decode(b"\x00\x01\x02binary", Path::new("x")).is_err());
        assert_eq!(
            decode("\u{feff}文本".as_bytes(), Path::new("x")).unwrap(),
            "文本"
        );
    }
}
