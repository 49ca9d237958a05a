//! Entity resolution: the facts of every article come in; one graph node per real
//! entity goes out. People merge by name and place ([`identity`]: the same name in two
//! cities is two people); organisations by canonical name and, where one name
//! abbreviates another (市资源规划局惠济分局 for 郑州市自然资源和规划局惠济分局), by an
//! explained abbreviation rule; events are one node per occasion (name, day and
//! place). Every merge, and every join of mentions from different articles, records
//! its reason on the node.

use crate::extract::ArticleFacts;
use crate::graph::build::KnowledgeGraph;
use crate::lexicon::Lexicon;

mod abbreviations;
mod anchor;
mod clusters;
mod colleagues;
mod identity;
mod ids;
mod plan;

use abbreviations::{org_aliases, Aliases};
pub use clusters::UnplacedPersons;
use identity::Identities;
pub use identity::{ResolveOptions, EVENT_DEPTH, PERSON_DEPTH};
pub use ids::{node_id, node_kind};
pub use plan::MAX_EVIDENCE_PER_ARTICLE;
use plan::{apply, plan, Corpus, Plan};

/// Resolves every article's facts into one graph, with the default options.
pub fn resolve(lex: &Lexicon, facts: &[ArticleFacts]) -> KnowledgeGraph {
    resolve_with(lex, &ResolveOptions::default(), facts)
}

/// Resolves every article's facts into one graph.
pub fn resolve_with(
    lex: &Lexicon,
    opts: &ResolveOptions,
    facts: &[ArticleFacts],
) -> KnowledgeGraph {
    let (g, aliases, ids) = begin(lex, opts, facts);
    let corpus = Corpus {
        aliases: &aliases,
        identities: &ids,
    };
    let mut g = resolve_each(g, &corpus, facts.iter(), None);
    ids.record(&mut g);
    g
}

/// Like [`resolve`], taking the facts and dropping each article's as soon as it is in
/// the graph, so that the facts and the whole graph are not in memory together; also
/// writes a line per article to `out`, in article order, made by `line` (the facts
/// file's, see [`crate::merge::write_facts_into`]). The first lines are written
/// while the corpus's identity is decided, which leaves a core idle most of the time
/// (the decision is mostly one pass on one thread); the rest are made on the thread
/// pool while the articles before go into the graph, which only one thread can do:
/// the facts file costs the build next to nothing.
pub fn resolve_owned_writing(
    lex: &Lexicon,
    opts: &ResolveOptions,
    facts: Vec<ArticleFacts>,
    out: &mut (dyn std::io::Write + Send),
    line: &(dyn Fn(&ArticleFacts, &mut Vec<u8>) + Sync),
) -> std::io::Result<KnowledgeGraph> {
    let mut sink = Sink {
        out,
        line,
        failed: None,
        written: 0,
    };
    let decided = std::sync::atomic::AtomicBool::new(false);
    let (g, aliases, ids) = std::thread::scope(|s| {
        let early = s.spawn(|| {
            let mut buf = Vec::new();
            for f in &facts {
                if decided.load(std::sync::atomic::Ordering::Relaxed) {
                    break;
                }
                buf.clear();
                line(f, &mut buf);
                sink.write(std::iter::once(&buf));
                sink.written += 1;
            }
        });
        let begun = begin(lex, opts, &facts);
        decided.store(true, std::sync::atomic::Ordering::Relaxed);
        early
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        begun
    });
    let corpus = Corpus {
        aliases: &aliases,
        identities: &ids,
    };
    let mut g = resolve_each(g, &corpus, facts.into_iter(), Some(&mut sink));
    ids.record(&mut g);
    match sink.failed {
        Some(e) => Err(e),
        None => Ok(g),
    }
}

/// Where [`resolve_owned_writing`] writes its lines; the first error stops the writing.
struct Sink<'a> {
    out: &'a mut (dyn std::io::Write + Send),
    line: &'a (dyn Fn(&ArticleFacts, &mut Vec<u8>) + Sync),
    failed: Option<std::io::Error>,
    /// The articles (the first ones) whose lines are written already.
    written: usize,
}

impl Sink<'_> {
    fn write<'l>(&mut self, lines: impl Iterator<Item = &'l Vec<u8>>) {
        if self.failed.is_some() {
            return;
        }
        for l in lines {
            if let Err(e) = self.out.write_all(l) {
                self.failed = Some(e);
                return;
            }
        }
    }
}

fn begin<'l>(
    lex: &'l Lexicon,
    opts: &ResolveOptions,
    facts: &[ArticleFacts],
) -> (KnowledgeGraph, Aliases, Identities<'l>) {
    let mut g = KnowledgeGraph::new();
    let (aliases, ids) = rayon::join(
        || org_aliases(lex, facts),
        || Identities::decide(lex, opts, facts),
    );
    g.meta.articles = facts.len();
    g.meta.unplaced_persons = Some(opts.unplaced_persons);
    g.meta.sentences = facts.iter().map(|f| f.sentences.len()).sum();
    g.meta.characters = facts.iter().map(|f| f.characters).sum();
    // Every edge comes from a fact, so this is enough.
    g.reserve_edges(facts.iter().map(|f| f.facts.len()).sum());
    // Most nodes are persons and events, at most one an article each; the rest
    // (organisations and places) mostly recur.
    g.reserve_nodes(facts.len() + ids.sightings());
    (g, aliases, ids)
}

