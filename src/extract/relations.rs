//! Relations inside a sentence: categorised tokens, chunks and accepted names come
//! in; facts go out — posts (`holds_position`, parsed as a grammar:
//! `[organ] post (、[organ] post)* name (、name)*`) and event roles (`chaired`,
//! `attended`, `spoke_at`, `held`) found from role verbs and the participant lists
//! around them.

use super::grammar::Chunk;
use super::token::{Category, Word};
use crate::lexicon::{Lexicon, RoleVerb};
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

/// Academic and honorary titles that may stand in a list of posts but are no post
/// themselves (中央美院院长、中央美院教授龚继遂).
const HONORIFICS: &[&str] = &["教授", "副教授", "研究员", "博士", "院士", "高级工程师"];

/// The posts written before the name at token `p`, nearest last.
fn posts_before(toks: &[Word], chunks: &[Chunk], p: usize) -> Vec<(usize, Option<usize>)> {
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
        let before = org.map(|o| chunks[o].tok_start).unwrap_or(ts);
        if before >= 1 && matches!(toks[before - 1].word.as_str(), "、" | "兼" | "及") {
            i = before - 1;
        } else if org.is_some() && chunk_ending_at(chunks, before, &[MentionKind::Title]).is_some()
        {
            // 市委常委总工会主席: posts follow each other with no mark between.
            i = before;
        } else {
            break;
        }
    }
    out.reverse();
    out
}

/// Posts for every accepted name, titles before a list applying to the whole list.
fn find_posts(lex: &Lexicon, toks: &[Word], chunks: &[Chunk], people: &[usize]) -> Vec<Post> {
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
        list_posts = posts;
    }
    out
}

/// Words that describe people in a list without being posts (县领导孔鲁, 项目负责人朱红伟).
const DESCRIPTORS: &[&str] = &[
    "领导",
    "县领导",
    "区领导",
    "市领导",
    "省领导",
    "镇领导",
    "乡领导",
    "旗领导",
    "州领导",
    "负责人",
    "主要负责人",
    "有关负责人",
    "相关负责人",
    "负责同志",
    "嘉宾",
    "委员",
    "代表",
    "党员",
    "干部",
    "专家",
    "企业家",
    "老同志",
    "班子成员",
];

/// Verbs after which a post is given to the names before them.
const ELECTED: &[&str] = &[
    "当选",
    "当选为",
    "任命为",
    "出任",
    "担任",
    "增补为",
    "选举为",
];

