//! Ingest: paths on the command line come in (files, folders searched recursively,
//! or `-` for standard input); articles go out, each with its headline, raw body,
//! bylines and metadata, plus a list of the inputs that were skipped and why.
//! Files may be UTF-8 (with or without BOM) or GB18030/GBK; `.txt` and `.md` are
//! split into articles at `#`/`##` headings, `.jsonl` holds one article a line.

use crate::error::{Error, Result};
use crate::lexicon::Lexicon;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// How a person is credited in a byline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BylineRole {
    /// 记者.
    Reporter,
    /// 通讯员.
    Correspondent,
}

impl BylineRole {
    /// `reporter` or `correspondent`.
    pub fn as_str(self) -> &'static str {
        match self {
            BylineRole::Reporter => "reporter",
            BylineRole::Correspondent => "correspondent",
        }
    }
}

/// One credited name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Byline {
    /// The person's name.
    pub name: String,
    /// Reporter or correspondent.
    pub role: BylineRole,
}

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

/// File extensions read when a folder is given (compared without case).
const EXTENSIONS: &[&str] = &["txt", "md", "jsonl"];

/// Folders deeper than this below an input are reported and not entered.
pub const MAX_DEPTH: usize = 64;

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

/// What an input names: the files to read, and what was found but not read.
#[derive(Debug, Default)]
pub struct Listing {
    /// Regular files to read, sorted.
    pub files: Vec<PathBuf>,
    /// Sub-folders and files that could not be listed or are not regular files.
    pub skipped: Vec<Skipped>,
    /// Files of an extension zhkg does not read.
    pub not_read: Vec<String>,
}

/// The files an input names: itself, or every readable file below a folder, sorted.
/// A sub-folder that cannot be read is an error for it alone (see [`list_files_excluding`]);
/// this returns the first such error, for callers that want all or nothing.
pub fn list_files(input: &Path) -> Result<Vec<PathBuf>> {
    let listing = list_files_excluding(input, &[]);
    match listing.skipped.into_iter().next() {
        Some(s) => Err(Error::NotText {
            path: PathBuf::from(s.path),
            reason: s.reason,
        }),
        None => Ok(listing.files),
    }
}

/// Lists an input: a file named on its own is read whatever its extension (but must be
/// a regular file); a folder is searched recursively for `.txt`, `.md` and `.jsonl`
/// (any case), skipping hidden entries, zhkg's own `lexicon` and `model` folders and
/// the folders in `exclude` (canonical paths). A sub-folder that cannot be read, or is
/// more than [`MAX_DEPTH`] deep, is reported and skipped; the rest is listed.
pub fn list_files_excluding(input: &Path, exclude: &[PathBuf]) -> Listing {
    let mut listing = Listing::default();
    let name = |p: &Path| p.display().to_string();
    let meta = match std::fs::metadata(input) {
        Ok(m) => m,
        Err(e) => {
            listing.skipped.push(Skipped {
                path: name(input),
                reason: e.to_string(),
            });
            return listing;
        }
    };
    if !meta.is_dir() {
        if meta.is_file() {
            listing.files.push(input.to_path_buf());
        } else {
            listing.skipped.push(Skipped {
                path: name(input),
                reason: "not a regular file (use - to read standard input)".into(),
            });
        }
        return listing;
    }
    let walker = walkdir::WalkDir::new(input)
        .follow_links(true)
        .max_depth(MAX_DEPTH)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.depth() == 0 {
                return true;
            }
            let n = e.file_name().to_string_lossy();
            if n.starts_with('.') {
                return false;
            }
            if e.file_type().is_dir() {
                // `data/lexicon` and `data/model` hold zhkg's own word lists and
                // model, not articles; the output folder holds what a build wrote.
                if n == "lexicon" || n == "model" {
                    return false;
                }
                if !exclude.is_empty() {
                    if let Ok(c) = std::fs::canonicalize(e.path()) {
                        return !exclude.contains(&c);
                    }
                }
            }
            true
        });
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(name).unwrap_or_else(|| name(input));
                let reason = match (e.loop_ancestor(), e.io_error()) {
                    (Some(a), _) => {
                        format!("a link back to {} (a loop): not followed", a.display())
                    }
                    (_, Some(io)) => io.to_string(),
                    _ => e.to_string(),
                };
                listing.skipped.push(Skipped { path, reason });
                continue;
            }
        };
        let ft = entry.file_type();
        let path = entry.path();
        if ft.is_dir() {
            if entry.depth() == MAX_DEPTH {
                listing.skipped.push(Skipped {
                    path: name(path),
                    reason: format!("more than {MAX_DEPTH} folders deep: not searched"),
                });
            }
            continue;
        }
        if !has_read_extension(path) {
            listing.not_read.push(name(path));
        } else if ft.is_file() {
            listing.files.push(path.to_path_buf());
        } else {
            listing.skipped.push(Skipped {
                path: name(path),
                reason: "not a regular file (a device, pipe or socket)".into(),
            });
        }
    }
    listing
}

