//! Identity across articles: which mentions of different articles are one person or
//! one occasion. Two articles naming 陈立 are one person only when the places they
//! give him agree; two reports of a 春节团拜会 on one day are one event only when they
//! are of one place.
//!
//! Each person mention of an article gets an *anchor*: the administrative place it
//! belongs to, as a path from the province down ([`Anchor`]). It comes from the
//! person's own posts in the article (the place of the organisation of the post:
//! 金水区委副书记 → 河南省/郑州市/金水区), else from the article's jurisdiction (its
//! dateline and the divisions it is about). Persons are keyed by name and anchor
//! at the prefecture level ([`PERSON_DEPTH`]): a district is compatible with its city,
//! two districts of one city are one place, two cities are two. Events are keyed by
//! name, day and anchor at the county level ([`EVENT_DEPTH`]), the anchor coming from
//! the organisation that held the event, else from the article.
//!
//! An anchor known less precisely than the key's level (a provincial post, an article
//! only known to be in 河南省) joins the one cluster of the name it is compatible
//! with, when there is exactly one; otherwise it is a cluster of its own. A person
//! mention with no place evidence at all follows [`UnplacedPersons`]; an event with
//! none is joined to no other article's.
//!
//! The decision for a mention depends only on the set of anchors each name has in the
//! whole corpus, never on the order of the articles, so an update or a merge gives
//! what a full build gives. It is one pass over the mentions and one over the names:
//! no pair of persons is ever compared.

use crate::extract::{ArticleFacts, EntityMention, Jurisdiction};
use crate::graph::build::KnowledgeGraph;
use crate::graph::{IdentityReport, Merge, NodeKind, Relation};
use crate::lexicon::{Lexicon, PlaceLevel};
use crate::mention::MentionKind;
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet};

/// Persons are told apart down to the prefecture (province, prefecture).
pub const PERSON_DEPTH: usize = 2;
/// Events are told apart down to the county (province, prefecture, county).
pub const EVENT_DEPTH: usize = 3;

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

impl std::str::FromStr for UnplacedPersons {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "single" => Ok(UnplacedPersons::Single),
            "apart" => Ok(UnplacedPersons::Apart),
            _ => Err(format!("{s}: expected single or apart")),
        }
    }
}

/// How entity resolution decides identity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ResolveOptions {
    /// Persons without place evidence.
    pub unplaced_persons: UnplacedPersons,
}

/// An administrative place as a path from the province down (province, prefecture,
/// county); empty when nothing is known. A municipality (北京市) is its own
/// prefecture: 北京市/北京市/朝阳区.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) struct Anchor(Vec<String>);

impl Anchor {
    /// The anchor of a gazetteer place (full or short name); empty when it is none
    /// or not in the hierarchy.
    fn of_place(lex: &Lexicon, name: &str) -> Anchor {
        let (mut province, mut prefecture, mut county) = (None, None, None);
        for p in lex.place_chain(name) {
            match p.level {
                PlaceLevel::Province => province = Some(p.name.clone()),
                PlaceLevel::Prefecture => prefecture = Some(p.name.clone()),
                PlaceLevel::County => county = Some(p.name.clone()),
                PlaceLevel::Town | PlaceLevel::Other => {}
            }
        }
        Anchor::from_levels(province, prefecture, county)
    }

    /// The anchor of an article's jurisdiction.
    fn of_jurisdiction(lex: &Lexicon, j: &Jurisdiction) -> Anchor {
        let mut province = j.province.clone();
        if province.is_none() {
            // A prefecture or county without its province: the gazetteer knows it.
            let deepest = j.county.as_deref().or(j.prefecture.as_deref());
            province = deepest.and_then(|n| {
                lex.place_chain(n)
                    .iter()
                    .find(|p| p.level == PlaceLevel::Province)
                    .map(|p| p.name.clone())
            });
        }
        Anchor::from_levels(province, j.prefecture.clone(), j.county.clone())
    }

