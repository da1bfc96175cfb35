/* dragoman dashboard: vanilla JS, no build step, no network beyond this server.
 *
 * The filters live in the URL hash (#actor=Taliban&quad=4&event=ev-…), so a view can be linked and
 * reloaded.  Every panel is drawn from one JSON endpoint of the API with the same filters:
 *   /api/timeline  → stacked bars per day by quad class (SVG)
 *   /api/network   → actors and their dyads, laid out by a small force simulation (SVG)
 *   /api/places    → located events as dots on an equirectangular world map (SVG, Natural Earth land)
 *   /api/events    → the paginated table; a click opens the event and its article with the evidence marked
 */
"use strict";

const QUAD = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
const QUAD_COLOR = { 1: "#74add1", 2: "#1a9850", 3: "#fdae61", 4: "#d73027" };
const FILTERS = ["actor", "country", "type", "quad", "since", "until", "place", "text", "include_negated"];
const SVGNS = "http://www.w3.org/2000/svg";
const PAGE = 25;

const state = { filters: {}, sort: "date", order: "desc", offset: 0, total: 0, event: null };
let landCache = null;

const $ = (sel, el = document) => el.querySelector(sel);

function el(tag, attrs = {}, ...children) {
  const svg = ["svg", "g", "path", "rect", "circle", "line", "text", "title"].includes(tag);
  const node = svg ? document.createElementNS(SVGNS, tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return node;
}

function qs(obj) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(obj)) if (v !== undefined && v !== null && v !== "" && v !== false) p.set(k, v);
  return p.toString();
}

async function api(path, params = {}) {
  const q = qs(params);
  const res = await fetch(path + (q ? "?" + q : ""), { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) {
    const msg = body && body.detail ? (typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail)) : res.statusText;
    throw new Error(msg);
  }
  return body;
}

/* ---------------------------------------------------------------- filters and the URL hash */

function readForm() {
  const f = {};
  for (const name of FILTERS) {
    const input = $(`#filters [name=${name}]`);
    if (!input) continue;
    const v = input.type === "checkbox" ? (input.checked ? "true" : "") : input.value.trim();
    if (v) f[name] = v;
  }
  return f;
}

function writeForm(f) {
  for (const name of FILTERS) {
    const input = $(`#filters [name=${name}]`);
    if (!input) continue;
    if (input.type === "checkbox") input.checked = f[name] === "true";
    else input.value = f[name] || "";
  }
}

function readHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  const f = {};
  for (const name of FILTERS) if (p.get(name)) f[name] = p.get(name);
  return { filters: f, event: p.get("event"), sort: p.get("sort") || "date", order: p.get("order") || "desc",
           offset: Math.max(0, parseInt(p.get("offset") || "0", 10) || 0) };
}

function writeHash() {
  const h = qs({ ...state.filters, sort: state.sort !== "date" ? state.sort : "", order: state.order !== "desc" ? state.order : "",
                 offset: state.offset || "", event: state.event || "" });
  if (location.hash !== (h ? "#" + h : "")) history.replaceState(null, "", h ? "#" + h : location.pathname);
}

function setFilters(change) {
  state.filters = { ...readForm(), ...change };
  for (const k of Object.keys(state.filters)) if (!state.filters[k]) delete state.filters[k];
  writeForm(state.filters);
  state.offset = 0;
  refresh();
}

/* ---------------------------------------------------------------- tooltip */

const tip = el("div", { class: "tip", hidden: true });
document.body.appendChild(tip);
function showTip(ev, text) { tip.hidden = false; tip.textContent = text; tip.style.left = ev.clientX + 12 + "px"; tip.style.top = ev.clientY + 12 + "px"; }
function hideTip() { tip.hidden = true; }
function hover(node, text) {
  node.addEventListener("mousemove", (e) => showTip(e, text));
  node.addEventListener("mouseleave", hideTip);
  node.appendChild(el("title", {}, text));
  return node;
}

/* ---------------------------------------------------------------- timeline */

