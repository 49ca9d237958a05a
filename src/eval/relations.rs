//! Relation evaluation: a folder of hand-annotated sentences (`*.jsonl`, one
//! `{"source", "text", "roles": [[person, role, event head]], "positions": [[person,
//! post, organisation]]}` a line) comes in; precision, recall and F1 for event roles
//! and for posts come out, measured by running the whole pipeline on each sentence as
//! an article of its own.

use crate::error::{Error, Result};
use crate::extract::Extractor;
use crate::graph::{GraphDoc, NodeKind, Relation};
use crate::ingest::make_article;
use crate::pipeline::build_graph;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;

/// One annotated sentence.
#[derive(Debug, Clone, Deserialize)]
pub struct RelationItem {
    /// Where the text comes from.
    #[serde(default)]
    pub source: String,
    /// The sentence or short article.
    pub text: String,
    /// `[person, role, event head]`.
    #[serde(default)]
    pub roles: Vec<[String; 3]>,
    /// `[person, post, organisation]`.
    #[serde(default)]
    pub positions: Vec<[String; 3]>,
}

/// Counts and scores of one fact type.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Score {
    /// Gold facts.
    pub gold: usize,
    /// Predicted facts.
    pub predicted: usize,
    /// Predicted facts that match a gold one.
    pub correct_predicted: usize,
    /// Gold facts found.
    pub found_gold: usize,
}

impl Score {
    /// Precision.
    pub fn precision(&self) -> f64 {
        super::score::ratio(self.correct_predicted, self.predicted)
    }
    /// Recall.
    pub fn recall(&self) -> f64 {
        super::score::ratio(self.found_gold, self.gold)
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// The relation report.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RelationReport {
    /// Sentences scored.
    pub items: usize,
    /// Roles (chaired, attended, spoke_at).
    pub roles: Score,
    /// Posts.
    pub positions: Score,
    /// Persons in the graph that no gold fact names (a person made from a title or a word).
    pub unexpected_persons: Vec<String>,
    /// Misses and false alarms, for development.
    pub errors: Vec<String>,
}

/// A table of scores, one fact type a line: gold, predicted, P, R, F1.
pub(crate) fn write_scores(f: &mut fmt::Formatter<'_>, rows: &[(&str, &Score)]) -> fmt::Result {
    let w = rows.iter().map(|(n, _)| n.len()).max().unwrap_or(0).max(5) + 1;
    writeln!(
        f,
        "{:<w$} {:>5} {:>9} {:>7} {:>7} {:>7}",
        "facts", "gold", "predicted", "P", "R", "F1"
    )?;
    for (name, s) in rows {
        writeln!(
            f,
            "{:<w$} {:>5} {:>9} {:>7.3} {:>7.3} {:>7.3}",
            name,
            s.gold,
            s.predicted,
            s.precision(),
            s.recall(),
            s.f1()
        )?;
    }
    Ok(())
}

impl fmt::Display for RelationReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "relation dev set: {} items", self.items)?;
        write_scores(f, &[("roles", &self.roles), ("positions", &self.positions)])?;
        writeln!(
            f,
            "persons not in any gold fact: {}",
            self.unexpected_persons.join(", ")
        )?;
        for e in &self.errors {
            writeln!(f, "  {e}")?;
        }
        Ok(())
    }
}

/// Parses the lines of one `.jsonl` file of annotated sentences.
pub fn parse_items(text: &str, path: &Path) -> Result<Vec<RelationItem>> {
    Ok(super::json_lines(text, path)?
        .into_iter()
        .map(|(_, item)| item)
        .collect())
}

/// Reads every `*.jsonl` file of a folder (sorted).
pub fn read_items(dir: &Path) -> Result<Vec<RelationItem>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        out.extend(parse_items(&text, &path)?);
    }
    Ok(out)
}

type Triple = (String, String, Vec<String>);

