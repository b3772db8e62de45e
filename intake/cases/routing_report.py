"""Routing accuracy in production: how often the office a part was sent to was the right one.

The rules:

* Each **part** of a case counts for the task type the service first gave it
  (what the classifier said), in the ISO week of its case's receipt
  (Copenhagen), like the compliance report.
* A part is **rerouted** when a caseworker moved it to another task type
  (``models.Correction``: the chain of corrections of a case is followed from
  task type to task type, so a part moved twice is one rerouted part).
* **Routing accuracy** = parts decided and never rerouted / parts decided, over
  the parts the service routed to an office itself. Parts sent to triage are not
  in it (the service made no choice), nor parts a caseworker added (the service
  missed them: counted as ``added``). Open parts are not counted yet: they may
  still be rerouted.
* **Triage rate** = cases whose part went to the triage office / cases. A
  triage case is **resolved** to the office of its first correction; one decided
  at the triage office without a correction is resolved there; the rest are
  ``unresolved``.

Whether a part went to triage: the ``routed`` event the intake writes for each
part says so; without one (cases older than the event), a part is a triage
part when it still waits at triage or its first correction moved it from the
triage office.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from intake.cases.compliance import check_period
from models import Case, CaseEvent, CasePart, Correction, as_utc
from routing.catalogue import Catalogue
from routing.goals import LOCAL_TZ, iso_week, local_date

log = logging.getLogger(__name__)

TOTAL = "all"
UNRESOLVED = "unresolved"
_ROUTED = re.compile(r"^\S+ -> \S+(?P<triage> \(triage\))?$")


@dataclass(frozen=True)
class PartRouting:
    """One part as the report sees it: where the service sent it and what became of it."""

    case_id: int
    week: str
    task_type: str          # as first routed
    office: str             # as first routed
    triage: bool
    rerouted: bool
    decided: bool
    added: bool             # added by a caseworker, not routed by the service
    resolved_office: str | None = None   # a triage part: the office of its first correction


@dataclass(frozen=True)
class AccuracyRow:
    """Routing accuracy of one group (a task type, an ISO week, or all)."""

    section: str    # task-type | week | total
    group: str
    label: str
    parts: int      # parts the service routed to an office itself
    decided: int
    kept: int       # decided and never rerouted
    rerouted: int   # rerouted, decided or not
    added: int      # parts a caseworker added (missed by the service)

    @property
    def accuracy(self) -> float | None:
        return self.kept / self.decided if self.decided else None


@dataclass(frozen=True)
class TriageRow:
    """Where triage cases went: one office (or unresolved), or the total with the triage rate."""

    group: str
    label: str
    cases: int       # triage cases resolved to this office (total: all cases)
    of: int          # triage cases (total: all cases)

    @property
    def share(self) -> float | None:
        return self.cases / self.of if self.of else None


@dataclass(frozen=True)
class RoutingReport:
    by_task_type: list[AccuracyRow]
    by_week: list[AccuracyRow]
    total: AccuracyRow
    triage: list[TriageRow]     # the first row is the total: triage cases / cases

    @property
    def triage_rate(self) -> float | None:
        return self.triage[0].share


# -- from the database ------------------------------------------------------------------
def _chains(corrections: Iterable[Correction]) -> dict[tuple[int, str], list[Correction]]:
    """Per (case, task type it has now): the corrections that led there, oldest first."""
    chains: dict[tuple[int, str], list[Correction]] = {}
    for c in corrections:
        chain = chains.pop((c.case_id, c.from_task_type), [])
        chains[(c.case_id, c.to_task_type)] = [*chain, c]
    return chains


def part_routing(case: Case, part: CasePart, chain: Sequence[Correction], routed_detail: str | None,
                 added: bool, triage_office: str) -> PartRouting:
    """What became of one part (pure)."""
    first = chain[0] if chain else None
    task_type, office = (first.from_task_type, first.from_office) if first else (part.task_type, part.office)
    match = _ROUTED.match(routed_detail or "")
    if match:
        triage = bool(match.group("triage"))
    else:
        triage = part.needs_triage or (first is not None and first.from_office == triage_office)
    resolved = None
    if triage:
        resolved = first.to_office if first else (part.office if part.decided_at is not None else None)
    return PartRouting(case_id=int(case.id or 0), week=iso_week(local_date(as_utc(case.received_at))),
                       task_type=task_type, office=office, triage=triage, rerouted=bool(chain),
                       decided=part.decided_at is not None, added=added, resolved_office=resolved)


def load_parts(engine: Engine, start: date | None, end: date | None, triage_office: str) -> list[PartRouting]:
    """The parts of the cases received (Copenhagen date) from ``start`` to ``end``, both included."""
    stmt = (select(Case, CasePart).where(CasePart.case_id == Case.id)
            .order_by(col(Case.id), col(CasePart.position)))
    if start is not None:
        stmt = stmt.where(col(Case.received_at) >= datetime.combine(start, time(0), LOCAL_TZ))
    if end is not None:
        stmt = stmt.where(col(Case.received_at) < datetime.combine(end + timedelta(days=1), time(0), LOCAL_TZ))
    with Session(engine) as session:
        rows = list(session.exec(stmt))
        ids = sorted({int(case.id or 0) for case, _ in rows})
        corrections = session.exec(select(Correction).where(col(Correction.case_id).in_(ids))
                                   .order_by(col(Correction.at), col(Correction.id)))
        chains = _chains(corrections)
        events = list(session.exec(select(CaseEvent).where(col(CaseEvent.case_id).in_(ids))
                                   .where(col(CaseEvent.action).in_(("routed", "part_added")))))
        routed = {e.part_id: e.detail for e in events if e.action == "routed"}
        added = {e.part_id for e in events if e.action == "part_added"}
        return [part_routing(case, part, chains.get((int(case.id or 0), part.task_type), []), routed.get(part.id),
                             part.id in added, triage_office) for case, part in rows]


# -- summarising (pure) ------------------------------------------------------------------
def accuracy_row(section: str, group: str, label: str, parts: Sequence[PartRouting]) -> AccuracyRow:
    routed = [p for p in parts if not p.triage and not p.added]
    decided = [p for p in routed if p.decided]
    return AccuracyRow(section, group, label, len(routed), len(decided), sum(not p.rerouted for p in decided),
                       sum(p.rerouted for p in routed), sum(p.added for p in parts))


def triage_rows(parts: Sequence[PartRouting], catalogue: Catalogue) -> list[TriageRow]:
    """The total (triage cases / cases), then each office triage cases were resolved to, then unresolved."""
    cases = {p.case_id for p in parts}
    triage = {p.case_id: p for p in parts if p.triage}
    resolved: dict[str, int] = {}
    for p in triage.values():
        key = p.resolved_office or UNRESOLVED
        resolved[key] = resolved.get(key, 0) + 1
    rows = [TriageRow(TOTAL, "triage / all cases", len(triage), len(cases))]
    for office in sorted(k for k in resolved if k != UNRESOLVED):
        known = catalogue.offices.get(office)
        rows.append(TriageRow(office, known.name_da if known else office, resolved[office], len(triage)))
    if UNRESOLVED in resolved:
        rows.append(TriageRow(UNRESOLVED, "not resolved yet", resolved[UNRESOLVED], len(triage)))
    return rows


def summarise(parts: Sequence[PartRouting], catalogue: Catalogue) -> RoutingReport:
    """The report over ``parts`` (pure)."""
    by_task: dict[str, list[PartRouting]] = {}
    by_week: dict[str, list[PartRouting]] = {}
    for p in parts:
        by_task.setdefault(p.task_type, []).append(p)
        by_week.setdefault(p.week, []).append(p)

    def task_label(task_id: str) -> str:
        task = catalogue.tasks.get(task_id)
        return task.name_da if task else task_id

    return RoutingReport(
        by_task_type=[accuracy_row("task-type", t, task_label(t), by_task[t]) for t in sorted(by_task)],
        by_week=[accuracy_row("week", w, w, by_week[w]) for w in sorted(by_week)],
        total=accuracy_row("total", TOTAL, "I alt / total", parts),
        triage=triage_rows(parts, catalogue))


def routing_report(engine: Engine, catalogue: Catalogue, *, start: date | None = None,
                   end: date | None = None) -> RoutingReport:
    """Routing accuracy, triage rate and where triage cases went, for the cases received in the period."""
    check_period(start, end)
    report = summarise(load_parts(engine, start, end, catalogue.triage_office), catalogue)
    log.info("routing report", extra={"parts": report.total.parts, "decided": report.total.decided})
    return report
