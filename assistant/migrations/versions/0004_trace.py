"""The answer path's trace: one {stage, decision, detail} per stage, for curator review.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add ``answers.trace`` (rows logged before it have none)."""
    with op.batch_alter_table("answers") as batch:
        batch.add_column(sa.Column("trace", sa.JSON(), nullable=True))


def downgrade() -> None:
    """Drop ``answers.trace``."""
    with op.batch_alter_table("answers") as batch:
        batch.drop_column("trace")
