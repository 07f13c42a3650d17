"""Anchoring an event in time and place: the time expression and the place attached to
its clause, from the sentence's parse and the document's context."""

from __future__ import annotations

from dataclasses import dataclass

from ..parse.tokens import ParsedSentence, Token
from ..records import Actor, EventDate, Location
from .patterns import EventVocabulary
from .places import Gazetteer
from .timing import TimeExpression

# how a time expression modifies a noun: "the 2003 invasion", "last week's raid", "the 2020 election results"
_NOUN_MODIFIER_DEPS = {"det", "nummod", "compound", "amod", "poss", "nmod"}
_CONTAINING_PREPS = {"in", "during", "at"}  # "killed in last week's raid": the raid's time is the killing's
_FUTURE_AUX = {"will", "shall"}
_LOCATION_PREPS = {"in", "at", "near", "outside", "inside", "across", "on"}
# a clause or event noun so attached happened when the clause it hangs off did: "killed on Tuesday when
# militants ambushed their convoy", "cut ties in 2016 after protesters stormed its embassy"
_SAME_TIME_MARKS = {"when", "as", "while", "after", "once"}
_SAME_TIME_PREPS = {"after", "following", "during", "amid", "in"}


@dataclass(frozen=True, slots=True)
class SentenceContext:
    times: list[TimeExpression]
    paragraph_background: TimeExpression | None  # a background marker opening the paragraph
    published: str | None  # publication date, YYYY-MM-DD
    headline: bool = False  # the document's title or a title-case line: auxiliaries are dropped


def place_actor(location: Location) -> Actor:
    """The state a place belongs to, as the actor an act there is aimed at."""
    key = location.country or ""
    return Actor(key, None, key, location.name, location.text, location.start, location.end, "place")


