//! Visits (调研, 考察, 视察, 督导, 慰问): the visitors are written before the visit,
//! over where they went, how and whom they led (彭宾昌深入到梁祝镇调研; 康翰卿带领…工作
//! 专班赴哈尔滨新区开展专题调研), and attend it.

use super::grammar::Chunk;
use super::lists::{closes_names, names_people, people_after, subjects_before};
use super::parties::{chunk_ending_at, Party, Role};
use super::token::{is_clause_break, Category, Word};
use crate::lexicon::RoleVerb;
use crate::mention::MentionKind;
use crate::normalize::is_cjk;

/// Words between visitors and their visit (彭宾昌深入到梁祝镇调研, X一行赴Y开展专题调研).
const VISIT_FRAME: &[&str] = &[
    "我市",
    "我县",
    "我区",
    "我省",
    "我州",
    "我镇",
    "我乡",
    "我旗",
    "本市",
    "本县",
    "本区",
    "到",
    "赴",
    "来",
    "去",
    "前往",
    "深入",
    "深入到",
    "莅临",
    "走进",
    "走访",
    "在",
    "开展",
    "进行",
    "实地",
    "专题",
    "一行",
    "带队",
    "带领",
    "率领",
    "率",
    "率队",
    "专程",
    "先后",
    "分别",
    "一同",
    "共同",
    "陪同",
    "同志",
    "等",
    "也",
    "还",
    "又",
    "就",
    "对",
    // How they went (冒雨到主簿镇检查, 连夜赶赴, 再次深入).
    "冒雨",
    "冒雪",
    "冒着",
    "顶风冒雪",
    "冒严寒",
    "冒酷暑",
    "连夜",
    "一早",
    "再次",
    "再度",
    "亲自",
    "立即",
    "第一时间",
    "轻车简从",
    "赶赴",
    "亲切",
    "专门",
    "分头",
    "逐一",
    "一起",
    "陆续",
    "集体",
];

/// Whether token `k` says the visitors went in groups (分两路, 分 + 三路, 分组): how,
/// not who.
fn splits_up(toks: &[Word], k: usize) -> bool {
    let ways = |w: &str| {
        w.chars().count() == 2
            && w.ends_with(['路', '组', '批'])
            && w.starts_with(['两', '二', '三', '四', '五', '六'])
    };
    let w = toks[k].word.as_str();
    w == "分组"
        || w.strip_prefix('分').is_some_and(ways)
        || w == "分" && toks.get(k + 1).is_some_and(|n| ways(&n.word))
        || ways(w) && k > 0 && toks[k - 1].word == "分"
}

/// The people a visitor led, written between the visitor and the visit
/// (带领县农业农村局、县水利局负责同志，深入…督导): they say nothing of where it went.
const LED_PEOPLE: &[&str] = &[
    "负责同志",
    "负责",
    "负责人",
    "主要负责人",
    "有关负责同志",
    "有关负责人",
];

/// Words after which a visit says where it went or whom it took (深入, 带领).
const ARRIVALS: &[&str] = &[
    "到",
    "赴",
    "深入",
    "深入到",
    "前往",
    "走进",
    "来到",
    "带领",
    "率领",
    "率",
];

/// The nearest word of arrival (到, 深入, 带领 …) among the `window` tokens before `end`,
/// not past a clause break or a name.
fn arrival_before(toks: &[Word], people: &[usize], end: usize, window: usize) -> Option<usize> {
    (end.saturating_sub(window)..end)
        .rev()
        .take_while(|&k| !is_clause_break(&toks[k]) && !people.contains(&k))
        .find(|&k| ARRIVALS.contains(&toks[k].word.as_str()))
}

