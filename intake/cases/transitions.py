"""What every action on a case starts from and the steps each one takes (``intake.cases.lifecycle``).

The statuses each action starts from (one table, for the actions and for the desk's forms), the case held for the
transaction and the part an action is about, the refusals (``InvalidTransition``, ``MissingText``), and what every
action leaves behind: its ``CaseEvent``, the case's summary of its parts, its letter in the outbox.
"""
from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType

from sqlalchemy import update
from sqlmodel import Session, col, func, select

from intake.cases import parts as partlib
from intake.cases.desk import MAX_TEXT, Desk, InvalidTransition, MissingText, UnknownChoice
from intake.cases.meetings import MEETING_STATUSES
from intake.cases.parts import OPEN_PART_STATUSES, Offices, PartError
from intake.cases.rules import contact_of
from intake.cases.statuses import OPEN_STATUSES, STATUSES
from intake.errors import CaseNotFound
from intake.letters.case_letters import CaseLetter, case_mail
from intake.letters.facts import PartFacts
from intake.letters.outbox import queue_mail
from intake.letters.wording import language
from intake.privacy import redact_cpr
from models import Case, CaseEvent, CasePart, OutboxMail, as_utc
from routing.goals import LOCAL_TZ

log = logging.getLogger(__name__)

REOPENABLE = ("decided", "closed")   # a part's statuses once decided (a closed case's parts are closed)
# The statuses each action starts from: of the part for an action on a part, of the case for one on the whole case.
# The actions refuse any other (``held_part``, ``require``) and the desk offers a part or case only the forms its
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
    """What an action did, for the CLI to print; ``part_id``: the part it was on (None: the whole case), whose
    unread mark the actor's office has now seen (``unread.acted_on``)."""

    reference: str
    action: str
    status: str
    summary: str
    mailed: tuple[str, ...] = ()
    part_id: int | None = None


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
                 if case.status in allowed and not (action == "mark-complex" and complex_already(case)))


def complex_already(case: Case) -> bool:
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


def id_of(case: Case) -> int:
    """The case's id: a case read from the database has one."""
    assert case.id is not None, "a stored case has an id"
    return case.id


def held_part(session: Session, reference: str, part: str | None, allowed: tuple[str, ...] | None,
              offices: Offices = None) -> tuple[Case, list[CasePart], CasePart]:
    """The case (held: ``held_case``), all its parts and the part the action is about, among the parts of the
    actor's ``offices`` (None: every office; ``parts.pick``)."""
    case = held_case(session, reference)
    parts = partlib.parts_of(session, case)
    try:
        return case, parts, partlib.pick(parts, part, case.reference, allowed, offices)
    except PartError as err:
        raise UnknownChoice(str(err)) from err


def name_of(case: Case, parts: list[CasePart], part: CasePart) -> str:
    """How a summary names what was acted on: the case, or its part when it has several."""
    return case.reference if len(parts) == 1 else f"{case.reference} part {part.task_type}"


def require(case: Case, part: CasePart, action: str, allowed: tuple[str, ...], hint: str = "") -> None:
    if part.status not in allowed:
        what = part.status + (f" ({part.decision})" if part.decision else "")
        whose = f"case {case.reference}" + (f" part {part.task_type}" if part.position or hint == "part" else "")
        raise InvalidTransition(f"{whose} is {what}: cannot {action}"
                                + (f"; {hint}" if hint and hint != "part" else f" (only when {', '.join(allowed)})"))


def required_text(value: str | None, what: str, action: str) -> str:
    text = bounded_text(value, what, action)
    if not text:
        raise MissingText(f"{action} needs {what}")
    return text


def bounded_text(value: str | None, what: str, action: str) -> str:
    """The text stripped; refused when longer than ``MAX_TEXT`` (a paste gone wrong, not a letter)."""
    text = (value or "").strip()
    if len(text) > MAX_TEXT:
        raise MissingText(f"{action}: {what} is {len(text):,} characters; at most {MAX_TEXT:,} go in a letter "
                          "(attach a longer text to a mail instead)")
    return text


def record_event(session: Session, case: Case, part: CasePart | None, actor: str, action: str, detail: str,
                 now: datetime) -> None:
    case.updated_at = now
    session.add(case)
    if part is not None:
        session.add(part)
    session.add(CaseEvent(case_id=id_of(case), part_id=part.id if part else None, at=now, actor=actor or "intake",
                          action=action, detail=redact_cpr(detail)))
    log.info("case event", extra={"reference": case.reference, "action": action,
                                  "part": part.task_type if part else "",
                                  "status": part.status if part else case.status,
                                  "office": part.office if part else case.office})


def summarise_case(session: Session, case: Case, parts: list[CasePart], now: datetime) -> None:
    partlib.summarise(case, parts, now)
    session.add(case)


def next_seq(session: Session, case: Case) -> int:
    return session.exec(select(func.count()).select_from(OutboxMail).where(OutboxMail.case_id == case.id)).one() + 1


def queue_letter(session: Session, case: Case, part: CasePart, desk: Desk, kind: str, *, introduce: bool = False,
                 listing: Sequence[CasePart] = (), now: datetime | None = None, **values: str) -> tuple[str, ...]:
    """The letter ``kind`` about ``part`` queued for the business; ``listing``: the case's parts, for a letter
    that lists the others as they stand at ``now``."""
    others = [(n, PartFacts.of(p)) for n, p in enumerate(listing, start=1) if p is not part]
    msg = case_mail(case, CaseLetter(kind, values, next_seq(session, case), introduce), desk.catalogue, desk.settings,
                    contact_of(case, desk.catalogue), part=PartFacts.of(part), others=others,
                    today=as_utc(now).astimezone(LOCAL_TZ).date() if now else None)
    queue_mail(session, purpose=f"case_{kind}", msg=msg, case_id=case.id, inbound_id=None)
    return tuple(a.strip() for key in ("To", "Cc") for a in str(msg.get(key, "")).split(",") if a.strip())


def lang_of(case: Case) -> str:
    return language(case.language)
