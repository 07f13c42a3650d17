"""Coding documents in worker processes: the one mechanism behind `Coder.code_documents(...,
workers=N)`, `detente code --workers N`, `ingest --workers N` and `ingest --dask`.

Each worker process builds its own Coder from the Coder's settings once, on its first batch
(so a pipeline that cannot be loaded is an error of that batch, not a pool that restarts
workers for ever), and codes whole batches of documents; results come back in the order the
batches were sent. Workers ignore Ctrl-C: the process that started them gets it and ends
them all. With `dask`, batches are coded on a Dask cluster instead: "local" starts one of
`workers` processes on this machine, an address ("tcp://host:8786") uses a running
scheduler and its workers, on any machines that have detente installed.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from .errors import DetenteError
from .records import CoderSettings, Document

if TYPE_CHECKING:
    from .coder import CodedDocument, Coder


class Pending(Protocol):
    """A batch being coded; `get` waits for its coded documents, in input order."""

    def get(self) -> list[CodedDocument]: ...


# (documents, monadic, time budget: None for the Coder's own) -> the batch, pending
Submit = Callable[[list[Document], bool | None, float | None], Pending]


@dataclass(frozen=True, slots=True)
class _Done:
    coded: list[CodedDocument]

    def get(self) -> list[CodedDocument]:
        return self.coded


@dataclass(frozen=True, slots=True)
class _DaskResult:
    future: Any  # distributed.Future

    def get(self) -> list[CodedDocument]:
        coded: list[CodedDocument] = self.future.result()
        return coded


def code_documents(coder: Coder | CoderSettings, documents: Iterable[Document], workers: int = 1,
                   batch: int = 32, monadic: bool | None = None, time_budget: float | None = None,
                   dask: str | None = None) -> Iterator[CodedDocument]:
    """Coded documents in input order, coded `batch` at a time by `workers` processes (or on
    a Dask cluster); at most two batches per worker are read ahead, so memory stays flat.
    `monadic` and `time_budget` override the Coder's settings, as in Coder.code_documents."""
    with coding(coder, workers, dask) as submit:
        in_flight: deque[Pending] = deque()
        pending: list[Document] = []
        for document in documents:
            pending.append(document)
            if len(pending) >= batch:
                in_flight.append(submit(pending, monadic, time_budget))
                pending = []
            while len(in_flight) > 2 * workers:
                yield from in_flight.popleft().get()
        if pending:
            in_flight.append(submit(pending, monadic, time_budget))
        while in_flight:
            yield from in_flight.popleft().get()


@contextmanager
def coding(coder: Coder | CoderSettings, workers: int = 1, dask: str | None = None) -> Iterator[Submit]:
    """A function that starts coding a batch and returns it pending. With one worker and no
    Dask the batch is coded here, at once; else the workers stop when the block ends, also
    on Ctrl-C or an error."""
    if workers <= 1 and dask is None:
        from .coder import Coder  # only here: a process that hands work to workers does not import it

        local = Coder.from_settings(coder) if isinstance(coder, CoderSettings) else coder
        yield lambda documents, monadic, budget: _Done(list(local.code_documents(documents, len(documents) or 1,
                                                                                 monadic, budget)))
        return
    settings = coder if isinstance(coder, CoderSettings) else coder.settings
    if settings is None:
        raise DetenteError("a Coder built from an already loaded pipeline cannot be rebuilt in worker processes; "
                           "build it with Coder(pipeline=NAME) to code with several workers")
    if dask is not None:
        with _dask_client(dask, workers) as client:
            yield lambda documents, monadic, budget: _DaskResult(
                client.submit(code_batch, settings, documents, monadic, budget, pure=False))
        return
    # spawn, not fork: the caller may run threads (DuckDB's) that a forked child must not inherit
    with _ignoring_interrupts():  # started so, the workers ignore Ctrl-C from their first instruction
        pool = multiprocessing.get_context("spawn").Pool(workers)
    with pool:  # leaving the block, normally or not, terminates every worker
        yield lambda documents, monadic, budget: pool.apply_async(code_batch, (settings, documents, monadic, budget))


@contextmanager
def _ignoring_interrupts() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():  # only the main thread gets Ctrl-C
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


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


_coders: dict[CoderSettings, Coder] = {}  # in a worker process: one Coder per settings, built once


def code_batch(settings: CoderSettings, documents: list[Document], monadic: bool | None,
               time_budget: float | None) -> list[CodedDocument]:
    """Code one batch in a worker process (a pool's or a Dask worker's) with its own Coder."""
    from .coder import Coder

    if settings not in _coders:
        _coders[settings] = Coder.from_settings(settings)
    return list(_coders[settings].code_documents(documents, len(documents) or 1, monadic, time_budget))
