"""The case lifecycle: what caseworkers (and the applicant's answers) do to a case.

States: received -> routed -> in_progress <-> waiting -> decided -> closed
(``decided`` carries ``decision``: approved, rejected or forwarded). Every
action checks the state it starts from and refuses with ``InvalidTransition``
otherwise, appends a ``CaseEvent`` (history is never rewritten), and queues the
mail to the business through the outbox when the action concerns it: in the
case's language, reference in the subject, the contact person of a complex
case in Cc. Actions work in the caller's session; the caller commits, so the
change, its event and its mail are written together.

The service-goal clock (``routing.clock``) pauses while the case waits for
the applicant; when the answer moves the due date into a later ISO week the
business is told the new expected completion week.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, func, select

from intake.cases.rules import (
    OPEN_STATUSES,
    STATUSES,
    assign_contact,
    contact_of,
    is_complex,
    offices_of,
)
from intake.errors import CaseNotFound, RequestRefused
from intake.letters.case_letters import CaseLetter, case_mail, other_paths_text
from intake.letters.facts import AttachmentNote, CaseFacts
from intake.letters.outbox import queue_mail
from intake.letters.routed import routed_case
from intake.mail.message import parse_mail
from models import Case, CaseEvent, Correction, InboundMessage, OutboxMail, utcnow
from routing import clock
from routing.calendar import WorkingCalendar
from routing.catalogue import Catalogue, ServiceGoal
from routing.goals import describe_week, iso_week

log = logging.getLogger(__name__)


class CaseError(RequestRefused):
    """Base class of the errors raised by case actions: what a caseworker asked cannot be done."""


class InvalidTransition(CaseError):
    """Raised when an action is not allowed in the case's current state."""


class MissingText(CaseError):
    """Raised when a required text is empty: the question, a rejection's reasons or its path forward."""


class UnknownChoice(CaseError):
    """Raised for an unknown task type, external topic, path-forward number or status."""


@dataclass(frozen=True)
class Desk:
    """What case actions need: settings (sender, reference prefix), the catalogue and the working calendar.

    Built by ``intake.app.build_desk`` (or from a pipeline context), never from a catalogue loaded here,
    so that caseworkers and the service count the same working days.
    """

    settings: object
    catalogue: Catalogue
    calendar: WorkingCalendar


@dataclass(frozen=True)
class ActionResult:
    """What an action did, for the CLI to print."""

    reference: str
    action: str
    status: str
    summary: str
    mailed: tuple[str, ...] = ()


# -- helpers -----------------------------------------------------------------------
def get_case(session: Session, reference: str) -> Case:
    case = session.exec(select(Case).where(Case.reference == reference.strip().upper())).first()
    if case is None:
        raise CaseNotFound(f"no case with reference {reference!r}")
    return case


def _require(case: Case, action: str, allowed: tuple[str, ...], hint: str = "") -> None:
    if case.status not in allowed:
        what = case.status + (f" ({case.decision})" if case.decision else "")
        raise InvalidTransition(f"case {case.reference} is {what}: cannot {action}"
                                + (f"; {hint}" if hint else f" (only when {', '.join(allowed)})"))


def _text(value: str | None, what: str, action: str) -> str:
    text = (value or "").strip()
    if not text:
        raise MissingText(f"{action} needs {what}")
    return text


def _event(session: Session, case: Case, actor: str, action: str, detail: str, now: datetime) -> None:
    case.updated_at = now
    session.add(case)
    session.add(CaseEvent(case_id=case.id, at=now, actor=actor or "intake", action=action, detail=detail))
    log.info("case event", extra={"reference": case.reference, "action": action, "status": case.status,
                                  "office": case.office})


def _seq(session: Session, case: Case) -> int:
    return session.exec(select(func.count()).select_from(OutboxMail).where(OutboxMail.case_id == case.id)).one() + 1


