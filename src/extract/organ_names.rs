//! How an organisation's name is written out: its jurisdiction spelled out from the
//! article's (区委 → 惠济区委), and the short or official forms of one organ brought
//! to one name (县政府办, 湖南衡阳市委, 中国共产党澧县第十二届委员会).

use super::facts::Jurisdiction;
use crate::lexicon::{Lexicon, Place, PlaceLevel};

/// Whether a post or organ written with the level character `c` (市长, 县委) can be of
/// `place`: a county-level city (泊头市) has a 市长 too.
pub(super) fn level_char_matches(place: &Place, c: char) -> bool {
    matches!(
        (place.level, c),
        (PlaceLevel::Province, '省')
            | (PlaceLevel::Prefecture, '市')
            | (PlaceLevel::County, '区' | '县' | '旗')
            | (PlaceLevel::Town, '镇' | '乡')
    ) || place.level == PlaceLevel::County && c == '市' && place.name.ends_with('市')
}

/// Spells out an organisation's jurisdiction: (canonical name, jurisdiction place, reason).
pub(super) fn canonical_org(
    lex: &Lexicon,
    text: &str,
    juris: Option<&str>,
    j: &Jurisdiction,
) -> (String, Option<String>, Option<String>) {
    let mut name = text.to_string();
    let mut place: Option<String> = None;
    let mut reasons: Vec<String> = Vec::new();
    let first = text.chars().next().unwrap_or(' ');
    // 自治区发展改革委 in an article of 广西壮族自治区: the region's, as 省 is a province's.
    let region = j.province.as_deref().filter(|p| p.ends_with("自治区"));
    match juris {
        Some("自治区") => {
            if let Some(p) = region {
                name = format!("{p}{}", &text["自治区".len()..]);
                reasons.push(format!("自治区 is the article's region {p}"));
                place = Some(p.to_string());
            }
        }
        Some(w) if w.chars().count() == 1 => {
            if let (Some(p), Some(named)) = (j.for_char(first), j.name_for_char(first)) {
                // 县委 of 夏县 is written 夏县县委: a two-character name keeps its level
                // before a party committee (but 夏县政协, 夏县人民政府).
                let committee = text.chars().nth(1) == Some('委');
                let rest: String = if named.chars().count() <= 2 && committee {
                    text.to_string()
                } else {
                    text.chars().skip(1).collect()
                };
                name = format!("{named}{rest}");
                reasons.push(format!("{w} is the article's jurisdiction {p}"));
                place = Some(p.to_string());
            }
        }
        Some(w) => {
            place = lex.place(w).map(|p| p.name.clone());
            // 保定市市委: the level written twice after a name of three characters or more.
            // (滨海新区区委 keeps both: 新区 is the name's own.)
            if let Some(p) = place
                .as_deref()
                .filter(|p| p.chars().count() >= 3 && !p.ends_with("新区"))
            {
                let level = p.chars().next_back().unwrap_or(' ');
                if let Some(rest) = text.strip_prefix(p) {
                    if rest.starts_with(level) && rest.chars().count() >= 2 {
                        let organ: String = rest.chars().skip(1).collect();
                        if lex.org_suffix(&format!("{level}{organ}")).is_some() {
                            name = format!("{p}{organ}");
                            reasons.push(format!("{level} repeats the level of {p}"));
                        }
                    }
                }
            }
        }
        None => {
            if let Some((full, p)) = party_committee_placed(text, j) {
                reasons.push(format!("the committee of {text} is the article's {p}'s"));
                name = full;
                place = Some(p.to_string());
            } else if let Some(full) = street_body(text, j) {
                reasons.push(format!("{text} is of the article's street"));
                name = full;
            }
        }
    }
    if let Some(full) = province_written_short(lex, &name) {
        reasons.push(format!("{name} names its province by its short form"));
        name = full;
    }
    if let Some(single) = level_written_once(lex, &name) {
        reasons.push(format!("{name} writes its level twice"));
        name = single;
    }
    if let Some(short) = usual_committee_name(lex, &name) {
        reasons.push(format!("{name} is usually called {short}"));
        name = short;
    }
    if let Some(full) = office_written_short(&name) {
        reasons.push(format!("{name} is the short name of {full}"));
        name = full;
    }
    if name.ends_with("政府") && !name.ends_with("人民政府") {
        name = format!("{}人民政府", name.trim_end_matches("政府"));
        reasons.push("政府 is short for 人民政府".into());
    }
    let reason = (!reasons.is_empty()).then(|| reasons.join("; "));
    (name, place, reason)
}

