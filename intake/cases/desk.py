"""What every case action stands on, and nothing heavier: the desk (settings, catalogue, calendar) and the errors.

Kept apart from ``intake.cases.lifecycle`` (which imports the letters, the checklists and the mail parser)
so that reading the queue (``intake case list``) starts in well under a second.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from intake.errors import RequestRefused, UsageError
from intake.settings import Settings
from routing.calendar import WorkingCalendar
from routing.catalogue import Catalogue, load_catalogue

# the longest text a caseworker writes to a business in one action (a letter, not a document: those are attached)
MAX_TEXT = 20_000

if TYPE_CHECKING:  # the classifier is imported only where a case of several parts needs the model
    from classifier.prediction import SentenceScorer

log = logging.getLogger(__name__)


class CaseError(RequestRefused):
    """Base class of the errors raised by case actions: what a caseworker asked cannot be done."""


class InvalidTransition(CaseError):
    """Raised when an action is not allowed in the state of the case or its part."""


class MissingText(CaseError):
    """Raised when a required text is empty: the question, a rejection's reasons or its path forward."""


class UnknownChoice(CaseError, UsageError):
    """Raised for an unknown task type, external topic, path-forward number or status."""


class ModelSource(Protocol):
    """Hands out the model in use (``classifier.holder.ModelHolder``)."""

    def get(self) -> Any: ...


@dataclass(frozen=True)
class Desk:
    """What case actions need: settings (sender, reference prefix), the catalogue and the working calendar.

    Built by ``build_desk`` (or from a pipeline context), never from a catalogue loaded elsewhere,
    so that caseworkers and the service count the same working days.
    """

    settings: object
    catalogue: Catalogue
    calendar: WorkingCalendar
    # The service's model, so that a part rerouted or added to an application of several reads its own sentences
    # (``intake.cases.checklists.refresh``); None: it reads the whole application.
    models: ModelSource | None = None

    def sentence_scorer(self) -> SentenceScorer | None:
        """The model's scorer of sentences, or None where no model is at hand (the whole application is read then:
        no model is no reason to refuse a caseworker's action)."""
        if self.models is None:
            return None
        from classifier.errors import ClassifierError

        try:
            model = self.models.get()
        except (ClassifierError, OSError) as err:
            log.warning("a part is checked against the whole application: no model tells the parts apart (%s)",
                        type(err).__name__)
            return None
        scorer: SentenceScorer | None = getattr(model, "probabilities", None)
        return scorer


class StoredModel:
    """The service's active model for the desk, loaded at first use and never trained here (the commands and pages
    of the desk must not train a model where the service has made none yet)."""

    def __init__(self, model_dir: Path):
        self.model_dir = Path(model_dir)
        self._holder: Any = None

    def get(self) -> Any:
        if self._holder is None:
            from classifier.holder import ModelHolder

            self._holder = ModelHolder(self.model_dir, bootstrap=False)
        return self._holder.get()


@lru_cache(maxsize=16)
def stored_model(model_dir: Path) -> StoredModel:
    """One ``StoredModel`` per folder and process, so that the model is loaded once however many desks are built."""
    return StoredModel(model_dir)


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
    return Desk(settings, catalogue, calendar, desk_models(settings))


def desk_models(settings: Settings) -> StoredModel | None:
    """The model a desk of ``settings`` rechecks parts with (None without a model folder)."""
    return stored_model(Path(settings.model_dir)) if settings.model_dir is not None else None
