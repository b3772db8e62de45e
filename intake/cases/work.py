"""Work on a part: begun, given to a caseworker, waiting for the business and running again when it answers.

A part's clock (``intake.cases.parts``) pauses while it waits for the applicant; when the answer moves its due date
into a later ISO week the business is told the new expected completion week.
"""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from intake.cases import parts as partlib
from intake.cases.desk import Desk, InvalidTransition, UnknownChoice
from intake.cases.parts import Offices
from intake.cases.transitions import (
    PART_ACTION_STATUSES,
    ActionResult,
    held_part,
    lang_of,
    name_of,
    queue_letter,
    record_event,
    require,
    required_text,
    summarise_case,
)
from intake.letters.checklist import missing_request
from intake.letters.facts import PartFacts
from models import Case, CaseEvent, CasePart, utcnow
from routing import clock
from routing.goals import describe_week, iso_week


def start(session: Session, reference: str, *, actor: str, desk: Desk, part: str | None = None, offices: Offices = None,
          now: datetime | None = None) -> ActionResult:
    """Begin work on a part (received/routed -> in_progress); on a waiting part, resume its clock."""
    now = now or utcnow()
    case, parts, target = held_part(session, reference, part, PART_ACTION_STATUSES["start"], offices)
    if target.status == "waiting":
        return resume(session, case, actor=actor, desk=desk, now=now, only=target)
    require(case, target, "start", PART_ACTION_STATUSES["start"],
            "it is already in progress" if target.status == "in_progress" else "")
    target.status, target.updated_at = "in_progress", now
    record_event(session, case, target, actor, "started", f"by {actor}", now)
    summarise_case(session, case, parts, now)
    mailed = queue_letter(session, case, target, desk, "started", listing=parts, now=now)   # the others as they stand
    return ActionResult(case.reference, "start", target.status, f"case {name_of(case, parts, target)} is in progress",
                        mailed, target.id)


def assign(session: Session, reference: str, person: str, *, actor: str, desk: Desk, part: str | None = None,
           offices: Offices = None, now: datetime | None = None) -> ActionResult:
    """Give a part to a caseworker (a name or an address; an address gets the applicant's answers in Cc)."""
    now = now or utcnow()
    who = required_text(person, "a caseworker (--to)", "assign")
    if len(who) > 120 or "\n" in who:
        raise UnknownChoice("assign takes a caseworker's name or e-mail address, on one line (at most 120 characters)")
    case, parts, target = held_part(session, reference, part, PART_ACTION_STATUSES["assign"], offices)
    require(case, target, "assign", PART_ACTION_STATUSES["assign"])
    before = target.assigned_to
    target.assigned_to = who
    record_event(session, case, target, actor, "assigned", f"{before or '-'} -> {who}", now)
    return ActionResult(case.reference, "assign", target.status,
                        f"case {name_of(case, parts, target)} assigned to {who}", part_id=target.id)


def request_info(session: Session, reference: str, message: str, *, actor: str, desk: Desk, part: str | None = None,
                 offices: Offices = None, now: datetime | None = None, missing: bool = False) -> ActionResult:
    """Ask the business for information about a part: its clock pauses until the business answers.

    ``missing``: the request starts with the required checklist items the application still lacks (of the
    part named, else of every part), ``message`` after them.
    """
    now = now or utcnow()
    case, parts, target = held_part(session, reference, part, PART_ACTION_STATUSES["request-info"], offices)
    if missing:
        chosen = [target] if part else parts
        listed = missing_request([PartFacts.of(p) for p in chosen], desk.catalogue, lang_of(case))
        if not listed and not (message or "").strip():
            raise InvalidTransition(f"case {case.reference}: the checklist misses nothing; write the question "
                                    "with --message")
        message = "\n\n".join(t for t in (listed, (message or "").strip()) if t)
    question = required_text(message, "the question for the business (--message)", "request-info")
    require(case, target, "request information", PART_ACTION_STATUSES["request-info"])
    if target.status == "waiting" and _last_question(session, target) == question:
        raise InvalidTransition(f"case {name_of(case, parts, target)} already waits for the answer to this very "
                                "question (a second click?); the business has not answered yet")
    partlib.pause(target, now)
    record_event(session, case, target, actor, "waiting", question, now)
    summarise_case(session, case, parts, now)
    mailed = queue_letter(session, case, target, desk, "info_request", message=question)
    return ActionResult(case.reference, "request-info", target.status,
                        f"case {name_of(case, parts, target)} waits for the applicant; the clock is paused", mailed,
                        target.id)


def _last_question(session: Session, part: CasePart) -> str | None:
    last = session.exec(select(CaseEvent.detail).where(CaseEvent.part_id == part.id, CaseEvent.action == "waiting")
                        .order_by(col(CaseEvent.id).desc())).first()
    return last


def resume(session: Session, case: Case, *, actor: str, desk: Desk, now: datetime | None = None,
           only: CasePart | None = None) -> ActionResult:
    """The applicant answered: every waiting part (or ``only``) runs again; a later week is announced."""
    now = now or utcnow()
    parts = partlib.parts_of(session, case)
    waiting = [p for p in parts if p.status == "waiting" and (only is None or p.id == only.id)]
    if not waiting:
        raise InvalidTransition(f"case {case.reference} is {case.status}: cannot resume (only when waiting)")
    mailed: tuple[str, ...] = ()
    moved = []
    for part in waiting:
        old, new = partlib.end_pause(part, case.received_at, desk.calendar, now)
        part.status = "in_progress"
        record_event(session, case, part, actor, "resumed",
                     f"clock runs again; due {old.isoformat()} -> {new.isoformat()}", now)
        if clock.moved_to_later_week(old, new):
            moved.append(f"{part.task_type} {iso_week(old)} -> {part.expected_week}")
            mailed += queue_letter(session, case, part, desk, "resumed",
                                   old_week_text=describe_week(old, lang_of(case)))
    summarise_case(session, case, parts, now)
    dues = ", ".join(f"{p.task_type} due {p.due_date.isoformat()} ({p.expected_week})" for p in waiting)
    summary = f"case {case.reference} resumed; {dues}" + (f"; moved: {'; '.join(moved)}" if moved else "")
    return ActionResult(case.reference, "resume", case.status, summary, tuple(dict.fromkeys(mailed)),
                        only.id if only is not None else None)
