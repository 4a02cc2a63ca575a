"""Installation checks behind ``museum-qa doctor``: each returns a finding, none prints.

A check never raises and never changes what it looks at: the language model runs in a child
process (``assistant.model_checks``) and the answer log is read without upgrading its schema.
"""

from __future__ import annotations

import importlib.metadata
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import quote, urlsplit, urlunsplit

from assistant.errors import IndexMissingError, MuseumQAError
from assistant.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.engine import URL, Engine

Status = Literal["ok", "warn", "fail", "skip"]

MIN_PYTHON = (3, 11)
KEY_PACKAGES = (
    "llama-cpp-python",
    "chromadb",
    "spacy",
    "sentence-transformers",
    "torch",
    "langchain-core",
    "streamlit",
    "fastapi",
    "lxml",
    "lxml_html_clean",
)
CHROMIUM = Path("/usr/bin/chromium")
# The answer log's own connect timeout for PostgreSQL (assistant/answer_log.py): the doctor
# waits exactly as long as the app would.
DB_CONNECT_TIMEOUT = 5
INGEST_FIX = "museum-qa ingest corpus/ (or the museum's own vetted texts)"


@dataclass(frozen=True)
class Check:
    """One finding: what was checked, how it went, and what to do about it."""

    name: str
    status: Status
    required: bool
    detail: str
    fix: str = ""

    @property
    def failed(self) -> bool:
        """Whether this finding stops museum-qa from working (a required check failed)."""
        return self.required and self.status == "fail"

    def to_dict(self) -> dict[str, Any]:
        """The finding as plain JSON-ready data."""
        return asdict(self)


def exit_code(checks: Iterable[Check]) -> int:
    """0 when every required check passed (warnings and optional checks aside), else 1."""
    return 1 if any(c.failed for c in checks) else 0


def run_checks(
    settings: Settings, *, python: str = sys.executable, chromium: Path = CHROMIUM
) -> Iterator[Check]:
    """Every check in order, each yielded as soon as it is done (together they take seconds).

    Args:
        settings: The configuration to check.
        python: The interpreter that runs the model probe (a test passes one that crashes).
        chromium: Where the browser for the UI tests is expected.

    """
    # Here, not at the top: model_checks builds on Check and the helpers of this module.
    from assistant.model_checks import (
        MODEL,
        check_embeddings,
        check_language_model,
        check_parser,
    )

    yield _safely("python", check_python)
    yield _safely("packages", check_packages)
    chroma = _safely("Chroma server", lambda: check_chroma_server(settings))
    yield chroma
    database = _safely("database server", lambda: check_database_server(settings))
    yield database
    yield _safely("embedding model", lambda: check_embeddings(settings))
    yield _safely("question parser", check_parser)
    yield _safely(MODEL, lambda: check_language_model(settings, python=python))
    # A server that did not answer is reported once; waiting for it again says nothing new.
    yield _safely("index", lambda: check_index(settings, server_down=chroma.failed))
    yield _safely("answer log", lambda: check_answer_log(settings, server_down=database.failed))
    yield _safely("chromium", lambda: check_chromium(chromium), required=False)


def _safely(name: str, run: Callable[[], Check], *, required: bool = True) -> Check:
    """Run one check; an error nobody foresaw is a failed check, never a traceback."""
    try:
        return run()
    except Exception as exc:
        return Check(
            name,
            "fail",
            required,
            f"unexpected error: {type(exc).__name__}: {first_line(exc)}",
            fix="report it with the output of 'museum-qa doctor --json'",
        )


def first_line(exc: BaseException) -> str:
    """The first line of an error's message (its cause, for a one-line finding)."""
    # SQLAlchemy and psycopg append hints and links on further lines; the first one says it.
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def public_url(url: str) -> str:
    """``url`` with any password masked, fit to print."""
    parts = urlsplit(url)
    if not parts.password:
        return url
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))


# -- python and packages ----------------------------------------------------------------------


def check_python() -> Check:
    """The interpreter is new enough."""
    version = ".".join(str(n) for n in sys.version_info[:3])
    if sys.version_info[:2] >= MIN_PYTHON:
        return Check("python", "ok", True, f"{version} ({sys.executable})")
    return Check(
        "python",
        "fail",
        True,
        f"{version} is too old: museum-qa needs 3.11 or newer",
        fix="install Python 3.11+ and run PYTHON=python3.11 scripts/install.sh",
    )


def check_packages() -> Check:
    """The key packages are installed; their versions, for a bug report."""
    found, missing = [], []
    for name in KEY_PACKAGES:
        try:
            found.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            missing.append(name)
    if missing:
        return Check(
            "packages",
            "fail",
            True,
            f"missing: {', '.join(missing)}",
            fix=f"run scripts/install.sh (or pip install -c constraints.txt {' '.join(missing)})",
        )
    return Check("packages", "ok", True, ", ".join(found))