def _mail(session: Session, case: Case, desk: Desk, kind: str, **values: str) -> tuple[str, ...]:
    msg = case_mail(case, CaseLetter(kind, values, _seq(session, case)), desk.catalogue, desk.settings,
                    contact_of(case, desk.catalogue))
    queue_mail(session, purpose=f"case_{kind}", msg=msg, case_id=case.id, inbound_id=None)
    return tuple(a.strip() for key in ("To", "Cc") for a in str(msg.get(key, "")).split(",") if a.strip())


def goal_of(case: Case) -> ServiceGoal:
    return ServiceGoal(case.goal_value, case.goal_unit)  # type: ignore[arg-type]


def _recompute_due(case: Case, desk: Desk) -> tuple[date, date]:
    old = case.due_date
    new = clock.due_with_pauses(case.received_at, goal_of(case), clock.pauses_from_json(case.pauses_json),
                                desk.calendar)
    case.due_date, case.expected_week = new, iso_week(new)
    return old, new


def _end_pause(case: Case, desk: Desk, now: datetime) -> tuple[date, date]:
    """Stop a running pause at ``now``, add it to the case and move the due date."""
    if case.paused_since is None:
        return case.due_date, case.due_date
    pause = clock.Pause(case.paused_since, max(now, case.paused_since))
    case.pauses_json = clock.pauses_to_json([*clock.pauses_from_json(case.pauses_json), pause])
    case.paused_seconds = (case.paused_seconds or 0) + pause.seconds
    case.paused_since = None
    return _recompute_due(case, desk)


# -- actions ------------------------------------------------------------------------
def start(session: Session, reference: str, *, actor: str, desk: Desk, now: datetime | None = None) -> ActionResult:
    """Begin work on a case (received/routed -> in_progress); on a waiting case, resume the clock."""
    now = now or utcnow()
    case = get_case(session, reference)
    if case.status == "waiting":
        return resume(session, case, actor=actor, desk=desk, now=now)
    _require(case, "start", ("received", "routed"),
             "it is already in progress" if case.status == "in_progress" else "")
    case.status = "in_progress"
    _event(session, case, actor, "started", f"by {actor}", now)
    mailed = _mail(session, case, desk, "started")
    return ActionResult(case.reference, "start", case.status, f"case {case.reference} is in progress", mailed)


def request_info(session: Session, reference: str, message: str, *, actor: str, desk: Desk,
                 now: datetime | None = None) -> ActionResult:
    """Ask the business for information: the clock pauses until it answers."""
    now = now or utcnow()
    case = get_case(session, reference)
    question = _text(message, "the question for the business (--message)", "request-info")
    _require(case, "request information", ("received", "routed", "in_progress", "waiting"))
    if case.paused_since is None:
        case.paused_since = now
    case.status = "waiting"
    _event(session, case, actor, "waiting", question, now)
    mailed = _mail(session, case, desk, "info_request", message=question)
    return ActionResult(case.reference, "request-info", case.status,
                        f"case {case.reference} waits for the applicant; the clock is paused", mailed)


def resume(session: Session, case: Case, *, actor: str, desk: Desk, now: datetime | None = None) -> ActionResult:
    """The applicant answered: the clock runs again; a due date in a later week is announced to the business."""
    now = now or utcnow()
    _require(case, "resume", ("waiting",))
    old, new = _end_pause(case, desk, now)
    case.status = "in_progress"
    _event(session, case, actor, "resumed", f"clock runs again; due {old.isoformat()} -> {new.isoformat()}", now)
    mailed: tuple[str, ...] = ()
    if clock.moved_to_later_week(old, new):
        lang = case.language if case.language in ("da", "en") else "da"
        mailed = _mail(session, case, desk, "resumed", old_week_text=describe_week(old, lang))
    summary = (f"case {case.reference} resumed; due {new.isoformat()} ({case.expected_week})"
               + (f", moved from {iso_week(old)}" if mailed else ""))
    return ActionResult(case.reference, "resume", case.status, summary, mailed)


def _decide(case: Case, action: str, decision: str, desk: Desk, now: datetime) -> None:
    _require(case, action, OPEN_STATUSES, "it is already decided" if case.status == "decided" else "")
    _end_pause(case, desk, now)
    case.status, case.decision, case.decided_at = "decided", decision, now