function addDays(iso, n) {
  const d = new Date(iso + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const last = {};

function drawTimeline(data) {
  last.timeline = data;
  const box = $("#timeline");
  box.replaceChildren();
  const days = (data.days || []).filter((d) => d.date);
  if (!days.length) { box.appendChild(el("p", { class: "empty" }, "No dated events match these filters.")); return; }
  const byDay = new Map(days.map((d) => [d.date, d]));
  let list = days.map((d) => d.date).sort();
  const span = Math.round((new Date(list[list.length - 1]) - new Date(list[0])) / 86400000) + 1;
  if (span <= 3700) { // fill the gaps so the x axis is time, not a list; show at least two weeks
    const first = addDays(list[0], -Math.max(0, Math.floor((14 - span) / 2)));
    const n = Math.max(span, 14);
    list = [];
    for (let i = 0; i < n; i++) list.push(addDays(first, i));
  }
  const W = Math.max(300, box.clientWidth || 1000), H = W < 600 ? 150 : 180, padL = 28, padB = 20, padT = 6;
  const max = Math.max(1, ...days.map((d) => d.total || 0));
  const bw = (W - padL) / list.length;
  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, "data-days": list.length });
  const y = (v) => (H - padB) - (v / max) * (H - padB - padT);
  for (const frac of [0, 0.5, 1]) {
    const v = Math.round(max * frac);
    svg.appendChild(el("line", { x1: padL, x2: W, y1: y(v), y2: y(v), stroke: "#eef1f5" }));
    svg.appendChild(el("text", { x: padL - 4, y: y(v) + 3, "text-anchor": "end", class: "axis" }, v));
  }
  list.forEach((day, i) => {
    const d = byDay.get(day);
    if (!d) return;
    let base = 0;
    const g = el("g", { class: "bar", "data-date": day, onclick: () => setFilters({ since: day, until: day }) });
    for (const q of [4, 3, 2, 1]) {
      const n = d["q" + q] || 0;
      if (!n) continue;
      g.appendChild(el("rect", { x: padL + i * bw + bw * 0.1, width: Math.max(0.8, bw * 0.8), y: y(base + n),
                                 height: Math.max(0.5, y(base) - y(base + n)), fill: QUAD_COLOR[q] }));
      base += n;
    }
    hover(g, `${day}: ${d.total} event${d.total === 1 ? "" : "s"} — ` +
      [1, 2, 3, 4].filter((q) => d["q" + q]).map((q) => `${d["q" + q]} ${QUAD[q]}`).join(", "));
    svg.appendChild(g);
  });
  const ticks = Math.min(list.length, Math.floor((W - padL) / 120) + 1);
  for (let t = 0; t < ticks; t++) {
    const i = ticks === 1 ? 0 : Math.round((t * (list.length - 1)) / (ticks - 1));
    const x = Math.min(W - 32, Math.max(padL + 32, padL + i * bw + bw / 2));
    svg.appendChild(el("text", { x, y: H - 6, "text-anchor": "middle", class: "axis" }, list[i]));
  }
  box.appendChild(svg);
}

/* ---------------------------------------------------------------- actor network (force layout) */

