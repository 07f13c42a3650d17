// The dashboard: one page, hash routes, each route a function that fills <main> from the API.
//   #/                     overview: store counts, busiest dyads, network, escalations
//   #/code                 code a pasted or uploaded article (nothing is stored)
//   #/relations?a=&b=&...  a dyad's relations over time, period by period
//   #/events?...           the event store, filtered, a page at a time
//   #/event/ID             one event and every mention of it
//   #/review?...           judge stored events one at a time (review.js)

import {actorCell, actorCode, actorNamed, api, clearError, dateText, eventLink, field, formValues, h, heading, input,
  message, plural, select, showError, table} from "./dom.js";
import {networkChart, periodLabel, relationsChart} from "./charts.js";
import {codedSpans, highlight, markLegend, mentionSpans} from "./marks.js";
import {reviewPage} from "./review.js";

const QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"};
const FACTUALITIES = ["asserted", "negated", "hypothetical", "future", "alleged"];
const main = document.getElementById("main");
let rendering = 0; // which render is current: an older one that finishes late must not draw

async function actorOptions() {
  const [entities, codes] = await Promise.all([api("/api/actors?top=200&entity=true"), api("/api/actors?top=200")]);
  const seen = new Map();
  for (const actor of [...entities.actors, ...codes.actors]) {
    if (!seen.has(actor.code)) seen.set(actor.code, actor);
  }
  return h("datalist", {id: "actors"},
    [...seen.values()].map((a) => h("option", {value: a.code}, `${a.name || a.code} (${a.events} events)`)));
}

// `both`: both directions; a directed dyad's link opens the same directed dyad, so its counts agree.
function relationsHref(a, b, both = true) {
  return `#/relations?${new URLSearchParams({a, b, by: "month", both: both ? "1" : "0"})}`;
}

function counted(factuality) {
  return factuality.length === FACTUALITIES.length ? "every factuality" : factuality.join(", ");
}

// --- Overview ---

async function overview(page) {
  page.append(heading("Overview"));
  const [health, network, escalations] = await Promise.all(
    [api("/api/health"), api("/api/network?top=15"), api("/api/escalations?top=5")]);
  const counts = health.store;
  page.append(h("section", {"aria-labelledby": "store-heading"},
    h("h2", {id: "store-heading"}, "The store"),
    h("dl", {class: "counts"}, ["documents", "mentions", "events", "actors"].map((name) =>
      h("div", {}, h("dt", {}, name), h("dd", {}, counts[name].toLocaleString("en")))))));

  const dyads = h("section", {"aria-labelledby": "dyads-heading"}, h("h2", {id: "dyads-heading"}, "Most active dyads"));
  if (network.edges.length === 0) {
    dyads.append(message("No events between two actors yet. Code and store some articles first."));
  } else {
    dyads.append(table(`Busiest directed dyads (${counted(network.factuality)} events, dated or not)`,
      ["Source", "Target", "Events", "Goldstein (mean)", "Conflict share", "Over time"],
      network.edges.map((e) => ({attrs: {"data-source": e.source, "data-target": e.target}, cells: [
        actorCell(e.source, e.source_name), actorCell(e.target, e.target_name), e.events, e.goldstein_mean,
        `${Math.round(e.conflict_share * 100)}%`,
        h("a", {href: relationsHref(e.source, e.target, false)}, `${e.source} → ${e.target}`)]}))));
  }
  const picture = h("section", {"aria-labelledby": "network-heading"},
    h("h2", {id: "network-heading"}, "Actor network"));
  page.append(h("div", {class: "two-columns"}, dyads, picture));
  picture.append(network.edges.length ? networkChart(network.edges, picture.clientWidth)
    : message("Nothing to draw yet."));

  const rising = h("section", {"aria-labelledby": "escalations-heading"},
    h("h2", {id: "escalations-heading"}, "Current escalations"));
  if (escalations.escalations.length === 0) {
    rising.append(message("No dyad's conflict is rising above its usual level in the latest 30 days."));
  } else {
    rising.append(h("ol", {class: "escalations"}, escalations.escalations.map((e) => h("li", {},
      h("a", {href: relationsHref(e.source, e.target, false)}, `${e.source} → ${e.target}`),
      `: ${plural(e.recent_events, "conflictual event")} from ${e.window_start} to ${e.window_end}; `,
      `conflict intensity ${e.recent.toFixed(1)} against a usual ${e.baseline_mean.toFixed(1)} `,
      `(score ${e.score.toFixed(1)})`))));
  }
  if (escalations.undated) {
    rising.append(h("p", {class: "total"}, `${plural(escalations.undated, "undated conflictual event")} ` +
      `(${counted(escalations.factuality)}) belong to no window and are not weighed here.`));
  }
  page.append(rising);
}

