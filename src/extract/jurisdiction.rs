//! Where and when an article is: its dateline, the administrative divisions it is
//! about, and organisation names spelled out with their jurisdiction (区委 → 惠济区委).

use super::date;
use super::facts::{EntityMention, Jurisdiction};
use crate::lexicon::{Lexicon, Place, PlaceLevel};
use crate::mention::MentionKind;
use rustc_hash::FxHashMap as HashMap;

/// The first date of the lead sentence (本报讯 3月19日下午 …) dates the article.
pub(super) fn dateline(
    ents: &[EntityMention],
    sentences: &[String],
    has_headline: bool,
) -> Option<String> {
    let lead = usize::from(has_headline);
    let lead_text = sentences.get(lead)?;
    let d = ents
        .iter()
        .filter(|e| e.sentence() == lead && e.kind == MentionKind::Date)
        .min_by_key(|e| e.start())?;
    // Only a date near the start is a dateline, not one quoted in the story.
    if d.start() > 20 || d.start() > lead_text.chars().count() / 2 {
        return None;
    }
    date::parse_date(&d.text, None).map(|(date, _)| date.to_string())
}

/// Whether the article's lead starts with a range of days (11月14日至19日, 代表团来湘
/// 考察): then what it tells without a date of its own happened on one of them, not
/// on the first.
pub(super) fn lead_spans_days(
    ents: &[EntityMention],
    sentences: &[String],
    has_headline: bool,
) -> bool {
    let lead = usize::from(has_headline);
    let Some(lead_text) = sentences.get(lead) else {
        return false;
    };
    ents.iter()
        .filter(|e| e.sentence() == lead && e.kind == MentionKind::Date)
        .min_by_key(|e| e.start())
        .is_some_and(|d| {
            lead_text
                .chars()
                .nth(d.end())
                .is_some_and(|c| date::is_range_mark(c.encode_utf8(&mut [0; 4])))
        })
}

