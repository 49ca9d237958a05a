//! graph.db answers every question as graph.json does: each query form, in text and
//! JSON, with its exit code, on the sample and on a generated corpus where people
//! recur across articles; a database that is not zhkg's, or of another schema, is
//! refused with a message that says so.

mod binary;

use binary::{root, write, zhkg};
use std::path::{Path, PathBuf};

fn build(inputs: &[&Path], out: &Path) {
    build_with(inputs, out, &[]);
}

fn build_with(inputs: &[&Path], out: &Path, extra: &[&str]) {
    zhkg()
        .arg("build")
        .args(inputs)
        .arg("-o")
        .arg(out)
        .arg("--no-svg")
        .arg("-q")
        .args(extra)
        .assert()
        .success();
}

/// Both ways graph.db is written: sentences scanned, and sentences indexed.
const DB_KINDS: [&[&str]; 2] = [&[], &["--search-index"]];

/// Standard output, standard error and exit code of `zhkg query ARGS --graph GRAPH`.
fn ask(graph: &Path, args: &[&str]) -> (String, String, Option<i32>) {
    let out = zhkg()
        .arg("query")
        .args(args)
        .arg("--graph")
        .arg(graph)
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
    )
}

/// Asks every question of both files of `dir`, in text and JSON; returns how many
/// answers had rows (so that a corpus whose questions all fail cannot pass).
fn same_answers(dir: &Path, questions: &[Vec<String>]) -> usize {
    let (db, json) = (dir.join("graph.db"), dir.join("graph.json"));
    let mut answered = 0;
    for q in questions {
        for json_flag in [false, true] {
            let mut args: Vec<&str> = q.iter().map(String::as_str).collect();
            if json_flag {
                args.push("--json");
            }
            let a = ask(&db, &args);
            let b = ask(&json, &args);
            assert_eq!(
                a,
                b,
                "zhkg query {}: graph.db and graph.json differ",
                args.join(" ")
            );
            if a.2 == Some(0) && !a.0.contains("(nothing)") && !a.0.contains("no sentence") {
                answered += 1;
            }
        }
    }
    answered
}

fn q(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}

#[test]
fn the_sample_gets_the_same_answers_from_both_files() {
    let tmp = tempfile::tempdir().unwrap();
    let questions = vec![
        q(&["attendees", "揭牌仪式"]),
        q(&["attendees", "会"]),
        q(&["events", "马军"]),
        q(&["events", "马骏"]),
        q(&["positions", "丁文霞"]),
        q(&["holders", "惠济区委"]),
        q(&["neighbors", "马军"]),
        q(&["neighbors", "马军", "--depth", "2"]),
        q(&["neighbors", "惠济区", "--depth", "3"]),
        q(&["path", "马军", "丁文霞"]),
        q(&["path", "马军", "郑州市"]),
        q(&["path", "丁", "马军"]),
        q(&["search", "惠济区"]),
        q(&["search", "会", "书记"]),
        q(&["search", "揭牌仪式", "丁文霞"]),
        q(&["search", "没有这句话"]),
        q(&["timeline", "丁文霞"]),
        q(&["timeline", "马军"]),
        q(&["coattend", "丁文霞"]),
        q(&["coattend", "许振"]),
    ];
    for (k, extra) in DB_KINDS.iter().enumerate() {
        let out = tmp.path().join(format!("g{k}"));
        build_with(&[&root().join("data")], &out, extra);
        let answered = same_answers(&out, &questions);
        assert!(
            answered >= 24,
            "{extra:?}: only {answered} answers had rows"
        );
    }
}

