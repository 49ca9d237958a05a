//! Dates: date and time expressions found over whole words (`2020年3月19日下午`,
//! `二月十二日`, `3月5日讯`, `23日`, `今天上午`), read and resolved
//! against the article's own date.

use super::token::*;
use std::fmt;

/// The marks that join the first day of a range to its last (25日至26日, 3月1日-5日).
const RANGE_MARKS: [char; 6] = ['至', '到', '-', '—', '～', '~'];

/// Whether `mark` joins the first day of a range to its last (see [`RANGE_MARKS`]).
pub fn is_range_mark(mark: &str) -> bool {
    let mut chars = mark.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if RANGE_MARKS.contains(&c))
}

/// Date and time expressions: (token start, token end, text). Built over whole tokens
/// so that a date never splits a word: `2020年3月19日下午`, `二月十二日`, `3月5日讯`
/// (dateline), `23日`, `今天上午`.
pub fn find_dates(toks: &[Word]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    // One buffer for every start tried (most starts are numbers such as 一 in 一些,
    // and a string grown anew for each was a third of this function).
    let mut joined = String::new();
    let mut i = 0;
    while i < toks.len() {
        // Only a number or a relative day can start a date: skip the rest cheaply.
        // (Comparing decoded first characters: `starts_with(char)` encoded the character
        // and compared bytes for every relative day and token, 2 % of a build.)
        let first = toks[i].word.chars().next().unwrap_or(' ');
        if !is_num_char(first) && !starts_relative_day(first) {
            i += 1;
            continue;
        }
        // The longest run of tokens that is one date: its end and its text's length.
        let mut best: Option<(usize, usize)> = None;
        joined.clear();
        for (j, t) in toks.iter().enumerate().skip(i).take(8) {
            joined.push_str(&t.word);
            if !may_start_date(&joined) {
                break;
            }
            if is_date(&joined) {
                best = Some((j + 1, joined.len()));
            }
        }
        match best {
            // 8月30至31日: the first day of a range written without its 日.
            Some((j, len)) if joined[..len].ends_with('月') => match first_day_of_range(toks, j) {
                Some((end, day)) => {
                    out.push((i, end, format!("{}{day}日", &joined[..len])));
                    i = end;
                }
                None => {
                    out.push((i, j, joined[..len].to_string()));
                    i = j;
                }
            },
            Some((j, len)) => {
                out.push((i, j, joined[..len].to_string()));
                i = j;
            }
            None => i += 1,
        }
    }
    out
}

/// The first day of a range of days written without its 日 from the token at `k` (30
/// of 8月30至31日, 15 of 7月15-16日, which jieba keeps as one word): the end of the
/// tokens it takes and the day.
fn first_day_of_range(toks: &[Word], k: usize) -> Option<(usize, String)> {
    let is_number = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    let word = |k: usize| toks.get(k).map_or("", |t| t.word.as_str());
    // 30 + 至 + 31日 (or 31 + 日).
    if is_number(word(k))
        && is_range_mark(word(k + 1))
        && (word(k + 2).ends_with('日') || is_number(word(k + 2)) && word(k + 3) == "日")
    {
        return Some((k + 1, word(k).to_string()));
    }
    // 15-16 + 日.
    let (first, last) = word(k).split_once(['-', '~', '～'])?;
    (is_number(first) && is_number(last) && word(k + 1) == "日").then(|| (k + 1, first.to_string()))
}

const TIMES_OF_DAY: &[&str] = &[
    "上午", "下午", "晚上", "早上", "中午", "凌晨", "傍晚", "晚", "早",
];
const RELATIVE_DAYS: &[&str] = &[
    "今天", "昨天", "前天", "明天", "今日", "昨日", "当天", "当日", "今晨", "昨晚", "今晚",
];

