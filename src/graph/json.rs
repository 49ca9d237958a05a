//! `graph.json`: how a [`GraphDoc`] is written as networkx node-link JSON and read
//! back. The bytes are those `serde` derives for [`GraphDoc`] (indented for a graph
//! a person may read, compact above that), with one saving: a piece of evidence whose
//! sentence its article's node lists is written without its quote, and reading puts
//! the quote back. A corpus graph is hundreds of MB, so the compact form is serialised
//! in parallel parts and streamed to the writer.

use super::model::{Edge, Evidence, GraphDoc, GraphMeta, Merge, Node, NodeKind, Relation};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Above this many nodes `graph.json` is written without indentation.
pub const PRETTY_MAX_NODES: usize = 3000;

/// Above this many pieces of evidence (on nodes and edges together) `graph.json` is
/// written without indentation too: a few hundred nodes can hold millions of them
/// (one long text dense with mentions), and no one reads that by eye.
pub const PRETTY_MAX_EVIDENCE: usize = 50_000;

impl GraphMeta {
    /// Reads only the graph attributes of a saved `graph.json`: the rest of the
    /// file is scanned, not kept (a corpus graph holds millions of evidence entries).
    pub fn load(path: &std::path::Path) -> crate::Result<GraphMeta> {
        #[derive(Deserialize)]
        struct Head {
            graph: GraphMeta,
        }
        let file = std::fs::File::open(path).map_err(|e| crate::Error::io(path, e))?;
        let head: Head = serde_json::from_reader(std::io::BufReader::with_capacity(1 << 20, file))
            .map_err(|source| crate::Error::Graph {
                path: path.to_path_buf(),
                source,
            })?;
        Ok(head.graph)
    }
}

impl GraphDoc {
    /// Serialises to JSON with a trailing newline: indented up to
    /// [`PRETTY_MAX_NODES`] nodes and [`PRETTY_MAX_EVIDENCE`] pieces of evidence,
    /// compact above.
    pub fn to_json(&self) -> String {
        let mut out = Vec::new();
        self.write_json(&mut out).expect("graph serialises");
        String::from_utf8(out).expect("serde_json writes UTF-8")
    }

    /// Writes what [`GraphDoc::to_json`] returns, as it is serialised instead of built
    /// in memory first (on a corpus it is hundreds of MB).
    pub fn write_json(&self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        let listed = ListedSentences::of(self);
        if self.indented() {
            let json = GraphJson {
                directed: self.directed,
                multigraph: self.multigraph,
                graph: &self.graph,
                nodes: ElementsJson(&self.nodes, &listed),
                edges: ElementsJson(&self.edges, &listed),
            };
            serde_json::to_writer_pretty(&mut *w, &json)?;
            w.write_all(b"\n")
        } else {
            self.write_compact_in_parallel(w, &listed)
        }
    }

    /// The bytes `serde_json::to_writer` gives for the graph, and a newline, with the
    /// nodes and edges serialised in parallel parts: on a corpus graph, one thread
    /// serialising hundreds of MB would be the longest part of writing.
    fn write_compact_in_parallel(
        &self,
        w: &mut dyn std::io::Write,
        listed: &ListedSentences,
    ) -> std::io::Result<()> {
        write!(
            w,
            "{{\"directed\":{},\"multigraph\":{},\"graph\":",
            self.directed, self.multigraph
        )?;
        serde_json::to_writer(&mut *w, &self.graph)?;
        w.write_all(b",\"nodes\":[")?;
        write_elements_in_parallel(w, &self.nodes, 32, listed)?;
        w.write_all(b"],\"edges\":[")?;
        write_elements_in_parallel(w, &self.edges, 256, listed)?;
        w.write_all(b"]}\n")
    }

    /// Whether the JSON of this graph is indented. It is where a person may read or
    /// diff it; a corpus graph is read by programs, and indentation would make a
    /// fifth of its bytes and a third of its writing time.
    pub fn indented(&self) -> bool {
        let evidence = || {
            let nodes = self.nodes.iter().map(|n| n.evidence.len());
            nodes.chain(self.edges.iter().map(|e| e.evidence.len()))
        };
        self.nodes.len() <= PRETTY_MAX_NODES
            && evidence()
                .try_fold(0usize, |n, k| {
                    Some(n + k).filter(|&n| n <= PRETTY_MAX_EVIDENCE)
                })
                .is_some()
    }

