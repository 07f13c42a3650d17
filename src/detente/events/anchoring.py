"""Anchoring an event in time and place: the time expression and the place attached to
its clause, from the sentence's parse and the document's context."""

from __future__ import annotations

from dataclasses import dataclass

from ..parse.tokens import ParsedSentence, Token
from ..records import Actor, EventDate, Location
from .patterns import EventVocabulary
from .places import Gazetteer
from .timing import TimeExpression

_HABITUAL_ADVERBS = {"regularly", "consistently", "repeatedly", "long", "often", "frequently",
                     "increasingly", "traditionally", "historically", "continually", "constantly"}
_LOCATION_PREPS = {"in", "at", "near", "outside", "inside", "across", "on"}


@dataclass(frozen=True, slots=True)
class SentenceContext:
    times: list[TimeExpression]
    paragraph_background: TimeExpression | None  # a background marker opening the paragraph
    published: str | None  # publication date, YYYY-MM-DD


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
        """The verb (or noun trigger) a time expression modifies."""
        inside = [t for t in self.s.tokens if t.start >= time.start and t.end <= time.end]
        if not inside:
            return None
        head = next((t for t in inside if not (time.start <= self.s.tokens[t.head].start < time.end)
                     or t.head == t.i), inside[0])
        if head.head == head.i:
            return head.i
        for ancestor in self.s.ancestors(head.i):
            if ancestor.pos in {"VERB", "AUX"} and ancestor.dep not in {"prep", "amod"}:
                return ancestor.i
            if ancestor.pos in {"NOUN", "PROPN"} and ancestor.lemma in self.vocabulary.nouns:
                return ancestor.i
        return None

    def date(self, path: list[Token], trigger: Token) -> EventDate:
        """The time expression of the nearest clause; else background (undated), else the
        publication date."""
        attached = {self._attached_predicate(t): t for t in reversed(self.context.times) if not t.background}
        nodes = [trigger, *path]
        while nodes[-1].dep == "conj" and nodes[-1].head != nodes[-1].i:  # "did A in 2015, and B": B then too
            nodes.append(self.s.tokens[nodes[-1].head])
        for node in nodes:  # the nearest clause's time wins
            time = attached.get(node.i)
            if time is not None:
                return EventDate(time.date, time.precision, time.text, True)
        background = [t for t in self.context.times if t.background]
        if background:
            return EventDate(None, None, background[0].text, True)
        if self.context.paragraph_background is not None:
            return EventDate(None, None, self.context.paragraph_background.text, True)
        if self._habitual(path):
            return EventDate(None, None, None, True)
        if self.context.published is None:
            return EventDate(None, None, None, False)
        return EventDate(self.context.published, "day", None, False)

    def _habitual(self, path: list[Token]) -> bool:
        """A present perfect with 'regularly', 'long', 'consistently': background, not news."""
        for node in path:
            kids = self.s.kids(node.i)
            perfect = any(k.dep == "aux" and k.lemma == "have" for k in kids)
            if perfect and any(k.dep == "advmod" and k.lemma in _HABITUAL_ADVERBS for k in kids):
                return True
        return False

    def location(self, path: list[Token], trigger: Token) -> Location | None:
        """The first place named in a locative phrase of the event's clauses, nearest first,
        following nested phrases a few levels down ('during a campaign in northern Nigeria')."""
        level = [(node, False) for node in [trigger, *path]]
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
        for start in range(len(words)):
            span = words[start:]
            text = " ".join(t.text for t in span)
            place = self.gazetteer.lookup(text)
            if place is not None and span[0].text[:1].isupper():
                return Location(self.text[span[0].start:span[-1].end], place.name, place.country,
                                place.latitude, place.longitude, place.precision, span[0].start, span[-1].end)
        return None
