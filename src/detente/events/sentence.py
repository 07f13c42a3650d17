"""The state of coding one sentence, what coding it produces, and the lookups every rule
family shares.

`SentenceState` holds the parse, the actor resolver and the events found so far; the rule
families (wording.py, subjects.py, arguments.py, implicit.py, targets.py, governors.py, governing.py,
blame.py, accidents.py, force.py, factuality.py, verbs.py, nouns.py) are mixins over it, and
extract.py composes them into the coding of a sentence. A `Candidate` is an event found in one sentence; a
`_Coding` is an event's code while the words that govern its trigger are worked out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..actors.resolve import ActorResolver
from ..parse.tokens import ParsedSentence, Token
from ..records import Actor, EventDate, Location
from .anchoring import Anchoring, SentenceContext
from .patterns import Pattern

if TYPE_CHECKING:
    from .extract import EventExtractor


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


def _own_state(actor: Actor, speakers: list[Actor]) -> bool:
    """Whether an actor is a speaker's own state as a whole ('France' for a French minister),
    or the speaker itself: what one says it should do is an opinion, no demand on anyone."""
    return any(actor.key == s.key and (actor.role is None or _same_actor(actor, s)) for s in speakers)


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
    act: tuple[str, str] = ("", "")  # the pattern's part of speech and lemma: ("verb", "clash")
    derived: bool = False
    derived_by: str | None = None  # the effect that derived the code
    refusers: set[str] = field(default_factory=set)  # who rejected the derived act ("rejected a US offer")


class SentenceState:
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

    def _first(self, token: Token, *deps: str) -> Token | None:
        kids = self.s.kids(token.i, *deps)
        return kids[0] if kids else None

    def _pobjs(self, token: Token, preps: tuple[str, ...] = ()) -> list[Token]:
        """Objects of the token's prepositions (of those in `preps`, if given)."""
        return [pobj for prep in self.s.kids(token.i, "prep") if not preps or prep.lemma in preps
                for pobj in self.s.kids(prep.i, "pobj")]

    def _modal(self, token: Token) -> str | None:
        """The governing effect of a word (not of a phrasal verb); the text's own form is tried
        too, since the lemmatizer sometimes errs ('hopes' -> 'hop')."""
        modal = self.vocabulary.modal
        particles = self.s.kids(token.i, "prt")
        if particles:  # "pushed down exports", "set up a panel": another verb, with its own effect if any
            return modal.get(f"{token.lemma} {particles[0].lemma}")  # "ruled out talks" rejects them
        word = token.text.lower()
        for form in (token.lemma, word, word[:-1] if word.endswith(("s", "ed")) else ""):
            if form in modal:
                return None if self._phoned(token) else modal[form]
        return None

    def _phoned(self, verb: Token) -> bool:
        """'Netanyahu called Morrison to congratulate him': 'call' with an object is a phone call,
        whose purpose the caller pursues; an appeal calls on someone or for something."""
        if verb.lemma != "call":
            return False
        calls_on = any(k.lemma in {"on", "upon"} and k.i == verb.i + 1 for k in self.s.kids(verb.i, "prt", "prep"))
        called = self.s.kids(verb.i, "dobj", "oprd")  # a lone oprd is a misparsed object
        return not calls_on and bool(called) and \
            _known(called[0].lemma, self.vocabulary.nouns) is None  # "called an emergency meeting" convenes it

    def _emit(self, pattern: Pattern, trigger: Token, anchor: Token, sources: list[Actor],
              target_groups: list[list[Actor]], fallback_groups: list[list[Actor]], specific: bool,
              weight: float = 1.0) -> None:
        """Record the event(s) of a trigger (extract.py)."""
        raise NotImplementedError
