//! Shapes of where an article is: a delegation from a district visits a county, and
//! the county's own 县委 stays the county's. Names are made up.

use super::{facts, graph_of, has, names_of};
use crate::graph::NodeKind;

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

#[test]
fn a_place_prefixed_name_and_its_bare_form_are_one() {
    let text = "3月1日,管城回族区南关农贸市场正式开业。南关农贸市场共有摊位200个。区长张三到南关农贸市场调研。";
    assert_eq!(names_of(text, NodeKind::Market), ["管城回族区南关农贸市场"]);
    // The market's short form (南关) does not move the article to 南关区.
    let f = facts(text);
    assert!(
        has(&f, "张三", "holds_position", "区长@管城回族区人民政府"),
        "{f:?}"
    );
}

#[test]
fn where_the_article_is_from_the_places_it_names() {
    // A county's short form read as a common noun is the only place named.
    let f = facts("1月10日,食品项目开工仪式举行。县委书记王成出席并致辞。2023年以来,微山把项目建设作为头等大事。");
    assert!(has(&f, "王成", "holds_position", "书记@微山县委"), "{f:?}");
    // The places after the body in a committee's name (政协苏州市虎丘区…).
    let f = facts("2月21日,区政协主席李立主持召开主席会议。会议审议了《政协苏州市虎丘区第九届委员会委员履职办法》。");
    assert!(
        has(&f, "李立", "holds_position", "主席@虎丘区政协"),
        "{f:?}"
    );
    // Of two counties named as often, the one named first.
    let f = facts("12月18日,九峰镇农贸市场举行启用仪式。县委常委林德志参加。该市场是平和县西部最大的市场,也是南靖县的水果集散地。");
    assert!(
        has(&f, "林德志", "holds_position", "常委@平和县委"),
        "{f:?}"
    );
}

#[test]
fn a_village_named_like_a_county_is_the_village() {
    let places = names_of(
        "3月12日,开发区在贺海村开展义务植树活动。副区长王刚在洪山村查看。",
        NodeKind::Place,
    );
    assert!(places.iter().any(|p| p == "洪山村"), "{places:?}");
    assert!(!places.iter().any(|p| p == "洪山区"), "{places:?}");
}

#[test]
fn an_autonomous_regions_article_has_no_provincial_committee_of_its_own() {
    let f = facts("11月14日,西藏自治区山南市党政代表团一行来湘考察。在湘期间,省委书记、省人大常委会主任杜明会见了代表团一行。杜明说,历届省委高度重视援藏工作。");
    assert!(
        !f.iter()
            .any(|(_, _, what)| what.contains("西藏自治区委") || what.contains("历届")),
        "{f:?}"
    );
}

#[test]
fn a_county_short_form_read_as_a_word_is_no_place() {
    // 友谊 is also the short form of 友谊县; nothing else is in its city.
    let doc = graph_of("11月14日,洛阳市代表团来访。两地增进了干部群众之间的友谊。");
    assert!(
        doc.nodes
            .iter()
            .all(|n| n.name != "友谊县" && n.name != "友谊"),
        "{:?}",
        doc.nodes.iter().map(|n| &n.name).collect::<Vec<_>>()
    );
}

#[test]
fn bodies_named_only_by_their_kind_are_no_nodes() {
    let orgs = names_of(
        "3月5日,全县工作会议召开。各乡镇、辖区街道办、代表团成员参加会议。代表团团长王刚讲话。",
        NodeKind::Organization,
    );
    assert!(!orgs.iter().any(|o| o == "辖区街道办"), "{orgs:?}");
}

#[test]
fn rooms_leaders_and_what_was_studied_are_no_part_of_a_body() {
    let orgs = names_of(
        "5月25日,县长许荣盛率经贸代表团到访。市长李明在上海市政府贵宾厅会见代表团,传达黑河指示精神和省委要求。",
        NodeKind::Organization,
    );
    assert!(
        orgs.iter()
            .all(|o| !o.contains("贵宾厅") && !o.contains('率') && !o.contains("精神")),
        "{orgs:?}"
    );
}

