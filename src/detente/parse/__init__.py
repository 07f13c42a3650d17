"""Parsing: splitting documents into sentences and turning spaCy parses into records."""

from .pipeline import DEFAULT_PIPELINE, load_pipeline
from .sentences import Sentence, split_sentences
from .tokens import ParsedSentence, Token, parse_sentences

__all__ = ["DEFAULT_PIPELINE", "ParsedSentence", "Sentence", "Token", "load_pipeline",
           "parse_sentences", "split_sentences"]
