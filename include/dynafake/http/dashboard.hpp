// dynafake — the dashboard: one page (HTML, CSS and JavaScript, all here, no
// CDN, nothing fetched from elsewhere) served at GET /_dynafake/ui/ that reads
// the admin API and shows the clock (with advance and set), tables, a table's
// items, backups, exports, fault rules (add, remove) and the journal, live.
// Part of dynafake/http.hpp (target dynafake::http); this part needs only the standard library.
#pragma once

#include <string>  // std::string

#include "dynafake/http/message.hpp"  // Request, HttpResponse
#include "dynafake/http/router.hpp"   // Router

namespace dynafake {
namespace http {

/// The page. It polls /_dynafake/overview and /_dynafake/journal?since= once a
/// second and after every action, so it follows the clock and the state.
inline const char* DashboardPage() {
  return R"dynafake(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>dynafake</title>
<style>
:root { --fg: #1b1b1b; --muted: #555; --line: #c8c8c8; --bg: #fff; --band: #f3f3f3; --accent: #0b57d0; --bad: #a50e0e; }
* { box-sizing: border-box; }
html { scroll-padding-top: 8rem; }  /* what is scrolled to (a link, a focused control) is not hidden under the header */
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header { position: sticky; top: 0; z-index: 1; background: var(--band); border-bottom: 1px solid var(--line); padding: .5rem 1rem; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; }
header h1 { font-size: 1.15rem; margin: 0; }
.clock { font: 600 1.05rem ui-monospace, SFMono-Regular, Menlo, monospace; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem .9rem; margin: 0; padding: 0; }
nav a { color: var(--accent); }
main { padding: 0 1rem 2rem; display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 36rem), 1fr)); gap: 0 2rem; }
section { min-width: 0; }
section.wide { grid-column: 1 / -1; }
h2 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; border-bottom: 2px solid var(--fg); padding-bottom: .15rem; }
form { display: flex; flex-wrap: wrap; gap: .4rem; align-items: end; margin: .4rem 0; }
label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); }
input, select, button { font: inherit; padding: .25rem .45rem; border: 1px solid #888; border-radius: 3px; background: #fff; color: var(--fg); }
input[type=number] { width: 6.5rem; }
button { cursor: pointer; background: var(--band); }
button:focus-visible, input:focus-visible, select:focus-visible, a:focus-visible { outline: 3px solid var(--accent); outline-offset: 1px; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
caption { text-align: left; color: var(--muted); font-size: .8rem; padding: .15rem 0; }
th, td { text-align: left; vertical-align: top; padding: .25rem .5rem; border-bottom: 1px solid var(--line); }
th { background: var(--band); font-weight: 600; }
td.mono, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .82rem; overflow-wrap: anywhere; }
.empty { color: var(--muted); font-style: italic; }
.error-text { color: var(--bad); font-weight: 600; }
tr.failed td:first-child::before { content: "\2716\00a0"; color: var(--bad); }
tr.ok td:first-child::before { content: "\2714\00a0"; }
#message { min-height: 1.4em; margin: .3rem 0 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 600px) { html { scroll-padding-top: 0; } header { position: static; } th, td { padding: .2rem .3rem; } body { font-size: 14px; } }
</style>
</head>
<body>
<header>
  <h1>dynafake</h1>
  <p class="clock" aria-live="polite">Clock: <time id="clock-now">…</time></p>
  <p id="where" class="mono"></p>
  <nav aria-label="Sections"><ul>
    <li><a href="#clock-section">Clock</a></li><li><a href="#tables-section">Tables</a></li>
    <li><a href="#items-section">Items</a></li><li><a href="#backups-section">Backups</a></li>
    <li><a href="#exports-section">Exports</a></li><li><a href="#faults-section">Fault rules</a></li>
    <li><a href="#journal-section">Journal</a></li>
  </ul></nav>
</header>
<main>
<section id="clock-section" aria-labelledby="clock-heading">
  <h2 id="clock-heading">Clock</h2>
  <p>The fake's clock moves only when told to. Pending transitions (tables becoming ACTIVE, backups AVAILABLE, SYSTEM backups expiring) happen as it passes them.</p>
  <form id="advance-form">
    <label>Advance by<input id="advance-amount" type="number" min="0" step="any" value="1" required></label>
    <label>Unit<select id="advance-unit">
      <option value="1">seconds</option><option value="60">minutes</option>
      <option value="3600" selected>hours</option><option value="86400">days</option>
    </select></label>
    <button id="advance-button" type="submit">Advance</button>
  </form>
  <form id="set-form">
    <label>Set to (ISO-8601)<input id="set-time" type="text" placeholder="2026-02-05T00:00:00Z" required></label>
    <button id="set-button" type="submit">Set</button>
  </form>
  <p id="message" role="status" aria-live="polite"></p>
</section>
<section id="tables-section" aria-labelledby="tables-heading">
  <h2 id="tables-heading">Tables <span id="tables-count"></span></h2>
  <div class="scroll"><table id="tables">
    <thead><tr><th scope="col">Name</th><th scope="col">Status</th><th scope="col">Key schema</th><th scope="col">Items</th><th scope="col">Point-in-time recovery</th><th scope="col">Time to Live</th></tr></thead>
    <tbody></tbody>
  </table></div>
</section>
<section id="items-section" aria-labelledby="items-heading">
  <h2 id="items-heading">Items</h2>
  <p id="items-title" class="empty">Choose a table's "items" button to see its items.</p>
  <div class="scroll"><table id="items"><thead></thead><tbody></tbody></table></div>
  <form id="items-paging" hidden>
    <button id="items-first" type="button">First page</button>
    <button id="items-next" type="button">Next page</button>
    <label>Per page<select id="items-limit"><option>10</option><option selected>25</option><option>100</option></select></label>
  </form>
</section>
<section id="backups-section" class="wide" aria-labelledby="backups-heading">
  <h2 id="backups-heading">Backups <span id="backups-count"></span></h2>
  <div class="scroll"><table id="backups">
    <thead><tr><th scope="col">Name</th><th scope="col">Table</th><th scope="col">Type</th><th scope="col">Status</th><th scope="col">Created</th><th scope="col">Cut (items as of)</th><th scope="col">Expires</th></tr></thead>
    <tbody></tbody>
  </table></div>
</section>
<section id="exports-section" class="wide" aria-labelledby="exports-heading">
  <h2 id="exports-heading">Exports <span id="exports-count"></span></h2>
  <div class="scroll"><table id="exports">
    <thead><tr><th scope="col">Table</th><th scope="col">Type</th><th scope="col">Status</th><th scope="col">Started</th><th scope="col">Items</th><th scope="col">Manifest</th></tr></thead>
    <tbody></tbody>
  </table></div>
  <h3 id="imports-heading">Imports <span id="imports-count"></span></h3>
  <div class="scroll"><table id="imports" aria-labelledby="imports-heading">
    <thead><tr><th scope="col">Table</th><th scope="col">Status</th><th scope="col">Started</th><th scope="col">Imported</th><th scope="col">Errors</th></tr></thead>
    <tbody></tbody>
  </table></div>
</section>
<section id="faults-section" aria-labelledby="faults-heading">
  <h2 id="faults-heading">Fault rules <span id="faults-count"></span></h2>
  <div class="scroll"><table id="faults">
    <thead><tr><th scope="col">Id</th><th scope="col">Operation</th><th scope="col">Matches</th><th scope="col">Answers</th><th scope="col">Seen / fired</th><th scope="col"><span class="visually-hidden">Remove</span></th></tr></thead>
    <tbody></tbody>
  </table></div>
  <form id="fault-form">
    <label>Operation<select id="fault-operation"><option value="*">any operation</option></select></label>
    <label>Table (optional)<input id="fault-table" type="text"></label>
    <label>Error<select id="fault-error"></select></label>
    <label>From call (optional)<input id="fault-nth" type="number" min="1"></label>
    <label>Times (-1: always)<input id="fault-times" type="number" min="-1"></label>
    <button id="fault-add" type="submit">Add rule</button>
  </form>
</section>
<section id="journal-section" class="wide" aria-labelledby="journal-heading">
  <h2 id="journal-heading">Journal <span id="journal-count"></span></h2>
  <form id="journal-filter" role="search">
    <label>Operation<input id="filter-operation" type="search"></label>
    <label>Table or backup<input id="filter-table" type="search"></label>
    <label><span>Failed calls only</span><input id="filter-failed" type="checkbox"></label>
    <button id="journal-clear" type="button">Clear journal</button>
  </form>
  <div class="scroll"><table id="journal">
    <caption>Newest first; times on the fake's clock.</caption>
    <thead><tr><th scope="col">#</th><th scope="col">Time</th><th scope="col">Operation</th><th scope="col">Table / backup</th><th scope="col">Outcome</th><th scope="col">Cause</th></tr></thead>
    <tbody></tbody>
  </table></div>
</section>
</main>
<script>
"use strict";
const API = "/_dynafake";
const account = new URLSearchParams(location.search).get("account") || "";
const q = (path, extra) => {
  const p = new URLSearchParams(extra || {});
  if (account) p.set("account", account);
  const s = p.toString();
  return API + path + (s ? "?" + s : "");
};
const $ = (id) => document.getElementById(id);
let journal = [], lastSequence = 0, itemsTable = null, itemsStart = [], itemsNext = null, filled = false;

async function call(method, path, body, extra) {
  const r = await fetch(q(path, extra), {method, headers: body ? {"Content-Type": "application/json"} : {}, body: body ? JSON.stringify(body) : undefined});
  const j = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(j.error || ("HTTP " + r.status));
  return j;
}
function say(text, bad) { const m = $("message"); m.textContent = text; m.className = bad ? "error-text" : ""; }
function cell(tr, text, cls) { const td = document.createElement("td"); td.textContent = text == null || text === "" ? "—" : String(text); if (cls) td.className = cls; tr.appendChild(td); return td; }
function fill(tbody, rows, columns, emptyText) {
  tbody.replaceChildren();
  if (!rows.length) { const tr = document.createElement("tr"); const td = cell(tr, emptyText, "empty"); td.colSpan = columns; tbody.appendChild(tr); }
  for (const tr of rows) tbody.appendChild(tr);
}
const drawn = {};
function changed(key, data) { const text = JSON.stringify(data); if (drawn[key] === text) return false; drawn[key] = text; return true; }
// an attribute value: a string or number as itself, anything else as DynamoDB JSON (the cell's title is always that)
const shown = (v) => v.S !== undefined ? v.S : v.N !== undefined ? v.N : v.BOOL !== undefined ? String(v.BOOL) : v.NULL ? "null" : JSON.stringify(v);
const when = (t) => t ? t.replace("T", " ").replace(".000Z", "Z") : "";

function renderTables(tables) {
  $("tables-count").textContent = "(" + tables.length + ")";
  fill($("tables").tBodies[0], tables.map((t) => {
    const tr = document.createElement("tr");
    const name = cell(tr, "");
    name.textContent = t.name + " ";
    const b = document.createElement("button"); b.type = "button"; b.textContent = "items"; b.setAttribute("aria-label", "items of " + t.name);
    b.addEventListener("click", () => showItems(t.name, null, true)); name.appendChild(b);
    cell(tr, t.status);
    cell(tr, t.keySchema.map((k) => k.name + " (" + k.role + ", " + k.type + ")").join(", ") + (t.indexes.length ? "; indexes: " + t.indexes.map((i) => i.name + " (" + i.kind + ")").join(", ") : ""), "mono");
    cell(tr, t.itemCount);
    const p = t.pitr;
    cell(tr, !p ? "" : p.status === "ENABLED" ? "ENABLED, restorable " + when(p.earliest) + " to " + when(p.latest) : p.status);
    cell(tr, !t.ttl ? "" : t.ttl.status + (t.ttl.attribute ? " (" + t.ttl.attribute + ")" : ""));
    return tr;
  }), 6, "No tables.");
}
function renderBackups(backups) {
  $("backups-count").textContent = "(" + backups.length + ")";
  fill($("backups").tBodies[0], backups.map((b) => {
    const tr = document.createElement("tr");
    cell(tr, b.name); cell(tr, b.table); cell(tr, b.type); cell(tr, b.status);
    cell(tr, when(b.created), "mono"); cell(tr, when(b.cut), "mono");
    cell(tr, b.expires ? when(b.expires) : (b.type === "SYSTEM" ? "" : "never (USER backups do not expire)"), "mono");
    tr.title = b.arn;
    return tr;
  }), 7, "No backups.");
}
function renderExports(o) {
  $("exports-count").textContent = "(" + o.exports.length + ")";
  fill($("exports").tBodies[0], o.exports.map((e) => {
    const tr = document.createElement("tr");
    cell(tr, e.table); cell(tr, e.type); cell(tr, e.status + (e.failure ? ": " + e.failure : ""));
    cell(tr, when(e.started), "mono"); cell(tr, e.itemCount === null ? "" : e.itemCount);
    cell(tr, e.manifest ? e.bucket + "/" + e.manifest : "", "mono");
    tr.title = e.arn;
    return tr;
  }), 6, "No exports.");
  const imports = o.imports || [];
  $("imports-count").textContent = "(" + imports.length + ")";
  fill($("imports").tBodies[0], imports.map((i) => {
    const tr = document.createElement("tr");
    cell(tr, i.table); cell(tr, i.status + (i.failure ? ": " + i.failure : ""));
    cell(tr, when(i.started), "mono"); cell(tr, i.imported === null ? "" : i.imported);
    cell(tr, i.errors === null ? "" : i.errors);
    tr.title = i.arn;
    return tr;
  }), 5, "No imports.");
}
function describeRule(f) {
  const parts = [];
  if (f.table) parts.push("table " + f.table);
  if (f.backup) parts.push("backup " + f.backup);
  if (f.predicate) parts.push("when " + f.predicate);
  const first = f.nth || 1;
  parts.push(f.times < 0 ? (first === 1 ? "every call" : "from call " + first) : f.times === 1 ? "call " + first : "calls " + first + " to " + (first + f.times - 1));
  return parts.join("; ");
}
function renderFaults(faults) {
  $("faults-count").textContent = "(" + faults.length + ")";
  fill($("faults").tBodies[0], faults.map((f) => {
    const tr = document.createElement("tr");
    cell(tr, "#" + f.id); cell(tr, f.operation === "*" ? "any" : f.operation); cell(tr, describeRule(f));
    cell(tr, f.pass ? "passes through" : f.error + " (HTTP " + f.status + ")" + (f.message ? ": " + f.message : ""));
    cell(tr, f.seen + " / " + f.fired);
    const td = cell(tr, ""); td.textContent = "";
    const b = document.createElement("button"); b.type = "button"; b.textContent = "Remove"; b.setAttribute("aria-label", "remove rule " + f.id);
    b.addEventListener("click", () => act(() => call("DELETE", "/faults/" + f.id), "Rule #" + f.id + " removed."));
    td.appendChild(b);
    return tr;
  }), 6, "No fault rules.");
}
function fillChoices(o) {
  if (filled) return;
  filled = true;
  for (const op of o.operations) $("fault-operation").add(new Option(op, op));
  for (const e of o.errors) $("fault-error").add(new Option(e, e, e === "InternalServerError", e === "InternalServerError"));
}
function renderJournal() {
  const op = $("filter-operation").value.trim().toLowerCase(), table = $("filter-table").value.trim().toLowerCase(), failed = $("filter-failed").checked;
  const shown = journal.filter((c) => (!op || c.operation.toLowerCase().includes(op)) &&
    (!table || (c.table || "").toLowerCase().includes(table) || (c.backup || "").toLowerCase().includes(table)) && (!failed || c.outcome !== "success"));
  $("journal-count").textContent = "(" + shown.length + " of " + journal.length + " shown)";
  fill($("journal").tBodies[0], shown.slice(-300).reverse().map((c) => {
    const tr = document.createElement("tr"); tr.className = c.outcome === "success" ? "ok" : "failed";
    cell(tr, c.sequence); cell(tr, when(c.time), "mono"); cell(tr, c.operation);
    cell(tr, [c.table, c.backup].filter(Boolean).join(" "), "mono");
    const out = c.outcome === "success" ? "ok" + (c.capacity != null ? " (" + c.capacity + " capacity units)" : "")
      : "error: " + c.error.__type.split("#").pop() + (c.error.message ? ": " + c.error.message : "");
    cell(tr, out, c.outcome === "success" ? "" : "error-text");
    cell(tr, c.cause + (c.faultRule ? " #" + c.faultRule : ""));
    return tr;
  }), 6, journal.length ? "No call matches the filter." : "No calls yet.");
}
async function showItems(table, start, reset) {
  try {
    if (reset) { itemsStart = []; }
    const limit = $("items-limit").value;
    const page = await call("GET", "/tables/" + encodeURIComponent(table) + "/items", null, start ? {limit, start: JSON.stringify(start)} : {limit});
    itemsTable = table; itemsNext = page.next;
    const names = [];
    for (const it of page.items) for (const k of Object.keys(it)) if (!names.includes(k)) names.push(k);
    $("items-title").textContent = "Table " + table + ": page " + (itemsStart.length + 1) + ", " + page.count + " items" + (page.next ? "" : " (last page)");
    $("items-title").className = "";
    const head = document.createElement("tr");
    for (const n of names.length ? names : ["(no items)"]) { const th = document.createElement("th"); th.scope = "col"; th.textContent = n; head.appendChild(th); }
    $("items").tHead.replaceChildren(head);
    fill($("items").tBodies[0], page.items.map((it) => {
      const tr = document.createElement("tr");
      for (const n of names) { const td = cell(tr, it[n] === undefined ? "" : shown(it[n]), "mono"); if (it[n] !== undefined) td.title = JSON.stringify(it[n]); }
      return tr;
    }), Math.max(1, names.length), "No items on this page.");
    $("items-paging").hidden = false;
    $("items-next").disabled = !page.next;
    if (start) itemsStart.push(start);
  } catch (e) { say("Items of " + table + ": " + e.message, true); }
}
async function refresh() {
  try {
    const o = await call("GET", "/overview");
    $("clock-now").textContent = when(o.clock.now);
    $("clock-now").dateTime = o.clock.now;
    $("where").textContent = "account " + o.account + ", " + o.region;
    fillChoices(o);
    // only what changed is drawn again: a button keeps its focus, a reader its place
    changed("tables", o.tables) && renderTables(o.tables);
    changed("backups", o.backups) && renderBackups(o.backups);
    (changed("exports", o.exports) | changed("imports", o.imports)) && renderExports(o);
    changed("faults", o.faults) && renderFaults(o.faults);
    const j = await call("GET", "/journal", null, {since: String(lastSequence)});
    if (j.calls.length) { journal = journal.concat(j.calls).slice(-2000); lastSequence = journal[journal.length - 1].sequence; }
    if (j.recorded < lastSequence) { journal = []; lastSequence = 0; }  // cleared or reset elsewhere
    if (j.calls.length || changed("journal", journal.length)) renderJournal();
    document.body.dataset.refreshed = String(Number(document.body.dataset.refreshed || 0) + 1);
  } catch (e) { say("Cannot reach the admin API: " + e.message, true); }
}
async function act(action, done) {
  try { await action(); say(done); } catch (e) { say(e.message, true); }
  await refresh();
}
$("advance-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const seconds = Number($("advance-amount").value) * Number($("advance-unit").value);
  act(() => call("POST", "/clock/advance", {seconds}), "Clock advanced by " + $("advance-amount").value + " " + $("advance-unit").selectedOptions[0].text + ".");
});
$("set-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  act(() => call("POST", "/clock/set", {time: $("set-time").value.trim()}), "Clock set.");
});
$("fault-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const rule = {operation: $("fault-operation").value, error: $("fault-error").value};
  if ($("fault-table").value.trim()) rule.table = $("fault-table").value.trim();
  if ($("fault-nth").value) rule.nth = Number($("fault-nth").value);
  if ($("fault-times").value) rule.times = Number($("fault-times").value);
  act(() => call("POST", "/faults", rule), "Rule added.");
});
$("journal-clear").addEventListener("click", () => act(async () => { await call("DELETE", "/journal"); journal = []; }, "Journal cleared."));
for (const id of ["filter-operation", "filter-table", "filter-failed"]) $(id).addEventListener("input", renderJournal);
$("items-next").addEventListener("click", () => itemsNext && showItems(itemsTable, itemsNext, false));
$("items-first").addEventListener("click", () => itemsTable && showItems(itemsTable, null, true));
$("items-limit").addEventListener("change", () => itemsTable && showItems(itemsTable, null, true));
refresh();
setInterval(refresh, 1000);
</script>
</body>
</html>
)dynafake";
}

/// GET /ui (and /ui/): the page; it reads the admin API under `base`.
inline void AddDashboardRoute(Router& router, const std::string& base) {
  router.Add("GET", base + "/ui", [](const Request&, const std::string&) {
    HttpResponse r(200, "text/html; charset=utf-8", DashboardPage());
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
  });
}

}  // namespace http
}  // namespace dynafake
