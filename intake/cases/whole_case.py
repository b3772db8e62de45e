"""Actions on the whole case: mark it complex (a contact person for the business) and close it."""
from __future__ import annotations

import json
from datetime import datetime

from sqlmodel import Session

from intake.cases import parts as partlib
from intake.cases.desk import Desk, InvalidTransition
from intake.cases.meetings import cancel_coming_meeting
from intake.cases.parts import OPEN_PART_STATUSES
from intake.cases.rules import assign_contact
from intake.cases.transitions import (
    CASE_ACTION_STATUSES,
    ActionResult,
    complex_already,
    held_case,
    lang_of,
    queue_letter,
    record_event,
    summarise_case,
)
from intake.letters.wording import phrase
from models import Case, utcnow
from routing.catalogue import ContactPerson


def make_complex(session: Session, case: Case, desk: Desk, actor: str, now: datetime,
                 why: str) -> ContactPerson | None:
    case.complex = True
    person = assign_contact(session, case, desk.catalogue)
    record_event(session, case, None, actor, "contact_person",
                 f"{why}: {person.name if person else 'no contact person configured'}", now)
    return person


def mark_complex(session: Session, reference: str, *, actor: str, desk: Desk,
                 now: datetime | None = None) -> ActionResult:
    """Mark the case complex: it gets a contact person, who is introduced to the business."""
    now = now or utcnow()
    case = held_case(session, reference)
    parts = partlib.parts_of(session, case)
    if case.status not in CASE_ACTION_STATUSES["mark-complex"]:
        raise InvalidTransition(f"case {case.reference} is {case.status}: cannot mark as complex")
    if complex_already(case):
        raise InvalidTransition(f"case {case.reference} is already complex (contact person {case.contact_person})")
    person = make_complex(session, case, desk, actor, now, "marked complex")
    if person is None:
        return ActionResult(case.reference, "mark-complex", case.status,
                            f"case {case.reference} marked complex; no contact person pool in the catalogue")
    open_part = next((p for p in parts if p.status in OPEN_PART_STATUSES), parts[0])
    mailed = queue_letter(session, case, open_part, desk, "contact")
    return ActionResult(case.reference, "mark-complex", case.status,
                        f"case {case.reference} is complex; contact person {person.name}", mailed)


def close(session: Session, reference: str, *, actor: str, desk: Desk, now: datetime | None = None) -> ActionResult:
    """Close a case whose parts are all decided (no mail: the business already has the decisions)."""
    now = now or utcnow()
    case = held_case(session, reference)
    parts = partlib.parts_of(session, case)
    open_parts = [p.task_type for p in parts if p.status in OPEN_PART_STATUSES]
    status = partlib.aggregate_status(parts)
    if status == "closed":
        raise InvalidTransition(f"case {case.reference} is closed: cannot close; it is already closed")
    if status not in CASE_ACTION_STATUSES["close"]:
        which = f"; open parts: {', '.join(open_parts)}" if len(parts) > 1 else ""
        raise InvalidTransition(f"case {case.reference} is {case.status}: cannot close; decide it first "
                                f"(approve, reject or forward{which})")
    for part in parts:
        part.status, part.updated_at = "closed", now
        session.add(part)
    summarise_case(session, case, parts, now)
    case.closed_at = now
    record_event(session, case, None, actor, "closed", f"decision: {case.decision}", now)
    reason = phrase(lang_of(case), "words.meeting_case_closed")
    cancelled = cancel_coming_meeting(session, case, desk.catalogue, desk.settings, reason, actor=actor, now=now)
    if cancelled is None:
        return ActionResult(case.reference, "close", case.status, f"case {case.reference} closed")
    return ActionResult(case.reference, "close", case.status,
                        f"case {case.reference} closed; its star meeting is cancelled",
                        tuple(p["email"] for p in json.loads(cancelled.participants)))
