"""Finding actor names in a sentence's words, before or after the parse."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .dictionary import ActorDictionary, Entry


@dataclass(frozen=True, slots=True)
class NameMatch:
    first: int  # word indexes, inclusive
    last: int
    entries: tuple[Entry, ...]


def find_names(actors: ActorDictionary, words: Sequence[str]) -> list[NameMatch]:
    """Longest dictionary names, left to right, without overlaps.

    Names match when their first word has a capital letter (acronyms only as written), so
    "us" and "chad" in running text are not actors; a stray capital inside a word
    ("iSrael") is a typo for a name. Names that start lower-case ("al-Qaeda") match as written.
    A longer name of no actor (regions.tsv: "Latin America") hides the names inside it.
    """
    matches: list[NameMatch] = []
    lowered = [w.lower() for w in words]
    i = 0
    while i < len(words):
        found, step = None, 1
        if any(c.isupper() for c in words[i]) or words[i] in actors.lower_initials:
            most = max(actors.longest.get(words[i], 0), actors.longest.get(lowered[i], 0))
            for length in range(min(most, len(words) - i), 0, -1):
                exact = tuple(words[i:i + length])
                if exact in actors.exact_case:
                    found = NameMatch(i, i + length - 1, tuple(actors.names[exact]))
                    break
                capital = any(c.isupper() for c in words[i])
                entries = actors.names.get(tuple(lowered[i:i + length])) if capital else None
                if entries:
                    found = NameMatch(i, i + length - 1, tuple(entries))
                    break
                if capital and tuple(lowered[i:i + length]) in actors.no_actor:
                    step = length
                    break
        if found:
            matches.append(found)
            i = found.last + 1
        else:
            i += step
    return matches
