"""Event extraction on real parses: one sentence per mechanism, our own sentences."""

import pytest

from detente import Coder, Event


def code(coder: Coder, text: str, date: str = "2024-05-15") -> list[Event]:
    return coder.code(text, date=date)


def aimed(events: list[Event], source: str, root: str, target: str) -> bool:
    """Whether some event of `source` with a code under `root` is aimed at `target` (state keys)."""
    return any(e.source.key == source and e.cameo.startswith(root) and e.target and e.target.key == target
               for e in events)


def triples(events: list[Event]) -> set[tuple[str, str, str | None, str]]:
    return {(e.source.code, e.cameo, e.target.code if e.target else None, e.factuality) for e in events}


def test_active_verb(coder: Coder) -> None:
    assert ("FIN", "174", "RUSGOV", "asserted") in triples(code(coder, "Finland expelled two Russian diplomats."))


def test_passive_with_agent(coder: Coder) -> None:
    events = code(coder, "Two Russian diplomats were expelled by Finland.")
    assert ("FIN", "174", "RUSGOV", "asserted") in triples(events)


def test_nominal_event_with_possessor(coder: Coder) -> None:
    events = code(coder, "NATO's expulsion of eight Russian officials angered Moscow.")
    assert ("NATO", "174", "RUSGOV", "asserted") in triples(events)


def test_a_response_to_an_act_is_aimed_at_its_doer(coder: Coder) -> None:
    events = code(coder, "Moscow condemned NATO's expulsion of eight Russian officials.")
    assert ("RUSGOV", "111", "NATO", "asserted") in triples(events)


def test_coordinated_sources_give_both_dyads(coder: Coder) -> None:
    events = code(coder, "Egypt and Jordan signed a trade agreement.")
    assert {("EGY", "057", "JOR", "asserted"), ("JOR", "057", "EGY", "asserted")} <= triples(events)


def test_reported_speech_codes_the_reported_act(coder: Coder) -> None:
    events = code(coder, "Officials said Turkish jets bombed Kurdish positions in Syria.")
    assert any(e.source.key == "TUR" and e.cameo.startswith("19") for e in events)


def test_negation(coder: Coder) -> None:
    events = code(coder, "Japan did not recognise the new government of Myanmar.")
    assert {e.factuality for e in events if e.source.key == "JPN"} == {"negated"}


def test_intent_and_threat_are_derived(coder: Coder) -> None:
    assert ("IND", "036", "PAK", "asserted") in triples(code(coder, "India hopes to hold talks with Pakistan."))
    threat = code(coder, "Iran threatened to attack Israel.")
    assert aimed(threat, "IRN", "13", "ISR")


def test_appeal_is_aimed_at_who_is_asked(coder: Coder) -> None:
    assert aimed(code(coder, "France urged Russia to withdraw its troops from Georgia."), "FRA", "02", "RUS")


def test_hypothetical_and_alleged(coder: Coder) -> None:
    assert {e.factuality for e in code(coder, "China could impose sanctions on Lithuania.")} == {"hypothetical"}
    events = code(coder, "Russia allegedly attacked Ukrainian ports.")
    assert {e.factuality for e in events} == {"alleged"}


def test_dates_and_background(coder: Coder) -> None:
    (recent,) = code(coder, "Last week Chile recalled its ambassador from Argentina.")
    assert (recent.date.date, recent.date.precision, recent.date.text) == ("2024-05-06", "week", "Last week")
    (historic,) = code(coder, "In 2014 Russia annexed Crimea from Ukraine.")
    assert historic.date.date == "2014"
    (background,) = code(coder, "Over the past decade, China has repeatedly criticised Japan.")
    assert background.date.date is None and background.date.text == "Over the past decade"


def test_location_with_coordinates(coder: Coder) -> None:
    (event,) = [e for e in code(coder, "Israeli troops raided a camp in Jenin.") if e.location]
    assert event.location.text == "Jenin" and event.location.country == "PSE"
    assert event.location.latitude is not None and event.location.precision == "city"