    /// Reads a graph written by [`GraphDoc::to_json`], with every piece of evidence
    /// quoting its sentence again.
    pub fn from_json(text: &str, path: &std::path::Path) -> crate::Result<GraphDoc> {
        let err = |source| crate::Error::Graph {
            path: path.to_path_buf(),
            source,
        };
        let mut doc: GraphDoc = serde_json::from_str(text).map_err(err)?;
        doc.restore_quotes_and_check()
            .map_err(|m| err(<serde_json::Error as serde::de::Error>::custom(m)))?;
        Ok(doc)
    }

    /// Puts back the quotes `graph.json` leaves out: the sentence each cites, from
    /// its article's node; and checks every piece of evidence against its sentence and
    /// every edge's ends against the nodes, so that what reads a loaded graph can
    /// trust its offsets and ids.
    fn restore_quotes_and_check(&mut self) -> std::result::Result<(), String> {
        // Each sentence's length in characters is counted once, not at each citation.
        let sentences: rustc_hash::FxHashMap<String, Vec<(Arc<str>, usize)>> = self
            .nodes
            .iter()
            .filter(|n| !n.sentences.is_empty())
            .map(|n| {
                let counted = n
                    .sentences
                    .iter()
                    .map(|s| (s.clone(), s.chars().count()))
                    .collect();
                (n.id.clone(), counted)
            })
            .collect();
        let check = |evidence: &mut Vec<Evidence>, owner: &dyn Fn() -> String| {
            for ev in evidence.iter_mut() {
                let len = if ev.quote.is_empty() {
                    let (quote, len) = sentences
                        .get(&*ev.article)
                        .and_then(|s| s.get(ev.sentence))
                        .cloned()
                        .ok_or_else(|| {
                            format!(
                                "{}: evidence cites sentence {} of article {}, and the graph has no such sentence",
                                owner(),
                                ev.sentence,
                                ev.article
                            )
                        })?;
                    ev.quote = quote;
                    len
                } else {
                    ev.quote.chars().count()
                };
                if ev.start > ev.end || ev.end > len {
                    return Err(format!(
                        "{}: evidence characters {}..{} of sentence {} of article {}, which has {len}",
                        owner(),
                        ev.start,
                        ev.end,
                        ev.sentence,
                        ev.article
                    ));
                }
            }
            Ok(())
        };
        for n in &mut self.nodes {
            let id = n.id.clone();
            check(&mut n.evidence, &|| format!("node {id}"))?;
        }
        let ids: rustc_hash::FxHashSet<&str> = self.nodes.iter().map(|n| n.id.as_str()).collect();
        for e in &mut self.edges {
            let (source, target, relation) = (e.source.clone(), e.target.clone(), e.relation);
            let owner = || format!("edge {source} -{}-> {target}", relation.as_str());
            for end in [&source, &target] {
                if !ids.contains(&**end) {
                    return Err(format!("{}: no node {end}", owner()));
                }
            }
            check(&mut e.evidence, &owner)?;
        }
        Ok(())
    }

    /// Loads `graph.json` from disk.
    pub fn load(path: &std::path::Path) -> crate::Result<GraphDoc> {
        crate::publish::settle(crate::output::parent_dir(path))?;
        let text = std::fs::read_to_string(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => crate::Error::NoGraph(path.to_path_buf()),
            std::io::ErrorKind::InvalidData => crate::Error::Graph {
                path: path.to_path_buf(),
                source: <serde_json::Error as serde::de::Error>::custom("not UTF-8 text"),
            },
            _ => crate::Error::io(path, e),
        })?;
        GraphDoc::from_json(&text, path)
    }
}

