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


# -- goal variants: the longer goal when the application shows the special case -------------------------------
@pytest.mark.parametrize("litres, goal", [(6000, (4, "weeks")), (6000.0, (4, "weeks")), (5999, (2, "weeks")),
                                          (None, (2, "weeks"))])
def test_a_tank_of_6000_litres_or_more_has_the_longer_goal(catalogue, litres, goal):
    (part,) = plan_parts(["olietank"], False, RECEIVED, catalogue, WorkingCalendar(), litres=litres,
                         text="dieseltank i gården")
    assert (part.goal.value, part.goal.unit) == goal
    assert (part.variant is not None) == (goal == (4, "weeks"))
    assert part.due == (date(2026, 12, 28) if goal == (4, "weeks") else date(2026, 12, 14))


@pytest.mark.parametrize("text, car_wash", [
    ("afledning af spildevand fra en ny vaskehal med to portvaskeanlæg", True),
    ("vi åbner et bilvaskeri på Amagerbrogade", True),
    ("wastewater from our new Car Wash", True),
    ("spildevand fra restaurantens køkken; fedtudskiller", False),
    ("vi vasker bilerne i hånden", False),
])
def test_a_car_wash_has_the_longer_wastewater_goal(catalogue, text, car_wash):
    parts = plan_parts(["udeservering", "spildevand"], False, RECEIVED, catalogue, WorkingCalendar(), text=text)
    assert [(p.task_type, p.goal.value) for p in parts] == [("udeservering", 2),
                                                            ("spildevand", 12 if car_wash else 4)]
    assert parts[0].variant is None   # the other part keeps its own goal


def test_a_variant_word_starts_a_word(catalogue):
    """"ie-virksomhed" (an IED business: 200 days) is no part of "familie-virksomhed"."""
    (ied,) = plan_parts(["miljoegodkendelse"], False, RECEIVED, catalogue, WorkingCalendar(),
                        text="Vi er en IE-virksomhed med forbrændingsanlæg")
    (family,) = plan_parts(["miljoegodkendelse"], False, RECEIVED, catalogue, WorkingCalendar(),
                           text="Vi er en lille familie-virksomhed med et lakeringsværksted")
    assert (ied.goal.value, ied.goal.unit) == (200, "calendar_days")
    assert family.variant is None and family.goal == catalogue.task("miljoegodkendelse").goal


def test_triage_keeps_the_general_goal_whatever_the_text(catalogue):
    (part,) = plan_parts(["spildevand"], True, RECEIVED, catalogue, WorkingCalendar(), text="bilvask")
    assert part.needs_triage and part.goal == catalogue.task("generel").goal and part.variant is None
