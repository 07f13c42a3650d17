"""Time expressions in a sentence, resolved against the publication date.

Deictic expressions ("this week", "earlier this month", "on Monday", "last year") are
resolved against the publication date; years and month names are absolute; background
markers ("over the past decade", "has long", "following the end of the Cold War") mark
an event as background, dated to the period named when it is a year, else undated.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_MONTH = (r"(january|february|march|april|may|june|july|august|september|october|november|december"
          r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?")
_YEAR = r"((?:19|20)\d\d)"

_BACKGROUND = re.compile(
    r"\b(over the (?:past|last) (?:few |several |two |three |\w+ )?(?:decades?|years|months)"
    r"|in the past|for (?:years|decades|a long time)|has long|have long|had long|historically"
    r"|(?:following|after|since) the (?:end|fall|collapse) of the \w+(?: \w+)?"
    r"|(?:after|during|since) the cold war|in recent (?:years|decades)|for the past (?:\w+ )?(?:years|decades))\b",
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TimeExpression:
    start: int  # character offsets in the document
    end: int
    text: str
    date: str | None
    precision: str | None  # day, week, month, year; None for undated background
    background: bool


def _iso_week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _shift_month(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _deictic(phrase: str, published: dt.date) -> tuple[str, str] | None:
    """(date, precision) of a deictic phrase such as 'last week'."""
    words = phrase.lower().split()
    unit, which = words[-1], words[-2] if len(words) > 1 else ""
    if unit in {"today", "tonight"}:
        return published.isoformat(), "day"
    if unit == "yesterday":
        return (published - dt.timedelta(days=1)).isoformat(), "day"
    offset = {"this": 0, "last": -1, "past": -1, "next": 1}.get(which)
    if offset is None:
        return None
    if unit == "week":
        return (_iso_week_start(published) + dt.timedelta(weeks=offset)).isoformat(), "week"
    if unit == "month":
        return _shift_month(published, offset).strftime("%Y-%m"), "month"
    if unit == "year":
        return str(published.year + offset), "year"
    return None


_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("deictic", re.compile(r"\b(?:(?:earlier|later) )?(?:this|last|past|next) (?:week|month|year)\b"
                           r"|\b(?:today|yesterday|tonight)\b", re.I)),
    ("day_month_year", re.compile(rf"\b(\d{{1,2}}) {_MONTH},? {_YEAR}\b", re.I)),
    ("month_day_year", re.compile(rf"\b{_MONTH} (\d{{1,2}}),? {_YEAR}\b", re.I)),
    ("month_day", re.compile(rf"\b{_MONTH} (\d{{1,2}})\b(?!,? (?:19|20)\d\d)", re.I)),
    ("month_year", re.compile(rf"\b{_MONTH},? {_YEAR}\b", re.I)),
    ("weekday", re.compile(r"\b(?:on |last |this )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
                           re.I)),
    ("in_month", re.compile(rf"\b(?:in|since|during|early|late|mid-?) ?{_MONTH}\b(?! \d)", re.I)),
    ("year", re.compile(rf"\b(?:in |since |during |by )?(?:the )?{_YEAR}\b(?!-\d)")),
]


def find_times(text: str, offset: int, published: dt.date | None) -> list[TimeExpression]:
    """Time expressions in a sentence `text` that starts at `offset` in its document."""
    found: list[TimeExpression] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for match in _BACKGROUND.finditer(text):
        taken.append(match.span())
        found.append(TimeExpression(offset + match.start(), offset + match.end(), match.group(0),
                                    None, None, True))
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if not free(*match.span()):
                continue
            resolved = _resolve(kind, match, published)
            if resolved is None:
                continue
            taken.append(match.span())
            found.append(TimeExpression(offset + match.start(), offset + match.end(), match.group(0),
                                        resolved[0], resolved[1], False))
    return sorted(found, key=lambda t: t.start)


def _resolve(kind: str, match: re.Match[str], published: dt.date | None) -> tuple[str, str] | None:
    groups = match.groups()
    if kind == "year":
        return groups[0], "year"
    if kind == "day_month_year":
        return _day(int(groups[2]), _MONTHS[groups[1].lower()], int(groups[0]))
    if kind == "month_day_year":
        return _day(int(groups[2]), _MONTHS[groups[0].lower()], int(groups[1]))
    if kind == "month_year":
        return f"{int(groups[1]):04d}-{_MONTHS[groups[0].lower()]:02d}", "month"
    if published is None:
        return None
    if kind == "deictic":
        return _deictic(match.group(0), published)
    if kind == "month_day":
        month, day = _MONTHS[groups[0].lower()], int(groups[1])
        year = published.year if (month, day) <= (published.month, published.day) else published.year - 1
        return _day(year, month, day)
    if kind == "in_month":
        month = _MONTHS[groups[0].lower()]
        if groups[0].lower() == "may" and match.group(0).lower() == "may":
            return None  # the verb, not the month
        year = published.year if month <= published.month else published.year - 1
        return f"{year:04d}-{month:02d}", "month"
    if kind == "weekday":
        weekday = _WEEKDAYS[groups[0].lower()]
        back = (published.weekday() - weekday) % 7
        return (published - dt.timedelta(days=back)).isoformat(), "day"
    return None


def _day(year: int, month: int, day: int) -> tuple[str, str] | None:
    try:
        return dt.date(year, month, day).isoformat(), "day"
    except ValueError:
        return None
