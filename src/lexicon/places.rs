//! Place names: the administrative suffixes that make a name a division, the short
//! forms and prefixes where places are looked for, and the gazetteer look-ups up the
//! hierarchy.

use super::index::word_map;
use super::{Lexicon, Place, PlaceLevel};

/// Administrative suffixes stripped to make short place names, longest first.
const PLACE_SUFFIXES: &[&str] = &[
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "自治州",
    "自治县",
    "省",
    "市",
    "区",
    "县",
    "镇",
    "乡",
    "街道",
    "地区",
    "盟",
    "旗",
];

/// Whether `name` is written as an administrative division (惠济区, 郑州市, 宝应县):
/// something before one of the suffixes divisions end in.
pub fn is_division_name(name: &str) -> bool {
    PLACE_SUFFIXES
        .iter()
        .any(|s| name.len() > s.len() && name.ends_with(s))
}

impl Lexicon {
    /// The full gazetteer name for a full or short place name.
    pub fn place(&self, name: &str) -> Option<&Place> {
        // Most names asked about are no place: the joint index says so in one probe,
        // where a miss cost one in each map.
        if self.word_maps(name) & (word_map::PLACE | word_map::PLACE_SHORT) == 0 {
            return None;
        }
        self.places
            .get(name)
            .or_else(|| self.place_short.get(name).and_then(|f| self.places.get(f)))
    }

    /// The counties a town of this full name is in (国华镇 → 旺苍县; 高阳镇 → 云阳县,
    /// 孝义市, 旺苍县…): one when the name is unique, none when it is no town.
    pub fn counties_of_town(&self, name: &str) -> Vec<&str> {
        match self.places.get(name) {
            Some(p) if p.level == PlaceLevel::Town => match &p.parent {
                Some(parent) => vec![parent.as_str()],
                None => self
                    .shared_town_names
                    .get(name)
                    .map(|v| v.iter().map(String::as_str).collect())
                    .unwrap_or_default(),
            },
            _ => Vec::new(),
        }
    }

    /// The chain of places from `name` up to its province (惠济区, 郑州市, 河南省).
    pub fn place_chain(&self, name: &str) -> Vec<&Place> {
        let mut out = Vec::new();
        let mut cur = self.place(name);
        while let Some(p) = cur {
            if out.iter().any(|q: &&Place| q.name == p.name) || out.len() > 6 {
                break;
            }
            out.push(p);
            cur = p.parent.as_deref().and_then(|n| self.places.get(n));
        }
        out
    }
}

/// The peoples autonomous divisions are named after, as they are written in them.
const ETHNIC_GROUPS: &[&str] = &[
    "藏族",
    "回族",
    "蒙古族",
    "壮族",
    "苗族",
    "彝族",
    "土家族",
    "布依族",
    "侗族",
    "瑶族",
    "白族",
    "哈尼族",
    "傣族",
    "黎族",
    "傈僳族",
    "佤族",
    "畲族",
    "拉祜族",
    "水族",
    "东乡族",
    "纳西族",
    "景颇族",
    "柯尔克孜族",
    "土族",
    "达斡尔族",
    "仫佬族",
    "羌族",
    "布朗族",
    "撒拉族",
    "毛南族",
    "仡佬族",
    "锡伯族",
    "阿昌族",
    "普米族",
    "塔吉克族",
    "怒族",
    "鄂温克族",
    "德昂族",
    "保安族",
    "裕固族",
    "京族",
    "独龙族",
    "鄂伦春族",
    "赫哲族",
    "门巴族",
    "珞巴族",
    "基诺族",
    "朝鲜族",
    "哈萨克族",
    "维吾尔族",
    "各族",
];

/// The name without its administrative suffix (郑州市 → 郑州), if at least two
/// characters remain.
pub fn place_stem(name: &str) -> Option<String> {
    // An autonomous division is called by the name before its peoples (甘南藏族自治州
    // → 甘南, 恩施土家族苗族自治州 → 恩施).
    if let Some(rest) = ["自治州", "自治县", "自治旗"]
        .iter()
        .find_map(|s| name.strip_suffix(s))
    {
        let first_people = ETHNIC_GROUPS.iter().filter_map(|g| rest.find(g)).min();
        if let Some(stem) = first_people.map(|at| &rest[..at]) {
            if stem.chars().count() >= 2 {
                return Some(stem.to_string());
            }
        }
    }
    for suf in PLACE_SUFFIXES {
        if let Some(stem) = name.strip_suffix(suf) {
            if stem.chars().count() >= 2 {
                return Some(stem.to_string());
            }
        }
    }
    None
}

/// The prefixes of `name` of eight down to two characters, longest first: where a
/// place it starts with is looked for (郑州市…, 惠济区规划服务中心). Slices, not copies:
/// this runs for every organisation mention of an article and every name in a corpus.
pub fn place_prefixes(name: &str) -> impl Iterator<Item = &str> {
    let ends: Vec<usize> = name
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .skip(1)
        .take(7)
        .collect();
    ends.into_iter().rev().map(move |end| &name[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_chain_walks_up_to_province() {
        let lex = Lexicon::embedded();
        let chain: Vec<_> = lex
            .place_chain("惠济")
            .iter()
            .map(|p| p.name.clone())
            .collect();
        assert_eq!(chain, ["惠济区", "郑州市", "河南省"]);
    }
}
