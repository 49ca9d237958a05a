//! Relations inside a sentence: categorised tokens, chunks and accepted names come
//! in; facts go out — posts (`holds_position`, parsed as a grammar:
//! `[organ] post (、[organ] post)* name (、name)*`) and event roles (`chaired`,
//! `attended`, `spoke_at`, `held`) found from role verbs and the participant lists
//! around them.

use super::grammar::Chunk;
use super::lists::{people_after, subjects_before, DESCRIPTORS};
use super::participants::{is_clause_break, opening_frame, referring_subject, subject_end};
use super::parties::chunk_starting_at;
pub use super::parties::{Party, Post, Role};
use super::posts::{elected, find_posts};
use super::token::{Category, Word};
use super::{held, presiding};
use crate::lexicon::{Lexicon, RoleVerb};
use crate::mention::MentionKind;

/// Everything related in one sentence.
#[derive(Debug, Default)]
pub struct SentenceRelations {
    /// Posts.
    pub posts: Vec<Post>,
    /// Roles.
    pub roles: Vec<Role>,
    /// Events that are the object of 举行 or 召开 (X举行第二次全体会议): the occasion
    /// itself, where an event before the verb is the session it belongs to.
    pub held: Vec<usize>,
    /// Events that only frame another event of the sentence: a session that holds it
    /// (X会议举行了第四次全体会议) or occasions naming what it prepares
    /// (A会议、B会议“三会”筹备工作部署会). The sentence's date is not theirs.
    pub framing: Vec<usize>,
}

/// A speech made by a light verb and what was said (作了明确要求, 作出安排, 提出具体
/// 要求, 作了强调): the light verb at `v` speaks when such a noun follows it closely.
fn speech_act(toks: &[Word], v: usize) -> Option<RoleVerb> {
    const LIGHT: &[&str] = &[
        "作",
        "作了",
        "作出",
        "做出",
        "做了",
        "提出",
        "提出了",
        "进行",
        "进行了",
        "讲",
        "讲了",
    ];
    const SAID: &[&str] = &[
        "要求", "安排", "部署", "强调", "总结", "说明", "点评", "动员", "指示", "发言", "讲话",
        "报告", "讲解", "解读", "辅导", "意见", "讲座", "汇报", "党课", "小结",
    ];
    if !LIGHT.contains(&toks[v].word.as_str()) {
        return None;
    }
    // 作 + 了, cut apart.
    let v = if toks.get(v + 1).is_some_and(|t| t.word == "了") {
        v + 1
    } else {
        v
    };
    // 作了题为《…》的报告, 作了《…》的报告: past the title to what was given.
    let titled = toks[v + 1..]
        .iter()
        .take(2)
        .position(|t| t.word == "题为")
        .or_else(|| toks.get(v + 1).is_some_and(|t| t.word == "《").then_some(0));
    if let Some(k) = titled {
        let after_title = toks[v + 2 + k..]
            .iter()
            .take(30)
            .position(|t| matches!(t.word.as_str(), "》" | "”"))
            .map(|c| v + 3 + k + c);
        // 作《工作报告》: the title names the speech itself.
        let title_said = after_title.is_some_and(|a| {
            toks.get(a - 2)
                .is_some_and(|t| SAID.iter().any(|w| t.word.ends_with(w)))
        });
        return (title_said
            || after_title.and_then(|a| toks.get(a..)).is_some_and(|rest| {
                rest.iter()
                    .take(3)
                    .any(|t| SAID.iter().any(|w| t.word.ends_with(w)))
            }))
        .then_some(RoleVerb::SpokeAt);
    }
    // 作了关于…情况的报告: past what it was about, to the 的 that ends it.
    if toks.get(v + 1).is_some_and(|t| t.word == "关于") {
        return toks[v + 2..]
            .iter()
            .take(30)
            .take_while(|t| !is_clause_break(t))
            .position(|t| t.word == "的")
            .and_then(|d| toks.get(v + 3 + d))
            .is_some_and(|t| SAID.iter().any(|w| t.word.ends_with(w)))
            .then_some(RoleVerb::SpokeAt);
    }
    let said = |t: &Word| SAID.iter().any(|w| t.word.ends_with(w));
    let close = toks[v + 1..]
        .iter()
        .take(4)
        .take_while(|t| !is_clause_break(t))
        // 明确要求, 具体安排: what was said, with how.
        .any(said);
    // 作县…主席团关于提名…建议名单的说明,: what it was about at length, then 的 and
    // what was given, closing the clause.
    let closing = || {
        let n = toks[v + 1..]
            .iter()
            .take(40)
            .take_while(|t| !is_clause_break(t))
            .count();
        (3..40).contains(&n) && toks[v + n - 1].word == "的" && said(&toks[v + n])
    };
    (close || closing()).then_some(RoleVerb::SpokeAt)
}

