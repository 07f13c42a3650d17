"""Governing verbs and derived codes: what the words above an event's trigger make of it.

A verb (or noun: "intention to") governing the event's clause derives a new code ("hope to"
036, "urged Y to" 02x by the urger on Y, "refused to" 12x, "ordered" a demand, or the act
itself when authorities order their own forces), or sets its factuality ("could",
"reportedly said"); "Y must ..." in speech is a demand, "will" makes an act an intent or a
threat, and an "unless" condition makes one a threat aimed at whoever must comply. A verb
of appealing with no pattern of its own asks for what its "for" phrase names.
"""

from __future__ import annotations

from ..parse.tokens import Token
from ..records import Actor
from .arguments import _STATE_ORGANS
from .factuality import _CONDITIONAL_MARKS, _FUTURE_AUX, _HYPOTHETICAL_AUX
from .governors import _DERIVING, GovernorRules
from .patterns import Pattern
from .sentence import _Coding, _same_actor

_DEONTIC_AUX = {"must", "should", "ought"}
_ADVISING_AUX = {"should", "ought"}  # advice asks; "must" demands
_VISIT_CODES = {"042", "043", "044"}
_CLAUSE_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")  # who a condition is on, if anyone
_UNDERIVED_FACTUALITY = {"intent": "future", "appeal": "hypothetical", "demand": "hypothetical",
                         "command": "hypothetical", "reject": "negated", "halt": "negated"}


