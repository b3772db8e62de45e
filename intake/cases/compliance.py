"""Service-goal compliance: processing times against the goals, per task type or office.

The rules (the clock itself, pauses, due dates and at-risk/overdue, live in
``routing.clock``; this module only measures):

* Each **part** of a case counts for its own task type and office (a case of
  several offices is one line in each office's report).
* **Processing time** runs from receipt (``Case.received_at``) to the part's
  decision (``CasePart.decided_at``) minus the time its clock was paused waiting
  for the applicant. It is reported in calendar days (a float: hours / 24,
  ``Case.paused_seconds`` subtracted) and in working days (the working days
  after the receipt date up to and including the decision date, minus the
  working days the pauses cost: ``routing.clock.paused_days``).
* **Decided within the goal**: the Copenhagen date of the decision is on or
  before the case's due date after pauses (``Case.due_date``, which the
  lifecycle recomputes with every pause, ``routing.clock.due_with_pauses``).
* **Overdue / at risk** (open cases): ``routing.clock.standing`` against the
  due date as if a running pause ended now: overdue after the due date, at
  risk when it is at most ``AT_RISK_WORKING_DAYS`` working days away.
* Percentiles interpolate linearly between the closest ranks (like NumPy's
  default); the 90th percentile of one case is that case.

A case counts in a period when its Copenhagen receipt date is in the period.
"""
from __future__ import annotations

import logging
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from intake.cases.parts import OPEN_PART_STATUSES
from intake.errors import RequestRefused
from models import Case, CasePart
from routing import clock
from routing.calendar import WorkingCalendar
from routing.catalogue import Catalogue, ServiceGoal
from routing.clock import AT_RISK_WORKING_DAYS, Pause
from routing.goals import LOCAL_TZ, describe_goal, local_date

log = logging.getLogger(__name__)

GROUPINGS = ("task-type", "office")
TOTAL = "all"
__all__ = ["AT_RISK_WORKING_DAYS", "TOTAL", "CaseTimes", "ReportError", "Row", "compliance", "summarise"]


class ReportError(RequestRefused):
    """Raised when a report is asked for with an invalid period or grouping."""


@dataclass(frozen=True)
class CaseTimes:
    """The part of a case the reports need, detached from the database session."""

    reference: str
    task_type: str
    office: str
    status: str
    received_at: datetime
    decided_at: datetime | None
    due_date: date
    goal: ServiceGoal
    pauses: tuple[Pause, ...] = ()
    paused_seconds: int = 0
    paused_since: datetime | None = None

    @classmethod
    def of(cls, case: Case, part: CasePart) -> CaseTimes:
        """One part of a case: each part counts for its own task type and office, with its own clock."""
        return cls(reference=case.reference, task_type=part.task_type, office=part.office, status=part.status,
                   received_at=_utc(case.received_at), decided_at=_utc(part.decided_at), due_date=part.due_date,
                   goal=ServiceGoal(part.goal_value, part.goal_unit),  # type: ignore[arg-type]
                   pauses=tuple(clock.pauses_from_json(part.pauses_json)),
                   paused_seconds=int(part.paused_seconds or 0), paused_since=_utc(part.paused_since))

    @property
    def is_open(self) -> bool:
        return self.decided_at is None and self.status in OPEN_PART_STATUSES


@dataclass(frozen=True)
class Row:
    """One line of the compliance report. Times are in days; ``None`` when nothing was decided."""

    group: str
    label: str
    goal: str
    parts: int   # one per task type of each case (a case for three offices counts in each group)
    decided: int
    median_days: float | None
    p90_days: float | None
    median_working_days: float | None
    p90_working_days: float | None
    within_goal: int
    open: int
    at_risk: int
    overdue: int

    @property
    def within_goal_share(self) -> float | None:
        return self.within_goal / self.decided if self.decided else None


def _utc(dt: datetime | None) -> datetime | None:
    if dt is None:
        return None
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)


# -- the measures ---------------------------------------------------------------------
def due_now(t: CaseTimes, calendar: WorkingCalendar, now: datetime) -> date:
    """The due date after pauses; a running pause counts as if it ended ``now`` (as ``intake case list``)."""
    if t.paused_since is None:
        return t.due_date
    pauses = clock.with_open_pause(t.pauses, t.paused_since, now)
    return clock.due_with_pauses(t.received_at, t.goal, pauses, calendar)


def processing_days(t: CaseTimes) -> float:
    """Calendar days from receipt to decision, paused time excluded."""
    assert t.decided_at is not None
    seconds = (t.decided_at - t.received_at).total_seconds() - t.paused_seconds
    return max(seconds, 0.0) / 86400


