"""The actor dictionary: states, organisations, places, people, roles and nominals.

Loaded once from `data/actors/*.tsv` (see docs/vocabulary.md) and validated on load.
Names are indexed as token sequences, so the matcher needs the same tokenizer that
splits the text; it is passed in as a function.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import VocabularyError
from ..vocabulary import is_partial_date, parse_partial_date, read_tsv, read_word_classes, require, split_list

Tokenize = Callable[[str], list[str]]

_STATE_KEY = re.compile(r"^[A-Z]{3}$")
_ORG_KEY = re.compile(r"^[A-Z][A-Z0-9_]{1,15}$")
_ORG_KINDS = {"igo", "nsa", "ngo", "party", "other"}
_PLACE_KINDS = {"region", "city", "territory"}
_REFERS_TO = {"state", "organisation", "any"}
# the word classes of word_classes.tsv (docs/vocabulary.md)
WORD_CLASSES = frozenset({"voices", "collectives", "foreign", "honorifics", "descent_nouns", "polity_nouns",
                          "border_nouns", "counterparts", "charging", "matters", "war_nouns"})
_ROLE_KINDS = {"person", "weapon", ""}  # a title of one person, a weapon, or a body of people


@dataclass(frozen=True, slots=True)
class Entry:
    """One way of naming an actor."""

    key: str
    role: str | None
    name: str  # canonical name of the actor
    kind: str  # state, organisation, region, place, person
    via: str  # name, adjective, seat, place, person
    start: dt.date | None = None  # for people: term of office
    end: dt.date | None = None

    def valid_on(self, day: dt.date | None) -> bool:
        """In office on `day`; with no date to go by, any term counts."""
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(slots=True)
class ActorDictionary:
    names: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    exact_case: set[tuple[str, ...]] = field(default_factory=set)  # acronyms, matched as written
    lower_initials: set[str] = field(default_factory=set)  # "al" of "al-Qaeda": names that start lower-case
    roles: dict[str, tuple[str, bool]] = field(default_factory=dict)  # lemma(s) -> (role, is a person)
    weapons: set[str] = field(default_factory=set)  # role terms that name a weapon: it acts only by force
    nominals: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # lemma -> (refers_to, role)
    organisation_nominals: dict[str, list[str]] = field(default_factory=dict)  # phrase -> keys
    kinds: dict[str, str] = field(default_factory=dict)  # key -> state | organisation | region
    organisation_kinds: dict[str, str] = field(default_factory=dict)  # key -> igo, nsa, ngo, party, other
    organisation_roles: dict[str, str | None] = field(default_factory=dict)  # key -> default role
    display: dict[str, str] = field(default_factory=dict)  # key -> name
    country_of: dict[str, str] = field(default_factory=dict)  # national organisation -> state
    places: dict[str, tuple[str, str]] = field(default_factory=dict)  # sub-national place -> (state, kind)
    state_names: dict[str, str] = field(default_factory=dict)  # state name or alias -> state key
    longest: dict[str, int] = field(default_factory=dict)  # a key's first word -> most words of a key it starts
    no_actor: set[tuple[str, ...]] = field(default_factory=set)  # "Latin America": lower-case words naming no one
    words: dict[str, frozenset[str]] = field(default_factory=dict)  # word classes the resolver reads (WORD_CLASSES)

    def add_name(self, tokenize: Tokenize, phrase: str, entry: Entry) -> None:
        words = tuple(tokenize(phrase))
        if not words:
            return
        lowered = tuple(w.lower() for w in words)
        if len(phrase) <= 5 and phrase.replace(".", "").isupper():
            self.exact_case.add(words)
            lowered = words
        elif words[0][:1].islower() and any(c.isupper() for c in phrase):  # "al-Qaeda", "de Klerk": as written
            self.exact_case.add(words)
            self.lower_initials.add(words[0])
            self.names.setdefault(words, [])
            if entry not in self.names[words]:
                self.names[words].append(entry)
        entries = self.names.setdefault(lowered, [])
        if entry not in entries:
            entries.append(entry)
        for first in {words[0], lowered[0]}:
            self.longest[first] = max(self.longest.get(first, 0), len(words))


def load_actor_dictionary(folder: Path, role_codes: set[str], tokenize: Tokenize) -> ActorDictionary:
    """Read and validate every actor file in `folder`."""
    actors = ActorDictionary()
    _load_states(folder / "states.tsv", actors, tokenize)
    _load_organisations(folder / "organisations.tsv", actors, role_codes, tokenize)
    _load_places(folder / "places.tsv", actors, tokenize)
    _load_regions(folder / "regions.tsv", actors, tokenize)
    for path in sorted(folder.glob("people*.tsv")):
        _load_people(path, actors, role_codes, tokenize)
    _load_roles(folder / "roles.tsv", actors, role_codes)
    _load_nominals(folder / "nominals.tsv", actors, role_codes)
    actors.words = read_word_classes(folder / "word_classes.tsv", WORD_CLASSES)
    return actors


STATE_COLUMNS = ["key", "name", "aliases", "adjectives", "seats"]
ORGANISATION_COLUMNS = ["key", "name", "aliases", "kind", "role", "country", "nominals"]


def entity_kinds(folder: Path) -> dict[str, str]:
    """Every state, organisation and region key (what an actor code starts with) and its kind:
    `state`, the organisation's kind (igo, nsa, ngo, party, other) or `region`."""
    kinds = {row["key"]: "state" for _, row in read_tsv(folder / "states.tsv", STATE_COLUMNS)}
    kinds.update((row["key"], row["kind"]) for _, row in read_tsv(folder / "organisations.tsv", ORGANISATION_COLUMNS))
    kinds.update((row["key"], "region") for _, row in read_tsv(folder / "regions.tsv", REGION_COLUMNS) if row["key"])
    return kinds


