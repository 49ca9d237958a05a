//! Relations inside a sentence: categorised tokens, chunks and accepted names come
//! in; facts go out — posts (`holds_position`, parsed as a grammar:
//! `[organ] post (、[organ] post)* name (、name)*`) and event roles (`chaired`,
//! `attended`, `spoke_at`, `held`) found from role verbs and the participant lists
//! around them.

use super::chunk::{Chunk, Tok};
use super::MentionKind;
use crate::lexicon::{Lexicon, RoleVerb};

/// What a participant is, as an index into the sentence's chunk list or its names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Party {
    /// A chunk (organisation, place, event…).
    Chunk(usize),
    /// An accepted name (token index).
    Person(usize),
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

/// Everything related in one sentence.
#[derive(Debug, Default)]
pub struct SentenceRelations {
    /// Posts.
    pub posts: Vec<Post>,
    /// Roles.
    pub roles: Vec<Role>,
}

/// Finds the chunk of a kind that ends right before token `i`.
fn chunk_ending_at(chunks: &[Chunk], i: usize, kinds: &[MentionKind]) -> Option<usize> {
    chunks
        .iter()
        .position(|c| c.tok_end == i && kinds.contains(&c.mention.kind))
}

fn chunk_starting_at(chunks: &[Chunk], i: usize, kind: MentionKind) -> Option<usize> {
    chunks
        .iter()
        .position(|c| c.tok_start == i && c.mention.kind == kind)
}

/// The posts written before the name at token `p`, nearest last.
fn posts_before(toks: &[Tok], chunks: &[Chunk], p: usize) -> Vec<(usize, Option<usize>)> {
    let mut out = Vec::new();
    let mut i = p;
    loop {
        if i == 0 {
            break;
        }
        let Some(title) = chunk_ending_at(chunks, i, &[MentionKind::Title]) else {
            break;
        };
        let ts = chunks[title].tok_start;
        let org = chunk_ending_at(chunks, ts, &[MentionKind::Organization, MentionKind::Place]);
        out.push((title, org));
        let before = org.map(|o| chunks[o].tok_start).unwrap_or(ts);
        if before >= 1 && matches!(toks[before - 1].word.as_str(), "、" | "兼" | "及") {
            i = before - 1;
        } else {
            break;
        }
    }
    out.reverse();
    out
}

/// Posts for every accepted name, titles before a list applying to the whole list.
fn find_posts(toks: &[Tok], chunks: &[Chunk], people: &[usize]) -> Vec<Post> {
    let mut out = Vec::new();
    let mut list_posts: Vec<(usize, Option<usize>)> = Vec::new();
    for (k, &p) in people.iter().enumerate() {
        let own = posts_before(toks, chunks, p);
        let in_list = k > 0 && p >= 2 && people[k - 1] == p - 2 && toks[p - 1].word == "、";
        let posts = if !own.is_empty() {
            own
        } else if in_list {
            list_posts.clone()
        } else {
            Vec::new()
        };
        let mut last_org: Option<usize> = None;
        for &(title, org) in &posts {
            let (org, inherited) = match org {
                Some(o) => (Some(o), false),
                None => (last_org, last_org.is_some()),
            };
            out.push(Post {
                person: p,
                title,
                org,
                inherited,
            });
            if org.is_some() {
                last_org = org;
            }
        }
        list_posts = posts;
    }
    out
}

/// Tokens of a participant segment: names and what describes them.
fn is_participant_token(t: &Tok, chunks: &[Chunk], i: usize, people: &[usize]) -> bool {
    people.contains(&i)
        || matches!(
            t.word.as_str(),
            "、" | "等" | "同志" | "兼" | "及" | "和" | "以及"
        )
        || chunks.iter().any(|c| {
            c.tok_start <= i
                && i < c.tok_end
                && matches!(
                    c.mention.kind,
                    MentionKind::Title | MentionKind::Organization | MentionKind::Place
                )
        })
}

/// The names (or organisations, for 举行) that are the subject of the verb at `v`:
/// the participant segments right before it, across commas.
fn subjects_before(
    toks: &[Tok],
    chunks: &[Chunk],
    people: &[usize],
    v: usize,
    orgs: bool,
) -> Vec<Party> {
    let mut i = v;
    // Skip words between the subject and the verb (等 出席, 在会上 讲话).
    while i > 0
        && matches!(
            toks[i - 1].word.as_str(),
            "等" | "同志"
                | "在"
                | "会上"
                | "在会上"
                | "也"
                | "还"
                | "一同"
                | "共同"
                | "分别"
                | "亲自"
                | "一起"
                | "并"
        )
    {
        i -= 1;
    }
    let mut out = Vec::new();
    let mut seg_end = i;
    loop {
        let mut a = seg_end;
        while a > 0 && is_participant_token(&toks[a - 1], chunks, a - 1, people) {
            a -= 1;
        }
        if a == seg_end {
            break;
        }
        let mut found = false;
        if orgs {
            for (ci, c) in chunks.iter().enumerate() {
                if c.tok_start >= a
                    && c.tok_end <= seg_end
                    && c.mention.kind == MentionKind::Organization
                {
                    // Only organisations that are not the organ of a post.
                    let before_title =
                        chunk_starting_at(chunks, c.tok_end, MentionKind::Title).is_some();
                    if !before_title {
                        out.push(Party::Chunk(ci));
                        found = true;
                    }
                }
            }
        } else {
            for &p in people {
                if p >= a && p < seg_end {
                    out.push(Party::Person(p));
                    found = true;
                }
            }
        }
        // A segment must end at a participant for the list to go on past its comma.
        let ends_well = found && a > 0 && matches!(toks[a - 1].word.as_str(), "," | "，");
        if !ends_well || orgs {
            break;
        }
        seg_end = a - 1;
    }
    out.sort();
    out
}

