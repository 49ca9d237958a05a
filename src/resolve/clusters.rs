//! The clusters of one name: which of the places the articles give a person (or an
//! event of one name and day) are one, decided from the set of places alone, and
//! the reason a joined node records.

use super::anchor::Anchor;
use std::collections::{BTreeMap, BTreeSet};

/// What becomes of a person mention with no place evidence at all (no post with a
/// place, an article of no known jurisdiction).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum UnplacedPersons {
    /// Joined to the one placed person of that name when the corpus has exactly one;
    /// with none, all unplaced mentions of the name are one person; with several, a
    /// node of its own.
    #[default]
    Single,
    /// Always a node of its own (one per article).
    Apart,
}

impl UnplacedPersons {
    /// Every policy, for command-line parsers.
    pub const ALL: [UnplacedPersons; 2] = [UnplacedPersons::Single, UnplacedPersons::Apart];

    /// The policy's name on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            UnplacedPersons::Single => "single",
            UnplacedPersons::Apart => "apart",
        }
    }
}

/// What the articles say of one anchor of a name.
#[derive(Debug, Clone, Default)]
pub(super) struct AnchorStats<'f> {
    /// Articles naming it with this anchor (ids: an article read twice is one);
    /// distinct once [`AnchorStats::finish`] ran.
    ids: Vec<&'f str>,
    /// Of them, placed by a post: the posts as written, with their articles.
    posts: BTreeMap<String, Vec<&'f str>>,
}

impl<'f> AnchorStats<'f> {
    /// What one article says.
    pub(super) fn of(article: &'f str, post: Option<String>) -> AnchorStats<'f> {
        AnchorStats {
            ids: vec![article],
            posts: post
                .map(|p| BTreeMap::from([(p, vec![article])]))
                .unwrap_or_default(),
        }
    }

    pub(super) fn articles(&self) -> usize {
        self.ids.len()
    }

    pub(super) fn add(&mut self, other: AnchorStats<'f>) {
        self.ids.extend(other.ids);
        for (p, n) in other.posts {
            self.posts.entry(p).or_default().extend(n);
        }
    }

    /// Each article once (gathered in lists: most anchors have one article, and a
    /// set per anchor cost a node each).
    pub(super) fn finish(&mut self) {
        self.ids.sort_unstable();
        self.ids.dedup();
        for v in self.posts.values_mut() {
            v.sort_unstable();
            v.dedup();
        }
    }
}

/// Where a mention's key leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Target<'l> {
    /// The cluster of this anchor (empty: the name alone).
    Cluster(Anchor<'l>),
    /// A node of the article's own.
    PerArticle,
}

/// The clusters of one name: each with its member anchors.
pub(super) struct Decided<'s, 'f, 'l> {
    pub(super) targets: BTreeMap<Anchor<'l>, Target<'l>>,
    pub(super) clusters: BTreeMap<Anchor<'l>, Vec<(Anchor<'l>, &'s AnchorStats<'f>)>>,
    /// Articles whose unplaced mention stays a node of its own.
    pub(super) per_article: usize,
}

