"""LIDO XML: one record per ``lido:lido`` element (paths and quirks: docs/formats/lido.md)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict

from lxml import etree

from assistant.documents import Creator
from ingest.interop.common import (
    NotThisFormat,
    Record,
    clean,
    is_anonymous,
    pick,
    record_id,
    text_years,
    titles_by_language,
    unique,
)

LIDO = "http://www.lido-schema.org"
NS = {"lido": LIDO}
_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_PREF = f"{{{LIDO}}}pref"
_TYPE = f"{{{LIDO}}}type"
_LABEL = f"{{{LIDO}}}label"
# The production event by its LIDO term (lido00007) or its name in the record's language.
_PRODUCTION_CONCEPT = "http://terminology.lido-schema.org/lido00007"
_PRODUCTION_TERMS = {"production", "herstellung", "creation", "productie", "producție"}
# The workID types that name the accession or inventory number, most specific first.
_INVENTORY_TYPES = ("inventory number", "inventarnummer", "accession number", "objectnummer")
_DESCRIPTIVE = "lido:descriptiveMetadata"
_IDENT = f"{_DESCRIPTIVE}/lido:objectIdentificationWrap"
WHERE = {
    "title": f"{_IDENT}/lido:titleWrap/lido:titleSet/lido:appellationValue",
    "id": f"{_IDENT}/lido:repositoryWrap/lido:repositorySet/lido:workID, or lido:lidoRecID",
}


def records(root: etree._Element) -> Iterator[Record]:
    """Every LIDO record under ``root`` (a ``lidoWrap``, a single ``lido``, or a wrapper).

    Raises:
        NotThisFormat: The XML holds no LIDO record.

    """
    found = root.xpath("descendant-or-self::lido:lido", namespaces=NS)
    if not found:
        raise NotThisFormat(
            f"no lido:lido record in this XML (root <{etree.QName(root).localname}>)"
        )
    for element in found:
        yield read_record(element)


def _lang(element: etree._Element) -> str:
    # xml:lang is on the value or on a wrapper (descriptiveMetadata xml:lang="ro").
    value = element.get(_LANG) or next(
        (a.get(_LANG) for a in element.iterancestors() if a.get(_LANG)), ""
    )
    return str(value or "").lower()


def _values(element: etree._Element, path: str) -> list[tuple[str, str]]:
    return [(clean(e.text), _lang(e)) for e in element.xpath(path, namespaces=NS)]


def _first(element: etree._Element, path: str) -> str:
    return next((v for v, _ in _values(element, path) if v), "")


def _titles(lido: etree._Element) -> list[tuple[str, str]]:
    """(title, language) of the object's own titles: the preferred ones, in each language."""
    names = lido.xpath(
        f"{_IDENT}/lido:titleWrap/lido:titleSet/lido:appellationValue", namespaces=NS
    )
    preferred = [e for e in names if e.get(_PREF) == "preferred"]
    # A series title is a second titleSet marked "alternate"; it never stands for the object.
    chosen = preferred or [e for e in names if e.get(_PREF) != "alternate"]
    return [(clean(e.text), _lang(e)) for e in chosen]


def _title(lido: etree._Element) -> tuple[str, str]:
    return pick(_titles(lido))


def _production(lido: etree._Element) -> etree._Element | None:
    # Only the object's own events: a photo's subjectEvent describes the object it shows.
    for event in lido.xpath(
        f"{_DESCRIPTIVE}/lido:eventWrap/lido:eventSet/lido:event", namespaces=NS
    ):
        concepts = {c.text for c in event.xpath("lido:eventType/lido:conceptID", namespaces=NS)}
        terms = {
            clean(t.text).lower() for t in event.xpath("lido:eventType/lido:term", namespaces=NS)
        }
        if _PRODUCTION_CONCEPT in concepts or terms & _PRODUCTION_TERMS:
            return event
    return None


def _creators(event: etree._Element) -> list[Creator]:
    out = []
    for actor in event.xpath("lido:eventActor/lido:actorInRole", namespaces=NS):
        names = actor.xpath("lido:actor/lido:nameActorSet/lido:appellationValue", namespaces=NS)
        preferred = [n for n in names if n.get(_PREF) == "preferred"] or names
        name = clean(preferred[0].text) if preferred else ""
        if not name or is_anonymous(name):
            continue
        role, _ = pick(_values(actor, "lido:roleActor/lido:term"))
        early = _first(actor, "lido:actor/lido:vitalDatesActor/lido:earliestDate")
        late = _first(actor, "lido:actor/lido:vitalDatesActor/lido:latestDate")
        dates = f"{early}–{late}" if early and late else early or late
        out.append(Creator(name, role, dates))
    return out


