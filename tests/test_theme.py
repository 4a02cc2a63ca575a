"""The theme's accessibility promises that need no browser (issue 16)."""

from ui.theme import CHART_TEXT_CONFIG, THEME, contrast_ratio

STREAMLIT_CHART_GREY = "#808495"  # what Streamlit's chart theme draws axis text in


def chart_text_colors() -> dict[str, str]:
    """Every colour the charts' config gives text, by ``part.key``."""
    return {
        f"{part}.{key}": color
        for part, settings in CHART_TEXT_CONFIG.items()
        for key, color in settings.items()
    }


def test_chart_text_meets_wcag_aa_on_the_background():
    white = THEME["backgroundColor"]
    assert contrast_ratio(STREAMLIT_CHART_GREY, white) < 4.5  # why the charts set their own
    colors = chart_text_colors()
    assert {"axis.labelColor", "axis.titleColor", "legend.labelColor", "legend.titleColor"} <= set(
        colors
    )
    for where, color in colors.items():
        assert contrast_ratio(color, white) >= 4.5, where
