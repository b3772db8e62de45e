"""The case lifecycle: what caseworkers (and the applicant's answers) do to a case and its parts.

A case has one part per task type (``intake.cases.parts``). Each part goes
received -> routed -> in_progress <-> waiting -> decided, with its own office,
service-goal clock and decision; deciding one part does not decide the others.
A decided (or closed) part may be reopened, back to in_progress (``reopen``).
A caseworker may write to the business about a part in any status (``reply``),
which changes no status and no clock.
The case is ``decided`` when every part is, and ``close`` then closes it. An
action names its part (``part="skilte"``, ``--part skilte`` on the command
line); the name may be left out when only one part can take the action. An
actor of one office (``offices``: the desk's caseworker, a desk user named by
``--actor``) acts on that office's parts only, named or not (``parts.pick``).

Every action checks the state it starts from and refuses with
``InvalidTransition`` otherwise, appends a ``CaseEvent`` (history is never
rewritten; the event names its part), and queues the mail to the business
through the outbox when the action concerns it: in the case's language, about
the part's task, office and week, reference in the subject, the contact person
of a complex case in Cc. Actions work in the caller's session; the caller
commits, so the change, its event and its mail are written together.

A part's clock (``intake.cases.parts``) pauses while it waits for the
applicant; when the answer moves its due date into a later ISO week the
business is told the new expected completion week.
"""
from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType

from sqlalchemy import update
from sqlmodel import Session, col, func, select

from intake.cases import checklists, unread
from intake.cases import parts as partlib
from intake.cases.desk import MAX_TEXT, Desk, InvalidTransition, MissingText, UnknownChoice
from intake.cases.meetings import MEETING_STATUSES, cancel_coming_meeting
from intake.cases.parts import OPEN_PART_STATUSES, Offices, PartError
from intake.cases.rules import assign_contact, contact_of, is_complex
from intake.cases.statuses import OPEN_STATUSES, STATUSES
from intake.errors import CaseNotFound
from intake.inbound import raw_of
from intake.letters.case_letters import CaseLetter, case_mail, conditions_appeal_text, other_paths_text
from intake.letters.checklist import missing_request
from intake.letters.facts import AttachmentNote, CaseFacts, PartFacts
from intake.letters.forwarding import authority_mail, forwarded_values
from intake.letters.outbox import queue_mail
from intake.letters.routed import routed_case
from intake.letters.wording import expected_line, language, phrase, words
from intake.mail.message import parse_mail
from intake.privacy import redact_cpr
from models import Case, CaseEvent, CasePart, Correction, InboundMessage, OutboxMail, as_utc, utcnow
from models.addresses import is_valid_address
from routing import clock
from routing.catalogue import Catalogue
from routing.goals import LOCAL_TZ, describe_week, iso_week

log = logging.getLogger(__name__)

REOPENABLE = ("decided", "closed")   # a part's statuses once decided (a closed case's parts are closed)
# The statuses each action starts from: of the part for an action on a part, of the case for one on the whole case.
# The actions refuse any other (``_target``, ``_require``) and the desk offers a part or case only the forms its
# status allows: one table, so that what is offered and what is accepted cannot drift apart.
PART_ACTION_STATUSES: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "start": ("received", "routed", "waiting"),   # on a waiting part, its clock runs again
    "request-info": OPEN_PART_STATUSES,
    "approve": OPEN_PART_STATUSES,
    "reject": OPEN_PART_STATUSES,
    "forward": OPEN_PART_STATUSES,
    "reroute": OPEN_PART_STATUSES,
    "assign": (*OPEN_PART_STATUSES, "decided"),   # a decided part's assignee still gets the business's answers in Cc
    "reopen": REOPENABLE,
    "reply": STATUSES,   # a business may ask after a decision, or after the case is closed
    "note": STATUSES,
})
CASE_ACTION_STATUSES: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "mark-complex": OPEN_STATUSES,
    "add-part": OPEN_STATUSES,
    "close": ("decided",),   # every part decided, and the case not closed yet
    "meeting": MEETING_STATUSES,   # the star meeting (its form only for whom arranges it): none on a closed case
    "note": STATUSES,
})


@dataclass(frozen=True)
class ActionResult:
    """What an action did, for the CLI to print."""

    reference: str
    action: str
    status: str
    summary: str
    mailed: tuple[str, ...] = ()


def part_actions(case: Case, part: CasePart) -> tuple[str, ...]:
    """The actions ``part``'s status allows (``PART_ACTION_STATUSES``); none on a purged case."""
    if case.purged_at is not None:
        return ()
    return tuple(action for action, allowed in PART_ACTION_STATUSES.items() if part.status in allowed)


