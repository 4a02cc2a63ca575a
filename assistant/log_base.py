"""The declarative base every answer-log table shares (the schema comes from the migrations).

Its own module so that ``assistant.audit`` and ``assistant.answer_log`` can both define
tables on it without importing each other.
"""

from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    """Declarative base of the log tables (the schema itself comes from the migrations)."""
