"""Guard: a question that gives the assistant orders is refused before anything is looked up."""

from __future__ import annotations

from assistant.answering.reading import Reading
from assistant.answering.trace import Refusal, Trace


def check(reading: Reading, trace: Trace) -> Refusal | None:
    """Refuse a question that steers the assistant (a persona, a mode, a text to write)."""
    if reading.steers:
        return trace.refuse("guard", "the question contains instructions to the assistant")
    trace.add("guard", "passed")
    return None
