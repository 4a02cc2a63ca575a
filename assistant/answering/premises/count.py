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
    for claim in said.of("count"):
        if any(counted.get(claim.value) == claim.amount for counted in named):
            continue
        other = stated.get(claim.value)
        assert claim.amount is not None
        if other is not None and abs(other - claim.amount) > cfg.count_tolerance * max(
            other, claim.amount
        ):
            return True
    return False
