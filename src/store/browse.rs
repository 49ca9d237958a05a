//! What the web app reads beyond the questions of `zhkg query`: names as typed into a
//! search box, a node with every fact about it and the sentences that state them,
//! the graph around a node; and a dump of every row, to compare two databases.

use super::read::{Detail, Link, Part, Store};
use crate::error::Result;
use crate::graph::{GraphDoc, Node, Relation};
use crate::query::{Hit, Quoted, Row, SearchAnswer};
use rusqlite::OptionalExtension;
use serde::Serialize;
use std::collections::BTreeMap;

/// A node's facts as the web app shows them: the part of the graph they are in, and
/// how many edges of each relation and direction were left out.
pub struct Facts {
    pub doc: GraphDoc,
    pub left_out: Vec<LeftOut>,
}

/// One page of a search.
pub struct SearchPage {
    pub answer: crate::query::SearchAnswer,
    /// The sentence number the next page starts at, when sentences are left to look at.
    pub more: Option<i64>,
}

/// Edges of one relation and direction not listed.
#[derive(Debug, Serialize)]
pub struct LeftOut {
    pub relation: String,
    /// Whether they point away from the node.
    pub outgoing: bool,
    pub count: usize,
}

impl Store {
    /// The nodes a name means as [`Question`]s match it (by id, name or alias, else
    /// by part of a name or alias), without evidence, at most `limit` of them. A name of
    /// one or two characters, too short for the trigram index, matches the names that
    /// begin with it (read from the index of names) instead of every name holding it,
    /// which would take a scan of every name at each key typed into the search box.
    pub fn find_nodes(&self, name: &str, limit: usize) -> Result<Vec<Node>> {
        let found = if name.chars().count() >= 3 {
            self.matches(name, &[])?
        } else {
            let exact = self.numbers(
                "SELECT node FROM nodes WHERE id = ?1 OR name = ?1
                 UNION SELECT node FROM aliases WHERE alias = ?1",
                [name],
            )?;
            if exact.is_empty() {
                // Every string that begins with the name sorts below this one.
                let end = format!("{name}\u{10FFFF}");
                self.numbers(
                    "SELECT node FROM (SELECT node FROM nodes WHERE name >= ?1 AND name < ?2
                     ORDER BY name LIMIT ?3)
                     UNION SELECT node FROM (SELECT node FROM aliases
                     WHERE alias >= ?1 AND alias < ?2 ORDER BY alias LIMIT ?3)",
                    rusqlite::params![name, end, limit as i64],
                )?
            } else {
                exact
            }
        };
        let mut out = Vec::new();
        for n in found.into_iter().take(limit) {
            out.push(self.node(n, Detail::Light)?);
        }
        Ok(out)
    }

    /// A page of a search: the sentences holding every one of `words`, looked at in
    /// sentence order from sentence number `after`, at most `budget` of them, up to
    /// the first `limit` that hold them all, with the facts read from them. Each call's
    /// work is bounded whatever the words (a rare word would otherwise scan every
    /// sentence of the corpus); [`SearchPage::more`] says where the next page starts.
    pub fn search_page(
        &self,
        words: &[String],
        after: i64,
        limit: usize,
        budget: i64,
    ) -> Result<SearchPage> {
        let (found, more) = self.search_window(words, after, limit, budget)?;
        let mut labels: BTreeMap<i64, Node> = BTreeMap::new();
        let mut hits = Vec::with_capacity(found.len());
        for (article, sentence, text) in found {
            let a = self.light(&mut labels, article)?.clone();
            hits.push(Hit {
                date: a.date.clone(),
                article: a.id.clone(),
                sentence: sentence as usize,
                headline: a.headline.clone().unwrap_or_else(|| a.name.clone()),
                text,
                facts: self.quoted(&mut labels, article, sentence)?,
            });
        }
        hits.sort_by(|a, b| (a.date.is_none(), a).cmp(&(b.date.is_none(), b)));
        Ok(SearchPage {
            answer: SearchAnswer {
                words: words.to_vec(),
                hits,
            },
            more,
        })
    }

    /// Node `n` without its evidence, read once a page.
    fn light<'m>(&self, seen: &'m mut BTreeMap<i64, Node>, n: i64) -> Result<&'m Node> {
        Ok(match seen.entry(n) {
            std::collections::btree_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::btree_map::Entry::Vacant(e) => e.insert(self.node(n, Detail::Light)?),
        })
    }

    /// The facts read from a sentence, each with its mention there, as
    /// [`crate::query::Query::search`] lists them; only that sentence's evidence is read
    /// (a post may be stated in hundreds of sentences).
    fn quoted(
        &self,
        labels: &mut BTreeMap<i64, Node>,
        article: i64,
        sentence: i64,
    ) -> Result<Vec<Quoted>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT e.source, e.target, e.relation, e.title, e.role, v.start, v.end
                 FROM sentence_facts f JOIN edges e ON e.edge = f.edge
                 JOIN edge_evidence v ON v.edge = f.edge
                 AND v.article = f.article AND v.sentence = f.sentence
                 WHERE f.article = ?1 AND f.sentence = ?2",
            )
            .map_err(|e| self.err(e))?;
        type Row = (i64, i64, String, Option<String>, Option<String>, i64, i64);
        let rows: Vec<Row> = stmt
            .query_map([article, sentence], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            })
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        let mut out = Vec::with_capacity(rows.len());
        for (source, target, relation, title, role, start, end) in rows {
            let relation = Relation::parse(&relation).ok_or_else(|| crate::Error::Store {
                path: self.path.clone(),
                message: format!("an edge of unknown relation {relation:?}"),
            })?;
            let s = self.light(labels, source)?;
            let (subject, subject_id) = (s.display_label(), s.id.clone());
            let t = self.light(labels, target)?;
            out.push(Quoted {
                start: start as usize,
                end: end as usize,
                subject,
                subject_id,
                relation,
                object: t.display_label(),
                object_id: t.id.clone(),
                detail: title.or(role),
            });
        }
        out.sort();
        out.dedup();
        Ok(out)
    }

    /// The node with this id, the edges touching it other than `mentions` (with their
    /// evidence), the nodes at their other ends and the articles the evidence points
    /// into; `None` when no node has the id. At most `evidence` pieces of evidence an
    /// edge are read (the first ones), and at most `per_kind` edges of each relation
    /// and direction (the first in edge order): the busiest person of a corpus has
    /// hundreds of events. The edges left out are counted in [`Facts::left_out`].
    pub fn facts_of(&self, id: &str, evidence: usize, per_kind: usize) -> Result<Option<Facts>> {
        let Some(n) = self.number_of(id)? else {
            return Ok(None);
        };
        let mut part = Part {
            evidence_limit: Some(evidence),
            ..Part::default()
        };
        part.node(n, Detail::Full);
        let mut left_out: BTreeMap<(String, bool), usize> = BTreeMap::new();
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT edge, relation, source = ?1 FROM edges
                 WHERE source = ?1 AND relation <> 'mentions'
                 UNION SELECT edge, relation, source = ?1 FROM edges
                 WHERE target = ?1 AND relation <> 'mentions' ORDER BY 1",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([n], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, bool>(2)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        let mut taken: BTreeMap<(String, bool), usize> = BTreeMap::new();
        for row in rows {
            let (edge, relation, outgoing) = row.map_err(|e| self.err(e))?;
            let kind = (relation, outgoing);
            let seen = taken.entry(kind.clone()).or_default();
            if *seen >= per_kind {
                *left_out.entry(kind).or_default() += 1;
                continue;
            }
            *seen += 1;
            part.edges.insert(edge, true);
            for a in self.numbers(
                "SELECT DISTINCT article FROM
                 (SELECT article FROM edge_evidence WHERE edge = ?1 ORDER BY seq LIMIT ?2)",
                [edge, evidence as i64],
            )? {
                part.node(a, Detail::Light);
            }
        }
        Ok(Some(Facts {
            doc: self.load(&part)?,
            left_out: left_out
                .into_iter()
                .map(|((relation, outgoing), count)| LeftOut {
                    relation,
                    outgoing,
                    count,
                })
                .collect(),
        }))
    }

    /// The people who took part (chaired, attended, spoke) in the events person `id`
    /// took part in, most shared events first, then by id, as `zhkg query coattend`
    /// lists them: the first `limit`, and how many there are in all. Counted in SQL, so
    /// that the busiest person's hundreds of events cost one query, not a graph.
    pub fn coattendees(&self, id: &str, limit: usize) -> Result<Option<(Vec<Row>, usize)>> {
        let Some(n) = self.number_of(id)? else {
            return Ok(None);
        };
        let mut stmt = self
            .conn
            .prepare_cached(
                "WITH events AS (
                     SELECT DISTINCT target AS event FROM edges
                     WHERE source = ?1 AND relation IN ('chaired', 'attended', 'spoke_at')),
                 shared AS (
                     SELECT o.source AS other, count(DISTINCT o.target) AS times
                     FROM events JOIN edges o ON o.target = events.event
                     AND o.relation IN ('chaired', 'attended', 'spoke_at')
                     WHERE o.source <> ?1 GROUP BY o.source)
                 SELECT shared.other, p.id, p.name, shared.times FROM shared
                 JOIN nodes p ON p.node = shared.other WHERE p.kind = 'person'
                 ORDER BY shared.times DESC, p.id",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([n], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, i64>(3)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        let all: Vec<(i64, String, String, i64)> = rows
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))?;
        let total = all.len();
        let mut out = Vec::new();
        // The busiest people share the same events: each label is read once.
        let mut label_of: BTreeMap<i64, String> = BTreeMap::new();
        for (other, other_id, name, times) in all.into_iter().take(limit) {
            let mut labels = Vec::new();
            for ev in self.numbers(
                "SELECT o.target FROM edges o JOIN edges me ON me.target = o.target
                 WHERE o.source = ?1 AND me.source = ?2
                 AND o.relation IN ('chaired', 'attended', 'spoke_at')
                 AND me.relation IN ('chaired', 'attended', 'spoke_at')",
                [other, n],
            )? {
                let label = match label_of.get(&ev) {
                    Some(l) => l.clone(),
                    None => {
                        let l = self.label(ev)?;
                        label_of.insert(ev, l.clone());
                        l
                    }
                };
                labels.push(label);
            }
            labels.sort();
            out.push(Row {
                id: other_id,
                name,
                relation: times.to_string(),
                detail: labels.join("、"),
                sources: Vec::new(),
            });
        }
        Ok(Some((out, total)))
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
                for l in self.fact_links(m)? {
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
            for l in self.links_by(
                "SELECT edge, source, target FROM edges
                 WHERE source = ?1 AND relation <> 'mentions'",
                m,
            )? {
                if part.nodes.contains_key(&l.target) {
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

    /// How node `n` is named in a list ([`Node::display_label`]).
    fn label(&self, n: i64) -> Result<String> {
        let (kind, name, date): (String, String, Option<String>) = self
            .conn
            .prepare_cached("SELECT kind, name, date FROM nodes WHERE node = ?1")
            .and_then(|mut s| s.query_row([n], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))))
            .map_err(|e| self.err(e))?;
        let mut node = Node::new(String::new(), self.kind(&kind)?, name);
        node.date = date;
        Ok(node.display_label())
    }

    /// Every edge of `n` but its mentions, either way, in edge order: the index on
    /// targets skips a person's thousands of mentions without reading them.
    fn fact_links(&self, n: i64) -> Result<Vec<Link>> {
        self.links_by(
            "SELECT edge, source, target FROM edges WHERE source = ?1 AND relation <> 'mentions'
             UNION SELECT edge, source, target FROM edges
             WHERE target = ?1 AND relation <> 'mentions' ORDER BY 1",
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