// --- Code an article ---

function codePage(page) {
  page.append(heading("Code an article"),
    h("p", {}, "Paste a news article or upload a .txt file. The events found are shown here and not stored."));
  const text = h("textarea", {id: "code-text", name: "text", rows: 12, required: true});
  const file = input("code-file", {type: "file", accept: ".txt,text/plain"});
  const date = input("code-date", {type: "date"});
  const status = h("p", {class: "status", role: "status"});
  const results = h("section", {id: "code-results", "aria-label": "Coded events"});
  file.addEventListener("change", () => {
    const chosen = file.files[0];
    if (!chosen) return;
    const reader = new FileReader();
    reader.onload = () => { text.value = reader.result; };
    reader.onerror = () => showError(`Could not read ${chosen.name}.`);
    reader.readAsText(chosen);
  });
  const button = h("button", {type: "submit"}, "Code the text");
  const form = h("form", {class: "code-form"},
    field("Article text", text),
    h("div", {class: "row"},
      field("…or upload a .txt file", file),
      field("Publication date", date, "Relative dates (“this week”) are read from it.")),
    button, status);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearError();
    const posted = text.value;
    if (!posted.trim()) {
      showError("Paste or upload a text first.");
      return;
    }
    button.disabled = true;
    status.textContent = "Coding…";
    results.replaceChildren();
    try {
      const coded = await api("/api/code", {text: posted, date: date.value || null});
      status.textContent = `${plural(coded.events.length, "event")} in ${plural(coded.sentences, "sentence")}.`;
      results.replaceChildren(...codedResults(posted, coded.events));
    } catch (err) {
      status.textContent = "";
      showError(err);
    } finally {
      button.disabled = false;
    }
  });
  page.append(form, results);
}

// Scroll the marked text to an event's source and put the keyboard focus there.
function showInText(number) {
  const first = document.querySelector(`.coded-text mark.source[data-event="${number}"]`);
  if (!first) return;
  first.setAttribute("tabindex", "-1");
  first.scrollIntoView({block: "center"});
  first.focus({preventScroll: true});
}

// The store's events of the same dyad and CAMEO root around the same date: a coded event's
// id is its own (per text), so the store is searched by what the event says.
function storeHref(e) {
  const params = {source: e.source.key, root: e.cameo.slice(0, 2), factuality: e.factuality};
  if (e.target) params.target = e.target.key;
  if (e.date) Object.assign(params, {since: e.date, until: e.date});
  return `#/events?${new URLSearchParams(params)}`;
}

function codedResults(text, events) {
  if (events.length === 0) return [message("No events found in this text.")];
  const rows = events.map((e, i) => ({
    attrs: {"data-event": i + 1, "data-source": e.source.code, "data-target": e.target ? e.target.code : "",
      "data-cameo": e.cameo},
    cells: [
      h("button", {type: "button", class: "link", "aria-label": `Show event ${i + 1} in the text`,
        onclick: () => showInText(i + 1)}, String(i + 1)),
      actorNamed(e.source), h("span", {class: "wrap"}, h("b", {}, e.cameo), ` ${e.cameo_name}`),
      actorNamed(e.target), e.factuality, dateText(e), e.confidence.toFixed(2),
      h("a", {href: storeHref(e), "aria-label": `Stored events like event ${i + 1}`}, "search the store")],
  }));
  return [
    h("h2", {}, "Events"),
    table("Events coded from the text (not stored)",
      ["#", "Source", "Event (CAMEO)", "Target", "Factuality", "Date", "Confidence", "Like it in the store"],
      rows),
    h("h2", {}, "The text, marked"),
    markLegend(),
    h("div", {class: "coded-text"}, highlight(text, events.flatMap((e, i) => codedSpans(e, i + 1)))),
  ];
}

// --- Relations ---

