//! The file format of a model (`data/model/ner.bin`, what `zhkg train` writes): a
//! magic, the feature version, the label count, the transition and start weights
//! as little-endian 32-bit integers, then the features by ascending key, each as
//! the varint gap from the previous key, a varint bit mask of its non-zero labels
//! and those weights zigzag-varint coded.

use super::features::FEATURE_VERSION;
use super::label::LABEL_COUNT;
use super::model::{Model, WeightRow};
use crate::error::{Error, Result};

const MAGIC: &[u8; 8] = b"ZHKGNER\x01";

impl Model {
    /// Serialises to the file format.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut features: Vec<(u32, WeightRow)> =
            self.weight_rows().map(|(k, w)| (k, *w)).collect();
        features.sort_by_key(|f| f.0);
        let mut bytes = Vec::new();
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        bytes.extend_from_slice(&(LABEL_COUNT as u32).to_le_bytes());
        for row in &self.transitions {
            for &x in row {
                bytes.extend_from_slice(&x.to_le_bytes());
            }
        }
        for &x in &self.start {
            bytes.extend_from_slice(&x.to_le_bytes());
        }
        bytes.extend_from_slice(&(features.len() as u32).to_le_bytes());
        let mut prev = 0u32;
        for (key, row) in &features {
            put_varint(&mut bytes, u64::from(key - prev));
            prev = *key;
            let mut labels = 0u64;
            for (l, &x) in row.iter().enumerate() {
                if x != 0 {
                    labels |= 1 << l;
                }
            }
            put_varint(&mut bytes, labels);
            for &x in row.iter().filter(|&&x| x != 0) {
                put_varint(&mut bytes, zigzag(i64::from(x)));
            }
        }
        bytes
    }

    /// Reads the file format.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model> {
        let bad = |m: &str| Error::BadModel(m.to_string());
        let truncated = || bad("truncated");
        let mut reader = Reader { bytes, pos: 0 };
        if reader.take(8).ok_or_else(truncated)? != MAGIC {
            return Err(bad("not a zhkg NER model (bad magic)"));
        }
        let version = reader.u32().ok_or_else(truncated)?;
        if version != FEATURE_VERSION {
            return Err(bad(&format!(
                "trained for feature version {version}, this build has {FEATURE_VERSION}: retrain with `zhkg train`"
            )));
        }
        if reader.u32() != Some(LABEL_COUNT as u32) {
            return Err(bad("label count differs from this build"));
        }
        let mut transitions = [[0i32; LABEL_COUNT]; LABEL_COUNT];
        for row in &mut transitions {
            for x in row.iter_mut() {
                *x = reader.u32().ok_or_else(truncated)? as i32;
            }
        }
        let mut start = [0i32; LABEL_COUNT];
        for x in &mut start {
            *x = reader.u32().ok_or_else(truncated)? as i32;
        }
        let n = reader.u32().ok_or_else(truncated)? as usize;
        // The count is the file's claim: each feature takes at least two bytes, so
        // the rest of the file bounds what it can really hold.
        let mut features = Vec::with_capacity(n.min(bytes.len() / 2));
        let mut prev = 0u32;
        for _ in 0..n {
            let gap = reader.varint().ok_or_else(truncated)?;
            let key = prev
                .checked_add(u32::try_from(gap).map_err(|_| bad("bad key"))?)
                .ok_or_else(|| bad("bad key"))?;
            prev = key;
            let labels = reader.varint().ok_or_else(truncated)?;
            let mut row = [0i16; LABEL_COUNT];
            for (l, x) in row.iter_mut().enumerate() {
                if labels & (1 << l) != 0 {
                    let v = unzigzag(reader.varint().ok_or_else(truncated)?);
                    *x = i16::try_from(v).map_err(|_| bad("weight out of range"))?;
                }
            }
            features.push((key, row));
        }
        Ok(Model::from_parts(features, transitions, start))
    }
}

/// Appends `x` seven bits a byte, lowest first, the high bit set on all but the last.
fn put_varint(bytes: &mut Vec<u8>, mut x: u64) {
    while x >= 0x80 {
        bytes.push((x as u8) | 0x80);
        x >>= 7;
    }
    bytes.push(x as u8);
}

/// Maps signed to unsigned so that small magnitudes of either sign stay small:
/// 0, -1, 1, -2… become 0, 1, 2, 3….
fn zigzag(x: i64) -> u64 {
    ((x << 1) ^ (x >> 63)) as u64
}

