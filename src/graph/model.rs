//! The saved form of a knowledge graph: networkx node-link JSON (`graph.json`).
//! Everything downstream of `zhkg build` (queries, exports, merges) reads this
//! form, so it is the contract between the extractor and every other tool.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// Above this many nodes `graph.json` is written without indentation.
pub const PRETTY_MAX_NODES: usize = 3000;

/// Above this many pieces of evidence (on nodes and edges together) `graph.json` is
/// written without indentation too: a few hundred nodes can hold millions of them
/// (one long text dense with mentions), and no one reads that by eye.
pub const PRETTY_MAX_EVIDENCE: usize = 50_000;

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// A named person.
    Person,
    /// A government body, party committee, company or other organisation.
    Organization,
    /// A place: province, city, district, town, country, river…
    Place,
    /// A market (…市场, 农产品中心).
    Market,
    /// One occurrence of a meeting, ceremony or activity.
    Event,
    /// A document (《…》).
    Document,
    /// A construction or investment project (…项目).
    Project,
    /// A news article.
    Article,
}

impl NodeKind {
    /// Every kind, in the order used for legends and summaries.
    pub const ALL: [NodeKind; 8] = [
        NodeKind::Person,
        NodeKind::Organization,
        NodeKind::Place,
        NodeKind::Market,
        NodeKind::Event,
        NodeKind::Document,
        NodeKind::Project,
        NodeKind::Article,
    ];

    /// The snake_case name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Person => "person",
            NodeKind::Organization => "organization",
            NodeKind::Place => "place",
            NodeKind::Market => "market",
            NodeKind::Event => "event",
            NodeKind::Document => "document",
            NodeKind::Project => "project",
            NodeKind::Article => "article",
        }
    }

    /// The Chinese word for the kind, for diagram legends.
    pub fn label_zh(self) -> &'static str {
        match self {
            NodeKind::Person => "人物",
            NodeKind::Organization => "机构",
            NodeKind::Place => "地点",
            NodeKind::Market => "市场",
            NodeKind::Event => "事件",
            NodeKind::Document => "文件",
            NodeKind::Project => "项目",
            NodeKind::Article => "报道",
        }
    }

    /// Parses the snake_case name.
    pub fn parse(s: &str) -> Option<NodeKind> {
        NodeKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for NodeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What an edge says about its two ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// person → organization or place, with `title`.
    HoldsPosition,
    /// person → event.
    Chaired,
    /// person → event.
    Attended,
    /// person → event.
    SpokeAt,
    /// organization → event.
    Held,
    /// organization → document.
    Issued,
    /// organization → organization.
    PartOf,
    /// anything → place.
    LocatedIn,
    /// person → article, with `role` (`reporter` | `correspondent`).
    Reported,
    /// article → entity.
    Mentions,
}

impl Relation {
    /// Every relation, in a fixed order.
    pub const ALL: [Relation; 10] = [
        Relation::HoldsPosition,
        Relation::Chaired,
        Relation::Attended,
        Relation::SpokeAt,
        Relation::Held,
        Relation::Issued,
        Relation::PartOf,
        Relation::LocatedIn,
        Relation::Reported,
        Relation::Mentions,
    ];

    /// The snake_case name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::HoldsPosition => "holds_position",
            Relation::Chaired => "chaired",
            Relation::Attended => "attended",
            Relation::SpokeAt => "spoke_at",
            Relation::Held => "held",
            Relation::Issued => "issued",
            Relation::PartOf => "part_of",
            Relation::LocatedIn => "located_in",
            Relation::Reported => "reported",
            Relation::Mentions => "mentions",
        }
    }

    /// The Chinese verb for diagram edge labels.
    pub fn label_zh(self) -> &'static str {
        match self {
            Relation::HoldsPosition => "任职",
            Relation::Chaired => "主持",
            Relation::Attended => "出席",
            Relation::SpokeAt => "讲话",
            Relation::Held => "举办",
            Relation::Issued => "印发",
            Relation::PartOf => "隶属",
            Relation::LocatedIn => "位于",
            Relation::Reported => "报道",
            Relation::Mentions => "提及",
        }
    }

    /// Parses the snake_case name.
    pub fn parse(s: &str) -> Option<Relation> {
        Relation::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a fact came from: `quote` is the whole sentence and
/// `quote[start..end]` (in Unicode characters) is the mention itself.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evidence {
    /// The article's node id (shared by every piece of evidence of the article).
    pub article: Arc<str>,
    /// 0-based index of the sentence in the article (the headline is sentence 0).
    pub sentence: usize,
    /// Start of the mention in the sentence, in characters.
    pub start: usize,
    /// End of the mention in the sentence, in characters, exclusive.
    pub end: usize,
    /// The sentence text, normalised (shared by every piece of evidence that
    /// quotes the sentence: a corpus has millions of them). `graph.json` leaves it out
    /// where the article's node lists the sentence, and reading puts it back.
    #[serde(default)]
    pub quote: Arc<str>,
}

