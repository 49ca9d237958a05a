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
//! * Evidence: a blank node `_:b a zhkg:Evidence; zhkg:article <article>;
//!   zhkg:sentence n; zhkg:start n; zhkg:end n; zhkg:quote "…"@zh`, with
//!   start/end in characters of the quote; a merge is a blank node
//!   `a zhkg:Merge; zhkg:alias "…"@zh; zhkg:reason "…"`.
//! * Relations: one property per relation in camelCase (`zhkg:holdsPosition`,
//!   `zhkg:chaired`, `zhkg:spokeAt`…), stated directly between the two nodes
//!   (once per distinct triple, as RDF is a set).
//! * Edge attributes use standard RDF reification: every edge is also an
//!   `rdf:Statement` blank node with `rdf:subject`, `rdf:predicate`,
//!   `rdf:object`, `zhkg:key` (the multigraph key), and when present
//!   `zhkg:title`, `zhkg:role` and its `zhkg:evidence`. Reification rather than
//!   RDF-star because every RDF 1.1 store reads it.
//!
//! The Turtle text itself (prefixed names, escapes, grouping by subject) is
//! written by `oxttl`, so any text reads back unchanged. Blank nodes are labelled
//! by position (`_:n3e0` is the first piece of evidence of the fourth node,
//! `_:s7` the statement of the eighth edge), so the same graph always gives the
//! same bytes.

use super::shared::kind_class;
use crate::graph::{Edge, Evidence, GraphDoc, Merge, Node, NodeKind, Relation};
use oxrdf::vocab::{rdf, rdfs};
use oxrdf::{BlankNode, Literal, NamedNode, NamedNodeRef, NamedOrBlankNodeRef, TermRef, TripleRef};
use oxttl::turtle::WriterTurtleSerializer;
use oxttl::TurtleSerializer;
use std::collections::BTreeSet;
use std::fmt::Write;

/// The vocabulary namespace.
pub const NS: &str = "https://zhkg.example/ns#";
/// The namespace of node IRIs.
pub const ID_NS: &str = "https://zhkg.example/id/";

/// A term of the vocabulary, spelled out at compile time (`NS` cannot be
/// `concat!`ed; `vocabulary_terms_are_in_the_namespace` checks the two agree).
macro_rules! zhkg {
    ($local:literal) => {
        NamedNodeRef::new_unchecked(concat!("https://zhkg.example/ns#", $local))
    };
}

const ALIAS: NamedNodeRef<'static> = zhkg!("alias");
const TITLE: NamedNodeRef<'static> = zhkg!("title");
const DATE: NamedNodeRef<'static> = zhkg!("date");
const TIME: NamedNodeRef<'static> = zhkg!("time");
const EVENT_TYPE: NamedNodeRef<'static> = zhkg!("eventType");
const HEADLINE: NamedNodeRef<'static> = zhkg!("headline");
const SOURCE: NamedNodeRef<'static> = zhkg!("source");
const MERGE: NamedNodeRef<'static> = zhkg!("merge");
const EVIDENCE: NamedNodeRef<'static> = zhkg!("evidence");
const ARTICLE: NamedNodeRef<'static> = zhkg!("article");
const SENTENCE: NamedNodeRef<'static> = zhkg!("sentence");
const START: NamedNodeRef<'static> = zhkg!("start");
const END: NamedNodeRef<'static> = zhkg!("end");
const QUOTE: NamedNodeRef<'static> = zhkg!("quote");
const REASON: NamedNodeRef<'static> = zhkg!("reason");
const KEY: NamedNodeRef<'static> = zhkg!("key");
const ROLE: NamedNodeRef<'static> = zhkg!("role");
const EVIDENCE_CLASS: NamedNodeRef<'static> = zhkg!("Evidence");
const MERGE_CLASS: NamedNodeRef<'static> = zhkg!("Merge");

/// Renders `doc` as Turtle.
pub fn render(doc: &GraphDoc) -> String {
    let mut header = String::new();
    // `write!` into a String cannot fail.
    let _ = writeln!(
        header,
        "# zhkg knowledge graph ({}): {} articles, {} sentences, {} characters.",
        doc.graph.generator.replace(['\n', '\r'], " "),
        doc.graph.articles,
        doc.graph.sentences,
        doc.graph.characters
    );
    header.push_str(
        "# Edges are stated directly and, with their key, title, role and evidence,\n\
         # as reified rdf:Statement nodes.\n",
    );
    let mut out = Turtle::new(header.into_bytes());
    out.vocabulary();
    for (i, n) in doc.nodes.iter().enumerate() {
        out.node(i, n);
    }
    // RDF is a set: parallel edges of one relation (e.g. two posts in one
    // organisation) state the same triple, which is written once.
    let direct: BTreeSet<(&str, Relation, &str)> = doc
        .edges
        .iter()
        .map(|e| (&*e.source, e.relation, &*e.target))
        .collect();
    for (s, r, t) in direct {
        out.triple(&node_iri(s), &relation_iri(r), &node_iri(t));
    }
    for (j, e) in doc.edges.iter().enumerate() {
        out.statement(j, e);
    }
    out.finish()
}

