//! Never lose a user's data, never panic or hang on input, never let article text act
//! on a terminal or a spreadsheet: one test per point of the audit (issue 15), each
//! running the real binary.

mod binary;
mod require;

use binary::{root, write, zhkg};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn stderr(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).into_owned()
}

fn stdout(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stdout).into_owned()
}

/// Every regular file of a folder (not hidden ones) with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .map(|n| {
            let bytes = std::fs::read(dir.join(&n)).unwrap();
            (n, bytes)
        })
        .collect()
}

/// The files zhkg left behind in a folder that it should not have (temporary files).
fn temps(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".zhkg-"))
        .collect()
}

/// A built sample graph in a fresh folder.
fn built() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    zhkg()
        .args(["build", "data", "--no-svg", "-q", "-o"])
        .arg(out.path())
        .assert()
        .success();
    out
}

// 1. A mistyped path, a folder without data/, or nothing readable: an error, and the
//    previous outputs untouched.
#[test]
fn nothing_read_leaves_the_previous_outputs_and_fails() {
    let out = built();
    std::fs::write(out.path().join("graph.svg"), "<svg>old</svg>").unwrap();
    let before = snapshot(out.path());
    let a = zhkg()
        .args(["build", "/typo/zhkg", "-q", "-o"])
        .arg(out.path())
        .assert()
        .code(2);
    assert!(stderr(&a).contains("/typo/zhkg"), "{}", stderr(&a));
    assert!(stdout(&a).is_empty());
    // Plain `zhkg build` where there is no data/ folder.
    let elsewhere = tempfile::tempdir().unwrap();
    let b = Command::new(assert_cmd::cargo::cargo_bin("zhkg"))
        .current_dir(elsewhere.path())
        .args(["build", "-q", "-o"])
        .arg(out.path())
        .output()
        .unwrap();
    assert_eq!(b.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&b.stderr).contains("data"));
    // A folder whose every file is skipped.
    let junk = tempfile::tempdir().unwrap();
    write(junk.path(), "bin.txt", b"\x00\x01\x02");
    write(junk.path(), "page.html", b"<html></html>");
    let c = zhkg()
        .args(["build", "-q", "-o"])
        .arg(out.path())
        .arg(junk.path())
        .assert()
        .code(1);
    let err = stderr(&c);
    assert!(
        err.contains("nothing was written") && err.contains("bin.txt"),
        "{err}"
    );
    assert_eq!(snapshot(out.path()), before);
    assert!(temps(out.path()).is_empty());
}

// 2. An unreadable or too-deep sub-folder is reported by name; the rest is built.
#[cfg(unix)]
#[test]
fn an_unreadable_sub_folder_is_skipped_by_name() {
    use std::os::unix::fs::PermissionsExt;
    let Some(mut cmd) = require::unprivileged(&assert_cmd::cargo::cargo_bin("zhkg")) else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let input = tmp.path().join("in");
    let article = std::fs::read(root().join("tests/fixtures/articles/jinshui.md")).unwrap();
    write(&input, "good.md", &article);
    write(&input, "sub/hidden.md", b"# x\n\ny\n");
    let mut deep = input.join("deep");
    for _ in 0..70 {
        deep = deep.join("d");
    }
    write(&deep, "far.md", b"# far\n\ntext\n");
    let mode = |p: &Path, m: u32| std::fs::set_permissions(p, std::fs::Permissions::from_mode(m));
    for entry in walk(tmp.path()) {
        mode(&entry, if entry.is_dir() { 0o777 } else { 0o666 }).unwrap();
    }
    mode(&input.join("sub"), 0o000).unwrap();
    let out = tmp.path().join("out");
    let o = cmd
        .current_dir(root())
        .args(["build", "--no-svg", "-o"])
        .arg(&out)
        .arg(&input)
        .output()
        .unwrap();
    mode(&input.join("sub"), 0o755).unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("sub") && err.contains("ermission denied"),
        "{err}"
    );
    assert!(err.contains("folders deep"), "{err}");
    assert!(err.contains("articles: 1 built"), "{err}");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    let mut i = 0;
    while i < out.len() {
        if out[i].is_dir() {
            for e in std::fs::read_dir(&out[i]).unwrap() {
                out.push(e.unwrap().path());
            }
        }
        i += 1;
    }
    out
}

