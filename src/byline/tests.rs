//! The byline shapes of local news, one assertion each.

use super::*;

fn lex() -> Lexicon {
    Lexicon::embedded()
}

#[test]
fn bylines_in_square_brackets_and_dotted_names() {
    let lex = lex();
    let (body, b) = strip_bylines(&["【记者 张三丰】3月5日，伊川县召开会议。"], &lex);
    assert_eq!(body, "3月5日，伊川县召开会议。\n");
    assert_eq!(b[0].name, "张三丰");
    let b = parse_byline("记者 阿依古丽·买买提 通讯员 禤雪梅", &lex).unwrap();
    let names: Vec<&str> = b.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(names, ["阿依古丽·买买提", "禤雪梅"]);
    // Not after a credit word, a dotted run is no byline of its own.
    assert!(parse_byline("阿依古丽·买买提", &lex).is_none());
}

#[test]
fn bylines_in_every_shape() {
    let b = parse_byline("记者 蔺洋 通讯员 张超", &lex()).unwrap();
    assert_eq!(
        b,
        vec![
            Byline {
                name: "蔺洋".into(),
                role: BylineRole::Reporter
            },
            Byline {
                name: "张超".into(),
                role: BylineRole::Correspondent
            },
        ]
    );
    let b = parse_byline("（通讯员 王五 记者张三、李四）", &lex()).unwrap();
    assert_eq!(b.len(), 3);
    assert_eq!(b[0].role, BylineRole::Correspondent);
    assert!(parse_byline("记者节到了,大家好", &lex()).is_none());
    assert!(parse_byline("通讯员", &lex()).is_none());
}

fn names(found: Option<Vec<Byline>>) -> Vec<(String, &'static str)> {
    found
        .unwrap_or_default()
        .into_iter()
        .map(|b| (b.name, b.role.as_str()))
        .collect()
}

#[test]
fn bylines_of_local_news() {
    let lex = lex();
    let p = |s: &str| names(parse_byline(s, &lex));
    assert_eq!(
        p("记者:石思嫣;摄影:张志豪"),
        [
            ("石思嫣".into(), "reporter"),
            ("张志豪".into(), "photographer")
        ]
    );
    assert_eq!(p("作者:记者 邱璐 高艺炯").len(), 2);
    assert_eq!(p("融媒体记者 张歆"), [("张歆".into(), "reporter")]);
    assert_eq!(p("见习记者丘佳溢"), [("丘佳溢".into(), "reporter")]);
    assert_eq!(
        p("撰稿人:江婷婷 审稿人:郑李平"),
        [("江婷婷".into(), "author")]
    );
    assert_eq!(
        p("记者 项楚乾 摄影 肖思林")[1],
        ("肖思林".into(), "photographer")
    );
    assert_eq!(
        p("中国台湾网大连市台办通讯员 刘旭辉"),
        [("刘旭辉".into(), "correspondent")]
    );
    assert_eq!(p("新华社记者王明摄"), [("王明".into(), "photographer")]);
    assert_eq!(
        p("张三 文 李四 摄"),
        [("张三".into(), "author"), ("李四".into(), "photographer")]
    );
    assert_eq!(
        p("文 | 张三 图 | 李四"),
        [("张三".into(), "author"), ("李四".into(), "photographer")]
    );
    assert_eq!(p("文｜张三"), [("张三".into(), "author")]);
    assert_eq!(
        p("撰文/张三 摄影/李四"),
        [("张三".into(), "author"), ("李四".into(), "photographer")]
    );
    assert_eq!(p("通讯员 李四 供图").len(), 1);
    assert_eq!(p("信息员：张三"), [("张三".into(), "correspondent")]);
    assert_eq!(p("供稿/张三"), [("张三".into(), "author")]);
    assert!(p("供稿：县委办").is_empty());
    assert_eq!(
        p("通讯员 张三（城关镇）"),
        [("张三".into(), "correspondent")]
    );
    assert_eq!(p("作者：张三（县委宣传部）"), [("张三".into(), "author")]);
    assert_eq!(
        p("（作者单位：县委宣传部）张三"),
        [("张三".into(), "author")]
    );
    assert!(p("（作者单位：县委宣传部）").is_empty());
    assert_eq!(p("本报通讯员张三"), [("张三".into(), "correspondent")]);
    assert_eq!(p("人民日报记者 李四"), [("李四".into(), "reporter")]);
    assert_eq!(p("张三 摄影报道"), [("张三".into(), "photographer")]);
    assert_eq!(p("记者 张三 摄影报道"), [("张三".into(), "reporter")]);
    assert_eq!(p("(记者 资云飞)"), [("资云飞".into(), "reporter")]);
    assert!(p("记者从会上获悉").is_empty());
    assert_eq!(p("（益西卓玛 摄）"), [("益西卓玛".into(), "photographer")]);
    assert_eq!(
        names(parse_byline_as(
            "（次仁罗布）",
            &lex,
            Some(BylineRole::Author)
        )),
        [("次仁罗布".into(), "author")]
    );
    assert_eq!(p("县融媒体中心记者 张三 李四 报道").len(), 2);
    assert!(p("草案").is_empty());
    assert!(p("扩大").is_empty());
    let alone = |s: &str| names(parse_byline_as(s, &lex, Some(BylineRole::Author)));
    assert_eq!(alone("郝昱玮 胡译丹 王启宇").len(), 3);
    assert_eq!(
        alone("山西日报 邓焕彦 崔 杰"),
        [("邓焕彦".into(), "author"), ("崔杰".into(), "author")]
    );
    assert_eq!(
        alone("陈婷 记者 黄笑菲"),
        [("陈婷".into(), "author"), ("黄笑菲".into(), "reporter")]
    );
}

