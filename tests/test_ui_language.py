"""The UI language's choice (ui/language.py), without a browser: pick, link, browser, museum."""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import assistant.i18n as i18n
from ui.language import PICKER, choose
from ui.services import reset_for_tests

APP = Path(__file__).resolve().parent.parent / "ui" / "app.py"

ALL = ("en", "de", "fr", "nl")
EN = ("en",)  # no catalogue yet: the UI speaks English only


@pytest.mark.parametrize(
    "chosen, param, locale, header, available, default, expect",
    [
        # The visitor's pick wins over everything else.
        ("nl", "fr", "de-DE", "de-DE,de;q=0.9", ALL, "en", "nl"),
        # Then the link's ?lang=.
        (None, "fr", "de-DE", "de-DE,de;q=0.9", ALL, "en", "fr"),
        (None, " FR ", None, None, ALL, "en", "fr"),
        # A pick or a link in a language the UI does not speak (any more) is passed over.
        ("es", None, "nl-BE", None, ALL, "en", "nl"),
        (None, "xx", None, "de", ALL, "en", "de"),
        ("", "", None, None, ALL, "nl", "nl"),
        # The browser's own language, region and case aside.
        (None, None, "fr-BE", None, ALL, "en", "fr"),
        (None, None, "DE-ch", "en-US,en;q=0.8", ALL, "nl", "de"),
        # The header ranks what else the browser accepts, by q, not by position.
        (None, None, "es-ES", "es-ES,es;q=0.9,nl;q=0.5,fr;q=0.7", ALL, "en", "fr"),
        (None, None, None, "pt-BR, nl;q=0.3, *;q=0.1", ALL, "de", "nl"),
        (None, None, None, "fr;q=0, de;q=0.2", ALL, "en", "de"),  # q=0: "not this"
        # Nothing the UI speaks: the museum's language.
        (None, None, "es-ES", "es-ES,pt;q=0.9", ALL, "nl", "nl"),
        (None, None, None, None, ALL, "fr", "fr"),
        (None, None, None, "", ALL, "de", "de"),
        # Only English so far: every French browser still gets a working (English) UI.
        (None, "fr", "fr-FR", "fr-FR,fr;q=0.9", EN, "en", "en"),
        ("fr", None, None, None, EN, "en", "en"),
        # A museum default without a catalogue falls back to a language the UI speaks.
        (None, None, None, None, EN, "fr", "en"),
    ],
)
def test_the_ui_language_is_chosen_most_deliberate_first(
    chosen, param, locale, header, available, default, expect
):
    assert choose(chosen, param, locale, header, available, default) == expect


# The app, run headless, with a test French catalogue in a temporary locales dir (the real
# catalogues are the translators' and may not exist yet).
FRENCH = {
    "Language": "Langue",
    "Ask the museum": "Demandez au musée",
    "Staff sign-in": "Connexion du personnel",
    "More": "Plus",
    "Sources": "Sources",
    "The museum's sources don't support that. Here is what they do say.": (
        "Les sources du musée ne disent pas cela. Voici ce qu'elles disent."
    ),
}


def _po(entries: dict[str, str]) -> str:
    def quoted(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)  # the same escapes as a PO string

    head = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: fr\\n"\n'
    return head + "".join(f"\nmsgid {quoted(k)}\nmsgstr {quoted(v)}\n" for k, v in entries.items())


def _clear_caches() -> None:
    i18n.translations.cache_clear()
    i18n.ui_languages.cache_clear()


@pytest.fixture
def french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    po = tmp_path / "locales" / "fr" / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
    po.parent.mkdir(parents=True)
    po.write_text(_po(FRENCH), encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALES", tmp_path / "locales")
    _clear_caches()
    yield
    monkeypatch.undo()
    _clear_caches()


@pytest.fixture
def app_env(indexed_dir, tmp_path, monkeypatch, french):
    monkeypatch.setenv("MUSEUM_QA_DATA_DIR", str(indexed_dir))
    monkeypatch.setenv("MUSEUM_QA_LLM", "scripted")
    monkeypatch.setenv("MUSEUM_QA_DB_URL", f"sqlite:///{tmp_path / 'log.sqlite3'}")
    reset_for_tests()
    yield
    reset_for_tests()


def test_english_is_the_default_and_the_menu_switches_the_ui_to_french(app_env):
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert at.title[0].value == "Ask the museum"
    menu = at.selectbox(key=PICKER)
    assert menu.options == ["English", "Français"] and menu.label == "Language"
    menu.set_value("fr").run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Demandez au musée"
    assert at.selectbox(key=PICKER).label == "Langue"
    assert at.session_state["ui_language"] == "fr" and at.query_params["lang"] == "fr"
    at.switch_page("views/review.py").run()  # the pick holds on the other pages
    assert at.title[0].value == "Connexion du personnel"


def test_a_link_with_lang_opens_the_ui_in_that_language(app_env):
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["lang"] = "fr"
    at.run()
    assert at.title[0].value == "Demandez au musée"
    assert at.selectbox(key=PICKER).value == "fr"


def test_the_visitor_page_says_english_is_read_best_only_in_other_languages(app_env):
    english = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not [i for i in english.info if "English best" in i.value]
    french = AppTest.from_file(str(APP), default_timeout=60)
    french.query_params["lang"] = "fr"
    french.run()
    # The temporary catalogue lacks the sentence: shown as its msgid, but shown.
    assert [i for i in french.info if "English best" in i.value]


def _answer_page() -> None:
    # Run by AppTest as a script of its own: the imports are its own.
    import streamlit as st

    from assistant.answer import Answer, AnswerSentence, Citation
    from ui.components import render_answer

    cite = Citation(1, "nw", "The Night Watch", "SK-C-5", "", "", "Rembrandt painted it.")
    answer = Answer(
        "Did Vermeer paint The Night Watch?",
        "corrected",
        "Rembrandt painted it. [1]",
        sentences=[AnswerSentence("Rembrandt painted it.", [1])],
        citations=[cite],
        language=st.session_state["asked_in"],
    )
    render_answer(answer, "t", None, fresh=False, delay=0, compact=True)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "ui, asked_in, notice, button",
    [
        ("en", "en", "The museum's sources don't support that.", "More"),
        # The notice reads as part of the answer: the language the visitor asked in ...
        ("en", "fr", "Les sources du musée ne disent pas cela.", "More"),
        # ... while the page's own controls stay in the UI language.
        ("fr", "en", "The museum's sources don't support that.", "Plus"),
    ],
)
def test_an_answers_notice_is_in_the_language_it_was_asked_in(french, ui, asked_in, notice, button):
    at = AppTest.from_function(_answer_page)
    at.session_state["asked_in"] = asked_in
    at.session_state["ui_language"] = ui
    at.run()
    assert not at.exception, at.exception
    assert at.info[0].value.startswith(notice)
    assert [b.label for b in at.button] == [button]
