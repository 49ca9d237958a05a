//! The in-memory graph: a petgraph `StableDiGraph` of typed nodes and edges, indexed by
//! node id. Resolution writes into it; queries walk it; [`KnowledgeGraph::to_doc`]
//! turns it into the saved node-link form and [`KnowledgeGraph::from_doc`] back.

use super::model::{Edge, Evidence, GraphDoc, GraphMeta, Node, Relation};
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// A knowledge graph with provenance on every node and edge.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeGraph {
    /// Nodes and edges; a node's index stays valid as others are added (a
    /// `StableDiGraph`), so `ids` can keep it.
    pub graph: StableDiGraph<Node, Edge>,
    /// FxHash: resolution looks an id up for every mention and both ends of every fact.
    ids: FxHashMap<String, NodeIndex>,
    /// What `graph.json` says about the whole graph (generator, counts, facts hash).
    pub meta: GraphMeta,
    /// What resolution decided about identity across articles (not saved).
    pub identity: super::model::IdentityReport,
}

impl KnowledgeGraph {
    /// An empty graph, its generator set to this zhkg.
    pub fn new() -> KnowledgeGraph {
        KnowledgeGraph {
            meta: GraphDoc::empty().graph,
            ..KnowledgeGraph::default()
        }
    }

    /// The index of the node with this id, if there is one.
    pub fn index(&self, id: &str) -> Option<NodeIndex> {
        self.ids.get(id).copied()
    }

    /// The node with this id, if there is one.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.index(id).map(|i| &self.graph[i])
    }

    /// Adds a node, or returns the existing one with that id for the caller to extend.
    pub fn upsert(&mut self, node: Node) -> &mut Node {
        let idx = match self.ids.get(&node.id) {
            Some(&i) => i,
            None => {
                let id = node.id.clone();
                let i = self.graph.add_node(node);
                self.ids.insert(id, i);
                i
            }
        };
        &mut self.graph[idx]
    }

    /// The node with this id, made by `make` when there is none yet (which is then
    /// the only time a node is built).
    pub fn upsert_with(&mut self, id: &str, make: impl FnOnce() -> Node) -> &mut Node {
        let idx = match self.ids.get(id) {
            Some(&i) => i,
            None => {
                let i = self.graph.add_node(make());
                self.ids.insert(id.to_string(), i);
                i
            }
        };
        &mut self.graph[idx]
    }

    /// Makes room for `edges` more edges at once: a corpus graph's edge list is over
    /// a hundred MB, and growing it by doubling copied it and faulted in fresh pages
    /// each time.
    pub fn reserve_edges(&mut self, edges: usize) {
        self.graph.reserve_edges(edges);
    }

    /// Makes room for `nodes` more nodes at once, in the node list and the index of
    /// ids: growing them by doubling copied them and faulted in fresh pages each time.
    pub fn reserve_nodes(&mut self, nodes: usize) {
        self.graph.reserve_nodes(nodes);
        self.ids.reserve(nodes);
    }

    /// Adds an edge, merging it into an existing one that says the same thing.
    pub fn add_edge(&mut self, edge: Edge) {
        let (Some(a), Some(b)) = (self.index(&edge.source), self.index(&edge.target)) else {
            return;
        };
        let existing = self
            .graph
            .edges_connecting(a, b)
            .find(|e| {
                let w = e.weight();
                w.relation == edge.relation && w.title == edge.title && w.role == edge.role
            })
            .map(|e| e.id());
        match existing {
            Some(id) => self.graph[id].evidence.extend(edge.evidence),
            None => {
                self.graph.add_edge(a, b, edge);
            }
        }
    }

    /// Adds an edge that no edge of the graph says the same as (one whose source was
    /// added with it): [`KnowledgeGraph::add_edge`] without the look-up for one to join.
    pub(crate) fn add_new_edge(&mut self, edge: Edge) {
        if let (Some(a), Some(b)) = (self.index(&edge.source), self.index(&edge.target)) {
            debug_assert!(self.graph.edges_connecting(a, b).all(|e| {
                let w = e.weight();
                (w.relation, &w.title, &w.role) != (edge.relation, &edge.title, &edge.role)
            }));
            self.graph.add_edge(a, b, edge);
        }
    }

    /// The saved form, sorted and canonical.
    pub fn to_doc(&self) -> GraphDoc {
        let mut doc = GraphDoc::empty();
        doc.graph = self.meta.clone();
        doc.nodes = self.graph.node_weights().cloned().collect();
        doc.edges = self.graph.edge_weights().cloned().collect();
        doc.canonicalize();
        doc
    }

    /// Rebuilds the graph from its saved form.
    pub fn from_doc(doc: &GraphDoc) -> KnowledgeGraph {
        let mut g = KnowledgeGraph::new();
        g.meta = doc.graph.clone();
        for n in &doc.nodes {
            g.upsert(n.clone());
        }
        for e in &doc.edges {
            g.add_edge(e.clone());
        }
        g
    }

    /// Edges touching a node, with the node at the other end and whether the edge
    /// points away from `idx`: its outgoing edges first, then its incoming ones, each
    /// in petgraph's order.
    pub fn neighbors(&self, idx: NodeIndex) -> Vec<(&Edge, NodeIndex, bool)> {
        let mut out: Vec<(&Edge, NodeIndex, bool)> = Vec::new();
        for e in self
            .graph
            .edges_directed(idx, petgraph::Direction::Outgoing)
        {
            out.push((e.weight(), e.target(), true));
        }
        for e in self
            .graph
            .edges_directed(idx, petgraph::Direction::Incoming)
        {
            out.push((e.weight(), e.source(), false));
        }
        out
    }
}

