"""Linked Art JSON-LD: one HumanMadeObject per file, read by the documented paths.

The records span several Linked Art profiles (Getty, NGA/PMA, the older ``ManMadeObject``
draft, the Rijksmuseum's 2024 service): text sits in ``content`` or ``value``, labels in
``_label``, ``label`` or ``notation``, and one concept has an old and a new AAT code. Each
helper below accepts every spelling, so one reader covers them (docs/formats/linked-art.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict
from typing import Any

from assistant.documents import Creator
from ingest.interop.common import (
    NotThisFormat,
    Record,
    clean,
    is_anonymous,
    iso_year,
    pick,
    record_id,
    text_years,
    titles_by_language,
    unique,
)

# AAT codes by role; every code a profile in the wild uses for it (README "AAT codes").
PREFERRED = {"300404670"}
ACCESSION = {"300312355"}
DESCRIPTION = {"300080091"}
MATERIALS = {"300435429", "300010358", "300163343"}
CREDIT = {"300026687", "300435418"}
RIGHTS = {"300417696", "300055547", "300435434"}
CULTURE = {"300055768"}
# Languages by their AAT concept (the Rijksmuseum names languages this way).
LANGUAGES = {"300388277": "en", "300388256": "nl", "300388306": "fr", "300388344": "de"}
_AAT = re.compile(r"^(?:https?://vocab\.getty\.edu/aat/|aat:)(\w+)$")
_TRAILING_DATES = re.compile(r"^(?P<name>.+?),\s*(?P<dates>\d{3,4}\s*-\s*\d{3,4})$")
_PRODUCER_DATES = "producer-description"
WHERE = {
    "title": "identified_by[type=Name, classified_as aat:300404670].content",
    "id": "identified_by[classified_as aat:300312355].content, or the record's id",
}


def records(parsed: Any) -> Iterator[Record]:
    """The one object a Linked Art document describes.

    Raises:
        NotThisFormat: The JSON is not a Linked Art object.

    """
    if not isinstance(parsed, dict) or not (parsed.get("type") or parsed.get("@context")):
        raise NotThisFormat("expected a JSON object with a Linked Art 'type' and '@context'")
    yield read_record(parsed)


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def aat(node: Any) -> set[str]:
    """The AAT codes a node is classified as (objects or bare strings, URIs or CURIEs)."""
    codes = set()
    for item in _list(node.get("classified_as") if isinstance(node, dict) else None):
        uri = item.get("id") if isinstance(item, dict) else item
        match = _AAT.match(str(uri or ""))
        if match:
            codes.add(match.group(1))
    return codes


def _language(node: dict[str, Any]) -> str:
    for lang in _list(node.get("language")):
        match = _AAT.match(str(lang.get("id") if isinstance(lang, dict) else lang))
        if match and match.group(1) in LANGUAGES:
            return LANGUAGES[match.group(1)]
    return ""


def body(node: Any) -> str:
    """A statement's text: ``content`` (current) or ``value`` (the older draft)."""
    if not isinstance(node, dict):
        return ""
    value = node.get("content", node.get("value"))
    return clean(value) if isinstance(value, str | int) else ""


def label(node: Any) -> str:
    """A node's label: ``_label``, ``label`` (a string or language-tagged list) or notation."""
    if not isinstance(node, dict):
        return ""
    for key in ("_label", "label", "notation"):
        raw = node.get(key)
        if isinstance(raw, str) and raw.strip():
            return clean(raw)
        if isinstance(raw, list):
            tagged = [
                (clean(v.get("@value")), str(v.get("@language") or ""))
                if isinstance(v, dict)
                else (clean(v), "")
                for v in raw
            ]
            value, _ = pick(tagged)
            if value:
                return value
    return ""


def statements(record: dict[str, Any], codes: set[str]) -> list[tuple[str, str]]:
    """(text, language) of each ``referred_to_by`` statement classified as one of ``codes``."""
    return [
        (body(s), _language(s))
        for s in _list(record.get("referred_to_by"))
        if isinstance(s, dict) and aat(s) & codes and body(s)
    ]


