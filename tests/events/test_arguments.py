"""Arguments and roles (events/arguments.py): who does an act and to whom, as the parse names them."""

from detente import Coder

from .coding import aimed, code, code_monadic, triples


def test_a_dative_is_the_target(coder: Coder) -> None:
    assert ("NOR", "0331", "ETH", "asserted") in triples(code(coder, "Norway offered Ethiopia a loan."))


def test_a_possessor_gives_the_role_of_its_state(coder: Coder) -> None:
    events = code(coder, "Japan's ambassador met Chinese officials.")
    assert ("JPNGOV", "040", "CHNGOV", "asserted") in triples(events)


def test_a_response_to_an_act_is_aimed_at_its_doer(coder: Coder) -> None:
    events = code(coder, "Moscow condemned NATO's expulsion of eight Russian officials.")
    assert ("RUSGOV", "111", "NATO", "asserted") in triples(events)


def test_a_place_is_not_the_doer_of_force(coder: Coder) -> None:
    events = code(coder, "Bomb attacks on Lahore markets killed 30 people.")
    assert not any(e.source.code == "PAK" for e in events)
    assert any(e.source.code == "PAKUAF" and e.cameo.startswith("18") for e in events)  # an unknown attacker


def test_an_attack_as_subject_with_no_doer_is_an_unknown_attacker(coder: Coder) -> None:
    events = code(coder, "A car bombing killed four policemen in Kandahar.")
    assert any(e.source.code == "AFGUAF" and e.cameo.startswith("18") for e in events)


def test_perpetrators_are_not_of_their_victims_nationality(coder: Coder) -> None:
    # (monadic: whom they released is not known to be anyone's government; "him" is not resolved)
    events = code_monadic(coder, "The abductors of a Japanese engineer in Nigeria released him on Sunday.")
    assert events and all(e.source.key != "JPN" for e in events)


def test_the_international_community_belongs_to_no_state(coder: Coder) -> None:
    events = code(coder, "Chile urged the international community to send aid to Haiti.")
    assert any(e.source.key == "CHL" and e.target and e.target.code == "INT" for e in events)


def test_who_survives_an_attack_is_its_target(coder: Coder) -> None:
    events = code(coder, "The Colombian defence minister survived a rebel ambush organised by Venezuelan militias.")
    assert not aimed(events, "COL", "1", "VEN")
    events = code(coder, "A Kenyan minister escaped a Somali assassination attempt in Mogadishu.")
    assert aimed(events, "SOM", "18", "KEN") and not aimed(events, "KEN", "18", "SOM")


def test_the_possessor_of_an_arrest_or_a_trial_undergoes_it(coder: Coder) -> None:
    # who is tried or arrested does not try or arrest anyone, least of all his own country
    assert code(coder, "Former Peruvian president Alberto Fujimori's trial was postponed.", "2009-01-10") == []
    assert code(coder, "Alberto Fujimori and his aides will go on trial next month.", "2009-01-10") == []
    # with an 'of' phrase the possessor acts
    assert aimed(code(coder, "Chile's arrest of two Peruvian officers angered Lima."), "CHL", "17", "PER")


def test_a_city_naming_a_thing_is_no_party_to_it(coder: Coder) -> None:
    events = code(coder, "Russia violated the Minsk agreement on Monday.")
    assert not any(e.target is not None and e.target.key == "BLR" for e in events)
    assert aimed(code(coder, "Britain closed the Tehran embassy on Monday."), "GBR", "16", "IRN")


def test_an_actors_words_leave_out_the_dateline(coder: Coder) -> None:
    events = code(coder, "MANILA (Reuters) - Militants were arrested by Philippine police on Monday.")
    assert [e.target.text for e in events if e.target is not None] == ["Militants"]


def test_a_dead_persons_body_that_arrives_makes_no_visit(coder: Coder) -> None:
    assert code(coder, "President Raisi's body arrived in Mashhad on Monday.") == []
    assert aimed(code(coder, "The UN body arrived in Kinshasa on Monday."), "UN", "042", "COD")


def test_critics_of_a_war_are_not_of_the_state_it_was_fought_in(coder: Coder) -> None:
    events = code_monadic(coder, "Critics of the Kosovo war have slammed the German chancellor.")
    assert not any(e.cameo.startswith("11") and e.source.key == "XKX" for e in events)


def test_a_former_ruler_named_on_a_place_is_no_actor(coder: Coder) -> None:
    events = code_monadic(coder, "Mutinous soldiers seized key buildings in the capital of the former Belgian colony.")
    assert events and not any("BEL" in (e.source.key, e.target.key if e.target else None) for e in events)


def test_a_neighbour_across_a_border_is_no_clue_to_anyones_country(coder: Coder) -> None:
    text = ("Malian army kills 30 militants near Niger border\n\nThe Malian army killed 30 militants who had "
            "taken refuge in the remote eastern region bordering Niger, a spokesman said.")
    assert not any(e.target is not None and e.target.key == "NER" for e in code_monadic(coder, text))


def test_nationals_seized_abroad_are_of_their_own_state(coder: Coder) -> None:
    # a demonym is the seizing of people ("three nationals"); counted, they are no ethnic group of Iraq
    events = code(coder, "Gunmen seized three Norwegians in Baghdad.")
    assert {(e.cameo, e.target.key) for e in events} == {("181", "NOR")}


def test_force_on_a_held_thing_named_with_a_place_is_aimed_at_its_holders(coder: Coder) -> None:
    events = code(coder, "The Sudanese army opened an offensive on rebel-held villages in Darfur.")
    assert [e.target.code for e in events if e.cameo.startswith("19")] == ["SDNREB"]


def test_a_vehicle_arriving_or_flying_pays_no_visit(coder: Coder) -> None:
    for text in ["Crews unloaded grain from a Kenyan ship on Monday after its arrival in Tanzania.",
                 "A Kenya Airways passenger plane flying from Nairobi to Kampala landed in Entebbe.",
                 "A Kenyan aid plane came under fire when it arrived in Gulu, northern Uganda."]:
        assert not [e for e in code_monadic(coder, text) if e.cameo.startswith("04")], text
    assert [e.cameo for e in code(coder, "A Kenyan delegation arrived in Kampala on Monday.")] == ["042"]
