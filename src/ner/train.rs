//! Training: annotated sentences (the allowed splits of `../shared/eval/`) come in,
//! a [`Model`] comes out, learnt by an averaged structured perceptron with partial
//! labels. A corpus that does not annotate a kind leaves it open: People's Daily has
//! no job titles, so its unlabelled characters may be O or a title, and the
//! perceptron's target is the best sequence the annotation allows under the current
//! weights. Deterministic for the same inputs, options and seed.

use super::features::{Feats, Featurizer};
use super::label::{labels_of, Label, LabelSet, Part, LABEL_COUNT};
use super::model::Model;
use super::viterbi::viterbi;
use crate::eval::{GoldFormat, GoldSentence, GoldSet};
use crate::extract::Mention;
use crate::mention::MentionKind;
use std::collections::HashMap;

/// One training sentence: its characters and, per character, the labels the
/// annotation allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// The sentence.
    pub text: String,
    /// Allowed labels per character.
    pub allowed: Vec<LabelSet>,
}

/// Every label but a one-character post. Where an annotation leaves posts open,
/// the perceptron's target is its own best guess, and a lone character taken for
/// a post (the 南 of 南方) was then learnt back; posts of one character are rare
/// enough to close.
const ANY: LabelSet = ((1 << LABEL_COUNT) - 1) & !Label::TitleSingle.bit();

fn title_or_outside() -> LabelSet {
    (Label::Outside.bit() | labels_of(MentionKind::Title)) & ANY
}

fn place_or_outside() -> LabelSet {
    Label::Outside.bit() | labels_of(MentionKind::Place)
}

