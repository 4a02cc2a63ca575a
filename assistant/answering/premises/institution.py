"""Institution: a museum the question says holds the object, when the record names another."""

from __future__ import annotations

from assistant.answering.premises.subject import PremiseIssue, Subject
from assistant.text import content_words, fold


def check(subject: Subject) -> list[PremiseIssue]:
    """The first museum named that is not the record's institution."""
    institution = fold(str(subject.meta.get("institution", "")))
    for claim in subject.said.of("institution"):
        claimed = fold(claim.value).strip()
        if (
            institution
            and claimed
            and claimed not in institution
            and not set(content_words(claimed)) <= set(content_words(institution))
        ):
            fix = subject.fix("institution")
            if not fix:
                return []
            return [PremiseIssue(f"places it in {claim.value}", fix, subject.n, (claim.value,))]
    return []
