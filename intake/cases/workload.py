"""An office's workload: per caseworker the open parts assigned, overdue, waiting for the business and new from it.

The figures count what the desk's queue lists with the same filters (``intake.cases.queue_sql``): open is not yet
decided, overdue is open with a due date before today and a running clock, waiting is the status, new is open with an
unread mark (``intake.cases.unread``). One grouped query over the open parts of the offices asked for.
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
    counts: dict[str, dict[str, tuple[int, int, int, int]]] = {o: {} for o in offices}
    for office, who, *figures in session.execute(stmt):
        key = (who or "").lower()
        before = counts[office].get(key, (0, 0, 0, 0))
        # (an address written in two cases is one caseworker)
        counts[office][key] = _added(before, [int(f or 0) for f in figures])
    users = list(session.exec(select(StaffUser)))
    # a disabled colleague's parts still open the queue (to hand them on); only enabled users are listed without parts
    ids = {u.email: u.id for u in users}
    return [_office_load(o, counts[o], ids, {u.email for u in users if u.office == o and not u.disabled})
            for o in offices]


def _added(a: tuple[int, int, int, int], b: Sequence[int]) -> tuple[int, int, int, int]:
    return a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]


def _count(condition: Any) -> Any:
    """How many rows of a group meet ``condition``."""
    return func.sum(cast(case((condition, 1), else_=0), Integer))


def _office_load(office: str, counts: dict[str, tuple[int, int, int, int]], ids: dict[str, int | None],
                 members: Collection[str]) -> OfficeLoad:
    people = sorted((set(members) | set(counts)) - {""})
    lines = [Load(p, ids.get(p), *counts.get(p, (0, 0, 0, 0))) for p in people]
    unassigned = Load("", None, *counts.get("", (0, 0, 0, 0)))
    total = Load("", None, *(sum(c[i] for c in counts.values()) for i in range(4)))
    return OfficeLoad(office, lines, unassigned, total)
