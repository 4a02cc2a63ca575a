"""OAI-PMH ``ListRecords``: walk the pages of a museum's endpoint, record by record.

Each ``<record>``'s ``<metadata>`` child (a ``lido:lido``, an ``rdf:RDF``) becomes one
record's bytes for ``ingest.interop.read``; a ``<header status="deleted">`` record has no
metadata and is reported instead. ``resumptionToken``s are followed until the list ends.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urlencode

from lxml import etree

from ingest.harvest.http import HarvestError, PoliteClient

OAI = "http://www.openarchives.org/OAI/2.0/"
PREFIXES = ("lido", "edm")
# Never resolve entities or fetch DTDs named by a page: it is a stranger's XML.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)


@dataclass(frozen=True)
class OaiRecord:
    """One record of the list: its metadata's bytes, or none when deleted at the source."""

    identifier: str
    datestamp: str
    data: bytes | None  # None: <header status="deleted">
    origin: str  # a GetRecord URL for exactly this record (provenance and messages)

    @property
    def deleted(self) -> bool:
        """True when the endpoint says the record was deleted."""
        return self.data is None


@dataclass(frozen=True)
class Page:
    """One ListRecords reply."""

    records: list[OaiRecord]
    token: str  # "" when the list is complete
    complete_size: int | None  # how many records the whole list holds, when the server says


def _q(name: str) -> str:
    return f"{{{OAI}}}{name}"


def _text(element: etree._Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def parse_page(body: bytes, url: str, endpoint: str, prefix: str) -> Page:
    """Records and resumption token of one reply; OAI-PMH errors raise ``HarvestError``.

    ``noRecordsMatch`` is not an error: nothing matched (nothing new since ``from``).
    """
    try:
        root = etree.fromstring(body, _PARSER)
    except etree.XMLSyntaxError as exc:
        start = body[:60].decode("utf-8", "replace").strip()
        raise HarvestError(
            f"{url} is not an OAI-PMH reply: not XML ({exc}); it starts {start!r}"
        ) from exc
    if root.tag != _q("OAI-PMH"):
        raise HarvestError(
            f"{url} is not an OAI-PMH reply: its root element is <{etree.QName(root).localname}>"
        )
    error = root.find(_q("error"))
    if error is not None:
        code = error.get("code", "")
        if code == "noRecordsMatch":
            return Page([], "", 0)
        raise HarvestError(_error_message(code, _text(error), url, endpoint, prefix))
    listing = root.find(_q("ListRecords"))
    if listing is None:
        raise HarvestError(f"{url} is an OAI-PMH reply without ListRecords")
    records = [_record(r, endpoint, prefix) for r in listing.iterfind(_q("record"))]
    token_el = listing.find(_q("resumptionToken"))
    size = token_el.get("completeListSize") if token_el is not None else None
    return Page(records, _text(token_el), int(size) if size and size.isdigit() else None)


def _record(element: etree._Element, endpoint: str, prefix: str) -> OaiRecord:
    header = element.find(_q("header"))
    identifier = _text(header.find(_q("identifier"))) if header is not None else ""
    datestamp = _text(header.find(_q("datestamp"))) if header is not None else ""
    origin = f"{endpoint}?" + urlencode(
        {"verb": "GetRecord", "identifier": identifier, "metadataPrefix": prefix}
    )
    if header is not None and header.get("status") == "deleted":
        return OaiRecord(identifier, datestamp, None, origin)
    metadata = element.find(_q("metadata"))
    child = next(iter(metadata), None) if metadata is not None else None
    while child is not None and not isinstance(child.tag, str):
        child = child.getnext()  # a comment or processing instruction before the record
    # tostring carries the namespace declarations the record inherits from the page.
    data = etree.tostring(child, encoding="utf-8") if child is not None else b""
    return OaiRecord(identifier, datestamp, data, origin)


def _error_message(code: str, text: str, url: str, endpoint: str, prefix: str) -> str:
    said = f" ({text})" if text else ""
    if code == "cannotDisseminateFormat":
        return (
            f"{endpoint} does not offer metadataPrefix {prefix!r}{said}; the formats it offers "
            f"are listed at {endpoint}?verb=ListMetadataFormats"
        )
    if code == "badArgument":
        return (
            f"{endpoint} refused the request as a bad argument{said}: check --from/--until "
            "(YYYY-MM-DD, or the endpoint's own granularity) and --set. Asked: " + url
        )
    if code == "badResumptionToken":
        return (
            f"{endpoint} no longer accepts its resumption token{said} (it may have expired "
            "during a long harvest). Records already read were kept; run the harvest again"
        )
    if code == "noSetHierarchy":
        return f"{endpoint} has no sets{said}: harvest without --set"
    return f"{endpoint} answered OAI-PMH error {code or '(no code)'}{said}. Asked: {url}"


def list_records(
    client: PoliteClient,
    endpoint: str,
    prefix: str,
    *,
    since: str | None = None,
    until: str | None = None,
    oai_set: str | None = None,
    on_page: Callable[[Page], None] | None = None,
) -> Iterator[OaiRecord]:
    """Every record of ``ListRecords``, following resumption tokens until the list ends."""
    params = {"verb": "ListRecords", "metadataPrefix": prefix}
    params.update({k: v for k, v in (("from", since), ("until", until), ("set", oai_set)) if v})
    seen: set[str] = set()
    while True:
        fetched = client.get(endpoint, params)
        page = parse_page(fetched.body, fetched.url, endpoint, prefix)
        if on_page:
            on_page(page)
        yield from page.records
        if not page.token:
            return
        if page.token in seen:  # a server handing out the same token again would loop forever
            raise HarvestError(f"{endpoint} repeated resumption token {page.token!r}")
        seen.add(page.token)
        params = {"verb": "ListRecords", "resumptionToken": page.token}
