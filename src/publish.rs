//! Output folders that hold a whole set of files or none of it.
//!
//! A build writes several files that belong together (`graph.json`, its facts file,
//! `graph.dot`, `graph.svg`, `graph.db`). Each is written to a hidden temporary
//! sibling first; once all are complete and on disk, a journal naming every rename
//! still to do (`.zhkg-publish.json`) is put in place, the renames are made, and the
//! journal is removed. A run killed during the renames leaves the journal behind,
//! and the next zhkg command that opens the folder finishes them before it reads or
//! writes anything, so the folder is only ever seen holding the whole old set or the
//! whole new one. The same journal lets it tell a temporary file still to be renamed
//! from a stale one, which it removes.
//!
//! A run that writes into a folder holds an exclusive lock on `.zhkg.lock` in it for
//! its whole length, so two runs cannot mix their files; the second is refused with a
//! message. The lock is the operating system's (`flock`), so a killed run releases it.

use crate::error::{Error, Result};
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The journal of a publish under way.
pub(crate) const JOURNAL: &str = ".zhkg-publish.json";
/// The lock a writing run holds.
const LOCK: &str = ".zhkg.lock";
/// Temporary files zhkg writes outputs to before renaming them.
pub(crate) const TEMP_PREFIX: &str = ".zhkg-";
pub(crate) const TEMP_SUFFIX: &str = ".tmp";

/// An output folder locked for this run. Dropping it releases the lock.
#[derive(Debug)]
pub struct OutputDir {
    dir: PathBuf,
    _lock: File,
    /// Made by this run: removed again if the run puts nothing in it.
    created: bool,
}

impl Drop for OutputDir {
    fn drop(&mut self) {
        // Only a folder that holds nothing but its lock: no output was put there.
        let only_lock = || {
            std::fs::read_dir(&self.dir)
                .map(|entries| entries.flatten().all(|e| e.file_name() == LOCK))
                .unwrap_or(false)
        };
        if self.created && only_lock() {
            let _ = std::fs::remove_file(self.dir.join(LOCK));
            let _ = std::fs::remove_dir(&self.dir);
        }
    }
}

impl OutputDir {
    /// Creates `dir` when missing, locks it for this run and finishes or cleans up
    /// after any run that was killed in it. A folder another run is writing is an
    /// error that says so.
    pub fn lock(dir: &Path) -> Result<OutputDir> {
        if dir.exists() && !dir.is_dir() {
            return Err(Error::InvalidOutput(format!(
                "{}: is a file; the output must be a folder (zhkg writes graph.json and its companions into it)",
                dir.display()
            )));
        }
        let created = !dir.exists();
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let lock = open_lock(dir)?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(Error::Busy(format!(
                    "{}: another zhkg run is writing this folder; run again when it has finished",
                    dir.display()
                )))
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(dir.join(LOCK), e)),
        }
        finish_publish(dir)?;
        remove_stale_temps(dir);
        Ok(OutputDir {
            dir: dir.to_path_buf(),
            _lock: lock,
            created,
        })
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// A file of the folder.
    pub fn join(&self, name: impl AsRef<Path>) -> PathBuf {
        self.dir.join(name)
    }
}

fn open_lock(dir: &Path) -> Result<File> {
    let path = dir.join(LOCK);
    OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(&path)
        .map_err(|e| Error::io(&path, e))
}

/// Makes sure the files of `dir` are one whole set before they are read: when a run
/// was killed while putting its outputs in place, its renames are finished first
/// (waiting for a run that is doing them right now). Does nothing, and takes no lock,
/// in the usual case of no journal.
pub fn settle(dir: &Path) -> Result<()> {
    if !dir.join(JOURNAL).exists() {
        return Ok(());
    }
    let lock = open_lock(dir).map_err(|_| {
        Error::UnfinishedPublish(format!(
            "{}: a zhkg run was stopped while putting its outputs in place; run zhkg build (or any zhkg command) with write access to this folder to finish it",
            dir.display()
        ))
    })?;
    lock.lock().map_err(|e| Error::io(dir.join(LOCK), e))?;
    finish_publish(dir)
}

/// The journal: renames from temporary names to final names, both relative to the
/// folder.
#[derive(serde::Serialize, serde::Deserialize)]
struct Journal {
    renames: Vec<(String, String)>,
}

