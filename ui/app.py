"""The museum-qa Streamlit app (``museum-qa ui``): visitor chat, front desk, curator review.

One entry script: it sets the page up, opens the shared services once per process (the log's
migrations and retention purge run then), and hands over to the page the URL names.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.navigation.page import StreamlitPage

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


def _page(view: str, title: str, icon: str, *, default: bool = False) -> StreamlitPage:
    """The page ``ui/views/<view>.py`` (its URL is the view's name, the statement's its own)."""
    url_path = {"visitor": "ask", "accessibility": APP_PATH}.get(view, view)
    return st.Page(
        VIEWS / f"{view}.py",
        title=title,
        icon=f":material/{icon}:",
        url_path=url_path,
        default=default,
    )


visitor_pages = [_page("visitor", _("Ask the museum"), "chat", default=True)]
staff_pages = [
    _page("desk", _("Front desk"), "support_agent"),
    _page("review", _("Curator review"), "fact_check"),
    _page("dashboard", _("Dashboard"), "bar_chart"),
]
# The admins' pages: linked for admins, and for someone not signed in (whom they ask to sign
# in); a curator's links leave them out (opened by their address, they say whom they are for).
signed_in = st.session_state.get(SESSION)
admin_pages = [
    _page("accounts", _("Staff accounts"), "group"),
    _page("audit", _("Audit trail"), "history"),
]
statement_page = _page("accessibility", _("Accessibility"), "accessibility_new")
page = st.navigation(
    [*visitor_pages, *staff_pages, *admin_pages, statement_page], position="hidden"
)
# One page-config call per run, after navigation picked the page, so layouts never flicker.
st.set_page_config(
    page_title=f"{page.title} · museum-qa",
    page_icon=":material/museum:",
    layout="wide" if page.url_path in WIDE else "centered",
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
# At the top of every page, under its links, where a visitor sees it.
language_picker()
# Filled after the page ran: the question asked in this run may just have found the model
# unable to load, or its process dead.
model_notice = st.empty()
page.run()
show_model_notice(model_notice, svc)
