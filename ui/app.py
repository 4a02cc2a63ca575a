"""The museum-qa Streamlit app (``museum-qa ui``): visitor chat, front desk, curator review.

One entry script: it sets the page up, opens the shared services once per process (the log's
migrations and retention purge run then), and hands over to the page the URL names.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui.a11y import install_page_helpers
from ui.language import _, language_picker
from ui.navigation import render_navigation, visible_links
from ui.services import services, show_model_notice
from ui.staff import SESSION
from ui.statement import APP_PATH, statement_link
from ui.theme import BASE_CSS

VIEWS = Path(__file__).resolve().parent / "views"
# The tablet desk and the log table need the width; reading pages stay narrow.
WIDE = {"desk", "review", "audit"}

visitor_pages = [
    st.Page(
        VIEWS / "visitor.py",
        title=_("Ask the museum"),
        icon=":material/chat:",
        url_path="ask",
        default=True,
    ),
]
staff_pages = [
    st.Page(
        VIEWS / "desk.py", title=_("Front desk"), icon=":material/support_agent:", url_path="desk"
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
]
# The admins' pages: linked for admins, and for someone not signed in (whom they ask to sign
# in); a curator's links leave them out (opened by their address, they say whom they are for).
signed_in = st.session_state.get(SESSION)
admin_pages = [
    st.Page(
        VIEWS / "accounts.py",
        title=_("Staff accounts"),
        icon=":material/group:",
        url_path="accounts",
    ),
    st.Page(
        VIEWS / "audit.py", title=_("Audit trail"), icon=":material/history:", url_path="audit"
    ),
]
statement_page = st.Page(
    VIEWS / "accessibility.py",
    title=_("Accessibility"),
    icon=":material/accessibility_new:",
    url_path=APP_PATH,
)
page = st.navigation(
    [*visitor_pages, *staff_pages, *admin_pages, statement_page], position="hidden"
)
# One page-config call per run, after navigation picked the page, so layouts never flicker.
st.set_page_config(
    page_title=f"{page.title} · museum-qa",
    page_icon=":material/museum:",
    layout="wide" if page.url_path in WIDE else "centered",
    initial_sidebar_state="collapsed",
)
st.markdown(BASE_CSS, unsafe_allow_html=True)
install_page_helpers()
svc = services()  # fail early, on every page, with one clear message
may_admin = signed_in is None or signed_in.allows("admin")
render_navigation(
    visible_links(
        visitor_pages,
        staff_pages + (admin_pages if may_admin else []),
        page in staff_pages + admin_pages,
        _("Staff pages"),
    ),
    statement_link(svc.settings, statement_page),
    _("Accessibility"),
)
# At the top of every page, where a visitor sees it (the sidebar starts collapsed).
language_picker()
# Filled after the page ran: the question asked in this run may just have found the model
# unable to load, or its process dead.
model_notice = st.empty()
page.run()
show_model_notice(model_notice, svc)
