//! Training: annotated sentences (the allowed splits of `../shared/eval/`) come in,
//! a [`Model`] comes out, learnt by an averaged structured perceptron with partial
//! labels. A corpus that does not annotate a kind leaves it open: People's Daily has
//! no job titles, so its unlabelled characters may be O or a title, and the
//! perceptron's target is the best sequence the annotation allows under the current
//! weights. Deterministic for the same inputs, options and seed.
//!
//! [`corpus`](corpus()) reads the annotated sets (`examples` turns their annotation
//! into the labels each character may take, `augment` adds mention-replaced copies
//! and synthetic name lists, `overlap` keeps scored text out); [`train`](train())
//! runs the perceptron over them.

mod augment;
mod corpus;
mod examples;
mod overlap;

pub use augment::{name_lists, CLUENER_AUGMENT, PEOPLES_DAILY_AUGMENT};
pub use corpus::{
    corpus, Corpus, CorpusOptions, CLUENER_REPEAT, MSRA_TRAIN, NAME_LISTS, PEOPLES_DAILY_1998,
    PEOPLES_DAILY_HOLDOUT, PEOPLES_DAILY_REPEAT, TRAIN_FILES,
};
pub use examples::{example, examples, peoples_daily_1998_examples, Example};

use super::features::{Featurizer, SentenceFeatures};
use super::label::LABEL_COUNT;
use super::model::{Model, WeightRow};
use super::viterbi::{viterbi, LabelScores, Transitions};
use std::collections::HashMap;

/// How [`train`](train()) runs.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// Seed of the example order.
    pub seed: u64,
    /// Keep at most this many features, those of largest total weight: the model's
    /// key table is probed for every feature of every character, and a table that
    /// stays in the caches is faster.
    pub max_features: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 10,
            seed: 1,
            max_features: MAX_FEATURES,
        }
    }
}

/// A small deterministic generator for the example order (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

/// Perceptron weights with what averaging them needs: the sum over every update
/// of the update's step times its change, from which the average over all steps
/// follows without adding up the weights at each.
struct AveragedWeights {
    current: Vec<i32>,
    step_weighted: Vec<i64>,
}

impl AveragedWeights {
    fn new(n: usize) -> AveragedWeights {
        AveragedWeights {
            current: vec![0; n],
            step_weighted: vec![0; n],
        }
    }

    /// Adds `change` to weight `i` at step `step`.
    #[inline]
    fn add(&mut self, i: usize, change: i32, step: i64) {
        self.current[i] += change;
        self.step_weighted[i] += step * i64::from(change);
    }

    /// The average of weight `i` over the values it had before each of steps 1 to
    /// `steps`.
    fn average(&self, i: usize, steps: i64) -> f64 {
        f64::from(self.current[i]) - self.step_weighted[i] as f64 / steps as f64
    }
}

