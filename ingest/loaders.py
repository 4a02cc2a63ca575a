"""Readers that turn files into vetted SourceDocuments, or say why a document is refused."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import frontmatter
import yaml

from assistant.documents import Creator, SourceDocument

MARKDOWN_SUFFIXES = {".md", ".markdown", ".txt"}
RECORD_SUFFIXES = {".jsonl", ".json"}
# Documentation that lives beside a corpus is not a curatorial text.
SKIPPED_NAMES = {"readme.md", "license", "license.md", "licence.md", "contributing.md"}


@dataclass(frozen=True)
class Refusal:
    """A document that was read but may not enter the index."""

    origin: str
    reason: str
    source_id: str | None = None


@dataclass(frozen=True)
class FileError:
    """A file that could not be read at all; whatever it held before stays indexed."""

    path: str
    reason: str


Loaded = SourceDocument | Refusal | FileError


@dataclass(frozen=True)
class Attestation:
    """A curator's statement that a whole collection export is vetted (for records lacking it)."""

    vetted_by: str
    vetted_on: str


def discover(paths: list[Path]) -> tuple[list[Path], list[FileError]]:
    """Expand folders into the files we can read; name what we cannot."""
    files: list[Path] = []
    errors: list[FileError] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if (
                    child.is_file()
                    and child.name.lower() not in SKIPPED_NAMES
                    and not any(part.startswith(".") for part in child.relative_to(path).parts)
                    and child.suffix.lower() in MARKDOWN_SUFFIXES | RECORD_SUFFIXES
                ):
                    files.append(child)
        elif path.is_file():
            if path.suffix.lower() in MARKDOWN_SUFFIXES | RECORD_SUFFIXES:
                files.append(path)
            else:
                errors.append(
                    FileError(
                        str(path),
                        f"unknown format {path.suffix or '(none)'!r}; "
                        "use Markdown with front matter or JSON Lines records",
                    )
                )
        else:
            errors.append(FileError(str(path), "no such file or folder"))
    return files, errors


def load_file(path: Path, attestation: Attestation | None = None) -> Iterator[Loaded]:
    """Yield the documents, refusals and errors one file holds."""
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        yield FileError(str(path), "not UTF-8 text; re-save the file as UTF-8")
        return
    except OSError as exc:
        yield FileError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    if path.suffix.lower() in RECORD_SUFFIXES:
        yield from _load_records(path, raw, attestation)
    else:
        yield _load_markdown(path, raw)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _int_or_none(value: Any) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _creators(value: Any) -> tuple[Creator, ...]:
    if isinstance(value, str):
        return (Creator(value.strip()),) if value.strip() else ()
    out = []
    for item in value or []:
        if isinstance(item, dict) and _text(item.get("name")):
            out.append(
                Creator(_text(item.get("name")), _text(item.get("role")), _text(item.get("dates")))
            )
        elif isinstance(item, str) and item.strip():
            out.append(Creator(item.strip()))
    return tuple(out)


