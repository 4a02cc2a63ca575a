"""A cited object's image and credit line in the widget, in real Chromium, over `museum-qa serve`.

The server indexes the test corpus with a holder's rights, credit line and image on the Night
Watch and a ``javascript:`` image URL on the Mona Lisa (tests/held_corpus.py). The image server
is played by Playwright: requests to it are answered with a one-pixel PNG and recorded, so the
test sees what the visitor's browser asked for, and nothing leaves the machine.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, Route, expect

from tests.conftest import make_settings
from tests.held_corpus import (
    NIGHT_WATCH_CREDIT,
    NIGHT_WATCH_IMAGE,
    NIGHT_WATCH_RIGHTS,
    index_held_corpus,
)
from tests.servers import ServeProcess

pytestmark = pytest.mark.integration
expect.set_options(timeout=30_000)

PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


@pytest.fixture(scope="module")
def api_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a running `museum-qa serve` over the held corpus."""
    work = tmp_path_factory.mktemp("images-e2e")
    index_held_corpus(make_settings(work / "data"), work)
    env = {
        "MUSEUM_QA_DATA_DIR": str(work / "data"),
        "MUSEUM_QA_DB_URL": f"sqlite:///{work / 'log.sqlite3'}",
        "MUSEUM_QA_LLM": "scripted",
        "MUSEUM_QA_UI_STREAM_DELAY": "0",
    }
    server = ServeProcess(env, work / "serve.log").start(timeout=90)
    try:
        yield f"{server.url}/"
    finally:
        server.stop()


@pytest.fixture
def page(browser, api_url) -> Iterator[Page]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 460, "height": 900}, reduced_motion="reduce")
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.image_requests = []  # type: ignore[attr-defined]

    def image_server(route: Route) -> None:
        page.image_requests.append(route.request)  # type: ignore[attr-defined]
        route.fulfill(status=200, content_type="image/png", body=PIXEL)

    page.route("https://images.museum.example/**", image_server)
    yield page
    context.close()


def ask(page: Page, question: str) -> None:
    page.get_by_role("textbox", name="Your question about the collection").fill(question)
    page.get_by_role("button", name="Ask").click()


def source(page: Page, title: str):  # type: ignore[no-untyped-def]
    """The last answer's source list item whose cited title is ``title``."""
    sources = page.locator(".turn").last.get_by_role("list", name="Sources")
    expect(sources).to_be_visible()
    return sources.locator("li").filter(has=page.locator("cite", has_text=title))


def test_a_cited_object_shows_its_image_loaded_by_the_browser(page, api_url):
    page.goto(api_url + "widget")
    ask(page, "Who painted The Night Watch?")
    item = source(page, "The Night Watch")
    image = item.locator("img")
    expect(image).to_have_count(1)
    expect(image).to_have_attribute("src", NIGHT_WATCH_IMAGE)
    expect(image).to_have_attribute("alt", "The Night Watch")
    expect(image).to_have_attribute("loading", "lazy")
    expect(image).to_have_attribute("referrerpolicy", "no-referrer")
    # The browser fetched it (the widget's CSP lets it), from the image server itself and
    # without telling it which page asked.
    image.scroll_into_view_if_needed()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    expect(page.get_by_role("img", name="The Night Watch")).to_be_visible()
    [request] = [r for r in page.image_requests if r.url == NIGHT_WATCH_IMAGE]
    assert "referer" not in request.all_headers()
    # The holder's credit line and rights travel with the record.
    expect(item.locator(".held")).to_have_text(f"{NIGHT_WATCH_CREDIT} · {NIGHT_WATCH_RIGHTS}")


def test_a_javascript_image_url_is_never_rendered(page, api_url):
    page.goto(api_url + "widget")
    ask(page, "Who painted the Mona Lisa?")
    item = source(page, "Mona Lisa")  # its catalogue record and its curatorial text
    expect(item.first).to_be_visible()
    expect(item.locator("img")).to_have_count(0)
    expect(item.locator(".held")).to_have_count(0)  # no credit line or rights on this record
    assert "javascript" not in page.content()


@pytest.mark.parametrize(
    "image_url",
    [
        "javascript:alert(document.domain)",
        " JavaScript:alert(1)",
        "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=",
        "//images.museum.example/x.png",
    ],
)
def test_the_widget_itself_renders_no_image_that_is_not_http(page, api_url, image_url):
    # Should a server (an older one, a proxy) pass such a URL on, the widget still shows none.
    citation = {
        "n": 1,
        "source_id": "s",
        "title": "Forged",
        "accession_number": "X-1",
        "url": "",
        "license": "CC0",
        "passage": "A passage.",
        "page": None,
        "credit_line": "",
        "rights": "",
        "image_url": image_url,
    }
    answer = {
        "question": "q",
        "outcome": "answered",
        "answer": "A passage. [1]",
        "sentences": [{"text": "A passage.", "citations": [1]}],
        "citations": [citation],
        "refusal_reason": None,
        "language": "en",
        "timings_ms": {},
    }
    lines = [
        {"type": "start", "outcome": "answered"},
        {"type": "sentence", "index": 0, "text": "A passage.", "citation_numbers": [1]},
        {"type": "answer", "answer": answer},
    ]
    body = "".join(json.dumps(line) + "\n" for line in lines)
    page.route(
        "**/ask/stream",
        lambda route: route.fulfill(content_type="application/x-ndjson", body=body),
    )
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(api_url + "widget")
    ask(page, "Anything")
    item = source(page, "Forged")
    expect(item).to_have_count(1)
    expect(item.locator("img")).to_have_count(0)
    assert dialogs == [] and page.image_requests == []
