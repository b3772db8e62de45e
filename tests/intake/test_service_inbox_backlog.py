"""The inbox backlog as ``intake serve`` last saw it: recorded after each listing, read by ``/metrics``."""
from __future__ import annotations

from sqlmodel import Session

from intake.app import build_context, open_engine, open_mailbox
from intake.letters.sender import MaildirSender
from intake.mailbox.maildir import MaildirMailbox
from intake.service import INBOX_BEAT, Service
from intake.settings import load_settings
from models import ServiceBeat


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
