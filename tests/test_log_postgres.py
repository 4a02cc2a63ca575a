"""A real, throwaway PostgreSQL server on loopback for the log-store tests.

Started once per test session from Debian's server binaries (apt-get install -y postgresql);
every test gets its own database. Skipped, with the reason, where the binaries are missing.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from assistant.answer_log import AnswerLog
from tests.servers import running_postgres

pytestmark = pytest.mark.integration


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A running server: yields its admin URL (trust auth, loopback only)."""
    with running_postgres() as server:
        yield server.admin_url


def fresh_postgres_url(request: pytest.FixtureRequest) -> str:
    """A new, empty database on the session's server (for parametrized store tests)."""
    import psycopg

    admin = request.getfixturevalue("postgres_server")
    name = f"t_{uuid.uuid4().hex[:12]}"
    dsn = admin.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return admin.rsplit("/", 1)[0] + f"/{name}"


def test_the_log_runs_on_a_real_postgresql_server(request):
    log = AnswerLog(fresh_postgres_url(request))
    assert log.engine.dialect.name == "postgresql"
    assert log.count() == 0
