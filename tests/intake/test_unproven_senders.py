"""A new application whose From may be forged (DMARC failed at our server, or our server flagged it as spam) is
a case, but nothing automatic is mailed to the From: the case's history and its office say why."""
from __future__ import annotations

import email
from email import policy

import pytest
from sqlmodel import Session, select

from intake.cases.lifecycle import Desk
from intake.cases.views import case_detail
from intake.mail.spam import spam_flag
from intake.settings import load_settings
from models import CaseEvent, InboundMessage, OutboxMail
from models.db import open_database
from tests.intake.mailbuilder import application

OUR_SERVER = "mx.kk.example"
PETER = "peter@jensen-stilladser.dk"
DMARC_FAIL = f"{OUR_SERVER}; spf=fail smtp.mailfrom=jensen-stilladser.dk; dmarc=fail (p=reject) " \
             "header.from=jensen-stilladser.dk"


def _service(tmp_path, model_dir, **env):
    from intake.app import build_context
    from intake.mailbox.maildir import MaildirMailbox
    from intake.runner import Runner

    settings = load_settings(env={"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_MODEL_DIR": str(model_dir), **env})
    engine = open_database(settings.database_url)
    ctx = build_context(settings)
    box = MaildirMailbox(settings.maildir)
    return Runner(ctx, engine, box), box, engine, Desk(settings, ctx.catalogue, ctx.calendar)


@pytest.fixture
def service(tmp_path, model_dir):
    """The embedded default trusting our receiving server's headers (``INTAKE_AUTHSERV_IDS``)."""
    return _service(tmp_path, model_dir, INTAKE_AUTHSERV_IDS=OUR_SERVER)


def deliver(service, msg):
    runner, box, _, _ = service
    box.deliver(msg.as_bytes())
    (outcome,) = runner.process_batch()
    return outcome


def outbox(engine, purpose):
    with Session(engine) as s:
        rows = s.exec(select(OutboxMail).where(OutboxMail.purpose == purpose).order_by(OutboxMail.id)).all()
        return [(r.recipient, email.message_from_bytes(r.raw, policy=policy.default)) for r in rows]


def events(engine, action):
    with Session(engine) as s:
        return [e.detail for e in s.exec(select(CaseEvent).where(CaseEvent.action == action))]


@pytest.mark.parametrize("header", [("Authentication_Results", DMARC_FAIL), ("X_Spam_Flag", "YES"),
                                    ("X_Spam_Status", "Yes, score=12.3 required=5.0 tests=BAYES_99")])
def test_an_unproven_application_is_a_case_without_an_acknowledgement(service, header):
    _, _, engine, _ = service
    outcome = deliver(service, application(**dict([header])))
    assert outcome.outcome == "case" and outcome.reference
    assert outbox(engine, "acknowledgement") == []
    assert [to for to, _ in outbox(engine, "routed")] == ["trafik@kk.example"], "the office still gets the case"
    with Session(engine) as s:
        rec = s.get(InboundMessage, outcome.inbound_id)
        assert rec.reason.startswith("no acknowledgement: ")
        assert s.exec(select(OutboxMail.recipient).where(OutboxMail.recipient == PETER)).all() == []


def test_the_history_and_the_office_say_why_no_acknowledgement_went(service):
    _, _, engine, desk = service
    outcome = deliver(service, application(Authentication_Results=DMARC_FAIL))
    (detail,) = events(engine, "unproven_sender")
    assert detail.startswith(f"the From failed DMARC (dmarc=fail dkim=none spf=fail ({OUR_SERVER}))")
    assert "no acknowledgement" in detail
    ((_, routed),) = outbox(engine, "routed")
    text = routed.get_body(("plain",)).get_content()
    assert "WARNING: afsenderen er ikke bekræftet (the From failed DMARC" in text
    assert "IKKE sendt kvittering" in text and "Kvitteringen til ansøgeren er sendt" not in text
    with Session(engine) as s:
        assert [e.action for e in case_detail(s, outcome.reference, desk).warnings] == ["unproven_sender"]


def test_a_proven_application_is_acknowledged_as_before(service):
    _, _, engine, _ = service
    deliver(service, application(Authentication_Results=f"{OUR_SERVER}; dmarc=pass header.from=jensen-stilladser.dk",
                                 X_Spam_Flag="NO", X_Spam_Status="No, score=0.1 required=5.0"))
    assert [to for to, _ in outbox(engine, "acknowledgement")] == [PETER]
    assert events(engine, "unproven_sender") == []
    ((_, routed),) = outbox(engine, "routed")
    assert "Kvitteringen til ansøgeren er sendt" in routed.get_body(("plain",)).get_content()


def test_a_spam_flag_is_not_trusted_without_our_servers_id(tmp_path, model_dir):
    """Without ``INTAKE_AUTHSERV_IDS`` the service does not trust its server's headers: anyone may write the flag."""
    service = _service(tmp_path, model_dir)
    deliver(service, application(X_Spam_Flag="YES"))
    assert [to for to, _ in outbox(service[2], "acknowledgement")] == [PETER]


@pytest.mark.parametrize(("headers", "flag"), [
    ("X-Spam-Flag: YES\n", "X-Spam-Flag: YES"),
    ("X-Spam-Status: Yes, score=7.1\n", "X-Spam-Status: Yes"),
    ("X-Spam-Status: No, score=-1.0\nX-Spam-Status: Yes, score=9\n", ""),   # the topmost is our server's
    ("X-Spam-Flag: NO\n", ""),
    ("", ""),
])
def test_spam_flag_reads_the_topmost_headers(headers, flag):
    msg = email.message_from_string(f"{headers}From: a@b.example\nSubject: x\n\ntext\n")
    assert spam_flag(msg) == flag


def test_an_unproven_application_for_several_offices_gets_no_star_meeting(service):
    """The one decision ``may_mail_sender`` keeps the invitation from the From too, not only the acknowledgement."""
    from models import Case, Meeting
    from tests.intake.test_runner import RESTAURANT

    _, _, engine, _ = service
    deliver(service, application(sender="Ahmad Rahimi <ahmad@rahimi-kitchen.dk>", subject="Ny restaurant",
                                 body=RESTAURANT, X_Spam_Flag="YES"))
    with Session(engine) as s:
        (case,) = s.exec(select(Case)).all()
        assert case.complex and not case.needs_triage, "a case that would otherwise get a meeting"
        assert s.exec(select(Meeting)).all() == []
    assert outbox(engine, "meeting") == []
