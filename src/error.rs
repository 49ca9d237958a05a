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
    /// A file's bytes are neither UTF-8 nor GB18030 text.
    #[error("{path}: not text ({reason})")]
    NotText {
        /// The file at fault.
        path: PathBuf,
        /// Why it was rejected.
        reason: String,
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
    /// A query named something that is not in the graph.
    #[error("{0}")]
    NotFound(String),
    /// A query matched several things and needs a choice.
    #[error("{0}")]
    Ambiguous(String),
    /// An external program (such as Graphviz `dot`) is missing or failed.
    #[error("{program}: {message}")]
    Tool {
        /// The program.
        program: String,
        /// What went wrong.
        message: String,
    },
    /// The command line asked for something that cannot be done.
    #[error("{0}")]
    Usage(String),
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
