//! Shared by the integration tests: build a graph from article texts in memory.

use zhkg::graph::GraphDoc;
use zhkg::{extract::Extractor, ingest, lexicon::Lexicon, pipeline};

/// Runs the whole pipeline on `(text, file name)` pairs.
pub fn build(texts: &[(&str, &str)]) -> GraphDoc {
    let ex = Extractor::new(Lexicon::embedded());
    let mut arts = Vec::new();
    for (text, name) in texts {
        arts.extend(ingest::split_text(text, name, &ex.lex));
    }
    pipeline::build_graph(&ex, &arts).0.to_doc()
}
