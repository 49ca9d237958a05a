//! Traditional characters read as simplified. Reports of mainland occasions reach
//! users in traditional script too (Hong Kong, Taiwan and overseas mirrors), and the
//! lexicons, the segmenter's dictionary and the labeller all know simplified text.
//! The conversion maps one character to one character, so every offset into the
//! text stays where it was, and one person written both ways is one name.

use std::borrow::Cow;

/// How many characters from the start decide the script, as for the encoding.
const SAMPLE_CHARS: usize = 20_000;

/// Common characters that simplified text never uses (會 for 会, 國 for 国), sorted:
/// news in traditional script has several in every sentence.
const TRADITIONAL_ONLY: &[char] = &[
    '並', '來', '個', '們', '傳', '儀', '億', '則', '劃', '劉', '動', '務', '區', '協', '參', '員',
    '問', '國', '圖', '團', '報', '場', '學', '實', '將', '專', '對', '導', '幹', '廣', '張', '後',
    '從', '據', '時', '書', '會', '東', '條', '業', '機', '歲', '濟', '為', '現', '環', '產', '當',
    '發', '稅', '築', '簽', '約', '級', '組', '統', '經', '線', '縣', '總', '義', '職', '聽', '與',
    '興', '舉', '華', '萬', '處', '衛', '見', '規', '親', '觀', '計', '記', '設', '話', '認', '說',
    '調', '論', '講', '識', '議', '財', '責', '費', '資', '質', '軍', '辦', '農', '這', '進', '過',
    '選', '還', '鄉', '鎮', '長', '門', '開', '間', '關', '陳', '陽', '際', '電', '項', '領', '頭',
    '題', '體', '點', '黨',
];

/// Whether `text` is written in traditional script: at least three of its first
/// characters, and one in two hundred of its ideographs, are traditional only. A
/// simplified report quoting a name in traditional script (台灣) stays as written.
pub fn looks_traditional(text: &str) -> bool {
    let (mut ideographs, mut traditional) = (0usize, 0usize);
    for c in text.chars().take(SAMPLE_CHARS) {
        if crate::normalize::is_cjk(c) {
            ideographs += 1;
            traditional += usize::from(TRADITIONAL_ONLY.binary_search(&c).is_ok());
        }
    }
    traditional >= 3 && traditional * 200 >= ideographs
}

/// `text` in simplified characters, one for one; unchanged when a conversion would
/// change the number of characters (it never should).
pub fn to_simplified(text: &str) -> Cow<'_, str> {
    let simplified = simplet2s::convert(text);
    if simplified == text || simplified.chars().count() != text.chars().count() {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(simplified)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_characters_are_sorted_and_all_traditional() {
        assert!(TRADITIONAL_ONLY.windows(2).all(|w| w[0] < w[1]));
        for c in TRADITIONAL_ONLY {
            assert_ne!(to_simplified(&c.to_string()), c.to_string(), "{c}");
        }
    }

    #[test]
    fn a_report_in_traditional_script_reads_as_simplified() {
        let text = "濰坊市長劉建軍出席簽約儀式並講話。會議由市政府秘書長張志海主持。";
        assert!(looks_traditional(text));
        let simplified = to_simplified(text);
        assert_eq!(
            simplified,
            "潍坊市长刘建军出席签约仪式并讲话。会议由市政府秘书长张志海主持。"
        );
        assert_eq!(simplified.chars().count(), text.chars().count());
    }

    #[test]
    fn simplified_text_and_a_quoted_name_stay_as_written() {
        assert!(!looks_traditional("县委书记王明出席会议并讲话。"));
        assert!(!looks_traditional(
            "县委书记王明会见了台湾客商一行，双方就在台灣設立办事处交换了意见。县长李华参加会见，副县长张强主持签约仪式，县政府秘书长刘伟陪同考察，县发改局局长赵刚介绍了项目情况，县商务局局长孙明作了推介。"
        ));
        // 著 of 著名 is simplified too.
        assert_eq!(to_simplified("著名作家"), "著名作家");
    }
}
