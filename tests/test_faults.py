"""Faults with real dependencies: a Chroma server killed or hung, PostgreSQL stopped, a full disk.

Each test breaks the real thing (a ``chroma run`` process, a PostgreSQL server, an OS file-size
limit or a small tmpfs), checks that the visitor gets a clear, polite message and nothing is
half-written, then brings the dependency back and checks the service recovers without a
restart. docs/operations.md describes the same behaviour for operators.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from streamlit.testing.v1 import AppTest

from assistant.answer import Answer
from assistant.answer_log import AnswerLog
from assistant.errors import StoreUnavailableError
from assistant.fakes import ScriptedChatModel
from assistant.service import MuseumAssistant, build_assistant
from assistant.settings import Settings
from assistant.store import VectorIndex
from ingest.pipeline import ingest
from tests.conftest import REPO, TEST_CORPUS, make_settings
from tests.servers import ChromaServer, PostgresServer, running_postgres
from ui.cli import main
from ui.services import reset_for_tests

pytestmark = pytest.mark.integration

ROSETTA = "What is the Rosetta Stone made of?"
REPLY = json.dumps({"sentences": [{"text": "It is granodiorite.", "citations": [1]}]})
# Four different visitors' questions (the log must keep each one exactly once).
VISITORS = [
    ROSETTA,
    "Who painted The Night Watch?",
    "Who painted the Mona Lisa?",
    "Why is it called The Night Watch?",
]
POLITE = "can't search the museum's texts right now"
APP = REPO / "ui" / "app.py"


def scripted() -> ScriptedChatModel:
    return ScriptedChatModel(replies=[REPLY] * 20)


# -- a Chroma server we can kill, restart and freeze (tests/servers.py) -----------------------


@pytest.fixture
def chroma(tmp_path: Path) -> Iterator[ChromaServer]:
    server = ChromaServer(tmp_path / "chroma-db")
    server.start()
    try:
        yield server
    finally:
        server.kill()


def server_settings(tmp_path: Path, url: str, **overrides: object) -> Settings:
    return make_settings(
        tmp_path / "data",
        chroma_url=url,
        collection="faults",
        db_url=f"sqlite:///{tmp_path / 'log.sqlite3'}",
        **overrides,
    )


def test_chroma_down_is_a_clear_error_logged_and_answers_resume_after_a_restart(chroma, tmp_path):
    settings = server_settings(tmp_path, chroma.url)
    assert len(ingest([TEST_CORPUS], VectorIndex.open(settings, create=True)).added) == 3
    assistant = build_assistant(settings, model=scripted())
    assert assistant.ask(ROSETTA).outcome == "answered"

    chroma.kill()
    started = time.monotonic()
    with pytest.raises(StoreUnavailableError, match="cannot reach the Chroma server") as raised:
        assistant.ask(ROSETTA)
    assert time.monotonic() - started < 5
    assert POLITE in (raised.value.visitor_message or "")
    assert "without restarting" in str(raised.value)  # says what to do
    assert assistant.log is not None
    row = assistant.log.recent(1)[0]
    assert row["question"] == ROSETTA and row["outcome"] == "refused"
    assert row["refusal_reason"].startswith("search unavailable: cannot reach the Chroma server")

    chroma.start()  # same port, same data
    answer = assistant.ask(ROSETTA)  # the same assistant: no app restart
    assert answer.outcome == "answered"
    assert answer.citations[0].source_id == "test-rosetta-stone"
    assert [r["outcome"] for r in assistant.log.recent()] == ["answered", "refused", "answered"]


def test_an_assistant_built_while_chroma_is_down_answers_once_it_is_up(chroma, tmp_path):
    settings = server_settings(tmp_path, chroma.url)
    ingest([TEST_CORPUS], VectorIndex.open(settings, create=True))
    chroma.kill()
    assistant = build_assistant(settings, model=scripted())  # not an error yet
    with pytest.raises(StoreUnavailableError):
        assistant.ask(ROSETTA)
    chroma.start()
    assert assistant.ask(ROSETTA).outcome == "answered"


def test_cli_ask_with_chroma_down_exits_2_with_a_message_and_logs_the_question(chroma, tmp_path):
    env = {
        "MUSEUM_QA_CHROMA_URL": chroma.url,
        "MUSEUM_QA_COLLECTION": "faults",
        "MUSEUM_QA_DATA_DIR": str(tmp_path / "data"),
        "MUSEUM_QA_LLM": "scripted",
    }
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(TEST_CORPUS)], env=env).exit_code == 0
    chroma.kill()
    # catch_exceptions=False: a traceback would fail the test instead of hiding in output.
    result = runner.invoke(main, ["ask", ROSETTA], env=env, catch_exceptions=False)
    assert result.exit_code == 2
    assert "Error: cannot reach the Chroma server" in result.output
    assert "Traceback" not in result.output
    log = AnswerLog(f"sqlite:///{tmp_path / 'data' / 'answers.sqlite3'}")
    assert [(r["question"], r["outcome"]) for r in log.recent()] == [(ROSETTA, "refused")]

    chroma.start()
    result = runner.invoke(main, ["ask", ROSETTA, "--json"], env=env, catch_exceptions=False)
    assert result.exit_code == 0 and json.loads(result.output)["outcome"] == "answered"


def test_visitor_page_is_polite_while_chroma_is_down_and_answers_after_it_returns(
    chroma, tmp_path, monkeypatch
):
    settings = server_settings(tmp_path, chroma.url)
    ingest([TEST_CORPUS], VectorIndex.open(settings, create=True))
    chroma.kill()
    for name, value in {
        "MUSEUM_QA_CHROMA_URL": chroma.url,
        "MUSEUM_QA_COLLECTION": "faults",
        "MUSEUM_QA_DATA_DIR": str(tmp_path / "data"),
        "MUSEUM_QA_DB_URL": settings.log_url,
        "MUSEUM_QA_LLM": "scripted",
        "MUSEUM_QA_UI_STREAM_DELAY": "0",
    }.items():
        monkeypatch.setenv(name, value)
    reset_for_tests()
    try:
        at = AppTest.from_file(str(APP), default_timeout=90).run()
        at.chat_input[0].set_value("Who painted The Night Watch?").run()
        assert not at.exception, at.exception
        errors = [e.value for e in at.error]
        assert len(errors) == 1 and POLITE in errors[0]
        assert "127.0.0.1" not in errors[0]  # no hosts or settings for visitors

        chroma.start()  # the app process keeps running
        at.chat_input[0].set_value("Who painted The Night Watch?").run()
        assert not at.exception, at.exception
        assert "Rembrandt" in "\n".join(m.value for m in at.markdown)
    finally:
        reset_for_tests()


def test_a_hung_chroma_server_times_out_and_answers_resume_when_it_wakes(chroma, tmp_path):
    settings = server_settings(tmp_path, chroma.url, chroma_timeout=1.0)
    ingest([TEST_CORPUS], VectorIndex.open(settings, create=True))
    assistant = build_assistant(settings, model=scripted())
    assert assistant.ask(ROSETTA).outcome == "answered"

    chroma.freeze()
    try:
        started = time.monotonic()
        with pytest.raises(StoreUnavailableError, match="no reply within the timeout"):
            assistant.ask(ROSETTA)
        assert time.monotonic() - started < 10  # one timeout, not a hang
        # A new app (or CLI run) against the hung server fails as fast, at its first question.
        fresh = build_assistant(settings, model=scripted())
        with pytest.raises(StoreUnavailableError, match="no reply within the timeout"):
            fresh.ask(ROSETTA)
    finally:
        chroma.thaw()
    assert assistant.ask(ROSETTA).outcome == "answered"


# -- PostgreSQL stopped under a running assistant (tests/servers.py) --------------------------


@pytest.fixture
def postgres() -> Iterator[PostgresServer]:
    with running_postgres() as server:
        yield server


def db_questions(url: str) -> list[str]:
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        return [q for (q,) in conn.execute("SELECT question FROM answers ORDER BY created_at")]


def own_data_dir(indexed_settings: Settings, tmp_path: Path, db_url: str) -> MuseumAssistant:
    """An assistant on the shared index whose log and spool are this test's own."""
    settings = make_settings(tmp_path / "data", db_url=db_url)
    return build_assistant(settings, model=scripted(), retriever=VectorIndex.open(indexed_settings))


