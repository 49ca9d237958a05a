//! The JSON the web app reads: what a search finds, a person, an event or any node
//! with every fact about it and the sentences stating each, and the graph around a
//! node. Built from the database's answers; the page inserts every string as text.

use crate::error::Result;
use crate::graph::{Edge, GraphDoc, Node, NodeKind};
use crate::query::{Row, SearchAnswer};
use crate::store::{Facts, LeftOut, SearchPage, Store};
use serde::Serialize;

/// Names a search box lists at most.
const MAX_NAMES: usize = 50;
/// Sentences a search lists at most.
const MAX_SENTENCES: usize = 20;
/// Pieces of evidence shown for one fact at most.
const MAX_EVIDENCE: usize = 5;
/// Nodes of an ego graph at most.
const MAX_EGO_NODES: usize = 300;
/// Facts of one relation and direction listed at most (the busiest person of the 50
/// MB corpus attended 441 events; the page says how many more there are).
const MAX_FACTS: usize = 20;
/// Co-attendees listed at most.
const MAX_COATTENDEES: usize = 20;

/// A node as a link: what the page needs to name it and point at its page.
#[derive(Serialize)]
pub struct NodeRef {
    id: String,
    name: String,
    label: String,
    kind: NodeKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
}

impl NodeRef {
    fn of(n: &Node) -> NodeRef {
        NodeRef {
            id: n.id.clone(),
            name: n.name.clone(),
            label: n.display_label(),
            kind: n.kind,
            date: n.date.clone(),
        }
    }
}

/// Sentences a search call looks at at most: a few milliseconds of scanning when the
/// sentences have no trigram index. A word rarer than that finds its sentences over
/// several calls, each starting where the last stopped (`more`).
const SENTENCES_PER_CALL: i64 = 16_384;

/// `/api/search?q=&after=`.
#[derive(Serialize)]
pub struct Search {
    query: String,
    names: Vec<NodeRef>,
    sentences: SearchAnswer,
    /// How many sentences this page lists.
    sentence_count: usize,
    /// Where the next page of sentences starts (`after=`), when there is one.
    more: Option<i64>,
}

/// The words of a search: what the box holds, split at spaces; the sentences from
/// sentence number `after` on.
pub fn search(store: &Store, q: &str, after: i64) -> Result<Search> {
    let words: Vec<String> = q.split_whitespace().map(str::to_string).collect();
    if words.is_empty() {
        return Ok(Search {
            query: q.to_string(),
            names: Vec::new(),
            sentences: SearchAnswer {
                words,
                hits: Vec::new(),
            },
            sentence_count: 0,
            more: None,
        });
    }
    let names = if after == 0 {
        store
            .find_nodes(q.trim(), MAX_NAMES)?
            .iter()
            .filter(|n| n.kind != NodeKind::Article)
            .map(NodeRef::of)
            .collect()
    } else {
        Vec::new()
    };
    let SearchPage { answer, more } =
        store.search_page(&words, after.max(0), MAX_SENTENCES, SENTENCES_PER_CALL)?;
    Ok(Search {
        query: q.to_string(),
        names,
        sentence_count: answer.hits.len(),
        sentences: answer,
        more,
    })
}

/// A piece of evidence with its sentence and article.
#[derive(Serialize)]
pub struct Quote {
    article: String,
    headline: String,
    date: Option<String>,
    sentence: usize,
    text: String,
    /// The mention: characters `start..end` of `text` (Unicode characters).
    start: usize,
    end: usize,
}

/// A fact about the node a page shows.
#[derive(Serialize)]
pub struct Fact {
    relation: String,
    /// Whether the fact points away from the node (马军 chaired X) or at it.
    outgoing: bool,
    other: NodeRef,
    /// The post (holds_position) or role (reported).
    detail: Option<String>,
    evidence: Vec<Quote>,
    /// Whether there is more evidence than is listed.
    more_evidence: bool,
}

/// `/api/node/{id}`, `/api/event/{id}`; `/api/person/{id}` adds more.
#[derive(Serialize)]
pub struct Page {
    node: NodeFields,
    facts: Vec<Fact>,
    /// The facts not listed, counted by relation and direction.
    more_facts: Vec<LeftOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    coattendees: Option<Vec<Row>>,
    /// How many co-attendees there are in all (the first are listed).
    #[serde(skip_serializing_if = "Option::is_none")]
    coattendee_count: Option<usize>,
}

