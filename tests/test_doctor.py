"""museum-qa doctor: real models, a real index, real dying processes and closed ports."""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from alembic import command
from click.testing import CliRunner

from assistant import migrations
from assistant.answer_log import AnswerLog
from assistant.diagnostics import (
    Check,
    check_answer_log,
    check_chroma_server,
    check_chromium,
    check_database_server,
    check_index,
    exit_code,
)
from assistant.model_checks import (
    check_language_model,
    compiled_features,
    describe_build,
    probe_model,
)
from tests.conftest import make_settings
from tests.servers import free_port
from ui.cli import main

pytestmark = pytest.mark.integration
FIELDS = {"name", "status", "required", "detail", "fix"}


def doctor(env: dict[str, str], *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["doctor", *args], env=env, catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture
def good_env(indexed_dir: Path, tmp_path: Path) -> dict[str, str]:
    """The shared test index, an answer log at the newest schema, the embedded model."""
    url = f"sqlite:///{tmp_path / 'log.sqlite3'}"
    AnswerLog(url)  # made and migrated now, so the doctor reads a real revision
    return {
        "MUSEUM_QA_DATA_DIR": str(indexed_dir),
        "MUSEUM_QA_DB_URL": url,
        "MUSEUM_QA_LLM": "embedded",
        "HF_HUB_OFFLINE": "1",
    }


def test_a_good_installation_passes_every_required_check(good_env):
    code, output = doctor(good_env)
    assert code == 0, output
    lines = {line.split()[1]: line for line in output.splitlines() if line[:4].strip()}
    for name in ("python", "packages", "embedding", "question", "language", "index", "answer"):
        assert lines[name].startswith(("ok", "warn")), output
    assert "not configured (embedded)" in lines["Chroma"]
    assert "not configured (embedded SQLite" in lines["database"]
    assert "tokens/s" in lines["language"] and "llama.cpp build:" in lines["language"]
    assert "schema at revision" in lines["answer"] and "(head)" in lines["answer"]
    assert "Every required check passed" in output.splitlines()[-1]


def test_json_lists_every_check_with_the_same_fields(good_env):
    code, output = doctor(good_env, "--json")
    assert code == 0
    checks = json.loads(output)
    assert [c["name"] for c in checks] == [
        "python",
        "packages",
        "Chroma server",
        "database server",
        "embedding model",
        "question parser",
        "language model",
        "index",
        "answer log",
        "chromium",
    ]
    for check in checks:
        assert set(check) == FIELDS
        assert check["status"] in {"ok", "warn", "fail", "skip"}
        assert isinstance(check["required"], bool) and isinstance(check["detail"], str)
        if check["required"]:
            assert check["status"] in {"ok", "warn", "skip"}, check
    assert next(c for c in checks if c["name"] == "chromium")["required"] is False
    index = next(c for c in checks if c["name"] == "index")
    assert "chunks" in index["detail"]


def test_missing_chromium_does_not_change_the_exit_code(tmp_path):
    missing = check_chromium(tmp_path / "no-chromium")
    assert missing.status == "skip" and not missing.required and not missing.failed
    present = tmp_path / "chromium"
    present.write_text("#!/bin/sh\n")
    present.chmod(0o755)
    assert check_chromium(present).status == "ok"
    passing = Check("index", "ok", True, "10 chunks")
    assert exit_code([passing, missing]) == exit_code([passing, check_chromium(present)]) == 0
    failing = Check("index", "fail", True, "no index yet")
    assert exit_code([failing, missing]) == exit_code([failing, check_chromium(present)]) == 1


def test_a_corrupt_gguf_fails_the_model_check_and_exits_1(good_env, tmp_path):
    corrupt = tmp_path / "broken.gguf"
    corrupt.write_bytes(b"NOPE" + os.urandom(4096))
    code, output = doctor({**good_env, "MUSEUM_QA_LLM": str(corrupt)}, "--json")
    assert code == 1
    checks = {c["name"]: c for c in json.loads(output)}
    model = checks["language model"]
    assert model["status"] == "fail" and model["required"]
    assert model["detail"].startswith("cannot load broken.gguf: ValueError: Failed to load")
    assert "download it again" in model["fix"] and "MUSEUM_QA_LLM" in model["fix"]
    # Only the model failed: the rest of the installation is still reported as fine.
    assert [n for n, c in checks.items() if c["status"] == "fail"] == ["language model"]


def dying_python(tmp_path: Path, signal_name: str) -> str:
    """An 'interpreter' that kills itself with a signal, as a crashing llama.cpp would."""
    script = tmp_path / f"python-{signal_name}"
    script.write_text(f"#!/bin/sh\nulimit -c 0\nkill -{signal_name} $$\n")
    script.chmod(0o755)
    return str(script)


@pytest.mark.parametrize(
    ("signal_name", "fix"),
    [
        (
            "SEGV",
            "rebuild it portably: scripts/install.sh (a native build segfaults on CPUs with AMX)",
        ),
        ("ILL", "built for another CPU: rebuild with scripts/install.sh"),
    ],
)
def test_a_model_process_killed_by_a_signal_is_a_finding_with_the_fix(tmp_path, signal_name, fix):
    settings = make_settings(tmp_path)
    found = check_language_model(settings, python=dying_python(tmp_path, signal_name))
    assert found.status == "fail" and found.failed
    assert f"SIG{signal_name}" in found.detail
    assert fix in found.fix


def test_a_hung_model_process_is_killed_at_the_timeout(tmp_path):
    script = tmp_path / "python-hangs"
    script.write_text("#!/bin/sh\nsleep 60\n")  # a child of the child: it must die too
    script.chmod(0o755)
    started = time.monotonic()
    found = probe_model(tmp_path / "m.gguf", timeout=1, python=str(script))
    assert time.monotonic() - started < 10
    assert found.failed and "within 1 s" in found.detail
    assert "MUSEUM_QA_MODEL_TIMEOUT" in found.fix


def test_the_build_is_described_from_the_compiled_cpu_features():
    portable = compiled_features("CPU : SSE3 = 1 | AVX = 1 | AVX2 = 1 | FMA = 1 | OPENMP = 1 |")
    assert describe_build(portable) == ("portable (AVX2 level, no AVX512/AMX)", False)
    native = compiled_features("CPU : AVX2 = 1 | AVX512 = 1 | AVX512_VNNI = 1 |")
    text, risky = describe_build(native)
    assert "AVX512" in text and not risky
    amx = compiled_features("CPU : AVX2 = 1 | AVX512 = 1 | AMX_INT8 = 1 |")
    text, risky = describe_build(amx)
    assert "AMX_INT8" in text and risky


def test_a_missing_index_fails_with_the_ingest_command(tmp_path):
    found = check_index(make_settings(tmp_path / "nothing-here"))
    assert found.failed and "no index yet" in found.detail
    assert "museum-qa ingest corpus/" in found.fix


def test_an_unreachable_chroma_server_fails_within_its_timeout(tmp_path):
    url = f"http://127.0.0.1:{free_port()}"
    settings = make_settings(tmp_path, chroma_url=url, chroma_timeout=2)
    started = time.monotonic()
    found = check_chroma_server(settings)
    assert time.monotonic() - started < 2 + 1
    assert found.failed and url in found.detail and "MUSEUM_QA_CHROMA_URL" in found.fix
    # The index behind it is not waited for a second time.
    assert check_index(settings, server_down=True).failed


def test_an_unreachable_postgresql_fails_within_its_timeout_without_the_password(tmp_path):
    url = f"postgresql+psycopg://museum:s3cret@127.0.0.1:{free_port()}/answers"
    settings = make_settings(tmp_path, db_url=url)
    started = time.monotonic()
    found = check_database_server(settings)
    assert time.monotonic() - started < 5 + 1
    assert found.failed and "127.0.0.1" in found.detail
    assert "s3cret" not in found.detail and "MUSEUM_QA_DB_URL" in found.fix


def test_servers_not_configured_are_said_to_be_embedded(tmp_path):
    settings = make_settings(tmp_path)
    assert check_chroma_server(settings).detail == "not configured (embedded)"
    database = check_database_server(settings)
    assert database.status == "skip" and database.detail.startswith("not configured (embedded")


class FakeOllama(BaseHTTPRequestHandler):
    """A real HTTP server answering Ollama's model list, with one model pulled."""

    def do_GET(self) -> None:
        body = json.dumps({"models": [{"name": "smollm2:latest"}]}).encode()
        self.send_response(200 if self.path == "/api/tags" else 404)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def ollama_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeOllama)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_model_server_is_asked_for_its_models(tmp_path, ollama_url):
    settings = make_settings(tmp_path, llm="ollama:smollm2", ollama_host=ollama_url)
    assert check_language_model(settings).status == "ok"
    missing = make_settings(tmp_path, llm="ollama:llama3.2", ollama_host=ollama_url)
    found = check_language_model(missing)
    assert found.failed and "smollm2:latest" in found.detail
    assert found.fix.startswith("ollama pull llama3.2")


