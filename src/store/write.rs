//! Writing a graph into a new `graph.db`: every row in the graph's canonical order,
//! so that equal graphs give equal databases. The file is a temporary one until it is
//! whole, so the rows go in in two transactions, each with no journal.

use super::schema::{APPLICATION_ID, INDEXES, PART_TABLES, SCHEMA_VERSION, SENTENCE_INDEX, TABLES};
use crate::error::{Error, Result};
use crate::graph::{Evidence, GraphDoc, NodeKind, Relation};
use rusqlite::types::{ToSqlOutput, Value, ValueRef};
use rusqlite::{params, Connection, Statement, ToSql, Transaction};
use rustc_hash::FxHashMap;
use std::path::Path;

/// Bytes a database page. Four times SQLite's default: a corpus database is a few
/// hundred MB of rows written in key order, and bigger pages mean fewer of them to
/// split and balance (about a tenth of the writing time on the 50 MB corpus).
const PAGE_SIZE: usize = 16384;

/// Writes `doc` (canonical: nodes sorted by id, edges numbered) into the empty or
/// missing file `path`. Nothing else may have the file open: the database is written
/// without a rollback journal, as the caller publishes it only once it is whole.
/// With `search_index`, the sentences get their trigram index too.
///
/// SQLite writes a file from one thread. The sentences and the evidence, more than
/// half the rows, are written into a database of their own beside `path` on a second
/// thread meanwhile, and then copied over whole: an `INSERT … SELECT *` between
/// tables of one layout copies records without decoding them, in half the time it
/// took to make them. On a corpus the database is the last output to finish, and
/// a second core would otherwise sit idle meanwhile.
pub fn write_db(doc: &GraphDoc, path: &Path, search_index: bool) -> Result<()> {
    let err = |e: rusqlite::Error| Error::Store {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let insert_err = |e: Insert| match e {
        Insert::Sql(e) => err(e),
        Insert::Dangling(message) => Error::Store {
            path: path.to_path_buf(),
            message,
        },
    };
    let numbers = Numbers::new(doc);
    // Removed when dropped, and named as the publish's temporary files are, so that a
    // killed run's is cleared by the next.
    let part = tempfile::Builder::new()
        .prefix(crate::publish::TEMP_PREFIX)
        .suffix(crate::publish::TEMP_SUFFIX)
        .tempfile_in(crate::output::parent_dir(path))
        .map_err(|e| Error::io(path, e))?;
    let (conn, part_written) = std::thread::scope(|s| {
        let part_written = s.spawn(|| -> std::result::Result<(), Insert> {
            let conn = open_new(part.path())?;
            conn.execute_batch(&format!("BEGIN; {PART_TABLES}"))?;
            insert_part_rows(&conn, doc, &numbers)?;
            conn.execute_batch("COMMIT;")?;
            conn.close().map_err(|(_, e)| Insert::Sql(e))
        });
        let conn = (|| -> std::result::Result<Connection, Insert> {
            let mut conn = open_new(path)?;
            conn.execute_batch(&format!(
                "PRAGMA application_id = {APPLICATION_ID};
                 PRAGMA user_version = {SCHEMA_VERSION};"
            ))?;
            let tx = conn.transaction()?;
            tx.execute_batch(TABLES)?;
            tx.execute_batch(PART_TABLES)?;
            insert_rows(&tx, doc, &numbers)?;
            tx.execute_batch(INDEXES)?;
            tx.commit()?;
            Ok(conn)
        })();
        let part_written = part_written
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (conn, part_written)
    });
    let mut conn = conn.map_err(insert_err)?;
    part_written.map_err(insert_err)?;

    attach(&conn, part.path(), "part").map_err(err)?;
    let tx = conn.transaction().map_err(err)?;
    tx.execute_batch(
        "INSERT INTO sentences SELECT * FROM part.sentences;
         INSERT INTO node_evidence SELECT * FROM part.node_evidence;
         INSERT INTO edge_evidence SELECT * FROM part.edge_evidence;",
    )
    .map_err(err)?;
    if search_index {
        tx.execute_batch(SENTENCE_INDEX).map_err(err)?;
    }
    tx.commit().map_err(err)?;
    conn.execute_batch("DETACH part; PRAGMA optimize;")
        .map_err(err)?;
    conn.close().map_err(|(_, e)| err(e))
}

/// A connection to a new database file, set up for writing it once.
fn open_new(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open(path)?;
    // No journal and no syncs: the file is a temporary one until it is complete and
    // flushed by the publish, and a run that fails throws it away. No foreign key
    // checks either (the bundled SQLite makes them on by default): every reference is
    // a node number looked up here, and checking each again cost a B-tree descent a row.
    // A 16 MB page cache: the rows go in in key order, so a page once full is not
    // touched again, and a bigger cache only held more of them in memory, at the
    // build's peak (64 MB took 36 MB more of it on the 50 MB corpus, for no less CPU).
    conn.execute_batch(&format!(
        "PRAGMA foreign_keys = OFF;
         PRAGMA page_size = {PAGE_SIZE};
         PRAGMA journal_mode = OFF;
         PRAGMA synchronous = OFF;
         PRAGMA locking_mode = EXCLUSIVE;
         PRAGMA temp_store = MEMORY;
         PRAGMA cache_size = -16384;"
    ))?;
    Ok(conn)
}

/// `ATTACH`es the database file `path` as `schema`. The name goes in as the bytes of
/// the path where the system allows any (SQLite takes a blob as the text it holds),
/// so that a folder whose name is not UTF-8 still works.
fn attach(conn: &Connection, path: &Path, schema: &str) -> rusqlite::Result<()> {
    let sql = format!("ATTACH ?1 AS {schema}");
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        conn.execute(&sql, [path.as_os_str().as_bytes()])
            .map(|_| ())
    }
    #[cfg(not(unix))]
    {
        conn.execute(&sql, [path.to_string_lossy()]).map(|_| ())
    }
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

/// One value of a row on its way into a table.
#[derive(Clone, Copy)]
enum Cell<'a> {
    Int(i64),
    Text(&'a str),
    Null,
}

impl<'a> From<i64> for Cell<'a> {
    fn from(n: i64) -> Cell<'a> {
        Cell::Int(n)
    }
}

