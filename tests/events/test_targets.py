"""Choosing the target and implicit targets (events/targets.py): whom an event is aimed at when
no argument names someone other than the source."""

from detente import Coder, Document

from .coding import aimed, code, code_monadic, triples


def test_coordinated_sources_give_both_dyads(coder: Coder) -> None:
    events = code(coder, "Egypt and Jordan signed a trade agreement.")
    assert {("EGY", "057", "JOR", "asserted"), ("JOR", "057", "EGY", "asserted")} <= triples(events)


def test_a_purpose_names_the_target(coder: Coder) -> None:
    events = code(coder, "Chile recalled its ambassador to protest Bolivia's decision.")
    assert ("CHL", "161", "BOL", "asserted") in triples(events)


def test_an_act_in_protest_against_someone_is_aimed_at_them(coder: Coder) -> None:
    events = code(coder, "Hundreds of Kenyan students marched in protest against Uganda.")
    assert ("KENEDU", "141", "UGA", "asserted") in triples(events)


def test_a_state_organ_easing_with_no_one_named_acts_on_its_own_country(coder: Coder) -> None:
    events = code(coder, "The Egyptian government eased restrictions on travel.")
    assert ("EGYGOV", "081", "EGY", "asserted") in triples(events)


def test_a_protest_is_aimed_at_the_state_where_it_happens(coder: Coder) -> None:
    assert ("FRAAGR", "141", "FRA", "asserted") in triples(code(coder, "Farmers protested in Paris."))


def test_a_protest_with_no_one_named_is_aimed_at_home(coder: Coder) -> None:
    events = code(coder, "Thousands of Egyptian students demonstrated on Friday.")
    assert any(e.cameo.startswith("14") and e.target and e.target.code == "EGYGOV" for e in events)


def test_a_claim_of_responsibility_is_aimed_at_the_target_of_the_act(coder: Coder) -> None:
    events = code(coder, "A Pakistani militant group claimed responsibility for a bombing targeting a hotel in Kabul.")
    assert aimed(events, "PAK", "015", "AFG")


def test_a_statement_to_the_press_is_aimed_at_no_one(coder: Coder) -> None:
    told = code(coder, "Russian officials told a Finnish newspaper on Monday that the border would stay closed.")
    assert not aimed(told, "RUS", "01", "FIN")
    assert aimed(code(coder, "Russia told Finland on Monday that the border would stay closed."), "RUS", "01", "FIN")


def test_coordinated_doers_of_a_directed_act_are_not_aimed_at_each_other(coder: Coder) -> None:
    events = code(coder, "Kenyan and Ugandan troops launched a large offensive on Sunday.")
    assert not any(e.target and {e.source.key, e.target.key} == {"KEN", "UGA"} for e in events)


def test_coordinated_doers_of_a_mutual_act_are_aimed_at_each_other(coder: Coder) -> None:
    events = code(coder, "Chad and Niger restored diplomatic ties.")
    assert aimed(events, "TCD", "05", "NER") and aimed(events, "NER", "05", "TCD")
    assert aimed(code(coder, "Peruvian and Ecuadorian troops clashed on Monday."), "PER", "19", "ECU")


def test_a_state_organ_coercing_abroad_acts_on_that_territory(coder: Coder) -> None:
    events = code(coder, "Israeli soldiers demolished houses in Hebron.")
    assert ("ISRMIL", "1712", "PSE", "asserted") in triples(events)
    assert not aimed(events, "ISR", "17", "ISR")


def test_people_expelled_from_a_state_were_expelled_by_it(coder: Coder) -> None:
    assert ("POLGOV", "174", "BLRGOV", "asserted") in triples(
        code(coder, "Three Belarusian diplomats were ordered out of Poland on Friday."))
    assert ("EGYGOV", "174", "GBRMED", "asserted") in triples(
        code(coder, "A British journalist was expelled from Egypt."))
    assert ("VENGOV", "1662", "OAS", "asserted") in triples(code(coder, "OAS observers were expelled from Venezuela."))
    assert code(coder, "OAS observers were withdrawn from Venezuela.") == []  # by whoever sent them
    # whose they are unnamed: no target, and never the expelling state itself or its people
    assert code(coder, "Thirty diplomats were ordered out of Peru on Monday.") == []


