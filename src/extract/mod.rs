//! Extraction: an article comes in; its sentences, entity mentions (with canonical
//! names resolved inside the article: 市委 → 郑州市委, 会议 → the meeting the article
//! reports) and facts between them go out, every one pinned to a sentence and a
//! character span. Sub-modules: `chunk` (typed spans by grammar), `people` (names
//! by context), `relations` (posts and event roles in a sentence).

pub mod date;
pub mod grammar;
pub mod token;

pub mod people;
pub mod relations;

pub use crate::mention::{Mention, MentionKind};

use crate::graph::Relation;
use crate::ingest::{Article, BylineRole};
use crate::lexicon::{Lexicon, PlaceLevel, RoleVerb};
use crate::normalize::normalize_text;
use crate::segment::{split_sentences, Segmenter};
use grammar::{Chunk, ChunkDetails};
use token::Word;
use relations::Party;
// FxHash: the candidates of every sentence are looked up in the article's new names,
// and SipHash showed in the build's profile; the keys are the article's own words.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// The lexicons and the segmenter: build once, share across threads.
#[derive(Debug)]
pub struct Extractor {
    /// Look-up tables.
    pub lex: Lexicon,
    seg: Segmenter,
    tagger: crate::ner::Tagger,
}

/// A mention in an article, with its canonical name inside the article.
///
/// A corpus build keeps every article's mentions until resolution, a million of
/// them for 50 MB of news: positions are `u32`, the canonical name is stored only
/// when it differs from the text, and the fields most mentions leave empty share
/// one allocation that most never make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityMention {
    /// Kind.
    pub kind: MentionKind,
    /// A mention too vague to be a node of its own (会议 with no meeting to point at).
    pub orphan: bool,
    /// As written.
    pub text: String,
    /// `None` when the canonical name is the text.
    canonical: Option<Box<str>>,
    sentence: u32,
    start: u32,
    end: u32,
    refers_to: Option<u32>,
    /// `None` when every one of its fields is (so that equal mentions compare equal).
    extra: Option<Box<MentionDetails>>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct MentionDetails {
    reason: Option<Box<str>>,
    date: Option<Box<str>>,
    time: Option<Box<str>>,
    subtype: Option<Box<str>>,
    place: Option<Box<str>>,
}

/// Positions and indices are kept as `u32`; nothing in one article comes near it.
fn small(i: usize) -> u32 {
    u32::try_from(i).expect("article positions fit in u32")
}

