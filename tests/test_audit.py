"""The audit trail in the log database: the same contract on SQLite and PostgreSQL."""

import datetime as dt

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from assistant.answer_log import AnswerLog
from assistant.audit import AUDIT_ACTIONS, AuditError, AuditFilter, AuditTrail, record_audit
from assistant.auth import AccountError, StaleAccountError, UserStore
from tests.test_log_postgres import postgres_server  # noqa: F401
from tests.test_log_store import answered, log_url  # noqa: F401

PASSWORD = "correct horse battery"


def trail(log: AnswerLog, **where: str) -> list[tuple[str, str, str]]:
    """(actor, action, target) of every row, oldest first."""
    rows = AuditTrail(log.engine).events(AuditFilter(**where), limit=1000)
    return [(r["actor"], r["action"], r["target"]) for r in reversed(rows)]


def last(log: AnswerLog) -> dict:
    return AuditTrail(log.engine).events(AuditFilter(), limit=1)[0]


def test_the_table_and_its_guards_are_made_by_the_migration(log_url):  # noqa: F811
    log = AnswerLog(log_url)
    with log.engine.connect() as conn:
        assert "audit_events" in inspect(conn).get_table_names()
        if conn.dialect.name == "sqlite":
            triggers = conn.execute(
                text("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            ).scalars()
        else:
            triggers = conn.execute(
                text("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
            ).scalars()
        assert {t for t in triggers if t.startswith("audit_events")} >= {
            "audit_events_no_update" if conn.dialect.name == "sqlite" else "audit_events_no_change"
        }


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_events SET actor = 'mallory'",
        "DELETE FROM audit_events",
        "DELETE FROM audit_events WHERE action = 'review.set'",
    ],
)
def test_the_database_refuses_to_change_or_delete_a_row(log_url, statement):  # noqa: F811
    log = AnswerLog(log_url)
    answer_id = log.record(answered())
    log.review(answer_id, "correct", "", "ada")
    with pytest.raises(DBAPIError, match="append-only"), log.engine.begin() as conn:
        conn.execute(text(statement))
    assert trail(log) == [("ada", "review.set", f"answer:{answer_id}")]


@pytest.mark.integration
def test_postgresql_refuses_truncate_too(request):
    from tests.test_log_postgres import fresh_postgres_url

    log = AnswerLog(fresh_postgres_url(request))
    log.flag(log.record(answered()))
    with pytest.raises(DBAPIError, match="append-only"), log.engine.begin() as conn:
        conn.execute(text("TRUNCATE audit_events"))
    assert len(trail(log)) == 1


def test_reviews_items_and_flags_are_attributed(log_url):  # noqa: F811
    log = AnswerLog(log_url)
    answer_id = log.record(answered())
    log.flag(answer_id, "Wrong painter, call me on +44 20 7946 0958")
    log.review(answer_id, "incorrect", "The visitor is right: jane@example.org says so", "ada")
    [item] = log.work_items()
    log.update_item(item["id"], status="resolved", assignee="bob", actor="bob", seen_version=1)
    assert trail(log) == [
        ("visitor", "flag.add", f"answer:{answer_id}"),
        ("ada", "review.set", f"answer:{answer_id}"),
        ("bob", "item.update", f"item:{item['id']}"),
    ]
    rows = AuditTrail(log.engine).events(AuditFilter(), limit=10)
    update, review, flag = (r["details"] for r in rows)
    assert update == {
        "answer": answer_id,
        "version": 2,
        "status": "resolved",
        "assignee": "bob",
    }
    assert review == {
        "verdict": "incorrect",
        "previous": None,
        "with_note": True,
        "item": item["id"],
    }
    assert flag["item"] == item["id"]
    # Neither the visitor's comment nor the curator's note is copied into the trail.
    assert "7946" not in str(rows) and "jane" not in str(rows)
    assert all(r["at"].tzinfo is not None for r in rows)


def test_a_change_that_fails_writes_no_audit_row(log_url):  # noqa: F811
    from assistant.answer_log import StaleItemError

    log = AnswerLog(log_url)
    answer_id = log.record(answered())
    log.flag(answer_id)
    [item] = log.work_items()
    log.update_item(item["id"], status="in_progress", assignee="ada", actor="ada", seen_version=1)
    with pytest.raises(StaleItemError):
        log.update_item(item["id"], status="wont_fix", assignee="", actor="bob", seen_version=1)
    with pytest.raises(KeyError):
        log.review(answer_id + 100, "correct", "", "ada")
    # Nothing changed, nothing written: an unchanged save is not a change.
    log.update_item(item["id"], status="in_progress", assignee="ada", actor="ada", seen_version=2)
    assert [a for _, a, _ in trail(log)] == ["flag.add", "item.update"]


def test_account_changes_are_attributed_and_never_hold_the_password(log_url):  # noqa: F811
    log = AnswerLog(log_url)
    users = UserStore(log.engine)
    users.add("root", PASSWORD, "admin", actor="cli:ops")
    users.add("ada", PASSWORD, actor="root")
    users.set_password("ada", "another long password", actor="root")
    users.set_disabled("ada", True, actor="root")
    users.set_disabled("ada", True, actor="root")  # already disabled: no change, no row
    users.set_disabled("ada", False, actor="root")
    users.set_role("ada", "admin", actor="root")
    assert trail(log) == [
        ("cli:ops", "account.add", "user:root"),
        ("root", "account.add", "user:ada"),
        ("root", "account.password", "user:ada"),
        ("root", "account.disable", "user:ada"),
        ("root", "account.enable", "user:ada"),
        ("root", "account.role", "user:ada"),
    ]
    assert last(log)["details"] == {"role": "admin", "previous": "curator"}
    with log.engine.connect() as conn:
        stored = " ".join(str(r) for r in conn.execute(text("SELECT * FROM audit_events")))
        hashes = list(conn.execute(text("SELECT password_hash FROM users")).scalars())
    assert "password" not in stored.replace("account.password", "")
    assert all(h not in stored and h[:20] not in stored for h in hashes)
    assert users.get("ada").version == 5  # added, and four changes


def test_sign_ins_are_audited_without_the_password_or_an_unknown_name(log_url):  # noqa: F811
    log = AnswerLog(log_url)
    users = UserStore(log.engine)
    users.add("ada", PASSWORD)
    assert users.authenticate("ada", PASSWORD) is not None
    assert users.authenticate("ada", "a wrong password") is None
    # A password typed into the name box is not written down.
    assert users.authenticate(PASSWORD, PASSWORD) is None
    users.set_disabled("ada", True)
    assert users.authenticate("ada", PASSWORD) is None
    assert trail(log)[1:] == [
        ("ada", "signin.ok", "user:ada"),
        ("visitor", "signin.fail", "user:ada"),
        ("visitor", "signin.fail", "user:?"),
        ("system", "account.disable", "user:ada"),
        ("visitor", "signin.fail", "user:ada"),
    ]
    assert last(log)["details"] == {"reason": "disabled"}
    with log.engine.connect() as conn:
        stored = " ".join(str(r) for r in conn.execute(text("SELECT * FROM audit_events")))
    assert PASSWORD not in stored and "wrong password" not in stored


def test_the_second_of_two_admins_changing_one_account_is_refused(log_url):  # noqa: F811
    users = UserStore(AnswerLog(log_url).engine)
    users.add("ada", PASSWORD)
    seen = users.get("ada").version  # both admins see this
    users.change("ada", actor="root", disabled=True, seen_version=seen)
    with pytest.raises(StaleAccountError, match=r"changed by someone else.*now curator, disabled"):
        users.change("ada", actor="eve", role="admin", password="x" * 12, seen_version=seen)
    ada = users.get("ada")
    assert (ada.role, ada.disabled) == ("curator", True)
    assert users.authenticate("ada", "x" * 12) is None  # the refused password was not set
    # The same name added twice is refused with the same message however it races.
    with pytest.raises(AccountError, match="already a user named 'ada'"):
        users.add("ada", PASSWORD)


def test_purge_deletes_answers_and_keeps_the_trail_with_a_row_for_itself(log_url):  # noqa: F811
    log = AnswerLog(log_url)
    old = log.record(answered("An old question?"))
    log.flag(old, "Wrong")
    log.review(old, "incorrect", "", "ada")
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=400)
    assert log.purge(365, now=later, actor="cli:ops") == 1
    assert log.get(old) is None and log.work_items() == []
    assert trail(log) == [
        ("visitor", "flag.add", f"answer:{old}"),
        ("ada", "review.set", f"answer:{old}"),
        ("cli:ops", "log.purge", "log:answers"),
    ]
    assert last(log)["details"] == {"older_than_days": 365, "answers": 1}
    assert log.purge(365, now=later) == 0  # nothing deleted: nothing to record
    assert len(trail(log)) == 3


