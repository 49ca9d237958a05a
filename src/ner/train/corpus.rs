//! The training corpus: which files are read, how often each is repeated, and
//! what is added to them.

use super::augment::{
    augment, kind_pool, name_lists, Pools, CLUENER_AUGMENT, PEOPLES_DAILY_AUGMENT,
};
use super::examples::{examples, peoples_daily_1998_examples, Example};
use super::overlap::{runs, scored_texts, shares_a_run};
use crate::eval::GoldFormat;
use crate::mention::MentionKind;
use crate::ner::label::Label;

/// People's Daily dev sentences held out from training (the first ones of the
/// file): `zhkg eval --limit 800 …/peoples-daily/dev.bio` scores only unseen text.
pub const PEOPLES_DAILY_HOLDOUT: usize = 800;

/// How many times each People's Daily sentence is seen per pass: the only corpus
/// in the style of MSRA and of the news zhkg reads, and the smallest.
pub const PEOPLES_DAILY_REPEAT: usize = 9;

/// How many times each CLUENER training sentence is seen per pass: the one news
/// corpus that annotates posts, outweighed by the extra corpora that do not.
pub const CLUENER_REPEAT: usize = 2;

/// Synthetic name lists added by default (see [`name_lists`]).
pub const NAME_LISTS: usize = 300;

/// The allowed training splits of `../shared/eval/`, relative to that folder. The
/// report-only sets (`msra/test.bio`, `resume/test.bmes`) and the CLUENER dev set
/// are never read.
pub const TRAIN_FILES: [&str; 4] = [
    "peoples-daily/dev.bio",
    "cluener2020/train.jsonl",
    "resume/train.bmes",
    "resume/dev.bmes",
];

/// The MSRA NER training split (not the report-only test split), as
/// `scripts/fetch_training_data.sh` writes it into the extra folder: one
/// `char<SPACE>tag` a line, BMES tags over PER/LOC/ORG.
pub const MSRA_TRAIN: &str = "msra_train.bio";

/// The People's Daily January 1998 segmented and POS-tagged corpus (`word/tag`
/// separated by spaces, one paragraph a line), as the same script writes it.
pub const PEOPLES_DAILY_1998: &str = "pd199801.txt";

/// The training examples and, per file, how many sentences were taken from it.
pub type Corpus = (Vec<Example>, Vec<(String, usize)>);

/// What [`corpus`] reads and how often.
#[derive(Debug, Clone)]
pub struct CorpusOptions {
    /// People's Daily dev sentences (from the start) kept out of training.
    pub peoples_daily_holdout: usize,
    /// How many times each People's Daily dev sentence is seen per pass.
    pub peoples_daily_repeat: usize,
    /// How many times each CLUENER training sentence is seen per pass.
    pub cluener_repeat: usize,
    /// How many synthetic name lists with no separators are added (see
    /// [`name_lists`]).
    pub name_lists: usize,
    /// The folder of [`MSRA_TRAIN`] and [`PEOPLES_DAILY_1998`], when they are used.
    pub extra: Option<std::path::PathBuf>,
}

impl Default for CorpusOptions {
    fn default() -> Self {
        CorpusOptions {
            peoples_daily_holdout: PEOPLES_DAILY_HOLDOUT,
            peoples_daily_repeat: PEOPLES_DAILY_REPEAT,
            cluener_repeat: CLUENER_REPEAT,
            name_lists: NAME_LISTS,
            extra: None,
        }
    }
}

/// Reads the training corpus: every file of [`TRAIN_FILES`] in `dir`, People's
/// Daily without its first `opts.peoples_daily_holdout` sentences and repeated
/// `opts.peoples_daily_repeat` times, and the extra corpora when `opts.extra` names
/// their folder. Returns the examples and, per file, how many sentences were taken.
pub fn corpus(dir: &std::path::Path, opts: &CorpusOptions) -> crate::Result<Corpus> {
    let (peoples_daily_holdout, peoples_daily_repeat) =
        (opts.peoples_daily_holdout, opts.peoples_daily_repeat);
    let mut out = Vec::new();
    let mut summary = Vec::new();
    let mut person_pool: Vec<String> = Vec::new();
    let mut post_ends: std::collections::HashMap<char, usize> = Default::default();
    for name in TRAIN_FILES {
        let path = dir.join(name);
        let format = GoldFormat::guess(&path).expect("known extension");
        let set = crate::eval::read_gold(&path, format)?;
        for m in set.sentences.iter().flat_map(|s| &s.entities) {
            if let (MentionKind::Title, Some(c)) = (m.kind, m.text.chars().last()) {
                *post_ends.entry(c).or_default() += 1;
            }
        }
        let mut ex = examples(&set);
        if name.starts_with("peoples-daily") {
            ex.drain(..peoples_daily_holdout.min(ex.len()));
            repeat(&mut ex, peoples_daily_repeat);
            let train = &set.sentences[peoples_daily_holdout.min(set.sentences.len())..];
            let pools = Pools {
                person: kind_pool(train, MentionKind::Person),
                place: kind_pool(train, MentionKind::Place),
                organization: kind_pool(train, MentionKind::Organization),
            };
            person_pool.extend(pools.person.iter().cloned());
            ex.extend(augment(
                train,
                format,
                &pools,
                0x0005_EED0_FA11,
                PEOPLES_DAILY_AUGMENT,
            ));
        }
        if format == GoldFormat::Cluener {
            repeat(&mut ex, opts.cluener_repeat);
            let pools = Pools {
                person: kind_pool(&set.sentences, MentionKind::Person),
                place: Vec::new(),
                organization: Vec::new(),
            };
            ex.extend(augment(
                &set.sentences,
                format,
                &pools,
                0x00C1_0E4E,
                CLUENER_AUGMENT,
            ));
        }
        summary.push((name.to_string(), ex.len()));
        out.extend(ex);
    }
    if let Some(extra) = &opts.extra {
        let ((ex, s), names) = extra_corpus(dir, extra, peoples_daily_holdout)?;
        out.extend(ex);
        summary.extend(s);
        person_pool.extend(names);
    }
    let post_ends: std::collections::HashSet<char> = post_ends
        .into_iter()
        .filter(|&(_, n)| n >= POST_END_MIN)
        .map(|(c, _)| c)
        .collect();
    for ex in &mut out {
        close_posts_off_their_ends(ex, &post_ends);
    }
    person_pool.sort();
    person_pool.dedup();
    let lists = name_lists(&person_pool, opts.name_lists, 0x4E41_4D45);
    summary.push(("synthetic name lists".to_string(), lists.len()));
    out.extend(lists);
    Ok((out, summary))
}