/// The jurisdiction the article is about: the most mentioned division and its parents.
///
/// `common_words` are the words a division's short form may be, read as common nouns
/// by the segmenter (微山把…, 石首优势): a short form that is also a word (资源, 合作)
/// cannot make a place on its own, so they count only for a division under a place
/// the article names otherwise, or where it names no place at all. `sentences` give
/// the province a visit is written as come to (来湘考察).
pub(super) fn infer_jurisdiction(
    lex: &Lexicon,
    ents: &[EntityMention],
    common_words: &[&str],
    sentences: &[String],
) -> Jurisdiction {
    let mut tally = Tally::default();
    for e in ents {
        // The headline and the dateline (本报洛阳3月5日讯) say where the story is.
        let weight = if e.sentence() <= 1 { 2 } else { 1 };
        match e.kind {
            // 国华、高阳、盐河等乡镇: names of a list of townships are no counties.
            MentionKind::Place
                if !crate::lexicon::is_division_name(&e.text)
                    && sentences
                        .get(e.sentence())
                        .is_some_and(|s| in_township_list(s, e.end())) => {}
            MentionKind::Place => tally.add(lex, &e.text, weight),
            MentionKind::Organization
            | MentionKind::Market
            | MentionKind::Event
            | MentionKind::Project => {
                // The places an organ's name starts with (惠济区规划服务中心, 政协苏州市
                // 虎丘区第九届委员会). A short form (南关 in 南关农贸市场) is too often a
                // word of the name itself to say where the article is.
                for pre in leading_places(lex, &e.text) {
                    if crate::lexicon::is_division_name(pre) || e.kind == MentionKind::Organization
                    {
                        tally.add(lex, pre, weight);
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(county) = county_of_township_lists(lex, sentences) {
        tally.add(lex, &county, 2);
    }
    // 通道融媒12月23日讯: the local medium whose report it is says where it is.
    if let Some(place) = sentences.iter().take(3).find_map(|s| medium_place(lex, s)) {
        tally.add(lex, &place, 2);
    }
    // 审议了《关于桦南县2017年财政预算执行情况的报告》: an article that names its place
    // only in the titles of the documents it discusses.
    if tally.counts.is_empty() {
        for e in ents.iter().filter(|e| e.kind == MentionKind::Document) {
            for (at, _) in e.text.char_indices() {
                let division = crate::lexicon::place_prefixes(&e.text[at..]).find(|pre| {
                    crate::lexicon::is_division_name(pre)
                        && lex
                            .place(pre)
                            .is_some_and(|p| p.name == *pre && p.level <= PlaceLevel::County)
                });
                if let Some(pre) = division {
                    tally.add(lex, pre, 1);
                }
            }
        }
    }
    let no_place = tally.counts.is_empty();
    let weak: Vec<&str> = common_words
        .iter()
        .copied()
        .filter(|w| {
            let chain = lex.place_chain(w);
            let named_above = chain
                .iter()
                .skip(1)
                .any(|p| tally.counts.contains_key(&(p.level, p.name.clone())));
            chain.first().is_some_and(|p| p.level == PlaceLevel::County)
                && (named_above || no_place)
        })
        .collect();
    for w in weak {
        tally.add(lex, w, 1);
    }
    let Tally { counts, first, .. } = tally;
    let best_where = |level: PlaceLevel, keep: &dyn Fn(&str) -> bool| -> Option<String> {
        let mut v: Vec<(&String, usize)> = counts
            .iter()
            .filter(|((l, n), _)| *l == level && keep(n))
            .map(|((_, n), c)| (n, *c))
            .collect();
        let first_named = |n: &String| first.get(&(level, n.clone())).copied();
        v.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then(first_named(a.0).cmp(&first_named(b.0)))
                .then(a.0.cmp(b.0))
        });
        v.first().map(|(n, _)| (*n).clone())
    };
    let best = |level: PlaceLevel| best_where(level, &|_| true);
    // A county the article names by a name several counties share (新城区), or under
    // a prefecture it does not name while it names another more (惠民 of 兴业惠民 in an
    // article about 江门市), says less than the prefecture.
    let count = |level: PlaceLevel, name: &str| {
        counts.get(&(level, name.to_string())).copied().unwrap_or(0)
    };
    let named_prefecture = best(PlaceLevel::Prefecture);
    let county_fits = |county: &str| {
        let chain = lex.place_chain(county);
        let above = chain
            .iter()
            .find(|p| p.level == PlaceLevel::Prefecture)
            .map(|p| p.name.as_str());
        match (above, named_prefecture.as_deref()) {
            (None, _) => chain.len() > 1,
            (Some(a), Some(n)) if a != n && count(PlaceLevel::Prefecture, a) == 0 => {
                // The counties named under the same prefecture speak for it together
                // (张北县, 尚义县, 怀安县 of 张家口市).
                let support: usize = counts
                    .iter()
                    .filter(|((l, c), _)| {
                        *l == PlaceLevel::County
                            && lex
                                .place_chain(c)
                                .iter()
                                .any(|p| p.level == PlaceLevel::Prefecture && p.name == a)
                    })
                    .map(|(_, k)| *k)
                    .sum();
                support >= count(PlaceLevel::Prefecture, n)
            }
            _ => true,
        }
    };
    let mut j = Jurisdiction::default();
    let county = best_where(PlaceLevel::County, &county_fits).or_else(|| {
        named_prefecture
            .is_none()
            .then(|| best(PlaceLevel::County))
            .flatten()
    });
    if let Some(county) = county {
        let chain = lex.place_chain(&county);
        j.county = Some(county);
        for p in chain {
            match p.level {
                PlaceLevel::Prefecture => j.prefecture = Some(p.name.clone()),
                PlaceLevel::Province => j.province = Some(p.name.clone()),
                _ => {}
            }
        }
    }
    if let Some(kind) = j
        .county
        .as_deref()
        .and_then(|c| c.chars().next_back())
        .filter(|k| matches!(k, '区' | '县'))
    {
        let other = if kind == '区' { '县' } else { '区' };
        j.other_county = best_where(PlaceLevel::County, &|n| {
            n.ends_with(other) && county_fits(n)
        });
    }
    // A county-level city mentioned more than the prefecture above it is what the
    // article's 市 means, unless the article speaks of the counties under a city (各县
    // （市、区）, 各县区): only a prefecture has them.
    let of_counties = || {
        sentences.iter().any(|s| {
            s.contains("各县(市、区)")
                || s.contains("各县（市、区）")
                || s.contains("各县区")
                || s.contains("各县市区")
        })
    };
    let mentions = |level: PlaceLevel, name: Option<&str>| {
        name.map_or(0, |n| {
            counts.get(&(level, n.to_string())).copied().unwrap_or(0)
        })
    };
    // 赴我市丹阳、句容两地调研: two counties of one prefecture named about as often
    // make the article's 市 the prefecture's, as 各县（市、区） does.
    let of_two_counties = |county: &str| {
        let top = mentions(PlaceLevel::County, Some(county));
        counts.iter().any(|((l, c), k)| {
            *l == PlaceLevel::County
                && c != county
                && 2 * k >= top
                && lex.place_chain(c).iter().any(|p| {
                    p.level == PlaceLevel::Prefecture && Some(&p.name) == j.prefecture.as_ref()
                })
        })
    };
    if let Some(county) = j
        .county
        .as_deref()
        .filter(|c| c.ends_with('市') && !of_counties() && !of_two_counties(c))
    {
        if mentions(PlaceLevel::County, Some(county))
            > mentions(PlaceLevel::Prefecture, j.prefecture.as_deref())
        {
            j.city = Some(county.to_string());
        }
    }
    // A town the article is about, in its county when one is known.
    if let Some(town) = best(PlaceLevel::Town) {
        let chain = lex.place_chain(&town);
        let county = chain.get(1).map(|p| p.name.clone());
        // A town name of several counties (城关镇, 孙集镇) in an article about one
        // county is that county's.
        let ambiguous = county.is_none() && j.county.is_some();
        if j.county.is_none() || j.county == county || ambiguous {
            if j.county.is_none() {
                j.county = county;
                for p in chain.iter().skip(2) {
                    match p.level {
                        PlaceLevel::Prefecture => j.prefecture = Some(p.name.clone()),
                        PlaceLevel::Province => j.province = Some(p.name.clone()),
                        _ => {}
                    }
                }
            }
            j.town = Some(town);
        }
    }
    if j.prefecture.is_none() {
        if let Some(pre) = best(PlaceLevel::Prefecture) {
            for p in lex.place_chain(&pre) {
                if p.level == PlaceLevel::Province {
                    j.province = Some(p.name.clone());
                }
            }
            j.prefecture = Some(pre);
        }
    }
    j.autonomous_prefecture = j
        .prefecture
        .as_deref()
        .and_then(|p| autonomous_prefecture_short(lex, p));
    j.host_province = host_province(lex, sentences);
    if j.province.is_none() {
        j.province = best(PlaceLevel::Province).or_else(|| j.host_province.clone());
    }
    j
}

/// The name an autonomous prefecture goes by with 州 (湘西州 for 湘西土家族苗族自治州,
/// 大理州 for 大理白族自治州): its short form in the gazetteer, and 州.
fn autonomous_prefecture_short(lex: &Lexicon, prefecture: &str) -> Option<String> {
    if !prefecture.ends_with("自治州") {
        return None;
    }
    prefecture
        .char_indices()
        .skip(2)
        .take(3)
        .map(|(at, _)| &prefecture[..at])
        .find(|short| {
            lex.place_short()
                .get(*short)
                .is_some_and(|f| f == prefecture)
        })
        .map(|short| format!("{short}州"))
}

/// Words that, after 来湘 or 在湘, make it a visit to the province (来湘考察, 在湘期间).
const VISIT_WORDS: &[&str] = &[
    "考察", "调研", "视察", "期间", "访问", "参观", "指导", "检查", "交流", "洽谈", "出席", "开展",
    "工作", "慰问",
];

/// The province the article's visits are written as come to, by its one-character short
/// form after 来, 在 or 莅 (来湘考察, 在湘期间): the one named most, the first of a tie.
fn host_province(lex: &Lexicon, sentences: &[String]) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for s in sentences {
        for (i, c) in s.char_indices() {
            if !matches!(c, '来' | '在' | '莅') {
                continue;
            }
            let rest = &s[i + c.len_utf8()..];
            let Some(short) = rest.chars().next() else {
                continue;
            };
            let Some(province) = lex.province_of_abbrev(short) else {
                continue;
            };
            let after = &rest[short.len_utf8()..];
            if !VISIT_WORDS.iter().any(|w| after.starts_with(w)) {
                continue;
            }
            match counts.iter_mut().find(|(p, _)| *p == province) {
                Some((_, n)) => *n += 1,
                None => counts.push((province, 1)),
            }
        }
    }
    let most = counts.iter().map(|(_, n)| *n).max()?;
    counts
        .iter()
        .find(|(_, n)| *n == most)
        .map(|(p, _)| p.to_string())
}

/// How often, and where first, an article names each division.
#[derive(Default)]
struct Tally {
    counts: HashMap<(PlaceLevel, String), usize>,
    /// Where each division is first named: of two named as often, the article is about
    /// the one it names first (its headline, its lead).
    first: HashMap<(PlaceLevel, String), usize>,
}

impl Tally {
    /// Counts a division for itself, and a town for its county too (梁祝镇 says the
    /// story is in 汝南县), when the town's name says which county.
    fn add(&mut self, lex: &Lexicon, name: &str, weight: usize) {
        // A full name (大竹县) says more than a short form, which may be a word of
        // something else (观音 of 观音阁街).
        let weight = if crate::lexicon::is_division_name(name) {
            2 * weight
        } else {
            weight
        };
        let chain = lex.place_chain(name);
        let take = match chain.first().map(|p| p.level) {
            Some(PlaceLevel::Town) => 2,
            _ => 1,
        };
        let order = self.first.len();
        for p in chain.iter().take(take) {
            *self.counts.entry((p.level, p.name.clone())).or_default() += weight;
            self.first.entry((p.level, p.name.clone())).or_insert(order);
        }
    }
}

/// The division a local medium is named after, where it opens a line with its
/// dateline word (通道融媒12月23日讯 → 通道侗族自治县, 衡阳日报讯): its full name.
fn medium_place(lex: &Lexicon, sentence: &str) -> Option<String> {
    const MEDIA: &[&str] = &[
        "融媒体中心",
        "融媒",
        "广播电视台",
        "电视台",
        "日报",
        "晚报",
        "新闻网",
        "发布",
    ];
    let (at, _) = sentence.char_indices().take(24).find(|&(_, c)| c == '讯')?;
    let head = sentence[..at].trim_end_matches(|c: char| {
        c.is_ascii_digit() || c.is_whitespace() || matches!(c, '年' | '月' | '日')
    });
    let stem = MEDIA.iter().find_map(|m| head.strip_suffix(m))?;
    let place = lex.place(stem)?;
    matches!(
        place.level,
        PlaceLevel::Province | PlaceLevel::Prefecture | PlaceLevel::County
    )
    .then(|| place.name.clone())
}

/// The divisions a name starts with, one after the other (苏州市, 虎丘区 of 政协苏州市虎丘区
/// 第九届委员会), after the body that sits there (政协, 中共).
fn leading_places<'t>(lex: &Lexicon, name: &'t str) -> Vec<&'t str> {
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
            if let Some(p) = j.for_char(first) {
                // 县委 of 夏县 is written 夏县县委: a two-character name keeps its level
                // before a party committee (but 夏县政协, 夏县人民政府).
                let committee = text.chars().nth(1) == Some('委');
                let rest: String = if p.chars().count() <= 2 && committee {
                    text.to_string()
                } else {
                    text.chars().skip(1).collect()
                };
                name = format!("{p}{rest}");
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
        None => {}
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

/// How a list of townships ends (国华、高阳、盐河等乡镇).
const TOWNSHIP_LIST_ENDS: [&str; 3] = ["等乡镇", "等镇", "等乡"];

/// The marks a list of townships does not run over.
const LIST_BREAKS: [char; 7] = ['，', ',', '。', '；', ';', '：', ':'];

/// The county that the lists of townships the article names (先后深入国华、高阳、盐河、
/// 万家、天星等乡镇) point to together: the one most of their towns are in, when at
/// least two are and no other county has as many.
fn county_of_township_lists(lex: &Lexicon, sentences: &[String]) -> Option<String> {
    let mut votes: HashMap<&str, usize> = HashMap::default();
    for s in sentences {
        for mark in TOWNSHIP_LIST_ENDS {
            for (at, _) in s.match_indices(mark) {
                let list = s[..at].rsplit(LIST_BREAKS).next().unwrap_or("");
                for (k, item) in list.split('、').enumerate() {
                    let chars: Vec<char> = item.chars().collect();
                    // The first item runs on from the words before it (深入国华): its
                    // last two or three characters.
                    let stems: Vec<String> = if k > 0 || chars.len() <= 3 {
                        vec![item.to_string()]
                    } else {
                        (2..=3)
                            .map(|n| chars[chars.len() - n..].iter().collect())
                            .collect()
                    };
                    let mut counties: Vec<&str> = stems
                        .iter()
                        .flat_map(|stem| {
                            ["镇", "乡", "街道", ""].iter().flat_map(move |suffix| {
                                lex.counties_of_town(&format!("{stem}{suffix}"))
                            })
                        })
                        .collect();
                    counties.sort_unstable();
                    counties.dedup();
                    for c in counties {
                        *votes.entry(c).or_default() += 1;
                    }
                }
            }
        }
    }
    let most = votes.values().copied().max().filter(|&m| m >= 2)?;
    let mut top = votes.iter().filter(|(_, &v)| v == most);
    let (county, _) = top.next()?;
    top.next().is_none().then(|| county.to_string())
}

/// Whether the place mention ending at character `end` of `sentence` is in a list of
/// townships (国华、高阳、盐河等乡镇): the list runs on to 等乡镇 or 等镇 over names and
/// 、 only.
fn in_township_list(sentence: &str, end: usize) -> bool {
    let rest: String = sentence
        .chars()
        .skip(end)
        .take_while(|c| !LIST_BREAKS.contains(c))
        .collect();
    let Some(at) = TOWNSHIP_LIST_ENDS.iter().filter_map(|w| rest.find(w)).min() else {
        return false;
    };
    let list = &rest[..at];
    list.chars().count() <= 30
        && list
            .chars()
            .all(|c| c == '、' || crate::normalize::is_cjk(c))
}

#[cfg(test)]
mod tests {
    use super::{
        level_written_once, medium_place, office_written_short, province_written_short,
        usual_committee_name,
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
    fn a_local_medium_s_dateline_names_its_place() {
        let lex = Lexicon::embedded();
        let place = |s: &str| medium_place(&lex, s);
        assert_eq!(
            place("通道融媒12月23日讯:12月22日,会议召开。").as_deref(),
            Some("通道侗族自治县")
        );
        assert_eq!(place("衡阳日报讯 记者").as_deref(), Some("衡阳市"));
        assert_eq!(place("人民日报讯 记者"), None);
        assert_eq!(place("12月22日,通道融媒讯"), None);
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