impl<'a> From<usize> for Cell<'a> {
    fn from(n: usize) -> Cell<'a> {
        Cell::Int(n as i64)
    }
}

impl<'a> From<&'a str> for Cell<'a> {
    fn from(s: &'a str) -> Cell<'a> {
        Cell::Text(s)
    }
}

impl<'a> From<&'a Option<String>> for Cell<'a> {
    fn from(s: &'a Option<String>) -> Cell<'a> {
        s.as_deref().map_or(Cell::Null, Cell::Text)
    }
}

impl ToSql for Cell<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match *self {
            Cell::Int(n) => ToSqlOutput::Owned(Value::Integer(n)),
            Cell::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            Cell::Null => ToSqlOutput::Owned(Value::Null),
        })
    }
}

/// Rows per INSERT statement. Run once a row, a statement descended the table's
/// B-tree from its root and was reset for every row, most of the writing time on a
/// corpus; one statement of many rows keeps its cursor at the table's end.
const ROWS_PER_INSERT: usize = 128;

/// The rows of one table, inserted [`ROWS_PER_INSERT`] at a time, in the order given.
struct Rows<'t, 'a> {
    tx: &'t Connection,
    head: String,
    width: usize,
    full: Statement<'t>,
    cells: Vec<Cell<'a>>,
}

impl<'t, 'a> Rows<'t, 'a> {
    fn new(tx: &'t Connection, table: &str, columns: &[&str]) -> rusqlite::Result<Self> {
        let head = format!("INSERT INTO {table}({}) VALUES ", columns.join(", "));
        let width = columns.len();
        let full = tx.prepare(&values_sql(&head, width, ROWS_PER_INSERT))?;
        Ok(Rows {
            tx,
            head,
            width,
            full,
            cells: Vec::with_capacity(width * ROWS_PER_INSERT),
        })
    }

