"""Events from one parsed sentence: patterns on the dependency parse.

For each verb or noun with a pattern, the source comes from the subject (or a passive's
"by" agent, a noun's possessor or modifier, the subject of a light verb governing the
noun) and the target from the object or the prepositions the pattern names. A verb that
governs the event ("hope to", "refused to", "urged ... to") derives a new code or sets
the factuality; negation, modals, conditionals and hedges set the factuality; time
expressions and places attached to the event's clause give its date and location
(anchoring.py).

This module is the driver: it finds the triggers, picks their patterns and emits the
events. The rules it applies are in families, each a mixin over `SentenceState`
(sentence.py): nouns.py (events named by nouns), wording.py (the words that pick a
pattern), subjects.py (subjects, agents and a noun's sources), arguments.py (named
targets), implicit.py (implicit targets: people, crowds and counterparts named, captors,
allies), targets.py (choosing the target), governors.py (what governs an event),
governing.py (what governors do: derived codes), factuality.py (negation, modals, hedges),
blame.py (accusations, demands and claims in speech), accidents.py (happenings with no
attacker), force.py (force with no agent named, crowds) and verbs.py (verb senses and clause
objects).
"""

from __future__ import annotations

from dataclasses import replace

from ..actors.resolve import ActorResolver
from ..parse.tokens import ParsedSentence, Token
from ..records import Actor
from .anchoring import SentenceContext
from .arguments import _MIGRANT_ROLES, _no_places
from .blame import BlameRules
from .force import (_FORCE_ROOTS, _armed_assault, _armed_backing, _by_air, _criminal_violence,
                    _crowd_blockade, _ground_bombing, _own_forces)
from .nouns import NounRules
from .patterns import NO_OBJECT, EventVocabulary, Pattern, needs_object
from .places import Gazetteer
from .sentence import Candidate, _Coding, _known
from .subjects import _ARMED_ROLES, _RELATIVE_PRONOUNS
from .targets import _FALLBACK_PREPS, _to_the_press
from .verbs import VerbRules

__all__ = ["Candidate", "EventExtractor"]

_PRESSURE_ROOTS = {"02", "10", "11", "12", "13"}  # "demanded that X ...": X is the target
_MUTUAL_CODES = {"041", "046"}  # "X held talks with (phoned) Y": Y talks with X as much as X with Y
_WEAPON_ROOTS = {"15", "17", "18", "19", "20"}  # what a weapon can do or undergo: show of force, coercion, force
_RESPONSIBILITY_CODES = {"015", "016"}  # claiming or denying an act is aimed at whoever the act was


class EventExtractor:
    def __init__(self, vocabulary: EventVocabulary, gazetteer: Gazetteer) -> None:
        self.vocabulary = vocabulary
        self.gazetteer = gazetteer

    def extract(self, sentence: ParsedSentence, resolver: ActorResolver,
                context: SentenceContext) -> list[Candidate]:
        work = _SentenceWork(self, sentence, resolver, context)
        return work.run()


_VISITS = frozenset({"042", "043"})
# people who have no forces to pull back: their withdrawing is from a race, a hall or a post
_CIVIL_ROLES = frozenset({"OPP", "PTY", "LEG", "JUD", "ELI", "CVL", "LAB", "EDU", "MED", "BUS", "NGO", "REL", "HLH"})
_REPORTED_CLAUSES = frozenset({"ccomp", "xcomp"})  # "said (that) ...", "pledged to ..."
_ATTRIBUTIONS = frozenset({"parataxis", "advcl"})  # "..., officials said"


