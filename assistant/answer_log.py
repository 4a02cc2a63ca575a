"""The answer log: every question and what was said, for curators to review (SQLAlchemy).

SQLite in the data dir by default, PostgreSQL (or any SQLAlchemy database) with
``MUSEUM_QA_DB_URL``. The schema is owned by the Alembic revisions in
``assistant/migrations``, applied when the log is opened. Questions are redacted (emails,
phone numbers) before they are written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import secrets
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args

from sqlalchemy import (
    JSON,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    create_engine,
    delete,
    exists,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from assistant import migrations
from assistant.answer import Answer
from assistant.audit import SYSTEM, VISITOR, record_audit
from assistant.errors import MuseumQAError
from assistant.log_base import Base
from assistant.redact import REDACTED_TOKEN, find_personal_data, redact, scrub_fragments

try:  # POSIX: the spool is shared by every process using this data dir
    import fcntl
except ImportError:  # pragma: no cover - Windows: one process at a time
    fcntl = None  # type: ignore[assignment]

logger = logging.getLogger(__name__)

# Rows of the spool are replayed in pages of this many.
DRAIN_PAGE = 500
# Random bytes in an answer's public id (hex, twice as many characters): unguessable, and
# unlike the row id it says nothing about how many questions were asked.
PUBLIC_ID_BYTES = 12

Verdict = Literal["correct", "incorrect", "needs_source"]
VERDICTS: tuple[str, ...] = get_args(Verdict)
# A work item's status; every item starts "open", and reopening is a change back to it.
ItemStatus = Literal["open", "in_progress", "resolved", "wont_fix"]
ITEM_STATUSES: tuple[str, ...] = get_args(ItemStatus)
# Why an item was filed: a visitor's flag, or a curator's verdict that calls for work.
FLAG_REASON = "flag"
WORK_VERDICTS = ("incorrect", "needs_source")


class StaleItemError(MuseumQAError):
    """A work item changed since the curator saw it (another curator saved first)."""


class AnswerRow(Base):
    """One answered (or refused) question, and a curator's review of it."""

    __tablename__ = "answers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # What visitors are given (X-Answer-Id); rows logged before it have none.
    public_id: Mapped[str | None] = mapped_column(
        String(32), nullable=True, index=True, unique=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    question: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(16), index=True)
    answer: Mapped[str] = mapped_column(Text)
    refusal_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    model: Mapped[str] = mapped_column(String(200))
    sentences: Mapped[Any] = mapped_column(JSON)
    citations: Mapped[Any] = mapped_column(JSON)
    dropped: Mapped[Any] = mapped_column(JSON)
    retrieved: Mapped[Any] = mapped_column(JSON)
    premise_issues: Mapped[Any] = mapped_column(JSON)
    timings_ms: Mapped[Any] = mapped_column(JSON)
    warnings: Mapped[Any] = mapped_column(JSON)
    trace: Mapped[Any] = mapped_column(JSON, nullable=True)  # the answer path's decisions
    language: Mapped[str | None] = mapped_column(String(8), nullable=True, index=True)
    n_dropped: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    top_score: Mapped[float | None] = mapped_column(Float, nullable=True)
    review_verdict: Mapped[str | None] = mapped_column(String(16), nullable=True, index=True)
    review_note: Mapped[str | None] = mapped_column(Text, nullable=True)
    reviewed_by: Mapped[str | None] = mapped_column(String(80), nullable=True)
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class FlagRow(Base):
    """A visitor's "this looks wrong" on one answer."""

    __tablename__ = "flags"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    comment: Mapped[str] = mapped_column(Text, default="", server_default="")