def case_actions(case: Case) -> tuple[str, ...]:
    """The actions on the whole case its status allows (``CASE_ACTION_STATUSES``); none on a purged case, and no
    mark-complex on a case complex already."""
    if case.purged_at is not None:
        return ()
    return tuple(action for action, allowed in CASE_ACTION_STATUSES.items()
                 if case.status in allowed and not (action == "mark-complex" and _complex_already(case)))


def _complex_already(case: Case) -> bool:
    return bool(case.complex and case.contact_email)


# -- helpers -----------------------------------------------------------------------
def get_case(session: Session, reference: str) -> Case:
    case = session.exec(select(Case).where(Case.reference == reference.strip().upper())).first()
    if case is None:
        raise CaseNotFound(f"no case with reference {reference!r}")
    return case


def held_case(session: Session, reference: str) -> Case:
    """The case, taken for this transaction: another action on it waits until this one commits, then reads what it
    did. Two clicks, or two colleagues, made two decisions and sent the business both letters, because each read
    the part open before either wrote. The update of the case's row (to what it is) is the lock: SQLite's write
    lock, PostgreSQL's row lock; what the session had read of the case before is read again after it."""
    case = get_case(session, reference)
    session.execute(update(Case).where(col(Case.id) == case.id).values(updated_at=Case.updated_at)
                    .execution_options(synchronize_session=False))
    session.expire_all()
    return case


def _target(session: Session, reference: str, part: str | None, allowed: tuple[str, ...] | None,
            offices: Offices = None) -> tuple[Case, list[CasePart], CasePart]:
    """The case (held: ``held_case``), all its parts and the part the action is about, among the parts of the
    actor's ``offices`` (None: every office; ``parts.pick``)."""
    case = held_case(session, reference)
    parts = partlib.parts_of(session, case)
    try:
        return case, parts, partlib.pick(parts, part, case.reference, allowed, offices)
    except PartError as err:
        raise UnknownChoice(str(err)) from err


def _name(case: Case, parts: list[CasePart], part: CasePart) -> str:
    """How a summary names what was acted on: the case, or its part when it has several."""
    return case.reference if len(parts) == 1 else f"{case.reference} part {part.task_type}"


def _require(case: Case, part: CasePart, action: str, allowed: tuple[str, ...], hint: str = "") -> None:
    if part.status not in allowed:
        what = part.status + (f" ({part.decision})" if part.decision else "")
        whose = f"case {case.reference}" + (f" part {part.task_type}" if part.position or hint == "part" else "")
        raise InvalidTransition(f"{whose} is {what}: cannot {action}"
                                + (f"; {hint}" if hint and hint != "part" else f" (only when {', '.join(allowed)})"))


def _text(value: str | None, what: str, action: str) -> str:
    text = _bounded(value, what, action)
    if not text:
        raise MissingText(f"{action} needs {what}")
    return text


def _bounded(value: str | None, what: str, action: str) -> str:
    """The text stripped; refused when longer than ``MAX_TEXT`` (a paste gone wrong, not a letter)."""
    text = (value or "").strip()
    if len(text) > MAX_TEXT:
        raise MissingText(f"{action}: {what} is {len(text):,} characters; at most {MAX_TEXT:,} go in a letter "
                          "(attach a longer text to a mail instead)")
    return text


def _event(session: Session, case: Case, part: CasePart | None, actor: str, action: str, detail: str,
           now: datetime) -> None:
    case.updated_at = now
    session.add(case)
    if part is not None:
        session.add(part)
    session.add(CaseEvent(case_id=case.id, part_id=part.id if part else None, at=now, actor=actor or "intake",
                          action=action, detail=redact_cpr(detail)))
    log.info("case event", extra={"reference": case.reference, "action": action,
                                  "part": part.task_type if part else "",
                                  "status": part.status if part else case.status,
                                  "office": part.office if part else case.office})


def _summarise(session: Session, case: Case, parts: list[CasePart], now: datetime) -> None:
    partlib.summarise(case, parts, now)
    session.add(case)


def _seq(session: Session, case: Case) -> int:
    return session.exec(select(func.count()).select_from(OutboxMail).where(OutboxMail.case_id == case.id)).one() + 1


def _mail(session: Session, case: Case, part: CasePart, desk: Desk, kind: str, *, introduce: bool = False,
          listing: Sequence[CasePart] = (), now: datetime | None = None, **values: str) -> tuple[str, ...]:
    """The letter ``kind`` about ``part`` queued for the business; ``listing``: the case's parts, for a letter
    that lists the others as they stand at ``now``."""
    others = [(n, PartFacts.of(p)) for n, p in enumerate(listing, start=1) if p is not part]
    msg = case_mail(case, CaseLetter(kind, values, _seq(session, case), introduce), desk.catalogue, desk.settings,
                    contact_of(case, desk.catalogue), part=PartFacts.of(part), others=others,
                    today=as_utc(now).astimezone(LOCAL_TZ).date() if now else None)
    queue_mail(session, purpose=f"case_{kind}", msg=msg, case_id=case.id, inbound_id=None)
    return tuple(a.strip() for key in ("To", "Cc") for a in str(msg.get(key, "")).split(",") if a.strip())


