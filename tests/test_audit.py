"""Blind audits: sampling coded or stored events, reading judged files, scoring them."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from detente.audit import (AuditFilter, AuditItem, coded_items, read_items, sample_items, score_items,
                           stored_items, wilson_interval, write_items)
from detente.cli import main
from detente.errors import QueryError, ReadError
from detente.read import read_inputs
from detente.store import Store, ingest

from .conftest import shared_file


def _actor(key: str, code: str, name: str, text: str) -> dict:
    return {"key": key, "role": code[3:] or None, "code": code, "name": name, "text": text, "span": [0, 1]}


def _coded(number: int, cameo: str = "161", date: str | None = "2021-10-22", factuality: str = "asserted",
           target: dict | None = None) -> dict:
    """A record shaped as `detente code --format jsonl` writes it."""
    return {"doc_id": "d", "event_id": f"e{number:03d}", "source": _actor("RUS", "RUSGOV", "Russia", "Moscow"),
            "target": target if target is not None else _actor("NATO", "NATO", "NATO", "the alliance"),
            "cameo": cameo, "cameo_name": "Reduce or break diplomatic relations", "factuality": factuality,
            "date": date, "sentence": {"text": f"Sentence {number}.", "span": [0, 12]},
            "trigger": {"text": "suspended", "span": [0, 9]}, "confidence": 0.7, "rule": "161-suspend-v"}


def _judged(judgement: str, cameo: str = "161 Reduce relations") -> AuditItem:
    return AuditItem("e", "s", "RUS (Russia; text: 'Russia')", cameo, "-", "asserted", None, "cut", judgement=judgement)


def test_the_wilson_interval_is_the_published_one():
    # docs/audits/README.md: 52 of 150 is 34.7% (27.5-42.6%)
    low, high = wilson_interval(52, 150)
    assert (round(100 * low, 1), round(100 * high, 1)) == (27.5, 42.6)
    assert wilson_interval(0, 0) == (0.0, 1.0)
    assert wilson_interval(10, 10)[1] == pytest.approx(1.0) and wilson_interval(10, 10)[0] > 0.6


def test_the_same_seed_draws_the_same_sample_and_another_seed_another():
    items = coded_items((_coded(n) for n in range(100)), AuditFilter())
    first = sample_items(items, 10, seed=7)
    assert first == sample_items(items, 10, seed=7)
    assert first != sample_items(items, 10, seed=8)
    assert len({i.event_id for i in first}) == 10
    assert len(sample_items(items, 500, seed=7)) == 100  # all of them if fewer


def test_filters_keep_the_factuality_root_date_and_actor_asked_for():
    china = _actor("CHN", "CHNGOV", "China", "Beijing")
    records = [_coded(1), _coded(2, cameo="190"), _coded(3, date=None), _coded(4, date="2019"),
               _coded(5, factuality="negated"), _coded(6, target=china)]
    kept = lambda **where: [i.event_id for i in coded_items(records, AuditFilter(**where))]  # noqa: E731
    assert kept() == ["e001", "e002", "e003", "e004", "e006"]
    assert kept(factuality=("asserted", "negated")) == ["e001", "e002", "e003", "e004", "e005", "e006"]
    assert kept(root="19") == ["e002"]
    assert kept(since="2020") == ["e001", "e002", "e006"]  # undated and older events left out
    assert kept(actor="chn") == kept(actor="CHNGOV") == ["e006"]
    with pytest.raises(QueryError):
        kept(root="21")


def test_an_item_shows_what_the_judge_needs_in_the_audit_format():
    item = coded_items([_coded(1) | {"date_text": "on Friday"}], AuditFilter())[0]
    assert item.to_dict() == {
        "event_id": "e001", "sentence": "Sentence 1.", "source": "RUSGOV (Russia; text: 'Moscow')",
        "cameo": "161 Reduce or break diplomatic relations", "target": "NATO (NATO; text: 'the alliance')",
        "factuality": "asserted", "date": "2021-10-22", "trigger": "suspended", "date_text": "on Friday",
        "judgement": "", "reason": ""}


def test_scores_share_right_per_judgement_and_per_root():
    items = [_judged("correct"), _judged("acceptable"), _judged("wrong_actor"),
             _judged("not_an_event", "190 Use force"), _judged("correct", "190 Use force"), _judged("")]
    score = score_items(items)
    assert (score.overall.right, score.overall.judged, score.unjudged) == (3, 5, 1)
    assert score.judgements["correct"].right == 2 and score.judgements["wrong_code"].right == 0
    assert {root: (s.right, s.judged) for root, s in score.roots.items()} == {"16": (2, 3), "19": (1, 2)}


def test_the_baseline_audit_reads_and_scores_as_its_readme_says():
    score = score_items(read_items(Path(__file__).parents[1] / "docs" / "audits" / "2026-12-05-corpus-baseline.jsonl"))
    assert (score.overall.right, score.overall.judged) == (52, 150)
    assert (score.judgements["correct"].right, score.judgements["acceptable"].right) == (31, 21)


def test_a_bad_line_or_judgement_names_its_line(tmp_path):
    path = tmp_path / "audit.jsonl"
    write_items([_judged("correct")], path)
    path.write_text(path.read_text() + json.dumps({**_judged("").to_dict(), "judgement": "right"}) + "\n")
    with pytest.raises(ReadError, match=r"audit.jsonl:2: unknown judgement 'right'"):
        read_items(path)
    path.write_text("{}\n")
    with pytest.raises(ReadError, match=r"audit.jsonl:1: not an audit line"):
        read_items(path)


_AUDIT_LINES = st.one_of(st.text(max_size=40), st.builds(json.dumps, st.dictionaries(
    st.sampled_from(["event_id", "sentence", "cameo", "judgement", "x"]),
    st.one_of(st.text(max_size=5), st.none(), st.integers()))))


@given(st.lists(_AUDIT_LINES, max_size=5))
def test_any_audit_file_is_read_or_refused_with_a_read_error(tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("audit") / "audit.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    try:
        read_items(path)
    except ReadError:
        pass


def test_sample_and_score_from_the_command_line(tmp_path):
    events = tmp_path / "events.jsonl"
    events.write_text("".join(json.dumps(_coded(n)) + "\n" for n in range(40)))
    runner = CliRunner()
    for name in ("a", "b"):
        result = runner.invoke(main, ["audit", "sample", "--events", str(events), "--n", "5", "--seed", "3",
                                      "-o", str(tmp_path / f"{name}.jsonl")])
        assert result.exit_code == 0, result.output
    assert (tmp_path / "a.jsonl").read_text() == (tmp_path / "b.jsonl").read_text()
    result = runner.invoke(main, ["audit", "score", str(tmp_path / "a.jsonl")])
    assert result.exit_code == 0 and "0 of 0" in result.output and "5 lines not judged yet" in result.output
    bad = runner.invoke(main, ["audit", "sample", "--events", str(events), "--seed", "3", "--root", "x",
                               "-o", str(tmp_path / "c.jsonl")])
    assert bad.exit_code == 2 and "CAMEO root 'x'" in bad.output


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory, coder):
    folder = shared_file("corpus")
    path = tmp_path_factory.mktemp("corpus") / "news.duckdb"
    with Store(path) as store:
        ingest(store, coder, read_inputs([str(folder)]))
    return path


@pytest.mark.model
def test_sample_and_score_a_store_built_from_the_corpus(corpus_store, tmp_path):
    runner = CliRunner()
    paths = [tmp_path / "one.jsonl", tmp_path / "two.jsonl"]
    for path in paths:
        result = runner.invoke(main, ["audit", "sample", "--db", str(corpus_store), "--n", "30", "--seed", "7",
                                      "--root", "19", "-o", str(path)])
        assert result.exit_code == 0, result.output
    assert paths[0].read_text() == paths[1].read_text()
    items = read_items(paths[0])
    assert len(items) == 30 and all(i.root == "19" and i.factuality == "asserted" and i.sentence for i in items)
    with Store(corpus_store, read_only=True) as store:
        everything = stored_items(store, AuditFilter(root="19"))
    assert {i.event_id for i in items} <= {i.event_id for i in everything}
    judged = [json.dumps({**json.loads(line), "judgement": "correct" if n % 3 else "wrong_code"})
              for n, line in enumerate(paths[0].read_text().splitlines())]
    paths[1].write_text("\n".join(judged) + "\n")
    result = runner.invoke(main, ["audit", "score", str(paths[1]), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["overall"]["right"] == 20
