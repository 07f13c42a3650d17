"""The driver (events/extract.py) on real parses: triggers, patterns, emission; our own sentences.

The rule families have their own files: test_nouns.py, test_subjects.py, test_arguments.py,
test_targets.py, test_governing.py, test_factuality.py, test_blame.py, test_force.py.
"""

import pytest

from detente import Coder

from .coding import aimed, code, code_monadic, triples


def test_active_verb(coder: Coder) -> None:
    assert ("FIN", "174", "RUSGOV", "asserted") in triples(code(coder, "Finland expelled two Russian diplomats."))


def test_reported_speech_codes_the_reported_act(coder: Coder) -> None:
    events = code(coder, "Officials said Turkish jets bombed Kurdish positions in Syria.")
    assert any(e.source.key == "TUR" and e.cameo.startswith("19") for e in events)


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


def test_a_negated_intent_is_a_refusal(coder: Coder) -> None:
    (event,) = code(coder, "Serbia would not recognise Kosovo.")
    assert (event.source.code, event.cameo, event.target.code, event.factuality) == ("SRB", "120", "XKX", "asserted")
    assert "+reject:not-would" in event.rule


def test_a_perfect_relative_clause_describes_an_actor_and_is_not_news(coder: Coder) -> None:
    events = code(coder, "Iraqi troops attacked Islamic State fighters who have seized parts of Mosul.")
    assert not any(e.cameo.startswith("17") for e in events) and aimed(events, "IRQ", "19", "ISIL")


def test_peoples_are_coded_by_where_they_live(coder: Coder) -> None:
    events = code(coder, "Ethnic Albanians in Serbia attacked a police station.")
    assert any(e.source.key == "SRB" for e in events)


def test_a_legislature_named_generically_is_the_one_of_the_state_in_view(coder: Coder) -> None:
    events = code(coder, "Obama faces pressure from Congress to help Ukraine.", date="2014-05-15")
    assert any(e.source.code == "USALEG" and e.cameo.startswith("10") for e in events)


def test_seizing_a_person_is_abduction(coder: Coder) -> None:
    events = code(coder, "Pirates in Somalia seize a Danish engineer.")
    assert {e.cameo for e in events} == {"181"}


def test_concluding_talks_signs_nothing(coder: Coder) -> None:
    events = code(coder, "The foreign ministers of Peru and Chile concluded their talks on Monday.")
    assert events and {e.cameo for e in events} == {"046"}


@pytest.mark.parametrize("text", [
    "Chile said it would withdraw its ambassador from Peru.",
    "A car bomb killed six soldiers in Kandahar, officials said.",
    "The Sudanese army said on Friday that it had shelled rebel positions in Darfur.",
])
def test_a_statement_whose_words_are_coded_is_no_second_event(coder: Coder, text: str) -> None:
    codes = [e.cameo for e in code_monadic(coder, text)]
    assert codes and "010" not in codes


def test_a_statement_with_nothing_coded_inside_stays(coder: Coder) -> None:
    assert [e.cameo for e in code_monadic(coder, "Peru said on Monday that the economy grew.")] == ["010"]


def test_agreeing_to_an_uncoded_act_is_an_intent_to_cooperate(coder: Coder) -> None:
    committed = code_monadic(coder, "The Danish government agreed to build a new research centre.")
    assert ("DNKGOV", "030") in {(e.source.code, e.cameo) for e in committed}
    accord = code(coder, "Austria agreed with Hungary on the need for calm.")
    assert ("AUT", "019", "HUN", "asserted") in triples(accord)


def test_migrants_who_arrive_make_no_visit(coder: Coder) -> None:
    assert not any(e.cameo.startswith("04") for e in code(coder, "Thousands of Eritrean refugees arrived in Italy."))
    assert aimed(code(coder, "The Eritrean president arrived in Rome."), "ERI", "04", "ITA")


def test_regret_over_a_death_is_sympathy_not_apology(coder: Coder) -> None:
    events = code(coder, "Japan deeply regrets the death of the Kenyan president.")
    assert any(e.cameo == "018" for e in events)
    events = code(coder, "Japan regretted its wartime conduct toward Korea.")
    assert not any(e.cameo == "018" for e in events)


def test_shooting_down_a_proposal_rejects_it(coder: Coder) -> None:
    events = code(coder, "Hungary and Poland shot down a French proposal to share asylum seekers.")
    assert aimed(events, "HUN", "12", "FRA") and aimed(events, "POL", "12", "FRA")


def test_a_pronoun_reported_by_an_uncodable_group_is_that_group(coder: Coder) -> None:
    text = ("Kenya sent troops to Somalia in 2011. A shadowy militant group said on Monday it had kidnapped "
            "two Kenyan soldiers.")
    assert not any(e.source.key == "KEN" and e.cameo.startswith("18") for e in code(coder, text))
    text = "Kenya sent troops to Somalia in 2011. On Monday it said it had withdrawn them."
    assert any(e.source.key == "KEN" for e in code(coder, text))  # a codable reporter still counts


