"""The state of relations between two actors over time: one row per period.

Counts are of deduplicated events (not of the articles that report them), dated by the
first day their date can mean, and by default only of asserted events. An event counts
in a series only if its date is at least as precise as the period: "in 2016" is in the
yearly series, not in January 2016 of the monthly one.
The net score is (cooperative events - conflictual events): quad classes 1 and 2 count
+1, quad classes 3 and 4 count -1.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from ..errors import QueryError
from ..store import Store
from ..store.query import EventFilter, StoredEvent, actor_column, check_factualities, find_events, parse_day

PERIODS = ("day", "week", "month", "year")
_FINE_ENOUGH = {period: list(PERIODS[:rank + 1]) for rank, period in enumerate(PERIODS)}


@dataclass(frozen=True, slots=True)
class Dyad:
    a: str
    b: str
    both: bool = False  # both directions, not only a → b
    factuality: tuple[str, ...] = ("asserted",)
    since: str | None = None
    until: str | None = None


@dataclass(frozen=True, slots=True)
class RelationPeriod:
    period: dt.date  # first day of the period
    events: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    goldstein_sum: float
    goldstein_mean: float | None
    net: int  # cooperative minus conflictual events

    def to_dict(self) -> dict[str, Any]:
        record = asdict(self)
        record["period"] = self.period.isoformat()
        return record


def dyad_condition(store: Store, dyad: Dyad) -> tuple[str, list[Any]]:
    """SQL condition on events for the dyad, its factualities and dates."""
    check_factualities(dyad.factuality)
    a_column, b_column = actor_column(store, dyad.a), actor_column(store, dyad.b)
    forward = f"(source_{a_column} = ? AND target_{b_column} = ?)"
    params: list[Any] = [dyad.a, dyad.b]
    condition = forward
    if dyad.both:
        condition = f"({forward} OR (source_{b_column} = ? AND target_{a_column} = ?))"
        params += [dyad.b, dyad.a]
    condition += " AND factuality IN (SELECT unnest(?)) AND date_start IS NOT NULL"
    params.append(list(dyad.factuality))
    if dyad.since:
        condition += " AND date_start >= ?"
        params.append(parse_day(dyad.since))
    if dyad.until:
        condition += " AND date_start <= ?"
        params.append(parse_day(dyad.until, end=True))
    return condition, params


def relation_series(store: Store, dyad: Dyad, by: str = "month", fill: bool = True) -> list[RelationPeriod]:
    """Per-period counts for the dyad; with `fill`, empty periods between the first and last appear as zeros."""
    if by not in PERIODS:
        raise QueryError(f"unknown period {by!r}; use {', '.join(PERIODS)}")
    condition, params = dyad_condition(store, dyad)
    condition += " AND date_precision IN (SELECT unnest(?))"
    params.append(_FINE_ENOUGH[by])
    rows = store.connection.execute(f"""
        SELECT CAST(date_trunc('{by}', date_start) AS DATE) AS period, count(*),
               count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),
               count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4),
               coalesce(sum(goldstein), 0), avg(goldstein)
        FROM events WHERE {condition} GROUP BY period ORDER BY period""", params).fetchall()
    periods = [RelationPeriod(period, n, q1, q2, q3, q4, round(total, 2),
                              round(mean, 2) if mean is not None else None, q1 + q2 - q3 - q4)
               for period, n, q1, q2, q3, q4, total, mean in rows]
    return _filled(periods, by) if fill else periods


def period_events(store: Store, dyad: Dyad, period: dt.date, by: str) -> list[StoredEvent]:
    """The events behind one period of the series (both directions if the dyad says so)."""
    last = _next_period(period, by) - dt.timedelta(days=1)
    sides = [(dyad.a, dyad.b), (dyad.b, dyad.a)] if dyad.both else [(dyad.a, dyad.b)]
    found: list[StoredEvent] = []
    for source, target in sides:
        where = EventFilter(source=source, target=target, factuality=dyad.factuality,
                            since=period.isoformat(), until=last.isoformat())
        found += [e for e in find_events(store, where, limit=None)
                  if e.date_start is not None and period <= e.date_start <= last
                  and e.date_precision in _FINE_ENOUGH[by]]
    return sorted(found, key=lambda e: (e.date_start or dt.date.min, e.event_id))


def _filled(periods: list[RelationPeriod], by: str) -> list[RelationPeriod]:
    if not periods:
        return []
    have = {p.period: p for p in periods}
    result, current = [], periods[0].period
    while current <= periods[-1].period:
        result.append(have.get(current) or RelationPeriod(current, 0, 0, 0, 0, 0, 0.0, None, 0))
        current = _next_period(current, by)
    return result


def _next_period(day: dt.date, by: str) -> dt.date:
    if by == "day":
        return day + dt.timedelta(days=1)
    if by == "week":
        return day + dt.timedelta(days=7)
    if by == "month":
        return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return dt.date(day.year + 1, 1, 1)
