"""Named periods: the years the collection itself dates "Ming", "Renaissance" or "Edo" to.

A visitor dates an object by a named period as often as by a year ("the Renaissance medal",
"an Old Kingdom amulet"). The catalogue names periods, dynasties and reigns beside the years
it gives each record, so the collection says what years a period covers, in its own usage:
the middle of the years of the records it labels so (a stray label or a later copy in the
period's style does not stretch it). A period the collection names too seldom is not used.
No table of periods is written by hand; a museum's own records are the authority.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from assistant.answering.config import AnswerConfig
from assistant.text import everyday_frequency, fold

# What a label adds that a visitor leaves out: "Ming [Ming] Dynasty", "Qianlong (1735-1795)".
_ASIDES = re.compile(r"\[[^\]]*\]|\([^)]*\)")


# The general words for a period that a visitor may say after its name.
GENERAL_WORDS = ("period", "dynasty", "era")


@dataclass(frozen=True)
class Period:
    """A named period as the collection dates it."""

    name: str  # as the catalogue writes it, asides removed ("Ming Dynasty")
    key: str  # folded, as it is looked for in a question ("ming")
    low: int
    high: int
    records: int


def stated_years(value: str) -> tuple[int, int] | None:
    """The years a label's aside gives its period ("Qianlong (1735-1795)", "(1479-1458 BC)").

    The catalogue's own statement of a reign's or period's years; "r. 1827-66" ends in 1866,
    and of "1287 AH/AD 1870-1871" only the years after "AD" are on our calendar.
    """
    found: list[int] = []
    for aside in re.findall(r"\(([^)]*)\)", value):
        text = aside.split("AD", 1)[1] if "AH" in aside and "AD" in aside else aside
        numbers = re.findall(r"(?<!\d)(\d{1,4})(?!\d)", text)
        if not numbers or len(numbers[0]) < 3:
            continue
        years = [numbers[0]]
        for n in numbers[1:]:
            # "1827-66", "1279/8": a shorter number keeps the year before's first digits.
            years.append(years[-1][: len(years[-1]) - len(n)] + n)
        sign = -1 if re.search(r"\bBCE?\b", text) else 1
        found += [sign * int(y) for y in years]
    return (min(found), max(found)) if found else None


@dataclass(frozen=True)
class Named:
    """A period a question names, where, and the years the collection gives it."""

    written: str
    span: tuple[int, int]
    period: Period


def labels(value: str) -> list[str]:
    """The period names in a record's ``period`` field ("Late Period; 30th Dynasty")."""
    out = []
    for part in value.split(";"):
        name = " ".join(_ASIDES.sub(" ", part).split()).strip(" ,.")
        if name:
            out.append(name)
    return out


def keys(name: str) -> list[str]:
    """How a visitor may name a period: whole, or without "Dynasty" ("the Ming")."""
    folded = fold(name)
    out = [folded]
    bare = re.sub(r"\s+dynasty$", "", folded)
    # "18th Dynasty" said as "18th" is a number, not a name.
    if bare != folded and bare[:1].isalpha():
        out.append(bare)
    return out


class Periods:
    """The named periods of a collection, with the years its records give them."""

    def __init__(self, periods: Iterable[Period], cfg: AnswerConfig) -> None:
        self.cfg = cfg
        self._by_key = {p.key: p for p in periods}
        # Longest first: "late edo" before "edo", "early medieval" before "medieval".
        ordered = sorted(self._by_key, key=len, reverse=True)
        # "The Third Intermediate Period" of a label "Third Intermediate": the visitor's
        # general word for a period is part of its name as said.
        self._pattern = (
            re.compile(
                r"\b(" + "|".join(re.escape(k) for k in ordered) + r")\b"
                r"(?:\s+(?:" + "|".join(GENERAL_WORDS) + r")\b)?"
            )
            if ordered
            else None
        )

    @classmethod
    def from_records(cls, metas: Iterable[dict[str, Any]], cfg: AnswerConfig) -> Periods:
        """The periods that at least ``period_min_records`` dated records are labelled by."""
        years: dict[str, list[tuple[int, int]]] = defaultdict(list)
        stated: dict[str, list[tuple[int, int]]] = defaultdict(list)
        names: dict[str, str] = {}
        for meta in metas:
            begin, end = meta.get("date_begin"), meta.get("date_end")
            if not (isinstance(begin, int) and isinstance(end, int)):
                continue
            for part in str(meta.get("period") or "").split(";"):
                for name in labels(part):
                    for key in keys(name):
                        years[key].append((begin, end))
                        names.setdefault(key, name)
                        stated[key] += filter(None, [stated_years(part)])
        periods = []
        for key, spans in years.items():
            if len(spans) < cfg.period_min_records:
                continue
            low = _quantile(sorted(b for b, _ in spans), cfg.period_quantile)
            high = _quantile(sorted(e for _, e in spans), 1 - cfg.period_quantile)
            # The years the catalogue states for a reign ("Qianlong (1735-1795)") are its own
            # however its few records happen to be dated.
            low = min([low, *(b for b, _ in stated[key])])
            high = max([high, *(e for _, e in stated[key])])
            periods.append(Period(names[key], key, low, max(low, high), len(spans)))
        return cls(periods, cfg)

    def __len__(self) -> int:
        return len(self._by_key)

    def named_in(self, text: str) -> list[Named]:
        """The periods a text names, each once, in the collection's usage.

        A name made only of everyday words ("Late Period", "New Kingdom", "Modern") names the
        period only as the catalogue capitalises it: "in his late period" is not Egypt's.
        """
        if self._pattern is None:
            return []
        folded = fold(text)
        if len(folded) != len(text):
            return []  # spans must line up with the text as written
        found = []
        for match in self._pattern.finditer(folded):
            period = self._by_key[match.group(1)]
            written = text[match.start() : match.end()]
            if self._everyday(period.key) and not _capitalised_as(text, match.start(), period.name):
                continue
            found.append(Named(written, match.span(), period))
        return found

    def _everyday(self, key: str) -> bool:
        return all(
            everyday_frequency(w) >= self.cfg.period_max_everyday_frequency for w in key.split()
        )


def _capitalised_as(text: str, start: int, name: str) -> bool:
    """Whether the words at ``start`` are capitalised as the catalogue writes the name.

    A capital that only opens a sentence ("Modern scholars ...") is the sentence's.
    """
    if not text[:start].strip() or text[:start].rstrip()[-1] in ".!?":
        return False
    theirs = [w[:1].isupper() for w in name.split()]
    ours = [w[:1].isupper() for w in text[start:].split()[: len(theirs)]]
    return all(o or not t for o, t in zip(ours, theirs, strict=False))


def _quantile(values: list[int], share: float) -> int:
    """The value below which ``share`` of the sorted ``values`` lie (nearest rank)."""
    index = min(len(values) - 1, max(0, round(share * (len(values) - 1))))
    return values[index]