def test_the_trail_is_read_newest_first_filtered_and_in_pages(log_url):  # noqa: F811
    log = AnswerLog(log_url)
    for i in range(5):
        log.review(log.record(answered(f"Q{i}?")), "correct", "", "ada" if i % 2 else "bob")
    reader = AuditTrail(log.engine)
    assert reader.count(AuditFilter()) == 5
    assert reader.count(AuditFilter(actor="ada")) == 2
    assert reader.count(AuditFilter(action="flag.add")) == 0
    assert reader.actors() == ["ada", "bob"]
    first, second = reader.events(AuditFilter(), limit=3), reader.events(AuditFilter(), 3, 3)
    ids = [r["id"] for r in first + second]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == 5
    tomorrow = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    assert reader.count(AuditFilter(since=tomorrow)) == 0
    assert reader.count(AuditFilter(until=tomorrow)) == 5


def test_record_audit_refuses_unknown_actions_and_secrets_and_redacts(log_url):  # noqa: F811
    log = AnswerLog(log_url)
    with Session(log.engine) as session, session.begin():
        with pytest.raises(AuditError, match="unknown audit action"):
            record_audit(session, "ada", "note.rewrite", "note:1", {})
        with pytest.raises(AuditError, match="password"):
            record_audit(session, "ada", "note.save", "note:1", {"new_password": "x"})
        with pytest.raises(AuditError, match="password_hash"):
            record_audit(session, "ada", "note.save", "note:1", {"a": {"password_hash": "x"}})
        record_audit(session, "ada", "note.save", "note:1", {"topic": "mail jane@example.org"})
    assert last(log)["details"] == {"topic": "mail [email]"}


