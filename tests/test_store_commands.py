"""The store commands from the command line: what they print and how they fail."""

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from detente.cli import main

ARTICLE = ("Poland expels Belarusian diplomats\n\nPoland expelled two Belarusian diplomats on Tuesday in retaliation "
           "for Belarus's expulsion of a Polish diplomat last week. Poland's foreign ministry also summoned "
           "Belarus's ambassador on Tuesday.\n")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    (folder / "in").mkdir()
    (folder / "in" / "poland.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "in" / "broken.jsonl").write_text('{"id": "x", "text": "Belarus protested."}\n{not json\n',
                                                encoding="utf-8")
    db = folder / "news.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(folder / "in"), "--db", str(db), "--date", "2024-05-09"])
    assert result.exit_code == 0, result.output
    assert "broken.jsonl:2" in result.stderr and "1 problems" in result.stderr
    return db


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_queries_print_tables_and_records(built):
    runner = CliRunner()
    table = runner.invoke(main, ["events", "--db", str(built), "--source", "POL", "--root", "17"])
    assert table.exit_code == 0 and "174 Expel or deport individuals" in table.stdout
    lines = runner.invoke(main, ["events", "--db", str(built), "--actor", "BLR", "--format", "jsonl"]).stdout
    records = [json.loads(line) for line in lines.splitlines()]
    assert {r["cameo"] for r in records} >= {"174", "114"} and all("n_mentions" in r for r in records)
    csv_out = runner.invoke(main, ["events", "--db", str(built), "--format", "csv"]).stdout
    assert csv_out.splitlines()[0].startswith("event_id,source_key")
    actors = runner.invoke(main, ["actors", "--db", str(built), "--top", "3"])
    assert actors.exit_code == 0 and "POL" in actors.stdout
    relations = runner.invoke(main, ["relations", "POL", "BLR", "--db", str(built), "--both", "--by", "week"])
    assert relations.exit_code == 0 and "2024-05-06" in relations.stdout
    chains = runner.invoke(main, ["chains", "--db", str(built)])
    assert "linked by text" in chains.stdout
    assert runner.invoke(main, ["escalations", "--db", str(built), "--min-events", "1"]).exit_code == 0
    assert "window 2 days, match root" in runner.invoke(main, ["dedupe", "--db", str(built)]).stdout
    expulsion = next(r for r in records if r["cameo"] == "174" and r["source"]["key"] == "POL")
    shown = runner.invoke(main, ["event", expulsion["event_id"], "--db", str(built)])
    assert shown.exit_code == 0 and "Poland [expelled] two Belarusian diplomats" in shown.stdout


def test_plots_and_exports_are_written(built, tmp_path):
    runner = CliRunner()
    png = tmp_path / "relations.png"
    result = runner.invoke(main, ["relations", "POL", "BLR", "--db", str(built), "--both", "--plot", str(png)])
    assert result.exit_code == 0, result.output
    with Image.open(png) as image:
        assert image.format == "PNG"
    result = runner.invoke(main, ["network", "--db", str(built), "--plot", str(tmp_path / "network.svg")])
    assert result.exit_code == 0 and (tmp_path / "network.svg").stat().st_size > 1000
    for fmt, name in (("parquet", "events.parquet"), ("csv", "mentions.csv"), ("plover-json", "events.plover.jsonl"),
                      ("icews-tsv", "events.icews.tsv")):
        result = runner.invoke(main, ["export", "--db", str(built), "--format", fmt, "-o", str(tmp_path / fmt)])
        assert result.exit_code == 0 and (tmp_path / fmt / name).stat().st_size > 0


