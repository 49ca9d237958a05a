//! Incremental builds and merges: what resolution needs is saved beside the graph,
//! so that new articles can be added, or two graphs joined, giving exactly the graph
//! a full rebuild would.
//!
//! Why not merge `graph.json` itself: resolution is global. A new article can make
//! an old abbreviation unambiguous (or ambiguous), which moves old mentions from one
//! node to another, and `graph.json` no longer says which mention had which
//! canonical name. So every build also writes `graph.facts.jsonl` (beside
//! `graph.json`, same stem): one line per article with its sentences, mentions and
//! facts (everything [`resolve`](crate::resolve::resolve) reads; not the raw body).
//! An update reads those lines back instead of re-extracting old articles, appends
//! the new articles' facts in input order, and resolves the whole list again.
//! Resolution is cheap next to extraction, and the list is in the order a full
//! build over the old inputs followed by the new ones would see, so the output is
//! byte for byte the same.

use crate::error::{Error, Result};
use crate::extract::{ArticleFacts, End, EntityMention, Fact, Jurisdiction};
use crate::graph::build::KnowledgeGraph;
use crate::graph::{GraphMeta, Relation};
use crate::ingest::{Article, Byline, BylineRole};
use crate::lexicon::Lexicon;
use crate::mention::MentionKind;
use crate::resolve;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

/// Version of the facts file layout; a file of another version is refused.
pub const FACTS_FORMAT: u32 = 1;

/// The facts file of a graph: `graph.json` → `graph.facts.jsonl`.
pub fn facts_path(graph_json: &Path) -> PathBuf {
    let stem = graph_json
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "graph".into());
    graph_json.with_file_name(format!("{stem}.facts.jsonl"))
}

/// First line of a facts file.
#[derive(Debug, Serialize, Deserialize)]
struct Header {
    zhkg_facts: u32,
    generator: String,
    articles: usize,
}

fn generator() -> String {
    concat!("zhkg ", env!("CARGO_PKG_VERSION")).to_string()
}

#[derive(Debug, Serialize, Deserialize)]
struct ArticleRec<'a> {
    id: Cow<'a, str>,
    source: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    headline: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    bylines: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    /// The date from metadata (the article's own field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    meta_date: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    attrs: Cow<'a, BTreeMap<String, String>>,
    sentences: Cow<'a, [String]>,
    characters: usize,
    /// The article's date as extraction settled it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date: Option<Cow<'a, str>>,
    #[serde(default)]
    jurisdiction: [Option<Cow<'a, str>>; 3],
    ents: Vec<EntRec<'a>>,
    facts: Vec<FactRec<'a>>,
}

#[derive(Debug, Serialize, Deserialize)]
struct EntRec<'a> {
    kind: MentionKind,
    text: Cow<'a, str>,
    /// Left out when equal to `text` (most mentions), to keep the file small.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    canonical: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reason: Option<Cow<'a, str>>,
    sentence: usize,
    start: usize,
    end: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    time: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    subtype: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    place: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    refers_to: Option<usize>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    orphan: bool,
}

#[derive(Debug, Serialize, Deserialize)]
struct FactRec<'a> {
    relation: Relation,
    /// Mention index; `None` for the article itself.
    source: Option<usize>,
    target: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    role: Option<Cow<'a, str>>,
    sentence: usize,
    start: usize,
    end: usize,
}

fn end_from(e: Option<usize>) -> End {
    match e {
        Some(i) => End::ent(i),
        None => End::Article,
    }
}

/// The record of an article, borrowing from it: a corpus's facts file is hundreds of
/// MB, and copying every string into the record only to write it cost more than
/// writing.
fn to_rec(f: &ArticleFacts) -> ArticleRec<'_> {
    let a = &f.article;
    ArticleRec {
        id: Cow::Borrowed(&a.id),
        source: Cow::Borrowed(&a.source),
        headline: b(&a.headline),
        bylines: a
            .bylines
            .iter()
            .map(|x| {
                (
                    Cow::Borrowed(x.name.as_str()),
                    Cow::Borrowed(x.role.as_str()),
                )
            })
            .collect(),
        meta_date: b(&a.date),
        attrs: Cow::Borrowed(&a.attrs),
        sentences: Cow::Borrowed(&f.sentences),
        characters: f.characters,
        date: b(&f.date),
        jurisdiction: [
            b(&f.jurisdiction.province),
            b(&f.jurisdiction.prefecture),
            b(&f.jurisdiction.county),
        ],
        ents: f
            .ents
            .iter()
            .map(|e| EntRec {
                kind: e.kind,
                text: Cow::Borrowed(&e.text),
                canonical: (e.canonical() != e.text).then(|| Cow::Borrowed(e.canonical())),
                reason: e.reason().map(Cow::Borrowed),
                sentence: e.sentence(),
                start: e.start(),
                end: e.end(),
                date: e.date().map(Cow::Borrowed),
                time: e.time().map(Cow::Borrowed),
                subtype: e.subtype().map(Cow::Borrowed),
                place: e.place().map(Cow::Borrowed),
                refers_to: e.refers_to(),
                orphan: e.orphan,
            })
            .collect(),
        facts: f
            .facts
            .iter()
            .map(|x| FactRec {
                relation: x.relation,
                source: x.source.index(),
                target: x.target.index(),
                title: x.title().map(Cow::Borrowed),
                role: x.role().map(Cow::Borrowed),
                sentence: x.sentence(),
                start: x.start(),
                end: x.end(),
            })
            .collect(),
    }
}

