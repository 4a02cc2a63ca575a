"""What every page shares, built once per app process: settings, the assistant, log, accounts."""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from assistant.answer import Answer
from assistant.answer_log import AnswerLog
from assistant.auth import UserStore
from assistant.errors import MuseumQAError
from assistant.i18n import SOURCE_LANGUAGE
from assistant.notes import NoteStore
from assistant.service import MuseumAssistant, build_assistant
from assistant.settings import Settings, load_settings
from assistant.store import VectorIndex
from ui.language import _


@dataclass
class Services:
    """The app's long-lived objects. The assistant is built on first use (it loads models)."""

    settings: Settings
    log: AnswerLog
    users: UserStore
    notes: NoteStore
    _assistant: MuseumAssistant | None = None
    _index: VectorIndex | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def assistant(self) -> MuseumAssistant:
        """The assistant, built once (raises ``MuseumQAError`` if it cannot be)."""
        with self._lock:
            if self._assistant is None:
                self._assistant = build_assistant(self.settings)
            return self._assistant

    def index(self) -> VectorIndex:
        """The index curators' notes are written to: the one visitors' questions search.

        Opened once; embedded Chroma in this process shares its files with the assistant's
        reader, so the next question sees a note the moment it is saved.
        """
        with self._lock:
            if self._index is None:
                self._index = VectorIndex.open(self.settings, create=True)
            return self._index

    def ask(self, question: str, history: Sequence[str]) -> Answer:
        """Ask the public ``build_assistant(settings).ask``; ``history``: earlier questions."""
        return self.assistant().ask(question, list(history))

    def model_notice(self) -> tuple[bool, str] | None:
        """``(ok, why)`` when the model cannot answer or its process died recently, else None.

        Known once the assistant is built (at the first question): building it loads models.
        """
        model = getattr(getattr(self._assistant, "chain", None), "model", None)
        report = getattr(model, "health", None)
        health = report() if callable(report) else None
        if health is None or (health.ok and not health.detail):
            return None
        # No file paths on a page visitors see.
        return bool(health.ok), re.sub(r"(/[^\s:]+)+", "<path>", str(health.detail))


@st.cache_resource(show_spinner=False)
def _build() -> Services:
    settings = load_settings()
    # Opening the log applies the schema migrations and the retention purge: the app's
    # startup work, done once per process.
    log = AnswerLog(
        settings.log_url,
        spool=settings.data_dir / "answer-log-spool.jsonl",
        retention_days=settings.log_retention_days,
        phone_regions=settings.phone_regions,
    )
    return Services(
        settings=settings,
        log=log,
        users=UserStore(log.engine),
        notes=NoteStore(log.engine, settings.note_max_chars),
    )


def services() -> Services:
    """The shared services, or a clear error on the page and a stop."""
    try:
        return _build()
    except MuseumQAError as exc:
        st.error(_("The app cannot start: {error}").format(error=exc))
        st.stop()
    except Exception as exc:  # a database that cannot be reached, for instance
        st.error(
            _("The app cannot open the answer log: {error}").format(
                error=f"{type(exc).__name__}: {exc}"
            )
        )
        st.stop()
    raise AssertionError("unreachable")  # st.stop() raises; this satisfies type checkers


def default_language() -> str:
    """The museum's language (settings), or English while the settings cannot be read.

    Never an error page: the error pages themselves are translated, into this language.
    """
    try:
        return _build().settings.default_language
    except Exception:
        return SOURCE_LANGUAGE


def show_model_notice(slot: Any, svc: Services) -> None:
    """Say in ``slot`` (an ``st.empty()``) why answers quote instead of phrase, if they do."""
    notice = svc.model_notice()
    if notice is None:
        return
    ok, why = notice
    if ok:
        slot.caption(_("The language model recovered from a problem: {why}.").format(why=why))
    else:
        slot.warning(
            _(
                "The language model is not available right now, so answers quote the "
                "museum's texts directly. Staff: {why}."
            ).format(why=why)
        )


def reset_for_tests() -> None:
    """Forget the cached services (tests change the environment between apps)."""
    _build.clear()