    fn from_levels(
        province: Option<String>,
        prefecture: Option<String>,
        county: Option<String>,
    ) -> Anchor {
        let Some(province) = province else {
            return Anchor::default();
        };
        // A district straight under a municipality: the municipality is its city.
        let prefecture = prefecture.or_else(|| county.as_ref().map(|_| province.clone()));
        let mut path = vec![province];
        if let Some(p) = prefecture {
            path.push(p);
            path.extend(county);
        }
        Anchor(path)
    }

    fn truncated(mut self, depth: usize) -> Anchor {
        self.0.truncate(depth);
        self
    }

    fn depth(&self) -> usize {
        self.0.len()
    }

    /// Whether `self` is `other` or a place above it.
    fn contains(&self, other: &Anchor) -> bool {
        other.0.starts_with(&self.0)
    }

    /// The most precise place, for messages; the prefecture and county of a
    /// municipality's district read 北京市朝阳区.
    fn label(&self) -> String {
        match self.0.as_slice() {
            [] => String::new(),
            [p] => p.clone(),
            [p, c] if p == c => p.clone(),
            [_, c] => c.clone(),
            [_, c, d] => format!("{c}{d}"),
            [.., last] => last.clone(),
        }
    }

    /// The anchor as written in identity keys.
    fn key(&self) -> String {
        self.0.join("/")
    }
}

/// Where an article places a person, and why.
#[derive(Debug, Clone)]
pub(super) struct Placed {
    pub anchor: Anchor,
    /// The post that gave the place (`金水区委副书记`), or `None` when the article's
    /// jurisdiction did.
    pub post: Option<String>,
}

/// The jurisdiction place of an organisation mention: the one extraction settled, or
/// the gazetteer place its name starts with.
fn org_anchor(lex: &Lexicon, e: &EntityMention) -> Anchor {
    if let Some(p) = e.place() {
        let a = Anchor::of_place(lex, p);
        if a.depth() > 0 {
            return a;
        }
    }
    for pre in crate::lexicon::place_prefixes(e.canonical()) {
        if lex.place(pre).is_some() {
            return Anchor::of_place(lex, pre);
        }
    }
    Anchor::default()
}

/// Whether a mention makes a node of its own.
fn own_node(e: &EntityMention) -> bool {
    !e.orphan && e.refers_to().is_none()
}

/// Where the article places each person it names (by canonical name).
pub(super) fn place_persons<'f>(lex: &Lexicon, f: &'f ArticleFacts) -> FxHashMap<&'f str, Placed> {
    // Post places per name: (anchor, how many facts, the post as written).
    let mut posts: FxHashMap<&str, BTreeMap<Anchor, (usize, String)>> = FxHashMap::default();
    for fact in &f.facts {
        if fact.relation != Relation::HoldsPosition {
            continue;
        }
        let (Some(s), Some(t)) = (fact.source.index(), fact.target.index()) else {
            continue;
        };
        let (p, o) = (&f.ents[s], &f.ents[t]);
        if p.kind != MentionKind::Person || o.kind != MentionKind::Organization {
            continue;
        }
        let a = org_anchor(lex, o);
        if a.depth() == 0 {
            continue;
        }
        let written = format!("{}{}", o.canonical(), fact.title().unwrap_or(""));
        let slot = posts
            .entry(p.canonical())
            .or_default()
            .entry(a)
            .or_insert((0, written));
        slot.0 += 1;
    }
    let article = Anchor::of_jurisdiction(lex, &f.jurisdiction);
    let mut out = FxHashMap::default();
    for e in &f.ents {
        if e.kind != MentionKind::Person || !own_node(e) || out.contains_key(e.canonical()) {
            continue;
        }
        let placed = match posts.get(e.canonical()) {
            Some(by_place) => {
                // The most precise place of the posts; places that conflict (two
                // cities) are settled by the one more posts name, then by name.
                let mut best: Option<(&Anchor, &(usize, String))> = None;
                for (a, v) in by_place {
                    best = match best {
                        None => Some((a, v)),
                        Some((b, _)) if b.contains(a) && a != b => Some((a, v)),
                        Some((b, _)) if a.contains(b) => best,
                        Some((_, w)) if v.0 > w.0 => Some((a, v)),
                        keep => keep,
                    };
                }
                let (a, (_, written)) = best.expect("a name with posts has a place");
                Placed {
                    anchor: a.clone(),
                    post: Some(written.clone()),
                }
            }
            None => Placed {
                anchor: article.clone(),
                post: None,
            },
        };
        out.insert(e.canonical(), placed);
    }
    out
}