// 3. Two runs into one folder: the second is refused while the first holds it; a
//    graph and a facts file of different builds are refused by --update.
#[test]
fn a_second_run_into_a_busy_folder_is_refused() {
    let out = built();
    let before = snapshot(out.path());
    // Enough articles that the first run still holds the folder when the second
    // starts, on a fast machine too (200 took 0.2 s, under the wait below).
    let input = many_articles(3000);
    let bin = assert_cmd::cargo::cargo_bin("zhkg");
    let mut first = Command::new(&bin)
        .current_dir(root())
        .args(["build", "--no-svg", "-q", "-o"])
        .arg(out.path())
        .arg(input.path())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Give the first run time to take the folder, then try a second one until the
    // first ends.
    std::thread::sleep(Duration::from_millis(300));
    let t0 = Instant::now();
    let mut refused = None;
    while t0.elapsed() < Duration::from_secs(30) {
        let o = Command::new(&bin)
            .current_dir(root())
            .args(["build", "data", "--no-svg", "-q", "-o"])
            .arg(out.path())
            .output()
            .unwrap();
        if !o.status.success() {
            refused = Some(String::from_utf8_lossy(&o.stderr).into_owned());
            break;
        }
        if first.try_wait().unwrap().is_some() {
            break;
        }
    }
    let first = first.wait_with_output().unwrap();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let err = refused.expect("the second run was never refused (the first ended first?)");
    assert!(err.contains("another zhkg run"), "{err}");
    let after = snapshot(out.path());
    assert_ne!(after, before, "the first run published its outputs");
    read_back(out.path());
}

#[test]
fn update_refuses_a_graph_and_facts_of_different_builds() {
    let a = built();
    let b = tempfile::tempdir().unwrap();
    zhkg()
        .args(["build", "tests/fixtures/articles", "--no-svg", "-q", "-o"])
        .arg(b.path())
        .assert()
        .success();
    std::fs::copy(
        b.path().join("graph.facts.jsonl"),
        a.path().join("graph.facts.jsonl"),
    )
    .unwrap();
    let out = zhkg()
        .arg("build")
        .arg("--update")
        .arg(a.path().join("graph.json"))
        .args(["data", "-q", "--no-svg"])
        .assert()
        .code(1);
    assert!(
        stderr(&out).contains("not from the same build"),
        "{}",
        stderr(&out)
    );
    let m = zhkg()
        .arg("merge")
        .arg(a.path())
        .arg(b.path())
        .arg("-o")
        .arg(a.path().join("m"))
        .assert()
        .code(1);
    assert!(
        stderr(&m).contains("not from the same build"),
        "{}",
        stderr(&m)
    );
}

// 4. `--update G NEW -o OUT` writes OUT and leaves G alone.
#[test]
fn update_with_an_output_folder_leaves_the_old_graph_alone() {
    let g = built();
    let before = snapshot(g.path());
    let out = tempfile::tempdir().unwrap();
    zhkg()
        .arg("build")
        .arg("--update")
        .arg(g.path().join("graph.json"))
        .args(["tests/fixtures/articles", "-q", "--no-svg", "-o"])
        .arg(out.path())
        .assert()
        .success();
    assert_eq!(snapshot(g.path()), before);
    let doc = zhkg::GraphDoc::load(&out.path().join("graph.json")).unwrap();
    let old = zhkg::GraphDoc::load(&g.path().join("graph.json")).unwrap();
    assert!(doc.graph.articles > old.graph.articles);
}

// 5. Multi-file exports are published whole; merge writes a folder; stale temporary
//    files of killed runs are removed by the next run.
#[test]
fn folder_exports_are_whole_and_stale_temps_are_cleaned() {
    let g = built();
    let neo = g.path().join("neo");
    zhkg()
        .args(["export", "--format", "neo4j", "--graph"])
        .arg(g.path())
        .arg("-o")
        .arg(&neo)
        .assert()
        .success();
    let files = snapshot(&neo);
    assert_eq!(
        files.keys().collect::<Vec<_>>(),
        ["import.cypher", "nodes.csv", "relationships.csv"]
    );
    // What a killed run leaves: a temporary file, and a half-done publish.
    std::fs::write(g.path().join(".zhkg-stale1.tmp"), vec![0u8; 1 << 16]).unwrap();
    let json = std::fs::read(g.path().join("graph.json")).unwrap();
    std::fs::write(g.path().join(".zhkg-new.tmp"), &json).unwrap();
    std::fs::write(
        g.path().join(".zhkg-publish.json"),
        r#"{"renames":[[".zhkg-gone.tmp","graph.dot"],[".zhkg-new.tmp","graph.json"]]}"#,
    )
    .unwrap();
    // A read finishes the publish; a run that writes removes the stale files.
    zhkg()
        .args(["query", "events", "马军", "--graph"])
        .arg(g.path())
        .assert()
        .success();
    assert!(!g.path().join(".zhkg-publish.json").exists());
    assert!(!g.path().join(".zhkg-new.tmp").exists());
    zhkg()
        .args(["build", "data", "-q", "--no-svg", "-o"])
        .arg(g.path())
        .assert()
        .success();
    assert!(temps(g.path()).is_empty(), "{:?}", temps(g.path()));
    // merge -o names a folder, and a file there is refused before anything is written.
    let file = g.path().join("plain.txt");
    std::fs::write(&file, "x").unwrap();
    let m = zhkg()
        .arg("merge")
        .arg(g.path())
        .arg(g.path())
        .arg("-o")
        .arg(&file)
        .assert()
        .failure();
    assert!(stderr(&m).contains("must be a folder"), "{}", stderr(&m));
    assert!(!g.path().join("plain.facts.jsonl").exists());
}

