"""Choosing the target, and implicit targets: whom an event is aimed at when no argument
names someone other than the source.

The first target group naming another actor wins; else the other sources of a mutual act
("X and Y met", mutual.tsv; not "X and Y attacked"); else the fallback prepositions and the
act's purpose ("to protest X", "in protest against X"); else, for some acts, the source's
own country (a state organ easing or coercing at home, protesters of a state) or the state
where it happened. A claim of responsibility is aimed at whoever the claimed act was; a
statement made to the press is aimed at no one.
"""

from __future__ import annotations

from dataclasses import replace

from ..parse.tokens import Token
from ..records import Actor, Location
from .anchoring import place_actor
from .arguments import _IRREGULARS, _STATE_ORGANS
from .implicit import _SCENE_PREPS, ImplicitRules
from .patterns import Pattern
from .sentence import Candidate, _Coding, _known, _same_actor
from .subjects import _ARMED_ROLES
from .timing import CALENDAR_WORDS
from .wording import _FORCE_ROOTS

# Prepositions tried for a target when the pattern's own give none: "withdrew from Lebanon".
_FALLBACK_PREPS = ("to", "with", "against", "on", "toward", "towards", "from", "for", "into", "at",
                   "between", "of")
# a meeting's "from" says where one speaks from, not with whom ("speaking from France"); its
# "on" and "over" what it is about ("talks over Ukraine")
_TOPIC_PREPS = ("on", "over")
_MEETING_FALLBACK_PREPS = tuple(p for p in _FALLBACK_PREPS if p not in {"from", *_TOPIC_PREPS})
# consult, cooperate, de-escalate ("signed a ceasefire"), fight (and 019 accord): mutual acts among them
_RECIPROCAL_CODES = ("03", "04", "05", "06", "087", "19")
_ASKING_ROOTS = {"02", "10"}  # appeals and demands: aimed at whom they ask
_RELEASE_CODES = {"0253", "1053"}  # a release asked for is asked of the captors, not of the captives
_DOMESTIC_ROOTS = {"08", "17"}  # a state's organ easing or coercing with no one named acts on its own country
_PERSON_PATIENT_CODES = {"084", "173", "174", "175"}  # acts done to people: release, arrest, expulsion, repression
_PLACE_TARGET_ROOTS = {"14", "15", "18", "19", "20"}  # protests and force are aimed at where they happen
# acts on a place's things reach its state: force on "a Gaza warehouse", withdrawal from "a Gaza camp",
# a visit to "a Baghdad hospital"; other acts on them do not ("ratified the Kyoto Protocol")
_THING_PLACE_ROOTS = {"08", "14", "15", "17", "18", "19", "20"}
_THING_PLACE_CODES = {"042", "043"}
# acts aimed only away from home: a visit, a meeting or a deployment in one's own state has no target
# there (sympathy "for the shootings in South Carolina" is for one's own country, and so is force)
_AWAY_ROOTS = {"04", "15"}
# appeals, intents, praise, demands, criticism, rejections, threats: made to someone, never to a place at home
# (sympathy "for the shootings in South Carolina" is for one's own country)
_VERBAL_ROOTS = {"02", "03", "05", "10", "11", "12", "13"}
_MODIFIER_DEPS = {"compound", "amod", "nmod", "poss"}
_DOMESTIC_ROLES = {"COP", "JUD"}
_OWN_FOES = {"REB", "INS", "SEP", "OPP"}
_COOPERATION_ROOTS = {"03", "05", "06"}


def _the_state_itself(actor: Actor) -> bool:
    """'Sudan', 'Moscow', 'the country', 'it' with no role: the state as a whole, not some of its
    people ('Egyptian students', 'thousands of Egyptians')."""
    return actor.role is None and actor.via in {"name", "seat", "nominal", "pronoun"}


def _to_the_press(candidate: Candidate) -> Candidate:
    """A statement made to the media ("officials told AFP") is aimed at no one: the press
    carries it. Acts against the media ("Iran banned the BBC") keep their target."""
    target = candidate.target
    if candidate.code.startswith("01") and target is not None and target.role == "MED":
        return replace(candidate, target=None)
    return candidate


