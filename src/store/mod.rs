//! `graph.db`: the graph in an SQLite database beside graph.json, with the same
//! content (nodes, aliases, titles, sources, merges, articles' sentences, edges,
//! evidence), indexes for the questions `zhkg query` and `zhkg serve` ask, and
//! trigram full-text indexes over sentences and names. A question is answered from
//! it in milliseconds where graph.json has to be read whole.
//!
//! * [`schema`]: the tables, the schema version and the file's marks;
//! * [`write`]: a graph into a new database, deterministically;
//! * [`read`]: opening (refusing foreign and older files) and answering;
//! * `load`: rows back into graph documents; `walk`: shortest paths; `browse`: what
//!   the web app reads, and dumps.

mod browse;
mod load;
pub mod read;
pub mod schema;
mod walk;
pub mod write;

pub use browse::{Facts, LeftOut, SearchPage};
pub use read::Store;
pub use write::write_db;

/// The database written beside `graph.json` (same stem): `graphs/graph.db`.
pub fn db_path(graph_json: &std::path::Path) -> std::path::PathBuf {
    graph_json.with_extension("db")
}
