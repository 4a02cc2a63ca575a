"""Readers that turn files into vetted SourceDocuments, or say why a document is refused.

Every format ends in ``document_from_fields``: Markdown front matter, a sidecar beside an
HTML page or PDF, and a mapped collection-export record all name the same fields, so one
piece of code decides what is vetted enough to index.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import frontmatter
import yaml

from assistant.documents import Creator, SourceDocument
from ingest.formats import (
    SIDECAR_SUFFIX,
    Extracted,
    ExtractionError,
    extract_html,
    extract_pdf,
    read_sidecar,
    slug,
)
from ingest.mapping import Mapping

MARKDOWN_SUFFIXES = {".md", ".markdown", ".txt"}
HTML_SUFFIXES = {".html", ".htm"}
PDF_SUFFIXES = {".pdf"}
RECORD_SUFFIXES = {".jsonl", ".json", ".csv"}
# Linked Art, IIIF, LIDO and EDM records (ingest/interop); a .json file may hold one too,
# which its content tells.
INTEROP_SUFFIXES = {".xml", ".rdf", ".jsonld"}
KNOWN_SUFFIXES = (
    MARKDOWN_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES | RECORD_SUFFIXES | INTEROP_SUFFIXES
)
READABLE = (
    "Markdown/text with front matter, HTML, PDF, CSV/JSON/JSON Lines collection exports, "
    "and Linked Art, IIIF, LIDO or EDM records (.json, .jsonld, .xml, .rdf)"
)
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


@dataclass(frozen=True)
class Skipped:
    """A file inside a folder that was not read, and why (listed, never silently passed over)."""

    path: str
    reason: str


Loaded = SourceDocument | Refusal | FileError


@dataclass(frozen=True)
class Attestation:
    """A curator's statement that a whole collection export is vetted (for records lacking it)."""

    vetted_by: str
    vetted_on: str


def _skip_reason(path: Path, folder: Path) -> str | None:
    """Why a file found in a folder is not read, or None when it is."""
    name = path.name.lower()
    if any(part.startswith(".") for part in path.relative_to(folder).parts):
        return "hidden"
    if name in SKIPPED_NAMES:
        return "documentation beside the texts, not a curatorial text"
    if name.endswith(SIDECAR_SUFFIX):
        if path.with_name(path.name[: -len(SIDECAR_SUFFIX)]).is_file():
            return None  # read with the file it describes
        return "a sidecar with no file beside it to describe"
    if path.suffix.lower() not in KNOWN_SUFFIXES:
        return f"unknown format {path.suffix or '(none)'!r}; readable: {READABLE}"
    return None


def discover(paths: list[Path]) -> tuple[list[Path], list[FileError], list[Skipped]]:
    """Expand folders into the files we can read; name what we cannot and what we skip."""
    files: list[Path] = []
    errors: list[FileError] = []
    skipped: list[Skipped] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if not child.is_file():
                    continue
                reason = _skip_reason(child, path)
                if reason is None and not child.name.lower().endswith(SIDECAR_SUFFIX):
                    files.append(child)
                elif reason is not None:
                    skipped.append(Skipped(str(child), reason))
        elif path.is_file():
            if path.suffix.lower() in KNOWN_SUFFIXES:
                files.append(path)
            else:
                errors.append(
                    FileError(
                        str(path),
                        f"unknown format {path.suffix or '(none)'!r}; readable: {READABLE}",
                    )
                )
        elif str(path).startswith(("http:/", "https:/")):
            # Path() folds "https://" into "https:/": this was a URL, not a file.
            errors.append(FileError(str(path), "a URL: fetch it with museum-qa harvest URL"))
        else:
            errors.append(FileError(str(path), "no such file or folder"))
    return files, errors, skipped


