"""Handing out tracking references: one counter per year in the database."""
from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from intake.mail.references import format_reference
from models import ReferenceCounter


def allocate_reference(session: Session, prefix: str, year: int) -> str:
    """Hand out the next reference of ``year`` inside the caller's transaction.

    One atomic ``UPDATE ... SET last = last + 1 ... RETURNING last``: the row is
    locked until the caller commits (PostgreSQL), and on SQLite the statement takes
    the write lock at once, so two workers never get the same number and none
    reads a number another is about to write.
    """
    bump = (update(ReferenceCounter).where(col(ReferenceCounter.year) == year)
            .values(last=col(ReferenceCounter.last) + 1).returning(col(ReferenceCounter.last)))
    last = session.connection().execute(bump).scalar_one_or_none()
    if last is None:
        try:
            with session.begin_nested():
                session.add(ReferenceCounter(year=year, last=1))
            last = 1
        except IntegrityError:  # another worker created the year's row first
            last = session.connection().execute(bump).scalar_one()
    return format_reference(prefix, year, last)
