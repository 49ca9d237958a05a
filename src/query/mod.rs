//! Queries over a saved graph: a `graph.json` and a question come in (who attended an
//! event, what a person attended, who holds posts at an organisation, neighbors,
//! paths); answers go out as plain text or JSON. A name that matches nothing is an
//! error that suggests near matches; a name that matches several asks for a choice.

use crate::error::{Ambiguity, Candidate, Error, Result};
use crate::graph::build::KnowledgeGraph;
use crate::graph::walk::BreadthFirst;
use crate::graph::{GraphDoc, Node, NodeKind, Relation};
use petgraph::graphmap::UnGraphMap;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeFiltered, EdgeRef, IntoEdgeReferences, UndirectedAdaptor};
use rustc_hash::FxBuildHasher;
use serde::Serialize;
use std::collections::BTreeSet;

mod ask;
mod more;

pub use ask::{Question, Reply};
pub use more::{Hit, Quoted, SearchAnswer};

/// A graph loaded for querying.
pub struct Query {
    g: KnowledgeGraph,
}

/// One line of an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, PartialOrd, Ord)]
pub struct Row {
    /// Node id of the subject of the row.
    pub id: String,
    /// Its name (with the date, for an event, where the answer lists nodes around
    /// the subject).
    pub name: String,
    /// The relation that links it to the subject, or the post it holds.
    pub relation: String,
    /// Extra detail: post, date, kind.
    pub detail: String,
    /// The articles the row's fact comes from (`timeline` only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
}

/// An article a fact was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, PartialOrd, Ord)]
pub struct Source {
    /// The article's date, when it has one.
    pub date: Option<String>,
    /// The article's node id.
    pub article: String,
    /// Its headline.
    pub headline: String,
}

/// An answer: what was matched and the rows.
#[derive(Debug, Clone, Serialize)]
pub struct Answer {
    /// The node the question was about.
    pub subject: Node,
    /// The rows, sorted and without repeats.
    pub rows: Vec<Row>,
}

impl std::fmt::Display for Answer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::terminal::Escaped;
        writeln!(
            f,
            "{} [{}] ({})",
            Escaped(&self.subject.display_label()),
            self.subject.kind,
            Escaped(&self.subject.id)
        )?;
        if self.rows.is_empty() {
            writeln!(f, "  (nothing)")?;
        }
        for r in &self.rows {
            self.write_row(f, r)?;
        }
        Ok(())
    }
}

impl Answer {
    fn write_row(&self, f: &mut std::fmt::Formatter<'_>, r: &Row) -> std::fmt::Result {
        use crate::terminal::Escaped;
        if r.detail.is_empty() {
            writeln!(f, "  {}\t{}", r.relation, Escaped(&r.name))?;
        } else {
            writeln!(
                f,
                "  {}\t{}\t{}",
                r.relation,
                Escaped(&r.name),
                Escaped(&r.detail)
            )?;
        }
        for s in &r.sources {
            writeln!(
                f,
                "    from {} {} ({})",
                Escaped(s.date.as_deref().unwrap_or("(no date)")),
                Escaped(&s.headline),
                Escaped(&s.article)
            )?;
        }
        Ok(())
    }
}

/// How alike two names look, for "did you mean": the characters both have over the
/// characters either has (Jaccard similarity of their character sets), in whatever
/// order they come.
fn char_overlap(a: &str, b: &str) -> f64 {
    let x: BTreeSet<char> = a.chars().collect();
    let y: BTreeSet<char> = b.chars().collect();
    let inter = x.intersection(&y).count() as f64;
    let union = x.union(&y).count().max(1) as f64;
    inter / union
}

impl Query {
    /// Loads `doc` into a petgraph graph to walk.
    pub fn new(doc: &GraphDoc) -> Query {
        Query {
            g: KnowledgeGraph::from_doc(doc),
        }
    }

    fn nodes(&self) -> impl Iterator<Item = (NodeIndex, &Node)> {
        self.g
            .graph
            .node_indices()
            .map(move |i| (i, &self.g.graph[i]))
    }