def _titles(record: dict[str, Any]) -> list[tuple[str, str]]:
    """(title, language) of each of the record's preferred names."""
    names = [
        n
        for n in _list(record.get("identified_by"))
        if isinstance(n, dict) and n.get("type") == "Name"
    ]
    # "Preferred" also marks identifiers (Getty, Duchamp): only a Name is a title.
    preferred = [n for n in names if aat(n) & PREFERRED] or names
    return [(body(n), _language(n)) for n in preferred]


def _title(record: dict[str, Any]) -> tuple[str, str]:
    value, lang = pick(_titles(record))
    return (value, lang) if value else (label(record), "")


def _identifier(record: dict[str, Any]) -> str:
    for node in _list(record.get("identified_by")):
        if isinstance(node, dict) and node.get("type") != "Name" and aat(node) & ACCESSION:
            return body(node)
    return ""


def _maker(actor: Any, role: str, dates: str) -> Creator | None:
    name = label(actor) if isinstance(actor, dict) else ""  # a bare URI names nobody
    # A lower-case label is a role with no name (the V&A's "photographer").
    if not name or name == name.lower() or is_anonymous(name):
        return None
    split = _TRAILING_DATES.match(name)  # "Duchamp, Marcel, 1887-1968"
    if split and not dates:
        name, dates = split.group("name"), split.group("dates")
    return Creator(name, role, dates)


def _life_dates(production: dict[str, Any]) -> str:
    # Getty: "Dutch, 1853 - 1890" beside the maker; the dates follow the nationality.
    for statement in _list(production.get("referred_to_by")):
        ids = " ".join(
            str(c.get("id")) for c in _list(statement.get("classified_as")) if isinstance(c, dict)
        )
        if "nationality-and-dates" in ids and "," in body(statement):
            return body(statement).split(",", 1)[1].strip()
    return ""


def _role_statement(actor: dict[str, Any]) -> str:
    return next((body(s) for s in _list(actor.get("referred_to_by")) if body(s)), "")


def _creators(record: dict[str, Any]) -> list[Creator]:
    production = record.get("produced_by")
    if not isinstance(production, dict):
        return []
    direct = [a for a in _list(production.get("carried_out_by")) if isinstance(a, dict)]
    dates = _life_dates(production) if len(direct) == 1 else ""
    # Getty states each maker's role beside the maker ("Potters", "Photographers").
    found = [_maker(a, _role_statement(a), dates) for a in direct]
    # The older draft and the Rijksmuseum name each maker in a part, with the role as technique.
    for part in _list(production.get("part")) + _list(production.get("consists_of")):
        if not isinstance(part, dict):
            continue
        role = next((label(t) for t in _list(part.get("technique")) if label(t)), "")
        found += [_maker(a, role, "") for a in _list(part.get("carried_out_by"))]
    unique_makers: dict[str, Creator] = {}
    for maker in found:
        if maker is not None:
            unique_makers.setdefault(maker.name, maker)
    return list(unique_makers.values())


def _date(record: dict[str, Any]) -> dict[str, Any]:
    production = record.get("produced_by")
    span = production.get("timespan") if isinstance(production, dict) else None
    if not isinstance(span, dict):
        return {}
    names = [(body(n), _language(n)) for n in _list(span.get("identified_by"))]
    display = pick(names)[0] or label(span)
    begin, end = iso_year(span.get("begin_of_the_begin")), iso_year(span.get("end_of_the_end"))
    if begin is None and end is None:
        begin, end = text_years(display)
    return {"date": display, "date_begin": begin, "date_end": end}


def _medium(record: dict[str, Any]) -> str:
    value, _ = pick(statements(record, MATERIALS))
    return value or ", ".join(unique(label(m) for m in _list(record.get("made_of"))))


