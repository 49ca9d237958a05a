//! Training: annotated sentences (the allowed splits of `../shared/eval/`) come in,
//! a [`Model`] comes out, learnt by an averaged structured perceptron with partial
//! labels. A corpus that does not annotate a kind leaves it open: People's Daily has
//! no job titles, so its unlabelled characters may be O or a title, and the
//! perceptron's target is the best sequence the annotation allows under the current
//! weights. Deterministic for the same inputs, options and seed.

use super::features::{Feats, Featurizer};
use super::model::{self, viterbi, Model, NL};
use crate::eval::{GoldFormat, GoldSentence, GoldSet};
use crate::extract::Mention;
use crate::extract::MentionKind;
use std::collections::HashMap;

/// One training sentence: its characters and, per character, the labels the
/// annotation allows (bit `l` for label `l`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// The sentence.
    pub text: String,
    /// Allowed labels per character.
    pub allowed: Vec<u32>,
}

const ALL: u32 = (1 << NL) - 1;

fn only(l: u8) -> u32 {
    1 << l
}

fn title_or_o() -> u32 {
    only(model::O) | model::kind_mask(MentionKind::Title)
}

fn place_or_o() -> u32 {
    only(model::O) | model::kind_mask(MentionKind::Place)
}

fn set_span(allowed: &mut [u32], start: usize, end: usize, kind: MentionKind) {
    let Some(b) = model::begin(kind) else {
        return;
    };
    if start >= end || end > allowed.len() {
        return;
    }
    if end - start == 1 {
        allowed[start] = only(b + model::S);
        return;
    }
    allowed[start] = only(b + model::B);
    for x in &mut allowed[start + 1..end - 1] {
        *x = only(b + model::I);
    }
    allowed[end - 1] = only(b + model::E);
}

/// What an unscored source label means for training: unknown (any label), or not
/// an entity of ours (O).
enum Skipped {
    Unknown,
    Outside,
}

fn skipped_label(format: GoldFormat, label: &str) -> Skipped {
    match (format, label) {
        // CLUENER's companies and clubs follow other boundaries than news
        // organisations; scenic spots are sometimes places, sometimes not; Resume's
        // CONT spans (中国国籍) hold a country inside a longer span: all left open.
        (GoldFormat::Cluener, "company" | "organization" | "scene")
        | (GoldFormat::Bmes, "CONT") => Skipped::Unknown,
        _ => Skipped::Outside,
    }
}

/// Training examples from a gold set, with its annotation conventions.
pub fn examples(set: &GoldSet) -> Vec<Example> {
    set.sentences
        .iter()
        .map(|s| example(set.format, s))
        .collect()
}

/// One training example from a gold sentence.
pub fn example(format: GoldFormat, s: &GoldSentence) -> Example {
    let n = s.chars();
    // People's Daily and MSRA do not annotate posts: leave them open.
    // Resume annotates hardly any places (they sit inside organisations, schools
    // and nationalities): leave places open there.
    let default = match format {
        GoldFormat::Bio => title_or_o(),
        GoldFormat::Bmes => place_or_o(),
        // CLUENER's addresses join divisions into one span (青海省曲麻莱县) and skip
        // many country names: places are learnt from People's Daily alone.
        GoldFormat::Cluener => place_or_o(),
    };
    let mut allowed = vec![default; n];
    for sp in &s.skipped {
        match skipped_label(format, &sp.label) {
            Skipped::Unknown => {
                for x in &mut allowed[sp.start.min(n)..sp.end.min(n)] {
                    *x = ALL;
                }
            }
            Skipped::Outside => {
                for x in &mut allowed[sp.start.min(n)..sp.end.min(n)] {
                    *x = only(model::O);
                }
            }
        }
    }
    for m in &s.entities {
        if format == GoldFormat::Cluener && m.kind == MentionKind::Place {
            continue;
        }
        set_span(&mut allowed, m.start, m.end, m.kind);
    }
    Example {
        text: s.text.clone(),
        allowed,
    }
}

