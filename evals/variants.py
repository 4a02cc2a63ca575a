"""The eval's cases as visitors also type them: in lower case, or quickly, without the marks.

A question means the same typed "who painted the night watch" as "Who painted The Night
Watch?", and an answer that holds only for the careful spelling has been fitted to the way
the cases are written. A variant rewrites every question (and every turn) the same way and
leaves what is expected unchanged, so its report is read against the as-written one: the gap
is what the assistant owes a visitor on a phone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from evals.cases import EvalCase

# Apostrophes, question and exclamation marks, full stops and commas: what a visitor typing
# fast leaves out. Hyphens and the dots inside accession numbers ("37.355") stay.
_MARKS = re.compile(r"['’?!,]|\.(?!\d)")


def _typed_quickly(text: str) -> str:
    return " ".join(_MARKS.sub("", text.lower()).split())


VARIANTS: dict[str, Callable[[str], str]] = {
    "as-written": lambda text: text,
    "lowercase": str.lower,
    "typed-quickly": _typed_quickly,
}


def with_variant(cases: Iterable[EvalCase], variant: str) -> list[EvalCase]:
    """Every case with its questions rewritten as ``variant`` types them."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}: {', '.join(VARIANTS)}")
    rewrite = VARIANTS[variant]
    out = []
    for case in cases:
        update: dict[str, object] = {}
        if case.question is not None:
            update["question"] = rewrite(case.question)
        if case.turns is not None:
            update["turns"] = [rewrite(turn) for turn in case.turns]
        out.append(case.model_copy(update=update))
    return out
