"""Factuality (events/factuality.py): negation, modals, conditionals, hedges and modifiers."""

from detente import Coder

from .coding import aimed, code, code_with_hypothetical, triples


def test_negation(coder: Coder) -> None:
    events = code(coder, "Japan did not recognise the new government of Myanmar.")
    assert {e.factuality for e in events if e.source.key == "JPN"} == {"negated"}
    assert triples(code(coder, "Chile did not attack Peru.")) == {("CHL", "190", "PER", "negated")}


def test_hypothetical_and_alleged(coder: Coder) -> None:
    events = code_with_hypothetical(coder, "China could impose sanctions on Lithuania.")
    assert {e.factuality for e in events} == {"hypothetical"}
    assert code(coder, "China could impose sanctions on Lithuania.") == []  # no act: the output leaves it out
    events = code(coder, "Russia allegedly attacked Ukrainian ports.")
    assert {e.factuality for e in events} == {"alleged"}
    events = code(coder, "Vietnam reportedly seized Chinese fishing boats.")
    assert triples(events) == {("VNM", "181", "CHN", "alleged")}


def test_a_modal_makes_both_sides_of_talks_hypothetical(coder: Coder) -> None:
    events = code_with_hypothetical(coder, "Croatia may hold talks with Slovenia.")
    assert triples(events) == {("HRV", "046", "SVN", "hypothetical"), ("SVN", "046", "HRV", "hypothetical")}


def test_a_condition_is_hypothetical(coder: Coder) -> None:
    events = code_with_hypothetical(coder, "If Laos expels Cambodian diplomats, Cambodia will respond.")
    assert ("LAO", "174", "KHMGOV", "hypothetical") in triples(events)


def test_a_modifier_of_an_event_noun(coder: Coder) -> None:
    events = code_with_hypothetical(coder, "A possible Turkish invasion of Syria worried Iraq.")
    assert ("TUR", "192", "SYR", "hypothetical") in triples(events)


def test_until_clause_is_hypothetical(coder: Coder) -> None:
    events = code_with_hypothetical(coder, "Chile will keep the border closed until Bolivia withdraws its troops.")
    assert all(e.factuality == "hypothetical" for e in events if e.source.key == "BOL")


def test_what_is_asked_in_return_is_not_done(coder: Coder) -> None:
    events = code(coder, "Pirates demanded a large ransom from Norway as a condition for the release of the crew.")
    assert not [e for e in events if e.cameo.startswith("084") and e.factuality == "asserted"]



def test_the_act_rather_than_which_another_is_done_is_negated(coder: Coder) -> None:
    events = code(coder, "Instead of condemning Israel, the summit praised Egypt on Monday.")
    assert all(e.factuality == "negated" for e in events if e.cameo.startswith("11"))
    assert any(e.cameo.startswith("11") for e in events)


def test_an_event_on_whose_eve_something_happens_is_still_to_come(coder: Coder) -> None:
    events = code(coder, "On the eve of the Indian prime minister's visit to Nepal, Nepal freed Indian fishermen.")
    assert {e.factuality for e in events if e.cameo.startswith("04")} == {"future"}


def test_a_plotted_act_is_not_done(coder: Coder) -> None:
    text = "Kenya reveals plot to assassinate the Ugandan president"
    events = code_with_hypothetical(coder, text)
    assert events and all(e.factuality == "hypothetical" for e in events if e.cameo.startswith("18"))
    assert not any(e.cameo.startswith("18") for e in code(coder, text))


def test_an_act_only_a_denied_report_tells_of_is_no_event(coder: Coder) -> None:
    denied = code_with_hypothetical(coder, "Kenya denied reports of a Kenyan attack on Somali villages.")
    assert not any(e.cameo.startswith("19") for e in denied)
    confirmed = code_with_hypothetical(coder, "Kenya confirmed reports of a Kenyan attack on Somali villages.")
    assert any(e.cameo.startswith("19") for e in confirmed)


def test_a_conjunct_with_no_subject_of_its_own_shares_the_negation(coder: Coder) -> None:
    events = code(coder, "Serbia will not recognize Kosovo or restore ties with Pristina, officials said.")
    assert all(e.factuality == "negated" for e in events if e.cameo.startswith("05"))
    contrast = code(coder, "Serbia did not attack Kosovo but threatened Albania.")
    assert ("SRB", "130", "ALB", "asserted") in triples(contrast)


def test_bare_conjuncts_share_the_first_verbs_future(coder: Coder) -> None:
    events = code_with_hypothetical(
        coder, "Next month the Chilean president will address the Senate, meet Argentina's president and visit Peru.")
    assert {(e.source.key, e.cameo[:2], e.target.key) for e in events if e.target.key != "CHL"} >= {
        ("CHL", "03", "ARG"), ("CHL", "03", "PER")}  # intents to meet and visit, not a meeting and a visit
    assert not [e for e in events if e.cameo[:2] == "04"]
    assert aimed(code(coder, "Chile hosted Bolivia's president and will visit Peru."), "CHL", "043", "BOL")


def test_an_obligation_or_a_near_miss_is_not_done(coder: Coder) -> None:
    assert code(coder, "Serbia will have to recognize Kosovo.") == []
    assert code(coder, "Fiji is close to signing a fishing accord with Tonga.") == []
    assert aimed(code(coder, "Serbia recognized Kosovo."), "SRB", "054", "XKX")


def test_what_someone_is_prevented_from_doing_is_not_done(coder: Coder) -> None:
    events = code(coder, "Police prevented opposition leaders from holding a rally in Dhaka.")
    assert events and all(e.factuality == "negated" for e in events if e.cameo.startswith("14"))


def test_a_denial_withheld_does_not_negate_what_it_is_about(coder: Coder) -> None:
    events = code_with_hypothetical(coder, "Kenya did not deny that its army shelled Somali villages.")
    assert {e.factuality for e in events if e.cameo.startswith("19")} == {"alleged"}


def test_a_time_clause_of_what_will_be_is_still_to_come(coder: Coder) -> None:
    text = "Trade will top the agenda when the Kenyan president welcomes the Tanzanian president on Monday."
    events = code_with_hypothetical(coder, text)
    assert events and {e.factuality for e in events} == {"future"}
    text = "Trade topped the agenda when the Kenyan president welcomed the Tanzanian president on Monday."
    assert {e.factuality for e in code_with_hypothetical(coder, text)} == {"asserted"}


def test_what_rumours_and_allegations_say_is_alleged(coder: Coder) -> None:
    events = code_with_hypothetical(coder, "Kenya investigated rumours that Somalia poisoned a Kenyan diplomat.")
    assert {e.factuality for e in events if e.source.key == "SOM"} == {"alleged"}


def test_attacks_that_are_the_subject_of_a_condition_are_hypothetical(coder: Coder) -> None:
    for text in ["Kenya said it could not help as long as Somali attacks on Kenyan towns continue.",
                 "Kenya will close its border if Somali attacks on Kenyan towns continue."]:
        attacks = [e for e in code_with_hypothetical(coder, text) if e.cameo.startswith("19")]
        assert [e.factuality for e in attacks] == ["hypothetical"]
    (attack,) = code(coder, "Somali attacks on Kenyan towns continued on Monday.")
    assert attack.factuality == "asserted"
