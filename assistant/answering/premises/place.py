"""Place: a question that places the object somewhere its record does not."""

from __future__ import annotations

from assistant.answering.premises.subject import PremiseIssue, Subject


def check(subject: Subject) -> list[PremiseIssue]:
    """A place named "in X" that no word of the record accounts for."""
    meta = subject.meta
    if not subject.wrong_places or not (meta.get("place_made") or meta.get("institution")):
        return []
    fix = subject.fix("place") or subject.fix("institution")
    if not fix:
        return []
    wrong = subject.wrong_places
    return [PremiseIssue(f"places it in {', '.join(wrong)}", fix, subject.n, tuple(wrong))]
