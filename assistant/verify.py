"""Check each sentence against the passages it cites; what fails is dropped, with the reason.

The checks are deterministic and conservative, because the model may be weak and because the
same guarantee must hold for a strong one:

1. it cites at least one passage that was actually given;
2. every number (digits or words: "three" = "3"), ordinal, century and decade ("9th" =
   "ninth", "1840s"), accession-like code, proper name (initials too) and material word in
   it appears in a cited passage, compared by value and kind ("16" is not found in "16th");
3. no word of it stands in the passage as its opposite ("after" where the passage says
   "before");
4. most of its content words (beyond the object's title) appear in a cited passage, and so
   do most of each clause's, so an added clause cannot ride on a true one;
5. it is semantically close to some sentence of a cited passage;
6. it is not the negation of that closest sentence (or the reverse).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from langchain_core.embeddings import Embeddings

from assistant.embedding import cosine
from assistant.materials import MATERIALS
from assistant.store import Passage
from assistant.text import (
    accession_like,
    clauses,
    content_words,
    fold,
    has_negation,
    initials,
    is_number,
    proper_names,
    quantities,
    quote_units,
    sentence_adverb,
    stem,
    swapped_opposites,
    words,
)

# A clause is judged on its own only when it claims at least this many content words: a
# one-word clause ("the Virgin") is a fragment of its neighbour, not a claim.
MIN_CLAUSE_CLAIMS = 2
_QUANTITY_KIND = {"n": "number", "ord": "ordinal", "decade": "decade"}


def exact_mismatch(sentence: str, joined: str) -> str:
    """Why a sentence's exact tokens are not all in the evidence ('' when they are).

    Numbers, ordinals and decades by value whatever their spelling; codes; names and
    initials; material words (from the records' medium vocabulary); and opposites.
    """
    joined_words = set(words(joined))
    evidence_quantities = quantities(joined)
    for token in sorted(quantities(sentence) - evidence_quantities):
        kind, value = token.split(":", 1)
        return f"number {value!r} ({_QUANTITY_KIND[kind]}) is not in the cited source"
    for code in sorted(accession_like(sentence)):
        if code not in joined:
            return f"code {code!r} is not in the cited source"
    # The opening word is capitalised because it opens the sentence, not because it names.
    adverb = sentence_adverb(sentence)
    for name in sorted(proper_names(sentence) - {adverb}):
        if not all(part in joined_words for part in words(name)):
            return f"name {name!r} is not in the cited source"
    squeezed = re.sub(r"\s", "", joined)
    for initial in sorted(initials(sentence)):
        if initial not in squeezed:
            return f"name {initial!r} is not in the cited source"
    evidence_stems = {stem(w) for w in joined_words}
    for word in dict.fromkeys(words(sentence)):
        if word in MATERIALS and stem(word) not in evidence_stems:
            return f"material {word!r} is not in the cited source"
    return ""


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

    def uncovered(self, sentence: str, title_words: set[str], evidence: set[str]) -> list[str]:
        """The claim words missing from the evidence, if the sentence or a clause is short of it.

        Coverage is judged for the whole sentence and for each clause of it: a true clause
        must not carry an added one ("..., and the calendar is one part of the book").
        """
        parts = [sentence, *clauses(sentence)]
        for part in parts:
            # Numbers are compared by value in ``exact_mismatch``, not as words ("12"/"twelve").
            claims = [w for w in content_words(part) if w not in title_words and not is_number(w)]
            if part is not sentence and len(claims) < MIN_CLAUSE_CLAIMS:
                continue
            missing = [w for w in claims if w not in evidence]
            if claims and 1 - len(missing) / len(claims) < self.min_coverage:
                return missing
        return []

    def check(self, sentence: str, cited: Sequence[int], passages: dict[int, Passage]) -> Verdict:
        """Verify one sentence against the passages it cites (numbers index ``passages``)."""
        valid = [n for n in dict.fromkeys(cited) if n in passages]
        if not valid:
            return Verdict(False, [], "no citation to a retrieved source")
        evidence = {n: evidence_text(passages[n]) for n in valid}
        joined = fold(" ".join(evidence.values()))

        mismatch = exact_mismatch(sentence, joined)
        if mismatch:
            return Verdict(False, valid, mismatch)

        title_words: set[str] = set()
        for n in valid:
            title_words |= set(content_words(passages[n].title))
        claims = [w for w in content_words(sentence) if w not in title_words]
        if not claims:
            return Verdict(False, valid, "says nothing beyond naming the object")
        missing = self.uncovered(sentence, title_words, set(content_words(joined)))
        if missing:
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
        # Against the closest sentence only: a passage may say "left" of one figure and
        # "right" of another; the sentence it paraphrases decides which one is meant.
        for word, opposite in swapped_opposites(sentence, candidates[best][1]):
            return Verdict(
                False,
                valid,
                f"opposite: {word!r} where the cited source says {opposite!r}",
                support,
            )

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
