import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from detente.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "embassy-closures.md"


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


def test_code_jsonl_follows_the_output_contract() -> None:
    result = run("code", str(EXAMPLE), "--date", "2025-03-14", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines
    text = EXAMPLE.read_text(encoding="utf-8")
    required = {"doc_id", "event_id", "source", "target", "cameo", "cameo_name", "goldstein", "quad_class", "plover",
                "factuality", "date", "date_precision", "date_text", "location", "sentence", "trigger", "mentions",
                "confidence", "rule"}
    for event in lines:
        assert required <= set(event)
        assert set(event["source"]) == {"key", "role", "code", "name", "text", "span"}
        start, end = event["trigger"]["span"]
        assert text[start:end] == event["trigger"]["text"]
        assert 0 < event["confidence"] <= 1
    assert "documents" in result.stderr and "events" in result.stderr


def test_csv_output_is_flat(tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    result = run("code", str(EXAMPLE), "--date", "2025-03-14", "--format", "csv", "-o", str(out))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows and {"source_code", "target_code", "cameo", "trigger_span", "mentions_count"} <= set(rows[0])


def test_table_for_people() -> None:
    result = run("code", "-", "--date", "2025-03-14", stdin="Finland expelled two Russian diplomats on Tuesday.")
    assert result.exit_code == 0, result.output
    assert "FIN" in result.stdout and "RUSGOV" in result.stdout and "174" in result.stdout


def test_bad_inputs_are_reported_and_the_rest_is_coded(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Iran condemned Israel.", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"id": 1, "text": "Egypt hosted Sudan."}\n{oops\n', encoding="utf-8")
    result = run("code", str(tmp_path), "--format", "jsonl")
    assert result.exit_code == 0
    assert "bad.jsonl:2" in result.stderr and "malformed JSON" in result.stderr
    assert "2 documents" in result.stderr and "1 problems" in result.stderr


def test_nothing_readable_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = run("code", str(tmp_path / "empty.txt"))
    assert result.exit_code == 1
    assert "empty document" in result.stderr


def test_lexicon_check() -> None:
    result = run("lexicon", "check")
    assert result.exit_code == 0 and result.stdout.startswith("ok:")


def test_lexicon_coverage_reaches_every_code() -> None:
    result = run("lexicon", "coverage", "--markdown")
    assert result.exit_code == 0
    assert "| 0871 | Declare truce, ceasefire |" in result.stdout


def test_lexicon_check_names_the_bad_line(tmp_path: Path) -> None:
    import shutil

    data = tmp_path / "data"
    shutil.copytree(ROOT / "src" / "detente" / "data", data)
    roles = data / "actors" / "roles.tsv"
    roles.write_text(roles.read_text(encoding="utf-8") + "warlord\tXYZ\t\n", encoding="utf-8")
    result = run("lexicon", "check", "--data", str(data))
    assert result.exit_code != 0
    assert "roles.tsv, line" in result.output and "field 'role'" in result.output


def test_unknown_pipeline_is_a_clear_error() -> None:
    result = run("code", str(EXAMPLE), "--pipeline", "no_such_pipeline")
    assert result.exit_code != 0 and "no_such_pipeline" in result.output


def test_monadic_events_on_request() -> None:
    text = "The Kremlin declined to comment on Friday."
    plain = run("code", "-", "--format", "jsonl", stdin=text)
    monadic = run("code", "-", "--format", "jsonl", "--monadic", stdin=text)
    assert plain.exit_code == monadic.exit_code == 0
    assert plain.stdout == ""
    (event,) = [json.loads(line) for line in monadic.stdout.splitlines()]
    assert event["source"]["code"] == "RUSGOV" and event["target"] is None


@pytest.mark.parametrize("command", ["code", "ingest"])
@pytest.mark.parametrize("value", ["2021-13-45", "yesterday", "2021-02-30", "0000-00-00", "October 22, 2021",
                                   "22/10/2021", "2021-W42-5"])
def test_a_malformed_date_is_refused_before_anything_is_coded(command: str, value: str, tmp_path: Path) -> None:
    db = tmp_path / "never.duckdb"
    extra = ["--db", str(db)] if command == "ingest" else []
    result = run(command, "-", "--date", value, *extra, stdin="Russia condemned NATO on Monday.")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output and "documents" not in result.output
    assert not db.exists()


def test_last_friday_in_an_article_published_on_a_friday_is_the_week_before() -> None:
    result = run("code", "-", "--date", "2024-06-21", "--format", "jsonl",
                 stdin="Indian and Chinese troops clashed along the border last Friday.")
    assert result.exit_code == 0, result.output
    assert {json.loads(line)["date"] for line in result.stdout.splitlines()} == {"2024-06-14"}


def test_the_code_table_names_actors_beside_their_codes() -> None:
    result = run("code", str(EXAMPLE), "--date", "2025-03-14")
    assert "RUSGOV (Russia government)" in result.stdout and "FIN (Finland)" in result.stdout


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero and named pipes")
def test_hostile_inputs_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    """The command line cases of issue 13 in one run, with standard input closed: no crash, no hang."""
    deep = tmp_path / "deep.jsonl"
    deep.write_text("\n".join([
        json.dumps({"id": "before", "text": "Iran warned Israel."}),
        '{"id": "deep", "text": ' + "[" * 1000 + "]" * 1000 + "}",
        '{"id": "surrogate", "text": "Poland expelled \\ud800 two Belarusian diplomats."}',
        json.dumps({"id": "after", "text": "Russia condemned NATO."})]) + "\n", encoding="utf-8")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "runs.txt").write_text("Japan and South Korea held talks" + "?" * 40_000, encoding="utf-8")
    (tmp_path / "line.txt").write_text("Turkey criticised Greece" + "?!." * 1_700_000, encoding="utf-8")  # 5 MB
    inputs = [str(deep), "/dev/zero", str(tmp_path / "zero.txt"), str(tmp_path / "pipe.txt"),
              str(tmp_path / "runs.txt"), str(tmp_path / "line.txt"), "-"]
    result = subprocess.run(["sh", "-c", 'exec "$0" -m detente code "$@" --format jsonl <&-', sys.executable, *inputs],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    coded = {json.loads(line)["doc_id"] for line in result.stdout.splitlines()}
    assert coded == {"before", "surrogate", "after", "runs", "line"}
    for words in ["deep.jsonl:2: JSON nested too deep", "note: " + str(deep) + ":3: lone surrogate",
                  "/dev/zero: not a regular file (a character device)",
                  "zero.txt: not a regular file (a character device)", "pipe.txt: not a regular file (a named pipe)",
                  "<stdin>: standard input is closed", "5 documents"]:
        assert words in result.stderr
    assert "Traceback" not in result.stderr


def test_code_and_ingest_take_a_users_own_calibration(tmp_path: Path) -> None:
    # a fit that trusts nothing: every event gets sigmoid(-5) whatever its raw score
    fitted = tmp_path / "confidence.tsv"
    fitted.write_text("feature\tweight\nintercept\t-5.0\nscore\t0.0\n", encoding="utf-8")
    text = "Russia condemned NATO on Monday. Poland expelled two Belarusian diplomats."
    result = run("code", "-", "--date", "2024-05-08", "--format", "jsonl", "--calibration", str(fitted), stdin=text)
    assert result.exit_code == 0, result.output
    assert {json.loads(line)["confidence"] for line in result.stdout.splitlines()} == {0.007}
    db = tmp_path / "mine.duckdb"
    result = run("ingest", "-", "--date", "2024-05-08", "--db", str(db), "--calibration", str(fitted), stdin=text)
    assert result.exit_code == 0, result.output
    events = run("events", "--db", str(db), "--format", "jsonl")
    assert {json.loads(line)["confidence"] for line in events.stdout.splitlines()} == {0.007}
