//! The library's one error type. Every variant names the file, line or entry at
//! fault so that a user can find what to fix without a debugger.

use std::path::PathBuf;

/// Everything that can go wrong in zhkg's library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file at fault.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// A file's bytes are neither UTF-8, GB18030 nor Big5 text.
    #[error("{path}: not text ({reason})")]
    NotText {
        /// The file at fault.
        path: PathBuf,
        /// Why it was rejected.
        reason: String,
    },
    /// An input file is larger than the limit.
    #[error("{path}: {message}")]
    TooLarge {
        /// The file at fault.
        path: PathBuf,
        /// Its size and the limit.
        message: String,
    },
    /// A line of an input or data file could not be parsed.
    #[error("{path}:{line}: {message}")]
    Parse {
        /// The file at fault.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A saved graph could not be read back.
    #[error("{path}: not a zhkg graph: {source}")]
    Graph {
        /// The graph file at fault.
        path: PathBuf,
        /// The JSON error.
        #[source]
        source: serde_json::Error,
    },
    /// A graph database (`graph.db`) could not be written or read, or is not one this
    /// zhkg reads.
    #[error("{path}: {message}")]
    Store {
        /// The database file.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// A NER model file is not one this zhkg can read.
    #[error("NER model: {0}")]
    BadModel(String),
    /// No saved graph where one was expected.
    #[error("{}: no graph there; build one first (zhkg build FILES… -o FOLDER), or give --graph", .0.display())]
    NoGraph(PathBuf),
    /// A query named something that is not in the graph.
    #[error("{0}")]
    NotFound(String),
    /// A query matched several things and needs a choice.
    #[error("{0}")]
    Ambiguous(String),
    /// A name in a query matched several nodes: each with what tells it apart.
    #[error("{0}")]
    AmbiguousName(Box<Ambiguity>),
    /// An external program (such as Graphviz `dot`) is missing or failed.
    #[error("{program}: {message}")]
    Tool {
        /// The program.
        program: String,
        /// What went wrong.
        message: String,
    },
    /// An input named on the command line does not exist or cannot be opened.
    #[error("{path}: {}", input_reason(.error))]
    Input {
        /// The input as given.
        path: PathBuf,
        /// What the operating system said (told in the message, not as a cause).
        error: std::io::Error,
    },
    /// No article could be read from any input, so nothing was written.
    #[error("{}", nothing_read(.skipped, *.not_read))]
    NothingRead {
        /// Inputs skipped, with the reason.
        skipped: Vec<(String, String)>,
        /// Files found but not of a kind zhkg reads.
        not_read: usize,
    },
    /// A graph breaks a rule every export relies on (unique ids, edges between nodes).
    #[error("{0}")]
    InvalidGraph(String),
    /// Files that must belong together (a graph and its facts file) do not.
    #[error("{0}")]
    Mismatch(String),
    /// Another zhkg run holds the output folder.
    #[error("{0}")]
    Busy(String),
    /// An output that cannot take what is to be written there: a file where a folder
    /// must go or the other way round, files of one set in different folders, binary
    /// or several files to standard output.
    #[error("{0}")]
    InvalidOutput(String),
    /// A format named that zhkg does not know, or one it cannot tell from a file name.
    #[error("{0}")]
    UnknownFormat(String),
    /// A file or folder the command needs is not there (a `--lexicon` folder, the
    /// facts file beside a graph).
    #[error("{0}")]
    MissingFile(String),
    /// A run was killed while putting its outputs in place, and this one may not
    /// finish the job (no write access to the folder).
    #[error("{0}")]
    UnfinishedPublish(String),
}

fn input_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => {
            "no such file or folder (give the files or folders to read: zhkg build PATH…)".into()
        }
        _ => e.to_string(),
    }
}

fn nothing_read(skipped: &[(String, String)], not_read: usize) -> String {
    let mut s = String::from("no article could be read from the inputs; nothing was written");
    if skipped.is_empty() && not_read == 0 {
        s.push_str(" (they hold no .txt, .md or .jsonl files)");
    }
    for (path, why) in skipped.iter().take(20) {
        let (path, why) = (crate::terminal::escape(path), crate::terminal::escape(why));
        s.push_str(&format!("\n  skipped {path}: {why}"));
    }
    if skipped.len() > 20 {
        s.push_str(&format!("\n  … and {} more skipped", skipped.len() - 20));
    }
    if not_read > 0 {
        s.push_str(&format!(
            "\n  {not_read} files not read (only .txt, .md and .jsonl are; -v lists them)"
        ));
    }
    s
}

/// Short for `std::result::Result<T, zhkg::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Wraps an I/O error with the path it happened on.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// The nodes a name in a query matched, for the user to choose one by its id.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Ambiguity {
    /// The name as asked.
    pub name: String,
    /// The kinds of node looked for, in words (`person`, `event or organization`).
    pub kinds: String,
    /// The nodes it matched, sorted by name and id.
    pub candidates: Vec<Candidate>,
}

/// One node an ambiguous name matched, with what tells it apart from the others.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Candidate {
    /// Its name (with the date, for an event).
    pub name: String,
    /// Its id, which selects exactly this node.
    pub id: String,
    /// Its posts (`惠济区委书记`), for a person.
    pub posts: Vec<String>,
    /// The places it is linked to: its own, its organisations' or its events'.
    pub places: Vec<String>,
    /// The dates of the first and last article it is found in, when they have dates.
    pub first_seen: Option<String>,
    /// See `first_seen`.
    pub last_seen: Option<String>,
    /// How many articles it is found in.
    pub articles: usize,
}

impl std::fmt::Display for Ambiguity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} matches {} {}s; name one of them by its id:",
            self.name,
            self.candidates.len(),
            self.kinds
        )?;
        for c in &self.candidates {
            write!(f, "\n  {} ({})", c.name, c.id)?;
            let mut told: Vec<String> = Vec::new();
            if !c.posts.is_empty() {
                told.push(c.posts.join(", "));
            }
            if !c.places.is_empty() {
                told.push(c.places.join(", "));
            }
            match (&c.first_seen, &c.last_seen) {
                (Some(a), Some(b)) if a != b => told.push(format!("seen {a} to {b}")),
                (Some(a), _) => told.push(format!("seen {a}")),
                _ => {}
            }
            told.push(format!(
                "{} article{}",
                c.articles,
                if c.articles == 1 { "" } else { "s" }
            ));
            write!(f, ": {}", told.join("; "))?;
        }
        Ok(())
    }
}
