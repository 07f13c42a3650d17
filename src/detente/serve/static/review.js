// The Review page: stored events one at a time, each judged by a person from its sentence.
//   #/review?actor=&root=&factuality=   the next unreviewed event matching the filters (GET /api/review/next)
//   #/review?event=ID                   that event, with its current judgement (GET /api/review/ID)
// A judgement is stored beside the coded event (POST /api/review/ID); the event itself never changes.

import {actorNamed, api, clearError, dateText, field, formValues, h, heading, input, message, plural, select,
  showError} from "./dom.js";
import {highlight, markLegend, mentionSpans} from "./marks.js";

// [judgement, button label, keyboard key]
const JUDGEMENTS = [
  ["correct", "Correct", "c"], ["acceptable", "Acceptable", "a"], ["wrong_actor", "Wrong actor", "w"],
  ["wrong_direction", "Wrong direction", "d"], ["wrong_code", "Wrong code", "o"],
  ["not_an_event", "Not an event", "n"],
];
const WRONG = new Set(["wrong_actor", "wrong_direction", "wrong_code"]);
const FILTERS = ["actor", "source", "target", "root", "factuality", "since", "until"];
const REVIEWER_KEY = "detente.reviewer"; // remembered in this browser
const TOKEN_KEY = "detente.token"; // remembered for this tab only (sessionStorage)
let choices = null; // actor codes, CAMEO codes and factualities, loaded once

function saved(storage, key) {
  try {
    return storage.getItem(key) || "";
  } catch {
    return ""; // storage refused (private mode): the field starts empty
  }
}

function remember(storage, key, value) {
  try {
    storage.setItem(key, value);
  } catch {
    // not remembered; the value is still used for this judgement
  }
}

export async function reviewPage(page, params) {
  page.append(heading("Review"),
    h("p", {}, "Judge each event by its sentence. Keys: ",
      JUDGEMENTS.map(([, label, key], i) => [i ? ", " : "", h("kbd", {}, key), ` ${label.toLowerCase()}`]),
      ", ", h("kbd", {}, "s"), " skip. A judgement is stored beside the event; the coded event never changes."));
  const [health, loaded] = await Promise.all([api("/api/health"), choices || api("/api/review/choices")]);
  choices = loaded;
  const reviewer = input("review-reviewer", {value: saved(localStorage, REVIEWER_KEY), autocomplete: "name",
    required: true, maxlength: 100, placeholder: "e.g. Ana Lima"});
  reviewer.addEventListener("change", () => remember(localStorage, REVIEWER_KEY, reviewer.value.trim()));
  const token = input("review-token", {type: "password", value: saved(sessionStorage, TOKEN_KEY),
    autocomplete: "off"});
  token.addEventListener("change", () => remember(sessionStorage, TOKEN_KEY, token.value.trim()));
  page.append(h("div", {class: "row"}, field("Reviewer", reviewer, "Stored with each judgement; remembered here."),
    health.token_required ? field("Write token", token, "The token given to detente serve.") : null));
  if (health.read_only) {
    page.append(message("This server opened its store read-only: judgements cannot be stored."));
  }
  page.append(filterForm(params), actorList());
  const card = h("section", {id: "review-card", "aria-live": "polite"});
  const status = h("p", {class: "status", role: "status", id: "review-status"}); // outlives each event drawn
  page.append(status, card);
  const query = new URLSearchParams();
  for (const name of FILTERS) if (params.get(name)) query.set(name, params.get(name));
  const credentials = () => ({reviewer: reviewer.value.trim(), token: token.value.trim()});
  const show = async (after) => {
    clearError();
    const extra = after ? `&after=${encodeURIComponent(after)}` : "";
    const item = await api(`/api/review/next?${query}${extra}`);
    drawItem(card, item, {credentials, reviewerField: reviewer, next: show, status});
  };
  const keys = (event) => {
    if (!page.isConnected) { // another page was drawn: this one's keys end with it
      document.removeEventListener("keydown", keys);
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey || event.target.closest("input, select, textarea")) return;
    const button = card.querySelector(`button[data-key="${event.key.toLowerCase()}"]`);
    if (button && !button.disabled) {
      event.preventDefault();
      button.click();
    }
  };
  document.addEventListener("keydown", keys);
  if (params.get("event")) {
    const item = await api(`/api/review/${encodeURIComponent(params.get("event"))}`);
    drawItem(card, item, {credentials, reviewerField: reviewer, next: show, status, chosen: true});
  } else {
    await show(null);
  }
}

