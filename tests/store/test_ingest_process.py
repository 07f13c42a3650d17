"""Ingesting the shared corpus through the command line: twice, and killed half-way."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from detente.store import Store
from detente.store.query import EventFilter, find_events

from ..conftest import shared_file

DETENTE = [sys.executable, "-m", "detente"]


def _snapshot(path: Path) -> tuple[object, ...]:
    with Store(path, read_only=True) as store:
        events = sorted((e.event_id, e.n_mentions, e.n_documents) for e in find_events(store, EventFilter(), None))
        return store.counts(), events


def _ingest(corpus: Path, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*DETENTE, "ingest", str(corpus), "--db", str(db)], capture_output=True, text=True,
                          check=True, timeout=600)


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    corpus = shared_file("corpus").resolve()
    db = tmp_path_factory.mktemp("store") / "corpus.duckdb"
    _ingest(corpus, db)
    return corpus, db


def test_ingesting_the_corpus_twice_leaves_the_same_counts(corpus_store):
    corpus, db = corpus_store
    before = _snapshot(db)
    assert before[0].documents > 2000 and before[0].events > 500
    again = _ingest(corpus, db)
    assert "0 new" in again.stderr
    assert _snapshot(db) == before


def test_a_killed_ingest_finishes_on_rerun_with_the_uninterrupted_result(corpus_store, tmp_path):
    corpus, reference = corpus_store
    db = tmp_path / "killed.duckdb"
    with subprocess.Popen([*DETENTE, "ingest", str(corpus), "--db", str(db), "--batch", "32"],
                          stderr=subprocess.PIPE, text=True) as process:
        assert process.stderr is not None
        for line in process.stderr:  # one progress line per committed batch
            if line.split(" ")[0].isdigit() and int(line.split(" ")[0]) >= 320:
                os.kill(process.pid, signal.SIGKILL)
                break
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    partial = _snapshot(db)
    assert 0 < partial[0].documents < _snapshot(reference)[0].documents
    rerun = _ingest(corpus, db)
    assert "already stored" in rerun.stderr
    assert _snapshot(db) == _snapshot(reference)
