//! Made-up local news annotated before the extractor ran on it
//! (`tests/fixtures/made-up-news`): the figures must not fall below what was reached.
//! Raise the floors when the extractor gets better.

mod floors;

use std::path::Path;
use zhkg::eval::articles::{evaluate_articles, read_gold_articles};
use zhkg::{extract::Extractor, lexicon::Lexicon};

const CORPUS: &str = "tests/fixtures/made-up-news";

/// (fact, F1 floor), just under the figures when the floors were last raised.
const FLOORS: &[(&str, f64)] = &[
    ("persons", 0.96),
    ("organizations", 0.845),
    ("places", 0.615),
    ("posts", 0.865),
    ("events", 0.86),
    ("roles", 0.885),
    ("bylines", 0.99),
];

/// The most junk (organisation, place and event nodes a reader would not accept).
const JUNK_CEILING: f64 = 0.125;

#[test]
fn made_up_news_does_not_regress() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join(CORPUS);
    let gold = read_gold_articles(&corpus.join("gold.jsonl")).unwrap();
    assert_eq!(gold.len(), 116);
    let ex = Extractor::new(Lexicon::embedded());
    let report = evaluate_articles(&ex, &corpus, &gold, None).unwrap();
    assert_eq!(
        report.articles, 116,
        "every article is read and matches its hash"
    );
    floors::check(&report, FLOORS, JUNK_CEILING);
}
