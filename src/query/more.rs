//! The questions an analyst asks of a person or of the text: a person's timeline
//! (posts and events in date order, each with the articles it comes from), who
//! attended the same events as a person, and which sentences contain some words
//! (with the facts read from each).

use super::{Answer, Query, Row, Source};
use crate::error::Result;
use crate::graph::{Evidence, NodeKind, Relation};
use petgraph::stable_graph::NodeIndex;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use std::collections::BTreeSet;

/// The roles a person has at an event.
const ROLES: [Relation; 3] = [Relation::Chaired, Relation::Attended, Relation::SpokeAt];

/// The sentences that contain every word of a search, with the facts read from each.
#[derive(Debug, Clone, Serialize)]
pub struct SearchAnswer {
    /// The words searched for.
    pub words: Vec<String>,
    /// The sentences, by article date, article and place in the article.
    pub hits: Vec<Hit>,
}

/// A sentence that contains every word searched for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, PartialOrd, Ord)]
pub struct Hit {
    /// The article's date, when it has one.
    pub date: Option<String>,
    /// The article's node id.
    pub article: String,
    /// 0-based place of the sentence in the article (the headline is 0).
    pub sentence: usize,
    /// The article's headline.
    pub headline: String,
    /// The sentence.
    pub text: String,
    /// The facts (other than `mentions`) read from the sentence.
    pub facts: Vec<Quoted>,
}

/// A fact read from a sentence, with where its mention stands in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, PartialOrd, Ord)]
pub struct Quoted {
    /// Start of the mention, in characters.
    pub start: usize,
    /// End of the mention, in characters, exclusive.
    pub end: usize,
    /// Who or what the fact is about.
    pub subject: String,
    /// Its node id.
    pub subject_id: String,
    /// The relation.
    pub relation: Relation,
    /// The other end.
    pub object: String,
    /// Its node id.
    pub object_id: String,
    /// The post (holds_position) or role (reported).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl std::fmt::Display for SearchAnswer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::terminal::Escaped;
        if self.hits.is_empty() {
            writeln!(f, "no sentence contains {}", Escaped(&self.words.join(" ")))?;
        }
        for h in &self.hits {
            writeln!(
                f,
                "{} {} ({}, sentence {})",
                Escaped(h.date.as_deref().unwrap_or("(no date)")),
                Escaped(&h.headline),
                Escaped(&h.article),
                h.sentence
            )?;
            writeln!(f, "  {}", Escaped(&h.text))?;
            for q in &h.facts {
                let detail = q.detail.as_deref().map(|d| format!(" ({d})"));
                writeln!(
                    f,
                    "    {} {}{} {}",
                    Escaped(&q.subject),
                    q.relation,
                    Escaped(&detail.unwrap_or_default()),
                    Escaped(&q.object)
                )?;
            }
        }
        Ok(())
    }
}

impl Query {
    fn source_of(&self, article: &str) -> Source {
        let node = self.g.index(article).map(|i| &self.g.graph[i]);
        Source {
            date: node.and_then(|n| n.date.clone()),
            article: article.to_string(),
            headline: node
                .and_then(|n| n.headline.clone().or_else(|| Some(n.name.clone())))
                .unwrap_or_default(),
        }
    }

    /// The articles of some evidence, by date.
    fn sources_of(&self, evidence: &[Evidence]) -> Vec<Source> {
        let articles: BTreeSet<&str> = evidence.iter().map(|e| &*e.article).collect();
        let mut out: Vec<Source> = articles.into_iter().map(|a| self.source_of(a)).collect();
        out.sort();
        out
    }

    /// A person's posts and events in date order, each with the articles it was read
    /// from. A post is dated by the first article that states it; an event by its
    /// own date, else by its first article.
    pub fn timeline(&self, person: &str) -> Result<Answer> {
        let p = self.find(person, &[NodeKind::Person])?;
        let mut rows: Vec<(Option<String>, Row)> = Vec::new();
        for (edge, other, out) in self.g.neighbors(p) {
            let is_role = ROLES.contains(&edge.relation);
            if !out || !(is_role || edge.relation == Relation::HoldsPosition) {
                continue;
            }
            let n = &self.g.graph[other];
            let sources = self.sources_of(&edge.evidence);
            let first = sources.iter().find_map(|s| s.date.clone());
            let (date, name) = if is_role {
                (n.date.clone().or(first), n.name.clone())
            } else {
                let title = edge.title.clone().unwrap_or_default();
                (first, format!("{}{title}", n.name))
            };
            let row = Row {
                id: n.id.clone(),
                name,
                relation: edge.relation.as_str().to_string(),
                detail: date.clone().unwrap_or_default(),
                sources,
            };
            rows.push((date, row));
        }
        // Undated last, then as any answer.
        rows.sort_by(|a, b| (a.0.is_none(), &a.0, &a.1).cmp(&(b.0.is_none(), &b.0, &b.1)));
        rows.dedup_by(|a, b| a.1 == b.1);
        Ok(Answer {
            subject: self.g.graph[p].clone(),
            rows: rows.into_iter().map(|(_, r)| r).collect(),
        })
    }

