"""The state of relations between two actors over time: one row per period.

Counts are of deduplicated events (not of the articles that report them), dated by the
first day their date can mean, and by default only of asserted events. An event counts
in a series only if its date is at least as precise as the period: "in 2016" is in the
yearly series, not in January 2016 of the monthly one.
The net score is (cooperative events - conflictual events): quad classes 1 and 2 count
+1, quad classes 3 and 4 count -1.

No event of the dyad is dropped: after the dated periods come a row of the events dated
less precisely than the period ("coarser": "in 2016" in a monthly series) and a row of
the undated ones, each when it has events, so the rows always add up to every event of
the dyad that `network` and `events` count. A `since` or `until` keeps only events with
a date (an undated event is not "since" anything).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from ..errors import QueryError
from ..store import Store
from ..store.judgements import events_table, review_condition
from ..store.query import (DEFAULT_FACTUALITY, EventFilter, StoredEvent, actor_argument, check_confidence,
                           check_factualities, find_events, parse_day)

PERIODS = ("day", "week", "month", "year")
DATED, COARSER, UNDATED = "period", "coarser", "undated"  # the kinds of row of a series
_FINE_ENOUGH = {period: list(PERIODS[:rank + 1]) for rank, period in enumerate(PERIODS)}


@dataclass(frozen=True, slots=True)
class Dyad:
    a: str
    b: str
    both: bool = False  # both directions, not only a → b
    factuality: tuple[str, ...] = DEFAULT_FACTUALITY
    since: str | None = None
    until: str | None = None
    min_confidence: float | None = None  # only events at least this likely to be right (0-1)
    corrected: bool = False  # the events with their reviewers' corrections (store.judgements)


@dataclass(frozen=True, slots=True)
class RelationPeriod:
    period: dt.date | None  # first day of the period; None for the coarser and undated rows
    label: str  # as printed: 2005, 2005-03, 2005-03-14 (a week by its Monday), "undated", "coarser than a month"
    kind: str  # DATED, COARSER or UNDATED
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
        record["period"] = self.period.isoformat() if self.period else None
        return record


def canonical_dyad(store: Store, dyad: Dyad) -> Dyad:
    """The dyad with its actors as the store writes them ('rus', 'Russia' → RUS)."""
    return Dyad(actor_argument(store, dyad.a)[1], actor_argument(store, dyad.b)[1], dyad.both, dyad.factuality,
                dyad.since, dyad.until, dyad.min_confidence, dyad.corrected)


def dyad_condition(store: Store, dyad: Dyad) -> tuple[str, list[Any]]:
    """SQL condition on events for the dyad, its factualities and dates."""
    check_factualities(dyad.factuality)
    (a_column, a), (b_column, b) = actor_argument(store, dyad.a), actor_argument(store, dyad.b)
    forward = f"(source_{a_column} = ? AND target_{b_column} = ?)"
    params: list[Any] = [a, b]
    condition = forward
    if dyad.both:
        condition = f"({forward} OR (source_{b_column} = ? AND target_{a_column} = ?))"
        params += [b, a]
    condition = f"({condition}) AND factuality IN (SELECT unnest(?))"
    params.append(list(dyad.factuality))
    if dyad.since:
        condition += " AND date_start >= ?"
        params.append(parse_day(dyad.since))
    if dyad.until:
        condition += " AND date_start <= ?"
        params.append(parse_day(dyad.until, end=True))
    if dyad.min_confidence is not None:
        condition += " AND confidence >= ?"
        params.append(check_confidence(dyad.min_confidence))
    return condition, params


def relation_series(store: Store, dyad: Dyad, by: str = "month", fill: bool = True) -> list[RelationPeriod]:
    """Per-period counts for the dyad, then the coarser and undated rows when they hold
    events; with `fill`, empty periods between the first and last appear as zeros."""
    if by not in PERIODS:
        raise QueryError(f"unknown period {by!r}; use {', '.join(PERIODS)}")
    condition, params = dyad_condition(store, dyad)
    kind = (f"CASE WHEN date_start IS NULL THEN '{UNDATED}' "
            f"WHEN date_precision IN (SELECT unnest(?)) THEN '{DATED}' ELSE '{COARSER}' END")
    rows = store.connection.execute(f"""
        WITH placed AS (
            SELECT {kind} AS kind, quad_class, goldstein, date_start FROM {events_table(dyad.corrected)}
            WHERE {condition})
        SELECT kind, CASE WHEN kind = '{DATED}' THEN CAST(date_trunc('{by}', date_start) AS DATE) END AS period,
               count(*), count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),
               count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4),
               coalesce(sum(goldstein), 0), avg(goldstein)
        FROM placed GROUP BY ALL ORDER BY period""",
        [_FINE_ENOUGH[by], *params]).fetchall()
    periods, unplaced = [], {}
    for kind_of, period, n, q1, q2, q3, q4, total, mean in rows:
        day = period if kind_of == DATED else None
        row = RelationPeriod(day, period_label(day, by) if day else _UNPLACED_LABELS[kind_of].format(by=by), kind_of,
                             n, q1, q2, q3, q4, round(total, 2), round(mean, 2) if mean is not None else None,
                             q1 + q2 - q3 - q4)
        (periods.append(row) if kind_of == DATED else unplaced.__setitem__(kind_of, row))
    dated = _filled(periods, by) if fill else periods
    return dated + [unplaced[k] for k in (COARSER, UNDATED) if k in unplaced]


def reviewed_in_dyad(store: Store, dyad: Dyad) -> int:
    """How many of the dyad's events (as the series counts them) a reviewer has judged."""
    condition, params = dyad_condition(store, dyad)
    row = store.connection.execute(f"SELECT count(*) FROM {events_table(dyad.corrected)} WHERE {condition} "
                                   f"AND {review_condition('reviewed')}", params).fetchone()
    return int(row[0]) if row else 0


