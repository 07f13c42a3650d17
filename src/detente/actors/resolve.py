"""Resolving noun phrases of a parsed sentence to actors, with coreference in a document.

An argument's actor comes from a name inside its noun phrase (the closest to the head
wins), its role from the head noun or title ("Russian officials" -> RUS + GOV), and,
when the phrase names nobody, from the document so far: pronouns take the most salient
earlier actor (subjects first), nominals ("the alliance", "the country") the most
recent actor they can refer to, and generic domestic actors ("police", "gunmen") the
country of the story's context: where the act happens, a state the sentence names, the
state the document names most. A place is an actor only as a territory, never by
saying where something is ("the Mosul attacks").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..parse.sentences import is_headline
from ..parse.tokens import ParsedSentence, Token
from ..records import Actor
from .dictionary import ActorDictionary, Entry
from .mentions import NameMatch

_NP_STOP = frozenset({"relcl", "acl", "advcl", "ccomp", "conj", "cc", "punct", "appos", "xcomp", "mark"})
UNKNOWN_STATE = "---"  # CAMEO's filler for an actor whose country is not known
_STATELESS_ROLES = {"INT"}  # generic international actors take the country slot themselves
_PERPETRATORS = {"CRM", "UAF"}  # named for what they did, to someone else
_MODIFIERS = {"compound", "amod", "poss", "nmod", "nummod", "det"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_STATE_FORCE_ROLES = {"GOV", "MIL", "COP", "UAF"}  # "anti-government forces" are no state's forces: rebels
_ARMED_GROUP_ROLES = {"REB", "INS", "SEP", "RAD"}  # armed groups against a state: their "troops" are theirs
MAX_HISTORY = 300  # earlier mentions an anaphor or a generic actor may refer to
_THING_PRONOUNS = {"it", "its", "itself", "they", "them", "their", "theirs", "themselves"}
_PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
_AIMED_PREPS = {"at", "on", "against", "toward", "towards", "upon", "include"}  # what an act is aimed at ("including")
_PERSON_PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
_STATE_ORGANS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
_ACTING_ABROAD = {"GOV", "MIL", "LEG", "SPY"}  # organs that deal with other states'; courts and police act at home
_SCENE_PREPS = {"in", "at", "near", "inside", "outside", "across", "throughout", "around"}


@dataclass(frozen=True, slots=True)
class Salient:
    """An actor mentioned earlier in the document, for coreference."""

    position: int  # character offset
    key: str
    role: str | None
    person: bool
    subject: bool
    abroad: bool = False  # the nationality of refugees or migrants: a state they are not in
    war_place: bool = False  # only where a war is ("the Iraq war"): no one a pronoun can mean


class ActorResolver:
    """Resolves noun phrases to actors across the sentences of one document."""

    def __init__(self, actors: ActorDictionary, date: dt.date | None, text: str,
                 unknown_states: bool = False) -> None:
        self.actors = actors
        self.unknown_states = unknown_states  # a generic actor with no clue to its country is '---' + role
        self.text = text
        self.date = date
        self.history: list[Salient] = []
        self.sentence: ParsedSentence | None = None
        self.word_entry: dict[int, tuple[NameMatch, Entry]] = {}
        self.anaphors: dict[int, Salient] = {}  # pronouns and nominals resolved in this sentence
        self.residents: dict[int, str] = {}  # first word of a people's name -> the state it lives in

    # --- the document's flow -------------------------------------------------------
    def observe_unparsed(self, matches: list[NameMatch], position: int) -> None:
        """Record names from a sentence that was not parsed, for later coreference."""
        for match in matches:
            entry = self._choose(match.entries)
            self.history.append(Salient(position, entry.key, self._role(entry), entry.kind == "person", False))

    def begin(self, sentence: ParsedSentence, matches: list[NameMatch]) -> None:
        self.sentence = sentence
        self.word_entry = {}
        self.anaphors = {}
        self.residents = {}
        # the states the sentence surely names by a name or place ('Pakistani nationals' may be abroad)
        matches = [m for m in matches if not self._namesake(m) and not self._stance(m)]
        named = {m.entries[0].key for m in matches if len(m.entries) == 1 and m.entries[0].via != "adjective"}
        for match in matches:
            # a state just before a name describes it: "British PM Blair", "the Indian state of Punjab"
            near = {m.entries[0].key for m in matches if len(m.entries) == 1 and m.last < match.first <= m.last + 4}
            entry = self._choose(self._in_context(match.entries, named | near, sentence.start))
            for i in range(match.first, match.last + 1):
                self.word_entry[i] = (match, entry)
        for token in sentence.tokens:  # subjects in order, so later pronouns can refer to them
            if token.dep in _SUBJECT_DEPS:
                self.resolve_one(token.i)

    def _stance(self, match: NameMatch) -> bool:
        """A name after 'anti-' or 'pro-' says what its head is for or against, not whose it is:
        'anti-American protesters', 'a pro-Moscow regime', 'anti-Castro exiles'."""
        return self._stance_prefix(match.first) is not None

    def _namesake(self, match: NameMatch) -> bool:
        """A surname we know of an office holder, after a first name that is not his: 'Bobby
        Fischer' is not Joschka Fischer, 'Chelsea Clinton' not Bill Clinton. A title before it
        ('President Bush', 'Mr. Blair'), nor is a middle initial ('George W Bush')."""
        sentence = self.sentence
        assert sentence is not None
        if match.first != match.last or match.first == 0 or any(e.kind != "person" for e in match.entries):
            return False
        before = sentence.tokens[match.first - 1]
        if before.i == 0 and is_headline(self.text[sentence.start:sentence.end]):
            return False  # "Ailing Arafat Arrives in Paris": a headline capitalises every word
        return before.pos == "PROPN" and before.dep == "compound" and before.head == match.first and \
            len(before.text.rstrip(".")) > 1 and before.text[:1].isupper() and \
            before.lemma.lower().rstrip(".") not in self.actors.words["honorifics"] and \
            self.actors.roles.get(before.lemma.lower()) is None and self.actors.roles.get(before.text.lower()) is None

    def end(self) -> None:
        """Add the sentence's mentions, named and anaphoric, to the history, in order. They all
        follow the history (sentences come in order), so only they need sorting."""
        mentions = self._named_mentions() + list(self.anaphors.values())
        self.history.extend(sorted(mentions, key=lambda s: s.position))

    def _named_mentions(self) -> list[Salient]:
        """The names of the current sentence as mentions, each marked if it is a subject."""
        sentence = self.sentence
        assert sentence is not None
        mentions = []
        for i, (match, entry) in sorted(self.word_entry.items()):
            # "a UK-based monitor" is about no UK, "near the Cameroon border" about no Cameroon
            if i == match.first and not self._based_in(match.last) and not self._names_border(match, entry, -1):
                head = self._phrase_head(match.last)
                subject = sentence.tokens[head].dep in _SUBJECT_DEPS
                first = self._first_conjunct(match.last)  # "Malian and Senegalese refugees": both
                described = self._phrase_head(first)
                abroad = entry.via == "adjective" and described != first and self.role_of(described) == "REF"
                person = entry.kind == "person" or self.names_person(head)  # "a Sudanese rebel commander ... his"
                role = self._role(entry) or (self.role_of(head) if person and head != match.last else None)
                mentions.append(Salient(sentence.tokens[i].start, self.residents.get(i, entry.key), role,
                                        person, subject, abroad, self._names_war(match)))
        return mentions

    # --- resolution ----------------------------------------------------------------
    def resolve(self, head: int) -> list[Actor]:
        """The actors of the noun phrase headed by token `head`, and of its conjuncts."""
        sentence = self.sentence
        assert sentence is not None
        heads, found = [head], []
        covered: set[int] = set()  # words already coded as a coordinated modifier
        for i in heads:
            actor = self.resolve_one(i)
            if actor is None:  # "the Emirates and Saudi Arabia", "the Labor Office (ILO)": a conjunct
                # or an apposition may still be known
                heads.extend(k.i for k in sentence.kids(i, "conj", "appos") if k.i not in heads)
                continue
            found.append(actor)
            partners = self._coordinated_modifiers(i, actor)
            found.extend(partners)  # "US and Iraqi forces": "Iraqi" is done, not a conjunct of its own
            covered.update(t.i for t in sentence.tokens for p in partners if p.start <= t.start < p.end)
            # "Abkhaz and Georgian officials": a coordinated modifier of the same state is no second actor
            covered.update(c.i for m in sentence.kids(i, "amod", "compound", "nmod")
                           for c in sentence.kids(m.i, "conj"))
            found.extend(self._plural_antecedents(i, actor))
            # conjuncts hang off the head or off the name ("Barack Obama and Vladimir Putin");
            # a list "the US, Russia, and Switzerland" is often parsed as apposition
            inside = [t.i for t in sentence.tokens if actor.start <= t.start < actor.end] + [i]
            for j in inside:
                for kid in sentence.kids(j, "conj", "appos"):
                    if kid.i not in heads and kid.i not in covered and (
                            kid.dep == "conj" or self._names_other(kid.i, actor.key)):
                        heads.append(kid.i)
        return found

    def _plural_antecedents(self, head: int, actor: Actor) -> list[Actor]:
        """'NATO and Russia said they ...': 'they' is both, when the pair is in this sentence."""
        sentence = self.sentence
        assert sentence is not None
        if actor.via != "pronoun" or sentence.tokens[head].text.lower() not in _PLURAL_PRONOUNS:
            return []
        # the nearest mention: "EU leaders softened their demands" after "the European Union and Turkey"
        antecedent = next((t for t in reversed(sentence.tokens[:head])
                           if t.i in self.word_entry and self.word_entry[t.i][1].key == actor.key), None)
        if antecedent is None:
            return []
        antecedent = sentence.tokens[self.word_entry[antecedent.i][0].last]  # "Arabia" of "Saudi Arabia and Iran"
        group = {antecedent.i, antecedent.head} | {k.i for k in sentence.kids(antecedent.i, "conj")}
        others = []
        for i in sorted(group):
            named = self.word_entry.get(i)
            if named is not None and named[1].key != actor.key and (
                    sentence.tokens[i].dep == "conj" or antecedent.dep == "conj"):
                match, entry = named
                others.append(self.actor_of(entry.key, entry.role, sentence.tokens[head].start,
                                          sentence.tokens[head].end, "pronoun"))
        return others

    def _names_other(self, i: int, key: str) -> bool:
        named = self.word_entry.get(i)
        return named is not None and named[1].key != key

    def _coordinated_modifiers(self, head: int, actor: Actor) -> list[Actor]:
        """'Hungarian and Romanian officials': one head, two actors with its role."""
        sentence = self.sentence
        assert sentence is not None
        extra = []
        for modifier in sentence.kids(head, "amod", "compound", "nmod"):
            for conjunct in sentence.kids(modifier.i, "conj"):
                named = self.word_entry.get(conjunct.i)
                if named is not None and named[1].key != actor.key:
                    match, entry = named
                    extra.append(self.actor_of(entry.key, actor.role, sentence.tokens[match.first].start,
                                             sentence.tokens[match.last].end, entry.via))
        return extra

    def resolve_one(self, head: int) -> Actor | None:
        sentence = self.sentence
        assert sentence is not None
        lemma = sentence.tokens[head].lemma
        if self._stance_prefix(head) is not None:
            return None  # "anti-government forces": a stance, no government
        owner = self._possessor(head, pronoun=False) if lemma in self.actors.words["voices"] else None
        if owner is not None:  # "the governor's office declined to comment"
            actor = self.resolve_one(owner.i)
            if actor is not None:
                return actor
        members = [p for prep in sentence.kids(head, "prep") if prep.lemma == "of"
                   for p in sentence.kids(prep.i, "pobj")] if lemma in self.actors.words["collectives"] else []
        if members:  # "an advance party of British soldiers"
            actor = self.resolve_one(members[0].i)
            collective = self._role_of_head(head)  # "crowds of street vendors in Venezuela": a crowd of civilians
            if actor is not None and actor.role is None and collective is not None and \
                    self.actors.kinds.get(actor.key) == "state":
                actor = self.actor_of(actor.key, collective, actor.start, actor.end, actor.via)
            if actor is not None:
                return actor
        phrase = self._phrase(head)
        role = self._role_of_head(head)
        named = self._closest_name(head, phrase)
        if named is not None and named[1].kind == "region" and not self._of_region(head, named[0]):
            named = None
        # "three Britons in Baghdad": counted, they are nationals, no people living there
        # nor is "a Briton in the Saudi capital": one person is a national
        counted = (bool(sentence.kids(head, "nummod")) or sentence.tokens[head].tag in {"NN", "NNP"}) and \
            not self._ethnic(head)
        if named is not None and named[1].via == "adjective" and not counted and (
                named[0].first <= head <= named[0].last or self._ethnic(head)):
            # "ethnic Albanians in Serbia", "Bosnian Serbs", "the Albanians of southern Serbia":
            # a people is coded by the state it lives in, when the phrase names it
            people = named[0]
            named = self._residence(head, phrase, named)
            if self.actors.kinds.get(named[1].key) == "state":  # "Bosnian Serbs ... their forces": Bosnia's
                self.residents[people.first] = named[1].key
        if named is not None and role in _PERPETRATORS and self._describes_other(*named, head):
            named = None  # "the kidnappers of an American journalist" are not American
        if named is not None and role is not None and self.actors.kinds.get(named[1].key) != "state" and \
                not named[0].first <= head <= named[0].last:
            owned = self._owned(head, phrase, role)  # "its U.N. diplomats": the pronoun's, posted to the UN
            if owned is not None:
                return owned
        if named is not None and self._of_a_war(head, named[0]):
            named = None  # "Iraq war allies" are not Iraq's
        if named is not None and lemma in self.actors.words["counterparts"] and named[1].via != "adjective" and \
                not named[0].first <= head <= named[0].last and not sentence.kids(named[0].last, "conj"):
            named = None  # "U.S. allies", "Chile's neighbours": other states, whose they are ("US and Western
            # allies" are both)
        place = False
        if named is not None:
            place = self._as_place(head, *named)
            if place and self._only_located(head, named[0]):
                named = None  # "the Mosul attacks", "the Gaza pullout": a place says where, not who
            elif place and named[1].via == "seat" and not self.actor_noun(head) and \
                    sentence.tokens[head].dep in _SUBJECT_DEPS:
                named = None  # "bombs in Baghdad killed": a thing in a capital does not act for its government
        if named is not None:
            match, entry = named
            entry_role = self._role(entry)
            if entry.via in {"name", "place"} and match.first <= head <= match.last:
                role = None  # the head is part of the name: "the Soviet Union" is no union, "the West Bank" no bank
            head_role = role
            if not place and entry.via == "seat":  # "Baghdad police" are Iraq's police; "Moscow said": its government
                role = role or entry_role
            elif not place and (entry.via == "person" or entry.role is not None):
                if entry.kind == "person" and self.date is None and role is not None and \
                        match.first <= head <= match.last:
                    entry_role = role  # undated, "Sen. John Kerry" is what his title says, not his listed office
                owned = entry.kind == "person" and sentence.tokens[match.last].dep == "poss" and \
                    sentence.tokens[match.last].head == head  # "Sadr's militia": the militia's role, his country
                role = (role if owned and role is not None else entry_role) or role or (
                    "ELI" if entry.kind == "person" else None)  # not yet in office: an elite
            # "Russian diplomats": the span runs to the head noun that gave the role
            last = head if head_role is not None and head > match.last and role == head_role else match.last
            return self.actor_of(entry.key, role, sentence.tokens[match.first].start,
                               sentence.tokens[last].end, entry.via)
        token = sentence.tokens[head]
        lower = token.text.lower()
        if lower in _THING_PRONOUNS or lower in _PERSON_PRONOUNS:
            actor = None if self._unknown_speaker(head) else (
                self._speaker(head) or self._pronoun(head, person=lower in _PERSON_PRONOUNS))
        else:
            # nominals are heads of noun phrases: "the military said", not "military exercises"
            nominal = token.pos in {"NOUN", "PROPN"} and token.dep not in {"amod", "compound"}
            # "a British man was detained by police in Lahore": where the clause is set before who was named last
            scene_first = nominal and role is not None and self._possessor(head, pronoun=True) is None  # "his troops"
            clue = self._context_state(head, role, frozenset()) if scene_first else None
            actor = ((clue is not None and clue[0] == 0 and self._role_only(head, phrase, role))
                     or self._nominal(head, phrase, role)
                     or self._owned(head, phrase, role) or self._role_only(head, phrase, role)) if nominal else None
            if actor is None and self.unknown_states and self._unknown_name(token):
                # "Lagumdzija suspended aid donations": a named doer no dictionary knows, of no known state
                actor = self.actor_of(UNKNOWN_STATE, None, sentence.tokens[phrase[0]].start, token.end, "unknown")
        if actor is not None and head not in self.anaphors:
            person = lower in _PERSON_PRONOUNS or (actor.via == "role" and token.pos == "PROPN")  # "King Hassan"
            self.anaphors[head] = Salient(token.start, actor.key, actor.role, person, token.dep in _SUBJECT_DEPS)
        return actor

    # --- helpers -------------------------------------------------------------------
    def _as_place(self, head: int, match: NameMatch, entry: Entry) -> bool:
        """Whether a name stands for a place in this phrase: a city or region, or a seat of
        government in a prepositional phrase ('militiamen in a Baghdad suburb')."""
        if entry.via == "place":
            return True
        if entry.via != "seat" or match.first <= head <= match.last:
            return False
        return any(t.dep == "prep" and t.lemma in _SCENE_PREPS for t in self._path_up(match.last, head))

    def _path_up(self, i: int, top: int) -> list[Token]:
        """The tokens from `i` up to (not including) its ancestor `top`."""
        sentence = self.sentence
        assert sentence is not None
        path, token = [], sentence.tokens[i]
        while token.i != top and token.head != token.i:
            path.append(token)
            token = sentence.tokens[token.head]
        return path

    def _names_war(self, match: NameMatch) -> bool:
        """Whether a name only says where a war is ('the Iraq war and concerns about terrorism ...
        they'): no one a later pronoun can mean."""
        sentence = self.sentence
        assert sentence is not None
        name = sentence.tokens[match.last]
        return name.dep in {"compound", "nmod", "amod"} and \
            sentence.tokens[name.head].lemma in self.actors.words["war_nouns"]

    def _of_a_war(self, head: int, match: NameMatch) -> bool:
        """Whether a name only says where a war was, on a noun that modifies the head or is in its
        phrase: 'Iraq war allies', 'the Kosovo conflict refugees', 'critics of the Iraq war' (not
        'the Iraq war', the head itself)."""
        sentence = self.sentence
        assert sentence is not None
        name = sentence.tokens[match.last]
        war = sentence.tokens[name.head]
        wars = self.actors.words["war_nouns"]
        if name.dep in {"compound", "nmod", "amod"} and war.lemma in wars and war.dep == "pobj" and \
                sentence.tokens[war.head].lemma == "of" and sentence.tokens[war.head].head == head:
            return True
        if match.last + 1 >= head:
            return False
        war = sentence.tokens[match.last + 1]  # the parser hangs both on the head: "Iraq war allies"
        return war.lemma in wars and war.dep in {"compound", "nmod", "amod"}

    def _only_located(self, head: int, match: NameMatch) -> bool:
        """Whether the phrase is a place that only says where a thing is or an act happened:
        'the Mosul attacks', 'the Gaza pullout' (not 'Darfur rebels')."""
        sentence = self.sentence
        assert sentence is not None
        token = sentence.tokens[head]
        return match.first <= head <= match.last and token.dep in {"compound", "amod", "nmod"} \
            and not self.actor_noun(token.head)

    def actor_noun(self, i: int) -> bool:
        """A noun that names an actor: 'rebels', 'government', not 'trains' or 'attacks'."""
        return self.role_of(i) is not None or self.own_role(i)

    def own_role(self, i: int) -> bool:
        """Whether a noun names an actor by itself, not by its modifiers: 'troops', 'the government',
        not 'a terrorist attack'."""
        sentence = self.sentence
        assert sentence is not None
        token = sentence.tokens[i]
        return bool(self.actors.roles.get(token.lemma) or self.actors.roles.get(token.text.lower())) \
            or token.lemma in self.actors.nominals or token.lemma in self.actors.organisation_nominals

    def actor_of(self, key: str, role: str | None, start: int, end: int, via: str) -> Actor:
        """The actor `key` (with `role`) found at `start`-`end` of the text, by `via`."""
        state = self.actors.kinds.get(key) in {"state", "region"} or key == UNKNOWN_STATE  # a role for each
        code = key + (role or "") if state else key
        return Actor(key, role, code, self.actors.display.get(key, key), self.text[start:end], start, end, via)

    def _in_context(self, entries: tuple[Entry, ...], named: set[str], position: int) -> tuple[Entry, ...]:
        """A place name two states share ('Punjab', 'Hyderabad') is the one of the state the
        sentence names, else of the state the document names most, else the first listed; so
        is a surname two states' office holders share ('Blair') when no date tells them apart,
        first by the one whose full name the document gives."""
        shared = [e for e in entries if e.via == "place"]
        if len({e.key for e in shared}) < 2 and self.date is None:
            shared = [e for e in entries if e.kind == "person"]
            full = [e for e in shared if e.name in self.text]  # "Blair ..." in a story on "Tony Blair"
            if len({e.key for e in full}) == 1:
                return (full[0],)
        if len({e.key for e in shared}) < 2:
            return entries
        document = self._document_state(position, frozenset())
        for context in [[e for e in shared if e.key in named], [e for e in shared if e.key == document]]:
            if context:
                return (context[0],)
        return entries

    def _choose(self, entries: tuple[Entry, ...]) -> Entry:
        """Among entries of one name: people in office on the date first, then others."""
        people = [e for e in entries if e.kind == "person"]
        current = [e for e in people if e.valid_on(self.date)]
        if current:  # with no date, the latest term
            return max(current, key=lambda e: e.start or dt.date.min)
        others = [e for e in entries if e.kind != "person"]
        if others:
            return others[0]
        past = [e for e in people if e.end is not None and self.date is not None and e.end < self.date]
        return max(past, key=lambda e: e.end or dt.date.min) if past else people[0]

    def _role(self, entry: Entry) -> str | None:
        if entry.kind == "person" and not entry.valid_on(self.date):
            assert self.date is not None  # with no date every term is valid
            if entry.end is not None and entry.end < self.date:
                return "ELI"  # a former office holder is no longer the government
            return None  # not yet in office: the phrase gives the role ("opposition leader X"), else ELI
        return entry.role

    def _phrase_head(self, i: int) -> int:
        sentence = self.sentence
        assert sentence is not None
        token = sentence.tokens[i]
        while token.dep in _MODIFIERS | {"case"} and token.head != token.i:
            token = sentence.tokens[token.head]
        return token.i

    def _residence(self, head: int, phrase: list[int],
                   ethnic: tuple[NameMatch, Entry]) -> tuple[NameMatch, Entry]:
        """'ethnic Albanians in Serbia' are coded by the state they live in, when it is named."""
        sentence = self.sentence
        assert sentence is not None
        places = [self.word_entry[i] for i in phrase
                  if i in self.word_entry and self.word_entry[i][1].via != "adjective"]
        if any(entry.key == ethnic[1].key for _, entry in places):
            return ethnic  # "Palestinians of the Israeli-occupied West Bank" live in Palestine
        for i in phrase:
            named = self.word_entry.get(i)
            if named is not None and named[1].key != ethnic[1].key and self.actors.kinds.get(named[1].key) == "state" \
                    and not self._of_descent(i):  # "a Chinese-American" lives in no China
                return named
        if self._ethnic(head):
            # "ethnic Albanians demonstrated in Serbia": the minority lives where the sentence is set
            for token in sentence.tokens:
                named = self.word_entry.get(token.i)
                if (named is not None and token.dep == "pobj" and sentence.tokens[token.head].lemma == "in"
                        and named[1].key != ethnic[1].key and self.actors.kinds.get(named[1].key) == "state"):
                    return named
        return ethnic

    def _ethnic(self, head: int) -> bool:
        """Whether the phrase is marked as a people: 'ethnic Albanians', not 'forces against ethnic Serbs'."""
        sentence = self.sentence
        assert sentence is not None
        return any(kid.lemma == "ethnic" for kid in sentence.kids(head, "amod", "compound"))

    def _closest_name(self, head: int, phrase: list[int]) -> tuple[NameMatch, Entry] | None:
        """The name in the phrase nearest the head in the tree (modifiers before preps), not one
        that only tells of descent."""
        sentence = self.sentence
        assert sentence is not None
        best, best_depth = None, 99
        for i in phrase:
            if i not in self.word_entry or self._of_descent(i) or self._names_border(*self.word_entry[i], head) \
                    or self._former_ruler(i):
                continue  # "a man of Moroccan descent" is not Morocco's
            depth, token = 0, sentence.tokens[i]
            while token.i != head and token.head != token.i:
                depth += 1 if token.dep in _MODIFIERS | {"case", "appos"} else 3
                token = sentence.tokens[token.head]
            if depth < best_depth:
                best, best_depth = self.word_entry[i], depth
        return best

    def elsewhere(self, actor: Actor) -> Actor | None:
        """For a role-only actor guessed to be of the source's own state, the next-best state:
        the target of 'U.S. forces killed militiamen' is not the U.S. Where the act happened is
        no guess ('Iraqi forces killed militants in Samarra'), and the source's partners are no
        better one: in 'U.S. and Iraqi forces attacked insurgents' neither is the enemy; nor is a
        state that only describes some other thing ('suspects who robbed a Nepalese bank')."""
        sentence = self.sentence
        assert sentence is not None
        token = self.head_of(actor)
        if token is None or actor.role is None:
            return None
        guess = self._context_state(token.i, actor.role, frozenset())
        if guess is not None and guess[0] == 0:
            return None
        partners = self._partners(actor.key)
        other = self._context_state(token.i, actor.role, partners)
        if other is not None and other[0] == 3:
            return None
        return self._role_only(token.i, self._phrase(token.i), actor.role, exclude=partners)

    def _phrase(self, head: int) -> list[int]:
        """The noun phrase of `head`, without a blanked dateline the parser hung on it
        ("KABUL (Reuters) - A man"), with a 'from' phrase right after it that the parser hung on
        a noun before it ("a meeting with prosecutors from Equatorial Guinea": the prosecutors')."""
        sentence = self.sentence
        assert sentence is not None
        phrase = [i for i in sentence.subtree(head, _NP_STOP) if sentence.tokens[i].tag != "_SP"]
        after = head + 1
        if after < len(sentence.tokens) and after not in phrase and sentence.tokens[after].lemma == "from" and \
                sentence.tokens[sentence.tokens[after].head].pos in {"NOUN", "PROPN"} and \
                sentence.tokens[head].pos == "NOUN":
            phrase += sentence.subtree(after, _NP_STOP)
        return phrase

    def _partners(self, key: str) -> frozenset[str]:
        """`key` and the states coordinated with it in this sentence ('U.S. and Iraqi forces',
        'Afghan and US-led troops')."""
        sentence = self.sentence
        assert sentence is not None
        partners = {key}
        for i, (match, entry) in self.word_entry.items():
            if entry.key != key:
                continue
            token = sentence.tokens[match.last]
            linked = [k.i for k in sentence.kids(token.i, "conj")] + ([token.head] if token.dep == "conj" else [])
            if token.dep in {"amod", "nmod", "compound"}:  # "Afghan and US-led troops": both modify the troops
                linked += [k.i for k in sentence.kids(token.head, "amod", "nmod", "compound")]
            # the state that leads is the partner ("US-led")
            linked += [k.i for j in linked for k in sentence.kids(j, "npadvmod", "compound")]
            partners.update(self.word_entry[j][1].key for j in linked if j in self.word_entry)
        return frozenset(k for k in partners if self.actors.kinds.get(k) == "state")

    def names_weapon(self, actor: Actor) -> bool:
        """Whether an actor was found in a noun that names a weapon ('helicopter gunships',
        'Israeli tanks'): a weapon acts, and is acted on, only by force."""
        sentence = self.sentence
        assert sentence is not None
        token = self.head_of(actor)
        if token is None:
            return False
        modifiers = [t.lemma for t in sentence.kids(token.i, "compound", "amod")]
        return token.lemma in self.actors.weapons or any(
            f"{modifier} {token.lemma}" in self.actors.weapons for modifier in modifiers)

    def antecedent_head(self, pronoun: int) -> Token | None:
        """The head noun of the mention in this sentence a pronoun refers to ('a British ship ...
        its arrival': 'ship'), or None if it refers to none here."""
        sentence = self.sentence
        assert sentence is not None
        actor = self.resolve_one(pronoun)
        if actor is None or actor.via != "pronoun":
            return None
        mentions = [match for i, (match, entry) in self.word_entry.items()
                    if i == match.first and entry.key == actor.key and i < pronoun]
        if not mentions:
            return None
        head = sentence.tokens[self._phrase_head(mentions[-1].last)]
        while head.dep == "appos" and head.head != head.i:  # "a World Food Programme (WFP) plane"
            head = sentence.tokens[self._phrase_head(head.head)]
        return head

    def head_of(self, actor: Actor) -> Token | None:
        """The token of this sentence an actor's words end on: the head of its phrase."""
        sentence = self.sentence
        assert sentence is not None
        return next((t for t in sentence.tokens if t.end == actor.end), None)

    def role_of(self, head: int) -> str | None:
        """The role a noun or title gives ('ambassador' -> GOV), or None."""
        return self._role_of_head(head)

    def _role_of_head(self, head: int) -> str | None:
        sentence = self.sentence
        assert sentence is not None
        token = sentence.tokens[head]
        if self._against_government(head):  # "anti-government forces (targets, militias)": its armed foes
            own = self.actors.roles.get(token.lemma)
            return own[0] if own and own[0] not in _STATE_FORCE_ROLES else "REB"
        modifiers = [t.lemma for t in sentence.kids(head, "compound", "amod")]
        for modifier in modifiers:
            role = self.actors.roles.get(f"{modifier} {token.lemma}")
            if role:
                return role[0]
        role = self.actors.roles.get(token.lemma) or self.actors.roles.get(token.text.lower())
        if role and role[0] == "GOV":  # "company leaders", "church leaders", "union officials": the body's
            bodies = [self.actors.roles.get(t.lemma) for t in sentence.kids(head, "compound", "amod")
                      if t.i < head and t.i not in self.word_entry]
            body = next((b[0] for b in bodies if b and b[0] != "GOV"), None)
            owner = next((t for t in sentence.kids(head, "poss") if t.pos == "NOUN"), None)
            if body is None and owner is not None:  # "the militant group's leaders": the group's
                body = self._role_of_head(owner.i)
            if body is not None and body != "GOV":
                return body
        if role:
            return role[0]
        if token.pos == "PROPN":  # a title before a name: "Prime Minister Ismail Haniyeh"
            # the title's words may hang off each other: "police" -> "chief" -> "Koome"
            words, todo = [], [head]
            while todo:
                kids = [k.i for k in sentence.kids(todo.pop(), "compound") if k.i < head]
                words.extend(kids)
                todo.extend(kids)
            title = [sentence.tokens[i].lemma for i in sorted(words)]
            for size in range(len(title), 0, -1):
                for start in range(len(title) - size + 1):
                    role = self.actors.roles.get(" ".join(title[start:start + size]))
                    if role:
                        return role[0]
        # "intelligence personnel", "military officials" (not "the West Bank town": a name's word; nor
        # "general elections": a title is no modifier)
        if token.lemma in self.actors.words["matters"]:  # "the hostage crisis", "a public spat": no members
            return None
        for modifier in [t.lemma for t in sentence.kids(head, "compound", "amod") if t.i not in self.word_entry]:
            role = self.actors.roles.get(modifier)
            if role and role[0] != "GOV" and not role[1]:
                return role[0]
        return None

    def names_person(self, head: int) -> bool:
        """Whether a noun names one person by its title ('commander', 'the foreign minister'), so
        that 'he' and 'his' may refer to it."""
        sentence = self.sentence
        assert sentence is not None
        token = sentence.tokens[head]
        terms = [f"{k.lemma} {token.lemma}" for k in sentence.kids(head, "compound", "amod")] + [token.lemma]
        return token.tag in {"NN", "NNP"} and any(self.actors.roles.get(term, (None, False))[1] for term in terms)

    def _against_government(self, head: int) -> bool:
        """Whether a noun is modified by 'anti-government' or 'anti-regime'."""
        sentence = self.sentence
        assert sentence is not None
        return any(kid.lemma in {"government", "regime"} and self._stance_prefix(kid.i) == "anti"
                   for kid in sentence.kids(head, "amod", "compound", "npadvmod"))

    def _stance_prefix(self, i: int) -> str | None:
        """'anti' or 'pro' when the word at `i` follows 'anti-' or 'pro-' (hyphenated or not)."""
        sentence = self.sentence
        assert sentence is not None
        before = [t.text.lower() for t in sentence.tokens[max(0, i - 2):i]]
        if before[-1:] == ["-"]:
            before = before[:-1]
        return before[-1] if before[-1:] in (["anti"], ["pro"]) else None

    def _earlier(self, position: int) -> list[Salient]:
        sentence = self.sentence
        assert sentence is not None
        # the latest mentions only: a news story's coreference never reaches further back, and a
        # whole long document's history read for every phrase would make coding quadratic
        earlier = [s for s in self.history[-MAX_HISTORY:] if s.position < position]
        earlier.extend(s for s in self._named_mentions() if s.position < position)
        earlier.extend(s for s in self.anaphors.values() if s.position < position)
        return sorted(earlier, key=lambda s: s.position)

    def _reporter(self, head: int) -> Token | None:
        """The subject of the verb that reports the clause a pronoun at `head` is the subject of
        ('Obama said he ...': Obama), unless it is a pronoun itself."""
        sentence = self.sentence
        assert sentence is not None
        token = sentence.tokens[head]
        clause = sentence.tokens[token.head]
        if token.dep not in _SUBJECT_DEPS or clause.dep != "ccomp":
            return None
        subject = next(iter(sentence.kids(clause.head, "nsubj")), None)
        if subject is None or subject.i == head or subject.text.lower() in _THING_PRONOUNS | _PERSON_PRONOUNS:
            return None
        return subject

    def _speaker(self, head: int) -> Actor | None:
        """'Militants loyal to X said they ...', 'Obama said he ...': a pronoun subject of a reported
        clause is the reporter."""
        sentence = self.sentence
        assert sentence is not None
        token = sentence.tokens[head]
        subject = self._reporter(head)
        if subject is None:
            return None
        actor = self.resolve_one(subject.i)
        if actor is None or (token.text.lower() in _PERSON_PRONOUNS) != (actor.via == "person"):
            return None
        return self.actor_of(actor.key, actor.role, token.start, token.end, "pronoun")

    def _unknown_speaker(self, head: int) -> bool:
        """'The group led by X said it has abducted ...', 'Southeast Asian ministers said they
        would ...': a pronoun subject of a reported clause is the reporter even when the reporter
        is no one we can code; it then refers to no one, not to an earlier actor."""
        sentence = self.sentence
        assert sentence is not None
        reporter = self._reporter(head)
        if reporter is None or reporter.pos not in {"NOUN", "PROPN"} or self.resolve_one(reporter.i) is not None:
            return False
        lower = sentence.tokens[head].text.lower()
        if reporter.pos == "PROPN":  # "Microsoft said it will ...": a name we cannot code, singular
            return reporter.tag == "NNP" and lower not in _PLURAL_PRONOUNS
        if lower in _PLURAL_PRONOUNS:
            return reporter.tag == "NNS"
        role = self.actors.roles.get(reporter.lemma)
        is_person = role is not None and role[1]
        return reporter.tag == "NN" and is_person == (lower in _PERSON_PRONOUNS)

    def _pronoun(self, head: int, person: bool) -> Actor | None:
        sentence = self.sentence
        assert sentence is not None
        token = sentence.tokens[head]
        thanked = self._thanked_for(token, person)
        if thanked is not None:
            return self.actor_of(thanked.key, thanked.role, token.start, token.end, "pronoun")
        earlier = self._earlier(token.start)
        plural = token.text.lower() in _PLURAL_PRONOUNS  # "they" may be people or states
        bound = self._own_subject(token)  # "Poland expelled diplomats, accusing them": not Poland
        candidates = [s for s in earlier if (plural or s.person == person) and s.position not in bound
                      and not s.war_place]
        if not candidates and person:  # "the foreign minister ... he said": an official will do
            candidates = [s for s in earlier if s.role is not None]
        if not candidates:
            return None
        # the sentence's own mentions first: "Rebels plotted against Bush during his visit" is Bush's
        # visit, whoever a headline or an earlier sentence made its subject
        pool = [s for s in candidates if s.position >= sentence.start] or candidates
        subjects = [s for s in pool if s.subject]
        chosen = (subjects or pool)[-1]
        if token.text.lower() == "it" and self._thing_governs(token):
            return None  # "the storm forced evacuations as it slammed into the Dominican Republic": the storm
        return self.actor_of(chosen.key, chosen.role, token.start, token.end, "pronoun")

    def _thing_governs(self, pronoun: Token) -> bool:
        """Whether the subject pronoun of an adverbial clause ('as it slammed into') is that of the
        clause it modifies, where that subject is a thing: a noun that names no actor ('the storm')."""
        sentence = self.sentence
        assert sentence is not None
        clause = sentence.tokens[pronoun.head]
        if pronoun.dep not in _SUBJECT_DEPS or clause.dep != "advcl":
            return False
        subject = next(iter(sentence.kids(clause.head, *_SUBJECT_DEPS)), None)
        return subject is not None and subject.pos == "NOUN" and subject.i < pronoun.i and \
            subject.i not in self.word_entry and self.role_of(subject.i) is None and self.resolve_one(subject.i) is None

    def _own_subject(self, token: Token) -> set[int]:
        """The offsets of the words of the subject of the verb an object pronoun is the object of
        (inherited by a participle or infinitive with none of its own): an object is never its own
        verb's subject, unless it is reflexive ('themselves')."""
        sentence = self.sentence
        assert sentence is not None
        if token.dep not in {"dobj", "dative", "iobj"} or token.text.lower().endswith(("self", "selves")):
            return set()
        verb = sentence.tokens[token.head]
        for _ in range(3):
            subjects = sentence.kids(verb.i, *_SUBJECT_DEPS)
            if subjects:
                return {sentence.tokens[i].start for s in subjects for i in sentence.subtree(s.i)}
            if verb.dep not in {"advcl", "xcomp", "conj"} or verb.head == verb.i:
                break
            verb = sentence.tokens[verb.head]
        return set()

    def _thanked_for(self, token: Token, person: bool) -> Actor | None:
        """Whom a verb acts on, for a possessive in its 'for' phrase: 'thanked Spain for its support',
        'criticized China for its crackdown' (Spain's support, China's crackdown, not the subject's)."""
        sentence = self.sentence
        assert sentence is not None
        noun = sentence.tokens[token.head]
        prep = sentence.tokens[noun.head]
        if token.dep != "poss" or noun.dep != "pobj" or prep.lemma != "for":
            return None
        verb = sentence.tokens[prep.head]
        obj = next(iter(sentence.kids(verb.i, "dobj")), None) if verb.pos == "VERB" else None
        if obj is None or obj.text.lower() in _THING_PRONOUNS | _PERSON_PRONOUNS:
            return None
        actor = self.resolve_one(obj.i)
        return actor if actor is not None and (actor.via == "person") == person else None

    def _unknown_name(self, token: Token) -> bool:
        """A capitalised proper name that is the subject of its clause (known names resolve before this)."""
        return token.pos == "PROPN" and token.dep in _SUBJECT_DEPS and token.text[:1].isupper()

    def _owned(self, head: int, phrase: list[int], role: str | None) -> Actor | None:
        """'Russia pulled its troops out of Georgia': a role noun a pronoun possesses belongs to
        whoever the pronoun is, not to a state guessed from the sentence."""
        sentence = self.sentence
        assert sentence is not None
        possessor = self._possessor(head, pronoun=True) if role is not None else None
        owner = self.resolve_one(possessor.i) if possessor is not None else None
        if owner is None:
            return None
        if owner.role in _ARMED_GROUP_ROLES and role in _STATE_FORCE_ROLES:
            role = owner.role  # "a rebel commander told his troops": the rebels' fighters, not the state's army
        return self.actor_of(owner.key, role, sentence.tokens[phrase[0]].start, sentence.tokens[head].end, "pronoun")

    def _of_unknown_body(self, head: int) -> bool:
        """Whether a role noun's 'of' phrase names a body no dictionary knows ('the chairman of
        Vandermeer Holdings'): the role is that body's."""
        sentence = self.sentence
        assert sentence is not None
        return any(p.pos == "PROPN" and p.text[:1].isupper() and p.i not in self.word_entry
                   and self.resolve_one(p.i) is None
                   for prep in sentence.kids(head, "prep") if prep.lemma == "of" for p in sentence.kids(prep.i, "pobj"))

    def _possessor(self, head: int, pronoun: bool) -> Token | None:
        """The head's possessor that is (or, with `pronoun` false, is not) a pronoun: 'its troops',
        'the governor's office'."""
        sentence = self.sentence
        assert sentence is not None
        return next((k for k in sentence.kids(head, "poss")
                     if (k.text.lower() in _THING_PRONOUNS | _PERSON_PRONOUNS) == pronoun), None)

    def _role_only(self, head: int, phrase: list[int], role: str | None,
                   exclude: frozenset[str] = frozenset()) -> Actor | None:
        """'President Mugabe', 'police', 'troops' with no state named: a generic domestic actor
        belongs to the country of the story's context (`_context_state`)."""
        sentence = self.sentence
        assert sentence is not None
        token = sentence.tokens[head]
        nominal = self.actors.nominals.get(token.lemma)
        if role is None or token.pos not in {"NOUN", "PROPN"} or (nominal is not None and nominal[0] == "organisation"):
            return None  # "the alliance" needs an antecedent; "the government" may be the context's
        if role in _STATELESS_ROLES:  # "the international community" belongs to no state
            return self.actor_of(role, None, sentence.tokens[phrase[0]].start, token.end, "role")
        if self._regional(phrase, head):  # "Arab foreign ministers", "Western diplomats": of no one state
            return None
        foreign = self.actors.words["foreign"]
        if any(k.lemma in foreign for k in sentence.kids(head, "amod")):  # "foreign diplomats" in Pyongyang
            return self.actor_of(UNKNOWN_STATE, role, sentence.tokens[phrase[0]].start, token.end, "role") \
                if self.unknown_states else None
        fellow = self._fellow(head)
        if fellow is not None:
            return self.actor_of(fellow.key, role, sentence.tokens[phrase[0]].start, token.end, "role")
        if self._of_unknown_body(head):  # "the President of FIFA": FIFA's, not the state of the story
            return self.actor_of(UNKNOWN_STATE, role, sentence.tokens[phrase[0]].start, token.end, "role") \
                if self.unknown_states else None
        clue = self._context_state(head, role, exclude)
        if clue is None and self.unknown_states:
            return self.actor_of(UNKNOWN_STATE, role, sentence.tokens[phrase[0]].start, token.end, "role")
        if clue is None or (nominal is not None and clue[0] > 0):
            return None  # a nominal with no antecedent ('the government') is of the scene, if any
        return self.actor_of(clue[1], role, sentence.tokens[phrase[0]].start, token.end, "role")

    def _of_region(self, head: int, match: NameMatch) -> bool:
        """Whether a region's adjective says whose the head is: 'Arab foreign ministers', 'Arab
        nations' (not 'the Caribbean nation', one state; not 'members of the Association of
        African Jurists', whose name it is in)."""
        sentence = self.sentence
        assert sentence is not None
        token = sentence.tokens[head]
        nominal = self.actors.nominals.get(token.lemma)
        one_state = nominal is not None and nominal[0] == "state" and token.tag in {"NN", "NNP"}
        return sentence.tokens[match.last].head == head and not one_state

    def _of_descent(self, i: int) -> bool:
        """Whether the name at `i` tells of descent: 'of Moroccan descent', 'of Pakistani origin',
        the first half of 'a Chinese-American' (an American)."""
        sentence = self.sentence
        assert sentence is not None
        head = sentence.tokens[sentence.tokens[i].head]
        hyphenated = i + 2 < len(sentence.tokens) and sentence.tokens[i + 1].text == "-" and \
            sentence.tokens[i].end == sentence.tokens[i + 1].start and i + 2 in self.word_entry and \
            self.word_entry[i + 2][1].via == "adjective" and self.word_entry[i][1].via == "adjective"
        return (head.lemma in self.actors.words["descent_nouns"] and head.i != i) or hyphenated

    def _former_ruler(self, i: int) -> bool:
        """Whether the name at `i` tells who once ruled a place: 'the former Portuguese colony', 'the
        former Soviet republic' are neither Portugal's nor the Soviet Union's now."""
        sentence = self.sentence
        assert sentence is not None
        place = sentence.tokens[sentence.tokens[i].head]
        return place.lemma in self.actors.words["polity_nouns"] and place.i != i and any(
            k.lemma in {"former", "ex"} for k in sentence.kids(place.i, "amod"))

    def _based_in(self, i: int) -> bool:
        """Whether the name at `i` says where some group is based ('a UK-based monitor'): no clue
        to where anything it reports happens."""
        sentence = self.sentence
        assert sentence is not None
        head = sentence.tokens[sentence.tokens[i].head]
        return head.lemma == "base" and head.tag == "VBN" and head.i != i

    def _regional(self, phrase: list[int], head: int) -> bool:
        """Whether a region's name describes the phrase's head (regions.tsv)."""
        sentence = self.sentence
        assert sentence is not None
        words = [sentence.tokens[i].text.lower() for i in phrase if i < head]
        return any(tuple(words[a:b]) in self.actors.no_actor
                   for a in range(len(words)) for b in range(a + 1, len(words) + 1))

    def _context_state(self, head: int, role: str, exclude: frozenset[str]) -> tuple[int, str] | None:
        """The country a generic actor at `head` acts in, and how strong the clue is (0 is
        strongest): where its clause is set ('in Lahore': not for officials, who travel),
        then a state the sentence names, nearest and earlier first, then the state the
        document names most (its dateline counts), then a state that only describes some
        other thing ('outside the Australian embassy'), then the state of whoever acts on it
        ('Russian jets bombed rebel positions'). The nationality of whoever the actor
        acts on is no clue ('Gunmen abduct two Canadians', 'a US hostage was killed by his
        captors'), unless it is a state's organ that rebels act on ('rebels attacked the Malian
        army'; a deputy prime minister who applauds Ukraine's court is not Ukraine's); a state
        it acts on by name still is."""
        sentence = self.sentence
        assert sentence is not None
        token = sentence.tokens[head]
        agent = sentence.tokens[token.head]
        by_agent = token.dep == "pobj" and agent.dep == "agent"
        objects: list[Token] = []
        if token.dep in _SUBJECT_DEPS:  # what it acts on: "launched strikes at United States and Iraqi outposts"
            objects = [obj for verb in self._consequences(token.head) for obj in sentence.kids(verb, "dobj", "dative")
                       + [pobj for prep in sentence.kids(verb, "prep") if prep.lemma in _AIMED_PREPS
                          for pobj in sentence.kids(prep.i, "pobj")]]
        elif by_agent:  # "a US hostage was killed by his captors": not American, even by the document
            participle = sentence.tokens[agent.head]  # "a Liberian-flagged ship attacked by pirates": the ship
            objects = sentence.kids(agent.head, "nsubjpass") or (
                [sentence.tokens[participle.head]] if participle.dep == "acl" else [])
        # whom the actor is charged with (accused of) acting on: "a reservist charged with abusing Iraqi prisoners"
        charging = self.actors.words["charging"]
        objects += [pobj for clause in sentence.kids(head, "acl", "relcl") if clause.lemma in charging
                    for prep in sentence.kids(clause.i, "prep") for pobj in sentence.kids(prep.i, "pobj", "pcomp")]
        done_to = {i for obj in objects for i in sentence.subtree(obj.i)}
        doers = set() if role in _STATE_ORGANS else {  # not its own guns: "forces launched artillery"
            i for subject in self._doers_of(token) for i in sentence.subtree(subject.i)}
        clauses = self._own_clauses(head)
        ranked, victims = [], set()
        for i, (match, entry) in self.word_entry.items():
            key = self.residents.get(i, entry.key)
            if i != match.first or self.actors.kinds.get(key) != "state" or key in exclude or self._of_descent(i) \
                    or self._based_in(match.last):
                continue
            if self._names_border(match, entry, head) or self._names_pair(match, head) or \
                    self._former_ruler(match.last) or entry.role == "MED":
                continue  # "a government source told Reuters": a news agency reports from anywhere
            if self._shared_modifier(match, entry, head):  # "Israeli helicopters and tanks": the tanks too
                rank = -1
            elif self._sets_scene(self._phrase_head(match.last), entry, clauses, match.last):
                rank = 0 if role != "GOV" else 1
            elif i in done_to and (entry.via == "adjective" or self._describes_other(match, entry, head)) and \
                    (role in _ACTING_ABROAD or not any(self._names_organ(match, entry, obj.i) for obj in objects)):
                victims.add(key)  # "strikes at United States and Iraqi outposts"
                continue
            elif i in doers:  # "Russian jets bombed rebel positions": the doer's state is the weakest clue
                rank = 4
            else:
                rank = 3 if self._describes_other(match, entry, head) else 1
            ranked.append((rank, i > head, abs(head - i), key))
        if not any(rank < 2 for rank, *_ in ranked):  # read the document only when the sentence says little
            # the doer's own mention is no clue from the document ("French troops fought the rebels")
            before = min([token.start, *(sentence.tokens[i].start for i in doers)])
            document = self._document_state(before, exclude | victims if by_agent else exclude)
            if document is not None:
                ranked.append((2, False, 0, document))
        if not ranked:
            return None
        best = min(ranked)
        return best[0], best[3]

    def _consequences(self, verb: int) -> list[int]:
        """A verb and the participles that tell what its act did, with no subject of their own:
        'detonated a bomb, killing three and wounding seven' (their victims are the act's too)."""
        sentence = self.sentence
        assert sentence is not None
        found, todo = [verb], [verb]
        while todo:
            for clause in sentence.kids(todo.pop(), "advcl", "conj"):
                if clause.tag == "VBG" and not sentence.kids(clause.i, *_SUBJECT_DEPS):
                    found.append(clause.i)
                    todo.append(clause.i)
        return found

    def _doers_of(self, token: Token) -> list[Token]:
        """The armed forces that are subjects of the verb whose object (or aimed-at phrase)
        `token` is: forces often act abroad, a court or a police force at home."""
        sentence = self.sentence
        assert sentence is not None
        verb = sentence.tokens[token.head]
        if token.dep == "pobj" and verb.lemma in _AIMED_PREPS:
            verb = sentence.tokens[verb.head]
        elif token.dep != "dobj":
            return []
        if verb.pos != "VERB":
            return []
        return [subject for subject in sentence.kids(verb.i, "nsubj") if self.role_of(subject.i) == "MIL"]

    def _names_organ(self, match: NameMatch, entry: Entry, obj: int) -> bool:
        """Whether a name inside the object `obj` names the object itself, as a state's organ:
        'the Malian army', 'the president of Burkina Faso' (not 'a contractor who worked
        with the US Army')."""
        sentence = self.sentence
        assert sentence is not None
        noun = sentence.tokens[match.last]
        while noun.head != noun.i and (noun.dep in _MODIFIERS or (
                noun.dep == "pobj" and sentence.tokens[noun.head].lemma == "of")):
            noun = sentence.tokens[noun.head]
            if noun.dep == "prep":
                noun = sentence.tokens[noun.head]
        if any(t.dep not in {"conj", "appos"} for t in self._path_up(noun.i, obj)):
            return False  # deeper in the object's description
        nominal = self.actors.nominals.get(noun.lemma)
        role = self.role_of(noun.i) or (nominal[1] if nominal is not None else None)
        if match.first <= noun.i <= match.last:
            role = role or self._role(entry)  # "Bush", "the Kremlin"
        return role in _STATE_ORGANS

    def _own_clauses(self, head: int) -> set[int]:
        """The verbs of the clause of `head` and of the clauses it depends on, up to any verb
        of saying: 'killing 20 people' is set where 'rebels shelled' is, not where the officials
        who said so are."""
        sentence = self.sentence
        assert sentence is not None
        verbs = set()
        for token in [sentence.tokens[head], *sentence.ancestors(head)]:
            if token.pos in {"VERB", "AUX"}:
                verbs.add(token.i)
                if token.dep in {"ccomp", "parataxis"}:
                    break
        return verbs

    def _sets_scene(self, named_head: int, entry: Entry, clauses: set[int], last: int) -> bool:
        """A place or state in a locative phrase of the given clauses: 'in Lahore', 'from a
        resort in the Philippines'; a state's name on a thing there says whose it is ('near a
        US checkpoint'), not where (a city's does: 'in a Baghdad suburb')."""
        sentence = self.sentence
        assert sentence is not None
        if entry.via == "adjective" or (entry.via == "name" and sentence.tokens[last].dep in _MODIFIERS):
            return False  # "in Iraqi custody"
        prep = sentence.tokens[named_head]
        while (prep.dep in {"pobj", "conj", "appos"} or (prep.dep == "prep" and prep.lemma == "of")) \
                and prep.head != prep.i:  # "in a remote area of northeastern Nigeria"
            prep = sentence.tokens[prep.head]
        if prep.dep != "prep" or prep.lemma not in _SCENE_PREPS:
            return False
        verb = next((t for t in sentence.ancestors(prep.i) if t.pos in {"VERB", "AUX"}), None)
        return verb is not None and verb.i in clauses

    def _document_state(self, position: int, exclude: frozenset[str]) -> str | None:
        """The state named most often before `position` in the document (among its latest
        MAX_HISTORY mentions); the latest of equals."""
        counts: dict[str, int] = {}
        latest: dict[str, int] = {}
        for order, salient in enumerate(self._earlier(position)):
            if self.actors.kinds.get(salient.key) == "state" and salient.key not in exclude and salient.role != "MED":
                counts[salient.key] = counts.get(salient.key, 0) + 1
                latest[salient.key] = order
        return max(counts, key=lambda key: (counts[key], latest[key]), default=None)

    def _describes_other(self, match: NameMatch, entry: Entry, head: int) -> bool:
        """An adjective or name modifying a noun other than `head` or its conjuncts: 'the
        Australian embassy' (not 'Israeli helicopters and tanks')."""
        last = self._modifying(match, entry)
        return last is not None and last.head not in self._conjuncts(head)

    def _shared_modifier(self, match: NameMatch, entry: Entry, head: int) -> bool:
        """An adjective or name modifying a conjunct of a bare `head`: 'Israeli' for the tanks of
        'Israeli helicopters and tanks' (not for 'US forces and al-Sadr's militia')."""
        sentence = self.sentence
        assert sentence is not None
        last = self._modifying(match, entry)
        return last is not None and last.head != head and last.head in self._conjuncts(head) and \
            not sentence.kids(head, *_MODIFIERS)

    def _names_border(self, match: NameMatch, entry: Entry, head: int) -> bool:
        """'militants near the Cameroon border', 'in the northeast, bordering Cameroon': a border has two
        sides, so it tells no one's country but its own ('troops sent to the Ukrainian border' face Ukraine)."""
        sentence = self.sentence
        assert sentence is not None
        last = sentence.tokens[match.last]
        if last.dep == "dobj" and sentence.tokens[last.head].lemma == "border":  # "in the northeast, bordering Chad"
            return True
        modified = self._modifying(match, entry)
        if modified is None or modified.head == head:
            return False
        noun = sentence.tokens[modified.head]
        while noun.dep == "compound" and noun.head != noun.i:  # "the Iran-Iraq frontier"
            noun = sentence.tokens[noun.head]
        return noun.lemma in self.actors.words["border_nouns"]

    def _names_pair(self, match: NameMatch, head: int) -> bool:
        """'near the Gaza-Israel fence', 'a joint US-Iraqi checkpoint': a thing two states' names
        modify is between them or shared, and tells neither as the country of someone near it."""
        sentence = self.sentence
        assert sentence is not None
        noun = sentence.tokens[match.last]
        while noun.dep in {"compound", "amod"} and noun.head != noun.i:
            noun = sentence.tokens[noun.head]
        if noun.i == match.last or noun.i == head:
            return False
        states = {self.word_entry[i][1].key for i in sentence.subtree(noun.i) if i in self.word_entry
                  and self.actors.kinds.get(self.word_entry[i][1].key) == "state"
                  and all(t.dep in {"compound", "amod"} for t in self._path_up(i, noun.i))}
        return len(states) > 1

    def _modifying(self, match: NameMatch, entry: Entry) -> Token | None:
        """The last word of a name that modifies a noun ('the Australian embassy', 'Ukraine's court'), else None."""
        sentence = self.sentence
        assert sentence is not None
        last = sentence.tokens[match.last]
        if last.dep == "poss" and self._in_subject(last):
            return None  # "Jordan's court jailed a militant": the doer's own state, the strongest clue
        return last if entry.via in {"adjective", "name"} and last.dep in {"amod", "compound", "poss"} else None

    def _in_subject(self, token: Token) -> bool:
        """Whether a word is inside its clause's subject ('delegates at Iraq's National Conference')."""
        sentence = self.sentence
        assert sentence is not None
        for above in sentence.ancestors(token.i):
            if above.pos in {"VERB", "AUX"}:
                return False
            if above.dep in _SUBJECT_DEPS:
                return True
        return False

    def _first_conjunct(self, i: int) -> int:
        """The first of the words coordinated with the word at `i` (`i` itself if it is the first)."""
        sentence = self.sentence
        assert sentence is not None
        while sentence.tokens[i].dep == "conj" and sentence.tokens[i].head != i:
            i = sentence.tokens[i].head
        return i

    def _conjuncts(self, head: int) -> set[int]:
        """`head` and the nouns coordinated with it."""
        sentence = self.sentence
        assert sentence is not None
        top = self._first_conjunct(head)
        group, todo = {top}, [top]
        while todo:
            for conjunct in sentence.kids(todo.pop(), "conj"):
                group.add(conjunct.i)
                todo.append(conjunct.i)
        return group

    def _governing_verb(self, token: Token) -> Token | None:
        """The verb a noun is the object of, through its prepositions ("occupied a fifth of the country")."""
        sentence = self.sentence
        assert sentence is not None
        while token.dep in {"pobj", "prep", "dobj"} and token.head != token.i:
            token = sentence.tokens[token.head]
            if token.pos == "VERB":
                break
        return token if token.pos == "VERB" else None

    def _fellow(self, head: int) -> Actor | None:
        """Whose 'fellow' officials a clause names: its subject's ('Blair apologized to fellow
        Labour officials')."""
        sentence = self.sentence
        assert sentence is not None
        if not any(k.lemma == "fellow" for k in sentence.kids(head, "amod")):
            return None
        verb = self._governing_verb(sentence.tokens[head])
        subject = next(iter(sentence.kids(verb.i, "nsubj")), None) if verb is not None else None
        return self.resolve_one(subject.i) if subject is not None and subject.i != head else None

    def _clause_subject_span(self, token: Token) -> tuple[int, int]:
        """The character span of the subject of the verb a noun is the object of (an empty span
        if none): what a clause does to 'the country' is not done to the doer's own."""
        sentence = self.sentence
        assert sentence is not None
        verb = self._governing_verb(token)
        if verb is None:
            return 0, 0
        subjects = [i for subject in sentence.kids(verb.i, "nsubj") for i in sentence.subtree(subject.i)]
        if not subjects:
            return 0, 0
        return sentence.tokens[min(subjects)].start, sentence.tokens[max(subjects)].end

    def _nominal(self, head: int, phrase: list[int], role: str | None) -> Actor | None:
        sentence = self.sentence
        assert sentence is not None
        token = sentence.tokens[head]
        words = [sentence.tokens[i].lemma for i in phrase if i == head or (
            sentence.tokens[i].head == head and sentence.tokens[i].dep in {"compound", "amod"} and i < head)]
        earlier = self._earlier(sentence.tokens[phrase[0]].start)
        start, end = sentence.tokens[phrase[0]].start, token.end
        for size in range(len(words), 0, -1):
            keys = self.actors.organisation_nominals.get(" ".join(words[-size:]))
            if keys:
                for salient in reversed(earlier):
                    if salient.key in keys:
                        return self.actor_of(salient.key, None, start, end, "nominal")
                    if any(self.actors.country_of.get(k) == salient.key and salient.role is not None
                           and salient.role == self.actors.organisation_roles.get(k) for k in keys):
                        return self.actor_of(salient.key, salient.role, start, end, "nominal")  # a national body
                break  # no such organisation yet: "congress" may still be a generic nominal
        generic = self.actors.nominals.get(token.lemma)
        if generic is None or any(k.lemma == "both" or (k.dep == "nummod" and k.lemma not in {"one", "1"})
                                  for k in sentence.kids(head)):
            return None  # "the two sides", "both countries": a pair, not the latest one named
        if token.tag == "NN" and token.text.islower() and token.dep == "pobj" and \
                not sentence.kids(head, "det", "poss", "amod", "compound"):
            return None  # "out of commission", "military to military": a bare noun after a preposition names no body
        refers_to, nominal_role = generic
        possessor = self._possessor(head, pronoun=True)
        owner = self.resolve_one(possessor.i) if possessor is not None else None
        if owner is not None:  # "its member states", "their country": the pronoun's, not a state guessed
            if refers_to == "state" and self.actors.kinds.get(owner.key) != "state":
                return None  # "the EU and its member states": its members, no one state
            return self.actor_of(owner.key, nominal_role or role, start, end, "nominal")
        # "US-led forces invaded the country": a bare state noun is not the doer's own
        doers = self._clause_subject_span(token) if refers_to == "state" and nominal_role is None else (0, 0)
        # a state's body ("parliament", "the army") is first of the sentence's subjects: "Kibaki rejected a
        # referendum on leaving Somalia after winning parliament's support" is Kenya's parliament
        acting = nominal_role is not None and token.dep in {"poss", *_SUBJECT_DEPS}  # not "to support a regime"
        subjects = [s for s in earlier if s.subject and s.position >= sentence.start] if acting else []
        for salient in [*reversed(subjects), *reversed(earlier)]:
            kind = self.actors.kinds.get(salient.key)
            if (salient.person and nominal_role is None) or (refers_to != "any" and kind != refers_to):
                continue
            if doers[0] <= salient.position < doers[1] or (refers_to == "state" and salient.abroad):
                continue  # "refugees from Mali, whom the authorities blame": not Mali's authorities
            if salient.role == "MED" and nominal_role != "MED":
                continue  # "Reuters reported that police ...": a news agency reports from anywhere
            return self.actor_of(salient.key, nominal_role or role, start, end, "nominal")
        return None
