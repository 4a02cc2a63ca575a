"""Detect questions that assert something the catalogue record contradicts.

The structured fields (creators, dates, medium, holding institution) are the strongest
evidence we have against a false premise, so the corrections quote the record itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.documents import creators_from_meta, record_facts
from assistant.store import Passage
from assistant.topic import mentions_title
from assistant.text import content_words, fold, proper_names, stem, words

_ATTRIBUTION = re.compile(
    r"\b(paint|painted|painting|sculpt\w*|carv\w*|made|create\w*|design\w*|drew|drawn|"
    r"artist|masterpiece|work of|by)\b"
)
_NOT_AUTHORSHIP_BY = re.compile(
    r"\b(commissioned|owned|bought|acquired|donated|given|stolen|restored|lent|sold|found|"
    r"discovered|collected|inspired|influenced|admired|copied|damaged)\s+by\b"
)
_YEAR = re.compile(r"\b(\d{3,4})\s*(bc|bce|b\.c\.)?\b", re.IGNORECASE)
_CENTURY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)[\s-]+century\s*(bc|bce)?\b", re.IGNORECASE)
_INSTITUTION = re.compile(
    r"\b(?:in|at|from|to|owned by|belongs? to)\s+(?:the\s+)?"
    r"((?:[A-Z][\w'’.-]*\s?){1,5}(?:Museum|Gallery|Collection|Library|Institute)"
    r"(?:\s+of\s+(?:[A-Z][\w'’.-]*\s?){1,4})?|Louvre|Prado|Uffizi|Rijksmuseum|Hermitage|"
    r"Mauritshuis|Met|MoMA|Tate(?:\s+\w+)?|Getty|Smithsonian|Vatican|Orsay|Guggenheim)"
)
MATERIALS = frozenset(
    """canvas panel wood poplar oak oil tempera fresco acrylic watercolor watercolour gouache
    marble bronze gold silver copper iron steel basalt granite granodiorite limestone sandstone
    jade ivory bone glass porcelain stoneware earthenware terracotta clay silk cotton wool
    linen paper parchment vellum plaster lacquer enamel brass tin lead wax ceramic tapestry
    embroidery woodblock lithograph etching engraving photograph pastel charcoal ink""".split()
)


@dataclass(frozen=True)
class PremiseIssue:
    """A claim in the question that the record contradicts, and the record's own sentence."""

    claim: str
    correction: str
    n: int  # number of the record passage the correction cites


def _sentence(meta: dict[str, object], key: str) -> str | None:
    return record_facts(dict(meta)).get(key)


def _years(question: str) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for match in _CENTURY.finditer(question):
        c = int(match.group(1))
        lo, hi = (c - 1) * 100 + 1, c * 100
        if match.group(2):
            lo, hi = -hi, -lo
        spans.append((lo, hi, match.group(0)))
    rest = _CENTURY.sub(" ", question)
    for match in _YEAR.finditer(rest):
        year = int(match.group(1))
        if match.group(2):
            year = -year
        spans.append((year, year, match.group(0)))
    return spans


def check(question: str, numbered: dict[int, Passage]) -> list[PremiseIssue]:
    """Premise conflicts between the question and the records of the objects it names."""
    issues: list[PremiseIssue] = []
    folded_q = fold(question)
    for n, passage in numbered.items():
        if passage.kind != "record" or not mentions_title(question, passage.title):
            continue
        meta = passage.meta
        title_words = set(words(passage.title))

        creators = creators_from_meta(meta)
        creator_words = {w for c in creators for w in words(c.name)}
        known = creator_words | title_words | set(words(str(meta.get("institution", "")))) | \
            set(words(str(meta.get("place_made", "")))) | set(words(str(meta.get("culture", ""))))
        if creators and _ATTRIBUTION.search(folded_q) and not _NOT_AUTHORSHIP_BY.search(folded_q):
            strangers = sorted(
                token for token in re.findall(r"\b[A-ZÀ-Þ][\w'’-]+", question)
                if fold(token) in proper_names(question) and not set(words(token)) <= known
            )
            if strangers:
                fix = _sentence(meta, "creator")
                if fix:
                    issues.append(PremiseIssue(f"attributes it to {', '.join(strangers)}", fix, n))

        begin, end = meta.get("date_begin"), meta.get("date_end")
        if isinstance(begin, int) and isinstance(end, int):
            for lo, hi, text in _years(question):
                if hi < begin - 10 or lo > end + 10:
                    fix = _sentence(meta, "date")
                    if fix:
                        issues.append(PremiseIssue(f"dates it to {text}", fix, n))
                    break

        medium = set(content_words(str(meta.get("medium", ""))))
        asked = sorted(w for w in set(words(question)) if w in MATERIALS
                       and stem(w) not in medium and w not in title_words)
        if medium and asked:
            fix = _sentence(meta, "medium")
            if fix:
                issues.append(PremiseIssue(f"says it is {', '.join(sorted(asked))}", fix, n))

        institution = fold(str(meta.get("institution", "")))
        for match in _INSTITUTION.finditer(question):
            named = fold(match.group(1)).strip()
            if institution and named and named not in institution and not set(
                content_words(named)
            ) <= set(content_words(institution)):
                fix = _sentence(meta, "institution")
                if fix:
                    issues.append(PremiseIssue(f"places it in {match.group(1).strip()}", fix, n))
                break
    return issues
