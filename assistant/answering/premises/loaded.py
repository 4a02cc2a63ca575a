"""Loaded framings: aliens, fakes, Atlantis, curses; refuted by a source sentence, or not at all."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answering.catalogue import Numbered
from assistant.answering.claims import LOADED, REFUTES
from assistant.answering.reading import Reading
from assistant.text import fold, has_negation, quote_units


@dataclass(frozen=True)
class LoadedClaim:
    """A conspiracy-style claim in the question, and the source sentence that refutes it."""

    claim: str
    correction: str | None
    n: int | None


def _refutation(key_words: re.Pattern[str], numbered: Numbered) -> tuple[int, str] | None:
    """The first source sentence that uses the framing's words and denies it."""
    for n, passage in numbered.items():
        if passage.kind == "record":
            continue
        for unit in quote_units(passage.text):
            low = fold(unit)
            if key_words.search(low) and (REFUTES.search(low) or has_negation(unit)):
                return n, unit
    return None


def check(reading: Reading, numbered: Numbered) -> list[LoadedClaim]:
    """Pseudo-historical framings in the question, each with its refutation if a source has one.

    A claim with no refuting source sentence has ``correction=None``: the assistant must not
    discuss it as if the museum had a view.
    """
    found = []
    for claim in reading.context_said.of("loaded"):
        key_words = next(key for pattern, key in LOADED if pattern.fullmatch(claim.value))
        best = _refutation(key_words, numbered)
        found.append(LoadedClaim(claim.value, best[1] if best else None, best[0] if best else None))
    return found
