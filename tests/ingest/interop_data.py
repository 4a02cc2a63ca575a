"""Where the shared real interop records live (never copied into the repository)."""

from pathlib import Path

import pytest

from ingest.loaders import Attestation, load_file
from tests.conftest import REPO

INTEROP = REPO.parent / "shared" / "data" / "interop"
ATTEST = Attestation("Registrar", "2026-12-03")


def folder(name: str) -> Path:
    """One format's folder of real records, or skip saying what is missing."""
    path = INTEROP / name
    if not path.is_dir():
        pytest.skip(f"needs the shared interop records at {path} (../shared/data/interop)")
    return path


def read_one(path: Path, fmt: str | None = None):
    """The single document a record file yields (fails on a refusal or error)."""
    [doc] = list(load_file(path, ATTEST, fmt=fmt))
    assert hasattr(doc, "source_id"), doc
    return doc


def check(doc, expected: dict) -> None:
    """Every expected field, one by one; ``text`` is checked as a start, ``text_has`` as parts."""
    for name, want in expected.items():
        if name == "creators":
            got = [(c.name, c.role, c.dates) for c in doc.creators]
        elif name == "text":
            assert doc.text.startswith(want), (name, doc.text[:200])
            continue
        elif name == "text_has":
            for part in want:
                assert part in doc.text, (part, doc.text[:300])
            continue
        elif name == "medium_starts":
            assert doc.medium.startswith(want), doc.medium
            continue
        else:
            got = getattr(doc, name)
        assert got == want, (name, got, want)
