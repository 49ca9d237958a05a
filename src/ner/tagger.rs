//! The tagger: a sentence comes in; person, place, organisation and post spans go
//! out, labelled by the model and mended by the name rules of `names.rs`.

use super::embedded_model;
use super::features::{Featurizer, SentenceFeatures};
use super::label;
use super::lexmatch;
use super::model::Model;
use super::names::{
    extend_foreign_names, join_foreign_names, relabel_name_lists, split_names, take_surname,
    take_third_char, trim_end,
};
use crate::lexicon::Lexicon;
use crate::mention::{Mention, MentionKind};
use rustc_hash::FxHashSet as HashSet;
use std::fmt;
use std::sync::Arc;

/// Per-thread scratch of [`Tagger::tag_with_words`], kept from sentence to
/// sentence: fresh memory for every sentence costs page faults.
#[derive(Default)]
struct Scratch {
    /// The sentence's characters as written.
    raw: Vec<char>,
    /// The same, folded.
    chars: Vec<char>,
    features: SentenceFeatures,
    emissions: Vec<i32>,
}

thread_local! {
    static SCRATCH: std::cell::Cell<Scratch> = const {
        std::cell::Cell::new(Scratch {
            raw: Vec::new(),
            chars: Vec::new(),
            features: SentenceFeatures { keys: Vec::new(), offsets: Vec::new(), unigrams: Vec::new() },
            emissions: Vec::new(),
        })
    };
}

/// Features plus weights: tags sentences. Build once; share across threads.
pub struct Tagger {
    pub(super) featurizer: Featurizer,
    model: Arc<Model>,
    pub(super) double_surnames: HashSet<String>,
    /// Characters of transliterated foreign names (阿, 斯, 夫…).
    pub(super) transliteration_chars: HashSet<char>,
    /// Forms of address that may follow a surname (小姐, 老师…).
    address_terms: Vec<Vec<char>>,
}

impl fmt::Debug for Tagger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Tagger({} features)", self.model.features())
    }
}

impl Tagger {
    /// A tagger with the given lexicons and model.
    pub fn new(lex: &Lexicon, model: Arc<Model>) -> Tagger {
        Tagger {
            featurizer: Featurizer::new(lex),
            model,
            double_surnames: lex.double_surnames().clone(),
            transliteration_chars: lex.translit_chars().clone(),
            address_terms: lex
                .address_terms()
                .iter()
                .map(|t| t.chars().collect())
                .collect(),
        }
    }

    /// A tagger with the embedded model.
    pub fn embedded(lex: &Lexicon) -> Tagger {
        Tagger::new(lex, embedded_model())
    }

    /// The model the tagger labels with.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Person, place, organisation and post spans of `text`.
    pub fn tag(&self, text: &str) -> Vec<Mention> {
        self.tag_with_words(text, None)
    }

    /// [`Tagger::tag`] with a dictionary of words (jieba's, as `zhkg build` and
    /// `zhkg eval` run it): the rule that takes a third character into a two-character
    /// name needs one to see the words it would break, and is skipped without.
    pub fn tag_with_words(
        &self,
        text: &str,
        is_word: Option<&dyn Fn(&str) -> bool>,
    ) -> Vec<Mention> {
        // Taken out of its cell rather than borrowed, so that a nested call could
        // never find it borrowed.
        let mut scratch = SCRATCH.take();
        let out = self.tag_in(text, is_word, &mut scratch);
        SCRATCH.set(scratch);
        out
    }

