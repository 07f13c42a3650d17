"""The Coder: documents in, event records out.

    coder = Coder()                      # loads the pipeline and the vocabulary once
    for event in coder.code(text, date="2021-10-22"):
        print(event.source.code, event.cameo, event.target.code if event.target else None)

Per document: cheap sentence split; a pre-parse filter keeps the sentences that have a
trigger word and an actor; those are parsed in batches; actors are resolved with
coreference across the document; events are extracted and their mentions merged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .actors import ActorDictionary, ActorResolver, NameMatch, find_names, load_actor_dictionary
from .events.anchoring import SentenceContext
from .events.extract import Candidate, EventExtractor
from .events.merge import merge_candidates
from .events.ontology import CameoCode, load_cameo, load_role_codes
from .events.governing import _DEONTIC_AUX
from .events.patterns import EventVocabulary, load_event_vocabulary, needs_object
from .events.places import Gazetteer
from .events.timing import TimeExpression, find_times
from .parse import DEFAULT_PIPELINE, ParsedSentence, Sentence, load_pipeline, parse_sentences, split_sentences
from .parse.prefilter import Prefilter, Trigger
from .parse.sentences import blank_dateline, dateline_place, is_headline, sentence_case
from .records import Document, Event
from .vocabulary import data_dir

if TYPE_CHECKING:
    from spacy.language import Language

_PRONOUNS = ("it", "its", "they", "their", "them", "he", "his", "him", "she", "her")


@dataclass(frozen=True, slots=True)
class CodedDocument:
    document: Document
    events: list[Event]
    sentences: int
    parsed_sentences: int


@dataclass(frozen=True, slots=True)
class CoderSettings:
    """What a Coder was built from, so that another process can build the same one."""

    pipeline: str = DEFAULT_PIPELINE
    data: Path | None = None
    prefilter: bool = True
    monadic: bool = False
    batch_size: int = 64


class Coder:
    """Codes documents into events. Expensive to build; build one and reuse it."""

    def __init__(self, nlp: Language | None = None, pipeline: str = DEFAULT_PIPELINE,
                 data: Path | None = None, prefilter: bool = True, monadic: bool = False,
                 batch_size: int = 64) -> None:
        # a pipeline handed over already loaded cannot be rebuilt elsewhere
        self.settings = None if nlp is not None else CoderSettings(pipeline, data, prefilter, monadic, batch_size)
        self.nlp = nlp if nlp is not None else load_pipeline(pipeline)
        folder = data if data is not None else data_dir()
        self.cameo: dict[str, CameoCode] = load_cameo(folder / "ontology" / "cameo.tsv")
        roles = load_role_codes(folder / "ontology" / "roles.tsv")
        self.actors: ActorDictionary = load_actor_dictionary(folder / "actors", roles, self._words)
        self.vocabulary: EventVocabulary = load_event_vocabulary(folder / "events", self.cameo)
        gazetteer = Gazetteer(self.actors.places, self.actors.state_names)
        self.extractor = EventExtractor(self.vocabulary, gazetteer)
        self.prefilter = Prefilter(self.nlp, _triggers(self.vocabulary), _actor_words(self.actors),
                                   gazetteer.places) if prefilter else None
        self.monadic = monadic  # keep events with no target ("protesters rallied")
        self.batch_size = batch_size

    @classmethod
    def from_settings(cls, settings: CoderSettings) -> Coder:
        return cls(pipeline=settings.pipeline, data=settings.data, prefilter=settings.prefilter,
                   monadic=settings.monadic, batch_size=settings.batch_size)

    def _words(self, text: str) -> list[str]:
        return [t.text for t in self.nlp.tokenizer(text)]

    # --- public surface ------------------------------------------------------------
    def code(self, text: str, date: str | None = None, doc_id: str = "doc") -> list[Event]:
        """Events in one text published on `date` (YYYY-MM-DD)."""
        return self.code_document(Document(id=doc_id, text=text, date=date)).events

    def code_document(self, document: Document) -> CodedDocument:
        return next(self.code_documents([document]))

    def code_documents(self, documents: Iterable[Document], batch: int = 32, monadic: bool | None = None,
                       workers: int = 1) -> Iterator[CodedDocument]:
        """Coded documents in input order; sentences of `batch` documents are parsed together.
        `monadic` overrides the Coder's own setting for this call. With `workers` > 1, batches
        are coded in that many processes, each building its own Coder from this one's settings
        (detente.parallel); the events are the same."""
        if workers > 1:
            from .parallel import code_documents

            yield from code_documents(self, documents, workers, batch, monadic)
            return
        keep_monadic = self.monadic if monadic is None else monadic
        pending: list[Document] = []
        for document in documents:
            pending.append(document)
            if len(pending) >= batch:
                yield from self._code_batch(pending, keep_monadic)
                pending = []
        if pending:
            yield from self._code_batch(pending, keep_monadic)

    # --- work ----------------------------------------------------------------------
    def _code_batch(self, documents: list[Document], monadic: bool) -> Iterator[CodedDocument]:
        plans = [self._plan(document) for document in documents]
        pending = [(number, document.text[s.start:s.end], s)
                   for number, (document, (sentences, _, keep)) in enumerate(zip(documents, plans))
                   for s in sentences if s.index in keep]
        requests = ((self._parser_text(text), text, s.index, s.start, s.paragraph) for _, text, s in pending)
        parsed: dict[tuple[int, int], ParsedSentence] = {}
        for (number, _, _), sentence in zip(pending, parse_sentences(self.nlp, requests, self.batch_size)):
            parsed[(number, sentence.index)] = sentence
        for number, (document, (sentences, names, keep)) in enumerate(zip(documents, plans)):
            events = self._events(document, sentences, names, {i: parsed[(number, i)] for i in keep}, monadic)
            yield CodedDocument(document, events, len(sentences), len(keep))

    def _parser_text(self, text: str) -> str:
        """The sentence as the parser should see it: datelines blanked, headlines in sentence
        case (names kept)."""
        text = blank_dateline(text)
        if not is_headline(text):
            return text
        tokens = list(self.nlp.tokenizer(text))
        names = find_names(self.actors, [t.text for t in tokens])
        keep = [(tokens[m.first].idx, tokens[m.last].idx + len(tokens[m.last].text)) for m in names]
        return sentence_case(text, keep)

    def _plan(self, document: Document) -> tuple[list[Sentence], list[list[NameMatch]], set[int]]:
        """The document's sentences, the actor names in each and the sentences to parse."""
        sentences = split_sentences(self.nlp, document.text)
        names = [find_names(self.actors, s.words) for s in sentences]
        if self.prefilter is None:
            return sentences, names, {s.index for s in sentences}
        keep = {s.index for s in sentences
                if self.prefilter.keep(s.words, [(m.first, m.last) for m in names[s.index]])}
        return sentences, names, keep

    def _events(self, document: Document, sentences: list[Sentence], names: list[list[NameMatch]],
                parsed: dict[int, ParsedSentence], monadic: bool) -> list[Event]:
        published = _parse_date(document.date)
        resolver = ActorResolver(self.actors, published, document.text)
        candidates: list[tuple[int, Candidate]] = []
        background: dict[int, TimeExpression | None] = {}
        for sentence in sentences:
            times = find_times(document.text[sentence.start:sentence.end], sentence.start, published)
            opening = next((t for t in times if t.background and t.start - sentence.start < 3), None)
            if sentence.paragraph not in background:
                background[sentence.paragraph] = opening
            parse = parsed.get(sentence.index)
            if parse is None:
                resolver.observe_unparsed(names[sentence.index], sentence.start)
                continue
            place, dateline = dateline_place(document.text[sentence.start:sentence.end])
            if dateline:  # the place a story was filed from is context for "government troops"
                words = self._words(document.text[sentence.start + place:sentence.start + dateline])
                places = [m for m in find_names(self.actors, words)  # not "(Reuters)": a wire, not a place
                          if all(e.role is None or e.via == "seat" for e in m.entries)]
                resolver.observe_unparsed(places, sentence.start)
            words = tuple(t.text for t in parse.tokens)  # other words if a dateline was blanked for the parser
            resolver.begin(parse, names[sentence.index] if words == sentence.words else find_names(self.actors, words))
            context = SentenceContext(times, background[sentence.paragraph], document.date)
            candidates.extend((sentence.index, c) for c in self.extractor.extract(parse, resolver, context)
                              if monadic or c.target is not None)
            resolver.end()
        offsets = {s.index: (s.start, s.end) for s in sentences}
        return merge_candidates(document.id, document.text, offsets, candidates, self.cameo)


def _triggers(vocabulary: EventVocabulary) -> Iterator[Trigger]:
    """What the pre-parse filter looks for: each pattern lemma (with the objects it needs when
    every pattern of it needs one), and the verbs of saying, which make an accusation of a
    blame topic or a demand of a "must" clause (events/blame.py)."""
    for pos, table in (("verb", vocabulary.verbs), ("noun", vocabulary.nouns)):
        for lemma, patterns in table.items():
            specific = all(needs_object(p) for p in patterns)
            yield Trigger(lemma, pos, frozenset(o for p in patterns for o in p.objects) if specific else frozenset())
    cues = frozenset(_DEONTIC_AUX) | {term.split()[-1] for term in vocabulary.blame}
    for lemma, effect in vocabulary.modal.items():
        if effect in {"report", "alleged"}:
            yield Trigger(lemma, "verb", cues)


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
