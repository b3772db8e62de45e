"""A part's unread mark: the business has written since the part's office last looked.

A follow-up from the business marks the parts it is passed on to (``intake.followups``): the open ones, or every
part when none is open. The mark is the office's, not one caseworker's (``CasePart.unread_since``): colleagues cover
for each other, and one who reads the answer has seen it for the office. A desk user of the part's office clears it
by opening the case or acting on the part, on the desk or with ``intake case --actor`` (``acted_on``; a part
rerouted to another office is marked for it when the business has written); another office's user (the triage
office, an admin) leaves it, since the office itself has not seen the mail.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime

from sqlmodel import Session, col, func, select

from models import Case, CasePart, InboundMessage


def mark(session: Session, parts: Iterable[CasePart], at: datetime) -> None:
    """The business wrote at ``at``: each part's office has something to read (since the first unread mail)."""
    for part in parts:
        if part.unread_since is None:
            part.unread_since = at
            session.add(part)


def handed_over(session: Session, case: Case, part: CasePart) -> None:
    """``part`` has moved to another office (a reroute): the business's follow-ups on ``case`` are new to it, though
    the office that read them and moved the part cleared their mark (the routed mail carries only the first mail)."""
    first = session.exec(select(func.min(InboundMessage.received_at))
                         .where(InboundMessage.case_id == case.id, InboundMessage.outcome == "follow_up")).one()
    if first is not None:
        mark(session, [part], first)


def unread_since(session: Session, case: Case, offices: Collection[str] | None) -> datetime | None:
    """Since when one of ``offices`` (None: any) has mail to read on ``case``: the earliest mark of their parts."""
    found = [p.unread_since for p in _marked(session, case, offices) if p.unread_since is not None]
    return min(found) if found else None


def seen(session: Session, case: Case, office: str, task_type: str | None = None) -> int:
    """``office`` has looked at ``case`` (or only at its part of ``task_type``): its marks go; how many went."""
    parts = [p for p in _marked(session, case, {office}) if task_type is None or p.task_type == task_type]
    for part in parts:
        part.unread_since = None
        session.add(part)
    return len(parts)


def acted_on(session: Session, part_id: int | None, office: str) -> None:
    """A user of ``office`` acted on the part ``part_id`` (``ActionResult.part_id``; None, the whole case: nothing):
    the office has read what the business wrote about it. Only the part's own office: a part the action moved to
    another office (a reroute) keeps the mark its new office has not seen (``handed_over``)."""
    part = session.get(CasePart, part_id) if part_id is not None else None
    if part is not None and part.office == office and part.unread_since is not None:
        part.unread_since = None
        session.add(part)


def _marked(session: Session, case: Case, offices: Collection[str] | None) -> list[CasePart]:
    stmt = select(CasePart).where(CasePart.case_id == case.id, col(CasePart.unread_since).is_not(None))
    if offices is not None:
        stmt = stmt.where(col(CasePart.office).in_(sorted(offices)))
    return list(session.exec(stmt))
