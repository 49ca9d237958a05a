// The interactive page of `zhkg export --format html`. It reads the graph
// (node-link JSON, as graph.json) and the legend (colours and Chinese labels of
// kinds and relations) from two JSON script blocks, draws them with
// Cytoscape.js, and wires up search, filters and the details panel.
// Every piece of graph text reaches the page through textContent or
// createTextNode, never as markup, because names and quotes come from scraped
// news and must not be able to inject anything.
(function () {
  "use strict";

  var meta = JSON.parse(document.getElementById("zhkg-meta").textContent);
  var graph = JSON.parse(document.getElementById("zhkg-data").textContent);

  // Shapes repeat the kind for readers who cannot tell the colours apart.
  var SHAPES = {
    person: "ellipse",
    organization: "round-rectangle",
    place: "triangle",
    market: "hexagon",
    event: "diamond",
    document: "rectangle",
    project: "pentagon",
    article: "tag"
  };

  var kindInfo = {};
  meta.kinds.forEach(function (k) { kindInfo[k.kind] = k; });
  var relInfo = {};
  meta.relations.forEach(function (r) { relInfo[r.relation] = r; });

  function kindLabel(kind) { return kindInfo[kind] ? kindInfo[kind].label : kind; }
  function kindColor(kind) { return kindInfo[kind] ? kindInfo[kind].color : "#999999"; }
  function relLabel(rel) { return relInfo[rel] ? relInfo[rel].label : rel; }

  function displayLabel(n) {
    return n.kind === "event" && n.date ? n.name + " (" + n.date + ")" : n.name;
  }

  // Cytoscape ids must be unique across nodes and edges and node ids are
  // arbitrary text, so elements get positional ids and keep the index into
  // the graph arrays.
  var indexOfId = new Map();
  var elements = [];
  graph.nodes.forEach(function (n, i) {
    indexOfId.set(n.id, i);
    elements.push({
      group: "nodes",
      data: {
        id: "n" + i,
        idx: i,
        kind: n.kind,
        // A newline in a name would break the one-line label under the node.
        label: displayLabel(n).replace(/\s+/g, " "),
        color: kindColor(n.kind),
        shape: SHAPES[n.kind] || "ellipse"
      }
    });
  });
  graph.edges.forEach(function (e, i) {
    if (!indexOfId.has(e.source) || !indexOfId.has(e.target)) { return; }
    elements.push({
      group: "edges",
      data: {
        id: "e" + i,
        idx: i,
        source: "n" + indexOfId.get(e.source),
        target: "n" + indexOfId.get(e.target),
        relation: e.relation,
        label: relLabel(e.relation)
      }
    });
  });

  var FONT = 'system-ui, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
  var cy = cytoscape({
    container: document.getElementById("cy"),
    elements: elements,
    wheelSensitivity: 0.3,
    minZoom: 0.05,
    maxZoom: 6,
    style: [
      {
        selector: "node",
        style: {
          "background-color": "data(color)",
          shape: "data(shape)",
          label: "data(label)",
          width: 22,
          height: 22,
          "font-family": FONT,
          "font-size": 11,
          "min-zoomed-font-size": 7,
          "text-valign": "bottom",
          "text-margin-y": 3,
          "text-wrap": "ellipsis",
          "text-max-width": 160,
          color: "#222",
          "text-outline-color": "#fff",
          "text-outline-width": 2
        }
      },
      {
        selector: "edge",
        style: {
          width: 1.4,
          "curve-style": "bezier",
          "line-color": "#a9a9a9",
          "target-arrow-color": "#a9a9a9",
          "target-arrow-shape": "triangle",
          "arrow-scale": 0.8,
          label: "data(label)",
          "font-family": FONT,
          "font-size": 9,
          "min-zoomed-font-size": 8,
          "text-rotation": "autorotate",
          color: "#555",
          "text-background-color": "#fafafa",
          "text-background-opacity": 0.85,
          "text-background-padding": 1
        }
      },
      { selector: ".hidden", style: { display: "none" } },
      { selector: "node.match", style: { "border-width": 4, "border-color": "#111" } },
      {
        selector: "node:selected",
        style: { "border-width": 4, "border-color": "#000", "z-index": 10 }
      },
      {
        selector: "edge:selected",
        style: { width: 3, "line-color": "#222", "target-arrow-color": "#222" }
      }
    ]
  });

  // ---- status line -------------------------------------------------------

  var statusEl = document.getElementById("status");
  function updateStatus() {
    var nodes = cy.nodes().not(".hidden").length;
    var edges = cy.edges().filter(function (e) {
      return !e.hasClass("hidden") && !e.source().hasClass("hidden") && !e.target().hasClass("hidden");
    }).length;
    statusEl.textContent = "显示 " + nodes + " / " + cy.nodes().length + " 个节点，" +
      edges + " / " + cy.edges().length + " 条关系";
    document.body.setAttribute("data-visible-nodes", String(nodes));
    document.body.setAttribute("data-visible-edges", String(edges));
  }

  // Records how many nodes ended up inside the drawing area, which is what a
  // headless browser test can see of a canvas drawing.
  function recordDrawn() {
    var w = cy.width();
    var h = cy.height();
    var drawn = cy.nodes().not(".hidden").filter(function (n) {
      var p = n.renderedPosition();
      return p.x >= 0 && p.y >= 0 && p.x <= w && p.y <= h;
    }).length;
    document.body.setAttribute("data-drawn-nodes", String(drawn));
  }

  // ---- layout -------------------------------------------------------------

  var layoutSelect = document.getElementById("layout");
  function layoutOptions(name) {
    var common = { name: name, animate: false, fit: true, padding: 40 };
    if (name === "cose") {
      // Starting from a grid instead of random positions makes the drawing
      // the same every time the page is opened.
      common.randomize = false;
      common.nodeDimensionsIncludeLabels = true;
      common.idealEdgeLength = function () { return 90; };
      common.nodeRepulsion = function () { return 9000; };
    } else if (name === "breadthfirst") {
      common.directed = true;
      common.spacingFactor = 1.1;
    } else if (name === "concentric") {
      common.concentric = function (n) { return n.degree(); };
      common.levelWidth = function () { return 2; };
    }
    return common;
  }
  function runLayout() {
    var visible = cy.elements().not(".hidden");
    if (layoutSelect.value === "cose") {
      visible.layout({ name: "grid", animate: false, fit: false }).run();
    }
    var layout = visible.layout(layoutOptions(layoutSelect.value));
    layout.one("layoutstop", function () {
      cy.fit(visible, 40);
      recordDrawn();
    });
    layout.run();
  }
  layoutSelect.addEventListener("change", runLayout);
  document.getElementById("relayout").addEventListener("click", runLayout);
  document.getElementById("fit").addEventListener("click", function () {
    cy.fit(cy.elements().not(".hidden"), 40);
  });

  // ---- filters ------------------------------------------------------------

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function countBy(items, key) {
    var counts = {};
    items.forEach(function (x) { counts[x[key]] = (counts[x[key]] || 0) + 1; });
    return counts;
  }

  var kindBoxes = [];
  var relBoxes = [];

  function buildChecks(fieldsetId, entries, counts, boxes, keyName, labelOf, colorOf) {
    var fs = document.getElementById(fieldsetId);
    var actions = el("div", "fieldset-actions");
    var all = el("button", null, "全选");
    var none = el("button", null, "全不选");
    all.type = "button";
    none.type = "button";
    actions.appendChild(all);
    actions.appendChild(none);
    fs.appendChild(actions);
    entries.forEach(function (entry) {
      var key = entry[keyName];
      if (!counts[key]) { return; }
      var label = el("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.checked = true;
      box.value = key;
      box.addEventListener("change", applyFilters);
      label.appendChild(box);
      if (colorOf) {
        var sw = el("span", "swatch");
        sw.style.backgroundColor = colorOf(key);
        label.appendChild(sw);
      }
      label.appendChild(el("span", null, labelOf(key)));
      label.appendChild(el("span", "code", key));
      label.appendChild(el("span", "count", "(" + counts[key] + ")"));
      fs.appendChild(label);
      boxes.push(box);
    });
    all.addEventListener("click", function () {
      boxes.forEach(function (b) { b.checked = true; });
      applyFilters();
    });
    none.addEventListener("click", function () {
      boxes.forEach(function (b) { b.checked = false; });
      applyFilters();
    });
  }

  function checkedSet(boxes) {
    var s = new Set();
    boxes.forEach(function (b) { if (b.checked) { s.add(b.value); } });
    return s;
  }

  function applyFilters() {
    var kinds = checkedSet(kindBoxes);
    var rels = checkedSet(relBoxes);
    cy.batch(function () {
      cy.nodes().forEach(function (n) {
        n.toggleClass("hidden", !kinds.has(n.data("kind")));
      });
      cy.edges().forEach(function (e) {
        e.toggleClass("hidden", !rels.has(e.data("relation")));
      });
    });
    updateStatus();
  }

  buildChecks("kinds", meta.kinds, countBy(graph.nodes, "kind"), kindBoxes, "kind",
    kindLabel, kindColor);
  buildChecks("relations", meta.relations, countBy(graph.edges, "relation"), relBoxes,
    "relation", relLabel, null);

  // ---- details panel ------------------------------------------------------

  var details = document.getElementById("details");

  function clearDetails() {
    while (details.firstChild) { details.removeChild(details.firstChild); }
  }

  // The panel scrolls; bring what was just clicked into view.
  function reveal() {
    details.scrollIntoView({ block: "start" });
  }

  function showHint() {
    clearDetails();
    details.appendChild(el("p", "hint", "点击节点或连线查看详情；滚轮缩放，拖动平移。"));
  }

  function nodeButton(idx) {
    var n = graph.nodes[idx];
    var b = el("button", "linklike", displayLabel(n));
    b.type = "button";
    b.title = kindLabel(n.kind) + " · " + n.id;
    b.addEventListener("click", function () { focusNode(idx); });
    return b;
  }

  function facts(rows) {
    var dl = el("dl", "facts");
    rows.forEach(function (row) {
      var value = row[1];
      if (value === undefined || value === null || value === "" ||
          (Array.isArray(value) && value.length === 0)) { return; }
      dl.appendChild(el("dt", null, row[0]));
      dl.appendChild(el("dd", null, Array.isArray(value) ? value.join("、") : value));
    });
    return dl;
  }

  // Quotes are counted in Unicode characters, as in graph.json, so the
  // mention is cut out of the code points rather than UTF-16 units.
  function quoteBlock(ev) {
    var li = el("li");
    var bq = el("blockquote");
    var chars = Array.from(ev.quote || "");
    var start = Math.max(0, Math.min(ev.start, chars.length));
    var end = Math.max(start, Math.min(ev.end, chars.length));
    bq.appendChild(document.createTextNode(chars.slice(0, start).join("")));
    if (end > start) { bq.appendChild(el("mark", null, chars.slice(start, end).join(""))); }
    bq.appendChild(document.createTextNode(chars.slice(end).join("")));
    li.appendChild(bq);
    var cite = el("div", "cite");
    var artIdx = indexOfId.get(ev.article);
    if (artIdx !== undefined) {
      cite.appendChild(document.createTextNode("出自 "));
      cite.appendChild(nodeButton(artIdx));
    } else {
      cite.appendChild(document.createTextNode("出自 " + ev.article));
    }
    cite.appendChild(document.createTextNode(" · 第 " + ev.sentence + " 句"));
    li.appendChild(cite);
    return li;
  }

  function evidenceSection(list) {
    var frag = document.createDocumentFragment();
    frag.appendChild(el("h3", null, "证据（" + list.length + "）"));
    var ul = el("ul", "quotes");
    list.forEach(function (ev) { ul.appendChild(quoteBlock(ev)); });
    frag.appendChild(ul);
    return frag;
  }

  function kindLine(kind) {
    var p = el("p", "kind-line");
    var sw = el("span", "swatch");
    sw.style.backgroundColor = kindColor(kind);
    p.appendChild(sw);
    p.appendChild(el("span", null, kindLabel(kind)));
    p.appendChild(el("span", "code", kind));
    return p;
  }

  function edgeText(e) {
    var text = relLabel(e.relation) + " " + e.relation;
    if (e.title) { text += " · " + e.title; }
    if (e.role) { text += " · " + e.role; }
    return text;
  }

  function showNode(idx) {
    var n = graph.nodes[idx];
    clearDetails();
    details.appendChild(el("h2", null, n.name));
    details.appendChild(kindLine(n.kind));
    details.appendChild(facts([
      ["ID", n.id],
      ["别名", n.aliases],
      ["职务", n.titles],
      ["日期", n.date],
      ["时间", n.time],
      ["事件类型", n.event_type],
      ["标题", n.headline],
      ["来源", n.sources]
    ]));

    var links = [];
    graph.edges.forEach(function (e, i) {
      if (e.source === n.id || e.target === n.id) { links.push(i); }
    });
    details.appendChild(el("h3", null, "关系（" + links.length + "）"));
    var ul = el("ul", "links");
    links.forEach(function (i) {
      var e = graph.edges[i];
      var li = el("li");
      var outgoing = e.source === n.id;
      var other = indexOfId.get(outgoing ? e.target : e.source);
      var rel = el("button", "linklike rel", (outgoing ? "→ " : "← ") + edgeText(e));
      rel.type = "button";
      rel.addEventListener("click", function () { focusEdge(i); });
      li.appendChild(rel);
      li.appendChild(document.createTextNode(" "));
      if (other !== undefined) { li.appendChild(nodeButton(other)); }
      ul.appendChild(li);
    });
    details.appendChild(ul);

    if (n.merges && n.merges.length) {
      details.appendChild(el("h3", null, "合并（" + n.merges.length + "）"));
      var mu = el("ul", "links");
      n.merges.forEach(function (m) { mu.appendChild(el("li", null, m.alias + " — " + m.reason)); });
      details.appendChild(mu);
    }
    details.appendChild(evidenceSection(n.evidence || []));
    reveal();
  }

  function showEdge(i) {
    var e = graph.edges[i];
    clearDetails();
    var h = el("h2");
    h.appendChild(nodeButton(indexOfId.get(e.source)));
    h.appendChild(document.createTextNode(" —" + relLabel(e.relation) + "→ "));
    h.appendChild(nodeButton(indexOfId.get(e.target)));
    details.appendChild(h);
    details.appendChild(facts([
      ["关系", relLabel(e.relation) + " " + e.relation],
      ["职务", e.title],
      ["角色", e.role],
      ["键", String(e.key)]
    ]));
    details.appendChild(evidenceSection(e.evidence || []));
    reveal();
  }

  function focusNode(idx) {
    var node = cy.getElementById("n" + idx);
    cy.elements().unselect();
    node.select();
    if (!node.hasClass("hidden")) {
      cy.animate({ center: { eles: node }, duration: 250 });
    }
    showNode(idx);
  }

  function focusEdge(i) {
    var edge = cy.getElementById("e" + i);
    cy.elements().unselect();
    edge.select();
    showEdge(i);
  }

  cy.on("tap", "node", function (evt) { showNode(evt.target.data("idx")); });
  cy.on("tap", "edge", function (evt) { showEdge(evt.target.data("idx")); });
  cy.on("tap", function (evt) { if (evt.target === cy) { showHint(); } });

  // ---- search -------------------------------------------------------------

  var searchInput = document.getElementById("search");
  var searchResult = document.getElementById("search-result");
  var names = document.getElementById("names");
  var seenNames = new Set();
  graph.nodes.forEach(function (n) {
    [n.name].concat(n.aliases || []).forEach(function (s) { seenNames.add(s); });
  });
  Array.from(seenNames).sort().forEach(function (s) {
    var o = document.createElement("option");
    o.value = s;
    names.appendChild(o);
  });

  function search(query) {
    cy.nodes().removeClass("match");
    if (!query) {
      searchResult.textContent = "";
      return;
    }
    var exact = [];
    var partial = [];
    graph.nodes.forEach(function (n, i) {
      var forms = [n.name].concat(n.aliases || []);
      if (n.id === query || forms.indexOf(query) >= 0) {
        exact.push(i);
      } else if (forms.some(function (f) { return f.indexOf(query) >= 0; })) {
        partial.push(i);
      }
    });
    var hits = exact.concat(partial);
    if (hits.length === 0) {
      searchResult.textContent = "未找到“" + query + "”";
      return;
    }
    var eles = cy.collection();
    hits.forEach(function (i) { eles = eles.union(cy.getElementById("n" + i)); });
    eles.addClass("match");
    var shown = eles.not(".hidden");
    var hidden = hits.length - shown.length;
    searchResult.textContent = "找到 " + hits.length + " 个" +
      (hidden ? "（" + hidden + " 个被筛选隐藏）" : "");
    if (shown.length) {
      cy.animate({ fit: { eles: shown.closedNeighborhood().not(".hidden"), padding: 60 }, duration: 300 });
    }
    cy.elements().unselect();
    cy.getElementById("n" + hits[0]).select();
    showNode(hits[0]);
  }

  document.getElementById("search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    search(searchInput.value.trim());
  });

  // ---- start --------------------------------------------------------------

  showHint();
  updateStatus();
  runLayout();
})();
