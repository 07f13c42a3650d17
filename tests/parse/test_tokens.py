"""Parsed sentences as records (parse/tokens.py)."""

import pytest

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