def test_pronoun_refers_to_the_earlier_subject(coder: Coder) -> None:
    events = code(coder, "NATO met on Tuesday. It later accused Russia of espionage.")
    assert ("NATO", "1125", "RUS", "asserted") in triples(events)


def test_mentions_of_one_event_are_merged(coder: Coder) -> None:
    text = "Poland Expels Belarusian Diplomat\n\nPoland expelled a Belarusian diplomat on Monday."
    (event,) = [e for e in code(coder, text) if e.cameo == "174"]
    assert len(event.mentions) == 2 and event.date.date == "2024-05-13"


@pytest.mark.parametrize("text", ["The weather in Paris was fine.", "Prices rose in Germany last year."])
def test_no_event_without_an_act(coder: Coder, text: str) -> None:
    assert code(coder, text) == []


def test_rejecting_a_request_is_aimed_at_the_requester(coder: Coder) -> None:
    assert aimed(code(coder, "Yemen rejected a U.S. request to interrogate the detainees."), "YEM", "12", "USA")


def test_halting_cooperation_and_conflict(coder: Coder) -> None:
    talks = code(coder, "Serbia suspended talks with Croatia.")
    assert aimed(talks, "SRB", "16", "HRV")
    curfew = code(coder, "The Sudanese government lifted the curfew in Darfur.")
    assert any(e.cameo.startswith("08") for e in curfew)


def test_a_condition_makes_a_threat(coder: Coder) -> None:
    events = code(coder, "Nigeria will withdraw its troops from Chad unless Chad holds elections.")
    assert aimed(events, "NGA", "13", "TCD")


def test_a_deontic_clause_in_speech_is_a_demand(coder: Coder) -> None:
    assert aimed(code(coder, "Britain said Libya must hand over the suspects."), "GBR", "10", "LBY")


def test_peoples_are_coded_by_where_they_live(coder: Coder) -> None:
    events = code(coder, "Ethnic Albanians in Serbia attacked a police station.")
    assert any(e.source.key == "SRB" for e in events)


def test_a_protest_with_no_one_named_is_aimed_at_home(coder: Coder) -> None:
    events = code(coder, "Thousands of Egyptian students demonstrated on Friday.")
    assert any(e.cameo.startswith("14") and e.target and e.target.code == "EGYGOV" for e in events)


def test_a_weapon_as_agent_gives_way_to_whoever_fired_it(coder: Coder) -> None:
    events = code(coder, "A Ukrainian helicopter was shot down by a missile fired by Russian troops.")
    assert ("RUSMIL", "190", "UKR", "asserted") in triples(events)


def test_talks_are_a_negotiation_on_both_sides(coder: Coder) -> None:
    events = code(coder, "The Turkish foreign minister held talks with Greek officials in Athens.")
    assert aimed(events, "TUR", "04", "GRC") and aimed(events, "GRC", "04", "TUR")


def test_reporting_another_actors_violence_accuses_it(coder: Coder) -> None:
    events = code(coder, "Armenia said that Azerbaijani troops had shelled a village near the border.")
    assert aimed(events, "ARM", "112", "AZE")


def test_claiming_ones_own_violence_claims_responsibility(coder: Coder) -> None:
    events = code(coder, "The rebels of Chad claimed that they had attacked the army of Niger.")
    assert aimed(events, "TCD", "015", "NER")


def test_a_closing_attribution_is_no_accusation(coder: Coder) -> None:
    events = code(coder, "Azerbaijani troops shelled a village in Armenia, Armenian officials said.")
    assert not any(e.cameo.startswith("11") for e in events)


def test_a_pronoun_subject_of_reported_speech_is_the_speaker(coder: Coder) -> None:
    events = code(coder, "Gunmen loyal to a Syrian warlord said they had attacked Lebanese troops.")
    assert not any(e.cameo.startswith("11") for e in events)