    /// The events a person chaired, attended or spoke at.
    fn events_of(&self, person: NodeIndex) -> BTreeSet<NodeIndex> {
        self.g
            .neighbors(person)
            .into_iter()
            .filter(|(e, _, out)| *out && ROLES.contains(&e.relation))
            .map(|(_, ev, _)| ev)
            .collect()
    }

    /// Who took part in the same events as a person, most shared events first.
    pub fn coattend(&self, person: &str) -> Result<Answer> {
        let p = self.find(person, &[NodeKind::Person])?;
        let mut shared: FxHashMap<NodeIndex, BTreeSet<NodeIndex>> = FxHashMap::default();
        for ev in self.events_of(p) {
            for (e, other, out) in self.g.neighbors(ev) {
                let is_person = self.g.graph[other].kind == NodeKind::Person;
                if !out && ROLES.contains(&e.relation) && other != p && is_person {
                    shared.entry(other).or_default().insert(ev);
                }
            }
        }
        let mut rows: Vec<(usize, Row)> = shared
            .into_iter()
            .map(|(other, events)| {
                let n = &self.g.graph[other];
                let mut labels: Vec<String> = events
                    .iter()
                    .map(|&e| self.g.graph[e].display_label())
                    .collect();
                labels.sort();
                let row = Row {
                    id: n.id.clone(),
                    name: n.name.clone(),
                    relation: events.len().to_string(),
                    detail: labels.join("、"),
                    sources: Vec::new(),
                };
                (events.len(), row)
            })
            .collect();
        rows.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        Ok(Answer {
            subject: self.g.graph[p].clone(),
            rows: rows.into_iter().map(|(_, r)| r).collect(),
        })
    }

    /// The sentences that contain every one of `words`, with the facts quoted from
    /// each: by article date (undated last), article and sentence.
    pub fn search(&self, words: &[String]) -> SearchAnswer {
        let mut hits: Vec<Hit> = Vec::new();
        for i in self.g.graph.node_indices() {
            let n = &self.g.graph[i];
            if n.kind != NodeKind::Article {
                continue;
            }
            for (k, s) in n.sentences.iter().enumerate() {
                if words.iter().all(|w| s.contains(w.as_str())) {
                    let src = self.source_of(&n.id);
                    hits.push(Hit {
                        date: src.date,
                        article: n.id.clone(),
                        sentence: k,
                        headline: src.headline,
                        text: s.to_string(),
                        facts: Vec::new(),
                    });
                }
            }
        }
        let wanted: FxHashSet<(&str, usize)> = hits
            .iter()
            .map(|h| (h.article.as_str(), h.sentence))
            .collect();
        let mut facts: FxHashMap<(String, usize), Vec<Quoted>> = FxHashMap::default();
        for e in self.g.graph.edge_indices() {
            let edge = &self.g.graph[e];
            if edge.relation == Relation::Mentions {
                continue;
            }
            let (s, t) = self.g.graph.edge_endpoints(e).expect("an edge has ends");
            for ev in &edge.evidence {
                if wanted.contains(&(&*ev.article, ev.sentence)) {
                    facts
                        .entry((ev.article.to_string(), ev.sentence))
                        .or_default()
                        .push(Quoted {
                            start: ev.start,
                            end: ev.end,
                            subject: self.g.graph[s].display_label(),
                            subject_id: self.g.graph[s].id.clone(),
                            relation: edge.relation,
                            object: self.g.graph[t].display_label(),
                            object_id: self.g.graph[t].id.clone(),
                            detail: edge.title.clone().or_else(|| edge.role.clone()),
                        });
                }
            }
        }
        for h in &mut hits {
            if let Some(mut f) = facts.remove(&(h.article.clone(), h.sentence)) {
                f.sort();
                f.dedup();
                h.facts = f;
            }
        }
        hits.sort_by(|a, b| (a.date.is_none(), a).cmp(&(b.date.is_none(), b)));
        SearchAnswer {
            words: words.to_vec(),
            hits,
        }
    }
}
