"""An office's workload: per caseworker the open parts assigned, overdue, waiting for the business and new from it,
and the decided (or closed) parts the business has written about since.

The figures count what the desk's queue lists with the same filters (``intake.cases.queue_sql``): open is not yet
decided, overdue is open with a due date before today and a running clock, waiting is the status, new is open with an
unread mark (``intake.cases.unread``), new on decided is status decided (or closed) with one. One grouped query over
the open parts of the offices asked for, one over their marked parts that are no longer open.
"""
from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, case, cast
from sqlalchemy import select as columns
from sqlmodel import Session, col, func, select

from intake.cases.statuses import OPEN_STATUSES
from models import CasePart, StaffUser
from routing.goals import local_date


@dataclass(frozen=True)
class Load:
    """One line of an office's workload: a caseworker's (``who``), or the unassigned parts' (``who`` "")."""

    who: str
    user_id: int | None  # the desk user, when ``who`` is one (the queue filters by it)
    open: int = 0
    overdue: int = 0
    waiting: int = 0
    unread: int = 0
    unread_decided: int = 0   # decided parts the business wrote about since (a question about the decision)
    unread_closed: int = 0    # the same of closed cases


FIGURES = 6   # Load's counts, in order


@dataclass(frozen=True)
class OfficeLoad:
    office: str
    caseworkers: list[Load]  # the office's desk users and whoever else has its parts, by address
    unassigned: Load
    total: Load


def workload(session: Session, offices: Sequence[str], now: datetime) -> list[OfficeLoad]:
    """The workload of each of ``offices``, in that order."""
    today = local_date(now)
    overdue = (col(CasePart.due_date) < today) & col(CasePart.paused_since).is_(None)   # as the queue's filter
    stmt = (columns(col(CasePart.office), col(CasePart.assigned_to), func.count(), _count(overdue),
                   _count(col(CasePart.status) == "waiting"), _count(col(CasePart.unread_since).is_not(None)))
            .where(col(CasePart.status).in_(OPEN_STATUSES), col(CasePart.office).in_(sorted(offices)))
            .group_by(col(CasePart.office), col(CasePart.assigned_to)))
    counts: dict[str, dict[str, tuple[int, ...]]] = {o: {} for o in offices}
    for office, who, *figures in session.execute(stmt):
        _add(counts[office], who, [int(f or 0) for f in figures] + [0, 0])
    done = (columns(col(CasePart.office), col(CasePart.assigned_to), _count(col(CasePart.status) == "decided"),
                    _count(col(CasePart.status) == "closed"))
            .where(col(CasePart.unread_since).is_not(None), col(CasePart.status).in_(("decided", "closed")),
                   col(CasePart.office).in_(sorted(offices)))
            .group_by(col(CasePart.office), col(CasePart.assigned_to)))
    for office, who, decided, closed in session.execute(done):
        _add(counts[office], who, [0, 0, 0, 0, int(decided or 0), int(closed or 0)])
    users = list(session.exec(select(StaffUser)))
    # a disabled colleague's parts still open the queue (to hand them on); only enabled users are listed without parts
    ids = {u.email: u.id for u in users}
    return [_office_load(o, counts[o], ids, {u.email for u in users if u.office == o and not u.disabled})
            for o in offices]


def _add(counts: dict[str, tuple[int, ...]], who: str | None, figures: Sequence[int]) -> None:
    """Add ``figures`` to the caseworker's (an address written in two cases is one caseworker)."""
    key = (who or "").lower()
    counts[key] = tuple(a + b for a, b in zip(counts.get(key, (0,) * FIGURES), figures, strict=True))


def _count(condition: Any) -> Any:
    """How many rows of a group meet ``condition``."""
    return func.sum(cast(case((condition, 1), else_=0), Integer))


def _office_load(office: str, counts: dict[str, tuple[int, ...]], ids: dict[str, int | None],
                 members: Collection[str]) -> OfficeLoad:
    people = sorted((set(members) | set(counts)) - {""})
    none = (0,) * FIGURES
    lines = [Load(p, ids.get(p), *counts.get(p, none)) for p in people]
    unassigned = Load("", None, *counts.get("", none))
    total = Load("", None, *(sum(c[i] for c in counts.values()) for i in range(FIGURES)))
    return OfficeLoad(office, lines, unassigned, total)
