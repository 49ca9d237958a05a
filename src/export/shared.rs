//! What the exporters share: the graph check every export starts with, the colour and
//! ASCII class name of each kind, evidence summaries, and the XML and list encodings
//! GEXF and GraphML use.

use crate::error::{Error, Result};
use crate::graph::{Evidence, GraphDoc, Node, NodeKind};
use quick_xml::events::{BytesStart, BytesText};
use std::collections::BTreeSet;

/// Checks the two rules every export relies on: node ids are unique and every
/// edge joins two existing nodes.
pub fn check_graph(doc: &GraphDoc) -> Result<()> {
    let mut ids = BTreeSet::new();
    for n in &doc.nodes {
        if !ids.insert(n.id.as_str()) {
            return Err(Error::InvalidGraph(format!(
                "node id `{}` appears more than once in the graph",
                n.id
            )));
        }
    }
    for e in &doc.edges {
        for end in [&e.source, &e.target] {
            if !ids.contains(&**end) {
                return Err(Error::InvalidGraph(format!(
                    "edge {} -[{}]-> {}: node `{end}` is not in the graph",
                    e.source, e.relation, e.target
                )));
            }
        }
    }
    Ok(())
}

/// The colour of a kind as RGB, shared by every drawing export so that a
/// person is the same blue in Gephi as on the HTML page (Tableau 10 palette,
/// chosen because its colours stay distinguishable for most colour-blind readers).
pub fn kind_color(kind: NodeKind) -> [u8; 3] {
    match kind {
        NodeKind::Person => [0x4e, 0x79, 0xa7],
        NodeKind::Organization => [0xf2, 0x8e, 0x2b],
        NodeKind::Place => [0x59, 0xa1, 0x4f],
        NodeKind::Market => [0xed, 0xc9, 0x48],
        NodeKind::Event => [0xe1, 0x57, 0x59],
        NodeKind::Document => [0xb0, 0x7a, 0xa1],
        NodeKind::Project => [0x76, 0xb7, 0xb2],
        NodeKind::Article => [0x9c, 0x75, 0x5f],
    }
}

/// [`kind_color`] as `#rrggbb`.
pub fn kind_color_hex(kind: NodeKind) -> String {
    let [r, g, b] = kind_color(kind);
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// The ASCII class name of a kind (`Person`, `Organization`…), used where a
/// target wants an identifier rather than data: Neo4j labels, RDF classes.
pub fn kind_class(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Person => "Person",
        NodeKind::Organization => "Organization",
        NodeKind::Place => "Place",
        NodeKind::Market => "Market",
        NodeKind::Event => "Event",
        NodeKind::Document => "Document",
        NodeKind::Project => "Project",
        NodeKind::Article => "Article",
    }
}

/// The distinct evidence sentences, in evidence order. One sentence often
/// supports a fact through several mentions; listing it once keeps flat
/// exports readable.
pub(crate) fn quotes(evidence: &[Evidence]) -> Vec<&str> {
    let mut seen = BTreeSet::new();
    evidence
        .iter()
        .map(|e| &*e.quote)
        .filter(|q| seen.insert(*q))
        .collect()
}

