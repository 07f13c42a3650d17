"""Which sentences can hold an event, decided from their words before any parse.

A sentence is parsed only if it has a word that can trigger an event (an inflected form
of a pattern's lemma) and a word that can name an actor. Inflections are generated
regularly and completed with the irregular forms in the pipeline's own lemmatizer
tables, so "met", "fought" and "seized" are all known.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language



def _regular_forms(lemma: str) -> set[str]:
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing", lemma[:-1] + "ed"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def _irregular_forms(nlp: Language) -> dict[str, set[str]]:
    """Lemma -> irregular forms, from the lemmatizer's exception tables, if it has them."""
    inverse: dict[str, set[str]] = {}
    if "lemmatizer" not in nlp.pipe_names:
        return inverse
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_exc"):
        return inverse
    for table in lookups.get_table("lemma_exc").values():
        for form, lemmas in table.items():
            for lemma in lemmas:
                inverse.setdefault(lemma, set()).add(form)
    return inverse


class Prefilter:
    def __init__(self, nlp: Language, lemmas: Iterable[str], anaphors: Iterable[str]) -> None:
        irregular = _irregular_forms(nlp)
        self.triggers: set[str] = set()
        for lemma in lemmas:
            for word in lemma.split():
                self.triggers |= _regular_forms(word) | irregular.get(word, set())
        self.anaphors = {a.lower() for a in anaphors}

    def keep(self, words: Sequence[str], has_names: bool) -> bool:
        lowered = [w.lower() for w in words]
        if not any(w in self.triggers for w in lowered):
            return False
        return has_names or any(w in self.anaphors for w in lowered)
