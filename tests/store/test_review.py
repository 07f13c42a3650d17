import datetime as dt

import pytest

from detente.errors import QueryError, StoreError
from detente.records import Document
from detente.store import DedupRule, Store, ingest
from detente.store.judgements import JUDGEMENTS
from detente.store.query import EventFilter, count_events, find_events, get_event
from detente.store.review import (Correction, actor_choices, event_judgements, next_for_review, record_judgement,
                                  review_summary)

DOCUMENTS = [
    Document(id="pl-1", date="2024-05-08", source="Wire A",
             text="Poland expelled two Belarusian diplomats on Tuesday."),
    Document(id="jp-1", date="2024-06-03",
             text="Japan and South Korea held talks in Tokyo on Monday. Japan pledged economic aid to Ukraine."),
    Document(id="ru-1", date="2021-10-22", text="Russia suspended its diplomatic mission to NATO this week."),
]
ASSERTED = EventFilter(factuality=("asserted",))


@pytest.fixture
def store(tmp_path, coder):
    with Store(tmp_path / "review.duckdb") as opened:
        ingest(opened, coder, DOCUMENTS)
        yield opened


def _event(store: Store, source: str, cameo: str):
    return next(e for e in find_events(store, ASSERTED) if e.source_key == source and e.cameo == cameo)


def test_next_for_review_walks_the_unreviewed_events_in_id_order_and_skips_on_request(store):
    events = sorted(find_events(store, ASSERTED), key=lambda e: e.event_id)
    ids = [e.event_id for e in events]
    first = next_for_review(store, ASSERTED)
    assert first is not None and first.event.event_id == ids[0] and first.remaining == len(ids)
    assert first.mention.sentence_text == first.event.sentence_text  # the report the event takes its fields from
    assert first.mention.trigger_start >= first.mention.sentence_start
    skipped = next_for_review(store, ASSERTED, after=ids[0])
    assert skipped is not None and skipped.event.event_id == ids[1]
    record_judgement(store, ids[0], "correct", "ana")
    after = next_for_review(store, ASSERTED)
    assert after is not None and after.event.event_id == ids[1] and after.remaining == len(ids) - 1
    last = events[-1]
    narrowed = next_for_review(store, EventFilter(factuality=("asserted",), source=last.source_code))
    assert narrowed is not None and narrowed.event.source_code == last.source_code


def test_judgements_filter_events_and_corrections_apply_only_when_asked(store):
    talks = _event(store, "KOR", "046")  # "Japan and South Korea held talks": both directions coded
    aid = _event(store, "JPN", "033")
    expulsion = _event(store, "POL", "174")
    record_judgement(store, expulsion.event_id, "acceptable", "ana", note="diplomats, not the state")
    record_judgement(store, talks.event_id, "wrong_direction", "ana")
    record_judgement(store, aid.event_id, "wrong_actor", "bo", Correction(target="UKRGOV"))
    total = count_events(store, ASSERTED)
    assert count_events(store, EventFilter(review="reviewed")) == 3
    assert {e.event_id for e in find_events(store, EventFilter(review="disputed"))} == {talks.event_id, aid.event_id}
    assert count_events(store, EventFilter(factuality=("asserted",), review="unreviewed")) == total - 3

    assert find_events(store, EventFilter(source="KOR", cameo="046"))[0].event_id == talks.event_id  # as coded
    corrected = {e.event_id: e for e in find_events(store, EventFilter(factuality=("asserted",), corrected=True))}
    assert (corrected[talks.event_id].source_code, corrected[talks.event_id].target_code) == ("JPN", "KOR")
    assert corrected[talks.event_id].source_text == talks.target_text  # the swapped side keeps its words
    fixed = corrected[aid.event_id]
    assert (fixed.target_code, fixed.target_key, fixed.target_role, fixed.target_name) == (
        "UKRGOV", "UKR", "GOV", "Ukraine")
    assert fixed.confidence == 1.0 and fixed.cameo == aid.cameo
    assert get_event(store, aid.event_id)[0].target_code == "UKR"  # the coded event is unchanged

    summary = review_summary(store)
    assert (summary.reviewed, summary.right, summary.corrected, summary.left_out) == (3, 1, 2, 0)
    judged = event_judgements(store, [talks.event_id, "missing"])
    assert list(judged) == [talks.event_id] and judged[talks.event_id].correction == Correction("JPN", "KOR")


