//! Views for exports and diagrams: a [`GraphDoc`] and [`ViewOptions`] come in,
//! and the subgraph to draw or export goes out, canonicalized, as a new
//! [`GraphDoc`] (graph attributes are those of the source graph). The options
//! apply in a fixed order, each narrowing the previous result:
//!
//! 1. `article`: only what that article's evidence supports — nodes and edges
//!    with evidence from it (their evidence trimmed to that article), the ends
//!    of those edges, and the article node itself;
//! 2. `kinds`: nodes of those kinds; edges lose any end that is dropped;
//! 3. `relations`: edges of those relations; nodes that then take part in no
//!    edge are dropped too, as a relation filter asks to see who is related how;
//! 4. `layout_event`: the bipartite people ↔ events graph — every event, the
//!    people who chaired, attended or spoke at one, and those edges;
//!    [`events_by_date`] gives the events in date order for drawing a timeline;
//! 5. `around`: the ego graph of one node (matched by id, exact name or exact
//!    alias), reached by following edges in either direction up to `depth` steps.
//!
//! The `around` node is kept through the filters even when they would drop it,
//! so that the view is always "around" something. Names that match nothing
//! fail with [`Error::NotFound`] listing near matches; names that match several
//! nodes fail with [`Error::Ambiguous`] listing them with their ids.

use crate::error::{Error, Result};
use crate::graph::walk::BreadthFirst;
use crate::graph::{GraphDoc, Node, NodeKind, Relation};
use petgraph::graphmap::UnGraphMap;
use rustc_hash::FxBuildHasher;
use std::collections::{BTreeMap, BTreeSet};

/// Which part of the graph to keep. [`ViewOptions::default`] keeps everything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewOptions {
    /// Keep only the neighborhood of this node (id, exact name or exact alias).
    pub around: Option<String>,
    /// How many steps from `around` to go (ignored without `around`).
    pub depth: usize,
    /// Keep only nodes of these kinds.
    pub kinds: Option<Vec<NodeKind>>,
    /// Keep only edges of these relations.
    pub relations: Option<Vec<Relation>>,
    /// Keep only what this article (id, name, headline or source file) supports.
    pub article: Option<String>,
    /// Keep only people, events and the chaired/attended/spoke_at edges between them.
    pub layout_event: bool,
}

impl Default for ViewOptions {
    fn default() -> ViewOptions {
        ViewOptions {
            around: None,
            depth: 1,
            kinds: None,
            relations: None,
            article: None,
            layout_event: false,
        }
    }
}

impl ViewOptions {
    /// True when the options keep the whole graph.
    pub fn is_everything(&self) -> bool {
        self.around.is_none()
            && self.kinds.is_none()
            && self.relations.is_none()
            && self.article.is_none()
            && !self.layout_event
    }
}

/// The relations of the people ↔ events view.
pub const EVENT_RELATIONS: [Relation; 3] =
    [Relation::Chaired, Relation::Attended, Relation::SpokeAt];

/// Returns the subgraph of `doc` that `opts` select (see the module docs).
pub fn apply(doc: &GraphDoc, opts: &ViewOptions) -> Result<GraphDoc> {
    let centre = match &opts.around {
        Some(query) => Some(find_node(doc, query)?.id.clone()),
        None => None,
    };

    let mut view = match &opts.article {
        Some(query) => {
            let article = find_article(doc, query)?;
            let view = restrict_to_article(doc, &article);
            if let Some(c) = &centre {
                if view.node(c).is_none() {
                    return Err(Error::NotFound(format!(
                        "`{}` does not appear in article `{article}`",
                        opts.around.as_deref().unwrap_or(c)
                    )));
                }
            }
            view
        }
        None => doc.clone(),
    };
    let is_centre = |id: &str| centre.as_deref() == Some(id);

    if let Some(kinds) = &opts.kinds {
        view.nodes
            .retain(|n| kinds.contains(&n.kind) || is_centre(&n.id));
        drop_dangling_edges(&mut view);
    }
    if let Some(relations) = &opts.relations {
        view.edges.retain(|e| relations.contains(&e.relation));
        drop_unlinked_nodes(&mut view, |n| is_centre(&n.id));
    }
    if opts.layout_event {
        view.nodes
            .retain(|n| matches!(n.kind, NodeKind::Person | NodeKind::Event) || is_centre(&n.id));
        drop_dangling_edges(&mut view);
        view.edges.retain(|e| EVENT_RELATIONS.contains(&e.relation));
        drop_unlinked_nodes(&mut view, |n| n.kind == NodeKind::Event || is_centre(&n.id));
    }
    if let Some(c) = &centre {
        let keep: BTreeSet<String> = ego_nodes(&view, c, opts.depth)
            .into_iter()
            .map(str::to_string)
            .collect();
        view.nodes.retain(|n| keep.contains(&n.id));
        drop_dangling_edges(&mut view);
    }

    view.canonicalize();
    Ok(view)
}