/// 民革区委 → 民革闵行区委, 九三学社市委 → 九三学社淮南市委: another party's committee
/// written with the level alone is the one of the article's division of that level.
fn party_committee_placed<'j>(text: &str, j: &'j Jurisdiction) -> Option<(String, &'j str)> {
    let party = crate::lexicon::OTHER_PARTIES
        .iter()
        .find(|p| text.starts_with(**p))?;
    let rest = &text[party.len()..];
    let mut cs = rest.chars();
    let level = cs.next()?;
    let organ = cs.as_str();
    if !matches!(level, '省' | '市' | '县' | '区') || !organ.starts_with(['委', '工']) {
        return None;
    }
    let place = j.for_char(level)?;
    Some((format!("{party}{place}{organ}"), place))
}

/// 街道办事处 → 潘桥街道办事处, 党工委 → 潘桥街道党工委: a street's bodies written
/// without its name, in an article about one street.
fn street_body(text: &str, j: &Jurisdiction) -> Option<String> {
    let street = j.street.as_deref()?;
    if let Some(rest) = text.strip_prefix("街道") {
        return (!rest.is_empty()).then(|| format!("{street}{rest}"));
    }
    matches!(text, "党工委" | "办事处").then(|| format!("{street}{text}"))
}

/// 县政府办 → 县人民政府办公室, 县委办 → 县委办公室, 县政府办公室 → 县人民政府办公室: the
/// office of a government or a committee by its short name, written out so that it is
/// one organ with the office written in full.
fn office_written_short(name: &str) -> Option<String> {
    let stem = name
        .strip_suffix("政府办")
        .or_else(|| name.strip_suffix("政府办公室"));
    if let Some(stem) = stem {
        let stem = stem.strip_suffix("人民").unwrap_or(stem);
        let full = format!("{stem}人民政府办公室");
        return (full != name).then_some(full);
    }
    name.strip_suffix("委办")
        .filter(|stem| !stem.is_empty())
        .map(|stem| format!("{stem}委办公室"))
}

/// 湖南衡阳市委 → 湖南省衡阳市委: a province's short form before a place under it,
/// written out, so that the organ is one with the one written in full.
fn province_written_short(lex: &Lexicon, name: &str) -> Option<String> {
    let short = crate::lexicon::place_prefixes(name).find(|pre| {
        !crate::lexicon::is_division_name(pre)
            && lex
                .place(pre)
                .is_some_and(|p| p.level == PlaceLevel::Province && p.name != *pre)
    })?;
    let province = &lex.place(short)?.name;
    let rest = &name[short.len()..];
    let under = crate::lexicon::place_prefixes(rest).find(|q| {
        crate::lexicon::is_division_name(q)
            && lex
                .place_chain(q)
                .iter()
                .skip(1)
                .any(|pl| pl.name == *province)
    })?;
    (under.len() < rest.len()).then(|| format!("{province}{rest}"))
}

/// 安徽省合肥市市委 → 安徽省合肥市委, 合肥市长丰县县委 → 合肥市长丰县委: the level of the
/// last place a name starts with, written again before the organ. A name of two
/// characters keeps it (夏县县委), as does a new area's (滨海新区区委).
fn level_written_once(lex: &Lexicon, name: &str) -> Option<String> {
    let places = leading_places(lex, name);
    let last = places.last()?;
    let end = places.iter().map(|p| p.len()).sum::<usize>();
    let level = last.chars().next_back()?;
    if last.chars().count() < 3 || last.ends_with("新区") || !is_division_level(level) {
        return None;
    }
    let organ = name[end..].strip_prefix(level)?;
    (!organ.is_empty() && lex.org_suffix(&name[end..]).is_some())
        .then(|| format!("{}{organ}", &name[..end]))
}

/// Whether `c` ends the name of a division (市, 县, 区, 旗, 省, 州).
fn is_division_level(c: char) -> bool {
    matches!(c, '省' | '市' | '县' | '区' | '旗' | '州')
}

/// A local committee by its usual name, without its term (第十一届, 十七届):
/// 政协鄂托克前旗第十一届委员会 and 中国人民政治协商会议鄂托克前旗委员会 → 鄂托克前旗政协,
/// 中国共产党澧县第十二届委员会 → 澧县委, 清徐县十七届人大常委会 → 清徐县人大常委会.
/// Only for a place's committee: 政协提案委员会 is a committee inside one.
fn usual_committee_name(lex: &Lexicon, name: &str) -> Option<String> {
    let without_term = strip_term(name);
    let (body, rest) = if let Some(r) = without_term
        .strip_prefix("政协")
        .or_else(|| without_term.strip_prefix("中国人民政治协商会议"))
    {
        ("政协", r.strip_suffix("委员会")?)
    } else if let Some(r) = without_term.strip_prefix("中国共产党") {
        ("委", r.strip_suffix("委员会")?)
    } else {
        return (without_term != name).then_some(without_term);
    };
    lex.place(rest).map(|_| format!("{rest}{body}"))
}

