"""Governing verbs and derived codes (events/governing.py): what the words above a trigger make of it."""

import pytest

from detente import Coder
from detente.read.documents import Document

from .coding import aimed, code, code_monadic, triples


def test_intent_and_threat_are_derived(coder: Coder) -> None:
    assert ("IND", "036", "PAK", "asserted") in triples(code(coder, "India hopes to hold talks with Pakistan."))
    threat = code(coder, "Iran threatened to attack Israel.")
    assert aimed(threat, "IRN", "13", "ISR")


def test_appeal_is_aimed_at_who_is_asked(coder: Coder) -> None:
    assert aimed(code(coder, "France urged Russia to withdraw its troops from Georgia."), "FRA", "02", "RUS")
    (event,) = code(coder, "Germany urged Iran to release the prisoners.")
    assert (event.source.code, event.cameo, event.target.code) == ("DEU", "0253", "IRN")
    assert event.rule.endswith("+appeal:urge")


def test_wanting_another_to_act_is_an_appeal(coder: Coder) -> None:
    events = code(coder, "Greece wants Turkey to withdraw its ships.")
    assert ("GRC", "0256", "TUR", "asserted") in triples(events)


def test_an_offer_is_never_a_threat_nor_an_appeal(coder: Coder) -> None:
    troops = code(coder, "Canada has offered to send soldiers to Haiti to help the police.")
    assert ("CAN", "0332", "HTI", "asserted") in triples(troops)
    assert not any(e.cameo.startswith(("13", "02")) for e in troops)
    assert aimed(code(coder, "Spain offered harsh criticism of the Moroccan government."), "ESP", "111", "MAR")


def test_a_phrasal_verb_has_its_own_effect(coder: Coder) -> None:
    # "rule out" rejects what it names; the plain verb "rule" governs nothing
    assert ("IND", "125", "PAK", "asserted") in triples(code(coder, "India ruled out talks with Pakistan."))


def test_refusing_to_act_is_a_rejection(coder: Coder) -> None:
    assert aimed(code(coder, "Peru refused to extradite the former minister to Chile."), "PER", "12", "CHL")


def test_ordering_ones_own_forces_is_the_act_itself(coder: Coder) -> None:
    events = code(coder, "The Cuban government ordered police to arrest the dissidents.")
    assert ("CUBGOV", "173", "CUBCOP", "asserted") in triples(events)


def test_halting_cooperation_and_conflict(coder: Coder) -> None:
    talks = code(coder, "Serbia suspended talks with Croatia.")
    assert aimed(talks, "SRB", "16", "HRV")
    curfew = code(coder, "The Sudanese government lifted the curfew in Darfur.")
    assert any(e.cameo.startswith("08") for e in curfew)


def test_a_condition_makes_a_threat(coder: Coder) -> None:
    events = code(coder, "Nigeria will withdraw its troops from Chad unless Chad holds elections.")
    assert aimed(events, "NGA", "13", "TCD")
    events = code(coder, "Poland will recall its ambassador unless Belarus frees the journalist.")
    assert ("POL", "1313", "BLR", "asserted") in triples(events)


def test_a_deontic_clause_in_speech_is_a_demand(coder: Coder) -> None:
    assert aimed(code(coder, "Britain said Libya must hand over the suspects."), "GBR", "10", "LBY")


def test_pressure_to_act_is_a_demand_by_whoever_exerts_it(coder: Coder) -> None:
    events = code(coder, "Serbia faces pressure from the European Union to recognise Kosovo.")
    assert aimed(events, "EU", "10", "SRB") and not aimed(events, "SRB", "0", "XKX")


def test_who_is_urged_in_the_passive_is_the_addressee(coder: Coder) -> None:
    events = code(coder, "Serbia was urged by the European Union to withdraw its troops from Kosovo.")
    assert aimed(events, "EU", "10", "SRB") or aimed(events, "EU", "02", "SRB")


def test_rejecting_anothers_offer_is_no_refusal_by_the_offerer(coder: Coder) -> None:
    events = code(coder, "Serbia rejected a Russian offer to host a summit between Belgrade and Pristina.")
    assert not any(e.source.key == "RUS" and e.cameo.startswith("12") for e in events)


