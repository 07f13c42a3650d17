import json
from pathlib import Path

from click.testing import CliRunner

from detente.cli import main
from detente.evaluate import _maximum_matching, evaluate_file, gold_entity, record_split

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


def test_matching_is_one_to_one() -> None:
    # gold 0 fits predictions 0 and 1, gold 1 only prediction 0: both can be matched
    assert _maximum_matching([[0, 1], [0]], 2) == [1, 0]
    # two gold events and one prediction that fits both: one match
    assert _maximum_matching([[0], [0]], 1) == [0, None]


def test_one_prediction_satisfies_one_gold_event(tmp_path: Path, coder) -> None:
    record = {"id": "t:twice", "text": "Finland expelled two Russian diplomats on Tuesday.", "date": "2025-03-14",
              "events": [{"source": "FINGOV", "target": "RUSGOV", "code": "1742", "ontology": "CAMEO"},
                         {"source": "FIN", "target": "RUS", "code": "174", "ontology": "CAMEO"}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    scores = evaluate_file(coder, path).scores
    assert (scores.required, scores.matched_gold, scores.predicted, scores.matched_predicted) == (2, 1, 1, 1)


def test_splits_are_the_records_own_else_fixed_by_id() -> None:
    assert record_split({"id": "a", "meta": {"split": ["test"]}}) == "test"
    assert record_split({"id": "a", "meta": {"split": "train"}}) == "train"
    sides = [record_split({"id": f"set:{n}"}) for n in range(1000)]
    assert sides == [record_split({"id": f"set:{n}"}) for n in range(1000)]
    assert 150 < sides.count("test") < 250  # about a fifth


def test_span_files_are_scored_by_event_type(tmp_path: Path, coder) -> None:
    records = [
        {"id": "s:1", "text": "Finland expelled two Russian diplomats on Tuesday.", "date": "2025-03-14",
         "events": [{"source": None, "target": None, "source_text": "Finland", "target_text": "two Russian diplomats",
                     "code": "COERCE", "ontology": "PLOVER"}]},
        {"id": "s:2", "text": "The weather was fine in Cairo.", "date": "2025-03-14",
         "events": [{"source": None, "target": None, "code": "AGREE", "ontology": "PLOVER"}]},
    ]
    path = tmp_path / "spans.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    report = evaluate_file(coder, path)
    assert report.kind == "type" and report.types.pairs == [("COERCE", "COERCE"), ("AGREE", "(none)")]
    assert report.types.accuracy == 0.5 and report.types.no_event == 0.5


# Floors just under the current figures (README "Accuracy"); dyad files one to one, all records.
def test_plover_gold_standard_does_not_regress(coder) -> None:
    report = evaluate_file(coder, shared_file("gold/plover_gsr_cameo_manual.jsonl"))
    assert report.scores.f1 >= 0.70, report.scores.to_dict()


def test_gigaword_gold_standard_does_not_regress(coder) -> None:
    report = evaluate_file(coder, shared_file("gold/petrarch2_gsr_gigaword.jsonl"))
    assert report.scores.f1 >= 0.69, report.scores.to_dict()


def test_cameo_manual_examples_do_not_regress(coder) -> None:
    report = evaluate_file(coder, shared_file("gold/cameo_manual_examples.jsonl"))
    assert report.scores.f1 >= 0.70, report.scores.to_dict()


def test_zsp_plv_test_split_does_not_regress(coder) -> None:
    types = evaluate_file(coder, shared_file("gold/zsp_plv_plover.jsonl"), split="test").types
    assert types.accuracy >= 0.68 and types.no_event <= 0.15, types.to_dict()


def test_conflibert_test_split_does_not_regress(coder) -> None:
    types = evaluate_file(coder, shared_file("gold/conflibert_cameo_pentaclass.jsonl"), split="test").types
    assert types.accuracy >= 0.77 and types.no_event <= 0.11, types.to_dict()


def test_eval_prints_a_reliability_table_and_refits_the_calibration(tmp_path: Path) -> None:
    gold = str(write_gold(tmp_path / "gold.jsonl"))
    example = str(Path(__file__).parents[1] / "examples" / "gold-example.jsonl")
    runner = CliRunner()
    text = runner.invoke(main, ["eval", gold, example, "--calibration", "--show", "0"])
    assert text.exit_code == 0, text.output
    assert "confidence   mean conf  precision  events" in text.stdout and "expected calibration error" in text.stdout
    one = json.loads(runner.invoke(main, ["eval", gold, "--json", "--calibration"]).stdout)
    assert {"bins", "events", "expected_calibration_error"} <= set(one["calibration"]) and "scores" in one
    both = json.loads(runner.invoke(main, ["eval", gold, example, "--json"]).stdout)
    assert len(both["reports"]) == 2 and "calibration" not in both
    fitted = tmp_path / "confidence.tsv"
    refit = runner.invoke(main, ["eval", gold, example, "--fit-calibration", str(fitted), "--show", "0"])
    assert refit.exit_code == 0, refit.output
    header = fitted.read_text()
    assert "gold.jsonl (sha1 " in header and f"#   detente eval {gold} {example} --split all --fit-calibration {fitted}\n" \
        in header  # the command that made it