# -- servers ----------------------------------------------------------------------------------


def http_get(url: str, timeout: float, headers: dict[str, str] | None = None) -> tuple[Any, float]:
    """GET ``url`` within ``timeout`` seconds; its JSON body (None if not JSON) and the ms taken."""
    import httpx

    started = time.perf_counter()
    reply = httpx.get(
        url, headers=headers, timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0))
    )
    reply.raise_for_status()
    ms = (time.perf_counter() - started) * 1000
    try:
        return reply.json(), ms
    except ValueError:
        return None, ms


def why_unreachable(exc: Exception, timeout: float) -> str:
    """Why an HTTP request to a server failed, in words (no reply, a status, a refusal)."""
    import httpx

    if isinstance(exc, httpx.TimeoutException):
        return f"no reply within {timeout:g} s"
    if isinstance(exc, httpx.HTTPStatusError):
        return f"it answered HTTP {exc.response.status_code}"
    return f"{first_line(exc)} ({type(exc).__name__})"


def check_chroma_server(settings: Settings) -> Check:
    """A configured Chroma server answers its heartbeat within ``chroma_timeout``."""
    import httpx

    name = "Chroma server"
    if not settings.chroma_url:
        return Check(name, "skip", True, "not configured (embedded)")
    url = settings.chroma_url.rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return Check(
            name,
            "fail",
            True,
            f"{public_url(url)} is not a server address",
            fix="set MUSEUM_QA_CHROMA_URL to http://host:port, or unset it for embedded Chroma",
        )
    try:
        _, ms = http_get(f"{url}/api/v2/heartbeat", settings.chroma_timeout)
    except httpx.HTTPError as exc:
        return Check(
            name,
            "fail",
            True,
            f"{public_url(url)}: {why_unreachable(exc, settings.chroma_timeout)}",
            fix="start it (chroma run --path ...) or fix MUSEUM_QA_CHROMA_URL; "
            f"MUSEUM_QA_CHROMA_TIMEOUT ({settings.chroma_timeout:g} s) is how long to wait",
        )
    return Check(name, "ok", True, f"{public_url(url)} answered in {ms:.0f} ms")


def _engine(url: URL) -> Engine:
    from sqlalchemy import create_engine

    connect_args: dict[str, Any] = {}
    if url.get_driver_name() in {"psycopg", "psycopg2"} and "connect_timeout" not in url.query:
        connect_args["connect_timeout"] = DB_CONNECT_TIMEOUT
    return create_engine(url, connect_args=connect_args)


def check_database_server(settings: Settings) -> Check:
    """A configured database server (``db_url``, e.g. PostgreSQL) accepts a connection."""
    from sqlalchemy import text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    name = "database server"
    url = make_url(settings.log_url)
    if url.get_backend_name() == "sqlite":
        return Check(name, "skip", True, f"not configured (embedded SQLite at {url.database})")
    shown = url.render_as_string(hide_password=True)
    started = time.perf_counter()
    try:
        engine = _engine(url)
    except ImportError as exc:
        return Check(
            name,
            "fail",
            True,
            f"{shown}: its driver is not installed ({exc})",
            fix="pip install -e '.[postgres]' and use postgresql+psycopg://... in MUSEUM_QA_DB_URL",
        )
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        return Check(
            name,
            "fail",
            True,
            f"{shown}: {first_line(exc)}",
            fix="start the database or fix MUSEUM_QA_DB_URL (answers are spooled in the data "
            "dir meanwhile and written when it returns)",
        )
    finally:
        engine.dispose()
    ms = (time.perf_counter() - started) * 1000
    return Check(name, "ok", True, f"{shown} answered in {ms:.0f} ms")


# -- index, answer log, browser ---------------------------------------------------------------


def check_index(settings: Settings, *, server_down: bool = False) -> Check:
    """The index opens and holds chunks."""
    from assistant.store import VectorIndex

    where = public_url(settings.chroma_url) if settings.chroma_url else str(settings.chroma_path)
    if server_down:
        return Check("index", "fail", True, "not checked: the Chroma server did not answer (above)")
    try:
        chunks = VectorIndex.open(settings).count()
    except IndexMissingError:
        return Check("index", "fail", True, f"no index yet at {where}", fix=INGEST_FIX)
    except MuseumQAError as exc:
        fix = "check the server's log" if settings.chroma_url else "check the folder's permissions"
        return Check("index", "fail", True, str(exc), fix=f"{fix}, and its free space")
    if chunks == 0:
        return Check("index", "fail", True, f"the index at {where} is empty", fix=INGEST_FIX)
    return Check(
        "index", "ok", True, f"{chunks} chunks in collection {settings.collection!r} at {where}"
    )


