"""A real OpenAI-compatible model server for tests: llama-cpp-python's, with the packaged GGUF.

``llama_server`` (session scope, imported by conftest) starts
``python -m llama_cpp.server`` on a free loopback port, waits for ``/v1/models`` and stops it
at the end. ``start_llama_server`` starts one on a given port (the recovery test brings a
server up where there was none).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant.llm import embedded_gguf_path

STARTUP_SECONDS = 120
MODEL_ALIAS = "smollm2"


def free_port() -> int:
    """A loopback port with nothing listening on it (at the moment of asking)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def models_ready(base_url: str) -> bool:
    """Whether the server answers ``GET /v1/models``."""
    try:
        with urllib.request.urlopen(f"{base_url}/models", timeout=1) as reply:
            return bool(reply.status == 200)
    except OSError:
        return False


@dataclass
class ModelServer:
    """A running ``llama_cpp.server`` process and where it listens."""

    process: subprocess.Popen[bytes]
    base_url: str
    log_path: Path

    @property
    def llm(self) -> str:
        """The ``MUSEUM_QA_LLM`` value that reaches this server."""
        return f"openai:{self.base_url}:{MODEL_ALIAS}"

    def stop(self) -> None:
        """Terminate the server (kill it if it does not stop in time)."""
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_llama_server(port: int, log_dir: Path) -> ModelServer:
    """Start llama-cpp-python's OpenAI-compatible server on ``port`` and wait until it serves."""
    base_url = f"http://127.0.0.1:{port}/v1"
    log_path = log_dir / f"llama-server-{port}.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "llama_cpp.server",
                "--model",
                str(embedded_gguf_path()),
                "--model_alias",
                MODEL_ALIAS,
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--n_ctx",
                "4096",
                "--seed",
                "42",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    server = ModelServer(process, base_url, log_path)
    deadline = time.monotonic() + STARTUP_SECONDS
    while not models_ready(base_url):
        if process.poll() is not None or time.monotonic() > deadline:
            server.stop()
            pytest.fail(f"llama_cpp.server did not start: {log_path.read_text()[-3000:]}")
        time.sleep(0.25)
    return server


@pytest.fixture(scope="session")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModelServer]:
    """One real model server for the whole session; stopped at the end."""
    server = start_llama_server(free_port(), tmp_path_factory.mktemp("llama-server"))
    try:
        yield server
    finally:
        server.stop()
