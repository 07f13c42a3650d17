"""Reading events back: filters, one event with its mentions, the most active actors.

Every filter value reaches SQL as a parameter; column names come only from this module.
Values are checked first, so a bad filter is a `QueryError` that names it.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import difflib
import json
import re
from dataclasses import dataclass, fields
from functools import cache
from typing import Any

from ..actors.dictionary import ORGANISATION_COLUMNS, REGION_COLUMNS, STATE_COLUMNS
from ..actors.dictionary import entity_kinds as dictionary_entity_kinds
from ..errors import QueryError
from ..events.ontology import load_plover_quads, load_role_codes
from ..read.bounded_json import load_json
from ..vocabulary import actor_label, data_dir, read_tsv
from .judgements import REVIEW_FILTERS, events_table, review_condition
from .store import Store

FACTUALITIES = ("asserted", "negated", "hypothetical", "future", "alleged")
# The one default of every command, API route and dashboard page: what the text reports as
# having happened. Every output names the factualities it counted.
DEFAULT_FACTUALITY = ("asserted",)


@dataclass(frozen=True, slots=True)
class EventFilter:
    actor: str | None = None  # either side: entity (RUS, NATO) or full code (RUSGOV)
    source: str | None = None
    target: str | None = None
    role: str | None = None  # either side's role (GOV, MIL, ...)
    cameo: str | None = None  # this code and the codes under it
    root: str | None = None  # two-digit CAMEO root
    plover: str | None = None
    quad_class: int | None = None
    factuality: tuple[str, ...] = ()  # empty: any
    since: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD, inclusive
    until: str | None = None
    outlet: str | None = None  # the news source of a reporting document
    dated: bool | None = None  # True: only events with a date; False: only undated ones; None: both
    min_confidence: float | None = None  # only events at least this likely to be right (0-1)
    review: str | None = None  # reviewed, disputed or unreviewed (REVIEW_FILTERS); None: any
    corrected: bool = False  # read the events with reviewers' corrections applied (store.judgements)


@dataclass(frozen=True, slots=True)
class StoredEvent:
    event_id: str
    source_key: str
    source_role: str | None
    source_code: str
    source_name: str | None
    source_text: str | None
    target_key: str | None
    target_role: str | None
    target_code: str | None
    target_name: str | None
    target_text: str | None
    cameo: str
    cameo_root: str
    cameo_name: str | None
    goldstein: float | None
    quad_class: int | None
    plover_type: str | None
    plover_mode: str | None
    factuality: str
    date: str | None
    date_precision: str | None
    date_text: str | None
    date_start: dt.date | None
    date_end: dt.date | None
    location_text: str | None
    location_name: str | None
    location_country: str | None
    latitude: float | None
    longitude: float | None
    location_precision: str | None
    sentence_text: str | None
    trigger_text: str | None
    confidence: float | None
    rule: str | None
    n_mentions: int
    n_documents: int
    n_sources: int
    first_reported: dt.date | None

    def to_dict(self) -> dict[str, Any]:
        def actor(side: str) -> dict[str, Any] | None:
            if getattr(self, f"{side}_key") is None:
                return None
            record = {name: getattr(self, f"{side}_{name}") for name in ("key", "role", "code", "name", "text")}
            return {**record, "label": actor_label(record["name"], record["role"])}
        location = None
        if self.location_text is not None:
            location = {"text": self.location_text, "name": self.location_name, "country": self.location_country,
                        "latitude": self.latitude, "longitude": self.longitude, "precision": self.location_precision}
        return {
            "event_id": self.event_id, "source": actor("source"), "target": actor("target"),
            "cameo": self.cameo, "cameo_name": self.cameo_name, "goldstein": self.goldstein,
            "quad_class": self.quad_class, "plover": {"type": self.plover_type, "mode": self.plover_mode},
            "factuality": self.factuality, "date": self.date, "date_precision": self.date_precision,
            "date_text": self.date_text, "location": location, "sentence": self.sentence_text,
            "trigger": self.trigger_text, "confidence": self.confidence, "rule": self.rule,
            "n_mentions": self.n_mentions, "n_documents": self.n_documents, "n_sources": self.n_sources,
            "first_reported": self.first_reported.isoformat() if self.first_reported else None,
        }


@dataclass(frozen=True, slots=True)
class StoredMention:
    mention_id: str
    doc_id: str
    doc_title: str | None
    doc_date: dt.date | None
    doc_source: str | None
    doc_url: str | None
    sentence_text: str
    sentence_start: int
    trigger_start: int
    trigger_end: int
    source_start: int
    source_end: int
    target_start: int | None
    target_end: int | None
    cameo: str
    factuality: str
    date: str | None

    def to_dict(self) -> dict[str, Any]:
        record = {f.name: getattr(self, f.name) for f in fields(self)}
        record["doc_date"] = self.doc_date.isoformat() if self.doc_date else None
        return record


@dataclass(frozen=True, slots=True)
class ActorCount:
    code: str
    key: str
    role: str | None
    name: str | None
    as_source: int
    as_target: int

    @property
    def events(self) -> int:
        return self.as_source + self.as_target


EVENT_COLUMNS = [f.name for f in fields(StoredEvent)]


def find_events(store: Store, where: EventFilter, limit: int | None = 100, offset: int = 0,
                after: str | None = None) -> list[StoredEvent]:
    """Events matching the filter, newest first (undated last), then by id; `after` is a
    cursor from `event_cursor` of the last event of the previous page."""
    condition, params = event_condition(store, where)
    if after is not None:
        day, event_id = parse_cursor(after)
        if day is None:
            condition += " AND date_start IS NULL AND event_id > ?"
            params += [event_id]
        else:
            condition += " AND (date_start < ? OR (date_start = ? AND event_id > ?) OR date_start IS NULL)"
            params += [day, day, event_id]
    sql = (f"SELECT {', '.join(EVENT_COLUMNS)} FROM {events_table(where.corrected)} WHERE {condition} "
           "ORDER BY date_start DESC NULLS LAST, event_id")
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return [StoredEvent(*row) for row in store.connection.execute(sql, params).fetchall()]


def count_events(store: Store, where: EventFilter) -> int:
    """How many events match the filter: the total beside any page or series of them."""
    condition, params = event_condition(store, where)
    row = store.connection.execute(f"SELECT count(*) FROM {events_table(where.corrected)} WHERE {condition}",
                                   params).fetchone()
    return int(row[0]) if row else 0


def event_cursor(event: StoredEvent) -> str:
    """An opaque page cursor: where `event` sits in the events' order."""
    position = json.dumps([event.date_start.isoformat() if event.date_start else None, event.event_id])
    return base64.urlsafe_b64encode(position.encode()).decode().rstrip("=")