/// Allows only the labels of one span of `kind` over `allowed[start..end]`.
fn set_span(allowed: &mut [LabelSet], start: usize, end: usize, kind: MentionKind) {
    if labels_of(kind) == 0 || start >= end || end > allowed.len() {
        return;
    }
    let only = |part| Label::new(kind, part).map_or(0, Label::bit);
    if end - start == 1 {
        allowed[start] = only(Part::Single);
        return;
    }
    allowed[start] = only(Part::Begin);
    for x in &mut allowed[start + 1..end - 1] {
        *x = only(Part::Inside);
    }
    allowed[end - 1] = only(Part::End);
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
        GoldFormat::Bio => title_or_outside(),
        GoldFormat::Bmes => place_or_outside(),
        // CLUENER's addresses join divisions into one span (青海省曲麻莱县) and skip
        // many country names: places are learnt from People's Daily alone.
        GoldFormat::Cluener => place_or_outside(),
    };
    let mut allowed = vec![default; n];
    for sp in &s.skipped {
        let fill = match skipped_label(format, &sp.label) {
            Skipped::Unknown => ANY,
            Skipped::Outside => Label::Outside.bit(),
        };
        allowed[sp.start.min(n)..sp.end.min(n)].fill(fill);
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

/// The MSRA NER training split (not the report-only test split), as
/// `scripts/fetch_training_data.sh` writes it into the extra folder: one
/// `char<SPACE>tag` a line, BMES tags over PER/LOC/ORG.
pub const MSRA_TRAIN: &str = "msra_train.bio";

/// The People's Daily January 1998 segmented and POS-tagged corpus (`word/tag`
/// separated by spaces, one paragraph a line), as the same script writes it.
pub const PD1998: &str = "pd199801.txt";

/// What [`corpus`] reads and how often.
#[derive(Debug, Clone)]
pub struct CorpusOptions {
    /// People's Daily dev sentences (from the start) kept out of training.
    pub pd_holdout: usize,
    /// How many times each People's Daily dev sentence is seen per pass.
    pub pd_repeat: usize,
    /// How many times each CLUENER training sentence is seen per pass.
    pub cluener_repeat: usize,
    /// How many synthetic name lists with no separators are added (see
    /// [`name_lists`]).
    pub name_lists: usize,
    /// The folder of [`MSRA_TRAIN`] and [`PD1998`], when they are used.
    pub extra: Option<std::path::PathBuf>,
}

impl Default for CorpusOptions {
    fn default() -> Self {
        CorpusOptions {
            pd_holdout: PD_HOLDOUT,
            pd_repeat: PD_REPEAT,
            cluener_repeat: CLUENER_REPEAT,
            name_lists: NAME_LISTS,
            extra: None,
        }
    }
}

/// Length of the character runs that make a training sentence "the same text" as
/// a scored one: long enough that datelines and stock phrases do not count.
const OVERLAP_RUN: usize = 15;

/// Hashes of every [`OVERLAP_RUN`]-character run of the texts.
fn runs(texts: impl IntoIterator<Item = String>) -> std::collections::HashSet<u64> {
    texts.into_iter().flat_map(|t| run_hashes(&t)).collect()
}

fn shares_a_run(text: &str, set: &std::collections::HashSet<u64>) -> bool {
    run_hashes(text).iter().any(|h| set.contains(h))
}

/// The hash of each [`OVERLAP_RUN`]-character window of `text`.
fn run_hashes(text: &str) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(OVERLAP_RUN)
        .map(|w| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect()
}

/// The text of every scored sentence: the report-only sets, CLUENER dev and the
/// held-out People's Daily sentences. Read only so that no extra training text
/// repeats them (MSRA's test split and the 1998 corpus share paragraphs).
fn scored_texts(dir: &std::path::Path, pd_holdout: usize) -> crate::Result<Vec<String>> {
    let mut out = Vec::new();
    for (name, limit) in [
        ("msra/test.bio", usize::MAX),
        ("resume/test.bmes", usize::MAX),
        ("cluener2020/dev.jsonl", usize::MAX),
        ("peoples-daily/dev.bio", pd_holdout),
    ] {
        let path = dir.join(name);
        if !path.exists() {
            continue;
        }
        let format = GoldFormat::guess(&path).expect("known extension");
        let set = crate::eval::read_gold(&path, format)?;
        out.extend(set.sentences.into_iter().take(limit).map(|s| s.text));
    }
    Ok(out)
}

/// Training examples from the People's Daily 1998 corpus. Its words are tagged
/// `nr` for names, but organisations and many places are split into their words
/// (中央/n 电视台/n), so only persons are taken: a run of `nr` words is one
/// person, punctuation is outside any entity, and every other character may be
/// anything but a person.
pub fn pd1998_examples(content: &str) -> Vec<Example> {
    let not_person = ANY & !labels_of(MentionKind::Person);
    let mut out = Vec::new();
    for line in content.lines() {
        let mut text = String::new();
        let mut allowed: Vec<u32> = Vec::new();
        let mut run_start: Option<usize> = None;
        let close = |allowed: &mut Vec<u32>, run_start: &mut Option<usize>| {
            if let Some(s) = run_start.take() {
                let e = allowed.len();
                set_span(allowed, s, e, MentionKind::Person);
            }
        };
        for tok in line.split_whitespace() {
            let (word, tag) = tok.rsplit_once('/').unwrap_or((tok, ""));
            if word.is_empty() {
                continue;
            }
            if tag == "nr" {
                if run_start.is_none() {
                    run_start = Some(allowed.len());
                }
            } else {
                close(&mut allowed, &mut run_start);
            }
            let fill = match tag {
                "nr" => ANY,
                "w" => Label::Outside.bit(),
                _ => not_person,
            };
            text.push_str(word);
            allowed.extend(std::iter::repeat_n(fill, word.chars().count()));
        }
        close(&mut allowed, &mut run_start);
        if !allowed.is_empty() {
            out.push(Example { text, allowed });
        }
    }
    out
}

/// The extra corpora of `opts.extra`, without any text that repeats a scored
/// sentence, and per file how many sentences were dropped for it.
fn extra_corpus(
    data: &std::path::Path,
    extra: &std::path::Path,
    pd_holdout: usize,
) -> crate::Result<(Corpus, Vec<String>)> {
    let scored = runs(scored_texts(data, pd_holdout)?);
    let mut out = Vec::new();
    let mut summary = Vec::new();
    let mut keep = |ex: Vec<Example>, label: String| {
        let before = ex.len();
        let kept: Vec<Example> = ex
            .into_iter()
            .filter(|e| !shares_a_run(&e.text, &scored))
            .collect();
        let dropped = before - kept.len();
        summary.push((
            format!("{label}; dropped {dropped} repeating scored text"),
            kept.len(),
        ));
        out.extend(kept);
    };
    let msra = crate::eval::read_gold(extra.join(MSRA_TRAIN), GoldFormat::Bio)?;
    let names = kind_pool(&msra.sentences, MentionKind::Person);
    keep(examples(&msra), MSRA_TRAIN.to_string());
    let path = extra.join(PD1998);
    let content = std::fs::read_to_string(&path).map_err(|e| crate::Error::io(&path, e))?;
    keep(
        pd1998_examples(&content),
        format!("{PD1998} (persons only)"),
    );
    Ok(((out, summary), names))
}

/// How many times each CLUENER training sentence is seen per pass: the one news
/// corpus that annotates posts, outweighed by the extra corpora that do not.
pub const CLUENER_REPEAT: usize = 2;

/// Synthetic name lists added by default (see [`name_lists`]).
pub const NAME_LISTS: usize = 300;

/// `count` lists of 6 to 40 Chinese names from `pool` written one after the other
/// with nothing between them, as name lists (名单) come out of digitised papers
/// whose separating spaces were lost: the corpora hold too few of them for the
/// model to learn that a name ends where the next surname begins.
pub fn name_lists(pool: &[String], count: usize, seed: u64) -> Vec<Example> {
    let names: Vec<&String> = pool
        .iter()
        .filter(|n| {
            (2..=4).contains(&n.chars().count())
                && n.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
        })
        .collect();
    if names.is_empty() {
        return Vec::new();
    }
    let mut rng = Rng(seed | 1);
    (0..count)
        .map(|_| {
            let k = 6 + (rng.next() % 35) as usize;
            let mut text = String::new();
            let mut allowed = Vec::new();
            for _ in 0..k {
                let name = names[(rng.next() % names.len() as u64) as usize];
                let start = allowed.len();
                text.push_str(name);
                let end = start + name.chars().count();
                allowed.resize(end, ANY);
                set_span(&mut allowed, start, end, MentionKind::Person);
                if rng.next().is_multiple_of(10) {
                    text.push_str("（女）");
                    allowed.extend([Label::Outside.bit(); 3]);
                }
            }
            Example { text, allowed }
        })
        .collect()
}

/// `ex` followed by `times - 1` more copies of itself.
fn repeat(ex: &mut Vec<Example>, times: usize) {
    let once = ex.clone();
    for _ in 1..times {
        ex.extend(once.iter().cloned());
    }
}

/// `times` mention-replaced copies of every sentence with an entity the pools can
/// replace, drawn with a generator seeded by `seed`.
fn augment(
    sents: &[GoldSentence],
    format: GoldFormat,
    pools: &Pools,
    seed: u64,
    times: usize,
) -> Vec<Example> {
    let mut rng = Rng(seed);
    let mut out = Vec::new();
    for _ in 0..times {
        for s in sents {
            if s.entities.iter().any(|m| !pools.of(m.kind).is_empty()) {
                out.push(example(format, &replace_mentions(s, pools, &mut rng)));
            }
        }
    }
    out
}

/// How often an annotated post must end in a character for open posts to end there.
const POST_END_MIN: usize = 2;

/// Where a corpus leaves posts open, lets them end only in a character that the
/// corpora annotating posts end them in (长, 员, 理, 家, 手…). Left wholly open, the
/// perceptron learnt its own stray guesses back as posts (政府, 玉米).
fn close_posts_off_their_ends(ex: &mut Example, ends: &std::collections::HashSet<char>) {
    let e_ttl = Label::TitleEnd.bit();
    for (a, c) in ex.allowed.iter_mut().zip(ex.text.chars()) {
        if *a & e_ttl != 0 && *a != e_ttl && !ends.contains(&c) {
            *a &= !e_ttl;
        }
    }
}

/// Reads the training corpus: every file of [`TRAIN_FILES`] in `dir`, People's
/// Daily without its first `pd_holdout` sentences and repeated `pd_repeat` times,
/// and the extra corpora when `opts.extra` names their folder. Returns the
/// examples and, per file, how many sentences were taken.
pub fn corpus(dir: &std::path::Path, opts: &CorpusOptions) -> crate::Result<Corpus> {
    let (pd_holdout, pd_repeat) = (opts.pd_holdout, opts.pd_repeat);
    let mut out = Vec::new();
    let mut summary = Vec::new();
    let mut person_pool: Vec<String> = Vec::new();
    let mut post_ends: std::collections::HashMap<char, usize> = Default::default();
    for name in TRAIN_FILES {
        let path = dir.join(name);
        let format = GoldFormat::guess(&path).expect("known extension");
        let set = crate::eval::read_gold(&path, format)?;
        for m in set.sentences.iter().flat_map(|s| &s.entities) {
            if let (MentionKind::Title, Some(c)) = (m.kind, m.text.chars().last()) {
                *post_ends.entry(c).or_default() += 1;
            }
        }
        let mut ex = examples(&set);
        if name.starts_with("peoples-daily") {
            ex.drain(..pd_holdout.min(ex.len()));
            repeat(&mut ex, pd_repeat);
            let train = &set.sentences[pd_holdout.min(set.sentences.len())..];
            let pools = Pools {
                person: kind_pool(train, MentionKind::Person),
                place: kind_pool(train, MentionKind::Place),
                org: kind_pool(train, MentionKind::Organization),
            };
            person_pool.extend(pools.person.iter().cloned());
            ex.extend(augment(train, format, &pools, 0x0005_EED0_FA11, PD_AUGMENT));
        }
        if format == GoldFormat::Cluener {
            repeat(&mut ex, opts.cluener_repeat);
            let pools = Pools {
                person: kind_pool(&set.sentences, MentionKind::Person),
                place: Vec::new(),
                org: Vec::new(),
            };
            ex.extend(augment(
                &set.sentences,
                format,
                &pools,
                0x00C1_0E4E,
                CLUENER_AUGMENT,
            ));
        }
        summary.push((name.to_string(), ex.len()));
        out.extend(ex);
    }
    if let Some(extra) = &opts.extra {
        let ((ex, s), names) = extra_corpus(dir, extra, pd_holdout)?;
        out.extend(ex);
        summary.extend(s);
        person_pool.extend(names);
    }
    let post_ends: std::collections::HashSet<char> = post_ends
        .into_iter()
        .filter(|&(_, n)| n >= POST_END_MIN)
        .map(|(c, _)| c)
        .collect();
    for ex in &mut out {
        close_posts_off_their_ends(ex, &post_ends);
    }
    person_pool.sort();
    person_pool.dedup();
    let lists = name_lists(&person_pool, opts.name_lists, 0x4E41_4D45);
    summary.push(("synthetic name lists".to_string(), lists.len()));
    out.extend(lists);
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
        assert_eq!(
            ex[0].allowed,
            [
                Label::PersonBegin.bit(),
                Label::PersonEnd.bit(),
                title_or_outside()
            ]
        );
    }

    #[test]
    fn open_posts_end_only_where_annotated_posts_end() {
        let set = parse_gold(
            "市\tO\n长\tO\n米\tO\n\n",
            Path::new("x.bio"),
            GoldFormat::Bio,
        )
        .unwrap();
        let mut ex = examples(&set).remove(0);
        let e_ttl = Label::TitleEnd.bit();
        assert!(ex.allowed.iter().all(|a| a & e_ttl != 0));
        close_posts_off_their_ends(&mut ex, &['长'].into_iter().collect());
        let ends: Vec<bool> = ex.allowed.iter().map(|a| a & e_ttl != 0).collect();
        assert_eq!(ends, [false, true, false]);
        // An annotated post keeps its end whatever the character.
        let mut ann = Example {
            text: "选手".to_string(),
            allowed: vec![Label::TitleBegin.bit(), e_ttl],
        };
        close_posts_off_their_ends(&mut ann, &Default::default());
        assert_eq!(ann.allowed[1], e_ttl);
    }

    #[test]
    fn pd1998_runs_of_nr_words_are_one_person() {
        let ex = pd1998_examples("江/nr  泽民/nr  主席/n  ，/w  北京/ns\n\n");
        assert_eq!(ex.len(), 1);
        assert_eq!(ex[0].text, "江泽民主席，北京");
        let a = &ex[0].allowed;
        assert_eq!(
            a[..3],
            [
                Label::PersonBegin.bit(),
                Label::PersonInside.bit(),
                Label::PersonEnd.bit()
            ]
        );
        assert_eq!(a[5], Label::Outside.bit());
        assert_eq!(a[3] & labels_of(MentionKind::Person), 0);
        assert_ne!(a[6] & labels_of(MentionKind::Place), 0);
    }

    #[test]
    fn name_lists_run_names_together_and_label_each() {
        let pool = ["李鹏".to_string(), "乔石".to_string(), "John".to_string()];
        for ex in name_lists(&pool, 5, 3) {
            let rest = ex
                .text
                .replace("李鹏", "")
                .replace("乔石", "")
                .replace("（女）", "");
            assert!(rest.is_empty(), "{}", ex.text);
            assert_eq!(ex.allowed[0], Label::PersonBegin.bit());
            assert_eq!(ex.allowed[1], Label::PersonEnd.bit());
        }
    }

    #[test]
    fn text_repeating_a_scored_sentence_is_found() {
        let scored = runs(["新华社北京一月一日电国家主席江泽民今天发表新年讲话".to_string()]);
        assert!(shares_a_run(
            "据报道，国家主席江泽民今天发表新年讲话。",
            &scored
        ));
        assert!(!shares_a_run("新华社北京一月一日电", &scored));
    }

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
        let mut f = Feats::default();
        feat.features("张三在郑州", &mut f);
        let spans = crate::ner::label::spans(&m.decode(&f));
        // Resume leaves places open, so 在 may come out either way; the names may not.
        assert!(spans.contains(&(0, 2, MentionKind::Person)), "{spans:?}");
        assert!(spans.contains(&(3, 5, MentionKind::Place)), "{spans:?}");
    }
}
