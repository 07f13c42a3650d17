// The two pictures, drawn as inline SVG: the actor network and a dyad's relations over time.
// Meaning never rests on colour alone: conflict is dashed (network) or hatched (bars), and
// every mark has a <title> and the charts have a text legend.

import {h, s} from "./dom.js";

// --- Actor network: actors on a circle, one curved arrow per directed dyad. ---

const NODE_RADIUS = 22;

// One arrowhead per edge, sized to its stroke: a shared one vanishes under thick strokes.
function arrowMarker(id, kind, strokeWidth) {
  const size = 8 + 2 * strokeWidth;
  return s("marker", {id, class: kind, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: size, markerHeight: size,
    markerUnits: "userSpaceOnUse", orient: "auto"}, s("path", {d: "M0,0 L10,5 L0,10 z"}));
}

function unit(dx, dy) {
  const length = Math.hypot(dx, dy) || 1;
  return [dx / length, dy / length];
}

// A curve from a to b bending to its right, so a→b and b→a are two separate arrows.
function edgePath(a, b) {
  const [ux, uy] = unit(b.x - a.x, b.y - a.y);
  const bend = 0.18 * Math.hypot(b.x - a.x, b.y - a.y);
  const control = {x: (a.x + b.x) / 2 - uy * bend, y: (a.y + b.y) / 2 + ux * bend};
  const [sx, sy] = unit(control.x - a.x, control.y - a.y);
  const [ex, ey] = unit(control.x - b.x, control.y - b.y);
  const start = {x: a.x + sx * NODE_RADIUS, y: a.y + sy * NODE_RADIUS};
  const end = {x: b.x + ex * (NODE_RADIUS + 2), y: b.y + ey * (NODE_RADIUS + 2)};
  return `M${start.x.toFixed(1)},${start.y.toFixed(1)} Q${control.x.toFixed(1)},${control.y.toFixed(1)} ` +
    `${end.x.toFixed(1)},${end.y.toFixed(1)}`;
}

// Drawn at the size it is shown (`availableWidth`, within limits), so labels keep their real size.
export function networkChart(edges, availableWidth) {
  const size = Math.round(Math.min(480, Math.max(300, availableWidth)));
  const actors = [...new Set(edges.flatMap((e) => [e.source, e.target]))];
  const centre = size / 2;
  const radius = centre - NODE_RADIUS - 12;
  const at = new Map(actors.map((actor, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / actors.length;
    return [actor, {x: centre + radius * Math.cos(angle), y: centre + radius * Math.sin(angle)}];
  }));
  const most = Math.max(...edges.map((e) => e.events));
  const markers = [];
  const arrows = edges.map((edge, i) => {
    const kind = edge.conflict_share >= 0.5 ? "conflict" : "cooperation";
    const width = 1.5 + 5 * edge.events / most;
    const label = `${edge.source} → ${edge.target}: ${edge.events} events, mean Goldstein ${edge.goldstein_mean}, ` +
      `${Math.round(edge.conflict_share * 100)}% conflictual`;
    markers.push(arrowMarker(`arrow-${i}`, kind, width));
    return s("path", {class: `edge ${kind}`, d: edgePath(at.get(edge.source), at.get(edge.target)),
      "stroke-width": width.toFixed(1), "marker-end": `url(#arrow-${i})`, "data-source": edge.source,
      "data-target": edge.target}, s("title", {}, label));
  });
  const nodes = actors.map((actor) => {
    const {x, y} = at.get(actor);
    return s("g", {class: "node"},
      s("circle", {cx: x, cy: y, r: NODE_RADIUS}),
      s("text", {x, y, "dominant-baseline": "central", "text-anchor": "middle"}, actor));
  });
  return h("figure", {class: "network"},
    s("svg", {viewBox: `0 0 ${size} ${size}`, width: size, height: size, role: "img",
      "aria-labelledby": "network-title"},
    s("title", {id: "network-title"}, `The ${edges.length} most active dyads among ${actors.length} actors`),
    s("defs", {}, markers),
    arrows, nodes),
    h("figcaption", {},
      legendItem(s("line", {class: "edge cooperation", x1: 2, y1: 8, x2: 30, y2: 8, "stroke-width": 3})),
      "mostly cooperative (solid) ",
      legendItem(s("line", {class: "edge conflict", x1: 2, y1: 8, x2: 30, y2: 8, "stroke-width": 3})),
      "mostly conflictual (dashed). Arrows point from source to target; thicker means more events."));
}

function legendItem(shape) {
  return s("svg", {class: "swatch", width: 32, height: 16, viewBox: "0 0 32 16", "aria-hidden": "true"}, shape);
}

// --- Relations over time: cooperation bars above the axis, conflict below, net as a line. ---

const MARGIN = {top: 18, right: 36, bottom: 44, left: 46}; // right: room for the last label
const PLOT_HEIGHT = 260;
const MIN_BAND = 30;

export function periodLabel(period, by) {
  if (by === "year") return period.slice(0, 4);
  if (by === "month") return period.slice(0, 7);
  return period;
}

function patterns() {
  return s("defs", {},
    s("pattern", {id: "hatch-verbal", width: 8, height: 8, patternUnits: "userSpaceOnUse",
      patternTransform: "rotate(45)"},
    s("rect", {class: "hatch-ground verbal", width: 8, height: 8}),
    s("line", {class: "hatch-line", x1: 0, y1: 0, x2: 0, y2: 8, "stroke-width": 3})),
    s("pattern", {id: "hatch-material", width: 6, height: 6, patternUnits: "userSpaceOnUse",
      patternTransform: "rotate(45)"},
    s("rect", {class: "hatch-ground material", width: 6, height: 6}),
    s("line", {class: "hatch-line", x1: 0, y1: 0, x2: 0, y2: 6, "stroke-width": 2}),
    s("line", {class: "hatch-line", x1: 0, y1: 0, x2: 6, y2: 0, "stroke-width": 2})));
}

