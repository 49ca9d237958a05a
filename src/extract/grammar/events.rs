//! Event chunks: an occasion's name walked left from its head word
//! (郑州市疫情防控领导小组工作会议, 专题调研), and the test that drops occasions only
//! referred to for what they decided (…会议精神). The word lists here are used by
//! events alone.

use super::names::extend_left_until;
use super::{Chunk, ChunkDetails};
use crate::extract::token::{is_clause_break, text_of, Category, Word};
use crate::lexicon::{Lexicon, RoleVerb};
use crate::mention::{Mention, MentionKind};

/// Heads of an inauguration told as a verb (X正式挂牌成立): what is inaugurated is the
/// organisation before it, not part of the event's name.
const INAUGURATIONS: &[&str] = &["挂牌成立", "揭牌成立"];

/// Words that make a visit's name (专题调研, 实地考察, 会前视察).
const VISIT_MODIFIERS: &[&str] = &[
    "正式", "专题", "实地", "蹲点", "参观", "会前", "现场", "调研", "检查", "走访", "暗访", "明察",
    "安全", "重点", "节前", "视察", "考察", "督导",
];

/// Where a name in quotes starts when the head `h` closes it (“…对接活动”): the
/// first word inside the quotes, when the quotes open in the same clause and nothing
/// inside is taken.
fn quoted_name_start(toks: &[Word], h: usize, covered: &[bool]) -> Option<usize> {
    if !toks
        .get(h + 1)
        .is_some_and(|t| matches!(t.word.as_str(), "”" | "》"))
    {
        return None;
    }
    let open = if toks[h + 1].word == "”" {
        "“"
    } else {
        "《"
    };
    let q = (h.saturating_sub(16)..h)
        .rev()
        .find(|&k| toks[k].word == open || is_clause_break(&toks[k]) || covered[k])?;
    (toks[q].word == open && q + 1 < h).then_some(q + 1)
}

/// Where an occasion named for what it celebrates starts (召开庆祝中国共产党成立103周年
/// 暨“七一”表彰大会): at 庆祝 or 纪念 right after the verb that convenes it, verbs and
/// all, when the walk from the head stopped inside that stretch.
fn celebration_start(toks: &[Word], a: usize, covered: &[bool]) -> Option<usize> {
    let q = (a.saturating_sub(20)..a)
        .rev()
        .take_while(|&k| !is_clause_break(&toks[k]) && !covered[k])
        .find(|&k| matches!(toks[k].word.as_str(), "庆祝" | "纪念"))?;
    let convened = q == 0
        || is_clause_break(&toks[q - 1])
        || matches!(
            toks[q - 1].word.as_str(),
            "召开" | "举行" | "举办" | "隆重召开" | "隆重举行" | "开展"
        );
    convened.then_some(q)
}

/// Verbs that convene an occasion: what stands between one of them and the head is
/// the occasion's name.
const CONVENING: &[&str] = &[
    "召开",
    "举行",
    "举办",
    "主持召开",
    "组织召开",
    "隆重召开",
    "隆重举行",
    "开展",
    "组织开展",
];

/// Where an occasion's name starts when its words include verbs the leftward walk stops
/// at (召开全市森林草原防灭火工作视频调度会; 全省森林草原防灭火工作电视电话会议在成都
/// 召开): right after the verb that convenes it, or at the start of the clause when the
/// occasion is the subject of 召开 or 举行.
fn convened_name_start(toks: &[Word], h: usize, a: usize, covered: &[bool]) -> Option<usize> {
    const MAX_WORDS: usize = 12;
    if a == 0 || covered[a - 1] || is_clause_break(&toks[a - 1]) {
        return None;
    }
    let name_word = |t: &Word| {
        !is_clause_break(t)
            && t.word != "的"
            && !t.tag.starts_with('p')
            && !t.tag.starts_with('r')
            && !t.tag.starts_with('u')
            && t.category != Category::Event
            && !CONVENING.contains(&t.word.as_str())
    };
    let mut k = a;
    while k > 0 && a - k < MAX_WORDS && !covered[k - 1] && name_word(&toks[k - 1]) {
        k -= 1;
    }
    // A space may stand inside a headline's name (第十七届人民代表大会 第六次会议), but
    // starts none: before a name it parts two phrases (…会议举行 市政协…主席会议举行).
    while k < a && toks[k].word.trim().is_empty() {
        k += 1;
    }
    if k == a {
        return None;
    }
    let convened = convened_before(toks, k);
    // As the subject: from the clause's start, and 召开 or 在…召开 right after the head.
    let subject = (k == 0 || is_clause_break(&toks[k - 1])) && {
        let rest = &toks[h + 1..(h + 8).min(toks.len())];
        let end = rest.iter().position(is_clause_break).unwrap_or(rest.len());
        rest[..end].first().is_some_and(|t| {
            t.word == "在" || CONVENING.contains(&t.word.as_str()) || t.word == "于"
        }) && rest[..end]
            .iter()
            .any(|t| CONVENING.contains(&t.word.as_str()))
    };
    // The subject starts at its scope (全省, 全市) or at a place or a body. A count
    // after the convening verb says how many there were (召开了4次…推进会议), no part
    // of the name.
    let scoped = toks[k].word.starts_with('全')
        || matches!(
            toks[k].category,
            Category::Place | Category::Organ | Category::JurisdictionWord
        );
    if convened {
        let mut k = k;
        let count = |w: &Word| (w.tag == "m" || w.tag == "q") && !w.word.starts_with('第');
        while k < a && count(&toks[k]) {
            k += 1;
        }
        return (k < a).then_some(k);
    }
    (subject && scoped).then_some(k)
}

