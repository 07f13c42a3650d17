"""The pre-parse filter: sharper than "a trigger and a name", and it loses no event."""

from pathlib import Path

import pytest

from detente import Coder
from detente.evaluate import coder_document, read_gold
from detente.parse.prefilter import Inflections, Prefilter, Trigger

from ..conftest import SHARED

pytestmark = pytest.mark.model

GOLD = ["plover_gsr_cameo_manual", "petrarch2_gsr_gigaword", "cameo_manual_examples", "zsp_plv_plover",
        "conflibert_cameo_pentaclass"]


@pytest.fixture(scope="module")
def prefilter(coder):
    triggers = [Trigger("meet", "verb"), Trigger("attack", "noun"), Trigger("take", "verb", frozenset({"control"})),
                Trigger("say", "verb", frozenset({"must"})), Trigger("state", "verb")]
    return Prefilter(coder.nlp, triggers, ["official", "chairman", "it"], {"yala", "tel aviv"})


def _keep(prefilter, text: str, names: list[tuple[int, int]] = ()) -> bool:
    return prefilter.keep(text.split(), list(names))


def test_inflections_are_the_lemmatizers_own(coder):
    inflections = Inflections(coder.nlp)
    assert {"met", "meets", "meeting"} <= inflections.forms("meet", "verb")
    assert {"fought", "seized"} <= inflections.forms("fight", "verb") | inflections.forms("seize", "verb")
    assert "chairmen" in inflections.forms("chairman", "noun")
    assert "attacked" not in inflections.forms("attack", "noun")


def test_a_trigger_and_an_actor_are_needed(prefilter):
    assert _keep(prefilter, "Russia met Ukraine", [(0, 0), (2, 2)])
    assert _keep(prefilter, "Officials met on Monday")  # a role noun stands for an actor
    assert _keep(prefilter, "The chairmen met")
    assert not _keep(prefilter, "The weather met expectations")
    assert not _keep(prefilter, "Russia spoke to Ukraine", [(0, 0), (3, 3)])


def test_a_trigger_inside_a_name_is_no_trigger(prefilter):
    assert not _keep(prefilter, "The United States praised Canada", [(1, 2), (4, 4)])
    assert _keep(prefilter, "The United States stated its view", [(1, 2)])


def test_a_trigger_that_needs_an_object_needs_it_in_the_sentence(prefilter):
    assert not _keep(prefilter, "Russia took the town", [(0, 0)])
    assert _keep(prefilter, "Russia took control of the town", [(0, 0)])
    assert not _keep(prefilter, "Russia said it was cold", [(0, 0)])
    assert _keep(prefilter, "Russia said NATO must leave", [(0, 0), (2, 2)])


def test_monadic_coding_keeps_a_trigger_with_no_known_actor(prefilter):
    # "Vandermeer" is in no dictionary: only monadic coding turns such a name into an actor ('---')
    assert not prefilter.keep("Vandermeer met the press".split(), [])
    assert prefilter.keep("Vandermeer met the press".split(), [], unknown_names=True)


def test_a_capitalised_place_stands_for_an_actor(prefilter):
    assert _keep(prefilter, "An attack in Yala left three dead")
    assert _keep(prefilter, "An attack in Tel Aviv left three dead")
    assert not _keep(prefilter, "An attack in yala left three dead")


@pytest.mark.parametrize("name", GOLD)
def test_the_filter_loses_no_event_on_the_gold_sets(coder, name):
    path = SHARED / "gold" / f"{name}.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is not here (only CI and developers have ../shared)")
    documents = [coder_document(record) for record in read_gold(Path(path))]
    everything = Coder(nlp=coder.nlp, prefilter=False)
    filtered = [(c.document.id, c.events, c.parsed_sentences) for c in coder.code_documents(documents, monadic=True)]
    parsed = [(c.document.id, c.events, c.parsed_sentences) for c in everything.code_documents(documents, monadic=True)]
    assert [f[:2] for f in filtered] == [p[:2] for p in parsed]  # monadic: every event, with a target or not
    assert sum(f[2] for f in filtered) < sum(p[2] for p in parsed)
