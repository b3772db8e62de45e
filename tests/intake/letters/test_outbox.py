from datetime import timedelta

import pytest
from sqlmodel import Session, select

from intake.errors import SendError
from intake.letters.outbox import backoff, flush_outbox
from intake.letters.relay import RelayState
from intake.letters.sender import PermanentSendError, RecipientDeferred, RelayRefused
from models import OutboxMail, utcnow
from models.db import open_database


class RecordingSender:
    def __init__(self, fail_with=None, limit=None):
        self.sent, self.fail_with, self.closed, self.limit = [], fail_with, 0, limit

    def send(self, raw, sender, recipients):
        failure = self.fail_with(recipients[0]) if callable(self.fail_with) else self.fail_with
        if failure:
            raise failure
        self.sent.append((raw, sender, list(recipients)))

    def size_limit(self):
        return self.limit

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


def test_server_down_keeps_the_queue_and_backs_off(engine):
    queue(engine)
    relay = RelayState()
    result = flush_outbox(engine, RecordingSender(SendError("down")), envelope_from="d@kk.example",
                          retry_base=30, relay=relay)
    assert result.waiting == 2 and "down" in result.relay_trouble and result.failed == 0
    assert [(r.status, r.attempts) for r in rows(engine)] == [("pending", 0), ("pending", 0)]
    assert relay.not_before > utcnow() + timedelta(seconds=20)


def test_no_try_before_the_relay_backoff_is_over(engine):
    queue(engine, 1)
    relay = RelayState()
    flush_outbox(engine, RecordingSender(SendError("down")), envelope_from="d@kk.example", retry_base=60, relay=relay)
    sender = RecordingSender()
    assert flush_outbox(engine, sender, envelope_from="d@kk.example", relay=relay).sent == 0
    assert sender.sent == []
    later = utcnow() + timedelta(minutes=5)
    assert flush_outbox(engine, sender, envelope_from="d@kk.example", now=later, relay=relay).sent == 1
    assert relay.failures == 0


def test_backoff_of_the_relay_doubles_per_failure(engine):
    queue(engine, 1)
    relay = RelayState()
    waits = []
    for _ in range(4):
        flush_outbox(engine, RecordingSender(RelayRefused("550 5.7.1 no")), envelope_from="d@kk.example",
                     retry_base=30, relay=relay, now=utcnow() + timedelta(days=1))
        waits.append(round((relay.not_before - utcnow()).total_seconds() / 30))
    assert waits == [1, 2, 4, 8]


def test_a_refusal_of_us_is_logged_at_error_and_mailed_to_the_operator_when_over(engine, caplog):
    """The alert is queued in the outbox as the refusal starts: it survives the process, out when the relay is back."""
    queue(engine, 2)
    relay = RelayState()
    flush_outbox(engine, RecordingSender(RelayRefused("550 5.7.1 Sender rejected")), envelope_from="d@kk.example",
                 relay=relay, operators=("drift@kk.example",))
    assert any(r.levelname == "ERROR" and "refuses our mail" in r.message for r in caplog.records)
    sender = RecordingSender()
    later = utcnow() + timedelta(hours=2)
    flush_outbox(engine, sender, envelope_from="d@kk.example", relay=RelayState(), now=later,
                 operators=("drift@kk.example",))   # another process (the first was killed) sends it
    assert [r[2] for r in sender.sent] == [["r0@example.org"], ["r1@example.org"], ["drift@kk.example"]]
    assert b"550 5.7.1 Sender rejected" in sender.sent[2][0]


def test_a_relay_that_was_only_briefly_away_is_not_an_alert(engine):
    queue(engine, 1)
    relay = RelayState()
    flush_outbox(engine, RecordingSender(SendError("451 later")), envelope_from="d@kk.example", relay=relay,
                 operators=("drift@kk.example",))
    sender = RecordingSender()
    later = utcnow() + timedelta(hours=2)
    for _ in range(2):
        flush_outbox(engine, sender, envelope_from="d@kk.example", relay=relay, now=later,
                     operators=("drift@kk.example",))
    assert [r[2] for r in sender.sent] == [["r0@example.org"]]


def test_a_refused_recipient_fails_only_that_mail(engine):
    queue(engine, 3)
    sender = RecordingSender(lambda rcpt: PermanentSendError("550 5.1.1 unknown") if rcpt == "r1@example.org" else None)
    result = flush_outbox(engine, sender, envelope_from="d@kk.example")
    assert (result.sent, result.failed) == (2, 1)
    assert [r.status for r in rows(engine)] == ["sent", "failed", "sent"]
    assert "550 5.1.1 unknown" in rows(engine)[1].last_error


