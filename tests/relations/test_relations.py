import datetime as dt

import pytest
from PIL import Image

from detente.errors import QueryError
from detente.records import Document
from detente.relations import (Dyad, actor_network, find_chains, find_escalations, parse_window, period_events,
                               relation_series)
from detente.relations.chains import undated_in_scope
from detente.relations.escalation import undated_conflict
from detente.relations.plots import plot_network, plot_relations
from detente.read import read_inputs
from detente.store import Store, ingest
from detente.store.query import FACTUALITIES, EventFilter, count_events
from tests.conftest import shared_file

D = dt.date


def test_series_counts_deduplicated_events_by_quad_class_and_fills_empty_periods(synthetic_store):
    store = synthetic_store([
        ("RUSGOV", "NATO", "161", "2021-10-18", 4, -4.0, "asserted"),
        ("RUS", "NATO", "112", "2021-10-20", 3, -2.0, "asserted"),
        ("RUS", "NATO", "036", "2021-12-02", 1, 4.0, "asserted"),
        ("RUS", "NATO", "190", "2021-12-03", 4, -10.0, "hypothetical"),  # not asserted: left out by default
        ("NATO", "RUS", "174", "2021-10-06", 4, -5.0, "asserted"),  # other direction
    ])
    series = relation_series(store, Dyad("RUS", "NATO"), by="month")
    assert [(p.period, p.events, p.verbal_conflict, p.material_conflict, p.verbal_cooperation, p.net)
            for p in series] == [(D(2021, 10, 1), 2, 1, 1, 0, -2), (D(2021, 11, 1), 0, 0, 0, 0, 0),
                                 (D(2021, 12, 1), 1, 0, 0, 1, 1)]
    assert series[0].goldstein_sum == -6.0 and series[0].goldstein_mean == -3.0
    both = relation_series(store, Dyad("RUS", "NATO", both=True, factuality=("asserted", "hypothetical")), by="year")
    assert [(p.events, p.material_conflict) for p in both] == [(5, 3)]
    store.connection.execute("UPDATE events SET date = '2021', date_precision = 'year' WHERE cameo = '036'")
    monthly = relation_series(store, Dyad("RUS", "NATO"), by="month")  # not in December, but not dropped either
    assert [(p.label, p.kind, p.events) for p in monthly] == [("2021-10", "period", 2),
                                                              ("coarser than a month", "coarser", 1)]
    assert [p.events for p in relation_series(store, Dyad("RUS", "NATO"), by="year")] == [3]
    store.connection.execute("UPDATE events SET date = '2021-12-02', date_precision = 'day' WHERE cameo = '036'")
    only_government = relation_series(store, Dyad("RUSGOV", "NATO"), by="month")
    assert [p.events for p in only_government] == [1]
    behind = period_events(store, Dyad("RUS", "NATO", both=True), D(2021, 10, 1), "month")
    assert [e.cameo for e in behind] == ["174", "161", "112"]


def test_bad_relation_queries_say_what_is_wrong(synthetic_store):
    store = synthetic_store([("RUS", "NATO", "161", "2021-10-18", 4, -4.0, "asserted")])
    with pytest.raises(QueryError, match="unknown actor 'XYZ'"):
        relation_series(store, Dyad("XYZ", "NATO"))
    with pytest.raises(QueryError, match="malformed date"):
        relation_series(store, Dyad("RUS", "NATO", since="21-10"))
    with pytest.raises(QueryError, match="unknown period"):
        relation_series(store, Dyad("RUS", "NATO"), by="fortnight")
    with pytest.raises(QueryError, match="unknown factuality"):
        relation_series(store, Dyad("RUS", "NATO", factuality=("rumoured",)))
    assert relation_series(store, Dyad("USA", "CHN")) == []  # known actors, no events


def test_escalation_ranks_a_dyad_whose_conflict_jumps_above_a_steady_one(synthetic_store):
    steady = [("ISR", "PSE", "190", (D(2024, 1, 5) + dt.timedelta(days=10 * i)).isoformat(), 4, -10.0, "asserted")
              for i in range(21)]  # one strike every ten days for seven months
    jump = [("ARM", "AZE", "112", "2024-02-10", 3, -2.0, "asserted")] + [
        ("ARM", "AZE", "190", f"2024-07-{day:02d}", 4, -10.0, "asserted") for day in (10, 12, 15, 20)]
    store = synthetic_store(steady + jump)
    found = find_escalations(store, window_days=30, baseline=6, until="2024-07-31")
    assert [(e.source, e.target) for e in found][0] == ("ARM", "AZE")
    top = found[0]
    assert (top.recent, top.recent_events, len(top.events)) == (40.0, 4, 4)
    assert all(e.score < top.score for e in found[1:])
    assert parse_window("4w") == 28 and parse_window("30d") == 30
    with pytest.raises(QueryError):
        parse_window("soon")