/// A deterministic corpus: 80 county news articles in which twelve officials chair,
/// attend and speak at meetings, hold posts and are quoted, over and over.
fn generated_corpus(dir: &Path) -> Vec<Vec<String>> {
    let people = [
        "王建国",
        "李红梅",
        "张卫东",
        "刘志强",
        "陈晓燕",
        "杨光明",
        "赵立新",
        "黄海波",
        "周文华",
        "吴永刚",
        "徐春生",
        "孙丽娟",
    ];
    let counties = ["鹿邑县", "郸城县", "淮阳县", "西华县"];
    let meetings = [
        "县委常委会会议",
        "安全生产工作会议",
        "防汛工作部署会",
        "脱贫攻坚推进会",
        "招商引资座谈会",
    ];
    let posts = ["县委书记", "县长", "常务副县长", "副县长", "县委副书记"];
    let mut seed: u64 = 20;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n
    };
    for i in 0..80 {
        let county = counties[next(counties.len())];
        let meeting = meetings[next(meetings.len())];
        let chair = people[next(people.len())];
        let mut others: Vec<&str> = Vec::new();
        while others.len() < 3 {
            let p = people[next(people.len())];
            if p != chair && !others.contains(&p) {
                others.push(p);
            }
        }
        let (m, d) = (1 + next(12), 1 + next(28));
        let (p0, p1, p2) = (
            posts[next(posts.len())],
            posts[next(posts.len())],
            posts[next(posts.len())],
        );
        let text = format!(
            "# {county}召开{meeting}\n\n本报讯 {m}月{d}日上午,{county}{p0}{chair}主持召开{meeting}。\
             {county}{p1}{a}、{p2}{b}出席会议。{c}在会上讲话。\n\n\
             {chair}强调,要压实责任,确保各项工作落到实处。会议还研究了其他事项。第{i}期。\n",
            a = others[0],
            b = others[1],
            c = others[2],
        );
        write(dir, &format!("{county}/{i:03}.txt"), text.as_bytes());
    }
    let mut questions = Vec::new();
    for p in people {
        for form in ["events", "positions", "timeline", "coattend"] {
            questions.push(q(&[form, p]));
        }
        questions.push(q(&["neighbors", p, "--depth", "2"]));
    }
    for m in meetings {
        questions.push(q(&["attendees", m]));
        questions.push(q(&["search", m]));
    }
    for c in counties {
        questions.push(q(&["holders", &format!("{c}委")]));
    }
    for (a, b) in [(0, 5), (1, 11), (3, 7), (2, 2)] {
        questions.push(q(&["path", people[a], people[b]]));
    }
    for words in [
        vec!["会议"],
        vec!["县", "讲话"],
        vec!["压实责任", "第1"],
        vec!["王建国", "主持"],
    ] {
        let mut s = vec!["search"];
        s.extend(words);
        questions.push(q(&s));
    }
    questions.push(q(&["events", "王"]));
    questions.push(q(&["attendees", "会"]));
    questions.push(q(&["events", "王建"]));
    questions
}

#[test]
fn a_generated_corpus_gets_the_same_answers_from_both_files() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    let questions = generated_corpus(&input);
    for (k, extra) in DB_KINDS.iter().enumerate() {
        let out = tmp.path().join(format!("g{k}"));
        build_with(&[&input], &out, extra);
        let answered = same_answers(&out, &questions);
        assert!(
            answered >= questions.len(),
            "{extra:?}: only {answered} of {} answers had rows",
            2 * questions.len()
        );
    }
}

/// Where a hit stands in the corpus: its article (node numbers follow ids) and its
/// sentence, the order the pages of a search go in.
fn place(hit: &serde_json::Value) -> (String, u64) {
    (
        hit["article"].as_str().unwrap().to_string(),
        hit["sentence"].as_u64().unwrap(),
    )
}

/// A search read page after page as the web app reads it (each page starting where
/// the last one's `more` says), in windows far smaller than the corpus: the pages are
/// disjoint, in sentence order, and together list exactly what `zhkg query search`
/// answers from graph.json; through the scan and through the trigram index.
#[test]
fn a_search_read_in_many_windows_lists_the_whole_answer_once_in_order() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    generated_corpus(&input);
    for (k, extra) in DB_KINDS.iter().enumerate() {
        let out = tmp.path().join(format!("g{k}"));
        build_with(&[&input], &out, extra);
        let store = zhkg::store::Store::open(&out.join("graph.db")).unwrap();
        for words in [vec!["会议"], vec!["压实责任"], vec!["县", "会议"]] {
            let mut args = vec!["search"];
            args.extend(&words);
            args.push("--json");
            let (full, err, code) = ask(&out.join("graph.json"), &args);
            assert_eq!(code, Some(0), "{err}");
            let full: serde_json::Value = serde_json::from_str(&full).unwrap();
            let mut want = full["hits"].as_array().unwrap().clone();
            want.sort_by_key(place);
            assert!(want.len() > 40, "{words:?}: {} hits", want.len());
            let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
            for (limit, budget) in [(20, 16_384), (20, 50), (7, 13), (1, 1)] {
                let mut pages: Vec<Vec<serde_json::Value>> = Vec::new();
                let mut after = 0;
                loop {
                    let page = store.search_page(&words, after, limit, budget).unwrap();
                    assert!(page.answer.hits.len() <= limit);
                    pages.push(
                        page.answer
                            .hits
                            .iter()
                            .map(|h| serde_json::to_value(h).unwrap())
                            .collect(),
                    );
                    match page.more {
                        Some(next) => {
                            assert!(next > after, "{words:?}: page at {after} goes back");
                            after = next;
                        }
                        None => break,
                    }
                }
                let what = format!("{extra:?} {words:?} limit {limit} budget {budget}");
                assert!(pages.len() > 2, "{what}: {} pages", pages.len());
                let spans: Vec<((String, u64), (String, u64))> = pages
                    .iter()
                    .filter(|p| !p.is_empty())
                    .map(|p| {
                        let places = p.iter().map(place);
                        (places.clone().min().unwrap(), places.max().unwrap())
                    })
                    .collect();
                for pair in spans.windows(2) {
                    assert!(pair[0].1 < pair[1].0, "{what}: pages overlap or go back");
                }
                let mut got = pages.concat();
                got.sort_by_key(place);
                assert_eq!(got, want, "{what}: the pages differ from the whole answer");
            }
        }
    }
}

