"""Which standard format a record's bytes are in, from their content alone."""

from __future__ import annotations

import json
from typing import Any

from lxml import etree

from ingest.interop.common import NotThisFormat

_LINKED_ART_TYPES = {"HumanMadeObject", "ManMadeObject"}
_EDM_JSON_KEYS = {"ore:Proxy", "edm:ProvidedCHO", "ore:Aggregation"}
_EDM = "http://www.europeana.eu/schemas/edm/"
_LIDO = "http://www.lido-schema.org"
# Never fetch a DTD or expand an entity from a file we were handed.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)

# An XML root, or decoded JSON.
Parsed = Any


def parse(data: bytes) -> Parsed:
    """The bytes as an XML tree (when they start with "<") or as JSON.

    Raises:
        NotThisFormat: Neither well-formed XML nor valid JSON, with the parser's reason.

    """
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"<":
        try:
            return etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError as exc:
            raise NotThisFormat(f"broken XML: {exc}") from exc
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise NotThisFormat("not UTF-8 text") from exc
    except json.JSONDecodeError as exc:
        raise NotThisFormat(f"neither XML nor JSON: {exc.msg} at line {exc.lineno}") from exc


def _contexts(record: dict[str, Any]) -> str:
    context = record.get("@context")
    items = context if isinstance(context, list) else [context]
    return " ".join(str(c) for c in items if isinstance(c, str))


def detect(parsed: Parsed) -> str | None:
    """The ``--format`` name of a parsed record, or None when it is none of the four."""
    if isinstance(parsed, etree._Element):
        return _detect_xml(parsed)
    if not isinstance(parsed, dict):
        return None
    types = parsed.get("type")
    types = set(types) if isinstance(types, list) else {types}
    context = _contexts(parsed)
    # A version 2 manifest is recognised too, so its reader can say it needs converting.
    if "iiif.io/api/presentation/" in context:
        return "iiif"
    # The Yale record's context has a typo ("linked.art.ns.v1"): the object type decides.
    if types & _LINKED_ART_TYPES or "linked.art" in context:
        return "linked-art"
    if _EDM_JSON_KEYS & set(parsed):
        return "edm"
    return None


def _detect_xml(root: etree._Element) -> str | None:
    namespaces = {etree.QName(e).namespace for e in root.iter() if isinstance(e.tag, str)}
    if _LIDO in namespaces:
        return "lido"
    if _EDM in namespaces:  # RDF/XML, bare or in an OAI-PMH response
        return "edm"
    return None


def describe(parsed: Parsed) -> str:
    """What unrecognised content looks like, for the error message."""
    if isinstance(parsed, etree._Element):
        name = etree.QName(parsed)
        return f"XML with root <{name.localname}> in namespace {name.namespace or '(none)'}"
    if isinstance(parsed, dict):
        keys = ", ".join(sorted(parsed)[:6])
        return f"a JSON object with keys {keys}"
    return f"JSON {type(parsed).__name__}"
