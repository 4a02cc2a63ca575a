"""The real model paths: SmolLM2 in-process and behind a real OpenAI-compatible server.

Every test runs on both backends: ``embedded`` (llama.cpp in-process) and ``openai-server``
(``MUSEUM_QA_LLM=openai:...`` against llama-cpp-python's server running the same GGUF), with
the real embeddings and Chroma. Temperature 0 and seed 42 on both.
"""

import pytest

from assistant.service import build_assistant

pytestmark = pytest.mark.integration


MODEL_NAMES = {"embedded": "llama.cpp:SmolLM2", "openai-server": "openai:smollm2"}


@pytest.fixture(scope="module", params=sorted(MODEL_NAMES))
def backend(request):
    return request.param


@pytest.fixture(scope="module")
def assistant(backend, request, indexed_dir, tmp_path_factory):
    from tests.conftest import make_settings

    log = tmp_path_factory.mktemp("log") / "log.sqlite3"
    # These tests are of the model path itself: every question goes to the model.
    overrides: dict[str, object] = {"temperature": 0.0, "seed": 42, "draft": "always"}
    if backend == "openai-server":
        overrides["llm"] = request.getfixturevalue("llama_server").llm
    return build_assistant(make_settings(indexed_dir, db_url=f"sqlite:///{log}", **overrides))


def test_answers_a_question_the_corpus_answers_with_valid_citations(assistant, backend):
    answer = assistant.ask("Who painted The Night Watch?")
    assert answer.outcome == "answered", answer.refusal_reason
    assert "Rembrandt" in answer.answer
    assert answer.model.startswith(MODEL_NAMES[backend])
    assert not answer.warnings  # the model was reached
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