def test_not_an_event_and_an_uncorrected_wrong_judgement_leave_the_event_out_where_corrections_apply(store):
    talks = _event(store, "KOR", "046")
    mission = _event(store, "RUS", "161")
    record_judgement(store, talks.event_id, "not_an_event", "ana")
    record_judgement(store, mission.event_id, "wrong_code", "ana")  # wrong, and no code given
    left = {e.event_id for e in find_events(store, EventFilter(corrected=True, factuality=("asserted",)))}
    assert talks.event_id not in left and mission.event_id not in left
    assert review_summary(store).left_out == 2
    record_judgement(store, mission.event_id, "wrong_code", "bo", Correction(cameo="1246"))  # the latest counts
    (fixed,) = find_events(store, EventFilter(corrected=True, source="RUS"))
    assert (fixed.cameo, fixed.cameo_root, fixed.quad_class) == ("1246", "12", 3)
    assert fixed.cameo_name and fixed.goldstein is not None


def test_judgements_survive_a_reingest_and_follow_their_report_when_events_are_rebuilt(store, coder):
    mission = _event(store, "RUS", "161")
    record_judgement(store, mission.event_id, "correct", "ana", now=dt.datetime(2026, 1, 2, 3, 4, 5))
    ingest(store, coder, DOCUMENTS + [Document(id="extra", date="2024-05-09",
                                               text="Hungary condemned Serbia on Wednesday.")])
    assert [e.event_id for e in find_events(store, EventFilter(review="reviewed"))] == [mission.event_id]
    store.set_rule(DedupRule(window_days=5, match="code"))  # every event rebuilt, with new ids
    (reviewed,) = find_events(store, EventFilter(review="reviewed"))
    assert reviewed.event_id != mission.event_id and (reviewed.source_key, reviewed.cameo) == ("RUS", "161")
    (judgement,) = event_judgements(store, [reviewed.event_id]).values()
    assert judgement.judged_at == dt.datetime(2026, 1, 2, 3, 4, 5) and judgement.event_id == mission.event_id


@pytest.mark.parametrize(("judgement", "reviewer", "correction", "message"), [
    ("fine", "ana", Correction(), "unknown judgement 'fine'"),
    ("correct", " ", Correction(), "reviewer's name"),
    ("correct", "ana", Correction(cameo="173"), "a correction goes with"),
    ("wrong_code", "ana", Correction(cameo="999"), "unknown CAMEO code '999'"),
    ("wrong_actor", "ana", Correction(source="ATLANTISGOV"), "unknown actor code 'ATLANTISGOV'"),
    ("wrong_code", "ana", Correction(factuality="maybe"), "unknown factuality 'maybe'"),
])
def test_a_bad_judgement_is_refused_and_nothing_is_stored(store, judgement, reviewer, correction, message):
    event = find_events(store, ASSERTED)[0]
    with pytest.raises(QueryError, match=message):
        record_judgement(store, event.event_id, judgement, reviewer, correction)
    with pytest.raises(QueryError, match="no event with id"):
        record_judgement(store, "0000", "correct", "ana")
    assert review_summary(store).reviewed == 0


def test_a_read_only_store_refuses_judgements_and_the_table_checks_its_values(store, tmp_path):
    event = find_events(store, ASSERTED)[0]
    assert set(JUDGEMENTS) == {"correct", "acceptable", "wrong_actor", "wrong_direction", "wrong_code",
                               "not_an_event"}
    with pytest.raises(Exception, match="CHECK constraint"):  # the schema holds the same list
        store.connection.execute("INSERT INTO judgements (event_id, mention_id, judgement, reviewer, judged_at) "
                                 "VALUES ('e', 'm', 'fine', 'x', now())")
    store.close()
    with Store(tmp_path / "review.duckdb", read_only=True) as reading:
        with pytest.raises(StoreError, match="read-only"):
            record_judgement(reading, event.event_id, "correct", "ana")


def test_actor_choices_hold_stored_codes_and_the_dictionary(store):
    choices = {c["code"]: c["name"] for c in actor_choices(store)}
    assert choices["RUS"] == "Russia" and choices["NATO"]
    assert "FRA" in choices and "FRAGOV" not in choices  # in the dictionary, not in the store
