"""Fixtures of the details tests."""
from __future__ import annotations

import pytest

from routing.catalogue import Catalogue, load_catalogue


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    """The shipped catalogue, loaded once."""
    return load_catalogue()
