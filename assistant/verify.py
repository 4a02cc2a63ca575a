"""Check each sentence against the passages it cites; what fails is dropped, with the reason.

The checks are deterministic and conservative, because the model may be weak and because the
same guarantee must hold for a strong one:

1. it cites at least one passage that was actually given;
2. every number, accession-like code and proper name in it appears in a cited passage;
3. most of its content words (beyond the object's title) appear in a cited passage;
4. it is semantically close to some sentence of a cited passage;
5. it is not the negation of that closest sentence (or the reverse).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from langchain_core.embeddings import Embeddings

from assistant.store import Passage
from assistant.text import (
    accession_like,
    content_words,
    fold,
    has_negation,
    numbers,
    proper_names,
    quote_units,
    words,
)


@dataclass(frozen=True)
class Verdict:
    """Whether a sentence is supported, by which citations, and if not, why."""

    ok: bool
    citations: list[int]
    reason: str = ""
    support: float = 0.0


def evidence_text(passage: Passage) -> str:
    """What a citation vouches for: the passage, anchored by its object's title and creators."""
    head = passage.title
    creators = passage.meta.get("creators_display")
    if creators:
        head = f"{head} — {creators}"
    return f"{head}. {passage.text}"


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    """Cosine similarity of two vectors (0 when either is zero)."""
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    na = math.sqrt(sum(x * x for x in a))
    nb = math.sqrt(sum(y * y for y in b))
    return dot / (na * nb) if na and nb else 0.0


@dataclass
class Verifier:
    """Sentence-level support checks against numbered passages."""

    embeddings: Embeddings
    min_support: float = 0.55
    min_coverage: float = 0.7
    _cache: dict[str, list[float]] = field(default_factory=dict)

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        """Embed with a per-instance cache (the same passage sentences recur per answer)."""
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            for text, vector in zip(missing, self.embeddings.embed_documents(missing), strict=True):
                self._cache[text] = vector
        return [self._cache[t] for t in texts]

    def similarity(self, a: str, b: str) -> float:
        """Cosine similarity of two texts."""
        va, vb = self.embed([a, b])
        return cosine(va, vb)

    def check(self, sentence: str, cited: Sequence[int], passages: dict[int, Passage]) -> Verdict:
        """Verify one sentence against the passages it cites (numbers index ``passages``)."""
        valid = [n for n in dict.fromkeys(cited) if n in passages]
        if not valid:
            return Verdict(False, [], "no citation to a retrieved source")
        evidence = {n: evidence_text(passages[n]) for n in valid}
        joined = fold(" ".join(evidence.values()))
        joined_words = set(words(joined))

        for token in sorted(numbers(sentence)):
            if not re.search(rf"(?<![\d]){re.escape(token)}(?![\d])", joined.replace(",", "")):
                return Verdict(False, valid, f"number {token!r} is not in the cited source")
        for token in sorted(accession_like(sentence)):
            if token not in joined:
                return Verdict(False, valid, f"code {token!r} is not in the cited source")
        for name in sorted(proper_names(sentence)):
            if not all(part in joined_words for part in words(name)):
                return Verdict(False, valid, f"name {name!r} is not in the cited source")

        title_words: set[str] = set()
        for n in valid:
            title_words |= set(content_words(passages[n].title))
        claims = [w for w in content_words(sentence) if w not in title_words]
        if not claims:
            return Verdict(False, valid, "says nothing beyond naming the object")
        evidence_stems = set(content_words(joined))
        covered = sum(1 for w in claims if w in evidence_stems) / len(claims)
        if covered < self.min_coverage:
            missing = [w for w in claims if w not in evidence_stems]
            return Verdict(False, valid, f"not stated in the cited source ({', '.join(missing)})")

        # Units, not sentences: "X. There is no evidence for this." is one claim, never half.
        candidates = [(n, s) for n in valid for s in quote_units(evidence[n])]
        if not candidates:
            return Verdict(False, valid, "the cited source has no text")
        vectors = self.embed([sentence] + [s for _, s in candidates])
        scores = [cosine(vectors[0], v) for v in vectors[1:]]
        best = max(range(len(scores)), key=scores.__getitem__)
        support = scores[best]
        if support < self.min_support:
            return Verdict(False, valid, f"too far from the cited source ({support:.2f})", support)
        if has_negation(sentence) != has_negation(candidates[best][1]):
            return Verdict(False, valid, "negation differs from the cited source", support)

        # ALCE-style precision: a citation stays if its passage supports the sentence alone,
        # or supplies part of the claim the best passage lacks.
        best_n = candidates[best][0]
        stems = {n: set(content_words(evidence[n])) for n in valid}
        uncovered = {w for w in claims if w not in stems[best_n]}
        needed = []
        for n in valid:
            alone = sum(1 for w in claims if w in stems[n]) / len(claims)
            if n == best_n or alone >= self.min_coverage or uncovered & stems[n]:
                needed.append(n)
        return Verdict(True, needed, "", support)
