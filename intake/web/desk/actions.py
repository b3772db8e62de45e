"""The caseworker's actions as forms: each one calls the function the ``intake case`` command calls.

``ACTIONS`` maps the name in the form's address (``/cases/REF/act/NAME``) to a
function of the form's fields. Nothing here decides anything: the lifecycle
and the meetings refuse what cannot be done (``RequestRefused``), and the desk
shows that refusal on the case page.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session

from intake.cases import lifecycle
from intake.cases import parts as partlib
from intake.cases.lifecycle import Desk, MissingText, UnknownChoice
from intake.cases.meetings import cancel_meeting, move_meeting, propose_star_meeting, record_outcome
from intake.cases.parts import Offices
from intake.web.desk.users import assignees
from models import Case

Form = Mapping[str, Any]


@dataclass(frozen=True)
class Done:
    """What an action did: the line the desk shows, whether mail was queued, and the part it was on (None: the
    whole case)."""

    summary: str
    mailed: bool
    part_id: int | None = None


def _text(form: Form, name: str) -> str:
    value = form.get(name, "")
    return value.strip() if isinstance(value, str) else ""


def _when(form: Form, name: str, required: bool) -> datetime | None:
    """A ``datetime-local`` field (Copenhagen time, as ``intake case meeting --at`` takes it)."""
    raw = _text(form, name)
    if not raw:
        if required:
            raise MissingText(f"the meeting needs a time ({name})")
        return None
    try:
        return datetime.fromisoformat(raw.replace(" ", "T"))
    except ValueError as err:
        raise UnknownChoice(f"{raw!r} is not a date and time like 2026-12-10T10:00") from err


def part_action(session: Session, case: Case, name: str, form: Form, part: str | None, desk: Desk,
                actor: str, offices: Offices = None) -> Done:
    """An action on one part (or on the case, for mark-complex), by an actor of ``offices`` (None: every office)."""
    ref = case.reference
    calls: dict[str, Callable[[], lifecycle.ActionResult]] = {
        "start": lambda: lifecycle.start(session, ref, actor=actor, desk=desk, part=part, offices=offices),
        "request-info": lambda: lifecycle.request_info(session, ref, _text(form, "message"), actor=actor,
                                                       desk=desk, part=part, offices=offices),
        "approve": lambda: lifecycle.approve(session, ref, actor=actor, desk=desk, message=_text(form, "message"),
                                             part=part, offices=offices),
        "reject": lambda: lifecycle.reject(session, ref, reason=_text(form, "reason"),
                                           path_forward=_text(form, "path_forward") or _text(form, "path_choice"),
                                           actor=actor, desk=desk, part=part, offices=offices),
        "forward": lambda: lifecycle.forward(session, ref, _text(form, "topic"), actor=actor, desk=desk,
                                             message=_text(form, "message"), to=_text(form, "to"), part=part,
                                             offices=offices),
        "reroute": lambda: lifecycle.reroute(session, ref, _text(form, "task_type"), actor=actor, desk=desk,
                                             part=part, offices=offices),
        "assign": lambda: lifecycle.assign(session, ref, _assignee(session, case, form, part, desk, actor, offices),
                                           actor=actor, desk=desk, part=part, offices=offices),
        "reopen": lambda: lifecycle.reopen(session, ref, reason=_text(form, "reason"), actor=actor, desk=desk,
                                           part=part, offices=offices),
        "reply": lambda: lifecycle.reply(session, ref, _text(form, "message"), actor=actor, desk=desk, part=part,
                                         offices=offices),
        "mark-complex": lambda: lifecycle.mark_complex(session, ref, actor=actor, desk=desk),
        "add-part": lambda: lifecycle.add_part(session, ref, _text(form, "task_type"), actor=actor, desk=desk),
        "close": lambda: lifecycle.close(session, ref, actor=actor, desk=desk),
        "note": lambda: lifecycle.note(session, ref, _text(form, "text"), actor=actor, desk=desk, part=part,
                                       offices=offices),
    }
    result = calls[name]()
    return Done(result.summary, bool(result.mailed), result.part_id)


def _assignee(session: Session, case: Case, form: Form, part: str | None, desk: Desk, actor: str,
              offices: Offices) -> str:
    """Whom the desk's assign names: a desk user who can see the part, since an address gets the business's answers
    in Cc (the command line also takes a name, for an office without the desk)."""
    who = (_text(form, "to") or actor).lower()
    try:
        target = partlib.pick(partlib.parts_of(session, case), part, case.reference, offices=offices)
    except partlib.PartError:
        return who  # the lifecycle says which part to name
    allowed = assignees(session, target.office, desk.catalogue.triage_office)
    if who not in allowed:
        raise UnknownChoice(f"{who[:120]!r} is no desk user who can see this part; choose one of the list")
    return who


def meeting_action(session: Session, case: Case, form: Form, desk: Desk, actor: str) -> Done:
    """Propose, move, cancel or record the outcome of the case's star meeting (``op`` in the form)."""
    op, settings = _text(form, "op"), desk.settings
    if op == "propose":
        propose_star_meeting(session, case, desk.catalogue, desk.calendar, settings, _when(form, "at", False),
                             actor=actor)
        return Done(f"star meeting of {case.reference} proposed", True)
    if op == "move":
        at = _when(form, "at", True)
        assert at is not None
        move_meeting(session, case, desk.catalogue, desk.calendar, settings, at, actor=actor)
        return Done(f"star meeting of {case.reference} moved", True)
    if op == "cancel":
        cancel_meeting(session, case, desk.catalogue, settings, _text(form, "reason"), actor=actor)
        return Done(f"star meeting of {case.reference} cancelled", True)
    if op == "outcome":
        outcome = _text(form, "outcome")
        if not outcome:
            raise MissingText("the outcome of the meeting is empty")
        record_outcome(session, case, outcome, _text(form, "open_questions"), actor=actor)
        return Done(f"star meeting of {case.reference} recorded as held", False)
    raise UnknownChoice(f"unknown meeting operation {op!r}")


PART_ACTIONS = ("start", "request-info", "approve", "reject", "forward", "reroute", "assign", "reopen", "reply")
CASE_ACTIONS = ("mark-complex", "add-part", "close", "meeting", "note")
