"""The outbox against a real SMTP server (aiosmtpd on loopback): whose refusal it is, and SIZE."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import Session, select

from intake.letters.outbox import flush_outbox
from intake.letters.relay import RelayState
from intake.letters.sender import SmtpSender
from models import OutboxMail, utcnow
from models.db import open_database
from tests.intake.letters.test_outbox import _with_attachment

DESK = "erhvervsservice@kk.example"


@pytest.fixture
def engine(tmp_path):
    return open_database(f"sqlite:///{tmp_path / 'db.sqlite'}")


def smtp(sink) -> SmtpSender:
    return SmtpSender(sink.host, sink.port, security="starttls", cafile=sink.cafile, timeout=5,
                      user=sink.user, password=sink.password)


def queue(engine, recipients, raw=b"Subject: hej\r\nMessage-ID: <m@x>\r\n\r\nbody\r\n"):
    with Session(engine) as s:
        for i, rcpt in enumerate(recipients):
            s.add(OutboxMail(purpose="acknowledgement", recipient=rcpt, message_id=f"<m{i}@x>", raw=raw))
        s.commit()


def statuses(engine):
    with Session(engine) as s:
        return [r.status for r in s.exec(select(OutboxMail).order_by(OutboxMail.id))]


def flush(engine, sink, relay, later=0):
    return flush_outbox(engine, smtp(sink), envelope_from=DESK, relay=relay,
                        now=utcnow() + timedelta(hours=later), operators=("drift@kk.example",))


@pytest.mark.parametrize("refuse", [
    lambda sink: sink.refuse_sender("550 5.7.1 Sender address rejected: not owned by user"),
    lambda sink: sink.refuse_recipient("*", "554 5.7.1 Relay access denied"),
    lambda sink: sink.refuse_recipient("*", "550 No such user here"),      # no enhanced code: every one refused
    lambda sink: sink.refuse(10, "421 4.3.2 Service shutting down"),
    lambda sink: sink.stop(),
], ids=["5xx-to-MAIL-FROM", "relaying-denied", "every-recipient-550", "421", "connection-refused"])
def test_a_refusal_of_us_keeps_every_mail_and_sends_them_when_the_relay_is_back(engine, smtp_sink, refuse):
    queue(engine, [f"kontakt@firma{i}.dk" for i in range(4)])
    relay = RelayState()
    refuse(smtp_sink)
    for hours in (0, 2, 4):  # a relay merely away is an alert from the third try; a refusal at once
        result = flush(engine, smtp_sink, relay, later=hours)
        assert result.failed == 0 and result.waiting >= 1 and result.relay_trouble
        assert "failed" not in statuses(engine)
    assert relay.alerted
    smtp_sink.accept_all()
    smtp_sink.start()
    result = flush(engine, smtp_sink, relay, later=6)
    assert result.sent == 5 and statuses(engine) == ["sent"] * 5   # + the operators' alert, queued once
    assert len(smtp_sink.wait_for(5)) == 5 and len(smtp_sink.to("drift@kk.example")) == 1


def test_a_refused_recipient_fails_that_mail_alone(engine, smtp_sink):
    queue(engine, ["kontakt@firma0.dk", "nobody@firma1.dk", "kontakt@firma2.dk"])
    smtp_sink.refuse_recipient("nobody@firma1.dk", "550 5.1.1 <nobody@firma1.dk>: User unknown")
    result = flush(engine, smtp_sink, RelayState())
    assert (result.sent, result.failed) == (2, 1) and statuses(engine) == ["sent", "failed", "sent"]
    assert "5.1.1" in result.failures[0] and "nobody@firma1.dk" not in result.failures[0], "masked"


def _refusal_lines(caplog) -> list[tuple[str, str, str]]:
    return [(r.levelname, r.getMessage(), str(getattr(r, "recipient", ""))) for r in caplog.records
            if r.name == "intake.letters.outbox" and "not sent" in r.getMessage()]


def test_a_businesss_refused_address_is_a_warning_without_the_address(engine, smtp_sink, caplog):
    """The business's typo paged the operators (ERROR); its case records it, the log line says whose it is."""
    queue(engine, ["kontakt@firma0.dk", "jens.hansen@gmial.com", "kontakt@firma2.dk"])
    smtp_sink.refuse_recipient("jens.hansen@gmial.com", "550 5.1.1 <jens.hansen@gmial.com>: User unknown")
    with caplog.at_level("INFO", logger="intake.letters.outbox"):
        result = flush_outbox(engine, smtp(smtp_sink), envelope_from=DESK, own_domains=("kk.example",))
    assert (result.sent, result.failed) == (2, 1)
    assert _refusal_lines(caplog) == [("WARNING", "mail not sent: the recipient's address was refused",
                                       "<address>@gmial.com")]
    assert "jens.hansen" not in caplog.text


