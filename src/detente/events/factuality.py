"""Factuality: whether an event is asserted, negated, hypothetical, future or alleged, from
the words on its clause and the clauses that govern it.

Negation and "no", counterfactual frames ("rather than", "instead of"), modal auxiliaries
("could", "might"), conditional marks ("if", "unless"), hedging adverbs ("allegedly") and
modifiers of an event noun ("potential", "planned"); what is only asked in return ("as a
condition for"). What governing verbs do to factuality ("refused to", "hope to", the
background an apology answers) is governors.py and governing.py. An act that is only the subject of what
someone says it was ("the war was illegal") is background.
"""

from __future__ import annotations

from ..parse.tokens import Token
from .sentence import SentenceState

_HYPOTHETICAL_AUX = {"could", "might", "may", "can"}
_FUTURE_AUX = {"will", "shall", "'ll", "would", "'d"}  # "would" is the future of reported speech
_CONDITIONAL_MARKS = {"if", "unless", "whether", "until"}
_TIME_MARKS = {"when", "once", "after", "before"}
_WILL = {"will", "shall", "'ll"}


class FactualityRules(SentenceState):
    """The factuality the words around an event give it."""

    def _modality(self, path: list[Token], trigger: Token, factuality: str, threat: bool = False) -> str:
        """The factuality the words around an event give it; a conditional threat ('may halt
        mediation if ...') is asserted as a threat, whatever its modal."""
        if trigger.pos in {"NOUN", "PROPN"}:
            for kid in self.s.kids(trigger.i, "amod", "det"):
                if kid.lemma in self.vocabulary.words["hypothetical_modifiers"]:
                    return "hypothetical"
                if kid.lemma in self.vocabulary.words["future_modifiers"] and factuality == "asserted":
                    factuality = "future"
                if kid.lemma == "no":
                    return "negated"
            if self._condition_of(trigger) or self._conditional(trigger):
                return "hypothetical"
            if self._upcoming(trigger) and factuality == "asserted":
                factuality = "future"
        for node in [*path, *(head for node in path for head in self._shared_negation(node))]:
            if self._instead(node):
                return "negated"
            if factuality == "asserted" and self._when_to_come(node):
                factuality = "future"
            for kid in self.s.kids(node.i):
                word = kid.text.lower()
                if kid.dep == "neg":
                    if factuality == "negated" and node.i != trigger.i and self._modal(node) == "negated":
                        factuality = "alleged"  # "did not deny that the army shelled it": a denial withheld
                        continue
                    return "negated"
                if kid.dep == "aux" and word in _HYPOTHETICAL_AUX and not threat:
                    return "hypothetical"
                if kid.dep == "mark" and (word in _CONDITIONAL_MARKS or self._as_long_as(node, word)):
                    return "hypothetical"
                if kid.dep == "advmod" and word in self.vocabulary.words["alleged_adverbs"] and \
                        factuality == "asserted":
                    factuality = "alleged"
        return factuality

    def _conditional(self, noun: Token) -> bool:
        """Whether an event noun is the subject of a condition: 'if the attacks continue'."""
        clause = self.s.tokens[noun.head]
        return noun.dep in {"nsubj", "nsubjpass"} and any(
            k.dep == "mark" and (k.lemma in _CONDITIONAL_MARKS or self._as_long_as(clause, k.lemma))
            for k in self.s.kids(clause.i))

    def _as_long_as(self, node: Token, mark: str) -> bool:
        """'as long as Israeli attacks continue', 'so long as': a condition, not a report."""
        return mark == "as" and node.dep == "advcl" and self.s.tokens[node.head].lemma == "long"

    def _when_to_come(self, node: Token) -> bool:
        """'... will top the agenda when Zapatero welcomes Chirac': a time clause of what will be
        happens then too."""
        head = self.s.tokens[node.head]
        return node.dep == "advcl" and node.tag in {"VBZ", "VBP"} and \
            any(k.dep in {"mark", "advmod"} and k.lemma in _TIME_MARKS for k in self.s.kids(node.i)) and \
            any(k.dep == "aux" and k.text.lower() in _WILL for k in self.s.kids(head.i))

    def _shared_negation(self, node: Token) -> list[Token]:
        """The verb a conjunct with no subject or auxiliary of its own shares a negation with: 'will
        not dismantle its programs or improve ties' (not 'did not attack but threatened')."""
        head = self.s.tokens[node.head]
        if node.dep != "conj" or self.s.kids(node.i, "nsubj", "nsubjpass", "aux", "neg") or \
                not any(k.lemma in {"or", "nor", "and"} for k in self.s.kids(head.i, "cc")) or \
                any(k.lemma in {"but", "yet"} for k in self.s.kids(head.i, "cc")):
            return []
        return [head] if self.s.kids(head.i, "neg") else []

    def _instead(self, node: Token) -> bool:
        """'Rather than pressuring Sudan, ...', 'Instead of condemning Israel, ...': the act named
        is the one not done."""
        prep = self.s.tokens[node.head]
        if node.dep != "pcomp" or prep.lemma not in {"than", "of"}:
            return False
        return any(k.lemma in {"rather", "instead"} for k in self.s.kids(prep.i, "advmod"))

    def _condition_of(self, noun: Token) -> bool:
        """Whether an event noun is what is asked in return: 'as a condition for their release',
        'in exchange for the release of prisoners'."""
        prep = self.s.tokens[noun.head]
        if noun.dep != "pobj" or prep.lemma not in {"for", "of"}:
            return False
        head = self.s.tokens[prep.head]
        # not "returned to Geneva for talks"
        return head.pos == "NOUN" and head.lemma in self.vocabulary.words["condition_nouns"]

    def _upcoming(self, noun: Token) -> bool:
        """Whether an event noun is still to come: 'on the eve of the visit', 'ahead of talks'."""
        prep = self.s.tokens[noun.head]
        return noun.dep == "pobj" and prep.lemma == "of" and \
            self.s.tokens[prep.head].lemma in self.vocabulary.words["upcoming_heads"]

    def _characterized(self, noun: Token) -> bool:
        """'(Annan said) the US war in Iraq is illegal', 'the invasion was a mistake': an act that
        is only the subject of what someone says it was is background, not news (the saying
        may be: an accusation)."""
        head = self.s.tokens[noun.head]
        return noun.dep == "nsubj" and head.lemma == "be" and bool(self.s.kids(head.i, "acomp", "attr"))
