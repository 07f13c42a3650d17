import re

from hypothesis import given
from hypothesis import strategies as st

from detente.parse.bounds import MAX_RUN, MAX_WORD, bound_text

texts = st.text(alphabet=st.sampled_from("a?!. \n\tRN-é") | st.characters(), max_size=300)


@given(texts)
def test_bounding_keeps_the_length_and_blanks_only(text: str) -> None:
    bounded = bound_text(text)
    assert len(bounded) == len(text)
    assert all(b == o or b == " " for b, o in zip(bounded, text))


@given(texts)
def test_no_long_run_or_long_word_is_left(text: str) -> None:
    bounded = bound_text(text)
    assert not re.search(r"([^ ])\1{%d,}" % MAX_RUN, bounded)
    assert max((len(w) for w in re.findall(r"\S+", bounded)), default=0) <= MAX_WORD
    assert bound_text(bounded) == bounded


@given(st.lists(st.text(alphabet="abcRN.,?'", min_size=1, max_size=9), max_size=40))
def test_ordinary_prose_is_unchanged(words: list[str]) -> None:
    text = " ".join(words)
    assert bound_text(text) == text


def test_a_punctuation_run_keeps_its_first_marks() -> None:
    text = "Russia condemned NATO" + "?" * 5000 + " Iran warned Israel."
    bounded = bound_text(text)
    assert bounded.startswith("Russia condemned NATO" + "?" * MAX_RUN + " ")
    assert bounded.endswith(" Iran warned Israel.") and bounded.index("Iran") == text.index("Iran")
