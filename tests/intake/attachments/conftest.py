"""Fixtures for the attachment tests: one sandbox for the session, corpus paths."""

from __future__ import annotations

import pytest

from intake.attachments import Limits, Sandbox

TEST_LIMITS = Limits(timeout_s=30.0)


@pytest.fixture(scope="session")
def sandbox():
    """Two sandboxed workers with the default limits (a shorter timeout)."""
    with Sandbox(TEST_LIMITS, workers=2) as box:
        yield box


@pytest.fixture(scope="session")
def extract(sandbox):
    """``extract(filename, data, declared_type="")`` through the shared sandbox."""
    def run(filename: str, data: bytes, declared_type: str = ""):
        return sandbox.extract(filename, declared_type, data)
    return run
