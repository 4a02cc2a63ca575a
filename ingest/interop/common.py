"""What the four standard formats share: the fields a record yields and how it becomes a document.

Each format module reads one record into a ``Record`` (front-matter field names, the text,
and where in the format each field was looked for); ``to_loaded`` then vets and validates it
through ``document_from_fields``, the same code every other format ends in.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ingest.loaders import Attestation, Loaded, Refusal, document_from_fields
from ingest.mapping import html_fragment_text

# The formats by the name ``--format`` takes, with the name a curator reads in a message.
FORMATS = {"linked-art": "Linked Art", "iiif": "IIIF manifest", "lido": "LIDO", "edm": "EDM"}

# When a record gives a value in several languages (a title in English and Dutch), the one
# in this language is read; else the first the record gives. English is what the index's
# default embedder reads best; the record's own language of the value is kept beside it.
PREFERRED_LANGUAGE = "en"

# Values that stand for "nothing recorded" in real exports ("xxx" in the DDM LIDO).
_PLACEHOLDER = re.compile(r"^\s*(x+|-+|\?+|n/?a|null|none)\s*$", re.IGNORECASE)
# Makers recorded as unknown: kept out of the creators, where they would read as a name
# ("the work of an Anonim producer"); the record then simply names no maker.
ANONYMOUS = frozenset(
    {
        "anonim",
        "anonymous",
        "anonyme",
        "anoniem",
        "onbekend",
        "unknown",
        "unbekannt",
        "unbekannter fotograf",
        "unknown photographer",
    }
)
_ISO_YEAR = re.compile(r"^\s*([+-]?)0*(\d{1,4})(?:-|T|$)")
_YEAR = re.compile(r"(?<![\d/.,])(\d{3,4})(?![\d/])")
_BCE = re.compile(r"\b(B\.?\s?C\.?(E\.?)?|BCE|v\.\s?Chr\.?|av\.\s?J\.-C\.)", re.IGNORECASE)


class NotThisFormat(ValueError):
    """Content that is not the format it was read as (detected wrongly, or forced)."""


@dataclass
class Record:
    """One record's fields as read from its format, before vetting is applied.

    Attributes:
        fmt: The format's ``--format`` name.
        fields: Front-matter fields (``title``, ``creators``, ``date``, ``rights``...).
        text: The description, plain text (may be empty: the record is then a catalogue card).
        where: For a field the record lacks, where it was looked for (for the refusal).

    """

    fmt: str
    fields: dict[str, Any] = field(default_factory=dict)
    text: str = ""
    where: dict[str, str] = field(default_factory=dict)


def clean(value: Any) -> str:
    """A value as plain text: HTML stripped, whitespace collapsed, placeholders dropped."""
    if value is None or isinstance(value, dict | list):
        return ""
    text = html_fragment_text(str(value).replace("\r\n", "\n"))
    text = "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    text = text.strip()
    return "" if _PLACEHOLDER.match(text) else text


def line(value: Any) -> str:
    """A value as one line: a statement with ``<br/>`` or paragraphs reads as one sentence."""
    return " ".join(clean(value).split())


def pick(values: Iterable[tuple[str, str]]) -> tuple[str, str]:
    """The (value, language) in the preferred language, else the first non-empty one."""
    found = [(v, lang) for v, lang in values if v]
    for value, lang in found:
        if lang == PREFERRED_LANGUAGE:
            return value, lang
    return found[0] if found else ("", "")


def titles_by_language(values: Iterable[tuple[str, str]], chosen: str) -> dict[str, list[str]]:
    """The titles beside the one ``pick`` chose, by their language: the record's other names.

    The Rijksmuseum names a work in English and Dutch, an EDM proxy has a title per
    ``xml:lang``; a value without a language, or the chosen title again, is no other name.
    """
    out: dict[str, list[str]] = {}
    for value, lang in values:
        if value and lang and value != chosen and value not in out.get(lang, []):
            out.setdefault(lang, []).append(value)
    return out


def unique(values: Iterable[str]) -> list[str]:
    """Non-empty values once each, in order (records repeat descriptions and materials)."""
    return list(dict.fromkeys(v for v in values if v))


def iso_year(value: Any) -> int | None:
    """The year of an ISO date ("-0322-01-01T00:00:00" is -322, that is 322 BCE)."""
    match = _ISO_YEAR.match(str(value or ""))
    if not match:
        return None
    year = int(match.group(2))
    return -year if match.group(1) == "-" else year


def text_years(text: str) -> tuple[int | None, int | None]:
    """First and last year a display date names ("ca. 1628 - ca. 1629"; "about 500 B.C.").

    A date given only as a century ("4/4 sec. XIX", "2. Hälfte 17. Jahrhundert") spans the
    part of the century it names (``century_years``); the display text stays as written.
    """
    years = [int(y) for y in _YEAR.findall(text)]
    if not years:
        return century_years(text)
    if _BCE.search(text):
        years = [-y for y in years]
    return min(years), max(years)


# A century as records write it, in their languages: "17th cent.", "17. Jahrhundert",
# "XVIIe siècle", "sec. XIX", "secol XX", "siglo XV", "19e eeuw".
_ROMAN = r"[IVXL]+"
_CENTURY = re.compile(
    rf"(?:(?<![/\d])\b(?P<num>\d{{1,2}})(?:st|nd|rd|th|e|er|eme|ème|\.)?\s*"
    rf"(?:cent(?:ury)?\.?|jahrhundert|jh\.|siecle|siècle|eeuw|secolo|sec\.)"
    rf"|\b(?P<roman_before>{_ROMAN})(?:e|er|eme|ème)?\s+(?:siecle|siècle|secolo)"
    rf"|\b(?:sec\.|secol(?:ul)?|secolo|siglo|century)\s+(?P<roman_after>{_ROMAN})\b)",
    re.IGNORECASE,
)
# Which part of the century: a quarter ("4/4", "1/4"), a half ("2. Hälfte", "second half"),
# its beginning or its end ("Începutul", "early", "fin", "late"), as (start, end) offsets.
_PARTS = (
    (re.compile(r"\b([1-4])/4\b"), None),
    (
        re.compile(
            r"\b(?:1\.?\s*h(?:ä|a)lfte|first half|1(?:st|re|e)? moiti(?:é|e)|prima meta)", re.I
        ),
        (0, 49),
    ),
    (
        re.compile(
            r"\b(?:2\.?\s*h(?:ä|a)lfte|second half|2(?:nd|e)? moiti(?:é|e)|seconda meta)", re.I
        ),
        (50, 99),
    ),
    (
        re.compile(
            r"\b(?:inceput|început|începutul|inceputul|early|anfang|debut|début|inizio|principios|begin)",
            re.I,
        ),
        (0, 33),
    ),
    (
        re.compile(r"\b(?:sfarsit|sfârșit|sfârşitul|late|ende|fin|fine|finales|eind)\b", re.I),
        (66, 99),
    ),
)


def century_years(text: str) -> tuple[int | None, int | None]:
    """The years a century date spans ("2. Hälfte 17. Jahrhundert": 1650-1699), or none."""
    match = _CENTURY.search(text)
    if not match:
        return None, None
    if match.group("num"):
        number = int(match.group("num"))
    else:
        number = _roman(match.group("roman_before") or match.group("roman_after"))
    if not 1 <= number <= 21:
        return None, None
    start = (number - 1) * 100
    low, high = 0, 99
    for pattern, span in _PARTS:
        part = pattern.search(text)
        if part and span is None:
            quarter = int(part.group(1))
            low, high = (quarter - 1) * 25, quarter * 25 - 1
            break
        if part and span is not None:
            low, high = span
            break
    if _BCE.search(text):
        # Counted down: the 5th century BC runs from 500 to 401 BC.
        return -(start + 100 - low), -(start + 100 - high)
    return start + low, start + high


def _roman(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for i, ch in enumerate(numeral.upper()):
        value = values[ch]
        nxt = values[numeral.upper()[i + 1]] if i + 1 < len(numeral) else 0
        total += -value if value < nxt else value
    return total


def is_anonymous(name: str) -> bool:
    """Whether a maker's name only says the maker is unknown."""
    return name.strip().lower() in ANONYMOUS


