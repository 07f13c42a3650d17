"""Force without an agent (events/force.py): who used force when no one is named, and what kind."""

from detente import Coder
from detente.events.force import _armed_assault
from detente.events.patterns import Pattern
from detente.records import Actor

from .coding import aimed, code, code_monadic, triples


def test_force_with_no_agent_comes_from_where_it_was_fired(coder: Coder) -> None:
    events = code(coder, "Two rockets were fired at Israel from Lebanon on Sunday.")
    assert aimed(events, "LBN", "19", "ISR")


def test_force_with_no_agent_comes_from_whose_weapon_did_it(coder: Coder) -> None:
    events = code(coder, "Three Syrian soldiers were killed in Turkish artillery fire near the border.")
    assert aimed(events, "TUR", "19", "SYR")
    events = code(coder, "Two Lebanese civilians were killed in Israeli shelling.")
    assert ("ISR", "194", "LBNCVL", "asserted") in triples(events)  # shelling: artillery


def test_a_military_weapon_makes_a_bombing_military_force(coder: Coder) -> None:
    events = code(coder, "A Ukrainian airliner was blown up by a missile fired by Russian troops.")
    assert aimed(events, "RUS", "19", "UKR")


def test_an_act_named_as_the_subject_of_killing_is_what_was_done(coder: Coder) -> None:
    events = code(coder, "A Turkish air strike killed four Kurdish fighters in northern Iraq.")
    assert any(e.source.key == "TUR" and e.cameo == "195" for e in events)
    events = code(coder, "A Taliban roadside bombing killed three Afghan soldiers.")
    assert ("AFGINS", "1833", "AFGMIL", "asserted") in triples(events)


def test_a_killing_in_a_named_kind_of_attack_takes_its_code(coder: Coder) -> None:
    events = code(coder, "Chechen rebels killed three Russian soldiers in a suicide attack on Monday.")
    assert any(e.cameo.startswith("183") for e in events)


def test_an_attack_no_one_is_named_for_is_by_an_unknown_armed_group_of_the_place(coder: Coder) -> None:
    events = code(coder, "Five soldiers were killed in a car bombing in Baghdad.")
    assert ("IRQUAF", "1832", "IRQMIL", "asserted") in triples(events)


def test_protesters_clashing_is_a_riot_and_police_clashing_with_rioters_repression(coder: Coder) -> None:
    assert ("PERCVL", "145", "PERCOP", "asserted") in triples(code(coder, "Protesters clashed with police in Lima."))
    assert ("PERCOP", "175", "PERCVL", "asserted") in triples(code(coder, "Peruvian police clashed with rioters."))


def test_a_war_named_as_the_background_of_another_event_is_not_news(coder: Coder) -> None:
    events = code(coder, "Britain pledged assistance to the American war against Iraq.")
    assert triples(events) == {("GBR", "033", "USA", "asserted")}


def test_the_object_of_an_act_noun_is_hit_not_the_doer(coder: Coder) -> None:
    events = code(coder, "The bombing of an OSCE office in Kosovo wounded two guards.")
    assert not [e for e in events if e.source.key == "OSCE"]
    events = code(coder, "A Turkish offensive against the PKK killed 40 fighters.")
    assert all(e.source.key == "TUR" for e in events if e.cameo.startswith("19"))


def test_tear_gas_at_a_crowd_is_repression(coder: Coder) -> None:
    events = code(coder, "Kenyan police fired tear gas at crowds of traders in Nairobi.")
    assert {e.cameo for e in events if e.source.key == "KEN"} == {"175"}


def test_a_weapons_test_is_aimed_at_no_one(coder: Coder) -> None:
    events = code(coder, "Pakistan's test of the Ghauri missile alarmed its neighbours.")
    assert not [e for e in events if e.cameo.startswith("15") and e.target and e.target.key == "PAK"]


def test_killing_by_criminals_is_assault(coder: Coder) -> None:
    events = code(coder, "Drug traffickers killed two Mexican soldiers in Sinaloa.")
    assert {e.cameo[:2] for e in events if e.cameo[:2] in {"18", "19"}} == {"18"}


