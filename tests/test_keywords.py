"""Ranking by a question's words: the BM25 index (bm25s) and the store's keyword search.

The index itself is tested on small texts; the store's search on real Chroma with the real
embedder: what it finds, how it scores what it finds, and that it follows the store's
changes (a withdrawal, another process's ingest, a write of its own).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.keywords import KeywordIndex
from assistant.store import Passage, VectorIndex
from ingest.pipeline import ingest
from tests.conftest import TEST_CORPUS, make_settings
from tests.test_store_freshness import run_cli, wave_corpus

TEXTS = {
    "ewer": "A brass ewer inlaid with silver, made in Herat about 1200.",
    "bowl": "A lustre-painted bowl from Kashan with a horseman and his falconer.",
    "tile": "A star-shaped lustre tile from Kashan, its border written with verses.",
    "panel": "An oak panel painted in oil with the Virgin and Child.",
}


@pytest.fixture(scope="module")
def words() -> KeywordIndex:
    return KeywordIndex(list(TEXTS), list(TEXTS.values()))


@pytest.mark.parametrize(
    "question, first",
    [
        ("Where was the inlaid ewer made?", "ewer"),  # the rare word decides
        ("Is there a horseman on the Kashan bowl?", "bowl"),  # two of its words beat one
        ("which tiles have verses?", "tile"),  # stemmed: tiles = tile
        ("Who painted the Virgin on oak?", "panel"),
    ],
)
def test_the_chunk_sharing_the_rarest_words_comes_first(words, question, first):
    assert words.search(question, 2)[0][0] == first


@pytest.mark.parametrize(
    "question",
    [
        "",
        "What is it?",  # stopwords only
        "the capital of Mongolia",  # words no text uses
    ],
)
def test_a_question_sharing_no_word_with_the_texts_ranks_nothing(words, question):
    assert words.search(question, 3) == []


def test_only_chunks_that_share_a_word_are_ranked_and_no_more_than_asked(words):
    found = words.search("Kashan lustre", 10)
    assert {cid for cid, _ in found} == {"bowl", "tile"}
    assert all(score > 0 for _, score in found)
    assert len(words.search("Kashan lustre", 1)) == 1


def test_an_empty_index_finds_nothing_and_mismatched_input_is_refused():
    assert KeywordIndex([], []).search("ewer", 3) == []
    with pytest.raises(ValueError, match="2 ids for 1 texts"):
        KeywordIndex(["a", "b"], ["one text"])


def test_texts_in_another_language_are_stemmed_in_theirs():
    french = KeywordIndex(["a", "b"], ["Les chevaux du carrosse.", "Une aiguière en laiton."], "fr")
    assert french.search("un cheval", 2)[0][0] == "a"


# -- the store's keyword search: real Chroma, the real embedder --------------------------------


def test_the_store_finds_by_a_rare_word_and_scores_by_meaning(tmp_path: Path):
    index = VectorIndex.open(make_settings(tmp_path / "data"), create=True)
    ingest([TEST_CORPUS], index)
    question = "Which object is granodiorite?"
    found = index.keyword_search(question, 3)
    assert found and found[0].source_id == "test-rosetta-stone"
    # The score is the cosine the meaning search gives the same chunk: one scale for floors.
    by_meaning = {p.chunk_id: p.score for p in index.search(question, 20)}
    for passage in found:
        assert passage.score == pytest.approx(by_meaning[passage.chunk_id], abs=1e-3)
    assert index.keyword_search("zebra xylophone", 3) == []


def test_the_store_keyword_search_follows_withdrawals_and_writes(tmp_path: Path):
    settings = make_settings(tmp_path / "data")
    corpus = tmp_path / "corpus"
    shutil.copytree(TEST_CORPUS, corpus)
    (corpus / "night-watch.md").unlink()
    index = VectorIndex.open(settings, create=True)
    ingest([corpus], index)
    reader = VectorIndex.open(make_settings(settings.data_dir))
    granite = "Which object is granodiorite?"
    assert "test-rosetta-stone" in sources(reader.keyword_search(granite, 3))

    index.set_withdrawn("test-rosetta-stone", True, reason="on loan", on="2026-12-05")
    assert "test-rosetta-stone" not in sources(reader.keyword_search(granite, 3))
    index.set_withdrawn("test-rosetta-stone", False)
    assert "test-rosetta-stone" in sources(reader.keyword_search(granite, 3))

    # A write of this index's own, then another process's ingest: each is searched at once.
    wave = "Kanagawa woodblock"
    assert index.keyword_search(wave, 3) == []
    ingest([wave_corpus(tmp_path)], index)
    assert index.keyword_search(wave, 3)[0].source_id == "test-great-wave"
    militia = "the arquebusier militia of Kloveniersdoelen"
    assert "test-night-watch" not in sources(reader.keyword_search(militia, 3))
    shutil.copy(TEST_CORPUS / "night-watch.md", corpus)
    run_cli(settings, "ingest", str(corpus))
    assert reader.keyword_search(militia, 3)[0].source_id == "test-night-watch"
    assert index.keyword_search(militia, 3)[0].source_id == "test-night-watch"


def test_the_store_reads_the_objects_titles_in_other_languages_as_they_change(tmp_path: Path):
    settings = make_settings(tmp_path / "data")
    corpus = tmp_path / "corpus"
    shutil.copytree(TEST_CORPUS, corpus)
    index = VectorIndex.open(settings, create=True)
    ingest([corpus], index)
    reader = VectorIndex.open(make_settings(settings.data_dir))
    french = ("test-night-watch", "fr", "La Ronde de nuit")
    assert french in reader.titles_by_language()

    # Another process's ingest gives the object another French title: read at once.
    doc = corpus / "night-watch.md"
    doc.write_text(
        doc.read_text().replace("La Ronde de nuit", "La Compagnie de Frans Banninck Cocq")
    )
    run_cli(settings, "ingest", str(corpus))
    titles = reader.titles_by_language()
    assert french not in titles
    assert ("test-night-watch", "fr", "La Compagnie de Frans Banninck Cocq") in titles

    # A withdrawn object is named by no title.
    index.set_withdrawn("test-night-watch", True, reason="on loan", on="2026-12-07")
    assert not any(source == "test-night-watch" for source, _, _ in index.titles_by_language())


def sources(passages: list[Passage]) -> set[str]:
    return {p.source_id for p in passages}


def test_a_server_start_builds_the_index_on_a_thread_and_a_question_waits_for_that_build(
    tmp_path: Path, monkeypatch
):
    import threading

    import assistant.store as store_module
    from assistant.chain import AnswerChain
    from assistant.fakes import ScriptedChatModel
    from assistant.verify import Verifier

    index = VectorIndex.open(make_settings(tmp_path / "data"), create=True)
    ingest([TEST_CORPUS], index)
    started, release, builds = threading.Event(), threading.Event(), []

    class SlowIndex(KeywordIndex):  # a build that takes as long as the test says
        def __init__(self, *args, **kwargs):
            builds.append(threading.current_thread().name)
            started.set()
            assert release.wait(30)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(store_module, "KeywordIndex", SlowIndex)
    chain = AnswerChain(index, ScriptedChatModel(), Verifier(index.embeddings))
    building = chain.prepare()
    # prepare has returned while the build is still under way: the server starts answering.
    assert building is not None and started.wait(30) and building.is_alive()
    found: list[Passage] = []
    asking = threading.Thread(target=lambda: found.extend(index.keyword_search("granodiorite", 3)))
    asking.start()
    release.set()
    building.join(30)
    asking.join(30)
    assert builds == ["keyword-index"]  # one build, the start's; the question waited for it
    assert found and found[0].source_id == "test-rosetta-stone"


def test_with_keyword_search_off_a_start_builds_no_index(tmp_path: Path):
    from assistant.answering.config import AnswerConfig
    from assistant.chain import AnswerChain
    from assistant.fakes import ScriptedChatModel
    from assistant.verify import Verifier

    index = VectorIndex.open(make_settings(tmp_path / "data"), create=True)
    ingest([TEST_CORPUS], index)
    off = AnswerConfig(keyword_top_k=0)
    chain = AnswerChain(index, ScriptedChatModel(), Verifier(index.embeddings), off)
    assert chain.prepare() is None
    assert index._keyword_index is None
