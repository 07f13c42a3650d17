"""Deduplication across documents: the reports (mentions) of one occurrence become one event.

The rule, applied within each cluster key (source entity, target entity, CAMEO root or
full code, factuality):

* A report's date is an interval that respects its precision: a day is itself, a week its
  seven days, a month or a year all of its days.
* Reports are taken most precise first, then earliest, then by id. Each joins the first
  event whose anchor (its first, most precise report) lies within `window_days` of the
  report's interval; otherwise it becomes the anchor of a new event. So a report dated
  "October 2021" joins a day-dated event of that October, and events never chain beyond
  one window from their anchor.
* An undated report (background with no period, or a document with no publication date)
  is an event of its own: nothing shows that two of them are one occurrence.

The order is a total order on the reports' own content, so the same reports in any input
order give the same events, and an event's id is derived from its key and anchor.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
from dataclasses import dataclass

DEFAULT_WINDOW_DAYS = 2
MATCHES = ("root", "code")  # what must agree between reports: the CAMEO root, or the full code


@dataclass(frozen=True, slots=True)
class DedupRule:
    window_days: int = DEFAULT_WINDOW_DAYS
    match: str = "root"

    def __post_init__(self) -> None:
        if self.window_days < 0:
            raise ValueError("the deduplication window cannot be negative")
        if self.match not in MATCHES:
            raise ValueError(f"match must be one of {', '.join(MATCHES)}, not {self.match!r}")


@dataclass(frozen=True, slots=True)
class Report:
    mention_id: str
    start: dt.date | None
    end: dt.date | None


@dataclass(frozen=True, slots=True)
class Cluster:
    event_id: str
    anchor: str  # mention id of the report the event takes its fields from
    members: tuple[str, ...]


def cluster_key(source_key: str, target_key: str | None, cameo: str, factuality: str, rule: DedupRule) -> str:
    code = cameo[:2] if rule.match == "root" else cameo
    return f"{source_key}|{target_key or '-'}|{code}|{factuality}"


def date_interval(date: str | None, precision: str | None) -> tuple[dt.date | None, dt.date | None]:
    """The days a coded date can mean: `2021-10` is the whole of October 2021."""
    if not date:
        return None, None
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        following = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return first, following - dt.timedelta(days=1)
    day = dt.date(parts[0], parts[1], parts[2])
    return day, day + dt.timedelta(days=6 if precision == "week" else 0)


def cluster_reports(key: str, reports: list[Report], rule: DedupRule) -> list[Cluster]:
    undated = sorted(r.mention_id for r in reports if r.start is None or r.end is None)
    dated = sorted((r for r in reports if r.start is not None and r.end is not None),
                   key=lambda r: ((r.end - r.start).days, r.start, r.mention_id))  # type: ignore[operator]
    window = dt.timedelta(days=rule.window_days)
    groups: list[tuple[str, list[str]]] = []  # (anchor, members) in the order anchors were made
    by_start: list[tuple[dt.date, int, dt.date]] = []  # (anchor start, its group, anchor end), sorted
    for report in dated:
        assert report.start is not None and report.end is not None
        # anchors came earlier in the order, so none is wider than this report: only those
        # starting in [start - window - width, end + window] can lie within the window
        width = report.end - report.start
        low = bisect.bisect_left(by_start, (report.start - window - width,))
        high = bisect.bisect_right(by_start, (report.end + window, len(groups)))
        fitting = [group for start, group, end in by_start[low:high]
                   if report.start - window <= end and start <= report.end + window]
        if fitting:
            groups[min(fitting)][1].append(report.mention_id)
        else:
            bisect.insort(by_start, (report.start, len(groups), report.end))
            groups.append((report.mention_id, [report.mention_id]))
    groups += [(mention_id, [mention_id]) for mention_id in undated]
    return [Cluster(_event_id(key, anchor), anchor, tuple(sorted(members))) for anchor, members in groups]


def _event_id(key: str, anchor: str) -> str:
    return hashlib.sha1(f"{key}|{anchor}".encode()).hexdigest()[:16]