def test_was_to_is_planned(coder: Coder) -> None:
    events = code(coder, "Protests erupted hours before the Chilean president was to address Congress.")
    assert {e.factuality for e in events if e.cameo.startswith("01")} <= {"future"}



@pytest.mark.parametrize(("text", "expected"), [
    ("A Chilean court ordered the arrest of the Peruvian businessman.", ("CHLJUD", "173", "PERBUS", "asserted")),
    ("The Greek prime minister ordered air strikes on Turkish positions.", ("GRCGOV", "195", "TUR", "asserted")),
])
def test_an_ordered_act_with_no_doer_of_its_own_is_the_orderers(coder: Coder, text: str,
                                                                 expected: tuple[str, str, str, str]) -> None:
    assert expected in triples(code(coder, text))


def test_an_ordered_act_of_another_stays_a_demand(coder: Coder) -> None:
    events = code(coder, "The UN ordered the Israeli withdrawal from Lebanon.")
    assert not any(e.source.key == "UN" and e.cameo.startswith("08") for e in events)


def test_a_phrasal_verb_governs_nothing_its_plain_verb_would(coder: Coder) -> None:
    events = code(coder, "Sabotage has pushed down Nigeria's oil exports to Ghana.")
    assert not any(e.cameo.startswith("02") for e in events)


def test_a_headline_infinitive_is_what_the_actor_will_do(coder: Coder) -> None:
    (event,) = code(coder, "Poland to Expel Two Belarusian Diplomats")
    assert (event.source.key, event.target and event.target.key) == ("POL", "BLR")
    assert event.cameo[:2] != "17" and "+intent:will" in event.rule  # announced, not done


def test_set_for_a_visit_is_a_planned_visit(coder: Coder) -> None:
    (event,) = code(coder, "Modi set for visit to Poland", "2024-08-10")
    assert (event.source.code, event.cameo, event.factuality) == ("INDGOV", "042", "future")


def test_seeking_aid_asks_for_it(coder: Coder) -> None:
    # the seeker wants to be given aid: a demand for it (103, as the gold sets code "sought refuge"),
    # not an intent to give it (033)
    assert aimed(code(coder, "Haiti sought aid from Canada on Monday."), "HTI", "103", "CAN")


def test_a_report_that_holds_if_confirmed_is_alleged_not_a_threat(coder: Coder) -> None:
    events = code(coder, "If confirmed, it would be the first Turkish attack on Armenia in a decade.")
    assert {(e.cameo[:2], e.factuality) for e in events} == {("19", "alleged")}
    # a condition someone must meet still makes a threat
    assert {e.cameo[:2] for e in code(coder, "Turkey will attack Armenia if its troops cross the border.")} == {"13"}


def test_a_headline_appeal_with_no_object_is_made_to_its_subject(coder: Coder) -> None:
    # "[X is] urged to free ...": someone unnamed urges Putin, Putin urges no one
    assert not any(e.source.key == "RUS" for e in code(coder, "Putin Urged to Free Jailed Tycoon (AP)"))
    assert aimed(code(coder, "Putin urged Ukraine to free the sailors."), "RUS", "02", "UKR")


def test_a_document_title_in_lower_case_is_a_headline(coder: Coder) -> None:
    title = "Merkel urged to open talks with Ankara"
    document = Document(id="title", text=f"{title}\n\nCritics want a deal.", title=title, date="2021-03-01")
    assert not any(e.source.key == "DEU" for e in coder.code_document(document).events)


def test_an_event_noun_a_future_act_is_for_is_yet_to_be(coder: Coder) -> None:
    events = code(coder, "Officials said Kenya would join Ethiopia for talks on Friday.")
    assert [(e.cameo[:2], e.factuality) for e in events if e.trigger.text == "talks"] == [("04", "future")]
    events = code(coder, "Kenya joined Ethiopia for talks on Friday.")
    assert [(e.cameo[:2], e.factuality) for e in events if e.trigger.text == "talks"] == [("04", "asserted")]


