//! Posts inside a sentence, parsed as a grammar: `[organ] post (、[organ] post)* name
//! (、name)*`, the posts before a list applying to the whole list, and posts given after
//! the names (X、Y当选…副主席).

use super::grammar::Chunk;
use super::lists::subjects_before;
use super::participants::{is_clause_break, subject_end};
use super::parties::{chunk_ending_at, chunk_starting_at, in_chunk_of, Party, Post};
use super::token::{Category, Word};
use crate::lexicon::Lexicon;
use crate::mention::MentionKind;

/// Academic and honorary titles that may stand in a list of posts but are no post
/// themselves (中央美院院长、中央美院教授龚继遂).
pub(super) const HONORIFICS: &[&str] = &["教授", "副教授", "研究员", "博士", "院士", "高级工程师"];

/// The posts written before the name at token `p`, nearest last.
pub(super) fn posts_before(
    toks: &[Word],
    chunks: &[Chunk],
    p: usize,
) -> Vec<(usize, Option<usize>)> {
    let mut out = Vec::new();
    let mut i = p;
    if i > 0 && HONORIFICS.contains(&toks[i - 1].word.as_str()) {
        let h = i - 1;
        let start = chunk_ending_at(chunks, h, &[MentionKind::Organization])
            .map(|o| chunks[o].tok_start)
            .unwrap_or(h);
        if start >= 1 && toks[start - 1].word == "、" {
            i = start - 1;
        }
    }
    loop {
        if i == 0 {
            break;
        }
        let Some(title) = chunk_ending_at(chunks, i, &[MentionKind::Title]) else {
            break;
        };
        let ts = chunks[title].tok_start;
        // 静海区委蔺雪峰书记、区政府代区长张庆恩: a post earlier in the list written
        // after its own name is that name's.
        if !out.is_empty()
            && ts > 0
            && toks[ts - 1].tag.starts_with("nr")
            && toks[ts - 1].category == Category::Nominal
        {
            break;
        }
        // 联邦委员会（议会上院）主席: a note in brackets may stand between organ and post.
        let org_end = if ts > 0 && matches!(toks[ts - 1].word.as_str(), "）" | ")") {
            (0..ts - 1)
                .rev()
                .take(8)
                .find(|&k| matches!(toks[k].word.as_str(), "（" | "("))
                .unwrap_or(ts)
        } else {
            ts
        };
        let org = chunk_ending_at(
            chunks,
            org_end,
            &[MentionKind::Organization, MentionKind::Place],
        )
        // 驻奥地利大使: the place is where the post is held, not the organ.
        .filter(|&o| !(chunks[o].tok_start > 0 && toks[chunks[o].tok_start - 1].word == "驻"));
        out.push((title, org));
        let mut before = org.map(|o| chunks[o].tok_start).unwrap_or(ts);
        // 县委副书记、政府县长王兴: an organ without its place (政府), which makes no
        // organisation, still stands in the chain.
        if org.is_none() && before >= 2 && toks[before - 1].category == Category::Organ {
            before -= 1;
        }
        if before >= 1 && matches!(toks[before - 1].word.as_str(), "、" | "兼" | "及") {
            i = before - 1;
        } else if org.is_some() && chunk_ending_at(chunks, before, &[MentionKind::Title]).is_some()
        {
            // 市委常委总工会主席: posts follow each other with no mark between.
            i = before;
        } else if before >= 2
            && matches!(toks[before - 1].word.as_str(), "，" | ",")
            && chunk_ending_at(chunks, before - 1, &[MentionKind::Title]).is_some()
        {
            // 市委副书记、市长，市政府党组书记李明: no name between, so one person's.
            i = before - 1;
        } else {
            break;
        }
    }
    out.reverse();
    out
}

