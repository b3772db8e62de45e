"""Writing what the pipeline found: the case, its history and its outgoing mail, in one transaction."""
from __future__ import annotations

import json
import logging
from dataclasses import replace

from sqlmodel import Session

from intake.cases.meetings import needs_star_meeting, propose_star_meeting
from intake.cases.references import allocate_reference
from intake.cases.rules import assign_contact, is_complex, may_reply, offices_of
from intake.letters.acknowledgement import acknowledgement
from intake.letters.facts import AttachmentNote, CaseFacts
from intake.letters.outbox import queue_mail
from intake.letters.routed import routed_case
from intake.pipeline import Context, MessageState
from models import Case, CaseEvent, InboundMessage
from routing.goals import local_date

log = logging.getLogger(__name__)


def facts_of(state: MessageState, reference: str) -> CaseFacts:
    unreadable = tuple((a.filename, a.explain(state.language) or "") for a in state.attachments
                       if a.status != "read")
    return CaseFacts(reference=reference, received=state.received, language=state.language,
                     task_types=tuple(state.task_types),
                     confidence=state.prediction.confidence if state.prediction else 0.0,
                     office=state.office, needs_triage=state.needs_triage, due=state.due,
                     details={k: f.value for k, f in state.details.items()}, unreadable=unreadable,
                     external=tuple(state.external))


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
    case.offices = json.dumps(offices_of(state.task_types, ctx.catalogue) or [state.office])
    case.complex = is_complex(state.task_types, ctx.catalogue)
    person = assign_contact(session, case, ctx.catalogue) if case.complex else None
    session.add(case)
    session.flush()
    session.add(CaseEvent(case_id=case.id, action="received", detail=f"received {state.received.isoformat()}"))
    session.add(CaseEvent(case_id=case.id, action="routed",
                          detail=f"{state.task_types[0]} -> {state.office}"
                                 + (" (triage)" if state.needs_triage else "")))
    if person is not None:
        session.add(CaseEvent(case_id=case.id, action="contact_person",
                              detail=f"complex case ({', '.join(json.loads(case.offices))}): {person.name}"))
    facts = replace(facts_of(state, reference), contact=person)
    attachments = [AttachmentNote(a.filename, a.type, a.status, a.reason or "") for a in state.attachments]
    routed = routed_case(facts, mail, state.raw, attachments, ctx.catalogue, ctx.settings)
    queue_mail(session, purpose="routed", msg=routed, case_id=case.id, inbound_id=inbound.id)
    if not mail.from_addr:
        inbound.reason = "no acknowledgement: no valid sender address"
    elif not may_reply(session, mail.from_addr, ctx.settings.max_acks_per_sender_per_day):
        inbound.reason = "no acknowledgement: sender reached the daily limit"
    else:
        ack = acknowledgement(facts, mail, ctx.catalogue, ctx.settings)
        queue_mail(session, purpose="acknowledgement", msg=ack, case_id=case.id, inbound_id=inbound.id)
        if state.external:
            # Forvaltningsloven § 7: not passed on; the acknowledgement tells the business where to go.
            session.add(CaseEvent(case_id=case.id, action="guided_external", detail=",".join(state.external)))
    if not state.needs_triage and needs_star_meeting(case, ctx.catalogue):
        # Several offices: propose a star meeting at once (triage cases wait for a caseworker).
        propose_star_meeting(session, case, ctx.catalogue, ctx.calendar, ctx.settings)
    inbound.case_id, inbound.outcome, inbound.kind = case.id, "case", "application"
    fields = {"reference": reference, "task_type": state.task_types[0], "office": state.office,
              "inbound_id": inbound.id}
    log.info("case registered", extra=fields | ({"triage": True} if state.needs_triage else {}))
    return case