/// The elements of a JSON array, comma-separated as `serde_json` writes them, without
/// the brackets; serialised on the thread pool in parts of `part` items, some hundred
/// KB each (a corpus graph's nodes average 4 KB of JSON, its edges 400 bytes).
fn write_elements_in_parallel<T: Sync>(
    w: &mut dyn std::io::Write,
    items: &[T],
    part: usize,
    listed: &ListedSentences,
) -> std::io::Result<()>
where
    for<'a> ElementJson<'a, T>: Serialize,
{
    // Parts serialised at a time.
    const BATCH: usize = 16;
    crate::output::write_in_order(w, items, part, BATCH, |i, item, buf| {
        if i > 0 {
            buf.push(b',');
        }
        serde_json::to_writer(&mut *buf, &ElementJson(item, listed)).expect("graph serialises");
    })
}

/// The sentences the article nodes of a graph list, by article id. A quote among them
/// is written once, there, and `graph.json` leaves it out of the evidence (quoting the
/// sentence at every mention made three fifths of a corpus graph's bytes). A quote from
/// an article whose node is not in the graph (a filtered view) stays in the evidence.
struct ListedSentences<'a>(rustc_hash::FxHashMap<&'a str, &'a [Arc<str>]>);

impl<'a> ListedSentences<'a> {
    fn of(doc: &'a GraphDoc) -> ListedSentences<'a> {
        ListedSentences(
            doc.nodes
                .iter()
                .filter(|n| !n.sentences.is_empty())
                .map(|n| (n.id.as_str(), n.sentences.as_slice()))
                .collect(),
        )
    }

    /// The sentences the graph's node for `article` lists, if any.
    fn of_article(&self, article: &str) -> Option<&'a [Arc<str>]> {
        self.0.get(article).copied()
    }
}

/// Whether reading `ev` without its quote gives it back, given the sentences its
/// article's node lists.
fn quote_is_listed(sentences: Option<&[Arc<str>]>, ev: &Evidence) -> bool {
    let listed = sentences.and_then(|s| s.get(ev.sentence));
    listed.is_some_and(|q| Arc::ptr_eq(q, &ev.quote) || **q == *ev.quote)
}

/// A list of evidence as `graph.json` has it.
struct EvidenceListJson<'a>(&'a [Evidence], &'a ListedSentences<'a>);

impl Serialize for EvidenceListJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        // A list is sorted by article: the article's sentences are looked up once per
        // run of its evidence (by the id's address: one allocation per article in a
        // built graph; a loaded one still finds them, only more often).
        let mut last: Option<(*const u8, Option<&[Arc<str>]>)> = None;
        s.collect_seq(self.0.iter().map(|ev| {
            let at = ev.article.as_ptr();
            let sentences = match last {
                Some((p, found)) if p == at => found,
                _ => {
                    let found = self.1.of_article(&ev.article);
                    last = Some((at, found));
                    found
                }
            };
            EvidenceJson {
                ev,
                quote_listed: quote_is_listed(sentences, ev),
            }
        }))
    }
}

/// A piece of evidence as `graph.json` has it: without its quote when its article's
/// node lists the sentence.
struct EvidenceJson<'a> {
    ev: &'a Evidence,
    quote_listed: bool,
}

impl Serialize for EvidenceJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let (ev, quote_listed) = (self.ev, self.quote_listed);
        let mut st = s.serialize_struct("Evidence", if quote_listed { 4 } else { 5 })?;
        st.serialize_field("article", &ev.article)?;
        st.serialize_field("sentence", &ev.sentence)?;
        st.serialize_field("start", &ev.start)?;
        st.serialize_field("end", &ev.end)?;
        if quote_listed {
            st.skip_field("quote")?;
        } else {
            st.serialize_field("quote", &ev.quote)?;
        }
        st.end()
    }
}

/// A node or an edge as `graph.json` has it, given the sentences the graph lists.
struct ElementJson<'a, T>(&'a T, &'a ListedSentences<'a>);

/// A list of nodes or edges as `graph.json` has them.
struct ElementsJson<'a, T>(&'a [T], &'a ListedSentences<'a>);

impl<'a, T> Serialize for ElementsJson<'a, T>
where
    ElementJson<'a, T>: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|x| ElementJson(x, self.1)))
    }
}