/// Where the article places each event it names (by mention index): the place of an
/// organisation that held it, else the article's jurisdiction.
pub(super) fn place_events(lex: &Lexicon, f: &ArticleFacts) -> FxHashMap<usize, Anchor> {
    let mut held: FxHashMap<usize, Anchor> = FxHashMap::default();
    for fact in &f.facts {
        if fact.relation != Relation::Held {
            continue;
        }
        let (Some(s), Some(t)) = (fact.source.index(), fact.target.index()) else {
            continue;
        };
        if f.ents[s].kind != MentionKind::Organization {
            continue;
        }
        let a = org_anchor(lex, &f.ents[s]);
        // The first organiser with a place, and the more precise of two compatible.
        match held.get(&t) {
            Some(b) if !(b.contains(&a) && a.depth() > b.depth()) => {}
            _ => {
                if a.depth() > 0 {
                    held.insert(t, a);
                }
            }
        }
    }
    let article = Anchor::of_jurisdiction(lex, &f.jurisdiction);
    f.ents
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == MentionKind::Event && own_node(e) && e.date().is_some())
        .map(|(i, _)| (i, held.remove(&i).unwrap_or_else(|| article.clone())))
        .collect()
}

/// What the articles say of one anchor of a name.
#[derive(Debug, Clone, Default)]
struct AnchorStats<'f> {
    /// Articles naming it with this anchor (ids: an article read twice is one).
    ids: BTreeSet<&'f str>,
    /// Of them, placed by a post: the posts as written, with their articles.
    posts: BTreeMap<String, BTreeSet<&'f str>>,
}

impl<'f> AnchorStats<'f> {
    /// What one article says.
    fn of(article: &'f str, post: Option<String>) -> AnchorStats<'f> {
        AnchorStats {
            ids: BTreeSet::from([article]),
            posts: post
                .map(|p| BTreeMap::from([(p, BTreeSet::from([article]))]))
                .unwrap_or_default(),
        }
    }

    fn articles(&self) -> usize {
        self.ids.len()
    }

    fn add(&mut self, other: AnchorStats<'f>) {
        self.ids.extend(other.ids);
        for (p, n) in other.posts {
            self.posts.entry(p).or_default().extend(n);
        }
    }
}

/// Where a mention's key leads.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    /// The cluster of this anchor (empty: the name alone).
    Cluster(Anchor),
    /// A node of the article's own.
    PerArticle,
}

/// The anchors of one name (persons) or one name and day (events) and where each
/// leads.
#[derive(Debug, Default)]
struct Clusters {
    targets: BTreeMap<Anchor, Target>,
}

/// The identity decisions for a corpus, made before any article is added.
#[derive(Debug, Default)]
pub(super) struct Identities {
    persons: FxHashMap<String, Clusters>,
    events: FxHashMap<(String, String), Clusters>,
    /// Merges to record on joined nodes: node id → merges.
    merges: BTreeMap<String, Vec<Merge>>,
    report: IdentityReport,
}

/// Examples kept in the report, of each kind.
const SAMPLES: usize = 12;

