"""Governors: the verbs and nouns above an event's trigger, and what each does to it.

A clause is governed through clause links ("hope to", "said that", "urged Y to") and an event
noun through a preposition ("agreed to a ceasefire", "called for talks"); each governor has an
effect (vocabulary's modal verbs: intent, appeal, demand, report ...). What a verdict judges,
what an apology or a charge answers and what people are punished for are earlier acts:
background. governing.py applies the effects.
"""

from __future__ import annotations

from ..parse.tokens import Token
from .arguments import ArgumentRules
from .sentence import _known
from .subjects import _LIGHT_VERB_DEPS

# Links from a clause up to the verb (or noun: "intention to") that governs it. Adverbial
# clauses (but for purpose: "to discuss") and relative clauses are not governed: "comes
# after NATO expelled" asserts the expulsion.
_CLAUSE_LINKS = {"xcomp", "ccomp", "conj", "pcomp", "acl", "acomp"}
_DERIVING = ("intent", "appeal", "demand", "command", "reject", "halt")
_REASON_PREPS = {"for", "over"}  # "apologized for killing", "condemned over shooting": an earlier act
_CIRCUMSTANCE_PREPS = {"before", "after", "since", "despite", "without", "while", "following", "besides"}


class GovernorRules(ArgumentRules):
    """What governs an event, and what each governor does."""

    def _governors(self, anchor: Token) -> list[tuple[Token, str | None]]:
        """Verbs (and nouns like 'intention') above the anchor through clause links."""
        chain = []
        current = anchor
        governor = self._prepositional_governor(anchor)
        if governor is not None:
            for obj in self.s.kids(governor.i, "dobj"):  # "ordered a halt to the strike": halting it is ordered
                if obj.i != anchor.i and self._modal(obj) in _DERIVING:
                    chain.append((obj, self._modal(obj)))
            chain.append((governor, self._modal(governor)))
            current = governor
        while (current.dep in _CLAUSE_LINKS or self._purpose(current)) and current.head != current.i:
            if current.dep == "acl" and current.tag == "VBN":
                break  # "a deal brokered by China": the participle says what the deal was, not what it intends
            head = self.s.tokens[current.head]
            if self._purpose(current) and not self._message_says(current):
                chain.append((current, "future"))  # "demanded a meeting to discuss ...": discussing is only intended
            if current.dep == "pcomp" and head.lemma in _CIRCUMSTANCE_PREPS:
                if head.lemma == "before":  # "demanded a truce before allowing aid": not demanded, not done
                    chain.append((current, "future"))
                break
            if current.dep == "pcomp" and head.dep == "prep":
                if head.lemma == "for" and self._punishes(self.s.tokens[head.head]):
                    chain.append((current, "alleged"))  # "jailed for helping militants": the charge
                elif head.lemma in _REASON_PREPS and self._answers(self.s.tokens[head.head]):
                    chain.append((current, "background"))  # "apologized for killing": the apology is the news
                elif head.lemma == "of" and self._verdict(self.s.tokens[head.head]):
                    chain.append((current, "background"))  # "found guilty of torturing": the verdict is the news
                head = self.s.tokens[head.head]
            if current.dep == "conj":
                current = self._past_partner(current) or head
                continue
            if current.dep == "xcomp" and head.lemma == "be" and \
                    any(k.lemma == "to" for k in self.s.kids(current.i, "aux")):
                chain.append((current, "future"))  # "X was to address the nation": planned, not done
            chain.append((head, self._effect(head)))
            current = head
            if head.pos in {"NOUN", "PROPN"} and head.dep in _LIGHT_VERB_DEPS:  # "give permission to ..."
                current = self.s.tokens[head.head]
                chain.append((current, self._modal(current)))  # the noun itself was counted just above
        return chain

    def _prepositional_governor(self, noun: Token) -> Token | None:
        """The verb that governs a noun through a preposition: 'agreed to a ceasefire', 'called for talks'."""
        if noun.dep != "pobj":
            return None
        prep = self.s.tokens[noun.head]
        verb = self.s.tokens[prep.head]
        if prep.lemma == "behind" and verb.lemma == "be":  # "Hamas was behind the attack": Hamas did it
            return verb
        effect = self._modal(verb)
        # "X was responsible for mass killings": an adjective that only carries the act to its clause's subject
        carrier = verb.pos == "ADJ" and verb.dep == "acomp" and effect == "light"
        if (verb.pos not in {"VERB", "AUX"} and not carrier) or effect not in (*_DERIVING, "light", "future"):
            return None
        if effect == "future":  # "Karzai set for a visit to Pakistan": planned
            return verb if prep.lemma == "for" else None
        # "agreed to", "called for", "insisted on"; "engaged in talks" and "held civilians as
        # human shields" only for light verbs, not "lifted sanctions in recognition of ..."
        if prep.lemma in {"to", "for", "on", "upon"} or (effect == "light" and prep.lemma in {"in", "into", "as"}):
            return verb
        return None

    def _punishes(self, verb: Token) -> bool:
        """Whether a verb punishes: bans, arrests, jails, sentences, expels (CAMEO 172-174; not 'set fire')."""
        lemma = _known(verb.lemma, self.vocabulary.verbs)
        return lemma is not None and any(p.cameo[:3] in {"172", "173", "174"} for p in self.vocabulary.verbs[lemma])

    def _verdict(self, word: Token) -> bool:
        """Whether a word gives a verdict: 'convicted', 'found guilty' (the parser hangs the 'of'
        phrase on 'found' or 'guilty'); not 'was guilty of violating the ceasefire', which says it
        happened."""
        verdicts = self.vocabulary.words["verdicts"]
        if word.pos == "ADJ":
            return word.lemma in verdicts and word.dep == "oprd"
        return word.lemma in verdicts or any(k.lemma in verdicts for k in self.s.kids(word.i, "oprd"))

    def _charged_over(self, noun: Token) -> bool:
        """Whether a noun names what people are punished or charged for ("'Hundreds to be charged' over
        Thai protest", "jailed for the bombing"): the news is the charge; the act is background."""
        prep = self.s.tokens[noun.head]
        verb = self.s.tokens[prep.head]
        return noun.dep == "pobj" and prep.lemma in _REASON_PREPS and verb.pos == "VERB" and \
            (self._punishes(verb) or self._modal(verb) == "alleged")

    def _answers(self, verb: Token) -> bool:
        """Whether a verb is an event of its own that answers an earlier act named in its 'for'
        phrase ('apologized for', 'praised for', 'condemned over'), not a verb of saying or alleging."""
        return verb.pos in {"VERB", "AUX"} and self._modal(verb) is None and \
            _known(verb.lemma, self.vocabulary.verbs) is not None

    def _purpose(self, clause: Token) -> bool:
        return clause.dep == "advcl" and any(k.lemma == "to" for k in self.s.kids(clause.i, "aux"))

    def _message_says(self, purpose: Token) -> bool:
        """Whether a purpose is what a message sent says: 'sent a message to congratulate him' did
        congratulate him."""
        verb = self.s.tokens[purpose.head]
        return verb.lemma in self.vocabulary.words["sending"] and any(
            k.lemma in self.vocabulary.words["messages"] for k in self.s.kids(verb.i, "dobj"))

    def _effect(self, governor: Token) -> str | None:
        """A verb's effect, or its object's: 'reiterated its demand that ...' demands."""
        effect = self._modal(governor)
        if effect in {None, "report"}:
            for obj in self.s.kids(governor.i, "dobj"):
                if self._modal(obj) in _DERIVING:
                    return self._modal(obj)
        return effect
