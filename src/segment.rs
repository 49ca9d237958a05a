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
    // One pass over the text, each sentence copied as one slice of it: no character
    // vector of the whole body, a large fresh allocation per article whose pages the
    // kernel would zero each time.
    let mut out = Vec::new();
    // Where the current sentence begins, in characters and in bytes; characters read.
    let (mut begin, mut begin_byte, mut at) = (0, 0, 0);
    let mut it = text.char_indices().peekable();
    // The last character that is not white space: a colon ending a line opens a list
    // on the next (出席会议的有：⏎王刚、李明), which is still its sentence.
    let mut last_seen = ' ';
    while let Some((_, c)) = it.next() {
        at += 1;
        if !is_terminator(c) {
            if !c.is_whitespace() {
                last_seen = c;
            }
            continue;
        }
        if c == '\n' && matches!(last_seen, '：' | ':') {
            continue;
        }
        last_seen = c;
        if c != '\n' {
            while it
                .next_if(|&(_, d)| is_closer(d) || is_terminator(d) && d != '\n')
                .is_some()
            {
                at += 1;
            }
        }
        let end_byte = it.peek().map_or(text.len(), |&(b, _)| b);
        push_trimmed(&text[begin_byte..end_byte], begin, at - begin, &mut out);
        begin = at;
        begin_byte = end_byte;
    }
    push_trimmed(&text[begin_byte..], begin, at - begin, &mut out);
    out
}

/// The longest sentence handed on, in characters. Text with no sentence ends (a
/// 10 MB file on one line, a table, arbitrary input) would otherwise become one
/// sentence, and the stages after this one are not linear in sentence length. Real
/// sentences of news stay far below this.
pub const MAX_SENTENCE_CHARS: usize = 512;

/// Characters after which an overly long sentence may be cut: clause punctuation
/// and white space, so a cut rarely falls inside a name.
fn is_soft_break(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '、' | '：' | ':' | '…' | ' ' | '\t' | '\u{3000}'
    )
}

/// Pushes `piece` (`len` characters, starting at character `begin` of the text), cut
/// into pieces of at most [`MAX_SENTENCE_CHARS`].
fn push_trimmed(mut piece: &str, mut begin: usize, mut len: usize, out: &mut Vec<Sentence>) {
    while len > MAX_SENTENCE_CHARS {
        // Cut after the last soft break in the second half of the window, else hard:
        // (characters, bytes) before the cut.
        let mut cut = (MAX_SENTENCE_CHARS, piece.len());
        let mut soft = None;
        for (k, (b, c)) in piece.char_indices().enumerate() {
            if k == MAX_SENTENCE_CHARS {
                cut.1 = b;
                break;
            }
            if k >= MAX_SENTENCE_CHARS / 2 && is_soft_break(c) {
                soft = Some((k + 1, b + c.len_utf8()));
            }
        }
        let (n, b) = soft.unwrap_or(cut);
        push_piece(&piece[..b], begin, out);
        piece = &piece[b..];
        begin += n;
        len -= n;
    }
    push_piece(piece, begin, out);
}

fn push_piece(piece: &str, begin: usize, out: &mut Vec<Sentence>) {
    let text = piece.trim_start_matches(char::is_whitespace);
    let begin = begin + piece[..piece.len() - text.len()].chars().count();
    let text = text.trim_end_matches(char::is_whitespace);
    if !text.is_empty() {
        // Copied exactly: a corpus build keeps every sentence until resolution.
        out.push(Sentence {
            text: text.to_string(),
            start: begin,
        });
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
        // Frequency 0: jieba never takes the phrase whole, and cuts it into its words.
        for word in lex.not_words() {
            jieba.add_word(word, Some(0), None);
        }
        for (word, tag) in lex.user_words() {
            jieba.add_word(&word, None, Some(tag));
        }
        // Short place names (惠济 for 惠济区) only where jieba has no word of its own:
        // 和平 stays the common word rather than becoming 和平区.
        let mut stems: Vec<&String> = lex.place_short().keys().collect();
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
        // The comma stands in the second half of the first window.
        let before = MAX_SENTENCE_CHARS / 2 + 100;
        let long = format!(
            "{}，{}",
            "字".repeat(before),
            "词".repeat(2 * MAX_SENTENCE_CHARS)
        );
        let s = split_sentences(&long);
        assert!(s
            .iter()
            .all(|s| s.text.chars().count() <= MAX_SENTENCE_CHARS));
        assert_eq!(s[0].text.chars().count(), before + 1, "cut after the comma");
        assert_eq!(s[1].start, before + 1);
        let total: usize = s.iter().map(|s| s.text.chars().count()).sum();
        assert_eq!(total, before + 1 + 2 * MAX_SENTENCE_CHARS, "nothing lost");
        assert_eq!(
            split_sentences(&"字".repeat(2 * MAX_SENTENCE_CHARS + 88)).len(),
            3
        );
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
