//! Shapes of who took part: lists closed by groups without names, head counts, rooms
//! named by a body, turns of speaking, watching at a branch venue, the county-level
//! city and the prefecture. Names are made up.

use super::{dated_events, facts, has, names_of};
use crate::graph::NodeKind;

#[test]
fn lists_closed_by_several_groups_without_names() {
    let f = facts("6月18日,宾川县开工仪式举行。县法院院长王亚男,县四大班子其他领导,县直各部门主要负责人,各乡镇党委书记参加开工仪式。");
    assert!(has(&f, "王亚男", "attended", "开工仪式"), "{f:?}");
    let f = facts("3月21日,县委召开全县党员干部警示教育大会。县人大常委会主任程立新,县政协主席邵明海,县委常委,县人大常委会、县政府、县政协有关领导,县法院院长、县检察院检察长在主会场参加会议。");
    assert!(has(&f, "程立新", "attended", "警示教育大会"), "{f:?}");
    assert!(has(&f, "邵明海", "attended", "警示教育大会"), "{f:?}");
}

#[test]
fn speakers_counted_and_in_turn_and_hosts_in_a_room() {
    let f = facts("5月4日,县委召开座谈会。党支部副书记郝佳佳,理事长贾青松等6名青年代表先后发言。其他班子成员欧阳晓、朱志刚依次发言。");
    for who in ["郝佳佳", "贾青松", "欧阳晓", "朱志刚"] {
        assert!(has(&f, who, "spoke_at", "座谈会"), "{who}: {f:?}");
    }
    let f = facts("5月4日上午,县委书记马长胜、县长欧阳丽在县委常委会议室接见了返乡创业青年代表。");
    assert!(has(&f, "马长胜", "chaired", "接见"), "{f:?}");
    let f = facts(
        "3月21日,全县警示教育大会召开。在天堂寨镇分会场,镇党委书记储学武带领全镇党员干部收看会议。",
    );
    assert!(has(&f, "储学武", "attended", "警示教育大会"), "{f:?}");
}

#[test]
fn a_prefecture_meeting_held_in_a_county_level_city() {
    // 各县（市、区） says the 市 of the article is the prefecture above 泊头市; 泊头市委
    // written out gives its own 市长.
    let f = facts("全市推进会在泊头召开\n\n9月14日,全市推进会在泊头市召开。市委副书记、市长冯立群出席会议并讲话。泊头市委副书记、市长苗红梅参加会议。各县（市、区）负责同志参加会议。");
    assert!(
        has(&f, "冯立群", "holds_position", "市长@沧州市人民政府"),
        "{f:?}"
    );
    assert!(
        has(&f, "苗红梅", "holds_position", "市长@泊头市人民政府"),
        "{f:?}"
    );
}

#[test]
fn occasions_held_done_or_only_a_way_of_doing() {
    let events = dated_events(
        "7月12日,召开联席会议。会上还举行了项目签约仪式。会前,通过召开座谈会等方式听取意见。",
    );
    let names: Vec<&str> = events.iter().map(|(n, _)| n.as_str()).collect();
    assert!(names.contains(&"项目签约仪式"), "{names:?}");
    assert!(!names.contains(&"座谈会"), "{names:?}");
}

#[test]
fn a_place_that_holds_an_occasion_is_no_person() {
    let f =
        facts("安平举办项目开工仪式\n\n2月7日上午,安平县举办项目开工仪式。县委书记张福杰出席。");
    assert!(!f.iter().any(|(w, _, _)| w == "安平"), "{f:?}");
    let events = dated_events("2月7日上午,安平县举办项目开工仪式。");
    assert!(
        events.iter().any(|(n, _)| n == "项目开工仪式"),
        "{events:?}"
    );
}

