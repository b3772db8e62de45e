"""A delivery report on one of our mails is not answered, but its case hears of it."""
from __future__ import annotations

import pytest
from sqlmodel import Session, select

from intake.bounces import reported_ids, why
from models import Case, CaseEvent, InboundMessage, OutboxMail
from tests.paths import SAMPLES

SCAFFOLD = "02-scaffolding-permit-vesterbroga.eml"



def report(message_id: str, recipient: str, status: str = "5.2.2",
           diagnostic: str = "smtp; 552 5.2.2 Mailbox full") -> bytes:
    """A delivery status notification (RFC 3464) as Postfix writes it, returning the headers of our mail."""
    return (
        "From: MAILER-DAEMON@mx.example.net (Mail Delivery System)\r\n"
        "To: erhvervsservice@kk.example\r\n"
        "Subject: Undelivered Mail Returned to Sender\r\n"
        "Message-ID: <20261201094709.3C1F2E0A41@mx.example.net>\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n\r\n'
        "--B\r\nContent-Type: text/plain\r\n\r\n"
        "I'm sorry to have to inform you that your message could not be delivered.\r\n"
        "--B\r\nContent-Type: message/delivery-status\r\n\r\n"
        "Reporting-MTA: dns; mx.example.net\r\n\r\n"
        f"Final-Recipient: rfc822; {recipient}\r\nAction: failed\r\nStatus: {status}\r\n"
        f"Diagnostic-Code: {diagnostic}\r\n"
        "--B\r\nContent-Type: text/rfc822-headers\r\n\r\n"
        f"From: erhvervsservice@kk.example\r\nTo: {recipient}\r\nMessage-ID: {message_id}\r\n"
        "Subject: [KBH-2026-000001] Acknowledgement\r\n"
        "--B--\r\n"
    ).encode()


def _case_and_ack(engine) -> tuple[Case, OutboxMail]:
    with Session(engine) as s:
        case = s.exec(select(Case)).one()
        ack = s.exec(select(OutboxMail).where(OutboxMail.purpose == "acknowledgement")).first()
        assert ack is not None
        return case, ack


def test_a_bounced_acknowledgement_goes_into_its_case_history_and_is_not_answered(service):
    engine, box, runner = service
    box.deliver((SAMPLES / SCAFFOLD).read_bytes())
    runner.process_batch()
    case, ack = _case_and_ack(engine)
    box.deliver(report(ack.message_id, ack.recipient))
    (outcome,) = runner.process_batch()
    assert outcome.outcome == "skipped"
    with Session(engine) as s:
        events = s.exec(select(CaseEvent).where(CaseEvent.case_id == case.id, CaseEvent.action == "bounced")).all()
        assert [e.detail for e in events] == [f"acknowledgement to {ack.recipient} not delivered: "
                                              "5.2.2 (smtp; 552 5.2.2 Mailbox full)"]
        rec = s.exec(select(InboundMessage).order_by(InboundMessage.id.desc())).first()
        assert rec.kind == "bounce" and rec.reason.endswith(f"recorded on {case.reference}")
        assert s.exec(select(OutboxMail).where(OutboxMail.inbound_id == rec.id)).all() == []   # never answered


@pytest.mark.parametrize("forged", ["another recipient", "an unknown message"])
def test_a_report_that_does_not_name_our_mail_and_its_recipient_changes_no_case(service, forged):
    """The Message-IDs of our acknowledgements can be guessed: a forged report must also know whom we wrote to."""
    engine, box, runner = service
    box.deliver((SAMPLES / SCAFFOLD).read_bytes())
    runner.process_batch()
    _, ack = _case_and_ack(engine)
    if forged == "another recipient":
        box.deliver(report(ack.message_id, "someone.else@example.net"))
    else:
        box.deliver(report("<ack.KBH-2026-999999@kk.example>", ack.recipient))
    (outcome,) = runner.process_batch()
    assert outcome.outcome == "skipped"
    with Session(engine) as s:
        assert s.exec(select(CaseEvent).where(CaseEvent.action == "bounced")).all() == []


def test_a_report_quoting_the_guessable_form_of_our_acknowledgements_id_changes_no_case(service):
    """A forger knows the reference and the business's address, but not the token in the id we stored."""
    engine, box, runner = service
    box.deliver((SAMPLES / SCAFFOLD).read_bytes())
    runner.process_batch()
    case, ack = _case_and_ack(engine)
    guessed = f"<ack.{case.reference}@kk.example>"
    assert ack.message_id.startswith(f"<ack.{case.reference}.") and ack.message_id != guessed
    box.deliver(report(guessed, ack.recipient))
    (outcome,) = runner.process_batch()
    assert outcome.outcome == "skipped"
    with Session(engine) as s:
        assert s.exec(select(CaseEvent).where(CaseEvent.action == "bounced")).all() == []


def test_a_row_stored_without_a_token_is_not_trusted(service):
    """Mail sent before the token (``<ack.REF@domain>``) had an id anyone could write: a report on it is ignored."""
    engine, box, runner = service
    box.deliver((SAMPLES / SCAFFOLD).read_bytes())
    runner.process_batch()
    case, ack = _case_and_ack(engine)
    legacy = f"<ack.{case.reference}@kk.example>"
    with Session(engine) as s:
        row = s.get(OutboxMail, ack.id)
        row.message_id = legacy
        s.add(row)
        s.commit()
    box.deliver(report(legacy, ack.recipient))
    runner.process_batch()
    with Session(engine) as s:
        assert s.exec(select(CaseEvent).where(CaseEvent.action == "bounced")).all() == []


def test_the_reported_ids_and_reason_are_bounded_and_read_from_the_report():
    many = b"".join(b"<id%d@example.net> " % i for i in range(10_000))
    assert len(reported_ids(many)) == 50
    assert reported_ids(b"In-Reply-To: <a@b>\nReferences: <a@b> <c@d>") == ["<a@b>", "<c@d>"]
    assert why(b"Status: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\n") == \
        "5.1.1 (smtp; 550 5.1.1 User unknown)"
    assert why(b"no report here") == ""