MAX_CURSOR_CHARS = 400  # a cursor holds a date and an event id


def parse_cursor(cursor: str) -> tuple[dt.date | None, str]:
    """The position a cursor of `event_cursor` holds; a cursor of another size or shape is refused
    before it is decoded any further than one flat JSON array."""
    try:
        if len(cursor) > MAX_CURSOR_CHARS:
            raise ValueError("too long")
        day, event_id = load_json(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode(), max_depth=1)
        if not isinstance(event_id, str) or not event_id.isascii() or not (day is None or isinstance(day, str)):
            raise ValueError("not a cursor")
        return (dt.date.fromisoformat(day) if day else None), event_id
    except (ValueError, TypeError, binascii.Error) as err:  # UnicodeDecodeError and JSONDepthError included
        raise QueryError(f"malformed cursor {cursor[:40]!r}: use the next_cursor of a previous page") from err


_MENTION_SELECT = (
    "SELECT m.mention_id, d.id, d.title, d.date, d.source, d.url, m.sentence_text, m.sentence_start, "
    "m.trigger_start, m.trigger_end, m.source_start, m.source_end, m.target_start, m.target_end, "
    "m.cameo, m.factuality, m.date FROM mentions m JOIN documents d ON d.doc_key = m.doc_key")


def get_event(store: Store, event_id: str) -> tuple[StoredEvent, list[StoredMention]]:
    row = store.connection.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE event_id = ?",
                                   [event_id]).fetchone()
    if row is None:
        raise QueryError(f"no event with id {event_id!r}")
    rows = store.connection.execute(f"{_MENTION_SELECT} WHERE m.event_id = ? ORDER BY d.date, d.id, m.sentence_start",
                                    [event_id]).fetchall()
    return StoredEvent(*row), [StoredMention(*r) for r in rows]


