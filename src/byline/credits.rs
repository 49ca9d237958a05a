//! The words of a byline: credits and the roles they give, the marks and spacing
//! layouts add, the endings of the media and offices written before a name, and the
//! separators between the pieces.

use super::BylineRole;

/// What a credit word does: name a role, or name people who are credited for no part
/// of the article's content (editors, reviewers), who are left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Credit {
    Role(BylineRole),
    Editor,
}

/// Credit words, longest first where one starts another.
pub(super) const CREDITS: &[(&str, Credit)] = &[
    ("新华社记者", Credit::Role(BylineRole::Reporter)),
    ("本报记者", Credit::Role(BylineRole::Reporter)),
    ("融媒体记者", Credit::Role(BylineRole::Reporter)),
    ("全媒体记者", Credit::Role(BylineRole::Reporter)),
    ("摄影记者", Credit::Role(BylineRole::Photographer)),
    ("特约记者", Credit::Role(BylineRole::Reporter)),
    ("实习记者", Credit::Role(BylineRole::Reporter)),
    ("见习记者", Credit::Role(BylineRole::Reporter)),
    ("首席记者", Credit::Role(BylineRole::Reporter)),
    ("记者", Credit::Role(BylineRole::Reporter)),
    ("实习生", Credit::Role(BylineRole::Reporter)),
    ("特约通讯员", Credit::Role(BylineRole::Correspondent)),
    ("信息员", Credit::Role(BylineRole::Correspondent)),
    ("通讯员", Credit::Role(BylineRole::Correspondent)),
    ("摄影", Credit::Role(BylineRole::Photographer)),
    ("摄像", Credit::Role(BylineRole::Photographer)),
    ("图片", Credit::Role(BylineRole::Photographer)),
    ("图文", Credit::Role(BylineRole::Author)),
    ("文图", Credit::Role(BylineRole::Author)),
    ("撰稿人", Credit::Role(BylineRole::Author)),
    ("撰文", Credit::Role(BylineRole::Author)),
    ("供图", Credit::Role(BylineRole::Photographer)),
    ("撰稿", Credit::Role(BylineRole::Author)),
    ("作者", Credit::Role(BylineRole::Author)),
    ("文字", Credit::Role(BylineRole::Author)),
    ("责任编辑", Credit::Editor),
    ("编辑", Credit::Editor),
    ("责编", Credit::Editor),
    ("审稿人", Credit::Editor),
    ("审稿", Credit::Editor),
    ("审核", Credit::Editor),
    ("校对", Credit::Editor),
    ("监制", Credit::Editor),
    ("编审", Credit::Editor),
    // Where the article comes from credits no person (来源：县融媒体中心).
    ("来源", Credit::Editor),
    ("稿源", Credit::Editor),
    // 供稿 by a person writes the piece (供稿/张三); by a body it credits none.
    ("供稿", Credit::Role(BylineRole::Author)),
    ("出品", Credit::Editor),
    // (制作:张三 李四): who made a page's graphics or video, not the report.
    ("制作", Credit::Editor),
    ("转自", Credit::Editor),
];

/// Words after which a byline gives where the article comes from or when it was
/// published, not a person (信息来源：邵阳市政协, 发布时间：2025-01-26).
pub(super) const SOURCE_CREDITS: &[&str] = &[
    "来源",
    "信息来源",
    "稿源",
    "文章来源",
    "发布时间",
    "发布日期",
    "时间",
    "日期",
];

/// One-character credits, only where they stand on their own (`张三 文 李四 摄`,
/// `文/张三`, `图:李四`): inside a run they are parts of names.
pub(super) const SHORT_CREDITS: &[(&str, Credit)] = &[
    ("摄", Credit::Role(BylineRole::Photographer)),
    ("图", Credit::Role(BylineRole::Photographer)),
    ("文", Credit::Role(BylineRole::Author)),
];

/// Marks layouts put before a byline line (□记者 张三).
pub(super) const LAYOUT_MARKS: &[char] = &['□', '■', '●', '◆', '▲', '★', '▶', '◎', '○', '◇', '☆'];

/// Credit words as layouts space them out, and as they are read.
pub(super) const SPACED_CREDITS: &[(&str, &str)] = &[
    ("记 者", "记者"),
    ("记\u{3000}者", "记者"),
    ("通 讯 员", "通讯员"),
    ("摄 影", "摄影"),
];

/// Endings of the names of media and offices that may stand before a credit or a name
/// (山西日报 邓焕彦, 中国台湾网大连市台办通讯员 刘旭辉, 秘书宣传组 陈明).
pub(super) const MEDIA_ENDINGS: &[&str] = &[
    "日报",
    "晚报",
    "报社",
    "报",
    "网",
    "电视台",
    "广播电视台",
    "台",
    "新华社",
    "社",
    "中心",
    "融媒",
    "客户端",
    // 皖江在线: a news site named as one.
    "在线",
    "组",
    "办",
    "办公室",
    "部",
];

/// Endings of the names of bodies and places a writer's unit is given by (城关镇,
/// 县委宣传部, 南华县发改局).
pub(super) const UNIT_ENDS: &[&str] = &[
    "镇", "乡", "村", "县", "区", "市", "街道", "局", "部", "办", "委", "中心", "公司", "站", "所",
    "院", "校",
];

/// Separators between the pieces of a byline.
pub(super) fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{3000}'
            | '\t'
            | ':'
            | '：'
            | '、'
            | ','
            | '，'
            | '/'
            | '／'
            | ';'
            | '；'
            | '|'
            | '｜'
            | '丨'
    )
}
