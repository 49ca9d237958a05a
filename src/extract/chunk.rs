//! Mention chunking: a sentence's jieba tokens come in; typed mention spans go out
//! (person, title, organization, place, market, event, date, document, project),
//! each with what the later stages need (an organisation's jurisdiction and parent,
//! an event's type, a post's head). Chunks are built by grammar over token
//! categories (jurisdiction + modifiers + organ suffix, prefix + post head, …),
//! never by looking up whole names, so they work on text the lexicons never saw.

use crate::lexicon::{word_map, Lexicon};
use crate::mention::{Mention, MentionKind};
use crate::normalize::is_cjk;
use crate::segment::{Segmenter, Tag, Token};

/// A token with the category the grammar works on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok {
    /// The word.
    pub word: String,
    /// jieba's tag (or ours).
    pub tag: Tag,
    /// First character in the sentence.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// Grammar category.
    pub cat: Cat,
}

/// Grammar categories of tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cat {
    /// Punctuation or white space.
    Punct,
    /// A post (副书记).
    Title,
    /// A gazetteer place, full or short (惠济, 郑州市).
    Place,
    /// A one-character jurisdiction (省 市 区 县 镇 乡) or 中共/中央/国家.
    Juris,
    /// A word ending in an organ suffix (规划局, 分局, 区委).
    Organ,
    /// An event head (会议, 揭牌仪式).
    Event,
    /// Anything that may sit inside a name (nouns, verbal nouns, abbreviations).
    Nominal,
    /// Verbs, function words, numbers: they end a name.
    Other,
}

/// Extra facts about a chunk.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Info {
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
    pub info: Info,
    /// First token index.
    pub tok_start: usize,
    /// One past the last token index.
    pub tok_end: usize,
}

fn is_punct(word: &str) -> bool {
    word.chars()
        .all(|c| !is_cjk(c) && !c.is_alphanumeric() || c.is_whitespace())
}

/// Tokens of a sentence, re-split where jieba fused an organ with a post (区委书记 →
/// 区委 + 书记) or a name with 等 (许振等 → 许振 + 等), then categorised.
pub fn tokenize(seg: &Segmenter, lex: &Lexicon, text: &str) -> Vec<Tok> {
    let tokens = seg.tokens(text);
    // A few tokens are cut in two: room for them up front instead of regrowing.
    let mut out: Vec<Tok> = Vec::with_capacity(tokens.len() + tokens.len() / 8 + 1);
    for t in tokens {
        let (first, second) = resplit(lex, t);
        for piece in std::iter::once(first).chain(second) {
            let cat = categorize(lex, &piece);
            out.push(Tok {
                word: piece.word.to_string(),
                tag: piece.tag,
                start: piece.start,
                end: piece.end,
                cat,
            });
        }
    }
    join_titles(lex, out)
}

/// Joins a post that jieba cut into pieces (常务 + 副 + 董事长 → 常务副董事长).
fn join_titles(lex: &Lexicon, toks: Vec<Tok>) -> Vec<Tok> {
    // Where the posts are is settled first, so that the other tokens are moved into
    // the result instead of cloned (most sentences have none to join).
    let mut joins: Vec<(usize, usize)> = Vec::new();
    // Whether each token may end a post (no punctuation, and its last character ends
    // some post): asked once per token, where each window of two and three asked it
    // again, and most windows end on no such token.
    let ends: Vec<bool> = toks
        .iter()
        .map(|t| t.cat != Cat::Punct && lex.may_end_title(&t.word))
        .collect();
    let mut word = String::new();
    let mut i = 0;
    while i < toks.len() {
        let joined = (2..=3).rev().find(|&n| {
            let Some(part) = toks.get(i..i + n) else {
                return false;
            };
            if !ends[i + n - 1] || part.iter().any(|t| t.cat == Cat::Punct) {
                return false;
            }
            word.clear();
            word.extend(part.iter().map(|t| t.word.as_str()));
            lex.parse_title(&word).is_some()
        });
        match joined {
            Some(n) => {
                joins.push((i, n));
                i += n;
            }
            None => i += 1,
        }
    }
    join_runs(toks, joins, "nnt", Cat::Title)
}