    /// Finds the one node a name means, among `kinds` (all kinds when empty).
    pub fn find(&self, name: &str, kinds: &[NodeKind]) -> Result<NodeIndex> {
        let ok = |n: &Node| kinds.is_empty() || kinds.contains(&n.kind);
        let exact: Vec<NodeIndex> = self
            .nodes()
            .filter(|(_, n)| {
                ok(n) && (n.id == name || n.name == name || n.aliases.iter().any(|a| a == name))
            })
            .map(|(i, _)| i)
            .collect();
        let partial: Vec<NodeIndex> = if exact.is_empty() {
            self.nodes()
                .filter(|(_, n)| {
                    ok(n) && (n.name.contains(name) || n.aliases.iter().any(|a| a.contains(name)))
                })
                .map(|(i, _)| i)
                .collect()
        } else {
            exact
        };
        match partial.as_slice() {
            [one] => Ok(*one),
            [] => Err(not_found(name, kinds, self.nodes().map(|(_, n)| n))),
            many => {
                // Each article's date, by its node id: only asked for here.
                let article_dates: rustc_hash::FxHashMap<&str, &str> = self
                    .nodes()
                    .filter(|(_, n)| n.kind == NodeKind::Article)
                    .filter_map(|(_, n)| Some((&*n.id, n.date.as_deref()?)))
                    .collect();
                let mut candidates: Vec<Candidate> = many
                    .iter()
                    .map(|&i| self.candidate(i, &article_dates))
                    .collect();
                candidates.sort();
                Err(Error::AmbiguousName(Box::new(Ambiguity {
                    name: name.to_string(),
                    kinds: kind_words(kinds),
                    candidates,
                })))
            }
        }
    }

    fn answer(&self, subject: NodeIndex, mut rows: Vec<Row>) -> Answer {
        rows.sort();
        rows.dedup();
        Answer {
            subject: self.g.graph[subject].clone(),
            rows,
        }
    }

    /// A node with what tells it apart from others of its name: posts, places, and
    /// the dates of the first and last article it is found in.
    fn candidate(
        &self,
        i: NodeIndex,
        article_dates: &rustc_hash::FxHashMap<&str, &str>,
    ) -> Candidate {
        let node = &self.g.graph[i];
        let places_of = |n: NodeIndex| -> Vec<String> {
            self.g
                .neighbors(n)
                .into_iter()
                .filter(|(e, _, out)| *out && e.relation == Relation::LocatedIn)
                .map(|(_, p, _)| self.g.graph[p].name.clone())
                .collect()
        };
        let mut places = places_of(i);
        // A person's places are their organisations'; an event's, its organisers'.
        for (e, other, out) in self.g.neighbors(i) {
            let via = match node.kind {
                NodeKind::Person => out && e.relation == Relation::HoldsPosition,
                NodeKind::Event => !out && e.relation == Relation::Held,
                _ => false,
            };
            if via {
                places.extend(places_of(other));
            }
        }
        places.sort();
        places.dedup();
        let articles: BTreeSet<&str> = node.evidence.iter().map(|e| &*e.article).collect();
        let mut dates: Vec<&str> = articles
            .iter()
            .filter_map(|a| article_dates.get(*a).copied())
            .collect();
        dates.sort();
        Candidate {
            name: node.display_label(),
            id: node.id.to_string(),
            posts: if node.kind == NodeKind::Person {
                self.posts_of(i)
            } else {
                Vec::new()
            },
            places,
            first_seen: dates.first().map(|d| d.to_string()),
            last_seen: dates.last().map(|d| d.to_string()),
            articles: articles.len(),
        }
    }

