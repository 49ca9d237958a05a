//! Writing outputs safely: every file is written to a temporary sibling and
//! renamed into place, so a failed or killed run never leaves a half-written
//! graph behind, and the previous output stays intact until the new one is whole.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically (temporary file in the same folder, fsync, rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut set = AtomicSet::default();
    set.stage(path, |w| w.write_all(bytes))?;
    set.commit()
}

/// Several files written all or nothing: each is written in full to a temporary
/// sibling by [`AtomicSet::stage`], and only [`AtomicSet::commit`] renames them into
/// place, so a failure while writing any of them (a full disk, a kill) leaves every
/// previous output as it was. Dropping the set without committing removes the
/// temporary files.
#[derive(Default)]
pub struct AtomicSet {
    staged: Vec<(tempfile::NamedTempFile, PathBuf, Option<Flusher>)>,
}

/// Bytes written to a staged file between asking its [`Flusher`] to flush it.
const FLUSH_EVERY: u64 = 32 << 20;

/// A thread that flushes a staged file to disk whenever asked, while it is still being
/// written: a corpus build writes hundreds of MB, and the kernel holds them in memory
/// until the flush in [`AtomicSet::commit`], which then waited on the disk for all of
/// them. Its errors are ignored: that last flush reports them.
struct Flusher {
    ask: std::sync::mpsc::SyncSender<()>,
    done: std::thread::JoinHandle<()>,
}

impl Flusher {
    fn start(file: std::fs::File) -> Flusher {
        let (ask, asked) = std::sync::mpsc::sync_channel::<()>(1);
        let done = std::thread::spawn(move || {
            for () in asked {
                let _ = file.sync_data();
            }
        });
        Flusher { ask, done }
    }

    /// Waits for the flush under way, if any.
    fn finish(self) {
        drop(self.ask);
        let _ = self.done.join();
    }
}

/// The staged file's writer: counts what goes through and asks for a flush every
/// [`FLUSH_EVERY`] bytes (the thread starts at the first; small files never need one).
struct FlushBehind<'a> {
    file: &'a mut tempfile::NamedTempFile,
    written: u64,
    flusher: Option<Flusher>,
}

impl Write for FlushBehind<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.file.write(buf)?;
        let before = self.written;
        self.written += n as u64;
        if before / FLUSH_EVERY != self.written / FLUSH_EVERY {
            if self.flusher.is_none() {
                self.flusher = Some(Flusher::start(self.file.as_file().try_clone()?));
            }
            if let Some(f) = &self.flusher {
                // Full: a flush is already asked for, and it will take these bytes too.
                let _ = f.ask.try_send(());
            }
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

impl AtomicSet {
    /// Writes `path`'s new content through `fill` (buffered) into a temporary file.
    pub fn stage(
        &mut self,
        path: &Path,
        fill: impl FnOnce(&mut (dyn Write + Send)) -> std::io::Result<()>,
    ) -> Result<()> {
        let dir = parent_dir(path);
        let mut tmp = tempfile::Builder::new()
            .prefix(crate::publish::TEMP_PREFIX)
            .suffix(crate::publish::TEMP_SUFFIX)
            .tempfile_in(dir)
            .map_err(|e| Error::io(path, e))?;
        let mut w = std::io::BufWriter::with_capacity(
            1 << 20,
            FlushBehind {
                file: &mut tmp,
                written: 0,
                flusher: None,
            },
        );
        let filled = fill(&mut w);
        let (flushed, flusher) = match w.into_inner() {
            Ok(fb) => (Ok(()), fb.flusher),
            Err(e) => {
                let (e, w) = e.into_parts();
                (Err(e), w.into_parts().0.flusher)
            }
        };
        if let Err(e) = filled.and(flushed) {
            if let Some(f) = flusher {
                f.finish();
            }
            return Err(Error::io(path, e));
        }
        set_permissions(&tmp, path);
        self.staged.push((tmp, path.to_path_buf(), flusher));
        Ok(())
    }

    /// Stages `path`'s new content written by `fill` to the temporary file's path: for
    /// a file another library writes by name (the SQLite database). The file exists,
    /// empty, when `fill` starts; it is flushed to disk by [`AtomicSet::commit`].
    pub fn stage_by_path(
        &mut self,
        path: &Path,
        fill: impl FnOnce(&Path) -> Result<()>,
    ) -> Result<()> {
        let dir = parent_dir(path);
        let tmp = tempfile::Builder::new()
            .prefix(crate::publish::TEMP_PREFIX)
            .suffix(crate::publish::TEMP_SUFFIX)
            .tempfile_in(dir)
            .map_err(|e| Error::io(path, e))?;
        fill(tmp.path())?;
        set_permissions(&tmp, path);
        self.staged.push((tmp, path.to_path_buf(), None));
        Ok(())
    }

    /// Takes over the files staged in `other` (staged in another thread), after this
    /// set's own.
    pub fn append(&mut self, other: AtomicSet) {
        self.staged.extend(other.staged);
    }

    /// Flushes every staged file to disk, then renames each into place, in the order
    /// staged. The flush waits until commit so that the kernel writes a file back
    /// while the next is being made (the facts file while entities are resolved).
    pub fn commit(mut self) -> Result<()> {
        for (tmp, path, flusher) in &mut self.staged {
            if let Some(f) = flusher.take() {
                f.finish();
            }
            tmp.as_file()
                .sync_all()
                .map_err(|e| Error::io(path.as_path(), e))?;
        }
        let Some((_, first, _)) = self.staged.first() else {
            return Ok(());
        };
        let dir = parent_dir(first).to_path_buf();
        if let Some((_, other, _)) = self.staged.iter().find(|(_, p, _)| parent_dir(p) != dir) {
            return Err(Error::InvalidOutput(format!(
                "{} and {} are in different folders: they cannot be published as one set",
                first.display(),
                other.display()
            )));
        }
        // From here on the temporary files outlive this process if it is killed: the
        // publish journal names them, and the next run finishes the renames.
        let mut renames = Vec::with_capacity(self.staged.len());
        for (tmp, path, _) in self.staged {
            let kept = tmp
                .into_temp_path()
                .keep()
                .map_err(|e| Error::io(&path, e.error))?;
            renames.push((kept, path));
        }
        let published = crate::publish::publish(&dir, &renames);
        if published.is_err() {
            for (tmp, _) in &renames {
                let _ = std::fs::remove_file(tmp);
            }
        }
        published
    }
}

/// The folder a path is in (`.` for a bare file name).
pub(crate) fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Writes `items` in order, each appended to a buffer by `each(index, item, buffer)`:
/// the buffers are made on the thread pool, one per `part` items and `batch` of them at
/// a time, while the batch before is being written. Serialising a corpus graph and
/// copying the bytes into the page cache take about as long as each other, so on two
/// cores they run side by side. At most three batches are in memory, and their
/// buffers are reused: fresh ones cost page faults.
pub fn write_in_order<T: Sync>(
    w: &mut dyn Write,
    items: &[T],
    part: usize,
    batch: usize,
    each: impl Fn(usize, &T, &mut Vec<u8>) + Sync,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    use std::sync::{mpsc, Mutex};
    let (part, batch) = (part.max(1), batch.max(1));
    let spare: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());
    let (tx, rx) = mpsc::sync_channel::<Vec<Vec<u8>>>(1);
    std::thread::scope(|s| {
        let (each, spare) = (&each, &spare);
        s.spawn(move || {
            for (g, group) in items.chunks(part * batch).enumerate() {
                let pieces: Vec<Vec<u8>> = group
                    .par_chunks(part)
                    .enumerate()
                    .map(|(k, chunk)| {
                        let mut buf = spare
                            .lock()
                            .expect("no panic holding the lock")
                            .pop()
                            .unwrap_or_default();
                        let first = (g * batch + k) * part;
                        for (j, item) in chunk.iter().enumerate() {
                            each(first + j, item, &mut buf);
                        }
                        buf
                    })
                    .collect();
                // The writer stopped on an error; it reports it.
                if tx.send(pieces).is_err() {
                    break;
                }
            }
        });
        for pieces in rx {
            for p in &pieces {
                w.write_all(p)?;
            }
            // A buffer grown by one huge piece is not kept for the next.
            let mut spare = spare.lock().expect("no panic holding the lock");
            spare.extend(
                pieces
                    .into_iter()
                    .filter(|p| p.capacity() <= 1 << 20)
                    .map(|mut p| {
                        p.clear();
                        p
                    }),
            );
        }
        Ok(())
    })
}