def test_response_chains_follow_the_reversed_dyad_within_the_window(synthetic_store):
    store = synthetic_store([
        ("USA", "CHN", "163", "2024-03-01", 4, -8.0, "asserted"),
        ("CHN", "USA", "163", "2024-03-04", 4, -8.0, "asserted"),  # answers within 30 days
        ("USA", "CHN", "172", "2024-03-10", 4, -5.0, "asserted"),  # and is answered
        ("CHN", "USA", "036", "2024-08-01", 1, 4.0, "asserted"),  # too late
    ])
    (chain,) = find_chains(store, window_days=30)
    assert [e.event_id for e in chain.events] == ["e000", "e001", "e002"]
    assert sorted((link.cause, link.response, link.kind, link.lag_days) for link in chain.links) == [
        ("e000", "e001", "window", 3), ("e001", "e002", "window", 6)]


def test_a_retaliation_cue_links_the_event_to_its_cause_in_the_sentence(tmp_path, coder):
    text = ("Poland expelled two Belarusian diplomats on Tuesday in retaliation for Belarus's expulsion of a "
            "Polish diplomat last week.")
    with Store(tmp_path / "s.duckdb") as store:
        ingest(store, coder, [Document(id="r", text=text, date="2024-05-09")])
        (chain,) = find_chains(store, window_days=30)
        assert [(e.source_key, e.cameo, e.target_key) for e in chain.events] == [("BLR", "174", "POL"),
                                                                                   ("POL", "174", "BLR")]
        assert [link.kind for link in chain.links] == ["text"]


def test_network_and_pictures_are_drawn_offline(synthetic_store, tmp_path):
    store = synthetic_store([
        ("RUS", "NATO", "161", "2021-10-18", 4, -4.0, "asserted"),
        ("NATO", "RUS", "174", "2021-10-06", 4, -5.0, "asserted"),
        ("USA", "UKR", "070", "2021-10-07", 2, 7.0, "asserted"),
        ("USA", "UKR", "036", "2021-11-07", 1, 4.0, "asserted"),
    ])
    edges = actor_network(store)
    assert [(e.source, e.target, e.events) for e in edges][0] == ("USA", "UKR", 2)
    dyad = Dyad("RUS", "NATO", both=True)
    series = relation_series(store, dyad, by="week")
    behind = [e for p in series for e in period_events(store, dyad, p.period, "week")]
    for name in ("relations.png", "relations.svg"):
        plot_relations(series, behind, tmp_path / name, "RUS ↔ NATO", "week")
    plot_network(edges, tmp_path / "network.png", "network")
    for name in ("relations.png", "network.png"):
        with Image.open(tmp_path / name) as image:
            image.verify()
            assert image.format == "PNG" and image.size[0] > 500
    assert (tmp_path / "relations.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    with pytest.raises(QueryError, match=".png or .svg"):
        plot_network(edges, tmp_path / "network.gif", "network")


def test_undated_events_get_a_row_and_every_view_counts_them_alike(synthetic_store):
    store = synthetic_store([
        ("ISR", "PSE", "190", "2021-10-18", 4, -10.0, "asserted"),
        ("ISR", "PSE", "112", "2021-10-20", 3, -2.0, "asserted"),
        ("ISR", "PSE", "036", "2021-10-20", 1, 4.0, "asserted"),
        ("PSE", "ISR", "190", "2021-10-21", 4, -10.0, "asserted"),
    ])
    store.connection.execute("UPDATE events SET date = NULL, date_precision = NULL, date_start = NULL, "
                             "date_end = NULL WHERE event_id IN ('e000', 'e001')")
    series = relation_series(store, Dyad("isr", "Palestine"), by="year")  # any case, or a name
    assert [(p.label, p.period, p.events, p.material_conflict) for p in series] == [
        ("2021", D(2021, 1, 1), 1, 0), ("undated", None, 2, 1)]
    (edge,) = [e for e in actor_network(store) if (e.source, e.target) == ("ISR", "PSE")]
    assert edge.events == sum(p.events for p in series) == 3
    assert [e.event_id for e in period_events(store, Dyad("ISR", "PSE"), "undated", "year")] == ["e000", "e001"]
    both = relation_series(store, Dyad("ISR", "PSE", both=True), by="month")
    assert sum(p.events for p in both) == 4
    dated_only = relation_series(store, Dyad("ISR", "PSE", since="2021"), by="year")
    assert [p.label for p in dated_only] == ["2021"]  # a date filter keeps dated events only


def test_an_actor_acting_on_itself_is_left_out_of_network_and_escalations_alike(synthetic_store):
    store = synthetic_store([("TURSEP", "TURCOP", "183", f"2024-07-{day:02d}", 4, -10.0, "asserted")
                             for day in (10, 12, 15)])
    assert actor_network(store) == [] and find_escalations(store, until="2024-07-31") == []
    assert [(e.source, e.target) for e in actor_network(store, by_entity=False)] == [("TURSEP", "TURCOP")]
    assert [(e.source, e.target) for e in find_escalations(store, until="2024-07-31", by_entity=False)] == [
        ("TURSEP", "TURCOP")]


def test_actor_arguments_take_names_and_any_case_and_suggest_close_codes(synthetic_store):
    store = synthetic_store([("RUSGOV", "NATO", "161", "2021-10-18", 4, -4.0, "asserted")])
    for a, b in (("rus", "nato"), ("Russia", "NATO"), ("rusgov", "North Atlantic Treaty Organization")):
        assert sum(p.events for p in relation_series(store, Dyad(a, b))) == 1
    with pytest.raises(QueryError, match="did you mean RUS"):
        relation_series(store, Dyad("Rusia", "NATO"))


@pytest.mark.parametrize("factuality", [("asserted",), FACTUALITIES])
def test_on_the_bundled_corpora_relations_network_and_events_agree_for_the_ten_busiest_dyads(
        corpus_store, factuality):
    edges = {(e.source, e.target): e.events for e in actor_network(corpus_store, EventFilter(factuality=factuality),
                                                                   top=100_000)}
    busiest = sorted(edges, key=lambda pair: (-edges[pair], pair))[:10]
    assert len(busiest) == 10
    for a, b in busiest:
        series = relation_series(corpus_store, Dyad(a, b, both=True, factuality=factuality), by="month")
        listed = sum(count_events(corpus_store, EventFilter(source=s, target=t, factuality=factuality))
                     for s, t in ((a, b), (b, a)))
        assert sum(p.events for p in series) == edges[(a, b)] + edges.get((b, a), 0) == listed, (a, b)


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory, coder):
    """A store built from ../shared/corpus/ (AG News items carry no date; WCEP's do)."""
    folder = shared_file("corpus")
    with Store(tmp_path_factory.mktemp("corpus") / "news.duckdb") as store:
        ingest(store, coder, read_inputs([str(folder)]))
        yield store


