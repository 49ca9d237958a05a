//! The build pipeline: input paths come in; `graph.json`, `graph.dot` (and
//! `graph.svg` when Graphviz is installed) go out, written atomically, with a summary
//! that accounts for every input: built, deduplicated, or skipped with the reason.
//! Articles are extracted in parallel; the result does not depend on the thread count.

use crate::error::{Error, Result};
use crate::export::{render_with_dot, to_dot};
use crate::extract::{ArticleFacts, Extractor};
use crate::graph::build::KnowledgeGraph;
use crate::graph::{GraphDoc, IdentityReport, NodeKind, Relation};
use crate::ingest::{self, Article, ReadEvent, Skipped};
use crate::lexicon::Lexicon;
use crate::merge;
use crate::output::AtomicSet;
use crate::publish::OutputDir;
use crate::resolve::{resolve_with, ResolveOptions, UnplacedPersons};
use rayon::iter::Either;
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
    /// Articles taken from the saved graph(s) without extracting them again
    /// (`--update`, `zhkg merge`).
    pub previous: usize,
    /// Sentences processed.
    pub sentences: usize,
    /// Characters processed.
    pub characters: usize,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// Seconds spent in each stage (load, read, extract, resolve, write); with
    /// [`build_with_loader`], read includes making the extractor, which runs beside it.
    pub stages: Vec<(String, f64)>,
    /// Nodes by kind.
    pub nodes: BTreeMap<String, usize>,
    /// Edges by relation.
    pub edges: BTreeMap<String, usize>,
    /// Inputs skipped, with reasons.
    pub skipped: Vec<(String, String)>,
    /// Files found in folders but not read, for their extension.
    pub not_read: Vec<String>,
    /// Files written.
    pub outputs: Vec<PathBuf>,
    /// Things worth telling that are not errors (no Graphviz, empty input).
    pub notices: Vec<String>,
    /// Persons and events joined across articles, and kept apart (`-v` prints it).
    pub identity: IdentityReport,
}

impl std::fmt::Display for BuildSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let cps = if self.seconds > 0.0 {
            self.characters as f64 / self.seconds
        } else {
            0.0
        };
        write!(
            f,
            "articles: {} built, {} duplicates, {} inputs skipped",
            self.articles,
            self.duplicates,
            self.skipped.len()
        )?;
        if self.previous > 0 {
            write!(f, ", {} from saved graphs", self.previous)?;
        }
        writeln!(f)?;
        writeln!(
            f,
            "sentences: {}, characters: {}, {:.2} s, {:.0} chars/s",
            self.sentences, self.characters, self.seconds, cps
        )?;
        if !self.stages.is_empty() {
            let parts: Vec<String> = self
                .stages
                .iter()
                .map(|(k, v)| format!("{k} {v:.2} s"))
                .collect();
            writeln!(f, "stages: {}", parts.join(", "))?;
        }
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
        use crate::terminal::Escaped;
        for (path, why) in &self.skipped {
            writeln!(f, "skipped {}: {}", Escaped(path), Escaped(why))?;
        }
        if !self.not_read.is_empty() {
            writeln!(
                f,
                "not read: {} files of other kinds (only .txt, .md and .jsonl are read; -v lists them)",
                self.not_read.len()
            )?;
        }
        for n in &self.notices {
            writeln!(f, "note: {n}")?;
        }
        for o in &self.outputs {
            writeln!(f, "wrote {}", Escaped(&o.display().to_string()))?;
        }
        Ok(())
    }
}

/// Extracts every article (in parallel, order kept) and resolves them into one graph.
pub fn build_graph(ex: &Extractor, articles: &[Article]) -> (KnowledgeGraph, Vec<ArticleFacts>) {
    build_graph_with(ex, &ResolveOptions::default(), articles)
}

/// [`build_graph`] with the options of resolution.
pub fn build_graph_with(
    ex: &Extractor,
    opts: &ResolveOptions,
    articles: &[Article],
) -> (KnowledgeGraph, Vec<ArticleFacts>) {
    let facts: Vec<ArticleFacts> = articles.par_iter().map(|a| ex.analyze(a)).collect();
    let g = resolve_with(&ex.lex, opts, &facts);
    (g, facts)
}

