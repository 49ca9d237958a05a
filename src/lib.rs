//! zhkg turns Chinese government and local news into a knowledge graph: who holds
//! which post, who chaired or attended which event, which agency issued which
//! document, with every node and edge traceable to the sentence it came from.
//!
//! The library's entry points:
//! - [`Extractor`]: the lexicons, the segmenter and the sequence labeller, built once;
//!   [`Extractor::extract_text`] reads one article's text into its [`ArticleFacts`]
//!   (sentences, mentions with their canonical names, facts, each pinned to a span),
//!   [`Extractor::ner`] runs the mention layer alone.
//! - [`build_graph`]: articles' texts to a [`GraphDoc`] (one node per entity, every
//!   join explained); [`pipeline`] builds from files and folders as `zhkg build` does,
//!   with incremental updates and merges.
//! - [`query`] asks a graph who attended what, who holds which post; [`store`] writes
//!   the graph into an SQLite database (`graph.db`) and answers the same questions
//!   from it without reading the whole graph; [`export`] writes
//!   it for Graphviz, networkx, Gephi, Cytoscape, Neo4j and RDF stores.
//! - [`eval`] (feature `tools`, on by default) scores the extractor on annotated text.
//!
//! ```
//! use zhkg::{build_graph, query::Query, Extractor, Lexicon};
//!
//! let ex = Extractor::new(Lexicon::embedded());
//! let facts = ex.extract_text("本报讯 5月8日上午,金水区委书记李明主持召开区委常委会会议。");
//! assert!(facts.ents.iter().any(|m| m.text == "李明"));
//!
//! let doc = build_graph(&ex, &["本报讯 5月8日上午,金水区委书记李明主持召开区委常委会会议。"]);
//! let answer = Query::new(&doc).events("李明").unwrap();
//! assert_eq!(answer.rows[0].relation, "chaired");
//! ```
//!
//! The pipeline, one module per stage: ingest → normalize → segment → extract →
//! resolve → graph → export and query.

// The stages' own modules are public for the command-line tool and the tests, and
// hidden from the documentation: they are no API and may change without notice.
#[doc(hidden)]
pub mod byline;
mod error;
#[cfg(feature = "tools")]
pub mod eval;
pub mod export;
#[doc(hidden)]
pub mod extract;
pub mod graph;
pub mod ingest;
#[doc(hidden)]
pub mod lexicon;
#[doc(hidden)]
pub mod mention;
#[doc(hidden)]
pub mod merge;
#[doc(hidden)]
pub mod ner;
#[doc(hidden)]
pub mod normalize;
#[doc(hidden)]
pub mod output;
pub mod pipeline;
#[doc(hidden)]
pub mod publish;
pub mod query;
#[doc(hidden)]
pub mod resolve;
#[doc(hidden)]
pub mod segment;
#[cfg(feature = "tools")]
pub mod serve;
pub mod store;
#[doc(hidden)]
pub mod terminal;

pub use error::{Error, Result};
pub use extract::{ArticleFacts, End, EntityMention, Extractor, Fact, Jurisdiction};
pub use graph::GraphDoc;
pub use lexicon::{Lexicon, Place, PlaceLevel};
pub use mention::{Mention, MentionKind};
pub use ner::{decode_embedded_model, load_model, Model};
pub use publish::OutputDir;
pub use terminal::escape as escape_for_terminal;

/// Builds the graph of article texts (each text one article; a first line standing
/// alone is its headline), as `zhkg build` builds files.
pub fn build_graph(ex: &Extractor, texts: &[&str]) -> GraphDoc {
    let articles: Vec<ingest::Article> = texts
        .iter()
        .enumerate()
        .flat_map(|(i, t)| ingest::split_text(t, &format!("text#{}", i + 1), &ex.lex))
        .collect();
    pipeline::into_doc(pipeline::build_graph(ex, &articles).0)
}