async function relationsPage(page, params) {
  page.append(heading("Relations between two actors"));
  const a = input("rel-a", {list: "actors", required: true, value: params.get("a") || "", placeholder: "e.g. RUS",
    autocomplete: "off"});
  const b = input("rel-b", {list: "actors", required: true, value: params.get("b") || "", placeholder: "e.g. NATO",
    autocomplete: "off"});
  const both = input("rel-both", {type: "checkbox", value: "1",
    checked: params.has("a") ? params.get("both") === "1" : true}); // a fresh form: both directions
  const form = h("form", {class: "filters"},
    field("Actor A", a), field("Actor B", b),
    field("Period", select("rel-by", [["day", "day"], ["week", "week"], ["month", "month"], ["year", "year"]],
      params.get("by") || "month")),
    field("Factuality", select("rel-factuality", [["asserted", "asserted only"], ["all", "all"]],
      params.get("factuality") || "asserted")),
    h("div", {class: "field checkbox"}, both, h("label", {for: "rel-both"}, "both directions")),
    h("button", {type: "submit"}, "Show"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = `#/relations?${formValues(form)}`;
  });
  page.append(form);
  actorOptions().then((list) => page.append(list)).catch(showError);
  if (!params.get("a") || !params.get("b")) {
    const busiest = await api("/api/network?top=10");
    const pairs = [...new Set(busiest.edges.map((e) => [e.source, e.target].sort().join(" ")))].slice(0, 5);
    page.append(h("p", {class: "empty"}, "Choose two actors (codes such as RUS, NATO or RUSGOV) and press Show.",
      pairs.length ? " Or try: " : null,
      pairs.map((pair, i) => {
        const [first, second] = pair.split(" ");
        return [i ? ", " : "", h("a", {href: relationsHref(first, second)}, `${first} ⇄ ${second}`)];
      })));
    return;
  }
  const query = new URLSearchParams({by: params.get("by") || "month",
    both: params.get("both") === "1" ? "true" : "false", factuality: params.get("factuality") || "asserted"});
  const path = `/api/relations/${encodeURIComponent(params.get("a"))}/${encodeURIComponent(params.get("b"))}`;
  const series = await api(`${path}?${query}`);
  const arrow = series.both ? "⇄" : "→";
  const name = (code, full) => (full && full !== code ? `${code} (${full})` : code);
  const chart = h("section", {"aria-labelledby": "chart-heading"},
    h("h2", {id: "chart-heading"},
      `${name(series.a, series.a_name)} ${arrow} ${name(series.b, series.b_name)}, by ${series.by}`));
  page.append(chart);
  if (series.total === 0) {
    chart.append(message(`No ${series.factuality.join(", ")} events between ${series.a} and ${series.b}.`));
    return;
  }
  const dated = series.periods.filter((p) => p.kind === "period");
  const unplaced = series.periods.filter((p) => p.kind !== "period");
  const listing = h("section", {id: "period-events", "aria-live": "polite"});
  const choose = async (period, element) => {
    for (const other of chart.querySelectorAll(".period, .period-unplaced")) {
      other.setAttribute("aria-pressed", "false");
    }
    element.setAttribute("aria-pressed", "true");
    clearError();
    try {
      const found = await api(`${path}/events?${query}&period=${period.period || period.kind}`);
      if (element.getAttribute("aria-pressed") !== "true") return; // another period was chosen meanwhile
      const title = period.kind === "period" ? `Events in ${periodLabel(period.period, series.by)}`
        : `Events ${period.label}`;
      listing.replaceChildren(h("h2", {}, title),
        found.events.length ? eventTable(found.events, "Events of the chosen period")
          : message("No events in this period."));
    } catch (err) {
      showError(err);
    }
  };
  const placed = dated.reduce((sum, p) => sum + p.events, 0);
  chart.append(h("p", {class: "total", id: "relation-total"},
    `${plural(series.total, "event")} (${counted(series.factuality)}): ${placed} in the chart` +
    unplaced.map((p) => `, ${p.events} ${p.kind === "undated" ? "undated" : `less precise than a ${series.by}`}`)
      .join("") + "."));
  if (dated.length) {
    chart.append(h("p", {}, "Choose a period (click, or Tab to it and press Enter) to list its events."));
    const holder = h("div", {});
    chart.append(holder);
    holder.append(relationsChart(dated, series.by, holder.clientWidth, choose));
  }
  if (unplaced.length) {
    chart.append(h("p", {class: "unplaced"}, "Not in the chart: ", unplaced.map((p, i) => [i ? " " : "",
      h("button", {type: "button", class: "period-unplaced", "data-kind": p.kind, "aria-pressed": "false",
        onclick: (event) => choose(p, event.currentTarget)}, `${p.label}: ${plural(p.events, "event")}`)])));
  }
  chart.append(h("details", {}, h("summary", {}, "The numbers as a table"),
    table("Events per period", ["Period", "Events", "Verbal coop.", "Material coop.", "Verbal conflict",
      "Material conflict", "Goldstein sum", "Net"],
    series.periods.map((p) => [p.label, p.events, p.verbal_cooperation,
      p.material_cooperation, p.verbal_conflict, p.material_conflict, p.goldstein_sum, p.net]))));
  page.append(listing);
}

