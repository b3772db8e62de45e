"""Fixtures of the letter tests (``settings``, the embedded default, comes from tests/intake/conftest.py)."""
from __future__ import annotations

import pytest

from tests.intake.letters.builders import CATALOGUE, OTHER_NAME, settings_with


@pytest.fixture
def renamed(tmp_path):
    """Settings whose sender name and loop id are not the defaults."""
    return settings_with(tmp_path, from_name=OTHER_NAME, loop_id="intake-loop@kk.example")


@pytest.fixture
def catalogue():
    return CATALOGUE
