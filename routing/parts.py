"""Which parts a case gets: one per task type the application asks for, each with its office and goal.

Pure: the classifier's task types (primary first), whether the case needs
triage, the receipt time, the catalogue and the calendar in; ``PartPlan`` out.

- A confident application gets one part per known task type, in the order
  given. A general enquiry among other task types is not a part of its own
  (guidance for a business that also applies is the contact person's job).
- A question (the general enquiry is the primary task type: "which permits
  does a food truck need?") is one general part; the other task types it
  touches are topics of the guidance, not parts.
- A case that needs triage gets one part at the triage office, for the best
  guess of its task type (kept for the caseworker and as training data), with
  the **general enquiry's goal**: what we promise is when the business hears
  which office has its case, not the guessed office's processing time.
- A part takes the goal of its task type's variant when the application shows it
  (``GoalVariant.applies``: a tank of 6,000 litres or more, a car wash): the week
  we promise is the one the longer goal gives, as the guidance says.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from routing.calendar import WorkingCalendar
from routing.catalogue import Catalogue, GoalVariant, ServiceGoal
from routing.goals import due_date, iso_week


@dataclass(frozen=True)
class PartPlan:
    """One part of a new case: a task type, the office that decides it, its goal and due date."""

    task_type: str
    office: str
    goal: ServiceGoal
    due: date
    week: str  # ISO week of ``due``, "2026-W51"
    needs_triage: bool = False
    variant: GoalVariant | None = None  # the special case whose goal the part has


def plan_parts(task_types: Sequence[str], needs_triage: bool, received: date | datetime, catalogue: Catalogue,
               calendar: WorkingCalendar, *, litres: float | None = None, text: str = "") -> list[PartPlan]:
    """The parts of a new case (never empty); ``litres`` and ``text`` (the application's) choose goal variants."""
    known = [t for t in dict.fromkeys(task_types) if t in catalogue.tasks]
    general = catalogue.general_task
    if needs_triage or not known:
        guess = known[0] if known else (general or next(iter(catalogue.tasks)))
        goal = catalogue.task(general).goal if general else catalogue.task(guess).goal
        return [_plan(guess, catalogue.triage_office, goal, received, calendar, needs_triage=True)]
    if known[0] == general:
        return [_plan(general, catalogue.task(general).office, catalogue.task(general).goal, received, calendar)]
    wanted = [t for t in known if t != general]
    plans = []
    for t in wanted:
        task = catalogue.task(t)
        variant = next((v for v in task.variants if v.applies(litres, text)), None)
        plans.append(_plan(t, task.office, variant.goal if variant else task.goal, received, calendar,
                           variant=variant))
    return plans


def _plan(task_type: str, office: str, goal: ServiceGoal, received: date | datetime, calendar: WorkingCalendar,
          *, needs_triage: bool = False, variant: GoalVariant | None = None) -> PartPlan:
    due = due_date(received, goal, calendar)
    return PartPlan(task_type, office, goal, due, iso_week(due), needs_triage, variant)
