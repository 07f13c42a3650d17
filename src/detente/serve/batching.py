"""Coding requests that arrive together are coded together.

While one batch is being coded (in a worker thread), new requests wait in a queue; the
next batch takes all of them, up to `max_batch`. spaCy parses a batch of documents faster
than the same documents one by one, and only one batch is coded at a time.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

import anyio

from ..records import Document

if TYPE_CHECKING:
    from ..coder import CodedDocument

Pending = tuple[Document, "asyncio.Future[CodedDocument]"]


class CodingQueue:
    def __init__(self, code_batch: Callable[[list[Document]], list[CodedDocument]], max_batch: int = 32) -> None:
        self.code_batch, self.max_batch = code_batch, max_batch
        self._loop: asyncio.AbstractEventLoop | None = None
        self._queue: asyncio.Queue[Pending] | None = None
        self._worker: asyncio.Task[None] | None = None

    async def code(self, document: Document) -> CodedDocument:
        loop = asyncio.get_running_loop()
        if self._queue is None or self._loop is not loop or self._worker is None or self._worker.done():
            self._loop, self._queue = loop, asyncio.Queue()
            self._worker = loop.create_task(self._work(self._queue))
        future: asyncio.Future[CodedDocument] = loop.create_future()
        await self._queue.put((document, future))
        return await future

    async def _work(self, queue: asyncio.Queue[Pending]) -> None:
        while True:
            batch = [await queue.get()]
            while len(batch) < self.max_batch and not queue.empty():
                batch.append(queue.get_nowait())
            waiting = [(document, future) for document, future in batch if not future.done()]  # not timed out
            if not waiting:
                continue
            try:
                coded = await anyio.to_thread.run_sync(self.code_batch, [document for document, _ in waiting])
            except Exception as err:  # every request of the batch hears of it
                for _, future in waiting:
                    if not future.done():
                        future.set_exception(err)
                continue
            for (_, future), result in zip(waiting, coded):
                if not future.done():
                    future.set_result(result)
