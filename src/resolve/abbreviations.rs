//! Organisation abbreviations: which organisation names of the corpus are short
//! forms of another (市资源规划局惠济分局 for 郑州市自然资源和规划局惠济分局), each
//! with the reason recorded on the merged node.

use crate::extract::ArticleFacts;
use crate::lexicon::{Lexicon, OTHER_PARTIES};
use crate::mention::MentionKind;
use std::collections::{BTreeMap, HashMap};

/// Each abbreviating organisation name with the name it stands for and why.
pub(super) type Aliases = HashMap<String, (String, String)>;

/// Whether the characters of `short` appear in order in `long`.
fn is_subsequence(short: &str, long: &str) -> bool {
    let mut it = long.chars();
    short.chars().all(|c| it.any(|d| d == c))
}

/// What the abbreviation rule needs to know about one organisation name, computed once
/// per name rather than once per pair.
struct OrgName<'a> {
    name: &'a str,
    chars: usize,
    /// Articles the name occurs in, sorted.
    arts: Vec<usize>,
    /// The gazetteer place the name starts with.
    place: Option<String>,
}

/// Whether two sorted lists share an element.
fn sorted_intersect(a: &[usize], b: &[usize]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// Organisation names that abbreviate another: short → (long, reason).
///
/// The rule compares every pair of names with the same organ suffix, which is
/// quadratic; on a corpus of tens of thousands of names that dominated the whole
/// build. Names are grouped by suffix and, within a group, indexed by character: a
/// long name can only expand a short one if it contains the short name's rarest
/// character, so only that character's names are tested. The result is the same
/// as testing every pair.
pub(super) fn org_aliases(lex: &Lexicon, facts: &[ArticleFacts]) -> Aliases {
    // Every canonical organisation name, with the articles it occurs in (ascending:
    // the articles are visited in order). Hashed, then sorted once: a corpus has
    // hundreds of thousands of organisation mentions, and this runs on one thread.
    let mut names: rustc_hash::FxHashMap<&str, Vec<usize>> = Default::default();
    for (ai, f) in facts.iter().enumerate() {
        for e in &f.ents {
            if e.kind == MentionKind::Organization {
                let arts = names.entry(e.canonical()).or_default();
                if arts.last() != Some(&ai) {
                    arts.push(ai);
                }
            }
        }
    }
    let mut names: Vec<(&str, Vec<usize>)> = names.into_iter().collect();
    names.sort_unstable_by(|a, b| a.0.cmp(b.0));
    // Group by organ suffix; names without one take part in no abbreviation.
    let mut groups: BTreeMap<&str, Vec<OrgName>> = BTreeMap::new();
    for (name, arts) in names {
        let Some((suffix, _)) = lex.org_suffix(name) else {
            continue;
        };
        groups.entry(suffix.as_str()).or_default().push(OrgName {
            name,
            chars: name.chars().count(),
            arts,
            place: lex_prefix_place(lex, name),
        });
    }
    let party_committee = |name: &str| {
        lex.org_suffix(name)
            .is_some_and(|(_, class)| class.as_deref() == Some("party"))
    };
    let mut out = HashMap::new();
    for group in groups.values() {
        // Character → the names of the group containing it (indices ascending).
        let mut by_char: HashMap<char, Vec<usize>> = HashMap::new();
        for (i, n) in group.iter().enumerate() {
            let mut seen: Vec<char> = n.name.chars().collect();
            seen.sort_unstable();
            seen.dedup();
            for c in seen {
                by_char.entry(c).or_default().push(i);
            }
        }
        for short in group {
            let rarest = short
                .name
                .chars()
                .filter_map(|c| by_char.get(&c))
                .min_by_key(|v| v.len());
            let Some(pool) = rarest else { continue };
            let mut maxlen = 0;
            let mut best: Vec<&str> = Vec::new();
            for &li in pool {
                let long = &group[li];
                let ok = long.chars > short.chars
                    && is_subsequence(short.name, long.name)
                    && {
                        // Same jurisdiction written first, or both in one article.
                        let same_place = short.place.is_some() && short.place == long.place;
                        same_place || sorted_intersect(&short.arts, &long.arts)
                    }
                    // The short name is not a real organisation of its own ending the long one
                    // (惠济市场分中心 inside 惠济市场分中心复工复产保障工作专班 ends differently).
                    && !long.name.starts_with(short.name)
                    // 省委 of an article that names 民革贵州省委 is the Party's committee:
                    // another party's committee abbreviates only with its party's name.
                    && !(party_committee(short.name)
                        && OTHER_PARTIES.iter().any(|p| long.name.starts_with(p) && !short.name.starts_with(p)));
                if !ok {
                    continue;
                }
                // Only the longest unambiguous expansion.
                if long.chars > maxlen {
                    maxlen = long.chars;
                    best.clear();
                }
                if long.chars == maxlen {
                    best.push(long.name);
                }
            }
            if let [long] = best.as_slice() {
                let reason = format!(
                    "abbreviation: the characters of {} appear in order in {long}, with the same organ suffix and jurisdiction",
                    short.name
                );
                out.insert(short.name.to_string(), (long.to_string(), reason));
            }
        }
    }
    // Follow chains to their end. Every step goes to a strictly longer name, so a
    // chain ends; sorted keys keep the result independent of hash order.
    let mut keys: Vec<String> = out.keys().cloned().collect();
    keys.sort();
    for k in keys {
        let mut cur = out[&k].clone();
        let mut guard = 0;
        while let Some(next) = out.get(&cur.0) {
            cur = (next.0.clone(), cur.1.clone());
            guard += 1;
            if guard > 8 {
                break;
            }
        }
        out.insert(k, cur);
    }
    out
}

/// The gazetteer place a name starts with, if any (郑州市…): the longest of its
/// prefixes of two to eight characters.
fn lex_prefix_place(lex: &Lexicon, name: &str) -> Option<String> {
    crate::lexicon::place_prefixes(name)
        .find_map(|pre| lex.places().get(pre).map(|p| p.name.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subsequence_rule() {
        assert!(is_subsequence(
            "郑州市资源规划局惠济分局",
            "郑州市自然资源和规划局惠济分局"
        ));
        assert!(!is_subsequence(
            "惠济分局规划",
            "郑州市自然资源和规划局惠济分局"
        ));
    }
}
