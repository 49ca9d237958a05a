//! Bylines: the people an article credits, found and taken out of its text, in the
//! shapes local news uses: a line of its own (`记者 张三 通讯员 李四`), the end of a
//! paragraph (`…振奋信心。记者 蔺洋`), brackets (`（记者 王五）`, `（张三 文 李四 摄）`,
//! `（山西日报 邓焕彦）`, `(撰稿人:江婷婷 审稿人:郑李平)`), the start of a paragraph
//! (`记者 李洋 4月27日下午，…`), and at the very end of an article a name alone in
//! brackets (`（梅友宽）`: its author).

mod credits;

use crate::lexicon::Lexicon;
use crate::normalize::is_cjk;
use credits::{
    is_separator, Credit, CREDITS, LAYOUT_MARKS, MEDIA_ENDINGS, SHORT_CREDITS, SOURCE_CREDITS,
    SPACED_CREDITS, UNIT_ENDS,
};

/// How a person is credited in a byline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BylineRole {
    /// 记者, 实习生.
    Reporter,
    /// 通讯员.
    Correspondent,
    /// 摄, 摄影, 图.
    Photographer,
    /// 文, 作者, 撰稿, or a name alone in brackets at the end of the article.
    Author,
}

impl BylineRole {
    /// Every role.
    pub const ALL: [BylineRole; 4] = [
        BylineRole::Reporter,
        BylineRole::Correspondent,
        BylineRole::Photographer,
        BylineRole::Author,
    ];

    /// `reporter`, `correspondent`, `photographer` or `author`.
    pub fn as_str(self) -> &'static str {
        match self {
            BylineRole::Reporter => "reporter",
            BylineRole::Correspondent => "correspondent",
            BylineRole::Photographer => "photographer",
            BylineRole::Author => "author",
        }
    }

    /// The role of [`BylineRole::as_str`]'s name.
    pub fn parse(s: &str) -> Option<BylineRole> {
        BylineRole::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The word a byline line writes before the names.
    pub fn label_zh(self) -> &'static str {
        match self {
            BylineRole::Reporter => "记者",
            BylineRole::Correspondent => "通讯员",
            BylineRole::Photographer => "摄影",
            BylineRole::Author => "作者",
        }
    }
}

/// One credited name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Byline {
    /// The person's name.
    pub name: String,
    /// How they are credited.
    pub role: BylineRole,
}

