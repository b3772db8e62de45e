"""The parts of a case: one per task type, each with its office, goal, clock, status and decision.

A case is one application (one reference, one applicant, one contact person);
its work is in parts (``models.CasePart``). This module creates them, finds the
part an action is about, runs each part's service-goal clock, and keeps the
case's summary fields (``task_type``, ``office``, ``offices``, ``status``,
``decision``...) in step with its parts, in the caller's session.

The case's status is its least advanced part's: a case is ``waiting`` as soon
as one part waits for the business, ``decided`` when every part is decided,
``closed`` when every part is closed.
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, select

from intake.cases.statuses import OPEN_STATUSES
from intake.errors import RequestRefused
from models import Case, CaseEvent, CasePart, utcnow
from routing import clock
from routing.calendar import WorkingCalendar
from routing.catalogue import ServiceGoal
from routing.goals import iso_week
from routing.parts import PartPlan

OPEN_PART_STATUSES = OPEN_STATUSES  # a part is open in the statuses a case is
Offices = AbstractSet[str] | None   # an actor's offices, whose parts they act on; None: every office
_ORDER = ("waiting", "in_progress", "received", "routed", "decided", "closed")


class PartError(RequestRefused):
    """Raised when an action names no part, an unknown one, or one of another case."""


def create_parts(session: Session, case: Case, plans: Sequence[PartPlan],
                 checklists: Mapping[str, str] | None = None) -> list[CasePart]:
    """The parts of a new case, in the order planned (the primary first); flushed, so they have ids.

    ``checklists``: each task type's checklist (JSON), written with its part. The case's summary
    fields are those ``_new_case`` wrote from the same plans (``offices_json``), so nothing
    is written to the case twice.
    """
    assert case.id is not None, "the case is flushed before its parts"
    parts = [CasePart(case_id=case.id, position=i, task_type=p.task_type, office=p.office,
                      needs_triage=p.needs_triage, goal_value=p.goal.value, goal_unit=p.goal.unit, due_date=p.due,
                      expected_week=p.week, status="routed", checklist_json=(checklists or {}).get(p.task_type, "{}"))
             for i, p in enumerate(plans)]
    session.add_all(parts)
    session.flush()
    summarise(case, parts, now=case.updated_at)
    return parts


def offices_json(parts: Sequence[CasePart] | Sequence[PartPlan]) -> str:
    """A case's ``offices`` (JSON): the offices of its parts (stored or planned), in order, each once."""
    return json.dumps(list(dict.fromkeys(p.office for p in parts)))


def parts_of(session: Session, case: Case) -> list[CasePart]:
    """The parts of ``case``, the primary first."""
    return list(session.exec(select(CasePart).where(CasePart.case_id == case.id)
                             .order_by(col(CasePart.position), col(CasePart.id))))


def pick(parts: Sequence[CasePart], task_type: str | None, reference: str,
         allowed: Sequence[str] | None = None, offices: Offices = None) -> CasePart:
    """The part ``task_type`` names; without one, the only part (or the only part in ``allowed`` statuses).

    ``offices``: the actor's (``None``: every office, for an operator, an admin or the triage office). An actor
    acts on their own offices' parts only: naming another office's part is refused, and naming none chooses among
    their own parts alone, refused when they have several (choosing among every part, the lifecycle decided
    another office's part when the actor's own were already decided).
    """
    reach = [p for p in parts if offices is None or p.office in offices]
    if task_type:
        named = next((p for p in parts if p.task_type == task_type), None)
        if named is None:
            raise PartError(f"case {reference} has no part {task_type!r}; its parts: {_names(parts)}")
        if named not in reach:
            raise PartError(f"case {reference} part {task_type!r} is another office's ({named.office})")
        return named
    if offices is not None:
        if len(reach) == 1:
            return reach[0]
        what = f"several parts in your office ({', '.join(p.task_type for p in reach)})" if reach \
            else "no part in your office"
        raise PartError(f"case {reference} has {what}: choose one with --part")
    candidates = [p for p in parts if allowed is None or p.status in allowed] or list(parts)
    if len(candidates) == 1:
        return candidates[0]
    raise PartError(f"case {reference} has several parts ({_names(parts)}): name one with --part")


