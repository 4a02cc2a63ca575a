"""Eval-suite fixtures: hand-built answers and a transparent support checker.

The network guard is the shared one in tests/conftest.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import pytest

from assistant.answer import Answer, AnswerSentence, Citation
from assistant.store import Passage


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def word_support(sentence: str, passages: Sequence[Passage]) -> bool:
    """A transparent checker: every word longer than 3 letters appears in the passages."""
    have = set().union(*(_words(p.text) for p in passages)) if passages else set()
    return {w for w in _words(sentence) if len(w) > 3} <= have


SentenceSpec = tuple[str, list[int]]
CitationSpec = tuple[int, str, str]  # n, source_id, passage text


def make_answer(
    outcome: str,
    sentences: Sequence[SentenceSpec] = (),
    citations: Sequence[CitationSpec] = (),
    *,
    total_ms: float | None = 10.0,
    text: str | None = None,
) -> Answer:
    """Build an Answer the way the chain would, from sentences and numbered citations."""
    if text is None:
        text = " ".join(f"{s} {''.join(f'[{n}]' for n in c)}" for s, c in sentences)
        if outcome == "refused":
            text = "I don't have a vetted museum source for that."
    return Answer(
        question="q",
        outcome=outcome,  # type: ignore[arg-type]
        answer=text,
        sentences=[AnswerSentence(s, list(c)) for s, c in sentences],
        citations=[
            Citation(n, sid, sid.title(), "", "", "", passage) for n, sid, passage in citations
        ],
        timings_ms={} if total_ms is None else {"total_ms": total_ms},
    )


@pytest.fixture
def answer_factory() -> Callable[..., Answer]:
    return make_answer


@pytest.fixture
def support() -> Callable[[str, Sequence[Passage]], bool]:
    return word_support
