"""The desk's queue: one page of parts by due date, filtered and searched in SQL.

``views.list_cases`` reads every part (fine for the command line); the desk
pages through 100,000 cases, so the filtering, the search and the order are
SQL, paged by key (due date, part id) on the ``ix_casepart_queue`` indexes, and
only the page's parts get their standing. Free text is looked up in
``CaseSearch``, a narrow copy kept up to date by ``index_new_cases``. A paused part is never overdue (its
clock stands still); its shown due date is the one it would have if the pause
ended now.
"""
from __future__ import annotations

import json
import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, insert, or_
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, func, select

from intake.cases import parts as partlib
from intake.cases.desk import Desk, UnknownChoice
from intake.cases.parts import OPEN_PART_STATUSES
from intake.cases.rules import STATUSES
from models import Case, CasePart, CaseSearch, utcnow
from routing import clock
from routing.goals import local_date

REFERENCE = re.compile(r"^[A-Z]{2,10}-\d{4}-\d{6}$")
MAX_FOUND = 1000  # cases a search may find; a wider one is narrowed with the filters
CVR = re.compile(r"^(?:DK)?\s*(\d{2})\s?(\d{2})\s?(\d{2})\s?(\d{2})$")


@dataclass(frozen=True)
class CaseRow:
    """One line of ``case list``: one part of a case."""

    reference: str
    parts: int  # how many parts the case has
    status: str
    decision: str | None
    task_type: str
    office: str
    due: date
    standing: str  # on_track | at_risk | overdue | done
    company: str
    assigned_to: str
    complex: bool


def standing_of(part: CasePart, due: date, today: date, desk: Desk) -> str:
    """On track, at risk (due within 2 working days), overdue; done when the part is no longer open."""
    return clock.standing(due, today, desk.calendar) if part.status in OPEN_PART_STATUSES else "done"


@dataclass(frozen=True)
class QueueFilter:
    """What the caseworker asked for; ``offices`` None means every office."""

    offices: Collection[str] | None = None
    status: str | None = None
    task_type: str | None = None
    overdue: bool = False
    search: str = ""


@dataclass(frozen=True)
class QueuePage:
    rows: list[CaseRow]
    next_key: str | None  # the key of the next page, None on the last


def _conditions(f: QueueFilter, today: date) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [col(CasePart.case_id) == col(Case.id)]
    if f.offices is not None:
        # a search finds few cases: their parts are read by case, not along the office's queue (``|| ''``)
        office = (col(CasePart.office) + "") if f.search.strip() else col(CasePart.office)
        where.append(office.in_(sorted(f.offices)))
    if f.status:
        if f.status not in STATUSES:
            raise UnknownChoice(f"unknown status {f.status!r}; known: {', '.join(STATUSES)}")
        where.append(col(CasePart.status) == f.status)
    if f.task_type:
        where.append(col(CasePart.task_type) == f.task_type)
    if f.overdue:
        # ``status || ''``: most parts are open, so the order of the due-date index finds the overdue ones
        # first; an index on the status would make the database sort every open part instead.
        where += [(col(CasePart.status) + "").in_(OPEN_PART_STATUSES), col(CasePart.due_date) < today,
                  col(CasePart.paused_since).is_(None)]
    return where


def _search(session: Session, text: str) -> list[int]:
    """The cases a search finds (at most ``MAX_FOUND``): a reference or a CVR number exactly (indexed), other
    text in the company name and the addresses (``CaseSearch``, lower case); looked up before the queue's order.
    """
    if REFERENCE.match(text.upper()):
        stmt = select(Case.id).where(col(Case.reference) == text.upper())
    elif cvr := CVR.match(text.upper()):
        stmt = select(Case.id).where(col(Case.cvr) == "".join(cvr.groups()))
    else:
        index_new_cases(session)
        like = f"%{text.lower().replace('%', '').replace('_', '')}%"
        stmt = select(CaseSearch.case_id).where(col(CaseSearch.text).like(like))
    return [i for i in session.exec(stmt.limit(MAX_FOUND)) if i is not None]


SEARCHED_DETAILS = ("address", "activity_location", "postcode", "city")


def search_text(company_name: str | None, cvr: str | None, details_json: str | None) -> str:
    """What a free-text search reads of a case: company name, CVR and the addresses found, in lower case."""
    try:
        details = json.loads(details_json or "{}")
    except ValueError:
        details = {}
    values = [str(details[k].get("value", "")) for k in SEARCHED_DETAILS if isinstance(details.get(k), dict)]
    return " | ".join(v for v in (company_name or "", cvr or "", *values) if v).lower()


def index_new_cases(session: Session, batch: int = 5000) -> int:
    """Add the cases registered since the last search to ``CaseSearch``; how many were added.

    Cases get increasing ids and their company and details never change, so the newest id indexed
    is where the next search goes on. Two searches at once may both try: the second's insert fails
    and is rolled back, the first's rows stand.
    """
    added = 0
    while True:
        last = session.exec(select(func.max(CaseSearch.case_id))).one() or 0
        found = list(session.exec(select(Case.id, Case.company_name, Case.cvr, Case.details_json)
                                  .where(col(Case.id) > last).order_by(col(Case.id)).limit(batch)))
        if not found:
            return added
        session.execute(insert(CaseSearch), [{"case_id": i, "text": search_text(name, cvr, details)}
                                             for i, name, cvr, details in found])
        try:
            session.commit()
        except IntegrityError:
            session.rollback()
            return added
        added += len(found)


def parse_key(key: str | None) -> tuple[date, int] | None:
    """``2026-12-14.123`` (due date, part id) to a tuple; None when absent or malformed."""
    try:
        day, _, pid = (key or "").partition(".")
        return (date.fromisoformat(day), int(pid)) if key else None
    except ValueError:
        return None


def queue_page(session: Session, desk: Desk, f: QueueFilter, *, after: str | None = None, size: int = 50,
               now: datetime | None = None) -> QueuePage:
    """One page of parts by due date after the key ``after``, with the key of the next page."""
    now = now or utcnow()
    today = local_date(now)
    stmt = select(CasePart, Case).where(*_conditions(f, today))
    if f.search.strip():
        stmt = stmt.where(col(CasePart.case_id).in_(_search(session, f.search.strip())))
    key = parse_key(after)
    if key is not None:  # the first condition is the index's range, the second the exact key
        stmt = stmt.where(col(CasePart.due_date) >= key[0],
                          or_(col(CasePart.due_date) > key[0], col(CasePart.id) > key[1]))
    found = list(session.exec(stmt.order_by(col(CasePart.due_date), col(CasePart.id)).limit(size + 1)))
    counts = _part_counts(session, [case.id for _, case in found[:size] if case.id is not None])
    rows = []
    for part, case in found[:size]:
        due = partlib.effective_due(part, case.received_at, desk.calendar, now)
        rows.append(CaseRow(case.reference, counts.get(case.id or 0, 1), part.status, part.decision,
                            part.task_type, part.office, due, standing_of(part, due, today, desk),
                            case.company_name or "", part.assigned_to or "", case.complex))
    last = found[size - 1][0] if len(found) > size else None
    return QueuePage(rows, f"{last.due_date.isoformat()}.{last.id}" if last is not None else None)


def _part_counts(session: Session, case_ids: list[int]) -> dict[int, int]:
    if not case_ids:
        return {}
    counts: dict[int, int] = {}
    for cid in session.exec(select(CasePart.case_id).where(col(CasePart.case_id).in_(case_ids))):
        counts[cid] = counts.get(cid, 0) + 1
    return counts
