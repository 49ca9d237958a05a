//! The sentence shapes of local government news that the passes read, one test each,
//! run through the whole article pipeline: the people, posts and roles a reader takes
//! from them. Names here are made up; the shapes come from real reports.

mod cut_words;
mod lists;
mod names;
mod occasions;
mod places;

use crate::extract::test_extractor;
use crate::graph::{GraphDoc, NodeKind, Relation};
use std::collections::BTreeSet;

/// (person, relation, event name or `title@organisation`) of a text built as an article;
/// the other tests of the passes use it too.
pub(super) fn facts(text: &str) -> BTreeSet<(String, &'static str, String)> {
    let doc = graph_of(text);
    doc.edges
        .iter()
        .filter_map(|e| {
            let (s, t) = (doc.node(&e.source)?, doc.node(&e.target)?);
            let what = match e.relation {
                Relation::HoldsPosition => {
                    format!("{}@{}", e.title.clone().unwrap_or_default(), t.name)
                }
                Relation::Chaired | Relation::Attended | Relation::SpokeAt => t.name.clone(),
                _ => return None,
            };
            (s.kind == NodeKind::Person).then(|| (s.name.clone(), e.relation.as_str(), what))
        })
        .collect()
}

pub(super) fn has(
    f: &BTreeSet<(String, &'static str, String)>,
    who: &str,
    rel: &str,
    what: &str,
) -> bool {
    f.iter()
        .any(|(w, r, x)| w == who && *r == rel && x.contains(what))
}

#[test]
fn people_seated_on_the_rostrum_attend() {
    let f = facts("1月29日,省政协举行第四次全体会议。主席团常务主席王成、李立在主席台前排就坐。");
    assert!(has(&f, "王成", "attended", "全体会议"), "{f:?}");
    assert!(has(&f, "李立", "attended", "全体会议"), "{f:?}");
}

#[test]
fn a_posts_own_meeting_and_its_attendees() {
    let f = facts(
        "3月2日,区委副书记、区长刘长安主持召开区长办公会。区领导赵红旗、周海港、李卫东参加。",
    );
    assert!(has(&f, "刘长安", "chaired", "区长办公会"), "{f:?}");
    // Given names that are places' short forms (长安, 红旗, 海港, 卫东) stay people.
    for who in ["赵红旗", "周海港", "李卫东"] {
        assert!(has(&f, who, "attended", "区长办公会"), "{who}: {f:?}");
    }
}

#[test]
fn a_long_list_after_the_occasion() {
    let f = facts("1月20日,市委市政府举行春节团拜会。出席团拜会的领导同志有：王建国、李明、张伟、刘洋、陈刚。");
    for who in ["王建国", "李明", "张伟", "刘洋", "陈刚"] {
        assert!(has(&f, who, "attended", "团拜会"), "{who}: {f:?}");
    }
}

#[test]
fn visitors_to_our_county_and_their_companions() {
    let f = facts("5月3日,省委常委王建国一行到我县调研乡村振兴工作，县委书记李明陪同。");
    assert!(has(&f, "王建国", "attended", "调研"), "{f:?}");
    assert!(has(&f, "李明", "attended", "调研"), "{f:?}");
    let f = facts("7月14日,县人大常委会主任汤小娥督导长湖乡防汛抗灾工作。");
    assert!(has(&f, "汤小娥", "attended", "督导"), "{f:?}");
}

#[test]
fn unveiling_together_and_announcing_the_start() {
    let f = facts("6月1日,张家镇农贸市场揭牌仪式举行。副县长王刚宣布开工，县委书记李明、县长赵强共同为市场揭牌。");
    assert!(has(&f, "王刚", "spoke_at", "揭牌仪式"), "{f:?}");
    assert!(has(&f, "李明", "attended", "揭牌仪式"), "{f:?}");
    assert!(has(&f, "赵强", "attended", "揭牌仪式"), "{f:?}");
}

#[test]
fn talks_with_partners_have_no_chair() {
    let f = facts("10月21日,市商务委主任张爱国一行与区委蔺雪峰书记、区政府代区长张庆恩及相关部门的领导举行了座谈。");
    for who in ["张爱国", "蔺雪峰", "张庆恩"] {
        assert!(has(&f, who, "attended", "座谈"), "{who}: {f:?}");
        assert!(!has(&f, who, "chaired", "座谈"), "{who}: {f:?}");
    }
}

#[test]
fn lists_closed_by_groups() {
    let f = facts("3月12日,区里举行义务植树活动,区委书记王俊、区长姚斌等全体在职区领导及有关单位干部职工代表120余人参加了活动。");
    assert!(has(&f, "王俊", "attended", "植树活动"), "{f:?}");
    assert!(has(&f, "姚斌", "attended", "植树活动"), "{f:?}");
    let f = facts("9月2日,九峰镇农贸市场启用仪式举行。副县长林德志、县纪委副书记杨坤生、镇领导班子成员、农贸市场管理小组人员参加了本次仪式。");
    assert!(has(&f, "林德志", "attended", "仪式"), "{f:?}");
    assert!(has(&f, "杨坤生", "attended", "仪式"), "{f:?}");
}

#[test]
fn speeches_about_something_and_with_light_verbs() {
    let f = facts("3月5日,市政府召开全市安全生产工作会议。市长裴伟东对下步工作提出具体要求。");
    assert!(has(&f, "裴伟东", "spoke_at", "会议"), "{f:?}");
    let f = facts("9月15日,全县干部培训班开班仪式举行。县委党校常务副校长强薇就培训期间纪律问题作了明确要求。");
    assert!(has(&f, "强薇", "spoke_at", "开班仪式"), "{f:?}");
}

#[test]
fn posts_carried_along_a_list_and_party_committees() {
    let f = facts("11月26日,通州区委书记王云峰、副书记李玉君参加了会议。");
    assert!(
        has(&f, "李玉君", "holds_position", "副书记@通州区委"),
        "{f:?}"
    );
    let f = facts("天津大学党委书记李家俊出席。");
    assert!(
        has(&f, "李家俊", "holds_position", "书记@天津大学党委"),
        "{f:?}"
    );
}

#[test]
fn elections_to_a_committee_by_its_usual_name() {
    let f = facts("1月8日,陶迪当选为政协鄂托克前旗第十一届委员会主席;于国强、秦岭峰当选为政协鄂托克前旗第十一届委员会副主席。");
    assert!(
        has(&f, "陶迪", "holds_position", "主席@鄂托克前旗政协"),
        "{f:?}"
    );
    // 秦岭 + 峰 in a list of names is one name.
    assert!(
        has(&f, "秦岭峰", "holds_position", "副主席@鄂托克前旗政协"),
        "{f:?}"
    );
    let f = facts("丁文禄、卫忠平等97人当选为十二届省政协常务委员。");
    assert!(has(&f, "卫忠平", "holds_position", "常务委员"), "{f:?}");
}

#[test]
fn occasions_referred_to_for_their_spirit_are_no_events() {
    let f = facts("1月26日,市委常委会召开扩大会议,传达学习中央政治局常委会会议、省委常委会会议精神。王忠林主持会议。");
    assert!(has(&f, "王忠林", "chaired", "扩大会议"), "{f:?}");
    assert!(!f.iter().any(|(_, _, x)| x.contains("常委会会议")), "{f:?}");
    let events = names_of(
        "1月26日,市委常委会召开扩大会议,传达学习中央政治局常委会会议、省委常委会会议精神。",
        NodeKind::Event,
    );
    assert_eq!(events, ["扩大会议"]);
}

/// The graph of a text built as one article.
fn graph_of(text: &str) -> GraphDoc {
    let article = crate::ingest::make_article(None, text.into(), Vec::new(), "t".into());
    let (g, _) = crate::pipeline::build_graph(test_extractor(), &[article]);
    g.to_doc()
}

/// The names of the nodes of `kind` built from a text.
pub(super) fn names_of(text: &str, kind: NodeKind) -> Vec<String> {
    graph_of(text)
        .nodes
        .iter()
        .filter(|n| n.kind == kind)
        .map(|n| n.name.clone())
        .collect()
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

/// Each event node's name and date.
pub(super) fn dated_events(text: &str) -> Vec<(String, Option<String>)> {
    graph_of(text)
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Event)
        .map(|n| (n.name.clone(), n.date.clone()))
        .collect()
}

#[test]
fn a_session_holding_a_sitting_and_occasions_prepared_take_no_date() {
    let events = dated_events("1月29日,省政协十二届一次会议举行了第四次全体会议。");
    assert!(
        events.contains(&("省政协十二届一次会议".into(), None)),
        "{events:?}"
    );
    assert!(
        events.contains(&("第四次全体会议".into(), Some("01-29".into()))),
        "{events:?}"
    );
    let events = dated_events(
        "2月8日,中牟县召开中国共产党中牟县第十五次代表大会第三次会议、政协第十六届中牟县委员会第三次会议筹备工作部署会。",
    );
    assert!(
        events
            .iter()
            .all(|(n, d)| d.is_some() == n.ends_with("部署会")),
        "{events:?}"
    );
}

#[test]
fn the_long_and_short_names_of_a_session_are_one_event() {
    let events = dated_events("政协萧山区十四届五次会议今日开幕\n\n2月23日,中国人民政治协商会议第十四届杭州市萧山区委员会第五次会议在萧山剧院开幕。");
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].1.as_deref(), Some("02-23"), "{events:?}");
}

