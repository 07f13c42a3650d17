"""The event store: one embedded DuckDB file of documents, mentions, events and actors.

Writes happen in one transaction per batch of documents (documents, their mentions, the
actors they name, and the re-deduplicated events of every cluster key they touched), so a
killed process leaves the store as it was after the last whole batch.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import duckdb
import platformdirs

from ..errors import StoreError
from ..records import Actor, Document, Event
from .dedup import DedupRule, Report, cluster_reports, date_interval
from .schema import CODED_COLUMNS, MENTION_SPAN_COLUMNS, check_version, migrate

if TYPE_CHECKING:  # reading a store needs no spaCy
    from ..coder import CodedDocument

_CODED = [name for name, _ in CODED_COLUMNS]
_DOCUMENT_COLUMNS = ["doc_key", "id", "title", "date", "source", "url", "origin", "text", "n_sentences", "n_parsed"]
_MENTION_COLUMNS = ["mention_id", "doc_key", *_CODED, *(name for name, _ in MENTION_SPAN_COLUMNS)]


def default_db_path() -> Path:
    """`$DETENTE_DB`, else events.duckdb in the user's data directory."""
    configured = os.environ.get("DETENTE_DB")
    return Path(configured) if configured else platformdirs.user_data_path("detente") / "events.duckdb"


