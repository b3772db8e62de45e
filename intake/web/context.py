"""What every page works with: the ``WebContext`` and the FastAPI dependencies that hand it out.

A router takes ``Depends(get_context)`` (settings, engine, catalogue, calendar,
desk) and ``Depends(get_session)`` (one database session per request; nothing
is committed unless the route commits).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from fastapi import Request
from sqlalchemy.engine import Engine
from sqlmodel import Session

from intake.app import catalogue_and_calendar, open_engine
from intake.cases.desk import desk_models
from intake.cases.lifecycle import Desk
from intake.settings import Settings
from routing.calendar import WorkingCalendar
from routing.catalogue import Catalogue


@dataclass(frozen=True)
class WebContext:
    """What the pages work with: the same settings, database, catalogue and calendar as the service."""

    settings: Settings
    engine: Engine
    catalogue: Catalogue
    calendar: WorkingCalendar

    @property
    def desk(self) -> Desk:
        """What the caseworkers' actions take (``intake.cases.lifecycle``)."""
        return Desk(self.settings, self.catalogue, self.calendar, desk_models(self.settings))


def web_context(settings: Settings) -> WebContext:
    """The context of ``settings``: the database is opened (and migrated) once, here."""
    catalogue, calendar = catalogue_and_calendar(settings)
    return WebContext(settings, open_engine(settings), catalogue, calendar)


def get_context(request: Request) -> WebContext:
    """The ``WebContext`` of the application serving ``request`` (a FastAPI dependency)."""
    context: WebContext = request.app.state.context
    return context


def get_session(request: Request) -> Iterator[Session]:
    """A database session for one request (a FastAPI dependency); nothing is committed unless the route does."""
    with Session(get_context(request).engine) as session:
        yield session