def processing_working_days(t: CaseTimes, calendar: WorkingCalendar) -> int:
    """Working days after the receipt date up to the decision date, minus the working days paused."""
    assert t.decided_at is not None
    start, end = local_date(t.received_at), local_date(t.decided_at)
    elapsed = sum(1 for n in range(1, (end - start).days + 1) if calendar.is_working_day(start + timedelta(n)))
    paused = sum(clock.paused_days(p, "working_days", calendar) for p in t.pauses)
    return max(elapsed - paused, 0)


def within_goal(t: CaseTimes) -> bool:
    assert t.decided_at is not None
    return local_date(t.decided_at) <= t.due_date


def percentile(values: Sequence[float], q: int) -> float | None:
    """The ``q``-th percentile, linear between closest ranks; ``None`` for no values."""
    if not values:
        return None
    if len(values) == 1:
        return float(values[0])
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


# -- summarising ----------------------------------------------------------------------
def _label(group: str, by: str, catalogue: Catalogue) -> tuple[str, str]:
    """(name, goal text) of a group."""
    if group == TOTAL:
        return "I alt / total", ""
    if by == "office":
        office = catalogue.offices.get(group)
        return (office.name_da if office else group), ""
    task = catalogue.tasks.get(group)
    return (task.name_da, describe_goal(task.goal, "en")) if task else (group, "")


def summarise_group(group: str, label: str, goal: str, times: Sequence[CaseTimes],
                    calendar: WorkingCalendar, now: datetime) -> Row:
    """One report row over ``times`` (pure)."""
    decided = [c for c in times if c.decided_at is not None]
    days = sorted(processing_days(c) for c in decided)
    wdays = sorted(float(processing_working_days(c, calendar)) for c in decided)
    today = local_date(now)
    states = [clock.standing(due_now(c, calendar, now), today, calendar) for c in times if c.is_open]
    return Row(group=group, label=label, goal=goal, parts=len(times), decided=len(decided),
               median_days=statistics.median(days) if days else None, p90_days=percentile(days, 90),
               median_working_days=statistics.median(wdays) if wdays else None,
               p90_working_days=percentile(wdays, 90),
               within_goal=sum(within_goal(c) for c in decided),
               open=len(states), at_risk=states.count("at_risk"), overdue=states.count("overdue"))


def summarise(times: Iterable[CaseTimes], catalogue: Catalogue, calendar: WorkingCalendar, *, by: str,
              now: datetime) -> list[Row]:
    """Rows per task type or office (sorted by id), then a total row (pure)."""
    if by not in GROUPINGS:
        raise ReportError(f"--by must be one of {', '.join(GROUPINGS)}, not {by!r}")
    times = list(times)
    groups: dict[str, list[CaseTimes]] = {}
    for c in times:
        groups.setdefault(c.office if by == "office" else c.task_type, []).append(c)
    rows = [summarise_group(g, *_label(g, by, catalogue), groups[g], calendar, now) for g in sorted(groups)]
    return rows + [summarise_group(TOTAL, *_label(TOTAL, by, catalogue), times, calendar, now)]


FIRST_YEAR, LAST_YEAR = 1900, 2999  # a period's dates: "9999-12-31" overflowed the day after it, and a 500


def check_period(start: date | None, end: date | None) -> None:
    """Refuse a period that starts after it ends, or with a date outside the years a report can mean."""
    for day in (start, end):
        if day is not None and not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise ReportError(f"{day.isoformat()} is no date of a report; give one from {FIRST_YEAR} to {LAST_YEAR}")
    if start and end and start > end:
        raise ReportError(f"the period starts ({start}) after it ends ({end})")


def load_times(engine: Engine, start: date | None, end: date | None) -> list[CaseTimes]:
    """The cases received (Copenhagen date) from ``start`` to ``end``, both included (``check_period``)."""
    check_period(start, end)
    stmt = select(Case, CasePart).where(CasePart.case_id == Case.id).order_by(Case.id, CasePart.position)
    if start is not None:
        stmt = stmt.where(col(Case.received_at) >= datetime.combine(start, time(0), LOCAL_TZ))
    if end is not None:
        stmt = stmt.where(col(Case.received_at) < datetime.combine(end + timedelta(days=1), time(0), LOCAL_TZ))
    with Session(engine) as session:
        return [CaseTimes.of(case, part) for case, part in session.exec(stmt)]


def compliance(engine: Engine, catalogue: Catalogue, calendar: WorkingCalendar, *, start: date | None = None,
               end: date | None = None, by: str = "task-type", now: datetime | None = None) -> list[Row]:
    """The compliance report over the cases received in the period, grouped ``by`` task-type or office."""
    now = now or datetime.now(UTC)
    rows = summarise(load_times(engine, start, end), catalogue, calendar, by=by, now=now)
    log.info("compliance report", extra={"by": by, "parts": rows[-1].parts, "groups": len(rows) - 1})
    return rows
