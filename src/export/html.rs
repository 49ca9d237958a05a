//! The `html` export: a [`GraphDoc`] comes in and one self-contained HTML page
//! goes out, which works offline from a single file: Cytoscape.js (vendored in
//! `assets/cytoscape/`, MIT, version in `assets/README.md`) and the page's own
//! script and styles (`assets/html/`) are compiled into the binary and inlined.
//! The page lays the graph out (cose, breadthfirst, concentric, circle or grid),
//! pans and zooms, searches names and aliases, colours and shapes nodes by kind,
//! filters by kind and relation, and on a click shows a node's facts, its edges
//! and the quoted evidence sentences with the mention marked.
//!
//! The graph travels as its node-link JSON (the same as `graph.json`) inside
//! `<script type="application/json">`, with `<`, `>` and `&` written as
//! `\u003c`, `\u003e`, `\u0026`: JSON reads them back unchanged, and no
//! `</script>` or `<!--` in a name or quote can end or confuse the block. The
//! page's script puts text on the page only through `textContent`.

use super::shared::kind_color_hex;
use crate::graph::{GraphDoc, NodeKind, Relation};
use serde::Serialize;

/// The vendored Cytoscape.js version (see `assets/README.md`).
pub const CYTOSCAPE_VERSION: &str = "3.35.0";

const CYTOSCAPE_JS: &str = include_str!("../../assets/cytoscape/cytoscape.min.js");
const VIEW_JS: &str = include_str!("../../assets/html/view.js");
const VIEW_CSS: &str = include_str!("../../assets/html/view.css");

/// The id of the `<script type="application/json">` element holding the graph.
pub const DATA_ELEMENT_ID: &str = "zhkg-data";

#[derive(Serialize)]
struct Legend {
    kinds: Vec<KindEntry>,
    relations: Vec<RelationEntry>,
}

#[derive(Serialize)]
struct KindEntry {
    kind: NodeKind,
    label: &'static str,
    color: String,
}

#[derive(Serialize)]
struct RelationEntry {
    relation: Relation,
    label: &'static str,
}

/// Renders `doc` as a complete HTML page.
pub fn render(doc: &GraphDoc) -> String {
    let legend = Legend {
        kinds: NodeKind::ALL
            .into_iter()
            .map(|kind| KindEntry {
                kind,
                label: kind.label_zh(),
                color: kind_color_hex(kind),
            })
            .collect(),
        relations: Relation::ALL
            .into_iter()
            .map(|relation| RelationEntry {
                relation,
                label: relation.label_zh(),
            })
            .collect(),
    };
    let legend = serde_json::to_string(&legend).expect("legend serialises");
    let data = serde_json::to_string(doc).expect("graph serialises");

    let mut page = String::with_capacity(CYTOSCAPE_JS.len() + data.len() + 16 * 1024);
    page.push_str(&format!(
        "<!DOCTYPE html>\n\
         <html lang=\"zh-CN\">\n\
         <head>\n\
         <meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"zhkg {version}\">\n\
         <title>zhkg 知识图谱 · {nodes} 个节点 · {edges} 条关系</title>\n\
         <style>\n{VIEW_CSS}</style>\n\
         </head>\n",
        version = env!("CARGO_PKG_VERSION"),
        nodes = doc.nodes.len(),
        edges = doc.edges.len(),
    ));
    page.push_str(BODY);
    page.push_str("<script type=\"application/json\" id=\"zhkg-meta\">");
    page.push_str(&script_json(&legend));
    page.push_str("</script>\n");
    page.push_str(&format!(
        "<script type=\"application/json\" id=\"{DATA_ELEMENT_ID}\">"
    ));
    page.push_str(&script_json(&data));
    page.push_str("</script>\n");
    page.push_str(&format!(
        "<script>\n// Cytoscape.js {CYTOSCAPE_VERSION}, MIT licence (notice below).\n"
    ));
    page.push_str(CYTOSCAPE_JS);
    page.push_str("\n</script>\n<script>\n");
    page.push_str(VIEW_JS);
    page.push_str("</script>\n</body>\n</html>\n");
    page
}

/// The page's markup: panel (status, search, layout, filters, details) and the
/// drawing area. It holds no graph data; the script fills it in.
const BODY: &str = r#"<body>
<noscript><p>此页面需要启用 JavaScript 才能显示图谱。</p></noscript>
<div id="app">
<aside id="panel">
<h1>知识图谱</h1>
<p id="status" aria-live="polite"></p>
<form id="search-form" role="search">
<input id="search" type="search" placeholder="搜索名称或别名" list="names" autocomplete="off" aria-label="搜索名称或别名">
<button type="submit">搜索</button>
</form>
<datalist id="names"></datalist>
<p id="search-result" aria-live="polite"></p>
<div class="controls">
<label>布局 <select id="layout">
<option value="cose" selected>力导向 (cose)</option>
<option value="breadthfirst">层次 (breadthfirst)</option>
<option value="concentric">同心圆 (concentric)</option>
<option value="circle">环形 (circle)</option>
<option value="grid">网格 (grid)</option>
</select></label>
<button id="relayout" type="button">重新布局</button>
<button id="fit" type="button">适应窗口</button>
</div>
<fieldset id="kinds"><legend>类型</legend></fieldset>
<fieldset id="relations"><legend>关系</legend></fieldset>
<section id="details" aria-live="polite"></section>
</aside>
<main id="cy" aria-label="知识图谱"></main>
</div>
"#;

/// JSON made safe inside `<script>`: `<`, `>` and `&` only occur inside JSON
/// strings, where their `\u` escapes mean the same characters.
pub fn script_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + json.len() / 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
}

/// The text of the embedded graph block of a page written by the `html` export, for
/// tests and tools that want the data back.
pub fn embedded_json(page: &str) -> Option<&str> {
    let open = format!("<script type=\"application/json\" id=\"{DATA_ELEMENT_ID}\">");
    let start = page.find(&open)? + open.len();
    let len = page[start..].find("</script>")?;
    Some(&page[start..start + len])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Inlined scripts must not contain what ends or confuses a script element.
    #[test]
    fn inlined_scripts_cannot_break_out() {
        for (name, js) in [("cytoscape", CYTOSCAPE_JS), ("view", VIEW_JS)] {
            let lower = js.to_ascii_lowercase();
            assert!(!lower.contains("</script"), "{name} contains </script");
            assert!(!lower.contains("<!--"), "{name} contains <!--");
        }
        assert!(CYTOSCAPE_JS.contains(CYTOSCAPE_VERSION));
    }

    #[test]
    fn script_json_escapes_markup() {
        assert_eq!(
            script_json(r#"{"a":"</script><b>&"}"#),
            r#"{"a":"\u003c/script\u003e\u003cb\u003e\u0026"}"#
        );
        let back: serde_json::Value =
            serde_json::from_str(&script_json(r#"{"a":"</script>&"}"#)).unwrap();
        assert_eq!(back["a"], "</script>&");
    }

    #[test]
    fn data_block_reads_back() {
        let mut doc = GraphDoc::empty();
        doc.nodes.push(crate::graph::Node::new(
            "p",
            NodeKind::Person,
            "</script>张三",
        ));
        let page = render(&doc);
        let back: GraphDoc = serde_json::from_str(embedded_json(&page).unwrap()).unwrap();
        assert_eq!(back, doc);
    }
}
