//! The clusters of one name: which of the places the articles give a person (or an
//! event of one name and day) are one, decided from the set of places alone, and
//! the reason a joined node records.

use super::anchor::{Anchor, Post};
pub use crate::graph::UnplacedPersons;
use std::collections::BTreeMap;

/// One article's mention of a name (a person) or of a name and day (an event), as
/// identity sees it: where the article places it and, for a person, the post that
/// did. Collected flat for the whole corpus and sorted, so that a name's mentions,
/// and within them an anchor's, lie side by side: most names have one anchor, and a
/// map per name cost an allocation each.
#[derive(Debug, Clone, Copy)]
pub(super) struct Seen<'l, 'f> {
    /// Cut to the kind's depth.
    pub anchor: Anchor<'l>,
    pub article: &'f str,
    pub post: Option<Post<'f>>,
    /// The article names the person as a national leader (a national post, or
    /// 总书记 after the name).
    pub national: bool,
    /// Moved here by a shared colleague: the colleague and the event they met at.
    pub colleague: Option<(&'f str, &'f str)>,
}

/// The mentions of one anchor of a name: each article once.
pub(super) type Member<'s, 'l, 'f> = (Anchor<'l>, &'s [Seen<'l, 'f>]);

/// Where a mention's key leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Target<'l> {
    /// The cluster of this anchor (empty: the name alone).
    Cluster(Anchor<'l>),
    /// A node of the article's own.
    PerArticle,
}

/// The clusters of one name: each with its member anchors.
pub(super) struct Decided<'s, 'l, 'f> {
    /// Where each anchor leads, in anchor order.
    pub(super) targets: Vec<(Anchor<'l>, Target<'l>)>,
    /// In anchor order.
    pub(super) clusters: Vec<(Anchor<'l>, Vec<Member<'s, 'l, 'f>>)>,
    /// Articles whose unplaced mention stays a node of its own.
    pub(super) per_article: usize,
}

/// Decides where each anchor of a name leads (`anchors` in anchor order). The most
/// precise anchors (at `depth`) are clusters; a less precise one joins the one
/// cluster it contains, or is a cluster of its own when it contains none or several;
/// the empty anchor (no evidence) follows `unplaced`.
pub(super) fn cluster<'s, 'l, 'f>(
    anchors: &[Member<'s, 'l, 'f>],
    depth: usize,
    unplaced: UnplacedPersons,
) -> Decided<'s, 'l, 'f> {
    let mut order: Vec<&Member> = anchors.iter().collect();
    // Most precise first; ties in anchor order.
    order.sort_by(|a, b| b.0.depth().cmp(&a.0.depth()).then(a.0.cmp(&b.0)));
    let mut clusters: Vec<(Anchor<'l>, Vec<Member>)> = Vec::new();
    let mut targets = Vec::with_capacity(anchors.len());
    let mut per_article = 0;
    for &(a, s) in order {
        let target = if a.depth() == 0 && unplaced == UnplacedPersons::Apart {
            Target::PerArticle
        } else if a.depth() >= depth {
            Target::Cluster(a)
        } else {
            let mut within = clusters.iter().map(|c| c.0).filter(|c| a.contains(c));
            match (within.next(), within.next()) {
                (Some(c), None) => Target::Cluster(c),
                (None, _) => Target::Cluster(a),
                // Several people (or occasions) this mention could be: the unplaced
                // one cannot say which; a partly placed one is another.
                (Some(_), Some(_)) if a.depth() == 0 => Target::PerArticle,
                (Some(_), Some(_)) => Target::Cluster(a),
            }
        };
        match target {
            Target::Cluster(c) => match clusters.iter_mut().find(|x| x.0 == c) {
                Some(x) => x.1.push((a, s)),
                None => clusters.push((c, vec![(a, s)])),
            },
            Target::PerArticle => per_article += s.len(),
        }
        targets.push((a, target));
    }
    targets.sort_by(|x, y| x.0.cmp(&y.0));
    clusters.sort_by(|x, y| x.0.cmp(&y.0));
    Decided {
        targets,
        clusters,
        per_article,
    }
}

/// Articles, in words.
fn articles_n(n: usize) -> String {
    if n == 1 {
        "1 article".into()
    } else {
        format!("{n} articles")
    }
}

/// Why the articles of one person cluster are one person.
pub(super) fn person_reason(
    name: &str,
    anchor: &Anchor,
    members: &[Member],
    articles: usize,
) -> String {
    if anchor.depth() == 0 {
        return format!(
            "across {}: the same name, and no article places {name} anywhere",
            articles_n(articles)
        );
    }
    let mut parts = Vec::new();
    let mut posts: BTreeMap<String, usize> = BTreeMap::new();
    let (mut by_article, mut by_role, mut bare) = (0, 0, 0);
    let mut colleagues: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for (a, s) in members {
        if a == anchor {
            for seen in s.iter() {
                match (seen.post, seen.colleague) {
                    (Some((org, title)), _) => {
                        *posts.entry(format!("{org}{title}")).or_default() += 1
                    }
                    (None, Some(c)) => *colleagues.entry(c).or_default() += 1,
                    (None, None) if seen.national => by_role += 1,
                    (None, None) if anchor.is_nation() => bare += 1,
                    (None, None) => by_article += 1,
                }
            }
        } else if a.depth() == 0 {
            parts.push(format!(
                "{} with no place evidence, and this is the only {name} placed anywhere",
                articles_n(s.len())
            ));
        } else {
            parts.push(format!(
                "{} placed only in {}, where this is the only {name}",
                articles_n(s.len()),
                a.label()
            ));
        }
    }
    let mut posts: Vec<(String, usize)> = posts.into_iter().collect();
    posts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut head = Vec::new();
    if let Some((p, n)) = posts.first().filter(|(_, n)| *n >= 2) {
        head.push(format!("shared post {p} ({})", articles_n(*n)));
    }
    let others: Vec<&str> = posts
        .iter()
        .filter(|(_, n)| *n < 2)
        .take(3)
        .map(|(p, _)| p.as_str())
        .collect();
    if !others.is_empty() {
        head.push(format!("posts there: {}", others.join(", ")));
    }
    if by_article > 0 {
        head.push(format!(
            "{} placed by where the article is, with no post of a place",
            articles_n(by_article)
        ));
    }
    if by_role > 0 {
        head.push(format!(
            "{} naming {name} by a national leader's post after the name",
            articles_n(by_role)
        ));
    }
    if bare > 0 {
        head.push(format!(
            "{} naming {name} with no post of a place",
            articles_n(bare)
        ));
    }
    for ((colleague, event), n) in colleagues {
        head.push(format!(
            "{} with no post of a place, joined for the shared colleague {colleague} (at {event} there, and with this {name} elsewhere)",
            articles_n(n)
        ));
    }
    let mut s = if anchor.is_nation() {
        format!(
            "across {}: the same name, a national leader ({})",
            articles_n(articles),
            head.join("; ")
        )
    } else {
        format!(
            "across {}: the same name in one place, {} ({})",
            articles_n(articles),
            anchor.label(),
            head.join("; ")
        )
    };
    for p in parts {
        s.push_str("; ");
        s.push_str(&p);
    }
    s
}

