"""Let the record speak: choose source sentences that answer the question, quoted and cited."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.store import Passage
from assistant.text import content_words, fold, split_sentences
from assistant.verify import Verifier, cosine

# Which catalogue sentence a question is after, by its wording.
_INTENTS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(who|whose|artist|painter|sculptor|maker|painted|made by|created|"
                r"carved|attribut|author|wrote|designed)"), " is by "),
    (re.compile(r"\b(when|what year|date|dated|century|how old|period)"), " is dated "),
    (re.compile(r"\b(made of|material|medium|painted on|canvas|panel|wood|bronze|marble|"
                r"stone|technique|what is it made)"), "the medium of "),
    (re.compile(r"\b(where|which museum|what museum|located|held|kept|see it|on view)"),
     " is in the collection of "),
    (re.compile(r"\b(accession|inventory|catalogue number|object number)"),
     "the accession number of "),
]


@dataclass(frozen=True)
class Pick:
    """A chosen sentence with the passage number it is quoted from."""

    text: str
    n: int
    score: float
    origin: str  # "record" or "source"


def pick_sentences(question: str, passages: dict[int, Passage], verifier: Verifier,
                   *, limit: int, min_score: float) -> list[Pick]:
    """Rank every sentence of the numbered passages against the question; return the best.

    Score = semantic similarity to the question, plus a small bonus for sharing its words and
    for being the catalogue fact the question asks for (who / when / made of / where).
    """
    folded_q = fold(question)
    wanted = [marker for pattern, marker in _INTENTS if pattern.search(folded_q)]
    q_words = set(content_words(question))
    candidates: list[tuple[int, str, str]] = []
    for n, passage in passages.items():
        origin = "record" if passage.kind == "record" else "source"
        for sentence in split_sentences(passage.text):
            candidates.append((n, sentence, origin))
    if not candidates:
        return []
    vectors = verifier.embed([question] + [s for _, s, _ in candidates])

    scored: list[Pick] = []
    for (n, sentence, origin), vector in zip(candidates, vectors[1:], strict=True):
        score = cosine(vectors[0], vector)
        s_words = set(content_words(sentence))
        if q_words:
            score += 0.15 * len(q_words & s_words) / len(q_words)
        if origin == "record" and any(marker in fold(sentence) for marker in wanted):
            score += 0.25
        scored.append(Pick(sentence, n, score, origin))
    scored.sort(key=lambda p: -p.score)
    best = scored[0].score
    if best < min_score:
        return []
    picks: list[Pick] = []
    for pick in scored:
        if len(picks) >= limit or pick.score < max(min_score, best - 0.15):
            break
        if any(fold(pick.text) == fold(p.text) for p in picks):
            continue
        picks.append(pick)
    return picks
