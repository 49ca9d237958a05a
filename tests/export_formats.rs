//! Every export format, rendered from a small hand-built graph and from a
//! hostile one (`tests/fixtures/hostile.json`: script tags, `<img onerror>`,
//! quotes, backslashes, entities, newlines, CSV separators in names, aliases,
//! titles and quotes), is read back with a real reader of that format —
//! networkx for JSON, Cytoscape JSON, GEXF and GraphML; oxttl for Turtle; the
//! csv crate for Neo4j; serde_json for the HTML page's data block — and must
//! give back the same nodes, edges and text. Readers that are not installed
//! (python3 with networkx, chromium) make their tests print a notice and pass.

mod require;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use zhkg::export::{ExportOutput, Format, RenderOptions};

fn render(doc: &GraphDoc, format: Format) -> zhkg::Result<ExportOutput> {
    zhkg::export::render(doc, format, RenderOptions::default())
}
use zhkg::export::{apply_view as apply, ViewOptions};
use zhkg::export::{ID_NS, NS};
use zhkg::graph::{Edge, Evidence, GraphDoc, Node, NodeKind, Relation};

const HOSTILE: &str = include_str!("fixtures/hostile.json");
const VIEW_JS: &str = include_str!("../assets/html/view.js");

const SCRIPT_ATTACK: &str = "</script><script>alert(1)</script>";
const IMG_ATTACK: &str = "<img src=x onerror=alert(1)>";

fn ev(article: &str, sentence: usize, quote: &str, mention: &str) -> Evidence {
    let byte = quote.find(mention).expect("mention in quote");
    let start = quote[..byte].chars().count();
    Evidence {
        article: article.into(),
        sentence,
        start,
        end: start + mention.chars().count(),
        quote: quote.into(),
    }
}

fn edge(source: &str, target: &str, relation: Relation, evidence: Vec<Evidence>) -> Edge {
    Edge {
        source: source.into(),
        target: target.into(),
        key: 0,
        relation,
        title: None,
        role: None,
        evidence,
    }
}

/// A small ordinary graph: three people, two organisations, a place, two
/// events and an article, with parallel edges (two posts in one organisation;
/// chaired and spoke at one meeting).
fn sample() -> GraphDoc {
    let art = "a-20240305-1";
    let s1 = "3月5日上午，惠济区委书记张三主持召开座谈会并讲话。";
    let s2 = "区委副书记、区长李四，副区长王五出席会议。";
    let s3 = "郑州市人民政府召开推进会，王五参加。";
    let mut doc = GraphDoc::empty();
    let mut article = Node::new(art, NodeKind::Article, "惠济区召开座谈会");
    article.headline = Some("惠济区召开座谈会".into());
    article.date = Some("2024-03-05".into());
    article.sources = vec!["news/huiji-0305.txt".into()];
    let mut zhang = Node::new("p-zhangsan", NodeKind::Person, "张三");
    zhang.aliases = vec!["张书记".into()];
    zhang.titles = vec!["区委书记".into()];
    zhang.evidence = vec![ev(art, 1, s1, "张三")];
    let mut li = Node::new("p-lisi", NodeKind::Person, "李四");
    li.titles = vec!["区委副书记".into(), "区长".into()];
    li.evidence = vec![ev(art, 2, s2, "李四")];
    let mut wang = Node::new("p-wangwu", NodeKind::Person, "王五");
    wang.evidence = vec![ev(art, 2, s2, "王五"), ev(art, 3, s3, "王五")];
    let mut huiji = Node::new("o-huiji", NodeKind::Organization, "惠济区委");
    huiji.evidence = vec![ev(art, 1, s1, "惠济区委")];
    let mut gov = Node::new("o-zzgov", NodeKind::Organization, "郑州市人民政府");
    gov.evidence = vec![ev(art, 3, s3, "郑州市人民政府")];
    let zz = Node::new("pl-zhengzhou", NodeKind::Place, "郑州市");
    let mut meeting = Node::new("e-0305-zuotan", NodeKind::Event, "座谈会");
    meeting.date = Some("03-05".into());
    meeting.time = Some("上午".into());
    meeting.event_type = Some("座谈会".into());
    meeting.evidence = vec![ev(art, 1, s1, "座谈会")];
    let mut push = Node::new("e-tuijin", NodeKind::Event, "推进会");
    push.event_type = Some("会议".into());
    push.evidence = vec![ev(art, 3, s3, "推进会")];
    doc.nodes = vec![article, zhang, li, wang, huiji, gov, zz, meeting, push];

    let mut secretary = edge(
        "p-zhangsan",
        "o-huiji",
        Relation::HoldsPosition,
        vec![ev(art, 1, s1, "张三")],
    );
    secretary.title = Some("书记".into());
    let mut deputy = edge(
        "p-zhangsan",
        "o-huiji",
        Relation::HoldsPosition,
        vec![ev(art, 1, s1, "张三")],
    );
    deputy.title = Some("常委".into());
    let mut reporter = edge("p-lisi", art, Relation::Reported, vec![]);
    reporter.role = Some("reporter".into());
    doc.edges = vec![
        secretary,
        deputy,
        edge(
            "p-zhangsan",
            "e-0305-zuotan",
            Relation::Chaired,
            vec![ev(art, 1, s1, "主持")],
        ),
        edge(
            "p-zhangsan",
            "e-0305-zuotan",
            Relation::SpokeAt,
            vec![ev(art, 1, s1, "讲话")],
        ),
        edge(
            "p-lisi",
            "e-0305-zuotan",
            Relation::Attended,
            vec![ev(art, 2, s2, "出席")],
        ),
        edge(
            "p-wangwu",
            "e-0305-zuotan",
            Relation::Attended,
            vec![ev(art, 2, s2, "出席")],
        ),
        edge(
            "p-wangwu",
            "e-tuijin",
            Relation::Attended,
            vec![ev(art, 3, s3, "参加")],
        ),
        edge(
            "o-zzgov",
            "e-tuijin",
            Relation::Held,
            vec![ev(art, 3, s3, "召开")],
        ),
        edge("o-huiji", "pl-zhengzhou", Relation::LocatedIn, vec![]),
        edge("o-zzgov", "pl-zhengzhou", Relation::LocatedIn, vec![]),
        reporter,
        edge(
            art,
            "p-zhangsan",
            Relation::Mentions,
            vec![ev(art, 1, s1, "张三")],
        ),
    ];
    doc.canonicalize();
    doc
}

