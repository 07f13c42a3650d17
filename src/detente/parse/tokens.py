"""Parsed sentences as records: the only code that reads spaCy's parse objects."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.tokens import Token as SpacyToken



@dataclass(frozen=True, slots=True)
class Token:
    i: int  # index in the sentence
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int  # index of the head in the sentence; the root points to itself
    start: int  # character offsets into the document text
    end: int


@dataclass(frozen=True, slots=True)
class ParsedSentence:
    index: int
    start: int
    end: int
    paragraph: int
    tokens: tuple[Token, ...]
    children: tuple[tuple[int, ...], ...] = field(default=(), repr=False)

    @classmethod
    def build(cls, index: int, start: int, end: int, paragraph: int,
              tokens: Sequence[Token]) -> ParsedSentence:
        kids: list[list[int]] = [[] for _ in tokens]
        for token in tokens:
            if token.head != token.i:
                kids[token.head].append(token.i)
        return cls(index, start, end, paragraph, tuple(tokens), tuple(tuple(k) for k in kids))

    def kids(self, i: int, *deps: str) -> list[Token]:
        """Children of token i, optionally only those with one of `deps`."""
        return [self.tokens[k] for k in self.children[i] if not deps or self.tokens[k].dep in deps]

    def subtree(self, i: int, stop: frozenset[str] = frozenset()) -> list[int]:
        """Indexes of token i and its descendants, not descending into deps in `stop`."""
        found, todo = [], [i]
        while todo:
            current = todo.pop()
            found.append(current)
            todo.extend(k for k in self.children[current] if self.tokens[k].dep not in stop)
        return sorted(found)

    def ancestors(self, i: int) -> Iterator[Token]:
        while self.tokens[i].head != i:
            i = self.tokens[i].head
            yield self.tokens[i]


def to_parsed(doc: Doc, index: int, offset: int, paragraph: int, original: str | None = None) -> ParsedSentence:
    """A spaCy Doc of one sentence, starting at `offset` in its document, as a record; token
    texts come from `original` when the parser was given a recased copy of it."""
    source = original if original is not None else doc.text
    tokens = [Token(t.i, source[t.idx:t.idx + len(t.text)], t.lemma_.lower(), *_part_of_speech(t), t.dep_, t.head.i,
                    offset + t.idx, offset + t.idx + len(t.text))
              for t in doc]
    return ParsedSentence.build(index, offset, offset + len(doc.text), paragraph, tokens)


# no past tense ends so, many participles do: taken, given, shown, sworn
PARTICIPLE_ENDINGS = ("en", "wn", "rn")


def _part_of_speech(token: SpacyToken) -> tuple[str, str]:
    """The token's part of speech and tag; a noun heading a clause with a subject and an object
    or particle is a present-tense verb the tagger misread ('Canada and the EU hand over 40
    trucks'), and a past tense describing a noun with no subject of its own is a participle
    ('two aid workers kidnapped last month'), as is one only a participle can be spelt as
    ('Japanese citizen taken hostage')."""
    if token.pos_ == "NOUN":
        deps = {child.dep_ for child in token.children}
        if "nsubj" in deps and deps & {"dobj", "prt"}:
            return "VERB", "VBZ" if token.tag_ == "NNS" else "VBP"
    elif token.tag_ == "VBD" and (token.text.lower().endswith(PARTICIPLE_ENDINGS) or token.dep_ == "acl" and
                                  not any(child.dep_ in {"nsubj", "nsubjpass"} for child in token.children)):
        return token.pos_, "VBN"
    return token.pos_, token.tag_


def parse_sentences(nlp: Language, items: Iterable[tuple[str, str, int, int, int]],
                    batch_size: int = 64) -> Iterator[ParsedSentence]:
    """Parse (text for the parser, original text, index, offset, paragraph) items in batches.
    Items are drawn as the parser needs them (a batch ahead), so the caller may stop
    sending a document's sentences while earlier ones are parsed."""
    pending: deque[tuple[str, str, int, int, int]] = deque()

    def texts() -> Iterator[str]:
        for item in items:
            pending.append(item)
            yield item[0]

    for doc in nlp.pipe(texts(), batch_size=batch_size):
        _, original, index, offset, paragraph = pending.popleft()
        yield to_parsed(doc, index, offset, paragraph, original)