impl Identities {
    /// Collects every anchor of every person name and event name and day, and decides
    /// where each leads.
    pub(super) fn decide<'f>(
        lex: &Lexicon,
        opts: &ResolveOptions,
        facts: &'f [ArticleFacts],
    ) -> Identities {
        type PersonMap<'f> = FxHashMap<String, BTreeMap<Anchor, AnchorStats<'f>>>;
        type EventMap<'f> = FxHashMap<(String, String), BTreeMap<Anchor, AnchorStats<'f>>>;
        use rayon::prelude::*;
        let (persons, events): (PersonMap<'f>, EventMap<'f>) = facts
            .par_iter()
            .fold(
                || (PersonMap::default(), EventMap::default()),
                |(mut pm, mut em), f| {
                    for (name, placed) in place_persons(lex, f) {
                        let s = AnchorStats::of(&f.article.id, placed.post);
                        pm.entry(name.to_string())
                            .or_default()
                            .entry(placed.anchor.truncated(PERSON_DEPTH))
                            .or_default()
                            .add(s);
                    }
                    for (i, a) in place_events(lex, f) {
                        let e = &f.ents[i];
                        let key = (
                            e.canonical().to_string(),
                            e.date().unwrap_or("").to_string(),
                        );
                        em.entry(key)
                            .or_default()
                            .entry(a.truncated(EVENT_DEPTH))
                            .or_default()
                            .add(AnchorStats::of(&f.article.id, None));
                    }
                    (pm, em)
                },
            )
            .reduce(
                || (PersonMap::default(), EventMap::default()),
                |(mut pa, mut ea), (pb, eb)| {
                    for (k, v) in pb {
                        let slot = pa.entry(k).or_default();
                        for (a, s) in v {
                            slot.entry(a).or_default().add(s);
                        }
                    }
                    for (k, v) in eb {
                        let slot = ea.entry(k).or_default();
                        for (a, s) in v {
                            slot.entry(a).or_default().add(s);
                        }
                    }
                    (pa, ea)
                },
            );

        let mut out = Identities::default();
        let mut joined_samples = BTreeSet::new();
        let mut apart_samples = BTreeSet::new();
        let mut names: Vec<(String, BTreeMap<Anchor, AnchorStats<'f>>)> =
            persons.into_iter().collect();
        names.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        for (name, anchors) in names {
            let decided = cluster(&anchors, PERSON_DEPTH, opts.unplaced_persons);
            let r = &mut out.report;
            let placed = decided.clusters.iter().filter(|c| c.0.depth() > 0).count();
            r.persons_apart += placed.saturating_sub(1);
            r.persons_unplaced_apart += decided.per_article;
            if placed > 1 {
                apart_samples.insert(apart_sample(&name, &decided));
            }
            for (anchor, members) in &decided.clusters {
                let articles: usize = members.iter().map(|(_, s)| s.articles()).sum();
                if articles < 2 {
                    continue;
                }
                r.persons_joined += 1;
                r.person_joins += articles - 1;
                let reason = person_reason(&name, anchor, members, articles);
                joined_samples.insert(format!("{name}: {reason}"));
                let key = person_key(&name, &Target::Cluster(anchor.clone()), "");
                let id = super::ids::node_id(NodeKind::Person, &name, &key);
                out.merges.entry(id).or_default().push(Merge {
                    alias: name.clone(),
                    reason,
                });
            }
            out.persons.insert(
                name,
                Clusters {
                    targets: decided.targets,
                },
            );
        }
        let mut groups: Vec<((String, String), BTreeMap<Anchor, AnchorStats<'f>>)> =
            events.into_iter().collect();
        groups.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        for ((name, date), anchors) in groups {
            // An event no article places is joined to none: names like 启用仪式 and 调研
            // are held in many places on one day, and nothing says which this is.
            let decided = cluster(&anchors, EVENT_DEPTH, UnplacedPersons::Apart);
            let r = &mut out.report;
            let placed = decided.clusters.iter().filter(|c| c.0.depth() > 0).count();
            r.events_apart += placed.saturating_sub(1);
            for (anchor, members) in &decided.clusters {
                let articles: usize = members.iter().map(|(_, s)| s.articles()).sum();
                if articles < 2 {
                    continue;
                }
                r.events_joined += 1;
                r.event_joins += articles - 1;
                let reason = event_reason(&date, anchor, members, articles);
                let key = event_key(&name, &date, &Target::Cluster(anchor.clone()), "");
                let id = super::ids::node_id(NodeKind::Event, &name, &key);
                out.merges.entry(id).or_default().push(Merge {
                    alias: name.clone(),
                    reason,
                });
            }
            out.events.insert(
                (name, date),
                Clusters {
                    targets: decided.targets,
                },
            );
        }
        out.report.joined_samples = joined_samples.into_iter().take(SAMPLES).collect();
        out.report.apart_samples = apart_samples.into_iter().take(SAMPLES).collect();
        out
    }

    /// The identity key of a person the article places at `placed`.
    pub(super) fn person(&self, name: &str, placed: &Placed, article: &str) -> String {
        let a = placed.anchor.clone().truncated(PERSON_DEPTH);
        let target = self
            .persons
            .get(name)
            .and_then(|c| c.targets.get(&a))
            .cloned()
            .unwrap_or(Target::Cluster(a));
        person_key(name, &target, article)
    }

    /// The identity key of a dated event the article places at `anchor`.
    pub(super) fn event(&self, name: &str, date: &str, anchor: &Anchor, article: &str) -> String {
        let a = anchor.clone().truncated(EVENT_DEPTH);
        let target = self
            .events
            .get(&(name.to_string(), date.to_string()))
            .and_then(|c| c.targets.get(&a))
            .cloned()
            .unwrap_or(Target::Cluster(a));
        event_key(name, date, &target, article)
    }

    /// Records every join across articles on its node, and the report on the graph.
    pub(super) fn record(self, g: &mut KnowledgeGraph) {
        for (id, merges) in self.merges {
            if let Some(i) = g.index(&id) {
                g.graph[i].merges.extend(merges);
            }
        }
        g.identity = self.report;
    }
}

/// What makes two mentions the same entity: for a person, the name and place
/// ([`Identities::person`]); for an event, its name, day and place
/// ([`Identities::event`]), or, undated, its article; for the rest, the name.
pub(super) fn identity_key(
    e: &EntityMention,
    i: usize,
    name: &str,
    article: &str,
    ctx: &ArticleIdentity,
) -> String {
    match e.kind {
        MentionKind::Person => match ctx.persons.get(e.canonical()) {
            Some(p) => ctx.identities.person(name, p, article),
            None => name.to_string(),
        },
        MentionKind::Event => match (e.date(), ctx.events.get(&i)) {
            (Some(d), Some(a)) => ctx.identities.event(name, d, a, article),
            (Some(d), None) => format!("{name}@{d}"),
            (None, _) => format!("{name}@{article}"),
        },
        _ => name.to_string(),
    }
}

/// What [`identity_key`] needs of an article: the corpus's decisions and where the
/// article places its persons and events.
pub(super) struct ArticleIdentity<'a> {
    pub identities: &'a Identities,
    pub persons: rustc_hash::FxHashMap<&'a str, Placed>,
    pub events: rustc_hash::FxHashMap<usize, Anchor>,
}

