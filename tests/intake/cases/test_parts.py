"""The parts of a case: picking one, their clocks, and the case's summary (plain objects and SQLite)."""
from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import Session

from intake.cases.parts import (
    PartError,
    aggregate_status,
    create_parts,
    effective_due,
    end_pause,
    parts_of,
    pause,
    pick,
    summarise,
)
from models import Case, CasePart
from models.db import open_database
from routing.calendar import WorkingCalendar
from routing.catalogue import load_catalogue
from routing.parts import plan_parts

RECEIVED = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)  # Monday 09:00 in Copenhagen
CAL = WorkingCalendar()


def part(task_type: str, status: str = "routed", **kw) -> CasePart:
    values = {"case_id": 1, "task_type": task_type, "office": "trafik", "goal_value": 10,
              "goal_unit": "working_days", "due_date": date(2026, 12, 14), "expected_week": "2026-W51",
              "status": status, **kw}
    return CasePart(**values)


def test_pick_names_a_part_or_takes_the_only_one():
    one, two = part("vejareal"), part("gravetilladelse")
    assert pick([one], None, "KBH-1") is one
    assert pick([one, two], "gravetilladelse", "KBH-1") is two
    with pytest.raises(PartError, match="several parts"):
        pick([one, two], None, "KBH-1")
    with pytest.raises(PartError, match="no part 'skilte'"):
        pick([one, two], "skilte", "KBH-1")


def test_pick_without_a_name_takes_the_only_part_an_action_can_act_on():
    done, open_ = part("vejareal", "decided"), part("gravetilladelse", "in_progress")
    assert pick([done, open_], None, "KBH-1", allowed=("in_progress",)) is open_


def test_pick_without_a_name_never_takes_another_offices_part():
    """A caseworker of trafik whose parts are decided named none: the only open part, byggeri's, was decided."""
    mine, theirs = part("vejareal", "decided"), part("skilte", "routed", office="byggeri")
    assert pick([mine, theirs], None, "KBH-1", allowed=("routed",), offices={"trafik"}) is mine
    assert pick([mine, theirs], None, "KBH-1", allowed=("routed",), offices=None) is theirs, "an operator: every office"


def test_pick_without_a_name_refuses_when_the_actors_office_has_several_parts():
    one, two, theirs = part("vejareal", "decided"), part("gravetilladelse"), part("skilte", office="byggeri")
    with pytest.raises(PartError, match=r"several parts in your office \(vejareal, gravetilladelse\)"):
        pick([one, two, theirs], None, "KBH-1", allowed=("routed",), offices={"trafik"})
    with pytest.raises(PartError, match="no part in your office"):
        pick([theirs], None, "KBH-1", offices={"trafik"})


def test_pick_refuses_a_named_part_of_another_office():
    mine, theirs = part("vejareal"), part("skilte", office="byggeri")
    with pytest.raises(PartError, match="another office's"):
        pick([mine, theirs], "skilte", "KBH-1", offices={"trafik"})
    assert pick([mine, theirs], "vejareal", "KBH-1", offices={"trafik"}) is mine


def test_case_status_is_the_least_advanced_part_and_waiting_first():
    assert aggregate_status([part("a", "decided"), part("b", "in_progress")]) == "in_progress"
    assert aggregate_status([part("a", "waiting"), part("b", "routed")]) == "waiting"
    assert aggregate_status([part("a", "decided"), part("b", "closed")]) == "decided"
    assert aggregate_status([part("a", "closed"), part("b", "closed")]) == "closed"


def test_summary_follows_the_parts():
    case = Case(reference="KBH-1", received_at=RECEIVED, task_type="x", office="x")
    parts = [part("udeservering", "decided", office="byliv", decision="approved", decided_at=RECEIVED, position=0),
             part("skilte", "in_progress", office="byggeri", position=1)]
    summarise(case, parts)
    assert (case.task_type, case.office, json.loads(case.offices)) == ("udeservering", "byliv", ["byliv", "byggeri"])
    assert case.status == "in_progress" and case.decision is None
    parts[1].status, parts[1].decision, parts[1].decided_at = "decided", "rejected", RECEIVED + timedelta(days=3)
    summarise(case, parts)
    assert (case.status, case.decision, case.decided_at) == ("decided", "mixed", RECEIVED + timedelta(days=3))


def test_a_pause_moves_only_its_own_part():
    waiting, running = part("vejareal"), part("gravetilladelse")
    pause(waiting, RECEIVED + timedelta(days=1))  # Tuesday
    old, new = end_pause(waiting, RECEIVED, CAL, RECEIVED + timedelta(days=3))  # answered Thursday
    assert (old, new) == (date(2026, 12, 14), date(2026, 12, 16)) and waiting.paused_since is None
    assert running.due_date == date(2026, 12, 14) and waiting.expected_week == "2026-W51"


def test_effective_due_counts_a_running_pause():
    waiting = part("vejareal")
    pause(waiting, RECEIVED)
    assert effective_due(waiting, RECEIVED, CAL, RECEIVED + timedelta(days=7)) == date(2026, 12, 21)
    assert waiting.status == "waiting"


def test_parts_are_stored_in_order(tmp_path):
    engine = open_database(f"sqlite:///{tmp_path / 'db.sqlite'}")
    catalogue = load_catalogue()
    with Session(engine) as session:
        case = Case(reference="KBH-2026-000001", received_at=RECEIVED, task_type="", office="")
        session.add(case)
        session.flush()
        create_parts(session, case, plan_parts(["skilte", "udeservering"], False, RECEIVED, catalogue, CAL))
        session.commit()
        assert [(p.position, p.task_type, p.office) for p in parts_of(session, case)] == [
            (0, "skilte", "byggeri"), (1, "udeservering", "byliv")]
        assert (case.task_type, case.office, case.status) == ("skilte", "byggeri", "routed")
