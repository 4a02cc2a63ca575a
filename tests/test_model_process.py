"""The llama.cpp model runs in a worker process: a native crash costs one answer, not the server.

With the real SmolLM2 GGUF, the real embeddings and Chroma. A worker is killed with SIGSEGV (as
a bug in llama.cpp would kill it), a GGUF is corrupt, and for comparison a server that runs
the model in its own process is made to segfault inside the model call.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.errors import ModelUnavailableError
from assistant.llm import LlamaCppChatModel, embedded_gguf_path
from assistant.service import build_assistant
from tests.conftest import make_settings
from tests.servers import REPO, ServeProcess, free_port
from tests.test_signals import port_refuses
from ui.api import create_app

pytestmark = pytest.mark.integration

QUESTION = "Who painted The Night Watch?"


def wait_for(condition, timeout: float = 60, what: str = "the condition") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.005)


def alive(pid: int) -> bool:
    """Running (a zombie waiting for its parent to reap it has ended)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == pid and fields[0] != "Z":
                out.append(int(entry.name))
    return out


def corrupt_gguf(folder: Path, kind: str) -> Path:
    """A GGUF that cannot be loaded: not a GGUF at all, or a real one cut short (a download)."""
    path = folder / f"{kind}.gguf"
    if kind == "garbage":
        path.write_bytes(b"this is not a model\n" * 1000)
    else:
        with embedded_gguf_path().open("rb") as real:
            path.write_bytes(real.read(4_000_000))
    return path


@pytest.fixture
def assistant(indexed_settings):
    settings = indexed_settings.model_copy(
        update={"llm": "embedded", "model_in_process": False, "draft": "always"}
    )
    built = build_assistant(settings)
    yield built
    built.chain.model.process.stop()


def test_a_worker_killed_mid_answer_costs_that_phrasing_only(assistant):
    model = assistant.chain.model
    first = assistant.ask(QUESTION)
    assert not first.warnings and "Rembrandt" in first.answer
    crashed_pid = model.process.pid
    with ThreadPoolExecutor(1) as pool:
        pending = pool.submit(assistant.ask, QUESTION)
        wait_for(lambda: model.process.busy or pending.done(), what="the model to be asked")
        assert not pending.done()
        os.kill(crashed_pid, signal.SIGSEGV)
        answer = pending.result(timeout=120)
    # Quoted from the vetted record instead, cited, with a warning that names the cause.
    assert answer.outcome in {"answered", "corrected"}, answer.refusal_reason
    assert answer.sentences and all(s.citations for s in answer.sentences)
    assert answer.model.startswith("llama.cpp:")
    assert [w for w in answer.warnings if "model unavailable" in w and "SIGSEGV" in w], answer
    assert not alive(crashed_pid)
    health = model.health()
    assert health.ok and "died (SIGSEGV)" in health.detail
    # The next question is phrased by a new worker.
    after = assistant.ask(QUESTION)
    assert not after.warnings and "Rembrandt" in after.answer
    assert model.process.pid not in {None, crashed_pid}


def test_a_worker_that_died_between_questions_is_replaced_before_the_next(assistant):
    model = assistant.chain.model
    model.warm_up()
    crashed_pid = model.process.pid
    assert crashed_pid and alive(crashed_pid)
    os.kill(crashed_pid, signal.SIGSEGV)
    wait_for(lambda: "SIGSEGV" in model.health().detail, 10, "the death to show")
    assert model.health().ok  # it restarts at the next question
    answer = assistant.ask(QUESTION)
    assert not answer.warnings and "Rembrandt" in answer.answer  # nothing was lost
    assert model.process.pid not in {None, crashed_pid}
    assert "SIGSEGV" in model.health().detail  # staff still see it happened


@pytest.mark.parametrize("kind", ["garbage", "truncated"])
def test_a_model_that_cannot_load_is_retried_with_a_backoff_not_in_a_loop(kind, tmp_path):
    model = LlamaCppChatModel(model_path=str(corrupt_gguf(tmp_path, kind)))
    model.warm_up()
    health = model.health()
    assert not health.ok and health.detail, health
    with pytest.raises(ModelUnavailableError):  # the second failure in a row
        model.invoke("Hello")
    started = time.monotonic()
    with pytest.raises(ModelUnavailableError, match="next try in"):
        model.invoke("Hello")  # within the backoff: no new process at all
    assert time.monotonic() - started < 0.5
    assert model.process.pid is None and not model.health().ok