def approve(session: Session, reference: str, *, actor: str, desk: Desk, message: str = "",
            now: datetime | None = None) -> ActionResult:
    """Approve the application and tell the business (with the caseworker's message, if any)."""
    now = now or utcnow()
    case = get_case(session, reference)
    _decide(case, "approve", "approved", desk, now)
    _event(session, case, actor, "approved", message.strip(), now)
    text = f"\n{message.strip()}\n" if message.strip() else ""
    mailed = _mail(session, case, desk, "approved", message_text=text)
    return ActionResult(case.reference, "approve", case.status, f"case {case.reference} approved", mailed)


def paths_forward(case: Case, catalogue: Catalogue) -> tuple[str, ...]:
    """The catalogue's typical paths forward for the case's task type, in the case's language."""
    lang = case.language if case.language in ("da", "en") else "da"
    return getattr(catalogue.task(case.task_type), f"paths_forward_{lang}")


def resolve_path_forward(case: Case, catalogue: Catalogue, choice: str) -> str:
    """A number picks the catalogue's path forward (1-based); anything else is the caseworker's own text."""
    text = choice.strip()
    if not text.isdigit():
        return text
    offered = paths_forward(case, catalogue)
    if not 1 <= int(text) <= len(offered):
        raise UnknownChoice(f"path forward {text} does not exist; the catalogue offers 1-{len(offered)}")
    return offered[int(text) - 1]


def reject(session: Session, reference: str, *, reason: str, path_forward: str, actor: str, desk: Desk,
           now: datetime | None = None) -> ActionResult:
    """Reject with reasons and a path forward (both required) and the catalogue's appeal guidance."""
    now = now or utcnow()
    case = get_case(session, reference)
    why = _text(reason, "the reasons (--reason)", "a rejection")
    way = _text(path_forward, "a path forward (--path-forward)", "a rejection")
    way = resolve_path_forward(case, desk.catalogue, way)
    _decide(case, "reject", "rejected", desk, now)
    _event(session, case, actor, "rejected", f"reasons: {why}\npath forward: {way}", now)
    lang = case.language if case.language in ("da", "en") else "da"
    task = desk.catalogue.task(case.task_type)
    others = [p for p in paths_forward(case, desk.catalogue) if p != way]
    mailed = _mail(session, case, desk, "rejected", reason=why, path_forward=way,
                   other_paths=other_paths_text(others, lang),
                   appeal=getattr(task, f"appeal_{lang}"))
    return ActionResult(case.reference, "reject", case.status, f"case {case.reference} rejected", mailed)


def forward(session: Session, reference: str, topic: str, *, actor: str, desk: Desk, message: str = "",
            now: datetime | None = None) -> ActionResult:
    """Not a municipal task: tell the business which authority decides it (forvaltningsloven § 7)."""
    now = now or utcnow()
    case = get_case(session, reference)
    ext = desk.catalogue.external.get(topic)
    if ext is None:
        raise UnknownChoice(f"unknown topic {topic!r}; known: {', '.join(sorted(desk.catalogue.external))}")
    _decide(case, "forward", "forwarded", desk, now)
    _event(session, case, actor, "forwarded", f"{ext.id} -> {ext.authority_da}", now)
    lang = case.language if case.language in ("da", "en") else "da"
    text = f"\n{message.strip()}\n" if message.strip() else ""
    mailed = _mail(session, case, desk, "forwarded", topic_name=getattr(ext, f"name_{lang}"),
                   authority=getattr(ext, f"authority_{lang}"), guidance=getattr(ext, f"guidance_{lang}"),
                   url=ext.url, message_text=text)
    return ActionResult(case.reference, "forward", case.status,
                        f"case {case.reference} forwarded: {ext.authority_en}", mailed)


