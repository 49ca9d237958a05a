//! Reports heard: 会议听取了市发改委主任郑伟关于项目建设情况的汇报. The people whose
//! report a meeting heard spoke at it, though they are written after the verb.

use super::grammar::Chunk;
use super::parties::{in_chunk_of, object_start, Party, Role};
use super::token::{is_clause_break, Word};
use crate::lexicon::RoleVerb;
use crate::mention::MentionKind;

/// What a meeting hears from someone: their report, account or speech.
const HEARD: &[&str] = &["汇报", "报告", "说明", "介绍", "发言", "讲话"];

/// Words that open what the report was about, right after the reporters (关于…的汇报,
/// 所作的说明, 代表省委所作的说明, 的汇报).
const ABOUT: &[&str] = &["关于", "所作", "所做", "代表", "的", "就"];

/// `spoke_at` roles of the people whose report 听取 or 听取了 takes, at the
/// article's occasion.
pub(super) fn reports_heard(toks: &[Word], chunks: &[Chunk], people: &[usize]) -> Vec<Role> {
    let mut out = Vec::new();
    for (v, t) in toks.iter().enumerate() {
        if t.word != "听取" {
            continue;
        }
        let mut i = object_start(toks, v);
        // The reporters with their posts: 市发改委主任郑伟, 县长甲、副县长乙.
        let mut reporters = Vec::new();
        while let Some(t) = toks.get(i) {
            let in_post = in_chunk_of(chunks, i, &[MentionKind::Title, MentionKind::Organization]);
            if people.contains(&i) {
                reporters.push(i);
            } else if !(in_post || t.word == "、" || t.word == "同志") {
                break;
            }
            i += 1;
        }
        if reporters.is_empty()
            || !toks
                .get(i)
                .is_some_and(|t| ABOUT.contains(&t.word.as_str()))
        {
            continue;
        }
        let heard = toks[i..]
            .iter()
            .take_while(|t| !is_clause_break(t))
            .any(|t| HEARD.iter().any(|h| t.word.ends_with(h)));
        if heard {
            out.extend(reporters.into_iter().map(|p| Role {
                subject: Party::Person(p),
                role: RoleVerb::SpokeAt,
                event: None,
                verb: v,
            }));
        }
    }
    out
}
