"""Curators' notes as vetted sources: real Chroma, the real embedder, the real answer path."""

import pytest

from assistant.answer_log import AnswerLog
from assistant.documents import CURATOR_NOTE
from assistant.fakes import ScriptedChatModel
from assistant.notes import NoteError, NoteStore, StaleNoteError
from assistant.service import build_assistant
from ingest.notes import with_notes
from ingest.pipeline import ingest
from tests.conftest import TEST_CORPUS, make_settings
from tests.test_api import client_for
from ui.note_actions import DESPITE_WARNING, Draft, check_draft, restore, save, withdraw

QUESTION = "Why was The Night Watch cut down?"
BODY = (
    "The Night Watch was cut down on all four sides in 1715. It was moved to the town hall "
    "of Amsterdam, and the canvas was trimmed to fit between two doors there."
)


@pytest.fixture
def museum(fresh_index, tmp_path):
    settings, index = fresh_index
    ingest([TEST_CORPUS], index)
    notes = NoteStore(AnswerLog(f"sqlite:///{tmp_path / 'log.sqlite3'}").engine, 2000)
    return settings, index, notes


def ask(settings, index, question):
    assistant = build_assistant(settings, model=ScriptedChatModel(), retriever=index)
    return assistant.ask(question)


def draft(body=BODY, accession="SK-C-5", topic="", reason=""):
    return Draft(body, accession, topic, QUESTION, reason)


def test_a_saved_note_answers_the_next_visitor_and_is_cited_as_a_curators_note(museum):
    settings, index, notes = museum
    note = save(notes, index, settings.notes_path, draft(), author="ada")
    answer = ask(settings, index, QUESTION)
    assert answer.outcome == "answered", answer.refusal_reason
    cited = [c for c in answer.citations if c.source_type == CURATOR_NOTE]
    assert cited and cited[0].source_id == note.source_id
    assert (cited[0].vetted_by, cited[0].title) == ("ada", "The Night Watch")
    # The answer's sentence was verified against the note's own text.
    by_note = [s for s in answer.sentences if cited[0].n in s.citations]
    assert by_note and all(s.text in BODY for s in by_note if s.origin == "source")
    contract = answer.to_contract()["citations"]
    assert {c["source_type"] for c in contract} >= {CURATOR_NOTE}
    written = (settings.notes_path / f"{note.source_id}.md").read_text()
    assert f"note_question: {QUESTION}" in written and "vetted_by: ada" in written


def test_an_edit_replaces_the_indexed_text_and_a_withdrawal_removes_it(museum):
    settings, index, notes = museum
    note = save(notes, index, settings.notes_path, draft(), author="ada")
    new = BODY.replace("two doors", "two columns")
    note = save(
        notes,
        index,
        settings.notes_path,
        draft(new),
        author="bob",
        note_id=note.id,
        seen_version=1,
    )
    texts = " ".join(p.text for p in index.chunks(note.source_id))
    assert "two columns" in texts and "two doors" not in texts
    gone = withdraw(notes, index, settings.notes_path, note, author="ada", reason="check first")
    assert index.chunks(note.source_id) == []
    assert not (settings.notes_path / f"{note.source_id}.md").exists()
    assert all(c.source_type != CURATOR_NOTE for c in ask(settings, index, QUESTION).citations)
    back = restore(notes, index, settings.notes_path, gone, 1, author="ada", reason="undo")
    texts = " ".join(p.text for p in index.chunks(note.source_id))
    assert back.status == "active" and "two doors" in texts


def test_a_racing_edit_and_bad_input_leave_the_index_as_it_was(museum):
    settings, index, notes = museum
    note = save(notes, index, settings.notes_path, draft(), author="ada")
    save(
        notes,
        index,
        settings.notes_path,
        draft(BODY + " Ok."),
        author="bob",
        note_id=note.id,
        seen_version=1,
    )
    with pytest.raises(StaleNoteError):
        save(
            notes,
            index,
            settings.notes_path,
            draft("Lost?"),
            author="ada",
            note_id=note.id,
            seen_version=1,
        )
    with pytest.raises(NoteError):
        save(notes, index, settings.notes_path, draft("  "), author="ada")
    with pytest.raises(NoteError):
        save(notes, index, settings.notes_path, draft(accession="", topic=""), author="ada")
    assert "Lost?" not in " ".join(p.text for p in index.chunks(note.source_id))
    assert len(notes.notes()) == 1


def test_the_record_check_finds_what_the_real_index_contradicts(museum):
    settings, index, notes = museum
    wrong = "The Night Watch was painted by Vermeer in 1750. It is oil on canvas."
    check = check_draft(index, draft(wrong))
    assert check.record_title == "The Night Watch"
    assert [(c.field, c.record_says) for c in check.found] == [
        ("creator", "The Night Watch is by Rembrandt van Rijn (painter, 1606–1669)."),
        ("date", "The Night Watch is dated 1642."),
    ]
    assert check_draft(index, draft()).found == ()
    assert check_draft(index, draft(wrong, accession="", topic="frames")).found == ()
    note = save(notes, index, settings.notes_path, draft(wrong), author="ada", despite_warning=True)
    assert DESPITE_WARNING in notes.get(note.id, with_versions=True).versions[0].reason


def test_a_topic_note_answers_and_a_full_ingest_keeps_the_notes(museum):
    settings, index, notes = museum
    hours = (
        "The museum's galleries are closed on Mondays for cleaning. On other days they open "
        "at ten in the morning."
    )
    note = save(
        notes,
        index,
        settings.notes_path,
        draft(hours, accession="", topic="opening hours"),
        author="ada",
    )
    answer = ask(settings, index, "Is the museum open on Mondays?")
    assert [(c.title, c.source_type) for c in answer.citations] == [("opening hours", CURATOR_NOTE)]
    assert "closed on Mondays" in answer.answer
    report = ingest(with_notes([TEST_CORPUS], settings.notes_path), index, prune=True)
    assert note.source_id not in report.removed
    assert index.chunks(note.source_id)
    # An index rebuilt from nothing in the same data dir has the note again.
    for doc in index.documents().values():
        index.delete_chunks(doc.chunk_ids)
    ingest(with_notes([TEST_CORPUS], settings.notes_path), index)
    assert hours in " ".join(p.text for p in index.chunks(note.source_id))


def test_the_api_says_a_cited_source_is_a_curators_note(museum, tmp_path):
    settings, index, notes = museum
    note = save(notes, index, settings.notes_path, draft(), author="ada")
    api = make_settings(
        settings.data_dir, db_url=f"sqlite:///{tmp_path / 'api.sqlite3'}", ui_stream_delay=0
    )
    with client_for(api) as client:
        response = client.post("/ask", json={"question": QUESTION})
    assert response.status_code == 200
    cited = [c for c in response.json()["citations"] if c["source_type"] == CURATOR_NOTE]
    assert cited and cited[0]["vetted_by"] == "ada"
    assert cited[0]["vetted_on"] == note.updated_at.date().isoformat()
