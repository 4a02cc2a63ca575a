"""Count: a source sentence that counts what the visitor counts, with another number."""

from __future__ import annotations

from assistant.answering.claims import quantities
from assistant.answering.config import DEFAULT, AnswerConfig
from assistant.answering.reading import Said


def count_differs(sentence: str, said: Said, cfg: AnswerConfig = DEFAULT) -> bool:
    """Whether the sentence counts something the visitor counts, with another number.

    "It contains roughly 26 million knots" against "about two million knots, right?"
    """
    stated = quantities(sentence)
    for claim in said.of("count"):
        other = stated.get(claim.value)
        assert claim.amount is not None
        if other is not None and abs(other - claim.amount) > cfg.count_tolerance * max(
            other, claim.amount
        ):
            return True
    return False
