"""Routing: the task catalogue, offices, working calendars and service goals."""

from routing.calendar import WorkingCalendar
from routing.catalogue import (
    Catalogue,
    ExternalTopic,
    GoalVariant,
    Office,
    ServiceGoal,
    TaskType,
    Unit,
    load_catalogue,
)
from routing.errors import CatalogueError, RoutingError, UnknownTaskError
from routing.goals import (
    describe_date,
    describe_goal,
    describe_week,
    due_date,
    iso_week,
)

__all__ = [
    "Catalogue",
    "CatalogueError",
    "ExternalTopic",
    "GoalVariant",
    "Office",
    "RoutingError",
    "ServiceGoal",
    "TaskType",
    "Unit",
    "UnknownTaskError",
    "WorkingCalendar",
    "describe_date",
    "describe_goal",
    "describe_week",
    "due_date",
    "iso_week",
    "load_catalogue",
]
