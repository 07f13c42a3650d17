"""Calibrated confidence: fitting, the shipped weights, reliability tables, the coder's use,
reviewed and audited events as training examples."""

import datetime as dt
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from detente.calibration import (PENALTIES, Calibration, Outcome, chance_error, document_features,
                                 expected_calibration_error, fit_calibration, fit_weights, load_calibration,
                                 reliability_table, render_thresholds, write_calibration)
from detente.cli import main
from detente.errors import VocabularyError
from detente.audit import coded_item, write_items
from detente.evaluate import audited_outcomes, calibrated_pairs, evaluate_file, reviewed_outcomes
from detente.records import Document
from detente.store import Store, ingest
from detente.store.query import EventFilter, find_events
from detente.store.review import Correction, judged_reports, record_judgement
from detente.vocabulary import data_dir

from .conftest import shared_file

DYAD_GOLD = ("plover_gsr_cameo_manual", "petrarch2_gsr_gigaword", "cameo_manual_examples")
AUDITS = Path(__file__).parents[1] / "docs" / "audits"
TEXT = "Russia expelled two Polish diplomats on Monday. Poland condemned the expulsion and recalled its ambassador."


def _outcomes(feature: str, right: int, wrong: int) -> list[Outcome]:
    return [Outcome((feature,), 0.7, n < right, f"{feature}{n}") for n in range(right + wrong)]


def test_the_fit_learns_how_often_each_feature_is_right():
    calibration = fit_weights(_outcomes("pos=v", 90, 10) + _outcomes("pos=n", 30, 70), penalty=0.01)
    assert calibration.probability(("pos=v",), 0.7) == pytest.approx(0.9, abs=0.01)
    assert calibration.probability(("pos=n",), 0.7) == pytest.approx(0.3, abs=0.01)
    assert 0.3 < calibration.probability(("never-seen",), 0.7) < 0.9  # weighs nothing


def test_the_penalty_is_chosen_by_cross_validation_and_shrinks_rare_features():
    calibration, penalty = fit_calibration(_outcomes("common", 300, 100) + _outcomes("rare", 2, 0))
    assert penalty in PENALTIES
    assert calibration.probability(("rare",), 0.7) < 0.95  # two events are not proof of certainty
    with pytest.raises(ValueError):
        fit_calibration([])


def test_reliability_bins_and_expected_calibration_error():
    pairs = [(0.95, True)] * 9 + [(0.95, False)] + [(0.25, True)] + [(0.25, False)] * 3 + [(1.0, True)]
    table = reliability_table(pairs)
    assert [(b.low, b.count) for b in table] == [(0.2, 4), (0.9, 11)]  # 1.0 falls in the last bin
    assert table[0].precision == 0.25 and table[1].precision == pytest.approx(10 / 11)
    gaps = 4 * 0.0 + 11 * abs((0.95 * 10 + 1.0) / 11 - 10 / 11)
    assert expected_calibration_error(table) == pytest.approx(gaps / 15)
    median, high = chance_error([0.8] * 100)
    assert 0 < median < high < 0.2


def test_a_calibration_file_round_trips_and_a_bad_weight_names_its_line(tmp_path):
    path = tmp_path / "confidence.tsv"
    write_calibration(Calibration({"intercept": -0.5, "score": 1.0, "pos=v": 0.25}), path, ["made by a test"])
    assert path.read_text().startswith("# made by a test\nfeature\tweight\n")
    assert load_calibration(path).weights == {"intercept": -0.5, "score": 1.0, "pos=v": 0.25}
    path.write_text("feature\tweight\nintercept\tlow\n")
    with pytest.raises(VocabularyError, match="line 2"):
        load_calibration(path)


def test_the_coder_reports_the_calibrated_probability(coder):
    raw = next(coder.code_documents([Document(id="d", text=TEXT, date="2021-10-22")], calibrated=False)).events
    calibrated = coder.code(TEXT, date="2021-10-22", doc_id="d")
    assert [e.event_id for e in raw] == [e.event_id for e in calibrated]  # the same events, only rescored
    features = document_features(raw, TEXT)
    assert [e.confidence for e in calibrated] == [round(coder.calibration.probability(f, e.confidence), 3)
                                                  for e, f in zip(raw, features)]
    assert all(f[-3].startswith("crowd=") and f[-2].startswith("length=") and f[-1] == "context=article"
               for f in features)