def test_a_staff_name_that_looks_like_an_email_is_kept_where_it_names_staff(log_url):  # noqa: F811
    log = AnswerLog(log_url)
    log.flag(log.record(answered()))
    [item] = log.work_items()
    log.update_item(
        item["id"], status="open", assignee="ada@museum.org", actor="bob@museum.org", seen_version=1
    )
    row = last(log)
    assert (row["actor"], row["details"]["assignee"]) == ("bob@museum.org", "ada@museum.org")
    assert "note.save" in AUDIT_ACTIONS


def test_a_note_change_rolls_back_with_its_audit_row(log_url):  # noqa: F811
    log = AnswerLog(log_url)
    with pytest.raises(RuntimeError), Session(log.engine) as session, session.begin():
        record_audit(session, "ada", "note.save", "note:1", {})
        raise RuntimeError("the change failed")
    assert trail(log) == []


def test_the_revision_goes_down_and_up_again(log_url):  # noqa: F811
    from alembic import command

    from assistant import migrations

    AnswerLog(log_url).engine.dispose()
    command.downgrade(migrations.alembic_config(log_url), "0007")
    log = AnswerLog(log_url)  # upgraded again when opened
    log.flag(log.record(answered()))
    with pytest.raises(DBAPIError, match="append-only"), log.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_events"))
