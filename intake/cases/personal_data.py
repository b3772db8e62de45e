"""Personal data we hold: what a business or person can get a copy of, erase, and what retention removes.

- **Export** (``intake privacy export --email X | --cvr Y``): everything held about an address or a CVR
  number as one zip: the cases (details, parts, history, meetings, contacts), every mail received from or
  about them as it arrived (``.eml``) and every mail we sent (``.eml``).
- **Erase** (``intake privacy erase ...``) and **retention** (``intake privacy retention``, and the daily job of
  ``intake serve``) **purge** a case: its raw mail and attachments (the stored messages in and out), its
  subject, addresses, names, company, CVR, extracted details, attachment list, classifier text, event
  details, meeting participants and added contacts. What stays is anonymous: the reference, task types,
  offices, dates, statuses and decisions, which the service-goal reports (``intake.cases.compliance``)
  count. Erasure refuses undecided cases unless asked (the case would be lost mid-way).
- Every export, erasure and retention run writes a ``PrivacyAudit`` row: who, when, what was done, and
  whose data as a SHA-256 of the address or CVR (never the value itself, which erasure removes).
"""
from __future__ import annotations

import hashlib
import io
import json
import logging
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement
from sqlmodel import Session, SQLModel, col, or_, select

from intake.cases.contacts import of_address
from intake.cases.statuses import OPEN_STATUSES
from intake.errors import RequestRefused, UsageError
from intake.inbound import drop_raw, raw_of
from models import (
    AttachmentRead,
    Case,
    CaseContact,
    CaseEvent,
    CasePart,
    InboundMessage,
    Meeting,
    OutboxMail,
    PrivacyAudit,
    utcnow,
)

log = logging.getLogger(__name__)
ERASED = ""  # what a purged text column holds
ERASED_OUTBOX_STATUS = "erased"  # a mail not yet sent when its case was erased: never sent


class OpenCases(RequestRefused):
    """Erasure would remove the data of cases still being decided."""


@dataclass(frozen=True)
class Subject:
    """Whose data: an e-mail address or a CVR number (exactly one)."""

    email: str = ""
    cvr: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "email", self.email.strip().lower())
        object.__setattr__(self, "cvr", "".join(c for c in self.cvr if c.isdigit()))
        if bool(self.email) == bool(self.cvr):
            raise UsageError("give exactly one of an e-mail address or a CVR number")

    @property
    def kind(self) -> str:
        return "email" if self.email else "cvr"

    @property
    def sha256(self) -> str:
        return hashlib.sha256((self.email or self.cvr).encode()).hexdigest()


@dataclass
class Holdings:
    """What we hold about one subject."""

    cases: list[Case] = field(default_factory=list)
    inbound: list[InboundMessage] = field(default_factory=list)
    outbox: list[OutboxMail] = field(default_factory=list)
    references: tuple[str, ...] = ()  # of the cases, readable after the session is gone

    @property
    def summary(self) -> str:
        return f"{len(self.cases)} case(s), {len(self.inbound)} mail(s) received, {len(self.outbox)} mail(s) sent"


# -- finding -------------------------------------------------------------------------------------------
def _cases_of(session: Session, who: Subject) -> list[Case]:
    if who.cvr:
        return list(session.exec(select(Case).where(Case.cvr == who.cvr).order_by(col(Case.id))))
    return list(session.exec(select(Case).where(of_address(who.email)).order_by(col(Case.id))))


def holdings(session: Session, who: Subject) -> Holdings:
    """The cases of ``who`` and every stored mail from, to or about them."""
    cases = _cases_of(session, who)
    ids = [c.id for c in cases]
    inbound_filter: ColumnElement[bool] = col(InboundMessage.case_id).in_(ids)
    outbox_filter: ColumnElement[bool] = col(OutboxMail.case_id).in_(ids)
    if who.email:
        inbound_filter = or_(inbound_filter, col(InboundMessage.sender) == who.email)
        outbox_filter = or_(outbox_filter, col(OutboxMail.recipient) == who.email)
    inbound = list(session.exec(select(InboundMessage).where(inbound_filter).order_by(col(InboundMessage.id))))
    outbox = list(session.exec(select(OutboxMail).where(outbox_filter).order_by(col(OutboxMail.id))))
    return Holdings(cases, inbound, outbox, tuple(c.reference for c in cases))


