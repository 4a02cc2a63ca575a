"""WCAG 2.2 AA layout checks in a real browser (issue 16): chart text contrast, target sizes,
reflow at 400% zoom and no focus off-screen. Each measures the page, then runs axe on it.
"""

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.axe import assert_accessible
from tests.e2e.conftest import ADMIN, CURATOR
from tests.e2e.test_e2e_app import answered, ask, sign_in, wait_idle
from ui.theme import THEME, contrast_ratio

pytestmark = pytest.mark.integration
expect.set_options(timeout=30_000)

WHITE = THEME["backgroundColor"]
MIN_TARGET = 24  # CSS px, WCAG 2.5.8
ZOOM_400 = {"width": 320, "height": 256}  # a 1280x1024 window at 400%

# Every SVG text in the dashboard's charts: its content, computed fill and opacity.
_CHART_TEXTS = """() => [...document.querySelectorAll("[data-testid='stVegaLiteChart'] svg text")]
  .filter(t => t.textContent.trim())
  .map(t => { const s = getComputedStyle(t);
              return {text: t.textContent, fill: s.fill,
                      opacity: Number(s.opacity) * Number(s.fillOpacity)}; })"""

# The targets a pointer can hit, measured as WCAG 2.5.8 does. A native checkbox or radio is
# visually hidden inside its label, and the label is what takes the click: it is measured.
# An element clipped to 1 px (the skip link until focused) is not a visible target.
_TARGETS = """() => {
  const selector = 'button, a[href], input, textarea, select, summary, [role=option], '
    + '[role=button], [role=tab], [role=combobox], [role=spinbutton], [tabindex="0"]';
  const targets = [];
  for (const el of document.querySelectorAll(selector)) {
    const target = (el.tagName === 'INPUT' && el.closest('label')) || el;
    const r = target.getBoundingClientRect(), s = getComputedStyle(target);
    if (r.width <= 1 || r.height <= 1 || s.visibility !== 'visible') continue;
    if (target.closest('[aria-hidden="true"]') || targets.some(t => t.el === target)) continue;
    const name = (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40);
    targets.push({el: target, r, name: `${el.tagName.toLowerCase()} "${name}"`});
  }
  return targets;
}"""

# Undersized targets (under ``min`` px either way) that fail the spacing exception: a circle
# of ``min`` px on their centre meets another target, or another undersized target's circle.
_CROWDED = (
    "(min) => { const targets = ("
    + _TARGETS
    + """)();
  const small = t => t.r.width < min || t.r.height < min;
  const centre = t => [t.r.left + t.r.width / 2, t.r.top + t.r.height / 2];
  const toRect = ([x, y], r) => Math.hypot(Math.max(r.left - x, 0, x - r.right),
                                           Math.max(r.top - y, 0, y - r.bottom));
  const apart = (a, b) => {
    if (a.el.contains(b.el) || b.el.contains(a.el)) return true;
    const [ax, ay] = centre(a), [bx, by] = centre(b);
    return small(b) ? Math.hypot(ax - bx, ay - by) >= min : toRect([ax, ay], b.r) >= min / 2;
  };
  const size = t => `${t.name} ${t.r.width.toFixed(1)}x${t.r.height.toFixed(1)}`;
  const sides = targets.map(t => Math.min(t.r.width, t.r.height));
  return {
    count: targets.length,
    smallest: size(targets[sides.indexOf(Math.min(...sides))]),
    crowded: targets.filter(small).filter(t => !targets.every(o => o === t || apart(t, o)))
      .map(size),
  };
}"""
)

# What is drawn at (x, y): inside ``el``, or else the header, the bottom bar or another tag.
_DRAWN_AT = """(el, x, y) => {
  const hit = document.elementFromPoint(x, y);
  const chrome = hit && hit.closest('[data-testid=stHeader], [data-testid=stBottom]');
  return {x, y, inside: !!hit && el.contains(hit),
          by: chrome ? chrome.getAttribute('data-testid') : (hit ? hit.tagName : 'nothing')};
}"""

# ``el`` scrolled to the middle, then what is drawn at its centre: inside ``el``, or the
# header or bottom bar (measured at once: the chat's scroller follows its growing end).
_COVER = (
    "el => { const drawnAt = "
    + _DRAWN_AT
    + """;
  el.scrollIntoView({block: 'center', behavior: 'instant'});
  const r = el.getBoundingClientRect();
  return drawnAt(el, r.left + r.width / 2, r.top + r.height / 2);
}"""
)

