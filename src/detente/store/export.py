"""Exports of a store to files other tools read. Every field is described in docs/store.md.

* parquet, csv: the documents, mentions and events tables, one file each.
* plover-json: events.plover.jsonl, one PLOVER record per event (fields of the PLOVER
  manual's data chapter); CAMEO 01 and 02 events, which PLOVER drops, are left out.
* gold: events.gold.jsonl, one record per stored document in the gold format that
  `detente eval` reads (`id`, `text`, `date`, `events` with `source`, `target`, `code`):
  the coded mentions of each document with the reviewers' judgements applied (the report a
  reviewer read corrected, or left out when judged not an event or wrong with no correction),
  so that a later coder can be scored against them.
* icews-tsv: events.icews.tsv with the columns of the ICEWS coded event data, then
  `Date Precision` and `Factuality`; `Event Date` is the date as coded (2016, 2016-03 or
  a day), never a day the text did not give.
The event exports (plover-json, icews-tsv) write the events of the factualities asked
for (asserted by default, as every command), and of at least the confidence asked for, and
say how many they left out and why; with `reviewed`, the events corrected by their reviews
(store.judgements). Every export of events says how many of them are reviewed.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

import duckdb

from ..errors import QueryError
from .judgements import LEFT_OUT, MENTION_JUDGEMENTS, corrected_sql, events_table
from .query import (DEFAULT_FACTUALITY, EVENT_COLUMNS, StoredEvent, check_confidence, check_factualities, entity_kinds,
                    plover_quads)
from .review import review_summary
from .store import Store

FORMATS = ("parquet", "csv", "plover-json", "icews-tsv", "gold")
TABLES = ("documents", "mentions", "events")

# PLOVER puts these in the place of a country (manual: international non-state codes)
_PLOVER_ORGANISATION_CODES = {"UN": "UNO", "EU": "EUR"}
_PLOVER_KIND_CODES = {"igo": "IGO", "ngo": "NGO", "nsa": "IMG"}
# CAMEO roles PLOVER renames or folds (manual: sector codes)
_PLOVER_SECTORS = {"MED": "JRN", "HLH": "MED", "INS": "REB", "SEP": "REB"}

ICEWS_COLUMNS = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
                 "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
                 "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude",
                 "Date Precision", "Factuality"]


@dataclass(frozen=True, slots=True)
class Exported:
    """A file written, its rows, and the store's events it left out (with the reason)."""

    path: Path
    rows: int
    left_out: dict[str, int]  # reason → events
    reviews: str | None = None  # how many of the events are reviewed, and what the reviews did

    def __str__(self) -> str:
        skipped = "; ".join(f"{n} {why}" for why, n in self.left_out.items() if n)
        return (f"{self.path}: {self.rows} rows" + (f" (left out: {skipped})" if skipped else "")
                + (f"; {self.reviews}" if self.reviews else ""))


