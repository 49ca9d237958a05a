//! Where an article places the persons and events it names: an [`Anchor`], the
//! administrative place as a path from the province down, from a person's own posts
//! (the place of the post's organisation), an event's organiser, or else the
//! article's jurisdiction (its dateline and the divisions it is about).

use crate::extract::{ArticleFacts, EntityMention, Jurisdiction};
use crate::graph::Relation;
use crate::lexicon::{Lexicon, PlaceLevel};
use crate::mention::MentionKind;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// An administrative place as a path from the province down (province, prefecture,
/// county); empty when nothing is known. A municipality (北京市) is its own
/// prefecture: 北京市/北京市/朝阳区. The names are the gazetteer's, borrowed: an
/// anchor is made for every person of every article, and copied into every key.
#[derive(Debug, Clone, Copy, Default, Hash)]
pub(super) struct Anchor<'l> {
    /// The first `depth` are the path; the rest are empty.
    path: [&'l str; 3],
    depth: u8,
}

/// Whether two names of anchors are the same. Names borrowed from one gazetteer are
/// mostly the same string at the same address: comparing the bytes only when the
/// addresses differ took identity's passes, which compare anchors all the time, a
/// third of their time.
fn same(a: &str, b: &str) -> bool {
    std::ptr::eq(a, b) || a == b
}

impl PartialEq for Anchor<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.depth == other.depth && self.path.iter().zip(&other.path).all(|(a, b)| same(a, b))
    }
}

impl Eq for Anchor<'_> {}

impl Ord for Anchor<'_> {
    /// By the path's names, then by depth.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        for (a, b) in self.path.iter().zip(&other.path) {
            if !same(a, b) {
                match a.cmp(b) {
                    std::cmp::Ordering::Equal => {}
                    unequal => return unequal,
                }
            }
        }
        self.depth.cmp(&other.depth)
    }
}

impl PartialOrd for Anchor<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The country, as the anchor of a national leader (a province of its own, which
/// contains no other place).
const NATION: &str = "中华人民共和国";

impl<'l> Anchor<'l> {
    /// The anchor of a national leader: the country (see `national_posts.txt`).
    pub(super) fn nation() -> Anchor<'static> {
        Anchor::of_path(&[NATION])
    }

    pub(super) fn is_nation(&self) -> bool {
        self.depth == 1 && self.path[0] == NATION
    }

    /// The anchor of a path from the province down (at most three names).
    pub(super) fn of_path(names: &[&'l str]) -> Anchor<'l> {
        let mut a = Anchor::default();
        for (slot, n) in a.path.iter_mut().zip(names) {
            *slot = n;
        }
        a.depth = names.len().min(3) as u8;
        a
    }

    /// The anchor of a gazetteer place (full or short name); empty when it is none
    /// or not in the hierarchy.
    pub(super) fn of_place(lex: &'l Lexicon, name: &str) -> Anchor<'l> {
        let (mut province, mut prefecture, mut county) = (None, None, None);
        for p in lex.place_chain(name) {
            match p.level {
                PlaceLevel::Province => province = Some(p.name.as_str()),
                PlaceLevel::Prefecture => prefecture = Some(p.name.as_str()),
                PlaceLevel::County => county = Some(p.name.as_str()),
                PlaceLevel::Town | PlaceLevel::Other => {}
            }
        }
        Anchor::from_levels(province, prefecture, county)
    }

    /// The anchor of an article's jurisdiction (whose names are the gazetteer's).
    fn of_jurisdiction(lex: &'l Lexicon, j: &Jurisdiction) -> Anchor<'l> {
        let name = |n: &Option<String>| {
            n.as_deref()
                .and_then(|n| lex.place(n))
                .map(|p| p.name.as_str())
        };
        let (prefecture, county) = (name(&j.prefecture), name(&j.county));
        let province = name(&j.province).or_else(|| {
            // A prefecture or county without its province: the gazetteer knows it.
            county.or(prefecture).and_then(|n| {
                lex.place_chain(n)
                    .into_iter()
                    .find(|p| p.level == PlaceLevel::Province)
                    .map(|p| p.name.as_str())
            })
        });
        Anchor::from_levels(province, prefecture, county)
    }

    fn from_levels(
        province: Option<&'l str>,
        prefecture: Option<&'l str>,
        county: Option<&'l str>,
    ) -> Anchor<'l> {
        let Some(province) = province else {
            return Anchor::default();
        };
        // A district straight under a municipality: the municipality is its city.
        match (prefecture.or(county.map(|_| province)), county) {
            (None, _) => Anchor::of_path(&[province]),
            (Some(p), None) => Anchor::of_path(&[province, p]),
            (Some(p), Some(c)) => Anchor::of_path(&[province, p, c]),
        }
    }

    /// The path's first `depth` names.
    pub(super) fn truncated(mut self, depth: usize) -> Anchor<'l> {
        for slot in self.path.iter_mut().skip(depth) {
            *slot = "";
        }
        self.depth = self.depth.min(depth as u8);
        self
    }

    pub(super) fn depth(&self) -> usize {
        usize::from(self.depth)
    }

    fn names(&self) -> &[&'l str] {
        &self.path[..self.depth()]
    }

    /// Whether `self` is `other` or a place above it.
    pub(super) fn contains(&self, other: &Anchor) -> bool {
        other.names().starts_with(self.names())
    }

    /// The most precise place, for messages; the prefecture and county of a
    /// municipality's district read 北京市朝阳区.
    pub(super) fn label(&self) -> String {
        match self.names() {
            [] => String::new(),
            [p] => p.to_string(),
            [p, c] if p == c => p.to_string(),
            [_, c] => c.to_string(),
            [_, c, d] => format!("{c}{d}"),
            [.., last] => last.to_string(),
        }
    }

    /// The anchor as written in identity keys.
    pub(super) fn key(&self) -> String {
        self.names().join("/")
    }
}

/// A post as written, in two borrowed parts: the organisation (`金水区委`) and the
/// title (`副书记`, or empty).
pub(super) type Post<'f> = (&'f str, &'f str);

/// Where an article places a person, and why.
#[derive(Debug, Clone, Copy)]
pub(super) struct Placed<'l> {
    pub anchor: Anchor<'l>,
    /// The post that gave the place, as the indexes of its organisation mention and
    /// of its fact (see [`Placed::post`]); `None` when the article's jurisdiction did.
    post: Option<(u32, u32)>,
}

impl Placed<'_> {
    /// Whether a post placed the person (not the article, nor nothing).
    pub(super) fn by_post(&self) -> bool {
        self.post.is_some()
    }

    /// The post that gave the place, as written in `f` (the article placed).
    pub(super) fn post<'f>(&self, f: &'f ArticleFacts) -> Option<Post<'f>> {
        self.post.map(|(o, fact)| {
            let org = f.ents[o as usize].canonical();
            // A post with no organ is its own title.
            let title = f.facts[fact as usize].title().filter(|t| *t != org);
            (org, title.unwrap_or(""))
        })
    }
}