/// A zhkg database with its schema version changed, as an older zhkg wrote it.
fn older(dir: &Path) -> PathBuf {
    build(&[&root().join("data")], dir);
    let db = dir.join("graph.db");
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "UPDATE zhkg_meta SET value = '0' WHERE key = 'schema_version'; PRAGMA user_version = 0;",
    )
    .unwrap();
    db
}

#[test]
fn older_and_foreign_databases_are_refused_with_a_message() {
    let tmp = tempfile::tempdir().unwrap();
    let old = older(&tmp.path().join("old"));
    let (out, err, code) = ask(&old, &["events", "马军"]);
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(out.is_empty());
    assert!(
        err.contains("graph.db: written by an older zhkg") && err.contains("rebuild it"),
        "{err}"
    );

    let foreign = tmp.path().join("other.db");
    let conn = rusqlite::Connection::open(&foreign).unwrap();
    conn.execute_batch("CREATE TABLE nodes(id TEXT); INSERT INTO nodes VALUES ('x');")
        .unwrap();
    drop(conn);
    let (_, err, code) = ask(&foreign, &["events", "马军"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("other.db: not a zhkg graph database"), "{err}");

    let text = write(
        tmp.path(),
        "text.db",
        "not a database at all\n".repeat(200).as_bytes(),
    );
    let (_, err, code) = ask(&text, &["events", "马军"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("text.db: not a zhkg graph database"), "{err}");
}

#[test]
fn query_reads_the_folders_database_and_falls_back_to_graph_json() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("g");
    build(&[&root().join("data")], &out);
    let from_folder = ask(&out, &["events", "马军"]);
    assert_eq!(from_folder.2, Some(0), "{}", from_folder.1);
    // Without graph.db, the folder's graph.json answers the same.
    std::fs::remove_file(out.join("graph.db")).unwrap();
    assert_eq!(ask(&out, &["events", "马军"]), from_folder);
}

/// `zhkg_meta` holds graph.json's `graph`, key for key and value for value, the
/// identity policy included, for either policy; and the schema version.
#[test]
fn the_database_holds_the_graphs_attributes_and_its_identity_policy() {
    use std::collections::BTreeMap;
    let tmp = tempfile::tempdir().unwrap();
    for policy in ["single", "apart"] {
        let out = tmp.path().join(policy);
        build_with(
            &[&root().join("data")],
            &out,
            &["--unplaced-persons", policy],
        );
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(out.join("graph.json")).unwrap()).unwrap();
        let graph = json["graph"].as_object().unwrap();
        assert_eq!(graph["unplaced_persons"], policy);
        let mut want: BTreeMap<String, String> = graph
            .iter()
            .map(|(k, v)| {
                let v = match v {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                (k.clone(), v)
            })
            .collect();
        want.insert(
            "schema_version".into(),
            zhkg::store::schema::SCHEMA_VERSION.to_string(),
        );
        let conn = rusqlite::Connection::open(out.join("graph.db")).unwrap();
        let got: BTreeMap<String, String> = conn
            .prepare("SELECT key, value FROM zhkg_meta")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(got, want, "--unplaced-persons {policy}");
    }
}
