"""Announcements, focus and read-aloud for the Streamlit pages (WCAG 4.1.3, 2.4.3, 1.1.1).

Streamlit has no live regions, focus control or speech; ui/static/a11y.js, installed once per
tab, provides them. The Python side only renders inert markers: hidden elements whose data
attributes say what to announce, where to move focus, what to speak. Their text is escaped
here like any other visitor-facing text; nothing a visitor typed is ever run as script.
"""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path

import streamlit as st

from assistant.answer import Answer
from assistant.i18n import gettext, ngettext, text_direction
from ui.language import _, current
from ui.present import CORRECTED_NOTICE, REFUSAL_MESSAGE, source_label

SCRIPT = Path(__file__).resolve().parent / "static" / "a11y.js"
CHAT_INPUT = '[data-testid="stChatInputTextArea"]'


@cache
def _script() -> str:
    """a11y.js, read once per process (every rerun of every page sends it)."""
    return SCRIPT.read_text(encoding="utf-8")


def install_page_helpers() -> None:
    """Load a11y.js into the page (it keeps itself to one copy per tab).

    With it goes what it must know of this page: its language (Streamlit's page always says
    "en", WCAG 3.1.1) and the name of the navigation.
    """
    label = html.escape(_("Pages"), quote=True)
    language = current()
    st.html(
        f"<script>{_script()}</script>"
        f'<span hidden data-mqa-page data-mqa-nav-label="{label}" '
        f'data-mqa-lang="{html.escape(language, quote=True)}" '
        f'data-mqa-dir="{text_direction(language)}"></span>',
        unsafe_allow_javascript=True,
    )


def answer_id(answer: Answer, key: str) -> str:
    """A marker id unique to this answer (its public id once logged)."""
    return answer.public_id or f"{key}-{id(answer):x}"


def _said(answer: Answer) -> str:
    """The answer as shown, in the visitor's language: a notice first, or the refusal."""
    language = answer.language or "en"
    if answer.outcome == "refused":
        return gettext(language, REFUSAL_MESSAGE).format(answer=answer.answer)
    text = " ".join(s.text for s in answer.sentences) or answer.answer
    if answer.outcome == "corrected":
        return f"{gettext(language, CORRECTED_NOTICE)} {text}"
    return text


def announcement(answer: Answer) -> str:
    """What a screen reader hears once when an answer is shown: the answer, and its sources."""
    count = len(answer.citations)
    if not count:
        return _said(answer)
    sources = ngettext(current(), "{count} source below.", "{count} sources below.", count)
    sources = sources.format(count=count)
    return f"{_said(answer)} {sources}"


def spoken_text(answer: Answer) -> str:
    """What "Read aloud" says: the answer as shown, then each source by number and title."""
    parts = [_said(answer)]
    if answer.citations:
        language = answer.language or "en"
        parts.append(gettext(language, "Sources") + ":")
        for c in answer.citations:
            # "[1] Title" is read out as brackets by some voices; "1, Title" is not.
            label = source_label(c, answer.citations, lambda m: gettext(language, m))
            parts.append(label.replace(f"[{c.n}] ", f"{c.n}, ", 1) + ".")
    return " ".join(parts)


def answer_tools(answer: Answer, key: str) -> None:
    """The "Read aloud" button, and the marker that announces the answer once."""
    marker = html.escape(answer_id(answer, key), quote=True)
    start, stop = _("Read aloud"), _("Stop reading")
    # What is spoken and announced travels in attributes: not page text, so it is neither
    # read twice by a screen reader nor found by a find-in-page.
    st.html(
        f'<button type="button" class="mqa-speak" '
        f'data-mqa-speak="{html.escape(spoken_text(answer), quote=True)}" '
        f'data-mqa-lang="{html.escape(answer.language or "en", quote=True)}" '
        f'data-mqa-start="{html.escape(start, quote=True)}" '
        f'data-mqa-stop="{html.escape(stop, quote=True)}" aria-pressed="false">'
        f'<span aria-hidden="true" translate="no" class="mqa-speak-icon">volume_up</span>'
        f'<span class="mqa-speak-label">{html.escape(start)}</span></button>'
        f'<div hidden data-mqa-id="{marker}" '
        f'data-mqa-announce="{html.escape(announcement(answer), quote=True)}"></div>'
    )


def move_focus(selector: str, marker: str, *, force: bool = False) -> None:
    """Move keyboard focus to ``selector`` once, when this marker first appears."""
    forced = " data-mqa-force" if force else ""
    st.html(
        f'<div hidden data-mqa-id="{html.escape(marker, quote=True)}" '
        f'data-mqa-focus="{html.escape(selector, quote=True)}"{forced}></div>'
    )


def announce(text: str, marker: str) -> None:
    """Say ``text`` once through the live region, when this marker first appears."""
    st.html(
        f'<div hidden data-mqa-id="{html.escape(marker, quote=True)}" '
        f'data-mqa-announce="{html.escape(text, quote=True)}"></div>'
    )