/// The saved form of a graph, taking it apart instead of copying it: on a large
/// corpus the graph is most of the memory in use, and a copy would double it.
pub fn into_doc(g: KnowledgeGraph) -> GraphDoc {
    let mut doc = GraphDoc::empty();
    doc.graph = g.meta.clone();
    // Straight out of the stable graph: going through a compact `Graph` first copied
    // every node and edge once more. The order is canonicalize's to set.
    let (nodes, edges) = g.graph.into_nodes_edges_iters();
    doc.nodes = nodes.map(|n| n.weight).collect();
    doc.edges = edges.map(|e| e.weight).collect();
    doc.canonicalize();
    doc
}

/// Counts for the summary, in one pass over the nodes and one over the edges.
fn tally(doc: &GraphDoc, s: &mut BuildSummary) {
    let mut nodes: BTreeMap<NodeKind, usize> = BTreeMap::new();
    for n in &doc.nodes {
        *nodes.entry(n.kind).or_default() += 1;
    }
    let mut edges: BTreeMap<Relation, usize> = BTreeMap::new();
    for e in &doc.edges {
        *edges.entry(e.relation).or_default() += 1;
    }
    s.nodes
        .extend(nodes.into_iter().map(|(k, n)| (k.as_str().to_string(), n)));
    s.edges
        .extend(edges.into_iter().map(|(r, n)| (r.as_str().to_string(), n)));
}

/// Options of `zhkg build`.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Files, folders, or `-`.
    pub inputs: Vec<PathBuf>,
    /// Output folder; `None` writes `graphs`, or with [`BuildOptions::update`] the
    /// updated graph's own folder, in place.
    pub out_dir: Option<PathBuf>,
    /// Whether to render `graph.svg` with Graphviz when it is installed.
    pub svg: bool,
    /// Whether graph.db gets the trigram index of the sentences (`search` in
    /// milliseconds instead of a scan, for a much slower write).
    pub search_index: bool,
    /// Add the inputs to this saved graph (its facts file beside it) instead of
    /// building from nothing.
    pub update: Option<PathBuf>,
    /// How standard input (`-`) is read.
    pub stdin_format: ingest::StdinFormat,
    /// Files larger than this many bytes are skipped with a message.
    pub max_file_bytes: u64,
    /// How persons and events of different articles are told apart; `None`: as the
    /// graph being updated was built (saved in it), else the default. Options that
    /// contradict the updated graph's are refused.
    pub identity: Option<ResolveOptions>,
}

impl BuildOptions {
    /// The graph file this build writes.
    pub fn graph_path(&self) -> PathBuf {
        match (&self.out_dir, &self.update) {
            (Some(dir), _) => dir.join("graph.json"),
            (None, Some(g)) => g.clone(),
            (None, None) => PathBuf::from("graphs").join("graph.json"),
        }
    }
}

/// Above this many nodes `graph.svg` is not drawn: Graphviz takes minutes to hours
/// to lay out a corpus-sized graph, and nobody can read the picture. Views
/// (`zhkg export --format svg --around NAME`) draw a part of it instead.
pub const SVG_MAX_NODES: usize = 3000;

/// What a build reports as it goes, for a progress display (the library draws
/// nothing; `zhkg` draws a bar on a terminal).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress<'a> {
    /// A stage that counts up to `total` (which may grow with [`Progress::Total`]) in `unit`.
    Stage {
        /// What is being done (`reading`, `extracting`).
        name: &'a str,
        /// How much there is to do, as far as known.
        total: u64,
        /// What is counted (`files`, `bytes`).
        unit: &'a str,
    },
    /// The current stage has this much to do in all.
    Total(u64),
    /// This much more of the current stage is done.
    Advance(u64),
    /// A stage with no count (loading a graph, resolving, writing).
    Step(&'a str),
    /// The run is over.
    Finished,
}

/// A progress callback that ignores everything.
pub fn no_progress(_: Progress) {}

/// Times the stages of a run for the summary.
struct Stopwatch {
    last: Instant,
    stages: Vec<(String, f64)>,
}

impl Stopwatch {
    fn new() -> Stopwatch {
        Stopwatch {
            last: Instant::now(),
            stages: Vec::new(),
        }
    }

