//! Exports.
pub mod cytoscape;
pub mod dot;
pub mod formats;
pub mod gexf;
pub mod graphml;
pub mod html;
pub mod json;
pub mod neo4j;
pub mod ttl;
pub mod view;
