"""What every case action stands on, and nothing heavier: the desk (settings, catalogue, calendar) and the errors.

Kept apart from ``intake.cases.lifecycle`` (which imports the letters, the checklists and the mail parser)
so that reading the queue (``intake case list``) starts in well under a second.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from intake.errors import RequestRefused
from intake.settings import Settings
from routing.calendar import WorkingCalendar
from routing.catalogue import Catalogue, load_catalogue


class CaseError(RequestRefused):
    """Base class of the errors raised by case actions: what a caseworker asked cannot be done."""


class InvalidTransition(CaseError):
    """Raised when an action is not allowed in the state of the case or its part."""


class MissingText(CaseError):
    """Raised when a required text is empty: the question, a rejection's reasons or its path forward."""


class UnknownChoice(CaseError):
    """Raised for an unknown task type, external topic, path-forward number or status."""


@dataclass(frozen=True)
class Desk:
    """What case actions need: settings (sender, reference prefix), the catalogue and the working calendar.

    Built by ``build_desk`` (or from a pipeline context), never from a catalogue loaded elsewhere,
    so that caseworkers and the service count the same working days.
    """

    settings: object
    catalogue: Catalogue
    calendar: WorkingCalendar


def catalogue_and_calendar(settings: Settings, *, check_patterns: bool = True) -> tuple[Catalogue, WorkingCalendar]:
    """The task catalogue of ``settings`` and the working calendar with its closure days.

    Loaded (and validated) once per settings, so that the service, the dry run,
    the caseworker commands, the reports and training all route with the same
    catalogue and count the same working days. ``check_patterns=False``: see ``load_catalogue``.
    """
    return _loaded(settings, check_patterns)  # one cache key however the flag is passed


@lru_cache(maxsize=16)
def _loaded(settings: Settings, check_patterns: bool) -> tuple[Catalogue, WorkingCalendar]:
    catalogue = load_catalogue(settings.catalogue_path, check_patterns=check_patterns)
    return catalogue, WorkingCalendar(catalogue.extra_closure_days)


def build_desk(settings: Settings, *, check_patterns: bool = True) -> Desk:
    """What the caseworker commands act with: the same catalogue and calendar as the service.

    ``check_patterns=False`` is for commands that only read cases (see ``load_catalogue``).
    """
    catalogue, calendar = catalogue_and_calendar(settings, check_patterns=check_patterns)
    return Desk(settings, catalogue, calendar)
