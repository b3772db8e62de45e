"""``intake serve`` outlives a full disk: ENOSPC in the outbox Maildir or the database backs off, never exits."""
from __future__ import annotations

import errno
import threading
import time

from sqlalchemy.exc import OperationalError
from sqlmodel import Session, select

from intake.app import catalogue_and_calendar, open_engine, open_mailbox
from intake.letters.sender import MaildirSender
from intake.pipeline import Context
from intake.runner import Runner
from intake.service import Service
from intake.settings import load_settings
from models import OutboxMail


class NoModel:
    def get(self) -> None:
        return None


class FullDisk:
    """Wraps a Maildir's ``add``: raises ENOSPC the first ``n`` times."""

    def __init__(self, add, n: int) -> None:
        self.add_, self.left = add, n

    def __call__(self, raw):
        if self.left:
            self.left -= 1
            raise OSError(errno.ENOSPC, "No space left on device")
        return self.add_(raw)


def _service(tmp_path):
    settings = load_settings(env={"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_POLL_INTERVAL": "0.1",
                                  "INTAKE_OUTBOX_RETRY_BASE": "0.05", "INTAKE_OUTBOX_FLUSH_INTERVAL": "1"})
    catalogue, calendar = catalogue_and_calendar(settings)
    engine = open_engine(settings)
    with Session(engine) as s:
        s.add(OutboxMail(purpose="acknowledgement", recipient="a@firma.dk", message_id="<m@x>",
                         raw=b"Subject: s\r\n\r\nbody\r\n"))
        s.commit()
    sender = MaildirSender(settings.outbox_maildir)
    return Service(Context(settings, catalogue, calendar, NoModel()), engine, open_mailbox(settings), sender)


def _serve_until(service: Service, done, timeout: float = 60) -> None:
    def watch() -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not done():
            time.sleep(0.1)
        service.stopping = True
    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    service.serve()
    watcher.join()


def _sent(service: Service) -> bool:
    with Session(service.engine) as s:
        return s.exec(select(OutboxMail.status)).one() == "sent"


def test_a_full_outbox_maildir_is_waited_out(tmp_path, monkeypatch):
    service = _service(tmp_path)
    assert isinstance(service.sender, MaildirSender)
    full = FullDisk(service.sender._box.add, 3)
    monkeypatch.setattr(service.sender._box, "add", full)
    _serve_until(service, lambda: _sent(service))
    assert full.left == 0 and _sent(service)
    assert len(list((service.ctx.settings.outbox_maildir / "new").iterdir())) == 1


def test_a_full_database_disk_or_mailbox_disk_is_waited_out(tmp_path, monkeypatch):
    service = _service(tmp_path)
    failures = [OSError(errno.ENOSPC, "No space left on device"),
                OperationalError("INSERT", {}, Exception("database or disk is full"))]
    calls = []

    def batch(self, limit=None):
        calls.append(limit)
        if failures:
            raise failures.pop(0)
        return []
    monkeypatch.setattr(Runner, "process_batch", batch)
    monkeypatch.setattr(service, "_sleep", lambda seconds: None)
    _serve_until(service, lambda: _sent(service))
    assert failures == [] and len(calls) >= 3 and _sent(service)
