"""Paraphrases that keep a sentence true: every one says only what the original said.

They move a phrase, change the voice, swap a strict synonym, drop a non-restrictive clause
or parenthesis (never one that hedges), or write a number word as digits.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from bench.verifier.edits import (
    IRREGULAR_PAST,
    NUMBER_WORD,
    NUMBER_WORDS,
    PARTICIPLE,
    Context,
    Edit,
    Rule,
    Vocab,
    hedged,
    lower_first,
    match_case,
    replace_span,
    upper_first,
)

_DISCOURSE = re.compile(
    r"^(in (addition|fact|particular|contrast|general|turn|short|other words|this case)|"
    r"for (example|instance)|on the other hand|by contrast|at the same time|of course|"
    r"after all|above all|at first|in the end)\b",
    re.IGNORECASE,
)
_LEAD = re.compile(
    r"^(?P<phrase>(?:In|During|After|Before|By|Around|Under|Following|Throughout|Since|At|On|"
    r"Toward|Towards|Until|Between|Within|From|Despite)\s[^,;:]{2,70}),\s+(?P<rest>[^,;:]+)\.$"
)
_TRAIL_DATE = re.compile(
    r"^(?P<main>[^,;:]{12,}?)\s(?P<phrase>(?:in|around|about|by|during|after|before|until)\s"
    r"(?:ca\.\s|c\.\s|the\s)?(?:early\s|late\s|mid-)?\d{3,4}s?(?:\sBC|\sAD|\sBCE|\sCE)?)\.$"
)


# A leading phrase with one of these has a clause in it, not just a preposition's object.
_FINITE = re.compile(r"\b(is|are|was|were|has|have|had|it|he|she|they|we|who|which|that)\b")
_SUBJECT_START = frozenset(
    """the a an this these those it he she they his her its their one some each both two three
    many most several such""".split()
)


def _simple_clause(text: str) -> bool:
    """Short, one verb: a date moved to its front cannot have belonged to a nested verb."""
    tokens = text.split()
    # A participle counts as the main verb only straight after a form of "be" or "have";
    # "It is one of the pieces purchased by Walters in 1911": the date is the purchase's.
    nested = [
        t
        for i, t in enumerate(tokens[1:], start=1)
        if (t.endswith(("ed", "en")) or t in PARTICIPLE)
        and tokens[i - 1].lower()
        not in {"is", "are", "was", "were", "be", "been", "has", "had", "have"}
    ]
    return (
        len(tokens) <= 14
        and not nested
        and not re.search(r"\b(that|which|who|whom|where|when|while|whose|and|to)\b", text)
    )


def _starts_subject(rest: str) -> bool:
    first = rest.split(" ", 1)[0]
    return first in _SUBJECT_START or (first[:1].isupper() and first.lower() not in _NOT_SUBJECT)


_NOT_SUBJECT = frozenset({"where", "which", "who", "and", "but", "while", "when", "although"})


def reorder(sentence: str, ctx: Context, rng: random.Random, vocab: Vocab) -> Edit | None:
    """Move a leading adverbial phrase to the end, or a trailing date phrase to the front.

    Only for a main clause without commas, so the moved phrase cannot attach to anything
    else: "In 1540, he moved to Rome." -> "He moved to Rome in 1540."
    """
    m = _LEAD.match(sentence)
    if (
        m
        and not _DISCOURSE.match(sentence)
        and len(m.group("rest").split()) >= 3
        and len(m.group("phrase").split()) <= 10
        and not _FINITE.search(m.group("phrase"))
        and _starts_subject(m.group("rest"))
    ):
        phrase, rest = m.group("phrase"), m.group("rest")
        moved = f"{upper_first(rest)} {phrase[0].lower()}{phrase[1:]}."
        return Edit(moved, f"moved '{phrase}' to the end")
    m = _TRAIL_DATE.match(sentence)
    if m and _simple_clause(m.group("main")):
        main, phrase = m.group("main"), m.group("phrase")
        moved = f"{upper_first(phrase)}, {lower_first(main)}."
        return Edit(moved, f"moved '{phrase}' to the front")
    return None


_NOT_AGENTIVE = frozenset({"known", "called", "titled", "entitled", "named", "followed"})
_OBJECT_PRONOUN = {"it": "it", "they": "them", "he": "him", "she": "her"}
# A subject noun phrase: a determiner and up to 8 words, none a verb or a clause opener.
_NP_WORD = (
    r"(?!(?:that|which|who|whom|they|it|he|she|suggests?|shows?|indicates?|is|are|was|were|"
    r"has|have|had|and|but|or)\b)[\w’'\-.]+"
)
_DETERMINER = r"(?:the|this|these|those|its|his|her|their|a|an|one|both|each)"
_TAIL = (
    r"(?P<tail>\s(?:in|at|for|during|around|about|after|before|on|from|between|as|to|with|"
    r"while|when|shortly|until)\s[^,;:()]*)?\.$"
)
_PASSIVE = re.compile(
    r"^(?P<lead>(?:Later|Soon after|Shortly after|In \d{3,4}|In the \d{3,4}s|By \d{3,4}|"
    r"After \d{3,4}|Around \d{3,4}),?\s)?"
    rf"(?P<subj>(?i:{_DETERMINER})\s{_NP_WORD}(?:\s{_NP_WORD}){{0,7}}|(?i:it|they|he|she))\s"
    r"(?P<aux>was|were)\s(?P<verb>[a-z]+)\sby\s(?P<agent>[^,;:()]+?)" + _TAIL
)
# "owned by the parish and loaned for ..." : a second verb, not a second agent.
_VERB_AFTER_AND = re.compile(r"\band\s(?:[a-z]+ed|had|has|have|was|were|is|are|became|made)\b")
_CLAUSE_WORDS = re.compile(r"\b(who|which|that|where|whose|because|since|although)\b")
_ACTIVE_VERBS = {
    "painted",
    "made",
    "designed",
    "carved",
    "drew",
    "wrote",
    "engraved",
    "commissioned",
    "created",
    "produced",
    "decorated",
    "illustrated",
    "copied",
    "owned",
    "bought",
    "purchased",
    "acquired",
    "signed",
    "published",
    "completed",
    "finished",
    "modelled",
    "modeled",
    "sculpted",
    "cast",
    "built",
    "exhibited",
}


def _past(participle: str) -> str | None:
    if participle in IRREGULAR_PAST:
        return IRREGULAR_PAST[participle]
    if participle.endswith("ed") and participle not in _NOT_AGENTIVE and len(participle) > 4:
        return participle
    return None


def voice(sentence: str, ctx: Context, rng: random.Random, vocab: Vocab) -> Edit | None:
    """Passive to active ("The X was painted by Y in 1540." -> "Y painted the X in 1540.").

    Or active to passive when the subject is a person of the collection or a pronoun
    ("Rembrandt painted the portrait in 1642." -> "The portrait was painted by Rembrandt in
    1642."). Only a plain main clause, so nothing else can change its attachment.
    """
    m = _PASSIVE.match(sentence)
    if m and m.group("verb") not in _NOT_AGENTIVE:
        past = _past(m.group("verb"))
        agent = m.group("agent").strip()
        if (
            past
            and 1 <= len(agent.split()) <= 8
            and not hedged(agent)
            and not _CLAUSE_WORDS.search(agent)
            and not _VERB_AFTER_AND.search(agent)
        ):
            subj = m.group("subj")
            obj = _OBJECT_PRONOUN.get(subj.lower()) or subj[0].lower() + subj[1:]
            lead = m.group("lead") or ""
            agent = lower_first(agent) if lead else upper_first(agent)
            out = f"{lead}{agent} {past} {obj}{m.group('tail') or ''}."
            return Edit(out, f"passive -> active ('{m.group('aux')} {m.group('verb')} by')")
    return _active_to_passive(sentence, vocab)


# An object noun phrase: no preposition but "of", no adverb (it must move as a whole).
_OBJ_WORD = (
    r"(?!(?:in|on|at|for|with|from|to|into|by|as|after|before|during|later|then|also|and|"
    r"that|which|who)\b)(?![a-z]+ly\b)[\w’'\-]+"
)
_SUBJECT_PRONOUN = {"He": "him", "She": "her", "They": "them"}


def _active_to_passive(sentence: str, vocab: Vocab) -> Edit | None:
    found = vocab.name_pattern.match(sentence) if vocab.persons else None
    first = sentence.split(" ", 1)[0]
    if found:
        name, agent = found.group(1), found.group(1)
    elif first in _SUBJECT_PRONOUN:
        name, agent = first, _SUBJECT_PRONOUN[first]
    else:
        return None
    # The object runs to the end, or to a date phrase: "by him" never splits a noun phrase.
    m = re.match(
        rf"^{re.escape(name)}\s(?P<verb>[a-z]+)\s(?P<obj>{_DETERMINER}\s{_OBJ_WORD}"
        rf"(?:\s{_OBJ_WORD}){{0,7}}?)(?P<tail>\s(?:in|around|about|during|after|before|between|"
        rf"by)\s[^,;:()]*\d[^,;:()]*)?\.$",
        sentence,
    )
    if not m or m.group("verb") not in _ACTIVE_VERBS:
        return None
    verb = m.group("verb")
    participle = PARTICIPLE.get(verb, verb)
    obj = m.group("obj")
    aux = "were" if obj.split()[-1].endswith("s") and not obj.endswith("ss") else "was"
    out = f"{upper_first(obj)} {aux} {participle} by {agent}{m.group('tail') or ''}."
    return Edit(out, f"active -> passive ('{verb}')")


# Strict synonyms only, in the senses these texts use them (checked by hand on a sample).
SYNONYMS: dict[str, str] = {
    "depicts": "shows",
    "depict": "show",
    "depicting": "showing",
    "shows": "depicts",
    "showing": "depicting",
    "illustrates": "shows",
    "probably": "likely",
    "perhaps": "possibly",
    "possibly": "perhaps",
    "often": "frequently",
    "frequently": "often",
    "usually": "typically",
    "typically": "usually",
    "important": "significant",
    "numerous": "many",
    "began": "started",
    "begin": "start",
    "completed": "finished",
    "purchased": "bought",
    "bought": "purchased",
    "wealthy": "rich",
    "famous": "celebrated",
    "renowned": "famous",
    "especially": "particularly",
    "particularly": "especially",
    "approximately": "about",
    "entire": "whole",
    "created": "made",
    "produced": "made",
    "intended": "meant",
    "although": "though",
    "located": "situated",
    "rare": "uncommon",
    "unusual": "uncommon",
    "shape": "form",
    "reveals": "shows",
    "demonstrates": "shows",
    "large": "big",
    "decorated with": "adorned with",
    "ornamented with": "decorated with",
    "depicted": "shown",  # only after a form of "be" (see below)
}
_BE = re.compile(r"\b(is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def synonym(sentence: str, ctx: Context, rng: random.Random, vocab: Vocab) -> Edit | None:
    """Swap up to two words for strict synonyms from ``SYNONYMS``."""
    out, changes = sentence, []
    keys = sorted(SYNONYMS, key=len, reverse=True)
    for key in keys:
        if len(changes) == 2:
            break
        m = re.search(rf"\b{re.escape(key)}\b", out, re.IGNORECASE)
        if not m or (m.group(0)[:1].isupper() and m.start() > 0):
            continue  # a capitalised word mid-sentence is part of a name or title
        if key == "depicted" and not _BE.search(out[: m.start()]):
            continue  # "the artist depicted a saint" needs "showed", not "shown"
        if any(m.start() < end and m.end() > start for start, end in _spans(out, changes)):
            continue
        new = match_case(m.group(0), SYNONYMS[key])
        out = replace_span(out, m.start(), m.end(), new)
        changes.append(f"{m.group(0)} -> {new}")
    if not changes:
        return None
    return Edit(out, "; ".join(changes))


def _spans(text: str, changes: Sequence[str]) -> list[tuple[int, int]]:
    spans = []
    for change in changes:
        new = change.split(" -> ")[1]
        i = text.find(new)
        if i >= 0:
            spans.append((i, i + len(new)))
    return spans


_MID_CLAUSE = re.compile(r",\s(?:which|who|whose)\s[^,;:()]+,\s?")
_END_CLAUSE = re.compile(r",\s(?:which|who|whose|where)\s[^,;:()]+\.$")
_PAREN = re.compile(r"\s\([^()]{2,80}\)")


def drop_clause(sentence: str, ctx: Context, rng: random.Random, vocab: Vocab) -> Edit | None:
    """Drop a non-restrictive relative clause or a parenthesis, unless it hedges the claim.

    "The bowl, which was made in Iran, shows a hunter." -> "The bowl shows a hunter."
    """
    for pattern, joiner in ((_MID_CLAUSE, " "), (_END_CLAUSE, "."), (_PAREN, "")):
        m = pattern.search(sentence)
        if not m or hedged(m.group(0)):
            continue
        out = (sentence[: m.start()] + joiner + sentence[m.end() :]).replace(" .", ".")
        out = re.sub(r"\s{2,}", " ", out).strip()
        if len(out.split()) >= 5 and out != sentence:
            return Edit(out, f"dropped '{m.group(0).strip(' ,.')}'")
    return None


def numeral(sentence: str, ctx: Context, rng: random.Random, vocab: Vocab) -> Edit | None:
    """Write a counted number word as digits ("three boats" -> "3 boats")."""
    for m in NUMBER_WORD.finditer(sentence):
        if m.group(0)[:1].isupper() and m.start() > 0:
            continue
        digits = str(NUMBER_WORDS[m.group(0).lower()])
        out = replace_span(sentence, m.start(), m.end(), digits)
        return Edit(out, f"{m.group(0)} -> {digits}")
    return None


PARAPHRASES: dict[str, Rule] = {
    "reorder": reorder,
    "voice": voice,
    "synonym": synonym,
    "drop_clause": drop_clause,
    "numeral": numeral,
}
