"""The desk on a bare FastAPI app (the real app is ``intake.web.app``): real database, real runner, real mail."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from classifier import load_active
from intake.app import build_context
from intake.cases.lifecycle import get_case
from intake.mailbox.maildir import MaildirMailbox
from intake.pipeline import Context
from intake.runner import Runner
from intake.settings import load_settings
from intake.web.app import create_app
from intake.web.context import web_context
from intake.web.desk.router import make_router
from intake.web.desk.users import add_user
from intake.web.operator.router import make_router as make_operator_router
from models import CasePart
from models.db import open_database
from tests.paths import SAMPLES

SECRET = "test secret of the desk, 32 characters or more"
PASSWORD = "correct horse battery"


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("models")
    load_active(path)
    return path


@dataclass
class Desk:
    ctx: Context
    engine: Engine
    runner: Runner
    box: MaildirMailbox
    app: FastAPI

    def user(self, email: str, office: str, role: str = "caseworker") -> TestClient:
        """A signed-in browser of a new user."""
        with Session(self.engine) as session:
            add_user(session, email, office, role, PASSWORD, set(self.ctx.catalogue.offices))
            session.commit()
        client = TestClient(self.app, follow_redirects=False)
        r = sign_in(client, email, PASSWORD)
        assert r.status_code == 303, r.text
        return client

    def deliver(self, raw: bytes) -> str:
        """Deliver one message through the real runner; its case's reference."""
        self.box.deliver(raw)
        (outcome,) = self.runner.process_batch()
        assert outcome.reference, outcome
        return str(outcome.reference)


def make_desk(tmp_path: Path, model_dir: Path, database_url: str = "", **extra: str) -> Desk:
    env = {"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_MODEL_DIR": str(model_dir), **extra}
    if database_url:
        env["INTAKE_DATABASE_URL"] = database_url
    settings = load_settings(env=env)
    engine = open_database(settings.database_url)
    ctx = build_context(settings)
    assert settings.maildir is not None
    box = MaildirMailbox(settings.maildir)
    # the application as `intake web` builds it: security headers, error pages, probes
    app = create_app(web_context(settings), extra_routers=(make_router(ctx, SECRET, engine=engine),
                                                           make_operator_router(ctx, SECRET, engine=engine)))
    return Desk(ctx, engine, Runner(ctx, engine, box), box, app)


@pytest.fixture
def desk(tmp_path, model_dir) -> Desk:
    return make_desk(tmp_path, model_dir)


@pytest.fixture
def smtp_desk(tmp_path, model_dir, smtp_sink) -> Desk:
    """The desk sending its mail to a real SMTP server (STARTTLS), as ``intake web`` does without a service."""
    return make_desk(tmp_path, model_dir, INTAKE_SMTP_HOST=smtp_sink.host, INTAKE_SMTP_PORT=str(smtp_sink.port),
                     INTAKE_SMTP_SECURITY="starttls", INTAKE_SMTP_CAFILE=str(smtp_sink.cafile))


def part_of(desk: Desk, ref: str) -> CasePart:
    """The first part of case ``ref``, as stored now."""
    with Session(desk.engine) as s:
        part = s.exec(select(CasePart).where(CasePart.case_id == get_case(s, ref).id)
                      .order_by(col(CasePart.position))).first()
    assert part is not None
    return part


def sign_in(client: TestClient, email: str, password: str):
    """Sign in as a browser does: the sign-in page first (its form's token and cookie), then the form."""
    token = csrf_of(client.get("/login").text)
    return client.post("/login", data={"email": email, "password": password, "csrf": token})


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    assert found, "the page has a form with a CSRF token"
    return found.group(1)


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()