/// Role and post facts of a graph: (person, role or post, names of the other end).
fn predicted(doc: &GraphDoc) -> (Vec<Triple>, Vec<Triple>) {
    let mut roles = Vec::new();
    let mut posts = Vec::new();
    for e in &doc.edges {
        let (Some(s), Some(t)) = (doc.node(&e.source), doc.node(&e.target)) else {
            continue;
        };
        if s.kind != NodeKind::Person {
            continue;
        }
        let mut names = vec![t.name.clone()];
        names.extend(t.aliases.iter().cloned());
        match e.relation {
            Relation::Chaired | Relation::Attended | Relation::SpokeAt => {
                roles.push((s.name.clone(), e.relation.as_str().to_string(), names))
            }
            Relation::HoldsPosition => {
                posts.push((s.name.clone(), e.title.clone().unwrap_or_default(), names))
            }
            _ => {}
        }
    }
    (roles, posts)
}

/// A fact matches on the person and role or post, and on an organisation whose name ends
/// with the one written, or is the people's government of the place written (北京市市长:
/// 北京市 → 北京市人民政府).
fn matches(pred: &Triple, gold: &[String; 3]) -> bool {
    let org = gold[2].as_str();
    pred.0 == gold[0]
        && pred.1 == gold[1]
        && pred.2.iter().any(|n| {
            n.ends_with(org) || n.strip_suffix("人民政府").is_some_and(|p| p.ends_with(org))
        })
}

fn score(
    pred: &[Triple],
    gold: &[[String; 3]],
    s: &mut Score,
    errors: &mut Vec<String>,
    text: &str,
) {
    s.gold += gold.len();
    s.predicted += pred.len();
    for p in pred {
        if gold.iter().any(|g| matches(p, g)) {
            s.correct_predicted += 1;
        } else {
            errors.push(format!("false: {} {} {} | {text}", p.0, p.1, p.2[0]));
        }
    }
    for g in gold {
        if pred.iter().any(|p| matches(p, g)) {
            s.found_gold += 1;
        } else {
            errors.push(format!("missed: {} {} {} | {text}", g[0], g[1], g[2]));
        }
    }
}

/// Runs the pipeline on every item and scores roles and posts.
pub fn evaluate_relations(ex: &Extractor, items: &[RelationItem]) -> RelationReport {
    let mut report = RelationReport {
        items: items.len(),
        ..RelationReport::default()
    };
    let mut unexpected: BTreeSet<String> = BTreeSet::new();
    for item in items {
        let article = make_article(None, item.text.clone(), Vec::new(), item.source.clone());
        let (g, _) = build_graph(ex, std::slice::from_ref(&article));
        let doc = g.to_doc();
        let (roles, posts) = predicted(&doc);
        // Posts are compared on the post itself, roles on the event's head noun.
        score(
            &roles,
            &item.roles,
            &mut report.roles,
            &mut report.errors,
            &item.text,
        );
        score(
            &posts,
            &item.positions,
            &mut report.positions,
            &mut report.errors,
            &item.text,
        );
        for n in doc.nodes.iter().filter(|n| n.kind == NodeKind::Person) {
            let named = item
                .roles
                .iter()
                .chain(&item.positions)
                .any(|g| g[0] == n.name);
            if !named {
                unexpected.insert(n.name.clone());
            }
        }
    }
    report.unexpected_persons = unexpected.into_iter().collect();
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scoring_counts_both_sides() {
        let gold = [[
            "马军".to_string(),
            "chaired".to_string(),
            "会议".to_string(),
        ]];
        let pred = vec![
            (
                "马军".to_string(),
                "chaired".to_string(),
                vec!["党政联席会议".to_string()],
            ),
            (
                "马军".to_string(),
                "attended".to_string(),
                vec!["仪式".to_string()],
            ),
        ];
        let mut s = Score::default();
        let mut errors = Vec::new();
        score(&pred, &gold, &mut s, &mut errors, "t");
        assert_eq!(
            (s.gold, s.predicted, s.correct_predicted, s.found_gold),
            (1, 2, 1, 1)
        );
        assert!((s.precision() - 0.5).abs() < 1e-9 && (s.recall() - 1.0).abs() < 1e-9);
        assert_eq!(errors.len(), 1);
    }
}
