"""Mail about an existing case: follow-ups passed on to the office, and status questions answered.

A message that quotes a tracking reference is mail about that case only when
its sender belongs to the case (``intake.cases.rules.belongs_to``); anyone else
gets a new case and learns nothing. ``find_case`` makes that decision (read
only, so the dry run makes it too); ``record_follow_up`` and ``answer_status``
write what follows in the caller's session: the history event, the mail to the
office or the status answer, and, when the case waits for the applicant, the
clock that runs again.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from sqlmodel import Session, col, func, select

from intake.cases.lifecycle import Desk, resume
from intake.cases.rules import belongs_to, may_reply
from intake.letters.followup import follow_up_to_office
from intake.letters.outbox import queue_mail
from intake.letters.status import describe_event, status_reply
from intake.mail.message import ParsedMail
from intake.pipeline import Context, MessageState
from models import Case, CaseEvent, InboundMessage

log = logging.getLogger(__name__)

CaseLookup = Callable[[Sequence[str], str], "Case | None"]


def answers_request(mail: ParsedMail) -> bool:
    """True when ``mail`` replies to one of our requests for information (by its Message-ID)."""
    return any(ref.strip().startswith("<inforequest.") for ref in [mail.in_reply_to, *mail.references] if ref)


def find_case(session: Session, references: Sequence[str], sender: str) -> Case | None:
    """The quoted case that ``sender`` belongs to, or None (then the message is a new application)."""
    if not references:
        return None
    cases = session.exec(select(Case).where(col(Case.reference).in_(list(references)))).all()
    return next((c for c in cases if belongs_to(c, sender)), None)


def database_lookup(session: Session) -> CaseLookup:
    """``find_case`` bound to ``session``."""
    return lambda references, sender: find_case(session, references, sender)


def _count_messages(session: Session, case: Case) -> int:
    return session.exec(select(func.count()).select_from(InboundMessage)
                        .where(InboundMessage.case_id == case.id)).one()


def record(session: Session, rec: InboundMessage, state: MessageState, ctx: Context, case: Case) -> None:
    """Add a follow-up or a status question to ``case``: its event, then the answer or the mail to the office."""
    if state.kind == "status_query" and case.status == "waiting" and answers_request(state.mail):
        state.kind = "follow_up"  # a short answer to our question ("hvornår ...?") is still the answer
    n = _count_messages(session, case) + 1
    session.add(CaseEvent(case_id=case.id, actor="applicant", action=state.kind, detail=f"message {rec.id}"))
    if state.kind == "status_query":
        if may_reply(session, state.mail.from_addr, ctx.settings.max_acks_per_sender_per_day):
            answer_status(session, case, state, rec.id, n, ctx)
        else:
            rec.reason = "no status answer: sender reached the daily limit"
    else:
        pass_on_follow_up(session, case, state, rec.id, n, ctx)
    rec.outcome, rec.kind, rec.case_id = state.kind, state.kind, case.id
    log.info("message added to a case", extra={"reference": case.reference, "kind": state.kind, "inbound_id": rec.id})


def answer_status(session: Session, case: Case, state: MessageState, inbound_id: int | None, n: int,
                  ctx: Context) -> None:
    """State, office, expected week and the last event that is not this very question."""
    last = session.exec(select(CaseEvent).where(CaseEvent.case_id == case.id)
                        .where(CaseEvent.action != "status_query")
                        .order_by(col(CaseEvent.id).desc())).first()
    last_text = describe_event(last.action, last.at, state.language) if last else "-"
    asked = session.exec(select(CaseEvent).where(CaseEvent.case_id == case.id)
                         .where(CaseEvent.action == "waiting").order_by(col(CaseEvent.id).desc())).first()
    waiting_for = asked.detail if asked is not None and case.status == "waiting" else ""
    msg = status_reply(case, last_text, state.mail, ctx.catalogue, ctx.settings, state.language, n,
                       waiting_for=waiting_for)
    queue_mail(session, purpose="status", msg=msg, case_id=case.id, inbound_id=inbound_id)


def pass_on_follow_up(session: Session, case: Case, state: MessageState, inbound_id: int | None, n: int,
                      ctx: Context) -> None:
    """Forward the follow-up to the office; an answer to a request for information resumes the clock."""
    resumed = ""
    if case.status == "waiting":
        desk = Desk(ctx.settings, ctx.catalogue, ctx.calendar)
        done = resume(session, case, actor="applicant", desk=desk, now=max(state.received, case.paused_since))
        resumed = done.summary
        log.info("case resumed by the applicant's answer", extra={"reference": case.reference,
                                                                  "inbound_id": inbound_id})
    cc = [case.assigned_to or "", case.contact_email or ""]
    msg = follow_up_to_office(case, state.mail, state.raw, ctx.catalogue, ctx.settings, n, resumed=resumed, cc=cc)
    queue_mail(session, purpose="follow_up", msg=msg, case_id=case.id, inbound_id=inbound_id)
