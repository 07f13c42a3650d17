import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from detente.read.bounded_json import JSONDepthError, load_json, nesting_depth, replace_lone_surrogates

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet=st.characters(codec="utf-8")),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=20)


def depth(value) -> int:
    if isinstance(value, list):
        return 1 + max(map(depth, value), default=0)
    if isinstance(value, dict):
        return 1 + max(map(depth, value.values()), default=0)
    return 0


@given(json_values)
def test_nesting_depth_is_the_depth_of_the_decoded_value(value) -> None:
    text = json.dumps(value)
    assert nesting_depth(text, stop=1000) == depth(value)
    assert load_json(text) == value


@pytest.mark.parametrize("levels", [33, 1_000, 100_000])
def test_deep_nesting_is_refused_without_recursion(levels: int) -> None:
    with pytest.raises(JSONDepthError):
        load_json("[" * levels + "]" * levels)
    with pytest.raises(JSONDepthError):
        load_json('{"text": ' + "[" * levels)  # unterminated: refused all the same


def test_brackets_inside_strings_do_not_count() -> None:
    assert load_json(json.dumps({"text": "[" * 5000 + '\\"{'})) == {"text": "[" * 5000 + '\\"{'}


@given(st.text())
def test_lone_surrogates_are_replaced_one_for_one(text: str) -> None:
    cleaned, count = replace_lone_surrogates(text)
    assert len(cleaned) == len(text)
    cleaned.encode("utf-8")  # never raises
    assert count == sum(c != o for c, o in zip(cleaned, text))


def test_an_escaped_lone_surrogate_decodes_to_a_replacement_character() -> None:
    value = load_json('{"text": "Russia \\ud800 NATO \\ud83d\\ude00"}')
    cleaned, count = replace_lone_surrogates(value["text"])
    assert (cleaned, count) == ("Russia \ufffd NATO \U0001f600", 1)
