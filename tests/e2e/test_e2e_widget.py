"""The embeddable widget in real Chromium, served by a real `museum-qa serve` (uvicorn).

The server runs on the scripted model and the test corpus. A museum page on another origin
(another loopback port: Chromium refuses to let a public page frame a loopback address at all)
frames the widget: the allowed origin sees it, any other origin is refused by the widget's
frame-ancestors policy.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.axe import assert_accessible
from tests.servers import ServeProcess

pytestmark = pytest.mark.integration
expect.set_options(timeout=30_000)


class HostPages:
    """Two loopback sites with a page that frames whatever ``frame_src`` is set to."""

    def __init__(self) -> None:
        self.frame_src = ""
        self.servers = [self._serve(), self._serve()]
        self.museum, self.other = (f"http://127.0.0.1:{s.server_port}" for s in self.servers)

    def _serve(self) -> ThreadingHTTPServer:
        pages = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                body = (
                    "<!doctype html><title>Museum</title><h1>Visit us</h1>"
                    f'<iframe src="{pages.frame_src}" title="Ask the museum" width="420" '
                    'height="500"></iframe>'
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server

    def close(self) -> None:
        for server in self.servers:
            server.shutdown()
            server.server_close()


@pytest.fixture(scope="module")
def hosts() -> Iterator[HostPages]:
    pages = HostPages()
    yield pages
    pages.close()


@pytest.fixture(scope="module")
def api_url(
    indexed_dir: Path, tmp_path_factory: pytest.TempPathFactory, hosts: HostPages
) -> Iterator[str]:
    """Base URL of a running `museum-qa serve` that lets the museum's site frame the widget."""
    work = tmp_path_factory.mktemp("api-e2e")
    env = {
        "MUSEUM_QA_DATA_DIR": str(indexed_dir),
        "MUSEUM_QA_DB_URL": f"sqlite:///{work / 'log.sqlite3'}",
        "MUSEUM_QA_LLM": "scripted",
        "MUSEUM_QA_UI_STREAM_DELAY": "0.05",
        "MUSEUM_QA_API_ALLOWED_ORIGINS": json.dumps([hosts.museum]),
    }
    server = ServeProcess(env, work / "serve.log").start(timeout=90)
    try:
        hosts.frame_src = f"{server.url}/widget"
        yield f"{server.url}/"
    finally:
        server.stop()


@pytest.fixture
def page(browser, api_url) -> Iterator[Page]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 460, "height": 720}, reduced_motion="reduce")
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()


def ask(target, question: str) -> None:  # type: ignore[no-untyped-def]
    box = target.get_by_role("textbox", name="Your question about the collection")
    box.fill(question)
    target.get_by_role("button", name="Ask").click()


def test_a_visitor_asks_in_the_widget_and_sees_cited_sentences(page, api_url, shots):
    page.goto(api_url + "widget")
    expect(page.get_by_role("heading", name="Ask the museum")).to_be_visible()
    ask(page, "Who painted The Night Watch?")
    answer = page.locator(".turn").last
    expect(answer.locator(".sentence").first).to_contain_text("Rembrandt")
    expect(answer.get_by_role("link", name="source 1")).to_be_visible()
    sources = answer.get_by_role("list", name="Sources")
    expect(sources).to_contain_text("The Night Watch")
    expect(sources).to_contain_text("accession number SK-C-5")
    record = sources.get_by_role("link", name=re.compile("Catalogue record for The Night Watch"))
    expect(record).to_have_attribute("href", re.compile(r"^https://www\.rijksmuseum\.nl/"))
    sources.get_by_text("What the source says").first.click()
    expect(sources.locator("blockquote").first).to_contain_text("Rembrandt van Rijn")
    expect(page.get_by_role("button", name="Ask")).to_be_enabled()

    ask(page, "What is the capital of France?")
    refused = page.locator(".turn").last.locator(".notice.refused")
    expect(refused).to_contain_text("I don't have a vetted museum source for that.")

    ask(page, "Why did Vermeer paint The Night Watch?")
    corrected = page.locator(".turn").last
    expect(corrected.locator(".notice.corrected")).to_contain_text("sources don't support that")
    expect(corrected.locator(".sentence").first).to_contain_text("Rembrandt")
    expect(corrected.get_by_role("list", name="Sources")).to_be_visible()
    page.set_viewport_size({"width": 460, "height": 1100})
    page.screenshot(path=shots / "widget.png")


