"""Ownership by proof (issue 13 §4): only a case's own addresses follow up, and only when the From is proven.

Through the real runner on SQLite with the trained model; DNS is the in-memory ``FakeDns``.
"""
from __future__ import annotations

import dataclasses
import email
from datetime import timedelta
from email import policy

import pytest
from sqlmodel import Session, col, select

from intake.cases import lifecycle as cases
from intake.cases.contacts import add_contact, remove_contact
from intake.cases.lifecycle import Desk
from intake.cases.rules import belongs_to
from intake.errors import RequestRefused
from intake.settings import load_settings
from models import Case, CaseEvent, CasePart, InboundMessage, OutboxMail, utcnow
from models.db import open_database
from tests.dnsfake import FakeDns
from tests.intake.cases.test_lifecycle import mails
from tests.intake.mailbuilder import application

ANNA = "Anna Holm <anna@email.dk>"
OUR_SERVER = "mx.kk.example"


@pytest.fixture
def dns():
    return FakeDns()


@pytest.fixture
def service(tmp_path, model_dir, dns):
    from intake.app import build_context
    from intake.mailbox.maildir import MaildirMailbox
    from intake.runner import Runner

    settings = load_settings(env={"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_MODEL_DIR": str(model_dir),
                                  "INTAKE_AUTHSERV_IDS": OUR_SERVER})
    engine = open_database(settings.database_url)
    ctx = dataclasses.replace(build_context(settings), resolver=dns)
    box = MaildirMailbox(settings.maildir)
    return Runner(ctx, engine, box), box, engine, Desk(settings, ctx.catalogue, ctx.calendar)


def deliver(runner, box, msg):
    box.deliver(msg.as_bytes())
    (outcome,) = runner.process_batch()
    return outcome


def purposes_to(engine, recipient) -> list[str]:
    with Session(engine) as s:
        return list(s.exec(select(OutboxMail.purpose).where(OutboxMail.recipient == recipient)
                           .order_by(col(OutboxMail.id))))


def case_of(engine, reference) -> tuple[Case, list[CasePart], list[str]]:
    with Session(engine) as s:
        case = s.exec(select(Case).where(Case.reference == reference)).one()
        parts = list(s.exec(select(CasePart).where(CasePart.case_id == case.id)))
        actions = [e.action for e in s.exec(select(CaseEvent).where(CaseEvent.case_id == case.id))]
        return case, parts, actions


def inbound(engine, inbound_id) -> InboundMessage:
    with Session(engine) as s:
        rec = s.get(InboundMessage, inbound_id)
        assert rec is not None
        return rec


def waiting_case(service) -> str:
    runner, box, engine, desk = service
    first = deliver(runner, box, application(sender=ANNA))
    with Session(engine) as s:
        cases.request_info(s, first.reference, "Send en tegning.", actor="karen", desk=desk,
                           now=utcnow() - timedelta(days=2))
        s.commit()
    return first.reference


def test_a_freemail_neighbour_gets_no_status_of_the_applicants_case(service):
    """Reproduction 1: eve@email.dk asking about anna@email.dk's case is a new case and learns nothing."""
    runner, box, engine, _ = service
    first = deliver(runner, box, application(sender=ANNA))
    eve = application(sender="Eve <eve@email.dk>", subject="status", body=f"Hvad er status på {first.reference}?")
    second = deliver(runner, box, eve)
    assert second.outcome == "case" and second.reference != first.reference
    assert mails(engine, "status") == []
    for to, msg in mails(engine):
        if to == "eve@email.dk":
            assert first.reference not in msg.as_string()


def test_a_colleague_at_the_company_domain_is_not_an_owner_until_added(service):
    runner, box, engine, desk = service
    first = deliver(runner, box, application(sender="Peter <peter@jensen-stilladser.dk>"))
    ask = lambda: application(sender="Mette <mette@jensen-stilladser.dk>", subject="status",  # noqa: E731
                              body=f"Hvad er status på {first.reference}?")
    assert deliver(runner, box, ask()).outcome == "case", "same company domain is not proof"
    with Session(engine) as s:
        add_contact(s, first.reference, "Mette <Mette@jensen-stilladser.dk>", actor="karen", desk=desk)
        s.commit()
    assert deliver(runner, box, ask()).outcome == "status_query"
    ((to, _),) = mails(engine, "status")
    assert to == "mette@jensen-stilladser.dk"
    assert "contact_added" in case_of(engine, first.reference)[2]


