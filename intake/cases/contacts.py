"""Addresses a caseworker adds to a case: a colleague of the applicant, a new agent, a second address.

Only the case's own addresses may follow up on it and get its status
(``intake.cases.rules.belongs_to``); these are the only way to widen that
circle, one address at a time, each change in the case's history.
"""
from __future__ import annotations

from email.utils import parseaddr

from sqlalchemy import ColumnElement, or_
from sqlmodel import Session, col, select

from intake.cases.lifecycle import ActionResult, Desk, get_case
from intake.errors import RequestRefused
from models import Case, CaseContact, CaseEvent


class InvalidAddress(RequestRefused):
    """The address given is not an e-mail address."""


def _address(email: str) -> str:
    addr = parseaddr(email.strip())[1].strip().lower()
    local, at, domain = addr.rpartition("@")
    if not (local and at and "." in domain) or any(c.isspace() for c in addr):
        raise InvalidAddress(f"not an e-mail address: {email!r}")
    return addr


def of_address(email: str) -> ColumnElement[bool]:
    """The cases ``email`` (lower case) sent, applied for, is answered at, or was added to (indexed lookups)."""
    added = select(CaseContact.case_id).where(CaseContact.email == email)
    return or_(col(Case.sender) == email, col(Case.applicant_email) == email, col(Case.reply_email) == email,
               col(Case.id).in_(added))


def add_contact(session: Session, reference: str, email: str, *, actor: str, desk: Desk | None = None) -> ActionResult:
    """Let ``email`` follow up on the case and ask for its status (kept when already added)."""
    case, addr = get_case(session, reference), _address(email)
    case_id = case.id
    assert case_id is not None, "a stored case has an id"
    found = session.exec(select(CaseContact).where(CaseContact.case_id == case_id)
                         .where(CaseContact.email == addr)).first()
    if found is None:
        session.add(CaseContact(case_id=case_id, email=addr, added_by=actor))
        session.add(CaseEvent(case_id=case_id, actor=actor, action="contact_added", detail=addr))
    summary = f"{case.reference}: {addr} " + ("was already a contact" if found else "may now write about the case")
    return ActionResult(case.reference, "contact_added", case.status, summary)


def remove_contact(session: Session, reference: str, email: str, *, actor: str,
                   desk: Desk | None = None) -> ActionResult:
    """Take ``email`` off the case's contacts (the applicant and its agent cannot be removed here)."""
    case, addr = get_case(session, reference), _address(email)
    case_id = case.id
    assert case_id is not None, "a stored case has an id"
    found = session.exec(select(CaseContact).where(CaseContact.case_id == case_id)
                         .where(CaseContact.email == addr)).first()
    if found is None:
        raise RequestRefused(f"{addr} is not a contact added to {case.reference}")
    session.delete(found)
    session.add(CaseEvent(case_id=case_id, actor=actor, action="contact_removed", detail=addr))
    return ActionResult(case.reference, "contact_removed", case.status, f"{case.reference}: {addr} removed")
