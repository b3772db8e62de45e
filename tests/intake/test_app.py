"""The wiring: one way to send from the commands."""
from __future__ import annotations

import socket

from sqlmodel import Session, select

from intake.app import open_engine, send_now
from intake.settings import Settings, load_settings
from models import OutboxMail


def settings_of(tmp_path, **env: str) -> Settings:
    return load_settings(env={"INTAKE_DATA_DIR": str(tmp_path), **{f"INTAKE_{k.upper()}": v for k, v in env.items()}})


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
