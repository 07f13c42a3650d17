"""The pipeline's lemmatizer with every answer remembered, for the same lemmas at less cost.

spaCy's rule lemmatizer works out each token's lemma in Python (a base-form test on its
morphology, then suffix rules, each candidate looked up in a list of tens of thousands of
known lemmas) and caches only the answers that reach the suffix rules: a tenth of
detente's time. Its answer depends on the token's text, part of speech and morphology
alone, so this component asks it once per (orth, pos, morph) and reuses the lemma for
every later token with the same three; and the lists of known lemmas become sets, which
the lemmatizer only ever asks whether a word is in.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

FACTORY = "detente_remembered_lemmas"


class RememberedLemmas:
    """A spaCy component doing what `lemmatizer` does, by a lookup after the first time."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        if lemmatizer.lookups.has_table("lemma_index"):
            index = lemmatizer.lookups.get_table("lemma_index")
            for pos, lemmas in list(index.items()):
                index[pos] = frozenset(lemmas)
        self.lookups = lemmatizer.lookups  # its tables, as the pre-parse filter reads them
        self.strings = lemmatizer.vocab.strings
        self.cache: dict[tuple[int, int, int], int] = {}  # (orth, pos, morph key) -> lemma

    def __call__(self, doc: Doc) -> Doc:
        overwrite = self.lemmatizer.overwrite
        for token in doc:
            if overwrite or token.lemma == 0:  # else the attribute rules gave it one
                key = (token.orth, token.pos, token.morph.key)
                lemma = self.cache.get(key)
                if lemma is None:
                    lemma = self.cache[key] = self.strings.add(self.lemmatizer.lemmatize(token)[0])
                token.lemma = lemma
        return doc


@Language.factory(FACTORY)
def make_remembered_lemmas(nlp: Language, name: str) -> RememberedLemmas:
    return RememberedLemmas(nlp.get_pipe("lemmatizer"))