/// A borrowed string for a record.
fn b(s: &Option<String>) -> Option<Cow<'_, str>> {
    s.as_deref().map(Cow::Borrowed)
}

/// An owned string of a record's (records read back own all theirs).
fn own(s: Option<Cow<'_, str>>) -> Option<String> {
    s.map(Cow::into_owned)
}

fn from_rec(r: ArticleRec<'_>) -> std::result::Result<ArticleFacts, String> {
    let n_ents = r.ents.len();
    let n_sents = r.sentences.len();
    let bylines = r
        .bylines
        .into_iter()
        .map(|(name, role)| {
            let role =
                BylineRole::parse(&role).ok_or_else(|| format!("unknown byline role `{role}`"))?;
            Ok::<_, String>(Byline {
                name: name.into_owned(),
                role,
            })
        })
        .collect::<std::result::Result<Vec<_>, _>>()?;
    // Indices are checked here so that resolution can trust them.
    let ent_ok = |i: Option<usize>| i.is_none_or(|i| i < n_ents);
    // Spans are kept as u32 (see `EntityMention`): one past that is outside any sentence.
    let span_ok = |start: usize, end: usize| u32::try_from(start.max(end)).is_ok();
    let mut ents = Vec::with_capacity(n_ents);
    for e in r.ents {
        if e.sentence >= n_sents || !ent_ok(e.refers_to) || !span_ok(e.start, e.end) {
            return Err("a mention points outside the article".into());
        }
        let mut ent = EntityMention::new(e.kind, e.text.into_owned(), e.sentence, e.start, e.end);
        if let Some(c) = own(e.canonical) {
            ent.set_canonical(c);
        }
        ent.set_reason(own(e.reason));
        ent.set_date(own(e.date));
        ent.set_time(own(e.time));
        ent.set_subtype(own(e.subtype));
        ent.set_place(own(e.place));
        ent.set_refers_to(e.refers_to);
        ent.orphan = e.orphan;
        ents.push(ent);
    }
    let mut facts = Vec::with_capacity(r.facts.len());
    for x in r.facts {
        if x.sentence >= n_sents
            || !ent_ok(x.source)
            || !ent_ok(x.target)
            || !span_ok(x.start, x.end)
        {
            return Err("a fact points outside the article".into());
        }
        facts.push(
            Fact::new(
                x.relation,
                end_from(x.source),
                end_from(x.target),
                x.sentence,
                x.start,
                x.end,
            )
            .with_labels(own(x.title), own(x.role)),
        );
    }
    let [province, prefecture, county] = r.jurisdiction.map(own);
    Ok(ArticleFacts {
        article: Article {
            id: r.id.into_owned(),
            source: r.source.into_owned(),
            headline: own(r.headline),
            // Not kept: nothing after extraction reads the raw body.
            body: String::new(),
            bylines,
            date: own(r.meta_date),
            attrs: r.attrs.into_owned(),
        },
        sentences: r.sentences.into_owned(),
        characters: r.characters,
        date: own(r.date),
        jurisdiction: Jurisdiction {
            province,
            prefecture,
            county,
            town: None,
            city: None,
            host_province: None,
            autonomous_prefecture: None,
            other_county: None,
            street: None,
        },
        ents,
        facts,
    })
}

/// Writes the facts file of `facts` (a header line, then one line per article, in
/// order) while resolving them into the graph ([`resolve::resolve_owned_writing`]):
/// each article's facts are dropped once they are in the graph and in the file.
pub fn write_facts_into(
    w: &mut (dyn Write + Send),
    lex: &Lexicon,
    opts: &resolve::ResolveOptions,
    facts: Vec<ArticleFacts>,
) -> std::io::Result<KnowledgeGraph> {
    let mut hashed = HashingWriter {
        inner: w,
        hash: Sha256::new(),
    };
    write_facts_header(&mut hashed, facts.len())?;
    let mut g = resolve::resolve_owned_writing(lex, opts, facts, &mut hashed, &facts_line)?;
    g.meta.facts_sha256 = Some(hex(&hashed.hash.finalize()));
    Ok(g)
}

