//! Identity evaluation: a folder of articles and a gold file giving every person and
//! event mention of each article a cluster id (the real person or occasion) come in;
//! all the articles are built into one graph, as `zhkg build` builds a folder, and the
//! clusters the graph makes of those mentions (its nodes) are scored against the gold
//! ones with B-cubed precision, recall and F1, per kind. Nodes that join mentions of
//! several articles without a recorded reason are counted too.

use crate::error::{Error, Result};
use crate::extract::Extractor;
use crate::graph::{GraphDoc, Node, NodeKind};
use crate::resolve::ResolveOptions;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

/// One article's annotation: a line of the gold file.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldIdentity {
    /// File name under the articles folder.
    pub file: String,
    /// `[name, cluster]` for every person the article names.
    pub persons: Vec<[String; 2]>,
    /// Every event the article reports.
    pub events: Vec<GoldOccasion>,
}

/// One annotated event mention.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldOccasion {
    /// The names the text uses for it (any may be the node's name or an alias).
    pub names: Vec<String>,
    /// `MM-DD`.
    pub date: String,
    /// The real occasion.
    pub cluster: String,
}

/// Reads a gold file, every line checked.
pub fn read_gold_identity(path: &Path) -> Result<Vec<GoldIdentity>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    Ok(super::json_lines::<GoldIdentity>(&text, path)?
        .into_iter()
        .map(|(_, g)| g)
        .collect())
}

/// B-cubed figures of one kind.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Bcubed {
    /// Gold mentions scored.
    pub mentions: usize,
    /// Of them, with no node of the graph (scored as a node of their own).
    pub missing: usize,
    /// B-cubed precision.
    pub precision: f64,
    /// B-cubed recall.
    pub recall: f64,
    /// Their harmonic mean.
    pub f1: f64,
}

/// The result of [`evaluate_identity`].
#[derive(Debug, Clone, Default, Serialize)]
pub struct IdentityEval {
    /// Articles built.
    pub articles: usize,
    /// Person clustering.
    pub persons: Bcubed,
    /// Event clustering.
    pub events: Bcubed,
    /// Person and event nodes made of the mentions of two or more articles.
    pub joins: usize,
    /// Of them, with no reason recorded in `merges` for the join.
    pub joins_without_reason: usize,
    /// Wrong joins and splits, for development.
    pub errors: Vec<String>,
}

impl fmt::Display for IdentityEval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "articles: {}", self.articles)?;
        writeln!(
            f,
            "{:<8} {:>9} {:>8} {:>10} {:>7} {:>7}",
            "B-cubed", "mentions", "missing", "precision", "recall", "F1"
        )?;
        for (name, b) in [("persons", &self.persons), ("events", &self.events)] {
            writeln!(
                f,
                "{:<8} {:>9} {:>8} {:>10.3} {:>7.3} {:>7.3}",
                name, b.mentions, b.missing, b.precision, b.recall, b.f1
            )?;
        }
        writeln!(
            f,
            "joins across articles: {}, without a recorded reason: {}",
            self.joins, self.joins_without_reason
        )?;
        for e in &self.errors {
            writeln!(f, "  {}", crate::terminal::escape(e))?;
        }
        Ok(())
    }
}

/// B-cubed over mentions given as (gold cluster, predicted cluster).
fn bcubed(items: &[(&str, String)], missing: usize) -> Bcubed {
    let mut gold: BTreeMap<&str, usize> = BTreeMap::new();
    let mut pred: BTreeMap<&str, usize> = BTreeMap::new();
    let mut both: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for (g, p) in items {
        *gold.entry(g).or_default() += 1;
        *pred.entry(p).or_default() += 1;
        *both.entry((g, p)).or_default() += 1;
    }
    let n = items.len();
    let (mut p, mut r) = (0.0, 0.0);
    for (g, q) in items {
        let common = both[&(*g, q.as_str())] as f64;
        p += common / pred[q.as_str()] as f64;
        r += common / gold[g] as f64;
    }
    let (p, r) = if n == 0 {
        (1.0, 1.0)
    } else {
        (p / n as f64, r / n as f64)
    };
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    Bcubed {
        mentions: n,
        missing,
        precision: p,
        recall: r,
        f1,
    }
}

/// Whether a node is named `name` (its name or an alias).
fn named(n: &Node, name: &str) -> bool {
    n.name == name || n.aliases.iter().any(|a| a == name)
}