def load_file(
    path: Path,
    attestation: Attestation | None = None,
    mapping: Mapping | None = None,
    fmt: str | None = None,
) -> Iterator[Loaded]:
    """Yield the documents, refusals and errors one file holds.

    Args:
        path: The file.
        attestation: A curator's vetting for documents that do not carry their own.
        mapping: How to read collection-export records (auto-detected when None).
        fmt: Read .json/.jsonld/.xml/.rdf files as this standard format (``linked-art``,
            ``iiif``, ``lido``, ``edm``) instead of recognising it from their content.

    """
    suffix = path.suffix.lower()
    if suffix in INTEROP_SUFFIXES or (suffix == ".json" and (fmt or mapping is None)):
        loaded = _load_interop(path, attestation, fmt)
        if loaded is not None:
            yield from loaded
            return
    try:
        if suffix in PDF_SUFFIXES:
            yield _load_extracted(path, extract_pdf(path), attestation)
            return
        if suffix in HTML_SUFFIXES:
            yield _load_extracted(path, extract_html(path.read_bytes()), attestation)
            return
        # utf-8-sig: spreadsheet exports often start with a byte-order mark.
        raw = path.read_text(encoding="utf-8-sig" if suffix == ".csv" else "utf-8")
    except UnicodeDecodeError:
        yield FileError(str(path), "not UTF-8 text; re-save the file as UTF-8")
        return
    except ExtractionError as exc:
        yield FileError(str(path), str(exc))
        return
    except OSError as exc:
        yield FileError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    if suffix in RECORD_SUFFIXES:
        from ingest.records import load_records

        yield from load_records(path, raw, attestation, mapping)
    else:
        yield _load_markdown(path, raw, attestation)


def _load_interop(
    path: Path, attestation: Attestation | None, fmt: str | None
) -> Iterator[Loaded] | None:
    """A Linked Art, IIIF, LIDO or EDM file, or None for a .json that is none of them."""
    from ingest import interop

    try:
        data = path.read_bytes()
    except OSError as exc:
        return iter([FileError(str(path), f"cannot read: {exc.strerror or exc}")])
    if path.suffix.lower() == ".json" and fmt is None and interop.recognise(data) is None:
        return None  # a collection export (or our own JSON shape): read through a mapping
    return interop.read(data, str(path), fmt, attestation)


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
        try:
            return int(float(value))  # CSV cells read "1642.0" for an integer year
        except (TypeError, ValueError):
            return None


# A bracket with nothing in it ("Venetian ()": 78 Walters makers, where the source leaves a
# culture's place or dates empty) would be quoted to visitors as part of the maker's name.
_EMPTY_BRACKET = re.compile(r"\s*\(\s*\)")


def _maker_name(value: Any) -> str:
    return _EMPTY_BRACKET.sub("", _text(value)).strip()


def _creators(value: Any) -> tuple[Creator, ...]:
    if isinstance(value, str):
        value = [value]
    out = []
    for item in value or []:
        fields = item if isinstance(item, dict) else {"name": item if isinstance(item, str) else ""}
        name = _maker_name(fields.get("name"))
        if name:
            out.append(Creator(name, _text(fields.get("role")), _text(fields.get("dates"))))
    return tuple(out)


def _other_titles(value: Any) -> tuple[tuple[str, str], ...]:
    """The ``titles`` field: a language code to a title, or to a list of titles.

    ``titles: {fr: "La Ronde de nuit", it: ["La ronda di notte"]}``. Anything else (a bare
    string, a number) is not a title by language and is left out.
    """
    if not isinstance(value, dict):
        return ()
    out: list[tuple[str, str]] = []
    for language, titles in value.items():
        for title in titles if isinstance(titles, list) else [titles]:
            if isinstance(title, str) and title.strip() and str(language).strip():
                out.append((str(language).strip().lower(), title.strip()))
    return tuple(dict.fromkeys(out))


