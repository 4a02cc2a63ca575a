"""Curators' notes: short vetted texts tied to an object or a topic, every version kept.

A note lives in the answer-log database (tables from migration 0008): ``notes`` holds what
it is about and its status, ``note_versions`` every text it ever had, who wrote it, when and
why. Versions are only ever added: an edit, a withdrawal and an undo are each a new version,
so an admin can read the whole story and nothing a curator wrote is lost. A save names the
version the curator saw; a note changed since is refused (``StaleNoteError``), as work items
are (``assistant.answer_log.StaleItemError``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, get_args

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from assistant.answer_log import Base, WorkItemRow, _utc
from assistant.audit import record_audit
from assistant.errors import MuseumQAError

NoteStatus = Literal["active", "withdrawn"]
NOTE_STATUSES: tuple[str, ...] = get_args(NoteStatus)
# What a version did: first written, edited, withdrawn, or an earlier version brought back.
NoteAction = Literal["written", "edited", "withdrawn", "restored"]
# Column widths (the migration's): an accession number, a topic, a question.
TARGET_CHARS = 200
QUESTION_CHARS = 1000


class NoteError(MuseumQAError):
    """A note that cannot be saved as written (empty, about nothing, too long)."""


class StaleNoteError(MuseumQAError):
    """The note changed since the curator opened it (another curator saved first)."""


class NoteRow(Base):
    """What a note is about and where it stands; its texts are its versions."""

    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    accession_number: Mapped[str] = mapped_column(String(TARGET_CHARS), default="", index=True)
    topic: Mapped[str] = mapped_column(String(TARGET_CHARS), default="")
    status: Mapped[str] = mapped_column(String(16), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    # The number of its latest version: a save names the one the curator saw.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class NoteVersionRow(Base):
    """One version of a note; rows are only ever added."""

    __tablename__ = "note_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("notes.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)  # unique with note_id (the migration's index)
    action: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))  # the note's status from this version on
    body: Mapped[str] = mapped_column(Text)
    question: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    reason: Mapped[str] = mapped_column(Text, default="")
    item_id: Mapped[int | None] = mapped_column(Integer, nullable=True)  # the work item, if any


@dataclass(frozen=True)
class NoteVersion:
    """One version as read back."""

    version: int
    action: str
    status: str
    body: str
    question: str
    author: str
    created_at: dt.datetime
    reason: str
    item_id: int | None


@dataclass(frozen=True)
class Note:
    """A note with its latest version's text (``versions``: oldest first, when asked for)."""

    id: int
    accession_number: str
    topic: str
    status: str
    version: int
    body: str
    question: str
    author: str
    updated_at: dt.datetime
    created_at: dt.datetime
    versions: tuple[NoteVersion, ...] = ()

    @property
    def source_id(self) -> str:
        """The id its text has in the index."""
        return source_id_of(self.id)

    @property
    def about(self) -> str:
        """The accession number, else the topic: what the note is tied to."""
        return self.accession_number or self.topic


def check_note(
    body: str, accession_number: str, topic: str, question: str, max_chars: int
) -> tuple[str, str, str, str]:
    """The note's fields trimmed, or a ``NoteError`` saying what is wrong with them."""
    body, accession_number, topic = body.strip(), accession_number.strip(), topic.strip()
    question = " ".join(question.split())
    if not body:
        raise NoteError("the note is empty: write what visitors should be told")
    if not (accession_number or topic):
        raise NoteError("the note is about nothing: give an accession number or a topic")
    if len(body) > max_chars:
        raise NoteError(f"the note is {len(body)} characters long; at most {max_chars} are allowed")
    for name, value, limit in (
        ("accession number", accession_number, TARGET_CHARS),
        ("topic", topic, TARGET_CHARS),
        ("question", question, QUESTION_CHARS),
    ):
        if len(value) > limit:
            raise NoteError(f"the {name} is {len(value)} characters long; at most {limit}")
    return body, accession_number, topic, question


def _version(v: NoteVersionRow) -> NoteVersion:
    return NoteVersion(
        version=v.version,
        action=v.action,
        status=v.status,
        body=v.body,
        question=v.question,
        author=v.author,
        created_at=_utc(v.created_at) or v.created_at,
        reason=v.reason,
        item_id=v.item_id,
    )


