//! Floors on the figures of an annotated set of articles: each F1 at or above its floor,
//! the junk rate at or below its ceiling.

use zhkg::eval::articles::ArticleReport;

/// Fails, naming every figure below its floor, when `report` falls under `floors`
/// ((fact, F1 floor)) or above `junk_ceiling`.
pub fn check(report: &ArticleReport, floors: &[(&str, f64)], junk_ceiling: f64) {
    println!("{report}");
    let mut failures = Vec::new();
    for (name, score) in report.scores() {
        let floor = floors.iter().find(|(n, _)| *n == name).map(|(_, f)| *f);
        if let Some(floor) = floor.filter(|f| score.f1() < *f) {
            failures.push(format!("{name} F1 {:.3} < {floor}", score.f1()));
        }
    }
    if report.junk_rate() > junk_ceiling {
        failures.push(format!("junk {:.3} > {junk_ceiling}", report.junk_rate()));
    }
    assert!(failures.is_empty(), "{}", failures.join("; "));
}
