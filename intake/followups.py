"""Mail about an existing case: the business's follow-ups and status questions, caseworkers' replies,
and mail about a closed case.

A message that quotes a tracking reference is mail about that case only when
its From is one of the case's own addresses (``intake.cases.rules.belongs_to``:
the sender, the business, its agent, addresses a caseworker added; never a
whole domain); anyone else gets a new case and learns nothing. A From that is
one of them but not proven (``intake.mail.authentication``) is recorded as
**unverified mail**: an event on the case and a note to the office, nothing
threaded, no clock moved, no answer to the sender.
``find_case`` makes that decision (read only, so the dry run makes it too).
What follows is written in the caller's session:

- a **follow-up** is passed on to the offices of the case's open parts, and
  marks those parts unread on the desk (``intake.cases.unread``); an
  answer to a request for information resumes every waiting part's clock;
- a **status question** is answered at once, each part with its office, state
  and expected week (within the daily limit of status answers);
- a **caseworker's reply** (from inside the municipality, quoting the case) is
  recorded and passed on to the business from our shared address, in the
  case's thread and in the caseworker's name; marked internal (``[intern]`` in
  the subject, or sent to the comment address) it is a note and goes nowhere;
- mail about a **closed case** that is not a new application is recorded on it,
  the office is told, and the business is answered how to apply again or ask;
- an **authority's answer** to an application we forwarded to it (``intake.cases.forwarded``) is recorded on the
  case and marks the forwarded part unread for its office; nothing is sent and no status or clock moves.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence

from sqlmodel import Session, col, func, select

from intake.cases import parts as partlib
from intake.cases import unread
from intake.cases.checklists import apply_answer, stored
from intake.cases.forwarded import cited_ids, forward_answered
from intake.cases.lifecycle import Desk, resume
from intake.cases.rules import (
    NOTICE_PURPOSES,
    contacts_of,
    may_reply,
    own_addresses,
    quoted_cases,
    written_by_its_own,
)
from intake.details.checklist import Checklist
from intake.letters.case_letters import case_greeting
from intake.letters.envelope import Thread, msg_id
from intake.letters.facts import PartFacts
from intake.letters.followup import follow_up_to_office, unverified_to_office
from intake.letters.notices import caseworker_reply, closed_reply
from intake.letters.outbox import queue_mail
from intake.letters.status import describe_event, status_reply
from intake.letters.wording import language, words
from intake.mail.headers import raw_header_values
from intake.mail.message import ParsedMail
from intake.pipeline import Context, MessageState, evidence_of, find_details, own_evidence, read_attachments
from intake.privacy import redact_cpr
from models import Case, CaseEvent, CasePart, InboundMessage

log = logging.getLogger(__name__)

# (references quoted, addresses that may own the case; None: any case, for caseworkers) -> the case
CaseLookup = Callable[[Sequence[str], "Sequence[str] | None"], "Case | None"]
# Events a status answer never names as the last one: the question itself, and what is the office's business.
INTERNAL_EVENTS = ("status_query", "follow_up", "caseworker_note", "unverified_mail", "contact_added",
                   "contact_removed", "purged", "unproven_sender", "authority_reply")
_NONE = Checklist("", {}, (), ())
_PART_OF_ROUTED = re.compile(r"<case-([a-z0-9_]+)\.")


def answers_request(mail: ParsedMail) -> bool:
    """True when ``mail`` replies to one of our requests for information (by its Message-ID)."""
    return any(ref.strip().startswith("<inforequest.") for ref in [mail.in_reply_to, *mail.references] if ref)


def find_case(session: Session, references: Sequence[str], owners: Sequence[str] | None) -> Case | None:
    """The quoted case that one of ``owners`` belongs to (any quoted case when ``owners`` is None)."""
    cases = quoted_cases(session, references)
    if owners is None:
        return cases[0] if cases else None
    return next((c for c in cases if written_by_its_own(session, c, owners)), None)


def database_lookup(session: Session) -> CaseLookup:
    """``find_case`` bound to ``session``."""
    return lambda references, owners: find_case(session, references, owners)


def _count_messages(session: Session, case: Case) -> int:
    return session.exec(select(func.count()).select_from(InboundMessage)
                        .where(InboundMessage.case_id == case.id)).one()


def _desk(ctx: Context) -> Desk:
    return Desk(ctx.settings, ctx.catalogue, ctx.calendar, ctx.models)


def record(session: Session, rec: InboundMessage, state: MessageState, ctx: Context, case: Case) -> None:
    """Add a follow-up or a status question to ``case``: its event, then the answer or the mail to the office."""
    if state.kind == "status_query" and case.status == "waiting" and answers_request(state.mail):
        state.kind = "follow_up"  # a short answer to our question ("hvornår ...?") is still the answer
    n = _count_messages(session, case) + 1
    session.add(CaseEvent(case_id=case.id, actor="applicant", action=state.kind, detail=f"message {rec.id}"))
    if state.kind == "status_query":
        if may_reply(session, state.mail.from_addr, ctx.settings.max_status_answers_per_sender_per_day, ("status",)):
            answer_status(session, case, state, rec.id, n, ctx)
        else:
            rec.reason = "no status answer: the address reached the daily limit of status answers"
    else:
        pass_on_follow_up(session, case, state, rec.id, n, ctx)
    rec.outcome, rec.kind, rec.case_id = state.kind, state.kind, case.id
    log.info("message added to a case", extra={"reference": case.reference, "kind": state.kind, "inbound_id": rec.id})


def part_facts(session: Session, case: Case) -> tuple[PartFacts, ...]:
    """The parts of ``case`` as letters describe them, each waiting part with the question it waits for."""
    parts = partlib.parts_of(session, case)
    asked: dict[int | None, str] = {}
    for event in session.exec(select(CaseEvent).where(CaseEvent.case_id == case.id)
                              .where(CaseEvent.action == "waiting").order_by(col(CaseEvent.id))):
        asked[event.part_id] = event.detail
    return tuple(PartFacts.of(p, waiting_for=asked.get(p.id, asked.get(None, "")) if p.status == "waiting" else "")
                 for p in parts)


def answer_status(session: Session, case: Case, state: MessageState, inbound_id: int | None, n: int,
                  ctx: Context) -> None:
    """Each part's office, state and expected week, and the last event that is not this very question."""
    last = session.exec(select(CaseEvent).where(CaseEvent.case_id == case.id)
                        .where(col(CaseEvent.action).not_in(INTERNAL_EVENTS))
                        .where(col(CaseEvent.action).in_(list(words(state.language, "events"))))  # in its words
                        .order_by(col(CaseEvent.id).desc())).first()
    last_text = describe_event(last.action, last.at, state.language) if last else ""
    parts = part_facts(session, case)
    waiting_for = next((p.waiting_for for p in parts if p.waiting_for), "")
    msg = status_reply(case, last_text, state.mail, ctx.catalogue, ctx.settings, state.language, n,
                       waiting_for=waiting_for, parts=parts)
    queue_mail(session, purpose="status", msg=msg, case_id=case.id, inbound_id=inbound_id)