def check_answer_log(settings: Settings, *, server_down: bool = False) -> Check:
    """The answer log opens, and its schema revision against this version's head.

    Read only: an older schema is reported, not upgraded (museum-qa upgrades it when the app
    next opens the log).
    """
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    name = "answer log"
    if server_down:
        return Check(name, "fail", True, "not checked: the database did not answer (above)")
    url = make_url(settings.log_url)
    shown = url.render_as_string(hide_password=True)
    path = Path(url.database or "") if url.get_backend_name() == "sqlite" else None
    if path is not None and not path.is_file():
        return _log_not_created(path)
    if path is not None and not os.access(path, os.W_OK):
        return Check(
            name,
            "fail",
            True,
            f"{path} is read-only: answers cannot be logged",
            fix="make it writable for the user museum-qa runs as",
        )
    try:
        current, tables, rows = _log_state(url)
    except SQLAlchemyError as exc:
        return Check(
            name,
            "fail",
            True,
            f"{shown} cannot be read: {first_line(exc)}",
            fix="fix MUSEUM_QA_DB_URL, or move the damaged file aside (a new log is created)",
        )
    return _judge_schema(shown, current, tables, rows)


def _log_not_created(path: Path) -> Check:
    from assistant.migrations import head_revision

    folder = next(p for p in (path, *path.parents) if p.exists())
    if not os.access(folder, os.W_OK):
        return Check(
            "answer log",
            "fail",
            True,
            f"{path} cannot be created: {folder} is not writable",
            fix="make the data dir writable, or set MUSEUM_QA_DATA_DIR or MUSEUM_QA_DB_URL",
        )
    return Check(
        "answer log",
        "ok",
        True,
        f"not created yet: {path} is made at schema revision {head_revision()} "
        "with the first answer",
    )


def _log_state(url: URL) -> tuple[tuple[str, ...], set[str], int]:
    """The schema revision(s), table names and answer count, read without writing anything."""
    import sqlite3

    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import create_engine, inspect, text

    if url.get_backend_name() == "sqlite":
        uri = f"file:{quote(str(url.database))}?mode=ro"  # read only: never create or migrate
        engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True))
    else:
        engine = _engine(url)
    try:
        with engine.connect() as conn:
            current = tuple(MigrationContext.configure(conn).get_current_heads())
            tables = set(inspect(conn).get_table_names())
            rows = 0
            if "answers" in tables:
                rows = int(conn.execute(text("SELECT count(*) FROM answers")).scalar() or 0)
    finally:
        engine.dispose()
    return current, tables, rows


def _judge_schema(shown: str, current: tuple[str, ...], tables: set[str], rows: int) -> Check:
    from alembic.script import ScriptDirectory

    from assistant.migrations import FIRST_REVISION, alembic_config, head_revision

    head = head_revision()
    name = "answer log"
    if current == (head,):
        return Check(name, "ok", True, f"{shown}: schema at revision {head} (head), {rows} answers")
    later = "museum-qa upgrades it in place when the app next opens the log"
    backup = "nothing to do; back the log up first if you want a copy of the old schema"
    if not current and "answers" in tables:
        return Check(
            name,
            "warn",
            True,
            f"{shown}: made before schema revisions ({rows} answers): {later} "
            f"(from {FIRST_REVISION} to {head})",
            fix=backup,
        )
    if not current:
        return Check(name, "ok", True, f"{shown}: empty; its schema ({head}) is made on first use")
    script = ScriptDirectory.from_config(alembic_config())
    unknown = [rev for rev in current if not _known_revision(script, rev)]
    if unknown:
        return Check(
            name,
            "fail",
            True,
            f"{shown}: schema revision {', '.join(unknown)} is unknown to this museum-qa "
            f"(its head is {head}): a newer version wrote it",
            fix="upgrade museum-qa to the version that wrote the log, or point "
            "MUSEUM_QA_DB_URL at another database",
        )
    return Check(
        name,
        "warn",
        True,
        f"{shown}: schema at revision {', '.join(current)}, head is {head} ({rows} answers): "
        f"{later}",
        fix=backup,
    )


def _known_revision(script: Any, revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except Exception:  # alembic raises for an id it has never heard of
        return False


def check_chromium(path: Path = CHROMIUM) -> Check:
    """The browser the UI tests drive is present (optional: production does not need it)."""
    if path.is_file() and os.access(path, os.X_OK):
        return Check("chromium", "ok", False, f"{path} (only needed for the UI tests)")
    return Check(
        "chromium",
        "skip",
        False,
        f"not at {path}: only needed for the UI tests",
        fix="apt-get install chromium, on a machine that runs tests/e2e",
    )