    fn lap(&mut self, stage: &str) {
        let now = Instant::now();
        let secs = (now - self.last).as_secs_f64();
        self.stages
            .push((stage.to_string(), (secs * 1000.0).round() / 1000.0));
        self.last = now;
    }
}

/// `zhkg build`: reads, extracts, resolves and writes the graph and its diagram.
/// With [`BuildOptions::update`], the articles already in that graph are not read
/// or extracted again, and the result is the graph a full build would give.
pub fn run_build(ex: &Extractor, opts: &BuildOptions) -> Result<BuildSummary> {
    build_with_loader(&ex.lex, || Ok(ex), opts, &no_progress)
}

/// [`run_build`] with the extractor (owned or borrowed) made by `make` on a thread of
/// its own while the inputs are read with `lex` (the lexicon `make` builds on):
/// building jieba's dictionary takes a few tenths of a second on one core, and a build
/// would otherwise wait for it before reading anything. The summary's seconds include
/// `make`'s. `progress` hears how the run goes.
pub fn build_with_loader<E: std::borrow::Borrow<Extractor> + Send>(
    lex: &Lexicon,
    make: impl FnOnce() -> Result<E> + Send,
    opts: &BuildOptions,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<BuildSummary> {
    let t0 = Instant::now();
    let mut clock = Stopwatch::new();
    let mut summary = BuildSummary::default();

    // Mistyped paths are errors before anything is touched.
    for input in opts.inputs.iter().filter(|i| i.as_os_str() != "-") {
        if let Err(e) = std::fs::metadata(input) {
            return Err(Error::Input {
                path: input.clone(),
                error: e,
            });
        }
    }
    let json_path = opts.graph_path();
    // The output folder is ours for the whole run: a second run into it is refused
    // now, not after it has done all its work.
    let out = OutputDir::lock(crate::output::parent_dir(&json_path))?;

    // The graph being updated: its facts, checked against it, before any work.
    let (mut old, identity) = match &opts.update {
        Some(g) => {
            progress(Progress::Step(&format!("loading {}", g.display())));
            let (old, meta) = merge::load_graph_facts(g)?;
            let identity = settle_identity(opts.identity, &[(g, meta.unplaced_persons)])?;
            summary.previous = old.len();
            clock.lap("load");
            (old, identity)
        }
        None => (Vec::new(), opts.identity.unwrap_or_default()),
    };

    progress(Progress::Stage {
        name: "reading",
        total: 0,
        unit: "files",
    });
    let read_opts = ingest::ReadOptions {
        exclude: vec![out.path().to_path_buf()],
        stdin_format: opts.stdin_format,
        max_file_bytes: opts.max_file_bytes,
    };
    let (made, ingested) = std::thread::scope(|s| {
        let made = s.spawn(make);
        let ingested = ingest::read_inputs_with(&opts.inputs, lex, &read_opts, &|ev| match ev {
            ReadEvent::Listed(n) => progress(Progress::Total(n as u64)),
            ReadEvent::Read(n) => progress(Progress::Advance(n as u64)),
        });
        let made = made.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        (made, ingested)
    });
    let made = made?;
    let ex: &Extractor = made.borrow();
    summary.skipped = ingested
        .skipped
        .iter()
        .map(|Skipped { path, reason }| (path.clone(), reason.clone()))
        .collect();
    summary.not_read = ingested.not_read.clone();
    let read_any = !ingested.articles.is_empty();
    if !read_any {
        // An empty graph in place of the user's would lose it: nothing is written.
        progress(Progress::Finished);
        return Err(Error::NothingRead {
            skipped: summary.skipped.clone(),
            not_read: summary.not_read.len(),
        });
    }
    let (articles, dups) = merge::dedup_against(&mut old, ingested.articles);
    summary.duplicates = dups;
    summary.articles = articles.len();
    clock.lap("read");

    // Extraction, in parallel. Each article is dropped as soon as its facts are out,
    // and the facts keep no copy of the raw body: nothing after this stage reads it.
    let total_chars: usize = articles.iter().map(|a| a.body.len()).sum();
    progress(Progress::Stage {
        name: "extracting",
        total: total_chars as u64,
        unit: "bytes",
    });
    // A fault of the extractor on one article costs that article, not the run: it is
    // listed with the inputs skipped, named, and the rest is built.
    let (new, mut failed): (Vec<ArticleFacts>, Vec<(String, String)>) =
        articles.into_par_iter().partition_map(|a| {
            let len = a.body.len();
            let source = a.source.clone();
            let out =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| ex.analyze_owned(a)));
            progress(Progress::Advance(len as u64));
            match out {
                Ok(mut f) => {
                    f.article.body = String::new();
                    Either::Left(f)
                }
                Err(fault) => {
                    let what = fault
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| fault.downcast_ref::<String>().cloned())
                        .unwrap_or_default();
                    let why = format!("the extractor failed on it ({what}); please report it");
                    Either::Right((source, why))
                }
            }
        });
    failed.sort();
    summary.articles -= failed.len();
    summary.skipped.extend(failed);
    // The extractor is done: jieba's dictionary and the labeller's tables (a fifth of
    // the memory a corpus build peaks at) go back to the allocator for the graph, which
    // would otherwise take as much fresh memory; resolution needs only the lexicon.
    drop(made);
    summary.sentences = new.iter().map(|f| f.sentences.len()).sum();
    summary.characters = new.iter().map(|f| f.characters).sum();
    let mut facts = old;
    facts.extend(new);
    clock.lap("extract");

    // Resolution takes the facts and drops each article's once it is in the graph, so
    // the facts and the whole graph are never in memory together; the facts file is
    // written beside it, each article's line before its facts are dropped.
    progress(Progress::Step("resolving entities"));
    write_outputs(
        (lex, &identity),
        facts,
        &json_path,
        Extras {
            svg: opts.svg,
            search_index: opts.search_index,
        },
        &mut summary,
        &mut clock,
        &progress,
    )?;
    drop(out);
    progress(Progress::Finished);
    summary.stages = clock.stages;
    summary.seconds = t0.elapsed().as_secs_f64();
    Ok(summary)
}