def _parts_to_tell(parts: Sequence[CasePart]) -> Sequence[CasePart]:
    """The parts whose offices hear of a follow-up: the open ones, or every part when none is open."""
    return [p for p in parts if p.status in partlib.OPEN_PART_STATUSES] or parts


def _offices_to_tell(told: Sequence[CasePart]) -> tuple[str, list[str]]:
    """The office a follow-up goes to (the first told part's) and the others in Cc: the offices of the other parts
    and the caseworkers of them all. ``told`` is ``_parts_to_tell``'s answer."""
    offices = list(dict.fromkeys(p.office for p in told))
    assigned = [p.assigned_to or "" for p in told]
    return offices[0], [*offices[1:], *assigned]


def pass_on_follow_up(session: Session, case: Case, state: MessageState, inbound_id: int | None, n: int,
                      ctx: Context, *, closed: bool = False) -> None:
    """Forward the follow-up to the offices of the open parts; an answer to a request resumes the clock."""
    resumed = ""
    parts = partlib.parts_of(session, case)
    if any(p.status == "waiting" for p in parts):
        paused = [p.paused_since for p in parts if p.paused_since is not None]
        done = resume(session, case, actor="applicant", desk=_desk(ctx), now=max([state.received, *paused]))
        resumed = done.summary
        log.info("case resumed by the applicant's answer", extra={"reference": case.reference,
                                                                  "inbound_id": inbound_id})
    told = _parts_to_tell(parts)
    office, others = _offices_to_tell(told)
    unread.mark(session, told, state.received)   # the desk shows it until the office looks
    cc = [ctx.catalogue.office(o).address if o in ctx.catalogue.offices else o for o in others]
    notes = [] if closed else recheck(session, case, parts, state, ctx)
    msg = follow_up_to_office(case, state.mail, state.raw, ctx.catalogue, ctx.settings, n, resumed=resumed,
                              cc=[*cc, case.contact_email or ""], office=office, closed=closed, checklist=notes)
    queue_mail(session, purpose="follow_up", msg=msg, case_id=case.id, inbound_id=inbound_id)