/// Where an article places its persons and its events: worked out once for the
/// corpus's identity decisions, and read again when the article is added.
#[derive(Debug, Default)]
pub(super) struct ArticlePlaces<'l> {
    /// Each person name (by the index of its first mention with a node of its own),
    /// in mention order.
    pub persons: Vec<(u32, Placed<'l>)>,
    /// Each dated event mention with a node of its own, in mention order.
    pub events: Vec<(u32, Anchor<'l>)>,
    /// Each event at which two or more of the article's persons have a role
    /// (chaired, attended, spoke at): the event's mention index and the persons, as
    /// indexes into `persons`, in order.
    pub meetings: Vec<(u32, Vec<u32>)>,
}

impl<'l> ArticlePlaces<'l> {
    pub(super) fn of(lex: &'l Lexicon, f: &ArticleFacts) -> ArticlePlaces<'l> {
        let article = Anchor::of_jurisdiction(lex, &f.jurisdiction);
        let persons = place_persons(lex, f, article);
        let meetings = meetings(f, &persons);
        ArticlePlaces {
            persons,
            events: place_events(lex, f, article),
            meetings,
        }
    }

    /// The place of the event of mention `i`.
    pub(super) fn event(&self, i: usize) -> Option<&Anchor<'l>> {
        self.events
            .binary_search_by_key(&i, |(j, _)| *j as usize)
            .ok()
            .map(|k| &self.events[k].1)
    }
}

/// The jurisdiction place of an organisation mention: the one extraction settled, or
/// the gazetteer place its name starts with.
fn org_anchor<'l>(lex: &'l Lexicon, e: &EntityMention) -> Anchor<'l> {
    if let Some(p) = e.place() {
        let a = Anchor::of_place(lex, p);
        if a.depth() > 0 {
            return a;
        }
    }
    for pre in crate::lexicon::place_prefixes(e.canonical()) {
        if lex.place(pre).is_some() {
            return Anchor::of_place(lex, pre);
        }
    }
    Anchor::default()
}

