//! Whole-article evaluation: a folder of real news articles and a gold file annotated
//! by hand (`docs/annotation.md`: one article a line, keyed by file name and the
//! SHA-256 of its text) come in; each article is built with the real pipeline, as
//! `zhkg build` reads a file, and persons, organisations, places, posts, events (name
//! and date), roles and bylines are scored against the annotation: precision, recall
//! and F1 each, summed over the articles, with the errors listed. The share of
//! organisation, place and event nodes that match nothing a reader would accept (junk)
//! is counted too.

use super::relations::Score;
use crate::error::{Error, Result};
use crate::extract::Extractor;
use crate::graph::{GraphDoc, Node, NodeKind, Relation};
use crate::lexicon::Lexicon;
use crate::normalize::normalize_text;
use crate::pipeline::build_graph;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

/// One annotated article (see `docs/annotation.md`).
#[derive(Debug, Clone, Deserialize)]
pub struct GoldArticle {
    /// Path under the corpus folder.
    pub file: String,
    /// SHA-256 of the file's bytes when it was annotated.
    pub sha256: String,
    /// `dev` or `test`.
    pub split: String,
    /// Full names of the persons named.
    pub persons: Vec<String>,
    /// Each organisation: its explicit name first, then other forms as written.
    pub organizations: Vec<Vec<String>>,
    /// Each place: its fullest form first, then other forms as written.
    pub places: Vec<Vec<String>>,
    /// `[person, title, organisation]`.
    pub posts: Vec<[String; 3]>,
    /// The occasions reported.
    pub events: Vec<GoldEvent>,
    /// `[person, role, event id]`.
    pub roles: Vec<[String; 3]>,
    /// `[name, role]`.
    pub bylines: Vec<[String; 2]>,
}

/// One annotated event.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldEvent {
    /// Referred to by roles.
    pub id: String,
    /// Every form the text uses for it, longest first.
    pub names: Vec<String>,
    /// `YYYY-MM-DD`, `MM-DD` or none.
    pub date: Option<String>,
    /// Where, as written.
    #[serde(default)]
    pub place: Option<String>,
    /// Who held it.
    #[serde(default)]
    pub organizers: Vec<String>,
}

/// Reads a gold file, every line checked.
pub fn read_gold_articles(path: &Path) -> Result<Vec<GoldArticle>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let mut out = Vec::new();
    for (line, a) in super::json_lines::<GoldArticle>(&text, path)? {
        let ids: BTreeSet<&str> = a.events.iter().map(|e| e.id.as_str()).collect();
        if let Some(r) = a.roles.iter().find(|r| !ids.contains(r[2].as_str())) {
            return Err(Error::Parse {
                path: path.to_path_buf(),
                line,
                message: format!("role {r:?} names no event of the article"),
            });
        }
        out.push(a);
    }
    Ok(out)
}

/// The scores of a set of articles.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ArticleReport {
    /// Articles scored.
    pub articles: usize,
    /// Persons.
    pub persons: Score,
    /// Organisations (any form the annotation lists).
    pub organizations: Score,
    /// Places (any form the annotation lists).
    pub places: Score,
    /// Posts: person, title and organisation with its jurisdiction spelled out.
    pub posts: Score,
    /// Events: a name the text uses, and the date.
    pub events: Score,
    /// Roles: person, chaired / attended / spoke_at, and the event.
    pub roles: Score,
    /// Bylines: the credited names.
    pub bylines: Score,
    /// Organisation, place and event nodes built.
    pub nodes: usize,
    /// How many of them a reader would not accept.
    pub junk: usize,
    /// Which, for development.
    pub junk_nodes: Vec<String>,
    /// Misses and false alarms, for development: `kind: article: what`.
    pub errors: Vec<String>,
}

impl ArticleReport {
    /// The scores by name, in the order reports print them.
    pub fn scores(&self) -> [(&'static str, &Score); 7] {
        [
            ("persons", &self.persons),
            ("organizations", &self.organizations),
            ("places", &self.places),
            ("posts", &self.posts),
            ("events", &self.events),
            ("roles", &self.roles),
            ("bylines", &self.bylines),
        ]
    }

    /// The share of organisation, place and event nodes that are junk.
    pub fn junk_rate(&self) -> f64 {
        super::score::ratio(self.junk, self.nodes)
    }
}

impl fmt::Display for ArticleReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "articles: {}", self.articles)?;
        super::relations::write_scores(f, &self.scores())?;
        writeln!(
            f,
            "junk: {} of {} organisation, place and event nodes ({:.3})",
            self.junk,
            self.nodes,
            self.junk_rate()
        )?;
        for e in self.junk_nodes.iter().chain(&self.errors) {
            writeln!(f, "  {}", crate::terminal::escape(e))?;
        }
        Ok(())
    }
}

