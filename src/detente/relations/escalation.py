"""Escalations: dyads whose conflict in the latest window departs from their own past.

For each directed dyad, conflict in a window is the Goldstein-weighted count of its
conflictual events (quad classes 3 and 4; weight |goldstein|, at least 1). The latest
window ends on `until` (default: the latest event date in the store); the baseline is
the `baseline` windows before it. A dyad's score is
    (recent - baseline mean) / (baseline standard deviation + 1)
so a dyad with no past conflict scores its recent conflict, and a dyad that is always
at war scores only what exceeds its usual level. Undated events belong to no window:
`undated_conflict` counts them, so outputs can say how many were left out. An actor
acting on itself is left out as in the network (`across`). Only events of the factualities
asked for count, and with `min_confidence` only those at least that likely to be right.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..errors import QueryError
from ..store import Store
from ..store.query import (DEFAULT_FACTUALITY, EVENT_COLUMNS, StoredEvent, across, check_confidence,
                           check_factualities, parse_day)


@dataclass(frozen=True, slots=True)
class Escalation:
    source: str
    target: str
    recent: float  # weighted conflict in the latest window
    baseline_mean: float
    baseline_sd: float
    score: float
    recent_events: int
    window_start: dt.date
    window_end: dt.date
    events: list[StoredEvent] = field(default_factory=list)  # the latest window's conflictual events

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "target": self.target, "score": self.score, "recent": self.recent,
                "baseline_mean": self.baseline_mean, "baseline_sd": self.baseline_sd,
                "recent_events": self.recent_events, "window_start": self.window_start.isoformat(),
                "window_end": self.window_end.isoformat(), "events": [e.to_dict() for e in self.events]}


MAX_WINDOW_DAYS = 3660


def parse_window(value: str) -> int:
    """'30d', '4w', '30' → days, at most MAX_WINDOW_DAYS."""
    text = value.strip().lower()
    units = {"d": 1, "w": 7}
    number, unit = (text[:-1], units[text[-1]]) if text and text[-1] in units else (text, 1)
    if not (number.isascii() and number.isdigit()) or not number.strip("0"):
        raise QueryError(f"malformed window {value[:40]!r}; use days such as 30d, or weeks such as 4w")
    if len(number.lstrip("0")) > 6 or int(number) * unit > MAX_WINDOW_DAYS:  # int() only of a few digits
        raise QueryError(f"window {value[:40]!r} is longer than {MAX_WINDOW_DAYS} days (ten years)")
    return int(number) * unit


def find_escalations(store: Store, window_days: int = 30, baseline: int = 6, until: str | None = None,
                     min_events: int = 2, limit: int = 20, factuality: tuple[str, ...] = DEFAULT_FACTUALITY,
                     by_entity: bool = True, min_confidence: float | None = None) -> list[Escalation]:
    counted, counted_params = _counted(factuality, min_confidence)
    if baseline < 1:
        raise QueryError("the baseline needs at least one window")
    end = parse_day(until, end=True) if until else _latest(store)
    if end is None:
        return []
    try:
        start = end - dt.timedelta(days=window_days * (baseline + 1) - 1)
    except OverflowError as err:
        raise QueryError(f"{baseline + 1} windows of {window_days} days before {end} reach before year 1; "
                         "use a shorter window or baseline") from err
    side = "key" if by_entity else "code"
    rows = store.connection.execute(f"""
        WITH conflict AS (
            SELECT source_{side} AS source, target_{side} AS target,
                   CAST(floor(date_diff('day', date_start, ?) / ?) AS INTEGER) AS back,
                   greatest(abs(goldstein), 1) AS weight
            FROM events
            WHERE quad_class IN (3, 4) AND {across(side)} AND date_start BETWEEN ? AND ? AND {counted}),
        windows AS (
            SELECT source, target, back, sum(weight) AS weight, count(*) AS n FROM conflict GROUP BY ALL)
        SELECT source, target,
               coalesce(sum(weight) FILTER (WHERE back = 0), 0) AS recent,
               coalesce(sum(n) FILTER (WHERE back = 0), 0) AS recent_events,
               list(weight) FILTER (WHERE back > 0) AS past
        FROM windows GROUP BY source, target""",
        [end, window_days, start, end, *counted_params]).fetchall()
    window_start = end - dt.timedelta(days=window_days - 1)
    found = []
    for source, target, recent, recent_events, past in rows:
        if recent_events < min_events:
            continue
        history = list(past or []) + [0.0] * (baseline - len(past or []))
        mean = sum(history) / baseline
        sd = (sum((x - mean) ** 2 for x in history) / baseline) ** 0.5
        score = (recent - mean) / (sd + 1)
        if score > 0:
            found.append(Escalation(source, target, round(recent, 2), round(mean, 2), round(sd, 2),
                                    round(score, 2), int(recent_events), window_start, end))
    found.sort(key=lambda e: (-e.score, e.source, e.target))
    return [_with_events(store, e, side, counted, counted_params) for e in found[:limit]]


def _counted(factuality: tuple[str, ...], min_confidence: float | None) -> tuple[str, list[Any]]:
    """SQL: the event is of these factualities and, if asked, at least this confidence."""
    condition, params = "factuality IN (SELECT unnest(?))", [list(check_factualities(factuality))]
    if min_confidence is not None:
        condition += " AND confidence >= ?"
        params.append(check_confidence(min_confidence))
    return condition, params


def _with_events(store: Store, escalation: Escalation, side: str, counted: str, params: list[Any]) -> Escalation:
    rows = store.connection.execute(
        f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE source_{side} = ? AND target_{side} = ? "
        f"AND quad_class IN (3, 4) AND date_start BETWEEN ? AND ? AND {counted} "
        "ORDER BY goldstein, date_start, event_id",
        [escalation.source, escalation.target, escalation.window_start, escalation.window_end, *params]).fetchall()
    return Escalation(**{**{f: getattr(escalation, f) for f in Escalation.__dataclass_fields__},
                         "events": [StoredEvent(*row) for row in rows]})


def undated_conflict(store: Store, factuality: tuple[str, ...] = DEFAULT_FACTUALITY, by_entity: bool = True,
                     min_confidence: float | None = None) -> int:
    """Conflictual events of these factualities (and confidence) with no date: no window can hold them."""
    side = "key" if by_entity else "code"
    counted, params = _counted(factuality, min_confidence)
    row = store.connection.execute(
        f"SELECT count(*) FROM events WHERE quad_class IN (3, 4) AND {across(side)} AND date_start IS NULL "
        f"AND {counted}", params).fetchone()
    return int(row[0]) if row else 0


def _latest(store: Store) -> dt.date | None:
    row = store.connection.execute("SELECT max(date_start) FROM events WHERE date_start IS NOT NULL").fetchone()
    return row[0] if row else None
