"""Shared fixtures: real Chroma in temp dirs, the real embedding model, a scripted model."""

from __future__ import annotations

import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.settings import Settings
from assistant.store import VectorIndex
from ingest.pipeline import ingest
from tests.model_server import llama_server  # noqa: F401  (a session fixture)

DATA = Path(__file__).parent / "data"
TEST_CORPUS = DATA / "corpus"
REPO = Path(__file__).resolve().parent.parent
WALTERS = REPO.parent / "shared" / "data" / "walters-art-museum" / "objects.jsonl"


@pytest.fixture(autouse=True)
def _no_network(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any test that reaches beyond loopback: model weights must come from packages."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> object:
        host = address[0] if isinstance(address, tuple) else None
        if host is not None and not str(host).startswith(("127.", "::1", "localhost")):
            raise RuntimeError(f"test tried to reach the network: {address!r}")
        return real_connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded)


def make_settings(data_dir: Path, **overrides: object) -> Settings:
    """Settings isolated in ``data_dir`` (never the user's real index)."""
    return Settings(data_dir=data_dir, **overrides)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def indexed_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A data dir with tests/data/corpus ingested once (read-only for tests that share it)."""
    data_dir = tmp_path_factory.mktemp("indexed")
    settings = make_settings(data_dir)
    report = ingest([TEST_CORPUS], VectorIndex.open(settings, create=True))
    assert len(report.added) == 3 and not report.errors
    yield data_dir
    shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture
def indexed_settings(indexed_dir: Path, tmp_path: Path) -> Settings:
    """Settings reading the shared index, with this test's own answer log."""
    return make_settings(indexed_dir, db_url=f"sqlite:///{tmp_path / 'log.sqlite3'}")


@pytest.fixture
def fresh_index(tmp_path: Path) -> tuple[Settings, VectorIndex]:
    """An empty index of this test's own."""
    settings = make_settings(tmp_path / "data")
    return settings, VectorIndex.open(settings, create=True)
