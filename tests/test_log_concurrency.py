"""The answer log under concurrency: processes opening one log at once, threads writing at once.

Several app instances (two ``museum-qa serve`` on one PostgreSQL, the API beside the Streamlit
app on one SQLite file) open the same log together. Before the cross-process migration lock,
most of them crashed on a fresh database ("relation alembic_version already exists",
"duplicate column name: n_dropped"): each saw no schema and created it.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from assistant.answer import Answer
from assistant.answer_log import AnswerLog
from assistant.migrations import head_revision
from tests.conftest import REPO
from tests.test_log_postgres import fresh_postgres_url, postgres_server  # noqa: F401

PROCESSES = 4

CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from assistant.answer import Answer
    from assistant.answer_log import AnswerLog

    url, go, name = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    while not go.exists():  # everyone imports first, then all open the log at once
        time.sleep(0.001)
    log = AnswerLog(url)  # no spool: a failed migration is an exception, exit code 1
    assert log.record(Answer(f"from {name}", "refused", "No.")) is not None
    """
)


def open_at_once(url: str, tmp_path: Path) -> None:
    go = tmp_path / "go"
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, url, str(go), f"process {i}"],
            cwd=REPO,
            stderr=subprocess.PIPE,
        )
        for i in range(PROCESSES)
    ]
    threading.Timer(3.0, go.touch).start()  # after the imports (about 1 s each, 2 cores)
    errors = []
    for child in children:
        _, err = child.communicate(timeout=120)
        if child.returncode:
            errors.append(err.decode()[-600:])
    assert not errors, "\n---\n".join(errors)


def assert_one_schema_and_every_row(url: str) -> None:
    from alembic.runtime.migration import MigrationContext

    log = AnswerLog(url)
    with log.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_heads() == (head_revision(),)
    questions = sorted(r["question"] for r in log.recent(100))
    assert questions == [f"from process {i}" for i in range(PROCESSES)]


@pytest.mark.slow
def test_processes_opening_a_new_sqlite_log_at_once_all_succeed(tmp_path):
    url = f"sqlite:///{tmp_path / 'answers.sqlite3'}"
    open_at_once(url, tmp_path)
    assert_one_schema_and_every_row(url)


@pytest.mark.slow
@pytest.mark.integration
def test_processes_opening_a_new_postgresql_log_at_once_all_succeed(request, tmp_path):
    url = fresh_postgres_url(request)
    open_at_once(url, tmp_path)
    assert_one_schema_and_every_row(url)


def test_threads_writing_to_one_sqlite_log_lose_and_repeat_nothing(tmp_path):
    # The API answers in a thread pool: every request records from its own thread.
    log = AnswerLog(f"sqlite:///{tmp_path / 'answers.sqlite3'}", spool=tmp_path / "spool.jsonl")
    ids: list[int | None] = []
    barrier = threading.Barrier(8)

    def visitor(v: int) -> None:
        barrier.wait()
        for q in range(25):
            ids.append(log.record(Answer(f"visitor {v} question {q}", "refused", "No.")))

    threads = [threading.Thread(target=visitor, args=(v,)) for v in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert None not in ids and len(set(ids)) == 200  # none spooled, none shared
    assert not (tmp_path / "spool.jsonl").exists()
    questions = [r["question"] for r in log.recent(1000)]
    assert sorted(questions) == sorted(
        f"visitor {v} question {q}" for v in range(8) for q in range(25)
    )