def _licence(record: dict[str, Any]) -> str:
    """The licence of the record's texts (Getty's descriptions; the Rijksmuseum's record)."""
    rights = [
        r
        for s in _list(record.get("referred_to_by")) + _list(record.get("subject_of"))
        if isinstance(s, dict) and (aat(s) & DESCRIPTION or "subject_to" in s)
        for r in _list(s.get("subject_to"))
    ]
    found = []
    for right in rights:
        for kind in _list(right.get("classified_as") if isinstance(right, dict) else None):
            uri = str(kind.get("id", "")) if isinstance(kind, dict) else str(kind)
            name = label(kind)
            found.append(f"{name} ({uri})" if name and uri else name or uri)
    return "; ".join(unique(found))


def _rights(record: dict[str, Any]) -> str:
    subject = record.get("crm:P104_is_subject_to")
    found = [str(subject.get("id") or "")] if isinstance(subject, dict) else []
    for value, _ in statements(record, RIGHTS):
        # The old "legal concepts" code also classifies an acquisition method ("Gift").
        if re.search(r"©|copyright|rights|droits|public domain", value, re.IGNORECASE):
            found.append(value)
    return "; ".join(unique(found))


def _credit(record: dict[str, Any]) -> str:
    credits = [
        s for s in _list(record.get("referred_to_by")) if isinstance(s, dict) and aat(s) & CREDIT
    ]
    # Getty gives a "Standard" and a fuller "Source" credit line (also classified 300404764).
    source = [s for s in credits if "300404764" in aat(s)]
    return pick((body(s), _language(s)) for s in (source or credits))[0]


def _text(record: dict[str, Any]) -> tuple[str, str]:
    described = statements(record, DESCRIPTION)
    if not described:  # LUX classifies its notes by its own concepts, labelled "Note"
        described = [
            (body(s), "")
            for s in _list(record.get("referred_to_by"))
            if isinstance(s, dict)
            and any(
                label(c) in {"Note", "Notes", "Description"} for c in _list(s.get("classified_as"))
            )
        ]
    # A coin describes its faces as parts; the legend it carries is part of the description.
    for part in _list(record.get("part")):
        if not isinstance(part, dict):
            continue
        words = [b for b, _ in statements(part, DESCRIPTION)]
        words += [f"Legend: {body(c)}" for c in _list(part.get("carries")) if body(c)]
        if words:
            described.append((f"{label(part) + ': ' if label(part) else ''}{' '.join(words)}", ""))
    texts = unique(t for t, _ in described)
    lang = next((lang for _, lang in described if lang), "")
    return "\n\n".join(texts), lang


def _image(record: dict[str, Any]) -> str:
    for item in _list(record.get("representation")):
        if not isinstance(item, dict):
            continue
        if item.get("id"):
            return str(item["id"])
        for shown in _list(item.get("digitally_shown_by")):
            for point in _list(shown.get("access_point") if isinstance(shown, dict) else None):
                if isinstance(point, dict) and point.get("id"):
                    return str(point["id"])
    return ""


def _holder(record: dict[str, Any]) -> str:
    for key in ("current_owner", "current_keeper"):
        name = next((label(o) for o in _list(record.get(key)) if label(o)), "")
        if name:
            return name
    return ""


def _period(record: dict[str, Any]) -> str:
    production = record.get("produced_by")
    during = _list(production.get("occurred_during")) if isinstance(production, dict) else []
    return "; ".join(unique(label(p) for p in during))


def read_record(record: dict[str, Any]) -> Record:
    """The fields of one Linked Art object."""
    title, title_lang = _title(record)
    text, text_lang = _text(record)
    identifier = _identifier(record)
    uri = str(record.get("id") or "")
    fields: dict[str, Any] = {
        "id": record_id("linked-art", identifier, uri),
        "title": title,
        "titles": titles_by_language(_titles(record), title),
        "creators": [asdict(c) for c in _creators(record)],
        **_date(record),
        "medium": _medium(record),
        "accession_number": identifier,
        "institution": _holder(record),
        "culture": pick(statements(record, CULTURE))[0],
        "period": _period(record),
        "license": _licence(record),
        "rights": _rights(record),
        "credit_line": _credit(record),
        "url": uri,
        "image_url": _image(record),
        "language": text_lang or title_lang,
    }
    return Record("linked-art", fields, text, dict(WHERE))
