//! Where the subject of a verb ends (over 等, dates, frames such as 在会上, a speech's
//! topic, a count of the people) and a subject that refers back (他, 区长, 王市长). The
//! lists of names themselves are read in `lists`.

use super::grammar::Chunk;
use super::lists::{acting_together, done_side_by_side, in_turn, DESCRIPTORS};
use super::parties::{chunk_ending_at, in_chunk_of, Party};
use super::token::{is_time_token, Category, Word};
use crate::lexicon::Lexicon;
use crate::mention::MentionKind;

/// Words that may stand between a subject and its verb (等 出席, 也 参加, 分别 致辞).
pub const BETWEEN: &[&str] = &[
    "是",
    "一行",
    "发表",
    "书面",
    "视频",
    "重要",
    "受邀",
    "应邀",
    // Kinds of speech (作总结讲话, 并作动员讲话, 发表主旨演讲).
    "总结",
    "动员",
    "主旨",
    "即席",
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
    "在发言中",
    "接着",
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
    // In turn (依次发言, 相继作交流发言), and eagerly (踊跃发言, 纷纷表示).
    "依次",
    // In what order (首先致辞, 最后强调, 再次表示, 又作补充).
    "首先",
    "最后",
    "再次",
    "又",
    "踊跃",
    "纷纷",
    "相继",
    "轮流",
    "逐一",
    "亲自",
    // 亲切会见, 亲切看望: how the hosts met their guests.
    "亲切",
    "一起",
    "并",
    "并作",
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
    // Right there and then (当场表示, 当即要求).
    "当场",
    "当即",
    "随即",
    "到场",
    "为",
    "一并",
    "共",
    "共计",
    // 由县委副书记X担任主持: in which part.
    "担任",
];

/// Prepositions that open what an act is for or about, or in what capacity (为, 对,
/// 就, 以人大代表身份, 结合分管工作).
const ABOUT: &[&str] = &["为", "对", "就", "围绕", "针对", "向", "对于", "以", "结合"];

pub(super) use super::token::is_clause_break;