def _note(row: NoteRow, latest: NoteVersionRow, versions: tuple[NoteVersion, ...] = ()) -> Note:
    return Note(
        id=row.id,
        accession_number=row.accession_number,
        topic=row.topic,
        status=row.status,
        version=row.version,
        body=latest.body,
        question=latest.question,
        author=latest.author,
        updated_at=_utc(row.updated_at) or row.updated_at,
        created_at=_utc(row.created_at) or row.created_at,
        versions=versions,
    )


class NoteStore:
    """Notes and their versions in the answer-log database (``AnswerLog.engine``)."""

    def __init__(self, engine: Engine, max_chars: int):
        """Use the log's engine (its migrations made the tables); notes up to ``max_chars``."""
        self.engine = engine
        self.max_chars = max_chars

    def create(
        self,
        body: str,
        *,
        accession_number: str = "",
        topic: str = "",
        question: str = "",
        author: str,
        reason: str = "",
        item_id: int | None = None,
    ) -> Note:
        """Write a new note (version 1); raises ``NoteError`` for a note that cannot be."""
        body, accession_number, topic, question = check_note(
            body, accession_number, topic, question, self.max_chars
        )
        now = dt.datetime.now(dt.UTC)
        with Session(self.engine) as session, session.begin():
            row = NoteRow(
                accession_number=accession_number,
                topic=topic,
                status="active",
                created_at=now,
                updated_at=now,
                version=1,
            )
            session.add(row)
            session.flush()
            first = _version_row(
                row.id, 1, "written", "active", body, question, author, now, reason, item_id
            )
            session.add(first)
            _audit(session, author, "written", row.id, 1, accession_number or topic)
            session.flush()
            return _note(row, first)

    def edit(
        self,
        note_id: int,
        body: str,
        *,
        question: str,
        author: str,
        reason: str,
        seen_version: int,
        item_id: int | None = None,
    ) -> Note:
        """A new version with this text (the note stays tied to what it was about).

        Raises:
            NoteError: The text cannot be saved (empty, too long).
            KeyError: No note has that id.
            StaleNoteError: The note changed since ``seen_version``; nothing was written.

        """
        current = self.get(note_id)
        if current is None:
            raise KeyError(note_id)
        body, _, _, question = check_note(
            body, current.accession_number, current.topic, question, self.max_chars
        )
        return self._add(
            note_id, "edited", "active", body, question, author, reason, seen_version, item_id
        )

    def withdraw(self, note_id: int, *, author: str, reason: str, seen_version: int) -> Note:
        """Stop citing the note: a version that keeps its text and marks it withdrawn."""
        current = self._current(note_id)
        return self._add(
            note_id,
            "withdrawn",
            "withdrawn",
            current.body,
            current.question,
            author,
            reason,
            seen_version,
            None,
        )

    def restore(
        self, note_id: int, version: int, *, author: str, reason: str, seen_version: int
    ) -> Note:
        """Undo: a new, active version with the text of an earlier one (nothing is deleted).

        Raises:
            KeyError: No such note, or it has no such version.
            StaleNoteError: The note changed since ``seen_version``; nothing was written.

        """
        current = self.get(note_id, with_versions=True)
        if current is None:
            raise KeyError(note_id)
        old = next((v for v in current.versions if v.version == version), None)
        if old is None:
            raise KeyError(f"note {note_id} has no version {version}")
        return self._add(
            note_id,
            "restored",
            "active",
            old.body,
            old.question,
            author,
            reason or f"restored version {version}",
            seen_version,
            None,
        )

    def _current(self, note_id: int) -> Note:
        current = self.get(note_id)
        if current is None:
            raise KeyError(note_id)
        return current

    def _add(
        self,
        note_id: int,
        action: str,
        status: str,
        body: str,
        question: str,
        author: str,
        reason: str,
        seen_version: int,
        item_id: int | None,
    ) -> Note:
        """Append a version if the note is still at ``seen_version`` (one step, see below)."""
        now = dt.datetime.now(dt.UTC)
        stale = StaleNoteError(f"note {note_id} changed since version {seen_version}")
        try:
            with Session(self.engine) as session, session.begin():
                # The version in the WHERE makes the check and the write one step: of two
                # curators who saw the same version, the second one's update matches no row.
                done = session.execute(
                    update(NoteRow)
                    .where(NoteRow.id == note_id, NoteRow.version == seen_version)
                    .values(status=status, updated_at=now, version=seen_version + 1)
                    .execution_options(synchronize_session=False)
                )
                if not done.rowcount:  # type: ignore[attr-defined]
                    raise stale
                latest = _version_row(
                    note_id,
                    seen_version + 1,
                    action,
                    status,
                    body,
                    question,
                    author,
                    now,
                    reason,
                    item_id,
                )
                session.add(latest)
                _audit(session, author, action, note_id, seen_version + 1)
        except IntegrityError as exc:  # the unique (note, version) index: a racing save
            raise stale from exc
        found = self.get(note_id)
        assert found is not None
        return found

    # -- reading -----------------------------------------------------------------------------

    def get(self, note_id: int, *, with_versions: bool = False) -> Note | None:
        """One note with its latest text (and every version, oldest first, when asked)."""
        with Session(self.engine) as session:
            row = session.get(NoteRow, note_id)
            if row is None:
                return None
            rows = list(
                session.scalars(
                    select(NoteVersionRow)
                    .where(NoteVersionRow.note_id == note_id)
                    .order_by(NoteVersionRow.version)
                )
            )
            versions = tuple(_version(v) for v in rows) if with_versions else ()
            return _note(row, rows[-1], versions)

    def sources_by_answer(self) -> dict[int, list[str]]:
        """The active notes' source ids, by the answer whose work item a version was written for.

        A note written from an item answers that item's question: turned into an eval case,
        the reviewed answer's gold source is the note (evals/log_cli.py).
        """
        query = (
            select(WorkItemRow.answer_id, NoteRow.id)
            .join(NoteVersionRow, NoteVersionRow.item_id == WorkItemRow.id)
            .join(NoteRow, NoteRow.id == NoteVersionRow.note_id)
            .where(NoteRow.status == "active")
            .distinct()
        )
        found: dict[int, list[str]] = {}
        with Session(self.engine) as session:
            for answer_id, note_id in session.execute(query):
                found.setdefault(answer_id, []).append(source_id_of(note_id))
        return found

    def notes(self, status: str | None = None) -> list[Note]:
        """Every note (or those with ``status``), most recently changed first."""
        query = select(NoteRow, NoteVersionRow).join(
            NoteVersionRow,
            (NoteVersionRow.note_id == NoteRow.id) & (NoteVersionRow.version == NoteRow.version),
        )
        if status is not None:
            query = query.where(NoteRow.status == status)
        query = query.order_by(NoteRow.updated_at.desc(), NoteRow.id.desc())
        with Session(self.engine) as session:
            return [_note(row, latest) for row, latest in session.execute(query)]


def _version_row(
    note_id: int,
    version: int,
    action: str,
    status: str,
    body: str,
    question: str,
    author: str,
    now: dt.datetime,
    reason: str,
    item_id: int | None,
) -> NoteVersionRow:
    """One version of a note as stored: what it said, who wrote it, when and why."""
    return NoteVersionRow(
        note_id=note_id,
        version=version,
        action=action,
        status=status,
        body=body,
        question=question,
        author=author,
        created_at=now,
        reason=reason.strip(),
        item_id=item_id,
    )


def source_id_of(note_id: int) -> str:
    """The id a note's text has in the index."""
    return f"curator-note-{note_id}"


# A note's versions say what changed; the audit trail says who changed which note, when.
_AUDITED = {
    "written": "note.save",
    "edited": "note.save",
    "withdrawn": "note.withdraw",
    "restored": "note.restore",
}


def _audit(
    session: Session, author: str, action: str, note_id: int, version: int, about: str = ""
) -> None:
    """Attribute a note's new version in the audit trail, in the same transaction."""
    details: dict[str, object] = {"version": version, "change": action}
    if about:
        details["about"] = about
    record_audit(session, author, _AUDITED[action], f"note:{note_id}", details)
