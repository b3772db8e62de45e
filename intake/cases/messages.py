"""What caseworkers write, changing no status or clock: a reply to the business, a note for colleagues."""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from intake.cases.desk import Desk, InvalidTransition
from intake.cases.parts import Offices
from intake.cases.transitions import (
    PART_ACTION_STATUSES,
    ActionResult,
    get_case,
    held_part,
    name_of,
    queue_letter,
    record_event,
    required_text,
)
from models import Case, CaseEvent, utcnow


def reply(session: Session, reference: str, message: str, *, actor: str, desk: Desk, part: str | None = None,
          offices: Offices = None, now: datetime | None = None) -> ActionResult:
    """Write to the business about a part (answer its question, tell it something): no status, decision, due date
    or clock changes, in any status of the part, a closed case's too; a purged case takes none.

    The text goes in the case letters' frame (``case_message``) in the case's thread, and in the history as a
    ``caseworker_reply``, the event of a caseworker's reply passed on from their mail client: the desk shows the text,
    the track page only that the office wrote. A sender not proven (``store.may_mail_sender``) got nothing
    automatic, but a caseworker's own letter goes, as a question or a decision does: the case page warns of it on
    top, and the summary repeats it. The office has read what the business wrote: the desk and ``intake case`` clear
    the part's unread mark for an actor of its office, as after any action on it (``unread.acted_on``).
    """
    now = now or utcnow()
    text = required_text(message, "the message to the business (--message)", "reply")
    case, parts, target = held_part(session, reference, part, PART_ACTION_STATUSES["reply"], offices)
    if case.purged_at is not None:
        raise InvalidTransition(f"case {case.reference} is purged: cannot reply")
    record_event(session, case, target, actor, "caseworker_reply", text, now)
    mailed = queue_letter(session, case, target, desk, "message", message=text)
    doubt = "; note: the sender was not proven when the case came in: check that the address is the business's"
    return ActionResult(case.reference, "reply", target.status,
                        f"reply sent on case {name_of(case, parts, target)}; its status and due date are unchanged"
                        + (doubt if _unproven(session, case) else ""), mailed, target.id)


def _unproven(session: Session, case: Case) -> bool:
    """Whether the case's sender was not proven when it came in (no acknowledgement went: ``store``)."""
    return session.exec(select(CaseEvent.id).where(CaseEvent.case_id == case.id,
                                                   CaseEvent.action == "unproven_sender")).first() is not None


def note(session: Session, reference: str, text: str, *, actor: str, desk: Desk, part: str | None = None,
         offices: Offices = None, now: datetime | None = None) -> ActionResult:
    """A caseworker's note for colleagues ("rang the owner: the awning is retractable"), on one part or the case.

    The note is the same history event as a caseworker's mail marked internal (``followups.record_caseworker``):
    in the case's history on the desk and in the command line's ``case show``, and in a personal-data
    export; it is never shown on the business's track page nor mailed, and changes no status or clock. A purged
    case takes none: its history keeps no personal data.

    ``desk`` is taken only to be discarded: a note mails nothing, but ``intake case``'s ``_act`` calls every action
    alike, with ``desk=``, so every action's signature must keep it.
    """
    del desk
    now = now or utcnow()
    written = required_text(text, "the note's text", "note")
    case = get_case(session, reference)
    if case.purged_at is not None:
        raise InvalidTransition(f"case {case.reference} is purged: cannot note")
    target = None
    if part:
        case, _parts, target = held_part(session, reference, part, None, offices)
    record_event(session, case, target, actor, "caseworker_note", written, now)  # as a mail marked [intern]
    where = f"{case.reference} part {target.task_type}" if target is not None else case.reference
    return ActionResult(case.reference, "note", case.status, f"note added to {where}",
                        part_id=target.id if target is not None else None)