def test_our_own_refused_address_is_still_an_error(engine, smtp_sink, caplog):
    """An office's or an operator's address refused is ours to mend: it stays an ERROR."""
    queue(engine, ["byggeri@kk.example", "kontakt@firma1.dk", "drift@drift.example"])
    for address in ("byggeri@kk.example", "drift@drift.example"):
        smtp_sink.refuse_recipient(address, f"550 5.1.1 <{address}>: User unknown")
    with caplog.at_level("INFO", logger="intake.letters.outbox"):
        flush_outbox(engine, smtp(smtp_sink), envelope_from=DESK, operators=("drift@drift.example",))
    assert [level for level, _, _ in _refusal_lines(caplog)] == ["ERROR", "ERROR"]


def test_authentication_refused_is_a_refusal_of_us(engine, smtp_sink_factory):
    sink = smtp_sink_factory(auth=("desk", "right"))
    queue(engine, ["kontakt@firma0.dk"])
    sender = SmtpSender(sink.host, sink.port, security="starttls", cafile=sink.cafile, user="desk",
                        password="wrong", timeout=5)
    result = flush_outbox(engine, sender, envelope_from=DESK, relay=RelayState())
    assert result.waiting == 1 and "535" in result.relay_trouble and statuses(engine) == ["pending"]


def test_the_announced_size_is_respected_and_the_mail_still_goes(engine, smtp_sink_factory):
    sink = smtp_sink_factory(size_limit=150_000)
    with Session(engine) as s:
        s.add(OutboxMail(purpose="routed", recipient="byggeri@kk.example", message_id="<big@x>",
                         raw=_with_attachment(400_000)))
        s.commit()
    assert smtp(sink).size_limit() == 150_000
    result = flush_outbox(engine, smtp(sink), envelope_from=DESK)
    (got,) = sink.wait_for(1)
    assert result.sent == 1 and result.slimmed == 1 and statuses(engine) == ["sent"]
    assert "intake outbox original 1" in got.message.get_body().get_content()


def test_a_552_after_data_is_answered_with_the_slim_copy(engine, smtp_sink):
    queue(engine, ["byggeri@kk.example"], raw=_with_attachment(50_000))
    smtp_sink.refuse(1, "552 5.3.4 Message size exceeds fixed limit")
    result = flush_outbox(engine, smtp(smtp_sink), envelope_from=DESK)
    (got,) = smtp_sink.wait_for(1)
    assert result.sent == 1 and result.slimmed == 1 and not list(got.message.iter_attachments())


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_two_flushes_at_once_send_every_row_once(request, tmp_path, smtp_sink, backend):
    """The claim is a conditional update: four concurrent flushes over 40 rows send 40 mails."""
    import threading

    url = f"sqlite:///{tmp_path / 'db.sqlite'}" if backend == "sqlite" else request.getfixturevalue("pg_url")
    engine = open_database(url)
    queue(engine, [f"kontakt@firma{i}.dk" for i in range(40)])
    results = []

    def one_flush() -> None:
        results.append(flush_outbox(engine, smtp(smtp_sink), envelope_from=DESK))
    threads = [threading.Thread(target=one_flush) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(r.sent for r in results) == 40 and statuses(engine) == ["sent"] * 40
    assert len(smtp_sink.wait_for(40)) == 40
    assert sorted(m.rcpt_tos[0] for m in smtp_sink.messages) == sorted(f"kontakt@firma{i}.dk" for i in range(40))
