"""Records in the standard museum formats: Linked Art, IIIF Presentation 3, LIDO and EDM.

``read`` is the one entry point: it takes one file's (or one harvested record's) bytes, finds
the format from the content unless told, and yields documents, refusals or a file error, as
``ingest.loaders.load_file`` does for every other format.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ingest.interop import edm, iiif, lido, linked_art
from ingest.interop.common import FORMATS, NotThisFormat, Record, to_loaded
from ingest.interop.detect import describe, detect, parse
from ingest.loaders import Attestation, FileError, Loaded

__all__ = ["FORMATS", "read"]

_READERS: dict[str, Callable[[Any], Iterable[Record]]] = {
    "linked-art": linked_art.records,
    "iiif": iiif.records,
    "lido": lido.records,
    "edm": edm.records,
}


def read(
    data: bytes, origin: str, fmt: str | None = None, attestation: Attestation | None = None
) -> Iterator[Loaded]:
    """Documents (or refusals) from one file's bytes in a standard format.

    Args:
        data: The file's bytes (XML or JSON).
        origin: Where they came from, for provenance and messages (a path, a harvest URL).
        fmt: ``linked-art``, ``iiif``, ``lido`` or ``edm``; found from the content when None.
        attestation: The curator's vetting: these formats carry none of their own.

    """
    if fmt is not None and fmt not in _READERS:
        yield FileError(origin, f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
        return
    try:
        parsed = parse(data)
    except NotThisFormat as exc:
        yield FileError(origin, str(exc))
        return
    chosen = fmt or detect(parsed)
    if chosen is None:
        yield FileError(
            origin,
            f"not a record in a known format: {describe(parsed)}; readable: "
            + ", ".join(FORMATS.values())
            + " (or our own JSON export shape; force one with --format)",
        )
        return
    try:
        found = list(_READERS[chosen](parsed))
    except NotThisFormat as exc:
        yield FileError(origin, f"not {FORMATS[chosen]}: {exc}")
        return
    for n, record in enumerate(found, start=1):
        # Several records in one file (a lidoWrap) are told apart as "file:N".
        yield to_loaded(record, origin if len(found) == 1 else f"{origin}:{n}", attestation)


def recognise(data: bytes) -> str | None:
    """The format of ``data`` if it is one of the four (for choosing a reader by content)."""
    try:
        return detect(parse(data))
    except NotThisFormat:
        return None
