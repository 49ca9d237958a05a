//! Ingest: paths on the command line come in (files, folders searched recursively,
//! or `-` for standard input); articles go out, each with its headline, raw body,
//! bylines and metadata, plus a list of the inputs that were skipped and why.
//! Files may be UTF-8 (with or without BOM) or GB18030/GBK; `.txt` and `.md` are
//! split into articles at `#`/`##` headings, `.jsonl` holds one article a line.
//! Text in traditional script is read as simplified (see `script`).

use crate::error::{Error, Result};
use crate::lexicon::Lexicon;
use sha2::{Digest, Sha256};

mod decode;
mod listing;
mod script;
mod split;

pub use crate::byline::{Byline, BylineRole};
pub use decode::decode;
use listing::extension;
pub use listing::{list_files, list_files_excluding, Listing, MAX_DEPTH};
pub use script::{looks_traditional, to_simplified};
use split::split_jsonl_lines;
pub use split::{
    normalize_date, split_oversized, split_text, MAX_ARTICLE_CHARS, MAX_HEADLINE_CHARS,
};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One article as read from its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Stable ASCII id derived from the article's text (`a` + 12 hex digits).
    pub id: String,
    /// Where it was read from (`path` or `path#n` for the n-th article of a file).
    pub source: String,
    /// The headline, when the source gives one.
    pub headline: Option<String>,
    /// The body with bylines removed, as written (not normalised).
    pub body: String,
    /// Reporters and correspondents.
    pub bylines: Vec<Byline>,
    /// Date from metadata (`YYYY-MM-DD` or `MM-DD`), when given.
    pub date: Option<String>,
    /// Other metadata fields (JSONL extra fields, front matter).
    pub attrs: BTreeMap<String, String>,
}

/// An input that was not turned into articles, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The path as given or found.
    pub path: String,
    /// The reason, in words.
    pub reason: String,
}

/// Everything read from the inputs.
#[derive(Debug, Default)]
pub struct Ingested {
    /// Articles in input order (files sorted by path within a folder).
    pub articles: Vec<Article>,
    /// Inputs that were skipped.
    pub skipped: Vec<Skipped>,
    /// Files found in folders but not read, for their extension (`x.html`).
    pub not_read: Vec<String>,
}

/// The default of [`ReadOptions::max_file_bytes`]: far above any news file, far below
/// what would exhaust memory.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 256 << 20;

/// How standard input is read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum StdinFormat {
    /// JSONL when the first line is a JSON object with a `text` field, else text.
    #[default]
    Auto,
    /// Plain text or markdown.
    Text,
    /// One JSON article a line.
    Jsonl,
}

/// How inputs are read.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Folders not to enter (the build's own output folder).
    pub exclude: Vec<PathBuf>,
    /// How `-` is read.
    pub stdin_format: StdinFormat,
    /// Larger files are skipped with a message.
    pub max_file_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            exclude: Vec::new(),
            stdin_format: StdinFormat::Auto,
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
        }
    }
}

/// Reads every input; never fails as a whole: what cannot be read is listed in `skipped`.
pub fn read_inputs(inputs: &[PathBuf], lex: &Lexicon) -> Ingested {
    read_inputs_with(inputs, lex, &ReadOptions::default(), &|_| {})
}

/// [`read_inputs`] with options, calling `progress` with the number of files found
/// (once, as `Listed`) and after each file is read (`Read`), for a progress bar.
pub fn read_inputs_with(
    inputs: &[PathBuf],
    lex: &Lexicon,
    opts: &ReadOptions,
    progress: &(dyn Fn(ReadEvent) + Sync),
) -> Ingested {
    // List everything first (cheap), then read in parallel: decoding and splitting
    // thousands of files is real work, and reading order must not change the result,
    // so the pieces are put back together in listing order.
    enum Item {
        Stdin,
        Files(Listing),
    }
    let exclude: Vec<PathBuf> = opts
        .exclude
        .iter()
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    let items: Vec<Item> = inputs
        .iter()
        .map(|input| {
            if input.as_os_str() == "-" {
                Item::Stdin
            } else {
                Item::Files(list_files_excluding(input, &exclude))
            }
        })
        .collect();
    let total = items
        .iter()
        .map(|i| match i {
            Item::Files(l) => l.files.len(),
            Item::Stdin => 1,
        })
        .sum();
    progress(ReadEvent::Listed(total));
    let mut out = Ingested::default();
    for item in items {
        match item {
            Item::Stdin => {
                read_stdin(lex, opts.stdin_format, &mut out);
                progress(ReadEvent::Read(1));
            }
            Item::Files(listing) => {
                out.skipped.extend(listing.skipped);
                out.not_read.extend(listing.not_read);
                let part = read_files_with(&listing.files, lex, opts.max_file_bytes, progress);
                out.articles.extend(part.articles);
                out.skipped.extend(part.skipped);
            }
        }
    }
    out
}