/// A name as compared: normalised as the pipeline normalises text (traditional
/// characters read as simplified), without white space and quotation marks.
fn key(s: &str) -> String {
    normalize_text(&crate::ingest::to_simplified(s))
        .chars()
        .filter(|c| !c.is_whitespace() && !"“”\"'‘’「」《》".contains(*c))
        .collect()
}

/// A post's title as compared: a former post (原副主席) is annotated with the plain
/// title (docs/annotation.md), which the graph keeps marked as former.
fn title_key(s: &str) -> String {
    let k = key(s);
    match k.strip_prefix('原') {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => k,
    }
}

/// An organisation's name as compared: 中共X is X; 人民代表大会常务委员会, 人民政府,
/// 人民法院 and 人民检察院 are 人大常委会, 政府, 法院 and 检察院, the same organs by
/// their everyday names; a place written before the place the organ is of (南宁市武鸣区委,
/// 南海区狮山镇党委) says nothing more within one article.
fn org_key(lex: &Lexicon, s: &str) -> String {
    let k = key(s);
    let k = k.strip_prefix("中共").unwrap_or(&k);
    let k = k
        .replace("人民代表大会常务委员会", "人大常委会")
        .replace("人民政府", "政府")
        .replace("人民法院", "法院")
        .replace("人民检察院", "检察院");
    // 县政府办 and 县委办 are the short names of 县政府办公室 and 县委办公室.
    let k = match k.strip_suffix("委办").or_else(|| k.strip_suffix("政府办")) {
        Some(_) => format!("{k}公室"),
        None => k,
    };
    without_places_above(lex, &autonomous_short(&k))
}

/// `k` without the places written before a place under them that the name goes on with
/// (南宁市 of 南宁市武鸣区委, 南海区 of 南海区狮山镇党委).
fn without_places_above(lex: &Lexicon, k: &str) -> String {
    let mut rest = k;
    while let Some(above) = crate::lexicon::place_prefixes(rest).find(|p| {
        crate::lexicon::is_division_name(p) && lex.place(p).is_some_and(|pl| pl.name == *p)
    }) {
        let after = &rest[above.len()..];
        let under = crate::lexicon::place_prefixes(after).find(|q| {
            crate::lexicon::is_division_name(q)
                && lex.place_chain(q).iter().skip(1).any(|pl| pl.name == above)
        });
        match under {
            Some(_) => rest = after,
            None => break,
        }
    }
    rest.to_string()
}

/// An autonomous division's organ under the name it goes by (琼中黎族苗族自治县委 as
/// 琼中县委, 甘孜藏族自治州人大常委会 as 甘孜州人大常委会): the same organ.
fn autonomous_short(k: &str) -> String {
    for (suffix, level) in [("自治县", "县"), ("自治州", "州"), ("自治旗", "旗")] {
        if let Some(at) = k.find(suffix) {
            let end = at + suffix.len();
            if let Some(stem) = crate::lexicon::place_stem(&k[..end]) {
                return format!("{stem}{level}{}", &k[end..]);
            }
        }
    }
    k.to_string()
}

/// Whether an event named `name` is one the text calls by one of `names`: the same
/// name, or the end of one of them three characters long or more (研讨会 for
/// 议政协商工作研讨会).
fn event_name_matches(name: &str, names: &[String]) -> bool {
    let name = key(name);
    names
        .iter()
        .map(|n| key(n))
        .any(|n| n == name || (name.chars().count() >= 3 && n.ends_with(name.as_str())))
}

/// Whether a predicted date fits the annotation: both absent, or the same month and
/// day (and year, when both give one).
fn date_matches(pred: Option<&str>, gold: Option<&str>) -> bool {
    fn parts(d: &str) -> (Option<&str>, &str) {
        match d.len() {
            10 => (Some(&d[..4]), &d[5..]),
            _ => (None, d),
        }
    }
    match (pred, gold) {
        (None, None) => true,
        (Some(p), Some(g)) => {
            let ((py, pmd), (gy, gmd)) = (parts(p), parts(g));
            pmd == gmd && (py.is_none() || gy.is_none() || py == gy)
        }
        _ => false,
    }
}