fn has_read_extension(path: &Path) -> bool {
    let ext = extension(path);
    EXTENSIONS.iter().any(|e| e.eq_ignore_ascii_case(ext))
}

fn extension(path: &Path) -> &str {
    path.extension().and_then(|e| e.to_str()).unwrap_or("")
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
    // Into a buffer each thread keeps from file to file, decoded in place: a file read
    // into fresh memory, then copied into a fresh string before its articles took their
    // copies, cost the kernel as much as reading (this machine zeroes and maps fresh
    // pages slowly). Only the articles' own text is new memory.
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

/// Decodes UTF-8 (BOM optional, borrowed) or GB18030; anything else is not text.
pub fn decode<'b>(bytes: &'b [u8], path: &Path) -> Result<std::borrow::Cow<'b, str>> {
    let not_text = |reason: &str| Error::NotText {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(not_text("binary data (NUL bytes)"));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => {
            let text = encoding_rs::GB18030
                .decode_without_bom_handling_and_without_replacement(bytes)
                .ok_or_else(|| not_text("neither UTF-8 nor GB18030"))?;
            if !looks_like_chinese_gb(&text) {
                return Err(not_text(
                    "not UTF-8, and read as GB18030 it is mostly rare characters: another encoding (Big5? Shift-JIS?); convert it to UTF-8",
                ));
            }
            text
        }
    };
    // One pass for both counts: a corpus is tens of MB of text.
    let (chars, controls) = text.chars().fold((0usize, 0usize), |(n, k), c| {
        let control = c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}');
        (n + 1, k + usize::from(control))
    });
    if controls * 100 > chars.max(1) {
        return Err(not_text("binary data (control characters)"));
    }
    Ok(text)
}

