"""Exports of a store to files other tools read. Every field is described in docs/store.md.

* parquet, csv: the documents, mentions and events tables, one file each.
* plover-json: events.plover.jsonl, one PLOVER record per event (fields of the PLOVER
  manual's data chapter); CAMEO 01 and 02 events, which PLOVER drops, are left out.
* icews-tsv: events.icews.tsv with the columns of the ICEWS coded event data.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path
from typing import Any

from ..errors import QueryError
from .query import EVENT_COLUMNS, StoredEvent, entity_kinds, plover_quads
from .store import Store

FORMATS = ("parquet", "csv", "plover-json", "icews-tsv")
TABLES = ("documents", "mentions", "events")

# PLOVER puts these in the place of a country (manual: international non-state codes)
_PLOVER_ORGANISATION_CODES = {"UN": "UNO", "EU": "EUR"}
_PLOVER_KIND_CODES = {"igo": "IGO", "ngo": "NGO", "nsa": "IMG"}
# CAMEO roles PLOVER renames or folds (manual: sector codes)
_PLOVER_SECTORS = {"MED": "JRN", "HLH": "MED", "INS": "REB", "SEP": "REB"}

ICEWS_COLUMNS = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
                 "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
                 "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude"]


def export(store: Store, fmt: str, folder: Path) -> list[Path]:
    """Write the store in `fmt` into `folder` (created if needed); returns the files written."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown export format {fmt!r}; use {', '.join(FORMATS)}")
    folder.mkdir(parents=True, exist_ok=True)
    if fmt in ("parquet", "csv"):
        return [_copy_table(store, table, folder / f"{table}.{fmt}", fmt) for table in TABLES]
    if fmt == "plover-json":
        path = folder / "events.plover.jsonl"
        with path.open("w", encoding="utf-8") as stream:
            for event, story in _events(store):
                record = plover_record(event, story)
                if record is not None:
                    stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        return [path]
    path = folder / "events.icews.tsv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, delimiter="\t", lineterminator="\n")
        writer.writerow(ICEWS_COLUMNS)
        for event, story in _events(store):
            writer.writerow(icews_row(event, story))
    return [path]


def _copy_table(store: Store, table: str, path: Path, fmt: str) -> Path:
    options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
    target = str(path).replace("'", "''")  # COPY takes no parameter for its file name
    store.connection.execute(f"COPY (SELECT * FROM {table} ORDER BY ALL) TO '{target}' ({options})")
    return path


def _events(store: Store) -> Iterator[tuple[StoredEvent, dict[str, Any]]]:
    """Events in date order, each with the document of its anchor mention; streamed."""
    cursor = store.connection.cursor()
    columns = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
    cursor.execute(f"""SELECT {columns}, d.id, d.source, d.url, d.title
                       FROM events e JOIN mentions m ON m.mention_id = e.anchor
                       JOIN documents d ON d.doc_key = m.doc_key
                       ORDER BY e.date_start NULLS LAST, e.event_id""")
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
    return [event.event_id, event.date_start.isoformat() if event.date_start else "",
            event.source_name or event.source_code, event.source_role or "", country(event.source_key),
            event.cameo_name or "", event.cameo, event.goldstein,
            event.target_name or event.target_code or "", event.target_role or "", country(event.target_key),
            story["id"], "", story["source"] or "", city or "", "", province or "", event.location_country or "",
            "" if event.latitude is None else event.latitude, "" if event.longitude is None else event.longitude]