def test_a_state_itself_yields_or_protests_at_no_one_when_no_one_is_named(coder: Coder) -> None:
    events = code(coder, "Chile reversed its decision to close the border crossing.")
    assert not any(e.source.key == "CHL" and e.target is not None and e.target.key == "CHL" for e in events)
    events = code(coder, "Hungarian farmers protested on Monday.")  # a state's people protest at home
    assert any(e.cameo[:2] == "14" and e.target is not None and e.target.code == "HUNGOV" for e in events)


def test_a_state_that_only_describes_some_other_thing_is_no_better_guess_for_a_target(coder: Coder) -> None:
    # the suspects are most likely India's own; the Nepalese bank says nothing of them
    assert triples(code(coder, "Indian police arrested two suspects who had robbed a Nepalese bank.")) == {
        ("INDCOP", "173", "INDCRM", "asserted")}


def test_forces_that_are_sent_are_the_senders_not_a_target(coder: Coder) -> None:
    assert triples(code(coder, "Brazil sent a large number of soldiers to Haiti.")) == {
        ("BRA", "154", "HTI", "asserted")}


def test_the_state_itself_among_a_sources_counterparts_is_no_target(coder: Coder) -> None:
    events = code(coder, "Chinese President Xi Jinping held talks on ties between Cuba and China.")
    assert aimed(events, "CHN", "04", "CUB") and not aimed(events, "CHN", "04", "CHN")


def test_where_one_speaks_or_travels_from_is_no_counterpart(coder: Coder) -> None:
    assert code(coder, "Speaking from Paris, Lebanese officials said the talks would resume.") == []
    events = code(coder, "The Lebanese president flew to Paris from Cyprus.")
    assert not any(e.target is not None and e.target.key == "CYP" for e in events)


def test_a_place_that_only_says_where_a_thing_is_is_no_target(coder: Coder) -> None:
    assert code(coder, "The Canadian parliament ratified the Kyoto Protocol on Tuesday.") == []
    assert code(coder, "Brazil said it would honour the Paris climate agreement.") == []
    # the act's own phrase, force on a thing there and a visit keep the place's state
    assert aimed(code(coder, "Russia's Putin Issues Ultimatum to Kharkiv"), "RUS", "13", "UKR")
    assert aimed(code(coder, "Israeli helicopters fired missiles at a Gaza warehouse."), "ISR", "19", "PSE")
    assert aimed(code(coder, "France condemned Tehran's nuclear programme."), "FRA", "11", "IRN")


def test_a_role_of_a_region_is_that_regions_not_a_state_the_sentence_names(coder: Coder) -> None:
    arab = code(coder, "Arab foreign ministers urged Syria to withdraw its troops.")
    assert {e.source.code for e in arab} == {"MEAGOV"}
    assert {e.source.code for e in code(coder, "Western diplomats accused Iran of hiding nuclear sites.")} == {"WSTGOV"}
    # a region with no code of its own gives no state either
    central = code(coder, "Central American leaders urged Cuba to free dissidents.")
    assert not any(e.source.key == "CUB" for e in central)


def test_police_and_courts_act_on_people_at_home(coder: Coder) -> None:
    # police act at home: the arrested is not of the state of whom he is said to have harmed
    text = ("Turkish officer held over beating of Syrian refugee\n\n"
            "Turkish military police arrested a commander accused of beating a Syrian refugee.")
    (coded,) = coder.code_documents([Document("d", text, title=text.split("\n")[0], date="2024-05-15")])
    assert ("TURCOP", "173", "TURMIL", "asserted") in triples(coded.events)