function layout(nodes, edges, W, H) {
  // Fruchterman–Reingold, deterministic start on a circle; ~50 nodes, 300 steps: a few ms.
  const n = nodes.length;
  const k = Math.sqrt((W * H) / Math.max(1, n)) * 0.75;
  nodes.forEach((nd, i) => { const a = (2 * Math.PI * i) / n; nd.x = W / 2 + (W / 3) * Math.cos(a); nd.y = H / 2 + (H / 3) * Math.sin(a); });
  const index = new Map(nodes.map((nd, i) => [nd.id, i]));
  const links = edges.map((e) => [index.get(e.source), index.get(e.target), e.count]).filter((l) => l[0] !== undefined && l[1] !== undefined);
  let temp = W / 8;
  for (let step = 0; step < 300; step++) {
    const dx = new Float64Array(n), dy = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      let ux = nodes[i].x - nodes[j].x, uy = nodes[i].y - nodes[j].y;
      let d2 = ux * ux + uy * uy;
      if (d2 < 0.01) { ux = (i - j) * 0.1; uy = 0.1; d2 = ux * ux + uy * uy; }
      const f = (k * k) / d2;
      dx[i] += ux * f; dy[i] += uy * f; dx[j] -= ux * f; dy[j] -= uy * f;
    }
    for (const [a, b, c] of links) {
      const ux = nodes[a].x - nodes[b].x, uy = nodes[a].y - nodes[b].y;
      const d = Math.sqrt(ux * ux + uy * uy) || 0.01;
      const f = (d / k) * (1 + Math.log(c));
      dx[a] -= ux * f; dy[a] -= uy * f; dx[b] += ux * f; dy[b] += uy * f;
    }
    for (let i = 0; i < n; i++) {
      dx[i] += (W / 2 - nodes[i].x) * 0.06 * k / 10; dy[i] += (H / 2 - nodes[i].y) * 0.06 * k / 10;
      const d = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) || 1;
      nodes[i].x += (dx[i] / d) * Math.min(d, temp);
      nodes[i].y += (dy[i] / d) * Math.min(d, temp);
    }
    temp *= 0.985;
  }
  // fit into the box
  const padX = 24, padR = Math.min(130, W / 4), padY = 24; // room for the labels on the right
  const xs = nodes.map((d) => d.x), ys = nodes.map((d) => d.y);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  const sx = (W - padX - padR) / Math.max(1, x1 - x0), sy = (H - 2 * padY) / Math.max(1, y1 - y0);
  for (const d of nodes) {
    d.x = x1 - x0 < 1 ? W / 2 : padX + (d.x - x0) * sx;
    d.y = y1 - y0 < 1 ? H / 2 : padY + (d.y - y0) * sy;
  }
  // no two nodes on top of each other (a narrow screen squeezes the layout): push apart pairs closer than a node's
  // width, within the box
  const minD = 26;
  for (let pass = 0; pass < 60; pass++) {
    let moved = false;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      let ux = nodes[j].x - nodes[i].x, uy = nodes[j].y - nodes[i].y;
      const d = Math.sqrt(ux * ux + uy * uy);
      if (d >= minD) continue;
      if (d < 0.01) { ux = 1; uy = 0; } else { ux /= d; uy /= d; }
      const push = (minD - Math.max(d, 0.01)) / 2;
      nodes[i].x -= ux * push; nodes[i].y -= uy * push; nodes[j].x += ux * push; nodes[j].y += uy * push;
      moved = true;
    }
    for (const d of nodes) {
      d.x = Math.min(W - padR, Math.max(padX, d.x));
      d.y = Math.min(H - padY, Math.max(padY, d.y));
    }
    if (!moved) break;
  }
}

function drawNetwork(data) {
  last.network = data;
  const box = $("#network");
  box.replaceChildren();
  const nodes = (data.nodes || []).map((d) => ({ ...d }));
  const edges = data.edges || [];
  if (!nodes.length) { box.appendChild(el("p", { class: "empty" }, "No actors with coded partners match these filters.")); return; }
  const W = Math.max(300, box.clientWidth || 800), H = Math.min(600, Math.max(280, Math.round(W * 0.7)));
  layout(nodes, edges, W, H);
  const at = new Map(nodes.map((d) => [d.id, d]));
  const maxE = Math.max(1, ...edges.map((e) => e.count));
  const maxN = Math.max(1, ...nodes.map((d) => d.events));
  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H });
  for (const e of edges) {
    const a = at.get(e.source), b = at.get(e.target);
    if (!a || !b) continue;
    const conflict = (e.conflict || 0) > (e.coop || 0);
    svg.appendChild(hover(el("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: "edge " + (conflict ? "conflict" : "coop"),
      stroke: conflict ? "#d73027" : "#1a9850", "stroke-opacity": 0.7, "stroke-width": 1 + 9 * Math.sqrt(e.count / maxE) }),
      `${a.name} — ${b.name}: ${e.count} event${e.count === 1 ? "" : "s"} (${e.coop || 0} cooperation, ${e.conflict || 0} conflict)`));
  }
  for (const d of nodes) {
    const r = 4 + Math.min(14, W / 60) * Math.sqrt(d.events / maxN);
    const g = el("g", { class: "node", transform: `translate(${d.x.toFixed(1)},${d.y.toFixed(1)})`, "data-name": d.name,
                        onclick: () => setFilters({ actor: d.name }) });
    g.appendChild(hover(el("circle", { r, fill: "#2457a6" }), `${d.name}${d.country ? " (" + d.country + ")" : ""}: ${d.events} events`));
    g.appendChild(el("text", { x: r + 3, y: 4 }, d.name.length > 28 ? d.name.slice(0, 27) + "…" : d.name));
    svg.appendChild(g);
  }
  box.appendChild(svg);
}

/* ---------------------------------------------------------------- map */

