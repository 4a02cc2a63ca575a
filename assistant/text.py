"""Sentence splitting, normalisation and the token classes the verifier cares about."""

from __future__ import annotations

import re
import threading
import unicodedata

import pysbd

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not of off on once only or other
    our ours ourselves out over own same she should so some such than that the their theirs
    them themselves then there these they this those through to too under until up very was we
    were what when where which while who whom why will with would you your yours yourself tell
    please know known made make makes one ones two many much may might must shall us yes
    work works object objects piece museum collection today also still isn't wasn't aren't
    weren't didn't doesn't don't can't won't hasn't haven't it's that's there's i'm you're
    what's who's yes""".split()
)
NEGATIONS = frozenset({"not", "no", "never", "neither", "nor", "none", "nothing", "without"})
# Words that open a sentence or name a generic thing; capitalised, but not proper names.
_COMMON_CAPITALISED = frozenset(
    """the a an it its this that these those he she they his her their there in on at by for
    from of to with as but and or is was are were when where who what which why how however
    although while during after before some many most one two three according yes no did
    does do is was were are can could would should will has have had tell please may might
    must shall i i'm i've my me you your we our so if then not isn't wasn't aren't didn't
    doesn't don't can't ok okay hi hello hey thanks wow really sure ad bc bce ce describe
    explain show give list name compare summarise summarize say put order rank sort same
    whose what's who's where's when's how's it's that's there's""".split()
)

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_NUMBER = re.compile(r"\b\d[\d,.]*\d\b|\b\d\b")
# Accession-like tokens: letters/digits joined by dots or dashes, containing a digit.
_ACCESSION = re.compile(r"\b(?=[\w.\-]*\d)[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)+\b")
_CAPITALISED = re.compile(r"(?<![\w'’])[A-ZÀ-ÖØ-Þ][\w’'\-]*")  # not "Avignon" in "d'Avignon"


def fold(text: str) -> str:
    """Lower-case and strip accents, so 'Gérôme' matches 'Gerome'."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold().replace("’", "'").replace("–", "-").replace("—", "-")


_per_thread = threading.local()


def _segmenter() -> pysbd.Segmenter:
    # One per thread: ``Segmenter.segment`` keeps the text on the instance, so a segmenter
    # shared by the API's worker threads returns [] or another text's sentences.
    segmenter: pysbd.Segmenter | None = getattr(_per_thread, "segmenter", None)
    if segmenter is None:
        segmenter = _per_thread.segmenter = pysbd.Segmenter(language="en", clean=False)
    return segmenter


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences (abbreviation-aware: 'ca. 1530', 'St. Jerome', 'W.569')."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n", text):
        para = " ".join(para.split())
        if not para:
            continue
        out.extend(s.strip() for s in _segmenter().segment(para) if s.strip())
    return out


def words(text: str) -> list[str]:
    """Folded word tokens, possessives trimmed ("museum's" -> "museum")."""
    return [w[:-2] if w.endswith("'s") else w for w in _WORD.findall(fold(text))]


def stem(word: str) -> str:
    """A crude, deterministic stem: enough to match 'painted'/'painting'/'paints'."""
    for suffix in ("ings", "ing", "ied", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> list[str]:
    """Stems of the words that carry meaning (no stopwords, no one-letter tokens)."""
    return [stem(w) for w in words(text) if len(w) > 1 and w not in STOPWORDS]


def numbers(text: str) -> set[str]:
    """Numbers as written, without thousands separators or trailing dots."""
    return {n.replace(",", "").rstrip(".") for n in _NUMBER.findall(text)}


def accession_like(text: str) -> set[str]:
    """Tokens shaped like accession numbers ('37.760', 'SK-C-5', 'W.569.4A')."""
    return {fold(t) for t in _ACCESSION.findall(text)}


def proper_names(text: str) -> set[str]:
    """Capitalised words that are probably names (the first word counts only if unusual)."""
    found: set[str] = set()
    for match in _CAPITALISED.finditer(text):
        token = match.group(0).strip("'’-")
        folded = fold(token)
        if folded in _COMMON_CAPITALISED or len(folded) < 2:
            continue
        found.add(folded)
    return found


def has_negation(text: str) -> bool:
    """Whether a sentence is phrased negatively ('not', 'never', "isn't")."""
    tokens = words(text)
    return any(t in NEGATIONS or t.endswith("n't") for t in tokens)


_BACK_REFERENCE = re.compile(
    r"^(this|that|these|those|such|the (idea|claim|story|theory))\b|"
    # "There is no evidence for this." judges the sentence before it just the same.
    r"^there (is|was|are) (no|little)\b.*\b(this|that|it|these|those)[.!]?$",
    re.IGNORECASE,
)


def quote_units(text: str) -> list[str]:
    """Sentences, with a short follow-up that judges the one before kept attached to it.

    "In 1910 Frobenius suggested Ife art came from Atlantis. This idea was wrong." must never
    be quoted half: alone, the first sentence reads as an endorsement.
    """
    units: list[str] = []
    for sentence in split_sentences(text):
        if units and _BACK_REFERENCE.match(sentence) and len(sentence.split()) <= 10:
            units[-1] = f"{units[-1]} {sentence}"
        else:
            units.append(sentence)
    return units
