//! The `json` export: a [`GraphDoc`] comes in and networkx node-link JSON goes
//! out — exactly the bytes of `graph.json` (`GraphDoc::to_json`), with the edge
//! list under `edges`, the default key of `networkx.node_link_graph` in current
//! networkx (older releases read it with `edges="edges"`, or `link="edges"`
//! before 3.4). Exporting it separately lets a filtered view (`--around`,
//! `--kinds`…) be saved in the form every other zhkg command reads.

use crate::graph::GraphDoc;

/// Renders `doc` as pretty node-link JSON with a trailing newline.
pub fn render(doc: &GraphDoc) -> String {
    doc.to_json()
}