def test_seeking_cooperation_asks_for_it(coder: Coder) -> None:
    events = code(coder, "Chile seeks Argentine military cooperation.")
    assert ("CHL", "0212", "ARG", "asserted") in triples(events)


def test_calling_someone_is_a_phone_call_not_an_appeal(coder: Coder) -> None:
    events = code(coder, "Putin called Erdogan on Friday to congratulate him.")
    assert aimed(events, "RUS", "041", "TUR") and not any(e.cameo[:2] == "02" for e in events)
    assert aimed(code(coder, "The UN called on Ethiopia to withdraw its troops."), "UN", "02", "ETH")
    assert code(coder, "Putin called the Ukrainian president a liar.") == []  # naming him, no act


def test_who_was_responsible_for_an_act_did_it(coder: Coder) -> None:
    assert aimed(code(coder, "The rebels in Mali were responsible for the attack on the Malian army."),
                 "MLI", "19", "MLI")
    assert [(e.source.code, e.cameo) for e in code_monadic(
        coder, "Prison guards in Iran tortured an inmate to death.")][:1] == [("IRNCOP", "1822")]
    assert [(e.source.code, e.cameo[:2]) for e in code_monadic(coder, "Hamas was behind the bombing.")] == [
        ("PSEREB", "18")]


def test_a_time_after_the_publication_day_makes_a_plan(coder: Coder) -> None:
    assert aimed(code(coder, "Peru and Chile hold talks tomorrow."), "PER", "036", "CHL")
    undated = coder.code("The Chilean president visits Peru next week.")
    assert [e.cameo for e in undated] == ["036"]


def test_whom_a_done_act_forced_did_what_it_was_forced_to(coder: Coder) -> None:
    events = code(coder, "Ethiopian troops captured the town, forcing Eritrean forces to withdraw.")
    assert aimed(events, "ERI", "087", "ETH") and not aimed(events, "ETH", "087", "ETH")
    assert not [e for e in code(coder, "Ethiopia will force Eritrea to withdraw its troops.") if e.source.key == "ERI"]


def test_a_plan_that_other_news_is_about_is_no_intent(coder: Coder) -> None:
    challenged = code_monadic(coder, "Colombia's president seeks allies to save his plan to withdraw from Venezuela.")
    assert not any(e.cameo.startswith("03") for e in challenged)
    announced = code(coder, "Colombia's president announced a plan to withdraw troops from the Venezuelan border.")
    assert any(e.cameo.startswith("03") for e in announced)


def test_a_participle_describing_a_deal_is_no_content_of_it(coder: Coder) -> None:
    events = code_monadic(coder, "A truce deal brokered by Qatar took effect.")
    assert [(e.source.code, e.cameo) for e in events if e.cameo.startswith(("03", "04"))] == [("QAT", "045")]


def test_a_demand_noun_is_its_modifiers_not_whoever_answers_it(coder: Coder) -> None:
    events = code(coder, "Nigeria brushed aside Ghanaian demands to reopen the border.")
    assert {("NGA", "124", "GHA", "asserted"), ("GHA", "1056", "NGA", "asserted")} <= triples(events)


def test_what_someone_should_do_is_asked_what_they_must_do_is_demanded(coder: Coder) -> None:
    events = code(coder, "The AU envoy said Chad should release the detained journalists.")
    assert {e.cameo[:2] for e in events if e.source.key == "AU"} == {"02"}
    events = code(coder, "The AU envoy said Chad must release the detained journalists.")
    assert {e.cameo[:2] for e in events if e.source.key == "AU"} == {"10"}


def test_needing_or_seeking_support_asks_for_it(coder: Coder) -> None:
    events = code(coder, "Somalia needs the support of Kenyan troops.")
    assert {(e.source.key, e.cameo[:2]) for e in events} == {("SOM", "02")}


def test_seeking_a_release_or_a_surrender_asks_for_it(coder: Coder) -> None:
    events = code(coder, "Kenya sought the release of two Somali fishermen from Eritrea.")
    assert {e.cameo for e in events if e.source.key == "KEN"} == {"0253"}
    # no one named is asked: not the seekers' own state
    events = code(coder, "Malian troops entered Gao to seek the surrender of the Republican Guard.")
    assert not any(e.cameo.startswith("02") and e.target is not None and e.target.key == "MLI" for e in events)