function filterForm(params) {
  const form = h("form", {class: "filters", "aria-label": "Which events to review"},
    field("Actor (either side)", input("rv-actor", {value: params.get("actor") || "", list: "review-actors",
      placeholder: "e.g. RUS", autocomplete: "off"})),
    field("CAMEO root", input("rv-root", {value: params.get("root") || "", placeholder: "e.g. 17",
      inputmode: "numeric"})),
    field("Factuality", select("rv-factuality", [...choices.factualities.map((f) => [f, f]), ["all", "all"]],
      params.get("factuality") || "asserted")),
    h("button", {type: "submit"}, "Review these"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = `#/review?${formValues(form)}`;
  });
  return form;
}

function actorList() {
  return h("datalist", {id: "review-actors"},
    choices.actors.map((a) => h("option", {value: a.code}, a.name || a.code)));
}

function drawItem(card, item, context) {
  const {event, mention, reviews} = item;
  const summary = h("p", {class: "total", id: "review-progress"},
    `Reviewed so far: ${plural(reviews.reviewed, "event")} of ${reviews.events} ` +
    `(${reviews.right} right, ${reviews.corrected} corrected, ${reviews.left_out} left out).`);
  if (!event) {
    card.replaceChildren(summary, message("No unreviewed event matches these filters."));
    return;
  }
  const title = mention.doc_title || mention.doc_id;
  const facts = [
    ["Source", actorNamed(event.source)], ["Event", `${event.cameo} ${event.cameo_name || ""}`],
    ["Target", actorNamed(event.target)], ["Factuality", event.factuality], ["Date", dateText(event)],
    ["Confidence", event.confidence ?? "—"],
    ["Document", [mention.doc_url ? h("a", {href: mention.doc_url, rel: "noopener noreferrer"}, title) : title,
      ` · ${mention.doc_date || "undated"}`, " · ", h("a", {href: `#/event/${encodeURIComponent(event.event_id)}`},
        plural(event.n_mentions, "mention"))]],
  ];
  const {status} = context;
  const correction = correctionForm(event);
  const buttons = h("div", {class: "judgements", role: "group", "aria-label": "Judgement"},
    JUDGEMENTS.map(([judgement, label, key]) => h("button", {type: "button", "data-judgement": judgement,
      "data-key": key, "aria-keyshortcuts": key, class: WRONG.has(judgement) ? "wrong" : null,
      onclick: () => (WRONG.has(judgement) ? correction.open(judgement) : submit(judgement, {}))},
    label, " ", h("kbd", {}, key))),
    h("button", {type: "button", class: "skip", "data-key": "s", "aria-keyshortcuts": "s",
      onclick: () => context.next(event.event_id).catch(showError)}, "Skip ", h("kbd", {}, "s")));
  const submit = async (judgement, fixes) => {
    const {reviewer, token} = context.credentials();
    if (!reviewer) {
      showError("Enter your name as reviewer first: it is stored with the judgement.");
      context.reviewerField.focus();
      return;
    }
    clearError();
    for (const button of card.querySelectorAll("button")) button.disabled = true;
    status.textContent = "Saving…";
    try {
      const headers = token ? {Authorization: `Bearer ${token}`} : {};
      const answer = await api(`/api/review/${encodeURIComponent(event.event_id)}`,
        {judgement, reviewer, ...fixes}, headers);
      await context.next(null);
      status.textContent = `Saved the last event as ${answer.review.judgement.replaceAll("_", " ")}.`;
    } catch (err) {
      status.textContent = "";
      showError(err);
      for (const button of card.querySelectorAll("button")) button.disabled = false;
    }
  };
  correction.onSave = submit;
  card.replaceChildren(summary,
    context.chosen ? null : h("p", {}, `${plural(item.remaining, "unreviewed event")} match the filters ` +
      "(this one included)."),
    h("article", {class: "review-item", "data-event-id": event.event_id, "aria-labelledby": "review-heading"},
      h("h2", {id: "review-heading"},
        `${event.source ? event.source.code : "—"} → ${event.cameo} ${event.cameo_name || ""} → ` +
        `${event.target ? event.target.code : "—"}`),
      h("blockquote", {class: "review-sentence"}, highlight(mention.sentence_text, mentionSpans(mention, event, 1))),
      markLegend(),
      h("dl", {class: "facts"}, facts.map(([name, value]) => h("div", {}, h("dt", {}, name), h("dd", {}, value)))),
      item.review ? h("p", {class: "judged"}, `Judged ${item.review.judgement.replaceAll("_", " ")} by ` +
        `${item.review.reviewer} on ${item.review.judged_at.slice(0, 10)}; a new judgement replaces it.`) : null,
      buttons, correction.element));
}