#[test]
fn bylines_open_a_paragraph_or_close_the_article() {
    let (body, b) = strip_bylines(
        &[
            "记者 李洋 4月27日下午,政协委员发言。",
            "会议要求落实。(阎轶洁)",
        ],
        &lex(),
    );
    assert_eq!(body, "4月27日下午,政协委员发言。\n会议要求落实。\n");
    let (body2, b2) = strip_bylines(
        &[
            "本报讯  记者柳迪报道  9月25日,白英赴上海。",
            "记 者|吕晓琼",
            "完。(阎轶洁)太原日报",
        ],
        &lex(),
    );
    assert_eq!(b2.len(), 3, "{b2:?}");
    assert!(body2.starts_with("本报讯  9月25日"), "{body2}");
    let (body3, b3) = strip_bylines(
        &["本报长春9月22日电 记者金英浩、通讯员高山报道：20日,合作区开发建设大会召开。"],
        &lex(),
    );
    assert_eq!(
        names(Some(b3)),
        [
            ("金英浩".into(), "reporter"),
            ("高山".into(), "correspondent")
        ]
    );
    assert_eq!(body3, "本报长春9月22日电 20日,合作区开发建设大会召开。\n");
    assert_eq!(
        names(Some(b)),
        [("李洋".into(), "reporter"), ("阎轶洁".into(), "author")]
    );
    // Names spaced apart closing the article, some by their given names alone.
    let (body, b) = strip_bylines(&["会议要求落实。", "(郭颖 天乐 凤丽)"], &lex());
    assert_eq!(
        names(Some(b)),
        [
            ("郭颖".into(), "author"),
            ("天乐".into(), "author"),
            ("凤丽".into(), "author")
        ]
    );
    assert_eq!(body.trim_end(), "会议要求落实。");
    // Not without a name with a surname among them.
    let (_, b) = strip_bylines(&["会议要求落实。", "(天乐 凤丽)"], &lex());
    assert!(b.is_empty(), "{b:?}");
    // A name alone in brackets elsewhere is text.
    let (body, b) = strip_bylines(&["主席(李明)出席。", "完。"], &lex());
    assert!(b.is_empty() && body.contains("(李明)"));
    // Layout marks, a media's dateline word, and a source that credits nobody.
    let (body, b) = strip_bylines(
        &[
            "■本报记者 张三 通讯员 李四",
            "某某日报讯 记者王五 6月1日,会议召开。",
            "完。(来源：县融媒体中心)",
        ],
        &lex(),
    );
    assert_eq!(
        names(Some(b)),
        [
            ("张三".into(), "reporter"),
            ("李四".into(), "correspondent"),
            ("王五".into(), "reporter")
        ]
    );
    assert!(body.contains("某某日报讯 6月1日"), "{body}");
}

