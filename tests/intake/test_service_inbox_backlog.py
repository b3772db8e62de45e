"""The inbox backlog as ``intake serve`` last saw it: written when it changes and with each wait, for ``/metrics``."""
from __future__ import annotations

from sqlmodel import Session

from intake.app import build_context, open_engine, open_mailbox
from intake.letters.sender import MaildirSender
from intake.mailbox.maildir import MaildirMailbox
from intake.service import INBOX_BEAT, Service
from intake.settings import load_settings
from models import ServiceBeat, utcnow


def auto_reply(n: int) -> bytes:
    return (f"From: kontakt@firma{n}.dk\r\nTo: erhvervsservice@kk.example\r\nSubject: Autosvar\r\n"
            f"Auto-Submitted: auto-replied\r\nMessage-ID: <auto{n}@firma.dk>\r\n\r\nJeg er på ferie.\r\n").encode()


def test_each_listing_records_how_many_messages_wait(tmp_path, model_dir):
    """A backlog was invisible to /metrics: the service records the count of every listing, the last one wins."""
    settings = load_settings(env={"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_MODEL_DIR": str(model_dir),
                                  "INTAKE_BATCH_SIZE": "2"})
    service = Service(build_context(settings), open_engine(settings), open_mailbox(settings),
                      MaildirSender(settings.outbox_maildir))
    assert isinstance(service.mailbox, MaildirMailbox)
    for n in range(5):
        service.mailbox.deliver(auto_reply(n))
    seen: list[str] = []
    record = service._beat

    def beat(kind: str, detail: str) -> None:
        if kind == INBOX_BEAT:
            seen.append(detail)
        record(kind, detail)
    service._beat = beat
    assert len(service.process_once()) == 5
    assert seen == ["5", "3", "1", "0"]
    with Session(service.engine) as s:
        beat = s.get(ServiceBeat, INBOX_BEAT)
        assert beat is not None and beat.detail == "0"


def test_the_maildir_counts_every_waiting_message_not_only_those_fetched(tmp_path):
    box = MaildirMailbox(tmp_path / "mb")
    assert box.waiting is None
    for n in range(3):
        box.deliver(auto_reply(n))
    assert len(list(box.fetch_pending(limit=1))) == 1 and box.waiting == 3


def idle_service(tmp_path, model_dir) -> Service:
    settings = load_settings(env={"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_MODEL_DIR": str(model_dir)})
    assert settings.outbox_maildir is not None
    return Service(build_context(settings), open_engine(settings), open_mailbox(settings),
                   MaildirSender(settings.outbox_maildir))


def inbox_beat(service: Service) -> ServiceBeat:
    with Session(service.engine) as s:
        beat = s.get(ServiceBeat, INBOX_BEAT)
        assert beat is not None
        return beat


def test_an_unchanged_backlog_is_not_written_again(tmp_path, model_dir):
    """An idle service wrote the same count to the database after every poll; now only a change is written."""
    service = idle_service(tmp_path, model_dir)
    service.process_once()
    first = inbox_beat(service)
    service.process_once()
    service.process_once()
    again = inbox_beat(service)
    assert (again.detail, again.at) == ("0", first.at)


def test_the_wait_beat_writes_the_backlog_over_another_workers_count(tmp_path, model_dir):
    """A count another worker (or a failed write) left is replaced at the next wait, not only at the next change."""
    service = idle_service(tmp_path, model_dir)
    service.process_once()
    with Session(service.engine) as s:
        s.merge(ServiceBeat(kind=INBOX_BEAT, at=utcnow(), detail="42"))
        s.commit()
    service._wait(0.01)
    assert inbox_beat(service).detail == "0"
