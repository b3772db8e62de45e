"""Fixtures for the intake tests: a trained model (once per session) and a wired service."""
from __future__ import annotations

from pathlib import Path

import pytest

from classifier import load_active


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory) -> Path:
    """A model trained once on the shipped seed corpus, shared read-only by the tests."""
    path = tmp_path_factory.mktemp("models")
    load_active(path)
    return path
