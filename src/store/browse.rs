//! What the web app reads beyond the questions of `zhkg query`: names as typed into a
//! search box, a node with every fact about it and the sentences that state them,
//! the graph around a node; and a dump of every row, to compare two databases.

use super::read::{Detail, Link, Part, Store};
use crate::error::{Error, Result};
use crate::graph::{GraphDoc, Node, Relation};
use rusqlite::OptionalExtension;

impl Store {
    /// The nodes a name means as [`Question`]s match it (by id, name or alias, else
    /// by part of a name or alias), without evidence, at most `limit` of them.
    pub fn find_nodes(&self, name: &str, limit: usize) -> Result<Vec<Node>> {
        let mut out = Vec::new();
        for n in self.matches(name, &[])?.into_iter().take(limit) {
            out.push(self.node(n, Detail::Light)?);
        }
        Ok(out)
    }

    /// The first `limit` sentences (in sentence order) holding every one of `words`,
    /// with the facts read from them, and how many sentences hold them in all.
    pub fn search_first(
        &self,
        words: &[String],
        limit: usize,
    ) -> Result<(crate::query::SearchAnswer, usize)> {
        let mut part = Part::default();
        let found = self.add_search(&mut part, words, Some(limit))?;
        let doc = self.load(&part)?;
        let mut answer = crate::query::Query::new(&doc).search(words);
        answer.hits.truncate(limit);
        Ok((answer, found))
    }

    /// The node with this id, and every edge touching it other than `mentions` (with
    /// its evidence), the nodes at their other ends and the articles the evidence
    /// points into; `None` when no node has the id.
    /// At most `evidence` pieces of evidence an edge are read (the first ones).
    pub fn facts_of(&self, id: &str, evidence: usize) -> Result<Option<GraphDoc>> {
        let Some(n) = self.number_of(id)? else {
            return Ok(None);
        };
        let mut part = Part {
            evidence_limit: Some(evidence),
            ..Part::default()
        };
        part.node(n, Detail::Full);
        for l in self.all_links(n)? {
            if self.relation_of(l.edge)? == Relation::Mentions {
                continue;
            }
            part.edges.insert(l.edge, true);
            for a in self.numbers(
                "SELECT DISTINCT article FROM
                 (SELECT article FROM edge_evidence WHERE edge = ?1 ORDER BY seq LIMIT ?2)",
                [l.edge, evidence as i64],
            )? {
                part.node(a, Detail::Light);
            }
        }
        self.load(&part).map(Some)
    }

    /// The nodes fewer than `depth` + 1 steps from the node with this id, over edges
    /// other than `mentions`, and those edges (no evidence); at most `max_nodes`
    /// nodes, nearest first. `None` when no node has the id.
    pub fn ego(&self, id: &str, depth: usize, max_nodes: usize) -> Result<Option<GraphDoc>> {
        let Some(n) = self.number_of(id)? else {
            return Ok(None);
        };
        let mut part = Part::default();
        part.node(n, Detail::Light);
        let mut frontier = vec![n];
        'walk: for _ in 0..depth {
            let mut next = Vec::new();
            for &m in &frontier {
                for l in self.all_links(m)? {
                    if self.relation_of(l.edge)? == Relation::Mentions {
                        continue;
                    }
                    let other = if l.source == m { l.target } else { l.source };
                    if !part.nodes.contains_key(&other) {
                        if part.nodes.len() >= max_nodes {
                            break 'walk;
                        }
                        part.node(other, Detail::Light);
                        next.push(other);
                    }
                }
            }
            frontier = next;
        }
        // Every edge among the nodes kept.
        let kept: Vec<i64> = part.nodes.keys().copied().collect();
        for &m in &kept {
            for l in self.links_out_all(m)? {
                if part.nodes.contains_key(&l.target)
                    && self.relation_of(l.edge)? != Relation::Mentions
                {
                    part.edges.insert(l.edge, false);
                }
            }
        }
        self.load(&part).map(Some)
    }

    fn number_of(&self, id: &str) -> Result<Option<i64>> {
        self.conn
            .prepare_cached("SELECT node FROM nodes WHERE id = ?1")
            .and_then(|mut s| s.query_row([id], |r| r.get(0)).optional())
            .map_err(|e| self.err(e))
    }

    fn relation_of(&self, edge: i64) -> Result<Relation> {
        let rel: String = self
            .conn
            .prepare_cached("SELECT relation FROM edges WHERE edge = ?1")
            .and_then(|mut s| s.query_row([edge], |r| r.get(0)))
            .map_err(|e| self.err(e))?;
        Relation::parse(&rel).ok_or_else(|| Error::Store {
            path: self.path.clone(),
            message: format!("an edge of unknown relation {rel:?}"),
        })
    }

    fn links_out_all(&self, n: i64) -> Result<Vec<Link>> {
        self.links_by(
            "SELECT edge, source, target FROM edges WHERE source = ?1",
            n,
        )
    }

    /// Every row of every table, in a fixed order, one line each: two databases
    /// with equal dumps hold the same graph.
    pub fn dump(&self) -> Result<String> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT name FROM sqlite_schema WHERE type = 'table'
                 AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name",
            )
            .map_err(|e| self.err(e))?;
        let tables: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        let mut out = String::new();
        for table in tables {
            let mut stmt = self
                .conn
                .prepare(&format!("SELECT * FROM \"{table}\" ORDER BY 1, 2"))
                .map_err(|e| self.err(e))?;
            let cols = stmt.column_count();
            let mut rows = stmt.query([]).map_err(|e| self.err(e))?;
            while let Some(r) = rows.next().map_err(|e| self.err(e))? {
                out.push_str(&table);
                for c in 0..cols {
                    let v: rusqlite::types::Value = r.get(c).map_err(|e| self.err(e))?;
                    out.push('\t');
                    out.push_str(&format!("{v:?}"));
                }
                out.push('\n');
            }
        }
        Ok(out)
    }
}