_UNPLACED_LABELS = {COARSER: "coarser than a {by}", UNDATED: "undated"}


def period_label(day: dt.date, by: str) -> str:
    """A period as people write it: 2005 for a year, 2005-03 for a month, the first day otherwise."""
    if by == "year":
        return f"{day.year:04d}"
    if by == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def period_events(store: Store, dyad: Dyad, period: dt.date | str, by: str) -> list[StoredEvent]:
    """The events behind one row of the series (both directions if the dyad says so):
    `period` is a period's first day, or COARSER or UNDATED for those rows."""
    if by not in PERIODS:
        raise QueryError(f"unknown period {by!r}; use {', '.join(PERIODS)}")
    sides = [(dyad.a, dyad.b), (dyad.b, dyad.a)] if dyad.both else [(dyad.a, dyad.b)]
    found: list[StoredEvent] = []
    for source, target in sides:
        where = EventFilter(source=source, target=target, factuality=dyad.factuality, dated=period != UNDATED,
                            min_confidence=dyad.min_confidence, corrected=dyad.corrected)
        found += [e for e in find_events(store, where, limit=None) if _row_of(e, by) == period and _within(e, dyad)]
    return sorted(found, key=lambda e: (e.date_start or dt.date.min, e.event_id))


def _within(event: StoredEvent, dyad: Dyad) -> bool:
    """The series' date bounds: on the first day an event's date can mean."""
    if dyad.since is None and dyad.until is None:
        return True
    day = event.date_start
    return day is not None and (dyad.since is None or day >= parse_day(dyad.since)) and (
        dyad.until is None or day <= parse_day(dyad.until, end=True))


def _row_of(event: StoredEvent, by: str) -> dt.date | str:
    if event.date_start is None:
        return UNDATED
    if event.date_precision not in _FINE_ENOUGH[by]:
        return COARSER
    day = event.date_start
    if by == "year":
        return dt.date(day.year, 1, 1)
    if by == "month":
        return dt.date(day.year, day.month, 1)
    return day - dt.timedelta(days=day.weekday()) if by == "week" else day


def _filled(periods: list[RelationPeriod], by: str) -> list[RelationPeriod]:
    if not periods:
        return []
    have = {p.period: p for p in periods}
    result, current = [], periods[0].period
    last = periods[-1].period
    assert current is not None and last is not None
    while current <= last:
        result.append(have.get(current) or RelationPeriod(current, period_label(current, by), DATED,
                                                          0, 0, 0, 0, 0, 0.0, None, 0))
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
