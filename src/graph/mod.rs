//! The knowledge graph: resolved entities and relations come in, a petgraph
//! `StableGraph` with provenance on every node and edge goes out, and from it the
//! saved node-link form ([`GraphDoc`]) that queries and exports read.
//!
//! * [`model`]: the domain types (nodes, edges, evidence, the saved graph);
//! * [`json`]: how the saved graph is written to `graph.json` and read back;
//! * [`build`]: the in-memory petgraph graph that resolution fills;
//! * [`walk`]: breadth-first walks with distances and paths, for queries and views.

pub mod build;
pub mod json;
pub mod model;
pub mod walk;

pub use model::{
    Edge, Evidence, GraphDoc, GraphMeta, IdentityReport, Merge, Node, NodeKind, Relation,
    UnplacedPersons,
};
