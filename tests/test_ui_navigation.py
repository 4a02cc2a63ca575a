"""Which page links each page shows (ui/navigation.py), as a table of cases."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from ui.navigation import visible_links


@dataclass(frozen=True)
class Page:
    """What the links use of a StreamlitPage (st.Page needs a running script to be built)."""

    title: str
    icon: str = ""


@pytest.fixture(scope="module")
def pages() -> dict[str, Page]:
    names = ["visitor", "desk", "review", "dashboard", "accounts", "audit"]
    return {n: Page(n.title()) for n in names}


@pytest.mark.parametrize(
    ("staff_shown", "on_staff_page", "expected"),
    [
        # A visitor's page: the visitor pages and one way in for staff, under its own label.
        (["desk", "review"], False, ["Visitor", "Staff pages"]),
        # A staff page: every staff page this person may open, and the way back.
        (["desk", "review", "dashboard"], True, ["Visitor", "Desk", "Review", "Dashboard"]),
        # An admin page opened by a curator (its links leave the admin pages out).
        (["desk", "review"], True, ["Visitor", "Desk", "Review"]),
        (
            ["desk", "review", "dashboard", "accounts", "audit"],
            True,
            ["Visitor", "Desk", "Review", "Dashboard", "Accounts", "Audit"],
        ),
    ],
)
def test_visible_links(pages, staff_shown, on_staff_page, expected):
    links = visible_links(
        [pages["visitor"]], [pages[n] for n in staff_shown], on_staff_page, "Staff pages"
    )
    assert [label for _, label in links] == expected
    assert links[-1][0] is pages[staff_shown[0 if not on_staff_page else -1]]
