"""Bounding the work per token before spaCy sees a text.

spaCy's tokenizer strips punctuation from a word one mark at a time, searching the rest
of the word again each time, so a word of n punctuation marks costs n²: "?" × 8,000
takes 15 s. Before any tokenizing, a run of more than MAX_RUN of one character keeps its
first MAX_RUN, and a word (non-space characters) longer than MAX_WORD keeps its first
MAX_WORD; the rest is blanked with spaces. The text keeps its length and every other
character, so offsets found in it are offsets into the original document.
"""

from __future__ import annotations

import re
from collections.abc import Callable

DEFAULT_TIME_BUDGET = 120.0  # seconds of coding per document; the Coder skips a slower one
MAX_RUN = 10  # "1000000000" stays whole; "??????????????" does not
MAX_WORD = 60  # longer than any name or trigger; a long URL is cut, which codes no event

_RUN = re.compile(r"([^ ])\1{%d,}" % MAX_RUN)
_WORD = re.compile(r"(?<!\S)\S{%d,}" % (MAX_WORD + 1))


def _cut(keep: int) -> Callable[[re.Match[str]], str]:
    def blank(match: re.Match[str]) -> str:
        found = match.group(0)
        return found[:keep] + " " * (len(found) - keep)
    return blank


_CUT_RUN = _cut(MAX_RUN)
_CUT_WORD = _cut(MAX_WORD)


def bound_text(text: str) -> str:
    """`text` with long runs of one character and long words cut, blanked in place."""
    return _WORD.sub(_CUT_WORD, _RUN.sub(_CUT_RUN, text))
