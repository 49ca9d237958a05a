//! The build pipeline: input paths come in; `graph.json`, `graph.dot` (and
//! `graph.svg` when Graphviz is installed) go out, written atomically, with a summary
//! that accounts for every input: built, deduplicated, or skipped with the reason.
//! Articles are extracted in parallel; the result does not depend on the thread count.

use crate::error::{Error, Result};
use crate::export::dot::to_dot;
use crate::extract::{ArticleFacts, Extractor};
use crate::graph::build::KnowledgeGraph;
use crate::graph::{GraphDoc, NodeKind, Relation};
use crate::ingest::{self, Article, Skipped};
use crate::output::{ensure_dir, write_atomic};
use crate::resolve::resolve;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What `zhkg build` did.
#[derive(Debug, Default, Clone, serde::Serialize)]
pub struct BuildSummary {
    /// Distinct articles built.
    pub articles: usize,
    /// Articles dropped as copies of another (same text), with the source kept.
    pub duplicates: usize,
    /// Sentences processed.
    pub sentences: usize,
    /// Characters processed.
    pub characters: usize,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// Nodes by kind.
    pub nodes: BTreeMap<String, usize>,
    /// Edges by relation.
    pub edges: BTreeMap<String, usize>,
    /// Inputs skipped, with reasons.
    pub skipped: Vec<(String, String)>,
    /// Files written.
    pub outputs: Vec<PathBuf>,
    /// Things worth telling that are not errors (no Graphviz, empty input).
    pub notices: Vec<String>,
}

impl std::fmt::Display for BuildSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let cps = if self.seconds > 0.0 {
            self.characters as f64 / self.seconds
        } else {
            0.0
        };
        writeln!(
            f,
            "articles: {} built, {} duplicates, {} inputs skipped",
            self.articles,
            self.duplicates,
            self.skipped.len()
        )?;
        writeln!(
            f,
            "sentences: {}, characters: {}, {:.2} s, {:.0} chars/s",
            self.sentences, self.characters, self.seconds, cps
        )?;
        let join = |m: &BTreeMap<String, usize>| {
            m.iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        writeln!(
            f,
            "nodes: {} ({})",
            self.nodes.values().sum::<usize>(),
            join(&self.nodes)
        )?;
        writeln!(
            f,
            "edges: {} ({})",
            self.edges.values().sum::<usize>(),
            join(&self.edges)
        )?;
        for (path, why) in &self.skipped {
            writeln!(f, "skipped {path}: {why}")?;
        }
        for n in &self.notices {
            writeln!(f, "note: {n}")?;
        }
        for o in &self.outputs {
            writeln!(f, "wrote {}", o.display())?;
        }
        Ok(())
    }
}

/// Drops copies of the same article (same content hash), keeping every source.
pub fn dedup(articles: Vec<Article>) -> (Vec<Article>, usize) {
    let mut out: Vec<Article> = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut dups = 0;
    for a in articles {
        match seen.get(&a.id) {
            Some(&i) => {
                let src = a.source.clone();
                let prev = &mut out[i];
                let extra = prev.attrs.entry("also_in".into()).or_default();
                if !extra.is_empty() {
                    extra.push_str("; ");
                }
                extra.push_str(&src);
                dups += 1;
            }
            None => {
                seen.insert(a.id.clone(), out.len());
                out.push(a);
            }
        }
    }
    (out, dups)
}

/// Extracts every article (in parallel, order kept) and resolves them into one graph.
pub fn build_graph(ex: &Extractor, articles: &[Article]) -> (KnowledgeGraph, Vec<ArticleFacts>) {
    let facts: Vec<ArticleFacts> = articles.par_iter().map(|a| ex.analyze(a)).collect();
    let mut g = resolve(&ex.lex, &facts);
    // Reposted copies: every source file stays on the article node.
    for a in articles {
        if let (Some(also), Some(i)) = (a.attrs.get("also_in"), g.index(&a.id)) {
            for s in also.split("; ") {
                g.graph[i].sources.push(s.to_string());
            }
        }
    }
    (g, facts)
}

