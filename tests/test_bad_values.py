"""Every command of the README, given a bad value (date, actor, path, limit), ends with one
clear line and exit status 2 (click's own for a bad option value), never a traceback."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from detente.cli import main
from detente.records import Document
from detente.store import Store, ingest


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory, coder) -> Path:
    where = tmp_path_factory.mktemp("bad")
    (where / "article.txt").write_text("Russia suspended its mission to NATO on Monday.\n", encoding="utf-8")
    with Store(where / "news.duckdb") as store:
        ingest(store, coder, [Document(id="a", text="Russia suspended its mission to NATO on Monday.",
                                       date="2021-10-22")])
    return where


BAD = [
    ["code", "article.txt", "--date", "22/10/2021"],
    ["code", "article.txt", "--date", "2021-02-30"],
    ["code", "article.txt", "--format", "csv", "-o", "nodir/events.csv"],
    ["code", "article.txt", "--max-bytes", "-1"],
    ["ingest", "article.txt", "--db", "new.duckdb", "--date", "yesterday"],
    ["ingest", "article.txt", "--db", "new.duckdb", "--batch", "0"],
    ["ingest", "article.txt", "--db", "/proc/nope/new.duckdb"],
    ["events", "--db", "news.duckdb", "--source", "XYZ"],
    ["events", "--db", "news.duckdb", "--since", "2021-13"],
    ["events", "--db", "news.duckdb", "--limit", "-1"],
    ["events", "--db", "news.duckdb", "--offset", "-5"],
    ["events", "--db", "news.duckdb", "--quad", "9"],
    ["events", "--db", "news.duckdb", "--factuality", "rumoured"],
    ["event", "nope", "--db", "news.duckdb"],
    ["actors", "--db", "news.duckdb", "--top", "-1"],
    ["relations", "RUS", "QQQ", "--db", "news.duckdb"],
    ["relations", "RUS", "NATO", "--db", "news.duckdb", "--since", "yesterday"],
    ["relations", "RUS", "NATO", "--db", "news.duckdb", "--plot", "nodir/rel.png"],
    ["relations", "RUS", "NATO", "--db", "news.duckdb", "--plot", "rel.gif"],
    ["escalations", "--db", "news.duckdb", "--window", "soon"],
    ["escalations", "--db", "news.duckdb", "--until", "2021-02-30"],
    ["escalations", "--db", "news.duckdb", "--baseline", "0"],
    ["escalations", "--db", "news.duckdb", "--top", "-2"],
    ["escalations", "--db", "news.duckdb", "--min-confidence", "2"],
    ["chains", "--db", "news.duckdb", "--window", "0d"],
    ["chains", "--db", "news.duckdb", "--actor", "ZZZ"],
    ["chains", "--db", "news.duckdb", "--until", "soon"],
    ["chains", "--db", "news.duckdb", "--min-confidence", "-1"],
    ["network", "--db", "news.duckdb", "--plot", "nodir/network.png"],
    ["network", "--db", "news.duckdb", "--top", "-3"],
    ["export", "--db", "news.duckdb", "--format", "csv", "-o", "/proc/nope"],
    ["export", "--db", "news.duckdb", "--format", "icews-tsv", "-o", "/proc/nope"],
    ["export", "--db", "news.duckdb", "--format", "icews-tsv", "-o", "out", "--factuality", "maybe"],
    ["dedupe", "--db", "news.duckdb", "--window", "-3"],
    ["serve", "--db", "news.duckdb", "--get", "/api/relations/RUS/QQQ"],
    ["serve", "--db", "news.duckdb", "--get", "api/health"],
    ["eval", "missing.jsonl"],
]


@pytest.mark.parametrize("args", BAD, ids=[" ".join(a) for a in BAD])
def test_a_bad_value_is_one_clear_line_and_no_traceback(args, folder, monkeypatch):
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(main, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    if args[0] == "serve" and args[-1].startswith("/api/"):  # the API's error envelope, then status 1
        assert result.exit_code == 1 and '"unknown actor' in result.stdout
        return
    assert result.exit_code == 2 or (result.exit_code == 1 and "/proc/nope/" in args[3]), result.output
    assert len([line for line in result.stderr.splitlines() if line.startswith("Error")]) == 1, result.output
