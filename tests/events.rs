//! Event frames on real shapes of government news: who chaired, attended and spoke,
//! headline and body agreeing, datelines and relative dates, and references back to
//! a person by pronoun or post. Fixture articles are loaded with `include_str!`.

use std::collections::BTreeSet;
use zhkg::graph::{GraphDoc, NodeKind};
use zhkg::query::Query;

/// Written for this test: every shape of issue "event frames" in one short report.
const SHAPES: &str = include_str!("fixtures/articles/shapes.md");
const SAMPLE: &str = include_str!("../data/articles/000_402698db3ce9f400.txt");
const JINSHUI: &str = include_str!("fixtures/articles/jinshui.md");

mod common;
use common::build;

fn rows(
    doc: &GraphDoc,
    f: impl Fn(&Query) -> zhkg::Result<zhkg::query::Answer>,
) -> BTreeSet<(String, String)> {
    f(&Query::new(doc))
        .unwrap()
        .rows
        .into_iter()
        .map(|r| (r.relation, r.name))
        .collect()
}

fn set(items: &[(&str, &str)]) -> BTreeSet<(String, String)> {
    items
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn one_meeting_with_its_chair_speakers_and_attendee_lists() {
    let doc = build(&[(SHAPES, "shapes.md")]);
    // Headline and body name one meeting; 昨天上午 in a 3月5日 dateline is 03-04.
    let meetings: Vec<_> = doc
        .nodes
        .iter()
        .filter(|n| n.name == "全市安全生产工作会议")
        .collect();
    assert_eq!(meetings.len(), 1);
    assert_eq!(meetings[0].date.as_deref(), Some("03-04"));
    assert_eq!(meetings[0].time.as_deref(), Some("上午"));
    let got = rows(&doc, |q| q.attendees("全市安全生产工作会议"));
    let want = set(&[
        ("chaired", "王志强"),  // 会议由…王志强主持
        ("spoke_at", "王志强"), // 王市长在会上要求
        ("attended", "李明"),   // 李明出席会议并讲话
        ("spoke_at", "李明"),   // …并讲话; 他强调
        ("attended", "陈立"),   // 出席会议的还有：…
        ("attended", "周红"),
        ("attended", "孙悦"),
        ("attended", "刘刚"),
        ("attended", "赵敏"),
    ]);
    assert_eq!(got, want);
}

#[test]
fn titles_before_sub_lists_and_jurisdiction_from_the_dateline() {
    let doc = build(&[(SHAPES, "shapes.md")]);
    let posts = |p: &str| rows(&doc, |q| q.positions(p));
    for p in ["陈立", "周红", "孙悦"] {
        assert_eq!(posts(p), set(&[("副主任", "洛阳市人大常委会")]), "{p}");
    }
    for p in ["刘刚", "赵敏"] {
        assert_eq!(posts(p), set(&[("副主席", "洛阳市政协")]), "{p}");
    }
    assert_eq!(
        posts("王志强"),
        set(&[("副书记", "洛阳市委"), ("市长", "洛阳市人民政府")])
    );
}

#[test]
fn a_meeting_with_guests_is_chaired_by_the_host() {
    let doc = build(&[(SHAPES, "shapes.md")]);
    let got = rows(&doc, |q| q.attendees("会见"));
    assert_eq!(got, set(&[("chaired", "李明"), ("attended", "张伟")]));
    let meeting = doc
        .nodes
        .iter()
        .find(|n| n.kind == NodeKind::Event && n.name == "会见")
        .unwrap();
    assert_eq!(meeting.date.as_deref(), Some("03-05"));
}

#[test]
fn no_person_is_made_from_a_post_or_a_pronoun() {
    let doc = build(&[(SHAPES, "shapes.md")]);
    let people: BTreeSet<&str> = doc
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Person)
        .map(|n| n.name.as_str())
        .collect();
    let want: BTreeSet<&str> = [
        "王志强",
        "李明",
        "陈立",
        "周红",
        "孙悦",
        "刘刚",
        "赵敏",
        "张伟",
    ]
    .into_iter()
    .collect();
    assert_eq!(people, want);
}

#[test]
fn several_articles_share_people_and_keep_events_apart() {
    let doc = build(&[
        (SAMPLE, "sample.txt"),
        (JINSHUI, "jinshui.md"),
        (SHAPES, "shapes.md"),
    ]);
    // 陈立 of 金水区 (郑州) and 陈立 of 洛阳 share a name, not a place: two people,
    // each at the meeting of their own article.
    let chen: Vec<&str> = doc
        .nodes
        .iter()
        .filter(|n| n.name == "陈立")
        .map(|n| n.id.as_str())
        .collect();
    assert_eq!(chen.len(), 2);
    let q = Query::new(&doc);
    assert!(q.events("陈立").is_err(), "an ambiguous name picks no one");
    let mut events: Vec<Vec<String>> = chen
        .iter()
        .map(|id| {
            q.events(id)
                .unwrap()
                .rows
                .into_iter()
                .map(|r| r.name)
                .collect()
        })
        .collect();
    events.sort();
    assert_eq!(
        events,
        [
            vec!["全区安全生产工作会议".to_string()],
            vec!["全市安全生产工作会议".to_string()]
        ]
    );
}
