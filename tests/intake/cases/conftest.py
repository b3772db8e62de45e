"""Fixtures of the case tests: the caseworkers' desk and the database, both in ``tmp_path``.

A module that needs another desk (a catalogue with an authority's mailbox) or another database
(SQLite and PostgreSQL in turn) defines its own ``desk`` or ``engine``; the other one still comes from here.
"""
from __future__ import annotations

import pytest

from intake.cases.lifecycle import Desk
from intake.settings import Settings
from models.db import open_database
from tests.intake.casefactory import CALENDAR, CATALOGUE


@pytest.fixture
def desk(settings: Settings) -> Desk:
    """The desk on the bundled catalogue and its working calendar, with the embedded default's settings."""
    return Desk(settings, CATALOGUE, CALENDAR)


@pytest.fixture
def engine(desk):  # untyped: Desk.settings is an object to the type checker
    """The database of the desk's settings (the embedded default's SQLite file), migrated."""
    return open_database(desk.settings.database_url)