    fn tag_in(
        &self,
        text: &str,
        is_word: Option<&dyn Fn(&str) -> bool>,
        scratch: &mut Scratch,
    ) -> Vec<Mention> {
        let Scratch {
            raw,
            chars,
            features,
            emissions,
        } = scratch;
        raw.clear();
        raw.extend(text.chars());
        chars.clear();
        chars.extend(raw.iter().map(|&c| lexmatch::fold(c)));
        let (raw, chars) = (&*raw, &chars[..]);
        self.featurizer.features_for_decoding(chars, features);
        let mut labels = self.model.decode_with(features, emissions);
        let emissions = &emissions[..];
        // The third-character rule compares labellings with the model's best one,
        // scored before the rules below change it.
        let best = is_word.map(|w| (w, self.model.path_score(emissions, &labels)));
        let lists = relabel_name_lists(chars, emissions, &self.model, &mut labels);
        join_foreign_names(chars, &mut labels, self);
        extend_foreign_names(chars, &mut labels, self);
        if let Some((is_word, best)) = best {
            let model = &self.model;
            take_third_char(chars, emissions, model, best, &mut labels, self, is_word);
        }
        let mut out = Vec::new();
        for (s, e, kind) in label::spans(&labels) {
            let e = trim_end(chars, s, e, kind);
            let s = if kind == MentionKind::Person {
                take_surname(chars, &labels, s, e, self)
            } else {
                s
            };
            // Posts of one character are not trained (see `train::examples::ANY`);
            // a lone one is a stray guess.
            if kind == MentionKind::Title && e - s == 1 {
                continue;
            }
            // A one-character place is a short form (中 of 中美关系, 京 of 在京, 奥 of
            // 奥运) that stands for its place only inside the word it belongs to: as a
            // node it is junk. MSRA and People's Daily annotate them, news2007 never.
            if kind == MentionKind::Place && e - s == 1 {
                continue;
            }
            // A bare surname before a form of address (吴小姐) names nobody.
            if kind == MentionKind::Person
                && e - s == 1
                && self.address_terms.iter().any(|t| chars[e..].starts_with(t))
            {
                continue;
            }
            let mut push = |s: usize, e: usize| {
                out.push(Mention {
                    start: s,
                    end: e,
                    kind,
                    text: raw[s..e].iter().collect(),
                })
            };
            let split = (kind == MentionKind::Person)
                .then(|| {
                    // Inside a list, where names are known to follow each other,
                    // four characters are two names as readily as one.
                    let in_list = lists.iter().any(|&(a, b)| a <= s && e <= b);
                    split_names(&chars[s..e], self, if in_list { 4 } else { 5 })
                })
                .flatten();
            match split {
                Some(lengths) => {
                    let mut a = s;
                    for len in lengths {
                        push(a, a + len);
                        a += len;
                    }
                }
                None => push(s, e),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn persons(tagger: &Tagger, s: &str) -> Vec<String> {
        tagger
            .tag(s)
            .into_iter()
            .filter(|m| m.kind == MentionKind::Person)
            .map(|m| m.text)
            .collect()
    }

    #[test]
    fn a_list_of_names_is_read_as_names_only() {
        let tagger = Tagger::embedded(&Lexicon::embedded());
        assert_eq!(
            persons(&tagger, "出席的有：陈东陈南孙勇孙英吴江吴河刘淇刘毅"),
            ["陈东", "陈南", "孙勇", "孙英", "吴江", "吴河", "刘淇", "刘毅"]
        );
        // Names with words between them are no list: the words stay words.
        let p = persons(&tagger, "李明和王刚在会上说张华与赵强都来了");
        assert!(p.iter().all(|n| n.chars().count() <= 3), "{p:?}");
    }

    #[test]
    fn a_list_printed_with_spaces_ends_each_name_at_its_space() {
        let tagger = Tagger::embedded(&Lexicon::embedded());
        let names = [
            "陈东",
            "陈南",
            "孙勇",
            "孙英",
            "吴江",
            "吴河",
            "刘淇",
            "刘毅",
            "张德和",
            "王征",
            "李汉",
        ];
        // With spaces, with the geta mark news of the GB era prints for them, and
        // with a note after a name.
        for sep in [" ", "〓"] {
            let text = format!("出席的有：{}", names.join(sep)).replace("陈南", "陈南（女）");
            assert_eq!(persons(&tagger, &text), names, "{text}");
        }
    }

    #[test]
    fn a_third_character_the_labeller_nearly_took_is_taken_in() {
        let tagger = Tagger::embedded(&Lexicon::embedded());
        let words = ["来说", "回答", "记者", "提问", "不想"];
        let with = |text: &str| -> Vec<String> {
            tagger
                .tag_with_words(text, Some(&|w: &str| words.contains(&w)))
                .into_iter()
                .filter(|m| m.kind == MentionKind::Person)
                .map(|m| m.text)
                .collect()
        };
        for (text, short, whole) in [
            ("讨论结束后翁领国回答记者提问。", "翁领", "翁领国"),
            ("莫嘉昉不想待在铁路局了。", "莫嘉", "莫嘉昉"),
        ] {
            assert_eq!(persons(&tagger, text), [short]);
            assert_eq!(with(text), [whole]);
        }
        // Not when the character starts a word with the next one.
        assert_eq!(with("对樊禹来说，这是一次难得的机会。"), ["樊禹"]);
    }

    #[test]
    fn a_one_character_short_form_is_no_place() {
        let tagger = Tagger::embedded(&Lexicon::embedded());
        for text in ["中美两国就食品安全合作达成协议", "颁奖晚会４日晚在京举行"]
        {
            let places: Vec<Mention> = tagger
                .tag(text)
                .into_iter()
                .filter(|m| m.kind == MentionKind::Place)
                .collect();
            assert!(
                places.iter().all(|m| m.end - m.start > 1),
                "{text}: {places:?}"
            );
        }
        let places = |text: &str| -> Vec<String> {
            tagger
                .tag(text)
                .into_iter()
                .filter(|m| m.kind == MentionKind::Place)
                .map(|m| m.text)
                .collect()
        };
        assert_eq!(places("胡锦涛抵达北京"), ["北京"]);
    }

    #[test]
    fn a_bare_surname_before_a_form_of_address_is_no_person() {
        let tagger = Tagger::embedded(&Lexicon::embedded());
        for text in ["吴小姐告诉记者", "马老师为什么不来"] {
            let p = persons(&tagger, text);
            assert!(!p.iter().any(|n| n.chars().count() == 1), "{text}: {p:?}");
        }
    }
}
