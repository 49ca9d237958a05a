//! Strict span scoring: a sentence's gold entities and a recogniser's
//! predicted mentions come in; true positives, false positives and false
//! negatives per kind go out, with precision, recall and F1 per kind and
//! micro-averaged. A prediction counts only when its start, end and kind all
//! equal a gold entity's (the SIGHAN bakeoff convention). Only the kinds the
//! gold set annotates are scored, so a recogniser is not punished for finding
//! dates in a corpus that never marks them.

use crate::eval::gold::SkippedSpan;
use crate::mention::{Mention, MentionKind};
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;

/// True positives, false positives and false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predictions that match a gold entity exactly.
    pub tp: usize,
    /// Predictions that match none.
    pub fp: usize,
    /// Gold entities that no prediction matches.
    pub fn_: usize,
}

impl Counts {
    /// Number of gold entities.
    pub fn gold(&self) -> usize {
        self.tp + self.fn_
    }

    /// Number of scored predictions.
    pub fn predicted(&self) -> usize {
        self.tp + self.fp
    }

    /// tp / predicted; 0 when nothing was predicted, so that reports and
    /// JSON never carry NaN.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.predicted())
    }

    /// tp / gold; 0 when there is no gold entity.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.gold())
    }

    /// Harmonic mean of precision and recall; 0 when both are 0.
    pub fn f1(&self) -> f64 {
        ratio(2 * self.tp, self.gold() + self.predicted())
    }

    fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

/// `a / b`, or 0 when `b` is 0.
pub(crate) fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl Serialize for Counts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Derived figures are written out so that JSON readers need not
        // recompute them (and cannot get the zero conventions wrong).
        let mut s = serializer.serialize_struct("Counts", 8)?;
        s.serialize_field("gold", &self.gold())?;
        s.serialize_field("predicted", &self.predicted())?;
        s.serialize_field("tp", &self.tp)?;
        s.serialize_field("fp", &self.fp)?;
        s.serialize_field("fn", &self.fn_)?;
        s.serialize_field("precision", &self.precision())?;
        s.serialize_field("recall", &self.recall())?;
        s.serialize_field("f1", &self.f1())?;
        s.end()
    }
}

/// What scoring one sentence found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SentenceOutcome {
    /// Counts per scored kind.
    pub counts: BTreeMap<MentionKind, Counts>,
    /// Predictions that matched nothing, in span order.
    pub false_positives: Vec<Mention>,
    /// Gold entities that nothing matched, in span order.
    pub false_negatives: Vec<Mention>,
    /// Predictions left unscored, by kind: kinds the gold set does not
    /// annotate, and predictions lying exactly on a skipped gold entity.
    pub ignored: BTreeMap<MentionKind, usize>,
}

/// Scores one sentence. `kinds` are the kinds the gold set annotates;
/// `skipped` are the gold entities whose labels are not scored — a
/// prediction exactly on one of them is neither right nor wrong (a company
/// found as an organization in CLUENER, where companies are not scored).
pub fn score_sentence(
    kinds: &[MentionKind],
    gold: &[Mention],
    skipped: &[SkippedSpan],
    predicted: &[Mention],
) -> SentenceOutcome {
    let mut outcome = SentenceOutcome::default();
    for &kind in kinds {
        outcome.counts.insert(kind, Counts::default());
    }
    // Each gold entity can be matched once: a recogniser that emits the same
    // span twice gets one true positive and one false positive.
    let mut matched = vec![false; gold.len()];
    let mut predicted: Vec<&Mention> = predicted.iter().collect();
    predicted.sort();
    for p in predicted {
        let Some(counts) = outcome.counts.get_mut(&p.kind) else {
            *outcome.ignored.entry(p.kind).or_insert(0) += 1;
            continue;
        };
        let hit = gold.iter().enumerate().position(|(i, g)| {
            !matched[i] && g.start == p.start && g.end == p.end && g.kind == p.kind
        });
        match hit {
            Some(i) => {
                matched[i] = true;
                counts.tp += 1;
            }
            None if skipped.iter().any(|s| s.start == p.start && s.end == p.end) => {
                *outcome.ignored.entry(p.kind).or_insert(0) += 1;
            }
            None => {
                counts.fp += 1;
                outcome.false_positives.push(p.clone());
            }
        }
    }
    for (g, _) in gold.iter().zip(&matched).filter(|(_, &m)| !m) {
        if let Some(counts) = outcome.counts.get_mut(&g.kind) {
            counts.fn_ += 1;
            outcome.false_negatives.push(g.clone());
        }
    }
    outcome
}

/// Counts for a whole gold set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scores {
    per_kind: BTreeMap<MentionKind, Counts>,
}

impl Scores {
    /// Empty scores for these kinds: each appears in the table even when
    /// neither gold nor predictions have one.
    pub fn new(kinds: &[MentionKind]) -> Self {
        Scores {
            per_kind: kinds.iter().map(|&k| (k, Counts::default())).collect(),
        }
    }

    /// Adds one sentence's counts.
    pub fn add(&mut self, counts: &BTreeMap<MentionKind, Counts>) {
        for (&kind, &c) in counts {
            self.per_kind.entry(kind).or_default().add(c);
        }
    }

    /// The scored kinds, in [`MentionKind::ALL`] order.
    pub fn kinds(&self) -> impl Iterator<Item = MentionKind> + '_ {
        self.per_kind.keys().copied()
    }

    /// One kind's counts (zero for a kind that is not scored).
    pub fn kind(&self, kind: MentionKind) -> Counts {
        self.per_kind.get(&kind).copied().unwrap_or_default()
    }

    /// Counts summed over the scored kinds: micro-averaged P, R and F1.
    pub fn micro(&self) -> Counts {
        let mut total = Counts::default();
        for &c in self.per_kind.values() {
            total.add(c);
        }
        total
    }
}

