//! Shapes of names and occasions met in made-up articles of the south and west and
//! of days with several occasions: a name that is also a place's, written after a
//! post; the lead's occasion held somewhere, before a later one someone chairs.
//! Names are made up.

use super::facts;
use super::has;

#[test]
fn a_name_that_is_also_a_place_after_a_post() {
    let f = facts(
        "3月2日,全县重大项目集中开工仪式举行。县委副书记、县长揭阳,县人大常委会主任涂永红出席仪式。",
    );
    assert!(has(&f, "揭阳", "attended", "开工仪式"), "{f:?}");
    assert!(has(&f, "涂永红", "attended", "开工仪式"), "{f:?}");
}

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
