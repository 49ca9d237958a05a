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

pub use augment::{name_lists, CLUENER_AUGMENT, PD_AUGMENT};
pub use corpus::{
    corpus, Corpus, CorpusOptions, CLUENER_REPEAT, MSRA_TRAIN, NAME_LISTS, PD1998, PD_HOLDOUT,
    PD_REPEAT, TRAIN_FILES,
};
pub use examples::{example, examples, pd1998_examples, Example};

use super::features::{Featurizer, SentenceFeatures};
use super::label::LABEL_COUNT;
use super::model::Model;
use super::viterbi::viterbi;
use std::collections::HashMap;

/// Training options.
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

struct Weights {
    w: Vec<i32>,
    acc: Vec<i64>,
}

impl Weights {
    fn new(n: usize) -> Weights {
        Weights {
            w: vec![0; n],
            acc: vec![0; n],
        }
    }

    #[inline]
    fn add(&mut self, i: usize, d: i32, c: i64) {
        self.w[i] += d;
        self.acc[i] += c * i64::from(d);
    }

    fn average(&self, i: usize, c: i64) -> f64 {
        f64::from(self.w[i]) - self.acc[i] as f64 / c as f64
    }
}

/// Trains a model; `progress(epoch, errors)` is called after each pass with the
/// share of training characters whose predicted label was wrong.
pub fn train(
    feat: &Featurizer,
    data: &[Example],
    opts: &TrainOptions,
    mut progress: impl FnMut(usize, f64),
) -> Model {
    // Feature keys → dense ids, sentence by sentence.
    let mut ids: HashMap<u32, u32> = HashMap::new();
    let mut keys: Vec<u32> = Vec::new();
    let mut sent_feats: Vec<(Vec<u32>, Vec<u32>)> = Vec::with_capacity(data.len());
    let mut f = SentenceFeatures::default();
    for ex in data {
        feat.features(&ex.text, &mut f);
        let flat: Vec<u32> = f
            .keys
            .iter()
            .map(|&k| {
                *ids.entry(k).or_insert_with(|| {
                    keys.push(k);
                    (keys.len() - 1) as u32
                })
            })
            .collect();
        sent_feats.push((flat, f.offsets.clone()));
    }
    let nf = keys.len();
    let mut w = Weights::new(nf * LABEL_COUNT);
    let mut tw = Weights::new(LABEL_COUNT * LABEL_COUNT);
    let mut sw = Weights::new(LABEL_COUNT);
    let mut c: i64 = 1;
    let mut rng = Rng(opts.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut em: Vec<i32> = Vec::new();
    let (mut pred, mut gold) = (Vec::new(), Vec::new());
    let total_chars: usize = data.iter().map(|e| e.allowed.len()).sum();
    for epoch in 0..opts.epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut wrong = 0usize;
        for &e in &order {
            let ex = &data[e];
            let (flat, offs) = &sent_feats[e];
            let n = offs.len() - 1;
            if n == 0 || n != ex.allowed.len() {
                c += 1;
                continue;
            }
            em.clear();
            em.resize(n * LABEL_COUNT, 0);
            for p in 0..n {
                for &id in &flat[offs[p] as usize..offs[p + 1] as usize] {
                    let base = id as usize * LABEL_COUNT;
                    for l in 0..LABEL_COUNT {
                        em[p * LABEL_COUNT + l] += w.w[base + l];
                    }
                }
            }
            let trans: [[i32; LABEL_COUNT]; LABEL_COUNT] =
                std::array::from_fn(|a| std::array::from_fn(|b| tw.w[a * LABEL_COUNT + b]));
            let start: [i32; LABEL_COUNT] = std::array::from_fn(|l| sw.w[l]);
            viterbi(&em, &trans, &start, None, &mut pred);
            viterbi(&em, &trans, &start, Some(&ex.allowed), &mut gold);
            if pred != gold {
                for p in 0..n {
                    let (g, q) = (gold[p] as usize, pred[p] as usize);
                    if g != q {
                        wrong += 1;
                        for &id in &flat[offs[p] as usize..offs[p + 1] as usize] {
                            let base = id as usize * LABEL_COUNT;
                            w.add(base + g, 1, c);
                            w.add(base + q, -1, c);
                        }
                    }
                    if p == 0 {
                        if g != q {
                            sw.add(g, 1, c);
                            sw.add(q, -1, c);
                        }
                    } else {
                        let (gp, qp) = (gold[p - 1] as usize, pred[p - 1] as usize);
                        if (gp, g) != (qp, q) {
                            tw.add(gp * LABEL_COUNT + g, 1, c);
                            tw.add(qp * LABEL_COUNT + q, -1, c);
                        }
                    }
                }
            }
            c += 1;
        }
        progress(epoch + 1, wrong as f64 / total_chars.max(1) as f64);
    }

    let avg: Vec<f64> = (0..nf * LABEL_COUNT).map(|i| w.average(i, c)).collect();
    // Quantise to 16 bits with one scale for everything.
    let max = avg.iter().fold(0.0f64, |m, x| m.max(x.abs())).max(1e-9);
    let scale = 32000.0 / max;
    let q = |x: f64| (x * scale).round() as i32;
    let mut feats: Vec<(u32, [i16; LABEL_COUNT])> = (0..nf)
        .map(|id| {
            let wv: [i16; LABEL_COUNT] =
                std::array::from_fn(|l| q(avg[id * LABEL_COUNT + l]) as i16);
            (keys[id], wv)
        })
        .filter(|(_, w)| w.iter().any(|&x| x != 0))
        .collect();
    if feats.len() > opts.max_features {
        let l1 = |w: &[i16; LABEL_COUNT]| w.iter().map(|&x| i64::from(x).abs()).sum::<i64>();
        feats.sort_by(|a, b| l1(&b.1).cmp(&l1(&a.1)).then(a.0.cmp(&b.0)));
        feats.truncate(opts.max_features);
    }
    let trans: [[i32; LABEL_COUNT]; LABEL_COUNT] =
        std::array::from_fn(|a| std::array::from_fn(|b| q(tw.average(a * LABEL_COUNT + b, c))));
    let start: [i32; LABEL_COUNT] = std::array::from_fn(|l| q(sw.average(l, c)));
    Model::from_parts(feats, trans, start)
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
        let feat = Featurizer::new(&Lexicon::embedded());
        let opts = TrainOptions {
            epochs: 5,
            seed: 7,
            ..TrainOptions::default()
        };
        let m = train(&feat, &data, &opts, |_, _| {});
        let m2 = train(&feat, &data, &opts, |_, _| {});
        assert_eq!(m.to_bytes(), m2.to_bytes());
        let mut f = SentenceFeatures::default();
        feat.features("张三在郑州", &mut f);
        let spans = crate::ner::label::spans(&m.decode(&f));
        // Resume leaves places open, so 在 may come out either way; the names may not.
        assert!(spans.contains(&(0, 2, MentionKind::Person)), "{spans:?}");
        assert!(spans.contains(&(3, 5, MentionKind::Place)), "{spans:?}");
    }
}