def _lang(case: Case) -> str:
    return language(case.language)


# -- actions on a part ----------------------------------------------------------------
def start(session: Session, reference: str, *, actor: str, desk: Desk, part: str | None = None, offices: Offices = None,
          now: datetime | None = None) -> ActionResult:
    """Begin work on a part (received/routed -> in_progress); on a waiting part, resume its clock."""
    now = now or utcnow()
    case, parts, target = _target(session, reference, part, PART_ACTION_STATUSES["start"], offices)
    if target.status == "waiting":
        return resume(session, case, actor=actor, desk=desk, now=now, only=target)
    _require(case, target, "start", PART_ACTION_STATUSES["start"],
             "it is already in progress" if target.status == "in_progress" else "")
    target.status, target.updated_at = "in_progress", now
    _event(session, case, target, actor, "started", f"by {actor}", now)
    _summarise(session, case, parts, now)
    mailed = _mail(session, case, target, desk, "started", listing=parts, now=now)   # the others as they stand
    return ActionResult(case.reference, "start", target.status, f"case {_name(case, parts, target)} is in progress",
                        mailed)


def request_info(session: Session, reference: str, message: str, *, actor: str, desk: Desk, part: str | None = None,
                 offices: Offices = None, now: datetime | None = None, missing: bool = False) -> ActionResult:
    """Ask the business for information about a part: its clock pauses until the business answers.

    ``missing``: the request starts with the required checklist items the application still lacks (of the
    part named, else of every part), ``message`` after them.
    """
    now = now or utcnow()
    case, parts, target = _target(session, reference, part, PART_ACTION_STATUSES["request-info"], offices)
    if missing:
        chosen = [target] if part else parts
        listed = missing_request([PartFacts.of(p) for p in chosen], desk.catalogue, _lang(case))
        if not listed and not (message or "").strip():
            raise InvalidTransition(f"case {case.reference}: the checklist misses nothing; write the question "
                                    "with --message")
        message = "\n\n".join(t for t in (listed, (message or "").strip()) if t)
    question = _text(message, "the question for the business (--message)", "request-info")
    _require(case, target, "request information", PART_ACTION_STATUSES["request-info"])
    if target.status == "waiting" and _last_question(session, target) == question:
        raise InvalidTransition(f"case {_name(case, parts, target)} already waits for the answer to this very "
                                "question (a second click?); the business has not answered yet")
    partlib.pause(target, now)
    _event(session, case, target, actor, "waiting", question, now)
    _summarise(session, case, parts, now)
    mailed = _mail(session, case, target, desk, "info_request", message=question)
    return ActionResult(case.reference, "request-info", target.status,
                        f"case {_name(case, parts, target)} waits for the applicant; the clock is paused", mailed)


def reply(session: Session, reference: str, message: str, *, actor: str, desk: Desk, part: str | None = None,
          offices: Offices = None, now: datetime | None = None) -> ActionResult:
    """Write to the business about a part (answer its question, tell it something): no status, decision, due date
    or clock changes, in any status of the part, a closed case's too; a purged case takes none.

    The text goes in the case letters' frame (``case_message``) in the case's thread, and in the history as a
    ``caseworker_reply``, the event of a caseworker's reply passed on from their mail client: the desk shows the text,
    the track page only that the office wrote. A sender not proven (``store.may_mail_sender``) got nothing
    automatic, but a caseworker's own letter goes, as a question or a decision does: the case page warns of it on
    top, and the summary repeats it. The office has read what the business wrote: an actor of the part's office
    (``offices`` given) clears its unread mark, as acting on it on the desk does (``unread``).
    """
    now = now or utcnow()
    text = _text(message, "the message to the business (--message)", "reply")
    case, parts, target = _target(session, reference, part, PART_ACTION_STATUSES["reply"], offices)
    if case.purged_at is not None:
        raise InvalidTransition(f"case {case.reference} is purged: cannot reply")
    _event(session, case, target, actor, "caseworker_reply", text, now)
    if offices is not None:
        unread.seen(session, case, target.office, target.task_type)
    mailed = _mail(session, case, target, desk, "message", message=text)
    doubt = "; note: the sender was not proven when the case came in: check that the address is the business's"
    return ActionResult(case.reference, "reply", target.status,
                        f"reply sent on case {_name(case, parts, target)}; its status and due date are unchanged"
                        + (doubt if _unproven(session, case) else ""), mailed)


