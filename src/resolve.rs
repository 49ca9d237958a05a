//! Entity resolution: the facts of every article come in; one graph node per real
//! entity goes out. People merge by identical name; organisations by canonical name
//! and, where one name abbreviates another (市资源规划局惠济分局 for
//! 郑州市自然资源和规划局惠济分局), by an explained abbreviation rule; events are one
//! node per occurrence (name and date). Every merge records its reason on the node.

use crate::extract::{ArticleFacts, End, EntityMention};
use crate::graph::build::{edge, evidence, KnowledgeGraph};
use crate::graph::{Edge, Merge, Node, NodeKind, Relation};
use crate::lexicon::Lexicon;
use crate::mention::MentionKind;
use pinyin::ToPinyin;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// The node kind of a mention kind (titles and dates are not nodes).
pub fn node_kind(k: MentionKind) -> Option<NodeKind> {
    Some(match k {
        MentionKind::Person => NodeKind::Person,
        MentionKind::Organization => NodeKind::Organization,
        MentionKind::Place => NodeKind::Place,
        MentionKind::Market => NodeKind::Market,
        MentionKind::Event => NodeKind::Event,
        MentionKind::Document => NodeKind::Document,
        MentionKind::Project => NodeKind::Project,
        MentionKind::Title | MentionKind::Date => return None,
    })
}

/// A stable ASCII id: kind, a pinyin slug of the name for readability, and a hash of
/// the identity key so that homophones never collide.
pub fn node_id(kind: NodeKind, name: &str, key: &str) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        if slug.len() >= 32 {
            break;
        }
        if let Some(p) = c.to_pinyin() {
            if !slug.is_empty() && !slug.ends_with('_') {
                slug.push('_');
            }
            slug.push_str(p.plain());
        } else if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('_') && !slug.is_empty() {
            slug.push('_');
        }
    }
    let slug = slug.trim_end_matches('_');
    let mut h = Sha256::new();
    h.update(kind.as_str().as_bytes());
    h.update([0]);
    h.update(key.as_bytes());
    let d = h.finalize();
    // Put together by hand: this runs for every mention, and `format!` with four
    // `{:02x}` writes cost more than the hash.
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let kind = kind.as_str();
    let mut id = String::with_capacity(kind.len() + slug.len() + 10);
    id.push_str(kind);
    id.push('_');
    if !slug.is_empty() {
        id.push_str(slug);
        id.push('_');
    }
    for &b in &d[..4] {
        id.push(char::from(HEX[usize::from(b >> 4)]));
        id.push(char::from(HEX[usize::from(b & 0xF)]));
    }
    id
}

/// Whether the characters of `short` appear in order in `long`.
fn is_subsequence(short: &str, long: &str) -> bool {
    let mut it = long.chars();
    short.chars().all(|c| it.any(|d| d == c))
}

/// What the abbreviation rule needs to know about one organisation name, computed once
/// per name rather than once per pair.
struct OrgName<'a> {
    name: &'a str,
    chars: usize,
    /// Articles the name occurs in, sorted.
    arts: Vec<usize>,
    /// The gazetteer place the name starts with.
    place: Option<String>,
}