/// Where the subject of the verb at `v` ends: skips words that may stand between (等,
/// 也), dates (27日), and a frame such as 在开幕式上 / 在会见…时 / 在…举行的发布会上.
/// Returns the token index one past the subject, and the event chunk of the frame.
pub(super) fn subject_end(
    toks: &[Word],
    chunks: &[Chunk],
    people: &[usize],
    v: usize,
) -> (usize, Option<usize>) {
    let mut i = v;
    let mut frame_event = None;
    loop {
        let before = i;
        while i > 0
            && (BETWEEN.contains(&toks[i - 1].word.as_str())
                || is_time_token(&toks[i - 1])
                || is_head_count(toks, chunks, people, i - 1)
                || is_counted_group(toks, chunks, people, i - 1)
                || in_chunk_of(chunks, i - 1, &[MentionKind::Date]))
        {
            i -= 1;
        }
        // 通过视频参加, 以视频方式出席: how they took part, not who.
        if let Some(k) = remote_means_start(toks, i) {
            i = k;
            continue;
        }
        // 在中南海会见, 在人民大会堂会见, 在京会见: a place of the act, not a participant.
        if let Some(z) = (i.saturating_sub(5)..i)
            .rev()
            .take_while(|&k| !is_clause_break(&toks[k]))
            .find(|&k| toks[k].word == "在")
        {
            // 在县委常委会议室: a room named by the body or post whose it is.
            let room = toks[i - 1].category == Category::Nominal
                && (toks[i - 1].word.ends_with('室') || toks[i - 1].word.ends_with("会场"));
            let between_is_place = toks[z + 1..i].iter().enumerate().all(|(x, t)| {
                // 在大会主席台就座: the rostrum of the occasion.
                let rostrum = toks
                    .get(z + 2 + x)
                    .is_some_and(|n| n.word.ends_with("主席台"));
                t.category == Category::Event && rostrum
                    || matches!(
                    t.category,
                    Category::Place | Category::Organ | Category::JurisdictionWord
                ) || t.category == Category::Nominal && !t.tag.starts_with("nr")
                    || t.category == Category::Title && room
                    // 在主席台前排就座: where on the venue.
                    || matches!(t.word.as_str(), "前排" | "后排" | "台上" | "一侧" | "两侧" | "就")
                    // 在小组讨论中发言: in a part of the occasion.
                    || t.tag == "vn"
                    || matches!(t.word.as_str(), "中" | "上" | "时")
            });
            if z + 1 < i && between_is_place {
                i = z;
                continue;
            }
        }
        // 郭杰等县委常委会组成人员出席: 等 closes the names before a body's members too,
        // right after a name (等 also closes lists of things: 花卉等行业的…负责人).
        let members_after_name = |k: usize| {
            toks[k].word == "等"
                && k > 0
                && toks[k - 1].tag.starts_with("nr")
                && toks[k + 1..i].iter().all(|t| {
                    matches!(
                        t.category,
                        Category::Organ | Category::JurisdictionWord | Category::Title
                    ) || matches!(
                        t.word.as_str(),
                        "组成人员" | "组成" | "人员" | "成员" | "委员"
                    )
                })
        };
        // …及法国各界人士二百五十余人出席, 以及…等单位主要负责同志出席, …及中常委参加: a
        // group without names (by its kind or its post) closes the list; the names are
        // before it.
        // 李明等来自全国13个省(区)22个城市的政协领导参加: 等 right after a name closes
        // the names before a described group, however long the description.
        let group_after_name = |k: usize| {
            toks[k].word == "等"
                && k > 0
                && name_ends_at(toks, chunks, people, k)
                // Over a comma only to more groups (…等区工管委领导班子成员，27个开工项目
                // 业主代表参加), not past an act of theirs (宋春华等出席了发布会，并…).
                && !toks[k + 1..i].iter().any(|t| {
                    matches!(t.word.as_str(), "。" | ";" | "；" | "并")
                        || t.category == Category::Event
                })
        };
        if let Some(k) = (i.saturating_sub(20)..i)
            .rev()
            .take_while(|&k| !matches!(toks[k].word.as_str(), "。" | ";" | "；"))
            .find(|&k| {
                (k + 12 >= i
                    // A long group of bodies after 及 (及县政府办、督查局、发改委、住建局、
                    // 国土局等单位负责同志), without a comma.
                    || k + 30 >= i && !toks[k..i].iter().any(|t| matches!(t.word.as_str(), "，" | ",")))
                    && (matches!(toks[k].word.as_str(), "及" | "以及") || members_after_name(k))
                    || group_after_name(k)
            })
        {
            // Up to the verb: 同志 of 负责同志 may have been passed over already.
            let group_words = toks[k + 1..v].iter().any(|t| {
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
                        | "部门"
                        | "领导"
                ) || t.category == Category::Title
                    || DESCRIPTORS.contains(&t.word.as_str())
            });
            // (负责 of 主要负责同志 is tagged as a name by the segmenter's dictionary.)
            let no_name_after = !toks[k + 1..v]
                .iter()
                .any(|t| t.tag.starts_with("nr") && t.word != "负责");
            if group_words && no_name_after && k + 1 < i {
                i = k;
                continue;
            }
        }
        // 市长X率我市代表团参加, X率领经贸代表团赴上海参加: the one who leads a
        // delegation takes part with it; the delegation stands between.
        if let Some(k) = (i.saturating_sub(14)..i)
            .rev()
            .take_while(|&k| !is_clause_break(&toks[k]) && !toks[k].tag.starts_with("nr"))
            .find(|&k| matches!(toks[k].word.as_str(), "率" | "率领" | "带领" | "带队"))
        {
            if k > 0 && k + 1 < i {
                i = k;
                continue;
            }
        }
        // X 与/同 Y 举行会谈: the partner phrase stands between the subject and the verb,
        // unless they act together (X与Y共同为…揭牌: both are subjects).
        if let Some(k) = (i.saturating_sub(12)..i)
            .rev()
            .take_while(|&k| !is_clause_break(&toks[k]))
            .find(|&k| {
                matches!(toks[k].word.as_str(), "与" | "同" | "和")
                    // 和 inside a name (自然资源和规划局) joins nothing.
                    && !chunks.iter().any(|c| c.tok_start <= k && k < c.tok_end)
            })
            // (A和B致辞: 和 joins two speakers; 与 and 同 may name whom one speaks with.)
            .filter(|&k| {
                let both = acting_together(toks, k, v)
                    || in_turn(toks, k, v)
                    || done_side_by_side(&toks[v].word)
                    || toks[k].word == "和"
                        && matches!(toks[v].word.as_str(), "致辞" | "讲话" | "发言");
                !both
            })
        {
            if k > 0 && !is_clause_break(&toks[k - 1]) && k + 1 < i {
                i = k;
                continue;
            }
        }
        // 于现伟、徐坤6名县政协委员，分别围绕…、…等课题作了大会发言; 秦玉玲、贾文斌
        // 结合各自工作实际，围绕…作了交流发言: a long topic, over commas, stands between
        // the speakers and their speech, back to the first word that opens one.
        if let Some(w) = long_topic_start(toks, chunks, people, i) {
            let mut k = w;
            while k > 0 && BETWEEN.contains(&toks[k - 1].word.as_str()) {
                k -= 1;
            }
            k = names_before_comma(toks, chunks, people, k).unwrap_or(k);
            // (杨红英、牛华平8名委员围绕…: a count of the names, then the topic.)
            while k > 0
                && (is_head_count(toks, chunks, people, k - 1)
                    || is_counted_group(toks, chunks, people, k - 1))
            {
                k -= 1;
            }
            if name_ends_at(toks, chunks, people, k) {
                i = k;
                continue;
            }
        }
        // 于现伟、徐坤6名县政协委员，分别作了大会发言: a count of the names, then a comma.
        if let Some(k) = names_before_comma(toks, chunks, people, i) {
            // (A comma right after the names is the list walker's.)
            if k + 1 < i {
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
        // 共同为市场揭牌, 对下步工作提出要求, 就纪律问题作了要求, 对大家说: what the act
        // is for or about stands between, when it names nobody.
        if let Some(w) = (i.saturating_sub(16)..i)
            .rev()
            .take_while(|&k| !is_clause_break(&toks[k]))
            .find(|&k| ABOUT.contains(&toks[k].word.as_str()))
        {
            // (A name jieba tags that the sentence reads as a person: not 拓宽 of
            // 围绕拓宽就业渠道.)
            let names_someone =
                (w + 1..i).any(|k| toks[k].tag.starts_with("nr") && people.contains(&k));
            if w > 0 && w + 1 < i && !names_someone {
                i = w;
                continue;
            }
        }
        // 甘立新代表受表扬的先进个人发言, 王万庆代表区委、区政府进行发言, 龙长生作为传承人
        // 代表发言: on whose behalf, right after the name.
        if let Some(k) = (i.saturating_sub(16)..i)
            .rev()
            .take_while(|&k| !is_clause_break(&toks[k]))
            .find(|&k| matches!(toks[k].word.as_str(), "代表" | "作为"))
        {
            if k > 0 && k + 1 < i && name_ends_at(toks, chunks, people, k) {
                i = k;
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

/// Where a phrase ending before `end` saying that people took part from afar starts
/// (通过视频, 通过视频连线, 以视频方式, 以线上形式); 视频 alone may have been passed over
/// already, as a kind of speech.
fn remote_means_start(toks: &[Word], end: usize) -> Option<usize> {
    let medium = |t: &Word| {
        matches!(
            t.word.as_str(),
            "视频" | "视频连线" | "连线" | "网络" | "线上" | "远程"
        )
    };
    let mut k = end;
    if k > 0 && matches!(toks[k - 1].word.as_str(), "方式" | "形式") {
        k -= 1;
    }
    while k > 0 && medium(&toks[k - 1]) {
        k -= 1;
    }
    let means = toks.get(k).is_some_and(medium);
    (means && k > 0 && matches!(toks[k - 1].word.as_str(), "通过" | "以")).then(|| k - 1)
}

/// Where the names end when a comma before `k` follows them, or follows a count of
/// them and who they are (徐坤，; 徐坤6名县政协委员，).
fn names_before_comma(
    toks: &[Word],
    chunks: &[Chunk],
    people: &[usize],
    k: usize,
) -> Option<usize> {
    if k < 2 || !matches!(toks[k - 1].word.as_str(), "," | "，") {
        return None;
    }
    let mut j = k - 1;
    while j > 0
        && (is_head_count(toks, chunks, people, j - 1)
            || is_counted_group(toks, chunks, people, j - 1))
    {
        j -= 1;
    }
    (j > 0 && name_ends_at(toks, chunks, people, j)).then_some(j)
}

/// Where a topic that may run over commas starts (围绕, 结合, 就, 针对), reading back
/// from `end` within the sentence over no name and no occasion: the first such word.
/// A name is a person read as one, not a word jieba merely tags so (拓宽就业渠道).
fn long_topic_start(
    toks: &[Word],
    chunks: &[Chunk],
    people: &[usize],
    end: usize,
) -> Option<usize> {
    const MAX_WORDS: usize = 60;
    (end.saturating_sub(MAX_WORDS)..end)
        .rev()
        .take_while(|&k| {
            let t = &toks[k];
            !matches!(t.word.as_str(), "。" | ";" | "；" | "!" | "！")
                && !people.contains(&k)
                && !in_chunk_of(chunks, k, &[MentionKind::Person])
                && t.category != Category::Event
        })
        .filter(|&k| matches!(toks[k].word.as_str(), "围绕" | "结合" | "就" | "针对"))
        .last()
}

/// Whether a name ends right before token `k`: a token jieba tags a name, a name
/// accepted (徐坤, which jieba tags a place), or the end of a person's chunk.
fn name_ends_at(toks: &[Word], chunks: &[Chunk], people: &[usize], k: usize) -> bool {
    let Some(last) = k.checked_sub(1) else {
        return false;
    };
    // 程毅同志代表施工方发言: the name and how it is addressed.
    if matches!(toks[last].word.as_str(), "同志" | "先生" | "女士") {
        return name_ends_at(toks, chunks, people, last);
    }
    toks[last].tag.starts_with("nr")
        || people.contains(&last)
        || chunk_ending_at(chunks, k, &[MentionKind::Person]).is_some()
}

/// Whether token `k` is part of how many people a list stands for, right after its
/// 等 or its last name: the number (等97人, 等20余名, 徐坤6名, written in one token or
/// two) or the unit after it.
fn is_head_count(toks: &[Word], chunks: &[Chunk], people: &[usize], k: usize) -> bool {
    let number = |t: &Word| {
        let w = t.word.trim_end_matches(['人', '名', '位']);
        (w.len() < t.word.len() || t.tag == "m")
            && !w.is_empty()
            && w.chars()
                .all(|c| c.is_ascii_digit() || "一二三四五六七八九十百千余多".contains(c))
    };
    // (…负责人共80余人参加: a total.)
    let after_deng = |n: usize| n >= 1 && matches!(toks[n - 1].word.as_str(), "等" | "共" | "共计");
    let after_name = |n: usize| n >= 1 && name_ends_at(toks, chunks, people, n);
    // (150 + 余人: jieba joins 余 to the unit.)
    let unit = |t: &Word| {
        matches!(
            t.word.as_str(),
            "人" | "名" | "位" | "余人" | "余名" | "余位" | "多人" | "多名" | "多位"
        )
    };
    let has_unit = |t: &Word| t.word.ends_with(['人', '名', '位']);
    (after_deng(k) && number(&toks[k]))
        || (after_name(k)
            && number(&toks[k])
            && (has_unit(&toks[k]) || toks.get(k + 1).is_some_and(unit)))
        || (unit(&toks[k])
            && k >= 1
            && (after_deng(k - 1) || after_name(k - 1))
            && number(&toks[k - 1]))
}

/// 青年 and 代表 of 等6名青年代表, 县政协委员 of 徐坤6名县政协委员: the words saying who
/// the people counted are.
fn is_counted_group(toks: &[Word], chunks: &[Chunk], people: &[usize], k: usize) -> bool {
    // (jieba tags 青年 as a time word.)
    let plain_noun = |t: &Word| {
        matches!(
            t.category,
            Category::Nominal | Category::Title | Category::Organ | Category::JurisdictionWord
        ) && !t.tag.starts_with("nr")
            || t.tag == "t"
    };
    (k.saturating_sub(3)..=k)
        .rev()
        .take_while(|&j| plain_noun(&toks[j]))
        .last()
        .is_some_and(|first| first >= 1 && is_head_count(toks, chunks, people, first - 1))
}

/// An event named in an opening frame of the sentence: 在为此举行的招待会上，… 出席.
pub(super) fn opening_frame(toks: &[Word], chunks: &[Chunk], v: usize) -> Option<usize> {
    if toks.first().is_none_or(|t| t.word != "在") {
        return None;
    }
    let close = (1..v).find(|&k| {
        matches!(toks[k].word.as_str(), "上" | "中") && toks.get(k + 1).is_some_and(is_clause_break)
    })?;
    chunk_ending_at(chunks, close, &[MentionKind::Event])
}

/// A subject that refers back instead of naming: 他/她, a post alone (区长), or a
/// surname with a post (王市长), standing right before `end` at the start of a clause.
pub(super) fn referring_subject(
    lex: &Lexicon,
    toks: &[Word],
    chunks: &[Chunk],
    end: usize,
) -> Option<Party> {
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
