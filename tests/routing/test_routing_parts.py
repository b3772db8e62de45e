"""Which parts a new case gets (pure; the bundled catalogue)."""
from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from routing_builders import MINIMAL

from routing.calendar import WorkingCalendar
from routing.catalogue import load_catalogue, parse_catalogue
from routing.errors import CatalogueError
from routing.parts import plan_parts

RECEIVED = datetime(2026, 11, 30, 9, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))  # a Monday


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def test_one_part_per_task_type_each_with_its_office_and_goal(catalogue):
    parts = plan_parts(["udeservering", "skilte", "spildevand", "erhvervsaffald"], False, RECEIVED, catalogue,
                       WorkingCalendar())
    assert [(p.task_type, p.office) for p in parts] == [
        ("udeservering", "byliv"), ("skilte", "byggeri"), ("spildevand", "miljoe"), ("erhvervsaffald", "affald")]
    assert [p.due for p in parts] == [date(2026, 12, 14), date(2026, 12, 28), date(2026, 12, 28), date(2026, 12, 14)]
    assert [p.week for p in parts] == ["2026-W51", "2026-W53", "2026-W53", "2026-W51"]
    assert not any(p.needs_triage for p in parts)


def test_general_enquiry_among_applications_is_not_a_part(catalogue):
    assert [p.task_type for p in plan_parts(["udeservering", "generel", "skilte"], False, RECEIVED, catalogue,
                                            WorkingCalendar())] == ["udeservering", "skilte"]


def test_a_question_is_one_general_part_whatever_topics_it_touches(catalogue):
    (only,) = plan_parts(["generel", "gadesalg", "arrangement"], False, RECEIVED, catalogue, WorkingCalendar())
    assert (only.task_type, only.office, only.needs_triage) == ("generel", "erhvervsservice", False)


def test_triage_is_one_part_at_the_triage_office_with_the_general_goal(catalogue):
    (part,) = plan_parts(["byggetilladelse", "skilte"], True, RECEIVED, catalogue, WorkingCalendar())
    assert (part.task_type, part.office, part.needs_triage) == ("byggetilladelse", "erhvervsservice", True)
    assert part.goal == catalogue.task("generel").goal and part.due == date(2026, 12, 7)


def test_unknown_task_types_are_dropped_and_nothing_known_goes_to_triage(catalogue):
    (part,) = plan_parts(["no_such_task"], False, RECEIVED, catalogue, WorkingCalendar())
    assert part.needs_triage and part.office == "erhvervsservice"
    assert [p.task_type for p in plan_parts(["x", "skilte", "skilte"], False, RECEIVED, catalogue,
                                            WorkingCalendar())] == ["skilte"]


def test_catalogue_general_task_must_exist():
    import tomllib

    raw = tomllib.loads(MINIMAL)
    raw["general_task"] = "nope"
    with pytest.raises(CatalogueError, match="general_task"):
        parse_catalogue(raw)
