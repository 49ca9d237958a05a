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

use super::anchor::{Anchor, ArticlePlaces, Placed};
use super::clusters::{
    apart_sample, cluster, event_reason, person_reason, Member, Seen, Target, UnplacedPersons,
};
use super::colleagues::by_colleagues;
use crate::extract::{ArticleFacts, EntityMention};
use crate::graph::build::KnowledgeGraph;
use crate::graph::{IdentityReport, Merge, NodeKind};
use crate::lexicon::Lexicon;
use crate::mention::MentionKind;
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet};

/// Persons are told apart down to the prefecture (province, prefecture).
pub const PERSON_DEPTH: usize = 2;
/// Events are told apart down to the county (province, prefecture, county).
pub const EVENT_DEPTH: usize = 3;

/// How entity resolution decides identity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ResolveOptions {
    /// Persons without place evidence.
    pub unplaced_persons: UnplacedPersons,
}

/// Where the anchors of one name (persons) or one name and day (events) lead, when
/// not to their own cluster (most lead there, and are not kept).
type Targets<'l> = BTreeMap<Anchor<'l>, Target<'l>>;

/// The identity decisions for a corpus, made before any article is added.
#[derive(Debug, Default)]
pub(super) struct Identities<'l> {
    persons: FxHashMap<String, Targets<'l>>,
    /// Name → day → targets.
    events: FxHashMap<String, FxHashMap<String, Targets<'l>>>,
    /// Merges to record on joined nodes: node id → merges.
    merges: BTreeMap<String, Vec<Merge>>,
    report: IdentityReport,
    /// Where each article (by position) places its persons and events.
    places: Vec<ArticlePlaces<'l>>,
    /// Names of national leaders: their mentions with no post of a place join them.
    national: rustc_hash::FxHashSet<String>,
    /// Mentions moved by a shared colleague: name → article → the cluster's anchor.
    by_colleague: FxHashMap<String, FxHashMap<String, Anchor<'l>>>,
}

/// Examples kept in the report, of each kind.
const SAMPLES: usize = 12;

/// What tells the person pass from the event pass: the one pass over a kind's groups
/// (a person's name; an event's name and day) is [`run_pass`].
struct Pass<K> {
    node: NodeKind,
    depth: usize,
    unplaced: UnplacedPersons,
    /// Whether joins and names kept apart go into the report's samples.
    samples: bool,
    name: fn(&K) -> &str,
    key: fn(&K, &Target, &str) -> String,
    reason: fn(&K, &Anchor, &[Member], usize) -> String,
}

/// What a pass counted, for the report.
#[derive(Debug, Default)]
struct Tally {
    /// Nodes of two or more articles, and the articles beyond the first of each.
    joined: usize,
    joins: usize,
    /// Placed clusters beyond the first of a group.
    apart: usize,
    /// Articles whose unplaced mention stays a node of its own.
    unplaced_apart: usize,
    joined_samples: BTreeSet<String>,
    apart_samples: BTreeSet<String>,
}

/// A person's name or an event's name and day, with where one article places it.
type Sighting<'l, 'f, K> = (K, Seen<'l, 'f>);

