"""The accessibility statement (docs/accessibility.md) every page and the widget link to.

It ships with the checkout, not the package: a museum that deploys museum-qa publishes its
own statement (EU model form) and sets MUSEUM_QA_ACCESSIBILITY_STATEMENT_URL to it.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import TypeVar

from markdown_it import MarkdownIt
from markupsafe import Markup

from assistant.settings import Settings
from ui.templates import ui_template

STATEMENT = Path(__file__).resolve().parents[1] / "docs" / "accessibility.md"
# The app's own page for it (ui/app.py), and the API server's route (ui/api.py).
APP_PATH = "accessibility"
API_PATH = "/accessibility"
T = TypeVar("T")  # a page object, or an address
PAGE_TEMPLATE = "static/statement.html"
# The statement is written in English (the museum publishes its translations on its own page,
# MUSEUM_QA_ACCESSIBILITY_STATEMENT_URL); the page says so to screen readers.
LANGUAGE = "en"
DEFAULT_TITLE = "Accessibility statement"


def statement_markdown(settings: Settings) -> str:
    """The statement as Markdown, with where to report a barrier filled in."""
    try:
        text = STATEMENT.read_text(encoding="utf-8")
    except OSError:
        return (
            "# Accessibility statement\n\nThe statement file (docs/accessibility.md) is missing "
            "from this installation; please ask the museum's front desk."
        )
    contact = settings.accessibility_contact.strip() or "the museum's front desk"
    return text.replace("{contact}", contact)


def statement_link(settings: Settings, default: T) -> str | T:
    """Where links to the statement point: the museum's own page if set, else ``default``."""
    return settings.accessibility_statement_url.strip() or default


def _markdown() -> MarkdownIt:
    # CommonMark without raw HTML: the contact comes from a setting, and markup in it (or in
    # the file) is shown as text. markdown-it also refuses javascript: and data: links.
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def _title(markdown: MarkdownIt, text: str) -> str:
    """The statement's first top-level heading, as plain text (the page's <title>)."""
    tokens = markdown.parse(text)
    for opening, inline in pairwise(tokens):
        if opening.type == "heading_open" and opening.tag == "h1" and inline.children:
            return "".join(t.content for t in inline.children if t.type in {"text", "code_inline"})
    return DEFAULT_TITLE


def statement_page(settings: Settings) -> str:
    """The statement as a standalone HTML page (``API_PATH``), its contact filled in."""
    text = statement_markdown(settings)
    markdown = _markdown()
    return ui_template(PAGE_TEMPLATE).render(
        lang=LANGUAGE,
        dir="ltr",
        title=_title(markdown, text),
        body=Markup(markdown.render(text)),  # HTML by markdown-it, which escapes raw HTML
    )
