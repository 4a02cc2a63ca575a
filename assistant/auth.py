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
from typing import Any, Literal, get_args

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Boolean, DateTime, Integer, String, create_engine, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from assistant import migrations
from assistant.answer_log import Base
from assistant.audit import SYSTEM, VISITOR, record_audit
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


class StaleAccountError(AccountError):
    """The account changed since the admin saw it (another admin saved first)."""


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
    # Raised by every change: an admin's change names the version they saw (optimistic check).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


@dataclass(frozen=True)
class User:
    """A staff account as the app sees it (never with its hash)."""

    name: str
    role: str
    disabled: bool = False
    version: int = 1


def _user(row: UserRow) -> User:
    return User(row.name, row.role, bool(row.disabled), int(row.version))


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

    def add(self, name: str, password: str, role: str = "curator", *, actor: str = SYSTEM) -> User:
        """Create an account (audited as ``account.add`` by ``actor``).

        Raises:
            AccountError: Bad name or role, weak password, or the name is taken.

        """
        name = name.strip()
        if not _NAME.fullmatch(name):
            raise AccountError("a user name is 1-80 letters, digits, '.', '@', '_' or '-'")
        _check_role(role)
        check_password(password)
        taken = AccountError(f"there is already a user named {name!r}")
        try:
            with Session(self.engine) as session, session.begin():
                if session.scalar(select(UserRow).where(UserRow.name == name)) is not None:
                    raise taken
                session.add(
                    UserRow(
                        name=name,
                        password_hash=_hasher.hash(password),
                        role=role,
                        created_at=dt.datetime.now(dt.UTC),
                        disabled=False,
                        version=1,
                    )
                )
                record_audit(session, actor, "account.add", f"user:{name}", {"role": role})
        except IntegrityError as exc:  # added at the same moment by another admin
            raise taken from exc
        return User(name, role)

    def change(
        self,
        name: str,
        *,
        actor: str = SYSTEM,
        password: str | None = None,
        disabled: bool | None = None,
        role: str | None = None,
        seen_version: int | None = None,
    ) -> int:
        """Change an account's password, access or role at once (None keeps it as it is).

        Each change is audited (``account.password``, ``account.disable``/``enable``,
        ``account.role``) by ``actor`` in the same transaction; the password never is.

        Args:
            name: The account.
            actor: Who changes it: a staff name, or ``"cli:<os user>"``.
            password: A new password.
            disabled: True to stop the account signing in, False to allow it again.
            role: A new role (one of ``ROLES``).
            seen_version: The ``version`` the admin's screen showed; None: no check.

        Returns:
            The account's version after the change.

        Raises:
            AccountError: Unknown name, weak password or bad role.
            StaleAccountError: The account changed since ``seen_version``; nothing written.

        """
        if password is not None:
            check_password(password)
        if role is not None:
            _check_role(role)
        with Session(self.engine) as session, session.begin():
            row = self._row(session, name)
            if seen_version is not None and row.version != seen_version:
                raise StaleAccountError(_stale(row))
            events: list[tuple[str, dict[str, Any]]] = []
            values: dict[str, Any] = {}
            if password is not None:
                values["password_hash"] = _hasher.hash(password)
                events.append(("account.password", {}))
            if disabled is not None and disabled != bool(row.disabled):
                values["disabled"] = disabled
                events.append(("account.disable" if disabled else "account.enable", {}))
            if role is not None and role != row.role:
                values["role"] = role
                events.append(("account.role", {"role": role, "previous": row.role}))
            if not values:
                return int(row.version)
            # The version in the WHERE makes the check and the write one step: of two admins
            # who saw the same version, the second one's update matches no row.
            done = session.execute(
                update(UserRow)
                .where(UserRow.id == row.id, UserRow.version == row.version)
                .values(**values, version=row.version + 1)
                .execution_options(synchronize_session=False)
            )
            if not done.rowcount:  # type: ignore[attr-defined]
                raise StaleAccountError(f"{row.name!r} was changed by someone else meanwhile")
            for action, details in events:
                record_audit(session, actor, action, f"user:{row.name}", details)
            return int(row.version) + 1

    def set_password(self, name: str, password: str, *, actor: str = SYSTEM) -> None:
        """Replace an account's password (raises ``AccountError`` for an unknown name)."""
        self.change(name, actor=actor, password=password)

    def set_disabled(self, name: str, disabled: bool, *, actor: str = SYSTEM) -> None:
        """Disable (or re-enable) an account; a disabled account cannot sign in."""
        self.change(name, actor=actor, disabled=disabled)

    def set_role(self, name: str, role: str, *, actor: str = SYSTEM) -> None:
        """Make an account a curator or an admin."""
        self.change(name, actor=actor, role=role)

    def get(self, name: str) -> User | None:
        """One account, or None (a page checks its session's account is still as it was)."""
        with Session(self.engine) as session:
            row = session.scalar(select(UserRow).where(UserRow.name == name.strip()))
            return None if row is None else _user(row)

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
            # Not audited: refused without a password check, so as cheap as a request, and
            # the trail cannot be pruned. The wrong passwords that caused the pause were.
            return None
        with Session(self.engine) as session, session.begin():
            row = session.scalar(select(UserRow).where(UserRow.name == name.strip()))
            try:
                _hasher.verify(row.password_hash if row else _dummy_hash(), password)
            except (VerificationError, InvalidHashError):
                self.throttle.failed(name)
                _failed_sign_in(session, row, "wrong_password")
                return None
            if row is None or row.disabled:
                self.throttle.failed(name)
                _failed_sign_in(session, row, "disabled")
                return None
            self.throttle.succeeded(name)
            record_audit(session, row.name, "signin.ok", f"user:{row.name}")
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


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise AccountError(f"the role must be one of: {', '.join(ROLES)}")


def _stale(row: UserRow) -> str:
    state = "disabled" if row.disabled else "active"
    return f"{row.name!r} was changed by someone else meanwhile (now {row.role}, {state})"


def _failed_sign_in(session: Session, row: UserRow | None, reason: str) -> None:
    """Audit a refused sign-in, by a visitor (nobody is signed in), never with the password.

    A name that is no account is not written down: people type their password in the
    name box by mistake.
    """
    target = f"user:{row.name}" if row is not None else "user:?"
    record_audit(session, VISITOR, "signin.fail", target, {"reason": reason})


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