def _unproven(session: Session, case: Case) -> bool:
    """Whether the case's sender was not proven when it came in (no acknowledgement went: ``store``)."""
    return session.exec(select(CaseEvent.id).where(CaseEvent.case_id == case.id,
                                                   CaseEvent.action == "unproven_sender")).first() is not None


def _last_question(session: Session, part: CasePart) -> str | None:
    last = session.exec(select(CaseEvent.detail).where(CaseEvent.part_id == part.id, CaseEvent.action == "waiting")
                        .order_by(col(CaseEvent.id).desc())).first()
    return last


def resume(session: Session, case: Case, *, actor: str, desk: Desk, now: datetime | None = None,
           only: CasePart | None = None) -> ActionResult:
    """The applicant answered: every waiting part (or ``only``) runs again; a later week is announced."""
    now = now or utcnow()
    parts = partlib.parts_of(session, case)
    waiting = [p for p in parts if p.status == "waiting" and (only is None or p.id == only.id)]
    if not waiting:
        raise InvalidTransition(f"case {case.reference} is {case.status}: cannot resume (only when waiting)")
    mailed: tuple[str, ...] = ()
    moved = []
    for part in waiting:
        old, new = partlib.end_pause(part, case.received_at, desk.calendar, now)
        part.status = "in_progress"
        _event(session, case, part, actor, "resumed", f"clock runs again; due {old.isoformat()} -> {new.isoformat()}",
               now)
        if clock.moved_to_later_week(old, new):
            moved.append(f"{part.task_type} {iso_week(old)} -> {part.expected_week}")
            mailed += _mail(session, case, part, desk, "resumed", old_week_text=describe_week(old, _lang(case)))
    _summarise(session, case, parts, now)
    dues = ", ".join(f"{p.task_type} due {p.due_date.isoformat()} ({p.expected_week})" for p in waiting)
    summary = f"case {case.reference} resumed; {dues}" + (f"; moved: {'; '.join(moved)}" if moved else "")
    return ActionResult(case.reference, "resume", case.status, summary, tuple(dict.fromkeys(mailed)))


def _decide(case: Case, part: CasePart, action: str, decision: str, desk: Desk, now: datetime) -> None:
    _require(case, part, action, PART_ACTION_STATUSES[action],
             "it is already decided" if part.status == "decided" else "")
    partlib.end_pause(part, case.received_at, desk.calendar, now)
    part.status, part.decision, part.decided_at, part.updated_at = "decided", decision, now, now


def _decided_summary(case: Case, parts: list[CasePart], target: CasePart, word: str) -> str:
    open_parts = [p.task_type for p in parts if p.status in OPEN_PART_STATUSES]
    rest = f"; still open: {', '.join(open_parts)}" if open_parts else ""
    return f"case {_name(case, parts, target)} {word}{rest}"


def approve(session: Session, reference: str, *, actor: str, desk: Desk, message: str = "", part: str | None = None,
            offices: Offices = None, now: datetime | None = None) -> ActionResult:
    """Approve a part and tell the business (with the caseworker's message, if any)."""
    now = now or utcnow()
    case, parts, target = _target(session, reference, part, PART_ACTION_STATUSES["approve"], offices)
    message = _bounded(message, "the conditions (--message)", "approve")
    _decide(case, target, "approve", "approved", desk, now)
    _event(session, case, target, actor, "approved", message, now)
    _summarise(session, case, parts, now)
    text = f"\n{message.strip()}\n" if message.strip() else ""
    appeal = getattr(desk.catalogue.task(target.task_type), f"appeal_{_lang(case)}")
    mailed = _mail(session, case, target, desk, "approved", message_text=text,
                   appeal_text=conditions_appeal_text(message, appeal, _lang(case)))
    return ActionResult(case.reference, "approve", target.status, _decided_summary(case, parts, target, "approved"),
                        mailed)


def paths_forward(case: Case, catalogue: Catalogue, task_type: str | None = None) -> tuple[str, ...]:
    """The catalogue's typical paths forward for a task type (the case's primary), in the case's language."""
    return getattr(catalogue.task(task_type or case.task_type), f"paths_forward_{_lang(case)}")


def resolve_path_forward(case: Case, catalogue: Catalogue, choice: str, task_type: str | None = None) -> str:
    """A number picks the catalogue's path forward (1-based); anything else is the caseworker's own text, in words the
    business can act on (at least two: "-" or "-1" is no way forward)."""
    text = choice.strip()
    if _A_NUMBER.fullmatch(text):
        offered = paths_forward(case, catalogue, task_type)
        if not 1 <= int(text.rstrip(".")) <= len(offered):
            raise UnknownChoice(f"path forward {text} does not exist; the catalogue offers 1-{len(offered)}")
        return offered[int(text.rstrip(".")) - 1]
    if len(_WORD.findall(text)) < 2:
        raise MissingText(f"the path forward {text[:40]!r} says nothing the business can do: write it in words "
                          "(--path-forward), or give the number of one the catalogue offers")
    return text


