"""A curator's note in a real browser: written from a work item, cited in the next answer."""

import re
import shutil

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import CURATOR, app_with_curator
from tests.e2e.test_e2e_app import answered, ask, sign_in, snap, wait_idle

pytestmark = pytest.mark.integration
expect.set_options(timeout=30_000)

QUESTION = "Why was The Night Watch cut down?"
NOTE = (
    "The Night Watch was cut down on all four sides in 1715. It was moved to the town hall "
    "of Amsterdam, and the canvas was trimmed to fit between two doors there."
)


@pytest.fixture(scope="module")
def notes_app(indexed_dir, tmp_path_factory):  # type: ignore[no-untyped-def]
    """An app of its own on a copy of the test index (a note changes the index it writes to)."""
    work = tmp_path_factory.mktemp("e2e-notes")
    data = work / "data"
    shutil.copytree(indexed_dir, data)
    with app_with_curator(data, work) as url:
        yield url


def test_a_curators_note_answers_the_next_visitor_and_is_cited_as_one(browser, notes_app, shots):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    try:
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(notes_app)
        ask(page, QUESTION)
        answered(page)

        curator = context.new_page()
        curator.set_default_timeout(60_000)
        curator.goto(notes_app + "review")
        sign_in(curator, *CURATOR)
        # The answer needs a source: the verdict files a work item, and a note is written from it.
        verdict = curator.get_by_test_id("stRadio").filter(has_text="Verdict")
        verdict.locator("label").filter(has_text=re.compile(r"^Needs a source$")).click()
        curator.get_by_role("button", name="Save review").click()
        wait_idle(curator)
        curator.get_by_role("button", name="Write a note").click()
        wait_idle(curator)
        expect(curator.get_by_role("textbox", name="The question it answers")).to_have_value(
            QUESTION
        )
        curator.get_by_role("textbox", name="Accession number of the object").fill("SK-C-5")
        curator.get_by_role("textbox", name="Note (Markdown)").fill(NOTE)
        curator.get_by_role("radiogroup", name=re.compile(r"^Work item \d+")).locator(
            "label"
        ).filter(has_text="Set the item to resolved").click()
        curator.get_by_role("button", name="Save note").click()
        wait_idle(curator)
        expect(curator.get_by_text(re.compile(r"^Note \d+ saved"))).to_be_visible()
        snap(curator, shots / "review-notes.png")

        visitor = context.new_page()
        visitor.set_default_timeout(60_000)
        visitor.goto(notes_app)
        ask(visitor, QUESTION)
        answered(visitor)
        card = visitor.get_by_text(
            re.compile(rf"The Night Watch · Curator's note by {CURATOR[0]}, \d{{4}}-\d\d-\d\d")
        )
        expect(card.first).to_be_visible()
        card.first.click()
        expect(visitor.locator("mark.cited").first).to_contain_text("cut down on all four sides")
        snap(visitor, shots / "visitor-curator-note.png")
    finally:
        context.close()