# -- export --------------------------------------------------------------------------------------------
def _row(obj: SQLModel, leave_out: Sequence[str] = ()) -> dict[str, Any]:
    return {k: v for k, v in obj.model_dump().items() if k not in leave_out}


def _case_record(session: Session, case: Case) -> dict[str, Any]:
    def rows(model: type[SQLModel], column: Any) -> list[dict[str, Any]]:
        return [_row(r) for r in session.exec(select(model).where(column == case.id))]
    return _row(case) | {"parts": rows(CasePart, CasePart.case_id), "events": rows(CaseEvent, CaseEvent.case_id),
                         "meetings": rows(Meeting, Meeting.case_id), "contacts": rows(CaseContact, CaseContact.case_id)}


def export_zip(session: Session, who: Subject, *, actor: str) -> tuple[bytes, Holdings]:
    """Everything held about ``who`` as a zip (cases.json, received/*.eml, sent/*.eml, README.txt); audited."""
    held = holdings(session, who)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("README.txt", _readme(held))
        zf.writestr("cases.json", json.dumps([_case_record(session, c) for c in held.cases], ensure_ascii=False,
                                             indent=2, default=str))
        zf.writestr("received.json", json.dumps([_row(m, ("raw",)) for m in held.inbound], ensure_ascii=False,
                                                indent=2, default=str))
        zf.writestr("sent.json", json.dumps([_row(m, ("raw",)) for m in held.outbox], ensure_ascii=False,
                                            indent=2, default=str))
        for m in held.inbound:
            raw = raw_of(session, m)
            if raw:
                zf.writestr(f"received/{m.id}.eml", raw)
        for o in held.outbox:
            if o.raw:
                zf.writestr(f"sent/{o.id}-{o.purpose}.eml", o.raw)
    _audit(session, actor, "export", who, held.summary)
    return buffer.getvalue(), held


def _readme(held: Holdings) -> str:
    return ("Alt hvad Københavns Erhvervsservice har registreret / everything the business desk holds:\n"
            f"{held.summary}.\n\ncases.json: sagerne med dele, historik, møder og kontakter / the cases with their "
            "parts, history, meetings and contacts.\nreceived/*.eml: modtagne mails som de kom / mails received, "
            "as they came.\nsent/*.eml: sendte mails / mails we sent.\n")


# -- purging -------------------------------------------------------------------------------------------
CASE_TEXT = ("subject", "sender", "sender_domain", "applicant_email", "applicant_name", "reply_email", "reply_name",
             "message_id", "classifier_text")


def purge_case(session: Session, case: Case, now: datetime) -> None:
    """Remove the personal data of ``case`` and its mail; keep the anonymous figures (see the module doc)."""
    for name in CASE_TEXT:
        setattr(case, name, ERASED)
    case.company_name = case.cvr = case.forwarded_by = None
    case.details_json, case.attachments_json, case.purged_at, case.updated_at = "{}", "[]", now, now
    session.add(case)
    for event in session.exec(select(CaseEvent).where(CaseEvent.case_id == case.id)):
        event.detail = ERASED
        event.actor = event.actor if "@" not in event.actor else ERASED
        session.add(event)
    for meeting in session.exec(select(Meeting).where(Meeting.case_id == case.id)):
        meeting.participants, meeting.outcome, meeting.open_questions = "[]", ERASED, ERASED
        session.add(meeting)
    for contact in session.exec(select(CaseContact).where(CaseContact.case_id == case.id)):
        session.delete(contact)
    purge_mail(session, session.exec(select(InboundMessage).where(InboundMessage.case_id == case.id)),
               session.exec(select(OutboxMail).where(OutboxMail.case_id == case.id)))
    assert case.id is not None, "a stored case has an id"
    session.add(CaseEvent(case_id=case.id, at=now, action="purged", detail=ERASED))