#[derive(Serialize)]
struct NodeFields {
    id: String,
    name: String,
    label: String,
    kind: NodeKind,
    aliases: Vec<String>,
    titles: Vec<String>,
    date: Option<String>,
    time: Option<String>,
    event_type: Option<String>,
    headline: Option<String>,
}

/// The page of the node with this id; `None` when there is none.
pub fn page(store: &Store, id: &str) -> Result<Option<Page>> {
    let Some(Facts { doc, left_out }) = store.facts_of(id, MAX_EVIDENCE + 1, MAX_FACTS)? else {
        return Ok(None);
    };
    let Some(node) = doc.node(id) else {
        return Ok(None);
    };
    let facts = facts(&doc, node);
    let (coattendees, coattendee_count) = if node.kind == NodeKind::Person {
        match store.coattendees(id, MAX_COATTENDEES)? {
            Some((rows, count)) => (Some(rows), Some(count)),
            None => (None, None),
        }
    } else {
        (None, None)
    };
    Ok(Some(Page {
        node: NodeFields {
            id: node.id.clone(),
            name: node.name.clone(),
            label: node.display_label(),
            kind: node.kind,
            aliases: node.aliases.clone(),
            titles: node.titles.clone(),
            date: node.date.clone(),
            time: node.time.clone(),
            event_type: node.event_type.clone(),
            headline: node.headline.clone(),
        },
        facts,
        more_facts: left_out,
        coattendees,
        coattendee_count,
    }))
}

fn facts(doc: &GraphDoc, node: &Node) -> Vec<Fact> {
    let mut out: Vec<Fact> = doc
        .edges
        .iter()
        .filter(|e| *e.source == *node.id || *e.target == *node.id)
        .filter_map(|e| fact(doc, node, e))
        .collect();
    out.sort_by(|a, b| {
        (&a.relation, !a.outgoing, &a.other.label, &a.detail).cmp(&(
            &b.relation,
            !b.outgoing,
            &b.other.label,
            &b.detail,
        ))
    });
    out
}

fn fact(doc: &GraphDoc, node: &Node, e: &Edge) -> Option<Fact> {
    let outgoing = *e.source == *node.id;
    let other = doc.node(if outgoing { &e.target } else { &e.source })?;
    let evidence = e
        .evidence
        .iter()
        .take(MAX_EVIDENCE)
        .map(|ev| {
            let article = doc.node(&ev.article);
            Quote {
                article: ev.article.to_string(),
                headline: article
                    .and_then(|a| a.headline.clone().or_else(|| Some(a.name.clone())))
                    .unwrap_or_default(),
                date: article.and_then(|a| a.date.clone()),
                sentence: ev.sentence,
                text: ev.quote.to_string(),
                start: ev.start,
                end: ev.end,
            }
        })
        .collect();
    Some(Fact {
        relation: e.relation.as_str().to_string(),
        outgoing,
        other: NodeRef::of(other),
        detail: e.title.clone().or_else(|| e.role.clone()),
        evidence,
        more_evidence: e.evidence.len() > MAX_EVIDENCE,
    })
}

/// `/api/neighbors/{id}?depth=`: Cytoscape's elements.
#[derive(Serialize)]
pub struct Neighbors {
    nodes: Vec<NodeRef>,
    edges: Vec<EdgeRef>,
    /// Whether nodes were left out to keep the picture readable.
    truncated: bool,
}

#[derive(Serialize)]
struct EdgeRef {
    source: String,
    target: String,
    relation: String,
    detail: Option<String>,
}

/// The graph around the node with this id, `mentions` left out.
pub fn neighbors(store: &Store, id: &str, depth: usize) -> Result<Option<Neighbors>> {
    let Some(doc) = store.ego(id, depth, MAX_EGO_NODES)? else {
        return Ok(None);
    };
    Ok(Some(Neighbors {
        truncated: doc.nodes.len() >= MAX_EGO_NODES,
        nodes: doc.nodes.iter().map(NodeRef::of).collect(),
        edges: doc
            .edges
            .iter()
            .map(|e| EdgeRef {
                source: e.source.to_string(),
                target: e.target.to_string(),
                relation: e.relation.as_str().to_string(),
                detail: e.title.clone().or_else(|| e.role.clone()),
            })
            .collect(),
    }))
}