@pytest.mark.parametrize(
    "status,headers,body,shown",
    [
        (503, {"Retry-After": "30"}, {"error": "unavailable", "message": "Not now."}, "Not now."),
        (429, {"Retry-After": "12"}, {"error": "rate_limited", "message": "x"}, "wait 12 seconds"),
    ],
)
def test_an_error_is_announced_and_keeps_the_question(page, api_url, status, headers, body, shown):
    # The server's refusals (tested in tests/test_api.py) replayed here, as the widget gets them.
    page.route(
        "**/ask/stream",
        lambda route: route.fulfill(status=status, headers=headers, json=body),
    )
    page.goto(api_url + "widget")
    ask(page, "Who painted The Night Watch?")
    expect(page.get_by_role("alert")).to_contain_text(shown)
    box = page.get_by_role("textbox", name="Your question about the collection")
    expect(box).to_have_value("Who painted The Night Watch?")  # nothing lost
    assert_accessible(page, f"the error state ({status})")


def test_the_museums_own_site_may_frame_the_widget(page, hosts):
    page.goto(hosts.museum + "/")
    widget = page.frame_locator("iframe[title='Ask the museum']")
    expect(widget.get_by_role("heading", name="Ask the museum")).to_be_visible()
    ask(widget, "Who painted The Night Watch?")
    expect(widget.locator(".sentence").first).to_contain_text("Rembrandt")


def test_another_site_cannot_frame_the_widget(page, hosts):
    blocked = []
    page.on("console", lambda message: blocked.append(message.text))
    page.goto(hosts.other + "/")
    expect(page.get_by_role("heading", name="Visit us")).to_be_visible()
    page.wait_for_timeout(1500)
    widget = page.frame_locator("iframe[title='Ask the museum']")
    expect(widget.get_by_role("heading", name="Ask the museum")).to_have_count(0)
    assert any("frame-ancestors" in text for text in blocked), blocked


# -- accessibility (issue 16): axe in every state, one announcement per answer, focus, speech --

FRAME = "iframe[title='Ask the museum']"
QUESTION_BOX = "Your question about the collection"
REFUSAL_NOTICE = (
    "I don't have a vetted museum source for that. "
    "The museum's vetted texts don't cover this, so I won't guess."
)
CORRECTION_NOTICE = "The museum's sources don't support that. Here is what they do say:"
# Records every change of the live region (#status) as its text, in every frame.
RECORD_STATUS = """
window.__status = [];
document.addEventListener("DOMContentLoaded", () => {
  const region = document.getElementById("status");
  if (!region) return;
  new MutationObserver((records) => {
    // What it was given to say (it is emptied before each announcement).
    if (region.textContent) window.__status.push(region.textContent);
  }).observe(region, {childList: true, characterData: true, subtree: true});
});
"""
# The browser's speech synthesis, replaced by recorders: what would be said, and in what language.
RECORD_SPEECH = """
window.__spoken = []; window.__utterances = []; window.__cancels = 0;
if ("speechSynthesis" in window) {
  window.speechSynthesis.speak = (u) => {
    window.__spoken.push({text: u.text, lang: u.lang}); window.__utterances.push(u);
  };
  window.speechSynthesis.cancel = () => { window.__cancels += 1; };
}
"""


def framed(page, hosts, *init_scripts: str):  # type: ignore[no-untyped-def]
    """The museum's page framing the widget (with ``init_scripts`` run in every frame), and
    the widget's Frame (for evaluating in it)."""
    for script in init_scripts:
        page.context.add_init_script(script)
    page.goto(hosts.museum + "/")
    widget = page.frame_locator(FRAME)
    expect(widget.get_by_role("heading", name="Ask the museum")).to_be_visible()
    return widget, page.locator(FRAME).element_handle().content_frame()


def answered(target) -> None:  # type: ignore[no-untyped-def]
    """Wait until the last question's answer is final (its sources and buttons are in)."""
    expect(target.locator(".turn").last.locator(".pending")).to_have_count(0)
    expect(target.locator("#send")).to_be_enabled()


