"""Response chains: events that answer an earlier event of the reversed dyad.

Two kinds of link, each from a response to the event it answers:
* `text`: the response's sentence ties it to its cause with a cue from
  data/events/response_cues.tsv ("in retaliation for", "in response to"). The cause is
  the event whose trigger follows the cue in that sentence; if none was coded there, the
  latest earlier event of the reversed dyad within the window.
* `window`: otherwise, the latest event of the reversed dyad dated before the response and
  within the window (B→A on day t answers A→B on day t - k, 0 < k <= window).
Links join into chains: A→B, then B→A, then A→B again, ordered by date. An undated event
can be linked only by text, never by time; `undated_in_scope` counts those events so
outputs can say so. Only events of the factualities asked for take part, and with
`min_confidence` only those at least that likely to be right.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..store import Store
from ..store.query import (DEFAULT_FACTUALITY, EVENT_COLUMNS, StoredEvent, across, actor_argument,
                           check_confidence, check_factualities, parse_day)
from ..vocabulary import data_dir, read_tsv


@dataclass(frozen=True, slots=True)
class ResponseLink:
    cause: str  # event ids
    response: str
    kind: str  # text or window
    lag_days: int | None


@dataclass(frozen=True, slots=True)
class Chain:
    events: list[StoredEvent]  # in date order
    links: list[ResponseLink]

    def to_dict(self) -> dict[str, Any]:
        return {"events": [e.to_dict() for e in self.events],
                "links": [{"cause": link.cause, "response": link.response, "kind": link.kind,
                           "lag_days": link.lag_days} for link in self.links]}


@cache
def response_cues() -> tuple[str, ...]:
    rows = read_tsv(data_dir() / "events" / "response_cues.tsv", ["phrase"])
    return tuple(sorted({row["phrase"].lower() for _, row in rows if row["phrase"]}, key=len, reverse=True))


def find_chains(store: Store, window_days: int = 30, actor: str | None = None, since: str | None = None,
                until: str | None = None, factuality: tuple[str, ...] = DEFAULT_FACTUALITY,
                min_events: int = 2, conflict_only: bool = False, min_confidence: float | None = None) -> list[Chain]:
    """Chains of at least `min_events`; `conflict_only` keeps conflictual events (retaliation)."""
    check_factualities(factuality)
    scope, params = _scope(store, actor, since, until, factuality, conflict_only, min_confidence)
    links = {link.response: link for link in _window_links(store, window_days, scope, params)}
    links.update({link.response: link for link in _text_links(store, window_days, scope, params)})
    chains = _components(list(links.values()))
    ids = sorted({i for chain in chains for i in chain})
    events = {e.event_id: e for e in _events(store, ids)}
    result = []
    for members in chains:
        ordered = sorted((events[i] for i in members if i in events),
                         key=lambda e: (e.date_start or dt.date.min, e.event_id))
        if len(ordered) >= min_events:
            result.append(Chain(ordered, sorted((links[i] for i in members if i in links),
                                                key=lambda link: link.response)))
    result.sort(key=lambda c: (c.events[0].date_start or dt.date.min, c.events[0].event_id))
    return result


def undated_in_scope(store: Store, actor: str | None = None, factuality: tuple[str, ...] = DEFAULT_FACTUALITY,
                     conflict_only: bool = False, min_confidence: float | None = None) -> int:
    """Events chains could hold but for their missing date: no window can link them."""
    check_factualities(factuality)
    scope, params = _scope(store, actor, None, None, factuality, conflict_only, min_confidence)
    row = store.connection.execute(
        f"SELECT count(*) FROM events e WHERE {scope.format(t='e')} AND {across('key', 'e')} "
        "AND e.date_start IS NULL", params).fetchone()
    return int(row[0]) if row else 0


def _scope(store: Store, actor: str | None, since: str | None, until: str | None,
           factuality: tuple[str, ...], conflict_only: bool, min_confidence: float | None) -> tuple[str, list[Any]]:
    """A condition on events `{t}` (a table alias placeholder) and its parameters."""
    condition = "{t}.factuality IN (SELECT unnest(?)) AND {t}.target_key IS NOT NULL"
    params: list[Any] = [list(factuality)]
    if conflict_only:
        condition += " AND {t}.quad_class IN (3, 4)"
    if actor:
        column, actor = actor_argument(store, actor)
        condition += f" AND ({{t}}.source_{column} = ? OR {{t}}.target_{column} = ?)"
        params += [actor, actor]
    if since:
        condition += " AND {t}.date_start >= ?"
        params.append(parse_day(since))
    if until:
        condition += " AND {t}.date_start <= ?"
        params.append(parse_day(until, end=True))
    if min_confidence is not None:
        condition += " AND {t}.confidence >= ?"
        params.append(check_confidence(min_confidence))
    return condition, params


def _window_links(store: Store, window_days: int, scope: str, params: list[Any]) -> list[ResponseLink]:
    rows = store.connection.execute(f"""
        SELECT r.event_id, c.event_id, date_diff('day', c.date_start, r.date_start)
        FROM events r JOIN events c
          ON c.source_key = r.target_key AND c.target_key = r.source_key AND c.source_key <> c.target_key
         AND c.date_start < r.date_start AND c.date_start >= r.date_start - ?::INTEGER
        WHERE {scope.format(t='r')} AND {scope.format(t='c')}
        QUALIFY row_number() OVER (PARTITION BY r.event_id ORDER BY c.date_start DESC, c.event_id) = 1""",
        [window_days, *params, *params]).fetchall()
    return [ResponseLink(cause, response, "window", int(lag)) for response, cause, lag in rows]


def _text_links(store: Store, window_days: int, scope: str, params: list[Any]) -> list[ResponseLink]:
    pattern = "|".join(re.escape(cue) for cue in response_cues())
    rows = store.connection.execute(f"""
        SELECT m.doc_key, m.sentence_start, lower(m.sentence_text), m.trigger_start, m.event_id,
               m.source_key, m.target_key, e.date_start
        FROM mentions m JOIN events e ON e.event_id = m.event_id
        WHERE (m.doc_key, m.sentence_start) IN (
            SELECT (doc_key, sentence_start) FROM mentions WHERE regexp_matches(lower(sentence_text), ?))
          AND {scope.format(t='e')}
        ORDER BY m.doc_key, m.sentence_start, m.trigger_start""", [pattern, *params]).fetchall()
    sentences: dict[tuple[str, int], list[tuple[Any, ...]]] = {}
    for row in rows:
        sentences.setdefault((row[0], row[1]), []).append(row)
    links = []
    for (_, sentence_start), members in sentences.items():
        text = members[0][2]
        match = re.search(pattern, text)
        if match is None:
            continue
        cue_end = sentence_start + match.end()
        cause = next((m for m in members if m[3] >= cue_end), None)
        for _, _, _, trigger, event_id, source, target, day in members:
            if cause is not None and event_id != cause[4] and (source, target) == (cause[6], cause[5]):
                lag = (day - cause[7]).days if day and cause[7] else None
                links.append(ResponseLink(cause[4], event_id, "text", lag))
            elif cause is None or (trigger < cue_end and (source, target) != (cause[6], cause[5])):
                earlier = _latest_reversed(store, source, target, day, window_days, scope, params)
                if earlier is not None:
                    links.append(ResponseLink(earlier[0], event_id, "text", earlier[1]))
    return links


def _latest_reversed(store: Store, source: str, target: str, day: dt.date, window_days: int,
                     scope: str, params: list[Any]) -> tuple[str, int] | None:
    row = store.connection.execute(
        f"SELECT e.event_id, date_diff('day', e.date_start, ?::DATE) FROM events e "
        "WHERE e.source_key = ? AND e.target_key = ? AND e.source_key <> e.target_key "
        "AND e.date_start <= ? AND e.date_start >= ?::DATE - ?::INTEGER "
        f"AND {scope.format(t='e')} ORDER BY e.date_start DESC, e.event_id LIMIT 1",
        [day, target, source, day, day, window_days, *params]).fetchone()
    return (str(row[0]), int(row[1])) if row else None


def _components(links: list[ResponseLink]) -> list[set[str]]:
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for link in links:
        a, b = root(link.cause), root(link.response)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[str, set[str]] = {}
    for node in list(parent):
        groups.setdefault(root(node), set()).add(node)
    return list(groups.values())


def _events(store: Store, ids: list[str]) -> list[StoredEvent]:
    if not ids:
        return []
    rows = store.connection.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events "
                                    "WHERE event_id IN (SELECT unnest(?))", [ids]).fetchall()
    return [StoredEvent(*row) for row in rows]
