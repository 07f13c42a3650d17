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


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(deadline=None)
@given(st.lists(st.sampled_from(list("ab .!?\n\"'A") + ["U.S.", "  ", "Iran"]), max_size=40).map("".join))
def test_sentences_are_ordered_and_trimmed(nlp, text: str) -> None:
    sentences = split_sentences(nlp, text)
    for before, after in zip(sentences, sentences[1:]):
        assert before.end <= after.start
    for sentence in sentences:
        piece = sentence.text_of(text)
        assert piece == piece.strip() and piece


@pytest.mark.parametrize("text, rest", [
    ("KABUL, Afghanistan - Government troops intervened.", "Government troops intervened."),
    ("BAGHDAD (Reuters) - A senior official said so.", "A senior official said so."),
    ("Canadian Press - VANCOUVER (CP) - The sister spoke.", "The sister spoke."),
    ("NATO expelled - and then left.", "NATO expelled - and then left."),
    ("OTTAWA, Jan. 4, 2019 -- Ministers met.", "Ministers met."),
    ("LIMA/QUITO, 3 May 2004 - A bomb exploded.", "A bomb exploded."),
])
def test_datelines_are_blanked_for_the_parser(text: str, rest: str) -> None:
    from detente.parse.sentences import blank_dateline

    blanked = blank_dateline(text)
    assert len(blanked) == len(text) and blanked.strip() == rest


def test_a_wire_name_before_a_dateline_is_not_its_place() -> None:
    from detente.parse.sentences import dateline_place

    text = "Canadian Press - BEIJING (AP) - A mine exploded."
    start, end = dateline_place(text)
    assert text[start:end].strip() == "BEIJING (AP) -"
    assert dateline_place("KABUL, Afghanistan - Troops left.") == (0, len("KABUL, Afghanistan - "))
    assert dateline_place("Troops left.") == (0, 0)


@pytest.mark.parametrize("text, rest", [
    ("Wirex - Police arrested two men.", "Police arrested two men."),
    ("Police arrested two men (Wirex)", "Police arrested two men"),
    ("Chad - Police arrested two men.", "Chad - Police arrested two men."),  # not an agency
    ("Talks with Chad (Niger)", "Talks with Chad (Niger)"),
])
def test_news_agency_credits_are_blanked_for_the_parser(text: str, rest: str) -> None:
    from detente.parse.sentences import blank_dateline

    blanked = blank_dateline(text, lambda name: name == "Wirex")
    assert len(blanked) == len(text) and blanked.strip() == rest


@pytest.mark.parametrize("text, rest", [
    ("HAVANA Cuban troops left the port.", "Cuban troops left the port."),
    ("HAVANA, Cuba An advance party left the port.", "An advance party left the port."),  # with its country
    ("HAVANA CUBAN TROOPS LEAVE PORT", "HAVANA CUBAN TROOPS LEAVE PORT"),  # a headline in capitals
    ("NAFTA Talks resumed on Monday.", "NAFTA Talks resumed on Monday."),  # not a place
    # filed from an organisation's seat, with the city it is in
    ("WORLD BANK, Havana The bank froze the loans.", "The bank froze the loans."),
    ("NAFTA, Cuba Agree to talks.", "NAFTA, Cuba Agree to talks."),  # a state after the comma is no city
])
def test_a_known_place_in_capitals_is_a_dateline_without_a_mark(text: str, rest: str) -> None:
    from detente.parse.sentences import blank_dateline, dateline_place

    def is_place(name: str) -> bool:
        return name in {"HAVANA", "Havana"}

    blanked = blank_dateline(text, is_place=is_place)
    assert len(blanked) == len(text) and blanked.strip() == rest
    assert dateline_place(text, is_place)[1] == len(text) - len(rest)


def test_a_headline_with_its_agencys_credit_is_a_headline() -> None:
    from detente.parse.sentences import is_headline

    assert is_headline("Putin Urged to Free Jailed Tycoon (AP)")
    assert not is_headline("Putin urged Ukraine to free the sailors (AP).")


def test_a_short_line_in_sentence_case_is_a_headline() -> None:
    from detente.parse.sentences import is_headline

    assert is_headline("Chile accused over Peru border deaths")
    assert not is_headline("the talks went on for three more days in the capital with no end in sight")
