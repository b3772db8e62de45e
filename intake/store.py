"""Writing what the pipeline found: the case, its history and its outgoing mail, in one transaction."""
from __future__ import annotations

import json
import logging
from dataclasses import replace
from datetime import timedelta

from sqlmodel import Session, col, func, select

from intake.compose import CaseFacts, acknowledgement, routed_case
from intake.meetings import needs_star_meeting, propose_star_meeting
from intake.outbox import queue_mail
from intake.pipeline import Context, MessageState
from intake.references import allocate_reference
from models import Case, CaseEvent, InboundMessage, OutboxMail, utcnow
from routing.catalogue import Catalogue, ContactPerson
from routing.goals import local_date

log = logging.getLogger(__name__)
REPLY_PURPOSES = ("acknowledgement", "status")
OPEN_STATUSES = ("received", "routed", "in_progress", "waiting")
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


def offices_of(task_types, catalogue: Catalogue) -> list[str]:
    """The distinct offices of the known ``task_types``, primary first."""
    return list(dict.fromkeys(catalogue.task(t).office for t in task_types if t in catalogue.tasks))


def is_complex(task_types, catalogue: Catalogue) -> bool:
    """A case is complex when it needs more than one office or one of its task types is marked complex."""
    known = [catalogue.task(t) for t in task_types if t in catalogue.tasks]
    return len(offices_of(task_types, catalogue)) > 1 or any(t.complex for t in known)


def pick_contact_person(session: Session, catalogue: Catalogue) -> ContactPerson | None:
    """The pool's contact person with the fewest open cases (ties: the pool's order); None without a pool."""
    pool = catalogue.contact_persons
    if not pool:
        return None
    rows = session.exec(select(Case.contact_email, func.count()).where(col(Case.status).in_(OPEN_STATUSES))
                        .where(col(Case.contact_email).is_not(None)).group_by(Case.contact_email)).all()
    load = {email: n for email, n in rows}
    return min(pool, key=lambda p: load.get(p.email, 0))


def contact_of(case: Case, catalogue: Catalogue) -> ContactPerson | None:
    """The contact person of ``case`` (from the pool by address, else a person made of the stored name)."""
    if not case.contact_email:
        return None
    for person in catalogue.contact_persons:
        if person.email == case.contact_email:
            return person
    return ContactPerson(name=case.contact_person or case.contact_email, email=case.contact_email, phone="-",
                         title="Kontaktperson / contact person")


def assign_contact(session: Session, case: Case, catalogue: Catalogue) -> ContactPerson | None:
    """Give ``case`` a contact person from the pool (kept when it has one)."""
    person = contact_of(case, catalogue) or pick_contact_person(session, catalogue)
    if person is not None:
        case.contact_person, case.contact_email = person.name, person.email
    return person


def facts_of(state: MessageState, reference: str) -> CaseFacts:
    unreadable = tuple((a.filename, a.explain(state.language) or "") for a in state.attachments
                       if a.status != "read")
    return CaseFacts(reference=reference, received=state.received, language=state.language,
                     task_types=tuple(state.task_types),
                     confidence=state.prediction.confidence if state.prediction else 0.0,
                     office=state.office, needs_triage=state.needs_triage, due=state.due,
                     details=state.details, unreadable=unreadable, external=tuple(state.external))


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
    routed = routed_case(facts, mail, state.raw, state.attachments, ctx.catalogue, ctx.settings)
    queue_mail(session, purpose="routed", msg=routed, case_id=case.id, inbound_id=inbound.id)
    if not mail.from_addr:
        inbound.reason = "no acknowledgement: no valid sender address"
    elif not may_reply(session, mail.from_addr, ctx):
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
    log.info("case %s registered: %s -> %s%s (message %s)", reference, state.task_types[0], state.office,
             " [triage]" if state.needs_triage else "", inbound.id)
    return case