/// The graph as `graph.json` has it: the form `serde` derives for [`GraphDoc`], but
/// for the quotes [`ListedSentences`] lets it leave out.
#[derive(Serialize)]
struct GraphJson<'a> {
    directed: bool,
    multigraph: bool,
    graph: &'a GraphMeta,
    nodes: ElementsJson<'a, Node>,
    edges: ElementsJson<'a, Edge>,
}

/// [`Node`]'s fields as `serde` derives them, field for field, but for its evidence
/// (`json_form_is_the_derived_one_when_no_quote_is_listed` checks the two agree).
#[derive(Serialize)]
struct NodeFields<'a> {
    id: &'a str,
    kind: NodeKind,
    name: &'a str,
    aliases: &'a [String],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    titles: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    time: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    event_type: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    headline: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    sources: &'a [String],
    #[serde(skip_serializing_if = "<[Arc<str>]>::is_empty")]
    sentences: &'a [Arc<str>],
    #[serde(skip_serializing_if = "<[Merge]>::is_empty")]
    merges: &'a [Merge],
    evidence: EvidenceListJson<'a>,
}

impl Serialize for ElementJson<'_, Node> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let n = self.0;
        NodeFields {
            id: &n.id,
            kind: n.kind,
            name: &n.name,
            aliases: &n.aliases,
            titles: &n.titles,
            date: n.date.as_deref(),
            time: n.time.as_deref(),
            event_type: n.event_type.as_deref(),
            headline: n.headline.as_deref(),
            sources: &n.sources,
            sentences: &n.sentences,
            merges: &n.merges,
            evidence: EvidenceListJson(&n.evidence, self.1),
        }
        .serialize(s)
    }
}

/// [`Edge`]'s fields as `serde` derives them, but for its evidence.
#[derive(Serialize)]
struct EdgeFields<'a> {
    source: &'a str,
    target: &'a str,
    key: usize,
    relation: Relation,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    evidence: EvidenceListJson<'a>,
}

