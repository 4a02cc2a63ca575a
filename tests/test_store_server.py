"""The same ingest, listing, withdrawal and answers against a real ``chroma run`` server.

The fixture starts the server from the chromadb package on a free loopback port in a temp
dir, so plain ``pytest`` (and CI, through README's test command) covers server mode.
"""

import json

import pytest
from click.testing import CliRunner

from assistant.errors import StoreUnavailableError
from assistant.fakes import ScriptedChatModel
from assistant.service import build_assistant
from assistant.store import VectorIndex
from ingest.pipeline import ingest
from tests.conftest import DATA, TEST_CORPUS, make_settings
from tests.servers import ChromaServer, free_port
from ui.cli import main

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    """A real Chroma server for this module; stopped (and its data removed) afterwards."""
    server = ChromaServer(tmp_path_factory.mktemp("chroma-server") / "db").start()
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture
def server_settings(chroma_url, tmp_path, request):
    # One collection per test: they share the server, not each other's index.
    name = "t_" + request.node.name.replace("[", "_").replace("]", "")[:50]
    return make_settings(
        tmp_path / "data",
        chroma_url=chroma_url,
        collection=name,
        db_url=f"sqlite:///{tmp_path / 'log.sqlite3'}",
    )


def test_ingest_is_incremental_against_a_chroma_server(server_settings):
    index = VectorIndex.open(server_settings, create=True)
    first = ingest([TEST_CORPUS, DATA / "formats" / "hay-wain.html"], index)
    assert len(first.added) == 4 and not first.errors
    second = ingest([TEST_CORPUS, DATA / "formats" / "hay-wain.html"], index)
    assert second.chunks_written == 0 and len(second.unchanged) == 4
    assert not (server_settings.data_dir / "chroma").exists()  # nothing embedded on disk


def test_answers_cite_sources_from_a_chroma_server_and_stop_when_withdrawn(server_settings):
    index = VectorIndex.open(server_settings, create=True)
    ingest([TEST_CORPUS], index)
    reply = json.dumps({"sentences": [{"text": "It is granodiorite.", "citations": [1]}]})
    model = ScriptedChatModel(replies=[reply])
    answer = build_assistant(server_settings, model=model).ask("What is the Rosetta Stone made of?")
    assert answer.outcome == "answered"
    assert answer.citations[0].source_id == "test-rosetta-stone"
    index.set_withdrawn("test-rosetta-stone", True, reason="under review", on="2026-11-24")
    answer = build_assistant(server_settings, model=model).ask("What is the Rosetta Stone made of?")
    assert answer.outcome == "refused"
    assert ingest([TEST_CORPUS], index).withdrawn == ["test-rosetta-stone"]
    assert index.get_record("test-rosetta-stone") is None


def test_cli_commands_work_against_a_chroma_server(chroma_url, tmp_path):
    env = {
        "MUSEUM_QA_CHROMA_URL": chroma_url,
        "MUSEUM_QA_COLLECTION": "cli_server",
        "MUSEUM_QA_DATA_DIR": str(tmp_path / "data"),
        "MUSEUM_QA_LLM": "scripted",
    }
    runner = CliRunner()

    def run(*args):
        return runner.invoke(main, list(args), env=env, catch_exceptions=False)

    ingested = run("ingest", str(TEST_CORPUS))
    assert ingested.exit_code == 0 and chroma_url in ingested.output
    assert "3 of 3 sources" in run("sources").output
    assert run("sources", "withdraw", "test-mona-lisa", "--reason", "x").exit_code == 0
    listed = json.loads(run("sources", "--withdrawn", "--json").output)
    assert [r["source_id"] for r in listed] == ["test-mona-lisa"]
    asked = json.loads(run("ask", "What is the Rosetta Stone made of?", "--json").output)
    assert asked["outcome"] == "answered"
    assert run("sources", "restore", "test-mona-lisa").exit_code == 0
    assert json.loads(run("sources", "--withdrawn", "--json").output) == []
    shown = json.loads(run("sources", "show", "test-mona-lisa", "--json").output)
    assert shown["withdrawn_reason"] == "" and len(shown["chunk_list"]) == 2


def test_unreachable_server_is_a_clear_error(tmp_path):
    settings = make_settings(tmp_path, chroma_url=f"http://127.0.0.1:{free_port()}")
    with pytest.raises(StoreUnavailableError, match="cannot reach the Chroma server"):
        VectorIndex.open(settings, create=True)


def test_keyword_search_against_a_chroma_server_follows_its_changes(server_settings, tmp_path):
    # A server's index has no change stamp: the keyword index is rebuilt when the chunk count
    # changes, and withdrawals (no count change) are filtered at each search.
    index = VectorIndex.open(server_settings, create=True)
    ingest([TEST_CORPUS], index)
    granite = "Which object is granodiorite?"
    assert index.keyword_search(granite, 3)[0].source_id == "test-rosetta-stone"

    other = VectorIndex.open(server_settings)  # another app instance on the same server
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "hay-wain.html").write_bytes((DATA / "formats" / "hay-wain.html").read_bytes())
    (folder / "hay-wain.html.meta.yaml").write_bytes(
        (DATA / "formats" / "hay-wain.html.meta.yaml").read_bytes()
    )
    ingest([folder], other)
    assert index.keyword_search("Constable hay wain", 3)[0].source_id == "test-hay-wain"

    other.set_withdrawn("test-rosetta-stone", True, reason="on loan", on="2026-12-05")
    assert "test-rosetta-stone" not in {p.source_id for p in index.keyword_search(granite, 3)}