#[test]
fn byline_at_line_end_and_in_parens_is_removed() {
    let (body, b) = strip_bylines(
        &[
            "引导企业振奋信心。记者 蔺洋",
            "本报讯（记者 张三）今天上午,会议召开。",
        ],
        &lex(),
    );
    assert_eq!(body, "引导企业振奋信心。\n本报讯今天上午,会议召开。\n");
    assert_eq!(b.len(), 2);
}

#[test]
fn names_alone_in_brackets_after_the_dateline_word() {
    let (body, b) = strip_bylines(&["本报讯（张三 李四）今天上午,会议召开。"], &lex());
    assert_eq!(body, "本报讯今天上午,会议召开。\n");
    assert_eq!(b.len(), 2);
    // Not in the middle of the text: there a bracketed name is an aside.
    let (_, b) = strip_bylines(&["会议由区长（张三）主持。", "散会。"], &lex());
    assert!(b.is_empty());
}

#[test]
fn credits_written_right_after_the_name_before() {
    let b = parse_byline("记者王晓飞特约通讯员唐丽雅通讯员包卉", &lex()).unwrap();
    let got: Vec<(&str, BylineRole)> = b.iter().map(|b| (b.name.as_str(), b.role)).collect();
    assert_eq!(
        got,
        [
            ("王晓飞", BylineRole::Reporter),
            ("唐丽雅", BylineRole::Correspondent),
            ("包卉", BylineRole::Correspondent)
        ]
    );
}

#[test]
fn bylines_in_a_page_s_source_line_with_a_media_or_a_joint_credit() {
    let lex = lex();
    let p = |s: &str| names(parse_byline(s, &lex));
    assert_eq!(
        p("发布时间:2025-01-26 信息来源:邵阳市政协 作者:杨吉"),
        [("杨吉".into(), "author")]
    );
    assert_eq!(
        p("来源：泽州县委政法委　作者：牛晋生　编辑：郝丽娜"),
        [("牛晋生".into(), "author")]
    );
    assert_eq!(
        p("(周口报业全媒体记者 宋风 通讯员孙臣涛文/图)"),
        [
            ("宋风".into(), "reporter"),
            ("孙臣涛".into(), "correspondent")
        ]
    );
    let (body, b) = strip_bylines(
        &["本报讯 市融媒体中心记者王波 赵元 9月12日上午,市委理论学习中心组举行集体学习。"],
        &lex,
    );
    assert_eq!(
        names(Some(b)),
        [("王波".into(), "reporter"), ("赵元".into(), "reporter")]
    );
    assert!(body.starts_with("本报讯 9月12日上午"), "{body}");
}