def anchor_mention(store: Store, event_id: str) -> StoredMention:
    """The report an event takes its fields from: the sentence a reviewer reads."""
    row = store.connection.execute(f"{_MENTION_SELECT} WHERE m.mention_id = (SELECT anchor FROM events "
                                   "WHERE event_id = ?)", [event_id]).fetchone()
    if row is None:
        raise QueryError(f"no event with id {event_id!r}")
    return StoredMention(*row)


def top_actors(store: Store, limit: int = 20, entity: bool = False,
               factuality: tuple[str, ...] = DEFAULT_FACTUALITY) -> list[ActorCount]:
    """Actors by the number of deduplicated events of these factualities they take part in
    (dated or not); by entity if asked. `name` tells roles apart ("United States military")."""
    side = "key" if entity else "code"
    rows = store.connection.execute(f"""
        WITH chosen AS (SELECT * FROM events WHERE factuality IN (SELECT unnest(?))),
        sides AS (
            SELECT source_{side} AS actor, 1 AS s, 0 AS t FROM chosen
            UNION ALL SELECT target_{side}, 0, 1 FROM chosen WHERE target_{side} IS NOT NULL)
        SELECT actor, sum(s), sum(t) FROM sides GROUP BY actor ORDER BY sum(s) + sum(t) DESC, actor LIMIT ?""",
        [list(check_factualities(factuality)), limit]).fetchall()
    known = store.connection.execute("SELECT code, key, role, name FROM actors "
                                     "ORDER BY role NULLS FIRST, code").fetchall()
    Named = tuple[str, str | None, str | None]  # key, role, name
    by_code: dict[str, Named] = {code: (key, role, name) for code, key, role, name in known}
    by_entity: dict[str, Named] = {}
    for _, key, _, name in known:  # an entity's name is that of its code with no role, if any
        by_entity.setdefault(key, (key, None, name))
    found = by_entity if entity else by_code
    result = []
    for actor, as_source, as_target in rows:
        key, role, name = found.get(actor, (actor, None, None))
        result.append(ActorCount(actor, key, role, actor_label(name, role), int(as_source), int(as_target)))
    return result


def actor_names(store: Store, codes: list[str]) -> dict[str, str]:
    """A readable name for each actor code or entity key the store has seen."""
    rows = store.connection.execute(
        "SELECT code, key, role, name FROM actors WHERE code IN (SELECT unnest(?)) OR key IN (SELECT unnest(?)) "
        "ORDER BY role NULLS FIRST, code", [codes, codes]).fetchall()
    names: dict[str, str] = {}
    for code, key, role, name in rows:
        if code in codes:
            names[code] = actor_label(name, role) or code
        if key in codes:
            names.setdefault(key, name or key)
    return names


def across(side: str, table: str = "") -> str:
    """SQL: the two sides differ. Views of dyads (network, escalations, chains) leave out an
    actor acting on itself: by entity, TURSEP → TURCOP is TUR → TUR and left out; by full
    code (`--by-code`) it is kept."""
    prefix = f"{table}." if table else ""
    return f"{prefix}target_{side} IS NOT NULL AND {prefix}source_{side} <> {prefix}target_{side}"


