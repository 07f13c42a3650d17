"""Events named by nouns: "Russia's invasion", "talks between X and Y", "faces criticism".

A noun's source is its possessor or "by" phrase (or its "from" phrase: "a warning from North
Korea"), else the subject of the light verb that carries it ("held talks", "went on strike"),
else an actor modifying it; who undergoes it is its possessor when it names an act done to
someone ("his arrest"), or the subject of a verb of facing or receiving ("faces criticism",
"won early release"). Nouns that are no news are left out: the topic of another event
("negotiations on a pullback"), a kind of thing ("war crimes", "riot police"), an act only
seen, feared, denied or talked about, an act years from what the clause tells; rejecting a
request is a refusal aimed at whoever asked.
"""

from __future__ import annotations

from ..parse.tokens import Token
from .factuality import FactualityRules
from .force import ForceRules
from .governing import GoverningRules
from .patterns import Pattern
from .sentence import _known
from .targets import TargetRules
from .wording import _FORCE_ROOTS

_REQUEST_ROOTS = {"02", "03", "10"}  # appeals, offers, demands: what can be rejected
_TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning"}
_ANSWERING_CODES = ("016", "051", "11", "12")  # verbal answers to another's act: deny, praise, criticize, reject


class NounRules(GoverningRules, ForceRules, TargetRules, FactualityRules):
    """The events nouns name: their sources and targets, and the nouns that are no news."""

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
        if noun.dep == "compound" and carrier.lemma in word_classes["accords"] and pattern.cameo[:2] in {"06", "07"}:
            return  # "signed a cooperation agreement", "aid talks": the accord or talks are the news (a ceasefire
            # agreement is a truce)
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
        return verb.lemma in self.vocabulary.words["captive_verbs"] and noun.dep == "dobj" and \
            self._bare_role(noun) and not self.s.kids(noun.i, "poss", "compound") and \
            not any(k.i != noun.i for k in self.s.kids(verb.i, "dobj", "oprd"))

    def _talked_about(self, noun: Token) -> bool:
        """Whether talks between two sides are only what something is about: 'review the progress of the
        dialogue between India and Pakistan', 'issues including the dialogue between ...' (not 'a round of
        talks between ...', 'the resumption of talks')."""
        prep = self.s.tokens[noun.head]
        head = self.s.tokens[prep.head]
        if noun.dep != "pobj" or prep.lemma not in {"of", "include"} or head.pos not in {"NOUN", "PROPN"}:
            return False
        if self.s.kids(head.i, "nummod") or head.lemma in self.vocabulary.words["durations"]:
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
