//! The real binary on real input: golden outputs in `graphs/` (regenerate with
//! `ZHKG_BLESS=1 cargo test --test cli`), queries, readers of the outputs (Graphviz,
//! networkx) when installed, and input that is bad or missing.

mod binary;

mod require;
use binary::{root, write, zhkg};
use std::path::PathBuf;

fn have(program: &str, arg: &str) -> bool {
    std::process::Command::new(program)
        .arg(arg)
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// Builds the bundled data into a temporary folder, as the README's command does.
fn build_sample() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    zhkg()
        .args(["build", "data", "-o"])
        .arg(out.path())
        .assert()
        .success();
    out
}

#[test]
fn committed_graphs_are_current() {
    let out = build_sample();
    let bless = std::env::var_os("ZHKG_BLESS").is_some();
    for name in ["graph.json", "graph.dot"] {
        let fresh = std::fs::read_to_string(out.path().join(name)).unwrap();
        let committed_path = root().join("graphs").join(name);
        if bless {
            std::fs::write(&committed_path, &fresh).unwrap();
            continue;
        }
        let committed = std::fs::read_to_string(&committed_path).unwrap_or_default();
        assert!(
            fresh == committed,
            "graphs/{name} is out of date: run `ZHKG_BLESS=1 cargo test --test cli` and review the diff"
        );
    }
    // The database, compared row by row (SQLite's pages are no business of a review).
    let (fresh_db, committed_db) = (out.path().join("graph.db"), root().join("graphs/graph.db"));
    if bless {
        std::fs::copy(&fresh_db, &committed_db).unwrap();
    }
    let dump = |p: &std::path::Path| {
        zhkg::store::Store::open(p)
            .and_then(|s| s.dump())
            .unwrap_or_else(|e| panic!("{e}: run `ZHKG_BLESS=1 cargo test --test cli`"))
    };
    assert!(
        dump(&fresh_db) == dump(&committed_db),
        "graphs/graph.db is out of date: run `ZHKG_BLESS=1 cargo test --test cli` and review the diff"
    );
    if bless && out.path().join("graph.svg").exists() {
        std::fs::copy(
            out.path().join("graph.svg"),
            root().join("graphs/graph.svg"),
        )
        .unwrap();
    }
    let svg = std::fs::read_to_string(root().join("graphs/graph.svg")).unwrap();
    assert!(svg.contains("<svg") && svg.contains("马军"));
}

/// Example views and exports committed in `graphs/`: (file, zhkg export arguments).
const EXAMPLES: &[(&str, &[&str])] = &[
    (
        "majun.dot",
        &["--format", "dot", "--around", "马军", "--depth", "2"],
    ),
    ("events.dot", &["--format", "dot", "--layout", "event"]),
    ("graph.gexf", &["--format", "gexf"]),
    ("graph.graphml", &["--format", "graphml"]),
    ("graph.cyjs", &["--format", "cytoscape"]),
    ("graph.ttl", &["--format", "ttl"]),
    ("graph.html", &["--format", "html"]),
    ("neo4j", &["--format", "neo4j"]),
];

#[test]
fn committed_examples_are_current() {
    let bless = std::env::var_os("ZHKG_BLESS").is_some();
    // From a fresh build, so that blessing does not race the golden graph test.
    let built = build_sample();
    let graph = built.path().join("graph.json");
    let out = tempfile::tempdir().unwrap();
    for (name, args) in EXAMPLES {
        let target = out.path().join(name);
        zhkg()
            .arg("export")
            .arg("--graph")
            .arg(&graph)
            .args(*args)
            .arg("-o")
            .arg(&target)
            .assert()
            .success();
        let files: Vec<PathBuf> = if target.is_dir() {
            // The folder's lock (.zhkg.lock) is no output.
            let mut v: Vec<PathBuf> = std::fs::read_dir(&target)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
                .collect();
            v.sort();
            v
        } else {
            vec![target.clone()]
        };
        for f in files {
            let rel = f.strip_prefix(out.path()).unwrap();
            let dest = root().join("graphs").join(rel);
            let fresh = std::fs::read(&f).unwrap();
            if bless {
                std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
                std::fs::write(&dest, &fresh).unwrap();
            } else {
                assert!(
                    std::fs::read(&dest).ok().as_deref() == Some(&fresh[..]),
                    "graphs/{} is out of date: run `ZHKG_BLESS=1 cargo test --test cli` and review the diff",
                    rel.display()
                );
            }
        }
    }
    // The pictures of the two views, when Graphviz is there to draw them.
    if bless && have("dot", "-V") {
        for (svg, args) in [
            (
                "majun.svg",
                &["--format", "svg", "--around", "马军", "--depth", "2"][..],
            ),
            ("events.svg", &["--format", "svg", "--layout", "event"][..]),
        ] {
            zhkg()
                .arg("export")
                .arg("--graph")
                .arg(&graph)
                .args(args)
                .arg("-o")
                .arg(root().join("graphs").join(svg))
                .assert()
                .success();
        }
    }
    for svg in ["majun.svg", "events.svg"] {
        let text = std::fs::read_to_string(root().join("graphs").join(svg)).unwrap();
        assert!(text.contains("<svg"), "graphs/{svg}");
    }
    assert!(std::fs::read_to_string(root().join("graphs/majun.svg"))
        .unwrap()
        .contains("马军"));
}

