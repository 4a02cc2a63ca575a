"""Let the record speak: rank sentences by how well they answer the question.

The same scoring ranks the model's verified sentences and the sentences quoted from the
sources, so a weak model's off-topic (but true) sentence loses to the source sentence that
actually answers the question.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

from assistant.documents import record_facts
from assistant.store import Passage
from assistant.text import content_words, fold, quote_units
from assistant.verify import Verifier, cosine

# Which catalogue fact a question is after, by its wording.
_INTENTS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            r"\b(who (painted|made|created|carved|sculpted|designed|wrote|drew|built)|"
            r"artist|painter|sculptor|maker|made by|attribut|author|whose work)"
        ),
        "creator",
    ),
    (
        re.compile(
            r"\b(when|what year|which year|date|dated|century|how old|period|older|oldest|"
            r"newer|newest|earlier|earliest|later|latest|age)\b"
        ),
        "date",
    ),
    (
        re.compile(
            r"\b(made of|made from|material|medium|painted on (?!the (back|reverse|other))|"
            r"technique|what is it made)"
        ),
        "medium",
    ),
    (
        re.compile(
            r"\b(where (is|can|was it made)|which museum|what museum|located|held|kept|"
            r"see it|on view)\b"
        ),
        "institution",
    ),
    (re.compile(r"\b(where was it made|where .* made|origin|come from)\b"), "place"),
    (re.compile(r"\b(accession|inventory|catalogue number|object number)\b"), "accession"),
    # No catalogue sentence states size, but the question is a fact question all the same.
    (
        re.compile(
            r"\b(how (big|large|tall|wide|high|long|heavy|small)|size|dimensions?|"
            r"measure\w*|weigh\w*)\b"
        ),
        "size",
    ),
]


_OVERVIEW = re.compile(
    r"^(what is|what's|what are|tell me (more )?about|describe|"
    r"what do you know about|explain)\b"
)


_DEPICTION = re.compile(r"\b(show|shows|shown|depict\w*|subject|scene|represent\w*|about)\b")
_PRONOUN_START = re.compile(r"^(it|its|they|their|he|she|his|her|this|these|those|there)\b")


def is_overview(question: str, titles: list[str] | None = None) -> bool:
    """Whether the question asks for an overview ("What is X?", "Tell me about X")."""
    bare = _without_titles(question, titles or [])
    return bool(_OVERVIEW.search(fold(bare))) and len(content_words(bare)) <= 3


def without_intents(question: str) -> str:
    """The question without the words that ask for a catalogue fact ("who carved", "when")."""
    folded = fold(question)
    for pattern, _ in _INTENTS:
        folded = pattern.sub(" ", folded)
    return folded


def asked_facts(question: str) -> set[str]:
    """Which catalogue fields (creator, date, medium, ...) a question asks about."""
    folded = fold(question)
    return {key for pattern, key in _INTENTS if pattern.search(folded)}


@dataclass(frozen=True)
class Candidate:
    """A sentence that could go into the answer, with the passages it cites."""

    text: str
    citations: list[int]
    origin: str  # "model", "source" or "record"
    score: float = 0.0
    fact: str = ""  # for record sentences: which catalogue field it states
    lead: bool = False  # first sentence of a document's text: its summary, usually


def source_candidates(passages: dict[int, Passage]) -> list[Candidate]:
    """Every sentence of every numbered passage, cited to that passage."""
    out = []
    for n, passage in passages.items():
        if passage.kind == "record":
            for key, sentence in record_facts(passage.meta).items():
                out.append(Candidate(sentence, [n], "record", fact=key))
        else:
            first = passage.meta.get("chunk_index") == 1
            for i, sentence in enumerate(quote_units(passage.text)):
                out.append(Candidate(sentence, [n], "source", lead=first and i == 0))
    return out


def _without_titles(text: str, titles: list[str]) -> str:
    for title in titles:
        text = re.sub(re.escape(title), "it", text, flags=re.IGNORECASE)
    return text


def score(
    question: str, candidates: list[Candidate], verifier: Verifier, titles: list[str] | None = None
) -> list[Candidate]:
    """Score candidates by how well they answer the question.

    Score = similarity to the question, plus a little for shared words and for being the
    catalogue fact the question asks for (who / when / made of / where / accession number).

    Object titles are replaced by "it" on both sides first: a sentence that merely names the
    object the question names is not thereby an answer to it.
    """
    if not candidates:
        return []
    names = sorted({t for t in titles or [] if t}, key=len, reverse=True)
    names += [n[4:] for n in names if n.lower().startswith("the ")]
    wanted = asked_facts(question)
    bare = _without_titles(question, names)
    # "What is X?" / "Tell me about X": nothing is asked beyond the object itself.
    overview = bool(_OVERVIEW.search(fold(bare))) and not content_words(bare)
    if overview:
        wanted |= {"creator", "date"}
    depiction = bool(_DEPICTION.search(fold(bare)))
    q_words = set(content_words(_without_titles(question, names)))
    vectors = verifier.embed(
        [_without_titles(question, names)] + [_without_titles(c.text, names) for c in candidates]
    )
    out = []
    for candidate, vector in zip(candidates, vectors[1:], strict=True):
        value = cosine(vectors[0], vector)
        if q_words:
            shared = q_words & set(content_words(_without_titles(candidate.text, names)))
            value += 0.15 * len(shared) / len(q_words)
        if candidate.origin == "record":
            # A catalogue line names the object, which flatters its similarity to any
            # question about it: count it only when the question asks for that field.
            value += 0.25 if candidate.fact in wanted else -0.1
        if overview and candidate.lead:
            value += 0.45
        elif depiction and candidate.lead:
            value += 0.2
        if (
            candidate.origin == "source"
            and not candidate.lead
            and _PRONOUN_START.match(fold(candidate.text))
        ):
            # "In the painting it stands in the water": out of context, "it" may mislead.
            value -= 0.08
        out.append(
            Candidate(
                candidate.text,
                candidate.citations,
                candidate.origin,
                value,
                candidate.fact,
                candidate.lead,
            )
        )
    return out


def select(
    scored: list[Candidate],
    verifier: Verifier,
    *,
    limit: int,
    min_score: float,
    margin: float = 0.15,
    source_of: Callable[[Candidate], str] | None = None,
    subjects: Collection[str] = (),
) -> list[Candidate]:
    """The best candidates within ``margin`` of the top one, without near-duplicates.

    When the question names several objects ("Which is older, A or B?"), each named object
    first gets its own best sentence, so the answer speaks to all of them.
    """
    ranked = sorted(scored, key=lambda c: -c.score)
    if not ranked or ranked[0].score < min_score:
        return []
    floor = max(min_score, ranked[0].score - margin)
    chosen: list[Candidate] = []

    def duplicate(candidate: Candidate) -> bool:
        return any(
            fold(candidate.text) == fold(c.text)
            or verifier.similarity(candidate.text, c.text) > 0.9
            for c in chosen
        )

    if source_of is not None and len(subjects) > 1:
        for subject in subjects:
            best = next((c for c in ranked if source_of(c) == subject), None)
            if best and best.score >= min_score and len(chosen) < limit and not duplicate(best):
                chosen.append(best)
    for candidate in ranked:
        if len(chosen) >= limit or candidate.score < floor:
            break
        if candidate in chosen or duplicate(candidate):
            continue
        chosen.append(candidate)
    return chosen
