"""Place: a question that places the object somewhere its record does not."""

from __future__ import annotations

from assistant.answering import parse
from assistant.answering.claims import FINDING
from assistant.answering.premises.subject import PremiseIssue, Subject
from assistant.text import fold

# The verbs a find-spot is said with ("dug up at", "turned up in"): the record's find-spot
# corrects them, not the place it was made.
_FINDING = frozenset(phrase.split()[0] for phrase in FINDING)


def check(subject: Subject) -> list[PremiseIssue]:
    """A place named "in X" that no word of the record accounts for."""
    meta = subject.meta
    if not subject.wrong_places or not (
        meta.get("place_made") or meta.get("place_found") or meta.get("institution")
    ):
        return []
    found = subject.fix("found") if _said_as_found(subject) else None
    fix = found or subject.fix("place") or subject.fix("institution")
    if not fix:
        return []
    wrong = subject.wrong_places
    return [PremiseIssue(f"places it in {', '.join(wrong)}", fix, subject.n, tuple(wrong))]


def _said_as_found(subject: Subject) -> bool:
    """Whether a wrong place is said as where the object turned up ("dug up at X")."""
    wrong = {fold(w) for w in subject.wrong_places}
    spans = [c.span for c in subject.said.of("place") if c.value in wrong]
    return any(parse.verb_of(subject.said.text, start) in _FINDING for start, _ in spans)
