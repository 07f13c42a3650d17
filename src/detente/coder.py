"""The Coder: documents in, event records out.

    coder = Coder()                      # loads the pipeline and the vocabulary once
    for event in coder.code(text, date="2021-10-22"):
        print(event.source.code, event.cameo, event.target.code if event.target else None)

Per document: the text is bounded (long runs of one character and long words blanked in
place, so no token costs more than a bounded amount of work and offsets stay those of the
document); cheap sentence split; a pre-parse filter keeps the sentences that have a
trigger word and an actor; those are parsed in batches; actors are resolved with
coreference across the document; events are extracted and their mentions merged. A
document that takes longer than the time budget is reported and skipped.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .actors import ActorDictionary, ActorResolver, Entry, NameMatch, find_names, load_actor_dictionary
from .calibration import Calibration, load_calibration
from .events.anchoring import SentenceContext
from .events.wording import NAMED_AS
from .events.extract import Candidate, EventExtractor
from .events.merge import merge_candidates
from .events.ontology import CameoCode, load_cameo, load_role_codes
from .events.governing import _DEONTIC_AUX
from .events.patterns import EventVocabulary, load_event_vocabulary, needs_object
from .events.places import Gazetteer
from .events.timing import TimeExpression, find_times
from .parse import DEFAULT_PIPELINE, ParsedSentence, Sentence, load_pipeline, parse_sentences, split_sentences
from .parse.bounds import DEFAULT_TIME_BUDGET, bound_text
from .parse.prefilter import Prefilter, Trigger
from .parse.sentences import blank_dateline, dateline_place, is_headline, sentence_case
from .records import CodedDocument, CoderSettings, Document, Event, Problem
from .vocabulary import data_dir

if TYPE_CHECKING:
    from spacy.language import Language

_PRONOUNS = ("it", "its", "they", "their", "them", "he", "his", "him", "she", "her")
_Plan = tuple[list[Sentence], list[list[NameMatch]], set[int]]  # sentences, names in each, those to parse


class _Clocks:
    """Seconds of work spent on each document of a batch, against the time budget."""

    def __init__(self, documents: int, budget: float | None) -> None:
        self.spent = [0.0] * documents
        self.budget = budget

    def charge(self, number: int, since: float) -> float:
        now = time.monotonic()
        self.spent[number] += now - since
        return now

    def over(self, number: int) -> bool:
        return self.budget is not None and self.spent[number] > self.budget

    def deadline(self, number: int) -> float:
        return float("inf") if self.budget is None else time.monotonic() + self.budget - self.spent[number]


class Coder:
    """Codes documents into events. Expensive to build; build one and reuse it."""

    def __init__(self, nlp: Language | None = None, pipeline: str = DEFAULT_PIPELINE,
                 data: Path | None = None, prefilter: bool = True, monadic: bool = False,
                 batch_size: int = 64, time_budget: float | None = DEFAULT_TIME_BUDGET,
                 calibration: Path | None = None) -> None:
        # a pipeline handed over already loaded cannot be rebuilt elsewhere
        self.settings = (None if nlp is not None
                         else CoderSettings(pipeline, data, prefilter, monadic, batch_size, time_budget, calibration))
        self.nlp = nlp if nlp is not None else load_pipeline(pipeline)
        folder = data if data is not None else data_dir()
        self.cameo: dict[str, CameoCode] = load_cameo(folder / "ontology" / "cameo.tsv")
        roles = load_role_codes(folder / "ontology" / "roles.tsv")
        self.actors: ActorDictionary = load_actor_dictionary(folder / "actors", roles, self._words)
        self.vocabulary: EventVocabulary = load_event_vocabulary(folder / "events", self.cameo)
        # a user's own fit (`detente eval --fit-calibration`) or the one shipped with the data
        self.calibration: Calibration = load_calibration(calibration or folder / "calibration" / "confidence.tsv")
        # words for people ("officer") and people's names ("Bush") are no towns' names
        people = {" ".join(words) for words, entries in self.actors.names.items()
                  if any(e.kind == "person" for e in entries) and not any(e.via == "place" for e in entries)}
        gazetteer = Gazetteer(self.actors.places, self.actors.state_names,
                              frozenset({term.split()[-1] for term in self.actors.roles} | people))
        self.extractor = EventExtractor(self.vocabulary, gazetteer)
        self.prefilter = Prefilter(self.nlp, _triggers(self.vocabulary), _actor_words(self.actors),
                                   gazetteer.places) if prefilter else None
        self.monadic = monadic  # keep events with no target ("protesters rallied")
        self.batch_size = batch_size
        self.time_budget = time_budget  # seconds per document; None: no limit

    @classmethod
    def from_settings(cls, settings: CoderSettings) -> Coder:
        return cls(pipeline=settings.pipeline, data=settings.data, prefilter=settings.prefilter,
                   monadic=settings.monadic, batch_size=settings.batch_size, time_budget=settings.time_budget,
                   calibration=settings.calibration)

    def _words(self, text: str) -> list[str]:
        return [t.text for t in self.nlp.tokenizer(text)]

    # --- public surface ------------------------------------------------------------
    def code(self, text: str, date: str | None = None, doc_id: str = "doc") -> list[Event]:
        """Events in one text published on `date` (YYYY-MM-DD)."""
        return self.code_document(Document(id=doc_id, text=text, date=date)).events

    def code_document(self, document: Document) -> CodedDocument:
        return next(self.code_documents([document]))

    def code_documents(self, documents: Iterable[Document], batch: int = 32, monadic: bool | None = None,
                       time_budget: float | None = None, workers: int = 1,
                       calibrated: bool = True) -> Iterator[CodedDocument]:
        """Coded documents in input order; sentences of `batch` documents are parsed together.
        `monadic` and `time_budget` override the Coder's own settings for this call. A
        document whose coding takes longer than the time budget comes back with no events
        and a `problem`. Each event's `confidence` is the calibrated probability that it is
        right, or with `calibrated=False` (one worker only) the rules' raw score, which
        calibration is fitted on. With `workers` > 1, batches are coded in that many
        processes, each building its own Coder from this one's settings (detente.parallel);
        the result is the same."""
        if workers > 1:
            if not calibrated:
                raise ValueError("raw scores are coded with one worker")
            from .parallel import code_documents

            yield from code_documents(self, documents, workers, batch, monadic, time_budget)
            return
        keep_monadic = self.monadic if monadic is None else monadic
        budget = self.time_budget if time_budget is None else time_budget
        pending: list[Document] = []
        for document in documents:
            pending.append(document)
            if len(pending) >= batch:
                yield from self._code_batch(pending, keep_monadic, budget, calibrated)
                pending = []
        if pending:
            yield from self._code_batch(pending, keep_monadic, budget, calibrated)

    # --- work ----------------------------------------------------------------------
    def _code_batch(self, documents: list[Document], monadic: bool, budget: float | None,
                    calibrated: bool) -> Iterator[CodedDocument]:
        clocks = _Clocks(len(documents), budget)
        texts: list[str] = []
        plans: list[_Plan] = []
        for number, document in enumerate(documents):
            started = time.monotonic()
            texts.append(bound_text(document.text))
            plans.append(self._plan(texts[-1], monadic))
            clocks.charge(number, started)
        parsed = self._parse(texts, plans, clocks)
        for number, (document, (sentences, names, keep)) in enumerate(zip(documents, plans)):
            started = time.monotonic()
            events = None if clocks.over(number) else self._events(
                document, texts[number], sentences, names, {i: parsed[(number, i)] for i in keep}, monadic,
                clocks.deadline(number))
            clocks.charge(number, started)
            if events is None:
                where = document.origin or document.id
                yield CodedDocument(document, [], len(sentences), 0, Problem(
                    where, f"coding took longer than the {budget:g} s budget for one document; "
                           "split the document or raise the budget (--max-seconds)"))
            else:
                events = self.calibration.apply(events, document.text) if calibrated else events
                yield CodedDocument(document, events, len(sentences), len(keep))

    def _parse(self, texts: list[str], plans: list[_Plan],
               clocks: _Clocks) -> dict[tuple[int, int], ParsedSentence]:
        """The kept sentences parsed, by (document number, sentence index); a document over its
        budget sends no more sentences. Parsing is batched, so a document is charged the time
        between its parsed sentences arriving."""
        order: deque[int] = deque()

        def requests() -> Iterator[tuple[str, str, int, int, int]]:
            for number, (sentences, _, keep) in enumerate(plans):
                for s in sentences:
                    if s.index in keep and not clocks.over(number):
                        order.append(number)
                        text = texts[number][s.start:s.end]
                        yield self._parser_text(text), text, s.index, s.start, s.paragraph

        parsed: dict[tuple[int, int], ParsedSentence] = {}
        since = time.monotonic()
        for sentence in parse_sentences(self.nlp, requests(), self.batch_size):
            number = order.popleft()
            since = clocks.charge(number, since)
            parsed[(number, sentence.index)] = sentence
        return parsed

    def _parser_text(self, text: str) -> str:
        """The sentence as the parser should see it: datelines blanked, headlines in sentence
        case (names kept)."""
        text = blank_dateline(text, self._is_agency, self._is_place)
        if not is_headline(text):
            return text
        tokens = list(self.nlp.tokenizer(text))
        names = find_names(self.actors, [t.text for t in tokens])
        keep = [(tokens[m.first].idx, tokens[m.last].idx + len(tokens[m.last].text)) for m in names]
        return sentence_case(text, keep)

    def _is_agency(self, name: str) -> bool:
        """Whether a credit names a news agency ("Reuters", "AFP"), not an actor."""
        return self._whole_name(name, lambda entry: entry.role == "MED")

    def _is_place(self, name: str) -> bool:
        """Whether a word or two in capitals is one city or region ("TAIPEI", "GAZA CITY")."""
        return self._whole_name(name, lambda entry: entry.via in {"place", "seat"})

    def _whole_name(self, name: str, fits: Callable[[Entry], bool]) -> bool:
        """Whether all of `name` is one dictionary name whose every entry `fits`."""
        words = name.split()
        return any(m.first == 0 and m.last == len(words) - 1 and all(fits(e) for e in m.entries)
                   for m in find_names(self.actors, words))

    def _plan(self, text: str, monadic: bool) -> _Plan:
        """The text's sentences, the actor names in each and the sentences to parse (monadic
        coding also parses sentences whose only actor may be a name no dictionary knows)."""
        sentences = split_sentences(self.nlp, text)
        names = [find_names(self.actors, s.words) for s in sentences]
        if self.prefilter is None:
            return sentences, names, {s.index for s in sentences}
        keep = {s.index for s in sentences
                if self.prefilter.keep(s.words, [(m.first, m.last) for m in names[s.index]], monadic)}
        return sentences, names, keep

    def _events(self, document: Document, text: str, sentences: list[Sentence], names: list[list[NameMatch]],
                parsed: dict[int, ParsedSentence], monadic: bool, deadline: float) -> list[Event] | None:
        """The document's events, found in its bounded `text`; None past the deadline."""
        published = _parse_date(document.date)
        resolver = ActorResolver(self.actors, published, document.text, unknown_states=monadic)
        # a title in lower case is a headline too: 'Blair urged to launch Iraq death toll probe'
        title_end = len(document.title) if document.title and text.startswith(document.title) else 0
        candidates: list[tuple[int, Candidate]] = []
        background: dict[int, TimeExpression | None] = {}
        for sentence in sentences:
            if time.monotonic() > deadline:
                return None
            times = find_times(text[sentence.start:sentence.end], sentence.start, published)
            opening = next((t for t in times if t.background and t.start - sentence.start < 3), None)
            if sentence.paragraph not in background:
                background[sentence.paragraph] = opening
            parse = parsed.get(sentence.index)
            if parse is None:
                resolver.observe_unparsed(names[sentence.index], sentence.start)
                continue
            place, dateline = dateline_place(text[sentence.start:sentence.end], self._is_place)
            if dateline:  # the place a story was filed from is context for "government troops"
                words = self._words(text[sentence.start + place:sentence.start + dateline])
                places = [m for m in find_names(self.actors, words)  # not "(Reuters)": a wire, not a place
                          if all(e.role is None or e.via == "seat" for e in m.entries)]
                resolver.observe_unparsed(places, sentence.start)
            words = tuple(t.text for t in parse.tokens)  # other words if a dateline was blanked for the parser
            resolver.begin(parse, names[sentence.index] if words == sentence.words else find_names(self.actors, words))
            headline = sentence.end <= title_end or is_headline(text[sentence.start:sentence.end])
            context = SentenceContext(times, background[sentence.paragraph], document.date, headline)
            # conditions, possibilities and obligations are no acts: only the monadic output keeps them
            candidates.extend((sentence.index, c) for c in self.extractor.extract(parse, resolver, context)
                              if monadic or (c.target is not None and c.factuality != "hypothetical"))
            resolver.end()
        offsets = {s.index: (s.start, s.end) for s in sentences}
        return merge_candidates(document.id, document.text, offsets, candidates, self.cameo)


