"""Implicit targets (events/implicit.py): the people, crowds and counterparts an act names when no
argument names its target, captors, allies and scenes."""

from detente import Coder

from .coding import aimed, code, code_monadic, triples


def test_an_act_done_at_an_encounter_is_aimed_at_the_counterpart(coder: Coder) -> None:
    events = code(coder, "Erdogan pledged economic aid during talks with the Syrian president.")
    assert aimed(events, "TUR", "0", "SYR")
    events = code(coder, "On a visit to Tokyo, the Brazilian foreign minister signed a trade agreement.")
    assert aimed(events, "BRA", "057", "JPN")


def test_a_meetings_purpose_is_pursued_with_whom_it_is_held(coder: Coder) -> None:
    events = code(coder, "Ministers from Chile and Peru met with Bolivian officials to discuss water rights.")
    assert aimed(events, "CHL", "04", "BOL") and aimed(events, "PER", "04", "BOL")
    assert not aimed(events, "CHL", "04", "PER") and not aimed(events, "PER", "04", "CHL")


def test_people_a_state_organ_arrests_that_no_actor_names_are_its_own_people(coder: Coder) -> None:
    events = code(coder, "Laotian police detained 40 Christians on Sunday.")
    assert triples(events) == {("LAOCOP", "173", "LAOCVL", "asserted")}
    assert events[0].target is not None and events[0].target.text == "40 Christians"
    # an act with no people named is aimed at the country
    quelled = code(coder, "Laotian police quelled the unrest on Monday.")
    assert triples(quelled) == {("LAOCOP", "175", "LAO", "asserted")}


def test_force_is_aimed_at_whom_the_sentence_names_before_where(coder: Coder) -> None:
    events = code(coder, "French troops fought a gunbattle with rebels along a busy street in Bamako on Monday.")
    assert {(e.target.code if e.target else None) for e in events} == {"MLIREB"}
    # the owner named on what is hit comes before where it is
    assert aimed(code(coder, "Turkish jets struck PKK camps in northern Iraq on Sunday."), "TUR", "19", "TUR")


def test_the_side_force_is_used_for_is_not_its_target(coder: Coder) -> None:
    events = code(coder, "Russian forces launched strikes on behalf of the Syrian government.")
    assert not any(e.target is not None and e.target.code in {"SYR", "SYRGOV"} for e in events)
    events = code(coder, "Dutch troops fought the militants alongside Estonian soldiers.")
    assert events and not any(e.target is not None and e.target.code in {"EST", "ESTMIL"} for e in events)


def test_force_on_things_a_participle_says_someone_holds_is_aimed_at_the_holder(coder: Coder) -> None:
    verb = code(coder, "Turkish jets bombed villages controlled by the PKK in northern Iraq.")
    noun = code(coder, "Turkish jets carried out air strikes on positions held by the PKK in northern Iraq.")
    for events in (verb, noun):
        assert any(e.cameo.startswith("19") and e.target is not None and e.target.text == "PKK" for e in events)
    hyphen = code(coder, "Malian jets bombed rebel-held towns near Kidal.")
    assert ("MLIMIL", "195", "MLIREB", "asserted") in triples(hyphen)


def test_repression_with_no_one_named_is_aimed_at_the_crowd_the_sentence_names(coder: Coder) -> None:
    events = code(coder, "Police in Kenya's capital, Nairobi, used tear gas to break up a demonstration on Wednesday.")
    assert ("KENCOP", "175", "KENCVL", "asserted") in triples(events)


def test_people_sought_or_marched_for_are_not_whom_the_act_is_aimed_at(coder: Coder) -> None:
    text = ("Somali and Kenyan forces raid houses in Mogadishu as part of a hunt for three UN workers kidnapped "
            "last month.")
    events = code(coder, text)
    assert events and not [e for e in events if e.target and e.target.key == "UN"]


def test_people_held_by_others_are_not_whom_their_rescue_or_release_is_aimed_at(coder: Coder) -> None:
    events = code(coder, "Nigerian troops launched raids to free ten hostages held by Boko Haram militants.")
    assert [(e.cameo, e.target.code) for e in events if e.target] == [("190", "NGAINS")]
    events = code_monadic(coder, "Thousands of Spaniards marched through Madrid to demand the release of two nurses "
                                 "seized in Mogadishu.")
    assert [e.target for e in events if e.cameo == "1053"] == [None]


def test_force_used_in_support_of_a_government_is_not_aimed_at_its_state(coder: Coder) -> None:
    events = code_monadic(coder, "Peruvian forces reportedly began combat operations in Bolivia in support of the "
                                 "Bolivian government.")
    assert not [e for e in events if e.target is not None and e.target.key == "BOL"]
    assert aimed(code(coder, "Peruvian jets bombed targets in Bolivia."), "PER", "19", "BOL")
