"""An embedded index written by another process is searched as it is now, without a restart.

Real Chroma on disk, the real embedder, real second processes (``museum-qa ingest`` and
``museum-qa sources withdraw``-like writes through ``VectorIndex``): a reader opened first
must find what a later writer added, and stop finding what it deleted.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from assistant.settings import Settings
from assistant.store import VectorIndex
from ingest.pipeline import ingest
from tests.conftest import REPO, TEST_CORPUS, make_settings

HOKUSAI = """---
id: test-great-wave
title: "The Great Wave off Kanagawa"
creators:
  - name: "Katsushika Hokusai"
    role: "printmaker"
date: "about 1831"
medium: "woodblock print; ink and colour on paper"
object_type: "print"
accession_number: "JP1847"
institution: "Test Museum"
license: "CC-BY-4.0"
vetted_by: "museum-qa test fixtures"
vetted_on: 2026-11-24
---
Hokusai's woodblock print shows a towering wave about to break over three fishing boats,
with Mount Fuji small in the distance between the troughs.
"""
WAVE = "Which print shows a huge wave over fishing boats with Mount Fuji behind?"


def run_cli(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``museum-qa`` in another process on the same data dir."""
    env = {**os.environ, "MUSEUM_QA_DATA_DIR": str(settings.data_dir), "HF_HUB_OFFLINE": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "ui.cli", *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def wave_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "great-wave.md").write_text(HOKUSAI)
    return folder


def sources(index: VectorIndex, question: str) -> set[str]:
    return {p.source_id for p in index.search(question, 4)}


def test_a_reader_finds_what_another_process_ingested_later(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data")
    reader = VectorIndex.open(settings, create=True)
    ingest([TEST_CORPUS], reader)
    assert "test-great-wave" not in sources(reader, WAVE)  # loaded before the new document

    run_cli(settings, "ingest", str(wave_corpus(tmp_path)))

    assert "test-great-wave" in sources(reader, WAVE)
    assert reader.get_record("test-great-wave") is not None