macro_rules! extra_field {
    ($(#[$doc:meta])* $get:ident, $set:ident) => {
        $(#[$doc])*
        pub fn $get(&self) -> Option<&str> {
            self.extra.as_ref().and_then(|x| x.$get.as_deref())
        }

        #[doc = concat!("Sets [`EntityMention::", stringify!($get), "`].")]
        pub fn $set(&mut self, value: Option<String>) {
            self.edit_extra(|x| x.$get = value.map(String::into_boxed_str));
        }
    };
}

impl EntityMention {
    /// A mention at `start..end` (characters) of sentence `sentence`, its canonical
    /// name its text, nothing else known.
    pub fn new(kind: MentionKind, text: String, sentence: usize, start: usize, end: usize) -> EntityMention {
        EntityMention {
            kind,
            orphan: false,
            text,
            canonical: None,
            sentence: small(sentence),
            start: small(start),
            end: small(end),
            refers_to: None,
            extra: None,
        }
    }

    /// Canonical name (jurisdiction spelled out, 政府 as 人民政府).
    pub fn canonical(&self) -> &str {
        self.canonical.as_deref().unwrap_or(&self.text)
    }

    /// Sets the canonical name.
    pub fn set_canonical(&mut self, name: String) {
        self.canonical = (name != self.text).then(|| name.into_boxed_str());
    }

    /// Sentence index.
    pub fn sentence(&self) -> usize {
        self.sentence as usize
    }

    /// Start in the sentence, in characters.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// End in the sentence, in characters, exclusive.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// An event mention that only points back at another (会议 → 党政联席会议).
    pub fn refers_to(&self) -> Option<usize> {
        self.refers_to.map(|i| i as usize)
    }

    /// Sets [`EntityMention::refers_to`].
    pub fn set_refers_to(&mut self, other: Option<usize>) {
        self.refers_to = other.map(small);
    }

    extra_field!(
        /// Why the canonical name differs from the text.
        reason,
        set_reason
    );
    extra_field!(
        /// Event: date (`MM-DD` or `YYYY-MM-DD`).
        date,
        set_date
    );
    extra_field!(
        /// Event: time of day.
        time,
        set_time
    );
    extra_field!(
        /// Event: type; title: head.
        subtype,
        set_subtype
    );
    extra_field!(
        /// Organisation: full name of its jurisdiction place, when known.
        place,
        set_place
    );

    fn edit_extra(&mut self, f: impl FnOnce(&mut MentionDetails)) {
        let mut x = self.extra.take().unwrap_or_default();
        f(&mut x);
        if *x != MentionDetails::default() {
            self.extra = Some(x);
        }
    }
}

/// One end of a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum End {
    /// An entity mention of the article (its index in [`ArticleFacts::ents`]).
    EntityMention(u32),
    /// The article itself.
    Article,
}

impl End {
    /// The end that is mention `i`.
    pub fn ent(i: usize) -> End {
        End::EntityMention(small(i))
    }

    /// The mention's index, `None` for the article.
    pub fn index(self) -> Option<usize> {
        match self {
            End::EntityMention(i) => Some(i as usize),
            End::Article => None,
        }
    }
}

/// A fact stated in one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// The relation.
    pub relation: Relation,
    /// Source.
    pub source: End,
    /// Target.
    pub target: End,
    sentence: u32,
    start: u32,
    end: u32,
    /// Few facts have a title or a role: the others keep one null pointer.
    labels: Option<Box<FactLabels>>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct FactLabels {
    title: Option<Box<str>>,
    role: Option<Box<str>>,
}

impl Fact {
    /// A fact stated at `start..end` (characters) of sentence `sentence`.
    pub fn new(
        relation: Relation,
        source: End,
        target: End,
        sentence: usize,
        start: usize,
        end: usize,
    ) -> Fact {
        Fact {
            relation,
            source,
            target,
            sentence: small(sentence),
            start: small(start),
            end: small(end),
            labels: None,
        }
    }

    /// With a title and a role (each when given).
    pub fn with_labels(mut self, title: Option<String>, role: Option<String>) -> Fact {
        let labels = FactLabels {
            title: title.map(String::into_boxed_str),
            role: role.map(String::into_boxed_str),
        };
        self.labels = (labels != FactLabels::default()).then(|| Box::new(labels));
        self
    }

    /// holds_position: the post as written.
    pub fn title(&self) -> Option<&str> {
        self.labels.as_ref().and_then(|l| l.title.as_deref())
    }

    /// reported: reporter or correspondent.
    pub fn role(&self) -> Option<&str> {
        self.labels.as_ref().and_then(|l| l.role.as_deref())
    }

    /// Sentence index.
    pub fn sentence(&self) -> usize {
        self.sentence as usize
    }

    /// Start of the span in the sentence covering both ends.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// End of that span.
    pub fn end(&self) -> usize {
        self.end as usize
    }
}

/// The article's jurisdiction at each level, when the text makes it clear.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Jurisdiction {
    /// 省.
    pub province: Option<String>,
    /// 市.
    pub prefecture: Option<String>,
    /// 区 / 县.
    pub county: Option<String>,
}

impl Jurisdiction {
    /// The place an abbreviation's first character stands for (市 → 郑州市).
    pub fn for_char(&self, c: char) -> Option<&str> {
        match c {
            '省' => self.province.as_deref(),
            '市' => self.prefecture.as_deref(),
            '区' | '县' => self.county.as_deref(),
            _ => None,
        }
    }
}

/// Everything extracted from one article.
#[derive(Debug, Clone)]
pub struct ArticleFacts {
    /// The article.
    pub article: Article,
    /// Normalised sentences: the headline first when there is one, the byline last.
    pub sentences: Vec<String>,
    /// Characters of normalised text.
    pub characters: usize,
    /// The article's date (metadata, else its dateline).
    pub date: Option<String>,
    /// Jurisdiction.
    pub jurisdiction: Jurisdiction,
    /// Mentions.
    pub ents: Vec<EntityMention>,
    /// Facts.
    pub facts: Vec<Fact>,
}

struct SentenceParse {
    toks: Vec<Word>,
    chunks: Vec<Chunk>,
    model: Vec<(usize, usize)>,
    /// Which tokens may be names ([`people::candidates`]).
    cand: Vec<bool>,
    people: Vec<usize>,
}

impl Extractor {
    /// Builds the segmenter with the lexicons' words.
    pub fn new(lex: Lexicon) -> Extractor {
        Extractor::with_model(lex, crate::ner::embedded_model())
    }

    /// Like [`Extractor::new`], with another NER model than the embedded one.
    pub fn with_model(lex: Lexicon, model: std::sync::Arc<crate::ner::model::Model>) -> Extractor {
        // jieba's dictionary and the labeller's lexicon trie take a few tenths of a
        // second each to build, and neither needs the other.
        let (seg, tagger) = rayon::join(
            || Segmenter::new(&lex),
            || crate::ner::Tagger::new(&lex, model),
        );
        Extractor { lex, seg, tagger }
    }

