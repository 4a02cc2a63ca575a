"""Under a supervisor (systemd, a container, a kiosk script): a signal stops the whole command.

Each command runs as a real process in a session of its own; the test signals only the PID it
started, as a supervisor does, then checks that the process exits in time, that the port is
free, and that nothing else of its session (a server it started, a model worker) is left.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.servers import REPO, ServeProcess, free_port, http_ok

pytestmark = pytest.mark.slow

EXIT_SECONDS = 15


def session_members(sid: int) -> list[int]:
    """PIDs whose session is ``sid`` (orphans keep their session, unlike their parent)."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # it ended while we looked
        # Fields after the command name (which may hold spaces): state ppid pgrp session ...
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[3]) == sid and fields[0] != "Z":
            members.append(int(entry.name))
    return members


def port_refuses(port: int) -> bool:
    """Whether a connect to the loopback port is refused (nothing listens any more)."""
    with socket.socket() as sock:
        sock.settimeout(2)
        try:
            sock.connect(("127.0.0.1", port))
        except ConnectionRefusedError:
            return True
        except OSError:
            return False
        return False


def assert_stops_cleanly(process: subprocess.Popen[bytes], port: int, sig: int) -> int:
    """Send ``sig`` to the process alone; it must exit, free the port and leave nobody behind."""
    started = time.monotonic()
    process.send_signal(sig)
    try:
        code = process.wait(EXIT_SECONDS)
    except subprocess.TimeoutExpired:
        pytest.fail(f"still running {EXIT_SECONDS} s after {signal.Signals(sig).name}")
    took = time.monotonic() - started
    assert port_refuses(port), f"port {port} still answers after the process exited"
    deadline = time.monotonic() + 5  # a worker notices its parent is gone within a second
    while session_members(process.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert session_members(process.pid) == [], "a child of the command survived it"
    print(f"{signal.Signals(sig).name}: exit code {code} after {took:.1f} s")
    return code


@pytest.fixture
def scripted_env(tmp_path: Path) -> dict[str, str]:
    return {
        "MUSEUM_QA_LLM": "scripted",
        "MUSEUM_QA_DATA_DIR": str(tmp_path / "data"),
        "HF_HUB_OFFLINE": "1",
    }


def _default_sigint() -> None:
    # A job started in the background by a shell inherits SIGINT ignored, and one started
    # under nohup inherits SIGHUP ignored (a CI runner may be either); Python then leaves
    # them ignored. A supervisor's processes have the defaults, which is what is tested.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)


def start_ui(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "ui.cli", "ui", "--port", str(port)],
            env={**os.environ, **env},
            cwd=REPO,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_default_sigint,
        )
    deadline = time.monotonic() + 120
    while not http_ok(f"http://127.0.0.1:{port}/_stcore/health"):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"museum-qa ui did not start:\n{log.read_text()[-3000:]}")
        time.sleep(0.3)
    return process


def _cleanup(process: subprocess.Popen[bytes]) -> None:
    # Only after the assertions: whatever is left of the session goes.
    for pid in session_members(process.pid):
        os.kill(pid, signal.SIGKILL)
    if process.poll() is None:
        process.kill()
        process.wait()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_signal_to_museum_qa_ui_stops_the_streamlit_server_too(sig, scripted_env, tmp_path):
    port = free_port()
    process = start_ui(scripted_env, port, tmp_path / "ui.log")
    try:
        # The command is the server: nothing else of its session runs beside it.
        assert session_members(process.pid) == [process.pid]
        code = assert_stops_cleanly(process, port, sig)
        if sig != signal.SIGHUP:  # Streamlit handles TERM and INT; HUP simply ends it
            assert code == 0
    finally:
        _cleanup(process)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_to_museum_qa_serve_is_a_graceful_exit(sig, scripted_env, tmp_path):
    server = ServeProcess(scripted_env, tmp_path / "serve.log")
    server.launch()
    assert server.process is not None
    try:
        server.wait_ready(healthy=False)  # no index here: /health is 503, but it answers
        assert server.health_status() == 503
        code = assert_stops_cleanly(server.process, server.port, sig)
        assert code == 0
        assert "Finished server process" in (tmp_path / "serve.log").read_text()
    finally:
        _cleanup(server.process)
