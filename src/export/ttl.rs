//! The `ttl` export: a [`GraphDoc`] comes in and RDF 1.1 Turtle goes out, in a
//! small vocabulary that the file itself declares.
//!
//! * Namespaces: `zhkg:` = `https://zhkg.example/ns#` for classes and
//!   properties, `zid:` = `https://zhkg.example/id/` for nodes, whose IRI is the
//!   node id with every byte outside `[A-Za-z0-9_-]` percent-encoded.
//! * Classes: `zhkg:Person`, `zhkg:Organization`, `zhkg:Place`, `zhkg:Market`,
//!   `zhkg:Event`, `zhkg:Document`, `zhkg:Project`, `zhkg:Article`, plus
//!   `zhkg:Evidence` and `zhkg:Merge`; each with `rdfs:label`s in Chinese and English.
//! * Node properties: `rdfs:label` (name, `@zh`), `zhkg:alias`, `zhkg:title`,
//!   `zhkg:time`, `zhkg:eventType`, `zhkg:headline` (all `@zh`), `zhkg:date`
//!   (a plain string: dates are `MM-DD` or `YYYY-MM-DD` as written, and the
//!   former is no `xsd:date`), `zhkg:source`, `zhkg:merge`, `zhkg:evidence`.
//! * Evidence: a blank node `[ a zhkg:Evidence; zhkg:article <article>;
//!   zhkg:sentence n; zhkg:start n; zhkg:end n; zhkg:quote "…"@zh ]`, with
//!   start/end in characters of the quote.
//! * Relations: one property per relation in camelCase (`zhkg:holdsPosition`,
//!   `zhkg:chaired`, `zhkg:spokeAt`…), stated directly between the two nodes
//!   (once per distinct triple, as RDF is a set).
//! * Edge attributes use standard RDF reification: every edge is also an
//!   `rdf:Statement` blank node with `rdf:subject`, `rdf:predicate`,
//!   `rdf:object`, `zhkg:key` (the multigraph key), and when present
//!   `zhkg:title`, `zhkg:role` and its `zhkg:evidence`. Reification rather than
//!   RDF-star because every RDF 1.1 store reads it.
//!
//! Literals are escaped for Turtle (`\\`, `\"`, `\n`, `\r`, `\t`, and `\uXXXX`
//! for other control characters), so any text reads back unchanged.

use super::shared::kind_class;
use crate::graph::{Evidence, GraphDoc, Merge, NodeKind, Relation};
use std::collections::BTreeSet;
use std::fmt::Write;

/// The vocabulary namespace.
pub const NS: &str = "https://zhkg.example/ns#";
/// The namespace of node IRIs.
pub const ID_NS: &str = "https://zhkg.example/id/";

/// Renders `doc` as Turtle.
pub fn render(doc: &GraphDoc) -> String {
    let mut out = String::new();
    // `write!` into a String cannot fail.
    let _ = writeln!(
        out,
        "# zhkg knowledge graph ({}): {} articles, {} sentences, {} characters.",
        doc.graph.generator.replace(['\n', '\r'], " "),
        doc.graph.articles,
        doc.graph.sentences,
        doc.graph.characters
    );
    out.push_str(
        "# Edges are stated directly and, with their key, title, role and evidence,\n\
         # as reified rdf:Statement nodes.\n",
    );
    let _ = writeln!(
        out,
        "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n\
         @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n\
         @prefix zhkg: <{NS}> .\n\
         @prefix zid: <{ID_NS}> .\n"
    );
    write_vocabulary(&mut out);

    for n in &doc.nodes {
        let mut props: Vec<String> = vec![
            format!("a zhkg:{}", kind_class(n.kind)),
            format!("rdfs:label {}", zh(&n.name)),
        ];
        props.extend(n.aliases.iter().map(|a| format!("zhkg:alias {}", zh(a))));
        props.extend(n.titles.iter().map(|t| format!("zhkg:title {}", zh(t))));
        if let Some(d) = &n.date {
            props.push(format!("zhkg:date {}", plain(d)));
        }
        if let Some(t) = &n.time {
            props.push(format!("zhkg:time {}", zh(t)));
        }
        if let Some(t) = &n.event_type {
            props.push(format!("zhkg:eventType {}", zh(t)));
        }
        if let Some(h) = &n.headline {
            props.push(format!("zhkg:headline {}", zh(h)));
        }
        props.extend(
            n.sources
                .iter()
                .map(|s| format!("zhkg:source {}", plain(s))),
        );
        props.extend(n.merges.iter().map(|m| format!("zhkg:merge {}", merge(m))));
        props.extend(
            n.evidence
                .iter()
                .map(|e| format!("zhkg:evidence {}", evidence(e))),
        );
        write_subject(&mut out, &node_iri(&n.id), &props);
    }

    // RDF is a set: parallel edges of one relation (e.g. two posts in one
    // organisation) state the same triple, which is written once.
    let direct: BTreeSet<(&str, Relation, &str)> = doc
        .edges
        .iter()
        .map(|e| (&*e.source, e.relation, &*e.target))
        .collect();
    for (s, r, t) in direct {
        let _ = writeln!(
            out,
            "{} zhkg:{} {} .",
            node_iri(s),
            relation_property(r),
            node_iri(t)
        );
    }
    if !doc.edges.is_empty() {
        out.push('\n');
    }

    for e in &doc.edges {
        let mut props = vec![
            "a rdf:Statement".to_string(),
            format!("rdf:subject {}", node_iri(&e.source)),
            format!("rdf:predicate zhkg:{}", relation_property(e.relation)),
            format!("rdf:object {}", node_iri(&e.target)),
            format!("zhkg:key {}", e.key),
        ];
        if let Some(t) = &e.title {
            props.push(format!("zhkg:title {}", zh(t)));
        }
        if let Some(r) = &e.role {
            props.push(format!("zhkg:role {}", plain(r)));
        }
        props.extend(
            e.evidence
                .iter()
                .map(|ev| format!("zhkg:evidence {}", evidence(ev))),
        );
        write_subject(&mut out, "[]", &props);
    }
    out
}

