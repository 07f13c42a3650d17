import datetime as dt

import pytest

from detente.events.timing import find_times

PUBLISHED = dt.date(2021, 10, 22)  # a Friday


@pytest.mark.parametrize("text, date, precision", [
    ("This week, Russia suspended its mission.", "2021-10-18", "week"),
    ("They met last week.", "2021-10-11", "week"),
    ("It happened earlier this month.", "2021-10", "month"),
    ("It happened last month.", "2021-09", "month"),
    ("Talks ended last year.", "2020", "year"),
    ("Troops left on Monday.", "2021-10-18", "day"),
    ("Troops left yesterday.", "2021-10-21", "day"),
    ("Hackers struck in 2016.", "2016", "year"),
    ("Hackers targeted the 2016 election.", "2016", "year"),
    ("The treaty was signed on March 3, 2014.", "2014-03-03", "day"),
    ("The treaty was signed on 3 March 2014.", "2014-03-03", "day"),
    ("The envoys were arrested on 12 October.", "2021-10-12", "day"),  # the day first, no year
    ("The envoys were arrested on October 12th.", "2021-10-12", "day"),
    ("The pact was signed on the 3rd of March 2014.", "2014-03-03", "day"),
    ("The summit was held in November 2019.", "2019-11", "month"),
    ("The summit was held in November.", "2020-11", "month"),
    ("The summit was held on Oct. 5.", "2021-10-05", "day"),
    ("The talks collapsed three days ago.", "2021-10-19", "day"),
    ("The talks collapsed two weeks ago.", "2021-10-04", "week"),
    ("The talks collapsed a week ago.", "2021-10-11", "week"),
    ("The talks collapsed 4 months ago.", "2021-06", "month"),
    ("The talks collapsed nine years ago.", "2012", "year"),
    ("The talks collapsed about a year ago.", "2020", "year"),
    ("The talks collapsed a decade ago.", "2011", "year"),
    ("The talks collapsed two decades ago.", "2001", "year"),
    ("The envoy left last Friday.", "2021-10-15", "day"),  # the publication day is a Friday
    ("The envoy left last Saturday.", "2021-10-16", "day"),
    ("The envoy left on Friday.", "2021-10-22", "day"),
    ("The envoy left Thursday.", "2021-10-21", "day"),
    ("The envoy leaves next Monday.", "2021-10-25", "day"),
    ("The envoy leaves next Friday.", "2021-10-29", "day"),
    ("They met earlier this year.", "2021", "year"),
    ("They met twice in the past week.", "2021-10-18", "week"),  # the seven days up to Friday
    ("Talks stalled over the past month.", "2021-10", "month"),
    ("In 1999 the alliance bombed Serbia.", "1999", "year"),
])
def test_expressions_resolve_against_the_publication_date(text: str, date: str, precision: str) -> None:
    (time,) = [t for t in find_times(text, 0, PUBLISHED) if not t.background]
    assert (time.date, time.precision) == (date, precision)
    assert text[time.start:time.end] == time.text


@pytest.mark.parametrize("text", [
    "Over the past decade, Russia has engaged in behavior.",
    "Following the end of the Cold War, NATO invited Russia.",
    "The two have long been rivals.",
    "In recent years the ties have worsened.",
])
def test_background_markers(text: str) -> None:
    times = find_times(text, 0, PUBLISHED)
    assert times and times[0].background and times[0].date is None


@pytest.mark.parametrize("text, words", [
    ("Israel and Egypt fought wars in the 1960s.", "in the 1960s"),
    ("The two states clashed during the early 2000s.", "during the early 2000s"),
    ("Relations thawed in the '90s.", "in the '90s"),
    ("The rebels seized the town several years ago.", "several years ago"),
    ("The rebels seized the town months ago.", "months ago"),
])
def test_periods_without_a_precision_are_kept_undated(text: str, words: str) -> None:
    (time,) = find_times(text, 0, PUBLISHED)
    assert (time.text, time.date, time.precision, time.background) == (words, None, None, False)


def test_a_few_days_ago_is_left_to_the_publication_date() -> None:
    assert find_times("The rebels seized the town a few days ago.", 0, PUBLISHED) == []


def test_a_decade_is_not_its_first_year() -> None:
    times = find_times("The 1990s ended before the war of 1999.", 0, PUBLISHED)
    assert [(t.text, t.date) for t in times] == [("The 1990s", None), ("1999", "1999")]


def test_offsets_are_document_offsets() -> None:
    (time,) = find_times("xx in 2016", 100, PUBLISHED)
    assert (time.start, time.end) == (103, 110)


def test_may_the_verb_is_not_a_month() -> None:
    assert find_times("Russia may retaliate.", 0, PUBLISHED) == []


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@given(st.text(), st.dates())
def test_any_text_gives_well_formed_expressions(text: str, published: dt.date) -> None:
    for time in find_times(text, 10, published):
        assert text[time.start - 10:time.end - 10] == time.text
        assert time.precision in {"day", "week", "month", "year"} or (time.date, time.precision) == (None, None)


def test_times_after_the_publication_day_are_ahead_even_in_an_undated_story() -> None:
    (tomorrow,) = find_times("The talks resume tomorrow.", 0, PUBLISHED)
    assert (tomorrow.date, tomorrow.ahead) == ((PUBLISHED + dt.timedelta(days=1)).isoformat(), True)
    (undated,) = find_times("The talks resume next week.", 0, None)
    assert (undated.date, undated.ahead) == (None, True)
    assert find_times("The talks ended last week.", 0, None) == []
