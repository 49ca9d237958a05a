//! The model: quantised feature weights and transition weights. The feature keys of
//! a sentence come in, the emission scores of its positions and the best BIOES label
//! sequence (see [`viterbi`](super::viterbi)) go out. The file format is in
//! `format.rs`, the weight look-ups in `weights.rs`.

use super::features::{unigram_key, SentenceFeatures, UNIGRAMS};
use super::label::{Label, LABEL_COUNT};
use super::viterbi::{viterbi, LabelScores, Transitions};
pub use super::weights::WeightRow;
use super::weights::{Unigrams, WeightTable, UNINDEXED};

/// Quantised weights, ready to decode with.
#[derive(Debug, Clone)]
pub struct Model {
    /// The weight rows of the features.
    table: WeightTable,
    /// The unigram weights again, by character (see [`Unigrams`]).
    unigrams: Unigrams,
    /// Transition weights `[previous label][label]`.
    pub transitions: Transitions,
    /// Weights of the first label of a sentence.
    pub start: LabelScores,
}

impl Model {
    /// A model from quantised per-feature weights and transitions.
    pub fn from_parts(
        mut features: Vec<(u32, WeightRow)>,
        transitions: Transitions,
        start: LabelScores,
    ) -> Model {
        features.retain(|(_, w)| w.iter().any(|&x| x != 0));
        features.sort_by_key(|f| f.0);
        features.dedup_by_key(|f| f.0);
        let table = WeightTable::new(&features);
        let unigrams = Unigrams::gather(&table);
        Model {
            table,
            unigrams,
            transitions,
            start,
        }
    }

    /// Number of features with weights.
    pub fn features(&self) -> usize {
        self.table.len()
    }

    /// Every feature key with its weight row, in no particular order.
    pub(super) fn weight_rows(&self) -> impl Iterator<Item = (u32, &WeightRow)> {
        self.table.iter()
    }

    /// The weight row of a feature key, if the model has it.
    #[cfg(test)]
    pub(super) fn lookup(&self, key: u32) -> Option<&WeightRow> {
        self.table.get(key)
    }

    /// Emission scores of every position, `LABEL_COUNT` per position.
    pub fn emissions(&self, features: &SentenceFeatures, out: &mut Vec<i32>) {
        // Both tables are larger than the caches, so nearly every probe and every
        // weight row misses. The work runs as a pipeline so the misses overlap:
        // the key slots of a position are prefetched KEYS_AHEAD positions before
        // its keys are looked up, and the weight rows found are prefetched
        // ROWS_AHEAD positions before they are added up.
        const KEYS_AHEAD: usize = 2;
        const ROWS_AHEAD: usize = 2;
        out.clear();
        let n = features.len();
        out.reserve(n * LABEL_COUNT);
        // With the unigrams apart, each character's block (see `Unigrams`).
        let by_char = features.unigrams.len() == n + UNIGRAMS - 1;
        SLOTS.with(|cell| {
            // Taken out of the cell rather than borrowed, so that a nested call
            // could never find it borrowed.
            let mut hits = cell.take();
            hits.clear();
            hits.reserve(features.keys.len() + n + 1);
            let mut blocks = BLOCKS.take();
            blocks.clear();
            if by_char {
                blocks.extend(features.unigrams.iter().map(|&c| self.unigrams.block(c)));
                // The window of the first position holds the first four blocks.
                for &b in &blocks[..(UNIGRAMS - 1).min(blocks.len())] {
                    self.unigrams.prefetch_block(b);
                }
            }
            for p in 0..KEYS_AHEAD.min(n) {
                self.prefetch_keys(features.at(p));
            }
            // Where the slots of the positions still to be added up start in `hits`.
            let mut starts = [0usize; ROWS_AHEAD + 1];
            for j in 0..n + ROWS_AHEAD {
                if j < n {
                    if j + KEYS_AHEAD < n {
                        self.prefetch_keys(features.at(j + KEYS_AHEAD));
                    }
                    if by_char {
                        // The character entering the window of position j.
                        self.unigrams.prefetch_block(blocks[j + UNIGRAMS - 1]);
                    }
                    starts[j % (ROWS_AHEAD + 1)] = hits.len();
                    for &k in features.at(j) {
                        if let Some(i) = self.table.slot(k) {
                            self.table.prefetch_row(i);
                            hits.push(i as u32);
                        }
                    }
                }
                if j >= ROWS_AHEAD {
                    let p = j - ROWS_AHEAD;
                    let a = starts[p % (ROWS_AHEAD + 1)];
                    let b = if p + 1 < n {
                        starts[(p + 1) % (ROWS_AHEAD + 1)]
                    } else {
                        hits.len()
                    };
                    let mut scores = [0i32; LABEL_COUNT];
                    for &i in &hits[a..b] {
                        add_row(&mut scores, self.table.row(i as usize));
                    }
                    if by_char {
                        for place in 0..UNIGRAMS {
                            match blocks[p + place] {
                                0 => {}
                                UNINDEXED => {
                                    let key = unigram_key(place, features.unigrams[p + place]);
                                    if let Some(i) = self.table.slot(key) {
                                        add_row(&mut scores, self.table.row(i));
                                    }
                                }
                                block => add_row(&mut scores, self.unigrams.row(block, place)),
                            }
                        }
                    }
                    out.extend_from_slice(&scores);
                }
            }
            cell.set(hits);
            BLOCKS.set(blocks);
        });
    }