// 6. A facts file or model that claims huge counts is an error, not a panic.
#[test]
fn huge_counts_in_headers_are_errors() {
    let g = built();
    let facts = g.path().join("graph.facts.jsonl");
    let text = std::fs::read_to_string(&facts).unwrap();
    let (head, rest) = text.split_once('\n').unwrap();
    let mut header: serde_json::Value = serde_json::from_str(head).unwrap();
    header["articles"] = serde_json::json!(u64::MAX / 2);
    std::fs::write(&facts, format!("{header}\n{rest}")).unwrap();
    for args in [
        vec!["merge".to_string(), "-o".into(), "m".into()],
        vec![
            "build".into(),
            root().join("data").display().to_string(),
            "--update".into(),
        ],
    ] {
        let mut c = zhkg();
        c.current_dir(g.path())
            .args(&args)
            .arg(g.path().join("graph.json"));
        if args[0] == "merge" {
            c.arg(g.path().join("graph.json"));
        }
        let a = c.assert().code(1);
        assert!(stderr(&a).contains("graph.facts.jsonl"), "{}", stderr(&a));
    }
    let model = g.path().join("model.bin");
    let mut bytes = std::fs::read(root().join("data/model/ner.bin")).unwrap();
    bytes.truncate(8 + 4 + 4 + 4 * 17 * 17 + 4 * 17 + 4);
    let n = bytes.len();
    bytes[n - 4..].copy_from_slice(&u32::MAX.to_le_bytes());
    std::fs::write(&model, &bytes).unwrap();
    let a = zhkg()
        .arg("ner")
        .arg("--model")
        .arg(&model)
        .write_stdin("马军")
        .assert()
        .code(1);
    assert!(stderr(&a).contains("model.bin"), "{}", stderr(&a));
}

// 7. Bad gold is an error naming file and line.
#[test]
fn bad_gold_spans_name_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let gold = write(
        dir.path(),
        "g.jsonl",
        "{\"text\": \"甲乙\", \"label\": {}}\n{\"text\": \"甲乙丙\", \"label\": {\"name\": {\"甲乙\": [[3, 18446744073709551615]]}}}\n"
            .as_bytes(),
    );
    let a = zhkg()
        .args(["eval", "--format", "cluener"])
        .arg(&gold)
        .assert()
        .code(1);
    assert!(stderr(&a).contains("g.jsonl:2"), "{}", stderr(&a));
}

// 8. Linear time on pathological text; only regular files; a size limit.
#[test]
fn pathological_input_is_read_in_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "parens.txt",
        format!("本报讯 会议召开。{}\n", "(记者".repeat(50_000)).as_bytes(),
    );
    let headline = "惠济区委书记马军主持召开会议".repeat(20_000);
    write(
        dir.path(),
        "head.md",
        format!("# {headline}\n\n正文。\n").as_bytes(),
    );
    write(
        dir.path(),
        "title.jsonl",
        format!(
            "{}\n",
            serde_json::json!({"title": headline, "text": "正文。"})
        )
        .as_bytes(),
    );
    let out = dir.path().join("out");
    let t = Instant::now();
    zhkg()
        .args(["build", "--no-svg", "-q", "-o"])
        .arg(&out)
        .arg(dir.path().join("parens.txt"))
        .arg(dir.path().join("head.md"))
        .arg(dir.path().join("title.jsonl"))
        .assert()
        .success();
    // Quadratic, these took minutes (an 800 KB headline: 230 s optimised).
    assert!(t.elapsed() < Duration::from_secs(60), "{:?}", t.elapsed());
    let doc = zhkg::GraphDoc::load(&out.join("graph.json")).unwrap();
    assert!(doc
        .nodes
        .iter()
        .filter_map(|n| n.headline.as_deref())
        .all(|h| h.chars().count() <= zhkg::ingest::MAX_HEADLINE_CHARS));
}

