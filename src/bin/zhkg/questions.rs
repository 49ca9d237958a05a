//! The questions of `zhkg query` and which saved graph answers them.

use clap::builder::NonEmptyStringValueParser;
use clap::Subcommand;
use std::path::{Path, PathBuf};

/// `--graph` of `zhkg query`: the database by default.
#[derive(clap::Args, Clone)]
pub struct QueryGraphArgs {
    /// The graph to read: graph.db (answers in milliseconds), graph.json, or the
    /// folder holding them (its graph.db when there is one).
    #[arg(
        long,
        global = true,
        default_value = DEFAULT_QUERY_GRAPH,
        value_name = "GRAPH"
    )]
    pub graph: PathBuf,
}

#[derive(Subcommand)]
pub enum Question {
    /// Who chaired, attended and spoke at an event.
    Attendees {
        /// The event: its id, name or part of its name.
        #[arg(value_parser = NonEmptyStringValueParser::new())]
        event: String,
    },
    /// The events a person chaired, attended or spoke at.
    Events {
        /// The person: id or name.
        #[arg(value_parser = NonEmptyStringValueParser::new())]
        person: String,
    },
    /// The posts a person holds.
    Positions {
        /// The person: id or name.
        #[arg(value_parser = NonEmptyStringValueParser::new())]
        person: String,
    },
    /// Who holds which post at an organisation.
    Holders {
        /// The organisation: id, name or alias.
        #[arg(value_parser = NonEmptyStringValueParser::new())]
        org: String,
    },
    /// Everything within N steps of a node.
    Neighbors {
        /// The node: id, name or alias.
        #[arg(value_parser = NonEmptyStringValueParser::new())]
        name: String,
        /// Steps to go.
        #[arg(long, default_value_t = 1)]
        depth: usize,
    },
    /// A shortest path between two nodes.
    Path {
        /// One end: id, name or alias.
        #[arg(value_parser = NonEmptyStringValueParser::new())]
        a: String,
        /// The other end.
        #[arg(value_parser = NonEmptyStringValueParser::new())]
        b: String,
    },
    /// The sentences that contain all the words, with their article, date and facts.
    Search {
        /// Words or phrases, each a substring the sentence must hold.
        #[arg(required = true, num_args = 1.., value_parser = NonEmptyStringValueParser::new())]
        words: Vec<String>,
    },
    /// A person's posts and events in date order, with the articles they come from.
    Timeline {
        /// The person: id or name.
        #[arg(value_parser = NonEmptyStringValueParser::new())]
        person: String,
    },
    /// Who took part in the same events as a person, and in how many.
    Coattend {
        /// The person: id or name.
        #[arg(value_parser = NonEmptyStringValueParser::new())]
        person: String,
    },
}

impl Question {
    pub fn into_library(self) -> zhkg::query::Question {
        use zhkg::query::Question as Q;
        match self {
            Question::Attendees { event } => Q::Attendees(event),
            Question::Events { person } => Q::Events(person),
            Question::Positions { person } => Q::Positions(person),
            Question::Holders { org } => Q::Holders(org),
            Question::Neighbors { name, depth } => Q::Neighbors(name, depth),
            Question::Path { a, b } => Q::Path(a, b),
            Question::Search { words } => Q::Search(words),
            Question::Timeline { person } => Q::Timeline(person),
            Question::Coattend { person } => Q::Coattend(person),
        }
    }
}

/// What `zhkg query --graph` reads.
pub enum QuerySource {
    Db(PathBuf),
    Json(PathBuf),
}

/// A `.db` file is the database; a folder, its graph.db when there is one, else
/// its graph.json; the default `graphs/graph.db`, when missing, `graphs/graph.json`
/// (a graph built before graph.db existed).
pub fn query_source(given: &Path) -> QuerySource {
    let is_db = |p: &Path| p.extension().is_some_and(|x| x == "db");
    if given.is_dir() {
        let db = given.join("graph.db");
        if db.exists() {
            return QuerySource::Db(db);
        }
        return QuerySource::Json(given.join("graph.json"));
    }
    if is_db(given) {
        if given == Path::new(DEFAULT_QUERY_GRAPH) && !given.exists() {
            return QuerySource::Json(given.with_extension("json"));
        }
        return QuerySource::Db(given.to_path_buf());
    }
    QuerySource::Json(given.to_path_buf())
}

/// The graph `zhkg query` reads when not told.
pub const DEFAULT_QUERY_GRAPH: &str = "graphs/graph.db";
