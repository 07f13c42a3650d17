"""Pattern words: the words of an object or a noun's complements that pick a pattern, and the
act a noun names.

The base of the argument rules (arguments.py, subjects.py): a verb's particle, an object's
head, modifiers, 'of' phrase and the sum it names (an actor's name reads as the actor a
list names: "defended Russia" as "defended the government"), a noun's modifiers and
complements, the pattern the first of them picks, and the act a noun names (whether it
names force).
"""

from __future__ import annotations

from ..parse.tokens import Token
from .patterns import NO_OBJECT, Pattern
from .sentence import SentenceState, _known

_FORCE_ROOTS = {"18", "19", "20"}
# the word a pattern's object list uses for an actor named by its name: "defended Russia" reads as
# "defended the government", "ousted Mursi" as "ousted the leader"
NAMED_AS = {"state": "government", "organisation": "organization", "person": "leader", "place": "government",
            "region": "region"}  # a region of several states is no one government
_PARTICLES = {"out", "off", "down", "up", "back", "away", "over", "in"}


class WordingRules(SentenceState):
    """The words that pick a pattern, and the act a noun names."""

    def _particle(self, verb: Token) -> Token | None:
        """The verb's particle; "out" in "pulled out of" is often parsed as a preposition, "aside"
        in "brushed aside" as an adverb."""
        particle = self._first(verb, "prt")
        if particle is None:
            particle = next((p for p in self.s.kids(verb.i, "prep")
                             if p.lemma in _PARTICLES and not self.s.kids(p.i, "pobj")), None)
        if particle is None:
            particle = next((a for a in self.s.kids(verb.i, "advmod") if a.lemma == "aside"), None)
        return particle

    def _modifier_words(self, token: Token) -> list[str]:
        return [k.lemma for k in self.s.kids(token.i, "compound", "amod")]

    def _object_words(self, obj: Token | None) -> list[str]:
        """The object's head, its modifiers (outermost first) and its 'of' phrase: 'tons of food aid'."""
        if obj is None:
            return []
        words = [obj.lemma, obj.text.lower(), *self._modifier_words(obj)]  # "the wounded" is lemmatized "wound"
        for prep in self.s.kids(obj.i, "prep"):
            if prep.lemma == "of":
                for pobj in self.s.kids(prep.i, "pobj"):
                    words += [pobj.lemma, *self._modifier_words(pobj)]
        words += [k.lemma for k in self._what_sum(obj)]
        if self._names_actor(obj):  # "defended Russia": as "defended the government"
            words.append(NAMED_AS[self.resolver.word_entry[obj.i][1].kind])
        if obj.tag in {"NNS", "NNPS"} and obj.i in self.resolver.word_entry and \
                self.resolver.word_entry[obj.i][1].via == "adjective":
            words.append("national")  # "seized three Britons": as "seized three nationals"
        return words

    def _what_sum(self, obj: Token) -> list[Token]:
        """What a sum is, named by its 'in' phrase: 'paid $600 million in compensation to Namibia'."""
        if obj.pos != "NUM":
            return []
        return [k for prep in [*self.s.kids(obj.i, "prep"), *self.s.kids(obj.head, "prep")] if prep.lemma == "in"
                for k in self.s.kids(prep.i, "pobj")]

    def _names_actor(self, obj: Token) -> bool:
        """Whether an object is an actor's name itself ('Russia', 'Mursi'), not a thing it modifies."""
        return obj.i in self.resolver.word_entry and obj.pos == "PROPN"

    def _complement_words(self, noun: Token) -> list[str]:
        """A noun's modifiers (outermost first: 'joint military exercises' is joint), the common noun that
        possesses it ('the pilots' strike') and its complements."""
        words = self._modifier_words(noun) + [k.lemma for k in self.s.kids(noun.i, "poss") if k.pos == "NOUN"]
        for prep in self.s.kids(noun.i, "prep"):
            if prep.lemma in {"of", "on"}:
                words += [k.lemma for k in self.s.kids(prep.i, "pobj")]
        return words

    def _choose(self, patterns: list[Pattern], particle: str | None, words: list[str]) -> Pattern | None:
        """The pattern for the first word (in order of preference) that some pattern names."""
        fitting = [p for p in patterns if p.particle == particle or (p.particle is None and particle is None)]
        # a particle no pattern names keeps the plain verb's sense ("pulled back"), except "off",
        # which makes another verb of most ("blast off", "buy off", "set off"), and "up" of some
        # ("freed up beds", "held up talks")
        if not fitting and particle is not None and particle != "off" and not (
                particle == "up" and patterns and patterns[0].lemma in self.vocabulary.words["up_other_verbs"]):
            fitting = [p for p in patterns if p.particle is None]
        for word in words:
            for pattern in fitting:
                if word in pattern.objects:
                    return pattern
        general = [p for p in fitting if not p.objects or (p.objects == NO_OBJECT and not words)]
        return general[0] if general else None

    @staticmethod
    def _roots(lemma: str, table: dict[str, list[Pattern]]) -> set[str]:
        """The CAMEO roots a word's patterns in `table` code (none if it has none)."""
        known = _known(lemma, table)
        return {p.cameo[:2] for p in table[known]} if known is not None else set()

    def _names_force(self, noun: Token) -> bool:
        return bool(self._roots(noun.lemma, self.vocabulary.nouns) & _FORCE_ROOTS)

    def _act_named(self, noun: Token) -> Pattern | None:
        """The pattern of the act a noun names, chosen by its complements ('a car bombing' is 1832,
        'an air bombing' 195); None if it names none."""
        lemma = _known(noun.lemma, self.vocabulary.nouns)
        return self._choose(self.vocabulary.nouns[lemma], None, self._complement_words(noun)) if lemma else None
