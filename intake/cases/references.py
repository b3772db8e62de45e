"""Handing out tracking references: one counter per year in the database."""
from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from intake.mail.references import format_reference
from models import ReferenceCounter


def allocate_reference(session: Session, prefix: str, year: int) -> str:
    """Hand out the next reference of ``year`` inside the caller's transaction.

    The counter row is locked (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite
    serialises writers), so two processes never get the same number.
    """
    stmt = select(ReferenceCounter).where(ReferenceCounter.year == year).with_for_update()
    counter = session.exec(stmt).first()
    if counter is None:
        try:
            with session.begin_nested():
                counter = ReferenceCounter(year=year, last=0)
                session.add(counter)
        except IntegrityError:
            counter = session.exec(stmt).one()
    counter.last += 1
    session.add(counter)
    session.flush()
    return format_reference(prefix, year, counter.last)
