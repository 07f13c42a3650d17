"""Accusations and blame (events/blame.py): events made by saying things about others."""

from detente import Coder

from .coding import aimed, code, triples


def test_a_blame_topic_in_speech_accuses_its_owner(coder: Coder) -> None:
    (event,) = code(coder, "Ghana said that Togo's aggression had to stop.")
    assert (event.source.code, event.cameo, event.target.code, event.rule) == ("GHA", "1123", "TGO", "blame:aggression")


def test_an_accusation_of_a_blame_topic_takes_its_subcode(coder: Coder) -> None:
    events = code(coder, "Morocco accused Algeria of espionage.")
    assert ("MAR", "1125", "DZA", "asserted") in triples(events)


def test_must_in_speech_with_nothing_coded_is_a_demand(coder: Coder) -> None:
    (event,) = code(coder, "Egypt said that Sudan must act.")
    assert (event.source.code, event.cameo, event.target.code, event.rule) == ("EGY", "100", "SDN", "100-must-clause")


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


def test_a_monitor_reporting_its_own_governments_violence_accuses_it(coder: Coder) -> None:
    events = code(coder, "The Syrian Observatory for Human Rights said that the government had shelled Aleppo.")
    assert any(e.source.code == "SYRNGO" and e.cameo.startswith("112") and e.target and e.target.code == "SYRGOV"
               for e in events)


def test_claiming_an_offensive_killed_militants_accuses_no_one(coder: Coder) -> None:
    events = code(coder, "The Nigerian army claims that an offensive against Boko Haram has killed 80 militants.")
    assert not [e for e in events if e.cameo.startswith("112")]


def test_reporting_fire_from_abroad_accuses_the_state_it_came_from(coder: Coder) -> None:
    events = code(coder, "Turkey said a rocket was fired at it from Syria on Monday.")
    assert any(e.source.code.startswith("TUR") and e.cameo.startswith("112") and e.target
               and e.target.code.startswith("SYR") for e in events)


def test_an_opinion_about_ones_own_state_is_no_demand(coder: Coder) -> None:
    assert not [e for e in code(coder, "Merkel says Germany should hold a referendum on the treaty.")
                if e.cameo.startswith("10")]
    assert aimed(code(coder, "Merkel said Poland must withdraw the law."), "DEU", "10", "POL")


def test_an_official_reporting_his_own_states_war_accuses_no_one(coder: Coder) -> None:
    events = code(coder, "The French defence minister says France is winning the war against the insurgents.")
    assert not any(e.cameo.startswith("11") for e in events)


def test_an_act_only_said_to_be_something_is_background_but_saying_it_accuses(coder: Coder) -> None:
    events = code(coder, "Brazil's foreign minister said the Israeli war in Gaza was illegal.")
    assert aimed(events, "BRA", "112", "ISR")
    assert not any(e.cameo[:2] in {"18", "19", "20"} for e in events)  # the war is no news here


def test_should_in_speech_with_nothing_coded_is_an_appeal(coder: Coder) -> None:
    (event,) = code(coder, "Egypt said that Sudan should act.")
    assert (event.source.code, event.cameo, event.target.code) == ("EGY", "020", "SDN")


def test_condemning_an_act_is_aimed_at_its_doer_named_by(coder: Coder) -> None:
    assert aimed(code(coder, "Germany condemned the annexation of Crimea by Russia."), "DEU", "111", "RUS")
    events = code(coder, "Amnesty condemned the killing of three students by Nigerian police.")
    assert {e.target.code for e in events if e.cameo.startswith("111")} == {"NGACOP"}


def test_a_speaker_whose_state_is_guessed_claims_no_deed_as_its_own(coder: Coder) -> None:
    events = code(coder, "Medics claim that at least 16 people have been killed in Russian airstrikes.")
    assert not any(e.cameo == "015" for e in events)


def test_medics_reporting_casualties_accuse_no_one(coder: Coder) -> None:
    text = "Kenyan health officials said Somali airstrikes killed at least 44 people in a village near Mandera."
    assert not [e for e in code(coder, text) if e.cameo.startswith("112")]
    text = "Kenyan officials said Somali airstrikes killed at least 44 people in a village near Mandera."
    assert [e.source.code for e in code(coder, text) if e.cameo.startswith("112")] == ["KENGOV"]