/// What the pipeline built for one article.
struct Predicted<'a> {
    persons: BTreeSet<String>,
    organizations: Vec<&'a Node>,
    places: Vec<&'a Node>,
    events: Vec<&'a Node>,
    posts: Vec<(String, String, String)>,
    roles: Vec<(String, String, &'a Node)>,
    bylines: BTreeSet<String>,
}

fn predicted<'d>(lex: &Lexicon, doc: &'d GraphDoc) -> Predicted<'d> {
    let mut p = Predicted {
        persons: BTreeSet::new(),
        organizations: Vec::new(),
        places: Vec::new(),
        events: Vec::new(),
        posts: Vec::new(),
        roles: Vec::new(),
        bylines: BTreeSet::new(),
    };
    for n in &doc.nodes {
        match n.kind {
            NodeKind::Person => {
                p.persons.insert(key(&n.name));
            }
            NodeKind::Organization => p.organizations.push(n),
            NodeKind::Place => p.places.push(n),
            NodeKind::Event => p.events.push(n),
            _ => {}
        }
    }
    for e in &doc.edges {
        let (Some(s), Some(t)) = (doc.node(&e.source), doc.node(&e.target)) else {
            continue;
        };
        match e.relation {
            Relation::HoldsPosition if s.kind == NodeKind::Person => p.posts.push((
                key(&s.name),
                title_key(e.title.as_deref().unwrap_or("")),
                org_key(lex, &t.name),
            )),
            Relation::Chaired | Relation::Attended | Relation::SpokeAt
                if s.kind == NodeKind::Person && t.kind == NodeKind::Event =>
            {
                p.roles
                    .push((key(&s.name), e.relation.as_str().to_string(), t))
            }
            Relation::Reported if s.kind == NodeKind::Person => {
                p.bylines.insert(key(&s.name));
            }
            _ => {}
        }
    }
    p
}

/// Counts one kind of fact: `pred` and `gold` items, `hit(p, g)` when they match;
/// what does not match goes to `errors` as `kind: file: false/missed item`.
struct Tally<'a> {
    kind: &'static str,
    file: &'a str,
    errors: &'a mut Vec<String>,
}

impl Tally<'_> {
    fn count<P, G>(
        &mut self,
        s: &mut Score,
        (pred, gold): (&[P], &[G]),
        hit: impl Fn(&P, &G) -> bool,
        show: (impl Fn(&P) -> String, impl Fn(&G) -> String),
    ) {
        let (kind, file) = (self.kind, self.file);
        s.gold += gold.len();
        s.predicted += pred.len();
        for p in pred {
            if gold.iter().any(|g| hit(p, g)) {
                s.correct_predicted += 1;
            } else {
                self.errors
                    .push(format!("{kind}: {file}: false {}", (show.0)(p)));
            }
        }
        for g in gold {
            if pred.iter().any(|p| hit(p, g)) {
                s.found_gold += 1;
            } else {
                self.errors
                    .push(format!("{kind}: {file}: missed {}", (show.1)(g)));
            }
        }
    }
}