    fn parse(&self, text: &str, known: &HashSet<String>) -> SentenceParse {
        // The sequence labeller's persons count as evidence, and fix name boundaries
        // jieba got wrong (刘名启 cut as 刘名 + 启).
        let tagged = self.ner(text);
        let spans = |kind: MentionKind| -> Vec<(usize, usize)> {
            tagged
                .iter()
                .filter(|m| m.kind == kind)
                .map(|m| (m.start, m.end))
                .collect()
        };
        let model = spans(MentionKind::Person);
        let toks = token::merge_spans(
            &self.lex,
            token::tokenize(&self.seg, &self.lex, text),
            &model,
        );
        let mut chunks = grammar::chunk_sentence(&self.lex, &toks);
        grammar::add_model_organizations(&toks, &mut chunks, &spans(MentionKind::Organization));
        let mut covered = vec![false; toks.len()];
        for c in chunks
            .iter()
            .filter(|c| c.mention.kind != MentionKind::Title)
        {
            for x in &mut covered[c.tok_start..c.tok_end] {
                *x = true;
            }
        }
        let cand = people::candidates(&self.lex, &toks, &covered, &model);
        let people = people::accept_people(&self.lex, &toks, &cand, known, &model);
        SentenceParse {
            toks,
            chunks,
            model,
            cand,
            people,
        }
    }

    /// The mention layer on one line of text (what `zhkg ner` and `zhkg eval` run).
    /// Persons, places, organisations and posts, from the sequence labeller
    /// ([`crate::ner`]).
    pub fn ner(&self, text: &str) -> Vec<Mention> {
        self.tagger
            .tag_with_words(text, Some(&|w| self.seg.has_word(w)))
    }

    /// The grammar chunker and context-cued names alone (the mention layer before
    /// the sequence labeller; also events, dates, documents, markets, projects).
    pub fn ner_grammar(&self, text: &str) -> Vec<Mention> {
        let p = self.parse(text, &HashSet::default());
        let mut out: Vec<Mention> = p.chunks.into_iter().map(|c| c.mention).collect();
        for &i in &p.people {
            out.push(Mention {
                start: p.toks[i].start,
                end: p.toks[i].end,
                kind: MentionKind::Person,
                text: p.toks[i].word.clone(),
            });
        }
        out.sort();
        out
    }

    /// Extracts everything from one article.
    pub fn analyze(&self, article: &Article) -> ArticleFacts {
        self.analyze_owned(article.clone())
    }

