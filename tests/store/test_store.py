import itertools

import duckdb
import pytest

from detente import Coder
from detente.coder import CoderSettings
from detente.errors import DetenteError, StoreError
from detente.parse.pipeline import DEFAULT_PIPELINE
from detente.records import Document, Problem
from detente.store import DedupRule, Store, ingest
from detente.store.query import EventFilter, find_events, get_event

# One expulsion, reported three ways, on the same dyad and day as a different event (a summons).
ARTICLES = [
    Document(id="a", title="Poland expels Belarusian diplomats", date="2024-05-08",
             text="Poland expels Belarusian diplomats\n\nPoland expelled two Belarusian diplomats on Tuesday. "
                  "The Polish foreign ministry also summoned Belarus's ambassador on Tuesday."),
    Document(id="b", date="2024-05-08",
             text="WARSAW — Warsaw on Tuesday expelled two diplomats from the Belarusian embassy, officials said."),
    Document(id="c", title="Diplomats told to go", date="2024-05-08", source="Example Wire",
             text="Diplomats told to go\n\nTwo Belarusian diplomats were expelled by the Polish government on "
                  "Tuesday, the second such move this year."),
]


def _events(store: Store) -> list[tuple[str, str, str | None, str, int, int]]:
    return sorted((e.event_id, e.source_key, e.target_key, e.cameo_root, e.n_mentions, e.n_documents)
                  for e in find_events(store, EventFilter(), limit=None))


def test_three_reports_of_one_expulsion_are_one_event_with_three_mentions(tmp_path, coder):
    with Store(tmp_path / "s.duckdb") as store:
        ingest(store, coder, ARTICLES)
        expulsions = find_events(store, EventFilter(source="POL", target="BLR", root="17"))
        assert len(expulsions) == 1
        assert (expulsions[0].n_mentions, expulsions[0].n_documents, expulsions[0].n_sources) == (3, 3, 1)
        event, mentions = get_event(store, expulsions[0].event_id)
        assert sorted(m.doc_id for m in mentions) == ["a", "b", "c"]
        for mention in mentions:  # every mention's spans point into its document
            text = next(d.text for d in ARTICLES if d.id == mention.doc_id)
            assert text[mention.trigger_start:mention.trigger_end] in mention.sentence_text
        # the summons on the same dyad and day is another event
        summons = find_events(store, EventFilter(source="POL", target="BLR", root="11"))
        assert len(summons) == 1 and summons[0].event_id != event.event_id


def test_same_reports_in_any_order_give_the_same_events(tmp_path, coder):
    results = []
    for number, order in enumerate(itertools.permutations(ARTICLES)):
        with Store(tmp_path / f"{number}.duckdb") as store:
            for document in order:  # one at a time, so deduplication is incremental
                ingest(store, coder, [document])
            results.append(_events(store))
    assert all(result == results[0] for result in results)


def test_reingesting_adds_nothing_and_reports_what_it_skipped(tmp_path, coder):
    with Store(tmp_path / "s.duckdb") as store:
        first = ingest(store, coder, ARTICLES)
        counts = store.counts()
        again = ingest(store, coder, [*ARTICLES, ARTICLES[0]])
        assert (first.coded, again.coded, again.known, again.mentions) == (3, 0, 4, 0)
        assert store.counts() == counts


def test_problems_are_reported_and_the_batch_goes_on(tmp_path, coder):
    items: list[Document | Problem] = [Problem("feed.jsonl:2", "malformed JSON"), ARTICLES[1]]
    with Store(tmp_path / "s.duckdb") as store:
        summary = ingest(store, coder, items)
        assert [str(p) for p in summary.problems] == ["feed.jsonl:2: malformed JSON"]
        assert store.counts().documents == 1


def test_changing_the_rule_rebuilds_the_events(tmp_path, coder):
    later = Document(id="d", date="2024-05-14", text="Poland expelled two Belarusian diplomats on Monday.")
    with Store(tmp_path / "s.duckdb") as store:
        ingest(store, coder, [ARTICLES[0], later])
        assert len(find_events(store, EventFilter(source="POL", root="17"))) == 2
        store.set_rule(DedupRule(window_days=7))
        merged = find_events(store, EventFilter(source="POL", root="17"))
        assert len(merged) == 1 and merged[0].n_mentions == 2
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        assert store.rule == DedupRule(window_days=7)


def test_a_missing_store_is_an_error_and_is_not_created(tmp_path):
    path = tmp_path / "absent.duckdb"
    with pytest.raises(StoreError, match="no event store"):
        Store(path, read_only=True)
    assert not path.exists()


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(StoreError, match="not a detente store"):
        Store(path, read_only=True)


@pytest.mark.parametrize("dask", [None, "local"])  # worker processes, or a local Dask cluster
def test_coding_elsewhere_gives_the_same_store(tmp_path, coder, dask):
    with Store(tmp_path / "one.duckdb") as store:
        ingest(store, coder, ARTICLES)
        expected = _events(store)
    with Store(tmp_path / "two.duckdb") as store:
        settings = CoderSettings(DEFAULT_PIPELINE, None, prefilter=True, monadic=False, batch_size=64)
        summary = ingest(store, settings, ARTICLES, batch=1, workers=2, dask=dask)
        assert (summary.coded, summary.mentions) == (3, store.counts().mentions)
        assert _events(store) == expected


def test_a_coder_from_a_loaded_pipeline_cannot_be_copied_into_workers(tmp_path, coder):
    borrowed = Coder(nlp=coder.nlp)
    with Store(tmp_path / "s.duckdb") as store, pytest.raises(DetenteError, match="worker processes"):
        ingest(store, borrowed, ARTICLES, workers=2)


def test_two_records_of_one_state_that_differ_in_role_are_both_stored(tmp_path, coder):
    # soldiers fought rebels and rebels soldiers: two records on one state, told apart by their roles
    document = Document(id="k", text="Kenyan soldiers and Kenyan rebels fought in Mombasa on Monday.", date="2010-06-01")
    (coded,) = coder.code_documents([document])
    assert len({e.event_id for e in coded.events}) == len(coded.events) == 2
    with Store(tmp_path / "s.duckdb") as store:
        ingest(store, coder, [document])
        assert store.connection.execute("SELECT count(*) FROM mentions").fetchone() == (2,)