@pytest.mark.parametrize(
    ("llm", "setting"),
    [("ollama:smollm2", "MUSEUM_QA_OLLAMA_HOST"), ("openai:{url}/v1:smollm2", "MUSEUM_QA_LLM")],
)
def test_an_unreachable_model_server_names_the_setting_to_fix(tmp_path, llm, setting):
    url = f"http://127.0.0.1:{free_port()}"
    settings = make_settings(tmp_path, llm=llm.format(url=url), ollama_host=url, model_timeout=2)
    started = time.monotonic()
    found = check_language_model(settings)
    assert time.monotonic() - started < 2 + 1
    assert found.failed and setting in found.fix and "MUSEUM_QA_MODEL_TIMEOUT" in found.fix


def test_scripted_model_is_ok_with_a_note(tmp_path):
    found = check_language_model(make_settings(tmp_path, llm="scripted"))
    assert found.status == "ok" and "fake" in found.detail


def test_an_older_log_schema_is_reported_and_left_as_it_is(tmp_path):
    url = f"sqlite:///{tmp_path / 'log.sqlite3'}"
    AnswerLog(url).engine.dispose()
    command.downgrade(migrations.alembic_config(url), "0002")
    found = check_answer_log(make_settings(tmp_path, db_url=url))
    head = migrations.head_revision()
    assert found.status == "warn" and not found.failed
    assert "revision 0002" in found.detail and f"head is {head}" in found.detail
    again = check_answer_log(make_settings(tmp_path, db_url=url))
    assert "revision 0002" in again.detail  # the doctor did not upgrade it


def test_a_log_not_yet_created_is_fine_and_stays_uncreated(tmp_path):
    path = tmp_path / "later.sqlite3"
    found = check_answer_log(make_settings(tmp_path, db_url=f"sqlite:///{path}"))
    assert found.status == "ok" and "not created yet" in found.detail
    assert not path.exists()


def test_bad_settings_exit_2_with_the_variable_named(tmp_path):
    code, output = doctor({"MUSEUM_QA_DATA_DIR": str(tmp_path), "MUSEUM_QA_LLM": "gpt-9000"})
    assert code == 2
    assert "MUSEUM_QA_LLM" in output


def test_a_missing_question_parser_fails_with_the_install_command(monkeypatch):
    from assistant.answering import parse
    from assistant.model_checks import check_parser

    def forget() -> None:
        parse.parser.cache_clear()
        parse.parsed.cache_clear()

    forget()
    monkeypatch.setattr(parse, "PARSER_MODEL", "no_such_spacy_model")
    try:
        check = check_parser()
    finally:
        forget()
    assert check.status == "fail" and check.required
    assert "no_such_spacy_model" in check.detail and "scripts/install.sh" in check.fix
