//! Reading `graph.db`: checking that it is a graph database of this schema, finding
//! the nodes a name means, and loading the part of the graph a question looks at.
//!
//! A question is answered by the same code as on graph.json ([`Query`]), run on the
//! part of the graph it can reach: the nodes the name matches (every one of them, so
//! that an ambiguous name lists the same candidates) and the edges and nodes the
//! question walks. That part is a few hundred rows where graph.json is the whole
//! corpus, and the answers are the same by construction.

use super::schema::{APPLICATION_ID, SCHEMA_VERSION};
use crate::error::{Error, Result};
use crate::graph::{Node, NodeKind};
use crate::query::{not_found, Query, Question, Reply};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// An open graph database, read only.
pub struct Store {
    pub(super) conn: Connection,
    pub(super) path: PathBuf,
}

/// How much of a node a question needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Detail {
    /// Kind, name, aliases, titles, date: enough to name it and match it.
    Light,
    /// Everything, evidence with its quotes too: a node an answer is about.
    Full,
}

/// The part of the graph a question needs: node numbers, edge numbers (with or
/// without evidence).
#[derive(Default)]
pub(super) struct Part {
    pub(super) nodes: BTreeMap<i64, Detail>,
    pub(super) edges: BTreeMap<i64, bool>,
    /// At most this many pieces of evidence an edge (the first), when set.
    pub(super) evidence_limit: Option<usize>,
}

impl Part {
    pub(super) fn node(&mut self, n: i64, d: Detail) {
        let e = self.nodes.entry(n).or_insert(d);
        *e = (*e).max(d);
    }
}

/// One row of `edges`: its number and its ends.
#[derive(Clone, Copy)]
pub(super) struct Link {
    pub(super) edge: i64,
    pub(super) source: i64,
    pub(super) target: i64,
}

