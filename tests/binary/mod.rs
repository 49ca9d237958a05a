//! Shared by the tests that run the real binary: the command, the repository root it
//! runs in, and writing input files.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// The repository root (where `data/` and `graphs/` are).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `zhkg` binary, run from the repository root.
pub fn zhkg() -> Command {
    let mut c = Command::cargo_bin("zhkg").unwrap();
    c.current_dir(root());
    c
}

/// Writes `bytes` to `dir/name`, making folders on the way; returns the path.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, bytes).unwrap();
    p
}
