"""Text out of HTML pages and PDF files, with provenance from a sidecar ``.meta.yaml``.

HTML and PDF carry no front matter, so who vetted them and under what licence comes from a
sidecar file ``<name>.<ext>.meta.yaml`` beside them (the same fields as corpus front matter)
or from the curator's ``--vetted-by`` attestation on the command line.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

SIDECAR_SUFFIX = ".meta.yaml"


class ExtractionError(Exception):
    """A file that is not what its name says, or whose text cannot be read."""


# The module an ImportError names -> the PyPI package that provides it, most specific first
# (lxml's HTML cleaner left lxml for a package of its own in lxml 5.2).
_PACKAGE_OF_MODULE = (
    ("lxml.html.clean", "lxml_html_clean"),
    ("lxml_html_clean", "lxml_html_clean"),
    ("lxml", "lxml"),
    ("trafilatura", "trafilatura"),
    ("justext", "justext"),
    ("pypdf", "pypdf"),
)


def missing_dependency(exc: ImportError, purpose: str) -> ExtractionError:
    """An ExtractionError that names the package to install instead of a traceback."""
    module = exc.name or ""
    package = next(
        (pkg for mod, pkg in _PACKAGE_OF_MODULE if module == mod or module.startswith(mod + ".")),
        module.split(".")[0] or "the missing package",
    )
    return ExtractionError(
        f"{purpose} needs the Python package '{package}', which is missing or broken "
        f"({exc}): pip install {package}"
    )


@dataclass(frozen=True)
class Extracted:
    """What a page or PDF yields before provenance is applied.

    Attributes:
        text: The main text, paragraphs separated by blank lines.
        pages: For a PDF, the text of each page in order (page 1 first; "" for a page
            without a text layer). Empty for anything else.
        title: The document's own title, used when the sidecar names none.
        url: The page's canonical address, if it states one.

    """

    text: str
    pages: tuple[str, ...] = ()
    title: str = ""
    url: str = ""


def sidecar_path(path: Path) -> Path:
    """Where the provenance of ``path`` lives (``report.pdf`` -> ``report.pdf.meta.yaml``)."""
    return path.with_name(path.name + SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> dict[str, Any] | None:
    """The sidecar's fields, or None when there is no sidecar.

    Raises:
        ExtractionError: The sidecar exists but is not readable key: value YAML.

    """
    side = sidecar_path(path)
    if not side.is_file():
        return None
    try:
        data = yaml.safe_load(side.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ExtractionError(f"{side.name}: not UTF-8 text") from exc
    except (OSError, yaml.YAMLError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ExtractionError(f"broken sidecar {side.name}: {first}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ExtractionError(f"broken sidecar {side.name}: expected key: value pairs")
    return data


def extract_html(raw: bytes) -> Extracted:
    """The main text of a web page: navigation, footers and cookie banners stripped.

    trafilatura picks the article body the way readers see it; we keep its paragraphs.

    Raises:
        ExtractionError: The page has no main text to speak of.

    """
    try:
        import trafilatura
    except ImportError as exc:
        raise missing_dependency(exc, "reading HTML pages") from exc

    # trafilatura logs every page it finds thin at WARNING; our per-file report says it once.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    doc = trafilatura.bare_extraction(
        raw,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
    )
    text = getattr(doc, "text", None) or ""
    if not text.strip():
        raise ExtractionError("no main text found in the page (is it a script-only page?)")
    # trafilatura puts one paragraph per line; the chunker splits paragraphs at blank lines.
    paragraphs = [" ".join(line.split()) for line in text.splitlines()]
    return Extracted(
        text="\n\n".join(p for p in paragraphs if p),
        title=str(getattr(doc, "title", "") or ""),
        url=str(getattr(doc, "url", "") or ""),
    )


def _page_text(raw: str) -> str:
    # A PDF text layer breaks lines where the typesetter did; blank lines still mean
    # paragraphs. Undo end-of-line hyphenation only between lower-case letters
    # ("catalo-\ngue"), leaving real compounds split across lines as they were.
    text = re.sub(r"(?<=[a-z])-\n(?=[a-z])", "", raw.replace("\r\n", "\n"))
    paragraphs = re.split(r"\n\s*\n", text)
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def extract_pdf(path: Path) -> Extracted:
    """The text layer of a PDF, page by page, so citations can name the page.

    Raises:
        ExtractionError: Not a PDF, encrypted, or no page has a text layer (a scan).

    """
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:
        raise missing_dependency(exc, "reading PDF files") from exc

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # malformed-xref chatter per file
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise ExtractionError("the PDF is encrypted; save an unencrypted copy")
        pages = tuple(_page_text(page.extract_text() or "") for page in reader.pages)
        title = ""
        if reader.metadata is not None and reader.metadata.title:
            title = str(reader.metadata.title)
    except ExtractionError:
        raise
    except (PdfReadError, OSError, ValueError, KeyError) as exc:
        raise ExtractionError(f"not a readable PDF: {exc}") from exc
    if not any(pages):
        raise ExtractionError(
            "no text layer (a scanned PDF?): run OCR first, e.g. ocrmypdf, then ingest again"
        )
    return Extracted(text="\n\n".join(p for p in pages if p), pages=pages, title=title)


def slug(name: str) -> str:
    """A stable id from a file name ("Annual Report 2024.pdf" -> "annual-report-2024")."""
    stem = Path(name).stem
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "document"
