//! Who and what a sentence relates: the parties of roles and posts, as indices into
//! the sentence's chunks and words, and how to find a chunk next to a word.

use super::grammar::Chunk;
use super::token::Word;
use crate::lexicon::RoleVerb;
use crate::mention::MentionKind;

/// What a participant is, as an index into the sentence's chunk list or its names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Party {
    /// A chunk (organisation, place, event…).
    Chunk(usize),
    /// An accepted name (token index).
    Person(usize),
    /// 他 or 她 (token index): the person the article last named, when unambiguous.
    Pronoun(usize),
    /// A post standing for its holder (区长强调): the title chunk, and the surname
    /// written before it, if any (王市长).
    Holder(usize, Option<char>),
}

/// A post held: person, the title chunk, and the organ or place chunk when written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    /// Token index of the person.
    pub person: usize,
    /// Chunk index of the title.
    pub title: usize,
    /// Chunk index of the organisation or place the post is at.
    pub org: Option<usize>,
    /// The organisation was not written before this post but carried over from the
    /// previous post in the list (党组成员、副局长: both at the same bureau).
    pub inherited: bool,
}

/// An event role or a `held` fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// Who.
    pub subject: Party,
    /// What they did.
    pub role: RoleVerb,
    /// The event chunk, or `None` for the article's main event (会议 alone, 讲话).
    pub event: Option<usize>,
    /// Token index of the verb.
    pub verb: usize,
}

/// Finds the chunk of a kind that ends right before token `i`.
pub(super) fn chunk_ending_at(chunks: &[Chunk], i: usize, kinds: &[MentionKind]) -> Option<usize> {
    chunks
        .iter()
        .position(|c| c.tok_end == i && kinds.contains(&c.mention.kind))
}

pub(super) fn chunk_starting_at(chunks: &[Chunk], i: usize, kind: MentionKind) -> Option<usize> {
    chunks
        .iter()
        .position(|c| c.tok_start == i && c.mention.kind == kind)
}

/// Whether token `i` lies inside a chunk of one of `kinds`.
pub(super) fn in_chunk_of(chunks: &[Chunk], i: usize, kinds: &[MentionKind]) -> bool {
    chunks
        .iter()
        .any(|c| c.tok_start <= i && i < c.tok_end && kinds.contains(&c.mention.kind))
}

/// Where the object of the verb at `v` starts: after it, its 了 and 各.
pub(super) fn object_start(toks: &[Word], v: usize) -> usize {
    let mut k = v + 1;
    if toks.get(k).is_some_and(|t| t.word == "了") {
        k += 1;
    }
    // 召开各代表团负责人会议: "each" before the name of the occasion is no part of it.
    if toks.get(k).is_some_and(|t| t.word == "各") {
        k += 1;
    }
    k
}
