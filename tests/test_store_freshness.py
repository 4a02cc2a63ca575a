"""An embedded index written by another process is searched as it is now, without a restart.

Real Chroma on disk, the real embedder, real second processes (``museum-qa ingest``,
``museum-qa serve``): a reader opened first must find what a later writer added, and stop
finding what it deleted; a writer does not reopen for its own writes; a missing or garbled
change stamp never breaks a search.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from assistant.answer_log import AnswerLog
from assistant.documents import CURATOR_NOTE
from assistant.notes import NoteStore
from assistant.settings import Settings
from assistant.store import VectorIndex, stamp_path
from ingest.pipeline import ingest
from tests.conftest import REPO, TEST_CORPUS, make_settings
from tests.servers import ServeProcess
from ui.note_actions import Draft, save

HOKUSAI = """---
id: test-great-wave
title: "The Great Wave off Kanagawa"
creators:
  - name: "Katsushika Hokusai"
    role: "printmaker"
date: "about 1831"
medium: "woodblock print; ink and colour on paper"
object_type: "print"
accession_number: "JP1847"
institution: "Test Museum"
license: "CC-BY-4.0"
vetted_by: "museum-qa test fixtures"
vetted_on: 2026-11-24
---
Hokusai's woodblock print shows a towering wave about to break over three fishing boats,
with Mount Fuji small in the distance between the troughs.
"""
WAVE = "Which print shows a huge wave over fishing boats with Mount Fuji behind?"


def run_cli(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``museum-qa`` in another process on the same data dir."""
    env = {**os.environ, "MUSEUM_QA_DATA_DIR": str(settings.data_dir), "HF_HUB_OFFLINE": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "ui.cli", *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def wave_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "great-wave.md").write_text(HOKUSAI)
    return folder


def sources(index: VectorIndex, question: str) -> set[str]:
    return {p.source_id for p in index.search(question, 4)}


def counted(index: VectorIndex) -> list[int]:
    """A list that grows by one at each reopen of ``index``."""
    reopens: list[int] = []
    index.on_reopen = lambda: reopens.append(1)
    return reopens


def test_a_reader_finds_what_another_process_ingested_later(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data")
    reader = VectorIndex.open(settings, create=True)
    ingest([TEST_CORPUS], reader)
    reopens = counted(reader)
    assert "test-great-wave" not in sources(reader, WAVE)  # loaded before the new document

    run_cli(settings, "ingest", str(wave_corpus(tmp_path)))

    assert "test-great-wave" in sources(reader, WAVE)
    assert reader.get_record("test-great-wave") is not None
    assert len(reopens) == 1  # once for the other process's ingest, not at every call


def test_a_source_another_process_removed_is_no_longer_found(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data")
    corpus = tmp_path / "corpus"
    shutil.copytree(TEST_CORPUS, corpus)
    reader = VectorIndex.open(settings, create=True)
    ingest([corpus], reader)
    question = "Who painted The Night Watch?"
    reopens = counted(reader)
    assert "test-night-watch" in sources(reader, question)

    (corpus / "night-watch.md").unlink()
    run_cli(settings, "ingest", "--prune", str(corpus))

    # Chroma hides deleted chunks from an open handle by itself; what this adds is that the
    # reader reopens once for the other process's change (so the vectors it searches are
    # the index's now), and is not left on the segment it loaded.
    assert "test-night-watch" not in sources(reader, question)
    assert reader.get_record("test-night-watch") is None
    assert "test-night-watch" not in reader.documents()
    assert len(reopens) == 1


def test_a_writer_does_not_reopen_for_its_own_writes(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data")
    writer = VectorIndex.open(settings, create=True)
    reopens = counted(writer)
    ingest([TEST_CORPUS], writer)
    writer.set_withdrawn("test-mona-lisa", True, reason="on loan", on="2026-12-04")
    assert "test-mona-lisa" not in sources(writer, "Who painted the Mona Lisa?")
    assert stamp_path(settings.chroma_path).exists()
    assert reopens == []
    # Another index of this process on the same folder opened before those writes sees them.
    other = VectorIndex.open(make_settings(settings.data_dir))
    ingest([wave_corpus(tmp_path)], writer)
    assert "test-great-wave" in sources(other, WAVE)
    assert reopens == []


def test_a_missing_or_garbled_stamp_never_breaks_a_search(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = make_settings(tmp_path / "data")
    index = VectorIndex.open(settings, create=True)
    ingest([TEST_CORPUS], index)
    question = "Who painted The Night Watch?"
    stamp = stamp_path(settings.chroma_path)
    reopens = counted(index)

    stamp.unlink()  # missing: unchanged, nothing to reopen
    assert "test-night-watch" in sources(index, question) and reopens == []
    stamp.write_bytes(b"\x00\xff not a stamp")  # garbled: a change, so one reopen
    assert "test-night-watch" in sources(index, question)
    assert "test-night-watch" in sources(index, question) and len(reopens) == 1

    real_stat = os.stat

    def unreadable(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if Path(str(path)) == stamp:
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", unreadable)
    assert "test-night-watch" in sources(index, question) and len(reopens) == 1
    monkeypatch.undo()

    # A stamp that cannot be written (a folder in its place) does not fail the write.
    stamp.unlink()
    stamp.mkdir()
    ingest([wave_corpus(tmp_path)], index)
    assert "test-great-wave" in sources(index, WAVE)


QUESTION = "Why was The Night Watch cut down?"
BODY = (
    "The Night Watch was cut down on all four sides in 1715. It was moved to the town hall "
    "of Amsterdam, and the canvas was trimmed to fit between two doors there."
)


def ask(server: ServeProcess) -> dict[str, object]:
    reply = httpx.post(f"{server.url}/ask", json={"question": QUESTION}, timeout=120)
    assert reply.status_code == 200, reply.text
    return dict(reply.json())


def note_citations(answer: dict[str, object]) -> list[dict[str, object]]:
    cited = answer.get("citations") or []
    assert isinstance(cited, list)
    return [c for c in cited if c.get("source_type") == CURATOR_NOTE]


@pytest.mark.integration
def test_a_running_api_answers_from_a_note_published_after_it_started(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data")
    index = VectorIndex.open(settings, create=True)
    ingest([TEST_CORPUS], index)
    env = {
        "MUSEUM_QA_LLM": "scripted",
        "MUSEUM_QA_DATA_DIR": str(settings.data_dir),
        "MUSEUM_QA_UI_STREAM_DELAY": "0",
        "HF_HUB_OFFLINE": "1",
    }
    server = ServeProcess(env, tmp_path / "serve.log").start()
    try:
        assert note_citations(ask(server)) == []  # the API has loaded the index: no note yet
        notes = NoteStore(AnswerLog(settings.log_url).engine, 2000)
        draft = Draft(BODY, "SK-C-5", "", QUESTION, "")
        note = save(notes, index, settings.notes_path, draft, author="ada")
        answer = ask(server)
    finally:
        server.stop()
    assert answer.get("outcome") == "answered", answer
    cited = note_citations(answer)
    assert cited and cited[0]["source_id"] == note.source_id and cited[0]["vetted_by"] == "ada"
