//! The tables of `graph.db`: their SQL, the schema version, and the marks that tell
//! a zhkg graph database from any other SQLite file. The README documents the same
//! tables for people who open the file with `sqlite3`, pandas or Datasette.

/// Bumped whenever a table, a column or a key of `zhkg_meta` changes meaning or is
/// added; a database of another version is refused (rebuilding it is quick, guessing
/// at its layout is not safe). 3: `zhkg_meta` holds the identity policy
/// (`unplaced_persons`), so a database of version 2 would lack it without saying so.
pub const SCHEMA_VERSION: i64 = 3;

/// `PRAGMA application_id` of every zhkg graph database: "zhkg" in ASCII, so that
/// `file graph.db` and zhkg itself can tell it from other SQLite files.
pub const APPLICATION_ID: i64 = 0x7a68_6b67;

/// The tables, made before any row goes in.
pub const TABLES: &str = "
CREATE TABLE zhkg_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE nodes (
    node INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    date TEXT,
    time TEXT,
    event_type TEXT,
    headline TEXT
);
CREATE TABLE aliases (
    node INTEGER NOT NULL REFERENCES nodes(node),
    alias TEXT NOT NULL,
    PRIMARY KEY (node, alias)
) WITHOUT ROWID;
CREATE TABLE titles (
    node INTEGER NOT NULL REFERENCES nodes(node),
    title TEXT NOT NULL,
    PRIMARY KEY (node, title)
) WITHOUT ROWID;
CREATE TABLE sources (
    node INTEGER NOT NULL REFERENCES nodes(node),
    source TEXT NOT NULL,
    PRIMARY KEY (node, source)
) WITHOUT ROWID;
CREATE TABLE merges (
    node INTEGER NOT NULL REFERENCES nodes(node),
    seq INTEGER NOT NULL,
    alias TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (node, seq)
) WITHOUT ROWID;
CREATE TABLE edges (
    edge INTEGER PRIMARY KEY,
    source INTEGER NOT NULL REFERENCES nodes(node),
    target INTEGER NOT NULL REFERENCES nodes(node),
    key INTEGER NOT NULL,
    relation TEXT NOT NULL,
    title TEXT,
    role TEXT
);
CREATE TABLE sentence_facts (
    article INTEGER NOT NULL REFERENCES nodes(node),
    sentence INTEGER NOT NULL,
    edge INTEGER NOT NULL REFERENCES edges(edge),
    PRIMARY KEY (article, sentence, edge)
) WITHOUT ROWID;
";

/// The tables of the sentences and of the evidence, made with the others. They are
/// more than half the rows, and [`write_db`](super::write_db) writes them into a
/// database of their own first, on a thread of its own.
pub const PART_TABLES: &str = "
CREATE TABLE sentences (
    sentence_id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES nodes(node),
    sentence INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (article, sentence)
);
CREATE TABLE node_evidence (
    node INTEGER NOT NULL REFERENCES nodes(node),
    seq INTEGER NOT NULL,
    article INTEGER NOT NULL REFERENCES nodes(node),
    sentence INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    PRIMARY KEY (node, seq)
) WITHOUT ROWID;
CREATE TABLE edge_evidence (
    edge INTEGER NOT NULL REFERENCES edges(edge),
    seq INTEGER NOT NULL,
    article INTEGER NOT NULL REFERENCES nodes(node),
    sentence INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    PRIMARY KEY (edge, seq)
) WITHOUT ROWID;
";

/// Indexes and full-text indexes, made once every row is in (faster than keeping
/// them up to date row by row). The trigram tokenizer indexes every three
/// characters, so any Chinese substring of three or more matches without a word
/// segmenter; `case_sensitive 1` keeps the match exact, as the graph.json path is.
/// Only the indexes a question reads are made: on a corpus each costs a sort of its
/// table, and the build waits for them (no `nodes(kind)`; none over the evidence, of
/// which nine rows in ten are mentions: `sentence_facts` serves search). The indexes of
/// edges hold both ends, so that a person's events and who else attended them are
/// read from the indexes alone (the busiest person's co-attendees are thousands of
/// rows).
pub const INDEXES: &str = "
CREATE INDEX nodes_by_name ON nodes(name);
CREATE INDEX aliases_by_alias ON aliases(alias);
CREATE INDEX edges_by_source ON edges(source, relation, target);
CREATE INDEX edges_by_target ON edges(target, relation, source);
CREATE VIRTUAL TABLE names_fts USING fts5(
    name, node UNINDEXED, tokenize='trigram case_sensitive 1'
);
INSERT INTO names_fts(name, node)
    SELECT name, node FROM nodes UNION ALL SELECT alias, node FROM aliases
    ORDER BY node, name;
";

/// The trigram index of the sentences, for `search` in milliseconds instead of a scan.
/// Written only when asked (`zhkg build --search-index`): on a corpus it costs more
/// than the rest of the database (on the 50 MB benchmark corpus, 7.7 s of an 11.9 s
/// write, 53 MB of 231 MB).
pub const SENTENCE_INDEX: &str = "
CREATE VIRTUAL TABLE sentences_fts USING fts5(
    text, content='sentences', content_rowid='sentence_id',
    tokenize='trigram case_sensitive 1', detail='none'
);
INSERT INTO sentences_fts(sentences_fts) VALUES('rebuild');
";