def test_answers_are_served_while_postgres_is_down_and_the_spool_lands_exactly_once(
    postgres, indexed_settings, tmp_path
):
    url = postgres.new_database()
    assistant = own_data_dir(indexed_settings, tmp_path, url)
    assert assistant.log is not None and assistant.log.spool is not None
    spool = assistant.log.spool
    assert assistant.ask(VISITORS[0]).log_id is not None

    postgres.stop()
    for question in VISITORS[1:3]:
        started = time.monotonic()
        answer = assistant.ask(question)
        assert answer.outcome in ("answered", "corrected") and answer.citations
        assert answer.log_id is None
        assert time.monotonic() - started < 15
    assert len(spool.read_text().splitlines()) == 2
    leftover = spool.read_text()

    postgres.start()
    assert assistant.ask(VISITORS[3]).log_id is not None  # replays the spool first
    assert not spool.exists()
    assert db_questions(url) == VISITORS

    # A crash between the commit and the spool's removal: the same rows come back. Replaying
    # them again (as the next process to open the log does) must add nothing.
    spool.write_text(leftover)
    AnswerLog(url, spool=spool)
    assert not spool.exists()
    assert db_questions(url) == VISITORS


def test_a_log_opened_while_postgres_is_down_spools_then_migrates_and_replays(postgres, tmp_path):
    url = postgres.new_database()  # empty: not migrated yet
    postgres.stop()
    spool = tmp_path / "spool.jsonl"
    log = AnswerLog(url, spool=spool, retention_days=365)  # no error: the spool takes rows
    assert not log.ready
    assert log.record(Answer("While down?", "answered", "Kept.")) is None
    postgres.start()
    assert log.record(Answer("Back?", "refused", "No.")) is not None
    assert log.ready and not spool.exists()
    assert db_questions(url) == ["While down?", "Back?"]


