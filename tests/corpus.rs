//! Corpus-scale behaviour of the real binary: incremental updates and merges equal a
//! full rebuild byte for byte, the output does not depend on the thread count, and
//! input that fights back (empty, huge, binary, GB18030, broken UTF-8, vanishing
//! files, an unwritable output folder, a killed run) is handled and accounted for.

mod binary;

use binary::{root, write, zhkg};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Builds `inputs` into `out` (no SVG: Graphviz is not what is tested here) and
/// returns standard output.
fn build(inputs: &[&Path], out: &Path, extra: &[&str]) -> String {
    let a = zhkg()
        .arg("build")
        .args(inputs)
        .arg("-o")
        .arg(out)
        .arg("--no-svg")
        .args(extra)
        .assert()
        .success();
    String::from_utf8(a.get_output().stderr.clone()).unwrap()
}

fn read(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Two inputs whose entities overlap: the sample, and a second folder with another
/// article, a repost of one of the sample's and an abbreviation that only the
/// sample spells out.
fn two_inputs(tmp: &Path) -> (PathBuf, PathBuf) {
    let a = tmp.join("a");
    for e in std::fs::read_dir(root().join("data/articles")).unwrap() {
        let p = e.unwrap().path();
        write(&a, p.file_name().unwrap().to_str().unwrap(), &read(&p));
    }
    let b = tmp.join("b");
    write(
        &b,
        "jinshui.md",
        &read(&root().join("tests/fixtures/articles/jinshui.md")),
    );
    // A repost: the first sample file again, under another portal's name.
    let first = std::fs::read_dir(root().join("data/articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .min()
        .unwrap();
    write(&b, "portal/repost.txt", &read(&first));
    write(
        &b,
        "abbrev.txt",
        "# 市资源规划局惠济分局开展业务培训\n\n本报讯 4月2日上午,市资源规划局惠济分局举行业务培训会,郑州市自然资源和规划局惠济分局局长李红出席。\n".as_bytes(),
    );
    (a, b)
}

fn same_outputs(x: &Path, y: &Path) {
    for name in ["graph.json", "graph.dot", "graph.facts.jsonl"] {
        assert!(
            read(&x.join(name)) == read(&y.join(name)),
            "{name} differs between {} and {}",
            x.display(),
            y.display()
        );
    }
    same_db(x, y);
}

/// The two folders' graph.db hold the same rows (compared as dumps of every table).
fn same_db(x: &Path, y: &Path) {
    let dump = |d: &Path| {
        zhkg::store::Store::open(&d.join("graph.db"))
            .and_then(|s| s.dump())
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let (a, b) = (dump(x), dump(y));
    assert!(a.lines().count() > 100, "a dump of the whole graph:\n{a}");
    assert!(
        a == b,
        "graph.db differs between {} and {}",
        x.display(),
        y.display()
    );
}

#[test]
fn update_gives_what_a_full_rebuild_gives() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = two_inputs(tmp.path());
    let full = tmp.path().join("full");
    build(&[&a, &b], &full, &[]);
    let inc = tmp.path().join("inc");
    build(&[&a], &inc, &[]);
    let before = read(&inc.join("graph.json"));
    let out = zhkg()
        .arg("build")
        .arg("--update")
        .arg(inc.join("graph.json"))
        .arg(&b)
        .arg("--no-svg")
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    // The repost is recognised against the saved graph, not extracted again.
    assert!(text.contains("2 built, 4 duplicates"), "{text}");
    assert!(text.contains("from saved graphs"), "{text}");
    assert_ne!(before, read(&inc.join("graph.json")));
    same_outputs(&full, &inc);
    let doc = zhkg::GraphDoc::load(&inc.join("graph.json")).unwrap();
    let repost = doc
        .nodes
        .iter()
        .find(|n| n.sources.iter().any(|s| s.contains("portal/repost.txt")))
        .expect("the repost's source is kept");
    assert_eq!(repost.sources.len(), 2, "{:?}", repost.sources);
}

#[test]
fn merge_gives_what_a_full_rebuild_gives() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = two_inputs(tmp.path());
    let full = tmp.path().join("full");
    build(&[&a, &b], &full, &[]);
    let (g1, g2) = (tmp.path().join("g1"), tmp.path().join("g2"));
    build(&[&a], &g1, &[]);
    build(&[&b], &g2, &[]);
    let merged = tmp.path().join("merged");
    zhkg()
        .arg("merge")
        .arg(g1.join("graph.json"))
        .arg(g2.join("graph.json"))
        .arg("-o")
        .arg(&merged)
        .assert()
        .success();
    for name in ["graph.json", "graph.facts.jsonl"] {
        assert!(
            read(&full.join(name)) == read(&merged.join(name)),
            "{name} differs"
        );
    }
    same_db(&full, &merged);
}

#[test]
fn update_refuses_a_graph_without_facts() {
    let tmp = tempfile::tempdir().unwrap();
    let g = tmp.path().join("graph.json");
    std::fs::copy(root().join("graphs/graph.json"), &g).unwrap();
    let a = zhkg()
        .arg("build")
        .arg("--update")
        .arg(&g)
        .arg("tests/fixtures/articles")
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&a.get_output().stderr).to_string();
    assert!(err.contains("graph.facts.jsonl"), "{err}");
}

#[test]
fn output_does_not_depend_on_the_thread_count() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = two_inputs(tmp.path());
    // Many distinct articles, so that work really is split between threads.
    let sample =
        std::fs::read_to_string(root().join("tests/fixtures/articles/jinshui.md")).unwrap();
    let lines: Vec<&str> = sample.lines().filter(|l| l.contains('。')).collect();
    let mut many = String::new();
    for i in 0..60 {
        many.push_str(&format!("## 第{i}篇\n\n"));
        for (j, l) in lines.iter().enumerate() {
            if (i + j) % 3 != 0 {
                many.push_str(l);
                many.push('\n');
            }
        }
        many.push_str(&format!("编号{i}。\n\n"));
    }
    write(&b, "many.md", many.as_bytes());
    let one = tmp.path().join("one");
    let two = tmp.path().join("two");
    for (dir, threads) in [(&one, "1"), (&two, "2")] {
        zhkg()
            .env("RAYON_NUM_THREADS", threads)
            .arg("build")
            .arg(&a)
            .arg(&b)
            .arg("-o")
            .arg(dir)
            .arg("--no-svg")
            .assert()
            .success();
    }
    same_outputs(&one, &two);
}

