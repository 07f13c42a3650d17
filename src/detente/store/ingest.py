"""Ingest: read, code and store documents in batches, skipping what the store already has.

Memory stays flat: documents stream from the readers, a few batches at a time are coded
and committed. A rerun after a crash codes only the documents the last commit did not
hold. With `workers` > 1, batches are coded in that many worker processes (each builds
its own Coder from the Coder's settings; pass the CoderSettings alone and this process
loads no pipeline) while this process writes the store; the result is the same as with
one, as deduplication does not depend on order.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from ..errors import DetenteError
from ..records import Document, Problem
from .store import Store, document_key

if TYPE_CHECKING:
    from ..coder import CodedDocument, Coder, CoderSettings

DEFAULT_BATCH = 64


@dataclass(slots=True)
class IngestSummary:
    read: int = 0  # documents read
    known: int = 0  # of which the store already had
    coded: int = 0  # of which were coded and stored now
    sentences: int = 0
    mentions: int = 0
    problems: list[Problem] = field(default_factory=list)


class _Result(Protocol):
    def get(self) -> list[CodedDocument]: ...


@dataclass(frozen=True, slots=True)
class _Done:
    coded: list[CodedDocument]

    def get(self) -> list[CodedDocument]:
        return self.coded


def ingest(store: Store, coder: Coder | CoderSettings, items: Iterable[Document | Problem],
           batch: int = DEFAULT_BATCH, progress: Callable[[IngestSummary], None] | None = None,
           workers: int = 1) -> IngestSummary:
    summary = IngestSummary()
    in_flight: deque[_Result] = deque()

    def commit(result: _Result) -> None:
        coded = result.get()
        summary.mentions += store.add(coded)
        summary.coded += len(coded)
        summary.sentences += sum(c.sentences for c in coded)
        if progress is not None:
            progress(summary)

    with _coding(coder, workers) as code:
        for documents in _batches(items, batch, summary):
            fresh: dict[str, Document] = {}
            for document in documents:
                fresh.setdefault(document_key(document), document)
            known = store.known_documents(fresh)
            new = [document for key, document in fresh.items() if key not in known]
            summary.known += len(documents) - len(new)
            in_flight.append(code(new))
            while len(in_flight) > workers:  # a few batches ahead at most: memory stays flat
                commit(in_flight.popleft())
        while in_flight:
            commit(in_flight.popleft())
    return summary


@contextmanager
def _coding(coder: Coder | CoderSettings, workers: int) -> Iterator[Callable[[list[Document]], _Result]]:
    """A function that starts coding a batch and returns its pending result."""
    from ..coder import Coder, CoderSettings

    if workers <= 1:
        local = Coder.from_settings(coder) if isinstance(coder, CoderSettings) else coder
        yield lambda documents: _Done(list(local.code_documents(documents, batch=len(documents) or 1)))
        return
    settings = coder if isinstance(coder, CoderSettings) else coder.settings
    if settings is None:
        raise DetenteError("a Coder built from an already loaded pipeline cannot be rebuilt in worker processes; "
                           "build it with Coder(pipeline=NAME) to ingest with several workers")
    # spawn, not fork: this process runs DuckDB's threads, which a forked child must not inherit
    with multiprocessing.get_context("spawn").Pool(workers, _start_worker, (settings,)) as pool:
        yield lambda documents: pool.apply_async(_code_in_worker, (documents,))


_worker_coder: Coder | None = None


def _start_worker(settings: CoderSettings) -> None:
    from ..coder import Coder

    global _worker_coder
    _worker_coder = Coder.from_settings(settings)


def _code_in_worker(documents: list[Document]) -> list[CodedDocument]:
    assert _worker_coder is not None
    return list(_worker_coder.code_documents(documents, batch=len(documents) or 1))


def _batches(items: Iterable[Document | Problem], size: int, summary: IngestSummary) -> Iterator[list[Document]]:
    pending: list[Document] = []
    for item in items:
        if isinstance(item, Problem):
            summary.problems.append(item)
            continue
        summary.read += 1
        pending.append(item)
        if len(pending) >= size:
            yield pending
            pending = []
    if pending:
        yield pending
