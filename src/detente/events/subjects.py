"""Subjects and agents: who does an act, as the parse names them.

Subjects (inherited through control and coordination, or through a relative pronoun's
antecedent), a passive's "by" agent (or whoever wielded the weapon it names), a headline's
or a reduced clause's participle that says what was done to its subject, the author of a
document, and a noun's own sources: its possessor, "by" phrase or actor modifiers (a city
naming force is where it was, not who did it).
"""

from __future__ import annotations

from dataclasses import replace

from ..parse.tokens import PARTICIPLE_ENDINGS, Token
from ..records import Actor
from .sentence import _known
from .wording import _FORCE_ROOTS, WordingRules

_LIGHT_VERB_DEPS = {"dobj", "nsubjpass", "attr", "oprd"}
_RELATIVE_PRONOUNS = {"which", "who", "that", "whom"}
_ARMED_ROLES = {"MIL", "INS", "REB", "SEP", "UAF"}
_DONE_TO_ROOTS = {"17", "18", "19", "20"}  # acts that need someone to act on: coercion and force
_DONE_TO_CODES = {"084", "085", "174", "111", "112"}  # releasing, expelling, criticizing, accusing
_TIME_PREPS = {"after", "before", "since", "upon"}  # "sent troops after accusing X": the sender accuses