# --- filters ------------------------------------------------------------------------
def event_condition(store: Store, where: EventFilter, table: str = "") -> tuple[str, list[Any]]:
    """A SQL condition on the events table and its parameters; raises QueryError on bad values."""
    prefix = f"{table}." if table else ""
    clauses: list[str] = []
    params: list[Any] = []

    def add(clause: str, *values: Any) -> None:
        clauses.append(clause)
        params.extend(values)

    if where.actor:
        column, actor = actor_argument(store, where.actor)
        add(f"({prefix}source_{column} = ? OR {prefix}target_{column} = ?)", actor, actor)
    for side, value in (("source", where.source), ("target", where.target)):
        if value:
            column, actor = actor_argument(store, value)
            add(f"{prefix}{side}_{column} = ?", actor)
    if where.role:
        role = where.role.upper()
        if role not in role_codes():
            raise QueryError(f"unknown role {where.role!r}; roles are CAMEO codes such as GOV, MIL, REB")
        add(f"({prefix}source_role = ? OR {prefix}target_role = ?)", role, role)
    if where.cameo:
        if not re.fullmatch(r"\d{2,4}", where.cameo):
            raise QueryError(f"CAMEO code {where.cameo!r} is not 2 to 4 digits")
        add(f"starts_with({prefix}cameo, ?)", where.cameo)
    if where.root:
        if not re.fullmatch(r"\d{1,2}", where.root):
            raise QueryError(f"CAMEO root {where.root!r} is not 01 to 20")
        add(f"{prefix}cameo_root = ?", where.root.zfill(2))
    if where.plover:
        if where.plover.upper() not in plover_types():
            raise QueryError(f"unknown PLOVER type {where.plover!r}; use one of {', '.join(sorted(plover_types()))}")
        add(f"{prefix}plover_type = ?", where.plover.upper())
    if where.quad_class is not None:
        if where.quad_class not in (1, 2, 3, 4):
            raise QueryError(f"quad class {where.quad_class} is not 1, 2, 3 or 4")
        add(f"{prefix}quad_class = ?", where.quad_class)
    if where.factuality:
        add(f"{prefix}factuality IN (SELECT unnest(?))", list(check_factualities(where.factuality)))
    if where.since:
        add(f"{prefix}date_end >= ?", parse_day(where.since))
    if where.until:
        add(f"{prefix}date_start <= ?", parse_day(where.until, end=True))
    if where.dated is not None:
        add(f"{prefix}date_start IS {'NOT ' if where.dated else ''}NULL")
    if where.min_confidence is not None:
        add(f"{prefix}confidence >= ?", check_confidence(where.min_confidence))
    if where.review is not None:
        if where.review not in REVIEW_FILTERS:
            raise QueryError(f"unknown review filter {where.review!r}; use {', '.join(REVIEW_FILTERS)}")
        add(review_condition(where.review, prefix))
    if where.outlet:
        add(f"{prefix}event_id IN (SELECT m.event_id FROM mentions m JOIN documents d ON d.doc_key = m.doc_key "
            "WHERE d.source = ?)", where.outlet)
    return (" AND ".join(clauses) or "TRUE"), params


def check_confidence(value: float) -> float:
    """A minimum confidence: a probability, 0 to 1."""
    if not 0.0 <= value <= 1.0:
        raise QueryError(f"minimum confidence {value!r} is not between 0 and 1")
    return value


def parse_factualities(value: str) -> tuple[str, ...]:
    """'asserted,alleged' as a tuple; 'all' for every factuality. Checked when queried."""
    if value.strip() == "all":
        return FACTUALITIES
    return tuple(part.strip() for part in value.split(",") if part.strip())


def check_factualities(values: tuple[str, ...]) -> tuple[str, ...]:
    unknown = [v for v in values if v not in FACTUALITIES]
    if unknown:
        raise QueryError(f"unknown factuality {unknown[0]!r}; use {', '.join(FACTUALITIES)}")
    return values