/// Posts given after the names (李正印、李晓波当选十二届省政协副主席).
fn elected(toks: &[Word], chunks: &[Chunk], people: &[usize]) -> Vec<Post> {
    let mut out = Vec::new();
    for (v, t) in toks.iter().enumerate() {
        if !ELECTED.contains(&t.word.as_str()) {
            continue;
        }
        // The first post after the verb, in its clause.
        let Some(title) = chunks
            .iter()
            .enumerate()
            .filter(|(_, c)| c.mention.kind == MentionKind::Title && c.tok_start > v)
            .filter(|(_, c)| !toks[v + 1..c.tok_start].iter().any(is_clause_break))
            .map(|(i, _)| i)
            .next()
        else {
            continue;
        };
        let org = chunk_ending_at(
            chunks,
            chunks[title].tok_start,
            &[MentionKind::Organization, MentionKind::Place],
        );
        for subject in subjects_before(toks, chunks, people, v, false) {
            if let Party::Person(person) = subject {
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

/// Tokens of a participant segment: names and what describes them.
fn is_participant_token(t: &Word, chunks: &[Chunk], i: usize, people: &[usize]) -> bool {
    people.contains(&i)
        || matches!(
            t.word.as_str(),
            "、" | "等" | "同志" | "先生" | "女士" | "兼" | "及" | "和" | "以及"
        )
        || DESCRIPTORS.contains(&t.word.as_str())
        || t.category == Category::JurisdictionWord
        || chunks.iter().any(|c| {
            c.tok_start <= i
                && i < c.tok_end
                && matches!(
                    c.mention.kind,
                    MentionKind::Title
                        | MentionKind::Organization
                        | MentionKind::Place
                        | MentionKind::Project
                        | MentionKind::Market
                )
        })
}

/// Words that may stand between a subject and its verb (等 出席, 也 参加, 分别 致辞).
pub const BETWEEN: &[&str] = &[
    "是",
    "发表",
    "书面",
    "重要",
    "在京",
    "此间",
    "在此间",
    "上将",
    "中将",
    "少将",
    "大将",
    "教授",
    "院士",
    "领导",
    "相关领导",
    "有关领导",
    "负责同志",
    "今日",
    "昨日",
    "相关",
    "有关",
    "在讲话中",
    "等",
    "同志",
    "先生",
    "女士",
    "在",
    "会上",
    "在会上",
    "也",
    "还",
    "一同",
    "共同",
    "分别",
    "亲自",
    "一起",
    "并",
    "则",
    "今天",
    "昨天",
    "今晚",
    "今天上午",
    "今天下午",
    "当天",
    "日前",
    "近日",
    "随后",
    "专程",
    "应邀",
    "集体",
    "全程",
    "都",
    "均",
    "作",
    "作了",
    "了",
    "做",
    "做了",
    "应邀",
    "前来",
    "应邀前来",
    "现场",
    "到场",
    "为",
    "一并",
];

fn is_clause_break(t: &Word) -> bool {
    matches!(
        t.word.as_str(),
        "," | "，" | "。" | ";" | "；" | "!" | "！" | "?" | "？" | ":" | "："
    )
}

/// Where the subject of the verb at `v` ends: skips words that may stand between (等,
/// 也), dates (27日), and a frame such as 在开幕式上 / 在会见…时 / 在…举行的发布会上.
/// Returns the token index one past the subject, and the event chunk of the frame.
fn subject_end(toks: &[Word], chunks: &[Chunk], v: usize) -> (usize, Option<usize>) {
    let mut i = v;
    let mut frame_event = None;
    let in_date = |k: usize| {
        chunks
            .iter()
            .any(|c| c.mention.kind == MentionKind::Date && c.tok_start <= k && k < c.tok_end)
    };
    loop {
        let before = i;
        while i > 0
            && (BETWEEN.contains(&toks[i - 1].word.as_str())
                || is_time_token(&toks[i - 1])
                || in_date(i - 1))
        {
            i -= 1;
        }
        // 在中南海会见, 在人民大会堂会见, 在京会见: a place of the act, not a participant.
        if let Some(z) = (i.saturating_sub(5)..i)
            .rev()
            .take_while(|&k| !is_clause_break(&toks[k]))
            .find(|&k| toks[k].word == "在")
        {
            let between_is_place = toks[z + 1..i].iter().all(|t| {
                matches!(
                    t.category,
                    Category::Place | Category::Organ | Category::JurisdictionWord
                ) || t.category == Category::Nominal && !t.tag.starts_with("nr")
            });
            if z + 1 < i && between_is_place {
                i = z;
                continue;
            }
        }
        // …及法国各界人士二百五十余人出席, 以及…等单位主要负责同志出席: a group without
        // names closes the list; the names are before it.
        if let Some(k) = (i.saturating_sub(12)..i)
            .rev()
            .take_while(|&k| !matches!(toks[k].word.as_str(), "。" | ";" | "；"))
            .find(|&k| matches!(toks[k].word.as_str(), "及" | "以及"))
        {
            let group_words = toks[k + 1..i].iter().any(|t| {
                matches!(
                    t.word.as_str(),
                    "人士"
                        | "余人"
                        | "人"
                        | "单位"
                        | "同志"
                        | "代表"
                        | "嘉宾"
                        | "群众"
                        | "人员"
                        | "组成人员"
                        | "负责人"
                        | "负责同志"
                        | "成员"
                        | "两长"
                        | "干部"
                        | "职工"
                )
            });
            let no_name_after = !toks[k + 1..i].iter().any(|t| t.tag.starts_with("nr"));
            if group_words && no_name_after && k + 1 < i {
                i = k;
                continue;
            }
        }
        // X 与/同 Y 举行会谈: the partner phrase stands between the subject and the verb.
        if let Some(k) = (i.saturating_sub(6)..i)
            .rev()
            .take_while(|&k| !is_clause_break(&toks[k]))
            .find(|&k| {
                matches!(toks[k].word.as_str(), "与" | "同" | "和")
                    // 和 inside a name (自然资源和规划局) joins nothing.
                    && !chunks.iter().any(|c| c.tok_start <= k && k < c.tok_end)
            })
        {
            if k > 0 && !is_clause_break(&toks[k - 1]) && k + 1 < i {
                i = k;
                continue;
            }
        }
        // 委员王存虎就《…》作了发言: the topic of the speech stands between.
        let closing = i > 0 && matches!(toks[i - 1].word.as_str(), "》" | "”");
        let doc_end = if closing { i - 1 } else { i };
        if let Some(d) = chunk_ending_at(chunks, doc_end, &[MentionKind::Document])
            .or_else(|| chunk_ending_at(chunks, i, &[MentionKind::Document]))
        {
            let mut ds = chunks[d].tok_start;
            if ds > 0 && matches!(toks[ds - 1].word.as_str(), "《" | "“") {
                ds -= 1;
            }
            if ds > 0 && matches!(toks[ds - 1].word.as_str(), "就" | "围绕" | "对" | "关于") {
                i = ds - 1;
                continue;
            }
        }
        // 会见时 在座: an event and 时 right before the verb frame it.
        if i >= 2 && toks[i - 1].word == "时" {
            if let Some(ci) = chunk_ending_at(chunks, i - 1, &[MentionKind::Event]) {
                frame_event = Some(ci);
                i = chunks[ci].tok_start;
                continue;
            }
        }
        // 在 … 上/中/时/期间: jump to before 在, remembering the event inside.
        if i > 0
            && matches!(
                toks[i - 1].word.as_str(),
                "上" | "中" | "时" | "期间" | "之际" | "上的"
            )
        {
            if let Some(z) = (0..i - 1)
                .rev()
                .take_while(|&k| !is_clause_break(&toks[k]))
                .find(|&k| toks[k].word == "在")
            {
                frame_event = chunks
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| {
                        c.mention.kind == MentionKind::Event && c.tok_start > z && c.tok_end <= i
                    })
                    .map(|(ci, _)| ci)
                    .next_back()
                    .or(frame_event);
                i = z;
            }
        }
        if i == before {
            break;
        }
    }
    (i, frame_event)
}

fn is_time_token(t: &Word) -> bool {
    t.tag == "t" || (t.tag == "m" && t.word.ends_with('日')) || t.word == "日" || t.word == "晚"
}

/// An event named in an opening frame of the sentence: 在为此举行的招待会上，… 出席.
fn opening_frame(toks: &[Word], chunks: &[Chunk], v: usize) -> Option<usize> {
    if toks.first().is_none_or(|t| t.word != "在") {
        return None;
    }
    let close = (1..v).find(|&k| {
        matches!(toks[k].word.as_str(), "上" | "中") && toks.get(k + 1).is_some_and(is_clause_break)
    })?;
    chunk_ending_at(chunks, close, &[MentionKind::Event])
}

/// The names (or organisations, for 举行) that are the subject of a verb whose subject
/// ends before token `end`: the participant segments right before it, across commas.
fn subjects_before(
    toks: &[Word],
    chunks: &[Chunk],
    people: &[usize],
    end: usize,
    orgs: bool,
) -> Vec<Party> {
    let mut out = Vec::new();
    let is_comma = |k: usize| matches!(toks[k].word.as_str(), "," | "，");
    // 副县长孙佰富、赫岩、鲍刚，参加会议: a comma may stand before the verb.
    let mut seg_end = if !orgs && end > 1 && is_comma(end - 1) && people.contains(&(end - 2)) {
        end - 1
    } else {
        end
    };
    let mut nameless = 0;
    loop {
        let mut a = seg_end;
        while a > 0 && is_participant_token(&toks[a - 1], chunks, a - 1, people)
            || a > 1 && is_leaders_phrase(toks, a - 1)
        {
            a -= 1;
        }
        // A segment of groups without a name (县法检两长、公安局政委) is made of nouns,
        // posts and bodies only, up to the comma before it.
        if !orgs && !(a..seg_end).any(|k| people.contains(&k)) {
            let mut b = a;
            while b > 0
                && (is_participant_token(&toks[b - 1], chunks, b - 1, people)
                    || toks[b - 1].category == Category::Nominal
                        && !toks[b - 1].tag.starts_with("nr"))
            {
                b -= 1;
            }
            if b > 0 && is_comma(b - 1) && b < seg_end {
                a = b;
            }
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
        // The list goes on past a comma into the segment before; a segment of posts
        // and bodies without a name (县法检两长、公安局政委) may stand in it, one at a time.
        nameless = if found { 0 } else { nameless + 1 };
        let go_on = nameless <= 1 && a > 0 && is_comma(a - 1);
        if !go_on || orgs {
            break;
        }
        seg_end = a - 1;
    }
    out.sort();
    out
}

/// 在家的县四套班子领导: the leaders of a place or body described by a clause, inside a
/// list of names (`i` is a token of it).
fn is_leaders_phrase(toks: &[Word], i: usize) -> bool {
    let w = toks[i].word.as_str();
    let leads_to_leaders = |from: usize| {
        toks[from..]
            .iter()
            .take(5)
            .any(|t| t.word.ends_with("领导") || t.word.contains("班子"))
    };
    (matches!(
        w,
        "在家" | "的" | "四套" | "四大" | "在家的" | "两长" | "法检"
    ) || w.contains("班子"))
        && leads_to_leaders(i)
}

/// A subject that refers back instead of naming: 他/她, a post alone (区长), or a
/// surname with a post (王市长), standing right before `end` at the start of a clause.
fn referring_subject(lex: &Lexicon, toks: &[Word], chunks: &[Chunk], end: usize) -> Option<Party> {
    if end == 0 {
        return None;
    }
    let starts_clause = |i: usize| i == 0 || is_clause_break(&toks[i - 1]);
    let last = &toks[end - 1];
    if matches!(last.word.as_str(), "他" | "她") && starts_clause(end - 1) {
        return Some(Party::Pronoun(end - 1));
    }
    let title = chunk_ending_at(chunks, end, &[MentionKind::Title])?;
    let ts = chunks[title].tok_start;
    if starts_clause(ts) {
        return Some(Party::Holder(title, None));
    }
    let prev = &toks[ts - 1];
    let mut cs = prev.word.chars();
    if let (Some(c), None) = (cs.next(), cs.next()) {
        if lex.surnames().contains(&c) && starts_clause(ts - 1) {
            return Some(Party::Holder(title, Some(c)));
        }
    }
    None
}

/// The people named after token `k` up to the end of the clause (出席会议的有：A、B，C；
/// 会见了 A 和 B): commas between participant segments do not end the list.
fn people_after(toks: &[Word], chunks: &[Chunk], people: &[usize], k: usize) -> Vec<Party> {
    let mut out = Vec::new();
    let mut i = k;
    while i < toks.len() {
        let t = &toks[i];
        if matches!(t.word.as_str(), "。" | ";" | "；" | "!" | "！" | "据") {
            break;
        }
        // The next act starts another clause (温家宝会见…据新华社…温家宝会见了…).
        if i > k
            && chunks.iter().any(|c| {
                c.mention.kind == MentionKind::Event && c.tok_start == i && c.tok_end == i + 1
            })
            && toks.get(i + 1).is_some_and(|n| n.word == "了")
        {
            break;
        }
        if is_clause_break(t) && t.word != ":" && t.word != "：" {
            // Go on past a comma only into another participant segment.
            let next_is_participant = toks
                .get(i + 1)
                .is_some_and(|n| is_participant_token(n, chunks, i + 1, people));
            if !next_is_participant {
                break;
            }
        }
        if people.contains(&i) {
            out.push(Party::Person(i));
        }
        i += 1;
    }
    out
}

/// Presiding officers named by their post (本次大会的执行主席郭建宇、王小宁…): they
/// chair the event (the article's, unless the sentence names one).
fn presiding(toks: &[Word], chunks: &[Chunk], people: &[usize]) -> Vec<Role> {
    let mut out = Vec::new();
    for c in chunks
        .iter()
        .filter(|c| c.mention.kind == MentionKind::Title)
    {
        // The post of a session (本次大会的执行主席), not of an organisation (非统组织
        // 执行主席), with the names right after it.
        let of_org = chunk_ending_at(chunks, c.tok_start, &[MentionKind::Organization]).is_some();
        if !c.mention.text.ends_with("执行主席") || of_org || !people.contains(&c.tok_end) {
            continue;
        }
        let event = chunks
            .iter()
            .position(|e| e.mention.kind == MentionKind::Event && e.tok_end <= c.tok_start);
        for subject in people_after(toks, chunks, people, c.tok_end) {
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

/// Words between visitors and their visit (彭宾昌深入到梁祝镇调研, X一行赴Y开展专题调研).
const VISIT_FRAME: &[&str] = &[
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
];

/// Whether an event is a visit (调研, 考察, 视察, 督导, 慰问, 检查).
fn is_visit(c: &Chunk) -> bool {
    matches!(
        c.details.event_type.as_deref(),
        Some("调研" | "考察" | "视察")
    ) || ["调研", "考察", "视察", "督导", "慰问", "检查", "参观"]
        .iter()
        .any(|v| c.mention.text.ends_with(v))
}

/// Visitors: the people before a visit, over where they went and how
/// (彭宾昌深入到梁祝镇调研; 康翰卿带领…工作专班赴哈尔滨新区开展专题调研), attend it.
fn visitors(toks: &[Word], chunks: &[Chunk], people: &[usize]) -> Vec<Role> {
    let mut out = Vec::new();
    for (ci, c) in chunks.iter().enumerate() {
        if c.mention.kind != MentionKind::Event || !is_visit(c) {
            continue;
        }
        let mut i = c.tok_start;
        let mut framed = false;
        loop {
            if i == 0 {
                break;
            }
            let t = &toks[i - 1];
            if VISIT_FRAME.contains(&t.word.as_str()) {
                framed |= !matches!(t.word.as_str(), "同志" | "等" | "也" | "还" | "又");
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
                let went = start > 0 && VISIT_FRAME.contains(&toks[start - 1].word.as_str());
                if led || went {
                    i = start;
                    continue;
                }
            }
            break;
        }
        if !framed || i == c.tok_start {
            continue;
        }
        for subject in subjects_before(toks, chunks, people, i, false) {
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

/// The events right after 举行, 召开 or 举办 (chunk indices).
fn held_events(lex: &Lexicon, toks: &[Word], chunks: &[Chunk]) -> Vec<usize> {
    toks.iter()
        .enumerate()
        .filter(|(_, t)| lex.role_verbs().get(&t.word) == Some(&RoleVerb::Held))
        .filter_map(|(v, _)| {
            let k = if toks.get(v + 1).is_some_and(|t| t.word == "了") {
                v + 2
            } else {
                v + 1
            };
            chunk_starting_at(chunks, k, MentionKind::Event)
        })
        .collect()
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
    for (v, t) in toks.iter().enumerate() {
        let Some(&role) = lex.role_verbs().get(&t.word) else {
            continue;
        };
        // 主持 + 召开 is one act: the 召开 is not a second, organisational one.
        if t.word == "召开" && v > 0 && toks[v - 1].word == "主持" {
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
        // 会见 as a noun (今天的会见, 会见时在座) is an event, not an act.
        let noun_use = (v > 0 && matches!(toks[v - 1].word.as_str(), "的" | "次"))
            || toks
                .get(v + 1)
                .is_some_and(|t| matches!(t.word.as_str(), "时" | "中" | "上" | "后"));
        if role == RoleVerb::Meets && noun_use {
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
        let (end, frame_event) = subject_end(toks, chunks, v);
        let event = match role {
            RoleVerb::Meets => chunk_starting_at(chunks, v, MentionKind::Event),
            RoleVerb::SpokeAt => {
                frame_event.or_else(|| event_after(v).filter(|&e| chunks[e].tok_start <= v + 2))
            }
            _ => event_after(v)
                .or(frame_event)
                .or_else(|| opening_frame(toks, chunks, v)),
        };
        // 参加了以上的会见和会晤: one act, two events.
        let also = event.and_then(|e| {
            let end = chunks[e].tok_end;
            (toks
                .get(end)
                .is_some_and(|t| matches!(t.word.as_str(), "和" | "及" | "与" | "、")))
            .then(|| chunk_starting_at(chunks, end + 1, MentionKind::Event))
            .flatten()
        });
        // 出席会议的有 A、B / 出席今天活动的嘉宾有 A: the names come after the verb.
        let after_list = {
            let mut k = event.map(|e| chunks[e].tok_end).unwrap_or(v + 1);
            if toks.get(k).is_some_and(|t| t.word == "的") {
                k += 1;
                if toks.get(k).is_some_and(|t| {
                    matches!(
                        t.word.as_str(),
                        "嘉宾" | "领导" | "人员" | "同志" | "领导同志" | "人士"
                    )
                }) {
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
        let mut subjects: Vec<Party> = match after_list {
            Some(k) => people_after(toks, chunks, people, k),
            None => subjects_before(toks, chunks, people, end, false),
        };
        if subjects.is_empty() && after_list.is_none() {
            if let Some(r) = referring_subject(lex, toks, chunks, end) {
                subjects.push(r);
            }
        }
        // 会议由 X 主持: the subject sits after 由.
        if subjects.is_empty() && v >= 2 && toks[v - 2].word == "由" && people.contains(&(v - 1)) {
            subjects.push(Party::Person(v - 1));
        }
        // 并 joins a second verb to the same people.
        if subjects.is_empty() && v > 0 && toks[v - 1].word == "并" {
            if let Some((pv, ps)) = &previous {
                if !toks[*pv..v].iter().any(is_clause_break) {
                    subjects = ps.clone();
                }
            }
        }
        if !subjects.is_empty() {
            previous = Some((v, subjects.clone()));
        }
        if role == RoleVerb::Meets {
            // Hosts chair the meeting; the guests named after the verb attend it.
            let Some(e) = event else { continue };
            for s in subjects {
                out.push(Role {
                    subject: s,
                    role: RoleVerb::Chaired,
                    event: Some(e),
                    verb: v,
                });
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
                    role: RoleVerb::Attended,
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
        let talks = event
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
        for s in subjects {
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
    roles.extend(presiding(toks, chunks, people));
    roles.extend(visitors(toks, chunks, people));
    let mut posts = find_posts(lex, toks, chunks, people);
    posts.extend(elected(toks, chunks, people));
    SentenceRelations {
        posts,
        roles,
        held: held_events(lex, toks, chunks),
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::test_extractor;
    use crate::graph::{GraphDoc, NodeKind, Relation};
    use std::collections::BTreeSet;

    /// The (person, relation, other end) facts of a text built as an article.
    fn facts(text: &str) -> BTreeSet<(String, &'static str, String)> {
        let ex = test_extractor();
        let article = crate::ingest::make_article(None, text.into(), Vec::new(), "t".into());
        let (g, _) = crate::pipeline::build_graph(ex, &[article]);
        let doc: GraphDoc = g.to_doc();
        doc.edges
            .iter()
            .filter(|e| {
                matches!(
                    e.relation,
                    Relation::Chaired
                        | Relation::Attended
                        | Relation::SpokeAt
                        | Relation::HoldsPosition
                )
            })
            .filter_map(|e| {
                let (s, t) = (doc.node(&e.source)?, doc.node(&e.target)?);
                (s.kind == NodeKind::Person).then(|| {
                    let what = match e.relation {
                        Relation::HoldsPosition => e.title.clone().unwrap_or_default(),
                        _ => t.name.clone(),
                    };
                    (s.name.clone(), e.relation.as_str(), what)
                })
            })
            .collect()
    }

    fn has(f: &BTreeSet<(String, &'static str, String)>, who: &str, rel: &str, what: &str) -> bool {
        f.iter()
            .any(|(w, r, x)| w == who && *r == rel && x.contains(what))
    }

    #[test]
    fn presiding_officers_chair_the_session() {
        let f = facts("本报讯 4月27日下午,政协会议举行第二次全体会议。本次大会的执行主席郭建宇、王小宁、郭庆宏。");
        assert!(has(&f, "郭建宇", "chaired", "全体会议"), "{f:?}");
        assert!(has(&f, "郭庆宏", "chaired", "全体会议"), "{f:?}");
        // The chair of an organisation is no presiding officer of a meeting.
        let f = facts("非统组织执行主席、布基纳法索总统孔波雷在闭幕式上发表讲话。");
        assert!(!has(&f, "孔波雷", "chaired", ""), "{f:?}");
    }

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
