"""Accidents: happenings that kill or damage with no one using force.

An explosion, a fire, an earthquake or a named storm ("Hurricane Maria") as what did it, and
the participles of its clause ("an earthquake rocked the island, damaging buildings"), is no
use of force, unless an attacker is named or something makes it an attack ("a bomb
explosion", "a suicide blast", "an explosion caused by rebels", "a Taliban blast"); a place
or state modifying it only says where it was ("Panama flooding").
"""

from __future__ import annotations

from ..parse.tokens import Token
from ..records import Actor
from .arguments import ArgumentRules
from .subjects import _RELATIVE_PRONOUNS


class AccidentRules(ArgumentRules):
    """Telling accidents, happenings with no attacker, from force."""

    def _accident(self, verb: Token) -> bool:
        """Whether what did it is a happening, not an actor: 'an explosion (a fire, an
        earthquake) killed ...' with no attacker named and nothing making it an attack ('a
        bomb explosion', 'a suicide blast', 'an explosion caused by rebels')."""
        hazards = self.vocabulary.hazards
        head = self.s.tokens[verb.head]
        if verb.dep == "advcl" and verb.tag == "VBG" and hazards.get(head.lemma) == "hazard" and \
                not self.s.kids(head.i, "dobj"):  # "a plane crashed into a mountain, killing 25"
            subject = self._first(head, "nsubj")
            return subject is None or not any(hazards.get(w) == "deliberate" for w in
                                              [subject.lemma, *self._modifier_words(subject)])
        clause = verb  # "an earthquake rocked the island, damaging buildings and injuring people": its participles
        while clause.tag == "VBG" and clause.dep in {"advcl", "conj"} and self._first(clause, "nsubj") is None \
                and clause.head != clause.i:
            clause = self.s.tokens[clause.head]
        subject = self._first(clause, "nsubj")
        if subject is not None and subject.lemma in _RELATIVE_PRONOUNS and verb.dep == "relcl":
            subject = head  # "a fire which killed eight people"
        named = subject is not None and subject.pos == "PROPN" and any(  # "Hurricane Maria", "Typhoon Haiyan"
            hazards.get(k.lemma) == "hazard" for k in self.s.kids(subject.i, "compound"))
        if subject is None or (hazards.get(subject.lemma) != "hazard" and not named):
            return False
        if any(not self._where(a) for a in self._noun_sources(subject)):  # "a Taliban blast", not "Panama flooding"
            return False
        modifiers = [k.lemma for k in self.s.kids(subject.i, "compound", "amod", "nmod")]
        if any(hazards.get(m) == "deliberate" for m in modifiers):
            return False
        return not any(self._agent(clause) for clause in self.s.kids(subject.i, "acl"))

    def _where(self, actor: Actor) -> bool:
        """Whether an actor modifying a happening only says where it was: 'Panama flooding'."""
        return actor.via in {"place", "seat"} or (
            actor.role is None and self.resolver.actors.kinds.get(actor.key) == "state")
