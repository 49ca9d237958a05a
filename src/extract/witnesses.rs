//! Witnesses of a signing (在A，B，C的共同见证下，D、E代表双方签字): the leaders named
//! between 在 and 的见证下 attend the occasion, however many commas their list holds.

use super::grammar::Chunk;
use super::parties::{Party, Role};
use super::token::Word;
use crate::lexicon::RoleVerb;
use crate::mention::MentionKind;

/// The people of a 在…的（共同）见证下 frame, who attend the sentence's occasion (the
/// article's, when the sentence names none).
pub(super) fn witnesses(toks: &[Word], chunks: &[Chunk], people: &[usize]) -> Vec<Role> {
    let Some(witnessed) = (0..toks.len()).find(|&i| {
        toks[i].word == "见证下"
            || toks[i].word == "见证" && toks.get(i + 1).is_some_and(|n| n.word == "下")
    }) else {
        return Vec::new();
    };
    let mut k = witnessed;
    if k > 0 && toks[k - 1].word == "共同" {
        k -= 1;
    }
    if k == 0 || toks[k - 1].word != "的" {
        return Vec::new();
    }
    let of = k - 1;
    let Some(at) = (of.saturating_sub(80)..of)
        .rev()
        .take_while(|&i| !matches!(toks[i].word.as_str(), "。" | "；" | ";"))
        .find(|&i| toks[i].word == "在")
    else {
        return Vec::new();
    };
    let event = chunks
        .iter()
        .position(|c| c.mention.kind == MentionKind::Event);
    people
        .iter()
        .filter(|&&p| at < p && p < of)
        .map(|&p| Role {
            subject: Party::Person(p),
            role: RoleVerb::Attended,
            event,
            verb: witnessed,
        })
        .collect()
}
