//! `zhkg serve` in a real browser: headless Chromium, driven over the DevTools
//! protocol, types a name into the search box, opens the person, follows an event
//! and reads what the pages show; on a graph of hostile names and sentences nothing
//! in the page runs and every string shows as text. Also the JSON API's answers
//! and errors, over plain HTTP.

mod binary;
mod require;

use binary::{root, write, zhkg};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running process, stopped when dropped.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `zhkg serve` on `db` on a free port; returns it and its address.
fn serve(db: &Path) -> (Running, String) {
    let bin = assert_cmd::cargo::cargo_bin("zhkg");
    let mut child = Command::new(bin)
        .current_dir(root())
        .args(["serve", "--port", "0", "--graph"])
        .arg(db)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    err.read_line(&mut line).unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    (Running(child), addr)
}

/// GET `path` from `addr`: status and body.
fn get(addr: &str, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    // Headers, then as many bytes as Content-Length says (a DevTools endpoint keeps
    // the connection open).
    let mut r = BufReader::new(s);
    let mut status_line = String::new();
    r.read_line(&mut status_line).unwrap();
    let status = status_line[9..12].parse().unwrap();
    let mut length = None;
    loop {
        let mut h = String::new();
        r.read_line(&mut h).unwrap();
        if h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            if k.eq_ignore_ascii_case("content-length") {
                length = v.trim().parse::<usize>().ok();
            }
        }
    }
    let mut body = Vec::new();
    match length {
        Some(n) => {
            body.resize(n, 0);
            r.read_exact(&mut body).unwrap();
        }
        None => {
            r.read_to_end(&mut body).unwrap();
        }
    }
    (status, String::from_utf8_lossy(&body).into_owned())
}

fn sample_db(dir: &Path) -> std::path::PathBuf {
    zhkg()
        .args(["build", "data", "--no-svg", "-q", "-o"])
        .arg(dir)
        .assert()
        .success();
    dir.join("graph.db")
}

/// `zhkg query --json` on `db`, parsed.
fn query_json(db: &Path, args: &[&str]) -> serde_json::Value {
    let out = zhkg()
        .args(["query", "--json", "--graph"])
        .arg(db)
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The pages are read from the database by queries of their own (bounded, for the
/// busiest nodes of a corpus): they must say what `zhkg query` says.
#[test]
fn pages_agree_with_the_query_answers() {
    let tmp = tempfile::tempdir().unwrap();
    let db = sample_db(tmp.path());
    let (_server, addr) = serve(&db);

    let person = "person_ding_wen_xia_2d5e0fa8";
    let (status, body) = get(&addr, &format!("/api/person/{person}"));
    assert_eq!(status, 200, "{body}");
    let page: serde_json::Value = serde_json::from_str(&body).unwrap();
    let rows = query_json(&db, &["coattend", person])["rows"].clone();
    let rows = rows.as_array().unwrap();
    assert!(!rows.is_empty());
    assert_eq!(page["coattendee_count"], rows.len(), "{page}");
    let listed = page["coattendees"].as_array().unwrap();
    assert_eq!(listed.len(), rows.len().min(20));
    for (got, want) in listed.iter().zip(rows) {
        for key in ["id", "name", "relation", "detail"] {
            assert_eq!(got[key], want[key], "{got} {want}");
        }
    }

    // The sample's sentences fit in one call: every hit is listed, no further page.
    let (status, body) = get(&addr, "/api/search?q=%E4%BC%9A%E8%AE%AE");
    assert_eq!(status, 200, "{body}");
    let found: serde_json::Value = serde_json::from_str(&body).unwrap();
    let want = query_json(&db, &["search", "会议"])["hits"].clone();
    let want = want.as_array().unwrap();
    let got = found["sentences"]["hits"].as_array().unwrap();
    assert_eq!(got.len(), want.len().min(20), "{found}");
    assert!(!got.is_empty());
    for hit in got {
        assert!(
            want.contains(hit),
            "{hit} is not a hit of zhkg query search"
        );
    }
    if want.len() <= 20 {
        assert!(found["more"].is_null(), "{found}");
    } else {
        // The next page starts after the last sentence listed, and lists the rest.
        let more = found["more"].as_i64().unwrap();
        let (_, body) = get(
            &addr,
            &format!("/api/search?q=%E4%BC%9A%E8%AE%AE&after={more}"),
        );
        let next: serde_json::Value = serde_json::from_str(&body).unwrap();
        for hit in next["sentences"]["hits"].as_array().unwrap() {
            assert!(want.contains(hit) && !got.contains(hit), "{hit}");
        }
    }
}

#[test]
fn the_api_answers_and_refuses_in_json() {
    let tmp = tempfile::tempdir().unwrap();
    let (_server, addr) = serve(&sample_db(tmp.path()));
    let (status, body) = get(&addr, "/api/search?q=%E4%B8%81%E6%96%87%E9%9C%9E");
    assert_eq!(status, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["names"][0]["id"], "person_ding_wen_xia_2d5e0fa8", "{v}");
    assert!(v["sentence_count"].as_u64().unwrap() >= 1, "{v}");
    let (status, body) = get(&addr, "/api/person/person_ding_wen_xia_2d5e0fa8");
    assert_eq!(status, 200);
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let facts = v["facts"].as_array().unwrap();
    let attended = facts.iter().find(|f| f["relation"] == "attended").unwrap();
    let ev = &attended["evidence"][0];
    let text: Vec<char> = ev["text"].as_str().unwrap().chars().collect();
    let (s, e) = (
        ev["start"].as_u64().unwrap() as usize,
        ev["end"].as_u64().unwrap() as usize,
    );
    assert!(
        text[s..e].iter().collect::<String>().contains("丁文霞"),
        "{ev}"
    );
    assert!(v["coattendees"][0]["name"] == "许振", "{v}");
    let (status, body) = get(&addr, "/api/neighbors/person_ma_jun_984f0604?depth=2");
    assert_eq!(status, 200);
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert!(v["nodes"].as_array().unwrap().len() > 3, "{v}");
    assert!(v["edges"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["relation"] != "mentions"));
    let (status, body) = get(&addr, "/api/event/no_such_id");
    assert_eq!(status, 404);
    assert!(body.contains("no node with id no_such_id"), "{body}");
    assert_eq!(get(&addr, "/nothing/here").0, 404);
}

#[test]
fn serve_refuses_what_is_not_a_graph_database() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = write(tmp.path(), "graph.db", b"not a database");
    let out = zhkg()
        .args(["serve", "--port", "0", "--graph"])
        .arg(&bad)
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("not a zhkg graph database"), "{err}");
}

