"""The UI's language for one browser session: picked, named in the link, or the browser's.

Every text the Streamlit pages write is an English msgid wrapped in ``_()`` (or ``N_()`` for
a constant, translated where it is shown); ``assistant.i18n`` holds the catalogues. The
choice, most deliberate first: the visitor's pick in the language menu, the link's
``?lang=`` (so a reload or a shared link keeps it), the browser's languages, and last the
museum's own language (``MUSEUM_QA_DEFAULT_LANGUAGE``).

A count's words: ``assistant.i18n.ngettext(current(), singular, plural, n)``, the shape the
extraction (scripts/catalogues.sh, ``-k ngettext:2,3``) reads; a ``ngettext(singular, plural,
n)`` here would be extracted wrong.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from assistant.i18n import (
    N_,
    accept_language,
    gettext,
    language_name,
    pick,
    ui_languages,
)

CHOICE = "ui_language"  # session state: the language the visitor picked
BROWSER = "ui_language_browser"  # session state: what the browser asked for, worked out once
PICKER = "ui_language_picker"  # the menu's widget key
PARAM = "lang"  # the query parameter
LABEL = N_("Language")

__all__ = ["N_", "_", "choose", "current", "language_picker"]


def choose(
    chosen: str | None,
    param: str | None,
    locale: str | None,
    header: str | None,
    available: Sequence[str],
    default: str,
) -> str:
    """The UI language: a pick or ``?lang=`` the UI speaks, else the browser's, else ``default``.

    ``locale`` is the browser's own language ("fr-BE"); ``header`` its ``Accept-Language``,
    which also ranks the languages it would accept instead.
    """
    return pick([chosen, param], [locale or "", *accept_language(header)], default, available)


def _museum_default() -> str:
    # Imported here: ui.services translates its own messages, so it imports this module.
    from ui.services import default_language

    return default_language()


def _browser() -> str:
    """The language the browser asks for (its languages do not change within a session)."""
    found = st.session_state.get(BROWSER)
    if found is None:
        context = st.context
        found = choose(
            None,
            None,
            context.locale,
            context.headers.get("Accept-Language"),
            ui_languages(),
            _museum_default(),
        )
        st.session_state[BROWSER] = found
    return found


def current() -> str:
    """The UI language of this browser session."""
    param = st.query_params.get(PARAM)
    return choose(st.session_state.get(CHOICE), param, None, None, ui_languages(), _browser())


def _(message: str) -> str:
    """``message`` in the UI language."""
    return gettext(current(), message)


def _picked() -> None:
    language = st.session_state[PICKER]
    st.session_state[CHOICE] = language
    st.query_params[PARAM] = language


def language_picker() -> None:
    """A small menu of the UI languages, each in its own name; the pick survives reloads."""
    languages = list(ui_languages())
    language = current()
    if st.query_params.get(PARAM) == language:
        # A link that names a language is a choice: it holds on pages reached from here.
        st.session_state.setdefault(CHOICE, language)
    elif st.session_state.get(CHOICE):
        # Moving to another page drops the query string: put the pick back in the link.
        st.query_params[PARAM] = language
    with st.container(horizontal=True, horizontal_alignment="right"):
        st.selectbox(
            _(LABEL),
            languages,
            index=languages.index(language) if language in languages else 0,
            format_func=language_name,
            key=PICKER,
            on_change=_picked,
            label_visibility="collapsed",
            width=180,
        )