/// Decides where each anchor of a name leads. The most precise anchors (at `depth`)
/// are clusters; a less precise one joins the one cluster it contains, or is a
/// cluster of its own when it contains none or several; the empty anchor (no
/// evidence) follows `unplaced`.
pub(super) fn cluster<'s, 'f, 'l>(
    anchors: &'s BTreeMap<Anchor<'l>, AnchorStats<'f>>,
    depth: usize,
    unplaced: UnplacedPersons,
) -> Decided<'s, 'f, 'l> {
    let mut order: Vec<(&Anchor, &AnchorStats)> = anchors.iter().collect();
    // Most precise first; ties in anchor order.
    order.sort_by(|a, b| b.0.depth().cmp(&a.0.depth()).then(a.0.cmp(b.0)));
    let mut clusters: BTreeMap<Anchor<'l>, Vec<(Anchor<'l>, &AnchorStats)>> = BTreeMap::new();
    let mut targets = BTreeMap::new();
    let mut per_article = 0;
    for (a, s) in order {
        let target = if a.depth() == 0 && unplaced == UnplacedPersons::Apart {
            Target::PerArticle
        } else if a.depth() >= depth {
            Target::Cluster(*a)
        } else {
            let mut within = clusters.keys().filter(|c| a.contains(c));
            match (within.next(), within.next()) {
                (Some(c), None) => Target::Cluster(*c),
                (None, _) => Target::Cluster(*a),
                // Several people (or occasions) this mention could be: the unplaced
                // one cannot say which; a partly placed one is another.
                (Some(_), Some(_)) if a.depth() == 0 => Target::PerArticle,
                (Some(_), Some(_)) => Target::Cluster(*a),
            }
        };
        match &target {
            Target::Cluster(c) => clusters.entry(*c).or_default().push((*a, s)),
            Target::PerArticle => per_article += s.articles(),
        }
        targets.insert(*a, target);
    }
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
    members: &[(Anchor, &AnchorStats)],
    articles: usize,
) -> String {
    if anchor.depth() == 0 {
        return format!(
            "across {}: the same name, and no article places {name} anywhere",
            articles_n(articles)
        );
    }
    let mut parts = Vec::new();
    let mut posts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut by_article = 0;
    for (a, s) in members {
        if a == anchor {
            let mut by_post: BTreeSet<&str> = BTreeSet::new();
            for (p, n) in &s.posts {
                *posts.entry(p).or_default() += n.len();
                by_post.extend(n);
            }
            by_article += s.articles() - by_post.len();
        } else if a.depth() == 0 {
            parts.push(format!(
                "{} with no place evidence, and this is the only {name} placed anywhere",
                articles_n(s.articles())
            ));
        } else {
            parts.push(format!(
                "{} placed only in {}, where this is the only {name}",
                articles_n(s.articles()),
                a.label()
            ));
        }
    }
    let mut posts: Vec<(&str, usize)> = posts.into_iter().collect();
    posts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut head = Vec::new();
    if let Some((p, n)) = posts.first().filter(|(_, n)| *n >= 2) {
        head.push(format!("shared post {p} ({})", articles_n(*n)));
    }
    let others: Vec<&str> = posts
        .iter()
        .filter(|(_, n)| *n < 2)
        .take(3)
        .map(|(p, _)| *p)
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
    let mut s = format!(
        "across {}: the same name in one place, {} ({})",
        articles_n(articles),
        anchor.label(),
        head.join("; ")
    );
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
    members: &[(Anchor, &AnchorStats)],
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
            articles_n(st.articles()),
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
            let n: usize = m.iter().map(|(_, s)| s.articles()).sum();
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

    fn stats(n: usize) -> AnchorStats<'static> {
        AnchorStats {
            ids: IDS[..n].to_vec(),
            ..Default::default()
        }
    }

    #[test]
    fn districts_of_one_city_join_and_two_cities_stay_apart() {
        let anchors: BTreeMap<Anchor, AnchorStats> = [
            (a(&["河南省", "郑州市"]), stats(2)),
            (a(&["河南省", "洛阳市"]), stats(1)),
        ]
        .into_iter()
        .collect();
        let d = cluster(&anchors, 2, UnplacedPersons::Single);
        assert_eq!(d.clusters.len(), 2);
        // Only the province known: two cities it could be, so a third person.
        let mut more = anchors;
        more.insert(a(&["河南省"]), stats(1));
        more.insert(Anchor::default(), stats(1));
        let d = cluster(&more, 2, UnplacedPersons::Single);
        assert_eq!(d.targets[&a(&["河南省"])], Target::Cluster(a(&["河南省"])));
        assert_eq!(d.targets[&Anchor::default()], Target::PerArticle);
        assert_eq!(d.per_article, 1);
    }

    #[test]
    fn a_less_precise_anchor_joins_the_only_cluster_it_contains() {
        let anchors: BTreeMap<Anchor, AnchorStats> = [
            (a(&["河南省", "郑州市"]), stats(2)),
            (a(&["河南省"]), stats(1)),
            (a(&["湖北省"]), stats(1)),
            (Anchor::default(), stats(3)),
        ]
        .into_iter()
        .collect();
        let d = cluster(&anchors, 2, UnplacedPersons::Single);
        let zz = Target::Cluster(a(&["河南省", "郑州市"]));
        assert_eq!(d.targets[&a(&["河南省"])], zz);
        assert_eq!(d.targets[&a(&["湖北省"])], Target::Cluster(a(&["湖北省"])));
        // Two placed persons: the unplaced mention cannot say which.
        assert_eq!(d.targets[&Anchor::default()], Target::PerArticle);
        let only: BTreeMap<Anchor, AnchorStats> = [
            (a(&["河南省", "郑州市"]), stats(1)),
            (Anchor::default(), stats(3)),
        ]
        .into_iter()
        .collect();
        let d = cluster(&only, 2, UnplacedPersons::Single);
        assert_eq!(d.targets[&Anchor::default()], zz);
        let d = cluster(&only, 2, UnplacedPersons::Apart);
        assert_eq!(d.targets[&Anchor::default()], Target::PerArticle);
        assert_eq!(d.per_article, 3);
    }
}
