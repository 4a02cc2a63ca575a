"""Europeana EDM: RDF/XML (bare or in an OAI-PMH response) and its XML-to-JSON conversion.

Both spellings are first read into the same small graph (class -> entities, each a bag of
property values with language and resource), so one function picks the fields
(docs/formats/edm.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

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

PREFIXES = {
    "http://www.europeana.eu/schemas/edm/": "edm",
    "http://www.openarchives.org/ore/terms/": "ore",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://purl.org/dc/terms/": "dcterms",
    "http://www.w3.org/2004/02/skos/core#": "skos",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
    "http://xmlns.com/foaf/0.1/": "foaf",
}
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# dcterms:medium is sometimes a credit line (the Rijksmuseum's "Gift of ..."): read as such.
_CREDIT = re.compile(r"^(gift|bequest|purchased|schenking|legaat|aankoop|don|legs)\b", re.I)
WHERE = {
    "title": "ore:Proxy/dc:title",
    "id": "ore:Proxy/dc:identifier, or edm:ProvidedCHO/@rdf:about",
}


@dataclass(frozen=True)
class Value:
    """One property value: a literal with its language, or a resource."""

    text: str = ""
    lang: str = ""
    resource: str = ""


@dataclass
class Entity:
    """One RDF resource of the record: its URI and its properties."""

    about: str
    props: dict[str, list[Value]] = field(default_factory=dict)

    def get(self, prop: str) -> list[Value]:
        """The values of ``prop`` ("dc:title")."""
        return self.props.get(prop, [])


Graph = dict[str, list[Entity]]


def records(parsed: Any) -> Iterator[Record]:
    """The record an EDM document describes (one ProvidedCHO).

    Raises:
        NotThisFormat: Neither RDF/XML with EDM classes nor EDM as XML-to-JSON.

    """
    graph = _from_xml(parsed) if isinstance(parsed, etree._Element) else _from_json(parsed)
    if not graph.get("ore:Proxy") and not graph.get("edm:ProvidedCHO"):
        raise NotThisFormat("no ore:Proxy or edm:ProvidedCHO in this record")
    yield read_record(graph)


def _qname(tag: str) -> str:
    name = etree.QName(tag)
    return f"{PREFIXES.get(name.namespace or '', name.namespace)}:{name.localname}"


def _from_xml(root: etree._Element) -> Graph:
    # An OAI-PMH response wraps the rdf:RDF; namespaces may be declared on every element.
    rdf = root if etree.QName(root).localname == "RDF" else next(root.iter(f"{{{_RDF}}}RDF"), None)
    if rdf is None:
        raise NotThisFormat(f"no rdf:RDF element (root <{etree.QName(root).localname}>)")
    graph: Graph = {}
    for element in rdf.iter():
        if not isinstance(element.tag, str) or element.get(f"{{{_RDF}}}about") is None:
            continue
        entity = Entity(element.get(f"{{{_RDF}}}about") or "")
        for child in element:
            if isinstance(child.tag, str):
                value = Value(
                    clean(child.text),
                    child.get(_LANG) or "",
                    child.get(f"{{{_RDF}}}resource") or "",
                )
                entity.props.setdefault(_qname(child.tag), []).append(value)
        graph.setdefault(_qname(element.tag), []).append(entity)
    return graph


def _json_value(raw: Any) -> Value:
    if isinstance(raw, dict):
        return Value(
            clean(raw.get("#value")), str(raw.get("@lang") or ""), str(raw.get("@resource") or "")
        )
    return Value(clean(raw))


def _from_json(data: Any) -> Graph:
    if not isinstance(data, dict):
        raise NotThisFormat("expected a JSON object keyed by EDM class ('ore:Proxy', ...)")
    graph: Graph = {}
    for cls, items in data.items():
        if ":" not in cls or not isinstance(items, list):
            continue
        for item in items:
            if isinstance(item, dict):
                props = {
                    k: [_json_value(v) for v in (vs if isinstance(vs, list) else [vs])]
                    for k, vs in item.items()
                    if not k.startswith("@")
                }
                graph.setdefault(cls, []).append(Entity(str(item.get("@about") or ""), props))
    return graph


def _provider_proxy(graph: Graph) -> Entity:
    proxies = graph.get("ore:Proxy", [])
    # Europeana's own proxy holds its enrichments; the provider's holds what the museum said.
    own = [p for p in proxies if not any(v.text == "true" for v in p.get("edm:europeanaProxy"))]
    return (own or proxies or graph.get("edm:ProvidedCHO", [Entity("")]))[0]


def _labels(graph: Graph) -> dict[str, list[Value]]:
    """PrefLabels of every contextual entity by URI (agents, time spans, concepts)."""
    return {
        e.about: e.get("skos:prefLabel")
        for es in graph.values()
        for e in es
        if e.get("skos:prefLabel")
    }


def _resolved(values: list[Value], labels: dict[str, list[Value]]) -> list[tuple[str, str]]:
    """Literal values, and resources named by a label in the record (a bare URI names nothing)."""
    out = []
    for v in values:
        if v.text:
            out.append((v.text, v.lang))
        elif v.resource in labels:
            out.append(pick((lv.text, lv.lang) for lv in labels[v.resource]))
    return [(t, lang) for t, lang in out if t]


def _dates(proxy: Entity, graph: Graph, labels: dict[str, list[Value]]) -> dict[str, Any]:
    values = proxy.get("dcterms:created") or proxy.get("dc:date")
    display = pick(_resolved(values, labels))[0]
    spans = {e.about: e for e in graph.get("edm:TimeSpan", [])}
    span = next((spans[v.resource] for v in values if v.resource in spans), None)
    begin = end = None
    if span is not None:  # "1937-01-01", or Java's "Mon Jan 01 01:00:00 CET 1601"
        begin = text_years(" ".join(v.text for v in span.get("edm:begin")))[0]
        end = text_years(" ".join(v.text for v in span.get("edm:end")))[1]
    if begin is None and end is None:
        begin, end = text_years(display)
    return {"date": display, "date_begin": begin, "date_end": end}


def _medium_and_credit(proxy: Entity, labels: dict[str, list[Value]]) -> dict[str, str]:
    # Literals are the museum's own words; a concept's label only stands in when none is given.
    values = proxy.get("dcterms:medium")
    media = _resolved([v for v in values if v.text] or values, labels)
    credits = [(t, lang) for t, lang in media if _CREDIT.match(t)]
    materials = [(t, lang) for t, lang in media if not _CREDIT.match(t)]
    if not materials:  # the Rijksmuseum names materials in dc:format
        materials = [
            (t, lang) for t, lang in _resolved(proxy.get("dc:format"), labels) if "/" not in t
        ]
    preferred = [t for t, lang in materials if lang == pick(materials)[1]]
    return {"medium": ", ".join(unique(preferred)), "credit_line": pick(credits)[0]}


def _object_type(proxy: Entity, labels: dict[str, list[Value]]) -> str:
    """What kind of object it is ("Clavichord"), from dc:type: names, not classification numbers.

    MIMO types an instrument twice: by keyword and by its Hornbostel-Sachs number and class
    ("314.122-4-8 True board zithers ..."), which no visitor calls it.
    """
    named = [(t, lang) for t, lang in _resolved(proxy.get("dc:type"), labels) if not t[0].isdigit()]
    return pick(named)[0]


def _identifier(proxy: Entity, graph: Graph) -> str:
    ids = [v.text for v in proxy.get("dc:identifier") if v.text]
    # A handle or URL identifies the web page; the inventory number is the plain one.
    plain = [i for i in ids if "://" not in i]
    chosen = (
        plain
        or ids
        or [e.about for e in graph.get("edm:ProvidedCHO", []) if e.about.startswith("#")]
        or [""]
    )[0]
    return chosen.lstrip("#")


def _aggregation(graph: Graph, labels: dict[str, list[Value]]) -> dict[str, str]:
    agg = (graph.get("ore:Aggregation") or [Entity("")])[0]
    first = {
        p: next((v.resource or v.text for v in agg.get(p) if v.resource or v.text), "")
        for p in ("edm:isShownAt", "edm:isShownBy", "edm:object")
    }
    return {
        "institution": pick(_resolved(agg.get("edm:dataProvider"), labels))[0],
        "rights": "; ".join(
            unique(
                [v.resource or v.text for v in agg.get("edm:rights")]
                + [v.text for v in agg.get("dc:rights")]
            )
        ),
        "url": first["edm:isShownAt"] or agg.about,
        "image_url": first["edm:isShownBy"] or first["edm:object"],
    }


def read_record(graph: Graph) -> Record:
    """The fields of one EDM record, from the provider's proxy and aggregation."""
    proxy = _provider_proxy(graph)
    labels = _labels(graph)
    tagged_titles = list(_resolved(proxy.get("dc:title"), labels))
    title, title_lang = pick(tagged_titles)
    described = [(v.text, v.lang) for v in proxy.get("dc:description") if v.text]
    text_lang = pick(described)[1]
    # The descriptions in the chosen language (the others say the same in another).
    text = "\n\n".join(unique(t for t, lang in described if lang == text_lang))
    makers = [
        Creator(name)
        for name, _ in _resolved(proxy.get("dc:creator"), labels)
        if not is_anonymous(name)
    ]
    identifier = _identifier(proxy, graph)
    cho = (graph.get("edm:ProvidedCHO") or [Entity(proxy.about)])[0]
    fields: dict[str, Any] = {
        "id": record_id("edm", identifier, cho.about or proxy.about),
        "title": title,
        "titles": titles_by_language(tagged_titles, title),
        "creators": [asdict(c) for c in makers],
        **_dates(proxy, graph, labels),
        **_medium_and_credit(proxy, labels),
        "accession_number": identifier,
        "object_type": _object_type(proxy, labels),
        **_aggregation(graph, labels),
        "language": text_lang or title_lang,
    }
    # dc:rights may sit on the proxy too ("Public Domain"), beside the aggregation's edm:rights.
    held = [fields["rights"], *(v.text for v in proxy.get("dc:rights") if v.text)]
    fields["rights"] = "; ".join(unique(r for r in held if r))
    return Record("edm", fields, text, dict(WHERE))