/// Whether two sorted lists share an element.
fn sorted_intersect(a: &[usize], b: &[usize]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// Organisation names that abbreviate another: short → (long, reason).
///
/// The rule compares every pair of names with the same organ suffix, which is
/// quadratic; on a corpus of tens of thousands of names that dominated the whole
/// build. Names are grouped by suffix and, within a group, indexed by character: a
/// long name can only expand a short one if it contains the short name's rarest
/// character, so only that character's names are tested. The result is the same
/// as testing every pair.
fn org_aliases(lex: &Lexicon, facts: &[ArticleFacts]) -> HashMap<String, (String, String)> {
    // Every canonical organisation name, with the articles it occurs in (ascending:
    // the articles are visited in order). Hashed, then sorted once: a corpus has
    // hundreds of thousands of organisation mentions, and this runs on one thread.
    let mut names: rustc_hash::FxHashMap<&str, Vec<usize>> = Default::default();
    for (ai, f) in facts.iter().enumerate() {
        for e in &f.ents {
            if e.kind == MentionKind::Organization {
                let arts = names.entry(e.canonical()).or_default();
                if arts.last() != Some(&ai) {
                    arts.push(ai);
                }
            }
        }
    }
    let mut names: Vec<(&str, Vec<usize>)> = names.into_iter().collect();
    names.sort_unstable_by(|a, b| a.0.cmp(b.0));
    // Group by organ suffix; names without one take part in no abbreviation.
    let mut groups: BTreeMap<&str, Vec<OrgName>> = BTreeMap::new();
    for (name, arts) in names {
        let Some((suffix, _)) = lex.org_suffix(name) else {
            continue;
        };
        groups.entry(suffix.as_str()).or_default().push(OrgName {
            name,
            chars: name.chars().count(),
            arts,
            place: lex_prefix_place(lex, name),
        });
    }
    let mut out = HashMap::new();
    for group in groups.values() {
        // Character → the names of the group containing it (indices ascending).
        let mut by_char: HashMap<char, Vec<usize>> = HashMap::new();
        for (i, n) in group.iter().enumerate() {
            let mut seen: Vec<char> = n.name.chars().collect();
            seen.sort_unstable();
            seen.dedup();
            for c in seen {
                by_char.entry(c).or_default().push(i);
            }
        }
        for short in group {
            let rarest = short
                .name
                .chars()
                .filter_map(|c| by_char.get(&c))
                .min_by_key(|v| v.len());
            let Some(pool) = rarest else { continue };
            let mut maxlen = 0;
            let mut best: Vec<&str> = Vec::new();
            for &li in pool {
                let long = &group[li];
                let ok = long.chars > short.chars
                    && is_subsequence(short.name, long.name)
                    && {
                        // Same jurisdiction written first, or both in one article.
                        let same_place = short.place.is_some() && short.place == long.place;
                        same_place || sorted_intersect(&short.arts, &long.arts)
                    }
                    // The short name is not a real organisation of its own ending the long one
                    // (惠济市场分中心 inside 惠济市场分中心复工复产保障工作专班 ends differently).
                    && !long.name.starts_with(short.name);
                if !ok {
                    continue;
                }
                // Only the longest unambiguous expansion.
                if long.chars > maxlen {
                    maxlen = long.chars;
                    best.clear();
                }
                if long.chars == maxlen {
                    best.push(long.name);
                }
            }
            if let [long] = best.as_slice() {
                let reason = format!(
                    "abbreviation: the characters of {} appear in order in {long}, with the same organ suffix and jurisdiction",
                    short.name
                );
                out.insert(short.name.to_string(), (long.to_string(), reason));
            }
        }
    }
    // Follow chains to their end. Every step goes to a strictly longer name, so a
    // chain ends; sorted keys keep the result independent of hash order.
    let mut keys: Vec<String> = out.keys().cloned().collect();
    keys.sort();
    for k in keys {
        let mut cur = out[&k].clone();
        let mut guard = 0;
        while let Some(next) = out.get(&cur.0) {
            cur = (next.0.clone(), cur.1.clone());
            guard += 1;
            if guard > 8 {
                break;
            }
        }
        out.insert(k, cur);
    }
    out
}

/// The gazetteer place a name starts with, if any (郑州市…): the longest of its
/// prefixes of two to eight characters.
fn lex_prefix_place(lex: &Lexicon, name: &str) -> Option<String> {
    crate::lexicon::place_prefixes(name)
        .find_map(|pre| lex.places().get(pre).map(|p| p.name.clone()))
}

/// Resolves every article's facts into one graph.
pub fn resolve(lex: &Lexicon, facts: &[ArticleFacts]) -> KnowledgeGraph {
    let (g, aliases) = begin(lex, facts);
    resolve_each(g, &aliases, facts.iter(), None)
}

/// Like [`resolve`], taking the facts and dropping each article's as soon as it is in
/// the graph, so that the facts and the whole graph are not in memory together; also
/// writes a line per article to `out`, in article order, made by `line` (the facts
/// file's, see [`crate::merge::write_facts_into`]). The lines
/// are made and written on the thread pool while the articles before go into the
/// graph, which only one thread can do: the facts file costs the build next to nothing.
pub fn resolve_owned_writing(
    lex: &Lexicon,
    facts: Vec<ArticleFacts>,
    out: &mut (dyn std::io::Write + Send),
    line: &(dyn Fn(&ArticleFacts, &mut Vec<u8>) + Sync),
) -> std::io::Result<KnowledgeGraph> {
    let (g, aliases) = begin(lex, &facts);
    let mut sink = Sink {
        out,
        line,
        failed: None,
    };
    let g = resolve_each(g, &aliases, facts.into_iter(), Some(&mut sink));
    match sink.failed {
        Some(e) => Err(e),
        None => Ok(g),
    }
}

/// Where [`resolve_owned_writing`] writes its lines; the first error stops the writing.
struct Sink<'a> {
    out: &'a mut (dyn std::io::Write + Send),
    line: &'a (dyn Fn(&ArticleFacts, &mut Vec<u8>) + Sync),
    failed: Option<std::io::Error>,
}

