"""Premise rules: each compares what the question asserts with a record field or a source.

One module per rule (maker, date, material, place, institution, count, loaded framings); each
takes the Reading (scoped to one object) and returns the issues it finds.
"""

from __future__ import annotations

from assistant.answering.catalogue import Numbered
from assistant.answering.config import DEFAULT, AnswerConfig
from assistant.answering.identify import named_or_described
from assistant.answering.premises import date, institution, maker, material, place
from assistant.answering.premises.count import count_differs
from assistant.answering.premises.loaded import LoadedClaim
from assistant.answering.premises.loaded import check as check_loaded
from assistant.answering.premises.refuting import refutes
from assistant.answering.premises.subject import PremiseIssue, scoped, subject
from assistant.answering.reading import Reading

__all__ = [
    "LoadedClaim",
    "PremiseIssue",
    "check",
    "check_loaded",
    "count_differs",
    "refutes",
]


def check(
    reading: Reading,
    numbered: Numbered,
    cfg: AnswerConfig = DEFAULT,
    meant: set[str] | None = None,
) -> list[PremiseIssue]:
    """Conflicts between what the question asserts and the records of the objects it names.

    ``meant`` are the sources found named before the evidence was widened to their other
    passages (which may push out a look-alike that told them apart); by default they are
    found in ``numbered``.
    """
    issues: list[PremiseIssue] = []
    records = {n: p for n, p in numbered.items() if p.kind == "record"}
    subjects = {n: p for n, p in records.items() if p.source_id in meant} if meant else {}
    if not reading.words_read and not subjects:
        return []  # in another language, only the object it names or is nearest to
    for n, passage in (subjects or named_or_described(reading, numbered, cfg)).items():
        # A question in another language is not split by the English coverage of its parts.
        scope = (
            scoped(reading, passage, numbered, cfg) if reading.words_read else reading.context_said
        )
        about = subject(n, passage, scope, numbered, cfg)
        issues += place.check(about)
        alike = maker.look_alikes(passage, numbered.values(), cfg.look_alike_title_words)
        issues += maker.check(about, alike, cfg)
        issues += date.check(about, cfg)
        issues += material.check(about)
        issues += institution.check(about)
    return issues