impl<'l> Identities<'l> {
    /// Collects every anchor of every person name and event name and day, and decides
    /// where each leads.
    pub(super) fn decide<'f>(
        lex: &'l Lexicon,
        opts: &ResolveOptions,
        facts: &'f [ArticleFacts],
    ) -> Identities<'l> {
        use rayon::prelude::*;
        let places: Vec<ArticlePlaces<'l>> = facts
            .par_iter()
            .map(|f| ArticlePlaces::of(lex, f))
            .collect();
        let mut persons = Vec::with_capacity(places.iter().map(|p| p.persons.len()).sum());
        let mut events = Vec::with_capacity(places.iter().map(|p| p.events.len()).sum());
        // Where each article's persons begin in `persons`.
        let mut offsets = Vec::with_capacity(facts.len());
        for (f, p) in facts.iter().zip(&places) {
            let article = f.article.id.as_str();
            offsets.push(persons.len());
            for (i, placed) in &p.persons {
                let seen = Seen {
                    anchor: placed.anchor.truncated(PERSON_DEPTH),
                    article,
                    post: placed.post(f),
                    national: placed.anchor.is_nation(),
                    colleague: None,
                };
                persons.push((f.ents[*i as usize].canonical(), seen));
            }
            for (i, a) in &p.events {
                let e = &f.ents[*i as usize];
                let seen = Seen {
                    anchor: a.truncated(EVENT_DEPTH),
                    article,
                    post: None,
                    national: false,
                    colleague: None,
                };
                events.push(((e.canonical(), e.date().unwrap_or("")), seen));
            }
        }

        // A national leader is one person for the country: every mention of the name
        // with no post of a place (a bare name in any article) is them.
        let national: rustc_hash::FxHashSet<&str> = persons
            .iter()
            .filter(|(_, s)| s.national)
            .map(|(n, _)| *n)
            .collect();
        if !national.is_empty() {
            for (n, s) in &mut persons {
                if s.post.is_none() && national.contains(n) {
                    s.anchor = Anchor::nation();
                }
            }
        }

        let mut out = Identities {
            national: national.iter().map(|n| n.to_string()).collect(),
            ..Identities::default()
        };
        let persons_pass = Pass {
            node: NodeKind::Person,
            depth: PERSON_DEPTH,
            unplaced: opts.unplaced_persons,
            samples: true,
            name: |k: &&str| k,
            key: |k, t, a| person_key(k, t, a),
            reason: |k, a, m, n| person_reason(k, a, m, n),
        };
        // Shared colleagues: decided on the decision by place of the persons who met
        // someone, then moving the weak mentions they settle. A mention placed at the
        // prefecture (or as a national leader) is its own cluster's: only the names of
        // those placed less precisely need their decision made first.
        let met: rustc_hash::FxHashSet<&str> = facts
            .iter()
            .zip(&places)
            .zip(&offsets)
            .flat_map(|((_, p), &at)| {
                p.meetings
                    .iter()
                    .flat_map(|(_, who)| who.iter())
                    .map(move |k| at + *k as usize)
            })
            .filter(|&i| {
                let a = persons[i].1.anchor;
                a.depth() < PERSON_DEPTH && !a.is_nation()
            })
            .map(|i| persons[i].0)
            .collect();
        if places.iter().any(|p| !p.meetings.is_empty()) {
            let some: Vec<_> = persons
                .iter()
                .filter(|(n, _)| met.contains(n))
                .copied()
                .collect();
            let base_moved: FxHashMap<&str, Targets> =
                run_pass(&persons_pass, some, None).into_iter().collect();
            let base = |name: &str, s: &Seen<'l, 'f>| {
                base_moved
                    .get(name)
                    .and_then(|t| t.get(&s.anchor))
                    .copied()
                    .unwrap_or(Target::Cluster(s.anchor))
            };
            for m in by_colleagues(PERSON_DEPTH, facts, &places, &persons, &offsets, &base) {
                let (name, seen) = &mut persons[m.index];
                seen.anchor = m.to;
                seen.colleague = Some((m.colleague, m.event));
                out.by_colleague
                    .entry(name.to_string())
                    .or_default()
                    .insert(seen.article.to_string(), m.to);
            }
        }
        out.places = places;

        let mut tally = Tally::default();
        let record = Record {
            merges: &mut out.merges,
            tally: &mut tally,
        };
        for (name, moved) in run_pass(&persons_pass, persons, Some(record)) {
            out.persons.insert(name.to_string(), moved);
        }
        let r = &mut out.report;
        r.persons_joined = tally.joined;
        r.person_joins = tally.joins;
        r.persons_apart = tally.apart;
        r.persons_unplaced_apart = tally.unplaced_apart;
        r.joined_samples = tally.joined_samples.into_iter().take(SAMPLES).collect();
        r.apart_samples = tally.apart_samples.into_iter().take(SAMPLES).collect();

        // An event no article places is joined to none: names like 启用仪式 and 调研
        // are held in many places on one day, and nothing says which this is.
        let events_pass = Pass {
            node: NodeKind::Event,
            depth: EVENT_DEPTH,
            unplaced: UnplacedPersons::Apart,
            samples: false,
            name: |k: &(&str, &str)| k.0,
            key: |k, t, a| event_key(k.0, k.1, t, a),
            reason: |k, a, m, n| event_reason(k.1, a, m, n),
        };
        let mut tally = Tally::default();
        let record = Record {
            merges: &mut out.merges,
            tally: &mut tally,
        };
        for ((name, date), moved) in run_pass(&events_pass, events, Some(record)) {
            out.events
                .entry(name.to_string())
                .or_default()
                .insert(date.to_string(), moved);
        }
        let r = &mut out.report;
        r.events_joined = tally.joined;
        r.event_joins = tally.joins;
        r.events_apart = tally.apart;
        out
    }

    /// The persons and dated events of every article, each article's once: about as
    /// many as their nodes can be.
    pub(super) fn sightings(&self) -> usize {
        self.places
            .iter()
            .map(|p| p.persons.len() + p.events.len())
            .sum()
    }

    /// Where the article at `position` places its persons and events.
    pub(super) fn places(&self, position: usize) -> &ArticlePlaces<'l> {
        &self.places[position]
    }

    /// The identity key of a person the article places as `placed`.
    pub(super) fn person(&self, name: &str, placed: &Placed, article: &str) -> String {
        if let Some(a) = self.by_colleague.get(name).and_then(|m| m.get(article)) {
            return person_key(name, &Target::Cluster(*a), article);
        }
        let a = if !placed.by_post() && self.national.contains(name) {
            Anchor::nation()
        } else {
            placed.anchor.truncated(PERSON_DEPTH)
        };
        let target = self
            .persons
            .get(name)
            .and_then(|t| t.get(&a))
            .copied()
            .unwrap_or(Target::Cluster(a));
        person_key(name, &target, article)
    }

    /// The identity key of a dated event the article places at `anchor`.
    pub(super) fn event(&self, name: &str, date: &str, anchor: &Anchor, article: &str) -> String {
        let a = anchor.truncated(EVENT_DEPTH);
        let target = self
            .events
            .get(name)
            .and_then(|d| d.get(date))
            .and_then(|t| t.get(&a))
            .copied()
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

/// What a pass records: the merges of joined nodes and the counts for the report.
struct Record<'a> {
    merges: &'a mut BTreeMap<String, Vec<Merge>>,
    tally: &'a mut Tally,
}

