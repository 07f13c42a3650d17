"""Cheap sentence splitting with the pipeline's tokenizer, before any parse.

Paragraph breaks (blank lines) and single line breaks after a headline (a title-case
line with no final punctuation) end a sentence; other line breaks are wrapping. So do
'.', '!' and '?' followed by a token that can start a sentence. Abbreviations such as
"U.S." stay whole because the tokenizer keeps them as one token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from spacy.language import Language


_ENDERS = {".", "!", "?", "...", "…"}
_CLOSERS = {'"', "'", "”", "’", ")", "]"}
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int  # character offsets into the document text
    end: int
    paragraph: int
    words: tuple[str, ...]  # token texts, for the pre-parse filter

    def text_of(self, document_text: str) -> str:
        return document_text[self.start:self.end]


def is_headline(line: str) -> bool:
    """A title-case line with no final punctuation: 'Russia Suspends Its Mission', also with
    the agency's credit after it: 'Annan Urged to Play Larger Role (AP)'; or a short line in
    sentence case: 'CIA accused over Iraq detainees'."""
    line = _TRAILING_CREDIT.sub("", line)
    words = [w for w in line.split() if w[:1].isalpha()]
    if not words or line.rstrip()[-1:] in ".!?:;,\"”’)":
        return False
    return sum(w[0].isupper() for w in words) >= 0.6 * len(words) or (len(words) <= 8 and words[0][0].isupper())


def blocks(text: str) -> list[tuple[int, int]]:
    """Paragraphs and headline lines as (start, end) offsets, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    spans = [piece for start, end in spans for piece in _split_headlines(text, start, end)]
    trimmed = []
    for start, end in spans:
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            offset = start + chunk.index(stripped)
            trimmed.append((offset, offset + len(stripped)))
    return trimmed


def _split_headlines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces, begin = [], start
    for match in re.finditer(r"\n", text[start:end]):
        cut = start + match.start()
        if is_headline(text[begin:cut]):
            pieces.append((begin, cut))
            begin = cut + 1
    pieces.append((begin, end))
    return pieces


# "KABUL, Afghanistan - ", "BAGHDAD (Reuters) - ", "AP - ": where a wire story was filed, not who acted
_DATELINE = re.compile(r"^(?P<wire>[A-Z][A-Za-z ]{0,30} - )?"  # a wire's name: "Canadian Press - "
                       r"[A-Z][A-Z.'’ /-]*[A-Z.]"  # the place, in capitals ("BANGKOK/JEDDAH": filed in two)
                       r"(?:,[^!?\n(]{1,40}?)?(?: ?\([^)\n]{1,30}\))?(?: ?:[^-–—\n]{0,30})? ?(?:--|-|–|—|:) ")
# "TAIPEI A strong earthquake ...", "JERUSALEM Israel's parliament ...": a city in capitals
# before the first sentence with no mark between; only a known place makes it a dateline
_BARE_DATELINE = re.compile(r"^(?P<place>[A-Z][A-Z.'’-]{2,}(?: [A-Z][A-Z.'’-]+){0,2})"
                            r"(?:, (?P<region>[A-Z][a-z]+(?: [A-Z][a-z]+)?))? (?=[A-Z\"“‘'])")  # "BAGHDAD, Iraq An ..."
# "Reuters - Police said ...", "... in Darfur (AFP)": a credit that may name a news agency
_LEADING_CREDIT = re.compile(r"^(?P<name>[A-Z][\w.]*(?: [A-Z][\w.]*){0,2}) ?(?:--|-|–|—) ")
_TRAILING_CREDIT = re.compile(r" ?\((?P<name>[A-Z][\w.]*(?: [A-Z][\w.]*){0,2})\)\s*$")


def dateline_place(text: str, is_place: Callable[[str], bool] = lambda name: False) -> tuple[int, int]:
    """Where the place of a leading dateline starts (after any wire's name: "Canadian
    Press" is no actor) and where the dateline ends; (0, 0) if the sentence has none.
    A dateline with no mark after it counts when `is_place` knows the place and the
    sentence goes on in lower case (an all-capitals headline has no dateline)."""
    match = _DATELINE.match(text)
    if match is not None:
        return match.end("wire") if match.group("wire") else 0, match.end()
    bare = _BARE_DATELINE.match(text)
    if bare is not None and any(c.islower() for c in text[bare.end():]) and (
            is_place(bare.group("place")) or bare.group("region") is not None and is_place(bare.group("region"))):
        # "UNITED NATIONS, New York The United Nations has ...": a known place after the comma will do
        return 0, bare.end()
    return 0, 0


def blank_dateline(text: str, is_agency: Callable[[str], bool] = lambda name: False,
                   is_place: Callable[[str], bool] = lambda name: False) -> str:
    """The sentence with a leading dateline and news agencies' credits ("Reuters - ",
    "(AFP)") blanked out (offsets kept), for the parser: where a story was filed and who
    carried it are no one's act."""
    end = dateline_place(text, is_place)[1]
    lead = _LEADING_CREDIT.match(text, end) if end == 0 else None
    if lead is not None and is_agency(lead.group("name")):
        end = lead.end()
    text = " " * end + text[end:]
    tail = _TRAILING_CREDIT.search(text)
    if tail is not None and is_agency(tail.group("name")):
        text = text[:tail.start()] + " " * (tail.end() - tail.start())
    return text


def sentence_case(text: str, keep: list[tuple[int, int]]) -> str:
    """A headline in sentence case, for the parser: 'Poland Expels Belarusian Diplomat' parses
    as a noun phrase, 'Poland expels belarusian diplomat' as a clause. Words inside `keep`
    (names), acronyms and the first word keep their case; every offset stays the same."""
    chars = list(text)
    for match in re.finditer(r"\b[A-Z][a-z]+\b", text):
        start, end = match.span()
        if start == 0 or any(s <= start < e for s, e in keep):
            continue
        lowered = text[start:end].lower()
        if len(lowered) == end - start:
            chars[start:end] = lowered
    return "".join(chars)


def split_sentences(nlp: Language, text: str, max_tokens: int = 150) -> list[Sentence]:
    """Sentences of `text` with their offsets; very long runs are cut at `max_tokens`."""
    sentences: list[Sentence] = []
    for paragraph, (block_start, block_end) in enumerate(blocks(text)):
        doc = nlp.tokenizer(text[block_start:block_end])
        begin = 0
        tokens = list(doc)  # one Token object each: spaCy builds a new one on every access
        words = [t.text for t in tokens]
        for i, token in enumerate(tokens):
            last = i == len(tokens) - 1
            ends = words[i] in _ENDERS or (words[i] in _CLOSERS and i > 0 and words[i - 1] in _ENDERS)
            if not last and ends:
                following = next((t for t in tokens[i + 1:] if not t.is_space), tokens[i + 1])
                ends = following.text not in _CLOSERS and (following.is_title or following.is_upper or
                                                           following.is_digit or following.is_punct)
            if last or ends or i + 1 - begin >= max_tokens:
                content = [k for k in range(begin, i + 1) if not tokens[k].is_space]
                if content:
                    start = block_start + tokens[content[0]].idx
                    end = block_start + token.idx + len(words[i])
                    sentences.append(Sentence(len(sentences), start, end, paragraph, tuple(words[k] for k in content)))
                begin = i + 1
    return sentences