def _load_states(path: Path, actors: ActorDictionary, tokenize: Tokenize) -> None:
    for line, row in read_tsv(path, STATE_COLUMNS):
        key = require(path, line, row, "key", _STATE_KEY.match, "must be an ISO 3166 alpha-3 code")
        name = require(path, line, row, "name")
        if key in actors.kinds:
            raise VocabularyError(str(path), line, "key", f"{key} is listed twice")
        actors.kinds[key], actors.display[key] = "state", name
        for alias in [name, *split_list(row["aliases"])]:
            actors.add_name(tokenize, alias, Entry(key, None, name, "state", "name"))
            actors.state_names[alias] = key
        for adjective in split_list(row["adjectives"]):
            actors.add_name(tokenize, adjective, Entry(key, None, name, "state", "adjective"))
        for seat in split_list(row["seats"]):
            actors.add_name(tokenize, seat, Entry(key, "GOV", name, "state", "seat"))


def _load_organisations(path: Path, actors: ActorDictionary, role_codes: set[str],
                        tokenize: Tokenize) -> None:
    for line, row in read_tsv(path, ORGANISATION_COLUMNS):
        key = require(path, line, row, "key", _ORG_KEY.match, "must be a short upper-case key")
        name = require(path, line, row, "name")
        kind = require(path, line, row, "kind", _ORG_KINDS.__contains__, f"must be one of {sorted(_ORG_KINDS)}")
        role = row["role"] or None
        if role is not None and role not in role_codes:
            raise VocabularyError(str(path), line, "role", f"unknown role code {role!r}")
        country = row["country"] or None
        if country is not None and actors.kinds.get(country) != "state":
            raise VocabularyError(str(path), line, "country", f"unknown state {country!r}")
        if key in actors.kinds:
            raise VocabularyError(str(path), line, "key", f"{key} is already used")
        actors.kinds[key], actors.display[key] = "organisation", name
        actors.organisation_kinds[key], actors.organisation_roles[key] = kind, role
        if country:  # a national body stands for its state, with its role: FBI -> USACOP
            actors.country_of[key] = country
            entry = Entry(country, role, name, "state", "name")
        else:
            entry = Entry(key, None, name, "organisation", "name")
        for alias in [name, *split_list(row["aliases"])]:
            actors.add_name(tokenize, alias, entry)
        for phrase in split_list(row["nominals"]):
            actors.organisation_nominals.setdefault(phrase.lower(), []).append(key)