def document_key(document: Document) -> str:
    """Identity of a document's content: the same title, text and date are the same document."""
    content = "\x00".join((document.title or "", document.text, document.date or ""))
    return hashlib.sha1(content.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class StoreCounts:
    documents: int
    mentions: int
    events: int
    actors: int


class Store:
    """An open store. `read_only=True` never creates or changes the file."""

    def __init__(self, path: Path | str | None = None, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        if read_only and not self.path.exists():
            raise StoreError(f"no event store at {self.path}; build one with `detente ingest FILES --db {self.path}`")
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.connection = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as err:
            hint = ""
            if "lock" in str(err).lower():
                hint = (" (another process has it open for writing: an ingest, or a serve without --read-only; "
                        "DuckDB lets one process write a file, or several read it)")
            raise StoreError(f"cannot open {self.path}: {err}{hint}") from err
        try:
            if read_only:
                check_version(self.connection, str(self.path))
            else:
                migrate(self.connection)
        except BaseException:
            self.connection.close()
            raise
        self.read_only = read_only

    def view(self) -> Store:
        """Another handle on this open store, for one thread (DuckDB connections are not
        shared between threads); close it when done."""
        other = object.__new__(Store)
        other.path, other.read_only, other.connection = self.path, self.read_only, self.connection.cursor()
        return other

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    # --- settings -------------------------------------------------------------------
    @property
    def rule(self) -> DedupRule:
        settings = dict(self.connection.execute("SELECT name, value FROM settings").fetchall())
        defaults = DedupRule()
        return DedupRule(int(settings.get("dedup_window_days", defaults.window_days)),
                         settings.get("dedup_match", defaults.match))

    def set_rule(self, rule: DedupRule) -> None:
        """Change the deduplication rule and rebuild every event under it."""
        with self._transaction():
            for name, value in (("dedup_window_days", str(rule.window_days)), ("dedup_match", rule.match)):
                self.connection.execute("INSERT OR REPLACE INTO settings VALUES (?, ?)", [name, value])
            self.connection.execute(f"UPDATE mentions SET cluster_key = {_cluster_key_sql(rule)}")
            self.connection.execute("DELETE FROM events")
            keys = [row[0] for row in self.connection.execute("SELECT DISTINCT cluster_key FROM mentions").fetchall()]
            self._recluster(keys, rule)

    # --- writing --------------------------------------------------------------------
    def known_documents(self, keys: Iterable[str]) -> set[str]:
        wanted = list(keys)
        if not wanted:
            return set()
        rows = self.connection.execute("SELECT doc_key FROM documents WHERE doc_key IN (SELECT unnest(?))",
                                       [wanted]).fetchall()
        return {row[0] for row in rows}

    def add(self, coded: list[CodedDocument]) -> int:
        """Store coded documents and re-deduplicate what they touch, all or nothing.
        Documents already stored are left alone. Returns the number of mentions added."""
        rule = self.rule
        with self._transaction():
            known = self.known_documents(document_key(c.document) for c in coded)
            fresh: dict[str, CodedDocument] = {}
            for item in coded:
                key = document_key(item.document)
                if key not in known and key not in fresh:
                    fresh[key] = item
            if not fresh:
                return 0
            self._insert("documents", _DOCUMENT_COLUMNS,
                         [(key, c.document.id, c.document.title, _day(c.document.date), c.document.source,
                           c.document.url, c.document.origin, c.document.text, c.sentences, c.parsed_sentences)
                          for key, c in fresh.items()])
            mentions = {mention_id: _mention_row(mention_id, key, event)
                        for key, c in fresh.items() for event in c.events
                        for mention_id in [_mention_id(key, event)]}
            if not mentions:
                return 0
            self._insert("mentions", _MENTION_COLUMNS, list(mentions.values()))
            actors = {a.code: a for c in fresh.values() for e in c.events for a in (e.source, e.target) if a}
            self._insert("actors", ["code", "key", "role", "name"],
                         [(a.code, a.key, a.role, a.name) for a in actors.values()], ignore_existing=True)
            self.connection.execute(f"UPDATE mentions SET cluster_key = {_cluster_key_sql(rule)} "
                                    "WHERE mention_id IN (SELECT unnest(?))", [list(mentions)])
            keys = self.connection.execute("SELECT DISTINCT cluster_key FROM mentions WHERE mention_id IN "
                                           "(SELECT unnest(?))", [list(mentions)]).fetchall()
            self._recluster([row[0] for row in keys], rule)
            return len(mentions)

    def _insert(self, table: str, columns: list[str], rows: Sequence[Sequence[object]],
                ignore_existing: bool = False) -> None:
        """Many rows in one statement: a list per column, unnested side by side (far faster
        than one statement per row)."""
        if not rows:
            return
        values = [list(column) for column in zip(*rows)]
        unnested = ", ".join(f"unnest(?) AS c{i}" for i in range(len(columns)))
        verb = "INSERT OR IGNORE INTO" if ignore_existing else "INSERT INTO"
        self.connection.execute(f"{verb} {table} ({', '.join(columns)}) SELECT {unnested}", values)

    def _recluster(self, keys: list[str], rule: DedupRule) -> None:
        """Rebuild the events of these cluster keys from all their mentions."""
        if not keys:
            return
        rows = self.connection.execute(
            "SELECT cluster_key, mention_id, date_start, date_end FROM mentions "
            "WHERE cluster_key IN (SELECT unnest(?))", [keys]).fetchall()
        by_key: dict[str, list[Report]] = {}
        for key, mention_id, start, end in rows:
            by_key.setdefault(key, []).append(Report(mention_id, start, end))
        assignment = [(member, cluster.event_id, member == cluster.anchor)
                      for key, reports in by_key.items() for cluster in cluster_reports(key, reports, rule)
                      for member in cluster.members]
        self.connection.execute("CREATE OR REPLACE TEMP TABLE assignment "
                                "(mention_id VARCHAR, event_id VARCHAR, anchor BOOLEAN)")
        self._insert("assignment", ["mention_id", "event_id", "anchor"], assignment)
        self.connection.execute("UPDATE mentions SET event_id = a.event_id FROM assignment a "
                                "WHERE a.mention_id = mentions.mention_id")
        self.connection.execute("DELETE FROM events WHERE cluster_key IN (SELECT unnest(?))", [keys])
        coded = ", ".join(f"m.{name}" for name in _CODED if name != "confidence")
        self.connection.execute(f"""
            INSERT INTO events (event_id, cluster_key, anchor, {', '.join(n for n in _CODED if n != 'confidence')},
                                confidence, n_mentions, n_documents, n_sources, first_reported)
            SELECT m.event_id, m.cluster_key, m.mention_id, {coded},
                   s.confidence, s.n_mentions, s.n_documents, s.n_sources, s.first_reported
            FROM mentions m
            JOIN assignment a ON a.mention_id = m.mention_id AND a.anchor
            JOIN (SELECT x.event_id, max(x.confidence) AS confidence, count(*) AS n_mentions,
                         count(DISTINCT x.doc_key) AS n_documents, count(DISTINCT d.source) AS n_sources,
                         min(d.date) AS first_reported
                  FROM mentions x JOIN documents d ON d.doc_key = x.doc_key
                  WHERE x.event_id IN (SELECT event_id FROM assignment)
                  GROUP BY x.event_id) s ON s.event_id = m.event_id""")
        self.connection.execute("DROP TABLE assignment")

    def _transaction(self) -> _Transaction:
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only")
        return _Transaction(self.connection)

    # --- reading --------------------------------------------------------------------
    def counts(self) -> StoreCounts:
        def count(table: str) -> int:
            row = self.connection.execute(f"SELECT count(*) FROM {table}").fetchone()
            return int(row[0]) if row else 0
        return StoreCounts(count("documents"), count("mentions"), count("events"), count("actors"))


class _Transaction:
    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self.connection = connection

    def __enter__(self) -> None:
        self.connection.execute("BEGIN TRANSACTION")

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.connection.execute("COMMIT" if kind is None else "ROLLBACK")


def _day(value: str | None) -> dt.date | None:
    """A publication date as stored: a YYYY-MM-DD day, or nothing (the coder ignored it too)."""
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _cluster_key_sql(rule: DedupRule) -> str:
    """The cluster key of a mention row: source entity, target entity, root or code, factuality."""
    code = "cameo_root" if rule.match == "root" else "cameo"
    return f"concat_ws('|', source_key, coalesce(target_key, '-'), {code}, factuality)"


def _mention_id(doc_key: str, event: Event) -> str:
    return hashlib.sha1(f"{doc_key}|{event.event_id}".encode()).hexdigest()[:16]


def _actor_values(actor: Actor | None) -> list[str | None]:
    if actor is None:
        return [None] * 5
    return [actor.key, actor.role, actor.code, actor.name, actor.text]


def _mention_row(mention_id: str, doc_key: str, event: Event) -> tuple[object, ...]:
    start, end = date_interval(event.date.date, event.date.precision)
    place = event.location
    coded = [*_actor_values(event.source), *_actor_values(event.target),
             event.cameo, event.cameo[:2], event.cameo_name, event.goldstein, event.quad_class,
             event.plover_type, event.plover_mode, event.factuality,
             event.date.date, event.date.precision, event.date.text, start, end,
             place.text if place else None, place.name if place else None, place.country if place else None,
             place.latitude if place else None, place.longitude if place else None,
             place.precision if place else None,
             event.sentence.text, event.trigger.text, event.confidence, event.rule]
    target = event.target
    spans = [event.source.start, event.source.end, target.start if target else None, target.end if target else None,
             event.sentence.start, event.sentence.end, event.trigger.start, event.trigger.end,
             place.start if place else None, place.end if place else None,
             [[m.start, m.end] for m in event.mentions]]
    return (mention_id, doc_key, *coded, *spans)
