"""The event store: documents, mentions, deduplicated events and actors in DuckDB."""

from .dedup import DedupRule
from .ingest import IngestSummary, ingest
from .store import Store, StoreCounts, default_db_path, document_key

__all__ = ["DedupRule", "IngestSummary", "Store", "StoreCounts", "default_db_path", "document_key", "ingest"]
