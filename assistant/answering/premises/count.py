"""Count: a source sentence that counts what the visitor counts, with another number."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answering.claims import quantities
from assistant.answering.config import DEFAULT, AnswerConfig
from assistant.answering.reading import Said


def count_differs(
    sentence: str, said: Said, cfg: AnswerConfig = DEFAULT, titles: Sequence[str] = ()
) -> bool:
    """Whether the sentence counts something the visitor counts, with another number.

    "The chest has four drawers" against "it has some forty drawers?" A count
    a title of the evidence gives ("The Four Recluse Statesmen") is its name, not a claim.
    """
    stated = quantities(sentence)
    named = [quantities(title) for title in titles]
    # "Three poets here, six with its partner": a sentence that gives either count agrees.
    given: dict[str, list[float]] = {}
    for claim in said.of("count"):
        assert claim.amount is not None
        if not any(counted.get(claim.value) == claim.amount for counted in named):
            given.setdefault(claim.value, []).append(claim.amount)
    return any(
        noun in stated and all(_differ(stated[noun], amount, cfg) for amount in amounts)
        for noun, amounts in given.items()
    )


def _differ(one: float, other: float, cfg: AnswerConfig) -> bool:
    """Whether two counts differ by more than the tolerance."""
    return abs(one - other) > cfg.count_tolerance * max(one, other)


def count_agrees(sentence: str, said: Said, cfg: AnswerConfig = DEFAULT) -> bool:
    """Whether the sentence counts something the visitor counts, with the visitor's number."""
    stated = quantities(sentence)
    return any(
        claim.value in stated and not _differ(stated[claim.value], claim.amount, cfg)
        for claim in said.of("count")
        if claim.amount is not None
    )