fn person_key(name: &str, target: &Target, article: &str) -> String {
    match target {
        Target::Cluster(a) if a.depth() == 0 => name.to_string(),
        Target::Cluster(a) => format!("{name}@{}", a.key()),
        Target::PerArticle => format!("{name}@@{article}"),
    }
}

fn event_key(name: &str, date: &str, target: &Target, article: &str) -> String {
    match target {
        // Not reached (unplaced events are per article); the key events had before.
        Target::Cluster(a) if a.depth() == 0 => format!("{name}@{date}"),
        Target::Cluster(a) => format!("{name}@{date}@{}", a.key()),
        Target::PerArticle => format!("{name}@{date}@@{article}"),
    }
}

/// The clusters of one name: each with its member anchors.
struct Decided<'s, 'f> {
    targets: BTreeMap<Anchor, Target>,
    clusters: BTreeMap<Anchor, Vec<(Anchor, &'s AnchorStats<'f>)>>,
    /// Articles whose unplaced mention stays a node of its own.
    per_article: usize,
}

/// Decides where each anchor of a name leads. The most precise anchors (at `depth`)
/// are clusters; a less precise one joins the one cluster it contains, or is a
/// cluster of its own when it contains none or several; the empty anchor (no
/// evidence) follows `unplaced`.
fn cluster<'s, 'f>(
    anchors: &'s BTreeMap<Anchor, AnchorStats<'f>>,
    depth: usize,
    unplaced: UnplacedPersons,
) -> Decided<'s, 'f> {
    let mut order: Vec<(&Anchor, &AnchorStats)> = anchors.iter().collect();
    // Most precise first; ties in anchor order.
    order.sort_by(|a, b| b.0.depth().cmp(&a.0.depth()).then(a.0.cmp(b.0)));
    let mut clusters: BTreeMap<Anchor, Vec<(Anchor, &AnchorStats)>> = BTreeMap::new();
    let mut targets = BTreeMap::new();
    let mut per_article = 0;
    for (a, s) in order {
        let target = if a.depth() == 0 && unplaced == UnplacedPersons::Apart {
            Target::PerArticle
        } else if a.depth() >= depth {
            Target::Cluster(a.clone())
        } else {
            let mut within = clusters.keys().filter(|c| a.contains(c));
            match (within.next(), within.next()) {
                (Some(c), None) => Target::Cluster(c.clone()),
                (None, _) => Target::Cluster(a.clone()),
                // Several people (or occasions) this mention could be: the unplaced
                // one cannot say which; a partly placed one is another.
                (Some(_), Some(_)) if a.depth() == 0 => Target::PerArticle,
                (Some(_), Some(_)) => Target::Cluster(a.clone()),
            }
        };
        match &target {
            Target::Cluster(c) => clusters.entry(c.clone()).or_default().push((a.clone(), s)),
            Target::PerArticle => per_article += s.articles(),
        }
        targets.insert(a.clone(), target);
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
fn person_reason(
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
fn event_reason(
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
fn apart_sample(name: &str, d: &Decided) -> String {
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

    fn a(p: &[&str]) -> Anchor {
        Anchor(p.iter().map(|s| s.to_string()).collect())
    }

    const IDS: [&str; 4] = ["a1", "a2", "a3", "a4"];

    fn stats(n: usize) -> AnchorStats<'static> {
        AnchorStats {
            ids: IDS[..n].iter().copied().collect(),
            ..Default::default()
        }
    }

    #[test]
    fn anchors_from_the_gazetteer() {
        let lex = Lexicon::embedded();
        assert_eq!(
            Anchor::of_place(&lex, "金水区"),
            a(&["河南省", "郑州市", "金水区"])
        );
        assert_eq!(Anchor::of_place(&lex, "洛阳"), a(&["河南省", "洛阳市"]));
        assert_eq!(
            Anchor::of_place(&lex, "丰台区"),
            a(&["北京市", "北京市", "丰台区"])
        );
        assert_eq!(Anchor::of_place(&lex, "会议"), Anchor::default());
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
        let mut more = anchors.clone();
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

    #[test]
    fn keys_name_the_place() {
        let t = Target::Cluster(a(&["河南省", "郑州市"]));
        assert_eq!(person_key("陈立", &t, "x"), "陈立@河南省/郑州市");
        assert_eq!(
            person_key("陈立", &Target::Cluster(Anchor::default()), "x"),
            "陈立"
        );
        assert_eq!(person_key("陈立", &Target::PerArticle, "x"), "陈立@@x");
        assert_eq!(
            event_key("团拜会", "02-01", &Target::Cluster(Anchor::default()), "x"),
            "团拜会@02-01"
        );
    }
}