/// Articles planned at a time, handed together to the thread that adds them: this
/// many, or fewer when they hold [`BATCH_FACTS`] mentions and facts (a few very long
/// articles would otherwise make two batches, and the adding thread would wait for
/// the whole of the first).
const BATCH: usize = 64;

/// Mentions and facts in a batch, about: see [`BATCH`].
const BATCH_FACTS: usize = 20_000;

/// Adds the articles to `g` in order, each one's line also written to `sink` when
/// there is one.
fn resolve_each<F: std::borrow::Borrow<ArticleFacts> + Send + Sync>(
    g: KnowledgeGraph,
    corpus: &Corpus,
    mut facts: impl Iterator<Item = F>,
    mut sink: Option<&mut Sink>,
) -> KnowledgeGraph {
    // Only one thread can add to the graph, but what an article adds (node ids, names,
    // edges with their evidence) does not depend on the graph: batches of articles are
    // planned (and their facts-file lines made) on the thread pool and handed, in
    // article order, to a thread of its own that adds them: a queue rather than
    // lock-step batches, which waited for the slower of each pair. The adding thread
    // bounds the stage, so what can be done elsewhere is (joining an article's edges
    // in its plan, writing the lines, freeing the facts). It is not a pool thread, so
    // that a pool of one thread still plans while it waits.
    let mut g = std::thread::scope(|s| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<(F, Plan)>>(2);
        // Each batch's facts are freed once they are in the graph, on a thread of
        // their own: freeing them took the adding thread, which bounds this stage, a
        // tenth of its time.
        let (done, dead) = std::sync::mpsc::channel::<Vec<F>>();
        s.spawn(move || dead.into_iter().for_each(drop));
        let adder = s.spawn(move || {
            let mut g = g;
            for batch in rx {
                let mut added = Vec::with_capacity(batch.len());
                for (f, plan) in batch {
                    apply(&mut g, f.borrow(), plan);
                    added.push(f);
                }
                let _ = done.send(added);
            }
            g
        });
        // The lines go to the file from a thread of their own too: written here, they
        // kept the next batch from being planned while the kernel copied them.
        let line = sink.as_deref().map(|s| s.line);
        let written = sink.as_deref().map_or(0, |s| s.written);
        let (ltx, lrx) = std::sync::mpsc::sync_channel::<Vec<Option<Vec<u8>>>>(2);
        let writer = sink.take().map(|sink| {
            s.spawn(move || {
                for lines in lrx {
                    sink.write(lines.iter().flatten());
                }
            })
        });
        // The position in the corpus of the batch's first article.
        let mut first = 0;
        loop {
            let mut batch: Vec<F> = Vec::with_capacity(BATCH);
            let mut size = 0;
            while batch.len() < BATCH && size < BATCH_FACTS {
                let Some(f) = facts.next() else { break };
                let a: &ArticleFacts = f.borrow();
                size += a.ents.len() + a.facts.len();
                batch.push(f);
            }
            if batch.is_empty() {
                break;
            }
            use rayon::prelude::*;
            let (plans, lines): (Vec<Plan>, Vec<Option<Vec<u8>>>) = batch
                .par_iter()
                .enumerate()
                .map(|(i, f)| {
                    let buf = line.filter(|_| first + i >= written).map(|line| {
                        let mut buf = Vec::new();
                        line(f.borrow(), &mut buf);
                        buf
                    });
                    (plan(f.borrow(), first + i, corpus), buf)
                })
                .unzip();
            first += batch.len();
            if writer.is_some() {
                // The writer only stops early by panicking, which its join re-raises.
                let _ = ltx.send(lines);
            }
            // The adder only stops early by panicking, which the join below re-raises.
            if tx.send(batch.into_iter().zip(plans).collect()).is_err() {
                break;
            }
        }
        drop((tx, ltx));
        if let Some(w) = writer {
            w.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        }
        adder
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e))
    });
    // Names go from the canonical name; the article's own wording stays an alias.
    for n in g.graph.node_weights_mut() {
        let crate::graph::Node { name, aliases, .. } = n;
        aliases.retain(|a| a != name);
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_twice_joins_its_edges_to_the_first_copy() {
        // A new article's edges skip the look-up for an edge to join; the same
        // article again must still find them.
        let ex = crate::extract::test_extractor();
        let text = "# 某区召开会议\n\n本报讯 5月8日上午,金水区委书记李明主持召开区委常委会会议。李明强调,要抓好落实。\n\n记者 张三\n";
        let arts = crate::ingest::split_text(text, "x.md", &ex.lex);
        let f = ex.analyze(&arts[0]);
        let once = resolve(&ex.lex, std::slice::from_ref(&f)).to_doc();
        let twice = resolve(&ex.lex, &[f.clone(), f]).to_doc();
        assert!(once.edges.len() > 3, "{:?}", once.edges);
        assert_eq!(once.nodes, twice.nodes);
        assert_eq!(once.edges, twice.edges);
    }
}