/// The event nodes of `doc` in date order, for timeline layouts. Dates are
/// `YYYY-MM-DD` or `MM-DD`; a date without a year is taken to be in the year
/// most events with a year have, since a batch of local news rarely spans
/// years. Events without a date come last; ties go by name, then id.
pub fn events_by_date(doc: &GraphDoc) -> Vec<&Node> {
    let events: Vec<&Node> = doc
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Event)
        .collect();
    let mut year_counts: BTreeMap<u32, usize> = BTreeMap::new();
    for n in &events {
        if let Some((Some(y), _, _)) = n.date.as_deref().and_then(parse_date) {
            *year_counts.entry(y).or_default() += 1;
        }
    }
    // Most frequent year; on a tie the earliest, so the choice is stable.
    let usual_year = year_counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(y, _)| *y)
        .unwrap_or(0);
    let mut keyed: Vec<(Option<DateKey>, &Node)> = events
        .into_iter()
        .map(|n| {
            let key = n
                .date
                .as_deref()
                .and_then(parse_date)
                .map(|(y, m, d)| (y.unwrap_or(usual_year), m, d));
            (key, n)
        })
        .collect();
    keyed.sort_by(|(ka, a), (kb, b)| {
        // `None` sorts first for Option, but undated events belong at the end.
        ka.is_none()
            .cmp(&kb.is_none())
            .then(ka.cmp(kb))
            .then(a.name.cmp(&b.name))
            .then(a.id.cmp(&b.id))
    });
    keyed.into_iter().map(|(_, n)| n).collect()
}

/// (year, month, day) for sorting.
type DateKey = (u32, u32, u32);

/// Parses `YYYY-MM-DD` or `MM-DD` into (year, month, day).
fn parse_date(s: &str) -> Option<(Option<u32>, u32, u32)> {
    let parts: Vec<&str> = s.trim().split('-').collect();
    let num = |p: &str| p.parse::<u32>().ok();
    match parts.as_slice() {
        [y, m, d] => Some((Some(num(y)?), num(m)?, num(d)?)),
        [m, d] => Some((None, num(m)?, num(d)?)),
        _ => None,
    }
}

/// Removes edges with an end that is no longer a node.
fn drop_dangling_edges(view: &mut GraphDoc) {
    let ids: BTreeSet<&str> = view.nodes.iter().map(|n| n.id.as_str()).collect();
    let keep: Vec<bool> = view
        .edges
        .iter()
        .map(|e| ids.contains(&*e.source) && ids.contains(&*e.target))
        .collect();
    let mut keep = keep.into_iter();
    view.edges.retain(|_| keep.next().unwrap_or(false));
}

/// Removes nodes that take part in no edge, unless `exempt` says otherwise.
fn drop_unlinked_nodes(view: &mut GraphDoc, exempt: impl Fn(&Node) -> bool) {
    let linked: BTreeSet<&str> = view
        .edges
        .iter()
        .flat_map(|e| [&*e.source, &*e.target])
        .collect();
    view.nodes
        .retain(|n| linked.contains(n.id.as_str()) || exempt(n));
    drop_dangling_edges(view);
}

/// Nodes within `depth` steps of `centre`, following edges either way.
fn ego_nodes<'a>(view: &'a GraphDoc, centre: &'a str, depth: usize) -> BTreeSet<&'a str> {
    let mut links: UnGraphMap<&str, (), FxBuildHasher> = view
        .edges
        .iter()
        .map(|e| (&*e.source, &*e.target))
        .collect();
    links.add_node(centre);
    let mut walk = BreadthFirst::new(&links, centre);
    let mut near = BTreeSet::new();
    // Nodes come nearest first: once one is past `depth` steps, so are the rest.
    while let Some((id, steps)) = walk.next(&links) {
        if steps > depth {
            break;
        }
        near.insert(id);
    }
    near
}