/// Whether the word at `k` is where visitors went, by a one-character short name
/// (湘, 蓉, 肥 of 合肥) after 来 or 赴, or fused with it (来蓉, 赴黔): jieba cuts these
/// as it likes and tags them anything.
fn short_name_gone_to(toks: &[Word], k: usize) -> bool {
    let w = toks[k].word.as_str();
    let mut chars = w.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some(c), None, None) => {
            is_cjk(c)
                && k > 0
                && matches!(toks[k - 1].word.as_str(), "来" | "赴")
                && !is_clause_break(&toks[k])
        }
        (Some('来' | '赴'), Some(c), None) => {
            is_cjk(c) && !NOT_GONE_TO.contains(&w) && !ARRIVALS.contains(&w)
        }
        _ => false,
    }
}

/// Words of 来 or 赴 and one more character that say nothing of where someone went.
const NOT_GONE_TO: &[&str] = &[
    "来自", "来说", "来看", "来讲", "来访", "来信", "来电", "来往", "来临", "来宾", "来源", "来年",
    "赴任", "赴约", "赴会",
];

/// Where the subject of a visit, written between its visitors and where they went,
/// starts (X一行围绕“…”主题，来肥开展考察调研; X一行来我县就…情况进行考察): 围绕 or 就
/// right after the visitors or where they went, before the word at `end` (and a
/// comma before it).
fn topic_before(toks: &[Word], people: &[usize], end: usize) -> Option<usize> {
    let from = if is_clause_break(&toks[end - 1]) && end >= 2 {
        end - 1
    } else {
        end
    };
    (from.saturating_sub(30)..from)
        .rev()
        .take_while(|&k| !is_clause_break(&toks[k]) && !people.contains(&k))
        .find(|&k| matches!(toks[k].word.as_str(), "围绕" | "就"))
        .filter(|&k| {
            // (来我县就…: 我 and the level of division cut apart.)
            let our_division = k >= 2
                && toks[k - 1].category == Category::JurisdictionWord
                && matches!(toks[k - 2].word.as_str(), "我" | "本");
            k > 0
                && (people.contains(&(k - 1))
                    || VISIT_FRAME.contains(&toks[k - 1].word.as_str())
                    || our_division)
        })
}

/// Where the group word at `k` closing a list of names starts (等领导, 等区领导):
/// the 等 after the last name.
fn closing_group(toks: &[Word], people: &[usize], k: usize) -> Option<usize> {
    if !matches!(toks[k].word.as_str(), "领导" | "领导同志") || k < 2 {
        return None;
    }
    let level = toks[k - 1].category == Category::JurisdictionWord;
    let closing = if level { k - 2 } else { k - 1 };
    closes_names(toks, people, closing).then_some(closing)
}

/// Whether an event is a visit (调研, 考察, 视察, 督导, 慰问, 检查).
fn is_visit(c: &Chunk) -> bool {
    matches!(
        c.details.event_type.as_deref(),
        Some("调研" | "考察" | "视察")
    ) || {
        // 春节走访慰问活动: a visit's kind, then 活动.
        let name = c.mention.text.as_str();
        let name = name.strip_suffix("活动").unwrap_or(name);
        [
            "调研", "考察", "视察", "督导", "慰问", "检查", "参观", "走访", "观摩",
        ]
        .iter()
        .any(|v| name.ends_with(v))
    }
}

/// Leaders who each led a group out (镇领导A、B、C分别带队深入基层，与居民亲切交谈), or a
/// leader's party on its way (县委书记A一行先后到县中心敬老院…), in a sentence that names
/// no occasion: they go on the visit the article reports, as roles told without their
/// event are at the article's.
pub(super) fn leaders_gone_out(toks: &[Word], chunks: &[Chunk], people: &[usize]) -> Vec<Role> {
    if chunks.iter().any(|c| c.mention.kind == MentionKind::Event) {
        return Vec::new();
    }
    let Some(k) = toks
        .iter()
        .position(|t| matches!(t.word.as_str(), "带队" | "一行"))
    else {
        return Vec::new();
    };
    let gone_out = toks[k + 1..]
        .iter()
        .skip_while(|t| matches!(t.word.as_str(), "先后" | "分别" | "一同"))
        .take(2)
        .any(|t| {
            // (深入基层, 深入一线: one word to jieba.)
            ARRIVALS.contains(&t.word.as_str()) || t.word.starts_with("深入")
        });
    let mut end = k;
    while end > 0 && matches!(toks[end - 1].word.as_str(), "分别" | "亲自" | "等") {
        end -= 1;
    }
    if !gone_out || end == 0 || !people.contains(&(end - 1)) {
        return Vec::new();
    }
    subjects_before(toks, chunks, people, end, false)
        .into_iter()
        .map(|subject| Role {
            subject,
            role: RoleVerb::Attended,
            event: None,
            verb: k,
        })
        .collect()
}

