"""Writing events: JSONL (the contract), CSV/TSV (flattened) and a table for people."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from .records import Actor, Event
from .vocabulary import actor_label

FORMATS = ("table", "jsonl", "csv", "tsv")


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested dicts become prefixed columns; lists become JSON text."""
    flat: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}_"))
        elif isinstance(value, list):
            flat[name] = json.dumps(value)
        else:
            flat[name] = value
    return flat


def _columns() -> list[str]:
    """Flat column names, fixed whatever the events hold (nulls become empty)."""
    actor = ["key", "role", "code", "name", "text", "span"]
    location = ["text", "name", "country", "latitude", "longitude", "precision", "span"]
    return (["doc_id", "event_id"] + [f"source_{c}" for c in actor] + [f"target_{c}" for c in actor]
            + ["cameo", "cameo_name", "goldstein", "quad_class", "plover_type", "plover_mode", "factuality",
               "date", "date_precision", "date_text"] + [f"location_{c}" for c in location]
            + ["sentence_text", "sentence_span", "trigger_text", "trigger_span", "mentions_count",
               "mentions_spans", "confidence", "rule"])


class EventWriter:
    def __init__(self, stream: TextIO, fmt: str) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
        self.stream, self.format = stream, fmt
        self.rows: list[Event] = []
        self.csv: Any = None
        if fmt in {"csv", "tsv"}:
            self.csv = csv.DictWriter(stream, _columns(), delimiter="," if fmt == "csv" else "\t",
                                      extrasaction="ignore", lineterminator="\n")
            self.csv.writeheader()

    def write(self, events: Iterable[Event]) -> None:
        for event in events:
            if self.format == "jsonl":
                self.stream.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
            elif self.csv is not None:
                self.csv.writerow({k: ("" if v is None else v) for k, v in flatten(event.to_dict()).items()})
            else:
                self.rows.append(event)

    def close(self) -> None:
        if self.format == "table":
            self.stream.write(render_table(self.rows))


def render_table(events: list[Event]) -> str:
    header = ("date", "source", "event", "target", "factuality", "trigger", "conf")
    return format_table(header, [(
        event.date.date or "-",
        _actor(event.source),
        f"{event.cameo} {event.cameo_name[:38]}",
        _actor(event.target) if event.target else "-",
        event.factuality,
        event.trigger.text,
        f"{event.confidence:.2f}",
    ) for event in events])


def _actor(actor: Actor) -> str:
    return named(actor.code, actor_label(actor.name, actor.role))


def named(code: str, name: str | None) -> str:
    """A code with its name beside it, for people: USAMIL (United States military)."""
    return f"{code} ({name[:30]})" if name and name != code else code


def format_table(header: tuple[str, ...], body: Iterable[tuple[str, ...]]) -> str:
    """Columns padded to their widest cell, a rule under the header."""
    rows = [header, *body]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines) + "\n"