def _gold_and_audited(coder, split: str) -> tuple[list[Outcome], list[Outcome]]:
    reports = [evaluate_file(coder, shared_file(f"gold/{name}.jsonl"), split=split) for name in DYAD_GOLD]
    audited = audited_outcomes(coder, [str(AUDITS)], [str(shared_file("corpus"))], split)
    return [o for r in reports for o in r.outcomes], audited.outcomes


@pytest.mark.model
def test_the_shipped_calibration_is_the_one_the_train_splits_give(coder):
    """Fails after the rules change until the calibration is refitted (README: Accuracy)."""
    gold, audited = _gold_and_audited(coder, "train")
    refitted, _ = fit_calibration(gold + audited)
    shipped = load_calibration(data_dir() / "calibration" / "confidence.tsv")
    assert shipped.weights.keys() == refitted.weights.keys()
    assert all(shipped.weights[k] == pytest.approx(w, abs=1e-5) for k, w in refitted.weights.items()), \
        "the rules changed: refit with the command in the header of data/calibration/confidence.tsv"


@pytest.mark.model
def test_on_the_test_splits_calibration_beats_the_raw_scores_and_never_over_promises(coder):
    """The calibrated confidence says how often events are right better than the raw scores do
    (a lower expected calibration error on the test sides; the Brier score, which also counts
    how well confidence ranks events, is lower on both kinds together but not on the audited
    events alone: README, Calibrated confidence). The test sides'
    events are right more often than the train sides', so the calibration is under-confident
    there; what must hold is that it never says more than sampling allows: its over-confident
    part is within chance for each kind."""
    gold, audited = _gold_and_audited(coder, "test")
    calibrated = calibrated_pairs(gold + audited, coder.calibration)
    raw = [(o.score, o.right) for o in gold + audited]
    ece = expected_calibration_error
    assert ece(reliability_table(calibrated)) < ece(reliability_table(raw))
    for outcomes in (gold, audited):  # lone gold sentences and articles of real news, each on its own
        pairs = calibrated_pairs(outcomes, coder.calibration)
        table = reliability_table(pairs)
        over = sum(b.count * max(0.0, b.mean_confidence - b.precision) for b in table) / len(pairs)
        assert over <= chance_error([c for c, _ in pairs])[1]


REVIEWED = [
    Document(id="pl-1", date="2024-05-08", text="Poland expelled two Belarusian diplomats on Tuesday."),
    Document(id="jp-1", date="2024-06-03",
             text="Japan and South Korea held talks in Tokyo on Monday. Japan pledged economic aid to Ukraine."),
    Document(id="ru-1", date="2021-10-22", text="Russia suspended its diplomatic mission to NATO this week."),
]


@pytest.fixture
def reviewed_store(tmp_path, coder):
    """A store of three short articles, three of its events judged: right, wrong and corrected, not an event."""
    with Store(tmp_path / "reviewed.duckdb") as store:
        ingest(store, coder, REVIEWED)
        events = {(e.source_key, e.cameo[:2]): e.event_id for e in find_events(store, EventFilter())}
        record_judgement(store, events[("POL", "17")], "correct", "ana")
        record_judgement(store, events[("JPN", "03")], "wrong_actor", "ana", Correction(target="UKRGOV"))
        record_judgement(store, events[("RUS", "16")], "not_an_event", "bo")
    return tmp_path / "reviewed.duckdb"


def test_judged_reports_the_coder_still_writes_are_labelled_by_their_judgement(reviewed_store, coder):
    with Store(reviewed_store) as store:
        judged = judged_reports(store)
        assert sorted((r.coded[0][:3], r.judgement, r.right) for r in judged) == [
            ("JPN", "wrong_actor", False), ("POL", "correct", True), ("RUS", "not_an_event", False)]
        reviewed = reviewed_outcomes(coder, judged, str(reviewed_store))
        assert (reviewed.judged, reviewed.latest) == (3, max(r.judged_at for r in judged))
        raw = {r.document.id: next(coder.code_documents([r.document], calibrated=False)).events for r in judged}
        expected = []
        for report in judged:  # the event at the judged trigger, its features and raw score, the judgement
            events = raw[report.document.id]
            event = next(e for e in events if (e.trigger.start, e.trigger.end) == report.trigger
                         and (e.source.code, e.target.code if e.target else None, e.cameo, e.factuality) == report.coded)
            features = document_features(events, report.document.text)[events.index(event)]
            expected.append(Outcome(features, event.confidence, report.right, f"review:{report.document.id}"))
        assert reviewed.outcomes == expected
        # the coder now writes the Russian event with another code: its judgement was of another event
        store.connection.execute("UPDATE mentions SET cameo = '160' WHERE source_key = 'RUS'")
        assert len(reviewed_outcomes(coder, judged_reports(store), "s").outcomes) == 2


