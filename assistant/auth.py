"""Staff accounts for curator review: argon2 password hashes, roles, idle-expiring sessions.

Accounts live in the answer-log database (table ``users``, created by the migrations), so a
PostgreSQL log shares its accounts between every machine that runs the app.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal, get_args

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Boolean, DateTime, Integer, String, create_engine, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, Session, mapped_column

from assistant import migrations
from assistant.answer_log import Base
from assistant.errors import MuseumQAError

Role = Literal["curator", "admin"]
ROLES: tuple[str, ...] = get_args(Role)
# NIST SP 800-63B asks for at least 8 characters and no composition rules; we ask a little more.
# SEE: https://pages.nist.gov/800-63-3/sp800-63b.html#memsecret
MIN_PASSWORD_CHARS = 10
_NAME = re.compile(r"[\w.@-]{1,80}")

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    # Verified when the name is unknown, so a wrong name takes as long as a wrong password.
    return _hasher.hash("not a real password")


# A brake on password guessing per account name (known or not): after LOCK_AFTER wrong
# passwords in a row the name is paused for LOCK_SECONDS, doubling with each further wrong
# password up to LOCK_MAX_SECONDS; a right password (outside a pause) resets it. Per name, not
# per browser session, so a guesser cannot reset it by opening a new session. Counters live in
# this process (one app process per deployment; several would each keep their own).
# SEE: https://pages.nist.gov/800-63-3/sp800-63b.html#throttle
LOCK_AFTER = 5
LOCK_SECONDS = 30.0
LOCK_MAX_SECONDS = 15 * 60.0
_MAX_TRACKED = 10_000  # names tracked at once; the oldest are forgotten first


class LoginThrottle:
    """Counts wrong passwords per account name and pauses names that collect too many."""

    def __init__(
        self,
        lock_after: int = LOCK_AFTER,
        base_seconds: float = LOCK_SECONDS,
        max_seconds: float = LOCK_MAX_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ):
        """Pause a name after ``lock_after`` failures, for ``base_seconds`` doubling each time."""
        self.lock_after = lock_after
        self.base_seconds = base_seconds
        self.max_seconds = max_seconds
        self.clock = clock
        self._lock = threading.Lock()
        self._state: OrderedDict[str, tuple[int, float]] = OrderedDict()  # failures, paused until

    def retry_after(self, name: str) -> float:
        """Seconds before ``name`` may try a password again (0 when it may now)."""
        with self._lock:
            _, until = self._state.get(name.strip(), (0, 0.0))
        return max(0.0, until - self.clock())

    def failed(self, name: str) -> None:
        """Record a wrong password for ``name`` (pausing it when it has too many)."""
        name = name.strip()
        with self._lock:
            failures, _ = self._state.pop(name, (0, 0.0))
            failures += 1
            until = 0.0
            if failures >= self.lock_after:
                extra = failures - self.lock_after
                pause = min(self.max_seconds, self.base_seconds * 2 ** min(extra, 32))
                until = self.clock() + pause
            self._state[name] = (failures, until)
            while len(self._state) > _MAX_TRACKED:
                self._state.popitem(last=False)

    def succeeded(self, name: str) -> None:
        """Forget the failures of ``name`` after a right password."""
        with self._lock:
            self._state.pop(name.strip(), None)


class AccountError(MuseumQAError):
    """An account cannot be created or changed as asked."""


class UserRow(Base):
    """A staff account."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    last_login_at: Mapped[dt.datetime | None] = mapped_column(
        DateTime(timezone=True), nullable=True
    )
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)


@dataclass(frozen=True)
class User:
    """A staff account as the app sees it (never with its hash)."""

    name: str
    role: str
    disabled: bool = False


def _user(row: UserRow) -> User:
    return User(row.name, row.role, bool(row.disabled))


def check_password(password: str) -> None:
    """Raise ``AccountError`` if ``password`` is too weak to accept."""
    if len(password) < MIN_PASSWORD_CHARS:
        raise AccountError(f"the password needs at least {MIN_PASSWORD_CHARS} characters")
    if not password.strip():
        raise AccountError("the password cannot be only spaces")


