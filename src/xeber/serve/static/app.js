// xeber web page: search, article view, entity page. Plain JS, no build step.
"use strict";

const view = document.getElementById("view");
const input = document.getElementById("q");
const PAGE = 10;
const TYPE_NAMES = { PER: "Şəxs", ORG: "Təşkilat", LOC: "Yer", GPE: "Yer", FAC: "Obyekt", EVENT: "Hadisə", DATE: "Tarix" };
const FILTER_OF_TYPE = { PER: "person", ORG: "org", LOC: "place", GPE: "place", FAC: "place", EVENT: "entity" };

function esc(s) {
  return String(s ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

async function getJSON(url) {
  const r = await fetch(url);
  const body = await r.json().catch(() => ({ detail: r.statusText }));
  if (!r.ok) throw new Error(body.detail || r.statusText);
  return body;
}

function showError(e) {
  view.innerHTML = `<p class="error" role="alert">${esc(e.message)}</p>`;
}

function quoteValue(v) { return /\s/.test(v) ? `"${v}"` : v; }
function entityHref(type, lemma) { return `#/entity/${encodeURIComponent(type)}/${encodeURIComponent(lemma)}`; }
function searchHref(q, offset = 0) { return `#/search?q=${encodeURIComponent(q)}` + (offset ? `&offset=${offset}` : ""); }

// -- search ------------------------------------------------------------------------------------------
async function showSearch(q, offset) {
  input.value = q;
  document.title = `${q} — xeber`;
  view.innerHTML = `<p class="hint">Axtarılır…</p>`;
  let res;
  try {
    res = await getJSON(`/api/search?q=${encodeURIComponent(q)}&limit=${PAGE}&offset=${offset}&facets=true`);
  } catch (e) { return showError(e); }
  const hits = res.hits.map(h => `
    <div class="hit">
      <h2><a href="#/doc/${encodeURIComponent(h.id)}">${esc(h.title || "(başlıqsız)")}</a></h2>
      <div class="meta">${esc(h.published || "")} ${esc(h.source || "")}</div>
      <p class="snippet">${h.snippet}</p>
    </div>`).join("");
  const sugg = res.suggestion
    ? `<p class="suggestion">Bəlkə bunu nəzərdə tutursunuz: <a href="${searchHref(res.suggestion)}">${esc(res.suggestion)}</a></p>` : "";
  const any = res.mode === "any" ? `<p class="hint">Bütün sözlərə uyğun sənəd tapılmadı; ən azı bir sözə uyğun olanlar göstərilir.</p>` : "";
  const pager = [];
  if (offset > 0) pager.push(`<a href="${searchHref(q, Math.max(0, offset - PAGE))}">← Əvvəlki</a>`);
  if (offset + PAGE < res.total) pager.push(`<a href="${searchHref(q, offset + PAGE)}">Növbəti →</a>`);
  view.innerHTML = `
    <div class="layout">
      <aside class="facets">${renderFacets(q, res.facets || {})}</aside>
      <section>
        <p class="count" id="count">${res.total}${res.total_exact === false ? "+" : ""} nəticə</p>${sugg}${any}
        <div id="hits">${hits || '<p class="hint">Heç nə tapılmadı.</p>'}</div>
        <nav class="pager">${pager.join("")}</nav>
      </section>
    </div>`;
}

function renderFacets(q, facets) {
  const groups = [
    ["source", "Mənbə", v => `source:${quoteValue(v)}`],
    ["year", "İl", v => `date:${v}`],
    ["event", "Hadisə", v => `event:${v}`],
    ["PER", "Şəxslər", v => `person:${quoteValue(v)}`],
    ["ORG", "Təşkilatlar", v => `org:${quoteValue(v)}`],
    ["LOC", "Yerlər", v => `place:${quoteValue(v)}`],
    ["language", "Dil", v => `lang:${v}`],
  ];
  return groups.filter(([k]) => (facets[k] || []).length).map(([k, title, filter]) => `
    <h3>${title}</h3>
    <ul>${facets[k].map(f => `<li><a href="${searchHref(`${q} ${filter(f.value)}`)}" title="${esc(f.value)}">${esc(f.value)}</a><span>${f.count}</span></li>`).join("")}</ul>`
  ).join("");
}

// -- article -----------------------------------------------------------------------------------------
function markedText(text, corrections, entities) {
  // Cut the text at every correction and entity boundary; wrap each piece in what covers it.
  const cuts = new Set([0, text.length]);
  for (const s of [...corrections, ...entities]) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].filter(p => p >= 0 && p <= text.length).sort((a, b) => a - b);
  let out = "";
  const removal = c => `<span class="fix fix-del" title="${esc(`düzəliş (${c.kind}): «${c.original}» silinib`)}" data-original="${esc(c.original)}"></span>`;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    for (const c of corrections) if (c.start === a && c.end === a) out += removal(c);
    let piece = esc(text.slice(a, b));
    const fix = corrections.find(c => c.start <= a && b <= c.end && c.end > c.start);
    if (fix) piece = `<span class="fix" title="${esc(`düzəliş (${fix.kind}): «${fix.original}» → «${fix.replacement}»`)}" data-original="${esc(fix.original)}">${piece}</span>`;
    const ent = entities.find(e => e.start <= a && b <= e.end);
    if (ent) piece = ent.type === "DATE"
      ? `<span class="ent ent-DATE" title="${esc(ent.lemma)}">${piece}</span>`
      : `<a class="ent ent-${esc(ent.type)}" href="${entityHref(ent.type, ent.lemma)}" title="${esc(`${TYPE_NAMES[ent.type] || ent.type}: ${ent.lemma}`)}">${piece}</a>`;
    out += piece;
  }
  for (const c of corrections) if (c.start === text.length && c.end === text.length) out += removal(c);
  return out;
}

