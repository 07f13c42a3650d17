"""Actors: the dictionary, name matching and resolution of noun phrases to actors."""

from .dictionary import ActorDictionary, Entry, load_actor_dictionary
from .mentions import NameMatch, find_names
from .resolve import ActorResolver

__all__ = ["ActorDictionary", "ActorResolver", "Entry", "NameMatch", "find_names", "load_actor_dictionary"]