    fn push<const N: usize>(&mut self, row: [Cell<'a>; N]) -> rusqlite::Result<()> {
        debug_assert_eq!(N, self.width);
        self.cells.extend_from_slice(&row);
        if self.cells.len() == self.width * ROWS_PER_INSERT {
            run(&mut self.full, &self.cells)?;
            self.cells.clear();
        }
        Ok(())
    }

    /// Inserts the rows still waiting.
    fn finish(self) -> rusqlite::Result<()> {
        if self.cells.is_empty() {
            return Ok(());
        }
        let rows = self.cells.len() / self.width;
        let mut rest = self.tx.prepare(&values_sql(&self.head, self.width, rows))?;
        run(&mut rest, &self.cells)
    }
}

/// `head` followed by `rows` groups of `width` placeholders.
fn values_sql(head: &str, width: usize, rows: usize) -> String {
    let one = format!("({})", vec!["?"; width].join(","));
    format!("{head}{}", vec![one; rows].join(","))
}

fn run(stmt: &mut Statement<'_>, cells: &[Cell<'_>]) -> rusqlite::Result<()> {
    for (i, c) in cells.iter().enumerate() {
        stmt.raw_bind_parameter(i + 1, c)?;
    }
    stmt.raw_execute().map(|_| ())
}

/// Node numbers by id. Evidence and edges name their nodes with shared strings, and
/// runs of them name the same one (an article's evidence, its mentions), so the
/// last answer is kept and checked by address before the table is asked.
struct Numbers<'a> {
    by_id: FxHashMap<&'a str, i64>,
}

impl<'a> Numbers<'a> {
    /// A node's number is its place in id order: queries that try neighbors in id
    /// order sort by it.
    fn new(doc: &'a GraphDoc) -> Self {
        Numbers {
            by_id: doc
                .nodes
                .iter()
                .enumerate()
                .map(|(i, n)| (n.id.as_str(), i as i64))
                .collect(),
        }
    }

    fn of(&self, id: &'a str, last: &mut Option<(&'a str, i64)>) -> Option<i64> {
        if let Some((s, n)) = *last {
            if std::ptr::eq(s, id) {
                return Some(n);
            }
        }
        let n = *self.by_id.get(id)?;
        *last = Some((id, n));
        Some(n)
    }
}

/// The evidence of node or edge `owner`, in order.
fn insert_evidence<'a>(
    rows: &mut Rows<'_, 'a>,
    owner: i64,
    evidence: &'a [Evidence],
    numbers: &Numbers<'a>,
    last: &mut Option<(&'a str, i64)>,
) -> std::result::Result<(), Insert> {
    for (k, ev) in evidence.iter().enumerate() {
        let article = numbers.of(&ev.article, last).ok_or_else(|| {
            Insert::Dangling(format!(
                "evidence points at article {}, which is not in the graph",
                ev.article
            ))
        })?;
        rows.push([
            owner.into(),
            k.into(),
            article.into(),
            ev.sentence.into(),
            ev.start.into(),
            ev.end.into(),
        ])?;
    }
    Ok(())
}

const EVIDENCE_COLUMNS: [&str; 5] = ["seq", "article", "sentence", "start", "end"];