/// Reads text made only of bylines: credits, names, media before them; `None` when any
/// piece is something else. Names with no credit before them take `unmarked` when it
/// is given (a name alone in brackets at the end of an article), else the text is no
/// byline.
pub fn parse_byline_as(
    s: &str,
    lex: &Lexicon,
    unmarked: Option<BylineRole>,
) -> Option<Vec<Byline>> {
    // Credit words spaced out for layout (记 者, 通 讯 员).
    let spaced = SPACED_CREDITS.iter().find(|(w, _)| s.contains(*w));
    let unspaced;
    let s = match spaced {
        Some(_) => {
            let mut t = s.to_string();
            for (w, joined) in SPACED_CREDITS {
                t = t.replace(w, joined);
            }
            unspaced = t;
            unspaced.as_str()
        }
        None => s,
    };
    // 张三（城关镇）, 作者：李四（县委宣传部）: the writer's unit in brackets after a name.
    let without_units;
    let s = if s.contains(['（', '(']) {
        without_units = strip_units(s);
        without_units.as_str()
    } else {
        s
    };
    let s = s
        .trim()
        // □记者 张三, ■本报记者: layout marks before a byline.
        .trim_start_matches(LAYOUT_MARKS)
        .trim_start_matches(|c| BRACKETS.iter().any(|&(open, _)| open == c))
        .trim_end_matches(|c| BRACKETS.iter().any(|&(_, close)| close == c))
        .trim();
    let spaced_names;
    let s = match credits_run_on(s) {
        Some(t) => {
            spaced_names = t;
            spaced_names.as_str()
        }
        None => s,
    };
    // 孙臣涛文/图: one person credited for the words and the pictures.
    let joint;
    let s = if s.contains("文/图") || s.contains("图/文") {
        joint = s.replace("文/图", " 文图").replace("图/文", " 文图");
        joint.as_str()
    } else {
        s
    };
    let pieces: Vec<&str> = s.split(is_separator).filter(|p| !p.is_empty()).collect();
    if pieces.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    let mut credit: Option<Credit> = unmarked.map(Credit::Role);
    let mut credited_any = false;
    let is_credit = |p: &str| {
        SHORT_CREDITS.iter().any(|(w, _)| p == *w) || CREDITS.iter().any(|(w, _)| p.starts_with(w))
    };
    // 文/张三 图/李四 credits before the names; 张三/文 李四/图 after them.
    let credits_lead = is_credit(pieces[0]);
    // (益西卓玛 摄): the credit may come after the name it credits.
    let credit_anywhere = pieces.iter().any(|p| is_credit(p));
    let mut i = 0;
    // Whether the piece is the value of a source or a time (信息来源:邵阳市政协,
    // 发布时间:2025-01-26), which names no one whatever it says.
    let mut value_of_source = false;
    while i < pieces.len() {
        let mut p = pieces[i];
        i += 1;
        if std::mem::take(&mut value_of_source) {
            // 来源：绍兴日报 袁云 秦德胜: the names after the medium a page gives as the
            // source are its writers.
            if is_medium(p) {
                credit = Some(Credit::Role(BylineRole::Author));
            }
            continue;
        }
        if is_timestamp(p) {
            continue;
        }
        if SOURCE_CREDITS.contains(&p) {
            value_of_source = true;
            credit = Some(Credit::Editor);
            credited_any = true;
            continue;
        }
        if let Some(&(_, c)) = SHORT_CREDITS.iter().find(|(w, _)| p == *w) {
            // 张三 摄: the credit after the name changes the role of the names before it
            // that had none of their own.
            if let (Credit::Role(r), Some(last)) = (c, out.last_mut()) {
                let last: &mut Byline = last;
                if !credits_lead
                    && (credit.is_none_or(|k| k == Credit::Role(BylineRole::Author))
                        || !credited_any)
                {
                    last.role = r;
                }
            }
            credit = Some(c);
            credited_any = true;
            continue;
        }
        // 李四 摄影报道 credits the photos too.
        if p == "摄影报道" {
            if let Some(last) = out.last_mut().filter(|_| !credited_any) {
                last.role = BylineRole::Photographer;
            }
            credited_any = true;
            continue;
        }
        let piece_len = p.len();
        // Credits and media at the start of the piece: 见习记者丘佳溢, 本报通讯员张三,
        // 人民日报记者李四, 中国台湾网大连市台办通讯员.
        loop {
            if let Some(&(w, c)) = CREDITS.iter().find(|(w, _)| p.starts_with(w)) {
                credit = Some(c);
                credited_any = true;
                p = &p[w.len()..];
                continue;
            }
            if let Some((w, c, at)) = credit_after_media(p) {
                credit = Some(c);
                credited_any = true;
                p = &p[at + w.len()..];
                continue;
            }
            break;
        }
        // 作者单位：…: the writer's unit, which the brackets' text around it names.
        if p.starts_with("单位") {
            return None;
        }
        // 张三 报道: the word that closes a byline.
        if p.is_empty() || p == "报道" {
            continue;
        }
        if is_medium(p) && lex.surname_len(p).is_none_or(|_| p.chars().count() > 4)
            || is_medium_by_name(p)
        {
            continue;
        }
        // （南华县发改局 杨慧）, （农工委 汪志斌）: the writer's unit before a name.
        if i < pieces.len() && is_unit(p) {
            continue;
        }
        // Suffix credits: 柳迪报道, 张三摄 (which credits the photo on its own: …。梁秋摄).
        let mut own: Option<BylineRole> = None;
        for (suffix, role) in [("报道", None), ("摄", Some(BylineRole::Photographer))] {
            if let Some(rest) = p.strip_suffix(suffix) {
                if (2..=4).contains(&rest.chars().count()) && lex.surname_len(rest).is_some() {
                    p = rest;
                    own = role;
                    credited_any |= role.is_some();
                    break;
                }
            }
        }
        // 崔 杰: a one-character surname and a one-character given name apart.
        let joined;
        if p.chars().count() == 1 && i < pieces.len() && pieces[i].chars().count() == 1 {
            joined = format!("{p}{}", pieces[i]);
            i += 1;
            p = &joined;
        }
        if !p.chars().all(|c| is_cjk(c) || c == '·') {
            return None;
        }
        // (记者 资云飞): a name of two or three characters standing apart after a credit
        // word is a name, of a surname too rare to know.
        // (郭颖 天乐), (江华 姗姗 秦超 凤丽): so are the names spaced apart in the
        // brackets closing an article, when one of them has a surname (reporters are
        // often credited by their given or pen names).
        let set_apart = (credited_any || unmarked.is_some() && names_spaced_apart(&pieces, lex))
            && p.len() == piece_len
            && (2..=3).contains(&p.chars().count())
            && !matches!(credit, Some(Credit::Editor))
            && !lex.not_names().contains(p);
        let names = split_name_run(p)?;
        for name in names {
            // A byline credits people: every name starts with a surname, or is written
            // as a transliterated or minority name (阿依古丽·买买提, 央金, 降初) after a
            // credit word.
            let transliterated = (credited_any || credit_anywhere || unmarked.is_some())
                && (is_dotted_name(&name)
                    || lex.looks_transliterated(&name)
                    || lex.looks_like_minority_name(&name));
            if lex.surname_len(&name).is_none() && !transliterated && !set_apart {
                return None;
            }
            match (own, credit) {
                (Some(r), _) => out.push(Byline { name, role: r }),
                (None, Some(Credit::Role(r))) => out.push(Byline { name, role: r }),
                (None, Some(Credit::Editor)) => {}
                (None, None) => {
                    // A name before any credit: credited by what follows (张三 文).
                    out.push(Byline {
                        name,
                        role: BylineRole::Author,
                    });
                }
            }
        }
    }
    if !credited_any && unmarked.is_none() {
        return None;
    }
    (!out.is_empty()).then_some(out)
}