    #[inline]
    fn prefetch_keys(&self, keys: &[u32]) {
        for &k in keys {
            self.table.prefetch_probe(k);
        }
    }

    /// The score of a label sequence under `emissions` (`LABEL_COUNT` a position).
    pub fn path_score(&self, emissions: &[i32], labels: &[Label]) -> i64 {
        let mut prev: Option<usize> = None;
        let mut score = 0i64;
        for (i, &l) in labels.iter().enumerate() {
            let l = l as usize;
            let transition = match prev {
                None => self.start[l],
                Some(p) => self.transitions[p][l],
            };
            score += i64::from(emissions[i * LABEL_COUNT + l]) + i64::from(transition);
            prev = Some(l);
        }
        score
    }

    /// The best label sequence for a sentence's features.
    pub fn decode(&self, features: &SentenceFeatures) -> Vec<Label> {
        self.decode_with(features, &mut Vec::new())
    }

    /// The best label sequence, leaving the emission scores in `emissions`
    /// (`LABEL_COUNT` a position).
    pub fn decode_with(&self, features: &SentenceFeatures, emissions: &mut Vec<i32>) -> Vec<Label> {
        emissions.reserve(features.len() * LABEL_COUNT);
        self.emissions(features, emissions);
        let mut out = Vec::new();
        viterbi(emissions, &self.transitions, &self.start, None, &mut out);
        out
    }
}

thread_local! {
    /// Per-thread scratch of [`Model::emissions`]: the slots of a sentence's keys.
    static SLOTS: std::cell::Cell<Vec<u32>> = const { std::cell::Cell::new(Vec::new()) };
    /// Per-thread scratch of [`Model::emissions`]: the unigram block of each character.
    static BLOCKS: std::cell::Cell<Vec<u32>> = const { std::cell::Cell::new(Vec::new()) };
}

/// Adds a weight row to a position's scores.
#[inline]
fn add_row(scores: &mut LabelScores, row: &WeightRow) {
    for l in 0..LABEL_COUNT {
        scores[l] += i32::from(row[l]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded model and the featurizer of the embedded lexicon, built once.
    fn embedded() -> &'static (std::sync::Arc<Model>, super::super::features::Featurizer) {
        static M: std::sync::OnceLock<(std::sync::Arc<Model>, super::super::features::Featurizer)> =
            std::sync::OnceLock::new();
        M.get_or_init(|| {
            let lex = crate::lexicon::Lexicon::embedded();
            (
                super::super::embedded_model(),
                super::super::features::Featurizer::new(&lex),
            )
        })
    }

    proptest::proptest! {
        /// Decoding with the unigram weights read by character gives the scores the
        /// hashed unigram keys give, on Han text, digits, Latin letters, punctuation
        /// and characters outside the index.
        #[test]
        fn unigrams_by_character_score_as_their_keys(
            text in "[惠济区委书记马军主持召开会议郑州市人民政府0-9a-zA-Z，。·《》\u{20000}-\u{20010}\u{3400}-\u{3410}]{0,40}",
        ) {
            let (model, featurizer) = embedded();
            let chars: Vec<char> = text.chars().map(super::super::lexmatch::fold).collect();
            let (mut keyed, mut by_char) = (SentenceFeatures::default(), SentenceFeatures::default());
            featurizer.features_chars(&chars, &mut keyed);
            featurizer.features_for_decoding(&chars, &mut by_char);
            proptest::prop_assert!(keyed.unigrams.is_empty());
            let padded = if chars.is_empty() { 0 } else { chars.len() + 4 };
            proptest::prop_assert_eq!(by_char.unigrams.len(), padded);
            let (mut a, mut b) = (Vec::new(), Vec::new());
            model.emissions(&keyed, &mut a);
            model.emissions(&by_char, &mut b);
            proptest::prop_assert_eq!(a, b);
        }
    }
}
