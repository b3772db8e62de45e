"""``intake user ...`` and ``intake audit`` through typer's CliRunner, over a real SQLite database."""
from __future__ import annotations

import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

from intake.cases.audit import record
from intake.cli.main import app
from intake.settings import load_settings
from intake.web.desk.users import authenticate
from models import Case, StaffSession, StaffUser, utcnow
from models.db import open_database

RUN = CliRunner()


@pytest.fixture
def settings(tmp_path, monkeypatch):
    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path))
    for name in ("INTAKE_CONFIG", "INTAKE_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    return load_settings()


def test_user_add_hashes_the_password_with_argon2(settings):
    r = RUN.invoke(app, ["user", "add", "Karen@KK.dk", "--office", "trafik", "--password-stdin"],
                   input="a long enough password\n")
    assert r.exit_code == 0, r.output
    with Session(open_database(settings.database_url)) as s:
        user = s.exec(select(StaffUser)).one()
        assert (user.email, user.office, user.role) == ("karen@kk.dk", "trafik", "caseworker")
        assert user.password_hash.startswith("$argon2id$") and "a long enough" not in user.password_hash
        assert authenticate(s, "karen@kk.dk", "a long enough password") is not None
        assert authenticate(s, "karen@kk.dk", "a wrong password!") is None


def test_user_add_refuses_an_unknown_office_and_a_short_password(settings):
    r = RUN.invoke(app, ["user", "add", "k@kk.dk", "--office", "nowhere", "--password-stdin"], input="x" * 12 + "\n")
    assert r.exit_code == 2 and "unknown office" in r.output
    r = RUN.invoke(app, ["user", "add", "k@kk.dk", "--office", "trafik", "--password-stdin"], input="short\n")
    assert r.exit_code == 1 and "at least" in r.output


def test_user_disable_ends_sessions_and_list_shows_it(settings):
    RUN.invoke(app, ["user", "add", "k@kk.dk", "--office", "trafik", "--role", "operator", "--password-stdin"],
               input="a long enough password\n")
    engine = open_database(settings.database_url)
    with Session(engine) as s:
        user = s.exec(select(StaffUser)).one()
        s.add(StaffSession(token_hash="h", user_id=user.id, expires_at=utcnow()))
        s.commit()
    assert RUN.invoke(app, ["user", "disable", "k@kk.dk"]).exit_code == 0
    with Session(engine) as s:
        assert s.exec(select(StaffSession)).all() == [] and s.exec(select(StaffUser.disabled)).one() is True
        assert authenticate(s, "k@kk.dk", "a long enough password") is None
    r = RUN.invoke(app, ["user", "list"])
    assert r.exit_code == 0 and "k@kk.dk" in r.output and "operator" in r.output and "yes" in r.output


def test_audit_prints_who_viewed_and_changed_the_case(settings):
    engine = open_database(settings.database_url)
    with Session(engine) as s:
        case = Case(reference="KBH-2026-000001", received_at=utcnow(), task_type="vejareal", office="trafik")
        s.add(case)
        s.flush()
        record(s, "karen@kk.dk", "view", case)
        record(s, "karen@kk.dk", "reject", case, "part vejareal")
        s.commit()
    r = RUN.invoke(app, ["audit", "KBH-2026-000001"])
    assert r.exit_code == 0 and "reject" in r.output and "part vejareal" in r.output and "2 entries" in r.output
    assert RUN.invoke(app, ["audit", "KBH-2026-000009"]).exit_code == 1
