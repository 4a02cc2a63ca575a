"""The baseline arm: the bare model with the same retrieved passages and no verification.

It uses the chain's own pieces (retriever, prompt, model, reply parser) so that the only
difference from the full assistant is what the assistant adds: the relevance gate, premise
checks, sentence verification and the refusal rules.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from langchain_core.language_models import BaseChatModel
from langchain_core.prompts import ChatPromptTemplate

from assistant.answer import REFUSAL_TEXT, Answer, AnswerSentence
from assistant.chain import MAX_SOURCES, citation_for
from assistant.citations import parse_reply
from assistant.prompts import SYSTEM_PROMPT, USER_TEMPLATE, render_sources, response_format
from assistant.store import Passage


class Searcher(Protocol):
    """The one retriever call the baseline needs (``VectorIndex`` implements it)."""

    def search(self, query: str, k: int) -> list[Passage]:
        """Nearest passages to ``query``, best first."""
        ...


@dataclass
class BaselineAssistant:
    """Asks the model with the top retrieved passages and reports whatever it says."""

    retriever: Searcher
    model: BaseChatModel
    top_k: int = 6
    max_sentences: int = 4
    model_name: str = ""

    def ask(self, question: str, history: Sequence[str] = ()) -> Answer:
        """Answer as the bare model would: ``answered`` if it said anything cited."""
        question = " ".join(question.split())
        context = " ".join([*list(history)[-2:], question])
        start = time.perf_counter()
        # No relevance gate on purpose: the bare model always sees the best passages we have.
        hits = self.retriever.search(context, self.top_k)[:MAX_SOURCES]
        numbered = {n: p for n, p in enumerate(hits, start=1)}
        timings = {"retrieve_ms": round((time.perf_counter() - start) * 1000, 1)}
        prompt = ChatPromptTemplate.from_messages(
            [("system", SYSTEM_PROMPT), ("human", USER_TEMPLATE)]
        )
        messages = prompt.format_messages(
            sources=render_sources([(n, p.title, p.text) for n, p in numbered.items()]),
            question=question,
            max_sentences=self.max_sentences,
        )
        warnings: list[str] = []
        t = time.perf_counter()
        try:
            bound = self.model.bind(
                response_format=response_format(len(numbered), self.max_sentences)
            )
            reply = str(bound.invoke(messages).content)
        except Exception as exc:  # same policy as the chain: a dead model is a refusal
            reply = ""
            warnings.append(f"model unavailable: {type(exc).__name__}: {exc}")
        timings["generate_ms"] = round((time.perf_counter() - t) * 1000, 1)

        drafts = parse_reply(reply)
        # Keep the model's own numbers (even invalid ones): the metrics then see a citation
        # to a source that was never given as what it is, an unsupported citation.
        sentences = [AnswerSentence(d.text, list(d.citations)) for d in drafts]
        cited = sorted({n for d in drafts for n in d.citations if n in numbered})
        timings["total_ms"] = round((time.perf_counter() - start) * 1000, 1)
        retrieved = [
            {
                "chunk_id": p.chunk_id,
                "source_id": p.source_id,
                "score": round(p.score, 4),
                "kind": p.kind,
                "passage": p.text,
            }
            for p in hits
        ]
        if not any(d.citations for d in drafts):
            return Answer(
                question=question,
                outcome="refused",
                answer=REFUSAL_TEXT,
                refusal_reason="the model gave no cited sentence",
                timings_ms=timings,
                retrieved=retrieved,
                model=self.model_name,
                warnings=warnings,
            )
        text = " ".join(
            f"{s.text} {''.join(f'[{n}]' for n in s.citations)}".strip() for s in sentences
        )
        return Answer(
            question=question,
            outcome="answered",
            answer=text,
            sentences=sentences,
            citations=[citation_for(n, numbered[n]) for n in cited],
            timings_ms=timings,
            retrieved=retrieved,
            model=self.model_name,
            warnings=warnings,
        )
