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
