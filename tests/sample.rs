//! The bundled sample article and a second article written for these tests, run
//! through the real pipeline: the facts the product promises must come out of the
//! extractor, not out of anything written for this text.

use std::collections::BTreeSet;
use zhkg::graph::{GraphDoc, NodeKind, Relation};
use zhkg::query::Query;

const SAMPLE: &str = include_str!("../data/articles/000_402698db3ce9f400.txt");
/// Written for this test in the sample's style: another district, other names, a
/// 出席会议的有 list, a 主持会议并讲话 shape and abbreviated organs.
const JINSHUI: &str = include_str!("fixtures/articles/jinshui.md");

mod common;
use common::build;

fn names(doc: &GraphDoc, kind: NodeKind) -> BTreeSet<String> {
    doc.nodes
        .iter()
        .filter(|n| n.kind == kind)
        .map(|n| n.name.clone())
        .collect()
}

fn name_of<'a>(doc: &'a GraphDoc, id: &str) -> &'a str {
    &doc.node(id).expect("edge end exists").name
}

/// (source name, relation, target name, title) of every edge.
fn facts(doc: &GraphDoc) -> BTreeSet<(String, Relation, String, Option<String>)> {
    doc.edges
        .iter()
        .map(|e| {
            (
                name_of(doc, &e.source).to_string(),
                e.relation,
                name_of(doc, &e.target).to_string(),
                e.title.clone(),
            )
        })
        .collect()
}

fn has(doc: &GraphDoc, s: &str, r: Relation, t: &str, title: Option<&str>) -> bool {
    facts(doc).contains(&(s.to_string(), r, t.to_string(), title.map(str::to_string)))
}