/// Why the articles of one event cluster report one occasion.
pub(super) fn event_reason(
    date: &str,
    anchor: &Anchor,
    members: &[Member],
    articles: usize,
) -> String {
    let mut s = format!(
        "across {}: the same name, day {date} and place {}",
        articles_n(articles),
        anchor.label()
    );
    for (a, st) in members.iter().filter(|(a, _)| a != anchor) {
        s.push_str(&format!(
            "; {} placing it only in {}, where this is the only one that day",
            articles_n(st.len()),
            a.label()
        ));
    }
    s
}

/// A name kept apart, for the report: its places and how many articles each.
pub(super) fn apart_sample(name: &str, d: &Decided) -> String {
    let places: Vec<String> = d
        .clusters
        .iter()
        .filter(|(a, _)| a.depth() > 0)
        .map(|(a, m)| {
            let n: usize = m.iter().map(|(_, s)| s.len()).sum();
            format!("{} ({})", a.label(), articles_n(n))
        })
        .collect();
    format!("{name}: {}", places.join(" | "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(p: &[&'static str]) -> Anchor<'static> {
        Anchor::of_path(p)
    }

    const IDS: [&str; 4] = ["a1", "a2", "a3", "a4"];

    /// `n` articles' mentions at `at`, leaked: a test's slices live as long as it.
    fn seen(at: Anchor<'static>, n: usize) -> Member<'static, 'static, 'static> {
        let v: Vec<Seen> = IDS[..n]
            .iter()
            .map(|id| Seen {
                anchor: at,
                article: id,
                post: None,
                national: false,
                colleague: None,
            })
            .collect();
        (at, Vec::leak(v))
    }

    fn sorted(
        mut v: Vec<Member<'static, 'static, 'static>>,
    ) -> Vec<Member<'static, 'static, 'static>> {
        v.sort_by(|x, y| x.0.cmp(&y.0));
        v
    }

    fn target<'l>(d: &Decided<'_, 'l, '_>, at: Anchor) -> Target<'l> {
        d.targets.iter().find(|t| t.0 == at).unwrap().1
    }

    #[test]
    fn districts_of_one_city_join_and_two_cities_stay_apart() {
        let anchors = sorted(vec![
            seen(a(&["河南省", "郑州市"]), 2),
            seen(a(&["河南省", "洛阳市"]), 1),
        ]);
        let d = cluster(&anchors, 2, UnplacedPersons::Single);
        assert_eq!(d.clusters.len(), 2);
        // Only the province known: two cities it could be, so a third person.
        let mut more = anchors;
        more.push(seen(a(&["河南省"]), 1));
        more.push(seen(Anchor::default(), 1));
        let more = sorted(more);
        let d = cluster(&more, 2, UnplacedPersons::Single);
        assert_eq!(target(&d, a(&["河南省"])), Target::Cluster(a(&["河南省"])));
        assert_eq!(target(&d, Anchor::default()), Target::PerArticle);
        assert_eq!(d.per_article, 1);
    }

    #[test]
    fn a_less_precise_anchor_joins_the_only_cluster_it_contains() {
        let anchors = sorted(vec![
            seen(a(&["河南省", "郑州市"]), 2),
            seen(a(&["河南省"]), 1),
            seen(a(&["湖北省"]), 1),
            seen(Anchor::default(), 3),
        ]);
        let d = cluster(&anchors, 2, UnplacedPersons::Single);
        let zz = Target::Cluster(a(&["河南省", "郑州市"]));
        assert_eq!(target(&d, a(&["河南省"])), zz);
        assert_eq!(target(&d, a(&["湖北省"])), Target::Cluster(a(&["湖北省"])));
        // Two placed persons: the unplaced mention cannot say which.
        assert_eq!(target(&d, Anchor::default()), Target::PerArticle);
        let only = sorted(vec![
            seen(a(&["河南省", "郑州市"]), 1),
            seen(Anchor::default(), 3),
        ]);
        let d = cluster(&only, 2, UnplacedPersons::Single);
        assert_eq!(target(&d, Anchor::default()), zz);
        let d = cluster(&only, 2, UnplacedPersons::Apart);
        assert_eq!(target(&d, Anchor::default()), Target::PerArticle);
        assert_eq!(d.per_article, 3);
    }
}
