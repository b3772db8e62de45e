"""One page of the desk's queue as plain SQL: the same query through SQLAlchemy or straight through the driver.

The desk (``intake.cases.queue.queue_page``, with a session) and ``intake case list`` (through
``models.direct``, without importing the ORM: the command then answers in a fraction of its
start-up) read the queue with this one query and turn its rows into ``CaseRow``s the same way.
The filtering and the order are SQL, paged by key (due date, part id) on the ``ix_casepart_queue``
indexes (the open parts, the desk's default, on their partial ``ix_casepart_open_queue`` indexes: a
desk with years of closed parts walks none of them); only the page's parts get their standing. A paused
part is never overdue (its clock stands still); its shown due date is the one it would have if the pause
ended now.

The SQL names its parameters ``:name`` (``models.direct.driver_query`` writes them as the driver
wants) and holds no other colon or percent sign.
"""
from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from intake.cases.desk import Desk, UnknownChoice
from intake.cases.statuses import OPEN, OPEN_CONDITION, OPEN_STATUSES, STATUS_FILTERS, STATUSES
from routing import clock
from routing.catalogue import ServiceGoal
from routing.goals import local_date

Rows = Callable[[str, dict[str, Any]], Sequence[Sequence[Any]]]  # runs one query: SQL and parameters to rows


@dataclass(frozen=True)
class QueueFilter:
    """What the caseworker asked for; ``offices`` None means every office, ``status`` None every status and
    ``"open"`` (``statuses.OPEN``) every part not yet decided."""

    offices: Collection[str] | None = None
    status: str | None = None
    task_type: str | None = None
    overdue: bool = False
    search: str = ""
    unread: bool = False  # only the parts the business has written about since their office looked
    assigned: str | None = None  # only the parts assigned to this address; "" the unassigned ones


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
    unread: bool = False  # the business has written since the part's office looked (``intake.cases.unread``)


@dataclass(frozen=True)
class QueuePage:
    rows: list[CaseRow]
    next_key: str | None  # the key of the next page, None on the last


def standing_of(status: str, due: date, today: date, desk: Desk) -> str:
    """On track, at risk (due within 2 working days), overdue; done when the part is no longer open."""
    return clock.standing(due, today, desk.calendar) if status in OPEN_STATUSES else "done"


def parse_key(key: str | None) -> tuple[date, int] | None:
    """``2026-12-14.123`` (due date, part id) to a tuple; None when absent or malformed."""
    try:
        day, _, pid = (key or "").partition(".")
        return (date.fromisoformat(day), int(pid)) if key else None
    except ValueError:
        return None


_SELECT = (
    "SELECT p.id, p.due_date, p.status, p.decision, p.task_type, p.office, p.assigned_to, p.paused_since,"
    " p.pauses_json, p.goal_value, p.goal_unit, p.unread_since, c.reference, c.received_at, c.company_name, c.complex,"
    " (SELECT count(*) FROM casepart n WHERE n.case_id = c.id)"
    ' FROM casepart p{hint} JOIN "case" c ON c.id = p.case_id'
)


def _listed(name: str, values: Collection[Any], params: dict[str, Any]) -> str:
    """``IN (:name_0, :name_1 ...)`` with the values bound; an empty list matches nothing."""
    if not values:
        return "IN (NULL)"
    for i, value in enumerate(values):
        params[f"{name}_{i}"] = value
    return "IN (" + ", ".join(f":{name}_{i}" for i in range(len(values))) + ")"


def page_query(f: QueueFilter, today: date, *, after: str | None = None, size: int = 50,
               found: Collection[int] | None = None) -> tuple[str, dict[str, Any]]:
    """The SQL and parameters of the page after the key ``after``: ``size`` parts and one more (is there a next
    page?). ``found``: the cases a search found (``intake.cases.queue``); only those, when given."""
    params: dict[str, Any] = {"size": size + 1}
    where = []
    if f.offices is not None:
        # a search finds few cases: their parts are read by case, not along the office's queue (``|| ''``)
        office = "p.office || ''" if found is not None else "p.office"
        where.append(f"{office} {_listed('office', sorted(f.offices), params)}")
    if f.status == OPEN or f.overdue:
        where.append(f"p.{OPEN_CONDITION}")   # the partial indexes' own condition
    if f.status and f.status != OPEN:
        if f.status not in STATUSES:
            raise UnknownChoice(f"unknown status {f.status!r}; known: {', '.join(STATUS_FILTERS)}")
        where.append("p.status = :status")
        params["status"] = f.status
    if f.task_type:
        where.append("p.task_type = :task_type")
        params["task_type"] = f.task_type
    if f.overdue:  # open (above), along the open parts' due-date index
        where += ["p.due_date < :today", "p.paused_since IS NULL"]
        params["today"] = today
    if f.unread:
        where.append("p.unread_since IS NOT NULL")
    if f.assigned:   # an address as the command line took it ("Karen@KK.example") is hers too, as the workload counts
        where.append("lower(p.assigned_to) = :assigned")
        params["assigned"] = f.assigned.lower()
    elif f.assigned is not None:
        where.append("(p.assigned_to IS NULL OR p.assigned_to = '')")
    if found is not None:
        where.append(f"p.case_id {_listed('found', sorted(found), params)}")
    key = parse_key(after)
    if key is not None:  # the first condition is the index's range, the second the exact key
        where.append("p.due_date >= :after_due AND (p.due_date > :after_due OR p.id > :after_id)")
        params["after_due"], params["after_id"] = key
    # SQLite without statistics takes the status index and sorts every open part: the open parts' own index
    # is named (``models.direct.driver_query``); a search reads its few cases by case instead
    hint = ""
    if (f.status == OPEN or f.overdue) and found is None:
        hint = " /*+ ix_casepart_open_office_queue */" if f.offices is not None else " /*+ ix_casepart_open_queue */"
    sql = (_SELECT.format(hint=hint) + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY p.due_date, p.id LIMIT :size")
    return sql, params


def _date(value: Any) -> date:
    return date.fromisoformat(value) if isinstance(value, str) else value  # SQLite keeps ISO text


def _utc(value: Any) -> datetime | None:
    """A stored time as an aware datetime in UTC (SQLite keeps naive ISO text of the UTC time)."""
    if value is None:
        return None
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def read_page(rows: Rows, desk: Desk, f: QueueFilter, *, after: str | None = None, size: int = 50,
              now: datetime, found: Collection[int] | None = None) -> QueuePage:
    """One page of parts by due date after the key ``after``, with the key of the next page."""
    today = local_date(now)
    sql, params = page_query(f, today, after=after, size=size, found=found)
    got = rows(sql, params)
    page = []
    for (_pid, due_date, status, decision, task_type, office, assigned_to, paused_since, pauses_json, goal_value,
         goal_unit, unread_since, reference, received_at, company, complex_, parts) in got[:size]:
        received = _utc(received_at)
        assert received is not None  # a case always has its receipt
        due = clock.due_if_resumed(_date(due_date), _utc(paused_since), pauses_json, received,
                                   ServiceGoal(goal_value, goal_unit), desk.calendar, now)
        page.append(CaseRow(reference, parts, status, decision, task_type, office, due,
                            standing_of(status, due, today, desk), company or "", assigned_to or "",
                            bool(complex_), unread_since is not None))
    if len(got) <= size:
        return QueuePage(page, None)
    last = got[size - 1]
    return QueuePage(page, f"{_date(last[1]).isoformat()}.{last[0]}")