/// Decides every group of one kind (a person's name; an event's name and day): which
/// of its anchors are one node and, when `record` is given, the merge each joined
/// node records and the counts. Returns the groups some of whose anchors lead
/// elsewhere than their own cluster.
fn run_pass<'l, 'f, K: Copy + Eq + std::hash::Hash + Send>(
    pass: &Pass<K>,
    sightings: Vec<Sighting<'l, 'f, K>>,
    mut record: Option<Record>,
) -> Vec<(K, Targets<'l>)> {
    let order = sorted(&sightings);
    let seen: Vec<Seen> = order.iter().map(|o| sightings[o.at as usize].1).collect();
    let mut moved_groups = Vec::new();
    let mut members: Vec<Member> = Vec::new();
    let mut start = 0;
    while start < order.len() {
        let group = order[start].group;
        let end = start
            + order[start..]
                .iter()
                .take_while(|o| o.group == group)
                .count();
        let k = sightings[order[start].at as usize].0;
        members.clear();
        let mut from = start;
        while from < end {
            let place = order[from].place;
            let to = from
                + order[from..end]
                    .iter()
                    .take_while(|o| o.place == place)
                    .count();
            members.push((seen[from].anchor, &seen[from..to]));
            from = to;
        }
        start = end;
        // Most groups have one anchor, which is its own cluster.
        if let [(a, _)] = members[..] {
            if a.depth() > 0 || pass.unplaced == UnplacedPersons::Single {
                if let Some(r) = record.as_mut() {
                    join(pass, &k, &a, &members, r);
                }
                continue;
            }
        }
        let decided = cluster(&members, pass.depth, pass.unplaced);
        if let Some(r) = record.as_mut() {
            let placed = decided.clusters.iter().filter(|c| c.0.depth() > 0).count();
            r.tally.apart += placed.saturating_sub(1);
            r.tally.unplaced_apart += decided.per_article;
            if placed > 1 && pass.samples {
                let name = (pass.name)(&k);
                r.tally.apart_samples.insert(apart_sample(name, &decided));
            }
            for (anchor, m) in &decided.clusters {
                join(pass, &k, anchor, m, r);
            }
        }
        let moved: Targets = decided
            .targets
            .into_iter()
            .filter(|(a, t)| *t != Target::Cluster(*a))
            .collect();
        if !moved.is_empty() {
            moved_groups.push((k, moved));
        }
    }
    moved_groups
}