/// Whether a piece ends as the name of a medium or an office does (山西日报, 秘书宣传组).
fn is_medium(piece: &str) -> bool {
    piece.chars().count() >= 2 && MEDIA_ENDINGS.iter().any(|m| piece.ends_with(m))
}

/// Whether a piece ends in a word of two or more characters that only media and
/// offices end in (黄石日报, 县融媒体中心), so that no person is named so whatever
/// its first character.
fn is_medium_by_name(piece: &str) -> bool {
    MEDIA_ENDINGS
        .iter()
        .any(|m| m.chars().count() >= 2 && piece.len() > m.len() && piece.ends_with(m))
}

/// Whether a piece names a body or a place by its ending (南华县发改局, 农工委, 城关镇):
/// three characters or more, as a unit's name is and few given names ending so are.
fn is_unit(piece: &str) -> bool {
    piece.chars().count() >= 3
        && piece.chars().all(is_cjk)
        && UNIT_ENDS.iter().any(|e| piece.ends_with(e))
}

/// Whether a piece is a date or a time (2025-01-26, 10:20).
fn is_timestamp(piece: &str) -> bool {
    piece.chars().any(|c| c.is_ascii_digit())
        && piece
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '.' | ':' | '年' | '月' | '日'))
}

/// A credit word inside `piece` after the name of a medium (本报通讯员, 人民日报记者), or
/// after any name at the end of the piece (中国台湾网大连市台办通讯员): the credit, its
/// role and where it starts.
fn credit_after_media(piece: &str) -> Option<(&'static str, Credit, usize)> {
    CREDITS.iter().find_map(|&(w, c)| {
        let at = piece.find(w).filter(|&at| at > 0)?;
        let media = &piece[..at];
        let ends_piece = at + w.len() == piece.len();
        (media == "本报"
            || media.chars().all(is_cjk)
                && (ends_piece || MEDIA_ENDINGS.iter().any(|m| media.ends_with(m))))
        .then_some((w, c, at))
    })
}

/// `s` without the bracketed units in it (（城关镇）, （县委宣传部）): brackets that hold a
/// body's or a place's name, which ends as those do.
fn strip_units(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find(['（', '(']) {
        let inner_start = open + rest[open..].chars().next().map_or(1, char::len_utf8);
        let Some(close) = rest[inner_start..].find(['）', ')']) else {
            break;
        };
        let inner = &rest[inner_start..inner_start + close];
        let close_end = inner_start
            + close
            + rest[inner_start + close..]
                .chars()
                .next()
                .map_or(1, char::len_utf8);
        out.push_str(&rest[..open]);
        // （作者单位：县委宣传部）: the unit named as such.
        let named_unit = ["作者单位", "单位"].into_iter().find(|w| {
            inner
                .strip_prefix(w)
                .is_some_and(|r| r.starts_with(['：', ':']))
        });
        if let Some(unit) = named_unit {
            // The name after 作者单位 is the author's.
            out.push_str(if unit == "作者单位" {
                " 作者 "
            } else {
                " "
            });
        } else if !(inner.chars().count() <= 15
            && inner.chars().all(is_cjk)
            && UNIT_ENDS.iter().any(|e| inner.ends_with(e)))
        {
            out.push_str(&rest[open..close_end]);
        } else {
            out.push(' ');
        }
        rest = &rest[close_end..];
    }
    out.push_str(rest);
    out
}

