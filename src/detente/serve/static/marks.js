// Highlighting an event's source, trigger and target in a text.
// Spans may overlap (one actor can be the source of two events, a trigger can sit inside a
// target), so the text is cut at every span boundary; each piece is wrapped in one <mark>
// per span covering it, longest outside. A label ("source 1") follows the piece where a span
// ends, so the highlight reads without colour.

import {h} from "./dom.js";

// spans: [{start, end, kind: "source" | "trigger" | "target", event: 1, actor: "RUS"}]
export function highlight(text, spans) {
  const valid = spans
    .map((span) => ({...span, start: Math.max(0, span.start), end: Math.min(text.length, span.end)}))
    .filter((span) => Number.isInteger(span.start) && Number.isInteger(span.end) && span.start < span.end);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((span) => [span.start, span.end])])]
    .sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const covering = valid
      .filter((span) => span.start <= from && span.end >= to)
      .sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.event - b.event);
    let piece = document.createTextNode(text.slice(from, to));
    for (const span of [...covering].reverse()) piece = mark(span, piece);
    pieces.push(piece);
    for (const span of covering.filter((span) => span.end === to)) {
      pieces.push(h("sup", {class: `badge ${span.kind}`}, `${span.kind} ${span.event}`));
    }
  }
  return pieces;
}

function mark(span, inner) {
  return h("mark", {
    class: span.kind, "data-event": span.event, "data-actor": span.actor,
    title: `${span.kind} of event ${span.event}${span.actor ? ` (${span.actor})` : ""}`,
  }, inner);
}

// The spans of an event coded by POST /api/code (offsets into the posted text).
export function codedSpans(event, number) {
  const spans = [{kind: "source", event: number, actor: event.source.key, start: event.source.span[0],
    end: event.source.span[1]}];
  spans.push({kind: "trigger", event: number, start: event.trigger.span[0], end: event.trigger.span[1]});
  if (event.target) {
    spans.push({kind: "target", event: number, actor: event.target.key, start: event.target.span[0],
      end: event.target.span[1]});
  }
  return spans;
}

// The spans of a stored mention, moved from document offsets into its sentence.
export function mentionSpans(mention, event, number) {
  const at = mention.sentence_start;
  const spans = [
    {kind: "source", event: number, actor: event.source && event.source.key,
      start: mention.source_start - at, end: mention.source_end - at},
    {kind: "trigger", event: number, start: mention.trigger_start - at, end: mention.trigger_end - at},
  ];
  if (mention.target_start !== null && mention.target_end !== null) {
    spans.push({kind: "target", event: number, actor: event.target && event.target.key,
      start: mention.target_start - at, end: mention.target_end - at});
  }
  return spans;
}

// The legend that explains the mark styles, in words.
export function markLegend() {
  return h("p", {class: "mark-legend"}, "Marked: ",
    h("mark", {class: "source"}, "source actor"), " ", h("mark", {class: "trigger"}, "trigger words"), " ",
    h("mark", {class: "target"}, "target actor"), ". The label after each mark names its role and event number.");
}
