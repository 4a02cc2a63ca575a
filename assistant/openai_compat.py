"""A chat model for any OpenAI-compatible server: llama.cpp's servers, vLLM, OpenAI itself.

Imported only when ``MUSEUM_QA_LLM=openai:<base_url>:<model>`` (see ``llm.make_chat_model``).
"""

from __future__ import annotations

from typing import Any

import openai
from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import LanguageModelInput
from langchain_core.messages import BaseMessage
from langchain_core.outputs import ChatResult
from langchain_openai import ChatOpenAI
from pydantic import PrivateAttr


def as_json_object(response_format: dict[str, Any]) -> dict[str, Any]:
    """OpenAI's ``json_schema`` form as ``{"type": "json_object", "schema": ...}``.

    The form llama-cpp-python's server (and llama.cpp's ``llama-server``) turn into a grammar.
    """
    return {"type": "json_object", "schema": response_format.get("json_schema", {}).get("schema")}


def rejects_json_schema(exc: openai.APIStatusError) -> bool:
    """Whether a server refused the ``json_schema`` response format itself.

    llama-cpp-python's server answers it with a 500 naming the literal ``json_schema``; other
    servers use 400 or 422.
    """
    text = f"{exc} {exc.body}"
    return exc.status_code in {400, 422, 500} and (
        "json_schema" in text or "response_format" in text
    )


class OpenAICompatibleChatModel(ChatOpenAI):
    """``ChatOpenAI`` speaking the dialect that local OpenAI-compatible servers understand.

    * ``max_tokens`` goes out as ``max_tokens``: ChatOpenAI renames it
      ``max_completion_tokens``, which llama-cpp-python's server ignores (it would then
      generate until the context is full).
    * A ``json_schema`` response format is sent as OpenAI defines it (vLLM, ``llama-server``,
      OpenAI). A server that rejects that form (llama-cpp-python's accepts only
      ``{"type": "json_object", "schema": ...}``) gets the ``json_object`` form from then on,
      so the schema is still enforced by the server's grammar.
    """

    _json_object: bool = PrivateAttr(default=False)

    def _get_request_payload(
        self,
        input_: LanguageModelInput,
        *,
        stop: list[str] | None = None,
        **kwargs: Any,
    ) -> dict[str, Any]:
        payload: dict[str, Any] = super()._get_request_payload(input_, stop=stop, **kwargs)
        if "max_completion_tokens" in payload:
            payload["max_tokens"] = payload.pop("max_completion_tokens")
        return payload

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        fmt = kwargs.get("response_format")
        schema_format = isinstance(fmt, dict) and fmt.get("type") == "json_schema"
        if not schema_format:
            return super()._generate(messages, stop, run_manager, **kwargs)
        assert isinstance(fmt, dict)
        if self._json_object:
            kwargs["response_format"] = as_json_object(fmt)
            return super()._generate(messages, stop, run_manager, **kwargs)
        try:
            return super()._generate(messages, stop, run_manager, **kwargs)
        except openai.APIStatusError as exc:
            if not rejects_json_schema(exc):
                raise
        kwargs["response_format"] = as_json_object(fmt)
        result = super()._generate(messages, stop, run_manager, **kwargs)
        self._json_object = True
        return result