class Anchoring:
    """Dates and places for the events of one sentence."""

    def __init__(self, sentence: ParsedSentence, context: SentenceContext, vocabulary: EventVocabulary,
                 gazetteer: Gazetteer, text: str) -> None:
        self.s = sentence
        self.context = context
        self.vocabulary = vocabulary
        self.gazetteer = gazetteer
        self.text = text  # the document's

    def _attached_predicate(self, time: TimeExpression) -> int | None:
        """The verb (or noun trigger) a time expression modifies. A time that modifies a noun
        dates that noun, not the clause around it ('condemned the 2003 invasion'), unless the
        noun is where the clause happened ('killed in last week's raid')."""
        inside = [t for t in self.s.tokens if t.start >= time.start and t.end <= time.end]
        if not inside:
            return None
        head = next((t for t in inside if not (time.start <= self.s.tokens[t.head].start < time.end)
                     or t.head == t.i), inside[0])
        if head.head == head.i:
            return head.i
        parent = self.s.tokens[head.head]
        if head.dep in _NOUN_MODIFIER_DEPS and parent.pos in {"NOUN", "PROPN"} and not (
                parent.dep == "pobj" and self.s.tokens[parent.head].lemma in _CONTAINING_PREPS):
            return parent.i
        for ancestor in self.s.ancestors(head.i):
            if ancestor.pos in {"VERB", "AUX"} and ancestor.dep not in {"prep", "amod"}:
                return ancestor.i
            if ancestor.pos in {"NOUN", "PROPN"} and ancestor.lemma in self.vocabulary.nouns:
                return ancestor.i
        return None

    def date(self, path: list[Token], trigger: Token) -> EventDate:
        """The time expression of the nearest clause; else a background marker that opens the
        sentence or the paragraph or cannot be placed (undated), else the publication date.
        A time attached to another clause ('X, which invaded in 2003, attacked Y') does not
        date the event."""
        attachments = [(t, self._attached_predicate(t)) for t in self.context.times]
        attached = {predicate: t for t, predicate in reversed(attachments)}  # the first one per clause
        nodes = [trigger, *path]
        while nodes[-1].dep == "conj" and nodes[-1].head != nodes[-1].i:
            head = self.s.tokens[nodes[-1].head]
            if self._past(head) != self._past(nodes[-1]):  # "invaded in 2008 and is now threatening"
                break
            nodes.append(head)  # "did A in 2015, and B": B then too
        for _ in range(2):  # "began in 2020 when Abiy sent troops after accusing ...": two clauses up
            outer = self._outer_clause(nodes[-1])
            if outer is None:
                break
            nodes.append(outer)
        for node in nodes:  # the nearest clause's time wins; then its subject's, when that is an
            # event itself: "the 2008 war killed hundreds", "last week's raid killed ten"
            subjects = [k for k in self.s.kids(node.i, "nsubj") if k.lemma in self.vocabulary.nouns]
            for holder in [node, *subjects]:
                time = attached.get(holder.i)
                if time is not None and not self._ahead(time, node):
                    return EventDate(time.date, time.precision, time.text, True)
        described = self._time_described(nodes[-1])
        if described is not None:
            return EventDate(described.date, described.precision, described.text, True)
        entry = self._timeline_entry()
        if entry is not None:  # "1979: The Soviet Union sends troops into Afghanistan"
            return EventDate(entry.date, entry.precision, entry.text, True)
        background = [t for t, predicate in attachments
                      if t.background and (predicate is None or t.start - self.s.start < 3)]
        if background:
            return EventDate(None, None, background[0].text, True)
        if self.context.paragraph_background is not None:
            return EventDate(None, None, self.context.paragraph_background.text, True)
        habitual = self._habitual(path)
        if habitual is not None:  # its words say why it has no date of its own
            return EventDate(None, None, habitual.text, True)
        if self.context.published is None:
            return EventDate(None, None, None, False)
        return EventDate(self.context.published, "day", None, False)

    def _time_described(self, node: Token) -> TimeExpression | None:
        """The time a relative clause describes: 'in November 2020, when Abiy sent troops'."""
        head = self.s.tokens[node.head]
        if node.dep != "relcl":
            return None
        return next((t for t in self.context.times if t.start <= head.start < t.end and t.date is not None
                     and not self._ahead(t, node)), None)

    def _outer_clause(self, node: Token) -> Token | None:
        """The clause a 'when'/'after' clause or an 'after'/'during' phrase hangs off, whose time is
        its time too."""
        head = self.s.tokens[node.head]
        if node.dep == "advcl" and any(k.dep in {"mark", "advmod"} and k.lemma in _SAME_TIME_MARKS
                                       for k in self.s.kids(node.i)):
            return head
        if node.dep in {"pobj", "pcomp"} and head.lemma in _SAME_TIME_PREPS and head.head != head.i:
            outer = self.s.tokens[head.head]
            return outer if outer.pos in {"VERB", "AUX"} else None
        return None

    def _timeline_entry(self) -> TimeExpression | None:
        """The date a sentence opens with before a colon, as a timeline's entries do: it dates
        everything the entry tells, in whatever tense."""
        for time in self.context.times:
            if time.start == self.s.start and time.date is not None and self.text[time.end:time.end + 1] == ":":
                return time
        return None

    def _past(self, predicate: Token) -> bool:
        """Whether a clause is in a past tense: 'attacked', 'had attacked', 'was attacked'."""
        return predicate.tag == "VBD" or any(k.dep in {"aux", "auxpass"} and k.tag == "VBD"
                                             for k in self.s.kids(predicate.i))

    def _ahead(self, time: TimeExpression, predicate: Token) -> bool:
        """Whether a time is that of an act yet to come ('will visit China on Monday', 'talks next
        week'): it dates the plan, not the event, which is its announcement. A time before the
        'will' is the announcement's, misattached ('said on Monday it will ...')."""
        published = self.context.published
        if time.ahead or time.date is not None and published is not None and time.date > published[:len(time.date)]:
            return True
        return any(k.dep == "aux" and k.lemma in _FUTURE_AUX and k.start < time.start
                   for k in self.s.kids(predicate.i))

    def planned(self, predicate: Token) -> bool:
        """Whether the time of a clause (or event noun) is after the publication day and no
        auxiliary says so: 'Blair visits Israel next week', 'talks tomorrow' are plans."""
        return any(self._attached_predicate(time) in {predicate.i, *self._participles(predicate)}
                   and self._ahead(time, predicate) for time in self.context.times)

    def _participles(self, predicate: Token) -> list[int]:
        """Participles the parser hung on a verb that modify its object ('visits neighboring Canada next
        week': the time is the visit's)."""
        return [k.i for k in self.s.kids(predicate.i, "xcomp") if k.tag == "VBG" and self.s.kids(k.i, "dobj")]

    def _habitual(self, path: list[Token]) -> Token | None:
        """The adverb of a perfect with 'regularly', 'long', 'previously': background, not news."""
        habitual = self.vocabulary.words["habitual_adverbs"]
        for node in path:
            kids = self.s.kids(node.i)
            if any(k.dep == "aux" and k.lemma == "have" for k in kids):
                adverb = next((k for k in kids if k.dep == "advmod" and k.lemma in habitual), None)
                if adverb is not None:
                    return adverb
        return None

    def location(self, path: list[Token], trigger: Token) -> Location | None:
        """The first place named in a locative phrase of the event's clauses, nearest first,
        following nested phrases a few levels down ('during a campaign in northern Nigeria'),
        or named on the place a phrase gives ('in a Gaza refugee camp'); the object's phrases
        count as the verb's ('destroyed buildings in a Gaza refugee camp')."""
        level = [(node, False) for node in [trigger, *self.s.kids(trigger.i, "dobj"), *path]]
        for _ in range(3):
            following = []
            for node, locative in level:
                for prep in self.s.kids(node.i, "prep"):
                    inside = locative or prep.lemma in _LOCATION_PREPS  # "in the east of Gaza"
                    for pobj in self.s.kids(prep.i, "pobj"):
                        location = self._place(pobj) if inside else None
                        if location is not None:
                            return location
                        following.append((pobj, inside))
            level = following
        return None

    def _place(self, head: Token) -> Location | None:
        words = [t for t in self.s.kids(head.i, "compound") if t.i < head.i] + [head]
        # the phrase itself ("northern Iraq", "Gaza City"), else a name on it ("a Gaza refugee camp")
        modifiers = [t for t in self.s.tokens[self.s.subtree(head.i)[0]:head.i]
                     if t.pos == "PROPN" and t.dep in {"compound", "nmod", "amod"}]
        spans = [(words[start:], False) for start in range(len(words))]
        spans += [(modifiers[start:], True) for start in range(len(modifiers))]
        for span, modifier in spans:
            text = " ".join(t.text for t in span)
            place = self.gazetteer.lookup(text, self.text)
            if modifier and text.lower() not in self.gazetteer.listed:
                continue
            if place is not None and span[0].text[:1].isupper():
                return Location(self.text[span[0].start:span[-1].end], place.name, place.country,
                                place.latitude, place.longitude, place.precision, span[0].start, span[-1].end)
        return None
