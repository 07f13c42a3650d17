"""The faster attribute rules give every token the attributes spaCy's own ruler gives it."""

import pytest

from detente.parse import DEFAULT_PIPELINE
from detente.read import read_inputs
from detente.records import Document

from ..conftest import SHARED

pytestmark = pytest.mark.model

TEXTS = [
    "Y'all gonna see: ain't nobody let's it go, c'mon, we gotta leave.",
    "There is a cat; there's a dog, and there were talks. I'd say that's it.",
    "Something happened to everyone while the U.S. and its allies, whose envoys met, said nothing.",
    "RUSSIA SUSPENDS MISSION TO NATO\n\nMoscow said on Monday it would close the office.",
]


def _attributes(docs):
    return [[(t.pos_, str(t.morph), t.lemma_) for t in doc] for doc in docs]


def test_the_same_attributes_as_spacys_ruler(coder):
    import spacy

    texts = list(TEXTS)
    for path in sorted((SHARED / "corpus").glob("*.jsonl")):  # where the shared corpus is here
        texts += [d.text for d in read_inputs([str(path)]) if isinstance(d, Document)][:300]
    original = spacy.load(DEFAULT_PIPELINE, exclude=["ner"])
    assert "attribute_ruler" in original.pipe_names and "attribute_ruler" not in coder.nlp.pipe_names
    assert _attributes(coder.nlp.pipe(texts)) == _attributes(original.pipe(texts))


def test_every_kind_of_rule_as_spacys_ruler_applies_it():
    """Values, IN, NOT_IN, REGEX, two-token rules aimed at either token, a rule the lookup cannot
    take (OP: left to a Matcher), and later rules winning over earlier ones."""
    import spacy

    from detente.parse.attributes import RuleAttributes

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": {"NOT_IN": ["the", "a"]}}]], {"POS": "NOUN"})
    ruler.add([[{"LOWER": {"IN": ["the", "a"]}}]], {"POS": "DET", "MORPH": "Definite=Def"})
    ruler.add([[{"LOWER": {"REGEX": "^ra"}}]], {"POS": "VERB", "LEMMA": "raid"})
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "to"}, index=-1)
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "go", "POS": "AUX"}, index=0)
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"LOWER": "big"}]], {"POS": "ADV"}, index=0)
    ruler.add([[{"IS_SPACE": True}], [{"LOWER": "rallied"}]], {"POS": "SPACE"})
    texts = ["The troops raided a  base, gon na rally", "very very big raids rallied", "gon gon na na"]
    expected = [[(t.pos_, str(t.morph), t.lemma_) for t in nlp(text)] for text in texts]
    rules = RuleAttributes(ruler)
    assert len(rules.matcher) == 1  # the OP rule
    assert [[(t.pos_, str(t.morph), t.lemma_) for t in rules(nlp.make_doc(text))] for text in texts] == expected
