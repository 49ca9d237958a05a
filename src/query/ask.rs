//! Every question `zhkg query` and `zhkg serve` answer, as one value, so that the
//! graph.json path ([`Query::ask`]) and the graph.db path (`store::Store::ask`) are
//! handed the same thing and can be checked to answer alike.

use super::more::SearchAnswer;
use super::{Answer, Query};
use crate::error::Result;
use serde::Serialize;

/// A question about a saved graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// Who chaired, attended, spoke at and held an event.
    Attendees(String),
    /// The events a person or organisation took part in.
    Events(String),
    /// The posts a person holds.
    Positions(String),
    /// Who holds posts at an organisation or place.
    Holders(String),
    /// Every edge of the nodes fewer than `depth` steps from a node.
    Neighbors(String, usize),
    /// A shortest path between two nodes.
    Path(String, String),
    /// The sentences containing all the words.
    Search(Vec<String>),
    /// A person's posts and events in date order.
    Timeline(String),
    /// Who attended the same events as a person.
    Coattend(String),
}

/// The answer to a [`Question`].
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Reply {
    /// Rows about one node.
    Answer(Box<Answer>),
    /// Sentences.
    Search(SearchAnswer),
}

impl std::fmt::Display for Reply {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reply::Answer(a) => a.fmt(f),
            Reply::Search(s) => s.fmt(f),
        }
    }
}

impl Query {
    /// Answers `q`.
    pub fn ask(&self, q: &Question) -> Result<Reply> {
        Ok(match q {
            Question::Attendees(n) => Reply::Answer(Box::new(self.attendees(n)?)),
            Question::Events(n) => Reply::Answer(Box::new(self.events(n)?)),
            Question::Positions(n) => Reply::Answer(Box::new(self.positions(n)?)),
            Question::Holders(n) => Reply::Answer(Box::new(self.holders(n)?)),
            Question::Neighbors(n, depth) => Reply::Answer(Box::new(self.neighbors(n, *depth)?)),
            Question::Path(a, b) => Reply::Answer(Box::new(self.path(a, b)?)),
            Question::Search(words) => Reply::Search(self.search(words)),
            Question::Timeline(n) => Reply::Answer(Box::new(self.timeline(n)?)),
            Question::Coattend(n) => Reply::Answer(Box::new(self.coattend(n)?)),
        })
    }
}