#[test]
fn reposted_articles_count_once_with_every_source() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    let text = read(&root().join("tests/fixtures/articles/jinshui.md"));
    write(&input, "site1/a.md", &text);
    write(&input, "site2/b.md", &text);
    // The same text laid out differently is the same article.
    let relaid = String::from_utf8(text.clone())
        .unwrap()
        .replace("\n\n", "\n\n\n");
    write(&input, "site3/c.md", relaid.as_bytes());
    let out = tmp.path().join("out");
    let summary = build(&[&input], &out, &[]);
    assert!(
        summary.contains("articles: 1 built, 2 duplicates"),
        "{summary}"
    );
    let doc = zhkg::GraphDoc::load(&out.join("graph.json")).unwrap();
    let art: Vec<_> = doc
        .nodes
        .iter()
        .filter(|n| n.kind.as_str() == "article")
        .collect();
    assert_eq!(art.len(), 1);
    assert_eq!(art[0].sources.len(), 3, "{:?}", art[0].sources);
}

#[test]
fn hostile_files_are_each_accounted_for() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    write(&input, "empty.txt", b"");
    write(&input, "blank.md", b"  \n\n\t\n");
    write(
        &input,
        "binary.txt",
        &[0x89, b'P', b'N', b'G', 0, 0, 1, 2, 3, 0xff],
    );
    let (gbk, _, _) = encoding_rs::GB18030
        .encode("# 惠济区召开会议\n\n本报讯 惠济区委书记马军主持召开党政联席会议。\n");
    write(&input, "gbk.txt", &gbk);
    // Valid UTF-8 with a stray byte in the middle: not UTF-8, not GB18030 or Big5 either.
    let mut broken = "本报讯 金水区委书记李明主持召开会议。".as_bytes().to_vec();
    broken.insert(9, 0xff);
    broken.extend("会议强调要抓好落实。".as_bytes());
    write(&input, "broken.txt", &broken);
    write(
        &input,
        "mixed.jsonl",
        "{\"title\":\"甲\",\"text\":\"惠济区委书记马军出席会议。\"}\nnot json\n{\"title\":\"乙\"}\n{\"title\":\"丙\",\"text\":\"区长丁文霞主持会议。\"}\n".as_bytes(),
    );
    write(
        &input,
        "good.md",
        &read(&root().join("tests/fixtures/articles/jinshui.md")),
    );
    let out = tmp.path().join("out");
    let summary = build(&[&input], &out, &[]);
    // Built: gbk.txt, the two good JSONL lines, good.md. Skipped, each by name with
    // its reason: the rest, and the two bad JSONL lines by line number.
    for (name, why) in [
        ("empty.txt", "empty"),
        ("blank.md", "empty"),
        ("binary.txt", "binary"),
        ("broken.txt", "neither UTF-8 nor Chinese in GB18030 or Big5"),
        ("mixed.jsonl:2", "expected"),
        ("mixed.jsonl:3", "missing string field `text`"),
    ] {
        let line = format!("skipped {}: ", input.join(name).display());
        assert!(
            summary
                .lines()
                .any(|l| l.starts_with(&line) && l.contains(why)),
            "{name} not accounted for:\n{summary}"
        );
    }
    assert!(
        summary.contains("articles: 4 built, 0 duplicates, 6 inputs skipped"),
        "{summary}"
    );
    let doc = zhkg::GraphDoc::load(&out.join("graph.json")).unwrap();
    assert!(doc.nodes.iter().any(|n| n.name == "马军"), "GB18030 read");
}

