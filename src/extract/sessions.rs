//! Sessions of congresses, CPPCC committees and party committees are written in a
//! long official form and several short ones (中国人民政治协商会议第十四届杭州市萧山区委员会
//! 第五次会议, 政协萧山区十四届五次会议, 区政协十四届五次会议): one occasion whichever form
//! the text uses. Two names are the same session when the body, its standing committee
//! or not, the term, the session's numbers and the kind of sitting agree.

/// Which body sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Body {
    /// A CPPCC committee (政协).
    Consultative,
    /// A people's congress (人大, 人民代表大会).
    PeoplesCongress,
    /// A party congress (党代会, 中国共产党X第N次代表大会).
    PartyCongress,
    /// A party committee's plenum (县委十二届四次全会).
    PartyCommittee,
}

/// What identifies a session, whatever form its name takes.
#[derive(Debug, PartialEq, Eq)]
struct Session {
    body: Body,
    /// The standing committee's meeting (常委会), not the full body's.
    standing: bool,
    /// The term (届).
    term: u32,
    /// The numbers before 次: the session, then the sitting within it.
    sittings: Vec<u32>,
    /// What sits: 会议, 全体会议, 主席会议….
    sitting: String,
}

/// Whether two event names are forms of one numbered session.
pub(super) fn same_session(a: &str, b: &str) -> bool {
    match (parse(a), parse(b)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

fn parse(name: &str) -> Option<Session> {
    // 全体(扩大)会议 is the 全体会议 that others joined.
    let name: String = name
        .replace("(扩大)", "")
        .replace("（扩大）", "")
        .replace("扩大", "");
    let standing = name.contains("常委会") || name.contains("常务委员会");
    let body = if name.contains("政协") || name.contains("政治协商会议") {
        Body::Consultative
    } else if name.contains("人大") || name.contains("人民代表大会") {
        Body::PeoplesCongress
    } else if name.contains("党代会")
        || name.contains("代表大会") && (name.contains("共产党") || name.contains("中共"))
    {
        Body::PartyCongress
    } else if name.contains("全会") || name.contains("委员会") && name.contains("全体会议")
    {
        Body::PartyCommittee
    } else {
        return None;
    };
    let chars: Vec<char> = name.chars().collect();
    let mut term = None;
    let mut sittings = Vec::new();
    let mut last_unit_end = 0;
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        while i < chars.len() && numeral(chars[i]).is_some() {
            i += 1;
        }
        if i > start && i < chars.len() {
            let value = number(&chars[start..i])?;
            match chars[i] {
                '届' if term.is_none() => {
                    term = Some(value);
                    last_unit_end = i + 1;
                }
                '次' => {
                    sittings.push(value);
                    last_unit_end = i + 1;
                }
                _ => {}
            }
        }
        i = i.max(start + 1);
    }
    let term = term?;
    if sittings.is_empty() {
        return None;
    }
    let mut sitting: String = chars[last_unit_end..].iter().collect();
    if sitting == "全会" {
        sitting = "全体会议".to_string();
    }
    // A party committee's plenum is its sitting (第四次全体会议, 四次全会).
    if body == Body::PartyCommittee && sitting == "会议" {
        return None;
    }
    Some(Session {
        body,
        standing,
        term,
        sittings,
        sitting,
    })
}

fn numeral(c: char) -> Option<u32> {
    match c {
        '零' | '〇' => Some(0),
        '一' => Some(1),
        '二' | '两' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        '十' => Some(10),
        '百' => Some(100),
        _ => c.to_digit(10),
    }
}

/// The value of a numeral in digits or in Chinese (十四, 二十, 一百零三; 第 dropped).
fn number(chars: &[char]) -> Option<u32> {
    if chars.iter().all(|c| c.is_ascii_digit()) {
        return chars.iter().collect::<String>().parse().ok();
    }
    let mut total = 0u32;
    let mut digit: Option<u32> = None;
    for &c in chars {
        match numeral(c)? {
            10 => {
                total += digit.unwrap_or(1) * 10;
                digit = None;
            }
            100 => {
                total += digit.unwrap_or(1) * 100;
                digit = None;
            }
            d if d < 10 => digit = Some(d),
            _ => return None,
        }
    }
    Some(total + digit.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_and_short_forms_name_one_session() {
        assert!(same_session(
            "中国人民政治协商会议第十四届杭州市萧山区委员会第五次会议",
            "政协萧山区十四届五次会议"
        ));
        assert!(same_session(
            "区政协十四届五次会议",
            "政协萧山区十四届五次会议"
        ));
        assert!(same_session(
            "中国共产党澧县第十二届委员会第四次全体(扩大)会议",
            "县委十二届四次全会"
        ));
        assert!(same_session(
            "舒城县第十八届人民代表大会第五次会议",
            "县十八届人大五次会议"
        ));
    }

    #[test]
    fn other_sittings_bodies_and_terms_differ() {
        // A plenary sitting within the session is an occasion of its own.
        assert!(!same_session(
            "区政协十四届五次会议第一次全体会议",
            "区政协十四届五次会议"
        ));
        assert!(!same_session(
            "区政协十四届五次会议",
            "区政协十四届四次会议"
        ));
        assert!(!same_session(
            "区政协十四届五次会议",
            "区政协十三届五次会议"
        ));
        assert!(!same_session(
            "区政协十四届五次会议",
            "区人大十四届五次会议"
        ));
        assert!(!same_session(
            "市政协十四届二十次常委会会议",
            "市政协十四届二十次会议"
        ));
        assert!(!same_session(
            "市政协十四届三十七次主席会议",
            "市政协十四届三十七次常委会会议"
        ));
        assert!(!same_session("工作会议", "工作会议"));
    }

    #[test]
    fn numbers_read_in_digits_and_chinese() {
        let n = |s: &str| number(&s.chars().collect::<Vec<_>>());
        assert_eq!(n("十四"), Some(14));
        assert_eq!(n("二十"), Some(20));
        assert_eq!(n("三十七"), Some(37));
        assert_eq!(n("一百零三"), Some(103));
        assert_eq!(n("76"), Some(76));
    }
}