/// Trains a model; `progress(epoch, errors)` is called after each pass with the
/// share of training characters whose predicted label was wrong.
pub fn train(
    featurizer: &Featurizer,
    data: &[Example],
    opts: &TrainOptions,
    mut progress: impl FnMut(usize, f64),
) -> Model {
    // Feature keys → dense ids, sentence by sentence: per sentence, the ids of its
    // keys and the offsets of each position's.
    let mut ids: HashMap<u32, u32> = HashMap::new();
    let mut keys: Vec<u32> = Vec::new();
    let mut sentences: Vec<(Vec<u32>, Vec<u32>)> = Vec::with_capacity(data.len());
    let mut features = SentenceFeatures::default();
    for example in data {
        featurizer.features(&example.text, &mut features);
        let sentence_ids: Vec<u32> = features
            .keys
            .iter()
            .map(|&k| {
                *ids.entry(k).or_insert_with(|| {
                    keys.push(k);
                    (keys.len() - 1) as u32
                })
            })
            .collect();
        sentences.push((sentence_ids, features.offsets.clone()));
    }
    let feature_count = keys.len();
    let mut feature_weights = AveragedWeights::new(feature_count * LABEL_COUNT);
    let mut transition_weights = AveragedWeights::new(LABEL_COUNT * LABEL_COUNT);
    let mut start_weights = AveragedWeights::new(LABEL_COUNT);
    // One step per example seen.
    let mut step: i64 = 1;
    let mut rng = Rng(opts.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut emissions: Vec<i32> = Vec::new();
    let (mut predicted, mut gold) = (Vec::new(), Vec::new());
    let total_chars: usize = data.iter().map(|e| e.allowed.len()).sum();
    for epoch in 0..opts.epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut wrong = 0usize;
        for &e in &order {
            let example = &data[e];
            let (sentence_ids, offsets) = &sentences[e];
            let n = offsets.len() - 1;
            if n == 0 || n != example.allowed.len() {
                step += 1;
                continue;
            }
            let ids_at = |p: usize| &sentence_ids[offsets[p] as usize..offsets[p + 1] as usize];
            emissions.clear();
            emissions.resize(n * LABEL_COUNT, 0);
            for p in 0..n {
                for &id in ids_at(p) {
                    let base = id as usize * LABEL_COUNT;
                    for l in 0..LABEL_COUNT {
                        emissions[p * LABEL_COUNT + l] += feature_weights.current[base + l];
                    }
                }
            }
            let transitions: Transitions = std::array::from_fn(|a| {
                std::array::from_fn(|b| transition_weights.current[a * LABEL_COUNT + b])
            });
            let start: LabelScores = std::array::from_fn(|l| start_weights.current[l]);
            viterbi(&emissions, &transitions, &start, None, &mut predicted);
            // The target: the best sequence the annotation allows.
            viterbi(
                &emissions,
                &transitions,
                &start,
                Some(&example.allowed),
                &mut gold,
            );
            if predicted != gold {
                for p in 0..n {
                    let (want, got) = (gold[p] as usize, predicted[p] as usize);
                    if want != got {
                        wrong += 1;
                        for &id in ids_at(p) {
                            let base = id as usize * LABEL_COUNT;
                            feature_weights.add(base + want, 1, step);
                            feature_weights.add(base + got, -1, step);
                        }
                    }
                    if p == 0 {
                        if want != got {
                            start_weights.add(want, 1, step);
                            start_weights.add(got, -1, step);
                        }
                    } else {
                        let (want_prev, got_prev) =
                            (gold[p - 1] as usize, predicted[p - 1] as usize);
                        if (want_prev, want) != (got_prev, got) {
                            transition_weights.add(want_prev * LABEL_COUNT + want, 1, step);
                            transition_weights.add(got_prev * LABEL_COUNT + got, -1, step);
                        }
                    }
                }
            }
            step += 1;
        }
        progress(epoch + 1, wrong as f64 / total_chars.max(1) as f64);
    }

    let averaged: Vec<f64> = (0..feature_count * LABEL_COUNT)
        .map(|i| feature_weights.average(i, step))
        .collect();
    // Quantise to 16 bits with one scale for everything.
    let max = averaged
        .iter()
        .fold(0.0f64, |m, x| m.max(x.abs()))
        .max(1e-9);
    let scale = 32000.0 / max;
    let quantise = |x: f64| (x * scale).round() as i32;
    let mut features: Vec<(u32, WeightRow)> = (0..feature_count)
        .map(|id| {
            let row: WeightRow =
                std::array::from_fn(|l| quantise(averaged[id * LABEL_COUNT + l]) as i16);
            (keys[id], row)
        })
        .filter(|(_, row)| row.iter().any(|&x| x != 0))
        .collect();
    if features.len() > opts.max_features {
        let total = |row: &WeightRow| row.iter().map(|&x| i64::from(x).abs()).sum::<i64>();
        features.sort_by(|a, b| total(&b.1).cmp(&total(&a.1)).then(a.0.cmp(&b.0)));
        features.truncate(opts.max_features);
    }
    let transitions: Transitions = std::array::from_fn(|a| {
        std::array::from_fn(|b| quantise(transition_weights.average(a * LABEL_COUNT + b, step)))
    });
    let start: LabelScores = std::array::from_fn(|l| quantise(start_weights.average(l, step)));
    Model::from_parts(features, transitions, start)
}

/// Features kept by default (see [`TrainOptions::max_features`]).
pub const MAX_FEATURES: usize = 150_000;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::gold::parse_gold;
    use crate::eval::GoldFormat;
    use crate::lexicon::Lexicon;
    use crate::mention::MentionKind;
    use std::path::Path;

    #[test]
    fn learns_a_toy_set_deterministically() {
        // Resume-style BMES: every kind is annotated, so nothing is left open.
        let lines = "张 B-NAME\n三 E-NAME\n在 O\n郑 B-LOC\n州 E-LOC\n\n\
                     李 B-NAME\n四 E-NAME\n去 O\n郑 B-LOC\n州 E-LOC\n\n";
        let set = parse_gold(lines, Path::new("x.bmes"), GoldFormat::Bmes).unwrap();
        let data = examples(&set);
        let featurizer = Featurizer::new(&Lexicon::embedded());
        let opts = TrainOptions {
            epochs: 5,
            seed: 7,
            ..TrainOptions::default()
        };
        let model = train(&featurizer, &data, &opts, |_, _| {});
        let again = train(&featurizer, &data, &opts, |_, _| {});
        assert_eq!(model.to_bytes(), again.to_bytes());
        let mut features = SentenceFeatures::default();
        featurizer.features("张三在郑州", &mut features);
        let spans = crate::ner::label::spans(&model.decode(&features));
        // Resume leaves places open, so 在 may come out either way; the names may not.
        assert!(spans.contains(&(0, 2, MentionKind::Person)), "{spans:?}");
        assert!(spans.contains(&(3, 5, MentionKind::Place)), "{spans:?}");
    }

    #[test]
    fn averaged_weights_average_the_value_before_each_step() {
        let mut w = AveragedWeights::new(2);
        // Before steps 1 to 5: 0, 2, 2, 1, 1.
        w.add(0, 2, 1);
        w.add(0, -1, 3);
        assert_eq!(w.current[0], 1);
        assert!((w.average(0, 5) - 1.2).abs() < 1e-12);
        assert_eq!(w.average(1, 5), 0.0);
    }

    #[test]
    fn the_example_order_generator_is_fixed() {
        // Training is reproducible only while this sequence stays the same.
        let mut rng = Rng(1);
        assert_eq!(rng.next(), 5_180_492_295_206_395_165);
        let (mut a, mut b) = (Rng(42), Rng(42));
        assert!((0..100).all(|_| a.next() == b.next()));
    }
}