/// The subgraph supported by one article's evidence, with all evidence trimmed
/// to that article.
fn restrict_to_article(doc: &GraphDoc, article: &str) -> GraphDoc {
    let mut view = GraphDoc {
        directed: doc.directed,
        multigraph: doc.multigraph,
        graph: doc.graph.clone(),
        nodes: Vec::new(),
        edges: Vec::new(),
    };
    for e in &doc.edges {
        if e.evidence.iter().any(|ev| &*ev.article == article) {
            let mut e = e.clone();
            e.evidence.retain(|ev| &*ev.article == article);
            view.edges.push(e);
        }
    }
    let ends: BTreeSet<&str> = view
        .edges
        .iter()
        .flat_map(|e| [&*e.source, &*e.target])
        .collect();
    for n in &doc.nodes {
        let supported = n.evidence.iter().any(|ev| &*ev.article == article);
        if supported || n.id == article || ends.contains(n.id.as_str()) {
            let mut n = n.clone();
            n.evidence.retain(|ev| &*ev.article == article);
            view.nodes.push(n);
        }
    }
    drop_dangling_edges(&mut view);
    view
}

/// The node a user means by `query`: its id, else its exact name, else an
/// exact alias.
pub fn find_node<'a>(doc: &'a GraphDoc, query: &str) -> Result<&'a Node> {
    if let Some(n) = doc.nodes.iter().find(|n| n.id == query) {
        return Ok(n);
    }
    let by_name: Vec<&Node> = doc.nodes.iter().filter(|n| n.name == query).collect();
    let candidates = if by_name.is_empty() {
        doc.nodes
            .iter()
            .filter(|n| n.aliases.iter().any(|a| a == query))
            .collect()
    } else {
        by_name
    };
    match candidates.as_slice() {
        [one] => Ok(one),
        [] => Err(Error::NotFound(not_found_message(
            "no node has the id, name or alias",
            query,
            doc.nodes.iter(),
        ))),
        many => Err(ambiguous(query, many)),
    }
}

/// The article id a user means by `query`: an article node's id, name,
/// headline or source file, or an article id that evidence refers to.
fn find_article(doc: &GraphDoc, query: &str) -> Result<String> {
    let articles = || doc.nodes.iter().filter(|n| n.kind == NodeKind::Article);
    if let Some(n) = articles().find(|n| n.id == query) {
        return Ok(n.id.clone());
    }
    let matches: Vec<&Node> = articles()
        .filter(|n| {
            n.name == query
                || n.headline.as_deref() == Some(query)
                || n.sources.iter().any(|s| s == query)
        })
        .collect();
    match matches.as_slice() {
        [one] => return Ok(one.id.clone()),
        [] => {}
        many => return Err(ambiguous(query, many)),
    }
    let cited = doc
        .nodes
        .iter()
        .flat_map(|n| &n.evidence)
        .chain(doc.edges.iter().flat_map(|e| &e.evidence))
        .any(|ev| &*ev.article == query);
    if cited {
        return Ok(query.to_string());
    }
    Err(Error::NotFound(not_found_message(
        "no article has the id, headline or source",
        query,
        articles(),
    )))
}

/// The error for a name that several nodes answer to, listing them with their ids.
fn ambiguous(query: &str, nodes: &[&Node]) -> Error {
    let list: Vec<String> = nodes.iter().map(|n| describe(n)).collect();
    Error::Ambiguous(format!(
        "`{query}` matches {} nodes: {}; give the id instead",
        nodes.len(),
        list.join(", ")
    ))
}

/// A node as error messages list it: `name (kind, id …)`.
fn describe(n: &Node) -> String {
    format!("{} ({}, id {})", n.name, n.kind, n.id)
}

