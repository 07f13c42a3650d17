"""The remembered lemmatizer gives every token the lemma spaCy's own gives it, also from its
cache (the whole pipeline is compared on the shared corpus in test_attributes.py)."""

import pytest

from detente.parse import DEFAULT_PIPELINE
from detente.parse.lemmas import RememberedLemmas

pytestmark = pytest.mark.model

TEXTS = [
    "The envoys met; the envoy meets them, meeting after meetings, and they'd met before.",
    "Troops seized the better-armed rebels' bases, fought harder and were the best-known.",
    "She is leaving. They left the leaves; data were analysed and the mice ran faster.",
]


def test_the_same_lemmas_as_spacys_lemmatizer_each_time(coder):
    import spacy

    original = spacy.load(DEFAULT_PIPELINE, exclude=["ner"])
    assert isinstance(coder.nlp.get_pipe("lemmatizer"), RememberedLemmas)
    expected = [[t.lemma_ for t in doc] for doc in original.pipe(TEXTS)]
    for _ in range(2):  # the second time round every lemma comes from the cache
        assert [[t.lemma_ for t in doc] for doc in coder.nlp.pipe(TEXTS)] == expected