function topoRings(topo) {
  // Decode a quantized TopoJSON topology into rings of [lon, lat] (enough of the spec for world-atlas).
  const [sx, sy] = topo.transform ? topo.transform.scale : [1, 1];
  const [tx, ty] = topo.transform ? topo.transform.translate : [0, 0];
  const arcs = topo.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
  const arcPoints = (i) => (i >= 0 ? arcs[i] : arcs[~i].slice().reverse());
  const ring = (ids) => {
    const pts = [];
    ids.forEach((id, k) => { const p = arcPoints(id); pts.push(...(k ? p.slice(1) : p)); });
    return pts;
  };
  const rings = [];
  const walk = (g) => {
    if (g.type === "GeometryCollection") g.geometries.forEach(walk);
    else if (g.type === "Polygon") g.arcs.forEach((r) => rings.push(ring(r)));
    else if (g.type === "MultiPolygon") g.arcs.forEach((p) => p.forEach((r) => rings.push(ring(r))));
  };
  Object.values(topo.objects).forEach(walk);
  return rings;
}

function wrapRing(ring) {
  // Rings that cross the antimeridian are unwrapped into continuous longitudes, closed along the pole
  // when they go round it (Antarctica), and drawn again shifted by 360° so the map shows both sides.
  const out = [[ring[0][0], ring[0][1]]];
  let off = 0;
  for (let i = 1; i < ring.length; i++) {
    const dx = ring[i][0] - ring[i - 1][0];
    if (dx > 180) off -= 360; else if (dx < -180) off += 360;
    out.push([ring[i][0] + off, ring[i][1]]);
  }
  if (off !== 0) {
    const pole = out.reduce((s, p) => s + p[1], 0) / out.length < 0 ? -90 : 90;
    out.push([out[out.length - 1][0], pole], [out[0][0], pole]);
  }
  const xs = out.map((p) => p[0]);
  const lo = Math.min(...xs), hi = Math.max(...xs);
  const rings = [out];
  if (hi > 180) rings.push(out.map(([x, y]) => [x - 360, y]));
  if (lo < -180) rings.push(out.map(([x, y]) => [x + 360, y]));
  return rings;
}

async function land() {
  if (landCache) return landCache;
  try {
    const topo = await (await fetch("/static/land-110m.json")).json();
    const paths = [];
    for (const ring of topoRings(topo)) for (const r of wrapRing(ring)) paths.push("M" + r.map(([x, y]) => `${x.toFixed(2)},${(-y).toFixed(2)}`).join("L") + "Z");
    landCache = paths.join("");
  } catch (e) {
    landCache = "";
  }
  return landCache;
}

async function drawMap(data) {
  const box = $("#map");
  const places = (data.places || []).filter((p) => p.lat !== null && p.lon !== null && p.lat !== undefined);
  const d = await land();
  box.replaceChildren();
  const svg = el("svg", { viewBox: "-180 -90 360 180" });
  svg.appendChild(el("rect", { x: -180, y: -90, width: 360, height: 180, class: "sea" }));
  for (let lon = -150; lon <= 150; lon += 30) svg.appendChild(el("line", { x1: lon, x2: lon, y1: -90, y2: 90, class: "graticule" }));
  for (let lat = -60; lat <= 60; lat += 30) svg.appendChild(el("line", { x1: -180, x2: 180, y1: -lat, y2: -lat, class: "graticule" }));
  if (d) svg.appendChild(el("path", { d, class: "land" }));
  const max = Math.max(1, ...places.map((p) => p.events));
  places.sort((a, b) => b.events - a.events);
  for (const p of places) {
    const quads = p.quads || {};
    let best = 1, bestN = -1;
    for (const q of [1, 2, 3, 4]) if ((quads[q] || 0) > bestN) { best = q; bestN = quads[q] || 0; }
    const r = 1.6 + 5 * Math.sqrt(p.events / max);
    svg.appendChild(hover(el("circle", { cx: p.lon, cy: -p.lat, r, fill: QUAD_COLOR[best], class: "dot", "data-place": p.name,
      onclick: () => setFilters({ place: p.name }) }), `${p.name}${p.country ? " (" + p.country + ")" : ""}: ${p.events} events`));
  }
  box.appendChild(svg);
  if (!places.length) box.appendChild(el("p", { class: "empty" }, "No located events match these filters."));
}

/* ---------------------------------------------------------------- events table */

function names(list) { return (list || []).map((a) => a.name).join("; "); }

function auxWords(e) {
  return ["negated", "hypothetical", "future", "historical"].filter((k) => e[k]).map((k) => el("span", { class: "aux" }, k));
}