#[test]
fn a_visit_over_several_days_does_not_date_what_happened_during_it() {
    let events = dated_events(
        "11月14日至19日,山南市党政代表团一行来湘访问。在此期间,省委书记王成会见了代表团一行。",
    );
    assert!(events.iter().all(|(_, d)| d.is_none()), "{events:?}");
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
fn a_leader_takes_part_with_the_delegation_led() {
    let f = facts("本报讯 11月19日,“2015产业转移系列对接活动”在石家庄市举办。市长刘建华率我市代表团参加对接活动。");
    assert!(
        has(&f, "刘建华", "attended", "2015产业转移系列对接活动"),
        "{f:?}"
    );
    let f = facts("9月25日至27日,市长白雪率领经贸代表团赴上海参加“长三角招商引资促进周”活动。");
    assert!(has(&f, "白雪", "attended", "招商引资促进周"), "{f:?}");
}

#[test]
fn the_leads_occasion_named_by_its_kind_alone() {
    let f =
        facts("本报讯 11月19日,对接活动在石家庄市举办。市委常委、副市长张远,副市长白龙一同参加。");
    assert!(has(&f, "张远", "attended", "活动"), "{f:?}");
    assert!(has(&f, "白龙", "attended", "活动"), "{f:?}");
}

#[test]
fn a_preposition_fused_with_the_jurisdiction_word_stays_out_of_the_organ() {
    let f = facts("2月7日,安平县举办开工奠基仪式。奠基仪式由县人大主任崔东主持。");
    assert!(
        has(&f, "崔东", "holds_position", "主任@安平县人大"),
        "{f:?}"
    );
    assert!(has(&f, "崔东", "chaired", "奠基仪式"), "{f:?}");
}

#[test]
fn occasions_only_served_or_conduct_called_activity_are_no_events() {
    let text = "2月8日,某县召开筹备工作部署会。会议要求全力保障大会筹备,优化会议组织。经会议表决全票通过。暂停聚集性活动和经营活动。";
    let events = names_of(text, NodeKind::Event);
    assert_eq!(events, ["筹备工作部署会"]);
    // A name that starts with such a verb keeps it.
    let events = names_of("2月21日,全区优化营商环境大会召开。", NodeKind::Event);
    assert_eq!(events, ["全区优化营商环境大会"]);
}

#[test]
fn a_celebration_named_in_full_and_a_bare_meeting_pointing_at_it() {
    let text = "6月30日,市委召开庆祝中国共产党成立103周年暨“七一”表彰大会。市委书记龙飞出席并讲话。市领导陶明、黎华参加会议。";
    assert_eq!(
        names_of(text, NodeKind::Event),
        ["庆祝中国共产党成立103周年暨“七一”表彰大会"]
    );
    let f = facts(text);
    for who in ["陶明", "黎华"] {
        assert!(has(&f, who, "attended", "表彰大会"), "{who}: {f:?}");
    }
}

#[test]
fn a_speech_made_right_after_the_name() {
    let f = facts("2月6日,全县经济工作会议召开。县委书记钱勇作重要讲话,县长孙磊作经济工作报告。");
    assert!(has(&f, "钱勇", "spoke_at", "全县经济工作会议"), "{f:?}");
    assert!(has(&f, "孙磊", "spoke_at", "全县经济工作会议"), "{f:?}");
}

#[test]
fn visitors_who_lead_a_group_or_go_among_common_places() {
    let f = facts(
        "5月16日,漯河市委书记曾强带领市直有关部门负责人到郾城区调研。市领导于洋、吕辉参加调研。",
    );
    // 曾强 reads as an adjective and 于洋 as a place to the segmenter.
    for who in ["曾强", "于洋", "吕辉"] {
        assert!(has(&f, who, "attended", "调研"), "{who}: {f:?}");
    }
    let f = facts("8月8日,区委书记吴刚深入辖区企业走访调研。");
    assert!(has(&f, "吴刚", "attended", "走访调研"), "{f:?}");
}

#[test]
fn department_heads_written_without_the_departments_bu() {
    let f = facts("3月5日,伊川县召开全县安全生产工作会议。县委常委、组织部长王建军,县委常委、宣传部长刘丽华参加会议。");
    assert!(
        has(&f, "王建军", "holds_position", "部长@伊川县委组织部"),
        "{f:?}"
    );
    assert!(
        has(&f, "刘丽华", "holds_position", "部长@伊川县委宣传部"),
        "{f:?}"
    );
    assert!(
        has(&f, "刘丽华", "holds_position", "常委@伊川县委"),
        "{f:?}"
    );
}

#[test]
fn a_banners_organs_are_the_banners() {
    let f = facts("5月9日,鄂托克前旗召开全旗安全生产工作会议。旗委常委、统战部长孟和参加会议。");
    assert!(
        has(&f, "孟和", "holds_position", "常委@鄂托克前旗委"),
        "{f:?}"
    );
    assert!(
        has(&f, "孟和", "holds_position", "部长@鄂托克前旗委统战部"),
        "{f:?}"
    );
}

#[test]
fn lists_after_the_verb_and_people_acting_together() {
    let f = facts("3月5日,洛阳市召开全市安全生产工作会议。出席会议的有市领导王刚、赵丽、陈伟。");
    for who in ["王刚", "赵丽", "陈伟"] {
        assert!(has(&f, who, "attended", "安全生产工作会议"), "{who}: {f:?}");
    }
    let f = facts(
        "3月5日,洛阳市民营经济发展中心揭牌仪式举行。市委书记张建国与市长李明共同为中心揭牌。",
    );
    assert!(has(&f, "张建国", "attended", "揭牌仪式"), "{f:?}");
    assert!(has(&f, "李明", "attended", "揭牌仪式"), "{f:?}");
    let f = facts("3月5日,伊川县召开经济工作会议。县委副书记、县长李明作政府工作报告,新安县县长赵丽作交流发言。");
    assert!(has(&f, "李明", "spoke_at", "经济工作会议"), "{f:?}");
    assert!(has(&f, "赵丽", "spoke_at", "经济工作会议"), "{f:?}");
}

#[test]
fn a_list_closed_by_a_group_named_by_its_post_or_kind() {
    let f = facts("1月5日,民革中央召开常委会议。民革中央常务副主席周铁农,名誉副主席贾亦斌、彭清源,副主席李赣骝、朱培康,秘书长刘民复及中常委参加了会议。");
    for who in ["周铁农", "贾亦斌", "彭清源", "李赣骝", "朱培康", "刘民复"] {
        assert!(has(&f, who, "attended", "常委会议"), "{who}: {f:?}");
    }
    let f = facts(
        "3月5日,洛阳市召开全市经济工作会议。市领导陈伟、李明,以及各县区主要负责同志参加会议。",
    );
    assert!(has(&f, "陈伟", "attended", "经济工作会议"), "{f:?}");
    assert!(has(&f, "李明", "attended", "经济工作会议"), "{f:?}");
}

#[test]
fn roles_in_an_article_of_several_items_are_at_their_items_occasion() {
    let text = "要闻简报\n\n◆9月24日,县直机关干部职工篮球赛在县体育馆开赛。副县长牛艳丽出席开幕式。\n\n◆9月23日,我县召开巩固衔接重点工作调度会。副县长李晋平出席。\n\n◆9月27日,县政协开展联谊活动。县政协副主席范建宏参加。";
    let f = facts(text);
    assert!(has(&f, "李晋平", "attended", "调度会"), "{f:?}");
    assert!(has(&f, "范建宏", "attended", "联谊活动"), "{f:?}");
    assert!(!has(&f, "李晋平", "attended", "篮球赛"), "{f:?}");
}

#[test]
fn posts_without_their_organ_right_after_the_same_post_with_it() {
    let f = facts("3月2日,区政协召开主席会议。区政协主席张禾波主持会议并讲话。副主席丁宏斌、孙德明,秘书长林伦参加会议。");
    assert!(has(&f, "丁宏斌", "holds_position", "副主席@"), "{f:?}");
    let organ_of = |who: &str| {
        f.iter()
            .find(|(w, r, _)| w == who && *r == "holds_position")
            .map(|(_, _, x)| x.split('@').nth(1).unwrap_or_default().to_string())
    };
    let chair = organ_of("张禾波").expect("the chair's post");
    assert!(chair.ends_with("区政协"), "{f:?}");
    for who in ["丁宏斌", "孙德明", "林伦"] {
        assert_eq!(
            organ_of(who).as_deref(),
            Some(chair.as_str()),
            "{who}: {f:?}"
        );
    }
    let f = facts("5月6日,宿松县举办培训班。县委常委、组织部部长、统战部部长鲁长江出席开班式。");
    assert!(
        has(&f, "鲁长江", "holds_position", "部长@宿松县委统战部"),
        "{f:?}"
    );
}

#[test]
fn a_name_ending_like_an_office_is_the_person() {
    let f = facts("3月5日,夏县召开“三会”筹备工作安排部署会。县委常委、组织部部长薛伟科出席会议。");
    assert!(has(&f, "薛伟科", "attended", "部署会"), "{f:?}");
    assert!(has(&f, "薛伟科", "holds_position", "部长@夏县"), "{f:?}");
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
fn festivals_speeches_by_video_and_bare_words_for_the_occasion() {
    let f = facts("3月5日,洛阳市第三届牡丹文化节开幕。市委书记张建国、市长李明分别致辞。");
    assert!(has(&f, "张建国", "spoke_at", "牡丹文化节"), "{f:?}");
    let f = facts("3月5日,全省文化旅游发展大会在洛阳召开。省委书记陈明发表视频致辞。市委书记张建国出席并致欢迎辞。");
    assert!(has(&f, "陈明", "spoke_at", "发展大会"), "{f:?}");
    assert!(has(&f, "张建国", "spoke_at", "发展大会"), "{f:?}");
    let text = "3月5日,洛阳市举行首届工匠颁奖典礼。市委书记张建国出席活动并为获奖者颁奖。";
    assert_eq!(names_of(text, NodeKind::Event), ["首届工匠颁奖典礼"]);
    let text = "3月5日,洛阳市举行2024年重大项目集中开工活动。市委书记张建国宣布项目开工。";
    assert_eq!(
        names_of(text, NodeKind::Event),
        ["2024年重大项目集中开工活动"]
    );
}

#[test]
fn posts_across_a_comma_in_brackets_and_of_offices() {
    let f =
        facts("3月5日,洛阳市召开全市经济工作会议。市委副书记、市长,市政府党组书记李明出席会议。");
    assert!(
        has(&f, "李明", "holds_position", "市长@洛阳市人民政府"),
        "{f:?}"
    );
    assert!(
        has(&f, "李明", "holds_position", "副书记@洛阳市委"),
        "{f:?}"
    );
    let f = facts("3月5日,洛阳市召开全市经济工作会议。王刚(市委常委、常务副市长)出席会议。");
    assert!(
        has(&f, "王刚", "holds_position", "常务副市长@洛阳市人民政府"),
        "{f:?}"
    );
    assert!(has(&f, "王刚", "attended", "经济工作会议"), "{f:?}");
    let f = facts("3月5日,洛阳市召开全市经济工作会议。市纪委常委、监委委员赵丽,市委常委、洛阳军分区司令员陈伟,市长助理孙强出席会议。");
    assert!(
        has(&f, "赵丽", "holds_position", "委员@洛阳市监委"),
        "{f:?}"
    );
    assert!(
        has(&f, "陈伟", "holds_position", "司令员@洛阳军分区"),
        "{f:?}"
    );
    assert!(
        has(&f, "孙强", "holds_position", "市长助理@洛阳市人民政府"),
        "{f:?}"
    );
    let f = facts("3月5日,王刚深入村党支部调研。孟津区平乐村党支部书记李强陪同。");
    assert!(
        has(&f, "李强", "holds_position", "书记@孟津区平乐村党支部"),
        "{f:?}"
    );
    assert!(has(&f, "王刚", "attended", "调研"), "{f:?}");
}

#[test]
fn inspections_and_their_stops_on_the_spot() {
    let text = "3月5日,市委副书记、市长王刚带队督导检查安全生产工作,先后深入洛钼集团等企业,实地检查安全生产措施落实情况。副市长赵丽参加督导检查。";
    assert_eq!(names_of(text, NodeKind::Event), ["督导检查"]);
    let f = facts(text);
    assert!(has(&f, "王刚", "attended", "督导检查"), "{f:?}");
    assert!(has(&f, "赵丽", "attended", "督导检查"), "{f:?}");
    let f = facts("3月5日,市长王刚实地察看城市更新项目进展情况。副市长赵丽参加。");
    assert!(has(&f, "赵丽", "attended", "察看"), "{f:?}");
}

#[test]
fn names_then_a_group_without_names_attend() {
    let f = facts("3月5日上午,全市安全生产工作会议召开。市领导刘志明、陈平,各县(市、区)政府主要负责同志参加会议。");
    assert!(has(&f, "刘志明", "attended", "安全生产工作会议"), "{f:?}");
    assert!(has(&f, "陈平", "attended", "安全生产工作会议"), "{f:?}");
    let f =
        facts("3月5日,全市安全生产工作会议召开。市领导刘志明、陈平,市直各部门负责同志参加会议。");
    assert!(has(&f, "陈平", "attended", "安全生产工作会议"), "{f:?}");
}

#[test]
fn taking_part_in_all_the_occasions_above() {
    let f = facts("9月25日,市长白英率团赴上海参加招商引资促进周活动。9月27日,白英主持召开重点项目推进会议,并会见了刘河洲。\n副市长孔祥杰参加了上述活动。");
    assert!(has(&f, "孔祥杰", "attended", "重点项目推进会议"), "{f:?}");
    assert!(has(&f, "孔祥杰", "attended", "会见"), "{f:?}");
}

#[test]
fn a_visit_named_by_its_bare_word_keeps_its_stops() {
    let text = "3月5日,市委书记王刚到伊川县调研。王刚一行先后来到鸣皋镇、白沙镇,实地察看产业发展情况。伊川县委书记张华陪同调研。";
    assert_eq!(names_of(text, NodeKind::Event), ["调研"]);
    let f = facts(text);
    assert!(has(&f, "张华", "attended", "调研"), "{f:?}");
}

#[test]
fn occasion_names_with_adjectives_and_work_fields() {
    let text = "3月5日,洛阳市举行优秀企业家表彰大会。市委书记王刚为获奖企业家颁奖。";
    assert_eq!(names_of(text, NodeKind::Event), ["优秀企业家表彰大会"]);
    assert!(has(&facts(text), "王刚", "attended", "表彰大会"));
    let text = "3月5日,全市组织工作会议召开。市委组织部副部长李建国主持。";
    assert_eq!(names_of(text, NodeKind::Event), ["全市组织工作会议"]);
    let text = "3月5日,市委理论学习中心组举行集体学习。市委书记王刚主持学习并讲话。";
    assert!(has(&facts(text), "王刚", "chaired", "集体学习"));
}

#[test]
fn signing_and_witnessing_place_people_at_the_ceremony() {
    let f = facts("3月5日,洛阳市与某集团战略合作签约仪式举行。市长刘志明代表市政府签约。市委书记王刚见证签约并讲话。会议对签约项目作出安排。");
    assert!(has(&f, "刘志明", "attended", "签约仪式"), "{f:?}");
    assert!(has(&f, "王刚", "attended", "签约仪式"), "{f:?}");
    assert!(has(&f, "王刚", "spoke_at", "签约仪式"), "{f:?}");
}

#[test]
fn occasions_only_talked_about_are_not_reported() {
    let text = "区政府召开区长办公会议\n\n3月3日,区长赵玉勋主持召开区长办公会议。\n会议研究了重点工作。\n会议要求,切实提高区政府常务会、区政府党组会等会议的规范性。会议还对筹备召开科学发展目标综合表彰大会进行了部署。";
    assert_eq!(names_of(text, NodeKind::Event), ["区长办公会议"]);
    // A frame of what is done at it, or a visit done, tells it happened.
    let text = "全市招商推介会举行\n\n9月11日,全市招商推介会举行。在活动开幕式暨签约仪式上,白龙代表市政府与某研究所签订协议。\n活动吸引了众多客商。\n代表团一行还看望慰问了岳阳市一中学生。";
    let events = names_of(text, NodeKind::Event);
    assert!(events.iter().any(|e| e == "开幕式暨签约仪式"), "{events:?}");
    assert!(events.iter().any(|e| e == "看望慰问"), "{events:?}");
}

#[test]
fn how_many_times_is_no_part_of_a_name() {
    let text = "9月27日,白英先后主持召开了4次重点项目推进会议。政协十四届五次会议闭幕。";
    let events = names_of(text, NodeKind::Event);
    assert!(events.iter().any(|e| e == "重点项目推进会议"), "{events:?}");
    assert!(
        events.iter().any(|e| e == "政协十四届五次会议"),
        "{events:?}"
    );
}

#[test]
fn a_second_verb_after_and_speaks_for_the_same_people() {
    for (text, who) in [
        ("副市长刘志明出席会议并作了讲话。", &["刘志明"][..]),
        ("市委书记王刚出席会议并作重要讲话。", &["王刚"]),
        (
            "市委书记王刚、市长李建国出席会议并分别讲话。",
            &["王刚", "李建国"],
        ),
        (
            "市委书记王刚出席会议,并就做好安全生产工作提出了要求。",
            &["王刚"],
        ),
    ] {
        let f = facts(&format!("3月5日,全市安全生产工作会议召开。{text}"));
        for w in who {
            assert!(has(&f, w, "attended", "安全生产工作会议"), "{w}: {f:?}");
            assert!(has(&f, w, "spoke_at", "安全生产工作会议"), "{w}: {f:?}");
        }
    }
}

#[test]
fn a_list_on_the_line_after_its_colon() {
    let f = facts("3月5日,全市安全生产工作会议召开。出席会议的有:\n王刚、李建国、张华。\n在主席台就座的领导有:\n刘志明\u{3000}陈平");
    for who in ["王刚", "李建国", "张华", "刘志明", "陈平"] {
        assert!(has(&f, who, "attended", "安全生产工作会议"), "{who}: {f:?}");
    }
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
fn a_zones_bodies_after_a_post_on_its_party_working_committee() {
    let f = facts("10月21日,开发区举行项目签约仪式。开发区党工委委员、管委会副主任李光、赵继渠,党工委委员、党群工作部部长邢军等领导参加活动。");
    assert!(
        has(&f, "李光", "holds_position", "副主任@开发区管委会"),
        "{f:?}"
    );
    assert!(
        has(&f, "赵继渠", "holds_position", "副主任@开发区管委会"),
        "{f:?}"
    );
}

#[test]
fn appointments_and_resignations_give_posts() {
    let text = "7月27日,区二届人大常委会第四次会议召开。会议决定任命李峻为崇明区副区长。会议选举王刚为崇明区区长、崇明区政府党组书记。会议接受张华辞去崇明区区长职务的请求。决定免去赵敏的崇明区副区长职务。";
    let f = facts(text);
    assert!(
        has(&f, "李峻", "holds_position", "副区长@崇明区人民政府"),
        "{f:?}"
    );
    assert!(
        has(&f, "王刚", "holds_position", "区长@崇明区人民政府"),
        "{f:?}"
    );
    assert!(
        has(&f, "张华", "holds_position", "区长@崇明区人民政府"),
        "{f:?}"
    );
    assert!(
        has(&f, "赵敏", "holds_position", "副区长@崇明区人民政府"),
        "{f:?}"
    );
}

#[test]
fn companions_in_a_frame_before_the_visit() {
    let f = facts("3月5日,在市委书记王刚、市长刘志明的陪同下,省委副书记李明一行到伊川县调研。");
    for who in ["王刚", "刘志明", "李明"] {
        assert!(has(&f, who, "attended", "调研"), "{who}: {f:?}");
    }
}

#[test]
fn a_government_head_where_the_article_names_no_place() {
    let f = facts("4月10日上午,我市召开重点项目推进会。市长李振华主持会议,县长王刚参加。");
    assert!(
        has(&f, "李振华", "holds_position", "市长@市人民政府"),
        "{f:?}"
    );
    assert!(
        has(&f, "王刚", "holds_position", "县长@县人民政府"),
        "{f:?}"
    );
}

#[test]
fn a_meeting_named_with_and_without_its_holder_and_number_is_one() {
    let events = names_of(
        "市政府召开第36次常务会议\n\n10月12日,市长程国栋主持召开市政府第36次常务会议。副市长曾宪平出席会议。",
        NodeKind::Event,
    );
    assert_eq!(events.len(), 1, "{events:?}");
}

#[test]
fn a_list_ending_in_the_leadership_teams() {
    let f = facts(
        "7月1日,全市表彰大会召开。市委书记徐志远,市人大常委会主任谢国华,市政协主席罗永明等市四大班子领导出席大会。",
    );
    for who in ["徐志远", "谢国华", "罗永明"] {
        assert!(has(&f, who, "attended", "表彰大会"), "{who}: {f:?}");
    }
    assert!(f.iter().all(|(w, _, _)| w != "班子"), "{f:?}");
}

#[test]
fn speeches_told_by_what_was_said() {
    let lead = "3月5日,全市工作会议召开。";
    for (text, who) in [
        ("市委书记王刚主持会议并作总结讲话。", "王刚"),
        ("副市长张华作了题为《坚定信心》的报告。", "张华"),
        ("会议听取了市发改委主任郑伟关于项目建设情况的汇报。", "郑伟"),
        ("会上,市委副书记刘洋通报了全市经济运行情况。", "刘洋"),
    ] {
        let f = facts(&format!("{lead}{text}"));
        assert!(has(&f, who, "spoke_at", "全市工作会议"), "{text}: {f:?}");
    }
    // What is conveyed is no occasion its conveyer spoke at.
    let f = facts(&format!("{lead}会上,陈静传达了全区优化营商环境大会精神。"));
    assert!(has(&f, "陈静", "spoke_at", "全市工作会议"), "{f:?}");
    assert!(!has(&f, "陈静", "spoke_at", "优化营商环境大会"), "{f:?}");
    let f = facts(&format!("{lead}市委书记王刚应邀出席。"));
    assert!(has(&f, "王刚", "attended", "全市工作会议"), "{f:?}");
}

#[test]
fn a_visit_after_the_places_or_the_group_and_a_comma() {
    let f = facts("3月8日,区长卢志明先后来到新华街道、城东街道,调研基层治理工作。");
    assert!(has(&f, "卢志明", "attended", "调研"), "{f:?}");
    let f = facts("5月6日,市委书记林海涛率市直有关部门负责同志,到开发区开展安全生产督查。");
    assert!(has(&f, "林海涛", "attended", "督查"), "{f:?}");
}

#[test]
fn a_name_of_a_rare_surname_between_names_in_a_list() {
    let f = facts(
        "1月8日,政协会议召开。王云山、卢智慧、白晓丽、折睿、李海燕当选为政协第十一届委员会常务委员。",
    );
    assert!(
        f.iter()
            .any(|(w, r, _)| w == "折睿" && *r == "holds_position"),
        "{f:?}"
    );
}

#[test]
fn more_verbs_of_taking_part() {
    let lead = "3月5日,全市工作会议召开。";
    for (text, role) in [
        ("市委书记王刚莅临。", "attended"),
        ("市委书记王刚受邀参加。", "attended"),
        ("市委书记王刚召集。", "chaired"),
        ("市委书记王刚讲党课。", "spoke_at"),
        ("市委书记王刚宣讲。", "spoke_at"),
    ] {
        let f = facts(&format!("{lead}{text}"));
        assert!(has(&f, "王刚", role, "全市工作会议"), "{text}: {f:?}");
    }
}

#[test]
fn people_joined_by_and_who_attend_side_by_side() {
    let f = facts("3月18日,签约仪式举行。市长李振华与集团董事长周乃翔出席签约仪式。");
    for who in ["李振华", "周乃翔"] {
        assert!(has(&f, who, "attended", "签约仪式"), "{who}: {f:?}");
    }
}

#[test]
fn the_occasion_the_lead_says_was_held_is_the_main_one() {
    let f =
        facts("4月10日,全市重点项目观摩会举行。市长李振华主持总结会。市领导张明、刘洪涛参加观摩。");
    assert!(has(&f, "张明", "attended", "全市重点项目观摩会"), "{f:?}");
}

#[test]
fn an_inspection_of_a_law_by_a_group_led_here() {
    let f = facts(
        "5月20日,省人大常委会副主任王建军带领执法检查组,来我市开展《中华人民共和国水污染防治法》执法检查。市人大常委会主任杨立新陪同检查。",
    );
    for who in ["王建军", "杨立新"] {
        assert!(has(&f, who, "attended", "执法检查"), "{who}: {f:?}");
    }
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
fn posts_placed_where_the_article_says() {
    for (text, who, post) in [
        // 孙集镇 is a town of two counties; the article says which.
        (
            "7月18日上午,利辛县孙集镇农贸市场落成启用。镇长曹福生出席启用仪式。",
            "曹福生",
            "镇长@孙集镇人民政府",
        ),
        (
            "11月14日,西藏自治区山南市党政代表团来湘考察。在湘期间,省委书记杜家毫会见了代表团一行。",
            "杜家毫",
            "书记@湖南省委",
        ),
        // 惠民 (a county of 滨州市) in 兴业惠民; the article is about 江门市.
        (
            "今天下午,江门市举行座谈会。市委副书记、市长刘毅出席会议。刘毅介绍了江门的发展情况,他说,江门致力于兴业惠民。江门市将继续开放。",
            "刘毅",
            "市长@江门市人民政府",
        ),
        // Each of these is a town of several counties; together, towns of 旺苍县.
        (
            "9月30日,副县长张明带领相关部门负责人检查安全生产工作。张明一行先后深入国华、高阳、盐河、万家、天星等乡镇进行检查。",
            "张明",
            "副县长@旺苍县人民政府",
        ),
        // The segmenter runs the level into the body's name (县公安局, 县融|媒体中心).
        (
            "3月5日,伊川县召开全县工作会议。县公安局局长赵敏、县融媒体中心主任任建新出席会议。",
            "赵敏",
            "局长@伊川县公安局",
        ),
        (
            "3月5日,伊川县召开全县工作会议。县公安局局长赵敏、县融媒体中心主任任建新出席会议。",
            "任建新",
            "主任@伊川县融媒体中心",
        ),
    ] {
        let f = facts(text);
        assert!(has(&f, who, "holds_position", post), "{who} {post}: {f:?}");
    }
}

#[test]
fn a_leader_whose_words_are_studied_takes_no_part() {
    let f = facts(
        "4月29日,全区工作会议召开。会议传达学习了习近平总书记在重庆考察时的重要讲话精神。区长王刚主持会议。",
    );
    assert!(has(&f, "王刚", "chaired", "全区工作会议"), "{f:?}");
    assert!(
        f.iter()
            .all(|(w, r, _)| w != "习近平" || *r == "holds_position"),
        "{f:?}"
    );
    let persons = names_of(
        "4月29日,全区工作会议召开。会议传达学习了习近平总书记重要讲话精神,强调要坚决贯彻习近平生态文明思想。",
        NodeKind::Person,
    );
    assert_eq!(persons, ["习近平"]);
}
