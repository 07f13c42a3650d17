"""A `detente serve` process on a free loopback port, for the tests that need a real server."""

import contextlib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx2 as httpx


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def serving(db: Path, *options: str, wait: float = 30.0) -> Iterator[str]:
    """The base URL of `detente serve --db DB OPTIONS` once it answers /api/health; the
    process ends with the block."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "detente", "serve", "--db", str(db), *options,
                                "--port", str(port)], stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            try:
                httpx.get(f"{base}/api/health", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)
        assert process.stderr is not None
        process.stderr.close()
