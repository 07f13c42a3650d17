"""JSON from untrusted input, decoded within bounds.

Python's decoder recurses once per level of nesting, so a line of a thousand nested
arrays raises RecursionError; the nesting depth is measured first, in one pass that
stops at the limit. JSON may also escape half of a surrogate pair ("\\ud800"), which
decodes to a string no UTF-8 encoder accepts; such lone surrogates are replaced with
U+FFFD, one character for one, so offsets into the text are unchanged.
"""

from __future__ import annotations

import json
import re
from typing import Any

MAX_DEPTH = 32  # a document record is an object holding a list of objects at most
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class JSONDepthError(ValueError):
    """The JSON text nests arrays and objects deeper than allowed."""


def nesting_depth(text: str, stop: int = MAX_DEPTH + 1) -> int:
    """The deepest nesting of arrays and objects in `text`, counted up to `stop`."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    depth = deepest = 0
    for bracket in brackets:
        depth += 1 if bracket in "[{" else -1
        if depth > deepest:
            deepest = depth
            if deepest >= stop:
                break
    return deepest


def load_json(text: str, max_depth: int = MAX_DEPTH) -> Any:
    """`json.loads` that raises JSONDepthError, not RecursionError, on deep nesting."""
    if nesting_depth(text, max_depth + 1) > max_depth:
        raise JSONDepthError(f"JSON nested more than {max_depth} levels deep")
    return json.loads(text)


def replace_lone_surrogates(text: str) -> tuple[str, int]:
    """`text` with each lone surrogate replaced by U+FFFD, and how many there were."""
    return _LONE_SURROGATE.subn("\ufffd", text)
