//! Shapes of names the segmenter cuts or reads as other words: a name that is also a
//! place's, written after a post; Tibetan and Mongolian names without a Han surname,
//! in pieces; a name fused with the 受 after it. Names are made up.

use super::{facts, has, names_of};
use crate::graph::NodeKind;

#[test]
fn a_name_that_is_also_a_place_after_a_post() {
    let f = facts(
        "3月2日,全县重大项目集中开工仪式举行。县委副书记、县长揭阳,县人大常委会主任涂永红出席仪式。",
    );
    assert!(has(&f, "揭阳", "attended", "开工仪式"), "{f:?}");
    assert!(has(&f, "涂永红", "attended", "开工仪式"), "{f:?}");
}

#[test]
fn names_without_a_han_surname_after_posts_and_in_lists() {
    let f = facts(
        "8月27日,州人大常委会会议召开。州人大常委会主任四郎尼玛主持会议,副主任降央拉姆、刘志刚、格勒多吉出席。",
    );
    assert!(has(&f, "四郎尼玛", "chaired", "会议"), "{f:?}");
    assert!(has(&f, "降央拉姆", "attended", "会议"), "{f:?}");
    assert!(has(&f, "格勒多吉", "attended", "会议"), "{f:?}");
    let f = facts(
        "3月15日,市委书记俞文斌率代表团赴潍坊市考察。秘书长哈斯琴,副市长尕藏才让,市发展改革委主任柏青参加考察。",
    );
    assert!(has(&f, "哈斯琴", "attended", "考察"), "{f:?}");
    assert!(has(&f, "尕藏才让", "attended", "考察"), "{f:?}");
}

#[test]
fn a_name_before_the_body_it_speaks_for() {
    let f = facts("会议听取了县财政局局长赵丽受县人民政府委托所作的报告。");
    assert!(
        f.iter()
            .any(|(s, r, _)| s == "赵丽" && *r == "holds_position"),
        "{f:?}"
    );
    assert!(
        !f.iter()
            .any(|(s, _, o)| s.contains("受") || o.contains("受")),
        "{f:?}"
    );
}

