import json
from pathlib import Path

from click.testing import CliRunner

from detente.cli import main
from detente.evaluate import evaluate_file, gold_entity

from .conftest import shared_file


def test_gold_codes_reduce_to_entities() -> None:
    assert gold_entity("USAGOV") == "USA"
    assert gold_entity("IGOUNO") == "IGO"
    assert gold_entity("---REB") == "*"
    assert gold_entity("NATO") == "NATO"
    assert gold_entity("JAP") == "JPN"
    assert gold_entity(None) is None


def write_gold(path: Path) -> Path:
    records = [
        {"id": "t:1", "text": "Finland expelled two Russian diplomats on Tuesday.", "date": "2025-03-14",
         "events": [{"source": "FINGOV", "target": "RUSGOV", "code": "1742", "ontology": "CAMEO"}]},
        {"id": "t:2", "text": "Egypt hosted talks between Sudan and Chad.", "date": "2025-03-14",
         "events": [{"source": "EGY", "target": "IGO", "code": "043", "ontology": "CAMEO"}]},
        {"id": "t:3", "text": "The weather was fine in Cairo.", "date": "2025-03-14", "events": []},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_scores_count_matches_misses_and_false_positives(tmp_path: Path, coder) -> None:
    report = evaluate_file(coder, write_gold(tmp_path / "gold.jsonl"))
    scores = report.scores
    assert report.records == 3 and scores.required == 2
    assert scores.matched_gold >= 1  # the expulsion: dyad and root 17
    assert [m["id"] for m in report.misses] == ["t:2"] or scores.matched_gold == 2
    assert 0 <= scores.precision <= 1 and 0 <= scores.f1 <= 1
    assert scores.exact_code == 0  # 174 predicted against 1742


def test_eval_command_prints_json(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["eval", str(write_gold(tmp_path / "gold.jsonl")), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"precision", "recall", "f1", "exact_code_agreement", "quad_class_agreement"} <= set(data["scores"])


def test_plover_gold_standard_does_not_regress(coder) -> None:
    report = evaluate_file(coder, shared_file("gold/plover_gsr_cameo_manual.jsonl"))
    assert report.scores.f1 >= 0.71, report.scores.to_dict()


def test_gigaword_gold_standard_does_not_regress(coder) -> None:
    report = evaluate_file(coder, shared_file("gold/petrarch2_gsr_gigaword.jsonl"))
    assert report.scores.f1 >= 0.72, report.scores.to_dict()


def test_cameo_manual_examples_do_not_regress(coder) -> None:
    report = evaluate_file(coder, shared_file("gold/cameo_manual_examples.jsonl"))
    assert report.scores.f1 >= 0.72, report.scores.to_dict()
