//! Writing a graph into a new `graph.db`: every row in one transaction, in the
//! graph's canonical order, so that equal graphs give equal databases.

use super::schema::{APPLICATION_ID, INDEXES, SCHEMA_VERSION, SENTENCE_INDEX, TABLES};
use crate::error::{Error, Result};
use crate::graph::{Evidence, GraphDoc, NodeKind};
use rusqlite::{params, Connection};
use rustc_hash::FxHashMap;
use std::path::Path;

/// Writes `doc` (canonical: nodes sorted by id, edges numbered) into the empty or
/// missing file `path`. Nothing else may have the file open: the database is written
/// without a rollback journal, as the caller publishes it only once it is whole.
/// With `search_index`, the sentences get their trigram index too.
pub fn write_db(doc: &GraphDoc, path: &Path, search_index: bool) -> Result<()> {
    let err = |e: rusqlite::Error| Error::Store {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let mut conn = Connection::open(path).map_err(err)?;
    // No journal and no syncs: the file is a temporary one until it is complete and
    // flushed by the publish, and a run that fails throws it away.
    conn.execute_batch(&format!(
        "PRAGMA journal_mode = OFF;
         PRAGMA synchronous = OFF;
         PRAGMA locking_mode = EXCLUSIVE;
         PRAGMA temp_store = MEMORY;
         PRAGMA cache_size = -65536;
         PRAGMA application_id = {APPLICATION_ID};
         PRAGMA user_version = {SCHEMA_VERSION};"
    ))
    .map_err(err)?;
    let tx = conn.transaction().map_err(err)?;
    tx.execute_batch(TABLES).map_err(err)?;
    insert_rows(&tx, doc).map_err(|e| match e {
        Insert::Sql(e) => err(e),
        Insert::Dangling(message) => Error::Store {
            path: path.to_path_buf(),
            message,
        },
    })?;
    tx.execute_batch(INDEXES).map_err(err)?;
    if search_index {
        tx.execute_batch(SENTENCE_INDEX).map_err(err)?;
    }
    tx.commit().map_err(err)?;
    conn.execute_batch("PRAGMA optimize;").map_err(err)?;
    conn.close().map_err(|(_, e)| err(e))
}

enum Insert {
    Sql(rusqlite::Error),
    /// Evidence that points at an article the graph does not hold (a view saved with
    /// `zhkg export --kind`): no sentence to keep it with.
    Dangling(String),
}

impl From<rusqlite::Error> for Insert {
    fn from(e: rusqlite::Error) -> Insert {
        Insert::Sql(e)
    }
}

/// The evidence of node or edge `owner`, in order.
fn insert_evidence(
    stmt: &mut rusqlite::Statement<'_>,
    owner: i64,
    evidence: &[Evidence],
    article_of: &dyn Fn(&Evidence) -> std::result::Result<i64, Insert>,
) -> std::result::Result<(), Insert> {
    for (k, ev) in evidence.iter().enumerate() {
        stmt.execute(params![
            owner,
            k as i64,
            article_of(ev)?,
            ev.sentence as i64,
            ev.start as i64,
            ev.end as i64
        ])?;
    }
    Ok(())
}

fn insert_rows(tx: &rusqlite::Transaction<'_>, doc: &GraphDoc) -> std::result::Result<(), Insert> {
    let meta = &doc.graph;
    let mut put_meta = tx.prepare("INSERT INTO zhkg_meta(key, value) VALUES (?1, ?2)")?;
    let pairs: [(&str, String); 6] = [
        ("schema_version", SCHEMA_VERSION.to_string()),
        ("generator", meta.generator.clone()),
        ("articles", meta.articles.to_string()),
        ("sentences", meta.sentences.to_string()),
        ("characters", meta.characters.to_string()),
        (
            "facts_sha256",
            meta.facts_sha256.clone().unwrap_or_default(),
        ),
    ];
    for (k, v) in pairs {
        put_meta.execute(params![k, v])?;
    }

    // A node's number is its place in id order: queries that try neighbors in id
    // order sort by it.
    let number: FxHashMap<&str, i64> = doc
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i as i64))
        .collect();
    let article_of = |ev: &Evidence| -> std::result::Result<i64, Insert> {
        match number.get(&*ev.article) {
            Some(&a) => Ok(a),
            None => Err(Insert::Dangling(format!(
                "evidence points at article {}, which is not in the graph",
                ev.article
            ))),
        }
    };

    let mut node = tx.prepare(
        "INSERT INTO nodes(node, id, kind, name, date, time, event_type, headline)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut alias = tx.prepare("INSERT INTO aliases(node, alias) VALUES (?1, ?2)")?;
    let mut title = tx.prepare("INSERT INTO titles(node, title) VALUES (?1, ?2)")?;
    let mut source = tx.prepare("INSERT INTO sources(node, source) VALUES (?1, ?2)")?;
    let mut merge =
        tx.prepare("INSERT INTO merges(node, seq, alias, reason) VALUES (?1, ?2, ?3, ?4)")?;
    let mut sentence = tx.prepare(
        "INSERT INTO sentences(sentence_id, article, sentence, text) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut node_ev = tx.prepare(
        "INSERT INTO node_evidence(node, seq, article, sentence, start, end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut sentence_id = 0i64;
    for (i, n) in doc.nodes.iter().enumerate() {
        let i = i as i64;
        node.execute(params![
            i,
            n.id,
            n.kind.as_str(),
            n.name,
            n.date,
            n.time,
            n.event_type,
            n.headline
        ])?;
        for a in &n.aliases {
            alias.execute(params![i, a])?;
        }
        for t in &n.titles {
            title.execute(params![i, t])?;
        }
        for s in &n.sources {
            source.execute(params![i, s])?;
        }
        for (k, m) in n.merges.iter().enumerate() {
            merge.execute(params![i, k as i64, m.alias, m.reason])?;
        }
        if n.kind == NodeKind::Article {
            for (k, s) in n.sentences.iter().enumerate() {
                sentence.execute(params![sentence_id, i, k as i64, &**s])?;
                sentence_id += 1;
            }
        }
        insert_evidence(&mut node_ev, i, &n.evidence, &article_of)?;
    }

    let mut edge = tx.prepare(
        "INSERT INTO edges(edge, source, target, key, relation, title, role)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut edge_ev = tx.prepare(
        "INSERT INTO edge_evidence(edge, seq, article, sentence, start, end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (i, e) in doc.edges.iter().enumerate() {
        let i = i as i64;
        let end = |id: &str| {
            number.get(id).copied().ok_or_else(|| {
                Insert::Dangling(format!("an edge points at {id}, which is not in the graph"))
            })
        };
        edge.execute(params![
            i,
            end(&e.source)?,
            end(&e.target)?,
            e.key as i64,
            e.relation.as_str(),
            e.title,
            e.role
        ])?;
        insert_evidence(&mut edge_ev, i, &e.evidence, &article_of)?;
    }
    Ok(())
}