/// Scores one article's graph against its annotation.
fn score_article(lex: &Lexicon, gold: &GoldArticle, doc: &GraphDoc, r: &mut ArticleReport) {
    let p = predicted(lex, doc);
    let file = gold.file.as_str();
    let persons: Vec<String> = p.persons.iter().cloned().collect();
    let gold_persons: Vec<String> = gold.persons.iter().map(|n| key(n)).collect();
    Tally {
        kind: "person",
        file,
        errors: &mut r.errors,
    }
    .count(
        &mut r.persons,
        (&persons, &gold_persons),
        |a, b| a == b,
        (|a| a.clone(), |b| b.clone()),
    );

    // Organisations: any form listed, or the organisation of a post.
    let mut org_forms: Vec<Vec<String>> = gold
        .organizations
        .iter()
        .map(|forms| forms.iter().map(|f| org_key(lex, f)).collect())
        .collect();
    for post in &gold.posts {
        let k = org_key(lex, &post[2]);
        if !org_forms.iter().any(|forms| forms.contains(&k)) {
            org_forms.push(vec![k]);
        }
    }
    let org_hit = |n: &&Node, forms: &Vec<String>| {
        std::iter::once(&n.name)
            .chain(&n.aliases)
            .any(|a| forms.contains(&org_key(lex, a)))
    };
    // A predicted organisation is right when it is any organisation of the
    // annotation, listed or of a post; recall counts the listed ones.
    let listed = gold.organizations.len();
    r.organizations.predicted += p.organizations.len();
    r.organizations.gold += listed;
    for n in &p.organizations {
        if org_forms.iter().any(|f| org_hit(n, f)) {
            r.organizations.correct_predicted += 1;
        } else {
            r.errors
                .push(format!("organization: {file}: false {}", n.name));
        }
    }
    for f in &org_forms[..listed] {
        if p.organizations.iter().any(|n| org_hit(n, f)) {
            r.organizations.found_gold += 1;
        } else {
            r.errors
                .push(format!("organization: {file}: missed {}", f[0]));
        }
    }

    let place_forms: Vec<Vec<String>> = gold
        .places
        .iter()
        .map(|forms| forms.iter().map(|f| key(f)).collect())
        .collect();
    let place_hit = |n: &&Node, forms: &Vec<String>| {
        std::iter::once(&n.name)
            .chain(&n.aliases)
            .any(|a| forms.contains(&key(a)))
    };
    Tally {
        kind: "place",
        file,
        errors: &mut r.errors,
    }
    .count(
        &mut r.places,
        (&p.places, &place_forms),
        place_hit,
        (|n| n.name.clone(), |f| f[0].clone()),
    );

    let gold_posts: Vec<(String, String, String)> = gold
        .posts
        .iter()
        .map(|[who, title, org]| (key(who), title_key(title), org_key(lex, org)))
        .collect();
    Tally {
        kind: "post",
        file,
        errors: &mut r.errors,
    }
    .count(
        &mut r.posts,
        (&p.posts, &gold_posts),
        |a, b| a == b,
        (
            |a| format!("{} {} {}", a.0, a.1, a.2),
            |b| format!("{} {} {}", b.0, b.1, b.2),
        ),
    );

    let event_hit = |n: &&Node, g: &GoldEvent| {
        event_name_matches(&n.name, &g.names) && date_matches(n.date.as_deref(), g.date.as_deref())
    };
    Tally {
        kind: "event",
        file,
        errors: &mut r.errors,
    }
    .count(
        &mut r.events,
        (&p.events, &gold.events),
        event_hit,
        (
            |n| format!("{} ({})", n.name, n.date.as_deref().unwrap_or("no date")),
            |g| {
                format!(
                    "{} ({})",
                    g.names[0],
                    g.date.as_deref().unwrap_or("no date")
                )
            },
        ),
    );

    let gold_roles: Vec<(String, String, &GoldEvent)> = gold
        .roles
        .iter()
        .filter_map(|[who, role, id]| {
            let event = gold.events.iter().find(|e| e.id == *id)?;
            Some((key(who), role.clone(), event))
        })
        .collect();
    Tally {
        kind: "role",
        file,
        errors: &mut r.errors,
    }
    .count(
        &mut r.roles,
        (&p.roles, &gold_roles),
        |a, b| a.0 == b.0 && a.1 == b.1 && event_name_matches(&a.2.name, &b.2.names),
        (
            |a| format!("{} {} {}", a.0, a.1, a.2.name),
            |b| format!("{} {} {}", b.0, b.1, b.2.names[0]),
        ),
    );

    let bylines: Vec<String> = p.bylines.iter().cloned().collect();
    let gold_bylines: Vec<String> = gold.bylines.iter().map(|[n, _]| key(n)).collect();
    Tally {
        kind: "byline",
        file,
        errors: &mut r.errors,
    }
    .count(
        &mut r.bylines,
        (&bylines, &gold_bylines),
        |a, b| a == b,
        (|a| a.clone(), |b| b.clone()),
    );

    // Junk: nodes a reader would not accept. A place is accepted when listed, or when
    // the text names it inside an annotated organisation, event or place (北京市 of
    // 农工党北京市委, 甘肃省 of 甘肃神农珍稀菇业有限公司), which the annotation does not
    // list apart.
    let accepted_org = |n: &&Node| org_forms.iter().any(|f| org_hit(n, f));
    let inner_places: BTreeSet<String> = gold
        .organizations
        .iter()
        .flatten()
        .chain(gold.posts.iter().map(|[_, _, org]| org))
        .chain(gold.events.iter().flat_map(|e| &e.names))
        .flat_map(|name| places_inside(lex, name, true))
        .chain(
            place_forms
                .iter()
                .flatten()
                .flat_map(|name| places_inside(lex, name, false)),
        )
        .collect();
    let accepted_place = |n: &&Node| {
        place_forms.iter().any(|f| place_hit(n, f)) || inner_places.contains(&key(&n.name))
    };
    let accepted_event = |n: &&Node| {
        gold.events
            .iter()
            .any(|g| event_name_matches(&n.name, &g.names))
    };
    r.nodes += p.organizations.len() + p.places.len() + p.events.len();
    for n in &p.organizations {
        if !accepted_org(n) {
            r.junk_nodes
                .push(format!("junk: organization {} ({file})", n.name));
        }
    }
    for n in &p.places {
        if !accepted_place(n) {
            r.junk_nodes
                .push(format!("junk: place {} ({file})", n.name));
        }
    }
    for n in &p.events {
        if !accepted_event(n) {
            r.junk_nodes
                .push(format!("junk: event {} ({file})", n.name));
        }
    }
}

