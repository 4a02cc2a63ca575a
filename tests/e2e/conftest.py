"""End-to-end fixtures: the real app (`museum-qa ui`, i.e. `streamlit run`) and Debian's chromium.

The app runs in a subprocess on a free loopback port, on the scripted model and the test
corpus, with its own answer log and one curator account made through the real CLI.
Screenshots go to $E2E_SCREENSHOTS when set (docs/screenshots for the docs), else a temp dir.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CURATOR = ("curator1", "correct horse battery")
ADMIN = ("admin1", "staple battery horse")  # only in the session app (app_url)
REPO = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_healthy(url: str, proc: subprocess.Popen[bytes], log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the app exited early:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"the app did not start within {timeout}s:\n{log.read_text()}")


@pytest.fixture(scope="session")
def app_url(indexed_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a running app (one server for the e2e session)."""
    with app_with_curator(indexed_dir, tmp_path_factory.mktemp("e2e"), admin=True) as url:
        yield url


@contextmanager
def app_with_curator(data_dir: Path, work: Path, *, admin: bool = False) -> Iterator[str]:
    """The app on ``data_dir`` (scripted model, its own log in ``work``) with CURATOR's account.

    With ``admin``, ADMIN's account too (the admins' pages are checked signed in).
    """
    env = {
        **os.environ,
        "MUSEUM_QA_DATA_DIR": str(data_dir),
        "MUSEUM_QA_DB_URL": f"sqlite:///{work / 'log.sqlite3'}",
        "MUSEUM_QA_LLM": "scripted",
        "MUSEUM_QA_UI_STREAM_DELAY": "0.05",
    }
    accounts = [(CURATOR, "curator")] + ([(ADMIN, "admin")] if admin else [])
    for (name, password), role in accounts:
        subprocess.run(
            [sys.executable, "-m", "ui.cli", "users", "add", name, "--role", role],
            input=f"{password}\n".encode(),
            env=env,
            cwd=REPO,
            check=True,
            capture_output=True,
        )
    with running_app(env, work) as url:
        yield url


@contextmanager
def running_app(env: dict[str, str], work: Path) -> Iterator[str]:
    """`museum-qa ui` on a free port with ``env``, its log in ``work``; stopped after."""
    port = _free_port()
    log = work / "app.log"
    with log.open("wb") as out:
        # Its own process group: `museum-qa ui` becomes streamlit, and the model worker it
        # starts must go with it.
        proc = subprocess.Popen(
            [sys.executable, "-m", "ui.cli", "ui", "--port", str(port)],
            env=env,
            cwd=REPO,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_healthy(url, proc, log, timeout=90)
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Debian chromium driven by Playwright (never a downloaded browser build)."""
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright package is not installed")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser, app_url):  # type: ignore[no-untyped-def]
    """Open the app in a fresh browser context (a new visitor); returns a page factory."""
    contexts = []

    def make(path: str = "", width: int = 1100, height: int = 900):  # type: ignore[no-untyped-def]
        context = browser.new_context(
            viewport={"width": width, "height": height}, accept_downloads=True
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(app_url + path)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots are saved."""
    target = os.environ.get("E2E_SCREENSHOTS")
    path = Path(target) if target else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path
