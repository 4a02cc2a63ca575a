"""``build_assistant(settings).ask(question)``: the one public call of the assistant."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from langchain_core.language_models import BaseChatModel

from assistant.answer import Answer
from assistant.answer_log import AnswerLog, new_public_id
from assistant.answering.config import EMBEDDED_DRAFT_ASKS
from assistant.chain import AnswerChain, ChainConfig, Retriever
from assistant.errors import QuestionError, StoreUnavailableError
from assistant.i18n import gettext
from assistant.language import LanguageGuess, LanguageRules, guess_language
from assistant.language import prepare as prepare_language
from assistant.llm import is_embedded, make_chat_model, model_name
from assistant.question_text import clean_question
from assistant.settings import Settings
from assistant.store import VectorIndex, load_embeddings
from assistant.verify import Verifier

logger = logging.getLogger(__name__)


@dataclass
class MuseumAssistant:
    """Validates questions, runs the chain, and logs every answer."""

    chain: AnswerChain
    settings: Settings
    log: AnswerLog | None = None

    def prepare(self) -> None:
        """Read and load what the first visitor would otherwise wait for (a server, at start).

        The chain's names and periods, and the language stage's detector and word lists
        (about a second between them).
        """
        self.chain.prepare()
        prepare_language(LanguageRules.of(self.settings))

    def ask(
        self, question: str, history: Sequence[str] = (), language: str | None = None
    ) -> Answer:
        """Answer one visitor question (or refuse); raises ``QuestionError`` for bad input.

        ``history``: the visitor's earlier questions in the same conversation, oldest first.
        ``language``: the visitor's language when a surface knows it (ISO 639-1); otherwise
        it is detected from the question.
        """
        # Every surface (CLI, Streamlit, HTTP) gets the same Unicode hygiene and limits here.
        limit = self.settings.max_question_chars
        question = clean_question(question or "", limit)
        history = [clean_question(h, limit, what="history item") for h in history if h.strip()]
        guess = self.language_of(question, history, language)
        written_in = None
        if guess.decided_by == "visitor":
            # The visitor's choice says what the assistant's own words are in; the question
            # is read in the language it is typed in, when the detector is clear about it.
            typed = self.language_of(question, history)
            clear = typed.decided_by in {"detected", "conversation"}
            written_in = typed.language if clear else None
        try:
            answer = self.chain.run(question, history[-4:], guess.language, written_in)
        except StoreUnavailableError as exc:
            # The visitor gets the error's polite message; the curator log keeps the question.
            logger.warning("search unavailable: %s", exc)
            self._record(
                _in_language(
                    Answer(
                        question,
                        "refused",
                        gettext(guess.language, exc.visitor_message or str(exc)),
                        refusal_reason=f"search unavailable: {exc}",
                        model=self.chain.model_name,
                    ),
                    guess,
                ),
                history,
            )
            raise
        answer = _in_language(answer, guess)
        self._record(answer, history)
        return answer

    def language_of(
        self, question: str, history: Sequence[str] = (), said: str | None = None
    ) -> LanguageGuess:
        """The language stage: the visitor's own choice, else the detector's (see language)."""
        s = self.settings
        if said:
            code = said.strip().lower()
            if code not in s.languages:
                raise QuestionError(
                    f"the language {said!r} is not one the museum expects "
                    f"(MUSEUM_QA_LANGUAGES: {', '.join(s.languages)})"
                )
            return LanguageGuess(code, 1.0, "visitor")
        previous = None
        if history:
            # The conversation's language: its latest turns, read as one text.
            previous = self.language_of(" ".join(history[-2:])).language
        return guess_language(question, LanguageRules.of(s), previous)

    def _record(self, answer: Answer, history: Sequence[str]) -> None:
        """Log the answer; a log that cannot take it (even in its spool) never loses the visitor.

        The whole conversation goes with it, for the log to redact what it found there.
        """
        if self.log is None:
            return
        # Given before the write, so that a row waiting in the spool is found by it later.
        answer.public_id = new_public_id()
        try:
            answer.log_id = self.log.record(answer, history)
        except Exception:
            answer.public_id = None  # nothing was stored under it
            logger.exception("the answer log could not record an answer (nor spool it)")


def _in_language(answer: Answer, guess: LanguageGuess) -> Answer:
    """The answer marked with the question's language, and the language stage in its trace.

    The answer's own words are already in that language: the pipeline read it.
    """
    answer.language = guess.language
    detail = f"{guess.decided_by}; confidence {guess.confidence:.2f}"
    answer.trace = [
        {"stage": "language", "decision": guess.language, "detail": detail},
        *answer.trace,
    ]
    return answer


def draft_asks(settings: Settings, model: BaseChatModel) -> frozenset[str] | None:
    """The question kinds ``model`` is asked to phrase (None: every question)."""
    if settings.draft == "always":
        return None
    if settings.draft == "never":
        return frozenset()
    # 'auto': the embedded model where it was measured to add something; a model the museum
    # chose (another .gguf file, a server) phrases every answer, and the same checks hold.
    return EMBEDDED_DRAFT_ASKS if is_embedded(model) else None


def build_assistant(
    settings: Settings,
    *,
    model: BaseChatModel | None = None,
    retriever: Retriever | None = None,
) -> MuseumAssistant:
    """Wire the configured store, model and log; pass ``model``/``retriever`` to swap them."""
    embeddings = load_embeddings(settings.embedding_model)
    chat_model = model or make_chat_model(settings)
    # lazy: a Chroma server that is down now is retried at each question, not fatal here.
    retriever = retriever or VectorIndex.open(settings, lazy=True)
    chain = AnswerChain(
        retriever=retriever,
        model=chat_model,
        verifier=Verifier(embeddings, settings.min_support, settings.min_coverage),
        config=ChainConfig(
            top_k=settings.top_k,
            keyword_top_k=settings.keyword_top_k,
            min_relevance=settings.min_relevance_for(getattr(retriever, "embedder", "")),
            max_sentences=settings.max_sentences,
            draft_asks=draft_asks(settings, chat_model),
        ),
        model_name=model_name(settings) if model is None else type(model).__name__,
    )
    log = None
    if settings.log_answers:
        log = AnswerLog(
            settings.log_url,
            spool=settings.data_dir / "answer-log-spool.jsonl",
            phone_regions=settings.phone_regions,
        )
    return MuseumAssistant(chain=chain, settings=settings, log=log)
