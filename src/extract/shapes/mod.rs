//! The sentence shapes of local government news that the passes read, one test each,
//! run through the whole article pipeline: the people, posts and roles a reader takes
//! from them. Names here are made up; the shapes come from real reports.

mod cut_words;
mod lists;
mod names;
mod occasions;
mod participants;
mod places;
mod posts;
mod visits;

use crate::extract::test_extractor;
use crate::graph::{GraphDoc, NodeKind, Relation};
use std::collections::BTreeSet;

/// (person, relation, event name or `title@organisation`) of a text built as an article;
/// the other tests of the passes use it too.
pub(super) fn facts(text: &str) -> BTreeSet<(String, &'static str, String)> {
    let doc = graph_of(text);
    doc.edges
        .iter()
        .filter_map(|e| {
            let (s, t) = (doc.node(&e.source)?, doc.node(&e.target)?);
            let what = match e.relation {
                Relation::HoldsPosition => {
                    format!("{}@{}", e.title.clone().unwrap_or_default(), t.name)
                }
                Relation::Chaired | Relation::Attended | Relation::SpokeAt => t.name.clone(),
                _ => return None,
            };
            (s.kind == NodeKind::Person).then(|| (s.name.clone(), e.relation.as_str(), what))
        })
        .collect()
}

pub(super) fn has(
    f: &BTreeSet<(String, &'static str, String)>,
    who: &str,
    rel: &str,
    what: &str,
) -> bool {
    f.iter()
        .any(|(w, r, x)| w == who && *r == rel && x.contains(what))
}

/// The graph of a text built as one article.
fn graph_of(text: &str) -> GraphDoc {
    graph_of_headed(None, text)
}

/// The graph of an article with its headline (which is not its lead).
fn graph_of_headed(headline: Option<&str>, body: &str) -> GraphDoc {
    let article = crate::ingest::make_article(
        headline.map(str::to_string),
        body.into(),
        Vec::new(),
        "t".into(),
    );
    let (g, _) = crate::pipeline::build_graph(test_extractor(), &[article]);
    g.to_doc()
}

/// The names of the nodes of `kind` built from a text.
pub(super) fn names_of(text: &str, kind: NodeKind) -> Vec<String> {
    graph_of(text)
        .nodes
        .iter()
        .filter(|n| n.kind == kind)
        .map(|n| n.name.clone())
        .collect()
}

/// Each event node's name and date.
pub(super) fn dated_events(text: &str) -> Vec<(String, Option<String>)> {
    dated_events_headed(None, text)
}

/// Each event node's name and date, of an article with its headline.
pub(super) fn dated_events_headed(
    headline: Option<&str>,
    body: &str,
) -> Vec<(String, Option<String>)> {
    graph_of_headed(headline, body)
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Event)
        .map(|n| (n.name.clone(), n.date.clone()))
        .collect()
}