def _triggers(vocabulary: EventVocabulary) -> Iterator[Trigger]:
    """What the pre-parse filter looks for: each pattern lemma (with the objects it needs when
    every pattern of it needs one), the verbs of saying, which make an accusation of a
    blame topic or a demand of a "must" clause (events/blame.py), and the verbs of appealing,
    which ask for what a "for" phrase names."""
    named = set(NAMED_AS.values())  # "defended Russia": any actor's name may be the object a pattern lists
    for pos, table in (("verb", vocabulary.verbs), ("noun", vocabulary.nouns)):
        for lemma, patterns in table.items():
            specific = all(needs_object(p) for p in patterns) and not any(p.objects & named for p in patterns)
            needs = frozenset(o for p in patterns for o in p.objects)
            if pos == "verb" and any(p.cameo.startswith("084") and "to" in p.preps for p in patterns):
                needs |= {"to"}  # "returned the monkeys to Congo" (events/arguments.py)
            yield Trigger(lemma, pos, needs if specific else frozenset())
    cues = frozenset(_DEONTIC_AUX) | {term.split()[-1] for term in vocabulary.blame}
    for lemma, effect in vocabulary.modal.items():
        if effect in {"report", "alleged"}:
            yield Trigger(lemma, "verb", cues)
        elif effect == "appeal":  # "pushed for reforms" (events/governing.py)
            yield Trigger(lemma, "verb", frozenset({"for"}))


def _actor_words(actors: ActorDictionary) -> set[str]:
    """Words other than names that the resolver can make an actor of: pronouns, nominals and
    the head nouns of roles ("officials", "the alliance")."""
    words = set(_PRONOUNS) | set(actors.nominals) | set(actors.roles)
    return {phrase.split()[-1] for phrase in words | set(actors.organisation_nominals)}


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