fn hostile() -> GraphDoc {
    let doc = GraphDoc::from_json(HOSTILE, Path::new("tests/fixtures/hostile.json")).unwrap();
    let mut canonical = doc.clone();
    canonical.canonicalize();
    assert_eq!(canonical, doc, "the hostile fixture is in canonical order");
    doc
}

fn graphs() -> Vec<(&'static str, GraphDoc)> {
    vec![("sample", sample()), ("hostile", hostile())]
}

fn one_file(doc: &GraphDoc, format: Format) -> Vec<u8> {
    match render(doc, format).unwrap() {
        ExportOutput::File(bytes) => bytes,
        ExportOutput::Files(_) => panic!("{format} should be one file"),
    }
}

fn text(doc: &GraphDoc, format: Format) -> String {
    String::from_utf8(one_file(doc, format)).unwrap()
}

/// Distinct items in first-seen order.
fn distinct(items: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    items
        .into_iter()
        .filter(|s| seen.insert(s.clone()))
        .collect()
}

fn quotes(evidence: &[Evidence]) -> Vec<String> {
    distinct(evidence.iter().map(|e| e.quote.to_string()))
}

/// (source, target, relation, title, role) of every edge, sorted.
type EdgeSig = (String, String, String, Option<String>, Option<String>);

fn edge_sigs(doc: &GraphDoc) -> Vec<EdgeSig> {
    let mut v: Vec<EdgeSig> = doc
        .edges
        .iter()
        .map(|e| {
            (
                e.source.to_string(),
                e.target.to_string(),
                e.relation.as_str().to_string(),
                e.title.clone(),
                e.role.clone(),
            )
        })
        .collect();
    v.sort();
    v
}

// ---------------------------------------------------------------------------
// General properties

#[test]
fn every_format_is_deterministic_and_order_independent() {
    for (name, doc) in graphs() {
        let mut shuffled = doc.clone();
        shuffled.nodes.reverse();
        shuffled.edges.reverse();
        shuffled.canonicalize();
        for format in Format::ALL {
            let a = render(&doc, format).unwrap();
            let b = render(&doc, format).unwrap();
            let c = render(&shuffled, format).unwrap();
            assert_eq!(a, b, "{name}/{format}: two renders differ");
            assert_eq!(a, c, "{name}/{format}: depends on input order");
            match (format, &a) {
                (Format::Neo4j, ExportOutput::Files(files)) => {
                    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
                    assert_eq!(names, ["nodes.csv", "relationships.csv", "import.cypher"]);
                }
                (Format::Neo4j, _) => panic!("neo4j is a folder"),
                (_, ExportOutput::File(bytes)) => assert!(!bytes.is_empty()),
                (_, ExportOutput::Files(_)) => panic!("{format} should be one file"),
            }
        }
    }
}

#[test]
fn exports_of_a_view_are_views() {
    let doc = sample();
    let view = apply(
        &doc,
        &ViewOptions {
            around: Some("王五".into()),
            ..Default::default()
        },
    )
    .unwrap();
    let back: GraphDoc = serde_json::from_slice(&one_file(&view, Format::Json)).unwrap();
    let ids: Vec<&str> = back.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["e-0305-zuotan", "e-tuijin", "p-wangwu"]);
    assert_eq!(back.edges.len(), 2);
}

#[test]
fn json_is_graph_json() {
    for (_, doc) in graphs() {
        let bytes = one_file(&doc, Format::Json);
        assert_eq!(bytes, doc.to_json().into_bytes());
        let back: GraphDoc = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(back, doc);
    }
}

