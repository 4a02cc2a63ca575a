"""IIIF Presentation 3 manifests: recognised, not read yet (see docs/formats/iiif.md)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ingest.interop.common import NotThisFormat, Record


def records(parsed: Any) -> Iterator[Record]:
    """Not implemented yet: a manifest is reported as a file error, never silently passed.

    Raises:
        NotThisFormat: Always, naming what is missing.

    """
    raise NotThisFormat("reading IIIF Presentation 3 manifests is not implemented yet")
    yield  # pragma: no cover  (a generator, like the other readers)
