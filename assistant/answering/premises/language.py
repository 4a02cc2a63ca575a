"""Whether a source sentence says a text is in another language than the visitor says it is.

"The psalter is written in Irish, isn't it?" against "a manuscript of the Psalms in Latin";
a visitor's "c'est du néerlandais" against "in Latin, not Middle Dutch". The languages'
names in every language come from the CLDR data Babel ships; an old or ancient form counts
as its language ("Old English" is English), since a visitor says "vieil anglais" where
CLDR says "ancien anglais".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from assistant.answering.reading import Reading, languages_named
from assistant.text import fold

# Words that say the question is about what a text is written in, per language (folded).
_ABOUT_WRITING = {
    "en": r"\b(written|language|text|script|inscri\w*|wrote|writing)\b",
    "fr": r"\b(ecrit\w*|langue|texte|inscri\w*|redige\w*)\b",
    "es": r"\b(escrit\w*|idioma|lengua|texto|inscri\w*)\b",
    "de": r"\b(geschrieben|sprache|text|inschrift\w*|verfasst)\b",
    "nl": r"\b(geschreven|taal|tekst|inscriptie\w*)\b",
    "it": r"\b(scritt\w*|lingua|testo|iscrizion\w*)\b",
}


@functools.cache
def _names(language: str) -> dict[str, str]:
    """Each language's name in ``language`` (folded) -> its English name's last word.

    The last word is the language whatever its age: "Old English" and "English" are one.
    """
    from babel import Locale

    english = Locale("en").languages
    try:
        local = Locale(language).languages
    except (ValueError, TypeError):
        return {}
    return {
        fold(name): english[code].split()[-1]
        for code, name in local.items()
        if code in english and "(" not in name and len(name) > 2
    }


@functools.cache
def _names_pattern(language: str) -> re.Pattern[str]:
    """Every language's name in ``language``, the longest first, as whole words."""
    names = sorted(_names(language), key=len, reverse=True)
    return re.compile(rf"(?<!\w)({'|'.join(re.escape(n) for n in names)})(?!\w)")


@functools.lru_cache(maxsize=1024)
def _said(text: str, language: str) -> frozenset[str]:
    """The languages a text names (in ``language``), as their English names' last words."""
    names = _names(language)
    if not names:
        return frozenset()
    return frozenset(names[m.group(1)] for m in _names_pattern(language).finditer(fold(text)))


@functools.cache
def _stated_pattern() -> re.Pattern[str]:
    names = sorted(_names("en"), key=len, reverse=True)
    return re.compile(rf"\b(in|into|not)\s+(?:the\s+)?({'|'.join(re.escape(n) for n in names)})\b")


@functools.lru_cache(maxsize=4096)
def _stated(sentence: str) -> Mapping[str, frozenset[str]]:
    """The languages an English sentence says a text is "in", is translated "into", is "not" in.

    Cached (a source's sentences are read for question after question): read it, never change it.
    """
    names = _names("en")
    found: dict[str, set[str]] = {"in": set(), "into": set(), "not": set()}
    for m in _stated_pattern().finditer(fold(sentence)):
        found[m.group(1)].add(names[m.group(2)])
    return {k: frozenset(v) for k, v in found.items()}


def attests(sentence: str, reading: Reading) -> bool:
    """Whether a sentence says some text of the object is in the language the visitor says.

    "Aldred added a translation into Old English" bears out a visitor who says the gloss is
    in Old English, though "the main text is in Latin, not Old English" seems to deny it.
    """
    if reading.written_in not in _ABOUT_WRITING:
        return False
    stated = _stated(sentence)
    return bool((stated["in"] | stated["into"]) & _said(reading.text, reading.written_in))


def differs_in_language(sentence: str, reading: Reading) -> bool:
    """Whether a sentence says the text is in a language other than the one the visitor says.

    Only when the visitor states it (a question asking "is it in Latin?" claims nothing), of
    what a text is written in. The sentence must deny the visitor's language ("in Latin, not
    Old English"), or name the one its text is in and not the visitor's.
    """
    pattern = _ABOUT_WRITING.get(reading.written_in)
    if not reading.asserts or pattern is None:
        return False
    # Of what a text is in: the question speaks of writing, or says "in <a language>".
    in_one = reading.written_in == "en" and bool(languages_named(reading.text))
    if not (in_one or re.search(pattern, fold(reading.context))):
        return False
    claimed = _said(reading.text, reading.written_in)
    stated = _stated(sentence)
    affirmed, denied = stated["in"], stated["not"]
    return bool(claimed) and bool(denied & claimed or (affirmed and not affirmed & claimed))
