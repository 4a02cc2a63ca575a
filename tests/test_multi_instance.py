"""Two `museum-qa serve` instances sharing one Chroma server, one PostgreSQL and one model server.

The shape of a deployment with more than one app process (docs/deployment.md): each instance
has its own data dir (its own answer-log spool) and reaches the shared services by URL. Every
dependency is the real program on loopback: ``chroma run``, a throwaway PostgreSQL and
llama-cpp-python's OpenAI-compatible server with the packaged GGUF (tests/servers.py,
tests/model_server.py). Both instances start at the same moment against a new, empty log
database, so both migrate it at once.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from assistant.store import VectorIndex
from ingest.pipeline import ingest
from tests.conftest import REPO, TEST_CORPUS, make_settings
from tests.model_server import ModelServer
from tests.servers import ChromaServer, ServeProcess, running_postgres

pytestmark = [pytest.mark.integration, pytest.mark.slow]

COLLECTION = "multi_instance"
WITHDRAWN = "test-rosetta-stone"
ROSETTA = "What is the Rosetta Stone made of?"
# Each instance gets every question: the log must hold each one exactly once per instance.
QUESTIONS = [
    "Who painted The Night Watch?",
    ROSETTA,
    "Who painted the Mona Lisa?",
    "Why did Vermeer paint The Night Watch?",
    "What is the capital of France?",
]


@pytest.fixture(scope="module")
def chroma(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChromaServer]:
    server = ChromaServer(tmp_path_factory.mktemp("multi-chroma") / "db").start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    with running_postgres() as server:
        yield server.new_database()  # empty: the instances create the schema


def shared_env(chroma: ChromaServer, db_url: str, llm: str, data_dir: Path) -> dict[str, str]:
    return {
        "MUSEUM_QA_DATA_DIR": str(data_dir),
        "MUSEUM_QA_CHROMA_URL": chroma.url,
        "MUSEUM_QA_COLLECTION": COLLECTION,
        "MUSEUM_QA_DB_URL": db_url,
        "MUSEUM_QA_LLM": llm,
        "MUSEUM_QA_API_RATE_LIMIT": "10000/minute",
        "MUSEUM_QA_UI_STREAM_DELAY": "0",
    }


@pytest.fixture(scope="module")
def instances(
    chroma: ChromaServer,
    postgres_url: str,
    llama_server: ModelServer,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[list[ServeProcess]]:
    """The corpus ingested once into the shared Chroma, then two instances started together."""
    work = tmp_path_factory.mktemp("multi")
    settings = make_settings(work / "ingest", chroma_url=chroma.url, collection=COLLECTION)
    report = ingest([TEST_CORPUS], VectorIndex.open(settings, create=True))
    assert len(report.added) == 3 and not report.errors
    servers = [
        ServeProcess(
            shared_env(chroma, postgres_url, llama_server.llm, work / f"data-{name}"),
            work / f"serve-{name}.log",
        )
        for name in ("a", "b")
    ]
    try:
        for server in servers:
            server.launch()
        for server in servers:
            server.wait_ready()
        yield servers
    finally:
        for server in servers:
            server.stop()


def ask(server: ServeProcess, question: str) -> tuple[dict[str, Any], str]:
    reply = httpx.post(f"{server.url}/ask", json={"question": question}, timeout=300)
    assert reply.status_code == 200, reply.text
    return reply.json(), reply.headers["x-answer-id"]


def log_rows(db_url: str) -> dict[str, dict[str, Any]]:
    """The log's rows by public id (what X-Answer-Id names)."""
    import psycopg

    dsn = db_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn) as conn:
        return {
            i: {"question": q, "model": m, "warnings": w}
            for i, q, m, w in conn.execute(
                "SELECT public_id, question, model, warnings FROM answers"
            )
        }


def test_two_instances_share_the_index_the_log_and_the_model(
    instances, postgres_url, chroma, llama_server
):
    a, b = instances
    # Both instances at once, each asking its questions in turn.
    with ThreadPoolExecutor(2) as pool:
        replies = list(pool.map(lambda s: [ask(s, q) for q in QUESTIONS], instances))

    for answers in replies:
        by_question = {body["question"]: body for body, _ in answers}
        for question in ("Who painted The Night Watch?", ROSETTA, "Who painted the Mona Lisa?"):
            body = by_question[question]
            assert body["outcome"] == "answered", body
            assert body["citations"] and all(s["citations"] for s in body["sentences"])
        assert "Rembrandt" in by_question["Who painted The Night Watch?"]["answer"]
        assert by_question["Why did Vermeer paint The Night Watch?"]["outcome"] == "corrected"
        assert by_question["What is the capital of France?"]["outcome"] == "refused"

    # Every question from both instances is in the shared log exactly once.
    rows = log_rows(postgres_url)
    ids = [answer_id for answers in replies for _, answer_id in answers]
    assert len(set(ids)) == len(ids) == 2 * len(QUESTIONS)
    assert sorted(rows) == sorted(ids)
    for answers in replies:
        for body, answer_id in answers:
            assert rows[answer_id]["question"] == body["question"]
    assert {r["model"] for r in rows.values()} == {"openai:smollm2"}
    # The model server really answered (no fallback to quoting the record).
    assert all(r["warnings"] == [] for r in rows.values())
    assert "/v1/chat/completions" in llama_server.log_path.read_text()

    # A curator withdraws a source through the CLI, against the shared Chroma server.
    env = shared_env(chroma, postgres_url, "scripted", a.log_path.parent / "curator")
    withdrawn = subprocess.run(
        [sys.executable, "-m", "ui.cli", "sources", "withdraw", WITHDRAWN, "--reason", "review"],
        env={**a.env, **env},
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert withdrawn.returncode == 0, withdrawn.stderr
    for server in (a, b):
        body, answer_id = ask(server, ROSETTA)
        assert WITHDRAWN not in {c["source_id"] for c in body["citations"]}, body
        assert body["outcome"] == "refused" or "granodiorite" not in body["answer"]
        assert log_rows(postgres_url)[answer_id]["question"] == ROSETTA
    listed = subprocess.run(
        [sys.executable, "-m", "ui.cli", "sources", "--withdrawn", "--json"],
        env={**a.env, **env},
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert [r["source_id"] for r in json.loads(listed.stdout)] == [WITHDRAWN]

    for server in (a, b):
        health = httpx.get(f"{server.url}/health", timeout=30)
        assert health.status_code == 200, health.text
        assert health.json()["components"]["index"]["chunks"] > 0
