"""The Streamlit pages, run headless with AppTest on the scripted model and the test corpus."""

import sqlite3
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.answer_log import AnswerLog, LogFilter
from assistant.auth import UserStore
from tests.conftest import make_settings
from tests.held_corpus import (
    NIGHT_WATCH_CREDIT,
    NIGHT_WATCH_IMAGE,
    NIGHT_WATCH_RIGHTS,
    index_held_corpus,
)
from ui.services import reset_for_tests

APP = Path(__file__).resolve().parent.parent / "ui" / "app.py"
TIMEOUT = 90  # the first question loads the embedding model


@pytest.fixture
def log_url(indexed_dir, tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'log.sqlite3'}"
    monkeypatch.setenv("MUSEUM_QA_DATA_DIR", str(indexed_dir))
    monkeypatch.setenv("MUSEUM_QA_LLM", "scripted")
    monkeypatch.setenv("MUSEUM_QA_DB_URL", url)
    monkeypatch.setenv("MUSEUM_QA_UI_STREAM_DELAY", "0")
    reset_for_tests()  # services are cached per process; each test has its own log
    yield url
    reset_for_tests()


def app() -> AppTest:
    return AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()


def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run()
    assert not at.exception, at.exception
    return at


def source_cards(at: AppTest) -> list[str]:
    """Labels of the source-card expanders, as the visitor reads them (Markdown unescaped)."""
    labels = [e.label.replace("\\", "") for e in at.expander]
    return [label for label in labels if label.startswith("[")]


def markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_visitor_sees_a_cited_answer_with_a_source_card(log_url):
    at = ask(app(), "Who painted The Night Watch?")
    assert "Rembrandt" in markdown(at) and "\\[1\\]" in markdown(at)
    assert source_cards(at) == ["[1] The Night Watch"]
    card = at.expander[0]
    body = "\n".join(m.value for m in card.markdown)
    assert "SK-C-5" in body and "Rijksmuseum" in body and "CC-BY-4.0" in body
    assert '<mark class="cited">' in body


@pytest.fixture
def held_log_url(log_url, tmp_path, monkeypatch):
    """As ``log_url``, over the corpus with a holder's rights, credit line and image."""
    index_held_corpus(make_settings(tmp_path / "held"), tmp_path)
    monkeypatch.setenv("MUSEUM_QA_DATA_DIR", str(tmp_path / "held"))
    reset_for_tests()
    return log_url


def card_body(at: AppTest, title: str) -> str:
    """Everything a source card's expander shows, Markdown and captions."""
    card = next(e for e in at.expander if title in e.label.replace("\\", ""))
    return "\n".join([m.value for m in card.markdown] + [c.value for c in card.caption])


def test_a_source_card_shows_the_objects_image_credit_line_and_rights(held_log_url):
    at = ask(app(), "Who painted The Night Watch?")
    body = card_body(at, "The Night Watch")
    assert (
        f'<img class="source-image" src="{NIGHT_WATCH_IMAGE}" alt="The Night Watch" '
        'loading="lazy" referrerpolicy="no-referrer">'
    ) in body
    assert f"{NIGHT_WATCH_CREDIT} · {NIGHT_WATCH_RIGHTS}" in body.replace("\\", "")
    # The same card on the front desk, once "more" is asked for.
    at.switch_page("views/desk.py").run()
    at.button(key="quick_0").click().run()
    at.button(key="more_btn_d0").click().run()
    assert not at.exception
    assert f'src="{NIGHT_WATCH_IMAGE}"' in card_body(at, "The Night Watch")


def test_a_javascript_image_url_gives_no_image_on_the_card(held_log_url):
    at = ask(app(), "Who painted the Mona Lisa?")
    body = card_body(at, "Mona Lisa")
    assert "Leonardo" in body and "<img" not in body and "javascript" not in body


def test_a_refusal_is_friendly_and_offers_questions_about_indexed_objects(log_url):
    at = ask(app(), "What is the capital of France?")
    assert "don't have a vetted museum source" in markdown(at)
    offered = [b.label for b in at.button if b.label.startswith("Who made")]
    assert offered and all(
        any(t in label for t in ("Mona Lisa", "Rosetta Stone", "The Night Watch"))
        for label in offered
    )
    at.button(key="suggest_v0_0").click().run()
    assert at.chat_message[-1].markdown[0].value  # the suggested question was answered
    assert "Who made" in markdown(at)


def test_a_false_premise_gets_the_gentle_notice(log_url):
    at = ask(app(), "Did Vermeer paint The Night Watch?")
    assert any("sources don't support that" in i.value for i in at.info)


def test_history_is_the_visitors_own_earlier_questions(log_url):
    at = ask(app(), "Who painted The Night Watch?")
    at = ask(at, "When was it finished?")
    assert len(at.session_state["visitor_turns"]) == 2
    other = app()  # a second visitor: a new session sees none of it
    assert "visitor_turns" not in other.session_state or not other.session_state["visitor_turns"]
    assert not other.chat_message