    /// Posts of a person, as `post at organisation`.
    fn posts_of(&self, person: NodeIndex) -> Vec<String> {
        let mut out: Vec<String> = self
            .g
            .neighbors(person)
            .into_iter()
            .filter(|(e, _, out)| *out && e.relation == Relation::HoldsPosition)
            .map(|(e, o, _)| {
                format!(
                    "{}{}",
                    self.g.graph[o].name,
                    e.title.clone().unwrap_or_default()
                )
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// Who chaired, attended and spoke at an event.
    pub fn attendees(&self, event: &str) -> Result<Answer> {
        let e = self.find(event, &[NodeKind::Event])?;
        let rows = self
            .g
            .neighbors(e)
            .into_iter()
            .filter(|(edge, _, out)| {
                !out && matches!(
                    edge.relation,
                    Relation::Chaired | Relation::Attended | Relation::SpokeAt | Relation::Held
                )
            })
            .map(|(edge, p, _)| Row {
                id: self.g.graph[p].id.clone(),
                name: self.g.graph[p].name.clone(),
                relation: edge.relation.as_str().to_string(),
                detail: self.posts_of(p).join("、"),
                sources: Vec::new(),
            })
            .collect();
        Ok(self.answer(e, rows))
    }

    /// The events a person took part in, with role and date.
    pub fn events(&self, person: &str) -> Result<Answer> {
        let p = self.find(person, &[NodeKind::Person, NodeKind::Organization])?;
        let rows = self
            .g
            .neighbors(p)
            .into_iter()
            .filter(|(edge, _, out)| {
                *out && matches!(
                    edge.relation,
                    Relation::Chaired | Relation::Attended | Relation::SpokeAt | Relation::Held
                )
            })
            .map(|(edge, ev, _)| {
                let n = &self.g.graph[ev];
                Row {
                    id: n.id.clone(),
                    name: n.name.clone(),
                    relation: edge.relation.as_str().to_string(),
                    detail: [n.date.clone(), n.time.clone()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" "),
                    sources: Vec::new(),
                }
            })
            .collect();
        Ok(self.answer(p, rows))
    }

    /// The posts a person holds.
    pub fn positions(&self, person: &str) -> Result<Answer> {
        let p = self.find(person, &[NodeKind::Person])?;
        let mut rows: Vec<Row> = self
            .g
            .neighbors(p)
            .into_iter()
            .filter(|(edge, _, out)| *out && edge.relation == Relation::HoldsPosition)
            .map(|(edge, o, _)| Row {
                id: self.g.graph[o].id.clone(),
                name: self.g.graph[o].name.clone(),
                relation: edge.title.clone().unwrap_or_default(),
                detail: String::new(),
                sources: Vec::new(),
            })
            .collect();
        // Posts whose organ the text did not name.
        let named: BTreeSet<String> = rows.iter().map(|r| r.relation.clone()).collect();
        for t in &self.g.graph[p].titles {
            if !named.iter().any(|n| t.ends_with(n.as_str())) {
                rows.push(Row {
                    id: String::new(),
                    name: String::new(),
                    relation: t.clone(),
                    detail: "organisation not named".into(),
                    sources: Vec::new(),
                });
            }
        }
        Ok(self.answer(p, rows))
    }

    /// Who holds which post at an organisation (or place).
    pub fn holders(&self, org: &str) -> Result<Answer> {
        let o = self.find(org, &[NodeKind::Organization, NodeKind::Place])?;
        let rows = self
            .g
            .neighbors(o)
            .into_iter()
            .filter(|(edge, _, out)| !out && edge.relation == Relation::HoldsPosition)
            .map(|(edge, p, _)| Row {
                id: self.g.graph[p].id.clone(),
                name: self.g.graph[p].name.clone(),
                relation: edge.title.clone().unwrap_or_default(),
                detail: String::new(),
                sources: Vec::new(),
            })
            .collect();
        Ok(self.answer(o, rows))
    }

    /// Every edge of every node fewer than `depth` steps away (either direction).
    pub fn neighbors(&self, name: &str, depth: usize) -> Result<Answer> {
        let start = self.find(name, &[])?;
        let graph = UndirectedAdaptor(&self.g.graph);
        let mut walk = BreadthFirst::new(graph, start);
        let mut rows = Vec::new();
        // Nodes come nearest first: once one is `depth` steps away, so are the rest.
        while let Some((n, steps)) = walk.next(graph) {
            if steps >= depth {
                break;
            }
            for (edge, m, out) in self.g.neighbors(n) {
                let (from, to) = if out { (n, m) } else { (m, n) };
                rows.push(Row {
                    id: self.g.graph[m].id.clone(),
                    name: self.g.graph[m].display_label(),
                    relation: edge.relation.as_str().to_string(),
                    detail: format!(
                        "{} → {}{}",
                        self.g.graph[from].name,
                        self.g.graph[to].name,
                        edge.title
                            .as_ref()
                            .map(|t| format!(" ({t})"))
                            .unwrap_or_default()
                    ),
                    sources: Vec::new(),
                });
            }
        }
        Ok(self.answer(start, rows))
    }

    /// A shortest path between two names, preferring paths that avoid `mentions` edges.
    pub fn path(&self, a: &str, b: &str) -> Result<Answer> {
        let s = self.find(a, &[])?;
        let t = self.find(b, &[])?;
        let links = self.links_in_id_order();
        for allow_mentions in [false, true] {
            if let Some(steps) = self.shortest_path(&links, s, t, allow_mentions) {
                let rows = steps
                    .into_iter()
                    .map(|(rel, from, to)| Row {
                        id: self.g.graph[to].id.clone(),
                        name: self.g.graph[to].display_label(),
                        relation: rel,
                        detail: format!("from {}", self.g.graph[from].name),
                        sources: Vec::new(),
                    })
                    .collect::<Vec<_>>();
                return Ok(Answer {
                    subject: self.g.graph[s].clone(),
                    rows,
                });
            }
        }
        Err(Error::NotFound(format!("no path between {a} and {b}")))
    }

    /// Which nodes an edge joins, either way, each link marked with whether a relation
    /// other than `mentions` makes it. Every node's neighbors are listed in id order,
    /// the order a path search tries them in, so that of several shortest paths it
    /// finds the same one whatever order the graph was built in.
    fn links_in_id_order(&self) -> Links {
        let graph = &self.g.graph;
        let id = |i: NodeIndex| graph[i].id.as_str();
        let mut pairs: Vec<(&str, &str, NodeIndex, NodeIndex, bool)> = graph
            .edge_references()
            .map(|e| {
                let (a, b) = (e.source(), e.target());
                let (a, b) = if id(a) <= id(b) { (a, b) } else { (b, a) };
                let not_mention = e.weight().relation != Relation::Mentions;
                (id(a), id(b), a, b, not_mention)
            })
            .collect();
        // An undirected graph map lists a node's neighbors in the order their links
        // were first added; added in order of (lower id, higher id), each node's
        // neighbors with lower ids come in id order, then those with higher ids.
        pairs.sort_unstable_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)));
        let mut links = Links::with_capacity(graph.node_count(), pairs.len());
        for n in graph.node_indices() {
            links.add_node(n);
        }
        for (_, _, a, b, not_mention) in pairs {
            match links.edge_weight_mut(a, b) {
                Some(w) => *w |= not_mention,
                None => {
                    links.add_edge(a, b, not_mention);
                }
            }
        }
        links
    }

