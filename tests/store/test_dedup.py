import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from detente.store.dedup import DedupRule, Report, cluster_reports, date_interval

D = dt.date


def test_date_intervals_respect_precision():
    assert date_interval("2021-10-22", "day") == (D(2021, 10, 22), D(2021, 10, 22))
    assert date_interval("2021-10-18", "week") == (D(2021, 10, 18), D(2021, 10, 24))
    assert date_interval("2021-12", "month") == (D(2021, 12, 1), D(2021, 12, 31))
    assert date_interval("2016", "year") == (D(2016, 1, 1), D(2016, 12, 31))
    assert date_interval(None, None) == (None, None)


def test_a_month_report_joins_a_day_event_of_that_month_and_distant_days_stay_apart():
    reports = [Report("day", D(2021, 10, 20), D(2021, 10, 20)), Report("month", D(2021, 10, 1), D(2021, 10, 31)),
               Report("near", D(2021, 10, 21), D(2021, 10, 21)), Report("far", D(2021, 10, 29), D(2021, 10, 29))]
    clusters = cluster_reports("k", reports, DedupRule(window_days=2))
    assert sorted(c.members for c in clusters) == [("day", "month", "near"), ("far",)]
    assert {c.anchor for c in clusters} == {"day", "far"}


def test_undated_reports_stay_apart():
    clusters = cluster_reports("k", [Report("x", None, None), Report("y", None, None)], DedupRule())
    assert sorted(c.members for c in clusters) == [("x",), ("y",)]


reports = st.lists(st.tuples(st.integers(0, 60), st.sampled_from([0, 6, 30]), st.booleans()), max_size=25,
                   unique_by=lambda r: r[:2]).map(
    lambda items: [Report(f"m{start}-{width}", None if undated else D(2024, 1, 1) + dt.timedelta(days=start),
                          None if undated else D(2024, 1, 1) + dt.timedelta(days=start + width))
                   for start, width, undated in items])


@given(reports, st.randoms(), st.integers(0, 5))
def test_clusters_partition_the_reports_whatever_their_order(items, random, window):
    rule = DedupRule(window_days=window)
    shuffled = list(items)
    random.shuffle(shuffled)
    first, second = cluster_reports("k", items, rule), cluster_reports("k", shuffled, rule)
    assert sorted(first, key=lambda c: c.event_id) == sorted(second, key=lambda c: c.event_id)
    members = [m for c in first for m in c.members]
    assert sorted(members) == sorted(r.mention_id for r in items)
    for cluster in first:  # every member lies within the window of its anchor
        anchor = next(r for r in items if r.mention_id == cluster.anchor)
        for member in cluster.members:
            report = next(r for r in items if r.mention_id == member)
            if anchor.start is None or report.start is None:
                assert member == cluster.anchor
            else:
                assert report.start - dt.timedelta(days=window) <= anchor.end
                assert anchor.start <= report.end + dt.timedelta(days=window)