/// `name` without a term number (第十一届, 十七届) inside it.
fn strip_term(name: &str) -> String {
    let Some(end) = name.find('届') else {
        return name.to_string();
    };
    let numeral = |c: char| c.is_ascii_digit() || "〇一二三四五六七八九十百第".contains(c);
    let start = name[..end]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| numeral(c))
        .last()
        .map(|(i, _)| i);
    // 新一届, 本届: which term, said of the body, not numbering it.
    let qualified =
        |s: usize| name[..s].ends_with(['新', '本', '上', '下', '这', '该', '每', '历']);
    match start {
        Some(s) if s > 0 && !qualified(s) => {
            format!("{}{}", &name[..s], &name[end + '届'.len_utf8()..])
        }
        _ => name.to_string(),
    }
}

/// The divisions a name starts with, one after the other (苏州市, 虎丘区 of 政协苏州市虎丘区
/// 第九届委员会), after the body that sits there (政协, 中共).
pub(super) fn leading_places<'t>(lex: &Lexicon, name: &'t str) -> Vec<&'t str> {
    let mut rest = super::token::SITTING_BODIES
        .iter()
        .find_map(|b| name.strip_prefix(b))
        .unwrap_or(name);
    let mut out = Vec::new();
    while let Some(pre) = crate::lexicon::place_prefixes(rest)
        .find(|pre| lex.place(pre).is_some_and(|p| p.level <= PlaceLevel::Town))
    {
        out.push(pre);
        rest = &rest[pre.len()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{
        level_written_once, office_written_short, province_written_short, usual_committee_name,
    };
    use crate::lexicon::Lexicon;
    #[test]
    fn a_level_written_twice_is_written_once() {
        let lex = Lexicon::embedded();
        let once = |n: &str| level_written_once(&lex, n);
        assert_eq!(once("安徽省合肥市市委").as_deref(), Some("安徽省合肥市委"));
        assert_eq!(once("合肥市长丰县县委").as_deref(), Some("合肥市长丰县委"));
        assert_eq!(once("保定市市委").as_deref(), Some("保定市委"));
        assert_eq!(once("夏县县委"), None);
        assert_eq!(once("滨海新区区委"), None);
        assert_eq!(once("合肥市委"), None);
    }

    #[test]
    fn a_province_written_short_before_its_city_is_written_out() {
        let lex = Lexicon::embedded();
        let full = |n: &str| province_written_short(&lex, n);
        assert_eq!(full("湖南衡阳市委").as_deref(), Some("湖南省衡阳市委"));
        assert_eq!(full("湖南省衡阳市委"), None);
        assert_eq!(full("湖南省委"), None);
        // Not a city of that province.
        assert_eq!(full("湖南合肥市委"), None);
    }

    #[test]
    fn an_office_written_short_is_written_out() {
        let full = |n: &str| office_written_short(n);
        assert_eq!(
            full("通江县政府办").as_deref(),
            Some("通江县人民政府办公室")
        );
        assert_eq!(full("县政府办公室").as_deref(), Some("县人民政府办公室"));
        assert_eq!(full("县人民政府办").as_deref(), Some("县人民政府办公室"));
        assert_eq!(full("县人民政府办公室"), None);
        assert_eq!(full("海珠区委办").as_deref(), Some("海珠区委办公室"));
        assert_eq!(full("海珠区委办公室"), None);
        assert_eq!(full("海珠区委"), None);
    }

    #[test]
    fn committees_go_by_their_usual_name() {
        let lex = Lexicon::embedded();
        let usual = |n: &str| usual_committee_name(&lex, n);
        assert_eq!(
            usual("政协鄂托克前旗第十一届委员会").as_deref(),
            Some("鄂托克前旗政协")
        );
        assert_eq!(
            usual("中国人民政治协商会议太原市委员会").as_deref(),
            Some("太原市政协")
        );
        assert_eq!(
            usual("中国共产党澧县第十二届委员会").as_deref(),
            Some("澧县委")
        );
        assert_eq!(
            usual("清徐县十七届人大常委会").as_deref(),
            Some("清徐县人大常委会")
        );
        assert_eq!(usual("政协提案委员会"), None);
        assert_eq!(usual("惠济区委"), None);
    }
}