/// Replaces each run of `joins` (`(first, length)`, in order, not overlapping) by one
/// token of the run's words, tagged `tag` in category `cat`; the other tokens are
/// moved into the result, not cloned.
fn join_runs(toks: Vec<Tok>, joins: Vec<(usize, usize)>, tag: &str, cat: Cat) -> Vec<Tok> {
    if joins.is_empty() {
        return toks;
    }
    let mut out: Vec<Tok> = Vec::with_capacity(toks.len());
    let mut joins = joins.into_iter().peekable();
    let mut it = toks.into_iter().enumerate();
    while let Some((i, t)) = it.next() {
        match joins.next_if(|&(at, _)| at == i) {
            Some((_, n)) => {
                let (start, mut end, mut word) = (t.start, t.end, t.word);
                for (_, u) in it.by_ref().take(n - 1) {
                    word.push_str(&u.word);
                    end = u.end;
                }
                out.push(Tok {
                    word,
                    tag: Tag::new(tag),
                    start,
                    end,
                    cat,
                });
            }
            None => out.push(t),
        }
    }
    out
}

/// Adds the organisations the sequence labeller found where the grammar found
/// nothing (国家杜马, 中博传媒: no organ suffix of ours ends them). A span counts
/// only when it starts and ends on token boundaries, overlaps no chunk and holds no
/// name token, so the grammar's organisations, posts and events always win.
pub fn add_model_organizations(toks: &[Tok], chunks: &mut Vec<Chunk>, spans: &[(usize, usize)]) {
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
        let named = toks[a..b]
            .iter()
            .any(|t| t.tag == "nr" || matches!(t.cat, Cat::Punct | Cat::Title | Cat::Event));
        if overlaps || named || e - s < 2 {
            continue;
        }
        chunks.push(Chunk {
            mention: Mention {
                start: s,
                end: e,
                kind: MentionKind::Organization,
                text: toks[a..b].iter().map(|t| t.word.as_str()).collect(),
            },
            info: Info::default(),
            tok_start: a,
            tok_end: b,
        });
        added = true;
    }
    if added {
        chunks.sort_by_key(|c| (c.tok_start, c.tok_end));
    }
}

/// Cuts a token that runs one particle over the edge of a name the labeller found
/// across several tokens (罗朗·雷斯 + 及, which jieba read as 罗朗 · 雷斯及): the
/// particle is categorised on its own, the piece inside waits for [`merge_spans`].
fn split_at_spans(lex: &Lexicon, toks: Vec<Tok>, spans: &[(usize, usize)]) -> Vec<Tok> {
    // Only where the piece left outside is one particle that names run into (及, 和,
    // 等, 说…), and the name also covers other tokens; elsewhere (章凌 + 负责, 农业 in
    // 农业局) the slip is more often the labeller's than jieba's.
    let crosses = |t: &Tok| {
        let particle = |k: usize| {
            t.word
                .chars()
                .nth(k)
                .is_some_and(|c| "及和与等说在的是向对将也都称同跟兼".contains(c))
        };
        spans
            .iter()
            .filter(|&&(s, e)| !(t.start <= s && e <= t.end))
            .find_map(|&(s, e)| {
                if t.start < e && e + 1 == t.end && particle(t.end - t.start - 1) {
                    Some(e)
                } else if t.start + 1 == s && s < t.end && particle(0) {
                    Some(s)
                } else {
                    None
                }
            })
            // Counted last: most tokens meet no span, and this runs on every token.
            .filter(|_| t.word.chars().count() == t.end - t.start)
    };
    if !toks.iter().any(|t| crosses(t).is_some()) {
        return toks;
    }
    let mut out = Vec::with_capacity(toks.len() + 2);
    for t in toks {
        let Some(b) = crosses(&t) else {
            out.push(t);
            continue;
        };
        let cut = t
            .word
            .char_indices()
            .nth(b - t.start)
            .map_or(t.word.len(), |(i, _)| i);
        let inside = |a: usize, z: usize| spans.iter().any(|&(s, e)| s <= a && z <= e);
        for (word, start, end) in [(&t.word[..cut], t.start, b), (&t.word[cut..], b, t.end)] {
            let tag = if inside(start, end) { "nr" } else { "x" };
            let token = Token {
                word,
                tag: Tag::new(tag),
                start,
                end,
            };
            let cat = if tag == "nr" {
                Cat::Nominal
            } else {
                categorize(lex, &token)
            };
            out.push(Tok {
                word: token.word.to_string(),
                tag: token.tag,
                start,
                end,
                cat,
            });
        }
    }
    out
}