def test_force_with_no_agent_comes_from_where_it_was_fired(coder: Coder) -> None:
    events = code(coder, "Two rockets were fired at Israel from Lebanon on Sunday.")
    assert aimed(events, "LBN", "19", "ISR")


def test_force_with_no_agent_comes_from_whose_weapon_did_it(coder: Coder) -> None:
    events = code(coder, "Three Syrian soldiers were killed in Turkish artillery fire near the border.")
    assert aimed(events, "TUR", "19", "SYR")


def test_a_claim_of_responsibility_is_aimed_at_the_target_of_the_act(coder: Coder) -> None:
    events = code(coder, "A Pakistani militant group claimed responsibility for a bombing targeting a hotel in Kabul.")
    assert aimed(events, "PAK", "015", "AFG")


def test_a_report_speaks_for_whoever_released_it(coder: Coder) -> None:
    events = code(coder, "A report released by Kenya alleged that Ugandan troops had attacked villages in Sudan.")
    assert aimed(events, "KEN", "11", "UGA")


def test_a_military_weapon_makes_a_bombing_military_force(coder: Coder) -> None:
    events = code(coder, "A Ukrainian airliner was blown up by a missile fired by Russian troops.")
    assert aimed(events, "RUS", "19", "UKR")


def test_pressure_to_act_is_a_demand_by_whoever_exerts_it(coder: Coder) -> None:
    events = code(coder, "Serbia faces pressure from the European Union to recognise Kosovo.")
    assert aimed(events, "EU", "10", "SRB") and not aimed(events, "SRB", "0", "XKX")


def test_who_is_urged_in_the_passive_is_the_addressee(coder: Coder) -> None:
    events = code(coder, "Serbia was urged by the European Union to withdraw its troops from Kosovo.")
    assert aimed(events, "EU", "10", "SRB") or aimed(events, "EU", "02", "SRB")


def test_a_legislature_named_generically_is_the_one_of_the_state_in_view(coder: Coder) -> None:
    events = code(coder, "Obama faces pressure from Congress to help Ukraine.", date="2014-05-15")
    assert any(e.source.code == "USALEG" and e.cameo.startswith("10") for e in events)


def test_an_act_named_as_the_subject_of_killing_is_what_was_done(coder: Coder) -> None:
    events = code(coder, "A Turkish air strike killed four Kurdish fighters in northern Iraq.")
    assert any(e.source.key == "TUR" and e.cameo == "195" for e in events)


def test_rejecting_anothers_offer_is_no_refusal_by_the_offerer(coder: Coder) -> None:
    events = code(coder, "Serbia rejected a Russian offer to host a summit between Belgrade and Pristina.")
    assert not any(e.source.key == "RUS" and e.cameo.startswith("12") for e in events)


def test_a_killing_in_a_named_kind_of_attack_takes_its_code(coder: Coder) -> None:
    events = code(coder, "Chechen rebels killed three Russian soldiers in a suicide attack on Monday.")
    assert any(e.cameo.startswith("183") for e in events)


def test_a_monitor_reporting_its_own_governments_violence_accuses_it(coder: Coder) -> None:
    events = code(coder, "The Syrian Observatory for Human Rights said that the government had shelled Aleppo.")
    assert any(e.source.code == "SYRNGO" and e.cameo.startswith("112") and e.target and e.target.code == "SYRGOV"
               for e in events)


def test_a_perfect_relative_clause_describes_an_actor_and_is_not_news(coder: Coder) -> None:
    events = code(coder, "Iraqi troops attacked Islamic State fighters who have seized parts of Mosul.")
    assert not any(e.cameo.startswith("17") for e in events) and aimed(events, "IRQ", "19", "ISIL")


def test_a_statement_to_the_press_is_aimed_at_no_one(coder: Coder) -> None:
    told = code(coder, "Russian officials told a Finnish newspaper on Monday that the border would stay closed.")
    assert not aimed(told, "RUS", "01", "FIN")
    assert aimed(code(coder, "Russia told Finland on Monday that the border would stay closed."), "RUS", "01", "FIN")
