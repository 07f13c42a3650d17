"""Force without an agent: who used force when no one is named as doing it, and what kind.

Where the fire came from ("fired from Gaza"), whose act or weapon it was ("killed in Israeli
shelling"), the act named as the subject ("a roadside bombing killed ...") or in a phrase
("killed in a suicide attack"), a military weapon as agent (firing it, 19x, not a bombing),
an unnamed attacker of the state where it happened, an accident with no attacker at all;
crowds (protesters clashing is a riot, police clashing with rioters repression), and
fighting named only as the background of another event. Also force and its kin where the
words are ambiguous: named forces striking any actor ("warplanes struck Gaza"), an arrest no
one is named for (by the police where it happened), forces sent to keep the peace (074).
"""

from __future__ import annotations

from dataclasses import replace

from ..parse.tokens import Token
from ..records import Actor
from .accidents import AccidentRules
from .arguments import _IRREGULARS, _STATE_ORGANS
from .patterns import Pattern
from .sentence import _known, _same_actor
from .subjects import _ARMED_ROLES
from .wording import _FORCE_ROOTS

_GENERIC_DEED = "attack"  # its patterns name doers too: 'a gunman (suicide bomber, drone) attack'


def _own_forces(codes: tuple[str, ...], source: Actor, target: Actor) -> bool:
    """Whether a show of force (CAMEO 15: a weapons test, a deployment, also one only agreed
    to) is aimed only at the source's own forces: then it is aimed at no one. (Police a state
    deploys at home stay its target: the gold sets code such patrols, 153, as domestic.)"""
    return any(code[:2] == "15" for code in codes) and target.key == source.key and target.role == "MIL"


def _armed_assault(pattern: Pattern, sources: list[Actor]) -> Pattern:
    """Storming a building is a riot (145) when a crowd does it, an armed attack (190) when
    fighters do ('Taliban insurgents stormed a prison', 'US and Iraqi troops stormed police stations',
    where the bare state shares the troops)."""
    if pattern.cameo != "145" or not any(a.role in _ARMED_ROLES for a in sources) or \
            any(a.role not in _ARMED_ROLES and a.role is not None for a in sources):
        return pattern
    return replace(pattern, cameo="190", id=f"{pattern.id}+armed")


def _armed_backing(code: str, rule: str, source: Actor, target: Actor | None) -> tuple[str, str]:
    """Forces that back or support fighters ('militants backed by Yemeni troops', 'US troops
    supported Iraqi forces in raids') cooperate militarily (062); they do not praise them (051)."""
    if code != "051" or target is None or source.role not in _ARMED_ROLES or target.role not in _ARMED_ROLES:
        return code, rule
    return "062", f"{rule}+armed"


def _crowd_blockade(pattern: Pattern, sources: list[Actor]) -> Pattern:
    """A blockade or siege is force (191) when armed forces or a state impose it, a protest
    that blocks passage (144) when a crowd does ('villagers besieged a military camp'); and
    roads that forces block are a restriction of movement (191), not a protest."""
    if pattern.cameo == "144" and sources and all(a.role in _ARMED_ROLES | {"COP", "MIL"} for a in sources):
        return replace(pattern, cameo="191", id=f"{pattern.id}+forces")
    if pattern.cameo != "191" or not sources or \
            any(a.role is None or a.role in _ARMED_ROLES | _STATE_ORGANS for a in sources):
        return pattern
    return replace(pattern, cameo="144", id=f"{pattern.id}+crowd")


def _by_air(code: str) -> bool:
    """Whether an act is an air strike (195x): irregulars have no aircraft, so no unidentified
    armed group is its doer."""
    return code[:3] == "195"


def _ground_bombing(pattern: Pattern, sources: list[Actor]) -> Pattern:
    """Bombing by armed groups that fly no aircraft ('separatists bombed a pipeline') is the
    non-military bombing of CAMEO 183, not the aerial weapons (195) of air forces. An attacker
    only implied by where it happened is no evidence ('the air attack struck near Homs')."""
    if pattern.cameo != "195" or not sources or \
            any(a.role not in _IRREGULARS or a.via == "implied" for a in sources):
        return pattern
    return replace(pattern, cameo="183", id=f"{pattern.id}+ground")


def _criminal_violence(pattern: Pattern, sources: list[Actor], lone: bool) -> Pattern:
    """Killing or shooting by criminals, or by a `lone` civilian ('suspects killed a police officer',
    'a man ambushed a police car'), is an assault (CAMEO 18x: killing 1823), not the military force
    (19x) of armed forces (demonstrators who launch missiles fight)."""
    if pattern.cameo[:2] != "19" or not sources or any(a.role != "CRM" for a in sources) and not (
            lone and pattern.cameo in {"190", "193"} and all(a.role == "CVL" for a in sources)):
        return pattern
    return replace(pattern, cameo="1823" if pattern.cameo == "190" else "182", id=f"{pattern.id}+criminal")


