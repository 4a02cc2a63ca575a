"""Schema migrations of the answer log (Alembic), applied in code when the log is opened.

A log created before migrations existed already has the ``answers`` table but no
``alembic_version``: it is stamped at the first revision (which creates exactly that table)
and then upgraded, so existing logs keep working.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import Engine

HERE = Path(__file__).resolve().parent
FIRST_REVISION = "0001"

# Two Streamlit sessions may open the log at once; one upgrade at a time per process.
_lock = threading.Lock()


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

    Args:
        engine: The answer log's engine.

    """
    head = head_revision()
    # Checking the version is one small query, so it is done on every open: a cached
    # "already at head" would go stale when a SQLite file is deleted and recreated.
    with _lock, engine.begin() as conn:
        current = MigrationContext.configure(conn).get_current_heads()
        if current == (head,):
            return
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        tables = set(inspect(conn).get_table_names())
        if not current and "answers" in tables:
            command.stamp(cfg, FIRST_REVISION)
        command.upgrade(cfg, "head")
