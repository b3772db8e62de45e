"""The service-goal clock: pauses, resumed due dates and how a case stands. Pure functions.

The clock runs from receipt and stands still while the case waits for the
applicant. How a pause moves the due date depends on the unit of the goal:

* working-day goals shift by the paused *working* days;
* week and calendar-day goals shift by the paused *calendar* days.

A pause covers the local (Copenhagen) dates from the day it started up to,
but not including, the day it ended: information asked for on a Friday and
supplied on the Monday costs one working day (the Friday) or three calendar
days. A pause that starts and ends on the same day costs nothing. The due
date is always recomputed from receipt with every pause so far (never shifted
step by step), and a due date on a non-working day moves to the next one,
exactly as ``routing.goals.due_date`` does without pauses.

A case is *overdue* after its due date and *at risk* when the due date is at
most ``AT_RISK_WORKING_DAYS`` (2) working days away (today, tomorrow or the
working day after); otherwise it is *on track*.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from routing.calendar import WorkingCalendar
from routing.catalogue import ServiceGoal
from routing.goals import iso_week, local_date

AT_RISK_WORKING_DAYS = 2
Standing = Literal["on_track", "at_risk", "overdue"]


@dataclass(frozen=True)
class Pause:
    """One period in which the clock stood still (aware datetimes)."""

    start: datetime
    end: datetime

    @property
    def seconds(self) -> int:
        return max(0, int((self.end - self.start).total_seconds()))


def paused_days(pause: Pause, unit: str, calendar: WorkingCalendar) -> int:
    """The days ``pause`` costs in the goal's ``unit``: working days for working-day goals, else calendar days."""
    first, last = local_date(pause.start), local_date(pause.end)
    if last <= first:
        return 0
    if unit != "working_days":
        return (last - first).days
    return sum(1 for i in range((last - first).days) if calendar.is_working_day(first + timedelta(days=i)))


def due_with_pauses(received: date | datetime, goal: ServiceGoal, pauses: Iterable[Pause],
                    calendar: WorkingCalendar) -> date:
    """The due date from receipt with ``goal``, moved on by every pause."""
    start = local_date(received)
    extra = sum(paused_days(p, goal.unit, calendar) for p in pauses)
    if goal.unit == "working_days":
        return calendar.add_working_days(start, goal.value + extra)
    days = goal.value * 7 if goal.unit == "weeks" else goal.value
    if goal.unit not in ("weeks", "calendar_days"):
        raise ValueError(f"unknown service goal unit {goal.unit!r}")
    return calendar.next_working_day(start + timedelta(days=days + extra))


def moved_to_later_week(old_due: date, new_due: date) -> bool:
    """True when ``new_due`` falls in a later ISO week than ``old_due`` (ISO strings sort correctly)."""
    return iso_week(new_due) > iso_week(old_due)


def working_days_until(today: date, due: date, calendar: WorkingCalendar) -> int:
    """Working days after ``today`` up to and including ``due`` (0 when due today or earlier)."""
    return sum(1 for i in range(1, (due - today).days + 1) if calendar.is_working_day(today + timedelta(days=i)))


def standing(due: date, today: date, calendar: WorkingCalendar,
             at_risk_days: int = AT_RISK_WORKING_DAYS) -> Standing:
    """How an open case stands against its due date."""
    if today > due:
        return "overdue"
    if working_days_until(today, due, calendar) <= at_risk_days:
        return "at_risk"
    return "on_track"


def with_open_pause(pauses: Sequence[Pause], paused_since: datetime | None, now: datetime) -> list[Pause]:
    """The finished pauses plus the running one (``paused_since`` to ``now``), if any."""
    return [*pauses, Pause(paused_since, now)] if paused_since is not None else list(pauses)


def due_if_resumed(due: date, paused_since: datetime | None, pauses_json: str, received: datetime,
                   goal: ServiceGoal, calendar: WorkingCalendar, now: datetime) -> date:
    """The due date as it would be if a running pause ended ``now``; ``due`` when no pause runs."""
    if paused_since is None:
        return due
    return due_with_pauses(received, goal, with_open_pause(pauses_from_json(pauses_json), paused_since, now), calendar)


def total_seconds(pauses: Iterable[Pause]) -> int:
    return sum(p.seconds for p in pauses)


def pauses_to_json(pauses: Iterable[Pause]) -> str:
    return json.dumps([{"from": p.start.isoformat(), "to": p.end.isoformat()} for p in pauses])


def pauses_from_json(raw: str) -> list[Pause]:
    """The pauses stored on a case; an unreadable value reads as no pauses."""
    try:
        items = json.loads(raw or "[]")
        return [Pause(datetime.fromisoformat(i["from"]), datetime.fromisoformat(i["to"])) for i in items]
    except (TypeError, ValueError, KeyError):
        return []
