"""The museum-qa Streamlit app (``museum-qa ui``): visitor chat, front desk, curator review.

One entry script: it sets the page up, opens the shared services once per process (the log's
migrations and retention purge run then), and hands over to the page the URL names.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import streamlit as st

from ui.language import _, language_picker
from ui.services import services, show_model_notice
from ui.staff import SESSION
from ui.theme import BASE_CSS

VIEWS = Path(__file__).resolve().parent / "views"
# The tablet desk and the log table need the width; reading pages stay narrow.
WIDE = {"desk", "review", "audit"}

pages = {
    _("Visitors"): [
        st.Page(
            VIEWS / "visitor.py",
            title=_("Ask the museum"),
            icon=":material/chat:",
            url_path="ask",
            default=True,
        ),
    ],
    _("Staff"): [
        st.Page(
            VIEWS / "desk.py",
            title=_("Front desk"),
            icon=":material/support_agent:",
            url_path="desk",
        ),
        st.Page(
            VIEWS / "review.py",
            title=_("Curator review"),
            icon=":material/fact_check:",
            url_path="review",
        ),
        st.Page(
            VIEWS / "dashboard.py",
            title=_("Dashboard"),
            icon=":material/bar_chart:",
            url_path="dashboard",
        ),
    ],
}
# The admins' pages: listed for admins, and for someone not signed in (whom they ask to sign
# in); a curator's menu leaves them out (opened by their address, they say whom they are for).
signed_in = st.session_state.get(SESSION)
admin_visibility: Literal["visible", "hidden"] = (
    "visible" if signed_in is None or signed_in.allows("admin") else "hidden"
)
pages[_("Staff")] += [
    st.Page(
        VIEWS / "accounts.py",
        title=_("Staff accounts"),
        icon=":material/group:",
        url_path="accounts",
        visibility=admin_visibility,
    ),
    st.Page(
        VIEWS / "audit.py",
        title=_("Audit trail"),
        icon=":material/history:",
        url_path="audit",
        visibility=admin_visibility,
    ),
]
page = st.navigation(pages, position="top")
# One page-config call per run, after navigation picked the page, so layouts never flicker.
st.set_page_config(
    page_title=f"{page.title} · museum-qa",
    page_icon=":material/museum:",
    layout="wide" if page.url_path in WIDE else "centered",
    initial_sidebar_state="collapsed",
)
st.markdown(BASE_CSS, unsafe_allow_html=True)
svc = services()  # fail early, on every page, with one clear message
# At the top of every page, where a visitor sees it (the sidebar starts collapsed).
language_picker()
# Filled after the page ran: the question asked in this run may just have found the model
# unable to load, or its process dead.
model_notice = st.empty()
page.run()
show_model_notice(model_notice, svc)
