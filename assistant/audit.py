"""The audit trail: who changed what and when, in an append-only table of the log database.

Every change staff or visitors make (a review, a work item, a flag, an account, a sign-in, a
purge) adds one ``audit_events`` row in the same transaction as the change, so a change is
never without its row and a row never without its change. The database refuses to update or
delete a row (triggers made by migration 0009), so the code cannot rewrite history either.

Rows hold no personal data of visitors: the details are ids, verdicts, statuses and roles,
never free text a visitor typed, and strings in them are redacted as the log's questions are.
That is why the log's retention purge keeps them (docs/operations.md, "Audit trail").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any, Literal, get_args

from sqlalchemy import JSON, DateTime, Integer, String, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, Session, mapped_column

from assistant.log_base import Base
from assistant.redact import redact

AuditAction = Literal[
    "review.set",
    "item.update",
    "flag.add",
    "account.add",
    "account.disable",
    "account.enable",
    "account.password",
    "account.role",
    "log.purge",
    "signin.ok",
    "signin.fail",
    "note.save",
    "note.withdraw",
    "note.restore",
]
AUDIT_ACTIONS: tuple[str, ...] = get_args(AuditAction)
# Actors that are not a staff account (a staff actor is the account's name).
VISITOR = "visitor"  # someone not signed in: a visitor's flag, a failed staff sign-in
SYSTEM = "system"  # the app itself: the retention purge at start-up, scripts and tests
CLI_PREFIX = "cli:"  # "cli:<operating-system user>" for 'museum-qa users' and 'log purge'
# Keys a detail may never have: a password or its hash has no place in the trail.
FORBIDDEN_KEY_PARTS = ("password", "hash", "secret", "token")
ACTOR_CHARS = 120
TARGET_CHARS = 120


class AuditError(ValueError):
    """An audit row that may not be written (an unknown action, a secret in its details)."""


class AuditRow(Base):
    """One change: when, who, what kind, to what, and the details that say how."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    actor: Mapped[str] = mapped_column(String(ACTOR_CHARS), index=True)
    action: Mapped[str] = mapped_column(String(32), index=True)
    target: Mapped[str] = mapped_column(String(TARGET_CHARS))
    details: Mapped[Any] = mapped_column(JSON)


def _clean(value: Any, regions: Sequence[str], staff: Collection[str] = ()) -> Any:
    """``value`` with every string redacted (but ``staff`` keys), refusing secret keys."""
    if isinstance(value, str):
        return redact(value, regions)
    if isinstance(value, list | tuple):
        return [_clean(v, regions) for v in value]
    if isinstance(value, dict):
        bad = [k for k in value if any(part in str(k).lower() for part in FORBIDDEN_KEY_PARTS)]
        if bad:
            raise AuditError(f"audit details may not hold {', '.join(map(str, bad))}")
        return {
            str(k): v if k in staff and isinstance(v, str | None) else _clean(v, regions)
            for k, v in value.items()
        }
    return value


def record_audit(
    session: Session,
    actor: str,
    action: str,
    target: str,
    details: dict[str, Any] | None = None,
    *,
    regions: Sequence[str] = (),
    staff: Collection[str] = (),
) -> None:
    """Add one audit row to ``session``'s transaction (it commits or rolls back with it).

    Args:
        session: The session making the change, inside its transaction.
        actor: A staff user name, ``VISITOR``, ``SYSTEM`` or ``"cli:<os user>"``.
        action: One of ``AUDIT_ACTIONS``.
        target: What changed, as ``kind:id`` ("answer:12", "item:5", "user:ada").
        details: How it changed (ids, statuses, roles); strings are redacted of emails and
            phone numbers, and no key may name a password, hash, secret or token.
        regions: Countries whose national phone numbers are redacted (``phone_regions``).
        staff: Keys of ``details`` whose values are staff user names, kept as they are (a
            name may look like an email address, and the actor is one too).

    Raises:
        AuditError: ``action`` is not in ``AUDIT_ACTIONS``, or a detail names a secret.

    """
    if action not in AUDIT_ACTIONS:
        raise AuditError(f"unknown audit action {action!r}")
    session.add(
        AuditRow(
            at=dt.datetime.now(dt.UTC),
            actor=(actor.strip() or SYSTEM)[:ACTOR_CHARS],
            action=action,
            target=target[:TARGET_CHARS],
            details=_clean(details or {}, regions, staff),
        )
    )


@dataclass(frozen=True)
class AuditFilter:
    """Which audit rows to read; every criterion is optional."""

    actor: str | None = None
    action: str | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None


def _where(query: Any, where: AuditFilter) -> Any:
    if where.actor:
        query = query.where(AuditRow.actor == where.actor)
    if where.action:
        query = query.where(AuditRow.action == where.action)
    if where.since is not None:
        query = query.where(AuditRow.at >= where.since)
    if where.until is not None:
        query = query.where(AuditRow.at < where.until)
    return query


def _utc(value: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes; every row is written in UTC.
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


class AuditTrail:
    """Reads the audit trail (writing is ``record_audit``, inside each change's transaction)."""

    def __init__(self, engine: Engine):
        """Read from the answer log's database (``AnswerLog(url).engine``, already migrated)."""
        self.engine = engine

    def events(self, where: AuditFilter, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Matching rows, newest first, ``limit`` of them after skipping ``offset``."""
        query = _where(select(AuditRow), where).order_by(AuditRow.id.desc())
        with Session(self.engine) as session:
            rows = session.scalars(query.limit(limit).offset(offset))
            return [
                {
                    "id": r.id,
                    "at": _utc(r.at),
                    "actor": r.actor,
                    "action": r.action,
                    "target": r.target,
                    "details": r.details or {},
                }
                for r in rows
            ]

    def count(self, where: AuditFilter) -> int:
        """How many rows match."""
        query = _where(select(func.count()).select_from(AuditRow), where)
        with Session(self.engine) as session:
            return int(session.scalar(query) or 0)

    def actors(self) -> list[str]:
        """Every actor that has a row, by name (for a filter's choices)."""
        with Session(self.engine) as session:
            query = select(AuditRow.actor).distinct().order_by(AuditRow.actor)
            return [str(a) for a in session.scalars(query)]
