"""The audit log of the desk: who viewed or changed which case, and when (append-only).

The desk records every case page it shows, every document and mail it hands out
and every action taken through it; ``intake audit CASE`` prints the log.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from intake.cases.lifecycle import get_case
from models import AuditEntry, Case, utcnow


def record(session: Session, actor: str, action: str, case: Case | None, detail: str = "",
           now: datetime | None = None) -> None:
    """Add one entry in the caller's session (the caller commits, with the change it records)."""
    session.add(AuditEntry(at=now or utcnow(), actor=actor, action=action,
                           case_id=case.id if case is not None else None, detail=detail[:500]))


@dataclass(frozen=True)
class AuditLine:
    at: datetime
    actor: str
    action: str
    detail: str


def audit_of(session: Session, reference: str) -> list[AuditLine]:
    """The log of one case, oldest first; ``CaseNotFound`` for an unknown reference."""
    case = get_case(session, reference)
    entries = session.exec(select(AuditEntry).where(AuditEntry.case_id == case.id).order_by(col(AuditEntry.id)))
    return [AuditLine(e.at, e.actor, e.action, e.detail) for e in entries]
