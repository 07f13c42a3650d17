"""The founding article: every required event, few false positives, right dates."""

import json

import pytest

from detente import Coder, Document, Event
from detente.evaluate import event_matches
from detente.read import read_inputs

from .conftest import shared_file


@pytest.fixture(scope="module")
def seed(coder: Coder) -> tuple[Document, list[Event], dict]:
    text_path = shared_file("seed/russia-nato-mission.txt")
    gold = json.loads(shared_file("seed/russia-nato-mission.gold.jsonl").read_text(encoding="utf-8"))
    (document,) = [d for d in read_inputs([str(text_path)], date="2021-10-22") if isinstance(d, Document)]
    return document, coder.code_document(document).events, gold


def test_every_required_event_is_found_with_its_date(seed, coder: Coder) -> None:
    document, events, gold = seed
    for item in [g for g in gold["events"] if not g["optional"]]:
        hits = [e for e in events if e.factuality == item["factuality"]
                and event_matches(item, e, coder.actors)]
        assert hits, f"missing {item['source']} {item['code']} {item['target']} ({item['evidence']})"
        if item["event_date"] is None:
            assert any(e.date.date is None for e in hits), "a background event must not be dated"
        else:
            assert any((e.date.date or "").startswith(item["event_date"]) for e in hits), (
                f"{item['code']} dated {[e.date.date for e in hits]}, expected {item['event_date']}")


def test_at_most_two_false_positives(seed, coder: Coder) -> None:
    _, events, gold = seed
    asserted = [e for e in events if e.factuality == "asserted"]
    false = [e for e in asserted if not any(event_matches(g, e, coder.actors) for g in gold["events"])]
    assert len(false) <= 2, [(e.source.code, e.cameo, e.target and e.target.code, e.rule) for e in false]


def test_the_two_accusations_are_separate_events(seed) -> None:
    _, events, _ = seed
    accusations = {e.cameo for e in events if e.source.key == "NATO" and e.target and e.target.key == "RUS"
                   and e.cameo.startswith("11")}
    assert len(accusations) >= 2


def test_nothing_asserted_from_the_closing_speculation(seed) -> None:
    document, events, _ = seed
    start = document.text.index("It remains to be seen")
    assert not [e for e in events if e.trigger.start >= start and e.factuality == "asserted"]


def test_election_interference_is_dated_2016_when_reported(seed) -> None:
    _, events, _ = seed
    for event in events:
        if event.target and event.target.key == "USA" and event.cameo[:2] == "17":
            assert event.date.date == "2016"


def test_headline_and_body_are_one_event(seed) -> None:
    _, events, _ = seed
    (suspension,) = [e for e in events if e.source.key == "RUS" and e.target and e.target.key == "NATO"
                     and e.cameo[:2] == "16"]
    assert len(suspension.mentions) >= 2
    assert suspension.date.precision == "week" and suspension.date.text == "This week"


def test_every_span_points_into_the_document(seed) -> None:
    document, events, _ = seed
    for event in events:
        for actor in filter(None, [event.source, event.target]):
            assert document.text[actor.start:actor.end] == actor.text
        assert document.text[event.trigger.start:event.trigger.end] == event.trigger.text
        assert document.text[event.sentence.start:event.sentence.end] == event.sentence.text
        for mention in event.mentions:
            assert document.text[mention.start:mention.end] == mention.text