#[test]
fn cytoscape_elements_carry_every_node_and_edge() {
    for (name, doc) in graphs() {
        let v: Value = serde_json::from_slice(&one_file(&doc, Format::Cytoscape)).unwrap();
        let nodes = v["elements"]["nodes"].as_array().unwrap();
        let edges = v["elements"]["edges"].as_array().unwrap();
        assert_eq!(nodes.len(), doc.nodes.len(), "{name}");
        assert_eq!(edges.len(), doc.edges.len(), "{name}");
        let mut ids = BTreeSet::new();
        for (el, n) in nodes.iter().zip(&doc.nodes) {
            let d = &el["data"];
            assert_eq!(d["id"], n.id.as_str());
            assert_eq!(d["name"], n.name.as_str());
            assert_eq!(d["kind"], n.kind.as_str());
            assert!(ids.insert(d["id"].as_str().unwrap().to_string()));
        }
        for (el, e) in edges.iter().zip(&doc.edges) {
            let d = &el["data"];
            assert_eq!(d["source"], &*e.source);
            assert_eq!(d["target"], &*e.target);
            assert_eq!(d["relation"], e.relation.as_str());
            assert_eq!(d["title"].as_str(), e.title.as_deref());
            assert!(
                ids.insert(d["id"].as_str().unwrap().to_string()),
                "{name}: element ids are unique"
            );
        }
    }
}

// ---------------------------------------------------------------------------
// networkx: JSON, Cytoscape JSON, GEXF, GraphML

const NX_READ: &str = r#"
import json, sys
import networkx as nx
fmt, path = sys.argv[1], sys.argv[2]
if fmt == "gexf":
    G = nx.read_gexf(path)
elif fmt == "graphml":
    G = nx.read_graphml(path)
else:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if fmt == "cytoscape":
        G = nx.cytoscape_graph(data)
    else:
        try:
            G = nx.node_link_graph(data, edges="edges")
        except TypeError:
            G = nx.node_link_graph(data, link="edges")
if G.is_multigraph():
    edges = [[u, v, k, d] for u, v, k, d in G.edges(keys=True, data=True)]
else:
    edges = [[u, v, None, d] for u, v, d in G.edges(data=True)]
out = {
    "directed": G.is_directed(),
    "nodes": {str(n): d for n, d in G.nodes(data=True)},
    "edges": edges,
}
sys.stdout.buffer.write(json.dumps(out, ensure_ascii=False, default=str).encode("utf-8"))
"#;

