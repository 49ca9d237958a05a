//! Tests that need a tool, a data set or an unprivileged user: locally a missing one
//! skips the test with a notice; in CI (`ZHKG_REQUIRE_ALL=1`, set by `.ci/run`, which
//! installs everything) it is a failure, so that a test cannot pass by not running.
#![allow(dead_code)]

use std::path::Path;

/// Whether CI asked for every test to really run.
pub fn required() -> bool {
    std::env::var_os("ZHKG_REQUIRE_ALL").is_some_and(|v| v == "1")
}

/// Reports that `what` is missing: a failure in CI, a notice (and a skip) elsewhere.
pub fn missing(what: &str) {
    assert!(
        !required(),
        "{what} is missing, and ZHKG_REQUIRE_ALL=1 forbids skipping the test that needs it"
    );
    eprintln!("notice: {what} is missing: test skipped (ZHKG_REQUIRE_ALL=1 makes this a failure)");
}

/// Whether this process runs as root, who may read and write anything.
#[cfg(unix)]
pub fn is_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self")
        .map(|m| m.uid() == 0)
        .unwrap_or(false)
}

/// A command that runs `program` as an unprivileged user, so that permissions are
/// really checked: as it is when this process is not root, else through `setpriv`
/// as nobody. `None` (after [`missing`]) when neither is possible.
#[cfg(unix)]
pub fn unprivileged(program: &Path) -> Option<std::process::Command> {
    if !is_root() {
        return Some(std::process::Command::new(program));
    }
    let ok = std::process::Command::new("setpriv")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        missing("setpriv (util-linux), to run a permission test as an unprivileged user");
        return None;
    }
    let mut c = std::process::Command::new("setpriv");
    c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(program);
    Some(c)
}

/// The flags both browser tests run Chromium with: headless, in a container, with
/// nothing fetched or synced in the background.
pub const HEADLESS_CHROMIUM: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1200,900",
];

/// A Chromium-like browser on PATH.
pub fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            std::process::Command::new(b)
                .arg("--version")
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        })
}
