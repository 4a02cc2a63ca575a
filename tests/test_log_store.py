"""The answer log as a store: the same contract on SQLite and on a real PostgreSQL server."""

import datetime as dt
import sqlite3

import pytest
from sqlalchemy import inspect, text

from assistant.answer import Answer, AnswerSentence, Citation, DroppedSentence
from assistant.answer_log import AnswerLog, LogFilter, new_public_id
from assistant.migrations import head_revision
from tests.test_log_postgres import fresh_postgres_url, postgres_server  # noqa: F401


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.integration)])
def log_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'log.sqlite3'}"
    return fresh_postgres_url(request)


def answered(question="Who painted The Night Watch?", score=0.75, dropped=0):
    return Answer(
        question,
        "answered",
        "The Night Watch is by Rembrandt van Rijn. [1]",
        sentences=[AnswerSentence("The Night Watch is by Rembrandt van Rijn.", [1], "record")],
        citations=[Citation(1, "nw", "The Night Watch", "SK-C-5", "", "CC-BY-4.0", "…")],
        dropped=[DroppedSentence(f"Bad {i}.", [1], "too far") for i in range(dropped)],
        retrieved=[
            {"source_id": "nw", "score": score, "kind": "record", "passage": "…"},
            {"source_id": "ml", "score": 0.9, "kind": "text", "passage": "…"},
        ],
        model="scripted",
    )


def refused(question="What is the capital of France?"):
    return Answer(
        question,
        "refused",
        "I don't have a vetted museum source for that.",
        refusal_reason="no vetted source is relevant enough (best match 0.18)",
        retrieved=[{"source_id": "ml", "score": 0.18, "kind": "text", "passage": "…"}],
    )


def test_a_new_log_is_migrated_to_the_newest_revision(log_url):
    log = AnswerLog(log_url)
    with log.engine.connect() as conn:
        assert conn.scalar(text("select version_num from alembic_version")) == head_revision()
        assert {"answers", "flags", "users"} <= set(inspect(conn).get_table_names())


def test_support_score_is_the_best_cited_passage_not_the_best_retrieved(log_url):
    log = AnswerLog(log_url)
    log.record(answered(score=0.42, dropped=2))
    log.record(refused())
    rows = {r["outcome"]: r for r in log.recent()}
    assert rows["answered"]["top_score"] == pytest.approx(0.42)
    assert rows["answered"]["n_dropped"] == 2
    assert rows["refused"]["top_score"] == pytest.approx(0.18)


def test_filters_combine(log_url):
    log = AnswerLog(log_url)
    weak = log.record(answered("Who made the weak one?", score=0.4))
    strong = log.record(answered("Who made the strong one?", score=0.8, dropped=1))
    no = log.record(refused())
    assert weak and strong and no
    log.flag(no, "It should know this")

    def ids(**kw):
        return [r["id"] for r in log.search(LogFilter(**kw))]

    assert ids() == [no, strong, weak]
    assert ids(outcomes=("refused",)) == [no]
    assert ids(flagged=True) == [no]
    assert ids(has_dropped=True) == [strong]
    assert ids(low_support_below=0.5) == [weak]
    assert ids(text="STRONG") == [strong]
    assert ids(text="100%") == []  # "%" is text, not a wildcard
    assert ids(since=dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)) == []
    assert ids(until=dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)) == [no, strong, weak]
    assert log.search(LogFilter(flagged=True))[0]["n_flags"] == 1


def test_an_answer_is_found_by_its_public_id(log_url):
    log = AnswerLog(log_url)
    first, second = answered("Who made the first one?"), answered("Who made the second?")
    first.public_id, second.public_id = new_public_id(), new_public_id()
    log.record(first)
    log.record(second)
    assert first.public_id != second.public_id and len(first.public_id) == 24
    found = log.search(LogFilter(text=second.public_id))
    assert [(r["question"], r["public_id"]) for r in found] == [
        ("Who made the second?", second.public_id)
    ]
    assert log.search(LogFilter(text=second.public_id[:12])) == []  # the whole id, not a part


def test_a_flag_and_a_review_are_stored_against_the_answer(log_url):
    log = AnswerLog(log_url)
    answer_id = log.record(answered())
    assert answer_id is not None
    log.flag(answer_id, "Wrong painter? call me on 555-123-4567")
    log.review(answer_id, "needs_source", "Add the militia company's record", "ada")
    row = log.get(answer_id)
    assert row is not None
    assert [f["comment"] for f in row["flags"]] == ["Wrong painter? call me on [phone]"]
    assert (row["review_verdict"], row["reviewed_by"]) == ("needs_source", "ada")
    assert row["reviewed_at"].tzinfo is not None
    assert [r["id"] for r in log.search(LogFilter(review="unreviewed"))] == []
    assert [r["id"] for r in log.search(LogFilter(review="needs_source"))] == [answer_id]
    with pytest.raises(ValueError, match="verdict"):
        log.review(answer_id, "meh", "", "ada")
    with pytest.raises(KeyError):
        log.flag(answer_id + 100)