#[test]
fn speakers_after_an_occasion_convened_in_the_body_are_at_it() {
    let f = facts("省督导组来我市督导\n\n10月26日,省督导组组长马长安一行来我市督导秸秆禁烧工作,市长鲍玉民陪同督导。\n27日上午,督导组召开工作座谈会。鲍玉民汇报了工作情况。\n会上,马长安指出,要压实责任。");
    assert!(has(&f, "鲍玉民", "attended", "督导"), "{f:?}");
    assert!(has(&f, "鲍玉民", "spoke_at", "座谈会"), "{f:?}");
    assert!(has(&f, "马长安", "spoke_at", "座谈会"), "{f:?}");
    assert!(!has(&f, "鲍玉民", "spoke_at", "督导"), "{f:?}");
}

#[test]
fn a_meeting_with_guests_in_the_lead_is_the_main_occasion() {
    // The signing held later is an occasion of its own; the words between are at the
    // 会见 the lead reports.
    let f = facts("标题\n\n4月8日下午,县委书记沈立群在县行政中心会见了考察团一行。\n钱海潮表示,将积极牵线搭桥。\n会见结束后,县人民政府与某公司举行签约仪式。");
    assert!(has(&f, "沈立群", "chaired", "会见"), "{f:?}");
    assert!(has(&f, "钱海潮", "spoke_at", "会见"), "{f:?}");
    assert!(!has(&f, "钱海潮", "spoke_at", "签约仪式"), "{f:?}");
}

#[test]
fn a_visit_in_the_lead_stays_main_beside_a_meeting_chaired_during_it() {
    let f = facts("刘长河到沂南县调研\n\n4月12日,市委书记刘长河一行到沂南县调研乡村振兴工作。县委书记宋立新,县长魏东升陪同。\n随后,刘长河主持召开座谈会。宋立新代表县委、县政府作了汇报。");
    assert!(has(&f, "宋立新", "attended", "调研"), "{f:?}");
    assert!(has(&f, "魏东升", "attended", "调研"), "{f:?}");
    assert!(has(&f, "刘长河", "chaired", "座谈会"), "{f:?}");
    assert!(has(&f, "宋立新", "spoke_at", "座谈会"), "{f:?}");
    assert!(!has(&f, "宋立新", "spoke_at", "调研"), "{f:?}");
}

#[test]
fn posts_written_after_their_names() {
    let f = facts("4月17日,县委召开专题会议。县人大常委会马文秀主任,县政协苟正平主席,县委常委、副县长权卫华参加会议。县中医药产业发展服务中心主任窦成功汇报了工作情况。");
    assert!(
        has(&f, "马文秀", "holds_position", "主任@县人大常委会"),
        "{f:?}"
    );
    assert!(has(&f, "苟正平", "holds_position", "主席@县政协"), "{f:?}");
    assert!(!has(&f, "权卫华", "holds_position", "主席"), "{f:?}");
    assert!(has(&f, "窦成功", "spoke_at", "专题会议"), "{f:?}");
    let f = facts("5月2日,静海区委蔺雪峰书记、区政府代区长张庆恩参加座谈。");
    assert!(
        has(&f, "蔺雪峰", "holds_position", "书记@静海区委"),
        "{f:?}"
    );
    assert!(!has(&f, "张庆恩", "holds_position", "书记"), "{f:?}");
}

#[test]
fn a_meeting_chaired_in_the_lead_stays_main_beside_a_visit_before_it() {
    let f =
        facts("3月5日,市委书记王刚主持召开民营企业座谈会,会前王刚一行到开发区调研。县长李明出席。");
    assert!(has(&f, "王刚", "chaired", "座谈会"), "{f:?}");
    assert!(has(&f, "李明", "attended", "座谈会"), "{f:?}");
}