#[test]
fn png_export_names_a_cjk_font() {
    if !have("dot", "-V") {
        require::missing("Graphviz `dot`");
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let png = out.path().join("g.png");
    zhkg()
        .args(["export", "--format", "png", "--around", "马军", "-o"])
        .arg(&png)
        .assert()
        .success();
    let bytes = std::fs::read(&png).unwrap();
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
    let dot = std::fs::read_to_string(root().join("graphs/graph.dot")).unwrap();
    assert!(dot.contains(zhkg::export::CJK_FONT));
    // fontconfig must resolve that font to a CJK face, or PNGs would show boxes.
    if let Ok(o) = std::process::Command::new("fc-match")
        .arg(zhkg::export::CJK_FONT)
        .output()
    {
        let face = String::from_utf8_lossy(&o.stdout).to_string();
        if !face.contains("CJK") {
            require::missing(&format!(
                "a CJK font (fc-match gave {face}; fonts-noto-cjk)"
            ));
        }
    }
}

#[test]
fn build_is_deterministic() {
    let a = build_sample();
    let b = build_sample();
    for name in ["graph.json", "graph.dot"] {
        assert_eq!(
            std::fs::read(a.path().join(name)).unwrap(),
            std::fs::read(b.path().join(name)).unwrap()
        );
    }
}

#[test]
fn dot_renders_with_graphviz() {
    if !have("dot", "-V") {
        require::missing("Graphviz `dot`");
        return;
    }
    let out = build_sample();
    let status = std::process::Command::new("dot")
        .arg("-Tsvg")
        .arg(out.path().join("graph.dot"))
        .arg("-o")
        .arg(out.path().join("check.svg"))
        .status()
        .unwrap();
    assert!(status.success());
    assert!(out.path().join("graph.svg").exists());
}

#[test]
fn networkx_loads_graph_json() {
    if !have("python3", "--version")
        || !std::process::Command::new("python3")
            .args(["-c", "import networkx"])
            .status()
            .map(|s| s.success())
            .unwrap_or(false)
    {
        require::missing("python3 with networkx");
        return;
    }
    let out = build_sample();
    let path = out.path().join("graph.json");
    let doc = zhkg::GraphDoc::load(&path).unwrap();
    // The README's way to quote evidence: every mention must fit its sentence.
    let script = "import json,sys,networkx as nx\n\
                  d=json.load(open(sys.argv[1]))\n\
                  g=nx.node_link_graph(d,edges='edges')\n\
                  def quote(ev):\n    return ev.get('quote') or g.nodes[ev['article']]['sentences'][ev['sentence']]\n\
                  evs=[ev for _,a in g.nodes(data=True) for ev in a['evidence']]\n\
                  evs+=[ev for _,_,a in g.edges(data=True) for ev in a['evidence']]\n\
                  fit=sum(0<=ev['start']<ev['end']<=len(quote(ev)) for ev in evs)\n\
                  print(g.number_of_nodes(), g.number_of_edges(), g.is_directed(), g.is_multigraph(), fit)";
    let o = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(&path)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).trim(),
        format!(
            "{} {} True True {}",
            doc.nodes.len(),
            doc.edges.len(),
            doc.nodes.iter().map(|n| n.evidence.len()).sum::<usize>()
                + doc.edges.iter().map(|e| e.evidence.len()).sum::<usize>()
        )
    );
}

