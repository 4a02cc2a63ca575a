"""Premise rules: each compares what the question asserts with a record field or a source.

One module per rule (maker, date, material, place, institution, count, loaded framings); each
takes the Reading (scoped to one object) and returns the issues it finds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from assistant.answering import parse
from assistant.answering.catalogue import Lookups, Numbered, Passage
from assistant.answering.config import DEFAULT, AnswerConfig
from assistant.answering.identify import named_or_described, names_an_object
from assistant.answering.premises import date, institution, maker, material, place
from assistant.answering.premises.count import count_agrees, count_differs
from assistant.answering.premises.loaded import LoadedClaim
from assistant.answering.premises.loaded import check as check_loaded
from assistant.answering.premises.model import named_model, told_of_model
from assistant.answering.premises.refuting import differs_in_number, refutes, refutes_a_claim
from assistant.answering.premises.subject import PremiseIssue, Subject, scoped, subject
from assistant.answering.reading import Ask, Claim, Reading

__all__ = [
    "Described",
    "LoadedClaim",
    "PremiseIssue",
    "check",
    "check_described",
    "check_loaded",
    "count_agrees",
    "count_differs",
    "differs_in_number",
    "named_model",
    "refutes",
    "refutes_a_claim",
    "told_of_model",
]


# One premise rule: the issues a subject's record raises against what the question says of it.
Rule = Callable[[Subject, Numbered, AnswerConfig], list[PremiseIssue]]


def _look_alikes(about: Subject, numbered: Numbered, cfg: AnswerConfig) -> list[Passage]:
    """The other records in the evidence that share the object's title."""
    return maker.look_alikes(about.passage, numbered.values(), cfg.look_alike_title_words)


def _maker(about: Subject, numbered: Numbered, cfg: AnswerConfig) -> list[PremiseIssue]:
    """The maker rule, told the object's look-alikes: one of them may be the one meant."""
    return maker.check(about, _look_alikes(about, numbered, cfg), cfg)


def _date(about: Subject, numbered: Numbered, cfg: AnswerConfig) -> list[PremiseIssue]:
    return date.check(about, cfg)


def _material(about: Subject, numbered: Numbered, cfg: AnswerConfig) -> list[PremiseIssue]:
    """The material rule, told the object's look-alikes as the maker rule is."""
    return material.check(about, _look_alikes(about, numbered, cfg))


RULES: tuple[Rule, ...] = (
    lambda about, numbered, cfg: place.check(about),
    _maker,
    _date,
    _material,
    lambda about, numbered, cfg: institution.check(about),
)


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
    records = {n: p for n, p in numbered.items() if p.kind == "record"}
    subjects = {n: p for n, p in records.items() if p.source_id in meant} if meant else {}
    if not reading.words_read and not subjects:
        # In another language, no object named or clearly nearest: only what is wrong of
        # every object found, whichever the visitor means.
        return _contradicted_by_every(reading, numbered, records, cfg)
    chosen = subjects or named_or_described(reading, numbered, cfg)
    issues = _checked(reading, numbered, chosen, RULES, cfg)
    if Ask.MODEL in reading.asks:
        # "Whose bust was it modelled on, <Maker>'s?": the model's maker named as the model's
        # is no claim about who made the copy.
        issues = [i for i in issues if not i.of_model]
    return issues


def _contradicted_by_every(
    reading: Reading, numbered: Numbered, records: Mapping[int, Passage], cfg: AnswerConfig
) -> list[PremiseIssue]:
    """The claims that every record found contradicts, with each record's correction.

    "<Maker> painted his <subject> in 1860, right?" when the search finds two of his works,
    neither dated 1860, and the question's words do not say which: the date is wrong of
    both. A claim one of them bears out (or says nothing of) may be true of the one meant.
    """
    found = [_checked(reading, numbered, {n: p}, RULES, cfg) for n, p in records.items()]
    if not found or not all(found):
        return []
    wrong = set.intersection(*({i.claim for i in issues} for issues in found))
    return [i for issues in found for i in issues if i.claim in wrong]


