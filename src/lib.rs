//! zhkg: Chinese news → knowledge graph.
pub mod error;
pub mod export;
pub mod extract;
pub mod graph;
pub mod output;

pub use error::{Error, Result};