/// Resolves `facts` into the graph and publishes the set of outputs of `json_path`
/// (the facts file, graph.json, graph.dot and, when wanted, graph.svg) all or
/// nothing. The caller holds the folder's lock.
fn write_outputs(
    (lex, identity): (&Lexicon, &ResolveOptions),
    facts: Vec<ArticleFacts>,
    json_path: &Path,
    extras: Extras,
    summary: &mut BuildSummary,
    clock: &mut Stopwatch,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<()> {
    // Resolution takes the facts and drops each article's once it is in the graph, so
    // the facts and the whole graph are never in memory together; the facts file is
    // written beside it, each article's line before its facts are dropped.
    let facts_file = merge::facts_path(json_path);
    let mut set = AtomicSet::default();
    let mut g = None;
    set.stage(&facts_file, |w| {
        // On a pool thread, so that the loop planning the batches works on them itself
        // rather than waiting on the pool (the graph is added to, and the facts freed,
        // on threads of their own).
        g = Some(rayon::scope(|_| {
            merge::write_facts_into(w, lex, identity, facts)
        })?);
        Ok(())
    })?;
    let mut g = g.expect("staged facts file resolved the graph");
    clock.lap("resolve");
    summary.identity = std::mem::take(&mut g.identity);

    progress(Progress::Step("writing"));
    let doc = into_doc(g);
    tally(&doc, summary);
    stage_graph(&doc, json_path, extras, &mut set, summary)?;
    free_aside(doc);
    set.commit()?;
    summary.outputs.push(facts_file);
    clock.lap("write");
    Ok(())
}

/// The graph file a `zhkg merge` input names: a folder's `graph.json`, or the file.
pub fn graph_file(input: &Path) -> PathBuf {
    if input.is_dir() {
        input.join("graph.json")
    } else {
        input.to_path_buf()
    }
}

/// Which of the optional outputs a build or merge writes.
#[derive(Debug, Clone, Copy, Default)]
pub struct Extras {
    /// Render `graph.svg` with Graphviz when it is installed.
    pub svg: bool,
    /// Give graph.db the trigram index of the sentences.
    pub search_index: bool,
}

/// `zhkg merge`: joins graphs built separately (each with its facts file; a folder
/// stands for its `graph.json`) into `out_dir`, the graph one build over all their
/// inputs, in this order, would give.
///
/// `identity`: as for [`BuildOptions::identity`]; graphs built with different
/// options are refused.
pub fn run_merge(
    lex: &Lexicon,
    identity: Option<ResolveOptions>,
    graphs: &[PathBuf],
    out_dir: &Path,
    extras: Extras,
) -> Result<BuildSummary> {
    let t0 = Instant::now();
    let mut clock = Stopwatch::new();
    let mut summary = BuildSummary::default();
    let out = OutputDir::lock(out_dir)?;
    let mut facts: Vec<ArticleFacts> = Vec::new();
    let mut saved = Vec::new();
    for g in graphs {
        let (more, meta) = merge::load_graph_facts(&graph_file(g))?;
        saved.push((g.as_path(), meta.unplaced_persons));
        summary.previous += more.len();
        let (joined, dups) = merge::join_facts(facts, more);
        facts = joined;
        summary.duplicates += dups;
    }
    summary.sentences = facts.iter().map(|f| f.sentences.len()).sum();
    summary.characters = facts.iter().map(|f| f.characters).sum();
    let identity = settle_identity(identity, &saved)?;
    clock.lap("load");
    let json_path = out.join("graph.json");
    write_outputs(
        (lex, &identity),
        facts,
        &json_path,
        extras,
        &mut summary,
        &mut clock,
        &no_progress,
    )?;
    drop(out);
    summary.stages = clock.stages;
    summary.seconds = t0.elapsed().as_secs_f64();
    Ok(summary)
}

/// The options an update or a merge resolves with: those the graphs were built with
/// (`saved`: each graph and its policy, where it says), which `asked` (the command
/// line's) must not contradict; the default when neither says.
fn settle_identity(
    asked: Option<ResolveOptions>,
    saved: &[(&Path, Option<UnplacedPersons>)],
) -> Result<ResolveOptions> {
    let mut kept: Option<(&Path, UnplacedPersons)> = None;
    for &(path, policy) in saved {
        match (kept, policy) {
            (Some((first, p)), Some(q)) if p != q => {
                return Err(Error::Mismatch(format!(
                    "{} was built with --unplaced-persons {} and {} with {}: rebuild one of them with the other's policy",
                    first.display(),
                    p.as_str(),
                    path.display(),
                    q.as_str()
                )))
            }
            (None, Some(q)) => kept = Some((path, q)),
            _ => {}
        }
    }
    match (asked, kept) {
        (Some(a), Some((path, p))) if a.unplaced_persons != p => Err(Error::Mismatch(format!(
            "{} was built with --unplaced-persons {}, not {}: leave the flag out to keep the graph's policy, or rebuild it with the other",
            path.display(),
            p.as_str(),
            a.unplaced_persons.as_str()
        ))),
        (Some(a), _) => Ok(a),
        (None, Some((_, p))) => Ok(ResolveOptions {
            unplaced_persons: p,
        }),
        (None, None) => Ok(ResolveOptions::default()),
    }
}

/// Frees `x` on a thread of its own, which nothing waits for: a corpus graph is millions
/// of allocations, and freeing them one by one took a fifth of a second at the end of
/// a 50 MB build (the command then exits, and the system takes the memory back at
/// once). If no thread can be started, `x` is freed here.
fn free_aside<T: Send + 'static>(x: T) {
    let _ = std::thread::Builder::new()
        .name("zhkg-free".into())
        .spawn(move || drop(x));
}