/// Why two surface forms were taken to be one entity.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Merge {
    /// The surface form that was merged into the node.
    pub alias: String,
    /// The rule that justified it, in words.
    pub reason: String,
}

/// A node of `graph.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// Stable ASCII id: the same entity gets the same id on every run.
    pub id: String,
    /// What the node stands for.
    pub kind: NodeKind,
    /// Canonical name (Chinese).
    pub name: String,
    /// Other surface forms seen for this entity.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Person: the posts as written (`惠济区委副书记`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub titles: Vec<String>,
    /// Event or article: `MM-DD` or `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Event: time of day as written (上午, 下午, 晚上).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// Event: the head noun (会议, 仪式, 座谈会…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_type: Option<String>,
    /// Article: the headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    /// Article: the files it was read from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Article: its sentences, normalised (the headline, when it has one, is sentence
    /// 0): the text that evidence from the article points into.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sentences: Vec<Arc<str>>,
    /// Merges that made this node, each with its reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merges: Vec<Merge>,
    /// Every mention of the entity.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

impl Node {
    /// A node with only the required fields set.
    pub fn new(id: impl Into<String>, kind: NodeKind, name: impl Into<String>) -> Node {
        Node {
            id: id.into(),
            kind,
            name: name.into(),
            aliases: Vec::new(),
            titles: Vec::new(),
            date: None,
            time: None,
            event_type: None,
            headline: None,
            sources: Vec::new(),
            sentences: Vec::new(),
            merges: Vec::new(),
            evidence: Vec::new(),
        }
    }

    /// A short human label: the name, with the date for events.
    pub fn display_label(&self) -> String {
        match (&self.kind, &self.date) {
            (NodeKind::Event, Some(d)) => format!("{} ({d})", self.name),
            _ => self.name.clone(),
        }
    }
}

/// An edge of `graph.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    /// Source node id (shared with the article's other edges from that node).
    pub source: Arc<str>,
    /// Target node id (shared likewise).
    pub target: Arc<str>,
    /// networkx multigraph key: 0, 1, … among edges with the same ends.
    pub key: usize,
    /// What the edge says.
    pub relation: Relation,
    /// holds_position: the post (书记, 副局长…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// reported: `reporter` or `correspondent`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Every sentence that states the fact.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

/// Graph-level attributes (`graph` in node-link JSON).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GraphMeta {
    /// Tool and version that wrote the file.
    pub generator: String,
    /// Number of distinct articles in the graph.
    pub articles: usize,
    /// Number of sentences processed.
    pub sentences: usize,
    /// Number of characters processed.
    pub characters: usize,
    /// SHA-256 of the facts file written with this graph (`graph.facts.jsonl`), which
    /// `--update` and `merge` check before they trust it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facts_sha256: Option<String>,
}

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

/// The whole saved graph, in networkx node-link form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GraphDoc {
    /// Always true.
    pub directed: bool,
    /// Always true: two nodes may be joined by several relations.
    pub multigraph: bool,
    /// Graph attributes.
    pub graph: GraphMeta,
    /// Nodes, sorted by id.
    pub nodes: Vec<Node>,
    /// Edges, sorted by (source, target, relation, title, role) with keys numbered in that order.
    pub edges: Vec<Edge>,
}

impl GraphDoc {
    /// An empty graph.
    pub fn empty() -> GraphDoc {
        GraphDoc {
            directed: true,
            multigraph: true,
            graph: GraphMeta {
                generator: concat!("zhkg ", env!("CARGO_PKG_VERSION")).to_string(),
                ..GraphMeta::default()
            },
            nodes: Vec::new(),
            edges: Vec::new(),
        }
    }