/// A writer that hashes what goes through it: graph.json records the SHA-256 of its
/// facts file, so that a graph and a facts file of different builds are told apart.
struct HashingWriter<'a> {
    inner: &'a mut (dyn Write + Send),
    hash: Sha256,
}

impl Write for HashingWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// A reader that hashes what it reads.
struct HashingReader<R> {
    inner: R,
    hash: Sha256,
}

impl<R: std::io::Read> std::io::Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hash.update(&buf[..n]);
        Ok(n)
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn write_facts_header(w: &mut dyn Write, articles: usize) -> std::io::Result<()> {
    let header = Header {
        zhkg_facts: FACTS_FORMAT,
        generator: generator(),
        articles,
    };
    serde_json::to_writer(&mut *w, &header)?;
    w.write_all(b"\n")
}

/// An article's line of the facts file.
fn facts_line(f: &ArticleFacts, buf: &mut Vec<u8>) {
    serde_json::to_writer(&mut *buf, &to_rec(f)).expect("facts serialise");
    buf.push(b'\n');
}

/// Reads a facts file written by [`write_facts_into`].
pub fn read_facts(path: &Path) -> Result<Vec<ArticleFacts>> {
    read_facts_hashed(path).map(|(facts, _)| facts)
}

/// [`read_facts`], with the SHA-256 of the file's bytes (hex).
fn read_facts_hashed(path: &Path) -> Result<(Vec<ArticleFacts>, String)> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut reader = std::io::BufReader::with_capacity(
        1 << 20,
        HashingReader {
            inner: file,
            hash: Sha256::new(),
        },
    );
    let bad = |line: usize, message: String| Error::Parse {
        path: path.to_path_buf(),
        line,
        message,
    };
    let mut lines = (&mut reader).lines();
    let first = match lines.next() {
        Some(l) => l.map_err(|e| Error::io(path, e))?,
        None => return Err(bad(1, "empty: not a zhkg facts file".into())),
    };
    let header: Header =
        serde_json::from_str(&first).map_err(|e| bad(1, format!("not a zhkg facts file: {e}")))?;
    if header.zhkg_facts != FACTS_FORMAT {
        return Err(bad(
            1,
            format!(
                "facts format {} (this zhkg reads {FACTS_FORMAT}): rebuild the graph",
                header.zhkg_facts
            ),
        ));
    }
    if header.generator != generator() {
        // Extraction may differ between versions; mixing them would not give what a
        // full rebuild gives.
        return Err(bad(
            1,
            format!(
                "written by {}, this is {}: rebuild the graph",
                header.generator,
                generator()
            ),
        ));
    }
    // Parse in parallel batches: the file holds every sentence of the corpus. The
    // header's count is only a claim: it does not size memory unchecked.
    let mut out = Vec::with_capacity(header.articles.min(1 << 16));
    let mut batch: Vec<(usize, String)> = Vec::with_capacity(1024);
    let mut flush = |batch: &mut Vec<(usize, String)>| -> Result<()> {
        let parsed: Vec<Result<ArticleFacts>> = batch
            .par_iter()
            .map(|(n, l)| {
                let rec: ArticleRec =
                    serde_json::from_str(l).map_err(|e| bad(*n, e.to_string()))?;
                from_rec(rec).map_err(|m| bad(*n, m))
            })
            .collect();
        batch.clear();
        for p in parsed {
            out.push(p?);
        }
        Ok(())
    };
    for (i, line) in lines.enumerate() {
        let line = line.map_err(|e| Error::io(path, e))?;
        if line.is_empty() {
            continue;
        }
        batch.push((i + 2, line));
        if batch.len() == 1024 {
            flush(&mut batch)?;
        }
    }
    flush(&mut batch)?;
    if out.len() != header.articles {
        return Err(bad(
            1,
            format!(
                "header says {} articles, file has {} (truncated?): rebuild the graph",
                header.articles,
                out.len()
            ),
        ));
    }
    let hash = hex(&reader.into_inner().hash.finalize());
    Ok((out, hash))
}