/// Visitors: the people before a visit, over where they went and how
/// (彭宾昌深入到梁祝镇调研; 康翰卿带领…工作专班赴哈尔滨新区开展专题调研), attend it.
pub(super) fn visitors(toks: &[Word], chunks: &[Chunk], people: &[usize]) -> Vec<Role> {
    let mut out = Vec::new();
    for (ci, c) in chunks.iter().enumerate() {
        if c.mention.kind != MentionKind::Event || !is_visit(c) {
            continue;
        }
        // 前来我省考察的还有A，B: the people named after the visit went on it too.
        let listed_after = toks.get(c.tok_end).is_some_and(|t| t.word == "的")
            && toks
                .get(c.tok_end + 1)
                .is_some_and(|t| matches!(t.word.as_str(), "还有" | "有"));
        if listed_after {
            for subject in people_after(toks, chunks, people, c.tok_end + 2) {
                out.push(Role {
                    subject,
                    role: RoleVerb::Attended,
                    event: Some(ci),
                    verb: c.tok_start,
                });
            }
        }
        // 县委书记A，县长B，以及…相关部门负责人，督查了…: the visitors listed, each with a
        // comma, the last comma right before the visit.
        if let Some(subjects) = listed_before_comma(toks, chunks, people, c.tok_start) {
            out.extend(subjects.into_iter().map(|subject| Role {
                subject,
                role: RoleVerb::Attended,
                event: Some(ci),
                verb: c.tok_start,
            }));
            continue;
        }
        let mut i = c.tok_start;
        let mut framed = false;
        let mut crossed_comma = false;
        loop {
            if i == 0 {
                break;
            }
            let t = &toks[i - 1];
            // 到我县调研: 我 and the level of division cut apart.
            let our_division = t.category == Category::JurisdictionWord
                && i >= 2
                && matches!(toks[i - 2].word.as_str(), "我" | "本");
            if our_division {
                framed = true;
                i -= 2;
                continue;
            }
            if LED_PEOPLE.contains(&t.word.as_str()) {
                i -= 1;
                continue;
            }
            // 吕聚合等领导，看望慰问; …等区领导: the names closed by 等 and a word for them.
            if let Some(k) = closing_group(toks, people, i - 1) {
                framed = true;
                i = k;
                continue;
            }
            // 冒着大雨, 冒 + 着 + 严寒: the weather they went out in.
            if t.tag.starts_with('n') && i >= 2 {
                let braved = match toks[i - 2].word.as_str() {
                    "冒着" | "冒" => Some(i - 2),
                    "着" if i >= 3 && toks[i - 3].word == "冒" => Some(i - 3),
                    _ => None,
                };
                if let Some(k) = braved {
                    framed = true;
                    i = k;
                    continue;
                }
            }
            // 来湘考察, 来蓉调研, 赴黔考察: where they went by its one-character short
            // name, which jieba cuts off the verb or fuses with it as it likes.
            if short_name_gone_to(toks, i - 1) {
                framed = true;
                i -= 1;
                continue;
            }
            // 春节前夕走访慰问, 于1月13日到…调研: when they went.
            let when = t.word.ends_with("前夕")
                || t.word.ends_with("期间")
                || t.word.ends_with("之际")
                || matches!(t.word.as_str(), "近日" | "日前" | "节前" | "于");
            if when {
                framed = true;
                i -= 1;
                continue;
            }
            if let Some(d) = chunk_ending_at(chunks, i, &[MentionKind::Date]) {
                i = chunks[d].tok_start;
                continue;
            }
            // X一行围绕“都市圈建设”主题，来肥开展考察调研: what the visit is about.
            if let Some(k) = topic_before(toks, people, i) {
                framed = true;
                i = k;
                continue;
            }
            if VISIT_FRAME.contains(&t.word.as_str()) || splits_up(toks, i - 1) {
                framed |= !matches!(t.word.as_str(), "同志" | "等" | "也" | "还" | "又");
                i -= 1;
                continue;
            }
            // 先后来到新华街道、城东街道，调研…; 率有关部门负责同志，到开发区开展督查:
            // the places gone to, or the group led, then a comma before the visit.
            let place_before = |k: usize| {
                chunk_ending_at(chunks, k, &[MentionKind::Place, MentionKind::Organization])
                    .is_some()
            };
            let group_before = |k: usize| {
                k > 0
                    && (matches!(
                        toks[k - 1].word.as_str(),
                        "同志" | "负责同志" | "负责人" | "领导" | "领导同志"
                    )
                        // 带领执法检查组, 率考察团: a working group led.
                        || toks[k - 1].word.chars().count() >= 2
                            && toks[k - 1].word.ends_with(['组', '团', '队']))
            };
            // 到周口港区，视察…; X一行，深入…慰问: a comma after where they went, in
            // words no chunk names, or after the group.
            let went_before = |k: usize| {
                toks[k].word == "一行" || arrival_before(toks, people, k + 1, 9).is_some()
            };
            let list_mark = t.word == "、" && place_before(i - 1);
            // A comma right after 一行 or 等区领导 closes the visitors however many commas the
            // way there took (X一行，深入陕州区、灵宝市，看望慰问…).
            let comma = matches!(t.word.as_str(), "，" | ",")
                && i >= 2
                && (toks[i - 2].word == "一行"
                    || closing_group(toks, people, i - 2).is_some()
                    || !crossed_comma
                        && (place_before(i - 1) || group_before(i - 1) || went_before(i - 2)));
            // 开展《水污染防治法》执法检查: the law or plan the visit is about.
            if t.word == "》" {
                if let Some(open) = (i.saturating_sub(20)..i)
                    .rev()
                    .find(|&k| toks[k].word == "《")
                {
                    i = open;
                    continue;
                }
            }
            if list_mark || comma {
                crossed_comma |= comma;
                i -= 1;
                continue;
            }
            // The place or body visited, and the group led there.
            if let Some(o) = chunk_ending_at(
                chunks,
                i,
                &[
                    MentionKind::Place,
                    MentionKind::Organization,
                    MentionKind::Market,
                    MentionKind::Project,
                ],
            ) {
                let start = chunks[o].tok_start;
                let led =
                    start > 0 && matches!(toks[start - 1].word.as_str(), "带领" | "率领" | "率");
                let went = start > 0 && {
                    let w = toks[start - 1].word.as_str();
                    VISIT_FRAME.contains(&w) || LED_PEOPLE.contains(&w)
                };
                let listed = start > 0 && toks[start - 1].word == "、" && place_before(start - 1);
                if led || went || listed {
                    i = start;
                    continue;
                }
            }
            // 深入辖区企业走访调研, 带领市直有关部门负责人到…: where they went or whom
            // they led, in common words no chunk names, back to the word that says so.
            if let Some(k) = arrival_before(toks, people, i, 12) {
                framed = true;
                i = k;
                continue;
            }
            break;
        }
        // 汤小娥督导长湖乡防汛工作: the visit right after its visitor's name, or after
        // a group closing a list of names (…，各区、县(市)委书记考察了…).
        // (县领导A、B等走访慰问部队: only words that close the names between.)
        let closing = toks[i..c.tok_start]
            .iter()
            .all(|t| matches!(t.word.as_str(), "等" | "同志" | "也" | "还" | "又"));
        let direct = closing
            && i > 0
            && (people.contains(&(i - 1))
                // (Not a post after its name: 习近平总书记视察江苏重要讲话.)
                || names_people(&toks[i - 1]) && !(i >= 2 && people.contains(&(i - 2))));
        if !direct && (!framed || i == c.tok_start) {
            continue;
        }
        let mut subjects = subjects_before(toks, chunks, people, i, false);
        // X一行和市人大常委会主任Y来到…考察: the visitors and those who came with them.
        let party_and = (1..i)
            .rev()
            .take_while(|&k| !is_clause_break(&toks[k]))
            .find(|&k| {
                toks[k - 1].word == "一行" && matches!(toks[k].word.as_str(), "和" | "与" | "同")
            });
        if let Some(k) = party_and {
            for p in subjects_before(toks, chunks, people, k - 1, false) {
                if !subjects.contains(&p) {
                    subjects.push(p);
                }
            }
        }
        let mut led = Vec::new();
        if let Some(lead) = lead_verb(toks, people, i, c.tok_start) {
            // The walk back stops at the group led (刘新建带领…考察组一行赴伊犁州走访考察)
            // or at the last name led, short of the leader.
            for p in subjects_before(toks, chunks, people, lead, false) {
                if !subjects.contains(&p) {
                    subjects.push(p);
                }
            }
            led = people
                .iter()
                .filter(|&&k| lead < k && k < c.tok_start)
                .map(|&k| Party::Person(k))
                .filter(|p| !subjects.contains(p))
                .collect();
        }
        for subject in subjects.into_iter().chain(led) {
            out.push(Role {
                subject,
                role: RoleVerb::Attended,
                event: Some(ci),
                verb: c.tok_start,
            });
        }
    }
    out
}