#[cfg(unix)]
#[test]
fn only_regular_files_are_read_and_size_is_limited() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    write(
        &input,
        "good.md",
        &std::fs::read(root().join("tests/fixtures/articles/jinshui.md")).unwrap(),
    );
    std::os::unix::fs::symlink("/dev/zero", input.join("zero.txt")).unwrap();
    let fifo = input.join("x.txt");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    write(&input, "big.txt", &vec![b'a'; 3 << 20]);
    let out = dir.path().join("out");
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("zhkg"))
        .current_dir(root())
        .args(["build", "--no-svg", "--max-file-size", "2", "-o"])
        .arg(&out)
        .arg(&input)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let t = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if t.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("the build hangs on a FIFO or a device");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let o = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    for (name, why) in [
        ("zero.txt", "not a regular file"),
        ("x.txt", "not a regular file"),
        ("big.txt", "--max-file-size"),
    ] {
        assert!(
            err.lines().any(|l| l.contains(name) && l.contains(why)),
            "{name}: {err}"
        );
    }
    assert!(err.contains("articles: 1 built"), "{err}");
}

// 9. Text dense with one name does not grow the graph by a piece of evidence per
//    mention: at most 20 per node or edge and article (what keeps a 50 MB one-line
//    file under 1 GB; bench/corpus.sh measures that).
#[test]
fn evidence_per_article_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let clause = "惠济区委书记马军主持召开党政联席会议，";
    write(dir.path(), "dense.txt", clause.repeat(1500).as_bytes());
    let out = dir.path().join("out");
    zhkg()
        .args(["build", "--no-svg", "-q", "-o"])
        .arg(&out)
        .arg(dir.path().join("dense.txt"))
        .assert()
        .success();
    let doc = zhkg::GraphDoc::load(&out.join("graph.json")).unwrap();
    let person = doc.nodes.iter().find(|n| n.name == "马军").unwrap();
    let mut per_article: BTreeMap<&str, usize> = BTreeMap::new();
    for ev in &person.evidence {
        *per_article.entry(&ev.article).or_default() += 1;
    }
    assert!(per_article.values().all(|&n| n <= 20), "{per_article:?}");
    for e in &doc.edges {
        let mut per: BTreeMap<&str, usize> = BTreeMap::new();
        for ev in &e.evidence {
            *per.entry(&ev.article).or_default() += 1;
        }
        assert!(per.values().all(|&n| n <= 20));
    }
}

// 10. CSV cells a spreadsheet would run as formulas are neutralised.
#[test]
fn neo4j_cells_cannot_run_as_formulas() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.jsonl",
        "{\"title\":\"=HYPERLINK(\\\"http://x\\\")\",\"text\":\"本报讯 惠济区委书记马军主持召开会议。\"}\n"
            .as_bytes(),
    );
    let g = dir.path().join("g");
    zhkg()
        .args(["build", "--no-svg", "-q", "-o"])
        .arg(&g)
        .arg(dir.path().join("a.jsonl"))
        .assert()
        .success();
    zhkg()
        .args(["export", "--format", "neo4j", "--graph"])
        .arg(&g)
        .arg("-o")
        .arg(dir.path().join("neo"))
        .assert()
        .success();
    let nodes = std::fs::read_to_string(dir.path().join("neo/nodes.csv")).unwrap();
    let mut r = csv::Reader::from_reader(nodes.as_bytes());
    let mut seen = false;
    for rec in r.records() {
        for cell in rec.unwrap().iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell}"
            );
            seen |= cell.starts_with("'=HYPERLINK");
        }
    }
    assert!(seen, "the headline is there, neutralised");
}