impl Serialize for Scores {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Row {
            kind: MentionKind,
            #[serde(flatten)]
            counts: Counts,
        }
        let rows: Vec<Row> = self
            .per_kind
            .iter()
            .map(|(&kind, &counts)| Row { kind, counts })
            .collect();
        let mut s = serializer.serialize_struct("Scores", 2)?;
        s.serialize_field("per_kind", &rows)?;
        s.serialize_field("micro", &self.micro())?;
        s.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use MentionKind::{Date, Organization, Person, Place, Title};

    fn m(start: usize, end: usize, kind: MentionKind) -> Mention {
        Mention {
            start,
            end,
            kind,
            text: String::new(),
        }
    }

    const KINDS: [MentionKind; 3] = [Person, Organization, Place];

    #[test]
    fn strict_spans_and_kinds() {
        let gold = [m(0, 2, Person), m(3, 6, Place), m(7, 10, Organization)];
        let predicted = [
            m(0, 2, Person),        // tp
            m(3, 5, Place),         // fp: boundary
            m(7, 10, Place),        // fp: wrong kind
            m(12, 13, Date),        // ignored: not annotated
            m(12, 14, Title),       // ignored: not annotated
            m(7, 10, Organization), // tp
        ];
        let o = score_sentence(&KINDS, &gold, &[], &predicted);
        assert_eq!(
            o.counts[&Person],
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(
            o.counts[&Place],
            Counts {
                tp: 0,
                fp: 2,
                fn_: 1
            }
        );
        assert_eq!(
            o.counts[&Organization],
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(o.false_positives, vec![m(3, 5, Place), m(7, 10, Place)]);
        assert_eq!(o.false_negatives, vec![m(3, 6, Place)]);
        assert_eq!(o.ignored, BTreeMap::from([(Title, 1), (Date, 1)]));
    }

    #[test]
    fn duplicate_predictions_count_once() {
        let gold = [m(0, 2, Person)];
        let o = score_sentence(&KINDS, &gold, &[], &[m(0, 2, Person), m(0, 2, Person)]);
        assert_eq!(
            o.counts[&Person],
            Counts {
                tp: 1,
                fp: 1,
                fn_: 0
            }
        );
    }

    #[test]
    fn predictions_on_skipped_gold_spans_are_ignored() {
        let skipped = [SkippedSpan {
            start: 0,
            end: 2,
            label: "company".into(),
        }];
        let o = score_sentence(
            &KINDS,
            &[],
            &skipped,
            &[m(0, 2, Organization), m(0, 3, Organization)],
        );
        assert_eq!(
            o.counts[&Organization],
            Counts {
                tp: 0,
                fp: 1,
                fn_: 0
            }
        );
        assert_eq!(o.ignored, BTreeMap::from([(Organization, 1)]));
    }

    #[test]
    fn precision_recall_f1_by_hand() {
        // person: 8 right, 2 wrong, 4 missed → P 0.8, R 8/12, F1 16/22.
        // place:  3 right, 3 wrong, 1 missed → P 0.5, R 0.75, F1 6/10.
        // micro:  11 right, 5 wrong, 5 missed → P = R = F1 = 11/16.
        let mut scores = Scores::new(&KINDS);
        scores.add(&BTreeMap::from([
            (
                Person,
                Counts {
                    tp: 8,
                    fp: 2,
                    fn_: 4,
                },
            ),
            (
                Place,
                Counts {
                    tp: 3,
                    fp: 3,
                    fn_: 1,
                },
            ),
        ]));
        let close = |a: f64, b: f64| (a - b).abs() < 1e-12;
        let per = scores.kind(Person);
        assert!(close(per.precision(), 0.8));
        assert!(close(per.recall(), 8.0 / 12.0));
        assert!(close(per.f1(), 16.0 / 22.0));
        let place = scores.kind(Place);
        assert!(close(place.precision(), 0.5));
        assert!(close(place.recall(), 0.75));
        assert!(close(place.f1(), 0.6));
        let micro = scores.micro();
        assert_eq!(
            micro,
            Counts {
                tp: 11,
                fp: 5,
                fn_: 5
            }
        );
        assert!(close(micro.precision(), 11.0 / 16.0));
        assert!(close(micro.recall(), 11.0 / 16.0));
        assert!(close(micro.f1(), 11.0 / 16.0));
        // A kind with nothing at all scores 0, not NaN.
        let org = scores.kind(Organization);
        assert_eq!((org.precision(), org.recall(), org.f1()), (0.0, 0.0, 0.0));
        assert_eq!(
            scores.kinds().collect::<Vec<_>>(),
            vec![Person, Organization, Place]
        );
    }

    #[test]
    fn scores_serialize_with_derived_figures() {
        let mut scores = Scores::new(&[Person]);
        scores.add(&BTreeMap::from([(
            Person,
            Counts {
                tp: 1,
                fp: 1,
                fn_: 0,
            },
        )]));
        let json = serde_json::to_value(&scores).unwrap();
        assert_eq!(json["per_kind"][0]["kind"], "person");
        assert_eq!(json["per_kind"][0]["fn"], 0);
        assert_eq!(json["per_kind"][0]["precision"], 0.5);
        assert_eq!(json["micro"]["recall"], 1.0);
        assert_eq!(json["micro"]["gold"], 1);
    }
}