def recheck(session: Session, case: Case, parts: Sequence[CasePart], state: MessageState, ctx: Context) -> list[str]:
    """A mail about a case that misses required checklist items is checked again; what it supplies is recorded."""
    open_parts = [p for p in parts if p.status in partlib.OPEN_PART_STATUSES and (stored(p) or _NONE).required_missing]
    if not open_parts:
        return []
    read_attachments(state, ctx)
    find_details(state, ctx)
    evidence = evidence_of(state)
    # an answer about several parts ("Skiltet bliver 120 x 40 cm, og P-nummeret er ..."): each reads its own sentences
    tasks = [p.task_type for p in parts if not p.needs_triage and p.status in partlib.OPEN_PART_STATUSES]
    notes = apply_answer(open_parts, evidence, ctx.catalogue, own_evidence(evidence, tasks, ctx))
    for part, note in zip(open_parts, notes, strict=True):
        session.add(CaseEvent(case_id=case.id, part_id=part.id, actor="applicant", action="checklist", detail=note))
    log.info("checklist checked again", extra={"reference": case.reference, "parts": len(open_parts)})
    return notes


# -- caseworkers answer from their own mail client ------------------------------------------------------
def is_internal_note(state: MessageState, settings) -> bool:
    """A caseworker's mail meant for the case only: the internal tag in the subject, or sent to the comment address."""
    tag = settings.internal_tag.strip().lower()
    if tag and tag in state.mail.subject.lower():
        return True
    recipients = " ".join(v for h in ("To", "Cc") for v in raw_header_values(state.mail.msg, h)).lower()
    return bool(settings.comment_address) and settings.comment_address in recipients


def record_caseworker(session: Session, rec: InboundMessage, state: MessageState, ctx: Context,
                      case: Case) -> None:
    """A caseworker's reply: a note on the case, or correspondence passed on to the business."""
    who = state.mail.from_addr
    text = state.text_now.strip()
    if is_internal_note(state, ctx.settings):
        session.add(CaseEvent(case_id=case.id, actor=who, action="caseworker_note", detail=redact_cpr(text)[:4000]))
        state.kind = "caseworker_note"
    else:
        part = _part_replied_to(session, case, state)
        office = ctx.catalogue.office(part.office)
        office_name = getattr(office, f"name_{language(case.language)}")
        n = _count_messages(session, case) + 1
        msg = caseworker_reply(case, text, state.mail.from_name or who.partition("@")[0], office_name,
                               case_greeting(case, case.language), ctx.settings, n, _business_thread(session, case,
                                                                                                     ctx))
        for attachment in state.mail.attachments:
            maintype, _, subtype = (attachment.content_type or "application/octet-stream").partition("/")
            msg.add_attachment(attachment.data, maintype=maintype or "application",
                               subtype=subtype or "octet-stream", filename=attachment.filename)
        queue_mail(session, purpose="caseworker_reply", msg=msg, case_id=case.id, inbound_id=rec.id)
        session.add(CaseEvent(case_id=case.id, part_id=part.id, actor=who, action="caseworker_reply",
                              detail=redact_cpr(text)[:4000]))
    rec.outcome, rec.kind, rec.case_id = state.kind, state.kind, case.id
    log.info("caseworker's mail added to a case", extra={"reference": case.reference, "kind": state.kind,
                                                         "inbound_id": rec.id})


def _part_replied_to(session: Session, case: Case, state: MessageState) -> CasePart:
    """The part whose routed mail the caseworker answered (``<case-TASK.REF@...>``), else the first open one."""
    parts = partlib.parts_of(session, case)
    for ref in [state.mail.in_reply_to, *state.mail.references]:
        m = _PART_OF_ROUTED.match(ref or "")
        found = next((p for p in parts if m and p.task_type == m.group(1)), None)
        if found is not None:
            return found
    return next((p for p in parts if p.status in partlib.OPEN_PART_STATUSES), parts[0])


