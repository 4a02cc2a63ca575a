"""A cited object's image on the app's source cards (visitor page and front desk), in Chromium.

The app (`museum-qa ui`) runs over the test corpus with a holder's image, credit line and rights
on the Night Watch and a ``javascript:`` image URL on the Mona Lisa (tests/held_corpus.py).
Playwright plays the museum's image server, so the test sees the browser's own request.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, Route, expect

from tests.conftest import make_settings
from tests.e2e.conftest import running_app
from tests.held_corpus import (
    NIGHT_WATCH_CREDIT,
    NIGHT_WATCH_IMAGE,
    NIGHT_WATCH_RIGHTS,
    index_held_corpus,
)

pytestmark = pytest.mark.integration
expect.set_options(timeout=30_000)

PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


@pytest.fixture(scope="module")
def held_app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a running app over the held corpus."""
    work = tmp_path_factory.mktemp("app-images")
    index_held_corpus(make_settings(work / "data"), work)
    env = {
        **os.environ,
        "MUSEUM_QA_DATA_DIR": str(work / "data"),
        "MUSEUM_QA_DB_URL": f"sqlite:///{work / 'log.sqlite3'}",
        "MUSEUM_QA_LLM": "scripted",
        "MUSEUM_QA_UI_STREAM_DELAY": "0",
    }
    with running_app(env, work) as url:
        yield url


@pytest.fixture
def page(browser, held_app_url) -> Iterator[Page]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1100, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.image_requests = []  # type: ignore[attr-defined]

    def image_server(route: Route) -> None:
        page.image_requests.append(route.request)  # type: ignore[attr-defined]
        route.fulfill(status=200, content_type="image/png", body=PIXEL)

    page.route("https://images.museum.example/**", image_server)
    yield page
    context.close()


def check_image(page: Page) -> None:
    """The Night Watch's image on its open card, as the browser has it and loaded it."""
    image = page.get_by_role("img", name="The Night Watch")
    expect(image).to_have_attribute("src", NIGHT_WATCH_IMAGE)
    expect(image).to_have_attribute("loading", "lazy")
    expect(image).to_have_attribute("referrerpolicy", "no-referrer")
    image.scroll_into_view_if_needed()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    requests = [r for r in page.image_requests if r.url == NIGHT_WATCH_IMAGE]  # type: ignore[attr-defined]
    assert requests and all("referer" not in r.all_headers() for r in requests)
    # The holder's credit line and rights beside the image (the cited catalogue card may
    # state the credit line too).
    credit = f"{NIGHT_WATCH_CREDIT} · {NIGHT_WATCH_RIGHTS}"
    expect(page.get_by_text(credit, exact=False)).to_be_visible()


def test_the_visitors_source_card_shows_the_image(page, held_app_url):
    page.goto(held_app_url)
    box = page.get_by_role("textbox", name="Ask about an object")
    box.fill("Who painted The Night Watch?")
    box.press("Enter")
    page.get_by_text("[1] The Night Watch").click()
    check_image(page)


def test_the_front_desk_card_shows_the_image(page, held_app_url):
    page.goto(held_app_url + "desk")
    page.get_by_role("button", name="Who painted The Night Watch?").click()
    page.get_by_role("button", name="More").click()
    page.get_by_text("[1] The Night Watch").click()
    check_image(page)


def test_a_javascript_image_url_shows_no_image(page, held_app_url):
    page.goto(held_app_url)
    box = page.get_by_role("textbox", name="Ask about an object")
    box.fill("Who painted the Mona Lisa?")
    box.press("Enter")
    page.get_by_text("[1] Mona Lisa").click()
    expect(page.get_by_text("Accession number INV 779").first).to_be_visible()
    expect(page.locator("img.source-image")).to_have_count(0)
    assert "javascript:" not in page.content()
