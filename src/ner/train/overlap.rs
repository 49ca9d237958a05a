//! Keeping scored text out of training: the extra corpora share paragraphs with the
//! report-only sets (MSRA's test split and the 1998 People's Daily corpus do), and
//! a training sentence that repeats a scored one would inflate its score.

use crate::eval::GoldFormat;

/// Length of the character runs that make a training sentence "the same text" as
/// a scored one: long enough that datelines and stock phrases do not count.
const OVERLAP_RUN: usize = 15;

/// Hashes of every [`OVERLAP_RUN`]-character run of the texts.
pub(super) fn runs(texts: impl IntoIterator<Item = String>) -> std::collections::HashSet<u64> {
    texts.into_iter().flat_map(|t| run_hashes(&t)).collect()
}

pub(super) fn shares_a_run(text: &str, set: &std::collections::HashSet<u64>) -> bool {
    run_hashes(text).iter().any(|h| set.contains(h))
}

/// The hash of each [`OVERLAP_RUN`]-character window of `text`.
fn run_hashes(text: &str) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(OVERLAP_RUN)
        .map(|w| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect()
}

/// The text of every scored sentence: the report-only sets, CLUENER dev and the
/// held-out People's Daily sentences. Read only so that no extra training text
/// repeats them (MSRA's test split and the 1998 corpus share paragraphs).
pub(super) fn scored_texts(
    dir: &std::path::Path,
    peoples_daily_holdout: usize,
) -> crate::Result<Vec<String>> {
    let mut out = Vec::new();
    for (name, limit) in [
        ("msra/test.bio", usize::MAX),
        ("resume/test.bmes", usize::MAX),
        ("cluener2020/dev.jsonl", usize::MAX),
        ("peoples-daily/dev.bio", peoples_daily_holdout),
    ] {
        let path = dir.join(name);
        if !path.exists() {
            continue;
        }
        let format = GoldFormat::guess(&path).expect("known extension");
        let set = crate::eval::read_gold(&path, format)?;
        out.extend(set.sentences.into_iter().take(limit).map(|s| s.text));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_repeating_a_scored_sentence_is_found() {
        let scored = runs(["新华社北京一月一日电国家主席江泽民今天发表新年讲话".to_string()]);
        assert!(shares_a_run(
            "据报道，国家主席江泽民今天发表新年讲话。",
            &scored
        ));
        assert!(!shares_a_run("新华社北京一月一日电", &scored));
    }
}
