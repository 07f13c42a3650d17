"""The attribute ruler's rules (tag -> part of speech, morphology, some lemmas) applied with
a lookup instead of spaCy's Matcher, with the same result.

spaCy's AttributeRuler runs every one of its rules (179 in en_core_web_sm) over every token,
testing "LOWER in [...]" with a Python call each: a sixth of detente's parse time. Almost
every rule looks at one token's TAG, LOWER, DEP or IS_SPACE only, so the rules that match a
token are a function of those four values and are worked out once per combination; the
few others (over two tokens, or with a regular expression) keep a Matcher of their own.
The matched rules are applied in the ruler's own order, later rules winning.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

FACTORY = "detente_rule_attributes"
_LOOKED_UP = {"TAG": "tag_", "LOWER": "lower_", "DEP": "dep_", "IS_SPACE": "is_space"}

Key = tuple[str, str, str, bool]  # a token's tag, lower-case form, dependency and is_space


class RuleAttributes:
    """A spaCy component doing what `ruler` does."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.attrs = ruler.attrs
        self.indices = ruler.indices
        self.tests: list[tuple[int, frozenset[str] | None, Callable[[Key], bool]]] = []  # one-token rules, in order
        self.tests_by_tag: dict[str, list[tuple[int, Callable[[Key], bool]]]] = {}  # those a tag allows
        self.matcher = Matcher(ruler.vocab)  # the rest
        self.strings = ruler.vocab.strings
        self.cache: dict[Key, tuple[int, ...]] = {}
        for number, rule in enumerate(ruler.patterns):
            patterns = rule["patterns"]
            test = _single_token_test(patterns[0][0]) if len(patterns) == 1 and len(patterns[0]) == 1 else None
            if test is not None and self.indices[number] in (0, -1):
                tags = patterns[0][0].get("TAG")
                self.tests.append((number, None if tags is None else frozenset(_values(tags)), test))
            else:
                self.matcher.add(str(number), patterns)

    def __call__(self, doc: Doc) -> Doc:
        matches = [(int(self.strings[key]), start, end) for key, start, end in self.matcher(doc, allow_missing=True)]
        for token in doc:
            key = (token.tag_, token.lower_, token.dep_, token.is_space)
            numbers = self.cache.get(key)
            if numbers is None:
                numbers = self.cache[key] = tuple(number for number, test in self._tests_for(key[0]) if test(key))
            matches.extend((number, token.i, token.i + 1) for number in numbers)
        matches.sort()
        for number, start, end in matches:
            target: Token = doc[start] if end - start == 1 else doc[start:end][self.indices[number]]
            set_token_attrs(target, self.attrs[number])
        return doc


    def _tests_for(self, tag: str) -> list[tuple[int, Callable[[Key], bool]]]:
        if tag not in self.tests_by_tag:
            self.tests_by_tag[tag] = [(n, test) for n, tags, test in self.tests if tags is None or tag in tags]
        return self.tests_by_tag[tag]


def _values(value: Any) -> list[Any]:
    return list(value["IN"]) if isinstance(value, dict) else [value]


def _single_token_test(pattern: dict[str, Any]) -> Callable[[Key], bool] | None:
    """A test of a token's key for a one-token pattern, or None if the pattern looks at more."""
    checks: list[tuple[int, Any]] = []
    for attribute, value in pattern.items():
        if attribute not in _LOOKED_UP:
            return None
        position = list(_LOOKED_UP).index(attribute)
        if isinstance(value, dict) and set(value) != {"IN"}:
            return None
        checks.append((position, frozenset(_values(value))))
    return lambda key: all(key[position] in allowed for position, allowed in checks)


@Language.factory(FACTORY)
def make_rule_attributes(nlp: Language, name: str) -> RuleAttributes:
    return RuleAttributes(nlp.get_pipe("attribute_ruler"))


def replace_attribute_ruler(nlp: Language) -> None:
    """Put RuleAttributes where the pipeline's attribute ruler is, built from its rules."""
    if "attribute_ruler" in nlp.pipe_names and isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler):
        nlp.add_pipe(FACTORY, before="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