_POLITICAL_ROLES = {"GOV", "LEG", "OPP", "PTY", "ELI", "JUD", "MED", "SPY", "NGO", "IGO"}


class ForceRules(AccidentRules):
    """The source and kind of force when the sentence names no one using it."""

    def _verbal_attack(self, code: str, rule: str, trigger: Token, source: Actor,
                       target: Actor | None) -> tuple[str, str]:
        """A politician who attacks another person or a political body ('Kerry attacked Bush over
        Iraq', 'launched a fierce attack on the spy chiefs') criticizes them (111); an attack on a
        state, a place or forces stays force ('Bush attacked Iraq')."""
        if code != "190" or trigger.lemma != "attack" or target is None or \
                source.role not in _POLITICAL_ROLES or not self._one_person(source):
            return code, rule
        if not (self._one_person(target) or target.role in _POLITICAL_ROLES - {"GOV"}):
            return code, rule
        return "111", f"{rule}+verbal"

    def _one_person(self, actor: Actor) -> bool:
        """Whether an actor is one person: a named one, or a title ('the president')."""
        head = self.resolver.head_of(actor)
        return actor.via == "person" or (head is not None and self.resolver.names_person(head.i))

    def _origin_or_cause(self, verb: Token) -> list[Actor]:
        """Who used force a passive names no agent for: where it came from ('a mortar was fired
        from Gaza'), who carried out the act it was part of ('killed in an air strike by
        government forces') or whose weapon did it ('killed in Israeli tank shelling')."""
        for prep in self.s.kids(verb.i, "prep"):
            for pobj in self.s.kids(prep.i, "pobj"):
                if prep.lemma == "from" and verb.lemma in self.vocabulary.words["launching"]:
                    found = [a for a in self.resolver.resolve(pobj.i) if a.via != "role"]
                elif prep.lemma in {"in", "by", "during"} and _known(pobj.lemma, self.vocabulary.nouns):
                    found = self._sides(pobj, self._noun_sources(pobj))
                elif prep.lemma in {"in", "by"} and self.resolver.role_of(pobj.i) == "MIL":  # "in Israeli tank fire"
                    found = [a for a in self.resolver.resolve(pobj.i) if a.via != "role"]
                else:
                    continue
                if found:
                    return found
        return []

    def _sides(self, deed: Token, named: list[Actor]) -> list[Actor]:
        """Who did a deed its phrase names: for fighting between sides ("a battle", "clashes"),
        a single state named on it says where it was, not who fought ("killed in a Saudi
        battle"); both sides are named ("Israeli-Palestinian clashes") or none is. A weapon
        says whose fire it was ("Turkish artillery fire")."""
        if ("noun", deed.lemma) in self.vocabulary.mutual and len({a.key for a in named}) == 1 and \
                not any(self.resolver.role_of(k.i) == "MIL" for k in self.s.kids(deed.i, "compound")) and \
                all(self.resolver.actors.kinds.get(a.key) == "state" and a.role is None for a in named):
            return []
        return named

    def _named_before(self, deed: Token) -> list[Actor]:
        """Actors named in an act noun's phrase before the noun ('a Russia-backed Syrian regime
        offensive') or as its parties ('the war between Russia and Georgia'), not in its other
        complements, which name whom it hit ('an offensive against ISIS')."""
        parties = [a for group in self._via_preps(deed, ("between",)) for a in group]
        return [a for a in self.resolver.resolve(deed.i) if a.start < deed.start] or parties

    def _weapon_pattern(self, verb: Token, pattern: Pattern) -> Pattern:
        """'Blown up by a missile': a military weapon as agent makes the act the firing of that
        weapon (194), not the non-military bombing the verb codes (183)."""
        for agent in self.s.kids(verb.i, "agent"):
            for weapon in self.s.kids(agent.i, "pobj"):
                if self.resolver.role_of(weapon.i) != "MIL" or any(
                        a.via != "role" for a in self.resolver.resolve(weapon.i)):
                    continue
                fired = self._firing(weapon)
                if fired is not None:
                    return replace(pattern, cameo=fired.cameo, id=f"{pattern.id}+weapon:{weapon.lemma}")
        return pattern

    def _fired(self, verb: Token) -> Pattern | None:
        """The firing a verb's subject names, if it is what is fired ('a mortar bomb', 'rockets'):
        the pattern of firing it."""
        subject = self._first(verb, "nsubj")
        return self._firing(subject) if subject is not None else None

    def _firing(self, weapon: Token) -> Pattern | None:
        """The pattern of firing a weapon a noun names ('missile', 'mortar bomb'), if a verb of
        launching lists it as force."""
        words = self._object_words(weapon)
        for lemma in sorted(self.vocabulary.words["launching"] & self.vocabulary.verbs.keys()):
            fired = self._choose(self.vocabulary.verbs[lemma], None, words)
            if fired is not None and fired.objects and fired.cameo[:2] == "19":
                return fired
        return None

    def _deed_aimed_at(self, verb: Token) -> list[list[Actor]]:
        """Whom the act named by the verb's subject was aimed at: 'an attack on a UN convoy', 'a bombing
        targeting US troops'."""
        subject = self._first(verb, "nsubj")
        if subject is None:
            return []
        return self._via_preps(subject, ("on", "against", "at")) + self._act_participants(subject)

    def _deed_as_subject(self, verb: Token, pattern: Pattern, sources: list[Actor]) -> tuple[Pattern, list[Actor]]:
        """'A roadside bombing killed two soldiers', 'an Israeli air strike killed ...': the act
        named by the subject is what was done, by whoever did it; 'killed X in an air strike'
        is the kind of killing that act names."""
        subject = self._first(verb, "nsubj")
        if subject is not None and subject.lemma in self.vocabulary.words["series"]:  # "a series of bombings killed"
            subject = next((p for of in self.s.kids(subject.i, "prep") if of.lemma == "of"
                            for p in self.s.kids(of.i, "pobj")), subject)
        if subject is not None and subject.lemma not in self.resolver.actors.roles:  # "US hostage beheaded": a person
            deed = self._act_named(subject)
            if deed is not None and deed.cameo[:2] in _FORCE_ROOTS:
                # "the bombing of a UN office", "an offensive against ISIS": what the phrase names was hit
                self.consumed.add(subject.i)
                act = replace(pattern, cameo=deed.cameo, id=f"{pattern.id}+deed:{deed.id}", pos=deed.pos,
                              lemma=deed.lemma)
                places = [a for a in sources if a.via == "place" and a.role is None]  # "attacks on Lahore markets"
                named = self._sides(subject, self._noun_sources(subject) or self._named_before(subject))
                if not named and ("noun", subject.lemma) in self.vocabulary.mutual:
                    return act, []  # "fierce clashes killed 14": fighting between sides no one names
                return act, named or self._unknown_attacker(verb, act.cameo, subject) or places
        if pattern.cameo != "190":  # also "a suicide bomber attacked a convoy", where the object picked 190
            return pattern, sources
        if subject is not None and _GENERIC_DEED in self.vocabulary.nouns:  # "suicide bombers killed ...": 1831
            deed = self._choose(self.vocabulary.nouns[_GENERIC_DEED], None,
                                [*self._modifier_words(subject), subject.lemma])
            if deed is not None and deed.objects:
                return replace(pattern, cameo=deed.cameo, id=f"{pattern.id}+doer:{deed.id}"), sources
        if pattern.objects:
            return pattern, sources
        clause = verb  # "..., killing three and wounding seven": the first of the participles
        while clause.dep == "conj" and self.s.tokens[clause.head].dep == "advcl":
            clause = self.s.tokens[clause.head]
        head = self.s.tokens[clause.head]
        if clause.dep in {"advcl", "conj"} and head.pos == "VERB":  # "detonated a car bomb, killing nine": a bombing
            for obj in self.s.kids(head.i, "dobj"):
                deed = self._act_named(obj)
                if deed is not None and deed.cameo[:2] == "18":
                    return replace(pattern, cameo=deed.cameo, id=f"{pattern.id}+deed:{deed.id}"), sources
            # "a suicide bomber rammed a car into a convoy, killing four": a suicide bombing (1831), when
            # the act the participle tells of has no code of its own
            doer = None if self._coded_act(head) else self._first(head, "nsubj")
            deed = self._choose(self.vocabulary.nouns.get(_GENERIC_DEED, []), None,
                                [*self._modifier_words(doer), doer.lemma]) if doer is not None else None
            if deed is not None and deed.objects and deed.cameo[:3] == "183":
                return replace(pattern, cameo=deed.cameo, id=f"{pattern.id}+doer:{deed.id}"), sources
        for prep in self.s.kids(verb.i, "prep", "agent"):  # "wounded two soldiers in a bomb attack": a bombing (183)
            for pobj in self.s.kids(prep.i, "pobj") if prep.lemma in {"in", "with", "by"} else []:
                deed = self._act_named(pobj)
                if deed is not None and deed.cameo[:2] in _FORCE_ROOTS:
                    self.consumed.add(pobj.i)
                    return replace(pattern, cameo=deed.cameo, id=f"{pattern.id}+deed:{deed.id}"), sources
        return pattern, sources

    def _coded_act(self, verb: Token) -> bool:
        """Whether a verb with its particle and object has a pattern ("drove the rebels out"
        has, "drove a van into a checkpoint" has not)."""
        known = _known(verb.lemma, self.vocabulary.verbs)
        particle = self._particle(verb)
        return known is not None and self._choose(self.vocabulary.verbs[known], particle.lemma if particle else None,
                                                  self._object_words(self._first(verb, "dobj"))) is not None

    def _unknown_attacker(self, verb: Token, code: str, deed: Token | None = None) -> list[Actor]:
        """An attack no one is named for ('killed in a car bombing in Baghdad', 'a bombing near
        Samarra killed ...') was carried out by an unidentified armed group (UAF) of the state
        where it happened; not an air strike (`_by_air`)."""
        if _by_air(code):
            return []
        if deed is None:  # "three civilians were killed in a car bombing in Baghdad"
            deed = next((p for p in self._pobjs(verb, ("in", "during", "by"))
                         if _known(p.lemma, self.vocabulary.nouns) is not None), None)
        if deed is not None and ("noun", deed.lemma) in self.vocabulary.mutual:
            return []  # "fierce clashes killed 34": fighting between sides, no one's attack
        if deed is not None and self.vocabulary.hazards.get(deed.lemma) == "hazard" and not any(
                self.vocabulary.hazards.get(w) == "deliberate" for w in self._modifier_words(deed)):
            return []  # "miners were killed in a blast in a coal mine": an accident
        chosen = self._act_named(deed) if deed is not None else None
        if chosen is not None and _by_air(chosen.cameo):
            return []  # "killed in a Gaza City airstrike": air forces strike, no unidentified group
        victims = self.s.kids(verb.i, "dobj", "nsubjpass")  # "killed eight people in Kabul"
        location = self.anchoring.location([verb, *victims] if deed is None else [verb, deed, *victims], verb)
        if location is None or not location.country or self.resolver.actors.kinds.get(location.country) != "state":
            return []
        # the words that tell of the attacker are the deed's ("Car bomb kills three in Mosul"), not the place's
        start, end = location.start, location.end
        if deed is not None:
            start, end = min([deed, *self.s.kids(deed.i, "compound", "amod")], key=lambda t: t.i).start, deed.end
        return [self.resolver.actor_of(location.country, "UAF", start, end, "implied")]

    def _carried(self, vehicle: Token) -> list[Actor]:
        """Who rode in what was attacked: 'ambushed a bus carrying unarmed Iraqis'."""
        return [a for clause in self.s.kids(vehicle.i, "acl") if clause.lemma in self.vocabulary.words["carrying"]
                for obj in self.s.kids(clause.i, "dobj") for a in self.resolver.resolve(obj.i)]

    def _casualties(self, verb: Token) -> list[Actor]:
        """Who the clause an attack is the circumstance of says was killed or hurt: 'four
        soldiers were killed when militants blew up a tunnel', 'two policemen died when gunmen
        ambushed their patrol'."""
        head = self.s.tokens[verb.head]
        if verb.dep != "advcl" or head.pos != "VERB":
            return []
        if head.lemma in self.vocabulary.words["dying"]:
            subject = self._first(head, "nsubj")
        else:
            force = bool(self._roots(head.lemma, self.vocabulary.verbs) & _FORCE_ROOTS)
            subject = self._first(head, "nsubjpass") if force else None
        return self.resolver.resolve(subject.i) if subject is not None else []

    def _attacker_from(self, places: list[Actor]) -> list[Actor]:
        """Force places are named as doing ('attacks on Mumbai trains that killed 188') was carried
        out by an unidentified armed group of the first place's state."""
        if not places or self.resolver.actors.kinds.get(places[0].key) != "state":
            return []
        return [replace(places[0], role="UAF", code=places[0].key + "UAF", via="implied")]

    def _by_crowd(self, verb: Token) -> bool:
        """Whether the verb's subject (shared through 'and' or control) or its passive's agent is a
        crowd of protesters."""
        while not self.s.kids(verb.i, "nsubj") and verb.dep in {"conj", "xcomp"} and verb.head != verb.i:
            verb = self.s.tokens[verb.head]
        agents = [k for a in self.s.kids(verb.i, "agent") for k in self.s.kids(a.i, "pobj")]
        doers = [self._first(verb, "nsubj"), *agents]
        return any(doer is not None and doer.lemma in self.vocabulary.crowds for doer in doers)

    def _on_crowd(self, verb: Token, obj: Token | None) -> bool:
        """Whether the verb's object, or whom it is done with or against, is a crowd of protesters."""
        aimed = [obj, *self._pobjs(verb, ("with", "on", "against", "at"))]
        return any(t is not None and t.lemma in self.vocabulary.crowds for t in aimed)

    def _imposed_by_others(self, verb: Token, act: Token, sources: list[Actor]) -> bool:
        """Whether the 'by' phrase of an active verb's object noun (or, misparsed, of the verb) names
        others than `sources` ('end a siege by rebels')."""
        doers = [a for group in self._by_doers(act, verb) for a in group]
        return bool(doers) and not any(_same_actor(doer, source) for doer in doers for source in sources)

    def _hit_thing(self, noun: Token) -> bool:
        """Whether a noun is what force hit or went off beside: 'exploded near a US patrol', 'ripped
        through their patrol', 'fired on an Egyptian patrol'."""
        prep = self.s.tokens[noun.head]
        if noun.dep != "pobj" or prep.head == prep.i:
            return False
        verb = self.s.tokens[prep.head]
        forceful = bool(self._roots(verb.lemma, self.vocabulary.verbs) & _FORCE_ROOTS)
        return prep.lemma in {"near", "through"} or (prep.lemma in {"on", "at", "into"} and forceful)

    def _war_named(self, noun: Token, lemma: str, light: Token | None) -> bool:
        """Whether a noun names a state of war that is not made news of here: not waged, declared,
        launched, breaking out or ended ('the US-led war in Iraq has not made the world safer')."""
        head = self.s.tokens[noun.head]
        war_making = self.vocabulary.words["war_making"]
        return lemma in self.vocabulary.words["wars"] and not ((light is not None and light.lemma in war_making) or (
            noun.dep in {"nsubj", "nsubjpass"} and head.lemma in war_making))

    def _background_of_event(self, noun: Token) -> bool:
        """'assistance to the US-led war against Iraq', 'an offensive in its war with Iraq': fighting
        named in a phrase of another event is its background, not news."""
        prep = self.s.tokens[noun.head]
        if noun.dep != "pobj" or prep.dep != "prep":
            return False
        head = self.s.tokens[prep.head]
        return head.i != noun.i and head.pos in {"NOUN", "PROPN"} and \
            _known(head.lemma, self.vocabulary.nouns) is not None

    def _armed_on_actor(self, verb: Token, lemma: str, particle: Token | None, obj: Token) -> Pattern | None:
        """'Israeli warplanes struck Gaza': a verb whose use of force needs a listed object ('struck a
        target', not 'struck a balance') uses it on any actor or place armed forces strike."""
        name = particle.lemma if particle is not None else None
        force = next((p for p in self.vocabulary.verbs[lemma]
                      if p.cameo[:2] in _FORCE_ROOTS and p.particle == name), None)
        if force is None or not self.resolver.resolve(obj.i):
            return None
        if not any(a.role in _ARMED_ROLES and a.via != "role" for a in self._subjects(verb)):
            return None  # named forces: "the full force of the hurricane hit ..." is no one's
        return replace(force, id=f"{force.id}+armed", objects=frozenset())

    def _police_there(self, verb: Token) -> list[Actor]:
        """'A journalist was arrested on Monday in Niger': an arrest no one is named for was made
        by the police of the state where it happened."""
        location = self.anchoring.location([verb], verb)
        if location is None or not location.country or self.resolver.actors.kinds.get(location.country) != "state":
            return []
        return [self.resolver.actor_of(location.country, "COP", verb.start, verb.end, "implied")]

    def _keeps_peace(self, trigger: Token) -> bool:
        """'sent 200 troops to serve as a peacekeeping force', 'Russian peacekeepers began
        deploying': forces sent to keep the peace provide it (074); they show no force."""
        head = self.s.tokens[trigger.head] if trigger.dep == "xcomp" else trigger  # "began deploying"
        if trigger.pos == "NOUN" and trigger.dep == "dobj":  # "announced the deployment of troops on a
            head = self.s.tokens[trigger.head]  # peacekeeping mission": the phrase may hang on the verb
        clause = self.s.subtree(head.i, frozenset({"ccomp", "parataxis", "relcl", "conj", "advcl"}))
        words = {self.s.tokens[i].lemma for i in clause}
        return bool(words & self.vocabulary.words["peacekeeping"])
