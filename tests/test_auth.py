import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.answer_log import AnswerLog
from assistant.auth import (
    LOCK_AFTER,
    LOCK_MAX_SECONDS,
    LOCK_SECONDS,
    AccountError,
    LoginThrottle,
    StaffSession,
    UserRow,
    UserStore,
)


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


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def clocked(users):
    clock = Clock()
    users.throttle = LoginThrottle(clock=clock)
    users.add("ada", "correct horse battery")
    users.add("grace", "another long password")
    return users, clock


def guess(users, name, times):
    for i in range(times):
        assert users.authenticate(name, f"guess number {i}") is None


def test_brute_force_pauses_the_account_even_for_the_right_password(clocked):
    users, clock = clocked
    guess(users, "ada", LOCK_AFTER - 1)
    assert users.retry_after("ada") == 0
    guess(users, "ada", 1)
    assert users.retry_after("ada") == pytest.approx(LOCK_SECONDS)
    assert users.authenticate("ada", "correct horse battery") is None  # paused: not even checked
    clock.now += LOCK_SECONDS - 1
    assert users.authenticate("ada", "correct horse battery") is None
    clock.now += 1
    assert users.authenticate("ada", "correct horse battery") is not None
    assert users.retry_after("ada") == 0


def test_each_further_wrong_password_doubles_the_pause_up_to_a_ceiling(clocked):
    users, clock = clocked
    pauses = []
    for _ in range(12):
        guess(users, "ada", 1)
        pauses.append(users.retry_after("ada"))
        clock.now += users.retry_after("ada")  # the guesser waits out each pause
    assert pauses[: LOCK_AFTER - 1] == [0] * (LOCK_AFTER - 1)
    assert pauses[LOCK_AFTER - 1 : LOCK_AFTER + 2] == [30.0, 60.0, 120.0]
    assert max(pauses) == LOCK_MAX_SECONDS and pauses[-1] == LOCK_MAX_SECONDS
    # A guesser gets about a dozen tries in the first hour, not thousands.
    assert sum(pauses) > 3600


def test_a_right_password_resets_the_count(clocked):
    users, _ = clocked
    guess(users, "ada", LOCK_AFTER - 1)
    assert users.authenticate("ada", "correct horse battery") is not None
    guess(users, "ada", LOCK_AFTER - 1)
    assert users.retry_after("ada") == 0


def test_unknown_names_are_paused_alike_and_other_accounts_are_unaffected(clocked):
    users, _ = clocked
    guess(users, "nobody", LOCK_AFTER)
    guess(users, "ada", LOCK_AFTER)
    assert users.retry_after("nobody") == users.retry_after("ada") == LOCK_SECONDS
    assert users.authenticate("grace", "another long password") is not None


def test_the_count_is_per_store_not_per_session(users):
    # The app keeps one store per process; a new browser session does not reset it.
    users.add("ada", "correct horse battery")
    guess(users, " ada ", LOCK_AFTER)  # the same name, however it is padded
    assert users.retry_after("ada") > 0
    assert users.authenticate("ada", "correct horse battery") is None
