"""Reviewing stored events: a person's judgement of each, kept beside the coded events.

    item = next_for_review(store, EventFilter(factuality=("asserted",)))
    record_judgement(store, item.event.event_id, "wrong_actor", "ana", Correction(target="UKRGOV"))
    find_events(store, EventFilter(review="disputed"))         # events judged anything but right
    find_events(store, EventFilter(corrected=True))           # events with the corrections applied
    judged_reports(store)                                     # what calibration learns from (evaluate.py)

Judgements live in their own table (`judgements`, docs/store.md): an ingest or a new
deduplication rule never changes them, and they never change the coded events; queries apply
them only when asked (`corrected`). The latest judgement of an event is the one that counts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..errors import QueryError, StoreError
from ..actors.dictionary import ORGANISATION_COLUMNS, STATE_COLUMNS
from ..events.ontology import CameoCode, load_cameo
from ..records import Document
from ..vocabulary import actor_label, data_dir, read_tsv
from .judgements import CORRECTED_GROUPS, EVENT_JUDGEMENTS, JUDGEMENTS, LEFT_OUT, MENTION_JUDGEMENTS, RIGHT, WRONG
from .query import (EVENT_COLUMNS, FACTUALITIES, EventFilter, StoredEvent, StoredMention, anchor_mention,
                    entity_keys, event_condition, role_codes)
from .store import Store

MAX_REVIEWER_CHARS = 100
MAX_NOTE_CHARS = 2_000


@dataclass(frozen=True, slots=True)
class Correction:
    """What a reviewer says the event should have been; None where the coded value stands."""

    source: str | None = None  # an actor code: RUS, RUSGOV, NATO
    target: str | None = None
    cameo: str | None = None  # a CAMEO code of the ontology table
    factuality: str | None = None

    def given(self) -> bool:
        return any(value is not None for value in dataclasses.astuple(self))


@dataclass(frozen=True, slots=True)
class Judgement:
    event_id: str  # the event judged, under the id it had then
    mention_id: str  # the report the reviewer read
    judgement: str  # one of JUDGEMENTS
    reviewer: str
    judged_at: dt.datetime
    correction: Correction = Correction()
    note: str | None = None

    @property
    def right(self) -> bool:
        return self.judgement in RIGHT

    def to_dict(self) -> dict[str, Any]:
        return {"event_id": self.event_id, "mention_id": self.mention_id, "judgement": self.judgement,
                "reviewer": self.reviewer, "judged_at": self.judged_at.isoformat(timespec="seconds"),
                "correction": dataclasses.asdict(self.correction), "note": self.note}


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """An event to review: the event, the report a reviewer reads, and how many are left."""

    event: StoredEvent
    mention: StoredMention
    remaining: int  # unreviewed events matching the filter, this one included

    def to_dict(self) -> dict[str, Any]:
        return {"event": self.event.to_dict(), "mention": self.mention.to_dict(), "remaining": self.remaining}


@dataclass(frozen=True, slots=True)
class ReviewSummary:
    """How many of the store's events are reviewed, and what the reviews do to them."""

    events: int
    reviewed: int
    right: int  # judged correct or acceptable
    corrected: int  # judged wrong, with a correction: used corrected
    left_out: int  # judged not an event, or wrong with no correction: left out where corrections apply

    def to_dict(self) -> dict[str, int]:
        return dataclasses.asdict(self)

    def __str__(self) -> str:
        return (f"{self.reviewed} of {self.events} events reviewed ({self.right} right, {self.corrected} corrected, "
                f"{self.left_out} left out as not an event or wrong without a correction)")


@dataclass(frozen=True, slots=True)
class JudgedReport:
    """A report a reviewer judged, as calibration reads it: its document, where its trigger is,
    what the coder wrote, and the report's latest judgement."""

    document: Document
    trigger: tuple[int, int]  # character offsets into the document's text
    coded: tuple[str, str | None, str, str]  # source code, target code, CAMEO code, factuality
    judgement: str
    judged_at: dt.datetime

    @property
    def right(self) -> bool:
        return self.judgement in RIGHT