def test_reply_to_an_owners_address_proves_nothing(service):
    """Eve writing with Reply-To: anna@... is not Anna: no status goes anywhere."""
    runner, box, engine, _ = service
    first = deliver(runner, box, application(sender=ANNA))
    eve = application(sender="Eve <eve@email.dk>", subject="status", body=f"Hvad er status på {first.reference}?",
                      Reply_To="anna@email.dk")
    assert deliver(runner, box, eve).outcome == "case"
    assert mails(engine, "status") == []


def test_a_from_equal_to_the_applicants_with_dmarc_fail_does_not_resume_the_clock(service):
    """Reproduction 2: the forged answer is not threaded, the clock stays paused, the office is warned."""
    runner, box, engine, _ = service
    reference = waiting_case(service)
    forged = application(sender=ANNA, subject=f"Re: [{reference}] Vi mangler oplysninger", body="Her er tegningen.",
                         Authentication_Results=f"{OUR_SERVER}; spf=fail smtp.mailfrom=email.dk; "
                                                "dmarc=fail (p=reject) header.from=email.dk")
    outcome = deliver(runner, box, forged)
    assert outcome.outcome == "unverified"
    case, parts, actions = case_of(engine, reference)
    assert case.status == "waiting" and all(p.paused_since is not None for p in parts)
    assert "resumed" not in actions and "follow_up" not in actions and "unverified_mail" in actions
    assert mails(engine, "follow_up") == []
    ((to, note),) = mails(engine, "unverified_note")
    assert to == "trafik@kk.example" and "dmarc=fail" in note.get_body(("plain",)).get_content()
    assert purposes_to(engine, "anna@email.dk") == ["acknowledgement", "case_info_request"], "nothing more"
    rec = inbound(engine, outcome.inbound_id)
    assert rec.case_id is None and rec.auth == f"dmarc=fail dkim=none spf=fail ({OUR_SERVER})"


def test_a_forged_pass_from_another_server_does_not_help(service):
    runner, box, engine, _ = service
    reference = waiting_case(service)
    forged = application(sender=ANNA, subject=f"Re: [{reference}] Vi mangler oplysninger", body="Her er tegningen.")
    headers = (f"Authentication-Results: {OUR_SERVER}; dmarc=fail header.from=email.dk\r\n"
               f"Authentication-Results: attacker.example; dmarc=pass header.from=email.dk\r\n")
    raw = headers.encode() + forged.as_bytes()
    box.deliver(raw)
    (outcome,) = runner.process_batch()
    assert outcome.outcome == "unverified" and case_of(engine, reference)[0].status == "waiting"


def test_a_proven_answer_resumes_the_clock_and_records_the_result(service):
    runner, box, engine, _ = service
    reference = waiting_case(service)
    answer = application(sender=ANNA, subject=f"Re: [{reference}] Vi mangler oplysninger", body="Her er tegningen.",
                         Authentication_Results=f"{OUR_SERVER}; dkim=pass header.d=email.dk; dmarc=pass "
                                                "header.from=email.dk")
    outcome = deliver(runner, box, answer)
    assert outcome.outcome == "follow_up" and case_of(engine, reference)[0].status == "in_progress"
    assert inbound(engine, outcome.inbound_id).auth.startswith("dmarc=pass dkim=pass")


def test_without_our_servers_header_dmarc_is_checked_here(service, dns):
    """No trusted header: unsigned mail from a domain publishing p=reject fails DMARC checked with our DNS."""
    runner, box, engine, _ = service
    reference = waiting_case(service)
    dns.records["_dmarc.email.dk"] = "v=DMARC1; p=reject"
    answer = application(sender=ANNA, subject=f"Re: [{reference}] Vi mangler oplysninger", body="Her er tegningen.")
    outcome = deliver(runner, box, answer)
    assert outcome.outcome == "unverified" and "_dmarc.email.dk" in dns.asked
    assert inbound(engine, outcome.inbound_id).auth.startswith("dmarc=fail") and "(intake)" in \
        inbound(engine, outcome.inbound_id).auth


