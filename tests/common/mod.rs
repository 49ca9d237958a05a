//! Shared by the integration tests: build a graph from article texts in memory.

use zhkg::graph::GraphDoc;
use zhkg::{extract::Extractor, ingest, lexicon::Lexicon, pipeline};

/// One extractor for all the tests of a test binary: building one takes a second or two.
pub fn extractor() -> &'static Extractor {
    static EXTRACTOR: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    EXTRACTOR.get_or_init(|| Extractor::new(Lexicon::embedded()))
}

/// Runs the whole pipeline on `(text, file name)` pairs.
pub fn build(texts: &[(&str, &str)]) -> GraphDoc {
    let ex = extractor();
    let mut arts = Vec::new();
    for (text, name) in texts {
        arts.extend(ingest::split_text(text, name, &ex.lex));
    }
    pipeline::build_graph(ex, &arts).0.to_doc()
}
