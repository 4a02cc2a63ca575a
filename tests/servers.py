"""Real dependency processes for tests: ``chroma run``, PostgreSQL, and ``museum-qa serve``.

One place for starting, waiting for and stopping them, shared by the Chroma-server, fault,
PostgreSQL, multi-instance and load tests (and ``bench/load_bench.py``). The OpenAI-compatible
model server lives in ``tests/model_server.py``. Every process listens on loopback only.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


class ServerError(RuntimeError):
    """A dependency process did not start (the message carries the end of its log)."""


class Unavailable(RuntimeError):
    """What a dependency needs is not installed here (tests skip with this reason)."""


def free_port() -> int:
    """A loopback port with nothing listening on it (at the moment of asking)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def http_ok(url: str, timeout: float = 1.0) -> bool:
    """Whether ``GET url`` answers 200."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as reply:
            return bool(reply.status == 200)
    except OSError:
        return False


def heartbeat(url: str) -> bool:
    """Whether the Chroma server at ``url`` answers its heartbeat."""
    return http_ok(f"{url}/api/v2/heartbeat")


def _tail(path: Path, chars: int = 3000) -> str:
    try:
        return path.read_text(errors="replace")[-chars:]
    except OSError:
        return f"(no log at {path})"


# -- chroma run ---------------------------------------------------------------------------------


class ChromaServer:
    """``chroma run`` on a fixed loopback port and data folder, so a restart is the same server."""

    def __init__(self, path: Path, port: int | None = None):
        self.path, self.port = path, port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = path.parent / f"chroma-{self.port}.log"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60) -> ChromaServer:
        """Start the server and wait for its heartbeat."""
        chroma = Path(sys.executable).with_name("chroma")
        if not chroma.exists():
            raise ServerError(f"the chroma command of the chromadb package is missing: {chroma}")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    str(chroma),
                    "run",
                    "--path",
                    str(self.path),
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.port),
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                env={**os.environ, "ANONYMIZED_TELEMETRY": "False", "NO_COLOR": "1"},
            )
        deadline = time.monotonic() + timeout
        while not heartbeat(self.url):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.kill()
                raise ServerError(f"chroma run did not start: {_tail(self.log_path)}")
            time.sleep(0.1)
        return self

    def kill(self) -> None:
        """Crash it (SIGKILL): no goodbye to the clients."""
        if self.process is not None:
            self.process.send_signal(signal.SIGCONT)  # a frozen process must die too
            self.process.kill()
            self.process.wait(timeout=30)
            self.process = None

    def stop(self) -> None:
        """Stop it politely (SIGTERM), killing it if it does not stop in time."""
        if self.process is not None:
            self.process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=10)
            self.kill()

    def freeze(self) -> None:
        """SIGSTOP: the kernel still accepts connections, but nothing ever replies."""
        assert self.process is not None
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self) -> None:
        """SIGCONT: a frozen server carries on."""
        assert self.process is not None
        self.process.send_signal(signal.SIGCONT)


# -- PostgreSQL ---------------------------------------------------------------------------------


def pg_bin() -> Path | None:
    """The folder of Debian's PostgreSQL server binaries (initdb, pg_ctl), if installed."""
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(candidate, "initdb").exists():
            return Path(candidate)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def as_server_user(cmd: list[str]) -> list[str]:
    """``cmd`` run as 'postgres' when we are root (initdb and postgres refuse to run as root)."""
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


