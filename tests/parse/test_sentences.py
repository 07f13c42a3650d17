import pytest

from detente.parse import split_sentences


@pytest.fixture(scope="module")
def nlp():
    import spacy

    return spacy.blank("en")


def test_headline_and_paragraphs_are_sentences(nlp) -> None:
    text = "   Russia Suspends Its Mission\n\nThis week, the U.S. said no. NATO agreed!\nA wrapped\nline here."
    sentences = split_sentences(nlp, text)
    texts = [s.text_of(text) for s in sentences]
    assert texts == ["Russia Suspends Its Mission", "This week, the U.S. said no.", "NATO agreed!",
                     "A wrapped\nline here."]
    assert [s.paragraph for s in sentences] == [0, 1, 1, 1]


def test_quotes_stay_with_their_sentence(nlp) -> None:
    text = 'He said "we will respond." Then he left.'
    assert [s.text_of(text) for s in split_sentences(nlp, text)] == ['He said "we will respond."', "Then he left."]


def test_runaway_sentences_are_cut(nlp) -> None:
    text = " ".join(["word"] * 400)
    assert all(len(s.words) <= 150 for s in split_sentences(nlp, text))