class UserStore:
    """Create, change and check staff accounts."""

    def __init__(self, engine: Engine):
        """Use the answer log's database (migrated to the newest schema).

        Args:
            engine: The answer log's engine (``AnswerLog(url).engine``).

        """
        migrations.upgrade_to_head(engine)
        self.engine = engine
        self.throttle = LoginThrottle()

    @classmethod
    def open(cls, url: str) -> UserStore:
        """Open the accounts of the log database at ``url``."""
        return cls(create_engine(url, future=True))

    def add(self, name: str, password: str, role: str = "curator") -> User:
        """Create an account.

        Raises:
            AccountError: Bad name or role, weak password, or the name is taken.

        """
        name = name.strip()
        if not _NAME.fullmatch(name):
            raise AccountError("a user name is 1-80 letters, digits, '.', '@', '_' or '-'")
        if role not in ROLES:
            raise AccountError(f"the role must be one of: {', '.join(ROLES)}")
        check_password(password)
        with Session(self.engine) as session, session.begin():
            if session.scalar(select(UserRow).where(UserRow.name == name)) is not None:
                raise AccountError(f"there is already a user named {name!r}")
            session.add(
                UserRow(
                    name=name,
                    password_hash=_hasher.hash(password),
                    role=role,
                    created_at=dt.datetime.now(dt.UTC),
                    disabled=False,
                )
            )
        return User(name, role)

    def set_password(self, name: str, password: str) -> None:
        """Replace an account's password (raises ``AccountError`` for an unknown name)."""
        check_password(password)
        with Session(self.engine) as session, session.begin():
            row = self._row(session, name)
            row.password_hash = _hasher.hash(password)

    def set_disabled(self, name: str, disabled: bool) -> None:
        """Disable (or re-enable) an account; a disabled account cannot sign in."""
        with Session(self.engine) as session, session.begin():
            self._row(session, name).disabled = disabled

    def users(self) -> list[User]:
        """Every account, by name."""
        with Session(self.engine) as session:
            return [_user(r) for r in session.scalars(select(UserRow).order_by(UserRow.name))]

    def authenticate(self, name: str, password: str) -> User | None:
        """The account if ``password`` is right and the account is enabled, else None.

        While ``name`` is paused after too many wrong passwords (``retry_after``), every
        password is refused, the right one too, and none is checked.
        """
        if self.throttle.retry_after(name) > 0:
            return None
        with Session(self.engine) as session, session.begin():
            row = session.scalar(select(UserRow).where(UserRow.name == name.strip()))
            try:
                _hasher.verify(row.password_hash if row else _dummy_hash(), password)
            except (VerificationError, InvalidHashError):
                self.throttle.failed(name)
                return None
            if row is None or row.disabled:
                self.throttle.failed(name)
                return None
            self.throttle.succeeded(name)
            if _hasher.check_needs_rehash(row.password_hash):
                # Parameters were raised since this hash was made; upgrade it while we can.
                row.password_hash = _hasher.hash(password)
            row.last_login_at = dt.datetime.now(dt.UTC)
            return _user(row)

    def retry_after(self, name: str) -> float:
        """Seconds before ``name`` may sign in again after too many wrong passwords (0: now)."""
        return self.throttle.retry_after(name)

    @staticmethod
    def _row(session: Session, name: str) -> UserRow:
        row = session.scalar(select(UserRow).where(UserRow.name == name.strip()))
        if row is None:
            raise AccountError(f"no user named {name!r}")
        return row


@dataclass
class StaffSession:
    """A signed-in staff member in one browser session; it ends after idle minutes."""

    name: str
    role: str
    last_seen: float = field(default_factory=time.time)

    def expired(self, idle_minutes: int, now: float | None = None) -> bool:
        """Whether more than ``idle_minutes`` passed since the last activity."""
        return ((now if now is not None else time.time()) - self.last_seen) > idle_minutes * 60

    def touch(self, now: float | None = None) -> None:
        """Record activity (each page interaction)."""
        self.last_seen = now if now is not None else time.time()

    def allows(self, role: str) -> bool:
        """Whether this session may use pages meant for ``role`` (admins may use all)."""
        return self.role == "admin" or self.role == role