def test_every_inbound_message_records_its_authentication(service):
    runner, box, engine, _ = service
    outcome = deliver(runner, box, application(sender=ANNA, Authentication_Results=f"{OUR_SERVER}; dmarc=pass"))
    assert inbound(engine, outcome.inbound_id).auth == f"dmarc=pass dkim=none spf=none ({OUR_SERVER})"


def test_belongs_to_accepts_only_the_cases_own_addresses():
    case = Case(reference="KBH-2026-000001", received_at=utcnow(), sender="anna@email.dk", sender_domain="email.dk",
                task_type="vejareal", office="trafik", applicant_email="anna@email.dk", reply_email="bo@revisor.dk")
    assert belongs_to(case, "Anna@Email.dk") and belongs_to(case, "bo@revisor.dk")
    assert not belongs_to(case, "eve@email.dk") and not belongs_to(case, "")
    assert belongs_to(case, "mette@email.dk", contacts=["mette@email.dk"])


def test_removing_a_contact_that_was_never_added_is_refused(service):
    runner, box, engine, desk = service
    first = deliver(runner, box, application(sender=ANNA))
    with Session(engine) as s, pytest.raises(RequestRefused, match="not a contact"):
        remove_contact(s, first.reference, "mette@email.dk", actor="karen", desk=desk)
    with Session(engine) as s:
        add_contact(s, first.reference, "mette@email.dk", actor="karen", desk=desk)
        s.commit()
        remove_contact(s, first.reference, "mette@email.dk", actor="karen", desk=desk)
        s.commit()
    assert case_of(engine, first.reference)[2][-2:] == ["contact_added", "contact_removed"]


def test_a_caseworkers_reply_is_proven_only_by_our_servers_pass(service, dns):
    """Internal mail rarely crosses the internet, so DNS is not asked: only our receiving server's header proves it.
    A reply is passed on to the business in our name, so without that header's pass it is unverified: a forged
    "Sagsbehandler Jens" with no header, or with dmarc=none, had its payment instruction mailed to the business."""
    runner, box, engine, _ = service
    first = deliver(runner, box, application(sender=ANNA))
    dns.records["_dmarc.kk.example"] = "v=DMARC1; p=reject"
    reply = lambda **h: application(sender="Karen <karen@kk.example>",  # noqa: E731
                                    subject=f"Re: [{first.reference}] Ny sag", body="Vi kigger på det.", **h)
    genuine = reply(Authentication_Results=f"{OUR_SERVER}; dmarc=pass header.from=kk.example")
    assert deliver(runner, box, genuine).outcome == "caseworker_reply" and dns.asked == []
    for forged in (reply(), reply(Authentication_Results=f"{OUR_SERVER}; dmarc=none header.from=kk.example"),
                   reply(Authentication_Results=f"{OUR_SERVER}; dmarc=fail header.from=kk.example")):
        assert deliver(runner, box, forged).outcome == "unverified"
    assert dns.asked == []
    assert [to for to, _ in mails(engine, "caseworker_reply")] == ["anna@email.dk"], "only the genuine one"


def test_a_caseworkers_reply_that_attaches_a_mail_is_a_reply_not_a_forward(service):
    """"Re: [KBH-...]" with a mail attached (or an Outlook quote of another mail) went to that mail's author as a
    new case, and the business heard nothing."""
    runner, box, engine, _ = service
    first = deliver(runner, box, application(sender=ANNA))
    reply = application(sender="Karen <karen@kk.example>", subject=f"Re: [{first.reference}] Ny sag",
                        body="Kære Anna, se vedhæftede.",
                        Authentication_Results=f"{OUR_SERVER}; dmarc=pass header.from=kk.example")
    inner = email.message_from_string("From: Kunde <kunde@client.example>\nSubject: inner\n\nhello inner\n",
                                      policy=policy.default)
    reply.add_attachment(inner)
    assert deliver(runner, box, reply).outcome == "caseworker_reply"
    assert [to for to, _ in mails(engine, "caseworker_reply")] == ["anna@email.dk"]
    assert purposes_to(engine, "kunde@client.example") == []
