"""Names of countries, regions, languages, cities and currencies from CLDR, through Babel.

``briefings new`` tells actors from places with them: a country is an actor; a region
("Asia", "Eropa"), a city ("Dili", "Port Moresby") or a language ("Tetun") is not.
CLDR's Indonesian and English names are read once, with the exemplar city of every
time zone as the cities.
"""

from __future__ import annotations

import functools
import re

from babel import Locale
from babel.core import get_global
from babel.dates import get_timezone_location

LOCALES = ("id", "en")
# Names Indonesian and English news use that CLDR spells otherwise ("Inggris Raya").
EXTRA_COUNTRIES = frozenset(
    {"Inggris", "Perancis", "Cina", "Chili", "Palestina", "Britain", "Turkey"}
)
_QUALIFIER = re.compile(r"\s*\(.*?\)$")  # "Myanmar (Burma)", "Hong Kong DAK Tiongkok"


def _plain(name: str) -> str:
    return _QUALIFIER.sub("", name).strip()


@functools.cache
def countries() -> frozenset[str]:
    """Countries, territories and unions of them (Uni Eropa, Perserikatan Bangsa-Bangsa)."""
    names = set(EXTRA_COUNTRIES)
    for code in LOCALES:
        for key, name in Locale(code).territories.items():
            if key.isalpha():  # two letters; the numbered ones are regions
                names.add(_plain(name))
    return frozenset(names)


@functools.cache
def regions() -> frozenset[str]:
    """Continents and regions: Asia, Eropa, Dunia, Asia Tenggara."""
    names = set()
    for code in LOCALES:
        for key, name in Locale(code).territories.items():
            if key.isdigit():
                names.add(_plain(name))
    return frozenset(names - countries())


@functools.cache
def languages() -> frozenset[str]:
    """Languages that are not also countries (Tetun, Portugis; not Indonesia)."""
    names = {_plain(n) for code in LOCALES for n in Locale(code).languages.values()}
    return frozenset(names - countries())


@functools.cache
def cities() -> frozenset[str]:
    """The exemplar city of every time zone, as each locale writes it."""
    names = set()
    for zone in get_global("zone_territories"):
        if "/" not in zone or zone.startswith("Etc/"):
            continue
        for code in LOCALES:
            names.add(get_timezone_location(zone, locale=code, return_city=True))
    return frozenset(names - countries())


@functools.cache
def currencies() -> frozenset[str]:
    """Currencies as each locale names them ("Dolar Amerika Serikat", "Euro") and the
    word they start with when the rest is a country ("Dolar", "Yen")."""
    names = set()
    for code in LOCALES:
        for name in Locale(code).currencies.values():
            names.add(name)
            first, _, rest = name.partition(" ")
            if rest in countries():
                names.add(first)
    return frozenset(names - countries())
