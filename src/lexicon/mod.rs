//! Domain lexicons: plain-text files under `data/lexicon/` come in (embedded in the
//! binary, or read from a folder given with `--lexicon` that overrides them file by
//! file), and typed look-up tables for the recognisers go out. Lexicons are data, not
//! code, so that a user can teach zhkg a new post or organ without a rebuild.

// FxHash: the grammar looks words up in these for every token, and SipHash was a
// twentieth of a corpus build; the keys come from our own lexicon files.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

mod index;
mod load;
mod lookup;
mod places;

pub use index::word_map;
use index::Index;
pub use lookup::mostly_in;
pub use places::{is_division_name, place_prefixes, place_stem};

/// The other parties than the Communist Party (the democratic parties), whose local
/// committees are named party + place + organ like the Party's (民革贵州省委,
/// 致公党天津市委会, 农工党北京市委).
pub const OTHER_PARTIES: &[&str] = &[
    "农工党",
    "民革",
    "民盟",
    "民建",
    "民进",
    "致公党",
    "九三学社",
    "台盟",
];

/// The level of an administrative division.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceLevel {
    /// 省, 自治区, 直辖市.
    Province,
    /// 地级市, 州, 盟.
    Prefecture,
    /// 区, 县, 县级市, 旗.
    County,
    /// 镇, 乡, 街道.
    Town,
    /// Countries, rivers, mountains, regions: no place in the hierarchy.
    Other,
}

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Full name (惠济区).
    pub name: String,
    /// Level.
    pub level: PlaceLevel,
    /// Parent's full name, when known.
    pub parent: Option<String>,
}

/// What a role verb says about the people before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RoleVerb {
    /// 主持.
    Chaired,
    /// 出席, 参加.
    Attended,
    /// 讲话, 强调.
    SpokeAt,
    /// 召开, 举行 (an organisation holds an event).
    Held,
    /// 会见, 会晤: hosts before the verb, guests after it, the verb is the event.
    Meets,
    /// 拜会, 拜访: callers before the verb, the one called on (who hosts) after it,
    /// the verb is the event.
    CallsOn,
}

/// All look-up tables used by the extractor.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Post heads; the value is true for heads of a people's government (区长).
    titles: HashMap<String, bool>,
    /// Posts that name their own organ (国务委员): they take no organ from the list
    /// before them.
    national_titles: HashSet<String>,
    /// Rank prefixes (副, 常务副…), longest first.
    title_prefixes: Vec<String>,
    /// Organ suffixes with their class, longest first.
    org_suffixes: Vec<(String, Option<String>)>,
    /// One-word organisations, with the full organ name when the word is an abbreviation.
    org_abbrev: HashMap<String, Option<String>>,
    /// Event heads and their event type, longest first.
    events: Vec<(String, String)>,
    /// Groups of interchangeable event modifiers.
    event_synonyms: Vec<Vec<String>>,
    /// Role verbs.
    role_verbs: HashMap<String, RoleVerb>,
    /// Words after a name that mark it as a person.
    person_cues: HashSet<String>,
    /// Forms of address that follow a bare surname (吴小姐, 张奶奶, 马老师).
    address_terms: Vec<String>,
    /// Market heads, longest first.
    markets: Vec<String>,
    /// Words that are never names.
    not_names: HashSet<String>,
    /// Word endings that are never organs (布局, 干部).
    not_organs: Vec<String>,
    /// Gazetteer names that are common words in running text (城区, 辖区).
    not_places: HashSet<String>,
    /// Phrases of jieba's dictionary that jieba must cut (应邀前来, tagged as a name).
    not_words: Vec<String>,
    /// Single-character surnames.
    surnames: HashSet<char>,
    /// Two-character surnames.
    double_surnames: HashSet<String>,
    /// Characters of transliterated foreign names.
    translit_chars: HashSet<char>,
    /// Characters of Tibetan, Mongolian, Yi and Dai names, which have no Han surname.
    minority_name_chars: HashSet<char>,
    /// Hash indexes over the suffix and prefix lists, built by `finish`.
    index: Index,
    /// Gazetteer by full name.
    places: HashMap<String, Place>,
    /// Short forms (郑州 → 郑州市) that map to exactly one full name.
    place_short: HashMap<String, String>,
    /// National leadership posts with their organ (国务院总理).
    national_posts: HashSet<String>,
    /// Their short forms that name the post alone after a name (总理).
    national_short_posts: Vec<String>,
    /// One-character short forms of provinces (湘 → 湖南省).
    province_abbrevs: HashMap<char, String>,
    /// Town names shared by towns of several counties, with those counties.
    shared_town_names: HashMap<String, Vec<String>>,
}