/// Headless Chromium with its DevTools endpoint, and one page to drive.
struct Browser {
    _child: Running,
    _profile: tempfile::TempDir,
    ws: tungstenite::WebSocket<tungstenite::stream::MaybeTlsStream<TcpStream>>,
    next_id: u64,
    /// Events seen while waiting for answers (dialogs opened, exceptions thrown).
    events: Vec<serde_json::Value>,
}

impl Browser {
    fn start(program: &str) -> Browser {
        let profile = tempfile::tempdir().unwrap();
        let mut child = Command::new(program)
            .args(require::HEADLESS_CHROMIUM)
            .arg("--remote-debugging-port=0")
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        let mut err = BufReader::new(child.stderr.take().unwrap());
        let mut port = None;
        let mut line = String::new();
        while port.is_none() {
            line.clear();
            assert!(
                err.read_line(&mut line).unwrap() > 0,
                "chromium said no port"
            );
            if let Some(rest) = line.split("ws://127.0.0.1:").nth(1) {
                port = rest.split('/').next().map(str::to_string);
            }
        }
        // Keep reading its messages so that it never blocks on a full pipe.
        std::thread::spawn(move || std::io::copy(&mut err, &mut std::io::sink()));
        let port = port.unwrap();
        let child = Running(child);
        let deadline = Instant::now() + Duration::from_secs(30);
        let ws_url = loop {
            let (_, body) = get(&format!("127.0.0.1:{port}"), "/json/list");
            let list: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
            let page = list.as_array().and_then(|l| {
                l.iter()
                    .find(|t| t["type"] == "page")
                    .and_then(|t| t["webSocketDebuggerUrl"].as_str().map(str::to_string))
            });
            if let Some(u) = page {
                break u;
            }
            assert!(Instant::now() < deadline, "no page target: {body}");
            std::thread::sleep(Duration::from_millis(100));
        };
        let (ws, _) = tungstenite::connect(ws_url).unwrap();
        let mut b = Browser {
            _child: child,
            _profile: profile,
            ws,
            next_id: 0,
            events: Vec::new(),
        };
        b.call("Page.enable", serde_json::json!({}));
        b.call("Runtime.enable", serde_json::json!({}));
        b
    }