/// The vocabulary, declared in every file so that it explains itself in any RDF
/// browser.
fn write_vocabulary(out: &mut String) {
    for kind in NodeKind::ALL {
        let class = kind_class(kind);
        write_subject(
            out,
            &format!("zhkg:{class}"),
            &[
                "a rdfs:Class".to_string(),
                format!("rdfs:label {}, {}", zh(kind.label_zh()), en(class)),
            ],
        );
    }
    for (class, zh_label) in [("Evidence", "证据"), ("Merge", "合并")] {
        write_subject(
            out,
            &format!("zhkg:{class}"),
            &[
                "a rdfs:Class".to_string(),
                format!("rdfs:label {}, {}", zh(zh_label), en(class)),
            ],
        );
    }
    for relation in Relation::ALL {
        write_subject(
            out,
            &format!("zhkg:{}", relation_property(relation)),
            &[
                "a rdf:Property".to_string(),
                format!(
                    "rdfs:label {}, {}",
                    zh(relation.label_zh()),
                    en(relation.as_str())
                ),
            ],
        );
    }
}

/// Writes `subject p1 o1 ;\n    p2 o2 .` followed by a blank line.
fn write_subject(out: &mut String, subject: &str, props: &[String]) {
    out.push_str(subject);
    for (i, p) in props.iter().enumerate() {
        out.push_str(if i == 0 { " " } else { " ;\n    " });
        out.push_str(p);
    }
    out.push_str(" .\n\n");
}

fn evidence(e: &Evidence) -> String {
    format!(
        "[ a zhkg:Evidence ; zhkg:article {} ; zhkg:sentence {} ; zhkg:start {} ; \
         zhkg:end {} ; zhkg:quote {} ]",
        node_iri(&e.article),
        e.sentence,
        e.start,
        e.end,
        zh(&e.quote)
    )
}

fn merge(m: &Merge) -> String {
    format!(
        "[ a zhkg:Merge ; zhkg:alias {} ; zhkg:reason {} ]",
        zh(&m.alias),
        plain(&m.reason)
    )
}

/// The property of a relation: snake_case → camelCase (`spoke_at` → `spokeAt`).
pub fn relation_property(relation: Relation) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in relation.as_str().chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The IRI of a node id, percent-encoding every byte outside `[A-Za-z0-9_-]`.
pub fn node_iri_string(id: &str) -> String {
    format!("{ID_NS}{}", encode_id(id))
}

fn encode_id(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b == b'_' || b == b'-' {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// A node IRI in Turtle: `zid:local` where Turtle's prefixed-name grammar
/// allows it (the local part may not start with `-`), else `<full IRI>`.
/// Both spell the same IRI.
fn node_iri(id: &str) -> String {
    let local = encode_id(id);
    if local.is_empty() || local.starts_with('-') {
        format!("<{ID_NS}{local}>")
    } else {
        format!("zid:{local}")
    }
}

/// A quoted Turtle string with its contents escaped.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn zh(s: &str) -> String {
    format!("{}@zh", quoted(s))
}

fn en(s: &str) -> String {
    format!("{}@en", quoted(s))
}

fn plain(s: &str) -> String {
    quoted(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_escape_everything_turtle_needs() {
        assert_eq!(
            quoted("a\"b\\c\nd\re\tf\u{1}"),
            r#""a\"b\\c\nd\re\tf\u0001""#
        );
    }

    #[test]
    fn ids_become_safe_iris() {
        assert_eq!(node_iri("person-张"), "zid:person-%E5%BC%A0");
        assert_eq!(node_iri("-x"), "<https://zhkg.example/id/-x>");
        assert_eq!(node_iri("a:b c"), "zid:a%3Ab%20c");
    }

    #[test]
    fn relations_are_camel_case() {
        assert_eq!(relation_property(Relation::HoldsPosition), "holdsPosition");
        assert_eq!(relation_property(Relation::SpokeAt), "spokeAt");
        assert_eq!(relation_property(Relation::Held), "held");
    }
}
