"""A part sent elsewhere with the application: forwarded to the authority that decides it, rerouted to the right
task type and office, or added for another office; each takes the business's first mail as it came."""
from __future__ import annotations

import json
from datetime import datetime
from typing import cast

from sqlmodel import Session, col, select

from intake.cases import checklists, unread
from intake.cases import parts as partlib
from intake.cases.decisions import decide, decided_summary
from intake.cases.desk import Desk, InvalidTransition, UnknownChoice
from intake.cases.parts import OPEN_PART_STATUSES, Offices
from intake.cases.rules import contact_of, is_complex
from intake.cases.transitions import (
    CASE_ACTION_STATUSES,
    PART_ACTION_STATUSES,
    ActionResult,
    bounded_text,
    held_case,
    held_part,
    id_of,
    lang_of,
    next_seq,
    queue_letter,
    record_event,
    require,
    summarise_case,
)
from intake.cases.whole_case import make_complex
from intake.inbound import raw_of
from intake.letters.facts import AttachmentNote, CaseFacts, PartFacts
from intake.letters.forwarding import authority_mail, forwarded_values
from intake.letters.outbox import queue_mail
from intake.letters.routed import routed_case
from intake.mail.message import parse_mail
from intake.settings import Settings
from models import Case, CasePart, Correction, InboundMessage, utcnow
from models.addresses import is_valid_address


def forward(session: Session, reference: str, topic: str, *, actor: str, desk: Desk, message: str = "",
            to: str | None = None, part: str | None = None, offices: Offices = None,
            now: datetime | None = None) -> ActionResult:
    """Not a municipal task: forward it to the authority that decides it and tell the business (forvaltningsloven
    § 7, stk. 2).

    The application (the business's mail as it came, attached) goes to ``to``, else to the topic's mailbox in the
    catalogue, through the outbox, and the business's letter says it has been sent on; with no mailbox known the
    letter tells the business where to apply, as before. The event names the authority, not its address.
    """
    now = now or utcnow()
    ext = desk.catalogue.external.get(topic)
    if ext is None:
        raise UnknownChoice(f"unknown topic {topic!r}; known: {', '.join(sorted(desk.catalogue.external))}")
    message = bounded_text(message, "the note (--message)", "forward")
    address = _authority_address(to, ext.email)
    case, parts, target = held_part(session, reference, part, PART_ACTION_STATUSES["forward"], offices)
    if case.purged_at is not None:
        raise InvalidTransition(f"case {case.reference} is purged: cannot forward")
    raw = _original_raw(session, case) if address else b""
    if address and not raw:
        raise InvalidTransition(f"case {case.reference}: its original mail is not stored, so there is nothing to "
                                "send on; forward without an address (the business is told where to apply)")
    decide(case, target, "forward", "forwarded", desk, now)
    sent_to = f"; sent to {ext.authority_da}" if address else ""
    record_event(session, case, target, actor, "forwarded", f"{ext.id} -> {ext.authority_da}{sent_to}", now)
    summarise_case(session, case, parts, now)
    mailed: tuple[str, ...] = ()
    if address:
        office = desk.catalogue.office(target.office).name_da
        msg = authority_mail(case, ext, address, raw, office, cast(Settings, desk.settings),
                             next_seq(session, case))
        queue_mail(session, purpose="forwarded_authority", msg=msg, case_id=case.id, inbound_id=None)
        mailed = (address,)
    lang = lang_of(case)
    closes = not any(p.status in OPEN_PART_STATUSES for p in parts if p is not target)
    mailed += queue_letter(session, case, target, desk, "forwarded",
                           # the letter's placeholders, none of them an option of queue_letter's
                           **forwarded_values(ext, lang, case.reference, sent=bool(address),  # type: ignore[arg-type]
                                              closes_case=closes, message=message))
    word = f"forwarded to {ext.authority_en}" if address else f"forwarded: {ext.authority_en}"
    return ActionResult(case.reference, "forward", target.status, decided_summary(case, parts, target, word), mailed,
                        target.id)


