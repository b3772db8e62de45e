"""The CLI tests invoke ``intake`` in this process: the log handler its callback installs goes with each test."""
from __future__ import annotations

import logging

import pytest

from intake.logs import StderrHandler


@pytest.fixture(autouse=True)
def _forget_the_cli_log_handler():
    root = logging.getLogger()
    level = root.level
    yield
    for handler in [h for h in root.handlers if isinstance(h, StderrHandler)]:
        root.removeHandler(handler)
    root.setLevel(level)