function drawEvents(data) {
  const tbody = $("#events tbody");
  tbody.replaceChildren();
  state.total = data.total || 0;
  for (const e of data.events || []) {
    const tr = el("tr", { "data-id": e.id, class: e.id === state.event ? "selected" : null, onclick: () => openEvent(e.id) },
      el("td", { class: "nowrap" }, e.date || "—"),
      el("td", {}, el("span", { class: `badge q${e.quad_class || 0}`, title: QUAD[e.quad_class] || "" }, e.type), auxWords(e)),
      el("td", {}, names(e.sources) || "—"),
      el("td", {}, names(e.targets) || "—"),
      el("td", {}, e.place || ""),
      el("td", {}, e.confidence !== null && e.confidence !== undefined ? Number(e.confidence).toFixed(2) : ""),
      el("td", { class: "ev-col" }, (e.evidence_text || "").slice(0, 180)));
    tbody.appendChild(tr);
  }
  if (!(data.events || []).length) tbody.appendChild(el("tr", {}, el("td", { colspan: 7, class: "empty" }, "No events match these filters.")));
  const from = state.total ? state.offset + 1 : 0, to = Math.min(state.total, state.offset + PAGE);
  $("#page").textContent = `${from}–${to} of ${state.total.toLocaleString()}`;
  $("#events-count").textContent = `${state.total.toLocaleString()} match`;
  $("#prev").disabled = state.offset <= 0;
  $("#next").disabled = state.offset + PAGE >= state.total;
  for (const th of document.querySelectorAll("#events th[data-sort]")) {
    th.classList.toggle("sorted", th.dataset.sort === state.sort);
    th.classList.toggle("asc", th.dataset.sort === state.sort && state.order === "asc");
  }
}

/* ---------------------------------------------------------------- the article view */

function segments(text, spans) {
  // Cut the text at every span boundary; each piece knows which spans cover it.
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(Math.max(0, Math.min(text.length, s.start))); cuts.add(Math.max(0, Math.min(text.length, s.end))); }
  const pts = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i], b = pts[i + 1];
    out.push({ a, b, spans: spans.filter((s) => s.start <= a && b <= s.end) });
  }
  return out;
}

function renderArticle(article, event, current) {
  const box = $("#article");
  box.replaceChildren();
  const text = article.text || "";
  const localEvents = article.events || [];
  const spans = [];
  const isCurrent = (le) => le.event_id === event.id || current.has(le.id);
  for (const le of localEvents) {
    for (const ev of le.evidence || []) spans.push({ start: ev.start, end: ev.end, kind: "ev", ev: le, current: isCurrent(le) });
    for (const ev of le.evidence || []) if (ev.trigger) spans.push({ start: ev.trigger[0], end: ev.trigger[1], kind: "trigger", ev: le, current: isCurrent(le) });
  }
  for (const m of event.mentions || []) {
    if (m.article_id !== article.id) continue;
    spans.push({ start: m.start, end: m.end, kind: "ev", current: true, ev: null });
    if (Array.isArray(m.trigger) && m.trigger[0] !== null)
      spans.push({ start: m.trigger[0], end: m.trigger[1], kind: "trigger", current: true, ev: null });
  }
  box.appendChild(el("div", { class: "title" }, article.title || "(untitled article)"));
  const meta = [article.id, article.published || (article.reference_date && article.reference_date.date), article.agency, article.dateline]
    .filter(Boolean).join(" · ");
  box.appendChild(el("div", { class: "meta" }, meta, article.url ? [" · ", el("a", { href: article.url, rel: "noopener noreferrer", target: "_blank" }, "source")] : null));
  const body = el("div", { class: "text" });
  for (const seg of segments(text, spans)) {
    const piece = text.slice(seg.a, seg.b);
    const evs = seg.spans.filter((s) => s.kind === "ev");
    if (!evs.length) { body.appendChild(document.createTextNode(piece)); continue; }
    const cur = evs.some((s) => s.current);
    const trig = seg.spans.some((s) => s.kind === "trigger" && (s.current || !cur));
    const owner = evs.find((s) => s.ev && s.current) || evs.find((s) => s.ev) || evs[0];
    const mark = el("mark", { class: "evidence" + (cur ? " current" : ""), "data-event": owner.ev ? owner.ev.id : "",
                              title: owner.ev ? `${owner.ev.type} · ${owner.ev.rule || "no rule"} · confidence ${owner.ev.confidence}` : "" },
                    trig ? el("b", { class: "trigger" }, piece) : piece);
    body.appendChild(mark);
  }
  box.appendChild(body);
  if (localEvents.length) {
    const ul = el("ul", { class: "event-list" });
    for (const le of localEvents) {
      const actors = (ids) => (ids || []).map((id) => ((article.actors || []).find((a) => a.id === id) || { name: id }).name).join("; ");
      ul.appendChild(el("li", { class: isCurrent(le) ? "current" : null, "data-event": le.id,
                                onclick: () => { const m = box.querySelector(`mark[data-event="${CSS.escape(le.id)}"]`); if (m) m.scrollIntoView({ block: "center" }); } },
        el("span", { class: `badge q${le.quad_class || 0}` }, le.type), " ",
        `${actors(le.sources) || "?"} → ${actors(le.targets) || "?"} `,
        el("code", {}, `rule ${le.rule || "—"} · confidence ${Number(le.confidence).toFixed(2)}`)));
    }
    box.appendChild(ul);
  }
}

