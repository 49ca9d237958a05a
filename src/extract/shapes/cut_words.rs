//! Shapes where the segmenter cuts or joins words wrongly and the reading depends on
//! putting them back: a verb of arrival fused with a place, a name's last character
//! fused with the word after it, a short place form read as an adverb, 暨 fused with
//! the next word. Names are made up.

use super::{dated_events, facts, has, names_of};
use crate::graph::NodeKind;

#[test]
fn a_visit_whose_arrival_verb_is_fused_with_the_place() {
    // jieba reads 到安马 as one place.
    let f = facts("2月7日,县委书记张福杰,县长范庆法到安马大营二号地施工现场进行了调研指导。");
    assert!(has(&f, "张福杰", "attended", "调研指导"), "{f:?}");
    assert!(has(&f, "范庆法", "attended", "调研指导"), "{f:?}");
}

#[test]
fn names_given_back_their_last_character() {
    let f = facts("3月21日,全省工作会议召开。市政府秘书长严冬梅在宜宾分会场参加会议。社区党委书记白雪梅作表态发言。");
    assert!(has(&f, "严冬梅", "attended", "工作会议"), "{f:?}");
    assert!(has(&f, "白雪梅", "spoke_at", "工作会议"), "{f:?}");
    let f = facts("9月14日,全市推进会召开。市发展改革委主任元春和、市商务局局长王卫参加会议。");
    assert!(has(&f, "元春和", "attended", "推进会"), "{f:?}");
    assert!(has(&f, "王卫", "attended", "推进会"), "{f:?}");
}

#[test]
fn a_county_read_as_an_adverb_before_its_committee() {
    // jieba tags 正定 as an adverb; 古城 of 古城保护 is a common word, not 古城区.
    let f = facts(
        "正定县委召开常委会\n\n7月28日,正定县委召开常委会会议。县委书记邢国强主持会议。会议研究了古城保护利用工作。",
    );
    assert!(
        has(&f, "邢国强", "holds_position", "书记@正定县委"),
        "{f:?}"
    );
}

#[test]
fn occasions_joined_by_a_fused_conjunction_and_widened_sittings() {
    let events = dated_events("6月5日,兴隆镇举办2024年中国农民丰收节暨首届农民趣味运动会。");
    assert!(
        events
            .iter()
            .any(|(n, _)| n.ends_with("中国农民丰收节暨首届农民趣味运动会")),
        "{events:?}"
    );
    let events = dated_events("4月18日,县委理论学习中心组举行2024年第三次集体学习（扩大）会议。");
    assert!(
        events
            .iter()
            .any(|(n, _)| n == "2024年第三次集体学习（扩大）会议"),
        "{events:?}"
    );
    let events =
        dated_events("9月27日,全市安委会第五次全体(扩大)会议暨中秋国庆假期安全防范工作会议召开。");
    assert!(
        events
            .iter()
            .any(|(n, _)| n.ends_with("第五次全体(扩大)会议暨中秋国庆假期安全防范工作会议")),
        "{events:?}"
    );
}

#[test]
fn names_that_start_with_ji_keep_it() {
    let orgs = names_of(
        "5月2日,暨南大学校长宋献中出席签约仪式。",
        NodeKind::Organization,
    );
    assert!(orgs.iter().any(|o| o == "暨南大学"), "{orgs:?}");
}

#[test]
fn verbs_of_electing_and_lying_somewhere_are_no_part_of_a_body() {
    let text = "1月5日,县十八届人大五次会议举行预备会议,选举产生大会主席团和秘书长。";
    let orgs = names_of(text, NodeKind::Organization);
    assert!(!orgs.iter().any(|o| o.contains("产生")), "{orgs:?}");
}

#[test]
fn a_name_keeps_out_the_conjunction_before_a_group() {
    let f =
        facts("11月8日,省委书记梁保华会见了访问团。省委统战部部长丁珉及有关方面负责人参加了会见。");
    assert!(has(&f, "丁珉", "attended", "会见"), "{f:?}");
    assert!(!f.iter().any(|x| x.0.contains("丁珉及")), "{f:?}");
}

#[test]
fn the_one_who_leads_or_announces_is_no_part_of_a_body() {
    let f = facts("8月5日,市委书记高文娟率市党政代表团到昆山考察。");
    assert!(has(&f, "高文娟", "attended", "考察"), "{f:?}");
    let orgs = names_of(
        "新疆维吾尔自治区党委书记章春明宣布世博会开幕。",
        NodeKind::Organization,
    );
    assert!(orgs.iter().all(|o| !o.contains("章春明")), "{orgs:?}");
}

#[test]
fn a_name_run_into_the_place_word_after_it() {
    let f = facts("3月1日,市十七届人大三次会议开幕。市长汪吉在主席台就座。");
    assert!(has(&f, "汪吉", "attended", "三次会议"), "{f:?}");
}

#[test]
fn a_name_keeps_out_the_verb_of_a_report() {
    let f = facts("9月1日,省人大常委会第三次会议举行。会议听取了省政府副秘书长秦鹏作的关于2017年环境状况的报告。");
    assert!(has(&f, "秦鹏", "spoke_at", "第三次会议"), "{f:?}");
}
