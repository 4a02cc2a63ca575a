"""``AnswerChain``: the façade the service builds; the answer path itself is assistant.answering.

Evidence comes first (PaperQA2-style): with no relevant vetted passage the model is never
asked, and "I don't have a vetted source" is an ordinary outcome, not an error.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence

from langchain_core.language_models import BaseChatModel

from assistant.answer import Answer
from assistant.answering import places
from assistant.answering.casing import Name, name_casing, typed_in_lower_case
from assistant.answering.catalogue import Retriever, titles_by_key
from assistant.answering.compose import citation_for
from assistant.answering.config import DEFAULT, AnswerConfig, ChainConfig
from assistant.answering.evidence import sanitized
from assistant.answering.identify import collection_makers
from assistant.answering.periods import Periods
from assistant.answering.pipeline import Pipeline
from assistant.answering.reading import read
from assistant.errors import IndexMissingError, StoreUnavailableError
from assistant.verify import Verifier

MAX_SOURCES = DEFAULT.max_sources
logger = logging.getLogger(__name__)

__all__ = [
    "MAX_SOURCES",
    "AnswerChain",
    "ChainConfig",
    "Retriever",
    "citation_for",
    "sanitized",
]


class AnswerChain:
    """One question in, one verified ``Answer`` out: ``read`` it, then run the stages."""

    def __init__(
        self,
        retriever: Retriever,
        model: BaseChatModel,
        verifier: Verifier,
        config: AnswerConfig | None = None,
        model_name: str = "",
    ):
        self.pipeline = Pipeline(retriever, model, verifier, config or AnswerConfig(), model_name)
        self._names: dict[Name, str] | None = None
        self._names_lock = threading.Lock()  # the server's threads share one chain
        self._periods: Periods | None = None
        self._makers: frozenset[str] = frozenset()  # read with the periods

    @property
    def retriever(self) -> Retriever:
        """The store the chain reads (the API's health check asks it)."""
        return self.pipeline.retriever

    @property
    def model(self) -> BaseChatModel:
        """The chat model that drafts answers."""
        return self.pipeline.model

    @property
    def asks_model(self) -> bool:
        """Whether any question is put to the model (``Settings.draft``); if not, none loads."""
        return self.pipeline.config.draft_asks != frozenset()

    @property
    def model_name(self) -> str:
        """The model's name, for the log."""
        return self.pipeline.model_name

    @property
    def config(self) -> AnswerConfig:
        """The answer path's tunables."""
        return self.pipeline.config

    def run(
        self,
        question: str,
        history: Sequence[str] = (),
        language: str = "en",
        written_in: str | None = None,
    ) -> Answer:
        """Answer a question, or refuse with a reason.

        ``history`` holds the visitor's earlier questions in this conversation, so that
        "Are you sure? My guide said it was Vermeer" is checked against the same object.
        ``language`` is the visitor's language (the service's language stage), and
        ``written_in`` the question's own when that is clearly another.
        """
        typed_lower = all(typed_in_lower_case(turn) for turn in (question, *history))
        casing = self._casing() if typed_lower else None
        periods = self._named_periods()
        reading = read(question, history, casing, periods, language, written_in, self._makers)
        return self.pipeline.run(reading)

    def prepare(self) -> threading.Thread | None:
        """Read what the first questions would otherwise wait for (a server calls it at start).

        The names and periods every question reads are loaded before this returns. The
        keyword index only serves questions the first search finds nothing for, and takes
        seconds per 10k chunks to build, so it is built on a background thread (returned, to
        be joined by whoever must wait): the server answers meanwhile, and a question that
        needs the index first waits for the build in progress rather than starting another.
        """
        self._casing()
        self._named_periods()
        # Seconds: every Latin-script name of every town of 15,000 people. A place question
        # asked meanwhile waits for this load.
        threading.Thread(target=places.warm, name="gazetteers", daemon=True).start()
        if not self.pipeline.config.keyword_top_k:
            return None
        thread = threading.Thread(target=self._build_keywords, name="keyword-index", daemon=True)
        thread.start()
        return thread

    def _build_keywords(self) -> None:
        """Build the keyword index and the titles' lookup.

        If that fails, the first question that needs them tries again.
        """
        try:
            self.retriever.keyword_search("", 1)
            titles_by_key(self.retriever.titles_by_language())
        except (StoreUnavailableError, IndexMissingError) as exc:
            logger.warning("keyword index not built at start: %s", exc)

    def _named_periods(self) -> Periods | None:
        """The collection's named periods and their years, read from the records once.

        Like the casing: records ingested while a server runs count from the next start, and
        a store that cannot be read now is asked again next time.
        """
        with self._names_lock:
            if self._periods is None:
                cfg = self.pipeline.config
                try:
                    records = self.retriever.find({"kind": "record"}, cfg.period_scan_limit)
                except (StoreUnavailableError, IndexMissingError):
                    return None
                self._periods = Periods.from_records((p.meta for p in records), cfg)
                self._makers = collection_makers((p.meta for p in records), cfg)
            return self._periods

    def _casing(self) -> dict[Name, str]:
        """The collection's capitalised names, read from the store once, on first need.

        Texts ingested while a server runs are in it from the next start. A store that cannot
        be read now leaves lower-case questions as typed, and is asked again next time (the
        evidence stage reports the store itself).
        """
        with self._names_lock:
            if self._names is None:
                cfg = self.pipeline.config
                try:
                    texts = self.retriever.texts()
                except (StoreUnavailableError, IndexMissingError):
                    return {}
                self._names = name_casing(texts, cfg.casing_min_uses, cfg.casing_min_capital_share)
            return self._names
