"""Curators' notes in the answer-log database: versions, withdrawal, undo, races (SQLite, PG)."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import inspect

from assistant.answer_log import AnswerLog
from assistant.audit import AuditFilter, AuditTrail
from assistant.notes import NoteError, NoteStore, StaleNoteError
from tests.test_log_postgres import postgres_server  # noqa: F401
from tests.test_log_store import log_url  # noqa: F401


def store(url: str, max_chars: int = 500) -> NoteStore:
    return NoteStore(AnswerLog(url).engine, max_chars)


def test_the_tables_are_made_by_the_migration(log_url):  # noqa: F811
    log = AnswerLog(log_url)
    with log.engine.connect() as conn:
        assert {"notes", "note_versions"} <= set(inspect(conn).get_table_names())


def test_every_edit_withdrawal_and_undo_is_a_new_version(log_url):  # noqa: F811
    notes = store(log_url)
    note = notes.create(
        "The frame was added in 1890.",
        accession_number="SK-C-5",
        question="When was the frame added?",
        author="ada",
        reason="asked twice this week",
        item_id=7,
    )
    assert (note.version, note.status, note.source_id) == (1, "active", f"curator-note-{note.id}")
    edited = notes.edit(
        note.id,
        "The frame was added in 1891.",
        question="When was the frame added?",
        author="bob",
        reason="the invoice says 1891",
        seen_version=1,
    )
    withdrawn = notes.withdraw(note.id, author="ada", reason="not sure yet", seen_version=2)
    assert (withdrawn.status, withdrawn.body) == ("withdrawn", "The frame was added in 1891.")
    back = notes.restore(note.id, 1, author="ada", reason="", seen_version=3)
    assert (back.status, back.version, back.body) == ("active", 4, "The frame was added in 1890.")
    history = notes.get(note.id, with_versions=True).versions
    assert [(v.version, v.action, v.status, v.author) for v in history] == [
        (1, "written", "active", "ada"),
        (2, "edited", "active", "bob"),
        (3, "withdrawn", "withdrawn", "ada"),
        (4, "restored", "active", "ada"),
    ]
    assert history[0].item_id == 7 and history[1].reason == "the invoice says 1891"
    assert history[3].reason == "restored version 1"
    assert edited.version == 2
    assert [n.id for n in notes.notes(status="active")] == [note.id]
    assert notes.notes(status="withdrawn") == []
    # Each version is attributed in the audit trail too, in the same transaction.
    trail = AuditTrail(notes.engine).events(AuditFilter(), limit=10)
    assert [(e["actor"], e["action"], e["target"]) for e in reversed(trail)] == [
        ("ada", "note.save", f"note:{note.id}"),
        ("bob", "note.save", f"note:{note.id}"),
        ("ada", "note.withdraw", f"note:{note.id}"),
        ("ada", "note.restore", f"note:{note.id}"),
    ]


def test_a_save_over_a_version_it_did_not_see_is_refused_and_writes_nothing(log_url):  # noqa: F811
    notes = store(log_url)
    note = notes.create("Text one.", topic="frames", author="ada")
    notes.edit(note.id, "Text two.", question="", author="bob", reason="", seen_version=1)
    with pytest.raises(StaleNoteError):
        notes.edit(note.id, "Text three.", question="", author="ada", reason="", seen_version=1)
    with pytest.raises(StaleNoteError):
        notes.withdraw(note.id, author="ada", reason="", seen_version=1)
    now = notes.get(note.id, with_versions=True)
    assert (now.version, now.body, len(now.versions)) == (2, "Text two.", 2)


def test_of_two_curators_saving_at_once_exactly_one_lands(log_url):  # noqa: F811
    notes = store(log_url)
    note = notes.create("Start.", topic="frames", author="ada")

    def save(i: int) -> str:
        try:
            notes.edit(
                note.id, f"Edit {i}.", question="", author=f"c{i}", reason="", seen_version=1
            )
            return "saved"
        except StaleNoteError:
            return "refused"

    with ThreadPoolExecutor(4) as pool:
        outcomes = sorted(pool.map(save, range(4)))
    assert outcomes == ["refused"] * 3 + ["saved"]
    assert len(notes.get(note.id, with_versions=True).versions) == 2


@pytest.mark.parametrize(
    "body, accession, topic, said",
    [
        ("   ", "SK-C-5", "", "empty"),
        ("Some text.", "", "  ", "about nothing"),
        ("x" * 501, "SK-C-5", "", "501 characters"),
    ],
)
def test_a_note_that_cannot_be_saved_says_why(log_url, body, accession, topic, said):  # noqa: F811
    notes = store(log_url)
    with pytest.raises(NoteError, match=said):
        notes.create(body, accession_number=accession, topic=topic, author="ada")
    assert notes.notes() == []