class TargetRules(ImplicitRules):
    """Choosing an event's target from its groups, and finding implicit ones."""

    def _purpose_targets(self, token: Token, code: str) -> list[list[Actor]]:
        """Who an act is aimed at, from its purpose: 'rallied to protest Sweden's decision',
        'a hunger strike in protest against the government'. Not whom an appeal would help: 'an
        appeal for $210 million to help flood victims' is made to donors."""
        groups = []
        for clause in self.s.kids(token.i, "advcl", "xcomp", "acl"):
            if code[:2] == "02" and clause.lemma in self.vocabulary.words["benefiting"]:
                continue
            purposive = any(k.lemma == "to" for k in self.s.kids(clause.i, "aux")) or clause.tag == "VBG" or (
                clause.dep == "xcomp" and clause.tag == "VB")  # "helped defend X"
            if purposive:  # "to protest X", "calling for independence from X": the first actor named
                for i in self.s.subtree(clause.i, frozenset({"nsubj", "nsubjpass", "advcl"})):
                    # not where something in it happened: "to demand the release of workers seized in Lima"
                    located = self.s.tokens[i].dep == "pobj" and self.s.tokens[self.s.tokens[i].head].lemma in \
                        _SCENE_PREPS
                    if i != clause.i and self.s.tokens[i].dep in {"dobj", "pobj"} and not located:
                        groups.append(self.resolver.resolve(i))
        # "in protest against X", "in retaliation for X": an act done so is aimed at X
        aimed = self.vocabulary.words["protests"] | self.vocabulary.words["aimed_circumstances"]
        for prep in self.s.kids(token.i, "prep"):
            for pobj in self.s.kids(prep.i, "pobj"):
                if pobj.lemma in aimed:
                    groups += self._via_preps(pobj, ("against", "at", "of", "to"))
        return groups

    def _targets(self, coding: _Coding, trigger: Token, source: Actor, fallback_groups: list[list[Actor]],
                 location: Location | None) -> list[Actor | None]:
        """The first target group naming someone other than the source; else each other, for
        mutual acts by several sources; else the fallback groups; else, for some acts, the
        territory it acted on, the source's own country or the place where it happened."""
        code = coding.code
        addressee = self._addressee(coding, trigger)
        if addressee is not None:  # whom it asks, or no one we can code: never what they are asked to act on
            return list(self._first_other([self.resolver.resolve(addressee.i)], source, coding.base)) or [None]
        coding.target_groups = self._no_events(coding.target_groups)
        fallback_groups = [self._captors(group) for group in self._no_events(fallback_groups)]
        if code in _RELEASE_CODES:  # "demand the release of aid workers seized in Baghdad": of their captors
            coding.target_groups = [self._captors(group) for group in coding.target_groups]
        allied: set[str] = set()  # "combat operations in Syria in support of the Assad government": not at Syria
        if coding.base[:2] in _FORCE_ROOTS:
            allied = {a.key for g in coding.target_groups + fallback_groups for a in g if self._ally(a)}

            def foe(actor: Actor) -> bool:  # nor the allied state itself where the force is used
                return not self._ally(actor) and not (actor.key in allied and actor.role is None)
            coding.target_groups = [[a for a in g if foe(a)] for g in coding.target_groups]
            fallback_groups = [[a for a in g if foe(a)] for g in fallback_groups]
        if coding.base[:2] not in _THING_PLACE_ROOTS and coding.base not in _THING_PLACE_CODES:
            coding.target_groups = self._who_not_where(coding.target_groups, trigger)
            fallback_groups = self._who_not_where(fallback_groups, trigger)
        else:  # "fought a gunbattle with insurgents in Baghdad": whom before where
            scenes = [g for g in coding.target_groups if g and all(self._in_scene(a, trigger) for a in g)]
            coding.target_groups = [g for g in coding.target_groups if g not in scenes]
            fallback_groups = fallback_groups + scenes
        if coding.base[:2] in _AWAY_ROOTS:  # "rushed reinforcements to Mosul", "travels to Najaf"
            coding.target_groups = [[a for a in g if not _own_place(a, source)] for g in coding.target_groups]
            fallback_groups = [[a for a in g if not _own_place(a, source)] for g in fallback_groups]
        if code[:2] in _VERBAL_ROOTS:  # "urged his supporters converging on Najaf": a place at home hears no one
            coding.target_groups = [[a for a in g if not _home_place(a, source)] for g in coding.target_groups]
            fallback_groups = [[a for a in g if not _home_place(a, source)] for g in fallback_groups]
        if "+deed:" in coding.rule and len(coding.sources) > 1 and self._mutual(coding):
            # "battles between insurgents and US forces killed 27 people": the sides fought each other,
            # and the dead are casualties, not whom either aimed at
            targets = _opponents(coding.sources, source)
        else:
            targets = self._first_other(coding.target_groups, source, coding.base)
        if not targets:  # "ministers from X and Y meet with EU officials to discuss ...": with the EU
            targets = self._first_other(self._governor_partners(trigger), source, coding.base)
        # "X and Y met", "failed to reach agreement"
        if not targets and len(coding.sources) > 1 and self._mutual(coding):
            targets = [other for other in coding.sources if not _same_actor(other, source)]  # "the army and RSF"
        if not targets and code[:2] != "01":  # a statement is not aimed at whoever it mentions
            targets = self._first_other(fallback_groups, source, coding.base) or self._first_other(
                self._counterparts([trigger, *coding.path]), source, coding.base)
        if not targets and coding.base[:3] == "175":  # "fired tear gas and rounded up demonstrators": at them
            targets = self._crowd_named(source)
        abroad = location is not None and bool(location.country) and location.country != source.key
        # those a state expels are others' people ("forty diplomats were ordered out of France"): never its own;
        # nor does it ask anyone at home to yield ("sought the surrender of ..."); nor does it withdraw or hold fire
        # against itself ("the army withdrew from the town")
        if not targets and coding.base[:2] in _DOMESTIC_ROOTS and source.role in _STATE_ORGANS and \
                coding.base != "174" and code[:2] not in _ASKING_ROOTS and coding.base[:3] != "087":
            # "Israeli forces destroyed buildings in Gaza": coercion on the territory it acts in, else at home
            # people it arrests, expels, frees or represses that no actor names are its own ("prosecute 300 Muslims")
            people = self._people_named(source.key, [trigger, *coding.path], plural=True) \
                if coding.base[:3] in _PERSON_PATIENT_CODES else None
            targets = [place_actor(location)] if location is not None and abroad and coding.base[:2] == "17" else [
                people or replace(source, role=None, code=source.key, via="implied")]
        # protests and force are aimed at the state where they happen; a domestic protest too
        if (not targets and coding.base[:2] in _PLACE_TARGET_ROOTS and location is not None and location.country
                and location.country not in allied
                and (location.country != source.key or source.role is not None or coding.base[:2] == "14")):
            targets = [self._people_there(source, location, [trigger, *coding.path]) or place_actor(location)]
        # not for what is only promised or asked ("rebels pledged to end violence"): made to no one named
        if (not targets and coding.base[:2] in {"08", "14"} and not coding.derived and source.role not in _STATE_ORGANS
                and coding.base[:3] not in _PERSON_PATIENT_CODES  # whom rebels free are theirs to name
                and not _the_state_itself(source)  # its people protesting, yielding at home
                and self.resolver.actors.kinds.get(source.key) == "state"):
            targets = [replace(source, role="GOV", code=source.key + "GOV", via="implied")]
        if coding.base == "042" and source.via == "role" and all(
                t is not None and t.key == source.key for t in targets):
            return [None]  # "an envoy visited Iran": the visitor's state was guessed from where he went
        return list(targets) or [None]

    def _addressee(self, coding: _Coding, trigger: Token) -> Token | None:
        """Whom an appeal or demand asks to act, where its words say so: the object of 'urged all
        countries to enforce an embargo on X', of 'called on Nigeria to ...', the subject of
        'called for his followers to end fighting against X'. X is only what they are asked about."""
        if coding.code[:2] not in _ASKING_ROOTS:
            return None
        asker = next((t for t in (trigger, *coding.path)  # "urged X to", "pressure on X to"
                      if t.pos in {"VERB", "NOUN"} and self._modal(t) in {"appeal", "demand"}), None)
        if asker is None:
            return None
        for clause in self.s.kids(asker.i, "xcomp", "advcl", "ccomp", "acl"):
            if not any(k.lemma == "to" for k in self.s.kids(clause.i, "aux")):
                continue
            if any(k.lemma == "for" for k in self.s.kids(clause.i, "mark")):
                return self._first(clause, "nsubj")
            asked = [*self.s.kids(asker.i, "dobj"), *self._pobjs(asker, ("to", "with")),  # "pleaded with X to"
                     *self._pobjs(asker, ("on", "upon"))]
            return next((t for t in asked if t.text.lower() not in CALENDAR_WORDS), None)  # not "on Tuesday"
        return None

    def _no_events(self, groups: list[list[Actor]]) -> list[list[Actor]]:
        """The groups without events that only a modifier gave a role: 'an inquiry into the Beslan
        school siege', 'an end to military operations' name no one acted on."""
        def an_event(actor: Actor) -> bool:
            token = self.resolver.head_of(actor)
            return actor.via == "role" and token is not None and token.pos == "NOUN" \
                and _known(token.lemma, self.vocabulary.nouns) is not None and not self.resolver.own_role(token.i)
        return [[a for a in group if not an_event(a)] for group in groups]

    def _who_not_where(self, groups: list[list[Actor]], trigger: Token) -> list[list[Actor]]:
        """The groups without places that only say where a thing is: 'the Kyoto Protocol', 'the
        settlements in Gaza' (not 'an ultimatum to Falluja', the act's own phrase, nor 'sorrow
        for the shootings in South Carolina', where the act mourned was)."""
        def located(actor: Actor) -> bool:
            token = self.resolver.head_of(actor)
            if token is None or not (actor.via == "place" and actor.role is None or actor.via == "seat"):
                return False
            thing = self.s.tokens[token.head]
            if actor.via == "seat":  # "the Paris agreement", "the Geneva talks" (not "the Moscow proposal")
                return token.dep == "compound" and self._meeting_or_accord(thing)
            if token.dep == "compound":  # "the Kyoto Protocol"; "ratified the Kyoto Pact", whatever else a pact is
                if thing.i == trigger.i and self._meeting_or_accord(thing):
                    return True
            elif thing.i == trigger.i:
                return False
            elif token.dep == "pobj":  # "atrocities in Darfur", "the shootings in South Carolina": where the act was
                thing = self.s.tokens[thing.head]
                if _known(thing.lemma, self.vocabulary.nouns) is not None or thing.i == trigger.i:
                    return False
            elif token.dep not in _MODIFIER_DEPS:
                return False
            # "the Darfur region" is the place itself, not a thing there
            return thing.pos in {"NOUN", "PROPN"} and thing.lemma not in self.vocabulary.words["place_nouns"] \
                and not self.resolver.actor_noun(thing.i)
        return [[a for a in group if not located(a)] for group in groups]

    def _meeting_or_accord(self, noun: Token) -> bool:
        return bool(self._roots(noun.lemma, self.vocabulary.nouns) & {"04", "05"})

    def _mutual(self, coding: _Coding) -> bool:
        """Whether coordinated doers do the act with each other: 'X and Y clashed (agreed to
        cooperate)', not 'X and Y launched an assault'."""
        code, mutual = coding.code, self.vocabulary.mutual
        if not code.startswith(_RECIPROCAL_CODES) and not coding.base.startswith(_RECIPROCAL_CODES) and code != "019":
            return False
        return coding.act in mutual or any(("verb", t.lemma) in mutual for t in coding.path[1:])

    def _fallback_groups(self, token: Token, code: str) -> list[list[Actor]]:
        """The target groups of a trigger's fallback prepositions; a meeting's topic is no
        counterpart ('a meeting on Iraq'), unless it names the parties ('talks on ties between
        Cuba and China')."""
        if code[:2] in {"02", "12"}:  # "an appeal for flood-hit Bangladesh": for whom, not to whom; "turned
            # down a plea for more troops": what was asked, not who asked
            return self._via_preps(token, tuple(p for p in _FALLBACK_PREPS if p != "for"))
        if code[:2] != "04":
            return self._via_preps(token, _FALLBACK_PREPS)
        return self._via_preps(token, _MEETING_FALLBACK_PREPS) + [
            g for topic in self._pobjs(token, _TOPIC_PREPS) for g in self._via_preps(topic, ("between",))]

    def _first_other(self, groups: list[list[Actor]], source: Actor, code: str) -> list[Actor]:
        for group in groups:
            others = [self._not_own_by_guess(t, source, code) for t in group if not _same_actor(t, source)
                      and not self._own_thing(t, source, code)]
            if any(t.key != source.key for t in others):  # "ties between Cuba and China" for China: Cuba
                others = [t for t in others if t.key != source.key or not _the_state_itself(t)]
            if others:
                return others
        return []

    def _own_thing(self, target: Actor, source: Actor, code: str) -> bool:
        """'Chirac signs accords to increase French investment': a thing of the source's own state
        ('French investment') is no partner of its cooperation (its people, 'Afghans', may be)."""
        if code[:2] not in _COOPERATION_ROOTS or target.key != source.key or target.role is not None or \
                target.via != "adjective" or source.role is None:
            return False
        word = next((t for t in self.s.tokens if t.start == target.start), None)
        return word is not None and word.dep in {"amod", "compound"}

    def _not_own_by_guess(self, target: Actor, source: Actor, code: str) -> Actor:
        """A target guessed from the nearest state ('militiamen') is rarely the source's own
        state when the sentence names another; but police and courts act at home ('Israeli
        military police arrested a commander accused of shooting a Palestinian girl'), and a
        leader speaks of his own state's organs ('Sharon rejects army bid')."""
        own_organ = target.role in _STATE_ORGANS and code[:2] not in _FORCE_ROOTS
        # a government talks with, or demands of, its own rebels and opposition ("Sudan's government resumed
        # talks with rebels", filed from Nairobi): only force is what a state's forces often take abroad
        own_foes = source.role == "GOV" and target.role in _OWN_FOES and code[:2] not in _FORCE_ROOTS
        if target.via == "role" and target.key == source.key and source.role not in _DOMESTIC_ROLES and \
                not own_organ and not own_foes:
            return self.resolver.elsewhere(target) or target
        return target

    def _not_sent(self, group: list[Actor], pattern: Pattern) -> list[Actor]:
        """The object's actors, without forces whose state was only guessed when they are what is
        sent or deployed ('Japan sent a small number of troops to Iraq': Japan's, not Iraq's)."""
        def sent(actor: Actor) -> bool:
            head = self.resolver.head_of(actor)
            return head is not None and (pattern.cameo[:2] == "15" or head.lemma in pattern.objects)
        # forces deployed are the sender's, however named ("Israel deploys 800 Israeli police officers")
        deployed = _ARMED_ROLES | {"COP"} if pattern.cameo[:2] == "15" else set()
        return [a for a in group if (a.via != "role" and a.role not in deployed) or not sent(a)]


def _own_place(actor: Actor, source: Actor) -> bool:
    """A place (a city, a region) in the source's own state: where it acts at home, no one it acts on."""
    return actor.via in {"place", "seat"} and actor.role is None and actor.key == source.key


def _home_place(actor: Actor, source: Actor) -> bool:
    """A city or region of the source's own state, by its name alone (not a seat of power, 'Moscow';
    nor its people, 'Darfur rebels')."""
    return actor.via == "place" and actor.role is None and actor.key == source.key


def _opponents(sides: list[Actor], source: Actor) -> list[Actor]:
    """Whom one of the sides of a fight fought: the sides of the other kind (a state's forces
    against armed groups, "between insurgents and US and Iraqi forces"), else every other side."""
    others = [a for a in sides if not _same_actor(a, source)]
    if source.role in _IRREGULARS:
        return [a for a in others if a.role in _STATE_ORGANS] or others
    if source.role in _STATE_ORGANS:
        return [a for a in others if a.role in _IRREGULARS] or others
    return others
