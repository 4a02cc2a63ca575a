"""The assistant's and the UI's own words in the visitor's language (gettext catalogues).

Every text museum-qa writes itself (refusals, "no record", notices, buttons, page titles) is
a msgid in English, marked in the code with ``_()`` or ``N_()`` and translated in a gettext
catalogue per language, ``assistant/locales/<lang>/LC_MESSAGES/museum_qa.po``, kept with
Babel (``pybabel extract`` / ``update``; see docs/translations.md). The catalogues are read
straight from the ``.po`` files at first use, so there is no compile step to forget and no
binary file in the repository.

What the museum's texts say is never translated here: verified sentences are quotations.
"""

from __future__ import annotations

import gettext as _gettext
import io
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError, negotiate_locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DOMAIN = "museum_qa"
LOCALES = Path(__file__).resolve().parent / "locales"
SOURCE_LANGUAGE = "en"  # the language of the msgids


def N_(message: str) -> str:  # the gettext name for "mark now, translate later"
    """Mark ``message`` for the catalogues without translating it (a constant's text)."""
    return message


@cache
def ui_languages() -> tuple[str, ...]:
    """The languages the UI speaks: English and every language with a catalogue."""
    found = sorted(p.parent.parent.name for p in LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return (SOURCE_LANGUAGE, *(lang for lang in found if lang != SOURCE_LANGUAGE))


@cache
def translations(language: str) -> _gettext.NullTranslations:
    """The catalogue of ``language`` (English, or an unknown language: the msgids themselves)."""
    path = LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if language == SOURCE_LANGUAGE or not path.is_file():
        return _gettext.NullTranslations()
    with path.open("rb") as f:
        catalog = read_po(f, locale=language, domain=DOMAIN)
    buffer = io.BytesIO()
    # Fuzzy entries are guesses awaiting a translator: shown in English until confirmed.
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return _gettext.GNUTranslations(buffer)


def gettext(language: str, message: str) -> str:
    """``message`` in ``language``, or as written when the catalogue lacks it."""
    return translations(language).gettext(message)


def ngettext(language: str, singular: str, plural: str, n: int) -> str:
    """The form of ``singular``/``plural`` for ``n`` in ``language``."""
    return translations(language).ngettext(singular, plural, n)


def language_name(language: str, in_language: str | None = None) -> str:
    """A language's own name ("Français"), or its name in ``in_language``."""
    try:
        name = Locale.parse(language).get_display_name(in_language or language)
    except (ValueError, UnknownLocaleError):
        return language
    return name[:1].upper() + name[1:] if name else language


def text_direction(language: str) -> str:
    """A page's ``dir`` for ``language``: "rtl" for a language written right to left."""
    try:
        return str(Locale.parse(language).text_direction)
    except (ValueError, UnknownLocaleError):
        return "ltr"


def negotiate(
    preferred: Iterable[str],
    default: str = SOURCE_LANGUAGE,
    available: Sequence[str] | None = None,
) -> str:
    """The first of ``available`` (the UI's languages) among ``preferred``, else ``default``.

    Tags match case-insensitively and by language ("FR-be" is "fr").
    """
    wanted = [p.strip().replace("-", "_").lower() for p in preferred if p and p.strip()]
    speaks = list(ui_languages() if available is None else available)
    found = negotiate_locale(wanted, speaks, sep="_") if wanted else None
    return (found or default).split("_")[0]


def pick(
    named: Iterable[str | None],
    preferred: Iterable[str],
    default: str,
    available: Sequence[str] | None = None,
) -> str:
    """A page's language, most deliberate first; always one of ``available``.

    The first of ``named`` the UI speaks (a visitor's pick, a link's ``?lang=``), else the
    first of ``preferred`` (the browser's languages), else ``default`` when the UI speaks it,
    else English: a default without a catalogue would label English words as another
    language.
    """
    speaks = list(ui_languages() if available is None else available)
    for name in named:
        found = negotiate([name or ""], "", speaks)
        if found:
            return found
    fallback = default if default in speaks else (speaks[0] if speaks else SOURCE_LANGUAGE)
    return negotiate(preferred, fallback, speaks)


def accept_language(header: str | None) -> list[str]:
    """The language tags of an HTTP ``Accept-Language`` header, most wanted first."""
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate((header or "").split(",")):
        tag, _, params = part.strip().partition(";")
        if not tag or tag == "*":
            continue
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        if q > 0:
            ranked.append((-q, i, tag.strip()))
    return [tag for _, _, tag in sorted(ranked)]
