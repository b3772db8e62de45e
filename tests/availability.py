"""What a test needs that may be missing here, and the one policy for it.

Real servers (Dovecot, SMTP, PostgreSQL) and the third-party corpora in
``../shared/corpora`` are not always at hand: a fresh clone has no corpora beside
it, a laptop may lack Dovecot. Such a test is skipped with the reason locally, and
fails under ``CI=true``, where nothing may silently vanish from the run.

This module is a pytest plugin (``tests/conftest.py`` loads it; ``-p
tests.availability`` where conftest files are not read) and needs nothing but
pytest, so it also works in the small venv of Debian's own Python. It holds no
assertions, so pytest need not rewrite it (PYTEST_DONT_REWRITE: conftest imports
it before pytest loads it as a plugin).

    @pytest.mark.corpora("email/sisimai")   # needs ../shared/corpora/email/sisimai
    def test_...
"""
from __future__ import annotations

import os
from typing import Any

import pytest

from tests.paths import CORPORA


def in_ci() -> bool:
    """True under CI (``CI=true``), where a real-server or corpus test may never be skipped."""
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def unavailable(reason: str) -> None:
    """Skip (locally) or fail (under CI=true) a test whose real server or corpus is missing."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: real-server and corpus tests may not be skipped)", pytrace=False)
    pytest.skip(reason)


def require_corpora(*folders: str) -> None:
    """Skip or fail (see ``unavailable``) unless ``../shared/corpora`` holds every folder named."""
    missing = [CORPORA / folder for folder in folders or ("",) if not (CORPORA / folder).is_dir()]
    if missing:
        unavailable(f"third-party corpus not found: {', '.join(str(path) for path in missing)} "
                    "(../shared/corpora is not beside the repository)")


def or_placeholder(params: list[Any], width: int = 1) -> list[Any]:
    """``params``, or one placeholder when a corpus yields none.

    An empty parameter set would make the test vanish as a quiet skip even under
    CI; the placeholder lets the ``corpora`` marker report (or fail) it instead.
    """
    return params or [pytest.param(*([None] * width), id="corpus-missing")]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "corpora(*folders): needs ../shared/corpora (or these folders in it); skipped with the reason "
        "when missing, a failure under CI=true",
    )


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Check the corpora before any fixture is built (a trained model is not needed to skip)."""
    marker = item.get_closest_marker("corpora")
    if marker is not None:
        require_corpora(*marker.args)