/// Temporary files are created private (0600); an output is an ordinary file, so
/// give it the mode of the file it replaces, or rw-r--r--.
#[cfg(unix)]
fn set_permissions(tmp: &tempfile::NamedTempFile, path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let perms = std::fs::metadata(path)
        .map(|m| m.permissions())
        .unwrap_or_else(|_| std::fs::Permissions::from_mode(0o644));
    // Best effort: the content matters, the mode is a courtesy.
    let _ = tmp.as_file().set_permissions(perms);
}

#[cfg(not(unix))]
fn set_permissions(_tmp: &tempfile::NamedTempFile, _path: &Path) {}

/// Creates `dir` (and its parents) when missing, with the folder named in the error.
pub fn ensure_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_file_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("g.json");
        write_atomic(&p, b"old").unwrap();
        write_atomic(&p, b"new content").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"new content");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn a_set_is_all_or_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.json");
        write_atomic(&a, b"old a").unwrap();
        let mut set = AtomicSet::default();
        set.stage(&a, |w| w.write_all(b"new a")).unwrap();
        let bad = set.stage(&dir.path().join("no/such/b.json"), |w| w.write_all(b"b"));
        assert!(bad.is_err());
        drop(set);
        assert_eq!(std::fs::read(&a).unwrap(), b"old a");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temp left"
        );
    }

    #[cfg(unix)]
    #[test]
    fn outputs_are_readable_by_others() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("g.json");
        write_atomic(&p, b"x").unwrap();
        let mode = std::fs::metadata(&p).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o644);
    }

    #[test]
    fn pieces_are_written_in_order() {
        for (n, batch) in [(0, 4), (1, 4), (10, 3), (100, 7)] {
            let mut out = Vec::new();
            let items: Vec<usize> = (0..n).collect();
            write_in_order(&mut out, &items, 2, batch, |i, &item, buf| {
                assert_eq!(i, item);
                buf.extend_from_slice(format!("{i},").as_bytes())
            })
            .unwrap();
            let want: String = (0..n).map(|i| format!("{i},")).collect();
            assert_eq!(String::from_utf8(out).unwrap(), want);
        }
    }

    #[test]
    fn missing_folder_is_an_error_naming_the_file() {
        let err = write_atomic(Path::new("/nonexistent/zhkg/g.json"), b"x").unwrap_err();
        assert!(err.to_string().contains("/nonexistent/zhkg/g.json"));
    }
}
