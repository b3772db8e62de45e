"""Handing out tracking references: one counter per year in the database."""
from __future__ import annotations

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from intake.mail.references import format_reference
from models import ReferenceCounter


def allocate_reference(session: Session, prefix: str, year: int) -> str:
    """Hand out the next reference of ``year``: unique and increasing, with one statement.

    The statement is an upsert (``INSERT ... ON CONFLICT (year) DO UPDATE SET last = last + 1
    RETURNING last``), so the year's first number needs no second round trip.

    On PostgreSQL, where several workers share the counter, it runs in a transaction of its own,
    committed at once: the counter's row is locked for that one statement, not for the whole
    transaction that records the case (which renders its letters meanwhile, and would make every
    other worker wait). A case whose transaction then rolls back leaves its number unused: the
    numbers are unique and increasing, not gapless. On SQLite (one process) it runs in the
    caller's transaction, where a rollback hands the number out again.
    """
    bind = session.get_bind()
    on_postgresql = bind.dialect.name == "postgresql"
    upsert = (postgresql.insert if on_postgresql else sqlite.insert)(ReferenceCounter).values(year=year, last=1)
    bump = upsert.on_conflict_do_update(index_elements=[col(ReferenceCounter.year)],
                                        set_={"last": col(ReferenceCounter.last) + 1}
                                        ).returning(col(ReferenceCounter.last))
    if on_postgresql and isinstance(bind, Engine):
        with bind.begin() as own:
            last = own.execute(bump).scalar_one()
    else:
        last = session.connection().execute(bump).scalar_one()
    return format_reference(prefix, year, last)
