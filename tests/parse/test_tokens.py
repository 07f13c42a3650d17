"""Parsed sentences as records (parse/tokens.py)."""

import pytest

from detente import Document
from detente.parse import load_pipeline
from detente.parse.tokens import to_parsed

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def test_a_noun_with_a_subject_and_an_object_is_a_verb(nlp) -> None:
    # the tagger reads a present-tense "hand" after a coordinated subject as a noun
    parsed = to_parsed(nlp("Canada and the EU hand over 40 trucks to support clinics."), 0, 0, 0)
    hand = next(t for t in parsed.tokens if t.text == "hand")
    assert (hand.pos, hand.tag) == ("VERB", "VBP")
    trucks = next(t for t in parsed.tokens if t.text == "trucks")
    assert trucks.pos == "NOUN"  # a plain noun stays one


def test_a_past_tense_describing_a_noun_with_no_subject_is_a_participle(nlp) -> None:
    parsed = to_parsed(nlp("Two Red Cross workers kidnapped last month were freed."), 0, 0, 0)
    kidnapped = next(t for t in parsed.tokens if t.text == "kidnapped")
    assert (kidnapped.dep, kidnapped.tag) == ("acl", "VBN")


def test_a_kidnapped_workers_organisation_kidnapped_no_one(coder) -> None:
    (coded,) = coder.code_documents([Document("k", "Two Red Cross workers kidnapped last month were freed.",
                                              date="2016-08-01")], monadic=True)
    assert not [e for e in coded.events if e.cameo.startswith("181")]