def parse_day(value: str, end: bool = False) -> dt.date:
    """YYYY, YYYY-MM or YYYY-MM-DD as its first day, or its last if `end`."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value.strip())
    if match is None or (match.group(3) and not match.group(2)):
        raise QueryError(f"malformed date {value!r}; use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    try:
        if month is None:
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        if day is None:
            first = dt.date(year, month, 1)
            if not end:
                return first
            return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return dt.date(year, month, day)
    except ValueError as err:
        raise QueryError(f"malformed date {value!r}: {err}") from err


def actor_argument(store: Store, value: str) -> tuple[str, str]:
    """A user's actor (any case; a code such as RUSGOV, a key such as RUS, or a name such as
    Russia) as (column, canonical value): column 'key' for an entity, 'code' for a full code.
    An unknown actor is a QueryError that suggests the closest codes."""
    text = value.strip()
    upper = text.upper()
    if upper in entity_keys() or _stored(store, "key", upper):
        return "key", upper
    if _stored(store, "code", upper):
        return "code", upper
    for key in sorted(entity_keys(), key=len, reverse=True):
        if upper.startswith(key) and upper[len(key):] in role_codes():
            return "code", upper
    named = entity_names().get(text.lower())
    if named is not None:
        return "key", named
    choices = {**{k: k for k in entity_keys()}, **{name: key for name, key in entity_names().items()}}
    close = difflib.get_close_matches(text.lower(), [c.lower() for c in choices], n=6, cutoff=0.6)
    lowered = {c.lower(): key for c, key in choices.items()}
    suggested = list(dict.fromkeys(lowered[c] for c in close))[:3]
    hint = f"; did you mean {', '.join(suggested)}?" if suggested else ""
    raise QueryError(f"unknown actor {value!r}: not a state or organisation key (RUS, NATO), a key followed "
                     f"by role codes (RUSGOV) nor a name (Russia){hint}")


def actor_column(store: Store, value: str) -> str:
    """'key' when the value names an entity (RUS, NATO), 'code' when a full code (RUSGOV)."""
    return actor_argument(store, value)[0]


@cache
def entity_names() -> dict[str, str]:
    """Lower-cased names and aliases of the dictionary's states, organisations and regions → key."""
    folder = data_dir() / "actors"
    names: dict[str, str] = {}
    for file, columns in (("states.tsv", STATE_COLUMNS), ("organisations.tsv", ORGANISATION_COLUMNS)):
        for _, row in read_tsv(folder / file, columns):
            for name in [row["name"], *(row.get("aliases") or "").split("|")]:
                if name.strip():
                    names.setdefault(name.strip().lower(), row["key"])
    for _, row in read_tsv(folder / "regions.tsv", REGION_COLUMNS):
        if row["key"]:
            names.setdefault(row["region"].lower(), row["key"])
    return names


def _stored(store: Store, column: str, value: str) -> bool:
    return store.connection.execute(f"SELECT 1 FROM actors WHERE {column} = ? LIMIT 1", [value]).fetchone() is not None


@cache
def entity_kinds() -> dict[str, str]:
    """Kind of every state and organisation in the actor dictionary, by key."""
    return dictionary_entity_kinds(data_dir() / "actors")


def entity_keys() -> frozenset[str]:
    return frozenset(entity_kinds())


@cache
def plover_quads() -> dict[str, int]:
    """PLOVER event type → its quad class."""
    return load_plover_quads(data_dir() / "ontology" / "plover_types.tsv")


def plover_types() -> frozenset[str]:
    return frozenset(plover_quads())


@cache
def role_codes() -> frozenset[str]:
    codes = load_role_codes(data_dir() / "ontology" / "roles.tsv")
    # a full code may stack roles (USAGOVMIL): accept any run of known three-letter codes
    return frozenset(codes | {a + b for a in codes for b in codes if len(a) == len(b) == 3})
