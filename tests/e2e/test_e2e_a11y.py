"""WCAG 2.2 A/AA in a real browser: axe-core on every page and state, and what axe cannot see.

axe (tests/e2e/axe.py) checks each page as a person finds it: a visitor's empty page, an
answer, an open source, a refusal, a correction, the flag form; the front desk; the sign-in
page; each staff page signed in. The other tests check what a rule engine cannot: that an
answer is announced once, that focus goes where the next step is, that "Read aloud" speaks
the answer and its sources, and that every page links to the accessibility statement.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.axe import assert_accessible
from tests.e2e.conftest import ADMIN, CURATOR
from tests.e2e.test_e2e_app import answered, ask, sign_in, wait_idle

pytestmark = pytest.mark.integration
expect.set_options(timeout=30_000)

# Replaces the browser's speech synthesis with a recorder: headless Chromium has no voices,
# and a test must not make sound. What the page asks to be spoken is what is checked.
SPEECH_RECORDER = """
window.__spoken = [];
window.__cancelled = 0;
Object.defineProperty(window, 'speechSynthesis', {value: {
  speak(u) { window.__spoken.push({text: u.text, lang: u.lang}); this._u = u; },
  cancel() { window.__cancelled += 1; if (this._u && this._u.onend) this._u.onend(); },
}});
"""
# Records every text the live region is given, from the moment it exists.
LIVE_RECORDER = """() => {
  window.__said = [];
  new MutationObserver(() => {
    const text = document.getElementById('mqa-live').textContent;
    if (text) window.__said.push(text);
  }).observe(document.getElementById('mqa-live'), {childList: true, characterData: true,
                                                   subtree: true});
}"""


def live_ready(page: Page) -> None:
    """Until a11y.js is running, then record the live region."""
    page.wait_for_function("document.getElementById('mqa-live') !== null")
    page.evaluate(LIVE_RECORDER)


def said(page: Page) -> list[str]:
    page.wait_for_timeout(600)  # the region is filled 100 ms after it is emptied
    return list(page.evaluate("window.__said"))


def test_the_visitor_page_passes_axe_in_every_state(new_page):
    page = new_page()
    expect(page.get_by_role("heading", name="Ask the museum")).to_be_visible()
    wait_idle(page)
    assert_accessible(page, "the visitor page, empty")
    ask(page, "Who painted The Night Watch?")
    answered(page)
    assert_accessible(page, "the visitor page with an answer")
    page.get_by_text("[1] The Night Watch").click()
    expect(page.locator("mark.cited").first).to_be_visible()
    assert_accessible(page, "the visitor page with a source open")
    ask(page, "Did Vermeer paint The Night Watch?")
    expect(
        page.get_by_role("main").get_by_text("sources don't support that", exact=False)
    ).to_be_visible()
    answered(page)
    assert_accessible(page, "the visitor page with a correction")
    page.get_by_role("button", name="This looks wrong").last.click()
    expect(page.get_by_role("textbox", name="What looks wrong? (optional)")).to_be_visible()
    assert_accessible(page, "the visitor page with the flag form open")


def test_a_refusal_passes_axe(new_page):
    page = new_page()
    ask(page, "What is the capital of France?")
    expect(
        page.get_by_role("main").get_by_text("I don't have a vetted museum source", exact=False)
    ).to_be_visible()
    answered(page)
    assert_accessible(page, "the visitor page with a refusal")


def test_the_front_desk_passes_axe(new_page):
    page = new_page("desk", width=1024, height=1366)
    wait_idle(page)
    assert_accessible(page, "the front desk, empty")
    page.get_by_role("button", name="Who painted The Night Watch?").click()
    page.get_by_role("button", name="More").click()
    expect(page.get_by_text("[1] The Night Watch")).to_be_visible()
    wait_idle(page)
    assert_accessible(page, "the front desk with an answer and its sources")
    # The desk can have an answer read to a visitor who cannot read the screen.
    expect(page.get_by_role("button", name="Read aloud")).to_be_visible()


def test_the_staff_pages_pass_axe_signed_out_and_in(new_page):
    visitor = new_page()
    ask(visitor, "What is the Rosetta Stone made of?")
    answered(visitor)

    page = new_page("review")
    expect(page.get_by_role("heading", name="Staff sign-in")).to_be_visible()
    wait_idle(page)
    assert_accessible(page, "the sign-in page")
    sign_in(page, *CURATOR)
    expect(page.get_by_role("heading", name="Work list")).to_be_visible()
    expect(page.get_by_text("How this answer was decided", exact=True).first).to_be_visible()
    assert_accessible(page, "curator review with an answer open")
    page.get_by_role("link", name="Dashboard").click()
    expect(page.get_by_role("heading", name="Most-flagged sources")).to_be_visible()
    page.wait_for_timeout(1500)  # charts finish drawing after the run
    assert_accessible(page, "the dashboard with its charts")

    admin = new_page("accounts")
    sign_in(admin, *ADMIN)
    expect(admin.get_by_role("heading", name="Staff accounts")).to_be_visible()
    wait_idle(admin)
    assert_accessible(admin, "staff accounts")
    admin.get_by_role("link", name="Audit trail").click()
    expect(admin.get_by_role("heading", name="Audit trail")).to_be_visible()
    wait_idle(admin)
    assert_accessible(admin, "the audit trail")


def test_every_page_links_to_the_accessibility_statement(new_page, app_url):
    page = new_page()
    for path in ("", "desk", "review", "dashboard", "accounts", "audit"):
        page.goto(app_url + path)
        nav = page.get_by_role("navigation", name="Pages")
        expect(nav.get_by_role("link", name="Accessibility")).to_be_visible()
    page.get_by_role("link", name="Accessibility").click()
    expect(page.get_by_role("heading", name="Accessibility statement", level=1)).to_be_visible()
    expect(page.get_by_text("How to report a barrier", exact=False).first).to_be_visible()
    wait_idle(page)
    assert_accessible(page, "the accessibility statement")


def test_the_navigation_says_where_you_are_and_shows_visitors_only_their_pages(new_page):
    page = new_page()
    nav = page.get_by_role("navigation", name="Pages")
    expect(nav.get_by_role("link", name="Ask the museum")).to_have_attribute("aria-current", "page")
    expect(nav.get_by_role("link", name="Staff pages")).to_be_visible()
    expect(nav.get_by_role("link", name="Curator review")).to_have_count(0)
    nav.get_by_role("link", name="Staff pages").click()
    expect(page.get_by_role("heading", name="Front desk")).to_be_visible()
    nav = page.get_by_role("navigation", name="Pages")
    expect(nav.get_by_role("link", name="Front desk")).to_have_attribute("aria-current", "page")
    expect(nav.get_by_role("link", name="Ask the museum")).not_to_have_attribute(
        "aria-current", "page"
    )
    for name in ("Curator review", "Dashboard", "Staff accounts", "Audit trail"):
        expect(nav.get_by_role("link", name=name)).to_be_visible()


def test_the_page_language_is_the_ui_language(new_page):
    page = new_page("?lang=fr")
    expect(page.get_by_role("heading", name="Interroger le musée")).to_be_visible()
    page.wait_for_function("document.documentElement.lang === 'fr'")
    assert page.evaluate("document.documentElement.dir") == "ltr"
    # The page links' landmark is named in the page's language too.
    german = new_page("?lang=de")
    expect(german.get_by_role("navigation", name="Seiten")).to_be_visible()
    german.wait_for_function("document.documentElement.lang === 'de'")


def test_each_answer_is_announced_once_with_its_notice(new_page):
    page = new_page()
    live_ready(page)
    ask(page, "Who painted The Night Watch?")
    answered(page)
    first = said(page)
    assert len(first) == 1, first
    assert "Rembrandt" in first[0] and re.search(r" \d+ sources? below\.$", first[0])
    ask(page, "Did Vermeer paint The Night Watch?")
    answered(page)
    second = said(page)[1:]
    assert len(second) == 1 and second[0].startswith("The museum's sources don't support that.")
    ask(page, "What is the capital of France?")
    answered(page)
    third = said(page)[2:]
    assert len(third) == 1 and third[0].startswith("Sorry!")
    # Opening a source redraws the page: nothing is announced again.
    page.get_by_text("[1] The Night Watch").first.click()
    wait_idle(page)
    assert len(said(page)) == 3


def test_focus_goes_to_the_comment_box_and_back_to_the_question(new_page):
    page = new_page()
    ask(page, "Who painted The Night Watch?")
    answered(page)
    # Asking leaves the visitor in the question box, ready for the next question.
    page.wait_for_function("document.activeElement?.dataset.testid === 'stChatInputTextArea'")
    page.get_by_role("button", name="This looks wrong").focus()
    page.keyboard.press("Enter")
    comment = page.get_by_role("textbox", name="What looks wrong? (optional)")
    expect(comment).to_be_focused()
    page.keyboard.type("The date is missing")
    page.get_by_role("button", name="Send to a curator").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("main").get_by_text("A curator will check this answer")).to_be_visible()
    expect(page.get_by_role("textbox", name=re.compile("^Ask about an object"))).to_be_focused()


def test_read_aloud_speaks_the_answer_and_names_its_sources(browser, app_url):
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    context.add_init_script(SPEECH_RECORDER)
    try:
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(app_url)
        ask(page, "Did Vermeer paint The Night Watch?")
        answered(page)
        button = page.get_by_role("button", name="Read aloud")
        expect(button).to_have_attribute("aria-pressed", "false")
        button.focus()
        page.keyboard.press("Enter")
        spoken = page.evaluate("window.__spoken")
        assert len(spoken) == 1 and spoken[0]["lang"] == "en"
        text = spoken[0]["text"]
        assert text.startswith("The museum's sources don't support that.")
        assert "Rembrandt" in text
        assert "Sources: 1, The Night Watch (catalogue record). 2, The Night Watch" in text
        stop = page.get_by_role("button", name="Stop reading")
        expect(stop).to_have_attribute("aria-pressed", "true")
        page.keyboard.press("Enter")  # pressed again: it stops, and can start over
        assert page.evaluate("window.__cancelled") >= 1
        expect(page.get_by_role("button", name="Read aloud")).to_have_attribute(
            "aria-pressed", "false"
        )
    finally:
        context.close()