function renderDetail(e) {
  const dl = el("dl", { class: "event-detail", id: "event-dl", "data-id": e.id });
  const row = (k, v) => { if (v !== null && v !== undefined && v !== "") { dl.appendChild(el("dt", {}, k)); dl.appendChild(el("dd", {}, v)); } };
  row("Event", el("span", {}, el("span", { class: `badge q${e.quad_class || 0}` }, e.type), ` ${e.mode || ""} · ${QUAD[e.quad_class] || ""}`));
  row("Who", `${names(e.sources) || "?"} → ${names(e.targets) || "?"}`);
  row("When", e.date ? `${e.date} (${e.date_precision || "?"})${e.date_text ? " — “" + e.date_text + "”" : ""}` : "undated");
  row("Where", e.place ? `${e.place}${e.place_country ? ", " + e.place_country : ""}` : "");
  row("Rule", el("code", { id: "event-rule" }, e.rule || "—"));
  row("Confidence", el("span", { id: "event-confidence" }, e.confidence !== null && e.confidence !== undefined ? Number(e.confidence).toFixed(2) : "—"));
  row("CAMEO", e.cameo || "");
  row("Modes", ["negated", "hypothetical", "future", "historical"].filter((k) => e[k]).join(", "));
  row("Reports", `${e.num_mentions || 1} mention(s) in ${e.num_articles || (e.article_ids || []).length || 1} article(s)`);
  $("#event-detail").replaceChildren(dl);
}

async function openEvent(id) {
  state.event = id;
  writeHash();
  for (const tr of document.querySelectorAll("#events tbody tr")) tr.classList.toggle("selected", tr.dataset.id === id);
  const panel = $("#article-panel");
  panel.hidden = false;
  $("#article").replaceChildren(el("p", { class: "empty" }, "loading…"));
  try {
    const event = await api(`/api/events/${encodeURIComponent(id)}`);
    renderDetail(event);
    const artId = (event.mentions && event.mentions[0] && event.mentions[0].article_id) || event.article_id || (event.article_ids || [])[0];
    if (!artId) { $("#article").replaceChildren(el("p", { class: "empty" }, "This event has no stored article.")); return; }
    const article = await api(`/api/articles/${encodeURIComponent(artId)}`);
    const current = new Set((event.mentions || []).filter((m) => m.article_id === artId).map((m) => m.article_event_id));
    renderArticle(article, event, current);
    const first = $("#article mark.current");
    (first || panel).scrollIntoView({ block: "center" });
  } catch (err) {
    $("#article").replaceChildren(el("p", { class: "empty" }, "Could not open the event: " + err.message));
  }
}

/* ---------------------------------------------------------------- watch */

function when(iso) {
  return iso ? iso.replace("T", " ").replace("Z", " UTC") : "—";
}

/* The watcher's feeds and latest alerts (/api/watch); hidden while the store was never watched.
 * Feed names, errors and evidence sentences come from the news: text nodes only, never markup. */
