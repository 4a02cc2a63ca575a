"""Keyboard-only journeys, each with the number of key presses it takes (docs/accessibility.md).

A journey fails if it cannot be done from the keyboard, or if it takes more presses than its
bound: a bound is the count measured when the journey was written plus a little slack, so a
change that adds stops on the way (an extra focusable element, focus lost to the page) shows.
Counted: Tab, Shift+Tab, Enter, Space and arrow keys. Typed text is not counted.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import CURATOR
from tests.e2e.test_e2e_a11y import SPEECH_RECORDER
from tests.e2e.test_e2e_app import answered, wait_idle

pytestmark = pytest.mark.integration
expect.set_options(timeout=30_000)

# Presses measured on 2026-12-04, plus slack: see docs/accessibility.md.
BOUNDS = {
    "ask a question": 4 + 2,
    "read the answer aloud": 4 + 2,
    "open a source": 2 + 2,
    "flag an answer": 5 + 2,
    "sign in": 5 + 2,
    "review an answer": 11 + 2,
}
# The focused element's name, near enough to its accessible name: its aria-label, else its
# label's text, else its own text without the icons (Material icons are words in a font).
FOCUSED = """(() => {
  const e = document.activeElement;
  if (!e) return '';
  const text = (node) => {
    const copy = node.cloneNode(true);
    copy.querySelectorAll('[aria-hidden="true"]').forEach((x) => x.remove());
    return copy.textContent.replace(/\\s+/g, ' ').trim();
  };
  if (e.getAttribute('aria-label')) return e.getAttribute('aria-label').trim();
  if (e.labels && e.labels.length) return text(e.labels[0]);
  return (text(e) || e.getAttribute('placeholder') || e.tagName).slice(0, 80);
})()"""


class Keys:
    """The keyboard, counting presses."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.count = 0

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)
        self.count += 1

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)

    def tab_to(self, name: str | re.Pattern[str], *, back: bool = False, limit: int = 60) -> None:
        """Tab (or Shift+Tab) until the focused element's name matches ``name``."""
        passed = []
        for _ in range(limit):
            self.press("Shift+Tab" if back else "Tab")
            focused = self.page.evaluate(FOCUSED)
            if re.search(name, focused) if isinstance(name, re.Pattern) else focused == name:
                return
            passed.append(focused[:30])
        pytest.fail(f"{name!r} was not reached in {limit} presses, past: {passed}")

    def skip_to_content(self) -> None:
        """The first Tab reaches the skip link; it leads past the page links to the heading."""
        # a11y.js makes the link lead past the page links; it comes with the page's first run.
        self.page.wait_for_function("window.__museumQa === true")
        self.press("Tab")
        assert self.page.evaluate(FOCUSED) == "Skip to main content"
        self.press("Enter")
        # The heading may be drawn a moment later (a rerun): the link waits for it, so do we.
        self.page.wait_for_function("document.activeElement.tagName === 'H1'", timeout=5_000)

    def journey(self, name: str, counts: dict[str, int], start: int) -> None:
        counts[name] = self.count - start
        print(f"keyboard: {name}: {counts[name]} presses")
        assert counts[name] <= BOUNDS[name], (name, counts[name])


def test_a_visitor_asks_reads_opens_a_source_and_flags_by_keyboard(browser, app_url):
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    context.add_init_script(SPEECH_RECORDER)
    counts: dict[str, int] = {}
    try:
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(app_url)
        expect(page.get_by_role("heading", name="Ask the museum")).to_be_visible()
        wait_idle(page)
        keys = Keys(page)

        keys.skip_to_content()
        keys.tab_to(re.compile("^Ask about an object"))
        keys.type("Who painted The Night Watch?")
        keys.press("Enter")
        answered(page)
        keys.journey("ask a question", counts, 0)
        # The answer is read to a screen reader without a key: the live region says it.
        expect(page.locator("#mqa-live")).to_contain_text("Rembrandt")

        start = keys.count
        keys.tab_to("Read aloud", back=True)
        keys.press("Enter")
        assert "Rembrandt" in page.evaluate("window.__spoken[0].text")
        keys.journey("read the answer aloud", counts, start)

        start = keys.count
        keys.tab_to(re.compile(r"^\[1\] The Night Watch"))
        keys.press("Enter")
        expect(page.locator("mark.cited").first).to_be_visible()
        keys.journey("open a source", counts, start)

        start = keys.count
        keys.tab_to("This looks wrong")
        keys.press("Enter")
        expect(page.get_by_role("textbox", name="What looks wrong? (optional)")).to_be_focused()
        keys.type("The date is missing")
        keys.tab_to("Send to a curator")
        keys.press("Enter")
        expect(
            page.get_by_role("main").get_by_text("A curator will check this answer")
        ).to_be_visible()
        keys.journey("flag an answer", counts, start)
    finally:
        context.close()


def test_a_curator_signs_in_and_reviews_an_answer_by_keyboard(new_page):
    visitor = new_page()
    visitor.get_by_role("textbox", name=re.compile("^Ask about an object")).fill(
        "What is the Rosetta Stone made of?"
    )
    visitor.keyboard.press("Enter")
    answered(visitor)

    page = new_page("review")
    expect(page.get_by_role("heading", name="Staff sign-in")).to_be_visible()
    wait_idle(page)
    keys = Keys(page)
    counts: dict[str, int] = {}
    keys.skip_to_content()
    keys.tab_to("User name")
    keys.type(CURATOR[0])
    keys.press("Tab")
    keys.type(CURATOR[1])
    keys.press("Enter")
    expect(page.get_by_role("heading", name="Curator review")).to_be_visible()
    keys.journey("sign in", counts, 0)

    # The newest answer is open. The page's contents links lead to its review form, past the
    # filters and three data grids; the curator picks a verdict and saves it.
    wait_idle(page)
    # As a sighted keyboard user would, act once the answer's review form is drawn.
    expect(page.get_by_role("radiogroup", name="Verdict")).to_be_visible()
    start = keys.count
    keys.tab_to("Your review")
    keys.press("Enter")
    expect(page.get_by_role("heading", name="Your review")).to_be_focused()
    keys.tab_to(re.compile("^(Correct|Incorrect|Needs a source)$"))
    correct = page.get_by_role("radiogroup", name="Verdict").get_by_role(
        "radio", name="Correct", exact=True
    )
    for _ in range(6):
        if correct.is_checked():
            break
        keys.press("Space" if page.evaluate(FOCUSED) == "Correct" else "ArrowLeft")
    keys.tab_to("Save review")
    keys.press("Enter")
    wait_idle(page)
    expect(
        page.get_by_text(re.compile(r"^Last reviewed by curator1 on .*: Correct\.$"))
    ).to_be_visible()
    keys.journey("review an answer", counts, start)
