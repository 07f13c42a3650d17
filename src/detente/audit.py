"""Blind audits: a reproducible random sample of coded events for a person to judge, and the
score of the judged sample (docs/audits/README.md describes the file).

    items = sample_items(coded_items(records, where), n=150, seed=7)   # or stored_items(store, where)
    write_items(items, path)          # a judge fills in `judgement` and `reason`
    score = score_items(read_items(path))
    print(score.right, score.judged, score.interval)

Each line of an audit file holds what a judge sees (the sentence and the coded event, with
actor names) and the judge's `judgement` and one-line `reason`.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from .errors import QueryError, ReadError
from .store import Store
from .store.judgements import JUDGEMENTS, RIGHT
from .store.query import EventFilter, StoredEvent, find_events, parse_day

CODED_FIELDS = {"event_id", "sentence", "source", "target", "cameo", "cameo_name", "factuality", "date", "trigger"}
Z_95 = 1.959964


@dataclass(frozen=True, slots=True)
class AuditItem:
    """One line of an audit file: the coded event as a judge sees it, and the judgement."""

    event_id: str
    sentence: str
    source: str  # "RUSGOV (Russia; text: 'the Kremlin')"
    cameo: str  # "161 Reduce or break diplomatic relations"
    target: str  # as source, or "-"
    factuality: str
    date: str | None
    trigger: str
    date_text: str | None = None  # the words that date it, or mark it as earlier ('previously')
    judgement: str = ""  # one of JUDGEMENTS; empty until judged
    reason: str = ""

    @property
    def root(self) -> str:
        return self.cameo[:2]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """Which events a sample is drawn from: --since, --root, --actor and the factualities."""

    since: str | None = None
    root: str | None = None
    actor: str | None = None
    factuality: tuple[str, ...] = ("asserted",)


def _actor_text(code: str | None, name: str | None, text: str | None) -> str:
    if code is None:
        return "-"
    return f"{code} ({name}; text: {text!r})"


def coded_item(record: dict[str, Any]) -> AuditItem:
    """An audit line from one record of `detente code --format jsonl`."""
    def actor(side: dict[str, Any] | None) -> str:
        return "-" if side is None else _actor_text(side["code"], side["name"], side["text"])
    return AuditItem(record["event_id"], record["sentence"]["text"], actor(record["source"]),
                     f"{record['cameo']} {record['cameo_name']}", actor(record["target"]), record["factuality"],
                     record["date"], record["trigger"]["text"], record.get("date_text"))


def stored_item(event: StoredEvent) -> AuditItem:
    """An audit line from a stored event (its record mention's sentence and trigger)."""
    return AuditItem(event.event_id, event.sentence_text or "",
                     _actor_text(event.source_code, event.source_name, event.source_text),
                     f"{event.cameo} {event.cameo_name or ''}".rstrip(),
                     _actor_text(event.target_code, event.target_name, event.target_text),
                     event.factuality, event.date, event.trigger_text or "", event.date_text)


def coded_items(records: Iterable[dict[str, Any]], where: AuditFilter) -> list[AuditItem]:
    """The records of `detente code` output that pass the filter, in file order."""
    since = parse_day(where.since) if where.since else None
    root = _root(where.root)
    actor = where.actor.strip().upper() if where.actor else None
    kept = []
    for record in records:
        if record["factuality"] not in where.factuality or (root and record["cameo"][:2] != root):
            continue
        if since is not None and (record["date"] is None or parse_day(record["date"], end=True) < since):
            continue
        sides = [s for s in (record["source"], record["target"]) if s is not None]
        if actor and not any(actor in (s["key"], s["code"]) for s in sides):
            continue
        kept.append(coded_item(record))
    return kept


def stored_items(store: Store, where: AuditFilter) -> list[AuditItem]:
    """The store's events that pass the filter, in the store's order (newest first, then id)."""
    found = find_events(store, EventFilter(actor=where.actor, root=_root(where.root), since=where.since,
                                           factuality=where.factuality), limit=None)
    return [stored_item(e) for e in found]


def _root(value: str | None) -> str | None:
    if not value:
        return None
    if not value.isdigit() or not 1 <= int(value) <= 20:
        raise QueryError(f"CAMEO root {value!r} is not 01 to 20")
    return value.zfill(2)


def sample_items(items: list[AuditItem], n: int, seed: int) -> list[AuditItem]:
    """`n` items drawn uniformly without replacement (all of them if fewer); the same items
    and seed always give the same sample."""
    return random.Random(seed).sample(items, min(n, len(items)))


def read_coded(path: Path) -> Iterator[dict[str, Any]]:
    """The records of a `detente code --format jsonl` file."""
    for number, line in _lines(path):
        try:
            record = json.loads(line)
        except ValueError as err:
            raise ReadError(f"{path}:{number}: not JSON ({err})") from err
        missing = CODED_FIELDS - set(record) if isinstance(record, dict) else CODED_FIELDS
        if missing:
            raise ReadError(f"{path}:{number}: not an event of `detente code --format jsonl` "
                            f"(no {', '.join(sorted(missing))})")
        yield record


def write_items(items: Iterable[AuditItem], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")


def read_items(path: Path) -> list[AuditItem]:
    """The lines of an audit file; a line that is not one, or an unknown judgement, is a
    ReadError naming the line."""
    items = []
    for number, line in _lines(path):
        try:
            values = json.loads(line)
            item = AuditItem(**{f.name: values[f.name] for f in fields(AuditItem) if f.name in values})
        except (ValueError, TypeError) as err:
            raise ReadError(f"{path}:{number}: not an audit line ({err}); see docs/audits/README.md") from err
        if item.judgement and item.judgement not in JUDGEMENTS:
            raise ReadError(f"{path}:{number}: unknown judgement {item.judgement!r}; use one of "
                            f"{', '.join(JUDGEMENTS)}")
        items.append(item)
    return items


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ReadError(f"cannot read {path}: {err}") from err
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield number, line


# --- scoring ------------------------------------------------------------------------
def wilson_interval(successes: int, trials: int, z: float = Z_95) -> tuple[float, float]:
    """The Wilson score interval of a share; (0, 1) when nothing was tried."""
    if trials == 0:
        return 0.0, 1.0
    share = successes / trials
    centre = (share + z * z / (2 * trials)) / (1 + z * z / trials)
    spread = z * math.sqrt(share * (1 - share) / trials + z * z / (4 * trials * trials)) / (1 + z * z / trials)
    return max(0.0, centre - spread), min(1.0, centre + spread)


@dataclass(frozen=True, slots=True)
class Share:
    """Judged items, how many of them right (correct or acceptable), and the 95% interval."""

    right: int
    judged: int

    @property
    def value(self) -> float:
        return self.right / self.judged if self.judged else 0.0

    @property
    def interval(self) -> tuple[float, float]:
        return wilson_interval(self.right, self.judged)

    def to_dict(self) -> dict[str, Any]:
        low, high = self.interval
        return {"right": self.right, "judged": self.judged, "share": round(self.value, 4),
                "interval_95": [round(low, 4), round(high, 4)]}


@dataclass(frozen=True, slots=True)
class AuditScore:
    overall: Share
    judgements: dict[str, Share]  # judgement -> its count out of all judged items
    roots: dict[str, Share]  # CAMEO root -> right out of judged items of that root
    unjudged: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"overall": self.overall.to_dict(), "unjudged": self.unjudged,
                "judgements": {k: v.to_dict() for k, v in self.judgements.items()},
                "roots": {k: v.to_dict() for k, v in self.roots.items()}}


def score_items(items: list[AuditItem]) -> AuditScore:
    """The share judged correct or acceptable, each judgement's share and each CAMEO root's
    share right, with 95% Wilson intervals. Unjudged lines are counted apart."""
    judged = [item for item in items if item.judgement]
    right = sum(item.judgement in RIGHT for item in judged)
    judgements = {kind: Share(sum(item.judgement == kind for item in judged), len(judged)) for kind in JUDGEMENTS}
    roots = {}
    for root in sorted({item.root for item in judged}):
        of_root = [item for item in judged if item.root == root]
        roots[root] = Share(sum(item.judgement in RIGHT for item in of_root), len(of_root))
    return AuditScore(Share(right, len(judged)), judgements, roots, len(items) - len(judged))


def render_score(score: AuditScore) -> str:
    """The score as a person reads it."""
    def line(label: str, share: Share) -> str:
        low, high = share.interval
        return (f"{label:<22} {share.right:>4} of {share.judged:<4} {100 * share.value:5.1f}%  "
                f"(95% interval {100 * low:.1f}-{100 * high:.1f}%)")
    lines = [line("correct or acceptable", score.overall)]
    if score.unjudged:
        lines.append(f"{score.unjudged} lines not judged yet (left out)")
    lines += ["", "by judgement"] + [line(f"  {kind}", share) for kind, share in score.judgements.items()]
    lines += ["", "correct or acceptable by CAMEO root"] + [line(f"  {root}", s) for root, s in score.roots.items()]
    return "\n".join(lines)