class PostgresServer:
    """A throwaway PostgreSQL server (trust auth, loopback only) that may be stopped and started.

    Raises ``Unavailable`` when the server binaries or the psycopg driver are missing.
    """

    def __init__(self) -> None:
        pg = pg_bin()
        if pg is None:
            raise Unavailable(
                "PostgreSQL server binaries not installed (apt-get install -y postgresql)"
            )
        try:
            import psycopg  # noqa: F401
        except ImportError as exc:
            raise Unavailable(
                "the psycopg driver is not installed (pip install 'psycopg[binary]')"
            ) from exc
        if os.geteuid() == 0 and shutil.which("runuser") is None:
            raise Unavailable(
                "running as root without runuser: cannot start PostgreSQL as another user"
            )
        self.pg = pg
        # Not pytest's tmp dir: its parents are private to root, and the server runs as postgres.
        self.base = Path(tempfile.mkdtemp(prefix="museum-qa-pg-"))
        self.base.chmod(0o755)
        if os.geteuid() == 0:
            shutil.chown(self.base, "postgres", "postgres")
        self.data, self.port = self.base / "data", free_port()
        subprocess.run(
            as_server_user(
                [
                    str(pg / "initdb"),
                    "-D",
                    str(self.data),
                    "-U",
                    "museum",
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--no-locale",
                    "--no-sync",
                ]
            ),
            check=True,
            capture_output=True,
        )
        self.admin = f"postgresql://museum@127.0.0.1:{self.port}/postgres"

    @property
    def admin_url(self) -> str:
        """SQLAlchemy URL of the server's ``postgres`` database."""
        return self.admin.replace("postgresql://", "postgresql+psycopg://")

    def _ctl(self, *args: str) -> None:
        options = f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(
            as_server_user(
                [
                    str(self.pg / "pg_ctl"),
                    "-D",
                    str(self.data),
                    "-o",
                    options,
                    "-l",
                    str(self.base / "log"),
                    "-w",
                    *args,
                ]
            ),
            check=True,
            capture_output=True,
        )

    def start(self) -> PostgresServer:
        """Start the server and wait until it accepts connections."""
        self._ctl("start")
        return self

    def stop(self) -> None:
        """A crash: no clean shutdown for the clients."""
        self._ctl("-m", "immediate", "stop")

    def new_database(self) -> str:
        """A new, empty database; returns its SQLAlchemy URL."""
        import psycopg

        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.admin, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://museum@127.0.0.1:{self.port}/{name}"

    def remove(self) -> None:
        """Stop the server (if running) and delete its files."""
        subprocess.run(
            as_server_user(
                [str(self.pg / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"]
            ),
            capture_output=True,
        )
        shutil.rmtree(self.base, ignore_errors=True)


@contextlib.contextmanager
def running_postgres() -> Iterator[PostgresServer]:
    """A started PostgreSQL server, removed afterwards; the test skips where there is none."""
    import pytest

    try:
        server = PostgresServer()
    except Unavailable as exc:
        pytest.skip(str(exc))
    server.start()
    try:
        yield server
    finally:
        server.remove()


# -- museum-qa serve ----------------------------------------------------------------------------


class ServeProcess:
    """A ``museum-qa serve`` process on a loopback port, configured by ``MUSEUM_QA_*`` env vars.

    It runs in its own process group (uvicorn may start workers) and is stopped as a group.
    """

    def __init__(self, env: Mapping[str, str], log_path: Path, port: int | None = None):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, **env}
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 180, healthy: bool = True) -> ServeProcess:
        """Start it and wait for ``/health`` (200 when ``healthy``, any answer otherwise)."""
        return self.launch().wait_ready(timeout, healthy)

    def launch(self) -> ServeProcess:
        """Start the process without waiting (several instances may then start together)."""
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "ui.cli", "serve", "--port", str(self.port)],
                env=self.env,
                cwd=REPO,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        return self

    def wait_ready(self, timeout: float = 180, healthy: bool = True) -> ServeProcess:
        """Wait for ``/health``: 200 when ``healthy``, any answer otherwise."""
        assert self.process is not None, "launch() first"
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise ServerError(f"museum-qa serve exited early:\n{_tail(self.log_path)}")
            status = self.health_status()
            if status == 200 or (not healthy and status):
                return self
            if time.monotonic() > deadline:
                self.stop()
                raise ServerError(f"museum-qa serve did not start:\n{_tail(self.log_path)}")
            time.sleep(0.3)

    def health_status(self) -> int | None:
        """The status of ``GET /health``, or None when nothing answers."""
        import urllib.error

        try:
            with urllib.request.urlopen(f"{self.url}/health", timeout=5) as reply:
                return int(reply.status)
        except urllib.error.HTTPError as exc:
            return int(exc.code)
        except OSError:
            return None

    def stop(self) -> None:
        """SIGTERM to the process group; SIGKILL if it is still there after 15 s."""
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        except ProcessLookupError:
            pass
        self.process = None