/// The characters of the levels of division, as written fused to an organ (区委, 县政府).
pub const JURISDICTION_CHARS: [char; 7] = ['省', '市', '区', '县', '旗', '镇', '乡'];

impl Lexicon {
    /// Whether `w` is a department's name without its 部 (组织, 宣传, 统战), as written
    /// before 部长 (组织部长).
    pub fn is_department_stem(&self, w: &str) -> bool {
        w.chars().count() == 2 && self.org_abbrev().contains_key(format!("{w}部").as_str())
    }

    /// Whether `w` is a bureau's name without its 局 (公安 of 公安局长, 财政 of
    /// 财政局长), as a bureau's head is written: the bureau is in `org_abbrev`.
    pub fn is_bureau_stem(&self, w: &str) -> bool {
        (2..=4).contains(&w.chars().count())
            && self.org_abbrev().contains_key(format!("{w}局").as_str())
    }

    /// The province a one-character short form stands for (湘 → 湖南省), from
    /// `province_abbrevs.txt`.
    pub fn province_of_abbrev(&self, short: char) -> Option<&str> {
        self.province_abbrevs.get(&short).map(String::as_str)
    }

    /// The `titles` table (see the field's documentation).
    pub fn titles(&self) -> &HashMap<String, bool> {
        &self.titles
    }

    /// The `org_suffixes` table (see the field's documentation).
    pub fn org_suffixes(&self) -> &[(String, Option<String>)] {
        &self.org_suffixes
    }

    /// The `org_abbrev` table (see the field's documentation).
    pub fn org_abbrev(&self) -> &HashMap<String, Option<String>> {
        &self.org_abbrev
    }

    /// The `events` table (see the field's documentation).
    pub fn events(&self) -> &[(String, String)] {
        &self.events
    }

    /// The `role_verbs` table (see the field's documentation).
    pub fn role_verbs(&self) -> &HashMap<String, RoleVerb> {
        &self.role_verbs
    }

    /// The `places` table (see the field's documentation).
    pub fn places(&self) -> &HashMap<String, Place> {
        &self.places
    }

    /// The `place_short` table (see the field's documentation).
    pub fn place_short(&self) -> &HashMap<String, String> {
        &self.place_short
    }

    /// Whether a post as written (organ and title) is a national leadership post
    /// (`national_posts.txt`): the whole post is one the file lists, once a term in
    /// front (第十四届, 十四届) and then the country's name (中华人民共和国, 中国) or the
    /// party's before 中央 (中共中央书记处书记 for 中央书记处书记) are set aside. A
    /// post that only contains one (全国人大常委会委员长会议组成人员,
    /// 国务院总理办公室副主任, 美国国务院总理) or shares words with one (全国人大代表,
    /// 省长) is not.
    pub fn is_national_post(&self, post: &str) -> bool {
        let post = without_term(post);
        let listed = |p: &str| self.national_posts.contains(p);
        listed(post)
            || ["中华人民共和国", "中国"]
                .iter()
                .any(|country| post.strip_prefix(country).is_some_and(listed))
            || post
                .strip_prefix("中共")
                .filter(|p| p.starts_with("中央"))
                .is_some_and(listed)
    }

    /// The short form of a national leadership post that `text` starts with, if any
    /// (总书记 of 总书记在…): written right after a name, it names the post alone.
    pub fn national_short_post(&self, text: &str) -> Option<&str> {
        self.national_short_posts
            .iter()
            .find(|p| text.starts_with(p.as_str()))
            .map(String::as_str)
    }