class _SentenceWork(NounRules, BlameRules, VerbRules):
    """The coding of one sentence: the rule families composed, and the driver."""

    def run(self) -> list[Candidate]:
        tokens = [t for t in self.s.tokens if t.i not in self.resolver.word_entry]  # not "Treaty" in a name
        for token in tokens:
            lemma = _known(token.lemma, self.vocabulary.verbs) or _known(token.text.lower(), self.vocabulary.verbs)
            if token.pos in {"VERB", "AUX"} and lemma is not None:
                self._verb_event(token, lemma)
            elif token.pos == "VERB" and lemma is None and self._appeals_for(token):
                self._appeal_for(token)
        for token in tokens:
            lemma = _known(token.lemma, self.vocabulary.nouns) or _known(token.text.lower(), self.vocabulary.nouns)
            if token.pos in {"NOUN", "PROPN"} and lemma is not None and token.i not in self.consumed:
                self._noun_event(token, lemma)
        for token in tokens:
            if self._modal(token) in {"report", "alleged"} and token.pos in {"VERB", "AUX"}:
                self._blame_events(token)
                self._obligations(token)
        found = [_to_the_press(c) for c in self.found if c.trigger.i not in self.governing]
        return [c for c in found if not self._says_what_is_coded(c, found) and not self._freed_by_force(c, found)]

    def _freed_by_force(self, release: Candidate, found: list[Candidate]) -> bool:
        """'stormed a prison, killing four guards and freeing 350 prisoners': people freed by an
        assault are its outcome, not a release (084) by whoever held them."""
        if release.code[:3] != "084":
            return False
        clause = self._clause_root(release.trigger)
        return any(other.code[:2] in _FORCE_ROOTS and other.source.key == release.source.key
                   and self._clause_root(other.trigger) == clause for other in found)

    def _clause_root(self, token: Token) -> int:
        """The verb heading a chain of coordinated and adverbial clauses ('stormed ..., killing
        ... and freeing ...': stormed)."""
        while token.dep in {"conj", "advcl", "xcomp"} and token.head != token.i:
            token = self.s.tokens[token.head]
        return token.i

    def _says_what_is_coded(self, statement: Candidate, found: list[Candidate]) -> bool:
        """A bare statement (010) whose words are themselves coded: 'X said it would release the
        hostages' is X's intent to release, 'rebels attacked a convoy, officials said' the attack;
        the saying adds nothing."""
        if statement.code != "010":
            return False
        said = statement.trigger
        for other in found:
            if other.code[:2] == "01" or other.trigger.i == said.i:
                continue
            if said.dep in _ATTRIBUTIONS and said.head == other.trigger.i:
                return True
            child = other.trigger
            for ancestor in self.s.ancestors(other.trigger.i):
                if ancestor.i == said.i:
                    if child.dep in _REPORTED_CLAUSES:
                        return True
                    break
                child = ancestor
        return False

    # --- verbs ---------------------------------------------------------------------
    def _verb_event(self, verb: Token, lemma: str) -> None:
        participle = verb.dep == "acl" and verb.tag == "VBN"  # "soldiers killed in Ukraine": done to them
        passive = participle or bool(self.s.kids(verb.i, "nsubjpass", "auxpass"))
        shared = self._shared_passive(verb)  # "20 people were killed or wounded": wounded too
        if participle:
            obj: Token | None = self.s.tokens[verb.head]
        elif shared is not None:
            obj, passive = shared, True
        elif self._headline_passive(verb, lemma) or self._reduced_passive(verb):
            obj, passive = self._first(verb, "nsubj"), True
        else:  # a lone "oprd" is an object the parser misread ("called the Sudanese president on Saturday")
            obj = self._first(verb, "nsubjpass") if passive else self._first(verb, "dobj") or self._first(verb, "oprd")
        subjects = self.s.kids(verb.i, "nsubj")
        if obj is None and not passive and len(subjects) > 1 and subjects[0].lemma in _RELATIVE_PRONOUNS:
            obj = subjects[0]  # "the activist whom police detained", misread with two subjects
        if obj is not None and obj.lemma in _RELATIVE_PRONOUNS and verb.dep == "relcl":
            obj = self.s.tokens[verb.head]  # "journalists who were arrested", "the man whom police shot"
        particle = self._particle(verb)
        pattern = self._choose(self.vocabulary.verbs[lemma], particle.lemma if particle else None,
                               self._object_words(obj))
        if lemma in self.vocabulary.words["helping"] and obj is None and not passive:
            # "helped Syria fight the rebels": Syria is helped
            obj = self._helped(verb)
            if obj is None and self._helps_talk(verb):
                return
        if obj is None and not passive:
            obj, pattern = self._clause_object(verb, lemma, particle, pattern)
        if obj is None and not passive:
            pattern = self._sense_by_phrase(verb, lemma, particle, pattern)
        if pattern is None and obj is not None and not passive:
            pattern = self._armed_on_actor(verb, lemma, particle, obj)
        if pattern is None and obj is not None:
            pattern = self._given_to(verb, lemma, particle)
        if pattern is None or (self._phoned(verb) and self._names_as(verb, pattern)):
            return
        if any(k.lemma in self.vocabulary.words["verdicts"] for k in self.s.kids(verb.i, "acomp", "oprd")):
            return  # "pleaded guilty", "declared him innocent": a plea or verdict, not the verb's act
        if pattern.cameo[:2] == "10" and any(self._what_is(clause) for clause in self.s.kids(verb.i, "ccomp")):
            return  # "China insists that Taiwan is a Chinese province": a claim of what is, no demand
        if pattern.cameo == "040" and self._by_phone(verb):  # "spoke by phone with", "talked over the telephone"
            pattern = replace(pattern, cameo="041", id=f"{pattern.id}+phone")
        if pattern.cameo[:2] == "01" and self._commits_to_act(verb):  # "agreed to set up a joint company"
            pattern = replace(pattern, cameo=self.vocabulary.derive("intent", "03") or "030", id=f"{pattern.id}+to")
        if obj is not None and needs_object(pattern):
            self.consumed.add(obj.i)
        elif obj is not None and obj.lemma in self.vocabulary.nouns and self._act_named(obj) is not None and \
                not self._names_people(obj) and not self._responds(verb):  # "assailed the withdrawal plan" answers it
            return  # "launch an attack": the noun's own pattern codes it ("killed a hostage" is a killing)
        if self._describes_actor(verb) or self._purpose_of_same_act(verb, pattern):
            return
        sources = self._agent(verb) if passive else self._subjects(verb)
        if pattern.cameo[:2] == "13" and obj is None and self._warns_of_others(verb, sources):
            return  # "the UN agency warned that refugees have threatened to cross": a danger told, no threat
        if shared is not None and not sources:
            sources = self._agent(self.s.tokens[verb.head])
        if passive and not sources and pattern.cameo[:2] in _FORCE_ROOTS:
            sources = self._origin_or_cause(verb)
            if shared is not None and not sources:
                sources = self._origin_or_cause(self.s.tokens[verb.head])
        expelled = passive and not sources and (pattern.cameo == "174" or pattern.cameo[:3] == "166" and any(
            p.cameo == "174" for p in self.vocabulary.verbs[lemma]))  # "inspectors were expelled from Iran"
        if expelled:
            sources = self._expelled_from(verb)
        if passive and not sources and pattern.cameo.startswith("173"):
            sources = self._police_there(verb)
        if passive and not sources and pattern.cameo[:2] == "15":  # "2,000 Russian soldiers were deployed"
            deployed = self._first(verb, "nsubjpass")
            sources = [a for a in self.resolver.resolve(deployed.i) if a.role in _ARMED_ROLES] if deployed else []
        if passive and pattern.cameo[:2] == "18":  # unconventional violence, unless a weapon did it
            pattern = self._weapon_pattern(verb, pattern)
        if not passive and self._accident(verb):
            return  # "a gas explosion in a coal mine killed 56 people", "Hurricane Maria slammed into": no one acted
        fired = self._fired(verb) if pattern.cameo[:2] == "11" else None
        if fired is not None:  # "a mortar bomb slammed into a house": it hit, it did not criticize
            pattern = replace(pattern, cameo=fired.cameo, id=f"{pattern.id}+fired:{fired.id}")
        if pattern.cameo[:2] in _FORCE_ROOTS:  # "a roadside bombing killed ...", "killed in a car bombing"
            pattern, sources = self._deed_as_subject(verb, pattern, sources)
        if not sources and "+deed:" in pattern.id:  # "three civilians were killed in a car bombing", "a bombing killed"
            sources = self._unknown_attacker(verb, pattern.cameo)
        if pattern.cameo in {"190", "1712"} and self._by_crowd(verb):
            pattern = replace(pattern, cameo="145", id=f"{pattern.id}+riot")  # "protesters clashed with police"
        elif pattern.cameo[:2] == "19" and any(a.role in {"COP", "MIL"} for a in sources) and \
                self._on_crowd(verb, obj):  # "police fired tear gas at crowds of vendors"
            pattern = replace(pattern, cameo="175", id=f"{pattern.id}+repress")  # "police clashed with rioters"
        pattern = _ground_bombing(_armed_assault(pattern, sources), sources)
        lone = pattern.cameo in {"190", "193"} and all(  # "a man": only these codes read it
            (head := self.resolver.head_of(a)) is not None and head.tag == "NN" for a in sources)
        pattern = _criminal_violence(pattern, sources, lone)
        pattern = _crowd_blockade(pattern, sources)
        if pattern.cameo[:2] == "13" and obj is not None and sources and self._own_people(obj, sources):
            return  # "the US warns Americans to avoid Haiti": advice to one's own people, no threat to anyone
        if pattern.cameo == "0874" and pattern.lemma in self.vocabulary.words["withdrawing"] and \
                pattern.objects <= NO_OBJECT and sources and all(a.role in _CIVIL_ROLES for a in sources):
            return  # "all 15 candidates withdrew", "judges withdrew to consider the verdict": no forces retreat
        if pattern.cameo == "0874" and pattern.lemma in self.vocabulary.words["withdrawing"] and any(
                p.lemma in self.vocabulary.words["contests"] for p in self._pobjs(particle or verb, ("from", "of"))):
            return  # "pulled out of the Palestinian elections": a candidate, no retreat
        # "opened its borders to refugees": shelter given (075), no easing of a military blockade
        if pattern.cameo == "0872" and any(self.resolver.role_of(p.i) in _MIGRANT_ROLES
                                           for p in self._pobjs(verb, ("to", "for"))):
            pattern = replace(pattern, cameo="075", id=f"{pattern.id}+refugees")
        # "launched an offensive to end a siege by former soldiers": no easing of one's own siege
        if pattern.cameo[:3] == "087" and obj is not None and not passive and \
                self._imposed_by_others(verb, obj, sources):
            return
        # "an attack on a UN convoy killed two": the convoy's owners, before whoever was killed
        targets: list[list[Actor]] = self._deed_aimed_at(verb) if "+deed:" in pattern.id else []
        # what a statement confirms or releases is its content, not whom it is made to ("released footage of the
        # blast outside the Australian embassy"); whom one tells or addresses is
        if obj is not None and (pattern.cameo != "010" or verb.lemma in self.vocabulary.words["addressing"]):
            targets += self._inside(obj, pattern) if pattern.objects else [
                (self._holders(obj) if pattern.cameo[:2] in _FORCE_ROOTS else []) or self.resolver.resolve(obj.i)]
            if pattern.objects and self._names_actor(obj):  # "defended Russia" (the pattern's "government")
                targets.insert(0, self.resolver.resolve(obj.i))
            targets = [self._not_sent(group, pattern) for group in targets]
        targets += self._via_preps(verb, pattern.preps) + self._dative(verb)
        if particle is not None:  # "pulled out of Iraq": the particle was parsed as a preposition
            targets += self._via_preps(particle, pattern.preps + _FALLBACK_PREPS)
        if pattern.cameo[:2] in _PRESSURE_ROOTS:
            targets += [self._subjects(clause) for clause in self.s.kids(verb.i, "ccomp", "xcomp")]
        if pattern.cameo[:2] in _FORCE_ROOTS:
            targets += [self._carried(obj) if obj is not None else [], self._casualties(verb)]
        fallback = self._fallback_groups(verb, pattern.cameo)
        # not "backed an embargo against X, isolating X", nor "condemned the killing of X": X is its victim
        if obj is None or not (pattern.cameo[:2] == "05" and self._hostile_act(obj) or
                               pattern.cameo[:2] in {"09", "11"} and self._violence_noun(obj)):
            fallback += self._purpose_targets(verb, pattern.cameo) + (
                self._fallback_groups(obj, pattern.cameo) if obj else [])
        if expelled:  # the state they were sent out of is who expelled them, not also whom
            expellers = {s.key for s in sources}
            targets = [[a for a in group if a.key not in expellers] for group in targets]
            fallback = [[a for a in group if a.key not in expellers] for group in fallback]
        if pattern.cameo in _RESPONSIBILITY_CODES:  # "claimed responsibility for an attack targeting X": X
            targets += [group for noun in self._pobjs(obj or verb) for group in self._act_participants(noun)]
        if pattern.cameo in _VISITS and obj is not None and self._guest(verb):
            # "Annan met with visiting Iraqi Prime Minister Allawi": Allawi visits Annan
            sources, targets, fallback = self.resolver.resolve(obj.i), [sources], []
        self._emit(pattern, verb, verb, sources, targets, fallback, specific=bool(pattern.objects))

    def _hostile_act(self, noun: Token) -> bool:
        """Whether a noun names only acts of pressure, coercion or force (CAMEO 10-20): 'an embargo'."""
        roots = self._roots(noun.lemma, self.vocabulary.nouns)
        return bool(roots) and min(roots) >= "10"

    # --- events --------------------------------------------------------------------
    def _emit(self, pattern: Pattern, trigger: Token, anchor: Token, sources: list[Actor],
              target_groups: list[list[Actor]], fallback_groups: list[list[Actor]], specific: bool,
              weight: float = 1.0) -> None:
        """Record the event(s) of a trigger: derive its code and factuality from what governs it,
        date and place it, and pair its sources with targets."""
        if pattern.cameo[:2] == "15" and self._keeps_peace(trigger):
            pattern = replace(pattern, cameo="074", id=f"{pattern.id}+peacekeeping")
        if pattern.cameo == "1724" and any(self.vocabulary.hazards.get(t.lemma) == "hazard" for t in self.s.tokens):
            return  # "declares a state of emergency as he prepares for flooding": no repression
        if sources and pattern.cameo[:2] in _FORCE_ROOTS:  # force a place is named as doing: an unknown attacker's
            sources = _no_places(sources) or ([] if _by_air(pattern.cameo) else (
                self._unknown_attacker(trigger, pattern.cameo) or self._attacker_from(sources)))
        if not sources:
            return
        coding = _Coding(pattern.cameo, pattern.id, "asserted", sources, target_groups, [anchor], pattern.cameo,
                         act=(pattern.pos, pattern.lemma))
        if coding.code in {"11", "110", "112"}:  # "accused Moscow of espionage": the topic gives the subcode
            topic = self._accusation_topic(trigger)
            if topic is not None:
                coding.code, coding.rule = topic, f"{coding.rule}+topic"
        self._govern(coding, trigger, anchor)
        if coding.base in _VISITS and (self._migrants(trigger) or self._no_visitor(trigger)):  # "troops will fly to"
            return
        armed = coding.code[:2] in _WEAPON_ROOTS
        if not armed:  # "troops backed by helicopter gunships": a weapon backs no one
            coding.sources = [a for a in coding.sources if not self.resolver.names_weapon(a)]
        if not coding.sources:
            return
        # "Arafat rejected a US offer to host ...": the US is not refusing; "X rejected an invitation to attend": X is
        refused_by_another = bool(coding.refusers) and not coding.refusers & {a.key for a in coding.sources}
        coding.factuality = self._modality(coding.path, trigger, coding.factuality, "+threat:" in coding.rule)
        if coding.factuality == "background":  # "apologized for killing", "previously accused": not news
            return
        if coding.factuality == "negated" and ("+intent:" in coding.rule or "+threat:" in coding.rule) \
                and not refused_by_another:
            # "would not provide support", "will not end the strike unless ...": a refusal
            refusal = self.vocabulary.derive("reject", pattern.cameo)
            if refusal is not None:
                coding.code, coding.factuality = refusal, "asserted"
                coding.rule = coding.rule.replace("+intent:", "+reject:not-").replace("+threat:", "+reject:not-")
        date = self.anchoring.date(coding.path, trigger)
        location = self.anchoring.location(coding.path, trigger)
        confidence = round(min(0.95, (0.85 if specific else 0.7) * weight), 2)
        deed_targets: list[Actor] = []
        for source in coding.sources:
            for target in self._targets(coding, trigger, source, fallback_groups, location):
                if target is not None:
                    deed_targets.append(target)
                penalty = 0.85 if source.via in {"pronoun", "nominal", "role"} else 1.0
                if target is not None and target.via in {"pronoun", "nominal", "role"}:
                    penalty *= 0.85
                if target is not None and not armed and self.resolver.names_weapon(target):
                    target = None
                if target is not None and _own_forces((coding.code, coding.base), source, target):
                    target = None  # "Iran's test of a missile": a show of one's own force is aimed at no one
                code, rule = self._verbal_attack(*_armed_backing(coding.code, coding.rule, source, target),
                                                 trigger, source, target)
                self.found.append(Candidate(source, target, code, rule, trigger, coding.factuality,
                                            date, location, round(confidence * penalty, 2)))
                if coding.code in _MUTUAL_CODES and target is not None and len(coding.sources) == 1 \
                        and anchor.pos in {"VERB", "AUX"}:  # "held talks with", not "their talks"
                    self.found.append(Candidate(target, source, coding.code, coding.rule, trigger, coding.factuality,
                                                date, location, round(confidence * penalty, 2)))
        if not coding.derived and coding.factuality in {"asserted", "alleged"}:
            self._reported_deed(coding, anchor, deed_targets)