def _authority_address(given: str | None, catalogue_address: str) -> str:
    """Where the application goes: the caseworker's address, else the catalogue's ('' for none); a given address
    must be a plain one."""
    text = (given or "").strip()
    if not text:
        return catalogue_address
    if not is_valid_address(text):
        raise UnknownChoice(f"{text[:80]!r} is not an email address: give the authority's mailbox as "
                            "name@domain (--to)")
    return text


def _original_raw(session: Session, case: Case) -> bytes:
    """The business's mail that opened ``case``, as it came (empty when none is stored, or it was erased)."""
    inbound = session.exec(select(InboundMessage).where(InboundMessage.case_id == case.id)
                           .where(InboundMessage.outcome == "case").order_by(col(InboundMessage.id))).first()
    return raw_of(session, inbound) if inbound is not None else b""


def reroute(session: Session, reference: str, task_type: str, *, actor: str, desk: Desk, part: str | None = None,
            offices: Offices = None, now: datetime | None = None) -> ActionResult:
    """Move a part to another task type and its office: a Correction for the classifier, the part re-sent."""
    now = now or utcnow()
    if task_type not in desk.catalogue.tasks:
        raise UnknownChoice(f"unknown task type {task_type!r}; known: {', '.join(sorted(desk.catalogue.tasks))}")
    case, parts, target = held_part(session, reference, part, PART_ACTION_STATUSES["reroute"], offices)
    require(case, target, "reroute", PART_ACTION_STATUSES["reroute"])
    if task_type == target.task_type and not target.needs_triage:
        raise InvalidTransition(f"case {case.reference} already has task type {task_type}")
    if any(p.task_type == task_type and p.id != target.id for p in parts):
        raise InvalidTransition(f"case {case.reference} already has a part {task_type}")
    task = desk.catalogue.task(task_type)
    session.add(Correction(case_id=id_of(case), from_task_type=target.task_type, to_task_type=task_type,
                           from_office=target.office, to_office=task.office, at=now, actor=actor))
    before = f"{target.task_type} ({target.office})"
    if task.office != target.office and target.assigned_to:
        # the old office's caseworker no longer sees the part, nor gets the business's answers in Cc
        record_event(session, case, target, actor, "assigned", f"{target.assigned_to} -> - (rerouted to {task.office})",
                     now)
        target.assigned_to = None
    # the wrong task type is replaced; the other predicted task types stay
    types = [t for t in json.loads(case.task_types or "[]") if t not in (task_type, target.task_type)]
    types.insert(0 if target.position == 0 else len(types), task_type)
    if task.office != target.office:
        unread.handed_over(session, case, target)   # the new office has not read what the business wrote
    target.task_type, target.office, target.needs_triage = task_type, task.office, False
    _recheck(target, case, [p.task_type for p in parts], desk)
    target.goal_value, target.goal_unit = task.goal.value, task.goal.unit
    if target.status != "waiting":
        target.status = "routed"
    old, new = partlib.recompute_due(target, case.received_at, desk.calendar)
    case.task_types, case.task_confirmed = json.dumps(types), True
    record_event(session, case, target, actor, "rerouted",
                 f"{before} -> {task_type} ({task.office}); due {old} -> {new}", now)
    summarise_case(session, case, parts, now)
    if is_complex([p.task_type for p in parts], desk.catalogue) and not case.complex:
        make_complex(session, case, desk, actor, now, "complex after rerouting")
    _resend_to_office(session, case, parts, target, desk)
    mailed = queue_letter(session, case, target, desk, "rerouted")
    return ActionResult(case.reference, "reroute", target.status,
                        f"case {case.reference} rerouted {before} -> {task_type} ({task.office}); "
                        f"due {new.isoformat()}; correction recorded", mailed, target.id)


