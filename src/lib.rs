//! zhkg: Chinese news → knowledge graph.
pub mod error;
pub mod eval;
pub mod export;
pub mod extract;
pub mod graph;
pub mod ingest;
pub mod lexicon;
pub mod normalize;
pub mod output;
pub mod segment;

pub use error::{Error, Result};
