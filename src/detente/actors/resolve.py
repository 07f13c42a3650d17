"""Resolving noun phrases of a parsed sentence to actors, with coreference in a document.

An argument's actor comes from a name inside its noun phrase (the closest to the head
wins), its role from the head noun or title ("Russian officials" -> RUS + GOV), and,
when the phrase names nobody, from the document so far: pronouns take the most salient
earlier actor (subjects first), nominals ("the alliance", "the country") the most
recent actor they can refer to.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..parse.tokens import ParsedSentence
from ..records import Actor
from .dictionary import ActorDictionary, Entry
from .mentions import NameMatch

_NP_STOP = frozenset({"relcl", "acl", "advcl", "ccomp", "conj", "cc", "punct", "appos", "xcomp", "mark"})
_MODIFIERS = {"compound", "amod", "poss", "nmod", "nummod", "det"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_THING_PRONOUNS = {"it", "its", "itself", "they", "them", "their", "theirs", "themselves"}
_PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
_PERSON_PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}


@dataclass(frozen=True, slots=True)
class Salient:
    """An actor mentioned earlier in the document, for coreference."""

    position: int  # character offset
    key: str
    role: str | None
    person: bool
    subject: bool


class ActorResolver:
    """Resolves noun phrases to actors across the sentences of one document."""

    def __init__(self, actors: ActorDictionary, date: dt.date | None, text: str) -> None:
        self.actors = actors
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
        for match in matches:
            entry = self._choose(match.entries)
            for i in range(match.first, match.last + 1):
                self.word_entry[i] = (match, entry)
        for token in sentence.tokens:  # subjects in order, so later pronouns can refer to them
            if token.dep in _SUBJECT_DEPS:
                self.resolve_one(token.i)

    def end(self) -> None:
        """Add the sentence's mentions, named and anaphoric, to the history, in order."""
        self.history.extend(self._named_mentions())
        self.history.extend(self.anaphors.values())
        self.history.sort(key=lambda s: s.position)

    def _named_mentions(self) -> list[Salient]:
        """The names of the current sentence as mentions, each marked if it is a subject."""
        sentence = self.sentence
        assert sentence is not None
        mentions = []
        for i, (match, entry) in sorted(self.word_entry.items()):
            if i == match.first:
                subject = sentence.tokens[self._phrase_head(match.last)].dep in _SUBJECT_DEPS
                mentions.append(Salient(sentence.tokens[i].start, self.residents.get(i, entry.key), self._role(entry),
                                        entry.kind == "person", subject))
        return mentions

    # --- resolution ----------------------------------------------------------------
    def resolve(self, head: int) -> list[Actor]:
        """The actors of the noun phrase headed by token `head`, and of its conjuncts."""
        sentence = self.sentence
        assert sentence is not None
        heads, found = [head], []
        for i in heads:
            actor = self.resolve_one(i)
            if actor is None:  # "the Emirates and Saudi Arabia", "the Labor Office (ILO)": a conjunct
                # or an apposition may still be known
                heads.extend(k.i for k in sentence.kids(i, "conj", "appos") if k.i not in heads)
                continue
            found.append(actor)
            found.extend(self._coordinated_modifiers(i, actor))
            found.extend(self._plural_antecedents(i, actor))
            # conjuncts hang off the head or off the name ("Barack Obama and Vladimir Putin");
            # a list "the US, Russia, and Switzerland" is often parsed as apposition
            inside = [t.i for t in sentence.tokens if actor.start <= t.start < actor.end] + [i]
            for j in inside:
                for kid in sentence.kids(j, "conj", "appos"):
                    if kid.i not in heads and (kid.dep == "conj" or self._names_other(kid.i, actor.key)):
                        heads.append(kid.i)
        return found

    def _plural_antecedents(self, head: int, actor: Actor) -> list[Actor]:
        """'NATO and Russia said they ...': 'they' is both, when the pair is in this sentence."""
        sentence = self.sentence
        assert sentence is not None
        if actor.via != "pronoun" or sentence.tokens[head].text.lower() not in _PLURAL_PRONOUNS:
            return []
        antecedent = next((t for t in sentence.tokens if t.i in self.word_entry and t.i < head
                           and self.word_entry[t.i][1].key == actor.key), None)
        if antecedent is None:
            return []
        group = {antecedent.i, antecedent.head} | {k.i for k in sentence.kids(antecedent.i, "conj")}
        others = []
        for i in sorted(group):
            named = self.word_entry.get(i)
            if named is not None and named[1].key != actor.key and (
                    sentence.tokens[i].dep == "conj" or sentence.tokens[antecedent.i].dep == "conj"):
                match, entry = named
                others.append(self._actor(entry.key, entry.role, sentence.tokens[head].start,
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
                    extra.append(self._actor(entry.key, actor.role, sentence.tokens[match.first].start,
                                             sentence.tokens[match.last].end, entry.via))
        return extra

    def resolve_one(self, head: int) -> Actor | None:
        sentence = self.sentence
        assert sentence is not None
        phrase = sentence.subtree(head, _NP_STOP)
        role = self._role_of_head(head)
        named = self._closest_name(head, phrase)
        if named is not None and named[1].via == "adjective" and (
                named[0].first <= head <= named[0].last or self._ethnic(head)):
            # "ethnic Albanians in Serbia", "Bosnian Serbs", "the Albanians of southern Serbia":
            # a people is coded by the state it lives in, when the phrase names it
            people = named[0]
            named = self._residence(head, phrase, named)
            if self.actors.kinds.get(named[1].key) == "state":  # "Bosnian Serbs ... their forces": Bosnia's
                self.residents[people.first] = named[1].key
        if named is not None:
            match, entry = named
            entry_role = self._role(entry)
            if entry.via == "name" and match.first <= head <= match.last:
                role = None  # the head is part of the name: "the Soviet Union" is no labour union
            head_role = role
            if entry.via == "person" or entry.via == "seat" or entry.role is not None:
                role = entry_role or role or ("ELI" if entry.kind == "person" else None)  # not yet in office: an elite
            # "Russian diplomats": the span runs to the head noun that gave the role
            last = head if head_role is not None and head > match.last and role == head_role else match.last
            return self._actor(entry.key, role, sentence.tokens[match.first].start,
                               sentence.tokens[last].end, entry.via)
        token = sentence.tokens[head]
        lower = token.text.lower()
        if lower in _THING_PRONOUNS or lower in _PERSON_PRONOUNS:
            actor = self._speaker(head) or self._pronoun(head, person=lower in _PERSON_PRONOUNS)
        else:
            # nominals are heads of noun phrases: "the military said", not "military exercises"
            nominal = token.pos in {"NOUN", "PROPN"} and token.dep not in {"amod", "compound"}
            actor = (self._nominal(head, phrase, role) or self._role_only(head, phrase, role)) if nominal else None
        if actor is not None and head not in self.anaphors:
            person = lower in _PERSON_PRONOUNS or (actor.via == "role" and token.pos == "PROPN")  # "King Hassan"
            self.anaphors[head] = Salient(token.start, actor.key, actor.role, person, token.dep in _SUBJECT_DEPS)
        return actor

    # --- helpers -------------------------------------------------------------------
    def _actor(self, key: str, role: str | None, start: int, end: int, via: str) -> Actor:
        state = self.actors.kinds.get(key) == "state"
        code = key + (role or "") if state else key
        return Actor(key, role, code, self.actors.display.get(key, key), self.text[start:end], start, end, via)

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
            if named is not None and named[1].key != ethnic[1].key and self.actors.kinds.get(named[1].key) == "state":
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
        """The name in the phrase nearest the head in the tree (modifiers before preps)."""
        sentence = self.sentence
        assert sentence is not None
        best, best_depth = None, 99
        for i in phrase:
            if i not in self.word_entry:
                continue
            depth, token = 0, sentence.tokens[i]
            while token.i != head and token.head != token.i:
                depth += 1 if token.dep in _MODIFIERS | {"case", "appos"} else 3
                token = sentence.tokens[token.head]
            if depth < best_depth:
                best, best_depth = self.word_entry[i], depth
        return best

    def elsewhere(self, actor: Actor) -> Actor | None:
        """For a role-only actor ('militiamen' -> the nearest state), the next-best state: the
        target of 'U.S. forces killed militiamen in a Baghdad suburb' is not the U.S."""
        sentence = self.sentence
        assert sentence is not None
        head = next((t.i for t in sentence.tokens if t.end == actor.end), None)
        if head is None:
            return None
        return self._role_only(head, sentence.subtree(head, _NP_STOP), actor.role, exclude=actor.key)

    def role_of(self, head: int) -> str | None:
        """The role a noun or title gives ('ambassador' -> GOV), or None."""
        return self._role_of_head(head)

    def _role_of_head(self, head: int) -> str | None:
        sentence = self.sentence
        assert sentence is not None
        token = sentence.tokens[head]
        modifiers = [t.lemma for t in sentence.kids(head, "compound", "amod")]
        for modifier in modifiers:
            role = self.actors.roles.get(f"{modifier} {token.lemma}")
            if role:
                return role[0]
        role = self.actors.roles.get(token.lemma) or self.actors.roles.get(token.text.lower())
        if role:
            return role[0]
        if token.pos == "PROPN":  # a title before a name: "Prime Minister Ismail Haniyeh"
            title = [t.lemma for t in sentence.kids(head, "compound") if t.i < head]
            for size in range(len(title), 0, -1):
                for start in range(len(title) - size + 1):
                    role = self.actors.roles.get(" ".join(title[start:start + size]))
                    if role:
                        return role[0]
        for modifier in modifiers:  # "intelligence personnel", "military officials"
            role = self.actors.roles.get(modifier)
            if role and role[0] != "GOV":
                return role[0]
        return None

    def _earlier(self, position: int) -> list[Salient]:
        sentence = self.sentence
        assert sentence is not None
        earlier = [s for s in self.history if s.position < position]
        earlier.extend(s for s in self._named_mentions() if s.position < position)
        earlier.extend(s for s in self.anaphors.values() if s.position < position)
        return sorted(earlier, key=lambda s: s.position)

    def _speaker(self, head: int) -> Actor | None:
        """'Militants loyal to X said they ...', 'Obama said he ...': a pronoun subject of a reported
        clause is the reporter."""
        sentence = self.sentence
        assert sentence is not None
        token = sentence.tokens[head]
        clause = sentence.tokens[token.head]
        if token.dep not in _SUBJECT_DEPS or clause.dep != "ccomp":
            return None
        subject = next(iter(sentence.kids(clause.head, "nsubj")), None)
        if subject is None or subject.i == head or subject.text.lower() in _THING_PRONOUNS | _PERSON_PRONOUNS:
            return None
        actor = self.resolve_one(subject.i)
        if actor is None or (token.text.lower() in _PERSON_PRONOUNS) != (actor.via == "person"):
            return None
        return self._actor(actor.key, actor.role, token.start, token.end, "pronoun")

    def _pronoun(self, head: int, person: bool) -> Actor | None:
        sentence = self.sentence
        assert sentence is not None
        token = sentence.tokens[head]
        earlier = self._earlier(token.start)
        plural = token.text.lower() in _PLURAL_PRONOUNS  # "they" may be people or states
        candidates = [s for s in earlier if plural or s.person == person]
        if not candidates and person:  # "the foreign minister ... he said": an official will do
            candidates = [s for s in earlier if s.role is not None]
        if not candidates:
            return None
        subjects = [s for s in candidates if s.subject]
        chosen = (subjects or candidates)[-1]
        return self._actor(chosen.key, chosen.role, token.start, token.end, "pronoun")

    def _role_only(self, head: int, phrase: list[int], role: str | None, exclude: str | None = None) -> Actor | None:
        """'President Mugabe', 'police', 'troops' with no state named: the nearest state this
        sentence names (earlier ones first), else the document's most recent one."""
        sentence = self.sentence
        assert sentence is not None
        token = sentence.tokens[head]
        if role is None or token.pos not in {"NOUN", "PROPN"} or token.lemma in self.actors.nominals:
            return None  # "the government" needs an antecedent, not any state nearby
        # a subject is guessed from its own verb's object only when nothing else is named:
        # "Gunmen abduct a Norwegian manager ... in the Philippines" (not "President X banned Ugandan ...")
        done_to = set()
        if token.dep in _SUBJECT_DEPS:
            for obj in sentence.kids(token.head, "dobj", "dative"):
                done_to.update(sentence.subtree(obj.i))
        # a state that only describes some other thing ("outside the Australian embassy in
        # Jakarta") says less about who the actors are than where the sentence is set
        states = [(i in done_to, self._describes_other(match, entry, head), i > head, abs(head - i),
                   self.residents.get(i, entry.key))
                  for i, (match, entry) in self.word_entry.items()
                  if i == match.first and self.actors.kinds.get(entry.key) == "state" and entry.key != exclude]
        if states:
            key = min(states)[4]
        else:
            earlier = [s for s in self._earlier(token.start)
                       if self.actors.kinds.get(s.key) == "state" and s.key != exclude]
            if not earlier:
                return None
            key = earlier[-1].key
        start = sentence.tokens[phrase[0]].start
        return self._actor(key, role, start, token.end, "role")

    def _describes_other(self, match: NameMatch, entry: Entry, head: int) -> bool:
        """An adjective or name modifying a noun other than `head` or its conjuncts: 'the
        Australian embassy' (not 'Israeli helicopters and tanks')."""
        sentence = self.sentence
        assert sentence is not None
        last = sentence.tokens[match.last]
        if entry.via not in {"adjective", "name"} or last.dep not in {"amod", "compound"}:
            return False
        top = head
        while sentence.tokens[top].dep == "conj" and sentence.tokens[top].head != top:
            top = sentence.tokens[top].head
        group, todo = {top}, [top]
        while todo:
            for conjunct in sentence.kids(todo.pop(), "conj"):
                group.add(conjunct.i)
                todo.append(conjunct.i)
        return last.head not in group

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
                        return self._actor(salient.key, None, start, end, "nominal")
                    if any(self.actors.country_of.get(k) == salient.key and salient.role is not None
                           and salient.role == self.actors.organisation_roles.get(k) for k in keys):
                        return self._actor(salient.key, salient.role, start, end, "nominal")  # a national body
                break  # no such organisation yet: "congress" may still be a generic nominal
        generic = self.actors.nominals.get(token.lemma)
        if generic is None:
            return None
        refers_to, nominal_role = generic
        for salient in reversed(earlier):
            kind = self.actors.kinds.get(salient.key)
            if (salient.person and nominal_role is None) or (refers_to != "any" and kind != refers_to):
                continue
            return self._actor(salient.key, nominal_role or role, start, end, "nominal")
        return None