/// Going along on the occasion told (…及相关部门负责人一同前往。, 随行): the verb at
/// `v` after 一同 or 一起, ending its clause, takes part as 陪同 does.
fn went_along(toks: &[Word], v: usize) -> Option<RoleVerb> {
    (matches!(toks[v].word.as_str(), "前往" | "同行" | "随行")
        && v > 0
        && matches!(toks[v - 1].word.as_str(), "一同" | "一起" | "一道")
        && toks.get(v + 1).is_none_or(is_clause_break))
    .then_some(RoleVerb::Attended)
}

/// Whether a speaking verb's object is what was said (传达, 通报, 宣读), never the
/// occasion it was said at.
fn conveys_content(verb: &str) -> bool {
    matches!(
        verb,
        "传达" | "通报" | "宣读" | "介绍" | "汇报" | "讲解" | "推介" | "下达"
    )
}

/// Which tokens stand between quotation marks or title marks (“红色宣讲基地”,
/// 《关于…的报告》); empty when the sentence has none.
fn quoted_tokens(toks: &[Word]) -> Vec<bool> {
    if !toks
        .iter()
        .any(|t| matches!(t.word.as_str(), "“" | "《" | "「"))
    {
        return Vec::new();
    }
    let mut out = vec![false; toks.len()];
    let mut open: Option<&str> = None;
    for (i, t) in toks.iter().enumerate() {
        match (open, t.word.as_str()) {
            (None, "“") => open = Some("”"),
            (None, "《") => open = Some("》"),
            (None, "「") => open = Some("」"),
            (Some(close), w) if w == close => open = None,
            (Some(_), _) => out[i] = true,
            _ => {}
        }
    }
    // An opening mark never closed (a quote that runs to the sentence's end, a lost
    // mark) marks nothing: the rest of the sentence may well be its own.
    if open.is_some() {
        return Vec::new();
    }
    out
}

