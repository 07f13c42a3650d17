"""The records that pass between detente's stages: plain frozen dataclasses."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .parse.bounds import DEFAULT_TIME_BUDGET
from .parse.pipeline import DEFAULT_PIPELINE


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_day(value: str) -> dt.date | None:
    """A calendar day written YYYY-MM-DD, or None for anything else ('2021-02-30', 'yesterday')."""
    if not _DAY.fullmatch(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Document:
    """One article: its text is what every span in its events points into."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # publication date, YYYY-MM-DD
    source: str | None = None
    url: str | None = None
    origin: str | None = None  # file (and line) the document came from

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Problem:
    """Why an input, or part of it, was skipped, or what is wrong with one that was read."""

    location: str  # file, or file:line
    reason: str
    skipped: bool = True  # False: the document was read and coded all the same (e.g. a bad date)

    def __str__(self) -> str:
        return f"{self.location}: {self.reason}"

    def report(self) -> str:
        """The line a person reads: whether the input was skipped or read with a caveat."""
        return f"{'skipped' if self.skipped else 'note:'} {self}"


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "span": [self.start, self.end]}


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor as coded: `key` is the state (ISO alpha-3) or organisation."""

    key: str
    role: str | None
    code: str  # CAMEO-style: state key + role (RUSGOV), or the organisation's key
    name: str
    text: str
    start: int
    end: int
    via: str = "name"  # name, adjective, seat, place, person, nominal, pronoun

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "role": self.role, "code": self.code, "name": self.name,
                "text": self.text, "span": [self.start, self.end]}


@dataclass(frozen=True, slots=True)
class Location:
    text: str
    name: str
    country: str | None
    latitude: float | None
    longitude: float | None
    precision: str  # city, region, country
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "country": self.country,
                "latitude": self.latitude, "longitude": self.longitude,
                "precision": self.precision, "span": [self.start, self.end]}


@dataclass(frozen=True, slots=True)
class EventDate:
    date: str | None  # YYYY-MM-DD, YYYY-MM or YYYY; None for undated background
    precision: str | None  # day, week, month, year
    text: str | None  # the words it came from; None when it is the publication date
    explicit: bool  # False when it defaulted to the publication date


@dataclass(frozen=True, slots=True)
class Event:
    doc_id: str
    event_id: str
    source: Actor
    target: Actor | None
    cameo: str
    cameo_name: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None
    factuality: str  # asserted, negated, hypothetical, future, alleged
    date: EventDate
    location: Location | None
    sentence: Span
    trigger: Span
    mentions: tuple[Span, ...]
    confidence: float
    rule: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "event_id": self.event_id,
            "source": self.source.to_dict(),
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "cameo_name": self.cameo_name,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "plover": {"type": self.plover_type, "mode": self.plover_mode},
            "factuality": self.factuality,
            "date": self.date.date,
            "date_precision": self.date.precision,
            "date_text": self.date.text,
            "location": self.location.to_dict() if self.location else None,
            "sentence": self.sentence.to_dict(),
            "trigger": self.trigger.to_dict(),
            "mentions": {"count": len(self.mentions), "spans": [[m.start, m.end] for m in self.mentions]},
            "confidence": self.confidence,
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class CodedDocument:
    document: Document
    events: list[Event]
    sentences: int
    parsed_sentences: int
    problem: Problem | None = None  # why the document was skipped (over the time budget)


@dataclass(frozen=True, slots=True)
class CoderSettings:
    """What a Coder was built from, so that another process can build the same one (here, not
    in coder.py: a process that only hands work to workers need not import the coder)."""

    pipeline: str = DEFAULT_PIPELINE
    data: Path | None = None
    prefilter: bool = True
    monadic: bool = False
    batch_size: int = 64
    time_budget: float | None = DEFAULT_TIME_BUDGET
    calibration: Path | None = None  # a fitted calibration file instead of the data folder's


@dataclass(slots=True)
class RunSummary:
    """What a batch did: the CLI prints it at the end of a run."""

    documents: int = 0
    sentences: int = 0
    parsed_sentences: int = 0
    events: int = 0
    problems: list[Problem] = field(default_factory=list)