def test_eval_fits_the_calibration_on_reviewed_events_too_and_says_so(reviewed_store, tmp_path):
    gold = str(Path(__file__).parents[1] / "examples" / "gold-example.jsonl")
    runner = CliRunner()
    fitted, with_reviews = tmp_path / "gold-only.tsv", tmp_path / "with-reviews.tsv"
    assert runner.invoke(main, ["eval", gold, "--fit-calibration", str(fitted), "--show", "0"]).exit_code == 0
    result = runner.invoke(main, ["eval", gold, "--fit-calibration", str(with_reviews), "--db", str(reviewed_store),
                                  "--show", "0"])
    assert result.exit_code == 0, result.output
    assert f"3 of the 3 reports judged in {reviewed_store} are coded as they were judged" in result.stderr
    gold_events = int(re.search(r"Fitted on \S+ on (\d+) events", fitted.read_text())[1])
    header = with_reviews.read_text()
    assert f"Fitted on {dt.date.today()} on {gold_events + 3} events " in header
    assert re.search(rf"#   reviews in {re.escape(str(reviewed_store))}: 3 events of 3 judged reports, the latest "
                     r"judged \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\n", header)
    assert "gold-example.jsonl (sha1 " in header and "judged correct or acceptable." in header
    assert f"--fit-calibration {with_reviews} --db {reviewed_store}\n" in header
    assert load_calibration(with_reviews).weights != load_calibration(fitted).weights
    alone = runner.invoke(main, ["eval", gold, "--db", str(reviewed_store)])
    assert alone.exit_code == 2 and "--fit-calibration" in alone.output


def test_a_threshold_table_counts_what_each_minimum_keeps_and_drops() -> None:
    pairs = [(0.95, True), (0.85, True), (0.85, False), (0.65, True), (0.55, False), (0.3, True)]
    rows = {line.split()[0]: line.split() for line in render_thresholds(pairs).splitlines()[1:]}
    assert rows["0.5"][1:] == ["5", "of", "6", "0.600", "1", "of", "4"]  # 3 of 5 kept are right; 0.3 dropped
    assert rows["0.8"][1:] == ["3", "of", "6", "0.667", "2", "of", "4"]
    assert rows["0.9"][1:] == ["1", "of", "6", "1.000", "3", "of", "4"]


def test_audited_events_the_coder_still_writes_are_labelled_by_their_judgement(coder, tmp_path):
    corpus = tmp_path / "articles.jsonl"
    article = REVIEWED[1]
    corpus.write_text(json.dumps({"id": article.id, "text": article.text, "date": article.date}) + "\n",
                      encoding="utf-8")
    events = [e for e in next(coder.code_documents([article])).events if e.target is not None]
    assert len(events) == 3
    items = [coded_item(e.to_dict()) for e in events]
    judged = [replace(items[0], judgement="correct"), replace(items[1], judgement="wrong_actor")]
    # an event the coder now writes with another code: its judgement was of another event
    judged += [replace(item, cameo="160 Reduce relations", judgement="correct") for item in items[2:]]
    write_items(judged, tmp_path / "audit.jsonl")
    audited = audited_outcomes(coder, [str(tmp_path / "audit.jsonl")], [str(corpus)], "all")
    assert audited.judged == len(judged)
    assert [o.right for o in audited.outcomes] == [True, False]
    assert {o.doc_id for o in audited.outcomes} == {"audit:jp-1"}
    # on one side of the split only: the document's id decides it, as for gold records
    sides = [len(audited_outcomes(coder, [str(tmp_path / "audit.jsonl")], [str(corpus)], s).outcomes)
             for s in ("train", "test")]
    assert sorted(sides) == [0, 2]
    alone = CliRunner().invoke(main, ["eval", str(corpus), "--audits", str(tmp_path / "audit.jsonl")])
    assert alone.exit_code == 2 and "--audit-corpus" in alone.output