def test_ceasing_an_act_halts_it(coder: Coder) -> None:
    assert aimed(code(coder, "Armenia ceased negotiations with Azerbaijan."), "ARM", "16", "AZE")


def test_a_deed_named_on_a_plan_is_only_planned(coder: Coder) -> None:
    events = code_monadic(coder, "Turkey's parliament approved the Afrin pullout plan.")
    assert events and all(e.cameo.startswith("03") for e in events)


def test_what_someone_is_allowed_to_do_is_done_by_them_and_not_yet(coder: Coder) -> None:
    events = code_monadic(coder, "Egypt permitted Hamas officials to travel to Cairo.")
    assert [(e.source.key, e.factuality) for e in events if e.cameo.startswith("04")] == [("PSE", "future")]


def test_a_reversed_decision_is_not_carried_out(coder: Coder) -> None:
    events = code_monadic(coder, "Chad reverses its decision to expel the aid agency's local heads.")
    assert not any(e.cameo.startswith("17") and e.factuality == "asserted" for e in events)


def test_telling_someone_to_act_demands_it(coder: Coder) -> None:
    events = code(coder, "Ghana told Togo to withdraw its troops from the border.")
    assert aimed(events, "GHA", "10", "TGO")
    assert not any(e.source.key == "GHA" and e.cameo.startswith("08") for e in events)


def test_cutting_tariffs_eases_them(coder: Coder) -> None:
    events = code(coder, "Kenya agreed to cut tariffs on Ugandan sugar.")
    assert {e.cameo for e in events if e.source.key == "KEN"} == {"0354"}  # intent to ease sanctions


def test_a_visit_ended_was_made(coder: Coder) -> None:
    events = code(coder, "Lula ended his visit to Angola on Tuesday.")
    assert {e.cameo for e in events} == {"042"}
    assert aimed(code(coder, "Lula cancelled his visit to Angola."), "BRA", "12", "AGO")


def test_shelving_an_act_halts_it(coder: Coder) -> None:
    assert aimed(code(coder, "Iran shelved its talks with the EU."), "IRN", "16", "EU")


def test_a_threat_is_aimed_at_whoever_must_meet_its_condition(coder: Coder) -> None:
    text = "Kidnappers in Iraq threatened to turn the hostage over to al-Qaeda if Italy refuses to pay."
    assert aimed(code(coder, text), "IRQ", "13", "ITA")


def test_what_is_threatened_is_a_threat_not_a_promise(coder: Coder) -> None:
    events = code(coder, "Kidnappers in Iraq threatened to hand the hostage over to al-Qaeda if Italy refuses to pay.")
    assert {e.cameo[:2] for e in events if e.source.key == "IRQ"} == {"13"}


def test_stopping_anothers_act_eases_nothing(coder: Coder) -> None:
    events = code_monadic(coder, "Chilean forces thrust into the camp in what the military said was an effort to stop "
                                 "Bolivians firing rockets at Chile.")
    assert not [e for e in events if e.cameo.startswith("087")]
    assert any(e.cameo == "087" for e in code_monadic(coder, "Chile stopped firing on the town."))


def test_who_asks_a_passive_order_or_appeal_is_no_one_named(coder: Coder) -> None:
    assert not code_monadic(coder, "Kenyan troops were ordered to withdraw from Somalia.")
    assert aimed(code(coder, "Kenyan troops were ordered by Uganda to withdraw from Somalia."), "UGA", "10", "KEN")


def test_an_announced_deployment_is_offered_unless_it_goes_to_a_border(coder: Coder) -> None:
    assert [e.cameo for e in code(coder, "Kenya will send 500 troops to Somalia next month.")] == ["0332"]
    assert [e.cameo for e in code(coder, "Kenya will deploy troops to the Somali border.")] == ["138"]
    assert [e.cameo for e in code(coder, "Kenya threatened to send troops to Somalia.")] == ["138"]
