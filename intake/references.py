"""Tracking references: ``KBH-2026-004217``, handed out per year, found again in replies."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from models import ReferenceCounter


def format_reference(prefix: str, year: int, number: int) -> str:
    """``KBH-2026-004217``: prefix, year of receipt, a six-digit running number."""
    return f"{prefix}-{year}-{number:06d}"


@lru_cache(maxsize=8)
def reference_pattern(prefix: str) -> re.Pattern[str]:
    """The pattern of a reference with ``prefix``, loose about case and dash style."""
    return re.compile(rf"(?<![\w-]){re.escape(prefix)}[-‐–\s]?(\d{{4}})[-‐–\s]?(\d{{6}})(?!\d)", re.IGNORECASE)


def find_references(prefix: str, texts: Iterable[str]) -> list[str]:
    """Every distinct reference quoted in ``texts``, normalised, in order of appearance."""
    found: list[str] = []
    pattern = reference_pattern(prefix)
    for text in texts:
        for year, number in pattern.findall(text or ""):
            ref = format_reference(prefix, int(year), int(number))
            if ref not in found:
                found.append(ref)
    return found


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


def strip_references(prefix: str, text: str) -> str:
    """``text`` without any quoted references (and their brackets), so a new case's subject carries only its own."""
    pattern = reference_pattern(prefix)
    cleaned = re.sub(rf"\[?\s*{pattern.pattern}\s*\]?", " ", text, flags=re.IGNORECASE)
    return " ".join(cleaned.split())