#[test]
fn writers_after_a_unit_a_source_medium_or_before_the_page_s_trailer() {
    let lex = lex();
    // The writer's unit before the name, in brackets closing the article.
    let (body, b) = strip_bylines(&["开工。", "总投资20亿元。(南华县发改局 杨慧)"], &lex);
    assert_eq!(names(Some(b)), [("杨慧".into(), "author")]);
    assert_eq!(body, "开工。\n总投资20亿元。\n");
    let (_, b) = strip_bylines(&["完。", "(农工委 汪志斌)"], &lex);
    assert_eq!(names(Some(b)), [("汪志斌".into(), "author")]);
    // Names in brackets closing the text, before the source a page appends, which is
    // a medium and no one.
    let (body, b) = strip_bylines(
        &[
            "副市长李丽出席大会。(王璐)",
            "来源:[黄石日报]",
            "责任编辑：张三",
        ],
        &lex,
    );
    assert_eq!(names(Some(b)), [("王璐".into(), "author")]);
    assert!(body.starts_with("副市长李丽出席大会。\n"), "{body}");
    // A last line that opens with such a word but is text ends the article itself.
    let (body, b) = strip_bylines(&["主席出席。(李明)", "时间过得很快。"], &lex);
    assert!(b.is_empty() && body.contains("(李明)"), "{b:?} {body}");
    // The names after the medium given as the source.
    assert_eq!(
        names(parse_byline(
            "发布时间:2018-02-13 10:06:31 来源: 绍兴日报 袁云 秦德胜",
            &lex
        )),
        [("袁云".into(), "author"), ("秦德胜".into(), "author")]
    );
    assert_eq!(names(parse_byline("来源：县融媒体中心", &lex)), []);
}

#[test]
fn a_tibetan_name_of_four_characters_after_a_credit() {
    let b = parse_byline("记者 德西翁姆", &lex()).unwrap();
    assert_eq!(b[0].name, "德西翁姆");
    assert_eq!(b[0].role, BylineRole::Reporter);
}

#[test]
fn writers_after_a_wire_dateline_a_news_site_or_the_last_sentence_of_a_paragraph() {
    let lex = lex();
    let (body, b) = strip_bylines(&["某某网广州9月3日电 (王晓)在节日之际,会议召开。"], &lex);
    assert_eq!(names(Some(b)), [("王晓".into(), "author")]);
    assert!(body.starts_with("某某网广州9月3日电"), "{body}");
    // A site named 在线, closing the article.
    let (_, b) = strip_bylines(&["会议召开。", "散会。(某江在线 黄晓)"], &lex);
    assert_eq!(names(Some(b)), [("黄晓".into(), "author")]);
    // Names spaced apart after a paragraph's last sentence, captions after them; a
    // name alone there stays an aside.
    let (_, b) = strip_bylines(&["会议召开。(苗晓 党力 陈晓)", "县长王力参加讨论"], &lex);
    assert_eq!(b.len(), 3);
    let (_, b) = strip_bylines(&["会议召开。(苗晓)", "县长王力参加讨论"], &lex);
    assert!(b.is_empty());
    // A caption's photographer after its sentence; 制作 credits no writer.
    let (_, b) = strip_bylines(&["图为代表团在社区考察。梁晓摄", "会议召开。"], &lex);
    assert_eq!(names(Some(b)), [("梁晓".into(), "photographer")]);
    assert!(parse_byline("(制作:陆晓 徐晓)", &lex).is_none());
}

#[test]
fn names_spaced_apart_opening_the_text_or_alone_on_its_last_line() {
    let lex = lex();
    let names = |b: &[Byline]| -> Vec<(String, BylineRole)> {
        b.iter().map(|b| (b.name.clone(), b.role)).collect()
    };
    let (body, b) = strip_bylines(&["(方立治 张世林) 12月28号，郎溪县举行开工仪式。"], &lex);
    assert_eq!(body, "12月28号，郎溪县举行开工仪式。\n");
    assert_eq!(
        names(&b),
        [
            ("方立治".to_string(), BylineRole::Author),
            ("张世林".to_string(), BylineRole::Author)
        ]
    );
    let (body, b) = strip_bylines(&["检查组先后来到市第三中学。", "高慧明 印洪远"], &lex);
    assert_eq!(body, "检查组先后来到市第三中学。\n\n");
    assert_eq!(b.len(), 2);
    // A credit and its name (三审:李伟锋) are no names spaced apart, and one name
    // alone is no byline.
    let (_, b) = strip_bylines(&["会议召开。", "三审:李伟锋"], &lex);
    assert!(b.is_empty(), "{b:?}");
    let (_, b) = strip_bylines(&["会议召开。", "高慧明"], &lex);
    assert!(b.is_empty(), "{b:?}");
}
