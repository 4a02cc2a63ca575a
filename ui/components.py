"""Streamlit pieces shared by the visitor and front-desk pages: an answer, its sources, a flag.

What reads as part of an answer (the notice before it, a refusal and what follows it) is in
the answer's language, the language the visitor asked in; the page around it (buttons,
headings, the source cards' labels, the flag form) is in the UI language.
"""

from __future__ import annotations

import html
import time
from collections.abc import Iterable, Iterator
from urllib.parse import urlparse

import streamlit as st

from assistant.answer import Answer, AnswerSentence, Citation
from assistant.answer_log import AnswerLog
from assistant.i18n import SOURCE_LANGUAGE, gettext
from ui.a11y import CHAT_INPUT, announce, answer_tools, move_focus
from ui.language import _
from ui.present import (
    CORRECTED_NOTICE,
    REFUSAL_MESSAGE,
    cited_by,
    highlighted_passage,
    image_tag,
    md_escape,
    note_byline,
    related_questions,
    sentence_line,
    short_and_more,
    source_label,
    stream_pieces,
)

PENDING = "pending_question"


def ask_later(question: str) -> None:
    """Button callback: ask ``question`` on the next run (a suggested or quick question)."""
    st.session_state[PENDING] = question


def take_pending() -> str | None:
    """The question a button queued, if any (consumed)."""
    return st.session_state.pop(PENDING, None)


def _asked_in(answer: Answer) -> str:
    """The language the visitor asked in: the assistant's own words are in it already."""
    return answer.language or SOURCE_LANGUAGE


def _paced(pieces: Iterable[str], delay: float) -> Iterator[str]:
    # The answer is already verified in full; pacing only makes it readable as it arrives.
    for i, piece in enumerate(pieces):
        if i and delay:
            time.sleep(delay)
        yield piece


def render_sentences(
    answer: Answer, sentences: list[AnswerSentence], *, fresh: bool, delay: float
) -> None:
    """Verified sentences with their citation numbers, streamed one by one when ``fresh``."""
    if fresh:
        part = Answer(answer.question, answer.outcome, answer.answer, sentences=sentences)
        st.write_stream(_paced(stream_pieces(part), delay))
    else:
        st.markdown(" ".join(sentence_line(s) for s in sentences))


def _lang_attribute(citation: Citation) -> str:
    """` lang="xx"` for a passage whose source states its language (WCAG 3.1.2), else ""."""
    code = citation.language.strip()
    # A language tag is letters, digits and hyphens (BCP 47); anything else is not one.
    if not code or not all(ch.isalnum() or ch == "-" for ch in code):
        return ""
    return f' lang="{html.escape(code, quote=True)}"'


def source_card(citation: Citation, sentences: list[AnswerSentence]) -> None:
    """Title, image, creator, date, accession number, highlighted passage, link and licence."""
    st.markdown(f"**{md_escape(citation.shown_title)}**")
    byline = note_byline(citation, _)
    if byline:
        st.markdown(f"*{md_escape(byline)}*")
    image = image_tag(citation)
    if image:
        # Markdown with the tag, not st.image: st.image sets neither the lazy loading nor the
        # referrer policy. The URL still goes to the browser as is; the server never fetches it.
        st.markdown(image, unsafe_allow_html=True)
    facts = [x for x in (citation.creators, citation.date) if x]
    if facts:
        st.markdown(md_escape(" · ".join(facts)))
    where = [
        _("Accession number {number}").format(number=citation.accession_number)
        if citation.accession_number
        else "",
        citation.institution,
        _("p. {page}").format(page=citation.page) if citation.page else "",  # Citation.locator
    ]
    if any(where):
        st.markdown(md_escape(" · ".join(x for x in where if x)))
    # Translated outside the f-strings: message extraction cannot see into one.
    cited = html.escape(_("Cited passage"))
    st.markdown(
        f'<blockquote class="source-passage" aria-label="{cited}"{_lang_attribute(citation)}>'
        f"{highlighted_passage(citation, sentences)}</blockquote>",
        unsafe_allow_html=True,
    )
    st.caption(_("Highlighted: the sentence this answer relies on."))
    links = []
    if urlparse(citation.url).scheme in {"http", "https"}:
        record = md_escape(_("Catalogue record"))
        links.append(f"[{record}]({citation.url})")
    if citation.license:
        links.append(_("Licence: {licence}").format(licence=md_escape(citation.license)))
    if links:
        st.markdown(" · ".join(links))
    # The holder's required attribution and the rights in the object travel with its record.
    held = [citation.credit_line, citation.rights]
    if any(held):
        st.caption(md_escape(" · ".join(x for x in held if x)))