#[test]
fn queries_answer_from_the_saved_graph() {
    let out = build_sample();
    let graph = out.path().join("graph.json");
    let a = zhkg()
        .arg("query")
        .arg("--graph")
        .arg(&graph)
        .args(["attendees", "揭牌仪式"])
        .assert()
        .success();
    let text = String::from_utf8(a.get_output().stdout.clone()).unwrap();
    assert!(text.contains("丁文霞") && text.contains("许振"), "{text}");
    let e = zhkg()
        .arg("query")
        .arg("--graph")
        .arg(&graph)
        .args(["--json", "events", "马军"])
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&e.get_output().stdout).unwrap();
    assert!(v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["relation"] == "chaired" && r["name"] == "党政联席会议"));
    let miss = zhkg()
        .arg("query")
        .arg("--graph")
        .arg(&graph)
        .args(["events", "马骏"])
        .assert()
        .code(3);
    let err = String::from_utf8(miss.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("did you mean") && err.contains("马军"),
        "{err}"
    );
    // A name several nodes match: exit 3, and with --json the candidates on stdout,
    // each with an id that selects it.
    let many = zhkg()
        .arg("query")
        .arg("--graph")
        .arg(&graph)
        .args(["--json", "attendees", "会"])
        .assert()
        .code(3);
    let v: serde_json::Value = serde_json::from_slice(&many.get_output().stdout).unwrap();
    let candidates = v["candidates"].as_array().unwrap();
    assert!(candidates.len() >= 2, "{v}");
    let id = candidates[0]["id"].as_str().unwrap();
    zhkg()
        .arg("query")
        .arg("--graph")
        .arg(&graph)
        .args(["attendees", id])
        .assert()
        .success();
}

#[test]
fn ner_prints_one_json_object_a_line() {
    let a = zhkg()
        .arg("ner")
        .write_stdin("惠济区委书记马军主持召开党政联席会议\n\n")
        .assert()
        .success();
    let lines: Vec<&str> = std::str::from_utf8(&a.get_output().stdout)
        .unwrap()
        .lines()
        .collect();
    assert_eq!(lines.len(), 2);
    let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    let person = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "person")
        .unwrap();
    assert_eq!(
        (person["start"].as_u64(), person["end"].as_u64()),
        (Some(6), Some(8))
    );
    assert_eq!(person["text"], "马军");
}

#[test]
fn bad_files_are_reported_by_name_and_the_rest_is_built() {
    let input = tempfile::tempdir().unwrap();
    write(
        input.path(),
        "good.txt",
        "# 标题\n\n本报讯 5月8日上午,金水区委书记李明主持召开区委常委会会议。\n".as_bytes(),
    );
    write(input.path(), "binary.txt", b"\x00\x01\x02\x03PK\x00\x00");
    write(input.path(), "broken.txt", b"\xff\xfe\xfd\xfc\x80\x80\x80");
    let (gbk, _, _) =
        encoding_rs::GB18030.encode("# 标题二\n\n本报讯 金水区委副书记王五出席活动。\n");
    write(input.path(), "gbk.txt", &gbk);
    let out = tempfile::tempdir().unwrap();
    let a = zhkg()
        .arg("build")
        .arg(input.path())
        .arg("-o")
        .arg(out.path())
        .assert()
        .success();
    let text = String::from_utf8(a.get_output().stderr.clone()).unwrap();
    assert!(a.get_output().stdout.is_empty(), "diagnostics go to stderr");
    assert!(
        text.contains("binary.txt") && text.contains("broken.txt"),
        "{text}"
    );
    assert!(text.contains("articles: 2 built"), "{text}");
    let doc = zhkg::GraphDoc::load(&out.path().join("graph.json")).unwrap();
    assert!(doc.nodes.iter().any(|n| n.name == "李明"));
    assert!(doc.nodes.iter().any(|n| n.name == "王五"));
}

#[test]
fn empty_input_writes_nothing_and_fails() {
    let input = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let a = zhkg()
        .arg("build")
        .arg(input.path())
        .arg("-o")
        .arg(out.path())
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&a.get_output().stderr);
    assert!(err.contains("nothing was written"), "{err}");
    assert!(!out.path().join("graph.json").exists());
}

#[test]
fn missing_input_and_unwritable_output_fail_cleanly() {
    let out = tempfile::tempdir().unwrap();
    let a = zhkg()
        .args(["build", "/nonexistent/zhkg-input", "-o"])
        .arg(out.path())
        .assert()
        .code(2);
    assert!(String::from_utf8_lossy(&a.get_output().stderr).contains("/nonexistent/zhkg-input"));
    assert!(!out.path().join("graph.json").exists());
    let blocker = out.path().join("file");
    std::fs::write(&blocker, "x").unwrap();
    let b = zhkg()
        .args(["build", "data", "-o"])
        .arg(blocker.join("sub"))
        .assert()
        .code(1);
    assert!(!String::from_utf8_lossy(&b.get_output().stderr).is_empty());
    assert!(!blocker.join("sub").exists());
}