// 11. Control characters and bidi overrides never reach the terminal raw.
#[test]
fn terminal_output_escapes_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let evil = "马军\u{1b}]0;owned\u{7}\u{202e}";
    write(
        dir.path(),
        "a\nb.md",
        format!(
            "# 标题\n\n本报讯 惠济区委书记马军主持召开会议{evil}。{}\n",
            "区长丁文霞出席会议并讲话。".repeat(40)
        )
        .as_bytes(),
    );
    write(dir.path(), "c\u{1b}[2J.txt", b"\x00\x01binary");
    let g = dir.path().join("g");
    let a = zhkg()
        .args(["build", "--no-svg", "-o"])
        .arg(&g)
        .arg(dir.path())
        .assert()
        .success();
    let err = stderr(&a);
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert!(
        err.contains("a\\u{a}b.md") || err.contains("c\\u{1b}[2J.txt"),
        "{err}"
    );
    for q in [["events", "马军"], ["attendees", "会议"]] {
        let a = zhkg().arg("query").args(q).arg("--graph").arg(&g).assert();
        let out = stdout(&a) + &stderr(&a);
        assert!(
            !out.chars()
                .any(|c| c == '\u{1b}' || c == '\u{7}' || c == '\u{202e}'),
            "{out:?}"
        );
    }
}

// 12. Ids that differ only in control characters stay distinct in GEXF and GraphML.
#[test]
fn xml_ids_stay_distinct() {
    use zhkg::graph::{GraphDoc, Node, NodeKind};
    let mut doc = GraphDoc::empty();
    for id in ["p\u{1}", "p\u{2}", "p%01", "p"] {
        doc.nodes.push(Node::new(id, NodeKind::Person, "张三"));
    }
    for format in [zhkg::export::Format::Gexf, zhkg::export::Format::Graphml] {
        let zhkg::export::ExportOutput::File(bytes) =
            zhkg::export::render(&doc, format, Default::default()).unwrap()
        else {
            panic!("one file");
        };
        let text = String::from_utf8(bytes).unwrap();
        let ids: std::collections::BTreeSet<&str> = text
            .match_indices("<node id=\"")
            .map(|(i, m)| {
                let rest = &text[i + m.len()..];
                &rest[..rest.find('"').unwrap()]
            })
            .collect();
        assert_eq!(ids.len(), 4, "{format}: {ids:?}");
    }
}

// 13. Evidence offsets and edge ends are checked when a graph is read.
#[test]
fn bad_evidence_offsets_are_refused_on_load() {
    let g = built();
    let path = g.path().join("graph.json");
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let node = v["nodes"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|n| n["kind"] == "person" && !n["evidence"].as_array().unwrap().is_empty())
        .unwrap();
    let id = node["id"].as_str().unwrap().to_string();
    node["evidence"][0]["end"] = serde_json::json!(100_000);
    std::fs::write(&path, v.to_string()).unwrap();
    for args in [
        vec!["query", "events", "马军"],
        vec!["export", "--format", "gexf"],
    ] {
        let a = zhkg()
            .args(&args)
            .arg("--graph")
            .arg(&path)
            .assert()
            .code(1);
        assert!(stderr(&a).contains(&id), "{}", stderr(&a));
    }
}

// 14. Standard input and encodings.
#[test]
fn standard_input_is_read_like_files() {
    // A BOM does not shift offsets; GB18030 is accepted.
    let a = zhkg()
        .arg("ner")
        .write_stdin("\u{feff}惠济区委书记马军主持会议".as_bytes())
        .assert()
        .success();
    assert!(stdout(&a).contains("\"start\":6"), "{}", stdout(&a));
    let (gbk, _, _) = encoding_rs::GB18030.encode("惠济区委书记马军主持会议");
    let b = zhkg()
        .arg("ner")
        .write_stdin(gbk.to_vec())
        .assert()
        .success();
    assert!(stdout(&b).contains("马军"), "{}", stdout(&b));
    // JSONL piped to build - is read as articles.
    let dir = tempfile::tempdir().unwrap();
    let line = serde_json::json!({"title": "标题", "date": "2020-03-19",
        "text": "本报讯 惠济区委书记马军主持召开会议。"});
    zhkg()
        .args(["build", "-", "--no-svg", "-q", "-o"])
        .arg(dir.path())
        .write_stdin(format!("{line}\n"))
        .assert()
        .success();
    let doc = zhkg::GraphDoc::load(&dir.path().join("graph.json")).unwrap();
    let art = doc
        .nodes
        .iter()
        .find(|n| n.kind.as_str() == "article")
        .unwrap();
    assert_eq!(art.headline.as_deref(), Some("标题"));
    // Big5 (本報訊 會議區委記書馬軍主持呼開會議。) is read, in simplified characters.
    let big5 = [
        0xa5, 0xbb, 0xb3, 0xf8, 0xb0, 0x54, 0x20, 0xb7, 0x7c, 0xc4, 0xb3, 0xb0, 0xcf, 0xa9, 0x65,
        0xb0, 0x4f, 0xae, 0xd1, 0xb0, 0xa8, 0xad, 0x78, 0xa5, 0x44, 0xab, 0xf9, 0xa9, 0x49, 0xb6,
        0x7d, 0xb7, 0x7c, 0xc4, 0xb3, 0xa1, 0x43,
    ];
    let input = tempfile::tempdir().unwrap();
    write(input.path(), "big5.txt", &big5);
    zhkg()
        .args(["build", "--no-svg", "-q", "-o"])
        .arg(input.path().join("out"))
        .arg(input.path())
        .assert()
        .success();
    let doc = zhkg::GraphDoc::load(&input.path().join("out/graph.json")).unwrap();
    assert!(
        doc.nodes.iter().any(|n| n.name == "马军"),
        "{:?}",
        doc.nodes
    );
    // Another encoding (Shift-JIS) is reported, not built as gibberish.
    let (sjis, _, _) =
        encoding_rs::SHIFT_JIS.encode("東京都の会議で知事が挨拶した。議会は来週も開かれる。");
    let input = tempfile::tempdir().unwrap();
    write(input.path(), "sjis.txt", &sjis);
    let a = zhkg()
        .args(["build", "--no-svg", "-o"])
        .arg(input.path().join("out"))
        .arg(input.path())
        .assert()
        .code(1);
    assert!(stderr(&a).contains("Shift-JIS"), "{}", stderr(&a));
}