_A_NUMBER = re.compile(r"[-+]?\d{1,6}\.?")
_WORD = re.compile(r"[^\W\d_]{2,}")


def reject(session: Session, reference: str, *, reason: str, path_forward: str, actor: str, desk: Desk,
           part: str | None = None, offices: Offices = None, now: datetime | None = None) -> ActionResult:
    """Reject a part with reasons and a path forward (both required) and the catalogue's appeal guidance."""
    now = now or utcnow()
    why = _text(reason, "the reasons (--reason)", "a rejection")
    way = _text(path_forward, "a path forward (--path-forward)", "a rejection")
    case, parts, target = _target(session, reference, part, PART_ACTION_STATUSES["reject"], offices)
    way = resolve_path_forward(case, desk.catalogue, way, target.task_type)
    _decide(case, target, "reject", "rejected", desk, now)
    _event(session, case, target, actor, "rejected", f"reasons: {why}\npath forward: {way}", now)
    _summarise(session, case, parts, now)
    task = desk.catalogue.task(target.task_type)
    others = [p for p in paths_forward(case, desk.catalogue, target.task_type) if p != way]
    mailed = _mail(session, case, target, desk, "rejected", reason=why, path_forward=way,
                   other_paths=other_paths_text(others, _lang(case)), appeal=getattr(task, f"appeal_{_lang(case)}"))
    return ActionResult(case.reference, "reject", target.status, _decided_summary(case, parts, target, "rejected"),
                        mailed)


def forward(session: Session, reference: str, topic: str, *, actor: str, desk: Desk, message: str = "",
            to: str | None = None, part: str | None = None, offices: Offices = None,
            now: datetime | None = None) -> ActionResult:
    """Not a municipal task: forward it to the authority that decides it and tell the business (forvaltningsloven
    § 7, stk. 2).

    The application (the business's mail as it came, attached) goes to ``to``, else to the topic's mailbox in the
    catalogue, through the outbox, and the business's letter says it has been sent on; with no mailbox known the
    letter tells the business where to apply, as before. The event names the authority, not its address.
    """
    now = now or utcnow()
    ext = desk.catalogue.external.get(topic)
    if ext is None:
        raise UnknownChoice(f"unknown topic {topic!r}; known: {', '.join(sorted(desk.catalogue.external))}")
    message = _bounded(message, "the note (--message)", "forward")
    address = _authority_address(to, ext.email)
    case, parts, target = _target(session, reference, part, PART_ACTION_STATUSES["forward"], offices)
    if case.purged_at is not None:
        raise InvalidTransition(f"case {case.reference} is purged: cannot forward")
    raw = _original_raw(session, case) if address else b""
    if address and not raw:
        raise InvalidTransition(f"case {case.reference}: its original mail is not stored, so there is nothing to "
                                "send on; forward without an address (the business is told where to apply)")
    _decide(case, target, "forward", "forwarded", desk, now)
    sent_to = f"; sent to {ext.authority_da}" if address else ""
    _event(session, case, target, actor, "forwarded", f"{ext.id} -> {ext.authority_da}{sent_to}", now)
    _summarise(session, case, parts, now)
    mailed: tuple[str, ...] = ()
    if address:
        office = desk.catalogue.office(target.office).name_da
        msg = authority_mail(case, ext, address, raw, office, desk.settings, _seq(session, case))
        queue_mail(session, purpose="forwarded_authority", msg=msg, case_id=case.id, inbound_id=None)
        mailed = (address,)
    lang = _lang(case)
    closes = not any(p.status in OPEN_PART_STATUSES for p in parts if p is not target)
    mailed += _mail(session, case, target, desk, "forwarded",
                    **forwarded_values(ext, lang, case.reference, sent=bool(address), closes_case=closes,
                                       message=message))
    word = f"forwarded to {ext.authority_en}" if address else f"forwarded: {ext.authority_en}"
    return ActionResult(case.reference, "forward", target.status, _decided_summary(case, parts, target, word), mailed)


def _authority_address(given: str | None, catalogue_address: str) -> str:
    """Where the application goes: the caseworker's address, else the catalogue's ('' for none); a given address
    must be a plain one."""
    text = (given or "").strip()
    if not text:
        return catalogue_address
    if not is_valid_address(text):
        raise UnknownChoice(f"{text[:80]!r} is not an email address: give the authority's mailbox as "
                            "name@domain (--to)")
    return text


def _original_raw(session: Session, case: Case) -> bytes:
    """The business's mail that opened ``case``, as it came (empty when none is stored, or it was erased)."""
    inbound = session.exec(select(InboundMessage).where(InboundMessage.case_id == case.id)
                           .where(InboundMessage.outcome == "case").order_by(col(InboundMessage.id))).first()
    return raw_of(session, inbound) if inbound is not None else b""


