"""Arguments and roles: who does an act and to whom, as the parse names them.

Subjects (inherited through control and coordination), a passive's "by" agent (or whoever
wielded the weapon it names), the author of a document, a noun's possessor, "by" phrase or
actor modifiers, the light verb of a noun, objects and what is inside them, prepositional
and dative targets; the words of an object or a noun's complements that pick a pattern
(an actor's name reads as the actor a list names; whatever is returned to an actor is
returned); who undergoes an act a noun names ("his arrest"); who cannot visit (forces,
things, migrants).
"""

from __future__ import annotations

from dataclasses import replace

from ..parse.tokens import PARTICIPLE_ENDINGS, Token
from ..records import Actor
from .patterns import NO_OBJECT, Pattern
from .sentence import SentenceState, _known

_FORCE_ROOTS = {"18", "19", "20"}
_LIGHT_VERB_DEPS = {"dobj", "nsubjpass", "attr", "oprd"}
_RELATIVE_PRONOUNS = {"which", "who", "that", "whom"}
# the word a pattern's object list uses for an actor named by its name: "defended Russia" reads as
# "defended the government", "ousted Mursi" as "ousted the leader"
NAMED_AS = {"state": "government", "organisation": "organization", "person": "leader", "place": "government",
            "region": "region"}  # a region of several states is no one government
_ARMED_ROLES = {"MIL", "INS", "REB", "SEP", "UAF"}
_STATE_ORGANS = {"GOV", "JUD", "LEG", "MIL", "COP"}
_IRREGULARS = _ARMED_ROLES - {"MIL"}  # armed groups that are not a state's forces
_MIGRANT_ROLES = frozenset({"REF"})  # refugees and migrants who arrive somewhere make no visit to its government
_RETURNING = "084"  # things returned or handed back: to whom the "to" phrase says
_PARTICLES = {"out", "off", "down", "up", "back", "away", "over", "in"}
_DONE_TO_ROOTS = {"17", "18", "19", "20"}  # acts that need someone to act on: coercion and force
_DONE_TO_CODES = {"084", "085", "174", "111", "112"}  # releasing, expelling, criticizing, accusing
_TIME_PREPS = {"after", "before", "since", "upon"}  # "sent troops after accusing X": the sender accuses


def _no_places(actors: list[Actor]) -> list[Actor]:
    """The actors that can act: a place named alone does nothing ('attacks on Mumbai trains that
    killed 188' were not India's); 'Darfur rebels', 'the Delhi government' do."""
    return [a for a in actors if a.via != "place" or a.role is not None]