def test_every_state_of_the_widget_passes_axe(page, hosts):
    widget, _ = framed(page, hosts)
    assert_accessible(page, "the empty widget", FRAME)

    ask(widget, "Who painted The Night Watch?")
    answered(widget)
    assert_accessible(page, "an answer", FRAME)

    widget.get_by_text("What the source says").first.click()
    expect(widget.locator(".sources blockquote").first).to_be_visible()
    assert_accessible(page, "an answer with a source opened", FRAME)

    ask(widget, "What is the capital of France?")
    answered(widget)
    expect(widget.locator(".turn").last.locator(".notice.refused")).to_be_visible()
    assert_accessible(page, "a refusal", FRAME)

    ask(widget, "Did Vermeer paint The Night Watch?")
    answered(widget)
    expect(widget.locator(".turn").last.locator(".notice.corrected")).to_be_visible()
    assert_accessible(page, "a correction", FRAME)


def test_an_unreachable_server_is_announced_and_passes_axe(page, api_url):
    page.route("**/ask/stream", lambda route: route.abort("connectionrefused"))
    page.goto(api_url + "widget")
    ask(page, "Who painted The Night Watch?")
    expect(page.get_by_role("alert")).to_contain_text("could not be reached")
    expect(page.get_by_role("textbox", name=QUESTION_BOX)).to_have_value(
        "Who painted The Night Watch?"
    )
    assert_accessible(page, "the error state (server down)")


def _spoken_sources(target) -> list[str]:  # type: ignore[no-untyped-def]
    """The last answer's listed sources, as "n. Title." (how they are read aloud)."""
    items = target.locator(".turn").last.locator(".sources > li")
    return [
        f"{item.get_attribute('value')}. {item.locator('cite').inner_text()}."
        for item in items.all()
    ]


def test_each_finished_answer_is_announced_once_by_one_status_region(page, hosts):
    widget, frame = framed(page, hosts, RECORD_STATUS)
    # Nothing else is live: the conversation streams in silently, #status speaks for it.
    assert frame.evaluate("document.querySelectorAll('[aria-live]').length") == 0
    assert frame.evaluate("document.querySelectorAll('[role=status]').length") == 1
    status = widget.get_by_role("status")

    ask(widget, "Who painted The Night Watch?")
    answered(widget)
    sources = len(_spoken_sources(widget))
    expect(status).to_have_text(re.compile(r"\S"))  # filled 100 ms after it is emptied
    first = frame.evaluate("window.__status")
    assert len(first) == 1, first  # once, when the answer is final, not per sentence
    assert "Rembrandt" in first[0] and "[1]" not in first[0]
    assert first[0].endswith(" 1 source." if sources == 1 else f" {sources} sources.")
    expect(status).to_have_text(first[0])
    sentences = widget.locator(".turn").last.locator(".sentence").all_inner_texts()
    assert first[0].startswith(re.sub(r"\s*\[\d+\]", "", sentences[0]))

    ask(widget, "What is the capital of France?")
    answered(widget)
    expect(status).to_have_text(REFUSAL_NOTICE)

    ask(widget, "Did Vermeer paint The Night Watch?")
    answered(widget)
    expect(status).to_have_text(
        re.compile(rf"^{re.escape(CORRECTION_NOTICE)} .*Rembrandt.* sources?\.$")
    )
    changes = frame.evaluate("window.__status")
    assert len(changes) == 3, changes  # one announcement per answer
    assert changes[1] == REFUSAL_NOTICE and changes[2].startswith(CORRECTION_NOTICE)

    # The same question again: the same words are announced again, not swallowed.
    ask(widget, "Did Vermeer paint The Night Watch?")
    answered(widget)
    expect(status).to_have_text(changes[2])
    page.wait_for_timeout(300)
    assert frame.evaluate("window.__status")[3:] == [changes[2]]