def _load_markdown(path: Path, raw: str) -> Loaded:
    if not raw.lstrip().startswith("---"):
        return Refusal(
            str(path),
            "no front matter: a vetted text starts with a '---' block "
            "naming id, title, vetted_by and vetted_on",
        )
    try:
        post = frontmatter.loads(raw)
    except (yaml.YAMLError, ValueError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return FileError(str(path), f"broken front matter: {first}")
    meta = post.metadata
    if not isinstance(meta, dict):
        return FileError(str(path), "broken front matter: expected key: value pairs")
    return document_from_fields(meta, post.content, origin=str(path))


def document_from_fields(
    meta: dict[str, Any], text: str, *, origin: str, attestation: Attestation | None = None
) -> SourceDocument | Refusal:
    """Validate our own front-matter shape and build a document (shared by Markdown and JSON)."""
    source_id = _text(meta.get("id"))
    if not source_id:
        return Refusal(origin, "missing 'id'")
    vetted_by = _text(meta.get("vetted_by")) or (attestation.vetted_by if attestation else "")
    vetted_on = _text(meta.get("vetted_on")) or (attestation.vetted_on if attestation else "")
    if not vetted_by:
        return Refusal(origin, "not vetted: no 'vetted_by'", source_id)
    if not vetted_on:
        return Refusal(origin, "not vetted: no 'vetted_on' date", source_id)
    title = _text(meta.get("title"))
    if not title:
        return Refusal(origin, "missing 'title'", source_id)
    if not text.strip():
        return Refusal(origin, "empty text", source_id)
    return SourceDocument(
        source_id=source_id,
        title=title,
        text=text.strip(),
        vetted_by=vetted_by,
        vetted_on=vetted_on,
        creators=_creators(meta.get("creators")),
        date=_text(meta.get("date")),
        date_begin=_int_or_none(meta.get("date_begin")),
        date_end=_int_or_none(meta.get("date_end")),
        medium=_text(meta.get("medium")),
        accession_number=_text(meta.get("accession_number")),
        institution=_text(meta.get("institution")),
        url=_text(meta.get("url")),
        license=_text(meta.get("license")),
        culture=_text(meta.get("culture")),
        place_made=_text(meta.get("place_made")),
        object_type=_text(meta.get("object_type")),
        origin=origin,
    )


def _walters(
    record: dict[str, Any], origin: str, attestation: Attestation | None
) -> SourceDocument | Refusal:
    """A record in the Walters Art Museum open-data shape (see shared/data's README)."""
    licence = record.get("license") or {}
    places = [
        g.get("term", "")
        for g in record.get("geographies") or []
        if isinstance(g, dict) and g.get("type", "Place of Origin") == "Place of Origin"
    ]
    meta = {
        "id": record.get("id") or f"walters-{record.get('object_id')}",
        "title": record.get("title"),
        "creators": [
            {"name": c.get("name"), "role": c.get("role")}
            for c in record.get("creators") or []
            if isinstance(c, dict)
        ],
        "date": record.get("date"),
        "date_begin": record.get("date_begin_year"),
        "date_end": record.get("date_end_year"),
        "medium": record.get("medium"),
        "accession_number": record.get("accession_number"),
        "institution": "The Walters Art Museum, Baltimore",
        "url": record.get("source_url"),
        "license": (
            f"text {licence.get('description')}; metadata {licence.get('other_fields')}"
            if isinstance(licence, dict) and licence
            else ""
        ),
        "culture": record.get("culture") or "",
        "place_made": ", ".join(p for p in places if p),
        "object_type": record.get("object_name") or record.get("classification") or "",
        "vetted_by": record.get("vetted_by"),
        "vetted_on": record.get("vetted_on"),
    }
    return document_from_fields(
        meta, _text(record.get("description")), origin=origin, attestation=attestation
    )


def _load_records(path: Path, raw: str, attestation: Attestation | None) -> Iterator[Loaded]:
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield FileError(str(path), f"invalid JSON: {exc.msg} at line {exc.lineno}")
            return
        items = data if isinstance(data, list) else [data]
        lines = [(i + 1, item) for i, item in enumerate(items)]
    else:
        lines = []
        for lineno, line in enumerate(raw.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                lines.append((lineno, json.loads(line)))
            except json.JSONDecodeError as exc:
                yield Refusal(f"{path}:{lineno}", f"invalid JSON: {exc.msg}")
    for lineno, record in lines:
        origin = f"{path}:{lineno}"
        if not isinstance(record, dict):
            yield Refusal(origin, "a record must be a JSON object")
        elif "description" in record and "accession_number" in record:
            yield _walters(record, origin, attestation)
        else:
            yield document_from_fields(
                record,
                _text(record.get("text") or record.get("body")),
                origin=origin,
                attestation=attestation,
            )
