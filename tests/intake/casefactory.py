"""Builders for Case rows written straight into a database (tests of meetings, reports and jobs)."""
from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session

from models import Case, CasePart
from routing import clock
from routing.calendar import WorkingCalendar
from routing.catalogue import load_catalogue
from routing.goals import iso_week

TZ = ZoneInfo("Europe/Copenhagen")
CATALOGUE = load_catalogue()
CALENDAR = WorkingCalendar(CATALOGUE.extra_closure_days)
_numbers = itertools.count(1)


def local(y: int, m: int, d: int, hh: int = 9, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=TZ)


def make_case(session: Session, *, task_types=("udeservering",), received: datetime | None = None,
              decided: datetime | None = None, pauses: Sequence[tuple[datetime, datetime]] = (),
              paused_since: datetime | None = None, status: str | None = None, offices=None,
              language: str = "da", sender: str = "anna@cafe-solsiden.dk", parts: int = 1,
              assigned_to: str | None = None, **extra) -> Case:
    """A case as the intake and the lifecycle would have stored it: its first ``parts`` task types are parts,
    each with its due date from the goal moved by the pauses (the pauses, decision and status apply to all)."""
    received = received or local(2026, 3, 2)
    task = CATALOGUE.task(task_types[0])
    finished = [clock.Pause(a, b) for a, b in pauses]
    offices = offices if offices is not None else list(dict.fromkeys(CATALOGUE.office_for(t).id
                                                                    for t in task_types))
    if status is None:
        status = "decided" if decided else ("waiting" if paused_since else "routed")
    case = Case(reference=f"KBH-{received.year}-{next(_numbers):06d}", received_at=received,
                sender=sender, sender_domain=sender.rpartition("@")[2], language=language,
                task_type=task.id, task_types=json.dumps(list(task_types)), office=task.office,
                offices=json.dumps(offices), status=status, decided_at=decided,
                decision="approved" if decided else None, company_name="Café Solsiden ApS",
                applicant_email=sender, reply_email=sender,
                details_json=json.dumps({"contact_name": {"value": "Anna Holm", "source": "body"}}), **extra)
    session.add(case)
    session.flush()
    assert case.id is not None
    for position, task_id in enumerate(task_types[:parts]):
        part_task = CATALOGUE.task(task_id)
        due = clock.due_with_pauses(received, part_task.goal, finished, CALENDAR)
        session.add(CasePart(case_id=case.id, position=position, task_type=task_id, office=part_task.office,
                             goal_value=part_task.goal.value, goal_unit=part_task.goal.unit, due_date=due,
                             expected_week=iso_week(due), status=status, decided_at=decided,
                             decision="approved" if decided else None, pauses_json=clock.pauses_to_json(finished),
                             paused_seconds=clock.total_seconds(finished), paused_since=paused_since,
                             assigned_to=assigned_to))
    session.flush()
    return case


PART_FIELDS = ("due_date", "expected_week", "paused_since", "paused_seconds", "pauses_json", "assigned_to",
               "goal_value", "goal_unit")


class CaseView:
    """A stored case read with its first part: the part's clock and goal fields, the case's others.

    For tests of one-part cases written before cases had parts: ``view.due_date`` is the part's.
    """

    def __init__(self, case: Case, part: CasePart) -> None:
        self.case, self.part = case, part

    def __getattr__(self, name: str):
        return getattr(self.part if name in PART_FIELDS else self.case, name)


def view_of(session: Session, reference: str) -> CaseView:
    from sqlmodel import col, select

    case = session.exec(select(Case).where(Case.reference == reference)).one()
    part = session.exec(select(CasePart).where(CasePart.case_id == case.id).order_by(col(CasePart.position))).first()
    assert part is not None, f"case {reference} has no part"
    return CaseView(case, part)


def add_part(session: Session, case: Case, task_type: str, *, position: int = 0, status: str = "routed",
             **fields) -> CasePart:
    """The part of ``case`` for ``task_type``, due from the case's receipt by the task's goal."""
    task = CATALOGUE.task(task_type)
    assert case.id is not None
    due = clock.due_with_pauses(case.received_at, task.goal, [], CALENDAR)
    part = CasePart(case_id=case.id, position=position, task_type=task_type, office=task.office,
                    goal_value=task.goal.value, goal_unit=task.goal.unit, due_date=due, expected_week=iso_week(due),
                    status=status, **fields)
    session.add(part)
    session.flush()
    return part