#[test]
fn words_with_a_surname_inside_a_list_of_names() {
    let f =
        facts("3月5日,县委理论学习中心组集体学习召开。县委常委钭晓明、施展、应天、毛蕊参加学习。");
    for name in ["钭晓明", "施展", "应天", "毛蕊"] {
        assert!(
            f.iter().any(|(s, r, _)| s == name && *r == "attended"),
            "{name} {f:?}"
        );
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
fn lists_closed_by_groups() {
    let f = facts("3月12日,区里举行义务植树活动,区委书记王俊、区长姚斌等全体在职区领导及有关单位干部职工代表120余人参加了活动。");
    assert!(has(&f, "王俊", "attended", "植树活动"), "{f:?}");
    assert!(has(&f, "姚斌", "attended", "植树活动"), "{f:?}");
    let f = facts("9月2日,九峰镇农贸市场启用仪式举行。副县长林德志、县纪委副书记杨坤生、镇领导班子成员、农贸市场管理小组人员参加了本次仪式。");
    assert!(has(&f, "林德志", "attended", "仪式"), "{f:?}");
    assert!(has(&f, "杨坤生", "attended", "仪式"), "{f:?}");
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
fn names_then_a_group_without_names_attend() {
    let f = facts("3月5日上午,全市安全生产工作会议召开。市领导刘志明、陈平,各县(市、区)政府主要负责同志参加会议。");
    assert!(has(&f, "刘志明", "attended", "安全生产工作会议"), "{f:?}");
    assert!(has(&f, "陈平", "attended", "安全生产工作会议"), "{f:?}");
    let f =
        facts("3月5日,全市安全生产工作会议召开。市领导刘志明、陈平,市直各部门负责同志参加会议。");
    assert!(has(&f, "陈平", "attended", "安全生产工作会议"), "{f:?}");
}

#[test]
fn a_list_on_the_line_after_its_colon() {
    let f = facts("3月5日,全市安全生产工作会议召开。出席会议的有:\n王刚、李建国、张华。\n在主席台就座的领导有:\n刘志明\u{3000}陈平");
    for who in ["王刚", "李建国", "张华", "刘志明", "陈平"] {
        assert!(has(&f, who, "attended", "安全生产工作会议"), "{who}: {f:?}");
    }
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
fn a_clause_ending_in_de_inside_a_list_of_attendees() {
    let f = facts(
        "1月19日,省政协十二届四次会议开幕。省领导王拥军、罗清宇,全国政协常委周然,担任本届政协委员的十一届省政协副主席李雁红、朱先奇出席会议。",
    );
    for who in ["王拥军", "罗清宇", "周然", "李雁红", "朱先奇"] {
        assert!(has(&f, who, "attended", "会议"), "{who}: {f:?}");
    }
    // The post of the clause is no post of the names before it.
    assert!(!has(&f, "罗清宇", "holds_position", "委员@"), "{f:?}");
}

#[test]
fn a_name_then_its_bodys_members_attend() {
    let f = facts(
        "1月12日上午,县长王代强主持召开县委常委会会议。县委副书记郭杰等县委常委会组成人员出席会议。",
    );
    assert!(has(&f, "郭杰", "attended", "会议"), "{f:?}");
}

#[test]
fn hosts_who_lead_a_democratic_party_stay_in_the_list() {
    // jieba reads 民建 and 民进 as adjectives, which ended the list of hosts there.
    let f = facts(
        "11月14日,省委副书记周建平,省政协副主席、民建湖南省委主委孙丽华,省政协副主席、民进湖南省委主委钱和平在长沙会见了外省考察团一行。",
    );
    for who in ["周建平", "孙丽华", "钱和平"] {
        assert!(has(&f, who, "chaired", "会见"), "{who}: {f:?}");
    }
}

#[test]
fn those_who_attend_a_meeting_with_guests_do_not_host_it() {
    let f = facts(
        "11月14日,省委副书记周建平在长沙会见了外省考察团一行。参加会见的还有副省长孙丽华,省政协副主席钱和平。",
    );
    assert!(has(&f, "周建平", "chaired", "会见"), "{f:?}");
    for who in ["孙丽华", "钱和平"] {
        assert!(has(&f, who, "attended", "会见"), "{who}: {f:?}");
        assert!(!has(&f, who, "chaired", "会见"), "{who}: {f:?}");
    }
    let f = facts("5月3日,市长王刚会见了客人,副市长李明陪同会见。");
    assert!(has(&f, "李明", "attended", "会见"), "{f:?}");
    assert!(!has(&f, "李明", "chaired", "会见"), "{f:?}");
}

#[test]
fn a_list_whose_posts_name_the_organ_without_its_place() {
    let f = facts(
        "12月12日,县长梁文主持召开县政府常务会议。县委常委、政府常务副县长国利,政府副县长刘通、邹涛出席会议。",
    );
    for who in ["国利", "刘通", "邹涛"] {
        assert!(has(&f, who, "attended", "常务会议"), "{who}: {f:?}");
    }
}

#[test]
fn names_before_a_long_description_of_who_else_came() {
    let f = facts(
        "9月21日,全国城市政协联系会第43次会议在浔举行。辽阳市政协主席尚杰洪,连云港市政协主席仲琨等来自全国13个省(区)22个城市的政协领导参加了会议。",
    );
    for who in ["尚杰洪", "仲琨"] {
        assert!(has(&f, who, "attended", "第43次会议"), "{who}: {f:?}");
    }
}

#[test]
fn groups_without_names_after_the_names_and_a_total() {
    let pre = "3月5日,县委召开全体会议。";
    for list in [
        "县委书记石清泉，县直相关单位负责人参加会议。",
        "县领导石清泉、滕飞，县直相关单位负责人、非遗传承人代表、游客群众等200余人参加会议。",
        "镇人大主席石清泉，镇党委委员、副镇长滕飞和镇领导班子其他成员，镇直各单位负责人共80余人参加会议。",
    ] {
        let f = facts(&format!("{pre}{list}"));
        assert!(has(&f, "石清泉", "attended", "全体会议"), "{list}: {f:?}");
    }
}

#[test]
fn an_item_with_a_word_the_chunker_does_not_read_keeps_the_list() {
    // 统计 (a verb) inside 计划统计处 used to end the list there.
    let f = facts("3月31日,区重点项目集中开工仪式举行。市委书记刘德安、市人大常委会副主任钱文勇、铁路局计划统计处处长潘东亮、指挥部指挥长何跃进及市级有关部门负责同志出席开工仪式。");
    for who in ["刘德安", "钱文勇", "潘东亮", "何跃进"] {
        assert!(has(&f, who, "attended", "开工仪式"), "{who}: {f:?}");
    }
    // 我市 (our city) in front of a post is the paper's place.
    let f = facts("3月1日,奠基仪式举行。我市市委常委、新坝镇党委书记潘建、灌云县政协党组书记王嘉庆、我市政协副主席王兰芝参加奠基仪式。");
    for who in ["潘建", "王嘉庆", "王兰芝"] {
        assert!(has(&f, who, "attended", "奠基仪式"), "{who}: {f:?}");
    }
    // A name inside the item says whose the named one is; only the named one came.
    let f = facts("5月2日,纪念大会举行。画家陈其美夫人廖静怡、副校长陈凌华等出席大会。");
    assert!(has(&f, "廖静怡", "attended", "纪念大会"), "{f:?}");
    assert!(!has(&f, "陈其美", "attended", "纪念大会"), "{f:?}");
}

#[test]
fn groups_named_for_their_people_with_numbers_and_verbs_keep_the_list() {
    let f = facts("3月1日,集中开工仪式举行。市委常委、副市长贾云明,镇党委书记、镇长吕长海,市发改委、工信局、住建局相关领导,8个开工项目企业负责人,相关部队领导,企业、施工方代表以及全体党政领导、各村党组织书记、机关部门和相关垂直单位负责人等出席开工仪式。");
    for who in ["贾云明", "吕长海"] {
        assert!(has(&f, who, "attended", "开工仪式"), "{who}: {f:?}");
    }
}

#[test]
fn a_list_closed_by_the_head_of_a_government_s_office() {
    // 县政府办 is the office of the government, which jieba reads as a verb (办).
    let f = facts("3月26日,县长王立军主持召开县政府第五十七次常务会议。副县长何一奎、顾小欣、罗海辉和县政府办主任李安平出席会议。");
    for who in ["何一奎", "顾小欣", "罗海辉", "李安平"] {
        assert!(has(&f, who, "attended", "常务会议"), "{who}: {f:?}");
    }
    assert!(
        f.iter().any(|(w, r, x)| w == "李安平"
            && *r == "holds_position"
            && x.ends_with("人民政府办公室")),
        "{f:?}"
    );
}

#[test]
fn an_item_naming_an_office_cut_by_the_segmenter_and_its_other_name() {
    // 经合办 is cut 经 + 合办 (a verb); (招商局) is the office's other name.
    let f = facts("10月16日,投资项目签约仪式举行。县委书记施振东,县委副书记、县长丁一政,金华市经合办(招商局)主任洪建明,副县长于文统出席并见证签约仪式。");
    for who in ["施振东", "丁一政", "洪建明", "于文统"] {
        assert!(has(&f, who, "attended", "签约仪式"), "{who}: {f:?}");
    }
}

#[test]
fn a_name_cut_after_a_surname_jieba_reads_as_a_verb_keeps_the_list() {
    // 付 + 和平 (a verb and a word) after 程志 + 华, which the labeller reads whole.
    let f = facts("9月2日,全县重点项目建设调度会召开。县委常委、常务副县长吴一峰主持,县领导李红军、何正明、程志华、付和平,县政府党组成员、政府办主任荣光明等出席,县直有关单位负责同志参加了会议。");
    for who in ["李红军", "何正明", "程志华", "付和平", "荣光明"] {
        assert!(has(&f, who, "attended", "调度会"), "{who}: {f:?}");
    }
}

#[test]
fn a_list_closed_by_the_bodies_that_send_people() {
    let f = facts("2月3日,全县重点项目建设第一次调度会召开。县委书记陈一良,县委常委、常务副县长刘小海,县人大常委会副主任王立笠,项目牵头单位、县直相关部门及部分乡镇主要负责人等参加会议。");
    for who in ["陈一良", "刘小海", "王立笠"] {
        assert!(has(&f, who, "attended", "调度会"), "{who}: {f:?}");
    }
}

#[test]
fn names_closed_by_a_rank_then_groups_and_a_total() {
    let f = facts("3月18日,全县重点项目集中开复工仪式举行。张一明、费向东、丁春华等副县级以上领导,各乡镇党委书记、乡镇长,县直各部门主要负责人,有关企业负责人、项目代表、职工代表等共计150余人参加。");
    for who in ["张一明", "费向东", "丁春华"] {
        assert!(has(&f, who, "attended", "开复工仪式"), "{who}: {f:?}");
    }
}

#[test]
fn items_naming_a_company_jieba_cut_or_the_writers_own_body() {
    // 交建 + 集团: a verb cut out of a company's name; 我校: the writer's school.
    let f = facts("3月1日,工作座谈会召开。区委书记欧一昭,区委副书记、区长景小波,副区长刘一莉,交建集团总经理周永明出席会议。");
    for who in ["欧一昭", "景小波", "刘一莉", "周永明"] {
        assert!(has(&f, who, "attended", "座谈会"), "{who}: {f:?}");
    }
    let f = facts(
        "3月1日,培训班开班仪式举行。省应急管理厅副厅长王月明,我校副校长冶成华参加了开班仪式。",
    );
    for who in ["王月明", "冶成华"] {
        assert!(has(&f, who, "attended", "开班仪式"), "{who}: {f:?}");
    }
}

#[test]
fn people_who_take_part_by_video() {
    let f = facts("3月1日,领导班子民主生活会召开。副主委修一远、韩小晶、李劲东,盟省委委员通过视频参加会议。副处长刘一涛以视频方式列席会议。");
    for who in ["修一远", "韩小晶", "李劲东", "刘一涛"] {
        assert!(has(&f, who, "attended", "民主生活会"), "{who}: {f:?}");
    }
    // 视频 + 连线: the medium in two words.
    let f = facts("9月5日,项目云签约仪式举行。集团董事长王一银、公司董事长郑元宝通过视频连线参加签约仪式并致辞。");
    for who in ["王一银", "郑元宝"] {
        assert!(has(&f, who, "spoke_at", "签约仪式"), "{who}: {f:?}");
    }
}

#[test]
fn a_last_item_whose_name_nothing_read_keeps_the_names_before_it() {
    // 周 + 中泽: jieba cut the name, the labeller missed it, no post stands before it.
    let f = facts("3月1日,专题协商座谈会召开。区工商联主席方一亮、区知联会会长胡小洁、闵行实践锻炼基地挂职干部周中泽先后发言。");
    for who in ["方一亮", "胡小洁"] {
        assert!(has(&f, who, "spoke_at", "座谈会"), "{who}: {f:?}");
    }
}

#[test]
fn names_closed_by_the_presidium_seated_on_the_rostrum() {
    let f = facts(
        "标题\n\n1月8日,县第九届人民代表大会第三次会议开幕。张立明、邹新建、杨福生等其他大会主席团成员在主席台就座。",
    );
    assert!(has(&f, "张立明", "attended", "人民代表大会"), "{f:?}");
    assert!(has(&f, "杨福生", "attended", "人民代表大会"), "{f:?}");
}

#[test]
fn names_before_a_long_group_of_bodies_after_a_conjunction() {
    let f = facts(
        "标题\n\n8月8日,县长孙庆伟主持召开重点项目建设周调度会。县领导宋泰伟、晁自强、孔伟及县政府办、督查局、发改委、住建局、国土局、交通局等单位负责同志参加会议。",
    );
    for who in ["宋泰伟", "晁自强", "孔伟"] {
        assert!(
            has(&f, who, "attended", "重点项目建设周调度会"),
            "{who}: {f:?}"
        );
    }
}

#[test]
fn names_before_a_group_of_the_place_just_named() {
    let f = facts(
        "标题\n\n2月18日上午,全县重大项目集中开工活动在高新区举行,江华县委书记段贵建,江华县委副书记、县长吴军臣,该县县领导蒋剑、伍继承等出席仪式。",
    );
    for who in ["段贵建", "吴军臣", "蒋剑"] {
        assert!(has(&f, who, "attended", "仪式"), "{who}: {f:?}");
    }
}

#[test]
fn a_name_jieba_ran_into_the_word_after_its_particle() {
    let f = facts("11月24日上午,我区召开重点项目推进会。刘文宇、陆志民、张在明等区领导及相关镇办和部门负责人参加会议。");
    for who in ["刘文宇", "陆志民", "张在明"] {
        assert!(has(&f, who, "attended", "重点项目推进会"), "{who}: {f:?}");
    }
}

#[test]
fn a_company_with_numbers_in_its_name_after_yiji_closes_the_list() {
    let f = facts("10月14日上午,某县人民政府与中建三局合作框架协议签约仪式举行,县委书记王天亮,县领导张一峰、刘民、黄志贤以及中冶二十二冶建设集团第三工程有限公司董事长李思远一行出席签约仪式。");
    for who in ["王天亮", "张一峰", "刘民", "黄志贤", "李思远"] {
        assert!(has(&f, who, "attended", "签约仪式"), "{who}: {f:?}");
    }
}

#[test]
fn a_group_closing_names_with_deng_joined_by_yu_to_more_names() {
    let f = facts("12月26日上午,某项目奠基开工仪式在工业园举行。由县委副书记夏立平担任主持。公司常务副总经理邓志洪、副总经理姚明盛等企业高层与县领导钱大邦、杨祥林及市县有关部门、开发区负责人参加奠基开工仪式。");
    assert!(has(&f, "夏立平", "chaired", "奠基开工仪式"), "{f:?}");
    for who in ["邓志洪", "姚明盛", "钱大邦", "杨祥林"] {
        assert!(has(&f, who, "attended", "奠基开工仪式"), "{who}: {f:?}");
    }
}

#[test]
fn an_unread_name_closing_a_segment_of_a_list_over_commas() {
    let f = facts("昨日,市人大常委会第二十次会议举行第一次全体会议。市人大常委会常务副主任侯雄文,副主任冷刚林、赵小伟、孙传明、仰协,秘书长谢志远出席会议。");
    for who in ["侯雄文", "冷刚林", "赵小伟", "孙传明", "谢志远"] {
        assert!(has(&f, who, "attended", "第一次全体会议"), "{who}: {f:?}");
    }
}

#[test]
fn people_joined_by_and_who_sit_on_the_rostrum() {
    let f = facts("3月1日,市人代会预备会议举行。副主任田一泓、赵一华和秘书长许一军在主席台就座。");
    for who in ["田一泓", "赵一华", "许一军"] {
        assert!(has(&f, who, "attended", "预备会议"), "{who}: {f:?}");
    }
}

#[test]
fn a_company_whose_short_name_jieba_cuts_as_a_verb_before_a_post() {
    let f = facts("近日,某项目举行开工仪式。某市委书记何一静,市委副书记、市长林海文,远洋置地副总裁燕一军,中建八局副总经理孙一才等出席开工仪式。");
    for who in ["何一静", "林海文", "燕一军", "孙一才"] {
        assert!(has(&f, who, "attended", "开工仪式"), "{who}: {f:?}");
    }
}

#[test]
fn groups_without_names_after_yiji_and_commas_close_a_list() {
    for list in [
        "市委常委、统战部长张一林以及市重点办、督查局主要负责同志,县领导刘一冰、刘一翠以及12个乡(镇)党委书记等参加活动。",
        "市委常委、统战部长张一林,县领导刘一冰、刘一翠以及12个乡(镇)党委书记,相关职能部门主要负责同志等参加活动。",
    ] {
        let f = facts(&format!("10月31日,某县举行重点建设项目集中开工仪式。{list}"));
        for who in ["张一林", "刘一冰", "刘一翠"] {
            assert!(has(&f, who, "attended", "集中开工仪式"), "{who}: {f:?}");
        }
    }
}

#[test]
fn a_mongolian_name_closing_a_segment_of_a_list() {
    // jieba cuts 额登 + 毕力/d + 格; the name is joined from its characters.
    let f = facts("11月24日,某市党政考察团来我市考察。某市领导甄一华、刘一云、额登毕力格,我市领导刘一英、曹一志等参加。");
    for who in ["甄一华", "刘一云", "刘一英", "曹一志"] {
        assert!(has(&f, who, "attended", "考察"), "{who}: {f:?}");
    }
}

#[test]
fn an_item_after_he_and_a_second_occasion_after_related() {
    let f = facts("1月21日,某县揭牌仪式举行。市领导关一华、赵一良、李作明和临沂军分区首长高德成等分别出席揭牌仪式和相关工作会议。");
    for who in ["关一华", "赵一良", "李作明", "高德成"] {
        assert!(has(&f, who, "attended", "揭牌仪式"), "{who}: {f:?}");
        assert!(has(&f, who, "attended", "工作会议"), "{who}: {f:?}");
    }
}

#[test]
fn a_zone_whose_name_jieba_cuts_at_a_verb_stands_in_an_item() {
    let f = facts("11月11日上午,某县举行重点项目集中开工新闻发布会。县委常委、常务副县长郑一刚,县委常委、宣传部长李一辉,县产业集聚区管委会常务副主任徐一懋出席了上午的新闻发布会。");
    for who in ["郑一刚", "李一辉", "徐一懋"] {
        assert!(has(&f, who, "attended", "新闻发布会"), "{who}: {f:?}");
    }
}

#[test]
fn a_company_whose_name_jieba_reads_as_a_number_inside_a_list() {
    let f = facts("10月11日,海棠区举行工作座谈。区委书记鲁一兰,中国贸促会处长张一娟,中国中元国际工程有限公司董事长李一欣出席。");
    for who in ["鲁一兰", "张一娟", "李一欣"] {
        assert!(has(&f, who, "attended", "座谈"), "{who}: {f:?}");
    }
}

#[test]
fn a_given_name_read_as_a_banner_inside_a_list_of_names() {
    // jieba cuts 金星 + 旗, and 旗 is a banner's word; in a list of names it ends one.
    let f = facts(
        "12月21日,石桥县举行项目集中开工仪式。县领导韩书平、金星旗、吴靖、孟德川等出席开工仪式。",
    );
    for who in ["韩书平", "金星旗", "吴靖", "孟德川"] {
        assert!(has(&f, who, "attended", "开工仪式"), "{who}: {f:?}");
    }
}

#[test]
fn veteran_cadres_and_a_ceremony_of_several_acts() {
    // jieba reads 老 of 老同志 as a name; 开工、竣工、投产仪式 is one ceremony.
    let f = facts("11月5日,市领导韩书平、孟德川,老同志、市慈善总会会长罗文远,市直有关部门负责人分别出席开工、竣工、投产仪式。");
    for who in ["韩书平", "孟德川", "罗文远"] {
        assert!(
            has(&f, who, "attended", "开工、竣工、投产仪式"),
            "{who}: {f:?}"
        );
    }
}

#[test]
fn names_read_as_an_idiom_or_before_yiji_after_their_posts() {
    // 王奕/i, and 刘 + 三友 closed by 以及 and a group from elsewhere.
    let f = facts("12月28日晚,石桥县新年音乐晚会在县大礼堂举行。县长助理王奕,县政协副主席刘三友以及来自石桥摄影家协会负责人等出席活动。");
    for who in ["王奕", "刘三友"] {
        assert!(has(&f, who, "attended", "新年音乐晚会"), "{who}: {f:?}");
    }
}

#[test]
fn a_group_a_commission_sends_into_another_body_holds_a_list_together() {
    // jieba reads the group's 纪检监察 as a name and 驻 as a verb: the list of those
    // who sat in fell apart at that item.
    let text = "3月2日,县人大常委会召开第十次会议。副县长张立明,县人民法院院长李建华,县纪委监委驻县人大机关纪检监察组组长,县人大各专门委员会组成人员列席会议。";
    let f = facts(text);
    assert!(has(&f, "张立明", "attended", "第十次会议"), "{f:?}");
    assert!(has(&f, "李建华", "attended", "第十次会议"), "{f:?}");
    let orgs = names_of(text, NodeKind::Organization);
    assert!(
        orgs.iter()
            .any(|o| o.ends_with("纪委监委驻县人大机关纪检监察组")),
        "{orgs:?}"
    );
}

#[test]
fn a_list_over_a_name_fused_with_and_and_over_units_of_a_county() {
    // 严明 + 和县 (a county of Anhui) + 四大班子领导, and 郎溪县 + 直/d (the county's
    // own bodies): neither ends the list of who attended.
    let f = facts(
        "12月28日,郎溪县十字工业园举行了集中开工仪式。宣城市委书记方立军,市政府副市长严明和县四大班子领导,以及宣郎茶业总公司、郎溪县直有关部门负责人等出席开工仪式。",
    );
    for who in ["方立军", "严明"] {
        assert!(has(&f, who, "attended", "集中开工仪式"), "{who}: {f:?}");
    }
}
