import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.answer_log import AnswerLog
from assistant.auth import AccountError, StaffSession, UserRow, UserStore


@pytest.fixture
def users(tmp_path):
    return UserStore(AnswerLog(f"sqlite:///{tmp_path / 'log.sqlite3'}").engine)


def test_passwords_are_stored_as_argon2_hashes_never_in_clear(users):
    users.add("ada", "correct horse battery", "curator")
    with Session(users.engine) as session:
        stored = session.scalar(select(UserRow.password_hash))
    assert stored.startswith("$argon2id$") and "correct horse" not in stored


def test_right_password_signs_in_and_wrong_ones_do_not(users):
    users.add("ada", "correct horse battery", "admin")
    assert users.authenticate("ada", "correct horse battery").role == "admin"
    assert users.authenticate("ada", "Correct horse battery") is None
    assert users.authenticate("nobody", "correct horse battery") is None
    assert users.authenticate("ada", "") is None


def test_a_disabled_account_cannot_sign_in(users):
    users.add("ada", "correct horse battery")
    users.set_disabled("ada", True)
    assert users.authenticate("ada", "correct horse battery") is None
    users.set_disabled("ada", False)
    assert users.authenticate("ada", "correct horse battery") is not None


def test_changing_the_password_replaces_the_old_one(users):
    users.add("ada", "correct horse battery")
    users.set_password("ada", "tr0ub4dor & 3 more")
    assert users.authenticate("ada", "correct horse battery") is None
    assert users.authenticate("ada", "tr0ub4dor & 3 more") is not None


@pytest.mark.parametrize(
    "name,password,role,message",
    [
        ("ada", "short", "curator", "at least 10"),
        ("ada", "long enough password", "visitor", "role must be one of"),
        ("a b", "long enough password", "curator", "user name"),
        ("", "long enough password", "curator", "user name"),
    ],
)
def test_bad_accounts_are_refused_with_a_reason(users, name, password, role, message):
    with pytest.raises(AccountError, match=message):
        users.add(name, password, role)


def test_names_are_unique(users):
    users.add("ada", "correct horse battery")
    with pytest.raises(AccountError, match="already"):
        users.add("ada", "another long password")
    assert [u.name for u in users.users()] == ["ada"]


def test_sessions_expire_after_the_idle_time_and_activity_extends_them():
    session = StaffSession("ada", "curator", last_seen=1000.0)
    assert not session.expired(idle_minutes=30, now=1000.0 + 29 * 60)
    session.touch(now=1000.0 + 29 * 60)
    assert not session.expired(idle_minutes=30, now=1000.0 + 58 * 60)
    assert session.expired(idle_minutes=30, now=1000.0 + 60 * 60)


def test_admins_may_use_curator_pages_but_not_the_reverse():
    assert StaffSession("a", "admin").allows("curator")
    assert StaffSession("c", "curator").allows("curator")
    assert not StaffSession("c", "curator").allows("admin")