function drawWatch(w) {
  const panel = $("#watch-panel");
  const feeds = (w && w.feeds) || [];
  const alerts = (w && w.latest_alerts) || [];
  panel.hidden = !feeds.length && !alerts.length;
  if (panel.hidden) return;
  const d = w.deliveries || {};
  $("#watch-summary").textContent = `${feeds.length} feeds · ${(w.alerts || 0).toLocaleString()} alerts · ` +
    `${d.delivered || 0} delivered, ${d.pending || 0} pending, ${d.failed || 0} failed`;
  const body = $("#watch-feeds tbody");
  body.replaceChildren(...feeds.map((f) => el("tr", {},
    el("td", { title: f.url }, f.name || f.url),
    el("td", { class: "nowrap" }, when(f.last_poll)),
    el("td", { class: f.failures ? "failing" : null, title: f.last_error || "" },
      f.failures ? `failing (${f.failures} in a row)` : (f.last_status || "not polled yet")),
    el("td", {}, String(f.items_seen || 0)),
    el("td", {}, String(f.failures_total || 0)),
    el("td", { class: "nowrap" }, when(f.next_poll)),
  )));
  const list = $("#watch-alerts");
  list.replaceChildren(...(alerts.length ? alerts.map((a) => {
    const failed = (a.deliveries || []).filter((x) => x.status === "failed").length;
    return el("li", {},
      el("strong", {}, a.rule), " ", el("span", {}, `${a.type || ""} ${(a.sources || []).join("; ")}` +
        ((a.targets || []).length ? ` → ${a.targets.join("; ")}` : "")),
      " ", el("span", { class: "why" }, `(${when(a.fired_at)}; ${a.reason}` + (failed ? `; ${failed} delivery failed` : "") + ")"),
      el("span", { class: "evidence" }, a.evidence || ""));
  }) : [el("li", {}, "no alerts yet")]));
}

/* ---------------------------------------------------------------- refresh */

function updateDownloads() {
  $("#dl-csv").href = "/api/export?" + qs({ ...state.filters, format: "csv", sort: state.sort, order: state.order });
  $("#dl-json").href = "/api/export?" + qs({ ...state.filters, format: "json", sort: state.sort, order: state.order });
}

async function refresh() {
  writeHash();
  updateDownloads();
  const f = state.filters;
  const stats = $("#stats");
  const jobs = [
    api("/api/stats").then((s) => { stats.textContent = `${(s.articles || 0).toLocaleString()} articles · ${(s.events || 0).toLocaleString()} events` + (s.failures ? ` · ${s.failures} failed inputs` : ""); }),
    api("/api/events", { ...f, limit: PAGE, offset: state.offset, sort: state.sort, order: state.order }).then(drawEvents),
    api("/api/timeline", f).then(drawTimeline),
    api("/api/network", f).then(drawNetwork),
    api("/api/places", f).then(drawMap),
    api("/api/watch").then(drawWatch),
  ];
  const results = await Promise.allSettled(jobs);
  const bad = results.find((r) => r.status === "rejected");
  if (bad) stats.textContent = "error: " + bad.reason.message;
  document.body.dataset.ready = "1";
}

function init() {
  const h = readHash();
  state.filters = h.filters; state.sort = h.sort; state.order = h.order; state.offset = h.offset;
  writeForm(state.filters);
  const legend = $("#legend");
  for (const q of [1, 2, 3, 4]) legend.appendChild(el("span", { class: `q${q}` }, QUAD[q]));
  $("#filters").addEventListener("submit", (ev) => { ev.preventDefault(); setFilters({}); });
  $("#reset").addEventListener("click", () => { writeForm({}); state.event = null; $("#article-panel").hidden = true; setFilters({}); });
  $("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); refresh(); });
  $("#next").addEventListener("click", () => { state.offset += PAGE; refresh(); });
  $("#close-article").addEventListener("click", () => { $("#article-panel").hidden = true; state.event = null; writeHash(); });
  for (const th of document.querySelectorAll("#events th[data-sort]")) {
    th.addEventListener("click", () => {
      if (state.sort === th.dataset.sort) state.order = state.order === "desc" ? "asc" : "desc";
      else { state.sort = th.dataset.sort; state.order = "desc"; }
      state.offset = 0;
      refresh();
    });
  }
  if (window.matchMedia("(max-width: 760px)").matches) $("#filters-wrap").open = false;
  refresh().then(() => { if (h.event) openEvent(h.event); });
}

let resizeTimer = null;
window.addEventListener("resize", () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => { if (last.timeline) drawTimeline(last.timeline); if (last.network) drawNetwork(last.network); }, 150);
});

init();
