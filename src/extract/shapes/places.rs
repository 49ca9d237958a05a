//! Shapes of where an article is: a delegation from a district visits a county, and
//! the county's own 县委 stays the county's. Names are made up.

use super::facts;

#[test]
fn a_countys_posts_beside_a_visiting_districts() {
    let f = facts(
        "海珠区代表团到琼中考察\n\n2月26日,广州市海珠区委副书记、区长陈卓良率海珠区党政代表团到琼中黎族苗族自治县考察。琼中县委书记符永强会见了陈卓良一行。县委副书记、县长王雪娥主持座谈会。海珠区委常委李嘉欣参加座谈。海珠区将深化协作。",
    );
    assert!(
        f.iter()
            .any(|(s, r, o)| s == "王雪娥" && *r == "holds_position" && o.starts_with("县长@琼中")),
        "{f:?}"
    );
    assert!(
        !f.iter()
            .any(|(s, _, o)| s == "王雪娥" && o.contains("海珠")),
        "{f:?}"
    );
    assert!(
        f.iter()
            .any(|(s, r, o)| s == "陈卓良" && *r == "holds_position" && o.contains("海珠区")),
        "{f:?}"
    );
}