class GoverningRules(GovernorRules):
    """Deriving an event's code and factuality from what governs its trigger."""

    def _govern(self, coding: _Coding, trigger: Token, anchor: Token) -> None:
        """Apply what governs the event: 'hope to' derives 036, 'refused to' 12x, 'could' makes it
        hypothetical; 'will' makes a plain act an intent (or a threat) when nothing else did."""
        derivable = not coding.rule.startswith("blame:")
        auxiliaries = {k.text.lower() for k in self.s.kids(self._auxiliary_holder(anchor).i, "aux")}
        if anchor.dep == "ROOT" and auxiliaries == {"to"}:  # a headline's "Japan to deport X": what it will do
            auxiliaries = {"will"}
        deontic = auxiliaries & _DEONTIC_AUX  # "X said Y must ...": a demand by X on Y ("should": an appeal)
        obliged = bool(deontic)
        governors = self._governors(anchor)
        if anchor.i != trigger.i:  # "offered aid", "halted talks": the light verb governs its noun
            governors.insert(0, (anchor, self._modal(anchor)))
        carrier = self.s.tokens[trigger.head]
        if trigger.dep == "compound" and carrier.i != anchor.i and carrier.lemma in self.vocabulary.words["plans"]:
            governors.insert(0, (carrier, "intent"))  # "approved the Gaza pullout plan": only planned
        for governor, effect in governors:
            if effect == "report" and self._tells_to(governor, [trigger, anchor, *coding.path]):
                effect = "command"  # "told UN agencies to leave": an order, not a report
            if effect == "intent" and self._plan_as_topic(governor):
                coding.factuality = "background"  # "a setback for his plan to withdraw": not news of the plan
                return
            if effect in {"appeal", "demand", "command"} and (self._headline_passive(governor, governor.lemma) or (
                    self.s.kids(governor.i, "auxpass") and not self._agent(governor))):
                coding.sources = []  # "Putin Urged to Free Tycoon", "troops were ordered to withdraw": someone
                return  # unnamed asks
            deontic |= {k.text.lower() for k in self.s.kids(governor.i, "aux")} & _DEONTIC_AUX
            if self._have_to(governor):
                deontic.add("must")
            obliged = bool(deontic)
            sought = governor.lemma in self.vocabulary.words["seeking"] and effect in {None, "intent"} and \
                any(k.i == trigger.i for k in self.s.kids(governor.i, "dobj"))
            if sought and coding.code[:2] == "07":
                # "sought aid (refuge) from Y": the seeker asks to receive it (103x, as the gold sets code it)
                effect = "demand"
            elif sought and governor.lemma != "want" and coding.code[:2] in {"05", "06", "08"}:
                # "seeks US intelligence cooperation", "needs the support of African peacekeepers", "sought
                # the release of the workers": asks for it (a release, a surrender only the holder can give)
                effect = "appeal"
            if effect == "intent" and not coding.derived and derivable:
                wanters = {a.key for a in self._subjects(governor)}
                if wanters and coding.sources and not wanters & {a.key for a in coding.sources}:
                    # "Obama wants Putin to attack": Obama asks Putin; an offer is made for its addressee's
                    # good ("offered to send troops to help Kenya fight" only hopes for Kenya's fight)
                    effect = "future" if governor.lemma in self.vocabulary.words["offering"] else "appeal"
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
                asked = "appeal" if deontic <= _ADVISING_AUX else "demand"  # "Sudan should grant autonomy"
                derived = self.vocabulary.derive(asked, demanded)
                own = {a.key for a in speakers}  # "Chirac says France should hold a referendum": an opinion at home
                at_home = all(a.role is None and a.key in own for a in coding.sources)
                if speakers and derived is not None and not at_home:
                    coding.code, coding.rule = derived, f"{coding.rule}+{asked}:{governor.lemma}"
                    coding.target_groups, coding.sources = [coding.sources], speakers
                    coding.derived, coding.derived_by, coding.factuality = True, asked, "asserted"
                    self.governing.add(governor.i)
            elif effect in {"future", "hypothetical", "alleged", "negated", "background"} and \
                    coding.factuality == "asserted":
                coding.factuality = effect
            elif effect == "permit" and coding.factuality == "asserted":  # "allowed the Dalai Lama to visit": not yet
                coding.factuality = "future"
            elif effect == "compel" and self._compelled(governor):  # "forcing Saudi forces to pull out": they
                coding.target_groups = [self._subjects(governor), *coding.target_groups]  # yielded to the forcer
            elif effect == "compel" and coding.factuality == "asserted":  # "will force (a bid to force) X to"
                coding.factuality = "hypothetical"
            if governor.i != anchor.i:
                coding.path.append(governor)
            if effect == "report" and governor.pos in {"VERB", "AUX"}:
                break
        if obliged and not coding.derived and coding.factuality == "asserted":
            coding.factuality = "hypothetical"  # "Sudan must help the displaced": an obligation, not the act
        conditional = any(k.text.lower() in _CONDITIONAL_MARKS for k in self.s.kids(anchor.i, "mark"))
        if self._if_true([anchor, *(g for g, _ in governors)]):
            # "if verified (confirmed, true), it would be X's first attack": a report not yet confirmed
            conditional = True
            coding.factuality = "alleged" if coding.factuality == "asserted" else coding.factuality
        # a threat's "if" clause names whoever must comply too: "threatened to walk out if Y ...";
        # a hostile act that will (may) follow if Y does something is a threat: "may halt mediation if ..."
        hostile = (self.vocabulary.derive("intent", coding.code) or "").startswith("13")
        modal = auxiliaries & (_FUTURE_AUX | _HYPOTHETICAL_AUX)
        marks = {"unless", "if"} if coding.code[:2] == "13" or (hostile and modal) else {"unless"}
        # "threatened to turn her over to al-Qaeda if Britain refuses": the condition may hang on what is threatened
        threatened = self.s.kids(anchor.i, "xcomp") if coding.code[:2] == "13" else []
        ultimatum = self._condition([anchor, *threatened, *(g for g, _ in governors)], marks)
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
        if anchor.pos in {"NOUN", "PROPN"} and coding.factuality == "asserted" and self._setting_auxiliaries(anchor):
            coding.factuality = "future"  # "would join Gadhafi for a summit": the summit is yet to be
        # "Blair visits Israel next week": a time after the publication day makes a plan, as "will" does
        planned = not auxiliaries & _FUTURE_AUX and coding.factuality == "asserted" and self.anchoring.planned(anchor)
        if (auxiliaries & _FUTURE_AUX or planned) and not coding.derived and not conditional and derivable:
            # A future act is an expression of intent (cooperation) or a threat (conflict).
            derived = self._intended(coding)
            if derived is None:
                coding.factuality = "future" if coding.factuality == "asserted" else coding.factuality
            else:
                coding.code, coding.derived = derived, True
                how = "planned" if planned else sorted(auxiliaries & _FUTURE_AUX)[0]
                coding.rule = f"{coding.rule}+intent:{how}"

    def _auxiliary_holder(self, verb: Token) -> Token:
        """The verb whose auxiliaries a verb has: its own, or for a bare conjunct the first verb's
        ('will address Congress, meet Obama and visit a school': all three are still to come)."""
        while verb.dep == "conj" and verb.tag == "VB" and not self.s.kids(verb.i, "aux", "nsubj", "nsubjpass"):
            verb = self.s.tokens[verb.head]
        return verb

    def _have_to(self, verb: Token) -> bool:
        """'Turkey will have to recognize Cyprus', 'Iran has to free them': an obligation, as 'must' is."""
        return verb.lemma == "have" and verb.pos in {"VERB", "AUX"} and any(
            k.text.lower() == "to" for clause in self.s.kids(verb.i, "xcomp") for k in self.s.kids(clause.i, "aux"))

    def _compelled(self, verb: Token) -> bool:
        """Whether a verb of compelling was done, so that its object did the act ('forced X to',
        'forcing X to'), not only meant ('will force', 'attempts to force', 'a bid to force')."""
        return verb.dep not in {"xcomp", "acl", "pcomp"} and not any(
            k.dep == "neg" or k.dep == "aux" and k.lemma not in {"have", "be"} for k in self.s.kids(verb.i))

    def _setting_auxiliaries(self, noun: Token) -> set[str]:
        """The future auxiliaries of the verb an event noun is the occasion of: 'would join X for a
        summit', 'will travel to Cairo for talks' (not of a verb that derives another act from
        it, such as 'will call for talks', which is read as a governor)."""
        prep = self.s.tokens[noun.head]
        verb = self.s.tokens[prep.head]
        if noun.dep != "pobj" or prep.dep != "prep" or verb.pos != "VERB" or \
                self._prepositional_governor(noun) is not None and self._modal(verb) != "light":
            return set()
        return {k.text.lower() for k in self.s.kids(verb.i, "aux")} & _FUTURE_AUX

    def _condition(self, clauses: list[Token], marks: set[str]) -> Token | None:
        """The 'unless' (for a threat also 'if') clause of an act or of what governs it, if any:
        the condition of a threat."""
        for node in clauses:
            for clause in self.s.kids(node.i, "advcl"):
                if any(k.lemma in marks for k in self.s.kids(clause.i, "mark")) and \
                        self._first(clause, *_CLAUSE_SUBJECTS) is not None:
                    return clause
        return None

    def _if_true(self, clauses: list[Token]) -> bool:
        """Whether a clause holds only on a condition with no one to meet it: 'if verified',
        'if confirmed', 'if true' (a report's truth, not someone's act)."""
        return any(k.lemma == "if" and clause.lemma in self.vocabulary.words["truth_words"]
                   and self._first(clause, *_CLAUSE_SUBJECTS) is None
                   for node in clauses for clause in self.s.kids(node.i, "advcl")
                   for k in self.s.kids(clause.i, "mark"))

    def _tells_to(self, governor: Token, below: list[Token]) -> bool:
        """Whether a verb of saying tells its object to do the act below it ('told X to leave')."""
        clauses = {t.i for t in below}
        return governor.pos == "VERB" and bool(self.s.kids(governor.i, "dobj")) and any(
            c.i in clauses and any(k.lemma == "to" for k in self.s.kids(c.i, "aux"))
            for c in self.s.kids(governor.i, "xcomp"))

    def _derive(self, coding: _Coding, effect: str, governor: Token, trigger: Token, below: Token) -> None:
        """Derive the code a governing verb gives ('urged Y to withdraw' -> 02x by the urger on Y);
        `below` is the clause it governs."""
        if effect == "command":  # an order to one's own forces or people is the act itself, else a demand
            if self._commands_own(coding, governor) or self._orders_act(coding, governor, trigger):
                return
            effect = "demand"
        if effect == "halt" and governor.lemma in self.vocabulary.words["completing"] and \
                coding.code[:3] in _VISIT_CODES:
            return  # "Putin ended his visit to China": the visit was made, nothing was broken off
        halters = {a.code for a in self._subjects(governor)} if effect == "halt" else set()
        if halters and coding.sources and not {a.code for a in coding.sources} & halters:
            coding.factuality = "negated"  # "troops stopped the rebels firing": stopped another's act, eased none
            return
        derived = self.vocabulary.derive(effect, coding.code)
        if effect == "intent" and governor.lemma in self.vocabulary.words["offering"]:
            derived = self.vocabulary.derive("offer", coding.code) or derived
        elif effect == "intent" and governor.lemma in self.vocabulary.words["threatening"]:
            if derived is not None and derived[:2] != "13":
                derived = "130"  # "threatened to hand the hostage over to al-Qaeda": a threat, no promise to yield
        elif effect == "intent":
            derived = self._intended(coding)
        if derived is None:
            coding.factuality = _UNDERIVED_FACTUALITY[effect]
            return
        coding.code, coding.rule = derived, f"{coding.rule}+{effect}:{governor.lemma}"
        coding.derived, coding.derived_by, coding.factuality = True, effect, "asserted"
        self.governing.add(governor.i)
        actors = coding.sources
        holder = self._first(governor, "nsubjpass")  # "Israel is opposed to ...": a state, not a passive
        speakers = self._subjects(governor) or (self.resolver.resolve(holder.i) if holder is not None else [])
        answerers: list[Actor] = []  # "Nigeria brushed aside Ghanaian demands to ...": made of Nigeria
        if not speakers and governor.pos in {"NOUN", "PROPN"}:  # "faces pressure from Congress to ..."
            speakers = self._noun_agents(governor) or [a for g in self._via_preps(governor, ("from",)) for a in g] \
                or self._noun_modifiers(governor)  # "shrugs off US demands to boost ...": the US demands
            light = self._light_verb(governor)
            if light is not None and self._modal(light) is None:
                if speakers:
                    answerers = self._subjects(light)
                else:  # "issued an ultimatum to"
                    speakers = self._subjects(light)
                    coding.target_groups = self._via_preps(governor, ("to",)) + coding.target_groups
        if effect in {"appeal", "demand"}:  # "X urged Y to withdraw": Y is asked, and X must be known
            coding.sources = speakers
            addressees = answerers or (self._subjects(below) if below.pos in {"VERB", "AUX"} and below.i != governor.i
                                       else [])
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

    def _intended(self, coding: _Coding) -> str | None:
        """The code of an act only intended: 03x for cooperation, 13x for force; an announced
        deployment of troops is offered, not threatened ("Britain will send 500 troops to
        Afghanistan"), unless it goes to a border ("will deploy troops to the Ukrainian border")."""
        derived = self.vocabulary.derive("intent", coding.code)
        if coding.code[:3] == "154" and not self._at_border(coding):
            return self.vocabulary.derive("offer", coding.code) or derived
        return derived

    def _at_border(self, coding: _Coding) -> bool:
        """Whether an act is aimed at a border: 'to the Ukrainian border'."""
        borders = self.resolver.actors.words["border_nouns"]
        heads = [self.resolver.head_of(a) for group in coding.target_groups for a in group]
        return any(t is not None and self.s.tokens[t.head].lemma in borders for t in heads)

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

    def _orders_act(self, coding: _Coding, governor: Token, trigger: Token) -> bool:
        """'The court ordered the arrest of X', 'ordered air strikes on Y': an act the order names
        as its object, with no doer of its own, is done by whoever ordered it."""
        if trigger.pos not in {"NOUN", "PROPN"} or self.s.tokens[trigger.head].i != governor.i or \
                trigger.dep != "dobj" or coding.factuality != "asserted" or \
                self._noun_agents(trigger) or self._noun_modifiers(trigger):  # "ordered the Israeli withdrawal"
            return False
        orderers = {a.key for a in self._subjects(governor)}
        if not orderers or {a.key for a in coding.sources} != orderers:
            return False
        coding.rule = f"{coding.rule}+command:{governor.lemma}"
        coding.derived, coding.derived_by = True, "command"
        self.governing.add(governor.i)
        return True

    def _plan_as_topic(self, plan: Token) -> bool:
        """Whether a plan is what other news is about: the object of a verb
        that neither makes nor adopts it, or of a preposition ('a challenge to his plan')."""
        if plan.pos != "NOUN" or plan.lemma not in self.vocabulary.words["plans"]:
            return False
        head = self.s.tokens[plan.head]
        if plan.dep == "dobj":
            return head.lemma not in self.vocabulary.words["plan_news"]
        return plan.dep == "pobj" and head.lemma != "under"  # "under the plan, Israel will withdraw"

    def _appeals_for(self, verb: Token) -> bool:
        """'Abe has pushed for the constitution to be revised': a verb of appealing with no pattern
        of its own asks for what its 'for' phrase names."""
        return self._modal(verb) == "appeal" and any(
            self.s.kids(prep.i, "pobj") for prep in self.s.kids(verb.i, "prep") if prep.lemma == "for")

    def _appeal_for(self, verb: Token) -> None:
        pattern = Pattern(f"020-{verb.lemma}-for-v", "020", "verb", verb.lemma, None, frozenset(), ("on", "upon", "to"))
        self._emit(pattern, verb, verb, self._subjects(verb), [self.resolver.resolve(k.i) for k in
                   self.s.kids(verb.i, "dobj")] + self._via_preps(verb, pattern.preps), [], specific=False)
