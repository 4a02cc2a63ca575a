"""The app in a real browser: visitors, the front desk and curators, as a person would use them."""

import csv
import io
import json
import re

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.e2e.conftest import CURATOR

pytestmark = pytest.mark.integration
expect.set_options(timeout=30_000)  # an answer can take seconds on a loaded CI machine


# Chat messages on a page before its latest question, by page: answered() waits for more.
_MESSAGES = '[data-testid="stChatMessage"]'
_before: dict[int, int] = {}


def ask(page: Page, question: str) -> None:
    box = page.get_by_role("textbox", name="Ask about an object")
    _before[id(page)] = page.locator(_MESSAGES).count()
    box.fill(question)
    box.press("Enter")


def wait_idle(page: Page) -> None:
    """Until Streamlit has finished the current run.

    Its app root says so (data-test-script-state, what Streamlit's own tests wait on); the
    status widget alone is not enough: it shows only after a run has gone on for a while,
    so on a loaded machine a run that has just started looked finished.
    """
    page.wait_for_timeout(300)
    expect(page.get_by_test_id("stApp")).to_have_attribute(
        "data-test-script-state", "notRunning", timeout=60_000
    )
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=60_000)


def answered(page: Page) -> None:
    """Until the newest answer is fully shown (its flag button comes last).

    After ask(), first until the question and its answer are on the page: an earlier
    answer's flag button would otherwise pass for the new one's.
    """
    before = _before.pop(id(page), 0)
    page.wait_for_function(
        "([sel, n]) => document.querySelectorAll(sel).length >= n",
        arg=[_MESSAGES, before + 2],  # the question and its answer
        timeout=60_000,
    )
    expect(page.get_by_role("button", name="This looks wrong").last).to_be_visible()
    wait_idle(page)


def snap(page: Page, path) -> None:  # type: ignore[no-untyped-def]
    """A screenshot of the whole page (Streamlit scrolls inside its main block, not the body)."""
    size = page.viewport_size or {"width": 1100, "height": 900}
    page.evaluate("document.activeElement?.blur()")
    height = size["height"]
    for _ in range(4):  # grow the window until the content fits (expanders still animate)
        page.wait_for_timeout(400)
        needed = page.evaluate("(document.getElementById('stMain') || document.body).scrollHeight")
        if needed <= height:
            break
        height = needed + 120
        page.set_viewport_size({"width": size["width"], "height": height})
    # The chat page sticks to the bottom as it grows; show it from the top.
    page.evaluate("(document.getElementById('stMain') || {}).scrollTop = 0")
    page.wait_for_timeout(300)
    page.screenshot(path=path)
    page.set_viewport_size(size)


