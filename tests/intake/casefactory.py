"""Builders for Case rows written straight into a database (tests of meetings, reports and jobs)."""
from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session

from models import Case
from routing import clock
from routing.calendar import WorkingCalendar
from routing.catalogue import load_catalogue

TZ = ZoneInfo("Europe/Copenhagen")
CATALOGUE = load_catalogue()
CALENDAR = WorkingCalendar(CATALOGUE.extra_closure_days)
_numbers = itertools.count(1)


def local(y: int, m: int, d: int, hh: int = 9, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=TZ)


def make_case(session: Session, *, task_types=("udeservering",), received: datetime | None = None,
              decided: datetime | None = None, pauses: Sequence[tuple[datetime, datetime]] = (),
              paused_since: datetime | None = None, status: str | None = None, offices=None,
              language: str = "da", sender: str = "anna@cafe-solsiden.dk", **extra) -> Case:
    """A case as the intake and the lifecycle would have stored it: due date from the goal moved by the pauses."""
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
                offices=json.dumps(offices), goal_value=task.goal.value, goal_unit=task.goal.unit,
                due_date=clock.due_with_pauses(received, task.goal, finished, CALENDAR), status=status,
                decided_at=decided, decision="approved" if decided else None,
                pauses_json=clock.pauses_to_json(finished), paused_seconds=clock.total_seconds(finished),
                paused_since=paused_since, company_name="Café Solsiden ApS",
                details_json=json.dumps({"contact_name": {"value": "Anna Holm", "source": "body"}}), **extra)
    session.add(case)
    session.flush()
    return case