def _recheck(part: CasePart, case: Case, tasks: list[str], desk: Desk) -> None:
    """``part``'s checklist made again; the model is loaded only for a case of several parts (``tasks``)."""
    checklists.refresh(part, case, desk.catalogue, tasks, desk.sentence_scorer() if len(set(tasks)) > 1 else None)


def facts_of_case(case: Case, parts: list[CasePart], desk: Desk) -> CaseFacts:
    """What the letters about a new case need, rebuilt from a stored case."""
    details = {k: v.get("value") for k, v in json.loads(case.details_json or "{}").items()}
    first = parts[0]
    return CaseFacts(reference=case.reference, received=case.received_at, language=case.language,
                     task_types=tuple(p.task_type for p in parts), confidence=case.confidence,
                     office=first.office, needs_triage=first.needs_triage, due=first.due_date, details=details,
                     unreadable=(), contact=contact_of(case, desk.catalogue),
                     parts=tuple(PartFacts.of(p) for p in parts), reply_to=case.reply_email,
                     greeting=case.reply_name, applicant_email=case.applicant_email,
                     forwarded_by=case.forwarded_by or "")


def _resend_to_office(session: Session, case: Case, parts: list[CasePart], part: CasePart, desk: Desk) -> None:
    """The routed-case mail of ``part`` again, now to its new office, with the original application attached."""
    raw = _original_raw(session, case)
    attachments = [AttachmentNote.from_dict(a) for a in json.loads(case.attachments_json or "[]")]
    msg = routed_case(facts_of_case(case, parts, desk), parse_mail(raw), raw, attachments, desk.catalogue,
                      desk.settings, next_seq(session, case), part=PartFacts.of(part))
    queue_mail(session, purpose="routed", msg=msg, case_id=case.id, inbound_id=None)


def add_part(session: Session, reference: str, task_type: str, *, actor: str, desk: Desk,
             now: datetime | None = None) -> ActionResult:
    """A task type the application also asks for (found at triage, or missed): a new part sent to its office.

    Its goal runs from the case's receipt, like the others; the case becomes complex when it now needs
    several offices, and the business is told where the new part is handled.
    """
    now = now or utcnow()
    if task_type not in desk.catalogue.tasks:
        raise UnknownChoice(f"unknown task type {task_type!r}; known: {', '.join(sorted(desk.catalogue.tasks))}")
    case = held_case(session, reference)
    parts = partlib.parts_of(session, case)
    if case.status not in CASE_ACTION_STATUSES["add-part"]:
        raise InvalidTransition(f"case {case.reference} is {case.status}: cannot add a part")
    if any(p.task_type == task_type for p in parts):
        raise InvalidTransition(f"case {case.reference} already has a part {task_type}")
    task = desk.catalogue.task(task_type)
    new = CasePart(case_id=id_of(case), position=max(p.position for p in parts) + 1, task_type=task_type,
                   office=task.office, goal_value=task.goal.value, goal_unit=task.goal.unit,
                   due_date=case.received_at.date(), status="routed")
    partlib.recompute_due(new, case.received_at, desk.calendar)
    _recheck(new, case, [*(p.task_type for p in parts), task_type], desk)
    session.add(new)
    session.flush()
    parts.append(new)
    types = [*json.loads(case.task_types or "[]")]
    case.task_types = json.dumps([*types, task_type] if task_type not in types else types)
    record_event(session, case, new, actor, "part_added", f"{task_type} -> {task.office}; due {new.due_date}", now)
    summarise_case(session, case, parts, now)
    person = None
    if is_complex([p.task_type for p in parts], desk.catalogue) and not case.complex:
        person = make_complex(session, case, desk, actor, now, "complex: a part for another office")
    _resend_to_office(session, case, parts, new, desk)
    mailed = queue_letter(session, case, new, desk, "part_added", introduce=person is not None)
    return ActionResult(case.reference, "add-part", new.status,
                        f"case {case.reference} part {task_type} added for {task.office}; due "
                        f"{new.due_date.isoformat()} ({new.expected_week})"
                        + (f"; contact person {person.name}" if person is not None else ""), mailed)