def reroute(session: Session, reference: str, task_type: str, *, actor: str, desk: Desk, part: str | None = None,
            offices: Offices = None, now: datetime | None = None) -> ActionResult:
    """Move a part to another task type and its office: a Correction for the classifier, the part re-sent."""
    now = now or utcnow()
    if task_type not in desk.catalogue.tasks:
        raise UnknownChoice(f"unknown task type {task_type!r}; known: {', '.join(sorted(desk.catalogue.tasks))}")
    case, parts, target = _target(session, reference, part, PART_ACTION_STATUSES["reroute"], offices)
    _require(case, target, "reroute", PART_ACTION_STATUSES["reroute"])
    if task_type == target.task_type and not target.needs_triage:
        raise InvalidTransition(f"case {case.reference} already has task type {task_type}")
    if any(p.task_type == task_type and p.id != target.id for p in parts):
        raise InvalidTransition(f"case {case.reference} already has a part {task_type}")
    task = desk.catalogue.task(task_type)
    session.add(Correction(case_id=case.id, from_task_type=target.task_type, to_task_type=task_type,
                           from_office=target.office, to_office=task.office, at=now, actor=actor))
    before = f"{target.task_type} ({target.office})"
    if task.office != target.office and target.assigned_to:
        # the old office's caseworker no longer sees the part, nor gets the business's answers in Cc
        _event(session, case, target, actor, "assigned", f"{target.assigned_to} -> - (rerouted to {task.office})", now)
        target.assigned_to = None
    # the wrong task type is replaced; the other predicted task types stay
    types = [t for t in json.loads(case.task_types or "[]") if t not in (task_type, target.task_type)]
    types.insert(0 if target.position == 0 else len(types), task_type)
    if task.office != target.office:
        unread.handed_over(session, case, target)   # the new office has not read what the business wrote
    target.task_type, target.office, target.needs_triage = task_type, task.office, False
    _recheck(target, case, [p.task_type for p in parts], desk)
    target.goal_value, target.goal_unit = task.goal.value, task.goal.unit
    if target.status != "waiting":
        target.status = "routed"
    old, new = partlib.recompute_due(target, case.received_at, desk.calendar)
    case.task_types, case.task_confirmed = json.dumps(types), True
    _event(session, case, target, actor, "rerouted", f"{before} -> {task_type} ({task.office}); due {old} -> {new}",
           now)
    _summarise(session, case, parts, now)
    if is_complex([p.task_type for p in parts], desk.catalogue) and not case.complex:
        _make_complex(session, case, desk, actor, now, "complex after rerouting")
    _resend_to_office(session, case, parts, target, desk)
    mailed = _mail(session, case, target, desk, "rerouted")
    return ActionResult(case.reference, "reroute", target.status,
                        f"case {case.reference} rerouted {before} -> {task_type} ({task.office}); "
                        f"due {new.isoformat()}; correction recorded", mailed)


def _recheck(part: CasePart, case: Case, tasks: list[str], desk: Desk) -> None:
    """``part``'s checklist made again; the model is loaded only for a case of several parts (``tasks``)."""
    checklists.refresh(part, case, desk.catalogue, tasks, desk.sentence_scorer() if len(set(tasks)) > 1 else None)


def facts_of_case(case: Case, parts: list[CasePart], desk: Desk) -> CaseFacts:
    """What the letters about a new case need, rebuilt from a stored case."""
    details = {k: v.get("value") for k, v in json.loads(case.details_json or "{}").items()}
    first = parts[0]
    return CaseFacts(reference=case.reference, received=case.received_at, language=case.language,
                     task_types=tuple(p.task_type for p in parts), confidence=case.confidence,
                     office=first.office, needs_triage=first.needs_triage, due=first.due_date, details=details,
                     unreadable=(), contact=contact_of(case, desk.catalogue),
                     parts=tuple(PartFacts.of(p) for p in parts), reply_to=case.reply_email,
                     greeting=case.reply_name, applicant_email=case.applicant_email,
                     forwarded_by=case.forwarded_by or "")


def _resend_to_office(session: Session, case: Case, parts: list[CasePart], part: CasePart, desk: Desk) -> None:
    """The routed-case mail of ``part`` again, now to its new office, with the original application attached."""
    raw = _original_raw(session, case)
    attachments = [AttachmentNote.from_dict(a) for a in json.loads(case.attachments_json or "[]")]
    msg = routed_case(facts_of_case(case, parts, desk), parse_mail(raw), raw, attachments, desk.catalogue,
                      desk.settings, _seq(session, case), part=PartFacts.of(part))
    queue_mail(session, purpose="routed", msg=msg, case_id=case.id, inbound_id=None)


