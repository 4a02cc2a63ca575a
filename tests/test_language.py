"""The language stage: which language a question is in (real lingua models, no fakes)."""

from __future__ import annotations

import pytest

from assistant.i18n import accept_language, gettext, language_name, negotiate
from assistant.language import LanguageRules, guess_language, without_names
from assistant.settings import Settings

RULES = LanguageRules.of(Settings())


def guess(question: str, previous: str | None = None) -> tuple[str, str]:
    g = guess_language(question, RULES, previous)
    return g.language, g.decided_by


@pytest.mark.parametrize(
    ("question", "previous", "language", "decided_by"),
    [
        # Whole questions in each language (written for this table, not from the eval).
        ("Who carved the little boxwood altarpiece?", None, "en", "detected"),
        ("Qui a sculpté le petit retable en buis ?", None, "fr", "detected"),
        ("Wie heeft het kleine altaarstuk van palmhout gesneden?", None, "nl", "detected"),
        ("Wer hat den kleinen Altar aus Buchsbaum geschnitzt?", None, "de", "detected"),
        ("¿Quién talló el pequeño retablo de boj?", None, "es", "detected"),
        ("Chi ha scolpito il piccolo altare di bosso?", None, "it", "detected"),
        # Names say nothing of the visitor's language.
        ("Was it engraved by Hendrik Goltzius?", None, "en", "detected"),
        # ... not even first in the question, where every word has a capital.
        ("Goltzius a gravé les quatre saisons, non ?", None, "fr", "detected"),
        ("Goltzius hat die vier Jahreszeiten gestochen, oder?", None, "de", "detected"),
        # ... and when what is left is too close to call, the museum's language stays.
        ("Did Hendrik Goltzius engrave Les Quatre Saisons in 1601?", None, "en", "default"),
        # A name run first in the question, though its first word is also a French word.
        ("Gouverneur Kemble sat for the portrait as a boy, did he not?", None, "en", "detected"),
        # Too short to tell: the conversation's language, else the museum's.
        ("Bronze?", None, "en", "default"),
        ("Bronze?", "fr", "fr", "conversation"),
        ("", "nl", "nl", "conversation"),
        # A clear question in another language changes the conversation's language.
        ("When was it made?", "de", "en", "detected"),
    ],
)
def test_guess_language(question, previous, language, decided_by):
    assert guess(question, previous) == (language, decided_by)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Did Hendrik Goltzius engrave it?", "Did engrave it?"),
        ("Who made it? Tell me. When?", "Who made it? Tell me. When?"),
        ("Vermeer?", "Vermeer?"),  # nothing would be left: read whole
    ],
)
def test_without_names(text, kept):
    assert without_names(text) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A first word no language uses every day is a name; "Qui", "Wer" are everyday words.
        ("Goltzius a gravé les saisons ?", "a gravé les saisons ?"),
        ("Qui a gravé les saisons ?", "Qui a gravé les saisons ?"),
        ("Wer hat es gestochen?", "Wer hat es gestochen?"),
        # Followed by a capital it opens a run of names, unless it is as common as a
        # question's words: "Gouverneur" (French 2e-5) and "Santa" go, "Welche" and "Le" stay.
        ("Gouverneur Kemble sat for it, no?", "sat for it, no?"),
        ("Santa Croce was built when?", "was built when?"),
        ("Welche Farbe hat das Kleid?", "Welche hat das"),
        ("Le Louvre en a-t-il un ?", "Le en a-t-il un ?"),
    ],
)
def test_a_first_word_no_language_uses_is_a_name(text, kept):
    assert without_names(text, ("en", "fr", "de", "nl")) == kept


def test_one_language_needs_no_detector():
    g = guess_language("Qui a peint ce tableau ?", LanguageRules(("en",), "en", 0.3, 0.2))
    assert (g.language, g.decided_by) == ("en", "default")


def test_an_unknown_language_code_is_a_clear_settings_error():
    from assistant.errors import SettingsError
    from assistant.language import confidences

    with pytest.raises(SettingsError, match="ISO 639-1"):
        confidences("Who made it?", ["en", "qq"])


def test_settings_refuse_language_codes_that_are_not_iso_639_1(monkeypatch):
    from pydantic import ValidationError

    monkeypatch.setenv("MUSEUM_QA_LANGUAGES", '["en", "French"]')
    with pytest.raises(ValidationError, match="ISO 639-1"):
        Settings()


@pytest.mark.parametrize(
    ("header", "tags"),
    [
        ("fr-BE,fr;q=0.9,en;q=0.5", ["fr-BE", "fr", "en"]),
        ("en;q=0.2, nl", ["nl", "en"]),
        ("de;q=0, *", []),
        ("", []),
        ("fr;q=abc,it", ["it"]),
    ],
)
def test_accept_language(header, tags):
    assert accept_language(header) == tags


def test_negotiate_falls_back_to_the_default():
    assert negotiate(["xx-YY"], default="en") == "en"
    assert negotiate([], default="en") == "en"
    assert negotiate(["en-GB"], default="fr") == "en"


def test_english_and_unknown_languages_are_the_msgids():
    text = "I don't have a vetted museum source for that."
    assert gettext("en", text) == text
    assert gettext("xx", text) == text


def test_language_names_are_their_own():
    assert language_name("fr") == "Français"
    assert language_name("de", "en") == "German"
    assert language_name("??") == "??"


def test_prepare_loads_what_the_first_question_would_wait_for():
    from assistant import language
    from assistant.text import _word_counts

    language._detector.cache_clear()
    _word_counts.cache_clear()
    language.prepare(RULES)
    assert language._detector.cache_info().currsize == 1
    assert _word_counts.cache_info().currsize == len(RULES.languages)


def test_settings_keep_the_run_share_at_or_above_the_first_word_share(monkeypatch):
    from assistant.errors import SettingsError
    from assistant.settings import load_settings

    monkeypatch.setenv("MUSEUM_QA_LANGUAGE_NAME_SHARE", "1e-4")
    monkeypatch.setenv("MUSEUM_QA_LANGUAGE_NAME_RUN_SHARE", "1e-5")
    with pytest.raises(SettingsError, match=r"LANGUAGE_NAME_RUN_SHARE.*below"):
        load_settings()
    monkeypatch.setenv("MUSEUM_QA_LANGUAGE_NAME_RUN_SHARE", "1e-4")
    assert load_settings().language_name_run_share == 1e-4
