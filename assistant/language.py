"""Which language a visitor asks in (lingua, restricted to the languages the museum expects).

The answer's own words (refusals, "no record", the notices around quotations) follow the
question's language, and the log and dashboard count questions per language. Short questions
are hard to tell apart ("Is it bronze?" scores higher as German than as English), so another
language than the museum's own is chosen only when it is clearly ahead; otherwise a
conversation keeps the language it was in, and a first question gets the museum's language.
Names are left out of what the detector reads. The thresholds are settings, measured in
bench/language_id_bench.py (bench/results/language_id.md).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from assistant.errors import SettingsError
from assistant.settings import Settings
from assistant.text import everyday_frequency


@dataclass(frozen=True)
class LanguageGuess:
    """The language chosen for a question, how sure the detector was, and why."""

    language: str  # ISO 639-1, lower case
    confidence: float  # the detector's confidence in ``language`` (0 when not detected)
    decided_by: str  # "detected", "conversation", "default" or "visitor" (said explicitly)


@cache
def _detector(languages: tuple[str, ...]):  # lingua is imported lazily: its type too
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    try:
        wanted = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in languages]
    except AttributeError as exc:
        raise SettingsError(
            f"MUSEUM_QA_LANGUAGES names a language the detector does not know: {exc}; "
            "use ISO 639-1 codes such as en, fr, nl, de"
        ) from exc
    if len(wanted) < 2:
        return None  # one language: nothing to tell apart
    return LanguageDetectorBuilder.from_languages(*wanted).build()


_WORD = re.compile(r"\w+")
_SENTENCE_END = (".", "?", "!", ":", ";")


@dataclass(frozen=True)
class NameShares:
    """How rare a sentence's first word must be in every language to be read as a name.

    ``first``: on its own ("Rembrandt a peint ..."); ``run``: when a capitalised word
    follows it and it opens a run of names ("Gouverneur Morris", "Santa Croce"). A run is
    the stronger sign, so the settings keep ``run`` at or above ``first``.
    """

    first: float = Settings.model_fields["language_name_share"].default
    run: float = Settings.model_fields["language_name_run_share"].default

    @classmethod
    def of(cls, settings: Settings) -> NameShares:
        """The shares the settings give."""
        return cls(settings.language_name_share, settings.language_name_run_share)


def without_names(
    text: str,
    languages: Sequence[str] = (),
    shares: NameShares = NameShares(),
) -> str:
    """``text`` without the capitalised words inside its sentences (names, titles).

    Names are no evidence of the visitor's language (an English question naming a Spanish
    painter and his Spanish title reads as Spanish) and German nouns lost this way leave its
    function words, which suffice. A sentence's first word goes too when no one of
    ``languages`` uses it every day (under ``shares.first`` of its words): "Rembrandt a peint
    ..." is French, whatever language the painter's name looks like. When a capitalised word
    follows it, it opens a run of names ("Gouverneur Morris", "Santa Croce"), and only a word
    as common as a question's own ("Welche Farbe", "Le Louvre") stays: under ``shares.run``
    it is a name, though a language also uses it as a word.
    A text that would keep fewer than two words is read whole.
    """
    tokens = text.split()
    kept = [
        t
        for i, t in enumerate(tokens)
        if not t[:1].isupper()
        or (
            (i == 0 or tokens[i - 1].endswith(_SENTENCE_END))
            and not _a_name(t, languages, shares.run if _runs_on(tokens, i) else shares.first)
        )
    ]
    rest = " ".join(kept)
    return rest if len(_WORD.findall(rest)) >= 2 else text


def _runs_on(tokens: Sequence[str], i: int) -> bool:
    """Whether the word at ``i`` is followed, in the same sentence, by a capitalised word."""
    return (
        i + 1 < len(tokens)
        and not tokens[i].endswith(_SENTENCE_END)
        and tokens[i + 1][:1].isupper()
    )


def _a_name(token: str, languages: Sequence[str], below: float) -> bool:
    """Whether a capitalised word is no everyday word of any of ``languages`` (a name)."""
    word = "".join(_WORD.findall(token)).lower()
    shares = []
    for language in languages:
        try:
            shares.append(everyday_frequency(word, language))
        except ValueError:
            return False  # a language with no word list: keep the word, as before
    return bool(shares) and max(shares) < below


def words_left(
    text: str,
    languages: Sequence[str] = (),
    shares: NameShares = NameShares(),
) -> int:
    """How many words the detector would read in ``text`` (names aside)."""
    return len(_WORD.findall(without_names(text, languages, shares)))


def confidences(
    text: str,
    languages: Sequence[str],
    shares: NameShares = NameShares(),
) -> dict[str, float]:
    """The detector's confidence per language for ``text`` without its names."""
    detector = _detector(tuple(languages))
    text = without_names(text, languages, shares)
    if detector is None or not text.strip():
        return {}
    return {
        c.language.iso_code_639_1.name.lower(): float(c.value)
        for c in detector.compute_language_confidence_values(text)
    }


@dataclass(frozen=True)
class LanguageRules:
    """How sure the stage must be (the settings' ``language_*`` values, named once)."""

    languages: tuple[str, ...]  # the languages to tell apart (the museum's own among them)
    default: str  # the museum's language, for a first question the detector is unsure of
    min_confidence: float  # how sure the detector must be of another language
    min_lead: float  # by how much that language must beat the one it would replace
    min_words: int = 2  # fewer words than this (names aside) are too few to tell ("Bronze?")
    names: NameShares = NameShares()  # how rare a first word must be to be read as a name

    @classmethod
    def of(cls, settings: Settings) -> LanguageRules:
        """The rules the settings give."""
        return cls(
            tuple(settings.languages),
            settings.default_language,
            settings.language_min_confidence,
            settings.language_min_lead,
            settings.language_min_words,
            NameShares.of(settings),
        )


def prepare(rules: LanguageRules) -> None:
    """Load what the first question would wait for: the detector and the word lists."""
    _detector(tuple(rules.languages))
    _a_name("Prepare", rules.languages, rules.names.first)


def scores_of(question: str, rules: LanguageRules) -> dict[str, float]:
    """The detector's confidences for ``question``; none when it is too short to tell."""
    if words_left(question, rules.languages, rules.names) < rules.min_words:
        return {}
    return confidences(question, rules.languages, rules.names)


def decide(
    scores: dict[str, float], rules: LanguageRules, previous: str | None = None
) -> LanguageGuess:
    """The language chosen from the detector's ``scores``.

    Another language than the conversation's (``previous``) or, for a first question, the
    museum's must be sure enough and ahead by enough; otherwise the conversation's (or the
    museum's) language stays.
    """
    fallback = LanguageGuess(previous, 0.0, "conversation") if previous else None
    if not scores:
        return fallback or LanguageGuess(rules.default, 0.0, "default")
    best = max(scores, key=lambda lang: scores[lang])
    stay = previous or rules.default
    if best == stay:
        return LanguageGuess(best, scores[best], "detected")
    ahead = scores[best] - scores.get(stay, 0.0)
    if scores[best] >= rules.min_confidence and ahead >= rules.min_lead:
        return LanguageGuess(best, scores[best], "detected")
    return fallback or LanguageGuess(rules.default, scores.get(rules.default, 0.0), "default")


def guess_language(
    question: str, rules: LanguageRules, previous: str | None = None
) -> LanguageGuess:
    """The language of ``question`` (``previous``: the conversation's, kept when unsure)."""
    return decide(scores_of(question, rules), rules, previous)
