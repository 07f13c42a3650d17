"""Loading the event patterns: every trigger bound to listed objects has a general reading or says why not."""

import shutil
from pathlib import Path

import pytest

from detente import Coder
from detente.errors import VocabularyError
from detente.events.ontology import load_cameo
from detente.events.patterns import load_event_vocabulary
from detente.vocabulary import data_dir

from .coding import aimed, code

from .test_extract import triples


def _data_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(data_dir(), folder)
    return folder


def _load(folder: Path) -> None:
    load_event_vocabulary(folder / "events", load_cameo(folder / "ontology" / "cameo.tsv"))


def test_a_trigger_with_only_listed_objects_needs_a_decision(tmp_path: Path) -> None:
    folder = _data_copy(tmp_path)
    patterns = folder / "events" / "patterns_conflict.tsv"
    patterns.write_text(patterns.read_text(encoding="utf-8") + "190-smite-foe-v\t190\tverb\tsmite\t\tfoe\t\t\n",
                        encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"patterns_conflict.tsv, line \d+, field 'object': verb 'smite'"):
        _load(folder)
    only = folder / "events" / "specific_only.tsv"
    only.write_text(only.read_text(encoding="utf-8") + "verb\tsmite\t\t'smite' is archaic\n", encoding="utf-8")
    _load(folder)


def test_a_particle_is_a_trigger_of_its_own(tmp_path: Path) -> None:
    folder = _data_copy(tmp_path)
    patterns = folder / "events" / "patterns_coop.tsv"
    patterns.write_text(patterns.read_text(encoding="utf-8") + "070-pass-on-aid-v\t070\tverb\tpass\ton\taid\tto\t\n",
                        encoding="utf-8")
    with pytest.raises(VocabularyError, match="verb 'pass on' has no pattern with an empty object"):
        _load(folder)


def test_specific_only_rejects_a_trigger_with_a_general_reading(tmp_path: Path) -> None:
    folder = _data_copy(tmp_path)
    only = folder / "events" / "specific_only.tsv"
    only.write_text(only.read_text(encoding="utf-8") + "verb\tprovide\t\twhy not\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match="specific_only.tsv, line .*'provide' has a general pattern"):
        _load(folder)


def test_word_classes_name_only_the_classes_the_rules_read(tmp_path: Path) -> None:
    folder = _data_copy(tmp_path)
    classes = folder / "events" / "word_classes.tsv"
    text = classes.read_text(encoding="utf-8")
    line = len(text.splitlines()) + 1
    classes.write_text(text + "pondering\tponder|muse\tverbs of thinking: 'pondered an attack'\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match=rf"word_classes.tsv, line {line}, field 'class': must be a class"):
        _load(folder)
    classes.write_text("\n".join(row for row in text.splitlines() if not row.startswith("series\t")) + "\n",
                       encoding="utf-8")
    with pytest.raises(VocabularyError, match="word_classes.tsv, line 0, field 'class': no row for series"):
        _load(folder)


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia provided Syria with economic assistance.", ("RUS", "070", "SYR", "asserted")),
    ("France handed over medical equipment to Mali.", ("FRA", "070", "MLI", "asserted")),
    ("Brazilian prosecutors filed charges against the governor.", ("BRAJUD", "115", "BRAGOV", "asserted")),
    ("Nigerian teachers launched a pension strike against the government.", ("NGAEDU", "1432", "NGAGOV", "asserted")),
    ("Thai students staged pro-democracy protests against the junta.", ("THAEDU", "1414", "THAGOV", "asserted")),
])
def test_general_and_purpose_readings(coder: Coder, text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in triples(coder.code(text, date="2024-05-01"))


def test_an_object_on_no_list_of_a_specific_only_verb_codes_nothing(coder: Coder) -> None:
    assert not coder.code("Germany struck a balance with France on the budget.", date="2024-05-01")


@pytest.mark.parametrize(("text", "expected"), [
    ("The Finnish government launched legal action against the Swedish firm.", ("FINGOV", "115", "SWEBUS", "asserted")),
    ("Kenya opened legal proceedings against the Ugandan company.", ("KEN", "115", "UGABUS", "asserted")),
    ("A Chilean court found the Peruvian businessman guilty of bribery.", ("CHLJUD", "116", "PERBUS", "asserted")),
    ("Austria returned three looted paintings to Poland.", ("AUT", "0842", "POL", "asserted")),
    ("Greece halted food supplies to Libya.", ("GRC", "1623", "LBY", "asserted")),
    ("Norway launched electronic warfare against Russia.", ("NOR", "176", "RUS", "asserted")),
    ("Sweden remains the largest donor to Somalia.", ("SWE", "070", "SOM", "asserted")),
    ("The Indian minister defended India's expansion of its navy.", ("INDGOV", "052", "IND", "asserted")),
    ("Canada pushed Peru to release the activists.", ("CAN", "0253", "PER", "asserted")),
])
def test_light_verbs_with_event_nouns_and_returned_property(coder: Coder, text: str,
                                                             expected: tuple[str, str, str, str]) -> None:
    assert expected in triples(coder.code(text, date="2024-05-01"))


@pytest.mark.parametrize("text", ["Germany followed suit.", "Japan found a solution.", "France took action."])
def test_legal_nouns_and_verdicts_need_their_word(coder: Coder, text: str) -> None:
    assert not coder.code(text, date="2024-05-01")


def test_flying_aircraft_is_a_show_of_force_and_flying_to_a_place_a_visit(coder: Coder) -> None:
    assert aimed(code(coder, "Turkey flew reconnaissance drones over Armenia."), "TUR", "150", "ARM")
    assert aimed(code(coder, "The Indian prime minister flew to Tokyo on Sunday."), "IND", "042", "JPN")


def test_quelling_speculation_is_no_repression(coder: Coder) -> None:
    assert not code(coder, "The Kenyan president sought to quell speculation about the Somali talks.")
    assert any(e.source.code == "KENCOP" and e.cameo == "175"
               for e in code(coder, "Kenyan police quelled riots by Somali refugees in Nairobi."))


def test_off_makes_another_verb_than_the_plain_one(coder: Coder) -> None:
    # "blast" is criticism; "blast off" is a launch, whatever the general reading of "blast"
    assert code(coder, "India's new satellite blasted off toward China on Monday.") == []
    assert aimed(code(coder, "India blasted China on Monday."), "IND", "11", "CHN")


def test_strengthening_cooperation_is_cooperation_whatever_kind(coder: Coder) -> None:
    events = code(coder, "Chile and Peru agreed to boost defence cooperation.")
    assert {e.cameo[:2] for e in events} == {"03"}  # an intent to cooperate, not a show of force


def test_withdrawing_or_pulling_out_anything_but_troops_is_no_retreat(coder: Coder) -> None:
    assert code(coder, "The Kenyan minister withdrew his candidacy for the AU post.") == []
    assert aimed(code(coder, "Uganda pulled out 2,000 soldiers from Somalia."), "UGA", "0874", "SOM")
    assert aimed(code(coder, "Uganda withdrew from Somalia."), "UGA", "0874", "SOM")