/// Role verbs in a sentence, with their subjects and events.
fn find_roles(lex: &Lexicon, toks: &[Word], chunks: &[Chunk], people: &[usize]) -> Vec<Role> {
    let mut out = Vec::new();
    let event_after = |v: usize| -> Option<usize> {
        chunks
            .iter()
            .enumerate()
            .filter(|(_, c)| c.mention.kind == MentionKind::Event && c.tok_start > v)
            // Stop at the end of the clause that the verb governs.
            .filter(|(_, c)| {
                !toks[v + 1..c.tok_start]
                    .iter()
                    .any(|t| matches!(t.word.as_str(), "。" | ";" | "；" | "," | "，"))
            })
            .map(|(ci, _)| ci)
            .next()
    };
    // The people of the previous verb, for 主持会议并讲话 / 出席并讲话.
    let mut previous: Option<(usize, Vec<Party>)> = None;
    let quoted = quoted_tokens(toks);
    for (v, t) in toks.iter().enumerate() {
        // 为“红色宣讲基地”揭牌: a verb inside a name in quotes states no role.
        if quoted.get(v).copied().unwrap_or(false) {
            continue;
        }
        let Some(role) = lex
            .role_verbs()
            .get(&t.word)
            .copied()
            .or_else(|| speech_act(toks, v))
            .or_else(|| went_along(toks, v))
        else {
            continue;
        };
        // 为沙洲红色宣讲基地揭牌: nor does one inside the name of a body or a place.
        let inside_name = chunks.iter().any(|c| {
            c.tok_start < v
                && v + 1 < c.tok_end
                && matches!(
                    c.mention.kind,
                    MentionKind::Organization | MentionKind::Place | MentionKind::Project
                )
        });
        // (宣讲 of 宣讲基地, 讲解 of 讲解员: a verb naming what a place or a body is for.)
        let names_a_body = role == RoleVerb::SpokeAt
            && toks.get(v + 1).is_some_and(|n| {
                matches!(
                    n.word.as_str(),
                    "基地" | "中心" | "站" | "馆" | "点" | "室" | "员" | "团" | "队"
                )
            });
        // (下届主办城市, 承办单位: who holds it, said of a place or a body.)
        let names_a_host = role == RoleVerb::Held
            && toks
                .get(v + 1)
                .is_some_and(|n| matches!(n.word.as_str(), "城市" | "单位" | "方" | "地"));
        if inside_name || names_a_body || names_a_host {
            continue;
        }
        // 主持 + 召开 is one act: the 召开 is not a second, organisational one. And
        // 对大会的召开表示祝贺: the holding as a noun, which nobody in the clause did.
        if role == RoleVerb::Held && v > 0 && toks[v - 1].word == "的"
            || t.word == "召开" && v > 0 && toks[v - 1].word == "主持"
        {
            continue;
        }
        // Speech conveyed, not given here (传达…讲话精神), and a noun use (讲话中).
        if role == RoleVerb::SpokeAt {
            let next = toks.get(v + 1).map(|t| t.word.as_str());
            let clause = toks[..v].iter().rev().take_while(|t| !is_clause_break(t));
            if next == Some("精神")
                || clause
                    .clone()
                    .any(|t| matches!(t.word.as_str(), "传达" | "学习" | "贯彻"))
            {
                continue;
            }
        }
        // 签约项目, 颁奖典礼: a verb of a ceremony used as a modifier states no role.
        if matches!(t.word.as_str(), "签约" | "颁奖" | "授牌" | "宣誓" | "见证")
            && toks.get(v + 1).is_some_and(|n| {
                n.category == Category::Nominal && !n.tag.starts_with("nr")
                    || n.category == Category::Event
            })
        {
            continue;
        }
        // 会见 as a noun (今天的会见, 会见时在座) is an event, not an act.
        let noun_use = (v > 0 && matches!(toks[v - 1].word.as_str(), "的" | "次"))
            // 举行了座谈, 参加会见的还有: the object of another verb, which says who
            // took part.
            || toks[v.saturating_sub(2)..v].iter().any(|t| {
                matches!(
                    t.word.as_str(),
                    "举行" | "进行" | "召开" | "开展" | "组织" | "参加" | "出席" | "列席" | "陪同"
                )
            })
            || toks
                .get(v + 1)
                .is_some_and(|t| matches!(t.word.as_str(), "时" | "中" | "上" | "后"));
        let meets = matches!(role, RoleVerb::Meets | RoleVerb::CallsOn);
        if meets && noun_use {
            continue;
        }
        // 在此间举行的发布会上说: a verb in a relative clause states no role.
        if role == RoleVerb::Held
            && toks[v + 1..]
                .iter()
                .find(|t| t.word != "了")
                .is_some_and(|t| t.word == "的")
        {
            continue;
        }
        let (end, frame_event) = subject_end(toks, chunks, people, v);
        let event = match role {
            RoleVerb::Meets | RoleVerb::CallsOn => chunk_starting_at(chunks, v, MentionKind::Event),
            // 传达了全区推进会精神, 通报了…会议情况: what is conveyed is no venue; the
            // speech is at the occasion of the frame or of the article.
            RoleVerb::SpokeAt if conveys_content(&t.word) => frame_event,
            RoleVerb::SpokeAt => {
                frame_event.or_else(|| event_after(v).filter(|&e| chunks[e].tok_start <= v + 2))
            }
            _ => event_after(v)
                .or(frame_event)
                .or_else(|| opening_frame(toks, chunks, v)),
        };
        // 参加了以上的会见和会晤, 出席揭牌仪式和相关工作会议: one act, two events.
        let also = event.and_then(|e| {
            let end = chunks[e].tok_end;
            let related = toks
                .get(end + 1)
                .is_some_and(|t| matches!(t.word.as_str(), "相关" | "有关"));
            (toks
                .get(end)
                .is_some_and(|t| matches!(t.word.as_str(), "和" | "及" | "与" | "、")))
            .then(|| chunk_starting_at(chunks, end + 1 + usize::from(related), MentionKind::Event))
            .flatten()
        });
        // 出席会议的有 A、B / 出席今天活动的嘉宾有 A: the names come after the verb.
        let after_list = {
            let mut k = event.map(|e| chunks[e].tok_end).unwrap_or(v + 1);
            if toks.get(k).is_some_and(|t| t.word == "的") {
                k += 1;
                // 的领导同志有, 的省市领导有, 的嘉宾和领导有: who they are, in a word or two.
                while k < v + 8
                    && toks.get(k).is_some_and(|t| {
                        matches!(
                            t.word.as_str(),
                            "嘉宾"
                                | "领导"
                                | "人员"
                                | "同志"
                                | "领导同志"
                                | "人士"
                                | "和"
                                | "还"
                        ) || DESCRIPTORS.contains(&t.word.as_str())
                            || t.category == Category::JurisdictionWord
                    })
                {
                    k += 1;
                }
                toks.get(k)
                    .is_some_and(|t| {
                        matches!(t.word.as_str(), "有" | "还有" | "是" | "包括" | "领导有")
                    })
                    .then_some(k + 1)
            } else {
                None
            }
        };
        // The occasion followed by 的 (参加签约的企业代表): the verb says who people are.
        let event_described =
            event.is_some_and(|e| toks.get(chunks[e].tok_end).is_some_and(|t| t.word == "的"));
        // 与参加市政协会议的港澳委员举行见面会: the partners are described by whom they
        // took part in; the people before 与 did not.
        let describes_partners = after_list.is_none()
            && v > 0
            && matches!(toks[v - 1].word.as_str(), "与" | "同" | "和")
            && event_described;
        if describes_partners {
            continue;
        }
        let mut subjects: Vec<Party> = match after_list {
            Some(k) => people_after(toks, chunks, people, k),
            None => subjects_before(toks, chunks, people, end, false),
        };
        if subjects.is_empty() && after_list.is_none() {
            if let Some(r) = referring_subject(lex, toks, chunks, end) {
                subjects.push(r);
            }
        }
        // 在市委书记王刚的陪同下: the companions stand before 的.
        if subjects.is_empty()
            && v >= 2
            && toks[v - 1].word == "的"
            && toks.get(v + 1).is_some_and(|t| t.word == "下")
        {
            subjects = subjects_before(toks, chunks, people, v - 1, false);
        }
        // 会议由 X 主持: the subject sits after 由.
        if subjects.is_empty() && v >= 2 && toks[v - 2].word == "由" && people.contains(&(v - 1)) {
            subjects.push(Party::Person(v - 1));
        }
        // …一行到永靖县调研督导重点项目建设，出席开工仪式: a clause that opens with the
        // verb of taking part goes on with the people of the clause before.
        // (Not 参加过战役, a life's story, nor 参加签约的企业代表, who they are.)
        let goes_on_after_comma = matches!(role, RoleVerb::Attended | RoleVerb::Chaired)
            && end == v
            && v > 0
            && matches!(toks[v - 1].word.as_str(), "," | "，")
            && event.is_some()
            && !event_described
            && toks.get(v + 1).is_none_or(|t| t.word != "过");
        // 并 joins a second verb to the same people (并讲话, 并作了重要讲话, 并分别讲话).
        // (The segmenter may read 并作 as one word.)
        if subjects.is_empty()
            && (goes_on_after_comma
                || toks[end.min(v)..v]
                    .iter()
                    .any(|t| t.word == "并" || t.word == "并作"))
        {
            // …出席会议，并就…提出要求: 并 goes on past a comma, not past a sentence.
            // Not for 举行, nor for a stance (并对活动的举行表示了肯定): only for an
            // act at the occasion.
            let comma_ok =
                role != RoleVerb::Held && !matches!(toks[v].word.as_str(), "表示" | "说" | "称");
            let within = |from: usize| {
                !toks[from..v].iter().any(|t| {
                    is_clause_break(t) && !(comma_ok && matches!(t.word.as_str(), "," | "，"))
                })
            };
            if let Some((pv, ps)) = &previous {
                if within(*pv) {
                    subjects = ps.clone();
                }
            } else if comma_ok {
                // 余建华到沙县区调研…，并主持召开座谈会: the people the sentence opens
                // with, before their first verb.
                if let Some(k) = (1..v)
                    .find(|&k| {
                        people.contains(&(k - 1))
                            && (toks[k].tag.starts_with('v') || toks[k].word == "一行")
                    })
                    .filter(|&k| within(k))
                {
                    subjects = subjects_before(toks, chunks, people, k, false);
                }
            }
        }
        if !subjects.is_empty() {
            previous = Some((v, subjects.clone()));
        }
        if meets {
            // Hosts chair the meeting; the guests named after the verb attend it. Those
            // who call on people (看望慰问) make a visit: they attend it, and the people
            // called on take no part in it.
            // A call (拜会, 拜访) is hosted by the one called on, after the verb.
            let Some(e) = event else { continue };
            let visit = chunks[e].details.event_type.as_deref() == Some("调研");
            let call = role == RoleVerb::CallsOn;
            let (before, after) = if call {
                (RoleVerb::Attended, RoleVerb::Chaired)
            } else {
                (RoleVerb::Chaired, RoleVerb::Attended)
            };
            for s in subjects {
                out.push(Role {
                    subject: s,
                    role: if visit { RoleVerb::Attended } else { before },
                    event: Some(e),
                    verb: v,
                });
            }
            if visit {
                continue;
            }
            let mut guests = people_after(toks, chunks, people, v + 1);
            // X 与 Y 座谈: the guests stand between 与 and the verb.
            if guests.is_empty() {
                if let Some(k) =
                    (end..v).find(|&k| matches!(toks[k].word.as_str(), "与" | "同" | "和"))
                {
                    guests = people
                        .iter()
                        .filter(|&&p| p > k && p < v)
                        .map(|&p| Party::Person(p))
                        .collect();
                }
            }
            for g in guests {
                out.push(Role {
                    subject: g,
                    role: after,
                    event: Some(e),
                    verb: v,
                });
            }
            continue;
        }
        let held_by_orgs = role == RoleVerb::Held && subjects.is_empty();
        if held_by_orgs {
            subjects = subjects_before(toks, chunks, people, end, true);
        }
        // A person who 召开/举行 a meeting chairs it; talks (会谈) have no chair.
        // X与Y举行座谈: the partners between 与 and the verb take part as X does.
        let partners: Vec<Party> = if role == RoleVerb::Held && !held_by_orgs {
            (end..v)
                .find(|&k| {
                    matches!(toks[k].word.as_str(), "与" | "同")
                        && !chunks.iter().any(|c| c.tok_start <= k && k < c.tok_end)
                })
                .map(|k| {
                    people
                        .iter()
                        .filter(|&&p| p > k && p < v)
                        .map(|&p| Party::Person(p))
                        .collect()
                })
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let talks = !partners.is_empty()
            || event
                .and_then(|e| chunks[e].details.event_type.as_deref())
                .is_some_and(|t| matches!(t, "会谈"));
        let role = match role {
            RoleVerb::Held if !held_by_orgs && talks => RoleVerb::Attended,
            RoleVerb::Held if !held_by_orgs => RoleVerb::Chaired,
            r => r,
        };
        // 会议由 X 主持 / 会议 … 讲话: an event before the verb in the same sentence.
        let event = event.or_else(|| {
            chunks.iter().position(|c| {
                c.mention.kind == MentionKind::Event && c.tok_end <= v && role != RoleVerb::SpokeAt
            })
        });
        if role == RoleVerb::Held && event.is_none() {
            continue;
        }
        for s in subjects.into_iter().chain(partners) {
            out.push(Role {
                subject: s,
                role,
                event,
                verb: v,
            });
            if also.is_some() {
                out.push(Role {
                    subject: s,
                    role,
                    event: also,
                    verb: v,
                });
            }
        }
    }
    out
}

/// Posts and roles of one sentence.
pub fn relate(
    lex: &Lexicon,
    toks: &[Word],
    chunks: &[Chunk],
    people: &[usize],
) -> SentenceRelations {
    let mut roles = find_roles(lex, toks, chunks, people);
    roles.extend(presiding::presiding(toks, chunks, people));
    roles.extend(super::visits::visitors(toks, chunks, people));
    roles.extend(super::visits::leaders_gone_out(toks, chunks, people));
    roles.extend(super::reports::reports_heard(toks, chunks, people));
    roles.extend(super::witnesses::witnesses(toks, chunks, people));
    let mut posts = find_posts(lex, toks, chunks, people);
    posts.extend(elected(toks, chunks, people));
    let framing = held::framing_events(lex, toks, chunks);
    // 召开A会议、B会议筹备工作部署会: what is held is the occasion the list frames.
    let held = held::held_events(lex, toks, chunks)
        .into_iter()
        .filter_map(|h| {
            (h..chunks.len())
                .find(|&c| chunks[c].mention.kind == MentionKind::Event && !framing.contains(&c))
        })
        .collect();
    SentenceRelations {
        posts,
        roles,
        held,
        framing,
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::shapes::{facts, has};

    #[test]
    fn visitors_and_companions_attend_the_visit() {
        let f = facts("5月19日,县委书记彭宾昌深入到梁祝镇调研脱贫攻坚工作。县委常委李峰陪同调研。");
        assert!(has(&f, "彭宾昌", "attended", "调研"), "{f:?}");
        assert!(has(&f, "李峰", "attended", "调研"), "{f:?}");
        // The place visited is no part of the visit's name.
        assert!(!f.iter().any(|(_, _, x)| x.contains("梁祝镇调研")), "{f:?}");
    }

    #[test]
    fn lists_of_attendees_with_posts_and_commas() {
        let f = facts("3月3日,县政府召开常务会议。县委常委、常务副县长王飞,副县长秦勇,县政府党组成员唐小时,参加会议。");
        for who in ["王飞", "秦勇", "唐小时"] {
            assert!(has(&f, who, "attended", "会议"), "{who}: {f:?}");
        }
        let f = facts("6月9日,我县举行重点项目集中开工仪式。刘远生、王振军、胡新明、彭世富等在家的县四套班子领导,县法检两长、公安局政委出席仪式。");
        assert!(has(&f, "刘远生", "attended", "仪式"), "{f:?}");
        assert!(has(&f, "王振军", "attended", "仪式"), "{f:?}");
    }

    #[test]
    fn a_host_and_guests_meet_in_a_talk() {
        let f = facts("3月21日,市长吴贤德与全国工商联副主席方光华一行座谈。");
        assert!(has(&f, "吴贤德", "chaired", "座谈"), "{f:?}");
        assert!(has(&f, "方光华", "attended", "座谈"), "{f:?}");
    }

    #[test]
    fn posts_given_after_the_names() {
        let f = facts("李正印、李晓波当选十二届省政协副主席。");
        assert!(has(&f, "李正印", "holds_position", "副主席"), "{f:?}");
        assert!(has(&f, "李晓波", "holds_position", "副主席"), "{f:?}");
    }
}