/// Whether some relative day starts with `c`: a match, where going through
/// [`RELATIVE_DAYS`] decoded each of their first characters for every token (a test
/// keeps the two in step).
fn starts_relative_day(c: char) -> bool {
    matches!(c, '今' | '昨' | '前' | '明' | '当')
}

fn is_num_char(c: char) -> bool {
    matches!(
        c,
        '0'..='9'
            | '〇'
            | '零'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '两'
    )
}

/// Whether some date expression starts with `s`. When not, no longer string starting
/// with `s` is one either: after its leading number a date has 年, 月, 日 or 号, so the
/// tokens after 一些 or 2020多 need not be joined and tried.
fn may_start_date(s: &str) -> bool {
    // Either way round, a relative day and `s` share their first character: the
    // list is only gone through for the few strings that start like one.
    let relative = s.chars().next().is_none_or(starts_relative_day);
    if relative
        && RELATIVE_DAYS
            .iter()
            .any(|r| s.starts_with(r) || r.starts_with(s))
    {
        return true;
    }
    let rest = s.trim_start_matches(is_num_char);
    if rest.len() == s.len() {
        return false;
    }
    rest.chars()
        .next()
        .is_none_or(|c| matches!(c, '年' | '月' | '日' | '号'))
}

/// Whether all of `s` is one date expression (3月19日下午, 二月十二日电, 昨天上午).
fn is_date(s: &str) -> bool {
    // Read as the unread rest of `s`: this runs on every run of tokens that may start
    // a date, and a character vector for each was a third of finding dates.
    let mut rest = s;
    // The length of the numeral that `rest` starts with, and what follows it.
    fn numeral(rest: &str) -> (usize, &str) {
        let after = rest.trim_start_matches(is_num_char);
        (rest.len() - after.len(), after)
    }
    let mut has_day_or_month = false;
    // Relative days.
    if let Some(r) = RELATIVE_DAYS.iter().find(|r| s.starts_with(*r)) {
        rest = &s[r.len()..];
        has_day_or_month = true;
    } else {
        let (k, after) = numeral(rest);
        if let Some(r) = after.strip_prefix('年').filter(|_| k > 0) {
            rest = r;
        }
        let (k, after) = numeral(rest);
        let mut has_month = false;
        if let Some(r) = after.strip_prefix('月').filter(|_| k > 0) {
            rest = r;
            has_day_or_month = true;
            has_month = true;
        }
        let (k, after) = numeral(rest);
        // A number and 号 alone names a thing (二号地, 3号楼, 1号文件); only after a
        // month is it a day (3月2号).
        let day_marks: &[char] = if has_month { &['日', '号'] } else { &['日'] };
        if let Some(r) = after.strip_prefix(day_marks).filter(|_| k > 0) {
            if cn_number(&rest[..k]).is_some_and(|d| (1..=31).contains(&d))
                || fused_month_day(&rest[..k]).is_some()
            {
                rest = r;
                has_day_or_month = true;
                if let Some(r) = rest.strip_prefix(['电', '讯']) {
                    rest = r;
                }
            }
        }
    }
    if !has_day_or_month {
        return false;
    }
    if let Some(t) = TIMES_OF_DAY.iter().find(|t| rest.starts_with(*t)) {
        rest = &rest[t.len()..];
    }
    rest.is_empty()
}

/// A day as the articles give it: month and day, with the year when one is written or
/// known from the article. Written `YYYY-MM-DD`, or `MM-DD` without a year: the form the
/// facts file and the graph carry, made only where a date is stored there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    /// The year, when known.
    pub year: Option<i32>,
    /// The month (1–12 in a date read from text).
    pub month: u32,
    /// The day of the month (1–31 in a date read from text).
    pub day: u32,
}

