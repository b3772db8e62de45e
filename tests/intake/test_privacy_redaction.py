"""CPR numbers are stored nowhere but in the raw message (issue 13 §7): one application through the real runner."""
from __future__ import annotations

import email
import re
from email import policy

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from intake.cases import lifecycle as cases
from intake.cases.lifecycle import Desk
from intake.inbound import raw_of
from intake.settings import load_settings
from models import InboundMessage, OutboxMail
from models.db import open_database
from tests.intake.mailbuilder import application

CPR = re.compile(r"010190-?1234")
BODY = ("Hej\n\nVi søger om stillads på fortovet foran Nørrebrogade 20, 2200 København N, i 3 uger fra 1. marts "
        "2027.\nIndehaver: Anna Holm, CPR 010190-1234.\n\nMed venlig hilsen\nAnna Holm\nHolm Maling ApS\n")


@pytest.fixture
def service(tmp_path, model_dir):
    from intake.app import build_context
    from intake.mailbox.maildir import MaildirMailbox
    from intake.runner import Runner

    settings = load_settings(env={"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_MODEL_DIR": str(model_dir)})
    engine = open_database(settings.database_url)
    ctx = build_context(settings)
    return Runner(ctx, engine, MaildirMailbox(settings.maildir)), engine, Desk(settings, ctx.catalogue, ctx.calendar)


def with_cpr():
    msg = application(sender="Anna Holm <anna@holm-maling.dk>", subject="Stillads - ejer 010190-1234", body=BODY)
    msg.add_attachment(b"Ejer: Anna Holm\nCPR-nr. 0101901234\n", maintype="text", subtype="plain",
                       filename="fuldmagt 010190-1234.txt")
    return msg


def text_columns(engine) -> list[tuple[str, str, str]]:
    """(table, column, value) of every text value stored, except the raw message bytes."""
    found = []
    with engine.connect() as conn:
        meta = sa.MetaData()
        meta.reflect(conn)
        for table in meta.tables.values():
            for row in conn.execute(sa.select(table)).mappings():
                for column, value in row.items():
                    if isinstance(value, str):
                        found.append((table.name, column, value))
    return found


def visible_parts(raw: bytes) -> list[str]:
    """Headers and text of a stored outgoing mail, without the attached original (the raw message)."""
    msg = email.message_from_bytes(raw, policy=policy.default)
    texts = [f"{k}: {v}" for k, v in msg.items()]
    for part in msg.walk():
        if (part.get_filename() or "").endswith("-original.eml"):
            continue
        if part.get_content_maintype() == "text":
            texts.append(part.get_content())
    return texts


def test_a_cpr_number_is_stored_only_in_the_raw_message(service):
    runner, engine, desk = service
    runner.mailbox.deliver(with_cpr().as_bytes())
    (outcome,) = runner.process_batch()
    assert outcome.outcome == "case"
    with Session(engine) as s:  # a caseworker's question quoting it is redacted in the history too
        cases.request_info(s, outcome.reference, "Er 010190-1234 den rette ejer?", actor="karen", desk=desk)
        s.commit()
    leaks = [(t, c) for t, c, v in text_columns(engine) if CPR.search(v)]
    assert leaks == []
    with Session(engine) as s:
        kept = raw_of(s, s.exec(select(InboundMessage)).one())
        assert CPR.search(kept.decode()), "the raw message is kept as it came"
        outgoing = {m.purpose: m.raw for m in s.exec(select(OutboxMail))}
    for purpose, raw in outgoing.items():
        assert not any(CPR.search(t) for t in visible_parts(raw)), purpose
    assert "Stillads - ejer XXXXXX-XXXX" in email.message_from_bytes(outgoing["acknowledgement"],
                                                                     policy=policy.default)["Subject"]


def test_the_routed_mail_says_where_the_cpr_number_still_is(service):
    runner, engine, _ = service
    runner.mailbox.deliver(with_cpr().as_bytes())
    runner.process_batch()
    with Session(engine) as s:
        routed = email.message_from_bytes(s.exec(select(OutboxMail).where(OutboxMail.purpose == "routed")).one().raw,
                                          policy=policy.default)
    body = " ".join(routed.get_body(("plain",)).get_content().split())
    assert "CPR number found: left out here" in body and "it is in the attached original mail" in body
    names = [p.get_filename() for p in routed.iter_attachments()]
    assert any(n.endswith("-original.eml") for n in names)
    original = next(p for p in routed.iter_attachments() if (p.get_filename() or "").endswith("-original.eml"))
    assert CPR.search(original.get_payload(decode=True).decode()), "the note is true: the original has it"


def test_a_p_number_beside_a_cpr_number_is_kept_as_the_p_number(service):
    """"P-nummer 1012345678" reads alone as a date of birth (10.12.34); read under its label it is the P-number the
    caseworker needs, while the owner's CPR number in the same mail is masked."""
    runner, engine, _ = service
    body = BODY.replace("Indehaver:", "Holm Maling ApS, P-nummer 1012345678.\nIndehaver:")
    runner.mailbox.deliver(application(sender="Anna Holm <anna@holm-maling.dk>", subject="Stillads",
                                       body=body).as_bytes())
    (outcome,) = runner.process_batch()
    with Session(engine) as s:
        from intake.cases.lifecycle import get_case
        details = get_case(s, outcome.reference).details_json
    assert '"p_number": {"value": "1012345678"' in details and not CPR.search(details)
    assert [(t, c) for t, c, v in text_columns(engine) if CPR.search(v)] == []


def test_a_cpr_number_in_a_file_name_or_the_senders_name_is_stored_and_sent_nowhere(service):
    """"cpr_010190-1234.pdf" (an underscore before it) and "From: Jonas 010190-1234" were kept and echoed."""
    runner, engine, _ = service
    msg = application(sender="Jonas 010190-1234 <jonas@holm-maling.dk>", subject="Stillads", body=BODY)
    msg.add_attachment(b"%PDF-1.4 not really", maintype="application", subtype="pdf", filename="cpr_010190-1234.pdf")
    runner.mailbox.deliver(msg.as_bytes())
    (outcome,) = runner.process_batch()
    assert outcome.outcome == "case"
    assert [(t, c) for t, c, v in text_columns(engine) if CPR.search(v)] == []
    with Session(engine) as s:
        outgoing = [m.raw for m in s.exec(select(OutboxMail))]
    assert outgoing and not any(CPR.search(t) for raw in outgoing for t in visible_parts(raw))
