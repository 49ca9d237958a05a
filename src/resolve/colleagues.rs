//! Shared colleagues as evidence of identity. Two mentions of one name whose places
//! cannot tell them apart for sure are one person when, in both, the person had a
//! role at an event together with the same colleague: 李明 named in an article of no
//! known place, at a meeting with 王建国 of 郑州市, is the 李明 of 郑州市 who met that
//! 王建国 elsewhere. The colleague is a person as the decision by place has it (name
//! and place), not a name, so that two cities' 陈立 and 周红 make no evidence.
//!
//! Only a mention placed weakly can move: one with no post of a place (placed by
//! where the article is, or not at all). A post of a place is stronger evidence
//! than any colleague. It moves when the colleagues lead to exactly one other
//! cluster of its name, placed at the prefecture or as a national leader, and none
//! leads to its own. Colleagues are indexed by name and place, so the work grows
//! with the pairs of persons within a meeting (at most [`MEETING_MAX`] persons
//! compared), never with pairs across the corpus; and the decision reads only sets,
//! so it does not depend on the order of the articles.

use super::anchor::{Anchor, ArticlePlaces};
use super::clusters::{Seen, Target};
use crate::extract::ArticleFacts;
use std::collections::{BTreeMap, BTreeSet};

/// The most persons of one meeting compared with each other: a list of a hundred
/// delegates says little about any two of them, and would cost a pair each.
const MEETING_MAX: usize = 32;

/// Who a person mention is by place alone: its name, its target, and its article
/// when the target is a node of the article's own.
type Who<'l, 'f> = (&'f str, Target<'l>, &'f str);

/// A mention moved to another cluster of its name by a shared colleague.
#[derive(Debug, Clone, Copy)]
pub(super) struct Moved<'l, 'f> {
    /// Index into the persons' sightings.
    pub index: usize,
    /// The anchor of the cluster it joins.
    pub to: Anchor<'l>,
    /// The colleague, and the event the two had a role at in this article.
    pub colleague: &'f str,
    pub event: &'f str,
}

/// One person of a meeting, with one colleague at it.
struct Tie<'l, 'f> {
    name: &'f str,
    colleague: Who<'l, 'f>,
    target: Target<'l>,
    article: &'f str,
    index: usize,
    event: &'f str,
}

/// Whether a mention may be moved by colleagues: placed by no post, and no national
/// leader.
fn weak(s: &Seen) -> bool {
    s.post.is_none() && !s.national && !s.anchor.is_nation()
}

/// Whether a cluster can take a mention moved by colleagues: placed at `depth` (the
/// prefecture), or a national leader (a partly placed cluster is itself unsure).
fn firm(t: &Target, depth: usize) -> bool {
    matches!(t, Target::Cluster(a) if a.depth() >= depth || a.is_nation())
}

/// The weak mentions that shared colleagues move, given the persons' sightings in
/// article order (`offsets[k]`: where article `k`'s begin, in the order of its
/// [`ArticlePlaces::persons`]), `base`, the target by place alone, and `depth`, the
/// depth persons are told apart at.
pub(super) fn by_colleagues<'l, 'f>(
    depth: usize,
    facts: &'f [ArticleFacts],
    places: &[ArticlePlaces<'l>],
    persons: &[(&'f str, Seen<'l, 'f>)],
    offsets: &[usize],
    base: &dyn Fn(&'f str, &Seen<'l, 'f>) -> Target<'l>,
) -> Vec<Moved<'l, 'f>> {
    let who = |i: usize| -> Who<'l, 'f> {
        let (name, s) = &persons[i];
        let t = base(name, s);
        (
            name,
            t,
            if t == Target::PerArticle {
                s.article
            } else {
                ""
            },
        )
    };
    // Each person of a meeting with each colleague there, as (person, colleague)
    // sighting indexes and the event.
    let pairs = || {
        facts
            .iter()
            .zip(places)
            .zip(offsets)
            .flat_map(|((f, p), &at)| {
                p.meetings.iter().flat_map(move |(event, slots)| {
                    let slots = &slots[..slots.len().min(MEETING_MAX)];
                    let event = f.ents[*event as usize].canonical();
                    slots.iter().flat_map(move |&a| {
                        slots
                            .iter()
                            .filter(move |&&b| {
                                persons[at + b as usize].0 != persons[at + a as usize].0
                            })
                            .map(move |&b| (at + a as usize, at + b as usize, event))
                    })
                })
            })
    };
    // Only the colleagues of weak mentions can move anything: their ties, and the
    // ties of the same name and colleague elsewhere, are all that is kept.
    let wanted: rustc_hash::FxHashSet<(&str, Who)> = pairs()
        .filter(|&(a, _, _)| weak(&persons[a].1))
        .map(|(a, b, _)| (persons[a].0, who(b)))
        .collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut ties = Vec::new();
    for (a, b, event) in pairs() {
        let (name, seen) = &persons[a];
        let colleague = who(b);
        if !wanted.contains(&(*name, colleague)) {
            continue;
        }
        ties.push(Tie {
            name,
            colleague,
            target: who(a).1,
            article: seen.article,
            index: a,
            event,
        });
    }
    ties.sort_by(|x, y| (x.name, x.colleague).cmp(&(y.name, y.colleague)));
    // Per weak mention: the clusters its colleagues lead to, each with the first
    // colleague and event that led there; and whether they lead to its own.
    type Led<'f> = (&'f str, &'f str);
    let mut leads: BTreeMap<usize, BTreeMap<Target, Led>> = BTreeMap::new();
    let mut own: BTreeSet<usize> = BTreeSet::new();
    for run in ties.chunk_by(|x, y| (x.name, x.colleague) == (y.name, y.colleague)) {
        if !run.iter().any(|t| weak(&persons[t.index].1)) {
            continue;
        }
        // The articles each cluster of the name met this colleague in.
        let mut met: BTreeMap<Target, BTreeSet<&str>> = BTreeMap::new();
        for t in run {
            met.entry(t.target).or_default().insert(t.article);
        }
        for t in run.iter().filter(|t| weak(&persons[t.index].1)) {
            for (target, articles) in &met {
                if !articles.iter().any(|a| *a != t.article) {
                    continue;
                }
                if *target == t.target && t.target != Target::PerArticle {
                    own.insert(t.index);
                } else if *target != t.target && firm(target, depth) {
                    leads
                        .entry(t.index)
                        .or_default()
                        .entry(*target)
                        .or_insert((t.colleague.0, t.event));
                }
            }
        }
    }
    leads
        .into_iter()
        .filter(|(i, _)| !own.contains(i))
        .filter_map(|(index, to)| {
            let mut to = to.into_iter();
            match (to.next(), to.next()) {
                (Some((Target::Cluster(a), (colleague, event))), None) => Some(Moved {
                    index,
                    to: a,
                    colleague,
                    event,
                }),
                _ => None,
            }
        })
        .collect()
}
