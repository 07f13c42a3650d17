"""Coding in worker processes: the same events in the same order, bad inputs still reported,
a pipeline that cannot load is a clear error, and Ctrl-C ends every worker."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from detente import Document

pytestmark = pytest.mark.model

DETENTE = [sys.executable, "-m", "detente"]
TEXTS = [
    "Finland expelled two Russian diplomats on Tuesday. Moscow said it would respond.",
    "Iran condemned Israel on Monday after an air strike near Damascus.",
    "The weather was mild across the region this week.",
    "Egypt hosted talks between Sudan and Ethiopia in Cairo. The talks ended without an agreement.",
    "Police arrested 40 protesters in Minsk on Sunday.",
    "NATO accused Russia of violating the airspace of Estonia. The Kremlin denied it.",
    "China and India agreed to withdraw troops from the border.",
    "Protesters rallied outside the parliament.",
]


def _documents(copies: int = 1) -> list[Document]:
    return [Document(id=f"d{n}-{copy}", text=text, date="2024-05-09")
            for copy in range(copies) for n, text in enumerate(TEXTS)]


def _summary(coded):
    return [(c.document.id, c.sentences, c.parsed_sentences, [e.to_dict() for e in c.events]) for c in coded]


@pytest.mark.parametrize("monadic", [False, True])
def test_two_workers_code_the_same_events_in_input_order(coder, monadic):
    documents = _documents()
    alone = _summary(coder.code_documents(documents, monadic=monadic))
    together = _summary(coder.code_documents(documents, batch=3, monadic=monadic, workers=2))
    assert [c[0] for c in together] == [d.id for d in documents]
    assert together == alone
    assert sum(len(c[3]) for c in alone) >= 5


def _code(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*DETENTE, "code", *args], capture_output=True, text=True, timeout=300)


def test_the_command_with_workers_prints_what_one_worker_prints_and_reports_bad_inputs(tmp_path):
    for n, text in enumerate(TEXTS):
        (tmp_path / f"{n}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"id": 1, "text": "Egypt hosted Sudan."}\n{oops\n', encoding="utf-8")
    one = _code(str(tmp_path), "--format", "jsonl", "--date", "2024-05-09")
    two = _code(str(tmp_path), "--format", "jsonl", "--date", "2024-05-09", "--workers", "2")
    assert one.returncode == two.returncode == 0, two.stderr
    assert two.stdout == one.stdout and len(one.stdout.splitlines()) >= 5
    assert "bad.jsonl:2" in two.stderr and "malformed JSON" in two.stderr
    assert two.stderr.splitlines()[-1] == one.stderr.splitlines()[-1]


def test_a_pipeline_the_workers_cannot_load_is_a_clear_error(tmp_path):
    (tmp_path / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    result = _code(str(tmp_path), "--workers", "2", "--pipeline", "no_such_pipeline")
    assert result.returncode == 1
    assert "cannot load the spaCy pipeline 'no_such_pipeline'" in result.stderr


def _alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


def _default_interrupts() -> None:
    """Ctrl-C as a terminal delivers it: an earlier test's server may leave this process
    ignoring SIGINT, and a child started so would inherit that and never see it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_ends_every_worker(tmp_path):
    corpus = tmp_path / "many.jsonl"
    corpus.write_text("".join(json.dumps({"id": d.id, "text": d.text, "date": d.date}) + "\n"
                              for d in _documents(copies=300)), encoding="utf-8")
    # its own session, so that the interrupt goes to every process of the run, as a terminal's Ctrl-C does
    with subprocess.Popen([*DETENTE, "code", str(corpus), "--format", "jsonl", "--workers", "2"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          start_new_session=True, preexec_fn=_default_interrupts) as process:
        assert process.stdout is not None
        assert process.stdout.readline()  # the workers are coding
        os.killpg(process.pid, signal.SIGINT)
        process.communicate(timeout=60)
        assert process.returncode != 0
    deadline = time.monotonic() + 20
    while _alive(process.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _alive(process.pid)


def test_a_document_over_the_time_budget_is_still_reported_and_skipped(tmp_path):
    for n, text in enumerate(TEXTS[:3]):
        (tmp_path / f"{n}.txt").write_text(text, encoding="utf-8")
    one = _code(str(tmp_path), "--format", "jsonl", "--max-seconds", "1e-9")
    two = _code(str(tmp_path), "--format", "jsonl", "--max-seconds", "1e-9", "--workers", "2")
    assert two.returncode == one.returncode and two.stdout == one.stdout == ""
    skipped = [line for line in two.stderr.splitlines() if line.startswith("skipped") and "coding took longer" in line]
    assert len(skipped) == 3
    assert sorted(two.stderr.splitlines()) == sorted(one.stderr.splitlines())