#[test]
fn an_output_folder_inside_the_input_is_not_read_back() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.md",
        &std::fs::read(root().join("tests/fixtures/articles/jinshui.md")).unwrap(),
    );
    let out = dir.path().join("graphs");
    for _ in 0..2 {
        let a = zhkg()
            .args(["build", "--no-svg", "-o"])
            .arg(&out)
            .arg(dir.path())
            .assert()
            .success();
        assert!(stderr(&a).contains("articles: 1 built"), "{}", stderr(&a));
    }
}

// 15. Messages say what is wrong, once, and what to do.
#[test]
fn messages_are_clear() {
    let dir = tempfile::tempdir().unwrap();
    let a = zhkg()
        .args(["query", "events", "马军", "--graph"])
        .arg(dir.path().join("none/graph.json"))
        .assert()
        .failure();
    assert!(stderr(&a).contains("zhkg build"), "{}", stderr(&a));
    let junk = write(dir.path(), "x.json", b"{\"hello\": 1}");
    let a = zhkg()
        .args(["query", "events", "马军", "--graph"])
        .arg(&junk)
        .assert()
        .failure();
    assert!(stderr(&a).contains("not a zhkg graph"), "{}", stderr(&a));
    let a = zhkg().args(["export", "--format", "pdf"]).assert().code(2);
    assert!(stderr(&a).contains("gexf") && stderr(&a).contains("graphml"));
    for (flag, value) in [("--kind", "human"), ("--relation", "loves")] {
        let a = zhkg().args(["export", flag, value]).assert().code(2);
        assert!(stderr(&a).contains("possible values"), "{}", stderr(&a));
    }
    zhkg().args(["query", "events", ""]).assert().code(2);
    // A cause is said once.
    #[cfg(unix)]
    if let Some(mut cmd) = require::unprivileged(&assert_cmd::cargo::cargo_bin("zhkg")) {
        use std::os::unix::fs::PermissionsExt;
        let locked = tempfile::tempdir().unwrap();
        std::fs::set_permissions(locked.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
        let o = cmd
            .current_dir(root())
            .args(["build", "data", "--no-svg", "-o"])
            .arg(locked.path().join("out"))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{err}");
        assert_eq!(err.matches("ermission denied").count(), 1, "{err}");
        assert!(!err.contains(".zhkg-"), "{err}");
    }
}

// 16. Options where users put them; help for every argument.
#[test]
fn options_work_where_users_put_them() {
    let g = built();
    let a = zhkg()
        .args(["query", "events", "马军", "--json", "--graph"])
        .arg(g.path().join("graph.json"))
        .assert()
        .success();
    serde_json::from_str::<serde_json::Value>(&stdout(&a)).unwrap();
    zhkg().args(["export", "--depth", "2"]).assert().code(2);
    for sub in ["build", "merge", "query", "ner", "eval", "train", "export"] {
        let help = stdout(&zhkg().args([sub, "--help"]).assert().success());
        let extracts = matches!(sub, "build" | "ner" | "eval");
        assert_eq!(help.contains("--model"), extracts, "{sub}: {help}");
        assert!(!help.contains("--output"), "{sub}: one name, --out");
    }
    let help = stdout(
        &zhkg()
            .args(["query", "events", "--help"])
            .assert()
            .success(),
    );
    assert!(
        help.contains("--graph") && help.contains("--json"),
        "{help}"
    );
    assert!(help.contains("The person"), "{help}");
    // PNG to a terminal is refused (a pseudo-terminal through script(1)).
    if Command::new("script").arg("--version").output().is_ok() {
        let bin = assert_cmd::cargo::cargo_bin("zhkg");
        let o = Command::new("script")
            .args(["-qec"])
            .arg(format!(
                "{} export --format png --graph {}",
                bin.display(),
                g.path().join("graph.json").display()
            ))
            .arg("/dev/null")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&o.stdout);
        assert!(text.contains("binary"), "{text}");
        assert!(!text.contains("PNG"), "{text}");
    } else {
        require::missing("script(1) from util-linux");
    }
}

