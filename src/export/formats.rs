//! Export dispatch for `zhkg export --format F`: a saved [`GraphDoc`] and a
//! [`Format`] come in, and the bytes to write go out — one file for most formats,
//! several named files (a folder) for Neo4j — as an [`ExportOutput`]. The graph is
//! checked first (unique node ids, every edge end present) because every target
//! tool either rejects or silently mangles a graph that breaks those rules. This
//! module also holds what the exporters share: the colour of each kind, the ASCII
//! class name of each kind, and the XML and list encodings used by GEXF and GraphML.
//! Every exporter is a pure function of the graph, so the same graph always gives
//! byte-identical output.

use crate::error::{Error, Result};
use crate::graph::{Evidence, GraphDoc, Node, NodeKind};
use crate::output::{ensure_dir, write_atomic};
use quick_xml::events::{BytesStart, BytesText};
use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// A file format that `zhkg export` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// `json`: networkx node-link JSON, the same form as `graph.json`.
    Json,
    /// `cytoscape`: Cytoscape.js / Cytoscape desktop elements JSON (`.cyjs`).
    Cytoscape,
    /// `gexf`: GEXF 1.3 for Gephi, with a colour per kind.
    Gexf,
    /// `graphml`: GraphML for yEd, Gephi, networkx and igraph.
    Graphml,
    /// `neo4j`: a folder with `nodes.csv`, `relationships.csv` and `import.cypher`.
    Neo4j,
    /// `ttl`: RDF Turtle with the vocabulary described in [`crate::export::ttl`].
    Ttl,
    /// `html`: one self-contained interactive page (Cytoscape.js embedded).
    Html,
}

impl Format {
    /// Every format, in the order shown in help texts.
    pub const ALL: [Format; 7] = [
        Format::Json,
        Format::Cytoscape,
        Format::Gexf,
        Format::Graphml,
        Format::Neo4j,
        Format::Ttl,
        Format::Html,
    ];

    /// The name used on the command line (`--format NAME`).
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Cytoscape => "cytoscape",
            Format::Gexf => "gexf",
            Format::Graphml => "graphml",
            Format::Neo4j => "neo4j",
            Format::Ttl => "ttl",
            Format::Html => "html",
        }
    }

    /// Parses a command-line name.
    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// The usual file extension, without the dot; `None` when the export is a
    /// folder of several files (Neo4j).
    pub fn extension(self) -> Option<&'static str> {
        match self {
            Format::Json => Some("json"),
            Format::Cytoscape => Some("cyjs"),
            Format::Gexf => Some("gexf"),
            Format::Graphml => Some("graphml"),
            Format::Neo4j => None,
            Format::Ttl => Some("ttl"),
            Format::Html => Some("html"),
        }
    }

    /// One line for `--help`: what the format is for.
    pub fn description(self) -> &'static str {
        match self {
            Format::Json => "networkx node-link JSON (same form as graph.json)",
            Format::Cytoscape => "Cytoscape.js / Cytoscape desktop elements JSON",
            Format::Gexf => "GEXF 1.3 for Gephi, coloured by kind",
            Format::Graphml => "GraphML for yEd, Gephi, networkx, igraph",
            Format::Neo4j => "folder: nodes.csv, relationships.csv, import.cypher",
            Format::Ttl => "RDF Turtle (zhkg vocabulary, reified edges)",
            Format::Html => "one self-contained interactive page",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = Error;

    fn from_str(s: &str) -> Result<Format> {
        Format::parse(s).ok_or_else(|| {
            let names: Vec<&str> = Format::ALL.iter().map(|f| f.as_str()).collect();
            Error::Usage(format!(
                "unknown export format `{s}`; expected one of: {}",
                names.join(", ")
            ))
        })
    }
}

/// What an export produces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportOutput {
    /// The bytes of a single file.
    File(Vec<u8>),
    /// Several files that belong together in one folder, as (file name, bytes),
    /// in a fixed order.
    Files(Vec<(String, Vec<u8>)>),
}

