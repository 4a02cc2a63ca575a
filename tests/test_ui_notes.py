"""Curators' notes on the review page under Streamlit's AppTest, on a copy of the test index."""

import os
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.answer_log import AnswerLog
from assistant.auth import UserStore
from assistant.notes import NoteStore
from assistant.store import VectorIndex
from tests.conftest import make_settings
from tests.test_log_store import answered
from tests.test_ui_app import app, sign_in
from ui.services import reset_for_tests

PASSWORD = "correct horse battery"
NOTE = "The Night Watch was cut down on all four sides in 1715 to fit the town hall."


@pytest.fixture
def log_url(indexed_dir, tmp_path, monkeypatch):
    """The app on its own copy of the test index: saving a note writes to it."""
    data = tmp_path / "data"
    shutil.copytree(indexed_dir, data)
    url = f"sqlite:///{tmp_path / 'log.sqlite3'}"
    for name, value in {
        "MUSEUM_QA_DATA_DIR": str(data),
        "MUSEUM_QA_LLM": "scripted",
        "MUSEUM_QA_DB_URL": url,
        "MUSEUM_QA_UI_STREAM_DELAY": "0",
    }.items():
        monkeypatch.setenv(name, value)
    reset_for_tests()
    yield url
    reset_for_tests()


def staff(name: str, role: str = "curator") -> AppTest:
    at = app()
    at.switch_page("views/review.py").run()
    return sign_in(at, name, PASSWORD)


def click(at: AppTest, label: str) -> AppTest:
    at.button[[b.label for b in at.button].index(label)].click().run()
    assert not at.exception, at.exception
    return at


def notes(url: str) -> NoteStore:
    return NoteStore(AnswerLog(url).engine, 4000)


def test_a_note_written_from_an_item_is_saved_indexed_and_resolves_it(log_url):
    UserStore.open(log_url).add("ada", PASSWORD, "curator")
    log = AnswerLog(log_url)
    log.review(log.record(answered()), "needs_source", "", "ada")
    [item] = log.work_items()
    at = click(staff("ada"), "Write a note")
    # Prefilled from the item: its question, and the accession number the answer cited.
    assert at.text_input(key="n_question").value == "Who painted The Night Watch?"
    assert at.text_input(key="n_acc").value == "SK-C-5"
    at.text_area(key="n_body").input(NOTE)
    at.radio(key="n_item_status").set_value("resolved")
    click(at, "Save note")
    [note] = notes(log_url).notes()
    assert (note.body, note.accession_number, note.author) == (NOTE, "SK-C-5", "ada")
    assert notes(log_url).get(note.id, with_versions=True).versions[0].item_id == item["id"]
    assert log.work_item(item["id"])["status"] == "resolved"
    index = VectorIndex.open(make_settings(Path(os.environ["MUSEUM_QA_DATA_DIR"])))
    assert "cut down" in " ".join(p.text for p in index.chunks(note.source_id))


@pytest.mark.parametrize(
    "acc, topic, body, message",
    [
        ("SK-C-5", "", "   ", "Not saved: the note is empty."),
        ("", "", NOTE, "Not saved: give the accession number of an object or a topic"),
        ("SK-C-5", "", "x" * 4001, "Not saved: the note is 4001 characters long"),
    ],
)
def test_bad_input_is_refused_clearly_and_the_text_stays(log_url, acc, topic, body, message):
    UserStore.open(log_url).add("ada", PASSWORD, "curator")
    at = click(staff("ada"), "New note")
    at.text_input(key="n_acc").input(acc)
    at.text_input(key="n_topic").input(topic)
    at.text_area(key="n_body").input(body)
    click(at, "Save note")
    assert any(e.value.startswith(message) for e in at.error), [e.value for e in at.error]
    assert at.text_area(key="n_body").value == body
    assert notes(log_url).notes() == []