def test_read_aloud_speaks_the_answer_and_its_sources_and_stops(page, hosts):
    widget, frame = framed(page, hosts, RECORD_SPEECH)
    ask(widget, "Who painted The Night Watch?")
    answered(widget)
    read = widget.get_by_role("button", name="Read aloud")
    expect(read).to_have_count(1)
    box = read.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44, box  # WCAG 2.5.5's target size
    # By keyboard: from the question box, back one stop to the answer's last control.
    expect(widget.get_by_role("textbox", name=QUESTION_BOX)).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(read).to_be_focused()
    page.keyboard.press("Enter")

    spoken = frame.evaluate("window.__spoken")
    assert len(spoken) == 1 and spoken[0]["lang"] == "en", spoken
    text = spoken[0]["text"]
    sentences = widget.locator(".turn").last.locator(".sentence").all_inner_texts()
    for sentence in sentences:
        assert re.sub(r"\s*\[\d+\]", "", sentence) in text
    sources = _spoken_sources(widget)
    assert text.endswith("Sources: " + " ".join(sources)), text
    assert "The Night Watch" in text and "[1]" not in text

    stop = widget.get_by_role("button", name="Stop reading")
    expect(stop).to_be_focused()
    page.keyboard.press("Space")  # pressed while speaking: stops
    expect(read).to_be_focused()
    assert frame.evaluate("window.__cancels") == 1
    assert len(frame.evaluate("window.__spoken")) == 1

    page.keyboard.press("Enter")  # read again, then the voice finishes by itself
    expect(stop).to_be_visible()
    frame.evaluate("window.__utterances.at(-1).dispatchEvent(new Event('end'))")
    expect(read).to_be_visible()
    assert len(frame.evaluate("window.__spoken")) == 2


def test_read_aloud_follows_the_answers_language(page, api_url):
    page.context.add_init_script(RECORD_SPEECH)
    page.goto(api_url + "widget?lang=fr")
    page.locator("#question").fill("Qui a peint La Ronde de nuit ?")
    page.locator("#send").click()
    answered(page)
    page.locator(".turn").last.locator("button.read").click()
    spoken = page.evaluate("window.__spoken")
    assert spoken and spoken[0]["lang"] == "fr", spoken


def test_a_source_card_gives_the_title_in_the_answers_language(page, api_url):
    page.goto(api_url + "widget?lang=fr")
    page.locator("#question").fill("Qui a peint La Ronde de nuit ?")
    page.locator("#send").click()
    answered(page)
    cite = page.locator(".turn").last.locator("ol.sources cite").first
    expect(cite).to_contain_text("La Ronde de nuit (The Night Watch")


def test_without_speech_synthesis_there_is_no_read_aloud_button(page, api_url):
    page.context.add_init_script("delete window.speechSynthesis;")
    page.goto(api_url + "widget")
    assert page.evaluate("'speechSynthesis' in window") is False
    ask(page, "Who painted The Night Watch?")
    answered(page)
    expect(page.locator(".turn").last.locator(".sources")).to_be_visible()
    expect(page.locator("button.read")).to_have_count(0)


# Where the focused element is not shown: no size, hidden, outside the frame's viewport, or
# covered at its centre by something else (WCAG 2.4.11, focus not obscured). "" when shown.
FOCUS_HIDDEN = """() => {
  const el = document.activeElement;
  const what = el.outerHTML.slice(0, 90);
  const r = el.getBoundingClientRect();
  if (!r.width || !r.height) return "no size: " + what;
  const shown = el.checkVisibility({opacityProperty: true, visibilityProperty: true});
  if (!shown) return "hidden: " + what;
  const x = r.left + r.width / 2, y = r.top + r.height / 2;
  if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return "off-screen: " + what;
  const hit = document.elementFromPoint(x, y);
  return hit && el.contains(hit) ? "" : "covered: " + what;
}"""


def _in_frame(frame) -> bool:  # type: ignore[no-untyped-def]
    return bool(frame.evaluate("document.hasFocus() && document.activeElement !== document.body"))


