"""The store's schema, as numbered migrations applied in order and recorded in the file.

A migration is never edited once released: a change to the schema is a new migration.
"""

from __future__ import annotations

import duckdb

from ..errors import StoreError


def _actor(side: str) -> list[tuple[str, str]]:
    return [(f"{side}_key", "VARCHAR"), (f"{side}_role", "VARCHAR"), (f"{side}_code", "VARCHAR"),
            (f"{side}_name", "VARCHAR"), (f"{side}_text", "VARCHAR")]


# What a coded event says; shared by a mention (one report) and an event (the occurrence).
CODED_COLUMNS: list[tuple[str, str]] = [
    *_actor("source"), *_actor("target"),
    ("cameo", "VARCHAR NOT NULL"), ("cameo_root", "VARCHAR NOT NULL"), ("cameo_name", "VARCHAR"),
    ("goldstein", "DOUBLE"), ("quad_class", "INTEGER"), ("plover_type", "VARCHAR"), ("plover_mode", "VARCHAR"),
    ("factuality", "VARCHAR NOT NULL"), ("date", "VARCHAR"), ("date_precision", "VARCHAR"), ("date_text", "VARCHAR"),
    ("date_start", "DATE"), ("date_end", "DATE"),
    ("location_text", "VARCHAR"), ("location_name", "VARCHAR"), ("location_country", "VARCHAR"),
    ("latitude", "DOUBLE"), ("longitude", "DOUBLE"), ("location_precision", "VARCHAR"),
    ("sentence_text", "VARCHAR"), ("trigger_text", "VARCHAR"), ("confidence", "DOUBLE"), ("rule", "VARCHAR"),
]

# Where a mention sits in its document: character offsets into documents.text.
MENTION_SPAN_COLUMNS: list[tuple[str, str]] = [
    ("source_start", "INTEGER"), ("source_end", "INTEGER"), ("target_start", "INTEGER"), ("target_end", "INTEGER"),
    ("sentence_start", "INTEGER"), ("sentence_end", "INTEGER"), ("trigger_start", "INTEGER"),
    ("trigger_end", "INTEGER"), ("location_start", "INTEGER"), ("location_end", "INTEGER"),
    ("spans", "INTEGER[][]"),  # every trigger of the event in this document
]


def _columns(columns: list[tuple[str, str]]) -> str:
    return ",\n    ".join(f"{name} {kind}" for name, kind in columns)


MIGRATIONS: list[tuple[str, str]] = [
    ("initial", f"""
CREATE TABLE documents (
    doc_key VARCHAR PRIMARY KEY,        -- sha1 of title, text and publication date
    id VARCHAR NOT NULL, title VARCHAR, date DATE, source VARCHAR, url VARCHAR, origin VARCHAR,
    text VARCHAR NOT NULL, n_sentences INTEGER, n_parsed INTEGER, ingested_at TIMESTAMP DEFAULT now()
);
CREATE TABLE mentions (                 -- one event as one document reports it
    mention_id VARCHAR PRIMARY KEY, doc_key VARCHAR NOT NULL, event_id VARCHAR, cluster_key VARCHAR,
    {_columns(CODED_COLUMNS)},
    {_columns(MENTION_SPAN_COLUMNS)}
);
CREATE TABLE events (                   -- one occurrence, however many documents report it
    event_id VARCHAR PRIMARY KEY, cluster_key VARCHAR NOT NULL, anchor VARCHAR NOT NULL,
    {_columns(CODED_COLUMNS)},
    n_mentions INTEGER, n_documents INTEGER, n_sources INTEGER, first_reported DATE
);
CREATE TABLE actors (code VARCHAR PRIMARY KEY, key VARCHAR NOT NULL, role VARCHAR, name VARCHAR);
CREATE TABLE settings (name VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
"""),
    # A reviewer's judgements of events, kept apart from what the coder wrote: ingests and
    # re-deduplication never touch them, and an event is shown corrected only where asked.
    ("judgements", f"""
CREATE SEQUENCE judgement_ids START 1;
CREATE TABLE judgements (               -- one judgement of one event; the latest per event counts
    judgement_id BIGINT PRIMARY KEY DEFAULT nextval('judgement_ids'),
    event_id VARCHAR NOT NULL,          -- the event judged
    mention_id VARCHAR NOT NULL,        -- the report the reviewer read (the event's anchor then)
    judgement VARCHAR NOT NULL CHECK (judgement IN
        ('correct', 'acceptable', 'wrong_actor', 'wrong_direction', 'wrong_code', 'not_an_event')),
    -- the reviewer's corrections, each group null where the coded value stands
    {_columns(_actor("source"))},
    {_columns(_actor("target"))},
    cameo VARCHAR, cameo_root VARCHAR, cameo_name VARCHAR, goldstein DOUBLE, quad_class INTEGER,
    plover_type VARCHAR, plover_mode VARCHAR,
    factuality VARCHAR,
    reviewer VARCHAR NOT NULL, note VARCHAR, judged_at TIMESTAMP NOT NULL
);
"""),
]


def migrate(connection: duckdb.DuckDBPyConnection) -> None:
    """Apply the migrations this file lacks, each in its own transaction."""
    connection.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                       "(version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP DEFAULT now())")
    current = schema_version(connection)
    for version, (name, sql) in enumerate(MIGRATIONS, start=1):
        if version <= current:
            continue
        connection.execute("BEGIN TRANSACTION")
        connection.execute(sql)
        connection.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [version, name])
        connection.execute("COMMIT")


def schema_version(connection: duckdb.DuckDBPyConnection) -> int:
    row = connection.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()
    return int(row[0]) if row else 0


def check_version(connection: duckdb.DuckDBPyConnection, path: str) -> None:
    """A read-only store must already be at this code's version."""
    try:
        version = schema_version(connection)
    except duckdb.CatalogException as err:
        raise StoreError(f"{path} is not a detente store (no schema_migrations table)") from err
    if version > len(MIGRATIONS):
        raise StoreError(f"{path} has schema version {version}; this detente knows up to {len(MIGRATIONS)}")
    if version < len(MIGRATIONS):
        raise StoreError(f"{path} has schema version {version}; run `detente ingest` once to migrate it")