    /// The steps of a shortest path from `s` to `t` over `links` (the one found
    /// trying neighbors in id order), each with its relation (marked `(inverse)` when
    /// the edge points back) and ends; `None` when `t` cannot be reached.
    fn shortest_path(
        &self,
        links: &Links,
        s: NodeIndex,
        t: NodeIndex,
        allow_mentions: bool,
    ) -> Option<Vec<(String, NodeIndex, NodeIndex)>> {
        let graph =
            EdgeFiltered::from_fn(links, |(_, _, &not_mention)| allow_mentions || not_mention);
        let mut walk = BreadthFirst::new(&graph, s);
        while let Some((n, _)) = walk.next(&graph) {
            if n != t {
                continue;
            }
            let path = walk.path_to(t);
            let steps = path.windows(2).map(|step| {
                let (from, to) = (step[0], step[1]);
                // The edge the step follows: of those between the two nodes, the
                // first that `neighbors` lists (outgoing before incoming).
                let (edge, _, out) = self
                    .g
                    .neighbors(from)
                    .into_iter()
                    .find(|(e, m, _)| {
                        *m == to && (allow_mentions || e.relation != Relation::Mentions)
                    })
                    .expect("a link stands for an edge");
                let rel = if out {
                    edge.relation.as_str().to_string()
                } else {
                    format!("{} (inverse)", edge.relation.as_str())
                };
                (rel, from, to)
            });
            return Some(steps.collect());
        }
        None
    }
}

/// The links between the nodes of a graph, without direction: see
/// [`Query::links_in_id_order`].
type Links = UnGraphMap<NodeIndex, bool, FxBuildHasher>;

/// The error for a name that matches no node of `kinds` among `nodes`, with the
/// names that look most alike.
pub(crate) fn not_found<'a>(
    name: &str,
    kinds: &[NodeKind],
    nodes: impl Iterator<Item = &'a Node>,
) -> Error {
    let ok = |n: &Node| kinds.is_empty() || kinds.contains(&n.kind);
    let mut near: Vec<(f64, String)> = nodes
        .filter(|n| ok(n))
        .map(|n| (char_overlap(name, &n.name), n.display_label()))
        .filter(|(s, _)| *s > 0.0)
        .collect();
    near.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let list: Vec<String> = near.into_iter().take(5).map(|(_, n)| n).collect();
    let hint = if list.is_empty() {
        String::new()
    } else {
        format!("; did you mean: {}", list.join(", "))
    };
    Error::NotFound(format!("no {} named {name}{hint}", kind_words(kinds)))
}