@dataclass(frozen=True)
class Described:
    """What the premise stage finds of an object the question describes but does not name."""

    issues: list[PremiseIssue]  # the dates the record contradicts
    original: PremiseIssue | None  # a credit to the maker of the work the object follows


# What a question asks about the making of a thing: a copy's record answers it of the copy.
MAKING_ASKS = frozenset({Ask.MAKER, Ask.DATE, Ask.MATERIAL, Ask.PLACE, Ask.METHOD, Ask.RECIPIENT})


def check_described(
    reading: Reading,
    numbered: Numbered,
    told: set[str],
    lookups: Lookups,
    cfg: AnswerConfig = DEFAULT,
) -> Described:
    """The date rule, and the model's maker, for an object the question describes, not names.

    ``told`` is the object its words pick out (identify.told_apart) or the only one found.
    A date the question puts on it (an age, a year, a century) is a number, to be compared
    whatever words the visitor used; the rest of a visitor's description (a metal named
    loosely, a town where the record names a country) may put in other words what the record
    says, so it is checked only of an object named. A date before a noun that is no kind of
    object ("an 18th-century look", "the 1990 festival") dates that, not the object.

    Of the makers a description credits, only the one the record names as the maker of the
    work it follows is found ("<Painter>'s round <subject> ...: in which year was it
    painted?" of a copy after that painter's tondo describes the tondo): any other name read
    loosely as a maker ("a house by a river") would correct a visitor who said nothing wrong.
    """
    chosen = {n: p for n, p in numbered.items() if p.kind == "record" and p.source_id in told}

    def of_an_object(claim: Claim, said_in: str) -> bool:
        # In the question as written: the part about the object is its clauses joined
        # without the commas between them, and "the 1700s, right?" would read as "1700s right".
        return claim.kind != "date" or _dates_an_object(claim, reading.context, lookups, cfg)

    def asserted(claim: Claim, said_in: str) -> bool:
        # "The <description> is cast bronze", "... was fired in <town>": said of the object by
        # the verb, not part of what picks it out, so checked as of an object named.
        return claim.kind not in ("material", "place") or parse.predicated(said_in, claim.span[0])

    issues: list[PremiseIssue] = []
    original = None
    for about in _subjects(reading, numbered, chosen, cfg, of_an_object):
        issues += _date(about, numbered, cfg)
        original = original or next((i for i in _maker(about, numbered, cfg) if i.of_model), None)
    for about in _subjects(reading, numbered, chosen, cfg, asserted):
        issues += place.check(about) + _material(about, numbered, cfg)
    return Described(issues, original)


def _checked(
    reading: Reading,
    numbered: Numbered,
    chosen: Mapping[int, Passage],
    rules: Sequence[Rule],
    cfg: AnswerConfig,
) -> list[PremiseIssue]:
    """Run ``rules`` on each chosen record, against the part of the question about it."""
    return [
        issue
        for about in _subjects(reading, numbered, chosen, cfg)
        for rule in rules
        for issue in rule(about, numbered, cfg)
    ]


def _subjects(
    reading: Reading,
    numbered: Numbered,
    chosen: Mapping[int, Passage],
    cfg: AnswerConfig,
    keep: Callable[[Claim, str], bool] | None = None,
) -> Iterator[Subject]:
    """Each chosen record with the part of the question about it.

    ``keep`` says which of that part's claims (each with the text its span is in) the rules
    are to see.
    """
    for n, passage in chosen.items():
        # A question in another language is not split by the English coverage of its parts.
        scope = (
            scoped(reading, passage, numbered, cfg) if reading.words_read else reading.context_said
        )
        if keep is not None:
            scope = replace(scope, claims=tuple(c for c in scope.claims if keep(c, scope.text)))
        yield subject(n, passage, scope, numbered, cfg)


_ERAS = frozenset({"ad", "bc", "bce", "ce"})


def _dates_an_object(claim: Claim, text: str, lookups: Lookups, cfg: AnswerConfig) -> bool:
    """Whether a date in ``text`` is said of an object: of no noun, or of a kind of object."""
    noun = parse.dated_noun(text, claim.value)
    return not noun or noun in _ERAS or names_an_object(noun, lookups, cfg)