def test_a_lone_civilian_assaults_but_armed_demonstrators_fight(coder: Coder) -> None:
    events = code(coder, "In Lima a man ambushed a police patrol, wounding one officer.")
    assert {e.cameo[:2] for e in events if e.cameo[:2] in {"18", "19"}} == {"18"}
    events = code(coder, "Peruvian demonstrators fired mortars at the Peruvian government.")
    assert any(e.cameo.startswith("19") for e in events)


def test_killed_in_a_plain_bombing_is_an_unknown_attackers_bombing(coder: Coder) -> None:
    events = code(coder, "Five policemen were killed in a bombing in Peshawar, officials said.")
    assert any(e.source.code == "PAKUAF" and e.cameo == "183" for e in events)


def test_a_series_of_attacks_is_those_attacks(coder: Coder) -> None:
    events = code(coder, "A wave of car bombings killed twelve policemen in Mosul.")
    assert any(e.source.code == "IRQUAF" and e.cameo == "1832" for e in events)


def test_a_news_agency_credit_is_no_actor(coder: Coder) -> None:
    events = code(coder, "AFP - Turkish troops shelled Kurdish positions in Syria (Reuters)")
    assert aimed(events, "TUR", "19", "SYR")
    assert not any(e.source.key in {"FRA", "GBR"} or (e.target and e.target.key in {"FRA", "GBR"}) for e in events)


def test_a_capital_naming_where_an_attack_was_is_no_government(coder: Coder) -> None:
    events = code(coder, "Four Afghan soldiers died in a Kabul rocket attack on Friday.")
    assert not any(e.source.code == "AFGGOV" for e in events)
    events = code(coder, "A Kabul suicide bombing killed ten policemen.")
    assert any(e.source.code == "AFGUAF" and e.cameo == "1831" for e in events)


def test_the_doer_names_the_kind_of_attack_also_when_the_object_picked_the_pattern(coder: Coder) -> None:
    events = code(coder, "A suicide bomber attacked a Nigerian army convoy near Maiduguri.")
    assert any(e.cameo == "1831" and e.target and e.target.code == "NGAMIL" for e in events)


def test_a_weapon_acts_only_by_force(coder: Coder) -> None:
    events = code(coder, "Ethiopian troops backed by helicopter gunships raided a rebel camp in Somalia on Sunday.")
    assert any(e.source.code == "ETHMIL" and e.cameo[:2] == "19" for e in events)
    assert not any(e.cameo.startswith("05") for e in events)  # the gunships back no one
    events = code(coder, "Syrian warplanes bombed rebel positions near Idlib on Friday.")
    assert any(e.source.code == "SYRMIL" and e.cameo[:2] == "19" for e in events)


def test_fighters_storming_a_building_attack_it(coder: Coder) -> None:
    events = code(coder, "Islamist rebels stormed a police station in northern Mali on Monday.")
    assert any(e.cameo[:2] == "19" for e in events)
    assert not any(e.cameo == "145" for e in events)
    events = code(coder, "Angry protesters stormed the parliament building in Lima.")
    assert any(e.cameo == "145" for e in events)


def test_prisoners_freed_in_an_assault_are_no_release(coder: Coder) -> None:
    events = code(coder, "Rebels attacked a prison in eastern Congo, killing three guards and freeing 200 inmates.")
    assert any(e.cameo[:2] in {"18", "19"} for e in events)
    assert not any(e.cameo.startswith("084") for e in events)
    events = code(coder, "The Houthis freed 40 Saudi prisoners on Tuesday.")
    assert any(e.cameo.startswith("084") for e in events)


def test_an_unknown_attackers_bomb_hits_the_people_there_not_the_state(coder: Coder) -> None:
    (event,) = code(coder, "Car bomb kills four in Kandahar")
    assert (event.source.code, event.cameo[:2], event.target and event.target.code) == ("AFGUAF", "18", "AFGCVL")
    # the record shows the words that tell of each: the bomb, the victims; not the city twice
    assert (event.source.text, event.target.text) == ("Car bomb", "four")