/// Every row but the evidence's.
fn insert_rows<'a>(
    tx: &Transaction<'_>,
    doc: &'a GraphDoc,
    numbers: &Numbers<'a>,
) -> std::result::Result<(), Insert> {
    let meta = &doc.graph;
    let mut put_meta = tx.prepare("INSERT INTO zhkg_meta(key, value) VALUES (?1, ?2)")?;
    let pairs: [(&str, Option<String>); 7] = [
        ("schema_version", Some(SCHEMA_VERSION.to_string())),
        ("generator", Some(meta.generator.clone())),
        ("articles", Some(meta.articles.to_string())),
        ("sentences", Some(meta.sentences.to_string())),
        ("characters", Some(meta.characters.to_string())),
        // These two as graph.json's `graph` has them: absent from a graph that was
        // not built with its facts file, or made before the policy was saved.
        ("facts_sha256", meta.facts_sha256.clone()),
        (
            "unplaced_persons",
            meta.unplaced_persons.map(|p| p.as_str().to_string()),
        ),
    ];
    for (k, v) in pairs {
        if let Some(v) = v {
            put_meta.execute(params![k, v])?;
        }
    }

    let mut nodes = Rows::new(
        tx,
        "nodes",
        &[
            "node",
            "id",
            "kind",
            "name",
            "date",
            "time",
            "event_type",
            "headline",
        ],
    )?;
    let mut aliases = Rows::new(tx, "aliases", &["node", "alias"])?;
    let mut titles = Rows::new(tx, "titles", &["node", "title"])?;
    let mut sources = Rows::new(tx, "sources", &["node", "source"])?;
    let mut merges = Rows::new(tx, "merges", &["node", "seq", "alias", "reason"])?;
    let mut last_article = None;
    for (i, n) in doc.nodes.iter().enumerate() {
        let i = i as i64;
        nodes.push([
            i.into(),
            n.id.as_str().into(),
            n.kind.as_str().into(),
            n.name.as_str().into(),
            (&n.date).into(),
            (&n.time).into(),
            (&n.event_type).into(),
            (&n.headline).into(),
        ])?;
        for a in &n.aliases {
            aliases.push([i.into(), a.as_str().into()])?;
        }
        for t in &n.titles {
            titles.push([i.into(), t.as_str().into()])?;
        }
        for s in &n.sources {
            sources.push([i.into(), s.as_str().into()])?;
        }
        for (k, m) in n.merges.iter().enumerate() {
            merges.push([
                i.into(),
                k.into(),
                m.alias.as_str().into(),
                m.reason.as_str().into(),
            ])?;
        }
    }
    for rows in [nodes, aliases, titles, sources, merges] {
        rows.finish()?;
    }

    let mut edges = Rows::new(
        tx,
        "edges",
        &[
            "edge", "source", "target", "key", "relation", "title", "role",
        ],
    )?;
    let (mut last_source, mut last_target) = (None, None);
    let mut quoted: Vec<(i64, usize, i64)> = Vec::new();
    for (i, e) in doc.edges.iter().enumerate() {
        let i = i as i64;
        let dangling = |id: &str| {
            Insert::Dangling(format!("an edge points at {id}, which is not in the graph"))
        };
        let source = numbers
            .of(&e.source, &mut last_source)
            .ok_or_else(|| dangling(&e.source))?;
        let target = numbers
            .of(&e.target, &mut last_target)
            .ok_or_else(|| dangling(&e.target))?;
        edges.push([
            i.into(),
            source.into(),
            target.into(),
            e.key.into(),
            e.relation.as_str().into(),
            (&e.title).into(),
            (&e.role).into(),
        ])?;
        if e.relation != Relation::Mentions {
            for ev in &e.evidence {
                // One that is not is refused with the rest of the evidence.
                if let Some(a) = numbers.of(&ev.article, &mut last_article) {
                    quoted.push((a, ev.sentence, i));
                }
            }
        }
    }
    edges.finish()?;

    // The facts quoted from each sentence, in key order: built here from the edges
    // (a sort of a few hundred thousand numbers) rather than by SQLite indexing every
    // piece of evidence, of which nine in ten are mentions.
    quoted.sort_unstable();
    quoted.dedup();
    let mut facts = Rows::new(tx, "sentence_facts", &["article", "sentence", "edge"])?;
    for (article, sentence, edge) in quoted {
        facts.push([article.into(), sentence.into(), edge.into()])?;
    }
    facts.finish()?;
    Ok(())
}

/// The sentences of the articles and the evidence of every node and edge, into
/// tables of [`PART_TABLES`].
fn insert_part_rows<'a>(
    conn: &Connection,
    doc: &'a GraphDoc,
    numbers: &Numbers<'a>,
) -> std::result::Result<(), Insert> {
    let mut sentences = Rows::new(
        conn,
        "sentences",
        &["sentence_id", "article", "sentence", "text"],
    )?;
    let mut sentence_id = 0i64;
    for (i, n) in doc.nodes.iter().enumerate() {
        if n.kind == NodeKind::Article {
            for (k, s) in n.sentences.iter().enumerate() {
                sentences.push([sentence_id.into(), i.into(), k.into(), (&**s).into()])?;
                sentence_id += 1;
            }
        }
    }
    sentences.finish()?;
    let with = |owner: &'static str| {
        let mut c = vec![owner];
        c.extend(EVIDENCE_COLUMNS);
        c
    };
    let mut last_article = None;
    let mut rows = Rows::new(conn, "node_evidence", &with("node"))?;
    for (i, n) in doc.nodes.iter().enumerate() {
        insert_evidence(&mut rows, i as i64, &n.evidence, numbers, &mut last_article)?;
    }
    rows.finish()?;
    let mut rows = Rows::new(conn, "edge_evidence", &with("edge"))?;
    for (i, e) in doc.edges.iter().enumerate() {
        insert_evidence(&mut rows, i as i64, &e.evidence, numbers, &mut last_article)?;
    }
    rows.finish()?;
    Ok(())
}