class WorkItemRow(Base):
    """Work for curators on one answer (the question, answer, sources and trace are its row)."""

    __tablename__ = "work_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    answer_id: Mapped[int] = mapped_column(
        ForeignKey("answers.id", ondelete="CASCADE"), index=True, unique=True
    )
    reason: Mapped[str] = mapped_column(String(16))  # what filed it: FLAG_REASON or a verdict
    status: Mapped[str] = mapped_column(String(16), index=True)
    assignee: Mapped[str | None] = mapped_column(String(80), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    # Raised by every change: a curator's save names the version they saw (optimistic check).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class ItemEventRow(Base):
    """One thing that happened to a work item; rows are only ever added."""

    __tablename__ = "item_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("work_items.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str | None] = mapped_column(String(80), nullable=True)  # None: a visitor
    action: Mapped[str] = mapped_column(String(16))  # opened, reported, status, assignee
    value: Mapped[str | None] = mapped_column(String(80), nullable=True)


def _file_item(session: Session, answer_id: int, reason: str, actor: str | None) -> int:
    """Open a work item on the answer, or note the new report on the one it has.

    A second report never makes a second item and never changes the item's status: a
    resolved item stays resolved until a curator reopens it.

    Returns:
        The item's id.

    """
    now = dt.datetime.now(dt.UTC)
    item = session.scalar(select(WorkItemRow).where(WorkItemRow.answer_id == answer_id))
    action = "reported"
    if item is None:
        try:
            with session.begin_nested():
                item = WorkItemRow(
                    answer_id=answer_id,
                    reason=reason,
                    status="open",
                    created_at=now,
                    updated_at=now,
                    version=1,
                )
                session.add(item)
            action = "opened"
        except IntegrityError:  # filed at the same moment by another session: use that one
            item = session.scalar(select(WorkItemRow).where(WorkItemRow.answer_id == answer_id))
            assert item is not None
    session.add(ItemEventRow(item_id=item.id, at=now, actor=actor, action=action, value=reason))
    return int(item.id)


def _item_dict(item: WorkItemRow, answer: AnswerRow) -> dict[str, Any]:
    return {
        "id": item.id,
        "answer_id": item.answer_id,
        "reason": item.reason,
        "status": item.status,
        "assignee": item.assignee,
        "created_at": _utc(item.created_at),
        "updated_at": _utc(item.updated_at),
        "version": item.version,
        "question": answer.question,
        "outcome": answer.outcome,
    }


@dataclass(frozen=True)
class LogFilter:
    """What the curator table shows; every criterion is optional."""

    since: dt.datetime | None = None
    until: dt.datetime | None = None
    outcomes: tuple[str, ...] = ()
    flagged: bool = False
    has_dropped: bool = False
    low_support_below: float | None = None
    review: str | None = None  # a verdict, or "unreviewed"
    text: str = ""
    limit: int = 5000


def top_score(
    outcome: str, citations: list[dict[str, Any]], retrieved: list[dict[str, Any]]
) -> float | None:
    """How well the evidence matched: the best relevance among passages of cited sources.

    For a refusal, the best relevance of anything retrieved (how near the collection came).

    Returns:
        The score rounded to 4 places, or None when nothing was retrieved.

    """
    if outcome == "refused":
        scores = [float(r.get("score", 0.0)) for r in retrieved]
    else:
        cited = {c.get("source_id") for c in citations}
        scores = [float(r.get("score", 0.0)) for r in retrieved if r.get("source_id") in cited]
    return round(max(scores), 4) if scores else None


def new_public_id() -> str:
    """A fresh public id for an answer: random hex, so ids reveal no count or order."""
    return secrets.token_hex(PUBLIC_ID_BYTES)


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    # SQLite hands back naive datetimes; everything is written in UTC.
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class _Redaction:
    """What a record's texts are cleaned of: the personal data its conversation held."""

    found: tuple[str, ...]  # what find_personal_data found in the question and its history
    regions: tuple[str, ...]

    def said(self, text: str) -> str:
        """Text a visitor typed or was shown: patterns, and the found items where they recur."""
        text = redact(text, self.regions)
        for item in self.found:
            text = text.replace(item, REDACTED_TOKEN)
        return text

    def derived(self, text: str) -> str:
        """Text built from the visitor's words (a refusal reason, a trace detail).

        It may list them one by one ("do not mention jane, doe, example, com"), so the
        pieces of every found item go too, not just the items whole.
        """
        return scrub_fragments(redact(text, self.regions), self.found)

    def deep(self, value: Any) -> Any:
        """``derived`` applied to every string inside lists and dicts (a trace)."""
        if isinstance(value, str):
            return self.derived(value)
        if isinstance(value, list):
            return [self.deep(v) for v in value]
        if isinstance(value, dict):
            return {k: self.deep(v) for k, v in value.items()}
        return value


