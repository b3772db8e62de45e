"""The wiring: one catalogue and calendar; one way to send from the commands."""
from __future__ import annotations

import socket
from datetime import date

from sqlmodel import Session, select

from intake.app import build_context, build_desk, catalogue_and_calendar, open_engine, send_now
from intake.settings import Settings, load_settings
from models import OutboxMail
from routing.catalogue import BUNDLED_CATALOGUE


def settings_of(tmp_path, **env: str) -> Settings:
    return load_settings(env={"INTAKE_DATA_DIR": str(tmp_path), **{f"INTAKE_{k.upper()}": v for k, v in env.items()}})


# -- one catalogue and calendar ----------------------------------------------------------
def test_catalogue_and_calendar_are_loaded_once_per_settings(tmp_path):
    settings = settings_of(tmp_path)
    catalogue, calendar = catalogue_and_calendar(settings)
    ctx, desk = build_context(settings), build_desk(settings)
    assert ctx.catalogue is catalogue and ctx.calendar is calendar
    assert desk.catalogue is catalogue and desk.calendar is calendar
    assert catalogue_and_calendar(load_settings(env={"INTAKE_DATA_DIR": str(tmp_path)}))[0] is catalogue


def test_the_calendar_has_the_closure_days_of_the_configured_catalogue(tmp_path):
    path = tmp_path / "catalogue.toml"
    path.write_text(BUNDLED_CATALOGUE.read_text(encoding="utf-8").replace(
        "extra_closure_days = []", 'extra_closure_days = ["2026-12-28"]', 1), encoding="utf-8")
    settings = settings_of(tmp_path, catalogue_path=str(path))
    assert not build_desk(settings).calendar.is_working_day(date(2026, 12, 28))
    assert not build_context(settings).calendar.is_working_day(date(2026, 12, 28))
    assert build_context(settings_of(tmp_path)).calendar.is_working_day(date(2026, 12, 28))


# -- sending from the commands -----------------------------------------------------------
def queue_one(engine) -> None:
    with Session(engine) as session:
        session.add(OutboxMail(purpose="case_approved", recipient="r@example.org", message_id="<m1@x>",
                               raw=b"Subject: s\r\n\r\nbody\r\n"))
        session.commit()


def test_send_now_sends_what_is_due_with_the_settings(tmp_path):
    settings = settings_of(tmp_path)
    engine = open_engine(settings)
    queue_one(engine)
    assert send_now(engine, settings) == 1
    assert len(list((settings.outbox_maildir / "new").iterdir())) == 1


def test_send_now_leaves_the_mail_for_the_service_when_the_server_is_down(tmp_path):
    with socket.socket() as probe:          # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = settings_of(tmp_path, smtp_host="127.0.0.1", smtp_port=str(port), smtp_security="none",
                           smtp_timeout="2")
    engine = open_engine(settings)
    queue_one(engine)
    assert send_now(engine, settings) == 0
    with Session(engine) as session:
        (mail,) = session.exec(select(OutboxMail)).all()
    assert (mail.status, mail.attempts) == ("pending", 1)