/// Counts for the summary.
fn tally(doc: &GraphDoc, s: &mut BuildSummary) {
    for k in NodeKind::ALL {
        let n = doc.nodes.iter().filter(|n| n.kind == k).count();
        if n > 0 {
            s.nodes.insert(k.as_str().into(), n);
        }
    }
    for r in Relation::ALL {
        let n = doc.edges.iter().filter(|e| e.relation == r).count();
        if n > 0 {
            s.edges.insert(r.as_str().into(), n);
        }
    }
}

/// Runs Graphviz `dot` on DOT text; `Ok(None)` when Graphviz is not installed.
pub fn render_with_dot(dot: &str, format: &str) -> Result<Option<Vec<u8>>> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let child = Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(Error::Tool {
                program: "dot".into(),
                message: e.to_string(),
            })
        }
    };
    let mut stdin = child.stdin.take().expect("piped stdin");
    let input = dot.as_bytes().to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().map_err(|e| Error::Tool {
        program: "dot".into(),
        message: e.to_string(),
    })?;
    let _ = writer.join();
    if !out.status.success() {
        return Err(Error::Tool {
            program: "dot".into(),
            message: String::from_utf8_lossy(&out.stderr).trim().to_string(),
        });
    }
    Ok(Some(out.stdout))
}

/// Options of `zhkg build`.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Files, folders, or `-`.
    pub inputs: Vec<PathBuf>,
    /// Output folder.
    pub out_dir: PathBuf,
    /// Whether to render `graph.svg` with Graphviz when it is installed.
    pub svg: bool,
}

/// `zhkg build`: reads, extracts, resolves and writes the graph and its diagram.
pub fn run_build(ex: &Extractor, opts: &BuildOptions) -> Result<BuildSummary> {
    let t0 = Instant::now();
    let ingested = ingest::read_inputs(&opts.inputs, &ex.lex);
    let mut summary = BuildSummary {
        skipped: ingested
            .skipped
            .iter()
            .map(|Skipped { path, reason }| (path.clone(), reason.clone()))
            .collect(),
        ..BuildSummary::default()
    };
    let (articles, dups) = dedup(ingested.articles);
    summary.duplicates = dups;
    summary.articles = articles.len();
    if articles.is_empty() {
        summary
            .notices
            .push("no articles found in the input: the graph is empty".into());
    }
    let (g, _facts) = build_graph(ex, &articles);
    let doc = g.to_doc();
    summary.sentences = doc.graph.sentences;
    summary.characters = doc.graph.characters;
    tally(&doc, &mut summary);
    write_outputs(&doc, &opts.out_dir, opts.svg, &mut summary)?;
    summary.seconds = t0.elapsed().as_secs_f64();
    Ok(summary)
}

/// Writes graph.json, graph.dot and (when possible) graph.svg into `dir`.
pub fn write_outputs(
    doc: &GraphDoc,
    dir: &Path,
    svg: bool,
    summary: &mut BuildSummary,
) -> Result<()> {
    ensure_dir(dir)?;
    let json_path = dir.join("graph.json");
    let dot_path = dir.join("graph.dot");
    let dot = to_dot(doc);
    // Render first: a Graphviz failure must not leave a new JSON beside an old SVG.
    let svg_bytes = if svg {
        let r = render_with_dot(&dot, "svg")?;
        if r.is_none() {
            summary
                .notices
                .push("Graphviz `dot` not found: graph.svg not written (install graphviz)".into());
        }
        r
    } else {
        None
    };
    write_atomic(&json_path, doc.to_json().as_bytes())?;
    summary.outputs.push(json_path);
    write_atomic(&dot_path, dot.as_bytes())?;
    summary.outputs.push(dot_path);
    if let Some(bytes) = svg_bytes {
        let p = dir.join("graph.svg");
        write_atomic(&p, &bytes)?;
        summary.outputs.push(p);
    }
    Ok(())
}
