"""Arguments and roles: who does an act and to whom, as the parse names them.

The light verb of a noun, objects and what is inside them, prepositional and dative targets
(whoever holds a thing, whoever did an act that is aimed at); whatever is returned to an
actor is returned; who undergoes an act a noun names ("his arrest"); who cannot visit
(forces, things, migrants). Subjects and agents are in subjects.py, the words that pick a
pattern in wording.py.
"""

from __future__ import annotations

from dataclasses import replace

from ..parse.tokens import Token
from ..records import Actor
from .patterns import Pattern
from .sentence import _known
from .subjects import _ARMED_ROLES, _LIGHT_VERB_DEPS, SubjectRules
from .wording import _FORCE_ROOTS

_STATE_ORGANS = {"GOV", "JUD", "LEG", "MIL", "COP"}
_IRREGULARS = _ARMED_ROLES - {"MIL"}  # armed groups that are not a state's forces
_MIGRANT_ROLES = frozenset({"REF"})  # refugees and migrants who arrive somewhere make no visit to its government
_RETURNING = "084"  # things returned or handed back: to whom the "to" phrase says


def _no_places(actors: list[Actor]) -> list[Actor]:
    """The actors that can act: a place named alone does nothing ('attacks on Mumbai trains that
    killed 188' were not India's); 'Darfur rebels', 'the Delhi government' do."""
    return [a for a in actors if a.via != "place" or a.role is not None]


class ArgumentRules(SubjectRules):
    """Finding an event's pattern words, sources and named targets in the parse."""

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
        roots = self._roots(noun.lemma, self.vocabulary.nouns)
        return bool(roots) and roots <= _FORCE_ROOTS

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
        subject = self._first(verb, "nsubj") if verb.pos in {"VERB", "AUX"} else self._first(verb, "poss")
        if verb.dep == "acl" and verb.tag == "VBG":  # "a British Airways plane flying from Berlin"
            subject = self.s.tokens[verb.head]
        clause = verb
        while subject is None and clause.dep in {"advcl", "conj", "xcomp"} and clause.pos in {"VERB", "AUX"}:
            clause = self.s.tokens[clause.head]  # "troops intervened, flying from Kabul": the troops fly
            subject = self._first(clause, "nsubj", "nsubjpass")  # "helicopters were expected to arrive"
        if subject is not None and subject.pos == "PRON":  # "a British ship ... its arrival", "a plane ... when
            subject = self.resolver.antecedent_head(subject.i)  # it arrived"
        if subject is None or subject.pos != "NOUN" or subject.i in self.resolver.word_entry:
            return False
        if subject.lemma in self.vocabulary.words["remains"] and any(  # "Arafat's body arrived in Cairo": no visit
                a.via == "person" for k in self._owners(subject) for a in self.resolver.resolve(k.i)):
            return True
        if any(a.role in _ARMED_ROLES for a in self.resolver.resolve(subject.i)):  # "a party of British soldiers"
            return True
        if subject.lemma in self.vocabulary.words["vehicles"]:  # "a British Airways passenger plane flying to"
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

    def _act_participants(self, noun: Token) -> list[list[Actor]]:
        """Who an act a noun names is aimed at, from the clause describing it: 'an attack
        targeting shoppers at a mall in Kenya's capital'."""
        if _known(noun.lemma, self.vocabulary.nouns) is None:
            return []
        groups = []
        for clause in self.s.kids(noun.i, "acl"):
            for kid in [*self.s.kids(clause.i, "dobj"), *self._pobjs(clause)]:
                groups.append([a for a in self.resolver.resolve(kid.i) if a.via != "role"])
        return groups
