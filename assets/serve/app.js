// zhkg serve: the pages over the JSON API. Every name and sentence comes from
// articles and is untrusted: it goes on the page through textContent (el() below)
// and never through innerHTML; links are built from ids with encodeURIComponent.
"use strict";

const main = () => document.getElementById("main");

// An element with text: the only way anything reaches the page.
function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

function pageOf(node) {
  const kind = node.kind === "person" ? "person" : node.kind === "event" ? "event" : "node";
  return "#/" + kind + "/" + encodeURIComponent(node.id);
}

function link(node) {
  const a = el("a", node.label || node.name);
  a.href = pageOf(node);
  a.dataset.id = node.id;
  return a;
}

async function getJson(url) {
  const r = await fetch(url);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

// A sentence with characters start..end (Unicode characters) marked.
function quote(text, start, end) {
  const chars = Array.from(text);
  const p = el("span", null, "quote");
  p.append(document.createTextNode(chars.slice(0, start).join("")));
  p.append(el("mark", chars.slice(start, end).join("")));
  p.append(document.createTextNode(chars.slice(end).join("")));
  return p;
}

function source(q) {
  return el("span", (q.date || "") + " " + (q.headline || q.article), "source");
}

function evidenceList(fact) {
  const ul = el("ul", null, "evidence");
  for (const q of fact.evidence) {
    const li = el("li");
    li.append(source(q), quote(q.text, q.start, q.end));
    ul.append(li);
  }
  if (fact.more_evidence) ul.append(el("li", "… more", "hint"));
  return ul;
}

const RELATION_ZH = {
  holds_position: "任职", chaired: "主持", attended: "出席", spoke_at: "讲话", held: "举办",
  issued: "印发", part_of: "隶属", located_in: "位于", reported: "报道", mentions: "提及",
};

function factItem(fact) {
  const li = el("li", null, "fact");
  li.dataset.relation = fact.relation;
  const rel = (fact.outgoing ? "" : "← ") + fact.relation + " " + (RELATION_ZH[fact.relation] || "");
  li.append(el("span", rel, "relation"), link(fact.other));
  if (fact.detail) li.append(el("span", " (" + fact.detail + ")", "detail"));
  const details = el("details");
  details.append(el("summary", "evidence: " + fact.evidence.length + (fact.more_evidence ? "+" : "")));
  details.append(evidenceList(fact));
  li.append(details);
  return li;
}

function section(title, items) {
  const frag = document.createDocumentFragment();
  frag.append(el("h2", title));
  const ul = el("ul");
  for (const i of items) ul.append(i);
  if (items.length === 0) ul.append(el("li", "—", "hint"));
  frag.append(ul);
  return frag;
}

function header(node) {
  const h = el("h1", node.label);
  h.append(el("span", node.kind, "kind"));
  const meta = el("p", null, "meta");
  const bits = [];
  if (node.date) bits.push(node.date + (node.time ? " " + node.time : ""));
  if (node.event_type) bits.push(node.event_type);
  if (node.aliases && node.aliases.length) bits.push("aliases: " + node.aliases.join("、"));
  if (node.titles && node.titles.length) bits.push("titles: " + node.titles.join("、"));
  meta.textContent = bits.join(" · ");
  return [h, meta];
}

function sentenceItem(h) {
  const li = el("li");
  li.append(el("span", (h.date || "") + " " + h.headline, "source"));
  li.append(el("div", h.text, "sentence"));
  const facts = el("ul", null, "evidence");
  for (const f of h.facts) {
    const fi = el("li");
    fi.append(el("span", f.subject + " "), el("span", f.relation, "relation"), el("span", " " + f.object));
    facts.append(fi);
  }
  li.append(facts);
  return li;
}

// Each call looks at a bounded stretch of the corpus; "more" fetches the next one.
function moreButton(q, after, list) {
  const b = el("button", "more sentences…", "more");
  b.type = "button";
  b.addEventListener("click", async () => {
    b.disabled = true;
    const r = await getJson("/api/search?q=" + encodeURIComponent(q) + "&after=" + after);
    for (const h of r.sentences.hits) list.append(sentenceItem(h));
    if (r.more !== null && r.more !== undefined) b.replaceWith(moreButton(q, r.more, list));
    else b.replaceWith(el("p", "no more sentences", "hint"));
  });
  return b;
}

async function showSearch(q) {
  document.getElementById("q").value = q;
  const m = main();
  m.replaceChildren(el("p", "searching…", "hint"));
  const r = await getJson("/api/search?q=" + encodeURIComponent(q));
  const names = r.names.map((n) => {
    const li = el("li");
    li.append(link(n), el("span", n.kind, "kind"));
    return li;
  });
  const list = el("ul");
  for (const h of r.sentences.hits) list.append(sentenceItem(h));
  const parts = [el("h1", "搜索: " + q), section("names (" + r.names.length + ")", names), el("h2", "sentences"), list];
  if (r.more !== null && r.more !== undefined) parts.push(moreButton(q, r.more, list));
  else if (r.sentences.hits.length === 0) list.append(el("li", "—", "hint"));
  m.replaceChildren(...parts);
  m.dataset.view = "search";
}

function drawGraph(container, data, centre) {
  if (typeof cytoscape !== "function") return;
  const elements = [];
  for (const n of data.nodes) {
    elements.push({ data: { id: n.id, label: n.label, kind: n.kind } });
  }
  data.edges.forEach((e, i) => {
    elements.push({ data: { id: "e" + i, source: e.source, target: e.target, label: e.relation } });
  });
  const cy = cytoscape({
    container,
    elements,
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 10, "background-color": "#6a8caf" } },
      { selector: "node[kind = 'person']", style: { "background-color": "#d9822b" } },
      { selector: "node[kind = 'event']", style: { "background-color": "#2b8a3e", shape: "round-rectangle" } },
      { selector: "node[id = '" + CSS.escape(centre) + "']", style: { "border-width": 3, "border-color": "#000" } },
      { selector: "edge", style: { width: 1, "curve-style": "bezier", "target-arrow-shape": "triangle", label: "data(label)", "font-size": 8 } },
    ],
    layout: { name: "cose", animate: false },
  });
  cy.on("tap", "node", (ev) => {
    const d = ev.target.data();
    location.hash = pageOf({ id: d.id, kind: d.kind });
  });
}

