"""Unsupported pairs that borrow from another object of the same half.

An added detail (another record's relative clause about the same noun), a true sentence of a
similar object cited to this passage, and a half-true merge of the two.
"""

from __future__ import annotations

import re

from bench.verifier.edits import LOWERABLE, Context, Edit, lower_first, novel_words

# ", which was used for wine," after a noun: the noun is the clause's antecedent.
_DET = r"\b(?:the|a|an|this|that|these|those|his|her|its|their|each)\s(?:[a-z-]+\s){0,2}"
_RELATIVE = re.compile(
    rf"{_DET}(?P<noun>[A-Za-z][a-z]{{2,}}),\s(?P<clause>(?:which|who|where)\s"
    r"[^,;:()\"“”]{10,110}?)(?=,\s|\.$)",
    re.IGNORECASE,
)
# After the noun in the receiving sentence: the end, a verb or a preposition, never another
# noun ("the cross inscription") that would make the noun a modifier.
_AFTER_NOUN = re.compile(
    r"^(?:\.$|,\s|\s(?:is|was|are|were|has|had|have|in|on|at|with|from|for|to|by|into|near|"
    r"under|beside|behind|above|below|stands|sits|holds|appears|seems|shows|depicts|bears|"
    r"wears|contains|represents|carries|lies|rests|hangs|belongs|became|dates|comes|derives|"
    r"reflects|includes|features|served|remained|survives|survived)\b)"
)
_UNRESOLVED = re.compile(r"\b(he|she|they|we|you|i|this|these|those|here|there)\b", re.I)


def relative_clauses(sentence: str) -> list[tuple[str, str]]:
    """The ``(noun, clause)`` pairs of a sentence's non-restrictive relative clauses.

    "The bowl, which was used for wine, ..." gives ("bowl", "which was used for wine"). Only
    clauses that read the same after the same noun in another sentence: no pronoun or
    demonstrative that needs its own antecedent.
    """
    out = []
    for m in _RELATIVE.finditer(sentence):
        noun, clause = m.group("noun"), m.group("clause")
        if noun.lower() in _NOT_ANTECEDENT or not 4 <= len(clause.split()) <= 18:
            continue
        if _UNRESOLVED.search(clause):
            continue
        if re.search(r"\s[A-Z][a-z]{0,2}$", clause):
            continue  # ends on an abbreviation the splitter cut ("by Wm.")
        verb = clause.split()[1]
        plural = noun.endswith("s") and not noun.endswith("ss")
        if (verb in {"are", "were", "have"} and not plural) or (
            verb in {"is", "was", "has"} and plural
        ):
            continue  # its real antecedent was another noun ("the scenes of X, which are")
        out.append((noun, clause))
    return out


_NOT_ANTECEDENT = frozenset(
    """this that these those one ones them him her it its time times way part parts side
    sides century centuries period year years place manner form""".split()
)


def added_detail(sentence: str, noun: str, clause: str, ctx: Context) -> Edit | None:
    """Give a noun of the sentence another record's relative clause about the same noun.

    "The Virgin holds the Child." + ("Virgin", "who is crowned as Queen of Heaven") ->
    "The Virgin, who is crowned as Queen of Heaven, holds the Child." True of another object,
    said of nothing in this passage (at least three of its content words are new here).
    """
    if len(set(novel_words(clause, ctx))) < 3 or len(sentence.split()) > 35:
        return None
    m = re.search(rf"{_DET}({re.escape(noun)})(?![\w’'-])", sentence, re.IGNORECASE)
    if not m or m.group(1) != noun or relative_clauses(sentence):
        return None
    after = sentence[m.end() :]
    if not _AFTER_NOUN.match(after):
        return None
    if after == ".":
        out = f"{sentence[: m.end()]}, {clause}."
    elif after.startswith(","):
        out = f"{sentence[: m.end()]}, {clause}{after}"
    else:
        out = f"{sentence[: m.end()]}, {clause},{after}"
    return Edit(out, f"added '{noun}, {clause}'")


_FINITE_VERB = re.compile(
    r"\b(is|are|was|were|has|have|had|can|could|would|will|may|might|\w+ed|shows|depicts|"
    r"holds|wears|bears|stands|sits|appears|contains|includes|features|represents|made|"
    r"became|began|took|gave|came|went|wrote|drew|found|shown|seen|known)\b"
)


def head_clause(sentence: str) -> str | None:
    """A short sentence of another object that can be joined to this one with "and".

    A whole sentence without commas (so never half a list), opening with an article or a
    pronoun, and with a verb: "The urn was made without a potter's wheel".
    """
    if sentence.split(" ", 1)[0] not in LOWERABLE:
        return None  # "Look closely ..." or "We suggest ..." do not continue a sentence
    head = sentence.rstrip(".")
    if re.search(r"[,;:()]", head) or not 5 <= len(head.split()) <= 20:
        return None
    if not _FINITE_VERB.search(head):
        return None
    return head


def merge(sentence: str, other: str, ctx: Context) -> Edit | None:
    """Join a true sentence of the passage with a clause about another object.

    "The bowl shows a hunter, and the lid is decorated with lotus flowers." Half is true.
    """
    head = head_clause(other)
    if head is None or len(set(novel_words(head, ctx))) < 2 or not sentence.endswith("."):
        return None
    if len(sentence.split()) > 30:
        return None
    return Edit(f"{sentence[:-1]}, and {lower_first(head)}.", f"merged with '{head}'")


def neighbour_sentence(other: str, ctx: Context) -> Edit | None:
    """A true sentence about another object, cited to this passage (if it says something new)."""
    if len(set(novel_words(other, ctx))) < 2:
        return None
    return Edit(other, "sentence of another object")
