"""Ingest: read, code and store documents in batches, skipping what the store already has.

Memory stays flat: documents stream from the readers, a few batches at a time are coded
and committed. A rerun after a crash codes only the documents the last commit did not
hold. With `workers` > 1 or `dask`, batches are coded by detente.parallel (worker
processes or a Dask cluster, each worker building its own Coder from the Coder's settings;
pass the CoderSettings alone and this process loads no pipeline) while this process writes
the store. Either way the store is the one a single process would build, as deduplication
does not depend on order.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..parallel import Pending, coding
from ..records import Document, Problem
from .store import Store, document_key

if TYPE_CHECKING:
    from ..coder import Coder, CoderSettings

DEFAULT_BATCH = 64


@dataclass(slots=True)
class IngestSummary:
    read: int = 0  # documents read
    known: int = 0  # of which the store already had
    coded: int = 0  # of which were coded and stored now
    sentences: int = 0
    mentions: int = 0
    problems: list[Problem] = field(default_factory=list)


def ingest(store: Store, coder: Coder | CoderSettings, items: Iterable[Document | Problem],
           batch: int = DEFAULT_BATCH, progress: Callable[[IngestSummary], None] | None = None,
           workers: int = 1, dask: str | None = None) -> IngestSummary:
    summary = IngestSummary()
    in_flight: deque[Pending] = deque()

    def commit(result: Pending) -> None:
        coded = []
        for item in result.get():  # a document over the coder's time budget is reported, not stored
            if item.problem is not None:
                summary.problems.append(item.problem)
            else:
                coded.append(item)
        summary.mentions += store.add(coded)
        summary.coded += len(coded)
        summary.sentences += sum(c.sentences for c in coded)
        if progress is not None:
            progress(summary)

    with coding(coder, workers, dask) as code:
        for documents in _batches(items, batch, summary):
            fresh: dict[str, Document] = {}
            for document in documents:
                fresh.setdefault(document_key(document), document)
            known = store.known_documents(fresh)
            new = [document for key, document in fresh.items() if key not in known]
            summary.known += len(documents) - len(new)
            in_flight.append(code(new, None, None))
            while len(in_flight) > workers:  # a few batches ahead at most: memory stays flat
                commit(in_flight.popleft())
        while in_flight:
            commit(in_flight.popleft())
    return summary


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