impl ExportOutput {
    /// Writes the export at `path`: the file itself for [`ExportOutput::File`], or
    /// a folder (created when missing) holding every file for
    /// [`ExportOutput::Files`]. Each file is written atomically. Returns the paths
    /// written, in order.
    pub fn write_to(&self, path: &Path) -> Result<Vec<PathBuf>> {
        match self {
            ExportOutput::File(bytes) => {
                write_atomic(path, bytes)?;
                Ok(vec![path.to_path_buf()])
            }
            ExportOutput::Files(files) => {
                ensure_dir(path)?;
                let mut written = Vec::with_capacity(files.len());
                for (name, bytes) in files {
                    let p = path.join(name);
                    write_atomic(&p, bytes)?;
                    written.push(p);
                }
                Ok(written)
            }
        }
    }
}

/// Renders `doc` in `format`. Fails when the graph repeats a node id or has an
/// edge whose end is not a node, since every target format would either reject
/// such a file or quietly invent or merge nodes.
pub fn render(doc: &GraphDoc, format: Format) -> Result<ExportOutput> {
    check_graph(doc)?;
    Ok(match format {
        Format::Json => ExportOutput::File(super::json::render(doc).into_bytes()),
        Format::Cytoscape => ExportOutput::File(super::cytoscape::render(doc).into_bytes()),
        Format::Gexf => ExportOutput::File(super::gexf::render(doc).into_bytes()),
        Format::Graphml => ExportOutput::File(super::graphml::render(doc).into_bytes()),
        Format::Neo4j => ExportOutput::Files(super::neo4j::render(doc)),
        Format::Ttl => ExportOutput::File(super::ttl::render(doc).into_bytes()),
        Format::Html => ExportOutput::File(super::html::render(doc).into_bytes()),
    })
}

/// Checks the two rules every export relies on: node ids are unique and every
/// edge joins two existing nodes.
pub fn check_graph(doc: &GraphDoc) -> Result<()> {
    let mut ids = BTreeSet::new();
    for n in &doc.nodes {
        if !ids.insert(n.id.as_str()) {
            return Err(Error::Ambiguous(format!(
                "node id `{}` appears more than once in the graph",
                n.id
            )));
        }
    }
    for e in &doc.edges {
        for end in [&e.source, &e.target] {
            if !ids.contains(&**end) {
                return Err(Error::NotFound(format!(
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
    fn names_round_trip() {
        for f in Format::ALL {
            assert_eq!(f.as_str().parse::<Format>().unwrap(), f);
        }
        let err = "svg".parse::<Format>().unwrap_err().to_string();
        assert!(err.contains("gexf") && err.contains("svg"), "{err}");
    }

    #[test]
    fn xml_escape_keeps_whitespace_and_replaces_forbidden_controls() {
        assert_eq!(
            xml_escape("a<b>&\"'\n\r\t\u{7}"),
            "a&lt;b&gt;&amp;&quot;&apos;&#10;&#13;&#9;\u{fffd}"
        );
    }

    #[test]
    fn xml_text_leaves_quotes_and_newlines_readable() {
        let t = xml_text("a\"b'\n\r<&");
        assert_eq!(&*t, "a\"b'\n&#13;&lt;&amp;".as_bytes());
    }

    #[test]
    fn dangling_edge_is_rejected() {
        use crate::graph::{Edge, Node, Relation};
        let mut doc = GraphDoc::empty();
        doc.nodes.push(Node::new("p1", NodeKind::Person, "张三"));
        doc.edges.push(Edge {
            source: "p1".into(),
            target: "e9".into(),
            key: 0,
            relation: Relation::Attended,
            title: None,
            role: None,
            evidence: vec![],
        });
        let err = render(&doc, Format::Json).unwrap_err().to_string();
        assert!(err.contains("e9"), "{err}");
    }

    #[test]
    fn files_go_into_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = ExportOutput::Files(vec![
            ("a.csv".into(), b"x".to_vec()),
            ("b.cypher".into(), b"y".to_vec()),
        ]);
        let target = dir.path().join("neo");
        let written = out.write_to(&target).unwrap();
        assert_eq!(written, vec![target.join("a.csv"), target.join("b.cypher")]);
        assert_eq!(std::fs::read(target.join("b.cypher")).unwrap(), b"y");
    }
}