class SubjectRules(WordingRules):
    """Finding who does an act: subjects, agents, authors and a noun's sources."""

    def _subjects(self, verb: Token) -> list[Actor]:
        """Actors of the verb's subject, inherited through control and coordination."""
        seen = set()
        coordinated = False  # reached through "and": "was indicted and will resign"
        while verb.i not in seen:
            seen.add(verb.i)
            subject = self._first(verb, "nsubj", "csubj")
            if subject is not None and subject.lemma in _RELATIVE_PRONOUNS:
                # "the activist whom police detained", read with two subjects: the second is the doer
                subject = next((k for k in self.s.kids(verb.i, "nsubj") if k.i > subject.i), subject)
            if subject is not None and self._reduced_passive(verb):
                return self._agent(verb)  # "Japanese citizen taken hostage": done to the citizen
            if subject is not None:
                if subject.lemma in _RELATIVE_PRONOUNS and verb.dep == "relcl":
                    return self.resolver.resolve(self._antecedent(subject, verb))
                return self.resolver.resolve(subject.i) or self._author(subject)
            patient = self._first(verb, "nsubjpass")
            if patient is not None:  # a passive's doer is its agent; "was indicted ... and will resign"
                return self.resolver.resolve(patient.i) if coordinated else self._agent(verb)
            misread = self._misread_subject(verb)
            if misread is not None:
                return self.resolver.resolve(misread.i)
            head = self.s.tokens[verb.head]
            if verb.dep == "xcomp":
                controller = self._first(head, "dobj", "nsubjpass")  # "urged Russia to", "Russia was urged to"
                if controller is None:  # "called on Russia to", "appealed to Russia to"
                    controller = next(iter(self._pobjs(head, ("on", "upon", "to"))), None)
                # "urged Russia to ...", "stopped Bolivians firing rockets": the object acts
                if controller is not None and self._modal(head) in {"appeal", "demand", "command", "compel", "permit",
                                                                      "halt", "future"}:
                    return self.resolver.resolve(controller.i)  # also "Obama is expected (set) to meet Putin"
                verb = head
            elif verb.dep == "pcomp":  # "accused of committing": the accused commits
                governor = self.s.tokens[head.head]
                # "sent troops after accusing X", "was hunted after being accused": whoever sent them, whoever
                # is hunted
                accused = self._first(governor, "nsubj", "nsubjpass") if head.lemma in _TIME_PREPS else \
                    self._first(governor, "nsubjpass") or self._first(governor, "dobj")
                if accused is not None:
                    return self.resolver.resolve(accused.i)
                if governor.dep == "acl" and governor.tag == "VBN" and head.lemma not in _TIME_PREPS:
                    return self.resolver.resolve(governor.head)  # "a man suspected of helping X": the man
                verb = governor
            elif verb.dep == "conj" and head.dep == "acl" and head.tag == "VBG" and verb.tag in {"VB", "VBP", "VBZ"} \
                    and not self.s.kids(verb.i, "aux"):
                # "forces confiscate a train carrying migrants and disarm its guards": a present tense is
                # no participle's partner; the parser hung it there, and it shares the outer verb's subject
                outer = next((t for t in self.s.ancestors(head.i) if t.pos in {"VERB", "AUX"}), None)
                if outer is None:
                    return []
                verb = outer
            elif self._past_partner(verb) is not None:
                verb = self._past_partner(verb)
            elif verb.dep in {"acomp", "attr", "oprd"} or (verb.dep in {"conj", "advcl"} and head.pos == "VERB"):
                coordinated = verb.dep == "conj"
                # "Moscow was ready to ...": the copula's subject; coordinated verbs share one; a participle
                # right after a clause's comma is that clause's ("... after the region was submerged, killing 700")
                verb = self._clause_before(verb) or head
            elif verb.dep == "acl" and verb.tag == "VBN" and self._done_to(verb, verb.lemma):
                return self._agent(verb)  # "soldiers killed in bombings": done to them
            elif verb.dep == "acl" and head.pos in {"NOUN", "PROPN"}:
                # "issued a declaration demanding ...": the declaration's author demands
                found = self._noun_sources(head)
                if found or head.dep not in _LIGHT_VERB_DEPS:
                    return found
                verb = self.s.tokens[head.head]
            else:
                return []
        return []

    def _past_partner(self, verb: Token) -> Token | None:
        """The past tense a past tense really joins, where the parser made it an infinitive's or a
        participle's conjunct: 'urged China to resume talks and pressed Beijing to ...' (pressed
        joins urged). None if it is no such conjunct."""
        head = self.s.tokens[verb.head]
        if verb.dep != "conj" or verb.tag != "VBD" or self.s.kids(verb.i, "aux") or not (
                head.tag == "VBG" or any(k.lemma == "to" for k in self.s.kids(head.i, "aux"))):
            return None
        return next((t for t in self.s.ancestors(head.i) if t.tag == "VBD"), None)

    def _clause_before(self, participle: Token) -> Token | None:
        """The clause a sentence-final participle follows after a comma, where the parser hung both on
        the main verb: 'launched an appeal after two-thirds of Bangladesh was submerged, killing 700'."""
        if participle.dep != "advcl" or participle.tag != "VBG" or self.s.kids(participle.i, "mark"):
            return None
        before = [c for c in self.s.kids(participle.head, "advcl") if c.i < participle.i]
        if not before or participle.i < 2 or self.s.tokens[participle.i - 1].text != ",":
            return None
        clause = before[-1]
        return clause if max(self.s.subtree(clause.i)) == participle.i - 2 else None

    def _misread_subject(self, verb: Token) -> Token | None:
        """An actor's name opening a clause with no subject, that the tagger took for an adverb
        or a loose modifier because it does not know the word: 'USAID provided tents ...'."""
        if verb.dep != "ROOT" or verb.pos != "VERB":
            return None
        return next((k for k in self.s.kids(verb.i, "advmod", "npadvmod", "dep", "nmod")
                     if k.i < verb.i and k.i in self.resolver.word_entry), None)

    def _done_to(self, verb: Token, lemma: str) -> bool:
        """Whether a verb only names acts done to someone (coercion, force, release, expulsion):
        its participle describes who underwent it. Only the senses of its particle count: "shot
        dead" is force whatever "shot down a proposal" is."""
        known = _known(lemma, self.vocabulary.verbs)
        if known is None:
            return False
        particle = self._particle(verb)
        senses = [p for p in self.vocabulary.verbs[known] if p.particle == (particle.lemma if particle else None)]
        return bool(senses) and all(p.cameo[:2] in _DONE_TO_ROOTS or p.cameo[:3] in _DONE_TO_CODES for p in senses)

    def _headline_passive(self, verb: Token, lemma: str) -> bool:
        """'Australian reporter freed in Iraq', 'Saddam aide arrested', 'Annan urged to play a
        larger role': a headline drops the auxiliary, so an act that needs someone to act on,
        or an appeal to act, with a subject and no object, was done to its subject."""
        # an object after the verb's preposition is the parser's ('CIA accused over Iraq detainees')
        preps = [p.i for p in self.s.kids(verb.i, "prep")]
        objects = [o for o in self.s.kids(verb.i, "dobj") if not any(p < o.i for p in preps)]
        if verb.tag not in {"VBD", "VBN"} or objects or not self.s.kids(verb.i, "nsubj"):
            return False
        if ("verb", lemma) in self.vocabulary.mutual or not self.context.headline:
            return False
        urged = self._modal(verb) in {"appeal", "demand"} and any(
            k.lemma == "to" for clause in self.s.kids(verb.i, "xcomp") for k in self.s.kids(clause.i, "aux"))
        return urged or self._done_to(verb, lemma)

    def _antecedent(self, pronoun: Token, clause: Token) -> int:
        """The noun a relative clause's 'that' or 'which' stands for: the noun right before it, where
        the parser hung the clause on a noun further back ('an analysis by the FBI of the siege that
        killed 340 people': the siege)."""
        before = self.s.tokens[pronoun.i - 1] if pronoun.i > 0 else None
        if pronoun.lemma in {"that", "which"} and before is not None and before.pos == "NOUN" and \
                before.i != clause.head and before.dep == "pobj":
            return before.i
        # "an attack on a mosque in Sialkot that killed 30": the attack, not the thing it hit
        thing = self.s.tokens[clause.head]
        forceful = bool(self._roots(clause.lemma, self.vocabulary.verbs) & _FORCE_ROOTS)
        while forceful and pronoun.lemma in {"that", "which"} and thing.dep == "pobj" and \
                _known(thing.lemma, self.vocabulary.nouns) is None and \
                self.resolver.role_of(thing.i) not in _ARMED_ROLES:
            act = self.s.tokens[self.s.tokens[thing.head].head]
            if act.pos == "NOUN" and _known(act.lemma, self.vocabulary.nouns) is not None:
                return act.i
            thing = act
        return clause.head

    def _bare_role(self, noun: Token) -> bool:
        """Whether a noun is a bare singular role noun, what someone is held as: 'hostage', 'prisoner'."""
        return noun.tag == "NN" and noun.lemma in self.resolver.actors.roles and \
            not self.s.kids(noun.i, "det", "nummod")

    def _reduced_passive(self, verb: Token) -> bool:
        """'Japanese citizen taken hostage in Iraq', 'three workers abducted last month are still
        held': a participle with a subject and no auxiliary says what was done to its subject. The
        tagger reads most as past tenses, so the spelling must say so ('taken', not 'ordered them
        jailed'), or the subject must go on to a present tense or to a verb with no 'and'."""
        if verb.tag not in {"VBN", "VBD"} or not self.s.kids(verb.i, "nsubj") or self.s.kids(verb.i, "aux", "auxpass"):
            return False
        objects = self.s.kids(verb.i, "dobj")
        if verb.lemma in self.vocabulary.words["captive_verbs"] and len(objects) == 1 and self._bare_role(objects[0]):
            return True  # "two reporters held hostage in Iraq": the bare noun says what the subject was held as
        if verb.text.lower().endswith(PARTICIPLE_ENDINGS):  # not the small clause of "ordered them taken away"
            return verb.dep not in {"ccomp", "xcomp"} or verb.head > self.s.kids(verb.i, "nsubj")[0].i
        if self.s.kids(verb.i, "dobj"):
            return False
        if any(not self.s.kids(conj.i, "nsubj", "nsubjpass") and any(a.tag in {"VBP", "VBZ"} for a in self.s.kids(
                conj.i, "aux", "auxpass")) for conj in self.s.kids(verb.i, "conj")):
            return True
        # done to it, the subject goes on to a past tense that no 'and' or 'after' joins ("four US servicemen
        # wounded last week in Fallujah described intense fighting")
        return self._done_to(verb, verb.lemma) and not self.s.kids(verb.i, "cc") and any(
            clause.tag == "VBD" and not self.s.kids(clause.i, "nsubj", "nsubjpass", "mark")
            for clause in self.s.kids(verb.i, "conj", "advcl"))

    def _agent(self, verb: Token) -> list[Actor]:
        """Who did what a passive verb says: its 'by' phrase, or, when that names a weapon,
        whoever wielded it ('blown up by a missile fired by rebels')."""
        for agent in self.s.kids(verb.i, "agent"):
            for pobj in self.s.kids(agent.i, "pobj"):
                known = _known(pobj.lemma, self.vocabulary.nouns) is not None
                # "killed by Israeli tank fire": the act's doer is named before it or by its 'by' phrase,
                # not after it ("killed by a mortar attack on a US base" hit the base)
                found = self.resolver.resolve(pobj.i)
                if known and not self.resolver.own_role(pobj.i):
                    found = [a for a in found if a.start < pobj.start] or self._noun_agents(pobj)
                if found and all(a.via == "adjective" and a.end <= pobj.start for a in found) \
                        and self.resolver.role_of(pobj.i) is None and not known:
                    continue  # "shot dead by a Saudi shopping centre": beside a thing, not by anyone
                if found and any(a.via != "role" for a in found):
                    return found
                for i in self.s.subtree(pobj.i):  # a guess from a weapon's role is weaker than its wielder
                    if self.s.tokens[i].dep == "agent" and i != agent.i:
                        wielders = [a for k in self.s.kids(i, "pobj") for a in self.resolver.resolve(k.i)]
                        if wielders:
                            return wielders
                return found
        return []

    def _author(self, document: Token) -> list[Actor]:
        """Who speaks through a document that names no author itself: 'a report released by HRW',
        'a report released in the Rwandan capital'."""
        if document.pos not in {"NOUN", "PROPN"} or self._modal(document) != "report":
            return []
        for clause in self.s.kids(document.i, "acl"):
            found = self._agent(clause)
            for pobj in self._pobjs(clause) if not found else []:
                found = [a for a in self.resolver.resolve(pobj.i) if a.via != "role"]
                if found:
                    break
            if found:
                return found
        return []

    def _noun_sources(self, noun: Token) -> list[Actor]:
        """Who does what a noun names: its possessor or 'by' phrase, else an actor modifying it."""
        return self._noun_agents(noun) or self._noun_modifiers(noun)

    def _noun_agents(self, noun: Token) -> list[Actor]:
        """A noun's possessor ('Russia's invasion'), else its 'by' phrase."""
        for kid in self.s.kids(noun.i, "poss"):
            return self.resolver.resolve(kid.i)
        return self._by_agents(noun)

    def _by_agents(self, noun: Token) -> list[Actor]:
        for prep in self.s.kids(noun.i, "prep"):
            if prep.lemma == "by":
                for pobj in self.s.kids(prep.i, "pobj"):
                    return self.resolver.resolve(pobj.i)
        return []

    def _noun_modifiers(self, noun: Token) -> list[Actor]:
        """Named actors modifying a noun: 'Russian aggression' (not 'military exercises')."""
        for kid in self.s.kids(noun.i, "amod", "compound", "nmod"):
            actors = [a for a in self.resolver.resolve(kid.i) if a.via != "role"]
            if actors and self._names_force(noun):  # "a Baghdad rocket attack": where, not the government
                # nor do states set off bombs: "Iraq bombings" are where (an "Israeli raid" is Israel's)
                deed = self._act_named(noun) if kid.dep == "compound" else None
                terror = deed is not None and deed.cameo[:2] == "18"
                actors = [replace(a, role=None, code=a.key, via="place")
                          if a.via == "seat" or (terror and a.via == "name" and a.role is None
                                                  and self.resolver.actors.kinds.get(a.key) == "state")
                          else a for a in actors]
            if actors:
                return actors
        return []