def _redacted(
    data: dict[str, Any], history: Sequence[str] = (), regions: Sequence[str] = ()
) -> dict[str, Any]:
    """A record as it may be stored: every text the visitor's words can reach, redacted.

    The one place the log cleans what it writes (rows, and the spool). The personal data is
    looked for in the question and in the conversation's earlier questions (``history``),
    which the answer path reads too: a refusal reason can name words of an earlier turn.
    The sources' own passages (``citations``, ``retrieved``) are the museum's vetted texts,
    kept as they are for the curator to audit.
    """
    found = [x for text in (data["question"], *history) for x in find_personal_data(text, regions)]
    clean = _Redaction(tuple(dict.fromkeys(found)), tuple(regions))
    data = dict(data)
    data["question"] = clean.said(data["question"])
    data["answer"] = clean.said(data.get("answer", ""))
    if data.get("refusal_reason"):
        data["refusal_reason"] = clean.derived(data["refusal_reason"])
    data["sentences"] = [{**s, "text": clean.said(s["text"])} for s in data.get("sentences", [])]
    data["dropped"] = [
        {**d, "text": clean.said(d["text"]), "reason": clean.derived(d.get("reason", ""))}
        for d in data.get("dropped", [])
    ]
    for key in ("premise_issues", "warnings", "trace"):
        data[key] = clean.deep(data.get(key) or [])
    return data


def _row(data: dict[str, Any], created_at: dt.datetime) -> AnswerRow:
    retrieved = data.get("retrieved", [])
    citations = data.get("citations", [])
    dropped = data.get("dropped", [])
    return AnswerRow(
        public_id=data.get("public_id"),
        created_at=created_at,
        question=data["question"],
        outcome=data["outcome"],
        answer=data["answer"],
        refusal_reason=data.get("refusal_reason"),
        model=data.get("model", ""),
        sentences=data.get("sentences", []),
        citations=citations,
        dropped=dropped,
        retrieved=retrieved,
        premise_issues=data.get("premise_issues", []),
        timings_ms=data.get("timings_ms", {}),
        warnings=data.get("warnings", []),
        trace=data.get("trace", []),
        language=data.get("language"),
        n_dropped=len(dropped),
        top_score=top_score(data["outcome"], citations, retrieved),
    )


def _as_dict(row: AnswerRow) -> dict[str, Any]:
    out = {c.name: getattr(row, c.name) for c in AnswerRow.__table__.columns}
    out["created_at"] = _utc(out["created_at"])
    out["reviewed_at"] = _utc(out["reviewed_at"])
    return out


