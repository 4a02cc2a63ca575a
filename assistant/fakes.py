"""Deterministic stand-ins for the chat model, for tests and model-free demos."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import Field

Reply = str | Callable[[list[BaseMessage]], str]


class ScriptedChatModel(BaseChatModel):
    """Replays scripted replies in order (the last one repeats) and records every prompt.

    A reply may be a function of the prompt, e.g. to cite whatever source was numbered [1].
    With no script it answers with an empty JSON answer, as a model with nothing to say would.
    """

    replies: Sequence[Reply] = Field(default_factory=list)
    prompts: list[list[BaseMessage]] = Field(default_factory=list)
    calls_kwargs: list[dict[str, Any]] = Field(default_factory=list)

    @property
    def _llm_type(self) -> str:
        return "scripted"

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        self.prompts.append(list(messages))
        self.calls_kwargs.append(dict(kwargs))
        if not self.replies:
            text = '{"sentences": []}'
        else:
            reply = self.replies[min(len(self.prompts) - 1, len(self.replies) - 1)]
            text = reply(messages) if callable(reply) else reply
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])