/// Posts for every accepted name, titles before a list applying to the whole list.
pub(super) fn find_posts(
    lex: &Lexicon,
    toks: &[Word],
    chunks: &[Chunk],
    people: &[usize],
) -> Vec<Post> {
    let mut out = Vec::new();
    let mut list_posts: Vec<(usize, Option<usize>)> = Vec::new();
    let mut previous_org: Option<usize> = None;
    for (k, &p) in people.iter().enumerate() {
        let mut own = posts_before(toks, chunks, p);
        // 李明（市委常委、常务副市长）: the posts in brackets right after the name.
        if own.is_empty()
            && toks
                .get(p + 1)
                .is_some_and(|t| matches!(t.word.as_str(), "（" | "("))
        {
            if let Some(close) = (p + 2..toks.len().min(p + 24))
                .take_while(|&k| !people.contains(&k) && !is_clause_break(&toks[k]))
                .find(|&k| matches!(toks[k].word.as_str(), "）" | ")"))
            {
                own = posts_before(toks, chunks, close);
            }
        }
        // 县人大常委会马文秀主任，: an organ before the name and its post right after.
        if own.is_empty() && p > 0 {
            let org = chunk_ending_at(chunks, p, &[MentionKind::Organization]);
            let title = chunk_starting_at(chunks, p + 1, MentionKind::Title);
            if let (Some(org), Some(title)) = (org, title) {
                let after = toks.get(chunks[title].tok_end);
                if after.is_none_or(|t| {
                    matches!(t.word.as_str(), "、" | "，" | "," | "。")
                        || lex.role_verbs().contains_key(&t.word)
                }) {
                    own = vec![(title, Some(org))];
                }
            }
        }
        let in_list = k > 0 && p >= 2 && people[k - 1] == p - 2 && toks[p - 1].word == "、";
        // 通州区委书记王云峰、副书记李玉君, 区人大常委会党组书记季晓春，党组副书记陈育群,
        // 镇党委书记石岩和组织委员彭巍: a post without an organ right after the previous
        // name in the list is of that name's organ.
        let follows_name = own.first().is_some_and(|&(title, org)| {
            let ts = chunks[title].tok_start;
            org.is_none()
                && k > 0
                && ts >= 2
                && matches!(toks[ts - 1].word.as_str(), "、" | "，" | "," | "和" | "及")
                && people[k - 1] == ts - 2
        });
        let posts = if !own.is_empty() {
            own
        } else if in_list {
            list_posts.clone()
        } else {
            Vec::new()
        };
        let mut last_org: Option<usize> = if follows_name { previous_org } else { None };
        for &(title, org) in &posts {
            let national = chunks[title]
                .details
                .head
                .as_deref()
                .is_some_and(|head| lex.national_titles().contains(head));
            let (org, inherited) = match org {
                Some(o) => (Some(o), false),
                None if national => (None, false),
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
        previous_org = last_org;
        list_posts = posts;
    }
    out
}

/// Verbs after which a post is given to the names before them.
pub(super) const ELECTED: &[&str] = &[
    "当选",
    "当选为",
    "任命为",
    "出任",
    "担任",
    "增补为",
    "选举为",
    "任",
    "现任",
    "兼任",
    "改任",
    "调任",
    // 缪京辞去崇明区区长职务: the post held until now.
    "辞去",
];

/// Verbs followed by the names, then 为 and the post (任命李峻为副区长), or 的 and the
/// post left (免去李峻的副区长职务).
const APPOINTS: &[&str] = &["任命", "选举", "决定任命", "免去", "推选", "增补"];

/// Posts given after the names (李正印、李晓波当选十二届省政协副主席).
pub(super) fn elected(toks: &[Word], chunks: &[Chunk], people: &[usize]) -> Vec<Post> {
    let mut out = Vec::new();
    for (v, t) in toks.iter().enumerate() {
        let w = t.word.as_str();
        // 任命李峻为副区长, 免去李峻的副区长职务: the names stand between the verb and
        // 为 (or 的); else before the verb (李峻任副区长、代理区长).
        let (names, from): (Vec<usize>, usize) = if APPOINTS.contains(&w) {
            let Some(k) = (v + 1..toks.len().min(v + 24))
                .take_while(|&k| !is_clause_break(&toks[k]))
                .find(|&k| matches!(toks[k].word.as_str(), "为" | "的"))
            else {
                continue;
            };
            let named: Vec<usize> = people.iter().copied().filter(|&p| p > v && p < k).collect();
            (named, k)
        } else if ELECTED.contains(&w) {
            // 丁文禄、卫忠平等97人当选: over 等 and the head count.
            let (end, _) = subject_end(toks, chunks, people, v);
            let named = subjects_before(toks, chunks, people, end, false)
                .into_iter()
                .filter_map(|s| match s {
                    Party::Person(p) => Some(p),
                    _ => None,
                })
                .collect();
            (named, v)
        } else {
            continue;
        };
        if names.is_empty() {
            continue;
        }
        for title in titles_given(toks, chunks, from) {
            // 担任本届政协委员的…李雁红: a clause describing the people after it, not
            // a post given to those before.
            if toks
                .get(chunks[title].tok_end)
                .is_some_and(|t| t.word == "的")
            {
                continue;
            }
            let org = chunk_ending_at(
                chunks,
                chunks[title].tok_start,
                &[MentionKind::Organization, MentionKind::Place],
            );
            for &person in &names {
                out.push(Post {
                    person,
                    title,
                    org,
                    inherited: false,
                });
            }
        }
    }
    out
}

/// The posts given after token `from`, in its clause: the first one, and those joined
/// to it by 、 or 和 (副区长、代理区长), each with the organisation written before it.
fn titles_given(toks: &[Word], chunks: &[Chunk], from: usize) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    let mut k = from + 1;
    while k < toks.len() && !is_clause_break(&toks[k]) {
        if let Some(c) = chunk_starting_at(chunks, k, MentionKind::Title) {
            out.push(c);
            k = chunks[c].tok_end;
            // Go on only over 、 or 和 and the organisation of the next post.
            if !toks
                .get(k)
                .is_some_and(|t| matches!(t.word.as_str(), "、" | "和"))
            {
                break;
            }
            k += 1;
            continue;
        }
        if !out.is_empty()
            && !in_chunk_of(chunks, k, &[MentionKind::Organization, MentionKind::Place])
            && toks[k].category != Category::JurisdictionWord
        {
            break;
        }
        k += 1;
    }
    out
}