/// Stages `json_path`, the DOT beside it and (when wanted, possible and readable)
/// the SVG, noting them in the summary.
fn stage_graph(
    doc: &GraphDoc,
    json_path: &Path,
    Extras { svg, search_index }: Extras,
    set: &mut AtomicSet,
    summary: &mut BuildSummary,
) -> Result<()> {
    let dot_path = json_path.with_extension("dot");
    // The DOT text is made while graph.json is written. graph.json is written from
    // this thread, not from a pool thread: its parts are serialised on the pool
    // (output::write_in_order), and a pool thread busy writing would leave one to do it.
    // Nothing is in place before `commit`, so a Graphviz failure below still leaves the
    // previous outputs as they were.
    // The database is written on a thread of its own beside them: SQLite builds its
    // indexes on one core while the JSON is serialised on the pool.
    let db_path = crate::store::db_path(json_path);
    let (dot, json_set, db_set) = std::thread::scope(|s| {
        let dot = s.spawn(|| to_dot(doc));
        let db = s.spawn(|| {
            let mut set = AtomicSet::default();
            set.stage_by_path(&db_path, |p| {
                // The error names graph.db, not the temporary file it is written as.
                crate::store::write_db(doc, p, search_index).map_err(|e| match e {
                    Error::Store { message, .. } => Error::Store {
                        path: db_path.clone(),
                        message,
                    },
                    other => other,
                })
            })
            .map(|()| set)
        });
        let mut set = AtomicSet::default();
        let json_set = set.stage(json_path, |w| doc.write_json(w)).map(|()| set);
        let dot = dot.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        let db = db.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        (dot, json_set, db)
    });
    let json_set = json_set?;
    // Render first: a Graphviz failure must not leave a new JSON beside an old SVG.
    let svg_bytes = if !svg {
        None
    } else if doc.nodes.len() > SVG_MAX_NODES {
        summary.notices.push(format!(
            "{} nodes are too many for one picture: {} not drawn (draw a part: zhkg export --format svg --around NAME)",
            doc.nodes.len(),
            json_path.with_extension("svg").display()
        ));
        None
    } else {
        let r = render_with_dot(&dot, "svg")?;
        if r.is_none() {
            summary
                .notices
                .push("Graphviz `dot` not found: graph.svg not written (install graphviz)".into());
        }
        r
    };
    set.append(json_set);
    summary.outputs.push(json_path.to_path_buf());
    set.stage(&dot_path, |w| w.write_all(dot.as_bytes()))?;
    summary.outputs.push(dot_path);
    if let Some(bytes) = svg_bytes {
        let p = json_path.with_extension("svg");
        set.stage(&p, |w| w.write_all(&bytes))?;
        summary.outputs.push(p);
    }
    set.append(db_set?);
    summary.outputs.push(db_path);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    /// The files of a folder, hidden ones (temporary files) included, with their bytes.
    fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap())
            .map(|e| {
                let bytes = std::fs::read(e.path()).unwrap();
                (e.file_name().to_string_lossy().into_owned(), bytes)
            })
            .collect()
    }

    /// graph.db is written on a thread of its own beside graph.json: when it fails,
    /// the set of outputs fails with an error naming graph.db, and what the folder
    /// held before stays as it was, with no temporary file left behind.
    #[test]
    fn a_database_that_cannot_be_written_fails_the_set_and_keeps_the_old_outputs() {
        let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs/graph.json");
        let text = std::fs::read_to_string(&sample).unwrap();
        let mut doc = GraphDoc::from_json(&text, &sample).unwrap();
        // Evidence quoting an article the graph does not hold: the database has no
        // sentence to keep it with and refuses it (graph.json does not look).
        let node = doc.nodes.iter_mut().rev().find(|n| !n.evidence.is_empty());
        node.unwrap().evidence[0].article = Arc::from("a_missing_article");

        let dir = tempfile::tempdir().unwrap();
        let json_path = dir.path().join("graph.json");
        for (name, old) in [
            ("graph.json", "old json"),
            ("graph.dot", "old dot"),
            ("graph.db", "old db"),
            ("graph.facts.jsonl", "old facts"),
        ] {
            std::fs::write(dir.path().join(name), old).unwrap();
        }
        let before = snapshot(dir.path());

        // As write_outputs does: the facts file first, then the graph's files.
        let mut set = AtomicSet::default();
        set.stage(&merge::facts_path(&json_path), |w| {
            w.write_all(b"new facts")
        })
        .unwrap();
        let mut summary = BuildSummary::default();
        let err =
            stage_graph(&doc, &json_path, Extras::default(), &mut set, &mut summary).unwrap_err();
        let message = err.to_string();
        assert!(
            message.contains(&*dir.path().join("graph.db").to_string_lossy())
                && message.contains("a_missing_article"),
            "{message}"
        );
        drop(set);
        assert_eq!(snapshot(dir.path()), before);
    }
}