def reroute(session: Session, reference: str, task_type: str, *, actor: str, desk: Desk,
            now: datetime | None = None) -> ActionResult:
    """Move the case to another task type and its office: a Correction for the classifier, the case re-sent."""
    now = now or utcnow()
    case = get_case(session, reference)
    _require(case, "reroute", OPEN_STATUSES)
    if task_type not in desk.catalogue.tasks:
        raise UnknownChoice(f"unknown task type {task_type!r}; known: {', '.join(sorted(desk.catalogue.tasks))}")
    if task_type == case.task_type and not case.needs_triage:
        raise InvalidTransition(f"case {case.reference} already has task type {task_type}")
    task = desk.catalogue.task(task_type)
    session.add(Correction(case_id=case.id, from_task_type=case.task_type, to_task_type=task_type,
                           from_office=case.office, to_office=task.office, at=now, actor=actor))
    before = f"{case.task_type} ({case.office})"
    # the old primary was wrong: it is replaced, the other predicted task types stay
    types = [task_type, *[t for t in json.loads(case.task_types or "[]") if t not in (task_type, case.task_type)]]
    case.task_type, case.task_types, case.office = task_type, json.dumps(types), task.office
    case.goal_value, case.goal_unit = task.goal.value, task.goal.unit
    case.needs_triage, case.task_confirmed = False, True
    case.offices = json.dumps(offices_of(types, desk.catalogue))
    if case.status != "waiting":
        case.status = "routed"
    old, new = _recompute_due(case, desk)
    _event(session, case, actor, "rerouted", f"{before} -> {task_type} ({task.office}); due {old} -> {new}", now)
    if is_complex(types, desk.catalogue) and not case.complex:
        _make_complex(session, case, desk, actor, now, "complex after rerouting")
    _resend_to_office(session, case, desk)
    mailed = _mail(session, case, desk, "rerouted")
    return ActionResult(case.reference, "reroute", case.status,
                        f"case {case.reference} rerouted {before} -> {task_type} ({task.office}); "
                        f"due {new.isoformat()}; correction recorded", mailed)


def _resend_to_office(session: Session, case: Case, desk: Desk) -> None:
    """The routed-case mail again, now to the new office, with the original application attached."""
    inbound = session.exec(select(InboundMessage).where(InboundMessage.case_id == case.id)
                           .where(InboundMessage.outcome == "case").order_by(col(InboundMessage.id))).first()
    raw = inbound.raw if inbound is not None else b""
    details = {k: v.get("value") for k, v in json.loads(case.details_json).items()}
    facts = CaseFacts(reference=case.reference, received=case.received_at, language=case.language,
                      task_types=tuple(json.loads(case.task_types)), confidence=case.confidence,
                      office=case.office, needs_triage=False, due=case.due_date, details=details,
                      unreadable=(), contact=contact_of(case, desk.catalogue))
    attachments = [AttachmentNote.from_dict(a) for a in json.loads(case.attachments_json or "[]")]
    msg = routed_case(facts, parse_mail(raw), raw, attachments, desk.catalogue, desk.settings, _seq(session, case))
    queue_mail(session, purpose="routed", msg=msg, case_id=case.id, inbound_id=None)


def assign(session: Session, reference: str, person: str, *, actor: str, desk: Desk,
           now: datetime | None = None) -> ActionResult:
    """Give the case to a caseworker (a name or an address; an address gets the applicant's answers in Cc)."""
    now = now or utcnow()
    case = get_case(session, reference)
    who = _text(person, "a caseworker (--to)", "assign")
    _require(case, "assign", (*OPEN_STATUSES, "decided"))
    before = case.assigned_to
    case.assigned_to = who
    _event(session, case, actor, "assigned", f"{before or '-'} -> {who}", now)
    return ActionResult(case.reference, "assign", case.status, f"case {case.reference} assigned to {who}")


def _make_complex(session: Session, case: Case, desk: Desk, actor: str, now: datetime, why: str):
    case.complex = True
    person = assign_contact(session, case, desk.catalogue)
    _event(session, case, actor, "contact_person",
           f"{why}: {person.name if person else 'no contact person configured'}", now)
    return person


