"""The attribute ruler's rules (tag -> part of speech, morphology, some lemmas) applied with
a lookup instead of spaCy's Matcher, with the same result.

spaCy's AttributeRuler runs every one of its rules (179 in en_core_web_sm) over every token,
testing "LOWER in [...]" with a Python call each: a sixth of detente's parse time. Every
token pattern of the rules (all of them in en_core_web_sm, also those over two tokens)
looks at one token's TAG, LOWER, DEP or IS_SPACE only, with a value, IN, NOT_IN or REGEX;
so which token patterns a token matches is a function of those four values: worked out
once per value of each (a bit mask of the patterns it allows) and once per combination (the
masks' intersection), then reused. A rule over two tokens matches where consecutive tokens
match its token patterns. Rules with anything else keep a Matcher of their own. The matched
rules are applied in the ruler's own order, later rules winning.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

FACTORY = "detente_rule_attributes"
_LOOKED_UP = ("TAG", "LOWER", "DEP", "IS_SPACE")  # the key's fields, in order

Value = str | bool
# a key field and the values it allows, or a test of its value (NOT_IN, REGEX)
Condition = tuple[int, frozenset[Value] | Callable[[Value], bool]]


@dataclass(frozen=True, slots=True)
class _Slot:
    """One token pattern: position `position` of a pattern `length` tokens long of rule `number`."""

    number: int
    position: int
    length: int


@dataclass(frozen=True, slots=True)
class _Found:
    """What the rules make of a token with one key."""

    mask: int  # the token patterns (slots) it matches, a bit each
    numbers: tuple[int, ...]  # one-token rules it matches, in order
    attrs: dict[Any, Any]  # their attributes, later rules winning
    starts: tuple[int, ...]  # slots of longer patterns whose first token it matches


class RuleAttributes:
    """A spaCy component doing what `ruler` does."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.attrs = ruler.attrs
        self.indices = ruler.indices
        self.strings = ruler.vocab.strings
        self.slots: list[_Slot] = []
        self.allowing: list[dict[Value, int]] = [{} for _ in _LOOKED_UP]  # by field: value -> slots naming it
        self.tests: list[list[tuple[int, Callable[[Value], bool]]]] = [[] for _ in _LOOKED_UP]  # by field: (bit, test)
        constrained = [0 for _ in _LOOKED_UP]
        self.matcher = Matcher(ruler.vocab)  # rules with patterns beyond the key
        for number, rule in enumerate(ruler.patterns):
            patterns = [[_conditions(token) for token in pattern] for pattern in rule["patterns"]]
            one_token_elsewhere = self.indices[number] not in (0, -1) and any(len(p) == 1 for p in patterns)
            if one_token_elsewhere or any(c is None for pattern in patterns for c in pattern):
                self.matcher.add(str(number), rule["patterns"])
                continue
            for pattern in patterns:
                for position, conditions in enumerate(pattern):
                    bit = 1 << len(self.slots)
                    self.slots.append(_Slot(number, position, len(pattern)))
                    for field, condition in conditions or ():
                        constrained[field] |= bit
                        if isinstance(condition, frozenset):
                            for value in condition:
                                self.allowing[field][value] = self.allowing[field].get(value, 0) | bit
                        else:
                            self.tests[field].append((bit, condition))
        every = (1 << len(self.slots)) - 1
        self.unconstrained = [every & ~bits for bits in constrained]
        self.masks: list[dict[Value, int]] = [{} for _ in _LOOKED_UP]  # by field, the slots a value allows
        self.found: dict[tuple[int, int, int, bool], _Found] = {}  # by (tag, lower, dep, is_space) ids

    def __call__(self, doc: Doc) -> Doc:
        found = [self._found(token) for token in doc]
        extra: dict[int, list[int]] = {}  # token index -> rules over several tokens (or the Matcher's) aimed at it
        for key, start, end in self.matcher(doc, allow_missing=True) if len(self.matcher) else ():
            number = int(self.strings[key])
            extra.setdefault(self._target(number, start, end), []).append(number)
        for start, first in enumerate(found):
            for slot in first.starts:
                number, end = self.slots[slot].number, start + self.slots[slot].length
                if end <= len(found) and all(found[start + k].mask >> (slot + k) & 1 for k in range(1, end - start)):
                    extra.setdefault(self._target(number, start, end), []).append(number)
        for token, own in zip(doc, found):
            if token.i in extra:
                for number in sorted({*own.numbers, *extra[token.i]}):  # applying a rule twice changes nothing
                    set_token_attrs(token, self.attrs[number])
            elif own.attrs:  # the attributes are fields of their own, so applying them at once is the same
                set_token_attrs(token, own.attrs)
        return doc

    def _target(self, number: int, start: int, end: int) -> int:
        index = self.indices[number]
        return start + index if index >= 0 else end + index

    def _found(self, token: Token) -> _Found:
        key = (token.tag, token.lower, token.dep, token.is_space)
        known = self.found.get(key)
        if known is None:
            mask = -1
            for field, value in enumerate((token.tag_, token.lower_, token.dep_, token.is_space)):
                mask &= self._mask(field, value)
            slots = [(s, self.slots[s]) for s in _bits(mask)]
            numbers = tuple(sorted({slot.number for _, slot in slots if slot.length == 1}))
            attrs: dict[Any, Any] = {}
            for number in numbers:
                attrs.update(self.attrs[number])
            starts = tuple(s for s, slot in slots if slot.position == 0 and slot.length > 1)
            known = self.found[key] = _Found(mask, numbers, attrs, starts)
        return known

    def _mask(self, field: int, value: Value) -> int:
        mask = self.masks[field].get(value)
        if mask is None:
            mask = self.unconstrained[field] | self.allowing[field].get(value, 0)
            for bit, test in self.tests[field]:
                mask |= bit if test(value) else 0
            self.masks[field][value] = mask
        return mask


def _bits(mask: int) -> list[int]:
    """The set bits' positions, lowest first."""
    found = []
    while mask:
        lowest = mask & -mask
        found.append(lowest.bit_length() - 1)
        mask ^= lowest
    return found


def _conditions(pattern: dict[str, Any]) -> list[Condition] | None:
    """Tests of a token's key fields for one token pattern, or None if it looks at more."""
    conditions: list[Condition] = []
    for attribute, value in pattern.items():
        if attribute not in _LOOKED_UP:
            return None
        field = _LOOKED_UP.index(attribute)
        if not isinstance(value, dict):
            conditions.append((field, frozenset([value])))
        elif set(value) == {"IN"}:
            conditions.append((field, frozenset(value["IN"])))
        elif set(value) == {"NOT_IN"}:
            conditions.append((field, lambda v, banned=frozenset(value["NOT_IN"]): v not in banned))
        elif set(value) == {"REGEX"} and attribute != "IS_SPACE":  # the Matcher searches the string
            conditions.append((field, lambda v, regex=re.compile(value["REGEX"]): bool(regex.search(v))))
        else:
            return None
    return conditions


@Language.factory(FACTORY)
def make_rule_attributes(nlp: Language, name: str) -> RuleAttributes:
    return RuleAttributes(nlp.get_pipe("attribute_ruler"))
