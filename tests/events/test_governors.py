"""Governors (events/governors.py): what governs an event, and the earlier acts that verdicts,
apologies, charges and punishments answer."""

from detente import Coder

from .coding import code, code_monadic


def test_the_act_an_apology_answers_is_background(coder: Coder) -> None:
    events = code(coder, "Turkey apologized for shooting down a Syrian helicopter.")
    assert not [e for e in events if e.cameo[:2] in {"19", "18", "17"}]


def test_what_people_are_charged_over_is_background(coder: Coder) -> None:
    assert not code_monadic(coder, "'Dozens to be charged' over Kenyan protest")
    assert code_monadic(coder, "Ruto set for visit to Uganda")  # "set for" punishes no one


def test_a_message_sent_to_congratulate_congratulates(coder: Coder) -> None:
    events = code(coder, "The Chilean president sent a message to the Peruvian president on Thursday to "
                         "congratulate him on his election.")
    assert [(e.cameo, e.factuality) for e in events if e.cameo == "051"] == [("051", "asserted")]


def test_what_a_verdict_judges_is_background(coder: Coder) -> None:
    text = "Three Britons were found guilty yesterday of torturing Kenyans in a private jail."
    assert not code_monadic(coder, text)
    assert code_monadic(coder, "The Kenyan army was guilty of violating the ceasefire 70 times.")  # it happened


def test_what_a_decision_decides_is_still_to_come(coder: Coder) -> None:
    events = code_monadic(coder, "The EU's decision to hold entry talks with Kenya receives a widespread welcome.")
    assert {e.factuality for e in events if e.cameo.startswith("04")} == {"future"}
