"""Which time expression dates an event: the one attached to its own clause. Real parses."""

import pytest

from detente import Coder, Event

from .coding import code

PUBLISHED = "2021-10-22"  # a Friday


def dated(coder: Coder, text: str, trigger: str) -> tuple[str | None, str | None, str | None]:
    """(date, precision, words) of the events whose trigger is `trigger` (one each way for 'fought')."""
    (date,) = {(e.date.date, e.date.precision, e.date.text) for e in coder.code(text, date=PUBLISHED)
               if text[e.trigger.start:e.trigger.end] == trigger}
    return date


def published(event: Event) -> bool:
    return (event.date.date, event.date.explicit) == (PUBLISHED, False)


@pytest.mark.parametrize("text, trigger, expected", [
    ("Russia annexed Crimea from Ukraine in March 2014.", "annexed", ("2014-03", "month", "March 2014")),
    ("Israel bombed Syria nine years ago.", "bombed", ("2012", "year", "nine years ago")),
    ("Sudan and South Sudan clashed over Abyei two weeks ago.", "clashed", ("2021-10-04", "week", "two weeks ago")),
    ("Israel attacked Syria last Friday.", "attacked", ("2021-10-15", "day", "last Friday")),
    ("Russia's 2014 annexation of Crimea angered Ukraine.", "annexation", ("2014", "year", "2014")),
    ("Israel and Egypt fought wars in the 1960s.", "wars", (None, None, "in the 1960s")),
    ("The 2008 war between Russia and Georgia killed hundreds.", "killed", ("2008", "year", "The 2008")),
    ("Last week's Israeli raid on Gaza killed ten people.", "killed", ("2021-10-11", "week", "Last week")),
])
def test_background_events_carry_their_own_period(coder: Coder, text: str, trigger: str,
                                                  expected: tuple[str | None, str | None, str | None]) -> None:
    assert dated(coder, text, trigger) == expected


def test_a_time_of_another_clause_does_not_date_the_event(coder: Coder) -> None:
    text = "Iraq, which Washington invaded in 2003, attacked Iran on Tuesday."
    assert dated(coder, text, "attacked") == ("2021-10-19", "day", "on Tuesday")
    assert dated(coder, text, "invaded") == ("2003", "year", "in 2003")  # the relative clause's own time
    events = coder.code("Iraq, which Washington invaded in 2003, attacked Iran.", date=PUBLISHED)
    (event,) = [e for e in events if e.source.key == "IRQ"]
    assert published(event)


def test_a_year_naming_a_thing_does_not_date_the_clause(coder: Coder) -> None:
    (event,) = coder.code("France criticised the 2019 election in Bolivia.", date=PUBLISHED)
    assert published(event)
    (event,) = coder.code("Russia deployed 2000 troops to Syria.", date=PUBLISHED)
    assert published(event)


def test_a_conjunct_in_another_tense_keeps_its_own_time(coder: Coder) -> None:
    text = "Russia invaded Georgia in 2008 and is now threatening Ukraine."
    assert dated(coder, text, "invaded") == ("2008", "year", "in 2008")
    (threat,) = [e for e in coder.code(text, date=PUBLISHED) if e.target and e.target.key == "UKR"]
    assert published(threat)


def test_a_background_marker_of_a_relative_clause_stays_there(coder: Coder) -> None:
    (event,) = coder.code("Russia, which has long denied meddling, expelled two Dutch diplomats.", date=PUBLISHED)
    assert published(event)


def test_previously_marks_background(coder: Coder) -> None:
    (event,) = [e for e in coder.code("Saudi Arabia has previously accused Iran of arming rebels.", date=PUBLISHED)
                if e.source.key == "SAU"]
    assert (event.date.date, event.date.text, event.date.explicit) == (None, "previously", True)  # says why


def test_an_announced_act_is_dated_by_its_announcement(coder: Coder) -> None:
    (event,) = coder.code("Putin will visit China on Monday.", date=PUBLISHED)
    assert published(event)
    assert dated(coder, "Israel said on Wednesday it will attack Syria.", "attack") == \
        ("2021-10-20", "day", "on Wednesday")


def test_a_month_is_never_a_place(coder) -> None:
    gazetteer = coder.extractor.gazetteer
    assert gazetteer.lookup("March") is None and gazetteer.lookup("Sunday") is None
    assert gazetteer.lookup("Mosul") is not None