impl Date {
    /// Reads the form [`Date`] is written in: `YYYY-MM-DD` or `MM-DD`.
    pub fn parse(s: &str) -> Option<Date> {
        let parts: Vec<i32> = s
            .split('-')
            .map(|p| p.parse().ok())
            .collect::<Option<_>>()?;
        let (year, month, day) = match parts.as_slice() {
            [y, m, d] => (Some(*y), *m, *d),
            [m, d] => (None, *m, *d),
            _ => return None,
        };
        Some(Date {
            year,
            month: u32::try_from(month).ok()?,
            day: u32::try_from(day).ok()?,
        })
    }

    /// Whether this date comes after `other`, comparing years only where both are known
    /// (12月30日 told after a January day of an unknown year is taken as later).
    pub fn is_after(self, other: Date) -> bool {
        match (self.year, other.year) {
            (Some(a), Some(b)) if a != b => a > b,
            _ => (self.month, self.day) > (other.month, other.day),
        }
    }

    /// The date `days` later, or earlier when negative (−2 ..= 1 in practice). Without
    /// a year, February has 28 days.
    fn shifted(self, days: i32) -> Option<Date> {
        let mut m = i32::try_from(self.month).ok()?;
        let mut d = i32::try_from(self.day).ok()?;
        // 2001 for an unknown year: any year whose February has 28 days.
        let mut y = self.year.unwrap_or(2001);
        let dim = |y: i32, m: i32| -> i32 {
            match m {
                2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            }
        };
        d += days;
        while d < 1 {
            m -= 1;
            if m < 1 {
                m = 12;
                y -= 1;
            }
            d += dim(y, m);
        }
        while d > dim(y, m) {
            d -= dim(y, m);
            m += 1;
            if m > 12 {
                m = 1;
                y += 1;
            }
        }
        Some(Date {
            year: self.year.map(|_| y),
            month: u32::try_from(m).ok()?,
            day: u32::try_from(d).ok()?,
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Some(y) => write!(f, "{y:04}-{:02}-{:02}", self.month, self.day),
            None => write!(f, "{:02}-{:02}", self.month, self.day),
        }
    }
}

/// Whether `c` ends the day of a date: its 日 or 号, or the mark of a range whose first
/// day it is (18 of 6月18-24日, a date jieba cuts as 6 + 月 + 18-24 + 日).
fn ends_day(c: char) -> bool {
    c == '日' || c == '号' || RANGE_MARKS.contains(&c)
}

/// `3月19日下午` → (`03-19`, Some(`下午`)); Chinese numerals accepted. Year kept when written.
pub fn parse_date(text: &str, year: Option<i32>) -> Option<(Date, Option<String>)> {
    let time = ["上午", "下午", "晚上", "早上", "中午", "凌晨", "傍晚", "晚"]
        .iter()
        .find(|t| text.ends_with(*t))
        .map(|t| t.to_string());
    let y = text
        .split_once('年')
        .and_then(|(y, _)| cn_number(y))
        .map(|v| v as i32)
        .or(year);
    let rest = text.split_once('年').map(|(_, r)| r).unwrap_or(text);
    let (m, rest) = rest.split_once('月')?;
    let d = rest.split(ends_day).next()?;
    let m = cn_number(m)?;
    let d = cn_number(d)?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let date = Date {
        year: y,
        month: m,
        day: d,
    };
    Some((date, time))
}

/// Whether a relative day means the day the text last named (当天, 当日).
pub(super) fn is_day_told(text: &str) -> bool {
    text.starts_with("当天") || text.starts_with("当日")
}

/// A date expression resolved against the article's date: `今天` is the article's day,
/// `昨天` the day before, `23日` the 23rd of its month; absolute dates as
/// [`parse_date`]. Returns the date and the time of day.
pub fn resolve_date(
    text: &str,
    article_date: Option<Date>,
    year: Option<i32>,
) -> Option<(Date, Option<String>)> {
    let time = TIMES_OF_DAY
        .iter()
        .filter(|t| text.ends_with(*t))
        .max_by_key(|t| t.chars().count())
        .map(|t| t.to_string())
        .or_else(|| match text {
            "今晨" => Some("早上".to_string()),
            "昨晚" | "今晚" => Some("晚上".to_string()),
            _ => None,
        });
    if let Some(r) = RELATIVE_DAYS.iter().find(|r| text.starts_with(*r)) {
        let offset = match *r {
            "昨天" | "昨日" | "昨晚" => -1,
            "前天" => -2,
            "明天" => 1,
            _ => 0,
        };
        return Some((article_date?.shifted(offset)?, time));
    }
    if text.contains('月') {
        return parse_date(text, year);
    }
    // A day alone: the article's month.
    let number = text.split(ends_day).next()?;
    if let Some((month, day)) = fused_month_day(number) {
        let year = article_date.and_then(|d| d.year).or(year);
        return Some((Date { year, month, day }, time));
    }
    let day = cn_number(number)?;
    let base = article_date?;
    Some((Date { day, ..base }, time))
}

/// A month and day written without 月 (1216日 for 12月16日, as pages scraped of their
/// markup give them): three or four digits that read as a month and a day, and no day.
fn fused_month_day(digits: &str) -> Option<(u32, u32)> {
    if !(3..=4).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (m, d) = digits.split_at(digits.len() - 2);
    let (m, d) = (m.parse::<u32>().ok()?, d.parse::<u32>().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((m, d))
}

/// Arabic or Chinese numerals up to 9999 (十二, 二〇二〇, 19).
pub fn cn_number(s: &str) -> Option<u32> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(v) = s.parse() {
        return Some(v);
    }
    let digit = |c: char| {
        "〇零一二三四五六七八九"
            .find(c)
            .map(|i| (i / 3) as u32)
            .map(|i| if i == 0 { 0 } else { i - 1 })
    };
    // Digit-by-digit years (二〇二〇).
    if s.chars().count() == 4 && s.chars().all(|c| digit(c).is_some()) {
        return s.chars().try_fold(0, |acc, c| Some(acc * 10 + digit(c)?));
    }
    let mut total = 0;
    let mut cur = 0;
    for c in s.chars() {
        match c {
            '十' => {
                total += if cur == 0 { 10 } else { cur * 10 };
                cur = 0;
            }
            '两' => cur = 2,
            _ => cur = digit(c)?,
        }
    }
    Some(total + cur)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::segment::Segmenter;

    #[test]
    fn relative_days_start_as_listed() {
        let mut firsts: Vec<char> = RELATIVE_DAYS
            .iter()
            .filter_map(|r| r.chars().next())
            .collect();
        firsts.sort_unstable();
        firsts.dedup();
        let mut matched: Vec<char> = firsts
            .iter()
            .copied()
            .filter(|&c| starts_relative_day(c))
            .collect();
        assert_eq!(matched, firsts);
        matched = "今昨前明当天日晨晚一上"
            .chars()
            .filter(|&c| starts_relative_day(c))
            .collect();
        assert_eq!(matched.len(), firsts.len());
    }

    /// A resolved date as the facts file writes it.
    fn written(resolved: Option<(Date, Option<String>)>) -> Option<(String, Option<String>)> {
        resolved.map(|(date, time)| (date.to_string(), time))
    }

    #[test]
    fn a_date_is_after_another_by_year_then_day() {
        let d = |s: &str| Date::parse(s).expect("a date");
        assert!(d("2021-01-22").is_after(d("2021-01-11")));
        assert!(!d("2021-01-11").is_after(d("2021-01-11")));
        assert!(d("2022-01-02").is_after(d("2021-12-30")));
        assert!(d("01-22").is_after(d("2021-01-11")));
        assert!(!d("2020-12-30").is_after(d("2021-01-11")));
    }

    #[test]
    fn relative_dates_resolve_against_the_article() {
        let day = |s: &str| Date::parse(s);
        assert_eq!(
            written(resolve_date("今天上午", day("2020-03-01"), None)),
            Some(("2020-03-01".into(), Some("上午".into())))
        );
        assert_eq!(
            written(resolve_date("昨天", day("2020-03-01"), None)),
            Some(("2020-02-29".into(), None))
        );
        assert_eq!(
            written(resolve_date("昨天", day("03-01"), None)),
            Some(("02-28".into(), None))
        );
        assert_eq!(
            written(resolve_date("明天", day("2019-12-31"), None)),
            Some(("2020-01-01".into(), None))
        );
        assert_eq!(
            written(resolve_date("23日", day("05-20"), None)),
            Some(("05-23".into(), None))
        );
        assert_eq!(
            written(resolve_date("23日", day("2020-05-20"), None)),
            Some(("2020-05-23".into(), None))
        );
        assert_eq!(
            written(resolve_date("二月十二日电", None, Some(1998))),
            Some(("1998-02-12".into(), None))
        );
        assert_eq!(resolve_date("今天", None, None), None);
    }

    #[test]
    fn dates_are_written_as_they_are_read() {
        for s in ["2020-03-19", "03-19", "0012-01-05", "12345-12-31"] {
            assert_eq!(Date::parse(s).map(|d| d.to_string()).as_deref(), Some(s));
        }
        assert_eq!(
            Date::parse("2020-03-19"),
            Some(Date {
                year: Some(2020),
                month: 3,
                day: 19
            })
        );
        for s in [
            "",
            "2020",
            "2020-03-19-1",
            "-03-19",
            "三月-19",
            "2020-3x-19",
        ] {
            assert_eq!(Date::parse(s), None, "{s}");
        }
    }

    #[test]
    fn dates_are_whole_tokens() {
        let lex = Lexicon::embedded();
        let seg = Segmenter::new(&lex);
        let dates = |s: &str| -> Vec<String> {
            find_dates(&tokenize(&seg, &lex, s))
                .into_iter()
                .map(|d| d.2)
                .collect()
        };
        assert_eq!(dates("新华社上海二月十二日电 记者"), ["二月十二日电"]);
        assert_eq!(
            dates("本报郑州3月5日讯 今天上午,会议召开"),
            ["3月5日讯", "今天上午"]
        );
        assert_eq!(dates("叶利钦23日在莫斯科会见"), ["23日"]);
        assert_eq!(dates("3月2号上午到二号地施工现场调研"), ["3月2号上午"]);
        assert!(dates("到二号地施工现场").is_empty());
        // The first day of a range written without its 日.
        assert_eq!(dates("8月30至31日,大会召开")[0], "8月30日");
        assert_eq!(dates("7月15-16日,调研")[0], "7月15日");
        assert_eq!(dates("8月30日至31日")[0], "8月30日");
        // The day of such a range read from the words the date was found over.
        let day = |text| parse_date(text, None).map(|(d, _)| d.to_string());
        assert_eq!(day("6月18-24"), Some("06-18".to_string()));
        assert_eq!(day("8月30"), Some("08-30".to_string()));
    }

    #[test]
    fn month_and_day_run_together() {
        assert_eq!(fused_month_day("1216"), Some((12, 16)));
        assert_eq!(fused_month_day("316"), Some((3, 16)));
        assert_eq!(fused_month_day("1316"), None);
        assert_eq!(fused_month_day("16"), None);
        let (d, _) = resolve_date("1216日", None, Some(2022)).expect("a date");
        assert_eq!(d.to_string(), "2022-12-16");
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(cn_number("十二"), Some(12));
        assert_eq!(cn_number("二十一"), Some(21));
        assert_eq!(cn_number("二〇二〇"), Some(2020));
        assert_eq!(
            written(parse_date("3月19日下午", None)),
            Some(("03-19".into(), Some("下午".into())))
        );
        assert_eq!(
            written(parse_date("二月十二日", Some(2021))),
            Some(("2021-02-12".into(), None))
        );
    }
}
