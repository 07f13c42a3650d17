"""detente: political event coding from news text (CAMEO, PLOVER).

The names below are imported on first use, so that a process that needs one part (a
command handing work to worker processes, a worker) does not pay for importing the rest.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .coder import Coder
    from .errors import DetenteError, PipelineError, QueryError, ReadError, StoreError, VocabularyError
    from .parse import load_pipeline
    from .read import read_inputs
    from .records import Actor, CodedDocument, Document, Event, EventDate, Location, Problem, Span
    from .store import Store, ingest

_HOMES = {"Coder": "coder", "load_pipeline": "parse", "read_inputs": "read", "Store": "store", "ingest": "store",
          **dict.fromkeys(["DetenteError", "PipelineError", "QueryError", "ReadError", "StoreError",
                           "VocabularyError"], "errors"),
          **dict.fromkeys(["Actor", "CodedDocument", "Document", "Event", "EventDate", "Location", "Problem",
                           "Span"], "records")}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'detente' has no attribute {name!r}")
    return getattr(import_module(f".{_HOMES[name]}", __name__), name)


def __dir__() -> list[str]:
    return sorted({*__all__, *(name for name, value in globals().items() if isinstance(value, ModuleType))})
