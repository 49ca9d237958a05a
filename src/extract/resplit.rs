//! Tokens jieba fused that are cut back apart before the grammar reads them: an organ
//! and its post (区委书记), a preposition and a jurisdiction (由县), a role verb and its
//! occasion (主持会议), a name and the word after it (许振等), a date's day and 至.

use crate::lexicon::{Lexicon, JURISDICTION_CHARS};
use crate::segment::{Tag, Token};

/// Words jieba fuses with the role verb after them, and their tags once cut off:
/// invited (应邀出席) and how the people do it (踊跃发言, 纷纷表示).
const BEFORE_ROLE_VERBS: &[(&str, &str)] = &[
    ("应邀", "v"),
    ("受邀", "v"),
    ("踊跃", "d"),
    ("纷纷", "d"),
    ("积极", "d"),
    ("依次", "d"),
    ("相继", "d"),
    ("先后", "d"),
];

/// The token `t`, or its two pieces where jieba fused two words the grammar reads
/// apart.
pub(super) fn resplit<'a>(lex: &Lexicon, t: Token<'a>) -> (Token<'a>, Option<Token<'a>>) {
    // Cuts are tried on slices of the word, at byte offsets: this runs on every token,
    // and building a character vector and two strings per cut was most of its cost.
    let w = t.word;
    let n = w.chars().count();
    let piece = |a: usize, b: usize, bytes: std::ops::Range<usize>, tag: &str| Token {
        word: &w[bytes],
        tag: Tag::new(tag),
        start: t.start + a,
        end: t.start + b,
    };
    let split = |cut: usize, at: usize, left_tag: &str, right_tag: &str| {
        (
            piece(0, cut, 0..at, left_tag),
            Some(piece(cut, n, at..w.len(), right_tag)),
        )
    };
    // (character index, byte offset) of the cuts between characters 1 and n - 1.
    let cuts = || {
        w.char_indices()
            .enumerate()
            .skip(1)
            .take(n.saturating_sub(2))
            .map(|(k, (at, _))| (k, at))
    };
    if n >= 3 && lex.may_end_title(w) && lex.parse_title(w).is_none() {
        // Organ + post fused (区委书记, 省委常委, 市委副书记).
        for (cut, at) in cuts() {
            let (left, right) = w.split_at(at);
            if lex.parse_title(right).is_some()
                && (lex.org_suffix(left).is_some() || left.ends_with('委'))
            {
                return split(cut, at, "nt", "nnt");
            }
        }
    }
    // 由县 of 由县人大主任X主持, 由区 of 由区人大常委会, 到市 of 到市行政审批服务中心,
    // 率市 of 率市党政代表团: a preposition (or 率) fused with the jurisdiction word of
    // the organ after it.
    if n == 2
        && w.starts_with([
            '由', '经', '向', '对', '在', '据', '到', '赴', '作', '有', '以', '率',
        ])
        && w.ends_with(JURISDICTION_CHARS)
    {
        let at = w.chars().next().map_or(0, char::len_utf8);
        return split(1, at, "p", "n");
    }
    // 到安马 of 张云龙到安马大营: jieba tags the verb of arrival fused with the place
    // after it as one place; no place it does not know starts with 到 or 赴.
    if n >= 3 && t.tag.starts_with("ns") && w.starts_with(['到', '赴']) && lex.place(w).is_none()
    {
        let at = w.chars().next().map_or(0, char::len_utf8);
        return split(1, at, "v", "ns");
    }
    // 组组长 of 纪检监察组组长, 队队长: a body's last character fused with its head's
    // post, which repeats it.
    if n == 3 {
        let mut cs = w.chars();
        if let (Some(a), Some(b)) = (cs.next(), cs.next()) {
            let at = a.len_utf8();
            if a == b && lex.parse_title(&w[at..]).is_some() {
                return split(1, at, "n", "nnt");
            }
        }
    }
    // 会议由禹卫东主持: jieba took 由 and the surname after it for a name.
    if n == 2 && w.starts_with('由') && t.tag.starts_with("nr") {
        let surname = w
            .chars()
            .nth(1)
            .is_some_and(|c| lex.surnames().contains(&c));
        if surname {
            return split(1, '由'.len_utf8(), "p", "nr");
        }
    }
    // 丰收节暨首届运动会: 暨 joins two occasions into one name; it starts no word but
    // a few names (暨南大学, 暨阳街道).
    if n >= 2 && w.starts_with('暨') && !w.starts_with("暨南") && !w.starts_with("暨阳") {
        return split(1, '暨'.len_utf8(), "c", "n");
    }
    // 罗永明等市四大班子领导, 及县直部门: a list's end fused with the jurisdiction word
    // of the group after it.
    // 受州人民政府委托: the same with the one who entrusts.
    if n == 2
        && w.starts_with(['等', '及', '受'])
        && (w.ends_with(JURISDICTION_CHARS) || w.ends_with('州'))
    {
        let tag = match w.chars().next() {
            Some('等') => "u",
            Some('受') => "p",
            _ => "c",
        };
        return split(1, '等'.len_utf8(), tag, "n");
    }
    // A role verb fused with its event (主持会议, 出席会议): the verb must stand alone,
    // unless the whole word names the occasion (揭牌仪式).
    if n >= 3 && !lex.is_event_head(w) {
        for (cut, at) in cuts() {
            let (left, right) = w.split_at(at);
            if lex.role_verbs().contains_key(left) && lex.is_event_head(right) {
                return split(cut, at, "v", "nev");
            }
        }
    }
    // 宣传部长, 统战部长: a department's head written with the department's 部 left
    // out; the department stem stands for the organ (see `Lexicon::is_department_stem`).
    if let Some(stem) = w.strip_suffix("部长").filter(|d| lex.is_department_stem(d)) {
        return split(stem.chars().count(), stem.len(), "nt", "nnt");
    }
    // 公安局长, 财政局长: so a bureau's head (jieba: one noun).
    if let Some(stem) = w.strip_suffix("局长").filter(|d| lex.is_bureau_stem(d)) {
        return split(stem.chars().count(), stem.len(), "nt", "nnt");
    }
    // 林先生 in 李晓林先生: the form of address is no part of the name.
    if n >= 3 {
        if let Some(rest) = ["先生", "女士", "同志"]
            .iter()
            .find_map(|a| w.strip_suffix(a))
        {
            return split(rest.chars().count(), rest.len(), "nr", "n");
        }
    }
    // 应邀出席, 受邀参加, 踊跃发言, 纷纷表示: invited, or how the people do it, then the
    // role verb on its own.
    if let Some((tag, verb)) = (n >= 3)
        .then(|| {
            BEFORE_ROLE_VERBS
                .iter()
                .find_map(|(p, tag)| w.strip_prefix(p).map(|v| (*tag, v)))
        })
        .flatten()
        .filter(|(_, v)| lex.role_verbs().contains_key(*v))
    {
        let at = w.len() - verb.len();
        return split(2, at, tag, "v");
    }
    // 东北网12月25日讯(记者…) 省十届…: with the byline's brackets taken out, jieba
    // fuses the dateline's 日讯 with the word after it.
    if n >= 3 && (w.starts_with("日讯") || w.starts_with("日电")) {
        return split(2, "日讯".len(), "nz", "n");
    }
    // 25日至26日: the day ends the first date (jieba reads 日至 as one word).
    if matches!(w, "日至" | "日到" | "号至") {
        return split(1, w.len() - '至'.len_utf8(), "m", "p");
    }
    // 许振等, 郝新瑞及, 马宇骏率, 钱勇作(重要讲话), 赵丽受(县人民政府委托), 王吉在
    // (主席台就座): a name run into the word after it.
    if n >= 3
        && w.ends_with(['等', '及', '和', '与', '率', '到', '作', '受', '在'])
        && t.tag.starts_with("nr")
    {
        let last = w.chars().next_back().map_or(0, char::len_utf8);
        let tag = match w.chars().next_back() {
            Some('等') => "u",
            Some('率' | '到' | '作') => "v",
            Some('受' | '在') => "p",
            _ => "c",
        };
        return split(n - 1, w.len() - last, "nr", tag);
    }
    (t, None)
}
