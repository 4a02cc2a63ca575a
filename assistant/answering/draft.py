"""Draft: the model phrases an answer from the numbered sources, in a schema it cannot escape."""

from __future__ import annotations

from langchain_core.language_models import BaseChatModel
from langchain_core.prompts import ChatPromptTemplate

from assistant.answering.catalogue import Numbered
from assistant.answering.config import NO_ASK, AnswerConfig
from assistant.answering.reading import Reading
from assistant.prompts import SYSTEM_PROMPT, USER_TEMPLATE, render_sources, response_format

PROMPT = ChatPromptTemplate.from_messages([("system", SYSTEM_PROMPT), ("human", USER_TEMPLATE)])


def generate(
    model: BaseChatModel, reading: Reading, numbered: Numbered, cfg: AnswerConfig
) -> tuple[str, str | None]:
    """The model's reply, or "" and why the model could not be asked."""
    sources = render_sources([(n, p.title, p.text) for n, p in numbered.items()])
    messages = PROMPT.format_messages(
        sources=sources, question=reading.text, max_sentences=cfg.max_sentences
    )
    bound = model.bind(response_format=response_format(len(numbered), cfg.max_sentences))
    try:
        reply = bound.invoke(messages)
    except Exception as exc:  # a model server that is down must not lose the visitor
        return "", f"model unavailable: {type(exc).__name__}: {exc}"
    return str(reply.content), None


def skipped(reading: Reading, cfg: AnswerConfig) -> str | None:
    """Why the model is not asked to phrase this question's answer, or None when it is."""
    if cfg.draft_asks is None:
        return None
    kinds = sorted(str(a) for a in reading.asks) or [NO_ASK]
    if cfg.draft_asks.intersection(kinds):
        return None
    return f"the model is not asked to phrase {', '.join(kinds)} questions"