// The form that fixes a wrong event: source and target from the actor codes, the code from the
// CAMEO table (searchable, grouped by root), the factuality. Only what differs is sent.
function correctionForm(event) {
  const coded = {source: event.source ? event.source.code : "", target: event.target ? event.target.code : "",
    cameo: event.cameo, factuality: event.factuality};
  const source = input("fix-source", {list: "review-actors", autocomplete: "off", value: coded.source});
  const target = input("fix-target", {list: "review-actors", autocomplete: "off", value: coded.target});
  const search = input("fix-cameo-search", {type: "search", autocomplete: "off", placeholder: "code or words"});
  const cameo = h("select", {id: "fix-cameo", name: "cameo", size: 8});
  const fill = () => {
    const words = search.value.trim().toLowerCase();
    const fits = (c) => !words || c.code.startsWith(words) || c.name.toLowerCase().includes(words);
    const chosen = cameo.value || coded.cameo;
    const roots = choices.cameo.filter((c) => c.code.length === 2);
    cameo.replaceChildren(...roots.map((root) => {
      const codes = choices.cameo.filter((c) => c.code.startsWith(root.code) && fits(c));
      return codes.length ? h("optgroup", {label: `${root.code} ${root.name}`}, codes.map((c) =>
        h("option", {value: c.code, selected: c.code === chosen}, `${c.code} ${c.name}`))) : null;
    }).filter(Boolean));
  };
  search.addEventListener("input", fill);
  const factuality = select("fix-factuality", choices.factualities.map((f) => [f, f]), coded.factuality);
  const note = h("textarea", {id: "fix-note", name: "note", rows: 2, maxlength: 2000});
  const kind = h("p", {class: "correction-kind"});
  const save = h("button", {type: "submit"}, "Save judgement");
  const form = h("form", {class: "correction", hidden: true, "aria-label": "Correction"},
    kind, h("div", {class: "filters"}, field("Source", source), field("Target", target),
      field("Factuality", factuality)),
    h("div", {class: "row"}, field("Search the CAMEO codes", search), field("CAMEO code", cameo)),
    field("Note (optional)", note), h("div", {class: "row"}, save,
      h("button", {type: "button", class: "secondary", onclick: () => { form.hidden = true; }}, "Cancel")));
  const control = {element: form, onSave: null, judgement: null};
  control.open = (judgement) => {
    control.judgement = judgement;
    const swap = judgement === "wrong_direction";
    source.value = swap ? coded.target : coded.source;
    target.value = swap ? coded.source : coded.target;
    search.value = "";
    cameo.value = "";
    fill();
    kind.textContent = `${judgement.replaceAll("_", " ")}: fix what is wrong, then save.`;
    form.hidden = false;
    ({wrong_actor: target, wrong_direction: save, wrong_code: search})[judgement].focus();
  };
  form.addEventListener("submit", (submitted) => {
    submitted.preventDefault();
    const given = {source: source.value.trim().toUpperCase(), target: target.value.trim().toUpperCase(),
      cameo: cameo.value, factuality: factuality.value};
    const fixes = Object.fromEntries(Object.entries(given).filter(([name, value]) => value && value !== coded[name]));
    if (note.value.trim()) fixes.note = note.value.trim();
    control.onSave(control.judgement, fixes);
  });
  return control;
}