def test_clashes_that_kill_are_no_ones_attack(coder: Coder) -> None:
    # fighting between sides named by neither is no unidentified attacker's act on the people there
    assert code(coder, "Fierce clashes in Kandahar killed 14 people on Monday.") == []
    assert code(coder, "Four people were killed in clashes in Kandahar.") == []


def test_killing_a_hostage_is_a_killing(coder: Coder) -> None:
    events = code(coder, "Militants in Afghanistan killed a Korean hostage on Monday.")
    assert any(e.cameo[:2] in {"18", "19"} and e.target is not None and e.target.key == "KOR" for e in events)


def test_a_state_named_on_a_bombing_is_where_it_happened_not_who_did_it(coder: Coder) -> None:
    events = code(coder, "Two Dutch Soldiers Killed in Afghanistan Bombings")
    assert triples(events) == {("AFGUAF", "183", "NLDMIL", "asserted")}
    kenya = code(coder, "A Kenya bombing killed six people at a market in Mombasa.")
    assert {e.source.code for e in kenya} == {"KENUAF"}
    # armed forces and named groups do their own attacks
    assert aimed(code(coder, "An Israeli raid killed six militants in Jenin."), "ISR", "19", "PSE")
    assert {e.source.code for e in code(coder, "A PKK car bombing killed four Turkish soldiers.")} == {"TURSEP"}


def test_people_a_participle_says_were_attacked_did_not_attack(coder: Coder) -> None:
    # a headline the parser reads as "Marines [who were] killed (in Iraq) bombings"
    assert not any(e.source.key == "USA" for e in code(coder, "Two U.S. Marines Killed in Iraq Bombings (AP)"))


def test_an_air_strike_no_one_is_named_for_is_no_unidentified_groups(coder: Coder) -> None:
    assert code(coder, "Two militants were killed in an airstrike in Gaza City on Tuesday.") == []


def test_killing_people_one_holds_is_unconventional_violence(coder: Coder) -> None:
    events = code(coder, "Militants in Syria Kill Japanese Hostage, Video Shows")
    assert {e.cameo for e in events} == {"180"}  # not military force (190), nor a hostage-taking (181)


def test_a_killing_by_a_bomb_set_off_is_that_bombing(coder: Coder) -> None:
    events = code(coder, "Chechen rebels detonated a truck bomb outside a Russian army barracks, killing 12 soldiers.")
    assert {e.cameo for e in events if e.source.key == "RUS"} == {"1832"}  # one bombing, not a bombing and a 190


def test_armed_groups_without_aircraft_bomb_on_the_ground(coder: Coder) -> None:
    events = code(coder, "Maoist rebels bombed a Nepalese army post on Saturday.")
    assert any(e.cameo == "183" and e.target is not None and e.target.key == "NPL" for e in events)
    assert any(e.cameo == "195" for e in code(coder, "Nepalese jets bombed Maoist rebels on Saturday."))


def test_every_participle_of_a_bombing_is_the_bombing(coder: Coder) -> None:
    events = code_monadic(coder, "Rebels detonated a car bomb in Mosul, killing five soldiers and wounding ten "
                                 "civilians.")
    assert {e.cameo for e in events} == {"1832"}


def test_a_single_state_on_fighting_between_sides_says_where_not_who(coder: Coder) -> None:
    events = code_monadic(coder, "Two policemen were killed in a Nigerian gun battle on Sunday.")
    assert not any(e.source.key == "NGA" for e in events)
    assert not any(e.source.key == "NGA" for e in code_monadic(coder, "Nigerian clashes killed two policemen."))


def test_a_suicide_bomber_whose_act_has_no_code_kills_in_a_suicide_bombing(coder: Coder) -> None:
    events = code(coder, "A suicide bomber drove a van into a police checkpoint in Kandahar, "
                         "killing six Afghan policemen.")
    assert aimed(events, "AFG", "1831", "AFG") and not any(e.cameo.startswith("19") for e in events)


def test_the_sides_of_a_fight_that_killed_people_fought_each_other(coder: Coder) -> None:
    events = code(coder, "Clashes between Kurdish rebels and Turkish troops killed 12 people on Sunday.")
    assert triples(events) == {("TURREB", "190", "TURMIL", "asserted"), ("TURMIL", "190", "TURREB", "asserted")}