def purge_mail(session: Session, inbound: Iterable[InboundMessage], outbox: Iterable[OutboxMail]) -> None:
    """Empty the stored mails: raw bytes (with their attachments), what workers read of the attachments, sender,
    subject; a mail not sent is never sent."""
    for rec in inbound:
        drop_raw(session, rec)
        rec.sender, rec.subject, rec.message_id = ERASED, ERASED, ERASED
        session.add(rec)
        for read in session.exec(select(AttachmentRead).where(AttachmentRead.inbound_id == rec.id)):
            session.delete(read)
    for mail in outbox:
        mail.raw, mail.recipient, mail.last_error = b"", ERASED, ERASED
        if mail.status in ("pending", "sending"):
            mail.status = ERASED_OUTBOX_STATUS
        session.add(mail)


def erase(session: Session, who: Subject, *, actor: str, include_open: bool = False,
          now: datetime | None = None) -> Holdings:
    """Purge every case of ``who`` and every mail from or to them; audited. Undecided cases need ``include_open``."""
    now = now or utcnow()
    held = holdings(session, who)
    undecided = [c.reference for c in held.cases if c.status in OPEN_STATUSES and c.purged_at is None]
    if undecided and not include_open:
        raise OpenCases(f"{len(undecided)} case(s) not yet decided: {', '.join(undecided)} "
                        "(decide them first, or erase with --include-open)")
    for case in held.cases:
        purge_case(session, case, now)
    purge_mail(session, held.inbound, held.outbox)
    _audit(session, actor, "erase", who, held.summary, now)
    log.info("personal data erased", extra={"cases": len(held.cases), "inbound": len(held.inbound)})
    return held


# -- retention -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RetentionResult:
    """What a retention run removed (or, in a dry run, would remove)."""

    cases: tuple[str, ...]  # references
    stray_messages: int  # received mails that belong to no case (skipped, duplicates, quarantined)
    dry_run: bool
    cutoff: datetime

    @property
    def summary(self) -> str:
        verb = "would purge" if self.dry_run else "purged"
        return (f"{verb} {len(self.cases)} case(s) closed before {self.cutoff:%Y-%m-%d} and "
                f"{self.stray_messages} mail(s) received before then that belong to no case")


def retention(session: Session, keep_days: int, *, dry_run: bool = False, actor: str = "intake",
              now: datetime | None = None) -> RetentionResult:
    """Purge the cases closed more than ``keep_days`` ago, and older mail that belongs to no case."""
    now = now or utcnow()
    cutoff = now - timedelta(days=keep_days)
    cases = list(session.exec(select(Case).where(col(Case.closed_at).is_not(None)).where(col(Case.closed_at) < cutoff)
                              .where(col(Case.purged_at).is_(None)).order_by(col(Case.id))))
    stray = list(session.exec(select(InboundMessage).where(col(InboundMessage.case_id).is_(None))
                              .where(col(InboundMessage.received_at) < cutoff)
                              .where(InboundMessage.status != "processing").where(InboundMessage.sender != ERASED)))
    result = RetentionResult(tuple(c.reference for c in cases), len(stray), dry_run, cutoff)
    if dry_run:
        return result
    for case in cases:
        purge_case(session, case, now)
    purge_mail(session, stray, session.exec(select(OutboxMail).where(col(OutboxMail.inbound_id).in_(
        [m.id for m in stray]))))
    if cases or stray:
        _audit(session, actor, "retention", None, result.summary, now)
        log.info("retention: personal data removed", extra={"cases": len(cases), "stray_messages": len(stray)})
    return result


def _audit(session: Session, actor: str, action: str, who: Subject | None, detail: str,
           now: datetime | None = None) -> None:
    session.add(PrivacyAudit(at=now or utcnow(), actor=actor, action=action, subject_kind=who.kind if who else "",
                             subject_sha256=who.sha256 if who else "", detail=detail))
