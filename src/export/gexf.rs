//! The `gexf` export: a [`GraphDoc`] comes in and a GEXF 1.3 document for Gephi
//! goes out, written with quick-xml's event writer. Each node has its name as
//! `label`, a `viz:color` for its kind (the palette of
//! [`kind_color`]) and attribute values for kind, aliases, titles, date, time,
//! event type, headline, sources, articles and evidence; each edge has a unique
//! id `e0, e1…` (so parallel edges survive), the relation's Chinese verb as
//! `label` and attribute values for relation, title, role, articles and
//! evidence. List-valued attributes (aliases, titles, sources, articles, and
//! evidence = the distinct quoted sentences) are JSON arrays in `string`
//! attributes, because GEXF's `liststring` cannot escape its own separator.
//! Missing values and empty lists are left out rather than written empty.

use super::shared::xml_id;
use super::shared::{
    articles, kind_color, node_attribute_values, optional_list, quotes, xml_tag, xml_text,
};
use crate::graph::{Edge, GraphDoc, Node};
use quick_xml::events::{BytesDecl, BytesEnd, Event};
use quick_xml::Writer;
use std::io;

/// Node attributes, in declaration order: (GEXF id, title).
const NODE_ATTRS: [(&str, &str); 10] = [
    ("0", "kind"),
    ("1", "aliases"),
    ("2", "titles"),
    ("3", "date"),
    ("4", "time"),
    ("5", "event_type"),
    ("6", "headline"),
    ("7", "sources"),
    ("8", "articles"),
    ("9", "evidence"),
];

/// Edge attributes, in declaration order: (GEXF id, title).
const EDGE_ATTRS: [(&str, &str); 5] = [
    ("0", "relation"),
    ("1", "title"),
    ("2", "role"),
    ("3", "articles"),
    ("4", "evidence"),
];

/// Renders `doc` as an indented GEXF 1.3 document.
pub fn render(doc: &GraphDoc) -> String {
    super::shared::xml_document(|w| write_doc(w, doc))
}

fn write_doc(w: &mut Writer<Vec<u8>>, doc: &GraphDoc) -> io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.write_event(Event::Start(xml_tag(
        "gexf",
        &[
            ("xmlns", "http://gexf.net/1.3"),
            ("xmlns:viz", "http://gexf.net/1.3/viz"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            ),
            ("version", "1.3"),
        ],
    )))?;

    w.write_event(Event::Start(xml_tag("meta", &[])))?;
    w.write_event(Event::Start(xml_tag("creator", &[])))?;
    w.write_event(Event::Text(xml_text(&doc.graph.generator)))?;
    w.write_event(Event::End(BytesEnd::new("creator")))?;
    w.write_event(Event::Start(xml_tag("description", &[])))?;
    w.write_event(Event::Text(xml_text(&format!(
        "zhkg knowledge graph from {} articles, {} sentences, {} characters",
        doc.graph.articles, doc.graph.sentences, doc.graph.characters
    ))))?;
    w.write_event(Event::End(BytesEnd::new("description")))?;
    w.write_event(Event::End(BytesEnd::new("meta")))?;

    let edge_type = if doc.directed {
        "directed"
    } else {
        "undirected"
    };
    w.write_event(Event::Start(xml_tag(
        "graph",
        &[("mode", "static"), ("defaultedgetype", edge_type)],
    )))?;
    write_attribute_decls(w, "node", &NODE_ATTRS)?;
    write_attribute_decls(w, "edge", &EDGE_ATTRS)?;

    w.write_event(Event::Start(xml_tag("nodes", &[])))?;
    for n in &doc.nodes {
        write_node(w, n)?;
    }
    w.write_event(Event::End(BytesEnd::new("nodes")))?;

    w.write_event(Event::Start(xml_tag("edges", &[])))?;
    for (i, e) in doc.edges.iter().enumerate() {
        write_edge(w, &format!("e{i}"), e)?;
    }
    w.write_event(Event::End(BytesEnd::new("edges")))?;

    w.write_event(Event::End(BytesEnd::new("graph")))?;
    w.write_event(Event::End(BytesEnd::new("gexf")))?;
    Ok(())
}

fn write_attribute_decls(
    w: &mut Writer<Vec<u8>>,
    class: &str,
    attrs: &[(&str, &str)],
) -> io::Result<()> {
    w.write_event(Event::Start(xml_tag("attributes", &[("class", class)])))?;
    for (id, title) in attrs {
        w.write_event(Event::Empty(xml_tag(
            "attribute",
            &[("id", id), ("title", title), ("type", "string")],
        )))?;
    }
    w.write_event(Event::End(BytesEnd::new("attributes")))
}

/// Writes `<attvalues>` for the values present, skipping the element when none is.
fn write_attvalues(
    w: &mut Writer<Vec<u8>>,
    decls: &[(&str, &str)],
    values: &[Option<String>],
) -> io::Result<()> {
    if values.iter().all(Option::is_none) {
        return Ok(());
    }
    w.write_event(Event::Start(xml_tag("attvalues", &[])))?;
    for ((id, _), value) in decls.iter().zip(values) {
        if let Some(v) = value {
            w.write_event(Event::Empty(xml_tag(
                "attvalue",
                &[("for", id), ("value", v)],
            )))?;
        }
    }
    w.write_event(Event::End(BytesEnd::new("attvalues")))
}

fn write_node(w: &mut Writer<Vec<u8>>, n: &Node) -> io::Result<()> {
    w.write_event(Event::Start(xml_tag(
        "node",
        &[("id", &xml_id(&n.id)), ("label", &n.name)],
    )))?;
    let values = node_attribute_values(n);
    write_attvalues(w, &NODE_ATTRS, &values)?;
    let [r, g, b] = kind_color(n.kind);
    w.write_event(Event::Empty(xml_tag(
        "viz:color",
        &[
            ("r", &r.to_string()),
            ("g", &g.to_string()),
            ("b", &b.to_string()),
            ("a", "1.0"),
        ],
    )))?;
    w.write_event(Event::End(BytesEnd::new("node")))
}

fn write_edge(w: &mut Writer<Vec<u8>>, id: &str, e: &Edge) -> io::Result<()> {
    w.write_event(Event::Start(xml_tag(
        "edge",
        &[
            ("id", id),
            ("source", &xml_id(&e.source)),
            ("target", &xml_id(&e.target)),
            ("label", e.relation.label_zh()),
        ],
    )))?;
    let values = [
        Some(e.relation.as_str().to_string()),
        e.title.clone(),
        e.role.clone(),
        optional_list(&articles(&e.evidence)),
        optional_list(&quotes(&e.evidence)),
    ];
    write_attvalues(w, &EDGE_ATTRS, &values)?;
    w.write_event(Event::End(BytesEnd::new("edge")))
}