def test_two_refused_recipients_alone_are_theirs(engine):
    queue(engine, 2)
    result = flush_outbox(engine, RecordingSender(PermanentSendError("550")), envelope_from="d@kk.example")
    assert result.failed == 2 and all(r.status == "failed" for r in rows(engine))


def test_every_recipient_refused_in_a_row_is_a_refusal_of_us(engine):
    """Three different recipients refused with nothing taken: the relay refuses us; nobody's mail fails."""
    queue(engine, 5)
    relay = RelayState()
    result = flush_outbox(engine, RecordingSender(PermanentSendError("550 no")), envelope_from="d@kk.example",
                          relay=relay)
    assert result.failed == 0 and result.waiting == 5 and relay.failures == 1
    assert [(r.status, r.attempts) for r in rows(engine)] == [("pending", 0)] * 5


def test_a_failed_mail_of_a_case_shows_in_the_case_history(engine):
    from models import Case, CaseEvent

    with Session(engine) as s:
        s.add(Case(reference="KBH-2026-000001", sender="a@firma.dk", subject="x", received_at=utcnow(),
                   task_type="byggeri", office="byggeri", task_types="[]"))
        s.commit()
        case = s.exec(select(Case)).one()
        s.add(OutboxMail(case_id=case.id, purpose="routed", recipient="byggeri@kk.example", message_id="<r@x>",
                         raw=b"Subject: x\r\n\r\nbody\r\n"))
        s.commit()
    flush_outbox(engine, RecordingSender(PermanentSendError("550 5.1.1 no such user")), envelope_from="d@kk.example")
    with Session(engine) as s:
        (event,) = s.exec(select(CaseEvent).where(CaseEvent.action == "mail_failed")).all()
    assert "routed mail to byggeri@kk.example" in event.detail and "550 5.1.1" in event.detail


def test_a_deferred_recipient_is_given_up_after_max_attempts(engine):
    queue(engine, 1)
    for _ in range(3):
        flush_outbox(engine, RecordingSender(RecipientDeferred("450 mailbox busy")), envelope_from="d@kk.example",
                     max_attempts=3, now=utcnow() + timedelta(days=1))
    (row,) = rows(engine)
    assert row.status == "failed" and row.attempts == 3


def test_a_relay_that_is_down_never_fails_a_mail(engine):
    """However long the relay is away, the queue keeps every mail and counts no attempt against it."""
    queue(engine, 2)
    for _ in range(20):
        flush_outbox(engine, RecordingSender(SendError("down")), envelope_from="d@kk.example",
                     max_attempts=3, now=utcnow() + timedelta(days=1))
    assert [(r.status, r.attempts) for r in rows(engine)] == [("pending", 0), ("pending", 0)]


def test_backoff_doubles_and_is_capped():
    assert [backoff(n, 30).total_seconds() for n in (1, 2, 3)] == [30, 60, 120]
    assert backoff(40, 30) == timedelta(hours=1)


def test_send_due_sends_from_the_settings_address_with_their_retry_policy(engine):
    from intake.letters.outbox import send_due
    from intake.settings import Settings

    settings = Settings(from_address="desk@aarhus.example", outbox_retry_base=600)
    queue(engine, 2)
    assert send_due(engine, RecordingSender(RecipientDeferred("450 busy")), settings).retried == 2
    assert rows(engine)[0].next_attempt_at > utcnow() + timedelta(seconds=500)
    sender = RecordingSender()
    assert send_due(engine, sender, settings).sent == 0     # both wait their backoff of 600 s
    assert send_due(engine, sender, settings, only=[2]).sent == 0
    later = utcnow() + timedelta(minutes=11)
    assert flush_outbox(engine, sender, envelope_from="desk@aarhus.example", now=later, only=[2]).sent == 1
    assert [(r[1], r[2]) for r in sender.sent] == [("desk@aarhus.example", ["r1@example.org"])]


def test_a_row_claimed_by_another_flush_is_not_sent_again(engine):
    """A flush claims the first due row no one holds: a second claim takes the next row, then none."""
    from intake.letters.outbox import claim_next

    queue(engine, 2)
    first = claim_next(engine, utcnow(), lease=600)
    second = claim_next(engine, utcnow(), lease=600)
    assert first is not None and second is not None and (first.id, second.id) == (1, 2)
    assert (first.status, first.attempts) == ("sending", 1)
    assert claim_next(engine, utcnow(), lease=600) is None
    assert flush_outbox(engine, RecordingSender(), envelope_from="d@kk.example").sent == 0


