"""The real embedded path: llama.cpp with the SmolLM2 GGUF, the real embeddings and Chroma."""

import pytest

from assistant.service import build_assistant

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def assistant(indexed_dir, tmp_path_factory):
    from tests.conftest import make_settings

    log = tmp_path_factory.mktemp("log") / "log.sqlite3"
    return build_assistant(make_settings(indexed_dir, db_url=f"sqlite:///{log}"))


def test_answers_a_question_the_corpus_answers_with_valid_citations(assistant):
    answer = assistant.ask("Who painted The Night Watch?")
    assert answer.outcome == "answered", answer.refusal_reason
    assert "Rembrandt" in answer.answer
    assert answer.model.startswith("llama.cpp:SmolLM2")
    listed = {c.n: c for c in answer.citations}
    for sentence in answer.sentences:
        assert sentence.citations and set(sentence.citations) <= set(listed)
    assert listed[1].source_id == "test-night-watch"


def test_refuses_general_knowledge(assistant):
    answer = assistant.ask("What is the capital of France?")
    assert answer.outcome == "refused"


def test_is_deterministic(assistant):
    first = assistant.ask("Is The Night Watch set at night?").to_contract()
    second = assistant.ask("Is The Night Watch set at night?").to_contract()
    first.pop("timings_ms"), second.pop("timings_ms")
    assert first == second