/// Evidence for a span of a sentence.
pub fn evidence(
    article: &Arc<str>,
    sentence: usize,
    quote: &Arc<str>,
    start: usize,
    end: usize,
) -> Evidence {
    Evidence {
        article: Arc::clone(article),
        sentence,
        start,
        end,
        quote: Arc::clone(quote),
    }
}

/// An edge with one piece of evidence.
pub fn edge(source: Arc<str>, target: Arc<str>, relation: Relation, ev: Evidence) -> Edge {
    Edge {
        source,
        target,
        key: 0,
        relation,
        title: None,
        role: None,
        evidence: vec![ev],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::NodeKind;

    fn quote() -> (Arc<str>, Arc<str>) {
        (Arc::from("a1"), Arc::from("张三出席会议"))
    }

    #[test]
    fn an_edge_that_says_the_same_joins_the_one_there() {
        let mut g = KnowledgeGraph::new();
        g.upsert(Node::new("p1", NodeKind::Person, "张三"));
        g.upsert(Node::new("m1", NodeKind::Event, "会议"));
        let (article, sentence) = quote();
        let ev = |start| evidence(&article, 0, &sentence, start, start + 2);
        g.add_edge(edge("p1".into(), "m1".into(), Relation::Attended, ev(0)));
        g.add_edge(edge("p1".into(), "m1".into(), Relation::Attended, ev(2)));
        g.add_edge(edge("p1".into(), "m1".into(), Relation::Chaired, ev(0)));
        // An edge to a node that is not there is dropped.
        g.add_edge(edge("p1".into(), "x9".into(), Relation::Attended, ev(0)));
        let doc = g.to_doc();
        let edges: Vec<(Relation, usize)> = doc
            .edges
            .iter()
            .map(|e| (e.relation, e.evidence.len()))
            .collect();
        assert_eq!(edges, [(Relation::Chaired, 1), (Relation::Attended, 2)]);
    }

    #[test]
    fn neighbors_lists_outgoing_edges_before_incoming_ones() {
        let mut g = KnowledgeGraph::new();
        for (id, kind) in [("o1", NodeKind::Organization), ("p1", NodeKind::Person)] {
            g.upsert(Node::new(id, kind, id));
        }
        g.upsert(Node::new("m1", NodeKind::Event, "会议"));
        let (article, sentence) = quote();
        let ev = evidence(&article, 0, &sentence, 0, 2);
        g.add_edge(edge(
            "o1".into(),
            "p1".into(),
            Relation::Mentions,
            ev.clone(),
        ));
        g.add_edge(edge("p1".into(), "m1".into(), Relation::Attended, ev));
        let p1 = g.index("p1").unwrap();
        let seen: Vec<(&str, bool)> = g
            .neighbors(p1)
            .into_iter()
            .map(|(_, other, out)| (g.graph[other].id.as_str(), out))
            .collect();
        assert_eq!(seen, [("m1", true), ("o1", false)]);
        assert!(g.node("m1").is_some() && g.node("m9").is_none());
    }
}