/// Triples on their way to Turtle text: a graph's triples are given subject by
/// subject, so that the serializer can group each subject's properties.
struct Turtle(WriterTurtleSerializer<Vec<u8>>);

impl Turtle {
    /// A serializer that writes after `header` (comment lines).
    fn new(header: Vec<u8>) -> Turtle {
        let prefixes = [
            ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
            ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
            ("zhkg", NS),
            ("zid", ID_NS),
        ];
        let mut serializer = TurtleSerializer::new();
        for (name, iri) in prefixes {
            serializer = serializer
                .with_prefix(name, iri)
                .expect("the prefixes are valid IRIs");
        }
        Turtle(serializer.for_writer(header))
    }

    fn triple<'a>(
        &mut self,
        subject: impl Into<NamedOrBlankNodeRef<'a>>,
        predicate: impl Into<NamedNodeRef<'a>>,
        object: impl Into<TermRef<'a>>,
    ) {
        self.0
            .serialize_triple(TripleRef::new(subject, predicate, object))
            .expect("writing to memory cannot fail");
    }

    fn finish(self) -> String {
        let bytes = self.0.finish().expect("writing to memory cannot fail");
        String::from_utf8(bytes).expect("Turtle is UTF-8")
    }

    /// The vocabulary, declared in every file so that it explains itself in any RDF
    /// browser: each class and property with a Chinese and an English label.
    fn vocabulary(&mut self) {
        let classes = NodeKind::ALL
            .into_iter()
            .map(|kind| (kind_class(kind), kind.label_zh()))
            .chain([("Evidence", "证据"), ("Merge", "合并")]);
        for (class, label_zh) in classes {
            let iri = term(class);
            self.triple(&iri, rdf::TYPE, rdfs::CLASS);
            self.triple(&iri, rdfs::LABEL, &zh(label_zh));
            self.triple(&iri, rdfs::LABEL, &en(class));
        }
        for relation in Relation::ALL {
            let iri = relation_iri(relation);
            self.triple(&iri, rdf::TYPE, rdf::PROPERTY);
            self.triple(&iri, rdfs::LABEL, &zh(relation.label_zh()));
            self.triple(&iri, rdfs::LABEL, &en(relation.as_str()));
        }
    }

    /// The `i`th node of the graph, then its merges and evidence.
    fn node(&mut self, i: usize, n: &Node) {
        let iri = node_iri(&n.id);
        self.triple(&iri, rdf::TYPE, &term(kind_class(n.kind)));
        self.triple(&iri, rdfs::LABEL, &zh(&n.name));
        for a in &n.aliases {
            self.triple(&iri, ALIAS, &zh(a));
        }
        for t in &n.titles {
            self.triple(&iri, TITLE, &zh(t));
        }
        if let Some(d) = &n.date {
            self.triple(&iri, DATE, &plain(d));
        }
        if let Some(t) = &n.time {
            self.triple(&iri, TIME, &zh(t));
        }
        if let Some(t) = &n.event_type {
            self.triple(&iri, EVENT_TYPE, &zh(t));
        }
        if let Some(h) = &n.headline {
            self.triple(&iri, HEADLINE, &zh(h));
        }
        for s in &n.sources {
            self.triple(&iri, SOURCE, &plain(s));
        }
        let merges: Vec<BlankNode> = (0..n.merges.len())
            .map(|k| blank(format_args!("n{i}m{k}")))
            .collect();
        for m in &merges {
            self.triple(&iri, MERGE, m);
        }
        let evidence = self.link_evidence(iri.as_ref().into(), &format!("n{i}"), &n.evidence);
        for (b, m) in merges.iter().zip(&n.merges) {
            self.merge(b, m);
        }
        for (b, ev) in evidence.iter().zip(&n.evidence) {
            self.evidence(b, ev);
        }
    }

    /// The `j`th edge as a reified `rdf:Statement`, then its evidence.
    fn statement(&mut self, j: usize, e: &Edge) {
        let label = format!("s{j}");
        let b = blank(format_args!("{label}"));
        self.triple(&b, rdf::TYPE, rdf::STATEMENT);
        self.triple(&b, rdf::SUBJECT, &node_iri(&e.source));
        self.triple(&b, rdf::PREDICATE, &relation_iri(e.relation));
        self.triple(&b, rdf::OBJECT, &node_iri(&e.target));
        self.triple(&b, KEY, &integer(e.key));
        if let Some(t) = &e.title {
            self.triple(&b, TITLE, &zh(t));
        }
        if let Some(r) = &e.role {
            self.triple(&b, ROLE, &plain(r));
        }
        let evidence = self.link_evidence(b.as_ref().into(), &label, &e.evidence);
        for (eb, ev) in evidence.iter().zip(&e.evidence) {
            self.evidence(eb, ev);
        }
    }

    /// States `owner zhkg:evidence _:{label}e{k}` for each piece of evidence, and
    /// returns those blank nodes.
    fn link_evidence(
        &mut self,
        owner: NamedOrBlankNodeRef<'_>,
        label: &str,
        evidence: &[Evidence],
    ) -> Vec<BlankNode> {
        let nodes: Vec<BlankNode> = (0..evidence.len())
            .map(|k| blank(format_args!("{label}e{k}")))
            .collect();
        for b in &nodes {
            self.triple(owner, EVIDENCE, b);
        }
        nodes
    }

    fn evidence(&mut self, b: &BlankNode, e: &Evidence) {
        self.triple(b, rdf::TYPE, EVIDENCE_CLASS);
        self.triple(b, ARTICLE, &node_iri(&e.article));
        self.triple(b, SENTENCE, &integer(e.sentence));
        self.triple(b, START, &integer(e.start));
        self.triple(b, END, &integer(e.end));
        self.triple(b, QUOTE, &zh(&e.quote));
    }

    fn merge(&mut self, b: &BlankNode, m: &Merge) {
        self.triple(b, rdf::TYPE, MERGE_CLASS);
        self.triple(b, ALIAS, &zh(&m.alias));
        self.triple(b, REASON, &plain(&m.reason));
    }
}