/// Joins the tokens that exactly make up one of `spans` (character ranges the sequence
/// labeller reads as names: 刘名 + 启, 斯特罗 + 耶夫, 于 + 建勇) into one name token,
/// unless a post, organ, place or event word is among them.
pub fn merge_spans(lex: &Lexicon, toks: Vec<Tok>, spans: &[(usize, usize)]) -> Vec<Tok> {
    let toks = split_at_spans(lex, toks, spans);
    // Where the names are is settled first, so that the other tokens are moved into
    // the result instead of cloned (most sentences have none to join).
    let mut joins: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let joined = spans.iter().find_map(|&(s, e)| {
            if toks[i].start != s {
                return None;
            }
            let j = (i..toks.len()).find(|&j| toks[j].end >= e)?;
            // A transliterated name may contain a place-like piece (科菲·安南, 哈 + 洛宁).
            let dotted = toks[i..=j].iter().any(|t| t.word == "·")
                || lex.looks_transliterated(
                    &toks[i..=j]
                        .iter()
                        .map(|t| t.word.as_str())
                        .collect::<String>(),
                );
            let fits = toks[j].end == e
                && j > i
                && toks[i..=j].iter().all(|t| {
                    (matches!(t.cat, Cat::Nominal | Cat::Other | Cat::Punct)
                        || dotted && t.cat == Cat::Place)
                        && (t.cat != Cat::Punct || t.word == "·")
                });
            fits.then_some(j)
        });
        match joined {
            Some(j) => {
                joins.push((i, j + 1 - i));
                i = j + 1;
            }
            None => i += 1,
        }
    }
    join_runs(toks, joins, "nr", Cat::Nominal)
}

