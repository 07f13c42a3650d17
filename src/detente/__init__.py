"""detente: political event coding from news text (CAMEO, PLOVER)."""

from .coder import CodedDocument, Coder
from .errors import DetenteError, PipelineError, ReadError, VocabularyError
from .parse import load_pipeline
from .read import read_inputs
from .records import Actor, Document, Event, EventDate, Location, Problem, Span

__all__ = ["Actor", "CodedDocument", "Coder", "DetenteError", "Document", "Event", "EventDate", "Location",
           "PipelineError", "Problem", "ReadError", "Span", "VocabularyError", "load_pipeline", "read_inputs"]
