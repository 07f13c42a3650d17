"""Implicit targets: whom an act is aimed at when no argument names anyone other than its source.

The people it names with no actor found in them ("kills three in Mosul", "detained 300
Muslims") or the crowd a sentence names, as civilians of the source's state; whom it is done
with at an encounter ("during talks with the Iranian president") or at the meeting it is the
purpose of ("meet with officials from the EU to discuss ..."); captives replaced by whoever
holds them ("hostages held by Abu Sayyaf"). Allies force is used for ("in support of the Iraqi
army", "alongside Kurdish fighters") and states named only as a scene ("a gunbattle along a
street in Baghdad") are told apart from whom the act is aimed at.
"""

from __future__ import annotations

from ..parse.tokens import Token
from ..records import Actor, Location
from .arguments import ArgumentRules
from .sentence import _known, _same_actor

_ENCOUNTER_PREPS = {"during", "at", "on", "after", "in"}  # "during talks with", "on a visit to"
# "struck rebels in support of the Iraqi army", "fought alongside Kurdish forces": the side force is used for
_ALLY_PHRASES = {("in", "support"), ("on", "behalf"), ("with", "help"), ("in", "coordination"),
                 ("in", "cooperation"), ("in", "concert"), ("with", "support")}
_ALLY_PREPS = {"alongside"}
_SCENE_PREPS = {"in", "at", "near", "along", "across", "inside", "outside", "around", "throughout"}


class ImplicitRules(ArgumentRules):
    """Finding implicit targets: the people, crowds and counterparts an act names, captors, allies, scenes."""

    def _undergoing(self, actor: Actor) -> Token | None:
        """The participle saying what an actor underwent ('a hunt for three UN workers kidnapped
        last month', 'hostages held by Abu Sayyaf'), if any: whom such people are sought or marched
        for is someone else."""
        token = self.resolver.head_of(actor)
        if token is None:
            return None
        return next((k for k in self.s.kids(token.i, "acl")
                     if k.tag == "VBN" and (k.lemma == "hold" or self._done_to(k, k.lemma))), None)

    def _captors(self, group: list[Actor]) -> list[Actor]:
        """The group with people held or seized by others replaced by whoever holds them ('raids to
        free hostages held by Abu Sayyaf': Abu Sayyaf), or left out when no one is named."""
        found: list[Actor] = []
        for actor in group:
            undergone = self._undergoing(actor)
            found += [actor] if undergone is None else self._agent(undergone)
        return found

    def _ally(self, actor: Actor) -> bool:
        """Whether an actor is the side force is used for: 'in support of the Iraqi army', 'on behalf
        of the government', 'alongside Kurdish fighters'."""
        token = self.resolver.head_of(actor)
        if token is None:
            return False
        for above in self.s.ancestors(token.i):
            if above.dep == "prep" and above.lemma in _ALLY_PREPS:
                return True
            if above.dep == "pobj" and (self.s.tokens[above.head].lemma, above.lemma) in _ALLY_PHRASES:
                return True
        return False

    def _in_scene(self, actor: Actor, trigger: Token) -> bool:
        """Whether a state is named only as where something in the act's phrase is ('a
        gunbattle along a street in Baghdad'), not as the act's own object."""
        token = self.resolver.head_of(actor)
        if token is None or actor.role is not None or token.dep != "pobj":
            return False
        for above in self.s.ancestors(token.i):
            if above.i == trigger.i:
                return False
            if above.dep == "prep" and above.lemma in _SCENE_PREPS:
                return True
        return False

    def _people_there(self, source: Actor, location: Location, path: list[Token]) -> Actor | None:
        """'Car bomb kills three in Mosul': an unidentified attacker of the state where it struck
        hit the people its act names there (civilians), not the state; None if it names no one."""
        if source.role != "UAF" or source.key != location.country:
            return None
        return self._people_named(source.key, path)

    def _crowd_named(self, source: Actor) -> list[Actor]:
        """The protesters a sentence names ('demonstrators', 'a demonstration'), as whom repression
        with no one else named is aimed at."""
        for token in self.s.tokens:
            if token.lemma in self.vocabulary.crowds:
                return [a for a in self.resolver.resolve(token.i) if not _same_actor(a, source)][:1] or [
                    self.resolver.actor_of(source.key, "CVL", token.start, token.end, "implied")]
            if token.lemma in self.vocabulary.words["protests"]:
                return [self.resolver.actor_of(source.key, "CVL", token.start, token.end, "implied")]
        return []

    def _people_named(self, key: str, path: list[Token], plural: bool = False) -> Actor | None:
        """The people (civilians of state `key`) an act's object names, when no actor was
        found in it: 'kills three', 'detained 300 Muslims'; None if it names no one. With
        `plural`, only a number, a name or a plural that names no act counts ('quell violence',
        'fired tear gas' name none)."""
        for verb in path:
            for victim in self.s.kids(verb.i, "dobj", "nsubjpass"):
                if plural and (victim.tag not in {"NNS", "NNPS", "CD"} and victim.pos != "PROPN"
                               or _known(victim.lemma, self.vocabulary.nouns) is not None):
                    continue
                # not the act itself: "renewed the detention order"
                if victim.pos in {"NOUN", "NUM", "PROPN"} and path[0].i not in self.s.subtree(victim.i):
                    first = self.s.tokens[min(self.s.subtree(victim.i, frozenset({"prep", "relcl", "acl"})))]
                    return self.resolver.actor_of(key, "CVL", first.start, victim.end, "implied")
        return None

    def _governor_partners(self, trigger: Token) -> list[list[Actor]]:
        """Whom the verb an act is the purpose of is done with: 'meet with officials from the EU
        to discuss ...' is discussed with them."""
        head = self.s.tokens[trigger.head]
        if trigger.dep not in {"advcl", "xcomp"} or head.pos not in {"VERB", "AUX"} or \
                "04" not in self._roots(head.lemma, self.vocabulary.verbs) or \
                not any(k.lemma == "to" for k in self.s.kids(trigger.i, "aux")):
            return []
        return self._via_preps(head, ("with",))

    def _counterparts(self, path: list[Token]) -> list[list[Actor]]:
        """Whom an act is done with when it is done at an encounter: 'proposed a ceasefire
        during talks with the Iranian president', 'signed a deal on a visit to Beijing'."""
        groups = []
        for clause in path:
            for prep in self.s.kids(clause.i, "prep"):
                if prep.lemma not in _ENCOUNTER_PREPS:
                    continue
                for pobj in self.s.kids(prep.i, "pobj"):
                    if "04" in self._roots(pobj.lemma, self.vocabulary.nouns):
                        groups += self._via_preps(pobj, ("with", "to", "between"))
        return groups
