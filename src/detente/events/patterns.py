"""Event patterns and the tables that govern them, loaded from `data/events/`."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import VocabularyError
from ..vocabulary import read_tsv, read_word_classes, require, split_list
from .ontology import CameoCode

EFFECTS = {"intent", "offer", "appeal", "demand", "command", "compel", "permit", "reject", "halt", "future",
           "hypothetical", "alleged", "negated", "report", "light"}
NO_OBJECT = frozenset({"-"})  # a pattern's object "-": only when there is no direct object
# the word classes of word_classes.tsv that the rules read: each must be listed there, and no other
WORD_CLASSES = frozenset({
    "act_carriers", "undergoing", "receiving", "facing", "perceiving", "witnessing", "undoing", "starts", "helping",
    "seeking", "offering", "threatening", "plans", "plan_news", "completing", "truth_words", "dying", "carrying",
    "peacekeeping", "launching", "wars", "war_making", "captive_verbs", "holding", "remains", "series",
    "condition_nouns", "alleged_adverbs", "hypothetical_modifiers", "future_modifiers", "upcoming_heads",
    "habitual_adverbs", "place_nouns", "protests", "aimed_circumstances", "phones", "withdrawing", "addressing",
    "sending", "messages", "durations", "benefiting", "up_other_verbs", "accords", "verdicts", "vehicles", "contests"})


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    cameo: str
    pos: str  # verb or noun
    lemma: str
    particle: str | None
    objects: frozenset[str]
    preps: tuple[str, ...]


@dataclass(slots=True)
class EventVocabulary:
    verbs: dict[str, list[Pattern]] = field(default_factory=lambda: defaultdict(list))
    nouns: dict[str, list[Pattern]] = field(default_factory=lambda: defaultdict(list))
    modal: dict[str, str] = field(default_factory=dict)  # lemma -> effect
    derived: dict[tuple[str, str], str] = field(default_factory=dict)  # (effect, code prefix) -> code
    blame: dict[str, str] = field(default_factory=dict)  # lemma(s) -> CAMEO 112x
    hazards: dict[str, str] = field(default_factory=dict)  # lemma -> hazard | deliberate
    crowds: set[str] = field(default_factory=set)  # protesters: their violence is a riot
    undergone: set[str] = field(default_factory=set)  # nouns whose possessor undergoes the act: "his arrest"
    mutual: set[tuple[str, str]] = field(default_factory=set)  # (pos, lemma) of acts done with each other
    specific_only: dict[tuple[str, str, str | None], str] = field(default_factory=dict)  # (pos, lemma, particle) -> why
    words: dict[str, frozenset[str]] = field(default_factory=dict)  # word class -> its words: "undergoing" -> survive

    def derive(self, effect: str, code: str) -> str | None:
        for size in range(len(code), 1, -1):
            derived = self.derived.get((effect, code[:size]))
            if derived:
                return derived
        return None


def load_event_vocabulary(folder: Path, cameo: dict[str, CameoCode]) -> EventVocabulary:
    vocabulary = EventVocabulary()
    seen: set[str] = set()
    first_line: dict[tuple[str, str, str | None], tuple[Path, int]] = {}  # where each trigger is first named
    for path in sorted(folder.glob("patterns*.tsv")):
        for line, pattern in _read_patterns(path, cameo, seen):
            table = vocabulary.verbs if pattern.pos == "verb" else vocabulary.nouns
            table[pattern.lemma].append(pattern)
            first_line.setdefault((pattern.pos, pattern.lemma, pattern.particle), (path, line))
    _read_specific_only(folder / "specific_only.tsv", vocabulary)
    _check_general_readings(vocabulary, first_line)
    path = folder / "modal_verbs.tsv"
    for line, row in read_tsv(path, ["lemma", "effect"]):
        vocabulary.modal[require(path, line, row, "lemma")] = require(
            path, line, row, "effect", EFFECTS.__contains__, f"must be one of {sorted(EFFECTS)}")
    path = folder / "derived_codes.tsv"
    for line, row in read_tsv(path, ["effect", "root", "cameo"]):
        effect = require(path, line, row, "effect", EFFECTS.__contains__, f"must be one of {sorted(EFFECTS)}")
        code = require(path, line, row, "cameo", cameo.__contains__, "must be a CAMEO code")
        vocabulary.derived[(effect, require(path, line, row, "root"))] = code
    path = folder / "blame_topics.tsv"
    for line, row in read_tsv(path, ["term", "cameo"]):
        code = require(path, line, row, "cameo", cameo.__contains__, "must be a CAMEO code")
        vocabulary.blame[require(path, line, row, "term")] = code
    path = folder / "hazards.tsv"
    for line, row in read_tsv(path, ["term", "kind"]):
        vocabulary.hazards[require(path, line, row, "term")] = require(
            path, line, row, "kind", {"hazard", "deliberate"}.__contains__, "must be hazard or deliberate")
    path = folder / "crowds.tsv"
    vocabulary.crowds = {require(path, line, row, "term") for line, row in read_tsv(path, ["term"])}
    path = folder / "undergone.tsv"
    vocabulary.undergone = {require(path, line, row, "term") for line, row in read_tsv(path, ["term"])}
    path = folder / "mutual.tsv"
    vocabulary.mutual = {(require(path, line, row, "pos", {"verb", "noun"}.__contains__, "must be verb or noun"),
                          require(path, line, row, "lemma")) for line, row in read_tsv(path, ["pos", "lemma"])}
    vocabulary.words = read_word_classes(folder / "word_classes.tsv", WORD_CLASSES)
    return vocabulary


def _read_specific_only(path: Path, vocabulary: EventVocabulary) -> None:
    for line, row in read_tsv(path, ["pos", "lemma", "particle", "reason"]):
        pos = require(path, line, row, "pos", {"verb", "noun"}.__contains__, "must be verb or noun")
        lemma, particle = require(path, line, row, "lemma"), row["particle"] or None
        table = vocabulary.verbs if pos == "verb" else vocabulary.nouns
        readings = [p for p in table.get(lemma, []) if p.particle == particle]
        if not any(needs_object(p) for p in readings):
            raise VocabularyError(str(path), line, "lemma", f"no pattern of {pos} {lemma!r} needs a listed object")
        if any(not p.objects for p in readings):
            raise VocabularyError(str(path), line, "lemma",
                                  f"{pos} {lemma!r} has a general pattern; remove this row or that pattern")
        vocabulary.specific_only[(pos, lemma, particle)] = require(path, line, row, "reason")


def _check_general_readings(vocabulary: EventVocabulary,
                            first_line: dict[tuple[str, str, str | None], tuple[Path, int]]) -> None:
    """Every trigger whose patterns need a listed object also reads any other object (a pattern with an
    empty object), or says in specific_only.tsv why it does not: a new object is never dropped unnoticed."""
    for pos, table in (("verb", vocabulary.verbs), ("noun", vocabulary.nouns)):
        for lemma, patterns in table.items():
            for particle in {p.particle for p in patterns}:
                readings = [p for p in patterns if p.particle == particle]
                key = (pos, lemma, particle)
                if any(needs_object(p) for p in readings) and all(p.objects for p in readings) \
                        and key not in vocabulary.specific_only:
                    path, line = first_line[key]
                    name = f"{lemma} {particle}" if particle else lemma
                    raise VocabularyError(str(path), line, "object",
                                          f"{pos} {name!r} has no pattern with an empty object: add a general "
                                          "one (patterns_general.tsv) or a row to specific_only.tsv saying why not")


def needs_object(pattern: Pattern) -> bool:
    """Whether a pattern fires only for an object on its list (not the "-" of no object)."""
    return bool(pattern.objects) and pattern.objects != NO_OBJECT


def _read_patterns(path: Path, cameo: dict[str, CameoCode], seen: set[str]) -> list[tuple[int, Pattern]]:
    columns = ["id", "cameo", "pos", "lemma", "particle", "object", "preps", "notes"]
    patterns = []
    for line, row in read_tsv(path, columns):
        pattern_id = require(path, line, row, "id")
        if pattern_id in seen:
            raise VocabularyError(str(path), line, "id", f"pattern id {pattern_id!r} is used twice")
        seen.add(pattern_id)
        code = require(path, line, row, "cameo", cameo.__contains__, "must be a CAMEO code")
        pos = require(path, line, row, "pos", {"verb", "noun"}.__contains__, "must be verb or noun")
        lemma = require(path, line, row, "lemma", lambda v: bool(v) and v == v.lower() and " " not in v,
                        "must be one lower-case word")
        patterns.append((line, Pattern(pattern_id, code, pos, lemma, row["particle"] or None,
                                       frozenset(split_list(row["object"])), tuple(split_list(row["preps"])))))
    return patterns
