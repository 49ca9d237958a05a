//! What extraction gives for one article: its mentions ([`EntityMention`], with the
//! canonical name inside the article), the facts between them ([`Fact`]), the
//! article's jurisdiction, all pinned to a sentence and a character span.

use crate::graph::Relation;
use crate::ingest::Article;
use crate::mention::MentionKind;

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
    pub fn new(
        kind: MentionKind,
        text: String,
        sentence: usize,
        start: usize,
        end: usize,
    ) -> EntityMention {
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
    /// 区 / 县 (and a county-level 市).
    pub county: Option<String>,
    /// 镇 / 乡: only while extracting, where an article about one town calls its
    /// organs 镇党委 and 镇政府; not kept in facts files, whose names are spelled out.
    pub town: Option<String>,
    /// What 市 stands for when it is not the prefecture: a county-level city the
    /// article is about (迁安市委). Only while extracting, like `town`.
    pub city: Option<String>,
    /// The province a visit is written as come to (来湘考察): the hosts' 省委 when the
    /// article's own place is no province (a 西藏自治区 delegation's visit). Only while
    /// extracting, like `town`.
    pub host_province: Option<String>,
    /// What 州 stands for: the usual short name of an autonomous prefecture the
    /// article is in (湘西州 for 湘西土家族苗族自治州). Only while extracting.
    pub autonomous_prefecture: Option<String>,
    /// A county of the other kind than `county` that the article names (琼中黎族苗族自治县
    /// beside 海珠区, whose delegation visits it): what 县委 stands for where `county` is
    /// a district, or 区委 where it is a county. Only while extracting.
    pub other_county: Option<String>,
    /// The one street (潘桥街道) the article names: what 街道办事处, 街道党工委 and a bare
    /// 党工委 or 办事处 are of. Only while extracting, like `town`.
    pub street: Option<String>,
}

impl Jurisdiction {
    /// Makes `place` what the level character `c` stands for.
    pub(crate) fn set_for_char(&mut self, c: char, place: String) {
        match c {
            '省' => self.province = Some(place),
            '市' => self.city = Some(place),
            '区' | '县' | '旗' => {
                self.county = Some(place);
                self.other_county = None;
            }
            '州' => self.autonomous_prefecture = Some(place),
            '镇' | '乡' => self.town = Some(place),
            _ => {}
        }
    }

    /// The name an organ or a post written with `c` gives the place `c` stands for:
    /// a county-level city written with 县 (县政协 in a report on 旬阳, a county until
    /// it became a city) is the county it was then.
    pub(crate) fn name_for_char(&self, c: char) -> Option<String> {
        let place = self.for_char(c)?;
        match place.strip_suffix('市') {
            Some(stem) if c == '县' && self.county.as_deref() == Some(place) => {
                Some(format!("{stem}县"))
            }
            _ => Some(place.to_string()),
        }
    }

    /// The place an abbreviation's first character stands for (市 → 郑州市).
    pub fn for_char(&self, c: char) -> Option<&str> {
        match c {
            // An autonomous region (西藏自治区) has no 省委: a 省委 its article names
            // is another province's.
            '省' => self
                .province
                .as_deref()
                .filter(|p| p.ends_with('省'))
                .or(self.host_province.as_deref().filter(|p| p.ends_with('省'))),
            // In an article about a county-level city, 市委 is that city's.
            // 北京市, 天津市…: a municipality is a province and a city at once.
            // A prefecture that is no city (临夏回族自治州, 阿里地区) has no 市委.
            '市' => self
                .city
                .as_deref()
                .or(self.prefecture.as_deref().filter(|p| p.ends_with('市')))
                .or(self.province.as_deref().filter(|p| p.ends_with('市'))),
            '区' | '县' => self
                .county
                .as_deref()
                .filter(|n| !n.ends_with(['区', '县']) || n.ends_with(c))
                .or(self.other_county.as_deref().filter(|n| n.ends_with(c)))
                .or(self.county.as_deref()),
            // A banner (旗) is a county of Inner Mongolia: 旗委 is only a banner's.
            '旗' => self.county.as_deref().filter(|c| c.ends_with('旗')),
            '州' => self.autonomous_prefecture.as_deref(),
            '镇' | '乡' => self.town.as_deref(),
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