def test_a_flag_is_stored_against_the_answer(log_url):
    at = ask(app(), "Who painted The Night Watch?")
    at.button(key="flag_v0").click().run()
    at.text_area(key="flag_comment_v0").input("My email is a@b.org and this is wrong")
    at.button[[b.label for b in at.button].index("Send to a curator")].click().run()
    assert any("A curator will check" in c.value for c in at.caption)
    flagged = AnswerLog(log_url).search(LogFilter(flagged=True))
    assert len(flagged) == 1 and flagged[0]["question"] == "Who painted The Night Watch?"
    row = AnswerLog(log_url).get(flagged[0]["id"])
    assert row["flags"][0]["comment"] == "My email is [email] and this is wrong"


def test_front_desk_quick_question_short_answer_then_more_then_reset(log_url):
    at = app()
    at.switch_page("views/desk.py").run()
    at.button(key="quick_0").click().run()
    assert not at.exception
    assert at.session_state["desk_turns"][-1].question == "Who painted The Night Watch?"
    assert source_cards(at) == []  # the short answer first
    at.button(key="more_btn_d0").click().run()
    assert source_cards(at) == ["[1] The Night Watch"]
    at.button(key="new_visitor").click().run()
    assert "desk_turns" not in at.session_state or not at.session_state["desk_turns"]


def test_front_desk_lookup_by_accession_number(log_url):
    at = app()
    at.switch_page("views/desk.py").run()
    at.text_input(key="lookup_value").input("SK-C-5")
    at.radio(key="lookup_kind").set_value("Accession number")
    at.button[[b.label for b in at.button].index("Look up")].click().run()
    assert not at.exception
    assert "SK-C-5" in markdown(at) and "Night Watch" in markdown(at)


def sign_in(at: AppTest, name: str, password: str) -> AppTest:
    at.text_input(key="sign_in_name").input(name)
    at.text_input(key="sign_in_password").input(password)
    return at.button[[b.label for b in at.button].index("Sign in")].click().run()


def test_review_needs_a_login_and_rejects_a_wrong_password(log_url):
    UserStore.open(log_url).add("ada", "correct horse battery", "curator")
    at = app()
    at.switch_page("views/review.py").run()
    assert at.title[0].value == "Staff sign-in"
    sign_in(at, "ada", "wrong password!")
    assert "don't match" in at.error[0].value
    sign_in(at, "ada", "correct horse battery")
    assert at.title[0].value == "Curator review"


def test_review_filters_details_and_saves_a_verdict(log_url):
    UserStore.open(log_url).add("ada", "correct horse battery", "curator")
    at = ask(app(), "What is the capital of France?")
    ask(at, "Who painted The Night Watch?")
    at.switch_page("views/review.py").run()
    sign_in(at, "ada", "correct horse battery")
    assert "**2 answers** match." in markdown(at)
    at.multiselect(key="f_outcomes").select("refused").run()
    assert "**1 answer** matches." in markdown(at)
    assert "Why it was refused" in markdown(at)
    at.radio(key=f"verdict_{at.session_state['review_pick']}").set_value("needs_source")
    at.button[[b.label for b in at.button].index("Save review")].click().run()
    assert AnswerLog(log_url).search(LogFilter(review="needs_source"))[0]["outcome"] == "refused"
    csv = at.download_button(key="export_csv")
    assert csv.label == "Export CSV"


def test_review_shows_how_an_answer_was_decided_even_for_rows_without_a_trace(log_url):
    UserStore.open(log_url).add("ada", "correct horse battery", "curator")
    at = ask(app(), "What is the capital of France?")
    at.switch_page("views/review.py").run()
    sign_in(at, "ada", "correct horse battery")
    assert "**How this answer was decided**" in markdown(at)
    # The summary and one line per stage, as plain text (they carry the visitor's words).
    lines = [str(t.value) for t in at.text]
    assert any(
        t.startswith("Refused by evidence: no vetted source is relevant enough") for t in lines
    )
    assert any(
        t.startswith("evidence: refused (no vetted source is relevant enough") for t in lines
    )
    assert "What is the capital of France?" in lines
    # A row logged before migration 0004 has no trace: the page still shows it, and says so.
    with sqlite3.connect(log_url.removeprefix("sqlite:///")) as db:
        db.execute("UPDATE answers SET trace = NULL")
    at.run()
    assert not at.exception, at.exception
    assert "Why it was refused" in markdown(at)
    assert "No trace recorded" in "\n".join(c.value for c in at.caption)
    assert "Refused by" not in markdown(at) + "\n".join(str(t.value) for t in at.text)


def test_an_idle_session_expires(log_url, monkeypatch):
    UserStore.open(log_url).add("ada", "correct horse battery", "curator")
    at = app()
    at.switch_page("views/review.py").run()
    sign_in(at, "ada", "correct horse battery")
    at.session_state["staff_session"].last_seen -= 31 * 60
    at.run()
    assert at.title[0].value == "Staff sign-in"
    assert "inactivity" in at.info[0].value


