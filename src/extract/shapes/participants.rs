//! Who took part and how: attending, speaking, signing and unveiling together,
//! people joined by 和, verbs of taking part, and leaders only quoted. Names are made up.

use super::{facts, has, names_of};
use crate::graph::NodeKind;

#[test]
fn people_seated_on_the_rostrum_attend() {
    let f = facts("1月29日,省政协举行第四次全体会议。主席团常务主席王成、李立在主席台前排就坐。");
    assert!(has(&f, "王成", "attended", "全体会议"), "{f:?}");
    assert!(has(&f, "李立", "attended", "全体会议"), "{f:?}");
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
fn speeches_about_something_and_with_light_verbs() {
    let f = facts("3月5日,市政府召开全市安全生产工作会议。市长裴伟东对下步工作提出具体要求。");
    assert!(has(&f, "裴伟东", "spoke_at", "会议"), "{f:?}");
    let f = facts("9月15日,全县干部培训班开班仪式举行。县委党校常务副校长强薇就培训期间纪律问题作了明确要求。");
    assert!(has(&f, "强薇", "spoke_at", "开班仪式"), "{f:?}");
}

#[test]
fn a_speech_made_right_after_the_name() {
    let f = facts("2月6日,全县经济工作会议召开。县委书记钱勇作重要讲话,县长孙磊作经济工作报告。");
    assert!(has(&f, "钱勇", "spoke_at", "全县经济工作会议"), "{f:?}");
    assert!(has(&f, "孙磊", "spoke_at", "全县经济工作会议"), "{f:?}");
}

#[test]
fn taking_part_in_all_the_occasions_above() {
    let f = facts("9月25日,市长白英率团赴上海参加招商引资促进周活动。9月27日,白英主持召开重点项目推进会议,并会见了刘河洲。\n副市长孔祥杰参加了上述活动。");
    assert!(has(&f, "孔祥杰", "attended", "重点项目推进会议"), "{f:?}");
    assert!(has(&f, "孔祥杰", "attended", "会见"), "{f:?}");
}

#[test]
fn signing_and_witnessing_place_people_at_the_ceremony() {
    let f = facts("3月5日,洛阳市与某集团战略合作签约仪式举行。市长刘志明代表市政府签约。市委书记王刚见证签约并讲话。会议对签约项目作出安排。");
    assert!(has(&f, "刘志明", "attended", "签约仪式"), "{f:?}");
    assert!(has(&f, "王刚", "attended", "签约仪式"), "{f:?}");
    assert!(has(&f, "王刚", "spoke_at", "签约仪式"), "{f:?}");
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

#[test]
fn hosts_who_meet_a_group_warmly_or_each_in_turn() {
    let f = facts("11月21日,副镇长李广在镇政府港澳厅亲切会见同乡会主席孙志岐。");
    assert!(has(&f, "李广", "chaired", "会见"), "{f:?}");
    assert!(has(&f, "孙志岐", "attended", "会见"), "{f:?}");
    // 蓝天 + 立: a name jieba cut before the comma of a list of hosts.
    let f = facts("5月25日,省长马飚,副省长蓝天立,市长李宁波分别会见代表团一行。");
    for host in ["马飚", "蓝天立", "李宁波"] {
        assert!(has(&f, host, "chaired", "会见"), "{host}: {f:?}");
    }
}

#[test]
fn chaired_by_a_name_jieba_fused_with_you() {
    // jieba reads 由禹 as a name.
    let f = facts("4月26日,县人大常委会会议召开。会议由禹卫东主持。");
    assert!(has(&f, "禹卫东", "chaired", "会议"), "{f:?}");
}

#[test]
fn a_report_under_its_title_and_remarks_spoken_as_opinions() {
    let f = facts(
        "3月5日,中共伊川县第十二届委员会第四次全体会议召开。县委副书记、县长张小红向全会作了《关于高质量发展工作情况》的报告。",
    );
    assert!(has(&f, "张小红", "spoke_at", "第四次全体会议"), "{f:?}");
    let f = facts("3月5日,镇里召开第一书记对接会。最后镇党委副书记、镇长张小红讲意见。");
    assert!(has(&f, "张小红", "spoke_at", "第一书记对接会"), "{f:?}");
}

#[test]
fn a_phrase_jieba_takes_for_a_name_is_cut() {
    // jieba's dictionary has 应邀前来 as a name; the list before it lost its verb.
    let f = facts(
        "3月5日,县政协十届三次会议第二次全体会议召开。县领导张小红、李大军应邀前来听取委员发言,并在主席台就座。",
    );
    assert!(has(&f, "张小红", "attended", "全体会议"), "{f:?}");
    assert!(has(&f, "李大军", "attended", "全体会议"), "{f:?}");
}

#[test]
fn a_verb_inside_a_quoted_name_states_no_role() {
    let f =
        facts("8月26日,座谈会在沙洲村召开。座谈会前,龙腾飞、朱日升共同为“沙洲红色宣讲基地”揭牌。");
    assert!(has(&f, "龙腾飞", "attended", "座谈会"), "{f:?}");
    assert!(!has(&f, "龙腾飞", "spoke_at", "座谈会"), "{f:?}");
}

#[test]
fn a_visitor_who_speaks_there_and_then() {
    let pre = "2月3日,市委常委廖茂雄深入石鼓区慰问困难群众。区委书记杨龙金参加。";
    for said in [
        "杨龙金当场表示,将此户纳入安居工程。",
        "杨龙金叮嘱大家保重身体。",
    ] {
        let f = facts(&format!("{pre}{said}"));
        assert!(has(&f, "杨龙金", "spoke_at", "慰问"), "{said}: {f:?}");
    }
}

#[test]
fn a_speaker_on_behalf_of_others() {
    let f = facts("3月5日,县委召开全体会议。双桥镇党委书记甘立新代表受表扬的先进个人发言。");
    assert!(has(&f, "甘立新", "spoke_at", "全体会议"), "{f:?}");
}

#[test]
fn speeches_drawn_from_work_lectures_and_led_study() {
    let pre = "3月5日,县委召开全体会议。";
    for (said, who) in [
        (
            "县委常委、宣传部部长李淑芬，副县长吴昊结合分管工作作交流发言。",
            "吴昊",
        ),
        ("会上，县委政法委副书记马长安领学了有关章节。", "马长安"),
        ("副校长司马明为学员们作了首场专题讲座。", "司马明"),
    ] {
        let f = facts(&format!("{pre}{said}"));
        assert!(has(&f, who, "spoke_at", "全体会议"), "{said}: {f:?}");
    }
}

#[test]
fn no_speech_from_a_verb_naming_a_place_unveiled() {
    let f = facts("3月5日,县里举行文化节开幕式。龙腾飞、朱日升共同为沙洲红色宣讲基地揭牌。");
    assert!(has(&f, "龙腾飞", "attended", "开幕式"), "{f:?}");
    assert!(!has(&f, "龙腾飞", "spoke_at", "开幕式"), "{f:?}");
}

#[test]
fn speakers_before_a_long_topic_over_commas_and_a_count() {
    let f = facts("3月1日,县政协召开全体会议。会上,于建伟、郑丽婷、徐坤6名县政协委员,分别围绕市场主体高质量发展、助力乡村好青年建功新时代、全力营造四个环境等课题作了大会发言。");
    for who in ["于建伟", "郑丽婷", "徐坤"] {
        assert!(has(&f, who, "spoke_at", "全体会议"), "{who}: {f:?}");
    }
    let f = facts(
        "3月1日,县政协召开全体会议。会上,于建伟、郑丽婷、徐坤6名县政协委员,分别作了大会发言。",
    );
    for who in ["于建伟", "郑丽婷", "徐坤"] {
        assert!(has(&f, who, "spoke_at", "全体会议"), "{who}: {f:?}");
    }
    // A topic at the very start of a sentence has nobody before it.
    let f = facts("围绕高质量发展作了交流发言。");
    assert!(f.iter().all(|(_, r, _)| *r != "spoke_at"), "{f:?}");
    let f = facts("3月1日,县委召开理论学习中心组会议。执法监督科科长秦玉梅、县综治中心主任贾文彬结合各自工作实际,围绕“枫桥经验”在基层的实践作了交流发言。");
    for who in ["秦玉梅", "贾文彬"] {
        assert!(
            has(&f, who, "spoke_at", "理论学习中心组会议"),
            "{who}: {f:?}"
        );
    }
}

#[test]
fn attendees_of_a_lead_with_two_occasions_attend_both() {
    let f = facts(
        "标题\n\n3月10日,市委书记张立江会见了中冶集团董事长陈光明一行,并出席有关签约活动。\n市委副书记、市长田国民,市委常委侯立参加。",
    );
    assert!(has(&f, "田国民", "attended", "会见"), "{f:?}");
    assert!(has(&f, "田国民", "attended", "签约活动"), "{f:?}");
    assert!(has(&f, "侯立", "attended", "签约活动"), "{f:?}");
}

#[test]
fn partners_described_by_what_they_attended() {
    let f =
        facts("标题\n\n1月18日晚,市委书记王立力与参加市政协十三届四次会议的港澳委员举行见面会。");
    assert!(has(&f, "王立力", "chaired", "见面会"), "{f:?}");
    assert!(!has(&f, "王立力", "attended", "四次会议"), "{f:?}");
}

#[test]
fn people_who_gather_for_the_occasion_attend_it() {
    let f = facts(
        "标题\n\n2月1日,全镇新春恳谈会召开。县政府副县长陈立华,县商务局局长黄明华及各村支部书记共计80余人齐聚一堂,共话家乡发展。",
    );
    assert!(has(&f, "陈立华", "attended", "新春恳谈会"), "{f:?}");
    assert!(has(&f, "黄明华", "attended", "新春恳谈会"), "{f:?}");
}

#[test]
fn a_report_given_by_its_title_or_after_what_it_was_about() {
    let f = facts(
        "标题\n\n1月5日,政协荆州市第六届委员会第五次会议开幕。市政协副主席陈斌代表市政协常务委员会向大会作《工作报告》。市政协副主席唐旭作市政协关于提名县政协委员候选人建议名单的说明,交大会酝酿。",
    );
    for who in ["陈斌", "唐旭"] {
        assert!(has(&f, who, "spoke_at", "第五次会议"), "{who}: {f:?}");
    }
}

#[test]
fn a_speaker_who_speaks_first_or_last() {
    let f = facts(
        "标题\n\n5月6日,第八届全国中山公园年会开幕。区委常委、副区长赵惠琴出席开幕式。赵惠琴副区长首先向来自全国各地的代表们致欢迎词。",
    );
    assert!(has(&f, "赵惠琴", "spoke_at", "全国中山公园年会"), "{f:?}");
}

#[test]
fn a_speaker_addressed_as_comrade_on_whose_behalf() {
    let f = facts(
        "标题\n\n10月9日,集中开工仪式举行。仪式第二项:承建单位中城建设集团副总经理程毅同志代表施工方发言。",
    );
    assert!(has(&f, "程毅", "spoke_at", "开工仪式"), "{f:?}");
    let persons = names_of(
        "标题\n\n10月9日,集中开工仪式举行。程毅同志代表施工方发言。",
        NodeKind::Person,
    );
    assert!(!persons.iter().any(|p| p == "施工方"), "{persons:?}");
}

#[test]
fn counted_speakers_before_a_long_topic_speak() {
    // A count of the names with no comma, then a topic over many commas, with a word
    // jieba tags as a name (拓宽) inside it.
    let f = facts("1月12日下午,政协第六届吴忠市委员会第三次会议举行第二次全体会议。会上,杨红英、吴斌辛、马春梅3名委员围绕铸牢中华民族共同体意识、拓宽就业渠道、保障粮食安全、加强社会治理、优化营商环境等内容作大会发言。");
    for who in ["杨红英", "吴斌辛", "马春梅"] {
        assert!(has(&f, who, "spoke_at", "第二次全体会议"), "{who}: {f:?}");
    }
}

#[test]
fn people_seated_on_the_rostrum_of_the_session() {
    let f = facts("1月23日,某区政协十届五次会议开幕。区政协主席李一义,副主席邹一峰、李一笃,秘书长李一实在大会主席台前排就座。");
    for who in ["李一义", "邹一峰", "李一笃", "李一实"] {
        assert!(has(&f, who, "attended", "十届五次会议"), "{who}: {f:?}");
    }
}

#[test]
fn names_closed_by_deng_before_daohui() {
    // jieba reads 等到 (to wait until) + 会.
    let f = facts("1月23日,某区政协十届五次会议开幕。区委副书记、区长郅一颂,区人大常委会主任王一青、区委副书记刘一飞等到会祝贺。");
    for who in ["郅一颂", "王一青", "刘一飞"] {
        assert!(has(&f, who, "attended", "十届五次会议"), "{who}: {f:?}");
    }
}

#[test]
fn the_holding_of_a_session_as_a_noun_is_not_chairing_it() {
    let f = facts("1月23日,某区政协十届五次会议开幕。区委书记武一华对大会的召开表示热烈祝贺。");
    assert!(!has(&f, "武一华", "chaired", "十届五次会议"), "{f:?}");
}

#[test]
fn taking_part_told_with_canyu() {
    // 参与 is 参加; 全员参与 names no one.
    let f = facts(
        "3月2日,新区举行项目签约仪式。新区管委会副主任张立、李德华,公司办公室负责人参与签约仪式。干部职工全员参与。",
    );
    assert!(has(&f, "张立", "attended", "签约仪式"), "{f:?}");
    assert!(has(&f, "李德华", "attended", "签约仪式"), "{f:?}");
    assert!(!f.iter().any(|(who, _, _)| who == "全员"), "{f:?}");
}

#[test]
fn two_speakers_joined_by_and_or_in_turn() {
    // 和 joins two speakers, and so does 与 when they speak in turn (分别, 先后); 与
    // alone may name whom one speaks with.
    for text in [
        "3月9日,祁县举行开工仪式。市人大副主任王立新和县长李明华致辞。",
        "3月9日,祁县举行开工仪式。市人大副主任王立新与县长李明华分别致辞。",
    ] {
        let f = facts(text);
        for who in ["王立新", "李明华"] {
            assert!(has(&f, who, "spoke_at", "开工仪式"), "{who}: {f:?}");
        }
    }
}

#[test]
fn a_summing_up_is_a_speech() {
    // 进行小结 (summing up the work at the occasion) is said there, as 作总结 is.
    let f = facts("4月5日,高新区举行项目集中开工活动。区管委会主任徐立波对竞赛活动进行小结。");
    assert!(has(&f, "徐立波", "spoke_at", "项目集中开工活动"), "{f:?}");
}
