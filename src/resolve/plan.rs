//! What one article adds to the graph: worked out on the thread pool without the graph
//! (its [`Plan`]: node ids, names, edges joined with their evidence), then applied by
//! the one thread that owns the graph.

use super::abbreviations::Aliases;
use super::identity::{identity_key, ArticleIdentity, Identities};
use super::ids::{node_id, node_kind};
use crate::extract::{ArticleFacts, End, EntityMention};
use crate::graph::build::{edge, evidence, KnowledgeGraph};
use crate::graph::{Edge, Merge, Node, NodeKind, Relation};
use crate::mention::MentionKind;
use std::sync::Arc;

/// The most pieces of evidence a node or an edge keeps from one article (the first):
/// a fact stated a thousand times in one text is proven no better than by twenty
/// quotes, and a long text dense with one name would otherwise grow the graph by a
/// piece of evidence per mention (a 50 MB one-line file: gigabytes).
pub const MAX_EVIDENCE_PER_ARTICLE: usize = 20;

/// What one article adds to the graph, worked out without the graph.
pub(super) struct Plan {
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

/// What every article's plan reads of the whole corpus.
pub(super) struct Corpus<'a> {
    pub aliases: &'a Aliases,
    pub identities: &'a Identities<'a>,
}

/// The plan of `f`, the article at `position` in the corpus.
pub(super) fn plan(f: &ArticleFacts, position: usize, corpus: &Corpus) -> Plan {
    let aliases = corpus.aliases;
    let places = corpus.identities.places(position);
    let ctx = ArticleIdentity {
        identities: corpus.identities,
        persons: places
            .persons
            .iter()
            .map(|(i, p)| (f.ents[*i as usize].canonical(), *p))
            .collect(),
        places,
    };
    let aid = f.article.id.as_str();
    let aid_rc: Arc<str> = Arc::from(aid);
    let quotes: Vec<Arc<str>> = f.sentences.iter().map(|s| Arc::from(s.as_str())).collect();

    // Node id for every mention that makes a node. Outside events, the id depends on
    // the kind and name alone within an article: a name said ten times is hashed once.
    let mut nodes: Vec<Option<EntNode>> = Vec::with_capacity(f.ents.len());
    let mut ids: rustc_hash::FxHashMap<(MentionKind, &str), Arc<str>> = Default::default();
    for (i, e) in f.ents.iter().enumerate() {
        let kind = node_kind(e.kind).filter(|_| !e.orphan && e.refers_to().is_none());
        nodes.push(kind.map(|kind| {
            let (name, merge) = match (e.kind, aliases.get(e.canonical())) {
                (MentionKind::Organization, Some((long, why))) => (long.clone(), Some(why.clone())),
                _ => (e.canonical().to_string(), None),
            };
            let make = || Arc::from(node_id(kind, &name, &identity_key(e, i, &name, aid, &ctx)));
            let id = if e.kind == MentionKind::Event {
                make()
            } else {
                ids.entry((e.kind, e.canonical()))
                    .or_insert_with(make)
                    .clone()
            };
            EntNode {
                id,
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
    let mut edge_at: rustc_hash::FxHashMap<Key, usize> =
        rustc_hash::FxHashMap::with_capacity_and_hasher(f.facts.len(), Default::default());
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
pub(super) fn apply(g: &mut KnowledgeGraph, f: &ArticleFacts, plan: Plan) {
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
