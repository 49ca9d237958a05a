//! Breadth-first walks for queries and views: petgraph's [`Bfs`], which also keeps
//! how far each node it reached is from the start and which node it was reached from,
//! so that one walk gives both the distances an ego graph needs and the shortest path
//! a path query needs.

use petgraph::visit::{Bfs, GraphRef, IntoNeighbors, VisitMap, Visitable};
use rustc_hash::FxHashMap;
use std::hash::Hash;

/// A breadth-first walk from one node. Nodes come out in the order petgraph's
/// [`Bfs`] visits them: by distance from the start, and at one distance in the order
/// the graph lists the neighbors of the nodes they were reached from.
pub struct BreadthFirst<N, VM> {
    bfs: Bfs<N, VM>,
    /// For each node reached but the start: the node it was reached from, and its
    /// distance from the start in steps.
    reached: FxHashMap<N, (N, usize)>,
}

impl<N, VM> BreadthFirst<N, VM>
where
    N: Copy + Eq + Hash,
    VM: VisitMap<N>,
{
    /// A walk from `start` over `graph`.
    pub fn new<G>(graph: G, start: N) -> Self
    where
        G: GraphRef + Visitable<NodeId = N, Map = VM>,
    {
        BreadthFirst {
            bfs: Bfs::new(graph, start),
            reached: FxHashMap::default(),
        }
    }

    /// The next node of the walk and its distance from the start, in steps.
    pub fn next<G>(&mut self, graph: G) -> Option<(N, usize)>
    where
        G: IntoNeighbors<NodeId = N>,
    {
        let queued = self.bfs.stack.len();
        let node = self.bfs.next(graph)?;
        let distance = self.reached.get(&node).map_or(0, |&(_, d)| d);
        // `Bfs::next` took `node` from the front of its queue and put the nodes it
        // found from it, none of them reached before, at the back.
        let found = self.bfs.stack.len() + 1 - queued;
        for &next in self.bfs.stack.iter().rev().take(found) {
            self.reached.insert(next, (node, distance + 1));
        }
        Some((node, distance))
    }

    /// The nodes on the path the walk took from the start to `node` (which it must
    /// have reached), the start first and `node` last.
    pub fn path_to(&self, node: N) -> Vec<N> {
        let mut path = vec![node];
        let mut at = node;
        while let Some(&(from, _)) = self.reached.get(&at) {
            path.push(from);
            at = from;
        }
        path.reverse();
        path
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use petgraph::graph::{NodeIndex, UnGraph};

    /// 0 – 1 – 3, 0 – 2 – 3, 3 – 4, and 5 on its own.
    fn diamond() -> UnGraph<(), ()> {
        let mut g = UnGraph::new_undirected();
        for _ in 0..6 {
            g.add_node(());
        }
        for (a, b) in [(0, 1), (0, 2), (1, 3), (2, 3), (3, 4)] {
            g.add_edge(NodeIndex::new(a), NodeIndex::new(b), ());
        }
        g
    }

    fn walk_all(g: &UnGraph<(), ()>, start: usize) -> Vec<(usize, usize)> {
        let mut walk = BreadthFirst::new(g, NodeIndex::new(start));
        std::iter::from_fn(|| walk.next(g))
            .map(|(n, d)| (n.index(), d))
            .collect()
    }

    #[test]
    fn nodes_come_in_petgraphs_order_with_their_distances() {
        let g = diamond();
        let got = walk_all(&g, 0);
        let mut bfs = Bfs::new(&g, NodeIndex::new(0));
        let order: Vec<usize> = std::iter::from_fn(|| bfs.next(&g))
            .map(|n| n.index())
            .collect();
        assert_eq!(got.iter().map(|&(n, _)| n).collect::<Vec<_>>(), order);
        let mut by_node = got.clone();
        by_node.sort();
        assert_eq!(by_node, [(0, 0), (1, 1), (2, 1), (3, 2), (4, 3)]);
    }

    #[test]
    fn a_node_alone_is_its_own_walk() {
        let g = diamond();
        assert_eq!(walk_all(&g, 5), [(5, 0)]);
        let walk = BreadthFirst::new(&g, NodeIndex::new(5));
        assert_eq!(walk.path_to(NodeIndex::new(5)), [NodeIndex::new(5)]);
    }

    #[test]
    fn the_path_goes_through_the_node_reached_first() {
        let g = diamond();
        let mut walk = BreadthFirst::new(&g, NodeIndex::new(0));
        let first_at_distance_one = {
            let mut first = None;
            while let Some((n, d)) = walk.next(&g) {
                if d == 1 && first.is_none() {
                    first = Some(n);
                }
            }
            first.unwrap()
        };
        let path: Vec<usize> = walk
            .path_to(NodeIndex::new(4))
            .iter()
            .map(|n| n.index())
            .collect();
        assert_eq!(path, [0, first_at_distance_one.index(), 3, 4]);
    }
}