    /// Sends a DevTools command and returns its result.
    fn call(&mut self, method: &str, params: serde_json::Value) -> serde_json::Value {
        self.next_id += 1;
        let id = self.next_id;
        let msg = serde_json::json!({ "id": id, "method": method, "params": params });
        self.ws
            .send(tungstenite::Message::text(msg.to_string()))
            .unwrap();
        loop {
            let m = self.ws.read().unwrap();
            let Ok(text) = m.to_text() else { continue };
            let v: serde_json::Value = serde_json::from_str(text).unwrap();
            if v["id"] == id {
                assert!(v.get("error").is_none(), "{method}: {v}");
                return v["result"].clone();
            }
            if v.get("method").is_some() {
                if v["method"] == "Page.javascriptDialogOpening" {
                    // Never left open: the page would stop.
                    let _ = self.ws.send(tungstenite::Message::text(
                        serde_json::json!({"id": 0, "method": "Page.handleJavaScriptDialog", "params": {"accept": true}}).to_string(),
                    ));
                }
                self.events.push(v);
            }
        }
    }

    /// The value of a script in the page.
    fn eval(&mut self, expr: &str) -> serde_json::Value {
        let r = self.call(
            "Runtime.evaluate",
            serde_json::json!({ "expression": expr, "returnByValue": true, "awaitPromise": true }),
        );
        r["result"]["value"].clone()
    }

    /// Waits until `expr` is true in the page.
    fn wait_for(&mut self, expr: &str) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while self.eval(&format!("!!({expr})")) != serde_json::Value::Bool(true) {
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {expr}; page: {}",
                self.eval("document.body.innerText")
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn open(&mut self, url: &str) {
        self.call("Page.navigate", serde_json::json!({ "url": url }));
        self.wait_for("document.readyState === 'complete' && document.getElementById('q')");
    }

    /// Types `text` into the search box and presses Enter, as a person would.
    fn search(&mut self, text: &str) {
        self.eval("document.getElementById('q').focus(); document.getElementById('q').value = ''");
        self.call("Input.insertText", serde_json::json!({ "text": text }));
        for kind in ["keyDown", "keyUp"] {
            self.call(
                "Input.dispatchKeyEvent",
                serde_json::json!({
                    "type": kind, "key": "Enter", "code": "Enter",
                    "windowsVirtualKeyCode": 13, "text": "\r"
                }),
            );
        }
    }

    fn text(&mut self) -> String {
        self.eval("document.getElementById('main').innerText")
            .as_str()
            .unwrap_or_default()
            .to_string()
    }
}

fn browser() -> Option<&'static str> {
    let b = require::chromium();
    if b.is_none() {
        require::missing("chromium");
    }
    b
}

#[test]
fn a_person_searched_and_an_event_followed_in_chromium() {
    let Some(program) = browser() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let (_server, addr) = serve(&sample_db(tmp.path()));
    let mut b = Browser::start(program);
    b.open(&format!("http://{addr}/"));
    b.search("丁文霞");
    b.wait_for("document.getElementById('main').dataset.view === 'search'");
    assert!(b.text().contains("丁文霞"), "{}", b.text());
    // Open the person from the list of names.
    b.eval("document.querySelector('#main a[data-id=\"person_ding_wen_xia_2d5e0fa8\"]').click()");
    b.wait_for("document.getElementById('main').dataset.view === 'person'");
    let person = b.text();
    for want in [
        "丁文霞",
        "惠济区人民政府",
        "区长",
        "惠济区委",
        "副书记",
        "挂牌仪式",
        "许振",
    ] {
        assert!(
            person.contains(want),
            "{want} missing from the person page:\n{person}"
        );
    }
    // Each fact's evidence: the sentence, with the mention marked.
    let marks = b.eval(
        "Array.from(document.querySelectorAll('#main li.fact mark')).map(m => m.textContent)",
    );
    assert!(
        marks
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m.as_str().unwrap().contains("丁文霞")),
        "{marks}"
    );
    // The ego graph was drawn.
    b.wait_for("document.querySelector('#graph canvas')");
    // Follow the event she attended.
    b.eval("document.querySelector('#main li.fact[data-relation=\"attended\"] a').click()");
    b.wait_for("document.getElementById('main').dataset.view === 'event'");
    let event = b.text();
    for want in [
        "挂牌仪式",
        "03-16",
        "attendees",
        "丁文霞",
        "许振",
        "held by",
        "惠济区规划服务中心",
    ] {
        assert!(
            event.contains(want),
            "{want} missing from the event page:\n{event}"
        );
    }
    let quoted = b.eval(
        "Array.from(document.querySelectorAll('#main li.fact .quote')).map(q => q.textContent).join('\\n')",
    );
    assert!(
        quoted.as_str().unwrap().contains("出席揭牌仪式"),
        "{quoted}"
    );
    assert!(location_of(&mut b).contains("#/event/event_gua_pai_yi_shi_54495059"));
}

