"""Curator review: visitor flags, review verdicts, and columns the review filters use.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_BATCH = 500


def _top_score(outcome: str, citations: Any, retrieved: Any) -> float | None:
    # A frozen copy of the log's rule (migrations must not change when app code does):
    # the best relevance among passages of cited sources; for a refusal, the best overall.
    retrieved = retrieved or []
    if outcome == "refused":
        scores = [float(r.get("score", 0.0)) for r in retrieved]
    else:
        cited = {c.get("source_id") for c in citations or []}
        scores = [float(r.get("score", 0.0)) for r in retrieved if r.get("source_id") in cited]
    return round(max(scores), 4) if scores else None


def upgrade() -> None:
    """Add the review columns and the flags table, and fill the columns for existing rows."""
    with op.batch_alter_table("answers") as batch:
        batch.add_column(sa.Column("n_dropped", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("top_score", sa.Float(), nullable=True))
        batch.add_column(sa.Column("review_verdict", sa.String(16), nullable=True))
        batch.add_column(sa.Column("review_note", sa.Text(), nullable=True))
        batch.add_column(sa.Column("reviewed_by", sa.String(80), nullable=True))
        batch.add_column(sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_answers_review_verdict", "answers", ["review_verdict"])
    op.create_table(
        "flags",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "answer_id",
            sa.Integer(),
            sa.ForeignKey("answers.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False, server_default=""),
    )
    op.create_index("ix_flags_answer_id", "flags", ["answer_id"])

    answers = sa.table(
        "answers",
        sa.column("id", sa.Integer()),
        sa.column("outcome", sa.String()),
        sa.column("citations", sa.JSON()),
        sa.column("retrieved", sa.JSON()),
        sa.column("dropped", sa.JSON()),
        sa.column("n_dropped", sa.Integer()),
        sa.column("top_score", sa.Float()),
    )
    conn = op.get_bind()
    last = 0
    while True:  # in batches, so a large log is not read into memory at once
        rows = conn.execute(
            sa.select(
                answers.c.id,
                answers.c.outcome,
                answers.c.citations,
                answers.c.retrieved,
                answers.c.dropped,
            )
            .where(answers.c.id > last)
            .order_by(answers.c.id)
            .limit(_BATCH)
        ).all()
        if not rows:
            break
        for row in rows:
            conn.execute(
                sa.update(answers)
                .where(answers.c.id == row.id)
                .values(
                    n_dropped=len(row.dropped or []),
                    top_score=_top_score(row.outcome, row.citations, row.retrieved),
                )
            )
        last = rows[-1].id


def downgrade() -> None:
    """Drop the flags table and the review columns."""
    op.drop_index("ix_flags_answer_id", table_name="flags")
    op.drop_table("flags")
    op.drop_index("ix_answers_review_verdict", table_name="answers")
    with op.batch_alter_table("answers") as batch:
        for name in (
            "reviewed_at",
            "reviewed_by",
            "review_note",
            "review_verdict",
            "top_score",
            "n_dropped",
        ):
            batch.drop_column(name)
