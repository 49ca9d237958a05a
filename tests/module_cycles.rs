//! The modules form a one-way stack: no file imports, through any chain of `use
//! crate::…` and `super::…` paths, a file that imports it back. Read from the sources,
//! so a cycle fails the tests before anyone has to draw the house.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The module path of a file (`src/extract/token.rs` → `extract::token`).
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// The text without comments and string literals' contents (good enough for paths).
fn code(text: &str) -> String {
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn modules_import_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    files.retain(|f| !f.starts_with(src.join("bin")));
    let modules: BTreeMap<Vec<String>, PathBuf> = files
        .iter()
        .map(|f| (module_of(&src, f), f.clone()))
        .collect();
    // The file a path names: its longest prefix that is a module.
    let resolve = |path: &[String]| -> Option<Vec<String>> {
        (1..=path.len())
            .rev()
            .map(|n| path[..n].to_vec())
            .find(|p| modules.contains_key(p))
    };
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (module, file) in &modules {
        let text = code(&std::fs::read_to_string(file).unwrap());
        let tokens: Vec<&str> = text
            .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .filter(|t| t.starts_with("crate::") || t.starts_with("super::"))
            .collect();
        for t in tokens {
            let mut parts: Vec<String> = t
                .split("::")
                .filter(|p| !p.is_empty())
                .map(String::from)
                .collect();
            let mut base: Vec<String> = module.clone();
            // A file's own parent is `super` for a plain file, its grandparent for mod.rs.
            let is_mod_rs = file.file_name().is_some_and(|n| n == "mod.rs");
            if parts[0] == "crate" {
                base.clear();
                parts.remove(0);
            } else {
                while parts.first().is_some_and(|p| p == "super") {
                    parts.remove(0);
                    if !(is_mod_rs && base.len() == module.len()) || base.len() == module.len() {
                        base.pop();
                    }
                }
            }
            let mut full = base;
            full.extend(parts);
            if let Some(target) = resolve(&full) {
                // A module may use its own children and its parent's items freely.
                let nested = target.starts_with(module) || module.starts_with(&target);
                if target != *module && !nested {
                    edges.entry(module.clone()).or_default().insert(target);
                }
            }
        }
    }
    // Depth-first search for a cycle.
    fn visit(
        n: &Vec<String>,
        edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        state: &mut BTreeMap<Vec<String>, u8>,
        stack: &mut Vec<Vec<String>>,
    ) -> Option<Vec<Vec<String>>> {
        match state.get(n) {
            Some(1) => {
                let at = stack.iter().position(|m| m == n).unwrap();
                return Some(stack[at..].to_vec());
            }
            Some(2) => return None,
            _ => {}
        }
        state.insert(n.clone(), 1);
        stack.push(n.clone());
        for m in edges.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, edges, state, stack) {
                return Some(c);
            }
        }
        stack.pop();
        state.insert(n.clone(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in modules.keys() {
        let mut stack = Vec::new();
        if let Some(cycle) = visit(n, &edges, &mut state, &mut stack) {
            let names: Vec<String> = cycle.iter().map(|m| m.join("::")).collect();
            panic!("import cycle: {}", names.join(" -> "));
        }
    }
    assert!(edges.len() > 10, "the sources were read");
}
