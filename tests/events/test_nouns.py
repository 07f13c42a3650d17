"""Events named by nouns (events/nouns.py): their sources and targets, and the nouns that are no news."""

import pytest

from detente import Coder

from .coding import aimed, code, code_monadic, triples


def test_nominal_event_with_possessor(coder: Coder) -> None:
    events = code(coder, "NATO's expulsion of eight Russian officials angered Moscow.")
    assert ("NATO", "174", "RUSGOV", "asserted") in triples(events)


def test_rejecting_a_request_is_aimed_at_the_requester(coder: Coder) -> None:
    assert aimed(code(coder, "Yemen rejected a U.S. request to interrogate the detainees."), "YEM", "12", "USA")


def test_rejecting_an_offer_to_talk_is_a_refusal_to_talk(coder: Coder) -> None:
    events = code(coder, "Iraq rejected an Iranian offer to mediate.")
    assert ("IRQ", "125", "IRN", "asserted") in triples(events)


def test_talks_are_a_negotiation_on_both_sides(coder: Coder) -> None:
    events = code(coder, "The Turkish foreign minister held talks with Greek officials in Athens.")
    assert aimed(events, "TUR", "04", "GRC") and aimed(events, "GRC", "04", "TUR")


@pytest.mark.parametrize(("text", "expected"), [
    ("Indian troops remained on alert along the frontier.", ("INDMIL", "152")),
    ("Belgian police stayed on alert overnight.", ("BELCOP", "151")),
    ("Chilean miners went on strike.", ("CHLLAB", "143")),
])
def test_the_doers_kind_picks_a_light_nouns_reading(coder: Coder, text: str, expected: tuple[str, str]) -> None:
    assert expected in {(e.source.code, e.cameo) for e in code_monadic(coder, text)}


def test_a_light_verb_carries_a_noun_through_as(coder: Coder) -> None:
    events = code(coder, "Syrian soldiers held Lebanese villagers as human shields.")
    assert ("SYRMIL", "184", "LBNCVL", "asserted") in triples(events)


def test_a_force_noun_naming_a_kind_of_thing_is_no_act(coder: Coder) -> None:
    for text in ["Croatia handed a war crimes suspect to Serbia.", "France sold attack helicopters to Egypt."]:
        assert not any(e.cameo[:2] in {"18", "19", "20"} for e in code_monadic(coder, text))


def test_who_receives_aid_is_its_target(coder: Coder) -> None:
    assert aimed(code(coder, "Thousands of Eritreans found asylum in Ethiopia."), "ETH", "07", "ERI")


def test_refuge_sought_is_asked_for_and_refuge_found_is_given(coder: Coder) -> None:
    assert aimed(code(coder, "Thousands of Eritreans sought refuge in Sudan."), "ERI", "10", "SDN")
    assert aimed(code(coder, "Thousands of Eritreans found refuge in Sudan."), "SDN", "07", "ERI")


def test_an_act_someone_only_answers_is_its_modifiers(coder: Coder) -> None:
    # "dismiss" only answers another's act: the threats are not Syria's (disputing criticism is a denial, 016)
    assert triples(code(coder, "Chile disputed Peruvian criticism on Monday.")) == {("CHL", "016", "PER", "asserted")}
    assert aimed(code(coder, "Syria dismissed Turkish threats on Monday."), "TUR", "13", "SYR")
    # a verb of criticism answers the act its object names: it codes itself, and its subject did not do the act
    events = code(coder, "Putin assailed the American withdrawal plan.")
    assert triples(events) == {("RUSGOV", "111", "USA", "asserted")}


def test_who_faces_an_act_undergoes_it(coder: Coder) -> None:
    assert triples(code(coder, "Eritrea faces new AU sanctions.")) == {("AU", "163", "ERI", "asserted")}
    assert aimed(code(coder, "Kenya faces sharp criticism from the African Union."), "AU", "111", "KEN")


def test_an_act_years_before_what_the_clause_tells_is_history(coder: Coder) -> None:
    text = "Veterans marched in Oslo on Monday, sixty years after the German invasion of Norway."
    assert not any(e.cameo[:2] == "19" for e in code_monadic(coder, text))


def test_who_gets_cooperation_is_given_it(coder: Coder) -> None:
    events = code(coder, "Peru gets Japanese investment in copper mines.")
    assert [(e.source.key, e.cameo[:2], e.target and e.target.key) for e in events] == [("JPN", "06", "PER")]


def test_an_act_someone_only_sees_or_fears_is_no_event(coder: Coder) -> None:
    for text in ("Indian generals see a Pakistani missile threat.", "Greece fears a Turkish invasion of its islands."):
        assert code_monadic(coder, text) == [], text