impl Sink<'_> {
    fn write<'l>(&mut self, lines: impl Iterator<Item = &'l Vec<u8>>) {
        if self.failed.is_some() {
            return;
        }
        for l in lines {
            if let Err(e) = self.out.write_all(l) {
                self.failed = Some(e);
                return;
            }
        }
    }
}

type Aliases = HashMap<String, (String, String)>;

fn begin(lex: &Lexicon, facts: &[ArticleFacts]) -> (KnowledgeGraph, Aliases) {
    let mut g = KnowledgeGraph::new();
    let aliases = org_aliases(lex, facts);
    g.meta.articles = facts.len();
    g.meta.sentences = facts.iter().map(|f| f.sentences.len()).sum();
    g.meta.characters = facts.iter().map(|f| f.characters).sum();
    // Every edge comes from a fact, so this is enough.
    g.reserve_edges(facts.iter().map(|f| f.facts.len()).sum());
    (g, aliases)
}

/// Articles planned at a time, handed together to the thread that adds them: this
/// many, or fewer when they hold [`BATCH_FACTS`] mentions and facts (a few very long
/// articles would otherwise make two batches, and the adding thread would wait for
/// the whole of the first).
const BATCH: usize = 64;

/// Mentions and facts in a batch, about: see [`BATCH`].
const BATCH_FACTS: usize = 20_000;

/// Adds the articles to `g` in order, each one's line also written to `sink` when
/// there is one.
fn resolve_each<F: std::borrow::Borrow<ArticleFacts> + Send + Sync>(
    g: KnowledgeGraph,
    aliases: &Aliases,
    mut facts: impl Iterator<Item = F>,
    mut sink: Option<&mut Sink>,
) -> KnowledgeGraph {
    // Only one thread can add to the graph, but what an article adds (node ids, names,
    // edges with their evidence) does not depend on the graph: batches of articles are
    // planned (and their facts-file lines made) on the thread pool and handed, in
    // article order, to a thread of its own that adds them: a queue rather than
    // lock-step batches, which waited for the slower of each pair. The adding thread
    // bounds the stage, so what can be done elsewhere is (joining an article's edges
    // in its plan, writing the lines, freeing the facts). It is not a pool thread, so
    // that a pool of one thread still plans while it waits.
    let mut g = std::thread::scope(|s| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<(F, Plan)>>(2);
        // Each batch's facts are freed once they are in the graph, on a thread of
        // their own: freeing them took the adding thread, which bounds this stage, a
        // tenth of its time.
        let (done, dead) = std::sync::mpsc::channel::<Vec<F>>();
        s.spawn(move || dead.into_iter().for_each(drop));
        let adder = s.spawn(move || {
            let mut g = g;
            for batch in rx {
                let mut added = Vec::with_capacity(batch.len());
                for (f, plan) in batch {
                    apply(&mut g, f.borrow(), plan);
                    added.push(f);
                }
                let _ = done.send(added);
            }
            g
        });
        // The lines go to the file from a thread of their own too: written here, they
        // kept the next batch from being planned while the kernel copied them.
        let line = sink.as_deref().map(|s| s.line);
        let (ltx, lrx) = std::sync::mpsc::sync_channel::<Vec<Option<Vec<u8>>>>(2);
        let writer = sink.take().map(|sink| {
            s.spawn(move || {
                for lines in lrx {
                    sink.write(lines.iter().flatten());
                }
            })
        });
        loop {
            let mut batch: Vec<F> = Vec::with_capacity(BATCH);
            let mut size = 0;
            while batch.len() < BATCH && size < BATCH_FACTS {
                let Some(f) = facts.next() else { break };
                let a: &ArticleFacts = f.borrow();
                size += a.ents.len() + a.facts.len();
                batch.push(f);
            }
            if batch.is_empty() {
                break;
            }
            use rayon::prelude::*;
            let (plans, lines): (Vec<Plan>, Vec<Option<Vec<u8>>>) = batch
                .par_iter()
                .map(|f| {
                    let buf = line.map(|line| {
                        let mut buf = Vec::new();
                        line(f.borrow(), &mut buf);
                        buf
                    });
                    (plan(f.borrow(), aliases), buf)
                })
                .unzip();
            if writer.is_some() {
                // The writer only stops early by panicking, which its join re-raises.
                let _ = ltx.send(lines);
            }
            // The adder only stops early by panicking, which the join below re-raises.
            if tx.send(batch.into_iter().zip(plans).collect()).is_err() {
                break;
            }
        }
        drop((tx, ltx));
        if let Some(w) = writer {
            w.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        }
        adder
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e))
    });
    // Names go from the canonical name; the article's own wording stays an alias.
    for idx in g.graph.node_indices().collect::<Vec<_>>() {
        let n = &mut g.graph[idx];
        let name = n.name.clone();
        n.aliases.retain(|a| *a != name);
    }
    g
}

