"""The model factory: one setting swaps llama.cpp, another GGUF, Ollama or the scripted fake."""

import socket

import pytest

from assistant.answering.config import EMBEDDED_DRAFT_ASKS
from assistant.errors import SettingsError
from assistant.fakes import ScriptedChatModel
from assistant.llm import LlamaCppChatModel, embedded_gguf_path, make_chat_model, model_name
from assistant.service import build_assistant, draft_asks
from assistant.settings import Settings


def test_embedded_default_is_the_packaged_smollm2(tmp_path):
    settings = Settings(data_dir=tmp_path)
    model = make_chat_model(settings)
    assert isinstance(model, LlamaCppChatModel)
    assert model.model_path == str(embedded_gguf_path())
    assert model.temperature == 0.0 and model.seed == 42
    assert model_name(settings) == "llama.cpp:SmolLM2-135M-Instruct.Q4_1.gguf"


def test_any_other_gguf_is_one_setting_away(tmp_path):
    settings = Settings(data_dir=tmp_path, llm=str(embedded_gguf_path()))
    assert isinstance(make_chat_model(settings), LlamaCppChatModel)


def test_missing_gguf_is_a_settings_error(tmp_path):
    with pytest.raises(SettingsError, match="no GGUF file"):
        make_chat_model(Settings(data_dir=tmp_path, llm=str(tmp_path / "x.gguf")))


def test_ollama_is_one_setting_away(tmp_path):
    from langchain_ollama import ChatOllama

    settings = Settings(
        data_dir=tmp_path, llm="ollama:qwen2.5:7b", ollama_host="http://127.0.0.1:9"
    )
    model = make_chat_model(settings)
    assert isinstance(model, ChatOllama)
    assert model.model == "qwen2.5:7b" and model.base_url == "http://127.0.0.1:9"
    assert model.temperature == 0.0 and model.seed == 42


def test_scripted_model_needs_no_weights(tmp_path):
    assert isinstance(
        make_chat_model(Settings(data_dir=tmp_path, llm="scripted")), ScriptedChatModel
    )


@pytest.mark.parametrize(
    "draft, llm, expected",
    [
        # 'auto': the embedded model only for the kinds it was measured to help with ...
        ("auto", "embedded", EMBEDDED_DRAFT_ASKS),
        # ... and a model the museum chose, or the fake, for every question.
        ("auto", "ollama:llama3.1", None),
        ("auto", "scripted", None),
        ("always", "embedded", None),
        ("never", "embedded", frozenset()),
        ("never", "ollama:llama3.1", frozenset()),
    ],
)
def test_which_questions_the_model_is_asked_to_phrase(tmp_path, draft, llm, expected):
    settings = Settings(data_dir=tmp_path, llm=llm, draft=draft)
    assert draft_asks(settings, make_chat_model(settings)) == expected


def test_a_model_asked_for_nothing_is_never_loaded(indexed_dir, tmp_path):
    settings = Settings(
        data_dir=indexed_dir, draft="never", db_url=f"sqlite:///{tmp_path / 'log.sqlite3'}"
    )
    assistant = build_assistant(settings)
    answer = assistant.ask("Who painted The Night Watch?")
    assert answer.outcome == "answered" and "Rembrandt" in answer.answer
    assert not assistant.chain.asks_model
    assert assistant.chain.model._process is None  # no llama.cpp worker was started


def test_ollama_server_down_still_answers_from_the_record_and_warns(indexed_dir, tmp_path):
    # A loopback port with nothing listening: the model server is down.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = Settings(
        data_dir=indexed_dir,
        llm="ollama:llama3.1",
        ollama_host=f"http://127.0.0.1:{port}",
        db_url=f"sqlite:///{tmp_path / 'log.sqlite3'}",
    )
    answer = build_assistant(settings).ask("What is the Rosetta Stone made of?")
    assert answer.outcome == "answered"
    assert "granodiorite" in answer.answer
    assert answer.warnings and "model unavailable" in answer.warnings[0]
    assert answer.model == "ollama:llama3.1"


def test_llama_cpp_model_honours_the_json_schema(tmp_path):
    from langchain_core.messages import HumanMessage

    from assistant.prompts import response_format

    model = make_chat_model(Settings(data_dir=tmp_path))
    reply = model.bind(response_format=response_format(2, 2)).invoke(
        [HumanMessage("Sources:\n[1] A: It is red.\n[2] B: It is blue.\n\nQuestion: What colour?")]
    )
    import json

    data = json.loads(str(reply.content))
    assert isinstance(data["sentences"], list)
    for item in data["sentences"]:
        assert set(item["citations"]) <= {1, 2}