// 17. What was not read is said.
#[test]
fn files_of_other_kinds_are_counted_and_listed() {
    let dir = tempfile::tempdir().unwrap();
    let article = std::fs::read(root().join("tests/fixtures/articles/jinshui.md")).unwrap();
    write(dir.path(), "a.TXT", &article);
    write(dir.path(), "b.text", b"x");
    write(dir.path(), "x.html", b"<p>");
    let a = zhkg()
        .args(["build", "--no-svg", "-v", "-o"])
        .arg(dir.path().join("out"))
        .arg(dir.path())
        .assert()
        .success();
    let err = stderr(&a);
    assert!(err.contains("articles: 1 built"), "{err}");
    assert!(err.contains("not read: 2 files"), "{err}");
    assert!(err.contains("b.text") && err.contains("x.html"), "{err}");
}

// 18. Completions and a manual page.
#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish"] {
        let a = zhkg().args(["completions", shell]).assert().success();
        assert!(stdout(&a).contains("zhkg"), "{shell}");
    }
    let a = zhkg().arg("man").assert().success();
    assert!(stdout(&a).starts_with(".ie") || stdout(&a).contains(".TH"));
}

/// A folder of `n` distinct articles (a build of it takes a while).
fn many_articles(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let body = std::fs::read_to_string(root().join("tests/fixtures/articles/jinshui.md")).unwrap();
    for i in 0..n {
        write(
            dir.path(),
            &format!("{i:04}.md"),
            format!("{body}\n编号{i}。\n").as_bytes(),
        );
    }
    dir
}

/// Reads every output of a folder back: the graph, its facts (through an update that
/// checks they belong together) and the DOT.
fn read_back(dir: &Path) {
    zhkg::GraphDoc::load(&dir.join("graph.json")).unwrap();
    let dot = std::fs::read_to_string(dir.join("graph.dot")).unwrap();
    assert!(dot.starts_with("digraph"));
}

/// A corpus of distinct articles of about `kb` KB, from the sample's texts.
fn corpus(dir: &Path, tag: &str, kb: usize) {
    let mut bodies = Vec::new();
    for folder in ["data/articles", "tests/fixtures/articles"] {
        for e in std::fs::read_dir(root().join(folder)).unwrap() {
            bodies.push(std::fs::read_to_string(e.unwrap().path()).unwrap());
        }
    }
    bodies.sort();
    let (mut size, mut i) = (0, 0);
    while size < kb << 10 {
        let text = format!("{}\n{tag}第{i}篇。\n", bodies[i % bodies.len()]);
        size += text.len();
        write(dir, &format!("{tag}/{i:05}.md"), text.as_bytes());
        i += 1;
    }
}

/// The three outputs of a build without SVG.
const OUTPUTS: [&str; 3] = ["graph.dot", "graph.facts.jsonl", "graph.json"];

fn outputs(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut s = snapshot(dir);
    s.retain(|k, _| OUTPUTS.contains(&k.as_str()));
    s
}

/// Copies the outputs of `from` into a fresh `to`.
fn restore(from: &Path, to: &Path) {
    let _ = std::fs::remove_dir_all(to);
    std::fs::create_dir_all(to).unwrap();
    for name in OUTPUTS {
        std::fs::copy(from.join(name), to.join(name)).unwrap();
    }
}

/// A small generator for the kill moments; the seed is printed, and
/// `ZHKG_FAULT_SEED` replays a run.
struct Moments(u64);