#[test]
fn sample_people_are_exactly_the_nine() {
    let doc = build(&[(SAMPLE, "sample.txt")]);
    let expected: BTreeSet<String> = [
        "马军",
        "徐立毅",
        "王新伟",
        "丁文霞",
        "许振",
        "蔺洋",
        "张超",
        "刘雅静",
        "王鹏娟",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert_eq!(names(&doc, NodeKind::Person), expected);
}

#[test]
fn sample_events_and_roles() {
    let doc = build(&[(SAMPLE, "sample.txt")]);
    let meeting = doc
        .nodes
        .iter()
        .find(|n| n.kind == NodeKind::Event && n.name == "党政联席会议")
        .expect("the joint meeting is an event");
    assert_eq!(meeting.date.as_deref(), Some("03-19"));
    assert!(has(&doc, "马军", Relation::Chaired, "党政联席会议", None));
    let ceremony = doc
        .nodes
        .iter()
        .find(|n| n.kind == NodeKind::Event && n.name.contains("牌仪式"))
        .expect("the ceremony is an event");
    assert_eq!(ceremony.date.as_deref(), Some("03-16"));
    // 挂牌仪式 and 揭牌仪式 of one morning are one ceremony, and the merge says why.
    assert!(ceremony
        .aliases
        .iter()
        .chain([&ceremony.name])
        .any(|a| a == "揭牌仪式"));
    assert!(!ceremony.merges.is_empty());
    for p in ["丁文霞", "许振"] {
        assert!(
            has(&doc, p, Relation::Attended, &ceremony.name, None),
            "{p} attended"
        );
    }
    for o in ["郑州市自然资源和规划局惠济分局", "惠济区规划服务中心"] {
        assert!(
            has(&doc, o, Relation::Held, &ceremony.name, None),
            "{o} held"
        );
    }
}

#[test]
fn sample_posts_are_parsed_as_a_grammar() {
    let doc = build(&[(SAMPLE, "sample.txt")]);
    let posts: BTreeSet<(String, String, String)> = facts(&doc)
        .into_iter()
        .filter(|f| f.1 == Relation::HoldsPosition)
        .map(|(p, _, o, t)| (p, t.unwrap_or_default(), o))
        .collect();
    let expected = [
        ("马军", "书记", "惠济区委"),
        ("丁文霞", "副书记", "惠济区委"),
        ("丁文霞", "区长", "惠济区人民政府"),
        ("许振", "党组成员", "郑州市自然资源和规划局"),
        ("许振", "副局长", "郑州市自然资源和规划局"),
        ("徐立毅", "常委", "河南省委"),
        ("徐立毅", "书记", "郑州市委"),
        ("王新伟", "副书记", "郑州市委"),
        ("王新伟", "市长", "郑州市人民政府"),
    ];
    let expected: BTreeSet<(String, String, String)> = expected
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(posts, expected);
}

#[test]
fn sample_bylines_documents_markets_and_branches() {
    let doc = build(&[(SAMPLE, "sample.txt")]);
    let reported: Vec<_> = doc
        .edges
        .iter()
        .filter(|e| e.relation == Relation::Reported)
        .collect();
    let by = |name: &str, role: &str| {
        reported
            .iter()
            .filter(|e| name_of(&doc, &e.source) == name && e.role.as_deref() == Some(role))
            .count()
    };
    assert_eq!(by("蔺洋", "reporter"), 4);
    for c in ["张超", "刘雅静", "王鹏娟"] {
        assert_eq!(by(c, "correspondent"), 1, "{c}");
    }
    assert!(names(&doc, NodeKind::Market).contains("双桥花卉市场"));
    let issued: Vec<_> = facts(&doc)
        .into_iter()
        .filter(|f| f.1 == Relation::Issued && f.0 == "郑州市城乡建设局" && f.2.ends_with("通知"))
        .collect();
    assert_eq!(issued.len(), 2, "{issued:?}");
    assert!(has(
        &doc,
        "郑州市自然资源和规划局惠济分局",
        Relation::PartOf,
        "郑州市自然资源和规划局",
        None
    ));
    // The abbreviated branch is an alias of the full name, with its reason.
    let branch = doc
        .nodes
        .iter()
        .find(|n| n.name == "郑州市自然资源和规划局惠济分局")
        .unwrap();
    assert!(
        branch
            .aliases
            .iter()
            .any(|a| a.contains("资源规划局惠济分局")),
        "{:?}",
        branch.aliases
    );
    assert!(branch
        .merges
        .iter()
        .any(|m| m.reason.contains("abbreviation")));
}

#[test]
fn every_node_and_edge_has_provenance() {
    let doc = build(&[(SAMPLE, "sample.txt")]);
    for n in &doc.nodes {
        assert!(
            !n.evidence.is_empty() || n.kind == NodeKind::Article && n.headline.is_none(),
            "{}",
            n.id
        );
        assert!(n.id.is_ascii());
    }
    for e in &doc.edges {
        assert!(
            !e.evidence.is_empty(),
            "{} {} {}",
            e.source,
            e.relation,
            e.target
        );
        for ev in &e.evidence {
            let chars: Vec<char> = ev.quote.chars().collect();
            assert!(ev.start <= ev.end && ev.end <= chars.len(), "{ev:?}");
        }
    }
    // The mention itself is at quote[start..end].
    let majun = doc.nodes.iter().find(|n| n.name == "马军").unwrap();
    for ev in &majun.evidence {
        let s: String = ev
            .quote
            .chars()
            .skip(ev.start)
            .take(ev.end - ev.start)
            .collect();
        assert_eq!(s, "马军");
    }
}

#[test]
fn second_article_in_another_district() {
    let doc = build(&[(JINSHUI, "jinshui.md")]);
    let expected: BTreeSet<String> = ["王建国", "陈立", "周红", "刘刚", "李华", "赵敏"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(names(&doc, NodeKind::Person), expected);
    let meeting = "全区安全生产工作会议";
    assert!(has(&doc, "王建国", Relation::Chaired, meeting, None));
    assert!(has(&doc, "王建国", Relation::SpokeAt, meeting, None));
    for p in ["陈立", "周红", "刘刚"] {
        assert!(has(&doc, p, Relation::Attended, meeting, None), "{p}");
    }
    assert!(has(
        &doc,
        "王建国",
        Relation::HoldsPosition,
        "金水区委",
        Some("副书记")
    ));
    assert!(has(
        &doc,
        "王建国",
        Relation::HoldsPosition,
        "金水区人民政府",
        Some("区长")
    ));
    for p in ["陈立", "周红"] {
        assert!(
            has(
                &doc,
                p,
                Relation::HoldsPosition,
                "金水区人大常委会",
                Some("副主任")
            ),
            "{p}"
        );
    }
    assert!(has(
        &doc,
        "刘刚",
        Relation::HoldsPosition,
        "金水区政协",
        Some("副主席")
    ));
    // Headline and body name one meeting: one node.
    let meetings = doc
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Event && n.name == meeting)
        .count();
    assert_eq!(meetings, 1);
}

#[test]
fn same_person_in_two_articles_is_one_node() {
    let doc = build(&[(SAMPLE, "sample.txt"), (JINSHUI, "jinshui.md")]);
    let lin = doc.nodes.iter().filter(|n| n.name == "蔺洋").count();
    assert_eq!(lin, 1);
    let q = Query::new(&doc);
    let a = q.attendees("揭牌仪式").unwrap();
    let who: BTreeSet<&str> = a
        .rows
        .iter()
        .filter(|r| r.relation == "attended")
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(who, BTreeSet::from(["丁文霞", "许振"]));
    let e = q.events("马军").unwrap();
    assert!(e
        .rows
        .iter()
        .any(|r| r.relation == "chaired" && r.name == "党政联席会议"));
    assert!(q.events("马骏骏").is_err());
}

#[test]
fn output_does_not_depend_on_article_order() {
    let a = build(&[(SAMPLE, "sample.txt"), (JINSHUI, "jinshui.md")]);
    let b = build(&[(JINSHUI, "jinshui.md"), (SAMPLE, "sample.txt")]);
    assert_eq!(a.to_json(), b.to_json());
}
