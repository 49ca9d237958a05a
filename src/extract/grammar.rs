//! Mention chunking: a sentence's words come in; typed mention spans go out
//! (person, title, organization, place, market, event, date, document, project),
//! each with what the later stages need (an organisation's jurisdiction and parent,
//! an event's type, a post's head). Chunks are built by grammar over word
//! categories (jurisdiction + modifiers + organ suffix, prefix + post head, …),
//! never by looking up whole names, so they work on text the lexicons never saw.

use super::date::find_dates;
use super::token::*;
use crate::lexicon::Lexicon;
use crate::mention::{Mention, MentionKind};

/// Extra facts about a chunk.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ChunkDetails {
    /// Organisation: the jurisdiction as written (惠济, 市, 郑州市).
    pub juris: Option<String>,
    /// Organisation: the organ suffix's class (`party`, `government`).
    pub organ_class: Option<String>,
    /// Organisation: the parent organisation's full text (郑州市自然资源和规划局).
    pub parent: Option<String>,
    /// Event: type (会议, 仪式…).
    pub event_type: Option<String>,
    /// Title: the head without rank prefix (书记 for 副书记).
    pub head: Option<String>,
    /// Title: the head is the head of a people's government (区长).
    pub government: bool,
    /// Document: the issuing organisation named at the start of its title.
    pub issuer: Option<String>,
}

/// A mention with its extra facts and the token range it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    /// The span.
    pub mention: Mention,
    /// Extra facts.
    pub details: ChunkDetails,
    /// First token index.
    pub tok_start: usize,
    /// One past the last token index.
    pub tok_end: usize,
}

/// Adds the organisations the sequence labeller found where the grammar found
/// nothing (国家杜马, 中博传媒: no organ suffix of ours ends them). A span counts
/// only when it starts and ends on token boundaries, overlaps no chunk and holds no
/// name token, so the grammar's organisations, posts and events always win.
pub fn add_model_organizations(toks: &[Word], chunks: &mut Vec<Chunk>, spans: &[(usize, usize)]) {
    let mut added = false;
    for &(s, e) in spans {
        let Some(a) = toks.iter().position(|t| t.start == s) else {
            continue;
        };
        let Some(b) = toks[a..].iter().position(|t| t.end == e).map(|k| a + k + 1) else {
            continue;
        };
        let overlaps = chunks
            .iter()
            .any(|c| c.mention.start < e && s < c.mention.end);
        let named = toks[a..b].iter().any(|t| {
            t.tag == "nr"
                || matches!(
                    t.category,
                    Category::Punct | Category::Title | Category::Event
                )
        });
        // 由县人大, 充分发挥政协, 工作落到实处: a span the labeller ran over a verb or
        // preposition at either end is no name.
        let clipped = [a, b - 1]
            .iter()
            .any(|&k| toks[k].category == Category::Other || toks[k].tag.starts_with('v'));
        if overlaps || named || clipped || e - s < 2 {
            continue;
        }
        chunks.push(Chunk {
            mention: Mention {
                start: s,
                end: e,
                kind: MentionKind::Organization,
                text: toks[a..b].iter().map(|t| t.word.as_str()).collect(),
            },
            details: ChunkDetails::default(),
            tok_start: a,
            tok_end: b,
        });
        added = true;
    }
    if added {
        chunks.sort_by_key(|c| (c.tok_start, c.tok_end));
    }
}

/// Words that make a market or project name generic (辖区商贸市场, 重点项目).
const GENERIC_MODIFIERS: &[&str] = &[
    "辖区",
    "商贸",
    "农贸",
    "标准化",
    "批发",
    "各",
    "该",
    "本地",
    "当地",
    "全市",
    "全区",
    "全省",
    "重点",
    "建设",
    "工程",
    "道路",
    "道路工程",
    "重大",
    "新",
    "大",
    "各类",
    "相关",
    "有关",
    "一批",
    "市场",
    "农产品",
    "花卉",
    "这些",
    "此类",
    "其他",
    "多个",
    "部分",
    "民生",
    "物资",
];

