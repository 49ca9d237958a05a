//! Extraction: sentences and tokens come in, mentions and relations go out.
pub mod mention;

pub use mention::{Mention, MentionKind};
