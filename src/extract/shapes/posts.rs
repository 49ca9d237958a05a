//! Posts: the organ a title belongs to, carried along a list, in brackets, across a
//! comma, by appointment, and placed where the article says. Names are made up.

use super::{facts, has};

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
fn a_preposition_fused_with_the_jurisdiction_word_stays_out_of_the_organ() {
    let f = facts("2月7日,安平县举办开工奠基仪式。奠基仪式由县人大主任崔东主持。");
    assert!(
        has(&f, "崔东", "holds_position", "主任@安平县人大"),
        "{f:?}"
    );
    assert!(has(&f, "崔东", "chaired", "奠基仪式"), "{f:?}");
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
fn a_zone_written_short_after_its_county() {
    let f = facts(
        "12月28日,寿县政协第四次会议开幕。县政协主席李琼,县经开区管委会主任赵德兵,县领导王亚晖在主席台前排就座。",
    );
    assert!(
        has(&f, "赵德兵", "holds_position", "主任@寿县经开区管委会"),
        "{f:?}"
    );
    for who in ["李琼", "赵德兵", "王亚晖"] {
        assert!(has(&f, who, "attended", "会议"), "{who}: {f:?}");
    }
}

#[test]
fn the_partys_committee_beside_another_partys() {
    let f = facts(
        "11月14日,贵州省委副书记王富玉,省政协副主席、民革贵州省委主委马文骏会见了客人。省委副书记王富玉说,欢迎客人。",
    );
    assert!(!has(&f, "王富玉", "holds_position", "@民革"), "{f:?}");
    assert!(
        has(&f, "马文骏", "holds_position", "主委@民革贵州省委"),
        "{f:?}"
    );
}

#[test]
fn a_body_named_after_another_city_does_not_place_the_organs_after_it() {
    let f = facts(
        "3月31日,陈仓区委在宝鸡阳平铁路物流基地举行开工仪式。市政协主席白安、西安铁路局总工程师王路、市委常委、常务副市长马斌出席开工仪式。",
    );
    assert!(has(&f, "马斌", "holds_position", "常委@宝鸡市委"), "{f:?}");
    assert!(!has(&f, "马斌", "holds_position", "常委@西安市委"), "{f:?}");
}

#[test]
fn a_place_named_only_in_the_titles_of_documents() {
    let f = facts(
        "12月12日,县长梁明主持召开县政府常务会议。县委常委、常务副县长国利出席会议。会议讨论了《关于桦南县2017年财政预算执行情况的报告》。",
    );
    assert!(has(&f, "国利", "holds_position", "常委@桦南县委"), "{f:?}");
}

#[test]
fn two_counties_of_a_prefecture_make_the_article_s_city_the_prefecture() {
    let f = facts("7月19日,省人大常委会副主任张卫东率队赴我市丹阳、句容两地调研。市委书记夏锦华,市长朱晓东陪同调研。调研组先后视察了丹阳市城河北路工程,句容市茅山镇。");
    assert!(
        has(&f, "夏锦华", "holds_position", "书记@镇江市委"),
        "{f:?}"
    );
    assert!(
        has(&f, "朱晓东", "holds_position", "市长@镇江市人民政府"),
        "{f:?}"
    );
}

#[test]
fn a_discipline_commission_after_a_committee_post_is_its_jurisdiction_s() {
    let f = facts("崇明区召开全区干部大会。5月6日,区委常委、纪委书记、监委主任沈雪东出席会议。");
    assert!(
        has(&f, "沈雪东", "holds_position", "书记@崇明区纪委"),
        "{f:?}"
    );
    assert!(
        has(&f, "沈雪东", "holds_position", "主任@崇明区监委"),
        "{f:?}"
    );
}

#[test]
fn another_party_s_committee_written_with_the_level_alone() {
    let f = facts(
        "12月13日,闵行区委召开专题协商座谈会。民革区委主委余一嬿、九三学社区委主委龚明华先后发言。",
    );
    assert!(
        f.contains(&(
            "余一嬿".into(),
            "holds_position",
            "主委@民革闵行区委".into()
        )),
        "{f:?}"
    );
    assert!(
        f.contains(&(
            "龚明华".into(),
            "holds_position",
            "主委@九三学社闵行区委".into()
        )),
        "{f:?}"
    );
}

#[test]
fn a_former_posts_organ_is_placed_like_any_other() {
    let f = facts("标题\n\n2月1日,弋阳县港口镇召开新春恳谈会。原县人大常委会主任徐明德出席会议。");
    assert!(
        has(&f, "徐明德", "holds_position", "@弋阳县人大常委会"),
        "{f:?}"
    );
}

#[test]
fn a_streets_bodies_written_without_its_name() {
    let f = facts(
        "标题\n\n5月18日,潘桥街道召开工作会议,党工委副书记、办事处主任郑明东讲话,街道办事处副主任叶明华出席。",
    );
    assert!(
        has(&f, "郑明东", "holds_position", "副书记@潘桥街道党工委"),
        "{f:?}"
    );
    assert!(
        has(&f, "郑明东", "holds_position", "主任@潘桥街道办事处"),
        "{f:?}"
    );
    assert!(
        has(&f, "叶明华", "holds_position", "副主任@潘桥街道办事处"),
        "{f:?}"
    );
    // In a development zone, 党工委 is the zone's.
    let f = facts("标题\n\n5月18日,潘桥街道与高新区管委会签约,党工委副书记郑明东出席。");
    assert!(
        !has(&f, "郑明东", "holds_position", "潘桥街道党工委"),
        "{f:?}"
    );
}

#[test]
fn a_streets_committee_fused_with_its_post() {
    let f = facts("标题\n\n5月18日,潘桥街道召开工作会议,街道党工委书记陈立飞主持。");
    assert!(
        has(&f, "陈立飞", "holds_position", "书记@潘桥街道党工委"),
        "{f:?}"
    );
}

#[test]
fn a_zone_s_committee_and_administration_whatever_the_zone_is_called() {
    let f = facts("标题\n\n江北产业集中区党工委书记、管委会主任毕小彬出席仪式。");
    assert!(
        has(&f, "毕小彬", "holds_position", "书记@江北产业集中区党工委"),
        "{f:?}"
    );
    assert!(
        has(&f, "毕小彬", "holds_position", "主任@江北产业集中区管委会"),
        "{f:?}"
    );
}

#[test]
fn vice_chairs_of_the_national_standing_committee_now_and_before() {
    let f = facts(
        "标题\n\n9月2日,全国人大常委会副委员长蒋正华出席开幕式。全国人大常委会原副委员长李明出席。",
    );
    assert!(
        has(&f, "蒋正华", "holds_position", "副委员长@全国人大常委会"),
        "{f:?}"
    );
    assert!(
        has(&f, "李明", "holds_position", "副委员长@全国人大常委会"),
        "{f:?}"
    );
}

#[test]
fn a_post_before_one_of_the_government_written_without_its_place() {
    let f = facts("标题\n\n12月5日,县委副书记、政府县长王兴主持召开县长办公会议。");
    assert!(has(&f, "王兴", "holds_position", "副书记@县委"), "{f:?}");
    assert!(
        has(&f, "王兴", "holds_position", "县长@县人民政府"),
        "{f:?}"
    );
}

#[test]
fn a_verb_jieba_reads_as_a_noun_is_no_part_of_a_body_s_name() {
    // 领会/n + 县政协: what was taken in, then the body; the vice-chairmen listed after
    // are of 县政协, not of a 领会县政协.
    let f = facts(
        "11月27日,县政协八届一次会议的委员分组讨论。委员们表示,要认真领会县政协八届一次会议精神。县政协副主席张立、李德华分别参加了讨论。",
    );
    assert!(has(&f, "张立", "holds_position", "副主席@县政协"), "{f:?}");
    assert!(
        has(&f, "李德华", "holds_position", "副主席@县政协"),
        "{f:?}"
    );
}

#[test]
fn a_bureau_s_head_written_with_the_bureau_s_stem() {
    // jieba reads 公安局长 as one noun and 财政 + 局长 apart; a bureau written bare is of
    // the place of the post before it.
    let f = facts(
        "3月2日,平遥县召开会议。县人大常委会副主任、教育局长张立,县委常委、政法委书记、公安局长王刚,县财政局长李明出席会议。",
    );
    assert!(
        has(&f, "张立", "holds_position", "局长@平遥县教育局"),
        "{f:?}"
    );
    assert!(
        has(&f, "王刚", "holds_position", "局长@平遥县公安局"),
        "{f:?}"
    );
    assert!(
        has(&f, "李明", "holds_position", "局长@平遥县财政局"),
        "{f:?}"
    );
}

#[test]
fn a_bureau_written_bare_takes_the_place_of_the_post_before_it() {
    // The post before may be another person's (副区长段天明、经合局局长于方东), and the
    // bureau one of no lexicon (安全监管局); 人武部 is the county's, not its committee's.
    let f = facts(
        "3月2日,船营区召开会议。船营区副区长段天明、经合局局长于方东、副局长李秋生参加了此次活动。开封市安委会办公室主任、安全监管局局长郭明出席。甘谷县委常委、人武部部长田明辉出席。",
    );
    for (who, post) in [
        ("于方东", "局长@船营区经合局"),
        ("李秋生", "副局长@船营区经合局"),
        ("郭明", "局长@开封市安全监管局"),
        ("田明辉", "部长@甘谷县人武部"),
    ] {
        assert!(has(&f, who, "holds_position", post), "{who} {post}: {f:?}");
    }
}

#[test]
fn a_generic_bureau_names_no_county() {
    // 公安 is also the short form of 公安县: the bureau says nothing of where the story
    // is, and where the county goes unnamed its bureau is the county's all the same.
    let f = facts(
        "6月28日晚上,西王镇召开换届工作推进会,县政府副县长、公安局局长鲁方峰,县农委主任宋长河到会指导。",
    );
    assert!(has(&f, "宋长河", "holds_position", "主任@县农委"), "{f:?}");
    assert!(
        has(&f, "鲁方峰", "holds_position", "局长@县公安局"),
        "{f:?}"
    );
    assert!(!f.iter().any(|(_, _, o)| o.contains("公安县")), "{f:?}");
}

#[test]
fn a_university_named_after_its_city() {
    // jieba reads 大同 as an adverb (大同/d); before 大学 it is the city.
    let f = facts("12月26日,项目正式投产。大同大学党委书记马立根,大同大学副校长寇明福在现场见证。");
    assert!(
        has(&f, "马立根", "holds_position", "书记@大同大学党委"),
        "{f:?}"
    );
    assert!(
        has(&f, "寇明福", "holds_position", "副校长@大同大学"),
        "{f:?}"
    );
}

#[test]
fn a_bare_post_after_the_name_before_it_over_a_comma_or_and() {
    // As after 、: the post written without an organ is of the organ of the name
    // before it, over a comma or 和.
    let f = facts(
        "3月1日,惠济区召开会议。区人大常委会党组书记季方春,党组副书记陈立群出席会议。镇党委书记石长岩和组织委员彭立巍陪同。",
    );
    assert!(
        has(
            &f,
            "陈立群",
            "holds_position",
            "党组副书记@惠济区人大常委会"
        ),
        "{f:?}"
    );
    assert!(
        has(&f, "彭立巍", "holds_position", "组织委员@镇党委"),
        "{f:?}"
    );
}

#[test]
fn a_county_level_city_written_as_the_county_it_was() {
    // 旬阳 became a city in 2021: a report that writes its organs with 县 is of the
    // county, while a city's own 市 organs stay the city's.
    let f = facts("3月1日,旬阳召开政协会议。县政协主席田丽华主持会议,县长王明远出席。");
    assert!(
        has(&f, "田丽华", "holds_position", "主席@旬阳县政协"),
        "{f:?}"
    );
    assert!(
        has(&f, "王明远", "holds_position", "县长@旬阳县人民政府"),
        "{f:?}"
    );
    let f = facts("3月1日,泊头市召开政协会议。市政协主席田丽华主持会议,市长王明远出席。");
    assert!(
        has(&f, "田丽华", "holds_position", "主席@泊头市政协"),
        "{f:?}"
    );
}
