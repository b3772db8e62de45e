"""Fixtures of the web tests: an application on a fresh SQLite database, stored cases, a client."""
from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from intake.settings import Settings, load_settings
from intake.tracking import make_token
from intake.web.app import create_app
from intake.web.context import WebContext, web_context
from models import Case, CaseEvent
from tests.intake.casefactory import make_case
from tests.web.browser import CHROMIUM, require_browser

BUSINESS = "anna@cafe-solsiden.dk"


def web_settings(tmp_path, **env: str) -> Settings:
    """The embedded default in ``tmp_path``, with rate limits no test of one route reaches unless it sets them."""
    values = {"INTAKE_DATA_DIR": str(tmp_path / "data"), "INTAKE_WEB_RATE_PER_CLIENT": "10000/minute",
              "INTAKE_WEB_RATE_PER_REFERENCE": "10000/minute"}
    values.update({f"INTAKE_{k.upper()}": v for k, v in env.items()})
    return load_settings(env=values)


@pytest.fixture
def settings(tmp_path) -> Settings:
    return web_settings(tmp_path)


@pytest.fixture
def context(settings) -> Iterator[WebContext]:
    ctx = web_context(settings)
    yield ctx
    ctx.engine.dispose()


@pytest.fixture
def client(context) -> TestClient:
    return TestClient(create_app(context))


def store_case(context: WebContext, *events: tuple[str, str], **fields) -> Case:
    """A case (``tests.intake.casefactory.make_case``) with ``events`` (action, detail), committed."""
    with Session(context.engine) as session:
        case = make_case(session, **fields)
        assert case.id is not None
        for i, (action, detail) in enumerate(events):
            session.add(CaseEvent(case_id=case.id, action=action, detail=detail,
                                  at=datetime(2026, 3, 2, 9, 5 + i, tzinfo=case.received_at.tzinfo)))
        session.commit()
        session.refresh(case)
        session.expunge(case)
        return case


def link(settings: Settings, case: Case) -> str:
    return f"/track/{make_token(settings, case.reference)}"


# The browser tests' fixtures: one Chromium for the session (Playwright's sync API cannot start twice in
# one thread, so the fixture lives here, once), and the folder screenshots go to.
@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def artefacts(tmp_path_factory) -> Path:
    """Where screenshots go: ``INTAKE_TEST_ARTEFACTS`` (CI keeps it), else the session's temporary folder."""
    chosen = os.environ.get("INTAKE_TEST_ARTEFACTS")
    folder = Path(chosen) if chosen else Path(tmp_path_factory.mktemp("web-screenshots", numbered=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# The end-to-end fixtures (real Dovecot, SMTP sink, SQLite and PostgreSQL, one trained model per session).
from tests.e2e.conftest import database_url, e2e_model_dir  # noqa: E402, F401