def _load_markdown(path: Path, raw: str, attestation: Attestation | None) -> Loaded:
    if not raw.lstrip().startswith("---"):
        try:
            sidecar = read_sidecar(path)
        except ExtractionError as exc:
            return FileError(str(path), str(exc))
        if sidecar is None:
            return Refusal(
                str(path),
                "no front matter: a vetted text starts with a '---' block naming id, title, "
                f"vetted_by and vetted_on (or has a {path.name}{SIDECAR_SUFFIX} beside it)",
            )
        return document_from_fields(sidecar, raw, origin=str(path), attestation=attestation)
    try:
        post = frontmatter.loads(raw)
    except (yaml.YAMLError, ValueError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return FileError(str(path), f"broken front matter: {first}")
    meta = post.metadata
    if not isinstance(meta, dict):
        return FileError(str(path), "broken front matter: expected key: value pairs")
    return document_from_fields(meta, post.content, origin=str(path))


def _load_extracted(path: Path, found: Extracted, attestation: Attestation | None) -> Loaded:
    """An HTML page or PDF: provenance from its sidecar, else from the attestation."""
    try:
        sidecar = read_sidecar(path)
    except ExtractionError as exc:
        return FileError(str(path), str(exc))
    if sidecar is None and attestation is None:
        return Refusal(
            str(path),
            f"not vetted: no {path.name}{SIDECAR_SUFFIX} naming vetted_by and vetted_on "
            "(or ingest with --vetted-by NAME)",
            slug(path.name),
        )
    meta = dict(sidecar or {})
    # The file's own name and title stand in for what the sidecar leaves out.
    meta.setdefault("id", slug(path.name))
    meta.setdefault("title", found.title)
    meta.setdefault("url", found.url)
    return document_from_fields(
        meta, found.text, origin=str(path), attestation=attestation, pages=found.pages
    )


def document_from_fields(
    meta: dict[str, Any],
    text: str,
    *,
    origin: str,
    attestation: Attestation | None = None,
    require_text: bool = True,
    pages: tuple[str, ...] = (),
    columns: dict[str, str] | None = None,
) -> SourceDocument | Refusal:
    """Validate our own front-matter shape and build a document (shared by every format).

    Args:
        meta: Front-matter fields (``id``, ``title``, ``vetted_by``, ...).
        text: The curatorial prose.
        origin: Where it was read from ("file" or "file:line").
        attestation: Vetting for a document that does not name its own.
        require_text: Refuse a document with no prose (False for catalogue-only exports).
        pages: A PDF's text per page.
        columns: For a mapped record, the column each field came from (for the reasons).

    """
    vetting = _vetting(meta, attestation)
    reason = _why_refused(meta, text, vetting, require_text=require_text, columns=columns)
    if reason:
        return Refusal(origin, reason, _text(meta.get("id")) or None)
    return _document(meta, text, vetting, origin=origin, pages=pages)


def _vetting(meta: dict[str, Any], attestation: Attestation | None) -> tuple[str, str]:
    """Who vetted it and on which day: as the document says, else as the attestation does."""
    vetted_by = _text(meta.get("vetted_by")) or (attestation.vetted_by if attestation else "")
    vetted_on = _text(meta.get("vetted_on")) or (attestation.vetted_on if attestation else "")
    return vetted_by, vetted_on


def _missing(name: str, columns: dict[str, str] | None) -> str:
    column = (columns or {}).get(name)
    return f"missing {name!r}" + (f" (column {column!r})" if column else "")


def _why_refused(
    meta: dict[str, Any],
    text: str,
    vetting: tuple[str, str],
    *,
    require_text: bool,
    columns: dict[str, str] | None,
) -> str | None:
    """The first reason the fields may not enter the index, or None when they may."""
    if not _text(meta.get("id")):
        return _missing("id", columns)
    vetted_by, vetted_on = vetting
    if not vetted_by:
        return "not vetted: no 'vetted_by'"
    if not vetted_on:
        return "not vetted: no 'vetted_on' date"
    if not _text(meta.get("title")):
        return _missing("title", columns)
    if require_text and not text.strip():
        return "empty text" + (f" ({_missing('text', columns)})" if columns else "")
    return None


def _document(
    meta: dict[str, Any],
    text: str,
    vetting: tuple[str, str],
    *,
    origin: str,
    pages: tuple[str, ...],
) -> SourceDocument:
    """The document the fields describe (``_why_refused`` said they may)."""
    vetted_by, vetted_on = vetting
    return SourceDocument(
        source_id=_text(meta.get("id")),
        title=_text(meta.get("title")),
        text=text.strip(),
        vetted_by=vetted_by,
        vetted_on=vetted_on,
        creators=_creators(meta.get("creators")),
        other_titles=_other_titles(meta.get("titles")),
        date=_text(meta.get("date")),
        date_begin=_int_or_none(meta.get("date_begin")),
        date_end=_int_or_none(meta.get("date_end")),
        medium=_text(meta.get("medium")),
        accession_number=_text(meta.get("accession_number")),
        institution=_text(meta.get("institution")),
        url=_text(meta.get("url")),
        license=_text(meta.get("license")),
        culture=_text(meta.get("culture")),
        period=_text(meta.get("period")),
        place_made=_text(meta.get("place_made")),
        place_found=_text(meta.get("place_found")),
        object_type=_text(meta.get("object_type")),
        rights=_text(meta.get("rights")),
        credit_line=_text(meta.get("credit_line")),
        image_url=_text(meta.get("image_url")),
        language=_text(meta.get("language")),
        source_type=_text(meta.get("source_type")),
        origin=origin,
        pages=pages,
    )
