//! The `cytoscape` export: a [`GraphDoc`] comes in and Cytoscape.js elements
//! JSON goes out (`{"data": …, "directed": true, "multigraph": true, "elements":
//! {"nodes": [{"data": {…}}], "edges": [{"data": {…}}]}}`). That shape is what
//! `cy.add()`/`cytoscape({elements})` take, what Cytoscape desktop imports as a
//! `.cyjs` file, and what `networkx.cytoscape_graph` reads (hence `value` = the
//! node id on every node). Node data carry the id, name, a display label, kind,
//! its Chinese word and colour, and every attribute with its evidence; edge data
//! carry id, source, target, key, relation, its Chinese verb as `label`, title,
//! role and evidence.

use super::shared::kind_color_hex;
use crate::graph::{Edge, Evidence, GraphDoc, GraphMeta, Merge, Node, NodeKind, Relation};
use serde::Serialize;
use std::collections::BTreeSet;

#[derive(Serialize)]
struct CyDoc<'a> {
    data: &'a GraphMeta,
    directed: bool,
    multigraph: bool,
    elements: Elements<'a>,
}

#[derive(Serialize)]
struct Elements<'a> {
    nodes: Vec<Element<NodeData<'a>>>,
    edges: Vec<Element<EdgeData<'a>>>,
}

#[derive(Serialize)]
struct Element<T> {
    data: T,
}

#[derive(Serialize)]
struct NodeData<'a> {
    id: &'a str,
    value: &'a str,
    name: &'a str,
    label: String,
    kind: NodeKind,
    kind_zh: &'static str,
    color: String,
    aliases: &'a [String],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    titles: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    time: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    event_type: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    headline: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    sources: &'a [String],
    #[serde(skip_serializing_if = "<[Merge]>::is_empty")]
    merges: &'a [Merge],
    evidence: &'a [Evidence],
}

#[derive(Serialize)]
struct EdgeData<'a> {
    id: String,
    source: &'a str,
    target: &'a str,
    key: usize,
    relation: Relation,
    label: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    evidence: &'a [Evidence],
}

/// Renders `doc` as pretty Cytoscape.js JSON with a trailing newline.
pub fn render(doc: &GraphDoc) -> String {
    let ids = edge_ids(doc);
    let cy = CyDoc {
        data: &doc.graph,
        directed: doc.directed,
        multigraph: doc.multigraph,
        elements: Elements {
            nodes: doc
                .nodes
                .iter()
                .map(|n| Element { data: node_data(n) })
                .collect(),
            edges: doc
                .edges
                .iter()
                .zip(ids)
                .map(|(e, id)| Element {
                    data: edge_data(e, id),
                })
                .collect(),
        },
    };
    let mut s = serde_json::to_string_pretty(&cy).expect("cytoscape JSON serialises");
    s.push('\n');
    s
}

fn node_data(n: &Node) -> NodeData<'_> {
    NodeData {
        id: &n.id,
        value: &n.id,
        name: &n.name,
        label: n.display_label(),
        kind: n.kind,
        kind_zh: n.kind.label_zh(),
        color: kind_color_hex(n.kind),
        aliases: &n.aliases,
        titles: &n.titles,
        date: n.date.as_deref(),
        time: n.time.as_deref(),
        event_type: n.event_type.as_deref(),
        headline: n.headline.as_deref(),
        sources: &n.sources,
        merges: &n.merges,
        evidence: &n.evidence,
    }
}

fn edge_data(e: &Edge, id: String) -> EdgeData<'_> {
    EdgeData {
        id,
        source: &e.source,
        target: &e.target,
        key: e.key,
        relation: e.relation,
        label: e.relation.label_zh(),
        title: e.title.as_deref(),
        role: e.role.as_deref(),
        evidence: &e.evidence,
    }
}

/// Edge ids of the form `source->target#key`. Cytoscape.js wants ids unique
/// across nodes *and* edges, and node ids are arbitrary ASCII, so a clash is
/// resolved by appending `'` until the id is free — deterministic, and in
/// practice never needed.
pub(crate) fn edge_ids(doc: &GraphDoc) -> Vec<String> {
    let mut taken: BTreeSet<String> = doc.nodes.iter().map(|n| n.id.clone()).collect();
    doc.edges
        .iter()
        .map(|e| {
            let mut id = format!("{}->{}#{}", e.source, e.target, e.key);
            while taken.contains(&id) {
                id.push('\'');
            }
            taken.insert(id.clone());
            id
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edge_ids_never_clash_with_node_ids() {
        let mut doc = GraphDoc::empty();
        doc.nodes.push(Node::new("a", NodeKind::Person, "甲"));
        doc.nodes.push(Node::new("a->a#0", NodeKind::Person, "乙"));
        doc.edges.push(Edge {
            source: "a".into(),
            target: "a".into(),
            key: 0,
            relation: Relation::PartOf,
            title: None,
            role: None,
            evidence: vec![],
        });
        assert_eq!(edge_ids(&doc), vec!["a->a#0'".to_string()]);
    }
}
