"""``MUSEUM_QA_LLM=openai:<base_url>:<model>``: settings, the request it sends, and faults.

The protocol tests use a tiny loopback HTTP server of our own that records requests; the
fault tests use a port with nothing listening (server down), that server sleeping past
``model_timeout`` (server slow), and a real ``llama_cpp.server`` brought up afterwards on the
same port (recovery). In every case the visitor gets a polite answer and it is logged.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from langchain_core.messages import HumanMessage

from assistant.answer import REFUSAL_TEXT
from assistant.answer_log import AnswerLog
from assistant.errors import SettingsError
from assistant.llm import MODEL_SERVER_RETRIES, make_chat_model, model_name
from assistant.prompts import response_format
from assistant.service import build_assistant
from assistant.settings import Settings, load_settings
from tests.conftest import make_settings
from tests.model_server import free_port, start_llama_server

# What llama-cpp-python's server (0.3.x) answers to a ``json_schema`` response format.
LLAMA_CPP_PYTHON_REJECTION = {
    "error": {
        "message": "1 validation error:\n  {'type': 'literal_error', 'loc': ('body', "
        "'response_format', 'type'), 'msg': \"Input should be 'text' or 'json_object'\", "
        "'input': 'json_schema'}",
        "type": "internal_server_error",
        "param": None,
        "code": None,
    }
}


class FakeOpenAIServer:
    """A loopback ``/v1/chat/completions`` that records requests and replies as told.

    ``delay``: seconds to hold each request before replying (longer than the client's timeout
    makes a slow server). ``reject_json_schema``: answer a ``json_schema`` response format
    with the error llama-cpp-python's server gives.
    """

    def __init__(self, content: str = '{"sentences": []}') -> None:
        self.content = content
        self.delay = 0.0
        self.reject_json_schema = False
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self._release = threading.Event()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.requests.append(body)
                fake.headers.append(dict(self.headers))
                if fake.delay:
                    fake._release.wait(fake.delay)
                fmt = body.get("response_format") or {}
                if fake.reject_json_schema and fmt.get("type") == "json_schema":
                    self._send(500, LLAMA_CPP_PYTHON_REJECTION)
                    return
                self._send(
                    200,
                    {
                        "id": "chatcmpl-fake",
                        "object": "chat.completion",
                        "created": 0,
                        "model": body.get("model", "fake"),
                        "choices": [
                            {
                                "index": 0,
                                "message": {"role": "assistant", "content": fake.content},
                                "finish_reason": "stop",
                            }
                        ],
                        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                    },
                )

            def _send(self, status: int, data: dict[str, Any]) -> None:
                raw = json.dumps(data).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(raw)))
                    self.end_headers()
                    self.wfile.write(raw)
                except OSError:  # the client gave up waiting (the slow-server test)
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeOpenAIServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def fake_server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as server:
        yield server


def ask_schema(model: Any) -> Any:
    return model.bind(response_format=response_format(2, 2)).invoke(
        [HumanMessage("Sources:\n[1] A: It is red.\n[2] B: It is blue.\n\nQuestion: What colour?")]
    )


# -- settings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "base_url", "model"),
    [
        ("openai:http://127.0.0.1:8080/v1:smollm2", "http://127.0.0.1:8080/v1", "smollm2"),
        (
            "openai:http://gpu-host:8000/v1:Qwen/Qwen2.5-7B-Instruct",
            "http://gpu-host:8000/v1",
            "Qwen/Qwen2.5-7B-Instruct",
        ),
        (
            "openai:https://llm.example.org/v1/:mistral-small",
            "https://llm.example.org/v1",
            "mistral-small",
        ),
    ],
)
def test_openai_setting_names_a_base_url_and_the_model_after_the_last_colon(
    tmp_path, value, base_url, model
):
    settings = load_settings(data_dir=tmp_path, llm=value)
    chat = make_chat_model(settings)
    assert chat.openai_api_base == base_url and chat.model_name == model
    assert model_name(settings) == f"openai:{model}"


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("openai:http://127.0.0.1:8080/v1", "looks like a base URL without a model name"),
        ("openai:http://127.0.0.1:8080", "looks like a base URL without a model name"),
        ("openai:smollm2", "has no base URL before the model name"),
        ("openai:http://127.0.0.1:8080/v1:", "has no model name after the base URL"),
        ("openai:ftp://host/v1:m", "needs an http(s) base URL"),
        ("openai:http://host:port/v1:m", "malformed base URL"),
        ("openai:http://host/v1:my model", "contains spaces"),
    ],
)
def test_malformed_openai_setting_is_a_clear_settings_error(tmp_path, value, problem):
    with pytest.raises(SettingsError) as caught:
        load_settings(data_dir=tmp_path, llm=value)
    message = str(caught.value)
    assert "MUSEUM_QA_LLM" in message and problem in message
    assert "openai:<base_url>:<model>" in message  # says what the right form is


def test_openai_model_gets_the_sampling_timeout_and_retry_settings(tmp_path):
    from langchain_openai import ChatOpenAI

    settings = Settings(
        data_dir=tmp_path, llm="openai:http://127.0.0.1:9/v1:smollm2", model_timeout=7.5
    )
    model = make_chat_model(settings)
    assert isinstance(model, ChatOpenAI)
    assert model.temperature == 0.0 and model.seed == 42
    assert model.max_tokens == settings.max_tokens
    assert model.request_timeout == 7.5
    assert model.max_retries == MODEL_SERVER_RETRIES <= 2


def test_api_key_is_a_secret_and_a_placeholder_is_sent_without_one(tmp_path, fake_server):
    llm = f"openai:{fake_server.base_url}:smollm2"
    keyless = Settings(data_dir=tmp_path, llm=llm)
    assert keyless.openai_api_key.get_secret_value() == ""
    ask_schema(make_chat_model(keyless))
    keyed = Settings(data_dir=tmp_path, llm=llm, openai_api_key="sk-museum")
    assert "sk-museum" not in repr(keyed)
    ask_schema(make_chat_model(keyed))
    auth = [h.get("Authorization") or h.get("authorization") for h in fake_server.headers]
    assert auth[0].startswith("Bearer ") and len(auth[0]) > len("Bearer ")
    assert auth[1] == "Bearer sk-museum"


def test_ollama_gets_the_model_timeout(tmp_path):
    settings = Settings(data_dir=tmp_path, llm="ollama:qwen2.5:7b", model_timeout=12)
    assert make_chat_model(settings).client_kwargs == {"timeout": 12}


# -- the request on the wire ---------------------------------------------------------------


def test_request_carries_max_tokens_seed_temperature_and_the_json_schema(tmp_path, fake_server):
    settings = Settings(data_dir=tmp_path, llm=f"openai:{fake_server.base_url}:smollm2")
    ask_schema(make_chat_model(settings))
    [sent] = fake_server.requests
    assert sent["model"] == "smollm2"
    assert sent["temperature"] == 0.0 and sent["seed"] == 42
    # llama-cpp-python's server ignores max_completion_tokens and would generate on.
    assert sent["max_tokens"] == settings.max_tokens and "max_completion_tokens" not in sent
    assert sent["response_format"]["type"] == "json_schema"  # vLLM, llama-server, OpenAI
    assert sent["response_format"]["json_schema"]["schema"]["required"] == ["sentences"]


def test_a_server_that_rejects_json_schema_gets_the_json_object_form(tmp_path, fake_server):
    fake_server.reject_json_schema = True
    fake_server.content = '{"sentences": [{"text": "It is red.", "citations": [1]}]}'
    model = make_chat_model(
        Settings(data_dir=tmp_path, llm=f"openai:{fake_server.base_url}:smollm2")
    )
    assert json.loads(str(ask_schema(model).content))["sentences"][0]["citations"] == [1]
    schema = response_format(2, 2)["json_schema"]["schema"]
    formats = [r["response_format"] for r in fake_server.requests]
    assert formats[-1] == {"type": "json_object", "schema": schema}
    assert all(f["type"] == "json_schema" for f in formats[:-1])
    fake_server.requests.clear()
    ask_schema(model)  # remembered: no second rejected request
    assert [r["response_format"]["type"] for r in fake_server.requests] == ["json_object"]


# -- faults: down, slow, and back ----------------------------------------------------------


def logged(settings: Settings, answer: Any) -> dict[str, Any]:
    row = AnswerLog(settings.log_url).get(answer.log_id)
    assert row is not None, "the answer was not logged"
    return row


def assert_polite(answer: Any) -> None:
    contract = json.dumps(answer.to_contract())
    assert "Traceback" not in contract
    if answer.outcome == "refused":
        assert answer.answer == REFUSAL_TEXT and answer.refusal_reason
    else:
        assert answer.sentences and all(s.origin != "model" for s in answer.sentences)
        assert all(s.citations for s in answer.sentences)


@pytest.mark.integration
def test_server_down_then_back_answers_from_the_record_then_from_the_model(indexed_dir, tmp_path):
    port = free_port()  # nothing listens here yet: the model server is down
    settings = make_settings(
        indexed_dir,
        llm=f"openai:http://127.0.0.1:{port}/v1:smollm2",
        model_timeout=10,
        db_url=f"sqlite:///{tmp_path / 'log.sqlite3'}",
    )
    assistant = build_assistant(settings)
    down = assistant.ask("What is the Rosetta Stone made of?")
    assert_polite(down)
    assert down.outcome == "answered" and "granodiorite" in down.answer
    assert down.warnings and "model unavailable" in down.warnings[0]
    assert "Connection" in down.warnings[0]
    assert down.model == "openai:smollm2"
    row = logged(settings, down)
    assert row["outcome"] == "answered" and "model unavailable" in row["warnings"][0]
    # A question the records cannot answer by quotation: a polite refusal, logged.
    unquotable = assistant.ask("How big is the Night Watch?")
    assert_polite(unquotable)
    # The visitor sees a refusal; the curator's log still shows the outage.
    assert unquotable.warnings and "model unavailable" in unquotable.warnings[0]
    unquotable_row = logged(settings, unquotable)
    assert unquotable_row["outcome"] == unquotable.outcome
    assert "model unavailable" in unquotable_row["warnings"][0]

    server = start_llama_server(port, tmp_path)
    try:
        back = assistant.ask("Who painted The Night Watch?")  # the same assistant recovers
    finally:
        server.stop()
    assert back.outcome == "answered" and "Rembrandt" in back.answer
    assert not back.warnings  # the model answered
    assert '"POST /v1/chat/completions HTTP/1.1" 200' in server.log_path.read_text()
    assert logged(settings, back)["warnings"] == []


@pytest.mark.integration
def test_slow_server_times_out_politely_and_is_used_again_when_fast(
    indexed_dir, tmp_path, fake_server
):
    timeout = 1.0
    fake_server.delay = 30.0  # far longer than the timeout
    settings = make_settings(
        indexed_dir,
        llm=f"openai:{fake_server.base_url}:smollm2",
        model_timeout=timeout,
        db_url=f"sqlite:///{tmp_path / 'log.sqlite3'}",
    )
    assistant = build_assistant(settings)
    started = time.monotonic()
    slow = assistant.ask("What is the Rosetta Stone made of?")
    waited = time.monotonic() - started
    assert_polite(slow)
    assert slow.outcome == "answered" and "granodiorite" in slow.answer
    assert slow.warnings and "model unavailable" in slow.warnings[0]
    assert "timed out" in slow.warnings[0].lower()
    # One try and MODEL_SERVER_RETRIES retries of `timeout` each, plus a short back-off.
    attempts = 1 + MODEL_SERVER_RETRIES
    assert timeout * attempts <= slow.timings_ms["generate_ms"] / 1000 < timeout * attempts + 5
    assert waited < 30
    assert len(fake_server.requests) == attempts
    assert "model unavailable" in logged(settings, slow)["warnings"][0]

    # The server recovers: the next question reaches it and its reply is used.
    fake_server.delay = 0.0
    fake_server.requests.clear()
    back = assistant.ask("What is the Rosetta Stone made of?")
    assert not back.warnings and len(fake_server.requests) == 1
    assert back.outcome == "answered" and "granodiorite" in back.answer
    assert logged(settings, back)["warnings"] == []