/// The kinds a question accepts, in words: `person or organization`; `node` for
/// any kind.
fn kind_words(kinds: &[NodeKind]) -> String {
    if kinds.is_empty() {
        "node".to_string()
    } else {
        kinds
            .iter()
            .map(|k| k.as_str())
            .collect::<Vec<_>>()
            .join(" or ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Edge;

    fn edge(source: &str, target: &str, relation: Relation) -> Edge {
        Edge {
            source: source.into(),
            target: target.into(),
            key: 0,
            relation,
            title: None,
            role: None,
            evidence: Vec::new(),
        }
    }

    /// p1 attended m1, which o1 held; article a1 mentions p1 and o1.
    fn sample() -> GraphDoc {
        let mut doc = GraphDoc::empty();
        doc.nodes = vec![
            Node::new("a1", NodeKind::Article, "报道"),
            Node::new("m1", NodeKind::Event, "座谈会"),
            Node::new("o1", NodeKind::Organization, "惠济区委"),
            Node::new("p1", NodeKind::Person, "张三"),
            Node::new("p2", NodeKind::Person, "张四"),
        ];
        doc.edges = vec![
            edge("a1", "o1", Relation::Mentions),
            edge("a1", "p1", Relation::Mentions),
            edge("o1", "m1", Relation::Held),
            edge("p1", "m1", Relation::Attended),
        ];
        doc.canonicalize();
        doc
    }

    #[test]
    fn char_overlap_is_shared_over_all_distinct_characters() {
        assert_eq!(char_overlap("张三", "张三"), 1.0);
        assert_eq!(char_overlap("张三", "三张"), 1.0);
        assert_eq!(char_overlap("张三", "张四"), 1.0 / 3.0);
        assert_eq!(char_overlap("张三", "李四"), 0.0);
        assert_eq!(char_overlap("", ""), 0.0);
    }

    #[test]
    fn kinds_are_named_in_the_order_given() {
        assert_eq!(kind_words(&[]), "node");
        assert_eq!(
            kind_words(&[NodeKind::Person, NodeKind::Organization]),
            "person or organization"
        );
    }

    #[test]
    fn an_unknown_name_suggests_names_sharing_characters() {
        let q = Query::new(&sample());
        let err = q.find("张五", &[NodeKind::Person]).unwrap_err();
        assert!(matches!(err, Error::NotFound(_)));
        assert_eq!(
            err.to_string(),
            "no person named 张五; did you mean: 张三, 张四"
        );
        let err = q.find("张", &[NodeKind::Person]).unwrap_err();
        let Error::AmbiguousName(amb) = &err else {
            panic!("{err}")
        };
        // Each candidate with its id and what tells it apart.
        let ids: Vec<&str> = amb.candidates.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["p1", "p2"]);
        assert!(err.to_string().contains("张三 (p1): "), "{err}");
        // An id selects exactly one.
        assert!(q.find("p2", &[NodeKind::Person]).is_ok());
    }

    #[test]
    fn a_path_avoids_mentions_when_it_can() {
        let q = Query::new(&sample());
        // a1 mentions both, but the path through the event has no mention in it.
        let answer = q.path("张三", "惠济区委").unwrap();
        let steps: Vec<(&str, &str)> = answer
            .rows
            .iter()
            .map(|r| (r.relation.as_str(), r.id.as_str()))
            .collect();
        assert_eq!(steps, [("attended", "m1"), ("held (inverse)", "o1")]);
        // The article is reached by mentions only.
        let answer = q.path("张三", "报道").unwrap();
        assert_eq!(answer.rows.len(), 1);
        assert_eq!(answer.rows[0].relation, "mentions (inverse)");
        // Nothing links p2.
        let err = q.path("张三", "张四").unwrap_err();
        assert_eq!(err.to_string(), "no path between 张三 and 张四");
    }

    #[test]
    fn neighbors_lists_the_edges_of_nodes_nearer_than_depth() {
        let q = Query::new(&sample());
        assert!(q.neighbors("张三", 0).unwrap().rows.is_empty());
        let near: Vec<String> = q
            .neighbors("张三", 1)
            .unwrap()
            .rows
            .into_iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(near, ["a1", "m1"]);
        // Two steps out: the edges of a1 and m1 too, which reach o1.
        let rows = q.neighbors("张三", 2).unwrap().rows;
        assert!(rows.iter().any(|r| r.id == "o1" && r.relation == "held"));
        assert!(rows
            .iter()
            .any(|r| r.id == "o1" && r.relation == "mentions"));
    }
}
