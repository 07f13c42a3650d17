"""Which sentences can hold an event, decided from their words before any parse.

A sentence is parsed only if it has a word that can trigger an event and a word that can
stand for an actor. Each is an over-approximation of what the event extractor can use after
the parse, so that no event is lost:

- a trigger is a word outside the actor names whose lemma has an event pattern; a lemma
  whose patterns all need a particular object ("take control") counts only when one of
  those words is in the sentence too, and a verb of saying only with what makes speech an
  event ("must", a blame topic);
- an actor is a dictionary name, a pronoun, a nominal or role noun ("the alliance",
  "officials"), or a capitalised gazetteer place (an attack in a place has an attacker).

Words are matched in every form the pipeline's lemmatizer could bring back to the lemma:
the inverse of its suffix rules and its exception tables for that part of speech, so
"met", "fought", "chairmen" and "seized" are all known.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

_PARTS_OF_SPEECH = ("noun", "verb", "adj")


@dataclass(frozen=True, slots=True)
class Trigger:
    """A lemma that can trigger an event; `needs`: lemmas one of which must be in the sentence
    for it to (empty: none)."""

    lemma: str
    pos: str  # "verb" or "noun"
    needs: frozenset[str] = frozenset()


class Inflections:
    """The forms the pipeline's rule lemmatizer turns into a lemma, by part of speech."""

    def __init__(self, nlp: Language) -> None:
        self.rules: dict[str, list[tuple[str, str]]] = {}
        self.exceptions: dict[str, dict[str, set[str]]] = {}
        lookups = nlp.get_pipe("lemmatizer").lookups if "lemmatizer" in nlp.pipe_names else None
        for pos in _PARTS_OF_SPEECH:
            rules = lookups.get_table("lemma_rules").get(pos, []) if lookups and lookups.has_table("lemma_rules") else []
            self.rules[pos] = [(old, new) for old, new in rules]
            inverse: dict[str, set[str]] = {}
            table = lookups.get_table("lemma_exc").get(pos, {}) if lookups and lookups.has_table("lemma_exc") else {}
            for form, lemmas in table.items():
                for lemma in lemmas:
                    inverse.setdefault(lemma, set()).add(form)
            self.exceptions[pos] = inverse

    def forms(self, lemma: str, pos: str) -> set[str]:
        found = {lemma} | self.exceptions[pos].get(lemma, set())
        found |= {lemma[:len(lemma) - len(new)] + old for old, new in self.rules[pos] if lemma.endswith(new)}
        return found

    def any_forms(self, lemma: str) -> set[str]:
        return set().union(*(self.forms(lemma, pos) for pos in _PARTS_OF_SPEECH))


class Prefilter:
    def __init__(self, nlp: Language, triggers: Iterable[Trigger], actor_words: Iterable[str],
                 places: Collection[str]) -> None:
        inflections = Inflections(nlp)
        needs: dict[str, set[str]] = {}
        self.triggers: set[str] = set()  # forms that trigger whatever else the sentence holds
        for trigger in triggers:
            forms = inflections.forms(trigger.lemma, trigger.pos)
            if not trigger.needs:
                self.triggers |= forms
                continue
            wanted = {form for lemma in trigger.needs for form in inflections.any_forms(lemma)}
            for form in forms:
                needs.setdefault(form, set()).update(wanted)
        self.needs = {form: frozenset(wanted) for form, wanted in needs.items() if form not in self.triggers}
        self.actor_words = {form for word in actor_words for form in inflections.forms(word.lower(), "noun")}
        self.places = places  # lower-case names, matched as a capitalised run of words
        self.place_words = min(max((len(p.split()) for p in places), default=0), 4)

    def keep(self, words: Sequence[str], names: Sequence[tuple[int, int]], unknown_names: bool = False) -> bool:
        """Whether a sentence of `words` with actor names at (first, last) word indexes can
        hold an event; with `unknown_names` (monadic coding) any name may be an actor, so a
        trigger is enough."""
        lowered = [w.lower() for w in words]
        in_name = {i for first, last in names for i in range(first, last + 1)}
        present = set(lowered)
        if not any(i not in in_name and self._triggers(w, present) for i, w in enumerate(lowered)):
            return False
        return unknown_names or bool(names) or not self.actor_words.isdisjoint(present) or \
            self._has_place(words, lowered)

    def _triggers(self, word: str, present: set[str]) -> bool:
        return word in self.triggers or (word in self.needs and not self.needs[word].isdisjoint(present))

    def _has_place(self, words: Sequence[str], lowered: list[str]) -> bool:
        for i, word in enumerate(words):
            if word[:1].isupper():
                for size in range(1, self.place_words + 1):
                    if " ".join(lowered[i:i + size]) in self.places:
                        return True
        return False