/// Whether a mention makes a node of its own.
fn own_node(e: &EntityMention) -> bool {
    !e.orphan && e.refers_to().is_none()
}

/// The posts of a person at one place: how many, and the first (indexes of its
/// organisation mention and of its fact).
type PostsAt = (usize, u32, u32);

/// Where the article (at `article`) places each person it names.
fn place_persons<'l>(
    lex: &'l Lexicon,
    f: &ArticleFacts,
    article: Anchor<'l>,
) -> Vec<(u32, Placed<'l>)> {
    // Post places per name: (anchor, how many facts, the first post there).
    let mut posts: FxHashMap<&str, BTreeMap<Anchor, PostsAt>> = FxHashMap::default();
    for (fi, fact) in f.facts.iter().enumerate() {
        if fact.relation != Relation::HoldsPosition {
            continue;
        }
        let (Some(s), Some(t)) = (fact.source.index(), fact.target.index()) else {
            continue;
        };
        let (p, o) = (&f.ents[s], &f.ents[t]);
        if p.kind != MentionKind::Person {
            continue;
        }
        let national = match o.kind {
            MentionKind::Organization => {
                lex.is_national_post(&format!("{}{}", o.canonical(), fact.title().unwrap_or("")))
            }
            // A post with no organ, written in full (国家主席). A short form alone is
            // not enough: 总书记 and 总理 of other countries' parties and governments
            // are written so too.
            MentionKind::Title => lex.is_national_post(&o.text),
            _ => continue,
        };
        let a = if national {
            Anchor::nation()
        } else if o.kind == MentionKind::Organization {
            org_anchor(lex, o)
        } else {
            continue;
        };
        if a.depth() == 0 {
            continue;
        }
        let slot = posts
            .entry(p.canonical())
            .or_default()
            .entry(a)
            .or_insert((0, t as u32, fi as u32));
        slot.0 += 1;
    }
    let national = named_national(lex, f);
    let mut seen: rustc_hash::FxHashSet<&str> = Default::default();
    let mut out = Vec::new();
    for (i, e) in f.ents.iter().enumerate() {
        if e.kind != MentionKind::Person || !own_node(e) || !seen.insert(e.canonical()) {
            continue;
        }
        let placed = match posts.get(e.canonical()) {
            Some(by_place) => {
                // The most precise place of the posts; places that conflict (two
                // cities) are settled by the one more posts name, then by name.
                let mut best: Option<(&Anchor, &PostsAt)> = None;
                for (a, v) in by_place {
                    best = match best {
                        // A national post outranks any other.
                        _ if a.is_nation() => Some((a, v)),
                        Some((b, _)) if b.is_nation() => best,
                        None => Some((a, v)),
                        Some((b, _)) if b.contains(a) && a != b => Some((a, v)),
                        Some((b, _)) if a.contains(b) => best,
                        Some((_, w)) if v.0 > w.0 => Some((a, v)),
                        keep => keep,
                    };
                }
                let (a, &(_, org, fact)) = best.expect("a name with posts has a place");
                Placed {
                    anchor: *a,
                    post: Some((org, fact)),
                }
            }
            // Named in the role of a national leader (习近平总书记), or by the article.
            None if national.contains(e.canonical()) => Placed {
                anchor: Anchor::nation(),
                post: None,
            },
            None => Placed {
                anchor: article,
                post: None,
            },
        };
        out.push((i as u32, placed));
    }
    out
}

/// The persons a mention of whom is followed right away by the short form of a
/// national leadership post (习近平总书记, 李强总理); not a transliterated foreign
/// name (科尔总理).
fn named_national<'f>(lex: &Lexicon, f: &'f ArticleFacts) -> rustc_hash::FxHashSet<&'f str> {
    // Few sentences name such a post at all: only in theirs is the text after a name
    // found (which counts the characters up to it).
    let mut names_one: FxHashMap<usize, bool> = FxHashMap::default();
    f.ents
        .iter()
        .filter(|e| {
            e.kind == MentionKind::Person
                // 科尔总理, 梅德韦杰夫总理: a foreign premier, written as China's are.
                && !is_foreign_name(lex, e.canonical())
                && f.sentences.get(e.sentence()).is_some_and(|s| {
                    *names_one
                        .entry(e.sentence())
                        .or_insert_with(|| lex.names_national_short_post(s))
                        && lex
                            .national_short_post(
                                s.char_indices().nth(e.end()).map_or("", |(b, _)| &s[b..]),
                            )
                            .is_some()
                })
        })
        .map(|e| e.canonical())
        .collect()
}