/// The full names of the divisions `name` holds: written in full anywhere (北京市 of
/// 农工党北京市委; read longest first, so 平和县 holds no 和县), or as a short form
/// that starts it when `short_forms` (甘肃 of 甘肃神农珍稀菇业有限公司; a place's own name
/// starting with another's short form, 南岔 of 南岔村, says nothing).
fn places_inside(lex: &Lexicon, name: &str, short_forms: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = name;
    while let Some(c) = rest.chars().next() {
        let at_start = rest.len() == name.len();
        let longest = crate::lexicon::place_prefixes(rest).find_map(|part| {
            let full = crate::lexicon::is_division_name(part) || short_forms && at_start;
            lex.place(part)
                .filter(|_| full)
                .map(|p| (part.len(), key(&p.name)))
        });
        match longest {
            Some((len, place)) => {
                out.push(place);
                rest = &rest[len..];
            }
            None => rest = &rest[c.len_utf8()..],
        }
    }
    out
}

/// Builds every article of `gold` (those of `split`, when given) from `corpus` and
/// scores it. A file whose text changed since it was annotated is an error.
pub fn evaluate_articles(
    ex: &Extractor,
    corpus: &Path,
    gold: &[GoldArticle],
    split: Option<&str>,
) -> Result<ArticleReport> {
    let mut report = ArticleReport::default();
    for g in gold.iter().filter(|g| split.is_none_or(|s| g.split == s)) {
        let path: PathBuf = corpus.join(&g.file);
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        let hash: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        if hash != g.sha256 {
            return Err(Error::Mismatch(format!(
                "{}: the text changed since it was annotated (SHA-256 differs): annotate it again",
                path.display()
            )));
        }
        let (articles, _) = crate::ingest::read_bytes(&bytes, &path, &ex.lex)?;
        let (graph, _) = build_graph(ex, &articles);
        score_article(&ex.lex, g, &graph.to_doc(), &mut report);
        report.junk = report.junk_nodes.len();
        report.articles += 1;
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_dates_and_organs_compare_as_a_reader_would() {
        assert!(event_name_matches("研讨会", &["议政协商工作研讨会".into()]));
        assert!(!event_name_matches("会议", &["区长办公会议".into()]));
        assert!(event_name_matches("会议", &["会议".into()]));
        assert!(date_matches(Some("07-24"), Some("2017-07-24")));
        assert!(!date_matches(Some("2016-07-24"), Some("2017-07-24")));
        assert!(!date_matches(None, Some("07-24")));
        assert!(date_matches(None, None));
        let lex = &Lexicon::embedded();
        assert_eq!(org_key(lex, "中共惠济区委"), org_key(lex, "惠济区委"));
        assert_eq!(org_key(lex, "惠济区人民政府"), "惠济区政府");
        assert_eq!(title_key("原常务副主席"), "常务副主席");
        assert_eq!(title_key("副主席"), "副主席");
        assert_eq!(
            org_key(lex, "通州区人民检察院"),
            org_key(lex, "通州区检察院")
        );
        assert_eq!(
            org_key(lex, "琼中黎族苗族自治县委"),
            org_key(lex, "琼中县委")
        );
        assert_eq!(
            org_key(lex, "甘孜藏族自治州人民政府"),
            org_key(lex, "甘孜州政府")
        );
        assert_eq!(org_key(lex, "南宁市武鸣区委"), org_key(lex, "武鸣区委"));
        assert_eq!(
            org_key(lex, "江宁区秣陵街道党工委"),
            org_key(lex, "秣陵街道党工委")
        );
        // Not where the place after is not under it, nor before an organ of its own.
        assert_ne!(org_key(lex, "洛阳市惠济区委"), org_key(lex, "惠济区委"));
        assert_ne!(org_key(lex, "宜昌市公安局"), org_key(lex, "公安局"));
        assert_eq!(key("“两会” 召开"), "两会召开");
    }
}
