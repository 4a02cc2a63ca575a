"""Alembic revisions of the answer-log schema, oldest first by number."""
