//! The statistical mention layer: a sentence comes in; person, place, organisation
//! and post spans go out, labelled character by character by a linear-chain model
//! (BIOES tags, first-order Viterbi) over character n-grams, character types and
//! lexicon matches, then mended by a few rules on names (run-together names cut,
//! name lists decoded again as names only, a surname left out taken in). The model
//! is trained offline by `zhkg train` ([`train`]) on the allowed splits of
//! `../shared/eval/` and the extra corpora, and embedded from `data/model/ner.bin`;
//! `--model FILE` replaces it at run time.
//!
//! Where things are:
//!
//! - `tagger`: [`Tagger`], what the rest of zhkg calls; `names`: the rules on
//!   person spans that run after decoding.
//! - [`features`] and [`lexmatch`]: the feature keys of a sentence, lexicon
//!   matches among them.
//! - [`model`] (with `weights`, its look-up tables), [`viterbi`] and [`label`]:
//!   emission scores, decoding and the labels; `format`: the model file.
//! - [`train`]: the training corpus and the perceptron.

pub mod features;
mod format;
pub mod label;
pub mod lexmatch;
pub mod model;
mod names;
mod tagger;
#[cfg(feature = "tools")]
pub mod train;
pub mod viterbi;
mod weights;

pub use model::Model;
pub use tagger::Tagger;

use crate::error::{Error, Result};
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// The model trained by `zhkg train` and committed in `data/model/ner.bin`.
pub const EMBEDDED_MODEL: &[u8] = include_bytes!("../../data/model/ner.bin");

/// The embedded model, decoded once per process.
pub fn embedded_model() -> Arc<Model> {
    static M: OnceLock<Arc<Model>> = OnceLock::new();
    M.get_or_init(|| Arc::new(decode_embedded_model())).clone()
}

/// The embedded model, decoded anew (and freed with its last user, unlike
/// [`embedded_model`]'s).
pub fn decode_embedded_model() -> Model {
    Model::from_bytes(EMBEDDED_MODEL).expect("embedded NER model")
}

/// Reads a model file written by `zhkg train`.
pub fn load_model(path: &Path) -> Result<Model> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    Model::from_bytes(&bytes).map_err(|e| Error::BadModel(format!("{}: {e}", path.display())))
}
