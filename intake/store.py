"""Writing what the pipeline found: the case, its parts, its history and its outgoing mail, in one transaction.

One application is one case (one reference, one applicant, one contact
person) with one part per task type. Each part's office receives its routed
case; the business gets one acknowledgement listing every part, at the address
we answer (itself, or its agent named in Reply-To; the business, not the
colleague, when a colleague forwarded it); a colleague who forwarded the
application gets a short note that we have taken it over; neither is sent when
the From may be forged (DMARC failed, or our receiving server flagged the mail as
spam: ``state.unproven``), which the case's history and its routed mail say. An application
that needs several offices, or a task type marked complex, gets a contact
person and a star meeting; a question gets guidance, and a contact person
when it spans offices, but no meeting.
"""
from __future__ import annotations

import json
import logging
from dataclasses import replace

from sqlalchemy import event
from sqlmodel import Session

from intake.attachments import AttachmentResult
from intake.attachments.explain import GROUPED, explain_reason
from intake.cases.meetings import needs_star_meeting, propose_star_meeting
from intake.cases.parts import create_parts, offices_json
from intake.cases.references import allocate_reference
from intake.cases.rules import assign_contact, is_complex, may_reply, offices_of, quoted_by_another
from intake.letters.acknowledgement import acknowledgement
from intake.letters.facts import AttachmentNote, CaseFacts, PartFacts
from intake.letters.notices import forward_note
from intake.letters.outbox import queue_mail
from intake.letters.routed import routed_case
from intake.letters.wording import name_list, phrase
from intake.pipeline import Context, MessageState
from intake.privacy import find_cpr, redact_cpr
from models import Case, CaseEvent, CasePart, InboundMessage
from routing.goals import LOCAL_TZ, local_date

log = logging.getLogger(__name__)


def earlier_case_line(earlier: Case | None) -> str:
    """How the office reads the earlier case of a renewal: "KBH-2025-003391 (approved 2025-04-01)"."""
    if earlier is None:
        return ""
    when = f" {earlier.decided_at.date().isoformat()}" if earlier.decided_at else ""
    return f"{earlier.reference} ({earlier.decision or earlier.status}{when})"


def facts_of(state: MessageState, case: Case, parts: list[CasePart], earlier: Case | None = None) -> CaseFacts:
    """What the letters about the new case need, as plain values."""
    unreadable = unreadable_sentences(state.attachments, state.language)
    return CaseFacts(reference=case.reference, received=state.received, language=state.language,
                     task_types=tuple(state.task_types),
                     confidence=state.prediction.confidence if state.prediction else 0.0,
                     office=parts[0].office, needs_triage=parts[0].needs_triage, due=parts[0].due_date,
                     details={k: f.value for k, f in state.details.items()}, unreadable=unreadable,
                     external=tuple(state.external), parts=tuple(PartFacts.of(p) for p in parts),
                     reply_to=case.reply_email, greeting=case.reply_name, applicant_email=case.applicant_email,
                     applicant_text=redact_cpr(state.text_now), forwarded_by=case.forwarded_by or "",
                     earlier_case=earlier_case_line(earlier),
                     cpr_elsewhere=any(find_cpr(t) for t in (state.subject, *(a.filename for a in state.attachments))))


def unreadable_sentences(attachments: list[AttachmentResult], lang: str) -> tuple[tuple[str, str], ...]:
    """(file name, sentence) for each attachment not read; the many not read in time or past the part
    limit share one sentence per reason that names them all."""
    out: list[tuple[str, str]] = []
    grouped: dict[str, list[str]] = {}
    for a in attachments:
        if a.status == "read":
            continue
        if a.reason in GROUPED:
            grouped.setdefault(a.reason, []).append(redact_cpr(a.filename))
        else:
            out.append((redact_cpr(a.filename), a.explain(lang) or ""))
    out += [(names[0], explain_reason(reason, files_named(names, lang), lang)) for reason, names in grouped.items()]
    return tuple(out)


def files_named(names: list[str], lang: str) -> str:
    """One file by its name; more with their count first: "3 filer: a.pdf, b.pdf og c.pdf"."""
    return names[0] if len(names) == 1 else phrase(lang, "words.files", count=len(names), names=name_list(names, lang))


def details_json(state: MessageState) -> str:
    return json.dumps({k: {"value": _no_cpr(k, f.value), "source": redact_cpr(f.source)}
                       for k, f in state.details.items()}, ensure_ascii=False, default=str)


def _no_cpr(key: str, value: object) -> object:
    """A value with any CPR number masked; a P-number is ten digits read under its own label ("P-nummer
    1012345678"), which alone would read as a date of birth and be masked."""
    if key == "p_number" and isinstance(value, str) and value.isdigit():
        return value
    return redact_cpr(value) if isinstance(value, str) else value


