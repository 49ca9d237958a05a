//! The relation dev set (real sentences from the development splits, annotated by
//! hand in `tests/fixtures/events/`): event roles and posts must not fall below the
//! figures already reached. Raise the floors when the extractor gets better.

use std::path::Path;
use zhkg::eval::relations::{evaluate_relations, parse_items};
use zhkg::{extract::Extractor, lexicon::Lexicon};

const DEV: &str = include_str!("fixtures/events/dev.jsonl");

/// Just under the figures measured when the floors were last raised.
const ROLE_F1_FLOOR: f64 = 0.95;
const POSITION_F1_FLOOR: f64 = 0.94;
const ROLE_PRECISION_FLOOR: f64 = 0.95;

#[test]
fn relation_dev_set_does_not_regress() {
    let items = parse_items(DEV, Path::new("tests/fixtures/events/dev.jsonl")).unwrap();
    assert!(items.len() >= 40, "the dev set has at least 40 items");
    let ex = Extractor::new(Lexicon::embedded());
    let report = evaluate_relations(&ex, &items);
    println!("{report}");
    assert!(
        report.roles.f1() >= ROLE_F1_FLOOR,
        "role F1 {:.3}",
        report.roles.f1()
    );
    assert!(
        report.roles.precision() >= ROLE_PRECISION_FLOOR,
        "role precision {:.3}",
        report.roles.precision()
    );
    assert!(
        report.positions.f1() >= POSITION_F1_FLOOR,
        "position F1 {:.3}",
        report.positions.f1()
    );
}