def record_judgement(store: Store, event_id: str, judgement: str, reviewer: str,
                     correction: Correction = Correction(), note: str | None = None,
                     now: dt.datetime | None = None) -> Judgement:
    """Check and store one judgement of a stored event. A correction goes only with a wrong_*
    judgement; wrong_direction with no actor given swaps source and target. Raises QueryError
    for an unknown event or value, StoreError for a store open read-only."""
    if store.read_only:
        raise StoreError(f"{store.path} is open read-only; judgements cannot be stored")
    if judgement not in JUDGEMENTS:
        raise QueryError(f"unknown judgement {judgement!r}; use {', '.join(JUDGEMENTS)}")
    reviewer = reviewer.strip()
    if not reviewer or len(reviewer) > MAX_REVIEWER_CHARS:
        raise QueryError(f"the reviewer's name must be 1 to {MAX_REVIEWER_CHARS} characters")
    if note is not None and len(note) > MAX_NOTE_CHARS:
        raise QueryError(f"the note is over {MAX_NOTE_CHARS:,} characters")
    if correction.given() and judgement not in WRONG:
        raise QueryError(f"a correction goes with {', '.join(WRONG)}, not with {judgement}")
    row = store.connection.execute("SELECT anchor, source_code, source_text, target_code, target_text FROM events "
                                   "WHERE event_id = ?", [event_id]).fetchone()
    if row is None:
        raise QueryError(f"no event with id {event_id!r}")
    mention_id, *sides = row
    coded = {"source": (sides[0], sides[1]), "target": (sides[2], sides[3])}  # code, text
    if judgement == "wrong_direction" and correction.source is None and correction.target is None:
        if coded["target"][0] is None:
            raise QueryError("this event has no target: its direction cannot be wrong; use wrong_actor")
        correction = dataclasses.replace(correction, source=coded["target"][0], target=coded["source"][0])
    values: dict[str, Any] = {}
    for side, code in (("source", correction.source), ("target", correction.target)):
        if code is not None:
            other = coded["target" if side == "source" else "source"]
            values.update(_actor_columns(store, side, code, other))
    if correction.cameo is not None:
        values.update(_cameo_columns(correction.cameo))
    if correction.factuality is not None:
        if correction.factuality not in FACTUALITIES:
            raise QueryError(f"unknown factuality {correction.factuality!r}; use {', '.join(FACTUALITIES)}")
        values["factuality"] = correction.factuality
    judged_at = now or dt.datetime.now()
    values.update(event_id=event_id, mention_id=mention_id, judgement=judgement, reviewer=reviewer,
                  note=note or None, judged_at=judged_at)
    store.connection.execute(f"INSERT INTO judgements ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
                             list(values.values()))
    stored = Correction(values.get("source_code"), values.get("target_code"), values.get("cameo"),
                        values.get("factuality"))
    return Judgement(event_id, mention_id, judgement, reviewer, judged_at, stored, note or None)


def event_judgements(store: Store, event_ids: list[str]) -> dict[str, Judgement]:
    """The current judgement of each of these events that has one, by the event's id now."""
    if not event_ids:
        return {}
    rows = store.connection.execute(
        f"SELECT event_id, judged_event_id, mention_id, judgement, reviewer, judged_at, source_code, target_code, "
        f"cameo, factuality, note FROM {EVENT_JUDGEMENTS} WHERE event_id IN (SELECT unnest(?))", [event_ids]).fetchall()
    return {row[0]: Judgement(*row[1:6], Correction(*row[6:10]), row[10]) for row in rows}


def next_for_review(store: Store, where: EventFilter, after: str | None = None) -> ReviewItem | None:
    """The next unreviewed event matching the filter, in a fixed random order (event ids are
    hashes), so that what a reviewer judges is a random sample of the events chosen; `after`
    skips to the events past that id. None when every such event is reviewed."""
    condition, params = event_condition(store, dataclasses.replace(where, review="unreviewed", corrected=False))
    remaining = store.connection.execute(f"SELECT count(*) FROM events WHERE {condition}", params).fetchone()
    later = " AND event_id > ?" if after is not None else ""
    row = store.connection.execute(
        f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE {condition}{later} ORDER BY event_id LIMIT 1",
        [*params, *([after] if after is not None else [])]).fetchone()
    if row is None:
        return None
    event = StoredEvent(*row)
    return ReviewItem(event, anchor_mention(store, event.event_id), int(remaining[0]) if remaining else 0)


