"""A local museum server for harvest tests and bench/harvest_bench.py.

It serves real records from ../shared/data/interop (never copied into the repository): single
files by path, and an OAI-PMH endpoint (``/oai``) whose ListRecords pages are built from the
real LIDO and EDM record files, a few records a page, with resumption tokens, ``from``/
``until`` on datestamps the test assigns, sets, deleted records, OAI-PMH errors, ETags (a
304 for an unchanged page) and faults a test scripts in (429, 500, timeouts, non-XML).
"""

from __future__ import annotations

import base64
import hashlib
import http.server
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

from lxml import etree

LIDO_NS = "http://www.lido-schema.org"


@dataclass
class OaiItem:
    """One record the endpoint lists."""

    identifier: str
    prefix: str  # lido or edm
    datestamp: str  # YYYY-MM-DD
    xml: bytes  # the metadata element (a lido:lido, an rdf:RDF)
    set_spec: str = ""
    deleted: bool = False


@dataclass
class Fault:
    """A scripted reply for the next request whose path and query contain ``match``."""

    match: str
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    times: int = 1  # how many matching requests get it


@dataclass
class Museum:
    """What the server serves and what it saw."""

    files: dict[str, Path] = field(default_factory=dict)  # URL path -> real file
    items: list[OaiItem] = field(default_factory=list)
    page_size: int = 5
    faults: list[Fault] = field(default_factory=list)
    requests: list[tuple[str, int]] = field(default_factory=list)  # (path?query, status)
    user_agents: list[str] = field(default_factory=list)
    bytes_sent: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def lido_items(folder: Path, start: str = "2026-11-01", set_spec: str = "") -> list[OaiItem]:
    """One OAI item per lido:lido in the real files (datestamps one day apart from ``start``)."""
    out = []
    for path in sorted(folder.glob("*.xml")):
        root = etree.parse(str(path)).getroot()
        records = root.findall(f"{{{LIDO_NS}}}lido") if root.tag.endswith("lidoWrap") else [root]
        for n, record in enumerate(records):
            stamp = _day(start, len(out))
            identifier = f"oai:test:lido:{path.stem}:{n}"
            out.append(OaiItem(identifier, "lido", stamp, etree.tostring(record), set_spec))
    return out


def edm_items(folder: Path, start: str = "2026-11-01", set_spec: str = "") -> list[OaiItem]:
    """One OAI item per real RDF/XML EDM file (the JSON conversion is not OAI-PMH material)."""
    out = []
    for path in sorted([*folder.glob("*.xml"), *folder.glob("*.rdf")]):
        root = etree.parse(str(path)).getroot()
        stamp = _day(start, len(out))
        identifier = f"oai:test:edm:{path.stem}"
        out.append(OaiItem(identifier, "edm", stamp, etree.tostring(root), set_spec))
    return out


def _day(start: str, offset: int) -> str:
    import datetime as dt

    return (dt.date.fromisoformat(start) + dt.timedelta(days=offset)).isoformat()


def _token(state: dict[str, str]) -> str:
    return base64.urlsafe_b64encode(json.dumps(state, sort_keys=True).encode()).decode()


def _untoken(token: str) -> dict[str, str] | None:
    try:
        return json.loads(base64.urlsafe_b64decode(token.encode()))
    except ValueError:
        return None


def _envelope(inner: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">'
        "<responseDate>2026-12-03T00:00:00Z</responseDate>"
        f'<request verb="ListRecords">http://localhost/oai</request>{inner}</OAI-PMH>'
    ).encode()


def _error(code: str, text: str) -> bytes:
    return _envelope(f'<error code="{code}">{escape(text)}</error>')


def list_records(museum: Museum, query: dict[str, str]) -> bytes:
    """A ListRecords page (or an OAI-PMH error) for the query."""
    if query.get("verb") != "ListRecords":
        return _error("badVerb", "only ListRecords here")
    if "resumptionToken" in query:
        state = _untoken(query["resumptionToken"])
        if state is None:
            return _error("badResumptionToken", "unknown token")
    else:
        state = {k: query.get(k, "") for k in ("metadataPrefix", "from", "until", "set")}
        state["offset"] = "0"
    prefix = state["metadataPrefix"]
    if prefix not in {i.prefix for i in museum.items}:
        return _error("cannotDisseminateFormat", f"no records in {prefix!r}")
    for bound in ("from", "until"):
        if state[bound] and len(state[bound]) != 10:
            return _error("badArgument", f"{bound} must be YYYY-MM-DD")
    matching = [
        i
        for i in museum.items
        if i.prefix == prefix
        and (not state["from"] or i.datestamp >= state["from"])
        and (not state["until"] or i.datestamp <= state["until"])
        and (not state["set"] or i.set_spec == state["set"])
    ]
    if not matching:
        return _error("noRecordsMatch", "no records match")
    offset = int(state["offset"])
    page = matching[offset : offset + museum.page_size]
    body = "".join(_record(i) for i in page)
    if offset + museum.page_size < len(matching):
        token = _token({**state, "offset": str(offset + museum.page_size)})
        body += f'<resumptionToken completeListSize="{len(matching)}">{token}</resumptionToken>'
    elif offset:
        body += f'<resumptionToken completeListSize="{len(matching)}"/>'
    return _envelope(f"<ListRecords>{body}</ListRecords>")


def _record(item: OaiItem) -> str:
    status = ' status="deleted"' if item.deleted else ""
    spec = f"<setSpec>{item.set_spec}</setSpec>" if item.set_spec else ""
    header = (
        f"<header{status}><identifier>{item.identifier}</identifier>"
        f"<datestamp>{item.datestamp}</datestamp>{spec}</header>"
    )
    if item.deleted:
        return f"<record>{header}</record>"
    return f"<record>{header}<metadata>{item.xml.decode()}</metadata></record>"


class _Handler(http.server.BaseHTTPRequestHandler):
    museum: Museum  # set on the subclass a server makes

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        museum = self.museum
        with museum.lock:
            museum.user_agents.append(self.headers.get("User-Agent", ""))
            fault = next((f for f in museum.faults if f.match in self.path and f.times > 0), None)
            if fault:
                fault.times -= 1
        if fault:
            time.sleep(fault.delay)
            return self._send(fault.status, fault.body, fault.headers)
        parts = urlsplit(self.path)
        if parts.path == "/oai":
            query = {k: v[0] for k, v in parse_qs(parts.query).items()}
            return self._send_cached(list_records(museum, query), "text/xml")
        path = museum.files.get(parts.path)
        if path is None:
            return self._send(404, b"not found")
        modified = formatdate(path.stat().st_mtime, usegmt=True)
        if self.headers.get("If-Modified-Since") == modified:
            return self._send(304, b"")
        self._send(200, path.read_bytes(), {"Last-Modified": modified})

    def _send_cached(self, body: bytes, kind: str) -> None:
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            return self._send(304, b"", {"ETag": etag})
        self._send(200, body, {"ETag": etag, "Content-Type": kind})

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        try:
            self.send_response(status)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            return  # the client gave up (a timeout test)
        with self.museum.lock:
            self.museum.requests.append((self.path, status))
            self.museum.bytes_sent += len(body)


@contextmanager
def serve(museum: Museum) -> Iterator[str]:
    """Serve ``museum`` on a loopback port; yields the base URL."""
    handler = type("Handler", (_Handler,), {"museum": museum})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
