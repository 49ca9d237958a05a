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

use super::anchor::{place_events, place_persons, Anchor, Placed};
use super::clusters::{
    apart_sample, cluster, event_reason, person_reason, AnchorStats, Target, UnplacedPersons,
};
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
}

/// Examples kept in the report, of each kind.
const SAMPLES: usize = 12;

impl<'l> Identities<'l> {
    /// Collects every anchor of every person name and event name and day, and decides
    /// where each leads.
    pub(super) fn decide<'f>(
        lex: &'l Lexicon,
        opts: &ResolveOptions,
        facts: &'f [ArticleFacts],
    ) -> Identities<'l> {
        type Stats<'l, 'f> = BTreeMap<Anchor<'l>, AnchorStats<'f>>;
        type PersonMap<'l, 'f> = FxHashMap<&'f str, Stats<'l, 'f>>;
        type EventMap<'l, 'f> = FxHashMap<(&'f str, &'f str), Stats<'l, 'f>>;
        use rayon::prelude::*;
        let (mut persons, mut events): (PersonMap<'l, 'f>, EventMap<'l, 'f>) = facts
            .par_iter()
            .fold(
                || (PersonMap::default(), EventMap::default()),
                |(mut pm, mut em), f| {
                    for (name, placed) in place_persons(lex, f) {
                        let s = AnchorStats::of(&f.article.id, placed.post);
                        pm.entry(name)
                            .or_default()
                            .entry(placed.anchor.truncated(PERSON_DEPTH))
                            .or_default()
                            .add(s);
                    }
                    for (i, a) in place_events(lex, f) {
                        let e = &f.ents[i];
                        let key = (e.canonical(), e.date().unwrap_or(""));
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

        for s in persons
            .values_mut()
            .chain(events.values_mut())
            .flat_map(|m| m.values_mut())
        {
            s.finish();
        }
        let mut out = Identities::default();
        let mut joined_samples = BTreeSet::new();
        let mut apart_samples = BTreeSet::new();
        let mut names: Vec<(&str, Stats<'l, 'f>)> = persons.into_iter().collect();
        names.sort_unstable_by(|a, b| a.0.cmp(b.0));
        for (name, anchors) in names {
            let decided = cluster(&anchors, PERSON_DEPTH, opts.unplaced_persons);
            let r = &mut out.report;
            let placed = decided.clusters.iter().filter(|c| c.0.depth() > 0).count();
            r.persons_apart += placed.saturating_sub(1);
            r.persons_unplaced_apart += decided.per_article;
            if placed > 1 {
                apart_samples.insert(apart_sample(name, &decided));
            }
            for (anchor, members) in &decided.clusters {
                let articles: usize = members.iter().map(|(_, s)| s.articles()).sum();
                if articles < 2 {
                    continue;
                }
                r.persons_joined += 1;
                r.person_joins += articles - 1;
                let reason = person_reason(name, anchor, members, articles);
                joined_samples.insert(format!("{name}: {reason}"));
                let key = person_key(name, &Target::Cluster(*anchor), "");
                let id = super::ids::node_id(NodeKind::Person, name, &key);
                out.merges.entry(id).or_default().push(Merge {
                    alias: name.to_string(),
                    reason,
                });
            }
            let moved = moved_only(decided.targets);
            if !moved.is_empty() {
                out.persons.insert(name.to_string(), moved);
            }
        }
        let mut groups: Vec<((&str, &str), Stats<'l, 'f>)> = events.into_iter().collect();
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
                let reason = event_reason(date, anchor, members, articles);
                let key = event_key(name, date, &Target::Cluster(*anchor), "");
                let id = super::ids::node_id(NodeKind::Event, name, &key);
                out.merges.entry(id).or_default().push(Merge {
                    alias: name.to_string(),
                    reason,
                });
            }
            let moved = moved_only(decided.targets);
            if !moved.is_empty() {
                out.events
                    .entry(name.to_string())
                    .or_default()
                    .insert(date.to_string(), moved);
            }
        }
        out.report.joined_samples = joined_samples.into_iter().take(SAMPLES).collect();
        out.report.apart_samples = apart_samples.into_iter().take(SAMPLES).collect();
        out
    }

    /// The identity key of a person the article places at `placed`.
    pub(super) fn person(&self, name: &str, placed: &Placed, article: &str) -> String {
        let a = placed.anchor.truncated(PERSON_DEPTH);
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
    pub identities: &'a Identities<'a>,
    pub persons: rustc_hash::FxHashMap<&'a str, Placed<'a>>,
    pub events: rustc_hash::FxHashMap<usize, Anchor<'a>>,
}

/// The targets that lead elsewhere than their own anchor's cluster.
fn moved_only(targets: Targets) -> Targets {
    targets
        .into_iter()
        .filter(|(a, t)| *t != Target::Cluster(*a))
        .collect()
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
