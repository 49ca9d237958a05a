//! Shapes of days with several occasions: the lead's occasion held somewhere, before
//! a later one someone chairs. Names are made up.

use super::{dated_events, dated_events_headed, facts, has, names_of};
use crate::graph::NodeKind;

#[test]
fn the_leads_occasion_held_somewhere_stays_main_before_a_chaired_one() {
    let f = facts(
        "集中开工\n\n2月26日上午,全县第一季度重大项目集中开工仪式在经济开发区主会场举行。\n仪式上,常务副县长饶雪松介绍了开工项目情况。\n当天下午,县委书记钟晓峰主持召开全县重大项目建设调度会。",
    );
    assert!(
        has(&f, "饶雪松", "spoke_at", "全县第一季度重大项目集中开工仪式"),
        "{f:?}"
    );
    assert!(
        has(&f, "钟晓峰", "chaired", "全县重大项目建设调度会"),
        "{f:?}"
    );
}

#[test]
fn visitors_who_go_in_the_rain_or_lead_the_heads_of_bureaus() {
    let f = facts("6月10日,县委书记司徒立新冒雨到主簿镇、河图镇检查防汛工作。当晚,县防汛抗旱指挥部召开防汛会商会,司徒立新主持会议。");
    assert!(has(&f, "司徒立新", "attended", "检查"), "{f:?}");
    assert!(has(&f, "司徒立新", "chaired", "防汛会商会"), "{f:?}");
    let f = facts("3月12日,县委副书记钟海清带领县农业农村局、县水利局负责同志,深入罗坳镇、梓山镇督导春耕备耕工作。");
    assert!(has(&f, "钟海清", "attended", "督导"), "{f:?}");
}

#[test]
fn a_report_made_about_something() {
    let f =
        facts("3月5日,全县工作会议召开。旗财政局局长韦小川作了关于2024年财政预算执行情况的报告。");
    assert!(has(&f, "韦小川", "spoke_at", "全县工作会议"), "{f:?}");
}

#[test]
fn a_meeting_chaired_after_a_visit_and_the_speakers_at_it() {
    let f = facts(
        "标题\n\n3月5日,市委书记余建华到沙县区调研民营经济发展工作,并主持召开民营企业座谈会。\n在随后召开的座谈会上,公司董事长郑天福、公会会长吴春来等6位企业负责人先后发言。",
    );
    assert!(has(&f, "余建华", "attended", "调研"), "{f:?}");
    assert!(has(&f, "余建华", "chaired", "民营企业座谈会"), "{f:?}");
    assert!(has(&f, "郑天福", "spoke_at", "民营企业座谈会"), "{f:?}");
    assert!(has(&f, "吴春来", "spoke_at", "民营企业座谈会"), "{f:?}");
}

