from datetime import timedelta

import pytest
from sqlmodel import Session, select

from intake.errors import SendError
from intake.letters.outbox import backoff, flush_outbox
from intake.letters.sender import PermanentSendError
from models import OutboxMail, utcnow
from models.db import open_database


class RecordingSender:
    def __init__(self, fail_with=None):
        self.sent, self.fail_with, self.closed = [], fail_with, 0

    def send(self, raw, sender, recipients):
        if self.fail_with:
            raise self.fail_with
        self.sent.append((raw, sender, list(recipients)))

    def close(self):
        self.closed += 1


@pytest.fixture
def engine(tmp_path):
    return open_database(f"sqlite:///{tmp_path / 'db.sqlite'}")


def queue(engine, n=2):
    with Session(engine) as s:
        for i in range(n):
            s.add(OutboxMail(purpose="acknowledgement", recipient=f"r{i}@example.org",
                             message_id=f"<m{i}@x>", raw=f"Subject: {i}\r\n\r\nbody\r\n".encode()))
        s.commit()


def rows(engine):
    with Session(engine) as s:
        return s.exec(select(OutboxMail).order_by(OutboxMail.id)).all()


def test_due_mail_is_sent_once_and_marked_sent(engine):
    queue(engine)
    sender = RecordingSender()
    assert flush_outbox(engine, sender, envelope_from="desk@kk.example").sent == 2
    assert flush_outbox(engine, sender, envelope_from="desk@kk.example").sent == 0
    assert [r[2] for r in sender.sent] == [["r0@example.org"], ["r1@example.org"]]
    assert all(r.status == "sent" and r.sent_at is not None for r in rows(engine))


def test_server_down_means_retry_later_with_backoff(engine):
    queue(engine)
    result = flush_outbox(engine, RecordingSender(SendError("down")), envelope_from="d@kk.example", retry_base=30)
    first, second = rows(engine)
    assert result.retried == 1 and first.status == "pending" and first.attempts == 1
    assert first.next_attempt_at > utcnow() + timedelta(seconds=20)
    assert second.attempts == 0, "after a connection failure the rest waits for the next flush"


def test_mail_not_yet_due_is_not_sent(engine):
    queue(engine, 1)
    flush_outbox(engine, RecordingSender(SendError("down")), envelope_from="d@kk.example", retry_base=60)
    sender = RecordingSender()
    assert flush_outbox(engine, sender, envelope_from="d@kk.example").sent == 0
    later = utcnow() + timedelta(minutes=5)
    assert flush_outbox(engine, sender, envelope_from="d@kk.example", now=later).sent == 1


def test_permanent_refusal_fails_the_mail_and_goes_on(engine):
    queue(engine)
    result = flush_outbox(engine, RecordingSender(PermanentSendError("550")), envelope_from="d@kk.example")
    assert result.failed == 2 and all(r.status == "failed" for r in rows(engine))


def test_gives_up_after_max_attempts(engine):
    queue(engine, 1)
    for _ in range(3):
        flush_outbox(engine, RecordingSender(SendError("down")), envelope_from="d@kk.example",
                     max_attempts=3, now=utcnow() + timedelta(days=1))
    (row,) = rows(engine)
    assert row.status == "failed" and row.attempts == 3


def test_backoff_doubles_and_is_capped():
    assert [backoff(n, 30).total_seconds() for n in (1, 2, 3)] == [30, 60, 120]
    assert backoff(40, 30) == timedelta(hours=1)


def test_send_due_sends_from_the_settings_address_with_their_retry_policy(engine):
    from intake.letters.outbox import send_due
    from intake.settings import Settings

    settings = Settings(from_address="desk@aarhus.example", outbox_retry_base=600)
    queue(engine, 2)
    assert send_due(engine, RecordingSender(SendError("down")), settings).retried == 1
    assert rows(engine)[0].next_attempt_at > utcnow() + timedelta(seconds=500)
    sender = RecordingSender()
    assert send_due(engine, sender, settings).sent == 1     # the second; the first waits its backoff
    assert [(r[1], r[2]) for r in sender.sent] == [("desk@aarhus.example", ["r1@example.org"])]
