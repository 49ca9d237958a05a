//! Node ids: the node kind of a mention kind, and the stable ASCII id a node gets from
//! its kind, name and identity key (see [`super::identity`] for what makes two
//! mentions one entity), so that the same entity has the same id in every build.

use crate::graph::NodeKind;
use crate::mention::MentionKind;
use pinyin::ToPinyin;
use sha2::{Digest, Sha256};

/// The node kind of a mention kind (titles and dates are not nodes).
pub fn node_kind(k: MentionKind) -> Option<NodeKind> {
    Some(match k {
        MentionKind::Person => NodeKind::Person,
        MentionKind::Organization => NodeKind::Organization,
        MentionKind::Place => NodeKind::Place,
        MentionKind::Market => NodeKind::Market,
        MentionKind::Event => NodeKind::Event,
        MentionKind::Document => NodeKind::Document,
        MentionKind::Project => NodeKind::Project,
        MentionKind::Title | MentionKind::Date => return None,
    })
}

/// A stable ASCII id: kind, a pinyin slug of the name for readability, and a hash of
/// the identity key so that homophones never collide.
pub fn node_id(kind: NodeKind, name: &str, key: &str) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        if slug.len() >= 32 {
            break;
        }
        if let Some(p) = c.to_pinyin() {
            if !slug.is_empty() && !slug.ends_with('_') {
                slug.push('_');
            }
            slug.push_str(p.plain());
        } else if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('_') && !slug.is_empty() {
            slug.push('_');
        }
    }
    let slug = slug.trim_end_matches('_');
    let mut h = Sha256::new();
    h.update(kind.as_str().as_bytes());
    h.update([0]);
    h.update(key.as_bytes());
    let d = h.finalize();
    // Put together by hand: this runs for every mention, and `format!` with four
    // `{:02x}` writes cost more than the hash.
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let kind = kind.as_str();
    let mut id = String::with_capacity(kind.len() + slug.len() + 10);
    id.push_str(kind);
    id.push('_');
    if !slug.is_empty() {
        id.push_str(slug);
        id.push('_');
    }
    for &b in &d[..4] {
        id.push(char::from(HEX[usize::from(b >> 4)]));
        id.push(char::from(HEX[usize::from(b & 0xF)]));
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_ascii_and_stable() {
        let a = node_id(NodeKind::Person, "马军", "马军");
        assert_eq!(a, node_id(NodeKind::Person, "马军", "马军"));
        assert!(a.is_ascii() && a.starts_with("person_ma_jun_"), "{a}");
        assert_ne!(a, node_id(NodeKind::Person, "马骏", "马骏"));
        // The same bytes as the `format!` it replaced: kind, slug, 8 hex digits.
        for (kind, name, key) in [
            (NodeKind::Person, "马军", "马军"),
            (NodeKind::Organization, "郑州市人民政府", "郑州市人民政府|x"),
            (NodeKind::Event, "——", "——"),
            (NodeKind::Place, "", ""),
        ] {
            let d = Sha256::new()
                .chain_update(kind.as_str().as_bytes())
                .chain_update([0])
                .chain_update(key.as_bytes())
                .finalize();
            let hex: String = d[..4].iter().map(|b| format!("{b:02x}")).collect();
            let id = node_id(kind, name, key);
            let slug = id
                .strip_prefix(&format!("{}_", kind.as_str()))
                .and_then(|r| r.strip_suffix(&hex))
                .unwrap_or_else(|| panic!("{id}"));
            assert!(
                slug.is_empty() || slug.ends_with('_') && slug.len() > 1,
                "{id}"
            );
        }
        assert_eq!(node_id(NodeKind::Place, "", "").len(), "place_".len() + 8);
    }
}