@pytest.mark.parametrize("args, message", [
    (["events", "--source", "XYZ"], "unknown actor 'XYZ'"),
    (["events", "--since", "2024-13"], "malformed date '2024-13'"),
    (["events", "--until", "last week"], "malformed date 'last week'"),
    (["events", "--root", "abc"], "CAMEO root 'abc'"),
    (["events", "--factuality", "rumoured"], "unknown factuality 'rumoured'"),
    (["relations", "POL", "QQQ"], "unknown actor 'QQQ'"),
    (["relations", "POL", "BLR", "--since", "yesterday"], "malformed date"),
    (["relations", "POL", "BLR", "--plot", "chart.gif"], ".png or .svg"),
    (["escalations", "--window", "soon"], "malformed window"),
    (["chains", "--actor", "ZZZ"], "unknown actor 'ZZZ'"),
    (["event", "no-such-id"], "no event with id 'no-such-id'"),
    (["dedupe", "--window", "-3"], "cannot be negative"),
])
def test_bad_arguments_fail_clearly_and_leave_the_store_alone(built, args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    before = _digest(built)
    result = CliRunner().invoke(main, [*args, "--db", str(built)])
    assert result.exit_code != 0
    assert message in result.output
    assert _digest(built) == before


@pytest.mark.parametrize("command", [["events"], ["event", "x"], ["actors"], ["relations", "RUS", "NATO"],
                                     ["escalations"], ["chains"], ["network"],
                                     ["export", "--format", "csv", "-o", "out"], ["dedupe"]])
def test_a_missing_store_is_named_and_not_created(command, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "nowhere.duckdb"
    result = CliRunner().invoke(main, [*command, "--db", str(db)])
    assert result.exit_code != 0 and "no event store at" in result.output
    assert not db.exists()


def test_outputs_name_actors_say_what_they_counted_and_when_nothing_matched(built, tmp_path):
    runner = CliRunner()
    relations = runner.invoke(main, ["relations", "pol", "Belarus", "--db", str(built), "--both", "--by", "year"])
    assert relations.exit_code == 0, relations.output
    assert relations.stdout.splitlines()[2].startswith("2024 ")  # a year prints as 2024, not 2024-01-01
    assert "POL (Poland) ↔ BLR (Belarus):" in relations.stdout and "asserted events" in relations.stdout
    unknown = runner.invoke(main, ["relations", "Polnd", "BLR", "--db", str(built)])
    assert unknown.exit_code == 2 and "did you mean POL" in unknown.output
    events = runner.invoke(main, ["events", "--db", str(built), "--source", "POL", "--root", "17"])
    assert "POL (Poland)" in events.stdout and "events (asserted)" in events.stdout
    for args in (["events", "--root", "20"], ["network", "--root", "20"], ["relations", "POL", "NATO"]):
        empty = runner.invoke(main, [*args, "--db", str(built)])
        assert empty.exit_code == 0 and empty.stdout.startswith("no "), empty.stdout
    actors = runner.invoke(main, ["actors", "--db", str(built)])
    assert "Belarus government" in actors.stdout
    svg = tmp_path / "network.svg"
    assert runner.invoke(main, ["network", "--db", str(built), "--plot", str(svg)]).exit_code == 0
    assert "mostly conflictual" in svg.read_text(encoding="utf-8")  # the legend
    exported = runner.invoke(main, ["export", "--db", str(built), "--format", "plover-json", "-o", str(tmp_path)])
    assert exported.exit_code == 0 and " rows" in exported.stderr


def test_ingest_progress_has_a_total_and_time_left(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "p.duckdb"),
                                       "--date", "2024-05-09"])
    assert result.exit_code == 0 and "1 of 1 documents read" in result.stderr and " left" in result.stderr


def test_events_relations_and_exports_take_a_minimum_confidence(built, tmp_path):
    runner = CliRunner()
    lines = runner.invoke(main, ["events", "--db", str(built), "--format", "jsonl"]).stdout.splitlines()
    confidences = sorted(json.loads(line)["confidence"] for line in lines)
    floor = confidences[-1]
    kept = runner.invoke(main, ["events", "--db", str(built), "--format", "jsonl", "--min-confidence", str(floor)])
    assert [json.loads(line)["confidence"] for line in kept.stdout.splitlines()] == [c for c in confidences
                                                                                   if c >= floor]
    relations = runner.invoke(main, ["relations", "POL", "BLR", "--db", str(built), "--both", "--min-confidence", "1"])
    assert relations.exit_code == 0 and "no asserted events" in relations.stdout
    exported = runner.invoke(main, ["export", "--db", str(built), "--format", "icews-tsv", "-o", str(tmp_path),
                                    "--min-confidence", str(floor)])
    assert exported.exit_code == 0 and "with confidence under" in exported.stderr
    bad = runner.invoke(main, ["events", "--db", str(built), "--min-confidence", "1.5"])
    assert bad.exit_code == 2 and "1.5" in bad.output