/// "`what` `query`", followed by up to five near matches among `nodes`: names,
/// aliases or ids that contain the query, are contained in it, or are within a
/// small edit distance of it (a third of its characters, at least one).
fn not_found_message<'a>(what: &str, query: &str, nodes: impl Iterator<Item = &'a Node>) -> String {
    let query_chars = query.chars().count();
    let limit = (query_chars / 3).max(1);
    let mut scored: BTreeMap<&str, (usize, &Node)> = BTreeMap::new();
    for n in nodes {
        let forms = std::iter::once(&n.name)
            .chain(&n.aliases)
            .chain(std::iter::once(&n.id));
        for form in forms {
            let score =
                if form.contains(query) || (!form.is_empty() && query.contains(form.as_str())) {
                    Some(form.chars().count().abs_diff(query_chars))
                } else {
                    // Levenshtein over characters, not bytes: a Chinese character is
                    // one edit.
                    let d = strsim::levenshtein(query, form);
                    // Contains-matches rank before edit-distance ones.
                    (d <= limit).then_some(d + 1000)
                };
            if let Some(s) = score {
                let entry = scored.entry(n.id.as_str()).or_insert((s, n));
                entry.0 = entry.0.min(s);
            }
        }
    }
    let mut near: Vec<(usize, &Node)> = scored.into_values().collect();
    near.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(a.1.name.cmp(&b.1.name))
            .then(a.1.id.cmp(&b.1.id))
    });
    let mut msg = format!("{what} `{query}`");
    if !near.is_empty() {
        let list: Vec<String> = near.iter().take(5).map(|(_, n)| describe(n)).collect();
        msg.push_str(&format!("; did you mean: {}?", list.join(", ")));
    }
    msg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Edge, Evidence};

    fn ev(article: &str, quote: &str) -> Evidence {
        Evidence {
            article: article.into(),
            sentence: 1,
            start: 0,
            end: 2,
            quote: quote.into(),
        }
    }

    fn edge(s: &str, t: &str, relation: Relation, article: &str) -> Edge {
        Edge {
            source: s.into(),
            target: t.into(),
            key: 0,
            relation,
            title: None,
            role: None,
            evidence: vec![ev(article, "句子")],
        }
    }

    fn node(id: &str, kind: NodeKind, name: &str, article: &str) -> Node {
        let mut n = Node::new(id, kind, name);
        n.evidence.push(ev(article, "句子"));
        n
    }

    /// 张三 chairs m1 (article a1), attends m2 (a2), holds a post in o1 (a1);
    /// 李四 attends m2 (a2); o1 is located in c1 (a2).
    fn sample() -> GraphDoc {
        let mut doc = GraphDoc::empty();
        let mut zhang = node("p1", NodeKind::Person, "张三", "a1");
        zhang.aliases.push("张同志".into());
        zhang.evidence.push(ev("a2", "另一句"));
        doc.nodes = vec![
            node("a1", NodeKind::Article, "报道一", "a1"),
            node("a2", NodeKind::Article, "报道二", "a2"),
            node("c1", NodeKind::Place, "郑州市", "a2"),
            {
                let mut m = node("m1", NodeKind::Event, "座谈会", "a1");
                m.date = Some("2024-03-05".into());
                m
            },
            {
                let mut m = node("m2", NodeKind::Event, "推进会", "a2");
                m.date = Some("03-01".into());
                m
            },
            node("o1", NodeKind::Organization, "惠济区委", "a1"),
            zhang,
            node("p2", NodeKind::Person, "李四", "a2"),
        ];
        doc.edges = vec![
            edge("o1", "c1", Relation::LocatedIn, "a2"),
            edge("p1", "m1", Relation::Chaired, "a1"),
            edge("p1", "m2", Relation::Attended, "a2"),
            edge("p1", "o1", Relation::HoldsPosition, "a1"),
            edge("p2", "m2", Relation::Attended, "a2"),
        ];
        doc.canonicalize();
        doc
    }

    fn ids(doc: &GraphDoc) -> Vec<&str> {
        doc.nodes.iter().map(|n| n.id.as_str()).collect()
    }

    #[test]
    fn default_keeps_everything() {
        let doc = sample();
        assert!(ViewOptions::default().is_everything());
        assert_eq!(apply(&doc, &ViewOptions::default()).unwrap(), doc);
    }

    #[test]
    fn around_by_name_alias_or_id_with_depth() {
        let doc = sample();
        for q in ["李四", "p2"] {
            let v = apply(
                &doc,
                &ViewOptions {
                    around: Some(q.into()),
                    ..Default::default()
                },
            )
            .unwrap();
            assert_eq!(ids(&v), ["m2", "p2"]);
            assert_eq!(v.edges.len(), 1);
        }
        let v = apply(
            &doc,
            &ViewOptions {
                around: Some("张同志".into()),
                depth: 0,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(ids(&v), ["p1"]);
        let v = apply(
            &doc,
            &ViewOptions {
                around: Some("李四".into()),
                depth: 2,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(ids(&v), ["m2", "p1", "p2"]);
        assert_eq!(v.edges.len(), 2);
    }

    #[test]
    fn unknown_name_suggests_near_matches() {
        let doc = sample();
        let err = apply(
            &doc,
            &ViewOptions {
                around: Some("张四".into()),
                ..Default::default()
            },
        )
        .unwrap_err();
        assert!(matches!(err, Error::NotFound(_)));
        let msg = err.to_string();
        assert!(
            msg.contains("张四") && msg.contains("张三 (person, id p1)"),
            "{msg}"
        );
    }

    #[test]
    fn duplicate_names_are_ambiguous() {
        let mut doc = sample();
        doc.nodes.push(Node::new("p9", NodeKind::Person, "李四"));
        doc.canonicalize();
        let err = apply(
            &doc,
            &ViewOptions {
                around: Some("李四".into()),
                ..Default::default()
            },
        )
        .unwrap_err();
        assert!(matches!(err, Error::Ambiguous(_)), "{err}");
        assert!(err.to_string().contains("p9"));
    }

    #[test]
    fn kind_filter_drops_edges_to_removed_nodes() {
        let doc = sample();
        let v = apply(
            &doc,
            &ViewOptions {
                kinds: Some(vec![NodeKind::Person, NodeKind::Organization]),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(ids(&v), ["o1", "p1", "p2"]);
        assert_eq!(v.edges.len(), 1);
        assert_eq!(v.edges[0].relation, Relation::HoldsPosition);
    }

    #[test]
    fn relation_filter_keeps_participants_only() {
        let doc = sample();
        let v = apply(
            &doc,
            &ViewOptions {
                relations: Some(vec![Relation::Attended]),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(ids(&v), ["m2", "p1", "p2"]);
        assert!(v.edges.iter().all(|e| e.relation == Relation::Attended));
    }

    #[test]
    fn article_view_trims_evidence() {
        let doc = sample();
        let v = apply(
            &doc,
            &ViewOptions {
                article: Some("a1".into()),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(ids(&v), ["a1", "m1", "o1", "p1"]);
        assert_eq!(v.edges.len(), 2);
        let all_ev = v
            .nodes
            .iter()
            .flat_map(|n| &n.evidence)
            .chain(v.edges.iter().flat_map(|e| &e.evidence));
        assert!(all_ev.into_iter().all(|e| &*e.article == "a1"));
        // By headline-less name, too.
        let by_name = apply(
            &doc,
            &ViewOptions {
                article: Some("报道一".into()),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(by_name, v);
        let err = apply(
            &doc,
            &ViewOptions {
                article: Some("a3".into()),
                ..Default::default()
            },
        )
        .unwrap_err();
        assert!(matches!(err, Error::NotFound(_)));
        let err = apply(
            &doc,
            &ViewOptions {
                article: Some("a1".into()),
                around: Some("李四".into()),
                ..Default::default()
            },
        )
        .unwrap_err();
        assert!(err.to_string().contains("does not appear"), "{err}");
    }

    #[test]
    fn event_layout_is_people_and_events_in_date_order() {
        let doc = sample();
        let v = apply(
            &doc,
            &ViewOptions {
                layout_event: true,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(ids(&v), ["m1", "m2", "p1", "p2"]);
        assert!(v
            .edges
            .iter()
            .all(|e| EVENT_RELATIONS.contains(&e.relation)));
        let order: Vec<&str> = events_by_date(&v).iter().map(|n| n.id.as_str()).collect();
        // 03-01 is taken to be in 2024, the year of the dated event.
        assert_eq!(order, ["m2", "m1"]);
    }

    #[test]
    fn centre_survives_filters() {
        let doc = sample();
        let v = apply(
            &doc,
            &ViewOptions {
                around: Some("惠济区委".into()),
                kinds: Some(vec![NodeKind::Person]),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(ids(&v), ["o1", "p1"]);
    }

    #[test]
    fn dates_parse_with_or_without_a_year() {
        assert_eq!(parse_date("2024-03-05"), Some((Some(2024), 3, 5)));
        assert_eq!(parse_date(" 03-05 "), Some((None, 3, 5)));
        assert_eq!(parse_date("3月5日"), None);
        assert_eq!(parse_date("05"), None);
    }

    #[test]
    fn edges_lose_their_place_with_either_end() {
        let mut doc = sample();
        doc.nodes.retain(|n| n.id != "m2");
        drop_dangling_edges(&mut doc);
        assert!(doc.edges.iter().all(|e| &*e.target != "m2"));
        assert_eq!(doc.edges.len(), 3);
    }

    #[test]
    fn near_matches_are_within_a_third_of_the_query_in_characters() {
        let doc = sample();
        // 张五 is one character from 张三: a Chinese character counts as one edit.
        let msg = not_found_message("no node", "张五", doc.nodes.iter());
        assert!(msg.contains("did you mean: 张三 (person, id p1)"), "{msg}");
        // Two edits in two characters is past the limit, and nothing contains it.
        let msg = not_found_message("no node", "王五", doc.nodes.iter());
        assert_eq!(msg, "no node `王五`");
        // Containment ranks before edit distance, the closest in length first.
        let msg = not_found_message("no node", "郑州", doc.nodes.iter());
        assert!(
            msg.starts_with("no node `郑州`; did you mean: 郑州市"),
            "{msg}"
        );
    }
}