/// Reads the facts saved beside a graph, checking that they belong to it; with what
/// the graph says of itself.
pub fn load_graph_facts(graph_json: &Path) -> Result<(Vec<ArticleFacts>, GraphMeta)> {
    crate::publish::settle(crate::output::parent_dir(graph_json))?;
    let fp = facts_path(graph_json);
    if !fp.exists() {
        return Err(Error::MissingFile(format!(
            "{}: no {} beside it (graphs from before zhkg saved facts cannot be updated: rebuild)",
            graph_json.display(),
            fp.display()
        )));
    }
    let (facts, hash) = read_facts_hashed(&fp)?;
    let meta = GraphMeta::load(graph_json)?;
    let belong = match &meta.facts_sha256 {
        Some(h) => *h == hash,
        None => false,
    };
    if !belong {
        return Err(Error::Mismatch(format!(
            "{} and {} are not from the same build (the graph records a different facts file); rebuild the graph",
            graph_json.display(),
            fp.display()
        )));
    }
    if meta.articles != facts.len() {
        return Err(Error::Mismatch(format!(
            "{} has {} articles but {} has {}: they are not from the same build",
            graph_json.display(),
            meta.articles,
            fp.display(),
            facts.len()
        )));
    }
    Ok((facts, meta))
}

/// Articles deduplicated against what is already there: each new article whose id
/// is known is dropped, its source (and the sources it was itself found under) noted
/// on the first copy, exactly as deduplicating the whole list at once would.
/// Returns the new distinct articles and the number of copies dropped.
pub fn dedup_against(
    existing: &mut [ArticleFacts],
    articles: Vec<Article>,
) -> (Vec<Article>, usize) {
    let mut seen: HashMap<String, (bool, usize)> = existing
        .iter()
        .enumerate()
        .map(|(i, f)| (f.article.id.clone(), (true, i)))
        .collect();
    let mut out: Vec<Article> = Vec::new();
    let mut dups = 0;
    for a in articles {
        match seen.get(&a.id) {
            Some(&(old, i)) => {
                let attrs = if old {
                    &mut existing[i].article.attrs
                } else {
                    &mut out[i].attrs
                };
                crate::ingest::note_copy(attrs, &a.source, &a.attrs);
                dups += 1;
            }
            None => {
                seen.insert(a.id.clone(), (false, out.len()));
                out.push(a);
            }
        }
    }
    (out, dups)
}

/// Joins the facts of two builds as one build over both inputs would have them:
/// `a`'s articles, then `b`'s not already in `a`. Returns the joined list and the
/// number of `b`'s articles that were copies.
pub fn join_facts(mut a: Vec<ArticleFacts>, b: Vec<ArticleFacts>) -> (Vec<ArticleFacts>, usize) {
    let mut index: HashMap<String, usize> = a
        .iter()
        .enumerate()
        .map(|(i, f)| (f.article.id.clone(), i))
        .collect();
    let mut dups = 0;
    for f in b {
        match index.get(&f.article.id) {
            Some(&i) => {
                crate::ingest::note_copy(
                    &mut a[i].article.attrs,
                    &f.article.source,
                    &f.article.attrs,
                );
                dups += 1;
            }
            None => {
                index.insert(f.article.id.clone(), a.len());
                a.push(f);
            }
        }
    }
    (a, dups)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_round_trip() {
        let ex = crate::extract::test_extractor();
        let text = "# 某区召开会议\n\n本报讯 5月8日上午,金水区委书记李明主持召开区委常委会会议。\n\n记者 张三\n";
        let arts = crate::ingest::split_text(text, "x.md", &ex.lex);
        let facts: Vec<ArticleFacts> = arts.iter().map(|a| ex.analyze(a)).collect();
        let mut buf = Vec::new();
        let g = write_facts_into(&mut buf, &ex.lex, &Default::default(), facts.clone()).unwrap();
        // The graph is the one resolving the facts alone gives.
        let mut alone = resolve::resolve(&ex.lex, &facts);
        alone.meta.facts_sha256 = Some(hex(&Sha256::digest(&buf)));
        assert_eq!(g.to_doc().to_json(), alone.to_doc().to_json());
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("g.facts.jsonl");
        std::fs::write(&p, &buf).unwrap();
        let back = read_facts(&p).unwrap();
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].ents, facts[0].ents);
        assert_eq!(back[0].facts, facts[0].facts);
        assert_eq!(back[0].sentences, facts[0].sentences);
        assert_eq!(back[0].jurisdiction, facts[0].jurisdiction);
        assert_eq!(back[0].article.bylines, facts[0].article.bylines);
        // A cut-off file is refused rather than read as fewer articles.
        let cut = &buf[..buf.iter().position(|&b| b == b'\n').unwrap() + 1];
        std::fs::write(&p, cut).unwrap();
        assert!(read_facts(&p)
            .unwrap_err()
            .to_string()
            .contains("truncated"));
    }

    #[test]
    fn facts_file_sits_beside_the_graph() {
        assert_eq!(
            facts_path(Path::new("graphs/graph.json")),
            Path::new("graphs/graph.facts.jsonl")
        );
    }
}