#[test]
fn a_bare_organ_is_of_the_place_written_before_it_in_the_sentence() {
    let f = facts(
        "3月4日,三亚市委书记王祺扬,市委副书记、市长陈希会见了文昌市委书记龙卫东,市委副书记、市长曹树育率领的文昌市党政代表团一行。文昌市党政代表团考察了文昌市的项目。",
    );
    assert!(
        has(&f, "陈希", "holds_position", "市长@三亚市人民政府"),
        "{f:?}"
    );
    assert!(
        has(&f, "曹树育", "holds_position", "市长@文昌市人民政府"),
        "{f:?}"
    );
}

#[test]
fn and_before_a_county_organ_or_its_term_is_no_county() {
    // 和县 is a county of Anhui; 县政府和县人大, 《…》和县妇联, 负责同志和县人大常委会 and
    // 会议和县十六届… name none.
    let next_meeting = "3月21日下午,县委副书记、县长房一荣主持召开县政府党组(扩大)会议和县十六届第9次政府常务会议。";
    for text in [
        "3月5日,县委召开常委会会议。县委书记陆明远主持会议,县委、县政府和县人大、县政协领导出席。会议审议了《关于表彰先进的请示》和县妇联《关于召开会议的请示》。",
        "标题\n\n3月25日,县人大常委会召开第36次会议。县委副书记张时民列席会议。县政府有关部门主要负责同志和县人大常委会相关工委委员列席会议。",
        next_meeting,
    ] {
        let places = names_of(text, NodeKind::Place);
        assert!(!places.iter().any(|p| p.contains("和县")), "{places:?}");
        let f = facts(text);
        assert!(!f.iter().any(|(_, _, w)| w.contains("和县")), "{f:?}");
    }
    let f = facts(next_meeting);
    assert!(
        has(&f, "房一荣", "chaired", "县十六届第9次政府常务会议"),
        "{f:?}"
    );
}

#[test]
fn a_delegation_come_from_another_city_leaves_the_hosts_their_own() {
    // The guests' city is named more than the hosts' (乐山市, 来乐), but in the clause
    // that tells them coming.
    let f = facts("本报讯(记者 罗文远)4月15日,内江市委书记韩书平,市委副书记、市长秦立山率内江市党政代表团来乐考察。市委书记孟德川,市委副书记、市长齐远航陪同考察。孟德川代表市委、市政府对内江市党政代表团表示欢迎,并介绍了乐山市经济社会发展情况。");
    let holds = |who: &str, post: &str| f.contains(&(who.into(), "holds_position", post.into()));
    assert!(holds("孟德川", "书记@乐山市委"), "{f:?}");
    assert!(holds("齐远航", "市长@乐山市人民政府"), "{f:?}");
    assert!(holds("韩书平", "书记@内江市委"), "{f:?}");
    assert!(holds("秦立山", "市长@内江市人民政府"), "{f:?}");
}

#[test]
fn a_town_named_like_a_park_of_another_city_is_no_jurisdiction() {
    // 农业示范园区 is a town of 海陵区 (泰州市) by that name alone.
    let f = facts("本报讯 昨日,客商一行莅临眉山市考察。市委常委、统战部部长孟德川陪同。考察组一行先后来到岷江现代农业示范园区、经开新区等地,实地考察眉山市产业发展情况。");
    assert!(
        f.contains(&("孟德川".into(), "holds_position", "常委@眉山市委".into())),
        "{f:?}"
    );
}

#[test]
fn a_visiting_delegation_s_district_holds_its_district_posts() {
    // The story is the county visited; the delegation's 区 posts are of its own
    // district, named only in the group's name.
    let f = facts(
        "12月10日,延安市六届人大代表宝塔区代表团赴延长县开展交叉视察。区人大常委会主任张立,区人大常委会副主任李德华参加视察。延长县人大常委会主任王强陪同视察。",
    );
    assert!(
        has(&f, "张立", "holds_position", "主任@宝塔区人大常委会"),
        "{f:?}"
    );
    assert!(
        has(&f, "王强", "holds_position", "主任@延长县人大常委会"),
        "{f:?}"
    );
}
