"""Ingest under hostile input: a document over the coder's time budget is reported and not
stored; the rest of the batch is."""

import pytest

from detente.records import Document
from detente.store import Store, ingest


def test_a_document_over_the_time_budget_is_reported_not_stored(tmp_path, coder, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(coder, "time_budget", 1.0)
    documents = [Document("a", "Poland expelled two Belarusian diplomats.", date="2024-05-08"),
                 Document("long", "Russia condemned NATO on Monday. Iran warned Israel about the talks. " * 2_000,
                          origin="long.jsonl:2"),
                 Document("b", "Japan and South Korea held talks in Tokyo.", date="2024-06-03")]
    with Store(tmp_path / "budget.duckdb") as store:
        summary = ingest(store, coder, documents)
        stored = [row[0] for row in store.connection.execute("SELECT id FROM documents ORDER BY id").fetchall()]
    assert stored == ["a", "b"] and summary.coded == 2
    (problem,) = summary.problems
    assert problem.location == "long.jsonl:2" and "budget" in problem.reason
