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
(sentence.py): arguments.py (sources and named targets), targets.py (choosing the target,
implicit targets), governing.py (governing verbs, derived codes), factuality.py (negation,
modals, hedges), blame.py (accusations, demands and claims in speech), force.py (force
with no agent named, crowds, accidents) and verbs.py (verb senses and clause objects).
"""

from __future__ import annotations

from dataclasses import replace

from ..actors.resolve import ActorResolver
from ..parse.tokens import ParsedSentence, Token
from ..records import Actor
from .anchoring import SentenceContext
from .arguments import _ARMED_ROLES, _MIGRANT_ROLES, _RELATIVE_PRONOUNS, _no_places
from .blame import BlameRules
from .factuality import FactualityRules
from .force import (_FORCE_ROOTS, ForceRules, _armed_assault, _armed_backing, _by_air, _criminal_violence,
                    _crowd_blockade, _ground_bombing, _own_forces)
from .governing import GoverningRules
from .patterns import NO_OBJECT, EventVocabulary, Pattern, needs_object
from .places import Gazetteer
from .sentence import Candidate, _Coding, _known
from .targets import _FALLBACK_PREPS, TargetRules, _to_the_press
from .verbs import VerbRules

__all__ = ["Candidate", "EventExtractor"]

_REQUEST_ROOTS = {"02", "03", "10"}  # appeals, offers, demands: what can be rejected
_PRESSURE_ROOTS = {"02", "10", "11", "12", "13"}  # "demanded that X ...": X is the target
_TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning"}
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
_ANSWERING_CODES = ("016", "051", "11", "12")  # verbal answers to another's act: deny, praise, criticize, reject
# people who have no forces to pull back: their withdrawing is from a race, a hall or a post
_CIVIL_ROLES = frozenset({"OPP", "PTY", "LEG", "JUD", "ELI", "CVL", "LAB", "EDU", "MED", "BUS", "NGO", "REL", "HLH"})
_REPORTED_CLAUSES = frozenset({"ccomp", "xcomp"})  # "said (that) ...", "pledged to ..."
_ATTRIBUTIONS = frozenset({"parataxis", "advcl"})  # "..., officials said"


class _SentenceWork(GoverningRules, BlameRules, ForceRules, TargetRules, FactualityRules, VerbRules):
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
        lone = all((head := self.resolver.head_of(a)) is not None and head.tag == "NN" for a in sources)  # "a man"
        pattern = _criminal_violence(_ground_bombing(_armed_assault(pattern, sources), sources), sources, lone)
        pattern = _crowd_blockade(pattern, sources)
        if pattern.cameo[:2] == "13" and obj is not None and sources and self._own_people(obj, sources):
            return  # "the US warns Americans to avoid Haiti": advice to one's own people, no threat to anyone
        if pattern.cameo == "0874" and pattern.lemma in {"withdraw", "pull"} and pattern.objects <= NO_OBJECT and \
                sources and all(a.role in _CIVIL_ROLES for a in sources):
            return  # "all 15 candidates withdrew", "judges withdrew to consider the verdict": no forces retreat
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
        if obj is not None and (pattern.cameo != "010" or verb.lemma in {"tell", "address"}):
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

    # --- nouns ---------------------------------------------------------------------
    def _noun_event(self, noun: Token, lemma: str) -> None:
        if self._topic_of_event(noun):
            return  # "negotiations on an Israeli pullback": the pullback is what is talked about
        word_classes = self.vocabulary.words
        # "keep a dialogue channel with Russia": the phrase the noun modifies carries it
        carrier = self.s.tokens[noun.head] if noun.dep == "compound" else noun
        count = self.s.tokens[self.s.tokens[carrier.head].head]  # "held a fresh round of talks"
        if carrier.dep == "pobj" and self.s.tokens[carrier.head].lemma == "of" and \
                count.lemma in word_classes["series"]:
            carrier = count
        light = self._light_verb(carrier)
        governor = self._prepositional_governor(carrier)
        words = self._complement_words(noun)
        pattern = self._choose(self.vocabulary.nouns[lemma], None, words)
        if pattern is None or not pattern.objects:  # "troops remained on alert", "teachers went on strike"
            pattern = self._choose(self.vocabulary.nouns[lemma], None, self._doer_words(light or governor)) or pattern
        if pattern is None or (pattern.cameo[:2] in _FORCE_ROOTS and self._background_of_event(noun)) or \
                self._charged_over(noun) or \
                self._years_away(noun):
            return
        if carrier is not noun and self._modal(carrier) == "intent" and self._plan_as_topic(carrier):
            return  # "Sharon seeks to save the Gaza pullout plan": the plan is what it is about
        if self._denied_claim(noun):
            return  # "denied reports of a Russian attack", "dismisses Iraq warning claims": only claimed
        if pattern.cameo[:2] in _FORCE_ROOTS and noun.dep == "compound" and \
                carrier.lemma not in word_classes["act_carriers"]:
            return  # "war crimes", "attack helicopters", "a bombing suspect": a kind of thing; its head codes any act
        roles = self.resolver.actors.roles
        if noun.dep == "compound" and carrier.lemma not in word_classes["act_carriers"] and (
                carrier.lemma in roles or f"{noun.lemma} {carrier.lemma}" in roles):
            return  # "riot police", "aid workers", "protest leaders": who they are, not what they did ("a mediation
            # mission" is an act)
        if light is not None and light.lemma in word_classes["perceiving"]:
            return  # "advisers see a China military threat", "Israel fears an Iranian attack": a view, not an act
        if pattern.cameo[:2] == "15" and self._hit_thing(noun):
            return  # "a bomb exploded near (ripped through, fired on) a US patrol": the thing hit, no show of force
        if self._war_named(noun, lemma, light) and not self._characterized(noun):
            return  # "the US-led war in Iraq has not made the world safer": a war named, not news of one (what
            # someone says it was, "the war was illegal", is: an accusation)
        if light is not None and light.lemma in word_classes["undoing"]:
            return  # "French girls are breaking the ban on headscarves": the ban stands; they did not impose it
        if light is not None and light.lemma in word_classes["captive_verbs"] and light.dep == "acl" and \
                light.tag in {"VBG", "VBN"}:
            return  # "a group holding three UN workers hostage demanded ...": who they are, not news of a seizure
        if light is not None and self._modal(light) == "reject" and \
                pattern.cameo[:2] in _REQUEST_ROOTS:
            self._rejection(noun, light)
            return
        sources = self._noun_agents(noun)
        # "prompting a warning from North Korea": its maker ("attacks from Jordan" were only launched there)
        if not sources and "from" not in pattern.preps and pattern.cameo[:2] not in _FORCE_ROOTS:
            sources = next((g for g in self._via_preps(noun, ("from",)) if g), [])
        modifiers = self._noun_modifiers(noun)
        undergoers = []  # "X survived an Israeli assassination attempt": Israel acts on X
        done_to = self._undergone(noun, lemma)
        if done_to:  # "his arrest", "the Milosevic trial": who is arrested or tried; "by" names who does it
            sources = self._by_agents(noun)
            undergoers = [a for k in self.s.kids(noun.i, "poss") for a in self.resolver.resolve(k.i)]
            undergoers += [a for a in modifiers if a.via == "person" or a.role is not None]
            modifiers = [a for a in modifiers if a not in undergoers]
        # "journalists filmed clashes", "the UN investigated attacks": the act is someone else's
        doer = self._subjects(light) if light is not None and light.lemma not in word_classes["witnessing"] else []
        if light is not None and self._held_as(noun, light):  # "two reporters still held hostage in Iraq": held
            undergoers, doer, sources = undergoers + doer, [], sources or self._agent(light)
        # "faces criticism", "went on trial", "won early release from prison": done to the subject
        if light is not None and (light.lemma in word_classes["undergoing"] or (
                done_to and light.lemma in word_classes["facing"] | word_classes["receiving"])):
            undergoers, doer = undergoers + doer, []  # "faces criticism from the UN": the UN criticizes
            sources = sources or next((g for g in self._via_preps(light, ("from",)) + self._via_preps(
                noun, ("from",)) if g), [])
        if light is not None and light.lemma in word_classes["receiving"] and pattern.cameo[:2] in {"06", "07"}:
            # "Syrians found asylum in Jordan", "received aid from the EU", "gets China investment": given it
            undergoers, doer = undergoers + doer, []
            givers = self._via_preps(light, ("from", "in", "by")) + self._via_preps(noun, ("from", "in", "by"))
            sources = sources or next((g for g in givers if g), [])
        if light is not None and self._responds(light):  # whoever answers an act did not do it
            if modifiers and not sources:
                # "the Pentagon disputed Red Cross criticism", "Iran dismissed Israeli threats": the act answered is
                # the modifier's, aimed at whoever answers it
                sources, modifiers, undergoers = modifiers, [], undergoers + doer
            doer = []  # "Kerry assailed the troop withdrawal plan"
        if not doer and governor is not None:
            doer = self._subjects(governor)
            if done_to and governor.lemma in word_classes["facing"]:  # "will go on trial"
                undergoers, doer = undergoers + doer, []
        if not doer and pattern.cameo[:2] == "04":  # "negotiators return to Geneva for talks": they talk
            doer = self._purpose_of(carrier)
        participant = noun.lemma in self.resolver.actors.roles  # "hostages": who is held, not who holds
        if not sources and doer:  # "offered Finland assistance": the doer acts, the modifier receives
            sources = doer
        elif not sources and not participant:
            sources, modifiers = modifiers, []
        fight = pattern.cameo[:2] == "19"
        # "talks in Beijing between Iranian and Saudi officials", "clashes between Indian and Chinese troops
        # erupted": each side with the other. Not a summit that is where the news happened ("at a summit
        # between X and Y, X rejected ...", "a summit between X and Y failed to ..."), nor fighting that is
        # only the cause or scene of other news ("closed its borders because of fighting between ...")
        scene = noun.dep == "pobj" and self.s.tokens[noun.head].lemma in {"at", "during"}
        if not sources and ("noun", lemma) in self.vocabulary.mutual and (
                noun.dep in {"nsubj", "nsubjpass", "ROOT"} if fight
                else pattern.cameo[:2] == "04" and noun.dep != "nsubj" and not scene and not self._talked_about(noun)):
            sides = [a for group in self._via_preps(noun, ("between",)) for a in group]
            sources = sides if len({a.key for a in sides}) > 1 else []
        targets = self._via_preps(noun, pattern.preps)
        if governor is not None:  # "engaged Filipino peacekeepers in a firefight"
            targets += [self.resolver.resolve(k.i) for k in self.s.kids(governor.i, "dobj")]
        if carrier is not noun:
            targets += self._via_preps(carrier, pattern.preps)
        if light is not None:
            targets += self._via_preps(light, pattern.preps) + self._dative(light)
        targets += [modifiers, undergoers]
        fallback = self._fallback_groups(carrier, pattern.cameo) + self._purpose_targets(carrier, pattern.cameo)
        if light is not None:
            fallback += self._fallback_groups(light, pattern.cameo) + self._purpose_targets(light, pattern.cameo)
        anchor = light if light is not None else noun
        found = len(self.found)
        self._emit(pattern, noun, anchor, sources, targets, fallback, specific=bool(pattern.objects))
        if pattern.cameo[:2] in _FORCE_ROOTS and self._characterized(noun):
            # "Annan said the US war in Iraq is illegal": saying so accuses the US; the war is no news
            self.found[found:] = [c for c in self.found[found:] if c.trigger.i != noun.i]

    def _denied_claim(self, noun: Token) -> bool:
        """Whether a noun is what a report or claim says ('reports of a Russian attack', 'warning
        claims') and that report is denied or dismissed: the act is only someone else's claim."""
        head = self.s.tokens[noun.head]
        if noun.dep == "pobj" and head.lemma in {"of", "about"}:
            head = self.s.tokens[head.head]
        elif noun.dep != "compound":
            return False
        if head.i == noun.i or head.pos != "NOUN" or self._modal(head) not in {"report", "alleged"}:
            return False
        answer = self._light_verb(head)
        return answer is not None and (self._responds(answer) or self._modal(answer) in {"negated", "reject"})

    def _years_away(self, noun: Token) -> bool:
        """'on Monday, 150 years after the British assault', 'two decades before the accord': an act
        years from what the clause tells is the history it is dated by, not news."""
        prep = self.s.tokens[noun.head]
        return noun.dep == "pobj" and prep.lemma in {"after", "before"} and any(
            k.lemma in {"year", "decade", "century"} for k in self.s.kids(prep.i, "npadvmod"))

    def _responds(self, verb: Token) -> bool:
        """Whether a verb only answers another's act: all its patterns deny, praise, criticize or
        reject (016, 051, 11, 12), as 'dispute' and 'dismiss' do; verbs that govern ('oppose') do more."""
        lemma = _known(verb.lemma, self.vocabulary.verbs)
        return lemma is not None and self._modal(verb) is None and \
            all(p.cameo.startswith(_ANSWERING_CODES) for p in self.vocabulary.verbs[lemma])

    def _doer_words(self, verb: Token | None) -> list[str]:
        """The head of the subject of a noun's verb, which names what kind of event the noun is
        when nothing else does: troops on alert are on military alert, teachers strike as workers."""
        subject = self._first(verb, "nsubj") if verb is not None else None
        return [subject.lemma] if subject is not None else []

    def _rejection(self, request: Token, verb: Token) -> None:
        """'Yemen rejected a U.S. request to ...': a refusal aimed at whoever asked."""
        targets = [self._noun_agents(request), self._noun_modifiers(request)]
        targets += self._via_preps(request, ("from", "by", "of"))
        code = "120"
        for kid in self.s.kids(request.i, "acl", "xcomp", "prep"):
            for content in [kid, *self.s.kids(kid.i, "pobj")]:
                table = self.vocabulary.verbs if content.pos in {"VERB", "AUX"} else self.vocabulary.nouns
                patterns = table.get(content.lemma)  # the general pattern comes last
                derived = self.vocabulary.derive("reject", patterns[-1].cameo) if patterns else None
                code = derived or code
        pattern = Pattern(f"120-reject-{request.lemma}", code, "verb", verb.lemma, None, frozenset(), ())
        self._emit(pattern, verb, verb, self._subjects(verb), targets, [], specific=True)

    def _held_as(self, noun: Token, verb: Token) -> bool:
        """Whether a bare role noun is the only object of a verb of holding: what its subject was held
        as ('reporters held hostage'), not whom it holds ('held two Britons hostage')."""
        return verb.lemma in self.vocabulary.words["captive_verbs"] and noun.dep == "dobj" and noun.tag == "NN" and \
            noun.lemma in self.resolver.actors.roles and \
            not self.s.kids(noun.i, "det", "nummod", "poss", "compound") and \
            not any(k.i != noun.i for k in self.s.kids(verb.i, "dobj", "oprd"))

    def _hostile_act(self, noun: Token) -> bool:
        """Whether a noun names only acts of pressure, coercion or force (CAMEO 10-20): 'an embargo'."""
        lemma = _known(noun.lemma, self.vocabulary.nouns)
        return lemma is not None and all(p.cameo[:2] >= "10" for p in self.vocabulary.nouns[lemma])

    def _talked_about(self, noun: Token) -> bool:
        """Whether talks between two sides are only what something is about: 'review the progress of the
        dialogue between India and Pakistan', 'issues including the dialogue between ...' (not 'a round of
        talks between ...', 'the resumption of talks')."""
        prep = self.s.tokens[noun.head]
        head = self.s.tokens[prep.head]
        if noun.dep != "pobj" or prep.lemma not in {"of", "include"} or head.pos not in {"NOUN", "PROPN"}:
            return False
        if self.s.kids(head.i, "nummod") or head.lemma in {"hour", "day", "week", "month", "year"}:
            return False  # "three days of talks between ...", "after hours of talks"
        word_classes = self.vocabulary.words
        return prep.lemma == "include" or (
            head.lemma not in word_classes["series"] | word_classes["act_carriers"] | word_classes["starts"] and
            _known(head.lemma, self.vocabulary.nouns) is None and self._modal(head) is None)

    def _topic_of_event(self, noun: Token) -> bool:
        prep = self.s.tokens[noun.head]
        if noun.dep != "pobj" or prep.lemma not in _TOPIC_PREPS:
            return False
        head = self.s.tokens[prep.head]
        if head.pos in {"VERB", "AUX"}:  # "renewed negotiations today on ...": the phrase hangs off the verb
            head = next(iter(self.s.kids(head.i, "dobj")), head)
        return head.pos in {"NOUN", "PROPN"} and (head.lemma in self.vocabulary.nouns or self._modal(head) is not None)

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