fn unzigzag(x: u64) -> i64 {
    ((x >> 1) as i64) ^ -((x & 1) as i64)
}

/// A cursor over the bytes of a model file.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let s = self.bytes.get(self.pos..self.pos + n)?;
        self.pos += n;
        Some(s)
    }

    fn u32(&mut self) -> Option<u32> {
        let s = self.take(4)?;
        Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }

    fn varint(&mut self) -> Option<u64> {
        let mut x = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.bytes.get(self.pos)?;
            self.pos += 1;
            x |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(x);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_round_trip() {
        let mut transitions = [[0; LABEL_COUNT]; LABEL_COUNT];
        transitions[1][2] = 7;
        transitions[0][3] = -4;
        let mut w = [0i16; LABEL_COUNT];
        w[2] = -300;
        w[16] = 12;
        let m = Model::from_parts(
            vec![(42, w), (7, [1; LABEL_COUNT])],
            transitions,
            [3; LABEL_COUNT],
        );
        let b = m.to_bytes();
        let back = Model::from_bytes(&b).unwrap();
        assert_eq!(back.features(), 2);
        assert_eq!(back.transitions, transitions);
        assert_eq!(back.lookup(42), Some(&w));
        assert_eq!(back.lookup(43), None);
        assert!(Model::from_bytes(&b[..20]).is_err());
        assert!(Model::from_bytes(b"nonsense").is_err());
        let again = Model::from_bytes(&back.to_bytes()).unwrap();
        assert_eq!(again.to_bytes(), b);
    }

    /// The file `zhkg train` wrote decodes to a model that encodes to the same bytes:
    /// the format reads and writes every field, in the order it was written.
    #[test]
    fn the_embedded_model_encodes_to_its_own_bytes() {
        let model = super::super::decode_embedded_model();
        assert!(model.features() > 100_000, "{}", model.features());
        assert!(model.to_bytes() == super::super::EMBEDDED_MODEL);
    }

    #[test]
    fn varints_and_zigzag_round_trip() {
        for (x, len) in [
            (0u64, 1),
            (127, 1),
            (128, 2),
            (16_383, 2),
            (16_384, 3),
            (u64::from(u32::MAX), 5),
            (u64::MAX, 10),
        ] {
            let mut bytes = Vec::new();
            put_varint(&mut bytes, x);
            assert_eq!(bytes.len(), len, "{x}");
            let mut reader = Reader {
                bytes: &bytes,
                pos: 0,
            };
            assert_eq!(reader.varint(), Some(x));
            assert_eq!(reader.pos, len);
        }
        // Cut short: no value.
        let mut reader = Reader {
            bytes: &[0x80, 0x80],
            pos: 0,
        };
        assert_eq!(reader.varint(), None);
        assert_eq!([0, -1, 1, -2, 2].map(zigzag), [0, 1, 2, 3, 4]);
        for x in [
            0,
            -1,
            1,
            i64::from(i16::MIN),
            i64::from(i16::MAX),
            i64::MIN,
            i64::MAX,
        ] {
            assert_eq!(unzigzag(zigzag(x)), x);
        }
    }

    #[test]
    fn another_feature_version_or_label_count_is_refused() {
        let transitions = [[0; LABEL_COUNT]; LABEL_COUNT];
        let m = Model::from_parts(vec![(5, [1; LABEL_COUNT])], transitions, [0; LABEL_COUNT]);
        let mut bytes = m.to_bytes();
        bytes[8..12].copy_from_slice(&(FEATURE_VERSION + 1).to_le_bytes());
        let err = Model::from_bytes(&bytes).unwrap_err().to_string();
        assert!(err.contains("retrain"), "{err}");
        let mut bytes = m.to_bytes();
        bytes[12..16].copy_from_slice(&(LABEL_COUNT as u32 - 1).to_le_bytes());
        let err = Model::from_bytes(&bytes).unwrap_err().to_string();
        assert!(err.contains("label count"), "{err}");
        // A weight that does not fit 16 bits.
        let mut bytes = m.to_bytes();
        let last = bytes.len() - 1;
        bytes[last] = 0xFF;
        bytes.extend([0xFF, 0x7F]);
        assert!(Model::from_bytes(&bytes).is_err());
    }
}