impl Moments {
    fn new() -> Moments {
        let seed = std::env::var("ZHKG_FAULT_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
            });
        eprintln!("kill moments from ZHKG_FAULT_SEED={seed}");
        Moments(seed | 1)
    }

    /// A moment in `0..span`.
    fn next(&mut self, span: Duration) -> Duration {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        span.mul_f64((self.0 % 10_000) as f64 / 10_000.0)
    }
}

/// Kills `zhkg build` and `zhkg build --update` at 20 random moments each, on a corpus
/// of a few MB, and runs two builds into one folder at once: after each, the folder
/// (as any zhkg command finds it: an interrupted publish is finished first) holds the
/// whole old set of outputs or the whole new set, and the next run leaves no
/// temporary file.
#[test]
fn killed_and_concurrent_runs_leave_a_whole_set() {
    let tmp = tempfile::tempdir().unwrap();
    corpus(tmp.path(), "old", 1200);
    corpus(tmp.path(), "new", 1200);
    let (old_in, new_in) = (tmp.path().join("old"), tmp.path().join("new"));
    let bin = assert_cmd::cargo::cargo_bin("zhkg");
    let run = |args: &[&std::ffi::OsStr]| {
        Command::new(&bin)
            .current_dir(root())
            .args(["build", "--no-svg", "-q"])
            .args(args)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (old_ref, new_ref) = (tmp.path().join("old-ref"), tmp.path().join("new-ref"));
    assert!(
        run(&["-o".as_ref(), old_ref.as_os_str(), old_in.as_os_str()])
            .wait()
            .unwrap()
            .success()
    );
    let t = Instant::now();
    let full = [
        "-o".as_ref(),
        new_ref.as_os_str(),
        old_in.as_os_str(),
        new_in.as_os_str(),
    ];
    assert!(run(&full).wait().unwrap().success());
    let span = t.elapsed().mul_f64(1.2);
    let (old_set, new_set) = (outputs(&old_ref), outputs(&new_ref));
    assert_ne!(old_set, new_set);

    let out = tmp.path().join("out");
    let check = |what: &str, moment: Duration| {
        // What any zhkg command sees: reading finishes an interrupted publish.
        zhkg::GraphDoc::load(&out.join("graph.json"))
            .unwrap_or_else(|e| panic!("{what} killed at {moment:?}: {e}"));
        let now = outputs(&out);
        assert!(
            now == old_set || now == new_set,
            "{what} killed at {moment:?}: a mix of old and new outputs ({:?})",
            now.keys().collect::<Vec<_>>()
        );
        now == new_set
    };
    let mut moments = Moments::new();
    let json = out.join("graph.json");
    for update in [false, true] {
        let mut finished = 0;
        for _ in 0..20 {
            restore(&old_ref, &out);
            let moment = moments.next(span);
            let mut child = if update {
                run(&["--update".as_ref(), json.as_os_str(), new_in.as_os_str()])
            } else {
                run(&[
                    "-o".as_ref(),
                    out.as_os_str(),
                    old_in.as_os_str(),
                    new_in.as_os_str(),
                ])
            };
            std::thread::sleep(moment);
            let _ = child.kill();
            let status = child.wait().unwrap();
            let whole_new = check(if update { "build --update" } else { "build" }, moment);
            if status.success() {
                assert!(whole_new);
                finished += 1;
            }
        }
        eprintln!("update: {update}, 20 kills, {finished} runs had finished first");
    }
    // The next run cleans up after the killed ones.
    restore(&old_ref, &out);
    let mut child = run(&["-o".as_ref(), out.as_os_str(), old_in.as_os_str()]);
    std::thread::sleep(span / 3);
    let _ = child.kill();
    child.wait().unwrap();
    assert!(run(&["-o".as_ref(), out.as_os_str(), old_in.as_os_str()])
        .wait()
        .unwrap()
        .success());
    assert!(temps(&out).is_empty(), "{:?}", temps(&out));
    assert_eq!(outputs(&out), old_set);

    // Two builds into one folder at once: one is refused, the folder is whole.
    for _ in 0..3 {
        restore(&old_ref, &out);
        let a = run(&[
            "-o".as_ref(),
            out.as_os_str(),
            old_in.as_os_str(),
            new_in.as_os_str(),
        ]);
        let b = run(&[
            "-o".as_ref(),
            out.as_os_str(),
            old_in.as_os_str(),
            new_in.as_os_str(),
        ]);
        let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
        for o in [&a, &b] {
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(
                o.status.success() || err.contains("another zhkg run"),
                "{err}"
            );
        }
        assert!(a.status.success() || b.status.success());
        assert!(check("two builds at once", Duration::ZERO));
    }
}
