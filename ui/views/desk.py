"""Front desk (tablet): big buttons, quick questions, lookups, short answers first, fast reset."""

from __future__ import annotations

import streamlit as st

from assistant.errors import MuseumQAError
from ui.components import ask_later, render_answer, take_pending
from ui.language import N_, _
from ui.present import looks_like_accession, lookup_question, md_escape
from ui.services import services
from ui.theme import DESK_CSS

TURNS = "desk_turns"
# The lookup kinds are the radio's values (English msgids), shown translated.
BY_TITLE = N_("Object title")
BY_ACCESSION = N_("Accession number")

svc = services()
st.markdown(DESK_CSS, unsafe_allow_html=True)


def new_visitor() -> None:
    """Forget everything about the current visitor: answers, history, open panels."""
    for key in list(st.session_state.keys()):
        if str(key).startswith(
            ("desk_", "lookup_", "more_d", "flagging_d", "flag_", "suggest_d", "src_d")
        ):
            del st.session_state[key]


title, reset = st.columns([3, 1], vertical_alignment="center")
title.title(_("Front desk"))
reset.button(
    _("New visitor"),
    key="new_visitor",
    type="primary",
    icon=":material/restart_alt:",
    on_click=new_visitor,
    width="stretch",
)

ask_col, answer_col = st.columns(2, gap="large")
with ask_col:
    st.subheader(_("Quick questions"))
    quick = st.columns(2)
    for i, q in enumerate(svc.settings.desk_questions):
        quick[i % 2].button(
            q, key=f"quick_{i}", on_click=ask_later, args=(q,), width="stretch", wrap=True
        )
    with st.form("lookup", clear_on_submit=True):
        kind = st.radio(
            _("Look up by"),
            [BY_TITLE, BY_ACCESSION],
            format_func=_,
            horizontal=True,
            key="lookup_kind",
        )
        value = st.text_input(
            _("Title or accession number"),
            key="lookup_value",
            placeholder=_("e.g. The Night Watch, or SK-C-5"),
        )
        looked = st.form_submit_button(_("Look up"), width="stretch")
    with st.form("desk_ask", clear_on_submit=True):
        typed = st.text_input(_("Or type the visitor's question"), key="desk_typed")
        asked = st.form_submit_button(_("Ask"), width="stretch")

question = take_pending()
if looked and value and value.strip():
    by_code = kind == BY_ACCESSION or looks_like_accession(value)
    question = lookup_question("accession" if by_code else "title", value)
elif asked and typed and typed.strip():
    question = typed

turns: list = st.session_state.setdefault(TURNS, [])
with answer_col:
    fresh = False
    if question:
        try:
            with st.spinner(_("Checking the museum's sources…")):
                answer = svc.ask(question, [t.question for t in turns])
        except MuseumQAError as exc:
            st.error(
                _(exc.visitor_message)
                if exc.visitor_message
                else _("Sorry, no answer right now: {error}").format(error=exc)
            )
        else:
            turns.append(answer)
            fresh = True
    if not turns:
        st.subheader(_("Answer"))
        st.markdown(_("Tap a quick question, look an object up, or type the visitor's question."))
    else:
        latest = turns[-1]
        st.subheader(md_escape(latest.question))
        if latest.outcome != "refused" and latest.citations:
            # Staff who looked an object up by its number need to see which object it is,
            # whatever sentence the answer leads with.
            first = latest.citations[0]
            code = f" · {md_escape(first.accession_number)}" if first.accession_number else ""
            st.markdown(f"**{md_escape(first.title)}**{code}")
        render_answer(
            latest,
            f"d{len(turns) - 1}",
            svc.log,
            fresh=fresh,
            delay=svc.settings.ui_stream_delay,
            compact=True,
        )
        if len(turns) > 1:
            with st.expander(_("Earlier questions from this visitor"), key="desk_earlier"):
                for t in reversed(turns[:-1]):
                    st.markdown(f"- {md_escape(t.question)}")
