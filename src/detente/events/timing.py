"""Time expressions in a sentence, resolved against the publication date.

Deictic expressions ("this week", "earlier this month", "on Monday", "last year", "nine
years ago") are resolved against the publication date; years and month names are absolute;
background markers ("over the past decade", "has long", "following the end of the Cold
War") mark an event as background, undated. A period that has no date at a precision the
records hold ("in the 1990s", "several years ago") is kept with its words but undated.
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
CALENDAR_WORDS = frozenset(_MONTHS) | frozenset(_WEEKDAYS)  # "in March" is a date, never the town of March
_MONTH = (r"(january|february|march|april|may|june|july|august|september|october|november|december"
          r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?")
_YEAR = r"((?:19|20)\d\d)"
_ORDINAL = r"(?:st|nd|rd|th)?"

_COUNTS = {"a": 1, "an": 1, "one": 1, "a couple of": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
           "twenty": 20, "thirty": 30}
_VAGUE_COUNTS = ["a few", "few", "several", "some", "many"]  # and none at all: "years ago"
_COUNT = "|".join([r"\d{1,3}", *sorted([*_COUNTS, *_VAGUE_COUNTS], key=len, reverse=True)])

_BACKGROUND = re.compile(
    r"\b(over the (?:past|last) (?:few |several |two |three |\w+ )?(?:decades?|years|months)"
    r"|in the past(?! (?:\w+ )?(?:hours?|days?|weeks?)\b)"  # "in the past week" is news
    r"|for (?:years|decades|a long time)|has long|have long|had long|historically"
    r"|(?:following|after|since) the (?:end|fall|collapse) of the \w+(?: \w+)?"
    r"|(?:after|during|since) the cold war|in recent (?:years|decades)|for the past (?:\w+ )?(?:years|decades))\b",
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TimeExpression:
    start: int  # character offsets in the document
    end: int
    text: str
    date: str | None  # None for background and for periods too vague or too long to date
    precision: str | None  # day, week, month, year; None when undated
    background: bool
    ahead: bool = False  # after the publication day, known or not: "next week", "tomorrow"


def _iso_week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _shift_month(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _ago(count: str | None, unit: str, published: dt.date) -> tuple[str | None, str | None] | None:
    """(date, precision) of 'nine years ago'; undated when the amount is vague ('years ago'),
    except for days: 'a few days ago' is as near as the publication date it defaults to."""
    amount = int(count) if count and count.isdigit() else _COUNTS.get((count or "").lower())
    unit = unit.lower()
    if amount is None:
        return None if unit == "day" else (None, None)
    if unit == "day":
        return (published - dt.timedelta(days=amount)).isoformat(), "day"
    if unit == "week":
        return _iso_week_start(published - dt.timedelta(weeks=amount)).isoformat(), "week"
    if unit == "month":
        return _shift_month(published, -amount).strftime("%Y-%m"), "month"
    return str(published.year - amount * (10 if unit == "decade" else 1)), "year"


def _weekday(prefix: str | None, name: str, published: dt.date) -> tuple[str, str]:
    """News speaks of the past: 'on Monday' is the latest Monday up to the publication day,
    'last Friday' the one before the publication day, 'next Monday' the one after it."""
    weekday = _WEEKDAYS[name.lower()]
    prefix = (prefix or "").lower()
    if prefix == "next":
        return (published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)).isoformat(), "day"
    back = (published.weekday() - weekday) % 7
    if prefix == "last" and back == 0:
        back = 7
    return (published - dt.timedelta(days=back)).isoformat(), "day"


_HALF_SPANS = {"week": 3, "month": 15, "year": 182}  # days


def _deictic(phrase: str, published: dt.date) -> tuple[str, str] | None:
    """(date, precision) of a deictic phrase such as 'last week'."""
    words = phrase.lower().split()
    unit, which = words[-1], words[-2] if len(words) > 1 else ""
    if unit in {"today", "tonight"}:
        return published.isoformat(), "day"
    if unit == "yesterday":
        return (published - dt.timedelta(days=1)).isoformat(), "day"
    if unit == "tomorrow":
        return (published + dt.timedelta(days=1)).isoformat(), "day"
    offset = {"this": 0, "last": -1, "past": 0, "next": 1}.get(which)
    if offset is None or unit not in _HALF_SPANS:
        return None
    # "the past week" is the seven days up to the publication day: the week holding most of them
    day = published - dt.timedelta(days=_HALF_SPANS[unit]) if which == "past" else published
    if unit == "week":
        return (_iso_week_start(day) + dt.timedelta(weeks=offset)).isoformat(), "week"
    if unit == "month":
        return _shift_month(day, offset).strftime("%Y-%m"), "month"
    return str(day.year + offset), "year"


_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("deictic", re.compile(r"\b(?:(?:earlier|later) )?(?:this|last|past|next) (?:week|month|year)\b"
                           r"|\b(?:today|yesterday|tonight|tomorrow)\b", re.I)),
    ("ago", re.compile(rf"\b(?:({_COUNT}) )?(day|week|month|year|decade)s? ago\b", re.I)),
    ("decade", re.compile(r"(?<!\w)(?:(?:in|during|since|through|throughout|by) )?(?:the )?"
                          r"(?:(?:early|mid|late)[- ])?(?:(?:19|20)\d0'?s|'\d0s)\b", re.I)),
    ("day_month_year", re.compile(rf"\b(\d{{1,2}}){_ORDINAL} (?:of )?{_MONTH},? {_YEAR}\b", re.I)),
    ("month_day_year", re.compile(rf"\b{_MONTH} (\d{{1,2}}){_ORDINAL},? {_YEAR}\b", re.I)),
    ("month_day", re.compile(rf"\b{_MONTH} (\d{{1,2}}){_ORDINAL}\b(?!,? (?:19|20)\d\d)", re.I)),
    # "arrested on 28 August": the day first, as most of the world writes it
    ("day_month", re.compile(rf"\b(\d{{1,2}}){_ORDINAL} (?:of )?{_MONTH}(?!\w)(?!,? (?:19|20)\d\d)", re.I)),
    ("month_year", re.compile(rf"\b{_MONTH},? {_YEAR}\b", re.I)),
    ("weekday", re.compile(r"\b(?:(on|last|this|next) )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
                           re.I)),
    ("in_month", re.compile(rf"\b(?:in|since|during|early|late|mid-?) ?{_MONTH}\b(?! \d)", re.I)),
    ("year", re.compile(rf"\b(?:[Ii]n |[Ss]ince |[Dd]uring |[Bb]y )?(?:[Tt]he )?{_YEAR}\b(?!-\d)")),
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
            ahead = bool(_AHEAD.match(match.group(0)))
            resolved = _resolve(kind, match, published)
            if resolved is None and not (ahead and published is None):
                continue
            taken.append(match.span())
            date, precision = resolved or (None, None)  # "next week" of an undated story: ahead, undated
            found.append(TimeExpression(offset + match.start(), offset + match.end(), match.group(0),
                                        date, precision, False, ahead))
    return sorted(found, key=lambda t: t.start)


_AHEAD = re.compile(r"(?:later this|next) |tomorrow\b", re.I)  # a time after the publication day


def _resolve(kind: str, match: re.Match[str], published: dt.date | None) -> tuple[str | None, str | None] | None:
    """(date, precision) of a match, (None, None) for a period kept undated; None when the
    match is no time expression after all or needs the publication date it lacks."""
    groups = match.groups()
    if kind == "decade":  # no decade precision: kept undated rather than dated to one year
        return None, None
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
    if kind == "ago":
        return _ago(groups[0], groups[1], published)
    if kind in {"month_day", "day_month"}:
        month_word, day_digits = groups if kind == "month_day" else groups[::-1]
        if month_word.lower() == "may" and not month_word[0].isupper():
            return None  # "the 3 may leave": the verb
        month, day = _MONTHS[month_word.lower()], int(day_digits)
        year = published.year if (month, day) <= (published.month, published.day) else published.year - 1
        return _day(year, month, day)
    if kind == "in_month":
        month = _MONTHS[groups[0].lower()]
        if groups[0].lower() == "may" and match.group(0).lower() == "may":
            return None  # the verb, not the month
        year = published.year if month <= published.month else published.year - 1
        return f"{year:04d}-{month:02d}", "month"
    if kind == "weekday":
        return _weekday(groups[0], groups[1], published)
    return None


def _day(year: int, month: int, day: int) -> tuple[str, str] | None:
    try:
        return dt.date(year, month, day).isoformat(), "day"
    except ValueError:
        return None
