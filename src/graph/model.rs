//! The domain types of a knowledge graph: what its nodes stand for ([`NodeKind`]),
//! what its edges say ([`Relation`]), where each fact came from ([`Evidence`]), and
//! the whole graph in the networkx node-link form ([`GraphDoc`]) that is saved as
//! `graph.json` and that queries, exports and merges read. How that form is written
//! and read back is [`super::json`].

use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

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
    /// The policy the persons with no place evidence were resolved with; `--update`
    /// and `merge` keep it (absent in graphs from before it was saved).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unplaced_persons: Option<UnplacedPersons>,
}

/// What becomes of a person mention with no place evidence at all (no post with a
/// place, an article of no known jurisdiction).
/// Saved with the graph ([`GraphMeta::unplaced_persons`]), so that an update or a
/// merge resolves as the build did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnplacedPersons {
    /// Joined to the one placed person of that name when the corpus has exactly one;
    /// with none, all unplaced mentions of the name are one person; with several, a
    /// node of its own.
    #[default]
    Single,
    /// Always a node of its own (one per article).
    Apart,
}

impl UnplacedPersons {
    /// Every policy, for command-line parsers.
    pub const ALL: [UnplacedPersons; 2] = [UnplacedPersons::Single, UnplacedPersons::Apart];

    /// The policy's name on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            UnplacedPersons::Single => "single",
            UnplacedPersons::Apart => "apart",
        }
    }
}

/// The whole saved graph, in networkx node-link form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GraphDoc {
    /// Always true: every relation reads one way (who attended what). networkx
    /// reads the flag to choose its graph class.
    pub directed: bool,
    /// Always true: two nodes may be joined by several relations.
    pub multigraph: bool,
    /// What is said of the whole graph: generator, counts, facts hash.
    pub graph: GraphMeta,
    /// Nodes, sorted by id.
    pub nodes: Vec<Node>,
    /// Edges, sorted by (source, target, relation, title, role) with keys numbered in that order.
    pub edges: Vec<Edge>,
}

impl GraphDoc {
    /// A graph with no nodes or edges, its generator set to this zhkg.
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
        // a corpus graph's edges takes a fresh 80 MB), and they order alike here, where
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

    /// The node with this id, found by binary search: the nodes must be sorted by
    /// id, as [`GraphDoc::canonicalize`] leaves them.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes
            .binary_search_by(|n| n.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.nodes[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_relations_parse_their_own_names_only() {
        for k in NodeKind::ALL {
            assert_eq!(NodeKind::parse(k.as_str()), Some(k));
            assert_eq!(serde_json::to_string(&k).unwrap(), format!("\"{k}\""));
        }
        for r in Relation::ALL {
            assert_eq!(Relation::parse(r.as_str()), Some(r));
            assert_eq!(serde_json::to_string(&r).unwrap(), format!("\"{r}\""));
        }
        assert_eq!(NodeKind::parse("Person"), None);
        assert_eq!(Relation::parse("spokeAt"), None);
    }

    #[test]
    fn only_events_show_their_date_in_labels() {
        let mut event = Node::new("e1", NodeKind::Event, "座谈会");
        assert_eq!(event.display_label(), "座谈会");
        event.date = Some("03-05".into());
        assert_eq!(event.display_label(), "座谈会 (03-05)");
        let mut article = Node::new("a1", NodeKind::Article, "报道");
        article.date = Some("03-05".into());
        assert_eq!(article.display_label(), "报道");
    }

    fn edge(source: &str, target: &str, relation: Relation, title: Option<&str>) -> Edge {
        Edge {
            source: source.into(),
            target: target.into(),
            key: 9,
            relation,
            title: title.map(str::to_string),
            role: None,
            evidence: Vec::new(),
        }
    }

    #[test]
    fn canonical_order_numbers_keys_among_edges_with_the_same_ends() {
        let mut doc = GraphDoc::empty();
        let mut p = Node::new("p1", NodeKind::Person, "张三");
        p.aliases = vec!["张".into(), "三".into(), "张".into()];
        doc.nodes = vec![Node::new("o1", NodeKind::Organization, "区委"), p];
        doc.edges = vec![
            edge("p1", "o1", Relation::HoldsPosition, Some("书记")),
            edge("o1", "p1", Relation::Mentions, None),
            edge("p1", "o1", Relation::HoldsPosition, Some("主任")),
            edge("p1", "o1", Relation::Attended, None),
        ];
        doc.canonicalize();
        let ids: Vec<&str> = doc.nodes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["o1", "p1"]);
        assert_eq!(doc.nodes[1].aliases, ["三", "张"]);
        let keys: Vec<(&str, Relation, Option<&str>, usize)> = doc
            .edges
            .iter()
            .map(|e| (&*e.source, e.relation, e.title.as_deref(), e.key))
            .collect();
        assert_eq!(
            keys,
            [
                ("o1", Relation::Mentions, None, 0),
                ("p1", Relation::HoldsPosition, Some("主任"), 0),
                ("p1", Relation::HoldsPosition, Some("书记"), 1),
                ("p1", Relation::Attended, None, 2),
            ]
        );
        assert_eq!(doc.node("p1").map(|n| n.name.as_str()), Some("张三"));
        assert!(doc.node("p2").is_none());
    }
}

/// What entity resolution decided about identity across articles: how many persons
/// and events it joined from several articles, and how many it kept apart although
/// they share a name (and, for events, a day), with a few examples of each. Not saved
/// in `graph.json`; `zhkg build -v` and the JSON summary report it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct IdentityReport {
    /// Person nodes made of the mentions of two or more articles.
    pub persons_joined: usize,
    /// Articles whose person mention went into a node another article's had made
    /// (a node of three articles counts two).
    pub person_joins: usize,
    /// Person nodes beyond the first of a name: kept apart by their places.
    pub persons_apart: usize,
    /// Articles naming a person with no place evidence where several placed persons of
    /// that name exist: kept as a node of their own.
    pub persons_unplaced_apart: usize,
    /// Event nodes reported by two or more articles.
    pub events_joined: usize,
    /// Articles whose event went into a node another article's had made.
    pub event_joins: usize,
    /// Event nodes beyond the first of a name and day: kept apart by their places.
    pub events_apart: usize,
    /// A few joins, `name: what joined them`, sorted.
    pub joined_samples: Vec<String>,
    /// A few names kept apart, `name: place (articles) | place (articles)`, sorted.
    pub apart_samples: Vec<String>,
}

impl std::fmt::Display for IdentityReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "identity: persons joined across articles {} ({} joins), kept apart by place {}, unplaced kept apart {}; events joined {} ({} joins), kept apart by place {}",
            self.persons_joined,
            self.person_joins,
            self.persons_apart,
            self.persons_unplaced_apart,
            self.events_joined,
            self.event_joins,
            self.events_apart
        )?;
        for s in &self.joined_samples {
            writeln!(f, "  joined {}", crate::terminal::Escaped(s))?;
        }
        for s in &self.apart_samples {
            writeln!(f, "  apart {}", crate::terminal::Escaped(s))?;
        }
        Ok(())
    }
}