fn networkx_available() -> bool {
    let ok = Command::new("python3")
        .args(["-c", "import networkx"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !ok {
        require::missing("python3 with networkx");
    }
    ok
}

/// Reads `bytes` as `format` with networkx and returns its summary.
fn networkx_read(format: &str, bytes: &[u8]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("graph.{format}"));
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new("python3")
        .args(["-c", NX_READ, format])
        .arg(&path)
        .env("PYTHONWARNINGS", "ignore")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "networkx could not read the {format} export:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A list attribute as networkx returns it: a JSON array (node-link and
/// Cytoscape JSON, whose evidence entries are objects with a quote), a JSON
/// array inside a string (GEXF, GraphML), or absent.
fn list_attr(v: &Value) -> Vec<String> {
    match v {
        Value::Null => vec![],
        Value::String(s) => serde_json::from_str(s).expect("a JSON list in a string"),
        Value::Array(items) => items
            .iter()
            .map(|i| match i {
                Value::String(s) => s.clone(),
                obj => obj["quote"].as_str().unwrap().to_string(),
            })
            .collect(),
        other => panic!("not a list: {other}"),
    }
}

fn check_networkx(format: Format, name_attr: &str) {
    if !networkx_available() {
        return;
    }
    for (gname, doc) in graphs() {
        let what = format!("{gname}/{format}");
        let g = networkx_read(format.as_str(), &one_file(&doc, format));
        assert_eq!(g["directed"], true, "{what}");
        let nodes = g["nodes"].as_object().unwrap();
        let edges = g["edges"].as_array().unwrap();
        assert_eq!(nodes.len(), doc.nodes.len(), "{what}: node count");
        assert_eq!(edges.len(), doc.edges.len(), "{what}: edge count");
        for n in &doc.nodes {
            let attrs = nodes
                .get(&n.id)
                .unwrap_or_else(|| panic!("{what}: node {} missing", n.id));
            assert_eq!(
                attrs[name_attr],
                n.name.as_str(),
                "{what}: name of {}",
                n.id
            );
            assert_eq!(attrs["kind"], n.kind.as_str(), "{what}");
            assert_eq!(list_attr(&attrs["aliases"]), n.aliases, "{what}: aliases");
            assert_eq!(list_attr(&attrs["titles"]), n.titles, "{what}: titles");
            assert_eq!(
                distinct(list_attr(&attrs["evidence"])),
                quotes(&n.evidence),
                "{what}: evidence of {}",
                n.id
            );
            if let Some(h) = &n.headline {
                assert_eq!(attrs["headline"], h.as_str(), "{what}");
            }
        }
        let mut got: Vec<EdgeSig> = edges
            .iter()
            .map(|e| {
                let d = &e[3];
                let opt = |k: &str| d[k].as_str().map(str::to_string);
                (
                    e[0].as_str().unwrap().to_string(),
                    e[1].as_str().unwrap().to_string(),
                    d["relation"].as_str().unwrap().to_string(),
                    opt("title"),
                    opt("role"),
                )
            })
            .collect();
        got.sort();
        assert_eq!(got, edge_sigs(&doc), "{what}: edges");
        for e in edges {
            let (u, v, d) = (e[0].as_str().unwrap(), e[1].as_str().unwrap(), &e[3]);
            let original = doc
                .edges
                .iter()
                .find(|x| {
                    &*x.source == u
                        && &*x.target == v
                        && x.relation.as_str() == d["relation"]
                        && x.title.as_deref() == d["title"].as_str()
                })
                .unwrap();
            assert_eq!(
                distinct(list_attr(&d["evidence"])),
                quotes(&original.evidence),
                "{what}: edge evidence"
            );
        }
    }
}

#[test]
fn json_reads_in_networkx() {
    check_networkx(Format::Json, "name");
}

#[test]
fn cytoscape_reads_in_networkx() {
    check_networkx(Format::Cytoscape, "name");
}

#[test]
fn gexf_reads_in_networkx() {
    check_networkx(Format::Gexf, "label");
}

#[test]
fn graphml_reads_in_networkx() {
    check_networkx(Format::Graphml, "name");
}

#[test]
fn gexf_colours_nodes_by_kind() {
    let gexf = text(&sample(), Format::Gexf);
    assert!(gexf.contains(r#"<gexf xmlns="http://gexf.net/1.3""#));
    assert!(gexf.contains(r#"version="1.3""#));
    // Person blue, event red.
    assert!(gexf.contains(r#"<viz:color r="78" g="121" b="167" a="1.0"/>"#));
    assert!(gexf.contains(r#"<viz:color r="225" g="87" b="89" a="1.0"/>"#));
    assert_eq!(gexf.matches("<viz:color").count(), sample().nodes.len());
}

#[test]
fn xml_exports_keep_hostile_text_out_of_markup() {
    for format in [Format::Gexf, Format::Graphml] {
        let xml = text(&hostile(), format);
        assert!(!xml.contains("<script"), "{format}");
        assert!(!xml.contains("<img"), "{format}");
        assert!(!xml.contains("<!--"), "{format}");
        assert!(!xml.contains("<b>"), "{format}");
    }
}

// ---------------------------------------------------------------------------
// Turtle

/// Undoes N-Triples string escapes.
fn unescape_nt(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next().unwrap() {
            't' => out.push('\t'),
            'b' => out.push('\u{8}'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            'f' => out.push('\u{c}'),
            '"' => out.push('"'),
            '\'' => out.push('\''),
            '\\' => out.push('\\'),
            u @ ('u' | 'U') => {
                let len = if u == 'u' { 4 } else { 8 };
                let hex: String = chars.by_ref().take(len).collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
            }
            other => panic!("unknown escape \\{other}"),
        }
    }
    out
}

/// A term in N-Triples form, decoded.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum T {
    Iri(String),
    Blank(String),
    Lit(String, String),
}

fn term(nt: &str) -> T {
    if let Some(iri) = nt.strip_prefix('<') {
        T::Iri(iri.trim_end_matches('>').to_string())
    } else if let Some(b) = nt.strip_prefix("_:") {
        T::Blank(b.to_string())
    } else {
        let end = nt.rfind('"').unwrap();
        let value = unescape_nt(&nt[1..end]);
        let suffix = &nt[end + 1..];
        let tag = suffix
            .strip_prefix('@')
            .map(str::to_string)
            .or_else(|| {
                suffix
                    .strip_prefix("^^<")
                    .map(|d| d.trim_end_matches('>').to_string())
            })
            .unwrap_or_default();
        T::Lit(value, tag)
    }
}

type Triple3 = (T, String, T);

fn parse_turtle(ttl: &str) -> Vec<Triple3> {
    oxttl::TurtleParser::new()
        .for_slice(ttl.as_bytes())
        .map(|t| {
            let t = t.unwrap_or_else(|e| panic!("Turtle does not parse: {e}"));
            (
                term(&t.subject.to_string()),
                t.predicate.as_str().to_string(),
                term(&t.object.to_string()),
            )
        })
        .collect()
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
const XSD_INTEGER: &str = "http://www.w3.org/2001/XMLSchema#integer";

fn class_name(kind: NodeKind) -> String {
    let s = kind.as_str();
    s[..1].to_uppercase() + &s[1..]
}

#[test]
fn turtle_parses_back_to_the_graph() {
    let rdf_type = format!("{RDF}type");
    let zhkg = |local: &str| format!("{NS}{local}");
    for (gname, doc) in graphs() {
        let triples = parse_turtle(&text(&doc, Format::Ttl));
        let mut by_subject: BTreeMap<T, Vec<(String, T)>> = BTreeMap::new();
        for (s, p, o) in &triples {
            by_subject
                .entry(s.clone())
                .or_default()
                .push((p.clone(), o.clone()));
        }
        let values = |s: &T, p: &str| -> Vec<T> {
            by_subject[s]
                .iter()
                .filter(|(q, _)| q == p)
                .map(|(_, o)| o.clone())
                .collect()
        };
        let node_iri = |id: &str| {
            let subject = by_subject
                .keys()
                .find(|t| matches!(t, T::Iri(i) if i.strip_prefix(ID_NS).map(percent_decode).as_deref() == Some(id)))
                .unwrap_or_else(|| panic!("{gname}: no IRI for node {id}"));
            subject.clone()
        };

        // Expected triple count, from the vocabulary (8 kinds + Evidence +
        // Merge classes, 10 relation properties, three triples each) and the graph.
        let mut expected = (8 + 2 + 10) * 3;
        for n in &doc.nodes {
            let iri = node_iri(&n.id);
            assert_eq!(
                values(&iri, &rdf_type),
                [T::Iri(zhkg(&class_name(n.kind)))],
                "{gname}: class of {}",
                n.id
            );
            assert_eq!(
                values(&iri, &format!("{RDFS}label")),
                [T::Lit(n.name.clone(), "zh".into())],
                "{gname}: label of {}",
                n.id
            );
            let mut aliases: Vec<T> = values(&iri, &zhkg("alias"));
            aliases.sort();
            let mut want: Vec<T> = n
                .aliases
                .iter()
                .map(|a| T::Lit(a.clone(), "zh".into()))
                .collect();
            want.sort();
            assert_eq!(aliases, want, "{gname}: aliases of {}", n.id);
            let evidence = values(&iri, &zhkg("evidence"));
            assert_eq!(evidence.len(), n.evidence.len());
            let mut got_quotes: Vec<String> = evidence
                .iter()
                .map(|b| match &values(b, &zhkg("quote"))[0] {
                    T::Lit(q, _) => q.clone(),
                    other => panic!("quote is {other:?}"),
                })
                .collect();
            got_quotes.sort();
            let mut want_quotes: Vec<String> =
                n.evidence.iter().map(|e| e.quote.to_string()).collect();
            want_quotes.sort();
            assert_eq!(got_quotes, want_quotes, "{gname}: quotes of {}", n.id);
            if let Some(h) = &n.headline {
                assert_eq!(
                    values(&iri, &zhkg("headline")),
                    [T::Lit(h.clone(), "zh".into())]
                );
            }
            let opt = |o: &Option<String>| usize::from(o.is_some());
            expected += 2
                + n.aliases.len()
                + n.titles.len()
                + opt(&n.date)
                + opt(&n.time)
                + opt(&n.event_type)
                + opt(&n.headline)
                + n.sources.len()
                + n.merges.len() * 4
                + n.evidence.len() * 7;
        }

        let statements: Vec<&T> = by_subject
            .iter()
            .filter(|(_, po)| po.contains(&(rdf_type.clone(), T::Iri(format!("{RDF}Statement")))))
            .map(|(s, _)| s)
            .collect();
        assert_eq!(
            statements.len(),
            doc.edges.len(),
            "{gname}: one statement per edge"
        );
        let mut got: Vec<EdgeSig> = statements
            .iter()
            .map(|s| {
                let one = |p: &str| values(s, p).into_iter().next();
                let id_of = |t: Option<T>| match t {
                    Some(T::Iri(i)) => percent_decode(i.strip_prefix(ID_NS).unwrap()),
                    other => panic!("not a node: {other:?}"),
                };
                let rel = match one(&format!("{RDF}predicate")) {
                    Some(T::Iri(p)) => p.strip_prefix(NS).unwrap().to_string(),
                    other => panic!("predicate {other:?}"),
                };
                let lit = |t: Option<T>| match t {
                    Some(T::Lit(v, _)) => Some(v),
                    None => None,
                    other => panic!("not a literal: {other:?}"),
                };
                assert!(matches!(one(&zhkg("key")), Some(T::Lit(_, dt)) if dt == XSD_INTEGER));
                (
                    id_of(one(&format!("{RDF}subject"))),
                    id_of(one(&format!("{RDF}object"))),
                    rel,
                    lit(one(&zhkg("title"))),
                    lit(one(&zhkg("role"))),
                )
            })
            .collect();
        got.sort();
        let mut want: Vec<EdgeSig> = edge_sigs(&doc)
            .into_iter()
            .map(|(s, t, r, ti, ro)| {
                (
                    s,
                    t,
                    zhkg::export::relation_property(Relation::parse(&r).unwrap()),
                    ti,
                    ro,
                )
            })
            .collect();
        want.sort();
        assert_eq!(got, want, "{gname}: reified edges");

        let direct: BTreeSet<(String, Relation, String)> = doc
            .edges
            .iter()
            .map(|e| (e.source.to_string(), e.relation, e.target.to_string()))
            .collect();
        for (s, r, t) in &direct {
            let p = zhkg(&zhkg::export::relation_property(*r));
            assert!(
                values(&node_iri(s), &p).contains(&node_iri(t)),
                "{gname}: direct triple {s} {r} {t}"
            );
        }
        expected += direct.len();
        for e in &doc.edges {
            expected += 5
                + usize::from(e.title.is_some())
                + usize::from(e.role.is_some())
                + e.evidence.len() * 7;
        }
        assert_eq!(triples.len(), expected, "{gname}: triple count");
    }
}

// ---------------------------------------------------------------------------
// Neo4j

fn neo4j_files(doc: &GraphDoc) -> BTreeMap<String, String> {
    match render(doc, Format::Neo4j).unwrap() {
        ExportOutput::Files(files) => files
            .into_iter()
            .map(|(n, b)| (n, String::from_utf8(b).unwrap()))
            .collect(),
        ExportOutput::File(_) => panic!("neo4j is a folder"),
    }
}

fn read_csv(text: &str) -> (Vec<String>, Vec<BTreeMap<String, String>>) {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let headers: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r
        .records()
        .map(|rec| {
            let rec = rec.unwrap();
            assert_eq!(rec.len(), headers.len());
            // No cell a spreadsheet would run as a formula (OWASP CSV injection): such
            // a cell is written with a ' in front, which reading takes off again.
            headers
                .iter()
                .cloned()
                .zip(rec.iter().map(|cell| {
                    assert!(
                        !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                        "formula-like cell {cell:?}"
                    );
                    match cell.strip_prefix('\'') {
                        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => {
                            rest.to_string()
                        }
                        _ => cell.to_string(),
                    }
                }))
                .collect()
        })
        .collect();
    (headers, rows)
}

fn split_array(cell: &str) -> Vec<String> {
    if cell.is_empty() {
        vec![]
    } else {
        cell.split(';').map(str::to_string).collect()
    }
}

fn neo4j_array(items: &[String]) -> Vec<String> {
    items.iter().map(|s| s.replace(';', "；")).collect()
}

#[test]
fn neo4j_csvs_read_back_and_every_edge_end_exists() {
    for (gname, doc) in graphs() {
        let files = neo4j_files(&doc);
        let (nh, nodes) = read_csv(&files["nodes.csv"]);
        let (rh, rels) = read_csv(&files["relationships.csv"]);
        assert_eq!(&nh[..4], ["id:ID", ":LABEL", "kind", "name"]);
        assert!(nh.contains(&"aliases:string[]".to_string()));
        assert_eq!(&rh[..3], [":START_ID", ":END_ID", ":TYPE"]);
        assert!(rh.contains(&"title".to_string()) && rh.contains(&"evidence:string[]".to_string()));

        assert_eq!(nodes.len(), doc.nodes.len(), "{gname}");
        let ids: BTreeSet<&str> = nodes.iter().map(|r| r["id:ID"].as_str()).collect();
        assert_eq!(ids.len(), nodes.len(), "{gname}: ids are unique");
        for (row, n) in nodes.iter().zip(&doc.nodes) {
            assert_eq!(row["id:ID"], n.id);
            assert_eq!(row[":LABEL"], format!("{};Zhkg", class_name(n.kind)));
            assert!(row[":LABEL"].is_ascii());
            assert_eq!(row["name"], n.name, "{gname}: name survives CSV");
            assert_eq!(
                split_array(&row["aliases:string[]"]),
                neo4j_array(&n.aliases)
            );
            assert_eq!(
                split_array(&row["evidence:string[]"]),
                neo4j_array(&quotes(&n.evidence))
            );
            assert_eq!(row["headline"], n.headline.clone().unwrap_or_default());
        }

        assert_eq!(rels.len(), doc.edges.len(), "{gname}");
        for (row, e) in rels.iter().zip(&doc.edges) {
            assert!(
                ids.contains(row[":START_ID"].as_str()),
                "{gname}: start exists"
            );
            assert!(ids.contains(row[":END_ID"].as_str()), "{gname}: end exists");
            assert_eq!(row[":START_ID"], &*e.source);
            assert_eq!(row[":END_ID"], &*e.target);
            let ty = &row[":TYPE"];
            assert_eq!(*ty, e.relation.as_str().to_uppercase());
            assert!(ty.bytes().all(|b| b.is_ascii_uppercase() || b == b'_'));
            assert_eq!(row["title"], e.title.clone().unwrap_or_default());
            assert_eq!(row["role"], e.role.clone().unwrap_or_default());
            assert_eq!(row["key:int"], e.key.to_string());
            assert_eq!(
                split_array(&row["evidence:string[]"]),
                neo4j_array(&quotes(&e.evidence))
            );
        }
    }
}

#[test]
fn neo4j_semicolons_in_list_items_become_full_width() {
    let files = neo4j_files(&hostile());
    let (_, nodes) = read_csv(&files["nodes.csv"]);
    let zhang = nodes.iter().find(|r| r["id:ID"] == "person-zhang").unwrap();
    assert!(split_array(&zhang["aliases:string[]"]).contains(&"别名；分号".to_string()));
}

#[test]
fn neo4j_cypher_matches_the_csvs() {
    for (gname, doc) in graphs() {
        let files = neo4j_files(&doc);
        let cypher = &files["import.cypher"];
        let (nh, _) = read_csv(&files["nodes.csv"]);
        let (rh, _) = read_csv(&files["relationships.csv"]);
        let kinds: BTreeSet<NodeKind> = doc.nodes.iter().map(|n| n.kind).collect();
        let relations: BTreeSet<Relation> = doc.edges.iter().map(|e| e.relation).collect();
        assert!(cypher.contains("REQUIRE n.id IS UNIQUE;"));
        for k in &kinds {
            assert!(cypher.contains(&format!("WITH row WHERE row.kind = '{k}'\nMERGE (n:Zhkg {{id: row.`id:ID`}})\nSET n:{},", class_name(*k))), "{gname}: {k}");
        }
        for r in &relations {
            let ty = r.as_str().to_uppercase();
            assert!(
                cypher.contains(&format!(
                    "MERGE (a)-[r:{ty} {{key: toInteger(row.`key:int`)}}]->(b)"
                )),
                "{gname}: {ty}"
            );
        }
        let statements = cypher.lines().filter(|l| l.ends_with(';')).count();
        assert_eq!(statements, 1 + kinds.len() + relations.len(), "{gname}");
        // Every column the script reads exists in the file it loads, and every
        // property column of the files is set by the script.
        for block in cypher.split(";\n").filter(|b| b.contains("LOAD CSV")) {
            let header = if block.contains("nodes.csv") {
                &nh
            } else {
                &rh
            };
            let mut used = BTreeSet::new();
            for part in block.split("row.`").skip(1) {
                let col = &part[..part.find('`').unwrap()];
                assert!(
                    header.iter().any(|h| h == col),
                    "{gname}: `{col}` not in CSV"
                );
                used.insert(col.to_string());
            }
            for h in header {
                assert!(
                    used.contains(h) || h == ":LABEL" || block.contains(&format!("row.{h} ")),
                    "{gname}: `{h}` unused"
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------
// HTML

fn data_block(page: &str) -> &str {
    zhkg::export::embedded_json(page).expect("the page has a data block")
}

#[test]
fn html_data_block_is_the_graph_and_cannot_break_out() {
    for (gname, doc) in graphs() {
        let page = text(&doc, Format::Html);
        let block = data_block(&page);
        let back: GraphDoc = serde_json::from_str(block).unwrap();
        assert_eq!(back, doc, "{gname}: data block parses back to the graph");
        for forbidden in ['<', '>', '&'] {
            assert!(
                !block.contains(forbidden),
                "{gname}: raw {forbidden} in data block"
            );
        }
        // Exactly the page's own four scripts, and nothing from the data as markup.
        assert_eq!(page.matches("<script").count(), 4, "{gname}");
        assert_eq!(
            page.to_ascii_lowercase().matches("</script").count(),
            4,
            "{gname}"
        );
        assert!(!page.contains(SCRIPT_ATTACK) && !page.contains("<script>alert"));
        assert!(!page.contains("<img"), "{gname}");
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.contains("cytoscape"));
    }
    let hostile_page = text(&hostile(), Format::Html);
    assert!(data_block(&hostile_page).contains("\\u003c/script\\u003e"));
}

#[test]
fn html_script_never_writes_markup() {
    for sink in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
    ] {
        assert!(!VIEW_JS.contains(sink), "view.js uses {sink}");
    }
    assert!(VIEW_JS.contains("textContent"));
}

#[test]
fn hostile_fixture_is_hostile() {
    let doc = hostile();
    let all_text: String = doc
        .nodes
        .iter()
        .flat_map(|n| {
            std::iter::once(n.name.clone())
                .chain(n.aliases.clone())
                .chain(n.evidence.iter().map(|e| e.quote.to_string()))
        })
        .collect();
    for needle in [
        SCRIPT_ATTACK,
        IMG_ATTACK,
        "\"quotes\"",
        "'single'",
        "\\",
        "&amp;",
        "\n",
        ",\"",
    ] {
        assert!(all_text.contains(needle), "fixture lacks {needle:?}");
    }
    assert!(doc
        .edges
        .windows(2)
        .any(|w| w[0].source == w[1].source && w[0].target == w[1].target));
}

/// Runs the browser headless on `page` and returns the DOM after scripts ran.
fn dump_dom(browser: &str, page: &Path, profile: &Path) -> String {
    let mut child = Command::new(browser)
        .args(require::HEADLESS_CHROMIUM)
        .arg("--virtual-time-budget=10000")
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(page)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).unwrap();
        s
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("{browser} did not finish within 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().unwrap()
}

fn body_attr(dom: &str, name: &str) -> Option<usize> {
    let body = &dom[dom.find("<body")?..];
    let body = &body[..body.find('>')?];
    let at = body.find(&format!("{name}=\""))? + name.len() + 2;
    body[at..at + body[at..].find('"')?].parse().ok()
}

/// Appended to a copy of the page: searches a name the way a user would, then
/// opens the first relation in the details panel, and copies the panel's text
/// after each step into probe elements for the DOM dump.
const PROBE: &str = r#"<script>
(function () {
  var input = document.getElementById("search");
  input.value = document.body.getAttribute("data-probe-query");
  document.getElementById("search-form").requestSubmit();
  var details = document.getElementById("details");
  var probe = function (id) {
    var pre = document.createElement("pre");
    pre.id = id;
    pre.textContent = details.textContent;
    document.body.appendChild(pre);
  };
  probe("probe-node");
  probe("probe-marks-" + details.querySelectorAll("mark").length);
  details.querySelector("button.rel").click();
  probe("probe-edge");
})();
</script>
"#;

/// The text of `<pre id="ID">…</pre>` in a DOM dump, unescaped.
fn probe_text(dom: &str, id: &str) -> String {
    let open = format!("<pre id=\"{id}\">");
    let start = dom.find(&open).unwrap_or_else(|| panic!("no probe {id}")) + open.len();
    let end = start + dom[start..].find("</pre>").unwrap();
    dom[start..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

#[test]
fn html_page_draws_in_headless_chromium() {
    let Some(browser) = require::chromium() else {
        require::missing("chromium");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for (gname, doc, query) in [
        ("sample", sample(), "张书记"),
        ("hostile", hostile(), SCRIPT_ATTACK),
    ] {
        let page = dir.path().join(format!("{gname}.html"));
        std::fs::write(&page, one_file(&doc, Format::Html)).unwrap();
        let profile = dir.path().join(format!("profile-{gname}"));
        let dom = dump_dom(browser, &page, &profile);
        assert_eq!(
            body_attr(&dom, "data-visible-nodes"),
            Some(doc.nodes.len()),
            "{gname}: the script ran and built every node"
        );
        assert_eq!(
            body_attr(&dom, "data-drawn-nodes"),
            Some(doc.nodes.len()),
            "{gname}: every node was laid out inside the view"
        );
        assert!(
            dom.contains("<canvas"),
            "{gname}: cytoscape drew on a canvas"
        );
        let n = doc.nodes.len();
        assert!(dom.contains(&format!("显示 {n} / {n} 个节点")), "{gname}");
        assert!(!dom.contains("<img"), "{gname}: an <img> was injected");
        assert!(
            !dom.contains("<script>alert"),
            "{gname}: a script was injected"
        );
        assert!(!dom.contains("<b>粗体"), "{gname}: markup was injected");

        // Search and click through the details panel.
        let html = String::from_utf8(one_file(&doc, Format::Html)).unwrap();
        let escaped_query = query
            .replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;");
        let probed = html
            .replacen(
                "<body>",
                &format!("<body data-probe-query=\"{escaped_query}\">"),
                1,
            )
            .replace("</body>", &format!("{PROBE}</body>"));
        let page = dir.path().join(format!("{gname}-probe.html"));
        std::fs::write(&page, probed).unwrap();
        let profile = dir.path().join(format!("profile-probe-{gname}"));
        let dom = dump_dom(browser, &page, &profile);
        let zhang = doc
            .nodes
            .iter()
            .find(|n| n.aliases.iter().any(|a| a == query))
            .unwrap();
        let node_panel = probe_text(&dom, "probe-node");
        assert!(node_panel.starts_with(&zhang.name), "{gname}: {node_panel}");
        for text in zhang.aliases.iter().chain(&zhang.titles) {
            assert!(
                node_panel.contains(text.as_str()),
                "{gname}: {text:?} in panel"
            );
        }
        for e in &zhang.evidence {
            assert!(
                node_panel.contains(&*e.quote),
                "{gname}: quote {:?} in panel",
                e.quote
            );
        }
        assert!(node_panel.contains("关系（"), "{gname}");
        assert!(
            !dom.contains("probe-marks-0\""),
            "{gname}: the mention is marked in the quotes"
        );
        let edge_panel = probe_text(&dom, "probe-edge");
        let first = doc
            .edges
            .iter()
            .find(|e| *e.source == *zhang.id || *e.target == *zhang.id)
            .unwrap();
        assert!(
            edge_panel.contains(first.relation.as_str()),
            "{gname}: {edge_panel}"
        );
        assert!(
            !dom.contains("<img"),
            "{gname}: an <img> was injected by the panel"
        );
        assert!(
            !dom.contains("<b>粗体"),
            "{gname}: markup was injected by the panel"
        );
    }
}
