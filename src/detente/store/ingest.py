"""Ingest: read, code and store documents in batches, skipping what the store already has.

Memory stays flat: documents stream from the readers, a few batches at a time are coded
and committed. A rerun after a crash codes only the documents the last commit did not
hold. With `workers` > 1, batches are coded in that many worker processes (each builds
its own Coder from the Coder's settings; pass the CoderSettings alone and this process
loads no pipeline) while this process writes the store. With `dask`, batches are coded
on a Dask cluster instead: "local" starts one of `workers` processes on this machine, an
address ("tcp://host:8786") uses a running scheduler and its workers, on any machines
that have detente installed. Either way the store is the one a single process would
build, as deduplication does not depend on order.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

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
           workers: int = 1, dask: str | None = None) -> IngestSummary:
    summary = IngestSummary()
    in_flight: deque[_Result] = deque()

    def commit(result: _Result) -> None:
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

    with _coding(coder, workers, dask) as code:
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
def _coding(coder: Coder | CoderSettings, workers: int,
            dask: str | None) -> Iterator[Callable[[list[Document]], _Result]]:
    """A function that starts coding a batch and returns its pending result."""
    from ..coder import Coder, CoderSettings

    if workers <= 1 and dask is None:
        local = Coder.from_settings(coder) if isinstance(coder, CoderSettings) else coder
        yield lambda documents: _Done(list(local.code_documents(documents, batch=len(documents) or 1)))
        return
    settings = coder if isinstance(coder, CoderSettings) else coder.settings
    if settings is None:
        raise DetenteError("a Coder built from an already loaded pipeline cannot be rebuilt in worker processes; "
                           "build it with Coder(pipeline=NAME) to ingest with several workers")
    if dask is not None:
        with _dask_client(dask, workers) as client:
            yield lambda documents: _DaskResult(client.submit(_code_with, settings, documents, pure=False))
        return
    # spawn, not fork: this process runs DuckDB's threads, which a forked child must not inherit
    with multiprocessing.get_context("spawn").Pool(workers, _start_worker, (settings,)) as pool:
        yield lambda documents: pool.apply_async(_code_in_worker, (documents,))


@dataclass(frozen=True, slots=True)
class _DaskResult:
    future: Any  # distributed.Future

    def get(self) -> list[CodedDocument]:
        coded: list[CodedDocument] = self.future.result()
        return coded


@contextmanager
def _dask_client(address: str, workers: int) -> Iterator[Any]:
    from distributed import Client, LocalCluster  # imported only when asked for: it is slow to import

    if address == "local":
        cluster = LocalCluster(n_workers=max(workers, 1), threads_per_worker=1,  # type: ignore[no-untyped-call]
                               processes=True, dashboard_address=None, silence_logs=logging.WARNING)
        with cluster, Client(cluster) as client:  # type: ignore[no-untyped-call]
            yield client
        return
    try:
        client = Client(address, timeout="20s")  # type: ignore[no-untyped-call]
    except OSError as err:
        raise DetenteError(f"cannot reach the Dask scheduler at {address}: {err}") from err
    with client:
        yield client


_worker_coder: Coder | None = None
_coders_by_settings: dict[CoderSettings, Coder] = {}  # in a Dask worker: one Coder per settings, built once


def _code_with(settings: CoderSettings, documents: list[Document]) -> list[CodedDocument]:
    from ..coder import Coder

    if settings not in _coders_by_settings:
        _coders_by_settings[settings] = Coder.from_settings(settings)
    return list(_coders_by_settings[settings].code_documents(documents, batch=len(documents) or 1))


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