# One sentence of paragraph ``p``, scrolled to the middle of the page's scroller: for each of
# its lines, what is drawn at the line's centre (a Range: the answer's DOM stays untouched).
_SENTENCE_LINES = (
    "(p, text) => { const drawnAt = "
    + _DRAWN_AT
    + """;
  const node = [...p.childNodes].find(n => n.nodeType === 3 && n.data.includes(text.slice(0, 30)));
  if (!node) return [{found: false}];
  const range = document.createRange();
  const at = node.data.indexOf(text.slice(0, 30));
  range.setStart(node, at);
  range.setEnd(node, Math.min(node.data.length, at + text.length));
  const scroller = p.closest('[data-testid=stMain], [data-testid=stAppScrollToBottomContainer]');
  const box = range.getBoundingClientRect();
  scroller.scrollTop += box.top + box.height / 2 - innerHeight / 2;
  return [...range.getClientRects()].filter(r => r.width > 1)
    .map(r => ({found: true, ...drawnAt(p, r.left + r.width / 2, r.top + r.height / 2)}));
}"""
)

# Each answer sentence's text ends with its citation marks, e.g. "... Rembrandt. [1]".
_SENTENCE_END = re.compile(r"(?<=\])\s+(?=[^\[])")


def rgb_hex(css: str) -> str:
    """``rgb(r, g, b)`` as ``#rrggbb``."""
    r, g, b = (int(x) for x in re.findall(r"\d+", css)[:3])
    return f"#{r:02x}{g:02x}{b:02x}"


def dashboard_with_data(new_page) -> Page:  # type: ignore[no-untyped-def]
    visitor = new_page()
    ask(visitor, "What is the Rosetta Stone made of?")
    answered(visitor)
    page = new_page("dashboard")
    sign_in(page, *CURATOR)
    expect(page.get_by_role("heading", name="Most-cited sources")).to_be_visible()
    expect(page.locator("[data-testid='stVegaLiteChart'] svg")).to_have_count(3)
    page.wait_for_timeout(1500)  # charts finish drawing after the run
    return page


def test_chart_text_has_aa_contrast(new_page):
    page = dashboard_with_data(new_page)
    # Vega draws them as SVG here (a canvas would hide its text from this check).
    expect(page.locator("[data-testid='stVegaLiteChart'] canvas")).to_have_count(0)
    texts = page.evaluate(_CHART_TEXTS)
    assert len(texts) >= 8, texts  # axis labels and titles, legend entries and title
    low = [
        (t["text"], t["fill"], round(contrast_ratio(rgb_hex(t["fill"]), WHITE), 2))
        for t in texts
        if contrast_ratio(rgb_hex(t["fill"]), WHITE) < 4.5 or t["opacity"] < 1
    ]
    assert not low, f"chart text under 4.5:1 on white (or faded): {low}"
    assert_accessible(page, "dashboard with charts")


def assert_targets_fit(page: Page, state: str) -> None:
    """Every visible target is 24x24 px, or has no other target within 24 px; then axe."""
    wait_idle(page)
    page.wait_for_timeout(500)
    found = page.evaluate(_CROWDED, MIN_TARGET)
    print(f"{state}: {found['count']} targets, smallest {found['smallest']}")
    assert found["count"] > 5, state
    assert not found["crowded"], f"targets under 24x24 px beside others in {state}: {found}"
    assert_accessible(page, state)


def test_review_and_dashboard_targets_are_at_least_24px(new_page):
    visitor = new_page()
    ask(visitor, "Who painted The Night Watch?")
    answered(visitor)

    review = new_page("review")
    sign_in(review, *CURATOR)
    # The log opens the newest answer: its detail and review form are on the page.
    expect(review.get_by_role("button", name="Save review")).to_be_visible()
    expect(review.get_by_role("group", name="Date range start date")).to_be_visible()
    assert_targets_fit(review, "review, signed in, an answer open")

    dashboard = new_page("dashboard")
    sign_in(dashboard, *CURATOR)
    expect(dashboard.get_by_role("group", name="Date range start date")).to_be_visible()
    expect(dashboard.get_by_role("heading", name="Most-cited sources")).to_be_visible()
    assert_targets_fit(dashboard, "dashboard, signed in")


