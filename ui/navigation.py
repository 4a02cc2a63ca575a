"""The app's own page navigation: links in the page, in place of Streamlit's menu.

Streamlit's menu (sidebar, or a top bar that falls back to a sidebar on narrow screens) puts
section headings inside its list, which screen readers then misreport (axe: `list` and
`listitem`, serious, on every page), and a collapsed sidebar leaves its links focusable off
screen. `st.page_link` keeps Streamlit's client-side page switch (the session, and so a
staff sign-in, survives it) and is a plain link. The row is marked as a navigation landmark by
ui/static/a11y.js, since Streamlit cannot wrap widgets in a <nav> element.
"""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from ui.language import _

NAV_KEY = "site_nav"  # the row's class is st-key-site_nav (a11y.js and theme.py use it)


def visible_links(
    visitor_pages: list[StreamlitPage],
    staff_pages: list[StreamlitPage],
    on_staff_page: bool,
    staff_entry_label: str,
) -> list[tuple[StreamlitPage, str]]:
    """The links shown on a page, with their labels.

    A visitor sees the visitor pages and one way in for staff; on a staff page, staff see
    every staff page they may open (``staff_pages``), and the way back to the visitor page.
    """
    if on_staff_page:
        return [(p, p.title) for p in (*visitor_pages, *staff_pages)]
    return [(p, p.title) for p in visitor_pages] + [(staff_pages[0], staff_entry_label)]


def render_navigation(
    links: list[tuple[StreamlitPage, str]], statement: StreamlitPage | str, statement_label: str
) -> None:
    """One wrapping row of links at the top of the page (48 px targets, theme.py).

    The last is the accessibility statement: the app's page, or the museum's own published one.
    """
    with st.container(horizontal=True, key=NAV_KEY, gap="small"):
        for page, label in links:
            st.page_link(page, label=label, icon=page.icon or None)
        st.page_link(statement, label=statement_label, icon=":material/accessibility_new:")


# The review page's parts, as heading anchors its contents links lead to (fixed ids, so a
# translated heading keeps its address).
WORK_LIST_ANCHOR = "work-list"
NOTES_ANCHOR = "curator-notes"
LOG_ANCHOR = "answer-log"
REVIEW_ANCHOR = "your-review"


def page_contents(parts: list[tuple[str, str]]) -> None:
    """In-page links to a long page's parts (their headings' anchors).

    A keyboard user follows one and the next Tab is inside that part (WCAG 2.4.1).
    """
    links = " · ".join(f"[{label}](#{anchor})" for label, anchor in parts)
    heading = _("On this page:")  # outside the f-string: message extraction cannot see in
    st.markdown(f"{heading} {links}")