/// Training options.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// Seed of the example order.
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 10,
            seed: 1,
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
    let mut f = Feats::default();
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
        sent_feats.push((flat, f.offs.clone()));
    }
    let nf = keys.len();
    let mut w = Weights::new(nf * NL);
    let mut tw = Weights::new(NL * NL);
    let mut sw = Weights::new(NL);
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
            em.resize(n * NL, 0);
            for p in 0..n {
                for &id in &flat[offs[p] as usize..offs[p + 1] as usize] {
                    let base = id as usize * NL;
                    for l in 0..NL {
                        em[p * NL + l] += w.w[base + l];
                    }
                }
            }
            let trans: [[i32; NL]; NL] =
                std::array::from_fn(|a| std::array::from_fn(|b| tw.w[a * NL + b]));
            let start: [i32; NL] = std::array::from_fn(|l| sw.w[l]);
            viterbi(&em, &trans, &start, None, &mut pred);
            viterbi(&em, &trans, &start, Some(&ex.allowed), &mut gold);
            if pred != gold {
                for p in 0..n {
                    let (g, q) = (gold[p] as usize, pred[p] as usize);
                    if g != q {
                        wrong += 1;
                        for &id in &flat[offs[p] as usize..offs[p + 1] as usize] {
                            let base = id as usize * NL;
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
                            tw.add(gp * NL + g, 1, c);
                            tw.add(qp * NL + q, -1, c);
                        }
                    }
                }
            }
            c += 1;
        }
        progress(epoch + 1, wrong as f64 / total_chars.max(1) as f64);
    }

    let avg: Vec<f64> = (0..nf * NL).map(|i| w.average(i, c)).collect();
    // Quantise to 16 bits with one scale for everything.
    let max = avg.iter().fold(0.0f64, |m, x| m.max(x.abs())).max(1e-9);
    let scale = 32000.0 / max;
    let q = |x: f64| (x * scale).round() as i32;
    let feats: Vec<(u32, [i16; NL])> = (0..nf)
        .map(|id| {
            let wv: [i16; NL] = std::array::from_fn(|l| q(avg[id * NL + l]) as i16);
            (keys[id], wv)
        })
        .collect();
    let trans: [[i32; NL]; NL] =
        std::array::from_fn(|a| std::array::from_fn(|b| q(tw.average(a * NL + b, c))));
    let start: [i32; NL] = std::array::from_fn(|l| q(sw.average(l, c)));
    Model::from_parts(feats, trans, start)
}

/// People's Daily dev sentences held out from training (the first ones of the
/// file): `zhkg eval --limit 800 …/peoples-daily/dev.bio` scores only unseen text.
pub const PD_HOLDOUT: usize = 800;

/// How many times each People's Daily sentence is seen per pass: the only corpus
/// in the style of MSRA and of the news zhkg reads, and the smallest.
pub const PD_REPEAT: usize = 9;

/// The allowed training splits of `../shared/eval/`, relative to that folder. The
/// report-only sets (`msra/test.bio`, `resume/test.bmes`) and the CLUENER dev set
/// are never read.
pub const TRAIN_FILES: [&str; 4] = [
    "peoples-daily/dev.bio",
    "cluener2020/train.jsonl",
    "resume/train.bmes",
    "resume/dev.bmes",
];

/// How many copies of each People's Daily sentence with an entity are added per
/// pass, every person, place and organisation in them replaced by another of its
/// kind from the training sentences (mention replacement): the model learns an
/// entity from its context and shape rather than from the few hundred names the
/// corpus holds.
pub const PD_AUGMENT: usize = 9;

/// How many copies of each CLUENER sentence with a name are added per pass, the
/// names replaced by other CLUENER names (its government bodies are kept: their
/// substitutes made news organisations worse).
pub const CLUENER_AUGMENT: usize = 1;

/// Substitutes per kind (an empty pool: that kind is kept as it is).
pub struct Pools {
    person: Vec<String>,
    place: Vec<String>,
    org: Vec<String>,
}

impl Pools {
    fn of(&self, kind: MentionKind) -> &[String] {
        match kind {
            MentionKind::Person => &self.person,
            MentionKind::Place => &self.place,
            MentionKind::Organization => &self.org,
            _ => &[],
        }
    }
}

fn kind_pool(train: &[GoldSentence], kind: MentionKind) -> Vec<String> {
    let mut v: Vec<String> = train
        .iter()
        .flat_map(|s| s.entities.iter())
        .filter(|m| m.kind == kind)
        .map(|m| m.text.clone())
        .collect();
    v.sort();
    v.dedup();
    v
}

/// A copy of `s` with every entity whose kind has a pool replaced by one drawn from
/// it, the offsets of the other spans moved along.
fn replace_mentions(s: &GoldSentence, pools: &Pools, rng: &mut Rng) -> GoldSentence {
    let chars: Vec<char> = s.text.chars().collect();
    let mut targets: Vec<&Mention> = s
        .entities
        .iter()
        .filter(|m| !pools.of(m.kind).is_empty())
        .collect();
    targets.sort_by_key(|m| m.start);
    // Old position → new position, for every boundary.
    let mut map = vec![0usize; chars.len() + 1];
    let mut text = String::new();
    let mut newpos = 0usize;
    let mut repl: Vec<(usize, usize, String, MentionKind)> = Vec::new();
    let mut i = 0usize;
    let mut pi = 0usize;
    while i < chars.len() {
        map[i] = newpos;
        if pi < targets.len() && targets[pi].start == i && targets[pi].end > i {
            let p = targets[pi];
            let pool = pools.of(p.kind);
            let name = &pool[(rng.next() % pool.len() as u64) as usize];
            let n = name.chars().count();
            text.push_str(name);
            repl.push((newpos, newpos + n, name.clone(), p.kind));
            for x in &mut map[i + 1..p.end.min(chars.len())] {
                *x = newpos;
            }
            newpos += n;
            i = p.end.min(chars.len());
            pi += 1;
            continue;
        }
        while pi < targets.len() && targets[pi].start < i {
            pi += 1;
        }
        text.push(chars[i]);
        newpos += 1;
        i += 1;
    }
    map[chars.len()] = newpos;
    let mut entities: Vec<Mention> = s
        .entities
        .iter()
        .filter(|m| pools.of(m.kind).is_empty())
        .map(|m| Mention {
            start: map[m.start.min(chars.len())],
            end: map[m.end.min(chars.len())],
            kind: m.kind,
            text: m.text.clone(),
        })
        .collect();
    for (a, b, t, kind) in repl {
        entities.push(Mention {
            start: a,
            end: b,
            kind,
            text: t,
        });
    }
    entities.sort_by_key(|m| (m.start, m.end));
    let skipped = s
        .skipped
        .iter()
        .map(|sp| crate::eval::gold::SkippedSpan {
            start: map[sp.start.min(chars.len())],
            end: map[sp.end.min(chars.len())],
            label: sp.label.clone(),
        })
        .collect();
    GoldSentence {
        text,
        entities,
        skipped,
    }
}