    /// Whether `text` holds the short form of a national leadership post anywhere.
    pub fn names_national_short_post(&self, text: &str) -> bool {
        self.national_short_posts
            .iter()
            .any(|p| text.contains(p.as_str()))
    }

    /// The `national_titles` table (see the field's documentation).
    pub fn national_titles(&self) -> &HashSet<String> {
        &self.national_titles
    }

    /// The `title_prefixes` table (see the field's documentation).
    pub fn title_prefixes(&self) -> &[String] {
        &self.title_prefixes
    }

    /// The `event_synonyms` table (see the field's documentation).
    pub fn event_synonyms(&self) -> &[Vec<String>] {
        &self.event_synonyms
    }

    /// The `person_cues` table (see the field's documentation).
    pub fn person_cues(&self) -> &HashSet<String> {
        &self.person_cues
    }

    /// The `address_terms` table (see the field's documentation).
    pub fn address_terms(&self) -> &[String] {
        &self.address_terms
    }

    /// The `markets` table (see the field's documentation).
    pub fn markets(&self) -> &[String] {
        &self.markets
    }

    /// The `not_names` table (see the field's documentation).
    pub fn not_names(&self) -> &HashSet<String> {
        &self.not_names
    }

    /// The `not_organs` table (see the field's documentation).
    pub fn not_organs(&self) -> &[String] {
        &self.not_organs
    }

    /// The `not_places` table (see the field's documentation).
    pub fn not_places(&self) -> &HashSet<String> {
        &self.not_places
    }

    /// The `not_words` table (see the field's documentation).
    pub fn not_words(&self) -> &[String] {
        &self.not_words
    }

    /// The `surnames` table (see the field's documentation).
    pub fn surnames(&self) -> &HashSet<char> {
        &self.surnames
    }

    /// The `double_surnames` table (see the field's documentation).
    pub fn double_surnames(&self) -> &HashSet<String> {
        &self.double_surnames
    }

    /// The `translit_chars` table (see the field's documentation).
    pub fn translit_chars(&self) -> &HashSet<char> {
        &self.translit_chars
    }
}

/// `post` without the term of office it starts with (第十四届, 十四届), if any.
fn without_term(post: &str) -> &str {
    let rest = post.strip_prefix('第').unwrap_or(post);
    let number: usize = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || "〇零一二三四五六七八九十百".contains(*c))
        .map(char::len_utf8)
        .sum();
    match rest[number..].strip_prefix('届') {
        Some(after) if number > 0 => after,
        _ => post,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_posts_match_the_whole_post() {
        let lex = Lexicon::embedded();
        for post in [
            "国务院总理",
            "中共中央总书记",
            "中共中央政治局常委",
            "国家主席",
            "第十四届全国人大常委会委员长",
            "十四届全国人大常委会副委员长",
            "中华人民共和国国务院总理",
            "中共中央书记处书记",
            "中共中央纪委书记",
            "中国全国政协主席",
        ] {
            assert!(lex.is_national_post(post), "{post}");
        }
        // Near misses: a local post, a post that contains a national one, and posts
        // of national bodies that are not its leaders.
        for post in [
            "河南省人民政府省长",
            "总理",
            "省长",
            "副省长",
            "河南省委书记",
            "全国人大代表",
            "十四届全国人大代表",
            "全国政协委员",
            "中共中央候补委员",
            "中央候补委员",
            "全国人大常委会委员",
            "全国人大常委会委员长会议组成人员",
            "国务院总理办公室副主任",
            "美国国务院总理",
            "中共国务院总理",
            "第十四届",
            "",
        ] {
            assert!(!lex.is_national_post(post), "{post}");
        }
    }

    #[test]
    fn terms_are_set_aside() {
        assert_eq!(without_term("第十四届全国人大"), "全国人大");
        assert_eq!(without_term("十四届全国人大"), "全国人大");
        assert_eq!(without_term("第14届全国人大"), "全国人大");
        assert_eq!(without_term("第一书记"), "第一书记");
        assert_eq!(without_term("届时"), "届时");
    }
}
