"""Subjects and agents (events/subjects.py): who does an act, as the parse names them."""

from detente import Coder

from .coding import aimed, code, code_monadic, triples


def test_passive_with_agent(coder: Coder) -> None:
    events = code(coder, "Two Russian diplomats were expelled by Finland.")
    assert ("FIN", "174", "RUSGOV", "asserted") in triples(events)


def test_a_passive_agent_is_the_source_of_an_accusation(coder: Coder) -> None:
    events = code(coder, "Bulgaria was accused by Romania of violating the treaty.")
    assert ("ROU", "112", "BGR", "asserted") in triples(events)


def test_the_subject_is_inherited_through_control(coder: Coder) -> None:
    events = code(coder, "Kenya decided to expel two Somali diplomats.")
    assert ("KEN", "174", "SOMGOV", "asserted") in triples(events)


def test_a_weapon_as_agent_gives_way_to_whoever_fired_it(coder: Coder) -> None:
    events = code(coder, "A Ukrainian helicopter was shot down by a missile fired by Russian troops.")
    assert ("RUSMIL", "190", "UKR", "asserted") in triples(events)


def test_a_report_speaks_for_whoever_released_it(coder: Coder) -> None:
    events = code(coder, "A report released by Kenya alleged that Ugandan troops had attacked villages in Sudan.")
    assert aimed(events, "KEN", "11", "UGA")


def test_an_acronym_the_tagger_misreads_is_still_the_subject(coder: Coder) -> None:
    # the tagger takes an unknown acronym opening the sentence for an adverb
    assert aimed(code(coder, "USAID provided blankets to Haiti."), "USA", "073", "HTI")


def test_a_headline_participle_of_criticism_was_done_to_its_subject(coder: Coder) -> None:
    for headline in ("Merkel Criticized Over Refugee Policy", "Erdogan Accused Of Silencing Turkish Press"):
        events = code_monadic(coder, headline)
        assert not any(e.cameo[:2] == "11" for e in events), headline


def test_a_headline_participle_of_force_was_done_to_its_subject_whatever_its_other_senses(coder: Coder) -> None:
    # "shot down a proposal" is a rejection, but "shot dead" is force all the same: done to the workers
    events = code_monadic(coder, "Two Dutch Aid Workers Shot Dead in Mali")
    assert not any(e.source.key == "NLD" for e in events)


def test_a_thing_a_state_is_named_on_is_no_agent(coder: Coder) -> None:
    # "by" a place is beside it: no one is named for the shooting
    events = code_monadic(coder, "A Swedish tourist was shot by a Turkish bus station late on Friday.")
    assert not any(e.source.key == "TUR" for e in events)
    assert aimed(code(coder, "A Swedish tourist was shot by Turkish police late on Friday."), "TUR", "19", "SWE")


def test_an_after_ing_phrase_is_done_by_its_clauses_subject(coder: Coder) -> None:
    events = code(coder, "Rwanda closed its border with Burundi after accusing Burundian troops of shelling "
                         "its villages.")
    assert any(e.cameo.startswith("112") and e.source.code == "RWA" for e in events)


def test_a_participle_with_a_subject_and_no_auxiliary_was_done_to_its_subject(coder: Coder) -> None:
    # no kidnapper is named: the kidnapped are never the kidnappers
    assert not code_monadic(coder, "Chilean engineer reportedly taken hostage in Mali")
    assert not code_monadic(coder, "Chilean taken hostage in Mali: report (AFP)")
    assert not code_monadic(coder, "Police believe two Red Cross nurses abducted last week in Yemen "
                                   "are still held there.")
    # "held hostage", read as a past tense with 'hostage' for its object: still done to the subject
    assert not code_monadic(coder, "Two Chilean engineers held hostage in Mali are said to be in good health.")
    events = code_monadic(coder, "Militants have taken two Chilean engineers hostage.")
    assert any(e.cameo == "181" and e.target is not None and e.target.key == "CHL" for e in events)


def test_that_stands_for_the_noun_right_before_it(coder: Coder) -> None:
    # the parser hangs "that killed" on the police: the siege killed, not they
    events = code_monadic(coder, "The warning follows an analysis by the Kenyan police and the Interior Ministry "
                                 "of the siege that killed nearly 70 people, many of them students, in the town "
                                 "of Garissa last month.")
    assert not any(e.source.role in {"COP", "GOV"} and e.cameo.startswith("19") for e in events)


def test_a_verb_hung_on_a_participle_shares_the_outer_subject(coder: Coder) -> None:
    text = "Slovenian police seize a Serbian bus carrying 50 migrants and detain three Serbian drivers."
    events = code(coder, text)
    assert {e.source.code for e in events if e.cameo.startswith("17")} == {"SVNCOP"}


def test_wounded_people_who_go_on_to_speak_were_wounded_not_wounding(coder: Coder) -> None:
    for text in ("Three British soldiers wounded last month in the Afghan province of Helmand on Friday described "
                 "heavy fighting with a tough enemy.",
                 "BERLIN, Germany - Three British soldiers wounded last month in the Afghan province of Helmand on "
                 "Friday described heavy fighting with a tough enemy."):
        assert not [e for e in code_monadic(coder, text) if e.source.key == "GBR" and e.cameo[:2] in {"18", "19"}]


def test_a_short_headline_in_sentence_case_drops_its_auxiliary_too(coder: Coder) -> None:
    events = code_monadic(coder, "Chile accused over Peru border deaths")
    assert not [e for e in events if e.source.key == "CHL" and e.cameo.startswith("11")]


def test_a_participle_after_a_clauses_comma_is_that_clauses(coder: Coder) -> None:
    events = code_monadic(coder, 'AFP - The United Nations launched an appeal here for 40 million dollars to help '
                                 'storm victims facing "dire" shortages after two-thirds of Chile was submerged, '
                                 'destroying farms and killing more than 200 people.')
    assert not [e for e in events if e.source.key == "UN" and e.cameo[:2] in {"18", "19"}]


def test_a_past_tense_the_parser_joined_to_an_infinitive_shares_the_outer_subject(coder: Coder) -> None:
    events = code(coder, "The Chilean president urged Peru on Monday to exert its influence over Bolivia to resume "
                         "stalled talks on reopening its ports and pressed Lima to accept a Chilean proposal.")
    assert {e.source.key for e in events if e.cameo.startswith("02")} == {"CHL"}
    assert all(e.factuality == "asserted" for e in events if e.cameo.startswith("02"))


def test_what_killed_is_the_attack_not_the_building_it_hit(coder: Coder) -> None:
    events = code_monadic(coder, "Chileans buried victims of a suicide bomb attack on a church in Arica that killed at "
                                 "least 30 people.")
    assert not [e for e in events if e.source.role == "REL"]


def test_the_subject_of_a_passive_plan_does_what_is_planned(coder: Coder) -> None:
    for text in ["Kenya's president is expected to meet Uganda's president on Monday.",
                 "Kenya's president is scheduled to visit Uganda next week."]:
        events = code_monadic(coder, text)
        assert [(e.source.code, e.cameo[:2], e.target.key, e.factuality) for e in events] == [
            ("KENGOV", "04", "UGA", "future")], text
    assert not code_monadic(coder, "Two helicopters from Kenya were expected to arrive in Kampala.")  # no visitors
