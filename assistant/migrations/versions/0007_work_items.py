"""The curators' work list: one item per answer to fix, and an append-only history of it.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create ``work_items`` (unique per answer) and ``item_events``."""
    op.create_table(
        "work_items",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "answer_id",
            sa.Integer(),
            sa.ForeignKey("answers.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("reason", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("assignee", sa.String(80), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
    )
    # Unique: at most one item per answer, even when two flags arrive at once.
    op.create_index("ix_work_items_answer_id", "work_items", ["answer_id"], unique=True)
    op.create_index("ix_work_items_status", "work_items", ["status"])
    op.create_table(
        "item_events",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "item_id",
            sa.Integer(),
            sa.ForeignKey("work_items.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(80), nullable=True),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("value", sa.String(80), nullable=True),
    )
    op.create_index("ix_item_events_item_id", "item_events", ["item_id"])


def downgrade() -> None:
    """Drop ``item_events`` and ``work_items``."""
    op.drop_index("ix_item_events_item_id", table_name="item_events")
    op.drop_table("item_events")
    op.drop_index("ix_work_items_status", table_name="work_items")
    op.drop_index("ix_work_items_answer_id", table_name="work_items")
    op.drop_table("work_items")
