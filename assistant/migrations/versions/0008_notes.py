"""Curators' notes: what each is about, and an append-only table of its versions.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create ``notes`` and ``note_versions`` (unique per note and version number)."""
    op.create_table(
        "notes",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("accession_number", sa.String(200), nullable=False, server_default=""),
        sa.Column("topic", sa.String(200), nullable=False, server_default=""),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
    )
    op.create_index("ix_notes_accession_number", "notes", ["accession_number"])
    op.create_index("ix_notes_status", "notes", ["status"])
    op.create_table(
        "note_versions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "note_id",
            sa.Integer(),
            sa.ForeignKey("notes.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("question", sa.Text(), nullable=False, server_default=""),
        sa.Column("author", sa.String(80), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("item_id", sa.Integer(), nullable=True),
    )
    op.create_index("ix_note_versions_note_id", "note_versions", ["note_id"])
    # Unique: two saves racing for the same next version cannot both land.
    op.create_index(
        "ux_note_versions_note_version", "note_versions", ["note_id", "version"], unique=True
    )


def downgrade() -> None:
    """Drop ``note_versions`` and ``notes``."""
    op.drop_index("ux_note_versions_note_version", table_name="note_versions")
    op.drop_index("ix_note_versions_note_id", table_name="note_versions")
    op.drop_table("note_versions")
    op.drop_index("ix_notes_status", table_name="notes")
    op.drop_index("ix_notes_accession_number", table_name="notes")
    op.drop_table("notes")