def sign_in(page: Page, name: str, password: str) -> None:
    page.get_by_role("textbox", name="User name").fill(name)
    page.get_by_role("textbox", name="Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    wait_idle(page)


def test_a_visitor_asks_and_sees_a_cited_answer(new_page, shots):
    page = new_page()
    expect(page.get_by_role("heading", name="Ask the museum")).to_be_visible()
    ask(page, "Who painted The Night Watch?")
    expect(page.get_by_text("Rembrandt van Rijn", exact=False).first).to_be_visible()
    page.get_by_text("[1] The Night Watch").click()
    expect(page.get_by_text("Accession number SK-C-5")).to_be_visible()
    expect(page.locator("mark.cited").first).to_contain_text("Rembrandt")
    expect(page.get_by_role("link", name="Catalogue record")).to_have_attribute(
        "href", re.compile(r"^https://www\.rijksmuseum\.nl/")
    )
    answered(page)
    snap(page, shots / "visitor-answer.png")


def test_a_refused_question_offers_what_the_collection_can_answer(new_page, shots):
    page = new_page()
    ask(page, "What is the capital of France?")
    expect(
        page.get_by_role("main").get_by_text("I don't have a vetted museum source", exact=False)
    ).to_be_visible()
    suggestion = page.get_by_role("button", name="Who made The Night Watch?")
    expect(suggestion).to_be_visible()
    answered(page)
    snap(page, shots / "visitor-refusal.png")
    suggestion.click()
    expect(page.get_by_text("The Night Watch is by Rembrandt", exact=False).first).to_be_visible()


def test_the_visitor_page_works_on_a_phone_and_by_keyboard(new_page, shots):
    page = new_page(width=390, height=844)
    box = page.get_by_role("textbox", name="Ask about an object")
    expect(box).to_be_visible()
    for _ in range(40):  # reach the question box with Tab alone
        if page.evaluate("document.activeElement?.tagName") == "TEXTAREA":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement?.getAttribute('aria-label')").startswith("Ask")
    page.keyboard.type("Did Vermeer paint The Night Watch?")
    page.keyboard.press("Enter")
    expect(
        page.get_by_role("main").get_by_text("sources don't support that", exact=False)
    ).to_be_visible()
    answered(page)
    page.get_by_text("[1] The Night Watch").click()
    expect(page.locator("mark.cited").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    snap(page, shots / "visitor-phone.png")


def test_the_front_desk_has_big_targets_short_answers_and_a_reset(new_page, shots):
    page = new_page("desk", width=1024, height=1366)
    quick = page.get_by_role("button", name="Who painted The Night Watch?")
    expect(quick).to_be_visible()
    # Measure the page a visitor taps, once Streamlit's run is over: in a CI run beside other
    # work, the sidebar's expand arrow was once measured mid-run at 28 px, before the
    # stylesheet that sizes it to 48 px applied.
    wait_idle(page)
    for button in page.get_by_role("button").all():
        box = button.bounding_box()
        if box and button.is_visible():
            assert box["height"] >= 48, button.inner_text()
    quick.click()
    expect(page.get_by_role("button", name="More")).to_be_visible()
    page.get_by_role("button", name="More").click()
    expect(page.get_by_text("[1] The Night Watch")).to_be_visible()
    wait_idle(page)
    snap(page, shots / "desk-tablet.png")
    page.get_by_role("button", name="New visitor").click()
    expect(page.get_by_text("[1] The Night Watch")).to_have_count(0)


def test_a_wrong_password_is_rejected(new_page, shots):
    page = new_page("review")
    expect(page.get_by_role("heading", name="Staff sign-in")).to_be_visible()
    sign_in(page, CURATOR[0], "not the password")
    expect(page.get_by_text("don't match an active account")).to_be_visible()
    expect(page.get_by_role("heading", name="Curator review")).to_have_count(0)
    snap(page, shots / "review-sign-in.png")


def test_a_curator_cannot_open_the_audit_trail(new_page):
    page = new_page("audit")
    sign_in(page, *CURATOR)
    expect(page.get_by_text("This page is for the admin role")).to_be_visible()
    expect(page.get_by_role("heading", name="Audit trail")).to_have_count(0)
    expect(page.get_by_test_id("stDataFrame")).to_have_count(0)
    # A curator's page links do not offer the admins' pages at all.
    expect(page.get_by_role("link", name="Curator review")).to_have_count(1)
    expect(page.get_by_role("link", name="Audit trail")).to_have_count(0)
    expect(page.get_by_role("link", name="Staff accounts")).to_have_count(0)


def test_a_visitors_flag_reaches_the_curator_view(new_page, shots):
    visitor = new_page()
    ask(visitor, "Why is it called The Night Watch?")
    answered(visitor)
    visitor.get_by_role("button", name="This looks wrong").click()
    visitor.get_by_role("textbox", name="What looks wrong? (optional)").fill(
        "The varnish story needs a source, see http://evil.example/varnish"
    )
    visitor.get_by_role("button", name="Send to a curator").click()
    expect(
        visitor.get_by_role("main").get_by_text("A curator will check this answer")
    ).to_be_visible()

    curator = new_page("review")
    sign_in(curator, *CURATOR)
    expect(curator.get_by_role("heading", name="Curator review")).to_be_visible()
    curator.get_by_text("Flagged by a visitor").click()
    wait_idle(curator)
    expect(curator.get_by_text("The varnish story needs a source", exact=False)).to_be_visible()
    # What visitors wrote is shown as text: a bare URL in it is not a link to follow.
    detail = curator.get_by_test_id("stText")
    expect(detail.filter(has_text="Why is it called The Night Watch?").first).to_be_visible()
    expect(detail.filter(has_text="http://evil.example/varnish").first).to_be_visible()
    expect(curator.locator("a[href*='evil.example']")).to_have_count(0)
    # How it was decided: one line per stage, from the guard to the composed answer.
    expect(curator.get_by_text("How this answer was decided", exact=True)).to_be_visible()
    expect(curator.get_by_text("guard: passed", exact=True)).to_be_visible()
    expect(
        curator.get_by_text(re.compile(r"^compose: answered \(\d+ sentences?\)$"))
    ).to_be_visible()
    expect(curator.get_by_text(re.compile(r"^Refused by "))).to_have_count(0)
    snap(curator, shots / "review-detail.png")


# How long one attempt waits for the option to be drawn before opening the list again.
_OPTION_WAIT_MS = 20_000


def choose(page, box: str, option: str) -> None:
    """Pick ``option`` in the select box named ``box``.

    A click focuses the box; with the work list drawn above it, the list of options does not
    always open on that click, and the arrow key opens it (or moves within it, when open).
    """
    # A run still drawing the page (the work list, the notes) re-renders the box and detaches
    # its options from under the click: wait for it first.
    wait_idle(page)
    combobox = page.get_by_role("combobox", name=box)
    # The box's own element, which shows a chosen option as a tag.
    widget = page.get_by_test_id("stMultiSelect").filter(has=combobox)
    for _ in range(3):
        combobox.click()
        if not page.get_by_role("option").count():
            combobox.press("ArrowDown")
        try:
            page.get_by_role("option", name=option).click(timeout=_OPTION_WAIT_MS)
        except PlaywrightTimeoutError:
            # On a loaded machine the list may close under a redraw before the option is
            # drawn (seen once in CI, with two eval runs beside it): open it again.
            wait_idle(page)
            continue
        # A redraw that lands on the click loses it, as a person would see: pick it again.
        try:
            expect(widget.get_by_text(option, exact=True)).to_be_visible(timeout=10_000)
            return
        except AssertionError:
            wait_idle(page)
    pytest.fail(f"{option!r} could not be chosen in {box!r}")


def test_the_curator_filters_and_exports(new_page, shots):
    for question in ("Who painted The Night Watch?", "Who painted the Sistine Chapel?"):
        visitor = new_page()  # separate visitors: a follow-up would carry the first topic
        ask(visitor, question)
        answered(visitor)

    page = new_page("review")
    sign_in(page, *CURATOR)
    count = page.get_by_text(re.compile(r"(answers match|answer matches)"))
    before = count.inner_text()
    choose(page, "Outcome", "Refused")
    page.keyboard.press("Escape")  # close the list: the filter applies
    expect(count).not_to_have_text(before)
    wait_idle(page)
    expect(page.get_by_text("Why it was refused")).to_be_visible()
    # The stage that refused is named at the top of the trace, and its line is in the trace.
    expect(page.get_by_text("How this answer was decided", exact=True)).to_be_visible()
    expect(page.get_by_text(re.compile(r"^Refused by evidence: \S"))).to_be_visible()
    expect(page.get_by_text("guard: passed", exact=True)).to_be_visible()
    expect(page.get_by_text(re.compile(r"^evidence: refused \(.+\)$"))).to_be_visible()
    snap(page, shots / "review-table.png")

    with page.expect_download() as got:
        page.get_by_role("button", name="Export CSV").click()
    rows = list(csv.DictReader(io.StringIO(got.value.path().read_text(encoding="utf-8-sig"))))
    assert rows and {r["outcome"] for r in rows} == {"refused"}
    assert any(r["question"] == "Who painted the Sistine Chapel?" for r in rows)

    with page.expect_download() as got:
        page.get_by_role("button", name="Export JSON Lines").click()
    records = [json.loads(x) for x in got.value.path().read_text().splitlines()]
    assert len(records) == len(rows) and all(r["outcome"] == "refused" for r in records)
    assert "retrieved" in records[0]


def test_the_dashboard_shows_the_charts(new_page, shots):
    visitor = new_page()
    ask(visitor, "What is the Rosetta Stone made of?")
    expect(visitor.get_by_text("granodiorite", exact=False).first).to_be_visible()
    answered(visitor)

    page = new_page("dashboard")
    sign_in(page, *CURATOR)
    for heading in (
        "Questions per day",
        "Outcome mix",
        "Top refused questions",
        "Topics of refused and flagged questions",
        "Most-cited sources",
        "Most-flagged sources",
    ):
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
    expect(page.locator("[data-testid='stVegaLiteChart']").first).to_be_visible()
    page.wait_for_timeout(1500)  # charts finish drawing after the run
    snap(page, shots / "dashboard.png")
    # Each chart's figures are also a table (for those who cannot see the bars).
    page.get_by_text("The chart's figures as a table").first.click()
    table = page.get_by_role("table").filter(has=page.get_by_role("columnheader", name="Day"))
    expect(table).to_be_visible()
    expect(table.get_by_role("columnheader", name="Answered")).to_be_visible()
    expect(table.get_by_role("cell", name=re.compile(r"^\d{4}-\d\d-\d\d$")).first).to_be_visible()


def test_a_url_in_a_refused_question_is_not_a_link_for_curators(new_page):
    visitor = new_page()
    ask(visitor, "Who painted the Sistine Chapel? see www.evil.example/ceiling")
    answered(visitor)

    page = new_page("dashboard")
    sign_in(page, *CURATOR)
    # The heading after the table: the table of top refused questions has been drawn.
    expect(page.get_by_role("heading", name="Most-cited sources")).to_be_visible()
    page.wait_for_timeout(1500)
    expect(page.locator("a[href*='evil.example']")).to_have_count(0)


def test_a_verdict_becomes_a_work_item_the_curator_resolves(new_page, shots):
    visitor = new_page()
    ask(visitor, "What is the Rosetta Stone made of?")
    answered(visitor)

    page = new_page("review")
    sign_in(page, *CURATOR)
    expect(page.get_by_role("heading", name="Work list")).to_be_visible()
    # The log opens the newest answer, the visitor's: the curator marks it incorrect.
    verdict = page.get_by_test_id("stRadio").filter(has_text="Verdict")
    verdict.locator("label").filter(has_text=re.compile(r"^Incorrect$")).click()
    page.get_by_role("button", name="Save review").click()
    wait_idle(page)
    picked = page.get_by_role("combobox", name="Open item")
    expect(picked).to_have_value(re.compile(r"^\d+ · What is the Rosetta Stone made of\?"))
    expect(
        page.get_by_text("Status: Open · assigned to Nobody · Verdict: incorrect")
    ).to_be_visible()
    # The counts above the list (other tests' items may be there too).
    expect(page.get_by_text(re.compile(r"^Open: [1-9]\d* · In progress: "))).to_be_visible()

    status = page.get_by_role("radiogroup", name="Status")
    status.locator("label").filter(has_text=re.compile(r"^Resolved$")).click()
    page.get_by_role("button", name="Save item").click()
    wait_idle(page)
    expect(page.get_by_text("Status: Resolved · assigned to Nobody")).to_be_visible()
    expect(page.get_by_text(re.compile(r" · Resolved: [1-9]\d* · "))).to_be_visible()
    page.get_by_text("History", exact=True).click()
    expect(page.get_by_text(f"{CURATOR[0]} · status: Resolved", exact=False)).to_be_visible()
    snap(page, shots / "review-worklist.png")