def render_sources(answer: Answer, key: str) -> None:
    """One expandable source card per numbered citation."""
    if not answer.citations:
        return
    sources = _("Sources")
    st.markdown(f"**{sources}**")
    for c in answer.citations:
        label = md_escape(source_label(c, answer.citations, _))
        with st.expander(label, key=f"src_{key}_{c.n}"):
            source_card(c, cited_by(answer, c.n))


def render_refusal(answer: Answer, key: str) -> None:
    """A friendly refusal, with questions about the nearest objects the collection covers."""
    language = _asked_in(answer)
    st.markdown(gettext(language, REFUSAL_MESSAGE).format(answer=md_escape(answer.answer)))
    suggestions = related_questions(answer)
    if not suggestions:
        st.markdown(
            gettext(language, "You could ask about an object by its name or its accession number.")
        )
        return
    st.markdown(gettext(language, "The museum's texts can answer questions like these:"))
    for i, question in enumerate(suggestions):
        st.button(question, key=f"suggest_{key}_{i}", on_click=ask_later, args=(question,))


def _open_flag_form(key: str) -> None:
    """Button callback: show the flag form; counted, so each opening moves focus once."""
    st.session_state[f"flagging_{key}"] = True
    st.session_state[f"flag_opened_{key}"] = st.session_state.get(f"flag_opened_{key}", 0) + 1


def flag_control(answer: Answer, key: str, log: AnswerLog) -> None:
    """The "this looks wrong" control: an optional comment, stored against the log id."""
    if answer.log_id is None:
        return  # not in the log (logging off, or spooled): there is nothing to attach a flag to
    sent: set[int] = st.session_state.setdefault("flagged_ids", set())
    if answer.log_id in sent:
        thanks = _("Thank you. A curator will check this answer.")
        st.caption(thanks)
        # Said once, and the visitor is back where the next question is typed.
        announce(thanks, f"flagged-{answer.log_id}")
        move_focus(CHAT_INPUT, f"flagged-focus-{answer.log_id}", force=True)
        return
    open_key = f"flagging_{key}"
    if not st.session_state.get(open_key):
        st.button(
            _("This looks wrong"),
            key=f"flag_{key}",
            icon=":material/flag:",
            type="tertiary",
            help=_("Tell the museum's curators this answer may be wrong."),
            on_click=_open_flag_form,
            args=(key,),
        )
        return
    with st.form(f"flag_form_{key}"):
        comment = st.text_area(
            _("What looks wrong? (optional)"),
            max_chars=1000,
            key=f"flag_comment_{key}",
            help=_("Please don't include your name, email or phone number."),
        )
        send_col, cancel_col = st.columns(2)
        send = send_col.form_submit_button(_("Send to a curator"), type="primary")
        cancel = cancel_col.form_submit_button(_("Cancel"))
    # The button that opened the form is gone, and focus with it: put it in the comment box.
    opened = st.session_state.get(f"flag_opened_{key}", 0)
    move_focus(f".st-key-flag_comment_{key} textarea", f"flag-open-{key}-{opened}")
    if send:
        log.flag(answer.log_id, comment or "")
        sent.add(answer.log_id)
    if send or cancel:
        st.session_state[open_key] = False
        st.rerun()


def render_answer(
    answer: Answer, key: str, log: AnswerLog, *, fresh: bool, delay: float, compact: bool = False
) -> None:
    """One answer: notice, sentences (short first if ``compact``), sources, and a flag."""
    if answer.outcome == "refused":
        render_refusal(answer, key)
        answer_tools(answer, key)
    else:
        if answer.outcome == "corrected":
            st.info(gettext(_asked_in(answer), CORRECTED_NOTICE), icon=":material/info:")
        first, rest = short_and_more(answer) if compact else (answer.sentences, [])
        render_sentences(answer, first, fresh=fresh, delay=delay)
        answer_tools(answer, key)
        more_key = f"more_{key}"
        if rest or (compact and answer.citations):
            if not st.session_state.get(more_key):
                st.button(
                    _("More"),
                    key=f"more_btn_{key}",
                    icon=":material/expand_more:",
                    on_click=lambda: st.session_state.__setitem__(more_key, True),
                )
            else:
                if rest:
                    render_sentences(answer, rest, fresh=False, delay=0)
                render_sources(answer, key)
        else:
            render_sources(answer, key)
    flag_control(answer, key, log)
