"""IIIF Presentation 3 manifests: the object's fields from ``label``, ``summary``, ``metadata``.

A manifest's ``metadata`` is a list of label/value pairs whose labels each museum words its
own way ("Object Number", "Museum number", "identificatie"), so the labels read for each
field are listed here, in one table (docs/formats/iiif.md).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import asdict
from typing import Any

from assistant.documents import Creator
from assistant.images import iiif_image_request, image_src
from ingest.interop.common import (
    NotThisFormat,
    Record,
    clean,
    is_anonymous,
    line,
    pick,
    record_id,
    text_years,
    titles_by_language,
    unique,
)

# Metadata labels per field, lower-cased, most specific first. "Datum gemaakt" is absent on
# purpose: in the NDE manifests it is when the record was made, not the object.
LABELS: dict[str, tuple[str, ...]] = {
    "title": ("title", "titles", "naam"),
    "creators": ("artist / maker", "creator(s)", "people", "artist", "maker", "creator"),
    "date": ("date", "datecreated", "culture & date"),
    "medium": ("medium", "materials & techniques", "materials"),
    "accession_number": ("object number", "museum number", "accession number", "identificatie"),
    "institution": ("institution",),
    "rights": ("rights statement", "rights/license"),
    "text": ("description", "beschrijving", "descriptive line"),
}
_NO_LANGUAGE = {"none", "@none"}
_ROLE = re.compile(r"^(?P<role>[A-Z][\w ]{0,30}):\s*(?P<rest>.+)$")
_LIFE = re.compile(r"\b(\d{3,4}\s*[-–]\s*\d{3,4}|born \d{4}|active [^,)]+)")
WHERE = {
    "title": "metadata Title/Titles, or label",
    "id": "metadata Object Number/Museum number/Accession number, or the manifest id",
}


def records(parsed: Any) -> Iterator[Record]:
    """The object a IIIF Presentation 3 manifest presents.

    Raises:
        NotThisFormat: The JSON is not a Manifest.

    """
    if not isinstance(parsed, dict):
        raise NotThisFormat("expected a JSON object with type 'Manifest'")
    context = json.dumps(parsed.get("@context", ""))
    if "iiif.io/api/presentation/2" in context and "presentation/3" not in context:
        raise NotThisFormat(
            "a IIIF Presentation 2 manifest; only version 3 is read: convert it first "
            "(e.g. with @iiif/parser's upgrader)"
        )
    if parsed.get("type") != "Manifest":
        raise NotThisFormat("expected a JSON object with type 'Manifest'")
    yield read_record(parsed)


def language_map(value: Any) -> tuple[str, str]:
    """(text, language) of a IIIF language map ("none"/"@none" give no language).

    A language's several texts are one text; the language ``pick`` prefers wins.
    """
    if isinstance(value, str):
        return clean(value), ""
    by_language: dict[str, list[str]] = {}
    for text, lang in language_values(value):
        by_language.setdefault(lang, []).append(text)
    return pick(("\n\n".join(unique(texts)), lang) for lang, texts in by_language.items())


def language_values(value: Any) -> list[tuple[str, str]]:
    """Every (text, language) of a IIIF language map: a label in English and in Dutch."""
    if not isinstance(value, dict):
        return []
    return [
        (clean(t), "" if lang in _NO_LANGUAGE else str(lang))
        for lang, texts in value.items()
        for t in (texts if isinstance(texts, list) else [texts])
        if isinstance(t, str)
    ]


def _metadata(manifest: dict[str, Any]) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for entry in manifest.get("metadata") or []:
        if isinstance(entry, dict):
            name, _ = language_map(entry.get("label"))
            value = language_map(entry.get("value"))
            if name and value[0]:
                out.setdefault(name.lower(), value)  # the first of a repeated label
    return out


def _field(meta: dict[str, tuple[str, str]], name: str) -> tuple[str, str, str]:
    """(value, language, label it came from) of the first labelled entry for ``name``."""
    for wanted in LABELS[name]:
        if wanted in meta:
            return (*meta[wanted], wanted)
    return "", "", ""


def maker(value: str) -> Creator | None:
    """A maker from a display string: "Artist: Vincent van Gogh, Dutch, 1853 - 1890"."""
    role = ""
    match = _ROLE.match(value)
    if match:
        role, value = match.group("role"), match.group("rest")
    name = re.split(r"\s\(|,\s", value, maxsplit=1)[0].strip()
    life = _LIFE.search(value[len(name) :])
    if not name or is_anonymous(name):
        return None
    return Creator(name, role, life.group(1) if life else "")


def _date(meta: dict[str, tuple[str, str]]) -> dict[str, Any]:
    value, _, label = _field(meta, "date")
    culture = ""
    if label == "culture & date" and ", " in value:  # "French, 1718–1719"
        culture, value = value.split(", ", 1)
    begin, end = text_years(value)
    return {"date": value, "date_begin": begin, "date_end": end, "culture": culture}


def _image(manifest: dict[str, Any]) -> str:
    """An image a visitor's browser can show small, as its address (docs/formats/iiif.md).

    The publisher's own thumbnail first: it is small and served at any IIIF level. Else a
    small request to the first painted image's service (a service's base URL is not itself an
    image), else that image as given, which may be full size.
    """
    for holder in (manifest, *_canvases(manifest)[:1]):
        for thumb in _dicts(holder.get("thumbnail")):
            if thumb.get("type", "Image") == "Image" and image_src(str(thumb.get("id") or "")):
                return str(thumb["id"])
    for canvas in _canvases(manifest):
        for page in _dicts(canvas.get("items")):
            for annotation in _dicts(page.get("items")):
                body = annotation.get("body")
                if not isinstance(body, dict):
                    continue
                service = next(iter(_dicts(body.get("service"))), {})
                base = str(service.get("id") or service.get("@id") or "")
                kind = str(service.get("type") or service.get("@type") or "")
                request = iiif_image_request(base, kind, _profile(service.get("profile")))
                return request or str(body.get("id") or "")
    return ""


def _profile(value: Any) -> str:
    # Version 2 may give a list: the compliance level's URI, then an object of extra features.
    parts = value if isinstance(value, list) else [value]
    return " ".join(str(part) for part in parts if isinstance(part, str))


def _canvases(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    return _dicts(manifest.get("items"))


def _dicts(value: Any) -> list[dict[str, Any]]:
    """The objects in a JSON list (or the one object given bare); anything else is skipped."""
    items = value if isinstance(value, list) else [value]
    return [item for item in items if isinstance(item, dict)]


def _institution(manifest: dict[str, Any], meta: dict[str, tuple[str, str]]) -> str:
    named = _field(meta, "institution")[0]
    providers = manifest.get("provider") or []
    labels = [language_map(p.get("label"))[0] for p in providers if isinstance(p, dict)]
    return named or next((label for label in labels if label), "")


def _rights(manifest: dict[str, Any], meta: dict[str, tuple[str, str]]) -> str:
    stated = [str(manifest.get("rights") or "")]
    stated += [meta[label][0] for label in LABELS["rights"] if label in meta]
    return "; ".join(unique(line(s) for s in stated if s))


def read_record(manifest: dict[str, Any]) -> Record:
    """The fields of one manifest."""
    meta = _metadata(manifest)
    title, title_lang, _ = _field(meta, "title")
    if not title:
        title, title_lang = language_map(manifest.get("label"))
    text, text_lang = language_map(manifest.get("summary"))
    if not text:
        text, text_lang, _ = _field(meta, "text")
    identifier = _field(meta, "accession_number")[0]
    uri = str(manifest.get("id") or "")
    creator = maker(_field(meta, "creators")[0])
    required = manifest.get("requiredStatement")
    fields: dict[str, Any] = {
        "id": record_id("iiif", identifier, uri),
        "title": title,
        "titles": titles_by_language(language_values(manifest.get("label")), title),
        "creators": [asdict(creator)] if creator else [],
        **_date(meta),
        "medium": _field(meta, "medium")[0],
        "accession_number": identifier,
        "institution": _institution(manifest, meta),
        "rights": _rights(manifest, meta),
        "credit_line": line(language_map(required.get("value"))[0])
        if isinstance(required, dict)
        else "",
        "url": uri,
        "image_url": _image(manifest),
        "language": text_lang or title_lang,
    }
    return Record("iiif", fields, text, dict(WHERE))