/// The most pieces of evidence a node or an edge keeps from one article (the first):
/// a fact stated a thousand times in one text is proven no better than by twenty
/// quotes, and a long text dense with one name would otherwise grow the graph by a
/// piece of evidence per mention (a 50 MB one-line file: gigabytes).
pub const MAX_EVIDENCE_PER_ARTICLE: usize = 20;

/// What one article adds to the graph, worked out without the graph.
struct Plan {
    /// The article's id, shared by all its evidence.
    aid: Arc<str>,
    /// One shared copy of each sentence for all the evidence.
    quotes: Vec<Arc<str>>,
    /// Per mention: the node it goes to, if any.
    nodes: Vec<Option<EntNode>>,
    /// The facts, in order.
    facts: Vec<Planned>,
}

/// The node of a mention.
struct EntNode {
    /// Shared by the article's edges to or from the node.
    id: Arc<str>,
    /// For a mention with a node of its own (not one pointing at another): the node's
    /// kind and name, and why the name is another than the mention's canonical one.
    own: Option<(NodeKind, String, Option<String>)>,
}

/// A fact as it goes into the graph.
enum Planned {
    /// A post with no organ known: it stays on the person as a title.
    Title { person: Arc<str>, title: String },
    /// An edge, and for a post the post as written, for the person's titles; with all
    /// the article's evidence for it.
    Edge {
        edge: Edge,
        written: Option<String>,
        /// From the article's node: when the article is new to the graph, so is the edge.
        from_article: bool,
    },
}

fn plan(f: &ArticleFacts, aliases: &Aliases) -> Plan {
    let aid = f.article.id.as_str();
    let aid_rc: Arc<str> = Arc::from(aid);
    let quotes: Vec<Arc<str>> = f.sentences.iter().map(|s| Arc::from(s.as_str())).collect();

    // Node id for every mention that makes a node.
    let mut nodes: Vec<Option<EntNode>> = Vec::with_capacity(f.ents.len());
    for e in &f.ents {
        let kind = node_kind(e.kind).filter(|_| !e.orphan && e.refers_to().is_none());
        nodes.push(kind.map(|kind| {
            let (name, merge) = match (e.kind, aliases.get(e.canonical())) {
                (MentionKind::Organization, Some((long, why))) => (long.clone(), Some(why.clone())),
                _ => (e.canonical().to_string(), None),
            };
            let key = identity_key(e, &name, aid);
            EntNode {
                id: node_id(kind, &name, &key).into(),
                own: Some((kind, name, merge)),
            }
        }));
    }
    // Mentions that point at another (会议 → the meeting; 揭牌仪式 → 挂牌仪式).
    for i in 0..f.ents.len() {
        if let Some(t) = f.ents[i].refers_to() {
            if let Some(id) = nodes[t].as_ref().map(|n| n.id.clone()) {
                nodes[i] = Some(EntNode { id, own: None });
            }
        }
    }

    let end_id = |end: End| -> Option<Arc<str>> {
        match end {
            End::Article => Some(aid_rc.clone()),
            End::EntityMention(i) => nodes[i as usize].as_ref().map(|n| n.id.clone()),
        }
    };
    let mut facts = Vec::with_capacity(f.facts.len());
    // Edges of the article that say the same thing are one edge with their evidence
    // together, as the graph would make them, but without asking it.
    type Key<'k> = (
        Arc<str>,
        Arc<str>,
        Relation,
        Option<&'k str>,
        Option<&'k str>,
    );
    let mut edge_at: rustc_hash::FxHashMap<Key, usize> = Default::default();
    for fact in &f.facts {
        // A post with no organ known stays on the person as a title.
        if fact.relation == Relation::HoldsPosition {
            if let Some(t) = fact.target.index() {
                if f.ents[t].kind == MentionKind::Title {
                    if let Some(person) = end_id(fact.source) {
                        facts.push(Planned::Title {
                            person,
                            title: f.ents[t].text.clone(),
                        });
                    }
                    continue;
                }
            }
        }
        let (Some(s), Some(t)) = (end_id(fact.source), end_id(fact.target)) else {
            continue;
        };
        if s == t {
            continue;
        }
        let mut written = None;
        if fact.relation == Relation::HoldsPosition {
            // The post as written, on the person: 惠济区委副书记.
            if let (Some(o), Some(title)) = (fact.target.index(), fact.title()) {
                written = Some(
                    if f.ents[o].text.ends_with("人民政府") && f.ents[o].reason().is_some() {
                        title.to_string()
                    } else {
                        format!("{}{}", f.ents[o].text, title)
                    },
                );
            }
        }
        let ev = evidence(
            &aid_rc,
            fact.sentence(),
            &quotes[fact.sentence()],
            fact.start(),
            fact.end(),
        );
        let key = (
            s.clone(),
            t.clone(),
            fact.relation,
            fact.title(),
            fact.role(),
        );
        if let Some(&i) = edge_at.get(&key) {
            if let Planned::Edge { edge, .. } = &mut facts[i] {
                if edge.evidence.len() < MAX_EVIDENCE_PER_ARTICLE {
                    edge.evidence.push(ev);
                }
            }
            if let Some(title) = written {
                facts.push(Planned::Title { person: s, title });
            }
            continue;
        }
        edge_at.insert(key, facts.len());
        let from_article = fact.source == End::Article;
        let mut edge = edge(s, t, fact.relation, ev);
        edge.title = fact.title().map(str::to_string);
        edge.role = fact.role().map(str::to_string);
        facts.push(Planned::Edge {
            edge,
            written,
            from_article,
        });
    }
    Plan {
        aid: aid_rc,
        quotes,
        nodes,
        facts,
    }
}

