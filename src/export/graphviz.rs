//! Graphviz `dot`, run as a separate program to draw DOT as SVG or PNG.

use crate::error::{Error, Result};

/// Runs Graphviz `dot` on DOT text; `Ok(None)` when Graphviz is not installed.
pub fn render_with_dot(dot: &str, format: &str) -> Result<Option<Vec<u8>>> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let child = Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(Error::Tool {
                program: "dot".into(),
                message: e.to_string(),
            })
        }
    };
    let mut stdin = child.stdin.take().expect("piped stdin");
    let input = dot.as_bytes().to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().map_err(|e| Error::Tool {
        program: "dot".into(),
        message: e.to_string(),
    })?;
    let _ = writer.join();
    if !out.status.success() {
        return Err(Error::Tool {
            program: "dot".into(),
            message: String::from_utf8_lossy(&out.stderr).trim().to_string(),
        });
    }
    Ok(Some(out.stdout))
}
