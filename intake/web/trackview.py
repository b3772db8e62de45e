"""What the track page shows of one case, as plain values in the business's words.

Reference, each part's task, office, state, service goal and expected week
(the letters' ``week_line``), the paused clock and the question we wait for,
the contact person of a complex case, and a timeline of the events a business
may read (those with a word in the letters' ``[events]``, naming the part's
task in a case of several parts; never an internal note or an event's detail),
and how to reply. Nothing here is more than the business has been told by
mail.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, select

from intake.cases import parts as partlib
from intake.cases.rules import contact_of
from intake.followups import part_facts
from intake.letters.facts import PartFacts
from intake.letters.status import describe_event
from intake.letters.wording import (
    CLOCK_RUNS,
    describe_day,
    describe_received,
    expected_line,
    part_state,
    part_values,
    words,
)
from intake.settings import Settings
from models import Case, CaseEvent
from routing.calendar import WorkingCalendar
from routing.catalogue import Catalogue, ContactPerson
from routing.goals import LOCAL_TZ


@dataclass(frozen=True)
class PartView:
    """One part of the case: a task and the office that decides it."""

    task: str
    office: str
    state: str
    goal: str
    week: str  # '' once decided
    decided: str  # the date of the decision, '' while open
    paused: bool
    waiting_for: str


@dataclass(frozen=True)
class TrackView:
    """The whole page."""

    reference: str
    received: str
    parts: tuple[PartView, ...]
    contact: ContactPerson | None
    timeline: tuple[str, ...]
    reply_address: str


def track_view(session: Session, case: Case, catalogue: Catalogue, calendar: WorkingCalendar,
               settings: Settings, lang: str, today: date | None = None) -> TrackView:
    """The track page of ``case`` in ``lang`` (as of ``today``, Copenhagen's date by default)."""
    stored = partlib.parts_of(session, case)
    today = today or datetime.now(LOCAL_TZ).date()
    views = tuple(_part_view(facts, part.decided_at, catalogue, lang, today)
                  for facts, part in zip(part_facts(session, case), stored, strict=True))
    # a case of several parts says which part an event is about, by the task's name its part shows
    names = {part.id: view.task for part, view in zip(stored, views, strict=True)} if len(stored) > 1 else {}
    return TrackView(reference=case.reference, received=describe_received(case.received_at, lang), parts=views,
                     contact=contact_of(case, catalogue), timeline=timeline(session, case, lang, names, catalogue),
                     reply_address=settings.from_address)


def _part_view(facts: PartFacts, decided_at: datetime | None, catalogue: Catalogue,
               lang: str, today: date) -> PartView:
    values = part_values(facts, catalogue, lang)
    decided = describe_day(decided_at.astimezone(LOCAL_TZ).date(), lang) if decided_at else ""
    week = expected_line(facts.due, lang, open_clock=facts.status in CLOCK_RUNS, today=today)
    return PartView(task=values["task_name"], office=values["office_name"], state=part_state(facts, lang),
                    goal=values["goal_text"], week="" if decided else week, decided=decided,
                    paused=facts.status == "waiting", waiting_for=facts.waiting_for)


def timeline(session: Session, case: Case, lang: str, part_names: Mapping[int | None, str] | None = None,
             catalogue: Catalogue | None = None) -> tuple[str, ...]:
    """The events a business may read, oldest first, in its words with their date; an event of a part in
    ``part_names`` (part id -> the task's name) names it, by the ``catalogue``'s name of the task it had then."""
    meant, names = words(lang, "events"), part_names or {}
    events = list(session.exec(select(CaseEvent).where(CaseEvent.case_id == case.id)
                               .order_by(col(CaseEvent.at), col(CaseEvent.id))))
    parts = partlib.parts_of(session, case)
    tasks = {p.id: p.task_type for p in parts}
    then = partlib.parts_then(events, parts)

    def named(event: CaseEvent) -> str:
        """The part's name; the task it had then when a later reroute changed it ("sent to the office" of the
        wastewater permit, not of the sign it became)."""
        name, was = names.get(event.part_id, ""), then.get(event.id or 0)
        if name and catalogue is not None and was is not None and was.task_type != tasks.get(event.part_id) \
                and was.task_type in catalogue.tasks:
            return str(getattr(catalogue.task(was.task_type), f"name_{lang}"))
        return name

    return tuple(describe_event(e.action, e.at, lang, named(e)) for e in events if e.action in meant)
