"""Decisions on a part and their letters: approve, reject with a path forward, and reopen a decided part."""
from __future__ import annotations

import re
from datetime import datetime

from sqlmodel import Session

from intake.cases import parts as partlib
from intake.cases.desk import Desk, InvalidTransition, MissingText, UnknownChoice
from intake.cases.parts import OPEN_PART_STATUSES, Offices
from intake.cases.transitions import (
    PART_ACTION_STATUSES,
    ActionResult,
    bounded_text,
    held_part,
    lang_of,
    name_of,
    queue_letter,
    record_event,
    require,
    required_text,
    summarise_case,
)
from intake.letters.case_letters import conditions_appeal_text, other_paths_text
from intake.letters.wording import expected_line, words
from models import Case, CasePart, as_utc, utcnow
from routing.catalogue import Catalogue
from routing.goals import LOCAL_TZ


def decide(case: Case, part: CasePart, action: str, decision: str, desk: Desk, now: datetime) -> None:
    require(case, part, action, PART_ACTION_STATUSES[action],
            "it is already decided" if part.status == "decided" else "")
    partlib.end_pause(part, case.received_at, desk.calendar, now)
    part.status, part.decision, part.decided_at, part.updated_at = "decided", decision, now, now


def decided_summary(case: Case, parts: list[CasePart], target: CasePart, word: str) -> str:
    open_parts = [p.task_type for p in parts if p.status in OPEN_PART_STATUSES]
    rest = f"; still open: {', '.join(open_parts)}" if open_parts else ""
    return f"case {name_of(case, parts, target)} {word}{rest}"


def approve(session: Session, reference: str, *, actor: str, desk: Desk, message: str = "", part: str | None = None,
            offices: Offices = None, now: datetime | None = None) -> ActionResult:
    """Approve a part and tell the business (with the caseworker's message, if any)."""
    now = now or utcnow()
    case, parts, target = held_part(session, reference, part, PART_ACTION_STATUSES["approve"], offices)
    message = bounded_text(message, "the conditions (--message)", "approve")
    decide(case, target, "approve", "approved", desk, now)
    record_event(session, case, target, actor, "approved", message, now)
    summarise_case(session, case, parts, now)
    text = f"\n{message.strip()}\n" if message.strip() else ""
    appeal = getattr(desk.catalogue.task(target.task_type), f"appeal_{lang_of(case)}")
    mailed = queue_letter(session, case, target, desk, "approved", message_text=text,
                          appeal_text=conditions_appeal_text(message, appeal, lang_of(case)))
    return ActionResult(case.reference, "approve", target.status, decided_summary(case, parts, target, "approved"),
                        mailed, target.id)


def paths_forward(case: Case, catalogue: Catalogue, task_type: str | None = None) -> tuple[str, ...]:
    """The catalogue's typical paths forward for a task type (the case's primary), in the case's language."""
    offered: tuple[str, ...] = getattr(catalogue.task(task_type or case.task_type), f"paths_forward_{lang_of(case)}")
    return offered


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
    why = required_text(reason, "the reasons (--reason)", "a rejection")
    way = required_text(path_forward, "a path forward (--path-forward)", "a rejection")
    case, parts, target = held_part(session, reference, part, PART_ACTION_STATUSES["reject"], offices)
    way = resolve_path_forward(case, desk.catalogue, way, target.task_type)
    decide(case, target, "reject", "rejected", desk, now)
    record_event(session, case, target, actor, "rejected", f"reasons: {why}\npath forward: {way}", now)
    summarise_case(session, case, parts, now)
    task = desk.catalogue.task(target.task_type)
    others = [p for p in paths_forward(case, desk.catalogue, target.task_type) if p != way]
    mailed = queue_letter(session, case, target, desk, "rejected", reason=why, path_forward=way,
                          other_paths=other_paths_text(others, lang_of(case)),
                          appeal=getattr(task, f"appeal_{lang_of(case)}"))
    return ActionResult(case.reference, "reject", target.status, decided_summary(case, parts, target, "rejected"),
                        mailed, target.id)


def reopen(session: Session, reference: str, *, reason: str, actor: str, desk: Desk, part: str | None = None,
           offices: Offices = None, now: datetime | None = None) -> ActionResult:
    """Take a decided part up again (decided wrongly, or the business sent what a rejection missed): back in
    progress without a decision until a new one is made, and the business told the new expected week.

    The time the part stood decided counts as a pause of its clock (it was with nobody at the office), so the
    part keeps what was left of its goal when it was decided; a closed case is open again.
    """
    now = now or utcnow()
    why = required_text(reason, "the reason (--reason)", "reopen")
    case, parts, target = held_part(session, reference, part, PART_ACTION_STATUSES["reopen"], offices)
    if case.purged_at is not None:
        raise InvalidTransition(f"case {case.reference} is purged: cannot reopen")
    require(case, target, "reopen", PART_ACTION_STATUSES["reopen"], "only a decided part can be reopened")
    was = target.decision or "-"
    target.paused_since = as_utc(target.decided_at) if target.decided_at else now   # the time it stood decided
    old, new = partlib.end_pause(target, case.received_at, desk.calendar, now)
    target.status, target.decision, target.decided_at, target.updated_at = "in_progress", None, None, now
    for other in parts:     # a closed case is open again: its other parts are decided, no longer closed
        if other.status == "closed":
            other.status, other.updated_at = "decided", now
            session.add(other)
    case.closed_at = None
    record_event(session, case, target, actor, "reopened", f"reason: {why}\nwas: {was}; due {old} -> {new}", now)
    summarise_case(session, case, parts, now)
    lang = lang_of(case)
    mailed = queue_letter(session, case, target, desk, "reopened", listing=parts, now=now,
                          decision_text=words(lang, "decisions").get(was, was),
                          expected_text=expected_line(new, lang, today=now.astimezone(LOCAL_TZ).date()))
    return ActionResult(case.reference, "reopen", target.status,
                        f"case {name_of(case, parts, target)} reopened (was {was}); due {new.isoformat()} "
                        f"({target.expected_week})", mailed, target.id)
