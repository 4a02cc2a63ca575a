"""What a rule edits and with what: the sentence's context, the collections' vocabulary, helpers.

A pair's label follows from its construction: ``Context.forbidden`` holds every word the
passage, title, creators and record use, and a perturbation may only introduce a value outside
it, so nothing the verifier is shown can back the edited sentence.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from assistant.text import content_words, has_negation, numbers, words


@dataclass(frozen=True)
class Edit:
    """An edited sentence and a short note of what changed ("1540 -> 1552")."""

    sentence: str
    change: str


@dataclass(frozen=True)
class Context:
    """What a pair shows the verifier: the passage, the object's title, creators and record."""

    passage: str
    title: str = ""
    creators: str = ""
    record: dict[str, str] = field(default_factory=dict)

    @cached_property
    def everything(self) -> str:
        """Passage, title, creators and record values as one text."""
        return " ".join([self.passage, self.title, self.creators, *self.record.values()])

    @cached_property
    def forbidden(self) -> frozenset[str]:
        """Folded words a perturbation may not introduce (they are backed somewhere)."""
        return frozenset(words(self.everything))

    @cached_property
    def forbidden_numbers(self) -> frozenset[str]:
        """Numbers written anywhere in the passage or record."""
        return frozenset(numbers(self.everything.replace("–", "-")))

    def allows(self, text: str) -> bool:
        """Whether none of ``text``'s words appears in the passage, title, creators or record."""
        return not (set(words(text)) & self.forbidden)


@dataclass(frozen=True)
class Person:
    """A person credited in a collection: full name, surname and nationality (may be empty)."""

    full: str
    surname: str
    nationality: str = ""


@dataclass
class Vocab:
    """Replacement values drawn from the collections themselves."""

    persons: list[Person] = field(default_factory=list)
    materials: set[str] = field(default_factory=set)  # words of the records' medium fields

    @cached_property
    def by_full(self) -> dict[str, Person]:
        """Persons keyed by full name."""
        return {p.full: p for p in self.persons}

    @cached_property
    def by_surname(self) -> dict[str, Person]:
        """Persons keyed by a surname that only one person in the collection has."""
        seen: dict[str, list[Person]] = {}
        for p in self.persons:
            seen.setdefault(p.surname, []).append(p)
        return {s: ps[0] for s, ps in seen.items() if len(ps) == 1}

    @cached_property
    def name_pattern(self) -> re.Pattern[str]:
        """Any full name or unique surname, longest first (one regex: thousands of names)."""
        names = sorted({*self.by_full, *self.by_surname}, key=len, reverse=True)
        return re.compile(r"(?<!\w)(" + "|".join(map(re.escape, names)) + r")(?!\w)")


Rule = Callable[[str, Context, random.Random, Vocab], Edit | None]

# ----------------------------------------------------------------------------------------------
# Shared helpers


def match_case(template: str, word: str) -> str:
    """``word`` capitalised like ``template`` (first letter only)."""
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def replace_span(sentence: str, start: int, end: int, new: str) -> str:
    return sentence[:start] + new + sentence[end:]


def lower_first(text: str) -> str:
    """Lower-case a leading article or pronoun, never a proper name."""
    first = text.split(" ", 1)[0]
    if first in LOWERABLE:
        return first.lower() + text[len(first) :]
    return text


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


LOWERABLE = frozenset(
    """The This That These Those It Its He His She Her They Their A An One Some Many Each Both
    Such Several Most All Other Another Here There""".split()
)
HEDGES = frozenset(
    """not no never nor neither none nothing without although though but however unlikely
    uncertain unclear doubt doubtful doubted disputed dispute questioned question mistaken
    mistakenly wrong wrongly false falsely probably possibly perhaps may might could seems
    seem apparently traditionally supposedly allegedly likely unknown""".split()
)


def hedged(text: str) -> bool:
    return bool(set(words(text)) & HEDGES) or has_negation(text)


IRREGULAR_PAST = {
    "made": "made",
    "drawn": "drew",
    "written": "wrote",
    "built": "built",
    "given": "gave",
    "taken": "took",
    "sold": "sold",
    "bought": "bought",
    "cast": "cast",
    "brought": "brought",
    "held": "held",
    "shown": "showed",
    "worn": "wore",
    "begun": "began",
    "sent": "sent",
    "found": "found",
    "struck": "struck",
    "won": "won",
    "led": "led",
    "left": "left",
    "kept": "kept",
    "sung": "sang",
    "told": "told",
    "paid": "paid",
    "set": "set",
    "chosen": "chose",
    "seen": "saw",
}
PARTICIPLE = {v: k for k, v in IRREGULAR_PAST.items()}


NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "hundred": 100,
}
WORD_OF = {v: k for k, v in NUMBER_WORDS.items()}
# A number word that is a count, not part of "two-thirds", "twenty-four" or a name.
NUMBER_WORD = re.compile(
    r"(?<![\w-])(" + "|".join(k for k in NUMBER_WORDS if k != "hundred") + r")(?![\w-])",
    re.IGNORECASE,
)


def novel_words(text: str, ctx: Context) -> list[str]:
    """Content words of ``text`` the passage, title, creators and record never use."""
    known = set(content_words(ctx.everything))
    return [w for w in content_words(text) if w not in known]