/// Builds every article of `gold` from `dir` into one graph and scores its person and
/// event nodes against the gold clusters.
pub fn evaluate_identity(
    ex: &Extractor,
    dir: &Path,
    gold: &[GoldIdentity],
    opts: &ResolveOptions,
) -> Result<IdentityEval> {
    let mut articles = Vec::new();
    // Article id → the gold line's file.
    let mut file_of: BTreeMap<String, &str> = BTreeMap::new();
    for g in gold {
        let path = dir.join(&g.file);
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        let (arts, _) = crate::ingest::read_bytes(&bytes, &path, &ex.lex)?;
        for a in arts {
            file_of.insert(a.id.clone(), &g.file);
            articles.push(a);
        }
    }
    let (graph, _) = crate::pipeline::build_graph_with(ex, opts, &articles);
    let doc = graph.to_doc();
    let mut report = score(gold, &doc, &file_of);
    report.articles = articles.len();
    Ok(report)
}

/// Scores a built graph against the gold clusters.
fn score(gold: &[GoldIdentity], doc: &GraphDoc, file_of: &BTreeMap<String, &str>) -> IdentityEval {
    // File → the person and event nodes with evidence in it.
    let mut in_file: BTreeMap<&str, Vec<&Node>> = BTreeMap::new();
    let mut report = IdentityEval::default();
    for n in &doc.nodes {
        if !matches!(n.kind, NodeKind::Person | NodeKind::Event) {
            continue;
        }
        let files: BTreeSet<&str> = n
            .evidence
            .iter()
            .filter_map(|e| file_of.get(e.article.as_ref()).copied())
            .collect();
        if files.len() > 1 {
            report.joins += 1;
            if !n.merges.iter().any(|m| m.reason.starts_with("across ")) {
                report.joins_without_reason += 1;
                report
                    .errors
                    .push(format!("joined without a reason: {} ({})", n.name, n.id));
            }
        }
        for f in files {
            in_file.entry(f).or_default().push(n);
        }
    }
    let mut persons: Vec<(&str, String)> = Vec::new();
    let mut events: Vec<(&str, String)> = Vec::new();
    let (mut missing_p, mut missing_e) = (0, 0);
    for g in gold {
        let nodes = in_file
            .get(g.file.as_str())
            .map_or(&[][..], |v| v.as_slice());
        for [name, cluster] in &g.persons {
            let found = nodes
                .iter()
                .find(|n| n.kind == NodeKind::Person && named(n, name));
            let id = found.map(|n| n.id.clone()).unwrap_or_else(|| {
                missing_p += 1;
                report
                    .errors
                    .push(format!("no person {name} in {}", g.file));
                format!("missing:{}:{name}", g.file)
            });
            persons.push((cluster, id));
        }
        for (i, e) in g.events.iter().enumerate() {
            let found = nodes.iter().find(|n| {
                n.kind == NodeKind::Event
                    && n.date.as_deref() == Some(e.date.as_str())
                    && e.names.iter().any(|m| named(n, m))
            });
            let id = found.map(|n| n.id.clone()).unwrap_or_else(|| {
                missing_e += 1;
                report
                    .errors
                    .push(format!("no event {} {} in {}", e.names[0], e.date, g.file));
                format!("missing:{}:{i}", g.file)
            });
            events.push((&e.cluster, id));
        }
    }
    report.persons = bcubed(&persons, missing_p);
    report.events = bcubed(&events, missing_e);
    for (kind, items) in [("person", &persons), ("event", &events)] {
        list_errors(kind, items, &mut report.errors);
    }
    report
}

/// Gold clusters split over several nodes, and nodes holding several gold clusters.
fn list_errors(kind: &str, items: &[(&str, String)], errors: &mut Vec<String>) {
    let mut by_gold: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut by_node: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (g, p) in items {
        by_gold.entry(g).or_default().insert(p);
        by_node.entry(p).or_default().insert(g);
    }
    for (g, nodes) in by_gold.iter().filter(|(_, v)| v.len() > 1) {
        errors.push(format!("{kind} {g} split over {nodes:?}"));
    }
    for (n, golds) in by_node.iter().filter(|(_, v)| v.len() > 1) {
        errors.push(format!("{kind} node {n} joins {golds:?}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bcubed_of_a_perfect_a_joined_and_a_split_clustering() {
        let same = |v: &[(&'static str, &str)]| -> Vec<(&'static str, String)> {
            v.iter().map(|(g, p)| (*g, p.to_string())).collect()
        };
        let b = bcubed(&same(&[("a", "1"), ("a", "1"), ("b", "2")]), 0);
        assert_eq!((b.precision, b.recall), (1.0, 1.0));
        // Everything in one node: recall 1, precision (2/3 + 2/3 + 1/3) / 3.
        let b = bcubed(&same(&[("a", "1"), ("a", "1"), ("b", "1")]), 0);
        assert_eq!(b.recall, 1.0);
        assert!((b.precision - 5.0 / 9.0).abs() < 1e-9, "{b:?}");
        // One real person split over two nodes: precision 1, recall 1/2.
        let b = bcubed(&same(&[("a", "1"), ("a", "2")]), 0);
        assert_eq!((b.precision, b.recall), (1.0, 0.5));
    }
}