/// The distinct articles that the evidence comes from, sorted.
pub(crate) fn articles(evidence: &[Evidence]) -> Vec<&str> {
    evidence
        .iter()
        .map(|e| &*e.article)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// A node's attribute values as GEXF and GraphML both write them, in this order: kind,
/// aliases, titles, date, time, event type, headline, sources, articles, quotes.
pub(crate) fn node_attribute_values(n: &Node) -> Vec<Option<String>> {
    vec![
        Some(n.kind.as_str().to_string()),
        optional_list(&n.aliases),
        optional_list(&n.titles),
        n.date.clone(),
        n.time.clone(),
        n.event_type.clone(),
        n.headline.clone(),
        optional_list(&n.sources),
        optional_list(&articles(&n.evidence)),
        optional_list(&quotes(&n.evidence)),
    ]
}

/// [`json_list`], or nothing for an empty list (XML attributes left out).
pub(crate) fn optional_list<S: AsRef<str>>(items: &[S]) -> Option<String> {
    (!items.is_empty()).then(|| json_list(items))
}

/// Runs an XML writer over memory and returns the indented document with a final newline.
pub(crate) fn xml_document(
    write: impl FnOnce(&mut quick_xml::Writer<Vec<u8>>) -> std::io::Result<()>,
) -> String {
    let mut w = quick_xml::Writer::new_with_indent(Vec::new(), b' ', 2);
    write(&mut w).expect("writing XML to memory cannot fail");
    let mut s = String::from_utf8(w.into_inner()).expect("the XML writer emits UTF-8");
    s.push('\n');
    s
}

/// A list as a JSON array in one string. GEXF's `liststring` and GraphML have no
/// way to escape a separator inside an item, and Chinese aliases and sentences
/// contain every plausible separator, so lists travel as JSON text that any
/// reader can decode exactly.
pub(crate) fn json_list<S: AsRef<str>>(items: &[S]) -> String {
    let items: Vec<&str> = items.iter().map(|s| s.as_ref()).collect();
    serde_json::to_string(&items).expect("a list of strings serialises")
}

/// Escapes text for an XML attribute value or text node, so that it reads back
/// exactly: besides the five markup characters, tab, newline and carriage return
/// become character references, because XML parsers turn raw ones into spaces
/// in attributes and drop raw carriage returns everywhere. Characters that
/// XML 1.0 cannot carry at all (other C0 controls, U+FFFE, U+FFFF) become
/// U+FFFD, the replacement character: there is no lossless choice.
pub(crate) fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// An id as GEXF and GraphML carry it: ids zhkg makes are ASCII and pass unchanged;
/// a character XML 1.0 cannot carry, and `%` itself, become `%XX` (the UTF-8 bytes
/// in hex), so that distinct ids stay distinct where [`xml_escape`] would turn them
/// all into U+FFFD.
pub(crate) fn xml_id(id: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| {
        c == '%'
            || (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r')
            || c == '\u{fffe}'
            || c == '\u{ffff}'
    };
    if !id.chars().any(bad) {
        return std::borrow::Cow::Borrowed(id);
    }
    let mut out = String::with_capacity(id.len() + 8);
    for c in id.chars() {
        if bad(c) {
            for b in c.encode_utf8(&mut [0; 4]).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A start (or empty) tag whose attribute values are escaped with
/// [`xml_escape`] rather than quick-xml's own escaping, which leaves newlines raw
/// and so would lose them on reading.
pub(crate) fn xml_tag<'a>(name: &'a str, attrs: &[(&str, &str)]) -> BytesStart<'a> {
    let mut tag = BytesStart::new(name);
    for (key, value) in attrs {
        let value = xml_escape(value);
        tag.push_attribute((key.as_bytes(), value.as_bytes()));
    }
    tag
}

/// Text content, escaped like [`xml_escape`] except that quotes, tabs and
/// newlines stay as they are: in text they read back unchanged, and files stay
/// readable. Carriage returns are still references, since parsers fold raw
/// `\r\n` into `\n`.
pub(crate) fn xml_text(text: &str) -> BytesText<'static> {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' | '\'' | '\t' | '\n' => out.push(c),
            c => out.push_str(&xml_escape(c.encode_utf8(&mut [0; 4]))),
        }
    }
    BytesText::from_escaped(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_node_id_is_rejected() {
        let mut doc = GraphDoc::empty();
        doc.nodes.push(Node::new("p1", NodeKind::Person, "张三"));
        doc.nodes.push(Node::new("p1", NodeKind::Person, "李四"));
        let err = check_graph(&doc).unwrap_err();
        assert!(matches!(err, Error::InvalidGraph(_)));
        assert!(
            err.to_string().contains("`p1` appears more than once"),
            "{err}"
        );
        doc.nodes.pop();
        assert!(check_graph(&doc).is_ok());
    }

    #[test]
    fn each_kind_has_its_own_colour_and_class() {
        let colours: BTreeSet<String> = NodeKind::ALL.into_iter().map(kind_color_hex).collect();
        let classes: BTreeSet<&str> = NodeKind::ALL.into_iter().map(kind_class).collect();
        assert_eq!(colours.len(), NodeKind::ALL.len());
        assert_eq!(classes.len(), NodeKind::ALL.len());
        assert_eq!(kind_color_hex(NodeKind::Person), "#4e79a7");
        assert!(classes
            .iter()
            .all(|c| c.chars().all(|ch| ch.is_ascii_alphabetic())));
    }

    #[test]
    fn each_quote_is_listed_once_in_evidence_order() {
        let ev = |quote: &str| Evidence {
            article: "a1".into(),
            sentence: 0,
            start: 0,
            end: 1,
            quote: quote.into(),
        };
        let evidence = [ev("乙"), ev("甲"), ev("乙")];
        assert_eq!(quotes(&evidence), ["乙", "甲"]);
    }

    #[test]
    fn xml_escape_keeps_whitespace_and_replaces_forbidden_controls() {
        assert_eq!(
            xml_escape("a<b>&\"'\n\r\t\u{7}"),
            "a&lt;b&gt;&amp;&quot;&apos;&#10;&#13;&#9;\u{fffd}"
        );
    }

    #[test]
    fn xml_ids_stay_distinct() {
        let ids = ["a\u{7}", "a\u{8}", "a%07", "a", "person_ma_jun_1"];
        let encoded: BTreeSet<String> = ids.iter().map(|i| xml_id(i).into_owned()).collect();
        assert_eq!(encoded.len(), ids.len());
        assert_eq!(xml_id("person_ma_jun_1"), "person_ma_jun_1");
    }

    #[test]
    fn xml_text_leaves_quotes_and_newlines_readable() {
        let t = xml_text("a\"b'\n\r<&");
        assert_eq!(&*t, "a\"b'\n&#13;&lt;&amp;".as_bytes());
    }
}