def test_questions_are_stored_with_personal_data_redacted(log_url):
    log = AnswerLog(log_url)
    answer = refused("I'm jane.smith@example.com, tel +44 20 7946 0958: who is Jane?")
    answer.refusal_reason = "no source covers: jane, smith, example, jane"
    log.record(answer)
    row = log.recent()[0]
    assert row["question"] == "I'm [email], tel [phone]: who is Jane?"
    assert "smith" not in row["refusal_reason"] and "example" not in row["refusal_reason"]
    assert answer.question.startswith("I'm jane.smith")  # the visitor's own copy is untouched


def test_what_an_earlier_turn_held_is_redacted_from_every_stored_text(log_url):
    log = AnswerLog(log_url, phone_regions=["FR"])
    history = ["I'm jane.doe@example.com, tel 01 23 45 67 89. Who painted it?"]
    answer = refused("And the varnish?")
    answer.answer = "Write to jane.doe@example.com."  # echoed by a model
    answer.refusal_reason = "it does not mention jane, doe, exampl, 23, 45, 67, 89, varnish"
    answer.premise_issues = ["Jane Doe is not named in the record"]
    answer.warnings = ["the model wrote 01 23 45 67 89"]
    answer.dropped = [DroppedSentence("Call 01 23 45 67 89.", [1], "doe is not in [1]")]
    answer.trace = [{"stage": "evidence", "decision": "refused", "detail": "jane, 67, 89"}]
    log.record(answer, history)
    row = log.recent()[0]
    assert row["question"] == "And the varnish?"
    assert row["answer"] == "Write to [email]."
    assert row["refusal_reason"] == (
        "it does not mention [redacted], [redacted], [redacted], [redacted], [redacted], "
        "[redacted], [redacted], varnish"
    )
    assert row["premise_issues"] == ["[redacted] [redacted] is not named in the record"]
    assert row["warnings"] == ["the model wrote [phone]"]
    assert row["dropped"][0]["text"] == "Call [phone]."
    assert row["dropped"][0]["reason"] == "[redacted] is not in [1]"
    assert row["trace"][0]["detail"] == "[redacted], [redacted], [redacted]"
    assert history == ["I'm jane.doe@example.com, tel 01 23 45 67 89. Who painted it?"]


def test_flag_comments_are_redacted_through_invisible_characters(log_url):
    log = AnswerLog(log_url, phone_regions=["GB"])
    answer_id = log.record(answered())
    assert answer_id is not None
    log.flag(answer_id, "Wrong! Mail jane.doe@exa\u200bmple.com or 0044.20.7946.0958")
    assert log.get(answer_id)["flags"][0]["comment"] == "Wrong! Mail [email] or [phone]"


def test_purge_removes_rows_older_than_the_retention_and_their_flags(log_url):
    log = AnswerLog(log_url)
    old = log.record(answered("Old?"))
    assert old is not None
    log.flag(old, "")
    log.record(answered("New?"))
    with log.engine.begin() as conn:
        conn.execute(
            text("update answers set created_at = :t where id = :i"),
            {"t": dt.datetime.now(dt.UTC) - dt.timedelta(days=40), "i": old},
        )
    assert log.purge(30) == 1
    assert [r["question"] for r in log.recent()] == ["New?"]
    assert log.search(LogFilter(flagged=True)) == []


def test_opening_with_retention_purges_on_startup(tmp_path):
    url = f"sqlite:///{tmp_path / 'log.sqlite3'}"
    log = AnswerLog(url)
    log.record(answered())
    with log.engine.begin() as conn:
        conn.execute(text("update answers set created_at = '2001-01-01 00:00:00.000000'"))
    assert AnswerLog(url, retention_days=365).count() == 0


def test_a_log_made_before_migrations_is_stamped_and_upgraded(tmp_path):
    db = tmp_path / "legacy.sqlite3"
    con = sqlite3.connect(db)
    # The table exactly as the old create_all made it, with one row in it.
    con.executescript(
        """
        CREATE TABLE answers (
            id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, created_at DATETIME NOT NULL,
            question TEXT NOT NULL, outcome VARCHAR(16) NOT NULL, answer TEXT NOT NULL,
            refusal_reason TEXT, model VARCHAR(200) NOT NULL, sentences JSON NOT NULL,
            citations JSON NOT NULL, dropped JSON NOT NULL, retrieved JSON NOT NULL,
            premise_issues JSON NOT NULL, timings_ms JSON NOT NULL, warnings JSON NOT NULL);
        CREATE INDEX ix_answers_created_at ON answers (created_at);
        CREATE INDEX ix_answers_outcome ON answers (outcome);
        INSERT INTO answers VALUES (1, '2026-11-20 10:00:00.000000', 'Old question?',
            'answered', 'Old answer. [1]', NULL, 'm', '[]', '[{"source_id": "a"}]',
            '[{"text": "x", "citations": [1], "reason": "r"}]',
            '[{"source_id": "a", "score": 0.61}, {"source_id": "b", "score": 0.9}]',
            '[]', '{}', '[]');
        """
    )
    con.close()
    log = AnswerLog(f"sqlite:///{db}")
    row = log.get(1)
    assert row is not None and row["question"] == "Old question?"
    assert row["n_dropped"] == 1 and row["top_score"] == pytest.approx(0.61)
    assert log.record(answered()) == 2