def test_a_scathing_attack_is_words_not_force(coder: Coder) -> None:
    events = code(coder, "Former Israeli premier Ehud Barak launched a scathing attack on the Israeli army chiefs.")
    assert any(e.cameo == "111" for e in events) and not any(e.cameo[:2] == "19" for e in events)
    events = code(coder, "Russia launched a fierce attack on the Ukrainian city of Bakhmut.")
    assert aimed(events, "RUS", "19", "UKR")


def test_abbreviated_titles_give_a_role(coder: Coder) -> None:
    events = code_monadic(coder, "Sen. Jane Holloway criticized the Canadian government on Monday.")
    assert any(e.source.role == "LEG" and e.cameo == "111" for e in events)


def test_forces_and_things_that_arrive_make_no_visit(coder: Coder) -> None:
    assert code(coder, "Chilean troops arrived in Haiti on Monday.") == []  # a deployment
    assert code(coder, "A Peruvian ship arrived in Chile on Monday.") == []
    assert code(coder, "Chilean troops will fly to Haiti next week.") == []  # nor an intent to visit
    assert code(coder, "Chilean troops intervened, flying from Santiago to Haiti on Canadian planes.") == []
    assert aimed(code(coder, "A Peruvian delegation arrived in Santiago on Monday."), "PER", "04", "CHL")


def test_a_deadline_given_or_set_is_an_ultimatum(coder: Coder) -> None:
    assert aimed(code(coder, "Kenya gave Somalia a Friday deadline to withdraw its troops."), "KEN", "139", "SOM")


def test_forces_deployed_with_no_one_named_deploy_themselves(coder: Coder) -> None:
    assert aimed(code(coder, "Some 500 Turkish soldiers were deployed to Qatar."), "TUR", "15", "QAT")


def test_named_forces_striking_any_actor_use_force(coder: Coder) -> None:
    # "struck" needs a listed object ("struck a target", not "struck a balance") unless armed forces strike someone
    assert aimed(code(coder, "Israeli warplanes struck Gaza."), "ISR", "19", "PSE")
    assert code(coder, "Israeli troops struck a balance.") == []


def test_a_named_actor_as_object_reads_as_the_actor_a_pattern_lists(coder: Coder) -> None:
    # "defend" lists "government", "leader", ... as what is defended verbally; a state's name is one
    assert triples(code(coder, "Belarus defended Russia over the claims on Monday.")) == {
        ("BLR", "052", "RUS", "asserted")}


def test_a_verb_tagged_as_a_noun_still_codes_its_clause(coder: Coder) -> None:
    events = code(coder, "Canada and Japan hand over forty trucks of medical supplies to the Malian government.")
    assert aimed(events, "CAN", "07", "MLI") and aimed(events, "JPN", "07", "MLI")


def test_a_verb_of_appealing_asks_for_what_its_for_phrase_names(coder: Coder) -> None:
    events = code_monadic(coder, "Japan has pushed for broader reforms of its pension system.")
    assert [(e.source.key, e.cameo[:2]) for e in events] == [("JPN", "02")]
    assert code_monadic(coder, "Israeli forces pushed into Gaza City on Monday.") == []


def test_forces_sent_to_keep_the_peace_provide_peacekeeping(coder: Coder) -> None:
    events = code(coder, "Ghana is deploying 400 troops to the UN peacekeeping mission in Mali.")
    assert aimed(events, "GHA", "074", "UN")
    assert aimed(code(coder, "Russia deployed troops to the Ukrainian border."), "RUS", "15", "UKR")


def test_what_is_returned_to_someone_is_returned_whatever_it_is(coder: Coder) -> None:
    # "return" lists prisoners, territory, artefacts ...; anything returned to an actor is a return (084)
    assert aimed(code(coder, "Peruvian authorities returned 40 smuggled parrots to Bolivia."), "PER", "084", "BOL")
    assert code(coder, "The Peruvian president returned home on Monday.") == []


def test_a_sum_is_what_its_in_phrase_names(coder: Coder) -> None:
    # "pay" names compensation, not money: "paid taxes" is no event
    assert triples(code(coder, "Spain paid $90 million in compensation to Morocco.")) == {
        ("ESP", "080", "MAR", "asserted")}


def test_declaring_genocide_accuses_of_it(coder: Coder) -> None:
    assert triples(code(coder, "Canada declared genocide in Myanmar's Rakhine state.")) == {
        ("CAN", "1124", "MMR", "asserted")}


def test_setting_people_free_releases_them(coder: Coder) -> None:
    # the parser reads "free" as a modifier of the object
    assert [(e.source.key, e.cameo) for e in code_monadic(coder, "Kenya set free dozens of opposition leaders.")] == [
        ("KEN", "0841")]


