"""The answer log: every question and what was said, for curators to review (SQLAlchemy)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    Integer,
    String,
    Text,
    create_engine,
    func,
    select,
)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from assistant.answer import Answer


class Base(DeclarativeBase):
    """Declarative base of the log tables."""


class AnswerRow(Base):
    """One answered (or refused) question."""

    __tablename__ = "answers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
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


class AnswerLog:
    """Append-only store of answers. A row that cannot be written is spooled, never lost."""

    def __init__(self, url: str, spool: Path | None = None):
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = create_engine(url, future=True)
        Base.metadata.create_all(self.engine)
        self.spool = spool

    def record(self, answer: Answer) -> int | None:
        """Write one answer; on failure append it to the spool file and return None."""
        data = answer.to_record()
        row = AnswerRow(
            created_at=dt.datetime.now(dt.UTC),
            question=answer.question,
            outcome=answer.outcome,
            answer=answer.answer,
            refusal_reason=answer.refusal_reason,
            model=answer.model,
            sentences=data["sentences"],
            citations=data["citations"],
            dropped=data["dropped"],
            retrieved=data["retrieved"],
            premise_issues=data["premise_issues"],
            timings_ms=answer.timings_ms,
            warnings=answer.warnings,
        )
        try:
            self._drain_spool()
            with Session(self.engine) as session, session.begin():
                session.add(row)
                session.flush()
                return int(row.id)
        except Exception:
            if self.spool is None:
                raise
            self.spool.parent.mkdir(parents=True, exist_ok=True)
            with self.spool.open("a", encoding="utf-8") as fh:
                data["created_at"] = row.created_at.isoformat()
                fh.write(json.dumps(data, ensure_ascii=False) + "\n")
            return None

    def _drain_spool(self) -> None:
        if self.spool is None or not self.spool.exists():
            return
        lines = [json.loads(x) for x in self.spool.read_text(encoding="utf-8").splitlines() if x]
        with Session(self.engine) as session, session.begin():
            for d in lines:
                session.add(
                    AnswerRow(
                        created_at=dt.datetime.fromisoformat(d["created_at"]),
                        question=d["question"],
                        outcome=d["outcome"],
                        answer=d["answer"],
                        refusal_reason=d.get("refusal_reason"),
                        model=d.get("model", ""),
                        sentences=d.get("sentences", []),
                        citations=d.get("citations", []),
                        dropped=d.get("dropped", []),
                        retrieved=d.get("retrieved", []),
                        premise_issues=d.get("premise_issues", []),
                        timings_ms=d.get("timings_ms", {}),
                        warnings=d.get("warnings", []),
                    )
                )
        self.spool.unlink()

    def count(self) -> int:
        """Number of logged answers."""
        with Session(self.engine) as session:
            return int(session.scalar(select(func.count()).select_from(AnswerRow)) or 0)

    def recent(self, limit: int = 50) -> list[dict[str, Any]]:
        """Newest rows first, as plain dicts."""
        with Session(self.engine) as session:
            rows = session.scalars(select(AnswerRow).order_by(AnswerRow.id.desc()).limit(limit))
            return [{c.name: getattr(r, c.name) for c in AnswerRow.__table__.columns} for r in rows]