/// Records a cluster of a group (`k`) at `anchor` with its `members`, when they are
/// of two or more articles: the merge on its node, and the counts.
fn join<K>(pass: &Pass<K>, k: &K, anchor: &Anchor, members: &[Member], r: &mut Record) {
    let articles: usize = members.iter().map(|(_, s)| s.len()).sum();
    if articles < 2 {
        return;
    }
    let name = (pass.name)(k);
    r.tally.joined += 1;
    r.tally.joins += articles - 1;
    let reason = (pass.reason)(k, anchor, members, articles);
    if pass.samples {
        r.tally.joined_samples.insert(format!("{name}: {reason}"));
    }
    let id = super::ids::node_id(
        pass.node,
        name,
        &(pass.key)(k, &Target::Cluster(*anchor), ""),
    );
    r.merges.entry(id).or_default().push(Merge {
        alias: name.to_string(),
        reason,
    });
}

/// A sighting's place in the order a pass reads them in: its group, its anchor and its
/// article as numbers, and its index among the sightings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Position {
    group: u32,
    /// The anchor's rank in anchor order.
    place: u32,
    article: u32,
    at: u32,
}

/// The sightings in the order a pass reads them: a group's side by side, within it
/// in anchor order, each article once (an article read twice is one). Sorting by the
/// strings themselves (the name, the anchor's names, the article's id) was most of
/// the pass's time; each is numbered once instead. Groups come in no meaningful order
/// (each is decided alone); anchors are ranked in anchor order, which the clusters
/// and the reasons read.
fn sorted<K: Copy + Eq + std::hash::Hash>(sightings: &[Sighting<K>]) -> Vec<Position> {
    use rayon::prelude::*;
    fn number<T: Eq + std::hash::Hash>(map: &mut FxHashMap<T, u32>, t: T) -> u32 {
        let n = map.len() as u32;
        *map.entry(t).or_insert(n)
    }
    let mut groups = FxHashMap::default();
    let mut anchors = FxHashMap::default();
    let mut articles = FxHashMap::default();
    let mut order: Vec<Position> = sightings
        .iter()
        .enumerate()
        .map(|(i, (k, s))| Position {
            group: number(&mut groups, *k),
            place: number(&mut anchors, s.anchor),
            article: number(&mut articles, s.article),
            at: i as u32,
        })
        .collect();
    let mut by_anchor: Vec<(Anchor, u32)> = anchors.into_iter().collect();
    by_anchor.sort_unstable();
    let mut rank = vec![0; by_anchor.len()];
    for (r, (_, n)) in by_anchor.iter().enumerate() {
        rank[*n as usize] = r as u32;
    }
    for o in &mut order {
        o.place = rank[o.place as usize];
    }
    order.par_sort_unstable();
    order.dedup_by(|b, a| (a.group, a.place, a.article) == (b.group, b.place, b.article));
    order
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
        MentionKind::Event => match (e.date(), ctx.places.event(i)) {
            (Some(d), Some(a)) => ctx.identities.event(name, d, a, article),
            (Some(d), None) => format!("{name}@{d}"),
            (None, _) => format!("{name}@{article}"),
        },
        _ => name.to_string(),
    }
}

/// What [`identity_key`] needs of an article: the corpus's decisions and where the
/// article places its persons (by name) and events.
pub(super) struct ArticleIdentity<'a> {
    pub identities: &'a Identities<'a>,
    pub persons: rustc_hash::FxHashMap<&'a str, Placed<'a>>,
    pub places: &'a ArticlePlaces<'a>,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn a(p: &[&'static str]) -> Anchor<'static> {
        Anchor::of_path(p)
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