/// Finds every mention chunk in a sentence.
pub fn chunk_sentence(lex: &Lexicon, toks: &[Word]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let chars_of = |a: usize, b: usize| -> Mention {
        let text = text_of(toks, a, b);
        Mention {
            start: toks[a].start,
            end: toks[b - 1].end,
            kind: MentionKind::Place,
            text,
        }
    };
    let mut covered = vec![false; toks.len()];

    // Documents first: 《…》 is unambiguous and may contain anything.
    let mut i = 0;
    while i < toks.len() {
        if toks[i].word == "《" {
            if let Some(j) = (i + 1..toks.len()).find(|&j| toks[j].word == "》") {
                if j > i + 1 {
                    let mut m = chars_of(i + 1, j);
                    m.kind = MentionKind::Document;
                    let issuer = org_prefix(lex, &toks[i + 1..j]);
                    for c in &mut covered[i..=j] {
                        *c = true;
                    }
                    out.push(Chunk {
                        mention: m,
                        details: ChunkDetails {
                            issuer,
                            ..ChunkDetails::default()
                        },
                        tok_start: i + 1,
                        tok_end: j,
                    });
                    // The issuer is an organisation mention too.
                    if let Some(org) = org_chunk_at_start(lex, toks, i + 1, j) {
                        out.push(org);
                    }
                }
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }

    // Dates. The end of a range (25日至26日) dates nothing: the range starts on its
    // first day.
    let mut last_date_end = None;
    for (a, b, _) in find_dates(toks) {
        let range_end = a >= 1
            && matches!(
                toks[a - 1].word.as_str(),
                "至" | "到" | "-" | "—" | "～" | "~"
            )
            && last_date_end == Some(a - 1);
        last_date_end = Some(b);
        if range_end || covered[a..b].iter().any(|&c| c) {
            continue;
        }
        let mut m = chars_of(a, b);
        m.kind = MentionKind::Date;
        out.push(Chunk {
            mention: m,
            details: ChunkDetails::default(),
            tok_start: a,
            tok_end: b,
        });
        for c in &mut covered[a..b] {
            *c = true;
        }
    }

    // Headed chunks, right to left so that an event's organiser is found inside it.
    let mut end = toks.len();
    while end > 0 {
        let h = end - 1;
        if covered[h] {
            end -= 1;
            continue;
        }
        if let Some(c) = headed_chunk(lex, toks, h, &covered) {
            for x in &mut covered[c.tok_start..c.tok_end] {
                *x = true;
            }
            // An event or market may start with its organiser (郑州市疫情防控领导小组工作会议).
            if matches!(c.mention.kind, MentionKind::Event | MentionKind::Project) {
                if let Some(org) = org_chunk_at_start(lex, toks, c.tok_start, c.tok_end) {
                    out.push(org);
                }
            }
            end = c.tok_start;
            out.push(c);
            continue;
        }
        end -= 1;
    }

    // Posts and places that are not part of a larger chunk.
    for (i, t) in toks.iter().enumerate() {
        if covered[i] {
            continue;
        }
        match t.category {
            Category::Title => {
                let (prefix, head) = lex.parse_title(&t.word).expect("categorised as title");
                let _ = prefix;
                let mut m = chars_of(i, i + 1);
                m.kind = MentionKind::Title;
                out.push(Chunk {
                    mention: m,
                    details: ChunkDetails {
                        head: Some(head.to_string()),
                        government: lex.titles().get(head).copied().unwrap_or(false),
                        ..ChunkDetails::default()
                    },
                    tok_start: i,
                    tok_end: i + 1,
                });
            }
            Category::Place => {
                let mut m = chars_of(i, i + 1);
                m.kind = MentionKind::Place;
                out.push(Chunk {
                    mention: m,
                    details: ChunkDetails::default(),
                    tok_start: i,
                    tok_end: i + 1,
                });
            }
            _ => {}
        }
    }
    // 传达学习省委常委会会议精神: an occasion referred to for what it decided is not
    // one the article reports.
    out.retain(|c| c.mention.kind != MentionKind::Event || !is_referred_to(toks, c.tok_end));
    out.sort_by_key(|c| (c.mention.start, c.mention.end));
    out
}

/// Whether the words from `end` on refer to an occasion's decisions (…会议精神, …的
/// 精神, …会议、…会议精神).
fn is_referred_to(toks: &[Word], end: usize) -> bool {
    let mut k = end;
    // Over a list of occasions (中央政治局常委会会议、省委常委会会议精神).
    while let Some(t) = toks.get(k) {
        match t.word.as_str() {
            "精神" | "的精神" | "重要精神" => return true,
            "的" | "重要" => k += 1,
            "、" | "和" | "及" => {
                let next_event = toks[k + 1..]
                    .iter()
                    .take(12)
                    .position(|t| t.category == Category::Event || is_clause_break_word(&t.word));
                match next_event {
                    Some(d) if toks[k + 1 + d].category == Category::Event => k = k + 2 + d,
                    _ => return false,
                }
            }
            _ => return false,
        }
    }
    false
}

fn is_clause_break_word(w: &str) -> bool {
    matches!(w, "," | "，" | "。" | ";" | "；" | ":" | "：")
}

/// The organisation chunk that starts a span (the issuer in 《郑州市城乡建设局关于…》),
/// when the span begins with one.
fn org_chunk_at_start(lex: &Lexicon, toks: &[Word], a: usize, b: usize) -> Option<Chunk> {
    (a..b.saturating_sub(1))
        .rev()
        .filter(|&h| toks[h].category == Category::Organ)
        .filter_map(|h| {
            let c = org_chunk(lex, toks, h, &vec![false; toks.len()])?;
            (c.tok_start == a).then_some(c)
        })
        .next()
}

fn org_prefix(lex: &Lexicon, toks: &[Word]) -> Option<String> {
    org_chunk_at_start(lex, toks, 0, toks.len()).map(|c| c.mention.text)
}

/// Tries every headed chunk kind with its head at token `h`.
fn headed_chunk(lex: &Lexicon, toks: &[Word], h: usize, covered: &[bool]) -> Option<Chunk> {
    let w = toks[h].word.as_str();
    // Markets and projects before organisations: 农产品中心 ends in 中心.
    if let Some(c) = market_or_project(lex, toks, h, covered) {
        return Some(c);
    }
    if toks[h].category == Category::Event
        || (w == "活动" && toks[h].tag == "vn" && lex.event_head(w).is_some())
    {
        return event_chunk(lex, toks, h, covered);
    }
    // 致公党中央, 民建中央: 中央 after a party's name is its central committee.
    let party_centre = toks[h].word == "中央"
        && h > 0
        && matches!(toks[h - 1].category, Category::Nominal | Category::Organ)
        && !toks[h - 1].tag.starts_with("nr");
    if toks[h].category == Category::Organ || party_centre {
        return org_chunk(lex, toks, h, covered);
    }
    None
}

/// Walks left from `h` over tokens allowed inside a name; returns the first token index.
fn extend_left(toks: &[Word], h: usize, covered: &[bool], allow_quotes: bool) -> usize {
    extend_left_until(toks, h, covered, allow_quotes, false)
}

/// As [`extend_left`]; with `stop_at_place`, a place ends the name (an event is named
/// after one jurisdiction at most: 郑州市…活动, not 惠济区积极响应郑州市…活动).
fn extend_left_until(
    toks: &[Word],
    h: usize,
    covered: &[bool],
    allow_quotes: bool,
    stop_at_place: bool,
) -> usize {
    let mut a = h;
    while a > 0 {
        if stop_at_place
            && a < h
            && matches!(
                toks[a].category,
                Category::Place | Category::JurisdictionWord
            )
        {
            // 政协沁县第十四届五次会议: a body may stand before the place it is of.
            let body = toks[a - 1].word.as_str();
            if matches!(body, "政协" | "人大" | "中共" | "中国共产党") && !covered[a - 1]
            {
                a -= 1;
            }
            break;
        }
        let p = a - 1;
        if covered[p] {
            break;
        }
        let t = &toks[p];
        // 紧紧围绕市委, 高度重视工商联, 全体县委: set phrases and words that say how or
        // how many, never part of a name.
        // (新型冠状病毒 before 肺炎疫情防控指挥部 is a modifier like any other.)
        let set_phrase = t.tag == "l"
            && t.word.chars().count() >= 4
            && (stop_at_place && toks[a].category != Category::Nominal
                || matches!(
                    toks[a].category,
                    Category::Organ | Category::JurisdictionWord | Category::Place
                ));
        if set_phrase || NEVER_IN_NAMES.contains(&t.word.as_str()) {
            break;
        }
        // 樊维斌代表省委, 代表市政府: acting for a body, not part of its name.
        if t.word == "代表"
            && matches!(
                toks[a].category,
                Category::Organ | Category::JurisdictionWord | Category::Place
            )
        {
            break;
        }
        let ok = match t.category {
            // A person is no part of a name (李家俊陪同考察 is 李家俊, then 考察).
            Category::Nominal if t.tag.starts_with("nr") && stop_at_place => false,
            Category::Nominal | Category::Place | Category::Organ | Category::JurisdictionWord => {
                true
            }
            // 区长办公会, 书记专题会: the post whose meeting it is.
            Category::Title if stop_at_place => a == h && toks[h].category == Category::Event,
            // 政协鄂托克前旗第十一届委员会: the term of a committee or congress.
            Category::Other
                if !stop_at_place
                    && is_ordinal(&t.word)
                    && t.word.ends_with('届')
                    && matches!(toks[a].word.as_str(), "委员会" | "人大常委会" | "常委会") =>
            {
                true
            }
            // 换届工作调研督导组: a visit's word inside the name of a group.
            Category::Event if !stop_at_place => {
                toks[a].category == Category::Organ && matches!(t.tag.as_str(), "vn" | "n")
            }
            // 调研座谈活动, 考察调研活动: event words joined into one name.
            // 开幕式暨签约仪式: two occasions held as one.
            Category::Event if stop_at_place => {
                (toks[a].category == Category::Event
                    || toks[a].word == "暨"
                    // 第一次会议第二次全体会议: a sitting of the session before it.
                    || is_ordinal(&toks[a].word) && (t.word.ends_with('会') || t.word.ends_with("会议")))
                    // 活动开幕式: the opening of the activity named before.
                    && t.word != "活动"
            }
            // 十七届, 第一次, 2017年, 14周年: the session or edition of an event, in one
            // word or cut in two (第二 + 次).
            Category::Other
                if stop_at_place
                    && (is_ordinal(&t.word)
                        || is_numeral(&t.word)
                        || (is_measure(&t.word) && p > 0 && is_numeral(&toks[p - 1].word))) =>
            {
                true
            }
            // 自然资源和规划局: a conjunction joins two modifiers inside an organ name.
            Category::Other if matches!(t.word.as_str(), "和" | "与" | "及") => {
                // A name before 与 is a person meeting someone (戴秉国与代表团).
                p > 0
                    && matches!(toks[p - 1].category, Category::Nominal)
                    && !toks[p - 1].tag.starts_with("nr")
                    && matches!(toks[a].category, Category::Nominal | Category::Organ)
            }
            // 复工复产保障工作专班: two-character verbs inside an organ's name.
            // A verb right before a jurisdiction or organ is the clause's own (充分发挥
            // 区人民政府…作用, 传达县委…精神), not part of a name.
            Category::Other => {
                t.tag == "v"
                    && t.word.chars().count() == 2
                    && !matches!(
                        toks[a].category,
                        Category::Place | Category::JurisdictionWord
                    )
                    && !(toks[a].category == Category::Organ
                        && toks[a]
                            .word
                            .starts_with(['省', '市', '区', '县', '镇', '乡']))
                    && p > 0
                    && matches!(
                        toks[p - 1].category,
                        Category::Nominal | Category::Organ | Category::Place
                    )
                    && !matches!(
                        t.word.as_str(),
                        "召开"
                            | "举行"
                            | "出席"
                            | "参加"
                            | "主持"
                            | "成立"
                            | "开展"
                            | "落实"
                            | "组织"
                            | "帮助"
                            | "联系"
                            | "建立"
                            | "解决"
                            | "办理"
                            | "对接"
                            | "陪同"
                            | "列席"
                            | "进行"
                            | "带领"
                            | "率领"
                            | "带队"
                            | "前往"
                            | "深入"
                            | "莅临"
                            | "参观"
                            | "代表"
                            | "当选"
                            | "担任"
                            | "出任"
                            | "任命"
                            | "选举"
                            | "增补"
                            | "致辞"
                            | "讲话"
                            | "宣读"
                            | "会见"
                            | "看望"
                            | "慰问"
                            | "调研"
                            | "考察"
                            | "视察"
                            | "签订"
                            | "签署"
                            | "围绕"
                            | "发挥"
                            | "代表"
                            | "率"
                    )
            }
            Category::Punct if allow_quotes && t.word == "”" => {
                // Take the whole quoted stretch (“三送一强”工作部署会).
                match (0..p).rev().find(|&q| toks[q].word == "“") {
                    Some(q) if p - q <= 20 => {
                        a = q;
                        continue;
                    }
                    _ => false,
                }
            }
            _ => false,
        };
        if !ok {
            break;
        }
        a = p;
    }
    // Never start on a conjunction or a verb (an event may start on its number).
    let numbered = |t: &Word| stop_at_place && (is_ordinal(&t.word) || is_numeral(&t.word));
    while a < h
        && ((toks[a].category == Category::Other && !numbered(&toks[a]))
            || matches!(toks[a].word.as_str(), "和" | "暨"))
    {
        a += 1;
    }
    a
}

/// Whether a word numbers a session or an edition (十七届, 第一次, 2017年, 第三季度,
/// 14周年), as event names do; dates are chunks of their own and never get here.
fn is_ordinal(w: &str) -> bool {
    let numeral = |c: char| c.is_ascii_digit() || "〇一二三四五六七八九十百两第".contains(c);
    let Some(last) = w.chars().last() else {
        return false;
    };
    let body = w.trim_end_matches(['届', '次', '年', '期', '季', '度', '周', '轮', '批']);
    "届次年期季度周轮批".contains(last)
        && !body.is_empty()
        && body.trim_end_matches("周年").chars().all(numeral)
}

/// Heads of an inauguration told as a verb (X正式挂牌成立): what is inaugurated is the
/// organisation before it, not part of the event's name.
const INAUGURATIONS: &[&str] = &["挂牌成立", "揭牌成立"];

/// Words that make a visit's name (专题调研, 实地考察, 会前视察).
const VISIT_MODIFIERS: &[&str] = &[
    "正式", "专题", "实地", "蹲点", "参观", "会前", "现场", "调研", "检查", "走访", "暗访", "明察",
    "安全", "重点", "节前",
];

/// Whether a word is a number (第二, 十四, 2017).
fn is_numeral(w: &str) -> bool {
    !w.is_empty()
        && w.chars()
            .all(|c| c.is_ascii_digit() || "〇一二三四五六七八九十百两第".contains(c))
}

/// Whether a word counts sessions or editions (次, 届, 年).
fn is_measure(w: &str) -> bool {
    matches!(
        w,
        "届" | "次" | "年" | "期" | "季" | "季度" | "周年" | "轮" | "批"
    )
}

/// Nouns that, right after an organ word, show it was a modifier (国家中心城市).
const COMPOUND_TAILS: &[&str] = &[
    "城市", "地区", "区域", "地位", "作用", "位置", "功能", "职能", "领域", "环节", "地带",
];

/// Whether the token after an organ word continues a compound noun (so it is no name).
fn continues_compound(toks: &[Word], i: usize) -> bool {
    toks.get(i)
        .is_some_and(|t| COMPOUND_TAILS.contains(&t.word.as_str()))
}

/// Words that point at an occasion or size it up (上述, 大型, 整场).
const POINTING: &[&str] = &[
    "上述", "大型", "整场", "此次", "本次", "这次", "该", "各类", "各项", "相关", "有关", "系列",
];

/// Words jieba reads as nouns that stand before a body's name without being part of it.
const NEVER_IN_NAMES: &[&str] = &[
    "全体",
    "谋划",
    "历来",
    "充分发挥",
    "认真",
    "精心",
    "积极",
    "主动",
];

/// Parties and bodies whose local committees are named party + place + organ.
const PARTIES_BEFORE_PLACE: &[&str] = &[
    "政协",
    "中国人民政治协商会议",
    "中国共产党",
    "农工党",
    "民革",
    "民盟",
    "民建",
    "民进",
    "致公党",
    "九三学社",
    "台盟",
    "共青团",
    "团",
];

fn org_chunk(lex: &Lexicon, toks: &[Word], h: usize, covered: &[bool]) -> Option<Chunk> {
    if continues_compound(toks, h + 1) {
        return None;
    }
    let a = extend_left(toks, h, covered, true);
    // Start at the jurisdiction when there is one: "推进辖区郑州市…" keeps only 郑州市….
    let a = (a..=h)
        .find(|&i| {
            matches!(
                toks[i].category,
                Category::Place | Category::JurisdictionWord
            )
        })
        .filter(|&i| i < h)
        // A party named before its local committee is part of its name (农工党丰台区工委).
        .map(|i| {
            let party = i > a && PARTIES_BEFORE_PLACE.contains(&toks[i - 1].word.as_str());
            if party {
                i - 1
            } else {
                i
            }
        })
        .unwrap_or(a);
    // 区委区政府, 江门市委市政府: two bodies written together; this one is the last.
    let a = (a + 1..=h)
        .rev()
        .find(|&m| {
            toks[m - 1].category == Category::Organ
                && toks[m - 1].word.ends_with('委')
                && (matches!(
                    toks[m].category,
                    Category::JurisdictionWord | Category::Place
                ) || toks[m].category == Category::Organ
                    && fused_jurisdiction(lex, &toks[m].word).is_some())
        })
        .unwrap_or(a);
    // Counted or generic plurals (8个服务指导小组, 各部门) are not one organisation.
    let demonstrative = a > 0 && toks[a - 1].word.starts_with(['该', '本']);
    if a > 0 && matches!(toks[a - 1].tag.as_str(), "m" | "q" | "r") && !demonstrative {
        return None;
    }
    let text = text_of(toks, a, h + 1);
    let lone = a == h;
    let fused_juris = fused_jurisdiction(lex, &text);
    if lone
        && fused_juris.is_none()
        && !(lex.org_abbrev().contains_key(&toks[h].word) || toks[h].word.chars().count() >= 3)
    {
        return None;
    }
    // 代表团, 有限公司, 办公室 alone: a kind of body, not one (but the organ of a post
    // after it, 管委会副主任 X, still holds the list together).
    if lone
        && fused_juris.is_none()
        && toks
            .get(h + 1)
            .is_none_or(|t| t.category != Category::Title)
        && !lex.org_abbrev().contains_key(&toks[h].word)
        && lex.org_suffix(&text).is_some_and(|(suf, _)| *suf == text)
    {
        return None;
    }
    // A bare suffix after a place is still an organ (惠济 + 区委).
    let juris = match toks[a].category {
        Category::Place | Category::JurisdictionWord if a < h => Some(toks[a].word.clone()),
        // 省委组织部, 县委办公室: the first organ starts with its jurisdiction.
        Category::Organ if a < h => fused_juris.or_else(|| fused_jurisdiction(lex, &toks[a].word)),
        _ => fused_juris,
    };
    // Parent: the organisation text up to an inner organ word (…规划局 in …规划局惠济分局).
    let parent = (a..h)
        .rev()
        .find(|&i| toks[i].category == Category::Organ && i > a)
        .map(|i| text_of(toks, a, i + 1));
    let class = lex.org_suffix(&text).and_then(|(_, c)| c.clone());
    let mut m = Mention {
        start: toks[a].start,
        end: toks[h].end,
        kind: MentionKind::Organization,
        text,
    };
    if m.text.chars().count() < 2 {
        return None;
    }
    m.kind = MentionKind::Organization;
    Some(Chunk {
        mention: m,
        details: ChunkDetails {
            juris,
            organ_class: class,
            parent,
            ..ChunkDetails::default()
        },
        tok_start: a,
        tok_end: h + 1,
    })
}

/// A word that starts with its jurisdiction: 市政府 (市 + 政府), 区委, 省委.
fn fused_jurisdiction(lex: &Lexicon, text: &str) -> Option<String> {
    let first = text.chars().next()?;
    let n = text.chars().count();
    if !matches!(first, '省' | '市' | '区' | '县' | '镇' | '乡') {
        return None;
    }
    let (suf, class) = lex.org_suffix(text)?;
    let s = suf.chars().count();
    // 镇党委, 乡政府; but 乡镇 is no organ of a town.
    if matches!(first, '镇' | '乡') && s < 2 {
        return None;
    }
    (n == s + 1 || (n == s && class.as_deref() == Some("party"))).then(|| first.to_string())
}

fn event_chunk(lex: &Lexicon, toks: &[Word], h: usize, covered: &[bool]) -> Option<Chunk> {
    // 会见 and its kin are verbs as often as nouns: they take no modifiers from the left
    // (在中南海会见 is a place and a meeting, not a meeting called 中南海会见).
    let head_type = lex.event_head(&toks[h].word).map(|(_, ty)| ty.as_str());
    let a = if lex.role_verbs().contains_key(&toks[h].word) {
        h
    } else if matches!(head_type, Some("调研" | "考察" | "视察"))
        || INAUGURATIONS.contains(&toks[h].word.as_str())
    {
        // A visit is named by what it is (专题调研, 实地考察), not by where it went
        // (梁祝镇 in 深入到梁祝镇调研 is the place visited).
        let mut a = h;
        while a > 0 && !covered[a - 1] && VISIT_MODIFIERS.contains(&toks[a - 1].word.as_str()) {
            a -= 1;
        }
        a
    } else {
        extend_left_until(toks, h, covered, true, true)
    };
    // 调研督导组, 考察团成员: the event word names a group, not an occasion.
    if toks
        .get(h + 1)
        .is_some_and(|n| n.category == Category::Nominal && n.word.ends_with(['组', '团', '队']))
    {
        return None;
    }
    // 上述活动, 大型活动, 此次会议: words that point at an occasion are no part of its
    // name.
    let mut a = a;
    while a < h && POINTING.contains(&toks[a].word.as_str()) {
        a += 1;
    }
    let text = text_of(toks, a, h + 1);
    let (_, ty) = lex.event_head(&text)?;
    Some(Chunk {
        mention: Mention {
            start: toks[a].start,
            end: toks[h].end,
            kind: MentionKind::Event,
            text,
        },
        details: ChunkDetails {
            event_type: Some(ty.clone()),
            ..ChunkDetails::default()
        },
        tok_start: a,
        tok_end: h + 1,
    })
}

fn market_or_project(lex: &Lexicon, toks: &[Word], h: usize, covered: &[bool]) -> Option<Chunk> {
    let w = toks[h].word.as_str();
    // The head may span two tokens (农产品 + 中心).
    let (kind, head_start) = if w.ends_with("项目") {
        (MentionKind::Project, h)
    } else if !lex.may_end_market(w) {
        // Nor is `w` a market head then: most tokens end here, on one cheap test.
        return None;
    } else if lex.market_head(w).is_some() {
        (MentionKind::Market, h)
    } else if h > 0
        && lex
            .market_head(&format!("{}{}", toks[h - 1].word, w))
            .is_some_and(|m| m.chars().count() > w.chars().count())
    {
        (MentionKind::Market, h - 1)
    } else {
        return None;
    };
    // Names of markets and projects carry numbers (毛庄四号院项目) and odd tags (春熙路).
    let mut a = head_start;
    while a > 0 && !covered[a - 1] {
        let t = &toks[a - 1];
        let ok = matches!(
            t.category,
            Category::Nominal | Category::Place | Category::JurisdictionWord
        ) || (matches!(t.tag.as_str(), "m" | "i")
            && t.word.chars().count() >= 2
            && !t.word.chars().all(|c| c.is_ascii_digit()))
            || (t.tag == "nr" && t.word.chars().count() >= 2);
        if !ok {
            break;
        }
        a -= 1;
    }
    // A name starts with a proper word: drop leading common words (办理, 辖区, 服务),
    // but not a short place name jieba reads as a word (双桥花卉市场).
    while a < head_start
        && toks[a].category != Category::Place
        && lex.word_maps(&toks[a].word) & crate::lexicon::word_map::PLACE_SHORT == 0
        && (matches!(
            toks[a].tag.as_str(),
            "n" | "vn" | "v" | "l" | "a" | "d" | "b"
        ) || (toks[a].tag == "m" && !toks[a].word.contains(['号', '期', '区'])))
    {
        a += 1;
    }
    // A name needs a modifier that is not generic.
    let specific = (a..head_start).any(|i| {
        let t = &toks[i];
        !GENERIC_MODIFIERS.contains(&t.word.as_str()) && t.category != Category::JurisdictionWord
    });
    let head_word: String = text_of(toks, head_start, h + 1);
    let head_ok = match kind {
        MentionKind::Project => head_word.chars().count() <= 4,
        _ => true,
    };
    if !specific || !head_ok {
        return None;
    }
    let text = text_of(toks, a, h + 1);
    Some(Chunk {
        mention: Mention {
            start: toks[a].start,
            end: toks[h].end,
            kind,
            text,
        },
        details: ChunkDetails::default(),
        tok_start: a,
        tok_end: h + 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::Segmenter;

    fn chunks(text: &str) -> Vec<(MentionKind, String)> {
        let lex = Lexicon::embedded();
        let seg = Segmenter::new(&lex);
        let toks = tokenize(&seg, &lex, text);
        chunk_sentence(&lex, &toks)
            .into_iter()
            .map(|c| (c.mention.kind, c.mention.text))
            .collect()
    }

    #[test]
    fn model_organizations_fill_gaps_only() {
        let lex = Lexicon::embedded();
        let seg = Segmenter::new(&lex);
        let text = "国家杜马主席会见郑州市城乡建设局局长";
        let toks = tokenize(&seg, &lex, text);
        let mut cs = chunk_sentence(&lex, &toks);
        let before = cs.len();
        // 国家杜马 is new; 郑州市城乡建设局 is the grammar's already; a span off the
        // token boundaries (家杜) is ignored.
        add_model_organizations(&toks, &mut cs, &[(0, 4), (1, 3), (8, 16)]);
        assert_eq!(cs.len(), before + 1);
        assert_eq!(cs[0].mention.text, "国家杜马");
        assert_eq!(cs[0].mention.kind, MentionKind::Organization);
        assert!(cs.windows(2).all(|w| w[0].tok_start <= w[1].tok_start));
    }

    #[test]
    fn organ_names_by_grammar() {
        let c = chunks("郑州市自然资源和规划局惠济分局、惠济区规划服务中心举行挂牌仪式");
        assert!(
            c.contains(&(
                MentionKind::Organization,
                "郑州市自然资源和规划局惠济分局".into()
            )),
            "{c:?}"
        );
        assert!(
            c.contains(&(MentionKind::Organization, "惠济区规划服务中心".into())),
            "{c:?}"
        );
        assert!(
            c.contains(&(MentionKind::Event, "挂牌仪式".into())),
            "{c:?}"
        );
    }

    #[test]
    fn generic_words_are_not_organs() {
        let c = chunks("全力在惠济发展大局中实现更多建树");
        assert!(
            !c.iter().any(|(k, _)| *k == MentionKind::Organization),
            "{c:?}"
        );
    }
}
