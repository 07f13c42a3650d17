"""detente: political event coding from news text (CAMEO, PLOVER)."""

from .coder import CodedDocument, Coder
from .errors import DetenteError, PipelineError, QueryError, ReadError, StoreError, VocabularyError
from .parse import load_pipeline
from .read import read_inputs
from .records import Actor, Document, Event, EventDate, Location, Problem, Span
from .store import Store, ingest

__all__ = ["Actor", "CodedDocument", "Coder", "DetenteError", "Document", "Event", "EventDate", "Location",
           "PipelineError", "Problem", "QueryError", "ReadError", "Span", "Store", "StoreError", "VocabularyError",
           "ingest", "load_pipeline", "read_inputs"]
