//! Shapes of days with several occasions: the lead's occasion held somewhere, before
//! a later one someone chairs. Names are made up.

use super::facts;
use super::has;

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