def judged_reports(store: Store) -> list[JudgedReport]:
    """Every report a reviewer judged, with its latest judgement, document by document; the
    reports of one document share its record."""
    rows = store.connection.execute(f"""
        SELECT d.doc_key, d.id, d.text, d.title, d.date, m.trigger_start, m.trigger_end,
               m.source_code, m.target_code, m.cameo, m.factuality, j.judgement, j.judged_at
        FROM {MENTION_JUDGEMENTS} j JOIN mentions m ON m.mention_id = j.mention_id
        JOIN documents d ON d.doc_key = m.doc_key
        ORDER BY d.doc_key, m.trigger_start, m.mention_id""").fetchall()
    documents: dict[str, Document] = {}
    reports: list[JudgedReport] = []
    for doc_key, doc_id, text, title, day, start, end, source, target, cameo, factuality, judgement, at in rows:
        document = documents.setdefault(doc_key, Document(id=doc_id, text=text, title=title,
                                                          date=day.isoformat() if day else None))
        reports.append(JudgedReport(document, (start, end), (source, target, cameo, factuality), judgement, at))
    return reports


def review_summary(store: Store) -> ReviewSummary:
    corrected = " OR ".join(f"j.{first} IS NOT NULL" for first in CORRECTED_GROUPS)
    row = store.connection.execute(f"""
        SELECT (SELECT count(*) FROM events), count(*), count(*) FILTER (WHERE judgement IN (SELECT unnest(?))),
               count(*) FILTER (WHERE judgement NOT IN (SELECT unnest(?)) AND NOT {LEFT_OUT} AND ({corrected})),
               count(*) FILTER (WHERE {LEFT_OUT})
        FROM {EVENT_JUDGEMENTS} j""", [list(RIGHT), list(RIGHT)]).fetchone()
    assert row is not None
    return ReviewSummary(*(int(value) for value in row))


# --- the reviewer's choices ----------------------------------------------------------------
@cache
def cameo_codes() -> dict[str, CameoCode]:
    """The CAMEO table a correction's code is chosen from."""
    return load_cameo(data_dir() / "ontology" / "cameo.tsv")


@cache
def dictionary_actors() -> dict[str, str]:
    """Every state and organisation of the actor dictionary: key → name."""
    folder = data_dir() / "actors"
    return {row["key"]: row["name"] for file, columns in (("states.tsv", STATE_COLUMNS),
                                                          ("organisations.tsv", ORGANISATION_COLUMNS))
            for _, row in read_tsv(folder / file, columns)}


def actor_choices(store: Store) -> list[dict[str, str | None]]:
    """The actors a correction can name: every code the store has seen, then every entity of the
    dictionary, each with its readable name."""
    choices: dict[str, str | None] = {}
    for code, name, role in store.connection.execute("SELECT code, name, role FROM actors ORDER BY code").fetchall():
        choices[code] = actor_label(name, role)
    for key, name in sorted(dictionary_actors().items()):
        choices.setdefault(key, name)
    return [{"code": code, "name": name} for code, name in choices.items()]


def _actor_columns(store: Store, side: str, value: str, other: tuple[str | None, str | None]) -> dict[str, Any]:
    """The stored columns of a corrected actor: a code the store has seen, or a dictionary entity
    with role codes after it (RUSGOV). Its text is the other side's coded text when the code is
    the other side's (`other`: its code and text; a swap), else none."""
    code = value.strip().upper()
    row = store.connection.execute("SELECT key, role, name FROM actors WHERE code = ?", [code]).fetchone()
    if row is not None:
        key, role, name = row
    else:
        key = next((k for k in sorted(entity_keys(), key=len, reverse=True)
                    if code.startswith(k) and (code == k or code[len(k):] in role_codes())), None)
        if key is None:
            raise QueryError(f"unknown actor code {value!r} for the {side}: use a code the store has seen or a "
                             "dictionary key with role codes (RUS, RUSGOV, NATO)")
        role, name = code[len(key):] or None, dictionary_actors().get(key)
    return {f"{side}_key": key, f"{side}_role": role, f"{side}_code": code, f"{side}_name": name,
            f"{side}_text": other[1] if code == other[0] else None}


def _cameo_columns(value: str) -> dict[str, Any]:
    code = cameo_codes().get(value.strip())
    if code is None:
        raise QueryError(f"unknown CAMEO code {value!r}: use a code of the CAMEO table (e.g. 112, 1711)")
    return {"cameo": code.code, "cameo_root": code.root, "cameo_name": code.name, "goldstein": code.goldstein,
            "quad_class": code.quad_class, "plover_type": code.plover_type, "plover_mode": code.plover_mode}
