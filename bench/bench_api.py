"""A bounded load test of the HTTP API on loopback: throughput and latency, with no errors.

    .venv/bin/python bench/bench_api.py [--db PATH] [--clients 50] [--seconds 30]

Starts `detente serve` in its own process on a free loopback port (over PATH; by default a
store built once from ../shared/corpus/*.jsonl), then runs CLIENTS concurrent clients for
SECONDS: half page through GET /api/events with varied filters, half POST a short article
to /api/code. Prints requests, errors, requests/s and p50/p99 latency per endpoint. The
client runs in this process and shares the machine's two cores with the server.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx2 as httpx

ROOT = Path(__file__).resolve().parents[1]
CORPUS = sorted((ROOT.parent / "shared" / "corpus").glob("*.jsonl"))
FILTERS = [{}, {"actor": "USA"}, {"root": "19"}, {"source": "ISR", "target": "PSE"}, {"quad": "4"},
           {"factuality": "asserted", "since": "2015-09-10"}, {"actor": "UN", "quad": "1"}, {"plover": "ASSAULT"}]
ARTICLE = ("Finland expelled two Russian diplomats on Tuesday, accusing them of spying. The Kremlin said it would "
           "respond, and Russia's foreign ministry summoned the Finnish ambassador on Wednesday.")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def reader(client: httpx.AsyncClient, number: int, until: float, record: list[tuple[str, float, int]]) -> None:
    turn = number
    cursor: str | None = None
    while time.perf_counter() < until:
        params = dict(FILTERS[turn % len(FILTERS)], limit="25")
        if cursor:
            params["cursor"] = cursor
        started = time.perf_counter()
        response = await client.get("/api/events", params=params)
        record.append(("GET /api/events", time.perf_counter() - started, response.status_code))
        cursor = response.json().get("next_cursor") if response.status_code == 200 else None
        if cursor is None:
            turn += 1


async def coder(client: httpx.AsyncClient, number: int, until: float, record: list[tuple[str, float, int]]) -> None:
    while time.perf_counter() < until:
        started = time.perf_counter()
        response = await client.post("/api/code", json={"text": ARTICLE, "date": "2025-03-14",
                                                        "doc_id": f"load-{number}"})
        record.append(("POST /api/code", time.perf_counter() - started, response.status_code))


async def load(base: str, clients: int, seconds: float) -> tuple[list[tuple[str, float, int]], float]:
    record: list[tuple[str, float, int]] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:
        await client.post("/api/code", json={"text": ARTICLE})  # the coder loads on first use: not measured
        started = time.perf_counter()
        until = started + seconds
        await asyncio.gather(*((reader if n % 2 == 0 else coder)(client, n, until, record) for n in range(clients)))
        return record, time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    args = parser.parse_args()
    db = args.db or Path(tempfile.gettempdir()) / "detente-bench-api.duckdb"
    if args.db is None and not db.exists():
        subprocess.run([sys.executable, "-m", "detente", "ingest", *map(str, CORPUS), "--db", str(db), "--quiet"],
                       check=True)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "detente", "serve", "--db", str(db), "--port", str(port)],
                              stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(f"{base}/api/health", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        record, elapsed = asyncio.run(load(base, args.clients, args.seconds))
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"{args.clients} clients for {elapsed:.1f} s against {base} ({db})")
    print(f"{'endpoint':18} {'requests':>8} {'errors':>6} {'req/s':>7} {'p50 ms':>8} {'p99 ms':>8}")
    for endpoint in sorted({name for name, _, _ in record}):
        times = [t * 1000 for name, t, _ in record if name == endpoint]
        errors = sum(1 for name, _, status in record if name == endpoint and status >= 400)
        print(f"{endpoint:18} {len(times):>8} {errors:>6} {len(times) / elapsed:>7.1f} "
              f"{percentile(times, 0.5):>8.1f} {percentile(times, 0.99):>8.1f}")
    failures = sum(1 for _, _, status in record if status >= 400)
    if failures:
        raise SystemExit(f"{failures} requests failed")


if __name__ == "__main__":
    main()
