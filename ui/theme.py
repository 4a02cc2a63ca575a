"""The app's colours and touch-friendly CSS, chosen for WCAG AA contrast and 48px targets.

The theme reaches Streamlit as ``--theme.*`` flags from ``museum-qa ui`` (one place, no
config file that depends on the working directory); the CSS is injected by each page.
"""

from __future__ import annotations

from typing import Any

THEME: dict[str, str] = {
    "base": "light",
    "primaryColor": "#1c5d87",  # white text on it 7.1:1, and it on white (links, focus rings)
    "backgroundColor": "#ffffff",
    "secondaryBackgroundColor": "#eef2f5",
    "textColor": "#1b1f24",  # 16.6:1 on white, 14.7:1 on the secondary background
    "linkColor": "#1c5d87",
    "borderColor": "#8a96a3",  # 3:1 against white: input borders are visible (WCAG 1.4.11)
    "font": "sans-serif",
}
MUTED_TEXT = "#4b5563"  # captions: 7.6:1 on white, where Streamlit's faded default is ~4:1
HIGHLIGHT_BG = "#fff1a8"  # the cited sentence in a source card: text on it 14.5:1
OUTCOME_COLORS = {"answered": "#1c5d87", "corrected": "#9a5b00", "refused": "#b3261e"}

# Streamlit marks its widgets with data-testid attributes; the CSS targets those because
# the generated class names change between releases.
BASE_CSS = f"""
<style>
  .stButton button, .stDownloadButton button, .stFormSubmitButton button,
  .stLinkButton a {{ min-height: 48px; min-width: 48px; }}
  [data-testid="stExpander"] summary {{ min-height: 48px; }}
  [data-testid="stExpandSidebarButton"], [data-testid="stSidebarCollapseButton"] button {{
    min-height: 48px; min-width: 48px; }}
  [data-testid="stRadio"] label, [data-testid="stCheckbox"] label {{
    min-height: 44px; align-items: center; }}
  /* A select box's arrow is a button of its own (the language menu is on every page). */
  [data-testid="stSelectbox"] [role="group"] {{ min-height: 50px; align-items: center; }}
  [data-testid="stSelectbox"] [role="group"] button {{ min-height: 48px; min-width: 48px; }}
  [data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {{
    color: {MUTED_TEXT}; opacity: 1;
  }}
  :focus-visible {{ outline: 3px solid {THEME["primaryColor"]} !important;
    outline-offset: 2px; }}
  /* Streamlit fades quotes (opacity .6, ~4:1); passages are the evidence: full contrast. */
  [data-testid="stMarkdownContainer"] blockquote {{ opacity: 1 !important;
    color: {THEME["textColor"]} !important; }}
  mark.cited {{ background: {HIGHLIGHT_BG}; color: {THEME["textColor"]};
    padding: 0 .15em; border-radius: 3px; }}
  /* An object's image on its source card: never wider than the card, never a full page. */
  .source-image {{ display: block; max-width: 100%; max-height: 240px; width: auto;
    margin: .25rem 0 .5rem; border-radius: 3px; }}
  .source-passage {{ border-left: 4px solid {THEME["borderColor"]}; padding: .25rem .75rem;
    margin: .5rem 0; }}
  /* The page links (ui/navigation.py): touch-sized, and which one is this page. */
  .st-key-site_nav a[data-testid="stPageLink-NavLink"] {{ min-height: 48px; padding: 0 .6rem;
    display: flex; align-items: center; }}
  .st-key-site_nav a[aria-current="page"] {{ text-decoration: underline;
    text-underline-offset: .3em; text-decoration-thickness: 2px; }}
  /* "Read aloud" (ui/a11y.py) looks like Streamlit's secondary buttons, at 48 px. */
  button.mqa-speak {{ min-height: 48px; padding: .25rem .9rem; display: inline-flex;
    align-items: center; gap: .4rem; font: inherit; color: {THEME["textColor"]};
    background: {THEME["backgroundColor"]}; border: 1px solid {THEME["borderColor"]};
    border-radius: .5rem; cursor: pointer; }}
  button.mqa-speak:hover {{ border-color: {THEME["primaryColor"]};
    color: {THEME["primaryColor"]}; }}
  button.mqa-speak[aria-pressed="true"] {{ background: {THEME["secondaryBackgroundColor"]}; }}
  .mqa-speak-icon {{ font-family: "Material Symbols Rounded"; font-size: 1.25rem;
    line-height: 1; }}
  /* Markers for a11y.js (hidden elements only) and its script take no room in the page. */
  [data-testid="stElementContainer"]:has(> [data-testid="stHtml"] > [hidden]:only-child),
  [data-testid="stElementContainer"]:has(> [data-testid="stHtml"] script) {{ display: none; }}
  .visually-hidden {{ position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; }}
</style>
"""

