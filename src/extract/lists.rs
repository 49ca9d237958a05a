//! The lists of names before a verb, across commas (with posts, bodies, groups
//! without names and descriptors such as 县领导), and the names after it (出席会议的有：
//! A、B): where an item starts and what may stand in it.

use super::grammar::Chunk;
use super::parties::{chunk_starting_at, Party};
use super::token::{is_clause_break, is_time_token, Category, Word};
use crate::mention::MentionKind;

/// Words that describe people in a list without being posts (县领导孔鲁, 项目负责人朱红伟).
pub(super) const DESCRIPTORS: &[&str] = &[
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

/// Tokens of a participant segment: names and what describes them.
pub(super) fn is_participant_token(t: &Word, chunks: &[Chunk], i: usize, people: &[usize]) -> bool {
    people.contains(&i)
        || matches!(
            t.word.as_str(),
            "、" | "等"
                // 李明（市委常委、常务副市长）: posts in brackets after the name.
                | "（" | "）" | "(" | ")"
                | "同志"
                | "先生"
                | "女士"
                | "兼"
                | "及"
                | "和"
                | "以及"
                // 等全体在职区领导, 等其他市领导: who else came, described.
                | "全体"
                | "在职"
                | "在家"
                | "其他"
                | "部分"
                | "其他在家"
                // 我市市委常委潘杰, 我市政协副主席王继兰: the place of the paper.
                | "我"
                | "我市"
                | "我县"
                | "我区"
                | "我省"
                | "我州"
                | "我旗"
                | "我镇"
                | "我乡"
                // 该县县领导蒋剑: the place just named.
                | "该县"
                | "该市"
                | "该区"
                | "该镇"
                | "该乡"
                | "该旗"
                | "该州"
        )
        || DESCRIPTORS.contains(&t.word.as_str())
        || t.category == Category::JurisdictionWord
        // 政府 of 政府副县长刘通: an organ without its place, which makes no name.
        || t.category == Category::Organ
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

/// Verbs that people joined by 与 or 和 do side by side rather than with each other
/// (市长李振华与中建集团董事长周乃翔出席签约仪式): both are subjects.
pub(super) fn done_side_by_side(verb: &str) -> bool {
    matches!(
        verb,
        "出席"
            | "参加"
            | "列席"
            | "见证"
            | "签约"
            | "签署"
            | "揭牌"
            | "剪彩"
            | "到会"
            | "陪同"
            | "就座"
            | "就坐"
    )
}

/// Whether the words from `from` to the verb at `v` say the people before act
/// together (共同, 一同, 一起), so that 与 and 同 join them into one subject.
pub(super) fn acting_together(toks: &[Word], from: usize, v: usize) -> bool {
    toks[from..v]
        .iter()
        .any(|t| matches!(t.word.as_str(), "共同" | "一同" | "一起"))
}

/// Whether the words from `from` to the verb at `v` say the people before act each in
/// turn (A与B分别致辞, 先后讲话): all of them are subjects.
pub(super) fn in_turn(toks: &[Word], from: usize, v: usize) -> bool {
    toks[from..v]
        .iter()
        .any(|t| matches!(t.word.as_str(), "分别" | "先后" | "依次" | "相继" | "各自"))
}

/// The names (or organisations, for 举行) that are the subject of a verb whose subject
/// ends before token `end`: the participant segments right before it, across commas.
pub(super) fn subjects_before(
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
    // 与 joins two subjects where the verb after them is done together (X与Y共同为…揭牌)
    // or side by side (X与Y出席).
    // The verb may come after a group that closes the list (…与县领导钱久邦及有关部门
    // 负责人参加). Asked only at a 与 or 同, which few lists hold.
    let both_subjects = || {
        let mut verb = end;
        while verb < toks.len()
            && verb < end + 16
            && (is_participant_token(&toks[verb], chunks, verb, people)
                || is_group_word(&toks[verb]))
        {
            verb += 1;
        }
        [end, verb].into_iter().any(|v| {
            let verb_after = &toks[v..(v + 3).min(toks.len())];
            acting_together(toks, end, v + verb_after.len())
                || in_turn(toks, end, v + verb_after.len())
                || verb_after.iter().any(|t| done_side_by_side(&t.word))
        })
    };
    let mut nameless = 0;
    loop {
        let mut a = seg_end;
        while a > 0 && is_participant_token(&toks[a - 1], chunks, a - 1, people)
            || a > 1 && is_leaders_phrase(toks, a - 1)
            || a > 1 && matches!(toks[a - 1].word.as_str(), "与" | "同") && both_subjects()
        {
            a -= 1;
        }
        // …姚盛等企业高层与县领导钱久邦…参加: a group closing the names before it with
        // 等, joined to the next by 与 or 及, belongs to the list.
        if !orgs
            && toks
                .get(a)
                .is_some_and(|t| matches!(t.word.as_str(), "与" | "及" | "以及" | "和"))
        {
            if let Some(k) = (a.saturating_sub(4)..a)
                .rev()
                .take_while(|&k| toks[k].word == "等" || is_group_word(&toks[k]))
                .find(|&k| toks[k].word == "等")
                .filter(|&k| closes_names(toks, people, k))
            {
                a = k + 1;
            }
        }
        // 担任本届政协委员的十一届省政协副主席李雁红: a clause ending in 的 says who the
        // people after it are; the list goes on before it, from the comma that opens it.
        if !orgs {
            let mut b = a;
            while b > 0 && toks[b - 1].tag == "m" && toks[b - 1].word.ends_with('届') {
                b -= 1;
            }
            if b > 1 && toks[b - 1].word == "的" {
                if let Some(c) = (b.saturating_sub(12)..b - 1)
                    .rev()
                    .take_while(|&k| !people.contains(&k) && toks[k].word != "、")
                    .find(|&k| is_comma(k))
                {
                    if c + 1 < b - 1 {
                        a = c + 1;
                    }
                }
            }
        }
        // A segment of groups without a name (县法检两长、公安局政委) is made of nouns,
        // posts and bodies only, up to the comma before it.
        if !orgs && !(a..seg_end).any(|k| people.contains(&k)) {
            let mut b = a;
            while b > 0
                && toks[b - 1].word != "、"
                && (is_participant_token(&toks[b - 1], chunks, b - 1, people)
                    || is_group_word(&toks[b - 1]))
            {
                b -= 1;
            }
            if b > 0 && (is_comma(b - 1) || toks[b - 1].word == "、") && b < seg_end {
                a = b;
            } else if let Some(start) = group_item_start(toks, people, seg_end) {
                a = start;
            }
        }
        // 西安铁路局计划统计处处长谭亚东: a word the chunker did not read (统计, a verb)
        // inside a named item does not end the list; the item runs back to the
        // separator before it.
        // Only the names read are the item's people (徐悲鸿夫人廖静文 is 廖静文).
        let named_from = a;
        if !orgs && a > 0 && (a..seg_end).any(|k| people.contains(&k)) {
            if let Some(start) = item_start(toks, a) {
                a = start;
            }
        }
        // …、挂职干部周 + 中泽先后发言: a last item whose name nothing read does not
        // hide the named items before it.
        let unread_item = |none_yet: bool| {
            (none_yet && !orgs)
                .then(|| unread_last_item(toks, people, seg_end))
                .flatten()
        };
        // Nor, in a list that goes on over commas, the names of the segment it closes
        // (副主任冷刚、孙传敏、仰协，秘书长谢志迪出席).
        let segment_of_list = !out.is_empty() && seg_end < toks.len() && is_comma(seg_end);
        if a == seg_end {
            if let Some(k) = unread_item(out.is_empty() || segment_of_list) {
                seg_end = k;
                continue;
            }
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
                if p >= named_from && p < seg_end {
                    out.push(Party::Person(p));
                    found = true;
                }
            }
        }
        // The list goes on past a comma into the segment before; a segment of posts
        // and bodies without a name (县法检两长、公安局政委) may stand in it, one at a time.
        // (A group named for its people, 8个开工项目企业负责人, counts as a name would.)
        nameless = if found || names_people(&toks[seg_end - 1]) {
            0
        } else {
            nameless + 1
        };
        // 、镇领导班子成员、农贸市场管理小组人员参加: groups named after the people.
        // …曹湘华以及五矿二十三冶建设集团董事长刘嗣扬一行: an item that starts after 以及
        // (its company's name not read as one) goes on to the names before.
        let go_on = nameless <= 6
            && a > 0
            && (is_comma(a - 1)
                || matches!(toks[a - 1].word.as_str(), "、" | "以及" | "及")
                || toks[a - 1].word == "和" && a > 1 && people.contains(&(a - 2))
                || closes_names(toks, people, a - 1));
        if !go_on || orgs {
            if let Some(k) = unread_item(out.is_empty()) {
                seg_end = k;
                continue;
            }
            break;
        }
        seg_end = a - 1;
    }
    out.sort();
    out
}

/// Where an item of a list starts when the token before `a` is not one the walker
/// reads: the separator before it within a few tokens, over words that may name a
/// body or a post (a verb only after 、, which lists; 统计 of 计划统计处), or the
/// sentence's start over nouns alone. A company's short name right before its post
/// (华润 + 置 + 地 of 华润置地副总裁) may hold any word: jieba reads trade names as it
/// reads text.
fn item_start(toks: &[Word], a: usize) -> Option<usize> {
    const MAX_WORDS: usize = 9;
    const TRADE_NAME_CHARS: usize = 4;
    let mut verbs = false;
    let mut particle = false;
    let mut chars = 0;
    let before_post = toks[a].category == Category::Title;
    for k in (a.saturating_sub(MAX_WORDS + 1)..a).rev() {
        let t = &toks[k];
        // (李作良和临沂军分区首长高德亮: 和 right after a name joins two items.)
        let and_after_name = t.word == "和" && k > 0 && toks[k - 1].tag.starts_with("nr");
        if matches!(t.word.as_str(), "、" | "以及" | "及") || and_after_name {
            return (k + 1 < a && !particle).then_some(k + 1);
        }
        if matches!(t.word.as_str(), "," | "，" | ";" | "；") {
            let trade_name = before_post && chars <= TRADE_NAME_CHARS;
            return (k + 1 < a && (!verbs && !particle || trade_name)).then_some(k + 1);
        }
        chars += t.word.chars().count();
        if t.tag == "uv" && before_post && chars <= TRADE_NAME_CHARS {
            particle = true;
            continue;
        }
        // 经合办(招商局)主任: a body's other name in brackets is part of the item.
        if matches!(t.word.as_str(), "(" | ")" | "（" | "）") {
            continue;
        }
        let reads_as_part_of_a_name = matches!(
            t.category,
            Category::Nominal
                | Category::Other
                | Category::Place
                | Category::Organ
                | Category::Title
                | Category::JurisdictionWord
        ) && (!t.tag.starts_with(['p', 'u', 'c', 'd', 'r', 'm', 't'])
            // 我校副校长, 我县: the writer's own body or place.
            || t.word.starts_with('我') && t.word.chars().count() == 2
            // 五矿二十三冶, 第四工程有限公司: numbers in a company's name.
            || t.tag == "m" && t.word.chars().all(is_han_numeral)
            // 中国 + 中/f + 元/m + 国际工程有限公司: a character jieba reads as a
            // number inside a company's name.
            || t.tag == "m" && t.word.chars().count() == 1 && company_after(toks, k))
            && !is_time_token(t);
        if !reads_as_part_of_a_name {
            return None;
        }
        // 经 + 合办 of 经合办主任: a verb jieba cut out of an office's name ends as
        // the office does, before its post.
        let office_cut = t.word.ends_with(['办', '局', '处', '科', '室'])
            && toks.get(k + 1).is_some_and(|n| {
                matches!(n.category, Category::Title | Category::Organ)
                    || matches!(n.word.as_str(), "(" | "（")
            });
        // 交建 + 集团 of 交建集团总经理: a verb jieba cut out of a company's name.
        let company_cut = toks.get(k + 1).is_some_and(|n| {
            n.category == Category::Organ && matches!(n.word.as_str(), "集团" | "公司")
        });
        // 产业 + 集聚 + 区 + 管委会: a verb jieba cut out of a zone's name.
        let zone_cut = toks.get(k + 1).is_some_and(|n| n.word == "区")
            && toks
                .get(k + 2)
                .is_some_and(|n| n.category == Category::Organ);
        verbs |= t.tag.starts_with('v') && !office_cut && !company_cut && !zone_cut;
        if k == 0 {
            return (!verbs).then_some(0);
        }
    }
    None
}

/// Whether a company's name (…有限公司, …集团) ends a few words after token `k`,
/// before any post.
fn company_after(toks: &[Word], k: usize) -> bool {
    toks[k + 1..]
        .iter()
        .take(6)
        .take_while(|t| t.category != Category::Title && !is_clause_break(t))
        .any(|t| {
            t.category == Category::Organ && (t.word.ends_with("公司") || t.word.ends_with("集团"))
        })
}

/// Whether `c` writes a number in Chinese (二十三) or an ordinal's 第.
fn is_han_numeral(c: char) -> bool {
    "第一二三四五六七八九十百".contains(c)
}

/// The 、 before the last item of a list of names, when that item (ending at
/// `seg_end`) holds no name read, nor an occasion or a function word, and is a few
/// words long.
fn unread_last_item(toks: &[Word], people: &[usize], seg_end: usize) -> Option<usize> {
    const MAX_WORDS: usize = 16;
    let k = (seg_end.saturating_sub(MAX_WORDS)..seg_end)
        .rev()
        .take_while(|&k| {
            let t = &toks[k];
            t.word == "、"
                || t.category != Category::Event
                    && !t.tag.starts_with(['p', 'c', 'u', 'r', 'd', 'm'])
                    && !people.contains(&k)
                    && t.word.chars().all(crate::normalize::is_cjk)
        })
        .find(|&k| toks[k].word == "、")?;
    (k > 0 && people.contains(&(k - 1)) && k + 1 < seg_end).then_some(k)
}

/// Where an item naming a group without names starts (8个开工项目企业负责人, 相关垂直
/// 单位负责人, 以及12个乡（镇）党委书记): it ends in a word for people (负责人, 领导, 代表)
/// or an office (重点办) and runs back to the separator before it over any words but a
/// name, an occasion or a preposition.
fn group_item_start(toks: &[Word], people: &[usize], seg_end: usize) -> Option<usize> {
    const MAX_WORDS: usize = 12;
    let last = seg_end.checked_sub(1)?;
    // 重点 + 办: jieba reads an office's 办 as the verb.
    let office = toks[last].word.ends_with('办')
        && (toks[last].word.chars().count() > 1
            || last > 0 && toks[last - 1].category == Category::Nominal);
    if !names_people(&toks[last]) && !office {
        return None;
    }
    for k in (seg_end.saturating_sub(MAX_WORDS + 1)..last).rev() {
        let t = &toks[k];
        if matches!(t.word.as_str(), "、" | "," | "，" | "以及" | "及")
            || closes_names(toks, people, k)
        {
            return (k + 1 < seg_end).then_some(k + 1);
        }
        if is_clause_break(t)
            || t.tag.starts_with("nr") && t.word != "负责"
            || t.tag.starts_with('p')
            || t.word == "的"
            // (大会 of 其他大会主席团成员 names the body, not an occasion of the list.)
            || t.category == Category::Event
                && !toks.get(k + 1).is_some_and(|n| n.category == Category::Organ)
        {
            return None;
        }
    }
    None
}

/// Whether token `k` is the 等 that closes the names before a group said by its rank
/// (张淑明、费向前等副县级以上领导).
pub(super) fn closes_names(toks: &[Word], people: &[usize], k: usize) -> bool {
    toks[k].word == "等" && k > 0 && people.contains(&(k - 1))
}

/// Whether a word ends in one that names people (负责人, 领导, 代表).
pub(super) fn names_people(t: &Word) -> bool {
    const HEADS: &[&str] = &[
        "负责人",
        "领导",
        "代表",
        "书记",
        "人员",
        "成员",
        "干部",
        "同志",
        "群众",
        "嘉宾",
        "委员",
        "职工",
        "党员",
        // 项目牵头单位、县直相关部门: the bodies stand for the people they send.
        "单位",
        "部门",
    ];
    HEADS.iter().any(|h| t.word.ends_with(h))
}

/// A word of a group named without names (各县（市、区）政府主要负责同志, 市直各部门负责同志,
/// 县四大班子其他领导): a common noun, a determiner such as 各 or 其他, the bodies
/// directly under a jurisdiction (县直, 市直), or 负责 (which the segmenter's dictionary
/// tags as a name).
fn is_group_word(t: &Word) -> bool {
    t.category == Category::Nominal && !t.tag.starts_with("nr")
        || t.category == Category::Organ
        || t.word == "负责"
        || t.tag == "r" && (t.word.starts_with('各') || matches!(t.word.as_str(), "其他" | "其余"))
        // 县直相关单位负责人: jieba tags 相关 a verb; 非 of 非遗传承人 a prefix.
        || matches!(t.word.as_str(), "相关" | "有关" | "分管" | "部分" | "全体")
        || t.tag == "h"
        || t.word.chars().count() == 2
            && t.word.ends_with('直')
            && t.word.starts_with(crate::lexicon::JURISDICTION_CHARS)
}

/// 在家的县四套班子领导: the leaders of a place or body described by a clause, inside a
/// list of names (`i` is a token of it).
pub(super) fn is_leaders_phrase(toks: &[Word], i: usize) -> bool {
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

/// The people named after token `k` up to the end of the clause (出席会议的有：A、B，C；
/// 会见了 A 和 B): commas between participant segments do not end the list.
pub(super) fn people_after(
    toks: &[Word],
    chunks: &[Chunk],
    people: &[usize],
    k: usize,
) -> Vec<Party> {
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