def test_a_crowd_besieging_a_building_blocks_passage_troops_impose_a_blockade(coder: Coder) -> None:
    assert ("NPLCVL", "144", "NPLMIL", "asserted") in triples(
        code(coder, "Hundreds of Nepali villagers besieged an army barracks on Friday."))
    assert aimed(code(coder, "Russian troops besieged the Ukrainian town of Bakhmut."), "RUS", "191", "UKR")


def test_forces_backing_fighters_cooperate_militarily(coder: Coder) -> None:
    events = code(coder, "Kenyan troops supported Somali forces in raids on al-Shabaab camps.")
    assert aimed(events, "KEN", "062", "SOM") and not any(e.cameo == "051" for e in events)


def test_a_passive_act_by_an_attack_is_not_done_by_whom_the_attack_hit(coder: Coder) -> None:
    events = code(coder, "A Nigerian official was killed on Monday by a mortar attack on a Nigerian army base.")
    assert not any(e.source.key == "NGA" for e in events)


def test_damage_to_installations_is_force_and_to_relations_nothing(coder: Coder) -> None:
    assert ("YEMINS", "190", "SAU", "asserted") in triples(code(
        coder, "Houthi rebels damaged a Saudi oil facility near Jeddah."))
    assert code(coder, "The row damaged relations between Chile and Peru.") == []


def test_clashes_between_two_sides_that_broke_out_are_each_sides_against_the_other(coder: Coder) -> None:
    events = code(coder, "Skirmishes between Eritrean and Ethiopian troops broke out near Badme on Monday.")
    assert {("ERIMIL", "190", "ETHMIL", "asserted"), ("ETHMIL", "190", "ERIMIL", "asserted")} <= triples(events)
    events = code(coder, "Sudan closed its border with Chad because of fighting between Eritrean and Ethiopian troops.")
    assert not any(e.source.key == "ERI" for e in events)


def test_an_air_strike_or_an_accident_with_no_one_named_has_no_unknown_armed_group(coder: Coder) -> None:
    assert code(coder, "Officials said an air attack struck near the Libyan city of Sirte.") == []
    assert code(coder, "Nine miners were killed in a blast in a coal mine in Ukraine's Donetsk region.") == []
    assert [e.source.code for e in code(coder, "Nine people were killed in a bomb blast in Kabul.")] == ["AFGUAF"]


def test_troops_with_a_bare_state_beside_them_storm_as_fighters() -> None:
    # "US and Iraqi troops stormed ...", parsed with "US" apart: a bare state beside troops, no crowd
    storm = Pattern("145-storm", "145", "verb", "storm", None, frozenset(), ())
    state = Actor("USA", None, "USA", "United States", "US", 0, 2)
    troops = Actor("IRQ", "MIL", "IRQMIL", "Iraq", "Iraqi troops", 7, 19, "adjective")
    crowd = Actor("IRQ", "CVL", "IRQCVL", "Iraq", "protesters", 0, 10, "role")
    assert _armed_assault(storm, [state, troops]).cameo == "190"
    assert _armed_assault(storm, [crowd, troops]).cameo == "145"
    assert _armed_assault(storm, [state]).cameo == "145"


def test_who_the_outer_clause_says_was_killed_is_the_attacks_target(coder: Coder) -> None:
    events = code(coder, "Three Kenyan soldiers were killed when al-Shabaab fighters stormed a camp in Lamu.")
    assert {(e.cameo[:2], e.target.code) for e in events} == {("19", "KENMIL")}
    events = code(coder, "Two policemen died when gunmen ambushed a convoy near Kandahar.")
    assert {e.target.role for e in events if e.target} == {"COP"}


def test_what_is_fired_hits_it_does_not_criticize(coder: Coder) -> None:
    events = code(coder, "A Syrian mortar bomb slammed into a house in a Turkish village, killing a child.")
    assert not [e for e in events if e.cameo[:2] == "11"]