/// What [`read_inputs_with`] reports as it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadEvent {
    /// The inputs name this many files (standard input counts as one).
    Listed(usize),
    /// This many more files have been read.
    Read(usize),
}

fn read_stdin(lex: &Lexicon, format: StdinFormat, out: &mut Ingested) {
    let mut bytes = Vec::new();
    let path = Path::new("<stdin>");
    if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
        out.skipped.push(Skipped {
            path: "<stdin>".into(),
            reason: e.to_string(),
        });
        return;
    }
    let text = match decode(&bytes, path) {
        Ok(t) => t,
        Err(e) => return out.skipped.push(skip("<stdin>", &e)),
    };
    let jsonl = match format {
        StdinFormat::Jsonl => true,
        StdinFormat::Text => false,
        StdinFormat::Auto => looks_like_jsonl(&text),
    };
    if jsonl {
        let (articles, bad) = split_jsonl_lines(&text, path, lex);
        out.articles
            .extend(articles.into_iter().flat_map(split_oversized));
        out.skipped.extend(bad.iter().map(|e| skip("<stdin>", e)));
    } else {
        out.articles.extend(
            split_text(&text, "<stdin>", lex)
                .into_iter()
                .flat_map(split_oversized),
        );
    }
}

/// Whether text is JSONL articles: its first non-empty line is a JSON object with a
/// string `text`.
pub fn looks_like_jsonl(text: &str) -> bool {
    let Some(first) = text.lines().find(|l| !l.trim().is_empty()) else {
        return false;
    };
    first.trim_start().starts_with('{')
        && serde_json::from_str::<serde_json::Value>(first)
            .ok()
            .and_then(|v| v.get("text").map(|t| t.is_string()))
            .unwrap_or(false)
}

/// Reads listed files in parallel; the result is in the order of `files`. A file that
/// has gone or cannot be read since it was listed is skipped with the reason.
pub fn read_files(files: &[PathBuf], lex: &Lexicon) -> Ingested {
    read_files_with(files, lex, DEFAULT_MAX_FILE_BYTES, &|_| {})
}

fn read_files_with(
    files: &[PathBuf],
    lex: &Lexicon,
    max_bytes: u64,
    progress: &(dyn Fn(ReadEvent) + Sync),
) -> Ingested {
    use rayon::prelude::*;
    let results: Vec<_> = files
        .par_iter()
        .map(|file| {
            let r = read_file_lenient(file, lex, max_bytes);
            progress(ReadEvent::Read(1));
            r
        })
        .collect();
    let mut out = Ingested::default();
    for (file, r) in files.iter().zip(results) {
        let name = file.display().to_string();
        match r {
            Ok((arts, bad)) => {
                out.articles.extend(arts);
                out.skipped.extend(bad.iter().map(|e| skip(&name, e)));
            }
            Err(e) => out.skipped.push(skip(&name, &e)),
        }
    }
    out
}

fn skip(path: &str, e: &Error) -> Skipped {
    // `path:line: message` keeps the line number in the path column.
    if let Error::Parse { line, message, .. } = e {
        return Skipped {
            path: format!("{path}:{line}"),
            reason: message.clone(),
        };
    }
    let reason = match e {
        Error::Io { source, .. } => source.to_string(),
        Error::NotText { reason, .. } => format!("not text ({reason})"),
        other => other.to_string(),
    };
    // The error may name the path; keep only the reason.
    let reason = reason
        .strip_prefix(&format!("{path}: "))
        .unwrap_or(&reason)
        .to_string();
    Skipped {
        path: path.to_string(),
        reason,
    }
}

/// Reads and splits one file. A file with no article text in it (empty, or only
/// white space) is an error, so that the summary accounts for it.
pub fn read_file(path: &Path, lex: &Lexicon) -> Result<Vec<Article>> {
    let (articles, bad) = read_file_lenient(path, lex, DEFAULT_MAX_FILE_BYTES)?;
    match bad.into_iter().next() {
        Some(e) => Err(e),
        None => Ok(articles),
    }
}