/// Adds an article to the graph as planned.
fn apply(g: &mut KnowledgeGraph, f: &ArticleFacts, plan: Plan) {
    let Plan {
        aid,
        quotes,
        nodes,
        facts,
    } = plan;
    // A new article's own edges are new too: no look-up for an edge to join them to.
    let new_article = g.index(&f.article.id).is_none();
    let art = g.upsert(Node::new(
        f.article.id.clone(),
        NodeKind::Article,
        f.article
            .headline
            .clone()
            .unwrap_or_else(|| f.article.source.clone()),
    ));
    art.headline = f.article.headline.clone();
    // A reposted article keeps every file it was read from.
    art.sources.push(f.article.source.clone());
    art.sources
        .extend(crate::ingest::also_in(&f.article.attrs).map(str::to_string));
    art.date = f.date.clone();
    art.sentences = quotes.clone();
    if f.article.headline.is_some() {
        if let Some(q) = quotes.first() {
            let n = q.chars().count();
            art.evidence.push(evidence(&aid, 0, q, 0, n));
        }
    }

    // Evidence taken from this article, per node.
    let mut taken: rustc_hash::FxHashMap<Arc<str>, usize> = Default::default();
    let mut room = |id: &Arc<str>| {
        let n = taken.entry(id.clone()).or_default();
        *n += 1;
        *n <= MAX_EVIDENCE_PER_ARTICLE
    };
    for (e, n) in f.ents.iter().zip(&nodes) {
        let Some(EntNode {
            id,
            own: Some((kind, name, merge)),
        }) = n
        else {
            continue;
        };
        let keep = room(id);
        let node = g.upsert_with(id, || Node::new(id.to_string(), *kind, name.clone()));
        add_mention(node, e, &aid, &quotes, keep);
        if let Some(why) = merge {
            node.merges.push(Merge {
                alias: e.canonical().to_string(),
                reason: why.clone(),
            });
            node.aliases.push(e.canonical().to_string());
        }
    }
    for (e, n) in f.ents.iter().zip(&nodes) {
        let Some(EntNode { id, own: None }) = n else {
            continue;
        };
        let keep = room(id);
        let node = g.upsert_with(id, || Node::new(id.to_string(), NodeKind::Event, ""));
        add_mention(node, e, &aid, &quotes, keep);
        if let Some(why) = e.reason() {
            node.merges.push(Merge {
                alias: e.text.clone(),
                reason: why.to_string(),
            });
        }
    }

    for fact in facts {
        match fact {
            Planned::Title { person, title } => {
                if let Some(i) = g.index(&person) {
                    g.graph[i].titles.push(title);
                }
            }
            Planned::Edge {
                edge,
                written,
                from_article,
            } => {
                if let Some(w) = written {
                    if let Some(i) = g.index(&edge.source) {
                        g.graph[i].titles.push(w);
                    }
                }
                if from_article && new_article {
                    g.add_new_edge(edge);
                } else {
                    g.add_edge(edge);
                }
            }
        }
    }
}