# -- a full disk ------------------------------------------------------------------------------


def _files(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_size for p in folder.rglob("*") if p.is_file()}


def _some_corpus(tmp_path: Path, n: int = 8) -> Path:
    """A few of the demo corpus's documents (enough chunks to need new pages on disk)."""
    folder = tmp_path / "more"
    folder.mkdir()
    for doc in sorted((REPO / "corpus").glob("*.md"))[1 : n + 1]:
        if doc.name != "README.md":
            shutil.copy(doc, folder / doc.name)
    return folder


def _ingest_cli(
    data_dir: Path, folder: Path, limit: int | None = None
) -> subprocess.CompletedProcess[str]:
    def file_size_limit() -> None:  # pragma: no cover - runs in the child
        # Ignored signals stay ignored across exec: writes past the limit fail with EFBIG.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        assert limit is not None
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [str(Path(sys.executable).with_name("museum-qa")), "ingest", str(folder)],
        env={**os.environ, "MUSEUM_QA_DATA_DIR": str(data_dir)},
        capture_output=True,
        text=True,
        timeout=600,
        preexec_fn=file_size_limit if limit is not None else None,
    )


def _assert_previous_index_intact(settings: Settings) -> None:
    index = VectorIndex.open(settings)
    assert index.count() == 7
    docs = index.documents()
    assert sorted(docs) == ["test-mona-lisa", "test-night-watch", "test-rosetta-stone"]
    assert all(d.complete for d in docs.values())
    assert index.search(ROSETTA, 1)[0].source_id == "test-rosetta-stone"


def _assert_full_ingest_failed_cleanly(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 2, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert "could not be written: the disk is full" in result.stderr
    assert "run the same command again" in result.stderr


@pytest.mark.slow
def test_ingest_on_a_file_size_limit_fails_clearly_and_leaves_the_index_intact(tmp_path):
    data_dir = tmp_path / "data"
    settings = make_settings(data_dir)
    ingest([TEST_CORPUS], VectorIndex.open(settings, create=True))
    more = _some_corpus(tmp_path)
    before = _files(data_dir)
    # No file may grow: the first write of new chunks fails (EFBIG, a real OS limit).
    result = _ingest_cli(data_dir, more, limit=max(before.values()))
    _assert_full_ingest_failed_cleanly(result)
    _assert_previous_index_intact(settings)

    again = _ingest_cli(data_dir, more)
    assert again.returncode == 0, again.stderr[-3000:]
    index = VectorIndex.open(settings)
    docs = index.documents()
    assert len(docs) == 3 + len(list(more.glob("*.md"))) and all(d.complete for d in docs.values())


def _mount_tmpfs(where: Path, size: str) -> bool:
    where.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)])
    return done.returncode == 0


def _unmount(where: Path) -> None:
    # Lazy: this process may still hold index files there open (Chroma keeps them).
    subprocess.run(["umount", "--lazy", str(where)], capture_output=True)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A tmpfs of 16 MB: a real filesystem that runs out of space (ENOSPC)."""
    where = tmp_path / "disk"
    if not _mount_tmpfs(where, "16m"):
        pytest.skip("mounting a small tmpfs needs root with mount rights (CAP_SYS_ADMIN)")
    try:
        yield where
    finally:
        _unmount(where)


def _fill(disk: Path) -> Path:
    """Leave almost no free space on ``disk``; returns the filler file (delete it to free)."""
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 4096)
                fh.flush()
        except OSError:
            pass
    return filler


@pytest.mark.slow
def test_ingest_on_a_full_disk_fails_clearly_and_leaves_the_index_intact(small_disk):
    data_dir = small_disk / "data"
    settings = make_settings(data_dir)
    ingest([TEST_CORPUS], VectorIndex.open(settings, create=True))
    more = _some_corpus(small_disk.parent)
    filler = _fill(small_disk)
    result = _ingest_cli(data_dir, more)
    _assert_full_ingest_failed_cleanly(result)
    _assert_previous_index_intact(settings)

    filler.unlink()
    again = _ingest_cli(data_dir, more)
    assert again.returncode == 0, again.stderr[-3000:]
    assert all(d.complete for d in VectorIndex.open(settings).documents().values())


def test_a_full_disk_under_the_sqlite_log_spools_and_replays_once_there_is_room(
    small_disk, indexed_settings, tmp_path
):
    db = small_disk / "answers.sqlite3"
    assistant = own_data_dir(indexed_settings, tmp_path, f"sqlite:///{db}")
    assert assistant.log is not None and assistant.log.spool is not None
    assert assistant.ask(VISITORS[0]).log_id is not None
    filler = _fill(small_disk)
    answer = assistant.ask(VISITORS[1])
    assert answer.outcome in ("answered", "corrected") and answer.log_id is None
    assert assistant.log.spool.exists()
    filler.unlink()
    assert assistant.ask(VISITORS[2]).log_id is not None
    assert [r["question"] for r in assistant.log.recent()] == VISITORS[2::-1]
    assert not assistant.log.spool.exists()