def test_escalations_and_chains_take_a_minimum_confidence(built):
    def run(*args: str) -> str:
        result = CliRunner().invoke(main, [*args, "--db", str(built)])
        assert result.exit_code == 0, result.output
        return result.stdout

    def events(*args: str) -> list[dict]:
        return [e for line in run(*args, "--format", "jsonl").splitlines() for e in json.loads(line)["events"]]

    floor = max(json.loads(line)["confidence"] for line in run("events", "--format", "jsonl").splitlines())
    for command in (["chains"], ["escalations", "--min-events", "1"]):
        every, confident = events(*command), events(*command, "--min-confidence", str(floor))
        assert every and len(confident) < len(every) and all(e["confidence"] >= floor for e in confident)
        footer = run(*command, "--min-confidence", str(floor)).splitlines()[-1]
        assert footer.startswith(f"counting asserted events of confidence {floor:g} or more; 0 undated")


def test_a_gold_export_is_scored_by_eval(built, tmp_path):
    runner = CliRunner()
    exported = runner.invoke(main, ["export", "--db", str(built), "--format", "gold", "-o", str(tmp_path)])
    assert exported.exit_code == 0 and "events.gold.jsonl" in exported.stderr
    scored = runner.invoke(main, ["eval", str(tmp_path / "events.gold.jsonl"), "--json"])
    assert scored.exit_code == 0, scored.output
    scores = json.loads(scored.stdout)["scores"]
    assert scores["required"] > 0 and scores["precision"] == scores["recall"] == 1.0


def test_reviews_in_the_store_reach_the_gold_export_that_eval_reads_and_the_reviewed_views(built, tmp_path):
    from detente.store import Store
    from detente.store.query import EventFilter, find_events
    from detente.store.review import Correction, record_judgement

    db = tmp_path / "reviewed.duckdb"
    db.write_bytes(built.read_bytes())
    runner = CliRunner()
    with Store(db) as store:
        events = find_events(store, EventFilter(factuality=("asserted",)))
        expulsion = next(e for e in events if e.cameo == "174" and e.source_key == "POL")
        others = [e for e in events if e.event_id != expulsion.event_id and e.target_code]
        record_judgement(store, expulsion.event_id, "wrong_actor", "ana", Correction(target="BLRGOV"))
        record_judgement(store, others[0].event_id, "not_an_event", "ana")
    exported = runner.invoke(main, ["export", "--db", str(db), "--format", "gold", "-o", str(tmp_path / "gold")])
    assert exported.exit_code == 0 and "2 reports reviewed in" in exported.stderr
    assert "1 reports judged not an event" in exported.stderr
    records = [json.loads(line) for line in (tmp_path / "gold" / "events.gold.jsonl").read_text().splitlines()]
    gold = [e for r in records for e in r["events"]]
    assert {"source": expulsion.source_code, "target": "BLRGOV", "code": "174", "ontology": "CAMEO",
            "event_id": expulsion.event_id, "judgement": "wrong_actor"} in gold
    assert others[0].event_id not in {e["event_id"] for e in gold}
    assert sum(r["meta"]["reviewed"] for r in records) == 2

    scored = runner.invoke(main, ["eval", str(tmp_path / "gold" / "events.gold.jsonl"), "--json"])
    assert scored.exit_code == 0, scored.output
    scores = json.loads(scored.stdout)["scores"]  # the coder still codes what the reviewer struck out
    assert scores["required"] == len(gold) and scores["precision"] < 1.0

    relations = runner.invoke(main, ["relations", "POL", "BLR", "--db", str(db), "--reviewed"])
    assert relations.exit_code == 0
    assert "of the dyad's events reviewed (as reviewers corrected them)" in relations.stdout
    icews = runner.invoke(main, ["export", "--db", str(db), "--format", "icews-tsv", "-o", str(tmp_path / "icews"),
                                 "--reviewed"])
    assert icews.exit_code == 0 and f"2 of {len(events)} events reviewed" in icews.stderr
    assert "1 judged not an event, or wrong with no correction" in icews.stderr
    rows = (tmp_path / "icews" / "events.icews.tsv").read_text().splitlines()
    assert len(rows) == 1 + len(events) - 1  # the header, every event but the one struck out