/// A blank node with this label (letters and digits only).
fn blank(label: std::fmt::Arguments) -> BlankNode {
    BlankNode::new_unchecked(label.to_string())
}

/// A term of the vocabulary by its local name.
fn term(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{NS}{local}"))
}

fn relation_iri(relation: Relation) -> NamedNode {
    term(&relation_property(relation))
}

fn node_iri(id: &str) -> NamedNode {
    NamedNode::new_unchecked(node_iri_string(id))
}

fn zh(s: &str) -> Literal {
    Literal::new_language_tagged_literal_unchecked(s, "zh")
}

fn en(s: &str) -> Literal {
    Literal::new_language_tagged_literal_unchecked(s, "en")
}

fn plain(s: &str) -> Literal {
    Literal::new_simple_literal(s)
}

/// An `xsd:integer`, which Turtle writes bare.
fn integer(n: usize) -> Literal {
    Literal::from(n as u64)
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
    let mut out = String::with_capacity(ID_NS.len() + id.len());
    out.push_str(ID_NS);
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b == b'_' || b == b'-' {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary_terms_are_in_the_namespace() {
        for (t, local) in [
            (ALIAS, "alias"),
            (EVENT_TYPE, "eventType"),
            (MERGE_CLASS, "Merge"),
        ] {
            assert_eq!(t.as_str(), format!("{NS}{local}"));
        }
    }

    #[test]
    fn ids_become_safe_iris() {
        assert_eq!(
            node_iri_string("person-张"),
            "https://zhkg.example/id/person-%E5%BC%A0"
        );
        assert_eq!(node_iri_string("-x"), "https://zhkg.example/id/-x");
        assert_eq!(
            node_iri_string("a:b c"),
            "https://zhkg.example/id/a%3Ab%20c"
        );
    }

    #[test]
    fn relations_are_camel_case() {
        assert_eq!(relation_property(Relation::HoldsPosition), "holdsPosition");
        assert_eq!(relation_property(Relation::SpokeAt), "spokeAt");
        assert_eq!(relation_property(Relation::Held), "held");
    }

    #[test]
    fn literals_read_back_unchanged() {
        let mut doc = GraphDoc::empty();
        let text = "a\"b\\c\nd\re\tf\u{1}";
        doc.nodes.push(Node::new("-x", NodeKind::Person, text));
        let ttl = render(&doc);
        let label = oxttl::TurtleParser::new()
            .for_slice(ttl.as_bytes())
            .map(|t| t.expect("Turtle parses"))
            .find(|t| {
                t.predicate.as_ref() == rdfs::LABEL && t.subject.to_string().contains("/id/-x")
            })
            .expect("the node has a label");
        assert_eq!(
            label.object,
            Literal::new_language_tagged_literal_unchecked(text, "zh").into()
        );
    }
}