/// Whether a person's name is written as a foreign one: dotted (阿卜杜拉·居尔), or of
/// transliterating characters without a Chinese surname or longer than Chinese names
/// are (科尔, 梅德韦杰夫; but 马凯).
fn is_foreign_name(lex: &Lexicon, name: &str) -> bool {
    name.contains('·')
        || lex.looks_transliterated(name)
            && (lex.surname_len(name).is_none() || name.chars().count() >= 4)
}

/// The events of an article at which two or more of its persons (`persons`, as
/// placed) have a role: who met whom, for identity by shared colleagues.
fn meetings(f: &ArticleFacts, persons: &[(u32, Placed)]) -> Vec<(u32, Vec<u32>)> {
    let role = |r: Relation| {
        matches!(
            r,
            Relation::Chaired | Relation::Attended | Relation::SpokeAt
        )
    };
    // Most articles have no role at all.
    if persons.len() < 2 || !f.facts.iter().any(|x| role(x.relation)) {
        return Vec::new();
    }
    let slot: FxHashMap<&str, u32> = persons
        .iter()
        .enumerate()
        .map(|(k, (i, _))| (f.ents[*i as usize].canonical(), k as u32))
        .collect();
    let mut at: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for fact in &f.facts {
        if !role(fact.relation) {
            continue;
        }
        let (Some(s), Some(mut t)) = (fact.source.index(), fact.target.index()) else {
            continue;
        };
        // A mention pointing back at the meeting (会议) is the meeting.
        for _ in 0..4 {
            match f.ents[t].refers_to() {
                Some(r) => t = r,
                None => break,
            }
        }
        if let Some(&k) = slot.get(f.ents[s].canonical()) {
            at.entry(t as u32).or_default().push(k);
        }
    }
    at.into_iter()
        .filter_map(|(t, mut who)| {
            who.sort_unstable();
            who.dedup();
            (who.len() >= 2).then_some((t, who))
        })
        .collect()
}

/// Where the article (at `article`) places each dated event it names, by mention
/// index: the place of an organisation that held it, else the article's.
fn place_events<'l>(
    lex: &'l Lexicon,
    f: &ArticleFacts,
    article: Anchor<'l>,
) -> Vec<(u32, Anchor<'l>)> {
    let mut held: FxHashMap<usize, Anchor> = FxHashMap::default();
    for fact in &f.facts {
        if fact.relation != Relation::Held {
            continue;
        }
        let (Some(s), Some(t)) = (fact.source.index(), fact.target.index()) else {
            continue;
        };
        if f.ents[s].kind != MentionKind::Organization {
            continue;
        }
        let a = org_anchor(lex, &f.ents[s]);
        // The first organiser with a place, and the more precise of two compatible.
        match held.get(&t) {
            Some(b) if !(b.contains(&a) && a.depth() > b.depth()) => {}
            _ => {
                if a.depth() > 0 {
                    held.insert(t, a);
                }
            }
        }
    }
    f.ents
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == MentionKind::Event && own_node(e) && e.date().is_some())
        .map(|(i, _)| (i as u32, held.remove(&i).unwrap_or(article)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(p: &[&'static str]) -> Anchor<'static> {
        Anchor::of_path(p)
    }

    #[test]
    fn foreign_premiers_are_no_national_leaders() {
        let lex = Lexicon::embedded();
        for name in ["科尔", "梅德韦杰夫", "阿卜杜拉·居尔"] {
            assert!(is_foreign_name(&lex, name), "{name}");
        }
        for name in ["马凯", "李鹏", "朱镕基"] {
            assert!(!is_foreign_name(&lex, name), "{name}");
        }
    }

    #[test]
    fn anchors_from_the_gazetteer() {
        let lex = Lexicon::embedded();
        assert_eq!(
            Anchor::of_place(&lex, "金水区"),
            a(&["河南省", "郑州市", "金水区"])
        );
        assert_eq!(Anchor::of_place(&lex, "洛阳"), a(&["河南省", "洛阳市"]));
        assert_eq!(
            Anchor::of_place(&lex, "丰台区"),
            a(&["北京市", "北京市", "丰台区"])
        );
        assert_eq!(Anchor::of_place(&lex, "会议"), Anchor::default());
    }
}