/// Finishes the renames of an interrupted publish in `dir` (the caller holds the lock).
fn finish_publish(dir: &Path) -> Result<()> {
    let path = dir.join(JOURNAL);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io(&path, e)),
    };
    // The journal is put in place by a rename once complete, so it is never partial;
    // one that does not parse was not written by zhkg and is left for a person.
    let journal: Journal = serde_json::from_str(&text).map_err(|e| Error::Parse {
        path: path.clone(),
        line: e.line(),
        message: format!("not a zhkg publish journal: {e}"),
    })?;
    for (tmp, name) in &journal.renames {
        let (tmp, name) = (
            dir.join(plain_name(tmp, &path)?),
            dir.join(plain_name(name, &path)?),
        );
        if tmp.exists() {
            std::fs::rename(&tmp, &name).map_err(|e| Error::io(&name, e))?;
        }
    }
    sync_dir(dir);
    std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
    sync_dir(dir);
    Ok(())
}

/// A journal names files of its own folder only.
fn plain_name<'a>(name: &'a str, journal: &Path) -> Result<&'a str> {
    let ok = !name.is_empty() && !name.contains(['/', '\\', '\0']) && name != "." && name != "..";
    if ok {
        Ok(name)
    } else {
        Err(Error::Parse {
            path: journal.to_path_buf(),
            line: 1,
            message: format!("names a file outside its folder: {name:?}"),
        })
    }
}

/// Removes temporary files left by killed runs (the caller holds the lock, so no run
/// is writing one now). Best effort: a file that cannot be removed stays.
fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Puts files in place: `renames` are (temporary, final) paths in `dir`, each
/// temporary file complete and on disk. With more than one, a journal goes first (see
/// the module's documentation).
pub(crate) fn publish(dir: &Path, renames: &[(PathBuf, PathBuf)]) -> Result<()> {
    if let [(tmp, path)] = renames {
        std::fs::rename(tmp, path).map_err(|e| Error::io(path, e))?;
        sync_dir(dir);
        return Ok(());
    }
    let name = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned());
    let journal = Journal {
        renames: renames
            .iter()
            .map(|(t, p)| match (name(t), name(p)) {
                (Some(t), Some(p)) => Ok((t, p)),
                _ => Err(Error::InvalidOutput(format!(
                    "{}: not a file name",
                    p.display()
                ))),
            })
            .collect::<Result<_>>()?,
    };
    let journal_path = dir.join(JOURNAL);
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
        .map_err(|e| Error::io(&journal_path, e))?;
    serde_json::to_writer(&mut tmp, &journal)
        .map_err(std::io::Error::from)
        .and_then(|()| tmp.flush())
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| Error::io(&journal_path, e))?;
    tmp.persist(&journal_path)
        .map_err(|e| Error::io(&journal_path, e.error))?;
    sync_dir(dir);
    for (tmp, path) in renames {
        std::fs::rename(tmp, path).map_err(|e| Error::io(path, e))?;
    }
    sync_dir(dir);
    std::fs::remove_file(&journal_path).map_err(|e| Error::io(&journal_path, e))?;
    sync_dir(dir);
    Ok(())
}

/// Flushes a folder's entries (the renames) to disk; best effort, as not every
/// file system can open a folder for it.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_run_is_refused_while_the_first_holds_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let first = OutputDir::lock(dir.path()).unwrap();
        let err = OutputDir::lock(dir.path()).unwrap_err();
        assert!(err.to_string().contains("another zhkg run"), "{err}");
        drop(first);
        OutputDir::lock(dir.path()).unwrap();
    }

    #[test]
    fn an_interrupted_publish_is_finished_and_stale_temps_removed() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("a.json"), "new a").unwrap();
        std::fs::write(d.join(".zhkg-b.tmp"), "new b").unwrap();
        std::fs::write(d.join("b.json"), "old b").unwrap();
        std::fs::write(d.join(".zhkg-stale.tmp"), "x").unwrap();
        let journal = r#"{"renames":[[".zhkg-a.tmp","a.json"],[".zhkg-b.tmp","b.json"]]}"#;
        std::fs::write(d.join(JOURNAL), journal).unwrap();
        settle(d).unwrap();
        assert_eq!(std::fs::read_to_string(d.join("b.json")).unwrap(), "new b");
        assert!(!d.join(JOURNAL).exists());
        assert!(d.join(".zhkg-stale.tmp").exists(), "settle only finishes");
        drop(OutputDir::lock(d).unwrap());
        assert!(!d.join(".zhkg-stale.tmp").exists());
    }

    #[test]
    fn a_journal_naming_files_elsewhere_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let journal = r#"{"renames":[[".zhkg-a.tmp","../a.json"]]}"#;
        std::fs::write(dir.path().join(JOURNAL), journal).unwrap();
        assert!(settle(dir.path()).is_err());
    }

    #[test]
    fn a_file_is_not_an_output_folder() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("graph.json");
        std::fs::write(&f, "{}").unwrap();
        let err = OutputDir::lock(&f).unwrap_err();
        assert!(err.to_string().contains("must be a folder"), "{err}");
    }
}
