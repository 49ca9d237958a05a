//! zhkg turns Chinese government and local news into a knowledge graph: who holds
//! which post, who chaired or attended which event, which agency issued which
//! document, with every node and edge traceable to the sentence it came from.
//!
//! The pipeline, one module per stage: [`ingest`] → [`normalize`] → [`segment`] →
//! [`extract`] → [`resolve`] → [`graph`] → [`export`] and [`query`];
//! [`pipeline`] runs them all, [`eval`] measures the mention layer.
//!
//! ```
//! use zhkg::{extract::Extractor, ingest, lexicon::Lexicon, pipeline, query::Query};
//!
//! let ex = Extractor::new(Lexicon::embedded());
//! let text = "# 某区召开会议\n\n本报讯 5月8日上午,金水区委书记李明主持召开区委常委会会议。\n";
//! let articles = ingest::split_text(text, "example.md", &ex.lex);
//! let (graph, _facts) = pipeline::build_graph(&ex, &articles);
//! let doc = graph.to_doc();
//! let answer = Query::new(&doc).events("李明").unwrap();
//! assert_eq!(answer.rows[0].relation, "chaired");
//! ```

pub mod byline;
pub mod error;
pub mod eval;
pub mod export;
pub mod extract;
pub mod graph;
pub mod ingest;
pub mod lexicon;
pub mod mention;
pub mod merge;
pub mod ner;
pub mod normalize;
pub mod output;
pub mod pipeline;
pub mod publish;
pub mod query;
pub mod resolve;
pub mod segment;
pub mod terminal;

pub use error::{Error, Result};
pub use extract::Extractor;
pub use graph::GraphDoc;