def test_an_arrest_no_one_is_named_for_is_made_by_the_police_where_it_happened(coder: Coder) -> None:
    assert aimed(code(coder, "Three Kenyans were detained in Uganda on Friday."), "UGA", "173", "KEN")


def test_a_headline_without_its_auxiliary_is_still_passive(coder: Coder) -> None:
    # "Abducted Briton (was) Killed in Yemen": the Briton was killed, he killed no one
    assert not any(e.source.key == "GBR" for e in code(coder, "Abducted Briton Killed in Yemen"))
    assert aimed(code(coder, "Israeli Troops Kill Three Militants in Gaza"), "ISR", "19", "PSE")


def test_whom_one_meets_with_visiting_is_the_visitor(coder: Coder) -> None:
    events = code(coder, "The French president met with visiting Chinese Premier Li Keqiang on Monday.")
    assert aimed(events, "CHN", "042", "FRA") and not aimed(events, "FRA", "042", "CHN")


def test_people_hanged_are_executed_flags_hung_are_not(coder: Coder) -> None:
    assert [e.cameo for e in code_monadic(coder, "Iran hanged two men convicted of spying.")] == ["180"]
    assert code_monadic(coder, "Iran hung flags across Tehran.") == []


def test_a_relative_pronoun_stands_for_what_it_modifies(coder: Coder) -> None:
    events = code(coder, "Three Danish aid workers, who were detained by Ethiopian police in May, were freed.")
    assert aimed(events, "ETH", "173", "DNK")
    assert aimed(code(coder, "The Kenyan activist whom Ugandan police detained was freed."), "UGA", "173", "KEN")


def test_burning_people_is_violence_not_damage(coder: Coder) -> None:
    events = code(coder, "Militiamen burned villagers in northern Mali.")
    assert {e.cameo for e in events} == {"180"} or {e.cameo[:2] for e in events} <= {"18", "19", "20"}


def test_who_is_suspected_of_an_act_is_its_doer(coder: Coder) -> None:
    text = "A Kenyan man suspected of helping Somali militants was arrested by Ugandan police."
    events = code_monadic(coder, text)
    assert {e.source.key for e in events if e.cameo[:2] == "07"} == {"KEN"}


def test_a_meetings_purpose_is_no_second_meeting(coder: Coder) -> None:
    events = code_monadic(coder, "Macron met Scholz in Berlin to discuss Ukraine.")
    assert {(e.source.key, e.cameo, e.target.key if e.target else None, e.factuality) for e in events} == {
        ("FRA", "040", "DEU", "asserted")}


def test_a_verb_codes_when_its_object_noun_names_no_act_of_its_own(coder: Coder) -> None:
    # "action" is coded only as legal action; here it names none, so the threat is the event
    assert aimed(code(coder, "Ghana threatened further action against Togo."), "GHA", "130", "TGO")


def test_opening_a_border_to_refugees_shelters_them(coder: Coder) -> None:
    assert aimed(code(coder, "Kenya opened its borders to Somali refugees."), "KEN", "075", "SOM")
    assert aimed(code(coder, "Kenya reopened its border with Somalia."), "KEN", "087", "SOM")


def test_backing_a_hostile_act_is_no_praise_of_its_victim(coder: Coder) -> None:
    events = code_monadic(coder, "Andean leaders backed an arms embargo against Bolivia.")
    assert not [e for e in events if e.cameo.startswith("05") and e.target is not None and e.target.key == "BOL"]


def test_what_a_statement_confirms_or_releases_is_not_whom_it_is_made_to(coder: Coder) -> None:
    for text in ("Chilean police released video footage of the blast outside the Peruvian embassy.",
                 "Chile confirmed the death of a Peruvian engineer."):
        assert not [e for e in code(coder, text) if e.cameo == "010"]
    assert aimed(code(coder, "The Chilean president told Peru that the border was closed."), "CHL", "01", "PER")


def test_people_with_no_forces_who_withdraw_make_no_retreat(coder: Coder) -> None:
    for text in ("All 15 candidates withdrew from the race in Chile.",
                 "Chilean judges in the trial withdrew yesterday to decide their verdict."):
        assert not [e for e in code_monadic(coder, text) if e.cameo.startswith("087")]
    assert any(e.cameo == "0874" for e in code_monadic(coder, "Chilean troops withdrew from the town."))


def test_whose_killing_is_condemned_or_investigated_is_its_victim_not_the_target(coder: Coder) -> None:
    for text in ("Chile condemned the killing of a Peruvian journalist.",
                 "The Chilean Senate investigates the murders of a Peruvian family."):
        assert not [e for e in code_monadic(coder, text) if e.target is not None and e.target.key == "PER"]
    assert aimed(code(coder, "Chile condemned the killing of a journalist by Peruvian soldiers."), "CHL", "11", "PER")
