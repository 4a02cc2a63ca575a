"""axe-core (from npm, tests/e2e/package.json) run inside the page: WCAG 2.0-2.2 A and AA rules.

A state passes when axe finds no serious or critical violation in it. axe skips what is not
rendered (a collapsed sidebar, a closed expander), so each state is checked as a person sees it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

AXE_JS = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
FAILING_IMPACTS = {"serious", "critical"}
# CI installs axe-core (.ci/run) and sets this, so a missing axe fails there instead of skipping.
REQUIRE_ENV = "E2E_REQUIRE_AXE"

_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                          resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + n.failureSummary),
  }));
}"""


def axe_source() -> str:
    """axe-core's script, or a skip (a failure in CI) saying how to install it."""
    if not AXE_JS.exists():
        message = "axe-core is not installed: cd tests/e2e && npm ci"
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(message)
        pytest.skip(message)
    return AXE_JS.read_text(encoding="utf-8")


def _target(page, frame_selector: str | None):  # type: ignore[no-untyped-def]
    """The page, or the document inside its iframe ``frame_selector`` (a Frame: a
    FrameLocator only finds elements, it cannot evaluate a script)."""
    if not frame_selector:
        return page
    frame = page.locator(frame_selector).element_handle().content_frame()
    assert frame is not None, f"{frame_selector} is not a loaded frame"
    return frame


def violations(page, frame_selector: str | None = None) -> list[dict]:  # type: ignore[no-untyped-def]
    """axe's WCAG A/AA violations of the page (or of the iframe ``frame_selector`` names)."""
    target = _target(page, frame_selector)
    if target.evaluate("typeof window.axe") == "undefined":
        target.evaluate(axe_source())
    return list(target.evaluate(_RUN, WCAG_TAGS))


def assert_accessible(page, state: str, frame_selector: str | None = None) -> None:  # type: ignore[no-untyped-def]
    """Fail, listing each rule and element, on a serious or critical violation in ``state``."""
    found = [v for v in violations(page, frame_selector) if v["impact"] in FAILING_IMPACTS]
    report = "\n".join(
        f"- {v['impact']} {v['id']} ({v['help']}):\n    " + "\n    ".join(v["nodes"]) for v in found
    )
    assert not found, f"axe: {len(found)} serious or critical violation(s) in {state}:\n{report}"
