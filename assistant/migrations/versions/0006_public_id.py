"""The id visitors are given for an answer: random, unlike the row's own sequential id.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add ``answers.public_id`` (rows logged before it have none: visitors got the row id)."""
    with op.batch_alter_table("answers") as batch:
        batch.add_column(sa.Column("public_id", sa.String(32), nullable=True))
        batch.create_index("ix_answers_public_id", ["public_id"], unique=True)


def downgrade() -> None:
    """Drop ``answers.public_id``."""
    with op.batch_alter_table("answers") as batch:
        batch.drop_index("ix_answers_public_id")
        batch.drop_column("public_id")