    /// Sorts nodes and edges and renumbers edge keys, so that equal graphs serialise
    /// to equal bytes whatever order they were built in.
    pub fn canonicalize(&mut self) {
        use rayon::prelude::*;
        // In parallel: a corpus graph has hundreds of thousands of edges, each with
        // evidence to sort. Unstable sorts: they need no scratch copy (a stable sort of
        // a corpus graph's edges took a fresh 80 MB), and they order alike here, where
        // elements that compare equal are equal in every field, or, for nodes and
        // edges, do not occur in a built graph (one node per id, one edge per key).
        self.nodes.par_iter_mut().for_each(|n| {
            n.aliases.sort_unstable();
            n.aliases.dedup();
            n.titles.sort_unstable();
            n.titles.dedup();
            n.sources.sort_unstable();
            n.sources.dedup();
            n.merges.sort_unstable();
            n.merges.dedup();
            n.evidence.sort_unstable();
            n.evidence.dedup();
        });
        self.nodes.par_sort_unstable_by(|a, b| a.id.cmp(&b.id));
        self.edges.par_iter_mut().for_each(|e| {
            e.evidence.sort_unstable();
            e.evidence.dedup();
        });
        self.edges.par_sort_unstable_by(|a, b| {
            (&a.source, &a.target, a.relation, &a.title, &a.role)
                .cmp(&(&b.source, &b.target, b.relation, &b.title, &b.role))
                // Never reached in a built graph; keeps a loaded one's order total.
                .then_with(|| a.evidence.cmp(&b.evidence))
        });
        let mut key = 0;
        for i in 0..self.edges.len() {
            let same_ends = i > 0 && {
                let (a, b) = (&self.edges[i - 1], &self.edges[i]);
                a.source == b.source && a.target == b.target
            };
            key = if same_ends { key + 1 } else { 0 };
            self.edges[i].key = key;
        }
    }

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
        let told = Told::of(self);
        if self.indented() {
            let stored = StoredDoc {
                directed: self.directed,
                multigraph: self.multigraph,
                graph: &self.graph,
                nodes: Each(&self.nodes, &told),
                edges: Each(&self.edges, &told),
            };
            serde_json::to_writer_pretty(&mut *w, &stored)?;
            w.write_all(b"\n")
        } else {
            self.write_compact(w, &told)
        }
    }

    /// The bytes `serde_json::to_writer` gives for the graph, and a newline, with the
    /// nodes and edges serialised in parallel parts: on a corpus graph one thread
    /// serialising hundreds of MB was the longest part of writing.
    fn write_compact(&self, w: &mut dyn std::io::Write, told: &Told) -> std::io::Result<()> {
        write!(
            w,
            "{{\"directed\":{},\"multigraph\":{},\"graph\":",
            self.directed, self.multigraph
        )?;
        serde_json::to_writer(&mut *w, &self.graph)?;
        w.write_all(b",\"nodes\":[")?;
        write_elements(w, &self.nodes, 32, told)?;
        w.write_all(b"],\"edges\":[")?;
        write_elements(w, &self.edges, 256, told)?;
        w.write_all(b"]}\n")
    }

    /// Whether the JSON of this graph is indented. It is where a person may read or
    /// diff it; a corpus graph is read by programs, and indentation made a fifth of
    /// its bytes and a third of its writing time.
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
        doc.fill_quotes()
            .map_err(|m| err(<serde_json::Error as serde::de::Error>::custom(m)))?;
        Ok(doc)
    }

    /// Puts back the quotes `graph.json` leaves out: the sentence each cites, from
    /// its article's node; and checks every piece of evidence against its sentence and
    /// every edge's ends against the nodes, so that what reads a loaded graph can
    /// trust its offsets and ids.
    fn fill_quotes(&mut self) -> std::result::Result<(), String> {
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

    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes
            .binary_search_by(|n| n.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.nodes[i])
    }
}

/// The elements of a JSON array, comma-separated as `serde_json` writes them, without
/// the brackets; serialised on the thread pool in parts of `part` items, some hundred
/// KB each (a corpus graph's nodes average 4 KB of JSON, its edges 400 bytes).
fn write_elements<T: Sync>(
    w: &mut dyn std::io::Write,
    items: &[T],
    part: usize,
    told: &Told,
) -> std::io::Result<()>
where
    for<'a> Stored<'a, T>: Serialize,
{
    // Parts serialised at a time.
    const BATCH: usize = 16;
    crate::output::write_in_order(w, items, part, BATCH, |i, item, buf| {
        if i > 0 {
            buf.push(b',');
        }
        serde_json::to_writer(&mut *buf, &Stored(item, told)).expect("graph serialises");
    })
}

/// The sentences the article nodes of a graph list, by article id: a quote among them
/// is told once, there, and `graph.json` leaves it out of the evidence (quoting the
/// sentence at every mention made three fifths of a corpus graph's bytes). A quote from
/// an article whose node is not in the graph (a filtered view) stays in the evidence.
struct Told<'a>(rustc_hash::FxHashMap<&'a str, &'a [Arc<str>]>);

impl<'a> Told<'a> {
    fn of(doc: &'a GraphDoc) -> Told<'a> {
        Told(
            doc.nodes
                .iter()
                .filter(|n| !n.sentences.is_empty())
                .map(|n| (n.id.as_str(), n.sentences.as_slice()))
                .collect(),
        )
    }

    /// The sentences the graph's node for `article` lists, if any.
    fn sentences(&self, article: &str) -> Option<&'a [Arc<str>]> {
        self.0.get(article).copied()
    }
}