class ArgumentRules(SentenceState):
    """Finding an event's pattern words, sources and named targets in the parse."""

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

    @staticmethod
    def _choose(patterns: list[Pattern], particle: str | None, words: list[str]) -> Pattern | None:
        """The pattern for the first word (in order of preference) that some pattern names."""
        fitting = [p for p in patterns if p.particle == particle or (p.particle is None and particle is None)]
        # a particle no pattern names keeps the plain verb's sense ("pulled back"), except "off",
        # which makes another verb of most ("blast off", "buy off", "set off")
        if not fitting and particle is not None and particle != "off":
            fitting = [p for p in patterns if p.particle is None]
        for word in words:
            for pattern in fitting:
                if word in pattern.objects:
                    return pattern
        general = [p for p in fitting if not p.objects or (p.objects == NO_OBJECT and not words)]
        return general[0] if general else None

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
                                                                      "halt"}:
                    return self.resolver.resolve(controller.i)
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
        verb = _known(clause.lemma, self.vocabulary.verbs)
        forceful = verb is not None and any(p.cameo[:2] in _FORCE_ROOTS for p in self.vocabulary.verbs[verb])
        while forceful and pronoun.lemma in {"that", "which"} and thing.dep == "pobj" and \
                _known(thing.lemma, self.vocabulary.nouns) is None and \
                self.resolver.role_of(thing.i) not in _ARMED_ROLES:
            act = self.s.tokens[self.s.tokens[thing.head].head]
            if act.pos == "NOUN" and _known(act.lemma, self.vocabulary.nouns) is not None:
                return act.i
            thing = act
        return clause.head

    def _reduced_passive(self, verb: Token) -> bool:
        """'Japanese citizen taken hostage in Iraq', 'three workers abducted last month are still
        held': a participle with a subject and no auxiliary says what was done to its subject. The
        tagger reads most as past tenses, so the spelling must say so ('taken', not 'ordered them
        jailed'), or the subject must go on to a present tense or to a verb with no 'and'."""
        if verb.tag not in {"VBN", "VBD"} or not self.s.kids(verb.i, "nsubj") or self.s.kids(verb.i, "aux", "auxpass"):
            return False
        objects = self.s.kids(verb.i, "dobj")
        if verb.lemma in self.vocabulary.words["captive_verbs"] and len(objects) == 1 and objects[0].tag == "NN" and \
                objects[0].lemma in self.resolver.actors.roles and not self.s.kids(objects[0].i, "det", "nummod"):
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

    def _names_force(self, noun: Token) -> bool:
        lemma = _known(noun.lemma, self.vocabulary.nouns)
        return lemma is not None and any(p.cameo[:2] in _FORCE_ROOTS for p in self.vocabulary.nouns[lemma])

    def _act_named(self, noun: Token) -> Pattern | None:
        """The pattern of the act a noun names, chosen by its complements ('a car bombing' is 1832,
        'an air bombing' 195); None if it names none."""
        lemma = _known(noun.lemma, self.vocabulary.nouns)
        return self._choose(self.vocabulary.nouns[lemma], None, self._complement_words(noun)) if lemma else None

    def _light_verb(self, noun: Token) -> Token | None:
        head = self.s.tokens[noun.head]
        if noun.dep in _LIGHT_VERB_DEPS and head.pos in {"VERB", "AUX"} and head.i != noun.i:
            return head
        return None

    def _purpose_of(self, noun: Token) -> list[Actor]:
        """The subject of the verb whose 'for' phrase the noun is: who came for the talks."""
        prep = self.s.tokens[noun.head]
        verb = self.s.tokens[prep.head]
        if noun.dep != "pobj" or prep.lemma != "for" or verb.pos not in {"VERB", "AUX"}:
            return []
        return self._subjects(verb)

    # Target finders return groups of actors in order of preference; the first group
    # with an actor other than the source is the target.
    def _expelled_from(self, verb: Token) -> list[Actor]:
        """Who expelled people a passive names no agent for: the state they were sent out of
        ('diplomats were expelled from Poland', 'ordered out of France')."""
        places = [pobj for prep in self.s.kids(verb.i, "prep") if prep.lemma in {"from", "out"}
                  for pobj in [*self.s.kids(prep.i, "pobj"),
                               *(p for of in self.s.kids(prep.i, "prep") if of.lemma == "of"
                                 for p in self.s.kids(of.i, "pobj"))]]
        return [replace(a, role="GOV", code=a.key + "GOV", via="implied")
                for place in places for a in self.resolver.resolve(place.i)
                if a.role is None and self.resolver.actors.kinds.get(a.key) == "state"]

    def _via_preps(self, token: Token, preps: tuple[str, ...]) -> list[list[Actor]]:
        # whoever holds a thing is aimed at before the place it is in ("rebel-held towns in Darfur"); people
        # held are themselves ("hostages held by his group")
        return [(self._holders(pobj) if pobj.lemma not in self.resolver.actors.roles else [])
                or self.resolver.resolve(pobj.i) or self._doers(pobj) or self._holders(pobj)
                for prep in self.s.kids(token.i, "prep") if prep.lemma in preps or prep.text.lower() in preps
                for pobj in self.s.kids(prep.i, "pobj")]

    def _by_doers(self, act: Token, verb: Token | None) -> list[list[Actor]]:
        """The 'by' phrases of an act noun ('a siege by rebels'), and of the active verb the parser
        may have hung them on instead ('ended a siege by rebels')."""
        return self._via_preps(act, ("by",)) + (self._via_preps(verb, ("by",)) if verb is not None else [])

    def _holders(self, thing: Token) -> list[Actor]:
        """Who holds a thing a participle says is held: 'strikes on positions held by the RSF',
        'shelled a hospital run by MSF', 'shelled rebel-held villages'."""
        holding = self.vocabulary.words["holding"]
        held = [a for clause in self.s.kids(thing.i, "acl") if clause.tag == "VBN" and clause.lemma in holding
                for a in self._agent(clause)]
        for apposed in self.s.kids(thing.i, "appos"):  # "Marib Dam, one of the Houthis' strongholds"
            if apposed.lemma == "one":
                apposed = next((p for of in self.s.kids(apposed.i, "prep") if of.lemma == "of"
                                for p in self.s.kids(of.i, "pobj")), apposed)
            held = held or [a for k in self.s.kids(apposed.i, "poss") for a in self.resolver.resolve(k.i)]
        return held or [a for participle in self.s.kids(thing.i, "amod")
                        if participle.tag == "VBN" and participle.lemma in holding
                        for holder in self.s.kids(participle.i, "npadvmod", "compound", "nmod")
                        for a in self.resolver.resolve(holder.i)]

    def _doers(self, act: Token) -> list[Actor]:
        """Who did the act a noun names, when that act is what an event is aimed at: 'an
        investigation into crimes committed by Croat forces', 'protests against abuses by the army'."""
        if _known(act.lemma, self.vocabulary.nouns) is None and act.lemma not in self.vocabulary.blame:
            return []
        for clause in self.s.kids(act.i, "acl"):
            if clause.tag == "VBN":
                found = self._agent(clause)
                if found:
                    return found
        return self._noun_agents(act)

    def _dative(self, verb: Token) -> list[list[Actor]]:
        return [self.resolver.resolve(kid.i) for kid in self.s.kids(verb.i, "dative", "iobj")]

    def _inside(self, obj: Token, pattern: Pattern) -> list[list[Actor]]:
        """The target inside an object that is a thing: 'Russia's footprint', 'its mission to NATO',
        'condemned Russia's invasion of Ukraine' (the doer of the act condemned)."""
        groups = [self.resolver.resolve(kid.i) for kid in self.s.kids(obj.i, "poss")]
        # "condemned the invasion of Ukraine by Russia": who did the act, before whom it was done to (the
        # parser may hang the 'by' on the verb, whose own doer, when active, is its subject)
        verb = self.s.tokens[obj.head]
        active = obj.dep == "dobj" and bool(self.s.kids(verb.i, "nsubj")) and not self.s.kids(verb.i, "auxpass")
        groups += self._by_doers(obj, verb if active else None)
        role = self.resolver.role_of(obj.i)  # "the Russian ambassador": Russia, as government
        for kid in self.s.kids(obj.i, "compound", "amod", "nmod"):  # only named ones: not "army reservists"
            # a city naming a thing is where it was made, no party to it: "the Kyoto Protocol",
            # "the Minsk agreement" (but "the Moscow embassy" is Russia's, and force against
            # "a Baghdad checkpoint" is aimed at Iraq)
            places = {"place", "seat"} if role is None and pattern.cameo[:2] not in _FORCE_ROOTS else set()
            groups.append([a if a.role or not role or self.resolver.actors.kinds.get(a.key) != "state"
                           else replace(a, role=role, code=a.key + role)
                           for a in self.resolver.resolve(kid.i) if a.via != "role" and a.via not in places])
        # the owner named on the thing before where it is: "hit PKK camps in northern Iraq"
        groups += [g for named in self._what_sum(obj) for g in self._via_preps(named, pattern.preps)]
        groups.append(self._holders(obj))  # "bombed positions held by Hezbollah"
        # "violated a ban by the army"; but whose killing is condemned or investigated is its victim, not whom
        # the criticism is aimed at ("condemned the murders of a Lumad family")
        victims = pattern.cameo[:2] in {"09", "11"} and self._violence_noun(obj)
        return groups + self._via_preps(obj, tuple(p for p in (*pattern.preps, "of", "by") if p != "of" or not victims))

    def _violence_noun(self, noun: Token) -> bool:
        """Whether a noun names only force or assault done to people (CAMEO 18-20): 'killing', 'murders'."""
        lemma = _known(noun.lemma, self.vocabulary.nouns)
        return lemma is not None and all(p.cameo[:2] in {"18", "19", "20"} for p in self.vocabulary.nouns[lemma])

    def _undergone(self, noun: Token, lemma: str) -> bool:
        """Whether a noun names an act done to whoever its possessor is ('his arrest'): one of
        undergone.tsv with no 'of' phrase ('Israel's release of prisoners' is Israel's act)."""
        return lemma in self.vocabulary.undergone and not any(p.lemma == "of" for p in self.s.kids(noun.i, "prep"))

    def _migrants(self, verb: Token) -> bool:
        """Whether the subject of a verb is people on the move: 'thousands of Syrian refugees',
        'immigrants who arrived'."""
        subjects = [t.i for t in self.s.kids(verb.i, "nsubj")] + ([verb.head] if verb.dep == "relcl" else [])
        return any(self.resolver.role_of(i) in _MIGRANT_ROLES for s in subjects for i in self.s.subtree(s))

    def _no_visitor(self, verb: Token) -> bool:
        """Whether what arrives, flies or travels is no one who visits: forces ('troops arrived
        in Kuwait' is a deployment) or a thing ('a British ship arrived', 'a Hezbollah plane flew
        over Israel')."""
        subject = self._first(verb, "nsubj") if verb.pos in {"VERB", "AUX"} else None
        clause = verb
        while subject is None and clause.dep in {"advcl", "conj", "xcomp"} and clause.pos in {"VERB", "AUX"}:
            clause = self.s.tokens[clause.head]  # "troops intervened, flying from Kabul": the troops fly
            subject = self._first(clause, "nsubj")
        if subject is None or subject.pos != "NOUN" or subject.i in self.resolver.word_entry:
            return False
        if subject.lemma in self.vocabulary.words["remains"] and any(  # "Arafat's body arrived in Cairo": no visit
                a.via == "person" for k in self._owners(subject) for a in self.resolver.resolve(k.i)):
            return True
        if any(a.role in _ARMED_ROLES for a in self.resolver.resolve(subject.i)):  # "a party of British soldiers"
            return True
        role = self.resolver.role_of(subject.i)
        actors = self.resolver.actors
        if role is not None:
            return role in _ARMED_ROLES
        return subject.lemma not in actors.nominals and subject.lemma not in actors.organisation_nominals

    def _owners(self, noun: Token) -> list[Token]:
        """Whose a noun is: its possessor ('Arafat's body') or its 'of' phrase ('the body of Arafat')."""
        return [*self.s.kids(noun.i, "poss"), *(k for p in self.s.kids(noun.i, "prep") if p.lemma == "of"
                                                 for k in self.s.kids(p.i, "pobj"))]

    def _names_people(self, noun: Token) -> bool:
        """A noun for people ('hostage', 'prisoner', 'envoy'), not for an act or a body of them."""
        role = self.resolver.actors.roles.get(noun.lemma)
        return role is not None and (role[1] or role[0] in {"CVL", "REF"})

    def _given_to(self, verb: Token, lemma: str, particle: Token | None) -> Pattern | None:
        """'US authorities returned the wild monkeys to Congo': a verb of returning or handing
        back whose object is on none of its lists still returns it, in its most general code,
        to an actor its 'to' phrase names."""
        name = particle.lemma if particle is not None else None
        giving = [p for p in self.vocabulary.verbs[lemma] if p.cameo.startswith(_RETURNING) and p.particle == name
                  and "to" in p.preps]
        if not giving or not any(self.resolver.resolve(pobj.i) for pobj in self._pobjs(verb, ("to",))):
            return None
        general = min(giving, key=lambda p: len(p.cameo))
        return replace(general, id=f"{general.cameo}-{lemma}-any-to-v", objects=frozenset())
