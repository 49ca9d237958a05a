//! Reading rows back into the graph's own types: a part of the graph as a graph
//! document, a node with as much of it as a question needs, evidence with the
//! sentences it quotes.

use super::read::{Detail, Part, Store};
use crate::error::{Error, Result};
use crate::graph::{Edge, Evidence, GraphDoc, Merge, Node, Relation};
use std::collections::BTreeMap;
use std::sync::Arc;

impl Store {
    /// The part of the graph as a graph document, nodes and edges in the graph's
    /// order. The ends of every edge are in it.
    pub(super) fn load(&self, part: &Part) -> Result<GraphDoc> {
        let mut nodes = part.nodes.clone();
        let mut edges = Vec::with_capacity(part.edges.len());
        {
            let mut stmt = self
                .conn
                .prepare_cached(
                    "SELECT source, target, key, relation, title, role FROM edges WHERE edge = ?1",
                )
                .map_err(|e| self.err(e))?;
            for (&e, &with_evidence) in &part.edges {
                let row = stmt
                    .query_row([e], |r| {
                        Ok((
                            r.get::<_, i64>(0)?,
                            r.get::<_, i64>(1)?,
                            r.get::<_, i64>(2)?,
                            r.get::<_, String>(3)?,
                            r.get::<_, Option<String>>(4)?,
                            r.get::<_, Option<String>>(5)?,
                        ))
                    })
                    .map_err(|e| self.err(e))?;
                nodes.entry(row.0).or_insert(Detail::Light);
                nodes.entry(row.1).or_insert(Detail::Light);
                edges.push((e, with_evidence, row));
            }
        }
        let mut doc = GraphDoc::empty();
        let mut ids: BTreeMap<i64, Arc<str>> = BTreeMap::new();
        for (&n, &d) in &nodes {
            let node = self.node(n, d)?;
            ids.insert(n, Arc::from(node.id.as_str()));
            doc.nodes.push(node);
        }
        for (e, with_evidence, (s, t, key, rel, title, role)) in edges {
            let relation = Relation::parse(&rel).ok_or_else(|| Error::Store {
                path: self.path.clone(),
                message: format!("an edge of unknown relation {rel:?}"),
            })?;
            doc.edges.push(Edge {
                source: Arc::clone(&ids[&s]),
                target: Arc::clone(&ids[&t]),
                key: key as usize,
                relation,
                title,
                role,
                evidence: if with_evidence {
                    self.evidence("edge_evidence", "edge", e, part.evidence_limit)?
                } else {
                    Vec::new()
                },
            });
        }
        Ok(doc)
    }

    pub(super) fn strings(&self, sql: &str, n: i64) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([n], |r| r.get::<_, String>(0))
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// Node `n` as graph.json holds it (`Light`: without sources, sentences, merges
    /// and evidence).
    pub(super) fn node(&self, n: i64, detail: Detail) -> Result<Node> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, kind, name, date, time, event_type, headline FROM nodes WHERE node = ?1",
            )
            .map_err(|e| self.err(e))?;
        let (id, kind, name, date, time, event_type, headline) = stmt
            .query_row([n], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, Option<String>>(6)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        let mut node = Node::new(id, self.kind(&kind)?, name);
        node.date = date;
        node.time = time;
        node.event_type = event_type;
        node.headline = headline;
        node.aliases = self.strings(
            "SELECT alias FROM aliases WHERE node = ?1 ORDER BY alias",
            n,
        )?;
        node.titles = self.strings("SELECT title FROM titles WHERE node = ?1 ORDER BY title", n)?;
        if detail == Detail::Full {
            node.sources = self.strings(
                "SELECT source FROM sources WHERE node = ?1 ORDER BY source",
                n,
            )?;
            node.sentences = self
                .strings(
                    "SELECT text FROM sentences WHERE article = ?1 ORDER BY sentence",
                    n,
                )?
                .into_iter()
                .map(Arc::from)
                .collect();
            let mut stmt = self
                .conn
                .prepare_cached("SELECT alias, reason FROM merges WHERE node = ?1 ORDER BY seq")
                .map_err(|e| self.err(e))?;
            let rows = stmt
                .query_map([n], |r| {
                    Ok(Merge {
                        alias: r.get(0)?,
                        reason: r.get(1)?,
                    })
                })
                .map_err(|e| self.err(e))?;
            node.merges = rows
                .collect::<rusqlite::Result<_>>()
                .map_err(|e| self.err(e))?;
            node.evidence = self.evidence("node_evidence", "node", n, None)?;
        }
        Ok(node)
    }

    /// The evidence of a node or edge, with the sentences quoted.
    pub(super) fn evidence(
        &self,
        table: &str,
        owner: &str,
        n: i64,
        limit: Option<usize>,
    ) -> Result<Vec<Evidence>> {
        let sql = format!(
            "SELECT a.id, ev.sentence, ev.start, ev.end, s.text FROM {table} ev
             JOIN nodes a ON a.node = ev.article
             LEFT JOIN sentences s ON s.article = ev.article AND s.sentence = ev.sentence
             WHERE ev.{owner} = ?1 ORDER BY ev.seq LIMIT ?2"
        );
        let limit = limit.map_or(-1, |l| l as i64);
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([n, limit], |r| {
                Ok(Evidence {
                    article: Arc::from(r.get::<_, String>(0)?),
                    sentence: r.get::<_, i64>(1)? as usize,
                    start: r.get::<_, i64>(2)? as usize,
                    end: r.get::<_, i64>(3)? as usize,
                    quote: Arc::from(r.get::<_, Option<String>>(4)?.unwrap_or_default()),
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }
}