/// 记者王晓飞特约通讯员唐丽雅通讯员包卉: a byline that starts with a credit and writes
/// the next reporter's or correspondent's credit right after a name, spaced out
/// (记者王晓飞 特约通讯员唐丽雅 通讯员包卉); `None` when there is nothing to space.
fn credits_run_on(s: &str) -> Option<String> {
    const RUN_ON: &[&str] = &[
        "特约通讯员",
        "通讯员",
        "特约记者",
        "实习记者",
        "见习记者",
        "本报记者",
        "记者",
        "实习生",
    ];
    if !RUN_ON.iter().any(|w| s.starts_with(w)) {
        return None;
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut rest = s;
    let mut changed = false;
    let mut after_name = false;
    while let Some(c) = rest.chars().next() {
        if let Some(w) = RUN_ON.iter().find(|w| rest.starts_with(*w)) {
            if after_name {
                out.push(' ');
                changed = true;
            }
            out.push_str(w);
            rest = &rest[w.len()..];
            after_name = false;
            continue;
        }
        after_name = !is_separator(c);
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    changed.then_some(out)
}

/// [`parse_byline_as`] for text that must carry its own credits.
pub fn parse_byline(s: &str, lex: &Lexicon) -> Option<Vec<Byline>> {
    parse_byline_as(s, lex, None)
}

/// Removes bylines from body lines; returns the body and the credited names in order.
pub(crate) fn strip_bylines(lines: &[&str], lex: &Lexicon) -> (String, Vec<Byline>) {
    let mut body = String::new();
    let mut bylines = Vec::new();
    // The article's text ends at its last line that is not a page's trailer
    // (来源：黄石日报, 责任编辑：张三), which may follow the author's name in brackets.
    let last = lines
        .iter()
        .rposition(|l| !l.trim().is_empty() && !is_trailer(l));
    for (n, line) in lines.iter().enumerate() {
        let mut line = line.to_string();
        let is_last = last.is_some_and(|last| n >= last);
        // A bracketed byline anywhere on the line: （记者 张三 通讯员 李四）; at the end
        // of the article a name alone in brackets too.
        let mut from = 0;
        while let Some((open, close, found)) = find_paren_byline(&line, from, lex, is_last) {
            bylines.extend(found);
            line.replace_range(open..close, "");
            if open == 0 {
                let rest = line.trim_start().len();
                line.replace_range(..line.len() - rest, "");
            }
            from = open.min(line.len());
        }
        // A whole line, or the tail after the last sentence end.
        let cut = line
            .char_indices()
            .filter(|(_, c)| matches!(c, '。' | '！' | '？' | '”'))
            .map(|(i, c)| i + c.len_utf8())
            .next_back()
            .unwrap_or(0);
        // The article's last line made of names alone, spaced apart (高慧敏 印洪源):
        // its writers.
        let names_alone = || {
            let pieces: Vec<&str> = line
                .split([' ', '\u{3000}'])
                .filter(|p| !p.is_empty())
                .collect();
            last == Some(n) && cut == 0 && all_names_spaced_apart(&pieces, lex)
        };
        if let Some(found) = parse_byline(&line[cut..], lex) {
            bylines.extend(found);
            line.truncate(cut);
        } else if let Some(found) = names_alone()
            .then(|| parse_byline_as(&line, lex, Some(BylineRole::Author)))
            .flatten()
        {
            bylines.extend(found);
            line.clear();
        } else if let Some((start, end, found)) = leading_byline(&line, lex) {
            // 记者 李洋 4月27日下午，…: a byline opening the paragraph.
            bylines.extend(found);
            let rest = line[end..].trim_start().len();
            line.replace_range(start..line.len() - rest, "");
        }
        body.push_str(&line);
        body.push('\n');
    }
    bylines.dedup();
    (body, bylines)
}

/// Whether a line gives where the article comes from or who edited it (来源：…,
/// 责任编辑 张三), as pages append after the text: the word and a separator after it,
/// so that a sentence opening with the word (时间过得很快…) is none.
fn is_trailer(line: &str) -> bool {
    let line = line.trim_start().trim_start_matches(LAYOUT_MARKS);
    let labels = |w: &str| {
        line.strip_prefix(w).is_some_and(|rest| {
            rest.chars()
                .next()
                .is_none_or(|c| is_separator(c) || matches!(c, '|' | '【' | '[' | '（' | '('))
        })
    };
    SOURCE_CREDITS.iter().any(|w| labels(w))
        || CREDITS
            .iter()
            .any(|&(w, c)| c == Credit::Editor && labels(w))
}

/// A byline that opens a line and is followed by the text (`记者 李洋 4月27日下午`):
/// the longest run of pieces up to a space that reads as a byline starting with a
/// credit word. Returns the byte end of the byline and its names.
fn leading_byline(line: &str, lex: &Lexicon) -> Option<(usize, usize, Vec<Byline>)> {
    let mut trimmed = line.trim_start().trim_start_matches(LAYOUT_MARKS);
    // 本报讯 记者 李洋 …, 某某日报讯 记者张三 …, 本报哈尔滨6月8日电 记者X报道：…: the
    // byline follows the dateline word, which stays.
    let dateline_end = trimmed
        .char_indices()
        .take(24)
        .find(|&(at, c)| c == '讯' || c == '电' && trimmed[..at].ends_with('日'));
    if let Some((at, c)) = dateline_end {
        let rest = trimmed[at + c.len_utf8()..].trim_start();
        if opens_with_credit(rest) {
            trimmed = rest;
        }
    }
    let offset = line.len() - trimmed.len();
    if !opens_with_credit(trimmed) {
        return None;
    }
    // 记者X、通讯员Y报道：…: the byline ends at the colon after 报道.
    if let Some(colon) = ["报道：", "报道:"]
        .iter()
        .filter_map(|w| trimmed.find(w).map(|at| (at, w.len())))
        .find(|&(at, _)| at < 60)
    {
        let (at, len) = colon;
        if let Some(found) = parse_byline(&trimmed[..at], lex) {
            return Some((offset, offset + at + len, found));
        }
    }
    let ends: Vec<usize> = trimmed
        .char_indices()
        .take_while(|&(i, _)| i < 60)
        .filter(|&(_, c)| c == ' ' || c == '\u{3000}')
        .map(|(i, _)| i)
        .collect();
    ends.iter()
        .rev()
        .find_map(|&e| parse_byline(&trimmed[..e], lex).map(|b| (offset, offset + e, b)))
}

/// Whether text starts with a credit giving a role (记者 李洋), or with a medium and
/// such a credit (市融媒体中心记者王波).
fn opens_with_credit(s: &str) -> bool {
    let role = |c: Credit| matches!(c, Credit::Role(_));
    if CREDITS.iter().any(|&(w, c)| s.starts_with(w) && role(c)) {
        return true;
    }
    // Only the line's first few characters: this is asked of every line, and a
    // medium and its credit are short.
    let head = s
        .char_indices()
        .nth(MAX_MEDIA_AND_CREDIT)
        .map_or(s, |(at, _)| &s[..at]);
    let first = head.split([' ', '\u{3000}']).next().unwrap_or("");
    first.char_indices().skip(1).any(|(at, _)| {
        let media = &first[..at];
        CREDITS
            .iter()
            .any(|&(w, c)| role(c) && first[at..].starts_with(w))
            && media.chars().all(is_cjk)
            && (media == "本报" || MEDIA_ENDINGS.iter().any(|m| media.ends_with(m)))
    })
}

/// The most characters a medium and a credit after it open a line with
/// (市融媒体中心记者).
const MAX_MEDIA_AND_CREDIT: usize = 16;

/// Brackets a byline may stand in, with their closing one (a half-width bracket may
/// close a full-width one).
const BRACKETS: &[(char, char)] = &[
    ('（', '）'),
    ('(', ')'),
    ('【', '】'),
    ('〔', '〕'),
    ('［', '］'),
    ('[', ']'),
];

/// The longest text in brackets read as a byline: a byline credits a few people.
const MAX_PAREN_BYLINE: usize = 60;

/// The first bracketed byline of `line` at or after byte `from`: (open, close end,
/// bylines). Only a short stretch after each opening bracket is searched for its
/// close, so that a line of many unmatched brackets is read in linear time. With
/// `article_end`, brackets closing the line may hold names alone (the authors), as
/// may brackets right after the dateline word (本报讯).
fn find_paren_byline(
    line: &str,
    from: usize,
    lex: &Lexicon,
    article_end: bool,
) -> Option<(usize, usize, Vec<Byline>)> {
    for (i, c) in line[from..].char_indices() {
        // （记者 王五）, 【记者 王五】, 〔记者 王五〕.
        let Some(&(_, closer)) = BRACKETS.iter().find(|(o, _)| *o == c) else {
            continue;
        };
        let open = from + i;
        let inner_start = open + c.len_utf8();
        let window_end = line[inner_start..]
            .char_indices()
            .nth(MAX_PAREN_BYLINE)
            .map_or(line.len(), |(j, _)| inner_start + j);
        let closers: &[char] = if matches!(closer, '）' | ')') {
            &['）', ')']
        } else {
            &[closer]
        };
        let Some(close_rel) = line[inner_start..window_end].find(closers) else {
            continue;
        };
        let inner = &line[inner_start..inner_start + close_rel];
        let close_char_len = line[inner_start + close_rel..].chars().next()?.len_utf8();
        let close = inner_start + close_rel + close_char_len;
        // At the end of the line, or before the name of the medium (（阎轶洁）太原日报).
        let after = line[close..].trim();
        let closes_line = after.is_empty()
            || (after.chars().count() <= 12
                && after.chars().all(is_cjk)
                && MEDIA_ENDINGS.iter().any(|m| after.ends_with(m)));
        // 本报讯（张三 李四）, 广州9月3日电 (张三): names alone in brackets right after
        // the dateline word are the authors too.
        let before = line[..open].trim_end();
        let after_dateline =
            before.ends_with('讯') || before.strip_suffix('电').is_some_and(|b| b.ends_with('日'));
        // …。(苗东升 党世根 陈涛) closing a paragraph the photos' captions follow: names
        // spaced apart after the last sentence are its writers.
        let pieces: Vec<&str> = inner
            .split(is_separator)
            .filter(|p| !p.is_empty())
            .collect();
        let after_sentence =
            closes_line && before.ends_with(['。', '！', '？', '”']) && pieces.len() >= 2;
        // (方治 张世凌) 12月28号，…: names spaced apart opening a paragraph.
        let opens_line = before.is_empty() && all_names_spaced_apart(&pieces, lex);
        let unmarked =
            (article_end && closes_line || after_dateline || after_sentence || opens_line)
                .then_some(BylineRole::Author);
        if let Some(found) = parse_byline_as(inner, lex, unmarked) {
            return Some((open, close, found));
        }
    }
    None
}

/// Whether `pieces` are two or more names of two or three characters, one of them
/// with a surname.
fn names_spaced_apart(pieces: &[&str], lex: &Lexicon) -> bool {
    pieces.len() >= 2
        && pieces
            .iter()
            .all(|p| (2..=3).contains(&p.chars().count()) && p.chars().all(is_cjk))
        && pieces.iter().any(|p| lex.surname_len(p).is_some())
}

/// Whether `pieces` are two or more names of two or three characters, each with a
/// surname: names credited with no word (a last line of names alone) must all read as
/// names.
fn all_names_spaced_apart(pieces: &[&str], lex: &Lexicon) -> bool {
    names_spaced_apart(pieces, lex) && pieces.iter().all(|p| lex.surname_len(p).is_some())
}

/// Splits a run of names written without separators (张三李四) into names of 2–3
/// characters.
fn split_name_run(run: &str) -> Option<Vec<String>> {
    if is_dotted_name(run) {
        return Some(vec![run.to_string()]);
    }
    let chars: Vec<char> = run.chars().collect();
    match chars.len() {
        2..=4 => Some(vec![run.to_string()]),
        5 | 6 => {
            let cut = if chars.len() == 5 { 2 } else { 3 };
            Some(vec![
                chars[..cut].iter().collect(),
                chars[cut..].iter().collect(),
            ])
        }
        _ => None,
    }
}

/// A name written with a middle dot between its parts (阿依古丽·买买提).
fn is_dotted_name(name: &str) -> bool {
    let parts: Vec<&str> = name.split('·').collect();
    parts.len() >= 2
        && parts.len() <= 3
        && parts
            .iter()
            .all(|p| (1..=6).contains(&p.chars().count()) && p.chars().all(is_cjk))
}

#[cfg(test)]
mod tests;