impl Serialize for ElementJson<'_, Edge> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let e = self.0;
        EdgeFields {
            source: &e.source,
            target: &e.target,
            key: e.key,
            relation: e.relation,
            title: e.title.as_deref(),
            role: e.role.as_deref(),
            evidence: EvidenceListJson(&e.evidence, self.1),
        }
        .serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A graph with `n` nodes and edges, some with evidence, merges and options set.
    fn sample(n: usize) -> GraphDoc {
        let mut doc = GraphDoc::empty();
        let quote: Arc<str> = Arc::from("郑州市委书记\"主持\"会议");
        for i in 0..n {
            let mut node = Node::new(format!("person_{i:05}"), NodeKind::Person, "马军");
            if i % 3 == 0 {
                node.aliases.push("马\\军".into());
                node.date = Some("2020-05-05".into());
                node.merges.push(Merge {
                    alias: "马".into(),
                    reason: "同名".into(),
                });
            }
            node.evidence.push(Evidence {
                article: Arc::from("a1"),
                sentence: i,
                start: 0,
                end: 2,
                quote: Arc::clone(&quote),
            });
            doc.nodes.push(node);
            doc.edges.push(Edge {
                source: format!("person_{i:05}").into(),
                target: "event_x".into(),
                key: i % 2,
                relation: Relation::Chaired,
                title: (i % 5 == 0).then(|| "书记".into()),
                role: None,
                evidence: Vec::new(),
            });
        }
        if n > 0 {
            doc.nodes
                .push(Node::new("event_x", NodeKind::Event, "会议"));
        }
        doc
    }

    #[test]
    fn compact_json_is_what_serde_writes() {
        for n in [0, 1, 31, 32, 33, 255, 256, 257, 5000] {
            let doc = sample(n);
            let mut want = serde_json::to_vec(&doc).unwrap();
            want.push(b'\n');
            let mut got = Vec::new();
            doc.write_compact_in_parallel(&mut got, &ListedSentences::of(&doc))
                .unwrap();
            assert!(got == want, "{n} nodes");
        }
    }

    /// A node with every field set, its sentences not the ones its evidence cites.
    fn full_node() -> Node {
        let mut n = Node::new("article_b", NodeKind::Article, "标题");
        n.aliases.push("别名".into());
        n.titles.push("书记".into());
        n.date = Some("05-05".into());
        n.time = Some("上午".into());
        n.event_type = Some("会议".into());
        n.headline = Some("标题".into());
        n.sources.push("a.txt".into());
        n.sentences.push(Arc::from("标题"));
        n.merges.push(Merge {
            alias: "b".into(),
            reason: "同名".into(),
        });
        n.evidence.push(Evidence {
            article: Arc::from("a1"),
            sentence: 0,
            start: 0,
            end: 1,
            quote: Arc::from("别的句子"),
        });
        n
    }

    #[test]
    fn json_form_is_the_derived_one_when_no_quote_is_listed() {
        // Field for field: NodeFields and EdgeFields must follow Node and Edge.
        for mut doc in [sample(3), sample(0)] {
            doc.nodes.push(full_node());
            doc.edges.push(Edge {
                source: "article_b".into(),
                target: "person_00000".into(),
                key: 0,
                relation: Relation::Reported,
                title: Some("记者".into()),
                role: Some("reporter".into()),
                evidence: full_node().evidence,
            });
            let mut want = serde_json::to_vec_pretty(&doc).unwrap();
            want.push(b'\n');
            assert_eq!(doc.to_json().into_bytes(), want);
        }
    }

    #[test]
    fn quotes_listed_by_their_article_are_left_out_and_read_back() {
        let path = std::path::Path::new("graph.json");
        for n in [8, PRETTY_MAX_NODES + 1] {
            let mut doc = sample(n);
            let listed: Vec<Arc<str>> = vec![Arc::from("第一句"), Arc::from("马军主持会议")];
            let mut art = Node::new("a1", NodeKind::Article, "第一句");
            art.sentences = listed.clone();
            // Every sample node cites a1's sentence 1 (listed) or 0 (listed, but with
            // another text, so it stays), or another article's (not in the graph).
            for (i, node) in doc.nodes.iter_mut().take(n).enumerate() {
                let ev = &mut node.evidence[0];
                (ev.sentence, ev.quote) = match i % 3 {
                    0 => (1, Arc::clone(&listed[1])),
                    1 => (1, Arc::from(&*listed[1])),
                    _ => (0, Arc::from("不同的句子")),
                };
                if i % 4 == 3 {
                    ev.article = Arc::from("a9");
                }
            }
            // The listed sentence is written by its article, and by evidence from a9.
            let from_a9 = (0..n).filter(|i| i % 4 == 3 && i % 3 != 2).count();
            doc.nodes.insert(0, art);
            let json = doc.to_json();
            let quoted = json.matches("马军主持会议").count();
            assert_eq!(quoted, 1 + from_a9, "{n} nodes");
            assert!(json.contains("不同的句子"));
            let back = GraphDoc::from_json(&json, path).unwrap();
            assert_eq!(back, doc, "{n} nodes");
            assert_eq!(back.to_json(), json);
        }
    }

    #[test]
    fn few_nodes_with_much_evidence_are_written_compact() {
        let mut doc = sample(3);
        assert!(doc.indented());
        let ev = doc.nodes[0].evidence[0].clone();
        doc.nodes[0].evidence = vec![ev; PRETTY_MAX_EVIDENCE + 1];
        assert!(!doc.indented());
        assert!(!doc.to_json().contains("\n  "));
    }

    #[test]
    fn evidence_citing_a_sentence_the_graph_lacks_is_an_error() {
        let json = r#"{"directed":true,"multigraph":true,"graph":{"generator":"x","articles":1,"sentences":1,"characters":2},
            "nodes":[{"id":"a1","kind":"article","name":"x","aliases":[],"sentences":["第一句"],
                "evidence":[{"article":"a1","sentence":3,"start":0,"end":1}]}],"edges":[]}"#;
        let e = GraphDoc::from_json(json, std::path::Path::new("g.json")).unwrap_err();
        let msg = e.to_string();
        assert!(msg.contains("g.json"), "{msg}");
        let source = std::error::Error::source(&e)
            .map(|s| s.to_string())
            .unwrap_or_default();
        assert!(source.contains("sentence 3 of article a1"), "{source}");
    }
}