    /// [`Extractor::analyze`] for an article the caller is done with: its facts keep
    /// it without copying it (a corpus build would otherwise copy every body).
    pub fn analyze_owned(&self, article: Article) -> ArticleFacts {
        let mut sentences: Vec<String> = Vec::new();
        if let Some(h) = &article.headline {
            // Spaces in a headline separate its phrases: keep one, as a comma would.
            let h = h
                .split_whitespace()
                .map(normalize_text)
                .collect::<Vec<_>>()
                .join(" ");
            if !h.trim().is_empty() {
                sentences.push(h);
            }
        }
        let body = normalize_text(&article.body);
        for s in split_sentences(&body) {
            sentences.push(s.text);
        }
        let characters = sentences.iter().map(|s| s.chars().count()).sum();

        // Names accepted anywhere count everywhere in the article: parse twice.
        let mut known: HashSet<String> = article.bylines.iter().map(|b| b.name.clone()).collect();
        let first: Vec<SentenceParse> = sentences.iter().map(|s| self.parse(s, &known)).collect();
        let mut added: HashSet<String> = HashSet::default();
        for p in &first {
            for &i in &p.people {
                let name = &p.toks[i].word;
                if !known.contains(name) {
                    added.insert(name.clone());
                }
            }
        }
        known.extend(added.iter().cloned());
        // Only the names depend on what is known: tokens, chunks, tags and candidates
        // are reused. What is known only counts for a candidate that is a known name,
        // so a sentence with none of the names found in the first pass among its
        // candidates keeps its names (and the other tokens need no look-up).
        let mut parses = first;
        for p in &mut parses {
            if p.toks
                .iter()
                .zip(&p.cand)
                .any(|(t, &c)| c && added.contains(t.word.as_str()))
            {
                p.people = people::accept_people(&self.lex, &p.toks, &p.cand, &known, &p.model);
            }
        }

        let mut b = ArticleBuilder {
            lex: &self.lex,
            ents: Vec::new(),
            facts: Vec::new(),
        };
        let mut chunk_ent: Vec<Vec<Option<usize>>> = Vec::new();
        let mut person_ent: Vec<HashMap<usize, usize>> = Vec::new();
        for (si, p) in parses.iter().enumerate() {
            let mut ids = Vec::new();
            for c in &p.chunks {
                ids.push(Some(b.push(si, &c.mention, &c.details)));
            }
            chunk_ent.push(ids);
            let mut pe = HashMap::default();
            for &i in &p.people {
                let t = &p.toks[i];
                let m = Mention {
                    start: t.start,
                    end: t.end,
                    kind: MentionKind::Person,
                    text: t.word.clone(),
                };
                pe.insert(i, b.push(si, &m, &ChunkDetails::default()));
            }
            person_ent.push(pe);
        }

        let jurisdiction = infer_jurisdiction(&self.lex, &b.ents);
        let date = article
            .date
            .clone()
            .or_else(|| dateline(&b.ents, &sentences, article.headline.is_some()));
        let year = date
            .as_deref()
            .and_then(|d| d.split('-').next())
            .filter(|y| y.len() == 4)
            .and_then(|y| y.parse().ok());
        b.resolve_names(&jurisdiction);

        // Sentence relations.
        let mut roles: Vec<(usize, relations::Role)> = Vec::new();
        for (si, p) in parses.iter().enumerate() {
            let rel = relations::relate(&self.lex, &p.toks, &p.chunks, &p.people);
            for post in rel.posts {
                let Some(person) = person_ent[si].get(&post.person).copied() else {
                    continue;
                };
                let Some(title) = chunk_ent[si][post.title] else {
                    continue;
                };
                let org = post.org.and_then(|o| chunk_ent[si][o]);
                b.add_post(si, person, title, org, post.inherited, &jurisdiction);
            }
            for r in rel.roles {
                roles.push((si, r));
            }
            // Events dated by the nearest date before them in the sentence.
            let sentence_ents: Vec<usize> = chunk_ent[si].iter().flatten().copied().collect();
            let mut last_date: Option<usize> = None;
            for &e in &sentence_ents {
                match b.ents[e].kind {
                    MentionKind::Date => last_date = Some(e),
                    MentionKind::Event => {
                        if let Some(d) = last_date {
                            if let Some((date, time)) =
                                date::resolve_date(&b.ents[d].text, date.as_deref(), year)
                            {
                                b.ents[e].set_date(Some(date));
                                b.ents[e].set_time(time);
                            }
                        }
                    }
                    _ => {}
                }
            }
            // Documents and their issuers; organisations and their parents.
            for &e in &sentence_ents {
                let c = &p.chunks[chunk_ent[si]
                    .iter()
                    .position(|x| *x == Some(e))
                    .expect("own chunk")];
                if let Some(issuer) = &c.details.issuer {
                    if let Some(o) = sentence_ents.iter().copied().find(|&o| {
                        b.ents[o].kind == MentionKind::Organization
                            && b.ents[o].text == *issuer
                            && b.ents[o].start == b.ents[e].start
                    }) {
                        b.fact(Relation::Issued, o, e, None, si);
                    }
                }
                if let Some(parent) = &c.details.parent {
                    let child = &b.ents[e];
                    let m = Mention {
                        start: child.start(),
                        end: child.start() + parent.chars().count(),
                        kind: MentionKind::Organization,
                        text: parent.clone(),
                    };
                    let info = ChunkDetails {
                        juris: c.details.juris.clone(),
                        ..ChunkDetails::default()
                    };
                    let pe = b.push(si, &m, &info);
                    b.resolve_one(pe, &jurisdiction);
                    b.fact(Relation::PartOf, e, pe, None, si);
                }
            }
        }

        // Events: choose the main one, point bare mentions at it, merge synonyms.
        let main = b.settle_events(&roles, &chunk_ent, date.as_deref());
        for (si, r) in roles {
            let p = &parses[si];
            let subject = match r.subject {
                Party::Chunk(c) => chunk_ent[si][c],
                Party::Person(t) => person_ent[si].get(&t).copied(),
                Party::Pronoun(t) => b.antecedent(si, p.toks[t].start),
                Party::Holder(title, surname) => {
                    chunk_ent[si][title].and_then(|t| b.holder(&b.ents[t].text.clone(), surname))
                }
            };
            let event = match r.event.and_then(|e| chunk_ent[si][e]) {
                Some(e) => Some(b.ents[e].refers_to().unwrap_or(e)),
                None => main,
            };
            let (Some(s), Some(e)) = (subject, event) else {
                continue;
            };
            if b.ents[e].kind != MentionKind::Event {
                continue;
            }
            let relation = match r.role {
                RoleVerb::Chaired => Relation::Chaired,
                RoleVerb::Attended => Relation::Attended,
                RoleVerb::SpokeAt => Relation::SpokeAt,
                RoleVerb::Held => Relation::Held,
                // Meetings are split into chaired and attended when found.
                RoleVerb::Meets => Relation::Chaired,
            };
            if b.ents[e].orphan {
                continue;
            }
            b.fact(relation, s, e, None, si);
        }

        // Located in: organisations in their jurisdiction.
        for e in 0..b.ents.len() {
            if b.ents[e].kind == MentionKind::Organization {
                if let Some(place) = b.ents[e].place().map(str::to_string) {
                    let pe = b.synth(e, MentionKind::Place, &place, None);
                    b.fact(Relation::LocatedIn, e, pe, None, b.ents[e].sentence());
                }
            }
        }

        // Bylines: a last pseudo-sentence that quotes them.
        if !article.bylines.is_empty() {
            let mut line = String::new();
            let si = sentences.len();
            let mut last_role = None;
            for by in &article.bylines {
                if last_role != Some(by.role) {
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    line.push_str(match by.role {
                        BylineRole::Reporter => "记者",
                        BylineRole::Correspondent => "通讯员",
                    });
                    last_role = Some(by.role);
                }
                line.push(' ');
                let start = line.chars().count();
                line.push_str(&by.name);
                let m = Mention {
                    start,
                    end: start + by.name.chars().count(),
                    kind: MentionKind::Person,
                    text: by.name.clone(),
                };
                let pe = b.push(si, &m, &ChunkDetails::default());
                b.facts.push(
                    Fact::new(
                        Relation::Reported,
                        End::ent(pe),
                        End::Article,
                        si,
                        m.start,
                        m.end,
                    )
                    .with_labels(None, Some(by.role.as_str().to_string())),
                );
            }
            sentences.push(line);
        }

        // Mentions: the article → every entity it names (dates and titles are not nodes).
        for e in 0..b.ents.len() {
            let ent = &b.ents[e];
            if ent.refers_to.is_none()
                && !ent.orphan
                && !matches!(ent.kind, MentionKind::Date | MentionKind::Title)
            {
                b.facts.push(Fact::new(
                    Relation::Mentions,
                    End::Article,
                    End::ent(e),
                    ent.sentence(),
                    ent.start(),
                    ent.end(),
                ));
            }
        }

        ArticleFacts {
            article,
            sentences: exact(sentences),
            characters,
            date,
            jurisdiction,
            ents: exact(b.ents),
            facts: exact(b.facts),
        }
    }
}

