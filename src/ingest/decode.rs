//! Bytes to text: UTF-8 (with or without BOM), GB18030/GBK or Big5; anything else,
//! binary data or another encoding read as GB18030 or Big5 gibberish, is refused with
//! the reason. Text in traditional script comes out in simplified characters.

use crate::error::{Error, Result};
use std::borrow::Cow;
use std::path::Path;

/// Decodes UTF-8 (BOM optional, borrowed), GB18030 or Big5; anything else is not text.
pub fn decode<'b>(bytes: &'b [u8], path: &Path) -> Result<Cow<'b, str>> {
    let not_text = |reason: &str| Error::NotText {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(not_text("binary data (NUL bytes)"));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => {
            let gb = encoding_rs::GB18030
                .decode_without_bom_handling_and_without_replacement(bytes)
                .filter(|t| looks_like_chinese_gb(t));
            // Traditional script from Taiwan and Hong Kong comes in Big5, whose bytes
            // GB18030 reads as rare or private-use characters.
            let big5 = || {
                encoding_rs::BIG5
                    .decode_without_bom_handling_and_without_replacement(bytes)
                    .filter(|t| super::script::looks_traditional(t))
            };
            gb.or_else(big5).ok_or_else(|| {
                not_text(
                    "neither UTF-8 nor Chinese in GB18030 or Big5: another encoding (Shift-JIS?); convert it to UTF-8",
                )
            })?
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
    if super::script::looks_traditional(&text) {
        if let Cow::Owned(simplified) = super::script::to_simplified(&text) {
            return Ok(Cow::Owned(simplified));
        }
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
    for c in text.chars().take(20_000) {
        // Big5 read as GB18030 gives private-use characters too.
        if ('\u{E000}'..='\u{F8FF}').contains(&c) {
            cjk += 1;
            rare += 1;
            continue;
        }
        if !crate::normalize::is_cjk(c) {
            continue;
        }
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
        let (big5, _, _) = encoding_rs::BIG5.encode("濰坊市長劉建軍出席簽約儀式並講話。");
        assert_eq!(
            decode(&big5, Path::new("x")).unwrap(),
            "潍坊市长刘建军出席签约仪式并讲话。"
        );
        assert_eq!(
            decode("\u{feff}文本".as_bytes(), Path::new("x")).unwrap(),
            "文本"
        );
    }
}
