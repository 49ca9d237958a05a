//! The model's feature weights and how they are looked up: an open-addressing table
//! from feature key to weight row, and the unigram rows gathered again by character
//! so that decoding reads a character's five in one place.

use super::features::{unigram_key, UNIGRAMS};
use super::label::LABEL_COUNT;
use super::lexmatch::prefetch;

/// The quantised weights of one feature, one per label (`label as usize`).
pub type WeightRow = [i16; LABEL_COUNT];

/// The weight rows of the features, by key.
#[derive(Debug, Clone)]
pub(super) struct WeightTable {
    /// Open-addressing table of feature keys (0: empty). Kept apart from the
    /// weights so that probing, mostly for keys the model never saw, touches a
    /// small array.
    keys: Vec<u32>,
    /// The weights per label of the key in the same slot.
    rows: Vec<WeightRow>,
    /// The capacity (a power of two) less one: a hash masked with it is a slot.
    mask: usize,
    /// Number of keys in the table.
    len: usize,
}

impl WeightTable {
    /// A table of `features`, whose keys are distinct and not 0.
    pub(super) fn new(features: &[(u32, WeightRow)]) -> WeightTable {
        let capacity = (features.len() * 2).next_power_of_two().max(16);
        let mut keys = vec![0u32; capacity];
        let mut rows = vec![[0i16; LABEL_COUNT]; capacity];
        let mask = capacity - 1;
        for (k, w) in features {
            let mut i = home_slot(*k, mask);
            while keys[i] != 0 {
                i = (i + 1) & mask;
            }
            keys[i] = *k;
            rows[i] = *w;
        }
        WeightTable {
            keys,
            rows,
            mask,
            len: features.len(),
        }
    }

    /// Number of features in the table.
    pub(super) fn len(&self) -> usize {
        self.len
    }

    /// The slot of `key`, if the table has it.
    #[inline]
    pub(super) fn slot(&self, key: u32) -> Option<usize> {
        let mut i = home_slot(key, self.mask);
        loop {
            let k = self.keys[i];
            if k == key {
                return Some(i);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The weight row in slot `i`.
    #[inline]
    pub(super) fn row(&self, i: usize) -> &WeightRow {
        &self.rows[i]
    }

    /// The weight row of `key`, if the table has it.
    pub(super) fn get(&self, key: u32) -> Option<&WeightRow> {
        self.slot(key).map(|i| &self.rows[i])
    }

    /// Every key with its weight row, in table order.
    pub(super) fn iter(&self) -> impl Iterator<Item = (u32, &WeightRow)> {
        self.keys
            .iter()
            .zip(&self.rows)
            .filter(|(&k, _)| k != 0)
            .map(|(&k, w)| (k, w))
    }

    /// Prefetches the slot a look-up of `key` probes first.
    #[inline]
    pub(super) fn prefetch_probe(&self, key: u32) {
        prefetch(&self.keys[home_slot(key, self.mask)]);
    }

    /// Prefetches both cache lines the weight row in slot `i` may straddle.
    #[inline]
    pub(super) fn prefetch_row(&self, i: usize) {
        let row = &self.rows[i];
        prefetch(row);
        prefetch(&row[LABEL_COUNT - 1]);
    }
}

/// The slot a look-up of `key` probes first (a multiplicative hash).
#[inline]
fn home_slot(key: u32, mask: usize) -> usize {
    (key.wrapping_mul(0x9E37_79B1) >> 7) as usize & mask
}

/// The five unigram weight rows of a character (one per place of the window), on
/// cache lines of their own.
#[derive(Debug, Clone, Copy)]
#[repr(align(64))]
struct UnigramRows([WeightRow; UNIGRAMS]);

/// The unigram templates' weights gathered by character, for decoding from
/// [`SentenceFeatures::unigrams`](super::features::SentenceFeatures::unigrams): one
/// look-up in a small index and three adjacent cache lines serve a character's five
/// positions, where its hashed keys would take five probes and five scattered rows
/// at each. The rows are copies of the table's, so the scores are the same to the
/// last unit.
#[derive(Debug, Clone, Default)]
pub(super) struct Unigrams {
    /// Row block of each character of the Basic Multilingual Plane; 0: none (the
    /// model has no unigram weight for it).
    index: Vec<u32>,
    /// Blocks; the first is unused, so that 0 can mean none.
    rows: Vec<UnigramRows>,
}

/// Marks a character outside the index (beyond the Basic Multilingual Plane): its
/// unigram keys are looked up in the table one by one.
pub(super) const UNINDEXED: u32 = u32::MAX;

impl Unigrams {
    const INDEXED: u32 = 0x1_0000;

    pub(super) fn gather(table: &WeightTable) -> Unigrams {
        let mut index = vec![0u32; Self::INDEXED as usize];
        let mut rows = vec![UnigramRows([[0; LABEL_COUNT]; UNIGRAMS])];
        for (c, slot) in index.iter_mut().enumerate() {
            let mut block = [[0i16; LABEL_COUNT]; UNIGRAMS];
            let mut any = false;
            for (place, row) in block.iter_mut().enumerate() {
                if let Some(w) = table.get(unigram_key(place, c as u32)) {
                    *row = *w;
                    any = true;
                }
            }
            if any {
                *slot = rows.len() as u32;
                rows.push(UnigramRows(block));
            }
        }
        Unigrams { index, rows }
    }

    /// The block of character `c`: 0 for none, [`UNINDEXED`] outside the index.
    #[inline]
    pub(super) fn block(&self, c: u32) -> u32 {
        self.index.get(c as usize).copied().unwrap_or(UNINDEXED)
    }

    /// The weight row of window place `place` in block `block`.
    #[inline]
    pub(super) fn row(&self, block: u32, place: usize) -> &WeightRow {
        &self.rows[block as usize].0[place]
    }

    /// Prefetches the three cache lines of a unigram block (its first, middle and last
    /// rows start on each).
    #[inline]
    pub(super) fn prefetch_block(&self, block: u32) {
        if let Some(UnigramRows(rows)) = self.rows.get(block as usize) {
            prefetch(&rows[0]);
            prefetch(&rows[UNIGRAMS / 2]);
            prefetch(&rows[UNIGRAMS - 1]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_key_and_no_other() {
        let features: Vec<(u32, WeightRow)> = (1..=40u32)
            .map(|k| (k * 7919, [k as i16; LABEL_COUNT]))
            .collect();
        let table = WeightTable::new(&features);
        assert_eq!(table.len(), 40);
        for (k, row) in &features {
            assert_eq!(table.get(*k), Some(row));
        }
        assert_eq!(table.get(5), None);
        let mut keys: Vec<u32> = table.iter().map(|(k, _)| k).collect();
        keys.sort();
        assert_eq!(keys, features.iter().map(|f| f.0).collect::<Vec<_>>());
    }

    #[test]
    fn unigram_rows_are_gathered_by_character() {
        let mut row = [0i16; LABEL_COUNT];
        row[3] = 9;
        let features = vec![(unigram_key(2, '中' as u32), row), (77, [1; LABEL_COUNT])];
        let table = WeightTable::new(&features);
        let unigrams = Unigrams::gather(&table);
        let block = unigrams.block('中' as u32);
        assert_ne!(block, 0);
        assert_eq!(unigrams.row(block, 2), &row);
        assert_eq!(unigrams.row(block, 0), &[0; LABEL_COUNT]);
        assert_eq!(unigrams.block('国' as u32), 0);
        assert_eq!(unigrams.block(0x2_0000), UNINDEXED);
    }
}
