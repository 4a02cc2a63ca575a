"""Schema migrations of the answer log (Alembic), applied in code when the log is opened.

A log created before migrations existed already has the ``answers`` table but no
``alembic_version``: it is stamped at the first revision (which creates exactly that table)
and then upgraded, so existing logs keep working.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

try:  # POSIX: a lock file serialises upgrades of one SQLite file across processes
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

HERE = Path(__file__).resolve().parent
FIRST_REVISION = "0001"

# Two Streamlit sessions may open the log at once; one upgrade at a time per process.
_lock = threading.Lock()
# pg_advisory_xact_lock key of the answer-log upgrade ("museumqa" in ASCII, fits a bigint).
ADVISORY_KEY = 0x6D757365756D7161


def alembic_config(url: str = "") -> Config:
    """An Alembic config pointing at this package (no alembic.ini needed).

    Args:
        url: SQLAlchemy URL for commands run without a connection; empty means the
            configured answer log.

    Returns:
        The config object to pass to ``alembic.command`` functions.

    """
    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    if url:
        # ConfigParser treats "%" as interpolation; URLs with escaped passwords contain it.
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


@lru_cache(maxsize=1)
def head_revision() -> str:
    """The newest revision in this package."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None  # the package always ships revisions
    return head


def upgrade_to_head(engine: Engine) -> None:
    """Bring the database behind ``engine`` to the newest schema (a no-op when it is there).

    Several processes may open the same log at once (two ``museum-qa serve`` instances on one
    PostgreSQL, the API beside the Streamlit app on one SQLite file): the upgrade holds a lock
    that spans processes (a PostgreSQL advisory lock, or a lock file beside a SQLite file), and
    the version is read again under it, so exactly one of them creates the tables.

    Args:
        engine: The answer log's engine.

    """
    head = head_revision()
    # Checking the version is one small query, so it is done on every open: a cached
    # "already at head" would go stale when a SQLite file is deleted and recreated.
    with _lock:
        with engine.connect() as conn:
            if MigrationContext.configure(conn).get_current_heads() == (head,):
                return  # the common case: no lock (a read-only log file stays readable)
        with _across_processes(engine), engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # Held until this transaction ends; every upgrader of this database waits here.
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_KEY})
            current = MigrationContext.configure(conn).get_current_heads()
            if current == (head,):
                return  # another process upgraded it while we waited
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            tables = set(inspect(conn).get_table_names())
            if not current and "answers" in tables:
                command.stamp(cfg, FIRST_REVISION)
            command.upgrade(cfg, "head")


@contextlib.contextmanager
def _across_processes(engine: Engine) -> Iterator[None]:
    """For a SQLite file: an exclusive lock on ``<file>.migrate-lock`` while upgrading.

    SQLite runs Alembic's DDL outside one transaction, so two processes could each see an
    empty file and both create the tables. Other databases: nothing here (PostgreSQL's
    advisory lock is taken on the upgrading connection).
    """
    database = engine.url.database if engine.url.get_backend_name() == "sqlite" else None
    if fcntl is None or not database or database == ":memory:" or database.startswith("file:"):
        yield
        return
    try:
        handle = open(f"{database}.migrate-lock", "a")  # noqa: SIM115 - held across the yield
    except OSError:  # a read-only folder: the upgrade itself will fail, and say why
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
