//! Graphviz DOT: a saved graph comes in; DOT text goes out, built with dot-generator
//! and printed by graphviz-rust's printer. Node ids are the graph's ASCII ids, labels
//! are Chinese and escaped, each kind has a shape and colour, edges are labelled with
//! the relation in Chinese (主持, 出席, 任职: 书记), and a legend lists the kinds shown.
//! `mentions` edges (article → everything it names) are left out, and with them the
//! nodes that only they connect: they would turn every diagram into a star around the
//! articles. The JSON keeps everything.

use super::shared::kind_color_hex;
use super::view::events_by_date;
use crate::graph::{GraphDoc, NodeKind, Relation};
use dot_generator::{attr, edge, id, node, node_id, stmt};
use dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

/// The font named in every diagram, so that PNGs show Chinese rather than boxes.
pub const CJK_FONT: &str = "Noto Sans CJK SC";

/// Escapes a string for a double-quoted DOT id.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Shape and fill colour per kind (colours shared with every other drawing export).
pub fn style(kind: NodeKind) -> (&'static str, String) {
    let shape = match kind {
        NodeKind::Person => "ellipse",
        NodeKind::Organization => "box",
        NodeKind::Place => "house",
        NodeKind::Market => "component",
        NodeKind::Event => "octagon",
        NodeKind::Document => "note",
        NodeKind::Project => "tab",
        NodeKind::Article => "folder",
    };
    (shape, kind_color_hex(kind))
}

/// The edge label: the relation in Chinese, with the post for 任职.
pub fn edge_label(relation: Relation, title: Option<&str>, role: Option<&str>) -> String {
    match (relation, title, role) {
        (Relation::HoldsPosition, Some(t), _) => format!("{}: {t}", relation.label_zh()),
        (Relation::Reported, _, Some("correspondent")) => "通讯员".to_string(),
        (Relation::Reported, _, Some("reporter")) => "记者".to_string(),
        _ => relation.label_zh().to_string(),
    }
}

/// Renders the graph as DOT.
pub fn to_dot(doc: &GraphDoc) -> String {
    to_dot_with(doc, false)
}

/// Renders the graph as DOT; with `timeline`, events stand in one column in date
/// order (the `--layout event` view: people on one side, what they attended on the other).
pub fn to_dot_with(doc: &GraphDoc, timeline: bool) -> String {
    let mut stmts: Vec<Stmt> = vec![
        stmt!(GraphAttributes::Graph(vec![
            attr!("rankdir", "LR"),
            attr!("fontname", esc escape(CJK_FONT)),
            attr!("overlap", "false"),
            attr!("splines", "true"),
        ])),
        stmt!(GraphAttributes::Node(vec![
            attr!("fontname", esc escape(CJK_FONT)),
            attr!("style", "filled"),
        ])),
        stmt!(GraphAttributes::Edge(vec![
            attr!("fontname", esc escape(CJK_FONT)),
            attr!("fontsize", "10"),
        ])),
    ];
    let drawn_edges: Vec<_> = doc
        .edges
        .iter()
        .filter(|e| e.relation != Relation::Mentions)
        .collect();
    let linked: std::collections::BTreeSet<&str> = drawn_edges
        .iter()
        .flat_map(|e| [&*e.source, &*e.target])
        .collect();
    let mut kinds: Vec<NodeKind> = Vec::new();
    for n in &doc.nodes {
        // A node tied to the rest only by `mentions` would float alone in the diagram;
        // it stays in the JSON. Timelines keep every event.
        let keep = linked.contains(n.id.as_str())
            || drawn_edges.is_empty()
            || (timeline && n.kind == NodeKind::Event);
        if !keep {
            continue;
        }
        let (shape, color) = style(n.kind);
        if !kinds.contains(&n.kind) {
            kinds.push(n.kind);
        }
        stmts.push(stmt!(node!(
            esc escape(&n.id);
            attr!("label", esc escape(&n.display_label())),
            attr!("shape", shape),
            attr!("fillcolor", esc escape(&color))
        )));
    }
    for e in drawn_edges {
        let label = edge_label(e.relation, e.title.as_deref(), e.role.as_deref());
        stmts.push(stmt!(edge!(
            node_id!(esc escape(&e.source)) => node_id!(esc escape(&e.target));
            attr!("label", esc escape(&label))
        )));
    }
    if timeline {
        let events: Vec<String> = events_by_date(doc).iter().map(|n| n.id.clone()).collect();
        if events.len() > 1 {
            let mut same: Vec<Stmt> = vec![stmt!(attr!("rank", "same"))];
            for id in &events {
                same.push(stmt!(node!(esc escape(id))));
            }
            stmts.push(stmt!(Subgraph {
                id: id!("timeline"),
                stmts: same,
            }));
            // Invisible edges keep the column in date order.
            for pair in events.windows(2) {
                stmts.push(stmt!(edge!(
                    node_id!(esc escape(&pair[0])) => node_id!(esc escape(&pair[1]));
                    attr!("style", "invis")
                )));
            }
        }
    }
    kinds.sort();
    if !kinds.is_empty() {
        let mut legend: Vec<Stmt> = vec![stmt!(GraphAttributes::Graph(vec![
            attr!("label", esc escape("图例")),
            attr!("style", "dashed"),
        ]))];
        for k in kinds {
            let (shape, color) = style(k);
            legend.push(stmt!(node!(
                esc format!("legend_{}", k.as_str());
                attr!("label", esc escape(k.label_zh())),
                attr!("shape", shape),
                attr!("fillcolor", esc escape(&color))
            )));
        }
        stmts.push(stmt!(Subgraph {
            id: id!("cluster_legend"),
            stmts: legend,
        }));
    }
    let g = Graph::DiGraph {
        id: id!("zhkg"),
        strict: false,
        stmts,
    };
    let mut out = g.print(&mut PrinterContext::default());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Edge as GEdge, Node as GNode};

    #[test]
    fn labels_are_escaped() {
        let mut doc = GraphDoc::empty();
        doc.nodes
            .push(GNode::new("person_a", NodeKind::Person, "马\"军\\"));
        doc.nodes
            .push(GNode::new("event_b", NodeKind::Event, "会议"));
        doc.edges.push(GEdge {
            source: "person_a".into(),
            target: "event_b".into(),
            key: 0,
            relation: Relation::Chaired,
            title: None,
            role: None,
            evidence: vec![],
        });
        let dot = to_dot(&doc);
        assert!(dot.contains(r#"label="马\"军\\""#), "{dot}");
        assert!(dot.contains("主持"));
        assert!(dot.contains("cluster_legend"));
    }
}