/// The people listed right before a comma that stands before the visit at `visit`
/// (县委书记A，县长B，督查了…), or before those who came with them
/// (…，以及县委办等相关部门负责人，督查了…), when the list holds a name.
fn listed_before_comma(
    toks: &[Word],
    chunks: &[Chunk],
    people: &[usize],
    visit: usize,
) -> Option<Vec<Party>> {
    let comma = visit.checked_sub(1)?;
    if !matches!(toks[comma].word.as_str(), "，" | ",") || comma == 0 {
        return None;
    }
    let end = if people.contains(&(comma - 1)) {
        visit
    } else if LED_PEOPLE.contains(&toks[comma - 1].word.as_str()) {
        // The unnamed who came with them are no visitors to name: the list ends
        // before the 以及 that brings them in.
        let with = (comma.saturating_sub(30)..comma - 1)
            .rev()
            .take_while(|&k| !is_clause_break(&toks[k]))
            .find(|&k| matches!(toks[k].word.as_str(), "以及" | "及"))?;
        let before = with.checked_sub(1)?;
        let after_a_name = people.contains(&before)
            || matches!(toks[before].word.as_str(), "，" | ",")
                && before > 0
                && people.contains(&(before - 1));
        if !after_a_name {
            return None;
        }
        with
    } else {
        return None;
    };
    let subjects = subjects_before(toks, chunks, people, end, false);
    subjects
        .iter()
        .any(|p| matches!(p, Party::Person(_)))
        .then_some(subjects)
}

/// 带领 (率领, 率) right after a name, before `end` (where the walk back from the visit
/// at `visit` stopped): the people named after it, up to the visit, go with
/// the leader, as the members of a delegation do (刘新建带领副政委徐广江，副师长蔡新平…
/// 一行赴伊犁州走访考察). A sentence break, a companion's verb (陪同) or 的 (率领的代表团:
/// a group, not people) between says otherwise.
fn lead_verb(toks: &[Word], people: &[usize], end: usize, visit: usize) -> Option<usize> {
    let k = (end.saturating_sub(60)..end)
        .rev()
        .find(|&k| matches!(toks[k].word.as_str(), "带领" | "率领" | "率"))?;
    let after_a_name = k > 0 && people.contains(&(k - 1));
    let group = toks.get(k + 1).is_some_and(|t| t.word == "的");
    let broken = toks[k..visit]
        .iter()
        .any(|t| matches!(t.word.as_str(), "。" | "；" | ";" | "陪同"));
    (after_a_name && !group && !broken).then_some(k)
}
