//! Sentences and tokens: normalised article text comes in; sentences (with their
//! character offsets in the article) and jieba-rs tokens with part-of-speech tags go
//! out. The lexicons are added to jieba as user words so that posts, organ names,
//! event nouns and place names come out whole.

use crate::lexicon::Lexicon;
use jieba_rs::Jieba;

/// A sentence of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// The text, trimmed.
    pub text: String,
    /// Offset of its first character in the article's normalised body, in characters.
    pub start: usize,
}

/// A part-of-speech tag (jieba's, or one of ours such as `nnt`, `nev`), kept inline:
/// every token has one, and a heap string each was a measurable share of the build's
/// allocations. Tags are a few ASCII letters; a longer one is cut at 15 bytes.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tag {
    len: u8,
    bytes: [u8; 15],
}

impl Tag {
    /// The tag `s` (its first 15 bytes, cut at a character boundary).
    pub fn new(s: &str) -> Tag {
        let mut len = s.len().min(15);
        while !s.is_char_boundary(len) {
            len -= 1;
        }
        let mut bytes = [0u8; 15];
        bytes[..len].copy_from_slice(&s.as_bytes()[..len]);
        Tag {
            len: len as u8,
            bytes,
        }
    }

    /// The tag as text.
    pub fn as_str(&self) -> &str {
        // SAFETY: `new` is the only constructor and copies whole characters of a
        // `str`. Checking the bytes again was a tenth of the cost of categorising a
        // token, which compares its tag several times.
        unsafe { std::str::from_utf8_unchecked(&self.bytes[..usize::from(self.len)]) }
    }
}

impl std::ops::Deref for Tag {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Tag {
    fn from(s: &str) -> Tag {
        Tag::new(s)
    }
}

impl PartialEq<str> for Tag {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Tag {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Debug for Tag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Tag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A token: `start..end` in characters of its sentence. The word is borrowed from
/// the sentence: the grammar keeps its own copy of each word only once it has cut
/// and categorised them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The word.
    pub word: &'a str,
    /// jieba's part-of-speech tag, or ours for lexicon words (`nnt` post, `nev` event).
    pub tag: Tag,
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

fn is_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n')
}

fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '）' | ')' | '"' | '\'')
}

/// Splits text on 。！？； and line ends, keeping closing quotes with their sentence.
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let chars: Vec<char> = text.chars().collect();
    // Where each character starts in `text` (and one past the end), so that a sentence
    // is copied as one slice instead of re-encoded character by character.
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect();
    let text = Chars {
        chars: &chars,
        bytes: &bytes,
        text,
    };
    let mut out = Vec::new();
    let mut begin = 0;
    let mut i = 0;
    while i < chars.len() {
        if is_terminator(chars[i]) {
            let mut end = i + 1;
            if chars[i] != '\n' {
                while end < chars.len()
                    && (is_closer(chars[end]) || is_terminator(chars[end]) && chars[end] != '\n')
                {
                    end += 1;
                }
            }
            push_trimmed(&text, begin, end, &mut out);
            begin = end;
            i = end;
        } else {
            i += 1;
        }
    }
    push_trimmed(&text, begin, chars.len(), &mut out);
    out
}

/// A text's characters, with their byte offsets in it.
struct Chars<'a> {
    chars: &'a [char],
    bytes: &'a [usize],
    text: &'a str,
}

/// The longest sentence handed on, in characters. Text with no sentence ends (a
/// 10 MB file on one line, a table, arbitrary input) would otherwise become one
/// sentence, and the stages after this one are not linear in sentence length. Real
/// sentences of news stay far below this.
pub const MAX_SENTENCE_CHARS: usize = 256;

/// Characters after which an overly long sentence may be cut: clause punctuation
/// and white space, so a cut rarely falls inside a name.
fn is_soft_break(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '、' | '：' | ':' | '…' | ' ' | '\t' | '\u{3000}'
    )
}

fn push_trimmed(text: &Chars, begin: usize, end: usize, out: &mut Vec<Sentence>) {
    let chars = text.chars;
    let mut begin = begin;
    while end - begin > MAX_SENTENCE_CHARS {
        // Cut after the last soft break in the second half of the window, else hard.
        let limit = begin + MAX_SENTENCE_CHARS;
        let cut = (begin + MAX_SENTENCE_CHARS / 2..limit)
            .rev()
            .find(|&i| is_soft_break(chars[i]))
            .map_or(limit, |i| i + 1);
        push_piece(text, begin, cut, out);
        begin = cut;
    }
    push_piece(text, begin, end, out);
}

fn push_piece(text: &Chars, mut begin: usize, mut end: usize, out: &mut Vec<Sentence>) {
    let chars = text.chars;
    while begin < end && chars[begin].is_whitespace() {
        begin += 1;
    }
    while end > begin && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    if begin < end {
        // Copied exactly: a corpus build keeps every sentence until resolution.
        let text = text.text[text.bytes[begin]..text.bytes[end]].to_string();
        out.push(Sentence { text, start: begin });
    }
}

/// jieba with zhkg's lexicons loaded. Build once and share: loading takes a while.
pub struct Segmenter {
    jieba: Jieba,
}

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Segmenter")
    }
}

impl Segmenter {
    /// jieba's default dictionary plus the lexicons' words.
    pub fn new(lex: &Lexicon) -> Segmenter {
        let mut jieba = Jieba::new();
        for (word, tag) in lex.user_words() {
            jieba.add_word(&word, None, Some(tag));
        }
        // Short place names (惠济 for 惠济区) only where jieba has no word of its own:
        // 和平 stays the common word rather than becoming 和平区.
        let mut stems: Vec<&String> = lex.place_short.keys().collect();
        stems.sort();
        for stem in stems {
            if !jieba.has_word(stem) {
                jieba.add_word(stem, None, Some("ns"));
            }
        }
        Segmenter { jieba }
    }

    /// Whether jieba's dictionary (or ours) has the word.
    pub fn has_word(&self, w: &str) -> bool {
        self.jieba.has_word(w)
    }

    /// Tags a sentence.
    pub fn tokens<'a>(&'a self, text: &'a str) -> impl ExactSizeIterator<Item = Token<'a>> {
        self.jieba.tag(text, true).into_iter().map(|t| Token {
            word: t.word,
            tag: Tag::new(t.tag),
            start: t.start,
            end: t.end,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_keep_closing_quotes_and_offsets() {
        let s = split_sentences("他说:“好。”然后走了!\n第二行");
        let texts: Vec<_> = s.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["他说:“好。”", "然后走了!", "第二行"]);
        assert_eq!(s[1].start, 7);
        assert_eq!(s[2].start, 13);
    }

    #[test]
    fn overly_long_sentences_are_cut_at_a_comma_or_hard() {
        let long = format!("{}，{}", "字".repeat(200), "词".repeat(600));
        let s = split_sentences(&long);
        assert!(s
            .iter()
            .all(|s| s.text.chars().count() <= MAX_SENTENCE_CHARS));
        assert_eq!(s[0].text.chars().count(), 201, "cut after the comma");
        assert_eq!(s[1].start, 201);
        let total: usize = s.iter().map(|s| s.text.chars().count()).sum();
        assert_eq!(total, 801, "nothing lost");
        assert_eq!(split_sentences(&"字".repeat(600)).len(), 3);
    }

    #[test]
    fn lexicon_words_come_out_whole() {
        let seg = Segmenter::new(&Lexicon::embedded());
        let words: Vec<_> = seg
            .tokens("马军主持召开党政联席会议")
            .map(|t| t.word)
            .collect();
        assert!(words.contains(&"党政联席会议"), "{words:?}");
    }
}
