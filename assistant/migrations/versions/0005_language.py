"""The language each question was asked in, for the dashboard's count per language.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add ``answers.language`` (rows logged before it have none: shown as unknown)."""
    with op.batch_alter_table("answers") as batch:
        batch.add_column(sa.Column("language", sa.String(8), nullable=True))
        batch.create_index("ix_answers_language", ["language"])


def downgrade() -> None:
    """Drop ``answers.language``."""
    with op.batch_alter_table("answers") as batch:
        batch.drop_index("ix_answers_language")
        batch.drop_column("language")
