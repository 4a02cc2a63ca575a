"""Turn a model's reply into draft sentences with citation numbers, whatever its format."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from assistant.text import split_sentences

_MARKER = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")


@dataclass(frozen=True)
class Draft:
    """A sentence the model proposed, before verification."""

    text: str
    citations: list[int]


def strip_markers(text: str) -> tuple[str, list[int]]:
    """Remove ``[1]``, ``[1, 2]`` markers from text and return them in order, deduplicated."""
    found: list[int] = []
    for group in _MARKER.findall(text):
        for number in re.split(r"\s*[,;]\s*", group):
            if number.isdigit() and int(number) not in found:
                found.append(int(number))
    cleaned = _MARKER.sub("", text)
    cleaned = re.sub(r"\s+([.,;:!?])", r"\1", " ".join(cleaned.split()))
    return cleaned.strip(), found


def _from_text(text: str) -> list[Draft]:
    drafts = []
    for sentence in split_sentences(text):
        cleaned, cited = strip_markers(sentence)
        if cleaned:
            drafts.append(Draft(cleaned, cited))
    return drafts


def parse_reply(reply: str) -> list[Draft]:
    """Parse ``{"sentences": [{"text", "citations"}]}``, or plain prose with ``[n]`` markers.

    A JSON item whose text holds several sentences is split; each keeps the item's citations
    (and any markers of its own), so every sentence is verified on its own.
    """
    try:
        data = json.loads(reply)
    except (json.JSONDecodeError, TypeError):
        return _from_text(reply or "")
    items = data.get("sentences") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return []
    drafts: list[Draft] = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            continue
        given = [c for c in item.get("citations") or [] if isinstance(c, int)]
        for sentence in split_sentences(item["text"]):
            cleaned, inline = strip_markers(sentence)
            cited = list(dict.fromkeys([*given, *inline]))
            if cleaned:
                drafts.append(Draft(cleaned, cited))
    return drafts