// `reviewed`: add a column with each event's judgement (the events of GET /api/events carry it).
function eventTable(events, caption, reviewed = false) {
  const columns = ["Date", "Source", "Event (CAMEO)", "Target", "Factuality", "Mentions / docs"];
  return table(caption, reviewed ? [...columns, "Review"] : columns,
    events.map((e) => ({
      attrs: {"data-event-id": e.event_id, "data-source": actorCode(e.source), "data-target": actorCode(e.target),
        "data-cameo": e.cameo, "data-review": e.review ? e.review.judgement : null},
      cells: [dateText(e), actorNamed(e.source), eventLink(e), actorNamed(e.target), e.factuality,
        `${e.n_mentions} / ${e.n_documents}`,
        ...(reviewed ? [e.review ? judgementText(e.review) : "—"] : [])],
    })));
}

function judgementText(review) {
  return [review.judgement.replaceAll("_", " "), h("span", {class: "actor-name"}, `by ${review.reviewer}`)];
}

function reviewHref(event) {
  return `#/review?event=${encodeURIComponent(event.event_id)}`;
}

// --- Events ---

const FILTERS = ["actor", "source", "target", "root", "factuality", "since", "until", "quad", "review"];
const REVIEWS = [["", "any"], ["reviewed", "reviewed"], ["disputed", "disputed"],
  ["unreviewed", "not reviewed"]];
let pages = {filters: "", cursors: []}; // the cursors of the pages before this one, for "Previous page"

async function eventsPage(page, params) {
  page.append(heading("Events"));
  const text = (name, label, placeholder) =>
    field(label, input(`ev-${name}`, {value: params.get(name) || "", placeholder, list: "actors"}));
  const form = h("form", {class: "filters"},
    text("actor", "Actor (either side)", "e.g. RUS"), text("source", "Source", "e.g. NATO"),
    text("target", "Target", "e.g. UKR"),
    field("CAMEO root", input("ev-root", {value: params.get("root") || "", placeholder: "e.g. 17",
      inputmode: "numeric"})),
    field("Factuality", select("ev-factuality", [...FACTUALITIES.map((f) => [f, f]), ["all", "all"]],
      params.get("factuality") || "asserted")),
    field("Since", input("ev-since", {value: params.get("since") || "", placeholder: "e.g. 2021-10"})),
    field("Until", input("ev-until", {value: params.get("until") || "", placeholder: "e.g. 2021-12-31"})),
    field("Quad class", select("ev-quad", [["", "any"], ...Object.entries(QUADS)], params.get("quad") || "")),
    field("Review", select("ev-review", REVIEWS, params.get("review") || "")),
    h("button", {type: "submit"}, "Filter"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = `#/events?${formValues(form)}`;
  });
  page.append(form);
  actorOptions().then((list) => page.append(list)).catch(showError);

  const query = new URLSearchParams();
  for (const name of FILTERS) if (params.get(name)) query.set(name, params.get(name));
  if (pages.filters !== query.toString()) pages = {filters: query.toString(), cursors: []};
  const cursor = params.get("cursor");
  const found = await api(`/api/events?${query}&limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
  if (found.events.length === 0) {
    page.append(message(`No ${counted(found.factuality)} events match these filters.`));
    return;
  }
  page.append(h("p", {class: "total", id: "events-total"},
    `${plural(found.total, "event")} (${counted(found.factuality)}), newest first, undated last.`));
  const go = (next) => {
    const target = new URLSearchParams(query);
    if (next) target.set("cursor", next);
    location.hash = `#/events?${target}`;
  };
  const earlier = pages.cursors.length > 0 || cursor;
  page.append(eventTable(found.events, `Events, page ${pages.cursors.length + 1}`, true),
    h("nav", {class: "pager", "aria-label": "Pages of events"},
      earlier ? h("button", {type: "button", onclick: () => go(pages.cursors.pop())},
        pages.cursors.length ? "← Previous page" : "← First page") : null,
      found.next_cursor ? h("button", {type: "button", onclick: () => {
        pages.cursors.push(cursor);
        go(found.next_cursor);
      }}, "Next page →") : null));
}

