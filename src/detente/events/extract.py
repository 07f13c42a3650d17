"""Events from one parsed sentence: patterns on the dependency parse.

For each verb or noun with a pattern, the source comes from the subject (or a passive's
"by" agent, a noun's possessor or modifier, the subject of a light verb governing the
noun) and the target from the object or the prepositions the pattern names. A verb that
governs the event ("hope to", "refused to", "urged ... to") derives a new code or sets
the factuality; negation, modals, conditionals and hedges set the factuality; time
expressions and places attached to the event's clause give its date and location
(anchoring.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..actors.resolve import ActorResolver
from ..parse.tokens import ParsedSentence, Token
from ..records import Actor, EventDate, Location
from .anchoring import Anchoring, SentenceContext, place_actor
from .patterns import EventVocabulary, Pattern
from .places import Gazetteer

# Links from a clause up to the verb (or noun: "intention to") that governs it. Adverbial
# clauses (but for purpose: "to discuss") and relative clauses are not governed: "comes
# after NATO expelled" asserts the expulsion.
_CLAUSE_LINKS = {"xcomp", "ccomp", "conj", "pcomp", "acl", "acomp"}
_LIGHT_VERB_DEPS = {"dobj", "nsubjpass", "attr", "oprd"}
_RELATIVE_PRONOUNS = {"which", "who", "that", "whom"}
_HYPOTHETICAL_AUX = {"could", "might", "may", "can"}
_FUTURE_AUX = {"will", "shall", "'ll", "would", "'d"}  # "would" is the future of reported speech
_DEONTIC_AUX = {"must", "should"}
_CONDITIONAL_MARKS = {"if", "unless", "whether"}
_ALLEGED_ADVERBS = {"allegedly", "reportedly", "purportedly", "supposedly", "apparently"}
_HYPOTHETICAL_MODIFIERS = {"potential", "possible", "likely", "hypothetical", "prospective"}
_FUTURE_MODIFIERS = {"future", "planned", "proposed", "upcoming", "expected", "forthcoming"}
# Prepositions tried for a target when the pattern's own give none: "withdrew from Lebanon".
_FALLBACK_PREPS = ("to", "with", "against", "on", "toward", "towards", "from", "for", "into", "at", "over",
                   "between", "of")
_REQUEST_ROOTS = {"02", "03", "10"}  # appeals, offers, demands: what can be rejected
_PRESSURE_ROOTS = {"02", "10", "11", "12", "13"}  # "demanded that X ...": X is the target
_TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning"}
_CIRCUMSTANCE_PREPS = {"before", "after", "since", "despite", "without", "while", "following", "besides"}
_PARTICLES = {"out", "off", "down", "up", "back", "away", "over", "in"}
_NO_OBJECT = frozenset({"-"})  # a pattern's object "-": only when there is no direct object
_DERIVING = ("intent", "appeal", "demand", "command", "reject", "halt")
_RECIPROCAL_ROOTS = {"03", "04", "05", "06", "19"}  # consult, cooperate, fight (and 019 accord): with each other
_MUTUAL_CODES = {"041", "046"}  # "X held talks with (phoned) Y": Y talks with X as much as X with Y
_DOMESTIC_ROOTS = {"08", "17"}  # a state's organ easing or coercing with no one named acts on its own country
_STATE_ORGANS = {"GOV", "JUD", "LEG", "MIL", "COP"}
_FORCE_ROOTS = {"18", "19", "20"}
_RESPONSIBILITY_CODES = {"015", "016"}  # claiming or denying an act is aimed at whoever the act was
_GENERIC_DEED = "attack"  # its patterns name doers too: 'a gunman (suicide bomber, drone) attack'
_LAUNCH_VERBS = {"fire", "launch", "shoot", "lob"}  # "fired from Gaza": where the fire came from
_PLACE_TARGET_ROOTS = {"14", "15", "18", "19", "20"}  # protests and force are aimed at where they happen
# "in protest against X", "during demonstrations against X": an act done so is aimed at X
_AIMED_CIRCUMSTANCES = {"protest", "defiance", "opposition", "response", "retaliation", "demonstration", "rally",
                        "march"}
_UNDERIVED_FACTUALITY = {"intent": "future", "appeal": "hypothetical", "demand": "hypothetical",
                         "command": "hypothetical", "reject": "negated", "halt": "negated"}


def _known(lemma: str, table: dict[str, list[Pattern]]) -> str | None:
    """The lemma a pattern table knows: the word itself, or the word without 're-'
    ('re-open' codes as 'open'; not 'represent' as 'present')."""
    for form in (lemma, lemma[3:] if lemma.startswith("re-") else ""):
        if form in table:
            return form
    return None


def _same_actor(target: Actor, source: Actor) -> bool:
    """Whether a target is the source itself: the same state and role, or a pronoun for it
    ("its mission"), or the same code (an organisation's code ignores roles). SRBLEG acting on
    SRBOPP is a domestic event between two actors."""
    return target.key == source.key and (target.role == source.role or target.via == "pronoun"
                                         or target.code == source.code)


@dataclass(frozen=True, slots=True)
class Candidate:
    """An event found in one sentence, before the mentions of a document are merged."""

    source: Actor
    target: Actor | None
    code: str
    rule: str
    trigger: Token
    factuality: str
    date: EventDate
    location: Location | None
    confidence: float


@dataclass(slots=True)
class _Coding:
    """An event's code as it is worked out from the words that govern its trigger."""

    code: str
    rule: str
    factuality: str
    sources: list[Actor]
    target_groups: list[list[Actor]]
    path: list[Token]  # the trigger's clause and the clauses that govern it
    base: str = ""  # the pattern's own code, before any derivation
    derived: bool = False
    derived_by: str | None = None  # the effect that derived the code
    refusers: set[str] = field(default_factory=set)  # who rejected the derived act ("rejected a US offer")


class EventExtractor:
    def __init__(self, vocabulary: EventVocabulary, gazetteer: Gazetteer) -> None:
        self.vocabulary = vocabulary
        self.gazetteer = gazetteer

    def extract(self, sentence: ParsedSentence, resolver: ActorResolver,
                context: SentenceContext) -> list[Candidate]:
        work = _SentenceWork(self, sentence, resolver, context)
        return work.run()


def _to_the_press(candidate: Candidate) -> Candidate:
    """A statement made to the media ("officials told AFP") is aimed at no one: the press
    carries it. Acts against the media ("Iran banned the BBC") keep their target."""
    target = candidate.target
    if candidate.code.startswith("01") and target is not None and target.role == "MED":
        return replace(candidate, target=None)
    return candidate


class _SentenceWork:
    """The state of coding one sentence."""

    def __init__(self, extractor: EventExtractor, sentence: ParsedSentence, resolver: ActorResolver,
                 context: SentenceContext) -> None:
        self.vocabulary = extractor.vocabulary
        self.gazetteer = extractor.gazetteer
        self.s = sentence
        self.resolver = resolver
        self.context = context
        self.anchoring = Anchoring(sentence, context, extractor.vocabulary, extractor.gazetteer, resolver.text)
        self.consumed: set[int] = set()  # nouns already coded as part of a verb pattern
        self.governing: set[int] = set()  # verbs whose event is the one they govern ("agreed to meet")
        self.found: list[Candidate] = []

    def run(self) -> list[Candidate]:
        tokens = [t for t in self.s.tokens if t.i not in self.resolver.word_entry]  # not "Treaty" in a name
        for token in tokens:
            lemma = _known(token.lemma, self.vocabulary.verbs) or _known(token.text.lower(), self.vocabulary.verbs)
            if token.pos in {"VERB", "AUX"} and lemma is not None:
                self._verb_event(token, lemma)
        for token in tokens:
            lemma = _known(token.lemma, self.vocabulary.nouns) or _known(token.text.lower(), self.vocabulary.nouns)
            if token.pos in {"NOUN", "PROPN"} and lemma is not None and token.i not in self.consumed:
                self._noun_event(token, lemma)
        for token in tokens:
            if self._modal(token) in {"report", "alleged"} and token.pos in {"VERB", "AUX"}:
                self._blame_events(token)
                self._obligations(token)
        return [_to_the_press(c) for c in self.found if c.trigger.i not in self.governing]

    # --- verbs ---------------------------------------------------------------------
    def _verb_event(self, verb: Token, lemma: str) -> None:
        participle = verb.dep == "acl" and verb.tag == "VBN"  # "soldiers killed in Ukraine": done to them
        passive = participle or bool(self.s.kids(verb.i, "nsubjpass", "auxpass"))
        shared = self._shared_passive(verb)  # "20 people were killed or wounded": wounded too
        if participle:
            obj: Token | None = self.s.tokens[verb.head]
        elif shared is not None:
            obj, passive = shared, True
        else:
            obj = self._first(verb, "nsubjpass") if passive else self._first(verb, "dobj")
        particle = self._particle(verb)
        pattern = self._choose(self.vocabulary.verbs[lemma], particle.lemma if particle else None,
                               self._object_words(obj))
        if obj is None and not passive:
            obj, pattern = self._clause_object(verb, lemma, particle, pattern)
        if pattern is None:
            return
        if obj is not None and pattern.objects and pattern.objects != _NO_OBJECT:
            self.consumed.add(obj.i)
        elif obj is not None and obj.lemma in self.vocabulary.nouns:
            return  # "launch an attack": the noun's own pattern codes it
        if self._describes_actor(verb):
            return
        sources = self._agent(verb) if passive else self._subjects(verb)
        if shared is not None and not sources:
            sources = self._agent(self.s.tokens[verb.head])
        if passive and not sources and pattern.cameo[:2] in _FORCE_ROOTS:
            sources = self._origin_or_cause(verb)
            if shared is not None and not sources:
                sources = self._origin_or_cause(self.s.tokens[verb.head])
        if passive and pattern.cameo[:2] == "18":  # unconventional violence, unless a weapon did it
            pattern = self._weapon_pattern(verb, pattern)
        if not passive and pattern.cameo[:2] in _FORCE_ROOTS and self._accident(verb):
            return  # "a gas explosion in a coal mine killed 56 people": no one used force
        if pattern.cameo[:2] in _FORCE_ROOTS:  # "a roadside bombing killed ...", "killed in a car bombing"
            pattern, sources = self._deed_as_subject(verb, pattern, sources)
        if passive and not sources and "+deed:" in pattern.id:  # "three civilians were killed in a car bombing"
            sources = self._unknown_attacker(verb)
        if pattern.cameo in {"190", "1712"} and self._by_crowd(verb):
            pattern = replace(pattern, cameo="145", id=f"{pattern.id}+riot")  # "protesters clashed with police"
        elif pattern.cameo == "190" and any(a.role in {"COP", "MIL"} for a in sources) and self._on_crowd(verb, obj):
            pattern = replace(pattern, cameo="175", id=f"{pattern.id}+repress")  # "police clashed with rioters"
        targets: list[list[Actor]] = []
        if obj is not None:
            targets = self._inside(obj, pattern) if pattern.objects else [self.resolver.resolve(obj.i)]
        targets += self._via_preps(verb, pattern.preps) + self._dative(verb)
        if particle is not None:  # "pulled out of Iraq": the particle was parsed as a preposition
            targets += self._via_preps(particle, pattern.preps + _FALLBACK_PREPS)
        if pattern.cameo[:2] in _PRESSURE_ROOTS:
            targets += [self._subjects(clause) for clause in self.s.kids(verb.i, "ccomp", "xcomp")]
        fallback = self._via_preps(verb, _FALLBACK_PREPS) + self._purpose_targets(verb)
        if obj is not None:
            fallback += self._via_preps(obj, _FALLBACK_PREPS)
        if pattern.cameo in _RESPONSIBILITY_CODES:  # "claimed responsibility for an attack targeting X": X
            targets += [group for noun in self._pobjs(obj or verb) for group in self._act_participants(noun)]
        self._emit(pattern, verb, verb, sources, targets, fallback, specific=bool(pattern.objects))

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
            if specific is not None and specific.objects and specific.objects != _NO_OBJECT:
                return subject, specific
        return None, pattern

    # --- nouns ---------------------------------------------------------------------
    def _noun_event(self, noun: Token, lemma: str) -> None:
        if self._topic_of_event(noun):
            return  # "negotiations on an Israeli pullback": the pullback is what is talked about
        words = self._complement_words(noun)
        pattern = self._choose(self.vocabulary.nouns[lemma], None, words)
        if pattern is None or (pattern.cameo[:2] in _FORCE_ROOTS and self._background_of_event(noun)):
            return
        # "keep a dialogue channel with Russia": the phrase the noun modifies carries it
        carrier = self.s.tokens[noun.head] if noun.dep == "compound" else noun
        light = self._light_verb(carrier)
        if light is not None and self._modal(light) == "reject" and \
                pattern.cameo[:2] in _REQUEST_ROOTS:
            self._rejection(noun, light)
            return
        governor = self._prepositional_governor(carrier)
        sources = self._noun_agents(noun)
        modifiers = self._noun_modifiers(noun)
        doer = self._subjects(light) if light is not None else []
        if not doer and governor is not None:
            doer = self._subjects(governor)
        if not doer and pattern.cameo[:2] == "04":  # "negotiators return to Geneva for talks": they talk
            doer = self._purpose_of(carrier)
        participant = noun.lemma in self.resolver.actors.roles  # "hostages": who is held, not who holds
        if not sources and doer:  # "offered Finland assistance": the doer acts, the modifier receives
            sources = doer
        elif not sources and not participant:
            sources, modifiers = modifiers, []
        targets = self._via_preps(noun, pattern.preps)
        if governor is not None:  # "engaged Filipino peacekeepers in a firefight"
            targets += [self.resolver.resolve(k.i) for k in self.s.kids(governor.i, "dobj")]
        if carrier is not noun:
            targets += self._via_preps(carrier, pattern.preps)
        if light is not None:
            targets += self._via_preps(light, pattern.preps) + self._dative(light)
        targets.append(modifiers)
        fallback = self._via_preps(carrier, _FALLBACK_PREPS) + self._purpose_targets(carrier)
        if light is not None:
            fallback += self._via_preps(light, _FALLBACK_PREPS) + self._purpose_targets(light)
        anchor = light if light is not None else noun
        self._emit(pattern, noun, anchor, sources, targets, fallback, specific=bool(pattern.objects))

    def _purpose_of(self, noun: Token) -> list[Actor]:
        """The subject of the verb whose 'for' phrase the noun is: who came for the talks."""
        prep = self.s.tokens[noun.head]
        verb = self.s.tokens[prep.head]
        if noun.dep != "pobj" or prep.lemma != "for" or verb.pos not in {"VERB", "AUX"}:
            return []
        return self._subjects(verb)

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

    def _topic_of_event(self, noun: Token) -> bool:
        prep = self.s.tokens[noun.head]
        if noun.dep != "pobj" or prep.lemma not in _TOPIC_PREPS:
            return False
        head = self.s.tokens[prep.head]
        if head.pos in {"VERB", "AUX"}:  # "renewed negotiations today on ...": the phrase hangs off the verb
            head = next(iter(self.s.kids(head.i, "dobj")), head)
        return head.pos in {"NOUN", "PROPN"} and (head.lemma in self.vocabulary.nouns or self._modal(head) is not None)

    def _background_of_event(self, noun: Token) -> bool:
        """'assistance to the US-led war against Iraq', 'an offensive in its war with Iraq': fighting
        named in a phrase of another event is its background, not news."""
        prep = self.s.tokens[noun.head]
        if noun.dep != "pobj" or prep.dep != "prep":
            return False
        head = self.s.tokens[prep.head]
        return head.i != noun.i and head.pos in {"NOUN", "PROPN"} and \
            _known(head.lemma, self.vocabulary.nouns) is not None

    def _noun_sources(self, noun: Token) -> list[Actor]:
        """Who does what a noun names: its possessor or 'by' phrase, else an actor modifying it."""
        return self._noun_agents(noun) or self._noun_modifiers(noun)

    def _noun_agents(self, noun: Token) -> list[Actor]:
        for kid in self.s.kids(noun.i, "poss"):
            return self.resolver.resolve(kid.i)
        for prep in self.s.kids(noun.i, "prep"):
            if prep.lemma == "by":
                for pobj in self.s.kids(prep.i, "pobj"):
                    return self.resolver.resolve(pobj.i)
        return []

    def _noun_modifiers(self, noun: Token) -> list[Actor]:
        """Named actors modifying a noun: 'Russian aggression' (not 'military exercises')."""
        for kid in self.s.kids(noun.i, "amod", "compound", "nmod"):
            actors = [a for a in self.resolver.resolve(kid.i) if a.via != "role"]
            if actors:
                return actors
        return []

    def _prepositional_governor(self, noun: Token) -> Token | None:
        """The verb that governs a noun through a preposition: 'agreed to a ceasefire', 'called for talks'."""
        if noun.dep != "pobj":
            return None
        prep = self.s.tokens[noun.head]
        verb = self.s.tokens[prep.head]
        effect = self._modal(verb)
        if verb.pos not in {"VERB", "AUX"} or effect not in (*_DERIVING, "light"):
            return None
        # "agreed to", "called for", "insisted on"; "engaged in talks" only for light verbs,
        # not "lifted sanctions in recognition of ..."
        if prep.lemma in {"to", "for", "on", "upon"} or (effect == "light" and prep.lemma in {"in", "into"}):
            return verb
        return None

    def _light_verb(self, noun: Token) -> Token | None:
        head = self.s.tokens[noun.head]
        if noun.dep in _LIGHT_VERB_DEPS and head.pos in {"VERB", "AUX"} and head.i != noun.i:
            return head
        return None

    # --- accusations by characterisation -------------------------------------------
    def _blame_events(self, speaker_verb: Token) -> None:
        """'S said/cited its belief that T's X ...' where X is a blame topic: S accuses T."""
        complement: list[int] = []
        for kid in self.s.kids(speaker_verb.i, "ccomp", "dobj", "xcomp"):
            complement.extend(self.s.subtree(kid.i))
        sources = self._subjects(speaker_verb)
        if not sources:
            return
        for i in complement:
            token = self.s.tokens[i]
            code, term = self._blame_topic(token)
            if code is None:
                continue
            targets = [a for a in self.resolver.resolve(i) if a.key not in {s.key for s in sources}]
            pattern = Pattern(f"blame:{term}", code, "noun", token.lemma, None, frozenset(), ())
            if targets:
                self._emit(pattern, speaker_verb, speaker_verb, sources, [targets], [], specific=False, weight=0.8)
                return

    def _accusation_topic(self, trigger: Token) -> str | None:
        for prep in self.s.kids(trigger.i, "prep"):
            if prep.lemma in {"of", "for", "over"}:
                for i in self.s.subtree(prep.i):
                    code, _ = self._blame_topic(self.s.tokens[i])
                    if code is not None:
                        return code
        return None

    def _obligations(self, speaker_verb: Token) -> None:
        """'S said that T must ...' with nothing coded inside: S demands of T (CAMEO 100)."""
        if speaker_verb.i in self.governing:
            return
        for clause in self.s.kids(speaker_verb.i, "ccomp"):
            if {k.text.lower() for k in self.s.kids(clause.i, "aux")} & _DEONTIC_AUX:
                pattern = Pattern("100-must-clause", "100", "verb", speaker_verb.lemma, None, frozenset(), ())
                self._emit(pattern, speaker_verb, speaker_verb, self._subjects(speaker_verb),
                           [self._subjects(clause)], [], specific=False, weight=0.9)

    def _blame_topic(self, token: Token) -> tuple[str | None, str]:
        for kid in self.s.kids(token.i, "compound", "amod"):
            term = f"{kid.lemma} {token.lemma}"
            if term in self.vocabulary.blame:
                return self.vocabulary.blame[term], term
        return self.vocabulary.blame.get(token.lemma), token.lemma

    # --- arguments -----------------------------------------------------------------
    def _first(self, token: Token, *deps: str) -> Token | None:
        kids = self.s.kids(token.i, *deps)
        return kids[0] if kids else None

    def _particle(self, verb: Token) -> Token | None:
        """The verb's particle; "out" in "pulled out of" is often parsed as a preposition."""
        particle = self._first(verb, "prt")
        if particle is None:
            particle = next((p for p in self.s.kids(verb.i, "prep")
                             if p.lemma in _PARTICLES and not self.s.kids(p.i, "pobj")), None)
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
        return words

    def _complement_words(self, noun: Token) -> list[str]:
        """A noun's modifiers (outermost first: 'joint military exercises' is joint) and complements."""
        words = self._modifier_words(noun)
        for prep in self.s.kids(noun.i, "prep"):
            if prep.lemma in {"of", "on"}:
                words += [k.lemma for k in self.s.kids(prep.i, "pobj")]
        return words

    @staticmethod
    def _choose(patterns: list[Pattern], particle: str | None, words: list[str]) -> Pattern | None:
        """The pattern for the first word (in order of preference) that some pattern names."""
        fitting = [p for p in patterns if p.particle == particle or (p.particle is None and particle is None)]
        if not fitting and particle is not None:
            fitting = [p for p in patterns if p.particle is None]
        for word in words:
            for pattern in fitting:
                if word in pattern.objects:
                    return pattern
        general = [p for p in fitting if not p.objects or (p.objects == _NO_OBJECT and not words)]
        return general[0] if general else None

    def _subjects(self, verb: Token) -> list[Actor]:
        """Actors of the verb's subject, inherited through control and coordination."""
        seen = set()
        coordinated = False  # reached through "and": "was indicted and will resign"
        while verb.i not in seen:
            seen.add(verb.i)
            subject = self._first(verb, "nsubj", "csubj")
            if subject is not None:
                if subject.lemma in _RELATIVE_PRONOUNS and verb.dep == "relcl":
                    return self.resolver.resolve(verb.head)
                return self.resolver.resolve(subject.i) or self._author(subject)
            patient = self._first(verb, "nsubjpass")
            if patient is not None:  # a passive's doer is its agent; "was indicted ... and will resign"
                return self.resolver.resolve(patient.i) if coordinated else self._agent(verb)
            head = self.s.tokens[verb.head]
            if verb.dep == "xcomp":
                controller = self._first(head, "dobj", "nsubjpass")  # "urged Russia to", "Russia was urged to"
                if controller is None:  # "called on Russia to", "appealed to Russia to"
                    controller = next(iter(self._pobjs(head, ("on", "upon", "to"))), None)
                if controller is not None and self._modal(head) in {"appeal", "demand", "command"}:
                    return self.resolver.resolve(controller.i)
                verb = head
            elif verb.dep == "pcomp":  # "accused of committing": the accused commits
                governor = self.s.tokens[head.head]
                accused = self._first(governor, "nsubjpass") or self._first(governor, "dobj")
                if accused is not None:
                    return self.resolver.resolve(accused.i)
                verb = governor
            elif verb.dep in {"acomp", "attr", "oprd"} or (verb.dep in {"conj", "advcl"} and head.pos == "VERB"):
                coordinated = verb.dep == "conj"
                verb = head  # "Moscow was ready to ...": the copula's subject; coordinated verbs share one
            elif verb.dep == "acl" and head.pos in {"NOUN", "PROPN"}:
                # "issued a declaration demanding ...": the declaration's author demands
                found = self._noun_sources(head)
                if found or head.dep not in _LIGHT_VERB_DEPS:
                    return found
                verb = self.s.tokens[head.head]
            else:
                return []
        return []

    def _agent(self, verb: Token) -> list[Actor]:
        """Who did what a passive verb says: its 'by' phrase, or, when that names a weapon,
        whoever wielded it ('blown up by a missile fired by rebels')."""
        for agent in self.s.kids(verb.i, "agent"):
            for pobj in self.s.kids(agent.i, "pobj"):
                found = self.resolver.resolve(pobj.i)
                if found and any(a.via != "role" for a in found):
                    return found
                for i in self.s.subtree(pobj.i):  # a guess from a weapon's role is weaker than its wielder
                    if self.s.tokens[i].dep == "agent" and i != agent.i:
                        wielders = [a for k in self.s.kids(i, "pobj") for a in self.resolver.resolve(k.i)]
                        if wielders:
                            return wielders
                return found
        return []

    def _describes_actor(self, verb: Token) -> bool:
        """'the militant group that has seized parts of Iraq': a perfect in a relative clause on
        an actor describes who the actor is, not what the news reports."""
        head = self.s.tokens[verb.head]
        if verb.dep != "relcl" or _known(head.lemma, self.vocabulary.nouns):
            return False  # "attacks that have killed 430 people" are the news
        if self.resolver.resolve_one(head.i) is None:
            return False
        return any(k.lemma == "have" for k in self.s.kids(verb.i, "aux"))

    def _deed_as_subject(self, verb: Token, pattern: Pattern, sources: list[Actor]) -> tuple[Pattern, list[Actor]]:
        """'A roadside bombing killed two soldiers', 'an Israeli air strike killed ...': the act
        named by the subject is what was done, by whoever did it; 'killed X in an air strike'
        is the kind of killing that act names."""
        subject = self._first(verb, "nsubj")
        lemma = _known(subject.lemma, self.vocabulary.nouns) if subject is not None else None
        if subject is not None and lemma is not None:
            deed = self._choose(self.vocabulary.nouns[lemma], None, self._complement_words(subject))
            if deed is not None and deed.cameo[:2] in _FORCE_ROOTS:
                self.consumed.add(subject.i)
                return replace(pattern, cameo=deed.cameo, id=f"{pattern.id}+deed:{deed.id}"), \
                    self._noun_sources(subject) or sources
        if pattern.cameo != "190" or pattern.objects:
            return pattern, sources
        if subject is not None and _GENERIC_DEED in self.vocabulary.nouns:  # "suicide bombers killed ...": 1831
            deed = self._choose(self.vocabulary.nouns[_GENERIC_DEED], None,
                                [*self._modifier_words(subject), subject.lemma])
            if deed is not None and deed.objects:
                return replace(pattern, cameo=deed.cameo, id=f"{pattern.id}+doer:{deed.id}"), sources
        for prep in self.s.kids(verb.i, "prep", "agent"):  # "wounded two soldiers in a bomb attack": a bombing (183)
            for pobj in self.s.kids(prep.i, "pobj") if prep.lemma in {"in", "with", "by"} else []:
                lemma = _known(pobj.lemma, self.vocabulary.nouns)
                deed = self._choose(self.vocabulary.nouns[lemma], None, self._complement_words(pobj)) if lemma else None
                if deed is not None and deed.cameo[:2] in _FORCE_ROOTS and deed.objects:
                    self.consumed.add(pobj.i)
                    return replace(pattern, cameo=deed.cameo, id=f"{pattern.id}+deed:{deed.id}"), sources
        return pattern, sources

    def _on_crowd(self, verb: Token, obj: Token | None) -> bool:
        """Whether the verb's object, or whom it is done with or against, is a crowd of protesters."""
        aimed = [obj, *self._pobjs(verb, ("with", "on", "against", "at"))]
        return any(t is not None and t.lemma in self.vocabulary.crowds for t in aimed)

    def _unknown_attacker(self, verb: Token) -> list[Actor]:
        """An attack no one is named for ('killed in a car bombing in Baghdad') was carried out by
        an unidentified armed group (UAF) of the state where it happened."""
        location = self.anchoring.location([verb], verb)
        if location is None or not location.country or self.resolver.actors.kinds.get(location.country) != "state":
            return []
        key = location.country
        return [Actor(key, "UAF", key + "UAF", self.resolver.actors.display.get(key, key), location.text,
                      location.start, location.end, "implied")]

    def _by_crowd(self, verb: Token) -> bool:
        """Whether the verb's subject (shared through 'and' or control) or its passive's agent is a
        crowd of protesters."""
        while not self.s.kids(verb.i, "nsubj") and verb.dep in {"conj", "xcomp"} and verb.head != verb.i:
            verb = self.s.tokens[verb.head]
        agents = [k for a in self.s.kids(verb.i, "agent") for k in self.s.kids(a.i, "pobj")]
        doers = [self._first(verb, "nsubj"), *agents]
        return any(doer is not None and doer.lemma in self.vocabulary.crowds for doer in doers)

    def _accident(self, verb: Token) -> bool:
        """Whether what did it is a happening, not an actor: 'an explosion (a fire, an
        earthquake) killed ...' with no attacker named and nothing making it an attack ('a
        bomb explosion', 'a suicide blast', 'an explosion caused by rebels')."""
        subject = self._first(verb, "nsubj")
        if subject is not None and subject.lemma in _RELATIVE_PRONOUNS and verb.dep == "relcl":
            subject = self.s.tokens[verb.head]  # "a fire which killed eight people"
        hazards = self.vocabulary.hazards
        if subject is None or hazards.get(subject.lemma) != "hazard":
            return False
        if any(a.via not in {"place", "seat"} for a in self._noun_sources(subject)):  # "a Taliban blast"
            return False
        modifiers = [k.lemma for k in self.s.kids(subject.i, "compound", "amod", "nmod")]
        if any(hazards.get(m) == "deliberate" for m in modifiers):
            return False
        return not any(self._agent(clause) for clause in self.s.kids(subject.i, "acl"))

    def _weapon_pattern(self, verb: Token, pattern: Pattern) -> Pattern:
        """'Blown up by a missile': a military weapon as agent makes the act the firing of that
        weapon (194), not the non-military bombing the verb codes (183)."""
        for agent in self.s.kids(verb.i, "agent"):
            for weapon in self.s.kids(agent.i, "pobj"):
                if self.resolver.role_of(weapon.i) != "MIL" or any(
                        a.via != "role" for a in self.resolver.resolve(weapon.i)):
                    continue
                words = self._object_words(weapon)
                for lemma in _LAUNCH_VERBS & self.vocabulary.verbs.keys():
                    fired = self._choose(self.vocabulary.verbs[lemma], None, words)
                    if fired is not None and fired.objects and fired.cameo[:2] == "19":
                        return replace(pattern, cameo=fired.cameo, id=f"{pattern.id}+weapon:{weapon.lemma}")
        return pattern

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

    def _origin_or_cause(self, verb: Token) -> list[Actor]:
        """Who used force a passive names no agent for: where it came from ('a mortar was fired
        from Gaza'), who carried out the act it was part of ('killed in an air strike by
        government forces') or whose weapon did it ('killed in Israeli tank shelling')."""
        for prep in self.s.kids(verb.i, "prep"):
            for pobj in self.s.kids(prep.i, "pobj"):
                if prep.lemma == "from" and verb.lemma in _LAUNCH_VERBS:
                    found = [a for a in self.resolver.resolve(pobj.i) if a.via != "role"]
                elif prep.lemma in {"in", "by", "during"} and _known(pobj.lemma, self.vocabulary.nouns):
                    found = self._noun_sources(pobj)
                elif prep.lemma in {"in", "by"} and self.resolver.role_of(pobj.i) == "MIL":  # "in Israeli tank fire"
                    found = [a for a in self.resolver.resolve(pobj.i) if a.via != "role"]
                else:
                    continue
                if found:
                    return found
        return []

    def _pobjs(self, token: Token, preps: tuple[str, ...] = ()) -> list[Token]:
        """Objects of the token's prepositions (of those in `preps`, if given)."""
        return [pobj for prep in self.s.kids(token.i, "prep") if not preps or prep.lemma in preps
                for pobj in self.s.kids(prep.i, "pobj")]

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

    # Target finders return groups of actors in order of preference; the first group
    # with an actor other than the source is the target.
    def _via_preps(self, token: Token, preps: tuple[str, ...]) -> list[list[Actor]]:
        return [self.resolver.resolve(pobj.i) or self._doers(pobj)
                for prep in self.s.kids(token.i, "prep") if prep.lemma in preps or prep.text.lower() in preps
                for pobj in self.s.kids(prep.i, "pobj")]

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

    def _purpose_targets(self, token: Token) -> list[list[Actor]]:
        """Who an act is aimed at, from its purpose: 'rallied to protest Sweden's decision',
        'a hunger strike in protest against the government'."""
        groups = []
        for clause in self.s.kids(token.i, "advcl", "xcomp", "acl"):
            purposive = any(k.lemma == "to" for k in self.s.kids(clause.i, "aux")) or clause.tag == "VBG" or (
                clause.dep == "xcomp" and clause.tag == "VB")  # "helped defend X"
            if purposive:  # "to protest X", "calling for independence from X": the first actor named
                for i in self.s.subtree(clause.i, frozenset({"nsubj", "nsubjpass", "advcl"})):
                    if i != clause.i and self.s.tokens[i].dep in {"dobj", "pobj"}:
                        groups.append(self.resolver.resolve(i))
        for prep in self.s.kids(token.i, "prep"):
            for pobj in self.s.kids(prep.i, "pobj"):
                if pobj.lemma in _AIMED_CIRCUMSTANCES:
                    groups += self._via_preps(pobj, ("against", "at", "of", "to"))
        return groups

    def _dative(self, verb: Token) -> list[list[Actor]]:
        return [self.resolver.resolve(kid.i) for kid in self.s.kids(verb.i, "dative", "iobj")]

    def _inside(self, obj: Token, pattern: Pattern) -> list[list[Actor]]:
        """The target inside an object that is a thing: 'Russia's footprint', 'its mission to NATO',
        'condemned Russia's invasion of Ukraine' (the doer of the act condemned)."""
        groups = [self.resolver.resolve(kid.i) for kid in self.s.kids(obj.i, "poss")]
        groups += self._via_preps(obj, tuple(pattern.preps) + ("of", "by"))  # "violated a ban by the army"
        role = self.resolver.role_of(obj.i)  # "the Russian ambassador": Russia, as government
        for kid in self.s.kids(obj.i, "compound", "amod"):  # only named ones: not "army reservists"
            groups.append([a if a.role or not role or self.resolver.actors.kinds.get(a.key) != "state"
                           else replace(a, role=role, code=a.key + role)
                           for a in self.resolver.resolve(kid.i) if a.via != "role"])
        return groups

    # --- governors, factuality, time and place -------------------------------------
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
            head = self.s.tokens[current.head]
            if self._purpose(current):  # "demanded a meeting to discuss ...": discussing is only intended
                chain.append((current, "future"))
            if current.dep == "pcomp" and head.lemma in _CIRCUMSTANCE_PREPS:
                if head.lemma == "before":  # "demanded a truce before allowing aid": not demanded, not done
                    chain.append((current, "future"))
                break
            if current.dep == "pcomp" and head.dep == "prep":
                if head.lemma == "for" and self._punishes(self.s.tokens[head.head]):
                    chain.append((current, "alleged"))  # "jailed for helping militants": the charge
                head = self.s.tokens[head.head]
            if current.dep == "conj":
                current = head
                continue
            chain.append((head, self._effect(head)))
            current = head
            if head.pos in {"NOUN", "PROPN"} and head.dep in _LIGHT_VERB_DEPS:  # "give permission to ..."
                current = self.s.tokens[head.head]
                chain.append((current, self._modal(current)))  # the noun itself was counted just above
        return chain

    def _punishes(self, verb: Token) -> bool:
        """Whether a verb codes coercion by authorities (arrest, jail, sentence: CAMEO 17)."""
        lemma = _known(verb.lemma, self.vocabulary.verbs)
        return lemma is not None and any(p.cameo.startswith("17") for p in self.vocabulary.verbs[lemma])

    def _modal(self, token: Token) -> str | None:
        """The governing effect of a word; the text's own form is tried too, since the lemmatizer
        sometimes errs ('hopes' -> 'hop')."""
        modal = self.vocabulary.modal
        word = token.text.lower()
        for form in (token.lemma, word, word[:-1] if word.endswith(("s", "ed")) else ""):
            if form in modal:
                return modal[form]
        return None

    def _purpose(self, clause: Token) -> bool:
        return clause.dep == "advcl" and any(k.lemma == "to" for k in self.s.kids(clause.i, "aux"))

    def _effect(self, governor: Token) -> str | None:
        """A verb's effect, or its object's: 'reiterated its demand that ...' demands."""
        effect = self._modal(governor)
        if effect in {None, "report"}:
            for obj in self.s.kids(governor.i, "dobj"):
                if self._modal(obj) in _DERIVING:
                    return self._modal(obj)
        return effect

    def _emit(self, pattern: Pattern, trigger: Token, anchor: Token, sources: list[Actor],
              target_groups: list[list[Actor]], fallback_groups: list[list[Actor]], specific: bool,
              weight: float = 1.0) -> None:
        """Record the event(s) of a trigger: derive its code and factuality from what governs it,
        date and place it, and pair its sources with targets."""
        if not sources:
            return
        coding = _Coding(pattern.cameo, pattern.id, "asserted", sources, target_groups, [anchor], pattern.cameo)
        if coding.code in {"11", "110", "112"}:  # "accused Moscow of espionage": the topic gives the subcode
            topic = self._accusation_topic(trigger)
            if topic is not None:
                coding.code, coding.rule = topic, f"{coding.rule}+topic"
        self._govern(coding, trigger, anchor)
        if not coding.sources:
            return
        # "Arafat rejected a US offer to host ...": the US is not refusing; "X rejected an invitation to attend": X is
        refused_by_another = bool(coding.refusers) and not coding.refusers & {a.key for a in coding.sources}
        coding.factuality = self._modality(coding.path, trigger, coding.factuality, "+threat:" in coding.rule)
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
            for target in self._targets(coding, source, fallback_groups, location):
                if target is not None:
                    deed_targets.append(target)
                penalty = 0.85 if source.via in {"pronoun", "nominal", "role"} else 1.0
                if target is not None and target.via in {"pronoun", "nominal", "role"}:
                    penalty *= 0.85
                self.found.append(Candidate(source, target, coding.code, coding.rule, trigger, coding.factuality,
                                            date, location, round(confidence * penalty, 2)))
                if coding.code in _MUTUAL_CODES and target is not None and len(coding.sources) == 1 \
                        and anchor.pos in {"VERB", "AUX"}:  # "held talks with", not "their talks"
                    self.found.append(Candidate(target, source, coding.code, coding.rule, trigger, coding.factuality,
                                                date, location, round(confidence * penalty, 2)))
        if not coding.derived and coding.factuality in {"asserted", "alleged"}:
            self._reported_deed(coding, anchor, deed_targets)

    def _reported_deed(self, coding: _Coding, anchor: Token, deed_targets: list[Actor]) -> None:
        """'X said (claimed) that Y attacked Z': by reporting another's violent deed X accuses Y;
        claiming its own deed, X claims responsibility for it, aimed at Z. A closing attribution
        ('Y attacked Z, officials said') only sources the news."""
        speech = self._speech_over(anchor)
        if speech is None or speech.i > anchor.i or any(k.dep == "neg" for k in self.s.kids(speech.i)):
            return
        for speaker in self._subjects(speech):
            if any(_same_actor(doer, speaker) for doer in coding.sources):
                if self._modal(speech) != "alleged":  # "said it had attacked": the deed itself is the news
                    continue
                code, rule, targets = "015", f"015-claimed-deed:{coding.rule}", deed_targets
            else:
                accusation = self.vocabulary.derive("report", coding.code)
                if accusation is None:
                    return
                code, rule = accusation, f"{accusation}-reported-deed:{coding.rule}"
                targets = [a for a in coding.sources if not _same_actor(a, speaker)]
            date = self.anchoring.date([speech], speech)
            location = self.anchoring.location([speech], speech)
            for target in {t.key: t for t in targets}.values():
                self.found.append(Candidate(speaker, target, code, rule, speech, "asserted", date, location, 0.6))

    def _speech_over(self, anchor: Token) -> Token | None:
        """The verb of saying whose reported clause holds the anchor, if any: 'said (that) ...'."""
        token = anchor
        while token.head != token.i and token.dep not in {"relcl", "advcl", "acl", "appos"}:
            head = self.s.tokens[token.head]
            if token.dep == "ccomp" and head.pos in {"VERB", "AUX"}:
                return head if self._modal(head) in {"report", "alleged"} else None
            token = head
        return None

    def _govern(self, coding: _Coding, trigger: Token, anchor: Token) -> None:
        """Apply what governs the event: 'hope to' derives 036, 'refused to' 12x, 'could' makes it
        hypothetical; 'will' makes a plain act an intent (or a threat) when nothing else did."""
        derivable = not coding.rule.startswith("blame:")
        auxiliaries = {k.text.lower() for k in self.s.kids(anchor.i, "aux")}
        obliged = bool(auxiliaries & _DEONTIC_AUX)  # "X said Y must ...": a demand by X on Y
        governors = self._governors(anchor)
        if anchor.i != trigger.i:  # "offered aid", "halted talks": the light verb governs its noun
            governors.insert(0, (anchor, self._modal(anchor)))
        for governor, effect in governors:
            obliged = obliged or bool({k.text.lower() for k in self.s.kids(governor.i, "aux")} & _DEONTIC_AUX)
            if effect == "intent" and not coding.derived and derivable:
                wanters = {a.key for a in self._subjects(governor)}
                if wanters and coding.sources and not wanters & {a.key for a in coding.sources}:
                    effect = "appeal"  # "Obama wants Putin to attack": Obama asks Putin
            if effect in _DERIVING and derivable:
                if coding.derived_by == "halt" and effect != "halt":  # "prepared to lift the ban": 0351
                    coding.derived = False
                if coding.derived:  # the derived act is itself only offered, demanded or refused
                    if coding.factuality == "asserted":
                        coding.factuality = _UNDERIVED_FACTUALITY[effect]
                        if effect == "reject":
                            coding.refusers = {a.key for a in self._subjects(governor)}
                else:
                    self._derive(coding, effect, governor, trigger, coding.path[-1])
            elif effect == "report" and obliged and coding.derived_by in {None, "intent", "halt"} and derivable:
                # "Y must withdraw", "Y must be ready to mediate" (the demand is of the act itself)
                speakers = self._subjects(governor)
                demanded = coding.base if coding.derived_by == "intent" else coding.code
                derived = self.vocabulary.derive("demand", demanded)
                if speakers and derived is not None:
                    coding.code, coding.rule = derived, f"{coding.rule}+demand:{governor.lemma}"
                    coding.target_groups, coding.sources = [coding.sources], speakers
                    coding.derived, coding.derived_by, coding.factuality = True, "demand", "asserted"
                    self.governing.add(governor.i)
            elif effect in {"future", "hypothetical", "alleged", "negated"} and coding.factuality == "asserted":
                coding.factuality = effect
            if governor.i != anchor.i:
                coding.path.append(governor)
            if effect == "report" and governor.pos in {"VERB", "AUX"}:
                break
        conditional = any(k.text.lower() in _CONDITIONAL_MARKS for k in self.s.kids(anchor.i, "mark"))
        # a threat's "if" clause names whoever must comply too: "threatened to walk out if Y ...";
        # a hostile act that will (may) follow if Y does something is a threat: "may halt mediation if ..."
        hostile = (self.vocabulary.derive("intent", coding.code) or "").startswith("13")
        modal = auxiliaries & (_FUTURE_AUX | _HYPOTHETICAL_AUX)
        marks = {"unless", "if"} if coding.code[:2] == "13" or (hostile and modal) else {"unless"}
        ultimatum = self._condition([anchor, *(g for g, _ in governors)], marks)
        if ultimatum is not None and derivable and (modal or coding.code[:2] == "13"):
            # "X will withdraw unless Y ...": a threat aimed at whoever must comply
            if not coding.code.startswith("13"):
                threat = self.vocabulary.derive("intent", coding.code if hostile else coding.base) or ""
                coding.code = threat if threat.startswith("13") else "130"
                coding.rule, coding.derived, coding.factuality = f"{coding.rule}+threat:unless", True, "asserted"
            complier = self._subjects(ultimatum)
            if any(k.lemma == "if" for k in self.s.kids(ultimatum.i, "mark")):  # "if cooperation by all parties
                complier = [a for a in complier if a.via != "role"]  # founders": no one named must comply
            coding.target_groups = [complier] + coding.target_groups
        if auxiliaries & _FUTURE_AUX and not coding.derived and not conditional and derivable:
            # A future act is an expression of intent (cooperation) or a threat (conflict).
            derived = self.vocabulary.derive("intent", coding.code)
            if derived is None:
                coding.factuality = "future" if coding.factuality == "asserted" else coding.factuality
            else:
                coding.code, coding.derived = derived, True
                coding.rule = f"{coding.rule}+intent:{sorted(auxiliaries & _FUTURE_AUX)[0]}"

    def _condition(self, clauses: list[Token], marks: set[str]) -> Token | None:
        """The 'unless' (for a threat also 'if') clause of an act or of what governs it, if any:
        the condition of a threat."""
        for node in clauses:
            for clause in self.s.kids(node.i, "advcl"):
                if any(k.lemma in marks for k in self.s.kids(clause.i, "mark")):
                    return clause
        return None

    def _derive(self, coding: _Coding, effect: str, governor: Token, trigger: Token, below: Token) -> None:
        """Derive the code a governing verb gives ('urged Y to withdraw' -> 02x by the urger on Y);
        `below` is the clause it governs."""
        if effect == "command":  # an order to one's own forces or people is the act itself, else a demand
            if self._commands_own(coding, governor):
                return
            effect = "demand"
        derived = self.vocabulary.derive(effect, coding.code)
        if derived is None:
            coding.factuality = _UNDERIVED_FACTUALITY[effect]
            return
        coding.code, coding.rule = derived, f"{coding.rule}+{effect}:{governor.lemma}"
        coding.derived, coding.derived_by, coding.factuality = True, effect, "asserted"
        self.governing.add(governor.i)
        actors = coding.sources
        holder = self._first(governor, "nsubjpass")  # "Israel is opposed to ...": a state, not a passive
        speakers = self._subjects(governor) or (self.resolver.resolve(holder.i) if holder is not None else [])
        if not speakers and governor.pos in {"NOUN", "PROPN"}:  # "faces pressure from Congress to ..."
            speakers = self._noun_agents(governor) or [a for g in self._via_preps(governor, ("from",)) for a in g]
            light = self._light_verb(governor)
            if not speakers and light is not None and self._modal(light) is None:  # "issued an ultimatum to"
                speakers = self._subjects(light)
                coding.target_groups = self._via_preps(governor, ("to",)) + coding.target_groups
        if effect in {"appeal", "demand"}:  # "X urged Y to withdraw": Y is asked, and X must be known
            coding.sources = speakers
            addressees = self._subjects(below) if below.pos in {"VERB", "AUX"} and below.i != governor.i else []
            if holder is not None and governor.pos in {"VERB", "AUX"}:  # "Y was urged (by X) to withdraw"
                addressees = self.resolver.resolve(holder.i)
            coding.target_groups = [addressees, actors] + coding.target_groups
        else:
            coding.sources = speakers or coding.sources
            if effect == "reject":  # "opposed to French mediation": the refusal is aimed at France
                others = [a for a in actors if a.key not in {s.key for s in coding.sources}]
                coding.target_groups = [others] + coding.target_groups
        controlled = self._first(governor, "dobj")  # "urged Y to", "invited Russia to"; not "offered its troops"
        if controlled is not None and controlled.i != trigger.i:
            named = [a for a in self.resolver.resolve(controlled.i)
                     if effect in {"appeal", "demand"} or a.via not in {"pronoun", "nominal", "role"}]
            coding.target_groups = [named, *self._dative(governor), *self._via_preps(governor, ("to",))] + \
                coding.target_groups

    def _commands_own(self, coding: _Coding, governor: Token) -> bool:
        """'The government ordered patrols by police', 'ordered the newspaper to suspend publication':
        authorities ordering their own state's forces or people do the act, aimed at whoever obeys."""
        speakers = self._subjects(governor)
        doers = coding.sources
        if coding.factuality != "asserted" or coding.derived_by is not None or not speakers or not doers or \
                not any(s.role in _STATE_ORGANS for s in speakers):  # not "ordered a halt to the strike"
            return False
        if any(d.key != speakers[0].key or _same_actor(d, s) for d in doers for s in speakers):
            return False
        coding.sources, coding.target_groups = speakers, [doers, *coding.target_groups]
        coding.rule = f"{coding.rule}+command:{governor.lemma}"
        coding.derived, coding.derived_by, coding.factuality = True, "command", "asserted"
        self.governing.add(governor.i)
        return True

    def _targets(self, coding: _Coding, source: Actor, fallback_groups: list[list[Actor]],
                 location: Location | None) -> list[Actor | None]:
        """The first target group naming someone other than the source; else each other, for
        reciprocal acts by several sources; else the fallback groups; else, for some acts, the
        source's own country or the place where it happened."""
        code = coding.code
        targets = self._first_other(coding.target_groups, source)
        reciprocal = code[:2] in _RECIPROCAL_ROOTS or coding.base[:2] in _RECIPROCAL_ROOTS or code == "019"
        if not targets and len(coding.sources) > 1 and reciprocal:  # "X and Y met", "failed to reach agreement"
            targets = [other for other in coding.sources if other.key != source.key]
        if not targets and code[:2] != "01":  # a statement is not aimed at whoever it mentions
            targets = self._first_other(fallback_groups, source)
        if not targets and coding.base[:2] in _DOMESTIC_ROOTS and source.role in _STATE_ORGANS:
            targets = [replace(source, role=None, code=source.key, via="implied")]
        # protests and force are aimed at the state where they happen; a domestic protest too
        if (not targets and coding.base[:2] in _PLACE_TARGET_ROOTS and location is not None and location.country
                and (location.country != source.key or source.role is not None or coding.base[:2] == "14")):
            targets = [place_actor(location)]
        if (not targets and coding.base[:2] in {"08", "14"} and source.role not in _STATE_ORGANS
                and self.resolver.actors.kinds.get(source.key) == "state"):  # protesting, yielding at home
            targets = [replace(source, role="GOV", code=source.key + "GOV", via="implied")]
        return list(targets) or [None]

    def _first_other(self, groups: list[list[Actor]], source: Actor) -> list[Actor]:
        for group in groups:
            others = [self._not_own_by_guess(t, source) for t in group if not _same_actor(t, source)]
            if others:
                return others
        return []

    def _not_own_by_guess(self, target: Actor, source: Actor) -> Actor:
        """A target guessed from the nearest state ('militiamen') is rarely the source's own
        state when the sentence names another."""
        if target.via == "role" and target.key == source.key:
            return self.resolver.elsewhere(target) or target
        return target

    def _modality(self, path: list[Token], trigger: Token, factuality: str, threat: bool = False) -> str:
        """The factuality the words around an event give it; a conditional threat ('may halt
        mediation if ...') is asserted as a threat, whatever its modal."""
        if trigger.pos in {"NOUN", "PROPN"}:
            for kid in self.s.kids(trigger.i, "amod", "det"):
                if kid.lemma in _HYPOTHETICAL_MODIFIERS:
                    return "hypothetical"
                if kid.lemma in _FUTURE_MODIFIERS and factuality == "asserted":
                    factuality = "future"
                if kid.lemma == "no":
                    return "negated"
        for node in path:
            for kid in self.s.kids(node.i):
                word = kid.text.lower()
                if kid.dep == "neg":
                    return "negated"
                if kid.dep == "aux" and word in _HYPOTHETICAL_AUX and not threat:
                    return "hypothetical"
                if kid.dep == "mark" and word in _CONDITIONAL_MARKS:
                    return "hypothetical"
                if kid.dep == "advmod" and word in _ALLEGED_ADVERBS and factuality == "asserted":
                    factuality = "alleged"
        return factuality