#[test]
fn names_that_are_other_words_before_what_they_do() {
    let f = facts(
        "5月8日,全区重大项目集中开工活动举行。区长秦晋主持开工活动。公司董事长柏青山在发言中说,企业看中的是效率。",
    );
    assert!(
        has(&f, "秦晋", "chaired", "全区重大项目集中开工活动"),
        "{f:?}"
    );
    assert!(
        has(&f, "柏青山", "spoke_at", "全区重大项目集中开工活动"),
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
fn a_leader_named_before_his_words_or_the_thought_named_after_him() {
    // The labeller reads 平 alone in 贯彻习近平总书记; one character is no name.
    for text in [
        "3月5日,区委召开常委会会议,传达学习习近平重要指示和李克强批示。",
        "3月5日,区委召开常委会会议,深入学习贯彻习近平总书记在座谈会上的重要讲话精神。",
        "3月5日,区委召开常委会会议,学习贯彻习近平新时代中国特色社会主义思想。",
        "3月5日,全区上下要深入践行习近平生态文明思想。",
    ] {
        let persons = names_of(text, NodeKind::Person);
        assert!(
            persons.contains(&"习近平".to_string()),
            "{text}: {persons:?}"
        );
        // 中国 inside the name of the thought is no place of the article.
        assert!(
            !names_of(text, NodeKind::Place).contains(&"中国".to_string()),
            "{text}"
        );
    }
}

#[test]
fn a_name_run_into_the_verb_after_it() {
    // jieba reads 王明 + 远到 and 王明 + 远作; the labeller's name cuts them.
    let f = facts("3月5日,市长王明远到伊川县调研。");
    assert!(has(&f, "王明远", "attended", "调研"), "{f:?}");
    // The labeller reads 邹丽到; no given name ends with 到.
    let f = facts("3月5日,市长邹丽到伊川县调研。");
    assert!(has(&f, "邹丽", "attended", "调研"), "{f:?}");
    let f = facts("3月5日,宣讲团报告会在我市举行,市委党校教授王明远作宣讲报告。");
    assert!(has(&f, "王明远", "spoke_at", "宣讲团报告会"), "{f:?}");
}

#[test]
fn a_surname_and_a_post_is_no_person() {
    // jieba's dictionary has 陈书记 and 吴书记 as names.
    let text = "3月5日,县里召开庆祝大会。县委书记陈明华出席大会并讲话。陈书记强调,要抓好落实。吴书记也参加了大会。";
    assert_eq!(names_of(text, NodeKind::Person), ["陈明华"]);
}

#[test]
fn a_name_whose_end_starts_the_verb_after_it() {
    // jieba reads 石振 + 民主 + 持: the name is cut out and 主持 made whole.
    let f = facts("3月5日,县委召开常委会会议。会议由县委副书记石振民主持。");
    assert!(has(&f, "石振民", "chaired", "常委会会议"), "{f:?}");
}

#[test]
fn a_name_that_begins_with_a_place_after_a_post() {
    // 高平, 龙海 and 梁河 are cities and a county; after a post the labeller's name wins.
    for name in ["高平海", "龙海超", "梁河涛"] {
        let f = facts(&format!(
            "3月5日,县委召开常委会会议。县委书记{name}主持会议。"
        ));
        assert!(has(&f, name, "chaired", "常委会会议"), "{f:?}");
    }
}

#[test]
fn a_name_run_into_the_zuo_of_a_speech() {
    // jieba reads 方国宏作 as one word, and 尹芳 + 刚作, 罗远 + 振作, 司马 + 先祥作.
    for name in ["方国宏", "尹芳刚", "罗远振", "司马先祥"] {
        let f = facts(&format!(
            "3月5日,县委召开常委会会议。县政协主席{name}作动员讲话。"
        ));
        assert!(has(&f, name, "spoke_at", "常委会会议"), "{f:?}");
    }
}

#[test]
fn a_verb_the_labeller_runs_into_a_name_stays_out() {
    // The labeller reads 熊敏列席 and 胡梅列席 as names; jieba has 列席 apart.
    for name in ["熊敏", "胡梅"] {
        let f = facts(&format!("3月5日,县委召开常委会会议。县长{name}列席会议。"));
        assert!(has(&f, name, "attended", "常委会会议"), "{f:?}");
    }
}

#[test]
fn a_surname_jieba_runs_into_the_post_before_it() {
    // jieba reads 主 + 任何 + 文育 and 副 + 县 + 长江 + 涛.
    let f = facts("3月5日,县委召开常委会会议。县人大常委会主任何文育,县政协主席殷卫华出席会议。");
    assert!(has(&f, "何文育", "attended", "常委会会议"), "{f:?}");
    let f = facts("3月5日,县委召开常委会会议。副县长江涛出席会议。");
    assert!(has(&f, "江涛", "attended", "常委会会议"), "{f:?}");
}

#[test]
fn a_given_name_jieba_runs_into_the_conjunction_after_it() {
    // jieba reads 张跃 + 新及; 以及 stays a word (范谊以及…).
    let f = facts(
        "3月31日,区委举行开工仪式。工程指挥部指挥长张跃新及市级有关部门主要负责同志出席开工仪式。",
    );
    assert!(has(&f, "张跃新", "attended", "开工仪式"), "{f:?}");
    let f =
        facts("3月31日,区委举行开工仪式。市政协副主席范谊以及市级有关部门负责同志出席开工仪式。");
    assert!(has(&f, "范谊", "attended", "开工仪式"), "{f:?}");
    // Inside a list too (…、吴明 + 康及/c).
    let f = facts("3月2日,县政协召开主席会议。县政协副主席张立、吴明康及秘书长王建太出席会议。");
    assert!(has(&f, "吴明康", "attended", "主席会议"), "{f:?}");
    assert!(has(&f, "张立", "attended", "主席会议"), "{f:?}");
}

#[test]
fn a_name_ending_in_he_before_a_verb() {
    let f = facts("3月5日,市政协召开主席会议。市政协经济委员会主任孔令和汇报了前期调研情况。");
    assert!(has(&f, "孔令和", "spoke_at", "主席会议"), "{f:?}");
    let f = facts("3月5日,市政协召开主席会议。主任王明和副主任李红出席会议。");
    assert!(has(&f, "王明", "attended", "主席会议"), "{f:?}");
    assert!(has(&f, "李红", "attended", "主席会议"), "{f:?}");
}

#[test]
fn a_person_acting_for_a_body_is_no_part_of_its_name() {
    let text = "3月1日,培训班开班仪式举行。副院长马一明代表继续教育学院对学员表示热烈欢迎。";
    let orgs = names_of(text, NodeKind::Organization);
    assert!(!orgs.iter().any(|o| o.contains("马一明")), "{orgs:?}");
    assert!(has(&facts(text), "马一明", "spoke_at", "开班仪式"));
}

#[test]
fn a_branch_of_the_party_is_no_person() {
    let f = facts(
        "8月23日,板浦镇召开动员部署会。四个村(社区)党总支书记作表态发言,镇长茆一海进行大会总结。",
    );
    assert!(!f.iter().any(|(w, _, _)| w == "党总支"), "{f:?}");
}

#[test]
fn a_two_character_mongolian_name_after_its_post() {
    let f = facts(
        "1月5日,全旗工作会议召开。旗委书记王雪原,旗委副书记、政府旗长希日,旗政协主席郝立参加会议。",
    );
    assert!(has(&f, "希日", "attended", "全旗工作会议"), "{f:?}");
    assert!(has(&f, "王雪原", "attended", "全旗工作会议"), "{f:?}");
}

#[test]
fn a_two_character_minority_name_before_what_the_person_does() {
    let f =
        facts("标题\n\n3月29日,县委副书记、县长扎多主持召开县政府常务会议,副县长李春元出席会议。");
    assert!(has(&f, "扎多", "chaired", "县政府常务会议"), "{f:?}");
    assert!(has(&f, "扎多", "holds_position", "县长@"), "{f:?}");
}

#[test]
fn a_name_run_into_the_for_of_an_appointment() {
    let f = facts("标题\n\n会议任命张勇为滨海新区人民政府副区长、代理区长。");
    assert!(
        has(&f, "张勇", "holds_position", "副区长@滨海新区人民政府"),
        "{f:?}"
    );
}

#[test]
fn a_surname_read_as_an_adverb_after_a_post_starts_a_name() {
    let f = facts("10月13日上午,市政协大会主席团举行第二次会议。市委常委、军分区政委常社教,市委常委、组织部部长齐海斌出席会议。");
    for who in ["常社教", "齐海斌"] {
        assert!(has(&f, who, "attended", "第二次会议"), "{who}: {f:?}");
    }
}

#[test]
fn a_surname_read_as_an_adjective_after_a_post_starts_a_name() {
    let f = facts("10月23日,我县举行项目集中开工仪式。县委副书记、县长高成就作动员讲话。县人大常委会主任高文化出席。");
    assert!(has(&f, "高成就", "spoke_at", "开工仪式"), "{f:?}");
    assert!(has(&f, "高文化", "attended", "开工仪式"), "{f:?}");
}

#[test]
fn common_nouns_that_start_with_a_surname_are_no_names() {
    let text = "8月26日,某省与某县举行座谈会,双方在经贸、文化等方面深化合作。会议还讨论了路网建设和“鲁渝协作”鲁商在行动活动。";
    let persons = names_of(text, NodeKind::Person);
    for word in ["文化", "路网", "鲁商"] {
        assert!(!persons.iter().any(|p| p == word), "{persons:?}");
    }
}

#[test]
fn a_district_jieba_tags_as_a_name_is_no_person() {
    // 高新区/nr: 高 is a surname, and no given name ends in 区.
    let text = "大会主席团全体成员、县高新区书记、县高新区主任等在主席台就座。";
    let persons = names_of(text, NodeKind::Person);
    assert!(!persons.iter().any(|p| p.ends_with('区')), "{persons:?}");
}

#[test]
fn a_name_jieba_runs_into_the_coming_after_it() {
    // 区长王峻 + 来 + 庙镇: the district head came to the town.
    let f = facts(
        "6月25日下午,区委副书记、区长王峻来庙镇开展人大代表联系社区活动。镇党委书记陈立参加。",
    );
    assert!(has(&f, "王峻", "holds_position", "区长@"), "{f:?}");
    assert!(!f.iter().any(|(who, _, _)| who == "王峻来"), "{f:?}");
}