fn location_of(b: &mut Browser) -> String {
    b.eval("location.href")
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// The hostile graph as a database: its article's sentences are those its evidence
/// quotes (the fixture stores quotes, not the article's sentences).
fn hostile_db(dir: &Path) -> std::path::PathBuf {
    let mut doc = zhkg::GraphDoc::load(&root().join("tests/fixtures/hostile.json")).unwrap();
    let mut sentences: std::collections::BTreeMap<(String, usize), String> = Default::default();
    for ev in doc
        .nodes
        .iter()
        .flat_map(|n| &n.evidence)
        .chain(doc.edges.iter().flat_map(|e| &e.evidence))
    {
        sentences.insert((ev.article.to_string(), ev.sentence), ev.quote.to_string());
    }
    for n in &mut doc.nodes {
        let mine: Vec<(usize, &String)> = sentences
            .iter()
            .filter(|((a, _), _)| *a == n.id)
            .map(|((_, i), s)| (*i, s))
            .collect();
        if let Some(&(last, _)) = mine.last() {
            n.sentences = (0..=last)
                .map(|i| {
                    let s = mine.iter().find(|(j, _)| *j == i).map(|(_, s)| s.as_str());
                    std::sync::Arc::from(s.unwrap_or(""))
                })
                .collect();
        }
    }
    doc.canonicalize();
    let db = dir.join("graph.db");
    zhkg::store::write_db(&doc, &db, true).unwrap();
    db
}

#[test]
fn hostile_names_run_nothing_in_the_pages() {
    let Some(program) = browser() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let (_server, addr) = serve(&hostile_db(tmp.path()));
    let mut b = Browser::start(program);
    // Anything that runs would call one of these.
    b.call(
        "Page.addScriptToEvaluateOnNewDocument",
        serde_json::json!({ "source": "window.__ran = 0; window.alert = () => { window.__ran++; };" }),
    );
    b.open(&format!("http://{addr}/"));
    let ids = [
        "person-zhang",
        "person-li",
        "event-0305-meeting",
        "org-huiji",
        "place:zz/1?x=2&y",
        "art-2024-0305-001",
    ];
    let mut seen = String::new();
    for q in ["张三", "<img", "</script>", "座谈会]]>"] {
        b.search(q);
        b.wait_for(&format!(
            "document.getElementById('main').dataset.view === 'search' && document.querySelector('h1').textContent.includes({})",
            serde_json::to_string(q).unwrap()
        ));
        seen.push_str(&b.text());
    }
    for id in ids {
        let hash = format!(
            "#/{}/{}",
            if id.starts_with("person") {
                "person"
            } else if id.starts_with("event") {
                "event"
            } else {
                "node"
            },
            urlencode(id)
        );
        b.eval(&format!(
            "location.hash = {}",
            serde_json::to_string(&hash).unwrap()
        ));
        b.wait_for(&format!(
            "document.getElementById('main').dataset.id === {}",
            serde_json::to_string(id).unwrap()
        ));
        seen.push_str(&b.text());
    }
    // The markup in names and sentences shows as text…
    for shown in [
        "<img src=x onerror=alert(1)>",
        "</script><script>alert(1)</script>",
        "<b>粗体</b>",
        "]]><!--",
    ] {
        assert!(seen.contains(shown), "{shown} not shown as text:\n{seen}");
    }
    // …and nothing of it became an element or ran.
    assert_eq!(b.eval("window.__ran"), serde_json::json!(0));
    assert_eq!(
        b.eval("document.querySelectorAll('img, iframe, object, embed, b').length"),
        serde_json::json!(0)
    );
    assert_eq!(b.eval("document.scripts.length"), serde_json::json!(2));
    let dialogs: Vec<_> = b
        .events
        .iter()
        .filter(|e| e["method"] == "Page.javascriptDialogOpening")
        .collect();
    assert!(dialogs.is_empty(), "{dialogs:?}");
}

/// Percent-encodes what encodeURIComponent encodes.
fn urlencode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