def test_a_group_named_on_what_is_struck_is_the_target_not_the_land_it_is_in(coder: Coder) -> None:
    # the parser reads "PKK" in "PKK militant positions" as an nmod, not a compound
    events = code(coder, "Turkish jets strike PKK militant positions across south-east Turkey.")
    assert [(e.source.code, e.cameo[:2], e.target and e.target.code) for e in events] == [("TURMIL", "19", "TURSEP")]


def test_what_a_meeting_is_about_is_not_whom_it_is_with(coder: Coder) -> None:
    assert code(coder, "Lavrov held talks over Syria on Monday.") == []
    assert code(coder, "The AU called an emergency meeting on Sudan.") == []


def test_coordinated_doers_of_one_state_act_on_each_other(coder: Coder) -> None:
    # told apart by role: two events, one each way, not one merged on the state
    assert {("SDNMIL", "SDNREB"), ("SDNREB", "SDNMIL")} <= {
        (e.source.code, e.target.code) for e in code(coder, "The Sudanese army and the RSF clashed in Omdurman.")
        if e.target is not None}


def test_a_truce_signed_by_coordinated_doers_is_with_each_other(coder: Coder) -> None:
    assert {("TCD", "0871", "SDN", "asserted"), ("SDN", "0871", "TCD", "asserted")} <= triples(
        code(coder, "Chad and Sudan signed a truce on Monday."))


def test_whom_rebels_free_is_theirs_to_name_not_their_government(coder: Coder) -> None:
    events = code(coder, "Colombian rebels freed three foreign engineers on Monday.")
    assert not any(e.cameo.startswith("084") for e in events)


def test_a_place_naming_a_pact_is_no_party_to_it(coder: Coder) -> None:
    assert not any(e.target is not None and e.target.key == "CAN"
                   for e in code(coder, "Brazil ratified the Montreal Pact on Tuesday."))


def test_an_event_a_modifier_gives_a_role_is_no_one_acted_on(coder: Coder) -> None:
    events = code(coder, "Kenya's president ordered an inquiry into the terrorist attack on Sunday.")
    assert not any(e.target is not None and e.target.text.endswith("attack") for e in events)


def test_a_visit_or_deployment_at_home_has_no_place_for_target(coder: Coder) -> None:
    assert code(coder, "The Kenyan president visited Mombasa on Monday.") == []
    assert code(coder, "Ethiopia sent troops to Gondar.") == []
    assert aimed(code(coder, "Ethiopia sent troops to Kassala in Sudan."), "ETH", "15", "SDN")


def test_a_leader_speaks_of_his_own_states_organs(coder: Coder) -> None:
    events = coder.code("Olmert Rejects Army Bid to Wind Down West Bank Offensive", date="2006-08-01")
    assert {(e.cameo, e.target.code) for e in events} == {("120", "ISRMIL")}


def test_an_appeal_is_aimed_at_whom_it_asks_not_at_what_they_are_asked_about(coder: Coder) -> None:
    assert not any(e.cameo.startswith("02") for e in code(
        coder, "The president urged all countries to enforce an arms embargo on Liberia."))
    assert not any(e.cameo.startswith("02") for e in code(
        coder, "The cleric called for his followers to end fighting against British and Iraqi forces."))
    events = code(coder, "Lawyers pressed Peru's Supreme Court on Monday to uphold a ruling against Alberto Fujimori.")
    assert ("PERCVL", "020", "PERJUD", "asserted") in triples(events)
    events = code(coder, "Iraq on Saturday appealed to the United Nations to lift the embargo.")
    assert aimed(events, "IRQ", "02", "UN")


def test_a_promise_aimed_at_no_one_named_is_not_made_to_the_government(coder: Coder) -> None:
    # a group's own state stands in as the target of what it does at home, not of what it promises
    events = code(coder, "A Basque separatist group pledged to end all violence.")
    assert not any(e.cameo.startswith("03") for e in events)
    assert ("KENAGR", "141", "KENGOV", "asserted") in triples(code(coder, "Kenyan farmers protested on Monday."))


