//! The statistical mention layer: a sentence comes in; person, place, organisation
//! and post spans go out, labelled character by character by a linear-chain model
//! (BIO tags, first-order Viterbi) over character n-grams, character types and
//! lexicon matches. The model is trained offline by `zhkg train` ([`train`]) on the
//! allowed splits of `../shared/eval/` and embedded from `data/model/ner.bin`;
//! `--model FILE` replaces it at run time.

pub mod features;
pub mod lexmatch;
pub mod model;
pub mod train;

use crate::error::{Error, Result};
use crate::extract::{Mention, MentionKind};
use crate::lexicon::Lexicon;
use features::{Feats, Featurizer};
use model::Model;
use std::fmt;
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// The model trained by `zhkg train` and committed in `data/model/ner.bin`.
pub const EMBEDDED_MODEL: &[u8] = include_bytes!("../../data/model/ner.bin");

/// The embedded model, decoded once per process.
pub fn embedded_model() -> Arc<Model> {
    static M: OnceLock<Arc<Model>> = OnceLock::new();
    M.get_or_init(|| Arc::new(Model::from_bytes(EMBEDDED_MODEL).expect("embedded NER model")))
        .clone()
}

/// Reads a model file written by `zhkg train`.
pub fn load_model(path: &Path) -> Result<Model> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    Model::from_bytes(&bytes).map_err(|e| Error::Usage(format!("{}: {e}", path.display())))
}

/// Where a span really ends: a person of three or more characters does not end
/// in the enumeration particle 等 (许振等出席 → 许振), which a name almost never
/// ends with.
fn trim_end(chars: &[char], s: usize, e: usize, kind: MentionKind) -> usize {
    if kind == MentionKind::Person && e - s >= 3 && chars[e - 1] == '等' {
        e - 1
    } else {
        e
    }
}

/// Features plus weights: tags sentences. Build once; share across threads.
pub struct Tagger {
    feat: Featurizer,
    model: Arc<Model>,
}

impl fmt::Debug for Tagger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Tagger({} features)", self.model.features())
    }
}

impl Tagger {
    /// A tagger with the given lexicons and model.
    pub fn new(lex: &Lexicon, model: Arc<Model>) -> Tagger {
        Tagger {
            feat: Featurizer::new(lex),
            model,
        }
    }

    /// A tagger with the embedded model.
    pub fn embedded(lex: &Lexicon) -> Tagger {
        Tagger::new(lex, embedded_model())
    }

    /// The model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The best label per character of `text`.
    pub fn labels(&self, text: &str) -> Vec<u8> {
        let mut f = Feats::default();
        self.feat.features(text, &mut f);
        self.model.decode(&f)
    }

    /// Person, place, organisation and post spans of `text`.
    pub fn tag(&self, text: &str) -> Vec<Mention> {
        let chars: Vec<char> = text.chars().map(lexmatch::fold).collect();
        let mut f = Feats::default();
        self.feat.features_chars(&chars, &mut f);
        let labels = self.model.decode(&f);
        let raw: Vec<char> = text.chars().collect();
        model::spans(&labels)
            .into_iter()
            .map(|(s, e, kind)| (s, trim_end(&chars, s, e, kind), kind))
            .map(|(s, e, kind)| Mention {
                start: s,
                end: e,
                kind,
                text: raw[s..e].iter().collect(),
            })
            .collect()
    }

    /// Only the spans of one kind.
    pub fn tag_kind(&self, text: &str, kind: MentionKind) -> Vec<Mention> {
        self.tag(text)
            .into_iter()
            .filter(|m| m.kind == kind)
            .collect()
    }
}