@pytest.mark.parametrize("kind", ["garbage", "truncated"])
def test_the_api_starts_on_a_corrupt_gguf_answers_politely_and_health_names_it(
    kind, indexed_settings, tmp_path
):
    settings = make_settings(
        indexed_settings.data_dir,
        db_url=indexed_settings.db_url,
        llm=str(corrupt_gguf(tmp_path, kind)),
        ui_stream_delay=0,
    )
    with TestClient(create_app(settings)) as client:
        health = client.get("/health")
        assert health.status_code == 503
        report = health.json()
        assert report["down"] == ["model"], report
        assert report["components"]["model"]["detail"].startswith(f"llama.cpp:{kind}.gguf: ")
        assert str(tmp_path) not in health.text  # no paths in a public report
        response = client.post("/ask", json={"question": QUESTION})
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["outcome"] in {"answered", "corrected", "refused"}
        assert all(s["citations"] for s in body["sentences"])  # a quote, cited, or a refusal


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=60) as reply:
            return int(reply.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def _ask(url: str) -> tuple[int, dict]:
    request = urllib.request.Request(
        f"{url}/ask",
        data=json.dumps({"question": QUESTION}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=120) as reply:
        return int(reply.status), json.loads(reply.read())


def _serve_env(indexed_dir: Path, tmp_path: Path, **extra: str) -> dict[str, str]:
    return {
        "MUSEUM_QA_DATA_DIR": str(indexed_dir),
        "MUSEUM_QA_DB_URL": f"sqlite:///{tmp_path / 'log.sqlite3'}",
        "MUSEUM_QA_LLM": "embedded",
        # These tests are of the worker: every question goes to the model.
        "MUSEUM_QA_DRAFT": "always",
        "HF_HUB_OFFLINE": "1",
        **extra,
    }


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_museum_qa_serve_survives_its_worker_and_the_worker_never_outlives_it(
    sig, indexed_dir, tmp_path
):
    server = ServeProcess(_serve_env(indexed_dir, tmp_path), tmp_path / "serve.log").start()
    assert server.process is not None
    try:
        [worker] = children(server.process.pid)  # loaded at startup
        os.kill(worker, signal.SIGSEGV)
        status, body = _ask(server.url)
        assert status == 200 and "Rembrandt" in body["answer"]
        [replacement] = children(server.process.pid)
        assert replacement != worker
        with urllib.request.urlopen(f"{server.url}/health", timeout=30) as reply:
            model = json.loads(reply.read())["components"]["model"]
        assert model["ok"] and "SIGSEGV" in model["detail"]
        server.process.send_signal(sig)
        code = server.process.wait(15)
        assert code == (0 if sig == signal.SIGTERM else -signal.SIGKILL)
        wait_for(lambda: not alive(replacement), 5, "the worker to end with its server")
        assert port_refuses(server.port)
    finally:
        server.stop()


@pytest.mark.slow
def test_in_process_a_native_crash_in_the_model_takes_the_whole_server_down(indexed_dir, tmp_path):
    """The measurement behind the worker process: one segfault and the API is gone."""
    port = free_port()
    log = tmp_path / "crashing.log"
    with log.open("ab") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.crashing_serve", str(port)],
            env={**os.environ, **_serve_env(indexed_dir, tmp_path)},
            cwd=REPO,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: _health_answers(url) or process.poll() is not None, 180, "the API")
        assert _get(f"{url}/health") == 200
        with pytest.raises((ConnectionError, urllib.error.URLError, OSError)):
            _ask(url)  # the connection drops: no answer, no 503, nothing
        assert process.wait(15) == -signal.SIGSEGV  # the whole server died
        assert port_refuses(port)  # every other visitor is cut off until someone restarts it
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def _health_answers(url: str) -> bool:
    try:
        _get(f"{url}/health")
    except OSError:
        return False
    return True


def test_the_app_says_why_when_the_model_cannot_load(indexed_dir, tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from ui.services import reset_for_tests

    monkeypatch.setenv("MUSEUM_QA_DATA_DIR", str(indexed_dir))
    monkeypatch.setenv("MUSEUM_QA_LLM", str(corrupt_gguf(tmp_path, "truncated")))
    monkeypatch.setenv("MUSEUM_QA_DB_URL", f"sqlite:///{tmp_path / 'log.sqlite3'}")
    monkeypatch.setenv("MUSEUM_QA_UI_STREAM_DELAY", "0")
    reset_for_tests()  # services are cached per process
    try:
        at = AppTest.from_file(str(REPO / "ui" / "app.py"), default_timeout=120).run()
        at.chat_input[0].set_value(QUESTION).run()
        assert not at.exception, at.exception
        # The visitor still gets the vetted record, quoted and cited ...
        assert "Rembrandt" in "\n".join(m.value for m in at.markdown)
        # ... and the page says why it is a quotation, without the server's paths.
        notices = " ".join(w.value for w in at.warning)
        assert "language model is not available" in notices and "cannot load" in notices
        assert str(tmp_path) not in notices
    finally:
        reset_for_tests()


def test_a_hung_worker_is_replaced_after_the_model_timeout():
    model = LlamaCppChatModel(model_path=str(embedded_gguf_path()), timeout=3)
    model.warm_up()
    hung = model.process.pid
    assert hung is not None
    os.kill(hung, signal.SIGSTOP)  # alive, but never answers (as a deadlock would)
    try:
        started = time.monotonic()
        with pytest.raises(ModelUnavailableError, match="did not answer in 3 s"):
            model.invoke("Say yes.", max_tokens=2)
        assert time.monotonic() - started < 10
        wait_for(lambda: not alive(hung), 5, "the hung worker to be killed")
        assert model.invoke("Say yes.", max_tokens=2).content is not None  # a new worker
        assert model.process.pid not in {None, hung}
    finally:
        model.process.stop()
        if alive(hung):
            os.kill(hung, signal.SIGKILL)
