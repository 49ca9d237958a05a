//! Visits and inspections: the visitors, the group they lead, their companions, the
//! stops on the way and the occasion the lead reports. Names are made up.

use super::{dated_events, facts, has, names_of};
use crate::graph::NodeKind;

#[test]
fn visitors_to_our_county_and_their_companions() {
    let f = facts("5月3日,省委常委王建国一行到我县调研乡村振兴工作，县委书记李明陪同。");
    assert!(has(&f, "王建国", "attended", "调研"), "{f:?}");
    assert!(has(&f, "李明", "attended", "调研"), "{f:?}");
    let f = facts("7月14日,县人大常委会主任汤小娥督导长湖乡防汛抗灾工作。");
    assert!(has(&f, "汤小娥", "attended", "督导"), "{f:?}");
}

#[test]
fn a_visit_over_several_days_does_not_date_what_happened_during_it() {
    let events = dated_events(
        "11月14日至19日,山南市党政代表团一行来湘访问。在此期间,省委书记王成会见了代表团一行。",
    );
    assert!(events.iter().all(|(_, d)| d.is_none()), "{events:?}");
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
fn the_people_a_visitor_leads_go_with_the_leader() {
    let f = facts(
        "12月7日,市委书记、市长周立新带领市委常委、副市长郑海波,副市长钱玉兰,及市发改委、市财政局等部门考察组一行赴恩施州走访考察,恩施州州委书记吴天成陪同考察。",
    );
    for who in ["周立新", "郑海波", "钱玉兰"] {
        assert!(has(&f, who, "attended", "走访考察"), "{who}: {f:?}");
    }
    // The companion goes on the visit he accompanies, and no one is led on that.
    assert!(has(&f, "吴天成", "attended", "考察"), "{f:?}");
    let led_along = ("郑海波".to_string(), "attended", "考察".to_string());
    assert!(!f.contains(&led_along), "{f:?}");
    let f = facts("3月3日,市长孙和平率党政考察团来我市参观考察。市委书记冯建陪同考察。");
    assert!(has(&f, "孙和平", "attended", "参观考察"), "{f:?}");
    // The companions after 陪同 are not led.
    let f = facts("3月3日,副市长高志远带领相关部门负责人到县里调研,县长韩立陪同。");
    assert!(has(&f, "高志远", "attended", "调研"), "{f:?}");
}

#[test]
fn the_others_on_a_visit_named_after_it() {
    let f = facts(
        "11月14日,湖北省考察团一行来我省考察。前来我省考察的还有湖北省人大常委会副主任周立新,湖北省政协副主席钱玉兰。",
    );
    for who in ["周立新", "钱玉兰"] {
        assert!(has(&f, who, "attended", "考察"), "{who}: {f:?}");
    }
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
fn a_visit_named_by_its_bare_word_keeps_its_stops() {
    let text = "3月5日,市委书记王刚到伊川县调研。王刚一行先后来到鸣皋镇、白沙镇,实地察看产业发展情况。伊川县委书记张华陪同调研。";
    assert_eq!(names_of(text, NodeKind::Event), ["调研"]);
    let f = facts(text);
    assert!(has(&f, "张华", "attended", "调研"), "{f:?}");
}

#[test]
fn companions_in_a_frame_before_the_visit() {
    let f = facts("3月5日,在市委书记王刚、市长刘志明的陪同下,省委副书记李明一行到伊川县调研。");
    for who in ["王刚", "刘志明", "李明"] {
        assert!(has(&f, who, "attended", "调研"), "{who}: {f:?}");
    }
}

#[test]
fn a_visit_after_the_places_or_the_group_and_a_comma() {
    let f = facts("3月8日,区长卢志明先后来到新华街道、城东街道,调研基层治理工作。");
    assert!(has(&f, "卢志明", "attended", "调研"), "{f:?}");
    let f = facts("5月6日,市委书记林海涛率市直有关部门负责同志,到开发区开展安全生产督查。");
    assert!(has(&f, "林海涛", "attended", "督查"), "{f:?}");
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
fn visitors_and_a_comma_after_where_they_went() {
    let f = facts(
        "3月21日,市人大常委会副主任解冰山到周口港区,视察港区人大工作,港区党委书记孙红伟陪同。",
    );
    assert!(has(&f, "解冰山", "attended", "视察"), "{f:?}");
    assert!(has(&f, "孙红伟", "attended", "视察"), "{f:?}");
    let f = facts("2月3日,市委常委廖茂雄一行,深入石鼓区角山乡、松木片区等地慰问困难群众。");
    assert!(has(&f, "廖茂雄", "attended", "慰问"), "{f:?}");
}

#[test]
fn a_call_paid_on_a_body_is_a_visit() {
    let f = facts("2月22日上午,淮南市政协主席蔡宜骅走访民盟市委机关。市政协副主席杨天标、秘书长颜冬松等陪同走访。");
    for who in ["蔡宜骅", "杨天标", "颜冬松"] {
        assert!(has(&f, who, "attended", "走访"), "{who}: {f:?}");
    }
}

#[test]
fn a_festival_s_round_of_visits_is_named_with_the_festival() {
    let f = facts("1月21日,县委书记徐华明到花园街道专榆居委会开展春节走访慰问活动,看望困难户。");
    assert!(has(&f, "徐华明", "attended", "春节走访慰问活动"), "{f:?}");
}

#[test]
fn visit_words_written_together_name_one_visit() {
    let events = dated_events(
        "11月15日,区人大常委会组织人大代表视察调研全区经济社会发展情况。区委书记景雪东参加。",
    );
    assert!(events.iter().any(|(n, _)| n == "视察调研"), "{events:?}");
    assert!(!events.iter().any(|(n, _)| n == "视察"), "{events:?}");
}

#[test]
fn visitors_who_go_on_to_attend_a_ceremony_after_a_comma() {
    let f = facts("3月16日下午,州委书记郭一立,州委副书记、州长马相明,副州长高永和一行到永靖县调研督导重点项目建设,出席2021年重点项目开工复工仪式,郭一立宣布开工。");
    for who in ["郭一立", "马相明", "高永和"] {
        assert!(has(&f, who, "attended", "开工复工仪式"), "{who}: {f:?}");
    }
    // A life's story and a relative clause after a comma take part in nothing here.
    let f = facts("1月4日,省长李建明走访慰问老党员。今年91岁的王大雷已有70年党龄,参加过淮海战役。");
    assert!(!has(&f, "王大雷", "attended", "淮海战役"), "{f:?}");
}

#[test]
fn visitors_closed_by_a_word_for_them_and_those_who_go_along() {
    let f = facts("1月23日下午,新华区区委书记董一生、区长徐延明、区总工会主席吕聚才等领导,看望慰问劳模及困难职工。");
    for who in ["董一生", "徐延明", "吕聚才"] {
        assert!(has(&f, who, "attended", "看望慰问"), "{who}: {f:?}");
    }
    let f = facts("9月20日,县委书记罗先明带领考察团前往东莞市考察。县领导李学兵、宋小磊及相关部门负责人一同前往。");
    for who in ["李学兵", "宋小磊"] {
        assert!(has(&f, who, "attended", "考察"), "{who}: {f:?}");
    }
}

#[test]
fn visitors_whose_list_ends_in_a_group_without_names() {
    let f = facts(
        "标题\n\n昨日下午,市委书记黄立明,市委常委于敏、杨成标,各区、县(市)委书记考察了嘉兴市统筹城乡发展工作。",
    );
    assert!(has(&f, "黄立明", "attended", "考察"), "{f:?}");
    assert!(has(&f, "杨成标", "attended", "考察"), "{f:?}");
    // A post after its name is no group: a visit studied is not one taken.
    let f = facts("标题\n\n会议召开。会议学习了习近平总书记视察江苏重要讲话精神。");
    assert!(!f.iter().any(|(_, r, _)| *r == "attended"), "{f:?}");
}

#[test]
fn visitors_and_those_who_came_with_them() {
    let f = facts(
        "标题\n\n11月8日,州人大常委会主任李红军一行和市人大常委会主任刘本之、秘书长彭启云来到桃源县枫树维回乡考察。",
    );
    for who in ["李红军", "刘本之", "彭启云"] {
        assert!(has(&f, who, "attended", "考察"), "{who}: {f:?}");
    }
}

#[test]
fn speeches_after_a_talk_attended_during_a_visit_are_at_the_talk() {
    let f = facts(
        "我市赴某市参观考察环保工作\n\n3月27日,市委书记王东海、市长张清带队赴某市,就环境保护工作进行参观考察。某市委书记王景文参加座谈。\n考察团先后到园博园、自然保护区等处实地考察。\n王景文代表某市委、市政府对考察团的到来表示欢迎。\n王东海表示,某市在生态环境治理方面有许多好的经验。",
    );
    assert!(has(&f, "王景文", "spoke_at", "座谈"), "{f:?}");
    assert!(has(&f, "王东海", "spoke_at", "座谈"), "{f:?}");
    assert!(!has(&f, "王东海", "spoke_at", "考察"), "{f:?}");
}

#[test]
fn visitors_who_go_in_two_groups() {
    let f = facts("2月14日上午,区委书记朱立其、区长吴玉华、区政协主席陆洪明等四套班子领导分两路看望慰问了春节假期坚持工作的一线职工。");
    for who in ["朱立其", "吴玉华", "陆洪明"] {
        assert!(has(&f, who, "attended", "看望慰问"), "{who}: {f:?}");
    }
    let f = facts("3月5日上午,市委书记王刚、市长李强等市领导分三路深入企业督导安全生产工作。");
    for who in ["王刚", "李强"] {
        assert!(has(&f, who, "attended", "督导"), "{who}: {f:?}");
    }
}

#[test]
fn a_stop_on_the_spot_dated_by_the_body_is_the_headlines_visit() {
    let text = "县长督导重点项目建设工作\n\n2月12日,县长刘建到工业园区等项目建设现场督导重点项目建设工作。";
    assert_eq!(names_of(text, NodeKind::Event), ["督导"]);
    assert!(has(&facts(text), "刘建", "attended", "督导"));
}

#[test]
fn visitors_closed_by_yixing_before_two_commas_and_a_manner_word() {
    // The party named, then where they went, then how (亲切) they called.
    let f = facts("7月29日,市委副书记陈国栋,市人大常委会副主任刘海平一行,深入城关区、新华区,亲切看望慰问驻地部队官兵。");
    for who in ["陈国栋", "刘海平"] {
        assert!(has(&f, who, "attended", "看望慰问"), "{who}: {f:?}");
    }
}

#[test]
fn county_leaders_closed_by_deng_who_call_on_the_troops_attend_the_visit() {
    // 于 + 红旗 is a name in a list; 部队 is whom they called on, not a group's name.
    let f = facts("1月23日,县领导何建国、吴国辉、于红旗等带领县直有关部门负责人走访慰问部队。");
    for who in ["何建国", "吴国辉", "于红旗"] {
        assert!(has(&f, who, "attended", "走访慰问"), "{who}: {f:?}");
    }
}

#[test]
fn leaders_who_call_on_people_attend_the_visit_and_chair_nothing() {
    let f = facts("在“八一”建军节之际,区委书记袁国强,区委副书记、区长李海峰等区领导,深入武警六支队、天津警备区等驻区部队,慰问部队官兵。");
    for who in ["袁国强", "李海峰"] {
        assert!(has(&f, who, "attended", "慰问"), "{who}: {f:?}");
        assert!(!has(&f, who, "chaired", "慰问"), "{who}: {f:?}");
    }
}

#[test]
fn leaders_who_tour_projects_attend_the_tour() {
    let f = facts(
        "1月25日下午,区委书记李国庆带队观摩重点项目建设。区长张海涛,区领导刘春生、王建平一同参加。",
    );
    for who in ["李国庆", "张海涛", "刘春生", "王建平"] {
        assert!(has(&f, who, "attended", "观摩"), "{who}: {f:?}");
    }
    // A tour of study is one occasion; what those at a meeting went to see is a stop.
    let text = "6月5日,区委书记李国庆带队到高新区开展重点项目观摩学习活动。";
    assert_eq!(names_of(text, NodeKind::Event), ["重点项目观摩学习活动"]);
    let text = "5月28日，全县乡村运营工作现场会在余村召开。县委书记王海洋出席会议并讲话。\n与会人员先后实地观摩了余村招引项目和鲁家村农场。";
    assert!(!names_of(text, NodeKind::Event).contains(&"实地观摩".to_string()));
}

#[test]
fn leaders_who_each_led_a_group_out_go_on_the_articles_visit() {
    let f = facts("1月20日,镇党委书记王春山走访慰问了退休干部和困难党员。镇领导黄诚、俞红、吴金涛分别带队深入基层,与辖区居民亲切交谈,嘘寒问暖。");
    for who in ["黄诚", "俞红", "吴金涛"] {
        assert!(has(&f, who, "attended", "走访慰问"), "{who}: {f:?}");
    }
}

#[test]
fn leaders_who_call_on_members_at_a_session_attend_the_call_not_the_session() {
    let f = facts("12月17日下午,市委书记冼国强,市委副书记、市长杨青松等市领导前往政协委员驻地,亲切看望出席政协第五届固原市委员会第二次会议的委员。");
    for who in ["冼国强", "杨青松"] {
        assert!(has(&f, who, "attended", "看望"), "{who}: {f:?}");
        assert!(!has(&f, who, "attended", "第二次会议"), "{who}: {f:?}");
    }
}

#[test]
fn visitors_who_braved_the_weather_attend_the_visit() {
    let f = facts("7月12日下午,镇党委书记彭建金、副镇长赵红林冒着大雨到各村机埠巡查排渍情况。");
    for who in ["彭建金", "赵红林"] {
        assert!(has(&f, who, "attended", "巡查"), "{who}: {f:?}");
    }
}

#[test]
fn visitors_listed_with_commas_before_the_visit_attend_it() {
    let f = facts(
        "9月12日下午,县委书记许志健,县人大常委会主任贾万全,县委副书记、县长汪东红,\
         以及县委办、政府办等相关部门单位负责人,督查了果品博览会筹备情况。",
    );
    for who in ["许志健", "贾万全", "汪东红"] {
        assert!(has(&f, who, "attended", "督查"), "{who}: {f:?}");
    }
    let f = facts("9月12日下午,县委书记许志健,县长汪东红,督查了城区环境整治情况。");
    for who in ["许志健", "汪东红"] {
        assert!(has(&f, who, "attended", "督查"), "{who}: {f:?}");
    }
}

#[test]
fn a_leaders_party_on_its_way_in_a_sentence_naming_no_occasion() {
    let f = facts("2月9日至11日,某县四大班子领导分成11个小组,看望慰问部分特困党员、特困户。该县县委书记魏一高一行先后到县中心敬老院和困难群众家中,送上米、面、油等生活品和慰问金。");
    assert!(has(&f, "魏一高", "attended", "看望慰问"), "{f:?}");
}

#[test]
fn visitors_to_a_city_by_its_short_name_and_about_a_theme() {
    for short in ["湘", "蓉", "肥", "黔"] {
        let f = facts(&format!("省政协主席李一明一行来{short}考察。"));
        assert!(has(&f, "李一明", "attended", "考察"), "{short}: {f:?}");
    }
    let f = facts("8月26日至27日,太原市政协主席操一诚、副主席李一军一行围绕“都市圈建设、产业发展”主题,来肥开展考察调研。合肥市政协主席韩一冰、副主席王一生等陪同调研。操一诚一行先后深入经开区、高新区,实地考察了多家企业。");
    for who in ["操一诚", "李一军", "韩一冰", "王一生"] {
        assert!(has(&f, who, "attended", "考察调研"), "{who}: {f:?}");
    }
    let f = facts("日前,肥东县人大常委会副主任周一龙一行来我县就重大项目建设情况进行考察学习。");
    assert!(has(&f, "周一龙", "attended", "考察"), "{f:?}");
    let f = facts("1月13日,县委副书记、县长俞一德春节前夕走访慰问结对关爱对象。");
    assert!(has(&f, "俞一德", "attended", "走访慰问"), "{f:?}");
}

#[test]
fn a_call_is_hosted_by_the_one_called_on() {
    // 拜会 as 会见 with the roles turned: the caller attends, the one called on hosts.
    let f = facts("11月3日下午,省委书记韩书平在哈尔滨拜会来我省考察调研的全国政协副主席孟德川。省政协主席齐远航参加拜会。");
    assert!(has(&f, "孟德川", "chaired", "拜会"), "{f:?}");
    assert!(has(&f, "韩书平", "attended", "拜会"), "{f:?}");
    assert!(has(&f, "齐远航", "attended", "拜会"), "{f:?}");
}

#[test]
fn a_visit_named_by_two_verbs_of_oversight() {
    // 督导调度 (overseeing and dispatching) is one visit, named by both verbs.
    let f = facts(
        "1月23日,县委副书记、县长魏方永深入企业、超市现场督导调度安全生产工作。县领导吕玉华、刘爱民参加活动。",
    );
    for who in ["魏方永", "吕玉华", "刘爱民"] {
        assert!(has(&f, who, "attended", "现场督导调度"), "{who}: {f:?}");
    }
}
