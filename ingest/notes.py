"""A curator's note as a vetted source: a Markdown file with front matter, ingested at once.

The review page saves a note (``assistant.notes``); this module writes its current text as
``<data dir>/notes/curator-note-<id>.md`` with the provenance written for the curator (who,
when, the question it answers, what it is about) and brings the index in step with that one
file through the ordinary ingest (``ingest.pipeline.ingest``: same reader, chunker and
replace-new-before-old writes). A withdrawn note's file and chunks go. Every ``museum-qa
ingest`` also reads the notes folder (``with_notes``), so a rebuilt or pruned index keeps
the active notes.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from assistant.documents import CURATOR_NOTE, creators_from_meta
from assistant.errors import MuseumQAError
from assistant.store import Passage, VectorIndex
from ingest.pipeline import IngestReport, ingest

# The licence a note's text is published under unless the museum says otherwise.
NOTE_LICENSE = "CC-BY-4.0"


class PublishError(MuseumQAError):
    """A note's file was written but the index refused it (the reason is the ingest's)."""


def object_record(index: VectorIndex, accession_number: str) -> Passage | None:
    """The catalogue-record chunk of the object with this accession number, if indexed."""
    number = accession_number.strip()
    for variant in dict.fromkeys([number, number.upper()]):
        for passage in index.find({"accession_number": variant}):
            if passage.kind == "record" and passage.meta.get("source_type") != CURATOR_NOTE:
                return passage
    return None


def front_matter(
    *,
    source_id: str,
    author: str,
    on: dt.date,
    question: str,
    accession_number: str,
    topic: str,
    record: dict[str, Any] | None,
) -> dict[str, Any]:
    """The provenance of a note, as ingest reads it from any vetted Markdown file.

    A note about an object is titled and credited like the object (every chunk is embedded
    with its title and makers, so a question naming the object finds it); it does not carry
    the accession number itself, which names the catalogue record alone.
    """
    meta: dict[str, Any] = {
        "id": source_id,
        "title": str((record or {}).get("title") or topic or accession_number),
        "source_type": CURATOR_NOTE,
        "vetted_by": author,
        "vetted_on": on.isoformat(),
        "license": NOTE_LICENSE,
        "note_author": author,
        "note_date": on.isoformat(),
        "note_question": question,
        "note_accession_number": accession_number,
        "note_topic": topic,
    }
    if record:
        meta["creators"] = [
            {"name": c.name, "role": c.role, "dates": c.dates} for c in creators_from_meta(record)
        ]
        meta["institution"] = str(record.get("institution") or "")
        meta["url"] = str(record.get("url") or "")
    return meta


def note_markdown(meta: dict[str, Any], body: str) -> str:
    """The file: YAML front matter, then the note's Markdown."""
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{head}---\n{body.strip()}\n"


def _write_atomically(path: Path, text: str) -> None:
    # A crash mid-write must not leave half a note for the next ingest to read.
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".md")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)


def publish(
    index: VectorIndex,
    notes_dir: Path,
    *,
    source_id: str,
    body: str,
    meta: dict[str, Any],
) -> IngestReport:
    """Write the note's file and ingest it now (its previous version's chunks are replaced).

    Raises:
        PublishError: The ingest refused the file or could not read it.

    """
    path = notes_dir / f"{source_id}.md"
    _write_atomically(path, note_markdown(meta, body))
    report = ingest([path], index)
    problems = [r.reason for r in report.refused] + [e.reason for e in report.errors]
    if problems:
        raise PublishError(f"the note was not indexed: {'; '.join(problems)}")
    return report


def unpublish(index: VectorIndex, notes_dir: Path, source_id: str) -> int:
    """Remove a withdrawn note's file and its chunks; returns how many chunks went."""
    (notes_dir / f"{source_id}.md").unlink(missing_ok=True)
    ids = [p.chunk_id for p in index.chunks(source_id)]
    index.delete_chunks(ids)
    return len(ids)


def with_notes(paths: Sequence[Path], notes_dir: Path) -> list[Path]:
    """``paths`` and the notes folder, when it holds notes and is not among them already.

    So ``museum-qa ingest corpus/ --prune`` keeps the notes, and a rebuilt index has them.
    """
    out = list(paths)
    if not (notes_dir.is_dir() and any(notes_dir.glob("*.md"))):
        return out
    resolved = {p.resolve() for p in out}
    if notes_dir.resolve() not in resolved and not any(
        r in notes_dir.resolve().parents for r in resolved
    ):
        out.append(notes_dir)
    return out
