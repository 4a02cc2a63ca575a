"""ALCE-style citation judging: does each sentence's citations support it, and is each needed.

SEE: https://arxiv.org/abs/2305.14627 (Gao et al., "Enabling LLMs to Generate Text with
Citations", section 3: citation recall and precision).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from assistant.answer import Answer, Citation
from assistant.settings import Settings
from assistant.store import Passage
from assistant.verify import Verifier

SupportFn = Callable[[str, Sequence[Passage]], bool]
"""``support_fn(sentence, passages)``: do these passages, taken together, support the sentence?"""


@dataclass(frozen=True)
class SentenceJudgement:
    """One answer sentence: supported by its citations jointly, and which citations were needed."""

    text: str
    citations: list[int]
    supported: bool
    precise: list[bool] = field(default_factory=list)  # one flag per citation, in order


@dataclass(frozen=True)
class Judgement:
    """The checker's view of one answer (empty for a refusal)."""

    sentences: list[SentenceJudgement] = field(default_factory=list)

    @property
    def n_citations(self) -> int:
        """Citation markers across all sentences."""
        return sum(len(s.citations) for s in self.sentences)

    @property
    def citation_recall(self) -> float | None:
        """Share of sentences fully supported by their citations (None: nothing was said)."""
        if not self.sentences:
            return None
        return sum(s.supported for s in self.sentences) / len(self.sentences)

    @property
    def citation_precision(self) -> float | None:
        """Share of citations that are needed; 0 when sentences carry no citation (as ALCE)."""
        if not self.sentences:
            return None
        if not self.n_citations:
            return 0.0
        return sum(sum(s.precise) for s in self.sentences) / self.n_citations

    @property
    def any_unsupported(self) -> bool:
        """Whether at least one sentence is not supported by what it cites."""
        return any(not s.supported for s in self.sentences)


def citation_passage(citation: Citation) -> Passage:
    """Rebuild the store's ``Passage`` from a contract citation.

    Title and creators are kept because the verifier reads a passage anchored by its title.
    """
    return Passage(
        chunk_id=f"{citation.source_id}#{citation.n}",
        source_id=citation.source_id,
        text=citation.passage,
        score=1.0,
        kind="text",
        meta={"title": citation.title, "creators_display": citation.creators},
    )


def judge_answer(answer: Answer, support_fn: SupportFn) -> Judgement:
    """Judge every sentence of an answer against the passages it cites.

    A citation is *precise* (ALCE) when its sentence is supported and the citation either
    supports the sentence alone or the other citations cannot do without it. A citation number
    with no matching passage supports nothing. A non-refused answer with no sentence structure
    is judged as one uncited sentence, so unverifiable text is never counted as supported.
    """
    if answer.outcome == "refused":
        return Judgement()
    passages = {c.n: citation_passage(c) for c in answer.citations}
    # A catalogue sentence shown in the visitor's language is judged in the words it was
    # checked in: the record's values, in the English of its template (its translation is
    # ours, from the catalogues, not the source's).
    drafts = [(s.checked or s.text, list(s.citations)) for s in answer.sentences]
    if not drafts and answer.answer.strip():
        drafts = [(answer.answer, [])]

    def supports(sentence: str, numbers: Sequence[int]) -> bool:
        given = [passages[n] for n in dict.fromkeys(numbers) if n in passages]
        return bool(given) and support_fn(sentence, given)

    judged: list[SentenceJudgement] = []
    for text, cited in drafts:
        supported = supports(text, cited)
        precise: list[bool] = []
        for i, n in enumerate(cited):
            if not supported:
                precise.append(False)
            elif len(cited) == 1 or supports(text, [n]):
                precise.append(True)
            else:
                rest = cited[:i] + cited[i + 1 :]
                precise.append(not supports(text, rest))
        judged.append(SentenceJudgement(text, cited, supported, precise))
    return Judgement(judged)


def verifier_support(verifier: Verifier) -> SupportFn:
    """Adapt the assistant's own ``Verifier.check`` to a ``SupportFn``."""

    def support(sentence: str, passages: Sequence[Passage]) -> bool:
        numbered = {n: p for n, p in enumerate(passages, start=1)}
        return verifier.check(sentence, list(numbered), numbered).ok

    return support


def default_support_fn(settings: Settings) -> SupportFn:
    """Build the project's deterministic checker with the configured thresholds."""
    from assistant.store import load_embeddings

    embeddings = load_embeddings(settings.embedding_model)
    return verifier_support(Verifier(embeddings, settings.min_support, settings.min_coverage))
