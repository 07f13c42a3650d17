"""Errors raised by detente.

    DetenteError                 base class; the CLI prints its message and exits non-zero
    ├── VocabularyError          a data file (actor dictionary, patterns, ontology) is invalid;
    │                            names the file, the line and the field
    ├── PipelineError            the spaCy pipeline named cannot be loaded
    ├── ReadError                a document cannot be read (unreadable, binary, bad encoding,
    │                            empty, too large, malformed line); names the file and line.
    │                            Readers report it as a `Problem` and go on with the batch.
    │                            Also a malformed audit file or event file (detente.audit).
    ├── StoreError               the event store is missing, newer than this code, or busy
    └── QueryError               a query names an unknown actor, a malformed date or an
                                 unknown value; nothing is read or written
"""


class DetenteError(Exception):
    """Base class of every error detente raises on purpose."""


class VocabularyError(DetenteError):
    """A vocabulary data file is invalid."""

    def __init__(self, path: str, line: int, field: str, problem: str) -> None:
        super().__init__(f"{path}, line {line}, field '{field}': {problem}")
        self.path = path
        self.line = line
        self.field = field


class PipelineError(DetenteError):
    """The spaCy pipeline cannot be loaded."""


class ReadError(DetenteError):
    """A document cannot be read."""


class StoreError(DetenteError):
    """The event store cannot be opened or written."""


class QueryError(DetenteError):
    """A query or command argument is invalid."""