def _business_thread(session: Session, case: Case, ctx: Context) -> Thread:
    """The case's thread as the business sees it: under its latest mail to us, else under our acknowledgement."""
    ack = msg_id(ctx.settings, "ack", case.reference)
    owners = own_addresses(case, contacts_of(session, case))
    latest = session.exec(select(InboundMessage).where(InboundMessage.case_id == case.id)
                          .where(col(InboundMessage.sender).in_(owners)).where(InboundMessage.message_id != "")
                          .order_by(col(InboundMessage.id).desc())).first()
    if latest is None or latest.message_id == case.message_id:
        return Thread(ack, tuple(m for m in (case.message_id, ack) if m))
    return Thread(latest.message_id, tuple(m for m in (case.message_id, ack, latest.message_id) if m))


# -- mail whose sender is not proven -------------------------------------------------------------------
def record_unverified(session: Session, rec: InboundMessage, state: MessageState, ctx: Context,
                      case: Case) -> None:
    """A From of the case that failed authentication: flagged for the office, not threaded, not answered."""
    n = rec.id or _count_messages(session, case) + 1     # (unverified mail is not counted: its own number)
    why = f"answers our forward, not proven the authority's ({state.auth.summary})" if state.forwarded_to else \
        state.auth.summary
    session.add(CaseEvent(case_id=case.id, actor="intake", action="unverified_mail",
                          detail=f"message {rec.id}: {why}; not added to the case"))
    office, _ = _offices_to_tell(_parts_to_tell(partlib.parts_of(session, case)))
    msg = unverified_to_office(case, state.mail, state.raw, ctx.catalogue, ctx.settings, n, state.auth.summary,
                               office=office, forwarded_to=state.forwarded_to)
    queue_mail(session, purpose="unverified_note", msg=msg, case_id=case.id, inbound_id=rec.id)
    rec.outcome, rec.kind, rec.case_id = "unverified", "unverified_mail", None
    rec.reason = f"sender not proven ({why}): not added to {case.reference}"
    log.warning("mail about a case from an unproven sender", extra={"reference": case.reference,
                                                                    "inbound_id": rec.id})


# -- an authority answers an application we forwarded to it ----------------------------------------------
def record_authority(session: Session, rec: InboundMessage, state: MessageState, ctx: Context, case: Case) -> None:
    """The authority's answer on the forwarded case: an event on the forwarded part, that part unread for its
    office; no letter to anyone, no status, decision or clock changed."""
    forward = forward_answered(session, cited_ids(state.mail.in_reply_to, state.mail.references))
    parts = partlib.parts_of(session, case)
    part = next((p for p in parts if forward is not None and p.id == forward.part_id), None)
    session.add(CaseEvent(case_id=case.id, part_id=part.id if part else None, actor="authority",
                          action="authority_reply", detail=f"message {rec.id} from {state.mail.from_addr}"))
    unread.mark(session, [part] if part else _parts_to_tell(parts), state.received)
    rec.outcome, rec.kind, rec.case_id = "authority_reply", "authority_reply", case.id
    log.info("authority's answer added to a forwarded case", extra={"reference": case.reference,
                                                                    "inbound_id": rec.id})


# -- mail about a closed case --------------------------------------------------------------------------
def record_about_closed(session: Session, rec: InboundMessage, state: MessageState, ctx: Context,
                        case: Case) -> None:
    """Mail about a decided or closed case that applies for nothing new: on the case, to the office, answered."""
    n = _count_messages(session, case) + 1
    session.add(CaseEvent(case_id=case.id, actor="applicant", action="closed_case_mail", detail=f"message {rec.id}"))
    pass_on_follow_up(session, case, state, rec.id, n, ctx, closed=True)
    if may_reply(session, state.mail.from_addr, ctx.settings.max_notices_per_sender_per_day, NOTICE_PURPOSES):
        msg = closed_reply(case, state.mail, ctx.catalogue, ctx.settings, state.language, n)
        queue_mail(session, purpose="closed_reply", msg=msg, case_id=case.id, inbound_id=rec.id)
    else:
        rec.reason = "no answer: the address reached the daily limit of notices"
    rec.outcome, rec.kind, rec.case_id = "closed_case_mail", "closed_case_mail", case.id
    log.info("mail about a closed case", extra={"reference": case.reference, "inbound_id": rec.id})