async function showNode(kind, id) {
  const m = main();
  m.replaceChildren(el("p", "loading…", "hint"));
  const api = kind === "person" ? "/api/person/" : kind === "event" ? "/api/event/" : "/api/node/";
  const page = await getJson(api + encodeURIComponent(id));
  const parts = header(page.node);
  const roles = ["chaired", "attended", "spoke_at", "held"];
  if (page.node.kind === "person") {
    // Posts and events in date order: an event by its date, a post by its first
    // article's.
    const dated = page.facts
      .filter((f) => f.relation === "holds_position" || roles.includes(f.relation))
      .map((f) => {
        const first = f.evidence.map((q) => q.date).filter((d) => d).sort()[0];
        return { date: f.other.date || first || "", fact: f };
      })
      .sort((a, b) => (a.date || "\uffff").localeCompare(b.date || "\uffff"));
    const timeline = dated.map(({ date, fact }) => {
      const li = el("li");
      li.append(el("span", date || "(no date)", "source"), el("span", fact.relation + " ", "relation"));
      li.append(link(fact.other));
      if (fact.detail) li.append(el("span", " " + fact.detail));
      return li;
    });
    const co = page.coattendees.map((r) => {
      const li = el("li");
      li.append(link({ id: r.id, name: r.name, label: r.name, kind: "person" }), el("span", " × " + r.relation + ": " + r.detail, "meta"));
      return li;
    });
    parts.push(
      section("posts", page.facts.filter((f) => f.relation === "holds_position").map(factItem)),
      section("events", page.facts.filter((f) => roles.includes(f.relation)).map(factItem)),
      section("timeline", timeline),
      section("co-attendees", co),
      section("other facts", page.facts.filter((f) => f.relation !== "holds_position" && !roles.includes(f.relation)).map(factItem)),
    );
  } else if (page.node.kind === "event") {
    const who = (rel) => page.facts.filter((f) => f.relation === rel).map(factItem);
    parts.push(
      section("chair 主持", who("chaired")),
      section("attendees 出席", who("attended")),
      section("speakers 讲话", who("spoke_at")),
      section("held by 举办", who("held")),
      section("other facts", page.facts.filter((f) => !roles.includes(f.relation)).map(factItem)),
    );
  } else {
    parts.push(section("facts", page.facts.map(factItem)));
  }
  // The busiest nodes list the first facts of each kind; say how many are left out.
  for (const lo of page.more_facts || []) {
    parts.push(el("p", "… " + lo.count + " more " + (lo.outgoing ? "" : "← ") + lo.relation, "hint"));
  }
  if (page.coattendee_count > (page.coattendees || []).length) {
    parts.push(el("p", "… " + (page.coattendee_count - page.coattendees.length) + " more co-attendees", "hint"));
  }
  parts.push(el("h2", "graph"));
  const g = el("div");
  g.id = "graph";
  parts.push(g);
  m.replaceChildren(...parts);
  m.dataset.view = page.node.kind === "person" || page.node.kind === "event" ? page.node.kind : "node";
  m.dataset.id = page.node.id;
  try {
    drawGraph(g, await getJson("/api/neighbors/" + encodeURIComponent(id) + "?depth=1"), id);
  } catch (e) {
    g.append(el("p", String(e), "error"));
  }
}

async function route() {
  const h = location.hash.replace(/^#\/?/, "");
  const [kind, ...rest] = h.split("/");
  const arg = decodeURIComponent(rest.join("/"));
  try {
    if (kind === "search") await showSearch(arg);
    else if (kind === "person" || kind === "event" || kind === "node") await showNode(kind, arg);
  } catch (e) {
    main().replaceChildren(el("p", String(e.message || e), "error"));
    main().dataset.view = "error";
  }
}

document.getElementById("search-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const q = document.getElementById("q").value.trim();
  if (q) location.hash = "#/search/" + encodeURIComponent(q);
});
window.addEventListener("hashchange", route);
route();
