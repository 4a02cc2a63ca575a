"""The HTTP API and the widget in the visitor's language (issue 13), with a test French catalogue.

The catalogue is written to a temporary locales dir: the real ones (assistant/locales) are
the translators' and may not exist yet. The API runs on the scripted model, as in test_api.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import assistant.i18n as i18n
from assistant.answer import REFUSAL_TEXT
from assistant.errors import ModelUnavailableError, StoreUnavailableError
from tests.test_api import ask, client_for, settings_for, stream
from ui.api import BUSY, UNAVAILABLE, WIDGET_TEMPLATE, render_widget

FRENCH = {
    "Ask the museum": "Demandez au musée",
    "Your question about the collection": "Votre question sur la collection",
    "e.g. Who painted The Night Watch?": "p. ex. Qui a peint La Ronde de nuit ?",
    "Ask": "Demander",
    "Conversation": "Conversation",
    "Checking…": "Vérification…",
    "source {n}": "source {n}",
    "Sources": "Sources",
    "You're asking quickly. Please wait {seconds} seconds and try again.": (
        "Vous allez vite. Attendez {seconds} secondes et réessayez."
    ),
    "The museum's sources don't support that. Here is what they do say:": (
        "Les sources du musée ne disent pas cela. Voici ce qu'elles disent :"
    ),
    UNAVAILABLE: "Désolé, l'assistant du musée n'est pas disponible pour le moment.",
    BUSY: "Désolé, beaucoup de visiteurs posent des questions en ce moment.",
    REFUSAL_TEXT: "Je n'ai pas de source vérifiée du musée pour cela.",
}
# Words a translator could make hostile: the page must show them as text, not run them.
HOSTILE = {"What the source says": '</script><script>alert("x")</script> & <b>'}


def _po(entries: dict[str, str]) -> str:
    def quoted(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)  # the same escapes as a PO string

    head = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: fr\\n"\n'
    body = "".join(f"\nmsgid {quoted(k)}\nmsgstr {quoted(v)}\n" for k, v in entries.items())
    return head + body


def _clear_caches() -> None:
    i18n.translations.cache_clear()
    i18n.ui_languages.cache_clear()


@pytest.fixture
def french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A French catalogue in a temporary locales dir, and no other."""
    locales = tmp_path / "locales"
    po = locales / "fr" / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
    po.parent.mkdir(parents=True)
    po.write_text(_po({**FRENCH, **HOSTILE}), encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALES", locales)
    _clear_caches()
    assert i18n.ui_languages() == ("en", "fr")
    yield locales
    monkeypatch.undo()
    _clear_caches()


@pytest.fixture
def api(indexed_settings, french):
    with client_for(settings_for(indexed_settings)) as client:
        yield client


def _strings(html: str) -> dict[str, str]:
    """The widget's JSON island, read as its script reads it (JSON.parse of the text)."""
    found = re.search(
        r'<script type="application/json" id="widget-strings">(.*?)</script>', html, re.S
    )
    assert found, "no JSON island"
    strings: dict[str, str] = json.loads(found.group(1))
    return strings


def _lang(html: str) -> str:
    found = re.search(r'<html lang="([^"]*)"', html)
    assert found
    return found.group(1)


def _hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


# -- choosing the widget's language ---------------------------------------------------------------


def test_lang_parameter_gives_the_french_widget(api):
    response = api.get("/widget?lang=fr")
    assert response.status_code == 200
    html = response.text
    assert _lang(html) == "fr" and 'dir="ltr"' in html
    assert "<title>Demandez au musée</title>" in html and "<h1>Demandez au musée</h1>" in html
    assert 'placeholder="p. ex. Qui a peint La Ronde de nuit ?"' in html
    assert ">Votre question sur la collection</label>" in html
    assert '<button id="send" type="submit">Demander</button>' in html
    strings = _strings(html)
    assert strings["ask"] == "Demander" and strings["checking"] == "Vérification…"
    assert (
        strings["rate_limited"]
        == FRENCH["You're asking quickly. Please wait {seconds} seconds and try again."]
    )
    # Not yet translated: shown as written, in English.
    assert strings["catalogue_record"] == "catalogue record"
    assert response.headers["content-language"] == "fr"
    assert "Accept-Language" in response.headers["vary"]


def test_accept_language_picks_french(api):
    response = api.get("/widget", headers={"Accept-Language": "fr-BE,fr;q=0.9"})
    assert _lang(response.text) == "fr" and "<h1>Demandez au musée</h1>" in response.text
    assert response.headers["content-language"] == "fr"
    # A region tag in ?lang= counts as its language, case aside.
    assert _lang(api.get("/widget?lang=FR-ca").text) == "fr"
    # ?lang= wins over the browser's preference.
    english = api.get("/widget?lang=en", headers={"Accept-Language": "fr"})
    assert _lang(english.text) == "en" and "<h1>Ask the museum</h1>" in english.text


@pytest.mark.parametrize(
    "query,accept",
    [
        ("?lang=xx", None),
        ("?lang=de", "de-DE,de;q=0.9"),  # a language without a catalogue
        ("", "ja,zh;q=0.8"),
        ("?lang=%3Cscript%3E", None),
        ("", None),
    ],
)
def test_an_unknown_language_falls_back_to_english(api, query, accept):
    headers = {"Accept-Language": accept} if accept else {}
    response = api.get(f"/widget{query}", headers=headers)
    assert response.status_code == 200
    assert _lang(response.text) == "en" and "<h1>Ask the museum</h1>" in response.text
    assert response.headers["content-language"] == "en"
    assert "<script>" not in response.text.split("<body>")[0]  # nothing of the query echoed
    assert _strings(response.text)["ask"] == "Ask"


def test_an_unknown_lang_parameter_still_follows_the_browser(api):
    response = api.get("/widget?lang=xx", headers={"Accept-Language": "fr"})
    assert _lang(response.text) == "fr"


def test_the_default_language_is_used_only_when_it_has_a_catalogue(indexed_settings, french):
    with client_for(settings_for(indexed_settings, default_language="fr")) as client:
        assert _lang(client.get("/widget").text) == "fr"
        assert _lang(client.get("/widget", headers={"Accept-Language": "en"}).text) == "en"
    # No Dutch catalogue: an English page labelled "nl" would mislead screen readers.
    with client_for(settings_for(indexed_settings, default_language="nl")) as client:
        response = client.get("/widget")
        assert _lang(response.text) == "en" and response.headers["content-language"] == "en"


def test_each_language_is_rendered_once(indexed_settings, french, monkeypatch):
    import ui.api

    rendered: list[str] = []

    def counting(language: str, **options: str) -> str:
        rendered.append(language)
        return render_widget(language, **options)

    monkeypatch.setattr(ui.api, "render_widget", counting)
    with client_for(settings_for(indexed_settings)) as client:
        pages = [client.get(f"/widget?lang={lang}").text for lang in ("fr", "en", "fr", "xx")]
    assert sorted(rendered) == ["en", "fr"]
    assert pages[0] == pages[2] and pages[1] == pages[3]


# -- the page stays safe in every language --------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_csp_hashes_match_the_served_script_and_style(api, lang):
    response = api.get(f"/widget?lang={lang}")
    html, csp = response.text, response.headers["content-security-policy"]
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    styles = re.findall(r"<style>(.*?)</style>", html, re.S)
    assert len(scripts) == 1 and len(styles) == 1
    assert f"script-src {_hash(scripts[0])};" in csp
    assert f"style-src {_hash(styles[0])};" in csp
    # The JSON island is data: not hashed, and every other <script> has a type that is not JS.
    assert csp.count("sha256-") == 2
    typed = re.findall(r"<script\b([^>]*)>", html)
    assert typed.count("") == 1
    assert [t for t in typed if t] == [' type="application/json" id="widget-strings"']
    assert "unsafe-inline" not in csp


def test_the_script_and_style_are_the_same_in_every_language(api):
    pages = [api.get(f"/widget?lang={lang}") for lang in ("en", "fr")]
    assert pages[0].text != pages[1].text
    assert (
        pages[0].headers["content-security-policy"] == pages[1].headers["content-security-policy"]
    )


def test_translations_are_text_not_markup(api):
    html = api.get("/widget?lang=fr").text
    hostile = HOSTILE["What the source says"]
    # In the JSON island <, > and & are \\u escapes: the island cannot be closed early.
    island = re.search(r'id="widget-strings">(.*?)</script>', html, re.S).group(1)
    assert "<" not in island and ">" not in island and "&" not in island
    assert _strings(html)["what_the_source_says"] == hostile
    assert 'alert("x")' not in html.replace("\\u003c", "<").split("widget-strings")[0]
    assert html.count("<script") == 2  # the island and the widget's own script, no third


def test_every_word_of_the_widget_is_a_msgid_babel_extracts():
    """The mapping `[jinja2: ui/static/**.html]` finds every string the page shows."""
    from babel.messages.extract import extract_from_file

    template = Path(__file__).resolve().parents[1] / "ui" / WIDGET_TEMPLATE
    found = {m[1] for m in extract_from_file("jinja2", str(template))}
    shown = set(_strings(render_widget("en")).values())
    assert shown <= found, shown - found
    assert {
        "Ask the museum",
        "Conversation",
        "Your question about the collection",
        "e.g. Who painted The Night Watch?",
        "Answers come only from the museum's checked texts, each sentence with a numbered source.",
    } <= found


# -- POST /ask in a language ----------------------------------------------------------------------


def test_ask_with_a_language_returns_it(api):
    response = ask(api, "Who painted The Night Watch?", language="fr")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["language"] == "fr"
    assert "Rembrandt" in body["answer"]  # the museum's sentences are quoted as they are
    _, events = stream(api, "Who painted The Night Watch?", language="FR")
    assert events[-1]["answer"]["language"] == "fr"


def test_without_a_language_it_is_detected(api):
    body = ask(api, "Who painted The Night Watch?").json()
    assert body["language"] == "en"


def test_the_assistants_own_words_follow_the_given_language(api):
    body = ask(api, "What is the capital of France?", language="fr").json()
    assert body["outcome"] == "refused" and body["language"] == "fr"
    assert body["answer"] == FRENCH[REFUSAL_TEXT]


@pytest.mark.parametrize(
    "language,message",
    [
        ("xx", "'xx' is not a language visitors may ask in"),
        ("ja", "use one of en, fr, nl, de, es, it"),
        (42, "language"),
        ("french-please", "language"),
    ],
)
def test_a_bad_language_is_a_422(api, language, message):
    for path in ("/ask", "/ask/stream"):
        response = api.post(path, json={"question": "Who painted it?", "language": language})
        assert response.status_code == 422, response.text
        body = response.json()
        assert body["error"] == "invalid_request"
        assert message in body["message"] and body["message"].startswith("language")
        assert body["details"][0]["loc"] == ["body", "language"]
    assert api.model.prompts == []


def test_a_language_outside_the_settings_is_a_422(indexed_settings, french):
    with client_for(settings_for(indexed_settings, languages=["en", "nl"])) as client:
        response = ask(client, "Who painted The Night Watch?", language="fr")
    assert response.status_code == 422
    assert "use one of en, nl" in response.json()["message"]


# -- errors in the visitor's language -------------------------------------------------------------


def _down(error: Exception):
    def factory(settings):
        raise error

    return factory


def test_a_503_is_in_the_given_or_the_browsers_language(indexed_settings, french):
    settings = settings_for(indexed_settings)
    with client_for(settings, factory=_down(ModelUnavailableError("no model"))) as client:
        given = ask(client, "Who painted The Night Watch?", language="fr")
        browser = client.post(
            "/ask/stream",
            json={"question": "Who painted The Night Watch?"},
            headers={"Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5"},
        )
        plain = ask(client, "Who painted The Night Watch?")
        # The body's language wins over the browser's.
        english = client.post(
            "/ask",
            json={"question": "Who painted The Night Watch?", "language": "en"},
            headers={"Accept-Language": "fr"},
        )
    for response in (given, browser):
        assert response.status_code == 503
        assert response.json()["message"] == FRENCH[UNAVAILABLE]
    assert plain.json()["message"] == UNAVAILABLE
    assert english.json()["message"] == UNAVAILABLE


def test_search_down_says_so_in_its_own_words(indexed_settings, french):
    error = StoreUnavailableError("chroma at http://10.0.0.5:8000 refused the connection")
    with client_for(settings_for(indexed_settings), factory=_down(error)) as client:
        response = ask(client, "Who painted The Night Watch?", language="de")
    assert response.status_code == 503
    # German has no catalogue here: the msgid, as written.
    assert response.json()["message"] == StoreUnavailableError.visitor_message
    assert "10.0.0.5" not in response.text


def test_busy_is_translated_too(indexed_settings, french):
    with client_for(settings_for(indexed_settings, api_max_pending=1)) as client:
        client.app.state.museum.pending = 1  # one question is already being answered
        response = ask(client, "Who painted The Night Watch?", language="fr")
    assert response.status_code == 503 and response.json()["message"] == FRENCH[BUSY]


def test_the_rate_limit_message_follows_accept_language(indexed_settings, tmp_path, monkeypatch):
    locales = tmp_path / "locales"
    po = locales / "fr" / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
    po.parent.mkdir(parents=True)
    msgid = "too many questions from this address; try again in {seconds} seconds"
    po.write_text(_po({msgid: "trop de questions ; réessayez dans {seconds} secondes"}))
    monkeypatch.setattr(i18n, "LOCALES", locales)
    _clear_caches()
    try:
        with client_for(settings_for(indexed_settings, api_rate_limit="1/minute")) as client:
            assert ask(client, "Who painted The Night Watch?").status_code == 200
            response = client.post(
                "/ask",
                json={"question": "Who painted The Night Watch?"},
                headers={"Accept-Language": "fr"},
            )
        assert response.status_code == 429
        seconds = response.headers["retry-after"]
        assert (
            response.json()["message"] == f"trop de questions ; réessayez dans {seconds} secondes"
        )
    finally:
        monkeypatch.undo()
        _clear_caches()