/// Whether reading `ev` without its quote gives it back, given the sentences its
/// article's node lists.
fn tells(sentences: Option<&[Arc<str>]>, ev: &Evidence) -> bool {
    let told = sentences.and_then(|s| s.get(ev.sentence));
    told.is_some_and(|q| Arc::ptr_eq(q, &ev.quote) || **q == *ev.quote)
}

/// A list of evidence as `graph.json` has it.
struct EvidenceList<'a>(&'a [Evidence], &'a Told<'a>);

impl Serialize for EvidenceList<'_> {
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
                    let found = self.1.sentences(&ev.article);
                    last = Some((at, found));
                    found
                }
            };
            StoredEvidence {
                ev,
                told: tells(sentences, ev),
            }
        }))
    }
}

/// A piece of evidence as `graph.json` has it: without its quote when told.
struct StoredEvidence<'a> {
    ev: &'a Evidence,
    told: bool,
}

/// An element of a graph as `graph.json` has it.
struct Stored<'a, T>(&'a T, &'a Told<'a>);

/// A list of elements as `graph.json` has them.
struct Each<'a, T>(&'a [T], &'a Told<'a>);

impl<'a, T> Serialize for Each<'a, T>
where
    Stored<'a, T>: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|x| Stored(x, self.1)))
    }
}

/// The graph as `graph.json` has it (the form `serde` derives for [`GraphDoc`], with
/// the evidence told by [`Told`]).
#[derive(Serialize)]
struct StoredDoc<'a> {
    directed: bool,
    multigraph: bool,
    graph: &'a GraphMeta,
    nodes: Each<'a, Node>,
    edges: Each<'a, Edge>,
}

impl Serialize for StoredEvidence<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let (ev, told) = (self.ev, self.told);
        let mut st = s.serialize_struct("Evidence", if told { 4 } else { 5 })?;
        st.serialize_field("article", &ev.article)?;
        st.serialize_field("sentence", &ev.sentence)?;
        st.serialize_field("start", &ev.start)?;
        st.serialize_field("end", &ev.end)?;
        if told {
            st.skip_field("quote")?;
        } else {
            st.serialize_field("quote", &ev.quote)?;
        }
        st.end()
    }
}

/// [`Node`] as `serde` derives it, field for field, but for its evidence
/// (`stored_form_is_the_derived_one` checks the two agree).
#[derive(Serialize)]
struct StoredNode<'a> {
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
    evidence: EvidenceList<'a>,
}

impl Serialize for Stored<'_, Node> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let n = self.0;
        StoredNode {
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
            evidence: EvidenceList(&n.evidence, self.1),
        }
        .serialize(s)
    }
}

/// [`Edge`] as `serde` derives it, but for its evidence.
#[derive(Serialize)]
struct StoredEdge<'a> {
    source: &'a str,
    target: &'a str,
    key: usize,
    relation: Relation,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    evidence: EvidenceList<'a>,
}

impl Serialize for Stored<'_, Edge> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let e = self.0;
        StoredEdge {
            source: &e.source,
            target: &e.target,
            key: e.key,
            relation: e.relation,
            title: e.title.as_deref(),
            role: e.role.as_deref(),
            evidence: EvidenceList(&e.evidence, self.1),
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
            doc.write_compact(&mut got, &Told::of(&doc)).unwrap();
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
    fn stored_form_is_the_derived_one_when_no_quote_is_told() {
        // Field for field: StoredNode and StoredEdge must follow Node and Edge.
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
    fn quotes_told_by_their_article_are_left_out_and_read_back() {
        let path = std::path::Path::new("graph.json");
        for n in [8, PRETTY_MAX_NODES + 1] {
            let mut doc = sample(n);
            let told: Vec<Arc<str>> = vec![Arc::from("第一句"), Arc::from("马军主持会议")];
            let mut art = Node::new("a1", NodeKind::Article, "第一句");
            art.sentences = told.clone();
            // Every sample node cites a1's sentence 1 (told) or 0 (told, but with
            // another text, so it stays), or another article's (not in the graph).
            for (i, node) in doc.nodes.iter_mut().take(n).enumerate() {
                let ev = &mut node.evidence[0];
                (ev.sentence, ev.quote) = match i % 3 {
                    0 => (1, Arc::clone(&told[1])),
                    1 => (1, Arc::from(&*told[1])),
                    _ => (0, Arc::from("不同的句子")),
                };
                if i % 4 == 3 {
                    ev.article = Arc::from("a9");
                }
            }
            // The told sentence is written by its article, and by evidence from a9.
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