/// Whether a convening verb (召开, 召开了) stands right before token `k`.
fn convened_before(toks: &[Word], k: usize) -> bool {
    match k.checked_sub(1).map(|b| toks[b].word.as_str()) {
        Some("了") => k >= 2 && CONVENING.contains(&toks[k - 2].word.as_str()),
        Some(w) => CONVENING.contains(&w),
        None => false,
    }
}

/// A standing committee convened (主持召开市委常委会。, 召开了县委常委会，) names its
/// meeting: the organisation's name, right after the convening verb and closing the
/// clause, is the occasion's.
pub fn convened_committees(toks: &[Word], chunks: &mut [Chunk]) {
    for c in chunks.iter_mut() {
        if c.mention.kind != MentionKind::Organization || !c.mention.text.ends_with("常委会") {
            continue;
        }
        let closes = toks.get(c.tok_end).is_none_or(is_clause_break);
        if convened_before(toks, c.tok_start) && closes {
            c.mention.kind = MentionKind::Event;
        }
    }
}

/// Verbs whose object is an occasion, read into its name by the leftward walk.
const DONE_FOR_OCCASIONS: &[&str] = &[
    "保障",
    "全力保障",
    "提交",
    "优化",
    "经",
    "确保",
    "开好",
    "办好",
    "服务保障",
];

/// Words that make 活动 a kind of conduct (经营活动), not an occasion.
const CONDUCT: &[&str] = &[
    "经营",
    "聚集性",
    "性",
    "商业",
    "生产经营",
    "违法",
    "非法",
    "日常",
];

/// Words that point at an occasion, size it up or say how it was held (上述, 大型,
/// 整场, 隆重).
const POINTING: &[&str] = &[
    "上述", "大型", "整场", "此次", "本次", "这次", "该", "各类", "各项", "相关", "有关", "系列",
    "隆重", "盛大", "简朴", "简短", "庄严", "庄重", "热烈",
];

pub(super) fn event_chunk(
    lex: &Lexicon,
    toks: &[Word],
    h: usize,
    covered: &[bool],
) -> Option<Chunk> {
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
    } else if let Some(q) = quoted_name_start(toks, h, covered) {
        // “2015京津冀产业转移系列对接活动”: a name in quotes is the name as a whole,
        // verbs and all.
        q
    } else {
        let a = extend_left_until(toks, h, covered, true, true);
        celebration_start(toks, a, covered)
            .or_else(|| convened_name_start(toks, h, a, covered))
            .unwrap_or(a)
    };
    // 调研督导组, 考察团成员: the event word names a group, not an occasion. (慰问部队:
    // the troops are whom the visit called on.)
    if toks.get(h + 1).is_some_and(|n| {
        n.category == Category::Nominal
            && n.word.ends_with(['组', '团', '队'])
            && !matches!(n.word.as_str(), "部队" | "军队")
    }) {
        return None;
    }
    // 全力保障大会筹备, 提交大会选举, 经会议表决, 优化会议组织: the occasion is the object
    // of what is done for it; the verb right before the head is no part of its name
    // (优化营商环境大会 keeps its own).
    let mut a = a;
    if a < h && DONE_FOR_OCCASIONS.contains(&toks[h - 1].word.as_str()) {
        a = h;
    }
    // 经营活动, 聚集性活动: activity as a kind of conduct, not an occasion.
    if toks[h].word == "活动" && h > 0 && CONDUCT.contains(&toks[h - 1].word.as_str()) {
        return None;
    }
    // 党员干部讲授“七一”专题党课: what is spoken at or chaired, after a verb the
    // segmenter took for a noun, is no part of the occasion's name. An occasion word
    // stays (调研座谈会), and so does what is done at a ceremony (颁奖典礼, 揭牌仪式).
    if let Some(v) = (a..h).rev().find(|&k| {
        matches!(
            lex.role_verbs().get(&toks[k].word),
            Some(RoleVerb::SpokeAt | RoleVerb::Chaired)
        ) && !lex.is_event_head(&toks[k].word)
    }) {
        a = v + 1;
    }
    // 上述活动, 大型活动, 此次会议, 隆重仪式: words that point at an occasion or say
    // how it was held are no part of its name.
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

/// Whether the words from `end` on refer to an occasion's decisions (…会议精神, …的
/// 精神, …会议、…会议精神).
pub(super) fn is_referred_to(toks: &[Word], end: usize) -> bool {
    let mut k = end;
    // Over a list of occasions (中央政治局常委会会议、省委常委会会议精神).
    while let Some(t) = toks.get(k) {
        match t.word.as_str() {
            // …会议精神; …会议关于…的决议: the occasion as the author of a document.
            // …会议以来: the time since it, not the occasion.
            "精神" | "的精神" | "重要精神" | "关于" | "以来" => return true,
            // 召开座谈会等方式, 以视频会议形式: a way of doing something.
            "方式" | "形式" | "途径" | "渠道" => return true,
            "等" if toks
                .get(k + 1)
                .is_some_and(|n| matches!(n.word.as_str(), "方式" | "形式" | "途径" | "渠道")) =>
            {
                return true
            }
            "的" | "重要" => k += 1,
            "、" | "和" | "及" => {
                let next_event = toks[k + 1..]
                    .iter()
                    .take(12)
                    .position(|t| t.category == Category::Event || is_clause_break(t));
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