def add_part(session: Session, reference: str, task_type: str, *, actor: str, desk: Desk,
             now: datetime | None = None) -> ActionResult:
    """A task type the application also asks for (found at triage, or missed): a new part sent to its office.

    Its goal runs from the case's receipt, like the others; the case becomes complex when it now needs
    several offices, and the business is told where the new part is handled.
    """
    now = now or utcnow()
    if task_type not in desk.catalogue.tasks:
        raise UnknownChoice(f"unknown task type {task_type!r}; known: {', '.join(sorted(desk.catalogue.tasks))}")
    case = held_case(session, reference)
    parts = partlib.parts_of(session, case)
    if case.status not in CASE_ACTION_STATUSES["add-part"]:
        raise InvalidTransition(f"case {case.reference} is {case.status}: cannot add a part")
    if any(p.task_type == task_type for p in parts):
        raise InvalidTransition(f"case {case.reference} already has a part {task_type}")
    task = desk.catalogue.task(task_type)
    new = CasePart(case_id=case.id, position=max(p.position for p in parts) + 1, task_type=task_type,
                   office=task.office, goal_value=task.goal.value, goal_unit=task.goal.unit,
                   due_date=case.received_at.date(), status="routed")
    partlib.recompute_due(new, case.received_at, desk.calendar)
    _recheck(new, case, [*(p.task_type for p in parts), task_type], desk)
    session.add(new)
    session.flush()
    parts.append(new)
    types = [*json.loads(case.task_types or "[]")]
    case.task_types = json.dumps([*types, task_type] if task_type not in types else types)
    _event(session, case, new, actor, "part_added", f"{task_type} -> {task.office}; due {new.due_date}", now)
    _summarise(session, case, parts, now)
    person = None
    if is_complex([p.task_type for p in parts], desk.catalogue) and not case.complex:
        person = _make_complex(session, case, desk, actor, now, "complex: a part for another office")
    _resend_to_office(session, case, parts, new, desk)
    mailed = _mail(session, case, new, desk, "part_added", introduce=person is not None)
    return ActionResult(case.reference, "add-part", new.status,
                        f"case {case.reference} part {task_type} added for {task.office}; due "
                        f"{new.due_date.isoformat()} ({new.expected_week})"
                        + (f"; contact person {person.name}" if person is not None else ""), mailed)


def assign(session: Session, reference: str, person: str, *, actor: str, desk: Desk, part: str | None = None,
           offices: Offices = None, now: datetime | None = None) -> ActionResult:
    """Give a part to a caseworker (a name or an address; an address gets the applicant's answers in Cc)."""
    now = now or utcnow()
    who = _text(person, "a caseworker (--to)", "assign")
    if len(who) > 120 or "\n" in who:
        raise UnknownChoice("assign takes a caseworker's name or e-mail address, on one line (at most 120 characters)")
    case, parts, target = _target(session, reference, part, PART_ACTION_STATUSES["assign"], offices)
    _require(case, target, "assign", PART_ACTION_STATUSES["assign"])
    before = target.assigned_to
    target.assigned_to = who
    _event(session, case, target, actor, "assigned", f"{before or '-'} -> {who}", now)
    return ActionResult(case.reference, "assign", target.status, f"case {_name(case, parts, target)} assigned to {who}")


def reopen(session: Session, reference: str, *, reason: str, actor: str, desk: Desk, part: str | None = None,
           offices: Offices = None, now: datetime | None = None) -> ActionResult:
    """Take a decided part up again (decided wrongly, or the business sent what a rejection missed): back in
    progress without a decision until a new one is made, and the business told the new expected week.

    The time the part stood decided counts as a pause of its clock (it was with nobody at the office), so the
    part keeps what was left of its goal when it was decided; a closed case is open again.
    """
    now = now or utcnow()
    why = _text(reason, "the reason (--reason)", "reopen")
    case, parts, target = _target(session, reference, part, PART_ACTION_STATUSES["reopen"], offices)
    if case.purged_at is not None:
        raise InvalidTransition(f"case {case.reference} is purged: cannot reopen")
    _require(case, target, "reopen", PART_ACTION_STATUSES["reopen"], "only a decided part can be reopened")
    was = target.decision or "-"
    target.paused_since = as_utc(target.decided_at) if target.decided_at else now   # the time it stood decided
    old, new = partlib.end_pause(target, case.received_at, desk.calendar, now)
    target.status, target.decision, target.decided_at, target.updated_at = "in_progress", None, None, now
    for other in parts:     # a closed case is open again: its other parts are decided, no longer closed
        if other.status == "closed":
            other.status, other.updated_at = "decided", now
            session.add(other)
    case.closed_at = None
    _event(session, case, target, actor, "reopened", f"reason: {why}\nwas: {was}; due {old} -> {new}", now)
    _summarise(session, case, parts, now)
    lang = _lang(case)
    mailed = _mail(session, case, target, desk, "reopened", listing=parts, now=now,
                   decision_text=words(lang, "decisions").get(was, was),
                   expected_text=expected_line(new, lang, today=now.astimezone(LOCAL_TZ).date()))
    return ActionResult(case.reference, "reopen", target.status,
                        f"case {_name(case, parts, target)} reopened (was {was}); due {new.isoformat()} "
                        f"({target.expected_week})", mailed)


