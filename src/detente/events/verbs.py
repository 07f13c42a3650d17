"""Which sense of a verb applies and what it is done to: verbs that only name what their
object is ("called the decision unconstitutional"), the object a clause gives ("allowed
Ouattara to run"), whom a verb of helping helps, warnings of what others do, and perfects
that describe an actor rather than tell news."""

from __future__ import annotations

from ..parse.tokens import Token
from ..records import Actor
from .arguments import ArgumentRules
from .patterns import NO_OBJECT, Pattern, needs_object
from .sentence import _known


class VerbRules(ArgumentRules):
    """The senses and objects of verbs."""

    def _names_as(self, verb: Token, pattern: Pattern) -> bool:
        """'Trump called the ambassador a stupid guy', 'called the decision unconstitutional': a
        verb that says what its object is does none of its acts, unless a pattern lists that word
        (asked of 'call' only: 'shot dead', 'set free' say what the act made of it)."""
        predicates = self.s.kids(verb.i, "oprd")
        named = {self.s.tokens[i].lemma for predicate in predicates for i in self.s.subtree(predicate.i)}
        return bool(predicates) and bool(self.s.kids(verb.i, "dobj")) and not named & pattern.objects

    def _purpose_of_same_act(self, verb: Token, pattern: Pattern) -> bool:
        """'met Erdogan in Sochi to discuss Syria': a meeting's purpose is what it was about, the
        same act again, not a second one still to come."""
        head = self.s.tokens[verb.head]
        return pattern.cameo[:2] == "04" and verb.dep == "advcl" and head.pos == "VERB" and \
            any(k.lemma == "to" for k in self.s.kids(verb.i, "aux")) and \
            "04" in self._roots(head.lemma, self.vocabulary.verbs)

    def _own_people(self, obj: Token, sources: list[Actor]) -> bool:
        """Whether an object is the sources' own state's people ('Americans', 'its citizens')."""
        people = self.resolver.resolve(obj.i)
        return bool(people) and all(a.key in {s.key for s in sources} and a.role in {None, "CVL"} for a in people)

    def _guest(self, verb: Token) -> bool:
        """Whether 'visiting' describes whom one meets ('met with visiting X'), which the
        parser reads as the subject visiting X."""
        prep = self.s.tokens[verb.head]
        return verb.tag == "VBG" and verb.dep == "pcomp" and prep.lemma == "with"

    def _commits_to_act(self, verb: Token) -> bool:
        """Whether a verb of intent governs a 'to' clause: a comment verb ('agreed') that commits
        its subject to an act no pattern codes is an intent to cooperate; a coded act derives its own."""
        return self._modal(verb) == "intent" and any(
            k.lemma == "to" for clause in self.s.kids(verb.i, "xcomp") for k in self.s.kids(clause.i, "aux"))

    def _shared_passive(self, verb: Token) -> Token | None:
        """The passive subject a participle shares with the passive verb it is coordinated
        with: 'were killed or wounded' (not 'was indicted and will resign')."""
        head = self.s.tokens[verb.head]
        if verb.dep != "conj" or verb.tag != "VBN" or self.s.kids(verb.i, "nsubj", "nsubjpass", "aux", "dobj"):
            return None
        return self._first(head, "nsubjpass") if self.s.kids(head.i, "auxpass") else None

    def _clause_object(self, verb: Token, lemma: str, particle: Token | None,
                       pattern: Pattern | None) -> tuple[Token | None, Pattern | None]:
        """'allowed Ouattara to run', 'let refugees return': the subject of the clause a verb
        governs is its object, when a specific pattern names it (or the clause's verb)."""
        for clause in self.s.kids(verb.i, "ccomp", "xcomp"):
            subject = self._first(clause, "nsubj")
            if subject is None:
                continue
            words = [*self._object_words(subject), clause.lemma]
            specific = self._choose(self.vocabulary.verbs[lemma], particle.lemma if particle else None, words)
            if specific is not None and needs_object(specific):
                return subject, specific
        return None, pattern

    def _sense_by_phrase(self, verb: Token, lemma: str, particle: Token | None,
                         pattern: Pattern | None) -> Pattern | None:
        """'withdrew from the talks', 'pulled out of the negotiations', 'protested to China': with no
        object, what a verb's phrase names picks its sense where a specific pattern names it and lists
        that preposition (not 'withdrew from Iraq', 'protested in Paris')."""
        heads = [verb] if particle is None else [verb, particle]
        phrases = [(prep.lemma, pobj) for head in heads for prep in self.s.kids(head.i, "prep")
                   for pobj in self.s.kids(prep.i, "pobj")]
        for prep, pobj in phrases:
            specific = self._choose(self.vocabulary.verbs[lemma], particle.lemma if particle else None,
                                    self._object_words(pobj))
            if specific is not None and specific.objects and specific.objects != NO_OBJECT and \
                    prep in specific.preps and specific.particle == (particle.lemma if particle else None):
                return specific  # and not "ended up in emergency rooms": a particle of its own is another verb
        return pattern

    def _warns_of_others(self, verb: Token, sources: list[Actor]) -> bool:
        """Whether a verb of threatening with no one addressed tells of what others do or what
        happens ('warned that the strong dollar would hurt exports'), not of the speaker's own act."""
        own = {a.key for a in sources}
        for clause in self.s.kids(verb.i, "ccomp"):
            subject = self._first(clause, "nsubj", "nsubjpass")
            if subject is None or subject.pos == "PRON":  # "warned it would counter": most often its own act
                continue
            speakers = {a.key for a in self.resolver.resolve(subject.i) if (head := self.resolver.head_of(a)) is None
                        or head.i == subject.i}  # not "Australia's dollar": a thing of Australia's
            if not speakers & own:
                return True
        return False

    def _helped(self, verb: Token) -> Token | None:
        """Whom a verb of helping helps when its clause names them: 'helped Syria fight the rebels'."""
        return next((s for c in self.s.kids(verb.i, "xcomp", "ccomp") if (s := self._first(c, "nsubj"))), None)

    def _helps_talk(self, verb: Token) -> bool:
        """'to help broker an end to the fighting': who helps consult, negotiate or mediate (root 04,
        every sense of the verb) takes part in it, which is the act, not aid ('help rebuild' is aid)."""
        for clause in self.s.kids(verb.i, "xcomp"):
            if self._roots(clause.lemma, self.vocabulary.verbs) == {"04"}:
                return True
        return False

    def _describes_actor(self, verb: Token) -> bool:
        """'the militant group that has seized parts of Iraq': a perfect in a relative clause on
        an actor describes who the actor is, not what the news reports."""
        head = self.s.tokens[verb.head]
        if verb.dep != "relcl" or _known(head.lemma, self.vocabulary.nouns):
            return False  # "attacks that have killed 430 people" are the news
        if self.resolver.resolve_one(head.i) is None:
            return False
        return any(k.lemma == "have" for k in self.s.kids(verb.i, "aux"))

    def _by_phone(self, verb: Token) -> bool:
        """'spoke by phone with', 'talked over the telephone': a consultation by telephone (041)."""
        phones = self.vocabulary.words["phones"]
        return any(pobj.lemma in phones for prep in self.s.kids(verb.i, "prep") if prep.lemma in {"by", "over", "on"}
                   for pobj in self.s.kids(prep.i, "pobj"))

    def _what_is(self, clause: Token) -> bool:
        """Whether a clause only says what something is ('that Taiwan is a Chinese province'), with
        no modal ('must be') to make it asked for."""
        return clause.lemma == "be" and clause.tag in {"VBZ", "VBP", "VBD"} and \
            bool(self.s.kids(clause.i, "attr", "acomp")) and not self.s.kids(clause.i, "aux")  # not "demanded it be"
