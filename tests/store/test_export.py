import csv
import json

from detente.records import Document
from detente.store import Store, ingest
from detente.store.export import ICEWS_COLUMNS, export

TEXT = ("Chinese and Taiwanese leaders haven't met since 1949. Poland expelled two Belarusian diplomats in 2016. "
        "Russia accused NATO of threatening its security on Monday. Russia and NATO held talks on Tuesday.")


def test_icews_keeps_factuality_and_date_precision_and_plover_says_what_it_leaves_out(tmp_path, coder):
    with Store(tmp_path / "s.duckdb") as store:
        ingest(store, coder, [Document(id="d", text=TEXT, date="2021-10-22")])
        (asserted,) = export(store, "icews-tsv", tmp_path / "asserted")
        (every,) = export(store, "icews-tsv", tmp_path / "all", factuality=("asserted", "negated"))
        (plover,) = export(store, "plover-json", tmp_path / "plover")
    with asserted.path.open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream, delimiter="\t"))
    assert list(rows[0])[:len(ICEWS_COLUMNS) - 2] == ICEWS_COLUMNS[:-2]
    assert {r["Factuality"] for r in rows} == {"asserted"}  # "haven't met since 1949" is no 040 Consult
    expulsion = next(r for r in rows if r["CAMEO Code"] == "174")
    assert (expulsion["Event Date"], expulsion["Date Precision"]) == ("2016", "year")  # never 2016-01-01
    assert asserted.left_out == {"negated (--factuality all to include them)": 2} and asserted.rows == len(rows)
    with every.path.open(encoding="utf-8") as stream:
        negated = [r for r in csv.DictReader(stream, delimiter="\t") if r["Factuality"] == "negated"]
    assert [r["Event Date"] for r in negated] == ["1949", "1949"]
    records = [json.loads(line) for line in plover.path.read_text(encoding="utf-8").splitlines()]
    assert plover.rows == len(records) and "left out" in str(plover)
    assert sum(plover.left_out.values()) + plover.rows == asserted.rows + 2


def test_an_event_export_can_keep_only_confident_events_and_says_how_many_it_left_out(tmp_path, coder):
    with Store(tmp_path / "s.duckdb") as store:
        ingest(store, coder, [Document(id="d", text=TEXT, date="2021-10-22")])
        (every,) = export(store, "icews-tsv", tmp_path / "every")
        confidences = sorted(c for (c,) in store.connection.execute(
            "SELECT confidence FROM events WHERE factuality = 'asserted'").fetchall())
        floor = confidences[len(confidences) // 2]
        (confident,) = export(store, "icews-tsv", tmp_path / "confident", min_confidence=floor)
    kept = sum(c >= floor for c in confidences)
    assert 0 < confident.rows == kept < every.rows
    assert confident.left_out[f"with confidence under {floor:g}"] == len(confidences) - kept


def test_a_gold_export_is_read_back_by_eval_and_scores_the_same_coder_perfectly(tmp_path, coder):
    from detente.evaluate import evaluate_file

    text = TEXT + " UNICEF condemned Russia on Monday."
    with Store(tmp_path / "s.duckdb") as store:
        ingest(store, coder, [Document(id="d", text=text, date="2021-10-22"),
                              Document(id="d", text="Nothing happened in Paris.", date="2021-10-23"),
                              Document(id="quiet", text="The weather was fine.", date="2021-10-23")])
        (gold,) = export(store, "gold", tmp_path / "gold")
    records = [json.loads(line) for line in gold.path.read_text(encoding="utf-8").splitlines()]
    assert gold.rows == 3 and [r["id"] for r in records] == ["d", "d#2", "quiet"]
    assert records[0]["text"] == text and records[0]["date"] == "2021-10-22" and records[2]["events"] == []
    assert {(e["source"], e["code"], e["target"]) for e in records[0]["events"]} >= {("UNICEF", "111", "RUS")}
    report = evaluate_file(coder, gold.path)
    assert report.kind == "dyad" and report.records == 3
    assert report.scores.required == len(records[0]["events"]) > 0
    assert report.scores.precision == report.scores.recall == 1.0
