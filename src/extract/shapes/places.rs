//! Shapes of where an article is: a delegation from a district visits a county, and
//! the county's own 县委 stays the county's. Names are made up.

use super::facts;

#[test]
fn a_countys_posts_beside_a_visiting_districts() {
    let f = facts(
        "海珠区代表团到琼中考察\n\n2月26日,广州市海珠区委副书记、区长陈卓良率海珠区党政代表团到琼中黎族苗族自治县考察。琼中县委书记符永强会见了陈卓良一行。县委副书记、县长王雪娥主持座谈会。海珠区委常委李嘉欣参加座谈。海珠区将深化协作。",
    );
    assert!(
        f.iter()
            .any(|(s, r, o)| s == "王雪娥" && *r == "holds_position" && o.starts_with("县长@琼中")),
        "{f:?}"
    );
    assert!(
        !f.iter()
            .any(|(s, _, o)| s == "王雪娥" && o.contains("海珠")),
        "{f:?}"
    );
    assert!(
        f.iter()
            .any(|(s, r, o)| s == "陈卓良" && *r == "holds_position" && o.contains("海珠区")),
        "{f:?}"
    );
}

#[test]
fn a_towns_party_committee_fused_with_its_post() {
    let f = facts("城关镇召开会议\n\n3月5日,城关镇召开会议。镇党委书记王强主持会议,镇长李明出席。");
    assert!(
        f.contains(&("王强".into(), "holds_position", "书记@城关镇党委".into())),
        "{f:?}"
    );
    // 航空港区: 区 ends the zone's name, and the zone's 党工委 is no district's.
    let f = facts("3月5日,郑州市召开会议。航空港区党工委书记韩振东主持会议。");
    assert!(
        !f.iter()
            .any(|(s, _, o)| s == "韩振东" && o.ends_with("@区党工委")),
        "{f:?}"
    );
}

#[test]
fn an_autonomous_regions_organs() {
    let f = facts(
        "广西召开会议\n\n8日,广西壮族自治区召开会议。自治区党委书记王大海出席。自治区发展改革委主任黄志坚参加。",
    );
    assert!(
        f.contains(&(
            "王大海".into(),
            "holds_position",
            "书记@广西壮族自治区党委".into()
        )),
        "{f:?}"
    );
    assert!(
        f.contains(&(
            "黄志坚".into(),
            "holds_position",
            "主任@广西壮族自治区发展改革委".into()
        )),
        "{f:?}"
    );
}

#[test]
fn the_centre_of_the_work_and_some_departments_are_no_bodies() {
    let names = super::names_of(
        "3月5日,区委召开会议。党员干部要聚焦全区中心工作。部分部、委、办负责同志参加会议。",
        crate::graph::NodeKind::Organization,
    );
    assert!(
        !names
            .iter()
            .any(|n| n.ends_with("中心") || n.starts_with("部分")),
        "{names:?}"
    );
}