/// Megabytes of the one-line file: 10 as the issue asks under `cargo test --release`
/// (and in `bench/corpus.sh`); unoptimised test builds extract Chinese some 40 times
/// slower, so they use 1 MB unless `ZHKG_HUGE_MB` says otherwise. The property
/// tested (bounded sentences and articles, so time and memory grow linearly) is the
/// same at either size.
fn huge_mb() -> usize {
    std::env::var("ZHKG_HUGE_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) { 1 } else { 10 })
}

#[test]
fn a_huge_line_finishes_quickly() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    let size = huge_mb() << 20;
    // No line break: news text run together (sentence ends, but no paragraphs) for
    // half of it, then an unbroken blob (base64-like: no spaces, no punctuation).
    let news: String = std::fs::read_to_string(root().join("tests/fixtures/articles/jinshui.md"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect();
    let mut text = String::with_capacity(size + 4096);
    let mut i = 0;
    while text.len() < size / 2 {
        // A counter keeps the parts of the dump distinct.
        text.push_str(&news);
        text.push_str(&format!("第{i}段。"));
        i += 1;
    }
    let blob =
        "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk";
    while text.len() < size {
        text.push_str(blob);
    }
    assert!(!text.contains('\n'));
    write(&input, "huge.txt", text.as_bytes());
    let out = tmp.path().join("out");
    let t = Instant::now();
    let summary = build(&[&input], &out, &[]);
    // Generous for a shared machine: about 40 s per MB unoptimised, 1 s optimised.
    let limit = if cfg!(debug_assertions) { 90 } else { 6 } * huge_mb() as u64;
    assert!(
        t.elapsed() < Duration::from_secs(limit),
        "{:?}",
        t.elapsed()
    );
    // Cut into parts of bounded size, every part built, nothing skipped.
    assert!(summary.contains("0 inputs skipped"), "{summary}");
    let doc = zhkg::GraphDoc::load(&out.join("graph.json")).unwrap();
    let parts = doc
        .nodes
        .iter()
        .filter(|n| n.kind.as_str() == "article")
        .count();
    let min_parts = size / 3 / zhkg::ingest::MAX_ARTICLE_CHARS;
    assert!(
        parts >= min_parts,
        "{parts} parts, expected at least {min_parts}"
    );
}

#[test]
fn an_unwritable_output_folder_fails_cleanly_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    // A path under a regular file cannot be created, even by root.
    let blocker = tmp.path().join("file");
    std::fs::write(&blocker, "x").unwrap();
    let a = zhkg()
        .args(["build", "data", "--no-svg", "-o"])
        .arg(blocker.join("out"))
        .assert()
        .failure()
        .code(1);
    let err = String::from_utf8_lossy(&a.get_output().stderr).to_string();
    assert!(err.contains(&blocker.display().to_string()), "{err}");
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1);

    // A read-only folder (not for root, who may write anywhere).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let ro = tmp.path().join("ro");
        std::fs::create_dir(&ro).unwrap();
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
        let writable = std::fs::write(ro.join("probe"), "x").is_ok();
        if writable {
            eprintln!("notice: running as root: read-only folder case skipped");
        } else {
            let a = zhkg()
                .args(["build", "data", "--no-svg", "-o"])
                .arg(&ro)
                .assert()
                .failure();
            let err = String::from_utf8_lossy(&a.get_output().stderr).to_string();
            assert!(err.contains("graph"), "{err}");
            assert_eq!(std::fs::read_dir(&ro).unwrap().count(), 0);
        }
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

#[test]
fn a_killed_run_leaves_the_previous_graph_intact() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    build(&[Path::new("data")], &out, &[]);
    let before = read(&out.join("graph.json"));
    // A bigger input so that the run is still going when it is killed.
    let input = tmp.path().join("in");
    let body = std::fs::read_to_string(root().join("tests/fixtures/articles/jinshui.md")).unwrap();
    for i in 0..400 {
        write(
            &input,
            &format!("{i:04}.md"),
            format!("{body}\n编号{i}。\n").as_bytes(),
        );
    }
    let bin = assert_cmd::cargo::cargo_bin("zhkg");
    for delay in [50u64, 200, 600] {
        let mut child = std::process::Command::new(&bin)
            .current_dir(root())
            .args(["build", "--no-svg", "-q", "-o"])
            .arg(&out)
            .arg(&input)
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let status = child.wait().unwrap();
        let now = read(&out.join("graph.json"));
        // Either the old graph, or the whole new one: a run finished, or killed after
        // its publish journal was in place (the renames are then committed, and the
        // next run finishes any left).
        if status.success() || now != before {
            zhkg::GraphDoc::from_json(std::str::from_utf8(&now).unwrap(), Path::new("g"))
                .unwrap_or_else(|e| panic!("killed after {delay} ms: graph.json is partial: {e}"));
        }
        // Never a half-written file, and no temporary files left to trip over.
        let names: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with(".zhkg-"))
            .collect();
        assert!(names.contains(&"graph.json".to_string()));
    }
}