/// Reads and splits one file; in a `.jsonl` file a bad line is returned as an error
/// beside the articles of the good ones rather than losing the whole file.
fn read_file_lenient(
    path: &Path,
    lex: &Lexicon,
    max_bytes: u64,
) -> Result<(Vec<Article>, Vec<Error>)> {
    // Into a buffer each thread keeps from file to file, decoded in place: fresh memory
    // for every file, and a copy of it, would cost the kernel as much as reading does
    // (fresh pages are zeroed and mapped). Only the articles' own text is new memory.
    thread_local! {
        static BUF: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUF.with(|buf| {
        let mut buf = buf.borrow_mut();
        buf.clear();
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        let meta = file.metadata().map_err(|e| Error::io(path, e))?;
        if !meta.is_file() {
            return Err(Error::NotText {
                path: path.to_path_buf(),
                reason: "not a regular file".into(),
            });
        }
        // `take`: the file may grow after its size was read.
        let read = file.take(max_bytes.saturating_add(1)).read_to_end(&mut buf);
        read.map_err(|e| Error::io(path, e))?;
        if meta.len() > max_bytes || buf.len() as u64 > max_bytes {
            let mb = |b: u64| b.div_ceil(1 << 20);
            return Err(Error::TooLarge {
                path: path.to_path_buf(),
                message: format!(
                    "{} MB, more than the limit of {} MB (raise it with --max-file-size)",
                    mb(meta.len().max(buf.len() as u64)),
                    mb(max_bytes)
                ),
            });
        }
        let got = read_bytes(&buf, path, lex);
        // A buffer grown for one very large file is not kept for the next.
        if buf.capacity() > KEEP_BUFFER {
            *buf = Vec::new();
        }
        got
    })
}

/// Largest read buffer a thread keeps between files.
const KEEP_BUFFER: usize = 16 << 20;

/// What [`read_file`] does once the bytes are read: decode, split into articles
/// (by `path`'s extension), cut oversized ones. Returns the articles and, for a
/// `.jsonl` file, an error for each bad line; an error for the whole when the bytes
/// are not text or hold no article.
pub fn read_bytes(bytes: &[u8], path: &Path, lex: &Lexicon) -> Result<(Vec<Article>, Vec<Error>)> {
    let text = decode(bytes, path)?;
    let source = path.display().to_string();
    let (articles, bad) = if extension(path).eq_ignore_ascii_case("jsonl") {
        split_jsonl_lines(&text, path, lex)
    } else {
        (split_text(&text, &source, lex), Vec::new())
    };
    let articles: Vec<Article> = articles.into_iter().flat_map(split_oversized).collect();
    if articles.is_empty() && bad.is_empty() {
        return Err(Error::NotText {
            path: path.to_path_buf(),
            reason: "empty: no article text".into(),
        });
    }
    Ok((articles, bad))
}

/// A stable ASCII id for an article from its text.
pub fn article_id(headline: Option<&str>, body: &str) -> String {
    let mut h = Sha256::new();
    h.update(headline.unwrap_or("").as_bytes());
    h.update([0u8]);
    // Ids depend on content only, so white-space layout differences do not matter:
    // the text between white space is hashed piece by piece (the bytes of the text
    // without its white space, without copying it).
    for piece in body.split(char::is_whitespace) {
        h.update(piece.as_bytes());
    }
    let d = h.finalize();
    let hex: String = d.iter().take(6).map(|b| format!("{b:02x}")).collect();
    format!("a{hex}")
}

/// The source list `also_in` that deduplication keeps on an article.
const ALSO_IN: &str = "also_in";

/// The other sources a deduplicated article was also read from.
pub(crate) fn also_in(attrs: &BTreeMap<String, String>) -> impl Iterator<Item = &str> {
    attrs.get(ALSO_IN).into_iter().flat_map(|s| s.split("; "))
}

/// Notes on an article's `attrs` that a copy of it was read from `source` (and from
/// the sources the copy itself had noted).
pub(crate) fn note_copy(
    attrs: &mut BTreeMap<String, String>,
    source: &str,
    copy: &BTreeMap<String, String>,
) {
    add_also_in(attrs, source);
    for s in also_in(copy) {
        add_also_in(attrs, s);
    }
}

fn add_also_in(attrs: &mut BTreeMap<String, String>, source: &str) {
    let extra = attrs.entry(ALSO_IN.into()).or_default();
    if !extra.is_empty() {
        extra.push_str("; ");
    }
    extra.push_str(source);
}

/// An article of `body` (and its headline, bylines and source), its id the
/// content hash, with no date or attributes yet.
pub fn make_article(
    headline: Option<String>,
    body: String,
    bylines: Vec<Byline>,
    source: String,
) -> Article {
    Article {
        id: article_id(headline.as_deref(), &body),
        source,
        headline,
        body,
        bylines,
        date: None,
        attrs: BTreeMap::new(),
    }
}