def test_a_note_the_record_contradicts_is_held_until_saved_despite_the_warning(log_url):
    UserStore.open(log_url).add("ada", PASSWORD, "curator")
    at = click(staff("ada"), "New note")
    at.text_input(key="n_acc").input("SK-C-5")
    at.text_area(key="n_body").input("The Night Watch was painted by Vermeer.")
    click(at, "Save note")
    [warning] = [w.value for w in at.warning]
    assert "the maker in “The Night Watch was painted by Vermeer.”" in warning
    assert "The Night Watch is by Rembrandt van Rijn" in warning
    assert notes(log_url).notes() == []
    at.checkbox(key="n_despite").check()
    click(at, "Save note")
    [note] = notes(log_url).notes()
    reason = notes(log_url).get(note.id, with_versions=True).versions[0].reason
    assert "despite" in reason


def test_a_racing_edit_is_refused_with_the_text_kept_and_admins_see_the_history(log_url):
    users = UserStore.open(log_url)
    users.add("ada", PASSWORD, "curator")
    users.add("root", PASSWORD, "admin")
    store = notes(log_url)
    note = store.create(NOTE, topic="frames", author="ada")
    ada = click(staff("ada"), "Edit")
    store.edit(note.id, NOTE + " Bob's.", question="", author="bob", reason="", seen_version=1)
    ada.text_area(key="n_body").input(NOTE + " Ada's.")
    click(ada, "Save note")
    [refusal] = [e.value for e in ada.error]
    assert refusal.startswith("Not saved: someone else changed this note")
    assert ada.text_area(key="n_body").value == NOTE + " Ada's."
    assert store.get(note.id).body == NOTE + " Bob's."
    click(ada, "Save note")  # knowingly, over Bob's version
    assert store.get(note.id).body == NOTE + " Ada's."
    assert not [e for e in ada.expander if e.label == "History (admins)"]
    root = staff("root", "admin")
    [history] = [e for e in root.expander if e.label == "History (admins)"]
    text = "\n".join(str(t.value) for t in history.text)
    assert "Version 2" in text and "edited by bob" in text and "Version 3" in text


def test_withdraw_and_restore_from_the_list_and_a_stale_withdrawal_is_refused(log_url):
    UserStore.open(log_url).add("ada", PASSWORD, "curator")
    store = notes(log_url)
    note = store.create(NOTE, accession_number="SK-C-5", author="ada")
    ada = staff("ada")  # sees version 1
    store.edit(note.id, NOTE + " Bob's.", question="", author="bob", reason="", seen_version=1)
    click(ada, "Withdraw")
    assert [e.value for e in ada.error] == [
        "Not done: someone else changed this note since you opened it. Look again."
    ]
    assert store.get(note.id).status == "active"
    ada.text_input(key=f"n_why_{note.id}").input("unsure of the year")
    click(ada, "Withdraw")
    gone = store.get(note.id, with_versions=True)
    assert (gone.status, gone.versions[-1].reason) == ("withdrawn", "unsure of the year")
    ada.selectbox(key=f"n_v_{note.id}").set_value(1)
    click(ada, "Restore this version")
    back = store.get(note.id)
    assert (back.status, back.version, back.body) == ("active", 4, NOTE)


def test_an_unreachable_index_saves_nothing_and_keeps_the_text(log_url, monkeypatch):
    import socket

    with socket.socket() as s:  # a loopback port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("MUSEUM_QA_CHROMA_URL", f"http://127.0.0.1:{port}")
    monkeypatch.setenv("MUSEUM_QA_CHROMA_TIMEOUT", "1")
    reset_for_tests()
    UserStore.open(log_url).add("ada", PASSWORD, "curator")
    at = click(staff("ada"), "New note")
    at.text_input(key="n_acc").input("SK-C-5")
    at.text_area(key="n_body").input(NOTE)
    click(at, "Save note")
    assert any(e.value.startswith("Not saved: the index cannot be reached") for e in at.error)
    assert at.text_area(key="n_body").value == NOTE
    assert notes(log_url).notes() == []