DESK_CSS = """
<style>
  .stButton button, .stFormSubmitButton button { min-height: 64px; font-size: 1.15rem; }
  .stTextInput input { min-height: 52px; font-size: 1.15rem; }
  [data-testid="stMarkdownContainer"] p { font-size: 1.15rem; }
  .st-key-new_visitor button { min-height: 72px; font-size: 1.3rem; font-weight: 700; }
</style>
"""


def streamlit_flags() -> list[str]:
    """``--theme.*`` options for ``streamlit run``."""
    return [f"--theme.{key}={value}" for key, value in THEME.items()]


def _luminance(color: str) -> float:
    rgb = [int(color.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours (1 to 21).

    SEE: https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio
    """
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# --- Chart text (issue 16, WCAG 1.4.3) -------------------------------------------------------
# Streamlit's chart theme draws axis and legend text in #808495 (3.7:1 on white, under the
# 4.5:1 text needs). An explicit Altair config wins over that theme in the browser, so every
# chart sets its text colours here: labels in the caption grey, titles in the body colour.
CHART_LABEL_COLOR = MUTED_TEXT
CHART_TITLE_COLOR = THEME["textColor"]
CHART_TEXT_CONFIG: dict[str, dict[str, Any]] = {  # Any: Altair types each keyword apart
    "axis": {"labelColor": CHART_LABEL_COLOR, "titleColor": CHART_TITLE_COLOR},
    "legend": {"labelColor": CHART_LABEL_COLOR, "titleColor": CHART_TITLE_COLOR},
    "title": {"color": CHART_TITLE_COLOR, "subtitleColor": CHART_LABEL_COLOR},
    "text": {"color": CHART_TITLE_COLOR},
}

# --- Target sizes (issue 16, WCAG 2.5.8) -----------------------------------------------------
# Streamlit's own small controls measured under 24x24 px: a date field's year, month and day
# parts (18x20, side by side), its calendar button (24x16), a multiselect's arrow (32x22) and
# a password field's eye button (32x16). Each is given at least 24x24 px, centred as before.
TARGET_CSS = """
<style>
  [data-testid="stDateInputField"] [role="spinbutton"] {
    display: inline-flex; min-width: 24px; min-height: 24px;
    align-items: center; justify-content: center; }
  [data-testid="stDateInputCalendarButton"] {
    min-width: 24px; min-height: 24px; display: inline-flex;
    align-items: center; justify-content: center; }
  [data-testid="stMultiSelect"] [role="group"] button { min-width: 24px; min-height: 24px; }
  [data-testid="stTextInputRootElement"] button { min-width: 24px; min-height: 24px; }
</style>
"""

# --- Reflow at 400% zoom (issue 16, WCAG 1.4.10) ---------------------------------------------
# A 1280x1024 window at 400% is 320x256 CSS px. There Streamlit's fixed header (60 px of
# chrome: the running indicator; the pages' links are in the page, ui/navigation.py) and the
# chat bar (130 to 186 px, the input on two rows) covered most of the screen and the sources
# under them. On short screens the header goes and the chat input keeps to one compact line:
# nothing floats over the page's content.
ZOOM_CSS = """
<style>
  @media (max-height: 500px) {
    [data-testid="stHeader"] { display: none; }
    [data-testid="stMainBlockContainer"] { padding-top: 1rem; padding-bottom: 1rem; }
    [data-testid="stBottomBlockContainer"] { padding: .25rem .5rem; }
    /* The input's box and its send button on one row. Streamlit stacks them when it measured
       the placeholder wrapping (before this CSS applied, on some loads): the box then takes
       the row's free width and, empty, one line's height. */
    [data-testid="stChatInput"] > div { padding: .25rem .5rem; }
    [data-testid="stChatInput"] > div > div { flex-direction: row; flex-wrap: nowrap;
      align-items: center; }
    [data-testid="stChatInput"] > div > div > div:first-child { flex: 1 1 auto; min-width: 0;
      width: auto; }
    [data-testid="stChatInput"] > div > div > div:not(:first-child) { flex: 0 0 auto;
      width: auto; }
    [data-testid="stChatInputTextArea"] { max-height: 3rem; }
    [data-testid="stChatInputTextArea"]:placeholder-shown { height: 1.75rem !important; }
    [data-testid="stChatInputTextArea"]::placeholder { white-space: nowrap; overflow: hidden;
      text-overflow: ellipsis; }
  }
</style>
"""

# Every page injects BASE_CSS (ui/app.py); the issue 16 blocks above travel with it.
BASE_CSS += TARGET_CSS + ZOOM_CSS