function describe(p, by) {
  return `${periodLabel(p.period, by)}: ${p.events} events; cooperation ${p.verbal_cooperation} verbal, ` +
    `${p.material_cooperation} material; conflict ${p.verbal_conflict} verbal, ${p.material_conflict} material; ` +
    `net ${p.net}`;
}

// `onSelect(period, element)` runs on click, Enter or Space on a period.
export function relationsChart(periods, by, availableWidth, onSelect) {
  const width = Math.max(availableWidth, MARGIN.left + MARGIN.right + periods.length * MIN_BAND);
  const band = (width - MARGIN.left - MARGIN.right) / periods.length;
  const largest = Math.max(1, ...periods.flatMap((p) => [
    p.verbal_cooperation + p.material_cooperation, p.verbal_conflict + p.material_conflict, Math.abs(p.net)]));
  const step = Math.max(1, Math.ceil(largest / 3));
  const top = step * Math.ceil(largest / step);
  const zero = MARGIN.top + PLOT_HEIGHT / 2;
  const y = (value) => zero - (value / top) * (PLOT_HEIGHT / 2);
  const centre = (i) => MARGIN.left + band * (i + 0.5);
  const barWidth = Math.min(band * 0.6, 48);

  const grid = [];
  for (let value = -top; value <= top; value += step) {
    grid.push(s("line", {class: value === 0 ? "axis" : "grid", x1: MARGIN.left, x2: width - MARGIN.right,
      y1: y(value), y2: y(value)}));
    grid.push(s("text", {class: "tick", x: MARGIN.left - 6, y: y(value), "text-anchor": "end",
      "dominant-baseline": "central"}, String(Math.abs(value))));
  }
  const labelEvery = Math.ceil(periods.length / Math.max(1, Math.floor((width - MARGIN.left) / 84)));

  const groups = periods.map((p, i) => {
    const x = centre(i) - barWidth / 2;
    const stack = (from, count, kind) => count === 0 ? null : s("rect", {
      class: `bar ${kind}`, x, width: barWidth, y: Math.min(y(from), y(from + count)),
      height: Math.abs(y(from) - y(from + count))});
    const coop = p.verbal_cooperation;
    const conflict = p.verbal_conflict;
    const group = s("g", {class: "period", tabindex: 0, role: "button", "aria-pressed": "false",
      "data-period": p.period, "aria-label": `${describe(p, by)}. Show its events.`},
    s("title", {}, describe(p, by)),
    s("rect", {class: "hit", x: centre(i) - band / 2, y: MARGIN.top, width: band, height: PLOT_HEIGHT}),
    stack(0, coop, "verbal-cooperation"),
    stack(coop, p.material_cooperation, "material-cooperation"),
    stack(0, -conflict, "verbal-conflict"),
    stack(-conflict, -p.material_conflict, "material-conflict"),
    i % labelEvery === 0 ? s("text", {class: "tick", x: centre(i), y: MARGIN.top + PLOT_HEIGHT + 16,
      "text-anchor": "middle"}, periodLabel(p.period, by)) : null);
    const choose = () => onSelect(p, group);
    group.addEventListener("click", choose);
    group.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        choose();
      }
    });
    return group;
  });

  const points = periods.map((p, i) => `${centre(i).toFixed(1)},${y(p.net).toFixed(1)}`).join(" ");
  const net = s("g", {class: "net", "aria-hidden": "true"},
    s("polyline", {points}),
    periods.map((p, i) => s("circle", {cx: centre(i), cy: y(p.net), r: 4})));

  const svg = s("svg", {width, height: MARGIN.top + PLOT_HEIGHT + MARGIN.bottom,
    viewBox: `0 0 ${width} ${MARGIN.top + PLOT_HEIGHT + MARGIN.bottom}`, class: "relations-chart",
    role: "group", "aria-label": "Events per period: cooperation above the axis, conflict below"},
  patterns(), grid,
  s("text", {class: "axis-title", transform: `translate(14 ${zero - PLOT_HEIGHT / 4}) rotate(-90)`,
    "text-anchor": "middle"}, "cooperation →"),
  s("text", {class: "axis-title", transform: `translate(14 ${zero + PLOT_HEIGHT / 4}) rotate(-90)`,
    "text-anchor": "middle"}, "← conflict"),
  s("text", {class: "axis-title", x: (width + MARGIN.left) / 2, y: MARGIN.top + PLOT_HEIGHT + 36,
    "text-anchor": "middle"}, `events per ${by}`),
  groups, net);
  return h("figure", {class: "relations"},
    h("div", {class: "chart-scroll"}, svg),
    h("figcaption", {}, relationsLegend()));
}

function relationsLegend() {
  const swatch = (kind) => legendItem(s("rect", {class: `bar ${kind}`, x: 4, y: 1, width: 24, height: 14}));
  return h("ul", {class: "legend"},
    h("li", {}, swatch("verbal-cooperation"), "verbal cooperation (light, solid)"),
    h("li", {}, swatch("material-cooperation"), "material cooperation (dark, solid)"),
    h("li", {}, swatch("verbal-conflict"), "verbal conflict (wide hatching)"),
    h("li", {}, swatch("material-conflict"), "material conflict (cross-hatching)"),
    h("li", {}, legendItem(s("g", {class: "net"}, s("line", {x1: 2, y1: 8, x2: 30, y2: 8}),
      s("circle", {cx: 16, cy: 8, r: 4}))), "net score: cooperative minus conflictual events"));
}