#[test]
fn a_headlines_occasion_with_its_place_in_front_is_the_bodys() {
    let events = super::dated_events(
        "南阳市委经济工作会议召开\n\n本报讯 2011年12月20日至21日,市委经济工作会议在南阳召开。市委书记黄明德出席会议并讲话。",
    );
    assert_eq!(
        events,
        [(
            "市委经济工作会议".to_string(),
            Some("2011-12-20".to_string())
        )]
    );
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
fn roles_in_an_article_of_several_items_are_at_their_items_occasion() {
    let text = "要闻简报\n\n◆9月24日,县直机关干部职工篮球赛在县体育馆开赛。副县长牛艳丽出席开幕式。\n\n◆9月23日,我县召开巩固衔接重点工作调度会。副县长李晋平出席。\n\n◆9月27日,县政协开展联谊活动。县政协副主席范建宏参加。";
    let f = facts(text);
    assert!(has(&f, "李晋平", "attended", "调度会"), "{f:?}");
    assert!(has(&f, "范建宏", "attended", "联谊活动"), "{f:?}");
    assert!(!has(&f, "李晋平", "attended", "篮球赛"), "{f:?}");
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
fn occasion_names_with_adjectives_and_work_fields() {
    let text = "3月5日,洛阳市举行优秀企业家表彰大会。市委书记王刚为获奖企业家颁奖。";
    assert_eq!(names_of(text, NodeKind::Event), ["优秀企业家表彰大会"]);
    assert!(has(&facts(text), "王刚", "attended", "表彰大会"));
    let text = "3月5日,全市组织工作会议召开。市委组织部副部长李建国主持。";
    assert_eq!(names_of(text, NodeKind::Event), ["全市组织工作会议"]);
    let text = "3月5日,市委理论学习中心组举行集体学习。市委书记王刚主持学习并讲话。";
    assert!(has(&facts(text), "王刚", "chaired", "集体学习"));
    // How it was held is no part of the name.
    let text = "11日,某市举行隆重仪式,授予张三等13人荣誉市民称号。市长王刚出席仪式。";
    assert_eq!(names_of(text, NodeKind::Event), ["仪式"]);
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
fn a_meeting_named_with_and_without_its_holder_and_number_is_one() {
    let events = names_of(
        "市政府召开第36次常务会议\n\n10月12日,市长程国栋主持召开市政府第36次常务会议。副市长曾宪平出席会议。",
        NodeKind::Event,
    );
    assert_eq!(events.len(), 1, "{events:?}");
}

#[test]
fn a_ceremony_within_a_fair_is_named_after_it() {
    let events = names_of(
        "6月10日,第十一届浙江投资贸易洽谈会重大项目签约仪式举行。副省长龚正出席了项目签约仪式。",
        NodeKind::Event,
    );
    assert_eq!(events, ["浙江投资贸易洽谈会重大项目签约仪式"]);
}

#[test]
fn a_session_a_decision_convenes_takes_no_date() {
    let events = dated_events(
        "12月25日,区政协召开七届常委会第十一次会议,审议通过了关于召开政协房山区第七届委员会第四次会议的决定。",
    );
    assert!(
        events
            .iter()
            .any(|(n, d)| n.contains("第四次会议") && d.is_none()),
        "{events:?}"
    );
    assert!(
        events
            .iter()
            .any(|(n, d)| n.contains("第十一次会议") && d.as_deref() == Some("12-25")),
        "{events:?}"
    );
}

#[test]
fn a_session_a_sitting_decides_to_convene_on_a_later_day_takes_that_day() {
    // The date after 于 is the session's own; the bare 会议 after it is still the
    // sitting that decided, not the session that has not yet met.
    let f = facts(
        "县政协主席张文明1月11日上午主持召开县政协主席会议。会议决定县政协第十届委员会第四次会议于2021年1月24日在县城召开,会期3天。县政协副主席李德华、赵建国出席会议。",
    );
    assert!(has(&f, "李德华", "attended", "县政协主席会议"), "{f:?}");
    assert!(has(&f, "赵建国", "attended", "县政协主席会议"), "{f:?}");
    let events = dated_events(
        "县政协主席张文明1月11日上午主持召开县政协主席会议。会议决定县政协第十届委员会第四次会议于2021年1月24日在县城召开,会期3天。",
    );
    assert!(
        events
            .iter()
            .any(|(n, d)| n.contains("第四次会议") && d.as_deref() == Some("2021-01-24")),
        "{events:?}"
    );
}

#[test]
fn a_session_dated_right_after_its_name_and_a_party_committee_before_will() {
    // 省委 + 会/v + 领导: no meeting; the body's session is the report's, dated by the
    // day written right after its name. Its preparatory sitting's day is not its own.
    let events = dated_events_headed(
        Some("省委会领导出席县政协十一届六次常委会议"),
        "县政协十一届六次常委会议9月27日上午在县城开幕。县政协主席张文明主持会议。",
    );
    assert_eq!(
        events,
        [(
            "县政协十一届六次常委会议".to_string(),
            Some("09-27".to_string())
        )]
    );
    let f = facts(
        "3月2日,县人大常委会召开第三十八次主任会议。会议决定,县第十八届人大常委会第三十四次会议6月27日举行。县人大常委会副主任李德华出席会议。",
    );
    assert!(has(&f, "李德华", "attended", "第三十八次主任会议"), "{f:?}");
    let events = dated_events(
        "3月2日,县人大常委会召开第三十八次主任会议。会议决定,县第十八届人大常委会第三十四次会议6月27日举行。",
    );
    assert!(
        events
            .iter()
            .any(|(n, d)| n.contains("第三十四次会议") && d.as_deref() == Some("06-27")),
        "{events:?}"
    );
    let events = dated_events(
        "县第七届人民代表大会第一次会议4月23日下午在县会堂举行预备会议。县人大常委会主任张文明主持会议。",
    );
    assert!(
        events
            .iter()
            .any(|(n, d)| n.contains("第一次会议") && d.is_none()),
        "{events:?}"
    );
}

#[test]
fn an_occasion_convened_after_the_main_one_is_named_whole_and_referred_to() {
    // The name holds verbs (防灭火) the leftward walk stops at; the bare 会议 right after
    // it is this occasion, not the main one of the headline.
    let f = facts("全省安全生产电视电话会议召开\n\n4月2日上午,全省安全生产电视电话会议在省城召开。市长韩立新在分会场参加会议。省会议结束后,我市紧接着召开全市森林防灭火工作视频调度会。会议由副市长彭建华主持,市林业局局长綦文山通报了火情。");
    assert!(
        has(&f, "彭建华", "chaired", "全市森林防灭火工作视频调度会"),
        "{f:?}"
    );
    assert!(
        has(&f, "綦文山", "spoke_at", "全市森林防灭火工作视频调度会"),
        "{f:?}"
    );
    assert!(
        has(&f, "韩立新", "attended", "全省安全生产电视电话会议"),
        "{f:?}"
    );
    // A count in front is how many there were, not part of the name.
    let events = dated_events("9月27日,副市长白玉主持召开了4次重点项目推进会议。");
    assert!(
        events.iter().any(|(n, _)| n == "重点项目推进会议"),
        "{events:?}"
    );
}

#[test]
fn an_occasion_carried_out_is_named_from_the_verb_that_carries_it_out() {
    // 开展 + 接待代表日活动: the verb inside the name (接待) stopped the walk at 代表日活动.
    let f = facts("7月19日上午,市人大常委会副主任焦海燕来我县开展接待代表日活动。县人大常委会主任周宏涛,副主任王铁成、苗宝全陪同。");
    for who in ["周宏涛", "王铁成", "苗宝全"] {
        assert!(has(&f, who, "attended", "接待代表日活动"), "{who}: {f:?}");
    }
}

#[test]
fn an_unveiling_told_only_as_a_verb_is_an_occasion() {
    let f = facts("5月8日,县委书记王建新,县长李明华共同为县融媒体中心揭牌。");
    for who in ["王建新", "李明华"] {
        assert!(has(&f, who, "attended", "揭牌"), "{who}: {f:?}");
    }
    // Inside a meeting it is its own occasion, and the meeting keeps its people.
    let f = facts(
        "5月8日,县委召开全体会议。县长李明华出席会议。会上,县委书记王建新为县融媒体中心揭牌。",
    );
    assert!(has(&f, "李明华", "attended", "全体会议"), "{f:?}");
}

#[test]
fn a_congress_in_session_and_its_opening_are_one_occasion() {
    // 第四次代表大会 is a sitting, not the body that sits; its 开幕式 is the occasion.
    let text = "区工会第四次代表大会开幕\n\n4月11日上午,襄州区工会第四次代表大会开幕,区委书记刘明锋,市总工会副主席梅晓玫出席开幕式。区妇联主席李新星致辞。";
    let f = facts(text);
    for who in ["刘明锋", "梅晓玫"] {
        assert!(has(&f, who, "attended", "第四次代表大会"), "{who}: {f:?}");
    }
    assert!(has(&f, "李新星", "spoke_at", "第四次代表大会"), "{f:?}");
    let events = dated_events(text);
    assert_eq!(events.len(), 1, "{events:?}");
    // The posts are placed by the congress's name, after the body that sits there.
    let f = facts("8月30日,共青团平利县第二十次代表大会召开。县委书记郑晓东出席开幕式。");
    assert!(
        has(&f, "郑晓东", "holds_position", "书记@平利县委"),
        "{f:?}"
    );
    assert!(has(&f, "郑晓东", "attended", "代表大会"), "{f:?}");
}

#[test]
fn occasions_studied_over_a_long_list_are_not_reported() {
    let f = facts("12月5日,区委常委会(扩大)会议召开,传达学习省委十一届七次全体会议、省管主要领导干部学习贯彻总书记在福建考察时的重要讲话精神专题研讨班精神。区委书记王一明主持会议。");
    assert!(has(&f, "王一明", "chaired", "区委常委会"), "{f:?}");
    let events = names_of(
        "12月5日,区委常委会(扩大)会议召开,传达学习省委十一届七次全体会议、省管主要领导干部学习贯彻总书记在福建考察时的重要讲话精神专题研讨班精神。",
        NodeKind::Event,
    );
    assert!(!events.iter().any(|e| e.contains("全体会议")), "{events:?}");
    let events = names_of(
        "9月23日上午,县委宣讲团到渠北镇宣讲省委十一届七次全会和市委四届九次全会精神。",
        NodeKind::Event,
    );
    assert!(!events.iter().any(|e| e.contains("全会")), "{events:?}");
}

#[test]
fn the_main_venue_is_no_part_of_the_occasion_s_name() {
    let f = facts("6月13日,全县2023年度重点工程项目集中开工仪式举行。县委书记杨一军,县长李永明等县领导出席主会场开工仪式。");
    for who in ["杨一军", "李永明"] {
        assert!(
            has(&f, who, "attended", "重点工程项目集中开工仪式"),
            "{who}: {f:?}"
        );
    }
    assert!(!f.iter().any(|(_, _, e)| e.contains("主会场")), "{f:?}");
}

#[test]
fn a_standing_committee_convened_is_its_meeting() {
    let f = facts(
        "标题\n\n5月8日,市委书记方立新主持召开市委常委会,市委副书记郑和平,市委常委邱云、马志远出席会议。会议研究了有关事项。",
    );
    assert!(has(&f, "方立新", "chaired", "市委常委会"), "{f:?}");
    assert!(has(&f, "邱云", "attended", "市委常委会"), "{f:?}");
    assert!(has(&f, "马志远", "attended", "市委常委会"), "{f:?}");
    // The committee as a body stays one: it decides, it convenes nothing here.
    let f = facts("标题\n\n5月8日,县委常委会研究决定,由副县长郑和平主持召开全县安全生产工作会议。");
    assert!(
        has(&f, "郑和平", "chaired", "全县安全生产工作会议"),
        "{f:?}"
    );
}

#[test]
fn an_occasion_a_sentence_says_was_held_next_is_where_the_roles_after_it_are() {
    let f = facts(
        "标题\n\n3月5日,全市安全生产工作会议召开。市长方立新出席并讲话。随后召开的防汛调度会上,副市长郑和平作出部署。市应急管理局局长邱云作表态发言。",
    );
    assert!(
        has(&f, "方立新", "spoke_at", "全市安全生产工作会议"),
        "{f:?}"
    );
    assert!(has(&f, "邱云", "spoke_at", "防汛调度会"), "{f:?}");
    assert!(
        !has(&f, "邱云", "spoke_at", "全市安全生产工作会议"),
        "{f:?}"
    );
}

#[test]
fn an_occasion_only_planned_or_talked_about_takes_no_one() {
    let f = facts(
        "标题\n\n6月20日,市六届人大常委会第七次主任会议召开。副主任屈谦主持会议。会议听取了关于举行市六届人大常委会第三次会议有关事项的汇报,拟于7月25日至27日举行市六届人大常委会第三次会议。市人大常委会副主任陈元春、欧顺清出席会议。",
    );
    for who in ["陈元春", "欧顺清"] {
        assert!(has(&f, who, "attended", "第七次主任会议"), "{who}: {f:?}");
        assert!(!has(&f, who, "attended", "第三次会议"), "{who}: {f:?}");
    }
}

#[test]
fn a_caption_line_before_the_dateline_of_a_text_without_a_headline() {
    let events = dated_events(
        "县人大常委会举行第二十次会议。\n本报1月24日讯 24日下午,县人大常委会举行第二十次会议。县人大常委会主任李明主持会议。",
    );
    assert!(
        events
            .iter()
            .any(|(n, d)| n.contains("第二十次会议") && d.as_deref() == Some("01-24")),
        "{events:?}"
    );
}

#[test]
fn a_meeting_convened_during_a_visit_leaves_the_visit_main() {
    let f = facts(
        "县长督导重点项目建设\n\n2月12日,县委副书记、县长刘建到工业园区、物流园等项目现场督导重点项目建设工作,并召开项目建设推进会,听取项目推进情况汇报。县政协主席王强以及李明、张华等县领导分别参加活动。",
    );
    for who in ["王强", "李明", "张华"] {
        assert!(has(&f, who, "attended", "督导"), "{who}: {f:?}");
        assert!(!has(&f, who, "attended", "推进会"), "{who}: {f:?}");
    }
}

#[test]
fn a_session_convening_each_delegations_meeting_holds_it_undated() {
    let text = "2月25日上午，市五届人大六次会议召开各代表团负责人会议。市委书记王建国主持并讲话。";
    let f = facts(text);
    assert!(has(&f, "王建国", "chaired", "代表团负责人会议"), "{f:?}");
    assert!(!has(&f, "王建国", "chaired", "市五届人大六次会议"), "{f:?}");
    let dated = dated_events(text);
    assert!(
        dated.contains(&("市五届人大六次会议".to_string(), None)),
        "{dated:?}"
    );
}

#[test]
fn the_same_day_is_the_day_the_text_last_named() {
    let body = "本网讯(记者张海清)春节慰问寄深情,寒冬送暖暖人心。1月17日下午,县委常委吴国忠一行先后来到高坪镇福利院和八角村,为老党员和困难群众送上节日的慰问和新春的祝福。当日,吴国忠一行还督查了该镇的安全生产、道路交通安全等工作开展情况。";
    let dated = dated_events_headed(Some("县领导开展春节慰问活动"), body);
    assert!(
        dated.contains(&("督查".to_string(), Some("01-17".to_string()))),
        "{dated:?}"
    );
}

#[test]
fn a_sessions_presidium_holding_a_sitting_leaves_the_session_undated() {
    let text =
        "1月18日下午,市十六届人大六次会议主席团举行第一次会议。主席团常务主席李志义主持会议。";
    let dated = dated_events(text);
    assert!(
        dated.contains(&("市十六届人大六次会议".to_string(), None)),
        "{dated:?}"
    );
    assert!(has(&facts(text), "李志义", "chaired", "第一次会议"));
}

#[test]
fn a_session_whose_papers_are_heard_or_during_which_others_sit_takes_no_date() {
    let events = dated_events(
        "1月3日,省政协十二届五次常委会议在武汉开幕,听取和审议省政协十二届二次会议有关文件和事项。",
    );
    assert!(
        events.contains(&("省政协十二届二次会议".into(), None)),
        "{events:?}"
    );
    assert!(
        events.contains(&("省政协十二届五次常委会议".into(), Some("01-03".into()))),
        "{events:?}"
    );
    let events = dated_events("1月25日下午,省政协十二届四次会议期间主席会议在汉召开。");
    assert!(
        events.contains(&("省政协十二届四次会议".into(), None)),
        "{events:?}"
    );
    assert!(
        events.contains(&("主席会议".into(), Some("01-25".into()))),
        "{events:?}"
    );
}

#[test]
fn a_headline_of_two_occasions_is_read_phrase_by_phrase() {
    let events = dated_events_headed(
        Some("市政协十四届二十次常委会会议举行 市政协十四届三十七次主席会议举行"),
        "本报讯 1月20日,市政协十四届二十次常委会会议举行。",
    );
    assert!(
        events.iter().all(|(n, _)| !n.starts_with(' ')),
        "{events:?}"
    );
    // The lead dates the first; the second, held another day, stays undated.
    assert!(
        events.contains(&("市政协十四届三十七次主席会议".into(), None)),
        "{events:?}"
    );
    assert!(
        events.contains(&("市政协十四届二十次常委会会议".into(), Some("01-20".into()))),
        "{events:?}"
    );
}

#[test]
fn witnesses_of_a_signing_attend_it() {
    let f = facts("9月1日,战略合作协议签约仪式举行。在自治区党委书记马一瑞,集团董事长俞一根的共同见证下,自治区副主席陈一俊,集团总经理张一军代表双方签字。");
    for who in ["马一瑞", "俞一根"] {
        assert!(has(&f, who, "attended", "签约仪式"), "{who}: {f:?}");
    }
}

#[test]
fn a_host_city_to_come_holds_nothing_here() {
    let f =
        facts("10月31日,旅游文化节开幕式举行。省长朱一丹出席开幕式并为下届主办城市珠海市授会旗。");
    assert!(has(&f, "朱一丹", "attended", "开幕式"), "{f:?}");
    assert!(!has(&f, "朱一丹", "chaired", "开幕式"), "{f:?}");
}

#[test]
fn a_session_told_ending_on_a_day_after_a_dateline_is_the_report_s() {
    // As the dateline reads once the byline's brackets are taken out: (记者 刘明).
    let text = "东北网12月25日讯省十届人大常委会第三十一次会议25日结束。省委书记钱立明,省人大常委会副主任马一洁、董一及秘书长傅一文出席会议;副主任刘一辉主持了第一、二、三次全体会议。";
    let events = dated_events(text);
    assert!(
        events.contains(&(
            "省十届人大常委会第三十一次会议".into(),
            Some("12-25".into())
        )),
        "{events:?}"
    );
    let f = facts(text);
    for who in ["钱立明", "马一洁", "傅一文"] {
        assert!(
            has(&f, who, "attended", "省十届人大常委会第三十一次会议"),
            "{who}: {f:?}"
        );
    }
}

#[test]
fn two_occasions_joined_by_ji_are_named_again_by_either_kind() {
    let text = "中共洛阳市委新闻发言人记者见面会暨首场新闻发布会。21日,中共洛阳市委新闻发言人记者见面会暨首场新闻发布会举行。市委新闻发言人裘一新主持见面会。在记者见面会上,裘一新介绍了有关情况。";
    let events = names_of(text, NodeKind::Event);
    assert_eq!(
        events,
        ["中共洛阳市委新闻发言人记者见面会暨首场新闻发布会"],
        "{events:?}"
    );
    let f = facts(text);
    assert!(has(&f, "裘一新", "chaired", "暨首场新闻发布会"), "{f:?}");
    assert!(has(&f, "裘一新", "spoke_at", "暨首场新闻发布会"), "{f:?}");
}

#[test]
fn an_activity_joined_by_ji_to_a_ceremony_is_one_occasion() {
    // jieba cuts 非 off 非物质 as a prefix, and the walk from 开工仪式 crossed no
    // 活动 before 暨.
    let f = facts(
        "集中开工\n\n石桥县举行第一季度重点项目集中开工活动暨竹溪非物质文化遗产中心项目开工仪式,县委书记罗文远出席并宣布开工,县长秦立山主持。",
    );
    let name = "第一季度重点项目集中开工活动暨竹溪非物质文化遗产中心项目开工仪式";
    assert!(has(&f, "罗文远", "attended", name), "{f:?}");
    assert!(has(&f, "秦立山", "chaired", name), "{f:?}");
}

#[test]
fn a_long_sentence_keeps_its_list_of_attendees_with_their_verb() {
    // A paragraph told in one sentence of commas, longer than most: the attendees at
    // its end are the subject of the verb after them, and the comma after the names
    // falls where a cut at 256 characters would part them.
    let filler = "补齐民生领域短板,".repeat(21);
    let text = format!(
        "集中开工\n\n石桥县举行重点项目集中开工活动,县委书记罗文远出席并宣布开工,当天集中开工18个项目,{filler}县领导韩书平、孟德川、齐远航,县直相关部门主要负责同志参加活动。"
    );
    let f = facts(&text);
    for name in ["韩书平", "孟德川", "齐远航"] {
        assert!(
            has(&f, name, "attended", "重点项目集中开工活动"),
            "{name} {f:?}"
        );
    }
}

#[test]
fn a_batch_of_a_campaign_started_and_finished_in_one_ceremony() {
    // 开竣工仪式 (开 cut off as a verb) is the 开工仪式 named later; 第三批 is a batch of
    // the campaign named before it.
    let f = facts("石桥县项目集中开竣工\n\n12月21日,石桥县举行全县“三比五促”活动第三批项目集中开竣工仪式。县领导韩书平、孟德川等出席开工仪式。");
    let name = "全县“三比五促”活动第三批项目集中开竣工仪式";
    for who in ["韩书平", "孟德川"] {
        assert!(has(&f, who, "attended", name), "{who}: {f:?}");
    }
}

#[test]
fn a_ceremony_named_by_its_act_after_a_time_word() {
    // 当天的 + 捐赠/v + 仪式: the act names the ceremony whatever stands before it.
    let f = facts(
        "3月26日,石桥县举行爱心物资交接活动。县委书记罗文远,副县长秦立山出席当天的捐赠仪式。",
    );
    for who in ["罗文远", "秦立山"] {
        assert!(has(&f, who, "attended", "捐赠仪式"), "{who}: {f:?}");
    }
}