def test_dashboard_and_accounts_pages_render(log_url):
    UserStore.open(log_url).add("root", "correct horse battery", "admin")
    at = ask(app(), "What is the capital of France?")
    at.switch_page("views/dashboard.py").run()
    sign_in(at, "root", "correct horse battery")
    assert [s.value for s in at.subheader][:3] == ["Work list", "Questions per day", "Outcome mix"]
    at.switch_page("views/accounts.py").run()
    assert not at.exception and at.title[0].value == "Staff accounts"


def test_dashboard_groups_refused_and_flagged_questions_by_topic(log_url):
    from assistant.answer import Answer

    log = AnswerLog(log_url)
    refused = [
        "Who made the Ishtar Gate?",
        "Who built the Ishtar Gate?",
        "who was the architect of the Ishtar Gate",
        "What time does the museum open?",
        "opening hours today",
        "What time do you close?",
    ]
    for question in refused:
        log.record(Answer(question, "refused", "I don't have a vetted museum source for that."))
    flagged = log.record(Answer("When are you open on Sundays?", "answered", "At ten. [1]"))
    assert flagged is not None
    log.flag(flagged, "not on Sundays")
    log.record(Answer("Who painted The Night Watch?", "answered", "Rembrandt. [1]"))
    UserStore.open(log_url).add("ada", "correct horse battery", "curator")
    at = app()
    at.switch_page("views/dashboard.py").run()
    sign_in(at, "ada", "correct horse battery")
    assert not at.exception, at.exception
    assert "Topics of refused and flagged questions" in [s.value for s in at.subheader]
    table = next(d.value for d in at.dataframe if "Most asked question" in d.value.columns)
    topics = {
        r["Most asked question"]: (r["Times asked"], r["Also asked as"])
        for r in table.to_dict("records")
    }
    assert len(topics) == 2
    (hours, (asked, also)), (ishtar, (ishtar_asked, _)) = topics.items()  # most asked first
    assert "Ishtar" in ishtar and ishtar_asked == 3
    assert asked == 4 and "Sundays" in f"{hours} {also}"  # the flagged question joined them
    assert "Night Watch" not in " ".join(topics)


def test_an_admin_adds_an_account_and_a_curator_cannot_manage_accounts(log_url):
    users = UserStore.open(log_url)
    users.add("root", "correct horse battery", "admin")
    users.add("ada", "correct horse battery", "curator")
    at = app()
    at.switch_page("views/accounts.py").run()
    sign_in(at, "root", "correct horse battery")
    at.text_input(key="new_name").input("grace")
    at.text_input(key="new_password").input("a long new password")
    at.text_input(key="new_password_again").input("a long new password")
    at.button[[b.label for b in at.button].index("Add account")].click().run()
    assert "Added curator grace." in [s.value for s in at.success]
    assert users.authenticate("grace", "a long new password") is not None

    curator = app()
    curator.switch_page("views/accounts.py").run()
    sign_in(curator, "ada", "correct horse battery")
    assert "for the admin role" in curator.error[0].value


@pytest.mark.parametrize(
    "page", ["views/review.py", "views/dashboard.py", "views/accounts.py", "views/audit.py"]
)
def test_curator_pages_show_the_sign_in_and_no_data_without_a_session(log_url, page):
    UserStore.open(log_url).add("ada", "correct horse battery", "curator")
    ask(app(), "Who painted The Night Watch? My email is visitor@example.org")
    assert AnswerLog(log_url).search(LogFilter())  # there is data to protect
    at = app()  # a new browser session: nobody signed in
    at.switch_page(page).run()
    assert not at.exception
    assert at.title[0].value == "Staff sign-in"
    assert [t.value for t in at.title] == ["Staff sign-in"]
    shown = "\n".join(
        [markdown(at)]
        + [c.value for c in at.caption]
        + [str(t.value) for t in at.text]
        + [e.label for e in at.expander]
    )
    assert "Night Watch" not in shown and "visitor@" not in shown and "ada" not in shown
    assert not at.dataframe and not at.table and not at.metric and not at.download_button


def test_password_guessing_is_paused_per_account_not_per_browser_session(log_url):
    UserStore.open(log_url).add("ada", "correct horse battery", "curator")
    guesser = app()
    guesser.switch_page("views/review.py").run()
    for i in range(5):
        sign_in(guesser, "ada", f"wrong guess {i}!")
    assert "Too many wrong passwords" in guesser.error[0].value
    # A fresh session (cookies cleared) does not reset the count, even with the right password.
    fresh = app()
    fresh.switch_page("views/review.py").run()
    sign_in(fresh, "ada", "correct horse battery")
    assert fresh.title[0].value == "Staff sign-in"
    assert "Too many wrong passwords for this user name" in fresh.error[0].value


def test_the_chat_cleans_invisible_and_look_alike_characters(log_url):
    at = ask(app(), "Who painted\u200b The Night W\u0430tch?\u202e")
    assert at.session_state["visitor_turns"][-1].question == "Who painted The Night Watch?"
    assert source_cards(at) == ["[1] The Night Watch"]