// --- One event ---

async function eventPage(page, id) {
  const {event, mentions, review} = await api(`/api/events/${encodeURIComponent(id)}`);
  const what = `${event.cameo} ${event.cameo_name || ""}`;
  page.append(heading(`${actorCode(event.source)} → ${what} → ${actorCode(event.target)}`));
  const facts = [
    ["Source", event.source ? `${event.source.code} (${event.source.label || event.source.text})` : "—"],
    ["Target", event.target ? `${event.target.code} (${event.target.label || event.target.text})` : "—"],
    ["CAMEO", `${event.cameo} ${event.cameo_name || ""}`],
    ["Quad class", event.quad_class ? `${event.quad_class}: ${QUADS[event.quad_class]}` : "—"],
    ["Goldstein", event.goldstein ?? "—"],
    ["PLOVER", [event.plover.type, event.plover.mode].filter(Boolean).join(" / ") || "—"],
    ["Factuality", event.factuality],
    ["Date", `${dateText(event)}${event.date_text ? ` — “${event.date_text}”` : ""}`],
    ["Location", event.location ? `${event.location.name}${event.location.country ? `, ${event.location.country}` : ""}`
      : "—"],
    ["Confidence", event.confidence ?? "—"],
    ["Reported", `${plural(event.n_mentions, "mention")} in ${plural(event.n_documents, "document")}, ` +
      `first on ${event.first_reported}`],
    ["Review", [review ? [judgementText(review)] : "not reviewed", " ",
      h("a", {href: reviewHref(event)}, review ? "review again" : "review it")]],
  ];
  const title = (m) => m.doc_title || m.doc_id;
  page.append(
    h("dl", {class: "facts"}, facts.map(([name, value]) => h("div", {}, h("dt", {}, name), h("dd", {}, value)))),
    h("h2", {}, `Mentions (${mentions.length})`), markLegend(),
    h("ol", {class: "mentions"}, mentions.map((m) => h("li", {"data-mention": m.mention_id},
      h("p", {class: "document"},
        m.doc_url ? h("a", {href: m.doc_url, rel: "noopener noreferrer"}, title(m)) : title(m),
        ` · ${m.doc_date || "undated"}${m.doc_source ? ` · ${m.doc_source}` : ""} · ${m.factuality}`),
      h("blockquote", {}, highlight(m.sentence_text, mentionSpans(m, event, 1)))))));
}

// --- Routing ---

function notFound(page) {
  page.append(heading("Not found"), h("p", {}, "No page here. ", h("a", {href: "#/"}, "Go to the overview.")));
}

// The page for the current hash: [its name, the nav link it belongs under, the function that draws it].
function route() {
  const [path, query = ""] = (location.hash.slice(1) || "/").split("?");
  const params = new URLSearchParams(query);
  if (path === "/" || path === "") return ["overview", "overview", (page) => overview(page)];
  if (path === "/code") return ["code", "code", (page) => codePage(page)];
  if (path === "/relations") return ["relations", "relations", (page) => relationsPage(page, params)];
  if (path === "/events") return ["events", "events", (page) => eventsPage(page, params)];
  if (path === "/review") return ["review", "review", (page) => reviewPage(page, params)];
  if (path.startsWith("/event/")) {
    return ["event", "events", (page) => eventPage(page, decodeURIComponent(path.slice("/event/".length)))];
  }
  return ["missing", null, notFound];
}

async function render(moveFocus) {
  const mine = ++rendering;
  const [name, section, draw] = route();
  for (const link of document.querySelectorAll("nav a[data-page]")) {
    if (link.dataset.page === section) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  clearError();
  const page = h("div", {class: `page page-${name}`});
  main.replaceChildren(page);
  try {
    await draw(page);
  } catch (err) {
    if (mine === rendering) showError(err);
  }
  if (moveFocus && mine === rendering) page.querySelector("h1")?.focus();
}

document.querySelector(".skip-link").addEventListener("click", (event) => {
  event.preventDefault(); // "#main" would be read as a route
  main.focus();
});
window.addEventListener("hashchange", () => render(true));
render(false);