/// `v` without spare capacity. A corpus build keeps every article's vectors until
/// resolution, and growth by doubling leaves a third of them unused on average.
/// `shrink_to_fit` is not enough: mimalloc keeps a block in place (freeing nothing)
/// when it shrinks to half its size or more.
fn exact<T>(v: Vec<T>) -> Vec<T> {
    if v.capacity() == v.len() {
        return v;
    }
    let mut out = Vec::with_capacity(v.len());
    out.extend(v);
    out
}

/// The first date of the lead sentence (本报讯 3月19日下午 …) dates the article.
fn dateline(ents: &[EntityMention], sentences: &[String], has_headline: bool) -> Option<String> {
    let lead = usize::from(has_headline);
    let lead_text = sentences.get(lead)?;
    let d = ents
        .iter()
        .filter(|e| e.sentence() == lead && e.kind == MentionKind::Date)
        .min_by_key(|e| e.start)?;
    // Only a date near the start is a dateline, not one quoted in the story.
    if d.start() > 20 || d.start() > lead_text.chars().count() / 2 {
        return None;
    }
    date::parse_date(&d.text, None).map(|(date, _)| date)
}

/// The jurisdiction the article is about: the most mentioned division and its parents.
fn infer_jurisdiction(lex: &Lexicon, ents: &[EntityMention]) -> Jurisdiction {
    let mut counts: HashMap<(PlaceLevel, String), usize> = HashMap::default();
    let mut add = |name: &str, weight: usize| {
        for p in lex.place_chain(name).iter().take(1) {
            *counts.entry((p.level, p.name.clone())).or_default() += weight;
        }
    };
    for e in ents {
        // The headline and the dateline (本报洛阳3月5日讯) say where the story is.
        let weight = if e.sentence <= 1 { 2 } else { 1 };
        match e.kind {
            MentionKind::Place => add(&e.text, weight),
            MentionKind::Organization
            | MentionKind::Market
            | MentionKind::Event
            | MentionKind::Project => {
                // The place an organ's name starts with (惠济区规划服务中心).
                for pre in crate::lexicon::place_prefixes(&e.text) {
                    if lex.place(pre).is_some_and(|p| p.level <= PlaceLevel::Town) {
                        add(pre, weight);
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    let best = |level: PlaceLevel| -> Option<String> {
        let mut v: Vec<(&String, usize)> = counts
            .iter()
            .filter(|((l, _), _)| *l == level)
            .map(|((_, n), c)| (n, *c))
            .collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        match v.as_slice() {
            [] => None,
            [(n, _)] => Some((*n).clone()),
            [(n, a), (_, b), ..] => (a > b).then(|| (*n).clone()),
        }
    };
    let mut j = Jurisdiction::default();
    if let Some(county) = best(PlaceLevel::County) {
        let chain = lex.place_chain(&county);
        j.county = Some(county);
        for p in chain {
            match p.level {
                PlaceLevel::Prefecture => j.prefecture = Some(p.name.clone()),
                PlaceLevel::Province => j.province = Some(p.name.clone()),
                _ => {}
            }
        }
    }
    if j.prefecture.is_none() {
        if let Some(pre) = best(PlaceLevel::Prefecture) {
            for p in lex.place_chain(&pre) {
                if p.level == PlaceLevel::Province {
                    j.province = Some(p.name.clone());
                }
            }
            j.prefecture = Some(pre);
        }
    }
    if j.province.is_none() {
        j.province = best(PlaceLevel::Province);
    }
    j
}

struct ArticleBuilder<'a> {
    lex: &'a Lexicon,
    ents: Vec<EntityMention>,
    facts: Vec<Fact>,
}

impl ArticleBuilder<'_> {
    fn push(&mut self, sentence: usize, m: &Mention, info: &ChunkDetails) -> usize {
        let mut e = EntityMention::new(m.kind, m.text.clone(), sentence, m.start, m.end);
        e.set_subtype(info.event_type.clone().or_else(|| info.head.clone()));
        e.set_place(info.juris.clone());
        self.ents.push(e);
        self.ents.len() - 1
    }

    /// The person 他/她 at (sentence, start) refers to: the only person named in the
    /// nearest sentence before it that names anyone (earlier in its own sentence counts).
    fn antecedent(&self, sentence: usize, start: usize) -> Option<usize> {
        let before =
            |e: &EntityMention| e.sentence() < sentence || e.sentence() == sentence && e.end() <= start;
        let nearest = self
            .ents
            .iter()
            .filter(|e| e.kind == MentionKind::Person && before(e))
            .map(|e| e.sentence())
            .max()?;
        let names: std::collections::BTreeSet<&str> = self
            .ents
            .iter()
            .filter(|e| e.kind == MentionKind::Person && e.sentence() == nearest && before(e))
            .map(|e| e.text.as_str())
            .collect();
        let [name] = names.into_iter().collect::<Vec<_>>()[..] else {
            return None;
        };
        self.ents
            .iter()
            .position(|e| e.kind == MentionKind::Person && e.text == name && before(e))
    }

    /// The one person of the article who holds `title` (and whose surname is `surname`).
    fn holder(&self, title: &str, surname: Option<char>) -> Option<usize> {
        let mut found: Vec<usize> = self
            .facts
            .iter()
            .filter(|f| f.relation == Relation::HoldsPosition && f.title() == Some(title))
            .filter_map(|f| f.source.index())
            .filter(|&p| surname.is_none_or(|c| self.ents[p].text.starts_with(c)))
            .collect();
        found.sort_by_key(|&p| self.ents[p].text.clone());
        found.dedup_by_key(|p| self.ents[*p].text.clone());
        match found.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// An entity the text implies at another mention's span (区长 → 惠济区人民政府).
    fn synth(&mut self, at: usize, kind: MentionKind, name: &str, reason: Option<String>) -> usize {
        let a = &self.ents[at];
        let (sentence, start, end) = (a.sentence(), a.start(), a.end());
        if let Some(i) = self.ents.iter().position(|e| {
            e.kind == kind
                && e.canonical() == name
                && e.sentence() == sentence
                && e.start() == start
        }) {
            return i;
        }
        let mut e = EntityMention::new(kind, name.to_string(), sentence, start, end);
        e.set_reason(reason);
        self.ents.push(e);
        self.ents.len() - 1
    }

    fn fact(
        &mut self,
        relation: Relation,
        s: usize,
        t: usize,
        title: Option<String>,
        sentence: usize,
    ) {
        let (a, b) = (&self.ents[s], &self.ents[t]);
        // The evidence quotes the sentence that states the fact, with the span of what
        // it names there; when it names neither end (他强调…, the headline's meeting),
        // it quotes the sentence of the subject, so offsets always fit their quote.
        let (sentence, start, end) = if a.sentence() == sentence && b.sentence() == sentence {
            (sentence, a.start().min(b.start()), a.end().max(b.end()))
        } else if a.sentence() == sentence {
            (sentence, a.start(), a.end())
        } else if b.sentence() == sentence {
            (sentence, b.start(), b.end())
        } else {
            (a.sentence(), a.start(), a.end())
        };
        self.facts.push(
            Fact::new(relation, End::ent(s), End::ent(t), sentence, start, end)
                .with_labels(title, None),
        );
    }

    /// Canonical names for places and organisations.
    fn resolve_names(&mut self, j: &Jurisdiction) {
        for i in 0..self.ents.len() {
            self.resolve_one(i, j);
        }
    }

    fn resolve_one(&mut self, i: usize, j: &Jurisdiction) {
        let lex = self.lex;
        let e = &mut self.ents[i];
        match e.kind {
            MentionKind::Place => {
                if let Some(p) = lex.place(&e.text) {
                    if p.name != e.text {
                        e.set_reason(Some(format!("short form of {} in the gazetteer", p.name)));
                        e.set_canonical(p.name.clone());
                    }
                }
            }
            MentionKind::Organization => {
                let (canon, place, reason) = canonical_org(lex, &e.text, e.place(), j);
                if canon != e.text {
                    e.set_reason(reason);
                }
                e.set_canonical(canon);
                e.set_place(place);
            }
            _ => {}
        }
    }

    fn add_post(
        &mut self,
        si: usize,
        person: usize,
        title: usize,
        org: Option<usize>,
        inherited: bool,
        j: &Jurisdiction,
    ) {
        let title_text = self.ents[title].text.clone();
        let government = self
            .lex
            .parse_title(&title_text)
            .is_some_and(|(_, head)| self.lex.titles.get(head).copied().unwrap_or(false));
        // A government head (区长) serves the people's government of a jurisdiction: the
        // one of the organ before it in the list (惠济区委 → 惠济区), else the article's.
        let target = if government && (org.is_none() || inherited) {
            let level = self
                .lex
                .parse_title(&title_text)
                .map(|(_, h)| h.chars().next().unwrap_or('市'))
                .unwrap_or('市');
            let from_list = org
                .and_then(|o| self.ents[o].place().map(str::to_string))
                .filter(|p| {
                    self.lex
                        .place(p)
                        .is_some_and(|pl| level_char_matches(pl.level, level))
                });
            let place = from_list.or_else(|| j.for_char(level).map(str::to_string));
            place.map(|p| {
                let name = format!("{p}人民政府");
                let why = format!("{title_text} heads the people's government of {p}");
                let g = self.synth(title, MentionKind::Organization, &name, Some(why));
                self.ents[g].set_place(Some(p));
                g
            })
        } else {
            org
        };
        if let Some(t) = target {
            self.fact(
                Relation::HoldsPosition,
                person,
                t,
                Some(title_text.clone()),
                si,
            );
        } else {
            // No organ known: the post is still worth keeping on the person.
            self.facts.push(
                Fact::new(
                    Relation::HoldsPosition,
                    End::ent(person),
                    End::ent(title),
                    si,
                    self.ents[title].start(),
                    self.ents[person].end(),
                )
                .with_labels(Some(title_text), None),
            );
        }
    }

    /// Picks the main event, points bare mentions (会议) and synonyms at their event.
    fn settle_events(
        &mut self,
        roles: &[(usize, relations::Role)],
        chunk_ent: &[Vec<Option<usize>>],
        article_date: Option<&str>,
    ) -> Option<usize> {
        let events: Vec<usize> = (0..self.ents.len())
            .filter(|&i| self.ents[i].kind == MentionKind::Event)
            .collect();
        let lex = self.lex;
        let is_bare = |e: &EntityMention| lex.is_event_head(&e.text) && e.text.chars().count() <= 2;
        let role_events: Vec<(RoleVerb, usize)> = roles
            .iter()
            .filter_map(|(si, r)| r.event.and_then(|c| chunk_ent[*si][c]).map(|e| (r.role, e)))
            .collect();
        // Main event: the first named event someone chairs or holds, else the first named
        // one of the headline or lead, else a bare 会议 that someone chaired or attended.
        let main = role_events
            .iter()
            .filter(|(r, e)| {
                matches!(r, RoleVerb::Chaired | RoleVerb::Held) && !is_bare(&self.ents[*e])
            })
            .map(|(_, e)| *e)
            .next()
            .or_else(|| {
                events
                    .iter()
                    .copied()
                    .find(|&e| !is_bare(&self.ents[e]) && self.ents[e].sentence() <= 1)
            })
            .or_else(|| role_events.first().map(|(_, e)| *e));
        // A headline names the event undated; the body dates it (昨天上午…会议召开): the
        // dated mention of the same name stands for the event.
        let main = main.map(|m| {
            events
                .iter()
                .copied()
                .find(|&o| {
                    o != m
                        && self.ents[m].date().is_none()
                        && self.ents[o].date().is_some()
                        && self.ents[o].subtype() == self.ents[m].subtype()
                        && same_event_name(lex, &self.ents[o].text, &self.ents[m].text)
                })
                .unwrap_or(m)
        });
        // Named mentions first, dated before undated, so that a headline's undated
        // mention joins the dated one of the body.
        let mut order: Vec<usize> = events
            .iter()
            .copied()
            .filter(|&e| Some(e) != main)
            .collect();
        order.sort_by_key(|&e| (is_bare(&self.ents[e]), self.ents[e].date().is_none(), e));
        for e in order {
            let ent = &self.ents[e];
            if is_bare(ent) {
                // 会见 … 陪同会见: the same bare word again is the same occasion.
                let twin = events.iter().copied().find(|&o| {
                    let a = &self.ents[o];
                    o != e
                        && a.refers_to.is_none()
                        && !a.orphan
                        && a.text == ent.text
                        && (a.date() == ent.date() || ent.date().is_none())
                        && (o < e || a.date().is_some() && ent.date().is_none())
                        && role_events.iter().any(|(_, x)| *x == o)
                });
                if let Some(t) = twin {
                    self.ents[e].set_refers_to(Some(t));
                    let why = format!("the same {} named again in one article", self.ents[t].text);
                    self.ents[e].set_reason(Some(why));
                    continue;
                }
                if let Some(m) = main {
                    let compatible = self.ents[m].subtype() == ent.subtype()
                        || ent.text == "会议" && self.ents[m].subtype() == Some("会议");
                    if compatible {
                        self.ents[e].set_refers_to(Some(m));
                        continue;
                    }
                }
                // A bare 活动 or 会议 with nothing to point at is not an event of its own,
                // unless someone took part in it.
                if !role_events.iter().any(|(_, x)| *x == e) {
                    self.ents[e].orphan = true;
                }
                continue;
            }
            // The same occasion named twice (headline and body; 挂牌仪式 and 揭牌仪式 of one
            // morning): same kind, same or interchangeable name, no conflicting date.
            let candidates: Vec<usize> = main
                .into_iter()
                .chain(events.iter().copied())
                .filter(|&o| o != e && self.ents[o].refers_to.is_none() && !self.ents[o].orphan)
                .collect();
            let target = candidates.into_iter().find(|&o| {
                let (a, b) = (&self.ents[o], &self.ents[e]);
                let dates_agree = a.date() == b.date() || a.date().is_none() || b.date().is_none();
                let earlier = o < e || b.date().is_none() && a.date().is_some() || Some(o) == main;
                a.subtype() == b.subtype()
                    && dates_agree
                    && earlier
                    && !is_bare(a)
                    && same_event_name(self.lex, &a.text, &b.text)
            });
            if let Some(t) = target {
                let why = if self.ents[t].text == self.ents[e].text {
                    format!("the same {} named again in one article", self.ents[t].text)
                } else {
                    format!(
                        "same occasion as {} ({} and {} name the same kind of event)",
                        self.ents[t].text, self.ents[t].text, self.ents[e].text
                    )
                };
                if self.ents[t].date().is_none() {
                    let date = self.ents[e].date().map(str::to_string);
                    let time = self.ents[e].time().map(str::to_string);
                    self.ents[t].set_date(date);
                    self.ents[t].set_time(time);
                }
                self.ents[e].set_refers_to(Some(t));
                self.ents[e].set_reason(Some(why));
            }
        }
        if let Some(m) = main {
            if self.ents[m].date().is_none() {
                self.ents[m].set_date(article_date.map(str::to_string));
            }
        }
        main
    }
}

fn level_char_matches(level: PlaceLevel, c: char) -> bool {
    matches!(
        (level, c),
        (PlaceLevel::Province, '省')
            | (PlaceLevel::Prefecture, '市')
            | (PlaceLevel::County, '区' | '县')
            | (PlaceLevel::Town, '镇' | '乡')
    )
}

/// Whether two event names differ only by interchangeable words (挂牌仪式, 揭牌仪式).
fn same_event_name(lex: &Lexicon, a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let norm = |s: &str| -> String {
        let mut s = s.to_string();
        for group in &lex.event_synonyms {
            let mut sorted = group.clone();
            sorted.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
            for w in &sorted {
                s = s.replace(w.as_str(), &group[0]);
            }
        }
        s
    };
    norm(a) == norm(b)
}

/// Spells out an organisation's jurisdiction: (canonical name, jurisdiction place, reason).
fn canonical_org(
    lex: &Lexicon,
    text: &str,
    juris: Option<&str>,
    j: &Jurisdiction,
) -> (String, Option<String>, Option<String>) {
    let mut name = text.to_string();
    let mut place: Option<String> = None;
    let mut reasons: Vec<String> = Vec::new();
    let first = text.chars().next().unwrap_or(' ');
    match juris {
        Some(w) if w.chars().count() == 1 => {
            if let Some(p) = j.for_char(first) {
                let rest: String = text.chars().skip(1).collect();
                name = format!("{p}{rest}");
                reasons.push(format!("{w} is the article's jurisdiction {p}"));
                place = Some(p.to_string());
            }
        }
        Some(w) => place = lex.place(w).map(|p| p.name.clone()),
        None => {}
    }
    if name.ends_with("政府") && !name.ends_with("人民政府") {
        name = format!("{}人民政府", name.trim_end_matches("政府"));
        reasons.push("政府 is short for 人民政府".into());
    }
    let reason = (!reasons.is_empty()).then(|| reasons.join("; "));
    (name, place, reason)
}
