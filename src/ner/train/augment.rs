//! More training text made from the corpora: copies of annotated sentences with
//! their names and places replaced by others of the same kind (mention
//! replacement), and synthetic lists of names run together.

use super::examples::{example, set_span, Example, ANY};
use super::Rng;
use crate::eval::{GoldFormat, GoldSentence};
use crate::extract::Mention;
use crate::mention::MentionKind;
use crate::ner::label::Label;

/// How many copies of each People's Daily sentence with an entity are added per
/// pass, every person, place and organisation in them replaced by another of its
/// kind from the training sentences (mention replacement): the model learns an
/// entity from its context and shape rather than from the few hundred names the
/// corpus holds.
pub const PEOPLES_DAILY_AUGMENT: usize = 9;

/// How many copies of each CLUENER sentence with a name are added per pass, the
/// names replaced by other CLUENER names. Its government bodies are kept: replacing
/// them makes the model worse on news organisations.
pub const CLUENER_AUGMENT: usize = 1;

/// Substitutes per kind (an empty pool: that kind is kept as it is).
pub(super) struct Pools {
    pub(super) person: Vec<String>,
    pub(super) place: Vec<String>,
    pub(super) organization: Vec<String>,
}

impl Pools {
    fn of(&self, kind: MentionKind) -> &[String] {
        match kind {
            MentionKind::Person => &self.person,
            MentionKind::Place => &self.place,
            MentionKind::Organization => &self.organization,
            _ => &[],
        }
    }
}

pub(super) fn kind_pool(train: &[GoldSentence], kind: MentionKind) -> Vec<String> {
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
    let mut new_pos = 0usize;
    let mut replacements: Vec<(usize, usize, String, MentionKind)> = Vec::new();
    let mut i = 0usize;
    let mut next_target = 0usize;
    while i < chars.len() {
        map[i] = new_pos;
        if next_target < targets.len()
            && targets[next_target].start == i
            && targets[next_target].end > i
        {
            let target = targets[next_target];
            let pool = pools.of(target.kind);
            let name = &pool[(rng.next() % pool.len() as u64) as usize];
            let n = name.chars().count();
            text.push_str(name);
            replacements.push((new_pos, new_pos + n, name.clone(), target.kind));
            for x in &mut map[i + 1..target.end.min(chars.len())] {
                *x = new_pos;
            }
            new_pos += n;
            i = target.end.min(chars.len());
            next_target += 1;
            continue;
        }
        while next_target < targets.len() && targets[next_target].start < i {
            next_target += 1;
        }
        text.push(chars[i]);
        new_pos += 1;
        i += 1;
    }
    map[chars.len()] = new_pos;
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
    for (a, b, t, kind) in replacements {
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

/// `times` mention-replaced copies of every sentence with an entity the pools can
/// replace, drawn with a generator seeded by `seed`.
pub(super) fn augment(
    sentences: &[GoldSentence],
    format: GoldFormat,
    pools: &Pools,
    seed: u64,
    times: usize,
) -> Vec<Example> {
    let mut rng = Rng(seed);
    let mut out = Vec::new();
    for _ in 0..times {
        for s in sentences {
            if s.entities.iter().any(|m| !pools.of(m.kind).is_empty()) {
                out.push(example(format, &replace_mentions(s, pools, &mut rng)));
            }
        }
    }
    out
}

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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn replaced_mentions_move_the_spans_after_them() {
        let mention = |start, end, kind, text: &str| Mention {
            start,
            end,
            kind,
            text: text.to_string(),
        };
        let s = GoldSentence {
            text: "马军在郑州说".to_string(),
            entities: vec![
                mention(0, 2, MentionKind::Person, "马军"),
                mention(3, 5, MentionKind::Place, "郑州"),
            ],
            skipped: vec![crate::eval::gold::SkippedSpan {
                start: 5,
                end: 6,
                label: "X".to_string(),
            }],
        };
        let pools = Pools {
            person: vec!["欧阳修文".to_string()],
            place: Vec::new(),
            organization: Vec::new(),
        };
        let out = replace_mentions(&s, &pools, &mut Rng(1));
        assert_eq!(out.text, "欧阳修文在郑州说");
        assert_eq!(
            out.entities,
            [
                mention(0, 4, MentionKind::Person, "欧阳修文"),
                mention(5, 7, MentionKind::Place, "郑州"),
            ]
        );
        assert_eq!((out.skipped[0].start, out.skipped[0].end), (7, 8));
    }

    #[test]
    fn a_pool_holds_each_name_of_its_kind_once() {
        let sentence = |names: &[(&str, MentionKind)]| GoldSentence {
            text: String::new(),
            entities: names
                .iter()
                .map(|&(text, kind)| Mention {
                    start: 0,
                    end: 0,
                    kind,
                    text: text.to_string(),
                })
                .collect(),
            skipped: Vec::new(),
        };
        let sentences = [
            sentence(&[("乔石", MentionKind::Person), ("郑州", MentionKind::Place)]),
            sentence(&[("李鹏", MentionKind::Person), ("乔石", MentionKind::Person)]),
        ];
        assert_eq!(kind_pool(&sentences, MentionKind::Person), ["乔石", "李鹏"]);
        assert_eq!(kind_pool(&sentences, MentionKind::Place), ["郑州"]);
        assert!(kind_pool(&sentences, MentionKind::Title).is_empty());
    }
}
