"""Deterministic stand-ins for the chat model, the embedder and the store, for tests and demos."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.embeddings import Embeddings
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import Field

from assistant.documents import other_titles_from_meta
from assistant.keywords import KeywordIndex
from assistant.store import Passage
from assistant.text import content_words
from assistant.verify import cosine

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


class HashingEmbedder(Embeddings):
    """Offline, deterministic embeddings: each word stem hashes to a dimension.

    Shared words give similar vectors (random hash-seeded vectors would not), which is all a
    stage test of ranking or retrieval needs.
    """

    def __init__(self, dims: int = 256):
        self.dims = dims

    def _vector(self, text: str) -> list[float]:
        vector = [0.0] * self.dims
        for word in content_words(text):
            digest = hashlib.blake2b(word.encode(), digest_size=4).digest()
            vector[int.from_bytes(digest, "big") % self.dims] += 1.0
        return vector

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """One vector per text."""
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        """The vector of one text."""
        return self._vector(text)


class MemoryRetriever:
    """An in-memory store of passages, searched with ``HashingEmbedder`` (the Retriever port)."""

    def __init__(self, passages: Sequence[Passage], embedder: Embeddings | None = None):
        self.passages = list(passages)
        self.embedder = embedder or HashingEmbedder()

    def search(self, query: str, k: int) -> list[Passage]:
        """Nearest passages to ``query``, best first, scored by cosine similarity."""
        vectors = self.embedder.embed_documents([query, *(p.text for p in self.passages)])
        scored = [
            replace(p, score=cosine(vectors[0], v))
            for p, v in zip(self.passages, vectors[1:], strict=True)
        ]
        return sorted(scored, key=lambda p: -p.score)[:k]

    def keyword_search(self, query: str, k: int) -> list[Passage]:
        """Passages sharing the query's rarer words (BM25 order), scored by cosine."""
        index = KeywordIndex([p.chunk_id for p in self.passages], [p.text for p in self.passages])
        order = {cid: rank for rank, (cid, _) in enumerate(index.search(query, k))}
        scored = {p.chunk_id: p for p in self.search(query, len(self.passages))}
        return sorted((scored[cid] for cid in order), key=lambda p: order[p.chunk_id])

    def texts(self) -> list[str]:
        """The text of every passage."""
        return [p.text for p in self.passages]

    def titles_by_language(self) -> tuple[tuple[str, str, str], ...]:
        """(source id, language, title) of the records' titles in other languages."""
        return tuple(
            (p.source_id, language, title)
            for p in self.passages
            if p.kind == "record"
            for language, title in other_titles_from_meta(p.meta)
        )

    def get_record(self, source_id: str) -> Passage | None:
        """The catalogue-record passage of one source (score 1, as the real store gives)."""
        found = self.find({"source_id": source_id, "kind": "record"}, limit=1)
        return found[0] if found else None

    def find(self, where: dict[str, Any], limit: int = 20) -> list[Passage]:
        """Passages whose metadata (or source id, kind) match ``where`` exactly; score 1."""

        def value(p: Passage, key: str) -> Any:
            return getattr(p, key) if key in {"source_id", "kind"} else p.meta.get(key)

        found = [p for p in self.passages if all(value(p, k) == v for k, v in where.items())]
        return [replace(p, score=1.0) for p in found[:limit]]