def attachments_json(state: MessageState) -> str:
    return json.dumps([{"filename": redact_cpr(a.filename), "type": a.type, "status": a.status,
                        "reason": redact_cpr(a.reason or "")}
                       for a in state.attachments], ensure_ascii=False)


def reply_name(state: MessageState) -> str:
    """The name to greet at the address we answer: one person's name with that same person's address.

    An agent (Reply-To) or a forwarded author is greeted by the name that came with their address; the
    business writing itself by the contact name it gave (when that contact's address is not another one).
    """
    who = state.who
    if who.has_agent or who.forwarded_by:
        return who.reply_name
    contact = state.details.get("contact_name")
    contact_email = state.details.get("contact_email")
    if contact and (contact_email is None or str(contact_email.value).lower() == who.reply_addr):
        return str(contact.value)
    return who.reply_name


def _new_case(session: Session, state: MessageState, ctx: Context, topics: list[str]) -> Case:
    mail, who = state.mail, state.who
    reference = allocate_reference(session, ctx.settings.reference_prefix, local_date(state.received).year)
    value = lambda key: (str(state.details[key].value) if key in state.details else None)  # noqa: E731
    case = Case(
        reference=reference, received_at=state.received, subject=redact_cpr(state.subject)[:500],
        sender=mail.from_addr, sender_domain=who.applicant_addr.rpartition("@")[2],
        language=state.language, task_type=state.parts[0].task_type, task_types=json.dumps(state.task_types),
        confidence=state.prediction.confidence if state.prediction else 0.0,
        needs_triage=state.needs_triage, office=state.parts[0].office,
        model_version=state.prediction.model_version if state.prediction else "",
        company_name=value("company_name"), cvr=value("cvr"),
        details_json=details_json(state), attachments_json=attachments_json(state),
        classifier_text=state.classifier_text, message_id=mail.message_id[:500],
        applicant_email=who.applicant_addr, applicant_name=redact_cpr(who.applicant_name)[:200],
        reply_email=who.reply_addr, reply_name=redact_cpr(reply_name(state))[:200],
        forwarded_by=who.forwarded_by or None,
        linked_case_id=state.earlier_case_id, offices=offices_json(state.parts),
        complex=is_complex(topics, ctx.catalogue),
    )
    session.add(case)
    session.flush()
    return case


def _is_question(state: MessageState, ctx: Context) -> bool:
    """A general enquiry ("which permits does a food truck need?"), not an application."""
    return state.parts[0].task_type == ctx.catalogue.general_task and not state.parts[0].needs_triage


def may_mail_sender(state: MessageState) -> bool:
    """Whether anything automatic may go to the sender (the acknowledgement, a forward note, a star meeting's
    invitation): not when the From may be forged (``state.unproven``), since the reference would go to a stranger,
    or the mail to a victim."""
    return not state.unproven


def store_case(session: Session, inbound: InboundMessage, state: MessageState, ctx: Context) -> Case:
    """Register the case, its parts, its first events and its mails in ``session``."""
    topics = state.task_types if _is_question(state, ctx) else [p.task_type for p in state.parts]
    case = _new_case(session, state, ctx, topics)
    checklists = {task: json.dumps(checklist.as_dict(), ensure_ascii=False)
                  for task, checklist in state.checklists.items() if checklist}
    parts = create_parts(session, case, state.parts, checklists)
    _record_events(session, case, parts, state, inbound)
    person = assign_contact(session, case, ctx.catalogue) if case.complex else None
    if person is not None:
        offices = ", ".join(offices_of(topics, ctx.catalogue))
        session.add(CaseEvent(case_id=case.id, action="contact_person",
                              detail=f"complex case ({offices}): {person.name}"))
    earlier = session.get(Case, state.earlier_case_id) if state.earlier_case_id is not None else None
    quoted = _quoted_by_another(session, case, state)
    facts = replace(facts_of(state, case, parts, earlier), contact=person, quoted_cases=quoted,
                    unproven=state.unproven)
    _queue_routed(session, case, facts, state, inbound, ctx)
    mail_sender = may_mail_sender(state)
    _queue_replies(session, case, facts, state, inbound, ctx, mail_sender)
    if (mail_sender and not case.needs_triage and not _is_question(state, ctx)
            and needs_star_meeting(case, ctx.catalogue, parts)):
        # several offices, or a task type marked complex: a star meeting at once (triage cases wait; an unproven
        # sender is invited by a caseworker, who has reached the business first)
        propose_star_meeting(session, case, ctx.catalogue, ctx.calendar, ctx.settings)
    inbound.case_id, inbound.outcome, inbound.kind = case.id, "case", "application"
    fields = {"reference": case.reference, "task_type": case.task_type, "office": case.office,
              "parts": ",".join(p.task_type for p in parts), "inbound_id": inbound.id}
    registered = fields | ({"triage": True} if case.needs_triage else {})
    # said once it is true: a crash before the commit leaves no line naming a case that does not exist
    event.listen(session, "after_commit", lambda _: log.info("case registered", extra=registered), once=True)
    return case