def _event_fields(event: etree._Element | None) -> dict[str, object]:
    if event is None:
        return {}
    date = _first(event, "lido:eventDate/lido:displayDate")
    begin = _first(event, "lido:eventDate/lido:date/lido:earliestDate")
    end = _first(event, "lido:eventDate/lido:date/lido:latestDate")
    low, high = text_years(date)
    materials = event.xpath("lido:eventMaterialsTech/lido:displayMaterialsTech", namespaces=NS)
    # The INP export splits materials from techniques by label; others give one statement.
    wanted = [m for m in materials if m.get(_LABEL) == "material"] or [
        m for m in materials if m.get(_LABEL) != "technique"
    ]
    return {
        "creators": [asdict(c) for c in _creators(event)],
        "date": date,
        "date_begin": text_years(begin)[0] if begin else low,
        "date_end": text_years(end)[1] if end else high,
        "medium": "; ".join(unique(clean(m.text) for m in wanted)),
    }


def _identifier(lido: etree._Element) -> str:
    path = f"{_IDENT}/lido:repositoryWrap/lido:repositorySet/lido:workID"
    ids = lido.xpath(path, namespaces=NS)
    for wanted in _INVENTORY_TYPES:
        for element in ids:
            if str(element.get(_TYPE) or "").lower() == wanted and clean(element.text):
                return clean(element.text)
    return next((clean(e.text) for e in ids if clean(e.text)), "")


def _rights_type(element: etree._Element) -> str:
    term = _first(element, "lido:rightsType/lido:term")
    uri = _first(element, "lido:rightsType/lido:conceptID")
    return f"{term} ({uri})" if term and uri and term != uri else term or uri


def _rights(lido: etree._Element) -> dict[str, str]:
    admin = "lido:administrativeMetadata"
    record_rights = lido.xpath(f"{admin}/lido:recordWrap/lido:recordRights", namespaces=NS)
    holders = unique(
        v
        for v, _ in _values(
            lido,
            f"{admin}/lido:rightsWorkWrap/lido:rightsWorkSet/lido:rightsHolder"
            "/lido:legalBodyName/lido:appellationValue",
        )
    )
    image = lido.xpath(
        f"{admin}/lido:resourceWrap/lido:resourceSet/lido:rightsResource", namespaces=NS
    )
    # Kept apart: the record's licence is not the image's, nor the work's (README "Rights").
    parts = ([f"work: {', '.join(holders)}"] if holders else []) + [
        f"image: {r}" for r in unique(_rights_type(e) for e in image)
    ]
    return {
        "license": "; ".join(unique(_rights_type(e) for e in record_rights)),
        "rights": "; ".join(parts),
        "credit_line": "; ".join(
            unique(v for v, _ in _values(lido, f"{admin}/lido:rightsWorkWrap//lido:creditLine"))
        ),
    }


def read_record(lido: etree._Element) -> Record:
    """The fields of one ``lido:lido`` element."""
    title, title_lang = _title(lido)
    notes = lido.xpath(
        f"{_IDENT}/lido:objectDescriptionWrap/lido:objectDescriptionSet/lido:descriptiveNoteValue",
        namespaces=NS,
    )
    text = "\n\n".join(unique(clean(n.text) for n in notes))
    text_lang = next((_lang(n) for n in notes if clean(n.text)), "")
    identifier = _identifier(lido)
    rec_id = _first(lido, "lido:lidoRecID")
    admin = "lido:administrativeMetadata"
    fields: dict[str, object] = {
        "id": record_id("lido", identifier, rec_id),
        "title": title,
        "titles": titles_by_language(_titles(lido), title),
        "accession_number": identifier,
        "institution": _first(
            lido,
            f"{_IDENT}/lido:repositoryWrap/lido:repositorySet/lido:repositoryName"
            "/lido:legalBodyName/lido:appellationValue",
        ),
        "object_type": pick(
            _values(
                lido,
                f"{_DESCRIPTIVE}/lido:objectClassificationWrap/lido:objectWorkTypeWrap"
                "/lido:objectWorkType/lido:term",
            )
        )[0],
        "url": _first(lido, f"{admin}/lido:recordWrap/lido:recordInfoSet/lido:recordInfoLink")
        or _first(lido, "lido:objectPublishedID"),
        "image_url": _first(
            lido,
            f"{admin}/lido:resourceWrap/lido:resourceSet/lido:resourceRepresentation"
            "/lido:linkResource",
        ),
        "language": text_lang or title_lang,
        **_event_fields(_production(lido)),
        **_rights(lido),
    }
    return Record("lido", fields, text, dict(WHERE))