# -- actions on the whole case --------------------------------------------------------
def _make_complex(session: Session, case: Case, desk: Desk, actor: str, now: datetime, why: str):
    case.complex = True
    person = assign_contact(session, case, desk.catalogue)
    _event(session, case, None, actor, "contact_person",
           f"{why}: {person.name if person else 'no contact person configured'}", now)
    return person


def mark_complex(session: Session, reference: str, *, actor: str, desk: Desk,
                 now: datetime | None = None) -> ActionResult:
    """Mark the case complex: it gets a contact person, who is introduced to the business."""
    now = now or utcnow()
    case = held_case(session, reference)
    parts = partlib.parts_of(session, case)
    if case.status not in CASE_ACTION_STATUSES["mark-complex"]:
        raise InvalidTransition(f"case {case.reference} is {case.status}: cannot mark as complex")
    if _complex_already(case):
        raise InvalidTransition(f"case {case.reference} is already complex (contact person {case.contact_person})")
    person = _make_complex(session, case, desk, actor, now, "marked complex")
    if person is None:
        return ActionResult(case.reference, "mark-complex", case.status,
                            f"case {case.reference} marked complex; no contact person pool in the catalogue")
    open_part = next((p for p in parts if p.status in OPEN_PART_STATUSES), parts[0])
    mailed = _mail(session, case, open_part, desk, "contact")
    return ActionResult(case.reference, "mark-complex", case.status,
                        f"case {case.reference} is complex; contact person {person.name}", mailed)


def close(session: Session, reference: str, *, actor: str, desk: Desk, now: datetime | None = None) -> ActionResult:
    """Close a case whose parts are all decided (no mail: the business already has the decisions)."""
    now = now or utcnow()
    case = held_case(session, reference)
    parts = partlib.parts_of(session, case)
    open_parts = [p.task_type for p in parts if p.status in OPEN_PART_STATUSES]
    status = partlib.aggregate_status(parts)
    if status == "closed":
        raise InvalidTransition(f"case {case.reference} is closed: cannot close; it is already closed")
    if status not in CASE_ACTION_STATUSES["close"]:
        which = f"; open parts: {', '.join(open_parts)}" if len(parts) > 1 else ""
        raise InvalidTransition(f"case {case.reference} is {case.status}: cannot close; decide it first "
                                f"(approve, reject or forward{which})")
    for part in parts:
        part.status, part.updated_at = "closed", now
        session.add(part)
    _summarise(session, case, parts, now)
    case.closed_at = now
    _event(session, case, None, actor, "closed", f"decision: {case.decision}", now)
    reason = phrase(_lang(case), "words.meeting_case_closed")
    cancelled = cancel_coming_meeting(session, case, desk.catalogue, desk.settings, reason, actor=actor, now=now)
    if cancelled is None:
        return ActionResult(case.reference, "close", case.status, f"case {case.reference} closed")
    return ActionResult(case.reference, "close", case.status,
                        f"case {case.reference} closed; its star meeting is cancelled",
                        tuple(p["email"] for p in json.loads(cancelled.participants)))


def note(session: Session, reference: str, text: str, *, actor: str, desk: Desk, part: str | None = None,
         offices: Offices = None, now: datetime | None = None) -> ActionResult:
    """A caseworker's note for colleagues ("rang the owner: the awning is retractable"), on one part or the case.

    The note is the same history event as a caseworker's mail marked internal (``followups.record_caseworker``):
    in the case's history on the desk and in the command line's ``case show``, and in a personal-data
    export; it is never shown on the business's track page nor mailed, and changes no status or clock. A purged
    case takes none: its history keeps no personal data.

    ``desk`` is taken only to be discarded: a note mails nothing, but ``intake case``'s ``_act`` calls every action
    alike, with ``desk=``, so every action's signature must keep it.
    """
    del desk
    now = now or utcnow()
    written = _text(text, "the note's text", "note")
    case = get_case(session, reference)
    if case.purged_at is not None:
        raise InvalidTransition(f"case {case.reference} is purged: cannot note")
    target = None
    if part:
        case, _parts, target = _target(session, reference, part, None, offices)
    _event(session, case, target, actor, "caseworker_note", written, now)  # as a mail marked [intern]
    where = f"{case.reference} part {target.task_type}" if target is not None else case.reference
    return ActionResult(case.reference, "note", case.status, f"note added to {where}")
