//! Presiding officers of a session named by their post (本次大会的执行主席郭建宇、
//! 王小宁…; 执行主席是（按姓名笔画排列）：A、B…): they chair the session.

use super::grammar::Chunk;
use super::lists::people_after;
use super::parties::{chunk_ending_at, Role};
use super::token::Word;
use crate::lexicon::RoleVerb;
use crate::mention::MentionKind;

/// Presiding officers named by their post (本次大会的执行主席郭建宇、王小宁…): they
/// chair the event (the article's, unless the sentence names one).
pub(super) fn presiding(toks: &[Word], chunks: &[Chunk], people: &[usize]) -> Vec<Role> {
    let mut out = Vec::new();
    for c in chunks
        .iter()
        .filter(|c| c.mention.kind == MentionKind::Title)
    {
        // The post of a session (本次大会的执行主席), not of an organisation (非统组织
        // 执行主席), with the names after it.
        let of_org = chunk_ending_at(chunks, c.tok_start, &[MentionKind::Organization]).is_some();
        if !c.mention.text.ends_with("执行主席") || of_org {
            continue;
        }
        let first = names_introduced(toks, c.tok_end);
        if !people.contains(&first) {
            continue;
        }
        let event = chunks
            .iter()
            .position(|e| e.mention.kind == MentionKind::Event && e.tok_end <= c.tok_start);
        for subject in people_after(toks, chunks, people, first) {
            out.push(Role {
                subject,
                role: RoleVerb::Chaired,
                event,
                verb: c.tok_start,
            });
        }
    }
    out
}

/// Where the names of a list introduced at `k` begin: past 是, 为 or 有, a note on
/// their order in brackets and a colon (执行主席是（按姓名笔画排列）：A、B…).
fn names_introduced(toks: &[Word], mut k: usize) -> usize {
    let word = |k: usize| toks.get(k).map_or("", |t| t.word.as_str());
    if matches!(word(k), "是" | "为" | "有" | "分别是" | "分别为") {
        k += 1;
    }
    if matches!(word(k), "(" | "（") {
        if let Some(close) = toks[k..]
            .iter()
            .take(12)
            .position(|t| matches!(t.word.as_str(), ")" | "）"))
        {
            k += close + 1;
        }
    }
    if matches!(word(k), ":" | "：") {
        k += 1;
    }
    k
}

#[cfg(test)]
mod tests {
    use crate::extract::shapes::{facts, has};

    #[test]
    fn presiding_officers_chair_the_session() {
        let f = facts("本报讯 4月27日下午,政协会议举行第二次全体会议。本次大会的执行主席郭建宇、王小宁、郭庆宏。");
        assert!(has(&f, "郭建宇", "chaired", "全体会议"), "{f:?}");
        assert!(has(&f, "郭庆宏", "chaired", "全体会议"), "{f:?}");
        // Introduced by 是, with a note on their order and a colon.
        let f = facts("7月9日上午,某县第十届人民代表大会第二次会议在县剧院开幕。本次大会的执行主席是(按姓名笔画排列):方立伟、陈明、赵晓东、李冰(女)。");
        for who in ["方立伟", "陈明", "赵晓东", "李冰"] {
            assert!(has(&f, who, "chaired", "第二次会议"), "{who}: {f:?}");
        }
        // The chair of an organisation is no presiding officer of a meeting.
        let f = facts("非统组织执行主席、布基纳法索总统孔波雷在闭幕式上发表讲话。");
        assert!(!has(&f, "孔波雷", "chaired", ""), "{f:?}");
    }
}
