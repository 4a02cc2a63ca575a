"""What saving, withdrawing and restoring a curator's note does, with no Streamlit in it.

Each action first records the version in the answer log (``assistant.notes``: the optimistic
check refuses a save over a version the curator did not see), then brings the live index in
step (``ingest.notes``): the next question is answered from the note's new text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from assistant.note_check import Contradiction, contradictions
from assistant.notes import Note, NoteStore, check_note
from assistant.store import VectorIndex
from ingest.notes import front_matter, object_record, publish, unpublish

# Written in the version's reason when the curator saved over the record check's warning.
DESPITE_WARNING = "saved despite the catalogue-record warning"


@dataclass(frozen=True)
class Draft:
    """What the curator typed in the note form."""

    body: str
    accession_number: str
    topic: str
    question: str
    reason: str


@dataclass(frozen=True)
class Check:
    """The catalogue record a draft was checked against (None: none indexed), and the result."""

    record_title: str | None
    found: tuple[Contradiction, ...]


def check_draft(index: VectorIndex, draft: Draft) -> Check:
    """What the tied object's catalogue record contradicts in the draft (nothing for a topic)."""
    if not draft.accession_number.strip():
        return Check(None, ())
    record = object_record(index, draft.accession_number)
    if record is None:
        return Check(None, ())
    return Check(record.title, tuple(contradictions(draft.body, record)))


def _publish(index: VectorIndex, notes_dir: Path, note: Note) -> None:
    record = object_record(index, note.accession_number) if note.accession_number else None
    meta = front_matter(
        source_id=note.source_id,
        author=note.author,
        on=note.updated_at.date() if note.updated_at else dt.date.today(),
        question=note.question,
        accession_number=note.accession_number,
        topic=note.topic,
        record=record.meta if record else None,
    )
    publish(index, notes_dir, source_id=note.source_id, body=note.body, meta=meta)


def _reason(draft: Draft, despite: bool) -> str:
    return "; ".join(x for x in (draft.reason.strip(), DESPITE_WARNING if despite else "") if x)


def save(
    notes: NoteStore,
    index: VectorIndex,
    notes_dir: Path,
    draft: Draft,
    *,
    author: str,
    note_id: int | None = None,
    seen_version: int = 0,
    item_id: int | None = None,
    despite_warning: bool = False,
) -> Note:
    """Write a new note (``note_id`` None) or a new version of one, and index it now.

    Raises:
        NoteError: The draft cannot be saved (nothing was written).
        StaleNoteError: The note changed since ``seen_version`` (nothing was written).
        PublishError, StoreWriteError: The version is saved but the index did not take it.

    """
    check_note(draft.body, draft.accession_number, draft.topic, draft.question, notes.max_chars)
    reason = _reason(draft, despite_warning)
    if note_id is None:
        note = notes.create(
            draft.body,
            accession_number=draft.accession_number,
            topic=draft.topic,
            question=draft.question,
            author=author,
            reason=reason,
            item_id=item_id,
        )
    else:
        note = notes.edit(
            note_id,
            draft.body,
            question=draft.question,
            author=author,
            reason=reason,
            seen_version=seen_version,
            item_id=item_id,
        )
    _publish(index, notes_dir, note)
    return note


def withdraw(
    notes: NoteStore, index: VectorIndex, notes_dir: Path, note: Note, *, author: str, reason: str
) -> Note:
    """Stop citing the note at once (its versions stay; ``restore`` brings one back)."""
    done = notes.withdraw(note.id, author=author, reason=reason, seen_version=note.version)
    unpublish(index, notes_dir, note.source_id)
    return done


def restore(
    notes: NoteStore,
    index: VectorIndex,
    notes_dir: Path,
    note: Note,
    version: int,
    *,
    author: str,
    reason: str,
) -> Note:
    """Undo: make an earlier version's text the note's again, active, and index it now."""
    done = notes.restore(note.id, version, author=author, reason=reason, seen_version=note.version)
    _publish(index, notes_dir, done)
    return done
