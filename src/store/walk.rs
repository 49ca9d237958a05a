//! Shortest paths read from the database: the walk [`Query::path`] makes over the
//! whole graph, made here one node's neighbors at a time through the indexes.

use super::read::{Detail, Part, Store};
use crate::error::{Error, Result};
use crate::query::{Query, Reply};
use std::collections::VecDeque;

impl Store {
    /// A shortest path as [`Query::path`] finds it: a breadth-first walk trying
    /// neighbors in id order, over links other than `mentions` first; then the
    /// answer is made from the path's nodes and the edges between them.
    pub(super) fn path(&self, a: &str, b: &str) -> Result<Reply> {
        let mut ends = Vec::new();
        for name in [a, b] {
            let matched = self.matches(name, &[])?;
            match matched.as_slice() {
                [] => return Err(self.not_found(name, &[])?),
                [one] => ends.push(*one),
                many => {
                    let mut part = Part::default();
                    for &n in many {
                        self.add_candidate(&mut part, n)?;
                    }
                    let doc = self.load(&part)?;
                    return Err(Query::new(&doc)
                        .find(name, &[])
                        .expect_err("several candidates are ambiguous"));
                }
            }
        }
        let (s, t) = (ends[0], ends[1]);
        for allow_mentions in [false, true] {
            if let Some(nodes) = self.walk(s, t, allow_mentions)? {
                let mut part = Part::default();
                part.node(s, Detail::Full);
                for pair in nodes.windows(2) {
                    part.node(pair[1], Detail::Light);
                    for l in self.all_links(pair[0])? {
                        let other = if l.source == pair[0] {
                            l.target
                        } else {
                            l.source
                        };
                        if other == pair[1] {
                            part.edges.insert(l.edge, false);
                        }
                    }
                }
                let doc = self.load(&part)?;
                let ids: Vec<String> = [s, t]
                    .iter()
                    .map(|&n| self.id_of(n))
                    .collect::<Result<_>>()?;
                return Ok(Reply::Answer(Box::new(
                    Query::new(&doc).path(&ids[0], &ids[1])?,
                )));
            }
        }
        Err(Error::NotFound(format!("no path between {a} and {b}")))
    }

    fn id_of(&self, n: i64) -> Result<String> {
        self.conn
            .prepare_cached("SELECT id FROM nodes WHERE node = ?1")
            .and_then(|mut s| s.query_row([n], |r| r.get(0)))
            .map_err(|e| self.err(e))
    }

    /// The nodes of the first shortest path from `s` to `t` a breadth-first walk
    /// finds trying each node's neighbors in id order (= node number order).
    fn walk(&self, s: i64, t: i64, allow_mentions: bool) -> Result<Option<Vec<i64>>> {
        let sql = if allow_mentions {
            "SELECT target FROM edges WHERE source = ?1
             UNION SELECT source FROM edges WHERE target = ?1 ORDER BY 1"
        } else {
            "SELECT target FROM edges WHERE source = ?1 AND relation <> 'mentions'
             UNION SELECT source FROM edges WHERE target = ?1 AND relation <> 'mentions'
             ORDER BY 1"
        };
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        let mut from: rustc_hash::FxHashMap<i64, i64> = rustc_hash::FxHashMap::default();
        let mut seen: rustc_hash::FxHashSet<i64> = rustc_hash::FxHashSet::default();
        let mut queue = VecDeque::from([s]);
        seen.insert(s);
        while let Some(n) = queue.pop_front() {
            if n == t {
                let mut path = vec![t];
                let mut at = t;
                while let Some(&p) = from.get(&at) {
                    path.push(p);
                    at = p;
                }
                path.reverse();
                return Ok(Some(path));
            }
            let next = stmt
                .query_map([n], |r| r.get::<_, i64>(0))
                .map_err(|e| self.err(e))?;
            for m in next {
                let m = m.map_err(|e| self.err(e))?;
                if seen.insert(m) {
                    from.insert(m, n);
                    queue.push_back(m);
                }
            }
        }
        Ok(None)
    }
}