async function showDocument(id) {
  view.innerHTML = `<p class="hint">Yüklənir…</p>`;
  let d;
  try { d = await getJSON(`/api/documents/${encodeURIComponent(id)}`); } catch (e) { return showError(e); }
  document.title = `${d.title || d.id} — xeber`;
  const ents = d.entities.filter(e => e.type !== "DATE");
  const uniq = new Map(ents.map(e => [`${e.type}\u0000${e.lemma}`, e]));
  const events = d.events.map(ev => `<li><span class="tag">${esc(ev.type)}</span>${esc(ev.trigger)} ${esc(ev.date || "")} ${esc(ev.place || "")}</li>`).join("");
  view.innerHTML = `
    <div class="layout">
      <aside class="side">
        <h3>Varlıqlar</h3>
        <ul>${[...uniq.values()].map(e => `<li><a class="ent ent-${esc(e.type)}" href="${entityHref(e.type, e.lemma)}">${esc(e.lemma)}</a> <span class="hint">${esc(TYPE_NAMES[e.type] || e.type)}</span></li>`).join("") || "<li class='hint'>yoxdur</li>"}</ul>
        ${events ? `<h3>Hadisələr</h3><ul>${events}</ul>` : ""}
        <h3>Düzəlişlər</h3>
        <p class="hint">${d.corrections.length} düzəliş (${d.edits} redaktə). Üzərinə gəlin: orijinal görünür.</p>
      </aside>
      <article>
        <div class="meta">${esc(d.published || "")} ${d.url ? `<a href="${esc(d.url)}" rel="noopener">${esc(d.source || d.url)}</a>` : esc(d.source || "")}</div>
        <h1>${esc(d.title || "(başlıqsız)")}</h1>
        <div class="legend">${Object.entries({ PER: "Şəxs", ORG: "Təşkilat", LOC: "Yer" }).map(([t, n]) => `<span class="ent ent-${t}">${n}</span>`).join("")}<span class="fix">düzəliş</span></div>
        <div class="text" id="doc-text">${markedText(d.text, d.corrections, d.entities)}</div>
      </article>
    </div>`;
}