#[test]
fn a_file_removed_after_listing_is_skipped_with_the_reason() {
    let tmp = tempfile::tempdir().unwrap();
    let p1 = write(
        tmp.path(),
        "a.md",
        &read(&root().join("tests/fixtures/articles/jinshui.md")),
    );
    let p2 = write(tmp.path(), "b.md", "# 标题\n\n正文。\n".as_bytes());
    let files = zhkg::ingest::list_files(tmp.path()).unwrap();
    assert_eq!(files, vec![p1.clone(), p2.clone()]);
    std::fs::remove_file(&p2).unwrap();
    let lex = zhkg::lexicon::Lexicon::embedded();
    let got = zhkg::ingest::read_files(&files, &lex);
    assert_eq!(got.articles.len(), 1);
    assert_eq!(got.skipped.len(), 1);
    assert_eq!(got.skipped[0].path, p2.display().to_string());
    assert!(
        got.skipped[0].reason.contains("No such file"),
        "{}",
        got.skipped[0].reason
    );
}

#[test]
fn progress_and_summary_are_quiet_when_asked() {
    let tmp = tempfile::tempdir().unwrap();
    let a = zhkg()
        .args(["build", "data", "--no-svg", "-q", "-o"])
        .arg(tmp.path())
        .assert()
        .success();
    assert!(a.get_output().stdout.is_empty());
    // Not a terminal: no progress bar either.
    assert!(
        a.get_output().stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&a.get_output().stderr)
    );
    let b = zhkg()
        .args(["build", "data", "--no-svg", "-o"])
        .arg(tmp.path())
        .assert()
        .success();
    // The summary is a diagnostic: on standard error, standard output left free.
    let text = String::from_utf8_lossy(&b.get_output().stderr).to_string();
    assert!(
        text.contains("chars/s") && text.contains("articles: "),
        "{text}"
    );
    assert!(b.get_output().stdout.is_empty());
}
