"""Verb senses and clause objects (events/verbs.py)."""

from detente import Coder

from .coding import aimed, code, code_monadic


def test_who_helps_whom_and_who_helps_talk(coder: Coder) -> None:
    assert aimed(code(coder, "Turkey helped Azerbaijan rebuild its army."), "TUR", "07", "AZE")
    events = code_monadic(coder, "The Qatari emir flew to Khartoum to help broker an end to the fighting.")
    assert not [e for e in events if e.cameo[:2] == "07"]  # brokering is his own act, no aid


def test_a_warning_of_what_others_do_or_what_happens_is_no_threat(coder: Coder) -> None:
    assert code(coder, "Ardern warned that New Zealand's high dollar would hurt farmers.") == []
    events = code(coder, "The UN agency warned that thousands of Malians had fled into Niger.")
    assert not [e for e in events if e.cameo[:2] == "13"]
    assert aimed(code(coder, "China warned Japan against visits to the shrine."), "CHN", "13", "JPN")


def test_talking_by_phone_is_a_telephone_consultation(coder: Coder) -> None:
    events = code(coder, "The Malian president spoke by phone with his Nigerien counterpart.")
    assert {e.cameo for e in events} == {"041"}


def test_what_a_verb_of_leaving_leaves_picks_its_sense(coder: Coder) -> None:
    events = code(coder, "Iran would withdraw from the negotiations with France if the talks failed.")
    assert [(e.source.key, e.cameo, e.target.key) for e in events if e.target] == [("IRN", "134", "FRA")]
    assert aimed(code(coder, "Syria withdrew from Lebanon."), "SYR", "08", "LBN")  # a retreat, not a halt of talks


def test_protesting_to_a_government_is_an_official_complaint(coder: Coder) -> None:
    assert aimed(code(coder, "Seoul protested to Japan over the textbooks."), "KOR", "114", "JPN")
    assert not any(e.cameo == "114" for e in code_monadic(coder, "Students protested against Japan."))


def test_charging_into_a_place_is_an_assault_not_an_accusation(coder: Coder) -> None:
    events = code(coder, "The Syrian army charged into a Kurdish village near Aleppo on Saturday.")
    assert [e.cameo for e in events] and all(e.cameo.startswith("19") for e in events)


def test_leaving_a_treaty_or_coalition_reduces_relations(coder: Coder) -> None:
    assert any(e.cameo == "160" for e in code_monadic(coder, "Turkey withdrew from the arms control treaty."))
    assert aimed(code(coder, "Turkey pulled out of Syria."), "TUR", "08", "SYR")  # a retreat still


def test_a_warning_to_ones_own_people_is_no_threat(coder: Coder) -> None:
    assert not code(coder, "China warned its citizens to avoid Japan.")
    assert aimed(code(coder, "Iran warned Israel against attacking its nuclear sites."), "IRN", "13", "ISR")


def test_up_makes_another_verb_of_some_verbs(coder: Coder) -> None:
    assert coder.code("The Kenyan army freed up 1,000 hospital beds for Ugandan refugees.", date="2015-09-25") == []
    (release,) = coder.code("The Kenyan army freed 20 Ugandan prisoners.", date="2015-09-25")
    assert release.cameo == "0841"


def test_a_plea_of_guilty_is_no_appeal(coder: Coder) -> None:
    assert not code_monadic(coder, "A Kenyan soldier pleaded guilty at a court martial in Nairobi to four counts.")
    assert aimed(code(coder, "Kenya pleaded with Uganda to release the prisoners."), "KEN", "02", "UGA")


def test_withdrawing_from_a_contest_is_no_retreat(coder: Coder) -> None:
    assert not code_monadic(coder, "Jailed militant leader Kamau pulled out of the Kenyan elections.")
    assert [e.cameo for e in code(coder, "Kenyan troops pulled out of Somalia.")] == ["0874"]


def test_insisting_on_what_is_demands_nothing(coder: Coder) -> None:
    assert not code(coder, "Kenya insists that Uganda is a hostile state.")
    assert aimed(code(coder, "Kenya insists that Somalia withdraw its troops."), "KEN", "10", "SOM")


def test_recognising_a_policy_or_a_need_is_no_recognition(coder: Coder) -> None:
    assert not code(coder, "Kenya recognises the one-Sudan policy, its foreign minister said.")
    assert [e.cameo for e in code(coder, "Kenya recognized Kosovo on Monday.")] == ["054"]