def test_a_noun_events_from_phrase_names_its_maker(coder: Coder) -> None:
    events = code_monadic(coder, "Chile and Argentina began joint naval drills on Monday, "
                                 "prompting a warning from Peru.")
    assert any(e.cameo.startswith("13") and e.source.code == "PER" for e in events)


def test_talks_between_two_sides_are_each_sides_talks_with_the_other(coder: Coder) -> None:
    events = code(coder, "The deal came after three days of talks in Doha between Chadian and Sudanese officials.")
    assert {("TCDGOV", "046", "SDNGOV", "asserted"), ("SDNGOV", "046", "TCDGOV", "asserted")} <= triples(events)


def test_who_films_or_investigates_an_act_did_not_do_it(coder: Coder) -> None:
    events = code_monadic(coder, "Ugandan police arrested two Kenyan reporters who had filmed clashes.")
    assert not [e for e in events if e.cameo[:2] == "19"]
    assert aimed(events, "UGA", "173", "KEN")


def test_an_event_noun_naming_who_someone_is_is_no_act(coder: Coder) -> None:
    events = code_monadic(coder, "Kenyan riot police arrested protest leaders in Nairobi.")
    assert {e.cameo[:2] for e in events} == {"17"}  # no riot, no protest: who they are
    assert {e.target.code for e in events if e.target} == {"KENCVL"}
    events = code_monadic(coder, "Norway accepted dozens of asylum seekers from Eritrea.")
    assert {e.cameo for e in events} == {"075"}


def test_captors_named_as_holding_hostages_are_no_news_of_a_seizure(coder: Coder) -> None:
    text = "Al-Shabaab militants holding two Kenyan doctors hostage demanded a ransom."
    assert not any(e.cameo.startswith("181") for e in code_monadic(coder, text))


def test_a_round_of_talks_is_held_like_the_talks(coder: Coder) -> None:
    assert aimed(code(coder, "Armenia and Azerbaijan held a fresh round of talks in Geneva."), "ARM", "046", "AZE")


def test_an_act_in_force_that_is_broken_or_worn_down_is_no_news(coder: Coder) -> None:
    for text in ("Farmers in Chile are breaking the new ban on burning stubble.",
                 "Smugglers eroded the UN embargo on Eritrea.",
                 "Chilean leaders softened their demand on Peru."):
        assert not [e for e in code_monadic(coder, text) if e.cameo[:2] in {"10", "16", "17"}]


def test_talks_between_two_sides_that_are_only_talked_about_are_no_talks(coder: Coder) -> None:
    for text in ("Argentine ministers met to review the progress of the dialogue between Chile and Peru.",
                 "They discussed many issues, including the dialogue between Chile and Peru."):
        assert not [e for e in code_monadic(coder, text) if e.cameo[:2] == "04" and e.source.key == "CHL"]
    for text in ("The resumption of talks between Chile and Peru was welcomed.",
                 "The deal came after hours of talks between Chile and Peru."):
        assert aimed(code(coder, text), "CHL", "04", "PER")


def test_a_strike_its_workers_possess_is_a_labour_strike(coder: Coder) -> None:
    events = code_monadic(coder, "The Chilean dockworkers' strike paralysed the port of Valparaiso.")
    assert [e.cameo[:2] for e in events if e.trigger.text == "strike"] == ["14"]


def test_a_release_won_or_obtained_was_done_to_the_subject(coder: Coder) -> None:
    events = code_monadic(coder, "The Chilean activist won early release from prison in Peru.")
    assert not [e for e in events if e.source.key == "CHL" and e.cameo.startswith("08")]


def test_people_held_hostage_were_held_whatever_the_parser_made_their_subject(coder: Coder) -> None:
    events = code_monadic(coder, "Leaving behind two Chilean engineers still held hostage in Peru, Chile's foreign "
                                 "minister headed home.")
    assert not [e for e in events if e.source.key == "CHL" and e.cameo.startswith("18")]
    assert aimed(code(coder, "Iraqi militants held two Frenchmen hostage for months."), "IRQ", "18", "FRA")


def test_cooperation_named_on_an_agreement_is_what_it_is_about(coder: Coder) -> None:
    events = code(coder, "Kenya signed a cooperation agreement with Uganda on Monday.")
    assert [e.cameo for e in events] == ["057"]
    truce = code(coder, "Kenya signed a ceasefire agreement with Uganda on Monday.")
    assert "0871" in {e.cameo for e in truce}


def test_a_congratulatory_or_courtesy_call_is_no_appeal(coder: Coder) -> None:
    congratulation = code(coder, "Kenya's president made a congratulatory call to Uganda's president.")
    assert [e.cameo for e in congratulation] == ["051"]
    courtesy = code(coder, "Kenya's foreign minister paid a courtesy call on Uganda's president.")
    assert [e.cameo for e in courtesy] == ["042"]
