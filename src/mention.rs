//! Mention spans: what the recognisers find in a sentence, before resolution.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The kind of a mention span (`zhkg ner` output and `zhkg eval` scoring).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// A person's name.
    Person,
    /// A post: 书记, 副市长, 党组成员…
    Title,
    /// An organisation or government body.
    Organization,
    /// A place.
    Place,
    /// A market.
    Market,
    /// A meeting, ceremony or activity.
    Event,
    /// A date or time expression.
    Date,
    /// A document title 《…》.
    Document,
    /// A project (…项目).
    Project,
}

impl MentionKind {
    /// Every kind.
    pub const ALL: [MentionKind; 9] = [
        MentionKind::Person,
        MentionKind::Title,
        MentionKind::Organization,
        MentionKind::Place,
        MentionKind::Market,
        MentionKind::Event,
        MentionKind::Date,
        MentionKind::Document,
        MentionKind::Project,
    ];

    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::Person => "person",
            MentionKind::Title => "title",
            MentionKind::Organization => "organization",
            MentionKind::Place => "place",
            MentionKind::Market => "market",
            MentionKind::Event => "event",
            MentionKind::Date => "date",
            MentionKind::Document => "document",
            MentionKind::Project => "project",
        }
    }

    /// Parses the snake_case name.
    pub fn parse(s: &str) -> Option<MentionKind> {
        MentionKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for MentionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A span of a sentence: `start..end` in Unicode characters, end exclusive.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Mention {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// What it is.
    pub kind: MentionKind,
    /// The characters themselves.
    pub text: String,
}