def export(store: Store, fmt: str, folder: Path, factuality: tuple[str, ...] = DEFAULT_FACTUALITY,
           min_confidence: float | None = None, reviewed: bool = False) -> list[Exported]:
    """Write the store in `fmt` into `folder` (created if needed); returns the files written.
    The tables (parquet, csv) are whole; the event exports hold the events of `factuality`
    whose confidence is at least `min_confidence`, corrected by their reviews if `reviewed`.
    The gold export always applies the reviews; `reviewed` keeps only the documents with a
    reviewed report."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown export format {fmt!r}; use {', '.join(FORMATS)}")
    check_factualities(factuality)
    floor = 0.0 if min_confidence is None else check_confidence(min_confidence)
    folder.mkdir(parents=True, exist_ok=True)
    if fmt in ("parquet", "csv"):
        return [_copy_table(store, table, folder / f"{table}.{fmt}", fmt) for table in TABLES]
    corrected = reviewed and fmt != "gold"  # gold applies the reviews to the reports, not the events
    other = {**_other_factualities(store, factuality, corrected),
             **_less_confident(store, factuality, floor, corrected)}
    if fmt == "gold":
        return [_write_gold(store, folder / "events.gold.jsonl", factuality, floor, reviewed, other)]
    summary = review_summary(store)
    if reviewed:
        other["judged not an event, or wrong with no correction"] = summary.left_out
    reviews = f"{summary}{'' if reviewed else '; --reviewed applies the reviews'}"
    if fmt == "plover-json":
        path, rows, dropped = folder / "events.plover.jsonl", 0, 0
        with path.open("w", encoding="utf-8") as stream:
            for event, story in _events(store, factuality, floor, reviewed):
                record = plover_record(event, story)
                if record is None:
                    dropped += 1
                    continue
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
                rows += 1
        return [Exported(path, rows, {"of CAMEO roots 01-02, which PLOVER drops": dropped, **other}, reviews)]
    path, rows = folder / "events.icews.tsv", 0
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, delimiter="\t", lineterminator="\n")
        writer.writerow(ICEWS_COLUMNS)
        for event, story in _events(store, factuality, floor, reviewed):
            writer.writerow(icews_row(event, story))
            rows += 1
    return [Exported(path, rows, other, reviews)]


def _other_factualities(store: Store, factuality: tuple[str, ...], reviewed: bool) -> dict[str, int]:
    rows = store.connection.execute(f"SELECT factuality, count(*) FROM {events_table(reviewed)} WHERE factuality "
                                    "NOT IN (SELECT unnest(?)) GROUP BY ALL ORDER BY 1", [list(factuality)]).fetchall()
    return {f"{name} (--factuality all to include them)": int(n) for name, n in rows}


def _less_confident(store: Store, factuality: tuple[str, ...], floor: float, reviewed: bool) -> dict[str, int]:
    if not floor:
        return {}
    row = store.connection.execute(f"SELECT count(*) FROM {events_table(reviewed)} WHERE factuality IN "
                                   "(SELECT unnest(?)) AND coalesce(confidence, 0) < ?",
                                   [list(factuality), floor]).fetchone()
    return {f"with confidence under {floor:g}": int(row[0]) if row else 0}


def _write_gold(store: Store, path: Path, factuality: tuple[str, ...], floor: float, reviewed_only: bool,
                left_out: dict[str, int]) -> Exported:
    """Each document with the events coded in it (those with a target, of these factualities and
    at least this confidence), corrected where a reviewer judged the report, as a gold record; a
    document with none has `events: []`. A judged report counts whatever its confidence."""
    coded: dict[str, list[dict[str, Any]]] = {}
    for doc_key, source, target, cameo, event_id, judgement in store.connection.execute(
            f"SELECT doc_key, source_code, target_code, cameo, event_id, judgement FROM {corrected_sql('mentions')} "
            "WHERE target_code IS NOT NULL AND factuality IN (SELECT unnest(?)) AND coalesce(confidence, 0) >= ? "
            "ORDER BY doc_key, sentence_start, trigger_start, mention_id", [list(factuality), floor]).fetchall():
        event = {"source": source, "target": target, "code": cameo, "ontology": "CAMEO", "event_id": event_id}
        coded.setdefault(doc_key, []).append({**event, "judgement": judgement} if judgement else event)
    judged = _judged_reports(store)
    left_out = {**left_out,
                "reports judged not an event, or wrong with no correction": sum(n for _, n in judged.values())}
    seen: dict[str, int] = {}
    cursor = store.connection.cursor()
    cursor.execute("SELECT doc_key, id, text, date FROM documents ORDER BY id, date NULLS LAST, doc_key")
    rows = 0
    with path.open("w", encoding="utf-8") as stream:
        while batch := cursor.fetchmany(1000):
            for doc_key, doc_id, text, day in batch:
                seen[doc_id] = seen.get(doc_id, 0) + 1
                reviewed = judged.get(doc_key, (0, 0))[0]
                if reviewed_only and not reviewed:
                    continue
                record = {"id": doc_id if seen[doc_id] == 1 else f"{doc_id}#{seen[doc_id]}", "text": text,
                          "date": day.isoformat() if day else None, "events": coded.get(doc_key, []),
                          "source_file": f"detente {version('detente')} export of {store.path}",
                          "meta": {"reviewed": reviewed, "factuality": list(factuality), "min_confidence": floor}}
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
                rows += 1
    cursor.close()
    reports = sum(n for n, _ in judged.values())
    kept = "only documents with a reviewed report" if reviewed_only else "--reviewed keeps only their documents"
    return Exported(path, rows, left_out, f"{reports} reports reviewed in {len(judged)} documents "
                                          f"(corrections applied; {kept})")


def _judged_reports(store: Store) -> dict[str, tuple[int, int]]:
    """For each document with reports a reviewer judged: how many, and how many of them the
    judgements leave out."""
    rows = store.connection.execute(f"""
        SELECT m.doc_key, count(*), count(*) FILTER (WHERE {LEFT_OUT})
        FROM mentions m JOIN {MENTION_JUDGEMENTS} j ON j.mention_id = m.mention_id GROUP BY m.doc_key""").fetchall()
    return {doc_key: (int(n), int(dropped)) for doc_key, n, dropped in rows}


def _copy_table(store: Store, table: str, path: Path, fmt: str) -> Exported:
    options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
    target = str(path).replace("'", "''")  # COPY takes no parameter for its file name
    try:
        store.connection.execute(f"COPY (SELECT * FROM {table} ORDER BY ALL) TO '{target}' ({options})")
    except duckdb.IOException as err:
        raise QueryError(f"cannot write {path}: choose a folder you may write to ({err})") from err
    row = store.connection.execute(f"SELECT count(*) FROM {table}").fetchone()
    return Exported(path, int(row[0]) if row else 0, {})


def _events(store: Store, factuality: tuple[str, ...], floor: float,
            reviewed: bool) -> Iterator[tuple[StoredEvent, dict[str, Any]]]:
    """Events of these factualities and at least this confidence in date order (corrected by their
    reviews if `reviewed`), each with the document of its anchor mention; streamed."""
    cursor = store.connection.cursor()
    columns = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
    source = corrected_sql("events") if reviewed else "events"
    cursor.execute(f"""SELECT {columns}, d.id, d.source, d.url, d.title
                       FROM {source} e JOIN mentions m ON m.mention_id = e.anchor
                       JOIN documents d ON d.doc_key = m.doc_key
                       WHERE e.factuality IN (SELECT unnest(?)) AND coalesce(e.confidence, 0) >= ?
                       ORDER BY e.date_start NULLS LAST, e.event_id""", [list(factuality), floor])
    while rows := cursor.fetchmany(1000):
        for row in rows:
            n = len(EVENT_COLUMNS)
            doc_id, source, url, title = row[n:]
            yield StoredEvent(*row[:n]), {"id": doc_id, "source": source, "url": url, "title": title}
    cursor.close()


def _plover_entity(key: str | None, role: str | None, text: str | None, name: str | None) -> dict[str, Any] | None:
    if key is None:
        return None
    kind = entity_kinds().get(key, "state")
    code = key if kind == "state" else _PLOVER_ORGANISATION_CODES.get(key, _PLOVER_KIND_CODES.get(kind, key))
    sectors = [_PLOVER_SECTORS.get(role[i:i + 3], role[i:i + 3]) for i in range(0, len(role), 3)] if role else []
    entity: dict[str, Any] = {"code": code, "entity_text": text, "identifier_id": key, "identifier_text": name}
    if sectors:
        entity["sector"] = "".join(sectors)
    return entity


def plover_record(event: StoredEvent, story: dict[str, Any]) -> dict[str, Any] | None:
    if not event.plover_type or event.plover_type.lower() == "dropped":
        return None
    actor = _plover_entity(event.source_key, event.source_role, event.source_text, event.source_name)
    recipient = _plover_entity(event.target_key, event.target_role, event.target_text, event.target_name)
    modes = [event.plover_mode] if event.plover_mode else []
    auxiliary = {"negated": "negation", "hypothetical": "hypothetical", "future": "future"}.get(event.factuality)
    if auxiliary:
        modes.append(auxiliary)
    record: dict[str, Any] = {
        "id": event.event_id,
        "has_event": True,
        "date": event.date_start.isoformat() if event.date_start else None,
        "enddate": event.date_end.isoformat() if event.date_end and event.date_end != event.date_start else None,
        "actor": [actor] if actor else [],
        "recipient": [recipient] if recipient else [],
        "event": [event.plover_type],
        "mode": modes,
        "quad_code": plover_quads().get(event.plover_type),
        "event_text": [event.trigger_text] if event.trigger_text else [],
        "text": event.sentence_text,
        "cite_info": {"id": story["id"], "source": story["source"], "url": story["url"], "title": story["title"]},
        "coder": f"detente {version('detente')}",
        "coded_date": dt.date.today().isoformat(),
        "comment": f"CAMEO {event.cameo}; factuality {event.factuality}; {event.n_mentions} mentions "
                   f"in {event.n_documents} documents",
    }
    if event.location_name:
        record["event_loc"] = {"name": event.location_name, "country": event.location_country,
                               "lat": event.latitude, "lon": event.longitude, "precision": event.location_precision}
    return {k: v for k, v in record.items() if v is not None}


def icews_row(event: StoredEvent, story: dict[str, Any]) -> list[Any]:
    def country(key: str | None) -> str:
        return (key or "") if entity_kinds().get(key or "", "state") == "state" else ""

    city = event.location_name if event.location_precision == "city" else ""
    province = event.location_name if event.location_precision == "region" else ""
    # the date as coded: "2016" stays a year, never 2016-01-01 (its precision is the next-to-last column)
    return [event.event_id, event.date or "",
            event.source_name or event.source_code, event.source_role or "", country(event.source_key),
            event.cameo_name or "", event.cameo, event.goldstein,
            event.target_name or event.target_code or "", event.target_role or "", country(event.target_key),
            story["id"], "", story["source"] or "", city or "", "", province or "", event.location_country or "",
            "" if event.latitude is None else event.latitude, "" if event.longitude is None else event.longitude,
            event.date_precision or "", event.factuality]
