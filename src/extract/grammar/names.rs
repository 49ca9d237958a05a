//! Walking left over the words of a name: from a head word (an organ suffix, an
//! event word) back to where the name starts, over modifiers, places, ordinals and
//! quoted stretches, and stopping at the words that never belong to one. Organisations
//! and events share this walk, so it lives apart from both.

use crate::extract::token::{is_ceremony, Category, Word, JURISDICTION_CHARS, SITTING_BODIES};

/// Walks left from `h` over tokens allowed inside a name; returns the first token index.
pub(super) fn extend_left(toks: &[Word], h: usize, covered: &[bool], allow_quotes: bool) -> usize {
    extend_left_until(toks, h, covered, allow_quotes, false)
}

/// As [`extend_left`]; with `stop_at_place`, a place ends the name (an event is named
/// after one jurisdiction at most: 郑州市…活动, not 惠济区积极响应郑州市…活动).
pub(super) fn extend_left_until(
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
            // 政协沁县第十四届五次会议: a body may stand before the place it is of, and
            // before the term of the place's committee (政协第十六届夏县委员会第三次会议).
            let is_body = |i: usize| SITTING_BODIES.contains(&toks[i].word.as_str()) && !covered[i];
            let is_term = |i: usize| {
                let w = toks[i].word.as_str();
                w.starts_with('第') && w.ends_with('届') && !covered[i]
            };
            // A district written after its city (杭州市萧山区) is one jurisdiction.
            while a >= 1
                && toks[a - 1].category == Category::Place
                && toks[a].category == Category::Place
                && !covered[a - 1]
            {
                a -= 1;
            }
            if a == 0 {
                break;
            }
            if is_body(a - 1) {
                a -= 1;
            } else if a >= 2 && is_term(a - 1) && is_body(a - 2) {
                a -= 2;
            }
            break;
        }
        // 第三次集体学习（扩大）会议, 第五次全体(扩大)会议: a widened sitting is named
        // with the words before the bracket.
        if stop_at_place
            && a >= 4
            && toks[a].category == Category::Event
            && matches!(toks[a - 3].word.as_str(), "（" | "(")
            && toks[a - 2].word == "扩大"
            && matches!(toks[a - 1].word.as_str(), "）" | ")")
            && !covered[a - 4]
        {
            // The word before the bracket is the sitting's (全体, 集体学习, 主席), whatever
            // it would be elsewhere.
            a -= 4;
            continue;
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
            && (matches!(
                toks[a].category,
                Category::Organ | Category::JurisdictionWord | Category::Place
            ) || p > 0 && toks[p - 1].tag.starts_with("nr"))
        {
            break;
        }
        let ok = match t.category {
            // A person is no part of a name (李家俊陪同考察 is 李家俊, then 考察), nor of
            // an organisation's when a preposition follows the name (欧昭对 + 交建集团,
            // a name jieba ran into the preposition; 代表 after a name stops above).
            Category::Nominal if t.tag.starts_with("nr") && stop_at_place => false,
            Category::Nominal
                if t.tag.starts_with("nr")
                    && (t.word.ends_with(['对', '向', '为', '与', '和', '在'])
                        // (张春贤宣布 + 世博会: what the person does, then the body.)
                        || toks
                            .get(p + 1)
                            .is_some_and(|n| n.tag.starts_with(['p', 'v']))) =>
            {
                false
            }
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
            // 李广会见同乡会, 分别会见代表团: meeting a group is no part of its name.
            Category::Event if !stop_at_place => {
                toks[a].category == Category::Organ
                    && matches!(t.tag.as_str(), "vn" | "n")
                    && !MEETING_WORDS.contains(&t.word.as_str())
            }
            // 调研座谈活动, 考察调研活动: event words joined into one name.
            // 开幕式暨签约仪式: two occasions held as one.
            Category::Event if stop_at_place => {
                // 集中开工活动暨开工仪式: 暨 joins whatever occasion stands before it;
                // 活动第三批项目开工仪式: a batch is of the campaign named before it.
                toks[a].word == "暨"
                    || toks[a].word.ends_with('批') && is_ordinal(&toks[a].word)
                    || ((toks[a].category == Category::Event
                    // 观摩学习活动: what was done, and its kind of activity.
                    || toks[h].word == "活动" && h - p <= 3
                    // 洽谈会重大项目签约仪式, 交易会招商项目推介会: a ceremony held within a
                    // fair or festival is named after it.
                    || is_ceremony(&toks[h].word) && (t.word.ends_with('会') || t.word.ends_with('节'))
                    // 第一次会议第二次全体会议: a sitting of the session before it.
                    || is_ordinal(&toks[a].word) && (t.word.ends_with('会') || t.word.ends_with("会议")))
                    // 活动开幕式: the opening of the activity named before.
                    && t.word != "活动"
                    // …第十一次会议 会议审议通过: a headline run into the body with a space
                    // (which normalising removes) repeats the word; no name does.
                    && t.word != toks[a].word)
            }
            // 中秋国庆假期安全防范工作会议, 春节前安全生产检查: the season a meeting is
            // about is part of its name.
            Category::Other if stop_at_place && t.tag == "t" => is_season(&t.word),
            // 丰收节暨首届农民运动会: 暨 after an occasion joins it to the one named
            // after it, whatever words that name starts with.
            Category::Other if stop_at_place && t.word == "暨" => {
                p > 0 && toks[p - 1].category == Category::Event && !covered[p - 1]
            }
            // 省纪委监委派驻省人大机关纪检监察组: a group a commission sends to sit in
            // another body is named with the commission that sends it.
            // (纪委监委第二派驻纪检监察组: the commission's ordinal for its groups.)
            Category::Other if !stop_at_place && matches!(t.word.as_str(), "驻" | "派驻") => {
                let commission = |k: usize| toks[k].category == Category::Organ && !covered[k];
                toks[h].word.ends_with('组')
                    && (p > 0 && commission(p - 1)
                        || p > 1 && is_numeral(&toks[p - 1].word) && commission(p - 2))
            }
            Category::Other if !stop_at_place && is_numeral(&t.word) && toks[a].word == "派驻" => {
                p > 0 && toks[p - 1].category == Category::Organ
            }
            // 集中开竣工仪式: 开 (开工) before 竣工, cut off as a verb of its own.
            Category::Other
                if stop_at_place && t.word == "开" && toks[a].word.starts_with("竣工") =>
            {
                true
            }
            // 当天的捐赠仪式: the act a ceremony is held for names it, after whatever
            // word (jieba cuts 捐赠 + 仪式).
            Category::Other
                if stop_at_place
                    && a == h
                    && toks[h].word == "仪式"
                    && is_ceremony_act(&t.word) =>
            {
                true
            }
            // 非物质文化遗产中心项目开工仪式: jieba cuts 非 off as a prefix of its own.
            Category::Other
                if stop_at_place && t.word == "非" && toks[a].category == Category::Nominal =>
            {
                true
            }
            // 优秀企业家表彰大会, 先进集体表彰会: an adjective that says what is honoured.
            Category::Other if stop_at_place && is_describing_adjective(toks, p) => true,
            // 十七届, 第一次, 2017年, 14周年: the session or edition of an event, in one
            // word or cut in two (第二 + 次).
            // (召开了4次推进会议: how many times, not which one.)
            Category::Other
                if stop_at_place
                    && !is_count_of_times(toks, p)
                    && (is_ordinal(&t.word)
                        || is_numeral(&t.word)
                        || (is_measure(&t.word) && p > 0 && is_numeral(&toks[p - 1].word))) =>
            {
                true
            }
            // 平乐村党支部: a village and its name (jieba reads 村 apart, and the name
            // as any word).
            Category::Other
                if !stop_at_place
                    && (matches!(t.word.as_str(), "村" | "社区") && p > 0
                        || matches!(toks[a].word.as_str(), "村" | "社区")
                            && (1..=3).contains(&t.word.chars().count())
                            && !t.tag.starts_with(['v', 'p', 'd', 'c', 'u', 'r', 'f'])
                            && t.word.chars().all(crate::normalize::is_cjk)) =>
            {
                true
            }
            // 自然资源和规划局: a conjunction joins two modifiers inside an organ name.
            Category::Other if matches!(t.word.as_str(), "和" | "与" | "及") => {
                // A name before 与 is a person meeting someone (戴秉国与代表团); an organ
                // of a jurisdiction after it is a party of its own (老干部与市政协).
                p > 0
                    && matches!(toks[p - 1].category, Category::Nominal)
                    && !toks[p - 1].tag.starts_with("nr")
                    && matches!(toks[a].category, Category::Nominal | Category::Organ)
                    && !(toks[a].category == Category::Organ
                        && toks[a].word.starts_with(JURISDICTION_CHARS))
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
                        && toks[a].word.starts_with(JURISDICTION_CHARS))
                    && p > 0
                    && (matches!(
                        toks[p - 1].category,
                        Category::Nominal | Category::Organ | Category::Place
                    )
                        // 重大项目集中开工活动: two such verbs in a row.
                        || p > 1
                            && toks[p - 1].tag == "v"
                            && toks[p - 1].word.chars().count() == 2
                            && matches!(
                                toks[p - 2].category,
                                Category::Nominal | Category::Organ | Category::Place
                            ))
                    && !CLAUSE_VERBS.contains(&t.word.as_str())
                    // 全市组织工作会议: 组织工作 is the work of the organisation departments.
                    || t.word == "组织" && toks[a].word.starts_with("工作") && p > 0
            }
            // 开工、竣工、投产仪式: one ceremony of several acts, listed before it.
            Category::Punct
                if stop_at_place
                    && t.word == "、"
                    && is_ceremony(&toks[h].word)
                    && p > 0
                    && !covered[p - 1]
                    && is_ceremony_act(&toks[p - 1].word)
                    && (a == h || is_ceremony_act(&toks[a].word)) =>
            {
                a = p - 1;
                continue;
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
    let describing = |k: usize| stop_at_place && is_describing_adjective(toks, k);
    // 开工、竣工、投产仪式 and 捐赠仪式 start on their acts.
    let listed_act = |k: usize| {
        stop_at_place
            && is_ceremony_act(&toks[k].word)
            && (toks[k + 1].word == "、" || k + 1 == h && toks[h].word == "仪式")
    };
    while a < h
        && ((toks[a].category == Category::Other
            && !numbered(&toks[a])
            && !describing(a)
            && !listed_act(a))
            || matches!(toks[a].word.as_str(), "和" | "暨"))
    {
        a += 1;
    }
    a
}

/// Whether `w` is an act a ceremony is held for, which names it (捐赠仪式) alone or
/// listed with others (开工、竣工、投产仪式).
fn is_ceremony_act(w: &str) -> bool {
    CEREMONY_ACTS.contains(&w)
}

/// The acts of [`is_ceremony_act`].
const CEREMONY_ACTS: &[&str] = &[
    "开工", "竣工", "投产", "签约", "揭牌", "奠基", "开业", "启动", "颁奖", "授牌", "捐赠", "捐款",
    "通车",
];

/// Festivals and seasons that name what a meeting or campaign is for (中秋, 国庆假期,
/// 汛期); not the words that say when something happens (今年, 近日).
fn is_season(w: &str) -> bool {
    w.ends_with("假期")
        || w.ends_with("节")
        || matches!(
            w,
            "中秋"
                | "新年"
                | "国庆"
                | "元旦"
                | "春节"
                | "清明"
                | "端午"
                | "五一"
                | "汛期"
                | "冬春"
                | "岁末年初"
        )
}

/// Whether token `k` is a two-character adjective describing the noun after it inside
/// an event's name (优秀 of 优秀企业家表彰大会).
fn is_describing_adjective(toks: &[Word], k: usize) -> bool {
    toks[k].tag == "a"
        && toks[k].word.chars().count() == 2
        && toks
            .get(k + 1)
            .is_some_and(|n| n.category == Category::Nominal && !n.tag.starts_with("nr"))
}

/// Whether token `k` counts occasions (召开了4次会议, 先后举办三次): a number of 次
/// right after a verb, where a session's number (十四届五次会议) follows its term.
fn is_count_of_times(toks: &[Word], k: usize) -> bool {
    let w = toks[k].word.as_str();
    // The number and 次 in one word or two (4 + 次).
    let start = if w.ends_with('次') && w != "次" {
        k
    } else if w == "次" && k > 0 && is_numeral(&toks[k - 1].word) {
        k - 1
    } else if is_numeral(w) && toks.get(k + 1).is_some_and(|n| n.word == "次") {
        k
    } else {
        return false;
    };
    !toks[start].word.starts_with('第')
        && start > 0
        && (toks[start - 1].word == "了" || toks[start - 1].tag.starts_with('v'))
}

/// Whether a word numbers a session or an edition (十七届, 第一次, 2017年, 第三季度,
/// 14周年), as event names do; dates are chunks of their own and never get here.
fn is_ordinal(w: &str) -> bool {
    // 首届, 首次: the first.
    let numeral = |c: char| c.is_ascii_digit() || "〇一二三四五六七八九十百两第首".contains(c);
    let Some(last) = w.chars().last() else {
        return false;
    };
    let body = w.trim_end_matches(['届', '次', '年', '期', '季', '度', '周', '轮', '批']);
    "届次年期季度周轮批".contains(last)
        && !body.is_empty()
        && body.trim_end_matches("周年").chars().all(numeral)
}

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
pub(super) fn continues_compound(toks: &[Word], i: usize) -> bool {
    // 全区中心工作, 中心商务区, 中心任务: 中心 as the centre of something, no body.
    let centre = i > 0
        && toks[i - 1].word.ends_with("中心")
        && toks.get(i).is_some_and(|t| {
            matches!(
                t.word.as_str(),
                "工作" | "任务" | "商务区" | "城区" | "镇区" | "议题" | "内容"
            )
        });
    centre
        || toks
            .get(i)
            .is_some_and(|t| COMPOUND_TAILS.contains(&t.word.as_str()))
}

/// Verbs that govern the body or occasion after them (召开, 出席, 带领, 签署): the
/// clause's own, never inside a name.
const CLAUSE_VERBS: &[&str] = &[
    "召开", "举行", "举办", "承办", "主办", "出席", "参加", "主持", "成立", "开展", "落实", "组织",
    "帮助", "联系", "建立", "解决", "办理", "对接", "陪同", "列席", "进行", "带领", "率领", "带队",
    "前往", "深入", "莅临", "参观", "代表", "当选", "担任", "出任", "任命", "选举", "增补", "致辞",
    "讲话", "宣读", "会见", "看望", "慰问", "调研", "考察", "视察", "签订", "签署", "围绕", "发挥",
    "率",
];

/// Acts of meeting people (会见 a delegation), which name no group.
const MEETING_WORDS: &[&str] = &["会见", "会谈", "会晤", "接见", "看望", "慰问", "拜会"];

/// Words jieba reads as nouns that stand before a body's name without being part of it.
const NEVER_IN_NAMES: &[&str] = &[
    // 出席主会场开工仪式: where in the occasion, not which one.
    "主会场",
    "分会场",
    "全体",
    "谋划",
    "历来",
    "充分发挥",
    "认真",
    "精心",
    "积极",
    "主动",
    // 历届省委: the committees of every term, not one named body.
    "历届",
    "历任",
    // 部分部、委、办: some of the departments, not one.
    "部分",
    // 许荣盛率经贸代表团: the one who leads a group is no part of its name.
    "率",
    "率领",
    "带领",
    // 指示精神和省委, 情况和合作中心: what was studied or seen, before a body's name.
    "精神",
    "指示精神",
    "情况",
    // 我区处在城市中心, 选举产生大会主席团, 重点做好企业复工复产: verbs of where a place
    // lies, of electing and of getting work done, before the noun they govern.
    "处在",
    "处于",
    "位于",
    "产生",
    "选举产生",
    "做好",
    "抓好",
    "问候",
    // 认真领会县政协…会议精神: to take in, a verb jieba reads as a noun.
    "领会",
];