def test_focus_stays_in_the_question_box_and_every_stop_is_shown(page, hosts):
    widget, frame = framed(page, hosts)
    box = widget.get_by_role("textbox", name=QUESTION_BOX)
    box.click()
    page.keyboard.type("Who painted The Night Watch?")
    page.keyboard.press("Enter")
    expect(box).to_be_focused()
    answered(widget)
    expect(box).to_be_focused()  # the next question can be typed at once
    page.keyboard.type("Did Vermeer paint The Night Watch?")
    widget.get_by_role("button", name="Ask").click()  # by pointer: focus comes back as well
    answered(widget)
    expect(box).to_be_focused()
    expect(box).to_have_value("")

    # Every stop, backwards from the question box through both answers and out of the
    # frame, then forwards to its end, is visible when it has the focus.
    stops = []
    for key in ("Shift+Tab", "Tab"):
        box.focus()
        for _ in range(40):
            page.keyboard.press(key)
            if not _in_frame(frame):
                break
            stops.append(frame.evaluate("document.activeElement.outerHTML.slice(0, 60)"))
            assert frame.evaluate(FOCUS_HIDDEN) == ""
        else:
            pytest.fail(f"{key} never left the widget: {stops}")
    assert len(stops) >= 8, stops  # the answers' links, sources and buttons, Ask, the statement


def test_the_statement_link_opens_an_accessible_page_in_a_new_tab(page, hosts, api_url):
    widget, _ = framed(page, hosts)
    link = widget.get_by_role("link", name="Accessibility (opens a new tab)")
    expect(link).to_have_attribute("target", "_blank")
    expect(link).to_have_attribute("rel", re.compile(r"\bnoopener\b"))
    assert link.evaluate("a => a.href") == api_url + "accessibility"
    with page.context.expect_page() as opened:
        link.click()
    statement = opened.value
    statement.wait_for_load_state()
    assert statement.url == api_url + "accessibility"
    expect(statement.get_by_role("heading", level=1)).to_be_visible()
    expect(statement.get_by_role("main")).to_be_visible()
    assert statement.evaluate("document.documentElement.lang") == "en"
    assert statement.title()
    assert_accessible(statement, "the accessibility statement")


class Keyboard:
    """Presses keys, counting navigation and activation presses (typing is not counted)."""

    def __init__(self, page) -> None:  # type: ignore[no-untyped-def]
        self.page = page
        self.presses = 0

    def press(self, key: str) -> int:
        self.page.keyboard.press(key)
        self.presses += 1
        return 1

    def until(self, key: str, there, limit: int = 30) -> int:  # type: ignore[no-untyped-def]
        """Press ``key`` until ``there()``; how many presses that took."""
        start = self.presses
        while not there():
            assert self.presses - start < limit, f"{limit} x {key} never got there"
            self.press(key)
        return self.presses - start


def _focused(frame, selector: str):  # type: ignore[no-untyped-def]
    check = "s => document.hasFocus() && document.activeElement.matches(s)"
    return lambda: bool(frame.evaluate(check, selector))


# The key presses each step of the keyboard-only flow takes today (measured), plus a margin of
# two: more than that and the widget got harder to use by keyboard.
KEYBOARD_STEPS = {
    "reach the question box from the museum's page": 1,
    "ask (Enter)": 1,
    "reach the first source": 2,
    "open it": 1,
    "reach Read aloud": 1,
    "read aloud": 1,
    "back to the question box": 1,
}


def test_a_keyboard_only_visitor_asks_opens_a_source_and_has_it_read(page, hosts):
    widget, frame = framed(page, hosts, RECORD_SPEECH)
    keys = Keyboard(page)
    turn = ".turn:last-child "
    taken = {
        "reach the question box from the museum's page": keys.until(
            "Tab", _focused(frame, "#question")
        )
    }
    page.keyboard.type("Who painted The Night Watch?")
    taken["ask (Enter)"] = keys.press("Enter")
    answered(widget)
    first_source = turn + ".sources > li:first-child summary"
    taken["reach the first source"] = keys.until("Shift+Tab", _focused(frame, first_source))
    taken["open it"] = keys.press("Enter")
    expect(widget.locator(turn + ".sources > li:first-child details")).to_have_attribute("open", "")
    taken["reach Read aloud"] = keys.until("Tab", _focused(frame, turn + "button.read"))
    taken["read aloud"] = keys.press("Enter")
    assert "The Night Watch" in frame.evaluate("window.__spoken")[0]["text"]
    taken["back to the question box"] = keys.until("Tab", _focused(frame, "#question"))
    print(f"\nkeyboard-only flow, key presses per step: {taken} (total {keys.presses})")
    for step, measured in KEYBOARD_STEPS.items():
        assert taken[step] <= measured + 2, (step, taken)