/// What makes two mentions the same entity.
fn identity_key(e: &EntityMention, name: &str, article: &str) -> String {
    match e.kind {
        // An event is one occurrence: its date, or, undated, its article.
        MentionKind::Event => match e.date() {
            Some(d) => format!("{name}@{d}"),
            None => format!("{name}@{article}"),
        },
        _ => name.to_string(),
    }
}

/// Adds a mention to its node: its evidence when `keep`, its wording as an alias.
fn add_mention(
    node: &mut Node,
    e: &EntityMention,
    aid: &Arc<str>,
    quotes: &[Arc<str>],
    keep: bool,
) {
    if keep {
        node.evidence.push(evidence(
            aid,
            e.sentence(),
            &quotes[e.sentence()],
            e.start(),
            e.end(),
        ));
    }
    // Aliases are few; a name repeated a thousand times is added once.
    if e.text != node.name && !node.name.is_empty() && !node.aliases.contains(&e.text) {
        node.aliases.push(e.text.clone());
        if let Some(why) = e.reason() {
            node.merges.push(Merge {
                alias: e.text.clone(),
                reason: why.to_string(),
            });
        }
    }
    if e.kind == MentionKind::Event {
        if node.date.is_none() {
            node.date = e.date().map(str::to_string);
        }
        if node.time.is_none() {
            node.time = e.time().map(str::to_string);
        }
        if node.event_type.is_none() {
            node.event_type = e.subtype().map(str::to_string);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_ascii_and_stable() {
        let a = node_id(NodeKind::Person, "马军", "马军");
        assert_eq!(a, node_id(NodeKind::Person, "马军", "马军"));
        assert!(a.is_ascii() && a.starts_with("person_ma_jun_"), "{a}");
        assert_ne!(a, node_id(NodeKind::Person, "马骏", "马骏"));
        // The same bytes as the `format!` it replaced: kind, slug, 8 hex digits.
        for (kind, name, key) in [
            (NodeKind::Person, "马军", "马军"),
            (NodeKind::Organization, "郑州市人民政府", "郑州市人民政府|x"),
            (NodeKind::Event, "——", "——"),
            (NodeKind::Place, "", ""),
        ] {
            let d = Sha256::new()
                .chain_update(kind.as_str().as_bytes())
                .chain_update([0])
                .chain_update(key.as_bytes())
                .finalize();
            let hex: String = d[..4].iter().map(|b| format!("{b:02x}")).collect();
            let id = node_id(kind, name, key);
            let slug = id
                .strip_prefix(&format!("{}_", kind.as_str()))
                .and_then(|r| r.strip_suffix(&hex))
                .unwrap_or_else(|| panic!("{id}"));
            assert!(
                slug.is_empty() || slug.ends_with('_') && slug.len() > 1,
                "{id}"
            );
        }
        assert_eq!(node_id(NodeKind::Place, "", "").len(), "place_".len() + 8);
    }

    #[test]
    fn an_article_twice_joins_its_edges_to_the_first_copy() {
        // A new article's edges skip the look-up for an edge to join; the same
        // article again must still find them.
        let ex = crate::extract::test_extractor();
        let text = "# 某区召开会议\n\n本报讯 5月8日上午,金水区委书记李明主持召开区委常委会会议。李明强调,要抓好落实。\n\n记者 张三\n";
        let arts = crate::ingest::split_text(text, "x.md", &ex.lex);
        let f = ex.analyze(&arts[0]);
        let once = resolve(&ex.lex, std::slice::from_ref(&f)).to_doc();
        let twice = resolve(&ex.lex, &[f.clone(), f]).to_doc();
        assert!(once.edges.len() > 3, "{:?}", once.edges);
        assert_eq!(once.nodes, twice.nodes);
        assert_eq!(once.edges, twice.edges);
    }

    #[test]
    fn subsequence_rule() {
        assert!(is_subsequence(
            "郑州市资源规划局惠济分局",
            "郑州市自然资源和规划局惠济分局"
        ));
        assert!(!is_subsequence(
            "惠济分局规划",
            "郑州市自然资源和规划局惠济分局"
        ));
    }
}
