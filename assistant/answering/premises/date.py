"""Date: a year, decade, century or age the question gives that the record's dates rule out."""

from __future__ import annotations

import re

from assistant.answering import parse
from assistant.answering.claims import APPROXIMATE_YEAR
from assistant.answering.config import AnswerConfig
from assistant.answering.periods import labels
from assistant.answering.premises.subject import PremiseIssue, Subject
from assistant.answering.reading import Claim
from assistant.text import content_words, fold, words


def check(subject: Subject, cfg: AnswerConfig) -> list[PremiseIssue]:
    """The first asserted date outside the record's range (give or take the slack)."""
    begin, end = subject.meta.get("date_begin"), subject.meta.get("date_end")
    # "Who stole the Mona Lisa in 1911?" dates a theft, not the painting.
    if not (isinstance(begin, int) and isinstance(end, int)) or subject.said.other_event:
        return []
    for claim in subject.said.of("date"):
        assert claim.low is not None and claim.high is not None
        if set(words(claim.value)) <= subject.title_words:
            continue  # a period its own title names ("... the Roman Emperor ...") is a subject
        if set(words(claim.value)) <= subject.known:
            continue  # what its own record calls it ("Roman" as its maker or culture)
        if claim.about and _describes_another(subject, claim):
            continue

        # A record's one year is exact unless its own date says it is not ("ca. 1779").
        exact = (
            begin == end and not set(words(str(subject.meta.get("date", "")))) & APPROXIMATE_YEAR
        )
        slack = _slack(claim, exact, cfg)
        if (
            claim.high < begin - slack
            or claim.low > end + slack
            or _another_dynasty(subject, claim)
        ):
            fix = subject.fix("date")
            if not fix:
                return []
            return [PremiseIssue(f"dates it to {claim.value}", fix, subject.n, (claim.value,))]
    return []


def _another_dynasty(subject: Subject, claim: Claim) -> bool:
    """Whether the record names another dynasty than the one claimed, and outlasts it.

    A dynasty is a ruling house: a thing made under one was not made under another. The
    years the collection gives a dynasty are blurred by its records' spans ("Ming" reaches
    into the next one's years), so the record's own label decides: "a Ming piece" of a record
    labelled "Qing Dynasty" and dated beyond the Ming's years (after them, or before) is not
    Ming. A label that names it among others ("18th-19th Dynasty") names it.
    """
    if not fold(claim.period).endswith("dynasty"):
        return False
    claimed = set(words(claim.period)) - {"dynasty"}
    own = [set(words(label)) for label in labels(str(subject.meta.get("period") or ""))]
    dynasties = [label for label in own if "dynasty" in label]
    begin, end = subject.meta.get("date_begin"), subject.meta.get("date_end")
    if claim.low is None or claim.high is None:
        return False
    beyond = (isinstance(end, int) and end > claim.high) or (
        isinstance(begin, int) and begin < claim.low
    )
    return bool(dynasties) and beyond and not any(claimed <= label for label in dynasties)


def _slack(claim: Claim, exact_record: bool, cfg: AnswerConfig) -> int:
    """How many years a claimed date may miss the record's by and still agree with it.

    "About 1640" of a record dated 1642 agrees; "in 1649" of it does not: a year said bare
    (``Claim.exact``, read in the visitor's language) of an object the record dates to one
    year is held to that year, give or take a year's rounding. "2,000 years old" is a round
    number: the older the age, the rounder.
    """
    if exact_record and claim.exact:
        return cfg.exact_date_slack_years
    age = claim.amount or 0
    return max(cfg.date_slack_years, round(age * cfg.age_slack_share))


def _describes_another(subject: Subject, claim: Claim) -> bool:
    """Whether "the <period> <word>" describes a thing other than the object itself.

    "Persian poetry" its own text speaks of, "the Persian cranes on <the ewer>": what it
    shows is Persian, not the ewer.
    """
    # Said as its texts say it, give or take a hyphen or a plural ("Renaissance pieces",
    # "cameo glass" for "cameo-glass").
    value = re.escape(fold(claim.value))
    about = r"[\s-]+".join(re.escape(w) for w in fold(claim.about).split("-"))
    if re.search(rf"\b{value}[\s-]+{about}(?:s|es)?\b", subject.own_text):
        return True
    title = set(content_words(subject.passage.title))
    phrases = [p for p in parse.object_phrases(subject.said.text) if claim.value in p]
    return any(parse.within_named(subject.said.text, p, title) for p in phrases)
