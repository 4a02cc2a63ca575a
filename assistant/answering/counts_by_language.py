"""What a question in another language counts or measures: "zes meter", "tre tonnellate".

The English reader counts with its own words (claims.all_counts): "forty tonnes" is a count of
tonnes, compared with a source's "four tonnes" (premises.count). The sources are English, so a
count said in French, German, Dutch, Spanish or Italian is read into the English word the
sources count with: a number (in digits, a decimal comma, or a word, "une quarantaine de") and
a unit or a thing the texts count (metres, tonnes, leaves, pages, figures). Other nouns are not
read: an article ("un tableau") counts nothing. Patterns match folded words.
"""

from __future__ import annotations

import re
from functools import cache

from assistant.answering.reading import Claim
from assistant.text import fold, stem


def _numbered(words: str, start: int = 0) -> dict[str, int]:
    return {w: i for i, w in enumerate(words.split(), start)}


def _tens(words: str) -> dict[str, int]:
    return {w: 10 * i for i, w in enumerate(words.split(), 3)}


# Number words: two to twenty, the tens, a hundred, a thousand; then the round counts a
# visitor guesses with ("une quarantaine"; in "zo'n twintig" the number itself).
_NUMBERS: dict[str, dict[str, int]] = {
    "fr": _numbered(
        "deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze "
        "seize dix-sept dix-huit dix-neuf vingt",
        2,
    )
    | _tens("trente quarante cinquante soixante soixante-dix quatre-vingt quatre-vingt-dix")
    | {"quatre-vingts": 80, "cent": 100, "mille": 1000}
    | {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30}
    | {"quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100},
    "de": _numbered(
        "zwei drei vier funf sechs sieben acht neun zehn elf zwolf dreizehn vierzehn funfzehn "
        "sechzehn siebzehn achtzehn neunzehn zwanzig",
        2,
    )
    | _tens("dreissig vierzig funfzig sechzig siebzig achtzig neunzig")
    | {"hundert": 100, "tausend": 1000, "dutzend": 12},
    "nl": _numbered(
        "twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien "
        "zestien zeventien achttien negentien twintig",
        2,
    )
    | _tens("dertig veertig vijftig zestig zeventig tachtig negentig")
    | {"honderd": 100, "duizend": 1000, "dozijn": 12},
    "es": _numbered(
        "dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince "
        "dieciseis diecisiete dieciocho diecinueve veinte",
        2,
    )
    | _tens("treinta cuarenta cincuenta sesenta setenta ochenta noventa")
    | {"cien": 100, "ciento": 100, "mil": 1000, "decena": 10, "docena": 12, "veintena": 20}
    | {"treintena": 30, "cuarentena": 40, "cincuentena": 50, "centenar": 100},
    "it": _numbered(
        "due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici "
        "quindici sedici diciassette diciotto diciannove venti",
        2,
    )
    | _tens("trenta quaranta cinquanta sessanta settanta ottanta novanta")
    | {"cento": 100, "mille": 1000, "decina": 10, "dozzina": 12, "ventina": 20}
    | {"trentina": 30, "quarantina": 40, "cinquantina": 50, "centinaio": 100},
}

# The units and the things the texts count, by the English word the texts use.
_METRES = "metres"
_CM = "centimetres"
_KG = "kilograms"
_TONNES = "tonnes"
_COUNTED: dict[str, dict[str, str]] = {
    "fr": {
        "m": _METRES, "metre": _METRES, "metres": _METRES, "cm": _CM, "centimetre": _CM,
        "centimetres": _CM, "kg": _KG, "kilo": _KG, "kilos": _KG, "kilogramme": _KG,
        "kilogrammes": _KG, "tonne": _TONNES, "tonnes": _TONNES, "feuillet": "leaves",
        "feuillets": "leaves", "feuilles": "leaves", "folios": "leaves", "pages": "pages",
        "personnages": "figures", "figures": "figures", "tiroirs": "drawers",
        "panneaux": "panels",
    },
    "de": {
        "m": _METRES, "meter": _METRES, "metern": _METRES, "cm": _CM, "zentimeter": _CM,
        "zentimetern": _CM, "kg": _KG, "kilo": _KG, "kilogramm": _KG, "tonnen": _TONNES,
        "tonne": _TONNES, "blatt": "leaves", "blatter": "leaves", "blattern": "leaves",
        "seiten": "pages", "figuren": "figures", "schubladen": "drawers", "tafeln": "panels",
    },
    "nl": {
        "m": _METRES, "meter": _METRES, "cm": _CM, "centimeter": _CM, "kg": _KG, "kilo": _KG,
        "kilogram": _KG, "ton": _TONNES, "bladen": "leaves", "bladzijden": "pages",
        "pagina's": "pages", "figuren": "figures", "laden": "drawers", "panelen": "panels",
    },
    "es": {
        "m": _METRES, "metro": _METRES, "metros": _METRES, "cm": _CM, "centimetros": _CM,
        "kg": _KG, "kilos": _KG, "kilogramos": _KG, "tonelada": _TONNES, "toneladas": _TONNES,
        "hojas": "leaves", "folios": "leaves", "paginas": "pages", "figuras": "figures",
        "cajones": "drawers", "paneles": "panels", "tablas": "panels",
    },
    "it": {
        "m": _METRES, "metro": _METRES, "metri": _METRES, "cm": _CM, "centimetri": _CM,
        "kg": _KG, "chili": _KG, "chilo": _KG, "chilogrammi": _KG, "tonnellata": _TONNES,
        "tonnellate": _TONNES, "fogli": "leaves", "carte": "leaves", "pagine": "pages",
        "figure": "figures", "cassetti": "drawers", "pannelli": "panels", "tavole": "panels",
    },
}  # fmt: skip
# Between a number and what it counts: "une quarantaine de tonnes", "una ventina di fogli".
_LINKS = r"(?:(?:de|d'|di|del|van|von)\s*)?"


@cache
def _pattern(language: str) -> re.Pattern[str]:
    numbers = sorted(_NUMBERS[language], key=len, reverse=True)
    units = sorted(_COUNTED[language], key=len, reverse=True)
    return re.compile(
        r"(?<![\w.,])(\d+(?:[.,]\d+)?(?=\s*[^\W\d])|(?:" + "|".join(map(re.escape, numbers))
        + r")(?=\s))\s*"
        + _LINKS
        + r"(" + "|".join(map(re.escape, units)) + r")(?![\w'])"
    )  # fmt: skip


def counts_in(language: str, text: str) -> list[Claim]:
    """The counts and measures ``text`` in ``language`` gives, as English count claims.

    "Das Buch hat 120 Seiten" -> a count of 120 "pages"; "ruim drie meter hoog" -> 3
    metres. A language without a table counts nothing.
    """
    if language not in _COUNTED:
        return []
    found = []
    for match in _pattern(language).finditer(fold(text)):
        number, unit = match.groups()
        words = _NUMBERS[language]
        amount = words[number] if number in words else float(number.replace(",", "."))
        found.append(Claim("count", stem(_COUNTED[language][unit]), amount=amount))
    return found