def test_a_place_named_on_the_place_a_phrase_gives_is_where_it_happened(coder: Coder) -> None:
    # the unknown bomber is of the state where the bomb went off
    events = code(coder, "A car bomb killed three people in a Latakia refugee camp.")
    assert [e.source.code for e in events] == ["SYRUAF"]
    # a state's name on a noun says whose it is, not where
    assert all(e.location is None or e.location.country != "USA"
               for e in code(coder, "Three Iraqis were killed in a bomb attack on U.S. troops."))


def test_a_timeline_entry_is_dated_by_its_year(coder: Coder) -> None:
    (event,) = coder.code("1990: Iraq invades Kuwait and annexes it within days.", date=PUBLISHED)[:1]
    assert (event.source.key, event.date.date, event.date.precision) == ("IRQ", "1990", "year")


@pytest.mark.parametrize("text, trigger, expected", [
    ("Two Kenyan soldiers were killed on Tuesday when militants ambushed their convoy near Lamu.", "ambushed",
     ("2021-10-19", "day", "on Tuesday")),
    ("Morocco cut ties with Algeria in 2009 after protesters stormed its embassy in Algiers.", "stormed",
     ("2009", "year", "in 2009")),
])
def test_a_when_or_after_clause_happened_when_its_outer_clause_did(coder: Coder, text: str, trigger: str,
                                                                  expected: tuple[str, str, str]) -> None:
    assert dated(coder, text, trigger) == expected


def test_a_clause_describing_a_time_happened_then(coder: Coder) -> None:
    text = "The war began in March 2015 when Saudi Arabia launched air strikes on Yemen after accusing Iran of " \
           "arming the Houthis."
    assert dated(coder, text, "strikes") == ("2015-03", "month", "March 2015")
    assert dated(coder, text, "arming") == ("2015-03", "month", "March 2015")


def test_a_place_on_the_object_is_where_the_act_happened(coder: Coder) -> None:
    events = code(coder, "Syrian forces destroyed two five-story apartment buildings in a Gaziantep refugee camp early "
                         "Friday after evacuating thousands of Turks from a district, said residents.")
    assert [(e.cameo, e.target.key if e.target else None) for e in events] == [("1712", "TUR")]
    # a name the tagger took for an adjective still names the place
    events = code(coder, "Turkish troops demolished two three-story houses in an Aleppo refugee camp on Monday after "
                         "moving hundreds of families from the area, witnesses said.")
    assert [(e.cameo, e.target.key if e.target else None) for e in events] == [("1712", "SYR")]


def test_a_word_for_people_is_no_town_in_a_title_case_headline(coder: Coder) -> None:
    # "Officer" is also a town in Australia; in a headline every word is capitalised
    events = coder.code("Congolese Army Units Clash in Kivu - Army Officer", date=PUBLISHED)
    assert all(e.location is None or e.location.country != "AUS" for e in events)
    assert not any(e.target is not None and e.target.key == "AUS" for e in events)


def test_a_known_persons_name_is_no_town(coder: Coder) -> None:
    # Būsh is a town in Egypt; "pressure on President Bush" puts nothing there
    events = coder.code("Iraqi militants increased pressure on President Bush to withdraw.", date="2004-09-21")
    assert all(e.location is None or e.location.country != "EGY" for e in events)
    assert not any(e.target is not None and e.target.key == "EGY" for e in events)
    assert any(e.target is not None and e.target.code == "USAGOV" for e in events)


def test_a_visit_next_week_to_a_neighbour_is_planned(coder: Coder) -> None:
    events = code(coder, "President Bachelet visits neighboring Peru next week.")
    assert [e.cameo for e in events if e.source.key == "CHL"] == ["036"]


def test_another_name_of_a_city_counts_only_where_its_country_is_named(coder) -> None:
    gazetteer = coder.extractor.gazetteer
    assert gazetteer.lookup("Horgos") is None  # Khorgos, in China: not at Hungary's border with Serbia
    assert gazetteer.lookup("Horgos", "Kazakh trucks queued at Horgos on the border with China.").country == "CHN"
    assert gazetteer.lookup("Mahdia", "").country == "TUN" and gazetteer.lookup("Africa", "") is None
    assert gazetteer.lookup("Kiev").country == "UKR"  # a world city's other names count anywhere
    assert gazetteer.lookup("Jenin").latitude is not None  # and so does a spelling of a city's name
