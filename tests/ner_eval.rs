//! Regression floors for the mention layer (`Extractor::ner`, the sequence labeller of
//! `zhkg::ner`) on slices of the annotated sets in `../shared/eval/`: strict span F1
//! per kind must stay just under the figures reached when the model was trained.
//! Skips with a notice when the folder is absent. The People's Daily slice is the
//! first 800 sentences, which `zhkg train` keeps out of training.
//!
//! Each set is scored as `zhkg eval` scores it by default (one-character gold places
//! set aside: the layer emits none), and MSRA and People's Daily also as written
//! (`--score-short-places`), where those places count as missed: the issue's
//! targets are stated that way, and these floors record where it stands.

mod require;
use std::path::Path;
use zhkg::eval::{self, GoldFormat};
use zhkg::extract::{Extractor, MentionKind};
use zhkg::lexicon::Lexicon;

const EVAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval");

/// How the gold spans are scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scoring {
    /// One-character gold places kept aside, as `zhkg eval` does by default.
    ShortPlacesAside,
    /// Every gold span as written (`zhkg eval --score-short-places`).
    AsWritten,
}

/// (file, sentences, scoring, [(kind, F1 floor)]).
type Case = (&'static str, usize, Scoring, &'static [(MentionKind, f64)]);

const CASES: &[Case] = &[
    (
        // Report-only news from outside the training corpora (never trained on).
        "news2007/test.bio",
        6425,
        Scoring::ShortPlacesAside,
        &[
            (MentionKind::Person, 0.90),
            (MentionKind::Place, 0.81),
            (MentionKind::Organization, 0.53),
        ],
    ),
    (
        "msra/test.bio",
        600,
        Scoring::ShortPlacesAside,
        &[
            (MentionKind::Person, 0.96),
            (MentionKind::Place, 0.93),
            (MentionKind::Organization, 0.78),
        ],
    ),
    (
        "peoples-daily/dev.bio",
        800,
        Scoring::ShortPlacesAside,
        &[
            (MentionKind::Person, 0.92),
            (MentionKind::Place, 0.94),
            (MentionKind::Organization, 0.87),
        ],
    ),
    // As written, the one-character places MSRA and People's Daily annotate (151 and
    // 86 in these slices) count as missed: place 0.836 and 0.887, against 0.926 and
    // 0.942 before the layer dropped them (scripts/short_places.py measures why no
    // decision serves these sets and news2007 at once).
    (
        "msra/test.bio",
        600,
        Scoring::AsWritten,
        &[(MentionKind::Place, 0.83)],
    ),
    (
        "peoples-daily/dev.bio",
        800,
        Scoring::AsWritten,
        &[(MentionKind::Place, 0.88)],
    ),
    (
        // The whole dev set (1,343 sentences): its name figure is a target of its own.
        "cluener2020/dev.jsonl",
        1343,
        Scoring::ShortPlacesAside,
        &[
            (MentionKind::Person, 0.80),
            (MentionKind::Title, 0.73),
            (MentionKind::Organization, 0.69),
        ],
    ),
    (
        "resume/test.bmes",
        300,
        Scoring::ShortPlacesAside,
        &[
            (MentionKind::Person, 0.97),
            (MentionKind::Title, 0.93),
            (MentionKind::Organization, 0.89),
        ],
    ),
];

#[test]
fn mention_layer_stays_above_its_floors() {
    let root = Path::new(EVAL);
    if !root.is_dir() {
        require::missing(EVAL);
        return;
    }
    let ex = Extractor::new(Lexicon::embedded());
    let mut failures = Vec::new();
    for (file, n, scoring, floors) in CASES {
        let path = root.join(file);
        let format = GoldFormat::guess(&path).unwrap();
        let mut set = eval::limit(&eval::read_gold(&path, format).unwrap(), *n);
        if *scoring == Scoring::ShortPlacesAside {
            set = eval::unscore_short_places(&set);
        }
        let report = eval::evaluate(&set, |s| ex.ner(s), 0);
        for (kind, floor) in *floors {
            let f1 = report.scores.kind(*kind).f1();
            eprintln!("{file} (first {n}, {scoring:?}): {kind} F1 {f1:.3} (floor {floor})");
            if f1 < *floor {
                failures.push(format!("{file} ({scoring:?}): {kind} F1 {f1:.3} < {floor}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn names_in_the_sample_style() {
    let ex = Extractor::new(Lexicon::embedded());
    let persons = |text: &str| -> Vec<String> {
        ex.ner(text)
            .into_iter()
            .filter(|m| m.kind == MentionKind::Person)
            .map(|m| m.text)
            .collect()
    };
    assert_eq!(persons("惠济区委书记马军主持召开党政联席会议"), ["马军"]);
    assert!(persons("双桥花卉市场因疫情管控造成季节性苗木无法正常销售").is_empty());
}
