"""The accessibility statement (docs/accessibility.md) every page and the widget link to.

It ships with the checkout, not the package: a museum that deploys museum-qa publishes its
own statement (EU model form) and sets MUSEUM_QA_ACCESSIBILITY_STATEMENT_URL to it.
"""

from __future__ import annotations

from pathlib import Path

from assistant.settings import Settings

STATEMENT = Path(__file__).resolve().parents[1] / "docs" / "accessibility.md"
# The app's own page for it (ui/app.py), and the API server's route (ui/api.py).
APP_PATH = "accessibility"
API_PATH = "/accessibility"


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


def statement_link(settings: Settings, default: str) -> str:
    """Where links to the statement point: the museum's own page if set, else ``default``."""
    return settings.accessibility_statement_url.strip() or default
