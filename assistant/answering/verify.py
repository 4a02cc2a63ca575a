"""Verify: every proposed sentence is checked against the passages it cites (assistant.verify)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.answer import AnswerSentence, DroppedSentence
from assistant.answering.catalogue import Numbered
from assistant.answering.config import AnswerConfig
from assistant.answering.reading import Reading
from assistant.citations import Draft
from assistant.text import content_words, fold
from assistant.verify import Verifier


@dataclass
class Drafted:
    """Sentences that survived, in order, and those that did not."""

    kept: list[AnswerSentence] = field(default_factory=list)
    dropped: list[DroppedSentence] = field(default_factory=list)

    def superseded(self) -> Drafted:
        """Nothing kept: after a correction only the vetted text speaks."""
        reason = "superseded by a premise correction"
        return Drafted(
            [], self.dropped + [DroppedSentence(k.text, k.citations, reason) for k in self.kept]
        )


def _model_only(reading: Reading, draft: Draft, cfg: AnswerConfig) -> str:
    """Why a model sentence is not an answer before any source is consulted, or ""."""
    if len(draft.text.split()) < cfg.min_model_words:
        return "not a complete sentence"
    if set(content_words(draft.text)) <= set(content_words(reading.text)):
        # A weak model may echo the question back ("The Rubens Vase carved from"): every
        # word checks out against the source, and it says nothing.
        return "only repeats the question"
    return ""


def check(
    reading: Reading,
    drafts: Sequence[Draft],
    numbered: Numbered,
    origin: str,
    verifier: Verifier,
    cfg: AnswerConfig,
) -> Drafted:
    """Keep the drafts that the cited passages support; drop the rest with the reason."""
    out = Drafted()
    for draft in drafts:
        reason = _model_only(reading, draft, cfg) if origin == "model" else ""
        verdict = None if reason else verifier.check(draft.text, draft.citations, numbered)
        if verdict is not None and not verdict.ok:
            reason = verdict.reason
        if not reason and origin == "model":
            relevance = verifier.similarity(reading.text, draft.text)
            if relevance < cfg.min_answer_relevance:
                reason = f"does not address the question ({relevance:.2f})"
        if reason or verdict is None:
            out.dropped.append(DroppedSentence(draft.text, draft.citations, reason))
            continue
        if any(fold(k.text) == fold(draft.text) for k in out.kept):
            continue
        out.kept.append(AnswerSentence(draft.text, verdict.citations, origin))
    return out
