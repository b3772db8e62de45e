"""Reading cases for caseworkers: the queue of parts by due date, and one case with its parts and history.

``list_cases`` is a queue of parts, not of cases: each office sees its own part
of a case of several offices, with that part's due date and how it stands
(``routing.clock.standing``: on track, at risk, overdue; ``done`` once decided).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property

from sqlmodel import Session, col, func, select

from intake.cases import parts as partlib
from intake.cases.desk import Desk, UnknownChoice
from intake.cases.lifecycle import get_case, paths_forward
from intake.cases.queue_sql import CaseRow, standing_of
from intake.cases.statuses import STATUSES
from models import Case, CaseEvent, CasePart, utcnow
from routing.goals import local_date


def list_cases(session: Session, desk: Desk, *, office: str | None = None, status: str | None = None,
               overdue: bool = False, now: datetime | None = None) -> list[CaseRow]:
    """The parts of the cases, sorted by due date, filtered by their office and status."""
    now = now or utcnow()
    if status is not None and status not in STATUSES:
        raise UnknownChoice(f"unknown status {status!r}; known: {', '.join(STATUSES)}")
    stmt = select(CasePart, Case).where(CasePart.case_id == Case.id)
    if office:
        stmt = stmt.where(CasePart.office == office)
    if status:
        stmt = stmt.where(CasePart.status == status)
    counts: dict[int, int] = dict(session.exec(select(CasePart.case_id, func.count())
                                                .group_by(col(CasePart.case_id))).all())
    today = local_date(now)
    rows = []
    for part, case in session.exec(stmt).all():
        due = partlib.effective_due(part, case.received_at, desk.calendar, now)
        rows.append(CaseRow(case.reference, counts.get(case.id or 0, 1), part.status, part.decision,
                            part.task_type, part.office, due, standing_of(part.status, due, today, desk),
                            case.company_name or "", part.assigned_to or "", case.complex))
    rows = [r for r in rows if not overdue or r.standing == "overdue"]
    return sorted(rows, key=lambda r: (r.due, r.reference, r.task_type))


@dataclass(frozen=True)
class PartView:
    """One part as ``case show`` prints it."""

    part: CasePart
    due: date
    standing: str
    paths_forward: tuple[str, ...]


WARNING_EVENTS = frozenset({"bounced", "quotes_another_case", "unproven_sender"})


@dataclass(frozen=True)
class CaseDetail:
    """Everything ``case show`` prints."""

    case: Case
    parts: list[PartView]
    events: list[CaseEvent]
    documents: list[dict[str, object]]

    @property
    def warnings(self) -> list[CaseEvent]:
        """The events a caseworker must see before acting: a mail of ours that did not arrive, a mail quoting
        another case without being from one of its addresses, a sender not proven (no acknowledgement sent)."""
        return [e for e in self.events if e.action in WARNING_EVENTS]

    def part_of(self, event: CaseEvent) -> partlib.PartThen | None:
        """The part ``event`` is about as it was then (its task before a later reroute), when the case has several
        (None: the case's own event, or its only part)."""
        if len(self.parts) < 2 or event.id is None:
            return None
        return self._parts_then.get(event.id)

    @cached_property
    def _parts_then(self) -> dict[int, partlib.PartThen]:
        return partlib.parts_then(self.events, [v.part for v in self.parts])

    @property
    def due(self) -> date:
        """The earliest due date of the open parts (else of all parts)."""
        open_parts = [p for p in self.parts if p.standing != "done"] or self.parts
        return min(p.due for p in open_parts)


def case_detail(session: Session, reference: str, desk: Desk, now: datetime | None = None) -> CaseDetail:
    now = now or utcnow()
    case = get_case(session, reference)
    today = local_date(now)
    views = []
    for part in partlib.parts_of(session, case):
        due = partlib.effective_due(part, case.received_at, desk.calendar, now)
        views.append(PartView(part, due, standing_of(part.status, due, today, desk),
                              paths_forward(case, desk.catalogue, part.task_type)))
    events = session.exec(select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(col(CaseEvent.id))).all()
    return CaseDetail(case, views, list(events), json.loads(case.attachments_json or "[]"))