def mark_complex(session: Session, reference: str, *, actor: str, desk: Desk,
                 now: datetime | None = None) -> ActionResult:
    """Mark the case complex: it gets a contact person, who is introduced to the business."""
    now = now or utcnow()
    case = get_case(session, reference)
    _require(case, "mark as complex", OPEN_STATUSES)
    if case.complex and case.contact_email:
        raise InvalidTransition(f"case {case.reference} is already complex (contact person {case.contact_person})")
    person = _make_complex(session, case, desk, actor, now, "marked complex")
    if person is None:
        return ActionResult(case.reference, "mark-complex", case.status,
                            f"case {case.reference} marked complex; no contact person pool in the catalogue")
    mailed = _mail(session, case, desk, "contact")
    return ActionResult(case.reference, "mark-complex", case.status,
                        f"case {case.reference} is complex; contact person {person.name}", mailed)


def close(session: Session, reference: str, *, actor: str, desk: Desk, now: datetime | None = None) -> ActionResult:
    """Close a decided case (no mail: the business already has the decision)."""
    now = now or utcnow()
    case = get_case(session, reference)
    _require(case, "close", ("decided",), "decide it first (approve, reject or forward)"
             if case.status in OPEN_STATUSES else "it is already closed")
    case.status, case.closed_at = "closed", now
    _event(session, case, actor, "closed", f"decision: {case.decision}", now)
    return ActionResult(case.reference, "close", case.status, f"case {case.reference} closed")


# -- reading -----------------------------------------------------------------------
@dataclass(frozen=True)
class CaseRow:
    """One line of ``case list``."""

    reference: str
    status: str
    decision: str | None
    task_type: str
    office: str
    due: date
    standing: str  # on_track | at_risk | overdue | done
    company: str
    assigned_to: str
    complex: bool


def effective_due(case: Case, desk: Desk, now: datetime) -> date:
    """The due date as it would be if a running pause ended ``now``."""
    if case.paused_since is None:
        return case.due_date
    pauses = clock.with_open_pause(clock.pauses_from_json(case.pauses_json), case.paused_since, now)
    return clock.due_with_pauses(case.received_at, goal_of(case), pauses, desk.calendar)


def list_cases(session: Session, desk: Desk, *, office: str | None = None, status: str | None = None,
               overdue: bool = False, now: datetime | None = None) -> list[CaseRow]:
    """Cases sorted by due date, with how each open one stands (``routing.clock.standing``)."""
    now = now or utcnow()
    if status is not None and status not in STATUSES:
        raise UnknownChoice(f"unknown status {status!r}; known: {', '.join(STATUSES)}")
    stmt = select(Case)
    if office:
        stmt = stmt.where(Case.office == office)
    if status:
        stmt = stmt.where(Case.status == status)
    today = clock.local_date(now)
    rows = []
    for case in session.exec(stmt).all():
        due = effective_due(case, desk, now)
        mark = clock.standing(due, today, desk.calendar) if case.status in OPEN_STATUSES else "done"
        rows.append(CaseRow(case.reference, case.status, case.decision, case.task_type, case.office, due, mark,
                            case.company_name or "", case.assigned_to or "", case.complex))
    rows = [r for r in rows if not overdue or r.standing == "overdue"]
    return sorted(rows, key=lambda r: (r.due, r.reference))


@dataclass(frozen=True)
class CaseDetail:
    """Everything ``case show`` prints."""

    case: Case
    events: list[CaseEvent]
    documents: list[dict]
    paths_forward: tuple[str, ...]
    due: date
    standing: str


def case_detail(session: Session, reference: str, desk: Desk, now: datetime | None = None) -> CaseDetail:
    now = now or utcnow()
    case = get_case(session, reference)
    events = session.exec(select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(col(CaseEvent.id))).all()
    due = effective_due(case, desk, now)
    mark = clock.standing(due, clock.local_date(now), desk.calendar) if case.status in OPEN_STATUSES else "done"
    return CaseDetail(case, list(events), json.loads(case.attachments_json or "[]"),
                      paths_forward(case, desk.catalogue), due, mark)
