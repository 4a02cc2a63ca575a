"""Remove obvious personal data (emails, phone numbers) from text before it is stored.

Visitors sometimes type contact details into a question ("email me at ..."). The answer log
keeps questions for curators for months, so they are redacted before they are written. The
rules are deliberately narrow: accession numbers ("37.1940.183", "SK-C-5"), years and date
ranges must survive, because curators need them to see what was asked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

EMAIL_TOKEN = "[email]"
PHONE_TOKEN = "[phone]"

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")

# Each alternative is a shape that phone numbers have and catalogue codes do not.
_PHONE = re.compile(
    r"""
    (?<![\w.+/-])
    (?:
        # international: +44 20 7946 0958, +1 (555) 123-4567, +33612345678
        \+\d{1,3}(?:[ .-]?\(?\d{1,5}\)?){2,6}
      | # North American: (555) 123-4567, 555-123-4567, 555.123.4567, 555 123 4567
        (?:\(\d{3}\)\s?|\d{3}[ .-])\d{3}[ .-]\d{4}
      | # national with a trunk 0: 020 7946 0958, 0612 345 678, 06-12345678, 07700 900123
        0\d{1,4}[ -]\d{2,4}(?:[ -]?\d{2,4}){1,2}
      | # a plain run of digits as long as a phone number: 07700900123, 5551234567
        \d{10,13}
    )
    (?![\w/-]|\.\d)
    """,
    re.VERBOSE,
)

# After these words, any run of seven or more digits is a phone number, whatever its shape.
_CUED_PHONE = re.compile(
    r"(?P<cue>\b(?:phone|tel(?:ephone)?|mobile|cell|whats ?app|call me|text me|"
    r"my number)\b[^\d+(]{0,20})(?P<number>[+(]?\d[\d ().-]{5,}\d)",
    re.IGNORECASE,
)


def _digits(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def find_personal_data(text: str) -> list[str]:
    """The email addresses and phone numbers found in ``text``, in order of appearance.

    Args:
        text: Free text typed by a visitor.

    Returns:
        The matched substrings (possibly empty).

    """
    spans: list[tuple[int, str]] = [(m.start(), m.group(0)) for m in _EMAIL.finditer(text)]
    for m in _PHONE.finditer(text):
        if 7 <= _digits(m.group(0)) <= 15:
            spans.append((m.start(), m.group(0)))
    for m in _CUED_PHONE.finditer(text):
        if _digits(m.group("number")) >= 7:
            spans.append((m.start("number"), m.group("number")))
    seen: set[str] = set()
    out = []
    for _, found in sorted(spans):
        if found not in seen:
            seen.add(found)
            out.append(found)
    return out


def redact(text: str) -> str:
    """``text`` with email addresses and phone numbers replaced by ``[email]``/``[phone]``.

    Args:
        text: Free text typed by a visitor.

    Returns:
        The text, unchanged where nothing personal was found.

    """
    text = _EMAIL.sub(EMAIL_TOKEN, text)
    text = _CUED_PHONE.sub(
        lambda m: m.group("cue") + PHONE_TOKEN if _digits(m.group("number")) >= 7 else m.group(0),
        text,
    )
    return _PHONE.sub(lambda m: PHONE_TOKEN if 7 <= _digits(m.group(0)) <= 15 else m.group(0), text)


def scrub_fragments(text: str, found: Iterable[str]) -> str:
    """Remove the pieces of already-found personal data from derived text.

    A refusal reason may list a question's words ("no source covers: jane, smith, example"),
    which would leak an address that was redacted from the question itself.

    Args:
        text: Text derived from the question (a refusal reason, a premise note).
        found: What ``find_personal_data`` found in the question.

    Returns:
        ``text`` with each found item, and each word of three or more characters in it,
        replaced by ``[redacted]``.

    """
    for item in found:
        text = text.replace(item, "[redacted]")
        for part in sorted(set(re.findall(r"[^\W_]{3,}", item)), key=len, reverse=True):
            text = re.sub(rf"(?i)(?<![^\W_]){re.escape(part)}(?![^\W_])", "[redacted]", text)
    return text