// -- entity ------------------------------------------------------------------------------------------
function monthChart(months) {
  if (!months.length) return `<p class="hint">Tarixli xəbər yoxdur.</p>`;
  // every month between the first and the last, so gaps show as gaps
  const all = [];
  let [y, m] = months[0].month.split("-").map(Number);
  const [ly, lm] = months[months.length - 1].month.split("-").map(Number);
  const counts = new Map(months.map(x => [x.month, x.documents]));
  while (y < ly || (y === ly && m <= lm)) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    all.push([key, counts.get(key) || 0]);
    m += 1; if (m > 12) { m = 1; y += 1; }
    if (all.length > 600) break;
  }
  const max = Math.max(...all.map(x => x[1]));
  const W = 720, H = 180, pad = 26, bw = Math.min(40, Math.max(2, (W - 2 * pad) / all.length));
  const bars = all.map(([k, n], i) => {
    const h = max ? (H - 2 * pad) * n / max : 0;
    return `<rect x="${pad + i * bw}" y="${H - pad - h}" width="${Math.max(1, bw - 1)}" height="${h}"><title>${k}: ${n}</title></rect>`;
  }).join("");
  const step = Math.ceil(all.length / 8);
  const labels = all.map(([k], i) => i % step === 0 ? `<text x="${pad + i * bw}" y="${H - 8}">${k}</text>` : "").join("");
  return `<svg class="chart" id="mentions-chart" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="Aylar üzrə xəbərlər">
    <text x="${pad}" y="14">max ${max}</text>${bars}${labels}</svg>`;
}

async function showEntity(type, lemma) {
  view.innerHTML = `<p class="hint">Yüklənir…</p>`;
  let e;
  try { e = await getJSON(`/api/entities/${encodeURIComponent(type)}/${encodeURIComponent(lemma)}`); } catch (err) { return showError(err); }
  document.title = `${e.lemma} — xeber`;
  const filter = `${FILTER_OF_TYPE[e.type] || "entity"}:${quoteValue(e.lemma)}`;
  const co = e.cooccurring.map(c => `<li><a class="ent ent-${esc(c.type)}" href="${entityHref(c.type, c.lemma)}">${esc(c.lemma)}</a> <span class="hint">${c.documents}</span></li>`).join("");
  const tl = e.events.map(ev => `<li><div class="meta">${esc(ev.date || ev.published || "")}</div>
      <span class="tag">${esc(ev.type)}</span><a href="#/doc/${encodeURIComponent(ev.doc_id)}">${esc(ev.title || ev.trigger)}</a>
      <div class="hint">${esc(ev.sentence || "")}</div></li>`).join("");
  view.innerHTML = `
    <div class="layout">
      <aside class="side">
        <h3>Birlikdə çəkilənlər</h3><ul id="cooccurring">${co || "<li class='hint'>yoxdur</li>"}</ul>
      </aside>
      <section>
        <div class="meta">${esc(TYPE_NAMES[e.type] || e.type)}</div>
        <h1 id="entity-name">${esc(e.lemma)}</h1>
        <p><a href="${searchHref(filter + " sort:date")}">${e.documents} xəbər</a></p>
        <h3>Aylar üzrə xəbərlər</h3>${monthChart(e.months)}
        <h3>Hadisələr</h3>${tl ? `<ul class="timeline">${tl}</ul>` : `<p class="hint">Hadisə tapılmadı.</p>`}
      </section>
    </div>`;
}

// -- routing -----------------------------------------------------------------------------------------
function route() {
  const hash = location.hash.slice(1) || "/";
  const [path, qs] = hash.split("?");
  const params = new URLSearchParams(qs || "");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  if (parts[0] === "search" && params.get("q")) return showSearch(params.get("q"), Number(params.get("offset") || 0));
  if (parts[0] === "doc" && parts[1]) return showDocument(parts[1]);
  if (parts[0] === "entity" && parts[2]) return showEntity(parts[1], parts.slice(2).join("/"));
  view.innerHTML = `<p class="hint">Sözləri istənilən şəkilçi ilə, Azərbaycan hərfləri ilə və ya onlarsız yazın.
    Məsələn: <a href="${searchHref("qazaxistan səfər")}">qazaxistan səfər</a>.</p>`;
}

document.getElementById("search-form").addEventListener("submit", ev => {
  ev.preventDefault();
  const q = input.value.trim();
  if (q) location.hash = searchHref(q);
});
window.addEventListener("hashchange", route);
route();