def test_a_claim_takes_only_the_rows_asked_for_and_past_the_cursor(engine):
    from intake.letters.outbox import claim_next

    queue(engine, 3)
    assert claim_next(engine, utcnow(), lease=600, only=[3]).id == 3
    assert claim_next(engine, utcnow(), lease=600, after=1).id == 2
    assert claim_next(engine, utcnow(), lease=600, only=[2, 3]) is None


def test_a_mail_whose_sender_died_is_sent_once_more_then_left_for_the_operator(engine):
    from intake.letters.outbox import claim_next

    queue(engine, 1)
    claim_next(engine, utcnow(), lease=600)                   # ... and the process dies before "sent"
    sender = RecordingSender()
    assert flush_outbox(engine, sender, envelope_from="d@kk.example").sent == 0, "the lease still runs"
    after_lease = utcnow() + timedelta(minutes=11)
    repeat = claim_next(engine, after_lease, lease=0)         # the repeat; the process dies again
    assert repeat is not None and (repeat.status, repeat.attempts) == ("resending", 2)
    assert flush_outbox(engine, sender, envelope_from="d@kk.example", now=after_lease).sent == 0
    (row,) = rows(engine)
    assert row.status == "failed" and "died twice" in row.last_error and sender.sent == []


def test_retry_puts_failed_mail_back_in_the_queue(engine):
    from intake.letters.outbox import retry_failed

    queue(engine, 2)
    flush_outbox(engine, RecordingSender(PermanentSendError("550 5.1.1 no")), envelope_from="d@kk.example")
    assert retry_failed(engine, [1]) == 1
    assert [r.status for r in rows(engine)] == ["pending", "failed"]
    assert retry_failed(engine) == 1
    assert flush_outbox(engine, RecordingSender(), envelope_from="d@kk.example").sent == 2


def _with_attachment(size: int) -> bytes:
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["To"], msg["Subject"], msg["Message-ID"] = "byggeri@kk.example", "[KBH-2026-000001] Ny sag", "<big@x>"
    msg.set_content("Ansøgning om skiltning.\n")
    msg.add_attachment(b"x" * size, maintype="application", subtype="octet-stream", filename="KBH-original.eml")
    return msg.as_bytes()


def test_a_mail_over_the_relay_size_goes_without_its_attachments_and_says_where_they_are(engine):
    with Session(engine) as s:
        s.add(OutboxMail(purpose="routed", recipient="byggeri@kk.example", message_id="<big@x>",
                         raw=_with_attachment(200_000)))
        s.commit()
    sender = RecordingSender(limit=100_000)
    result = flush_outbox(engine, sender, envelope_from="desk@kk.example")
    ((raw, _, _),) = sender.sent
    assert result.sent == 1 and result.slimmed == 1 and len(raw) < 100_000
    from email import message_from_bytes, policy

    sent = message_from_bytes(raw, policy=policy.default)
    text = sent.get_body().get_content()
    assert not list(sent.iter_attachments())
    assert "KBH-original.eml" in text and "intake outbox original 1" in text and "Ansøgning om skiltning" in text
    assert sent["Subject"] == "[KBH-2026-000001] Ny sag" and sent["Message-ID"] == "<big@x>"


@pytest.mark.parametrize("code, answer, theirs", [
    (550, "5.1.1 <x@firma.dk>: Recipient address rejected: User unknown", True),
    (552, "5.2.2 Mailbox full", True),
    (554, "5.7.1 <x@firma.dk>: Relay access denied", False),
    (550, "5.7.1 Client host rejected: SPF", False),
    (554, "5.3.0 mail system misconfigured", False),
    (550, "No such user here", True),       # no enhanced code: the mailbox's (the outbox watches for a run)
    (554, "Transaction failed", False),
])
def test_whose_refusal_a_5xx_to_rcpt_is(code, answer, theirs):
    from intake.letters.sender import refusal_of_recipient

    assert refusal_of_recipient(code, answer.encode()) is theirs



def test_on_postgresql_a_row_another_flush_is_claiming_is_skipped_not_waited_for(pg_url):
    """Two flushes at once (two workers): the row one of them has locked is passed over by the other at once."""
    from concurrent.futures import ThreadPoolExecutor

    from sqlalchemy import text

    from intake.letters.outbox import claim_next

    engine = open_database(pg_url)
    queue(engine, 2)
    with ThreadPoolExecutor(1) as pool, engine.connect() as other:  # other ends first: its lock goes
        other.execute(text("SELECT id FROM outboxmail WHERE id = 1 FOR UPDATE"))  # mid-claim, not committed
        mail = pool.submit(claim_next, engine, utcnow(), 600).result(timeout=10)  # waiting would time out
        assert mail is not None and mail.id == 2
        other.rollback()
    first = claim_next(engine, utcnow(), lease=600)
    assert first is not None and first.id == 1
    engine.dispose()