def record_id(fmt: str, identifier: str, uri: str) -> str:
    """A stable source id a curator can read: format, accession number, a hash of the URI.

    Accession numbers repeat across museums ("404" in two Romanian collections of one
    export); the record's URI (or record id) does not, so six hex digits of it keep two
    records apart while the id still says which object it is.
    """
    basis = identifier or uri.rstrip("/").rsplit("/", 1)[-1].lstrip("#")
    tail = re.sub(r"[^a-z0-9]+", "-", basis.lower()).strip("-")
    if not tail:
        return ""
    suffix = hashlib.sha1(uri.encode("utf-8")).hexdigest()[:6] if identifier and uri else ""
    return "-".join(p for p in (fmt, tail, suffix) if p)


def to_loaded(record: Record, origin: str, attestation: Attestation | None) -> Loaded:
    """Vet and validate one record: a document, or a refusal naming what is missing."""
    name = FORMATS[record.fmt]
    meta = dict(record.fields)
    source_id = str(meta.get("id") or "")
    for required in ("id", "title"):
        if not meta.get(required):
            looked = record.where.get(required, "")
            return Refusal(
                origin,
                f"{name} record without {'an identifier' if required == 'id' else 'a title'}"
                + (f" (looked in {looked})" if looked else ""),
                source_id or None,
            )
    if attestation is None:
        # These formats have no place for our vetting; a curator attests the whole batch.
        return Refusal(
            origin,
            f"not vetted: a {name} record names no vetted_by; ingest with --vetted-by NAME "
            "to attest it",
            source_id,
        )
    meta.pop("vetted_by", None)
    meta.pop("vetted_on", None)
    return document_from_fields(
        meta, record.text, origin=origin, attestation=attestation, require_text=False
    )