fn resplit<'a>(lex: &Lexicon, t: Token<'a>) -> (Token<'a>, Option<Token<'a>>) {
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
    // A role verb fused with its event (主持会议, 出席会议): the verb must stand alone.
    if n >= 3 {
        for (cut, at) in cuts() {
            let (left, right) = w.split_at(at);
            if lex.role_verbs.contains_key(left) && lex.is_event_head(right) {
                return split(cut, at, "v", "nev");
            }
        }
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
    if n >= 3 && w.ends_with('等') && t.tag.starts_with("nr") {
        return split(n - 1, w.len() - '等'.len_utf8(), "nr", "u");
    }
    (t, None)
}

fn categorize(lex: &Lexicon, t: &Token) -> Cat {
    let w = t.word;
    if is_punct(w) {
        return Cat::Punct;
    }
    let maps = lex.word_maps(w);
    if maps & word_map::TITLE != 0 {
        return Cat::Title;
    }
    if matches!(
        w,
        "省" | "市" | "区" | "县" | "镇" | "乡" | "中共" | "中央" | "国家" | "全国"
    ) {
        return Cat::Juris;
    }
    if maps & word_map::PLACE != 0 || (maps & word_map::PLACE_SHORT != 0 && w.chars().count() >= 2)
    {
        return Cat::Place;
    }
    // Event heads first: 攻坚会 ends in 会 like 协会, but is a meeting.
    if t.tag == "nev" || maps & word_map::EVENT_HEAD != 0 {
        return Cat::Event;
    }
    // A bare organ suffix used as a verb (有序组织商户, 办) is the verb, and a foreign
    // name is no organ for ending like one (基里延科 and the section 科).
    let organ = || {
        is_organ_word(lex, w)
            && !(t.tag.starts_with('v') && lex.org_suffixes.iter().any(|(suf, _)| suf == w))
            && !(t.tag.starts_with("nr") && lex.looks_transliterated(w))
    };
    if maps & word_map::ORG_ABBREV != 0 || organ() {
        return Cat::Organ;
    }
    let tag = t.tag.as_str();
    if tag == "ns" && place_like(w) {
        return Cat::Place;
    }
    if matches!(
        tag,
        "n" | "nz" | "nt" | "ns" | "vn" | "j" | "an" | "nrt" | "nr" | "nrfg" | "l" | "b" | "ng"
    ) {
        return Cat::Nominal;
    }
    Cat::Other
}

/// Whether a word not in the gazetteer still reads as a place (jieba says ns and it ends
/// like one). jieba's dictionary tags some phrases ns (加大力度), hence the check.
fn place_like(w: &str) -> bool {
    let n = w.chars().count();
    n >= 2
        && w != "城市"
        && w.ends_with([
            '省', '市', '县', '区', '镇', '乡', '村', '州', '岛', '湾', '港', '江', '河', '湖',
            '海', '山', '洲', '国',
        ])
}

/// A word that names an organ: an organ suffix on its own (分局, 中心) or a word ending in
/// one whose stem is long enough to be a modifier (规划局, not 大局 or 格局).
fn is_organ_word(lex: &Lexicon, w: &str) -> bool {
    let Some((suf, _)) = lex.org_suffix(w) else {
        return false;
    };
    let n = w.chars().count();
    let s = suf.chars().count();
    if n == s {
        return s >= 2 || matches!(w, "局" | "委" | "办" | "厅" | "部" | "署");
    }
    n - s >= if s == 1 { 2 } else { 1 }
}

/// Characters of `toks[a..b]` joined.
fn text_of(toks: &[Tok], a: usize, b: usize) -> String {
    toks[a..b].iter().map(|t| t.word.as_str()).collect()
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
pub fn chunk_sentence(lex: &Lexicon, toks: &[Tok]) -> Vec<Chunk> {
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
                        info: Info {
                            issuer,
                            ..Info::default()
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

    // Dates.
    for (a, b, _) in find_dates(toks) {
        if covered[a..b].iter().any(|&c| c) {
            continue;
        }
        let mut m = chars_of(a, b);
        m.kind = MentionKind::Date;
        out.push(Chunk {
            mention: m,
            info: Info::default(),
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
        match t.cat {
            Cat::Title => {
                let (prefix, head) = lex.parse_title(&t.word).expect("categorised as title");
                let _ = prefix;
                let mut m = chars_of(i, i + 1);
                m.kind = MentionKind::Title;
                out.push(Chunk {
                    mention: m,
                    info: Info {
                        head: Some(head.to_string()),
                        government: lex.titles.get(head).copied().unwrap_or(false),
                        ..Info::default()
                    },
                    tok_start: i,
                    tok_end: i + 1,
                });
            }
            Cat::Place => {
                let mut m = chars_of(i, i + 1);
                m.kind = MentionKind::Place;
                out.push(Chunk {
                    mention: m,
                    info: Info::default(),
                    tok_start: i,
                    tok_end: i + 1,
                });
            }
            _ => {}
        }
    }
    out.sort_by_key(|c| (c.mention.start, c.mention.end));
    out
}

/// The organisation chunk that starts a span (the issuer in 《郑州市城乡建设局关于…》),
/// when the span begins with one.
fn org_chunk_at_start(lex: &Lexicon, toks: &[Tok], a: usize, b: usize) -> Option<Chunk> {
    (a..b.saturating_sub(1))
        .rev()
        .filter(|&h| toks[h].cat == Cat::Organ)
        .filter_map(|h| {
            let c = org_chunk(lex, toks, h, &vec![false; toks.len()])?;
            (c.tok_start == a).then_some(c)
        })
        .next()
}

fn org_prefix(lex: &Lexicon, toks: &[Tok]) -> Option<String> {
    org_chunk_at_start(lex, toks, 0, toks.len()).map(|c| c.mention.text)
}

/// Tries every headed chunk kind with its head at token `h`.
fn headed_chunk(lex: &Lexicon, toks: &[Tok], h: usize, covered: &[bool]) -> Option<Chunk> {
    let w = toks[h].word.as_str();
    // Markets and projects before organisations: 农产品中心 ends in 中心.
    if let Some(c) = market_or_project(lex, toks, h, covered) {
        return Some(c);
    }
    if toks[h].cat == Cat::Event
        || (w == "活动" && toks[h].tag == "vn" && lex.event_head(w).is_some())
    {
        return event_chunk(lex, toks, h, covered);
    }
    // 致公党中央, 民建中央: 中央 after a party's name is its central committee.
    let party_centre = toks[h].word == "中央"
        && h > 0
        && matches!(toks[h - 1].cat, Cat::Nominal | Cat::Organ)
        && !toks[h - 1].tag.starts_with("nr");
    if toks[h].cat == Cat::Organ || party_centre {
        return org_chunk(lex, toks, h, covered);
    }
    None
}

/// Walks left from `h` over tokens allowed inside a name; returns the first token index.
fn extend_left(toks: &[Tok], h: usize, covered: &[bool], allow_quotes: bool) -> usize {
    extend_left_until(toks, h, covered, allow_quotes, false)
}

/// As [`extend_left`]; with `stop_at_place`, a place ends the name (an event is named
/// after one jurisdiction at most: 郑州市…活动, not 惠济区积极响应郑州市…活动).
fn extend_left_until(
    toks: &[Tok],
    h: usize,
    covered: &[bool],
    allow_quotes: bool,
    stop_at_place: bool,
) -> usize {
    let mut a = h;
    while a > 0 {
        if stop_at_place && a < h && matches!(toks[a].cat, Cat::Place | Cat::Juris) {
            break;
        }
        let p = a - 1;
        if covered[p] {
            break;
        }
        let t = &toks[p];
        let ok = match t.cat {
            Cat::Nominal | Cat::Place | Cat::Organ | Cat::Juris => true,
            // 自然资源和规划局: a conjunction joins two modifiers inside an organ name.
            Cat::Other if matches!(t.word.as_str(), "和" | "与" | "及") => {
                // A name before 与 is a person meeting someone (戴秉国与代表团).
                p > 0
                    && matches!(toks[p - 1].cat, Cat::Nominal)
                    && !toks[p - 1].tag.starts_with("nr")
                    && matches!(toks[a].cat, Cat::Nominal | Cat::Organ)
            }
            // 复工复产保障工作专班: two-character verbs inside an organ's name.
            Cat::Other => {
                t.tag == "v"
                    && t.word.chars().count() == 2
                    && p > 0
                    && matches!(toks[p - 1].cat, Cat::Nominal | Cat::Organ | Cat::Place)
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
                    )
            }
            Cat::Punct if allow_quotes && t.word == "”" => {
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
    // Never start on a conjunction or a verb.
    while a < h && (toks[a].cat == Cat::Other || toks[a].word == "和") {
        a += 1;
    }
    a
}

/// Nouns that, right after an organ word, show it was a modifier (国家中心城市).
const COMPOUND_TAILS: &[&str] = &[
    "城市", "地区", "区域", "地位", "作用", "位置", "功能", "职能", "领域", "环节", "地带",
];

/// Whether the token after an organ word continues a compound noun (so it is no name).
fn continues_compound(toks: &[Tok], i: usize) -> bool {
    toks.get(i)
        .is_some_and(|t| COMPOUND_TAILS.contains(&t.word.as_str()))
}

fn org_chunk(lex: &Lexicon, toks: &[Tok], h: usize, covered: &[bool]) -> Option<Chunk> {
    if continues_compound(toks, h + 1) {
        return None;
    }
    let a = extend_left(toks, h, covered, true);
    // Start at the jurisdiction when there is one: "推进辖区郑州市…" keeps only 郑州市….
    let a = (a..=h)
        .find(|&i| matches!(toks[i].cat, Cat::Place | Cat::Juris))
        .filter(|&i| i < h)
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
        && !(lex.org_abbrev.contains_key(&toks[h].word) || toks[h].word.chars().count() >= 3)
    {
        return None;
    }
    // A bare suffix after a place is still an organ (惠济 + 区委).
    let juris = match toks[a].cat {
        Cat::Place | Cat::Juris if a < h => Some(toks[a].word.clone()),
        _ => fused_juris,
    };
    // Parent: the organisation text up to an inner organ word (…规划局 in …规划局惠济分局).
    let parent = (a..h)
        .rev()
        .find(|&i| toks[i].cat == Cat::Organ && i > a)
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
        info: Info {
            juris,
            organ_class: class,
            parent,
            ..Info::default()
        },
        tok_start: a,
        tok_end: h + 1,
    })
}

/// A word that starts with its jurisdiction: 市政府 (市 + 政府), 区委, 省委.
fn fused_jurisdiction(lex: &Lexicon, text: &str) -> Option<String> {
    let first = text.chars().next()?;
    let n = text.chars().count();
    if !matches!(first, '省' | '市' | '区' | '县') {
        return None;
    }
    let (suf, class) = lex.org_suffix(text)?;
    let s = suf.chars().count();
    (n == s + 1 || (n == s && class.as_deref() == Some("party"))).then(|| first.to_string())
}

fn event_chunk(lex: &Lexicon, toks: &[Tok], h: usize, covered: &[bool]) -> Option<Chunk> {
    // 会见 and its kin are verbs as often as nouns: they take no modifiers from the left
    // (在中南海会见 is a place and a meeting, not a meeting called 中南海会见).
    let a = if lex.role_verbs.contains_key(&toks[h].word) {
        h
    } else {
        extend_left_until(toks, h, covered, true, true)
    };
    let text = text_of(toks, a, h + 1);
    let (_, ty) = lex.event_head(&text)?;
    Some(Chunk {
        mention: Mention {
            start: toks[a].start,
            end: toks[h].end,
            kind: MentionKind::Event,
            text,
        },
        info: Info {
            event_type: Some(ty.clone()),
            ..Info::default()
        },
        tok_start: a,
        tok_end: h + 1,
    })
}

fn market_or_project(lex: &Lexicon, toks: &[Tok], h: usize, covered: &[bool]) -> Option<Chunk> {
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
        let ok = matches!(t.cat, Cat::Nominal | Cat::Place | Cat::Juris)
            || (matches!(t.tag.as_str(), "m" | "i")
                && t.word.chars().count() >= 2
                && !t.word.chars().all(|c| c.is_ascii_digit()))
            || (t.tag == "nr" && t.word.chars().count() >= 2);
        if !ok {
            break;
        }
        a -= 1;
    }
    // A name starts with a proper word: drop leading common words (办理, 辖区, 服务).
    while a < head_start
        && toks[a].cat != Cat::Place
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
        !GENERIC_MODIFIERS.contains(&t.word.as_str()) && t.cat != Cat::Juris
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
        info: Info::default(),
        tok_start: a,
        tok_end: h + 1,
    })
}

/// Date and time expressions: (token start, token end, text). Built over whole tokens
/// so that a date never splits a word: `2020年3月19日下午`, `二月十二日`, `3月5日讯`
/// (dateline), `23日`, `今天上午`.
pub fn find_dates(toks: &[Tok]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    // One buffer for every start tried (most starts are numbers such as 一 in 一些,
    // and a string grown anew for each was a third of this function).
    let mut joined = String::new();
    let mut i = 0;
    while i < toks.len() {
        // Only a number or a relative day can start a date: skip the rest cheaply.
        // (Comparing decoded first characters: `starts_with(char)` encoded the character
        // and compared bytes for every relative day and token, 2 % of a build.)
        let first = toks[i].word.chars().next().unwrap_or(' ');
        if !is_num_char(first) && !starts_relative_day(first) {
            i += 1;
            continue;
        }
        // The longest run of tokens that is one date: its end and its text's length.
        let mut best: Option<(usize, usize)> = None;
        joined.clear();
        for (j, t) in toks.iter().enumerate().skip(i).take(8) {
            joined.push_str(&t.word);
            if !may_start_date(&joined) {
                break;
            }
            if is_date(&joined) {
                best = Some((j + 1, joined.len()));
            }
        }
        match best {
            Some((j, len)) => {
                out.push((i, j, joined[..len].to_string()));
                i = j;
            }
            None => i += 1,
        }
    }
    out
}

const TIMES_OF_DAY: &[&str] = &[
    "上午", "下午", "晚上", "早上", "中午", "凌晨", "傍晚", "晚", "早",
];
const RELATIVE_DAYS: &[&str] = &[
    "今天", "昨天", "前天", "明天", "今日", "昨日", "当天", "当日", "今晨", "昨晚", "今晚",
];

/// Whether some relative day starts with `c`: a match, where going through
/// [`RELATIVE_DAYS`] decoded each of their first characters for every token (a test
/// keeps the two in step).
fn starts_relative_day(c: char) -> bool {
    matches!(c, '今' | '昨' | '前' | '明' | '当')
}

fn is_num_char(c: char) -> bool {
    matches!(
        c,
        '0'..='9'
            | '〇'
            | '零'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '两'
    )
}

/// Whether some date expression starts with `s`. When not, no longer string starting
/// with `s` is one either: after its leading number a date has 年, 月, 日 or 号, so the
/// tokens after 一些 or 2020多 need not be joined and tried.
fn may_start_date(s: &str) -> bool {
    // Either way round, a relative day and `s` share their first character: the
    // list is only gone through for the few strings that start like one.
    let relative = s.chars().next().is_none_or(starts_relative_day);
    if relative
        && RELATIVE_DAYS
            .iter()
            .any(|r| s.starts_with(r) || r.starts_with(s))
    {
        return true;
    }
    let rest = s.trim_start_matches(is_num_char);
    if rest.len() == s.len() {
        return false;
    }
    rest.chars()
        .next()
        .is_none_or(|c| matches!(c, '年' | '月' | '日' | '号'))
}

/// Whether all of `s` is one date expression (3月19日下午, 二月十二日电, 昨天上午).
fn is_date(s: &str) -> bool {
    // Read as the unread rest of `s`: this runs on every run of tokens that may start
    // a date, and a character vector for each was a third of finding dates.
    let mut rest = s;
    // The length of the numeral that `rest` starts with, and what follows it.
    fn numeral(rest: &str) -> (usize, &str) {
        let after = rest.trim_start_matches(is_num_char);
        (rest.len() - after.len(), after)
    }
    let mut has_day_or_month = false;
    // Relative days.
    if let Some(r) = RELATIVE_DAYS.iter().find(|r| s.starts_with(*r)) {
        rest = &s[r.len()..];
        has_day_or_month = true;
    } else {
        let (k, after) = numeral(rest);
        if let Some(r) = after.strip_prefix('年').filter(|_| k > 0) {
            rest = r;
        }
        let (k, after) = numeral(rest);
        if let Some(r) = after.strip_prefix('月').filter(|_| k > 0) {
            rest = r;
            has_day_or_month = true;
        }
        let (k, after) = numeral(rest);
        if let Some(r) = after.strip_prefix(['日', '号']).filter(|_| k > 0) {
            if cn_number(&rest[..k]).is_some_and(|d| (1..=31).contains(&d)) {
                rest = r;
                has_day_or_month = true;
                if let Some(r) = rest.strip_prefix(['电', '讯']) {
                    rest = r;
                }
            }
        }
    }
    if !has_day_or_month {
        return false;
    }
    if let Some(t) = TIMES_OF_DAY.iter().find(|t| rest.starts_with(*t)) {
        rest = &rest[t.len()..];
    }
    rest.is_empty()
}

/// `3月19日下午` → (`03-19`, Some(`下午`)); Chinese numerals accepted. Year kept when written.
pub fn parse_date(text: &str, year: Option<i32>) -> Option<(String, Option<String>)> {
    let time = ["上午", "下午", "晚上", "早上", "中午", "凌晨", "傍晚", "晚"]
        .iter()
        .find(|t| text.ends_with(*t))
        .map(|t| t.to_string());
    let y = text
        .split_once('年')
        .and_then(|(y, _)| cn_number(y))
        .map(|v| v as i32)
        .or(year);
    let rest = text.split_once('年').map(|(_, r)| r).unwrap_or(text);
    let (m, rest) = rest.split_once('月')?;
    let d = rest.split(['日', '号']).next()?;
    let m = cn_number(m)?;
    let d = cn_number(d)?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let date = match y {
        Some(y) => format!("{y:04}-{m:02}-{d:02}"),
        None => format!("{m:02}-{d:02}"),
    };
    Some((date, time))
}

/// A date expression resolved against the article's date (`YYYY-MM-DD` or `MM-DD`):
/// `今天` is the article's day, `昨天` the day before, `23日` the 23rd of its month;
/// absolute dates as [`parse_date`]. Returns the date and the time of day.
pub fn resolve_date(
    text: &str,
    article_date: Option<&str>,
    year: Option<i32>,
) -> Option<(String, Option<String>)> {
    let time = TIMES_OF_DAY
        .iter()
        .filter(|t| text.ends_with(*t))
        .max_by_key(|t| t.chars().count())
        .map(|t| t.to_string())
        .or_else(|| match text {
            "今晨" => Some("早上".to_string()),
            "昨晚" | "今晚" => Some("晚上".to_string()),
            _ => None,
        });
    if let Some(r) = RELATIVE_DAYS.iter().find(|r| text.starts_with(*r)) {
        let offset = match *r {
            "昨天" | "昨日" | "昨晚" => -1,
            "前天" => -2,
            "明天" => 1,
            _ => 0,
        };
        return Some((shift_date(article_date?, offset)?, time));
    }
    if text.contains('月') {
        return parse_date(text, year);
    }
    // A day alone: the article's month.
    let day = cn_number(text.split(['日', '号']).next()?)?;
    let base = article_date?;
    let parts: Vec<&str> = base.split('-').collect();
    let date = match parts.as_slice() {
        [y, m, _] => format!("{y}-{m}-{day:02}"),
        [m, _] => format!("{m}-{day:02}"),
        _ => return None,
    };
    Some((date, time))
}

/// `date` moved by `days` (−2 ..= 1 in practice). Without a year, February has 28 days.
fn shift_date(date: &str, days: i32) -> Option<String> {
    let parts: Vec<i32> = date
        .split('-')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let (y, mut m, mut d) = match parts.as_slice() {
        [y, m, d] => (Some(*y), *m, *d),
        [m, d] => (None, *m, *d),
        _ => return None,
    };
    let mut y2 = y.unwrap_or(2001);
    let dim = |y: i32, m: i32| -> i32 {
        match m {
            2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    };
    d += days;
    while d < 1 {
        m -= 1;
        if m < 1 {
            m = 12;
            y2 -= 1;
        }
        d += dim(y2, m);
    }
    while d > dim(y2, m) {
        d -= dim(y2, m);
        m += 1;
        if m > 12 {
            m = 1;
            y2 += 1;
        }
    }
    Some(match y {
        Some(_) => format!("{y2:04}-{m:02}-{d:02}"),
        None => format!("{m:02}-{d:02}"),
    })
}

/// Arabic or Chinese numerals up to 9999 (十二, 二〇二〇, 19).
pub fn cn_number(s: &str) -> Option<u32> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(v) = s.parse() {
        return Some(v);
    }
    let digit = |c: char| {
        "〇零一二三四五六七八九"
            .find(c)
            .map(|i| (i / 3) as u32)
            .map(|i| if i == 0 { 0 } else { i - 1 })
    };
    // Digit-by-digit years (二〇二〇).
    if s.chars().count() == 4 && s.chars().all(|c| digit(c).is_some()) {
        return s.chars().try_fold(0, |acc, c| Some(acc * 10 + digit(c)?));
    }
    let mut total = 0;
    let mut cur = 0;
    for c in s.chars() {
        match c {
            '十' => {
                total += if cur == 0 { 10 } else { cur * 10 };
                cur = 0;
            }
            '两' => cur = 2,
            _ => cur = digit(c)?,
        }
    }
    Some(total + cur)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn relative_days_start_as_listed() {
        let mut firsts: Vec<char> = RELATIVE_DAYS
            .iter()
            .filter_map(|r| r.chars().next())
            .collect();
        firsts.sort_unstable();
        firsts.dedup();
        let mut matched: Vec<char> = firsts
            .iter()
            .copied()
            .filter(|&c| starts_relative_day(c))
            .collect();
        assert_eq!(matched, firsts);
        matched = "今昨前明当天日晨晚一上"
            .chars()
            .filter(|&c| starts_relative_day(c))
            .collect();
        assert_eq!(matched.len(), firsts.len());
    }

    #[test]
    fn a_token_running_over_a_name_is_cut_at_its_edge() {
        let lex = Lexicon::embedded();
        let tok = |w: &str, tag: &str, start: usize, cat: Cat| Tok {
            word: w.into(),
            tag: Tag::new(tag),
            start,
            end: start + w.chars().count(),
            cat,
        };
        let toks = vec![
            tok("罗朗", "nr", 0, Cat::Nominal),
            tok("·", "x", 2, Cat::Punct),
            tok("雷斯及", "nr", 3, Cat::Nominal),
            tok("法国", "ns", 6, Cat::Place),
        ];
        let out = merge_spans(&lex, toks, &[(0, 5)]);
        let words: Vec<(&str, usize, usize)> = out
            .iter()
            .map(|t| (t.word.as_str(), t.start, t.end))
            .collect();
        assert_eq!(words, [("罗朗·雷斯", 0, 5), ("及", 5, 6), ("法国", 6, 8)]);
        assert_eq!(out[0].tag, "nr");
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
    fn relative_dates_resolve_against_the_article() {
        assert_eq!(
            resolve_date("今天上午", Some("2020-03-01"), None),
            Some(("2020-03-01".into(), Some("上午".into())))
        );
        assert_eq!(
            resolve_date("昨天", Some("2020-03-01"), None),
            Some(("2020-02-29".into(), None))
        );
        assert_eq!(
            resolve_date("昨天", Some("03-01"), None),
            Some(("02-28".into(), None))
        );
        assert_eq!(
            resolve_date("23日", Some("05-20"), None),
            Some(("05-23".into(), None))
        );
        assert_eq!(
            resolve_date("二月十二日电", None, Some(1998)),
            Some(("1998-02-12".into(), None))
        );
        assert_eq!(resolve_date("今天", None, None), None);
    }

    #[test]
    fn dates_are_whole_tokens() {
        let lex = Lexicon::embedded();
        let seg = Segmenter::new(&lex);
        let dates = |s: &str| -> Vec<String> {
            find_dates(&tokenize(&seg, &lex, s))
                .into_iter()
                .map(|d| d.2)
                .collect()
        };
        assert_eq!(dates("新华社上海二月十二日电 记者"), ["二月十二日电"]);
        assert_eq!(
            dates("本报郑州3月5日讯 今天上午,会议召开"),
            ["3月5日讯", "今天上午"]
        );
        assert_eq!(dates("叶利钦23日在莫斯科会见"), ["23日"]);
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(cn_number("十二"), Some(12));
        assert_eq!(cn_number("二十一"), Some(21));
        assert_eq!(cn_number("二〇二〇"), Some(2020));
        assert_eq!(
            parse_date("3月19日下午", None),
            Some(("03-19".into(), Some("下午".into())))
        );
        assert_eq!(
            parse_date("二月十二日", Some(2021)),
            Some(("2021-02-12".into(), None))
        );
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
