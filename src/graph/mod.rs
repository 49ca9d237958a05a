//! The knowledge graph: resolved entities and relations come in, a petgraph
//! `StableGraph` with provenance on every node and edge goes out, and from it the
//! saved node-link form ([`GraphDoc`]) that queries and exports read.

pub mod build;
pub mod model;

pub use model::{Edge, Evidence, GraphDoc, GraphMeta, Merge, Node, NodeKind, Relation};