def test_a_minimum_confidence_keeps_only_events_at_least_that_likely(synthetic_store):
    store = synthetic_store([
        ("RUS", "NATO", "161", "2021-10-18", 4, -4.0, "asserted"),
        ("RUS", "NATO", "112", "2021-10-20", 3, -2.0, "asserted"),
        ("NATO", "RUS", "036", "2021-12-02", 1, 4.0, "asserted"),
    ])
    store.connection.execute("UPDATE events SET confidence = CASE cameo WHEN '161' THEN 0.9 WHEN '112' THEN 0.4 END")
    assert [p.events for p in relation_series(store, Dyad("RUS", "NATO", min_confidence=0.5), by="year")] == [1]
    assert [p.events for p in relation_series(store, Dyad("RUS", "NATO"), by="year")] == [2]
    assert count_events(store, EventFilter(min_confidence=0.5)) == 1  # no confidence: not known to be likely
    assert [e.cameo for e in period_events(store, Dyad("RUS", "NATO", min_confidence=0.5), D(2021, 1, 1), "year")] \
        == ["161"]
    assert [e.events for e in actor_network(store, EventFilter(min_confidence=0.3))] == [2]
    with pytest.raises(QueryError, match="between 0 and 1"):
        count_events(store, EventFilter(min_confidence=1.5))


def test_escalations_and_chains_take_a_minimum_confidence(synthetic_store):
    store = synthetic_store([
        ("USA", "CHN", "163", "2024-03-01", 4, -8.0, "asserted"),
        ("CHN", "USA", "163", "2024-03-04", 4, -8.0, "asserted"),  # the one unlikely event
        ("USA", "CHN", "172", "2024-03-10", 4, -5.0, "asserted"),
        ("CHN", "USA", "190", "2024-03-12", 4, -10.0, "asserted"),
        ("CHN", "USA", "112", "2024-03-20", 3, -2.0, "asserted"),  # made undated, and unlikely too
    ])
    store.connection.execute("UPDATE events SET date = NULL, date_precision = NULL, date_start = NULL, "
                             "date_end = NULL WHERE event_id = 'e004'")
    store.connection.execute("UPDATE events SET confidence = CASE WHEN event_id IN ('e001', 'e004') THEN 0.3 "
                             "ELSE 0.9 END")
    chains = find_chains(store, window_days=30)
    assert [[e.event_id for e in c.events] for c in chains] == [["e000", "e001", "e002", "e003"]]
    confident = find_chains(store, window_days=30, min_confidence=0.5)  # e002 answers nothing once e001 is gone
    assert [[e.event_id for e in c.events] for c in confident] == [["e002", "e003"]]
    assert (undated_in_scope(store), undated_in_scope(store, min_confidence=0.5)) == (1, 0)

    def escalations(**floor):
        found = find_escalations(store, window_days=30, until="2024-03-31", min_events=1, **floor)
        return {(e.source, e.target): [x.event_id for x in e.events] for e in found}

    assert escalations()[("CHN", "USA")] == ["e003", "e001"]
    assert escalations(min_confidence=0.5)[("CHN", "USA")] == ["e003"]
    assert (undated_conflict(store), undated_conflict(store, min_confidence=0.5)) == (1, 0)
    with pytest.raises(QueryError, match="between 0 and 1"):
        find_chains(store, min_confidence=1.5)
    with pytest.raises(QueryError, match="between 0 and 1"):
        find_escalations(store, min_confidence=-0.1)
