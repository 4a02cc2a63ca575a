"""Collection exports (CSV, JSON, JSON Lines): one SourceDocument per record, via a mapping."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ingest.loaders import Attestation, FileError, Loaded, Refusal, document_from_fields
from ingest.mapping import Mapping, bundled_mappings, detect_mapping


def load_records(
    path: Path, raw: str, attestation: Attestation | None, mapping: Mapping | None
) -> Iterator[Loaded]:
    """Yield one document (or refusal) per record of a collection export.

    Without a ``mapping``, each record's shape is recognised from the bundled mappings
    (the Walters shape, for one), else read as our own front-matter shape (``id``,
    ``title``, ``text``...). A CSV has no such fallback: its columns must be mapped.
    """
    suffix = path.suffix.lower()
    if suffix == ".csv":
        yield from _csv(path, raw, attestation, mapping)
        return
    rows: list[tuple[int, Any]] = []
    if suffix == ".json":
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield FileError(str(path), f"invalid JSON: {exc.msg} at line {exc.lineno}")
            return
        items = _json_items(data, mapping)
        rows = [(i + 1, item) for i, item in enumerate(items)]
    else:
        for lineno, line in enumerate(raw.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                rows.append((lineno, json.loads(line)))
            except json.JSONDecodeError as exc:
                yield Refusal(f"{path}:{lineno}", f"invalid JSON: {exc.msg}")
    for lineno, record in rows:
        origin = f"{path}:{lineno}"
        if not isinstance(record, dict):
            yield Refusal(origin, "a record must be a JSON object")
            continue
        shape = mapping or detect_mapping(set(record))
        if shape is not None:
            yield from_mapping(shape, record, origin, attestation)
        else:
            yield document_from_fields(
                record,
                str(record.get("text") or record.get("body") or ""),
                origin=origin,
                attestation=attestation,
            )


def _json_items(data: Any, mapping: Mapping | None) -> list[Any]:
    """The records of a JSON document: a list, a wrapper such as ``{"data": [...]}``, or one."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        candidates = [mapping] if mapping else list(bundled_mappings())
        for m in candidates:
            if m.records and isinstance(data.get(m.records), list):
                return list(data[m.records])
    return [data]


def from_mapping(
    mapping: Mapping, record: dict[str, Any], origin: str, attestation: Attestation | None
) -> Loaded:
    """One record read through a mapping (a refusal names the column that was empty)."""
    meta, text = mapping.apply(record)
    return document_from_fields(
        meta,
        text,
        origin=origin,
        attestation=attestation,
        require_text=mapping.require_text,
        columns={name: mapping.column_of(name) for name in ("id", "title", "text")},
    )


def _csv(
    path: Path, raw: str, attestation: Attestation | None, mapping: Mapping | None
) -> Iterator[Loaded]:
    reader = csv.DictReader(io.StringIO(raw, newline=""))
    try:
        header = set(reader.fieldnames or [])
    except csv.Error as exc:
        yield FileError(str(path), f"not a readable CSV: {exc}")
        return
    if not header:
        yield FileError(str(path), "empty CSV: no header row")
        return
    mapping = mapping or detect_mapping(header)
    if mapping is None:
        shown = ", ".join(sorted(header)[:8])
        yield FileError(
            str(path),
            f"no mapping for these CSV columns ({shown}, ...): pass --mapping FILE "
            "(see ingest/mappings/README.md)",
        )
        return
    try:
        for row in reader:
            # line_num is where the row ends; a quoted cell may span several lines.
            yield from_mapping(mapping, row, f"{path}:{reader.line_num}", attestation)
    except csv.Error as exc:
        yield FileError(f"{path}:{reader.line_num}", f"not a readable CSV: {exc}")