def _names(parts: Sequence[CasePart]) -> str:
    return ", ".join(f"{p.task_type} ({p.office}, {p.status})" for p in parts)


def goal_of(part: CasePart) -> ServiceGoal:
    return ServiceGoal(part.goal_value, part.goal_unit)  # type: ignore[arg-type]


def recompute_due(part: CasePart, received: datetime, calendar: WorkingCalendar) -> tuple[date, date]:
    """Set the part's due date from receipt, goal and finished pauses; returns (old, new)."""
    old = part.due_date
    new = clock.due_with_pauses(received, goal_of(part), clock.pauses_from_json(part.pauses_json), calendar)
    part.due_date, part.expected_week = new, iso_week(new)
    return old, new


def pause(part: CasePart, now: datetime) -> None:
    """The part waits for the business: its clock stands still from ``now`` (kept if already paused)."""
    if part.paused_since is None:
        part.paused_since = now
    part.status, part.updated_at = "waiting", now


def end_pause(part: CasePart, received: datetime, calendar: WorkingCalendar, now: datetime) -> tuple[date, date]:
    """Stop a running pause at ``now``, add it to the part and move its due date; returns (old, new)."""
    if part.paused_since is None:
        return part.due_date, part.due_date
    stopped = clock.Pause(part.paused_since, max(now, part.paused_since))
    part.pauses_json = clock.pauses_to_json([*clock.pauses_from_json(part.pauses_json), stopped])
    part.paused_seconds = (part.paused_seconds or 0) + stopped.seconds
    part.paused_since = None
    part.updated_at = now
    return recompute_due(part, received, calendar)


def effective_due(part: CasePart, received: datetime, calendar: WorkingCalendar, now: datetime) -> date:
    """The due date as it would be if a running pause ended ``now``."""
    return clock.due_if_resumed(part.due_date, part.paused_since, part.pauses_json, received, goal_of(part),
                                calendar, now)


def aggregate_status(parts: Sequence[CasePart]) -> str:
    """The case's status: its least advanced part's (``waiting`` first: then the business must act)."""
    statuses = {p.status for p in parts}
    return next((s for s in _ORDER if s in statuses), "routed")


def summarise(case: Case, parts: Sequence[CasePart], now: datetime | None = None) -> None:
    """Bring the case's summary fields in step with its parts."""
    if not parts:
        return
    ordered = sorted(parts, key=lambda p: (p.position, p.id or 0))
    primary = ordered[0]
    case.task_type, case.office = primary.task_type, primary.office
    case.offices = offices_json(ordered)
    case.needs_triage = any(p.needs_triage for p in ordered)
    case.status = aggregate_status(ordered)
    decisions = {p.decision for p in ordered}
    if all(p.decision for p in ordered):
        case.decision = decisions.pop() if len(decisions) == 1 else "mixed"
        case.decided_at = max(p.decided_at or now or utcnow() for p in ordered)
    else:
        case.decision, case.decided_at = None, None
    case.updated_at = now or utcnow()


@dataclass(frozen=True)
class PartThen:
    """A part's task type and office as they were when one of its events happened."""

    task_type: str
    office: str


# the detail of a "rerouted" event (``lifecycle.reroute``): "spildevand (miljoe) -> skilte (byggeri); due ..."
_REROUTED_FROM = re.compile(r"^(\S+) \((\S+)\) -> ")


def parts_then(events: Sequence[CaseEvent], parts: Sequence[CasePart]) -> dict[int, PartThen]:
    """Each part event's part (by event id) as it was then: a reroute changes its part's task type and office in
    place, and the part's events before it (sent to the office, information asked...) were about the old task."""
    now = {p.id: PartThen(p.task_type, p.office) for p in parts}
    then: dict[int, PartThen] = {}
    for event in sorted(events, key=lambda e: e.id or 0, reverse=True):   # newest first, as a reroute undoes
        if event.id is None or event.part_id not in now:
            continue
        then[event.id] = now[event.part_id]
        found = _REROUTED_FROM.match(event.detail) if event.action == "rerouted" else None
        if found:
            now[event.part_id] = PartThen(found.group(1), found.group(2))
    return then