/// The training examples and, per file, how many sentences were taken from it.
pub type Corpus = (Vec<Example>, Vec<(String, usize)>);

/// Reads the training corpus from `dir`: every file of [`TRAIN_FILES`], People's
/// Daily without its first `pd_holdout` sentences and repeated `pd_repeat` times
/// (it is the only corpus in the news style of MSRA). Returns the examples and,
/// per file, how many sentences were taken.
pub fn corpus(dir: &std::path::Path, pd_holdout: usize, pd_repeat: usize) -> crate::Result<Corpus> {
    let mut out = Vec::new();
    let mut summary = Vec::new();
    for name in TRAIN_FILES {
        let path = dir.join(name);
        let format = GoldFormat::guess(&path).expect("known extension");
        let set = crate::eval::read_gold(&path, format)?;
        let mut ex = examples(&set);
        if name.starts_with("peoples-daily") {
            ex.drain(..pd_holdout.min(ex.len()));
            let once = ex.clone();
            for _ in 1..pd_repeat {
                ex.extend(once.iter().cloned());
            }
            let train = &set.sentences[pd_holdout.min(set.sentences.len())..];
            {
                let pools = Pools {
                    person: kind_pool(train, MentionKind::Person),
                    place: kind_pool(train, MentionKind::Place),
                    org: kind_pool(train, MentionKind::Organization),
                };
                let mut rng = Rng(0x0005_EED0_FA11_u64);
                for _ in 0..PD_AUGMENT {
                    for s in train {
                        if s.entities.iter().any(|m| !pools.of(m.kind).is_empty()) {
                            ex.push(example(format, &replace_mentions(s, &pools, &mut rng)));
                        }
                    }
                }
            }
        }
        if format == GoldFormat::Cluener {
            let pools = Pools {
                person: kind_pool(&set.sentences, MentionKind::Person),
                place: Vec::new(),
                org: Vec::new(),
            };
            let mut rng = Rng(0x00C1_0E4E_u64);
            for _ in 0..CLUENER_AUGMENT {
                for s in &set.sentences {
                    if s.entities.iter().any(|m| !pools.of(m.kind).is_empty()) {
                        ex.push(example(format, &replace_mentions(s, &pools, &mut rng)));
                    }
                }
            }
        }
        summary.push((name.to_string(), ex.len()));
        out.extend(ex);
    }
    Ok((out, summary))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::gold::parse_gold;
    use crate::lexicon::Lexicon;
    use std::path::Path;

    #[test]
    fn partial_labels_leave_titles_open_in_bio() {
        let set = parse_gold(
            "张\tB-PER\n三\tI-PER\n说\tO\n\n",
            Path::new("x.bio"),
            GoldFormat::Bio,
        )
        .unwrap();
        let ex = examples(&set);
        assert_eq!(ex[0].allowed, [only(1), only(3), title_or_o()]);
    }

    #[test]
    fn learns_a_toy_set_deterministically() {
        // Resume-style BMES: every kind is annotated, so nothing is left open.
        let lines = "张 B-NAME\n三 E-NAME\n在 O\n郑 B-LOC\n州 E-LOC\n\n\
                     李 B-NAME\n四 E-NAME\n去 O\n郑 B-LOC\n州 E-LOC\n\n";
        let set = parse_gold(lines, Path::new("x.bmes"), GoldFormat::Bmes).unwrap();
        let data = examples(&set);
        let feat = Featurizer::new(&Lexicon::embedded());
        let opts = TrainOptions { epochs: 5, seed: 7 };
        let m = train(&feat, &data, &opts, |_, _| {});
        let m2 = train(&feat, &data, &opts, |_, _| {});
        assert_eq!(m.to_bytes(), m2.to_bytes());
        let mut f = Feats::default();
        feat.features("张三在郑州", &mut f);
        let spans = model::spans(&m.decode(&f));
        // Resume leaves places open, so 在 may come out either way; the names may not.
        assert!(spans.contains(&(0, 2, MentionKind::Person)), "{spans:?}");
        assert!(spans.contains(&(3, 5, MentionKind::Place)), "{spans:?}");
    }
}