class AnswerLog:
    """Store of answers. A row that cannot be written is spooled, never lost."""

    def __init__(
        self,
        url: str,
        spool: Path | None = None,
        *,
        retention_days: int = 0,
        phone_regions: Sequence[str] = (),
    ):
        """Open (and migrate) the log.

        A database that cannot be reached now is not fatal when there is a spool: rows go
        to the spool until it answers, and the first write that reaches it migrates the
        schema and replays the spool.

        Args:
            url: SQLAlchemy URL of the database.
            spool: JSON Lines file for rows that could not be written; replayed later.
            retention_days: When above 0, rows older than this are purged now.
            phone_regions: Countries whose national phone numbers are redacted
                (``settings.phone_regions``); numbers with a country code always are.

        """
        parsed = make_url(url)
        connect_args: dict[str, Any] = {}
        if parsed.get_backend_name() == "sqlite" and parsed.database:
            with contextlib.suppress(OSError):  # a read-only place fails below, clearly
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        elif parsed.get_driver_name() in {"psycopg", "psycopg2"} and (
            "connect_timeout" not in parsed.query
        ):
            connect_args["connect_timeout"] = 5  # an unreachable host must not hang a visitor
        # pre_ping: a pooled connection to a database that restarted is replaced, not used.
        self.engine: Engine = create_engine(
            url, future=True, pool_pre_ping=True, connect_args=connect_args
        )
        self.spool = spool
        self.phone_regions = tuple(phone_regions)
        self.ready = False
        try:
            self._migrate()
        except DBAPIError as exc:
            if spool is None:
                raise
            logger.warning("answer log unavailable, spooling to %s: %s", spool, exc)
            return
        if retention_days > 0:
            self.purge(retention_days)
        try:
            self._drain_spool()
        except Exception as exc:  # the database went away just now, or the spool is unreadable
            logger.warning("answer-log spool not replayed yet: %s", exc)

    def _migrate(self) -> None:
        if not self.ready:
            migrations.upgrade_to_head(self.engine)
            self.ready = True

    # -- writing -----------------------------------------------------------------------------

    def record(self, answer: Answer, history: Sequence[str] = ()) -> int | None:
        """Write one answer; on failure append it to the spool file and return None.

        ``history``: the conversation's earlier questions, oldest first. They are not stored;
        the personal data in them is redacted from what is (see ``_redacted``).

        Raises:
            OSError: The database failed and the spool could not be written either.

        """
        data = _redacted(answer.to_record(), history, self.phone_regions)
        row = _row(data, dt.datetime.now(dt.UTC))
        try:
            self._migrate()
            self._drain_spool()
            with Session(self.engine) as session, session.begin():
                session.add(row)
                session.flush()
                return int(row.id)
        except Exception as exc:
            if self.spool is None:
                raise
            logger.warning("answer log unavailable, spooling to %s: %s", self.spool, exc)
            data["created_at"] = row.created_at.isoformat()
            with self._spool_lock(), self.spool.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(data, ensure_ascii=False) + "\n")
                fh.flush()
                os.fsync(fh.fileno())
            return None

    @contextlib.contextmanager
    def _spool_lock(self) -> Iterator[None]:
        """Hold the spool for this process alone (appends and replays never interleave)."""
        assert self.spool is not None
        self.spool.parent.mkdir(parents=True, exist_ok=True)
        with self.spool.with_name(self.spool.name + ".lock").open("a") as lock:
            if fcntl is not None:
                fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                if fcntl is not None:
                    fcntl.flock(lock, fcntl.LOCK_UN)

    def _drain_spool(self) -> None:
        """Replay the spool into the database, each row exactly once, then remove it.

        Under the spool lock, so a row appended meanwhile is neither lost nor replayed
        twice. A row already in the database (the process died after the commit but before
        the spool was removed) is skipped: the same question at the same microsecond. A line
        that is not JSON (cut short by a full disk) is moved aside to ``<spool>.rejected``.
        """
        if self.spool is None or not self.spool.exists():
            return
        with self._spool_lock():
            if not self.spool.exists():
                return
            rows: list[dict[str, Any]] = []
            bad: list[str] = []
            for line in self.spool.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                try:
                    d = _redacted(json.loads(line), (), self.phone_regions)
                    d["created_at"] = dt.datetime.fromisoformat(d["created_at"])
                    rows.append(d)
                except (ValueError, KeyError, TypeError):
                    bad.append(line)
            with Session(self.engine) as session, session.begin():
                for start in range(0, len(rows), DRAIN_PAGE):
                    page = rows[start : start + DRAIN_PAGE]
                    stamps = [d["created_at"] for d in page]
                    there = {
                        (_utc(at), question)
                        for at, question in session.execute(
                            select(AnswerRow.created_at, AnswerRow.question).where(
                                AnswerRow.created_at.in_(stamps)
                            )
                        )
                    }
                    for d in page:
                        if (d["created_at"], d["question"]) not in there:
                            session.add(_row(d, d["created_at"]))
            if bad:
                logger.error("%d unreadable answer-log spool line(s) kept aside", len(bad))
                rejected = self.spool.with_name(self.spool.name + ".rejected")
                with rejected.open("a", encoding="utf-8") as fh:
                    fh.write("\n".join(bad) + "\n")
            self.spool.unlink()

    def flag(self, answer_id: int, comment: str = "") -> int:
        """Record a visitor's "this looks wrong" on an answer; returns the flag's id.

        Raises:
            KeyError: No answer has that id.

        """
        with Session(self.engine) as session, session.begin():
            if session.get(AnswerRow, answer_id) is None:
                raise KeyError(answer_id)
            flag = FlagRow(
                answer_id=answer_id,
                created_at=dt.datetime.now(dt.UTC),
                comment=redact(comment.strip(), self.phone_regions)[:2000],
            )
            session.add(flag)
            session.flush()
            item_id = _file_item(session, answer_id, FLAG_REASON, None)
            # The comment stays in the log (and goes with its answer); the trail has no text.
            record_audit(
                session,
                VISITOR,
                "flag.add",
                f"answer:{answer_id}",
                {"flag": int(flag.id), "item": item_id},
            )
            return int(flag.id)

    def review(self, answer_id: int, verdict: str, note: str, reviewer: str) -> None:
        """Store a curator's verdict on an answer (the latest review replaces the previous).

        An "incorrect" or "needs a source" verdict files a work item on the answer.

        Raises:
            ValueError: ``verdict`` is not one of ``VERDICTS``.
            KeyError: No answer has that id.

        """
        if verdict not in VERDICTS:
            raise ValueError(f"verdict must be one of {', '.join(VERDICTS)}")
        with Session(self.engine) as session, session.begin():
            row = session.get(AnswerRow, answer_id)
            if row is None:
                raise KeyError(answer_id)
            # The note's text stays in the log: it may quote the visitor, and the trail
            # outlives the log's retention. The trail says whether there was one.
            details: dict[str, Any] = {
                "verdict": verdict,
                "previous": row.review_verdict,
                "with_note": bool(note.strip()),
            }
            row.review_verdict = verdict
            row.review_note = note.strip()
            row.reviewed_by = reviewer
            row.reviewed_at = dt.datetime.now(dt.UTC)
            if verdict in WORK_VERDICTS:
                details["item"] = _file_item(session, answer_id, verdict, reviewer)
            record_audit(session, reviewer, "review.set", f"answer:{answer_id}", details)

    def purge(
        self, older_than_days: int, now: dt.datetime | None = None, *, actor: str = SYSTEM
    ) -> int:
        """Delete answers (and their flags) older than the retention period; returns how many.

        The audit trail is kept: its rows hold no visitor's words (see ``assistant.audit``),
        and it records the purge itself, by ``actor``, when anything was deleted.
        """
        cutoff = (now or dt.datetime.now(dt.UTC)) - dt.timedelta(days=older_than_days)
        old = select(AnswerRow.id).where(AnswerRow.created_at < cutoff)
        with Session(self.engine) as session, session.begin():
            # Explicitly, because SQLite does not enforce ON DELETE CASCADE by default.
            items = select(WorkItemRow.id).where(WorkItemRow.answer_id.in_(old))
            session.execute(delete(ItemEventRow).where(ItemEventRow.item_id.in_(items)))
            session.execute(delete(WorkItemRow).where(WorkItemRow.answer_id.in_(old)))
            session.execute(delete(FlagRow).where(FlagRow.answer_id.in_(old)))
            result = session.execute(delete(AnswerRow).where(AnswerRow.created_at < cutoff))
            removed = int(result.rowcount or 0)  # type: ignore[attr-defined]
            if removed:
                record_audit(
                    session,
                    actor,
                    "log.purge",
                    "log:answers",
                    {"older_than_days": older_than_days, "answers": removed},
                )
            return removed

    # -- reading -----------------------------------------------------------------------------

    def count(self) -> int:
        """Number of logged answers."""
        with Session(self.engine) as session:
            return int(session.scalar(select(func.count()).select_from(AnswerRow)) or 0)

    def recent(self, limit: int = 50) -> list[dict[str, Any]]:
        """Newest rows first, as plain dicts."""
        with Session(self.engine) as session:
            rows = session.scalars(select(AnswerRow).order_by(AnswerRow.id.desc()).limit(limit))
            return [_as_dict(r) for r in rows]

    def get(self, answer_id: int) -> dict[str, Any] | None:
        """One row with its flags (``flags``: list of ``created_at``/``comment`` dicts)."""
        with Session(self.engine) as session:
            row = session.get(AnswerRow, answer_id)
            if row is None:
                return None
            out = _as_dict(row)
            flags = session.scalars(
                select(FlagRow).where(FlagRow.answer_id == answer_id).order_by(FlagRow.id)
            )
            out["flags"] = [{"created_at": _utc(f.created_at), "comment": f.comment} for f in flags]
            return out

    def search(self, where: LogFilter) -> list[dict[str, Any]]:
        """Rows matching the filter, newest first, each with ``n_flags``."""
        n_flags = (
            select(func.count(FlagRow.id))
            .where(FlagRow.answer_id == AnswerRow.id)
            .correlate(AnswerRow)
            .scalar_subquery()
        )
        query = select(AnswerRow, n_flags.label("n_flags"))
        if where.since is not None:
            query = query.where(AnswerRow.created_at >= where.since)
        if where.until is not None:
            query = query.where(AnswerRow.created_at < where.until)
        if where.outcomes:
            query = query.where(AnswerRow.outcome.in_(where.outcomes))
        if where.flagged:
            query = query.where(exists().where(FlagRow.answer_id == AnswerRow.id))
        if where.has_dropped:
            query = query.where(AnswerRow.n_dropped > 0)
        if where.low_support_below is not None:
            query = query.where(
                AnswerRow.outcome != "refused",
                or_(AnswerRow.top_score.is_(None), AnswerRow.top_score < where.low_support_below),
            )
        if where.review == "unreviewed":
            query = query.where(AnswerRow.review_verdict.is_(None))
        elif where.review:
            query = query.where(AnswerRow.review_verdict == where.review)
        if where.text.strip():
            needle = where.text.strip().lower()
            # autoescape: a visitor's "%" or "_" is text to find, not a wildcard. An answer's
            # public id (the API's X-Answer-Id, quoted in a report) finds that answer.
            query = query.where(
                or_(
                    func.lower(AnswerRow.question).contains(needle, autoescape=True),
                    func.lower(AnswerRow.answer).contains(needle, autoescape=True),
                    AnswerRow.public_id == needle,
                )
            )
        query = query.order_by(AnswerRow.id.desc()).limit(where.limit)
        with Session(self.engine) as session:
            return [{**_as_dict(row), "n_flags": int(n)} for row, n in session.execute(query)]

    def reviewed(
        self, since: dt.datetime | None = None, until: dt.datetime | None = None
    ) -> list[dict[str, Any]]:
        """Answers with a curator's verdict, reviewed in [since, until), oldest review first.

        By the review's time, not the question's: an answer asked months ago and reviewed
        today is new work for whoever turns reviews into eval cases.
        """
        query = select(AnswerRow).where(AnswerRow.review_verdict.is_not(None))
        if since is not None:
            query = query.where(AnswerRow.reviewed_at >= since)
        if until is not None:
            query = query.where(AnswerRow.reviewed_at < until)
        query = query.order_by(AnswerRow.reviewed_at, AnswerRow.id)
        with Session(self.engine) as session:
            return [_as_dict(row) for row in session.scalars(query)]

    # -- the work list -----------------------------------------------------------------------

    def work_items(
        self, status: str | None = None, assignee: str | None = None, limit: int = 1000
    ) -> list[dict[str, Any]]:
        """Work items, newest first, each with its answer's question and outcome.

        Args:
            status: Only items with this status (one of ``ITEM_STATUSES``); None: any.
            assignee: Only items this user is on; "" for items nobody is on; None: anyone's.
            limit: At most this many items.

        Raises:
            ValueError: ``status`` is not one of ``ITEM_STATUSES``.

        """
        query = select(WorkItemRow, AnswerRow).join(
            AnswerRow, AnswerRow.id == WorkItemRow.answer_id
        )
        if status is not None:
            _check_status(status)
            query = query.where(WorkItemRow.status == status)
        if assignee == "":
            query = query.where(WorkItemRow.assignee.is_(None))
        elif assignee is not None:
            query = query.where(WorkItemRow.assignee == assignee)
        query = query.order_by(WorkItemRow.id.desc()).limit(limit)
        with Session(self.engine) as session:
            return [_item_dict(item, answer) for item, answer in session.execute(query)]

    def work_item(self, item_id: int) -> dict[str, Any] | None:
        """One work item with its history (``events``: oldest first), or None."""
        with Session(self.engine) as session:
            item = session.get(WorkItemRow, item_id)
            if item is None:
                return None
            answer = session.get(AnswerRow, item.answer_id)
            assert answer is not None  # items go with their answer (purge deletes both)
            out = _item_dict(item, answer)
            events = session.scalars(
                select(ItemEventRow)
                .where(ItemEventRow.item_id == item_id)
                .order_by(ItemEventRow.id)
            )
            out["events"] = [
                {"at": _utc(e.at), "actor": e.actor, "action": e.action, "value": e.value}
                for e in events
            ]
            return out

    def update_item(
        self, item_id: int, *, status: str, assignee: str | None, actor: str, seen_version: int
    ) -> int:
        """Change an item's status and who is on it, if nobody changed it since it was seen.

        Each change is recorded in the item's history with ``actor`` and the time.

        Args:
            item_id: The item.
            status: Its new status (one of ``ITEM_STATUSES``; the same one keeps it).
            assignee: The user name now on it, or None for nobody.
            actor: The signed-in curator making the change.
            seen_version: The ``version`` the curator's screen showed.

        Returns:
            The item's version after the change (unchanged when nothing changed).

        Raises:
            ValueError: ``status`` is not one of ``ITEM_STATUSES``.
            KeyError: No item has that id.
            StaleItemError: The item changed since ``seen_version``; nothing was written.

        """
        _check_status(status)
        assignee = (assignee or "").strip() or None
        now = dt.datetime.now(dt.UTC)
        with Session(self.engine) as session, session.begin():
            item = session.get(WorkItemRow, item_id)
            if item is None:
                raise KeyError(item_id)
            if item.version != seen_version:
                raise StaleItemError(f"work item {item_id} changed since version {seen_version}")
            changes = [
                (action, new)
                for action, old, new in (
                    ("status", item.status, status),
                    ("assignee", item.assignee, assignee),
                )
                if old != new
            ]
            if not changes:
                return seen_version
            # The version in the WHERE makes the check and the write one step: of two curators
            # who saw the same version, the second one's update matches no row.
            done = session.execute(
                update(WorkItemRow)
                .where(WorkItemRow.id == item_id, WorkItemRow.version == seen_version)
                .values(status=status, assignee=assignee, updated_at=now, version=seen_version + 1)
                .execution_options(synchronize_session=False)
            )
            if not done.rowcount:  # type: ignore[attr-defined]
                raise StaleItemError(f"work item {item_id} changed since version {seen_version}")
            for action, value in changes:
                session.add(
                    ItemEventRow(item_id=item_id, at=now, actor=actor, action=action, value=value)
                )
            record_audit(
                session,
                actor,
                "item.update",
                f"item:{item_id}",
                {
                    "answer": item.answer_id,
                    "version": seen_version + 1,
                    **{action: value for action, value in changes},
                },
                staff=("assignee",),
            )
            return seen_version + 1

    def item_counts(self) -> dict[str, int]:
        """How many work items have each status (every status listed, in ``ITEM_STATUSES``)."""
        query = select(WorkItemRow.status, func.count()).group_by(WorkItemRow.status)
        with Session(self.engine) as session:
            found = {str(s): int(n) for s, n in session.execute(query)}
        return {s: found.get(s, 0) for s in ITEM_STATUSES}


def _check_status(status: str) -> None:
    if status not in ITEM_STATUSES:
        raise ValueError(f"status must be one of {', '.join(ITEM_STATUSES)}")
