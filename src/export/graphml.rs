//! The `graphml` export: a [`GraphDoc`] comes in and a GraphML document goes
//! out, written with quick-xml's event writer, for yEd, Gephi, networkx
//! (`read_graphml`) and igraph. Every attribute is declared with a `<key>`:
//! graph-level generator and counts; node name, kind, aliases, titles, date,
//! time, event type, headline, sources, articles and evidence; edge relation,
//! key, title, role, articles and evidence. Edge ids `e0, e1…` are unique in the
//! document, so the parallel edges of the multigraph stay apart when read back.
//! As in the GEXF export, list values are JSON arrays in `string` data, and
//! missing values and empty lists are left out.

use super::shared::xml_id;
use super::shared::{articles, node_attribute_values, optional_list, quotes, xml_tag, xml_text};
use crate::graph::{Edge, GraphDoc, Node};
use quick_xml::events::{BytesDecl, BytesEnd, Event};
use quick_xml::Writer;
use std::io;

/// A `<key>` declaration: (id, for, attr.name, attr.type).
type KeyDecl = (&'static str, &'static str, &'static str, &'static str);

const GRAPH_KEYS: [KeyDecl; 4] = [
    ("g_generator", "graph", "generator", "string"),
    ("g_articles", "graph", "articles", "int"),
    ("g_sentences", "graph", "sentences", "int"),
    ("g_characters", "graph", "characters", "int"),
];

const NODE_KEYS: [KeyDecl; 11] = [
    ("n_name", "node", "name", "string"),
    ("n_kind", "node", "kind", "string"),
    ("n_aliases", "node", "aliases", "string"),
    ("n_titles", "node", "titles", "string"),
    ("n_date", "node", "date", "string"),
    ("n_time", "node", "time", "string"),
    ("n_event_type", "node", "event_type", "string"),
    ("n_headline", "node", "headline", "string"),
    ("n_sources", "node", "sources", "string"),
    ("n_articles", "node", "articles", "string"),
    ("n_evidence", "node", "evidence", "string"),
];

const EDGE_KEYS: [KeyDecl; 6] = [
    ("e_relation", "edge", "relation", "string"),
    ("e_key", "edge", "key", "int"),
    ("e_title", "edge", "title", "string"),
    ("e_role", "edge", "role", "string"),
    ("e_articles", "edge", "articles", "string"),
    ("e_evidence", "edge", "evidence", "string"),
];

/// Renders `doc` as an indented GraphML document.
pub fn render(doc: &GraphDoc) -> String {
    super::shared::xml_document(|w| write_doc(w, doc))
}

fn write_doc(w: &mut Writer<Vec<u8>>, doc: &GraphDoc) -> io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.write_event(Event::Start(xml_tag(
        "graphml",
        &[
            ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns \
                 http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
            ),
        ],
    )))?;
    for (id, domain, name, ty) in GRAPH_KEYS.iter().chain(&NODE_KEYS).chain(&EDGE_KEYS) {
        w.write_event(Event::Empty(xml_tag(
            "key",
            &[
                ("id", id),
                ("for", domain),
                ("attr.name", name),
                ("attr.type", ty),
            ],
        )))?;
    }

    let edge_default = if doc.directed {
        "directed"
    } else {
        "undirected"
    };
    w.write_event(Event::Start(xml_tag(
        "graph",
        &[("id", "G"), ("edgedefault", edge_default)],
    )))?;
    let meta = &doc.graph;
    write_data(
        w,
        &GRAPH_KEYS,
        &[
            Some(meta.generator.clone()),
            Some(meta.articles.to_string()),
            Some(meta.sentences.to_string()),
            Some(meta.characters.to_string()),
        ],
    )?;
    for n in &doc.nodes {
        write_node(w, n)?;
    }
    for (i, e) in doc.edges.iter().enumerate() {
        write_edge(w, &format!("e{i}"), e)?;
    }
    w.write_event(Event::End(BytesEnd::new("graph")))?;
    w.write_event(Event::End(BytesEnd::new("graphml")))?;
    Ok(())
}

/// Writes one `<data>` per present, non-empty value. Empty strings are skipped
/// too: an empty element reads back as "no text", which readers turn into
/// `None` or the string "None".
fn write_data(
    w: &mut Writer<Vec<u8>>,
    keys: &[KeyDecl],
    values: &[Option<String>],
) -> io::Result<()> {
    for ((id, ..), value) in keys.iter().zip(values) {
        if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
            w.write_event(Event::Start(xml_tag("data", &[("key", id)])))?;
            w.write_event(Event::Text(xml_text(v)))?;
            w.write_event(Event::End(BytesEnd::new("data")))?;
        }
    }
    Ok(())
}

fn write_node(w: &mut Writer<Vec<u8>>, n: &Node) -> io::Result<()> {
    w.write_event(Event::Start(xml_tag("node", &[("id", &xml_id(&n.id))])))?;
    // GraphML carries the name as data too (GEXF has it as the label).
    let mut values = vec![Some(n.name.clone())];
    values.extend(node_attribute_values(n));
    write_data(w, &NODE_KEYS, &values)?;
    w.write_event(Event::End(BytesEnd::new("node")))
}

fn write_edge(w: &mut Writer<Vec<u8>>, id: &str, e: &Edge) -> io::Result<()> {
    w.write_event(Event::Start(xml_tag(
        "edge",
        &[
            ("id", id),
            ("source", &xml_id(&e.source)),
            ("target", &xml_id(&e.target)),
        ],
    )))?;
    let values = [
        Some(e.relation.as_str().to_string()),
        Some(e.key.to_string()),
        e.title.clone(),
        e.role.clone(),
        optional_list(&articles(&e.evidence)),
        optional_list(&quotes(&e.evidence)),
    ];
    write_data(w, &EDGE_KEYS, &values)?;
    w.write_event(Event::End(BytesEnd::new("edge")))
}