/// Whether text decoded as GB18030 reads as Chinese: Big5 or Shift-JIS bytes decode
/// as GB18030 too, but about half their characters then fall outside GB2312, the
/// 6,763 common characters that all but a few in a hundred of a Chinese news text's
/// characters are drawn from. The first 20,000 characters are enough to tell.
fn looks_like_chinese_gb(text: &str) -> bool {
    let mut encoder = encoding_rs::GB18030.new_encoder();
    let (mut cjk, mut rare) = (0usize, 0usize);
    for c in text
        .chars()
        .take(20_000)
        .filter(|c| crate::normalize::is_cjk(*c))
    {
        cjk += 1;
        let mut buf = [0u8; 8];
        let mut src = [0u8; 4];
        let (_, _, written) =
            encoder.encode_from_utf8_without_replacement(c.encode_utf8(&mut src), &mut buf, false);
        let in_gb2312 = written == 2 && (0xA1..=0xF7).contains(&buf[0]) && buf[1] >= 0xA1;
        rare += usize::from(!in_gb2312);
    }
    cjk < 10 || rare * 4 < cjk
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

/// The longest headline, in characters: a "heading" longer than this is text, and
/// goes into the body as its first paragraph.
pub const MAX_HEADLINE_CHARS: usize = 200;

/// `headline` when it is one; otherwise `None`, with its text put at the start of `body`.
fn cap_headline(headline: Option<String>, body: &mut String) -> Option<String> {
    match headline {
        Some(h) if h.chars().nth(MAX_HEADLINE_CHARS).is_some() => {
            body.insert(0, '\n');
            body.insert_str(0, &h);
            None
        }
        other => other,
    }
}

/// Splits markdown or plain text into articles at `#` and `##` headings.
pub fn split_text(text: &str, source: &str, lex: &Lexicon) -> Vec<Article> {
    let mut parts: Vec<(Option<String>, Vec<&str>)> = Vec::new();
    let mut front: BTreeMap<String, String> = BTreeMap::new();
    let mut lines = text.lines().peekable();
    // YAML-style front matter at the top of the file applies to every article in it.
    if lines.peek().map(|l| l.trim()) == Some("---") {
        let mut fm = Vec::new();
        lines.next();
        for l in lines.by_ref() {
            if l.trim() == "---" {
                break;
            }
            fm.push(l);
        }
        for l in fm {
            if let Some((k, v)) = l.split_once(':') {
                front.insert(k.trim().to_string(), v.trim().trim_matches('"').to_string());
            }
        }
    }
    for line in lines {
        let t = line.trim_start();
        let level = t.chars().take_while(|&c| c == '#').count();
        if (level == 1 || level == 2) && t[level..].starts_with([' ', '\t']) {
            parts.push((Some(t[level..].trim().to_string()), Vec::new()));
        } else {
            if parts.is_empty() {
                parts.push((None, Vec::new()));
            }
            parts.last_mut().expect("pushed").1.push(line);
        }
    }
    let many = parts.iter().filter(|p| has_text(&p.1)).count() > 1;
    let mut out = Vec::new();
    for (headline, body_lines) in parts {
        if headline.is_none() && !has_text(&body_lines) {
            continue;
        }
        let (mut body, bylines) = strip_bylines(&body_lines, lex);
        let headline = cap_headline(headline, &mut body);
        let n = out.len() + 1;
        let mut art = make_article(
            headline,
            body,
            bylines,
            if many {
                format!("{source}#{n}")
            } else {
                source.to_string()
            },
        );
        apply_metadata(&mut art, &front);
        out.push(art);
    }
    out
}

fn has_text(lines: &[&str]) -> bool {
    lines.iter().any(|l| !l.trim().is_empty())
}

/// The longest article body handed on, in characters. News articles are a few
/// thousand characters; a file with megabytes of text under one heading (or none) is
/// a dump, and the per-article stages after ingest are not linear in article length
/// (mentions are compared with each other), so it is cut into parts at paragraph or
/// sentence ends, each an article of its own (`source#part2`, …).
pub const MAX_ARTICLE_CHARS: usize = 30_000;

/// Cuts an overly long article into parts (see [`MAX_ARTICLE_CHARS`]); the first part
/// keeps the headline and bylines, every part keeps the metadata.
pub fn split_oversized(art: Article) -> Vec<Article> {
    // Bytes bound characters from above: most articles are decided without counting.
    if art.body.len() <= MAX_ARTICLE_CHARS || art.body.chars().count() <= MAX_ARTICLE_CHARS {
        return vec![art];
    }
    let mut parts = Vec::new();
    let mut rest = art.body.as_str();
    while !rest.is_empty() {
        let limit = rest
            .char_indices()
            .nth(MAX_ARTICLE_CHARS)
            .map_or(rest.len(), |(i, _)| i);
        let cut = if limit == rest.len() {
            limit
        } else {
            // The last paragraph end in the second half of the window, else the last
            // sentence end, else a hard cut at a character boundary.
            let window = &rest[..limit];
            let half = window.len() / 2;
            let after = |i: Option<usize>, len: usize| i.filter(|&i| i >= half).map(|i| i + len);
            after(window.rfind('\n'), 1)
                .or_else(|| after(window.rfind('。'), '。'.len_utf8()))
                .unwrap_or(limit)
        };
        parts.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    let n = parts.len();
    parts
        .into_iter()
        .enumerate()
        .map(|(i, body)| {
            let first = i == 0;
            let headline = if first { art.headline.clone() } else { None };
            // The part number is hashed too: two parts of a dump may be the same text,
            // and they are not reposts of each other.
            let key = format!(
                "{}\u{0}part{}",
                art.headline.as_deref().unwrap_or(""),
                i + 1
            );
            Article {
                id: article_id(Some(&key), body),
                source: format!("{}#part{}", art.source, i + 1),
                headline,
                body: body.to_string(),
                bylines: if first {
                    art.bylines.clone()
                } else {
                    Vec::new()
                },
                date: art.date.clone(),
                attrs: {
                    let mut a = art.attrs.clone();
                    a.insert("part".into(), format!("{}/{n}", i + 1));
                    a
                },
            }
        })
        .collect()
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

fn apply_metadata(art: &mut Article, fields: &BTreeMap<String, String>) {
    for (k, v) in fields {
        match k.as_str() {
            "date" => art.date = normalize_date(v),
            "title" if art.headline.is_none() && v.chars().nth(MAX_HEADLINE_CHARS).is_none() => {
                art.headline = Some(v.clone())
            }
            _ => {
                art.attrs.insert(k.clone(), v.clone());
            }
        }
    }
}

/// `2020-03-19`, `2020/3/19`, `2020年3月19日` → `2020-03-19`.
pub fn normalize_date(s: &str) -> Option<String> {
    let nums: Vec<u32> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .filter_map(|p| p.parse().ok())
        .collect();
    match nums.as_slice() {
        [y, m, d, ..] if *y > 1900 && (1..=12).contains(m) && (1..=31).contains(d) => {
            Some(format!("{y:04}-{m:02}-{d:02}"))
        }
        _ => None,
    }
}

/// Reads JSONL articles: `{"id", "title", "date", "text"}`, other fields kept as
/// attributes; the first bad line is an error.
#[cfg(test)]
fn split_jsonl(text: &str, path: &Path, lex: &Lexicon) -> Result<Vec<Article>> {
    let (articles, bad) = split_jsonl_lines(text, path, lex);
    match bad.into_iter().next() {
        Some(e) => Err(e),
        None => Ok(articles),
    }
}

/// Reads JSONL articles: the articles of the good lines, and an error for each bad one.
fn split_jsonl_lines(text: &str, path: &Path, lex: &Lexicon) -> (Vec<Article>, Vec<Error>) {
    let mut out = Vec::new();
    let mut bad = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match jsonl_article(line, i, path, lex) {
            Ok(a) => out.push(a),
            Err(e) => bad.push(e),
        }
    }
    (out, bad)
}

/// One JSONL line (the `i`-th, 0-based) as an article.
fn jsonl_article(line: &str, i: usize, path: &Path, lex: &Lexicon) -> Result<Article> {
    let v: serde_json::Value = serde_json::from_str(line).map_err(|e| Error::Parse {
        path: path.to_path_buf(),
        line: i + 1,
        message: e.to_string(),
    })?;
    let obj = v.as_object().ok_or_else(|| Error::Parse {
        path: path.to_path_buf(),
        line: i + 1,
        message: "not a JSON object".into(),
    })?;
    let body_text = obj
        .get("text")
        .and_then(|t| t.as_str())
        .ok_or_else(|| Error::Parse {
            path: path.to_path_buf(),
            line: i + 1,
            message: "missing string field `text`".into(),
        })?;
    let lines: Vec<&str> = body_text.lines().collect();
    let (mut body, bylines) = strip_bylines(&lines, lex);
    let headline = obj
        .get("title")
        .and_then(|t| t.as_str())
        .map(str::to_string);
    let headline = cap_headline(headline, &mut body);
    let mut art = make_article(
        headline,
        body,
        bylines,
        format!("{}#{}", path.display(), i + 1),
    );
    let mut fields = BTreeMap::new();
    for (k, v) in obj {
        if k == "text" || k == "title" {
            continue;
        }
        let s = match v {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        fields.insert(k.clone(), s);
    }
    apply_metadata(&mut art, &fields);
    Ok(art)
}

const BYLINE_ROLES: &[(&str, BylineRole)] = &[
    ("特约记者", BylineRole::Reporter),
    ("实习记者", BylineRole::Reporter),
    ("首席记者", BylineRole::Reporter),
    ("记者", BylineRole::Reporter),
    ("通讯员", BylineRole::Correspondent),
    ("实习生", BylineRole::Correspondent),
];

/// Removes bylines from body lines; returns the body and the credited names in order.
fn strip_bylines(lines: &[&str], lex: &Lexicon) -> (String, Vec<Byline>) {
    let mut body = String::new();
    let mut bylines = Vec::new();
    for line in lines {
        let mut line = line.to_string();
        // A parenthesised byline anywhere on the line: （记者 张三 通讯员 李四）.
        let mut from = 0;
        while let Some((open, close, found)) = find_paren_byline(&line, from, lex) {
            bylines.extend(found);
            line.replace_range(open..close, "");
            from = open;
        }
        // A whole line, or the tail after the last sentence end.
        let cut = line
            .char_indices()
            .filter(|(_, c)| matches!(c, '。' | '！' | '？' | '”'))
            .map(|(i, c)| i + c.len_utf8())
            .next_back()
            .unwrap_or(0);
        if let Some(found) = parse_byline(&line[cut..], lex) {
            bylines.extend(found);
            line.truncate(cut);
        }
        body.push_str(&line);
        body.push('\n');
    }
    bylines.dedup();
    (body, bylines)
}

/// The longest text in brackets read as a byline: a byline credits a few people.
const MAX_PAREN_BYLINE: usize = 60;

/// The first bracketed byline of `line` at or after byte `from`: (open, close end,
/// bylines). Only a short stretch after each opening bracket is searched for its
/// close, so that a line of many unmatched brackets is read in linear time.
fn find_paren_byline(
    line: &str,
    from: usize,
    lex: &Lexicon,
) -> Option<(usize, usize, Vec<Byline>)> {
    for (i, c) in line[from..].char_indices() {
        if c != '（' && c != '(' {
            continue;
        }
        let open = from + i;
        let inner_start = open + c.len_utf8();
        let window_end = line[inner_start..]
            .char_indices()
            .nth(MAX_PAREN_BYLINE)
            .map_or(line.len(), |(j, _)| inner_start + j);
        let Some(close_rel) = line[inner_start..window_end].find(['）', ')']) else {
            continue;
        };
        let inner = &line[inner_start..inner_start + close_rel];
        if let Some(found) = parse_byline(inner, lex) {
            let close_char_len = line[inner_start + close_rel..].chars().next()?.len_utf8();
            return Some((open, inner_start + close_rel + close_char_len, found));
        }
    }
    None
}

/// Parses text made only of byline groups: `记者 蔺洋 通讯员 张超`, `记者张三、李四`.
pub fn parse_byline(s: &str, lex: &Lexicon) -> Option<Vec<Byline>> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    let mut rest = s
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）']);
    let mut role: Option<BylineRole> = None;
    loop {
        rest = rest.trim_start_matches([' ', '\u{3000}', '\t', ':', '：', '、', ',', '，', '/']);
        if rest.is_empty() {
            break;
        }
        if let Some((kw, r)) = BYLINE_ROLES.iter().find(|(kw, _)| rest.starts_with(kw)) {
            role = Some(*r);
            rest = &rest[kw.len()..];
            continue;
        }
        let role = role?;
        // A run of CJK characters up to the next separator or role word.
        let mut end = rest.len();
        for (i, c) in rest.char_indices() {
            if !crate::normalize::is_cjk(c) && c != '·' {
                end = i;
                break;
            }
            if i > 0 && BYLINE_ROLES.iter().any(|(kw, _)| rest[i..].starts_with(kw)) {
                end = i;
                break;
            }
        }
        if end == 0 {
            return None;
        }
        let run = &rest[..end];
        for name in split_name_run(run)? {
            // A byline credits people: every name starts with a surname.
            lex.surname_len(&name)?;
            out.push(Byline { name, role });
        }
        rest = &rest[end..];
    }
    (!out.is_empty()).then_some(out)
}

/// Splits a run of names written without separators (张三李四) into names of 2–3 characters.
fn split_name_run(run: &str) -> Option<Vec<String>> {
    let chars: Vec<char> = run.chars().collect();
    match chars.len() {
        2..=4 => Some(vec![run.to_string()]),
        5 | 6 => {
            let cut = if chars.len() == 5 { 2 } else { 3 };
            Some(vec![
                chars[..cut].iter().collect(),
                chars[cut..].iter().collect(),
            ])
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::embedded()
    }

    #[test]
    fn bylines_in_every_shape() {
        let b = parse_byline("记者 蔺洋 通讯员 张超", &lex()).unwrap();
        assert_eq!(
            b,
            vec![
                Byline {
                    name: "蔺洋".into(),
                    role: BylineRole::Reporter
                },
                Byline {
                    name: "张超".into(),
                    role: BylineRole::Correspondent
                },
            ]
        );
        let b = parse_byline("（通讯员 王五 记者张三、李四）", &lex()).unwrap();
        assert_eq!(b.len(), 3);
        assert_eq!(b[0].role, BylineRole::Correspondent);
        assert!(parse_byline("记者节到了,大家好", &lex()).is_none());
        assert!(parse_byline("通讯员", &lex()).is_none());
    }

    #[test]
    fn byline_at_line_end_and_in_parens_is_removed() {
        let (body, b) = strip_bylines(
            &[
                "引导企业振奋信心。记者 蔺洋",
                "本报讯（记者 张三）今天上午,会议召开。",
            ],
            &lex(),
        );
        assert_eq!(body, "引导企业振奋信心。\n本报讯今天上午,会议召开。\n");
        assert_eq!(b.len(), 2);
    }

    #[test]
    fn headings_split_articles_and_h3_stays_inside() {
        let arts = split_text(
            "# 一\n\n正文一。\n\n## 二\n\n正文二。\n\n### 小节\n\n正文三。\n",
            "f.md",
            &lex(),
        );
        assert_eq!(arts.len(), 2);
        assert_eq!(arts[0].headline.as_deref(), Some("一"));
        assert!(arts[1].body.contains("### 小节"));
        assert_eq!(arts[1].source, "f.md#2");
        assert_ne!(arts[0].id, arts[1].id);
    }

    #[test]
    fn decodes_gb18030_and_rejects_binary() {
        let (gbk, _, _) = encoding_rs::GB18030.encode("惠济区召开会议");
        assert_eq!(decode(&gbk, Path::new("x")).unwrap(), "惠济区召开会议");
        assert!(decode(b"\x00\x01\x02binary", Path::new("x")).is_err());
        assert_eq!(
            decode("\u{feff}文本".as_bytes(), Path::new("x")).unwrap(),
            "文本"
        );
    }

    #[test]
    fn oversized_articles_are_cut_into_parts_at_paragraphs() {
        let para = format!("{}。\n", "字".repeat(999));
        let body = para.repeat(75);
        let art = make_article(
            Some("标题".into()),
            body.clone(),
            Vec::new(),
            "f.txt".into(),
        );
        let parts = split_oversized(art);
        assert_eq!(parts.len(), 3);
        assert!(parts
            .iter()
            .all(|p| p.body.chars().count() <= MAX_ARTICLE_CHARS && p.body.ends_with('\n')));
        assert_eq!(
            parts.iter().map(|p| p.body.as_str()).collect::<String>(),
            body
        );
        assert_eq!(parts[0].headline.as_deref(), Some("标题"));
        assert_eq!(parts[2].source, "f.txt#part3");
        assert_eq!(parts[1].attrs["part"], "2/3");
        // No break at all: hard cuts, on character boundaries.
        let art = make_article(None, "字".repeat(75_000), Vec::new(), "g.txt".into());
        let parts = split_oversized(art);
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[0].body.chars().count(), MAX_ARTICLE_CHARS);
    }

    #[test]
    fn jsonl_fields_become_metadata() {
        let arts = split_jsonl(
            "{\"id\":\"x1\",\"title\":\"标题\",\"date\":\"2020年3月19日\",\"text\":\"正文。\",\"source\":\"报\"}\n",
            Path::new("a.jsonl"),
            &lex(),
        )
        .unwrap();
        assert_eq!(arts[0].date.as_deref(), Some("2020-03-19"));
        assert_eq!(arts[0].attrs["id"], "x1");
        assert_eq!(arts[0].attrs["source"], "报");
        let err = split_jsonl("{}\nnot json\n", Path::new("a.jsonl"), &lex()).unwrap_err();
        assert!(err.to_string().starts_with("a.jsonl:1"), "{err}");
    }
}