def _load_places(path: Path, actors: ActorDictionary, tokenize: Tokenize) -> None:
    for line, row in read_tsv(path, ["name", "aliases", "country", "kind"]):
        name = require(path, line, row, "name")
        country = require(path, line, row, "country", lambda c: actors.kinds.get(c) == "state",
                          "must be a state key from states.tsv")
        kind = require(path, line, row, "kind", _PLACE_KINDS.__contains__, f"must be one of {sorted(_PLACE_KINDS)}")
        for alias in [name, *split_list(row["aliases"])]:
            actors.add_name(tokenize, alias, Entry(country, None, actors.display[country], "state", "place"))
            actors.places[alias] = (country, kind)


REGION_COLUMNS = ["name", "kind", "key", "region"]


def _load_regions(path: Path, actors: ActorDictionary, tokenize: Tokenize) -> None:
    for line, row in read_tsv(path, REGION_COLUMNS):
        name = require(path, line, row, "name")
        kind = require(path, line, row, "kind", {"region", "water"}.__contains__, "must be region or water")
        key = row["key"]
        if not key:
            words = tuple(w.lower() for w in tokenize(name))
            actors.no_actor.add(words)
            actors.longest[words[0]] = max(actors.longest.get(words[0], 0), len(words))
            continue
        if kind != "region" or not _STATE_KEY.match(key) or actors.kinds.get(key, "region") != "region":
            raise VocabularyError(str(path), line, "key", f"{key!r} must be a three-letter region code, "
                                                          "not a state's or organisation's key, of a region")
        region = require(path, line, row, "region")
        actors.kinds[key], actors.display[key] = "region", region
        actors.add_name(tokenize, name, Entry(key, None, region, "region", "adjective"))


def _load_people(path: Path, actors: ActorDictionary, role_codes: set[str], tokenize: Tokenize) -> None:
    columns = ["name", "aliases", "key", "role", "office", "start", "end"]
    for line, row in read_tsv(path, columns):
        name = require(path, line, row, "name")
        key = require(path, line, row, "key", actors.kinds.__contains__, "must be a known state or organisation")
        role = row["role"] or None
        if role is not None and role not in role_codes:
            raise VocabularyError(str(path), line, "role", f"unknown role code {role!r}")
        start = parse_partial_date(require(path, line, row, "start", is_partial_date, "must be YYYY[-MM[-DD]]"))
        end = None
        if row["end"]:
            end = parse_partial_date(require(path, line, row, "end", is_partial_date, "must be YYYY[-MM[-DD]]"),
                                     end=True)
            if end < start:
                raise VocabularyError(str(path), line, "end", "ends before it starts")
        country = actors.country_of.get(key, key)
        entry = Entry(country, role, name, "person", "person", start, end)
        for alias in [name, *split_list(row["aliases"])]:
            actors.add_name(tokenize, alias, entry)


def _load_roles(path: Path, actors: ActorDictionary, role_codes: set[str]) -> None:
    for line, row in read_tsv(path, ["term", "role", "kind"]):
        term = require(path, line, row, "term", lambda t: t == t.lower(), "must be lower-case")
        role = require(path, line, row, "role", role_codes.__contains__, "must be a CAMEO role code")
        kind = require(path, line, row, "kind", _ROLE_KINDS.__contains__, "must be person, weapon or empty")
        actors.roles[term] = (role, kind == "person")
        if kind == "weapon":
            actors.weapons.add(term)


def _load_nominals(path: Path, actors: ActorDictionary, role_codes: set[str]) -> None:
    for line, row in read_tsv(path, ["term", "refers_to", "role"]):
        term = require(path, line, row, "term", lambda t: t == t.lower(), "must be lower-case")
        refers_to = require(path, line, row, "refers_to", _REFERS_TO.__contains__,
                            f"must be one of {sorted(_REFERS_TO)}")
        role = row["role"] or None
        if role is not None and role not in role_codes:
            raise VocabularyError(str(path), line, "role", f"unknown role code {role!r}")
        actors.nominals[term] = (refers_to, role)