def test_no_one_acts_in_a_storm_or_an_emergency_over_one(coder: Coder) -> None:
    assert code(coder, "Typhoon Haiyan slammed into the Philippines.") == []
    assert code(coder, "The Fijian government declared a state of emergency as the cyclone approached.") == []


def test_who_rode_in_what_was_attacked_is_the_target(coder: Coder) -> None:
    events = code(coder, "Rebels attacked a convoy transporting Chadian peacekeepers near Kidal.")
    assert {e.target.code for e in events} == {"TCDPKO"}


def test_students_or_supporters_clashing_with_police_riot(coder: Coder) -> None:
    events = code(coder, "Students clashed with riot police in Kampala.")
    assert {(e.source.code, e.cameo) for e in events} >= {("UGAEDU", "145")}


def test_an_attack_that_killed_people_is_aimed_at_what_it_was_on(coder: Coder) -> None:
    events = code(coder, "An attack on a UN convoy killed two people in Darfur.")
    assert [(e.source.code, e.target.code) for e in events if e.target] == [("SDNUAF", "UN")]


def test_roads_blocked_by_forces_restrict_movement_and_by_a_crowd_protest(coder: Coder) -> None:
    events = code_monadic(coder, "Ethiopian troops blocked main roads in Mekele on Monday.")
    assert any(e.cameo == "191" for e in events)
    assert any(e.cameo == "144" for e in code_monadic(coder, "Protesters blocked main roads in Addis Ababa."))


def test_a_war_named_is_no_news_of_one_but_waging_or_ending_it_is(coder: Coder) -> None:
    assert not code(coder, "The Saudi-led war in Yemen has not made the region any safer.")
    assert aimed(code(coder, "Eritrea declared war on Ethiopia."), "ERI", "19", "ETH")
    # what someone says the war was is still an accusation
    events = code(coder, "Kenya said the Ethiopian war in Somalia was illegal.")
    assert any(e.source.key == "KEN" and e.cameo.startswith("112") and e.target.key == "ETH" for e in events)


def test_ending_a_siege_laid_by_others_is_no_easing_of_ones_own(coder: Coder) -> None:
    events = code(coder, "Kenyan police launched an operation to end a two-day siege by Somali gunmen.")
    assert not any(e.cameo.startswith("087") for e in events)
    assert aimed(code(coder, "Israel ended its siege of Gaza."), "ISR", "087", "PSE")


def test_a_deployment_announced_for_peacekeeping_provides_it(coder: Coder) -> None:
    text = "Kenya on Saturday announced the deployment of 230 troops, including 19 officers, to Somalia on a " \
        "peacekeeping mission."
    assert aimed(code(coder, text), "KEN", "074", "SOM")


def test_a_patrol_hit_is_no_show_of_force(coder: Coder) -> None:
    assert not any(e.cameo.startswith("15") for e in code_monadic(
        coder, "A roadside bomb exploded near a Kenyan military patrol in Mandera."))
    # patrols carried out are
    assert any(e.cameo.startswith("15") for e in code_monadic(coder, "Kenyan troops conducted patrols in Mandera."))


def test_force_on_a_thing_apposed_as_someones_stronghold_is_aimed_at_them(coder: Coder) -> None:
    text = "Malian troops captured Tessalit, one of the Tuareg rebels' last strongholds."
    events = code(coder, text)
    assert any(e.cameo.startswith("19") and e.target.code == "MLIREB" for e in events)


def test_a_politician_attacking_a_person_or_party_criticizes_them(coder: Coder) -> None:
    events = code(coder, "The Chilean president attacked the opposition over the pension reform.")
    assert [e.cameo for e in events] == ["111"]
    assert any(e.cameo == "190" for e in code(coder, "The Chilean president attacked Peru in 1879."))
    assert any(e.cameo.startswith("18") for e in code(coder, "A man attacked the Chilean president with a knife."))


def test_a_person_named_as_the_subject_is_no_deed(coder: Coder) -> None:
    # "Hostage" names the victim of a headline passive, not a hostage-taking by his own country
    events = code_monadic(coder, "Kenyan Hostage Apparently Beheaded")
    assert not any(e.cameo.startswith("181") or e.source.key == "KEN" for e in events)
