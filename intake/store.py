"""Writing what the pipeline found: the case, its history and its outgoing mail, in one transaction."""
from __future__ import annotations

import json
import logging
from datetime import timedelta

from sqlmodel import Session, col, func, select

from intake.compose import CaseFacts, acknowledgement, routed_case
from intake.pipeline import Context, MessageState
from intake.references import allocate_reference
from models import Case, CaseEvent, InboundMessage, OutboxMail, utcnow
from routing.goals import local_date

log = logging.getLogger(__name__)
REPLY_PURPOSES = ("acknowledgement", "status")
FREEMAIL = frozenset({
    "gmail.com", "googlemail.com", "hotmail.com", "hotmail.dk", "outlook.com", "outlook.dk", "live.com",
    "live.dk", "msn.com", "yahoo.com", "yahoo.dk", "icloud.com", "me.com", "mac.com", "aol.com",
    "mail.dk", "jubii.dk", "ofir.dk", "protonmail.com", "proton.me", "gmx.com", "gmx.net", "sol.dk",
    "youmail.dk", "webspeed.dk", "get2net.dk", "post.tele.dk",
})


def replies_today(session: Session, recipient: str) -> int:
    """Automatic replies (acknowledgements, status answers) sent to ``recipient`` in the last 24 hours."""
    since = utcnow() - timedelta(days=1)
    stmt = (select(func.count()).select_from(OutboxMail).where(OutboxMail.recipient == recipient)
            .where(col(OutboxMail.purpose).in_(REPLY_PURPOSES)).where(OutboxMail.created_at >= since))
    return session.exec(stmt).one()


def may_reply(session: Session, recipient: str, ctx: Context) -> bool:
    return bool(recipient) and replies_today(session, recipient) < ctx.settings.max_acks_per_sender_per_day


def belongs_to(case: Case, sender: str) -> bool:
    """A sender belongs to a case: its own address, or the same company domain (not a freemail one)."""
    if not sender:
        return False
    if sender == case.sender:
        return True
    domain = sender.rpartition("@")[2]
    return bool(domain) and domain == case.sender_domain and domain not in FREEMAIL


def queue_mail(session: Session, *, purpose: str, msg, case_id: int | None, inbound_id: int | None) -> None:
    session.add(OutboxMail(case_id=case_id, inbound_id=inbound_id, purpose=purpose,
                           recipient=str(msg["To"].addresses[0].addr_spec), message_id=msg["Message-ID"],
                           raw=msg.as_bytes()))


def facts_of(state: MessageState, reference: str) -> CaseFacts:
    unreadable = tuple((a.filename, a.explain(state.language) or "") for a in state.attachments
                       if a.status != "read")
    return CaseFacts(reference=reference, received=state.received, language=state.language,
                     task_types=tuple(state.task_types),
                     confidence=state.prediction.confidence if state.prediction else 0.0,
                     office=state.office, needs_triage=state.needs_triage, due=state.due,
                     details=state.details, unreadable=unreadable)


def details_json(state: MessageState) -> str:
    return json.dumps({k: {"value": f.value, "source": f.source} for k, f in state.details.items()},
                      ensure_ascii=False, default=str)


def attachments_json(state: MessageState) -> str:
    return json.dumps([{"filename": a.filename, "type": a.type, "status": a.status, "reason": a.reason}
                       for a in state.attachments], ensure_ascii=False)


def store_case(session: Session, inbound: InboundMessage, state: MessageState, ctx: Context) -> Case:
    """Register the case, its first events and its two mails (acknowledgement, routed) in ``session``."""
    mail = state.mail
    year = local_date(state.received).year
    reference = allocate_reference(session, ctx.settings.reference_prefix, year)
    value = lambda key: (str(state.details[key].value) if key in state.details else None)  # noqa: E731
    case = Case(
        reference=reference, received_at=state.received, subject=mail.subject[:500],
        sender=mail.from_addr, sender_domain=mail.from_addr.rpartition("@")[2],
        language=state.language, task_type=state.task_types[0], task_types=json.dumps(state.task_types),
        confidence=state.prediction.confidence if state.prediction else 0.0,
        needs_triage=state.needs_triage, office=state.office,
        model_version=state.prediction.model_version if state.prediction else "",
        goal_value=state.goal.value, goal_unit=state.goal.unit, due_date=state.due,
        expected_week=state.week, company_name=value("company_name"), cvr=value("cvr"),
        details_json=details_json(state), attachments_json=attachments_json(state),
        classifier_text=state.classifier_text, message_id=mail.message_id[:500],
    )
    session.add(case)
    session.flush()
    session.add(CaseEvent(case_id=case.id, action="received", detail=f"received {state.received.isoformat()}"))
    session.add(CaseEvent(case_id=case.id, action="routed",
                          detail=f"{state.task_types[0]} -> {state.office}"
                                 + (" (triage)" if state.needs_triage else "")))
    facts = facts_of(state, reference)
    routed = routed_case(facts, mail, state.raw, state.attachments, ctx.catalogue, ctx.settings)
    queue_mail(session, purpose="routed", msg=routed, case_id=case.id, inbound_id=inbound.id)
    if not mail.from_addr:
        inbound.reason = "no acknowledgement: no valid sender address"
    elif not may_reply(session, mail.from_addr, ctx):
        inbound.reason = "no acknowledgement: sender reached the daily limit"
    else:
        ack = acknowledgement(facts, mail, ctx.catalogue, ctx.settings)
        queue_mail(session, purpose="acknowledgement", msg=ack, case_id=case.id, inbound_id=inbound.id)
    inbound.case_id, inbound.outcome, inbound.kind = case.id, "case", "application"
    log.info("case %s registered: %s -> %s%s (message %s)", reference, state.task_types[0], state.office,
             " [triage]" if state.needs_triage else "", inbound.id)
    return case
