"""Whether a curator's note contradicts the catalogue record of the object it is tied to.

The note's sentences are read as claims about the object, as a visitor's question is
(``assistant.answering.reading``), and checked by the same premise rules the answer path
uses against a false maker, date or material (``assistant.answering.premises``). What they
find is shown to the curator before the note is saved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answering.config import DEFAULT, AnswerConfig
from assistant.answering.premises import date, maker, material
from assistant.answering.premises.subject import PremiseIssue, subject
from assistant.answering.reading import read
from assistant.store import Passage
from assistant.text import split_sentences

# A note tells the object's later story with years ("cut down in 1715", "moved in 1808") that
# the question reader does not all know as other events. So a year is read as the date of
# making only in a sentence that credits the making ("painted in") or dates the object.
DATING = re.compile(r"\b(?:dates?|dated|dating|from)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Contradiction:
    """One sentence of the note that the record contradicts, and what the record says."""

    field: str  # "creator", "date" or "medium"
    sentence: str  # the note's sentence
    stated: tuple[str, ...]  # the values it states ("1790", "Edvard Munch")
    record_says: str  # the record's own sentence for that field


def _issues(sentence: str, record: Passage, cfg: AnswerConfig) -> list[tuple[str, PremiseIssue]]:
    reading = read(sentence)
    numbered = {1: record}
    about = subject(1, record, reading.context_said, numbered, cfg)
    dates = reading.context_said.attributes or DATING.search(sentence)
    return [
        *(("creator", i) for i in maker.check(about, (), cfg)),
        *(("date", i) for i in (date.check(about, cfg) if dates else [])),
        *(("medium", i) for i in material.check(about)),
    ]


def contradictions(body: str, record: Passage, cfg: AnswerConfig = DEFAULT) -> list[Contradiction]:
    """What in ``body`` the catalogue ``record`` (its record chunk) contradicts, in order.

    Each sentence is read alone: a note's sentences are claims about its one object.
    """
    found: list[Contradiction] = []
    for paragraph in body.split("\n\n"):
        for sentence in split_sentences(" ".join(paragraph.split())):
            for field, issue in _issues(sentence, record, cfg):
                found.append(Contradiction(field, sentence, issue.said, issue.correction))
    return found
