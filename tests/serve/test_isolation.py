"""A live server on loopback under a hostile client: while one client keeps posting texts
that are slow or pathological to code, 20 others paging through events keep their normal
latency, and an over-long URL gets an answer, not a reset connection.

Bounded: the server runs for about 10 s of load. `pytest -s` prints the latencies."""

import http.client
import json
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx2 as httpx
import pytest

from detente.records import Document
from detente.store import Store, ingest

from .live import serving

READERS = 20
SECONDS = 10.0
HOSTILE_TEXTS = [
    "Russia condemned NATO" + "?" * 100_000 + " Iran warned Israel" + "?!" * 45_000,  # punctuation runs
    "Russia condemned NATO on Monday and Iran warned Israel about the talks, " * 2_700,  # one 195 kB sentence
    "Poland expelled two Belarusian diplomats on Tuesday. Japan and South Korea held talks. " * 2_200,  # prose
]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory, coder):
    path: Path = tmp_path_factory.mktemp("isolation") / "events.duckdb"
    with Store(path) as store:
        ingest(store, coder, [Document(id=f"d{n}", date=f"2024-05-{n % 28 + 1:02d}", text=(
            f"Poland expelled {n % 5 + 2} Belarusian diplomats. Japan and South Korea held talks in Tokyo. "
            "Russia condemned NATO.")) for n in range(60)])
    with serving(path) as base:
        # the pipeline loads on the first text coded: not part of what is measured
        assert httpx.post(f"{base}/api/code", json={"text": "Iran warned Israel."}, timeout=120).status_code == 200
        yield base


def test_readers_keep_their_latency_while_one_client_posts_hostile_texts(base):
    stop = threading.Event()
    latencies: list[float] = []
    failures: list[str] = []
    posted: list[tuple[int, float]] = []

    def read() -> None:
        with httpx.Client(base_url=base, timeout=30) as client:
            number = 0
            while not stop.is_set():
                number += 1
                started = time.perf_counter()
                answer = client.get("/api/events", params={"limit": 20, "source": ["POL", "JPN", "RUS"][number % 3]})
                latencies.append(time.perf_counter() - started)
                if answer.status_code != 200:
                    failures.append(f"GET {answer.status_code}")

    def post() -> None:
        with httpx.Client(base_url=base, timeout=60) as client:
            number = 0
            while not stop.is_set():
                started = time.perf_counter()
                answer = client.post("/api/code", json={"text": HOSTILE_TEXTS[number % len(HOSTILE_TEXTS)]})
                posted.append((answer.status_code, time.perf_counter() - started))
                number += 1
                if answer.status_code not in (200, 504):
                    failures.append(f"POST {answer.status_code}: {answer.text[:200]}")

    threads = [threading.Thread(target=read) for _ in range(READERS)] + [threading.Thread(target=post)]
    for thread in threads:
        thread.start()
    time.sleep(SECONDS)
    stop.set()
    for thread in threads:
        thread.join(90)
    assert not any(thread.is_alive() for thread in threads)

    ordered = sorted(latencies)
    p50, p99 = ordered[len(ordered) // 2], ordered[int(len(ordered) * 0.99)]
    print(f"\n{READERS} readers, {len(latencies)} GET /api/events in {SECONDS:g} s: p50 {p50 * 1000:.0f} ms, "
          f"p99 {p99 * 1000:.0f} ms, max {ordered[-1] * 1000:.0f} ms; POST /api/code of hostile texts: "
          + ", ".join(f"{status} in {seconds:.1f} s" for status, seconds in posted))
    assert not failures, failures[:5]
    assert len(posted) >= 2 and p99 < 1.0


def test_an_over_long_url_is_answered_414_not_reset(base):
    connection = http.client.HTTPConnection("127.0.0.1", urlsplit(base).port, timeout=30)
    try:
        connection.request("GET", "/api/events?actor=" + "R" * 200_000)
        answer = connection.getresponse()
        assert answer.status == 414
        assert json.loads(answer.read())["error"]["type"] == "uri_too_long"
    finally:
        connection.close()
