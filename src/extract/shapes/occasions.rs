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
