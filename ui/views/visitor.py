"""Visitor chat: ask in plain language; cited, verified answers appear sentence by sentence.

History lives only in this browser session: no visitor sees another visitor's questions.
"""

from __future__ import annotations

import streamlit as st

from assistant.answering.reading import WORD_LANGUAGES
from assistant.errors import MuseumQAError
from ui.components import render_answer, take_pending
from ui.language import _, current
from ui.present import md_escape
from ui.services import services

TURNS = "visitor_turns"

svc = services()
st.title(_("Ask the museum"))
st.caption(
    _("Answers come only from the museum's checked texts, with numbered sources you can open.")
)
if current() not in WORD_LANGUAGES:
    # Said before a visitor asks: the page speaks their language, the reading stages do not
    # yet (docs/translations.md), so a refusal should not come as a surprise.
    st.info(
        _(
            "For now the assistant understands questions in English best: asked in another "
            "language, it may answer that it has no source for them."
        ),
        icon=":material/translate:",
    )
turns: list = st.session_state.setdefault(TURNS, [])

for i, answer in enumerate(turns):
    with st.chat_message("user"):
        st.markdown(md_escape(answer.question))
    with st.chat_message("assistant"):
        render_answer(answer, f"v{i}", svc.log, fresh=False, delay=0)

typed = st.chat_input(
    _("Ask about an object, e.g. Who painted The Night Watch?"),
    key="visitor_question",
    max_chars=svc.settings.max_question_chars,
)
question = take_pending() or typed
if isinstance(question, str) and question.strip():
    with st.chat_message("user"):
        st.markdown(md_escape(question))
    with st.chat_message("assistant"):
        try:
            with st.spinner(_("Checking the museum's sources…")):
                answer = svc.ask(question, [t.question for t in turns])
        except MuseumQAError as exc:
            st.error(
                _(exc.visitor_message)
                if exc.visitor_message
                else _("Sorry, I can't answer right now: {error}").format(error=exc)
            )
        else:
            key = f"v{len(turns)}"
            turns.append(answer)
            render_answer(answer, key, svc.log, fresh=True, delay=svc.settings.ui_stream_delay)
elif not turns:
    st.markdown(
        _(
            "Ask about an object in the collection: who made it, when, what it is made of, "
            "or why it matters. If the museum's texts don't cover something, I'll say so."
        )
    )
