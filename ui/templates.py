"""The Jinja2 templates in ui/static (the widget, the statement page), read once each."""

from __future__ import annotations

from functools import cache
from importlib import resources

from jinja2 import Environment, StrictUndefined, Template


@cache
def ui_template(path: str) -> Template:
    """``ui/<path>`` as a template. Autoescaped: translations and settings are text, not HTML."""
    source = resources.files("ui").joinpath(path).read_text(encoding="utf-8")
    env = Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    return env.from_string(source)
