//! Which files an input names: a file on its own, or the article files of a folder
//! tree, with what was found and not read.

use super::Skipped;
use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// File extensions read when a folder is given (compared without case).
const EXTENSIONS: &[&str] = &["txt", "md", "jsonl"];

/// Folders deeper than this below an input are reported and not entered.
pub const MAX_DEPTH: usize = 64;

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
        Some(s) => Err(Error::io(s.path, std::io::Error::other(s.reason))),
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
                // Only a folder of an excluded one's name is resolved and compared.
                if exclude.iter().any(|x| x.file_name() == Some(e.file_name())) {
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

pub(super) fn extension(path: &Path) -> &str {
    path.extension().and_then(|e| e.to_str()).unwrap_or("")
}