impl Store {
    /// Opens `path` for reading, refusing a file that is not a zhkg graph database or
    /// that was written with another schema.
    pub fn open(path: &Path) -> Result<Store> {
        crate::publish::settle(crate::output::parent_dir(path))?;
        if !path.exists() {
            return Err(Error::NoGraph(path.to_path_buf()));
        }
        let refuse = |message: String| Error::Store {
            path: path.to_path_buf(),
            message,
        };
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| refuse(e.to_string()))?;
        let app: i64 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(|e| refuse(format!("not a zhkg graph database ({e})")))?;
        if app != APPLICATION_ID {
            return Err(refuse(
                "not a zhkg graph database (an SQLite file written by another program); build one with zhkg build".into(),
            ));
        }
        let version: Option<String> = conn
            .query_row(
                "SELECT value FROM zhkg_meta WHERE key = 'schema_version'",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| refuse(format!("not a zhkg graph database ({e})")))?;
        let version: i64 = version.and_then(|v| v.parse().ok()).unwrap_or(0);
        if version != SCHEMA_VERSION {
            let age = if version < SCHEMA_VERSION {
                "an older"
            } else {
                "a newer"
            };
            return Err(refuse(format!(
                "written by {age} zhkg (graph database schema {version}; this zhkg reads schema {SCHEMA_VERSION}); rebuild it with zhkg build"
            )));
        }
        // The questions' few dozen statements stay prepared: a busy web page asks
        // hundreds of small queries.
        // Plans made without looking at bound values: the bundled SQLite (STAT4) would
        // otherwise prepare a statement again at every new value, which took a fifth
        // of a busy page's time. The indexes leave one plan worth having anyway.
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
            true,
        )
        .map_err(|e| refuse(e.to_string()))?;
        conn.set_prepared_statement_cache_capacity(128);
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Reads pages through a mapping of the file rather than copying them out of it
    /// one read call at a time: for `zhkg serve`, which asks thousands of small
    /// queries. Not for one question: the pages it touches would count in the
    /// process's memory (a search touches every sentence).
    pub fn map_file(&self) -> Result<()> {
        self.conn
            .execute_batch("PRAGMA mmap_size = 4294967296;")
            .map_err(|e| self.err(e))
    }

    /// Runs `f` in one read transaction: the file is locked and its schema checked
    /// once, not once a statement (a fifth of a busy page's time went on that), and
    /// every answer comes from the same state of the file.
    pub fn in_snapshot<T>(&self, f: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        self.conn.execute_batch("BEGIN").map_err(|e| self.err(e))?;
        let out = f(self);
        // A read transaction changes nothing: ending it cannot lose anything.
        let _ = self.conn.execute_batch("COMMIT");
        out
    }

    pub(super) fn err(&self, e: rusqlite::Error) -> Error {
        Error::Store {
            path: self.path.clone(),
            message: e.to_string(),
        }
    }

    /// Answers `q` as [`Query::ask`] answers it on the same graph's graph.json.
    pub fn ask(&self, q: &Question) -> Result<Reply> {
        self.in_snapshot(|s| s.answer(q))
    }

    fn answer(&self, q: &Question) -> Result<Reply> {
        let mut part = Part::default();
        match q {
            Question::Attendees(name) => {
                self.about(name, &[NodeKind::Event], &mut part, |s, n, p| {
                    for l in s.links(n, false, &["chaired", "attended", "spoke_at", "held"])? {
                        p.edges.insert(l.edge, false);
                        for post in s.links(l.source, true, &["holds_position"])? {
                            p.edges.insert(post.edge, false);
                        }
                    }
                    Ok(())
                })?
            }
            Question::Events(name) => self.about(
                name,
                &[NodeKind::Person, NodeKind::Organization],
                &mut part,
                |s, n, p| s.add_links(p, n, true, &["chaired", "attended", "spoke_at", "held"]),
            )?,
            Question::Positions(name) => {
                self.about(name, &[NodeKind::Person], &mut part, |s, n, p| {
                    s.add_links(p, n, true, &["holds_position"])
                })?
            }
            Question::Holders(name) => self.about(
                name,
                &[NodeKind::Organization, NodeKind::Place],
                &mut part,
                |s, n, p| s.add_links(p, n, false, &["holds_position"]),
            )?,
            Question::Neighbors(name, depth) => {
                self.about(name, &[], &mut part, |s, n, p| s.add_ball(p, n, *depth))?
            }
            Question::Timeline(name) => {
                self.about(name, &[NodeKind::Person], &mut part, |s, n, p| {
                    for l in s.links(
                        n,
                        true,
                        &["holds_position", "chaired", "attended", "spoke_at"],
                    )? {
                        p.edges.insert(l.edge, true);
                        for a in s.evidence_articles(l.edge)? {
                            p.node(a, Detail::Light);
                        }
                    }
                    Ok(())
                })?
            }
            Question::Coattend(name) => {
                self.about(name, &[NodeKind::Person], &mut part, |s, n, p| {
                    for l in s.links(n, true, &["chaired", "attended", "spoke_at"])? {
                        p.edges.insert(l.edge, false);
                        s.add_links(p, l.target, false, &["chaired", "attended", "spoke_at"])?;
                    }
                    Ok(())
                })?
            }
            Question::Path(a, b) => return self.path(a, b),
            Question::Search(words) => {
                self.add_search(&mut part, words)?;
            }
        }
        let doc = self.load(&part)?;
        Query::new(&doc).ask(q)
    }

    /// Puts into `part` what a question about `name` (among `kinds`) needs: every
    /// node the name matches, and when it matches one, what `walk` adds around it;
    /// when it matches several, what tells them apart. No match is the error
    /// graph.json's query gives.
    fn about(
        &self,
        name: &str,
        kinds: &[NodeKind],
        part: &mut Part,
        walk: impl FnOnce(&Store, i64, &mut Part) -> Result<()>,
    ) -> Result<()> {
        let matched = self.matches(name, kinds)?;
        match matched.as_slice() {
            [] => Err(self.not_found(name, kinds)?),
            [one] => {
                part.node(*one, Detail::Full);
                walk(self, *one, part)
            }
            many => {
                for &n in many {
                    self.add_candidate(part, n)?;
                }
                Ok(())
            }
        }
    }

    /// The nodes of `kinds` (any kind when empty) a name means: those whose id, name
    /// or alias is the name, or when there are none, those whose name or an alias
    /// contains it, as [`Query::find`] chooses.
    pub(super) fn matches(&self, name: &str, kinds: &[NodeKind]) -> Result<Vec<i64>> {
        let exact = self.numbers(
            "SELECT node FROM nodes WHERE id = ?1 OR name = ?1
             UNION SELECT node FROM aliases WHERE alias = ?1",
            [name],
        )?;
        let exact = self.of_kinds(exact, kinds)?;
        if !exact.is_empty() {
            return Ok(exact);
        }
        let partial = if name.chars().count() >= 3 {
            // The trigram index finds the names holding the name's trigrams; the
            // check in SQL keeps those that hold the name itself.
            self.numbers(
                "SELECT DISTINCT node FROM names_fts
                 WHERE names_fts MATCH ?2 AND instr(name, ?1) > 0",
                (name, fts_phrase(name)),
            )?
        } else {
            self.numbers(
                "SELECT node FROM nodes WHERE instr(name, ?1) > 0
                 UNION SELECT node FROM aliases WHERE instr(alias, ?1) > 0",
                [name],
            )?
        };
        self.of_kinds(partial, kinds)
    }

    pub(super) fn numbers(&self, sql: &str, p: impl rusqlite::Params) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(p, |r| r.get::<_, i64>(0))
            .map_err(|e| self.err(e))?;
        let mut out: Vec<i64> = rows
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))?;
        out.sort_unstable();
        out.dedup();
        Ok(out)
    }

    pub(super) fn of_kinds(&self, nodes: Vec<i64>, kinds: &[NodeKind]) -> Result<Vec<i64>> {
        if kinds.is_empty() {
            return Ok(nodes);
        }
        let mut stmt = self
            .conn
            .prepare_cached("SELECT kind FROM nodes WHERE node = ?1")
            .map_err(|e| self.err(e))?;
        let mut out = Vec::with_capacity(nodes.len());
        for n in nodes {
            let kind: String = stmt.query_row([n], |r| r.get(0)).map_err(|e| self.err(e))?;
            if NodeKind::parse(&kind).is_some_and(|k| kinds.contains(&k)) {
                out.push(n);
            }
        }
        Ok(out)
    }

    /// The error of a name no node of `kinds` has, with the names most like it.
    pub(super) fn not_found(&self, name: &str, kinds: &[NodeKind]) -> Result<Error> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT kind, name, date FROM nodes")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        let mut nodes = Vec::new();
        for row in rows {
            let (kind, n, date) = row.map_err(|e| self.err(e))?;
            let kind = self.kind(&kind)?;
            if kinds.is_empty() || kinds.contains(&kind) {
                let mut node = Node::new(String::new(), kind, n);
                node.date = date;
                nodes.push(node);
            }
        }
        Ok(not_found(name, kinds, nodes.iter()))
    }

    pub(super) fn kind(&self, s: &str) -> Result<NodeKind> {
        NodeKind::parse(s).ok_or_else(|| Error::Store {
            path: self.path.clone(),
            message: format!("a node of unknown kind {s:?}"),
        })
    }

    /// The edges of `n` with one of `relations` (any when empty), leaving it when
    /// `out`, else coming into it, in edge order.
    pub(super) fn links(&self, n: i64, out: bool, relations: &[&str]) -> Result<Vec<Link>> {
        let sql = if out {
            "SELECT edge, source, target FROM edges WHERE source = ?1 AND relation = ?2"
        } else {
            "SELECT edge, source, target FROM edges WHERE target = ?1 AND relation = ?2"
        };
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        let mut links = Vec::new();
        for rel in relations {
            let rows = stmt
                .query_map(params![n, rel], |r| {
                    Ok(Link {
                        edge: r.get(0)?,
                        source: r.get(1)?,
                        target: r.get(2)?,
                    })
                })
                .map_err(|e| self.err(e))?;
            for l in rows {
                links.push(l.map_err(|e| self.err(e))?);
            }
        }
        links.sort_by_key(|l| l.edge);
        Ok(links)
    }

    /// Whether the sentences have their trigram index (`zhkg build --search-index`).
    fn has_sentence_index(&self) -> Result<bool> {
        self.conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'sentences_fts'",
                [],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n > 0)
            .map_err(|e| self.err(e))
    }

    /// Every edge of `n`, either way.
    pub(super) fn all_links(&self, n: i64) -> Result<Vec<Link>> {
        self.links_by(
            "SELECT edge, source, target FROM edges WHERE source = ?1
             UNION SELECT edge, source, target FROM edges WHERE target = ?1",
            n,
        )
    }

    /// The edges a query of `n` selects, as (edge, source, target) rows.
    pub(super) fn links_by(&self, sql: &str, n: i64) -> Result<Vec<Link>> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([n], |r| {
                Ok(Link {
                    edge: r.get(0)?,
                    source: r.get(1)?,
                    target: r.get(2)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    pub(super) fn add_links(
        &self,
        part: &mut Part,
        n: i64,
        out: bool,
        relations: &[&str],
    ) -> Result<()> {
        for l in self.links(n, out, relations)? {
            part.edges.insert(l.edge, false);
        }
        Ok(())
    }

    /// The articles an edge's evidence points into.
    pub(super) fn evidence_articles(&self, edge: i64) -> Result<Vec<i64>> {
        self.numbers(
            "SELECT DISTINCT article FROM edge_evidence WHERE edge = ?1",
            [edge],
        )
    }

    /// What tells a candidate apart: its places and posts, its organisations' or
    /// organisers' places, the articles it is found in.
    pub(super) fn add_candidate(&self, part: &mut Part, n: i64) -> Result<()> {
        part.node(n, Detail::Full);
        self.add_links(part, n, true, &["located_in"])?;
        let via = [
            self.links(n, true, &["holds_position"])?,
            self.links(n, false, &["held"])?,
        ];
        for l in via.iter().flatten() {
            part.edges.insert(l.edge, false);
            let other = if l.source == n { l.target } else { l.source };
            self.add_links(part, other, true, &["located_in"])?;
        }
        for a in self.numbers(
            "SELECT DISTINCT article FROM node_evidence WHERE node = ?1",
            [n],
        )? {
            part.node(a, Detail::Light);
        }
        Ok(())
    }

    /// The edges of every node fewer than `depth` steps from `n`.
    fn add_ball(&self, part: &mut Part, n: i64, depth: usize) -> Result<()> {
        let mut seen: BTreeSet<i64> = BTreeSet::from([n]);
        let mut frontier = vec![n];
        for _ in 0..depth {
            let mut next = Vec::new();
            for &m in &frontier {
                for l in self.all_links(m)? {
                    part.edges.insert(l.edge, false);
                    for end in [l.source, l.target] {
                        if seen.insert(end) {
                            next.push(end);
                        }
                    }
                }
            }
            frontier = next;
        }
        Ok(())
    }

    /// The sentences (article, place, text) that may hold every word: those the
    /// trigram index finds for the words of three characters or more, else every
    /// sentence holding the first word; in sentence order.
    fn sentence_candidates(&self, words: &[String]) -> Result<Vec<(i64, i64, String)>> {
        let long: Vec<&String> = words.iter().filter(|w| w.chars().count() >= 3).collect();
        let mut stmt;
        let rows: Vec<(i64, i64, String)> = if !long.is_empty() && self.has_sentence_index()? {
            // GLOB, not MATCH: the index keeps no positions (detail=none, a third
            // smaller), and FTS5 answers substring GLOBs from the trigrams alone.
            let sql = format!(
                "SELECT s.article, s.sentence, s.text FROM sentences_fts f
                 JOIN sentences s ON s.sentence_id = f.rowid WHERE {}",
                (1..=long.len())
                    .map(|i| format!("f.text GLOB ?{i}"))
                    .collect::<Vec<_>>()
                    .join(" AND ")
            );
            stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
            let patterns: Vec<String> = long.iter().map(|w| glob_substring(w)).collect();
            let r = stmt
                .query_map(rusqlite::params_from_iter(patterns), |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })
                .map_err(|e| self.err(e))?;
            r.collect::<rusqlite::Result<_>>()
                .map_err(|e| self.err(e))?
        } else {
            // No index, or words shorter than a trigram: every sentence is looked at.
            let first = words.first().map(String::as_str).unwrap_or("");
            stmt = self
                .conn
                .prepare("SELECT article, sentence, text FROM sentences WHERE instr(text, ?1) > 0")
                .map_err(|e| self.err(e))?;
            let r = stmt
                .query_map([first], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .map_err(|e| self.err(e))?;
            r.collect::<rusqlite::Result<_>>()
                .map_err(|e| self.err(e))?
        };
        Ok(rows)
    }

    /// The sentences holding every word, their articles whole, and the facts read
    /// from those sentences with their evidence.
    fn add_search(&self, part: &mut Part, words: &[String]) -> Result<()> {
        let rows = self.sentence_candidates(words)?;
        let mut by_edge = self
            .conn
            .prepare_cached("SELECT edge FROM sentence_facts WHERE article = ?1 AND sentence = ?2")
            .map_err(|e| self.err(e))?;
        for (article, sentence, text) in rows {
            if !words.iter().all(|w| text.contains(w.as_str())) {
                continue;
            }
            part.node(article, Detail::Full);
            let edges = by_edge
                .query_map(params![article, sentence], |r| r.get::<_, i64>(0))
                .map_err(|e| self.err(e))?;
            for e in edges {
                part.edges.insert(e.map_err(|e| self.err(e))?, true);
            }
        }
        Ok(())
    }

    /// The sentences of a search page (see [`Store::search_page`]) as (article,
    /// sentence, text), in sentence order, and where the next page starts.
    pub(super) fn search_window(
        &self,
        words: &[String],
        after: i64,
        limit: usize,
        budget: i64,
    ) -> Result<(Vec<Found>, Option<i64>)> {
        let long: Vec<&String> = words.iter().filter(|w| w.chars().count() >= 3).collect();
        let indexed = !long.is_empty() && self.has_sentence_index()?;
        let end = after.saturating_add(budget.max(1));
        let sql = if indexed {
            format!(
                "SELECT s.sentence_id, s.article, s.sentence, s.text FROM sentences_fts f
                 JOIN sentences s ON s.sentence_id = f.rowid WHERE f.rowid >= ?1 AND {}
                 ORDER BY f.rowid",
                (0..long.len())
                    .map(|i| format!("f.text GLOB ?{}", i + 2))
                    .collect::<Vec<_>>()
                    .join(" AND ")
            )
        } else {
            format!(
                "SELECT sentence_id, article, sentence, text FROM sentences
                 WHERE sentence_id >= ?1 AND sentence_id < ?2 AND {} ORDER BY sentence_id",
                (0..words.len())
                    .map(|i| format!("instr(text, ?{}) > 0", i + 3))
                    .collect::<Vec<_>>()
                    .join(" AND ")
            )
        };
        let mut bound: Vec<rusqlite::types::Value> = vec![after.into()];
        if indexed {
            bound.extend(long.iter().map(|w| glob_substring(w).into()));
        } else {
            bound.push(end.into());
            bound.extend(words.iter().map(|w| w.clone().into()));
        }
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let mut rows = stmt
            .query(rusqlite::params_from_iter(bound))
            .map_err(|e| self.err(e))?;
        let mut found = Vec::new();
        let mut looked_at = 0i64;
        let mut more = None;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let id: i64 = r.get(0).map_err(|e| self.err(e))?;
            if found.len() >= limit || (indexed && looked_at >= budget) {
                more = Some(id);
                break;
            }
            looked_at += 1;
            let text: String = r.get(3).map_err(|e| self.err(e))?;
            if words.iter().all(|w| text.contains(w.as_str())) {
                let article: i64 = r.get(1).map_err(|e| self.err(e))?;
                let sentence: i64 = r.get(2).map_err(|e| self.err(e))?;
                found.push((article, sentence, text));
            }
        }
        if more.is_none() && !indexed {
            // The window was looked at whole: the next one starts after it, if any.
            let last: i64 = self
                .conn
                .query_row(
                    "SELECT coalesce(max(sentence_id), -1) FROM sentences",
                    [],
                    |r| r.get(0),
                )
                .map_err(|e| self.err(e))?;
            if end <= last {
                more = Some(end);
            }
        }
        Ok((found, more))
    }
}

/// A sentence a search found: its article's node number, its place, its text.
pub(super) type Found = (i64, i64, String);

/// A GLOB pattern matching any text that contains `s`: its wildcards bracketed so
/// that they stand for themselves.
fn glob_substring(s: &str) -> String {
    let mut p = String::from("*");
    for c in s.chars() {
        match c {
            '*' | '?' | '[' => {
                p.push('[');
                p.push(c);
                p.push(']');
            }
            _ => p.push(c),
        }
    }
    p.push('*');
    p
}

/// A string as one FTS5 phrase: in double quotes, its own double quotes doubled.
fn fts_phrase(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_patterns_take_wildcards_literally() {
        assert_eq!(glob_substring("会议"), "*会议*");
        assert_eq!(glob_substring("a*b?[c]"), "*a[*]b[?][[]c]*");
        assert_eq!(fts_phrase("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn patterns_match_in_sqlite_as_substrings() {
        let conn = Connection::open_in_memory().unwrap();
        for (text, word, want) in [
            ("马军主持会议", "主持", true),
            ("马军*主持", "*主", true),
            ("马军主持", "*主", false),
            ("a[b]c", "[b]", true),
            ("a?c", "?", true),
            ("abc", "?", false),
        ] {
            let got: bool = conn
                .query_row(
                    "SELECT ?1 GLOB ?2",
                    params![text, glob_substring(word)],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(got, want, "{text} {word}");
        }
    }
}
