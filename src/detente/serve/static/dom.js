// Small helpers shared by the pages: building elements, calling the API, showing errors.
// Elements are built with textContent, never innerHTML, so text from the store cannot become markup.

const SVG_NS = "http://www.w3.org/2000/svg";

function build(element, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

// h("a", {href: "#/"}, "Overview") → <a href="#/">Overview</a>
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

// The same for SVG elements, which need their namespace.
export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

export class ApiError extends Error {}

// GET (or POST with `body`, and any `headers`) a JSON endpoint; an error envelope becomes an
// ApiError with its message.
export async function api(path, body, headers = {}) {
  const options = body === undefined ? {} : {
    method: "POST", headers: {"Content-Type": "application/json", ...headers}, body: JSON.stringify(body),
  };
  let response;
  try {
    response = await fetch(path, options);
  } catch (err) {
    throw new ApiError(`Could not reach the server (${err.message}). Is "detente serve" still running?`);
  }
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const message = data && data.error ? data.error.message : `${response.status} ${response.statusText}`;
    throw new ApiError(message);
  }
  return data;
}

export function showError(err) {
  const alert = document.getElementById("alert");
  alert.replaceChildren(h("strong", {}, "Error: "), err instanceof ApiError ? err.message : String(err));
  alert.hidden = false;
}

export function clearError() {
  const alert = document.getElementById("alert");
  alert.hidden = true;
  alert.replaceChildren();
}

// A table in a container that scrolls sideways on narrow screens. Its caption sits above the
// container (a <caption> would be as wide as the table, and scroll off a phone's screen).
// `columns` are header labels; `rows` are arrays of cells, or {attrs, cells}.
let tables = 0;
export function table(caption, columns, rows) {
  const id = `table-${++tables}`;
  const body = rows.map((row) => {
    const {attrs, cells} = Array.isArray(row) ? {attrs: {}, cells: row} : row;
    return h("tr", attrs, cells.map((cell) => h("td", {}, cell)));
  });
  return h("div", {class: "table"},
    h("p", {class: "caption", id}, caption),
    h("div", {class: "table-wrap", tabindex: 0, role: "region", "aria-labelledby": id},
      h("table", {"aria-labelledby": id},
        h("thead", {}, h("tr", {}, columns.map((c) => h("th", {scope: "col"}, c)))),
        h("tbody", {}, body))));
}

export function eventLink(event) {
  return h("a", {class: "wrap", href: `#/event/${encodeURIComponent(event.event_id)}`},
    `${event.cameo} ${event.cameo_name || ""}`);
}

export function actorCode(actor) {
  return actor ? actor.code : "—";
}

// A code with its name under it, for tables people read: USAMIL / United States military.
export function actorCell(code, name) {
  if (!code) return "—";
  return name && name !== code ? [code, h("span", {class: "actor-name"}, name)] : code;
}

export function actorNamed(actor) {
  return actor ? actorCell(actor.code, actor.label || actor.name) : "—";
}

export function dateText(event) {
  if (!event.date) return "undated";
  const rough = event.date_precision && event.date_precision !== "day";
  return rough ? `${event.date} (${event.date_precision})` : event.date;
}

export function message(text) {
  return h("p", {class: "empty"}, text);
}

// --- small form helpers, shared by the pages ---

export function field(label, control, hint) {
  return h("div", {class: "field"}, h("label", {for: control.id}, label), control,
    hint ? h("small", {id: `${control.id}-hint`}, hint) : null);
}

export function input(id, attrs) {
  return h("input", {id, name: id.replace(/^[a-z]+-/, ""), ...attrs});
}

export function select(id, options, chosen) {
  return h("select", {id, name: id.replace(/^[a-z]+-/, "")},
    options.map(([value, label]) => h("option", {value, selected: value === chosen}, label)));
}

export function formValues(form) {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (String(value).trim() !== "") params.set(name, String(value).trim());
  }
  return params;
}

export function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

export function heading(text) {
  document.title = `${text} · detente`;
  return h("h1", {tabindex: -1}, text);
}