/// Role verbs in a sentence, with their subjects and events.
fn find_roles(lex: &Lexicon, toks: &[Tok], chunks: &[Chunk], people: &[usize]) -> Vec<Role> {
    let mut out = Vec::new();
    let event_after = |v: usize| -> Option<usize> {
        let mut best: Option<usize> = None;
        for (ci, c) in chunks.iter().enumerate() {
            if c.mention.kind == MentionKind::Event && c.tok_start > v {
                // Stop at the end of the clause that the verb governs.
                let clause_break = toks[v + 1..c.tok_start]
                    .iter()
                    .any(|t| matches!(t.word.as_str(), "。" | ";" | "；"));
                if !clause_break && best.is_none_or(|b| chunks[b].tok_start > c.tok_start) {
                    best = Some(ci);
                }
            }
        }
        best
    };
    // The people of the previous verb, for 主持会议并讲话 / 出席并讲话.
    let mut previous: Option<(usize, Vec<Party>)> = None;
    for (v, t) in toks.iter().enumerate() {
        let Some(&role) = lex.role_verbs.get(&t.word) else {
            continue;
        };
        // 主持 + 召开 is one act: the 召开 is not a second, organisational one.
        if t.word == "召开" && v > 0 && toks[v - 1].word == "主持" {
            continue;
        }
        // Speech conveyed, not given here (传达…讲话精神).
        if role == RoleVerb::SpokeAt {
            let next = toks.get(v + 1).map(|t| t.word.as_str());
            if next == Some("精神")
                || toks[..v]
                    .iter()
                    .rev()
                    .take_while(|t| t.word != "," && t.word != "，")
                    .any(|t| matches!(t.word.as_str(), "传达" | "学习" | "贯彻"))
            {
                continue;
            }
        }
        let event = match role {
            RoleVerb::SpokeAt => event_after(v).filter(|&e| chunks[e].tok_start <= v + 2),
            _ => event_after(v),
        };
        // 出席会议的有 A、B / 参加会见的还有 A: the names come after the verb.
        let after_list = {
            let mut k = event.map(|e| chunks[e].tok_end).unwrap_or(v + 1);
            if toks.get(k).is_some_and(|t| t.word == "的") {
                k += 1;
                if toks
                    .get(k)
                    .is_some_and(|t| matches!(t.word.as_str(), "有" | "还有" | "是" | "领导有"))
                {
                    k += 1;
                    Some(k)
                } else {
                    None
                }
            } else {
                None
            }
        };
        let mut subjects: Vec<Party> = match after_list {
            Some(k) => people
                .iter()
                .filter(|&&p| p >= k)
                .map(|&p| Party::Person(p))
                .collect(),
            None => subjects_before(toks, chunks, people, v, false),
        };
        // 会议由 X 主持: the subject sits after 由.
        if subjects.is_empty() && v >= 2 && toks[v - 2].word == "由" && people.contains(&(v - 1)) {
            subjects.push(Party::Person(v - 1));
        }
        // 并 joins a second verb to the same people.
        if subjects.is_empty() && v > 0 && toks[v - 1].word == "并" {
            if let Some((pv, ps)) = &previous {
                if !toks[*pv..v]
                    .iter()
                    .any(|t| matches!(t.word.as_str(), "," | "，" | "。"))
                {
                    subjects = ps.clone();
                }
            }
        }
        if !subjects.is_empty() {
            previous = Some((v, subjects.clone()));
        }
        let held_by_orgs = role == RoleVerb::Held && subjects.is_empty();
        if held_by_orgs {
            subjects = subjects_before(toks, chunks, people, v, true);
        }
        // A person who 召开 a meeting chairs it.
        let role = if role == RoleVerb::Held && !held_by_orgs {
            RoleVerb::Chaired
        } else {
            role
        };
        // 会议由 X 主持 / 会议 … 讲话: an event before the verb in the same sentence.
        let event = event.or_else(|| {
            chunks.iter().position(|c| {
                c.mention.kind == MentionKind::Event && c.tok_end <= v && role != RoleVerb::SpokeAt
            })
        });
        if role != RoleVerb::SpokeAt
            && role != RoleVerb::Chaired
            && event.is_none()
            && role != RoleVerb::Attended
        {
            continue;
        }
        for s in subjects {
            out.push(Role {
                subject: s,
                role,
                event,
                verb: v,
            });
        }
    }
    out
}

/// Posts and roles of one sentence.
pub fn relate(
    lex: &Lexicon,
    toks: &[Tok],
    chunks: &[Chunk],
    people: &[usize],
) -> SentenceRelations {
    SentenceRelations {
        posts: find_posts(toks, chunks, people),
        roles: find_roles(lex, toks, chunks, people),
    }
}
