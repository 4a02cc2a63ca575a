"""Remove obvious personal data (emails, phone numbers) from text before it is stored.

Visitors sometimes type contact details into a question ("email me at ..."). The answer log
keeps questions for curators for months, so they are redacted before they are written. The
rules are deliberately narrow: accession numbers ("37.1940.183", "SK-C-5", "1993.83.27.19"),
years and date ranges ("1650-1699") must survive, because curators need them to see what was
asked.

Phone numbers are found two ways: the shapes below (which also catch fictional numbers such
as 555 ones, which no numbering plan calls valid), and Google's libphonenumber (the
``phonenumbers`` package), which knows each country's numbering plan, for the countries in
``MUSEUM_QA_PHONE_REGIONS`` and for any number written with its country code.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

import phonenumbers

from assistant.text import stem

EMAIL_TOKEN = "[email]"
PHONE_TOKEN = "[phone]"
REDACTED_TOKEN = "[redacted]"

# The fewest and most digits a phone number has (E.164 allows 15; 7 is a local number).
_MIN_DIGITS = 7
_MAX_DIGITS = 15

# "@", and its full-width and small forms (flag comments are not NFKC-normalised as questions are).
_AT_SIGN = "[@\uff20\ufe6b]"
_EMAIL = re.compile(
    rf"(?<![\w.+-])[\w.+-]+{_AT_SIGN}[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{{2,}}\b"
)

# An address written so that a program would not see it: "jane at example dot com",
# "jane(at)example(dot)com", "jane [at] example.com", "jane @ example . com". The top-level
# domain is all lower or all upper case, so "painted at Arles.He was" is not an address.
_AT = rf"(?:\s*[(\[{{<]\s*at\s*[)\]}}>]\s*|\s+at\s+|\s*{_AT_SIGN}\s*)"
_DOT = r"(?:\s*[(\[{<]\s*dot\s*[)\]}>]\s*|\s+dot\s+|\s*\.\s*)"
# Searched from every word (a lookahead), so that "me at jane dot doe at example dot com"
# is covered whole: the match from "me" alone would end at "doe".
_SPELLED_EMAIL = re.compile(
    rf"(?=((?<![\w.+-])[\w+-]+(?:{_DOT}[\w+-]+)*{_AT}[A-Za-z0-9-]+(?:{_DOT}[A-Za-z0-9-]+)*"
    rf"{_DOT}(?-i:[a-z]{{2,6}}|[A-Z]{{2,6}})\b))",
    re.IGNORECASE,
)

# Each alternative is a shape that phone numbers have and catalogue codes do not.
_PHONE = re.compile(
    r"""
    (?<![\w.+/-])
    (?:
        # international: +44 20 7946 0958, +1 (555) 123-4567, +33612345678
        \+\d{1,3}(?:[ .-]?\(?\d{1,5}\)?){2,6}
      | # North American: (555) 123-4567, 555-123-4567, 555.123.4567, 555 123 4567
        (?:\(\d{3}\)\s?|\d{3}[ .-])\d{3}[ .-]\d{4}
      | # a local number with spaces: 555 1234 (not with "-", which date ranges use: 800-1200)
        \d{3}[ ]\d{4}
      | # national with a trunk 0: 020 7946 0958, 0612 345 678, 06-12345678, 07700 900123,
        # and in pairs: 01 23 45 67 89
        0\d{1,4}[ -]\d{2,4}(?:[ -]?\d{2,4}){1,3}
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

# A number libphonenumber accepts must not be part of a code: "SK-C-5", "37.1940.183".
_CODE_BEFORE = re.compile(r"[\w.+/-]$")
_CODE_AFTER = re.compile(r"^(?:[\w/-]|\.\d)")

Span = tuple[int, int, str]  # start, end, and the token that replaces it


def visible(text: str) -> str:
    """``text`` without format characters (Unicode category Cf).

    Zero-width spaces and joiners, soft hyphens, word joiners, bidi controls and the BOM are
    invisible, so a visitor's "jane@exa<ZWSP>mple.com" reads as an address to a person and
    not to a pattern. They are dropped before matching, and so from what is stored.
    """
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def _digits(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def _phone_sized(text: str) -> bool:
    return _MIN_DIGITS <= _digits(text) <= _MAX_DIGITS


def _dialled_whole(raw: str) -> bool:
    """Whether a number has what people write before one: "+", an international or trunk 0.

    Or ten digits (a North American number has no trunk prefix). Without this, a plan with
    short numbers takes a date range for one: "(1642-1700)" is a valid German number.
    """
    return raw.lstrip("( ")[:1] in {"+", "0"} or _digits(raw) >= 10


def _library_phones(text: str, regions: Sequence[str]) -> list[Span]:
    """Numbers libphonenumber calls valid: "ZZ" finds those with a country code ("+33 ...")."""
    if _digits(text) < _MIN_DIGITS:
        return []  # nothing can be a phone number: skip the matcher
    spans = []
    for region in dict.fromkeys(("ZZ", *(r.upper() for r in regions))):
        for m in phonenumbers.PhoneNumberMatcher(text, region, phonenumbers.Leniency.VALID):
            if (
                _phone_sized(m.raw_string)
                and _dialled_whole(m.raw_string)
                and not _CODE_BEFORE.search(text[: m.start])
                and not _CODE_AFTER.match(text[m.end :])
            ):
                spans.append((m.start, m.end, PHONE_TOKEN))
    return spans


def _spans(text: str, regions: Sequence[str]) -> list[Span]:
    """Where the personal data in ``text`` is, overlapping spans merged, in order."""
    found: list[Span] = [(m.start(), m.end(), EMAIL_TOKEN) for m in _EMAIL.finditer(text)]
    # "me at jane@example.com" is "me at" and an address, not an address from "me".
    found += [
        (m.start(1), m.end(1), EMAIL_TOKEN)
        for m in _SPELLED_EMAIL.finditer(text)
        if not any(m.start(1) < end and start < m.end(1) for start, end, _ in found)
    ]
    found += [(m.start(), m.end(), PHONE_TOKEN) for m in _PHONE.finditer(text)]
    found = [s for s in found if s[2] == EMAIL_TOKEN or _phone_sized(text[s[0] : s[1]])]
    found += [
        (m.start("number"), m.end("number"), PHONE_TOKEN)
        for m in _CUED_PHONE.finditer(text)
        if _digits(m.group("number")) >= _MIN_DIGITS
    ]
    found += _library_phones(text, regions)
    merged: list[Span] = []
    for start, end, token in sorted(found):
        if merged and start < merged[-1][1]:
            last = merged[-1]
            # An address wins over a number inside it ("jane.1234567@example.com").
            kept = EMAIL_TOKEN if EMAIL_TOKEN in (token, last[2]) else PHONE_TOKEN
            merged[-1] = (last[0], max(end, last[1]), kept)
        else:
            merged.append((start, end, token))
    return merged


def find_personal_data(text: str, regions: Sequence[str] = ()) -> list[str]:
    """The email addresses and phone numbers found in ``text``, in order of appearance.

    Args:
        text: Free text typed by a visitor.
        regions: Countries (ISO 3166-1 alpha-2) whose national numbers are looked for
            (``settings.phone_regions``); numbers with a country code are found regardless.

    Returns:
        The matched substrings of ``visible(text)``, each once (possibly none).

    """
    text = visible(text)
    return list(dict.fromkeys(text[start:end] for start, end, _ in _spans(text, regions)))


def redact(text: str, regions: Sequence[str] = ()) -> str:
    """``text`` with email addresses and phone numbers replaced by ``[email]``/``[phone]``.

    Args:
        text: Free text typed by a visitor.
        regions: As for ``find_personal_data``.

    Returns:
        ``visible(text)``, unchanged where nothing personal was found.

    """
    text = visible(text)
    for start, end, token in reversed(_spans(text, regions)):
        text = text[:start] + token + text[end:]
    return text


# A word or a run of digits standing on its own: not inside a longer word, and not one side
# of a decimal ("0.18" is a score, not the "18" of a phone number).
_TOKEN = re.compile(r"(?<![^\W_])(?<!\d[.,])[^\W_]+(?![^\W_])(?![.,]\d)")
# The shortest beginning of a found word that counts as that word cut short by a stemmer.
_MIN_STEM_PREFIX = 4


def _pieces(item: str) -> set[str]:
    """The parts of a found item that text derived from it may list on their own, folded.

    Words of three or more characters ("jane", "example", "com"), and runs of two or more
    digits ("33", "23", "45" of "+33 1 23 45 67 89").
    """
    return {w.casefold() for w in re.findall(r"[^\W\d_][^\W_]{2,}|\d{2,}", item)}


def _is_piece(token: str, pieces: set[str]) -> bool:
    """Whether ``token`` is one of ``pieces``, or one of their words as a stemmer left it.

    A refusal reason lists the stems of the question's words ("exampl" for "example"), in
    English by ``assistant.text.stem`` and in other languages by their own stemmers, which
    cut words short; a word that merely contains a piece ("janes") is not one.
    """
    token = token.casefold()
    if token in pieces or token.isdigit():
        return token in pieces
    return len(token) >= 3 and any(
        token == stem(p) or (len(token) >= _MIN_STEM_PREFIX and p.startswith(token))
        for p in pieces
        if not p.isdigit()
    )


def scrub_fragments(text: str, found: Iterable[str]) -> str:
    """Remove the pieces of already-found personal data from derived text.

    A refusal reason may list a question's words ("no source covers: jane, smith, example"),
    which would leak an address that was redacted from the question itself.

    Args:
        text: Text derived from the question (a refusal reason, a premise note).
        found: What ``find_personal_data`` found in the question (and its conversation).

    Returns:
        ``text`` with each found item, and each word or number standing for one of its
        pieces (``_pieces``, ``_is_piece``), replaced by ``[redacted]``.

    """
    text = visible(text)
    pieces: set[str] = set()
    for item in found:
        text = text.replace(item, REDACTED_TOKEN)
        pieces |= _pieces(item)
    if not pieces:
        return text
    return _TOKEN.sub(
        lambda m: REDACTED_TOKEN if _is_piece(m.group(0), pieces) else m.group(0), text
    )
