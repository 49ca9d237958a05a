//! Exports: a saved [`GraphDoc`] and a [`Format`] come in, and the bytes to write go
//! out: one file for most formats, several named files (a folder) for Neo4j, as an
//! [`ExportOutput`]. The graph is checked first (unique node ids, every edge end
//! present) because every target tool either rejects or silently mangles a graph that
//! breaks those rules. Every exporter is a pure function of the graph, so the same
//! graph always gives byte-identical output; SVG and PNG come from Graphviz's `dot`.

mod cytoscape;
mod dot;
mod gexf;
mod graphml;
mod graphviz;
mod html;
mod json;
mod neo4j;
mod shared;
mod ttl;
mod view;

pub use dot::{to_dot, to_dot_with, CJK_FONT};
pub use graphviz::render_with_dot;
pub use html::embedded_json;
pub use shared::{check_graph, kind_class, kind_color, kind_color_hex};
pub use ttl::{node_iri_string, relation_property, ID_NS, NS};
pub use view::{apply as apply_view, events_by_date, ViewOptions};

use crate::error::{Error, Result};
use crate::graph::GraphDoc;
use crate::output::write_atomic;
use crate::publish::OutputDir;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// A file format that `zhkg export` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// `dot`: Graphviz DOT, with the CJK font named.
    Dot,
    /// `svg`: the DOT drawn by Graphviz.
    Svg,
    /// `png`: the DOT drawn by Graphviz, as a bitmap.
    Png,
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
    /// `ttl`: RDF Turtle in zhkg's own small vocabulary (namespace [`NS`]), which
    /// every file declares.
    Ttl,
    /// `html`: one self-contained interactive page (Cytoscape.js embedded).
    Html,
}

impl Format {
    /// Every format, in the order shown in help texts.
    pub const ALL: [Format; 10] = [
        Format::Dot,
        Format::Svg,
        Format::Png,
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
            Format::Dot => "dot",
            Format::Svg => "svg",
            Format::Png => "png",
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
            Format::Dot => Some("dot"),
            Format::Svg => Some("svg"),
            Format::Png => Some("png"),
            Format::Json => Some("json"),
            Format::Cytoscape => Some("cyjs"),
            Format::Gexf => Some("gexf"),
            Format::Graphml => Some("graphml"),
            Format::Neo4j => None,
            Format::Ttl => Some("ttl"),
            Format::Html => Some("html"),
        }
    }

    /// Whether the output is binary (not for a terminal).
    pub fn is_binary(self) -> bool {
        self == Format::Png
    }

    /// One line for `--help`: what the format is for.
    pub fn description(self) -> &'static str {
        match self {
            Format::Dot => "Graphviz DOT",
            Format::Svg => "SVG drawn by Graphviz (needs dot)",
            Format::Png => "PNG drawn by Graphviz (needs dot)",
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
            Error::UnknownFormat(format!(
                "unknown export format `{s}`; expected one of: {}",
                names.join(", ")
            ))
        })
    }
}

/// The bytes an export produces, before anything is written: one file, or several
/// that go into one folder.
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
    /// a folder (created when missing, locked while written) holding every file for
    /// [`ExportOutput::Files`], published all or nothing. Returns the paths written,
    /// in order.
    pub fn write_to(&self, path: &Path) -> Result<Vec<PathBuf>> {
        match self {
            ExportOutput::File(bytes) => {
                if path.is_dir() {
                    return Err(Error::InvalidOutput(format!(
                        "{}: is a folder; give a file name",
                        path.display()
                    )));
                }
                write_atomic(path, bytes)?;
                Ok(vec![path.to_path_buf()])
            }
            ExportOutput::Files(files) => {
                let dir = OutputDir::lock(path)?;
                let mut set = crate::output::AtomicSet::default();
                let mut written = Vec::with_capacity(files.len());
                for (name, bytes) in files {
                    let p = dir.join(name);
                    set.stage(&p, |w| w.write_all(bytes))?;
                    written.push(p);
                }
                set.commit()?;
                Ok(written)
            }
        }
    }
}

/// How to draw a graph, for the formats that draw (DOT, SVG, PNG).
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    /// DOT, SVG and PNG: people and events only, events in date order.
    pub layout_event: bool,
}

/// Renders `doc` in `format`. Fails when the graph repeats a node id or has an
/// edge whose end is not a node, since every target format would either reject
/// such a file or quietly invent or merge nodes; and for SVG and PNG when
/// Graphviz is not installed.
pub fn render(doc: &GraphDoc, format: Format, opts: RenderOptions) -> Result<ExportOutput> {
    check_graph(doc)?;
    let drawn = |f: &str| -> Result<ExportOutput> {
        let dot = to_dot_with(doc, opts.layout_event);
        let bytes = render_with_dot(&dot, f)?.ok_or_else(|| Error::Tool {
            program: "dot".into(),
            message: "Graphviz is not installed (apt-get install graphviz)".into(),
        })?;
        Ok(ExportOutput::File(bytes))
    };
    Ok(match format {
        Format::Dot => ExportOutput::File(to_dot_with(doc, opts.layout_event).into_bytes()),
        Format::Svg => drawn("svg")?,
        Format::Png => drawn("png")?,
        Format::Json => ExportOutput::File(json::render(doc).into_bytes()),
        Format::Cytoscape => ExportOutput::File(cytoscape::render(doc).into_bytes()),
        Format::Gexf => ExportOutput::File(gexf::render(doc).into_bytes()),
        Format::Graphml => ExportOutput::File(graphml::render(doc).into_bytes()),
        Format::Neo4j => ExportOutput::Files(neo4j::render(doc)),
        Format::Ttl => ExportOutput::File(ttl::render(doc).into_bytes()),
        Format::Html => ExportOutput::File(html::render(doc).into_bytes()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::NodeKind;

    #[test]
    fn names_round_trip() {
        for f in Format::ALL {
            assert_eq!(f.as_str().parse::<Format>().unwrap(), f);
        }
        let err = "pdf".parse::<Format>().unwrap_err().to_string();
        assert!(err.contains("gexf") && err.contains("svg"), "{err}");
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
        let err = render(&doc, Format::Json, RenderOptions::default())
            .unwrap_err()
            .to_string();
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
