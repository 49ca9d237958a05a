//! Where and when an article is: its dateline and the administrative divisions it is
//! about, which [`super::organ_names`] spells organisations' names out with.

use super::date;
use super::facts::{EntityMention, Jurisdiction};
use super::organ_names::leading_places;
use crate::lexicon::{Lexicon, PlaceLevel};
use crate::mention::MentionKind;
use rustc_hash::FxHashMap as HashMap;

/// The first date of the lead sentence (本报讯 3月19日下午 …) dates the article.
pub(super) fn dateline(
    ents: &[EntityMention],
    sentences: &[String],
    has_headline: bool,
) -> Option<String> {
    let at = |lead: usize| {
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
    };
    let lead = usize::from(has_headline);
    // A text without a headline may open with a line of its own (a photo's caption,
    // an untitled title) before the dateline.
    at(lead).or_else(|| (!has_headline).then(|| at(1)).flatten())
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
    // 资中县委书记尤再平率内江市党政代表团来乐考察: the places of guests told coming
    // are theirs, not the story's, when the story names one of its own in full; else
    // (友谊 of 友谊县, a word) they are all it names.
    let arrivals: Vec<Option<(usize, usize)>> = sentences
        .iter()
        .map(|s| guests_arrive_at(s).map(|at| (after_dateline(s, at), at)))
        .collect();
    let hosts = tally_mentions(lex, ents, sentences, Some(&arrivals));
    let guests_left_out = hosts.named_in_full;
    let mut tally = if hosts.named_in_full {
        hosts
    } else {
        tally_mentions(lex, ents, sentences, None)
    };
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
        // 安塞区代表团赴洛川县视察。区人大常委会主任…: the visiting group's division,
        // left out of the story's places, is the one its 区 posts are of.
        let written_with_other = || {
            ents.iter().any(|e| {
                matches!(e.kind, MentionKind::Organization | MentionKind::Title)
                    && e.text.starts_with(other)
            })
        };
        if j.other_county.is_none() && guests_left_out && written_with_other() {
            let all = tally_mentions(lex, ents, sentences, None);
            j.other_county = all
                .counts
                .iter()
                .filter(|((l, n), _)| {
                    *l == PlaceLevel::County && n.ends_with(other) && county_fits(n)
                })
                .max_by(|a, b| a.1.cmp(b.1).then(b.0 .1.cmp(&a.0 .1)))
                .map(|((_, n), _)| n.clone());
        }
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
        // A town of a prefecture the article does not name, while it names another
        // (农业示范园区, a town of 海陵区 by that name, in an article about 眉山市), is
        // a word of a name, not where the story is.
        let fits = county.as_deref().is_none_or(county_fits);
        if (j.county.is_none() && fits) || j.county == county || ambiguous {
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
    j.street = the_street(ents);
    j
}

/// The places the mentions of an article name, each with its weight. Given
/// `arrivals` (per sentence, the stretch that tells guests coming: from, to), not
/// those in it, nor visiting groups.
fn tally_mentions(
    lex: &Lexicon,
    ents: &[EntityMention],
    sentences: &[String],
    arrivals: Option<&[Option<(usize, usize)>]>,
) -> Tally {
    let mut tally = Tally::default();
    let skip_guests = arrivals.is_some();
    for e in ents {
        let in_arrival = arrivals
            .and_then(|a| a.get(e.sentence()).copied().flatten())
            .is_some_and(|(from, at)| (from..at).contains(&e.start()));
        if in_arrival {
            continue;
        }
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
            // 内江市党政代表团: a visiting group says where its guests come from.
            MentionKind::Organization if skip_guests && is_visiting_group(&e.text) => {}
            // 公安局 is any county's bureau, not one of 公安县: an organ written by its
            // generic name names no place.
            MentionKind::Organization if lex.org_abbrev().contains_key(e.text.as_str()) => {}
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
    tally
}

/// Where guests are told coming here in a sentence (…代表团来乐考察, …一行来我市,
/// …一行莅临眉山市): the character offset of the arrival. (来到 is not counted: 一行来到
/// 某镇 is as often the article's own officials going out.)
fn guests_arrive_at(sentence: &str) -> Option<usize> {
    const GROUPS: [&str; 4] = ["代表团", "考察团", "访问团", "一行"];
    let (byte, _) = sentence.match_indices(['来', '莅']).find(|&(b, w)| {
        let rest = &sentence[b + w.len()..];
        let arrival = if w == "莅" {
            rest.starts_with('临')
        } else {
            !rest.starts_with(['到', '自'])
        };
        arrival && GROUPS.iter().any(|g| sentence[..b].ends_with(g))
    })?;
    Some(sentence[..byte].chars().count())
}

/// Where the story of a sentence starts after its dateline (今日房县网讯 记者… 报道:,
/// 本报讯(记者…)): the medium named there is the host's.
fn after_dateline(sentence: &str, before: usize) -> usize {
    sentence
        .chars()
        .take(before)
        .enumerate()
        .filter(|&(_, c)| matches!(c, '讯' | ':' | '：' | ')' | '）'))
        .map(|(k, _)| k + 1)
        .last()
        .unwrap_or(0)
}

/// Whether an organisation's name is that of a group on a visit (党政代表团, 考察团).
fn is_visiting_group(name: &str) -> bool {
    ["代表团", "考察团", "访问团", "参观团", "考察组", "调研组"]
        .iter()
        .any(|g| name.ends_with(g))
}

/// The street (街道) an article is about: the only one it names (潘桥街道, 欧阳路街道), when
/// it names no development zone, whose 党工委 and 办事处 are written alike.
fn the_street(ents: &[EntityMention]) -> Option<String> {
    let mut streets = ents
        .iter()
        .filter(|e| e.kind == MentionKind::Place)
        .map(|e| e.text.as_str())
        .filter(|t| t.ends_with("街道") && t.chars().count() >= 4 && !t.starts_with('各'));
    let street = streets.next()?;
    let zone = ents.iter().any(|e| {
        e.kind == MentionKind::Organization
            && ["开发区", "园区", "新区", "管委会"]
                .iter()
                .any(|z| e.text.contains(z))
    });
    (!zone && streets.all(|s| s == street)).then(|| street.to_string())
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
    /// Whether a division is named in full (乐山市, not 乐山 alone, which may be a word).
    named_in_full: bool,
}

impl Tally {
    /// Counts a division for itself, and a town for its county too (梁祝镇 says the
    /// story is in 汝南县), when the town's name says which county.
    fn add(&mut self, lex: &Lexicon, name: &str, weight: usize) {
        // A full name (大竹县) says more than a short form, which may be a word of
        // something else (观音 of 观音阁街).
        let chain = lex.place_chain(name);
        let full = crate::lexicon::is_division_name(name);
        if full && !chain.is_empty() {
            self.named_in_full = true;
        }
        let weight = if full { 2 * weight } else { weight };
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
    use super::medium_place;
    use crate::lexicon::Lexicon;
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
}
