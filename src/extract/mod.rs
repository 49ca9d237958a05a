//! Extraction: an article comes in; its sentences, entity mentions (with canonical
//! names resolved inside the article: 市委 → 郑州市委, 会议 → the meeting the article
//! reports) and facts between them go out, every one pinned to a sentence and a
//! character span. The stages of one sentence: `token` (words and their grammar
//! categories), `grammar` (typed spans), `date` (date expressions), `people` (names
//! by context and the labeller), `relations` (posts and event roles); of the article:
//! `builder` (mentions and facts gathered), `jurisdiction` (where and when),
//! `events` (the occasions reported); `facts` holds what comes out.

mod article;
mod builder;
mod category;
pub mod date;
mod events;
mod facts;
pub mod grammar;
mod held;
mod jurisdiction;
mod lists;
mod name_joins;
mod organ_names;
mod participants;
mod parties;
pub mod people;
mod posts;
mod presiding;
pub mod relations;
mod reports;
mod resplit;
mod sessions;
#[cfg(test)]
mod shapes;
pub mod token;
mod visits;
mod witnesses;

pub use facts::{ArticleFacts, End, EntityMention, Fact, Jurisdiction};

pub use crate::mention::{Mention, MentionKind};

use crate::ingest::Article;
use crate::lexicon::Lexicon;
use crate::segment::Segmenter;
use builder::ArticleBuilder;
use grammar::Chunk;
use jurisdiction::{dateline, infer_jurisdiction, lead_spans_days};
use token::{Category, Word};
// FxHash: the candidates of every sentence are looked up in the article's new names,
// and SipHash showed in the build's profile; the keys are the article's own words.
use rustc_hash::FxHashSet as HashSet;

/// The lexicons and the segmenter: build once, share across threads.
#[derive(Debug)]
pub struct Extractor {
    /// Look-up tables.
    pub lex: Lexicon,
    seg: Segmenter,
    tagger: crate::ner::Tagger,
}

/// One sentence parsed: its words, chunks, the labeller's persons and the names
/// accepted.
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
        // One character is no name: the labeller's 平 inside 习近平 would cut the word.
        let mut model = token::trim_light_verbs(text, spans(MentionKind::Person));
        model.retain(|&(s, e)| e - s >= 2);
        let toks = name_joins::merge_spans(
            &self.lex,
            token::tokenize(&self.seg, &self.lex, text),
            &model,
        );
        let mut chunks = grammar::chunk_sentence(&self.lex, &toks);
        grammar::add_model_organizations(&toks, &mut chunks, &spans(MentionKind::Organization));
        grammar::convened_committees(&toks, &mut chunks);
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

    /// Extracts everything from the text of one article: its first line is the
    /// headline when it stands alone (or is a `#` heading); bylines are recognised.
    pub fn extract_text(&self, text: &str) -> ArticleFacts {
        let mut articles = crate::ingest::split_text(text, "text", &self.lex);
        let article = match articles.len() {
            1 => articles.pop().expect("one article"),
            // A text that reads as several articles (or none) is one here.
            _ => crate::ingest::make_article(None, text.to_string(), Vec::new(), "text".into()),
        };
        self.analyze_owned(article)
    }

    /// Extracts everything from one article.
    pub fn analyze(&self, article: &Article) -> ArticleFacts {
        self.analyze_owned(article.clone())
    }

    /// [`Extractor::analyze`] for an article the caller is done with: its facts keep
    /// it without copying it (a corpus build would otherwise copy every body).
    pub fn analyze_owned(&self, article: Article) -> ArticleFacts {
        let mut sentences = article::sentences(&article);
        let characters = sentences.iter().map(|s| s.chars().count()).sum();
        let parses = self.parse_article(&sentences, &article);
        let mut b = ArticleBuilder {
            lex: &self.lex,
            ents: Vec::new(),
            facts: Vec::new(),
            last_post: None,
            organs_of_heads: Vec::new(),
            multi_day: Vec::new(),
            scheduled: Vec::new(),
        };
        let at = b.add_mentions(&parses);
        let common_words: Vec<&str> = parses
            .iter()
            .flat_map(|p| &p.toks)
            .filter(|t| {
                t.category == Category::Nominal
                    && t.word.chars().count() >= 2
                    && !crate::lexicon::is_division_name(&t.word)
                    && self.lex.place(&t.word).is_some()
            })
            .map(|t| t.word.as_str())
            .collect();
        let jurisdiction = infer_jurisdiction(&self.lex, &b.ents, &common_words, &sentences);
        let date = article
            .date
            .clone()
            .or_else(|| dateline(&b.ents, &sentences, article.headline.is_some()));
        b.resolve_names(&jurisdiction);
        b.drop_unplaced_county_short_forms(&jurisdiction);
        b.join_place_prefixed();
        let (roles, held) = b.relate_sentences(&parses, &at, &jurisdiction, date.as_deref());
        // A lead's range of days dates the occasion it names, not the others.
        let main_day = if article.date.is_none()
            && lead_spans_days(&b.ents, &sentences, article.headline.is_some())
        {
            None
        } else {
            date.as_deref()
        };
        let told: Vec<usize> = parses
            .iter()
            .zip(&at.chunks)
            .flat_map(|(p, ents)| {
                p.chunks.iter().zip(ents).filter_map(|(c, e)| {
                    (c.mention.kind == MentionKind::Event && events::told_as_happening(&p.toks, c))
                        .then_some(*e)
                        .flatten()
                })
            })
            .collect();
        let main = b.settle_events(&roles, &held, &at.chunks, main_day, &told);
        b.add_roles(roles, &parses, &at, main, &held);
        b.drop_bodies_without_a_name();
        b.locate_organizations();
        b.add_bylines(&article.bylines, &mut sentences);
        b.add_article_mentions();
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

    /// Parses every sentence; names accepted anywhere count everywhere in the
    /// article, so the names are settled in a second pass.
    fn parse_article(&self, sentences: &[String], article: &Article) -> Vec<SentenceParse> {
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
        parses
    }
}

/// One extractor for the unit tests of the crate: building one takes a second or two.
#[cfg(test)]
pub(crate) fn test_extractor() -> &'static Extractor {
    static EXTRACTOR: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    EXTRACTOR.get_or_init(|| Extractor::new(Lexicon::embedded()))
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