def test_admin_pages_targets_are_at_least_24px(new_page):
    accounts = new_page("accounts")
    sign_in(accounts, *ADMIN)
    expect(accounts.get_by_role("heading", name="Staff accounts")).to_be_visible()
    expect(accounts.get_by_role("button", name="Add account")).to_be_visible()
    assert_targets_fit(accounts, "accounts, signed in as admin")

    audit = new_page("audit")
    sign_in(audit, *ADMIN)
    expect(audit.get_by_role("heading", name="Audit trail")).to_be_visible()
    expect(audit.get_by_role("group", name="Date range start date")).to_be_visible()
    assert_targets_fit(audit, "audit trail, signed in as admin")


def assert_uncovered(element: Locator, what: str) -> None:
    """``element`` scrolled to the middle is drawn on top at its centre, under no chrome."""
    hit = element.evaluate(_COVER)
    assert hit["inside"], f"{what} is covered at its centre by {hit['by']}: {hit}"


def assert_sentences_uncovered(page: Page) -> int:
    """Each sentence of the newest answer, centred in the window, is not under the chrome."""
    paragraph = (
        page.get_by_test_id("stChatMessage")
        .last.locator("p")
        .filter(has_text=re.compile(r"\[\d+\]"))
        .first
    )
    sentences = _SENTENCE_END.split(paragraph.inner_text().strip())
    for sentence in sentences:
        for line in paragraph.evaluate(_SENTENCE_LINES, sentence):
            assert line["found"], f"sentence not found: {sentence!r}"
            assert line["inside"], f"sentence {sentence!r} is covered by {line['by']}: {line}"
    return len(sentences)


def check_answer_reflows(page: Page) -> None:
    ask(page, "Who painted The Night Watch?")
    answered(page)
    # A real click: at 400% zoom it used to land on the header or the chat bar.
    page.get_by_text("[1] The Night Watch").click()
    passage = page.locator(".source-passage").first
    expect(passage).to_be_visible()
    assert assert_sentences_uncovered(page) >= 1
    page.wait_for_timeout(500)  # the expander has finished opening
    assert_uncovered(passage, "the source card's passage")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_an_answer_and_its_source_reflow_at_400_percent_zoom(new_page):
    page = new_page(**ZOOM_400)
    check_answer_reflows(page)
    # The chat bar is one compact line, and no header floats over the page.
    bar = page.get_by_test_id("stBottom").bounding_box()
    assert bar and bar["height"] <= 64, bar
    expect(page.get_by_test_id("stHeader")).to_be_hidden()
    # The pages' links are in the page: they scroll with it and stay reachable.
    page.get_by_role("link", name="Staff pages").scroll_into_view_if_needed()
    assert_uncovered(page.get_by_role("link", name="Staff pages"), "the page links")
    assert_accessible(page, "answer with its source at 400% zoom")


def test_the_normal_layout_still_passes_the_reflow_checks(new_page):
    page = new_page(width=1100, height=900)
    check_answer_reflows(page)
    header = page.get_by_test_id("stHeader").bounding_box()
    assert header and header["y"] == 0 and header["width"] >= 1000  # unchanged: across the top


def tab_to_chat_input(page: Page, limit: int = 40) -> list[str]:
    """Tab from the top to the question box; fails on focus off-screen or hidden."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => { const e = document.activeElement, r = e.getBoundingClientRect();
              return {tag: e.tagName, name: (e.getAttribute('aria-label') || e.textContent
                        || '').trim().slice(0, 40),
                      x: r.left, y: r.top, right: r.right, bottom: r.bottom,
                      visible: getComputedStyle(e).visibility === 'visible'
                        && r.width > 1 && r.height > 1,
                      w: innerWidth, h: innerHeight}; }"""
        )
        stops.append(f"{focused['tag']} {focused['name']!r}")
        inside = (
            focused["x"] >= 0
            and focused["y"] >= 0
            and focused["right"] <= focused["w"]
            and focused["bottom"] <= focused["h"]
        )
        assert inside and focused["visible"], f"focus off-screen or hidden: {focused}"
        if focused["tag"] == "TEXTAREA":
            return stops
    pytest.fail(f"no question box after {limit} Tabs: {stops}")


def test_no_focus_lands_off_screen_on_a_phone(new_page):
    page = new_page(width=390, height=844)
    expect(page.get_by_role("textbox", name="Ask about an object")).to_be_visible()
    wait_idle(page)
    stops = tab_to_chat_input(page)
    print(f"{len(stops)} Tabs to the question box: {stops}")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')").startswith("Ask")
    assert_accessible(page, "visitor page on a phone")
    # No sidebar at all: the pages' links are in the page, where Tab finds them on screen.
    expect(page.get_by_test_id("stSidebar")).to_have_count(0)
    assert any("Staff pages" in stop for stop in stops), stops