def _quoted_by_another(session: Session, case: Case, state: MessageState) -> tuple[str, ...]:
    """Other cases the mail quotes without being from one of their addresses: noted on the new case, and its office
    warned in the routed mail (a stranger asking to change a case's address must not be taken for its applicant).
    Nothing is added to the quoted case: a stranger leaves no trace there."""
    others = quoted_by_another(session, state.references, state.writers, except_id=state.earlier_case_id)
    for other in others:
        session.add(CaseEvent(case_id=case.id, action="quotes_another_case",
                              detail=f"quotes {other.reference} without being from one of its addresses: "
                                     "not added to it"))
    return tuple(o.reference for o in others)


def _record_events(session: Session, case: Case, parts: list[CasePart], state: MessageState,
                   inbound: InboundMessage) -> None:
    at = state.received.astimezone(LOCAL_TZ)
    session.add(CaseEvent(case_id=case.id, action="received", detail=f"received {at:%Y-%m-%d %H:%M} Copenhagen time"))
    if case.forwarded_by:
        session.add(CaseEvent(case_id=case.id, action="forwarded_to_us",
                              detail=f"forwarded by {case.forwarded_by}; applicant {case.applicant_email}"))
    if state.earlier_case_id is not None:
        earlier = session.get(Case, state.earlier_case_id)     # "renews KBH-2025-003391 (approved 2025-04-01)"
        session.add(CaseEvent(case_id=case.id, action="renewal",
                              detail=f"renews {earlier_case_line(earlier) or f'case id {state.earlier_case_id}'}"))
    variants = {p.task_type: p.variant for p in state.parts if p.variant is not None}
    for part in parts:
        variant = variants.get(part.task_type)
        goal = f"; goal {part.goal_value} {part.goal_unit} {variant.when_en}" if variant is not None else ""
        session.add(CaseEvent(case_id=case.id, part_id=part.id, action="routed",
                              detail=f"{part.task_type} -> {part.office}" + (" (triage)" if part.needs_triage else "")
                              + goal))


def _queue_routed(session: Session, case: Case, facts: CaseFacts, state: MessageState, inbound: InboundMessage,
                  ctx: Context) -> None:
    """Each part to its office: its own task, goal and week, the other parts listed."""
    attachments = [AttachmentNote(redact_cpr(a.filename), a.type, a.status, redact_cpr(a.reason or ""))
                   for a in state.attachments]
    for part in facts.parts:
        msg = routed_case(facts, state.mail, state.raw, attachments, ctx.catalogue, ctx.settings, part=part)
        queue_mail(session, purpose="routed", msg=msg, case_id=case.id, inbound_id=inbound.id)


def _queue_replies(session: Session, case: Case, facts: CaseFacts, state: MessageState, inbound: InboundMessage,
                   ctx: Context, mail_sender: bool) -> None:
    """The acknowledgement to the business (or its agent); a note to a colleague who forwarded it. Neither when we
    may not mail the sender (``may_mail_sender``): the case's history and the log say why."""
    to = case.reply_email
    if not mail_sender:
        inbound.reason = f"no acknowledgement: {state.unproven}"
        session.add(CaseEvent(case_id=case.id, action="unproven_sender",
                              detail=f"{state.unproven}: no acknowledgement or other automatic mail sent to "
                                     f"{to or 'the sender'}; reach the business another way"))
        log.warning("no acknowledgement: the sender is not proven", extra={"reference": case.reference,
                                                                           "inbound_id": inbound.id})
        return
    if not to:
        inbound.reason = "no acknowledgement: no valid sender address"
    elif not may_reply(session, to, ctx.settings.max_acks_per_sender_per_day, ("acknowledgement",)):
        inbound.reason = "no acknowledgement: the address reached the daily limit of acknowledgements (loop guard)"
    else:
        ack = acknowledgement(facts, state.mail, ctx.catalogue, ctx.settings)
        queue_mail(session, purpose="acknowledgement", msg=ack, case_id=case.id, inbound_id=inbound.id)
        if state.external:
            # Forvaltningsloven § 7: not passed on; the acknowledgement tells the business where to go.
            session.add(CaseEvent(case_id=case.id, action="guided_external", detail=",".join(state.external)))
    if case.forwarded_by and may_reply(session, case.forwarded_by, ctx.settings.max_notices_per_sender_per_day,
                                       ("forward_note",)):
        business = case.applicant_name or case.company_name or case.applicant_email
        note = forward_note(case.reference, business, state.mail, ctx.settings)
        queue_mail(session, purpose="forward_note", msg=note, case_id=case.id, inbound_id=inbound.id)