def test_what_a_rejected_plea_asked_for_is_not_who_made_it(coder: Coder) -> None:
    for text in ["Norway turned down a plea for more troops.", "Norway turned down a plea for more troops in Mali."]:
        assert not any(e.target is not None and e.target.role == "MIL" for e in code_monadic(coder, text))


def test_whom_an_appeal_is_for_is_not_whom_it_is_made_to(coder: Coder) -> None:
    events = code(coder, "The Red Cross launched an appeal for flood-hit Malawi.")
    assert not any(e.cameo.startswith("02") for e in events)


def test_a_refusal_or_appeal_is_never_aimed_at_a_place_at_home(coder: Coder) -> None:
    events = code(coder, "Syrian soldiers were punished after refusing to bomb Homs.")
    assert not any(e.cameo.startswith("12") for e in events)


def test_a_visitor_is_not_of_the_state_visited_for_want_of_another_clue(coder: Coder) -> None:
    assert not any(e.cameo == "042" for e in code(coder, "An envoy visited Iran on Monday."))
    assert aimed(code(coder, "An Iraqi envoy visited Iran on Monday."), "IRQ", "042", "IRN")


def test_forces_deployed_are_never_the_target_however_named(coder: Coder) -> None:
    events = code(coder, "Egypt deploys an extra 900 Egyptian police officers as protesters call for a day of rage.")
    assert not any(e.cameo.startswith("15") and e.target is not None and e.target.role == "COP" for e in events)


def test_pressure_on_someone_to_act_is_aimed_at_them(coder: Coder) -> None:
    assert aimed(code(coder, "Iraqi militants increased pressure on Poland to withdraw."), "IRQ", "10", "POL")


def test_a_government_talks_with_its_own_rebels_whatever_the_dateline(coder: Coder) -> None:
    events = code(coder, "ADDIS ABABA, Ethiopia (Reuters) - Somalia's government resumed talks with rebels on Monday.")
    assert {e.target.code for e in events if e.source.code == "SOMGOV"} == {"SOMREB"}


def test_a_thing_of_ones_own_state_is_no_partner_of_cooperation(coder: Coder) -> None:
    events = code(coder, "Lula, in Luanda, signs accords to increase Brazilian investment.")
    assert not any(e.target is not None and e.target.key == "BRA" for e in events)
    events = code(coder, "Karzai promised Afghans greater security.")  # its people are
    assert any(e.target is not None and e.target.key == "AFG" for e in events)


def test_an_army_withdrawing_or_holding_fire_is_not_aimed_at_its_own_state(coder: Coder) -> None:
    for text in ("The Chilean army withdrew most of its troops from the island.",
                 "Chilean officials agreed on a ceasefire late on Sunday."):
        events = code_monadic(coder, text)
        assert any(e.cameo.startswith(("087", "035")) for e in events)
        assert not any(e.target is not None and e.target.key == "CHL" for e in events)
    assert aimed(code(coder, "Chilean troops withdrew from the Bolivian town of Oruro."), "CHL", "0874", "BOL")


def test_whom_an_appeal_would_help_is_not_whom_it_is_made_to(coder: Coder) -> None:
    events = code_monadic(coder, "The United Nations launched an appeal for 90 million dollars to help flood victims "
                                 "in Chile.")
    assert [e.target for e in events if e.cameo == "020"] == [None]
    assert aimed(code(coder, "Peru has requested to lease a Chilean military training ground."), "PER", "02", "CHL")


def test_what_an_act_is_over_is_no_target(coder: Coder) -> None:
    events = code_monadic(coder, "Chile began a trial over a slain Peruvian girl.")
    assert not [e for e in events if e.target is not None and e.target.key == "PER"]


def test_where_something_in_a_purpose_happened_is_no_target(coder: Coder) -> None:
    events = code(coder, "Thousands of Chileans marched through Santiago on Friday to demand the release of two "
                         "aid workers seized in Lima.")
    assert not [e for e in events if e.target is not None and e.target.key == "PER"]
    assert aimed(code(coder, "Chilean students rallied to protest Peru's decision."), "CHL", "14", "PER")