/// The extra corpora of `opts.extra`, without any text that repeats a scored
/// sentence, and per file how many sentences were dropped for it.
fn extra_corpus(
    data: &std::path::Path,
    extra: &std::path::Path,
    peoples_daily_holdout: usize,
) -> crate::Result<(Corpus, Vec<String>)> {
    let scored = runs(scored_texts(data, peoples_daily_holdout)?);
    let mut out = Vec::new();
    let mut summary = Vec::new();
    let mut keep = |ex: Vec<Example>, label: String| {
        let before = ex.len();
        let kept: Vec<Example> = ex
            .into_iter()
            .filter(|e| !shares_a_run(&e.text, &scored))
            .collect();
        let dropped = before - kept.len();
        summary.push((
            format!("{label}; dropped {dropped} repeating scored text"),
            kept.len(),
        ));
        out.extend(kept);
    };
    let msra = crate::eval::read_gold(extra.join(MSRA_TRAIN), GoldFormat::Bio)?;
    let names = kind_pool(&msra.sentences, MentionKind::Person);
    keep(examples(&msra), MSRA_TRAIN.to_string());
    let path = extra.join(PEOPLES_DAILY_1998);
    let content = std::fs::read_to_string(&path).map_err(|e| crate::Error::io(&path, e))?;
    keep(
        peoples_daily_1998_examples(&content),
        format!("{PEOPLES_DAILY_1998} (persons only)"),
    );
    Ok(((out, summary), names))
}

/// `ex` followed by `times - 1` more copies of itself.
fn repeat(ex: &mut Vec<Example>, times: usize) {
    let once = ex.clone();
    for _ in 1..times {
        ex.extend(once.iter().cloned());
    }
}

/// How often an annotated post must end in a character for open posts to end there.
const POST_END_MIN: usize = 2;

/// Where a corpus leaves posts open, lets them end only in a character that the
/// corpora annotating posts end them in (长, 员, 理, 家, 手…). Left wholly open, the
/// perceptron learns its own stray guesses back as posts (政府, 玉米).
fn close_posts_off_their_ends(ex: &mut Example, ends: &std::collections::HashSet<char>) {
    let title_end = Label::TitleEnd.bit();
    for (a, c) in ex.allowed.iter_mut().zip(ex.text.chars()) {
        if *a & title_end != 0 && *a != title_end && !ends.contains(&c) {
            *a &= !title_end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::gold::parse_gold;
    use std::path::Path;

    #[test]
    fn open_posts_end_only_where_annotated_posts_end() {
        let set = parse_gold(
            "市\tO\n长\tO\n米\tO\n\n",
            Path::new("x.bio"),
            GoldFormat::Bio,
        )
        .unwrap();
        let mut ex = examples(&set).remove(0);
        let title_end = Label::TitleEnd.bit();
        assert!(ex.allowed.iter().all(|a| a & title_end != 0));
        close_posts_off_their_ends(&mut ex, &['长'].into_iter().collect());
        let ends: Vec<bool> = ex.allowed.iter().map(|a| a & title_end != 0).collect();
        assert_eq!(ends, [false, true, false]);
        // An annotated post keeps its end whatever the character.
        let mut ann = Example {
            text: "选手".to_string(),
            allowed: vec![Label::TitleBegin.bit(), title_end],
        };
        close_posts_off_their_ends(&mut ann, &Default::default());
        assert_eq!(ann.allowed[1], title_end);
    }

    #[test]
    fn repeat_appends_whole_copies() {
        let example = |text: &str| Example {
            text: text.to_string(),
            allowed: vec![Label::Outside.bit(); text.chars().count()],
        };
        let mut ex = vec![example("甲"), example("乙")];
        repeat(&mut ex, 1);
        assert_eq!(ex.len(), 2);
        repeat(&mut ex, 3);
        let texts: Vec<&str> = ex.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(texts, ["甲", "乙", "甲", "乙", "甲", "乙"]);
    }
}
